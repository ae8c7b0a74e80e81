"""How the audit scales: 100, 1,000 and 10,000 generated articles, timed end to end,
with planted errors as ground truth.

The articles come from ``corpus.EventGenerator`` (seeded, deterministic): news events
of 3-5 articles by different outlets (company results, investment pledges, fines,
stake deals, product launches, disasters with running tolls), each with its own
invented names, currency (yuan, yen, euros, pounds, won, rupees, reais, dollars),
publication dates in 2019-2025 and figures, written in varied sentence shapes
(subject-verb-figure, "A booked X, while B booked Y", "Of the N, M...", "rose 21% to
X", tolls on different report days, stated dollar equivalents at the day's rate). In
about a third of the events one article carries one planted error (a lost digit, a
transposition, a 10x scale slip, an equivalent at a wrong rate, a currency label
swap), recorded with its character span. The corpus of N articles is the first N
articles of one sequence, so the sizes are prefixes of each other.

Every size runs in a fresh forked process (so peak RSS is per size): the corpus is
built, then ``factcheck.pipeline.audit(documents)`` is timed (wall: ``perf_counter``;
CPU: ``process_time``; ``gc.collect()`` and a cleared rate-window cache before each
run; best of N, no further repeats once a size has spent 20 s). Memory is the peak
RSS of that process, and "audit Δ" the peak above the RSS once the corpus is built
("KiB/doc": audit Δ per document).
From the findings of the last run:

- recall: a planted error is found when a finding at warning or error level points
  at (or relates) a span overlapping the planted figure;
- cross-event findings: findings whose location and related locations lie in
  articles of different generated events (target 0);
- unplanted alarms: warning/error findings that touch no planted figure.

Then one more pass times the stages (extraction; "frames": build_context without
its aligner, i.e. claim references and frames; the aligner's
``align``, each rule) and describes the alignment: fact groups, pairs within groups,
possible (weak) pairs, candidate pairs (``FrameAligner.candidates``), blocks
(``FrameAligner.blocks``) skipped as larger than ``MAX_BLOCK``, the largest blocks
of one stated amount, and groups and pairs that join claims of different events, with the
frame fields that failed to keep them apart.

A size whose audit, extrapolated from the sizes before it (time ∝ n**k), would end
the run after ``--budget`` seconds (default 900) is not audited.

Usage::

    python benchmarks/bench_audit.py [--quick] [--sizes N ...] [--repeats R]
        [--stages all|largest|none] [--budget S] [--profile N] [--json FILE]
        [--jobs N] [--engine local|dask]

``--jobs N`` audits with ``jobs=N`` (CPU time then adds the worker processes'
own, counted when their pool ends); ``--engine dask`` audits on a local Dask
cluster of N worker processes started before the timing (CPU time adds the
workers' process time; the local scheduler runs in the measuring process).

``--quick`` runs 50/200/800 articles, one run each; ``--profile N`` adds a cProfile
of the audit of N articles (top functions by cumulative and by own time).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import cProfile
import datetime as dt
import gc
import io
import itertools
import json
import math
import multiprocessing
import os
import platform
import pstats
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import factcheck
from factcheck import extract_document
from factcheck.align import Aligner, Alignment, ClaimRef, FrameAligner
from factcheck.align import thresholds as T
from factcheck.config import Config
from factcheck.model import Finding
from factcheck.pipeline import audit, provider_from, settings_from
from factcheck.rules import all_rules, build_context

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import EventGenerator, GeneratedCorpus, Planted, event_of

REPO_ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024

#: (size, repeats): best of N, fewer for the large corpus
DEFAULT_PLAN = ((100, 3), (1_000, 2), (10_000, 1))
QUICK_PLAN = ((50, 1), (200, 1), (800, 1))
#: findings at these levels count for recall (an info is a hint, not a catch)
ALARM = frozenset({"warning", "error"})


# ------------------------------------------------------------------------- scoring


def _locations(f: Finding) -> list[tuple[str, int, int]]:
    return [
        (loc.path, loc.span.start, loc.span.end) for loc in (f.location, *f.related)
    ]


def score(corpus: GeneratedCorpus, findings: Sequence[Finding]) -> dict[str, Any]:
    """Recall of the planted errors, cross-event findings, unplanted alarms."""
    planted_at: dict[str, list[Planted]] = defaultdict(list)
    for p in corpus.planted:
        planted_at[p.path].append(p)

    def touched(f: Finding) -> set[int]:
        out = set()
        for path, start, end in _locations(f):
            for p in planted_at.get(path, ()):
                if any(start < e and s < end for s, e in p.spans):
                    out.add(_index[id(p)])
        return out

    _index = {id(p): i for i, p in enumerate(corpus.planted)}
    found: set[int] = set()
    cross: Counter[str] = Counter()
    cross_alarm = 0
    unplanted = Counter[str]()
    by_severity = Counter(f.severity for f in findings)
    for f in findings:
        events = {event_of(path) for path, _, _ in _locations(f)}
        if len(events) > 1:
            cross[f.rule] += 1
            cross_alarm += f.severity in ALARM
        if f.severity not in ALARM:
            continue
        hit = touched(f)
        found |= hit
        if not hit:
            unplanted[f.rule] += 1
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, p in enumerate(corpus.planted):
        kinds[p.kind][1] += 1
        kinds[p.kind][0] += i in found
    total = len(corpus.planted)
    return {
        "planted": total,
        "planted_found": len(found),
        "recall": len(found) / total if total else None,
        "recall_by_kind": {k: tuple(v) for k, v in sorted(kinds.items())},
        "findings": len(findings),
        "findings_by_severity": dict(sorted(by_severity.items())),
        "cross_event": sum(cross.values()),
        "cross_event_alarms": cross_alarm,
        "cross_event_by_rule": dict(sorted(cross.items())),
        "cross_event_share": sum(cross.values()) / len(findings) if findings else 0.0,
        "unplanted_alarms": sum(unplanted.values()),
        "unplanted_alarms_by_rule": dict(sorted(unplanted.items())),
    }


# ------------------------------------------------------------------------- timings


def _clear_rate_cache() -> None:
    """Forget the rate windows earlier runs looked up, so every run pays for its own."""
    from factcheck.normalize import currency

    cached = getattr(currency, "_cached_window", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()


def _rss_mib() -> float:
    """Resident set size now (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / MIB


def _maxrss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MIB if sys.platform == "darwin" else peak / 1024


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (worker
    processes of ``--jobs`` end with their pool, so an audit's workers count)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(
    fn: Callable[[], Any], cpu: Callable[[], float] = _cpu
) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds, result) of ``fn()``."""
    t0, c0 = time.perf_counter(), cpu()
    out = fn()
    return time.perf_counter() - t0, cpu() - c0, out


def _auditor(
    jobs: int, engine: str
) -> tuple[Callable[[Sequence[Any]], Any], Callable[[], float], Callable[[], None]]:
    """(audit, CPU clock, close) for ``--jobs``/``--engine``. The Dask engine runs
    on a local cluster of ``jobs`` worker processes (one thread each) started
    here, before any timing; its CPU clock adds the workers' own process time (and
    the scheduler's, were it another process) to this process's."""
    if engine == "local":
        return (lambda docs: audit(docs, jobs=jobs)), _cpu, lambda: None
    from distributed import Client, LocalCluster

    from factcheck.engine.dask import audit_on_dask

    cluster = LocalCluster(
        n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)

    # a LocalCluster's scheduler lives in this process: counted once
    apart = client.run_on_scheduler(os.getpid) != os.getpid()

    def cpu() -> float:
        workers = client.run(time.process_time)
        scheduler = client.run_on_scheduler(time.process_time) if apart else 0.0
        return _cpu() + sum(workers.values()) + scheduler

    def close() -> None:
        client.close()
        cluster.close()

    return (lambda docs: audit_on_dask(docs, client=client)), cpu, close


def measure_size(  # noqa: PLR0917  (called positionally through in_child)
    n: int,
    repeats: int,
    seed: int,
    stages: bool,
    repeat_budget: float,
    jobs: int = 1,
    engine: str = "local",
) -> dict[str, Any]:  # runs in a fresh child process
    """Build the corpus of ``n`` articles, time the audit (best of ``repeats``, fewer
    once ``repeat_budget`` seconds are spent), score it, then optionally its stages."""
    rss_start = _rss_mib()
    t_gen, _, corpus = _timed(lambda: EventGenerator(seed).corpus(n))
    docs = corpus.documents
    rss_corpus = _rss_mib()
    runs: list[tuple[float, float]] = []
    scored: dict[str, Any] = {}
    claims = 0
    run_audit, clock, close = _auditor(jobs, engine)
    while len(runs) < max(repeats, 1):
        _clear_rate_cache()
        gc.collect()
        own = time.process_time()
        wall, cpu, report = _timed(lambda: run_audit(docs), clock)
        own = time.process_time() - own
        runs.append((wall, cpu))
        scored = score(corpus, report.findings)
        claims = report.summary.claims
        problems = len(report.problems)
        del report
        if sum(w for w, _ in runs) > repeat_budget:
            break
    close()
    peak = _maxrss_mib()
    best = min(runs)
    out: dict[str, Any] = {
        "documents": len(docs),
        "jobs": jobs,
        "engine": engine,
        "events": corpus.events,
        "event_kinds": corpus.event_kinds,
        "bytes": corpus.size_bytes,
        "generate_seconds": t_gen,
        "runs_seconds": [w for w, _ in runs],
        "seconds": best[0],
        "cpu_seconds": best[1],
        # this process alone (of the last run): with --jobs, the parent's share,
        # serial work included; the rest of cpu_seconds is the workers'
        "parent_cpu_seconds": own,
        "ms_per_document": 1000 * best[0] / len(docs),
        "claims": claims,
        "problems": problems,
        "rss_start_mib": rss_start,
        "rss_corpus_mib": rss_corpus,
        "peak_rss_mib": peak,
        "audit_peak_mib": peak - rss_corpus,
        "peak_kib_per_document": 1024 * peak / len(docs),
        "audit_kib_per_document": 1024 * (peak - rss_corpus) / len(docs),
        **scored,
    }
    if stages:
        out["stages"] = measure_stages(corpus)
    return out


def _frame_fields(a: ClaimRef, b: ClaimRef) -> str:
    """Which frame fields of two claims of different events agree, differ or are
    unknown: what failed to keep them apart."""
    fa, fb = a.claim.frame, b.claim.frame
    out = []
    for name in ("holder_key", "attribute", "role", "time", "window", "basis"):
        va = getattr(fa, name, None) if fa else None
        vb = getattr(fb, name, None) if fb else None
        if not va and not vb:
            out.append(f"{name}: both unknown")
        elif not va or not vb:
            out.append(f"{name}: one unknown")
        elif va == vb:
            out.append(f"{name}: same")
        else:
            out.append(f"{name}: differ")
    return "; ".join(out)


class _TimedAligner:
    """The audit's aligner, timed: ``build_context`` takes any ``Aligner``."""

    def __init__(self, inner: Aligner) -> None:
        self.inner = inner
        self.seconds = 0.0

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        t0 = time.perf_counter()
        out = self.inner.align(refs)
        self.seconds += time.perf_counter() - t0
        return out


