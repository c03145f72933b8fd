"""News site "Artisanat Maroc Info": articles in French, Arabic and English,
RSS + Atom feeds, sitemap, paginated category listings and the edge pages (errors, charsets, a trap)."""
from __future__ import annotations

import random
import re
from urllib.parse import quote

from markupsafe import Markup, escape

from demo.httpcore import HTML, Response
from demo.sites.base import Ctx, Site
from demo.sites.fairs_data import FAIRS_BY_SLUG
from demo.sites.news_data import ARTICLES, BY_PATH, CATEGORIES, Article

UI = {
    "fr": dict(site="Artisanat Maroc Info", tagline="L'actualité de l'artisanat marocain : métiers, marchés, salons",
               today="Aujourd'hui :", newsroom="Espace rédaction", menu="Menu principal", home="Accueil",
               all_news="Toute l'actualité", archives="Archives", contact="Contact", search="Rechercher…",
               most_read="Les plus lus", newsletter="Newsletter",
               newsletter_text="Recevez chaque semaine l'essentiel de l'artisanat marocain.",
               subscribe="Je m'abonne", ad="Publicité", about="Qui sommes-nous ?", legal="Mentions légales",
               rights="Tous droits réservés.", cookie="Nous utilisons des cookies pour mesurer l'audience.",
               cookie_ok="Accepter", cookie_more="En savoir plus", home_title="L'actualité de l'artisanat marocain",
               latest="Dernières actualités", page="page", prev="Précédent", next="Suivant", article="Article",
               by="Par", photo="Photo d'illustration – DR", tags="Mots-clés :", related="À lire aussi",
               comments="Commentaires", no_comment="Soyez le premier à commenter.", name="Nom",
               your_comment="Votre commentaire", send="Envoyer"),
    "ar": dict(site="أخبار الصناعة التقليدية بالمغرب", tagline="كل أخبار الصناعة التقليدية المغربية",
               today="اليوم:", newsroom="فضاء التحرير", menu="القائمة الرئيسية", home="الرئيسية",
               all_news="كل الأخبار", archives="الأرشيف", contact="اتصل بنا", search="بحث…",
               most_read="الأكثر قراءة", newsletter="النشرة الإخبارية",
               newsletter_text="توصل كل أسبوع بأهم أخبار الصناعة التقليدية.", subscribe="اشترك",
               ad="إعلان", about="من نحن", legal="إشعار قانوني", rights="جميع الحقوق محفوظة.",
               cookie="نستعمل ملفات تعريف الارتباط لقياس عدد الزوار.", cookie_ok="موافق",
               cookie_more="لمعرفة المزيد", home_title="أخبار الصناعة التقليدية", latest="آخر الأخبار",
               page="صفحة", prev="السابق", next="التالي", article="مقال", by="بقلم", photo="صورة توضيحية",
               tags="كلمات مفتاحية:", related="اقرأ أيضا", comments="التعليقات", no_comment="كن أول من يعلق.",
               name="الاسم", your_comment="تعليقك", send="إرسال"),
    "en": dict(site="Artisanat Maroc Info", tagline="News about Moroccan crafts: trades, markets, trade fairs",
               today="Today:", newsroom="Newsroom", menu="Main menu", home="Home", all_news="All news",
               archives="Archives", contact="Contact", search="Search…", most_read="Most read",
               newsletter="Newsletter", newsletter_text="Get the week's Moroccan crafts news every Monday.",
               subscribe="Subscribe", ad="Advertisement", about="About us", legal="Legal notice",
               rights="All rights reserved.", cookie="We use cookies to measure our audience.",
               cookie_ok="Accept", cookie_more="Learn more", home_title="Moroccan crafts news",
               latest="Latest news", page="page", prev="Previous", next="Next", article="Article", by="By",
               photo="Illustration photo", tags="Tags:", related="Related articles", comments="Comments",
               no_comment="Be the first to comment.", name="Name", your_comment="Your comment", send="Send"),
}

LISTING_PER_PAGE = 6
CATEGORY_PER_PAGE = 5
MOST_READ = ["exportations-artisanat-903-mdh-neuf-mois-2025", "moroccan-handicraft-exports-903-million-dirhams",
             "taawuniyat-nisaiya-zarabi-atlas", "zellige-fes-hausse-prix-argile", "argan-oil-cooperatives-volatile-prices"]

EDGE_PATHS = {
    "server_error": "/barometre-des-prix/",
    "not_found": "/fr/articles/salon-artisanat-casablanca-2019.html",
    "slow": "/en-direct/",
    "private": "/private/redaction/",
    "huge": "/archives/rapport-integral-annuaire-cooperatives.html",
}


