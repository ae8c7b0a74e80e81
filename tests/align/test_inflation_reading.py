"""A class's prices changing by a percentage are that class's inflation rate
(:func:`factcheck.align.decide._as_inflation`), unless the change follows the price
it reached: then it is that price's premium or move."""

from __future__ import annotations

import pytest

from factcheck.align.decide import _as_inflation
from factcheck.model import Claim, Frame, Span


def _claim(level: str | None) -> Claim:
    return Claim(
        id="c2",
        kind="percent",
        text="23.1%",
        span=Span(start=0, end=5, line=1, column=1, end_line=1, end_column=6),
        value=23.1,
        unit="%",
        frame=Frame(
            holder="Velmar's food",
            holder_key=("food", "velmar"),
            holder_source="subject",
            attribute="price",
            role="change",
            level=level,
        ),
    )


@pytest.mark.parametrize(
    ("level", "attribute", "role"),
    [
        # "Velmar's food prices were up 23.1% on the year": the class's inflation
        (None, "inflation", "level"),
        # "$95 a share, about 23.1% above its price in January": the price's premium
        ("c1", "price", "change"),
    ],
)
def test_a_price_change_after_its_price_is_no_inflation_rate(
    level: str | None, attribute: str, role: str
) -> None:
    frame = _as_inflation(_claim(level))
    assert (frame.attribute, frame.role) == (attribute, role)
