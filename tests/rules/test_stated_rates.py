"""A conversion at a rate the article states ("at Rs 70 to the dollar", "($1 = 0.8495
euros)") is checked against that rate, not the market's (FC101), and how far the
stated rate stands from the market is an FC401 hint at info level.

Each pair keeps the article and changes the printed equivalent: one fits the stated
rate (and not the market: without the rate sentence FC101 fires), one fits neither.
"""

from __future__ import annotations

import datetime as dt

import pytest
from article_audit import run_audit

from factcheck import extract
from factcheck.normalize.stated_rates import stated_rates

FEB_24 = dt.date(2025, 2, 24)

# (article with {eq} for the equivalent, the rate sentence, fitting eq, wrong eq, date)
CASES = [
    (
        "The government unveiled a package of Rs 4.62 lakh crore ({eq}) for firms.",
        "All figures are converted at Rs 70 to the dollar.",
        "$65.95 billion",
        "$72.5 billion",
        dt.date(2020, 5, 13),
    ),
    (
        "Alibaba will spend 380 billion yuan ({eq}) on data centres.",
        "The group converts at 6.5 yuan per dollar in its plans.",
        "$58.5 billion",
        "$61 billion",
        FEB_24,
    ),
    (
        "The state will lend Rs 5,000 crore ({eq}) to exporters.",
        "($1 = 83.2 rupees)",
        "$601 million",
        "$640 million",
        FEB_24,
    ),
    (
        "The ministry set aside 1 trillion won ({eq}) for batteries.",
        "(1 USD = 1,367 won)",
        "$731.5 million",
        "$760 million",
        FEB_24,
    ),
    (
        "The regulator fined the carrier 200 million euros ({eq}).",
        "($1 = 0.8495 euros)",
        "$235.4 million",
        "$250 million",
        FEB_24,
    ),
    (
        "The city will invest 2.6 trillion won ({eq}) in a chip cluster.",
        "The plan was costed at 1,300 won per dollar.",
        "$2.02 billion",
        "$2.3 billion",
        FEB_24,
    ),
    (
        "The province pledged 69 billion yuan ({eq}) for rail.",
        "Its budget assumes 1 dollar = 6.9 yuan.",
        "$10.0 billion",
        "$10.8 billion",
        FEB_24,
    ),
    (
        "The carmaker will spend 1.4 trillion yen ({eq}) on batteries.",
        "It used a rate of 140 yen per U.S. dollar.",
        "$10.0 billion",
        "$11.0 billion",
        FEB_24,
    ),
    (
        "The fund will raise 900 million euros ({eq}) from pension funds.",
        "The fund converts at 0.90 euro per dollar.",
        "$1.00 billion",
        "$1.10 billion",
        FEB_24,
    ),
    (
        "The port will cost Rs 8,300 crore ({eq}) to build.",
        "Costs were converted at 83 rupees to a US dollar.",
        "$1.00 billion",
        "$1.10 billion",
        FEB_24,
    ),
]


def _article(body: str, rate: str | None, eq: str) -> str:
    text = body.format(eq=eq)
    return text if rate is None else f"{text}\n\n{rate}\n"


@pytest.mark.parametrize(("body", "rate", "fits", "wrong", "day"), CASES)
def test_an_equivalent_at_the_stated_rate_is_consistent(
    body: str, rate: str, fits: str, wrong: str, day: dt.date
) -> None:
    del wrong
    assert run_audit(_article(body, rate, fits), day) == []
    # the market rate alone would not allow it: the stated rate is what fits
    assert len(run_audit(_article(body, None, fits), day)) == 1


@pytest.mark.parametrize(("body", "rate", "fits", "wrong", "day"), CASES)
def test_an_equivalent_off_the_stated_rate_and_the_market_is_flagged(
    body: str, rate: str, fits: str, wrong: str, day: dt.date
) -> None:
    del fits
    (finding,) = run_audit(_article(body, rate, wrong), day)
    assert finding.severity == "error"
    # the message shows the stated rate and where it was stated, with the arithmetic
    assert "the rate the article states" in finding.message
    assert "(line 3, column" in finding.message
    assert finding.details["bases_tried"] == "market, stated"
    assert isinstance(finding.details["stated_rate"], float)


def test_the_distance_from_the_market_is_an_info_hint() -> None:
    body, rate, fits, _, day = CASES[0]
    (hint,) = run_audit(_article(body, rate, fits), day, code="FC401")
    assert hint.severity == "info"
    assert "70 INR per USD" in hint.message
    assert "'Rs 70 to the dollar'" in hint.message
    assert hint.details["relative_distance"] == pytest.approx(70 / 75.2943 - 1, 1e-3)


