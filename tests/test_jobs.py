"""``--jobs N`` / ``audit(..., jobs=N)``: extraction, the aligner's scoring and the
rules in forked worker processes, with output byte-identical to one job."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck import pipeline
from factcheck.align import FrameAligner, claim_refs
from factcheck.align.context import Context
from factcheck.align.frames import read_frames
from factcheck.align.groups import block_pairs
from factcheck.cli import main
from factcheck.config import parse_config
from factcheck.engine import check_jobs, default_jobs, local
from factcheck.errors import ConfigError
from factcheck.extractor import extract_document
from factcheck.model import Document

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

needs_fork = pytest.mark.skipif(not local.can_fork(), reason="no fork here")


@pytest.fixture
def parallel_always(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Thresholds at zero, so even the fixtures go to worker processes; yields the
    names of the functions the workers ran."""
    from factcheck import engine

    monkeypatch.setattr(engine, "MIN_PARALLEL_DOCUMENTS", 0)
    monkeypatch.setattr(local, "MIN_PARALLEL_CLAIMS", 0)
    ran: list[str] = []
    real = local.run_forked

    def counting(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        ran.append(fn.__name__)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(local, "run_forked", counting)
    return ran


def _outputs(
    tmp_path: Path, paths: list[str], jobs: int, fmt: str, cmd: str
) -> tuple[int, bytes]:
    """The exit code and output file (fixtures/bad makes the exit code 2)."""
    out = tmp_path / f"{cmd}-{fmt}-{jobs}.out"
    argv = [cmd, *paths, "--format", fmt, "-o", str(out), "--jobs", str(jobs)]
    if cmd == "audit":
        argv += ["--fail-on", "never", "--root", str(ROOT)]
    # no cache: the second run must compute, not read the first run's report back
    code = main([*argv, "--no-progress", "--no-cache"])
    return code, out.read_bytes()


@needs_fork
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_audit_with_two_jobs_is_byte_identical_to_one_on_the_fixtures(
    tmp_path: Path, parallel_always: list[str], fmt: str
) -> None:
    paths = [str(FIXTURES)]
    one = _outputs(tmp_path, paths, 1, fmt, "audit")
    assert parallel_always == []
    two = _outputs(tmp_path, paths, 2, fmt, "audit")
    assert {"_extract_range", "_score_run", "_rules_on_shard"} <= set(parallel_always)
    assert one == two


@needs_fork
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_extract_with_two_jobs_is_byte_identical_to_one(
    tmp_path: Path, parallel_always: list[str], fmt: str
) -> None:
    paths = [str(FIXTURES)]
    one = _outputs(tmp_path, paths, 1, fmt, "extract")
    two = _outputs(tmp_path, paths, 2, fmt, "extract")
    assert "_extract_range" in parallel_always
    assert one == two


@needs_fork
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/dev is absent")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_audit_with_two_jobs_is_byte_identical_to_one_on_the_dev_corpus(
    tmp_path: Path, parallel_always: list[str], fmt: str
) -> None:
    paths = [str(CORPUS)]
    assert _outputs(tmp_path, paths, 1, fmt, "audit") == _outputs(
        tmp_path, paths, 2, fmt, "audit"
    )
    assert "_rules_on_shard" in parallel_always


@needs_fork
def test_forked_scoring_gives_the_aligners_own_groups(
    parallel_always: list[str],
) -> None:
    read = pipeline.read_inputs([str(FIXTURES)])
    extractions, _ = pipeline.extract_documents(read.documents, frames=True)
    refs = claim_refs(extractions)
    serial = FrameAligner().align(refs)
    split = FrameAligner(
        scorer=local.forked_scorer(2), reader=local.forked_reader(2)
    ).align(refs)
    assert parallel_always == ["_read_run", "_score_run"]
    assert split == serial
    assert FrameAligner(reader=local.forked_reader(2)).prepare(
        refs
    ) == FrameAligner().prepare(refs)
    assert serial.groups


@pytest.mark.parametrize("by_date", [False, True], ids=["each-pair", "by-date"])
@pytest.mark.parametrize("where", ["fixtures", "corpus"])
def test_the_search_cut_by_block_finds_each_candidate_pair_once(
    where: str, by_date: bool
) -> None:
    if where == "corpus" and not CORPUS.is_dir():
        pytest.skip("../shared/corpus/dev is absent")
    read = pipeline.read_inputs([str(FIXTURES if where == "fixtures" else CORPUS)])
    extractions, _ = pipeline.extract_documents(read.documents, frames=True)
    scoring = FrameAligner().prepare(claim_refs(extractions))
    blocks = scoring.blocks()
    refs = scoring.refs if by_date else None
    cut = [
        (scoring.refs[i].key, scoring.refs[j].key)
        for key, members in blocks.blocks
        for i, j in block_pairs(
            key, members, blocks.keys.__getitem__, scoring.admits, refs
        )
    ]
    whole = [(a.key, b.key) for a, b in scoring.candidates()]
    assert len(cut) == len(set(cut))
    assert sorted(cut) == sorted(whole)
    assert len(whole) > 100


