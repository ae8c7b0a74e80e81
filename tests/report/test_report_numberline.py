"""The number line of a fact: where each claim's interval falls, when the scale is
logarithmic, and when there is a consensus to draw."""

from __future__ import annotations

import pytest

from factcheck.report.numberline import (
    LABEL_WIDTH,
    RIGHT_MARGIN,
    WIDTH,
    Figure,
    build,
    consensus,
)


def _figure(label: str, value: float, low: float | None, high: float | None) -> Figure:
    return Figure(label=label, text=f"{value:g}", value=value, low=low, high=high)


def test_bars_keep_the_order_and_proportions_of_the_intervals() -> None:
    line = build([_figure("A", 10.0, 9.0, 11.0), _figure("B", 20.0, 19.0, 21.0)], "USD")
    assert line is not None
    a, b = line.bars
    assert LABEL_WIDTH <= a.x0 < a.x < a.x1 < b.x0 < b.x < b.x1 <= WIDTH - RIGHT_MARGIN
    assert b.width == pytest.approx(a.width, abs=0.2)  # equal spans, equal widths
    assert not line.log


def test_a_scale_slip_turns_the_line_logarithmic() -> None:
    slip = [_figure("A", 3.8e9, 3.75e9, 3.85e9), _figure("B", 380e9, 375e9, 385e9)]
    near = [_figure("A", 38e9, 37.5e9, 38.5e9), _figure("B", 380e9, 375e9, 385e9)]
    slipped, close = build(slip, "USD"), build(near, "USD")
    assert slipped is not None
    assert close is not None
    assert slipped.log
    assert not close.log
    # on a log scale equal ratios stand equally far apart: 3.8 → 38 as 38 → 380,
    # where a linear scale would squeeze the first two into one point
    three = build([*slip[:1], near[0], slip[1]], "USD")
    assert three is not None
    assert three.log
    a, b, c = (bar.x for bar in three.bars)
    assert b - a == pytest.approx(c - b, abs=0.2)
    assert b - a > 150


def test_an_open_end_reaches_the_edge_of_the_line() -> None:
    line = build(
        [_figure("A", 38.0, 36.0, 40.0), _figure("B", 52.4, 52.4, None)], "USD"
    )
    assert line is not None
    b = line.bars[1]
    assert b.open_high
    assert not b.open_low
    assert b.x1 == WIDTH - RIGHT_MARGIN
    assert "B ‘52.4’ allows at least 52.4 USD" in line.words


def test_consensus_needs_two_who_agree_and_one_outside() -> None:
    agree = [_figure("A", 38.0, 37.5, 38.5), _figure("B", 52.4, 52.35, 52.45)]
    assert consensus(agree) is None  # two who disagree: nobody to side with
    three = [*agree, _figure("C", 53.0, 52.0, 53.5)]
    assert consensus(three) == (52.35, 52.45, ("B", "C"))
    all_agree = [_figure("A", 52.0, 51.0, 53.0), *three[1:]]
    assert consensus(all_agree) is None  # nobody outside


def test_a_tie_between_two_groups_is_no_consensus() -> None:
    tie = [
        _figure("A", 38.0, 37.5, 38.5),
        _figure("B", 38.2, 37.9, 38.9),
        _figure("C", 52.4, 52.35, 52.45),
        _figure("D", 52.3, 52.0, 52.5),
    ]
    assert consensus(tie) is None
    majority = [*tie, _figure("E", 52.4, 52.1, 52.7)]
    assert consensus(majority) == (52.35, 52.45, ("C", "D", "E"))


def test_consensus_is_said_in_words() -> None:
    line = build(
        [
            _figure("A", 38.0, 37.5, 38.5),
            _figure("B", 52.4, 52.35, 52.45),
            _figure("C", 53.0, 52.0, 53.5),
        ],
        "USD",
    )
    assert line is not None
    assert line.consensus is not None
    assert (
        line.consensus_words
        == "Consensus: B and C agree on 52.35–52.45 USD; A outside it."
    )
    assert line.consensus.x0 > line.bars[0].x1


def test_fewer_than_two_figures_draw_nothing() -> None:
    assert build([_figure("A", 1.0, 0.5, 1.5)], None) is None
    assert build([], None) is None
