"""The same digits printed two ways (:func:`factcheck.align.decide.digit_slip`)."""

from __future__ import annotations

import pytest

from factcheck import extract
from factcheck.align.decide import digit_slip


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("$26.2 billion", "$2.62 billion", "a decimal moved"),
        ("23 million", "2.3 million", "a decimal moved"),
        ("4.5%", "5.4%", "two digits swapped"),
        ("68,000 customers", "86,000 customers", "two digits swapped"),
        ("$5.41 billion", "$4.51 billion", "two digits swapped"),
        # no slip: other digits, one digit only, a repeated digit, equal values,
        # another unit, or swapped digits at another scale
        ("4.25%", "4.5%", None),
        ("4%", "40%", None),
        ("55 million", "5.5 million", None),
        ("$26.2 billion", "$26.2 billion", None),
        ("$26.2 billion", "€2.62 billion", None),
        ("4.5%", "54%", None),
    ],
)
def test_digit_slip(a: str, b: str, want: str | None) -> None:
    (ca,), (cb,) = extract(a), extract(b)
    assert digit_slip(ca, cb) == want
    assert digit_slip(cb, ca) == want
