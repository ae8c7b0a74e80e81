"""The incremental audit: a second ``factcheck audit`` of an unchanged tree, one
with one or ten articles edited, and ``factcheck.Auditor`` checks of edited drafts.

Part 1 (re-audit). ``N`` generated articles (``corpus.EventGenerator``, seeded) are
written to a folder as Markdown with front matter. Each round times runs of the
command line in a child process (wall: ``perf_counter``; CPU: the child's user +
system time): a ``--no-cache`` run, a cold run into an empty ``--cache-dir``, a
second run of the unchanged tree, a run after one article (a different one each
round) had one figure mistyped, and a run after ten had; each edit is undone after
its run, and the unchanged tree audited again, so each edited run starts from the
unchanged tree's index. Each output must be byte-identical to a ``--no-cache`` run
of the same tree (checked in the first round). Ratios are of medians over the
rounds, the modes interleaved in each round.

Part 2 (Auditor). For each source-set size ``S``: the first ``S`` generated
articles are the sources; ``D`` drafts are sources with one figure mistyped, under
a draft's own name. The auditor is built once (timed) and checks one warm-up
draft, then each draft is checked once (wall and CPU per check, the draft's own
extraction included; median and p90). Up to 1,000 sources every check is compared
with ``audit([draft], sources=...)`` (JSON findings identical).

Usage::

    python benchmarks/bench_incremental.py [--articles 1000] [--rounds 3]
        [--sources 100 10000] [--drafts 20] [--seed 2025] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import EventGenerator

import factcheck
from factcheck.model import Document
from factcheck.report import render


def _front_matter(d: Document) -> str:
    lines = ["+++"]
    if d.published:
        lines.append(f"published = {d.published.isoformat()}")
    if d.outlet:
        lines.append(f"outlet = {json.dumps(d.outlet)}")
    lines.append("+++")
    return "\n".join(lines) + "\n" + d.text


def write_tree(docs: Sequence[Document], root: Path) -> list[Path]:
    """The generated articles as files below ``root``."""
    paths = []
    for d in docs:
        path = root / d.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_front_matter(d), encoding="utf-8")
        paths.append(path)
    return paths


def mistype(text: str, rng: random.Random, *, start: int = 0) -> str:
    """``text`` with one digit of one figure changed (a writer's slip)."""
    digits = [m.start() for m in regex.finditer(r"\d", text) if m.start() >= start]
    spot = rng.choice(digits)
    digit = str((int(text[spot]) + rng.randint(1, 8)) % 10)
    return text[:spot] + digit + text[spot + 1 :]


def _cli(args: Sequence[str], out: Path) -> tuple[float, float, bytes]:
    """(wall s, child CPU s, output bytes) of one ``factcheck`` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factcheck", *args, "-o", str(out), "--no-progress"],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out.read_bytes()


def reaudit(n: int, rounds: int, seed: int) -> dict[str, Any]:
    """Part 1: cold, unchanged and one-edited runs of ``factcheck audit``."""
    docs = EventGenerator(seed).corpus(n).documents
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="fc-bench-inc-"))
    try:
        paths = write_tree(docs, work / "tree")
        tree = str(work / "tree")
        common = ["audit", tree, "--format", "json"]
        _, _, plain = _cli([*common, "--no-cache"], work / "plain.json")
        runs: dict[str, list[tuple[float, float]]] = {
            "no cache": [],
            "cold": [],
            "unchanged": [],
            "one edited": [],
            "ten edited": [],
        }
        identical = True
        for r in range(rounds):
            wall, cpu, _ = _cli([*common, "--no-cache"], work / "n")
            runs["no cache"].append((wall, cpu))
            cache = work / f"cache{r}"
            wall, cpu, out = _cli([*common, "--cache-dir", str(cache)], work / "a")
            runs["cold"].append((wall, cpu))
            identical &= out == plain
            wall, cpu, out = _cli([*common, "--cache-dir", str(cache)], work / "b")
            runs["unchanged"].append((wall, cpu))
            identical &= out == plain
            for mode, count in (("one edited", 1), ("ten edited", 10)):
                victims = rng.sample(paths, count)
                originals = [v.read_text(encoding="utf-8") for v in victims]
                for victim, original in zip(victims, originals, strict=True):
                    body = original.index("+++", 3) + 3
                    victim.write_text(
                        mistype(original, rng, start=body), encoding="utf-8"
                    )
                try:
                    wall, cpu, out = _cli(
                        [*common, "--cache-dir", str(cache)], work / "c"
                    )
                    runs[mode].append((wall, cpu))
                    if r == 0:
                        _, _, fresh = _cli([*common, "--no-cache"], work / "d")
                        identical &= out == fresh
                finally:
                    for victim, original in zip(victims, originals, strict=True):
                        victim.write_text(original, encoding="utf-8")
                # the next mode starts from the unchanged tree's index again
                _cli([*common, "--cache-dir", str(cache)], work / "e")
            shutil.rmtree(cache, ignore_errors=True)
        size = sum(p.stat().st_size for p in paths)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {
        mode: (
            statistics.median(w for w, _ in xs),
            statistics.median(c for _, c in xs),
        )
        for mode, xs in runs.items()
    }
    return {
        "articles": n,
        "bytes": size,
        "rounds": rounds,
        "runs": runs,
        "median": med,
        "ratio_cold_cpu": med["cold"][1] / med["no cache"][1],
        "ratio_cold_wall": med["cold"][0] / med["no cache"][0],
        "ratio_unchanged_cpu": med["unchanged"][1] / med["cold"][1],
        "ratio_unchanged_wall": med["unchanged"][0] / med["cold"][0],
        "ratio_edited_cpu": med["one edited"][1] / med["cold"][1],
        "ratio_edited_wall": med["one edited"][0] / med["cold"][0],
        "ratio_ten_edited_cpu": med["ten edited"][1] / med["cold"][1],
        "ratio_ten_edited_wall": med["ten edited"][0] / med["cold"][0],
        "identical_output": identical,
    }


#: source sets up to this size also run ``audit([draft], sources=...)`` per draft
#: to compare (at 10,000 sources it would take a minute and more per draft)
EQUALITY_UP_TO = 1000


def _draft(d: Document, i: int, rng: random.Random) -> Document:
    text = mistype(d.text, rng)
    return attrs.evolve(
        d,
        path=f"drafts/{i:03d}-{Path(d.path).name}",
        text=text,
        prose=text,
    )


def checks(sizes: Sequence[int], drafts: int, seed: int) -> list[dict[str, Any]]:
    """Part 2: Auditor build and per-draft check times per source-set size."""
    out = []
    corpus = EventGenerator(seed).corpus(max(sizes)).documents
    for size in sorted(sizes):
        sources = corpus[:size]
        rng = random.Random(seed + size)
        picked = rng.sample(range(size), min(drafts, size))
        t0, c0 = time.perf_counter(), time.process_time()
        auditor = factcheck.Auditor(sources)
        build = (time.perf_counter() - t0, time.process_time() - c0)
        print(
            f"  built the auditor of {size:,} sources in {build[0]:.1f} s", flush=True
        )
        walls, cpus, findings = [], [], 0
        equal = None
        auditor.check(_draft(sources[0], 999, rng))  # rates and rules loaded once
        for i, k in enumerate(picked):
            draft = _draft(sources[k], i, rng)  # each check reads a new draft
            t0, c0 = time.perf_counter(), time.process_time()
            report = auditor.check(draft)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
            findings += len(report.findings)
            if size <= EQUALITY_UP_TO:
                expected = factcheck.audit([draft], sources=sources)
                same = (
                    json.loads(render(report, "json"))["findings"]
                    == json.loads(render(expected, "json"))["findings"]
                )
                equal = same if equal is None else equal and same
        out.append(
            {
                "sources": size,
                "drafts": len(picked),
                "build_wall": build[0],
                "build_cpu": build[1],
                "check_wall_median": statistics.median(walls),
                "check_wall_p90": _p90(walls),
                "check_cpu_median": statistics.median(cpus),
                "check_cpu_p90": _p90(cpus),
                "findings": findings,
                "equal_to_audit": equal,
            }
        )
    return out


def _p90(xs: Sequence[float]) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sources", type=int, nargs="*", default=[100, 10000])
    parser.add_argument("--drafts", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--skip-reaudit", action="store_true")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    os.environ.setdefault("FACTCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="fc-rates-"))
    result: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        }
    }
    if not args.skip_reaudit and args.articles:
        re = reaudit(args.articles, args.rounds, args.seed)
        result["reaudit"] = re
        print(
            f"re-audit of {re['articles']:,} articles ({re['bytes']:,} bytes), "
            f"{re['rounds']} rounds, medians:"
        )
        for mode, (wall, cpu) in re["median"].items():
            print(f"  {mode:<11} wall {wall:6.2f} s   CPU {cpu:6.2f} s")
        print(
            f"  cold / no cache: CPU {re['ratio_cold_cpu']:.3f}, "
            f"wall {re['ratio_cold_wall']:.3f}"
        )
        print(
            f"  unchanged / cold: CPU {re['ratio_unchanged_cpu']:.3f}, "
            f"wall {re['ratio_unchanged_wall']:.3f}"
        )
        print(
            f"  one edited / cold: CPU {re['ratio_edited_cpu']:.3f}, "
            f"wall {re['ratio_edited_wall']:.3f}"
        )
        print(
            f"  ten edited / cold: CPU {re['ratio_ten_edited_cpu']:.3f}, "
            f"wall {re['ratio_ten_edited_wall']:.3f}"
        )
        print(f"  output identical to --no-cache: {re['identical_output']}")
    if args.sources:
        result["auditor"] = checks(args.sources, args.drafts, args.seed)
        for row in result["auditor"]:
            print(
                f"Auditor, {row['sources']:,} sources: built in "
                f"{row['build_wall']:.1f} s (CPU {row['build_cpu']:.1f} s); "
                f"check of an edited draft ({row['drafts']} drafts): wall median "
                f"{row['check_wall_median'] * 1000:.0f} ms, p90 "
                f"{row['check_wall_p90'] * 1000:.0f} ms; CPU median "
                f"{row['check_cpu_median'] * 1000:.0f} ms, p90 "
                f"{row['check_cpu_p90'] * 1000:.0f} ms"
                + (
                    f"; findings equal to audit(): {row['equal_to_audit']}"
                    if row["equal_to_audit"] is not None
                    else ""
                )
            )
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
