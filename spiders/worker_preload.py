"""Imported once by the page workers' fork server, before it forks them.

The extractors load most of what they need on first use (the language model, the craft taxonomy,
stemmers, date and price parsers): about 85 MB that each worker used to build for itself on its
first page. Working one small built-in page of each kind here loads it in the fork server, and
`gc.freeze()` keeps the collector from writing to those objects, so the workers share the pages.
A failure here only costs that sharing, never the crawl.
"""
from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)

_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Salon du tapis de Rabat</title>
<meta property="og:type" content="product"><meta property="product:price:amount" content="1200">
<meta property="product:price:currency" content="MAD"></head><body><header><a href="/">Accueil</a></header>
<article><h1>Salon du tapis et du zellige de Rabat</h1><p class="date">Publié le 12 mars 2026</p>
<p>Le Salon du tapis et du zellige se tiendra du 14 au 18 avril 2026 au parc des expositions de Rabat.
Les coopératives de tissage et les maâlems zelligeurs de Fès y présentent leurs collections.</p>
<p>Un tapis berbère de 6 m² se vend autour de 4 500 DH, selon les professionnels du secteur.</p>
<p>Prix : 1 200 DH. <button>Ajouter au panier</button></p></article></body></html>"""


def warm_up() -> None:
    from config import ROOT
    from spiders.sources import Source
    from spiders.workers import article_page, fair_page, offer_page

    rates = str(ROOT / "indexing" / "rates" / "ecb.json")
    url = "https://example.org/salon-du-tapis.html"
    for kind, work in (("news", article_page), ("fairs", fair_page), ("prices", offer_page)):
        source = Source(id="warm-up", kind=kind, name="warm-up", language="fr", start_urls=(url,))
        work(_PAGE, url, source, None, rates)


try:
    warm_up()
except Exception as exc:  # noqa: BLE001 - an optimisation only
    log.warning("page workers' warm-up failed (each worker loads its models itself): %s", exc)
gc.freeze()
