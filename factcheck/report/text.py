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
    if claim.frame is not None:
        parts.append(f"[{claim.frame.describe()}]")
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


_COLOURS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


#: control characters (line breaks, tabs, escape sequences) shown as spaces, one for
#: one so the carets still line up: a raw "\r" or "\x1b[2J" would garble a terminal
_CONTROLS = dict.fromkeys([*range(32), 127, *range(128, 160)], " ")


def _quote(finding: Finding) -> list[str]:
    """The sentence, on one line, with the claim underlined by carets."""
    loc = finding.location
    if not loc.sentence:
        return []
    sentence = loc.sentence.translate(_CONTROLS)
    start = loc.sentence_offset
    if not 0 <= start < len(sentence):
        return [f"  > {sentence}"]
    width = max(1, min(len(loc.text), len(sentence) - start))
    return [f"  > {sentence}", "    " + " " * start + "^" * width]


def render_finding(finding: Finding, *, colour: bool = False) -> str:
    """``path:line:col: CODE severity name``, the sentence with the claim marked, the
    message with its arithmetic, related places, and why the claims were compared."""
    loc = finding.location
    where = f"{loc.path}:{loc.span.line}:{loc.span.column}:"
    severity = _paint(finding.severity, _COLOURS[finding.severity], colour)
    lines = [
        f"{_paint(where, '1', colour)} {finding.rule} {severity} {finding.name}",
        *_quote(finding),
        f"  {finding.message}",
    ]
    lines.extend(
        f"  see {r.path}:{r.span.line}:{r.span.column}: {r.text!r}"
        for r in finding.related
    )
    if finding.evidence:
        lines.append(f"  why compared: {'; '.join(finding.evidence)}")
    return "\n".join(lines)


def shown(report: Report) -> list[Finding]:
    """The findings a reader should see: not suppressed, not in the baseline."""
    return [
        f
        for f in report.findings
        if f.suppressed_by is None and f.baseline_state != "unchanged"
    ]


def coverage_line(report: Report) -> str:
    """Counts, so that "0 findings" can be told apart from "0 claims understood"."""
    findings = shown(report)
    s = report.summary
    counts = {
        sev: sum(1 for f in findings if f.severity == sev)
        for sev in ("error", "warning", "info")
    }
    hidden = len(report.findings) - len(findings)
    return (
        f"{len(findings)} finding(s) ({counts['error']} error, {counts['warning']} "
        f"warning, {counts['info']} info) in {s.documents} document(s): {s.claims} claims "
        f"extracted, {s.aligned} aligned with another source, {s.checked} checked"
        + (f"; {hidden} suppressed or in the baseline" if hidden else "")
        + (f"; {len(report.problems)} input(s) unreadable" if report.problems else "")
    )


def render_report(report: Report, *, colour: bool = False) -> str:
    """``audit --format text``: one block per finding, problems, then coverage."""
    blocks = [render_finding(f, colour=colour) for f in shown(report)]
    blocks.extend(f"{p.path}: error: {p.message}" for p in report.problems)
    blocks.append(coverage_line(report))
    return "\n\n".join(blocks) + "\n"
