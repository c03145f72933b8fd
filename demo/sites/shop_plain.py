"""European competitor "Riad & Co" selling Moroccan decor in EUR ("349,00 €",
"€349.00" on the English pages): product pages with no structured data."""
from __future__ import annotations

from demo.httpcore import Response
from demo.sites.base import Ctx, Site
from demo.sites.shop_data import SHOP_PLAIN, Product, fmt_eur_en, fmt_eur_fr, priced

PER_PAGE = 6
FR = [p for p in SHOP_PLAIN if p.lang == "fr"]
EN = [p for p in SHOP_PLAIN if p.lang == "en"]
BY_PATH = {}
RETIRED_LINK_ON = "pouf-marocain-cuir-naturel"   # links to a removed product (404)


def url_of(p: Product) -> str:
    return f"/produits/{p.slug}.html" if p.lang == "fr" else f"/en/products/{p.slug}.html"


def money(cents: int, lang: str = "fr") -> str:
    return fmt_eur_fr(cents) if lang == "fr" else fmt_eur_en(cents)


BY_PATH = {url_of(p): p for p in SHOP_PLAIN}


class ShopPlainSite(Site):
    name = "shop_plain"
    title = "Riad & Co"
    robots_extra = "Disallow: /panier/\nDisallow: /compte/\n"

    def setup_routes(self):
        self.env.globals.update(url_of=url_of, money=money,
                                favourites=[SHOP_PLAIN[i] for i in (2, 6, 9)])
        self.add(r"/", self.home)
        self.add(r"/catalogue/", self.catalogue)
        self.add(r"/en/shop/", self.en_shop)
        self.add(r"/(produits|en/products)/([\w-]+)\.html", self.product)
        self.add(r"/(journal|contact|livraison|cgv)\.html", self.static)
        self.add(r"/(mentions-legales|panier|compte)/", self.static)

    def robots(self, ctx, m, q):
        resp = super().robots(ctx, m, q)
        # no sitemap on this shop: crawlers must walk the catalogue
        resp.body = b"\n".join(line for line in resp.body.split(b"\n") if not line.startswith(b"Sitemap:"))
        return resp

    def not_found_page(self, ctx: Ctx) -> bytes:
        return self.render("page.html", ctx, page_title="Produit introuvable", heading="Erreur 404",
                           paragraphs=["Ce produit n'existe plus."], lang="fr").encode()

    def home(self, ctx, m, q):
        return self.page("home.html", ctx, featured=FR[:4], lang="fr")

    def catalogue(self, ctx, m, q):
        try:
            page = int((q.get("page") or ["1"])[0])
        except ValueError:
            return None
        chunk, pages = self.paginate(FR, page, PER_PAGE)
        if chunk is None:
            return None
        return self.page("listing.html", ctx, items=chunk, page=page, pages=pages, total=len(FR),
                         heading="Catalogue", lang="fr",
                         page_url=lambda p: "/catalogue/" if p == 1 else f"/catalogue/?page={p}")

    def en_shop(self, ctx, m, q):
        return self.page("listing.html", ctx, items=EN + FR[:2], page=1, pages=1, total=len(EN) + 2,
                         heading="Shop", lang="en", page_url=lambda p: "/en/shop/")

    def product(self, ctx, m, q):
        p = BY_PATH.get(m.group(0))
        if p is None:
            return None
        i = SHOP_PLAIN.index(p)
        p = priced(p, getattr(self.owner, "price_round", 0))
        related = [SHOP_PLAIN[(i + k) % len(SHOP_PLAIN)] for k in (1, 3, 5)]
        return self.page("product.html", ctx, modified=-2, p=p, related=related, lang=p.lang,
                         retired=p.slug == RETIRED_LINK_ON)

    def static(self, ctx, m, q):
        texts = {
            "journal": ("Comment reconnaître un vrai tapis Beni Ouarain ?",
                        ["Un vrai Beni Ouarain est noué main, en laine épaisse et écrue, avec un dos irrégulier.",
                         "Méfiez-vous des prix trop bas : un 170 x 240 cm authentique coûte rarement moins de 900 €."]),
            "contact": ("Contact", ["bonjour@riadandco.example – 04 00 00 00 00"]),
            "livraison": ("Livraison & retours", ["Colissimo 5,90 € – offerte dès 150 €.", "Retours gratuits 30 jours."]),
            "cgv": ("CGV", ["Prix TTC en euros."]),
            "mentions-legales": ("Mentions légales", ["Riad & Co SAS, Lyon (données fictives)."]),
            "panier": ("Panier", ["Votre panier est vide."]),
            "compte": ("Mon compte", ["Identifiez-vous."]),
        }
        title, paras = texts[m.group(1)]
        return self.page("page.html", ctx, modified=-45, page_title=title, heading=title, paragraphs=paras, lang="fr")
