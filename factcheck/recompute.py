"""What the incremental index (:mod:`factcheck.incremental`) cannot give back is
computed here: the verdicts of blocks whose inputs changed (noting which verdicts
read a word weight), pairs judged again, and rule units (one document, or one
connected component of the alignment) run, in forked workers when there are many.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import attrs

from factcheck.align.context import ClaimRef
from factcheck.align.groups import (
    Alignment,
    Blocks,
    PackedVerdict,
    Scoring,
    block_pairs,
    pack_verdict,
)
from factcheck.model import Finding
from factcheck.rules.context import AuditContext
from factcheck.rules.shards import Component

__all__ = [
    "MIN_PAIRS",
    "Packed",
    "Unit",
    "UnitResult",
    "judge_pairs",
    "rules_on_units",
    "score_blocks",
    "unit_context",
]

Key = tuple[int, str]
#: a unit's findings by rule code, and the claims it checked (its document's
#: number among the unit's documents, claim id)
UnitResult = tuple[dict[str, list[Finding]], set[Key]]
#: pairs to judge below which forked workers do not pay
MIN_PAIRS = 20_000


@attrs.frozen(kw_only=True)
class Unit:
    """One document, or one component of the alignment, with its key."""

    key: str
    #: the documents it reads, in order (one: a document unit)
    documents: tuple[int, ...]
    component: Component | None = None


#: a block's verdicts as stored: two runs of (x, y, verdict) triples, x and y
#: positions in the block's members. The first holds the pairs whose verdict read
#: no word weight (their two claims share no context word, or the frames decided
#: first), pairs judged None left out (the join judges a pair it was not given
#: again, and gets None again); the second every pair whose verdict read a word
#: weight, None included, judged again when a weight it read changed
Packed = tuple[tuple[object, ...], tuple[object, ...]]


class _Reads(dict[str, float]):
    """Word weights that note whether a verdict read one."""

    read = False

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        self.read = True
        return super().get(key, default)


def score_blocks(
    scoring: Scoring, blocks: Blocks, todo: Sequence[int], jobs: int
) -> list[Packed]:
    """The packed verdicts of the blocks numbered ``todo``, in order: in ``jobs``
    forked workers when they hold many pairs, else here."""
    weights = [
        len(blocks.blocks[n][1]) * (len(blocks.blocks[n][1]) - 1) // 2 for n in todo
    ]
    state = (attrs.evolve(scoring, idf=_Reads(scoring.idf)), blocks, tuple(todo))
    return _forked(_score_run, state, weights, jobs, MIN_PAIRS)


def _score_run(
    state: tuple[Scoring, Blocks, tuple[int, ...]], run: range
) -> list[Packed]:
    scoring, blocks, todo = state
    reads = scoring.idf
    assert isinstance(reads, _Reads)
    refs = scoring.refs
    keys = blocks.keys.__getitem__
    out: list[Packed] = []
    for n in run:
        key, members = blocks.blocks[todo[n]]
        place = {i: x for x, i in enumerate(members)}
        fixed: list[object] = []
        weighed: list[object] = []
        for i, j in block_pairs(key, members, keys, scoring.admits):
            reads.read = False
            verdict = pack_verdict(scoring.judge(refs[i], refs[j]))
            if reads.read:
                weighed.extend((place[i], place[j], verdict))
            elif verdict is not None:
                fixed.extend((place[i], place[j], verdict))
        out.append((tuple(fixed), tuple(weighed)))
    return out


def judge_pairs(
    scoring: Scoring, pairs: Sequence[tuple[int, int]], jobs: int
) -> list[PackedVerdict]:
    """The packed verdicts of pairs of claim numbers, in order (in ``jobs``
    forked workers when there are many)."""
    return _forked(
        _judge_run, (scoring, tuple(pairs)), [1] * len(pairs), jobs, MIN_PAIRS
    )


def _judge_run(
    state: tuple[Scoring, tuple[tuple[int, int], ...]], run: range
) -> list[PackedVerdict]:
    scoring, pairs = state
    refs = scoring.refs
    return [
        pack_verdict(scoring.judge(refs[pairs[n][0]], refs[pairs[n][1]])) for n in run
    ]


State = TypeVar("State")
Result = TypeVar("Result")


def _forked(
    fn: Callable[[State, range], list[Result]],
    state: State,
    weights: Sequence[int],
    jobs: int,
    least: int,
) -> list[Result]:
    """``fn(state, run)`` over runs of ``range(len(weights))`` of about equal
    weight, in ``jobs`` forked workers (here for one job, where the platform
    cannot fork, or below ``least`` in all), the results in order."""
    from factcheck.engine import CHUNKS_PER_JOB  # noqa: PLC0415
    from factcheck.engine.local import (  # noqa: PLC0415
        Crashed,
        can_fork,
        run_forked,
        weighed_runs,
    )

    if jobs <= 1 or not can_fork() or sum(weights) < least:
        return fn(state, range(len(weights)))
    runs = weighed_runs(weights, jobs * CHUNKS_PER_JOB)
    out: list[Result] = []
    for run, result in zip(runs, run_forked(fn, state, runs, jobs), strict=True):
        if isinstance(result, Crashed):  # run it here: the results must be had
            out.extend(fn(state, run))
        else:
            out.extend(result)
    return out


def unit_context(
    ctx: AuditContext, unit: Unit, by_doc: Mapping[int, Sequence[ClaimRef]]
) -> AuditContext:
    """The context a unit's rules read, as :func:`factcheck.rules.shards.
    shard_context` gives it for a shard owning this one document or component
    (built from ``by_doc``, the audit's claims by document, in time linear in the
    unit)."""
    component = unit.component
    owned = unit.documents if component is None else ()
    return AuditContext(
        extractions=ctx.extractions,
        refs=tuple(r for i in owned for r in by_doc.get(i, ())),
        alignment=Alignment(
            groups=component.groups if component else (),
            possible=component.possible if component else (),
            series=component.series if component else (),
        ),
        provider=ctx.provider,
        settings=ctx.settings,
        by_key={r.key: r for i in unit.documents for r in by_doc.get(i, ())},
        drafts=ctx.drafts,
        disabled=ctx.disabled,
    )


def rules_on_units(
    ctx: AuditContext, units: Sequence[Unit], codes: tuple[str, ...], jobs: int
) -> list[UnitResult]:
    """The built-in rules ``codes`` over each unit: findings by code and the
    claims checked, in order; in ``jobs`` forked workers when the units hold
    many claims."""
    from factcheck.engine import MIN_PARALLEL_CLAIMS  # noqa: PLC0415

    by_doc: dict[int, list[ClaimRef]] = defaultdict(list)
    for r in ctx.refs:
        by_doc[r.doc_index].append(r)
    weights = [sum(len(by_doc.get(i, ())) for i in u.documents) or 1 for u in units]
    state = (ctx, tuple(units), by_doc, codes)
    return _forked(_rules_run, state, weights, jobs, MIN_PARALLEL_CLAIMS)


def _rules_run(
    state: tuple[
        AuditContext,
        tuple[Unit, ...],
        Mapping[int, Sequence[ClaimRef]],
        tuple[str, ...],
    ],
    run: range,
) -> list[UnitResult]:
    from factcheck.rules.registry import builtin_rules  # noqa: PLC0415

    ctx, units, by_doc, codes = state
    rules = builtin_rules()
    out: list[UnitResult] = []
    for n in run:
        sub = unit_context(ctx, units[n], by_doc)
        found = {code: list(rules[code].check(sub)) for code in codes}
        out.append((found, sub.checked))
    return out
