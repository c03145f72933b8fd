"""Why a query cannot run: named problems, so that each interface can say them in its reader's language.

The English messages here serve the JSON API and the CLI; the web UI translates the same codes
(web.i18n, keys `qerr_<code>` and `qfield_<field>`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

MESSAGES: dict[str, str] = {
    "text_too_long": "The search text is {length} characters long; shorten it to {limit} or fewer.",
    "unknown_kind": "Unknown kind '{value}'; choose among {choices}.",
    "unknown_sort": "Unknown sort '{value}'; choose among {choices}.",
    "unknown_currency": "Prices can be filtered in MAD or EUR only.",
    "page_range": "Page must be between 1 and {limit}.",
    "per_page_range": "Results per page must be between 1 and {limit}.",
    "dates_reversed": "The start date is after the end date.",
    "prices_reversed": "The minimum price is above the maximum price.",
    "not_a_date": "{label}: '{value}' is not a date; use YYYY-MM-DD.",
    "not_a_number": "{label}: '{value}' is not a number.",
    "not_positive": "{label}: must be a positive number.",
    "not_whole": "{label}: '{value}' is not a whole number.",
    "unknown_craft": "Unknown craft '{value}'; choose among {choices}.",
    "bad_country": "Country '{value}' must be a two-letter ISO code such as MA or FR.",
    "bad_language": "Language '{value}' must be a two-letter code such as fr, ar or en.",
    "result_window": "Only the first {limit} results can be browsed; add a filter to narrow the search.",
    "unknown_export": "Unknown export format '{value}'; use csv or json.",
}
FIELD_LABELS: dict[str, str] = {
    "from": "From date", "to": "To date", "price_min": "Minimum price", "price_max": "Maximum price",
    "page": "Page", "per_page": "Results per page",
}


def shown(raw: object, limit: int = 40) -> str:
    """A user value as a message may quote it: cut short, control characters escaped."""
    return repr(str(raw)[:limit])[1:-1]


@dataclass(frozen=True)
class Problem:
    code: str
    values: Mapping[str, str] = field(default_factory=dict)
    field: str | None = None  # the URL parameter at fault, when there is one

    @property
    def message(self) -> str:
        label = FIELD_LABELS.get(self.field or "", self.field or "")
        return MESSAGES[self.code].format(label=label, **self.values)


class QueryError(ValueError):
    """User input that cannot become a query; each problem says what to fix."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = problems
        super().__init__(" ".join(p.message for p in problems))


class ProblemList:
    """Collects every problem of an input before failing, so the reader fixes them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: str, field: str | None = None, **values: object) -> None:
        self.problems.append(Problem(code, {k: str(v) for k, v in values.items()}, field))

    def absorb(self, error: QueryError) -> None:
        self.problems.extend(error.problems)

    def raise_any(self) -> None:
        if self.problems:
            raise QueryError(*self.problems)
