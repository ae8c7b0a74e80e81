"""A conversion made the wrong way (a factor or rate divided where it multiplies, a
temperature scaled without its offset) is read from the numbers, and a weak match
whose figures one such slip turns into each other is a warning (FC201)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document, Finding, audit, extract
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


def _relabelled(printed: str, stated: str) -> str | None:
    from factcheck.normalize.slips import relabelled

    (p,) = extract(printed)
    s, partner = extract(stated)
    assert partner.equivalent_of == s.id
    # the number may be the figure's (80 kilometres) or its equivalent's (300-meter)
    slip = relabelled(p, s, partner) or relabelled(p, partner, s)
    return None if slip is None else slip.kind


@pytest.mark.parametrize(
    ("printed", "stated"),
    [
        ("about 80 miles northwest", "about 80 kilometres (50 miles) northwest"),
        ("the 300-foot ship", "a 984-foot (300-meter) ship"),
        ("a top speed of 320 miles per hour", "up to 320 km/h (199 mph)"),
        ("a plume 57 miles high", "a plume 57 kilometers (35 miles) high"),
    ],
)
def test_a_number_printed_with_the_other_unit_is_a_slip(
    printed: str, stated: str
) -> None:
    assert _relabelled(printed, stated) == "the number printed with the other unit"


@pytest.mark.parametrize(
    ("printed", "stated"),
    [
        # the right conversion, and a wrong figure that keeps neither number
        ("about 50 miles northwest", "about 80 kilometres (50 miles) northwest"),
        ("about 90 miles northwest", "about 80 kilometres (50 miles) northwest"),
        # units too close to tell a label from rounding (a yard is 0.91 metres)
        ("a 100-metre dash", "a 100-yard (91-metre) dash"),
    ],
)
def test_no_relabel_without_the_number_and_a_far_unit(
    printed: str, stated: str
) -> None:
    assert _relabelled(printed, stated) is None


def _fc201_alarms(
    first: str, other: str, day: dt.date
) -> tuple[list[Finding], list[str]]:
    """The FC201 warnings and errors of two one-text reports of one day, and every
    finding's message."""
    report = audit(
        [
            Document.from_text(first, path="a.txt", published=day),
            Document.from_text(other, path="b.txt", published=day),
        ]
    )
    found = [f for f in report.findings if f.rule == "FC201" and f.severity != "info"]
    return found, [f.message for f in report.findings]


QUAKE = (
    "The Varno earthquake struck about 80 kilometres (50 miles) northwest of "
    "Kestrin, the survey said."
)


@pytest.mark.parametrize(
    ("other", "warned"),
    [
        ("The Varno earthquake struck about 80 miles northwest of Kestrin.", True),
        ("The Varno earthquake struck about 90 miles northwest of Kestrin.", False),
    ],
)
def test_a_relabelled_figure_is_a_confident_conflict(other: str, warned: bool) -> None:
    found, messages = _fc201_alarms(QUAKE, other, dt.date(2015, 4, 26))
    assert bool(found) == warned, messages
    if warned:
        assert (
            "the number printed with the other unit: '80 miles' has the number of "
            "'80 kilometres' and the unit of its stated equivalent '50 miles'; "
            "'80 kilometres' is 49.71 mile" in found[0].message
        )


@pytest.mark.parametrize(
    ("printed", "stated", "kind"),
    [
        # the dollar figure printed under the other report's currency
        (
            "for NIS 15.3 billion",
            "for $15.3 billion (NIS 56 billion)",
            "the number printed with the other currency",
        ),
        # the right conversion keeps the number of neither side
        ("for NIS 56 billion", "for $15.3 billion (NIS 56 billion)", None),
        # a rate near one: the number kept is rounding, not a label changed
        ("for €15.3 billion", "for $15.3 billion (€14.4 billion)", None),
    ],
)
def test_a_number_printed_with_the_other_currency(
    printed: str, stated: str, kind: str | None
) -> None:
    assert _relabelled(printed, stated) == kind


DEAL = (
    "Halvor will acquire Kestrel Vision for $15.3 billion (NIS 56 billion), the "
    "largest purchase of a Varnish technology company."
)


@pytest.mark.parametrize(
    ("amount", "warned"), [("NIS 15.3 billion", True), ("NIS 18.3 billion", False)]
)
def test_a_figure_under_the_other_currency_is_a_conflict(
    amount: str, warned: bool
) -> None:
    other = f"Halvor's purchase of Kestrel Vision for {amount} was hailed in Varnish."
    found, messages = _fc201_alarms(DEAL, other, dt.date(2017, 3, 13))
    assert bool(found) == warned, messages


@pytest.mark.parametrize(
    ("a_text", "b_text", "kind"),
    [
        # one number in two units far apart: the label changed
        (
            "the 1,150-kilometre line",
            "the 1,150-mile line",
            "the number printed with the other unit",
        ),
        # a one-digit number meets another unit's by chance
        ("a 20.0 km zone", "20.0 miles away", None),
        # units too close to tell a label from rounding
        ("a 1,150-metre runway", "a 1,150-yard runway", None),
    ],
)
def test_one_number_in_two_far_units_is_a_slip(
    a_text: str, b_text: str, kind: str | None
) -> None:
    from factcheck.normalize.slips import quantity_slip

    (a,) = extract(a_text)
    (b,) = extract(b_text)
    slip = quantity_slip(a, b)
    assert (None if slip is None else slip.kind) == kind


@pytest.mark.parametrize(
    ("printed", "slipped"),
    [
        # the number of the other report's dollars, under its yuan: a label changed
        ("Calvor's revenue was 18.8 billion yuan in the quarter.", True),
        # a figure that names another attribute meets that number by chance
        ("Calvor made a net profit of 18.8 billion yuan in the quarter.", False),
    ],
)
def test_a_number_under_the_other_currency_needs_no_other_attribute(
    printed: str, slipped: bool
) -> None:
    from factcheck.align.context import ClaimRef
    from factcheck.align.decide import _relabelled, anchors_of
    from factcheck.align.frames import read_frames
    from factcheck.extractor import extract_document

    docs = [
        Document.from_text(
            "Calvor posted revenue of 128 billion yuan ($18.8 billion) in the quarter.",
            path="a.txt",
            published=dt.date(2019, 1, 21),
        ),
        Document.from_text(printed, path="b.txt", published=dt.date(2019, 1, 21)),
    ]
    refs = [
        ClaimRef(document=d, claim=c, doc_index=i)
        for i, d in enumerate(docs)
        for c in read_frames(extract_document(d)).claims
    ]
    anchors = anchors_of(refs)
    dollars = next(r for r in refs if r.claim.text == "$18.8 billion")
    yuan = next(r for r in refs if r.doc_index == 1 and r.claim.kind == "money")
    assert (_relabelled(yuan, dollars, anchors) is not None) == slipped
