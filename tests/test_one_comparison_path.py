"""One path for "the interval a claim allows": the pytest helpers compare two claims
exactly as the audit compares two sources' claims (issue: `assert claim_a ==
claim_b` said "can both hold" where `audit` reported a conflict)."""

from __future__ import annotations

import datetime as dt

import attrs

from factcheck.model import Document
from factcheck.pipeline import audit
from factcheck.testing import compare, explain_comparison, one_claim

DAY = dt.date(2024, 4, 1)
A = "The SU7 Standard has a range of 700km on one charge."
B = "The SU7 Standard has a range of 668 kilometers on one charge."


def _documents() -> list[Document]:
    return [
        attrs.evolve(Document.from_text(text, path=name, published=DAY), outlet=name)
        for name, text in (("one.md", A), ("two.md", B))
    ]


def test_helper_and_audit_agree_that_a_round_figure_is_no_wider_than_3_percent() -> (
    None
):
    comparison = compare("700km", "668 kilometers", date=DAY)
    report = audit(_documents())

    assert not comparison.overlap
    assert [f.rule for f in report.findings if f.severity == "error"] == ["FC201"]


def test_helper_and_audit_agree_within_the_cap() -> None:
    near = B.replace("668", "690")
    comparison = compare("700km", "690 kilometers", date=DAY)
    report = audit(
        [_documents()[0], Document.from_text(near, path="two.md", published=DAY)]
    )

    assert comparison.overlap
    assert not [f for f in report.findings if f.severity == "error"]


def test_explanation_shows_the_audits_reading() -> None:
    lines = explain_comparison(one_claim("700km"), one_claim("668 kilometers"))
    assert lines[1].startswith("the numbers cannot both hold")
    assert "679–721" in lines[2]
