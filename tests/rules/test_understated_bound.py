""" "over $3 billion" for a $35 billion listing: a lower bound a power of ten below the
figure it is aligned with is an FC401 hint (``hints.understated_bound``).

Each pair keeps the sentence shape and changes one figure, so the verdict flips.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import extract
from factcheck.align import ClaimRef
from factcheck.extractor import extract_document
from factcheck.model import Document, Interval
from factcheck.rules.context import AuditContext, build_context
from factcheck.rules.hints import understated_bound, understated_bound_findings


def _figure(value: float, unit: str | None, half: float = 0.0) -> Interval:
    return Interval(value - half, value + half, unit)


# (sentence with a bound, the aligned figure, its half rounding step, hint expected)
PAIRS = [
    ("The listing would have raised over $3 billion.", 35e9, 0.5e9, True),
    ("The listing would have raised over $30 billion.", 35e9, 0.5e9, False),
    ("More than 2,000 people were evacuated.", 21_500, 0.0, True),
    ("More than 20,000 people were evacuated.", 21_500, 0.0, False),
    ("At least 4 million doses were shipped.", 45e6, 0.5e6, True),
    ("At least 40 million doses were shipped.", 45e6, 0.5e6, False),
    ("The group has over $1.5 billion in cash.", 160e9, 0.5e9, True),
    ("The group has over $150 billion in cash.", 160e9, 0.5e9, False),
    ("Exports topped more than $2 billion last year.", 20e9, 0.5e9, True),
    ("Exports topped more than $3 billion last year.", 20e9, 0.5e9, False),
    ("The storm cut power to over 5,000 homes.", 70_000, 0.0, True),
    ("The storm cut power to over 5,000 homes.", 80_000, 0.0, False),
    ("The fund holds over $3 billion in bonds.", 29e9, 0.5e9, True),
    ("The fund holds over $3 billion in bonds.", 24e9, 0.5e9, False),
    ("The plant will cost more than $9 million.", 95e6, 0.5e6, True),
    ("The plant will cost more than $9 million.", 9.5e6, 0.05e6, False),
    ("The fire burned more than 30,000 acres.", 383_619, 0.0, True),
    ("The fire burned more than 300,000 acres.", 383_619, 0.0, False),
    ("Sales reached at least 1.2 million cars.", 12.4e6, 0.05e6, True),
    ("Sales reached at least 1.2 million cars.", 1.24e6, 0.005e6, False),
]


@pytest.mark.parametrize(("sentence", "figure", "half", "hint"), PAIRS)
def test_a_bound_a_power_of_ten_below_its_figure_is_a_hint(
    sentence: str, figure: float, half: float, hint: bool
) -> None:
    (claim,) = extract(sentence)
    found = understated_bound(
        claim, claim.interval, _figure(figure, claim.unit, half), b_text="figure"
    )
    assert (found is not None) is hint
    if found is not None:
        k = found.details["power_of_ten"]
        assert isinstance(k, int)
        assert k >= 1
        # the message shows the arithmetic: both figures and their ratio
        assert f"10^{k}" in found.message
        assert f"= {figure / claim.value:.4g}" in found.message


def test_pairs_come_in_both_verdicts() -> None:
    assert sum(h for *_, h in PAIRS) == sum(not h for *_, h in PAIRS) >= 10


@pytest.mark.parametrize(
    "sentence",
    [
        "The listing would have raised up to $3 billion.",
        "The listing would have raised less than $3 billion.",
        "The listing would have raised about $3 billion.",
        "The listing would have raised $3 billion.",
    ],
)
def test_only_a_lower_bound_can_be_understated(sentence: str) -> None:
    (claim,) = extract(sentence)
    assert understated_bound(claim, claim.interval, _figure(35e9, "USD")) is None


def test_units_must_match() -> None:
    (claim,) = extract("The listing would have raised over $3 billion.")
    assert understated_bound(claim, claim.interval, _figure(35e9, "EUR")) is None


def test_an_open_figure_stands_at_its_closed_end() -> None:
    (claim,) = extract("The listing would have raised over $3 billion.")
    open_figure = Interval(35e9, None, "USD")
    found = understated_bound(claim, claim.interval, open_figure)
    assert found is not None
    assert found.details["figure"] == 35e9


def _refs(first: str, second: str) -> tuple[AuditContext, ClaimRef, ClaimRef]:
    """Two one-sentence articles in one audit, and their single claims."""
    day = dt.date(2023, 7, 8)
    documents = [
        Document(path=f"{n}.md", text=t, published=day, outlet=f"Outlet {n}")
        for n, t in enumerate((first, second))
    ]
    ctx = build_context([extract_document(d) for d in documents])
    return ctx, ctx.refs[0], ctx.refs[1]


@pytest.mark.parametrize(
    ("bound", "hint"),
    [("over $3 billion", True), ("over $30 billion", False), ("$35 billion", False)],
)
def test_an_aligned_pair_gets_an_fc401_hint_from_the_bound(
    bound: str, hint: bool
) -> None:
    ctx, ra, rb = _refs(
        f"Ant's listing would have raised {bound} in 2020.",
        "Ant's listing would have been a record $35 billion deal in 2020.",
    )
    found = list(understated_bound_findings(ctx, ra, rb, evidence=("same listing",)))
    assert bool(found) is hint
    if hint:
        (finding,) = found
        assert (finding.rule, finding.severity) == ("FC401", "info")
        assert finding.location.text == "$3 billion"
        assert finding.related[0].text == "$35 billion"
        assert finding.evidence == ("same listing",)
        assert "35 billion USD / 3 billion USD = 11.67" in finding.message
