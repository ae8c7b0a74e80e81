"""Human-readable output: compiler-style lines, one per claim or finding."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.model import Claim, Extraction, Problem


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
