"""The "add to cart" button: a product page that offers one sells the product now."""
from __future__ import annotations

import re

from lxml import etree, html

from spiders.extract.availability import is_hidden

# Buttons that put the product in the basket, in the languages our sources use.
_BUY_WORDS = re.compile(
    r"add(?:ing)?\s+to\s+(?:your\s+|my\s+)?(?:cart|basket|bag|trolley)|buy\s+(?:it\s+)?now|ajouter\s+au\s+panier|acheter"
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
