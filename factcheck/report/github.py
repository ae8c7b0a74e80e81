"""GitHub Actions workflow commands, so findings appear as pull-request annotations.

Each finding becomes ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::msg``
(``::warning`` for warnings, ``::notice`` for info), escaped as the runner requires.
GitHub shows only 10 annotations of each level per step, so errors come first, at
most 10 of each level are printed, and one notice says how many were left out. The
full table goes to the job summary (``$GITHUB_STEP_SUMMARY``) when a path is given,
and the output ends with a plain coverage line.
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


def _left_out_notice(left_out: Mapping[Severity, int], has_summary: bool) -> str:
    total = sum(left_out.values())
    counts = ", ".join(f"{left_out[sev]} {sev}" for sev in _ORDER)
    where = "the job summary" if has_summary else "--format text or sarif"
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


def summary_markdown(report: Report, *, root: str | None = None) -> str:
    """The job summary: a table of every finding shown, unreadable inputs, coverage."""
    # a blank line first: the file may hold an earlier step's text without one
    lines = ["", "## factcheck", ""]
    findings = sorted(shown(report), key=sort_key)
    if findings:
        lines += [
            "| Rule | Severity | Location | Claim | Message |",
            "| --- | --- | --- | --- | --- |",
        ]
        for f in findings:
            loc = f.location
            where = f"{artifact_path(loc.path, root)[0]}:{loc.span.line}"
            lines.append(
                f"| {_md(f.rule)} {_md(f.name)} | {f.severity} | {_md(where)} "
                f"| {_md(loc.text)} | {_md(f.message)} |"
            )
    else:
        lines.append("No findings.")
    if report.problems:
        lines += ["", "Inputs not read:", ""]
        lines.extend(
            f"- {_md(p.path)}: {_md(p.message)}"
            for p in sorted(report.problems, key=lambda p: (p.path, p.message))
        )
    lines += ["", _md(coverage_line(report)), ""]
    return "\n".join(lines) + "\n"


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
    chosen, left_out = select(build_annotations(report, root=root))
    lines = [a.command() for a in chosen]
    if any(left_out.values()):
        lines.append(_left_out_notice(left_out, bool(summary_path)))
    if summary_path:
        with Path(summary_path).open("a", encoding="utf-8") as handle:
            handle.write(summary_markdown(report, root=root))
    lines.append(coverage_line(report))
    return "\n".join(lines) + "\n"
