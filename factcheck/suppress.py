"""Inline suppressions in Markdown drafts, applied after the rules.

- ``<!-- factcheck: ignore FC201 FC202 -->``: the named rules (every rule, with no
  code) on the next paragraph;
- ``<!-- factcheck: off -->`` … ``<!-- factcheck: on -->``: every rule in the region
  (to the end of the document if never turned on again).

Suppressed findings stay in the report, marked ``suppressed_by`` (SARIF shows them as
``suppressions``); they never fail a run. A suppression that suppresses nothing is
itself reported (FC001, info).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

from factcheck.model import Document, Finding, Location, Span

_COMMENT = regex.compile(
    r"<!--\s*factcheck:\s*(?P<verb>ignore|off|on)\b(?P<codes>[^>]*?)\s*-->",
    regex.IGNORECASE,
)
_CODE = regex.compile(r"\b[A-Z]{2,5}\d{3}\b")
#: a blank line in any line ending (LF, CRLF, CR)
_BLANK_LINE = regex.compile(r"(?:\r\n|\r|\n)[ \t]*+(?:\r\n|\r|\n)")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")


@attrs.frozen(kw_only=True)
class Suppression:
    """One suppression comment and the stretch of text it covers."""

    path: str
    comment: Span
    text: str
    start: int
    end: int
    end_line: int
    codes: frozenset[str] | None  # None: every rule

    def covers(self, finding: Finding) -> bool:
        """Whether this suppression silences the finding."""
        span = finding.location.span
        return (
            finding.location.path == self.path
            and self.start <= span.start < self.end
            and (self.codes is None or finding.rule in self.codes)
        )


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, lines broken by LF, CRLF or CR."""
    line, line_start = 1, 0
    for m in _LINE_BREAK.finditer(text, 0, offset):
        line, line_start = line + 1, m.end()
    return line, offset - line_start + 1


def _span(text: str, start: int, end: int) -> Span:
    line, column = _position(text, start)
    end_line, end_column = _position(text, end)
    return Span(
        start, end, line=line, column=column, end_line=end_line, end_column=end_column
    )


def _next_paragraph(text: str, after: int) -> tuple[int, int]:
    """The paragraph that follows ``after``: from the first non-blank character to
    the next blank line."""
    start = after
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    blank = _BLANK_LINE.search(text, start)
    return start, blank.start() if blank else len(text)


def find_suppressions(document: Document) -> list[Suppression]:
    """The suppression comments of a Markdown (or text) document."""
    text = document.text
    out: list[Suppression] = []
    region: tuple[int, Span, str] | None = None
    for m in _COMMENT.finditer(text):
        verb = m.group("verb").lower()
        comment = _span(text, m.start(), m.end())
        if verb == "ignore":
            codes = frozenset(_CODE.findall(m.group("codes").upper())) or None
            start, end = _next_paragraph(text, m.end())
            out.append(
                Suppression(
                    path=document.path,
                    comment=comment,
                    text=m.group(),
                    start=start,
                    end=end,
                    end_line=_span(text, end, end).line,
                    codes=codes,
                )
            )
        elif verb == "off" and region is None:
            region = (m.end(), comment, m.group())
        elif verb == "on" and region is not None:
            out.append(_region(document, region, m.start()))
            region = None
    if region is not None:
        out.append(_region(document, region, len(text)))
    return out


def _region(document: Document, opened: tuple[int, Span, str], end: int) -> Suppression:
    """An ``off`` … ``on`` region (or ``off`` to the end of the document)."""
    start, comment, raw = opened
    return Suppression(
        path=document.path,
        comment=comment,
        text=raw,
        start=start,
        end=end,
        end_line=_span(document.text, end, end).line,
        codes=None,
    )


def apply_suppressions(
    findings: Sequence[Finding],
    documents: Iterable[Document],
    *,
    unused_severity: str | None = "info",
) -> list[Finding]:
    """Mark suppressed findings, and add an FC001 finding for every suppression that
    suppressed nothing (unless ``unused_severity`` is None: the rule is off)."""
    suppressions = [s for d in documents for s in find_suppressions(d)]
    if not suppressions:
        return list(findings)
    used: set[int] = set()
    out: list[Finding] = []
    for f in findings:
        hit = next((i for i, s in enumerate(suppressions) if s.covers(f)), None)
        if hit is None:
            out.append(f)
            continue
        used.add(hit)
        out.append(attrs.evolve(f, suppressed_by=suppressions[hit].text))
    if unused_severity is not None:
        for i, s in enumerate(suppressions):
            if i in used:
                continue
            what = ", ".join(sorted(s.codes)) if s.codes else "every rule"
            out.append(
                Finding(
                    rule="FC001",
                    name="unused-suppression",
                    severity=unused_severity,  # type: ignore[arg-type]
                    message=f"{s.text!r} suppresses {what} on lines "
                    f"{s.comment.line}–{s.end_line}, but no finding falls there",
                    location=Location(path=s.path, span=s.comment, text=s.text),
                )
            )
    return out
