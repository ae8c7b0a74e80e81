"""The figures a finding carries for a picture of it: each claim's allowed interval,
converted into one unit so that claims in yuan, dollars or miles can stand on one
number line (the HTML report draws it).

The common unit of a finding is the unit or currency of the claim the finding is on;
the claims it relates to are converted into it at their own document's date (money:
over the rate window, plus tolerance, as every rule converts). A claim that does not
convert (a count beside money, percent beside points) carries no figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from factcheck.model import Location

if TYPE_CHECKING:
    from factcheck.align import ClaimRef
    from factcheck.rules.context import AuditContext


def locate(ctx: AuditContext, ref: ClaimRef, unit: str | None) -> Location:
    """Where a claim stands (:meth:`AuditContext.location`), with its stated value
    and allowed interval in ``unit``; the figure fields stay None when the claim
    cannot be put in ``unit``."""
    location = ctx.location(ref)
    claim = ref.claim
    if claim.unit == unit:
        return attrs.evolve(
            location, value=claim.value, low=claim.low, high=claim.high, unit=unit
        )
    if unit is None:
        return location
    conversion = ctx.convert(
        claim.interval,
        unit,
        kind=claim.kind,
        value=claim.value,
        day=ref.document.published,
    )
    if conversion is None or conversion.value is None:
        return location
    return attrs.evolve(
        location,
        value=conversion.value,
        low=conversion.result.low,
        high=conversion.result.high,
        unit=unit,
    )
