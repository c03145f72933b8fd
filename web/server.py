"""`veille serve`: the web UI under uvicorn."""
from __future__ import annotations

import uvicorn

from config import Settings
from web.app import create_app


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve with the given settings (`uvicorn --factory web.app:create_app` does the same from the environment)."""
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=True, log_level="info")
