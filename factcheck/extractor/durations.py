"""Durations, ages and temperatures: quantities that news writes in its own ways.

- A race or elapsed time on a clock face: "won in 2:04:12", "touched in 1:52.85"
  (one quantity in seconds), but never a time of day ("at 14:30", "10:30 a.m.").
- An age: "aged 31", "at the age of 16", "the senator, 71," (in years).
- A compound duration, "two hours, 21 minutes and 11 seconds", is one quantity in
  its smallest unit (joined in :mod:`.joins`; the factors are here).
- A temperature difference or anomaly ("1.2C above the average", "warmer by 0.3C",
  "fell by 10 degrees Celsius") is a delta unit, so that conversions are right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from factcheck.extractor.context import MONTHS, lazy_pattern

# -- race and elapsed times ---------------------------------------------------------

#: h:mm:ss (a fraction of a second allowed), or m:ss.ff with its fraction
_CLOCK: Final = lazy_pattern(
    r"\G(?::(?P<m>[0-5][0-9]):(?P<s>[0-5][0-9])(?:\.(?P<f>[0-9]{1,3}))?"
    r"|:(?P<s2>[0-5][0-9])(?P<f2>\.[0-9]{1,3})?)(?![0-9:]|\.[0-9])"
)
#: what makes a clock time a time of day: a word before it ("at 14:30", "from
#: 9:00", "until 17:45:00") or after it ("10:30 a.m.", "06:45:12 GMT", "local time")
_TIME_OF_DAY_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:at|from|until|till|til|to|by|before|after|since|around|about"
    r"|between|and|or|on|opens?|closes?|starts?|ends?)[ \t]+$"
)
_TIME_OF_DAY_AFTER: Final = lazy_pattern(
    r"\G[ \t]?(?:(?i:[ap]\.?m\b\.?|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|IST|JST|ET|PT"
    r"|local|hours|hrs|h\b|o'clock|Z\b))"
)
#: a word before m:ss with no fraction that makes it an elapsed time ("finished in
#: 3:45", "a time of 3:58", "clocked 4:01"); without one it is a time of day
_ELAPSED_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:in|clocked|timed|time[ \t]+of|record[ \t]+of|best[ \t]+of|ran|run)"
    r"[ \t]+$"
)


def read_clock(text: str, start: int, end: int) -> tuple[int, float, float] | None:
    """A race or elapsed time whose first digits are ``text[start:end]``: (where it
    ends, its value in seconds, its precision in seconds), or ``None`` if the digits
    start no clock time or it is a time of day."""
    digits = text[start:end]
    m = _CLOCK().match(text, end)
    if m is None or not digits.isdigit() or len(digits) > 2:
        return None  # ".12:30", "2024:12": no clock face
    first = int(digits)
    fraction = m.group("f") or (m.group("f2") or "")[1:]
    precision = 10.0 ** -len(fraction) if fraction else 1.0
    window = max(0, start - 24)
    if _TIME_OF_DAY_AFTER().match(text, m.end()) or _TIME_OF_DAY_BEFORE().match(
        text, window, start
    ):
        return None
    if m.group("m") is not None:  # h:mm:ss
        seconds = first * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
    else:  # m:ss
        if not fraction and _ELAPSED_BEFORE().match(text, window, start) is None:
            return None  # "3:45" alone is more often a time of day
        seconds = first * 60 + int(m.group("s2"))
    value = seconds + (float("0." + fraction) if fraction else 0.0)
    return m.end(), value, precision


# -- ages -----------------------------------------------------------------------------

#: words before an age: "aged 31", "ages 18 to 24", "at the age of 16", "age 5",
#: "the pension age from 62"
_AGE_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:aged|ages?(?:[ \t]+(?:of|from))?)[ \t]+"
    r"(?:(?i:between|from|about|around|over|under)[ \t]+)?$"
)
#: the word before ", 31,": a name or a noun for a person, not a number, a month
#: or a word that lists ("In 2019, 45, ...")
_NAME_BEFORE_COMMA: Final = lazy_pattern(
    r"(?r)(?<![\w.])(?P<w>[A-Za-z][a-z'’-]+),[ \t]$"
)
_NOT_NAMES: Final = MONTHS | frozenset(
    {"and", "or", "but", "of", "than", "to", "from", "in", "by", "at", "on", "with",
     "said", "says", "total", "all", "each", "year", "years", "today", "yesterday",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "however", "meanwhile", "overall", "instead", "then", "now", "also", "so", "yes",
     "no", "first", "second", "third", "last", "next", "percent", "cent", "points"}
)  # fmt: skip
#: the oldest age read from "Name, 31,"
_OLDEST: Final = 120


def _has_age_word(text: str, start: int, end: int) -> bool:
    """What :data:`_AGE_BEFORE` needs: "age" in the window, in any case."""
    return (
        text.find("age", start, end) >= 0
        or text.find("Age", start, end) >= 0
        or text.find("AGE", start, end) >= 0
    )


def is_age(text: str, start: int, end: int, value: float, floor: int) -> bool:
    """Whether the whole number ``text[start:end]`` is an age: after "aged" or "at the
    age of", or between commas after a name ("Smith, 31, of Leeds")."""
    if value != int(value) or value < 0:
        return False
    window = max(floor, start - 24)
    if _has_age_word(text, window, start) and _AGE_BEFORE().match(text, window, start):
        return True
    if text[end : end + 1] != "," or text[start - 2 : start] != ", ":
        return False
    if not 0 < value <= _OLDEST:
        return False
    w = _NAME_BEFORE_COMMA().match(text, max(floor, start - 30), start)
    return w is not None and w.group("w").lower() not in _NOT_NAMES


