"""How the audit scales: 100, 1,000 and 10,000 generated articles, timed end to end.

The articles are the project's fixtures (``fixtures/alibaba/*``, ``fixtures/minimax/*``,
``fixtures/clean/*.md``, read with ``factcheck.load_document``) rewritten per news
event: every event ("cluster") is 3-5 articles from one fixture family with its own
company, people, city, currency, figures and publication dates (2019-2025, inside the
ECB history the default rate provider ships). Figures are scaled per cluster and the
stated equivalents are recomputed at each article's date, so they agree; in about
30% of the clusters the articles are planted wrong (a bad conversion, a round 10
CNY/USD rate, a scale slip, a conflicting valuation or revenue). The corpus of N
articles is the first N articles of one seeded sequence, so the sizes are prefixes of
each other and differ only in how many events they hold. Company and people names
are made of syllables, never digits ("Company 17" would add a claim).

Every size runs in a fresh forked process (so peak RSS is per size): the corpus is
built, then ``factcheck.pipeline.audit(documents)`` is timed (``time.perf_counter``,
``gc.collect()`` and a cleared rate-window cache before each run; best of N, and no
further repeats once a size has spent 20 s). Then one more pass times the stages on
their own: extraction (``factcheck.extract_document`` per article), context building
(``factcheck.rules.build_context``: claim contexts and IDF, values in USD, candidate
pairs, alignment; its parts are re-run once more outside the timings) and each rule.
"Pair checks" is how many pairs a pairing by measure and magnitude alone would look
at (what ``candidate_pairs`` did before it indexed shared context words), counted
from bucket sizes: the quadratic work the index avoids. "cand. pairs" is what
``factcheck.align.candidate_pairs`` now yields.

A size whose audit, extrapolated from the sizes before it (time ∝ n**k), would end
the run after ``--budget`` seconds (default 300) is not audited: the table shows
the prediction, its extraction time and its pair checks instead, and the largest
audited size is profiled if the budget still allows (else ``--profile N``).

Usage::

    python benchmarks/bench_audit.py [--quick] [--sizes N ...] [--repeats R]
        [--stages all|largest|none] [--budget S] [--profile N] [--json FILE]

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
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs
import regex

import factcheck
from factcheck import Document, Extraction, extract_document, load_document
from factcheck.config import Config
from factcheck.errors import RateUnavailableError
from factcheck.pipeline import audit, provider_from, settings_from
from factcheck.rules import all_rules, build_context

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures"
MIB = 1024 * 1024

#: (size, repeats): best of N, fewer for the large corpus
DEFAULT_PLAN = ((100, 5), (1_000, 3), (10_000, 1))
QUICK_PLAN = ((50, 1), (200, 1), (800, 1))

FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2025, 6, 30)

# --------------------------------------------------------------------------- names


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_PREFIXES = _words(
    "Kor Tal Vem Bra Quin Sol Mar Dex Lum Orin Zel Pax Ner Cal Vis Hal Tor Fen Rix Gal Mol Ser Yar Ost Bel Cor Dal Eri Fal Jun Kel Lor Mav Nov Pel Ros Sta Ula Ven Wes"
)
_MIDDLES = _words("a e i o u ar en ix on el")
_SUFFIXES = _words(
    "vex mo tra dine lux gen nova tek sys ford quest line corp nex wave hub dyne path core soft"
)
_FIRST_NAMES = _words(
    "Eddie Maria Jun Aiko Lars Priya Tomas Mei Omar Elena Hiro Sofia Min Dana Ravi Ingrid Chen Leila Marco Yuki"
)
_SURNAMES = _words(
    "Wu Novak Tanaka Lindqvist Rao Zhang Haddad Moreau Park Silva Okafor Brandt Kowalski Ito Meyer Sato Costa Li Andersen Kaur"
)
_CITIES = _words(
    "Hangzhou Shenzhen Munich Lyon Leeds Osaka Busan Turin Gothenburg Porto Nagoya Incheon Chengdu Rotterdam Bristol"
)
_OUTLETS = (
    "Morning Ledger",
    "Coastal Times",
    "Market Wire",
    "Northern Herald",
    "Daily Signal",
    "Metro Business",
    "Pacific Review",
)
#: (ISO code, the word the articles use, the nationality of the company, weight)
_CURRENCIES = (
    ("CNY", "yuan", "Chinese", 5),
    ("EUR", "euros", "German", 2),
    ("JPY", "yen", "Japanese", 2),
    ("GBP", "pounds", "British", 1),
    ("KRW", "won", "South Korean", 1),
)
_SPANS = ("two", "three", "four", "five")
_MONTHS = _words(
    "January February March April May June July August September October November December"
)


def _name(rng: random.Random) -> str:
    return (
        rng.choice(_PREFIXES) + rng.choice(_MIDDLES) + rng.choice(_SUFFIXES)
    ).title()


# ------------------------------------------------------------------------- figures

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _round_sig(value: float, sig: int) -> float:
    digits = sig - 1 - math.floor(math.log10(abs(value)))
    return round(value, digits)


def amount(value: float, sig: int = 2, *, decimals: int | None = None) -> str:
    """``value`` as a news figure: 380e9 → "380 billion", 52.43e9 → "52.4 billion"
    (``sig`` significant figures, or a fixed number of ``decimals``)."""
    for scale, word in _SCALES:
        if abs(value) >= scale * 0.9995 or scale == 1e6:
            m = value / scale
            if decimals is None:
                m = _round_sig(m, sig)
                places = max(0, sig - 1 - math.floor(math.log10(abs(m))))
            else:
                places = decimals
            text = f"{m:.{places}f}"
            return f"{text} {word}"
    raise AssertionError  # unreachable: the last scale always matches


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


# ----------------------------------------------------------------------- templates


@dataclass(frozen=True)
class Template:
    """One fixture article: its family, name and prose (front matter blanked)."""

    family: str
    name: str
    outlet: str
    body: str


def load_templates() -> dict[str, list[Template]]:
    """The fixture articles by family: ``pledge`` (alibaba), ``funding`` (minimax)
    and ``results`` (clean/*.md)."""
    groups = {
        "pledge": sorted((FIXTURES / "alibaba").glob("*")),
        "funding": sorted((FIXTURES / "minimax").glob("*")),
        "results": sorted((FIXTURES / "clean").glob("*.md")),
    }
    out: dict[str, list[Template]] = {}
    for family, paths in groups.items():
        for p in paths:
            doc = load_document(p)
            out.setdefault(family, []).append(
                Template(
                    family=family,
                    name=p.stem,
                    outlet=doc.outlet or p.stem,
                    body=doc.prose.strip() + "\n",
                )
            )
    if set(out) != set(groups):
        msg = f"fixtures missing under {FIXTURES}: found only {sorted(out)}"
        raise SystemExit(msg)
    return out


def substitute(text: str, table: dict[str, str]) -> str:
    """Replace every literal key of ``table`` in ``text`` (longest first, one pass)."""
    keys = sorted(table, key=len, reverse=True)
    pattern = regex.compile("|".join(regex.escape(k) for k in keys))
    return pattern.sub(lambda m: table[m.group()], text)


@dataclass
class Corpus:
    """Generated articles and what was planted in them."""

    documents: list[Document] = field(default_factory=list)
    clusters: int = 0
    planted: dict[str, int] = field(default_factory=dict)

    @property
    def size_bytes(self) -> int:
        """UTF-8 bytes of all article texts."""
        return sum(len(d.text.encode("utf-8")) for d in self.documents)


class Generator:
    """Clusters of 3-5 articles per news event, from the fixtures."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.templates = load_templates()
        # the rate each writer would have looked up (the default provider, offline)
        self.provider = provider_from(Config())

    def usd_rate(self, code: str, day: dt.date) -> float:
        """USD per unit of ``code`` on ``day`` (the default rate provider)."""
        return self.provider.rate(code, "USD", day).rate

    def corpus(self, n: int) -> Corpus:
        """The first ``n`` articles of this generator's sequence."""
        out = Corpus()
        while len(out.documents) < n:
            family = self.rng.choice(("pledge", "pledge", "funding"))
            make = self._pledge if family == "pledge" else self._funding
            docs, planted = make(out.clusters)
            out.clusters += 1
            out.documents.extend(docs)
            if planted:
                out.planted[planted] = out.planted.get(planted, 0) + 1
        del out.documents[n:]
        return out

    def _dates(self, k: int) -> tuple[dt.date, list[dt.date]]:
        first = FIRST_DAY + dt.timedelta(
            days=self.rng.randrange((LAST_DAY - FIRST_DAY).days)
        )
        return first, [
            first + dt.timedelta(days=self.rng.choice((0, 0, 1, 1, 2)))
            for _ in range(k)
        ]

    def _outlets(self, picked: Sequence[Template]) -> list[str]:
        seen: set[str] = set()
        out = []
        for t in picked:
            outlet = t.outlet
            while outlet in seen:
                outlet = self.rng.choice(_OUTLETS)
            seen.add(outlet)
            out.append(outlet)
        return out

    def _documents(
        self,
        cluster: int,
        family: str,
        picked: Sequence[Template],
        dates: Sequence[dt.date],
        tables: Sequence[dict[str, str]],
    ) -> list[Document]:
        docs = []
        for t, outlet, day, table in zip(
            picked, self._outlets(picked), dates, tables, strict=True
        ):
            slug = regex.sub(r"\W+", "-", outlet.lower()).strip("-")
            docs.append(
                Document(
                    path=f"gen/{cluster:05d}-{family}/{slug}.md",
                    text=substitute(t.body, table),
                    outlet=outlet,
                    published=day,
                )
            )
        return docs

    def _pledge(self, cluster: int) -> tuple[list[Document], str | None]:
        """A company pledges an amount in its currency; outlets restate it in USD
        (the alibaba fixtures), plus the quarterly-results article (clean/)."""
        rng = self.rng
        core = self.templates["pledge"]
        k = rng.randint(3, 5)
        picked = list(core)
        if k >= 4:
            picked.append(self.templates["results"][0])
        if k == 5:
            picked.append(rng.choice(core))
        first, dates = self._dates(len(picked))
        code, word, nationality, _ = rng.choices(
            _CURRENCIES, weights=[c[3] for c in _CURRENCIES]
        )[0]
        company, city, span = _name(rng), rng.choice(_CITIES), rng.choice(_SPANS)
        ceo_first, ceo_last = rng.choice(_FIRST_NAMES), rng.choice(_SURNAMES)
        rate0 = self.usd_rate(code, first)
        # the pledge, stated in the company's currency (2 significant figures)
        usd_target = _log_uniform(rng, 0.2e9, 120e9)
        local = _round_sig(usd_target / rate0, 2)
        revenue = _round_sig(local * rng.uniform(0.04, 0.2), 3)
        growth = rng.randint(2, 60)
        quarter_year = (first - dt.timedelta(days=60)).year
        # which article is planted wrong, and how (None: all agree)
        planted: str | None = None
        draw = rng.random()
        if draw < 0.12:
            planted = "round-rate" if code == "CNY" else "bad-conversion"
        elif draw < 0.2:
            planted = "bad-conversion"
        elif draw < 0.27:
            planted = "scale-slip"
        elif draw < 0.32:
            planted = "revenue-conflict"
        tables = []
        for t, day in zip(picked, dates, strict=True):
            usd = local * self.usd_rate(code, day)
            approx = usd
            if planted == "round-rate":
                approx = local / 10
            elif planted == "bad-conversion":
                approx = usd * rng.choice((0.7, 1.35))
            elif planted == "scale-slip":
                approx = usd / 10
            rev = revenue
            if planted == "revenue-conflict" and t.name == "tech-ledger":
                rev = _round_sig(revenue * 1.25, 3)
            tables.append(
                {
                    "Alibaba": company,
                    "Eddie Wu": f"{ceo_first} {ceo_last}",
                    "Wu ": f"{ceo_last} ",
                    "Hangzhou": city,
                    "Chinese": nationality,
                    "380 billion yuan": f"{amount(local)} {word}",
                    "US$52.4 billion": f"US${amount(usd, 3)}",
                    "$53 billion": f"${amount(usd, 2)}",
                    "$38 billion": f"${amount(approx, 2)}",
                    "13%": f"{growth}%",
                    "31.7 billion yuan": f"{amount(rev, 3)} {word}",
                    "three years": f"{span} years",
                    "December 2024": f"December {quarter_year}",
                }
            )
        return self._documents(cluster, "pledge", picked, dates, tables), planted

    def _funding(self, cluster: int) -> tuple[list[Document], str | None]:
        """A start-up raises money at a valuation (the minimax fixtures)."""
        rng = self.rng
        core = self.templates["funding"]
        k = rng.randint(3, 5)
        picked = [*core, *(rng.choice(core) for _ in range(k - len(core)))]
        first, dates = self._dates(len(picked))
        startup, lead, co_investor, former = (_name(rng) for _ in range(4))
        city = rng.choice(_CITIES)
        nationality = rng.choice(_CURRENCIES)[2]
        raised = _round_sig(_log_uniform(rng, 20e6, 2e9), 2)
        valuation = _round_sig(raised * rng.uniform(3, 12), 2)
        planted: str | None = None
        wrong = -1
        if rng.random() < 0.25:
            planted = rng.choice(("valuation-conflict", "valuation-slip"))
            wrong = rng.randrange(len(picked))
        month = f"{_MONTHS[first.month - 1]} {first.year}"
        tables = []
        for i in range(len(picked)):
            v = valuation
            if i == wrong:
                v = valuation * (1.6 if planted == "valuation-conflict" else 10)
            tables.append(
                {
                    "MiniMax": startup,
                    "Alibaba": lead,
                    "HongShan": co_investor,
                    "Sequoia China": f"{former} Capital",
                    "Shanghai": city,
                    "Chinese": nationality,
                    "$600 million": f"${amount(raised, 2)}",
                    "$2.5 billion": f"${amount(v, 2)}",
                    "March 2024": month,
                }
            )
        return self._documents(cluster, "funding", picked, dates, tables), planted


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


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def pair_checks(extractions: Sequence[Extraction]) -> int:
    """How many pairs a pairing by measure and magnitude alone would look at (the
    quadratic work ``candidate_pairs`` avoids since it indexes shared context words),
    counted from bucket sizes without enumerating them: claims are bucketed by
    measure and quarter-decade of their USD value (the rate on the article's date);
    a bucket is paired with itself, its two neighbours and, for money, the buckets a
    power of ten away (scale slips). Cheap at any size."""
    from factcheck.align import magnitude_bucket, measure_key

    provider = provider_from(Config())
    rates: dict[tuple[str, dt.date | None], float | None] = {}
    buckets: dict[tuple[str, int], int] = {}
    for e in extractions:
        day = e.document.published
        for c in e.claims:
            value = c.value
            if c.kind == "money" and c.unit != "USD" and day is not None:
                key = (c.unit or "", day)
                if key not in rates:
                    try:
                        rates[key] = provider.rate(key[0], "USD", day).rate
                    except (RateUnavailableError, ValueError):  # no rate: not paired
                        rates[key] = None
                rate = rates[key]
                value = value * rate if rate is not None else 0.0
            if value:
                b = (measure_key(c), magnitude_bucket(value))
                buckets[b] = buckets.get(b, 0) + 1
    slips = [4 * k + d for k in (1, 2, 3, 6, 9) for d in (-1, 0, 1)]
    total = 0
    for (measure, bucket), n in buckets.items():
        total += n * (n - 1) // 2
        offsets = [1, -1] + (slips if measure == "money" else [])
        total += sum(n * buckets.get((measure, bucket + o), 0) for o in offsets)
    return total


def measure_size(
    n: int, repeats: int, seed: int, stages: bool, repeat_budget: float
) -> dict[str, Any]:  # runs in a fresh child process
    """Build the corpus of ``n`` articles, time the audit (best of ``repeats``, fewer
    once ``repeat_budget`` seconds are spent), then optionally its stages."""
    rss_start = _rss_mib()
    t_gen, corpus = _timed(lambda: Generator(seed).corpus(n))
    docs = corpus.documents
    rss_corpus = _rss_mib()
    runs: list[float] = []
    summary: dict[str, int] = {}
    findings: dict[str, int] = {}
    problems = 0
    while len(runs) < max(repeats, 1):
        _clear_rate_cache()
        gc.collect()
        seconds, report = _timed(lambda: audit(docs))
        runs.append(seconds)
        summary = attrs.asdict(report.summary)
        findings = {}
        for f in report.findings:
            findings[f.rule] = findings.get(f.rule, 0) + 1
        problems = len(report.problems)
        del report
        if sum(runs) > repeat_budget:
            break
    peak = _maxrss_mib()
    out: dict[str, Any] = {
        "documents": len(docs),
        "clusters": corpus.clusters,
        "bytes": corpus.size_bytes,
        "planted": corpus.planted,
        "generate_seconds": t_gen,
        "runs_seconds": runs,
        "seconds": min(runs),
        "ms_per_document": 1000 * min(runs) / len(docs),
        "summary": summary,
        "claims": summary.get("claims", 0),
        "findings": sum(findings.values()),
        "findings_by_rule": dict(sorted(findings.items())),
        "problems": problems,
        "rss_start_mib": rss_start,
        "rss_corpus_mib": rss_corpus,
        "peak_rss_mib": peak,
        "audit_peak_mib": peak - rss_corpus,
    }
    if stages:
        out["stages"] = measure_stages(docs)
        out["pair_checks"] = out["stages"]["pair_checks"]
    return out


def probe_size(n: int, seed: int) -> dict[str, Any]:  # runs in a fresh child process
    """For a size too slow to audit: the corpus, its extraction and its pair load."""
    rss_start = _rss_mib()
    t_gen, corpus = _timed(lambda: Generator(seed).corpus(n))
    rss_corpus = _rss_mib()
    _clear_rate_cache()
    gc.collect()
    t_extract, extractions = _timed(
        lambda: [extract_document(d) for d in corpus.documents]
    )
    return {
        "documents": len(corpus.documents),
        "clusters": corpus.clusters,
        "bytes": corpus.size_bytes,
        "planted": corpus.planted,
        "generate_seconds": t_gen,
        "claims": sum(len(e.claims) for e in extractions),
        "extract_seconds": t_extract,
        "pair_checks": pair_checks(extractions),
        "rss_start_mib": rss_start,
        "rss_corpus_mib": rss_corpus,
        "peak_rss_mib": _maxrss_mib(),
    }


def measure_stages(docs: Sequence[Document]) -> dict[str, Any]:
    """One pass of the audit split in its stages (the same calls ``audit`` makes)."""
    from factcheck.align import Aligner, candidate_pairs

    config = Config()
    _clear_rate_cache()
    gc.collect()
    t_extract, extractions = _timed(lambda: [extract_document(d) for d in docs])
    settings = settings_from(config)
    provider = provider_from(config)
    t_context, ctx = _timed(
        lambda: build_context(extractions, settings=settings, provider=provider)
    )
    rules, _ = all_rules()
    per_rule = {}
    for code, spec in rules.items():
        per_rule[code], _found = _timed(lambda spec=spec: list(spec.check(ctx)))
    # the parts of build_context, re-run outside the timings above
    t_aligner, _aligner = _timed(
        lambda: Aligner.build(ctx.refs, threshold=settings.align_threshold)
    )
    magnitudes = {}
    for r in ctx.refs:
        v = ctx.usd_value(r)
        if v is not None:
            magnitudes[r.key] = v
    t_pairs, pairs = _timed(
        lambda: sum(
            1 for _ in candidate_pairs(ctx.refs, magnitudes, ctx.aligner.contexts)
        )
    )

    def event(path: str) -> str:
        return path.split("/")[1]

    same_event = sum(
        event(c.match.a.document.path) == event(c.match.b.document.path)
        for c in ctx.candidates
    )
    return {
        "extract_seconds": t_extract,
        "context_seconds": t_context,
        "rules_seconds": sum(per_rule.values()),
        "per_rule_seconds": per_rule,
        "claims": len(ctx.refs),
        "pair_checks": pair_checks(extractions),
        "candidate_pairs": pairs,
        "aligned_pairs": len(ctx.candidates),
        "aligned_same_event": same_event,
        "context_parts": {
            "aligner_build_seconds": t_aligner,
            "candidate_pairs_seconds": t_pairs,
            "values_and_scoring_seconds": max(t_context - t_aligner - t_pairs, 0.0),
        },
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
    docs = Generator(seed).corpus(n).documents
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


def exponent(small: dict[str, Any], large: dict[str, Any]) -> float:
    """k in time ∝ n**k between two measured sizes (1.0 is linear)."""
    return math.log(large["seconds"] / small["seconds"]) / math.log(
        large["documents"] / small["documents"]
    )


def predict(measured: Sequence[dict[str, Any]], n: int) -> float | None:
    """Seconds one audit of ``n`` articles should take, extrapolated from the last
    two measured sizes (from the last one, quadratically, if only one)."""
    if not measured:
        return None
    last = measured[-1]
    k = exponent(measured[-2], last) if len(measured) >= 2 else 2.0
    return float(last["seconds"] * (n / last["documents"]) ** max(k, 1.0))


def print_table(results: Sequence[dict[str, Any]]) -> None:
    """The main table: one row per size."""
    head = (
        f"{'docs':>7} {'clusters':>8} {'claims':>7} {'pair checks':>12} "
        f"{'findings':>8} {'best s':>9} {'ms/doc':>8} {'vs first':>8} "
        f"{'peak RSS':>9} {'audit Δ':>8}"
    )
    print(head)
    print("-" * len(head))
    measured = [r for r in results if not r.get("skipped")]
    base = measured[0]["ms_per_document"] if measured else 1.0
    for r in results:
        checks = r.get("pair_checks")
        cells = (
            f"{r['documents']:>7} {r['clusters']:>8} {r['claims']:>7} "
            f"{checks if checks is not None else '':>12} "
        )
        if r.get("skipped"):
            print(
                f"{cells}{'':>8} {'skipped':>9}   predicted ≈ {r['predicted_seconds']:.0f} s "
                f"≈ {1000 * r['predicted_seconds'] / r['documents']:.0f} ms/doc; "
                f"corpus + extraction {r['peak_rss_mib']:.0f} MiB"
            )
            continue
        print(
            f"{cells}{r['findings']:>8} {r['seconds']:>9.3f} "
            f"{r['ms_per_document']:>8.2f} {r['ms_per_document'] / base:>8.2f} "
            f"{r['peak_rss_mib']:>5.0f} MiB {r['audit_peak_mib']:>4.0f} MiB"
        )


def print_stages(results: Sequence[dict[str, Any]]) -> None:
    """Where the time goes, per size, and per document."""
    rows = [r for r in results if "stages" in r]
    if not rows:
        return
    print("\nStages (one pass each; ms per document in brackets):")
    head = (
        f"{'docs':>7} {'extract':>16} {'context':>16} {'rules':>16} "
        f"{'cand. pairs':>12} {'aligned':>8} {'same event':>10}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        st, n = r["stages"], r["documents"]
        cells = [
            f"{st[k]:>7.2f}s [{1000 * st[k] / n:>5.2f}]"
            for k in ("extract_seconds", "context_seconds", "rules_seconds")
        ]
        print(
            f"{n:>7} {' '.join(cells)} {st['candidate_pairs']:>12} "
            f"{st['aligned_pairs']:>8} {st['aligned_same_event']:>10}"
        )
    st, n = rows[-1]["stages"], rows[-1]["documents"]
    parts = st["context_parts"]
    print(
        f"\ncontext at {n}: claim contexts + IDF {parts['aligner_build_seconds']:.2f}s, "
        f"candidate-pair enumeration {parts['candidate_pairs_seconds']:.2f}s, "
        f"USD values + scoring the pairs {parts['values_and_scoring_seconds']:.2f}s"
    )
    rules = ", ".join(f"{k} {v:.3f}s" for k, v in st["per_rule_seconds"].items())
    print(f"rules at {n}: {rules}")


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
        "--budget",
        type=float,
        default=300.0,
        metavar="S",
        help="skip a size whose predicted audit time would end the run after S "
        "seconds (default 300; 0: never skip)",
    )
    return parser


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
    audit(Generator(args.seed + 1).corpus(20).documents)
    results: list[dict[str, Any]] = []
    for n, repeats in plan:
        measured = [r for r in results if not r.get("skipped")]
        stages = args.stages == "all" or (args.stages == "largest" and n == plan[-1][0])
        guess = predict(measured, n)
        cost = (guess or 0.0) * (2 if stages else 1)
        if args.budget and guess and time.perf_counter() - start + cost > args.budget:
            r = in_child(probe_size, n, args.seed)
            r.update(skipped=True, predicted_seconds=guess)
            results.append(r)
            print(
                f"  {n} articles: skipped, one audit would take about {guess:.0f}s "
                f"(extrapolated; --budget 0 runs it anyway); extraction alone "
                f"{r['extract_seconds']:.1f}s, {r['pair_checks']} pair checks",
                flush=True,
            )
            continue
        t0 = time.perf_counter()
        r = in_child(measure_size, n, repeats, args.seed, stages, 20.0)
        r["wall_seconds"] = time.perf_counter() - t0
        results.append(r)
        print(
            f"  {n} articles: best {r['seconds']:.3f}s of {len(r['runs_seconds'])} "
            f"({r['ms_per_document']:.2f} ms/doc; {r['bytes'] / 1e6:.2f} MB of text; "
            f"this size took {r['wall_seconds']:.0f}s)",
            flush=True,
        )
    print()
    print_table(results)
    measured = [r for r in results if not r.get("skipped")]
    ratio = None
    if len(measured) >= 2:
        first, last = measured[0], measured[-1]
        ratio = last["ms_per_document"] / first["ms_per_document"]
        slopes = ", ".join(
            f"{a['documents']}→{b['documents']}: n^{exponent(a, b):.2f}"
            for a, b in itertools.pairwise(measured)
        )
        print(
            f"\nlinearity: ms/doc at {last['documents']} ÷ ms/doc at "
            f"{first['documents']} = {ratio:.2f} (1.0 is linear); time grows as "
            f"{slopes}"
        )
    if measured:
        last = measured[-1]
        planted = last["planted"]
        print(
            f"at {last['documents']}: {sum(planted.values())} of {last['clusters']} "
            f"events have a planted error "
            f"({', '.join(f'{k} {v}' for k, v in sorted(planted.items()))}); "
            f"findings by rule: {last['findings_by_rule']}"
        )
    print_stages(results)
    profile = None
    target = args.profile
    if target is None and measured and any(r.get("skipped") for r in results):
        largest = measured[-1]
        left = args.budget - (time.perf_counter() - start)
        if largest["seconds"] * 2.5 < left:
            target = largest["documents"]
        else:
            print(
                f"\n(no time left in the budget to profile {largest['documents']} "
                f"articles: run with --profile {largest['documents']})"
            )
    if target:
        profile = in_child(profile_audit, target, args.seed)
        print(
            f"\ncProfile of the audit of {target} articles "
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
            "linearity_ratio": ratio,
            "profile": profile,
        }
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