def test_shrinking_chunks_cover_every_document_in_order() -> None:
    for count in (0, 1, 5, 64, 1000, 10_000):
        runs = local.shrinking_chunks(count, 2, 16)
        assert [i for run in runs for i in run] == list(range(count))
        sizes = [len(run) for run in runs]
        assert sizes == sorted(sizes, reverse=True)
    runs = local.shrinking_chunks(10_000, 2, 16)
    assert len(runs[0]) == 2_500  # a quarter of what is left, with two jobs
    assert len(runs[-2]) == 157  # the shortest: a quarter of a sixteenth


def test_weighed_runs_cover_every_block_in_order() -> None:
    runs = local.weighed_runs([5, 1, 1, 1, 9, 0, 2, 3], 3)
    assert [n for r in runs for n in r] == list(range(8))
    assert len(runs) <= 3
    assert local.weighed_runs([], 4) == []
    assert local.weighed_runs([1, 1], 8) == [range(1), range(1, 2)]


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
@pytest.mark.parametrize("cmd", ["audit", "extract"])
def test_jobs_below_one_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str, cmd: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([cmd, str(FIXTURES / "alibaba"), "--jobs", value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--jobs" in err
    assert "a whole number, 1 or more" in err


@pytest.mark.parametrize("bad", [0, -3, True, 1.5])
def test_the_api_refuses_jobs_below_one(bad: Any) -> None:
    with pytest.raises(ValueError, match="1 or more"):
        pipeline.audit([str(FIXTURES / "alibaba")], jobs=bad)
    with pytest.raises(ValueError, match="1 or more"):
        check_jobs(bad)


def test_the_api_starts_no_process_unless_asked(
    parallel_always: list[str],
) -> None:
    report = pipeline.audit([str(FIXTURES)])
    assert report.findings
    assert parallel_always == []


def test_default_jobs_are_the_machines_cores() -> None:
    cores = getattr(os, "process_cpu_count", os.cpu_count)() or 1
    assert default_jobs() == cores


def test_jobs_in_the_configuration() -> None:
    assert parse_config({"jobs": 3}).jobs == 3
    assert parse_config({"jobs": "auto"}).jobs is None
    for bad in (0, -1, "all", 2.0, True):
        with pytest.raises(ConfigError, match="jobs"):
            parse_config({"jobs": bad})


_MARK = "WORKER-KILLER"


@needs_fork
def test_a_worker_that_dies_on_one_document_leaves_it_out_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, parallel_always: list[str]
) -> None:
    parent = os.getpid()
    real = pipeline.extract_document

    def dying(document: Document) -> Any:
        if _MARK in document.text and os.getpid() != parent:
            os._exit(9)  # the worker dies as in a crash of compiled code
        return real(document)

    monkeypatch.setattr(pipeline, "extract_document", dying)
    docs = [
        Document.from_text(
            f"Acme Mining sold {n} tonnes of copper for $1.{n} million in 2024.",
            path=f"d{n:02d}.txt",
        )
        for n in range(1, 12)
    ]
    killer = Document.from_text(f"{_MARK}: 3 tonnes.", path="killer.txt")
    extractions, problems = pipeline.extract_documents(
        [*docs[:5], killer, *docs[5:]], jobs=2
    )
    assert "_extract_range" in parallel_always
    assert [e.document.path for e in extractions] == [d.path for d in docs]
    assert [p.path for p in problems] == ["killer.txt"]
    assert "worker process died" in problems[0].message
    alone, _ = pipeline.extract_documents(docs)
    assert [e.claims for e in extractions] == [tuple(e.claims) for e in alone]


@needs_fork
def test_a_worker_that_dies_in_an_audit_is_a_problem_on_that_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, parallel_always: list[str]
) -> None:
    parent = os.getpid()
    real = pipeline.extract_document

    def dying(document: Document) -> Any:
        if _MARK in document.text and os.getpid() != parent:
            os._exit(9)
        return real(document)

    monkeypatch.setattr(pipeline, "extract_document", dying)
    (tmp_path / "killer.md").write_text(f"{_MARK}: 3 tonnes.\n", encoding="utf-8")
    report = pipeline.audit([str(FIXTURES / "alibaba"), str(tmp_path)], jobs=2)
    without = pipeline.audit([str(FIXTURES / "alibaba")])
    died = [p for p in report.problems if p not in without.problems]
    assert [p.path for p in died] == [str(tmp_path / "killer.md")]
    assert "worker process died" in died[0].message
    assert report.findings == without.findings


