"""Article datasets: body text, titles, languages and publication dates."""
from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.eval_common import Score, collapse, prf, read_bytes, shingle_prf
from bench.eval_split import Part, in_part, page_family

Job = tuple[str, str, str | None]  # (dataset, path, url)


def _article(job: Job) -> dict[str, Any]:
    from cli import extract_one

    _, path, url = job
    # What `veille extract news FILE` prints, as the outsiders score it: the day of `published`.
    article = extract_one("news", read_bytes(Path(path)), url)
    return {
        "text": article["text"],
        "title": article["title"],
        "language": article["language"],
        "date": article["published"][:10] if article["published"] else None,
    }


def _baseline_body(job: Job) -> str:
    import trafilatura

    _, path, url = job
    return trafilatura.extract(read_bytes(Path(path)), url=url) or ""


def _aeb_jobs(root: Path, quick: bool, part: Part | None) -> tuple[list[Job], dict[str, Any]]:
    folder = root / "article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = [i for i in sorted(truth) if in_part(truth[i]["url"], part)][:: 3 if quick else 1]
    return [("aeb", str(folder / "html" / f"{i}.html.gz"), truth[i]["url"]) for i in ids], truth


def _te_jobs(root: Path, quick: bool, part: Part | None) -> tuple[list[Job], dict[str, Any]]:
    folder = root / "trafilatura-eval"
    truth = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    keys = [k for k in sorted(truth) if in_part(_te_site_key(k, truth[k]), part)][:: 4 if quick else 1]
    return [("te", str(folder / "html" / f"{truth[k]['file']}.gz"), k if k.startswith("http") else None) for k in keys], truth


def _te_site_key(key: str, case: dict[str, Any]) -> str:
    # A few keys carry an upstream tag instead of the URL ("hard::<file>", "xhttps://...").
    if "http" in key:
        return key[key.index("http"):]
    return str(case.get("file", key))


def _hd_jobs(root: Path, quick: bool, part: Part | None) -> tuple[list[Job], list[str]]:
    folder = root / "htmldate-eval"
    locations = json.loads((folder / "page-locations.json").read_text(encoding="utf-8"))
    jobs, dates = [], []
    for name in ("eval_default.json", "eval_mediacloud_2020.json"):
        for url, case in json.loads((folder / name).read_text(encoding="utf-8")).items():
            if not in_part(url, part):
                continue
            jobs.append(("hd", str((folder / locations[f"{name}::{url}"]).resolve()), url))
            dates.append(str(case["date"]))
    step = 4 if quick else 1
    return jobs[::step], dates[::step]


def evaluate_articles(root: Path, pool: ProcessPoolExecutor, quick: bool, part: Part | None = None) -> list[Score]:
    scores: list[Score] = []
    aeb_jobs, aeb_truth = _aeb_jobs(root, quick, part)
    te_jobs, te_truth = _te_jobs(root, quick, part)
    hd_jobs, hd_dates = _hd_jobs(root, quick, part)
    extra_jobs, extra_checks = _small_sets(root, part)
    all_jobs = aeb_jobs + te_jobs + hd_jobs + extra_jobs
    results = list(pool.map(_article, all_jobs, chunksize=4))
    baseline = list(pool.map(_baseline_body, aeb_jobs, chunksize=4))
    aeb_res = results[: len(aeb_jobs)]
    te_res = results[len(aeb_jobs): len(aeb_jobs) + len(te_jobs)]
    hd_res = results[len(aeb_jobs) + len(te_jobs): len(aeb_jobs) + len(te_jobs) + len(hd_jobs)]
    extra_res = results[len(aeb_jobs) + len(te_jobs) + len(hd_jobs):]

    truth_bodies = [aeb_truth[Path(j[1]).name.split(".")[0]]["articleBody"] for j in aeb_jobs]
    p, r, f1 = shingle_prf(zip((x["text"] for x in aeb_res), truth_bodies))
    scores.append(Score("article-extraction-benchmark", "body shingle F1", f1, 0.972,
                        "trafilatura 0.958 / readability 0.922", len(aeb_jobs), {"P": p, "R": r}))
    bp, br, bf1 = shingle_prf(zip(baseline, truth_bodies))
    scores.append(Score("article-extraction-benchmark", "baseline: plain trafilatura body F1", bf1, None,
                        "same run", len(aeb_jobs), {"P": bp, "R": br}))

    scores.extend(_score_te(te_jobs, te_res, te_truth))
    tp = sum(1 for x, d in zip(hd_res, hd_dates) if x["date"] == d)
    fn = sum(1 for x in hd_res if not x["date"])
    fp = len(hd_res) - tp - fn
    hp, hr, hf1 = prf(tp, fp, fn)
    scores.append(Score("htmldate-eval", "publication date F1", hf1, 0.95, "htmldate (original_date)", len(hd_res), {"P": hp, "R": hr}))
    for check in extra_checks:
        scores.extend(check(extra_res))
    return scores


