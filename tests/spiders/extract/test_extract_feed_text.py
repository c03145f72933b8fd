"""Feed items: titles and summaries as plain text (HTML removed, entities decoded, spaces collapsed)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from spiders.extract.feeds import parse_feed

_CONTENT_NS = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'


def _rss(items: str, encoding: str = "utf-8") -> bytes:
    text = (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0" {_CONTENT_NS}><channel>'
            f"<title>Artisanat</title><link>https://artisanat.example/</link>{items}</channel></rss>")
    return text.encode(encoding)


def test_title_entities_are_decoded_and_spaces_collapsed() -> None:
    items = ("<item><title>Tapis &amp; poufs :\n   le salon  ouvre</title><link>https://artisanat.example/1</link></item>"
             "<item><title><![CDATA[Prix : &#x0024;15 le m&eacute;tre]]></title><link>https://artisanat.example/2</link></item>")
    titles = [e.title for e in parse_feed(_rss(items))]
    assert titles == ["Tapis & poufs : le salon ouvre", "Prix : $15 le métre"]


def test_a_title_that_only_looks_like_markup_keeps_its_words() -> None:
    items = "<item><title>Poterie 5 &lt; 6 kg</title><link>https://artisanat.example/3</link></item>"
    assert parse_feed(_rss(items))[0].title == "Poterie 5 < 6 kg"


def test_summary_is_the_description_without_html() -> None:
    items = ("<item><title>Zellige</title><link>https://artisanat.example/4</link>"
             "<description><![CDATA[<p>Les <b>zelliges</b> de F&egrave;s&nbsp;brillent.</p><p>Visite lundi.</p>]]>"
             "</description><content:encoded><![CDATA[<p>Texte long de l'article.</p>]]></content:encoded></item>")
    summary = parse_feed(_rss(items))[0].summary
    assert summary == "Les zelliges de Fès brillent.\nVisite lundi."


def test_summary_falls_back_to_the_content() -> None:
    items = ("<item><title>Cuir</title><link>https://artisanat.example/5</link>"
             "<content:encoded><![CDATA[<div>Les tanneries <i>Chouara</i> &amp; leurs teintures.</div>]]>"
             "</content:encoded></item>")
    assert parse_feed(_rss(items))[0].summary == "Les tanneries Chouara & leurs teintures."


def test_a_latin1_feed_is_decoded() -> None:
    items = "<item><title>Céramique à Safi</title><link>https://artisanat.example/6</link><description>Été</description></item>"
    entry = parse_feed(_rss(items, "iso-8859-1"))[0]
    assert (entry.title, entry.summary) == ("Céramique à Safi", "Été")


def test_the_date_keeps_the_feed_offset_beside_the_utc_instant() -> None:
    items = ("<item><title>Soirée</title><link>https://artisanat.example/7</link>"
             "<pubDate>Sun, 09 Mar 2025 23:40:00 +0100</pubDate></item>")
    entry = parse_feed(_rss(items))[0]
    assert entry.published == datetime(2025, 3, 9, 22, 40, tzinfo=timezone.utc)
    assert entry.published_local is not None and entry.published_local.utcoffset() == timedelta(hours=1)
    assert entry.published_local.date().isoformat() == "2025-03-09"
