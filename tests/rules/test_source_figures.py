"""A stated "equivalent" printed to more digits than its counterpart could carry is
the source figure, not a conversion, and gets no conversion slack
(``SOURCE_FIGURE_DIGITS``, ``SOURCE_PRECISION_RATIO`` in ``factcheck.rules.context``).

Minimal pairs: the same two reports with the source figure copied right and with two
digits swapped; and conversions (three digits, or as precise as their counterpart)
that keep their slack.
"""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.model import Document

DAY = dt.date(2020, 4, 22)


def _findings(
    first: str, second: str, day: dt.date = DAY
) -> list[tuple[str, str, str]]:
    docs = [
        Document.from_text(first, path="a.txt", published=day),
        Document.from_text(second, path="b.txt", published=day),
    ]
    report = factcheck.audit(docs)
    return [
        (f.rule, f.severity, f.location.text)
        for f in report.findings
        if f.severity in ("error", "warning")
    ]


BASE = "Meta will invest $5.7 billion (Rs 43,574 crore) in Jio Platforms, it said."


def test_a_source_figure_copied_with_swapped_digits_conflicts() -> None:
    found = _findings(
        BASE,
        "Meta will invest $5.7 billion (Rs 43,547 crore) in Jio Platforms, it said.",
    )
    assert any(text in ("Rs 43,547 crore", "Rs 43,574 crore") for _r, _s, text in found)


def test_the_same_source_figure_agrees() -> None:
    assert not _findings(
        BASE, "Meta is to invest $5.7 billion (Rs 43,574 crore) in Jio Platforms."
    )


@pytest.mark.parametrize(
    ("first", "second", "day"),
    [
        # three digits: a writer's conversion, at another day's rate
        (
            "Alibaba will invest 380 billion yuan (US$52.4 billion) in AI, it said.",
            "Alibaba will invest 380 billion yuan (US$52.9 billion) in AI, it said.",
            dt.date(2025, 2, 24),
        ),
        # four digits, but no finer than the price it converts
        (
            "The Vela Pro costs €1,199 ($1,287) in Germany, Orvo said.",
            "The Vela Pro costs €1,199 ($1,295) in Germany, Orvo said.",
            dt.date(2023, 9, 13),
        ),
    ],
)
def test_conversions_keep_their_slack(first: str, second: str, day: dt.date) -> None:
    assert not _findings(first, second, day)
