"""Units through pint: one lazy registry, news units as definitions, dimension checks."""

from __future__ import annotations

import math
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import UnitError
from factcheck.normalize import units
from factcheck.normalize.units import (
    canonical_unit,
    convert_quantity,
    dimensionality,
    get_converter,
    get_registry,
    is_unit,
    parse_unit,
)

ROOT = Path(__file__).resolve().parents[2]


def test_import_of_the_stage_loads_neither_pint_nor_rates() -> None:
    code = (
        "import sys, factcheck.normalize\n"
        "heavy = ['pint', 'factcheck.normalize.ecb', 'factcheck.normalize.online',\n"
        "         'urllib.request', 'zipfile', 'currency_converter', 'babel']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout
    assert out.strip() == "[]"


def test_registry_is_built_once_per_process() -> None:
    assert get_registry() is get_registry()


def test_unit_strings_are_parsed_once() -> None:
    first = parse_unit("kilometer per hour")
    hits = parse_unit.cache_info().hits
    assert parse_unit("kilometer per hour") is first
    assert parse_unit.cache_info().hits == hits + 1


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (1.0, "barrel", "gallon", 42.0),  # news barrels are oil barrels
        (1.0, "bbl", "gallon", 42.0),
        (1.0, "barrel per day", "barrel per year", 365.25),
        (1.0, "bpd", "barrel per day", 1.0),
        (1.0, "thousand_barrel", "barrel", 1000.0),
        (1.0, "bcm", "cubic meter", 1e9),
        (1.0, "bcf", "cubic foot", 1e9),
        (1.0, "MMBtu", "Btu", 1e6),
        (1.0, "boe", "MMBtu", 5.8),
        (1.0, "tce", "gigajoule", 29.3076),
        (3.0, "FEU", "TEU", 6.0),
        (1.0, "sqm", "square meter", 1.0),
        (2.0, "sqkm", "hectare", 200.0),
        (25.0, "basis_point", "percentage_point", 0.25),
        (1.0, "kilotonne", "metric_ton", 1000.0),
        (100.0, "mile", "kilometer", 160.9344),
        (100.0, "degree_Celsius", "degree_Fahrenheit", 212.0),
    ],
)
def test_news_units_convert(
    value: float, source: str, target: str, expected: float
) -> None:
    assert convert_quantity(value, source, target) == pytest.approx(expected, rel=1e-12)


def test_tonnes_to_kilometres_is_a_clear_error() -> None:
    with pytest.raises(UnitError) as info:
        convert_quantity(1.0, "metric_ton", "kilometer")
    assert (
        str(info.value) == "cannot convert metric_ton to kilometer: [mass] vs [length]"
    )


def test_percent_and_percentage_points_do_not_convert() -> None:
    with pytest.raises(UnitError, match=r"dimensionless vs \[percentage_point\]"):
        convert_quantity(1.0, "percent", "percentage_point")


def test_teu_is_a_dimension_of_its_own() -> None:
    assert dimensionality("TEU") == "[container_capacity]"
    with pytest.raises(UnitError):
        convert_quantity(1.0, "TEU", "cubic meter")


def test_unknown_unit_suggests_the_nearest_name() -> None:
    with pytest.raises(
        UnitError, match=r"unknown unit 'furlongz' \(did you mean furlong\?\)"
    ):
        parse_unit("furlongz")


@pytest.mark.parametrize("junk", ["**", "kilo meter(", "meter ** meter", "3 +"])
def test_junk_unit_strings_raise_unit_error(junk: str) -> None:
    with pytest.raises(UnitError):
        convert_quantity(1.0, junk, "meter")


def test_is_unit() -> None:
    assert is_unit("bcm")
    assert not is_unit("frobnitz")


@pytest.mark.parametrize(
    ("unit", "canonical"),
    [
        ("kilometer", "meter"),
        ("metric_ton", "kilogram"),
        ("FEU", "TEU"),
        ("basis_point", "percentage_point"),
        ("kilometer per hour", "meter / second"),
    ],
)
def test_canonical_units(unit: str, canonical: str) -> None:
    assert canonical_unit(unit) == canonical


def test_converter_is_cached_and_inverts() -> None:
    conv = get_converter("mile", "kilometer")
    assert get_converter("mile", "kilometer") is conv
    back = conv.inverse()
    assert back(conv(3.0)) == pytest.approx(3.0, rel=1e-15)


def test_only_the_documented_names_override_pint() -> None:
    import pint

    plain: pint.UnitRegistry[float] = pint.UnitRegistry()
    text = resources.files("factcheck.normalize").joinpath("news_units.txt")
    defined: set[str] = set()
    for raw in text.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or "=" not in line:
            continue
        parts = [p.strip() for p in line.split("=")]
        defined.add(parts[0])
        defined.update(p for p in parts[2:] if p.isidentifier())
    clashes = {name for name in defined if name in plain}
    assert clashes == set(units._OVERRIDES)


LENGTHS = ["meter", "kilometer", "mile", "foot", "nautical_mile", "inch"]
VOLUMES = ["barrel", "bcm", "cubic meter", "liter", "gallon", "bcf"]
ENERGY = ["MMBtu", "boe", "joule", "kilowatt_hour", "tce", "Btu"]
SAME_DIMENSION = st.sampled_from([LENGTHS, VOLUMES, ENERGY]).flatmap(
    lambda group: st.tuples(st.sampled_from(group), st.sampled_from(group))
)
VALUES = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@settings(deadline=None)
@given(pair=SAME_DIMENSION, value=VALUES)
def test_unit_conversion_round_trips(pair: tuple[str, str], value: float) -> None:
    source, target = pair
    back = convert_quantity(convert_quantity(value, source, target), target, source)
    assert math.isclose(back, value, rel_tol=1e-12, abs_tol=1e-300)


@settings(deadline=None)
@given(pair=SAME_DIMENSION, x=VALUES, y=VALUES)
def test_unit_conversion_is_increasing(
    pair: tuple[str, str], x: float, y: float
) -> None:
    low, high = sorted((x, y))
    source, target = pair
    assert convert_quantity(low, source, target) <= convert_quantity(
        high, source, target
    )


def _extractor_rates() -> list[str]:
    from factcheck.extractor.units import PER_UNITS, unit_names

    names = sorted(unit_names())
    rates = [
        f"{n} per {p}"
        for n in names
        if " per " not in n  # the extractor makes no rate of a rate
        for p in sorted(set(PER_UNITS.values()))
        if p != n  # nor "day per day"
    ]
    return names + rates


def test_unit_strings_of_the_extractors_units_are_pints() -> None:
    # the table that spares loading pint to write a claim says what pint says
    for name in _extractor_rates():
        assert units.unit_string(name) == str(parse_unit(name)), name


def test_unit_strings_of_other_names_come_from_pint() -> None:
    assert units.unit_string("furlong per fortnight") == "furlong / fortnight"
    assert units.unit_string("barrel per day per day") == "barrel / day ** 2"
    assert units.unit_string("day per day") == "dimensionless"
    assert units.unit_string("no such unit") == "no such unit"


def test_writing_quantities_as_json_loads_no_pint() -> None:
    code = (
        "import sys\n"
        "from factcheck import extract\n"
        "from factcheck.report.json import claim_to_dict\n"
        "units = [claim_to_dict(c)['unit'] for c in extract(\n"
        "    'Winds of 120 mph over 12,000 square kilometres for three days.')]\n"
        "print(units, 'pint' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout
    assert out.strip() == "['mile / hour', 'kilometer ** 2', 'day'] False"
