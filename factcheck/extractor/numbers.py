"""Numbers as printed: digit strings with separators, and numbers spelled in words.

Each parser returns the value and the *precision* its digits state: the rounding step
of the last significant digit ("52.4" → 0.1; "380" → 10, read as rounded at its last
non-zero digit; "7" → 1). Scale words multiply both.
"""

from __future__ import annotations

import math

import attrs
import regex

from factcheck.extractor.lexicon import FRACTION_WORDS, SCALES, TENS_WORDS, UNITS_WORDS


@attrs.frozen
class Number:
    """A number as the text states it, before currency or unit."""

    start: int
    end: int
    value: float
    precision: float
    spelled: bool = False


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


_SPELL_WORDS = (
    set(UNITS_WORDS)
    | set(TENS_WORDS)
    | set(FRACTION_WORDS)
    | {"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"}
)
_SPELL_TOKEN = regex.compile(
    r"\G(?:[ \t]+and[ \t]+(?=[a-z])|[ \t]+|-)?(a|an|[a-z]+)\b", regex.IGNORECASE
)
_BIG = {
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
    last_end = start
    pending_a = False  # "a"/"an" waits for a scale or fraction word
    while True:
        m = _SPELL_TOKEN.match(text, pos)
        if m is None:
            break
        word = m.group(1).lower()
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
            current += n
        elif word in ("half", "quarter", "quarters"):
            f = FRACTION_WORDS[word]
            if pending_a:
                current += f
            elif current and word == "quarters":
                current *= f  # "three quarters"
            elif current:
                break
            else:
                current = f
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
    return Number(start, last_end, value, precision_of_value(value), spelled=True)


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word or abbreviation, exactly as printed."""
    found = SCALES.get(word)
    if found is None and word.islower() is False and len(word) > 2:
        found = SCALES.get(word.lower())
    return found
