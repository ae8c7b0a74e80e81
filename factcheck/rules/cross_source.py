"""FC2xx: sources against each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

import attrs
import regex

from factcheck.align import ClaimRef, Decision, FactGroup
from factcheck.align.context import stem
from factcheck.align.decide import CONVERTED_WRONG, Level, named_holder, story_frame
from factcheck.align.frames import said_to_rise_to, states_floor
from factcheck.align.lexicon import lexicon
from factcheck.model import Finding, Interval, Severity
from factcheck.normalize import Comparison, format_interval
from factcheck.normalize.slips import conversion_slip
from factcheck.rules.arithmetic import _stated, change_misfit, stated_ends
from factcheck.rules.context import AuditContext
from factcheck.rules.conversion import _comparison_details
from factcheck.rules.registry import rule

Key = tuple[int, str]


@attrs.frozen(kw_only=True)
class Conflict:
    """Two claims of one fact, from different documents, that cannot both hold."""

    a: ClaimRef
    b: ClaimRef
    comparison: Comparison
    evidence: tuple[str, ...]
    #: how sure the alignment is: caps the finding's severity (see cap_severity)
    level: Level


def pair_level(group: FactGroup, a: ClaimRef, b: ClaimRef) -> Level:
    """How sure the group is that two members state one fact: their own decision's
    level, or, joined through others, the weakest level in the group."""
    direct = group.decision(a, b)
    if direct is not None:
        return direct.level
    levels = {d.level for d in group.decisions}
    return "probable" if "probable" in levels else "confident"


#: a word of a sentence, for the names it says
_WORD = regex.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _a_named_part(later: ClaimRef, earlier: ClaimRef) -> bool:
    """ "Hong Kong has had 1,754 cases" weeks after "More than 7,000 cases have been
    reported in about 30 countries": a lower later count that names its holder,
    against an earlier one that names none and whose sentence does not name that
    holder either, may be one place's part of the story's total; it is no sign the
    total fell ("The official flood death toll in Tarvia reached 429" after
    "Tarvia's institute raised the toll to at least 492" is)."""
    # "the toll from Tuesday's bridge collapse" in a story that leads with the
    # collapse: the story's own event, no part of it
    fl, fe = story_frame(later), earlier.claim.frame
    if (
        fl is None
        or fe is None
        or fl.holder_source == "agent"
        or not named_holder(fl)
        or (fe.holder_key and fe.holder_source != "agent")
    ):
        return False
    said = {
        stem(w.removesuffix("'s").removesuffix("’s"))
        for w in _WORD.findall(earlier.claim.sentence_text.lower())
    }
    return not set(fl.holder_key) <= said


def cap_severity(finding: Finding, level: Level) -> Finding:
    """A finding no more severe than its alignment allows: an error needs a confident
    match, a probable one gives a warning at most, a possible one an info."""
    order: tuple[Severity, ...] = ("info", "warning", "error")
    tops: dict[Level, Severity] = {
        "confident": "error",
        "probable": "warning",
        "possible": "info",
    }
    top = tops[level]
    if order.index(finding.severity) <= order.index(top):
        return finding
    return attrs.evolve(finding, severity=top)


def _evidence(group: FactGroup, a: ClaimRef, b: ClaimRef) -> tuple[str, ...]:
    """Why two members were compared: their own decision, or the ones that joined
    them into the group."""
    direct = group.decision(a, b)
    if direct is not None:
        return direct.evidence
    links = [d for d in group.decisions if {d.a.key, d.b.key} & {a.key, b.key}]
    out = [
        f"one fact group of {len(group.members)} claims "
        f"({', '.join(repr(m.claim.text) for m in group.members[:6])})"
    ]
    for d in links[:2]:
        out.extend(e for e in d.evidence if e not in out)
    return tuple(out)


def group_comparisons(
    ctx: AuditContext, group: FactGroup
) -> tuple[list[Conflict], dict[frozenset[Key], bool]]:
    """Every cross-document pair of a group compared: the conflicts, and whether each
    compared pair agrees. A pure function of the group."""
    conflicts: list[Conflict] = []
    agrees: dict[frozenset[Key], bool] = {}
    members = group.members
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.doc_index == b.doc_index:
                continue
            comparison = ctx.compare(a, b)
            if comparison is None:
                continue
            ctx.mark_checked(a, b)
            agrees[frozenset((a.key, b.key))] = comparison.overlap
            if not comparison.overlap:
                conflicts.append(
                    Conflict(
                        a=a,
                        b=b,
                        comparison=comparison,
                        evidence=_evidence(group, a, b),
                        level=pair_level(group, a, b),
                    )
                )
    return conflicts, agrees


@attrs.frozen(kw_only=True)
class Outlier:
    """A claim that disagrees with two or more other sources agreeing together."""

    ref: ClaimRef
    consensus: tuple[ClaimRef, ...]
    conflict: Conflict


def group_outliers(ctx: AuditContext, group: FactGroup) -> list[Outlier]:
    """The group's outliers: a claim whose conflicting partners include a consensus
    (claims of two or more other documents that agree with one another) larger than
    the claim's own support (documents agreeing with it, itself included)."""
    conflicts, agrees = group_comparisons(ctx, group)
    against: dict[Key, list[tuple[ClaimRef, Conflict]]] = defaultdict(list)
    for c in conflicts:
        against[c.a.key].append((c.b, c))
        against[c.b.key].append((c.a, _swapped(c)))
    support: dict[Key, set[int]] = defaultdict(set)
    for pair, ok in agrees.items():
        if ok:
            x, y = sorted(pair)
            support[x].add(y[0])
            support[y].add(x[0])
    out = []
    for key, others in sorted(against.items()):
        consensus = _consensus([o for o, _ in others], agrees)
        # its own support: documents agreeing with it and not with the consensus
        # ("about €750 million" agrees with both sides and takes none)
        rivals = {
            m.doc_index
            for m in group.members
            if agrees.get(frozenset((key, m.key)))
            and any(agrees.get(frozenset((m.key, c.key))) is False for c in consensus)
        }
        own = len(rivals) + 1
        if len(consensus) >= 2 and len(consensus) > own:
            conflict = next(c for o, c in others if o is consensus[0])
            out.append(
                Outlier(
                    ref=ctx.by_key[key], consensus=tuple(consensus), conflict=conflict
                )
            )
    return out


