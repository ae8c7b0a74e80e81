"""How a conversion goes wrong: recipes a writer slips into, read from the numbers.

Two reports' figures in two units or currencies that miss each other are either
two facts or one fact converted wrong. Some wrong conversions leave a mark in the
numbers themselves: the factor or rate applied the wrong way round ("150 mph" printed
as "93 km/h", 150 ÷ 1.609), or a temperature scaled without its offset ("40.3C"
printed as "72.5 degrees Fahrenheit", 40.3 × 1.8). Like digits copied in another
order, two facts rarely stand in that relation by chance, so the mark is evidence
that the two figures state one fact, and it tells the editor what went wrong.
"""

from __future__ import annotations

import functools

import attrs

from factcheck.errors import UnitError
from factcheck.model import Claim, Interval
from factcheck.normalize.intervals import Comparison, format_amount, pint_unit

#: how far from 1 a factor or rate, squared, must stand before a figure converted
#: with it the wrong way round ("150 mph" as "93 km/h") is told from rounding: 1.25
#: keeps the euro against the dollar (1.08, squared 1.17) out, where dividing instead
#: of multiplying misses by little more than a rounded figure's slack
INVERTED_FACTOR_MIN = 1.25
#: how loosely two figures may be printed, together, for a slip to be read from
#: them: the half-widths their printed digits allow, as shares of each figure,
#: summed. Figures printed to within 3% ("91.7" and "57", "1,151" and "3,776")
#: pin a recipe down; a round one ("$10 billion", ±5%, against €11.7 billion)
#: fits a wrong recipe by chance too often
SLIP_MAX_SLACK = 0.03
#: the number two reports print in two units of one dimension far apart ("1,150-
#: kilometre" and "1,150-mile") is read as one figure relabelled only with at least
#: this many significant digits: "a 10 km zone" and "10 miles away" meet by chance
RELABEL_DIGITS = 2


@attrs.frozen(kw_only=True)
class Slip:
    """A wrong recipe that turns one side's stated figure into the other's."""

    #: what went wrong ("the rate applied the wrong way round")
    kind: str
    #: the arithmetic that shows it, with the values, the factor or rate and its
    #: date and source
    arithmetic: str

    def describe(self) -> str:
        """The slip in one phrase: its kind and its arithmetic."""
        return f"{self.kind}: {self.arithmetic}"


def conversion_slip(comparison: Comparison) -> Slip | None:
    """The wrong recipe that gives one figure of a failed conversion from the other,
    if one fits within both figures' stated precision; None otherwise.

    Recipes: the factor or rate applied the wrong way round (divided, not
    multiplied), told from rounding only where the factor squared stands at least
    ``INVERTED_FACTOR_MIN`` from 1; a temperature scaled without its offset (°C × 1.8
    printed as °F, °F ÷ 1.8 as °C).

    >>> from factcheck import extract
    >>> from factcheck.normalize import compare_claims, normalize_claim
    >>> (a,) = extract("winds of 155 mph")
    >>> (b,) = extract("winds of 96 km/h")
    >>> comparison = compare_claims(normalize_claim(a), normalize_claim(b))
    >>> print(conversion_slip(comparison).describe())  # doctest: +NORMALIZE_WHITESPACE
    the factor applied the wrong way round: '155 mph' ÷ 1.609 = 96.31 kilometer per
    hour, the figure printed as '96 km/h' (1 mile per hour is 1.609 kilometer per hour)
    """
    conv = comparison.conversion
    if comparison.overlap or conv is None or conv.kind == "identity":
        return None
    converted_a = comparison.converted == "a"
    other = comparison.b if converted_a else comparison.a
    source = conv.source
    if not _tight(source, other):
        return None  # "$10 billion" fits €11.7 billion divided by 1.17 by chance
    texts = (comparison.a_text, comparison.b_text)
    shown, printed = texts if converted_a else texts[::-1]
    value = conv.source_value
    if conv.rates is not None:
        low, high = conv.rates.low.rate, conv.rates.high.rate
        if not _far_from_one(low, high):
            return None
        wrong = _scaled(source, 1 / high, 1 / low)
        if wrong is None or not wrong.overlaps(other):
            return None
        at = conv.rates.at
        mid = value if value is not None else _middle(source)
        if mid is None:
            return None
        return Slip(
            kind="the rate applied the wrong way round",
            arithmetic=(
                f"{shown!r} ÷ {at.rate:.4g} {at.quote} per {at.base} "
                f"({at.provider}, {at.rate_date.isoformat()}) = "
                f"{_shown(mid / at.rate, conv.to_unit)}, the figure printed as "
                f"{printed!r}"
            ),
        )
    if conv.factor is None:
        return None
    return _unit_slip(
        source,
        other,
        factor=conv.factor,
        offset=conv.offset,
        units=(conv.from_unit or "", conv.to_unit or ""),
        texts=(shown, printed),
        value=value,
    )


