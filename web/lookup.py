"""Fetching one document by the id in a URL; anything unknown or of another kind is a 404."""
from __future__ import annotations

import re
from typing import TypeVar

from starlette.exceptions import HTTPException

from indexing.backends.base import SearchBackend
from indexing.models import Document

DocumentT = TypeVar("DocumentT", bound=Document)
# Ids are made by indexing.models (kind prefix, slug or hash); anything else cannot exist.
DOCUMENT_ID = re.compile(r"[a-z]+-[\w.@:+-]{1,200}")


def find_document(backend: SearchBackend, doc_id: str, model: type[DocumentT]) -> DocumentT:
    if not DOCUMENT_ID.fullmatch(doc_id):
        raise HTTPException(404, f"No {model.kind} has the id {doc_id[:80]!r}.")
    document = backend.get(doc_id)
    if not isinstance(document, model):
        raise HTTPException(404, f"No {model.kind} has the id {doc_id[:80]!r}.")
    return document
