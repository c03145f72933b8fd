"""What the fair extractor's learned choices saw, kept for training them (bench/train_fair_venues.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spiders.extract.fair_venue_choice import VenueRow


@dataclass
class ExtractionLog:
    venues: list[tuple[str, date | None, list[VenueRow]]] = field(default_factory=list)
    """(fair name, start, every venue candidate of that fair)."""