def quantity_slip(a: Claim, b: Claim) -> Slip | None:
    """The wrong recipe that turns one of two quantities in two units of one
    dimension into the other, read from the printed figures alone (no rate: units
    only); None if none fits, or the figures are printed too loosely
    (``SLIP_MAX_SLACK``) to tell.

    >>> from factcheck import extract
    >>> (a,) = extract("the 57-kilometre tunnel")
    >>> (b,) = extract("runs for 91.7 miles")
    >>> quantity_slip(a, b).kind
    'the factor applied the wrong way round'
    >>> (c,) = extract("runs for 35.4 miles")
    >>> quantity_slip(a, c) is None
    True
    """
    if a.kind != "quantity" or b.kind != "quantity" or not a.unit or not b.unit:
        return None
    if a.unit == b.unit:
        return None
    ia, ib = _printed(a), _printed(b)
    if ia is None or ib is None or not _tight(ia, ib):
        return None
    from factcheck.normalize.units import get_converter  # noqa: PLC0415

    try:
        converter = get_converter(pint_unit(a.unit), pint_unit(b.unit))
    except UnitError:
        return None
    if converter(ia.low) <= ib.high and ib.low <= converter(ia.high):  # type: ignore[arg-type,operator]
        return None  # the figures agree: no slip to read
    if (
        a.value == b.value
        and a.value is not None
        and not converter.offset
        and _far_from_one(converter.factor, converter.factor)
        and significant_digits(float(a.value)) >= RELABEL_DIGITS
    ):
        # "the 1,150-kilometre line" in one report, "the 1,150-mile system" in
        # another: the number kept, the unit changed
        return Slip(
            kind="the number printed with the other unit",
            arithmetic=(
                f"{a.text!r} and {b.text!r} print one number in two units; "
                f"{a.text!r} is {_shown(float(a.value) * converter.factor, b.unit)}"
            ),
        )
    return _unit_slip(
        ia,
        ib,
        factor=converter.factor,
        offset=converter.offset,
        units=(a.unit, b.unit),
        texts=(a.text, b.text),
        value=a.value,
    )


def relabelled(printed: Claim, stated: Claim, partner: Claim) -> Slip | None:
    """The number of one side of a stated pair printed with the other side's unit
    ("80 kilometres (50 miles)" in one report, "80 miles" in another; "984-foot
    (300-meter)" and "the 300-foot ship"): the recipe is no conversion at all, the
    label changed. ``stated`` and ``partner`` are one report's figure and its stated
    equivalent; None unless ``printed`` has ``stated``'s number and ``partner``'s
    unit, in one dimension whose units stand far apart (``INVERTED_FACTOR_MIN``)."""
    kinds = {c.kind for c in (printed, stated, partner)}
    if len(kinds) != 1 or not kinds <= {"quantity", "money"}:
        return None
    if (
        not printed.unit
        or not stated.unit
        or printed.unit != partner.unit
        or stated.unit == printed.unit
        or not printed.value
        or printed.value != stated.value
    ):
        return None
    if printed.kind == "money":
        # "$15.3 billion (NIS 56 billion)" in one report, "NIS 15.3 billion" in
        # another: the rate is the stated pair's own, far from one
        if not stated.value or not partner.value:
            return None
        rate = float(partner.value) / float(stated.value)
        if not _far_from_one(rate, rate):
            return None
        return Slip(
            kind="the number printed with the other currency",
            arithmetic=(
                f"{printed.text!r} has the number of {stated.text!r} and the "
                f"currency of its stated equivalent {partner.text!r} (a rate of "
                f"{rate:.4g} {partner.unit} per {stated.unit}); {stated.text!r} "
                f"is {partner.text!r}"
            ),
        )
    from factcheck.normalize.units import get_converter  # noqa: PLC0415

    try:
        converter = get_converter(pint_unit(stated.unit), pint_unit(printed.unit))
    except UnitError:
        return None
    factor = float(converter.factor)
    if converter.offset or not _far_from_one(factor, factor):
        return None
    value = float(stated.value) * factor
    return Slip(
        kind="the number printed with the other unit",
        arithmetic=(
            f"{printed.text!r} has the number of {stated.text!r} and the unit of "
            f"its stated equivalent {partner.text!r}; {stated.text!r} is "
            f"{_shown(value, printed.unit)}"
        ),
    )


