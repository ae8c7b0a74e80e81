"""FC4xx: hints that explain a conflict found by another rule."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import attrs

from factcheck.align import ClaimRef
from factcheck.model import Claim, Finding, Interval
from factcheck.normalize import Conversion, format_amount
from factcheck.normalize.stated_rates import StatedRate, fitting_rate, rates_for
from factcheck.rules.context import (
    OPEN_END_FACTOR,
    SCALE_SLIP_TOLERANCE,
    AuditContext,
    power_of_ten,
)
from factcheck.rules.conversion import document_rates
from factcheck.rules.registry import rule

#: rates a writer might have used instead of looking one up
_ROUND = (1.0, 2.0, 5.0, 10.0, 100.0, 1000.0, 0.1, 0.01, 0.001)


@attrs.frozen(kw_only=True)
class BoundHint:
    """A lower bound that reads as a slipped scale word: the message and its numbers."""

    message: str
    details: dict[str, str | float | int | bool | None]


def _figure(interval: Interval) -> float | None:
    """The point an aligned figure stands at: its midpoint, or its one closed end."""
    if interval.low is not None and interval.high is not None:
        return (interval.low + interval.high) / 2
    return interval.low if interval.low is not None else interval.high


def understated_bound(
    a_claim: Claim,
    a_interval: Interval,
    b_interval: Interval,
    *,
    b_text: str | None = None,
) -> BoundHint | None:
    """A hint when "over B" stands a power of ten below the figure it is aligned with.

    "would have raised over $3 billion" for a $35 billion listing is true as written
    and no conflict rule can flag it, but it is a scale word slipped: restored ("over
    $30 billion") the bound fits the figure. The hint fires when some ``B * 10**k``
    (k >= 1) lies within :data:`SCALE_SLIP_TOLERANCE` below the figure, or above it by
    no more than an open end reaches (``OPEN_END_FACTOR``, as for "more than X" read
    against another amount).

    Args:
        a_claim: the claim with the bound (qualifier ``gt`` or ``ge``).
        a_interval: its interval in the unit of the comparison (``low`` is the bound).
        b_interval: the aligned figure's interval, in the same unit.
        b_text: how the figure was printed, for the message.

    >>> from factcheck import extract
    >>> (a,) = extract("The listing would have raised over $3 billion.")
    >>> hint = understated_bound(a, a.interval, Interval(34.5e9, 35.5e9, "USD"),
    ...                          b_text="$35 billion")
    >>> print(hint.message)  # doctest: +NORMALIZE_WHITESPACE
    '$3 billion' is stated as more than 3 billion USD, 10^1 below '$35 billion'
    (35 billion USD / 3 billion USD = 11.67); more than 30 billion USD would fit:
    a scale word dropped?
    """
    if a_claim.qualifier not in ("gt", "ge") or a_interval.unit != b_interval.unit:
        return None
    bound, figure = a_interval.low, _figure(b_interval)
    if bound is None or figure is None or bound <= 0 or figure <= bound:
        return None
    ratio = figure / bound
    k = math.floor(math.log10(ratio * (1 + SCALE_SLIP_TOLERANCE)))
    if k < 1:
        return None
    restored = bound * 10**k
    if (
        not restored * (1 - SCALE_SLIP_TOLERANCE)
        <= figure
        <= restored * OPEN_END_FACTOR
    ):
        return None
    unit = a_interval.unit
    shown = b_text or format_amount(figure, unit)
    words = "more than" if a_claim.qualifier == "gt" else "at least"
    message = (
        f"{a_claim.text!r} is stated as {words} {format_amount(bound, unit)}, 10^{k} "
        f"below {shown!r} ({format_amount(figure, unit)} / {format_amount(bound, unit)}"
        f" = {ratio:.4g}); {words} {format_amount(restored, unit)} would fit: a scale "
        "word dropped?"
    )
    return BoundHint(
        message=message,
        details={
            "bound": bound,
            "figure": figure,
            "ratio": ratio,
            "power_of_ten": k,
            "restored_bound": restored,
            "unit": unit,
        },
    )


@rule(
    "FC401",
    "scale-slip",
    "info",
    "a conflict off by a power of ten, or an implied rate that is a round number",
    scope="group",
)
def scale_slip(ctx: AuditContext) -> Iterator[Finding]:
    """A conflict off by a power of ten, or an implied rate that is a round number.

    *What it checks.* For every stated currency equivalent, and every pair of aligned
    claims, the ratio between the stated figure and the expected one. A ratio near a
    power of ten (1,000; 1,000,000,000) points at a dropped or doubled scale word
    ("2.78 dollars" for 2.78 billion); an implied exchange rate that is a round
    number (10.0 yuan per dollar) points at a rate assumed rather than looked up.

    A lower bound a power of ten below a figure of the same fact ("would have
    raised over $3 billion" for a $35 billion listing) is true as written, so no
    conflict rule flags it; the hint says that "over $30 billion" would fit (run on
    the pairs of a fact group: :func:`understated_bound_findings`).

    A conversion made at a rate the article states ("at Rs 70 to the dollar") is
    no slip: FC101 accepts it, and this hint says how far the stated rate stands
    from the reference rate of the day, when the reference rate would not give the
    printed figure (info: the figures agree with the article's own rate, and a
    house or historical rate is the writer's choice to make, not an error).

    *Why it matters.* It tells the editor what kind of slip to look for, not only
    that something is wrong.

    *Example.* A hint beside FC101: 10.0 yuan per dollar is a round rate.

        fires [2025-02-24]: Alibaba will invest over 380 billion yuan, equivalent to approximately $38 billion.
        silent [2025-02-24]: Alibaba will invest more than 380 billion yuan (US$52.4 billion).

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    rates_of: dict[int, tuple[StatedRate, ...]] = {}
    for ref in ctx.refs:
        anchor = ctx.anchor_of(ref)
        if (
            anchor is None
            or ref.claim.kind != "money"
            or anchor.claim.unit == ref.claim.unit
        ):
            continue
        a, b = anchor.claim, ref.claim
        conv = ctx.convert(
            ctx.anchor_interval(a),
            b.unit or "",
            kind="money",
            value=a.value,
            day=ref.document.published,
        )
        if conv is None or not conv.value or not a.value:
            continue
        if ref.doc_index not in rates_of:
            rates_of[ref.doc_index] = document_rates(ctx, ref.doc_index)
        own = b.qualifier is not None and b.qualifier != a.qualifier
        stated = ctx.stated_interval(b, own_qualifier=own)
        at_stated = fitting_rate(
            rates_for(rates_of[ref.doc_index], a.unit or "", b.unit or ""),
            ctx.anchor_interval(a),
            stated,
        )
        if at_stated is not None:
            # the writer converted at the rate they print: no slip to hint at, but
            # say how far that rate stands from the market's when the market's
            # rate would not give the figure
            if not conv.result.overlaps(stated):
                yield _off_market(ctx, anchor, ref, at_stated[0], conv)
            continue
        ratio = b.value / conv.value
        k = power_of_ten(ratio)
        implied = b.value / a.value
        shown = implied if implied >= 1 else 1 / implied
        round_rate = next((r for r in _ROUND if abs(shown / r - 1) <= 0.005), None)
        if k is not None:
            yield ctx.finding(
                "FC401",
                ref,
                f"{b.text!r} is off by a factor of 10^{k} from {a.text!r} converted "
                f"(expected about {conv.value:.4g} {b.unit}): a scale word dropped or added?",
                related=[anchor],
                details={"ratio": ratio, "power_of_ten": k},
            )
        elif round_rate is not None and abs(ratio - 1) > 0.05:
            reference = conv.value / a.value
            ref_shown = reference if implied >= 1 else 1 / reference
            per = (b.unit, a.unit) if implied >= 1 else (a.unit, b.unit)
            yield ctx.finding(
                "FC401",
                ref,
                f"{b.text!r} implies a round rate of {shown:.4g} {per[0]} per {per[1]}; "
                f"the reference is {ref_shown:.4g} {per[0]} per {per[1]}: a rate assumed "
                "rather than looked up?",
                related=[anchor],
                details={
                    "implied_rate": shown,
                    "round_rate": round_rate,
                    "reference_rate": ref_shown,
                    "rate_base": per[1],
                    "rate_quote": per[0],
                },
            )
    for group in ctx.alignment.groups:
        for i, ra in enumerate(group.members):
            for rb in group.members[i + 1 :]:
                if ctx.anchor_of(ra) is rb or ctx.anchor_of(rb) is ra:
                    continue  # the first loop judged this conversion
                comparison = ctx.compare(ra, rb)
                if comparison is None or comparison.ratio is None or comparison.overlap:
                    continue
                k = power_of_ten(comparison.ratio)
                if k is None:
                    continue
                decision = group.decision(ra, rb)
                yield ctx.finding(
                    "FC401",
                    rb,
                    f"{rb.claim.text!r} and {ra.claim.text!r} differ by a factor of about "
                    f"10^{abs(k)} (ratio {comparison.ratio:.4g}): a scale word dropped or added?",
                    related=[ra],
                    details={"ratio": comparison.ratio, "power_of_ten": k},
                    evidence=decision.evidence if decision else (),
                )
    # "would have raised over $3 billion" against a $35 billion IPO: a lower bound
    # a power of ten below the figure it states
    pairs = [
        (ra, rb, g.decision(ra, rb))
        for g in ctx.alignment.groups
        for i, ra in enumerate(g.members)
        for rb in g.members[i + 1 :]
    ]
    pairs += [(d.a, d.b, d) for d in ctx.alignment.possible if d.level == "probable"]
    for ra, rb, decision in pairs:
        yield from understated_bound_findings(
            ctx, ra, rb, evidence=decision.evidence if decision else ()
        )


def _off_market(
    ctx: AuditContext,
    anchor: ClaimRef,
    ref: ClaimRef,
    rate: StatedRate,
    conv: Conversion,
) -> Finding:
    """FC401 (info): an equivalent made at the article's stated rate, far from the
    reference rate of the day."""
    a, b = anchor.claim, ref.claim
    rates = conv.rates
    assert rates is not None
    at = rates.at if rates.at.base == rate.base else rates.at.inverse()
    distance = rate.rate / at.rate - 1
    return ctx.finding(
        "FC401",
        ref,
        f"{b.text!r} restates {a.text!r} at the rate the article states, "
        f"{rate.describe()}; the reference rate was {at.rate:.6g} {at.quote} per "
        f"{at.base} ({at.provider}, {at.rate_date.isoformat()}), so the stated rate "
        f"is {distance:+.1%} from it ({format_amount(a.value, a.unit)} at the "
        f"reference rate is about {format_amount(conv.value, b.unit)})",
        related=[anchor],
        details={
            "stated_rate": rate.rate,
            "stated_rate_text": rate.text,
            "stated_rate_line": rate.span.line,
            "reference_rate": at.rate,
            "rate_base": at.base,
            "rate_quote": at.quote,
            "rate_date": at.rate_date.isoformat(),
            "provider": at.provider,
            "relative_distance": distance,
        },
        evidence=(f"{b.text!r} is stated as the equivalent of {a.text!r}",),
    )


def understated_bound_findings(
    ctx: AuditContext, ra: ClaimRef, rb: ClaimRef, *, evidence: Sequence[str] = ()
) -> Iterator[Finding]:
    """FC401 on an aligned pair (either order) where one side is "over B" a power of
    ten below the other (:func:`understated_bound`); ``evidence`` says why the two
    were aligned. Call it for every pair of one fact group: the word-overlap
    candidates of today's aligner pair a revenue "more than $100 million" with a
    "€10B" valuation, so it is not run over them."""
    for low_ref, other in ((ra, rb), (rb, ra)):
        if low_ref.claim.qualifier not in ("gt", "ge"):
            continue
        comparison = ctx.compare(low_ref, other)
        if comparison is None or not comparison.overlap:
            continue  # a conflict is the other rules' to report
        hint = understated_bound(
            low_ref.claim, comparison.a, comparison.b, b_text=other.claim.text
        )
        if hint is not None:
            yield ctx.finding(
                "FC401",
                low_ref,
                hint.message,
                related=[other],
                details=hint.details,
                evidence=evidence,
            )
