"""Throughput of factcheck's extractor beside quantulum3, price-parser and a bare regex,
and the memory factcheck holds per byte of input.

All tools run in this one process on the same text (see ``corpus.py``), timed with
``time.perf_counter`` in interleaved rounds: each round runs every workload once, in
an order rotated by one each round, and each figure is the median over the rounds
(so that a loaded machine slows every tool alike, rather than whichever ran
during a busy spell). Prints throughput (MB/s, 1 MB = 10**6 UTF-8 bytes), claims
found per MB (context, not a quality metric), factcheck's ratio to each peer,
memory per input byte (tracemalloc peak and RSS growth, each in a fresh process),
linearity in input size, and cold start of the ``factcheck extract`` command.

Usage (see benchmarks/README.md)::

    nox -s bench
    python benchmarks/bench_extract.py [--quick] [--rounds N] [--json FILE] [--profile]

quantulum3's bundled classifier (a pickled scikit-learn model) fails to load beside
current scikit-learn, so run this where scikit-learn is not installed; if it is, the
benchmark switches the classifier off (``quantulum3.classifier.USE_CLF = False``) so
that quantulum3 runs on its rules either way, and says so.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime
import gc
import importlib.metadata
import importlib.util
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import regex
from corpus import (
    FIXTURES,
    Source,
    joined_to,
    load_sources,
    repeat_to,
    utf8_size,
)

MB = 1_000_000
KB = 1_000
#: the target the project set itself (issue 2), per core
TARGET_MB_S = 5.0


#: the memory the project allows extraction to hold, per byte of input (issue 10)
TARGET_BYTES_PER_BYTE = 50


@dataclass(frozen=True)
class Settings:
    """Sizes and round counts; ``--quick`` shrinks them for a smoke run."""

    main_bytes: int = 3 * MB
    rounds: int = 5
    quantulum_bytes: int = 200 * KB
    linear_base_bytes: int = 250 * KB
    linear_repeats: int = 2
    quantulum_linear_base_bytes: int = 6_250
    cold_repeats: int = 5
    #: memory: the news text as one document, and a text dense with numbers ("$1 "
    #: repeated), under tracemalloc (slow: a few hundred KB) and by RSS (4 MB)
    memory_news_bytes: int = 1 * MB
    memory_dense_traced_bytes: int = 150 * KB
    memory_dense_rss_bytes: int = 4 * MB


QUICK = Settings(
    main_bytes=200 * KB,
    rounds=2,
    quantulum_bytes=20 * KB,
    linear_base_bytes=25 * KB,
    linear_repeats=1,
    quantulum_linear_base_bytes=2_500,
    cold_repeats=2,
    memory_news_bytes=100 * KB,
    memory_dense_traced_bytes=15 * KB,
    memory_dense_rss_bytes=300 * KB,
)


@dataclass
class Row:
    """One timed workload: the median of its rounds, and every round."""

    tool: str
    workload: str
    size_bytes: int
    seconds: float = float("nan")
    claims: int = 0
    note: str = ""
    rounds: list[float] = field(default_factory=list)

    @property
    def mb_per_s(self) -> float:
        return self.size_bytes / MB / self.seconds

    @property
    def claims_per_mb(self) -> float:
        return self.claims / (self.size_bytes / MB)


@dataclass
class Results:
    """Everything measured, as ``--json`` writes it."""

    machine: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    throughput: list[dict[str, Any]] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)
    linearity: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)
    cold_start: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- timing


def best_of(fn: Callable[[], int], repeats: int) -> tuple[float, int]:
    """The fastest of ``repeats`` runs of ``fn`` (seconds) and what it returned."""
    best = float("inf")
    result = 0
    for _ in range(max(1, repeats)):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


# ----------------------------------------------------------------------------- tools

Counter = Callable[[str], int]


def factcheck_counter(notes: list[str] | None = None) -> Counter:
    """``factcheck.extract(text)``, counting claims; warmed up (lexicons, patterns)."""
    import factcheck

    candidate = vars(factcheck)["extract"]
    if not callable(candidate):
        # the `factcheck.extract` subpackage, once imported, replaces the function
        # of that name on the package; take the function it delegates to
        candidate = vars(candidate)["extract_claims"]
    extract: Callable[[str], Iterable[object]] = candidate

    def count(text: str) -> int:
        # every claim is built (the sequence keeps them compactly and builds each
        # when read): what a caller that reads them pays
        return sum(1 for _ in extract(text))

    count("It pledged more than 380 billion yuan (US$52.4 billion), up 13%, 5 km.")
    if notes is not None and not callable(vars(factcheck)["extract"]):
        notes.append(
            "after its first call, `factcheck.extract` is the subpackage "
            "factcheck/extract/, not the function: a second `factcheck.extract(text)` "
            "raises TypeError: 'module' object is not callable. The benchmark calls "
            "the function it resolved before that happens."
        )
    return count


def quantulum_counter(notes: list[str]) -> Counter | None:
    """``quantulum3.parser.parse(text)``, counting quantities; None if not installed."""
    if importlib.util.find_spec("quantulum3") is None:
        notes.append("quantulum3 is not installed: skipped (pip install -e .[bench])")
        return None
    with warnings.catch_warnings():
        # without scikit-learn it warns that its classifier is off: that is intended
        warnings.simplefilter("ignore")
        import quantulum3.classifier as q_classifier
        from quantulum3 import parser as q_parser
    if q_classifier.USE_CLF:
        q_classifier.USE_CLF = False
        notes.append(
            "scikit-learn is importable here: quantulum3's bundled classifier "
            "(clf.joblib, pickled with an old scikit-learn) fails to load beside it "
            "(ModuleNotFoundError: No module named '_loss'), so the benchmark set "
            "quantulum3.classifier.USE_CLF = False and quantulum3 runs on its rules, "
            "as it does where scikit-learn is absent. `nox -s bench` uninstalls it."
        )
    else:
        notes.append(
            "scikit-learn is not installed: quantulum3 runs on its rule-based "
            "disambiguation (its classifier needs scikit-learn)."
        )

    def count(text: str) -> int:
        return len(q_parser.parse(text))

    count("It costs $2.5bn and 5 km.")  # loads its unit and entity tables
    return count


def price_parser_counter(notes: list[str]) -> Counter | None:
    """``price_parser.Price.fromstring(text)``: 1 if it found an amount, else 0."""
    if importlib.util.find_spec("price_parser") is None:
        notes.append("price-parser is not installed: skipped (pip install -e .[bench])")
        return None
    from price_parser import Price

    def count(text: str) -> int:
        return int(Price.fromstring(text).amount is not None)

    count("$52.4 billion")
    return count


_DIGITS = regex.compile(r"\d+")


def regex_counter(text: str) -> int:
    """The ceiling: ``regex.finditer(r"\\d+", text)``, counting matches."""
    return sum(1 for _ in _DIGITS.finditer(text))


def per_paragraph(counter: Counter, paragraphs: Sequence[str]) -> Callable[[], int]:
    """A workload calling ``counter`` once per paragraph."""

    def run() -> int:
        return sum(counter(p) for p in paragraphs)

    return run


def whole(counter: Counter, text: str) -> Callable[[], int]:
    """A workload calling ``counter`` once on ``text``."""
    return lambda: counter(text)


# ------------------------------------------------------------------------- workloads


@dataclass(frozen=True)
class Texts:
    """The same corpus cut into the shapes the workloads need."""

    paragraphs: list[str]  # repeated to main size
    documents: list[str]  # whole article bodies, repeated to main size
    joined: str  # paragraphs joined by blank lines
    quantulum_slice: list[str]  # a prefix of paragraphs, for the slow peer
    base_paragraphs: list[str]  # the corpus once


def build_texts(sources: Sequence[Source], settings: Settings) -> Texts:
    base_paragraphs = [p for s in sources for p in s.paragraphs]
    bodies = [s.body.strip() for s in sources if s.body.strip()]
    paragraphs = repeat_to(base_paragraphs, settings.main_bytes)
    return Texts(
        paragraphs=paragraphs,
        documents=repeat_to(bodies, settings.main_bytes),
        joined="\n\n".join(paragraphs),
        quantulum_slice=repeat_to(base_paragraphs, settings.quantulum_bytes),
        base_paragraphs=base_paragraphs,
    )


def measure_throughput(
    texts: Texts, settings: Settings, results: Results
) -> dict[str, Row]:
    """Time every tool on its workloads in interleaved rounds; the rows by key."""
    para_bytes = utf8_size(texts.paragraphs)
    slice_bytes = utf8_size(texts.quantulum_slice)
    fc = factcheck_counter(results.notes)
    work: list[tuple[str, Row, Callable[[], int]]] = [
        (
            "fc_para",
            Row("factcheck", "extract() per paragraph", para_bytes),
            per_paragraph(fc, texts.paragraphs),
        ),
        (
            "fc_doc",
            Row(
                "factcheck", "extract() per whole document", utf8_size(texts.documents)
            ),
            per_paragraph(fc, texts.documents),
        ),
        (
            "fc_slice",
            Row("factcheck", "extract() per paragraph, q3 slice", slice_bytes),
            per_paragraph(fc, texts.quantulum_slice),
        ),
    ]
    q3 = quantulum_counter(results.notes)
    if q3 is not None:
        note = (
            f"on a {slice_bytes / KB:.0f} KB slice of the same paragraphs: "
            "it is slow, and superlinear in document length"
        )
        work.append(
            (
                "q3_para",
                Row(
                    "quantulum3", "parser.parse() per paragraph", slice_bytes, note=note
                ),
                per_paragraph(q3, texts.quantulum_slice),
            )
        )
    pp = price_parser_counter(results.notes)
    if pp is not None:
        work.append(
            (
                "pp_para",
                Row(
                    "price-parser",
                    "Price.fromstring() per paragraph",
                    para_bytes,
                    note="one price per string at most",
                ),
                per_paragraph(pp, texts.paragraphs),
            )
        )
    work += [
        (
            "re_whole",
            Row(
                "regex \\d+", "finditer over the whole text", utf8_size([texts.joined])
            ),
            whole(regex_counter, texts.joined),
        ),
        (
            "re_para",
            Row("regex \\d+", "finditer per paragraph", para_bytes),
            per_paragraph(regex_counter, texts.paragraphs),
        ),
    ]
    print(
        f"timing: {settings.rounds} interleaved rounds, the order rotated each round; "
        "medians ..."
    )
    for r in range(settings.rounds):
        shift = r % len(work)
        for _key, row, fn in work[shift:] + work[:shift]:
            gc.collect()
            start = time.perf_counter()
            row.claims = fn()
            row.rounds.append(time.perf_counter() - start)
        print(
            f"  round {r + 1}: "
            + ", ".join(f"{k} {row.rounds[-1]:.2f}s" for k, row, _ in work)
        )
    rows: dict[str, Row] = {}
    for key, row, _fn in work:
        row.seconds = statistics.median(row.rounds)
        rows[key] = row
    return rows


def ratios(rows: dict[str, Row]) -> dict[str, float]:
    """factcheck's throughput divided by each peer's (same slice for quantulum3)."""
    out: dict[str, float] = {}
    fc = rows["fc_para"].mb_per_s
    if "q3_para" in rows:
        out["factcheck/quantulum3 (paragraphs, same slice)"] = (
            rows["fc_slice"].mb_per_s / rows["q3_para"].mb_per_s
        )
    if "pp_para" in rows:
        out["factcheck/price-parser (paragraphs)"] = fc / rows["pp_para"].mb_per_s
    out["factcheck/regex \\d+ (paragraphs vs whole text)"] = (
        fc / rows["re_whole"].mb_per_s
    )
    out["factcheck/regex \\d+ (both per paragraph)"] = fc / rows["re_para"].mb_per_s
    out["factcheck documents/regex \\d+ (whole text)"] = (
        rows["fc_doc"].mb_per_s / rows["re_whole"].mb_per_s
    )
    return out


# ------------------------------------------------------------------------- linearity


def measure_linearity(
    counter: Counter, base: str, repeats: int, factors: Sequence[int] = (1, 2, 4, 8)
) -> dict[str, Any]:
    """Time ``counter`` on ``base`` repeated ``factors`` times, as one document."""
    points = []
    for k in factors:
        text = "\n\n".join([base] * k)
        size = utf8_size([text])
        seconds, claims = best_of(whole(counter, text), repeats)
        points.append(
            {
                "factor": k,
                "size_bytes": size,
                "seconds": seconds,
                "seconds_per_mb": seconds / (size / MB),
                "claims": claims,
            }
        )
    per_mb = [p["seconds_per_mb"] for p in points]
    return {
        "points": points,
        "largest_over_smallest": per_mb[-1] / per_mb[0],
        "time_ratio": points[-1]["seconds"] / points[0]["seconds"],
        "size_ratio": points[-1]["size_bytes"] / points[0]["size_bytes"],
    }


def print_linearity(name: str, lin: dict[str, Any]) -> None:
    print(f"\n{name}")
    print(f"  {'size':>10} {'time s':>9} {'s per MB':>9} {'claims':>7}")
    for p in lin["points"]:
        print(
            f"  {p['size_bytes'] / KB:7.1f} KB {p['seconds']:9.3f} "
            f"{p['seconds_per_mb']:9.3f} {p['claims']:7d}"
        )
    print(
        f"  time per MB, largest/smallest: {lin['largest_over_smallest']:.2f} "
        f"({lin['size_ratio']:.0f}x the text took {lin['time_ratio']:.1f}x the time)"
    )


#: where the benchmark's subprocesses run: not the repository, whose ``factcheck/``
#: sources ``python -c`` and ``python -m`` would import in place of the installed
#: (compiled) build that is being measured
NEUTRAL_DIR = Path(tempfile.gettempdir())


# ---------------------------------------------------------------------------- memory

_MEMORY_PROBE = """
import gc, json, resource, sys, tracemalloc
from factcheck import extract
how, what, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
if what == "dense":
    text = "$1 " * (size // 3)
else:
    with open(what, encoding="utf-8") as f:
        text = f.read()
extract("warm-up: $5 bn, 3 km, 5% in 2024")
gc.collect()
out = {"input_bytes": len(text.encode("utf-8"))}
if how == "traced":
    tracemalloc.start()
    claims = extract(text)
    out["claims"] = sum(1 for _ in claims)
    out["held_bytes"], out["peak_bytes"] = tracemalloc.get_traced_memory()
else:
    def status(key):
        with open("/proc/self/status") as f:
            return next(int(l.split()[1]) * 1024 for l in f if l.startswith(key))
    try:  # the peak RSS, reset to the current RSS (Linux): the growth from here
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        before = status("VmRSS:")
        peak = lambda: status("VmHWM:")
    except OSError:  # elsewhere: the growth of the process's high-water mark
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    claims = extract(text)
    out["claims"] = sum(1 for _ in claims)
    out["rss_growth_bytes"] = max(0, peak() - before)
print(json.dumps(out))
"""


def _memory_probe(how: str, what: str, size: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, how, what, str(size)],
        capture_output=True,
        text=True,
        cwd=NEUTRAL_DIR,
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr[-500:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure_memory(texts: Texts, settings: Settings) -> dict[str, Any]:
    """Bytes factcheck holds per input byte, each in a fresh process: the news text
    as one document and a text dense with numbers ("$1 " repeated, a claim every
    three bytes), by tracemalloc (Python's allocations: the peak during extraction
    and what the claims hold after) and by the growth of the process's peak RSS."""
    news = joined_to(texts.base_paragraphs, settings.memory_news_bytes)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.txt"
        path.write_text(news, encoding="utf-8")
        probes = {
            "news, one document (tracemalloc)": ("traced", str(path), 0),
            "news, one document (RSS)": ("rss", str(path), 0),
            '"$1 " repeated (tracemalloc)': (
                "traced",
                "dense",
                settings.memory_dense_traced_bytes,
            ),
            '"$1 " repeated (RSS)': ("rss", "dense", settings.memory_dense_rss_bytes),
        }
        for name, (how, what, size) in probes.items():
            out[name] = _memory_probe(how, what, size)
    return out


def print_memory(memory: dict[str, Any]) -> None:
    print(
        "\nmemory per input byte (fresh process each; target: at most "
        f"{TARGET_BYTES_PER_BYTE} bytes per byte)"
    )
    print(f"  {'text':<34} {'input':>9} {'claims':>8} {'peak':>8} {'held':>8}")
    for name, r in memory.items():
        if "error" in r:
            print(f"  {name:<34} failed: {r['error'][-200:]}")
            continue
        size = r["input_bytes"]
        if "peak_bytes" in r:
            peak = f"{r['peak_bytes'] / size:.1f}"
            held = f"{r['held_bytes'] / size:.1f}"
        else:
            peak, held = f"{r['rss_growth_bytes'] / size:.1f}", "(RSS)"
        print(f"  {name:<34} {size / KB:7.0f}KB {r['claims']:8d} {peak:>8} {held:>8}")


# ------------------------------------------------------------------------ cold start


def cold_fixture() -> Path | None:
    """One of the project's fixture articles (money and percent, no quantities)."""
    preferred = FIXTURES / "alibaba" / "east-wire.md"
    if preferred.is_file():
        return preferred
    found = sorted(p for p in FIXTURES.rglob("*.md") if "bad" not in p.parts)
    return found[0] if found else None


def time_command(argv: Sequence[str], repeats: int) -> float | None:
    """Best wall time of running ``argv`` (output discarded); None if it fails."""
    best = float("inf")
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        done = subprocess.run(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=NEUTRAL_DIR,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            print(f"  {' '.join(argv)} failed: {done.stderr.decode()[-300:]}")
            return None
        best = min(best, elapsed)
    return best


_MODULES_PROBE = """
import contextlib, io, json, sys
from factcheck.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(["extract", sys.argv[1], "--format", "json"])
claims = json.loads(out.getvalue())["documents"][0]["claims"]
heavy = ["pint", "babel", "currency_converter", "markdown_it", "attrs", "regex"]
print(json.dumps({
    "exit_code": code,
    "kinds": sorted({c["kind"] for c in claims}),
    "loaded": {name: name in sys.modules for name in heavy},
}))
"""

_QUANTITY_PROBE = """
import json, sys
from factcheck import extract
claims = extract("The pipeline is 120 km long and carries 55 bcm a year.")
print(json.dumps({"kinds": sorted({c.kind for c in claims}),
                  "pint": "pint" in sys.modules}))
"""


def probe(code: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=NEUTRAL_DIR,
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr[-500:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure_cold_start(repeats: int) -> dict[str, Any]:
    fixture = cold_fixture()
    python = sys.executable
    out: dict[str, Any] = {"repeats": repeats}
    commands: dict[str, list[str]] = {
        "python -c pass (interpreter floor)": [python, "-c", "pass"],
        "python -c 'import factcheck'": [python, "-c", "import factcheck"],
    }
    if fixture is not None:
        rel = str(fixture)
        out["fixture"] = rel
        commands["python -m factcheck extract ARTICLE --format json"] = [
            python, "-m", "factcheck", "extract", rel, "--format", "json",
        ]  # fmt: skip
        script = Path(python).parent / "factcheck"
        found = str(script) if script.is_file() else shutil.which("factcheck")
        if found:
            commands["factcheck extract ARTICLE --format json (console script)"] = [
                found, "extract", rel, "--format", "json",
            ]  # fmt: skip
            out["console_script"] = found
    times = {name: time_command(argv, repeats) for name, argv in commands.items()}
    out["seconds"] = times
    if fixture is not None:
        out["cli_modules"] = probe(_MODULES_PROBE, str(fixture))
    out["quantity_text_modules"] = probe(_QUANTITY_PROBE)
    return out


def print_cold_start(cold: dict[str, Any]) -> None:
    print(f"\ncold start (best of {cold['repeats']}, article: {cold.get('fixture')})")
    for name, seconds in cold["seconds"].items():
        shown = "failed" if seconds is None else f"{seconds * 1000:7.0f} ms"
        print(f"  {name:<58} {shown}")
    cli = cold.get("cli_modules", {})
    if "loaded" in cli:
        loaded = ", ".join(
            f"{k}={'yes' if v else 'no'}" for k, v in cli["loaded"].items()
        )
        print(
            f"  modules loaded by `factcheck extract` on that article "
            f"(claim kinds: {', '.join(cli['kinds'])}): {loaded}"
        )
    elif cli:
        print(f"  module probe failed: {cli.get('error')}")
    qty = cold["quantity_text_modules"]
    if "pint" in qty:
        print(
            f"  extract() on a text with quantities (claim kinds: "
            f"{', '.join(qty['kinds'])}): pint={'yes' if qty['pint'] else 'no'}"
        )


# ---------------------------------------------------------------------------- report


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine_info() -> dict[str, Any]:
    cpu_model = platform.processor()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    affinity = getattr(os, "sched_getaffinity", None)
    return {
        "date": datetime.datetime.now(tz=datetime.timezone.utc).date().isoformat(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(affinity(0)) if affinity else os.cpu_count(),
        "cpu_model": cpu_model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": {
            d: _version(d)
            for d in (
                "factcheck",
                "quantulum3",
                "price-parser",
                "regex",
                "pint",
                "scikit-learn",
            )
        },
        "sklearn_importable": importlib.util.find_spec("sklearn") is not None,
        "factcheck_build": extractor_build(),
    }


def extractor_build() -> str:
    """How the installed extractor runs: compiled by mypyc (a non-editable install,
    see hatch_build.py) or from its sources (editable, FACTCHECK_PURE_PYTHON, or a
    failed compile)."""
    spec = importlib.util.find_spec("factcheck.extractor.scanner")
    origin = (spec.origin or "") if spec is not None else ""
    if origin.endswith(".py"):
        return "pure Python (sources)"
    return "compiled (mypyc)" if origin else "not installed"


def print_table(rows: dict[str, Row], ratio: dict[str, float]) -> None:
    fc = rows["fc_para"].mb_per_s
    print(
        f"\n{'tool':<13} {'workload':<34} {'MB':>6} {'MB/s':>8} {'spread':>13} "
        f"{'claims/MB':>9} {'factcheck ÷ it':>14}"
    )
    for key, row in rows.items():
        base = rows["fc_slice"].mb_per_s if key == "q3_para" else fc
        size = row.size_bytes / MB
        spread = f"{size / max(row.rounds):.3g}-{size / min(row.rounds):.3g}"
        print(
            f"{row.tool:<13} {row.workload:<34} {size:6.2f} "
            f"{row.mb_per_s:8.3f} {spread:>13} {row.claims_per_mb:9.0f} "
            f"{base / row.mb_per_s:14.3g}"
        )
    notes = [f"  {r.tool}: {r.note}" for r in rows.values() if r.note]
    notes.append(
        "  factcheck ÷ it: factcheck per paragraph over this row's MB/s "
        "(for quantulum3: factcheck on the same slice)"
    )
    if notes:
        print("\n".join(notes))
    print("\nratios (factcheck MB/s ÷ peer MB/s)")
    for name, value in ratio.items():
        print(f"  {name:<52} {value:10.4g}")
    verdict = "meets" if fc >= TARGET_MB_S else "is below"
    print(
        f"  factcheck per paragraph: {fc:.2f} MB/s on one core, {verdict} the "
        f"{TARGET_MB_S:g} MB/s per core target (extractor {extractor_build()})"
    )


def profile_paragraphs(paragraphs: Sequence[str], top: int = 15) -> None:
    """cProfile of factcheck on the paragraph workload: top functions two ways."""
    counter = factcheck_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for p in paragraphs:
        counter(p)
    profiler.disable()
    for order in ("cumulative", "tottime"):
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"\ncProfile, factcheck per paragraph, top {top} by {order}")
        print(buffer.getvalue().split("\n\n", 2)[-1].rstrip())


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument(
        "--rounds", type=int, help="interleaved timing rounds (default 5; quick 2)"
    )
    parser.add_argument("--json", metavar="FILE", help="write the results here")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile factcheck on the paragraph workload",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = QUICK if args.quick else Settings()
    if args.rounds:
        settings = replace(settings, rounds=args.rounds)
    results = Results(machine=machine_info())
    m = results.machine
    print(
        f"bench_extract {m['date']}{' (quick)' if args.quick else ''}: "
        f"Python {m['python']} ({m['implementation']}) on {m['platform']}\n"
        f"  {m['cpu_count']} CPUs ({m['cpus_usable']} usable), {m['cpu_model']}; "
        "every workload runs on one core\n"
        "  versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    )
    if m["sklearn_importable"]:
        print(
            "  NOTE: scikit-learn is importable. quantulum3's bundled classifier "
            "cannot load beside current scikit-learn; quantulum3 is run with its "
            "classifier switched off. Run in an environment without scikit-learn "
            "(nox -s bench) to measure it as users without scikit-learn get it."
        )

    sources, label = load_sources()
    texts = build_texts(sources, settings)
    base_bytes = utf8_size(texts.base_paragraphs)
    results.corpus = {
        "source": label,
        "files": len(sources),
        "paragraphs": len(texts.base_paragraphs),
        "bytes": base_bytes,
        "repeated_to_bytes": utf8_size(texts.paragraphs),
    }
    print(
        f"  text: {label}: {len(sources)} files, {len(texts.base_paragraphs)} "
        f"paragraphs, {base_bytes / KB:.0f} KB, repeated to "
        f"{results.corpus['repeated_to_bytes'] / MB:.1f} MB\n"
    )

    rows = measure_throughput(texts, settings, results)
    results.throughput = [
        {
            "key": k,
            **asdict(r),
            "mb_per_s": r.mb_per_s,
            "claims_per_mb": r.claims_per_mb,
        }
        for k, r in rows.items()
    ]
    results.ratios = ratios(rows)
    print_table(rows, results.ratios)

    print("\nlinearity: one document, the corpus repeated 1x, 2x, 4x, 8x")
    fc = factcheck_counter()
    base = joined_to(texts.base_paragraphs, settings.linear_base_bytes)
    lin = measure_linearity(fc, base, settings.linear_repeats)
    results.linearity["factcheck"] = lin
    print_linearity("factcheck extract(), whole document", lin)
    q3 = quantulum_counter([])
    if q3 is not None:
        q_base = joined_to(texts.base_paragraphs, settings.quantulum_linear_base_bytes)
        q_lin = measure_linearity(q3, q_base, 1)
        results.linearity["quantulum3"] = q_lin
        print_linearity("quantulum3 parser.parse(), whole document (1 run each)", q_lin)

    results.memory = measure_memory(texts, settings)
    print_memory(results.memory)

    results.cold_start = measure_cold_start(settings.cold_repeats)
    print_cold_start(results.cold_start)

    if results.notes:
        print("\nnotes")
        for note in results.notes:
            print(f"  - {note}")

    if args.profile:
        profile_paragraphs(texts.base_paragraphs * (1 if args.quick else 5))

    if args.json:
        Path(args.json).write_text(json.dumps(asdict(results), indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
