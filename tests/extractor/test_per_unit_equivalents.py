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
