"""A flow over a past period (a year's revenue, a quarter's sales, last year's
exports) may be converted at any reference rate of that period: FC101 accepts the
period's range as well as the publication date's window.

Each pair keeps the figures and changes what the sentence says: a flow over a past
period (silent) against a plan, a fund or a future period (the market rate of the
day applies, and the same conversion is flagged), or a figure outside the period's
range as well.
"""

from __future__ import annotations

import datetime as dt

import pytest
from article_audit import run_audit

from factcheck.normalize.periods import flow_period

#: Huawei published its 2023 results on 2024-03-29; a story of 2024-03-28 about them
DAY = dt.date(2024, 3, 28)

# (sentence, whether FC101 stays silent)
PAIRS = [
    ("Huawei's revenue for 2023 was CNY704.2bn ($99.45bn).", True),
    ("Huawei will spend CNY704.2bn ($99.45bn) on new plants.", False),
    ("Net profit in 2023 was CNY87bn ($12.29bn).", True),
    ("Net profit in 2023 was CNY87bn ($13.3bn).", False),
    ("Its 2023 revenue reached CNY704.2bn ($99.45bn).", True),
    ("Its 2027 revenue target is CNY704.2bn ($99.45bn).", False),
    ("Exports last year totalled CNY704.2bn ($99.45bn).", True),
    ("Exports next year could total CNY704.2bn ($99.45bn).", False),
    ("Profit for fiscal 2023 was CNY87bn ($12.35bn).", True),
    ("A fund of CNY87bn ($12.35bn) was set up on Thursday.", False),
    ("Third-quarter sales were CNY7.04bn ($986.5 million).", True),
    ("The new plant will cost CNY7.04bn ($986.5 million).", False),
    ("Output in the first half of 2023 reached CNY70.4bn ($10.35bn).", True),
    ("Output in the first half of 2023 reached CNY70.4bn ($9.2bn).", False),
    ("Annual revenue was CNY704.2bn ($99.45bn).", True),
    ("Annual revenue was CNY704.2bn ($106bn).", False),
    ("Government spending in 2023 was CNY704.2bn ($99.45bn).", True),
    ("Government spending in 2025 will be CNY704.2bn ($99.45bn).", False),
    ("Earnings for the year were CNY87bn ($12.35bn).", True),
    ("Earnings for the year were CNY87bn ($13.3bn).", False),
]


@pytest.mark.parametrize(("sentence", "silent"), PAIRS)
def test_a_flow_over_a_past_period_may_use_the_periods_rates(
    sentence: str, silent: bool
) -> None:
    found = run_audit(sentence, DAY)
    assert (found == []) is silent, [f.message for f in found]


def test_pairs_come_in_both_verdicts() -> None:
    assert sum(s for _, s in PAIRS) == sum(not s for _, s in PAIRS) >= 10


def test_a_flagged_flow_says_which_bases_were_tried() -> None:
    (finding,) = run_audit("Net profit in 2023 was CNY87bn ($13.3bn).", DAY)
    assert finding.details["bases_tried"] == "market, period"
    assert finding.details["period_start"] == "2023-01-01"
    assert finding.details["period_end"] == "2023-12-31"
    assert "at the rates of 'in 2023' (2023-01-01..2023-12-31)" in finding.message
    assert "6.72" in finding.message  # the period's lowest rate, with its arithmetic


# (sentence, published, the period read as (start, end) or None)
READS = [
    ("Revenue for 2023 was high.", DAY, ("2023-01-01", "2023-12-31")),
    ("The plant opened in 2023.", DAY, None),
    ("Sales in the third quarter rose.", DAY, ("2023-07-01", "2023-09-30")),
    ("Flights in the third quarter were full.", DAY, None),
    ("Q4 2023 profit was a record.", DAY, ("2023-10-01", "2023-12-31")),
    ("Q4 2023 deliveries were a record.", DAY, None),
    ("Exports last year fell.", DAY, ("2023-01-01", "2023-12-31")),
    ("Exports next year may fall.", DAY, None),
    ("Profit for FY24 was a record.", DAY, ("2023-04-01", "2024-03-28")),
    ("Profit for FY26 is forecast to rise.", DAY, None),
    ("Spending in 2023-24 rose.", DAY, ("2023-04-01", "2024-03-28")),
    ("Spending in 2023-24 rose.", None, None),
    ("Sales in June 2023 were a record.", DAY, ("2023-06-01", "2023-06-30")),
    (
        "Revenue in the year to March 2023 was a record.",
        DAY,
        ("2022-04-01", "2023-03-31"),
    ),
    (
        "Profit in the nine months ended September 2023 rose.",
        DAY,
        ("2023-01-01", "2023-09-30"),
    ),
    ("Sales have risen since June 2023.", DAY, None),
    ("Sales in June 2025 will be a record.", DAY, None),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), READS)
