"""BulkWriter: ships pre-built NDJSON bulk bodies to Elasticsearch from a few threads.

Each document's line is built once, and the model JSON pydantic already produced is spliced
in as it is: re-parsing it into dicts only for the client to serialize them again was most of
the cost of indexing. While the threads wait on Elasticsearch, the caller analyses the next
documents.
"""
from __future__ import annotations

import json
import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Iterable

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch import ConnectionError as EsConnectionError

from indexing.backends.base import BackendUnavailable, IndexedDoc

log = logging.getLogger(__name__)

CHUNK_DOCS = 500
CHUNK_BYTES = 8 * 1024 * 1024  # well under Elasticsearch's 100 MB request limit, whatever the pages held
SENDERS = 2
RETRIES = 3
RETRY_BACKOFF_S = 1.0
# Only what error handling needs: a clean response is then a few bytes to parse.
RESPONSE_FILTER = "errors,items.*.status,items.*.error"

_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def bulk_line(index: str, doc: IndexedDoc) -> bytes:
    """The action and source lines of one document; its model JSON goes in untouched."""
    header = _encode({"index": {"_index": index, "_id": doc.id}})
    fields = _encode(doc.flat_fields())
    return f'{header}\n{fields[:-1]},"doc":{doc.doc_json}}}\n'.encode("utf-8")


class BulkWriter:
    def __init__(self, es: Elasticsearch, url: str, senders: int = SENDERS, chunk_docs: int = CHUNK_DOCS,
                 chunk_bytes: int = CHUNK_BYTES, retries: int = RETRIES, backoff_s: float = RETRY_BACKOFF_S) -> None:
        self.es = es
        self.url = url
        self.senders = senders
        self.chunk_docs = chunk_docs
        self.chunk_bytes = chunk_bytes
        self.retries = retries
        self.backoff_s = backoff_s

    def write(self, lines: Iterable[bytes]) -> int:
        """Send every line; returns how many documents were written.

        Raises BackendUnavailable when Elasticsearch is down or keeps refusing (5xx, 429), and
        RuntimeError when it rejects a document (a mapping error: retrying cannot help).
        """
        written = 0
        pending: deque[Future[int]] = deque()
        with ThreadPoolExecutor(max_workers=self.senders, thread_name_prefix="es-bulk") as pool:
            try:
                chunk: list[bytes] = []
                size = 0
                for line in lines:
                    chunk.append(line)
                    size += len(line)
                    if len(chunk) == self.chunk_docs or size >= self.chunk_bytes:
                        # Back-pressure: never more than two chunks per sender in memory.
                        while len(pending) >= 2 * self.senders:
                            written += pending.popleft().result()
                        pending.append(pool.submit(self._send, chunk))
                        chunk, size = [], 0
                if chunk:
                    pending.append(pool.submit(self._send, chunk))
                while pending:
                    written += pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()
        return written

    def _send(self, chunk: list[bytes]) -> int:
        written = 0
        for attempt in range(self.retries + 1):
            if attempt:
                log.warning("Elasticsearch refused %d documents (busy); retry %d of %d",
                            len(chunk), attempt, self.retries)
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            response = self._post(b"".join(chunk))
            if response is None:  # the whole request was refused as too many
                continue
            if not response.get("errors"):
                return written + len(chunk)
            refused: list[bytes] = []
            rejected: list[Any] = []
            for item, line in zip(response["items"], chunk):
                result = next(iter(item.values()))
                status = result.get("status", 0)
                if status < 300:
                    written += 1
                elif status == 429 or status >= 500:
                    refused.append(line)
                else:
                    rejected.append(result.get("error"))
            if rejected:
                raise RuntimeError(f"Elasticsearch rejected {len(rejected)} documents: {rejected[:2]}")
            chunk = refused
        raise BackendUnavailable(f"Elasticsearch kept refusing {len(chunk)} documents after {self.retries} retries")

    def _post(self, body: bytes) -> dict[str, Any] | None:
        try:
            return self.es.bulk(operations=body, filter_path=RESPONSE_FILTER).body
        except (EsConnectionError, TransportError) as exc:
            raise BackendUnavailable(f"Elasticsearch at {self.url} is unreachable: {exc}") from exc
        except ApiError as exc:
            if exc.meta.status == 429:
                return None
            if exc.meta.status >= 500:
                raise BackendUnavailable(f"Elasticsearch at {self.url} is not available: {exc}") from exc
            raise
