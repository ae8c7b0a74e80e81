"""Intervals that carry their own arithmetic: conversion, comparison, rendering.

:func:`convert_interval` moves an :class:`~factcheck.model.Interval` into another
unit (through pint) or currency (at a date, over the rate window, plus tolerance) and
returns a :class:`Conversion` that records how. :func:`compare_intervals` tells
whether two intervals in one unit overlap, and by how much they miss if not, as a
:class:`Comparison`: the value every rule quotes, as text (:meth:`Comparison.describe`)
or JSON (:meth:`Comparison.to_dict`).

Open ends stay open. Conversions are increasing maps, so an interval's conversion
contains the conversion of every point in it.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

import attrs

from factcheck.errors import UnitError
from factcheck.model import Interval, Kind
from factcheck.normalize.currency import (
    NormalizeOptions,
    RateProvider,
    RateRange,
    default_provider,
    rate_range,
)

__all__ = [
    "Comparison",
    "Conversion",
    "compare_intervals",
    "convert_at_rates",
    "convert_interval",
    "format_amount",
    "pint_unit",
]

ConversionKind = Literal["identity", "money", "unit"]
Side = Literal["a", "b"]

#: how the percent kinds' units read in pint: "%" and "pp" stay apart by dimension
_PINT_NAMES = {"%": "percent", "pp": "percentage_point"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def pint_unit(unit: str) -> str:
    """The pint name of a claim unit ("%" → "percent", "pp" → "percentage_point").

    >>> pint_unit("pp"), pint_unit("kilometer")
    ('percentage_point', 'kilometer')
    """
    return _PINT_NAMES.get(unit, unit)


def format_amount(value: float | None, unit: str | None = None) -> str:
    """A number as a reader would write it, with a scale word and the unit.

    >>> format_amount(52.43e9, "USD"), format_amount(1234.5, "kilometer")
    ('52.43 billion USD', '1234.5 kilometer')
    >>> format_amount(None, "USD")
    'unbounded'
    """
    if value is None:
        return "unbounded"
    text = _format_number(value)
    return (
        f"{text} {unit}" if unit and unit not in ("%", "pp") else f"{text}{unit or ''}"
    )


def _format_number(value: float) -> str:
    for scale, word in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.4g} {word}"
    return f"{value:.6g}"


def format_interval(interval: Interval) -> str:
    """``low–high unit``, with "more than"/"at most" for open ends.

    >>> format_interval(Interval(51.2e9, 53.5e9, "USD"))
    '51.2–53.5 billion USD'
    >>> format_interval(Interval(380e9, None, "CNY"))
    'at least 380 billion CNY'
    >>> format_interval(Interval(41.05 - 41.05 + 7.1e-15, 0.2, "kelvin"))
    '0–0.2 kelvin'
    """
    low, high, unit = interval.low, interval.high, interval.unit
    if low is None and high is None:
        return f"any amount{f' of {unit}' if unit else ''}"
    if low is not None and high is not None:
        # "41.1 less 41.05" leaves float noise where the ends meet: an end within a
        # billionth of the span from zero is zero ("0–0.2", not "7.1e-15–0.2")
        noise = 1e-9 * max(abs(low), abs(high))
        low, high = (0.0 if abs(v) < noise else v for v in (low, high))
    if high is None:
        return f"at least {format_amount(low, unit)}"
    if low is None:
        return f"at most {format_amount(high, unit)}"
    for scale, word in _SCALES:
        if min(abs(low), abs(high)) >= scale:
            tail = f" {word}" + (f" {unit}" if unit else "")
            digits = _apart(low / scale, high / scale, 4)
            return f"{low / scale:.{digits}g}–{high / scale:.{digits}g}{tail}"
    digits = _apart(low, high, 6)
    if digits == 6:
        return f"{low:.6g}–{format_amount(high, unit)}"
    return f"{low:.{digits}g}–{high:.{digits}g}" + (
        f" {unit}" if unit and unit not in ("%", "pp") else unit or ""
    )


def _apart(low: float, high: float, digits: int) -> int:
    """The fewest significant digits, from ``digits`` up to 12, that show two
    different ends as different ("59.5072–59.5074 million", not "59.51–59.51")."""
    while low != high and digits < 12 and f"{low:.{digits}g}" == f"{high:.{digits}g}":
        digits += 1
    return digits


def _widen(low: float | None, high: float | None, tol: float) -> Interval:
    return Interval(
        None if low is None else low - abs(low) * tol,
        None if high is None else high + abs(high) * tol,
    )


@attrs.frozen(kw_only=True)
class Conversion:
    """How an interval went from ``from_unit`` to ``to_unit``, and what it became.

    ``value`` is the stated point value converted at the date's rate (or by the unit
    factor); ``result`` bounds every value the source interval allows, over every rate
    in the window, widened by ``tolerance``. ``rates`` is the currency window (None for
    units), ``factor``/``offset`` the unit map (None for money).
    """

    kind: ConversionKind
    source: Interval
    result: Interval
    source_value: float | None
    value: float | None
    from_unit: str | None
    to_unit: str | None
    tolerance: float = 0.0
    rates: RateRange | None = None
    factor: float | None = None
    offset: float = 0.0

    @property
    def dated(self) -> bool:
        """False when the rates are an undated document's recent range."""
        return self.rates is None or self.rates.dated

    @property
    def window_days(self) -> int | None:
        """Days each side of the date (undated: back from today) that were allowed."""
        if self.rates is None:
            return None
        return (self.rates.end - self.rates.start).days // (2 if self.dated else 1)

    def describe(self) -> str:
        """One sentence: source, result, and the rate or factor behind it."""
        head = f"{format_interval(self.source)} is {format_interval(self.result)}"
        if self.kind == "identity":
            return head
        if self.rates is not None:
            at = self.rates.at if self.rates.at.rate >= 1 else self.rates.at.inverse()
            rate = f"{at.rate:.6g} {at.quote} per {at.base}"
            when = self.rates.at.rate_date.isoformat()
            return (
                f"{head}: rate {rate} ({self.rates.provider}, {when}), "
                f"range {self.rates.describe()}, tolerance {self.tolerance:.2%}"
            )
        return f"{head}: 1 {self.from_unit} = {self.factor:.6g} {self.to_unit}"

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: intervals, values, rates (at the date, lowest, highest)."""
        rates = self.rates
        return {
            "kind": self.kind,
            "from_unit": self.from_unit,
            "to_unit": self.to_unit,
            "source": _interval_dict(self.source),
            "result": _interval_dict(self.result),
            "source_value": self.source_value,
            "value": self.value,
            "tolerance": self.tolerance,
            "window_days": self.window_days,
            "dated": self.dated,
            "factor": self.factor,
            "rates": (
                [r.to_dict() for r in (rates.at, rates.low, rates.high)]
                if rates
                else []
            ),
        }


def _interval_dict(interval: Interval) -> dict[str, object]:
    return {"low": interval.low, "high": interval.high, "unit": interval.unit}


def convert_interval(
    interval: Interval,
    to_unit: str,
    *,
    kind: Kind,
    value: float | None = None,
    day: dt.date | None = None,
    provider: RateProvider | None = None,
    options: NormalizeOptions | None = None,
) -> Conversion:
    """``interval`` in ``to_unit``: a currency at ``day``, or a unit through pint.

    Money uses every rate within ``day ± options.window_days`` (an undated ``day=None``
    uses the recent range and says so) and widens by ``options.tolerance``; units use
    pint's exact factor, widened by ``options.unit_tolerance`` for float rounding.

    Args:
        interval: the values allowed, in ``interval.unit``.
        to_unit: an ISO 4217 code for money; a pint unit (or "%"/"pp") otherwise.
        kind: the claim's kind; decides money versus units.
        value: the stated point value, converted at the date's own rate.
        day: the publication date (money only).
        provider: rate source (default: the embedded ECB history).
        options: window and tolerances.

    Raises:
        RateUnavailableError: no rate for the pair at the date.
        UnitError: unknown units, different dimensions, or a count with a unit.
    """
    options = options or NormalizeOptions()
    from_unit = interval.unit
    if from_unit == to_unit:
        return Conversion(
            kind="identity",
            source=interval,
            result=interval,
            source_value=value,
            value=value,
            from_unit=from_unit,
            to_unit=to_unit,
        )
    if from_unit is None or kind == "count":
        msg = f"cannot convert {from_unit or 'a count'} to {to_unit}"
        raise UnitError(msg)
    if kind == "money":
        return _convert_money(
            interval,
            from_unit=from_unit,
            to_unit=to_unit,
            value=value,
            day=day,
            provider=provider,
            options=options,
        )
    return _convert_units(interval, from_unit, to_unit, value, options)


def _convert_money(
    interval: Interval,
    *,
    from_unit: str,
    to_unit: str,
    value: float | None,
    day: dt.date | None,
    provider: RateProvider | None,
    options: NormalizeOptions,
) -> Conversion:
    rates = rate_range(
        provider or default_provider(), from_unit, to_unit, day, options=options
    )
    return convert_at_rates(interval, rates, value=value, options=options)


def convert_at_rates(
    interval: Interval,
    rates: RateRange,
    *,
    value: float | None = None,
    options: NormalizeOptions | None = None,
) -> Conversion:
    """``interval`` (in ``rates.base``) converted at every rate of ``rates``: the
    window around a date (:func:`~factcheck.normalize.currency.rate_range`) or a
    period's rates (:func:`~factcheck.normalize.currency.period_rate_range`), widened
    by ``options.tolerance``; ``value`` is converted at ``rates.at``."""
    options = options or NormalizeOptions()
    low_rate, high_rate, at = rates.low.rate, rates.high.rate, rates.at.rate
    low = interval.low
    high = interval.high
    bounds = _widen(
        None if low is None else min(low * low_rate, low * high_rate),
        None if high is None else max(high * low_rate, high * high_rate),
        options.tolerance,
    )
    return Conversion(
        kind="money",
        source=interval,
        result=Interval(bounds.low, bounds.high, rates.quote),
        source_value=value,
        value=None if value is None else value * at,
        from_unit=rates.base,
        to_unit=rates.quote,
        tolerance=options.tolerance,
        rates=rates,
    )


def _convert_units(
    interval: Interval,
    from_unit: str,
    to_unit: str,
    value: float | None,
    options: NormalizeOptions,
) -> Conversion:
    from factcheck.normalize.units import get_converter  # noqa: PLC0415  (lazy pint)

    converter = get_converter(pint_unit(from_unit), pint_unit(to_unit))
    tol = options.unit_tolerance
    # The slack is a share of the stated figure, as a difference: converted by the
    # factor alone, so a temperature's offset (20 °C is 68 °F) never enters it and
    # "20 °C" is widened as much in °F as in °C.
    bounds = Interval(
        None
        if interval.low is None
        else converter(interval.low) - converter.difference(abs(interval.low) * tol),
        None
        if interval.high is None
        else converter(interval.high) + converter.difference(abs(interval.high) * tol),
    )
    return Conversion(
        kind="unit",
        source=interval,
        result=Interval(bounds.low, bounds.high, to_unit),
        source_value=value,
        value=None if value is None else converter(value),
        from_unit=from_unit,
        to_unit=to_unit,
        tolerance=options.unit_tolerance,
        factor=converter.factor,
        offset=converter.offset,
    )


@attrs.frozen(kw_only=True)
class Comparison:
    """Whether two intervals in one unit can both hold, and how far apart they are.

    ``a`` and ``b`` are the intervals as compared (one of them possibly converted:
    ``converted`` says which, ``conversion`` how). ``gap`` is the distance between
    them (0 when they overlap) and ``relative_gap`` that distance over the larger of
    the two facing ends; ``ratio`` is ``a_value / b_value``. Symmetric: comparing
    ``b`` with ``a`` gives :meth:`swapped`.

    >>> c = compare_intervals(Interval(51.2e9, 53.5e9, "USD"), Interval(36.1e9, 39.9e9, "USD"),
    ...                       a_value=52.4e9, b_value=38e9)
    >>> c.relation, round(c.relative_gap, 3), round(c.ratio, 3)
    ('gap', 0.221, 1.379)
    """

    a: Interval
    b: Interval
    a_value: float | None = None
    b_value: float | None = None
    a_text: str | None = None
    b_text: str | None = None
    unit: str | None = None
    overlap: bool
    gap: float
    relative_gap: float
    ratio: float | None = None
    converted: Side | None = None
    conversion: Conversion | None = None
    #: why the comparison was read as it was, when that is not the usual reading
    note: str | None = None

    @property
    def relation(self) -> Literal["overlap", "gap"]:
        """``"overlap"`` if some value satisfies both, else ``"gap"``."""
        return "overlap" if self.overlap else "gap"

    @property
    def tolerance(self) -> float:
        """The relative tolerance the conversion added (0 without a conversion)."""
        return self.conversion.tolerance if self.conversion else 0.0

    @property
    def rates(self) -> RateRange | None:
        """The rate window a currency conversion used."""
        return self.conversion.rates if self.conversion else None

    @property
    def implied_rate(self) -> float | None:
        """Units of the target currency per source unit that would make the stated
        values equal (the "10 yuan per dollar" behind "$38 billion"), else None."""
        conv = self.conversion
        if conv is None or conv.kind != "money" or self.converted is None:
            return None
        source = conv.source_value
        other = self.b_value if self.converted == "a" else self.a_value
        if not source or other is None:
            return None
        return other / source

    def swapped(self) -> Comparison:
        """The same comparison with ``a`` and ``b`` exchanged."""
        return attrs.evolve(
            self,
            a=self.b,
            b=self.a,
            a_value=self.b_value,
            b_value=self.a_value,
            a_text=self.b_text,
            b_text=self.a_text,
            ratio=_ratio(self.b_value, self.a_value),
            converted={"a": "b", "b": "a", None: None}[self.converted],
        )

    def describe(self) -> str:
        """The comparison in a sentence or two, with the arithmetic."""
        names = {
            "a": self.a_text or format_amount(self.a_value, self.unit),
            "b": self.b_text or format_amount(self.b_value, self.unit),
        }
        ranges = {"a": format_interval(self.a), "b": format_interval(self.b)}
        parts = []
        conv = self.conversion
        if conv is not None and self.converted is not None and conv.kind != "identity":
            side = self.converted
            parts.append(f"{names[side]} converts to {ranges[side]}")
            if conv.rates is not None:
                parts.append(
                    f"at {conv.rates.describe()}, tolerance {conv.tolerance:.2%}"
                )
            else:
                parts.append(f"(1 {conv.from_unit} = {conv.factor:.6g} {conv.to_unit})")
            other: Side = "b" if side == "a" else "a"
            parts.append(f"; {names[other]} allows {ranges[other]}")
        else:
            parts.append(
                f"{names['a']} allows {ranges['a']}; {names['b']} {ranges['b']}"
            )
        if self.overlap:
            parts.append(": they overlap")
        else:
            gap = format_amount(self.gap, self.unit)
            parts.append(f": they miss by {gap} ({self.relative_gap:.1%})")
        extra = []
        if self.ratio is not None:
            extra.append(f"ratio {self.ratio:.4g}")
        implied = self.implied_rate
        if implied is not None and conv is not None:
            show = implied if implied >= 1 else 1 / implied
            per = (
                (conv.to_unit, conv.from_unit)
                if implied >= 1
                else (conv.from_unit, conv.to_unit)
            )
            extra.append(f"implied rate {show:.4g} {per[0]} per {per[1]}")
        if conv is not None and not conv.dated:
            extra.append("no publication date: recent rates used")
        if self.note:
            extra.append(self.note)
        text = " ".join(parts).replace(" ;", ";").replace(" :", ":")
        return f"{text}" + (f" ({'; '.join(extra)})" if extra else "")

    def __str__(self) -> str:
        return self.describe()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: the intervals, values, relation, gap, ratio, rates, tolerance."""
        conv = self.conversion
        return {
            "relation": self.relation,
            "unit": self.unit,
            "a": {**_interval_dict(self.a), "value": self.a_value, "text": self.a_text},
            "b": {**_interval_dict(self.b), "value": self.b_value, "text": self.b_text},
            "gap": self.gap,
            "relative_gap": self.relative_gap,
            "ratio": self.ratio,
            "implied_rate": self.implied_rate,
            "converted": self.converted,
            "tolerance": self.tolerance,
            "window_days": conv.window_days if conv else None,
            "dated": conv.dated if conv else True,
            "rates": conv.to_dict()["rates"] if conv else [],
            "message": self.describe(),
        }