def _swapped(c: Conflict) -> Conflict:
    return attrs.evolve(c, a=c.b, b=c.a, comparison=c.comparison.swapped())


def _consensus(
    refs: Sequence[ClaimRef], agrees: dict[frozenset[Key], bool]
) -> list[ClaimRef]:
    """The largest set of claims from distinct documents that agree pairwise."""
    best: list[ClaimRef] = []
    for seed in refs:
        group = [seed]
        for r in refs:
            if r is seed or any(g.doc_index == r.doc_index for g in group):
                continue
            if all(agrees.get(frozenset((g.key, r.key)), False) for g in group):
                group.append(r)
        if len(group) > len(best):
            best = group
    return best


def _possible_conflicts(
    ctx: AuditContext, *, same_document: bool
) -> Iterator[tuple[Decision, Comparison]]:
    """Pairs aligned outside the groups (probable: a warning at most; possible: an
    info at most) that cannot both hold. Across documents, a weak pair is dropped
    when either claim already has its counterpart in the other's document, a claim
    it shares a fact group with: one report states a fact once, so "£9,535" set
    beside a report's own "£9,535" is not also that report's "from £9,250"."""
    counterparts = _counterpart_documents(ctx) if not same_document else {}
    for d in ctx.alignment.possible:
        if (d.a.doc_index == d.b.doc_index) != same_document:
            continue
        if d.b.doc_index in counterparts.get(d.a.key, ()) or d.a.doc_index in (
            counterparts.get(d.b.key, ())
        ):
            continue
        comparison = ctx.compare(d.a, d.b)
        if comparison is None or comparison.overlap:
            continue
        yield d, comparison


def _counterpart_documents(ctx: AuditContext) -> dict[Key, set[int]]:
    """For each grouped claim, the other documents its fact group reaches."""
    out: dict[Key, set[int]] = defaultdict(set)
    for g in ctx.alignment.groups:
        docs = {m.doc_index for m in g.members}
        if len(docs) < 2:
            continue
        for m in g.members:
            out[m.key].update(docs - {m.doc_index})
    return out


