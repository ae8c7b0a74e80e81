"""Worker processes on this machine (``--jobs N``): forked, so each inherits what
the parent has built (the documents, the aligner's scoring tables, the audit
context) and only small work items go out and results come back.

Where the platform cannot fork (Windows, and macOS defaults aside), or for one job,
the work runs in this process, in the same order, with the same result.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from factcheck import engine
from factcheck.align.context import ClaimRef
from factcheck.align.decide import Veto
from factcheck.align.groups import (
    Blocks,
    Confident,
    DocumentReader,
    DocumentReading,
    Numbered,
    PackedVerdict,
    Pair,
    PairScorer,
    Scoring,
    Verdict,
    block_pairs,
    claim_ranks,
    pack_verdict,
    read_documents,
)
from factcheck.engine import (
    CHUNKS_PER_JOB,
    MIN_PARALLEL_CLAIMS,
    SHARED_ITEMS_PER_JOB,
)
from factcheck.model import Claim, Document, Extraction, Finding, Problem
from factcheck.rules.registry import builtin_rules
from factcheck.rules.shards import Shard, plan_shards, shard_context

if TYPE_CHECKING:
    from factcheck.pipeline import Progress, ShardRunner
    from factcheck.rules.context import AuditContext

Key = tuple[int, str]

State = TypeVar("State")
Item = TypeVar("Item")
Result = TypeVar("Result")

#: the function and state the next forked workers run (set in the parent just
#: before the pool forks, cleared after; a worker reads its own copy)
_INHERITED: tuple[Callable[[object, object], object], object] | None = None


def can_fork() -> bool:
    """Whether worker processes can inherit the parent's memory here."""
    return "fork" in multiprocessing.get_all_start_methods()


@attrs.frozen
class Crashed(Generic[Item]):
    """A work item whose worker process died before answering (killed, out of
    memory, a crash in compiled code): the pool broke under it."""

    item: Item
    reason: str


def _call(item: object) -> object:
    assert _INHERITED is not None
    fn, state = _INHERITED
    return fn(state, item)


def run_forked(
    fn: Callable[[State, Item], Result],
    state: State,
    items: Sequence[Item],
    jobs: int,
    *,
    done: Callable[[Item], None] | None = None,
    here: bool = False,
    then: Tail[Any, Any, Any] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Result | Crashed[Item]]:
    """``fn(state, item)`` for each item, in up to ``jobs`` forked workers that
    inherit ``state``; results in the order of ``items``. An item whose worker
    died is answered by :class:`Crashed` (so is every item still waiting when the
    pool broke: the caller may retry them); an exception ``fn`` raises is raised
    here. ``done(item)`` is called in this process as each item finishes.

    ``here``: this process is one of the ``jobs`` (``jobs - 1`` workers are
    forked): it takes items from the end of the list while the workers take them
    from the start, one at a time, until they meet, so no one waits while another
    holds items it has not begun. Its own results need no copying back, and it
    does not sit idle. For work whose items cannot kill a process (a crash here
    ends the run), or that the caller redoes here when a worker died anyway. A
    worker sends each result as it is made (a thread here takes it in), and
    ``done`` is called for its items at the end. ``then`` (with ``here``): a
    :class:`Tail` the workers go on to once the items are done; it is left
    running when this returns, and must have given its results (:meth:`Tail.results`)
    before the next run forks. ``meanwhile`` (without ``here``): called in this
    process once the workers have forked, while they work."""
    global _INHERITED  # noqa: PLW0603  (what the forked workers inherit)
    if not items:
        return []
    if here:
        if min(jobs - 1, len(items) - 1) < 1:
            return _run_here(fn, state, items, done)
        return _run_shared(fn, state, items, jobs - 1, done, then=then)
    _INHERITED = (fn, state)  # type: ignore[assignment]
    gc.freeze()  # see _run_shared
    try:
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=max(1, min(jobs, len(items))),
            mp_context=multiprocessing.get_context("fork"),
        ) as pool:
            futures = {pool.submit(_call, item): n for n, item in enumerate(items)}
            if meanwhile is not None:  # the workers forked at the first submit
                meanwhile()
            results: dict[int, Result | Crashed[Item]] = {}
            for future in concurrent.futures.as_completed(futures):
                n = futures[future]
                try:
                    results[n] = future.result()  # type: ignore[assignment]
                except BrokenProcessPool as exc:
                    results[n] = Crashed(items[n], f"{type(exc).__name__}: {exc}")
                    continue
                if done is not None:
                    done(items[n])
    finally:
        _INHERITED = None
        gc.unfreeze()
    return [results[n] for n in range(len(items))]


