"""What a product page writes in words when its markup is silent: the shop's reference, the buy button."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from spiders.extract.availability import is_hidden

# Labels shops print before their own product reference ("Réf. : RC-TAP-0142", "ASIN B07FW264WL").
_SKU_LABEL = (
    r"sku|asin|r[ée]f(?:[ée]rence)?(?:\s+(?:produit|article))?|ref(?:erence)?(?:\s+(?:no|number))?"
    r"|referência(?:\s+produto)?|nr\.?\s*ref|numer\s+referencyjny"
    r"|item\s*(?:no|number|code|#|id)|(?:ebay\s+)?item\s+number|product\s*(?:code|id|no|number)"
    r"|article\s*(?:no|number|code)|art(?:ikel)?[.\s-]*(?:nr|nummer)|artikelnummer|bestellnummer"
    r"|c[óo]digo(?:\s+(?:de\s+)?(?:produto|producto|artículo))?|cod(?:ice)?\s+(?:produs|articolo|prodotto)"
    r"|kód\s+produktu|kod\s+(?:produktu|towaru)|šifra|tuotenumero|numero\s+oggetto(?:\s+ebay)?"
    r"|web\s+code|model\s+code|ad\s*(?:#|id)|post\s+id"
    r"|артикул|код(?:\s+товара)?|رقم\s+المنتج|المرجع|קוד\s+מוצר|商品編號|商品编号|货号|貨號|상품번호|딜번호|品番"
)
_BRAND_LABEL = (
    r"brand|marque|marke|marca|merk|marka|značka|znamka|proizvajalec|výrobce|výrobca|hersteller|fabricante"
    r"|manufacturer|make(?:/manufacturer)?|производитель|бренд|الماركة|العلامة\s+التجارية|品牌|ブランド|브랜드"
)
_CODE = r"[A-Za-z0-9][A-Za-z0-9._/-]{1,38}[A-Za-z0-9]"
_LABEL_END = r"\s*(?:[:#：.]\s*)*"
_SKU_IN_TEXT = re.compile(rf"(?:^|[^\w])(?:{_SKU_LABEL}){_LABEL_END}({_CODE})[\W]*$", re.IGNORECASE)
_BRAND_IN_TEXT = re.compile(rf"(?:^|[^\w])(?:{_BRAND_LABEL})\s*[:：]\s*(\w.{{0,38}}?)\s*$", re.IGNORECASE)
_SKU_LABEL_ONLY = re.compile(rf"^[^\w]*(?:{_SKU_LABEL})\s*[:#：.]?\s*$", re.IGNORECASE)
_BRAND_LABEL_ONLY = re.compile(rf"^[^\w]*(?:{_BRAND_LABEL})\s*[:：]?\s*$", re.IGNORECASE)
_CODE_ONLY = re.compile(rf"^[\s:#：.]*({_CODE})\s*$")
_NAME_ONLY = re.compile(r"^[\s:：]*(\w.{0,38}?)\s*$")
_DIGIT = re.compile(r"\d")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_MAX_PIECE = 60
_SKIPPED = frozenset({"script", "style", "noscript", "template", "title", "head", "option", "textarea", "select"})
_TEXTS = etree.XPath("//body//text()")
_NEAR_LEVELS = 2

# Buttons that put the product in the basket, in the languages our sources use.
_BUY_WORDS = re.compile(
    r"add(?:ing)?\s+to\s+(?:cart|basket|bag|trolley)|buy\s+(?:it\s+)?now|ajouter\s+au\s+panier|acheter"
    r"|in\s+den\s+(?:warenkorb|einkaufswagen)|jetzt\s+kaufen|aggiungi\s+al\s+carrello|acquista"
    r"|a[ñn]adir\s+(?:al\s+carrito|a\s+la\s+cesta)|agregar\s+al\s+carrito|comprar|adicionar\s+ao\s+carrinho"
    r"|dodaj\s+do\s+koszyka|kup\s+teraz|in\s+winkelwagen|do\s+ko[šs][íi]ka?|v\s+ko[šs]arico|u\s+ko[šs]aricu"
    r"|в\s+корзину|купить|sepete\s+ekle|أضف\s+إلى\s+السلة|إضافة\s+إلى\s+السلة|اشتر[يِ]?\s+الآن"
    r"|加入購物車|加入购物车|立即購買|立即购买|放入購物車|カートに入れる|장바구니|구매하기|바로구매",
    re.IGNORECASE,
)
_BUY_ATTRS = re.compile(r"add[-_ ]?to[-_ ]?(?:cart|basket|bag)|addtocart|buy[-_ ]?(?:now|button|box)", re.IGNORECASE)
_BUTTONS = etree.XPath(
    '//button | //input[@type="submit" or @type="button" or @type="image"]'
    ' | //a[contains(@class, "btn") or contains(@class, "button") or contains(@class, "cart") or contains(@id, "cart")]'
)
_MAX_BUTTON_TEXT = 40
_MAX_BUTTONS = 300


@dataclass(frozen=True)
class LabelledFields:
    sku: str | None
    brand: str | None


def labelled_fields(tree: html.HtmlElement) -> LabelledFields:
    """The reference and brand printed after labels such as "Réf. :", "SKU", "Brand:" or "Marca:"."""
    pieces = [(text, element) for text, element in (_piece(node) for node in _TEXTS(tree)) if text]
    sku = brand = None
    for index, (text, element) in enumerate(pieces):
        if len(text) > _MAX_PIECE:
            continue
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if sku is None:
            sku = _labelled(text, element, following, _SKU_IN_TEXT, _SKU_LABEL_ONLY, _CODE_ONLY)
            if sku and (not _DIGIT.search(sku) or _DATE_LIKE.match(sku)):
                sku = None
        if brand is None:
            brand = _labelled(text, element, following, _BRAND_IN_TEXT, _BRAND_LABEL_ONLY, _NAME_ONLY)
        if sku and brand:
            break
    return LabelledFields(sku, brand)


def _labelled(
    text: str, element: html.HtmlElement, following: tuple[str, html.HtmlElement] | None,
    inline: re.Pattern[str], label_only: re.Pattern[str], value_only: re.Pattern[str],
) -> str | None:
    match = inline.search(text)
    if match:
        return match.group(1)
    if following is None or not label_only.match(text) or not _near(element, following[1]):
        return None
    value = value_only.match(following[0])
    return value.group(1) if value else None


def _near(label: html.HtmlElement, value: html.HtmlElement) -> bool:
    """A value in the label's own row ("<th>Brand</th><td>X</td>"), not the next entry of a menu."""
    label_up = [label, *list(label.iterancestors())[:_NEAR_LEVELS]]
    value_up = [value, *list(value.iterancestors())[:_NEAR_LEVELS]]
    return any(node in label_up for node in value_up) and not any(n.tag in ("ul", "ol", "nav") for n in label_up[1:] if n in value_up)


def _piece(node: etree._ElementUnicodeResult) -> tuple[str, html.HtmlElement | None]:
    owner = node.getparent()
    if owner is None:
        return "", None
    element = owner.getparent() if node.is_tail else owner
    if element is None or not isinstance(element.tag, str) or element.tag in _SKIPPED:
        return "", None
    return " ".join(node.split()), element


def buy_button(tree: html.HtmlElement) -> bool:
    """Whether the page offers an enabled, visible "add to cart" / "buy now" button."""
    for element in _BUTTONS(tree)[:_MAX_BUTTONS]:
        if element.get("disabled") is not None or "disabled" in (element.get("class") or "").lower():
            continue
        label = " ".join((element.text_content() if element.tag != "input" else element.get("value") or "").split())
        attrs = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("name"))))
        named = len(label) <= _MAX_BUTTON_TEXT and _BUY_WORDS.search(label)
        if (named or _BUY_ATTRS.search(attrs)) and not is_hidden(element):
            return True
    return False


def labelled_brand(text: str) -> str | None:
    """The name after a brand label inside a longer text ("Ver mais artigos da Marca: Roborock")."""
    match = _BRAND_IN_TEXT.search(text)
    return match.group(1) if match else None