def _xmltext(value) -> Markup:
    """Escape for XML text and keep carriage returns (a bare CR would be normalised to LF)."""
    return Markup(str(escape(value)).replace("\r", "&#13;"))


def _sorted(articles):
    return sorted(articles, key=lambda a: (a.offset, a.hour, a.minute), reverse=True)


class NewsSite(Site):
    name = "news"
    title = "Artisanat Maroc Info"
    robots_extra = "Disallow: /recherche\n"

    def setup_routes(self):
        self.env.filters["xmltext"] = _xmltext
        self.env.globals["categories"] = CATEGORIES
        self.env.globals["fair"] = FAIRS_BY_SLUG.__getitem__
        self.add(r"/", self.home)
        self.add(r"/(ar|en)/", self.lang_home)
        self.add(r"/actualites/(?:page/(\d+)/)?", self.all_news)
        self.add(r"/categorie/([\w-]+)/(?:page/(\d+)/)?", self.category)
        self.add(r"/(fr|ar|en)/articles/([\w-]+)\.html", self.article)
        self.add(r"/rss\.xml", self.rss)
        self.add(r"/feed/", self.rss)
        self.add(r"/atom\.xml", self.atom)
        self.add(r"/sitemap\.xml", self.sitemap)
        self.add(r"/archives/", self.archives)
        self.add(re.escape(EDGE_PATHS["huge"]), self.huge)
        self.add(re.escape(EDGE_PATHS["server_error"]), self.server_error)
        self.add(re.escape(EDGE_PATHS["slow"]), self.slow)
        self.add(r"/agenda/", self.agenda)
        self.add(r"/recherche", self.search)
        self.add(r"/(a-propos|contact|mentions-legales)/", self.static)
        self._huge_cache: dict = {}

    # -- helpers ---------------------------------------------------------------
    def chrome(self, lang: str) -> dict:
        return dict(t=UI[lang], lang=lang, charset="utf-8",
                    most_read=[a for s in MOST_READ for a in ARTICLES if a.slug == s])

    def body_of(self, a: Article, ctx: Ctx) -> Markup:
        return Markup(self.render_string(a.body, ctx))

    @staticmethod
    def published_text(a: Article, ctx: Ctx) -> str:
        hm = f"{a.hour:02d}:{a.minute:02d}"
        if a.lang == "fr":
            return f"Publié le {ctx.dk.date(a.offset, 'fr')} à {a.hour:02d}h{a.minute:02d}"
        if a.lang == "ar":
            return f"نشر في {ctx.dk.date(a.offset, 'ar-ma')} - {hm}"
        return f"Published {ctx.dk.date(a.offset, 'en')}, {hm}"

    def not_found_page(self, ctx: Ctx) -> bytes:
        return self.render("page.html", ctx, page_title="Page introuvable", heading="Page introuvable (404)",
                           paragraphs=["L'article que vous cherchez a été supprimé ou déplacé.",
                                       "Consultez nos dernières actualités depuis la page d'accueil."],
                           **self.chrome("fr")).encode()

    def listing(self, ctx, items, page, heading, base, lang="fr") -> Response | None:
        chunk, pages = self.paginate(items, page, LISTING_PER_PAGE if base == "/actualites/" else CATEGORY_PER_PAGE)
        if chunk is None:
            return None
        return self.page("listing.html", ctx, items=chunk, page=page, pages=pages, heading=heading,
                         page_url=lambda p: base if p == 1 else f"{base}page/{p}/", **self.chrome(lang))

    # -- pages ---------------------------------------------------------------------
    def home(self, ctx, m, q):
        fr = _sorted(a for a in ARTICLES if a.lang == "fr" and a.edge is None)
        latest = [a for a in _sorted(ARTICLES) if a.edge is None][:8]
        sections = [dict(lang=lg, label=UI[lg]["latest"],
                         articles=_sorted(a for a in ARTICLES if a.lang == lg and a.edge is None))
                    for lg in ("ar", "en")]
        return self.page("home.html", ctx, top=fr[0], latest=latest, sections=sections, tools=True,
                         **self.chrome("fr"))

    def lang_home(self, ctx, m, q):
        lang = m.group(1)
        items = _sorted(a for a in ARTICLES if a.lang == lang)
        return self.page("home.html", ctx, top=items[0], latest=items[1:], sections=[], tools=False,
                         **self.chrome(lang))

    def all_news(self, ctx, m, q):
        return self.listing(ctx, _sorted(ARTICLES), int(m.group(1) or 1), "Toute l'actualité", "/actualites/")

    def category(self, ctx, m, q):
        slug = m.group(1)
        if slug not in CATEGORIES:
            return None
        items = _sorted(a for a in ARTICLES if a.category == slug)
        return self.listing(ctx, items, int(m.group(2) or 1), CATEGORIES[slug]["fr"], f"/categorie/{slug}/")

    def article(self, ctx, m, q):
        a = BY_PATH.get(m.group(0))
        if a is None:
            return None
        same = [r for r in _sorted(ARTICLES) if r is not a and r.edge is None]
        related = sorted(same, key=lambda r: (r.lang != a.lang, r.category != a.category))[:4]
        chrome = self.chrome(a.lang)
        charset_header = "utf-8"
        if a.edge == "latin1":
            chrome["charset"] = "windows-1252"
            charset_header = "windows-1252"
        elif a.edge == "charset-lie":
            chrome["charset"] = "utf-8"          # the meta lies: the bytes are windows-1252
            charset_header = None
        elif a.edge == "no-charset":
            chrome["charset"] = ""               # no declaration anywhere: UTF-8 must be sniffed
            charset_header = None
        html = self.render("article.html", ctx, a=a, body=self.body_of(a, ctx), related=related,
                           published_text=self.published_text(a, ctx), broken=a.edge == "broken-html",
                           **chrome)
        if a.edge == "broken-html":
            html = html.replace("</body>\n</html>\n", "")                     # never closed
            html = html.replace('<div class="wrap">', "<div class=wrap id=content><font size=2></span>", 1)
            html = html.replace('<section class="related">', '<table><tr><td><section class="related">', 1)
        if a.edge in ("latin1", "charset-lie"):
            body = html.encode("cp1252", errors="xmlcharrefreplace")
        else:
            body = html.encode("utf-8")
        ctype = "text/html" + (f"; charset={charset_header}" if charset_header else "")
        return Response(200, body, ctype, last_modified=ctx.dk.dt(a.offset, a.hour + 1, a.minute))

    def feed_items(self):
        return [a for a in _sorted(ARTICLES) if a.in_feed]

    def rss(self, ctx, m, q):
        items = self.feed_items()
        xml = self.render("rss.xml", ctx, items=items, build_date=ctx.dk.rfc822(items[0].offset, items[0].hour + 1),
                          bodies={a.slug: self.body_of(a, ctx) for a in items}, **self.chrome("fr"))
        return Response(200, xml.encode(), "application/rss+xml; charset=utf-8",
                        last_modified=ctx.dk.dt(items[0].offset, items[0].hour + 1))

    def atom(self, ctx, m, q):
        items = self.feed_items()
        xml = self.render("atom.xml", ctx, items=items, updated=ctx.dk.iso_dt(items[0].offset, items[0].hour + 1),
                          **self.chrome("fr"))
        return Response(200, xml.encode(), "application/atom+xml; charset=utf-8",
                        last_modified=ctx.dk.dt(items[0].offset, items[0].hour + 1))

    def sitemap(self, ctx, m, q):
        urls = [("/", ctx.dk.iso(0)), ("/ar/", ctx.dk.iso(0)), ("/en/", ctx.dk.iso(0)),
                ("/actualites/", ctx.dk.iso(0))]
        urls += [(f"/categorie/{c}/", ctx.dk.iso(0)) for c in CATEGORIES]
        urls += [(a.path, ctx.dk.iso(a.offset)) for a in _sorted(ARTICLES)]
        xml = self.render("sitemap.xml", ctx, urls=urls)
        return Response(200, xml.encode(), "application/xml; charset=utf-8", last_modified=ctx.dk.dt(0, 6))

    def archives(self, ctx, m, q):
        html = self.render_string(ARCHIVES, ctx, **self.chrome("fr"))
        return Response(200, html.encode(), HTML, last_modified=ctx.dk.dt(-1, 6))

    def huge(self, ctx, m, q):
        body = self._huge_cache.get(ctx.today)
        if body is None:
            rows = Markup("\n".join(_huge_rows()))
            body = self.render("huge.html", ctx, rows=rows, **self.chrome("fr")).encode()
            self._huge_cache = {ctx.today: body}
        return Response(200, body, HTML, last_modified=ctx.dk.dt(-30, 8))

    def server_error(self, ctx, m, q):
        return Response(500, b"<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
                             b"<body><h1>Internal Server Error</h1><p>Database connection failed.</p>"
                             b"<hr><address>nginx/1.24.0</address></body></html>\n",
                        HTML, conditional=False)

    def slow(self, ctx, m, q):
        resp = self.page("page.html", ctx, page_title="En direct", heading="En direct : le fil des salons",
                         paragraphs=["Mises à jour en temps réel depuis les salons de l'artisanat."],
                         **self.chrome("fr"))
        resp.delay = self.owner.slow_seconds
        resp.conditional = False
        return resp

    def agenda(self, ctx, m, q):
        upcoming = sorted(FAIRS_BY_SLUG.values(), key=lambda f: f.start)
        paras = [f"{f.name} – {f.city} : {ctx.dk.range(f.start, f.end, 'fr')}" for f in upcoming if f.listed][:6]
        return self.page("page.html", ctx, page_title="Agenda", heading="Agenda des salons et foires",
                         paragraphs=paras, **self.chrome("fr"))

    def search(self, ctx, m, q):
        term = (q.get("q") or [""])[0].strip()
        hits = [a for a in _sorted(ARTICLES)
                if term and (term.lower() in (t.lower() for t in a.tags) or term.lower() in a.title.lower())]
        if hits:
            resp = self.page("listing.html", ctx, items=hits, page=1, pages=1, heading=f"Recherche : {term}",
                             page_url=lambda p: "/recherche?q=" + quote(term), **self.chrome("fr"))
        else:
            resp = self.page("page.html", ctx, page_title="Recherche", heading=f"Recherche : {term}",
                             paragraphs=["Aucun résultat."], **self.chrome("fr"))
        resp.conditional = False
        return resp

    def static(self, ctx, m, q):
        texts = {
            "a-propos": ("Qui sommes-nous ?", ["Artisanat Maroc Info est un site d'information indépendant consacré "
                                               "à l'artisanat marocain, fondé à Casablanca.",
                                               "Notre rédaction suit les marchés, les métiers et les salons."]),
            "contact": ("Contact", ["Rédaction : redaction@artisanat-maroc-info.example",
                                    "Tél. : +212 5 22 00 00 00 – 12, rue des Artisans, Casablanca"]),
            "mentions-legales": ("Mentions légales", ["Éditeur : Artisanat Maroc Info SARL (données fictives).",
                                                      "Hébergement : démonstration locale."]),
        }
        title, paras = texts[m.group(1)]
        return self.page("page.html", ctx, modified=-90, page_title=title, heading=title, paragraphs=paras,
                         **self.chrome("fr"))