def _ratio(a_value: float | None, b_value: float | None) -> float | None:
    return a_value / b_value if a_value is not None and b_value else None


def _gap(a: Interval, b: Interval) -> tuple[float, float]:
    """(distance, distance over the larger facing end); (0, 0) when they overlap."""
    if a.high is not None and b.low is not None and a.high < b.low:
        near, far = a.high, b.low
    elif b.high is not None and a.low is not None and b.high < a.low:
        near, far = b.high, a.low
    else:
        return 0.0, 0.0
    gap = far - near
    scale = max(abs(near), abs(far))
    return gap, (gap / scale if scale > 0 else math.inf)


def compare_intervals(
    a: Interval,
    b: Interval,
    *,
    a_value: float | None = None,
    b_value: float | None = None,
    a_text: str | None = None,
    b_text: str | None = None,
    converted: Side | None = None,
    conversion: Conversion | None = None,
    note: str | None = None,
) -> Comparison:
    """Compare two intervals already in one unit.

    Raises:
        UnitError: the intervals are in different units.

    >>> compare_intervals(Interval(52.35e9, 52.45e9, "USD"),
    ...                   Interval(52.5e9, 53.5e9, "USD")).relation
    'gap'
    """
    if a.unit != b.unit:
        msg = f"cannot compare {a.unit} with {b.unit}: convert one first"
        raise UnitError(msg)
    gap, relative = _gap(a, b)
    return Comparison(
        a=a,
        b=b,
        a_value=a_value,
        b_value=b_value,
        a_text=a_text,
        b_text=b_text,
        unit=a.unit,
        overlap=gap == 0.0,
        gap=gap,
        relative_gap=relative,
        ratio=_ratio(a_value, b_value),
        converted=converted,
        conversion=conversion,
        note=note,
    )
