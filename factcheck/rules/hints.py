"""FC4xx: hints that explain a conflict found by another rule."""

from __future__ import annotations

import math
from collections.abc import Iterator

from factcheck.model import Finding
from factcheck.rules.context import AuditContext
from factcheck.rules.registry import rule

#: rates a writer might have used instead of looking one up
_ROUND = (1.0, 2.0, 5.0, 10.0, 100.0, 1000.0, 0.1, 0.01, 0.001)


def _power_of_ten(ratio: float) -> int | None:
    """k if ratio is within 15% of 10**k (k != 0), else None."""
    if ratio <= 0:
        return None
    k = round(math.log10(ratio))
    if k == 0:
        return None
    return k if abs(ratio / 10**k - 1) <= 0.15 else None


@rule(
    "FC401",
    "scale-slip",
    "info",
    "a conflict off by a power of ten, or an implied rate that is a round number",
)
def scale_slip(ctx: AuditContext) -> Iterator[Finding]:
    """A conflict off by a power of ten, or an implied rate that is a round number.

    *What it checks.* For every stated currency equivalent, and every pair of aligned
    claims, the ratio between the stated figure and the expected one. A ratio near a
    power of ten (1,000; 1,000,000,000) points at a dropped or doubled scale word
    ("2.78 dollars" for 2.78 billion); an implied exchange rate that is a round
    number (10.0 yuan per dollar) points at a rate assumed rather than looked up.

    *Why it matters.* It tells the editor what kind of slip to look for, not only
    that something is wrong.

    *Example.* A hint beside FC101: 10.0 yuan per dollar is a round rate.

        fires [2025-02-24]: Alibaba will invest over 380 billion yuan, equivalent to approximately $38 billion.
        silent [2025-02-24]: Alibaba will invest more than 380 billion yuan (US$52.4 billion).

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
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
        ratio = b.value / conv.value
        k = _power_of_ten(ratio)
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
                k = _power_of_ten(comparison.ratio)
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
