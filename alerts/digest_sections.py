"""What the digest puts first: story ranking, stories by craft and by market, one list of fairs, the summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from indexing.models import TradeFair

if TYPE_CHECKING:
    from alerts.digest import NewsItem, PriceMove

DEADLINE_DAYS = 30
HOME_MARKET = "MA"  # every story names Morocco: it is the home market, not an export market


def story_score(crafts: list[str], countries: list[str], first_day: date | None, week_end: date, sources: int) -> float:
    """Sector relevance (crafts weigh more than markets), then novelty (first told late in the week),
    then how many sources carry the story."""
    markets = [c for c in countries if c != HOME_MARKET]
    relevance = 2.0 * len(crafts) + 1.0 * len(markets) + 0.5 * (HOME_MARKET in countries)
    novelty = 0.2 * max(0, 7 - (week_end - first_day).days) if first_day else 0.0
    return relevance + novelty + 0.75 * (sources - 1)


@dataclass
class StorySection:
    kind: Literal["craft", "market", "other"]
    id: str
    stories: list[NewsItem] = field(default_factory=list)


def story_sections(stories: list[NewsItem]) -> list[StorySection]:
    """Each story once: under its main craft, else its main export market, else 'other'; sections
    in the order of their best story (the stories come ranked)."""
    sections: dict[tuple[str, str], StorySection] = {}
    for story in stories:
        markets = [c for c in story.countries if c != HOME_MARKET] or story.countries
        if story.crafts:
            key: tuple[Literal["craft", "market", "other"], str] = ("craft", story.crafts[0])
        elif markets:
            key = ("market", markets[0])
        else:
            key = ("other", "")
        sections.setdefault(key, StorySection(key[0], key[1])).stories.append(story)
    return list(sections.values())


@dataclass
class FairLine:
    fair: TradeFair
    new: bool
    deadline_soon: bool


def fair_lines(upcoming: list[TradeFair], new: list[TradeFair], today: date) -> list[FairLine]:
    """Upcoming and new fairs as one list, each fair once: registration deadlines within 30 days first
    (soonest first), then by start date."""
    new_ids = {f.id for f in new}
    fairs: dict[str, TradeFair] = {}
    for fair in [*upcoming, *new]:
        fairs.setdefault(fair.id, fair)
    lines = [FairLine(f, f.id in new_ids, _deadline_soon(f, today)) for f in fairs.values()]
    lines.sort(key=lambda line: (not line.deadline_soon,
                                 line.fair.registration_deadline if line.deadline_soon else line.fair.start_date,
                                 line.fair.start_date, line.fair.name))
    return lines


def _deadline_soon(fair: TradeFair, today: date) -> bool:
    deadline = fair.registration_deadline
    return deadline is not None and today <= deadline <= today + timedelta(days=DEADLINE_DAYS)


@dataclass
class Summary:
    """The digest's opening lines: counts and the week's headline move and story."""
    new_fairs: int
    deadlines: list[TradeFair]
    top_move: PriceMove | None
    top_story: NewsItem | None

    @property
    def empty(self) -> bool:
        return not (self.new_fairs or self.deadlines or self.top_move or self.top_story)


def summary(lines: list[FairLine], moves: list[PriceMove], stories: list[NewsItem]) -> Summary:
    sector_new = sum(1 for line in lines if line.new and line.fair.crafts)
    deadlines = [line.fair for line in lines if line.deadline_soon]
    top_move = max(moves, key=lambda m: abs(m.change_pct), default=None)
    # Most sources, then most reports (one site in two languages); among equals the best ranked
    # (stories come ranked, max keeps the first). A story told once is no headline.
    told = [s for s in stories if s.others]
    top_story = max(told, key=lambda s: (len(s.sources), len(s.reports)), default=None)
    return Summary(sector_new, deadlines, top_move, top_story)
