"""FC1xx: one document against itself: stated conversions, and one fact stated twice."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs
import regex

from factcheck.align import ClaimRef
from factcheck.errors import RateUnavailableError
from factcheck.extractor.durations import SECONDS
from factcheck.extractor.units import CUSTOMARY_VARIANTS, PER_UNITS, WORD_UNITS
from factcheck.model import Claim, Finding, Interval
from factcheck.normalize import (
    Conversion,
    candidate_units,
    format_amount,
    format_interval,
)
from factcheck.normalize.currency import RateRange
from factcheck.normalize.intervals import convert_at_rates
from factcheck.normalize.periods import (
    Period,
    flow_period,
    moment_period,
    period_rate_range,
)
from factcheck.normalize.stated_rates import (
    StatedRate,
    convert_at_stated,
    rates_for,
    stated_rates,
)
from factcheck.normalize.units import convert_quantity
from factcheck.rules.context import (
    AT_THE_TIME_DAYS,
    SHARED_BOUND_REACH,
    AuditContext,
    power_of_ten,
)
from factcheck.rules.registry import rule


def _own_qualifier(anchor: ClaimRef, ref: ClaimRef) -> bool:
    """Whether the equivalent's qualifier is its own ("equivalent to approximately
    $38 billion") rather than the pair's ("more than X (Y)")."""
    q = ref.claim.qualifier
    return q is not None and q != anchor.claim.qualifier


#: "valued it at A$24.5 billion ($16.9 billion) at the time": a conversion made when
#: an earlier event happened, not on the report's day
_AT_THE_TIME = regex.compile(r"\b(?:at\s+the\s+time|at\s+that\s+time|back\s+then)\b")


def _then(sentence: str, published: dt.date | None) -> Period | None:
    """The days a conversion "at the time" may have been made on: the
    ``AT_THE_TIME_DAYS`` before the report."""
    m = _AT_THE_TIME.search(sentence)
    if m is None or published is None:
        return None
    start = published - dt.timedelta(days=AT_THE_TIME_DAYS)
    return Period(start=start, end=published, text=m.group())


def _shared_bound(source: Interval, a: Claim) -> Interval:
    """An anchor's interval when its qualifier bounds the pair ("more than X (Y)"):
    the true amount both bound may lie up to ``SHARED_BOUND_REACH`` beyond X."""
    low, high = source.low, source.high
    if a.qualifier in ("gt", "ge") and high is not None:
        high = max(high, abs(a.value) * (1 + SHARED_BOUND_REACH))
    elif a.qualifier in ("lt", "le") and low is not None:
        low = min(low, abs(a.value) * (1 - SHARED_BOUND_REACH))
    return Interval(low, high, source.unit)


def _rel_gap(expected: Interval, stated: Interval) -> float:
    if (
        stated.high is not None
        and expected.low is not None
        and stated.high < expected.low
    ):
        return (expected.low - stated.high) / expected.low
    if (
        stated.low is not None
        and expected.high is not None
        and stated.low > expected.high
    ):
        return (stated.low - expected.high) / expected.high
    return 0.0


def equivalents(ctx: AuditContext, kind: str) -> Iterator[tuple[ClaimRef, ClaimRef]]:
    for ref in ctx.refs:
        anchor = ctx.anchor_of(ref)
        if anchor is None or ref.claim.kind != kind or anchor.claim.kind != kind:
            continue
        if anchor.claim.unit == ref.claim.unit:
            continue
        yield anchor, ref


@attrs.frozen(kw_only=True)
class _Reading:
    """The anchor and its equivalent read in one pair of currencies."""

    from_unit: str
    to_unit: str
    source: Interval
    stated: Interval
    #: why the source reaches beyond the anchor's precision, if it does
    reach: str = ""


