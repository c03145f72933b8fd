"""The reasons a query cannot run, in the reader's language."""
from __future__ import annotations

from indexing.query_problems import QueryError
from web.i18n import Translator


def query_messages(error: QueryError, t: Translator) -> list[str]:
    messages = []
    for problem in error.problems:
        label = t.get(f"qfield_{problem.field}", "") if problem.field else ""
        messages.append(t(f"qerr_{problem.code}", label=label, **problem.values))
    return messages
