"""A small report built by hand (no rates, no extraction) for the reporters' golden
tests, a hand-made rule catalog for it, and the golden-file check.

Set ``FACTCHECK_UPDATE_GOLDEN=1`` to rewrite the golden files after a deliberate
change, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs
import pytest

from factcheck.model import (
    DocumentInfo,
    Finding,
    Location,
    Problem,
    Report,
    Span,
    Summary,
)
from factcheck.rules.registry import Rule

GOLDEN = Path(__file__).resolve().parent / "golden"


def _location(
    path: str,
    line: int,
    column: int,
    text: str,
    sentence: str = "",
    *,
    figure: tuple[float, float | None, float | None, str | None] | None = None,
) -> Location:
    """A one-line location; offsets are made up but consistent. ``figure`` is
    ``(value, low, high, unit)`` in the finding's common unit."""
    start = 100 * line + column
    location = Location(
        path=path,
        span=Span(
            start,
            start + len(text),
            line=line,
            column=column,
            end_line=line,
            end_column=column + len(text),
        ),
        text=text,
        sentence=sentence,
        sentence_offset=sentence.find(text) if sentence else 0,
    )
    if figure is None:
        return location
    value, low, high, unit = figure
    return attrs.evolve(location, value=value, low=low, high=high, unit=unit)


def _conversion(_ctx: object) -> Iterable[Finding]:
    """A stated currency equivalent disagrees with the reference rate at the date.

    *What it checks.* An amount followed by its equivalent in another currency
    is converted at the reference rate of the publication date.

    *Why it matters.* Conversions are where figures go wrong between wires.

    *Example.*

        fires [2025-02-24]: 380 billion yuan, or about $38 billion.

    *Configuration.* `window_days` and `tolerance`.
    """
    return ()


def _cross_source(_ctx: object) -> Iterable[Finding]:
    """Aligned claims from different sources cannot both hold.

    *What it checks.* Claims of different documents that state the same fact must
    overlap after stated precision and qualifiers.
    """
    return ()


def _points(_ctx: object) -> Iterable[Finding]:
    """A change in a percentage stated in the wrong unit."""
    return ()


def _scale(_ctx: object) -> Iterable[Finding]:
    """A conflict off by a power of ten, or an implied rate that is a round number."""
    return ()


_RULES = {
    r.code: r
    for r in (
        Rule(
            code="FC101",
            name="conversion-mismatch",
            severity="error",
            summary="a stated currency equivalent disagrees with the reference rate",
            check=_conversion,
        ),
        Rule(
            code="FC201",
            name="cross-source-conflict",
            severity="error",
            summary="aligned claims from different sources cannot both hold",
            check=_cross_source,
        ),
        Rule(
            code="FC304",
            name="percent-vs-points",
            severity="warning",
            summary="a change in a percentage stated in the wrong unit",
            check=_points,
        ),
        Rule(
            code="FC401",
            name="scale-slip",
            severity="info",
            summary="a conflict off by a power of ten, or a round implied rate",
            check=_scale,
        ),
    )
}

ALIBABA = (
    "Alibaba will spend over 380 billion yuan, equivalent to approximately "
    "$38 billion, on AI."
)
HARBOUR = "Alibaba will put more than 380 billion yuan (US$52.4 billion) into AI."
MARKETS = "Its share rose 2% to 14% of the market."


