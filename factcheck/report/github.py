"""GitHub Actions workflow commands, so findings appear as pull-request annotations.

Each finding becomes ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::msg``
(``::warning`` for warnings, ``::notice`` for info), escaped as the runner requires.
GitHub shows only 10 annotations of each level per step, so errors come first, at
most 10 of each level are printed, and one notice says how many were left out. The
full table goes to the job summary (``$GITHUB_STEP_SUMMARY``) when a path is given,
kept under 1 MiB (GitHub drops larger summaries whole) with a line saying what it
had no room for, and the output ends with a plain coverage line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from factcheck.model import Finding, Report, Severity
from factcheck.report.sarif import artifact_path, sort_key
from factcheck.report.text import coverage_line, shown

#: GitHub shows at most this many annotations of each level per step
ANNOTATION_LIMIT = 10
#: GitHub drops a step's job summary whole when it is over 1 MiB (1,048,576
#: bytes); what factcheck appends keeps the file under this many bytes, counting
#: what earlier commands of the step wrote, with room to spare for GitHub's own
#: accounting of the upload
SUMMARY_LIMIT = 1_000_000

COMMANDS: Mapping[Severity, str] = {
    "error": "error",
    "warning": "warning",
    "info": "notice",
}
_ORDER: tuple[Severity, ...] = ("error", "warning", "info")


def escape_data(text: str) -> str:
    """A command's message as the runner reads it: ``%`` first, then CR and LF.

    >>> escape_data("off by 22.1%\\nsee below")
    'off by 22.1%25%0Asee below'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=``, ``title=``): as a message, and also ``:`` and ``,``.

    >>> escape_property("FC101: a, b")
    'FC101%3A a%2C b'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(
    command: str, message: str, properties: Mapping[str, str | int] | None = None
) -> str:
    """One ``::command key=value,…::message`` line, every part escaped.

    >>> workflow_command("notice", "50% done", {"title": "a: b"})
    '::notice title=a%3A b::50%25 done'
    """
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in (properties or {}).items()
    )
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


@attrs.frozen(kw_only=True)
class Annotation:
    """One annotation to print: its level, where it points, its title and message."""

    severity: Severity
    message: str
    title: str
    properties: Mapping[str, str | int] = attrs.field(factory=dict)

    def command(self) -> str:
        """The workflow command line."""
        props: dict[str, str | int] = dict(self.properties)
        props["title"] = self.title
        return workflow_command(COMMANDS[self.severity], self.message, props)