def measure_stages(corpus: GeneratedCorpus) -> dict[str, Any]:
    """One pass of the audit split in its stages (the same calls ``audit`` makes),
    and what the alignment looks like."""
    docs = corpus.documents
    config = Config()
    _clear_rate_cache()
    gc.collect()
    t_extract, _, extractions = _timed(lambda: [extract_document(d) for d in docs])
    settings = settings_from(config)
    provider = provider_from(config)
    aligner = _TimedAligner(FrameAligner(aliases=settings.aliases))
    t_context, _, ctx = _timed(
        lambda: build_context(
            extractions, settings=settings, provider=provider, aligner=aligner
        )
    )
    refs, alignment = ctx.refs, ctx.alignment
    rules, _ = all_rules()
    per_rule: dict[str, float] = {}
    for code, spec in rules.items():
        t0 = time.perf_counter()
        list(spec.check(ctx))
        per_rule[code] = time.perf_counter() - t0
    # the alignment, described
    groups = alignment.groups
    sizes = Counter(len(g.members) for g in groups)
    cross_groups = [
        g for g in groups if len({event_of(m.document.path) for m in g.members}) > 1
    ]
    cross_possible = [
        d
        for d in alignment.possible
        if event_of(d.a.document.path) != event_of(d.b.document.path)
    ]
    why: Counter[str] = Counter()
    examples: list[str] = []
    for g in cross_groups:
        for d in g.decisions:
            if event_of(d.a.document.path) != event_of(d.b.document.path):
                why[_frame_fields(d.a, d.b)] += 1
                if len(examples) < 5:
                    examples.append(
                        f"{d.a.document.path} {d.a.claim.text!r} ~ "
                        f"{d.b.document.path} {d.b.claim.text!r}: "
                        f"{'; '.join(d.evidence)}"
                    )
    why_possible: Counter[str] = Counter(
        _frame_fields(d.a, d.b) for d in cross_possible
    )
    blocks = {
        key: len(block)
        for key, block in FrameAligner(aliases=settings.aliases).blocks(refs).items()
    }
    candidates = sum(1 for _ in FrameAligner(aliases=settings.aliases).candidates(refs))
    over = {
        "|".join(k): v
        for k, v in blocks.items()
        if v > T.MAX_BLOCK and k[0] != "anchor"
    }
    anchors = {"|".join(k): v for k, v in blocks.items() if k[0] == "anchor"}
    return {
        "extract_seconds": t_extract,
        "frames_seconds": max(t_context - aligner.seconds, 0.0),
        "align_seconds": aligner.seconds,
        "context_seconds": t_context,
        "rules_seconds": sum(per_rule.values()),
        "per_rule_seconds": per_rule,
        "claims": len(refs),
        "fact_groups": len(groups),
        "group_sizes": dict(sorted(sizes.items())),
        "grouped_pairs": sum(math.comb(len(g.members), 2) for g in groups),
        "decisions_in_groups": sum(len(g.decisions) for g in groups),
        "possible_pairs": len(alignment.possible),
        "possible_by_level": dict(Counter(d.level for d in alignment.possible)),
        "cross_event_groups": len(cross_groups),
        "cross_event_possible": len(cross_possible),
        "cross_event_why": why.most_common(5),
        "cross_event_possible_why": why_possible.most_common(5),
        "cross_event_examples": examples,
        "blocks": len(blocks),
        "largest_block": max(blocks.values(), default=0),
        "blocks_over_max": len(over),
        "claims_in_blocks_over_max": sum(over.values()),
        "blocks_over_max_top": sorted(over.items(), key=lambda kv: -kv[1])[:5],
        "largest_anchor_blocks": sorted(anchors.items(), key=lambda kv: -kv[1])[:3],
        "candidate_pairs": candidates,
    }