@rule(
    "FC202",
    "outlier",
    "error",
    "one source disagrees with a consensus of two or more others",
    scope="group",
)
def outlier(ctx: AuditContext) -> Iterator[Finding]:
    """One source disagrees with a consensus of two or more others.

    *What it checks.* Claims from different documents that state the same fact (see
    FC201 for how that is decided). When two or more other sources agree with each
    other and all contradict this one, this one is the outlier: the finding names the
    consensus, which sources hold it, and the arithmetic against it.

    *Why it matters.* With a consensus, the likely error is known: an editor fixes one
    figure instead of checking all of them.

    *Example.* Documents are separated by ``||``.

        fires [2023-09-27]: NHTSA said Hyundai had 21 thermal incidents tied to the recall. || NHTSA said Hyundai had 22 thermal incidents tied to the recall. || Hyundai has had 22 thermal incidents linked to the recall, NHTSA said.
        silent [2023-09-27]: NHTSA said Hyundai had 22 thermal incidents tied to the recall. || NHTSA said Hyundai had 22 thermal incidents tied to the recall. || Hyundai has had 22 thermal incidents linked to the recall, NHTSA said.

    *Configuration.* As FC201.
    """
    for group in ctx.alignment.groups:
        for o in group_outliers(ctx, group):
            ref, consensus, comparison = o.ref, o.consensus, o.conflict.comparison
            holders = ", ".join(
                sorted({c.document.outlet or c.document.path for c in consensus})
            )
            details = _comparison_details(comparison, 0)
            details["consensus"] = holders
            details["consensus_value"] = consensus[0].claim.value
            finding = ctx.finding(
                "FC202",
                ref,
                f"{ref.claim.text!r} disagrees with {len(consensus)} other sources that "
                f"agree with each other ({holders}: "
                f"{', '.join(repr(c.claim.text) for c in consensus)}): "
                f"{comparison.describe()}",
                related=consensus,
                details=details,
                evidence=o.conflict.evidence,
            )
            yield cap_severity(finding, o.conflict.level)