@attrs.frozen(kw_only=True)
class _Basis:
    """One way of converting an anchor into its equivalent's currency, and its
    result: the market at the date, a rate the article states, a period's rates."""

    name: Literal["market", "stated", "period"]
    reading: _Reading
    expected: Interval
    conversion: Conversion | None = None
    stated_rate: StatedRate | None = None
    period: Period | None = None

    @property
    def from_unit(self) -> str:
        return self.reading.from_unit

    @property
    def to_unit(self) -> str:
        return self.reading.to_unit

    @property
    def source(self) -> Interval:
        return self.reading.source

    @property
    def stated(self) -> Interval:
        return self.reading.stated

    @property
    def fits(self) -> bool:
        return self.expected.overlaps(self.stated)

    def describe(self, a: Claim, b: Claim) -> str:
        """The arithmetic of this basis in a clause."""
        reading = ""
        if (self.from_unit, self.to_unit) != (a.unit, b.unit):
            reading = f"with {_readings(a, b, self.from_unit, self.to_unit)}, "
        head = (
            f"{reading}{format_interval(self.source)}{self.reading.reach} is "
            f"{format_interval(self.expected)}"
        )
        if self.stated_rate is not None:
            return (
                f"{head} at the rate the article states, {self.stated_rate.describe()}"
            )
        rates = self.conversion.rates if self.conversion is not None else None
        if self.period is not None and rates is not None:
            return (
                f"{head} at the rates of {self.period.describe()}, {rates.describe()}"
            )
        if rates is not None:
            return f"{head} at {rates.describe()}"
        return head


def _readings(a: Claim, b: Claim, ua: str, ub: str) -> str:
    parts = []
    if ua != a.unit:
        parts.append(f"{a.text!r} read as {ua}")
    if ub != b.unit:
        parts.append(f"{b.text!r} read as {ub}")
    return " and ".join(parts)


def _bases(
    ctx: AuditContext,
    anchor: ClaimRef,
    ref: ClaimRef,
    rates: Sequence[StatedRate],
) -> tuple[list[_Basis], bool]:
    """Every basis tried for one stated equivalent, the claims' own reading and the
    market first; a candidate reading of an outlet-ambiguous sign comes after. And
    whether a reading could not be tried (no rate known for it): "Rs6.6 trillion"
    in a Pakistani story is rupees of Pakistan, whose rate the reference rates may
    not hold, and the Indian reading failing proves nothing then."""
    a, b = anchor.claim, ref.claim
    day = ref.document.published
    period = (
        flow_period(a.sentence_text, day)
        or flow_period(b.sentence_text, day)
        or _then(b.sentence_text, day)
        # "the 2.42 billion euros ($2.7 billion) penalty in June 2017": an amount
        # its frame dates to a past moment may be converted at that moment's
        # rates, as it was printed then
        or moment_period(b.frame.time if b.frame else None, day)
        or moment_period(a.frame.time if a.frame else None, day)
    )
    own = _own_qualifier(anchor, ref)
    out: list[_Basis] = []
    untried = False
    for ua in candidate_units(a):
        for ub in candidate_units(b):
            if ua == ub:
                continue
            before = len(out)
            a_read = a if ua == a.unit else attrs.evolve(a, unit=ua)
            b_read = b if ub == b.unit else attrs.evolve(b, unit=ub)
            source = ctx.anchor_interval(a_read)
            reach = ""
            bound = source if own else _shared_bound(source, a)
            if bound != source:
                source = bound
                reach = (
                    f" (the pair's {a.text!r} is a bound: the amount may lie "
                    f"{SHARED_BOUND_REACH:.0%} beyond it)"
                )
            reading = _Reading(
                from_unit=ua,
                to_unit=ub,
                source=source,
                reach=reach,
                stated=ctx.stated_interval(b_read, own_qualifier=own, rounded=True),
            )
            conv = ctx.convert(source, ub, kind="money", value=a.value, day=day)
            if conv is not None and conv.rates is not None:
                out.append(
                    _Basis(
                        name="market",
                        reading=reading,
                        expected=conv.result,
                        conversion=conv,
                    )
                )
            for rate in rates_for(rates, ua, ub):
                expected = convert_at_stated(source, rate, ub)
                if expected is not None:
                    out.append(
                        _Basis(
                            name="stated",
                            reading=reading,
                            expected=expected,
                            stated_rate=rate,
                        )
                    )
            window = _period_rates(ctx, ua, ub, period)
            if window is not None:
                conv = convert_at_rates(
                    source, window, value=a.value, options=ctx.options
                )
                out.append(
                    _Basis(
                        name="period",
                        reading=reading,
                        expected=conv.result,
                        conversion=conv,
                        period=period,
                    )
                )
            # a reading no rate could test (a currency the reference rates lack)
            # leaves the claim unproven whatever the other readings say; so does
            # one only a plan's assumed rate could (the writer may have converted
            # at the market's)
            untried = untried or all(
                x.stated_rate is not None and x.stated_rate.assumed
                for x in out[before:]
            )
    return out, untried


