"""A report that marks its year's figures "for the full year" leaves its other
figures of that flow undated: its own period (the quarter), never the year's. The
pair keeps the report and drops the mark."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Document, audit

TEXT = (
    "Velora, the Dutch chip toolmaker, said bookings reached €9.19 billion in the "
    "quarter. Net income was €2.5 billion, and sales rose to €7.24 billion. "
    "{mark}Velora's net sales rose 30% to €27.6 billion ($30 billion)."
)


@pytest.mark.parametrize(
    ("mark", "flagged"),
    [("For the full year, ", False), ("", True)],
)
def test_a_full_year_figure_is_no_rival_of_the_reports_other_figures(
    mark: str, flagged: bool
) -> None:
    text = TEXT.format(mark=mark)
    document = Document(
        path="results.md", text=text, published=dt.date(2024, 1, 24), outlet="Desk"
    )
    findings = [
        f
        for f in audit([document]).findings
        if f.rule == "FC103" and f.severity in ("warning", "error")
    ]
    assert bool(findings) is flagged