@rule(
    "FC201",
    "cross-source-conflict",
    "error",
    "aligned claims from different sources cannot both hold",
    scope="group",
)
def cross_source_conflict(ctx: AuditContext) -> Iterator[Finding]:
    """Aligned claims from different sources cannot both hold.

    *What it checks.* Claims of different documents that state one fact. Each claim
    carries a frame read from its own clause: its holder (whose number: "the
    standard SU7", "Kia" in "Hyundai 1.64 million and Kia 1.73 million"), its
    attribute (price, net profit, deaths...), its role (a level, a change, a part of
    a whole, a share, a reference it is compared with, a target), its stage (an
    earlier figure, a forecast, a proposal), its time and its basis (pre-money,
    average, intraday). Claims whose known frame fields differ are different facts;
    the others are joined into fact groups by a confidence made of named features
    (same holder, same attribute, same stated amount, same time, shared words; see
    `factcheck/align/thresholds.py`). Claims of one group must overlap after stated
    precision, qualifiers and, for money, conversion at each document's date over the
    rate window plus tolerance. Value proximity is never evidence: within one frame a
    figure far from the others is exactly what is flagged. A confident match gives an
    error; a match whose holder is only inferred (a story's subject) a warning; a
    weak one an info "possible conflict". A figure copied wrong is evidence of one
    fact, and the message says how: digits in another order, a conversion made the
    wrong way round, or one side's number printed with the unit of the other
    report's stated equivalent ("80 miles" against "80 kilometres (50 miles)").
    Conflicts of an FC202 outlier are left to FC202 while it is on.

    *Why it matters.* The same fact printed two ways means at least one outlet is
    wrong, and readers of both notice.

    *Example.* Rs 1,368 crore was about $165 million on 2023-08-23. Documents are
    separated by ``||``.

        fires [2023-08-23]: Space films cost more: the film Interstellar had a budget of $145 million. || Space films cost more: the film Interstellar had a budget of Rs1,368 crore.
        silent [2025-02-24]: Alibaba will invest more than 380 billion yuan (US$52.4 billion) in AI. || Alibaba will invest more than RMB 380 billion ($53 billion) in AI.

    *Configuration.* `window_days`, `tolerance`, entity `aliases`.
    """
    reported: dict[Key, list[Conflict]] = defaultdict(list)
    for group in ctx.alignment.groups:
        support: dict[Key, int] = defaultdict(int)
        # an outlier's conflicts are FC202's to report, while FC202 is on
        outliers = (
            set()
            if "FC202" in ctx.disabled
            else {o.ref.key for o in group_outliers(ctx, group)}
        )
        conflicts, agrees = group_comparisons(ctx, group)
        for pair, ok in agrees.items():
            if ok:
                for key in pair:
                    support[key] += 1
        for c in conflicts:
            if c.a.key in outliers or c.b.key in outliers:
                continue  # explained by the outlier's consensus (FC202's finding)
            turned = _suspect(ctx, c, support)
            reported[turned.a.key].append(turned)
    for d, comparison in _possible_conflicts(ctx, same_document=False):
        c = _suspect(
            ctx,
            Conflict(
                a=d.a, b=d.b, comparison=comparison, evidence=d.evidence, level=d.level
            ),
            defaultdict(int),
        )
        reported[c.a.key].append(c)
    # a floor the earlier report states speaks before a fall no one explained: one
    # finding per later figure, and the surer one first
    floors = [(_floor(d.a), d) for d in ctx.alignment.series]
    for stated, d in sorted(floors, key=lambda fd: fd[0] is None):
        earlier, later = d.a, d.b
        floor = stated
        rose = floor is None and said_to_rise_to(later.claim, later.document.prose)
        if rose:
            # "the toll rose to 25" after "at least 37": the later report says its
            # count rose, so it cannot stand below the earlier one
            floor = earlier.claim.low
        fell = floor is None and not rose and _fell_unsaid(earlier, later)
        if fell:
            # "2,103 dead" on Wednesday, "killed 2,061" on Friday, with no word of a
            # revision: a confirmed toll does not shrink unless someone says so
            floor = earlier.claim.low
        if floor is None:
            continue  # a tally revised down is news; below "at least" it cannot be
        if later.claim.high is None:
            # "at least 205" after "at least 211": a confirmed count fell
            finding = _floor_fell(ctx, d, floor)
            if finding is not None:
                yield cap_severity(finding, "probable")
            continue
        tally = ctx.compare(later, earlier)
        if tally is None or tally.overlap:
            continue
        if later.claim.unit == earlier.claim.unit:
            lower = later.claim.high < floor
        else:
            # "13,944,486 hectares" after "24.7 million acres": above it, once
            # both are in one unit (the raw numbers say nothing across units)
            lower = (
                tally.a.high is not None
                and tally.b.low is not None
                and tally.a.high < tally.b.low
            )
        if not lower or _a_named_part(later, earlier):
            continue
        said = (
            "and the later report says the tally rose to it"
            if rose
            else "and the later report does not say the tally was revised down"
            if fell
            else f"which already said at least {floor:,.0f}"
        )
        finding = ctx.finding(
            "FC201",
            later,
            f"{later.claim.text!r} ({later.document.published}) is lower than the "
            f"earlier report's {earlier.claim.text!r} ({earlier.document.published}) "
            f"of the same running tally, {said}: {tally.describe()}",
            related=[earlier],
            details=_comparison_details(tally, 0),
            evidence=(
                *d.evidence,
                "a running tally: a rise cannot end below the earlier count"
                if rose
                else "a running tally: a later report that lowers the count says so"
                if fell
                else "a running tally: a later report cannot fall "
                "below an earlier 'at least'",
            ),
        )
        yield cap_severity(finding, "probable")
    for key, found in sorted(reported.items()):
        wrong = ctx.by_key[key]
        # the surest match speaks for the finding: a weak match with another story
        # never caps a confident one's severity
        against = sorted(found, key=lambda c: _SURENESS[c.level])
        first = against[0]
        right, comp = first.b, first.comparison
        where = wrong.document.outlet or wrong.document.path
        also = "".join(
            f"; also {c.b.claim.text!r} ({c.b.document.outlet or c.b.document.path})"
            for c in against[1:]
        )
        possible = (
            "possibly the same fact (weak match): " if first.level == "possible" else ""
        )
        # a wrong recipe that turns one figure into the other (a factor or rate
        # applied the wrong way round) says what to check; as evidence that two
        # figures state one fact it counts only for units, in the alignment (a
        # currency's rate window lets two facts of one story meet it by chance:
        # a quarter's $10.25 billion against a year's £20.1bn at 1.96)
        slip = conversion_slip(comp)
        told = (
            slip.describe()
            if slip is not None
            # a recipe the pair alone does not show ("80 miles" against "80
            # kilometres (50 miles)": the other side's stated equivalent)
            else next(
                (
                    e.removeprefix(CONVERTED_WRONG)
                    for e in first.evidence
                    if e.startswith(CONVERTED_WRONG)
                ),
                None,
            )
        )
        slipped = f"; {told}?" if told is not None else ""
        finding = ctx.finding(
            "FC201",
            wrong,
            f"{possible}{wrong.claim.text!r} ({where}) and {right.claim.text!r} "
            f"({right.document.outlet or right.document.path}) state the same fact but "
            f"cannot both hold: {comp.describe()}{slipped}{also}",
            related=[c.b for c in against],
            details=_comparison_details(comp, 0),
            evidence=first.evidence,
        )
        yield cap_severity(finding, first.level)
    yield from _changes_across_reports(ctx)


