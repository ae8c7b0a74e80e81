"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run: the rule catalog as ``tool.driver.rules``, one result per finding (with the
other outlets' claims as ``relatedLocations`` linked from the message), our own
versioned fingerprint in ``partialFingerprints``, inline suppressions and baseline
states, unreadable inputs as tool execution notifications, and the coverage summary
in ``run.properties``.

Paths become URIs relative to ``root`` (the working directory by default) under the
``%SRCROOT%`` base; columns are 1-based and counted in code points, which the run
declares with ``columnKind``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import regex

import factcheck
from factcheck.model import FINGERPRINT_VERSION, Finding, Location, Report, Severity
from factcheck.report.json import JSONValue, dumps, number

if TYPE_CHECKING:
    from factcheck.rules.registry import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "factcheck"
#: where people read about the tool (the package's index page)
INFORMATION_URI = "https://pypi.org/project/factcheck/"
#: the base every artifact URI is relative to
SRCROOT = "%SRCROOT%"

LEVELS: Mapping[Severity, str] = {
    "error": "error",
    "warning": "warning",
    "info": "note",
}

_ESCAPED = regex.compile(r"[\\\[\]]")


def _absolute(path: str) -> Path:
    """``path`` made absolute against the working directory, ``..`` folded, links
    left alone (the same text gives the same URI on every machine)."""
    return Path(os.path.normpath(Path(path).absolute()))


def artifact_path(path: str, root: str | None = None) -> tuple[str, bool]:
    """``path`` relative to ``root`` (default: the working directory), with forward
    slashes, and whether it lies under ``root``; a path outside it stays absolute.

    Relative paths are read against the working directory, as the audit read them.

    >>> artifact_path("/news/drafts/a.md", "/news")
    ('drafts/a.md', True)
    >>> artifact_path("/elsewhere/a.md", "/news")
    ('/elsewhere/a.md', False)
    """
    full, base = _absolute(path), _absolute(root if root is not None else ".")
    try:
        return full.relative_to(base).as_posix(), True
    except ValueError:
        return full.as_posix(), False


def artifact_location(path: str, root: str | None = None) -> dict[str, JSONValue]:
    """A SARIF ``artifactLocation``: a percent-encoded URI relative to ``%SRCROOT%``,
    or an absolute ``file:`` URI for a file outside the root.

    >>> artifact_location("/news/drafts/my draft.md", "/news")
    {'uri': 'drafts/my%20draft.md', 'uriBaseId': '%SRCROOT%'}
    """
    rel, inside = artifact_path(path, root)
    if inside:
        return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}
    return {"uri": Path(rel).as_uri()}


def _root_uri(root: str | None) -> str:
    text = _absolute(root if root is not None else ".").as_uri()
    return text if text.endswith("/") else text + "/"


def escape_text(text: str) -> str:
    """Plain text safe inside a SARIF message that may hold embedded links: ``\\``,
    ``[`` and ``]`` are escaped with a backslash, and ``{``/``}`` doubled (SARIF
    3.11.5 and 3.11.6).

    >>> escape_text("a [b] {c}")
    'a \\\\[b\\\\] {{c}}'
    """
    escaped = _ESCAPED.sub(lambda m: "\\" + m.group(0), text)
    return escaped.replace("{", "{{").replace("}", "}}")


def _end(location: Location) -> tuple[int, int]:
    """``(endLine, endColumn)``: the span's own end when it is consistent, else worked
    out from the text (hand-built spans may leave the end fields at their default)."""
    span = location.span
    if span.end_line > span.line or (
        span.end_line == span.line and span.end_column >= span.column
    ):
        return span.end_line, span.end_column
    lines = location.text.split("\n")
    if len(lines) == 1:
        return span.line, span.column + len(location.text)
    return span.line + len(lines) - 1, len(lines[-1]) + 1


def _region(location: Location) -> dict[str, JSONValue]:
    span = location.span
    end_line, end_column = _end(location)
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": end_line,
        "endColumn": end_column,
        "snippet": {"text": location.text},
    }


def _context_region(location: Location) -> dict[str, JSONValue] | None:
    """The sentence around the claim, by lines (viewers show it as context)."""
    if not location.sentence:
        return None
    before = location.sentence[: location.sentence_offset].count("\n")
    start = max(1, location.span.line - before)
    return {
        "startLine": start,
        "endLine": max(start + location.sentence.count("\n"), _end(location)[0]),
        "snippet": {"text": location.sentence},
    }


def _physical(location: Location, root: str | None) -> dict[str, JSONValue]:
    physical: dict[str, JSONValue] = {
        "artifactLocation": artifact_location(location.path, root),
        "region": _region(location),
    }
    context = _context_region(location)
    if context is not None:
        physical["contextRegion"] = context
    return physical


def _where(location: Location) -> str:
    name = location.path.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name}:{location.span.line}"


