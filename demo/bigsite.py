"""A large generated news site for crawler benchmarks.

``BigSite(n_pages=2500)`` pre-renders ``n_pages`` realistic article pages
(15-40 KB each: header, navigation, sidebar, footer, 8-30 varied paragraphs,
deterministic for a given ``seed``) plus listing pages of ``per_listing``
links, all into memory, and serves them from a ThreadingHTTPServer
(HTTP/1.1 keep-alive, ETag / Last-Modified / 304, HEAD).

Layout::

    /                   home: links to every listing page + the 20 latest articles
    /list/N/            listing N (1-based): ``per_listing`` article links, prev/next
    /article/NNNNN-slug.html
    /robots.txt, /sitemap.xml

CLI::

    python -m demo.bigsite --pages 2500 --port 8010 [--out-dir DIR] [--bench]

``--out-dir`` also writes the pages to a directory (``/list/3/`` ->
``list/3/index.html``) so any static web server can serve them.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import html
import random
import signal
import sys
import threading
import time
from pathlib import Path

from demo.dates import MOROCCO_TZ, format_date
from demo.httpcore import HTML, DemoHTTPServer, Response

# --------------------------------------------------------------------------- text material
_SUBJECTS = ["Les coopératives de tissage", "Les maâlems zelligeurs de Fès", "Les potiers de Safi",
             "Les dinandiers de la place Seffarine", "Les ébénistes d'Essaouira", "Les tanneurs de la Chouara",
             "Les brodeuses de Rabat", "Les bijoutiers de Tiznit", "Les vanniers du Rif",
             "Les productrices d'huile d'argan", "Les exportateurs de Casablanca", "Les artisans de Marrakech",
             "Les jeunes créateurs de Tétouan", "Les tisserandes du Moyen Atlas", "Les maroquiniers de Fès",
             "Les femmes artisanes de Taroudant", "Les ateliers de tadelakt", "Les sculpteurs sur plâtre de Meknès"]
_VERBS = ["misent sur", "s'inquiètent de", "profitent de", "se mobilisent pour", "réclament",
          "s'organisent autour de", "investissent dans", "font face à", "se tournent vers", "dénoncent",
          "accueillent favorablement", "préparent", "négocient", "innovent grâce à"]
_OBJECTS = ["la hausse du prix des matières premières", "la vente en ligne", "les salons internationaux",
            "un nouveau label de qualité", "la concurrence des produits importés", "les aides à l'export",
            "la formation des apprentis", "la traçabilité des produits", "les commandes des hôtels de luxe",
            "la demande européenne", "la digitalisation des coopératives", "le coût du transport maritime",
            "les nouvelles collections de décoration", "la protection des savoir-faire",
            "les marchés du Golfe", "la couverture sociale des artisans", "l'indication géographique protégée"]
_TAILS = ["selon les professionnels du secteur", "d'après une étude récente", "depuis le début de l'année",
          "malgré un contexte difficile", "avec le soutien de la chambre d'artisanat",
          "à quelques semaines du prochain salon", "dans un marché en pleine mutation",
          "au grand dam des intermédiaires", "comme l'explique un maître artisan", "pour la troisième année consécutive"]
_FIGURES = ["Le chiffre d'affaires du secteur aurait progressé de {p} % sur un an.",
            "Un tapis de {a} m² se vend désormais autour de {m} DH.",
            "Près de {n} artisans sont concernés dans la région.",
            "Les exportations ont atteint {m} MDH sur la période.",
            "La coopérative compte {n} adhérentes et produit {a} pièces par mois.",
            "Le prix moyen a augmenté de {p} % en douze mois.",
            "Plus de {n} visiteurs sont attendus lors de la prochaine édition."]
_QUOTES = ["« Nous devons transmettre ce savoir-faire aux jeunes », confie {who}.",
           "« Sans accompagnement, beaucoup d'ateliers vont fermer », prévient {who}.",
           "« Le numérique nous a ouvert de nouveaux marchés », se réjouit {who}.",
           "« La qualité doit rester notre priorité », insiste {who}."]
_WHO = ["un maâlem de la médina", "la présidente de la coopérative", "un exportateur casablancais",
        "une jeune créatrice", "le responsable régional de l'artisanat", "un acheteur européen"]
_TITLE_TOPICS = ["Tapis berbères", "Zellige", "Poterie de Safi", "Dinanderie", "Bois de thuya", "Babouches",
                 "Broderie de Fès", "Bijoux berbères", "Vannerie", "Tadelakt", "Huile d'argan", "Maroquinerie",
                 "Exportations", "Salons internationaux", "Coopératives", "Formation des artisans"]
_AUTHORS = ["Salma Benjelloun", "Youssef El Amrani", "Nadia Tazi", "Karim Bennani", "Hind Alaoui",
            "Omar Kettani", "Leila Mansouri", "Mehdi Chraibi", "Sanaa Idrissi", "Reda Berrada"]
_SECTIONS = ["Économie", "Métiers", "Salons", "Export", "Régions", "Formation", "Tourisme", "Patrimoine"]


def _sentence_pool(rnd: random.Random, size: int = 3000) -> list[str]:
    pool = []
    for _ in range(size):
        kind = rnd.random()
        if kind < 0.6:
            s = f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} {rnd.choice(_OBJECTS)}, {rnd.choice(_TAILS)}."
        elif kind < 0.85:
            s = rnd.choice(_FIGURES).format(p=rnd.randint(2, 35), a=rnd.randint(2, 12),
                                           m=f"{rnd.randint(1, 98)} {rnd.randint(100, 999)}",
                                           n=rnd.randint(20, 4000))
        else:
            s = rnd.choice(_QUOTES).format(who=rnd.choice(_WHO))
        pool.append(html.escape(s, quote=False))
    return pool


def _slugify(text: str) -> str:
    import unicodedata
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for ch in t:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:60]


_HEAD = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Le Grand Journal de l'Artisanat</title>
<meta name="description" content="{desc}">
{extra_head}<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-BIGSITE01');</script>
</head>
<body>
<div class="topbar"><span>Édition du {today}</span> <a href="/abonnement/">S'abonner</a> <a href="/connexion/">Se connecter</a></div>
<header class="site-header"><a class="logo" href="/">Le Grand Journal de l'Artisanat</a>
<nav class="main-nav"><ul>{nav}</ul></nav>
<form action="/recherche" method="get"><input type="search" name="q" placeholder="Rechercher"><button>OK</button></form>
</header>
<div class="wrap"><main id="main">
"""