def _unit_slip(
    source: Interval,
    other: Interval,
    *,
    factor: float,
    offset: float,
    units: tuple[str, str],
    texts: tuple[str | None, str | None],
    value: float | None,
) -> Slip | None:
    """A unit conversion's slip: ``source`` (in ``units[0]``) against ``other`` (in
    ``units[1]``), where ``y = x * factor + offset`` is the right map."""
    mid = value if value is not None else _middle(source)
    if factor <= 0 or mid is None:
        return None
    shown, printed = texts
    if offset:
        # "40.3C" as "72.5 degrees Fahrenheit": scaled, never shifted
        scale = factor
        kind = "the temperature converted without its offset"
        told = (
            f"{shown!r} × {factor:.4g} = {_shown(mid * factor, units[1])} with no "
            f"{offset:+.4g} offset, the figure printed as {printed!r}"
        )
    elif _far_from_one(factor, factor):
        scale = 1 / factor
        kind = "the factor applied the wrong way round"
        told = (
            f"{shown!r} ÷ {factor:.4g} = {_shown(mid / factor, units[1])}, the figure "
            f"printed as {printed!r} (1 {units[0]} is {factor:.4g} {units[1]})"
        )
    else:
        return None
    wrong = _scaled(source, scale, scale)
    if wrong is None or not wrong.overlaps(other):
        return None
    return Slip(kind=kind, arithmetic=told)


def _printed(claim: Claim) -> Interval | None:
    """The interval a claim's printed digits allow, if closed."""
    if claim.low is None or claim.high is None:
        return None
    return Interval(claim.low, claim.high, claim.unit)


def _tight(a: Interval, b: Interval) -> bool:
    """Whether two closed intervals are together no looser than
    ``SLIP_MAX_SLACK`` (each half-width as a share of its middle, summed)."""
    slack = 0.0
    for interval in (a, b):
        mid = _middle(interval)
        if mid is None or mid == 0 or interval.high is None or interval.low is None:
            return False
        slack += (interval.high - interval.low) / 2 / abs(mid)
    return slack <= SLIP_MAX_SLACK


def _middle(interval: Interval) -> float | None:
    if interval.low is None or interval.high is None:
        return None
    return (interval.low + interval.high) / 2


def _scaled(interval: Interval, low: float, high: float) -> Interval | None:
    """An interval times every factor between ``low`` and ``high`` (positive)."""
    if interval.low is None or interval.high is None:
        return None
    ends = [
        interval.low * low,
        interval.low * high,
        interval.high * low,
        interval.high * high,
    ]
    return Interval(min(ends), max(ends), interval.unit)


@functools.lru_cache(maxsize=1 << 16)
def significant_digits(value: float) -> int:
    """How many significant digits a stated value shows ("43,574": 5; "380": 2;
    "200 million": 1). Cached: every pair a claim is decided in asks it again."""
    return len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0"))


def _far_from_one(low: float, high: float) -> bool:
    """Whether a factor (every rate of a window) squared stands at least
    ``INVERTED_FACTOR_MIN`` from 1: applied the wrong way, it misses by more than
    rounding."""
    return min(low, high) ** 2 >= INVERTED_FACTOR_MIN or (
        max(low, high) ** 2 <= 1 / INVERTED_FACTOR_MIN
    )


def _shown(value: float, unit: str | None) -> str:
    """A computed figure to four significant digits, with its unit."""
    return format_amount(float(f"{value:.4g}"), unit or "")