def _doubled_where(_: None, item: int) -> tuple[int, int]:
    time.sleep(0.01)  # long enough for the worker to start before the items run out
    return os.getpid(), 2 * item


@needs_fork
def test_a_shared_run_has_this_process_work_beside_the_workers() -> None:
    results = local.run_forked(_doubled_where, None, range(40), 2, here=True)
    assert [r[1] for r in results] == [2 * n for n in range(40)]  # type: ignore[index]
    pids = [r[0] for r in results]  # type: ignore[index]
    here = [n for n, pid in enumerate(pids) if pid == os.getpid()]
    assert here
    assert len(here) < 40
    # the workers take from the start, this process from the end
    assert here == list(range(40 - len(here), 40))


_PARENT = os.getpid()


def _dies_on_the_first(_: None, item: int) -> int:
    time.sleep(0.01)
    if item == 0 and os.getpid() != _PARENT:
        os._exit(9)
    return 2 * item


@needs_fork
def test_a_shared_run_answers_a_dead_workers_items_as_crashed() -> None:
    global _PARENT  # noqa: PLW0603  (the test's process, read in the worker)
    _PARENT = os.getpid()
    results = local.run_forked(_dies_on_the_first, None, range(20), 2, here=True)
    assert isinstance(results[0], local.Crashed)
    assert results[0].item == 0
    assert results[1:] == [2 * n for n in range(1, 20)]


def test_a_shared_run_of_one_job_runs_here() -> None:
    results = local.run_forked(_doubled_where, None, range(3), 1, here=True)
    assert results == [(os.getpid(), 0), (os.getpid(), 2), (os.getpid(), 4)]


def _pid_of(_: None, item: int) -> tuple[int, int]:
    time.sleep(0.01)
    return os.getpid(), item


@needs_fork
def test_a_shared_runs_tail_goes_on_in_the_workers_after_the_run_returns() -> None:
    tail = local.Tail(_pid_of, None, range(30), 2)
    results = local.run_forked(_doubled_where, None, range(10), 2, here=True, then=tail)
    assert [r[1] for r in results] == [2 * n for n in range(10)]  # type: ignore[index]
    time.sleep(0.1)  # this process is busy elsewhere; the worker is not
    rest = tail.results()
    assert [r[1] for r in rest] == list(range(30))  # type: ignore[index]
    pids = [r[0] for r in rest]  # type: ignore[index]
    mine = [n for n, pid in enumerate(pids) if pid == os.getpid()]
    # the worker took the tail from the start while this process was away, this
    # process the rest from the end
    assert pids[0] != os.getpid()
    assert len(mine) < 30
    assert mine == list(range(30 - len(mine), 30))


@needs_fork
def test_a_paused_tail_is_taken_up_by_the_next_run() -> None:
    tail = local.Tail(_pid_of, None, range(40), 2)
    local.run_forked(_doubled_where, None, range(4), 2, here=True, then=tail)
    time.sleep(0.1)  # the first run's worker takes some of the tail
    tail.pause()
    first = {n for n in range(40) if n not in tail.pending()}
    assert first
    assert first == set(range(len(first)))  # from the start, each answered once
    local.run_forked(_doubled_where, None, range(4), 2, here=True, then=tail)
    rest = tail.results()
    assert [r[1] for r in rest] == list(range(40))  # type: ignore[index]
    pids = [r[0] for r in rest]  # type: ignore[index]
    # the second run's worker (another process) took up where the first stopped
    assert len(set(pids) - {os.getpid()}) == 2
    assert pids[len(first)] not in {pids[0], os.getpid()}


def test_a_tail_no_run_started_runs_when_its_results_are_asked() -> None:
    tail = local.Tail(_pid_of, None, range(3), 1)
    assert local.run_forked(_pid_of, None, range(2), 1, here=True, then=tail)
    assert tail.results() == [(os.getpid(), n) for n in range(3)]


def _tail_dies_on_the_first(_: None, item: int) -> int:
    time.sleep(0.01)
    if item == 0 and os.getpid() != _PARENT:
        os._exit(9)
    return 3 * item