@pytest.mark.parametrize(
    ("eq", "silent"), [("$1.09 billion", True), ("$1.5 billion", False)]
)
def test_a_stated_rate_checks_a_currency_the_reference_rates_lack(
    eq: str, silent: bool
) -> None:
    # the ECB never quoted the naira: the article's own rate is the only basis
    text = (
        f"Nigeria's budget sets aside 500 billion naira ({eq}) for roads.\n\n"
        "Figures are converted at 460 naira to the dollar.\n"
    )
    found = run_audit(text, dt.date(2023, 6, 1))
    assert (found == []) is silent
    if not silent:
        (finding,) = found
        assert finding.message.startswith(
            "'$1.5 billion' restates '500 billion naira' at 333.3 NGN per USD, but "
            "487.5–512.5 billion NGN is 1.048–1.126 billion USD at the rate the "
            "article states, 460 NGN per USD, stated as '460 naira to the dollar'"
        )
        assert finding.details["bases_tried"] == "stated"


@pytest.mark.parametrize(
    ("rate", "eq", "silent"),
    [
        # a plan's assumed rate: an equivalent off it may be at the market's
        (
            "The budget assumes an exchange rate of 750 naira per dollar.",
            "$34.4 billion",
            True,
        ),
        ("Figures are converted at 750 naira per dollar.", "$34.4 billion", False),
        # and one at it is consistent
        (
            "The budget assumes an exchange rate of 750 naira per dollar.",
            "$36.7 billion",
            True,
        ),
        # the market's rate, stated with the currency as its subject
        ("The naira traded at around 800 per dollar.", "$34.4 billion", True),
        ("The naira traded at around 800 per dollar.", "$30.4 billion", False),
    ],
)
def test_an_assumed_rate_is_one_basis_and_never_the_only_proof(
    rate: str, eq: str, silent: bool
) -> None:
    text = f"Nigeria proposed a 27.5 trillion naira ({eq}) budget.\n\n{rate}\n"
    assert (run_audit(text, dt.date(2023, 11, 29)) == []) is silent


def test_no_hint_when_the_stated_rate_is_the_market_rate() -> None:
    text = (
        "Alibaba will spend 380 billion yuan ($52.4 billion) on data centres.\n\n"
        "($1 = 7.25 yuan)\n"
    )
    assert run_audit(text, FEB_24, code="FC401") == []
    assert run_audit(text, FEB_24) == []


# (text, (base, quote, rate) or None): the reader's own minimal pairs
READS = [
    ("at Rs 70 to the dollar", ("USD", "INR", 70.0)),
    ("at Rs 70 a litre", None),
    ("at an exchange rate of 7.2 yuan per dollar", ("USD", "CNY", 7.2)),
    ("at 7.2 yuan per tonne", None),
    ("$1 = 83.2 rupees", ("USD", "INR", 83.2)),
    ("$2 = 166.4 rupees", None),
    ("(1 USD = 1,367 won)", ("USD", "KRW", 1367.0)),
    ("(1 USD, 1,367 won)", None),
    ("($1 = 0.8495 euros)", ("USD", "EUR", 0.8495)),
    # Reuters' house style: the country after the amount names its dollar
    ("($1 = $1.36 Canadian)", ("USD", "CAD", 1.36)),
    ("($1 = $1.36)", None),
    ("a dividend of $1.36 Canadian a share", None),
    ("at 1,300 won per dollar", ("USD", "KRW", 1300.0)),
    ("at 1,300 won per share", None),
    ("at 83 rupees to a US dollar", ("USD", "INR", 83.0)),
    ("Rs 100 for every dollar invested", None),
    ("1 dollar = 7.1 yuan", ("USD", "CNY", 7.1)),
    ("1 dollar and 7.1 yuan", None),
    ("150 yen per U.S. dollar", ("USD", "JPY", 150.0)),
    ("150 billion yen per dollar of sales", None),
    ("0.92 euro per dollar", ("USD", "EUR", 0.92)),
    ("$80 a barrel", None),
    # a currency named as the subject of its own bare price
    ("The naira traded at around 800 per dollar.", ("USD", "NGN", 800.0)),
    ("The index traded at around 800 per dollar.", None),
    ("the rupee closed at 83.2 to the dollar", ("USD", "INR", 83.2)),
    ("the rupee closed at 83.2 to the share", None),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_reading_stated_rates(
    text: str, expected: tuple[str, str, float] | None
) -> None:
    found = stated_rates(text, extract(text))
    if expected is None:
        assert found == ()
    else:
        (rate,) = found
        assert (rate.base, rate.quote, rate.rate) == expected
        assert rate.low <= rate.rate <= rate.high
        assert text[rate.span.start : rate.span.end].startswith(rate.text.split()[0])


def test_reads_come_in_both_verdicts() -> None:
    assert sum(e is None for _, e in READS) == sum(e is not None for _, e in READS)


def test_a_rate_is_read_at_its_precision_capped() -> None:
    (rate,) = stated_rates("at Rs 70 to the dollar", extract("at Rs 70 to the dollar"))
    assert (rate.low, rate.high) == pytest.approx((68.25, 71.75))
    (rate,) = stated_rates("at 7.2 yuan per dollar", extract("at 7.2 yuan per dollar"))
    assert (rate.low, rate.high) == pytest.approx((7.15, 7.25))
