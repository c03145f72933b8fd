"""String-level datasets: dateparser-cases (fr/ar/en/es), feedparser date strings, rss-parser feeds."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.eval_common import Score, collapse, read_bytes
from bench.eval_split import Part, in_part

LANGUAGES = ("fr", "ar", "en", "es")
_EXACT_TESTS = frozenset({
    "test_dates_parsing", "test_dates_parsing_with_normalization", "test_relative_past_dates",
    "test_relative_future_dates", "test_normalized_relative_dates", "test_parsing_with_time_zones_and_converting_to_UTC",
})
_TRANSLATION_TESTS = frozenset({"test_freshness_translation", "test_translation"})


def evaluate_dateparser_cases(root: Path, part: Part | None = None) -> list[Score]:
    import dateparser

    from spiders.extract.dates import parse_date_string

    tally = {lang: [0, 0] for lang in LANGUAGES}
    for path in sorted((root / "dateparser-cases").glob("test_*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            language = case.get("language")
            if language not in tally or not in_part(f"{case['test']}-{case['id']}", part):
                continue
            base_text = case.get("now") or (case.get("settings") or {}).get("RELATIVE_BASE")
            base = datetime.fromisoformat(base_text) if base_text else datetime(2014, 9, 1, 10, 30)
            test = case["test"]
            if test in _EXACT_TESTS:
                expected: Any = datetime.fromisoformat(case["expected"]) if case.get("expected") else None
            elif test in _TRANSLATION_TESTS:
                # The English translation, parsed the same way, is the meaning the string must have.
                expected = dateparser.parse(case["expected_translation"], languages=["en"], settings={"RELATIVE_BASE": base})
                if expected is None:
                    continue
            elif test == "test_search_date_string":
                expected = "found"
            else:
                continue
            got = parse_date_string(case["input"], [language], base)
            ok = got is not None if expected == "found" else got == expected
            tally[language][0] += int(ok)
            tally[language][1] += 1
    return [
        Score("dateparser-cases", f"date-string accuracy ({lang})", ok / max(1, n), None, "", n)
        for lang, (ok, n) in tally.items()
    ]


def evaluate_feed_dates(root: Path, part: Part | None = None) -> list[Score]:
    from spiders.extract.feeds import parse_feed_date

    cases = json.loads((root / "feedparser-tests" / "date-strings.json").read_text(encoding="utf-8"))
    cases = [c for c in cases if in_part(f"date-{c['input_value']}", part)]
    ok = 0
    for case in cases:
        value = case["expected_value"]
        expected = datetime(*value[:6], tzinfo=timezone.utc) if value else None
        ok += parse_feed_date(case["input_value"]) == expected
    return [Score("feedparser-tests", "feed date strings (UTC instant)", ok / max(1, len(cases)), None, "feedparser handlers", len(cases))]


def evaluate_rss_feeds(root: Path, part: Part | None = None) -> list[Score]:
    from spiders.extract.feeds import parse_feed

    folder = root / "rss-parser-feeds"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    items = items_ok = feeds = counts_ok = 0
    fields = {k: [0, 0] for k in ("title", "link", "date", "summary")}
    for entry in manifest:
        if not entry["expected"] or not in_part(f"feed-{entry['name']}", part):
            continue
        expected_items = json.loads(read_bytes(folder / entry["expected"]))["feed"].get("items", [])
        got = parse_feed(read_bytes(folder / entry["input"]), None)
        feeds += 1
        counts_ok += len(got) == len(expected_items)
        for index, expected in enumerate(expected_items):
            item = got[index] if index < len(got) else None
            checks = {
                "title": (collapse(expected.get("title")) or None, (collapse(item.title) or None) if item else None),
                "link": (expected.get("link"), item.link if item else None),
            }
            if expected.get("isoDate"):
                # Compared to the second: feedparser drops the milliseconds rss-parser keeps.
                instant = datetime.fromisoformat(re.sub("Z$", "+00:00", expected["isoDate"])).replace(microsecond=0)
                checks["date"] = (instant, item.published if item else None)
            if "contentSnippet" in expected:
                checks["summary"] = (collapse(expected["contentSnippet"]), collapse(item.summary) if item else None)
            all_ok = True
            for name, (want, have) in checks.items():
                fields[name][1] += 1
                if want == have:
                    fields[name][0] += 1
                else:
                    all_ok = False
            items += 1
            items_ok += all_ok
    scores = [
        Score("rss-parser-feeds", "feed item accuracy (all fields)", items_ok / max(1, items), None,
              "rss-parser goldens (some carry undecoded entities / mojibake)", items),
        Score("rss-parser-feeds", "item count equal", counts_ok / max(1, feeds), None, "", feeds),
    ]
    for name, (ok, n) in fields.items():
        scores.append(Score("rss-parser-feeds", f"{name} accuracy", ok / max(1, n), None, "", n))
    return scores
