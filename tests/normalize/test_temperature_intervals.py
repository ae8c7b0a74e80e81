"""Temperatures convert with the offset (20 °C is 68 °F), temperature differences
without it (a 0.25 °C anomaly is 0.45 °F); the two never compare.

Claims are built directly: reading "°C above the average" as a difference is the
extractor's business. Each pair keeps the stated figure and changes its equivalent to
the one a writer gets by applying (or forgetting) the offset, so the verdict flips.
"""

from __future__ import annotations

import pytest

from factcheck.errors import UnitError
from factcheck.model import Claim, Interval, Span
from factcheck.normalize import (
    NormalizeOptions,
    compare_claims,
    convert_interval,
    measure_of,
    normalize_claim,
)
from factcheck.normalize.units import get_converter, is_temperature_difference

C, F = "degree_Celsius", "degree_Fahrenheit"
DC, DF = "delta_degree_Celsius", "delta_degree_Fahrenheit"


def _claim(cid: str, value: float, unit: str, step: float) -> Claim:
    return Claim(
        id=cid,
        kind="quantity",
        text=f"{value} {unit}",
        span=Span(0, 1),
        value=value,
        unit=unit,
        precision=step,
    )


# (stated, its unit, step; equivalent, its unit, step; whether they agree)
PAIRS: list[tuple[float, str, float, float, str, float, bool]] = [
    (0.25, DC, 0.01, 0.45, DF, 0.01, True),
    (0.25, DC, 0.01, 32.45, DF, 0.01, False),  # the offset added to a difference
    (20, C, 1, 68, F, 1, True),
    (20, C, 1, 36, F, 1, False),  # the offset forgotten
    (1.5, DC, 0.1, 2.7, DF, 0.1, True),
    (1.5, DC, 0.1, 34.7, DF, 0.1, False),
    (-40, C, 1, -40, F, 1, True),
    (-40, C, 1, -72, F, 1, False),
    (100, C, 1, 212, F, 1, True),
    (100, C, 1, 180, F, 1, False),
    (3, DF, 1, 1.7, DC, 0.1, True),
    (3, DF, 1, -16.1, DC, 0.1, False),
    (104, F, 1, 40, C, 1, True),
    (104, F, 1, 57.8, C, 0.1, False),
    (0.1, DC, 0.1, 0.18, DF, 0.01, True),
    (0.1, DC, 0.1, 32.18, DF, 0.01, False),
    (37, C, 1, 98.6, F, 0.1, True),
    (37, C, 1, 66.6, F, 0.1, False),
    (2, DC, 1, 3.6, DF, 0.1, True),
    (2, DC, 1, 35.6, DF, 0.1, False),
]


Pair = tuple[float, str, float, float, str, float, bool]


@pytest.mark.parametrize("pair", PAIRS)
def test_offset_for_temperatures_none_for_differences(pair: Pair) -> None:
    a, ua, sa, b, ub, sb, agree = pair
    na = normalize_claim(_claim("c1", a, ua, sa), strict=True)
    nb = normalize_claim(_claim("c2", b, ub, sb), strict=True)
    assert compare_claims(na, nb).overlap is agree


def test_pairs_come_in_both_verdicts() -> None:
    assert sum(p[-1] for p in PAIRS) == sum(not p[-1] for p in PAIRS) >= 10


def test_a_difference_converts_by_the_factor_alone() -> None:
    conv = convert_interval(Interval(0.25, 0.25, DC), DF, kind="quantity", value=0.25)
    assert conv.value == pytest.approx(0.45)
    assert conv.offset == 0.0
    conv = convert_interval(Interval(20, 20, C), F, kind="quantity", value=20)
    assert conv.value == pytest.approx(68)
    assert conv.offset == pytest.approx(32)


def test_tolerance_widens_a_temperature_as_a_difference_not_by_its_reading() -> None:
    options = NormalizeOptions(unit_tolerance=0.01)
    conv = convert_interval(
        Interval(20, 20, C), F, kind="quantity", value=20, options=options
    )
    # 1% of 20 °C is 0.2 °C of difference = 0.36 °F, not 1% of 68 °F (0.68)
    assert conv.result.low == pytest.approx(68 - 0.36)
    assert conv.result.high == pytest.approx(68 + 0.36)
    back = convert_interval(
        Interval(68, 68, F), C, kind="quantity", value=68, options=options
    )
    low, high = back.result.bounds()
    assert low is not None
    assert high is not None
    assert high - low == pytest.approx(2 * 0.68 / 1.8)


def test_tolerance_on_a_difference_scales_with_the_factor() -> None:
    options = NormalizeOptions(unit_tolerance=0.01)
    conv = convert_interval(
        Interval(0.25, 0.25, DC), DF, kind="quantity", value=0.25, options=options
    )
    assert conv.result.bounds() == pytest.approx((0.45 * 0.99, 0.45 * 1.01))


def test_a_temperature_and_a_difference_are_different_measures() -> None:
    reading, anomaly = _claim("c1", 20, C, 1), _claim("c2", 0.25, DC, 0.01)
    assert measure_of(reading) == "[temperature]"
    assert measure_of(anomaly) == "[temperature_difference]"
    with pytest.raises(UnitError, match="cannot compare"):
        compare_claims(normalize_claim(reading), normalize_claim(anomaly))
    with pytest.raises(UnitError, match="cannot convert"):
        get_converter(C, DC)


def test_canonical_forms_keep_the_distinction() -> None:
    anomaly = normalize_claim(_claim("c1", 0.45, DF, 0.01), strict=True)
    assert anomaly.canonical is not None
    assert anomaly.canonical.unit == DC
    assert anomaly.canonical.low == pytest.approx(0.445 / 1.8)
    reading = normalize_claim(_claim("c2", 68, F, 1), strict=True)
    assert reading.canonical is not None
    assert reading.canonical.unit == "kelvin"
    assert reading.canonical.low == pytest.approx((67.5 - 32) / 1.8 + 273.15)


@pytest.mark.parametrize(
    ("name", "difference"),
    [(DC, True), (DF, True), (C, False), (F, False), ("kelvin", False)],
)
def test_is_temperature_difference(name: str, difference: bool) -> None:
    assert is_temperature_difference(name) is difference