def _position(finding: Finding, root: str | None) -> dict[str, str | int]:
    loc = finding.location
    span = loc.span
    end_line, end_column = span.end_line, span.end_column
    if end_line < span.line or (end_line == span.line and end_column < span.column):
        end_line, end_column = span.line, span.column + len(loc.text)
    return {
        "file": artifact_path(loc.path, root)[0],
        "line": span.line,
        "col": span.column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _finding_message(finding: Finding, root: str | None) -> str:
    lines = [finding.message]
    for r in finding.related:
        where = artifact_path(r.path, root)[0]
        lines.append(f"see {where}:{r.span.line}:{r.span.column}: ‘{r.text}’")
    return "\n".join(lines)


def build_annotations(report: Report, *, root: str | None = None) -> list[Annotation]:
    """Every annotation the report calls for, unreadable inputs first, in reading
    order (suppressed findings and those in the baseline are left out)."""
    out = [
        Annotation(
            severity="error",
            message=p.message,
            title="factcheck: input not read",
            properties={"file": artifact_path(p.path, root)[0]},
        )
        for p in sorted(report.problems, key=lambda p: (p.path, p.message))
    ]
    out.extend(
        Annotation(
            severity=f.severity,
            message=_finding_message(f, root),
            title=f"{f.rule} {f.name}",
            properties=_position(f, root),
        )
        for f in sorted(shown(report), key=sort_key)
    )
    return out


def select(
    items: Sequence[Annotation], limit: int = ANNOTATION_LIMIT
) -> tuple[list[Annotation], dict[Severity, int]]:
    """At most ``limit`` annotations of each level, errors first, and how many of
    each level were left out. When anything is left out, one notice slot is kept
    for the notice that says so (it counts against the notice limit too)."""
    by_level = {sev: [a for a in items if a.severity == sev] for sev in _ORDER}
    caps = dict.fromkeys(_ORDER, limit)
    if any(len(by_level[sev]) > limit for sev in _ORDER):
        caps["info"] = limit - 1
    chosen = [a for sev in _ORDER for a in by_level[sev][: caps[sev]]]
    left_out = {sev: max(0, len(by_level[sev]) - caps[sev]) for sev in _ORDER}
    return chosen, left_out


def _left_out_notice(left_out: Mapping[Severity, int], where: str) -> str:
    total = sum(left_out.values())
    counts = ", ".join(f"{left_out[sev]} {sev}" for sev in _ORDER)
    return workflow_command(
        "notice",
        f"{total} more finding(s) not annotated ({counts}): GitHub shows "
        f"{ANNOTATION_LIMIT} annotations of each level per step; see {where} "
        "for all of them.",
        {"title": "factcheck: annotations left out"},
    )


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: punctuation that Markdown (and GitHub's
    ``$`` math) would read is backslash-escaped; line breaks become spaces."""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|~$&":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


@attrs.frozen(kw_only=True)
class JobSummary:
    """The job summary's Markdown, and how many findings it had no room for."""

    text: str
    left_out: Mapping[Severity, int] = attrs.field(factory=dict)

    @property
    def complete(self) -> bool:
        """Whether every finding shown is in the table."""
        return not any(self.left_out.values())


def _row(finding: Finding, root: str | None) -> str:
    loc = finding.location
    where = f"{artifact_path(loc.path, root)[0]}:{loc.span.line}"
    return (
        f"| {_md(finding.rule)} {_md(finding.name)} | {finding.severity} "
        f"| {_md(where)} | {_md(loc.text)} | {_md(finding.message)} |"
    )


def _size(lines: Sequence[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def build_summary(
    report: Report, *, root: str | None = None, limit: int = SUMMARY_LIMIT
) -> JobSummary:
    """The job summary: a table of every finding shown, unreadable inputs, coverage,
    in at most ``limit`` UTF-8 bytes. When they do not all fit, unreadable inputs
    come first, then errors, warnings and info, each in reading order, and a line
    says how many findings of each level were left out and where to find them."""
    # a blank line first: the file may hold an earlier step's text without one
    head = ["", "## factcheck", ""]
    findings = sorted(shown(report), key=sort_key)
    table = [
        "| Rule | Severity | Location | Claim | Message |",
        "| --- | --- | --- | --- | --- |",
    ]
    rows = {id(f): _row(f, root) for f in findings}
    problems = [
        f"- {_md(p.path)}: {_md(p.message)}"
        for p in sorted(report.problems, key=lambda p: (p.path, p.message))
    ]
    tail = ["", _md(coverage_line(report)), ""]
    # the note's longest form, so that it always fits once room is kept for it
    room = 200
    budget = limit - _size(head) - _size(table) - _size(tail) - room
    kept_problems: list[str] = []
    for line in problems:
        if _size([line]) > budget:
            break
        kept_problems.append(line)
        budget -= _size([line])
    kept: set[int] = set()
    for sev in _ORDER:
        for f in findings:
            if f.severity == sev and _size([rows[id(f)]]) <= budget:
                kept.add(id(f))
                budget -= _size([rows[id(f)]])
    left_out = {
        sev: sum(1 for f in findings if f.severity == sev and id(f) not in kept)
        for sev in _ORDER
    }
    lines = list(head)
    if findings:
        lines += table
        lines += [rows[id(f)] for f in findings if id(f) in kept]
    else:
        lines.append("No findings.")
    if problems:
        lines += ["", "Inputs not read:", "", *kept_problems]
        if len(kept_problems) < len(problems):
            lines.append(f"- … and {len(problems) - len(kept_problems)} more")
    if any(left_out.values()):
        counts = ", ".join(f"{left_out[sev]} {sev}" for sev in _ORDER)
        lines += [
            "",
            f"**{sum(left_out.values())} more finding(s) left out ({counts})**: "
            "GitHub drops a job summary over 1 MiB. All of them are in "
            "`--format html`, `sarif` or `json`.",
        ]
    lines += tail
    return JobSummary(text="\n".join(lines) + "\n", left_out=left_out)


def summary_markdown(
    report: Report, *, root: str | None = None, limit: int = SUMMARY_LIMIT
) -> str:
    """The job summary's Markdown (see :func:`build_summary`)."""
    return build_summary(report, root=root, limit=limit).text


def render_report(
    report: Report, *, root: str | None = None, summary_path: str | None = None
) -> str:
    """``audit --format github``: annotations (errors first, at most 10 per level,
    then a notice of what was left out) and a closing coverage line.

    Args:
        report: what the audit found.
        root: the directory annotation paths are relative to (the repository's
            checkout); the working directory by default.
        summary_path: a file to append the Markdown table of all findings to
            (``$GITHUB_STEP_SUMMARY``); nothing is written when it is empty or None.
    """
    summary = None
    if summary_path:
        target = Path(summary_path)
        written = target.stat().st_size if target.exists() else 0
        summary = build_summary(report, root=root, limit=SUMMARY_LIMIT - written)
        with target.open("a", encoding="utf-8") as handle:
            handle.write(summary.text)
    chosen, left_out = select(build_annotations(report, root=root))
    lines = [a.command() for a in chosen]
    if any(left_out.values()):
        where = (
            "the job summary"
            if summary is not None and summary.complete
            else "--format html, sarif or json"
        )
        lines.append(_left_out_notice(left_out, where))
    lines.append(coverage_line(report))
    return "\n".join(lines) + "\n"
