"""What ``--jobs 2`` buys over ``--jobs 1``: the same generated corpus audited with
each, alternately, in interleaved rounds, each run in a fresh forked process.

The corpus (``corpus.EventGenerator``, the first N articles) is built once, in this
process; each run forks a child that audits it with ``factcheck.pipeline.audit``
(``jobs=1`` or ``jobs=2``) and reports its wall time (``perf_counter``), its own
CPU time and that of its worker processes (which end with their pools, so they are
counted), and the machine's load average before and after. Rounds alternate the
order (1 then 2, then 2 then 1), so a busy spell of a shared machine falls on both
alike. Printed: every run, then the median wall and CPU of each setting and the
median of the per-round speed-ups (wall of one job ÷ wall of two).

CPU time is the steadier figure on a shared machine: the wall time of two workers
measures the neighbours as much as the audit. The parent's CPU with two jobs is
what it did itself: the serial work, plus its share of the items it works beside
the worker (see ``factcheck.engine.local.run_forked``).

Usage::

    python benchmarks/bench_jobs.py [--articles 1000 10000] [--rounds 3]
        [--seed 2025] [--json FILE]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import gc
import inspect
import json
import multiprocessing
import os
import resource
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from factcheck import pipeline
from factcheck.align import FrameAligner
from factcheck.engine import local

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import EventGenerator

#: the documents the forked runs audit (set before the first fork)
_DOCS: Sequence[Any] = ()


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


#: the audit's phases timed in a run: (module, attribute, name)
_PHASES = (
    (pipeline, "read_inputs", "read"),
    (pipeline, "extract_documents", "extract"),
    (FrameAligner, "prepare", "prepare"),
    (FrameAligner, "join", "join"),
    (pipeline, "run_rules", "rules"),
    (pipeline, "finish_report", "report"),
    (pipeline, "identified", "identify"),
)


def _timed_phases() -> list[tuple[str, float, float]]:
    """Wrap the audit's phases (and the forked scorer) in this process; each call
    appends (phase, CPU of this process, CPU of the workers that ended)."""
    spent: list[tuple[str, float, float]] = []

    def wrapped(fn: Any, name: str) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            own, kids = time.process_time(), _children_cpu()
            try:
                return fn(*args, **kwargs)
            finally:
                own, kids = time.process_time() - own, _children_cpu() - kids
                spent.append((name, own, kids))

        return timed

    for owner, attr, name in _PHASES:
        setattr(owner, attr, wrapped(getattr(owner, attr), name))
    scorer = local.forked_scorer

    def forked_scorer(jobs: int, **kwargs: Any) -> Any:
        score = scorer(jobs, **kwargs)
        return None if score is None else wrapped(score, "score")

    local.forked_scorer = forked_scorer
    return spent


def _two_cores(spent: Sequence[tuple[str, float, float]], total: float) -> float:
    """The wall time the run would take on two free cores, from its CPU split:
    each phase that ran workers takes the longest of this process's CPU, the
    workers' CPU per worker and half of the two (extraction has two workers;
    the other phases one beside this process where it shares the work, else
    two); the rest of this process's CPU is serial. Where the scoring's worker
    goes on to the rules of document scope while this process joins the groups
    (``local.rules_ahead``), it ends in the rules phase: the scoring, the join
    and the rules are then one phase, the join's core not idle; where the
    reading's worker starts them (``forked_reader(jobs, then=...)``), it ends
    in the scoring, and the reading joins that phase."""
    shared = "here" in inspect.signature(local.run_forked).parameters
    if "then" in inspect.signature(local.forked_reader).parameters:
        phases = ("prepare", "score", "join", "rules")
        spent = _merged(spent, phases, "prepare to rules")
    elif hasattr(local, "rules_ahead"):
        spent = _merged(spent, ("score", "join", "rules"), "score to rules")
    out = total - sum(own for _, own, _ in spent)
    for name, own, kids in spent:
        workers = 1 if shared and name != "extract" else 2
        out += max(own, kids / workers, (own + kids) / 2) if kids else own
    return out


def _merged(
    spent: Sequence[tuple[str, float, float]], names: Sequence[str], into: str
) -> list[tuple[str, float, float]]:
    """The phases ``names`` as one named ``into``, where the first of them was."""
    out: list[tuple[str, float, float]] = []
    at = None
    for name, own, kids in spent:
        if name not in names:
            out.append((name, own, kids))
        elif at is None:
            at = len(out)
            out.append((into, own, kids))
        else:
            _, o, k = out[at]
            out[at] = (into, o + own, k + kids)
    return out


def _run(jobs: int) -> dict[str, Any]:  # in a forked child
    spent = _timed_phases()
    gc.collect()
    load = os.getloadavg()[0]
    t0, own0, kids0 = time.perf_counter(), time.process_time(), _children_cpu()
    report = pipeline.audit(_DOCS, jobs=jobs)
    wall = time.perf_counter() - t0
    own, kids = time.process_time() - own0, _children_cpu() - kids0
    return {
        "two_cores": own + kids if jobs == 1 else _two_cores(spent, own),
        "phases": spent,
        "jobs": jobs,
        "wall": wall,
        "cpu": own + kids,
        "parent_cpu": own,
        "workers_cpu": kids,
        "load_before": load,
        "load_after": os.getloadavg()[0],
        "findings": len(report.findings),
    }


def _forked(jobs: int) -> dict[str, Any]:
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("fork")
    ) as pool:
        return pool.submit(_run, jobs).result()


def measure(n: int, rounds: int, seed: int) -> dict[str, Any]:
    """Alternating rounds of one and two jobs over ``n`` generated articles."""
    global _DOCS  # noqa: PLW0603  (what the forked runs read)
    _DOCS = EventGenerator(seed).corpus(n).documents
    runs: list[dict[str, Any]] = []
    for r in range(rounds):
        for jobs in (1, 2) if r % 2 == 0 else (2, 1):
            run = _forked(jobs)
            run["round"] = r
            runs.append(run)
            print(
                f"{n:>7,} articles, round {r}, jobs {jobs}: wall {run['wall']:7.2f} s"
                f", CPU {run['cpu']:7.2f} s (parent {run['parent_cpu']:6.2f}, "
                f"workers {run['workers_cpu']:6.2f}), load "
                f"{run['load_before']:.1f}→{run['load_after']:.1f}, "
                f"{run['findings']} findings; on two free cores ~"
                f"{run['two_cores']:.2f} s",
                flush=True,
            )
    if len({run["findings"] for run in runs}) != 1:
        print("  the settings disagree on the findings!", flush=True)
    summary: dict[str, Any] = {"articles": n, "rounds": rounds, "runs": runs}
    for jobs in (1, 2):
        mine = [run for run in runs if run["jobs"] == jobs]
        for key in ("wall", "cpu", "parent_cpu", "two_cores"):
            summary[f"jobs{jobs}_{key}"] = statistics.median(m[key] for m in mine)
    speedups = [
        one["wall"] / two["wall"]
        for one, two in zip(
            (run for run in runs if run["jobs"] == 1),
            (run for run in runs if run["jobs"] == 2),
            strict=True,
        )
    ]
    summary["speedups"] = speedups
    summary["two_core_speedup"] = (
        summary["jobs1_two_cores"] / summary["jobs2_two_cores"]
    )
    summary["speedup_median"] = statistics.median(speedups)
    summary["load_median"] = statistics.median(run["load_before"] for run in runs)
    print(
        f"{n:>7,} articles: jobs 1 wall {summary['jobs1_wall']:.2f} s / CPU "
        f"{summary['jobs1_cpu']:.2f} s; jobs 2 wall {summary['jobs2_wall']:.2f} s / "
        f"CPU {summary['jobs2_cpu']:.2f} s (parent {summary['jobs2_parent_cpu']:.2f}"
        f" s); speed-up {summary['speedup_median']:.2f}× (rounds: "
        + ", ".join(f"{s:.2f}" for s in speedups)
        + f"), load average {summary['load_median']:.1f}; from the CPU split, on "
        f"two free cores {summary['jobs1_two_cores']:.2f} s against "
        f"{summary['jobs2_two_cores']:.2f} s: {summary['two_core_speedup']:.2f}×",
        flush=True,
    )
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; see the module docstring."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--json", type=Path, metavar="FILE", help="write results")
    args = parser.parse_args(argv)
    if "fork" not in multiprocessing.get_all_start_methods():
        print("needs fork (the runs are forked children)", file=sys.stderr)
        return 2
    results = [measure(n, args.rounds, args.seed) for n in args.articles]
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