_FOOT = """</main>
<aside class="sidebar">
<section class="box most-read"><h2>Les plus lus</h2><ol>{most_read}</ol></section>
<section class="box newsletter"><h2>Newsletter</h2><p>Chaque matin, l'essentiel de l'artisanat marocain dans votre boîte mail.</p>
<form action="/newsletter" method="post"><input type="email" name="email"><button>S'inscrire</button></form></section>
<section class="box ad"><p>Publicité</p><img src="/static/pub.svg" alt="" width="300" height="250"></section>
</aside></div>
<footer class="site-footer"><p><a href="/">Accueil</a> · <a href="/list/1/">Toutes les actualités</a> · <a href="/sitemap.xml">Plan du site</a> ·
<a href="/mentions-legales/">Mentions légales</a> · <a href="/contact/">Contact</a></p>
<p>© Le Grand Journal de l'Artisanat – site de démonstration, contenus générés automatiquement.</p></footer>
<div id="cookie-banner" class="cookie-banner">Ce site utilise des cookies. <button onclick="this.parentNode.style.display='none'">OK</button></div>
<script>(function(){{var b=document.getElementById('cookie-banner');if(document.cookie.indexOf('ok=1')>-1)b.style.display='none';}})();</script>
</body>
</html>
"""


class BigSite:
    """A pre-rendered large site; see the module docstring."""

    def __init__(self, n_pages: int = 2500, port: int = 0, host: str = "127.0.0.1", seed: int = 1234,
                 per_listing: int = 50, today: _dt.date | None = None, verbose: bool = False):
        self.n_pages = n_pages
        self.host = host
        self.port = port
        self.seed = seed
        self.per_listing = per_listing
        self.today = today or _dt.date.today()
        self.verbose = verbose
        self.pages: dict[str, Response] = {}
        self.article_paths: list[str] = []
        self.listing_paths: list[str] = []
        self._server: DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.generate()

    # ---------------------------------------------------------------- generation
    def generate(self) -> None:
        rnd = random.Random(self.seed)
        pool = _sentence_pool(rnd)
        n = self.n_pages
        meta = []
        for i in range(n):
            topic = rnd.choice(_TITLE_TOPICS)
            title = f"{topic} : {rnd.choice(_SUBJECTS).lower()} {rnd.choice(_VERBS)} {rnd.choice(_OBJECTS)}"
            path = f"/article/{i + 1:05d}-{_slugify(title)}.html"
            offset = -(i * 365 // max(n, 1)) - 1          # newest first, spread over a year
            meta.append((path, html.escape(title), offset, rnd.choice(_AUTHORS), rnd.choice(_SECTIONS),
                         rnd.randint(6, 21), rnd.randint(0, 59)))
        self.article_paths = [m[0] for m in meta]
        n_list = max(1, -(-n // self.per_listing))
        nav = '<li><a href="/">Accueil</a></li>' + "".join(
            f'<li><a href="/list/{min(k, n_list)}/">{s}</a></li>' for k, s in enumerate(_SECTIONS[:6], start=1))
        most_read = "".join(f'<li><a href="{m[0]}">{m[1]}</a></li>' for m in meta[:5])
        today_txt = format_date(self.today, "fr")
        foot = _FOOT.format(most_read=most_read)

        def head(title: str, desc: str, extra: str = "") -> str:
            return _HEAD.format(title=title, desc=desc, extra_head=extra, today=today_txt, nav=nav)

        def stamp(offset: int, h: int = 6, m: int = 0) -> _dt.datetime:
            d = self.today + _dt.timedelta(days=offset)
            return _dt.datetime(d.year, d.month, d.day, h, m, tzinfo=MOROCCO_TZ)

        # articles
        for i, (path, title, offset, author, section, hh, mm) in enumerate(meta):
            target = rnd.randint(15_000, 40_000)
            when = stamp(offset, hh, mm)
            related = rnd.sample(range(n), k=min(5, n))
            parts = [head(title, title, f'<meta property="article:published_time" content="{when.isoformat()}">\n'
                                        f'<link rel="canonical" href="{path}">\n'),
                     f'<p class="breadcrumb"><a href="/">Accueil</a> › {section}</p>\n<article>\n<h1>{title}</h1>\n'
                     f'<p class="byline">Par {author} – <time datetime="{when.isoformat()}">'
                     f'{format_date(when.date(), "fr")} à {hh:02d}h{mm:02d}</time></p>\n'
                     f'<figure><img src="/static/a{i % 50}.jpg" alt="" width="800" height="450"></figure>\n']
            size = sum(len(p) for p in parts) + len(foot) + 800
            k = 0
            while size < target:
                k += 1
                para = " ".join(rnd.sample(pool, rnd.randint(3, 9)))
                tag = "h2" if k % 6 == 0 else "p"
                chunk = f"<{tag}>{para if tag == 'p' else para[:70]}</{tag}>\n"
                parts.append(chunk)
                size += len(chunk.encode())
            parts.append('</article>\n<section class="related"><h2>À lire aussi</h2><ul>')
            parts.extend(f'<li><a href="{meta[r][0]}">{meta[r][1]}</a></li>' for r in related)
            parts.append("</ul></section>\n")
            parts.append(foot)
            self._put(path, "".join(parts), when)

        # listings
        per = self.per_listing
        for k in range(1, n_list + 1):
            chunk = meta[(k - 1) * per: k * per]
            items = "".join(f'<li><a href="{m[0]}">{m[1]}</a> <small>{format_date(self.today + _dt.timedelta(days=m[2]), "fr")}</small></li>\n'
                            for m in chunk)
            pager = (f'<a rel="prev" href="/list/{k - 1}/">« Précédent</a> ' if k > 1 else "") + \
                    f"<span>Page {k} / {n_list}</span>" + \
                    (f' <a rel="next" href="/list/{k + 1}/">Suivant »</a>' if k < n_list else "")
            body = (head(f"Toutes les actualités – page {k}", "Archives") +
                    f"<h1>Toutes les actualités – page {k}</h1>\n<ul class=\"list\">\n{items}</ul>\n"
                    f'<nav class="pagination">{pager}</nav>\n' + foot)
            path = f"/list/{k}/"
            self.listing_paths.append(path)
            self._put(path, body, stamp(0))

        # home
        latest = "".join(f'<li><a href="{m[0]}">{m[1]}</a></li>\n' for m in meta[:20])
        pages_links = " ".join(f'<a href="/list/{k}/">{k}</a>' for k in range(1, n_list + 1))
        self._put("/", head("Accueil", "Le Grand Journal de l'Artisanat") +
                  f"<h1>À la une</h1>\n<ul>\n{latest}</ul>\n<h2>Toutes les pages d'actualités</h2>\n"
                  f'<nav class="pagination">{pages_links}</nav>\n' + foot, stamp(0))
        for path, title in (("/abonnement/", "S'abonner"), ("/mentions-legales/", "Mentions légales"),
                            ("/contact/", "Contact")):
            self._put(path, head(title, title) + f"<h1>{title}</h1>\n<p>Le Grand Journal de l'Artisanat – "
                      "site de démonstration.</p>\n" + foot, stamp(-60))
        self._put("/robots.txt", "User-agent: *\nDisallow: /recherche\nDisallow: /connexion/\n\nSitemap: /sitemap.xml\n",
                  stamp(-30), "text/plain; charset=utf-8")
        urls = "".join(f"<url><loc>{p}</loc></url>\n" for p in ["/"] + self.listing_paths + self.article_paths)
        self._put("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
                  stamp(0), "application/xml; charset=utf-8")

    def _put(self, path: str, text: str, when: _dt.datetime, ctype: str = HTML) -> None:
        body = text.encode("utf-8")
        etag = '"' + hashlib.blake2b(body, digest_size=10).hexdigest() + '"'
        self.pages[path] = Response(200, body, ctype, last_modified=when, etag=etag)

    # ---------------------------------------------------------------- serving
    _NOT_FOUND = Response(404, b"<!DOCTYPE html><title>404</title><h1>Page introuvable</h1>\n", HTML, conditional=False)

    def respond(self, method, path, query, headers) -> Response:
        resp = self.pages.get(path)
        if resp is None:
            if not path.endswith("/") and path + "/" in self.pages:
                return Response(301, b"", HTML, headers={"Location": path + "/"}, conditional=False)
            return self._NOT_FOUND
        return resp

    def start(self) -> "BigSite":
        if self._server is None:
            self._stop.clear()
            self._server = DemoHTTPServer((self.host, self.port), self, site_name="bigsite",
                                          verbose=self.verbose, stop_event=self._stop)
            self._thread = self._server.start_thread("demo-bigsite")
        return self

    def close(self) -> None:
        if self._server is not None:
            self._stop.set()
            self._server.shutdown()
            self._server.server_close()
            if self._thread:
                self._thread.join(timeout=5)
            self._server = None
            self._thread = None

    def __enter__(self) -> "BigSite":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("BigSite not started")
        return self._server.base_url

    @property
    def urls(self) -> list[str]:
        """Every crawlable HTML page (home, listings, articles)."""
        return [self.base_url + p for p in ["/"] + self.listing_paths + self.article_paths]

    def write_to(self, out_dir: Path) -> int:
        """Write every page below ``out_dir`` (directory paths -> index.html)."""
        out_dir = Path(out_dir)
        for path, resp in self.pages.items():
            rel = path.lstrip("/")
            if rel == "" or rel.endswith("/"):
                rel += "index.html"
            dest = out_dir / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(resp.body)
        return len(self.pages)


# --------------------------------------------------------------------------- benchmark
def bench(base_url: str, paths: list[str], seconds: float = 3.0, concurrency: int = 16,
          keep_alive: bool = True) -> float:
    """Requests/s achieved by ``concurrency`` client threads fetching ``paths``."""
    import http.client
    from urllib.parse import urlsplit

    u = urlsplit(base_url)
    deadline = time.perf_counter() + seconds
    counts = [0] * concurrency
    errors = [0] * concurrency

    def worker(w: int) -> None:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        i = w
        while time.perf_counter() < deadline:
            path = paths[i % len(paths)]
            i += concurrency
            try:
                conn.request("GET", path, headers={} if keep_alive else {"Connection": "close"})
                r = conn.getresponse()
                r.read()
                if r.status == 200:
                    counts[w] += 1
                else:
                    errors[w] += 1
                if not keep_alive:
                    conn.close()
            except (OSError, http.client.HTTPException):
                errors[w] += 1
                conn.close()
                conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    if sum(errors):
        print(f"  ({sum(errors)} errors)", file=sys.stderr)
    return sum(counts) / elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m demo.bigsite", description="Serve a large generated news site.")
    ap.add_argument("--pages", type=int, default=2500)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--per-listing", type=int, default=50)
    ap.add_argument("--out-dir", type=Path, help="also write the pages to this directory")
    ap.add_argument("--bench", action="store_true", help="measure requests/s, then exit")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    site = BigSite(args.pages, port=args.port, host=args.host, seed=args.seed, per_listing=args.per_listing,
                   verbose=args.verbose)
    total = sum(len(r.body) for r in site.pages.values())
    print(f"generated {len(site.pages)} documents ({total / 1e6:.1f} MB) in {time.perf_counter() - t0:.2f} s")
    if args.out_dir:
        print(f"wrote {site.write_to(args.out_dir)} files to {args.out_dir}")
    site.start()
    print(f"bigsite {site.base_url}/")
    sys.stdout.flush()
    if args.bench:
        try:
            small = ["/robots.txt"]
            print(f"small (robots.txt), keep-alive, 16 clients: {bench(site.base_url, small):.0f} req/s")
            print(f"small (robots.txt), new connection each: {bench(site.base_url, small, keep_alive=False):.0f} req/s")
            print(f"articles (15-40 KB), keep-alive, 16 clients: {bench(site.base_url, site.article_paths):.0f} req/s")
        finally:
            site.close()
        return 0
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *a: stop.set())
    signal.signal(signal.SIGTERM, lambda *a: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    finally:
        site.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