def _period_rates(
    ctx: AuditContext, ua: str, ub: str, period: Period | None
) -> RateRange | None:
    """Every reference rate of ``period`` between two currencies; None for no
    period, or none of its rates known (the reading may then stay untried)."""
    if period is None:
        return None
    try:
        return period_rate_range(ctx.provider, ua, ub, period.start, period.end)
    except (RateUnavailableError, ValueError):
        return None


def tested(ctx: AuditContext, anchor: ClaimRef, ref: ClaimRef) -> bool:
    """Whether FC101 tests a stated equivalent: some basis (a reference rate, a rate
    the article states) reads every candidate reading of the pair."""
    bases, untried = _bases(ctx, anchor, ref, document_rates(ctx, anchor.doc_index))
    return bool(bases) and not untried


def document_rates(ctx: AuditContext, doc_index: int) -> tuple[StatedRate, ...]:
    """The exchange rates a document of the audit states (read from its prose)."""
    extraction = ctx.extractions[doc_index]
    return stated_rates(extraction.document.prose, extraction.claims)


@rule(
    "FC101",
    "conversion-mismatch",
    "error",
    "a stated currency equivalent disagrees with the reference rate at the date",
    scope="document",
)
def conversion_mismatch(ctx: AuditContext) -> Iterator[Finding]:
    """A stated currency equivalent disagrees with the reference rate at the date.

    *What it checks.* An amount followed by its equivalent in another currency
    ("380 billion yuan (US$52.4 billion)", "1 trillion won, or about $770 million") is
    converted at the reference rates of the document's publication date, over a
    window of days around it, plus a relative tolerance. The equivalent must fall in
    that range, after its own stated precision and qualifier. The anchor is read at
    its precision but never looser than ±2.5%: a writer converts the figure they print.
    For the same reason an "about" on the equivalent ("$11 billion, about 82 billion
    kroner") marks the writer's rounding: it allows the equivalent's precision and
    2% more (`ROUNDED_EQUIVALENT`), not the 5% of a figure reported from elsewhere.

    Three other bases are accepted, and the finding says which were tried:
    a rate the article states ("at Rs 70 to the dollar", "($1 = 0.8495 euros)"),
    within the precision of its digits; for a flow over a past period ("2023
    revenue", "profit for the third quarter", "exports last year"), any reference
    rate of that period, since results are converted at the period's average; and,
    for a bare "$" that the outlet's country reads as its own dollar, the other
    reading (US dollars). Only when no basis fits is the equivalent flagged. How far
    a stated rate stands from the market is FC401's hint, not an error here.

    *Why it matters.* Conversions are where figures go wrong between wires: a rate
    from the wrong year, a rate inverted, a scale word dropped ("2.78 dollars").

    *Example.* On 2025-02-24 the ECB rate was about 7.25 yuan per dollar; "$38
    billion" implies 10.0.

        fires [2025-02-24]: Alibaba will invest over 380 billion yuan, equivalent to approximately $38 billion.
        silent [2025-02-24]: Alibaba will invest more than 380 billion yuan (US$52.4 billion).

    *Configuration.* `window_days` and `tolerance` under `[tool.factcheck]`; the rate
    provider chain (`providers`); severity and on/off under `[tool.factcheck.rules]`.
    """
    rates_of: dict[int, tuple[StatedRate, ...]] = {}
    for anchor, ref in equivalents(ctx, "money"):
        if anchor.doc_index not in rates_of:
            rates_of[anchor.doc_index] = document_rates(ctx, anchor.doc_index)
        bases, untried = _bases(ctx, anchor, ref, rates_of[anchor.doc_index])
        if not bases:
            continue
        ctx.mark_checked(anchor, ref)
        if any(basis.fits for basis in bases):
            continue
        if untried and not _a_scale_slip(ref.claim, bases):
            # a reading no rate tests may be the one meant, unless the equivalent
            # is a tested reading's with a scale word slipped ("89.6 billion pesos
            # ($206m)" in a story that names no peso country: Philippine pesos)
            continue
        yield _mismatch(ctx, anchor, ref, bases)


