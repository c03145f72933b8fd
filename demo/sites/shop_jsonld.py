"""Moroccan online craft shop "Dar Maâlem" (WooCommerce-like): prices in MAD
("1 250,00 DH"), schema.org Product + Offer JSON-LD on every product page."""
from __future__ import annotations

import json

from markupsafe import Markup

from demo.httpcore import Response
from demo.sites.base import Ctx, Site
from demo.sites.shop_data import SHOP_JSONLD, SHOP_JSONLD_CATEGORIES, Product, decimal, fmt_mad, priced

PER_PAGE = 6
BY_SLUG = {p.slug: p for p in SHOP_JSONLD}
RETIRED_LINK_ON = "kilim-zemmour-150x240"   # its related block links to a removed product (404)


class ShopJsonLdSite(Site):
    name = "shop_jsonld"
    title = "Dar Maâlem"
    robots_extra = "Disallow: /panier/\nDisallow: /mon-compte/\nDisallow: /*?orderby=\n"

    def setup_routes(self):
        self.env.globals.update(mad=fmt_mad, categories=SHOP_JSONLD_CATEGORIES,
                                best=[BY_SLUG[s] for s in ("coffret-thuya-essaouira", "huile-argan-cosmetique-bio-100ml",
                                                           "babouches-cuir-fes-homme")])
        self.add(r"/", self.home)
        self.add(r"/boutique/(?:page/(\d+)/)?", self.shop)
        self.add(r"/categorie-produit/([\w-]+)/", self.category)
        self.add(r"/produit/([\w-]+)/", self.product)
        self.add(r"/sitemap\.xml", self.sitemap)
        self.add(r"/(nos-artisans|livraison|cgv|contact|panier|mon-compte|mentions-legales)/", self.static)

    def not_found_page(self, ctx: Ctx) -> bytes:
        return self.render("page.html", ctx, page_title="Page non trouvée", heading="Oups ! Cette page est introuvable.",
                           paragraphs=["Ce produit n'est plus disponible."]).encode()

    def home(self, ctx, m, q):
        return self.page("home.html", ctx, featured=SHOP_JSONLD[:4])

    def _listing(self, ctx, items, page, heading, page_url):
        chunk, pages = self.paginate(items, page, PER_PAGE)
        if chunk is None:
            return None
        first = (page - 1) * PER_PAGE + 1
        return self.page("listing.html", ctx, items=chunk, page=page, pages=pages, heading=heading,
                         total=len(items), first=first, last=first + len(chunk) - 1, page_url=page_url)

    def shop(self, ctx, m, q):
        return self._listing(ctx, SHOP_JSONLD, int(m.group(1) or 1), "Boutique",
                             lambda p: "/boutique/" if p == 1 else f"/boutique/page/{p}/")

    def category(self, ctx, m, q):
        cat = m.group(1)
        if cat not in SHOP_JSONLD_CATEGORIES:
            return None
        items = [p for p in SHOP_JSONLD if p.category == cat]
        return self._listing(ctx, items, 1, SHOP_JSONLD_CATEGORIES[cat], lambda p: f"/categorie-produit/{cat}/")

    def product(self, ctx, m, q):
        p = BY_SLUG.get(m.group(1))
        if p is None:
            return None
        i = SHOP_JSONLD.index(p)
        p = priced(p, getattr(self.owner, "price_round", 0))
        related = [SHOP_JSONLD[(i + k) % len(SHOP_JSONLD)] for k in (1, 2, 3)]
        return self.page("product.html", ctx, modified=-3, p=p, related=related, loop_id=1000 + i,
                         jsonld=self.jsonld(p, ctx), retired=p.slug == RETIRED_LINK_ON)

    def jsonld(self, p: Product, ctx: Ctx) -> Markup:
        url = ctx.abs(f"/produit/{p.slug}/")
        availability = "https://schema.org/" + ("InStock" if p.in_stock else "OutOfStock")
        offer = {
            "@type": "Offer",
            "url": url,
            "price": decimal(p.price),
            "priceCurrency": "MAD",
            "availability": availability,
            "itemCondition": "https://schema.org/NewCondition",
            "priceValidUntil": ctx.dk.iso(30),
            "seller": {"@type": "Organization", "name": "Dar Maâlem"},
        }
        product = {
            "@context": "https://schema.org/",
            "@type": "Product",
            "name": p.name,
            "image": [ctx.abs(f"/static/img/{p.slug[:24]}.svg")],
            "description": p.description,
            "sku": p.sku,
            "brand": {"@type": "Brand", "name": p.brand},
            "category": SHOP_JSONLD_CATEGORIES[p.category],
            "offers": offer,
        }
        if p.rating:
            product["aggregateRating"] = {"@type": "AggregateRating", "ratingValue": str(p.rating[0]),
                                          "reviewCount": p.rating[1]}
        # a little variety, as on real shops
        if p.slug == "lanterne-laiton-cisele":
            offer["price"] = p.price / 100            # a JSON number: 1250.0
            product["offers"] = [offer]
        if p.slug == "huile-argan-cosmetique-bio-100ml":
            offer["price"] = p.price // 100           # integer 180
        if p.slug == "table-basse-zellige-fes":          # Yoast / WooCommerce style @graph
            del product["@context"]
            data = {"@context": "https://schema.org", "@graph": [
                {"@type": "WebPage", "@id": url, "url": url, "name": p.name + " – Dar Maâlem"},
                {"@type": "BreadcrumbList", "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Accueil", "item": ctx.abs("/")},
                    {"@type": "ListItem", "position": 2, "name": "Zellige", "item": ctx.abs("/categorie-produit/zellige/")},
                    {"@type": "ListItem", "position": 3, "name": p.name}]},
                product]}
        else:
            data = product
        return Markup(json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/"))

    def sitemap(self, ctx, m, q):
        urls = [("/", ctx.dk.iso(0)), ("/boutique/", ctx.dk.iso(0)), ("/boutique/page/2/", ctx.dk.iso(0))]
        urls += [(f"/produit/{p.slug}/", ctx.dk.iso(-3)) for p in SHOP_JSONLD]
        xml = self.render("sitemap.xml", ctx, urls=urls)
        return Response(200, xml.encode(), "application/xml; charset=utf-8", last_modified=ctx.dk.dt(0, 6))

    def static(self, ctx, m, q):
        texts = {
            "nos-artisans": ("Nos artisans", ["Nous travaillons avec une quarantaine de coopératives et d'ateliers "
                                              "à Fès, Marrakech, Safi, Essaouira et dans le Moyen Atlas."]),
            "livraison": ("Livraison", ["Livraison en 48 à 72 h au Maroc (35,00 DH, offerte dès 1 000,00 DH).",
                                        "International : à partir de 450,00 DH selon le poids."]),
            "cgv": ("Conditions générales de vente", ["Prix en dirhams marocains (MAD), TVA comprise."]),
            "contact": ("Contact", ["contact@dar-maalem.example – +212 5 24 00 00 00"]),
            "panier": ("Panier", ["Votre panier est vide."]),
            "mentions-legales": ("Mentions légales", ["Dar Maâlem SARL, Marrakech (données fictives)."]),
            "mon-compte": ("Mon compte", ["Connectez-vous pour suivre vos commandes."]),
        }
        title, paras = texts[m.group(1)]
        return self.page("page.html", ctx, modified=-60, page_title=title, heading=title, paragraphs=paras)
