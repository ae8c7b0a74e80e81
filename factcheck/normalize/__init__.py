"""Normalize: claims become intervals in canonical units, so any two can be compared.

The second stage of the pipeline. :func:`normalize_claim` turns a claim into a
:class:`NormalizedClaim`: its interval (stated precision and qualifier), what it
measures, and the same interval in a canonical unit (SI base units through pint;
money in ``options.canonical_currency`` at the publication date, over the rate window,
with provenance). :func:`compare_claims` answers "can both be true?" for two claims of
one measure with a :class:`~factcheck.normalize.intervals.Comparison` that shows the
arithmetic. :func:`convert_amount` converts one stated amount.

Importing this package loads neither pint nor the rate history: both load on first use.

>>> import datetime as dt
>>> c = convert_amount(380e9, "CNY", "USD", day=dt.date(2025, 2, 24), precision=10e9)
>>> print(c.describe())  # doctest: +NORMALIZE_WHITESPACE
375–385 billion CNY is 51.19–53.37 billion USD: rate 7.25005 CNY per USD (ecb,
2025-02-24), range 7.25005–7.28925 CNY per USD over 2025-02-17..2025-03-03
(11 ecb rates), tolerance 0.50%
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from factcheck.errors import RateUnavailableError, UnitError
from factcheck.model import Claim, Extraction, Interval, Kind, Problem, Qualifier
from factcheck.normalize.currency import (
    DEFAULT_TOLERANCE,
    DEFAULT_UNDATED_WINDOW_DAYS,
    DEFAULT_WINDOW_DAYS,
    ChainProvider,
    NormalizeOptions,
    Rate,
    RateProvider,
    RateRange,
    check_currency_code,
    coerce_chain,
    default_provider,
    rate_range,
)
from factcheck.normalize.intervals import (
    Comparison,
    Conversion,
    compare_intervals,
    convert_interval,
    format_amount,
    format_interval,
    pint_unit,
)

if TYPE_CHECKING:
    from factcheck.normalize.online import OnlineProvider

__all__ = [
    "DEFAULT_TOLERANCE",
    "DEFAULT_UNDATED_WINDOW_DAYS",
    "DEFAULT_WINDOW_DAYS",
    "ChainProvider",
    "Comparison",
    "Conversion",
    "NormalizeOptions",
    "NormalizedClaim",
    "NormalizedDocument",
    "OnlineProvider",
    "Rate",
    "RateProvider",
    "RateRange",
    "build_provider",
    "candidate_units",
    "check_currency_code",
    "claim_interval",
    "compare_claims",
    "compare_intervals",
    "convert_amount",
    "convert_interval",
    "default_provider",
    "format_amount",
    "format_interval",
    "measure_of",
    "normalize_claim",
    "normalize_extraction",
    "rate_range",
]


def __getattr__(name: str) -> object:
    if name == "OnlineProvider":  # lazy: urllib.request costs ~50 ms to import
        from factcheck.normalize.online import OnlineProvider  # noqa: PLC0415

        return OnlineProvider
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def build_provider(
    *,
    table: str | Path | None = None,
    ecb: bool = True,
    online: bool = False,
    online_url: str | None = None,
    online_timeout: float | None = None,
    peg: bool = True,
) -> RateProvider:
    """The rate providers a run asked for, chained: table, then ECB, then the fixed
    pegs (:mod:`factcheck.normalize.pegs`: the riyal, the dirham, the CFA francs,
    crossed through the providers before them), then online.

    Without arguments this is the offline ECB default with the pegs. ``online=True`` adds the
    forex-python service at the end (no network call happens otherwise); when it
    cannot be reached, it says so once and the ECB history answers in its place.

    Raises:
        ConfigError: the table cannot be read.
        ValueError: no provider selected, or a bad URL or timeout.
    """
    providers: list[RateProvider] = []
    if table is not None:
        from factcheck.normalize.table import TableProvider  # noqa: PLC0415

        providers.append(TableProvider.from_path(table))
    if ecb:
        providers.append(default_provider())
    if peg and (providers or online):
        from factcheck.normalize.pegs import PegProvider  # noqa: PLC0415

        # a peg's cross rates (riyals in euros) come from the offline providers
        # before it; beside the online one alone, from the embedded ECB history
        cross = coerce_chain(providers) if providers else default_provider()
        providers.append(PegProvider(cross))
    if online:
        from factcheck.normalize.online import (  # noqa: PLC0415  (lazy urllib)
            DEFAULT_BASE_URL,
            DEFAULT_TIMEOUT,
            OnlineProvider,
        )

        providers.append(
            OnlineProvider(
                base_url=online_url or DEFAULT_BASE_URL,
                timeout=online_timeout or DEFAULT_TIMEOUT,
                # out of reach: the offline history answers, marked as a fallback
                fallback=default_provider(),
            )
        )
    if not providers:
        msg = "no rate provider selected"
        raise ValueError(msg)
    return providers[0] if len(providers) == 1 else ChainProvider(tuple(providers))


def convert_amount(
    value: float,
    from_unit: str,
    to_unit: str,
    *,
    kind: Kind | None = None,
    day: dt.date | None = None,
    precision: float = 0.0,
    qualifier: Qualifier | None = None,
    provider: RateProvider | None = None,
    options: NormalizeOptions | None = None,
) -> Conversion:
    """Convert a stated amount ("380 billion yuan" on a date) or quantity.

    The amount becomes an interval from its ``precision`` and ``qualifier`` first
    (:meth:`Interval.from_stated`), so the result bounds what the statement allows.

    Args:
        value: the stated number, scale applied.
        from_unit: an ISO 4217 code, or a pint unit name.
        to_unit: likewise.
        kind: "money" or "quantity"; by default money when ``from_unit`` is an ISO
            4217 code.
        day: the date of the conversion (money); None uses the recent range.
        precision: the rounding step of the stated digits.
        qualifier: as on a claim ("approx", "gt", ...).
        provider: rate source (default: the embedded ECB history).
        options: window and tolerances.

    Raises:
        RateUnavailableError: unknown currency, or no rate at the date.
        UnitError: unknown unit or different dimensions.

    >>> convert_amount(100.0, "mile", "kilometer").value
    160.9344
    """
    options = options or NormalizeOptions()
    if kind is None:
        kind = "money" if _is_currency(from_unit) else "quantity"
    if kind == "money":
        source = provider or default_provider()
        from_unit = check_currency_code(from_unit, source)
        to_unit = check_currency_code(to_unit, source)
    interval = Interval.from_stated(
        value,
        precision=precision,
        qualifier=qualifier,
        tolerance=options.approx_tolerance,
        unit=from_unit,
    )
    return convert_interval(
        interval,
        to_unit,
        kind=kind,
        value=value,
        day=day,
        provider=provider,
        options=options,
    )


def _is_currency(code: str) -> bool:
    if not (len(code) == 3 and code.isascii() and code.isalpha()):
        return False
    from factcheck.normalize.currency import iso_currency_codes  # noqa: PLC0415

    return code.upper() in iso_currency_codes()


def claim_interval(claim: Claim, options: NormalizeOptions | None = None) -> Interval:
    """The interval a claim allows, in its own unit.

    The extractor's ``low``/``high`` when it set either; otherwise built from the
    value, its precision and qualifier (:meth:`Interval.from_stated`).
    """
    if claim.low is not None or claim.high is not None:
        return Interval(claim.low, claim.high, claim.unit)
    tolerance = (options or NormalizeOptions()).approx_tolerance
    return Interval.from_stated(
        claim.value,
        precision=claim.precision,
        qualifier=claim.qualifier,
        tolerance=tolerance,
        unit=claim.unit,
    )


def candidate_units(claim: Claim) -> tuple[str, ...]:
    """Every unit a claim may be in, its reading first: a bare "$" in a Canadian
    outlet may be CAD or USD (``Claim.unit_candidates``); else the claim's unit alone
    (nothing for a count).

    A comparison tries each and flags only when none fits, saying which it tried.

    >>> from factcheck.model import Span
    >>> claim = Claim(id="c1", kind="money", text="$19 billion", span=Span(0, 11),
    ...               value=19e9, unit="CAD", unit_candidates=("CAD", "USD"))
    >>> candidate_units(claim)
    ('CAD', 'USD')
    >>> candidate_units(attrs.evolve(claim, unit="USD", unit_candidates=()))
    ('USD',)
    """
    if claim.unit_candidates:
        return claim.unit_candidates
    return () if claim.unit is None else (claim.unit,)


def measure_of(claim: Claim) -> str:
    """What a claim measures; two claims compare only if their measures are equal.

    ``"money"``, ``"count"``, ``"percent"`` for "%", and pint's dimension for quantities
    and percentage points (``"[length]"``, ``"[percentage_point]"``). A temperature
    difference ("0.25 °C above the average") is ``"[temperature_difference]"``: it
    never states the same fact as a temperature ("[temperature]").

    Raises:
        UnitError: the quantity's unit is unknown to pint.
    """
    if claim.kind in ("money", "count"):
        return claim.kind
    if claim.unit is None:
        return "count"
    if claim.unit == "%":
        return "percent"
    if claim.unit == "pp":
        return "[percentage_point]"  # pint's answer, without loading pint
    from factcheck.normalize.units import (  # noqa: PLC0415  (lazy pint)
        dimensionality,
        is_temperature_difference,
    )

    name = pint_unit(claim.unit)
    if is_temperature_difference(name):
        return "[temperature_difference]"
    return dimensionality(name)


def _canonical_unit(claim: Claim, options: NormalizeOptions) -> str | None:
    if claim.kind == "money":
        return options.canonical_currency
    if claim.unit is None or claim.unit in ("%", "pp"):
        return claim.unit
    from factcheck.normalize.units import canonical_unit  # noqa: PLC0415  (lazy pint)

    return canonical_unit(claim.unit)


@attrs.frozen(kw_only=True)
class NormalizedClaim:
    """A claim with its interval, its measure, and the interval in canonical units.

    ``canonical`` is None when it could not be made; ``problem`` says why (an unknown
    unit, no rate for the currency at the date). ``conversion`` records how the
    canonical interval was made (rates with provenance, or the unit factor).
    """

    claim: Claim
    interval: Interval
    measure: str
    published: dt.date | None = None
    canonical: Interval | None = None
    conversion: Conversion | None = None
    problem: str | None = None

    @property
    def dated(self) -> bool:
        """False when a currency conversion used an undated document's recent rates."""
        return self.conversion is None or self.conversion.dated


