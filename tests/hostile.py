"""Hypothesis strategies for hostile input (HTML, JSON-LD, iCal, feeds, prices, dates, names) and the
fixed budget the property tests run with, locally and in CI (VEILLE_FUZZ_EXAMPLES, default 40)."""
from __future__ import annotations

import json
import os
from datetime import date

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("VEILLE_FUZZ_EXAMPLES", "40"))
BUDGET = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

SCRIPTS = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
           "{{ 7*7 }}", "{% raw %}", "=HYPERLINK(\"http://evil\")", "+1-2", "@SUM(A1)", "\r\nBcc: victim@example.com"]
NAMES = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["Salon du Tapis", "Zellige & Co", "زربية الأطلس", "Élégance", "\u202etxt.exe", "A" * 600,
                     "\x00\x07\x1b[31m", "Ã‰lÃ©gance", "💍 Bijoux", *SCRIPTS]),
)
PRICES = st.one_of(
    st.sampled_from(["-50", "1e30", "1E+30", "NaN", "Infinity", "-0", "0", "€ -12,50", "12,99 €", "1 250,00 DH",
                     "99999999999999999999", "1e-30", "0x10", "12.990", "—", "", "$$$", "1.2.3,4", "١٢٣٫٥٠ د.م."]),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
)
DATES = st.one_of(
    st.sampled_from(["9999-12-31", "0001-01-01", "2027-02-30", "2027-13-01", "1899-12-31", "2026-W99", "31/12/9999",
                     "2027-03-10T25:61:00Z", "+275760-09-13", "-0044-03-15", "10 mars 2027", "yesterday", "", "2027-03-10"]),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.text(alphabet="0123456789-:TZ+ ", max_size=25),
)
LINKS = st.sampled_from(["http://[::1/x", "http://[::1]/ok", "http://h:99999/", "javascript:alert(1)", "data:text/html,x",
                         "//evil.example/", "file:///etc/passwd", "/a b c", "\x00", "http://good.example/article/1.html",
                         "../../../../x", "#", "mailto:a@b", "http://%zz/", "http://" + "a" * 3000])
CHARSETS = st.sampled_from(["utf-8", "utf-16", "iso-8859-1", "windows-1252", "x-user-defined", "bogus", "utf-32",
                            "shift_jis", "", "utf-8\"><script>"])

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), NAMES, PRICES, DATES)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["@type", "name", "price", "priceCurrency", "offers", "startDate", "endDate", "location", "address",
         "addressCountry", "datePublished", "lowPrice", "url", "@graph", "itemOffered", "availability"]), inner, max_size=6)),
    max_leaves=20)


@st.composite
def jsonld_things(draw: st.DrawFn) -> str:
    thing = {"@context": "https://schema.org", "@type": draw(st.sampled_from(["Product", "Event", "ExhibitionEvent", "Offer", "NewsArticle"])),
             "name": draw(NAMES), "startDate": draw(DATES), "endDate": draw(DATES), "datePublished": draw(DATES),
             "offers": {"@type": "Offer", "price": draw(st.one_of(PRICES, st.floats(allow_nan=False))),
                        "priceCurrency": draw(st.sampled_from(["EUR", "MAD", "XQZ", "", "€", "eur", "DH"]))},
             "location": {"name": draw(NAMES), "address": {"addressLocality": draw(NAMES), "addressCountry": draw(NAMES)}},
             "extra": draw(JSON_VALUES)}
    text = json.dumps(thing, ensure_ascii=draw(st.booleans()))
    return text if draw(st.booleans()) else text[: draw(st.integers(0, len(text)))]  # truncated JSON too


@st.composite
def hostile_html(draw: st.DrawFn) -> bytes:
    parts = [f'<meta charset="{draw(CHARSETS)}">', f"<title>{draw(NAMES)}</title>"]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 7))
        if kind == 0:
            parts.append(f'<a href="{draw(LINKS)}">{draw(NAMES)}</a>')
        elif kind == 1:
            parts.append(f'<span class="price">{draw(PRICES)}</span>')
        elif kind == 2:
            parts.append(f'<script type="application/ld+json">{draw(jsonld_things())}</script>')
        elif kind == 3:
            parts.append(f'<meta property="product:price:amount" content="{draw(PRICES)}">'
                         f'<meta property="article:published_time" content="{draw(DATES)}">')
        elif kind == 4:
            parts.append(f"<h1>{draw(NAMES)}</h1><p>{draw(NAMES)} du {draw(DATES)} au {draw(DATES)} à Paris</p>")
        elif kind == 5:
            parts.append(draw(st.sampled_from(SCRIPTS)))
        elif kind == 6:
            parts.append(f'<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">{draw(NAMES)}</span>'
                         f'<meta itemprop="price" content="{draw(PRICES)}"><meta itemprop="priceCurrency" content="EUR"></div>')
        else:
            parts.append(draw(st.text(max_size=80)))
    page = "<html><head>" + "".join(parts[:2]) + "</head><body>" + "".join(parts[2:]) + "</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"]))
    data = page.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut anywhere, even inside a character
    return data


@st.composite
def hostile_ical(draw: st.DrawFn) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile//x//EN"]
    for index in range(draw(st.integers(0, 4))):
        start = draw(st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(lambda d: d.strftime("%Y%m%d").zfill(8)),
                               st.text(alphabet="0123456789T:Z", max_size=16)))
        end = draw(st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(lambda d: d.strftime("%Y%m%d").zfill(8)),
                             st.text(alphabet="0123456789T:Z", max_size=16)))
        summary = draw(NAMES).replace("\r", " ").replace("\n", " ")
        lines += ["BEGIN:VEVENT", f"UID:{index}", f"SUMMARY:{summary}", f"DTSTART;VALUE=DATE:{start}", f"DTEND;VALUE=DATE:{end}",
                  f"LOCATION:{draw(NAMES)}".replace("\n", " "), f"URL:{draw(LINKS)}", "END:VEVENT"]
    if draw(st.booleans()):
        lines.append("END:VCALENDAR")
    text = "\r\n".join(lines) + "\r\n"
    return text.encode("utf-8", errors="replace")


@st.composite
def hostile_feed(draw: st.DrawFn) -> bytes:
    items = "".join(f"<item><title>{draw(NAMES)}</title><link>{draw(LINKS)}</link><pubDate>{draw(DATES)}</pubDate>"
                    f"<description>{draw(NAMES)}</description></item>" for _ in range(draw(st.integers(0, 4))))
    feed = f'<?xml version="1.0" encoding="{draw(CHARSETS)}"?><rss version="2.0"><channel><title>{draw(NAMES)}</title>{items}</channel></rss>'
    return feed.encode("utf-8", errors="replace")


def assert_inert_html(html: str) -> None:
    """No script but the application's own static file, no event handler, no unsafe link."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert str(script.get("src", "")).startswith("/static/") and not script.get_text().strip(), script
    for tag in soup.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), tag
        for attr in ("href", "src"):
            if tag.get(attr):
                assert tag[attr].startswith(("http://", "https://", "mailto:", "cid:", "#", "/")), tag[attr]
