"""Geometry of the server-rendered SVG charts (the templates draw them; no JavaScript)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Sequence

WIDTH = 640
LINE_HEIGHT = 260
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 96, 24, 16, 40
BAR_ROW = 30
BAR_LABEL_WIDTH = 220
BAR_VALUE_WIDTH = 130
BAR_LABEL_CHARS = 28  # at 13 px, what fits in BAR_LABEL_WIDTH; the whole name is in the label's <title>


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str
    anchor: str = "middle"  # SVG text-anchor: the end ticks stay inside the drawing


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    polyline: str
    markers: list[Marker]
    y_ticks: list[Tick]
    x_ticks: list[Tick]


def _value_range(values: Sequence[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.08
    return max(0.0, low - pad), high + pad


def line_chart(points: Sequence[tuple[datetime, float]], value_label: Callable[[float], str],
               day_label: Callable[[datetime], str]) -> LineChart | None:
    """A time series scaled into the plot box; None below two points (nothing to draw)."""
    if len(points) < 2:
        return None
    points = sorted(points)
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, LINE_HEIGHT - MARGIN_BOTTOM
    t0, t1 = points[0][0].timestamp(), points[-1][0].timestamp()
    span = (t1 - t0) or 1.0
    low, high = _value_range([v for _, v in points])

    def x(moment: datetime) -> float:
        return round(left + (moment.timestamp() - t0) / span * (right - left), 1)

    def y(value: float) -> float:
        return round(bottom - (value - low) / (high - low) * (bottom - top), 1)

    markers = [Marker(x(m), y(v), f"{day_label(m)} – {value_label(v)}") for m, v in points]
    y_ticks = [Tick(y(low + (high - low) * i / 4), value_label(low + (high - low) * i / 4), "end") for i in range(5)]
    step = max(1, (len(points) - 1) // 4)
    shown = [m for m, _ in points[::step]]
    if shown[-1] != points[-1][0]:
        shown.append(points[-1][0])
    x_ticks = [Tick(x(m), day_label(m), "start" if i == 0 else "end" if i == len(shown) - 1 else "middle")
               for i, m in enumerate(shown)]
    return LineChart(WIDTH, LINE_HEIGHT, left, right, top, bottom,
                     " ".join(f"{m.x},{m.y}" for m in markers), markers, y_ticks, x_ticks)


@dataclass(frozen=True)
class Bar:
    y: float
    width: float
    label: str
    value_label: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_start: float
    bar_height: float
    bars: list[Bar]
    label_chars: int = BAR_LABEL_CHARS


def bar_chart(rows: Sequence[tuple[str, float]], value_label: Callable[[float], str]) -> BarChart | None:
    if not rows:
        return None
    largest = max(value for _, value in rows) or 1.0
    room = WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH
    bars = [Bar(y=i * BAR_ROW + 4, width=round(max(2.0, value / largest * room), 1), label=label,
                value_label=value_label(value)) for i, (label, value) in enumerate(rows)]
    return BarChart(WIDTH, len(rows) * BAR_ROW + 8, BAR_LABEL_WIDTH, BAR_ROW - 10, bars)
