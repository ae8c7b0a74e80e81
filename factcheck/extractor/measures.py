"""A unit right after a number: a symbol glued or spaced ("5km", "5 MW"), or words
("5 kilometres", "3 metric tons"), and a rate after it ("per day", "/h").

The spellings and what they mean in news are the tables of
:mod:`factcheck.extractor.units`; this module only finds them in the text.
"""

from __future__ import annotations

from typing import Final

import regex

from factcheck.extractor.context import SP, lazy_pattern, word_end
from factcheck.extractor.units import (
    AMBIGUOUS_WORD_UNITS,
    PER_UNITS,
    SYMBOL_UNITS,
    UNIT_NOTES,
    WEATHER_UNITS,
    WORD_UNITS,
)

#: a unit reading: (where it ends, pint unit name, note)
Measure = tuple[int, str, str | None]

_SYMBOL_UNIT_AT: Final = regex.compile(
    r"\G(?P<sp>[ \t\u00a0-]?)(?P<g>[A-Za-zµμ°º\"²³]+[23²³]?(?:/[A-Za-z]+)?)"
)
#: unit names that the three words after a number do not hold whole: written with a
#: hyphen ("light-years", "kilowatt-hours": the words split at hyphens), or of four
#: words ("barrels of oil equivalent")
_LONG_UNITS: Final = [k for k in WORD_UNITS if "-" in k or k.count(" ") >= 3]
_LONG_UNIT: Final = lazy_pattern(
    rf"\G{SP}(?P<u>(?i:"
    + "|".join(
        regex.escape(k).replace(r"\ ", "[ \t]+")
        for k in sorted(_LONG_UNITS, key=len, reverse=True)
    )
    + r"))\b"
)
#: the first words of those names, which alone make the long match worth trying
_HYPHEN_HEADS: Final = frozenset(k.split("-")[0] for k in _LONG_UNITS if "-" in k)
_FOUR_WORD_HEADS: Final = frozenset(k.split(" ")[0] for k in _LONG_UNITS if " " in k)
#: words hyphened after a number and to each other: "-nautical-mile", "-square-foot"
_HYPHENED_WORDS: Final = regex.compile(
    r"\G-(?P<w1>[A-Za-z]+)-(?P<w2>[A-Za-z]+)(?:-(?P<w3>[A-Za-z]+))?"
)
#: what "mb" is near: millibars in weather text, megabits elsewhere
_WEATHER_WORDS: Final = lazy_pattern(
    r"(?i:\b(?:pressure|hurricane|storm|typhoon|cyclone|depression|barometric"
    r"|millibars?|hpa|tropical|winds?|gusts?|weather|forecasters?|meteorolog\w*)\b)"
)
#: how far from "mb" the weather words are looked for
_WEATHER_REACH: Final = 200
#: words of heat and cold near a spaced "C" or "F" ("rising from 46.6 C on Sunday to
#: 49.6 C", the Canadian Press's style): there it is a temperature, not a letter
_HEAT_WORDS: Final = lazy_pattern(
    r"(?i:\b(?:temperatures?|heat|heatwave|hottest|coldest|warmest|degrees?"
    r"|thermometers?|celsius|fahrenheit|frost|freezing)\b)"
)
#: how far from a spaced "C" or "F" the words of heat are looked for, in characters
_HEAT_REACH: Final = 160


#: a spaced "C" with its Fahrenheit in brackets, from the space before the "C":
#: " C (109.2 F)"
_C_THEN_F: Final = regex.compile(
    r"[ \t\u00a0]C[ \t\u00a0]*\([ \t\u00a0]*(?:-|−|minus[ \t\u00a0]+)?\d[\d.,]*[ \t\u00a0]?F\b"
)
#: the text before a spaced "F" that gives its Celsius first: "41.8 C (109.2"
_C_BEFORE_F: Final = regex.compile(
    r"\d[ \t\u00a0]?C[ \t\u00a0]*\([ \t\u00a0]*(?:-|−|minus[ \t\u00a0]+)?\d[\d.,]*$"
)