def _a_scale_slip(equivalent: Claim, bases: Sequence[_Basis]) -> bool:
    """Whether ``equivalent`` is some basis's expected amount off by a power of
    ten (within ``SCALE_SLIP_TOLERANCE``): evidence that the basis's reading is the
    one the writer meant."""
    for basis in bases:
        low, high = basis.expected.low, basis.expected.high
        if low is None or high is None or low <= 0:
            continue
        if power_of_ten(equivalent.value / ((low + high) / 2)) is not None:
            return True
    return False


def _mismatch(
    ctx: AuditContext, anchor: ClaimRef, ref: ClaimRef, bases: list[_Basis]
) -> Finding:
    """The finding for an equivalent no basis allows: the claims' own reading at the
    market rate in full (as it always read), then every other basis tried."""
    a, b = anchor.claim, ref.claim
    main = next((x for x in bases if x.name == "market"), bases[0])
    others = [x for x in bases if x is not main]
    implied = b.value / a.value if a.value else None
    gap = _rel_gap(main.expected, main.stated)
    conv = main.conversion
    details: dict[str, str | float | int | bool | None] = {
        **pair_details(a, b),
        "basis": main.name,
        "relative_gap": gap,
        "expected_low": main.expected.low,
        "expected_high": main.expected.high,
    }
    if conv is not None and conv.rates is not None:
        message, more = _market_message(a, b, main, conv, implied=implied, gap=gap)
        details.update(more)
    else:
        rate = main.stated_rate
        assert rate is not None  # a basis is the market or a stated rate
        # the implied rate read the way the article states its rate
        shown = (
            implied if implied is None or main.from_unit == rate.base else 1 / implied
        )
        message = (
            f"{b.text!r} restates {a.text!r} at {shown:.4g} {rate.quote} per "
            f"{rate.base}, but {main.describe(a, b)}: {b.text!r} allows "
            f"{format_interval(main.stated)}, {gap:.1%} off"
        )
        details.update({"implied_rate": shown, "dated": True})
    if others:
        message += "; also tried: " + "; ".join(x.describe(a, b) for x in others)
    tried = {x.name for x in bases}
    details["bases_tried"] = ", ".join(
        n for n in ("market", "stated", "period") if n in tried
    )
    readings = sorted({f"{x.from_unit}->{x.to_unit}" for x in bases})
    if len(readings) > 1:
        details["candidates_tried"] = ", ".join(readings)
    stated = next((x.stated_rate for x in bases if x.stated_rate is not None), None)
    if stated is not None:
        details["stated_rate"] = stated.rate
        details["stated_rate_text"] = stated.text
        details["stated_rate_line"] = stated.span.line
    period = next((x.period for x in bases if x.period is not None), None)
    if period is not None:
        details["period_start"] = period.start.isoformat()
        details["period_end"] = period.end.isoformat()
    finding = ctx.finding(
        "FC101",
        ref,
        message,
        related=[anchor],
        details=details,
        evidence=(f"{b.text!r} is stated as the equivalent of {a.text!r}",),
    )
    if conv is not None and not conv.dated:
        finding = _lowered(finding)
    return finding


def _market_message(
    a: Claim,
    b: Claim,
    main: _Basis,
    conv: Conversion,
    *,
    implied: float | None,
    gap: float,
) -> tuple[str, dict[str, str | float | int | bool | None]]:
    rates = conv.rates
    assert rates is not None
    at = rates.at
    shown_rate = at if at.rate >= 1 else at.inverse()
    implied_shown = (
        None if implied is None else (implied if at.rate >= 1 else 1 / implied)
    )
    when = (
        "" if conv.dated else " (no publication date: recent rates, so only a warning)"
    )
    reading = ""
    if (main.from_unit, main.to_unit) != (a.unit, b.unit):
        reading = f" (with {_readings(a, b, main.from_unit, main.to_unit)})"
    message = (
        f"{b.text!r} restates {a.text!r}{reading} at {implied_shown:.4g} "
        f"{shown_rate.quote} per {shown_rate.base}; the reference rate is "
        f"{shown_rate.rate:.4g} ({at.provider}, {at.rate_date.isoformat()}; "
        f"{rates.describe()}), so {format_interval(main.source)}{main.reading.reach} is "
        f"{format_interval(conv.result)} (tolerance {conv.tolerance:.2%}): {b.text!r} "
        f"allows {format_interval(main.stated)}, {gap:.1%} off; expected about "
        f"{format_amount(conv.value, main.to_unit)}{when}"
    )
    details: dict[str, str | float | int | bool | None] = {
        # rates read as the message reads them: quote per base, above 1
        "implied_rate": implied_shown,
        "reference_rate": shown_rate.rate,
        "rate_base": shown_rate.base,
        "rate_quote": shown_rate.quote,
        "rate_low": min(
            _shown(rates.low.rate, at.rate), _shown(rates.high.rate, at.rate)
        ),
        "rate_high": max(
            _shown(rates.low.rate, at.rate), _shown(rates.high.rate, at.rate)
        ),
        "rate_date": at.rate_date.isoformat(),
        "window_start": rates.start.isoformat(),
        "window_end": rates.end.isoformat(),
        "provider": at.provider,
        "expected_value": conv.value,
        "tolerance": conv.tolerance,
        "dated": conv.dated,
    }
    return message, details