@needs_fork
def test_a_tail_answers_a_dead_workers_items_as_crashed() -> None:
    global _PARENT  # noqa: PLW0603  (the test's process, read in the worker)
    _PARENT = os.getpid()
    tail = local.Tail(_tail_dies_on_the_first, None, range(20), 2)
    results = local.run_forked(_doubled_where, None, range(4), 2, here=True, then=tail)
    assert [r[1] for r in results] == [0, 2, 4, 6]  # type: ignore[index]
    time.sleep(0.05)
    rest = tail.results()
    assert isinstance(rest[0], local.Crashed)
    assert rest[0].item == 0
    assert rest[1:] == [3 * n for n in range(1, 20)]


_TAIL_DONE = multiprocessing.RawValue("i", 0)


def _raises_here(_: None, item: int) -> int:
    if os.getpid() == _PARENT:
        msg = f"item {item} fails in this process"
        raise ValueError(msg)
    time.sleep(0.01)
    return item


def _counted(_: None, item: int) -> int:
    _TAIL_DONE.value += 1  # one worker: no lock needed
    time.sleep(0.01)
    return item


@needs_fork
def test_a_run_that_fails_here_stops_its_workers_before_their_tail() -> None:
    global _PARENT  # noqa: PLW0603  (the test's process, read in the worker)
    _PARENT = os.getpid()
    _TAIL_DONE.value = 0
    tail = local.Tail(_counted, None, range(50), 2)
    with pytest.raises(ValueError, match="fails in this process"):
        local.run_forked(_raises_here, None, range(20), 2, here=True, then=tail)
    # the worker stopped after the item it was on: it never began the tail
    assert _TAIL_DONE.value < 50


@needs_fork
def test_an_audit_starts_the_document_rules_in_the_scorings_worker(
    monkeypatch: pytest.MonkeyPatch, parallel_always: list[str]
) -> None:
    tails: list[local.Tail[Any, Any, Any] | None] = []
    real = local.run_forked

    def keeping(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if fn.__name__ == "_score_run":
            tails.append(kwargs.get("then"))
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(local, "run_forked", keeping)
    paths = [str(FIXTURES)]
    two = pipeline.audit(paths, jobs=2)
    (tail,) = tails
    assert tail is not None
    assert tail.fn is local._rules_on_shard
    codes = tail.state[2]
    rules = pipeline.all_rules()[0]
    assert codes
    assert {rules[code].scope for code in codes} == {"document"}
    assert two.findings == pipeline.audit(paths).findings


@needs_fork
def test_a_run_calls_meanwhile_here_while_its_workers_work() -> None:
    called: list[tuple[int, bool]] = []

    def meanwhile() -> None:
        called.append((os.getpid(), bool(multiprocessing.active_children())))

    results = local.run_forked(_pid_of, None, range(8), 2, meanwhile=meanwhile)
    assert [r[1] for r in results] == list(range(8))  # type: ignore[index]
    assert called == [(os.getpid(), True)]


@needs_fork
def test_an_audit_warms_the_later_stages_while_the_workers_extract(
    monkeypatch: pytest.MonkeyPatch, parallel_always: list[str]
) -> None:
    warmed: list[int] = []
    real = pipeline._warm_later_stages

    def warm() -> None:
        warmed.append(os.getpid())
        real()

    monkeypatch.setattr(pipeline, "_warm_later_stages", warm)
    pipeline.audit([str(FIXTURES / "alibaba")], jobs=2)
    assert warmed == [os.getpid()]
    warmed.clear()
    pipeline.audit([str(FIXTURES / "alibaba")])
    assert warmed == []  # no workers: nothing to do it beside


def test_an_audit_skips_full_collections_and_leaves_the_collector_as_it_was() -> None:
    import gc

    from factcheck.engine import without_full_collections

    before = gc.get_threshold()
    with without_full_collections():
        inside = gc.get_threshold()
    assert inside[:2] == before[:2]  # the young generations are still collected
    assert inside[2] > 1_000_000
    assert gc.get_threshold() == before
    assert pipeline.audit([str(FIXTURES / "alibaba")]).findings
    assert gc.get_threshold() == before
    assert gc.isenabled()


def test_claims_and_contexts_travel_as_tuples_of_their_fields() -> None:
    doc = Document.from_text("Alibaba pledged 380 billion yuan (US$52.4 billion).")
    claims = tuple(read_frames(extract_document(doc)).claims)
    assert claims[0].frame is not None
    assert isinstance(claims[0].__getstate__(), tuple)
    assert pickle.loads(pickle.dumps(claims)) == claims
    context = Context(words=frozenset({"pledge"}), entities=frozenset({"alibaba"}))
    assert pickle.loads(pickle.dumps(context)) == context