#: a change measured over years, not on the level just before ("up 40% since 2019",
#: "over the past five years"): another report's "from" end may be another base
_LONG_BASE = regex.compile(
    r"(?i:\bsince\b|\bover[ \t]+(?:the[ \t]+)?(?:past|last)[ \t]+\w+[ \t]+(?:years"
    r"|decades)|\bdecade|\bcompared[ \t]+(?:with|to)|\bfrom[ \t]+\d{4}\b)"
)


def _changes_across_reports(ctx: AuditContext) -> Iterator[Finding]:
    """A change one report states with the level it reached ("$3.6 million, up
    25%") against the two ends another report gives of that level ("rose to $3.6
    million from $3 million"): the levels are one fact (a fact group), so the
    change must follow from the other report's ends. A change that states its own
    ends is FC301's; one measured over years (``_LONG_BASE``) may have another
    base. The finding is a warning at most: the base is the other report's."""
    bare: dict[Key, list[ClaimRef]] = defaultdict(list)
    ends: dict[Key, ClaimRef] = {}
    for claims in _sentences_of_members(ctx):
        with_ends = list(stated_ends(claims))
        own = {new.key for new, _, _ in with_ends}
        own.update(pct.key for _, _, pct in with_ends if pct is not None)
        for new, old, pct in with_ends:
            if pct is None:
                ends[new.key] = old
        for r in claims:
            claim, frame = r.claim, r.claim.frame
            if (
                frame is None
                or frame.role != "change"
                or frame.level is None
                or claim.kind != "percent"
                or claim.unit != "%"
                or claim.qualifier == "range"
                or claim.equivalent_of is not None
                or r.key in own
                or (r.doc_index, frame.level) in own
            ):
                continue
            end = claim.sentence.end if claim.sentence else claim.span.end
            if _LONG_BASE.search(r.document.prose, claim.span.end, end):
                continue
            bare[(r.doc_index, frame.level)].append(r)
    if not bare or not ends:
        return
    for group in ctx.alignment.groups:
        for a in group.members:
            for pct in bare.get(a.key, ()):
                finding = _change_against_ends(ctx, group, a, pct, ends)
                if finding is not None:
                    yield finding


def _change_against_ends(
    ctx: AuditContext,
    group: FactGroup,
    level: ClaimRef,
    pct: ClaimRef,
    ends: dict[Key, ClaimRef],
) -> Finding | None:
    """The finding on ``pct`` (the change to ``level``) when no other report's
    ends of the same level give it."""
    misfits = []
    for b in group.members:
        old = ends.get(b.key)
        if b.doc_index == level.doc_index or old is None:
            continue
        same = ctx.compare(level, b)
        if same is None or not same.overlap:
            continue  # the levels disagree: FC201's own finding
        ctx.mark_checked(pct, b, old)
        misfit = change_misfit(pct, b, old)
        if misfit is None:
            return None  # one report's ends give it
        misfits.append((b, old, misfit))
    if not misfits:
        return None
    b, old, (shown, what) = misfits[0]
    where = b.document.outlet or b.document.path
    stated = _stated(pct.claim)
    finding = ctx.finding(
        "FC201",
        pct,
        f"{pct.claim.text!r} ({pct.document.outlet or pct.document.path}) does not "
        f"follow from {old.claim.text!r} to {b.claim.text!r} ({where}), the ends "
        f"another report gives of the same figure as {level.claim.text!r}: their "
        f"{what} is {format_interval(shown)}, the text says {format_interval(stated)}",
        related=[level, b, old],
        details={
            "stated": pct.claim.value,
            "implied_low": shown.low,
            "implied_high": shown.high,
            "new_value": b.claim.value,
            "old_value": old.claim.value,
        },
        evidence=(
            *_evidence(group, level, b),
            "a change in one report, both of its ends in another",
        ),
    )
    top = pair_level(group, level, b)
    return cap_severity(finding, "probable" if top == "confident" else top)