@attrs.frozen(kw_only=True)
class NormalizedDocument:
    """The normalized claims of one document, and what could not be normalized."""

    extraction: Extraction
    claims: tuple[NormalizedClaim, ...]
    problems: tuple[Problem, ...] = ()


def normalize_claim(
    claim: Claim,
    *,
    published: dt.date | None = None,
    provider: RateProvider | None = None,
    options: NormalizeOptions | None = None,
    strict: bool = False,
) -> NormalizedClaim:
    """Normalize one claim of a document published on ``published``.

    Args:
        claim: from the extractor.
        published: the document's date; None converts money over the recent range
            (``options.undated_window_days``) and marks the result undated.
        provider: rate source (default: the embedded ECB history).
        options: window, tolerances, canonical currency.
        strict: raise instead of recording a ``problem``.

    Raises:
        UnitError, RateUnavailableError: only with ``strict``.
    """
    options = options or NormalizeOptions()
    interval = claim_interval(claim, options)
    try:
        measure = measure_of(claim)
        target = _canonical_unit(claim, options)
        conversion = None
        canonical = interval
        if target is not None and target != claim.unit:
            conversion = convert_interval(
                interval,
                target,
                kind=claim.kind,
                value=claim.value,
                day=published,
                provider=provider,
                options=options,
            )
            canonical = conversion.result
    except (UnitError, RateUnavailableError) as exc:
        if strict:
            raise
        return NormalizedClaim(
            claim=claim,
            interval=interval,
            measure=claim.kind if claim.kind == "money" else "unknown",
            published=published,
            problem=str(exc),
        )
    return NormalizedClaim(
        claim=claim,
        interval=interval,
        measure=measure,
        published=published,
        canonical=canonical,
        conversion=conversion,
    )


