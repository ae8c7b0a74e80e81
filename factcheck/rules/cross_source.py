"""FC2xx: sources against each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck.align import ClaimRef
from factcheck.model import Finding
from factcheck.normalize import Comparison, format_interval
from factcheck.rules.context import AuditContext, Candidate
from factcheck.rules.conversion import _comparison_details
from factcheck.rules.registry import rule

Key = tuple[int, str]
#: how many conflicting partners of one claim the consensus search looks at
MAX_PARTNERS = 12


def _cross_conflicts(
    ctx: AuditContext,
) -> tuple[
    dict[Key, list[tuple[ClaimRef, Comparison, Candidate]]], dict[frozenset[Key], bool]
]:
    """For each claim, the claims of other documents it aligns with and contradicts;
    and, for every compared pair, whether it agrees. Computed once per audit."""
    memo = ctx.memo.get("cross_conflicts")
    if memo is not None:
        return memo  # type: ignore[return-value]
    conflicts: dict[Key, list[tuple[ClaimRef, Comparison, Candidate]]] = defaultdict(
        list
    )
    agrees: dict[frozenset[Key], bool] = {}
    for cand in ctx.candidates:
        a, b = cand.match.a, cand.match.b
        if a.doc_index == b.doc_index:
            continue
        if cand.decades and cand.match.score < ctx.settings.align_threshold + 0.1:
            continue  # a power of ten apart: only on strong evidence
        comparison = ctx.compare(a, b)
        if comparison is None:
            continue
        ctx.mark_checked(a, b)
        agrees[frozenset((a.key, b.key))] = comparison.overlap
        if not comparison.overlap:
            conflicts[a.key].append((b, comparison, cand))
            conflicts[b.key].append((a, comparison.swapped(), cand))
    ctx.memo["cross_conflicts"] = (conflicts, agrees)
    return conflicts, agrees


def _consensus(
    ctx: AuditContext,
    others: list[tuple[ClaimRef, Comparison, Candidate]],
    agrees: dict[frozenset[Key], bool],
) -> list[ClaimRef]:
    """The largest set of claims from distinct other documents that agree with one
    another (each pair compared, or equal in value and unit). Only the
    ``MAX_PARTNERS`` best-aligned conflicting claims are considered, which keeps
    the search small however large the audit."""
    best: list[ClaimRef] = []
    ranked = sorted(others, key=lambda o: -o[2].match.score)[:MAX_PARTNERS]
    refs = [o[0] for o in ranked]
    for seed in refs:
        group = [seed]
        for r in refs:
            if r is seed or any(g.doc_index == r.doc_index for g in group):
                continue
            if all(_agree(ctx, g, r, agrees) for g in group):
                group.append(r)
        if len(group) > len(best):
            best = group
    return best


def _agree(
    ctx: AuditContext, a: ClaimRef, b: ClaimRef, agrees: dict[frozenset[Key], bool]
) -> bool:
    known = agrees.get(frozenset((a.key, b.key)))
    if known is not None:
        return known
    comparison = ctx.compare(a, b)
    return comparison is not None and comparison.overlap


def _outliers(ctx: AuditContext) -> tuple[list[Finding], set[frozenset[Key]]]:
    memo = ctx.memo.get("outliers")
    if memo is not None:
        return memo  # type: ignore[return-value]
    result = _find_outliers(ctx)
    ctx.memo["outliers"] = result
    return result


def _find_outliers(ctx: AuditContext) -> tuple[list[Finding], set[frozenset[Key]]]:
    conflicts, agrees = _cross_conflicts(ctx)
    findings: list[Finding] = []
    covered: set[frozenset[Key]] = set()
    for key, others in sorted(conflicts.items()):
        consensus = _consensus(ctx, others, agrees)
        if len(consensus) < 2:
            continue
        ref = ctx.by_key[key]
        holders = ", ".join(
            sorted({c.document.outlet or c.document.path for c in consensus})
        )
        comparison = next(c for r, c, _ in others if r is consensus[0])
        cand = next(c for r, _, c in others if r is consensus[0])
        message = (
            f"{ref.claim.text!r} disagrees with {len(consensus)} other sources that agree "
            f"with each other ({holders}: "
            f"{', '.join(repr(c.claim.text) for c in consensus)}): {comparison.describe()}"
        )
        details = _comparison_details(comparison, cand.decades)
        details["consensus"] = holders
        details["consensus_value"] = consensus[0].claim.value
        findings.append(
            ctx.finding(
                "FC202",
                ref,
                message,
                related=consensus,
                details=details,
                evidence=cand.match.evidence,
            )
        )
        # every conflict of the outlier is explained by this one finding
        covered.update(frozenset((key, r.key)) for r, _, _ in others)
    return findings, covered


@rule(
    "FC202",
    "outlier",
    "error",
    "one source disagrees with a consensus of two or more others",
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

        fires [2023-09-27]: NHTSA said Hyundai had 21 other thermal problems tied to the recall. || NHTSA said Hyundai had 22 thermal incidents tied to the recall. || Regulators linked 22 thermal incidents to the Hyundai recall, NHTSA said.
        silent [2023-09-27]: NHTSA said Hyundai had 22 thermal incidents tied to the recall. || NHTSA said Hyundai had 22 thermal incidents tied to the recall. || Regulators linked 22 thermal incidents to the Hyundai recall, NHTSA said.

    *Configuration.* As FC201.
    """
    findings, _ = _outliers(ctx)
    yield from findings


