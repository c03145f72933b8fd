"""Screenshots of a running UI (the README's, from `make demo` data) in Debian's headless Chromium.

    veille demo --no-serve && VEILLE_PUBLIC=all veille serve --port 8011 &   (as the demo serves: every page open)
    python -m tools.screenshots http://127.0.0.1:8011 docs/screenshots [name ...]

The console's pages need an admin: `VEILLE_SCREENSHOT_LOGIN=user:password` signs in first (with `make demo`, whose
sites must still be served for "Test this source").
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PAGES: dict[str, str] = {
    "search-fr": "/search?q=tapis&lang=fr",
    "search-ar": "/search?q=%D8%B2%D8%B1%D8%A8%D9%8A%D8%A9&lang=ar",
    "fairs-calendar": "/fairs?lang=fr",
    "price-comparison": "/prices?q=pouf&lang=en",
    "news": "/news?lang=fr",
}
CONSOLE_PAGES: dict[str, str] = {
    "console-sources": "/console/sources?lang=fr",
    "console-source-test": "/console/sources/artisanat-info?lang=fr#test",
    "console-sources-ar": "/console/sources?lang=ar",
    "console-subscribers": "/console/subscribers?lang=en",
    "console-audit": "/console/audit?lang=fr",
}


def sign_in(tab, base: str, login: str) -> None:  # type: ignore[no-untyped-def]
    user, _, password = login.partition(":")
    tab.goto(base.rstrip("/") + "/login")
    tab.fill("#username", user)
    tab.fill("#password", password)
    tab.click("button[type=submit]")
    tab.wait_for_load_state()


def shoot(base: str, out_dir: Path, names: list[str], extra: dict[str, str] | None = None) -> list[Path]:
    from playwright.sync_api import sync_playwright
    login = os.environ.get("VEILLE_SCREENSHOT_LOGIN", "")
    pages = {**PAGES, **(CONSOLE_PAGES if login else {}), **(extra or {})}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        if login:
            sign_in(tab, base, login)
        for name in names or list(pages):
            tab.goto(base.rstrip("/") + pages[name])
            if pages[name].endswith("#test"):  # the source test's result, as an operator sees it
                tab.click("#test-source")
                tab.wait_for_selector("#source-check", timeout=60_000)
            path = out_dir / f"{name}.png"
            tab.screenshot(path=str(path), full_page=True)
            written.append(path)
        browser.close()
    return written


if __name__ == "__main__":
    extra = dict(arg.split("=", 1) for arg in sys.argv[3:] if "=" in arg)
    names = [arg.split("=", 1)[0] for arg in sys.argv[3:]]
    for written in shoot(sys.argv[1], Path(sys.argv[2]), names, extra):
        print(written)
