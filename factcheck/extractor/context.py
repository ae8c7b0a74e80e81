"""Where a claim stands: line and column, the sentence around it, and the spans of text
that look numeric but state no claim (phone numbers, dates, times).
"""

from __future__ import annotations

import bisect
import functools
from array import array
from collections.abc import Callable, Iterator, MutableSequence
from typing import Final

import regex

from factcheck.model import Span

#: Where a sentence ends: at . ! ? (maybe a closing quote or bracket) before white
#: space and a capital, digit, quote or bracket; or at a blank line; or at a line break
#: after . ! ? : (the match is the white space). This is the definition;
#: :func:`sentence_ends` finds its matches with two faster patterns.
SENTENCE_END: Final = regex.compile(
    r"""(?<=[.!?]["'”’)\]]?)[ \t]+(?=["'“‘(\[]?[A-Z0-9$€£¥₹₩])|\n[ \t]*\n|(?<=[.!?:])[ \t]*\n"""
)
# The regex engine skips fast only to a pattern that begins with a plain character set,
# and . ! ? : and line breaks are rare: so each pattern begins with the punctuation and
# drops it from the match (\K). The first finds the spaces after a full stop, the
# second the line breaks; the two never share a character, so their matches, merged,
# are those of SENTENCE_END.
_SPACE_AFTER_STOP: Final = regex.compile(
    r"""[.!?]["'”’)\]]?\K[ \t]+(?=["'“‘(\[]?[A-Z0-9$€£¥₹₩])"""
)
_LINE_BREAK_END: Final = regex.compile(
    r"[.!?:\n](?:(?<=\n)[ \t]*\n|(?<=[.!?:])\K\n?[ \t]*\n)"
)


#: how far a claim's recorded sentence reaches before and after it, at most
SENTENCE_REACH: Final = 500


def sentence_ends(text: str) -> list[regex.Match[str]]:
    """The matches of :data:`SENTENCE_END` in ``text``, in order."""
    return list(iter_sentence_ends(text))


def iter_sentence_ends(text: str) -> Iterator[regex.Match[str]]:
    """The matches of :data:`SENTENCE_END` in ``text``, in order, one at a time."""
    stops = _SPACE_AFTER_STOP.finditer(text)
    if "\n" not in text:
        yield from stops
        return
    breaks = _LINE_BREAK_END.finditer(text)
    a = next(stops, None)
    b = next(breaks, None)
    while a is not None and b is not None:
        if a.start() <= b.start():
            yield a
            a = next(stops, None)
        else:
            yield b
            b = next(breaks, None)
    if a is not None:
        yield a
        yield from stops
    if b is not None:
        yield b
        yield from breaks


