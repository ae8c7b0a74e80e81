"""Where a claim stands: line and column, the sentence around it, and the spans of text
that look numeric but state no claim (phone numbers, dates, times).
"""

from __future__ import annotations

import bisect

import regex

from factcheck.model import Span

_NEWLINE = regex.compile(r"\n")
# a sentence ends at . ! ? (maybe closing quote or bracket) before white space and a
# capital, digit, quote or bracket; or at a blank line
_SENTENCE_END = regex.compile(
    r"""(?<=[.!?]["'”’)\]]?)[ \t]+(?=["'“‘(\[]?[A-Z0-9$€£¥₹₩])|\n[ \t]*\n|(?<=[.!?:])[ \t]*\n"""
)
# words that end in a period without ending a sentence
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "co",
        "corp",
        "inc",
        "ltd",
        "plc",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "rs",
        "re",
        "fig",
        "a.m",
        "p.m",
        "gen",
        "gov",
        "sen",
        "rep",
        "rev",
        "col",
        "capt",
        "lt",
        "sgt",
    ]
)
_WORD_BEFORE = regex.compile(r"([\w.]+)\.$")


class TextIndex:
    """Line starts and sentence bounds of one text, computed once and searched by
    bisection, so that placing a claim costs O(log n)."""

    __slots__ = ("_line_starts", "_sentence_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        starts = [0]
        for m in _SENTENCE_END.finditer(text):
            head = text[max(0, m.start() - 12) : m.start()]
            w = _WORD_BEFORE.search(head)
            if w and w.group(1).lower() in _ABBREVIATIONS and "\n" not in m.group():
                continue
            starts.append(m.end())
        self._sentence_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` with positions filled in."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(
            start,
            end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
        )

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence holding ``[start, end)``."""
        i = bisect.bisect_right(self._sentence_starts, start) - 1
        s = self._sentence_starts[i]
        j = bisect.bisect_left(self._sentence_starts, end)
        e = (
            self._sentence_starts[j]
            if j < len(self._sentence_starts)
            else len(self.text)
        )
        while e > s and self.text[e - 1].isspace():
            e -= 1
        while s < e and self.text[s].isspace():
            s += 1
        return s, max(e, end)


MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

#: numeric shapes that are never claims: phone numbers, ISO and slashed dates, times,
#: version strings, URLs and e-mail addresses. Separate passes: one ten-way alternation
#: is tried at every character and costs nine times as much.
NOT_CLAIMS: tuple[regex.Pattern[str], ...] = tuple(
    regex.compile(p)
    for p in (
        r"(?<![\w.])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}(?![\w])",  # +44 20 7946 0958
        r"(?<![\w.])\(?\d{3}\)?[.-]\d{3}[.-]\d{4}(?![\w])",  # 202-555-0123
        r"(?<![\w.])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?![\w])",  # 2025-02-24
        r"(?<![\w.])\d{1,2}/\d{1,2}/\d{2,4}(?![\w])",  # 24/02/2025
        r"(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\w])",  # 10:30 pm
        r"(?<![\w.])\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b)",  # 3 p.m.
        r"(?<![\w.])v?\d+\.\d+\.\d+(?:\.\d+)*(?![\w])",  # 3.5.1
        r"(?<![\w.])\d{4}[-–/]\d{2}(?![\w%])",  # 2023-24
        r"(?i:https?://|www\.)[^\s<>\"'）)]+",  # URLs
        r"[\w.+-]+@[\w-]+\.[\w.-]+",  # e-mail
    )
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that look numeric but state no claim, sorted by start."""
    spans = [m.span() for p in NOT_CLAIMS for m in p.finditer(text)]
    spans.sort()
    return spans
