"""Stock status written on a product page when its markup says nothing."""
from __future__ import annotations

import re

from lxml import html

from spiders.extract.textutil import one_line

# Status elements are found by case-sensitive fragments of their class or id: "vailab"
# (availability, Availability), "tock" (stock, inStock), "VAILAB", "TOCK".
_SCHEMA_PROPERTY = "availability"
_MAX_SCHEMA_VALUES = 3
_OUT = re.compile(
    r"out of stock|sold out|currently unavailable|unavailable|rupture de stock|épuisé|indisponible"
    r"|nicht (?:auf lager|verfügbar|lieferbar)|ausverkauft|derzeit nicht|agotado|sin stock|no disponible"
    r"|esaurit|non disponibile|niedostępny|brak w magazynie|غير متوفر|نفذت الكمية",
    re.IGNORECASE,
)
_IN = re.compile(
    r"in stock|available|en stock|disponible|auf lager|lieferbar|verfügbar|sofort|en existencia|disponibile"
    r"|op voorraad|dostępny|na stanie|متوفر",
    re.IGNORECASE,
)
_MAX_TEXT = 80
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDDEN_CLASS = re.compile(r"(?:^|[\s_-])(?:hidden|hide|d-none|is-hidden|invisible)(?:$|[\s_-])", re.IGNORECASE)
_MAX_ELEMENTS = 20
_PAGE_TAGS = frozenset({"body", "html"})


def is_hidden(element: html.HtmlElement) -> bool:
    """Shops keep both messages in the page and hide the one that does not apply."""
    for node in (element, *element.iterancestors()):
        if node.tag in _PAGE_TAGS:
            break  # script-driven pages flag <body> ("js-focus-hide"); a hidden body would show nothing
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        if _HIDDEN_STYLE.search(node.get("style") or "") or _HIDDEN_CLASS.search(node.get("class") or ""):
            return True
    return False


def visible_availability(tree: html.HtmlElement) -> str | None:
    schema_values, status_elements = _marked_elements(tree)
    for value in schema_values[:_MAX_SCHEMA_VALUES]:
        if "OutOfStock" in value or "SoldOut" in value:
            return "OutOfStock"
        if "InStock" in value:
            return "InStock"
    for element in status_elements[:_MAX_ELEMENTS]:
        if element.tag in ("script", "style", "input", "select", "option") or is_hidden(element):
            continue
        text = one_line(element.text_content())
        if not text or len(text) > _MAX_TEXT:
            continue
        # Negative phrases first: "not available" contains "available".
        if _OUT.search(text):
            return "OutOfStock"
        if _IN.search(text):
            return "InStock"
    return _disabled_buy_button(tree)


_MAX_BUTTONS = 40


def _disabled_buy_button(tree: html.HtmlElement) -> str | None:
    """A shop greys out the buy button and writes "Sold out" on it ("<button disabled>Épuisé</button>")."""
    for count, button in enumerate(tree.iter("button")):
        if count >= _MAX_BUTTONS:
            break
        if button.get("disabled") is None or is_hidden(button):
            continue
        text = one_line(button.text_content())
        if text and len(text) <= _MAX_TEXT and _OUT.search(text):
            return "OutOfStock"
    return None


def _marked_elements(tree: html.HtmlElement) -> tuple[list[str], list[html.HtmlElement]]:
    """schema.org availability values, and elements whose class or id speaks of stock, in one walk.

    One Python pass over the tree costs a third of the equivalent XPath on 100 000-element pages.
    """
    values: list[str] = []
    status: list[html.HtmlElement] = []
    for element in tree.iter():
        get = element.get
        if get("itemprop") == _SCHEMA_PROPERTY:
            values += [v for v in (get("href"), get("content")) if v]
        names = f"{get('id') or ''} {get('class') or ''}"
        if len(names) > 1 and ("vailab" in names or "tock" in names or "VAILAB" in names or "TOCK" in names):
            status.append(element)
    return values, status