ARCHIVES = """{% extends "base.html" %}
{% block title %}Archives{% endblock %}
{% block content %}
<h1>Archives et dossiers</h1>
<ul class="archives">
  <li><a href="/archives/rapport-integral-annuaire-cooperatives.html">Rapport intégral : annuaire des coopératives
      artisanales (document complet, très volumineux)</a></li>
  <li><a href="/fr/articles/salon-artisanat-casablanca-2019.html">Salon de l'artisanat de Casablanca 2019 : le bilan</a></li>
  <li><a href="/actualites/page/2/">Actualités plus anciennes</a></li>
  <li><a href="/actualites/page/3/">Encore plus anciennes</a></li>
</ul>
{% endblock %}
"""

_REGIONS = ["Fès-Meknès", "Marrakech-Safi", "Souss-Massa", "Rabat-Salé-Kénitra", "Casablanca-Settat",
            "Tanger-Tétouan-Al Hoceïma", "Oriental", "Béni Mellal-Khénifra", "Drâa-Tafilalet", "Guelmim-Oued Noun"]
_TRADES = ["Tapis", "Poterie", "Zellige", "Cuir", "Bois / thuya", "Broderie", "Bijoux", "Dinanderie",
           "Vannerie", "Tadelakt", "Argan"]
_NAMES = ["Tifawin", "Al Amal", "Nour", "Tizi", "Assafi", "Al Baraka", "Tafoukt", "Annahda", "Ajdir", "Imlil",
          "Achbarou", "Tilila", "Al Wahda", "Taddart", "Izorane"]


def _huge_rows(target_bytes: int = 5_000_000):
    rnd = random.Random(20251)
    total, i = 0, 0
    while total < target_bytes:
        i += 1
        row = (f"<tr><td>{i}</td><td>Coopérative {rnd.choice(_NAMES)} {rnd.choice(_NAMES)} n° {i}</td>"
               f"<td>{rnd.choice(_REGIONS)}</td><td>{rnd.choice(_TRADES)}</td><td>{rnd.randint(7, 180)}</td>"
               f"<td>{rnd.randint(1985, 2024)}</td><td>Agréée, activité {rnd.choice(['régulière', 'saisonnière', 'suspendue'])}"
               f", export {rnd.choice(['oui', 'non'])}</td></tr>")
        total += len(row.encode()) + 1
        yield row
