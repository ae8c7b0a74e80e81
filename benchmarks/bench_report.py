"""How big the reports get and how long they take to render, at 200 and 2,000 articles.

The articles come from ``bench_audit.Generator`` (news events of 3-5 articles made
from the project's fixtures, about 30% of them planted wrong); each article is given
a title and a URL, as real front matter would. With ``--corpus dev`` they are the
development corpus instead (``../shared/corpus/dev/*/*.md``, with their own front
matter), copied into ``copy-K/`` folders until there are enough: every copy of an
event aligns with every other, so findings grow faster than articles (a stress test
of the report, not a picture of a newsroom). The corpus is audited once per size
(timed, for context), then every report format is rendered from that one report in
interleaved rounds (html, json, sarif, text, the GitHub job summary, claimreview,
then again), so that all formats meet the same machine state; the table shows the
best of the rounds, each format's time as a ratio to ``json`` (the plain serializer
the others are measured against) and the size in UTF-8 bytes (1 MB = 10**6 bytes).

Usage::

    python benchmarks/bench_report.py [--sizes N ...] [--corpus generated|dev]
        [--rounds R] [--json FILE] [--keep DIR]

``--keep DIR`` writes each size's HTML report there, to open in a browser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex
from bench_audit import Generator

from factcheck.load import load_paths
from factcheck.model import Document, Report
from factcheck.pipeline import audit
from factcheck.report import render
from factcheck.report.github import summary_markdown

DEFAULT_SIZES = (200, 2_000)
SEED = 2025  # bench_audit.py's default seed: the same articles
DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def with_front_matter(docs: Sequence[Document]) -> list[Document]:
    """Each article with a title (its first sentence, cut at 80 characters) and a
    URL on its outlet's site, as front matter would give them."""
    out = []
    for d in docs:
        first = regex.split(r"(?<=[.!?])\s", d.text.strip(), maxsplit=1)[0]
        first = " ".join(first.split())
        title = first if len(first) <= 80 else first[:79].rstrip() + "…"
        slug = regex.sub(r"\W+", "-", (d.outlet or "news").lower()).strip("-")
        url = f"https://{slug}.example/{d.path.removeprefix('gen/')}"
        out.append(attrs.evolve(d, title=title, url=url))
    return out


def dev_corpus(n: int) -> list[Document]:
    """The first ``n`` articles of the development corpus, copied as often as needed
    (``copy-K/`` before each path)."""
    docs, problems = load_paths([DEV])
    if not docs or problems:
        msg = f"cannot read the development corpus at {DEV}: {problems}"
        raise SystemExit(msg)
    docs.sort(key=lambda d: d.path)
    return [
        attrs.evolve(
            docs[i % len(docs)],
            path=f"copy-{i // len(docs)}/"
            + docs[i % len(docs)].path.removeprefix(str(DEV) + "/"),
        )
        for i in range(n)
    ]


def _formats() -> dict[str, Callable[[Report], str]]:
    return {
        "html": lambda r: render(r, "html"),
        "json": lambda r: render(r, "json"),
        "sarif": lambda r: render(r, "sarif"),
        "text": lambda r: render(r, "text"),
        "github summary": summary_markdown,
        "claimreview": lambda r: render(r, "claimreview"),
    }


def measure(n: int, corpus: str, rounds: int, keep: Path | None) -> dict[str, Any]:
    """Audit ``n`` articles once, then render every format ``rounds`` times,
    interleaved."""
    if corpus == "dev":
        docs = dev_corpus(n)
    else:
        docs = with_front_matter(Generator(SEED).corpus(n).documents)
    t0 = time.perf_counter()
    report = audit(docs)
    audit_seconds = time.perf_counter() - t0
    formats = _formats()
    best: dict[str, float] = {}
    sizes: dict[str, int] = {}
    for _ in range(rounds):
        for name, fn in formats.items():
            gc.collect()
            t = time.perf_counter()
            try:
                text = fn(report)
            except ValueError as exc:  # a format this checkout does not have
                print(f"  {name}: {exc}", file=sys.stderr)
                continue
            seconds = time.perf_counter() - t
            best[name] = min(best.get(name, seconds), seconds)
            sizes[name] = len(text.encode("utf-8"))
            if keep is not None and name == "html":
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"report-{corpus}-{n}.html").write_text(text, encoding="utf-8")
    return {
        "corpus": corpus,
        "documents": n,
        "findings": len(report.findings),
        "audit_seconds": audit_seconds,
        "render_seconds": best,
        "bytes": sizes,
    }


def print_table(result: dict[str, Any]) -> None:
    """One size: each format's best time, its ratio to json, and its size."""
    base = result["render_seconds"].get("json")
    print(
        f"\n{result['documents']:,} {result['corpus']} articles, {result['findings']:,} findings "
        f"(audit {result['audit_seconds']:.1f} s)"
    )
    print(f"  {'format':<16}{'render':>10}{'vs json':>10}{'size':>14}")
    for name, seconds in result["render_seconds"].items():
        ratio = f"{seconds / base:.1f}x" if base else "-"
        size = result["bytes"][name]
        print(f"  {name:<16}{seconds * 1000:>8.0f} ms{ratio:>10}{size / 1e6:>11.2f} MB")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sizes and print one table per size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--corpus", choices=("generated", "dev"), default="generated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", type=Path, help="write the HTML reports here")
    args = parser.parse_args(argv)
    results = []
    for n in args.sizes:
        result = measure(n, args.corpus, args.rounds, args.keep)
        print_table(result)
        results.append(result)
    if args.json:
        payload = {
            "date": dt.datetime.now(dt.timezone.utc).date().isoformat(),
            "results": results,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
