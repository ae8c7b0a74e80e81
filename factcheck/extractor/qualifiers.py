"""Qualifiers beside a number: "about", "more than", "up to" before it, "or more",
"-plus" after it.

A qualifier before a number ends in one of a few words ("than", "of", "about") or a
sign ("<", "≥"): the search for one runs only when the words just before the number
could end one. Every test is derived from :data:`~factcheck.extractor.lexicon.
QUALIFIERS_BEFORE`, so that it rules out only what the search could not find.
"""

from __future__ import annotations

from typing import Final

import regex

from factcheck.extractor import lexicon
from factcheck.extractor.context import BLANKS, SP
from factcheck.extractor.numbers import NUMBER_AHEAD

_QUALIFIER_WORDS: Final = "|".join(
    regex.escape(q) for q in sorted(lexicon.QUALIFIERS_BEFORE, key=len, reverse=True)
)
_QUALIFIER_FILLERS: Final = ("just", "well", "slightly", "a little")
_QUALIFIER_BEFORE: Final = regex.compile(
    rf"(?:^|(?<=[\s(\[\"“,;:—–-]))(?P<q>(?i:{_QUALIFIER_WORDS}))"
    rf"(?:(?<=[<>=≤≥])[ \t]*|{SP}(?:(?i:just|well|slightly|a[ \t]little)[ \t]+)?)$"
)
#: :data:`_QUALIFIER_BEFORE` read backwards: one anchored match where the pattern is
#: searched for (the pattern is the definition; tests hold the two to each other)
_QUALIFIER_BEFORE_BACKWARDS: Final = regex.compile(f"(?r){_QUALIFIER_BEFORE.pattern}")
#: The last word before a number, and the one before it, read backwards. A qualifier
#: before a number ends with one of its words (or a filler: "just", "a little"), so
#: the search for it runs only when the last words could be one. Characters that
#: (?i) matches to ASCII letters (ſ, İ, K) are taken into the words, and a word
#: with any of them is always searched. (The pattern defines the words;
#: :func:`_may_have_qualifier_before` reads them by hand, faster.)
_ODD_LETTERS: Final = "ſİ\u212a"
_LAST_WORDS: Final = regex.compile(
    rf"(?r)(?:(?P<w2>[A-Za-z.{_ODD_LETTERS}]+)[ \t\u00a0\n]+)?"
    rf"(?P<w1>[A-Za-z.{_ODD_LETTERS}]*)[ \t\u00a0\n]*"
)
_QUALIFIER_PHRASES: Final = [
    q.split(" ")
    for q in (*lexicon.QUALIFIERS_BEFORE, *_QUALIFIER_FILLERS)
    if q[0].isalpha()
]
_QUALIFIER_LAST: Final = frozenset(p[-1] for p in _QUALIFIER_PHRASES if len(p) == 1)
_QUALIFIER_PAIRS: Final = frozenset(
    (p[-2], p[-1]) for p in _QUALIFIER_PHRASES if len(p) > 1
)
_QUALIFIER_SIGNS: Final = frozenset("<>=≤≥")
#: what stands right before a number that has a qualifier before it
_BEFORE_QUALIFIED: Final = BLANKS | _QUALIFIER_SIGNS


#: the characters of a word and of the white space in :data:`_LAST_WORDS`
_LAST_WORD_CHARS: Final = frozenset(
    f"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.{_ODD_LETTERS}"
)
_LAST_BLANKS: Final = frozenset(" \t\u00a0\n")


def _may_have_qualifier_before(text: str, window_start: int, start: int) -> bool:
    # what _LAST_WORDS matches, read back by hand: short loops are cheaper than the
    # match (each run is greedy, so no backtracking changes where it stops)
    at = start
    while at > window_start and text[at - 1] in _LAST_BLANKS:
        at -= 1
    w = at
    while w > window_start and text[w - 1] in _LAST_WORD_CHARS:
        w -= 1
    if w == at:
        return at > window_start and text[at - 1] in _QUALIFIER_SIGNS
    w1 = text[w:at]
    if not w1.isascii():
        return True
    last = w1.lower()
    if last in _QUALIFIER_LAST:
        return True
    b = w
    while b > window_start and text[b - 1] in _LAST_BLANKS:
        b -= 1
    w2_start = b
    while w2_start > window_start and text[w2_start - 1] in _LAST_WORD_CHARS:
        w2_start -= 1
    if w2_start == b:
        return False  # no second word
    w2 = text[w2_start:b]
    return not w2.isascii() or (w2.lower(), last) in _QUALIFIER_PAIRS


