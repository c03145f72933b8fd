"""Event listings in HTML: repeated blocks of a title (heading or link) with one date line."""
from __future__ import annotations

from collections.abc import Sequence

from lxml import html

from spiders.extract.dates import find_date_spans, resolve_span
from spiders.extract.fair_edition import without_year
from spiders.extract.fair_places import PlaceIndex
from spiders.extract.fair_text import TextFair
from spiders.extract.textutil import one_line

_TITLE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MAX_TITLE_CHARS = 80
_MAX_BLOCK_CHARS = 400
_MAX_LEVELS = 3


def extract_listing_fairs(tree: html.HtmlElement, languages: Sequence[str]) -> list[TextFair]:
    fairs: list[TextFair] = []
    for heading in tree.iter(*_TITLE_TAGS):
        title = one_line(heading.text_content())
        if not title or len(title) > _MAX_TITLE_CHARS or find_date_spans(title, languages):
            continue
        block = _dated_block(heading, languages)
        if block is None:
            continue
        # Each element's text apart: "…d'art</h3><p>Du 3 au 6 avril 2025</p><p>Lyon" must not read "2025Lyon".
        text = one_line(" ".join(block.itertext()))
        spans = [s for s in find_date_spans(text, languages) if s.has_year]
        if len(spans) != 1 or spans[0].end is None:
            continue  # a fair runs over days; a lone date is a news item or a deadline
        start, end = resolve_span(spans[0], None)
        place = PlaceIndex.build(text).near(spans[0].begin, spans[0].finish)
        fairs.append(TextFair(
            name=without_year(title),  # "Rugs and Textiles Show 2025": the edition's year
            start=start,
            end=end,
            city=place.city.name if place.city else None,
            country=place.city.country if place.city else None,
            venue=None,
            description=text[:300],
        ))
    return fairs


def _dated_block(heading: html.HtmlElement, languages: Sequence[str]) -> html.HtmlElement | None:
    """The closest ancestor holding this title, one dated line, and no other title."""
    node = heading
    for _ in range(_MAX_LEVELS):
        parent = node.getparent()
        if parent is None:
            return None
        node = parent
        text = one_line(node.text_content())
        if len(text) > _MAX_BLOCK_CHARS:
            return None
        if sum(1 for _ in node.iter(*_TITLE_TAGS)) > 1:
            return None
        if any(s.has_year for s in find_date_spans(text, languages)):
            return node
    return None
