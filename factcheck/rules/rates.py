"""FC104: the rates conversions imply, against each other where no reference rate
can test them."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

import attrs

from factcheck.align import ClaimRef
from factcheck.model import Finding
from factcheck.rules.context import (
    RATE_DAYS,
    RATE_FACTOR,
    AuditContext,
)
from factcheck.rules.conversion import equivalents, pair_details, tested
from factcheck.rules.registry import rule


@attrs.frozen(kw_only=True)
class Converted:
    """A stated equivalent and the rate it implies, as units of ``quote`` per unit
    of ``base`` (the pair's currencies in code order), from ``low`` to ``high``."""

    anchor: ClaimRef
    ref: ClaimRef
    base: str
    quote: str
    low: float
    high: float

    @property
    def shown(self) -> tuple[float, str, str]:
        """The implied rate as a message shows it: above 1, (rate, quote, base)."""
        mid = (self.low * self.high) ** 0.5
        return (
            (mid, self.quote, self.base)
            if mid >= 1
            else (1 / mid, self.base, self.quote)
        )

    def describe(self) -> str:
        rate, quote, base = self.shown
        doc = self.ref.document
        when = doc.published.isoformat() if doc.published else "no date"
        return (
            f"{self.ref.claim.text!r} restates {self.anchor.claim.text!r} at "
            f"{rate:.4g} {quote} per {base} ({doc.outlet or doc.path}, {when})"
        )


def _implied(ctx: AuditContext, anchor: ClaimRef, ref: ClaimRef) -> Converted | None:
    """The rate a stated equivalent implies, the anchor read as FC101 reads it
    (:meth:`~factcheck.rules.context.AuditContext.anchor_interval`: a writer
    converts the figure they print), the equivalent at its own precision; None for
    an open equivalent ("more than $2 billion") or one whose currency is one of
    several readings (a "$" an outlet's country leaves open). An anchor's currency
    is the one its report reads ("Rs" in a Sri Lankan paper): two reports are
    compared only when they read one pair."""
    a, b = anchor.claim, ref.claim
    if a.unit is None or b.unit is None or b.unit_candidates:
        return None
    if b.low is None or b.high is None or b.low <= 0:
        return None
    iv = ctx.anchor_interval(a)
    a_low, a_high = iv.low, iv.high
    if a_low is None or a_high is None or a_low <= 0:
        return None
    low, high = b.low / a_high, b.high / a_low
    if a.unit < b.unit:
        return Converted(
            anchor=anchor, ref=ref, base=a.unit, quote=b.unit, low=low, high=high
        )
    return Converted(
        anchor=anchor, ref=ref, base=b.unit, quote=a.unit, low=1 / high, high=1 / low
    )


def _apart(x: Converted, y: Converted) -> float:
    """How many times apart two implied rates stand beyond their precision (1.0 when
    their ranges meet)."""
    return max(x.low / y.high, y.low / x.high, 1.0)


@rule(
    "FC104",
    "conversions-disagree",
    "warning",
    "two conversions of one currency imply rates that cannot both be right",
    scope="audit",
)
def conversions_disagree(ctx: AuditContext) -> Iterator[Finding]:
    """Two conversions of one currency imply rates that cannot both be right.

    *What it checks.* Every stated equivalent implies a rate ("1.47 billion taka
    ($134m)" implies 10.97 taka per dollar). Where no reference rate can test a
    conversion (the ECB publishes no rate for the taka, the Sri Lankan rupee or the
    naira; FC101 is silent then), the conversions of one pair of currencies in
    reports of one news cycle (`RATE_DAYS`) are compared with each other: rates at
    least `RATE_FACTOR` times apart, beyond each figure's precision, cannot both be
    right. A conversion that disagrees with others that agree among themselves is
    the one flagged; of two that disagree, the later one, with the other beside it.

    *Why it matters.* A scale word dropped or a rate inverted ("Tk 147 crore (about
    $13.3 million)" in one report, "$134m" in another) leaves nothing to check
    against where the reference has no rate; the other conversions are the check.
    Currencies move within a news cycle, but not twofold (a devaluation aside), and
    a "$" that is another country's dollar carries its candidate readings and is
    not compared.

    *Example.* The ECB has no rate for the taka; 110 taka bought a dollar in
    October 2023. Documents are separated by ``||``.

        fires [2023-10-03]: Dhaka's city corporations set aside Tk 147 crore (about $13.3 million) to fight dengue. || Dhaka's two city corporations budgeted 1.47 billion taka ($134m) for mosquito control.
        silent [2023-10-03]: Dhaka's city corporations set aside Tk 147 crore (about $13.3 million) to fight dengue. || Dhaka's two city corporations budgeted 1.47 billion taka ($13.4m) for mosquito control.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    quoted = ctx.provider.currencies()
    by_pair: dict[tuple[str, str], list[Converted]] = defaultdict(list)
    for anchor, ref in equivalents(ctx, "money"):
        conv = _implied(ctx, anchor, ref)
        # a pair the reference quotes is FC101's to test
        if conv is not None and not {conv.base, conv.quote} <= quoted:
            by_pair[(conv.base, conv.quote)].append(conv)
    for convs in by_pair.values():
        if len(convs) < 2:
            continue
        convs.sort(key=_order)
        near = _cycles(convs)
        agree = [
            sum(1 for j in near[i] if _apart(x, convs[j]) < RATE_FACTOR)
            for i, x in enumerate(convs)
        ]
        for i, x in enumerate(convs):
            against = [
                j
                for j in near[i]
                if j != i
                and _apart(x, convs[j]) >= RATE_FACTOR
                # the one flagged agrees with fewer; of a lone pair, the later
                and (agree[i] < agree[j] or (agree[i] == agree[j] and j < i))
            ]
            if not against:
                continue
            others = [convs[j] for j in against]
            if any(tested(ctx, c.anchor, c.ref) for c in (x, *others)):
                continue  # FC101 has a reference to test them against
            yield _finding(ctx, x, others)


def _cycles(convs: list[Converted]) -> list[range | list[int]]:
    """For each conversion (sorted by :func:`_order`), the indexes of those of one
    news cycle with it: published at most ``RATE_DAYS`` apart, found by bisection
    (a report with no date is of every cycle). Near-linear for an archive: each
    conversion meets only its own weeks."""
    undated = [i for i, c in enumerate(convs) if c.ref.document.published is None]
    days = [
        c.ref.document.published.toordinal()
        for c in convs
        if c.ref.document.published is not None
    ]
    first = len(undated)  # the undated sort first ("" before any date)
    out: list[range | list[int]] = []
    for c in convs:
        day = c.ref.document.published
        if day is None:
            out.append(range(len(convs)))
            continue
        lo = bisect.bisect_left(days, day.toordinal() - RATE_DAYS)
        hi = bisect.bisect_right(days, day.toordinal() + RATE_DAYS)
        out.append([*undated, *range(first + lo, first + hi)])
    return out


def _order(c: Converted) -> tuple[str, str, int]:
    doc = c.ref.document
    return (
        doc.published.isoformat() if doc.published else "",
        doc.path,
        c.ref.claim.span.start,
    )


def _finding(ctx: AuditContext, x: Converted, others: list[Converted]) -> Finding:
    y = others[0]
    factor = _apart(x, y)
    message = (
        f"{x.describe()}, but {y.describe()}: the rates stand {factor:.3g} times "
        f"apart beyond the figures' precision (flagged from {RATE_FACTOR:g} times, "
        f"reports within {RATE_DAYS} days), so they cannot both be right; no "
        f"reference rate tests {x.base}/{x.quote} here"
    )
    if len(others) > 1:
        message += "; also " + "; ".join(o.describe() for o in others[1:])
    rate, quote, base = x.shown
    other_rate = y.shown[0] if y.shown[1:] == (quote, base) else 1 / y.shown[0]
    details: dict[str, str | float | int | bool | None] = {
        **pair_details(x.anchor.claim, x.ref.claim),
        "implied_rate": rate,
        "other_implied_rate": other_rate,
        "rate_base": base,
        "rate_quote": quote,
        "factor": factor,
        "rate_factor": RATE_FACTOR,
        "rate_days": RATE_DAYS,
    }
    return ctx.finding(
        "FC104",
        x.ref,
        message,
        related=[x.anchor, *(o.ref for o in others)],
        details=details,
        evidence=(
            f"{x.ref.claim.text!r} and {y.ref.claim.text!r} each restate an amount "
            f"in {x.base if x.anchor.claim.unit == x.base else x.quote}",
        ),
    )