def pair_details(a: Claim, b: Claim) -> dict[str, str | float | int | bool | None]:
    """The stated amount and its stated equivalent, for a finding's details."""
    return {
        "stated_value": a.value,
        "stated_unit": a.unit,
        "equivalent_value": b.value,
        "equivalent_unit": b.unit,
    }


def _shown(rate: float, at: float) -> float:
    """A rate the way the message shows it (inverted when the date's rate is < 1)."""
    return rate if at >= 1 else 1 / rate


def _lowered(finding: Finding) -> Finding:
    return attrs.evolve(
        finding, severity="warning" if finding.severity == "error" else "info"
    )


@rule(
    "FC102",
    "unit-conversion-mismatch",
    "error",
    "a stated unit equivalent disagrees",
    scope="document",
)
def unit_conversion_mismatch(ctx: AuditContext) -> Iterator[Finding]:
    """A stated unit equivalent disagrees ("100 miles (100 km)").

    *What it checks.* A quantity followed by its equivalent in another unit is
    converted exactly (pint); the equivalent must fall within its stated precision of
    the result, with the anchor read at its precision but never looser than ±2.5%.
    An amount restated in brackets in its own unit with other scale words ("Rs
    59,954.75 crore (Rs 5.99 lakh crore)", "15.54 lakh tonnes (1.55 million
    tonnes)") must fall within the restatement's precision of the amount. A rate
    restated per another unit ("$9.6 billion each day, or about $400 million an
    hour", "$10,702 a metric ton, or about $4.85 a pound") must be the same rate.

    *Why it matters.* Unit conversions are done by hand and slip: miles for
    kilometres, short tons for tonnes, a factor applied twice.

    *Example.*

        fires: The pipeline runs 100 miles (100 km) to the coast.
        silent: The pipeline runs 100 miles (161 km) to the coast.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    for anchor, ref in equivalents(ctx, "quantity"):
        a, b = anchor.claim, ref.claim
        source = ctx.anchor_interval(a)
        conv = ctx.convert(
            source, b.unit or "", kind="quantity", value=a.value, day=None
        )
        amount = _per_period_amount(a.unit)
        if conv is None and amount is not None:
            # "40 TWh a year, or 4,000 GWh": the restatement's "a year" is left
            # unsaid; it restates the amount of each year
            source = attrs.evolve(source, unit=amount)
            conv = ctx.convert(
                source, b.unit or "", kind="quantity", value=a.value, day=None
            )
        if conv is None:
            continue
        ctx.mark_checked(anchor, ref)
        stated = ctx.stated_interval(
            b, own_qualifier=_own_qualifier(anchor, ref), rounded=True
        )
        if conv.result.overlaps(stated) or _fits_another_customary(
            ctx, source, a, b, stated
        ):
            continue
        gap = _rel_gap(conv.result, stated)
        message = (
            f"{b.text!r} restates {a.text!r}, but {format_interval(source)} is "
            f"{format_interval(conv.result)} ({_unit_map(conv)}); "
            f"{b.text!r} allows {format_interval(stated)}, {gap:.1%} off"
        )
        yield ctx.finding(
            "FC102",
            ref,
            message,
            related=[anchor],
            details={
                **pair_details(a, b),
                "factor": conv.factor,
                "expected_value": conv.value,
                "expected_low": conv.result.low,
                "expected_high": conv.result.high,
                "relative_gap": gap,
            },
            evidence=(f"{b.text!r} is stated as the equivalent of {a.text!r}",),
        )
    yield from _per_unit_findings(ctx)
    yield from _rescaled_findings(ctx)


def _fits_another_customary(
    ctx: AuditContext, source: Interval, a: Claim, b: Claim, stated: Interval
) -> bool:
    """Whether the restatement fits when a unit that British and American measure
    differently is read the other way (imperial gallons for US ones)."""
    units = [
        (ua, ub)
        for ua in {a.unit, CUSTOMARY_VARIANTS.get(a.unit or "")} - {None}
        for ub in {b.unit, CUSTOMARY_VARIANTS.get(b.unit or "")} - {None}
        if (ua, ub) != (a.unit, b.unit)
    ]
    for ua, ub in units:
        conv = ctx.convert(
            attrs.evolve(source, unit=ua),
            ub or "",
            kind="quantity",
            value=a.value,
            day=None,
        )
        if conv is not None and conv.result.overlaps(attrs.evolve(stated, unit=ub)):
            return True
    return False


def _per_period_amount(unit: str | None) -> str | None:
    """The amount unit of a rate per a period ("terawatt_hour per year":
    "terawatt_hour"), or None."""
    amount, per, period = (unit or "").rpartition(" per ")
    return amount if per and period in PER_UNITS.values() else None


def _rescaled_findings(ctx: AuditContext) -> Iterator[Finding]:
    """FC102 on an amount restated in its own unit with other scale words."""
    for ref in ctx.refs:
        anchor = ctx.anchor_of(ref)
        if anchor is None or anchor.claim.unit != ref.claim.unit:
            continue
        a, b = anchor.claim, ref.claim
        if a.kind not in ("money", "quantity"):
            continue
        source = ctx.anchor_interval(a)
        stated = ctx.stated_interval(
            b, own_qualifier=_own_qualifier(anchor, ref), rounded=True
        )
        found = _restated_off(
            ctx,
            anchor,
            ref,
            expected=source,
            stated=stated,
            said=f"{b.text!r} restates {a.text!r} in other scale words, but "
            f"{a.text!r} is {format_interval(source)}",
            why=f"{b.text!r} is stated in brackets as {a.text!r} again",
        )
        if found is not None:
            yield found


def _restated_off(
    ctx: AuditContext,
    anchor: ClaimRef,
    ref: ClaimRef,
    *,
    expected: Interval,
    stated: Interval,
    said: str,
    why: str,
    **details: float,
) -> Finding | None:
    """FC102 when a restatement's interval misses the one its anchor gives (``said``
    opens the message with the arithmetic); None when they meet."""
    ctx.mark_checked(anchor, ref)
    if expected.overlaps(stated):
        return None
    a, b = anchor.claim, ref.claim
    gap = _rel_gap(expected, stated)
    return ctx.finding(
        "FC102",
        ref,
        f"{said}; {b.text!r} allows {format_interval(stated)}, {gap:.1%} off",
        related=[anchor],
        details={**pair_details(a, b), **details, "relative_gap": gap},
        evidence=(why,),
    )


#: the units a rate may be stated per: of time ("a day"), and of what is priced or
#: measured ("a metric ton", "per pound", "a litre")
_PER_UNIT_WORD = (
    r"(?P<u>(?i:second|minute|hour|day|week|month|year|metric[ \t]+ton(?:ne)?|tonne|ton|kilo(?:gram)?"
    r"|pound|ounce|gram|litre|liter|gallon|barrel|kilometre|kilometer|mile))"
)
#: after a rate's figure, its unit and the restatement's opening: "in trade each
#: day, or about ", " a day, or ", " a metric ton, or about "
_PER_THEN_OR = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,6}?[ \t\u00a0]+(?i:a|an|per|each|every)[ \t\u00a0]+"
    + _PER_UNIT_WORD
    # "€30 million a year net, roughly €850,000 a week": a word on the amount,
    # then "or", a qualifier, or both
    + r"(?:[ \t\u00a0]+(?i:net|gross))?(?:[ \t\u00a0]*,?[ \t\u00a0]+(?i:or"
    # "$211 million a year, which works out at roughly $6 million a week"
    r"|which[ \t\u00a0]+(?:works|comes)[ \t\u00a0]+out[ \t\u00a0]+(?:at|to)"
    r"|(?:the[ \t\u00a0]+)?equivalent[ \t\u00a0]+(?:of|to))"
    r"(?:[ \t\u00a0]+(?i:about|around|roughly|some|nearly|almost))?"
    r"|[ \t\u00a0]*,[ \t\u00a0]+(?i:about|around|roughly|some|nearly|almost))[ \t\u00a0]+$"
)
#: right after the restatement: its own unit
_PER_AFTER = regex.compile(
    r"^[ \t\u00a0]+(?i:a|an|per|each|every)[ \t\u00a0]+" + _PER_UNIT_WORD + r"\b"
)


#: units of time in seconds, with the calendar's average month and year
_TIME = {**SECONDS, "month": 2_629_800.0, "year": 31_557_600.0}


def _size_ratio(ua: str, ub: str) -> float | None:
    """How many of ``ua`` make one ``ub`` (a day in hours is 24; a pound in metric
    tons is 0.000454), for two units of time or two units of one dimension; None
    for units that do not convert."""
    if ua in _TIME and ub in _TIME:
        return _TIME[ub] / _TIME[ua]
    # "metric ton" is read by its pint name; "ton" alone is the short ton in news
    # from the United States and left out: which one is meant is not said
    names = {w: WORD_UNITS.get(w) for w in (ua, ub)}
    if ua == "ton" or ub == "ton" or None in names.values():
        return None
    try:
        return convert_quantity(1.0, names[ub] or "", names[ua] or "")
    except (ValueError, KeyError, TypeError):
        return None


def _per_unit_restatements(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, float]]:
    """(rate, its restatement, the factor between their units) for "$9.6 billion in
    trade each day, or about $400 million an hour" and "$10,702 a metric ton, or
    about $4.85 a pound": one amount per one unit, then the same per another."""
    from factcheck.rules.arithmetic import _sentences  # noqa: PLC0415

    for claims in _sentences(ctx):
        for a, b in itertools.pairwise(claims):
            ca, cb = a.claim, b.claim
            if ca.kind != cb.kind or ca.unit != cb.unit or ca.kind == "percent":
                continue
            text = a.document.prose
            m = _PER_THEN_OR.match(text[ca.span.end : cb.span.start])
            n = _PER_AFTER.match(text[cb.span.end : cb.span.end + 24])
            if m is None or n is None:
                continue
            ua = " ".join(m.group("u").lower().split())
            ub = " ".join(n.group("u").lower().split())
            factor = _size_ratio(ua, ub) if ua != ub else None
            if factor is not None:
                yield a, b, factor


