"""Intervals: conversion at a date, comparison with the arithmetic, and their laws.

The canonical case: 380 billion yuan on 2025-02-24 is about US$52.4 billion at the
ECB's 7.25 yuan per dollar; "$53 billion" agrees within rounding, "approximately
$38 billion" (10 yuan per dollar) does not.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.errors import RateUnavailableError, UnitError
from factcheck.model import Claim, Document, Extraction, Interval, Qualifier, Span
from factcheck.normalize import (
    Comparison,
    NormalizedClaim,
    NormalizeOptions,
    claim_interval,
    compare_claims,
    compare_intervals,
    convert_amount,
    convert_interval,
    format_amount,
    format_interval,
    measure_of,
    normalize_claim,
    normalize_extraction,
)
from factcheck.normalize.ecb import ECBProvider

PLEDGE = dt.date(2025, 2, 24)
ECB = ECBProvider(cache_dir=None)


def claim(
    text: str,
    value: float,
    unit: str | None,
    *,
    kind: str = "money",
    precision: float = 0.0,
    qualifier: Qualifier | None = None,
    id: str = "c",
    equivalent_of: str | None = None,
    bounds: bool = True,
) -> Claim:
    low = high = None
    if bounds:
        interval = Interval.from_stated(value, precision=precision, qualifier=qualifier)
        low, high = interval.low, interval.high
    return Claim(
        id=id,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        span=Span(0, len(text)),
        value=value,
        unit=unit,
        qualifier=qualifier,
        low=low,
        high=high,
        precision=precision,
        equivalent_of=equivalent_of,
    )


def normalized(c: Claim, published: dt.date | None = PLEDGE) -> NormalizedClaim:
    return normalize_claim(c, published=published, provider=ECB)


YUAN = claim("380 billion yuan", 380e9, "CNY", precision=10e9, id="yuan")
MORE_THAN = claim(
    "more than 380 billion yuan", 380e9, "CNY", precision=10e9, qualifier="gt"
)
STATED = claim(
    "US$52.4 billion", 52.4e9, "USD", precision=0.1e9, id="usd", equivalent_of="yuan"
)
ROUNDED = claim("$53 billion", 53e9, "USD", precision=1e9, id="other")
WRONG = claim(
    "approximately $38 billion",
    38e9,
    "USD",
    precision=1e9,
    qualifier="approx",
    id="wrong",
)


# --- the canonical check -----------------------------------------------------------


def test_380_billion_yuan_is_about_52_4_billion_dollars() -> None:
    conv = convert_amount(380e9, "CNY", "USD", day=PLEDGE, precision=10e9, provider=ECB)
    assert conv.value == pytest.approx(52.41e9, rel=1e-3)
    assert conv.rates is not None
    assert conv.rates.at.inverse().rate == pytest.approx(7.25, abs=0.005)
    assert (conv.rates.at.rate_date, conv.rates.provider) == (PLEDGE, "ecb")
    low, high = conv.result.bounds()
    assert low == pytest.approx(51.19e9, rel=1e-3)
    assert high == pytest.approx(53.37e9, rel=1e-3)
    assert "rate 7.25005 CNY per USD (ecb, 2025-02-24)" in conv.describe()


@pytest.mark.parametrize("other", [STATED, ROUNDED])
def test_52_4_and_53_billion_agree_with_the_yuan(other: Claim) -> None:
    comparison = compare_claims(normalized(YUAN), normalized(other), provider=ECB)
    assert comparison.overlap
    assert comparison.converted == "a"  # the yuan go into dollars


def test_38_billion_is_outside_the_tolerated_interval() -> None:
    comparison = compare_claims(normalized(YUAN), normalized(WRONG), provider=ECB)
    assert comparison.relation == "gap"
    assert comparison.implied_rate == pytest.approx(0.1)  # 10 yuan per dollar
    assert comparison.ratio == pytest.approx(52.41 / 38, rel=1e-3)
    assert comparison.relative_gap == pytest.approx((51.19 - 39.9) / 51.19, rel=1e-2)
    text = comparison.describe()
    assert "380 billion yuan converts to 51.19–53.37 billion USD" in text
    assert "7.25005–7.28925 CNY per USD over 2025-02-17..2025-03-03" in text
    assert "tolerance 0.50%" in text
    assert "approximately $38 billion allows 36.1–39.9 billion USD" in text
    assert "they miss by 11.29 billion USD (22.1%)" in text
    assert "implied rate 10 CNY per USD" in text
    assert str(comparison) == text


def test_more_than_380_billion_stays_open_and_still_excludes_38() -> None:
    gt = normalized(MORE_THAN)
    assert gt.interval.high is None
    assert gt.canonical is not None
    assert gt.canonical.high is None
    assert not compare_claims(gt, normalized(WRONG), provider=ECB).overlap
    assert compare_claims(gt, normalized(ROUNDED), provider=ECB).overlap


def test_comparison_is_json_ready() -> None:
    data = compare_claims(normalized(YUAN), normalized(WRONG), provider=ECB).to_dict()
    json.dumps(data)
    assert data["relation"] == "gap"
    assert data["tolerance"] == 0.005
    assert data["window_days"] == 7
    assert data["dated"] is True
    rates = data["rates"]
    assert isinstance(rates, list)
    assert rates[0] == {
        "base": "CNY",
        "quote": "USD",
        "rate": pytest.approx(0.13793, abs=1e-5),
        "rate_date": "2025-02-24",
        "provider": "ecb",
    }
    assert data["implied_rate"] == pytest.approx(0.1)


# --- normalize ----------------------------------------------------------------------


def test_money_claims_get_a_canonical_dollar_interval() -> None:
    result = normalized(YUAN)
    assert result.measure == "money"
    assert result.interval == Interval(375e9, 385e9, "CNY")
    assert result.canonical is not None
    assert result.canonical.unit == "USD"
    assert result.conversion is not None
    assert result.dated


def test_dollar_claims_need_no_rates() -> None:
    result = normalized(ROUNDED)
    assert result.conversion is None
    assert result.canonical == result.interval


def test_quantities_go_to_si_base_units() -> None:
    result = normalized(
        claim("100 km", 100.0, "kilometer", kind="quantity", precision=1.0)
    )
    assert result.measure == "[length]"
    assert result.canonical == Interval(99_500.0, 100_500.0, "meter")


def test_undated_documents_use_recent_rates_and_say_so() -> None:
    result = normalize_claim(
        YUAN, provider=ECB, options=NormalizeOptions(today=dt.date(2025, 3, 1))
    )
    assert not result.dated
    assert result.conversion is not None
    assert result.conversion.rates is not None
    assert result.conversion.rates.requested == dt.date(2025, 3, 1)
    comparison = compare_claims(
        result,
        normalize_claim(WRONG, provider=ECB),
        provider=ECB,
        options=NormalizeOptions(today=dt.date(2025, 3, 1)),
    )
    assert "no publication date: recent rates used" in comparison.describe()
    assert comparison.to_dict()["dated"] is False


def test_unknown_units_and_rates_become_problems_not_crashes() -> None:
    bad_unit = normalized(claim("3 frobs", 3.0, "frob", kind="quantity"))
    assert bad_unit.canonical is None
    assert bad_unit.problem is not None
    assert "unknown unit 'frob'" in bad_unit.problem
    roubles = normalized(claim("5 billion roubles", 5e9, "RUB"))
    assert roubles.problem is not None
    assert "RUB end on 2022-03-01" in roubles.problem


def test_strict_mode_raises() -> None:
    with pytest.raises(RateUnavailableError):
        normalize_claim(
            claim("5 billion roubles", 5e9, "RUB"), published=PLEDGE, strict=True
        )


def test_normalize_extraction_reports_problems_with_the_path() -> None:
    document = Document.from_text("…", path="news/a.md", published=PLEDGE)
    extraction = Extraction(
        document=document, claims=(YUAN, claim("5 billion roubles", 5e9, "RUB", id="r"))
    )
    result = normalize_extraction(extraction, provider=ECB)
    assert len(result.claims) == 2
    assert all(c.published == PLEDGE for c in result.claims)
    (problem,) = result.problems
    assert problem.path == "news/a.md"
    assert problem.message.startswith("'5 billion roubles': no rate for RUB/USD")


def test_claims_without_bounds_get_them_from_precision() -> None:
    bare = claim("$53 billion", 53e9, "USD", precision=1e9, bounds=False)
    assert claim_interval(bare) == Interval(52.5e9, 53.5e9, "USD")
    approx = claim("about 100", 100.0, "USD", qualifier="approx", bounds=False)
    assert claim_interval(approx) == Interval(95.0, 105.0, "USD")


@pytest.mark.parametrize(
    ("c", "measure"),
    [
        (YUAN, "money"),
        (claim("5%", 5.0, "%", kind="percent"), "percent"),
        (claim("2 pp", 2.0, "pp", kind="percent"), "[percentage_point]"),
        (claim("25 bp", 25.0, "basis_point", kind="quantity"), "[percentage_point]"),
        (claim("40 people", 40.0, None, kind="count"), "count"),
    ],
)
def test_measures(c: Claim, measure: str) -> None:
    assert measure_of(c) == measure


# --- comparisons of units ------------------------------------------------------------


def q(text: str, value: float, unit: str, precision: float, id: str) -> NormalizedClaim:
    return normalized(
        claim(text, value, unit, kind="quantity", precision=precision, id=id)
    )


def test_miles_and_kilometres() -> None:
    miles = q("100 miles", 100.0, "mile", 1.0, "m")
    good = q("161 km", 161.0, "kilometer", 1.0, "k")
    bad = q("100 km", 100.0, "kilometer", 1.0, "b")
    assert compare_claims(miles, good).overlap
    comparison = compare_claims(miles, bad)
    assert not comparison.overlap
    assert comparison.unit == "kilometer"
    assert "1 mile = 1.60934 kilometer" in comparison.describe()


def test_basis_points_compare_with_percentage_points() -> None:
    bp = normalized(claim("25 bp", 25.0, "basis_point", kind="quantity", precision=1.0))
    pp = normalized(
        claim("0.25 pp", 0.25, "pp", kind="percent", precision=0.01, id="p")
    )
    assert compare_claims(bp, pp).overlap


def test_percent_and_points_do_not_compare() -> None:
    pct = normalized(claim("5%", 5.0, "%", kind="percent"))
    pp = normalized(claim("5 pp", 5.0, "pp", kind="percent", id="p"))
    with pytest.raises(UnitError, match="cannot compare '5%' \\(percent\\)"):
        compare_claims(pct, pp)


def test_money_and_length_do_not_compare() -> None:
    with pytest.raises(UnitError):
        compare_claims(normalized(YUAN), q("100 km", 100.0, "kilometer", 1.0, "k"))


def test_intervals_in_different_units_do_not_compare() -> None:
    with pytest.raises(UnitError, match="convert one first"):
        compare_intervals(Interval(1, 2, "USD"), Interval(1, 2, "CNY"))


def test_counts_do_not_convert() -> None:
    with pytest.raises(UnitError):
        convert_interval(Interval(1, 2, None), "USD", kind="count")


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Interval(1, 2), Interval(2, 3), True),  # touching ends overlap
        (Interval(None, 2), Interval(3, None), False),
        (Interval(None, None), Interval(5, 6), True),
        (Interval(5, None), Interval(None, 7), True),
    ],
)
def test_open_and_touching_intervals(a: Interval, b: Interval, overlap: bool) -> None:
    assert compare_intervals(a, b).overlap is overlap


def test_formatting() -> None:
    assert format_amount(52.41e9, "USD") == "52.41 billion USD"
    assert format_amount(3.5, "%") == "3.5%"
    assert format_interval(Interval(None, 10.0, "kilometer")) == "at most 10 kilometer"
    assert format_interval(Interval(None, None, "USD")) == "any amount of USD"


# --- laws (hypothesis) ----------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2009, 1, 2), max_value=dt.date(2024, 12, 31))
PAIRS = st.sampled_from(
    [("CNY", "USD"), ("USD", "JPY"), ("GBP", "EUR"), ("EUR", "INR"), ("KRW", "HKD")]
)
AMOUNTS = st.floats(
    min_value=-1e13, max_value=1e13, allow_nan=False, allow_subnormal=False
)
UNIT_PAIRS = st.sampled_from(
    [
        ("mile", "kilometer"),
        ("barrel per day", "cubic meter per second"),
        ("MMBtu", "boe"),
        ("degree_Celsius", "degree_Fahrenheit"),
        ("FEU", "TEU"),
    ]
)


def _interval(x: float, y: float, unit: str) -> Interval:
    low, high = sorted((x, y))
    return Interval(low, high, unit)


def _contains(outer: Interval, inner: Interval) -> bool:
    low_ok = outer.low is None or (inner.low is not None and outer.low <= inner.low)
    high_ok = outer.high is None or (
        inner.high is not None and inner.high <= outer.high
    )
    return low_ok and high_ok


@settings(deadline=None, max_examples=60)
@given(pair=PAIRS, day=DAYS, x=AMOUNTS, y=AMOUNTS)
def test_money_round_trip_contains_the_original(
    pair: tuple[str, str], day: dt.date, x: float, y: float
) -> None:
    source, target = pair
    interval = _interval(x, y, source)
    there = convert_interval(
        interval, target, kind="money", value=x, day=day, provider=ECB
    )
    back = convert_interval(
        there.result, source, kind="money", value=there.value, day=day, provider=ECB
    )
    assert _contains(back.result, interval)
    assert back.value is not None
    assert math.isclose(back.value, x, rel_tol=1e-12, abs_tol=1e-6)


@settings(deadline=None, max_examples=60)
@given(pair=PAIRS, day=DAYS, x=AMOUNTS, y=AMOUNTS, t=st.floats(0, 1))
def test_money_conversion_contains_every_point(
    pair: tuple[str, str], day: dt.date, x: float, y: float, t: float
) -> None:
    source, target = pair
    interval = _interval(x, y, source)
    assert interval.low is not None
    assert interval.high is not None
    point = min(
        max(interval.low + t * (interval.high - interval.low), interval.low),
        interval.high,
    )
    whole = convert_interval(interval, target, kind="money", day=day, provider=ECB)
    one = convert_interval(
        Interval(point, point, source),
        target,
        kind="money",
        value=point,
        day=day,
        provider=ECB,
    )
    assert _contains(whole.result, one.result)
    assert one.value is not None
    assert whole.result.contains(one.value)


@settings(deadline=None)
@given(pair=UNIT_PAIRS, x=AMOUNTS, y=AMOUNTS, t=st.floats(0, 1))
def test_unit_conversion_contains_every_point(
    pair: tuple[str, str], x: float, y: float, t: float
) -> None:
    source, target = pair
    interval = _interval(x, y, source)
    assert interval.low is not None
    assert interval.high is not None
    point = min(
        max(interval.low + t * (interval.high - interval.low), interval.low),
        interval.high,
    )
    whole = convert_interval(interval, target, kind="quantity")
    one = convert_interval(
        Interval(point, point, source), target, kind="quantity", value=point
    )
    assert _contains(whole.result, one.result)
    assert one.value is not None
    assert whole.result.contains(one.value)


@settings(deadline=None)
@given(pair=UNIT_PAIRS, x=AMOUNTS, y=AMOUNTS)
def test_unit_round_trip_within_rounding(
    pair: tuple[str, str], x: float, y: float
) -> None:
    source, target = pair
    interval = _interval(x, y, source)
    there = convert_interval(interval, target, kind="quantity")
    back = convert_interval(there.result, source, kind="quantity")
    assert back.result.low is not None
    assert back.result.high is not None
    assert interval.low is not None
    assert interval.high is not None
    scale = max(abs(x), abs(y), 1.0)
    assert math.isclose(
        back.result.low, interval.low, rel_tol=1e-9, abs_tol=1e-9 * scale
    )
    assert math.isclose(
        back.result.high, interval.high, rel_tol=1e-9, abs_tol=1e-9 * scale
    )


BOUND = st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(BOUND), draw(BOUND)
    if a is not None and b is not None and a > b:
        a, b = b, a
    return Interval(a, b, "USD")


@given(a=intervals(), b=intervals())
def test_interval_comparison_is_symmetric(a: Interval, b: Interval) -> None:
    forward = compare_intervals(a, b, a_value=1.0, b_value=2.0, a_text="a", b_text="b")
    backward = compare_intervals(b, a, a_value=2.0, b_value=1.0, a_text="b", b_text="a")
    assert backward == forward.swapped()
    assert backward.swapped() == forward


MONEY_CLAIMS = st.builds(
    lambda value, unit, precision, qualifier, key: claim(
        f"{value:g} {unit}",
        value,
        unit,
        precision=precision,
        qualifier=qualifier,
        id=key,
    ),
    value=st.floats(min_value=1.0, max_value=1e12),
    unit=st.sampled_from(["USD", "CNY", "EUR", "JPY"]),
    precision=st.sampled_from([0.0, 1.0, 1e6, 1e9]),
    qualifier=st.sampled_from([None, "approx", "gt", "lt"]),
    key=st.sampled_from(["x", "y", "z"]),
)


@settings(deadline=None, max_examples=60)
@given(a=MONEY_CLAIMS, b=MONEY_CLAIMS, day=DAYS)
def test_claim_comparison_is_symmetric(a: Claim, b: Claim, day: dt.date) -> None:
    na, nb = normalized(a, day), normalized(b, day)
    forward: Comparison = compare_claims(na, nb, provider=ECB)
    assert compare_claims(nb, na, provider=ECB) == forward.swapped()


@given(
    value=st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    precision=st.sampled_from([0.0, 0.01, 0.1, 1.0, 10.0, 1e6, 1e9]),
    qualifier=st.sampled_from([None, "approx", "gt", "ge", "lt", "le", "range"]),
    tolerance=st.floats(0.0, 0.5),
)
def test_precision_intervals_contain_the_stated_value(
    value: float, precision: float, qualifier: Qualifier | None, tolerance: float
) -> None:
    c = claim("x", value, "USD", precision=precision, qualifier=qualifier, bounds=False)
    interval = claim_interval(c, NormalizeOptions(approx_tolerance=tolerance))
    assume(all(b is None or math.isfinite(b) for b in interval.bounds()))
    assert interval.contains(value)