def _sample_report() -> Report:
    """Four findings of every level in two files, one suppressed, one in the
    baseline, one unreadable input; messages with ``%``, ``:`` and ``,``."""
    claim = _location(
        "drafts/alibaba.md",
        3,
        62,
        "$38 billion",
        ALIBABA,
        figure=(38e9, 36.1e9, 39.9e9, "USD"),
    )
    anchor = _location(
        "drafts/alibaba.md",
        3,
        24,
        "380 billion yuan",
        ALIBABA,
        figure=(52.41e9, 51.87e9, None, "USD"),
    )
    return Report(
        findings=(
            Finding(
                rule="FC201",
                name="cross-source-conflict",
                severity="error",
                message="'$38 billion' (Draft) and '380 billion yuan' (Harbour "
                "Daily) cannot both hold: they miss by 74.4 billion CNY (19.6%)",
                location=claim,
                related=(
                    _location(
                        "sources/harbour.md",
                        5,
                        34,
                        "380 billion yuan",
                        HARBOUR,
                        figure=(52.33e9, 51.8e9, None, "USD"),
                    ),
                    _location(
                        "sources/harbour.md",
                        5,
                        52,
                        "US$52.4 billion",
                        HARBOUR,
                        figure=(52.4e9, 52.4e9, None, "USD"),
                    ),
                ),
                details={"relative_gap": 0.196, "implied_rate": 10.0, "unit": "CNY"},
                evidence=("same measure (money)", "shared words: alibaba"),
                baseline_state="new",
            ),
            Finding(
                rule="FC101",
                name="conversion-mismatch",
                severity="error",
                message="'$38 billion' restates '380 billion yuan' at 10 CNY per "
                "USD; the reference rate is 7.25: 22.1% off",
                location=claim,
                related=(anchor,),
                details={
                    "stated_value": 380e9,
                    "implied_rate": 0.1,
                    "reference_rate": 0.137931,
                    "rate_date": "2025-02-24",
                    "provider": "table",
                    "dated": True,
                    "window": None,
                },
                evidence=(
                    "'$38 billion' is stated as the equivalent of '380 billion yuan'",
                ),
                baseline_state="new",
            ),
            Finding(
                rule="FC304",
                name="percent-vs-points",
                severity="warning",
                message="a share went from 12% to 14%: that is 2 points, not 2%",
                location=_location("drafts/markets.md", 7, 20, "2%", MARKETS),
                details={"points": 2.0, "percent": 16.666667},
                suppressed_by="factcheck: ignore FC304",
                baseline_state="new",
            ),
            Finding(
                rule="FC401",
                name="scale-slip",
                severity="info",
                message="'$38 billion' implies a round rate of 10 CNY per USD",
                location=claim,
                baseline_state="unchanged",
            ),
        ),
        problems=(
            Problem(
                path="drafts/latin1.md",
                message="not UTF-8 text (invalid byte 0xe9 at offset 55, line 1)",
            ),
        ),
        summary=Summary(documents=3, claims=12, aligned=7, checked=9),
        documents=(
            DocumentInfo(
                path="drafts/alibaba.md",
                title="Alibaba to pour billions into AI",
                outlet="Draft Desk",
                url="https://news.example/drafts/alibaba",
                published=dt.date(2025, 2, 24),
                draft=True,
            ),
            DocumentInfo(
                path="drafts/markets.md",
                title="Cloud share climbs",
                outlet="Draft Desk",
                published=dt.date(2025, 2, 25),
                draft=True,
            ),
            DocumentInfo(
                path="sources/harbour.md",
                title="Alibaba commits 380 billion yuan",
                outlet="Harbour Daily",
                url="https://harbour.example/2025/02/alibaba",
                published=dt.date(2025, 2, 25),
            ),
        ),
    )


@pytest.fixture
def report() -> Report:
    """The hand-built sample report."""
    return _sample_report()


@pytest.fixture
def rules() -> dict[str, Rule]:
    """A small hand-made rule catalog (the real one changes as rules are written)."""
    return dict(_RULES)


@pytest.fixture
def make_location() -> Callable[..., Location]:
    """``make_location(path, line, column, text, sentence="")``: a one-line
    location."""
    return _location


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """``golden(name, text)``: ``text`` must equal ``golden/name`` (or rewrites it
    when ``FACTCHECK_UPDATE_GOLDEN`` is set)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
        assert path.exists(), (
            f"no golden file {path}: run with FACTCHECK_UPDATE_GOLDEN=1"
        )
        assert text == path.read_text(encoding="utf-8"), f"differs from {path}"

    return check
