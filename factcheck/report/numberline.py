"""The number line of a fact: each claim's allowed interval in one unit, and the
consensus, laid out for a small inline SVG (the HTML report draws it).

Geometry only: every position is a number of SVG user units, rounded to one decimal
so that the page is byte-identical run after run. The words that say the same thing
(each interval, the consensus) come with it, for the caption and for readers who do
not see the picture.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from factcheck.model import Interval
from factcheck.normalize.intervals import format_amount, format_interval

#: a number line turns logarithmic when its largest bound is at least this many
#: times its smallest: a scale slip ("$3.8 billion" beside "$38 billion") would
#: otherwise squeeze every other claim into one point
LOG_SCALE_RATIO = 20.0
#: drawing size, SVG user units: the whole width, the column of row labels, the
#: margin right of the bars, one row, and the axis below the rows
WIDTH = 480
LABEL_WIDTH = 28
RIGHT_MARGIN = 12
ROW_HEIGHT = 16
AXIS_HEIGHT = 26
#: empty room each side of the data, as a share of its span; an open end ("more
#: than 380 billion") gets more, so that its bar visibly runs on past the data
PADDING = 0.06
OPEN_END_ROOM = 0.2


@attrs.frozen(kw_only=True)
class Figure:
    """One claim to draw: its label, its text, its value and allowed interval in the
    line's unit; ``flagged`` marks a claim a finding is on."""

    label: str
    text: str
    value: float
    low: float | None
    high: float | None
    flagged: bool = False


@attrs.frozen(kw_only=True)
class Bar:
    """A claim's row: its interval from ``x0`` to ``x1`` (an open end reaches the
    edge and carries an arrow), and its stated value at ``x``."""

    label: str
    y: float
    x0: float
    x1: float
    x: float
    open_low: bool
    open_high: bool
    flagged: bool

    @property
    def width(self) -> float:
        """The bar's drawn width (at least 1, so a point still shows)."""
        return round(max(self.x1 - self.x0, 1.0), 1)


@attrs.frozen(kw_only=True)
class Consensus:
    """Where most claims agree: the stretch every member allows, and who they are."""

    x0: float
    x1: float
    low: float | None
    high: float | None
    members: tuple[str, ...]
    outside: tuple[str, ...]

    @property
    def width(self) -> float:
        """The band's drawn width (at least 1)."""
        return round(max(self.x1 - self.x0, 1.0), 1)


@attrs.frozen(kw_only=True)
class NumberLine:
    """Everything the template draws, and the same in words."""

    width: int
    height: int
    #: where the axis starts and ends
    left: float
    right: float
    unit: str | None
    log: bool
    bars: tuple[Bar, ...]
    consensus: Consensus | None
    #: (x, text, anchor) of the axis labels
    ticks: tuple[tuple[float, str, str], ...]
    axis_y: float
    words: tuple[str, ...]

    @property
    def consensus_words(self) -> str:
        """The consensus in a sentence, or an empty string."""
        c = self.consensus
        if c is None:
            return ""
        agree = _join(c.members)
        outside = f"; {_join(c.outside)} outside it" if c.outside else ""
        where = format_interval(Interval(c.low, c.high, self.unit))
        return f"Consensus: {agree} agree on {where}{outside}."


def _join(labels: Sequence[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def consensus(
    figures: Sequence[Figure],
) -> tuple[float | None, float | None, tuple[str, ...]] | None:
    """The stretch allowed by the largest group of claims that all overlap, when at
    least two claims form it, at least one lies outside it, and no other group of
    the same size disagrees with it (a tie is no consensus).

    >>> f = [Figure(label=k, text=k, value=v, low=v - 1, high=v + 1)
    ...      for k, v in (("A", 38.0), ("B", 52.4), ("C", 53.0))]
    >>> consensus(f)
    (52.0, 53.4, ('B', 'C'))
    >>> consensus(f[:2]) is None
    True
    """
    candidates: list[float] = []
    for f in figures:
        candidates.extend(b for b in (f.low, f.high) if b is not None)
    best: dict[tuple[str, ...], tuple[float | None, float | None]] = {}
    for point in candidates:
        members = tuple(
            f.label for f in figures if Interval(f.low, f.high).contains(point)
        )
        if members not in best:
            group = [f for f in figures if f.label in members]
            lows = [f.low for f in group if f.low is not None]
            highs = [f.high for f in group if f.high is not None]
            best[members] = (max(lows) if lows else None, min(highs) if highs else None)
    if not best:
        return None
    size = max(len(m) for m in best)
    top = [m for m in best if len(m) == size]
    if size < 2 or size == len(figures) or len(top) > 1:
        return None
    low, high = best[top[0]]
    return low, high, top[0]


def _domain(figures: Sequence[Figure]) -> tuple[float, float, bool]:
    points = [b for f in figures for b in (f.low, f.high, f.value) if b is not None]
    lo, hi = min(points), max(points)
    log = lo > 0 and hi / lo >= LOG_SCALE_RATIO
    if log:
        lo, hi = math.log10(lo), math.log10(hi)
    span = hi - lo or abs(hi) * 0.1 or 1.0
    below = OPEN_END_ROOM if any(f.low is None for f in figures) else PADDING
    above = OPEN_END_ROOM if any(f.high is None for f in figures) else PADDING
    return lo - span * below, hi + span * above, log


def build(figures: Sequence[Figure], unit: str | None) -> NumberLine | None:
    """The number line of ``figures`` (all in ``unit``), or None for fewer than two."""
    if len(figures) < 2:
        return None
    lo, hi, log = _domain(figures)
    left, right = float(LABEL_WIDTH), float(WIDTH - RIGHT_MARGIN)

    def x(value: float) -> float:
        v = math.log10(value) if log else value
        return round(left + (v - lo) / (hi - lo) * (right - left), 1)

    def x_or(value: float | None, edge: float) -> float:
        if value is None or (log and value <= 0):
            return edge
        return x(value)

    bars = tuple(
        Bar(
            label=f.label,
            y=float(i * ROW_HEIGHT + ROW_HEIGHT / 2 + 2),
            x0=x_or(f.low, left),
            x1=x_or(f.high, right),
            x=x_or(f.value, left),
            open_low=f.low is None,
            open_high=f.high is None,
            flagged=f.flagged,
        )
        for i, f in enumerate(figures)
    )
    rows_height = len(figures) * ROW_HEIGHT + 4
    agreed = consensus(figures)
    band = None
    if agreed is not None:
        c_low, c_high, members = agreed
        band = Consensus(
            x0=x_or(c_low, left),
            x1=x_or(c_high, right),
            low=c_low,
            high=c_high,
            members=members,
            outside=tuple(f.label for f in figures if f.label not in members),
        )
    data = [b for f in figures for b in (f.low, f.high, f.value) if b is not None]
    first, last = min(data), max(data)
    ticks: list[tuple[float, str, str]] = [(x(first), format_amount(first), "start")]
    if x(last) - x(first) > 1:
        ticks.append((x(last), format_amount(last), "end"))
    words = tuple(
        f"{f.label} ‘{f.text}’ allows {format_interval(Interval(f.low, f.high, unit))}"
        for f in figures
    )
    return NumberLine(
        width=WIDTH,
        height=rows_height + AXIS_HEIGHT,
        left=left,
        right=right,
        unit=unit,
        log=log,
        bars=bars,
        consensus=band,
        ticks=tuple(ticks),
        axis_y=float(rows_height + 4),
        words=words,
    )
