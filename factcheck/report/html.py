"""A single self-contained HTML page: findings grouped by file, problems, coverage.

Rendered with jinja2 with autoescape on (``templates/report.html.j2``); the page has
its CSS inline, loads nothing, and forbids scripts through its Content Security
Policy. Findings that are suppressed or in the baseline are listed apart, folded.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import attrs
import jinja2

import factcheck
from factcheck.model import Finding, Location, Report
from factcheck.report.sarif import sort_key
from factcheck.report.text import coverage_line, shown

TEMPLATE = "report.html.j2"
TITLE = "factcheck report"


@attrs.frozen(kw_only=True)
class PlaceView:
    """A related location as the page shows it."""

    path: str
    line: int
    column: int
    text: str


@attrs.frozen(kw_only=True)
class FindingView:
    """One finding, every field a plain string or number ready for the template."""

    anchor: str
    rule: str
    name: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    claim: str
    sentence: bool
    before: str
    after: str
    related: tuple[PlaceView, ...]
    details: tuple[tuple[str, str], ...]
    evidence: tuple[str, ...]
    tags: tuple[str, ...]


@attrs.frozen(kw_only=True)
class FileView:
    """The findings of one file."""

    path: str
    findings: tuple[FindingView, ...]


def format_detail(value: str | float | bool | None) -> str:
    """A detail value for people: large numbers grouped, others to 6 significant
    digits.

    >>> format_detail(52413447725.98479), format_detail(0.1379301255946968)
    ('52,413,447,725.98', '0.13793')
    >>> format_detail(True), format_detail(None), format_detail(7)
    ('true', '—', '7')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if abs(value) >= 10_000:
            return f"{value:,.2f}".rstrip("0").rstrip(".")
        return f"{value:.6g}"
    return value


def _quote(location: Location) -> tuple[bool, str, str]:
    """``(has_sentence, before, after)``: the sentence around the claim, on one line."""
    sentence, start = location.sentence, location.sentence_offset
    end = start + len(location.text)
    if not sentence or sentence[start:end] != location.text:
        return False, "", ""
    return True, sentence[:start].replace("\n", " "), sentence[end:].replace("\n", " ")


def _tags(finding: Finding) -> tuple[str, ...]:
    tags = []
    if finding.suppressed_by is not None:
        tags.append(f"suppressed: {finding.suppressed_by}")
    if finding.baseline_state is not None:
        tags.append(f"baseline: {finding.baseline_state}")
    return tuple(tags)


def _view(finding: Finding, anchor: str) -> FindingView:
    loc = finding.location
    has_sentence, before, after = _quote(loc)
    return FindingView(
        anchor=anchor,
        rule=finding.rule,
        name=finding.name,
        severity=finding.severity,
        message=finding.message,
        path=loc.path,
        line=loc.span.line,
        column=loc.span.column,
        claim=loc.text,
        sentence=has_sentence,
        before=before,
        after=after,
        related=tuple(
            PlaceView(path=r.path, line=r.span.line, column=r.span.column, text=r.text)
            for r in finding.related
        ),
        details=tuple((k, format_detail(v)) for k, v in finding.details.items()),
        evidence=finding.evidence,
        tags=_tags(finding),
    )


def _group(views: Sequence[FindingView]) -> tuple[FileView, ...]:
    paths = sorted({v.path for v in views})
    return tuple(
        FileView(path=p, findings=tuple(v for v in views if v.path == p)) for p in paths
    )


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render_report(report: Report) -> str:
    """``audit --format html``: one self-contained page, deterministic for a report."""
    visible = sorted(shown(report), key=sort_key)
    hidden = sorted(
        (
            f
            for f in report.findings
            if f.suppressed_by is not None or f.baseline_state == "unchanged"
        ),
        key=sort_key,
    )
    views = [_view(f, f"finding-{n}") for n, f in enumerate(visible, start=1)]
    hidden_views = [_view(f, f"hidden-{n}") for n, f in enumerate(hidden, start=1)]
    by_severity = {
        sev: sum(1 for f in visible if f.severity == sev)
        for sev in ("error", "warning", "info")
    }
    s = report.summary
    coverage = (
        ("documents read", s.documents),
        ("claims extracted", s.claims),
        ("claims aligned with another source", s.aligned),
        ("claims checked", s.checked),
        ("findings", len(visible)),
        ("suppressed or in the baseline", len(hidden)),
        ("inputs not read", len(report.problems)),
    )
    counts = (
        f"{len(visible)} finding(s): {by_severity['error']} error, "
        f"{by_severity['warning']} warning, {by_severity['info']} info, "
        f"in {len({v.path for v in views})} file(s)"
    )
    template = _environment().get_template(TEMPLATE)
    return template.render(
        title=TITLE,
        version=factcheck.__version__,
        counts=counts,
        files=_group(views),
        hidden=hidden_views,
        problems=sorted(report.problems, key=lambda p: (p.path, p.message)),
        coverage=coverage,
        coverage_line=coverage_line(report),
    )