def test_reading_the_period_of_a_flow(
    sentence: str, published: dt.date | None, expected: tuple[str, str] | None
) -> None:
    period = flow_period(sentence, published)
    if expected is None:
        assert period is None
    else:
        assert period is not None
        assert (period.start.isoformat(), period.end.isoformat()) == expected


#: China's customs reported 2024's trade on 2025-01-13
CUSTOMS_DAY = dt.date(2025, 1, 13)

# (story, whether FC103 stays silent): the surplus's own sentence names a flow but
# no period, and the story named 2024 before it; the 2024 yuan-dollar rates run
# 7.08-7.31, the day's 7.32
STORIES = [
    (
        "China's goods trade reached a record in 2024. The trade surplus was 7.06 "
        "trillion yuan. In US dollar terms the trade surplus was US$992.1 billion.",
        True,
    ),
    (
        "China's goods trade reached a record in 2024. The trade surplus was 7.06 "
        "trillion yuan. In US dollar terms the trade surplus was US$1.1 trillion.",
        False,
    ),
    (
        "China's goods trade reached a record. The trade surplus was 7.06 trillion "
        "yuan. In US dollar terms the trade surplus was US$992.1 billion.",
        False,
    ),
    (
        "China's goods trade reached a record in 2024. It had slumped in 2023. The "
        "trade surplus was 7.06 trillion yuan. In US dollar terms the trade surplus "
        "was US$992.1 billion.",
        False,
    ),
]


@pytest.mark.parametrize(("story", "silent"), STORIES)
def test_a_flow_takes_the_one_period_its_story_named_before(
    story: str, silent: bool
) -> None:
    found = run_audit(story, CUSTOMS_DAY, code="FC103")
    assert (found == []) is silent, [f.message for f in found]


#: a story of 2025-02-24 about a fine; the euro bought 1.11-1.14 dollars in June
#: 2017 and 1.04-1.05 in the fortnight around the story
FINE_DAY = dt.date(2025, 2, 24)

# (sentence, whether FC101 stays silent): an amount of a past moment its sentence
# names may be converted at that moment's rates (as it was printed then); without
# the moment, or with a rate that moment never had, the day's rate applies
MOMENTS = [
    ("It follows the €2.42 billion ($2.7 billion) penalty in June 2017.", True),
    ("It follows the €2.42 billion ($2.7 billion) penalty of last summer.", False),
    ("It follows the €2.42 billion ($3.1 billion) penalty in June 2017.", False),
    ("The €500 million ($560 million) stake was bought in May 2019.", True),
    ("The €500 million ($560 million) stake will be bought in May 2026.", False),
    ("The €500 million ($640 million) stake was bought in May 2019.", False),
    (
        "Regulators imposed the €1.49 billion ($1.69 billion) fine on March 20, 2019.",
        True,
    ),
    ("Regulators imposed the €1.49 billion ($1.69 billion) fine on Wednesday.", False),
    # the moment must be the amount's own, not another noun's in its sentence
    ("Vale paid a 37.7 billion reais ($9.4 billion) settlement in 2019.", True),
    (
        "Vale agreed a 37.7 billion reais ($9.4 billion) accord over the 2019 dam burst.",
        False,
    ),
]


@pytest.mark.parametrize(("sentence", "silent"), MOMENTS)
def test_an_amount_of_a_named_past_moment_may_use_that_moments_rates(
    sentence: str, silent: bool
) -> None:
    found = [f for f in run_audit(sentence, FINE_DAY) if f.rule == "FC101"]
    assert (found == []) is silent, [f.message for f in found]


def test_moment_pairs_come_in_both_verdicts() -> None:
    assert sum(s for _, s in MOMENTS) == 4
    assert sum(not s for _, s in MOMENTS) == 6
