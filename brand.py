"""The one palette of veille, for the web UI (web/static/app.css, :root) and the emails (templates/email/).

app.css cannot import Python, so a test holds its :root custom properties equal to PALETTE."""
from __future__ import annotations

import re
from typing import Final

# The product's name as readers see it, in the web header and the emails' header alike.
SITE_NAME: Final[dict[str, str]] = {"fr": "Veille artisanat", "ar": "رصد الصناعة التقليدية", "en": "Crafts market watch"}

PALETTE: Final[dict[str, str]] = {
    "text": "#1f2328",
    "muted": "#57606a",
    "bg": "#ffffff",
    "surface": "#f6f8fa",
    "border": "#d0d7de",
    "accent": "#0b6e4f",
    "accent_dark": "#07513a",
    "link": "#0b5cad",
    "error": "#b42318",
    "ok": "#1a7f37",
}

# Colours of the mails' former brick palette, still written inline by content templates that have not
# moved to {{ brand.* }} yet (the digest's): the rendered HTML gets the palette's colour instead.
RETIRED: Final[dict[str, str]] = {
    "#8a2c1b": PALETTE["accent"],   # brick: headings, links, buttons
    "#8a1c1c": PALETTE["error"],
    "#c62828": PALETTE["error"],    # a rise
    "#2e7d32": PALETTE["ok"],       # a fall
    "#f4f1ea": PALETTE["surface"],
    "#e5e0d5": PALETTE["border"],
}
_RETIRED = re.compile("(?:" + "|".join(map(re.escape, RETIRED)) + r")(?![0-9a-fA-F])", re.IGNORECASE)


def site_name(language: str) -> str:
    return SITE_NAME.get(language, SITE_NAME["fr"])


def on_palette(html: str) -> str:
    return _RETIRED.sub(lambda m: RETIRED[m.group(0).lower()], html)
