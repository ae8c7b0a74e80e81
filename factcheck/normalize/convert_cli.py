"""``factcheck convert "380 billion yuan" --to USD --date 2025-02-24``: the work, not
the printing.

:func:`run_convert` returns ``(exit code, stdout text, stderr text)``; ``cli.py``
writes them. Exit 0 with the conversion on stdout; exit 2 with one sentence on stderr
for bad input (an unknown currency, with the nearest code; an unparsable amount; a
date outside the rate history).

The JSON output is DESIGN.md's contract::

    {"version": 1, "query", "value", "low", "high", "unit",
     "rates": [{"base", "quote", "rate", "rate_date", "provider"}, ...]}

``rates`` holds, for a currency conversion, three entries: the rate for the date
(which gives ``value``), then the lowest and the highest rate in the window (which,
with the tolerance, give ``low`` and ``high``). A unit conversion has no rates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

from factcheck.errors import FactcheckError, RateUnavailableError, UnitError
from factcheck.model import Claim
from factcheck.normalize import build_provider, claim_interval
from factcheck.normalize.currency import (
    DEFAULT_TOLERANCE,
    DEFAULT_WINDOW_DAYS,
    NormalizeOptions,
    RateProvider,
    check_currency_code,
)
from factcheck.normalize.intervals import (
    Conversion,
    convert_interval,
    format_amount,
    format_interval,
)

__all__ = ["run_convert"]

Extractor = Callable[[str], "Sequence[Claim]"]

_OK, _USAGE = 0, 2


def _default_extractor(text: str) -> Sequence[Claim]:
    from factcheck.extractor import extract_claims  # noqa: PLC0415  (earlier stage)

    return extract_claims(text)


def run_convert(
    query: str,
    *,
    to: str,
    date: str | None = None,
    fmt: str = "text",
    window_days: int | None = None,
    tolerance: float | None = None,
    provider: RateProvider | None = None,
    extractor: Extractor | None = None,
) -> tuple[int, str, str]:
    """Convert the first amount in ``query`` to ``to`` at ``date``.

    Args:
        query: an amount as news prints it ("380 billion yuan", "100 miles").
        to: an ISO 4217 code (or a currency word: "dollars"), or a unit ("km").
        date: YYYY-MM-DD; None converts over the recent rates and says so.
        fmt: "text" or "json".
        window_days: days each side of the date (default 7).
        tolerance: relative tolerance (default 0.005).
        provider: rate source (default: the audit's own offline chain, the embedded
            ECB history and the fixed pegs).
        extractor: reads ``query`` (default: :func:`factcheck.extractor.extract_claims`).

    Returns:
        ``(exit code, stdout text, stderr text)``: ``(0, output, "")`` or
        ``(2, "", message)``.
    """
    try:
        options = _options(window_days, tolerance)
        day = _parse_date(date)
        read = extractor or _default_extractor
        claim = _first_amount(query, read)
        # the audit's chain, so that "32 riyals" converts here as it checks there
        provider = provider or build_provider()
        target = _target(to, claim, read, provider)
        conversion = convert_interval(
            claim_interval(claim, options),
            target,
            kind=claim.kind,
            value=claim.value,
            day=day,
            provider=provider,
            options=options,
        )
    except (FactcheckError, ValueError) as exc:
        return _USAGE, "", str(exc)
    if fmt == "json":
        return _OK, _render_json(query, conversion), ""
    if fmt != "text":
        return _USAGE, "", f"unknown format {fmt!r}: use text or json"
    return _OK, _render_text(query, claim, conversion, day), ""


def _options(window_days: int | None, tolerance: float | None) -> NormalizeOptions:
    if window_days is not None and window_days < 0:
        msg = f"--window must be 0 or more days, got {window_days}"
        raise ValueError(msg)
    if tolerance is not None and not 0 <= tolerance < 1:
        msg = f"--tolerance must be a fraction in [0, 1), got {tolerance}"
        raise ValueError(msg)
    return NormalizeOptions(
        window_days=DEFAULT_WINDOW_DAYS if window_days is None else window_days,
        tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance,
    )


def _parse_date(date: str | None) -> dt.date | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date.strip())
    except ValueError:
        msg = f"--date {date!r} is not a date: use YYYY-MM-DD"
        raise ValueError(msg) from None


def _first_amount(query: str, read: Extractor) -> Claim:
    claims = read(query)
    for claim in claims:
        if claim.kind in ("money", "quantity"):
            return claim
    if claims:
        msg = (
            f"{query!r} has a number but no currency or unit "
            f"(read {claims[0].text!r} as a {claims[0].kind})"
        )
    else:
        msg = (
            f"cannot read an amount in {query!r}: "
            "write it as news would, e.g. '380 billion yuan'"
        )
    raise UnitError(msg)


def _target(to: str, claim: Claim, read: Extractor, provider: RateProvider) -> str:
    """``to`` as an ISO code (money) or a unit name (quantities), read as news would
    ("dollars", "US$", "km") when it is not a code or pint name already."""
    word = to.strip()
    if claim.kind == "money":
        try:
            return check_currency_code(word, provider)
        except RateUnavailableError:
            unit = _unit_of((f"1 {word}", f"{word}1"), read, "money")
            if unit is None:
                raise
            return unit
    unit = _unit_of((f"1 {word}",), read, "quantity")
    if unit is not None:
        return unit
    from factcheck.normalize.units import parse_unit  # noqa: PLC0415  (lazy pint)

    parse_unit(word)  # raises UnitError with the nearest unit name
    return word


def _unit_of(texts: tuple[str, ...], read: Extractor, kind: str) -> str | None:
    for text in texts:
        try:
            claims = read(text)
        except FactcheckError:
            continue
        for claim in claims:
            if claim.kind == kind and claim.unit:
                return claim.unit
    return None


def _render_json(query: str, conversion: Conversion) -> str:
    rates = conversion.rates
    payload = {
        "version": 1,
        "query": query,
        "value": conversion.value,
        "low": conversion.result.low,
        "high": conversion.result.high,
        "unit": conversion.to_unit,
        "rates": (
            [r.to_dict() for r in (rates.at, rates.low, rates.high)] if rates else []
        ),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _render_text(
    query: str, claim: Claim, conversion: Conversion, day: dt.date | None
) -> str:
    value = conversion.value
    when = f" on {day.isoformat()}" if day and conversion.kind == "money" else ""
    shown = format_amount(value, conversion.to_unit)
    lines = [f"{query}{when} = {shown}"]
    lines.append(f"  stated     {format_interval(conversion.source)}")
    if claim.unit_note:
        lines.append(f"  read as    {claim.unit_note}")
    lines.append(f"  interval   {format_interval(conversion.result)}")
    rates = conversion.rates
    if rates is not None:
        at = rates.at if rates.at.rate >= 1 else rates.at.inverse()
        lines.append(f"  rate       {at.describe()}")
        lines.append(f"  range      {rates.describe()}")
        lines.append(
            f"  tolerance  {conversion.tolerance:.2%} on top of the range"
            f" (window ±{conversion.window_days} days)"
            if rates.dated
            else f"  tolerance  {conversion.tolerance:.2%}; no --date: rates of the "
            f"{conversion.window_days} days up to {rates.requested.isoformat()}"
        )
    elif conversion.kind == "unit":
        lines.append(
            f"  factor     1 {conversion.from_unit} = {conversion.factor:.10g} "
            f"{conversion.to_unit}"
            + (f" + {conversion.offset:g}" if conversion.offset else "")
        )
    return "\n".join(lines) + "\n"