def _per_unit_findings(ctx: AuditContext) -> Iterator[Finding]:
    """FC102 on a rate restated per another unit (of time, mass, volume, length)."""
    for anchor, ref, factor in _per_unit_restatements(ctx):
        a, b = anchor.claim, ref.claim
        source = ctx.anchor_interval(a)
        if source.low is None or source.high is None:
            continue
        expected = Interval(source.low * factor, source.high * factor, b.unit)
        found = _restated_off(
            ctx,
            anchor,
            ref,
            expected=expected,
            stated=ctx.stated_interval(b),
            said=f"{b.text!r} restates {a.text!r} per another unit: "
            f"{format_interval(source)} times {factor:.6g} is "
            f"{format_interval(expected)}",
            why=f"{b.text!r} restates the rate {a.text!r} per another unit",
            factor=factor,
            expected_low=source.low * factor,
            expected_high=source.high * factor,
        )
        if found is not None:
            yield found


def _unit_map(conv: Conversion) -> str:
    """The conversion in words: "1 mile = 1.60934 kilometer", or with its offset
    for a temperature ("degree_Fahrenheit = degree_Celsius × 1.8 + 32")."""
    source, target, factor = conv.from_unit, conv.to_unit, conv.factor or 0.0
    if conv.offset:
        sign = "+" if conv.offset > 0 else "-"
        return f"{target} = {source} × {factor:.6g} {sign} {abs(conv.offset):.6g}"
    return f"1 {source} = {factor:.6g} {target}"


