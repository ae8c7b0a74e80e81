"""A conversion made the wrong way (a factor or rate divided where it multiplies, a
temperature scaled without its offset) is read from the numbers, and a weak match
whose figures one such slip turns into each other is a warning (FC201)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document, audit, extract
from factcheck.normalize import compare_claims, normalize_claim
from factcheck.normalize.slips import conversion_slip

# (the right figure, the figure a slip gives, a wrong figure no slip gives, the
# kind of slip, the publication date money converts at)
PAIRS = [
    ("winds of 155 mph", "96 km/h", "99 km/h", "factor", None),
    ("the 57-kilometre tunnel", "91.7 miles", "88.5 miles", "factor", None),
    ("a pumpkin of 2,749 pounds", "6,061kg", "5,900kg", "factor", None),
    ("a summit of 3,776 metres", "1,151 feet", "1,300 feet", "factor", None),
    ("gusts of 209 kilometers per hour", "336mph", "320mph", "factor", None),
    ("40.3C", "72.5 degrees Fahrenheit", "74.5 degrees Fahrenheit", "offset", None),
    ("130 degrees Fahrenheit", "72.2C", "70.2C", "offset", None),
    ("minus 47 degrees Fahrenheit", "-26C", "-29C", "offset", None),
    ("a fine of £18.4 million", "$14.2 million", "$15.5 million", "rate", "2020-10-30"),
    (
        "a fine of A$1.35 billion",
        "US$1.91 billion",
        "US$1.6 billion",
        "rate",
        "2020-09-24",
    ),
    ("a fine of £104 million", "$82 million", "$90 million", "rate", "2024-08-06"),
]
KINDS = {
    "factor": "the factor applied the wrong way round",
    "offset": "the temperature converted without its offset",
    "rate": "the rate applied the wrong way round",
}


def _slip(a_text: str, b_text: str, day: str | None) -> str | None:
    published = dt.date.fromisoformat(day) if day else None
    (a,) = extract(a_text)
    (b,) = extract(b_text)
    comparison = compare_claims(
        normalize_claim(a, published=published),
        normalize_claim(b, published=published),
    )
    assert not comparison.overlap
    slip = conversion_slip(comparison)
    return None if slip is None else slip.kind


@pytest.mark.parametrize(
    ("right", "slipped", "wrong", "kind", "day"), PAIRS, ids=[p[1] for p in PAIRS]
)
def test_a_slip_is_told_from_a_figure_merely_wrong(
    right: str, slipped: str, wrong: str, kind: str, day: str | None
) -> None:
    assert _slip(right, slipped, day) == KINDS[kind]
    assert _slip(slipped, right, day) == KINDS[kind]  # either side first
    assert _slip(right, wrong, day) is None


@pytest.mark.parametrize(
    ("right", "loose", "day"),
    [
        # a round figure ("150", read as 145-155) fits a wrong recipe by chance
        ("winds of 150 mph", "93 km/h", None),
        ("a fine of A$1.3 billion", "US$1.84 billion", "2020-09-24"),
    ],
)
def test_a_loosely_printed_figure_claims_no_slip(
    right: str, loose: str, day: str | None
) -> None:
    assert _slip(right, loose, day) is None


@pytest.mark.parametrize(
    ("right", "divided"),
    [
        # the euro against the dollar (1.08): divided, it misses by little more
        # than a rounded figure's slack, so no slip is claimed
        ("a fine of €1.2 billion", "$1.11 billion"),
        ("a fine of €1.84 billion", "$1.7 billion"),
    ],
)
def test_a_rate_near_one_claims_no_slip(right: str, divided: str) -> None:
    assert _slip(right, divided, "2023-05-22") is None


TUNNEL = (
    "Switzerland opened the 57-kilometre Gotthard Base Tunnel on Wednesday, the "
    "world's longest rail tunnel, after 17 years of construction."
)


def _tunnel_report(miles: str) -> str:
    return (
        f"The Gotthard Base Tunnel, which runs for {miles} miles beneath the Swiss "
        "Alps, was opened by the Swiss president. Nine workers died building it."
    )


def _fc201(other: str) -> list[tuple[str, str]]:
    day = dt.date(2016, 6, 1)
    report = audit(
        [
            Document.from_text(TUNNEL, path="a.txt", published=day),
            Document.from_text(other, path="b.txt", published=day),
        ]
    )
    return [(f.severity, f.message) for f in report.findings if f.rule == "FC201"]


def test_a_weak_match_that_a_slip_explains_is_a_warning() -> None:
    ((severity, message),) = _fc201(_tunnel_report("91.7"))
    assert severity in ("warning", "error")
    assert "the factor applied the wrong way round: '91.7 miles' ÷ 1.609" in message


def test_a_weak_match_no_slip_explains_stays_an_info() -> None:
    ((severity, message),) = _fc201(_tunnel_report("88.5"))
    assert severity == "info"
    assert "wrong way" not in message


def test_the_right_conversion_raises_nothing() -> None:
    assert _fc201(_tunnel_report("35.4")) == []