#: the words of :data:`~factcheck.extractor.lexicon.QUALIFIERS_AFTER` ("or more",
#: "and over"; "plus" and "+" are read as ``plus``)
_AFTER_WORDS: Final = "|".join(
    regex.escape(q)
    for q in sorted(lexicon.QUALIFIERS_AFTER, key=len, reverse=True)
    if q[:1] in ("o", "a")
)
_QUALIFIER_AFTER: Final = regex.compile(
    rf"\G(?:[ \t]*(?P<q>(?i:{_AFTER_WORDS}))\b|(?P<plus>-plus\b|\+))"
)
_QUALIFIER_AFTER_FIRST: Final = frozenset("oOaA")
#: what ``(?i)`` also reads as the ASCII letters s, i and k (ſ, İ, Kelvin K)
_FOLD: Final = str.maketrans({"\u017f": "s", "\u0130": "i", "\u212a": "k"})


def qualifier_key(matched: str) -> str:
    """A qualifier as matched, as a key of the tables in :mod:`.lexicon`."""
    return matched.translate(_FOLD).lower()


def _may_have_qualifier_after(text: str, pos: int) -> bool:
    c = text[pos : pos + 1]
    if c in ("-", "+"):
        return True
    if c in (" ", "\t"):
        while text[pos : pos + 1] in (" ", "\t"):
            pos += 1
        c = text[pos : pos + 1]
    return c in _QUALIFIER_AFTER_FIRST


def qualifier_before(
    text: str, start: int, floor: int = 0
) -> tuple[str | None, int | None]:
    """The qualifier ending right before ``start`` (not before ``floor``), as its
    reading ("approx", "gt", ...) and where it starts; ``(None, None)`` if none."""
    window_start = max(floor, start - 32)
    if start <= window_start or text[start - 1] not in _BEFORE_QUALIFIED:
        return None, None  # a qualifier ends in white space, or in a sign
    if not _may_have_qualifier_before(text, window_start, start):
        return None, None
    qm = qualifier_match_before(text, window_start, start)
    if qm is None:
        return None, None
    key = qualifier_key(qm.group("q"))
    if key == "about" and _QUESTION_BEFORE.match(text, window_start, qm.start("q")):
        return None, None  # "how about 2": a question, not an approximation
    if key == "up to" and _ADD_BEFORE.match(text, window_start, qm.start("q")):
        return None, None  # "the two fines add up to 4.1 billion euros": their sum
    return lexicon.QUALIFIERS_BEFORE[key], qm.start("q")


_QUESTION_BEFORE: Final = regex.compile(r"(?r)\b(?i:how|what)[ \t]+")
#: the verb of "add up to", read backwards: a sum, not a bound
_ADD_BEFORE: Final = regex.compile(r"(?r)\b(?i:add|adds|added|adding)[ \t]+")


def qualifier_match_before(
    text: str, window_start: int, start: int
) -> regex.Match[str] | None:
    """The match of :data:`_QUALIFIER_BEFORE` that a search of the window
    ``[window_start, start)`` finds, found by matching backwards from its end (a
    third of the time: no start is tried that cannot end at ``start``). ``$`` also
    matches before a line break that ends the window, as in the search."""
    qm = _QUALIFIER_BEFORE_BACKWARDS.match(text, window_start, start)
    if qm is None and start > window_start and text[start - 1] == "\n":
        qm = _QUALIFIER_BEFORE_BACKWARDS.match(text, window_start, start - 1)
    return qm


def qualifier_after(text: str, end: int) -> regex.Match[str] | None:
    """A qualifier right after a claim that ends at ``end``: group ``q`` ("or more")
    or ``plus`` ("+", "-plus"). "and below" before a number is that number's ("above
    10 and below 20")."""
    if not _may_have_qualifier_after(text, end):
        return None
    qm = _QUALIFIER_AFTER.match(text, end)
    if (
        qm is not None
        and qm.group("q") is not None
        and qm.group("q")[:1] in ("a", "A")
        and _NUMBER_NEXT.match(text, qm.end()) is not None
    ):
        return None
    return qm


#: a number right after "and above" / "and below" / "and up": the words qualify it
_NUMBER_NEXT: Final = regex.compile(rf"{SP}[-−–$€£¥]?{NUMBER_AHEAD}")


def has_qualifier(text: str, start: int, end: int, floor: int) -> bool:
    """Whether a qualifier stands before ``start`` or after ``end``."""
    return (
        qualifier_before(text, start, floor)[0] is not None
        or qualifier_after(text, end) is not None
    )
