"""Human-readable output: compiler-style lines, one per claim or finding."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.model import Claim, Extraction, Finding, Problem, Report


def _fmt(value: float | None) -> str:
    if value is None:
        return "open"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def describe_claim(claim: Claim) -> str:
    """One line: kind, value and unit, the interval the text allows, and notes."""
    unit = f" {claim.unit}" if claim.unit else ""
    qual = f" {claim.qualifier}" if claim.qualifier else ""
    parts = [
        f"{claim.kind}{qual} {_fmt(claim.value)}{unit}",
        f"[{_fmt(claim.low)}, {_fmt(claim.high)}]",
    ]
    if claim.noun:
        parts.append(f"of {claim.noun}")
    if claim.equivalent_of:
        parts.append(f"restates {claim.equivalent_of}")
    if claim.unit_note:
        parts.append(f"({claim.unit_note})")
    return " ".join(parts)


def render_extractions(
    extractions: Iterable[Extraction], problems: Iterable[Problem] = ()
) -> str:
    """``extract --format text``: ``path:line:col: id "text" description`` lines."""
    lines: list[str] = []
    documents = claims = 0
    for extraction in extractions:
        documents += 1
        path = extraction.document.path
        for claim in extraction.claims:
            claims += 1
            lines.append(
                f"{path}:{claim.span.line}:{claim.span.column}: {claim.id}"
                f" {claim.text!r} {describe_claim(claim)}"
            )
    problem_list = list(problems)
    lines.extend(f"{p.path}: error: {p.message}" for p in problem_list)
    lines.append(
        f"{documents} document(s), {claims} claim(s)"
        + (f", {len(problem_list)} unreadable" if problem_list else "")
    )
    return "\n".join(lines) + "\n"


def render_finding(finding: Finding) -> str:
    """``path:line:col: CODE severity name``, the message, related places, evidence."""
    loc = finding.location
    lines = [
        f"{loc.path}:{loc.span.line}:{loc.span.column}: {finding.rule} "
        f"{finding.severity} {finding.name}",
        f"  {finding.message}",
    ]
    lines.extend(
        f"  see {r.path}:{r.span.line}:{r.span.column}: {r.text!r}"
        for r in finding.related
    )
    if finding.evidence:
        lines.append(f"  why compared: {'; '.join(finding.evidence)}")
    return "\n".join(lines)


def render_report(report: Report) -> str:
    """``audit --format text``: one block per finding, problems, then coverage."""
    blocks = [render_finding(f) for f in report.findings]
    blocks.extend(f"{p.path}: error: {p.message}" for p in report.problems)
    s = report.summary
    counts = {
        sev: sum(1 for f in report.findings if f.severity == sev)
        for sev in ("error", "warning", "info")
    }
    blocks.append(
        f"{len(report.findings)} finding(s) ({counts['error']} error, {counts['warning']} "
        f"warning, {counts['info']} info) in {s.documents} document(s): {s.claims} claims "
        f"extracted, {s.aligned} aligned with another source, {s.checked} checked"
        + (f"; {len(report.problems)} input(s) unreadable" if report.problems else "")
    )
    return "\n\n".join(blocks) + "\n"