@attrs.define(eq=False)
class Tail(Generic[State, Item, Result]):
    """Work a shared run's workers go on to once the run's own items are done
    (``run_forked(..., here=True, then=tail)``), while this process returns to
    other work: ``fn(state, item)`` for each item, the workers taking them from
    the start. :meth:`pause` stops it (the workers end the item they are on) so
    that the next run may fork and take it up where it stopped; :meth:`results`
    has this process take what is left from the end and gives every result in
    order. What no run took is run then, in ``jobs`` processes (this one among
    them). An item whose worker died before a pause is run again; after the last
    run, it is :class:`Crashed`."""

    fn: Callable[[State, Item], Result]
    state: State
    items: Sequence[Item]
    jobs: int
    #: results by position, of the runs paused so far
    _done: dict[int, Result | Crashed[Item]] = attrs.field(factory=dict)
    #: the started run's rest and pause (set by the run)
    _rest: Callable[[], dict[int, Any]] | None = None
    _pause: Callable[[], dict[int, Any]] | None = None

    def pending(self) -> list[int]:
        """The positions of the items no run has answered."""
        return [n for n in range(len(self.items)) if n not in self._done]

    def pause(self) -> None:
        """The started run's workers stopped after the item each is on, what they
        answered kept, the run closed (the next run may fork)."""
        if self._pause is not None:
            pause, self._rest, self._pause = self._pause, None, None
            self._done.update(pause())

    def results(self) -> list[Result | Crashed[Item]]:
        """Every item's result, in order (see the class)."""
        if self._rest is not None:
            rest, self._rest, self._pause = self._rest, None, None
            self._done.update(rest())
        todo = self.pending()
        if todo:
            items = [self.items[n] for n in todo]
            found = run_forked(self.fn, self.state, items, self.jobs, here=True)
            self._done.update(zip(todo, found, strict=True))
        return [self._done[n] for n in range(len(self.items))]


#: what the workers of a shared run (:class:`_Shared`) inherit, like
#: ``_INHERITED``: for the run's items and for its tail, each (function, state,
#: items, next item from the front, next item from the back); the lock over the
#: counters and the write end of each worker's pipe
_SHARED: (
    tuple[
        Sequence[tuple[Callable[[Any, Any], Any], Any, Sequence[Any], Any, Any]],
        Any,
        Sequence[Any],
    ]
    | None
) = None


def _drain(worker: int) -> int:
    """A worker of a shared run: items from the front, one at a time, while any
    is left, then the tail's the same way; each result sent, with its position,
    down the worker's pipe as soon as it is made (the parent takes it in while it
    works on its own share: the results do not all cross at the end, when the
    parent has nothing else to do), and None after each list. How many items it
    answered."""
    assert _SHARED is not None
    parts, lock, pipes = _SHARED
    pipe = pipes[worker]
    answered = 0
    for fn, state, items, front, back in parts:
        while True:
            with lock:
                n = front.value
                if n > back.value:
                    break
                front.value = n + 1
            pipe.send((n, fn(state, items[n])))
            answered += 1
        pipe.send(None)
    return answered


def _receive(pipe: Any, into: Sequence[dict[int, object]], ends: Sequence[Any]) -> None:
    """Results from a worker's pipe into ``into[k]`` for the k-th list of the run,
    each list ending with None (``ends[k]`` is then set), until the last list ends
    or the pipe closes (the worker died: what it sent in full is kept, and every
    end is set)."""
    part = 0
    with contextlib.suppress(EOFError, OSError):
        while part < len(into):
            message = pipe.recv()
            if message is None:
                ends[part].set()
                part += 1
                continue
            n, result = message
            into[part][n] = result
    for end in ends:
        end.set()