def _near_heat(text: str, pos: int) -> bool:
    """Whether words of heat stand near ``pos`` (a spaced "C" is a temperature), or
    the temperature is given on both scales ("41.8 C (109.2 F)")."""
    return (
        _HEAT_WORDS().search(text, max(0, pos - _HEAT_REACH), pos + _HEAT_REACH)
        is not None
        or _C_THEN_F.match(text, pos) is not None
        or _C_BEFORE_F.search(text, max(0, pos - 40), pos) is not None
    )


#: the characters other than ASCII letters that a unit symbol may start with
_SYMBOL_START: Final = 'µμ°º"²³'
#: one- and two-letter symbols that after a space are more often words than units
#: ("C", "F": a temperature is printed glued, "38.1C"; "MP": "5 MP" is a member of
#: parliament more often than megapixels)
_SPACED_SYMBOL_WORDS: Final = frozenset(
    {"in", '"', "a", "l", "mt", "MT", "g", "C", "F", "MP", "min", "sec"}
)
#: every start of a unit symbol ("k", "km", "km/", "km/h")
_SYMBOL_PREFIXES: Final = frozenset(
    k[:i] for k in SYMBOL_UNITS for i in range(1, len(k) + 1)
)

#: first words of unit names of more than one word ("square", "metric", "barrels")
_UNIT_HEADS: Final = frozenset(k.split(" ")[0] for k in WORD_UNITS if " " in k)
#: unit names of one word, and symbols, in lower case
_UNIT_WORDS: Final = frozenset(
    [
        *(k for k in WORD_UNITS if " " not in k),
        *(k.lower() for k in SYMBOL_UNITS),
        *AMBIGUOUS_WORD_UNITS,
    ]
)

#: "tonnes a year" is a rate; "tonnes a year earlier", "a year ago" is the time of a
#: level ("11.55 lakh tonnes a year earlier")
_PER_AFTER: Final = regex.compile(
    r"\G(?:[ \t]+(?:per|an|a)[ \t]+|/)(?P<u>hour|day|year|second|millisecond|hr|h|d|ms|s)\b"
    r"(?![ \t]+(?:earlier|ago|before|later|after|prior|previously|back|on)\b)"
)


#: a period compared with the one before it, after a figure's time word: "rose
#: 573,000 month-on-month", "12,000 year over year", "40,000 year-to-date"
_PERIOD_ON_PERIOD: Final = regex.compile(
    r"\G(?i:[- \t](?:on|over|to)[- \t](?:the[- \t])?"
    r"(?P<p>year|month|quarter|week|day|date)s?\b)"
)


def unit_after(
    text: str, pos: int, words: regex.Match[str] | None, scaled: bool
) -> Measure | None:
    """A unit right after the number (glued, spaced, or hyphenated): (end, unit, note).
    ``words`` is :func:`~factcheck.extractor.context.words_after` at ``pos``."""
    found = _symbol_unit_at(text, pos, scaled)
    if found is None and words is not None:
        head = words.group("w1").lower()
        if head in _HYPHEN_HEADS or head in _FOUR_WORD_HEADS:
            # "light-years", "barrels of oil equivalent": more than the words hold
            hm = _LONG_UNIT().match(text, pos)
            if hm is not None:
                found = (
                    hm.end(),
                    WORD_UNITS[" ".join(hm.group("u").lower().split())],
                    None,
                )
    if found is None and text[pos : pos + 1] == "-":
        # "a 200-nautical-mile zone", "a 2,400-square-foot home": a unit of two or
        # three words hyphened to the number and to each other
        hm = _HYPHENED_WORDS.match(text, pos)
        if hm is not None:
            multi = unit_words_after(hm.group("w1"), hm.group("w2"), hm.group("w3"))
            if multi is not None and multi[0] >= 2:
                n, unit, note = multi
                found = (hm.end(f"w{n}"), unit, note)
    if found is None:
        wm = words
        if wm is None:
            return None
        found_words = unit_words_after(wm.group("w1"), wm.group("w2"), wm.group("w3"))
        if (
            found_words is None
            and wm.group("w1").lower() in _RUN_ADJECTIVES
            and wm.group("w2") is not None
        ):
            # "31 straight days", "12 consecutive months": a run of time units
            later = unit_words_after(wm.group("w2"), wm.group("w3"), None)
            if later is not None and later[0] == 1 and later[1] in _RUN_UNITS:
                found_words = (2, later[1], later[2])
        if found_words is None:
            return None
        n, unit, note = found_words
        if (
            n == 1
            and wm.group("w1") in SYMBOL_UNITS
            and wm.group("w1").lower() not in WORD_UNITS
        ):
            return None  # a symbol after a hyphen or far away: "the 5-in" is no unit
        found = (word_end(wm, n), unit, note)
    end, unit, note = found
    period = _PERIOD_ON_PERIOD.match(text, end)
    if period is not None and period.group("p").lower() in (unit, "date"):
        return None  # "rose 573,000 month-on-month": the change's base, no duration
    if text[end : end + 1] in (" ", "\t", "/"):
        per = _PER_AFTER.match(text, end)
        if (
            per is not None
            and " per " not in unit
            and unit != PER_UNITS[per.group("u")]
        ):
            unit, end = f"{unit} per {PER_UNITS[per.group('u')]}", per.end()
    return end, unit, note


