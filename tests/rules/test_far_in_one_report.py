"""One report giving one holder two figures many times apart gives a part and its
whole (a region's votes and the nation's), not a misprint: an outlet's misprint stays
near its figure or keeps its digits (``SAME_DOCUMENT_FAR`` in
:mod:`factcheck.align.thresholds`). Such a pair is an info at most; a near figure or
a moved decimal still gives a warning or an error.

Each pair keeps the article and changes the second figure."""

from __future__ import annotations

import datetime as dt

import pytest
from article_audit import run_audit

DAY = dt.date(2023, 3, 1)
LEAD = "Kestrel won 8.8 million votes in the presidential election, officials said."

# (second sentence, whether FC103 stays below warning)
PAIRS = [
    ("In the capital, Kestrel polled 572,606 votes.", True),
    ("In the end, Kestrel polled 8.2 million votes.", False),
    ("In the north, Kestrel polled 2,104,337 votes.", True),
    ("In the end, Kestrel polled 9.4 million votes.", False),
    ("Kestrel polled 1,245,390 votes in the capital region.", True),
    ("Kestrel polled 6.8 million votes in all.", False),
]


@pytest.mark.parametrize(("second", "quiet"), PAIRS)
def test_far_figures_of_one_report_are_an_info_at_most(
    second: str, quiet: bool
) -> None:
    found = run_audit(f"{LEAD} {second}", DAY, code="FC103")
    loud = [f for f in found if f.severity in ("error", "warning")]
    assert (loud == []) is quiet, [f.message for f in found]
