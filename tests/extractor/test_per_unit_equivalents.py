"""A price per unit and its equivalent in brackets after the unit ("$139.13 a barrel
(€116)") is one figure restated; a bracket that names another unit ("$13.63 a bushel
(about €460/t)") restates nothing. Each pair keeps the shape and flips the reading."""

from __future__ import annotations

import pytest

from factcheck import extract

PAIRS = [
    ("Brent crude touched $139.13 a barrel (€116) on Monday.", True),
    ("Brent crude touched $139.13 a barrel (€116/t) on Monday.", False),
    ("Gold hit $2,400 an ounce (£1,900) in London.", True),
    ("Gold hit $2,400 an ounce (£1,900 a kilo) in London.", False),
    ("Wheat reached $13.63 a bushel (about €12.40) in Chicago.", True),
    ("Wheat reached $13.63 a bushel (about €460/t) in Chicago.", False),
    ("The stock closed at $48.20 per share (€44.10) on Friday.", True),
    ("The stock closed at $48.20 per share (€44.10 per ADR) on Friday.", False),
    # an amount per any item: a match, a night, a seat
    ("Star paid Rs 57.5 crore per match (about $7.4 million) for TV.", True),
    ("Star paid Rs 57.5 crore per match (about $7.4 million a season) for TV.", False),
    ("Rooms cost £450 a night (€520) in August.", True),
    ("Rooms cost £450 a night (€520 a week) in August.", False),
]


@pytest.mark.parametrize(("text", "restated"), PAIRS)
def test_a_bracket_after_a_price_unit_restates_the_price(
    text: str, restated: bool
) -> None:
    first, second = extract(text)[:2]
    assert (second.equivalent_of == first.id) is restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        # a second restatement after the bracket of the first restates the amount
        ("It lost 970 billion yen ($7.18 billion), or about Rs 59,000 crore.", True),
        # a dash and an approximation after the bracket: another figure
        (
            "The wreck lies at about 3,800m (12,500ft), some 370 nautical miles off.",
            False,
        ),
        # a rate after the second restatement's bracket is no restatement
        (
            "It is 43 trillion yen ($316 billion), or about 8.6 trillion yen "
            "($63.3 billion) per year.",
            False,
        ),
        # a share after the bracket is no restatement of the amount
        ("It lost 970 billion yen ($7.18 billion), or about 2% of its assets.", False),
    ],
)
def test_a_restatement_after_a_bracketed_one_restates_the_first(
    text: str, restated: bool
) -> None:
    first, _, third = extract(text)[:3]
    assert (third.equivalent_of == first.id) is restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        # an approximate amount after what the first one is of restates it
        (
            "The city got 617.1 millimetres of rain, about 24 inches, in three days.",
            True,
        ),
        # a figure of another kind there is no restatement
        (
            "The city got 617.1 millimetres of rain, about 24 hours after the alert.",
            False,
        ),
    ],
)
def test_an_approximate_restatement_after_the_noun(text: str, restated: bool) -> None:
    first, second = extract(text)[:2]
    assert (second.equivalent_of == first.id) is restated