def _sentences_of_members(ctx: AuditContext) -> list[list[ClaimRef]]:
    """The sentences (their claims, in order) that hold a member of a fact group
    spanning two or more documents: a change and its level, or a level and its
    ends, stand in one sentence."""
    wanted = {
        (m.doc_index, m.claim.sentence.start if m.claim.sentence else -1)
        for g in ctx.alignment.groups
        if len({m.doc_index for m in g.members}) > 1
        for m in g.members
    }
    if not wanted:
        return []
    by: dict[tuple[int, int], list[ClaimRef]] = defaultdict(list)
    for ref in ctx.by_key.values():
        s = ref.claim.sentence
        where = (ref.doc_index, s.start if s else -1)
        if where in wanted:
            by[where].append(ref)
    return [sorted(by[k], key=lambda r: r.claim.span.start) for k in sorted(by)]


def _floor_fell(ctx: AuditContext, d: Decision, floor: float) -> Finding | None:
    """A later report's floor of a running tally ("killed at least 205") below an
    earlier report's ("at least 211"): what was confirmed cannot be unconfirmed.
    The later floor counts at the top of its rounding ("at least 32,000 hectares"
    may mean 32,499)."""
    earlier, later = d.a, d.b
    own = _floor(later)
    if own is None:
        return None
    how = ""
    if later.claim.unit != earlier.claim.unit:
        # "1,100 square miles" after "2,000 sq km": the floors in one unit (the
        # raw numbers say nothing across units)
        conv = ctx.convert(
            Interval(floor, floor, earlier.claim.unit),
            later.claim.unit or "",
            kind=earlier.claim.kind,
            value=floor,
            day=later.document.published,
        )
        if conv is None or conv.result.low is None:
            return None
        floor, how = conv.result.low, f" ({conv.describe()})"
    top = own + later.claim.precision / 2
    if top >= floor:
        return None
    gap = floor - top
    return ctx.finding(
        "FC201",
        later,
        f"{later.claim.text!r} ({later.document.published}) says the running tally "
        f"is at least {own:,.0f}, below the earlier report's {earlier.claim.text!r} "
        f"({earlier.document.published}), which already said at least {floor:,.0f}"
        f"{how}: {top:,.0f} (the top of its rounding) is {gap:,.0f} "
        f"({gap / floor:.1%}) short of {floor:,.0f}",
        related=[earlier],
        evidence=(
            *d.evidence,
            "a running tally: a later report's 'at least' cannot fall below an "
            "earlier 'at least'",
        ),
    )


def _fell_unsaid(earlier: ClaimRef, later: ClaimRef) -> bool:
    """Whether a later report of a running tally may be read against the earlier
    count as a floor: the earlier count is stated as it stands (no "about", "up
    to", estimate or forecast), the tally is not one that falls by nature (the
    missing, the hospitalized), and the later sentence says no word of a revision
    ("revised down to", "lowered", "after double counting")."""
    ce, cl = earlier.claim, later.claim
    if ce.qualifier is not None or ce.frame is None or cl.frame is None:
        return False
    if ce.frame.stage is not None or cl.frame.stage is not None:
        return False
    lex = lexicon()
    if ce.frame.attribute in lex.may_fall:
        return False
    for ref in (earlier, later):
        s = ref.claim.sentence
        said = ref.document.prose[s.start : s.end] if s else ref.claim.text
        if lex.increment.search(said):
            return False  # "85 new cases" against the 1,432 cases so far
        if ref is later and lex.revised_down.search(said):
            return False
    return True


def _floor(ref: ClaimRef) -> float | None:
    """The least a running tally's count says the tally is: its low end when it
    reads "at least"/"more than", the count itself when it is stated as confirmed
    so far ("had confirmed 101 deaths"), else None (an estimate may be revised
    down)."""
    claim = ref.claim
    if claim.frame is not None and claim.frame.attribute in lexicon().may_fall:
        return None  # "159 unaccounted for" then "109": the missing are being found
    if claim.qualifier in ("gt", "ge"):
        return claim.low
    if claim.qualifier is None and states_floor(claim, ref.document.prose):
        return claim.value
    return None


