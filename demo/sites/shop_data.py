"""Products of the two shops (fictional).  Prices are integer cents."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    slug: str
    name: str
    price: int                 # cents
    currency: str              # "MAD" / "EUR"
    in_stock: bool
    sku: str
    brand: str
    category: str
    description: str
    details: tuple[tuple[str, str], ...] = ()
    old_price: int | None = None   # crossed-out price (<del> / <s>)
    lang: str = "fr"
    rating: tuple[float, int] | None = None    # (average, count)


def fmt_mad(cents: int) -> str:
    """WooCommerce (fr_MA) style: "1 250,00 DH" with no-break spaces."""
    units, c = divmod(cents, 100)
    return f"{units:,}".replace(",", "\u00a0") + f",{c:02d}\u00a0DH"


def fmt_eur_fr(cents: int) -> str:
    """"1 290,00 €"."""
    units, c = divmod(cents, 100)
    return f"{units:,}".replace(",", " ") + f",{c:02d} €"


def fmt_eur_en(cents: int) -> str:
    """"€1,290.00"."""
    units, c = divmod(cents, 100)
    return f"€{units:,}.{c:02d}"


def decimal(cents: int) -> str:
    units, c = divmod(cents, 100)
    return f"{units}.{c:02d}"


# ---------------------------------------------------------------- shop_jsonld (MAD)
SHOP_JSONLD: list[Product] = [
    Product("tapis-beni-ouarain-200x300", "Tapis Beni Ouarain en laine 200 x 300 cm", 890000, "MAD", True,
            "DM-TAP-BO-2030", "Coopérative Tifawin", "tapis",
            "Tapis berbère Beni Ouarain noué main par les tisserandes de la coopérative Tifawin (Moyen Atlas), "
            "en laine de mouton naturelle non teintée, motifs losanges bruns.",
            (("Dimensions", "200 x 300 cm"), ("Matière", "100 % laine"), ("Origine", "Azrou, Moyen Atlas")),
            old_price=1050000, rating=(4.8, 23)),
    Product("kilim-zemmour-150x240", "Kilim Zemmour tissé main 150 x 240 cm", 345000, "MAD", True,
            "DM-TAP-KZ-1524", "Coopérative Ait Zemmour", "tapis",
            "Kilim plat aux rayures rouges et ocres, tissé sur métier vertical dans la région de Khémisset.",
            (("Dimensions", "150 x 240 cm"), ("Matière", "laine et coton"))),
    Product("tajine-decoratif-safi", "Tajine décoratif peint main de Safi Ø 30 cm", 35000, "MAD", True,
            "DM-POT-TJ-30", "Poterie Serghini", "poterie",
            "Tajine en terre cuite émaillée, décor bleu de Safi peint à la main. Usage décoratif.",
            (("Diamètre", "30 cm"), ("Matière", "terre cuite émaillée")), rating=(4.5, 11)),
    Product("table-basse-zellige-fes", "Table basse en zellige de Fès Ø 80 cm", 420000, "MAD", True,
            "DM-ZEL-TB-80", "Atelier Ain Nokbi", "zellige",
            "Plateau en zellige taillé main (étoile à seize branches) sur piètement en fer forgé.",
            (("Diamètre", "80 cm"), ("Hauteur", "40 cm"), ("Poids", "38 kg")), old_price=490000),
    Product("babouches-cuir-fes-homme", "Babouches en cuir de Fès – homme", 28000, "MAD", True,
            "DM-CUI-BAB-H", "Dar Maâlem", "cuir",
            "Babouches cousues main en cuir de chèvre tanné à la tannerie Chouara, semelle cuir.",
            (("Pointures", "40 à 45"), ("Couleur", "jaune safran"))),
    Product("pouf-cuir-brode-marrakech", "Pouf en cuir brodé de Marrakech", 65000, "MAD", False,
            "DM-CUI-POUF-01", "Dar Maâlem", "cuir",
            "Pouf rond en cuir de chèvre brodé au fil de soie, livré non rembourré.",
            (("Diamètre", "50 cm"), ("Couleur", "fauve"))),
    Product("coffret-thuya-essaouira", "Coffret à bijoux en thuya d'Essaouira", 42000, "MAD", True,
            "DM-BOI-CF-12", "Coopérative Thuya Mogador", "bois",
            "Coffret en loupe de thuya marqueté de citronnier, travaillé par les ébénistes d'Essaouira.",
            (("Dimensions", "22 x 14 x 9 cm"),), rating=(4.9, 31)),
    Product("huile-argan-cosmetique-bio-100ml", "Huile d'argan cosmétique bio 100 ml", 18000, "MAD", True,
            "DM-ARG-100", "Coopérative Tafoukt Souss", "argan",
            "Huile d'argan vierge pressée à froid, certifiée bio, produite par une coopérative féminine du Souss.",
            (("Contenance", "100 ml"),), old_price=22000),
    Product("lanterne-laiton-cisele", "Lanterne marocaine en laiton ciselé", 125000, "MAD", True,
            "DM-DIN-LAN-45", "Atelier Seffarine", "dinanderie",
            "Lanterne en laiton ajouré et ciselé à la main par les dinandiers de la place Seffarine à Fès.",
            (("Hauteur", "45 cm"),)),
    Product("panier-palmier-doum", "Panier en palmier doum tressé main", 19000, "MAD", True,
            "DM-VAN-PAN-40", "Coopérative Doum Chaouen", "vannerie",
            "Grand panier en feuilles de palmier doum tressées, anses en cuir.",
            (("Dimensions", "40 x 30 cm"),)),
]

SHOP_JSONLD_CATEGORIES = {"tapis": "Tapis & kilims", "poterie": "Poterie", "zellige": "Zellige",
                          "cuir": "Cuir & babouches", "bois": "Bois de thuya", "argan": "Cosmétique argan",
                          "dinanderie": "Dinanderie", "vannerie": "Vannerie"}

# ------------------------------------------------------------------ shop_plain (EUR)
SHOP_PLAIN: list[Product] = [
    Product("tapis-berbere-beni-ouarain-170x240", "Tapis berbère Beni Ouarain 170 x 240 cm", 129000, "EUR", True,
            "RC-TAP-0142", "Riad & Co", "tapis",
            "Authentique tapis Beni Ouarain noué main au Maroc, laine écrue et motifs géométriques noirs.",
            (("Dimensions", "170 x 240 cm"), ("Matière", "laine"), ("Origine", "Maroc")), old_price=149000),
    Product("tapis-azilal-vintage-150x250", "Tapis Azilal vintage 150 x 250 cm", 89000, "EUR", True,
            "RC-TAP-0177", "Riad & Co", "tapis",
            "Tapis Azilal vintage aux couleurs vives, pièce unique sélectionnée dans le Haut Atlas.",
            (("Dimensions", "150 x 250 cm"),)),
    Product("pouf-marocain-cuir-naturel", "Pouf marocain en cuir naturel", 8900, "EUR", True,
            "RC-POU-0031", "Riad & Co", "cuir",
            "Pouf en cuir de chèvre tanné végétal, cousu main à Marrakech. Livré rembourré.",
            (("Diamètre", "55 cm"),)),
    Product("babouches-femme-brodees", "Babouches femme brodées", 4500, "EUR", False,
            "RC-BAB-0210", "Riad & Co", "cuir",
            "Babouches en cuir souple brodées de fils dorés, fabriquées à Fès.",
            (("Pointure", "38"),)),
    Product("tajine-terre-cuite-safi", "Tajine en terre cuite de Safi", 3990, "EUR", True,
            "RC-CUI-0088", "Riad & Co", "poterie",
            "Tajine de cuisson en terre cuite vernissée, fabriqué à Safi. Compatible gaz avec diffuseur.",
            (("Diamètre", "28 cm"),)),
    Product("miroir-zellige-60cm", "Miroir en zellige Ø 60 cm", 34900, "EUR", True,
            "RC-ZEL-0015", "Riad & Co", "zellige",
            "Miroir rond encadré de zellige vert émeraude taillé main à Fès.",
            (("Diamètre", "60 cm"),), old_price=39900),
    Product("lanterne-marocaine-laiton", "Lanterne marocaine en laiton ajouré", 12900, "EUR", True,
            "RC-LUM-0052", "Riad & Co", "luminaires",
            "Lanterne en laiton ajouré, projette des motifs étoilés. Fabriquée à Marrakech.",
            (("Hauteur", "40 cm"),), old_price=15900),
    Product("coffret-bois-de-thuya", "Coffret en bois de thuya", 5900, "EUR", False,
            "RC-BOI-0019", "Riad & Co", "bois",
            "Coffret en thuya d'Essaouira incrusté de nacre.",
            (("Dimensions", "18 x 12 x 7 cm"),)),
    Product("boucherouite-rug-120x180", "Handwoven Boucherouite rug 120 x 180 cm", 34900, "EUR", True,
            "RC-RUG-0301", "Riad & Co", "rugs",
            "Colourful rag rug handwoven from recycled textiles by women weavers in the Middle Atlas.",
            (("Size", "120 x 180 cm"),), lang="en"),
    Product("organic-argan-oil-100ml", "Organic argan oil 100 ml", 2490, "EUR", True,
            "RC-ARG-0007", "Riad & Co", "beauty",
            "Cold-pressed organic argan oil from a women's cooperative in the Souss region.",
            (("Volume", "100 ml"),), old_price=2990, lang="en"),
]


# Price moves between the demo's two price crawls: round 0 is the catalogue above, round 1 moves a few
# products (a rise, a fall, a promotion), so the digest, the price alerts and the history pages have movement.
PRICE_MOVES_PCT: dict[str, int] = {
    "tapis-beni-ouarain-200x300": 12, "kilim-zemmour-150x240": -8, "pouf-cuir-brode-marrakech": 15,
    "babouches-cuir-fes-homme": -10, "huile-argan-cosmetique-bio-100ml": 6,
    "boucherouite-rug-120x180": -14, "tajine-terre-cuite-safi": 9, "lanterne-marocaine-laiton": -12,
}


def priced(product: Product, price_round: int) -> Product:
    from dataclasses import replace
    move = PRICE_MOVES_PCT.get(product.slug) if price_round else None
    if not move:
        return product
    return replace(product, price=int(round(product.price * (100 + move) / 100, -2)))