# words that end in a period without ending a sentence
#: month abbreviations: they end in a period without ending a sentence, and they
#: mark a date ("Feb. 24")
_MONTH_ABBREVIATIONS: Final = frozenset(
    [
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
_ABBREVIATIONS: Final = _MONTH_ABBREVIATIONS | frozenset(
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


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A pattern compiled when it is first used: for those that few texts need, so
    that importing the extractor and reading a first article (a command's cold
    start) compiles only the patterns every text needs."""
    return functools.cache(lambda: regex.compile(pattern, flags))


#: the word and its full stop that end right before a position: read backwards, one
#: anchored match finds what a search of the window for ``([\w.]+)\.$`` finds
_WORD_BEFORE: Final = regex.compile(r"(?r)([\w.]+)\.")


#: texts longer than this keep their line and sentence starts as machine integers (8
#: bytes each, not a Python int's 36); shorter ones in lists, which bisect faster
LISTS_UP_TO: Final = 1 << 15


class TextIndex:
    """Line starts and sentence bounds of one text, computed once (on first use) and
    searched by bisection, so that placing a claim costs O(log n)."""

    __slots__ = ("_line_starts", "_sentence_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts: MutableSequence[int] | None = None
        self._sentence_starts: MutableSequence[int] | None = None

    def _offsets(self) -> MutableSequence[int]:
        return [0] if len(self.text) <= LISTS_UP_TO else array("q", [0])

    def _lines(self) -> MutableSequence[int]:
        if self._line_starts is None:
            text = self.text
            starts = self._offsets()
            at = text.find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = text.find("\n", at + 1)
            self._line_starts = starts
        return self._line_starts

    def _sentences(self) -> MutableSequence[int]:
        if self._sentence_starts is None:
            text = self.text
            starts = self._offsets()
            for m in iter_sentence_ends(text):
                at = m.start()
                # only a period can end an abbreviation ("Mr.", "U.S."), and a line
                # break ends the sentence whatever the word
                if text[at - 1 : at] == "." and "\n" not in m.group():
                    w = _WORD_BEFORE.match(text, max(0, at - 12), at)
                    if w and w.group(1).lower() in _ABBREVIATIONS:
                        continue
                starts.append(m.end())
            self._sentence_starts = starts
        return self._sentence_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        lines = self._lines()
        if len(lines) == 1:
            return 1, offset + 1
        i = bisect.bisect_right(lines, offset) - 1
        return i + 1, offset - lines[i] + 1

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` with positions filled in."""
        lines = self._lines()
        if len(lines) == 1:
            return Span(
                start, end, line=1, column=start + 1, end_line=1, end_column=end + 1
            )
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
        """Offsets of the sentence holding ``[start, end)``, at most
        ``SENTENCE_REACH`` characters each side of it (a "sentence" of ten thousand
        numbers would otherwise be copied once per claim: quadratic time)."""
        starts = self._sentences()
        i = bisect.bisect_right(starts, start) - 1
        s = max(starts[i], start - SENTENCE_REACH)
        j = bisect.bisect_left(starts, end)
        e = starts[j] if j < len(starts) else len(self.text)
        e = min(e, end + SENTENCE_REACH)
        while e > s and self.text[e - 1].isspace():
            e -= 1
        while s < e and self.text[s].isspace():
            s += 1
        return s, max(e, end)


MONTHS: Final = _MONTH_ABBREVIATIONS | frozenset(
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
    ]
)

#: numeric shapes that are never claims: phone numbers, ISO and slashed dates, times,
#: version strings, URLs and e-mail addresses. Separate passes: one ten-way
#: alternation is tried at every character and costs nine times as much. The URL
#: shapes are two patterns (each begins with a literal, which is searched for fast);
#: the spans they cover together are those of ``(?i:https?://|www\.)...``.
_URL_TAIL: Final = r"[^\s<>\"'）)]+"
# 202-555-0123
_PHONE: Final = regex.compile(r"(?<![\w.])\(?\d{3}\)?[.-]\d{3}[.-]\d{4}(?![\w])")
_CLOCK: Final = regex.compile(r"(?<![\w.])\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b)")  # 3 p.m.
_VERSION: Final = regex.compile(r"(?<![\w.])v?\d+\.\d+\.\d+(?:\.\d+)*(?![\w])")  # 3.5.1
_INTERNATIONAL: Final = regex.compile(
    r"(?<![\w.])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s./-]?\d{2,4}){2,4}(?![\w])"
)  # +44 20 7946 0958, +1-222-2222/2222
_ISO_DATE: Final = regex.compile(
    r"(?<![\w.])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?(?![\w])"
)  # 2025-02-24
_SLASHED_DATE: Final = regex.compile(
    r"(?<![\w.])\d{1,2}/\d{1,2}/\d{2,4}(?![\w])"
)  # 24/02/2025
_TIME: Final = regex.compile(
    r"(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?![\w])"
)  # 10:30 pm
_YEAR_SPAN: Final = regex.compile(r"(?<![\w.])\d{4}[-–/]\d{2}(?![\w%])")  # 2023-24
_URL: Final = regex.compile(rf"(?i:https?://){_URL_TAIL}")
_WWW: Final = regex.compile(rf"(?i:www\.){_URL_TAIL}")  # no scheme
_EMAIL: Final = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
NOT_CLAIMS: Final[tuple[regex.Pattern[str], ...]] = (
    _INTERNATIONAL, _PHONE, _ISO_DATE, _SLASHED_DATE, _TIME, _CLOCK, _VERSION,
    _YEAR_SPAN, _URL, _WWW, _EMAIL,
)  # fmt: skip
#: The shapes :class:`NotClaims` looks for only around the offsets it is asked about:
#: their passes over the whole text cost the most, since a decimal point is all they
#: need to run. No match of them starts inside another (that would need a character
#: outside ``[\w.]`` where the pattern has none, or a digit where it has a separator),
#: so each match found near an offset is one the pass over the whole text finds too.
_NEAR_ONLY: Final = frozenset([_PHONE, _CLOCK, _VERSION])
_RUN_BEFORE: Final = regex.compile(r"(?r)[\w.]*")


def _digits_around(text: str, separators: str) -> bool:
    r"""Whether one of ``separators`` stands between two digits (``\d``: decimal
    digits of any script) somewhere in ``text``."""
    last = len(text) - 1
    for sep in separators:
        at = text.find(sep, 1)
        while 0 < at < last:
            if text[at - 1].isdecimal() and text[at + 1].isdecimal():
                return True
            at = text.find(sep, at + 1)
    return False


def _has_www(text: str) -> bool:
    # "www." as (?i) reads it: no character but W folds to w, so "w." or "W." is in it
    return "w." in text or "W." in text


#: the other shapes, found in one pass over the whole text each, and what a text
#: needs for each to match (most texts have none of it, and the pattern then need
#: not run): a string in it, or a separator between two digits
_WHOLE_TEXT: Final[tuple[tuple[regex.Pattern[str], Callable[[str], bool]], ...]] = (
    (_INTERNATIONAL, lambda t: "+" in t),
    (_ISO_DATE, lambda t: _digits_around(t, "-")),
    (_SLASHED_DATE, lambda t: _digits_around(t, "/")),
    (_TIME, lambda t: _digits_around(t, ":")),
    (_YEAR_SPAN, lambda t: _digits_around(t, "-–/")),
    (_URL, lambda t: "://" in t),
    (_WWW, _has_www),
    (_EMAIL, lambda t: "@" in t),
)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that look numeric but state no claim, sorted by start (they
    may overlap). The definition: every shape over the whole text."""
    spans = [m.span() for p in NOT_CLAIMS for m in p.finditer(text)]
    spans.sort()
    return spans


class NotClaims:
    """Whether offsets of one text fall in a span of :func:`blocked_spans`, asked in
    increasing order; the work is done only if a text has a claim to check. Each
    shape's matches are read one at a time, as the offsets asked about pass them."""

    __slots__ = ("_current", "_iters", "_run", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._iters: list[Iterator[regex.Match[str]]] | None = None
        #: each shape's match at or after the last offset asked about
        self._current: list[regex.Match[str] | None] = []
        # the last run of [\w.] characters looked at, and where a version string in
        # it ends (its start when there is none)
        self._run = (0, 0, 0)

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` (no smaller than the last one asked) is inside a span."""
        text = self.text
        if self._iters is None:
            self._iters = [p.finditer(text) for p, may in _WHOLE_TEXT if may(text)]
            self._current = [next(it, None) for it in self._iters]
        current = self._current
        for k, it in enumerate(self._iters):
            m = current[k]
            while m is not None and m.end() <= offset:
                m = next(it, None)
            current[k] = m
            if m is not None and m.start() <= offset:
                return True
        # a phone number has two separators near the offset, a time of day an "m"
        lo, hi = max(0, offset - 13), offset + 14
        if text.count("-", lo, hi) + text.count(".", lo, hi) >= 2 and _starts_near(
            text, offset, _PHONE, 13
        ):
            return True
        if text.find("m", max(0, offset - 6), offset + 7) >= 0 and _starts_near(
            text, offset, _CLOCK, 6
        ):
            return True
        return self._in_version(offset)

    def _in_version(self, offset: int) -> bool:
        r"""A version string is one run of [\w.] characters: it starts where the run
        holding the offset starts, or nowhere. Each run is read once."""
        text = self.text
        start, end, version_end = self._run
        if not start <= offset < end:
            if offset == 0 or text[offset - 1] in _NOT_IN_RUN:
                start = offset
            else:
                run = _RUN_BEFORE.match(text, 0, offset + 1)
                start = run.start() if run is not None else offset + 1
            end = max(_run_end(text, offset), offset + 1)
            # the run bounds the match (no search for its dots beyond the run), which
            # has two dots at least
            version = (
                _VERSION.match(text, start, end)
                if start <= offset and text.count(".", start, end) >= 2
                else None
            )
            version_end = version.end() if version is not None else 0
            self._run = (start, end, version_end)
        return version_end > offset


#: characters that are neither word characters nor "." (a version string starts
#: after one of them): the common ones, to skip a search for where a run starts
_NOT_IN_RUN: Final = frozenset(" \t\n\u00a0(\"'“”‘’$€£¥,;:-–—/[")
_RUN_AFTER: Final = regex.compile(r"[\w.]*")
_ASCII_WORD: Final = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_."
)


def _run_end(text: str, at: int) -> int:
    r"""Where the run of ``[\w.]`` characters from ``at`` ends (the end of a
    :data:`_RUN_AFTER` match there): ASCII read by hand, the pattern past it."""
    n = len(text)
    while at < n and text[at] in _ASCII_WORD:
        at += 1
    if at < n and not text[at].isascii():
        rest = _RUN_AFTER.match(text, at)  # always matches, if only ""
        return rest.end() if rest is not None else at
    return at


def _starts_near(text: str, offset: int, shape: regex.Pattern[str], reach: int) -> bool:
    """Whether a match of ``shape`` (at most ``reach + 1`` long) that starts near
    ``offset`` holds it. Each possible start is tried, anchored, so that no search
    runs on past the offset."""
    lo = max(0, offset - reach)
    for at in range(lo, offset + 1):
        c = text[at]
        if not (c == "(" or c.isdecimal() or not c.isascii()):
            continue  # each shape starts with a digit or "("
        if at and text[at - 1] in _ASCII_WORD:
            continue  # ... and not after a word character or "."
        # a match is at most reach + 1 long; one more character for its end test
        m = shape.match(text, at, at + reach + 2)
        if m is not None and m.end() > offset:
            return True
    return False


# -- the words beside a number --------------------------------------------------------

#: white space that may separate the parts of one amount: spaces, or one line break
#: (soft-wrapped prose), never a blank line. Each run of blanks has one way to be
#: matched: ``[ ]+\n?[ ]*`` split a run between its two quantifiers in every way when
#: nothing followed it, quadratic time in its length; here the second run needs the
#: line break before it. (Possessive quantifiers would do as well, and cost a tenth
#: more on every number.)
SP: Final = r"(?:[ \t\u00a0]+(?:\n[ \t\u00a0]*)?|\n[ \t\u00a0]*)"
_WORDS_AFTER: Final = regex.compile(
    rf"\G(?:{SP}|-)(?P<w1>[A-Za-z][A-Za-z.’']*)"
    rf"(?:{SP}(?P<w2>[A-Za-z][A-Za-z.’'-]*)(?:{SP}(?P<w3>[A-Za-z][A-Za-z.’'-]*))?)?"
)
#: white space between a number and the next word (a superset of what SP allows)
BLANKS: Final = frozenset(" \t\u00a0\n")
#: what may stand between a number and the next word
_WORD_SEPARATORS: Final = BLANKS | {"-"}


def words_after(text: str, pos: int) -> regex.Match[str] | None:
    """Up to three words after ``pos`` (groups ``w1``, ``w2``, ``w3``), past white
    space or a hyphen, or ``None`` if no word follows."""
    if text[pos : pos + 1] not in _WORD_SEPARATORS:
        return None
    return _WORDS_AFTER.match(text, pos)


def word_end(wm: regex.Match[str], n: int) -> int:
    """Where the n-th word of a :func:`words_after` match ends, less sentence
    punctuation ("rupees.")."""
    word = wm.group(f"w{n}")
    return wm.start(f"w{n}") + len(word.rstrip(".,;:'’"))
