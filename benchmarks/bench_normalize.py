"""Benchmark the normalize stage: cold start and conversions per second.

Run: ``python benchmarks/bench_normalize.py [--quick]``

Cold start is measured in fresh subprocesses (one per row), so each pays the imports,
the pint registry build and the rate-history load exactly once, as a real process
does. The ECB history is measured three ways: with the parsed-history cache turned off
(``FACTCHECK_CACHE_DIR=""``), on a first run that writes the cache, and on a second run
that reads it. Throughput is measured in this process after one warm-up call.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_CHILD = """
import time, json
t0 = time.perf_counter()
import factcheck.normalize as n
t1 = time.perf_counter()
{body}
t2 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first": t2 - t1}}))
"""

_UNITS = """
from factcheck.normalize.units import convert_quantity
convert_quantity(100.0, "mile", "kilometer")
"""

_MONEY = """
import datetime
n.convert_amount(380e9, "CNY", "USD", kind="money", day=datetime.date(2025, 2, 24),
                 precision=10e9)
"""


def _child(body: str, cache: str) -> tuple[float, float, float]:
    """(import, first conversion, whole process wall time) in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_CACHE_DIR": cache}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(body=body)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    wall = time.perf_counter() - start
    data = json.loads(out)
    return data["import"], data["first"], wall


def _best(runs: int, body: str, cache: Callable[[], str]) -> tuple[float, float, float]:
    results = [_child(body, cache()) for _ in range(runs)]
    return min(results, key=lambda r: r[1])


def _rate(fn: Callable[[int], object], seconds: float) -> float:
    """Calls per second of ``fn(i)`` over about ``seconds``."""
    fn(0)
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for i in range(200):
            fn(count + i)
        count += 200
    return count / elapsed


def cold_rows(runs: int) -> list[tuple[str, str]]:
    """Cold-start rows: label, timings."""
    rows = []
    warm = tempfile.mkdtemp(prefix="fc-bench-")
    _child(_MONEY, warm)  # writes the parsed-history cache

    def fresh() -> str:
        return tempfile.mkdtemp(prefix="fc-bench-")

    cases = [
        ("import factcheck.normalize only", "pass", lambda: ""),
        ("first unit conversion (pint registry)", _UNITS, lambda: ""),
        ("first currency conversion, no disk cache", _MONEY, lambda: ""),
        ("first currency conversion, writes the cache", _MONEY, fresh),
        ("first currency conversion, cache warm", _MONEY, lambda: warm),
    ]
    for label, body, cache in cases:
        imp, first, wall = _best(runs, body, cache)
        rows.append(
            (
                label,
                f"import {imp * 1e3:6.1f} ms   first call {first * 1e3:6.1f} ms   "
                f"process {wall * 1e3:6.0f} ms",
            )
        )
    return rows


def throughput_rows(seconds: float) -> list[tuple[str, str]]:
    """Conversions per second in this (warm) process."""
    from factcheck.model import Interval
    from factcheck.normalize import convert_interval
    from factcheck.normalize.ecb import ECBProvider
    from factcheck.normalize.units import convert_quantity, get_registry

    ecb = ECBProvider(cache_dir=None)
    rng = random.Random(0)
    # 5003 days x 4 pairs swept in order: more than the 4096-entry window memo holds,
    # so each "memo misses" conversion computes its rate window afresh
    days = [dt.date(2010, 1, 4) + dt.timedelta(days=i) for i in range(5003)]
    rng.shuffle(days)
    pairs = [("CNY", "USD"), ("USD", "JPY"), ("GBP", "EUR"), ("EUR", "INR")]
    interval = Interval(375e9, 385e9, "CNY")
    pledge = dt.date(2025, 2, 24)
    registry = get_registry()
    units = [
        ("mile", "kilometer"),
        ("barrel per day", "bcm per year"),
        ("MMBtu", "boe"),
    ]

    def rate(i: int) -> object:
        base, quote = pairs[i % 4]
        return ecb.rate(base, quote, days[(i // 4) % 5003])

    def money_same_day(_i: int) -> object:
        return convert_interval(
            interval, "USD", kind="money", value=380e9, day=pledge, provider=ecb
        )

    def money_any_day(i: int) -> object:
        base, quote = pairs[i % 4]
        return convert_interval(
            Interval(1e9, 2e9, base), quote, kind="money", value=1.5e9, day=days[(i // 4) % 5003],
            provider=ecb,
        )  # fmt: skip

    def unit(i: int) -> object:
        source, target = units[i % 3]
        return convert_quantity(float(i), source, target)

    def unit_interval(i: int) -> object:
        return convert_interval(
            Interval(1.0, float(i + 2), "mile"), "kilometer", kind="quantity"
        )

    def raw_pint(i: int) -> object:
        source, target = units[i % 3]
        return registry.Quantity(float(i), source).to(target).magnitude

    cases: list[tuple[str, Callable[[int], object]]] = [
        ("ECB rate lookup (random day and pair)", rate),
        ("currency interval conversion, one day (window memo hits)", money_same_day),
        ("currency interval conversion, random day (memo misses)", money_any_day),
        ("unit conversion, convert_quantity (cached factor)", unit),
        ("unit interval conversion, convert_interval", unit_interval),
        ("for comparison: pint Quantity(...).to(...) per call", raw_pint),
    ]
    return [(label, f"{_rate(fn, seconds):12,.0f} /s") for label, fn in cases]


def main() -> None:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, shorter")
    args = parser.parse_args()
    runs, seconds = (1, 0.3) if args.quick else (3, 1.0)
    print(f"factcheck normalize benchmark  (python {sys.version.split()[0]})")
    print(f"\ncold start: fresh process, best of {runs}")
    rows = cold_rows(runs)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    print("\nthroughput: warm process")
    rows = throughput_rows(seconds)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")


if __name__ == "__main__":
    main()
