from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config import Settings, load_settings  # noqa: E402
from support import SmtpHandler, SmtpSink, free_port, make_backend  # noqa: E402


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"VEILLE_VAR_DIR": str(tmp_path / "var"), "VEILLE_BASE_URL": "http://127.0.0.1:8000"})


@pytest.fixture(params=["sqlite", "elasticsearch"])
def backend(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    b = make_backend(request.param, tmp_path)
    yield b
    if request.param == "elasticsearch":
        b.drop_all()
    b.close()


@pytest.fixture
def smtp_server() -> Iterator[SmtpSink]:
    """A real SMTP server (aiosmtpd) on loopback; Controller(port=0) fails, so pick a port first."""
    from aiosmtpd.controller import Controller
    port = free_port()
    sink = SmtpSink("127.0.0.1", port)
    controller = Controller(SmtpHandler(sink), hostname="127.0.0.1", port=port)
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def demo_sites():  # type: ignore[no-untyped-def]
    from demo.server import DemoSites
    sites = DemoSites(slow_seconds=3)
    sites.start()
    yield sites
    sites.close()