def normalize_extraction(
    extraction: Extraction,
    *,
    provider: RateProvider | None = None,
    options: NormalizeOptions | None = None,
    strict: bool = False,
) -> NormalizedDocument:
    """Normalize every claim of a document at its publication date.

    Claims that cannot be normalized keep ``canonical=None`` and add a Problem naming
    the document; the rest go on.
    """
    document = extraction.document
    claims = tuple(
        normalize_claim(
            claim,
            published=document.published,
            provider=provider,
            options=options,
            strict=strict,
        )
        for claim in extraction.claims
    )
    problems = tuple(
        Problem(path=document.path, message=f"{c.claim.text!r}: {c.problem}")
        for c in claims
        if c.problem
    )
    return NormalizedDocument(extraction=extraction, claims=claims, problems=problems)


def _target_side(
    a: NormalizedClaim, b: NormalizedClaim, canonical: str
) -> Literal["a", "b"]:
    """Which claim's unit the other is converted into; independent of argument order.

    A stated equivalent is the target ("380 billion yuan (US$52.4 billion)": yuan go
    into dollars); else the canonical currency; else the alphabetically first unit.
    """
    if b.claim.equivalent_of == a.claim.id:
        return "b"
    if a.claim.equivalent_of == b.claim.id:
        return "a"
    units = (a.claim.unit or "", b.claim.unit or "")
    if canonical in units:
        return "a" if units[0] == canonical else "b"
    return "a" if units[0] <= units[1] else "b"