def _message(finding: Finding) -> str:
    """The finding's message, then a link to each related location by its id."""
    text = escape_text(finding.message)
    if finding.related:
        links = ", ".join(
            f"[{escape_text(f'‘{r.text}’')}]({n}) ({escape_text(_where(r))})"
            for n, r in enumerate(finding.related, start=1)
        )
        text += f"; see {links}"
    return text


def _details(finding: Finding) -> dict[str, JSONValue]:
    return {
        key: number(value) if isinstance(value, float) else value
        for key, value in finding.details.items()
    }


def _result(
    finding: Finding, index: Mapping[str, int], root: str | None
) -> dict[str, JSONValue]:
    result: dict[str, JSONValue] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": _message(finding)},
        "locations": [{"physicalLocation": _physical(finding.location, root)}],
    }
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": n,
                "physicalLocation": _physical(r, root),
                "message": {"text": escape_text(f"‘{r.text}’ ({_where(r)})")},
            }
            for n, r in enumerate(finding.related, start=1)
        ]
    result["partialFingerprints"] = {FINGERPRINT_VERSION: finding.fingerprint}
    if finding.suppressed_by is not None:
        result["suppressions"] = [
            {"kind": "inSource", "justification": finding.suppressed_by}
        ]
    if finding.baseline_state is not None:
        result["baselineState"] = finding.baseline_state
    result["properties"] = {
        "name": finding.name,
        "severity": finding.severity,
        "details": _details(finding),
        "evidence": list(finding.evidence),
    }
    return result


_SECTION = regex.compile(r"^\*(?P<title>[^*]+)\.\*\s*", regex.MULTILINE)


def _full_description(doc: str, summary: str) -> str:
    """The *What it checks* paragraph of a rule doc, on one line (else the summary)."""
    for paragraph in doc.split("\n\n"):
        m = _SECTION.match(paragraph)
        if m and m.group("title").strip().lower() == "what it checks":
            return " ".join(paragraph[m.end() :].split())
    return summary


def rule_descriptor(rule: Rule) -> dict[str, JSONValue]:
    """A ``reportingDescriptor`` for one rule: id, name, descriptions, help (plain
    and Markdown, from the rule's doc) and its default level."""
    doc = rule.doc
    heading = f"{rule.code} {rule.name} (default severity: {rule.severity})"
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _full_description(doc, rule.summary)},
        "help": {
            "text": f"{heading}\n\n{doc}",
            "markdown": f"**{rule.code} {rule.name}** (default severity: "
            f"{rule.severity})\n\n{doc}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["factcheck", rule.family]},
    }


def _unknown_descriptor(code: str, findings: Iterable[Finding]) -> dict[str, JSONValue]:
    """A descriptor for a code the catalog does not know (built from its findings)."""
    first = min((f for f in findings if f.rule == code), key=lambda f: f.name)
    return {
        "id": code,
        "name": first.name,
        "shortDescription": {"text": first.name},
        "defaultConfiguration": {"level": LEVELS[first.severity]},
    }


def sort_key(finding: Finding) -> tuple[str, int, int, str, str]:
    """Findings in reading order: file, position, rule, message."""
    loc = finding.location
    return (loc.path, loc.span.start, loc.span.end, finding.rule, finding.message)


def _notification(path: str, message: str, root: str | None) -> dict[str, JSONValue]:
    return {
        "level": "error",
        "message": {"text": f"{path}: {message}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(path, root)}}
        ],
    }


def render_report(
    report: Report,
    *,
    root: str | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> str:
    """``audit --format sarif``: the report as one SARIF 2.1.0 log.

    Args:
        report: what the audit found.
        root: the directory artifact URIs are relative to (``%SRCROOT%``); the
            working directory by default.
        rules: the rule catalog to describe; every built-in and plugin rule by
            default.
    """
    if rules is None:
        from factcheck.rules.registry import all_rules  # noqa: PLC0415

        rules = all_rules()[0]
    findings = sorted(report.findings, key=sort_key)
    descriptors = [rule_descriptor(rules[code]) for code in sorted(rules)]
    unknown = sorted({f.rule for f in findings} - set(rules))
    descriptors.extend(_unknown_descriptor(code, findings) for code in unknown)
    index = {str(d["id"]): n for n, d in enumerate(descriptors)}
    invocation: dict[str, JSONValue] = {"executionSuccessful": not report.problems}
    if report.problems:
        invocation["toolExecutionNotifications"] = [
            _notification(p.path, p.message, root)
            for p in sorted(report.problems, key=lambda p: (p.path, p.message))
        ]
    s = report.summary
    run: dict[str, JSONValue] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": factcheck.__version__,
                "semanticVersion": factcheck.__version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {
            SRCROOT: {
                "uri": _root_uri(root),
                "description": {"text": "The directory paths are relative to."},
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index, root) for f in findings],
        "properties": {
            "summary": {
                "documents": s.documents,
                "claims": s.claims,
                "aligned": s.aligned,
                "checked": s.checked,
                "findings": len(report.findings),
            }
        },
    }
    return dumps({"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]})
