"""A hostile site written for these tests, served over real HTTP on loopback: malformed links among good
ones, lying charsets (header and <meta>), impossible prices, an iCal feed with impossible and broken
dates, a feed entry without a link, a listing that is also a start URL, and an article whose title tries a
mail header injection and whose body carries scripts (kept here, never in the demo sites users see)."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BAD_LINKS = ('<a href="http://[::1/x">broken host</a> <a href="http://[zz]/y">broken host 2</a> '
             '<a href="javascript:alert(1)">script</a>')
SENTENCE = ("Les artisans de Fès présentent leurs tapis, leurs zelliges et leurs poteries aux acheteurs européens. "
            "La coopérative exporte désormais vers Paris, Milan et Francfort, avec des prix stables depuis un an. ")
# (path, title, encoding of the bytes, Content-Type charset, <meta> charset)
ARTICLES = [
    ("/news/a1.html", "Le zellige de Fès à Paris", "utf-8", "utf-8", "utf-8"),
    ("/news/a2.html", "Élégance du tapis berbère", "utf-8", "iso-8859-1", None),       # header lies
    ("/news/a3.html", "Poterie de Safi : l'été des acheteurs", "utf-8", None, "utf-16"),  # meta lies
    ("/news/a4.html", "Thuya d'Essaouira, œuvre d'ébéniste", "cp1252", "utf-8", None),  # header lies the other way
    ("/news/a5.html", "Dinanderie : le cuivre martelé séduit", "utf-8", None, "iso-8859-1"),  # meta lies
    ("/news/a6.html", "Babouches de Marrakech en Europe", "utf-8", "utf-8", None),
]
GOOD_ARTICLE_TITLES = [a[1] for a in ARTICLES]
# The title carries CR LF and a Bcc header (in the page and in the feed); the body a script, a javascript:
# link, an onerror image and a comment with markup. Stored, it must be one inert line of text.
INJECTION_PATH = "/news/a7.html"
INJECTION_TITLE = "Cuir : alerte sur les prix des peaux\r\nBcc: victim@example.com"
INJECTION_BODY = ("<p>Les tanneries de Fès signalent une hausse du prix des peaux de chèvre depuis le début de l'année, "
                  "et les maroquiniers craignent une répercussion sur le prix des babouches.</p>"
                  "<script>alert(1)</script>"
                  "<p>La baisse de l'abattage et la concurrence des exportateurs de peaux brutes expliquent cette "
                  'tension. <a href="javascript:alert(1)">Consulter le détail des prix</a>.</p>'
                  '<img src="/x.svg" onerror="alert(document.cookie)" alt="Tannerie">'
                  + f"<p>{SENTENCE}</p>" * 2 +
                  "<section class=comments><p>&lt;script&gt;alert('xss')&lt;/script&gt; <b>Commentaire</b></p></section>")
PRODUCTS = [  # (path, name, JSON-LD price, shown price)
    ("/shop/p1.html", "Tapis kilim 150x200", "390.00", "390,00 €"),
    ("/shop/p2.html", "Plat en zellige", "-50", None),        # impossible: rejected, not 50
    ("/shop/p3.html", "Pouf en cuir", "1e30", None),          # impossible: rejected, not 1
    ("/shop/p4.html", "Lanterne en cuivre", "85.50", "85,50 €"),
]
GOOD_PRODUCTS = {"Tapis kilim 150x200": "390.00", "Lanterne en cuivre": "85.50"}
ICS_EVENTS = [  # (summary, DTSTART, DTEND)
    ("Salon du Zellige", "20271010", "20271014"),
    ("Foire du Tapis", "20271105", "20271108"),
    ("Salon de la fin des temps", "99991230", "99991231"),   # year-too-late
    ("Salon de l'an un", "00010101", "00010102"),             # year-too-early
    ("Salon sans date", "", "20271108"),                       # broken DTSTART: a skipped record
]
GOOD_FAIRS = ["Salon du Zellige", "Foire du Tapis"]


def article(title: str, meta: str | None, n: int) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return (f"<!doctype html><html lang=fr><head>{head}<title>{title}</title></head><body><nav>{BAD_LINKS}</nav>"
            f"<article><h1>{title}</h1><p class=date>Publié le 2{n} novembre 2026</p>"
            + "".join(f"<p>{SENTENCE}</p>" for _ in range(4)) + "</article></body></html>")


def injection_article() -> str:
    return (f'<!doctype html><html lang=fr><head><meta charset="utf-8"><title>{INJECTION_TITLE}</title></head><body>'
            f"<article><h1>{INJECTION_TITLE}</h1><p class=date>Publié le 27 novembre 2026</p>{INJECTION_BODY}"
            "</article></body></html>")


def product(name: str, price: str, shown: str | None) -> str:
    shown_html = f'<p class="price">{shown}</p>' if shown else ""
    return ('<!doctype html><html lang=fr><head><meta charset="utf-8"><title>' + name + "</title>"
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"' + name
            + '","offers":{"@type":"Offer","price":' + price + ',"priceCurrency":"EUR"}}</script></head><body>'
            + BAD_LINKS + f"<h1>{name}</h1>{shown_html}<button>Ajouter au panier</button></body></html>")


def pages() -> dict[str, tuple[str, bytes]]:
    site: dict[str, tuple[str, bytes]] = {}
    listing_1 = "".join(f'<a href="{a[0]}">{a[1]}</a>' for a in ARTICLES[:4])
    listing_2 = "".join(f'<a href="{a[0]}">{a[1]}</a>' for a in ARTICLES[4:]) + f'<a href="{INJECTION_PATH}">Cuir</a>'
    # the listing is also the start URL: one malformed link first, pagination last
    site["/news/"] = ("text/html; charset=utf-8", (f"<html><body>{BAD_LINKS}{listing_1}"
                                                   '<a rel="next" href="/news/page2.html">suite</a></body></html>').encode())
    site["/news/page2.html"] = ("text/html; charset=utf-8", f"<html><body>{BAD_LINKS}{listing_2}</body></html>".encode())
    for n, (path, title, encoding, header, meta) in enumerate(ARTICLES):
        content_type = f"text/html; charset={header}" if header else "text/html"
        site[path] = (content_type, article(title, meta, n).encode(encoding))
    site[INJECTION_PATH] = ("text/html; charset=utf-8", injection_article().encode())
    site["/shop/"] = ("text/html; charset=utf-8", ("<html><body>" + BAD_LINKS
                                                   + "".join(f'<a href="{p[0]}">{p[1]}</a>' for p in PRODUCTS)
                                                   + "</body></html>").encode())
    for path, name, price, shown in PRODUCTS:
        site[path] = ("text/html; charset=utf-8", product(name, price, shown).encode())
    events = "".join(f"BEGIN:VEVENT\r\nUID:e{i}\r\nSUMMARY:{s}\r\nDTSTART;VALUE=DATE:{start}\r\nDTEND;VALUE=DATE:{end}\r\n"
                     f"LOCATION:Parc des expositions, Paris, France\r\nEND:VEVENT\r\n" for i, (s, start, end) in enumerate(ICS_EVENTS))
    site["/salons.ics"] = ("text/calendar; charset=utf-8",
                           f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//fr\r\n{events}END:VCALENDAR\r\n".encode())
    site["/rss.xml"] = ("application/rss+xml", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Hostile</title>'
        "<item><title>Sans lien</title><description>Une entrée sans lien.</description></item>"
        "<item><title>Lien cassé</title><link>http://[::1/x</link></item>"
        f"<item><title>{ARTICLES[0][1]}</title><link>/news/a1.html</link><pubDate>Fri, 31 Dec 9999 10:00:00 GMT</pubDate></item>"
        f"<item><title>{INJECTION_TITLE.replace(chr(13), '&#13;')}</title><link>{INJECTION_PATH}</link></item>"
        "</channel></rss>").encode())
    site["/robots.txt"] = ("text/plain", b"User-agent: *\nAllow: /\n")
    return site


class HostileSite:
    def __init__(self) -> None:
        self.pages = pages()
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.hits.append(self.path)
                found = site.pages.get(self.path.split("?", 1)[0])
                if found is None:
                    self.send_error(404)
                    return
                content_type, body = found
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "HostileSite":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


CATALOGUE = """sources:
  - id: hostile-news
    kind: news
    name: Hostile news
    feeds: ["{url}/rss.xml"]
    listings:
      - url: "{url}/news/"
        link_pattern: "/news/a\\\\d+\\\\.html$"
        next_selector: "a[rel=next]"
        max_pages: 3
    start_urls: ["{url}/news/"]
    language: fr
    max_depth: 2
  - id: hostile-fairs
    kind: fair
    name: Hostile fairs
    ical: ["{url}/salons.ics"]
    language: fr
  - id: hostile-shop
    kind: shop
    name: Hostile shop
    listings:
      - url: "{url}/shop/"
        link_pattern: "/shop/p\\\\d+\\\\.html$"
    language: fr
    country: FR
"""