def compare_claims(
    a: NormalizedClaim,
    b: NormalizedClaim,
    *,
    provider: RateProvider | None = None,
    options: NormalizeOptions | None = None,
) -> Comparison:
    """Can both claims be true? Converts one into the other's unit and compares.

    The claim converted is chosen from the claims, not their order (see
    :func:`_target_side`), so ``compare_claims(b, a)`` is
    ``compare_claims(a, b).swapped()``. Money converts at the converted claim's
    publication date (else the other's; else the undated recent range).

    Raises:
        UnitError: the claims measure different things (money vs a length).
        RateUnavailableError: no rate for the pair at the date.
    """
    options = options or NormalizeOptions()
    if a.measure != b.measure:
        msg = (
            f"cannot compare {a.claim.text!r} ({a.measure}) "
            f"with {b.claim.text!r} ({b.measure})"
        )
        raise UnitError(msg)
    if a.claim.unit == b.claim.unit:
        return compare_intervals(
            a.interval,
            b.interval,
            a_value=a.claim.value,
            b_value=b.claim.value,
            a_text=a.claim.text,
            b_text=b.claim.text,
        )
    target = _target_side(a, b, options.canonical_currency)
    source, goal = (b, a) if target == "a" else (a, b)
    conversion = convert_interval(
        source.interval,
        goal.claim.unit or "",
        kind=source.claim.kind,
        value=source.claim.value,
        day=source.published or goal.published,
        provider=provider,
        options=options,
    )
    converted: Literal["a", "b"] = "b" if target == "a" else "a"
    intervals = {converted: conversion.result, target: goal.interval}
    values = {converted: conversion.value, target: goal.claim.value}
    return compare_intervals(
        intervals["a"],
        intervals["b"],
        a_value=values["a"],
        b_value=values["b"],
        converted=converted,
        conversion=conversion,
        a_text=a.claim.text,
        b_text=b.claim.text,
    )
