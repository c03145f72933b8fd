"""Access to the saved pages under tests/fixtures/extract/ and their expected JSON."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "extract"


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def expected(name: str) -> dict[str, Any]:
    stem = name.rsplit(".", 1)[0]
    return json.loads((FIXTURES / f"{stem}.expected.json").read_text(encoding="utf-8"))