# -- compound durations ---------------------------------------------------------------

#: seconds in each unit that a compound duration may join, and months in the units
#: of the calendar (a month has no fixed number of days: the two never join)
SECONDS: Final[Mapping[str, float]] = {
    "week": 604800.0,
    "day": 86400.0,
    "hour": 3600.0,
    "minute": 60.0,
    "second": 1.0,
}
MONTHS_IN: Final[Mapping[str, float]] = {"year": 12.0, "month": 1.0}


def duration_factors(larger: str, smaller: str) -> float | None:
    """How many ``smaller`` units make one ``larger`` (both of one family, the first
    the larger), or ``None`` if a compound duration cannot join them."""
    for family in (SECONDS, MONTHS_IN):
        if larger in family and smaller in family and family[larger] > family[smaller]:
            return family[larger] / family[smaller]
    return None


# -- temperature differences ----------------------------------------------------------

#: after a temperature: what makes it a difference ("1.2C above the average", "3C
#: warmer", "a 2C rise"), past a stated equivalent in brackets ("1.2C (2.2F) above",
#: "2 to 3 degrees Celsius (3.6 to 5.4 degrees Fahrenheit) above normal"), or from
#: inside them
_DIFFERENCE_AFTER: Final = lazy_pattern(
    r"\G\)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?i:above|below|warmer|cooler|colder|hotter"
    r"|higher|lower|more|less|rise|rises|increase|increases|drop|drops|fall|falls"
    r"|decline|jump|warming|cooling|anomaly|difference|change|of[ \t]+warming"
    r"|up|down)\b"
)
#: before a temperature (or its qualifier): "by", "warming of", "a rise of"
_DIFFERENCE_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:by|warming(?:[ \t]+(?:of|to|at|below|under|above))?"
    r"|(?:rise|increase|drop|fall|decline|anomaly|change|difference|jump|swing"
    r"|margin|gap)[ \t]+of|(?:margin|gap|difference)[ \t]+(?:was|is|stood[ \t]+at)"
    r"|warmer[ \t]+by|cooler[ \t]+by)[ \t]+$"
)
#: a margin named before the temperature set off after its clause: "the margin by
#: which the annual record was broken, a full "
_MARGIN_APPOSED: Final = lazy_pattern(
    r"\b(?i:margin|gap)[ \t]+(?:[\w'’-]+[ \t]+){1,8}?[\w'’-]+,[ \t]+"
    r"(?:(?i:a[ \t]+full|about|some|nearly|almost|just|roughly)[ \t]+)?$"
)


def is_temperature_difference(text: str, start: int, end: int) -> bool:
    """Whether the temperature stated in ``text[start:end]`` (its qualifier included)
    is a difference or an anomaly rather than a reading."""
    return (
        _DIFFERENCE_AFTER().match(text, end) is not None
        or _DIFFERENCE_BEFORE().match(text, max(0, start - 24), start) is not None
        or _MARGIN_APPOSED().search(text, max(0, start - 90), start) is not None
    )