@attrs.define(eq=False)
class _Shared:
    """A shared run's workers, pipes and counters (see :func:`run_forked`), kept
    while its tail (:class:`Tail`) runs in the workers."""

    lock: Any
    counters: list[tuple[Any, Any]]
    pipes: list[tuple[Any, Any]]
    receivers: list[threading.Thread]
    #: per list of the run: each worker's results by position, and whether each
    #: worker has done the list
    theirs: list[dict[int, object]]
    ends: list[list[threading.Event]]
    pool: concurrent.futures.ProcessPoolExecutor
    futures: list[concurrent.futures.Future[int]]

    def here(
        self,
        part: int,
        fn: Callable[[Any, Any], Any],
        state: Any,
        items: Sequence[Any],
        done: Callable[[Any], None] | None,
    ) -> list[Any]:
        """List ``part`` of the run: this process's share of it, from the end,
        until it meets the workers, then their results once each worker has done
        the list; an item a worker took and never answered (it died) is
        :class:`Crashed`."""
        front, back = self.counters[part]
        results: dict[int, object] = {}
        try:
            while True:
                with self.lock:
                    n = back.value
                    if n < front.value:
                        break
                    back.value = n - 1
                results[n] = fn(state, items[n])
                if done is not None:
                    done(items[n])
        except BaseException:
            self.close(cancel=True)
            raise
        for end in self.ends[part]:
            end.wait()
        for n, result in sorted(self.theirs[part].items()):
            results[n] = result
            if done is not None:
                done(items[n])
        reason = ""
        if len(results) < len(items):  # a worker died: say how, once it is known
            reason = self.close()
        for n in range(front.value):  # taken by a worker that died
            if n not in results:
                results[n] = Crashed(items[n], reason or "its worker process died")
        return [results[n] for n in range(len(items))]

    def close(self, *, cancel: bool = False) -> str:
        """The workers waited for (``cancel``: each stops after the item it is
        on), the threads and pipes closed; how a worker died, if one did."""
        reason = ""
        if cancel:
            with self.lock:  # nothing left to take, in the run or its tail
                for front, back in self.counters:
                    back.value = front.value - 1
            self.pool.shutdown(wait=False, cancel_futures=True)
        else:
            for future in self.futures:
                try:
                    future.result()
                except BrokenProcessPool as exc:
                    reason = f"{type(exc).__name__}: {exc}"
        self.pool.shutdown(wait=True)
        for receiver in self.receivers:
            receiver.join()
        for receive, send in self.pipes:
            receive.close()
            send.close()
        return reason


def _run_shared(
    fn: Callable[[State, Item], Result],
    state: State,
    items: Sequence[Item],
    workers: int,
    done: Callable[[Item], None] | None,
    *,
    then: Tail[Any, Any, Any] | None = None,
) -> list[Result | Crashed[Item]]:
    global _SHARED  # noqa: PLW0603  (what the forked workers inherit)
    context = multiprocessing.get_context("fork")
    lists = [(fn, state, items)]
    todo = [] if then is None else then.pending()
    if then is not None and todo:
        lists.append((then.fn, then.state, [then.items[n] for n in todo]))
    counters = [
        (context.RawValue("q", 0), context.RawValue("q", len(part[2]) - 1))
        for part in lists
    ]
    pipes = [context.Pipe(duplex=False) for _ in range(workers)]
    lock = context.Lock()
    _SHARED = (
        [(*part, *counter) for part, counter in zip(lists, counters, strict=True)],
        lock,
        [send for _, send in pipes],
    )
    theirs: list[dict[int, object]] = [{} for _ in lists]
    ends = [[threading.Event() for _ in lists] for _ in range(workers)]
    # what the workers inherit is frozen out of the collector's reach: a worker's
    # collection would otherwise walk (and so copy, page by page) the whole heap it
    # shares with this process
    gc.freeze()
    try:
        pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, mp_context=context
        )
        # forked here, at the first submit (the fork context starts every worker
        # then): nothing of the run is read from the module after this
        futures = [pool.submit(_drain, w) for w in range(workers)]
    except BaseException:
        for receive, send in pipes:
            receive.close()
            send.close()
        gc.unfreeze()
        raise
    finally:
        _SHARED = None
    for _, send in pipes:  # the workers hold theirs: a dead one's pipe ends
        send.close()
    receivers = [
        threading.Thread(target=_receive, args=(receive, theirs, ends[w]), daemon=True)
        for w, (receive, _) in enumerate(pipes)
    ]
    for receiver in receivers:
        receiver.start()
    run = _Shared(
        lock=lock,
        counters=counters,
        pipes=pipes,
        receivers=receivers,
        theirs=theirs,
        ends=[[e[k] for e in ends] for k in range(len(lists))],
        pool=pool,
        futures=futures,
    )
    try:
        results = run.here(0, fn, state, items, done)
    except BaseException:
        gc.unfreeze()
        raise
    if len(lists) == 1:
        run.close()
        gc.unfreeze()
        return results
    assert then is not None
    tail = lists[1]

    def rest() -> dict[int, Any]:
        try:
            out = run.here(1, *tail, None)
        except BaseException:
            gc.unfreeze()
            raise
        run.close()
        gc.unfreeze()
        return dict(zip(todo, out, strict=True))

    def pause() -> dict[int, Any]:
        front, back = run.counters[1]
        with run.lock:  # nothing more to take: each worker ends its item
            back.value = front.value - 1
        for end in run.ends[1]:
            end.wait()
        got = dict(run.theirs[1])
        run.close()
        gc.unfreeze()
        # an item a worker took and never answered (it died) stays to be run
        return {todo[n]: result for n, result in got.items()}

    then._rest, then._pause = rest, pause
    return results