@rule(
    "FC103",
    "internal-conflict",
    "error",
    "one document states the same fact two incompatible ways",
    scope="group",
)
def internal_conflict(ctx: AuditContext) -> Iterator[Finding]:
    """One document states the same fact two incompatible ways.

    *What it checks.* Two claims of one document that state one fact (their frames
    agree: holder, attribute, role, time, basis; see `factcheck explain FC201`) must
    both be able to hold, after conversion at the document's date. In one story every
    figure shares its subject, so two figures that name no holder of their own are one
    fact only when their clauses restate each other. A headline against
    its body ("756 million euros" vs "€746 million"), a figure against its own
    conversion elsewhere in the text ("R$58 million" for "12 trillion won").
    Figures listed side by side in one sentence in the same unit are parts of a list,
    not restatements, and are not compared.

    *Why it matters.* A reader cannot tell which of the two the outlet meant.

    *Example.* A headline against its body; two brands in one sentence.

        fires [2021-07-30]: Headline: Luxembourg fines Amazon 756 million euros over data protection.\\n\\nLuxembourg's regulator imposed a record €746 million fine on Amazon for data protection breaches.
        silent [2023-09-27]: Hyundai is recalling 1.64 million vehicles and Kia 1.73 million over fire risks.

    *Configuration.* Entity `aliases` under `[tool.factcheck]`; severity and on/off.
    """
    from factcheck.align.decide import far_in_one_report  # noqa: PLC0415
    from factcheck.align.thresholds import SAME_DOCUMENT_FAR  # noqa: PLC0415
    from factcheck.rules.cross_source import cap_severity, pair_level  # noqa: PLC0415

    pairs = [
        (a, b, g.decision(a, b), pair_level(g, a, b))
        for g in ctx.alignment.groups
        for i, a in enumerate(g.members)
        for b in g.members[i + 1 :]
        if a.doc_index == b.doc_index
    ]
    pairs += [
        (d.a, d.b, d, d.level)
        for d in ctx.alignment.possible
        if d.a.doc_index == d.b.doc_index
    ]
    for a, b, decision, judged in pairs:
        level = judged
        if a.claim.equivalent_of == b.claim.id or b.claim.equivalent_of == a.claim.id:
            continue
        evidence: tuple[str, ...] = ("one fact group",)
        if decision is None and far_in_one_report(a.claim, b.claim):
            # joined only through other reports' figures: the same bar as a pair
            # judged in one report, whose figures many times apart are a part and
            # its whole more often than a misprint (an info at most)
            level = "possible"
            evidence += (
                f"one report's figures {SAME_DOCUMENT_FAR:g} or more times apart",
            )
        if (
            a.claim.equivalent_of is not None
            and a.claim.equivalent_of == b.claim.equivalent_of
        ):
            continue
        same_sentence = a.claim.sentence == b.claim.sentence
        if same_sentence and a.claim.unit == b.claim.unit:
            continue
        comparison = ctx.compare(a, b)
        if comparison is None:
            continue
        ctx.mark_checked(a, b)
        if comparison.overlap:
            continue
        first, second = (a, b) if a.claim.span.start < b.claim.span.start else (b, a)
        finding = ctx.finding(
            "FC103",
            second,
            f"{'possibly the same fact (weak match): ' if level == 'possible' else ''}"
            f"{second.claim.text!r} and {first.claim.text!r} state the same fact in one "
            f"document but cannot both hold: {comparison.describe()}",
            related=[first],
            details=_comparison_details(comparison, 0),
            evidence=decision.evidence if decision is not None else evidence,
        )
        yield cap_severity(finding, level)


def _comparison_details(
    comparison: object, decades: int
) -> dict[str, str | float | int | bool | None]:
    from factcheck.normalize import Comparison  # noqa: PLC0415

    assert isinstance(comparison, Comparison)
    details: dict[str, str | float | int | bool | None] = {
        "relative_gap": comparison.relative_gap,
        "ratio": comparison.ratio,
        "unit": comparison.unit,
        "decades_apart": decades,
    }
    conv = comparison.conversion
    if conv is not None and conv.rates is not None:
        at = conv.rates.at
        details.update(
            {
                "reference_rate": at.rate,
                "rate_base": at.base,
                "rate_quote": at.quote,
                "rate_date": at.rate_date.isoformat(),
                "provider": at.provider,
                "tolerance": conv.tolerance,
                "implied_rate": comparison.implied_rate,
            }
        )
    return details
