"""The audit on a Dask cluster (``factcheck audit --engine dask``, or
:func:`audit_on_dask`): the same pipeline as :func:`factcheck.audit`, its stages on
``dask.bag`` and ``distributed``, for archives larger than one machine's cores.

1. documents are read here and extracted (with frames) per partition on the
   workers;
2. the aligner's tables (word weights, main names: counts over the whole audit)
   are prepared here and sent to every worker once;
3. claims are shuffled by blocking key (the aligner's blocks), and each block's
   candidate pairs are scored where the block lands; a pair two blocks share is
   scored in the first of them (in key order), as the local aligner does;
4. the verdicts are gathered, and the union-find with its cannot-links joins the
   fact groups here, in one place;
5. rules of ``document`` and ``group`` scope run per shard on the workers
   (:mod:`factcheck.rules.shards`), the others here; findings are gathered and
   sorted exactly as the local engine sorts them.

The report equals the local engine's. Nothing here imports Dask until an audit
asks for this engine; without the extra, :class:`~factcheck.engine.EngineError`
names it (``pip install "factcheck-news[dask]"``). Workers need factcheck (same
version) installed, not the articles: documents travel in the task graph.
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

import attrs

from factcheck.align import ClaimRef, FrameAligner
from factcheck.align.groups import (
    Alignment,
    BlockKey,
    PackedVerdict,
    Scoring,
    block_pairs,
    is_searched,
    pack_verdict,
    unpack_verdict,
)
from factcheck.config import Config
from factcheck.engine import CHUNKS_PER_JOB, EngineError
from factcheck.engine.local import chunks
from factcheck.model import Claim, Document, Extraction, Finding, Problem, Report
from factcheck.pipeline import (
    PathLike,
    Progress,
    align_extractions,
    extract_one,
    finish_report,
    identified,
    provider_from,
    read_inputs,
    run_rules,
)
from factcheck.rules import AuditContext, all_rules, builtin_rules
from factcheck.rules.shards import plan_shards, shard_context

if TYPE_CHECKING:
    from distributed import Client

Key = tuple[int, str]

#: the extra that installs this engine's dependencies
EXTRA = "dask"


def _dask() -> tuple[ModuleType, ModuleType]:
    """``dask.bag`` and ``distributed``, or an error naming the extra."""
    try:
        import distributed  # noqa: PLC0415
        from dask import bag  # noqa: PLC0415
    except ImportError as exc:
        msg = (
            f"the Dask engine needs the {EXTRA!r} extra: "
            f'pip install "factcheck-news[{EXTRA}]" ({exc})'
        )
        raise EngineError(msg) from None
    return bag, distributed


def audit_on_dask(
    inputs: Iterable[Document | PathLike],
    *,
    sources: Iterable[Document | PathLike] = (),
    config: Config | None = None,
    client: Client | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    default_date: dt.date | None = None,
    progress: Progress | None = None,
) -> Report:
    """:func:`factcheck.audit` on a Dask cluster; the same report.

    Args:
        inputs: as :func:`factcheck.audit`.
        sources: as :func:`factcheck.audit`.
        config: as :func:`factcheck.audit`.
        client: a ``distributed.Client`` to run on (left open).
        scheduler: else, the address of a running scheduler
            (``tcp://host:8786``); the client made for it is closed after.
        workers: else, a local cluster of this many worker processes (one thread
            each) is started for the audit and closed after.
        default_date: as :func:`factcheck.audit`.
        progress: as :func:`factcheck.audit` (stages, not items, on a cluster).

    Raises:
        EngineError: Dask is not installed (names the extra), or the scheduler
            cannot be reached (names the address).
    """
    bag, distributed = _dask()
    config = config or Config()
    owned: list[Any] = []
    if client is None:
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout="10s")
            except (OSError, TimeoutError) as exc:
                msg = f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                raise EngineError(msg) from None
            owned.append(client)
        else:
            cluster = distributed.LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                # no dashboard; the scheduler's HTTP server (metrics) always starts: on
                # a free port, never a fixed one another cluster may hold
                dashboard_address=":0",
            )
            client = distributed.Client(cluster)
            owned += [client, cluster]
    try:
        return _audit(
            bag,
            client,
            inputs,
            sources=sources,
            config=config,
            default_date=default_date,
            progress=progress,
        )
    finally:
        for thing in owned:
            thing.close()


def _audit(
    bag: ModuleType,
    client: Client,
    inputs: Iterable[Document | PathLike],
    *,
    sources: Iterable[Document | PathLike],
    config: Config,
    default_date: dt.date | None,
    progress: Progress | None,
) -> Report:
    read = read_inputs(
        inputs,
        sources=sources,
        config=config,
        default_date=default_date,
        progress=progress,
    )
    parts = max(1, len(client.scheduler_info().get("workers", {}))) * CHUNKS_PER_JOB
    extractions, unusable = _extract(bag, client, read.documents, parts, progress)
    problems = [*read.problems, *unusable]
    try:
        provider = provider_from(config)
    except ValueError as exc:
        from factcheck.normalize import build_provider  # noqa: PLC0415

        problems.append(Problem(path=config.path or "<config>", message=str(exc)))
        provider = build_provider()
    drafts = set(read.drafts)
    ctx = align_extractions(
        extractions,
        config=config,
        provider=provider,
        drafts=drafts,
        progress=progress,
        aligner=DaskAligner(
            bag=bag,
            client=client,
            partitions=parts,
            aliases=dict(config.aliases),
        ),
    )
    rules, plugin_problems = all_rules()
    problems.extend(plugin_problems)

    def on_cluster(
        ctx: AuditContext, codes: tuple[str, ...]
    ) -> tuple[dict[str, list[Finding]], set[Key]]:
        return _rules_on_cluster(bag, client, ctx, codes, parts)

    findings, rule_problems = run_rules(
        ctx, rules, config=config, progress=progress, shards=on_cluster
    )
    problems.extend(rule_problems)
    report = finish_report(
        extractions,
        findings,
        config=config,
        problems=problems,
        report_on=None if read.report_on is None else set(read.report_on),
        drafts=drafts,
        aligned=len(ctx.alignment.aligned_keys()),
        checked=len(ctx.checked),
    )
    return identified(report, config)


def _scattered(
    bag: ModuleType, client: Client, partitions: list[list[Any]]
) -> tuple[Any, list[Any]]:
    """A bag whose partitions are sent to the workers as data (not built into the
    task graph, where the scheduler would carry them and dask would hash them),
    each sealed (:func:`_seal`); its items are sealed partitions. The futures
    come too: the data stays on the workers only while they are held."""
    futures = client.scatter(  # type: ignore[no-untyped-call]
        [[_seal(p)] for p in partitions], hash=False
    )
    return bag.from_delayed(futures), futures


def _seal(value: object) -> bytes:
    """One pickle for a whole partition or result. distributed serializes a list
    element by element (our lists hold a hundred thousand verdicts or claims: four
    times the work of scoring them); sealed, it moves one block of bytes."""
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unsealed(blobs: Iterable[bytes]) -> Iterator[Any]:
    """What :func:`_seal` sealed, one value per blob (the data is this audit's own:
    made by this process or by the workers it sent it to)."""
    for blob in blobs:
        yield pickle.loads(blob)


# ------------------------------------------------------------------ extraction

_Extracted = tuple[int, tuple[Claim, ...] | None, list[Problem]]


def _extract_partition(sealed: Iterable[bytes]) -> list[bytes]:
    out: list[_Extracted] = []
    items: list[tuple[int, Document]] = [x for p in _unsealed(sealed) for x in p]
    for i, document in items:
        extraction, problems = extract_one(document, frames=True)
        claims = None if extraction is None else tuple(extraction.claims)
        out.append((i, claims, problems))
    return [_seal(out)]


def _extract(
    bag: ModuleType,
    client: Client,
    documents: Sequence[Document],
    parts: int,
    progress: Progress | None,
) -> tuple[list[Extraction], list[Problem]]:
    """Claims with frames per partition of documents, on the workers; the
    extractions rebuilt here around the documents (which never travel back)."""
    if not documents:
        return [], []
    if progress is not None:
        progress("extract", 0, len(documents))
    numbered = list(enumerate(documents))
    runs = chunks(len(numbered), parts)
    items, held = _scattered(bag, client, [numbered[r.start : r.stop] for r in runs])
    blobs = items.map_partitions(_extract_partition).compute(scheduler=client.get)
    del held
    found: list[_Extracted] = [x for part in _unsealed(blobs) for x in part]
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    for i, claims, trouble in sorted(found, key=lambda t: t[0]):
        problems.extend(trouble)
        if claims is not None:
            extractions.append(Extraction(document=documents[i], claims=claims))
    if progress is not None:
        progress("extract", len(documents), len(documents))
    return extractions, problems


# ------------------------------------------------------------------- alignment


@attrs.frozen(kw_only=True)
class DaskAligner:
    """:class:`~factcheck.align.FrameAligner` with its candidate scoring on a
    cluster: claims shuffled by blocking key, each block's pairs scored where the
    block lands, the verdicts joined here. The same fact groups."""

    bag: ModuleType = attrs.field(eq=False, repr=False)
    client: Client = attrs.field(eq=False, repr=False)
    partitions: int = 8
    aliases: dict[str, tuple[str, ...]] = attrs.field(factory=dict)

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        local = FrameAligner(aliases=self.aliases)
        scoring = local.prepare(refs)
        if not refs:
            return local.join(scoring, ())
        shared = self.client.scatter(  # type: ignore[no-untyped-call]
            scoring, broadcast=True, hash=False
        )
        parts = max(1, min(self.partitions, len(refs)))
        indexes = self.bag.from_sequence(range(len(refs)), npartitions=parts)
        keyed = indexes.map_partitions(_keyed, shared)
        sizes = keyed.pluck(0).frequencies().compute(scheduler=self.client.get)
        unsearched = frozenset(k for k, n in sizes if not is_searched(k, n))
        blocks = keyed.groupby(lambda kv: kv[0], npartitions=parts, shuffle="tasks")
        blobs = blocks.map_partitions(_score_blocks, shared, unsearched).compute(
            scheduler=self.client.get
        )
        scored: list[tuple[int, int, PackedVerdict]] = [
            x for part in _unsealed(blobs) for x in part
        ]
        scored.sort(key=lambda t: (t[0], t[1]))
        return local.join(
            scoring,
            (
                ((refs[i], refs[j]), unpack_verdict(packed, refs[i], refs[j]))
                for i, j, packed in scored
            ),
        )


def _keyed(indexes: Iterable[int], scoring: Scoring) -> list[tuple[BlockKey, int]]:
    """(block key, claim number) for each block each claim is indexed under."""
    return [(key, i) for i in indexes for key in scoring.blocking_keys(scoring.refs[i])]


def _score_blocks(
    blocks: Iterable[tuple[BlockKey, list[tuple[BlockKey, int]]]],
    scoring: Scoring,
    unsearched: frozenset[BlockKey],
) -> list[bytes]:
    """The verdicts on the pairs each searched block here is the first (in key
    order) to hold (:func:`~factcheck.align.groups.block_pairs`), sealed; pairs
    judged to have nothing to remember are left out (the join would drop them)."""

    @functools.cache
    def keys(i: int) -> frozenset[BlockKey]:
        return frozenset(scoring.blocking_keys(scoring.refs[i])) - unsearched

    refs = scoring.refs
    out: list[tuple[int, int, PackedVerdict]] = []
    for key, members in blocks:
        if key in unsearched:
            continue
        ordered = sorted({i for _, i in members})
        for i, j in block_pairs(key, ordered, keys, scoring.admits):
            packed = pack_verdict(scoring.judge(refs[i], refs[j]))
            if packed is not None:
                out.append((i, j, packed))
    return [_seal(out)]


# ----------------------------------------------------------------------- rules


def _rules_on_cluster(
    bag: ModuleType,
    client: Client,
    ctx: AuditContext,
    codes: tuple[str, ...],
    parts: int,
) -> tuple[dict[str, list[Finding]], set[Key]]:
    """Rules ``codes`` per shard on the workers: each shard's context travels
    slim (only the documents it reads), findings and checked claims come back."""
    plan = plan_shards(ctx, parts)
    payloads = [[shard_context(ctx, shard, slim=True)] for shard in plan]
    if not payloads:
        return {code: [] for code in codes}, set()
    shards, held = _scattered(bag, client, payloads)
    blobs = shards.map(_run_shard, codes).compute(scheduler=client.get)
    del held
    results: list[tuple[dict[str, list[Finding]], set[Key]]] = list(_unsealed(blobs))
    found: dict[str, list[Finding]] = {code: [] for code in codes}
    checked: set[Key] = set()
    for by_code, seen in results:
        for code, findings in by_code.items():
            found[code].extend(findings)
        checked |= seen
    return found, checked


def _run_shard(sealed: bytes, codes: tuple[str, ...]) -> bytes:
    (sub,) = _unsealed([sealed])
    (ctx,) = sub
    rules = builtin_rules()
    found = {code: list(rules[code].check(ctx)) for code in codes}
    return _seal((found, ctx.checked))


__all__ = ["EXTRA", "DaskAligner", "audit_on_dask"]
