"""FC104: conversions no reference rate can test, compared with each other."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document, audit

TAKA = "Dhaka's city corporations set aside Tk 147 crore (about $13.3 million) for mosquito control."
SLIPPED = "Dhaka's two city corporations budgeted 1.47 billion taka ($134m) for mosquito control."


def _fc104(*docs: tuple[str, str]) -> list[str]:
    report = audit(
        [
            Document.from_text(
                text, path=f"d{i}.txt", published=dt.date.fromisoformat(day)
            )
            for i, (text, day) in enumerate(docs)
        ]
    )
    return [f.location.path for f in report.findings if f.rule == "FC104"]


@pytest.mark.parametrize(
    ("days_apart", "fires"),
    [(3, True), (30, True), (31, False), (90, False)],
)
def test_reports_of_one_news_cycle_are_compared(days_apart: int, fires: bool) -> None:
    later = (dt.date(2023, 10, 2) + dt.timedelta(days=days_apart)).isoformat()
    assert bool(_fc104((TAKA, "2023-10-02"), (SLIPPED, later))) == fires


def test_the_later_of_two_is_flagged() -> None:
    assert _fc104((TAKA, "2023-10-02"), (SLIPPED, "2023-10-04")) == ["d1.txt"]
    assert _fc104((SLIPPED, "2023-10-02"), (TAKA, "2023-10-04")) == ["d1.txt"]


def test_the_one_against_two_that_agree_is_flagged() -> None:
    agreeing = (
        "Officials put the mosquito budget at Tk 150 crore, or about $13.6 million."
    )
    found = _fc104(
        (SLIPPED, "2023-10-01"), (TAKA, "2023-10-02"), (agreeing, "2023-10-03")
    )
    assert found == ["d0.txt"]


def test_a_pair_the_reference_quotes_is_left_to_fc101() -> None:
    yuan = "Alibaba will invest more than 380 billion yuan (US$52.4 billion) in AI."
    slipped = "Alibaba will invest more than 380 billion yuan ($5.24 billion) in AI."
    report = audit(
        [
            Document.from_text(yuan, path="a.txt", published=dt.date(2025, 2, 24)),
            Document.from_text(slipped, path="b.txt", published=dt.date(2025, 2, 25)),
        ]
    )
    codes = {f.rule for f in report.findings}
    assert "FC104" not in codes
    assert "FC101" in codes