def _symbol_unit_at(text: str, pos: int, scaled: bool) -> Measure | None:
    first = text[pos : pos + 1]
    spaced = first in (" ", "\t", "\u00a0")
    hyphened = first == "-"  # "a 1,600-MW plant", "a 5-km race"
    if spaced or hyphened:
        first = text[pos + 1 : pos + 2]
    elif scaled:
        return None  # glued after a scale word ("5bn") is no unit symbol
    if not first or not (
        (first.isascii() and first.isalpha()) or first in _SYMBOL_START
    ):
        return None
    gm = _SYMBOL_UNIT_AT.match(text, pos)
    if gm is None:
        return None
    glued = gm.group("g")
    base = gm.start("g")
    # the longest symbol the glued letters start with
    cut = 0
    for i in range(1, len(glued) + 1):
        if glued[:i] not in _SYMBOL_PREFIXES:
            break
        if glued[:i] in SYMBOL_UNITS:
            cut = i
    if not cut:
        return None
    candidate = glued[:cut]
    rest = text[base + cut : base + cut + 1]
    if rest and (rest.isalnum() or rest == "_"):
        return None  # "24703m212": an identifier
    if (
        (spaced or hyphened)
        and candidate in _SPACED_SYMBOL_WORDS
        and not (spaced and candidate in ("C", "F") and _near_heat(text, pos))
    ):
        return None
    if hyphened and cut == 1:
        return None  # "the 5-m", "a 3-D film": one letter after a hyphen is a word
    if spaced and cut == 1 and rest == "-":
        return None  # "24703 L-202", "5 L-shaped rooms": a letter of a word or code
    unit = SYMBOL_UNITS[candidate]
    if candidate in WEATHER_UNITS and _WEATHER_WORDS().search(
        text, max(0, pos - _WEATHER_REACH), pos + _WEATHER_REACH
    ):
        unit = WEATHER_UNITS[candidate]  # "a pressure of 940 mb": millibars
    return base + cut, unit, UNIT_NOTES.get(candidate)


#: adjectives that say a number of time units ran on end: "31 straight days"
_RUN_ADJECTIVES = frozenset(["straight", "consecutive", "successive"])
_RUN_UNITS = frozenset(["day", "week", "month", "year", "hour", "minute"])


def unit_words_after(
    w1: str, w2: str | None, w3: str | None
) -> tuple[int, str, str | None] | None:
    """(how many words, unit, note) for a unit name in up to three words."""
    head = w1.lower()
    if head not in _UNIT_HEADS and head.rstrip(".,") not in _UNIT_WORDS:
        return None  # no unit name starts with this word
    words = [w1, w2, w3]
    for n in (3, 2, 1):
        parts = words[:n]
        if any(p is None for p in parts):
            continue
        phrase = " ".join(p for p in parts if p).rstrip(".,")
        unit = WORD_UNITS.get(phrase.lower())
        if unit is None and n == 1:
            unit = SYMBOL_UNITS.get(phrase)
            if unit is None and phrase.lower() in AMBIGUOUS_WORD_UNITS:
                unit = AMBIGUOUS_WORD_UNITS[phrase.lower()]
        if unit is not None:
            return n, unit, UNIT_NOTES.get(phrase)
    return None
