"""Numbers as printed: digit strings with separators, and numbers spelled in words.

:func:`find_cores` finds where numbers stand in a text (digit strings, fraction signs,
number words); the parsers read their values.

Each parser returns the value and the *precision* its digits state: the rounding step
of the last significant digit ("52.4" → 0.1; "380" → 10, read as rounded at its last
non-zero digit; "7" → 1). Scale words multiply both.
"""

from __future__ import annotations

import math
import re  # noqa: TID251  (the two core scans: see _DIGIT_CORE)
from collections.abc import Iterator
from typing import Final

import regex

from factcheck.extractor import lexicon
from factcheck.extractor.context import MONTHS
from factcheck.extractor.lexicon import (
    DENOMINATORS,
    FRACTION_WORDS,
    SCALES,
    TENS_WORDS,
    UNITS_WORDS,
)


class Number:
    """A number as the text states it, before currency or unit.

    A plain class, not attrs: one is made for every number in the text, and the
    extractor is compiled with mypyc (hatch_build.py), which makes a plain class a
    native one, built many times faster. Never changed once made."""

    __slots__ = ("end", "precision", "spelled", "start", "value")

    def __init__(
        self,
        start: int,
        end: int,
        value: float,
        precision: float,
        spelled: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.precision = precision
        self.spelled = spelled

    def __repr__(self) -> str:
        return (
            f"Number(start={self.start}, end={self.end}, value={self.value!r}, "
            f"precision={self.precision!r}, spelled={self.spelled})"
        )


def precision_of_digits(digits: str) -> float:
    """The rounding step a digit string states.

    >>> precision_of_digits("52.4"), precision_of_digits("380"), precision_of_digits("7")
    (0.1, 10.0, 1.0)
    >>> precision_of_digits("1,000"), precision_of_digits("0.50")
    (1000.0, 0.01)
    """
    plain = digits.replace(",", "")
    if "." in plain:
        decimals = len(plain) - plain.index(".") - 1
        return 10.0**-decimals
    stripped = plain.lstrip("0")
    if not stripped:
        return 1.0
    zeros = len(stripped) - len(stripped.rstrip("0"))
    return 10.0**zeros


def parse_digits(digits: str) -> float:
    """The value of a digit string with thousands (or Indian lakh) separators.

    >>> parse_digits("7,69,226"), parse_digits("1,234.5"), parse_digits(".5")
    (769226.0, 1234.5, 0.5)
    """
    return float(digits.replace(",", ""))


def precision_of_value(value: float) -> float:
    """The step of a value's last non-zero digit (for numbers spelled in words)."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    if value != int(value):
        text = f"{value:.6f}".rstrip("0")
        return 10.0 ** -(len(text) - text.index(".") - 1)
    n = int(value)
    zeros = 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return 10.0**zeros


_SPELL_WORDS: Final = (
    set(UNITS_WORDS)
    | set(TENS_WORDS)
    | set(FRACTION_WORDS)
    | set(DENOMINATORS)
    | {f"{d}s" for d in DENOMINATORS}
    | {"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"}
)
_SPELL_TOKEN: Final = regex.compile(
    r"\G(?:(?P<and>[ \t]+and[ \t]+(?=[a-z]))|[ \t]+|-)?(?P<word>a|an|[a-z]+)\b",
    regex.IGNORECASE,
)
#: what follows a fraction word that is no noun: "of", a conjunction, punctuation
_FRACTION_FOLLOWS: Final = regex.compile(
    r"[ \t]+(?i:of|and|or|but|to)\b|[ \t]*(?:[^ \tA-Za-z]|$)"
)
#: a change's size by "by" before a fraction ("grew by almost a third on 2023's",
#: "cut by a quarter from"): the fraction may be followed by its base or time
_BY_A_FRACTION: Final = regex.compile(
    r"(?i:\bby)[ \t]+(?:(?i:about|almost|nearly|roughly|around|some|over|more[ \t]+than"
    r"|less[ \t]+than|just[ \t]+over|just[ \t]+under)[ \t]+)?(?i:a|one)[ \t]+$"
)
_CHANGE_BASE_FOLLOWS: Final = regex.compile(
    r"[ \t]+(?i:on|from|in|over|since|compared|than|this|last|year[ \t-]on[ \t-]year)\b"
)
#: a fraction's value is read to the hundredth ("two thirds" is 0.67, "a quarter" 0.25)
FRACTION_PRECISION: Final = 0.01
_BIG: Final = {
    "thousand": 1e3,
    "lakh": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
}


def parse_spelled(text: str, start: int) -> Number | None:
    """Parse a number spelled in words starting at ``start`` ("two dozen", "forty-five",
    "half a million", "three quarters billion"); ``None`` if there is none.

    >>> parse_spelled("forty-five cents", 0).value
    45.0
    >>> parse_spelled("half a million", 0).value
    500000.0
    """
    pos = start
    total = 0.0
    current = 0.0
    seen = False
    fractional = False  # a fraction spelled with an ordinal ("two thirds")
    last_end = start
    pending_a = False  # "a"/"an" waits for a scale or fraction word
    while True:
        m = _SPELL_TOKEN.match(text, pos)
        if m is None:
            break
        word = m.group("word").lower()
        if word in ("a", "an"):
            if pending_a:
                break
            pending_a = True
            pos = m.end()
            continue
        if word not in _SPELL_WORDS:
            break
        if word in UNITS_WORDS or word in TENS_WORDS:
            if pending_a:
                break
            n = UNITS_WORDS.get(word, TENS_WORDS.get(word, 0))
            if current % 10 != 0 and n < 10:
                break  # "five three" is two numbers
            if current % 100 != 0 and n >= 10:
                break  # "ten fifteen", "twenty twenty": two numbers
            if m.group("and") is not None and not (total or current >= 100):
                break  # "and" joins only after "hundred" or a scale word
            current += n
        elif word in ("half", "quarter", "quarters"):
            f = FRACTION_WORDS[word]
            if pending_a:
                current += f
            elif current and word == "quarters":
                current *= f  # "three quarters"
            elif (
                current == 1
                and not total
                and _FRACTION_FOLLOWS.match(text, m.end()) is not None
            ):
                current = f  # "one quarter of", "one half": not a quarter of a year
            elif current:
                break
            else:
                current = f
        elif word.rstrip("s") in DENOMINATORS:
            fraction = _fraction_of(
                text, m, word, current=current, total=total, pending_a=pending_a
            )
            if fraction is None:
                break
            current, fractional = fraction, True
        elif word in ("dozen", "dozens"):
            if word == "dozens":
                break  # "dozens of": not a number
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            scale = _BIG[word]
            total += (current or 1) * scale
            current = 0.0
        pending_a = False
        seen = True
        last_end = m.end()
        pos = m.end()
    if not seen:
        return None
    value = total + current
    precision = FRACTION_PRECISION if fractional else precision_of_value(value)
    return Number(start, last_end, value, precision, spelled=True)


def _fraction_of(
    text: str,
    m: regex.Match[str],
    word: str,
    *,
    current: float,
    total: float,
    pending_a: bool,
) -> float | None:
    """The value of a fraction whose denominator is the ordinal ``word`` ("third",
    "fifths"), after "a", "one" or a number of them; ``None`` if the ordinal is no
    fraction ("a third term", "the third", "two third-quarter results")."""
    if total or text[m.end() : m.end() + 1] == "-":
        return None
    plural = word.endswith("s")
    d = DENOMINATORS[word.rstrip("s")]
    if pending_a or current == 1:
        # "a third of", "one fifth": singular, and a fraction only before "of" or
        # at the end of a phrase ("a third term" is an ordinal)
        if plural:
            return None
        if _FRACTION_FOLLOWS.match(text, m.end()) is None and not (
            _CHANGE_BASE_FOLLOWS.match(text, m.end()) is not None
            and _BY_A_FRACTION.search(
                text, max(0, m.start("word") - 40), m.start("word")
            )
        ):
            return None
        return 1 / d
    if plural and 1 < current < d:
        return current / d  # "two thirds", "three-fifths"
    return None


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word or abbreviation, exactly as printed."""
    found = SCALES.get(word)
    if found is None and word.islower() is False and len(word) > 2:
        found = SCALES.get(word.lower())
    return found


# -- number cores ---------------------------------------------------------------------

_WORD_ANCHORS: Final = "|".join(
    sorted(
        [*lexicon.UNITS_WORDS, *lexicon.TENS_WORDS, "half", "quarter", "dozen"],
        key=len,
        reverse=True,
    )
)
#: after "a", what makes it a number ("a million", "a half"); else it is an article
#: (in lower case: :data:`_AFTER_A` and :data:`CORE` read it with ``(?i)``)
_AFTER_A_WORDS: Final = (
    r"[ \t]*(?:-|[ \t]and[ \t]+)?[ \t]*"
    r"(?:half|quarter|dozen|hundred|thousand|million|billion|trillion|lakh|crore"
    # "a third of", and a change's fraction: "cut by a third.", "grew by almost a
    # third on 2023's", "fell by a fifth to $12.4 billion" (whether it is one,
    # _fraction_of decides)
    rf"|(?:{'|'.join(DENOMINATORS)})(?:[ \t]+(?:of|on|from|in|over|since|to)\b|[.,;])"
    r")"
)
#: the spacing characters that group digits ("4 512", "27 310 447", "1\u202f906\u202f233"):
#: Unicode's space separators (Zs), the space of every script; a number is grouped by
#: one of them, the same throughout, in groups of three
GROUP_SPACES: Final = (
    " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000"
)
_GROUP_SPACE: Final = f"[{GROUP_SPACES}]"
#: a month's name before a day of the month: "May 5 100 people" is the 5th and a
#: count, never 5,100 (see :func:`find_cores`)
_MONTH_BEFORE: Final = (
    rf"\b(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?{_GROUP_SPACE}"
)
_MONTH_BEFORE_END: Final = regex.compile(rf"(?r){_MONTH_BEFORE}")
#: where a number may start: a digit, a fraction sign, a number word, or "a"/"an"
#: before one (a necessary condition for a core, for the checks that look ahead)
NUMBER_AHEAD: Final = rf"(?:[0-9½¼¾⅓⅔]|\.[0-9]|(?i:{_WORD_ANCHORS}|an?)\b)"
#: What a number core is: a digit string, a fraction sign, or a number word. This is
#: the definition; :func:`find_cores` finds exactly its matches, in two faster passes.
CORE: Final = regex.compile(
    r"(?P<d>(?<![0-9])(?<![0-9][,.])(?<!(?:^|[^A-Za-z0-9_.,])\.)(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}"
    rf"|(?<!{_MONTH_BEFORE})[0-9]{{1,3}}(?P<sp>{_GROUP_SPACE})[0-9]{{3}}(?:(?P=sp)[0-9]{{3}})*(?![0-9,])|[0-9]+)"
    r"(?:\.[0-9]+|(?P<dc>,[0-9]{2}(?![0-9,])))?"
    r"|(?<![\w.,])\.[0-9]+)"
    r"|(?P<f>[½¼¾⅓⅔])"
    rf"|(?P<w>\b(?i:{_WORD_ANCHORS}|a(?={_AFTER_A_WORDS}))\b)",
)
#: The digit and fraction cores of :data:`CORE`, written to begin with a plain
#: character set, which the engine skips to quickly (a pattern that begins with an
#: alternation or a look-behind is tried at every character, and costs ten times as
#: much): each branch takes the first character, then looks behind. The two passes
#: of :func:`find_cores` use the standard library's engine, which scans these
#: patterns in half the time; its ``\w`` is not :mod:`regex`'s for some non-ASCII
#: characters ("½" is a word character to it), so the patterns test ASCII word
#: characters only and :func:`find_cores` tests a non-ASCII neighbour as ``CORE``
#: does.
_DIGIT_CORE: Final = re.compile(
    r"""[0-9.½¼¾⅓⅔](?:
        (?<=[½¼¾⅓⅔])                                # a fraction sign
      | (?<=[0-9])(?<![0-9][0-9])(?<![0-9][,.][0-9]) # digits, not inside a number
                                                     # ("Rs.500": a dot after letters)
        (?:[0-9]{0,2}(?:,[0-9]{3})+                  #   1,234,567
          | [0-9]?(?:,[0-9]{2})+,[0-9]{3}            #   12,34,567 (lakh and crore)
          | [0-9]{0,2}(?P<sp>"""
    + _GROUP_SPACE
    + r""")[0-9]{3}(?:(?P=sp)[0-9]{3})*(?![0-9,])      #   1 234 567 (one spacing)
          | [0-9]*
        )(?:\.[0-9]+|(?P<dc>,[0-9]{2}(?![0-9,])))?  # decimals, or a decimal comma
      | (?<=\.)(?<![A-Za-z0-9_.,]\.)[0-9]+           # .5
    )""",
    re.VERBOSE,
)
_WORD_CORE: Final = regex.compile(rf"\b(?i:{_WORD_ANCHORS}|a(?={_AFTER_A_WORDS}))\b")


def _word_trie(words: list[str]) -> str:
    r"""``one|two|three|...`` grouped by first letter (``o(?:ne)|t(?:wo|hree)|...``):
    the same words, tried faster. Between ``\b`` and ``\b`` at most one of them can
    match at a position, so their order does not matter."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(regex.escape(w[1:]))
    return "|".join(
        f"{first}(?:{'|'.join(rests)})" if rests != [""] else first
        for first, rests in sorted(by_first.items())
    )


#: :data:`_WORD_CORE` without ``(?i)``, for the text in lower case: the engine tries a
#: case-sensitive trie at each position in a third less time, and lowering a text
#: costs next to nothing. ``str.lower`` keeps every offset and what is a word
#: character, but for three characters that ``(?i)`` matches to ASCII letters and
#: lowering does not (or not in one character): texts with them take the slow pass.
_WORD_CORE_LOWER: Final = re.compile(
    rf"(?<![a-z0-9_])(?:{_word_trie(_WORD_ANCHORS.split('|'))}|a(?={_AFTER_A_WORDS}))"
    r"(?![a-z0-9_])"
)
#: what :mod:`regex` (and so :data:`CORE`) counts as a word character
_WORD_CHAR: Final = regex.compile(r"\w")
_CASE_ODD: Final = ("\u0130", "\u017f", "\u212a")  # İ, ſ, K (Kelvin)
FRACTION_CHARS: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


#: a match of :func:`find_cores`: the two engines' match objects read alike
CoreMatch = re.Match[str] | regex.Match[str]


def _word_cores(text: str) -> Iterator[CoreMatch]:
    """The matches of :data:`_WORD_CORE` (their offsets; they may match a lowered
    copy of ``text``)."""
    if text.isascii():
        return _WORD_CORE_LOWER.finditer(text.lower())
    if not any(c in text for c in _CASE_ODD):
        return (
            m
            for m in _WORD_CORE_LOWER.finditer(text.lower())
            if not (_word_char_at(text, m.start() - 1) or _word_char_at(text, m.end()))
        )
    return _WORD_CORE.finditer(text)


def _word_char_at(text: str, i: int) -> bool:
    r"""Whether ``text[i]`` is a non-ASCII word character (as ``\w`` of :mod:`regex`
    reads it): what the ASCII tests of the fast patterns let through."""
    c = text[i : i + 1] if i >= 0 else ""
    return not c.isascii() and _WORD_CHAR.match(c) is not None


def find_cores(text: str) -> list[CoreMatch]:
    """The matches of :data:`CORE` in ``text``, in order (as ``CORE.finditer`` gives
    them), by their offsets: :func:`iter_cores`, as a list."""
    return list(iter_cores(text))


def iter_cores(text: str) -> Iterator[CoreMatch]:
    """The matches of :data:`CORE` in ``text``, in order, one at a time (a text of
    a million numbers holds one match at a time, not a million). Digit and word
    cores never share a character, so two passes, one for each, merge into the
    one of :data:`CORE`: the digit cores of :data:`_DIGIT_CORE`, a number grouped
    by spaces after a month read anew (see :func:`_split_after_month`), and outside
    ASCII no ".5" after a word character; and the word cores."""
    ascii_text = text.isascii()
    words = _word_cores(text)
    w = next(words, None)
    for m in _DIGIT_CORE.finditer(text):
        s = m.start()
        if not ascii_text and text[s] == "." and _word_char_at(text, s - 1):
            continue  # ".5" after a non-ASCII word character and a full stop
        while w is not None and w.start() < s:
            yield w
            w = next(words, None)
        if m.group("sp") is not None:
            yield from _split_after_month(text, m)
        else:
            yield m
    while w is not None:
        yield w
        w = next(words, None)


def _split_after_month(text: str, m: CoreMatch) -> Iterator[CoreMatch]:
    """A number grouped by spaces right after a month's name is a day and what
    follows it ("May 5 100 people"): read anew from its first space, as :data:`CORE`
    (whose space-grouped branch does not start after a month) reads it."""
    s = m.start()
    if _MONTH_BEFORE_END.match(text, max(0, s - 11), s) is None:
        yield m
        return
    sp = m.group("sp")
    cut = text.index(sp, s)
    day = _DIGIT_CORE.match(text, s, cut)
    if day is not None:
        yield day
    yield from _DIGIT_CORE.finditer(text, cut, m.end())


def _start(m: CoreMatch) -> int:
    return m.start()


def is_word_core(m: CoreMatch) -> bool:
    """Whether a core of :func:`find_cores` is a number word."""
    return m.re is _WORD_CORE_LOWER or m.re is _WORD_CORE


def parse_word_core(text: str, m: CoreMatch) -> Number | None:
    """The number spelled from a word core on, or ``None``. (A core "a" is one
    before a number word: the cores leave out the article.)"""
    return parse_spelled(text, m.start())
