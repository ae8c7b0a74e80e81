"""What every rule reads: the claims of the audit, how they align, and the tools to
convert and compare them. Built once per audit by :func:`build_context`."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

import attrs
import regex

from factcheck.align import (
    Aligner,
    Alignment,
    ClaimRef,
    FrameAligner,
    claim_refs,
)
from factcheck.align.phrases import FALL_WORDS, RISE_WORDS
from factcheck.errors import RateUnavailableError, UnitError
from factcheck.model import (
    DEFAULT_APPROX_TOLERANCE,
    Claim,
    Extraction,
    Finding,
    Interval,
    Kind,
    Location,
)
from factcheck.normalize import (
    Comparison,
    Conversion,
    NormalizeOptions,
    RateProvider,
    candidate_units,
    compare_intervals,
    convert_interval,
    default_provider,
    format_interval,
)
from factcheck.normalize.slips import significant_digits

if TYPE_CHECKING:
    from factcheck.normalize.periods import Period
    from factcheck.normalize.stated_rates import StatedRate

#: how loose the anchor of a stated equivalent may be read: a writer converts the
#: figure they print, so "1 trillion won ($770 million)" is read as 1 trillion ± 2.5%,
#: not as anything from 0.5 to 1.5 trillion
ANCHOR_PRECISION_CAP = 0.025
#: extra slack when a compared figure is itself a conversion ("$52.4 billion" and
#: "$53 billion" both restating 380 billion yuan at slightly different rates)
DERIVED_SLACK = 0.015
#: a stated "equivalent" printed to at least this many significant digits, beside
#: a figure at least SOURCE_PRECISION_RATIO times coarser (relative to its value),
#: is the source figure, not a conversion: "$5.7 billion (Rs 43,574 crore)" copies
#: the company's rupee amount, which gets no conversion slack
SOURCE_FIGURE_DIGITS = 4
SOURCE_PRECISION_RATIO = 10.0
#: extra slack on a currency conversion between two outlets' figures: either may have
#: converted on the day of the event rather than of publication, or at a bank's rate
CROSS_SOURCE_FX_SLACK = 0.03
#: FC104: two conversions of one pair of currencies whose implied rates stand at
#: least this many times apart, beyond each figure's precision, cannot both be right
#: (a scale word dropped, a rate inverted); a currency moves less within a news
#: cycle (a devaluation aside), and so does a dollar of a neighbouring country
#: (Canada's, Singapore's) read as the US dollar
RATE_FACTOR = 2.0
#: ... compared between reports at most this many days apart (one news cycle): a
#: rate months earlier may have been another
RATE_DAYS = 30
#: how near a power of ten a ratio must stand to read as a slipped scale word: 15%
#: holds the rounding of both figures and a rate, and keeps ratios such as 7 or 13 out
SCALE_SLIP_TOLERANCE = 0.15


def power_of_ten(ratio: float) -> int | None:
    """k if ratio is within SCALE_SLIP_TOLERANCE of 10**k (k != 0), else None."""
    if ratio <= 0:
        return None
    k = round(math.log10(ratio))
    if k == 0:
        return None
    return k if abs(ratio / 10**k - 1) <= SCALE_SLIP_TOLERANCE else None


#: how many sentences holding figures before a list the text says is all there is
#: its whole may stand: "The council approved a £412 million budget. Spending is up
#: 4.6% on last year's £394 million. The budget is split three ways. Care gets
#: £198 million, ..., and the remaining £77 million ..." (one a change's base, one
#: the count of the parts)
CLOSED_LIST_WHOLE_REACH = 3

#: how far two reports' magnitudes of one earthquake may lie apart: agencies (the
#: USGS, a national bureau) and scales (moment, surface-wave) differ by a tenth or
#: two, and reports cite any of them ("7.9" and "8.0" for one quake)
MAGNITUDE_AGENCY_SPREAD = 0.2
#: how loose a share in words is read ("a quarter", "two-thirds", "one in seven"): a
#: writer picks the nearest simple fraction, so "one in seven" says 13-16%, "a quarter"
#: 22.5-27.5%; relative to the fraction, beyond its qualifier
FRACTION_WORD_TOLERANCE = 0.1
#: how far beyond its figure "more than X" may reach when it restates another amount
OPEN_END_FACTOR = 1.5
#: how far after a margin over a side named by words that side's own figure may
#: stand, in characters ("$16 million more than runners-up France, who got $30
#: million"); beyond it the figure is another clause's
NAMED_SIDE_REACH = 80
#: a runner-up's time stands at most this share above the winner's ("second in
#: 2:06:51" after a winning 2:04:26 is 1.9% slower): a time farther off is another
#: race's (a women's 2:11:53 beside a men's 2:02:42 is 7% apart), so a gap
#: "behind" is measured only from one earlier time this near
RUNNER_UP_SPREAD = 0.05
#: how near in size a bare number must stand to the figure before it to share its
#: unsaid unit in a comparison ("reached 50.5 degrees, 0.4 degrees short of Onslow's
#: 50.7"): within a factor of two either way; a number farther off counts something
#: else
ELIDED_UNIT_SIZE = (0.5, 2.0)
#: a part hedged by "about" and printed to at least this many significant digits
#: ("about $20.9 billion") is read to within one unit of its last digit in a
#: breakdown, not the hedge's relative width: a writer who prints three digits
#: means them
PRECISE_HEDGE_DIGITS = 3
#: "more than $2 billion (€1.97 billion)": a pair that bounds one true amount from
#: below, which the writer rounds down to its figure ($2.08 billion as "more than $2
#: billion") while the equivalent converts the true amount; the pair's figure reaches
#: this share beyond itself (below it for "less than")
SHARED_BOUND_REACH = 0.1
#: "A$24.5 billion ($16.9 billion) at the time": a conversion of an earlier moment
#: is checked against every rate of this many days before the report (a deal's first
#: offer, a price months ago); older moments are named with their year
AT_THE_TIME_DAYS = 365
#: "11 billion dollars, about 82 billion kroner": an "about" on an equivalent says
#: the writer rounded the conversion they made, not that it may be 5% off; it
#: allows its printed precision and this share more (a rate rounded before use)
ROUNDED_EQUIVALENT = 0.02
#: how loose a round figure is read when sources are compared: "700 km" read as
#: rounded to the hundred would allow 650-750, yet outlets print a car's range, a
#: funding round or a count as the figure itself; a bare round figure allows its
#: last digit's half-step but never more than this share of its value (an outlet
#: that rounds 668 writes "about 670" or "nearly 700")
ROUND_FIGURE_CAP = 0.03
#: a figure cut at its last digit rather than rounded: "Rs 5.53 lakh crore" for Rs
#: 5,53,722 crore, "49.9%" for 49.97%. Outlets truncate as often as they round, so an
#: exact figure no coarser than this share of its value (three significant digits or
#: more) may stand for anything up to one step of its last digit above it
TRUNCATED_STEP = 0.01


@attrs.frozen(kw_only=True)
class AuditSettings:
    """The knobs of an audit (see ``factcheck.toml``)."""

    normalize: NormalizeOptions = attrs.field(factory=NormalizeOptions)
    anchor_precision_cap: float = ANCHOR_PRECISION_CAP
    derived_slack: float = DERIVED_SLACK
    cross_source_fx_slack: float = CROSS_SOURCE_FX_SLACK
    aliases: dict[str, tuple[str, ...]] = attrs.field(factory=dict)


@attrs.define(kw_only=True)
class AuditContext:
    """Everything a rule may read. Rules must not mutate it."""

    extractions: tuple[Extraction, ...]
    refs: tuple[ClaimRef, ...]
    alignment: Alignment
    provider: RateProvider
    settings: AuditSettings
    by_key: dict[tuple[int, str], ClaimRef]
    checked: set[tuple[int, str]] = attrs.field(factory=set)
    #: results rules share within one audit (computed once, read by several rules)
    memo: dict[str, object] = attrs.field(factory=dict)
    #: documents under review (drafts); empty when every document is reviewed
    drafts: frozenset[int] = frozenset()
    #: rules switched off in this audit (config): a rule may leave a case to another
    #: rule only while that rule is on ("FC202 off" must not silence FC201)
    disabled: frozenset[str] = frozenset()
    #: the paths of the source documents that hold claims, when the context holds
    #: only part of an audit (an Auditor's check); None: the sources among ``refs``
    source_paths: tuple[str, ...] | None = None
    _usd_rates: dict[tuple[str, dt.date | None], float | None] = attrs.field(
        factory=dict
    )
    _stated: dict[int, tuple[StatedRate, ...]] = attrs.field(factory=dict)
    #: per document, the flow periods its sentences name, by sentence start
    _periods: dict[int, tuple[tuple[int, Period], ...]] = attrs.field(factory=dict)
    _comparisons: dict[tuple[tuple[int, str], tuple[int, str]], Comparison | None] = (
        attrs.field(factory=dict)
    )

    @property
    def options(self) -> NormalizeOptions:
        """Rate window and tolerances."""
        return self.settings.normalize

    def ref(self, doc_index: int, claim_id: str) -> ClaimRef:
        """The claim ``claim_id`` of document ``doc_index``."""
        return self.by_key[(doc_index, claim_id)]

    def anchor_of(self, ref: ClaimRef) -> ClaimRef | None:
        """The claim this one restates ("380 billion yuan" for "(US$52.4 billion)")."""
        if ref.claim.equivalent_of is None:
            return None
        return self.by_key.get((ref.doc_index, ref.claim.equivalent_of))

    def mark_checked(self, *refs: ClaimRef) -> None:
        """Count claims some rule could test (the report's ``checked``)."""
        self.checked.update(r.key for r in refs)

    def convert(
        self,
        interval: Interval,
        to_unit: str,
        *,
        kind: str,
        value: float | None,
        day: dt.date | None,
    ) -> Conversion | None:
        """``interval`` in ``to_unit`` at ``day``, or None if no rate or unit map."""
        try:
            return _convert(
                self.provider,
                options=self.options,
                interval=interval,
                to_unit=to_unit,
                kind=kind,
                value=value,
                day=day,
            )
        except (RateUnavailableError, UnitError, ValueError):
            return None

    def stated_interval(
        self, claim: Claim, *, own_qualifier: bool = True, rounded: bool = False
    ) -> Interval:
        """The interval a stated equivalent allows; with ``own_qualifier=False`` only
        its stated precision (a qualifier inherited from the pair applies to both
        sides alike). An open end is closed at ``OPEN_END_FACTOR``: "more than $2.78"
        for 2.78 billion is a slip, not a true statement. With ``rounded``, the
        writer's own conversion is checked: its "about" allows its printed precision
        and ``ROUNDED_EQUIVALENT``, not the 5% of a figure reported from elsewhere."""
        # "about" either way of its figure (not "nearly", which stays below it)
        about = claim.qualifier == "approx" and (claim.high or 0.0) > claim.value
        if claim.qualifier == "range" or (
            own_qualifier and claim.qualifier == "approx" and not (rounded and about)
        ):
            return claim.interval
        half = claim.precision / 2
        if own_qualifier and about:
            half += abs(claim.value) * ROUNDED_EQUIVALENT
        low, high = claim.value - half, claim.value + half
        if own_qualifier and claim.qualifier in ("gt", "ge"):
            low, high = claim.value, abs(claim.value) * OPEN_END_FACTOR
        elif own_qualifier and claim.qualifier in ("lt", "le"):
            low, high = abs(claim.value) / OPEN_END_FACTOR, claim.value
        return Interval(low, high, claim.unit)

    def anchor_interval(self, claim: Claim) -> Interval:
        """An anchor read at its precision, never looser than ``anchor_precision_cap``;
        one that says "nearly" or "almost" also a little below it (its band), as the
        writer's own equivalent may give the exact figure: "by almost 5°C (8.3°F)"
        is 4.6°C."""
        half = min(
            claim.precision / 2, abs(claim.value) * self.settings.anchor_precision_cap
        )
        low = claim.value - half
        nearly = (
            claim.qualifier == "approx"
            and claim.high == claim.value
            and claim.low is not None
            and claim.low < low
        )
        if nearly and claim.low is not None:
            low = claim.low
        return Interval(low, claim.value + half, claim.unit)

    def usd_value(self, ref: ClaimRef) -> float | None:
        """A claim's value in a common unit: USD for money (at its document's date),
        the stated value otherwise; None if it cannot be converted."""
        claim = ref.claim
        if claim.kind != "money" or claim.unit == "USD":
            return claim.value
        rate = self._usd_rate(claim.unit or "", ref.document.published)
        return None if rate is None else claim.value * rate

    def _usd_rate(self, code: str, day: dt.date | None) -> float | None:
        key = (code, day)
        if key not in self._usd_rates:
            conv = self.convert(
                Interval(1.0, 1.0, code), "USD", kind="money", value=1.0, day=day
            )
            self._usd_rates[key] = None if conv is None else conv.value
        return self._usd_rates[key]

    def compare(self, a: ClaimRef, b: ClaimRef) -> Comparison | None:
        """Can both claims hold? Money converts at each document's date, and at any
        rate either document states for the pair ("at Rs 70 to the dollar"); a
        bare "$" whose outlet leaves its currency open tries each reading; a figure
        that is itself a conversion gets ``derived_slack``. The first reading under
        which they can both hold is returned, else the first tried. None if they
        cannot be put in one unit."""
        key = (a.key, b.key)
        if key not in self._comparisons:
            self._comparisons[key] = self._compare(a, b)
        return self._comparisons[key]

    def _compare(self, a: ClaimRef, b: ClaimRef) -> Comparison | None:
        ia, ib = self._comparable(a), self._comparable(b)
        turned = _opposite_changes(a, b)
        if turned is not None and ia.unit == ib.unit:
            # "lifts sales 1.5%" against "sales fell 1.5 percent": one change
            # read with its sign (the fall below zero) cannot be both
            return compare_intervals(
                ia,
                Interval(_negated(ib.high), _negated(ib.low), ib.unit),
                a_value=a.claim.value,
                b_value=-b.claim.value,
                a_text=a.claim.text,
                b_text=b.claim.text,
                note=turned,
            )
        first: Comparison | None = None
        untested = False
        for ua in candidate_units(a.claim) or (a.claim.unit,):
            for ub in candidate_units(b.claim) or (b.claim.unit,):
                found = self._compare_in(
                    a, b, attrs.evolve(ia, unit=ua), attrs.evolve(ib, unit=ub)
                )
                if found is not None and found.overlap:
                    return found
                # a reading no rate can test (Chile's pesos) may be the one meant
                untested = untested or (found is None and ua != ub)
                first = first or found
        if untested and first is not None and first.conversion is not None:
            return None
        if first is not None and not first.overlap and first.conversion is None:
            return _truncated(a, b, first) or first
        return first

    def _compare_in(
        self, a: ClaimRef, b: ClaimRef, ia: Interval, ib: Interval
    ) -> Comparison | None:
        conversion = None
        converted: Literal["a", "b"] | None = None
        note = None
        if ia.unit != ib.unit:
            stated = self._at_stated_rate(a, b, ia, ib)
            if stated is not None:
                return stated
            # writers convert on their own day: either document's date may be the one
            days = {b.document.published, a.document.published} - {None} or {None}
            convs = [
                c
                for day in sorted(days, key=lambda d: d or dt.date.min)
                if (
                    c := self.convert(
                        ib,
                        ia.unit or "",
                        kind=b.claim.kind,
                        value=b.claim.value,
                        day=day,
                    )
                )
                is not None
            ]
            if not convs:
                return None
            if not any(ia.overlaps(c.result) for c in convs):
                over = self._over_the_period(a, b, ib, ia.unit or "")
                if over is not None:
                    convs.append(over)
            conv = next((c for c in convs if ia.overlaps(c.result)), convs[0])
            own = ib
            ib, conversion, converted = conv.result, conv, "b"
            if a.doc_index != b.doc_index:
                if _label_swapped(a.claim, ia, own, exact=ia.overlaps(ib)):
                    # the same number under another currency's label: no slack
                    # for another day's rate explains that
                    note = (
                        f"{a.claim.text!r} and {b.claim.text!r} carry one number "
                        f"({format_interval(ia)}, {format_interval(own)}) under two "
                        "currencies' labels and miss at the day's rate: a label "
                        "swapped?"
                    )
                else:
                    # another outlet may have converted on the event's day
                    ib = _widen(ib, self.settings.cross_source_fx_slack)
        b_value = conversion.value if conversion is not None else b.claim.value
        if note is None and _magnitude(a) and _magnitude(b):
            note = (
                f"each magnitude read {MAGNITUDE_AGENCY_SPREAD / 2:g} wider, as "
                "agencies and scales differ"
            )
        return compare_intervals(
            ia,
            ib,
            a_value=a.claim.value,
            b_value=b_value,
            a_text=a.claim.text,
            b_text=b.claim.text,
            converted=converted,
            conversion=conversion,
            note=note,
        )

    def _over_the_period(
        self, a: ClaimRef, b: ClaimRef, ib: Interval, to_unit: str
    ) -> Conversion | None:
        """``ib`` converted at every rate of the past period a flow figure of either
        claim covers ("Japan's GDP in 2023 ... $4.21 trillion": a year's output at
        the year's average rate, which lies between its lowest and highest), or
        None if neither names one."""
        if a.claim.kind != "money" or b.claim.kind != "money" or not ib.unit:
            return None
        from factcheck.normalize.intervals import convert_at_rates  # noqa: PLC0415
        from factcheck.normalize.periods import (  # noqa: PLC0415
            flow_period,
            period_rate_range,
        )

        period = (
            flow_period(a.claim.sentence_text or "", a.document.published)
            or flow_period(b.claim.sentence_text or "", b.document.published)
            or self._period_of_the_story(a)
            or self._period_of_the_story(b)
        )
        if period is None:
            return None
        try:
            window = period_rate_range(
                self.provider, ib.unit, to_unit, period.start, period.end
            )
        except (RateUnavailableError, ValueError):
            return None
        return convert_at_rates(ib, window, value=b.claim.value, options=self.options)

    def _period_of_the_story(self, ref: ClaimRef) -> Period | None:
        """The one past period a flow figure's document named before it, when the
        figure's own sentence names a flow but no period: "China's surplus hit a
        record in 2024 ... In dollar terms the surplus was US$992.1 billion" is
        2024's. None if the sentences before name no period, or several."""
        from factcheck.normalize.periods import flow_cues, named_period  # noqa: PLC0415

        if ref.claim.sentence is None or not flow_cues().search(
            ref.claim.sentence_text or ""
        ):
            return None
        if ref.doc_index not in self._periods:
            from factcheck.extractor.context import iter_sentence_ends  # noqa: PLC0415

            published, prose = ref.document.published, ref.document.prose
            seen: list[tuple[int, Period]] = []
            start = 0
            for end in [*(m.end() for m in iter_sentence_ends(prose)), len(prose)]:
                period = named_period(prose[start:end], published)
                if period is not None:
                    seen.append((start, period))
                start = end
            self._periods[ref.doc_index] = tuple(seen)
        named = {
            (period.start, period.end): period
            for start, period in self._periods[ref.doc_index]
            if start < ref.claim.sentence.start
        }
        return next(iter(named.values())) if len(named) == 1 else None

    def _at_stated_rate(
        self, a: ClaimRef, b: ClaimRef, ia: Interval, ib: Interval
    ) -> Comparison | None:
        """The two claims compared at a rate either document states for their
        currencies, if one makes them agree."""
        if a.claim.kind != "money" or b.claim.kind != "money":
            return None
        from factcheck.normalize.stated_rates import (  # noqa: PLC0415
            convert_at_stated,
            stated_rates,
        )

        for ref in (a, b):
            if ref.doc_index not in self._stated:
                extraction = self.extractions[ref.doc_index]
                self._stated[ref.doc_index] = stated_rates(
                    extraction.document.prose, extraction.claims
                )
            for rate in self._stated[ref.doc_index]:
                result = convert_at_stated(ib, rate, ia.unit or "")
                if result is not None and result.overlaps(ia):
                    return compare_intervals(
                        ia,
                        result,
                        a_value=a.claim.value,
                        b_value=b.claim.value * rate.rate
                        if rate.base == ib.unit
                        else b.claim.value / rate.rate,
                        a_text=a.claim.text,
                        b_text=f"{b.claim.text} at {rate.describe()}",
                        converted="b",
                    )
        return None

    def _comparable(self, ref: ClaimRef) -> Interval:
        iv = ref.claim.interval
        if _magnitude(ref):
            # one quake's magnitude by another agency or scale
            low, high = allowed_interval(ref.claim).bounds()
            half = MAGNITUDE_AGENCY_SPREAD / 2
            return Interval(
                None if low is None else low - half,
                None if high is None else high + half,
                ref.claim.unit,
            )
        if ref.claim.equivalent_of is None:
            return allowed_interval(ref.claim)
        anchor = self.anchor_of(ref)
        inherited = anchor is not None and anchor.claim.qualifier == ref.claim.qualifier
        iv = self.stated_interval(ref.claim, own_qualifier=not inherited)
        if anchor is not None and _is_source_figure(ref.claim, anchor.claim):
            return iv
        return _widen(iv, self.settings.derived_slack)

    def location(self, ref: ClaimRef) -> Location:
        """Where a claim stands, for a finding."""
        claim = ref.claim
        offset = claim.span.start - claim.sentence.start if claim.sentence else 0
        return Location(
            path=ref.document.path,
            span=claim.span,
            text=claim.text,
            sentence=claim.sentence_text,
            sentence_offset=offset,
        )

    def finding(
        self,
        rule_code: str,
        ref: ClaimRef,
        message: str,
        *,
        related: Iterable[ClaimRef] = (),
        details: dict[str, str | float | int | bool | None] | None = None,
        evidence: Sequence[str] = (),
    ) -> Finding:
        """A finding of a built-in rule at its default severity (config re-levels later)."""
        from factcheck.rules.figures import locate  # noqa: PLC0415
        from factcheck.rules.registry import builtin_rules  # noqa: PLC0415

        spec = builtin_rules()[rule_code]
        severity = spec.severity
        return Finding(
            rule=spec.code,
            name=spec.name,
            severity=severity,
            message=message,
            location=locate(self, ref, ref.claim.unit),
            related=tuple(locate(self, r, ref.claim.unit) for r in related),
            details=dict(details or {}),
            evidence=tuple(evidence),
        )


def _round_capped(claim: Claim, iv: Interval) -> Interval:
    """``iv`` with the half-step of a round figure capped at ``ROUND_FIGURE_CAP`` of
    its value (qualified figures keep their qualifier's own reach)."""
    if claim.qualifier not in (None, "approx"):
        return iv
    if claim.qualifier == "approx" and claim.value in (iv.low, iv.high):
        return iv  # "nearly N": its own band below N (model.NEARLY_BAND)
    reach = abs(claim.value) * ROUND_FIGURE_CAP
    if claim.qualifier == "approx":
        reach = max(reach, abs(claim.value) * DEFAULT_APPROX_TOLERANCE)
    low = claim.value - reach
    high = claim.value + reach
    return Interval(
        low if iv.low is None else max(iv.low, low),
        high if iv.high is None else min(iv.high, high),
        iv.unit,
    )


def _label_swapped(a: Claim, ia: Interval, ib: Interval, *, exact: bool) -> bool:
    """Whether money ``a`` is the other figure's number under another currency's
    label ("230 billion euros" beside "$229 billion"): the numbers agree within
    ``a``'s precision while the conversion at the day's rate misses. A currency near
    parity converts to about the same number and then does not miss."""
    if exact or a.kind != "money" or ia.unit == ib.unit:
        return False
    return ia.overlaps(Interval(ib.low, ib.high, ia.unit))


def _magnitude(ref: ClaimRef) -> bool:
    """Whether a claim is an earthquake's magnitude (by its frame)."""
    frame = ref.claim.frame
    return frame is not None and frame.attribute == "magnitude"


def _widen(iv: Interval, slack: float) -> Interval:
    return Interval(
        None if iv.low is None else iv.low - abs(iv.low) * slack,
        None if iv.high is None else iv.high + abs(iv.high) * slack,
        iv.unit,
    )


def _convert(
    provider: RateProvider,
    *,
    options: NormalizeOptions,
    interval: Interval,
    to_unit: str,
    kind: str,
    value: float | None,
    day: dt.date | None,
) -> Conversion:
    kinds: dict[str, Kind] = {
        "money": "money",
        "quantity": "quantity",
        "percent": "percent",
    }
    if kind not in kinds:
        msg = f"cannot convert a {kind}"
        raise UnitError(msg)
    return convert_interval(
        interval,
        to_unit,
        kind=kinds[kind],
        value=value,
        day=day,
        provider=provider,
        options=options,
    )


def build_context(
    extractions: Sequence[Extraction],
    *,
    settings: AuditSettings | None = None,
    provider: RateProvider | None = None,
    drafts: Iterable[int] = (),
    aligner: Aligner | None = None,
    disabled: Iterable[str] = (),
    source_paths: Sequence[str] | None = None,
) -> AuditContext:
    """Map (claims per document, each with its frame) then group (fact groups from
    the aligner) for the rules to read."""
    ctx = unaligned_context(
        extractions,
        settings=settings,
        provider=provider,
        drafts=drafts,
        disabled=disabled,
        source_paths=source_paths,
    )
    aligner = aligner or FrameAligner(aliases=ctx.settings.aliases)
    return with_alignment(ctx, aligner.align(ctx.refs))


def unaligned_context(
    extractions: Sequence[Extraction],
    *,
    settings: AuditSettings | None = None,
    provider: RateProvider | None = None,
    drafts: Iterable[int] = (),
    disabled: Iterable[str] = (),
    source_paths: Sequence[str] | None = None,
) -> AuditContext:
    """The context before the alignment: every claim, no fact groups (what rules of
    ``document`` scope read; :func:`with_alignment` adds the groups)."""
    refs = tuple(claim_refs(extractions))
    return AuditContext(
        extractions=tuple(extractions),
        refs=refs,
        alignment=Alignment(groups=(), possible=()),
        provider=provider or default_provider(),
        settings=settings or AuditSettings(),
        by_key={r.key: r for r in refs},
        drafts=frozenset(drafts),
        disabled=frozenset(disabled),
        source_paths=None if source_paths is None else tuple(source_paths),
    )


def with_alignment(ctx: AuditContext, alignment: Alignment) -> AuditContext:
    """``ctx`` (as :func:`unaligned_context` made it) with ``alignment``: the same
    claims, nothing the rules have shared or checked yet."""
    return AuditContext(
        extractions=ctx.extractions,
        refs=ctx.refs,
        alignment=alignment,
        provider=ctx.provider,
        settings=ctx.settings,
        by_key=ctx.by_key,
        drafts=ctx.drafts,
        disabled=ctx.disabled,
        source_paths=ctx.source_paths,
    )


def allowed_interval(claim: Claim) -> Interval:
    """The interval a claim stated on its own allows when sources are compared:
    its stated precision and qualifier, a round figure capped at
    ``ROUND_FIGURE_CAP``. The audit, ``factcheck.testing`` and the report's number
    line read a claim this one way."""
    return _round_capped(claim, claim.interval)


def _is_source_figure(equivalent: Claim, anchor: Claim) -> bool:
    """Whether a stated equivalent is the source figure rather than a conversion:
    printed to more digits than its counterpart could carry ("$5.7 billion (Rs
    43,574 crore)")."""
    if equivalent.qualifier is not None or not equivalent.value or not anchor.value:
        return False
    if significant_digits(equivalent.value) < SOURCE_FIGURE_DIGITS:
        return False
    own = (equivalent.precision or 0.0) / abs(equivalent.value)
    other = (anchor.precision or 0.0) / abs(anchor.value)
    return own > 0 and other >= SOURCE_PRECISION_RATIO * own


def compare_as_sources(
    a: Claim,
    b: Claim,
    *,
    published: dt.date | None = None,
    settings: AuditSettings | None = None,
    provider: RateProvider | None = None,
) -> Comparison | None:
    """Whether two claims can both hold, read exactly as the audit reads two
    sources' claims (:meth:`AuditContext.compare`): the one path for "the interval a
    claim allows" that the pytest helpers share with the rules. None if they cannot
    be put in one unit."""
    from factcheck.align import Alignment  # noqa: PLC0415
    from factcheck.model import Document  # noqa: PLC0415

    extractions = tuple(
        Extraction(
            document=Document.from_text(
                claim.sentence_text or claim.text,
                path=f"<claim {i}>",
                published=published,
            ),
            claims=(claim,),
        )
        for i, claim in enumerate((a, b), start=1)
    )
    refs = tuple(claim_refs(extractions))
    ctx = AuditContext(
        extractions=extractions,
        refs=refs,
        alignment=Alignment(groups=(), possible=()),
        provider=provider or default_provider(),
        settings=settings or AuditSettings(),
        by_key={r.key: r for r in refs},
    )
    first, second = refs
    canonical = ctx.options.canonical_currency
    if a.unit != canonical and b.unit == canonical:
        # shown the way a reader checks it: the foreign amount in the common currency
        flipped = ctx.compare(second, first)
        return None if flipped is None else flipped.swapped()
    return ctx.compare(first, second)


#: the direction a change's word gives it (a frame's role cue): "rose", "lifts",
#: "widened" up; "fell", "cut", "narrowed" down. A comparative ("5% lower than
#: forecast", "more than last year") gives none: it may be set against another
#: base than the change it sits beside
_UP = regex.compile(rf"(?i:{RISE_WORDS}|lift\w*|rall\w*|rebound\w*)")
_DOWN = regex.compile(rf"(?i:{FALL_WORDS}|lowered|shed|trimm?\w*|slash\w*)")


def _direction(ref: ClaimRef) -> tuple[int, str]:
    """(+1 up, -1 down or 0, the word) of a change, from its frame's role cue, or
    where that is "by" from the verb before it ("cut its key rate by 50 basis
    points")."""
    claim = ref.claim
    frame = claim.frame
    if frame is None or frame.role != "change":
        return 0, ""
    cue = next((c for c in frame.cues if c.startswith("role<-")), "")
    word = cue[len("role<-") :].strip("'\"")
    if word.lower() == "by" and claim.sentence is not None:
        before = ref.document.prose[
            max(
                claim.sentence.start, claim.span.start - _BY_VERB_REACH
            ) : claim.span.start
        ]
        words = regex.findall(r"[A-Za-z]+", before)
        word = next(
            (w for w in reversed(words) if _UP.fullmatch(w) or _DOWN.fullmatch(w)), ""
        )
    if _UP.fullmatch(word):
        return 1, word
    if _DOWN.fullmatch(word):
        return -1, word
    return 0, ""


#: how far before a change's "by" its verb is looked for: "lifted its key rate by"
_BY_VERB_REACH = 40


def _opposite_changes(a: ClaimRef, b: ClaimRef) -> str | None:
    """What makes two changes run opposite ways ("'lifts' is a rise, 'fell' a
    fall"), or None where either's direction is unknown or they agree."""
    da, wa = _direction(a)
    db, wb = _direction(b)
    if da * db != -1:
        return None
    rise, fall = (wa, wb) if da > 0 else (wb, wa)
    return f"{rise!r} is a rise, {fall!r} a fall: the fall is read below zero"


def _negated(x: float | None) -> float | None:
    return None if x is None else -x


def _truncated(a: ClaimRef, b: ClaimRef, miss: Comparison) -> Comparison | None:
    """Two figures in one unit that meet once the lower one is read as cut at its
    last digit (see :data:`TRUNCATED_STEP`); None if they do not."""
    low_a = a.claim.value <= b.claim.value
    lower = a.claim if low_a else b.claim
    if (
        lower.qualifier is not None
        or lower.equivalent_of is not None
        or not 0 < lower.precision <= abs(lower.value) * TRUNCATED_STEP
    ):
        return None
    side = miss.a if low_a else miss.b
    if side.high is None:
        return None
    cut = attrs.evolve(side, high=max(side.high, lower.value + lower.precision))
    ia, ib = (cut, miss.b) if low_a else (miss.a, cut)
    found = compare_intervals(
        ia,
        ib,
        a_value=miss.a_value,
        b_value=miss.b_value,
        a_text=miss.a_text,
        b_text=miss.b_text,
        note=f"{lower.text!r} read as cut, not rounded, at its last digit",
    )
    return found if found.overlap else None
