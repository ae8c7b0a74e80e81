"""Physical units through pint: one registry per process, built on first use.

The registry is pint's default one plus the news units in ``news_units.txt`` (TEU,
bcm, MMBtu, boe, barrels per day as oil barrels, percentage and basis points...).
Nothing here runs at import: ``import factcheck.normalize`` does not import pint.

Unit strings are parsed once each (:func:`parse_unit` is cached; pint 0.25 re-parses a
prefixed string on every call, 70–80 µs), and the factor between two units is computed
once per pair, so a conversion after the first costs a dictionary lookup and a multiply.

>>> convert_quantity(100.0, "mile", "kilometer")
160.9344
>>> convert_quantity(1.0, "barrel per day", "barrel per year")
365.25
>>> dimensionality("TEU")
'[container_capacity]'
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from typing import TYPE_CHECKING

import attrs

from factcheck.errors import UnitError, did_you_mean

if TYPE_CHECKING:
    import pint

__all__ = [
    "NEWS_UNITS_FILE",
    "UnitConverter",
    "canonical_unit",
    "convert_quantity",
    "dimensionality",
    "get_converter",
    "get_registry",
    "is_temperature_difference",
    "is_unit",
    "parse_unit",
    "unit_string",
]

#: the pint definitions for news units, shipped beside this module
NEWS_UNITS_FILE = "news_units.txt"

#: names in news_units.txt that deliberately replace pint's own definitions
_OVERRIDES = frozenset({"barrel", "bbl"})

#: canonical units for dimensions whose SI base form reads badly in a message
_CANONICAL_BY_DIMENSION = {
    "[container_capacity]": "TEU",
    "[percentage_point]": "percentage_point",
    "dimensionless": "dimensionless",
}


@functools.cache
def get_registry() -> pint.UnitRegistry[float]:
    """The process-wide pint registry with the news units; built on the first call.

    Building costs about 0.15 s plus pint's import (about 0.1 s); later calls return
    the same object.

    >>> get_registry() is get_registry()
    True
    """
    import pint  # noqa: PLC0415  (lazy: pint costs ~0.25 s to import and build)

    # "ignore": pint's default "warn" would log each deliberate override (barrel).
    registry: pint.UnitRegistry[float] = pint.UnitRegistry(on_redefinition="ignore")
    text = resources.files("factcheck.normalize").joinpath(NEWS_UNITS_FILE)
    registry.load_definitions(text.read_text(encoding="utf-8").splitlines())
    return registry


@functools.lru_cache(maxsize=4096)
def parse_unit(name: str) -> pint.Unit:
    """The pint unit for ``name`` ("kilometer per hour", "TEU"); parsed once per name.

    Raises:
        UnitError: pint does not know the unit; suggests the nearest unit name.

    >>> str(parse_unit("kilometer per hour"))
    'kilometer / hour'
    >>> parse_unit("kilometre per hour") is parse_unit("kilometre per hour")
    True
    """
    import pint  # noqa: PLC0415  (already imported by get_registry)

    registry = get_registry()
    try:
        return registry.parse_units(name)
    except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, ValueError) as exc:
        hint = did_you_mean(name, dir(registry))
        msg = f"unknown unit {name!r}{hint}"
        raise UnitError(msg) from exc
    except Exception as exc:
        # pint's expression parser fails on junk such as "**" or "3 +" with whatever
        # it meets first (AssertionError, TypeError, AttributeError...)
        msg = f"cannot read {name!r} as a unit"
        raise UnitError(msg) from exc


#: what pint prints for the units of the extractor whose name it prints otherwise
#: (tests/normalize/test_normalize_units.py holds this to pint, unit by unit)
PINT_STRINGS = {
    "Btu": "british_thermal_unit",
    "cubic foot": "foot ** 3",
    "cubic kilometer": "kilometer ** 3",
    "cubic meter": "meter ** 3",
    "cubic mile": "mile ** 3",
    "gigatonne": "gigametric_ton",
    "kilotonne": "kilometric_ton",
    "megatonne": "megametric_ton",
    "square centimeter": "centimeter ** 2",
    "square foot": "foot ** 2",
    "square inch": "inch ** 2",
    "square kilometer": "kilometer ** 2",
    "square meter": "meter ** 2",
    "square mile": "mile ** 2",
    "square millimeter": "millimeter ** 2",
    "square yard": "yard ** 2",
    "short_ton": "ton",
}


#: units with an offset, which pint makes differences of in a rate
_OFFSET_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit"})


@functools.lru_cache(maxsize=4096)
def unit_string(name: str) -> str:
    """pint's canonical string for a unit, as ``str(ureg.Unit(name))`` prints it: the
    unit of a quantity in the JSON contract, so that it compares with other tools.
    The units the extractor gives (and their rates, "X per Y") are read from a
    table, so that writing a claim does not load pint (a quarter of a second);
    another name is read by pint, and one pint cannot read is returned unchanged.

    >>> unit_string("mile per hour"), unit_string("square kilometer")
    ('mile / hour', 'kilometer ** 2')
    >>> unit_string("delta_degree_Celsius"), unit_string("metric_ton")
    ('delta_degree_Celsius', 'metric_ton')
    """
    parts = name.split(" per ")
    known = _extractor_units()
    if all(p in known for p in parts) and (
        len(parts) == 1
        or (len(parts) == 2 and parts[0] != parts[1] and parts[0] not in _OFFSET_UNITS)
    ):
        return " / ".join(PINT_STRINGS.get(p, p) for p in parts)
    # pint rewrites the others: "day per day" is dimensionless, a rate of a
    # temperature a rate of its difference, and a rate of a rate has a square
    try:
        return str(parse_unit(name))
    except UnitError:
        return name


@functools.cache
def _extractor_units() -> frozenset[str]:
    from factcheck.extractor.units import unit_names  # noqa: PLC0415  (a table)

    return unit_names()


def is_unit(name: str) -> bool:
    """Whether ``name`` is a unit the registry knows.

    >>> is_unit("bcm"), is_unit("frobnitz")
    (True, False)
    """
    try:
        parse_unit(name)
    except UnitError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def is_temperature_difference(name: str) -> bool:
    """Whether ``name`` is a temperature difference (pint's ``delta_`` units), as in
    an anomaly or a warming ("0.25 °C above the average"), not a temperature.

    A difference converts by the factor alone (0.25 delta °C is 0.45 delta °F); a
    temperature with the offset (20 °C is 68 °F). The two never compare.

    >>> is_temperature_difference("delta_degree_Celsius")
    True
    >>> is_temperature_difference("degree_Celsius"), is_temperature_difference("meter")
    (False, False)
    """
    text = str(parse_unit(name))  # one unit alone: "delta_degree_Celsius / hour" is not
    return text.startswith("delta_") and " " not in text


@functools.lru_cache(maxsize=4096)
def dimensionality(name: str) -> str:
    """The dimension of a unit as pint writes it ("[length]", "[mass] / [time]").

    >>> dimensionality("kilometer per hour")
    '[length] / [time]'
    >>> dimensionality("basis_point")
    '[percentage_point]'
    """
    return str(get_registry().get_dimensionality(parse_unit(name)))


@functools.lru_cache(maxsize=4096)
def canonical_unit(name: str) -> str:
    """The unit every quantity of ``name``'s dimension is compared in.

    SI base units ("kilometer" → "meter"), except for dimensions whose base form reads
    badly: containers stay in TEU, rate changes in percentage points, temperature
    differences in delta degrees Celsius (a difference is not a kelvin reading).

    >>> canonical_unit("mile"), canonical_unit("FEU"), canonical_unit("basis_point")
    ('meter', 'TEU', 'percentage_point')
    >>> canonical_unit("delta_degree_Fahrenheit"), canonical_unit("degree_Fahrenheit")
    ('delta_degree_Celsius', 'kelvin')
    """
    if is_temperature_difference(name):
        return "delta_degree_Celsius"
    dimension = dimensionality(name)
    if dimension in _CANONICAL_BY_DIMENSION:
        return _CANONICAL_BY_DIMENSION[dimension]
    registry = get_registry()
    base = registry.get_base_units(parse_unit(name))[1]
    return str(base)


@attrs.frozen
class UnitConverter:
    """``y = x * factor + offset`` from one unit to another: increasing, exact in pint.

    Offsets appear only for temperatures (degree Celsius → Fahrenheit); a temperature
    difference (``delta_degree_Celsius``) converts by the factor alone.
    """

    from_unit: str
    to_unit: str
    factor: float
    offset: float = 0.0

    def __call__(self, value: float) -> float:
        """``value`` in ``to_unit``."""
        return value * self.factor + self.offset

    def difference(self, delta: float) -> float:
        """A difference of ``delta`` in ``from_unit`` expressed in ``to_unit`` (the
        factor without the offset: a widening, a margin, an anomaly)."""
        return delta * self.factor

    def inverse(self) -> UnitConverter:
        """The conversion back."""
        return UnitConverter(
            self.to_unit, self.from_unit, 1.0 / self.factor, -self.offset / self.factor
        )


@functools.lru_cache(maxsize=4096)
def get_converter(from_unit: str, to_unit: str) -> UnitConverter:
    """The cached affine map between two units of one dimension.

    Raises:
        UnitError: a unit is unknown, or the two have different dimensions
            ("cannot convert metric_ton to kilometer: [mass] vs [length]").

    >>> get_converter("kilometer", "meter").factor
    1000.0
    """
    import pint  # noqa: PLC0415  (already imported by get_registry)

    source, target = parse_unit(from_unit), parse_unit(to_unit)
    registry = get_registry()
    if source.dimensionality != target.dimensionality:
        msg = (
            f"cannot convert {from_unit} to {to_unit}: "
            f"{dimensionality(from_unit)} vs {dimensionality(to_unit)}"
        )
        raise UnitError(msg)
    try:
        zero = float(registry.Quantity(0.0, source).to(target).magnitude)
        one = float(registry.Quantity(1.0, source).to(target).magnitude)
    except pint.PintError as exc:  # e.g. offset units in a compound ("degC / hour")
        msg = f"cannot convert {from_unit} to {to_unit}: {exc}"
        raise UnitError(msg) from exc
    factor = one - zero
    if not (math.isfinite(factor) and factor > 0):
        msg = f"cannot convert {from_unit} to {to_unit}: no increasing linear map"
        raise UnitError(msg)
    return UnitConverter(from_unit, to_unit, factor, zero)


def convert_quantity(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``.

    Raises:
        UnitError: unknown unit, or the dimensions differ.

    >>> convert_quantity(2.0, "FEU", "TEU")
    4.0
    >>> convert_quantity(25.0, "basis_point", "percentage_point")
    0.25
    >>> convert_quantity(1.0, "metric_ton", "kilometer")
    Traceback (most recent call last):
    ...
    factcheck.errors.UnitError: cannot convert metric_ton to kilometer: [mass] vs [length]
    """
    return get_converter(from_unit, to_unit)(value)