@rule(
    "FC201",
    "cross-source-conflict",
    "error",
    "aligned claims from different sources cannot both hold",
)
def cross_source_conflict(ctx: AuditContext) -> Iterator[Finding]:
    """Aligned claims from different sources cannot both hold.

    *What it checks.* Two claims from different documents are aligned when they
    measure the same thing (money, percent or points, a dimension, a count of the same
    noun), stand near the same subject words and entities, share their time scope
    (different years, an earlier offer, a midday figure against the close, an average
    against a level never align), and stand within 1.45x of each other (1.25x for
    counts: beyond that they are different facts) or, for money, a whole power of ten
    apart (a dropped scale word, on strong evidence). Aligned claims must overlap after stated
    precision, qualifiers and, for money, conversion at each document's date over the
    rate window plus tolerance. Conflicts already explained by an FC202 consensus are
    not repeated.

    *Why it matters.* The same fact printed two ways means at least one outlet is
    wrong, and readers of both notice.

    *Example.* Rs 1,368 crore was about $165 million on 2023-08-23. Documents are
    separated by ``||``.

        fires [2023-08-23]: Space films cost more: the film Interstellar had a budget of $145 million. || Space films cost more: the film Interstellar had a budget of Rs1,368 crore.
        silent [2025-02-24]: Alibaba will invest more than 380 billion yuan (US$52.4 billion) in AI. || Alibaba will invest more than RMB 380 billion ($53 billion) in AI.

    *Configuration.* `align_threshold`, `window_days`, `tolerance`, entity `aliases`.
    """
    _, covered = _outliers(ctx)
    conflicts, agrees = _cross_conflicts(ctx)
    support: dict[Key, int] = defaultdict(int)
    for pair, ok in agrees.items():
        if ok:
            for key in pair:
                support[key] += 1
    for key in conflicts:
        support[key] += _self_consistency(ctx, ctx.by_key[key])
    reported: dict[Key, list[tuple[ClaimRef, Comparison, Candidate]]] = defaultdict(
        list
    )
    done: set[frozenset[Key]] = set()
    for key, others in sorted(conflicts.items()):
        ref = ctx.by_key[key]
        for other, comparison, cand in others:
            pair = frozenset((key, other.key))
            if pair in covered or pair in done:
                continue
            done.add(pair)
            wrong, right = _suspect(ref, other, support)
            comp = comparison if wrong is ref else comparison.swapped()
            reported[wrong.key].append((right, comp, cand))
    for key, against in sorted(reported.items()):
        wrong = ctx.by_key[key]
        right, comp, cand = against[0]
        where = wrong.document.outlet or wrong.document.path
        also = "".join(
            f"; also {r.claim.text!r} ({r.document.outlet or r.document.path})"
            for r, _, _ in against[1:]
        )
        yield ctx.finding(
            "FC201",
            wrong,
            f"{wrong.claim.text!r} ({where}) and {right.claim.text!r} "
            f"({right.document.outlet or right.document.path}) state the same fact but "
            f"cannot both hold: {comp.describe()}{also}",
            related=[r for r, _, _ in against],
            details=_comparison_details(comp, cand.decades),
            evidence=cand.match.evidence,
        )


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


def _suspect(
    a: ClaimRef, b: ClaimRef, support: dict[Key, int]
) -> tuple[ClaimRef, ClaimRef]:
    """(the claim to report, the other): the one fewer other sources agree with; on a
    tie, the later-published one."""
    if support[a.key] != support[b.key]:
        return (a, b) if support[a.key] < support[b.key] else (b, a)
    return _order(a, b)


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
    (money, percentages, quantities, counts above a dozen) should align with a figure
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
    for cand in ctx.candidates:
        a, b = cand.match.a, cand.match.b
        if (a.doc_index in ctx.drafts) == (b.doc_index in ctx.drafts):
            continue
        draft = a if a.doc_index in ctx.drafts else b
        supported.add(draft.key)
    for ref in ctx.refs:
        if ref.doc_index not in ctx.drafts or ref.key in supported:
            continue
        claim = ref.claim
        if claim.kind == "count" and abs(claim.value) <= _TRIVIAL_COUNT:
            continue
        anchor = ctx.anchor_of(ref)
        if anchor is not None and anchor.key in supported:
            continue  # a conversion of a sourced figure: FC101 checks it
        yield ctx.finding(
            "FC203",
            ref,
            f"{claim.text!r} aligns with no figure in the sources "
            f"({', '.join(sorted({e.document.path for e in ctx.extractions if _is_source(ctx, e.document.path)}))})",
            details={"value": claim.value, "unit": claim.unit},
        )


def _is_source(ctx: AuditContext, path: str) -> bool:
    return any(
        r.document.path == path and r.doc_index not in ctx.drafts for r in ctx.refs
    )
