""" "nearly / almost N" means a little below N: the band of ``model.NEARLY_BAND``.

Each pair states the same sentence shape with the other verdict: the qualified figure
against the figure it rounds (an exact count or amount), which it must allow or not.
"""

from __future__ import annotations

import pytest

from factcheck import extract
from factcheck.model import NEARLY_BAND, Interval, nearly_bounds

# (sentence with "nearly/almost N", the actual figure, whether it allows it)
PAIRS = [
    ("Almost 100,000 people fled the fires.", 88_898, False),
    ("Nearly 90,000 people fled the fires.", 88_898, True),
    ("The deal is worth nearly $14 billion.", 13.74e9, True),
    ("The deal is worth nearly $15 billion.", 13.74e9, False),
    ("Turnout reached almost 20% in the north.", 18.7, True),
    ("Turnout reached almost 25% in the north.", 18.7, False),
    ("Nearly 500 deaths were recorded by Friday.", 488, True),
    ("Nearly 500 deaths were recorded by Friday.", 512, False),
    ("The line runs almost 3,000 km inland.", 2_850, True),
    ("The line runs almost 3,000 km inland.", 3_040, False),
    ("Nearly 1 million homes lost power.", 962_000, True),
    ("Nearly 1 million homes lost power.", 880_000, False),
    ("The talks lasted almost 40 hours.", 38, True),
    ("The talks lasted almost 40 hours.", 41, False),
    ("Nearly 7,000 homes were destroyed.", 6_600, True),
    ("Nearly 7,000 homes were destroyed.", 6_400, False),
    ("The fund raised almost $2 billion.", 1.9e9, True),
    ("The fund raised almost $2 billion.", 2.05e9, False),
    ("Support stood at nearly 60 percent.", 57, True),
    ("Support stood at nearly 60 percent.", 52, False),
]


@pytest.mark.parametrize(("sentence", "actual", "allows"), PAIRS)
def test_nearly_allows_a_little_below_never_above(
    sentence: str, actual: float, allows: bool
) -> None:
    (claim,) = extract(sentence)
    assert claim.qualifier == "approx"  # the JSON contract keeps "approx"
    assert claim.interval.overlaps(Interval(actual, actual, claim.unit)) is allows


def test_pairs_come_in_both_verdicts() -> None:
    assert sum(allows for *_, allows in PAIRS) == sum(not a for *_, a in PAIRS) >= 10


@pytest.mark.parametrize(
    ("phrase", "precision"),
    [("nearly 90,000", 10_000.0), ("almost 100,000", 100_000.0), ("nearly 14.5", 0.1)],
)
def test_extractor_and_from_stated_give_one_band(phrase: str, precision: float) -> None:
    (claim,) = extract(f"The count reached {phrase} on Monday.")
    built = Interval.from_stated(
        claim.value, precision=precision, qualifier="approx", nearly=True
    )
    assert (claim.low, claim.high) == pytest.approx(built.bounds())
    assert claim.high == claim.value
    assert claim.low == pytest.approx(claim.value * (1 - NEARLY_BAND))


def test_nearly_a_negative_figure_stays_on_the_near_side_of_zero() -> None:
    low, high = nearly_bounds(-40.0)
    assert low == -40.0
    assert high == pytest.approx(-37.0)


def test_about_still_widens_both_ways() -> None:
    (claim,) = extract("The count reached about 90,000 on Monday.")
    assert claim.low is not None
    assert claim.high is not None
    assert claim.low < claim.value < claim.high
