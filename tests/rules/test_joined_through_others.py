"""FC103 on two figures of one report joined into one fact only through other
reports' figures (no decision of their own): the same bar as a pair judged in one
report. Figures ``SAME_DOCUMENT_FAR`` or more times apart that print no digits in
common two ways are a part and its whole more often than a misprint: an info at
most; figures near each other, or a scale word apart, keep the error.

The groups come from an aligner behind the seam (:class:`factcheck.align.Aligner`)
that joins every amount of one unit across reports and never judges a pair of one
report, as a third-party aligner may."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from factcheck.align import ClaimRef, Decision, FactGroup, read_frames
from factcheck.align.groups import Alignment
from factcheck.extractor import extract_document
from factcheck.model import Document
from factcheck.rules import builtin_rules
from factcheck.rules.context import build_context

DAY = dt.date(2021, 7, 30)


class _AcrossReportsOnly:
    """One group per unit, joined by a confident decision for each pair of claims
    from different reports."""

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        by_unit: dict[str | None, list[ClaimRef]] = {}
        for ref in refs:
            by_unit.setdefault(ref.claim.unit, []).append(ref)
        groups = []
        for members in by_unit.values():
            decisions = tuple(
                Decision(
                    a=a,
                    b=b,
                    confidence=4.0,
                    level="confident",
                    evidence=("same stated amount",),
                )
                for i, a in enumerate(members)
                for b in members[i + 1 :]
                if a.doc_index != b.doc_index
            )
            if decisions:
                groups.append(FactGroup(members=tuple(members), decisions=decisions))
        return Alignment(groups=tuple(groups), possible=())


def _fc103(report: str) -> list[tuple[str, str]]:
    other = "The regulator fined the retailer €746 million on Friday."
    extractions = [
        read_frames(extract_document(Document.from_text(t, path=p, published=DAY)))
        for p, t in (("report.md", report), ("other.md", other))
    ]
    ctx = build_context(extractions, aligner=_AcrossReportsOnly())
    rule = builtin_rules()["FC103"]
    return [(f.severity, " | ".join(f.evidence)) for f in rule.check(ctx)]


@pytest.mark.parametrize(
    ("report", "severity"),
    [
        # a headline against its body: near each other, a misprint
        (
            "Retailer fined 756 million euros. The fine of €746 million is a record.",
            "error",
        ),
        # a scale word apart, the digits kept: a slip
        (
            "Retailer fined 74.6 million euros. The fine of €746 million is a record.",
            "error",
        ),
        # four times apart, no digits in common: a part and its whole, or two facts
        (
            "Retailer fined 2.9 billion euros. The fine of €746 million is a record.",
            "info",
        ),
    ],
)
def test_a_pair_joined_only_through_others(report: str, severity: str) -> None:
    (found,) = _fc103(report)
    assert found[0] == severity
    assert found[1].startswith("one fact group")
    assert ("3 or more times apart" in found[1]) == (severity == "info")