def in_child(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` in a fresh process (forked where possible), for its own peak RSS."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context(method)
    ) as pool:
        return pool.submit(fn, *args).result()


def profile_audit(n: int, seed: int, top: int = 25) -> dict[str, Any]:
    """cProfile of one audit of ``n`` articles: top functions by cumulative and own
    time."""
    docs = EventGenerator(seed).corpus(n).documents
    _clear_rate_cache()
    gc.collect()
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    audit(docs)
    prof.disable()
    out: dict[str, Any] = {"documents": n, "seconds": time.perf_counter() - t0}
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key)
        stats.print_stats(top)
        out[key] = buf.getvalue()
    return out


# ------------------------------------------------------------------------- output


def exponent(small: dict[str, Any], large: dict[str, Any], key: str) -> float:
    """k in ``key`` ∝ n**k between two measured sizes (1.0 is linear)."""
    return math.log(max(large[key], 1e-9) / max(small[key], 1e-9)) / math.log(
        large["documents"] / small["documents"]
    )


def predict(measured: Sequence[dict[str, Any]], n: int) -> float | None:
    """Seconds one audit of ``n`` articles should take, extrapolated from the last
    two measured sizes (from the last one, quadratically, if only one)."""
    if not measured:
        return None
    last = measured[-1]
    k = exponent(measured[-2], last, "seconds") if len(measured) >= 2 else 2.0
    return float(last["seconds"] * (n / last["documents"]) ** max(k, 1.0))


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def print_table(results: Sequence[dict[str, Any]]) -> None:
    """The main table: one row per size."""
    head = (
        f"{'docs':>7} {'events':>6} {'claims':>7} {'wall s':>8} {'CPU s':>8} "
        f"{'ms/doc':>7} {'peak RSS':>9} {'audit Δ':>8} {'KiB/doc':>7} {'findings':>8} "
        f"{'cross-event':>12} {'recall':>14} {'unplanted':>9}"
    )
    print(head)
    print("-" * len(head))
    for r in results:
        cells = f"{r['documents']:>7} {r['events']:>6} "
        if r.get("skipped"):
            print(f"{cells}{'':>7} skipped: predicted ≈ {r['predicted_seconds']:.0f} s")
            continue
        recall = f"{r['planted_found']}/{r['planted']} {_pct(r['recall']):>6}"
        cross = f"{r['cross_event']} {_pct(r['cross_event_share']):>6}"
        print(
            f"{cells}{r['claims']:>7} {r['seconds']:>8.2f} {r['cpu_seconds']:>8.2f} "
            f"{r['ms_per_document']:>7.2f} {r['peak_rss_mib']:>5.0f} MiB "
            f"{r['audit_peak_mib']:>4.0f} MiB {r['audit_kib_per_document']:>7.1f} "
            f"{r['findings']:>8} {cross:>12} "
            f"{recall:>14} {r['unplanted_alarms']:>9}"
        )


def print_details(results: Sequence[dict[str, Any]]) -> None:
    """Recall by kind, findings by severity, the stages and the alignment."""
    measured = [r for r in results if not r.get("skipped")]
    for r in measured:
        kinds = ", ".join(f"{k} {a}/{b}" for k, (a, b) in r["recall_by_kind"].items())
        print(
            f"\nat {r['documents']}: recall by kind: {kinds}; findings by severity "
            f"{r['findings_by_severity']}; cross-event by rule "
            f"{r['cross_event_by_rule']} ({r['cross_event_alarms']} at warning/error);"
            f" unplanted warning/error by rule {r['unplanted_alarms_by_rule']}"
        )
    rows = [r for r in measured if "stages" in r]
    if not rows:
        return
    print("\nStages (one pass each; ms per document in brackets):")
    keys = ("extract", "frames", "align", "rules")
    head = f"{'docs':>7} " + " ".join(f"{k:>16}" for k in keys)
    print(head)
    print("-" * len(head))
    for r in rows:
        st, n = r["stages"], r["documents"]
        print(
            f"{n:>7} "
            + " ".join(
                f"{st[k + '_seconds']:>7.2f}s [{1000 * st[k + '_seconds'] / n:>5.2f}]"
                for k in keys
            )
        )
    print("\nAlignment:")
    head = (
        f"{'docs':>7} {'groups':>7} {'grouped pairs':>13} {'possible':>8} "
        f"{'candidates':>10} {'blocks':>7} {'largest':>7} {'> MAX_BLOCK':>11} {'claims in them':>14} "
        f"{'cross-event groups':>18} {'cross-event possible':>20}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        st = r["stages"]
        print(
            f"{r['documents']:>7} {st['fact_groups']:>7} {st['grouped_pairs']:>13} "
            f"{st['possible_pairs']:>8} {st['candidate_pairs']:>10} "
            f"{st['blocks']:>7} {st['largest_block']:>7} "
            f"{st['blocks_over_max']:>11} {st['claims_in_blocks_over_max']:>14} "
            f"{st['cross_event_groups']:>18} {st['cross_event_possible']:>20}"
        )
    st, n = rows[-1]["stages"], rows[-1]["documents"]
    rules = ", ".join(f"{k} {v:.2f}s" for k, v in st["per_rule_seconds"].items())
    print(f"\nrules at {n}: {rules}")
    if st["blocks_over_max_top"]:
        print(f"largest blocks at {n} (skipped): {st['blocks_over_max_top']}")
    print(f"largest stated-amount blocks at {n}: {st['largest_anchor_blocks']}")
    for label, key in (
        ("cross-event group decisions", "cross_event_why"),
        ("cross-event possible pairs", "cross_event_possible_why"),
    ):
        for fields, k in st[key]:
            print(f"{label} at {n}: {k} × {fields}")
    for e in st["cross_event_examples"]:
        print(f"  e.g. {e}")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "factcheck": factcheck.__version__,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "package_changes": _git("status", "--porcelain", "--", "factcheck"),
    }


def _git(*args: str) -> str | None:
    """``git args`` in the repository, or None without git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO_ROOT), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50/200/800, one run")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes to run")
    parser.add_argument("--repeats", type=int, help="runs per size (best is kept)")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write results")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="cProfile the audit of N articles"
    )
    parser.add_argument(
        "--stages",
        choices=("all", "largest", "none"),
        default="all",
        help="time the stages at every size (default), the largest, or none",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="audit(..., jobs=N), or N Dask workers with --engine dask (default 1; "
        "CPU time then counts the workers too)",
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="the local engine (default) or Dask on a local cluster of --jobs "
        "worker processes (started before timing)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=900.0,
        metavar="S",
        help="skip a size whose predicted audit time would end the run after S "
        "seconds (default 900; 0: never skip)",
    )
    return parser


def _growth(measured: Sequence[dict[str, Any]]) -> Iterable[str]:
    for a, b in itertools.pairwise(measured):
        yield (
            f"{a['documents']}→{b['documents']}: wall n^{exponent(a, b, 'seconds'):.2f}"
            f", CPU n^{exponent(a, b, 'cpu_seconds'):.2f}, peak RSS "
            f"n^{exponent(a, b, 'peak_rss_mib'):.2f}, audit Δ "
            f"n^{exponent(a, b, 'audit_peak_mib'):.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    args = _parser().parse_args(argv)
    start = time.perf_counter()
    plan = list(QUICK_PLAN if args.quick else DEFAULT_PLAN)
    if args.sizes:
        plan = [(n, 3 if n <= 1_000 else 1) for n in sorted(args.sizes)]
    if args.repeats:
        plan = [(n, args.repeats) for n, _ in plan]
    info = machine()
    print(
        f"factcheck {info['factcheck']} audit benchmark; Python {info['python']}, "
        f"{info['cpus']} CPUs, {info['platform']}; commit {info['commit']}"
        f"{' + uncommitted changes to factcheck/' if info['package_changes'] else ''}"
    )
    # warm up once (rate history, regex compilation); children inherit it
    audit(EventGenerator(args.seed + 1).corpus(20).documents)
    results: list[dict[str, Any]] = []
    for n, repeats in plan:
        measured = [r for r in results if not r.get("skipped")]
        stages = args.stages == "all" or (args.stages == "largest" and n == plan[-1][0])
        guess = predict(measured, n)
        cost = (guess or 0.0) * (2 if stages else 1)
        if args.budget and guess and time.perf_counter() - start + cost > args.budget:
            results.append(
                {
                    "documents": n,
                    "events": 0,
                    "skipped": True,
                    "predicted_seconds": guess,
                }
            )
            print(f"  {n} articles: skipped, predicted {guess:.0f}s", flush=True)
            continue
        t0 = time.perf_counter()
        r = in_child(
            measure_size, n, repeats, args.seed, stages, 20.0, args.jobs, args.engine
        )
        r["wall_seconds"] = time.perf_counter() - t0
        results.append(r)
        if args.json:  # what is measured so far survives an interrupted run
            args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(
            f"  {n} articles: best {r['seconds']:.3f}s of {len(r['runs_seconds'])} "
            f"({r['ms_per_document']:.2f} ms/doc; {r['bytes'] / 1e6:.2f} MB of text; "
            f"this size took {r['wall_seconds']:.0f}s)",
            flush=True,
        )
    print()
    print_table(results)
    measured = [r for r in results if not r.get("skipped")]
    if len(measured) >= 2:
        print("\ngrowth: " + "; ".join(_growth(measured)))
    print_details(results)
    profile = None
    if args.profile:
        profile = in_child(profile_audit, args.profile, args.seed)
        print(
            f"\ncProfile of the audit of {args.profile} articles "
            f"({profile['seconds']:.1f}s under the profiler), by cumulative time:"
        )
        print(profile["cumulative"])
        print("by own time:")
        print(profile["tottime"])
    print(f"whole run: {time.perf_counter() - start:.0f}s")
    if args.json:
        payload = {
            "machine": info,
            "seed": args.seed,
            "results": results,
            "profile": profile,
        }
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
