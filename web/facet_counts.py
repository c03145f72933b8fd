"""Multi-select facets: a chosen facet keeps its other values, counted as if it were not chosen.

Values of one facet are OR-ed (indexing.query) and facets AND-ed, so the counts of a facet with a
selection come from the same query without that facet's own filter (the usual disjunctive faceting).
"""
from __future__ import annotations

from dataclasses import replace

from indexing.backends.base import SearchBackend
from indexing.query import SearchQuery, SearchResult

QUERY_FIELDS = {"kind": "kinds", "crafts": "crafts", "countries": "countries", "source": "sources",
                "language": "languages"}


def disjunctive_facets(backend: SearchBackend, query: SearchQuery, result: SearchResult) -> dict[str, dict[str, int]]:
    facets = dict(result.facets)
    for facet, field in QUERY_FIELDS.items():
        if getattr(query, field):
            others = replace(query, **{field: ()}, page=1, per_page=1, with_facets=True)
            facets[facet] = backend.search(others).facets.get(facet, {})
    return facets