def _run_here(
    fn: Callable[[State, Item], Result],
    state: State,
    items: Sequence[Item],
    done: Callable[[Item], None] | None,
) -> list[Result | Crashed[Item]]:
    out: list[Result | Crashed[Item]] = []
    for item in items:
        out.append(fn(state, item))
        if done is not None:
            done(item)
    return out


def chunks(count: int, parts: int) -> list[range]:
    """``range(count)`` cut into at most ``parts`` consecutive runs of near-equal
    length."""
    parts = max(1, min(parts, count))
    size, extra = divmod(count, parts)
    out = []
    start = 0
    for n in range(parts):
        stop = start + size + (1 if n < extra else 0)
        if stop > start:
            out.append(range(start, stop))
        start = stop
    return out


def shrinking_chunks(count: int, jobs: int, parts: int) -> list[range]:
    """``range(count)`` cut into consecutive runs that shrink as they go: each
    takes a ``2 * jobs``-th of what is left, none shorter than a quarter of a
    ``parts``-th of ``count`` (the last ones are that short). Workers take the
    runs in order, so the long runs are taken first and the runs still going when
    another worker finds nothing left are short: with ``parts`` runs of equal
    length, a worker waited up to one of them (a sixteenth of the phase with two
    jobs) for the last to finish."""
    if count <= 0:
        return []
    jobs, parts = max(1, jobs), max(1, parts)
    least = max(1, -(-count // (4 * parts)))
    out = []
    start = 0
    while start < count:
        size = max(least, (count - start) // (2 * jobs))
        out.append(range(start, min(count, start + size)))
        start += size
    return out


#: an extraction as it travels back from a worker: its claims, without the
#: document (the parent has it), and its problems
_Extracted = tuple[tuple[Claim, ...] | None, list[Problem]]
_Outcome = tuple[Extraction | None, list[Problem]]


def _extract_range(
    state: tuple[Sequence[Document], bool], run: range
) -> list[_Extracted]:
    from factcheck.pipeline import extract_one  # noqa: PLC0415

    documents, frames = state
    out: list[_Extracted] = []
    for i in run:
        extraction, problems = extract_one(documents[i], frames=frames)
        claims = None if extraction is None else tuple(extraction.claims)
        out.append((claims, problems))
    return out


def extract_forked(
    documents: Sequence[Document],
    *,
    frames: bool,
    parts: int,
    jobs: int,
    progress: Progress | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[_Outcome]:
    """:func:`factcheck.pipeline.extract_one` over the documents in forked workers,
    in chunks that shrink as they go (:func:`shrinking_chunks`; ``parts``: the
    count of equal chunks whose quarter is the shortest), in order. A pool breaks
    for every item it holds, so a chunk whose worker died is cut in half and tried
    again, and a single document is blamed only when its worker died with nothing
    else in the pool: it becomes a Problem naming the file, and the other
    documents go on. ``meanwhile``: called here while the workers extract."""
    got: dict[int, _Outcome] = {}
    finished = 0

    def done(run: range) -> None:
        nonlocal finished
        finished += len(run)
        if progress is not None:
            progress("extract", finished, len(documents))

    def settle(run: range, result: list[_Extracted] | Crashed[range]) -> None:
        if isinstance(result, Crashed):
            i = run[0]
            reason = (
                "its worker process died while reading its numbers "
                f"({result.reason}); left out"
            )
            got[i] = (None, [Problem(path=documents[i].path, message=reason)])
            done(run)
            return
        for i, (claims, problems) in zip(run, result, strict=True):
            extraction = (
                None
                if claims is None
                else Extraction(document=documents[i], claims=claims)
            )
            got[i] = (extraction, problems)

    state = (documents, frames)
    todo = shrinking_chunks(len(documents), jobs, parts)
    suspects: list[range] = []
    while todo:
        runs, todo = todo, []
        results = run_forked(
            _extract_range, state, runs, jobs, done=done, meanwhile=meanwhile
        )
        meanwhile = None  # once: a retry of crashed chunks has nothing to add
        for run, result in zip(runs, results, strict=True):
            if not isinstance(result, Crashed) or len(runs) == 1 == len(run):
                settle(run, result)
            elif len(run) > 1:
                half = len(run) // 2
                todo += [run[:half], run[half:]]
            else:
                suspects.append(run)
    for run in suspects:  # each alone in its pool: a crash now is its own
        (result,) = run_forked(_extract_range, state, [run], 1, done=done)
        settle(run, result)
    return [got[i] for i in range(len(documents))]


def forked_scorer(
    jobs: int, *, then: Tail[Any, Any, Any] | None = None
) -> PairScorer | None:
    """The aligner's candidate search and scoring split by block over ``jobs``
    forked workers (runs of consecutive blocks of about equal pair counts; each
    worker finds the pairs its blocks are the first to hold and judges them); None
    (all here) for one job or where the platform cannot fork. Fewer than
    :data:`~factcheck.engine.MIN_PARALLEL_CLAIMS` claims are scored here.
    ``then``: work the workers go on to once the pairs are scored, while this
    process joins the fact groups (:func:`rules_ahead`)."""
    if jobs <= 1 or not can_fork():
        return None

    def score(scoring: Scoring) -> Iterable[tuple[Pair, Verdict]] | Numbered:
        if len(scoring.refs) < MIN_PARALLEL_CLAIMS:
            pairs = list(scoring.candidates())
            return zip(pairs, scoring.score(pairs), strict=True)
        plan = _ScorePlan(scoring, jobs * SHARED_ITEMS_PER_JOB)
        if then is not None:  # started by the reading: its worker ends here
            then.pause()
        results = run_forked(
            _score_run, plan, range(plan.parts), jobs, here=True, then=then
        )
        rows: list[tuple[int, int, PackedVerdict]] = []
        vetoes: list[int] = []
        confident: list[Confident] = []
        for n, result in enumerate(results):
            if isinstance(result, Crashed):  # score it here: the verdicts must be had
                result = _score_run(plan, n)  # noqa: PLW2901
            rows.extend(result[0])
            vetoes.extend(result[1])
            confident.extend(result[2])
        return Numbered(rows, vetoes, confident, plan.made()[2])

    return score


@attrs.define
class _ScorePlan:
    """The blocks a scoring is cut into, their runs (``parts`` at most) and the
    claims' ranks: made where they are first needed, in each process. The workers
    are forked before the plan is made, so each makes its own beside this
    process's: the plan's work (a tenth of the scoring's at 10,000 articles) is
    not a serial wait before the workers start."""

    scoring: Scoring
    parts: int
    _made: tuple[Blocks, list[range], list[int]] | None = None

    def made(self) -> tuple[Blocks, list[range], list[int]]:
        """(blocks, runs of blocks, the claims' ranks), made once per process."""
        if self._made is None:
            blocks = self.scoring.blocks()
            weights = [len(m) * (len(m) - 1) // 2 for _, m in blocks.blocks]
            runs = weighed_runs(weights, self.parts)
            self._made = (blocks, runs, claim_ranks(self.scoring.refs))
        return self._made


def _score_run(
    plan: _ScorePlan, n: int
) -> tuple[list[tuple[int, int, PackedVerdict]], list[int], list[Confident]]:
    """The verdicts of run ``n`` of the plan (nothing where the plan has fewer)."""
    blocks, runs, ranks = plan.made()
    if n >= len(runs):
        return [], [], []
    return _score_blocks((plan.scoring, blocks, ranks), runs[n])


def _score_blocks(
    state: tuple[Scoring, Blocks, Sequence[int]], run: range
) -> tuple[list[tuple[int, int, PackedVerdict]], list[int], list[Confident]]:
    """The verdicts on the pairs of a run of blocks, as :class:`Numbered` holds
    them: rows for what the join reads, bare vetoes as numbers, confident
    decisions ready for the join's sort; pairs judged to have nothing to
    remember are left out (the join drops them)."""
    scoring, blocks, rank = state
    refs = scoring.refs
    count = len(refs)
    keys = blocks.keys.__getitem__
    judge, admits = scoring.judge, scoring.admits
    rows: list[tuple[int, int, PackedVerdict]] = []
    vetoes: list[int] = []
    confident: list[Confident] = []
    # one object for each evidence line and list met again: pickled once each
    # (an audit of 10,000 articles sends 226,000 rows with 55,000 distinct lists:
    # 17 MB instead of 47), and the parent's decisions share them
    lists: dict[tuple[str, ...], tuple[str, ...]] = {}
    lines: dict[str, str] = {}
    for n in run:
        for i, j in block_pairs(*blocks.blocks[n], keys, admits, refs):
            verdict = judge(refs[i], refs[j])
            if verdict is None:
                continue  # nothing to remember: the join drops it
            if isinstance(verdict, Veto) and verdict.series is None:
                # half of all pairs: packed as one number, without a call
                vetoes.append(i * count + j)  # block_pairs gives i < j
                continue
            packed = pack_verdict(verdict)
            assert isinstance(packed, tuple)
            kind, confidence, level, evidence = packed
            shared = lists.get(evidence)
            if shared is None:
                shared = lists[evidence] = tuple(
                    lines.setdefault(line, line) for line in evidence
                )
            packed = (kind, confidence, level, shared)
            if kind == "decision" and level == "confident":  # see confident_row
                confident.append((-confidence, rank[i], rank[j], i, j, packed))
            else:
                rows.append((i, j, packed))
    confident.sort()  # the join's sort then merges runs: its work is done here
    return rows, vetoes, confident


def weighed_runs(weights: Sequence[int], parts: int) -> list[range]:
    """Positions ``0..len(weights)`` cut into at most ``parts`` consecutive runs of
    about equal total weight (a run ends once it reaches its share)."""
    total = sum(weights)
    if not weights:
        return []
    share = max(1, total // max(1, parts))
    out: list[range] = []
    start, acc = 0, 0
    for n, w in enumerate(weights):
        acc += w
        if acc >= share and len(out) < parts - 1:
            out.append(range(start, n + 1))
            start, acc = n + 1, 0
    if start < len(weights):
        out.append(range(start, len(weights)))
    return out


def forked_reader(
    jobs: int, *, then: Tail[Any, Any, Any] | None = None
) -> DocumentReader | None:
    """The aligner's per-document reading (claim contexts, main names) over
    ``jobs`` forked workers, in chunks of documents, order kept; None (here) for
    one job or where the platform cannot fork. Below
    :data:`~factcheck.engine.MIN_PARALLEL_DOCUMENTS` documents it reads here.
    ``then``: work the workers go on to once the documents are read, while this
    process counts the audit's word weights and generic names; the scorer
    (``forked_scorer(jobs, then=...)``) pauses it before it forks and takes it
    up (:func:`rules_ahead`)."""
    if jobs <= 1 or not can_fork():
        return None

    def read(
        documents: Sequence[Sequence[ClaimRef]], table: Mapping[str, str]
    ) -> list[DocumentReading]:
        if len(documents) < engine.MIN_PARALLEL_DOCUMENTS:
            return read_documents(documents, table)
        runs = chunks(len(documents), jobs * CHUNKS_PER_JOB)
        results = run_forked(
            _read_run, (documents, table), runs, jobs, here=True, then=then
        )
        out: list[DocumentReading] = []
        for run, result in zip(runs, results, strict=True):
            if isinstance(result, Crashed):  # read it here: the readings must be had
                result = _read_run((documents, table), run)  # noqa: PLW2901
            out.extend(result)
        return out

    return read


def _read_run(
    state: tuple[Sequence[Sequence[ClaimRef]], Mapping[str, str]], run: range
) -> list[DocumentReading]:
    documents, table = state
    return read_documents([documents[i] for i in run], table)


#: what a rule shard's worker inherits: the context, the plan, the rules' codes
_RulesState = tuple["AuditContext", Sequence[Shard], tuple[str, ...]]
#: rules started ahead of the alignment (:func:`rules_ahead`): each shard's
#: findings by code and the claims it checked
RulesAhead = Tail[_RulesState, int, tuple[dict[str, list[Finding]], set[Key]]]


def rules_ahead(
    ctx: AuditContext, codes: Sequence[str], jobs: int
) -> RulesAhead | None:
    """The built-in rules ``codes`` of ``document`` scope (they read no alignment)
    over document shards of ``ctx``, a context made before the alignment, as the
    tail of the reading's and then of the scoring's shared run
    (``forked_reader`` and ``forked_scorer(jobs, then=...)``): their workers go
    on to them while this process counts the word weights, and later while it
    joins the fact groups and plans the other rules' shards, and would
    otherwise leave the workers' core idle; :func:`forked_shards` takes the
    rest. None where :func:`forked_shards` runs
    nothing in workers (one job, no fork, fewer than
    :data:`~factcheck.engine.MIN_PARALLEL_CLAIMS` claims) or for no codes."""
    if jobs <= 1 or not can_fork() or len(ctx.refs) < MIN_PARALLEL_CLAIMS:
        return None
    if not codes:
        return None
    plan = plan_shards(ctx, jobs * SHARED_ITEMS_PER_JOB, alignment=False)
    return Tail(_rules_on_shard, (ctx, plan, tuple(codes)), range(len(plan)), jobs)


def forked_shards(
    ctx: AuditContext,
    jobs: int,
    *,
    ahead: RulesAhead | None = None,
) -> ShardRunner | None:
    """Rules run per shard of ``ctx`` in ``jobs`` forked workers (each inherits the
    context; only findings come back); None (run here) for one job, where the
    platform cannot fork, or below :data:`~factcheck.engine.MIN_PARALLEL_CLAIMS`
    claims. ``ahead``: rules already started before the alignment
    (:func:`rules_ahead`); their findings are taken from it, and the others run
    over shards of ``ctx``."""
    if jobs <= 1 or not can_fork() or len(ctx.refs) < MIN_PARALLEL_CLAIMS:
        return None

    def run(
        ctx: AuditContext, codes: tuple[str, ...]
    ) -> tuple[dict[str, list[Finding]], set[Key]]:
        found: dict[str, list[Finding]] = {code: [] for code in codes}
        checked: set[Key] = set()
        started = () if ahead is None else ahead.state[2]
        rest = tuple(code for code in codes if code not in started)
        # planned while the rules started ahead still run in the scoring's worker
        plan = plan_shards(ctx, jobs * SHARED_ITEMS_PER_JOB) if rest else []
        if ahead is not None:  # taken first: its tail must end before the next fork
            _gather(ahead.results(), ahead.state, found, checked)
        if rest:
            results = run_forked(
                _rules_on_shard, (ctx, plan, rest), range(len(plan)), jobs, here=True
            )
            _gather(results, (ctx, plan, rest), found, checked)
        return found, checked

    return run


def _gather(
    results: Sequence[
        tuple[dict[str, list[Finding]], set[Key]] | Crashed[int] | Crashed[Any]
    ],
    state: _RulesState,
    found: dict[str, list[Finding]],
    checked: set[Key],
) -> None:
    """The findings and checked claims of rule shards, into ``found`` and
    ``checked``; a shard whose worker died is run here."""
    ctx, plan, codes = state
    for n, result in enumerate(results):
        if isinstance(result, Crashed):  # run it here: the findings must be had
            result = rules_on_shard(ctx, plan[n], codes)  # noqa: PLW2901
        for code, findings in result[0].items():
            found.setdefault(code, []).extend(findings)
        checked.update(result[1])


def rules_on_shard(
    ctx: AuditContext, shard: Shard, codes: Sequence[str]
) -> tuple[dict[str, list[Finding]], set[Key]]:
    """The built-in rules ``codes`` over one shard of ``ctx``: their findings by
    code, and the claims they checked."""
    rules = builtin_rules()
    sub = shard_context(ctx, shard)
    found = {code: list(rules[code].check(sub)) for code in codes}
    return found, sub.checked


def _rules_on_shard(
    state: _RulesState, n: int
) -> tuple[dict[str, list[Finding]], set[Key]]:
    ctx, plan, codes = state
    return rules_on_shard(ctx, plan[n], codes)


__all__ = [
    "Crashed",
    "RulesAhead",
    "Tail",
    "can_fork",
    "chunks",
    "extract_forked",
    "forked_reader",
    "forked_scorer",
    "forked_shards",
    "rules_ahead",
    "rules_on_shard",
    "run_forked",
    "shrinking_chunks",
    "weighed_runs",
]