def _score_te(jobs: list[Job], results: list[dict[str, Any]], truth: dict[str, Any]) -> list[Score]:
    by_file = {v["file"]: k for k, v in truth.items()}
    tp = fp = fn = 0
    titles = title_ok = dates = date_ok = 0
    for job, result in zip(jobs, results):
        case = truth[by_file[Path(job[1]).name[:-3]]]
        text = collapse(result["text"])
        for segment in case.get("with", []):
            if collapse(segment) in text:
                tp += 1
            else:
                fn += 1
        fp += sum(1 for segment in case.get("without", []) if collapse(segment) in text)
        if case.get("title"):
            titles += 1
            title_ok += collapse(result["title"]) == collapse(case["title"])
        if case.get("date"):
            dates += 1
            date_ok += result["date"] == case["date"]
    p, r, f1 = prf(tp, fp, fn)
    return [
        Score("trafilatura-eval", "main text F1 (with/without)", f1, None, "trafilatura CI floor 0.92", len(jobs), {"P": p, "R": r}),
        Score("trafilatura-eval", "title exact", title_ok / max(1, titles), None, "", titles),
        Score("trafilatura-eval", "date (day) accuracy", date_ok / max(1, dates), None, "", dates),
    ]


def _small_sets(root: Path, part: Part | None) -> tuple[list[Job], list[Callable[[list[dict[str, Any]]], list[Score]]]]:
    """readability-test-pages, newspaper4k-tests and goose3-tests, scored after one shared pool run."""
    jobs: list[Job] = []
    checks: list[Callable[[list[dict[str, Any]]], list[Score]]] = []

    def add(dataset_jobs: list[Job], check: Callable[[list[dict[str, Any]]], list[Score]]) -> None:
        start = len(jobs)
        jobs.extend(dataset_jobs)
        end = len(jobs)
        checks.append(lambda results, s=start, e=end: check(results[s:e]))

    readability = root / "readability-test-pages"
    if readability.is_dir():
        from lxml import html as lxml_html

        index = json.loads((readability / "index.json").read_text(encoding="utf-8"))
        rd_entries = [e for e in index if not e.get("likely_synthetic") and in_part(page_family(e["name"]), part)]
        rd_names = [e["name"] for e in rd_entries]
        rd_metas = [json.loads((readability / "test-pages" / n / "expected-metadata.json").read_text(encoding="utf-8")) for n in rd_names]
        # Decoded first: lxml reads undeclared bytes as Latin-1, and the goldens are UTF-8 without a charset.
        rd_bodies = [lxml_html.fromstring(read_bytes(readability / "test-pages" / n / "expected.html.gz").decode("utf-8", "replace"))
                     .text_content() for n in rd_names]
        rd_langs = [e.get("lang") for e in rd_entries]

        def check_readability(results: list[dict[str, Any]]) -> list[Score]:
            _, _, f1 = shingle_prf(zip((r["text"] for r in results), rd_bodies))
            title_ok = sum(collapse(r["title"]) == collapse(m.get("title")) for r, m in zip(results, rd_metas))
            with_lang = [(r, lang) for r, lang in zip(results, rd_langs) if lang]
            lang_ok = sum(r["language"] == str(lang).split("-")[0].lower() for r, lang in with_lang)
            return [
                Score("readability-test-pages", "content shingle F1 (real pages)", f1, None, "Readability.js goldens", len(results)),
                Score("readability-test-pages", "title exact", title_ok / max(1, len(results)), None, "", len(results)),
                Score("readability-test-pages", "language (primary subtag)", lang_ok / max(1, len(with_lang)), None, "", len(with_lang)),
            ]

        add([("rd", str(readability / "test-pages" / n / "source.html.gz"), None) for n in rd_names], check_readability)

    n4k = root / "newspaper4k-tests"
    if n4k.is_dir():
        nk_all = sorted(p.name[: -len(".json")] for p in (n4k / "metadata").glob("*.json"))
        nk_pairs = [(n, json.loads((n4k / "metadata" / f"{n}.json").read_text(encoding="utf-8"))) for n in nk_all]
        nk_pairs = [(n, m) for n, m in nk_pairs if in_part(m.get("url") or n, part)]
        nk_names = [n for n, _ in nk_pairs]
        nk_metas = [m for _, m in nk_pairs]
        nk_texts = [(n4k / "txt" / f"{n}.txt").read_text(encoding="utf-8") if (n4k / "txt" / f"{n}.txt").exists() else m.get("text", "") for n, m in zip(nk_names, nk_metas)]

        def check_n4k(results: list[dict[str, Any]]) -> list[Score]:
            _, _, f1 = shingle_prf(zip((r["text"] for r in results), nk_texts))
            lang_ok = sum(r["language"] == m.get("language") for r, m in zip(results, nk_metas))
            dated = [(r, m) for r, m in zip(results, nk_metas) if m.get("publish_date")]
            date_ok = sum(r["date"] == str(m["publish_date"])[:10] for r, m in dated)
            return [
                Score("newspaper4k-tests", "text shingle F1", f1, None, "newspaper4k goldens", len(results)),
                Score("newspaper4k-tests", "language exact", lang_ok / max(1, len(results)), None, "", len(results)),
                Score("newspaper4k-tests", "publish date (day)", date_ok / max(1, len(dated)), None, "", len(dated)),
            ]

        add([("n4k", str(n4k / "html" / f"{n}.html.gz"), m.get("url")) for n, m in zip(nk_names, nk_metas)], check_n4k)

    goose = root / "goose3-tests"
    if goose.is_dir():
        checked = json.loads((goose / "checked-fields.json").read_text(encoding="utf-8"))
        goose_all = [(k, v) for k, v in checked.items() if v and "cleaned_text" in v]
        goose_pairs = [((k, v), json.loads((goose / f"{k}.json").read_text(encoding="utf-8"))) for k, v in goose_all]
        goose_pairs = [(c, spec) for c, spec in goose_pairs if in_part(spec.get("url") or c[0], part)]
        goose_cases = [c for c, _ in goose_pairs]
        goose_specs = [spec for _, spec in goose_pairs]

        def check_goose(results: list[dict[str, Any]]) -> list[Score]:
            ok = 0
            for r, spec in zip(results, goose_specs):
                expected = collapse(spec["expected"].get("cleaned_text"))
                got = collapse(r["text"])
                ok += got.startswith(expected) or (len(got) >= len(expected) and got[: len(expected)] == expected)
            return [Score("goose3-tests", "body prefix pass rate", ok / max(1, len(results)), None, "goose3 goldens", len(results))]

        add([("goose", str(goose / f"{k}.html.gz"), s.get("url")) for (k, _), s in zip(goose_cases, goose_specs)], check_goose)
    return jobs, checks