_SURENESS = {"confident": 0, "probable": 1, "possible": 2}


def _self_consistency(ctx: AuditContext, ref: ClaimRef) -> int:
    """+1 if a stated equivalent agrees with the figure it restates, -1 if not, 0 for
    a figure that restates nothing: a wrong conversion is the likelier culprit."""
    anchor = ctx.anchor_of(ref)
    if anchor is None:
        return 0
    comparison = ctx.compare(anchor, ref)
    if comparison is None:
        return 0
    return 1 if comparison.overlap else -1


def _suspect(ctx: AuditContext, c: Conflict, support: dict[Key, int]) -> Conflict:
    """The conflict turned to face the claim to report: the one fewer other sources
    agree with (a stated equivalent that disagrees with its own figure counts
    against it); on a tie, the later-published one."""
    a, b = c.a, c.b
    sa = support[a.key] + _self_consistency(ctx, a)
    sb = support[b.key] + _self_consistency(ctx, b)
    wrong = (a if sa < sb else b) if sa != sb else _order(a, b)[0]
    return c if wrong is a else _swapped(c)


def _order(a: ClaimRef, b: ClaimRef) -> tuple[ClaimRef, ClaimRef]:
    """(later, earlier) by publication date, then path: the later one is reported."""
    da, db = a.document.published, b.document.published
    if da and db and da != db:
        return (a, b) if da > db else (b, a)
    return (a, b) if a.document.path > b.document.path else (b, a)


__all__ = ["cross_source_conflict", "format_interval", "outlier"]


#: claims too small or too generic to need a source: "three years", "one of two"
_TRIVIAL_COUNT = 12


@rule("FC203", "unsupported-claim", "info", "a draft's figure that no source states")
def unsupported_claim(ctx: AuditContext) -> Iterator[Finding]:
    """A figure in a draft that none of its sources states.

    *What it checks.* Only when a draft is audited against its sources (front matter
    `sources`, or `factcheck audit draft.md --sources ...`). Each figure of the draft
    (money, percentages, quantities, counts above a dozen; not a span of a dozen
    units of time or fewer, "in two years") should align with a figure
    of some source, by the same evidence FC201 uses, and agree with it. One that
    aligns with nothing is reported for an editor to source or cut; one that aligns
    but disagrees is FC201's or FC202's.

    *Why it matters.* A figure no source backs is the one most likely to be a slip
    of the writer's, and the one a fact-checker must trace by hand.

    *Example.* The first document is the draft, the others its sources.

        fires [2025-09-08]: X Square Robot raised $140 million in a round led by Alibaba. || X Square Robot closed a funding round led by Alibaba this week.
        silent [2025-09-08]: X Square Robot raised $140 million in a round led by Alibaba. || Alibaba led the $140 million round in X Square Robot.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    if not ctx.drafts:
        return
    supported: set[Key] = set()
    pairs = [(d.a, d.b) for d in ctx.alignment.possible] + [
        (a, b) for g in ctx.alignment.groups for a in g.members for b in g.members
    ]
    for a, b in pairs:
        if (a.doc_index in ctx.drafts) == (b.doc_index in ctx.drafts):
            continue
        draft = a if a.doc_index in ctx.drafts else b
        supported.add(draft.key)
    sources = ctx.source_paths
    if sources is None:
        sources = tuple(
            sorted({r.document.path for r in ctx.refs if r.doc_index not in ctx.drafts})
        )
    for ref in ctx.refs:
        if ref.doc_index not in ctx.drafts or ref.key in supported:
            continue
        claim = ref.claim
        if claim.kind == "count" and abs(claim.value) <= _TRIVIAL_COUNT:
            continue
        if (
            claim.frame is not None
            and claim.frame.attribute == "dim:time"
            and abs(claim.value) <= _TRIVIAL_COUNT
        ):
            continue  # "its eighth round in two years": a span of time, not a fact
        anchor = ctx.anchor_of(ref)
        if anchor is not None and anchor.key in supported:
            continue  # a conversion of a sourced figure: FC101 checks it
        yield ctx.finding(
            "FC203",
            ref,
            f"{claim.text!r} aligns with no figure in the sources "
            f"({', '.join(sources)})",
            details={"value": claim.value, "unit": claim.unit},
        )
