"""The claim scanner: finds each number, then reads outward from it.

A pass of small patterns finds number cores (digit strings, number words); for each,
bounded look-arounds read the scale word, the currency (:mod:`.money`), the unit
(:mod:`.measures`) or percent sign, and the qualifier beside it. Every pattern is
anchored at a position and bounded in length, so the work per number is constant and
the scan is linear in the text. Most look-arounds first test the one or two characters
beside the number that their pattern must start with, and run only if those could
start a match: most numbers have no currency, unit or qualifier, and a failed test of
a character is much cheaper than a failed pattern. A second pass over the mentions
joins ranges ("$1-2 billion", "between 3 and 5 kg") and stated equivalents ("380
billion yuan (US$52.4 billion)").
"""

from __future__ import annotations

from typing import Final

import regex

from factcheck.extractor import lexicon
from factcheck.extractor.context import BLANKS, SP, lazy_pattern, words_after
from factcheck.extractor.counts import (
    is_count,
    is_name_before,
    is_spelled_count,
    is_year,
    noun_after,
    noun_set_against,
)
from factcheck.extractor.durations import (
    is_age,
    is_temperature_difference,
    read_clock,
)
from factcheck.extractor.measures import Measure, unit_after
from factcheck.extractor.money import (
    currency_after,
    currency_before,
    currency_words_after,
    dollar_country_after,
)
from factcheck.extractor.numbers import (
    FRACTION_CHARS,
    GROUP_SPACES,
    CoreMatch,
    Number,
    is_word_core,
    parse_digits,
    parse_word_core,
    precision_of_digits,
    scale_of,
)
from factcheck.extractor.qualifiers import (
    qualifier_after,
    qualifier_before,
    qualifier_key,
)
from factcheck.extractor.units import (
    MULTIPLE_UNITS,
    SYMBOL_UNITS,
    TEMPERATURES,
    TIME_UNITS,
)
from factcheck.model import Kind

# -- right of the number --------------------------------------------------------------


def _after_blanks(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is no white space ("" at the end)."""
    n = len(text)
    while pos < n and text[pos] in BLANKS:
        pos += 1
    return text[pos : pos + 1]


def _after_space(text: str, pos: int) -> str:
    """The character at ``pos``, or the next one if that is a space ("" at the end)."""
    c = text[pos : pos + 1]
    return text[pos + 1 : pos + 2] if c in (" ", "\t", "\u00a0") else c


_SCALE_AFTER: Final = regex.compile(
    # "Rs9.2tr": Pakistan's and Britain's press glue "tr" for trillion; "RM393.8bil",
    # "RM88.6mil": Malaysia's press glues "bil" and "mil"
    r"\G(?:(?P<glued>bn|mn|mln|bln|bil|mil|tn|trn|tr|[kKmMbBT]|MM|cr)(?![A-Za-z])"
    rf"|(?:-|{SP})?(?P<word>(?i:lakh|lakhs|lacs?|crores?|thousand|million|millions|billion"
    r"|billions|trillion|trillions|quadrillions?|hundred|grand)|bn|mn|mln|bln|tn|trn"
    r"|cr\b\.?)(?![A-Za-z]))"
)
#: first letters of the scale words, and of the glued abbreviations
_SCALE_WORD_FIRST: Final = frozenset("lLcCtTmMbBhHgGqQ")
_SCALE_FIRST: Final = _SCALE_WORD_FIRST | frozenset("kK")
_SCALE_SECOND: Final = regex.compile(
    rf"\G{SP}(?P<word>(?i:crore|crores|million|billion))\b"
)
#: what :data:`_SCALE_SECOND` needs after the white space ((?i) folds no other
#: character to these letters)
_SCALE_SECOND_FIRST: Final = frozenset("cCmMbB")
_PERCENT_AFTER: Final = regex.compile(
    r"\G(?:[ \t\u00a0]|-(?=[A-Za-z]))?(?:(?P<pp>(?i:percentage[ \t-]points?|pp|ppts?)\b)"
    r"|(?P<bp>(?i:basis[ \t-]points?|bps|bp)\b)"
    r"|(?P<pct>%|(?i:percents?|per[ \t]?cent|pct|percentage)\b|pc\b))"
)  # "5pc": the British press's percent (lower case: "5 PCs" are computers)
_PERCENT_FIRST: Final = frozenset("%pPbB")


def _may_have_scale(text: str, pos: int) -> bool:
    c = text[pos : pos + 1]
    if c in _SCALE_FIRST:
        return True
    if c == "-":
        return text[pos + 1 : pos + 2] in _SCALE_WORD_FIRST
    return c in BLANKS and _after_blanks(text, pos) in _SCALE_WORD_FIRST


def _may_have_percent(text: str, pos: int) -> bool:
    """What :data:`_PERCENT_AFTER` needs: one of its first characters, past a space
    or a hyphen before a word ("3.4-percent", "a 25-basis-point cut")."""
    c = text[pos : pos + 1]
    if c == "-":
        c = text[pos + 1 : pos + 2]
        return c.isalpha() and c in _PERCENT_FIRST
    return _after_space(text, pos) in _PERCENT_FIRST


#: a point of a rate after a fraction in words ("half a point", "a quarter-point")
_POINT_AFTER: Final = lazy_pattern(r"\G(?:[ \t]+|-)points?\b")
#: words of rates near "half a point" that make it percentage points
_RATE_WORDS: Final = lazy_pattern(
    r"(?i:\b(?:rates?|yields?|interest|inflation|percent|per[ \t]cent|basis"
    r"|borrowing|lending|mortgages?|repo|central[ \t]bank|Fed|unemployment)\b|%)"
)
#: how far around "half a point" the words of rates are looked for
_RATE_REACH: Final = 160


def _is_rate_point(text: str, pos: int) -> bool:
    """ "cut rates by half a point": a fraction of a percentage point, where the
    text around it speaks of rates (a gymnast loses by half a point)."""
    return _POINT_AFTER().match(text, pos) is not None and (
        _RATE_WORDS().search(text, max(0, pos - _RATE_REACH), pos + _RATE_REACH)
        is not None
    )


#: "half a mile", "a quarter of a point", "0.08 of a second": the article between a
#: fraction and its unit (after digits, with "of")
_ARTICLE_AFTER: Final = lazy_pattern(r"\G(?:[ \t]+of)?[ \t]+an?(?=[ \t])")
_OF_ARTICLE_AFTER: Final = lazy_pattern(r"\G[ \t]+of[ \t]+an?(?=[ \t])")


def _past_article(text: str, pos: int, spelled: bool) -> int:
    """Past the article after a fraction, where a measure follows it."""
    if text[pos : pos + 1] not in (" ", "\t"):
        return pos
    am = (_ARTICLE_AFTER() if spelled else _OF_ARTICLE_AFTER()).match(text, pos)
    if am is None:
        return pos
    after = am.end()
    if has_measure_after(text, after) or _POINT_AFTER().match(text, after):
        return after
    return pos


def _is_unit_read(text: str, start: int, pos: int, found: Measure) -> bool:
    """Whether a unit found after a number is one: "5C" after a name is a model
    ("iPhone 5C"), and "second" before a hyphen an ordinal ("one second-half goal")."""
    end, unit, _ = found
    if unit in TEMPERATURES and end - pos == 1 and is_name_before(text, start):
        return False
    return not (unit == "second" and text[end : end + 1] == "-")


#: what stands before "over" when it means "during", not "more than": an amount,
#: or an amount and a noun or two ("$5bn over three years", "a N330bn fine over
#: five years") or a verb or noun of spreading ("phased in over two years", "paid in
#: instalments over three years")
_DURING_BEFORE: Final = lazy_pattern(
    r"(?r)(?:(?:[0-9%]|(?<![A-Za-z])(?i:million|billion|trillion|bn|mn|m|crore|lakh|dollars"
    r"|euros|pounds|yuan|yen|rupees))"
    # a noun or two, not a verb of lasting ("12 men lasted over two years")
    r"(?:[ \t]+(?!(?:took|takes|take|lasts|last|spent|is|was|were|are|been|be|for)\b)"
    r"[a-z]+(?<!ed)){0,2}"
    r"|(?<![A-Za-z])(?i:spread|phased[ \t]in|phased|staggered|paid|repaid"
    r"|payable|amortised|amortized|invested|disbursed|distributed|out|instalments"
    r"|installments))[ \t]+$"
)


def _is_over_a_period(text: str, qstart: int | None) -> bool:
    """Whether the qualifier at ``qstart`` is "over" meaning "during" a period."""
    return (
        qstart is not None
        and text[qstart : qstart + 4].lower() == "over"
        and _DURING_BEFORE().match(text, max(0, qstart - 40), qstart) is not None
    )


def _clock_mention(text: str, number: Number, floor: int) -> Mention | None:
    """A race or elapsed time on a clock face ("2:04:12"), in seconds."""
    read = read_clock(text, number.start, number.end)
    if read is None:
        return None
    end, seconds, precision = read
    qualifier, qstart = qualifier_before(text, number.start, floor)
    return Mention(
        number.start, end, number, "quantity", seconds, precision, "second",
        qualifier, qstart, None, None, False, False, 1.0, None, False, end,
    )  # fmt: skip


def is_clock(text: str, m: Mention) -> bool:
    """Whether a mention is a clock-face duration (which the time-of-day shape of
    :class:`~.context.NotClaims` also covers)."""
    return m.unit == "second" and text[m.number.end : m.number.end + 1] == ":"


def is_finite(x: float) -> bool:
    """Whether ``x`` is neither infinite nor NaN (``inf - inf`` and ``nan - nan``
    are NaN): :func:`math.isfinite`, without a lookup in the math module, which the
    compiled extractor makes on every call."""
    return x - x == 0.0


def has_measure_after(text: str, pos: int) -> bool:
    """Whether a scale word, percent, currency or unit stands right after ``pos``."""
    if _may_have_scale(text, pos) and _SCALE_AFTER.match(text, pos) is not None:
        return True
    if _after_space(text, pos) in _PERCENT_FIRST and _PERCENT_AFTER.match(text, pos):
        return True
    words = words_after(text, pos)
    return (
        currency_after(text, pos, words) is not None
        or unit_after(text, pos, words, False) is not None
    )


# -- left of the number ---------------------------------------------------------------

_SIGN_WORD: Final = regex.compile(r"(?i:\b(?:minus|negative))[ \t]+$")
#: what the sign words end with ("minus", "negative"; ſ is a long s)
_SIGN_WORD_LAST: Final = frozenset("sSeE\u017f \t")
_MENTION_FIELDS: Final = (
    "start", "end", "number", "kind", "value", "precision", "unit", "qualifier",
    "qualifier_start", "unit_note", "noun", "prefixed", "scaled", "scale",
    "range_bounds", "subunit", "suffix_start", "whole",
)  # fmt: skip


class Mention:
    """A number with what stands beside it, before ranges and equivalents are joined.

    A plain class, not attrs, for the reason :class:`~.numbers.Number` gives; treated
    as a value: :meth:`copy` and change the copy, never a mention already read."""

    __slots__ = _MENTION_FIELDS

    def __init__(  # noqa: PLR0917  (built positionally, once per number)
        self,
        start: int,
        end: int,
        number: Number,
        kind: Kind,
        value: float,
        precision: float,
        unit: str | None,
        qualifier: str | None = None,
        qualifier_start: int | None = None,
        unit_note: str | None = None,
        noun: str | None = None,
        prefixed: bool = False,  # currency stated before the number
        scaled: bool = False,
        scale: float = 1.0,
        range_bounds: tuple[float, float] | None = None,
        subunit: bool = False,  # "50 cents": stated in a sub-unit of the currency
        suffix_start: int | None = None,  # where what follows the number starts
        whole: float | None = None,  # "158 out of 325": the whole a part is of
    ) -> None:
        self.start = start
        self.end = end
        self.number = number
        self.kind: Kind = kind
        self.value = value
        self.precision = precision
        self.unit = unit
        self.qualifier = qualifier
        self.qualifier_start = qualifier_start
        self.unit_note = unit_note
        self.noun = noun
        self.prefixed = prefixed
        self.scaled = scaled
        self.scale = scale
        self.range_bounds = range_bounds
        self.subunit = subunit
        self.suffix_start = suffix_start
        self.whole = whole

    def copy(self) -> Mention:
        """A mention equal to this one, to change."""
        return Mention(
            self.start, self.end, self.number, self.kind, self.value, self.precision,
            self.unit, self.qualifier, self.qualifier_start, self.unit_note,
            self.noun, self.prefixed, self.scaled, self.scale, self.range_bounds,
            self.subunit, self.suffix_start, self.whole,
        )  # fmt: skip

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in _MENTION_FIELDS)
        return f"Mention({fields})"


_FRACTION_AFTER: Final = regex.compile(
    r"\G(?:/(?P<den1>[0-9]{1,2})|[ \t](?P<num>[0-9]{1,2})[ \t]?/[ \t]?(?P<den2>[0-9]{1,2}))(?![[0-9]/])"
)
_GOOD_DENOMINATORS: Final = frozenset({2, 3, 4, 8, 16})
_SIGN: Final = frozenset("-−–")
_SIGN_OK_BEFORE: Final = frozenset(' \t\n("“[<>=≤≥')
_UNIT_ADJECTIVES: Final = frozenset(
    ["tall", "long", "high", "wide", "deep", "thick", "away"]
)


def _letters_before(text: str, start: int) -> bool:
    """Letters glued to the digits ("A320", "v2"), or a letter and a full stop
    ("v.2", "No.5"; a currency abbreviation, "Rs.500", is read before this)."""
    if start == 0:
        return False
    c = text[start - 1]
    if c == "." and start >= 2:
        return text[start - 2].isalpha()
    return c.isalpha() or c == "_"


#: the value and precision of digit strings read before (most recur: "1", "2", "10")
_DIGITS_READ: Final[dict[str, tuple[float, float]]] = {}
_DIGITS_READ_MAX: Final = 4096


#: the most digits a number may have and still be read: a float holds no more
#: (``sys.float_info.max_10_exp``); a longer digit string states no claim
MOST_DIGITS: Final = 308


_NO_GROUP_SPACES: Final = str.maketrans("", "", GROUP_SPACES)


def _digit_number(text: str, m: CoreMatch) -> Number | None:
    s, e = m.span()
    digits = m.group()
    if e - s > MOST_DIGITS:
        return None
    if "," in digits and m.group("dc") is not None:
        # "45,00 €": a decimal comma, read as such only right beside a currency
        e = m.start("dc")
        if (
            currency_after(text, m.end(), words_after(text, m.end())) is not None
            or currency_before(text, s) is not None
        ):
            # the other commas group thousands ("1,234,56 €"): one decimal mark only
            whole = digits[: e - s].replace(",", "")
            digits, e = f"{whole}.{digits[e - s + 1 :]}", m.end()
        else:
            digits = digits[: e - s]
    if not digits.isdigit():
        digits = digits.translate(_NO_GROUP_SPACES)
    read = _DIGITS_READ.get(digits)
    if read is None:
        if len(_DIGITS_READ) >= _DIGITS_READ_MAX:
            _DIGITS_READ.clear()
        read = _DIGITS_READ[digits] = (
            parse_digits(digits),
            precision_of_digits(digits),
        )
    value, precision = read
    c = text[e : e + 1]
    if c == "/" or (c in (" ", "\t") and "0" <= text[e + 1 : e + 2] <= "9"):
        f = _FRACTION_AFTER.match(text, e)
        if f is not None:
            if f.group("den1"):
                den = int(f.group("den1"))
                if den in _GOOD_DENOMINATORS and value < den and "." not in digits:
                    return Number(s, f.end(), value / den, 1 / den)
                return None  # "9/11", "24/7": not an amount
            den = int(f.group("den2"))
            num = int(f.group("num"))
            if den in _GOOD_DENOMINATORS and num < den and "." not in digits:
                return Number(s, f.end(), value + num / den, 1 / den)
    if e < len(text) and text[e] in FRACTION_CHARS:
        return Number(s, e + 1, value + FRACTION_CHARS[text[e]], 0.25)
    return Number(s, e, value, precision)


def _core_number(text: str, m: CoreMatch) -> Number | None:
    if is_word_core(m):
        return parse_word_core(text, m)
    s = m.start()
    fraction = FRACTION_CHARS.get(text[s])
    if fraction is not None:
        return Number(s, s + 1, fraction, 0.25)
    return _digit_number(text, m)


#: scale abbreviations glued to digits before a range's hyphen ("5k-20k", "1bn-2bn")
_GLUED_SCALES: Final = frozenset(
    [
        "k", "K", "m", "M", "b", "B", "bn", "mn", "tn", "T", "trn", "tr", "mln", "bln",
        "bil", "mil",
    ]
)  # fmt: skip


#: what may follow a number that then has no scale, percent, currency, unit or
#: qualifier after it (each of those starts with a space, a letter or a sign), nor
#: a fraction or a range ("/", "-")
_ENDS_A_BARE_NUMBER: Final = frozenset([",", ".", ";", ":", ")", "!", "?", "\n", ""])


def _starts_number(text: str, pos: int) -> bool:
    """Whether a digit stands at ``pos``, past one space."""
    c = text[pos : pos + 1]
    if c in (" ", "\t", "\u00a0"):
        c = text[pos + 1 : pos + 2]
    return "0" <= c <= "9"


def _is_spaced_group(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start`` are a group of three after a space and digits,
    starting with 0: the tail of a number grouped with plain spaces ("3 250 000"),
    which no number starts with."""
    return (
        end - start == 3
        and start >= 2
        and text[start - 1] == " "
        and text[start - 2].isdigit()
    )


def _is_identifier_before(text: str, start: int, end: int) -> bool:
    """Letters glued to the digits ``text[start:end]``, or joined by a hyphen
    ("A320", "COVID-19", "Rule 10b-5")."""
    if start == 0:
        return False
    c = text[start - 1]
    if c in "#№":
        return True
    if c == "-" and start >= 2 and text[start - 2].isalpha():
        # "COVID-19" is a name; "5k-20k" and "$1bn-2bn" are ranges, whose second end
        # repeats the scale ("10b-5" does not: a name)
        b = start - 2
        while b > 0 and start - 1 - b < 3 and text[b - 1].isalpha():
            b -= 1
        letters = text[b : start - 1]
        return not (
            b > 0
            and text[b - 1].isdigit()
            and letters in _GLUED_SCALES
            and text.startswith(letters, end)
        )
    if c == "-" and start >= 2 and text[start - 2].isdigit():
        # "A320-200", "scp2-173": the letters and digits before the hyphen are a
        # code when they start with a letter ("10-15" and "5k-20k" start with digits)
        b = start - 2
        while b > 0 and text[b - 1].isalnum():
            b -= 1
        return text[b].isalpha()
    return False


def _is_sign_word_before(text: str, start: int) -> bool:
    """Whether "minus" or "negative" and a space may end right before ``start`` (or
    before a line break there, where ``$`` also matches)."""
    if text[start - 1 : start] == "\n":
        start -= 1
    return (
        start >= 2
        and text[start - 1] in (" ", "\t")
        and text[start - 2] in _SIGN_WORD_LAST
    )


def read_mention(text: str, m: CoreMatch, floor: int = 0) -> Mention | None:
    """Read the claim around one number core (a match of :func:`find_cores`), or
    ``None`` if it states none.

    Nothing before ``floor`` (the end of the previous claim) is read again."""
    number = _core_number(text, m)
    if number is None:
        return None
    start, pos = number.start, number.end
    if text[start] == "0" and _is_spaced_group(text, start, pos):
        return None  # the "000" of "3 250 000": no number of its own
    if text[pos : pos + 1] == ":" and not number.spelled:
        return _clock_mention(text, number, floor)
    if start >= 2 and text[start - 1] == "/" and text[start - 2].isdigit():
        return None  # the "25" of "FY2024/25", the "7" of "24/7"
    value, precision = number.value, number.precision

    # -- sign and what is glued on the left
    left = start
    if start > 0 and text[start - 1] in _SIGN and not number.spelled:
        before = text[start - 2] if start >= 2 else " "
        ranged = before in " \t" and start >= 3 and text[start - 3].isdigit()
        if (before in _SIGN_OK_BEFORE and not ranged) or start == 1:
            value, left = -value, start - 1
    elif _is_sign_word_before(text, start) and (
        sw := _SIGN_WORD.search(text, max(floor, start - 12), start)
    ):
        value, left = -value, sw.start()
    prefix = currency_before(text, left, floor)
    if prefix is None and not number.spelled and _letters_before(text, left):
        return None  # "A320", "v2", "m212"
    if prefix is None and _is_identifier_before(text, left, pos):
        return None
    if (
        prefix is None
        and text[pos : pos + 1] in _ENDS_A_BARE_NUMBER
        and is_year(text, start, pos)
        and not number.spelled
    ):
        return None  # "in 2023.": nothing after it could make it a claim

    # -- scale words
    scale = 1.0
    scaled = False
    suffix_start = pos
    sm = _SCALE_AFTER.match(text, pos) if _may_have_scale(text, pos) else None
    if sm is not None:
        word = sm.group("glued") or sm.group("word")
        factor = scale_of(word.rstrip("."))
        glued_m = sm.group("glued") in ("m", "M", "b", "B", "T", "k", "K")
        if factor is not None and glued_m and prefix is None:
            factor = _glued_scale_without_currency(
                text, start, sm.end(), sm.group("glued"), factor
            )
        if factor is not None:
            scale, scaled, pos = factor, True, sm.end()
            sm2 = (
                _SCALE_SECOND.match(text, pos)
                if _after_blanks(text, pos) in _SCALE_SECOND_FIRST
                else None
            )
            if sm2 is not None:
                pair = (word.lower(), sm2.group("word").lower().rstrip("s"))
                compound = lexicon.COMPOUND_SCALES.get(pair)
                if compound is not None:
                    scale, pos = compound, sm2.end()

    kind: Kind = "count"
    unit: str | None = None
    note: str | None = None
    noun: str | None = None
    currency_multiplier = 1.0
    end = pos

    if value < 1:
        # "half a mile", "a quarter of a point", "0.08 of a second"
        pos = end = _past_article(text, pos, number.spelled)
    c = text[pos : pos + 1]
    pm = (
        _PERCENT_AFTER.match(text, pos)
        if (
            _after_space(text, pos) in _PERCENT_FIRST
            if c != "-"
            else _may_have_percent(text, pos)
        )
        else None
    )
    if pm is not None:
        kind, end = "percent", pm.end()
        if pm.group("pct"):
            unit = "%"
        elif pm.group("pp"):
            unit = "pp"
        else:
            unit, currency_multiplier = "pp", 0.01
            precision *= 0.01
    # the words after the number, read once for currency names, units and dates
    words = words_after(text, pos) if kind == "count" else None
    if kind == "count":
        suffix = currency_after(text, pos, words, scaled)
        if (
            suffix is not None
            and prefix is not None
            and not text[suffix[0] - 1].isalpha()
            and _starts_number(text, suffix[0])
        ):
            suffix = None  # "$ 20,000.00 $ 37,305.97": the sign is the next amount's
        if suffix is not None:
            end, code, suffix_note, multiplier = suffix
            if prefix is None or prefix[1] == code or prefix[2] is not None:
                kind, unit, note, currency_multiplier = (
                    "money",
                    code,
                    suffix_note,
                    multiplier,
                )
                if not scaled:  # "75 USD million"
                    sm = _SCALE_SECOND.match(text, end)
                    if sm is not None:
                        factor = scale_of(sm.group("word").lower())
                        if factor:
                            scale, scaled, end = factor, True, sm.end()
    if kind == "count" and prefix is not None:
        kind, unit, note = "money", prefix[1], prefix[2]
        currency_multiplier = prefix[3]
        end = pos
        country = (
            dollar_country_after(text, pos)
            if prefix[2] is not None and text[prefix[0] : prefix[0] + 1] == "$"
            else None
        )
        if country is not None:
            # "$57 billion Canadian": a bare "$" named by the country after it
            end, unit, note = *country, None
        # "$ 10 dollars": the name repeats the sign
    if (
        kind == "money"
        and prefix is not None
        and prefix[2] is not None
        and unit != prefix[1]
    ):
        note = None  # an explicit name after the number settles an ambiguous sign
    if kind == "count":
        found = unit_after(text, pos, words, scaled)
        if found is not None and _is_unit_read(text, start, pos, found):
            end, unit, note = found
            kind = "quantity"
            if unit in MULTIPLE_UNITS:  # "two decades": 20 years
                unit, multiple, note = MULTIPLE_UNITS[unit]
                value, precision = value * multiple, precision * multiple
            if unit == "year" and text[end : end + 4] == "-old":
                end += 4  # "a 24-year-old": an age
        elif number.spelled and value < 1 and _is_rate_point(text, pos):
            kind, unit, end = "percent", "pp", _POINT_AFTER().match(text, pos).end()  # type: ignore[union-attr]
    if kind == "count":
        if not is_count(text, number, start, scaled, words):
            return None
        noun, end = noun_after(text, pos), pos
        if noun is None and not number.spelled:
            noun = noun_set_against(text, start)
        if number.spelled and not is_spelled_count(text, number, noun, floor):
            return None
        if (
            number.spelled
            and number.value == 1
            and noun
            and noun.endswith("s")
            and not noun.endswith("ss")
        ):
            return None  # "one expects": a pronoun before a verb
        if noun is None and not scaled and is_age(text, start, pos, value, floor):
            kind, unit = "quantity", "year"  # "aged 31", "the senator, 71,"

    qualifier, qstart = qualifier_before(text, prefix[0] if prefix else left)
    if qualifier is None:
        qm = qualifier_after(text, end)
        if qm is not None:
            if qm.group("plus"):
                qualifier, end = "gt", qm.end()
            elif kind != "count" or qualifier_key(qm.group("q")) != "or so":
                qualifier = lexicon.QUALIFIERS_AFTER[qualifier_key(qm.group("q"))]
                end = qm.end()
    if qualifier == "gt" and unit in TIME_UNITS and _is_over_a_period(text, qstart):
        qualifier = qstart = None  # "$5bn over three years": during, not more than
    if (
        kind == "quantity"
        and unit is not None
        and unit in TEMPERATURES
        and is_temperature_difference(text, qstart if qstart is not None else left, end)
    ):
        unit = TEMPERATURES[unit]  # "1.2C above the average": a difference
    if noun is None and kind != "count":
        noun = noun_after(text, end)
    value = value * scale * currency_multiplier
    precision = precision * scale * (currency_multiplier if kind == "money" else 1.0)
    if not (is_finite(value) and is_finite(precision)):
        return None  # more than a float holds ("9" * 300 " trillion")
    # positional, in field order: a third cheaper than keywords, once per mention
    return Mention(
        prefix[0] if prefix else left,  # start
        end,
        number,
        kind,
        value,
        precision,
        unit,
        qualifier,
        qstart,  # qualifier_start
        note,  # unit_note
        noun,
        prefix is not None,  # prefixed
        scaled,
        scale,
        None,  # range_bounds
        currency_multiplier < 1.0 and kind == "money",  # subunit
        suffix_start,
    )


def _glued_scale_without_currency(
    text: str, start: int, after: int, letter: str, factor: float
) -> float | None:
    """ "5m" with no currency sign: million before a currency word or a plural noun
    ("5m users") or as the end of a range of money ("$1m-2m"), metre otherwise
    ("1.8m tall"); "100t" never reaches here."""
    if letter in ("k", "K"):
        return factor
    if _ends_money_range(text, start, letter):
        return factor
    if letter not in ("m", "M"):
        return (
            factor
            if letter in ("b", "B", "T") and _next_is_money_or_plural(text, after)
            else None
        )
    if (
        _next_is_money_or_plural(text, after)
        or _next_is_unit_symbol(text, after)
        or _PEOPLE_OF.search(text, max(0, start - 30), start)
    ):
        return factor
    return None


#: unit symbols that are also English words or a lone letter, never read as the
#: unit of a scaled number after them ("5m in 2023", "2m t" is no tonnage)
_SYMBOLS_AS_WORDS: Final = frozenset(
    ["in", "m", "t", "g", "l", "min", "ms", "rad", "sec"]
)


def _next_is_unit_symbol(text: str, pos: int) -> bool:
    """Whether a unit's symbol follows a glued "m": "1.5m km", "20m kg" are millions
    of that unit (no length is measured in metres of kilometres)."""
    w = words_after(text, pos)
    if w is None or text[pos : pos + 1] not in (" ", "\u00a0"):
        return False
    word = w.group("w1").rstrip(".,;:'’)")
    return word in SYMBOL_UNITS and word not in _SYMBOLS_AS_WORDS


#: a body of people right before a number: "an active population of 22.8m"
_PEOPLE_OF: Final = regex.compile(
    r"\b(?i:population|electorate|workforce|labour[ \t]+force|labor[ \t]+force)"
    r"[ \t\u00a0]+of[ \t\u00a0]+(?:(?i:about|some|nearly|almost|around|over)[ \t\u00a0]+)?$"
)


def _ends_money_range(text: str, start: int, letter: str) -> bool:
    """Whether the number at ``start`` ends a range whose first end is an amount of
    money with the same glued letter: "$1m-2m", "€5m–6m"."""
    if start < 3 or text[start - 1] not in "-–" or text[start - 2] != letter:
        return False
    at = start - 2
    while at > 0 and (text[at - 1].isdigit() or text[at - 1] in ".,"):
        at -= 1
    return at < start - 2 and currency_before(text, at) is not None


def _next_is_money_or_plural(text: str, pos: int) -> bool:
    w = words_after(text, pos)
    if w is None or text[pos] == "-":
        return False
    word = w.group("w1")
    if currency_words_after(word, w.group("w2"), w.group("w3")) is not None:
        return True
    if _is_plural_noun(word):
        return True
    # "58.8m registered voters", "5m new jobs": a participle or a counting
    # adjective before the plural noun counted ("the 34m bridge spans" is a length)
    second = (w.group("w2") or "").rstrip(".,;:'’")
    return (
        word.isalpha()
        and ((word.endswith("ed") and len(word) > 4) or word in _COUNTED_ADJECTIVES)
        and text[w.end("w1") : w.start("w2")].strip() == ""
        and _is_plural_noun(second)
    )


#: adjectives that stand between a count and its noun: "5m new jobs"
_COUNTED_ADJECTIVES: Final = frozenset(
    ["new", "active", "eligible", "other", "more", "foreign", "paying", "young"]
)


#: plurals without an "s" that count people: "34m people"
_PLURALS_WITHOUT_S: Final = frozenset(
    ["people", "children", "men", "women", "staff", "cattle", "personnel"]
)


def _is_plural_noun(word: str) -> bool:
    word = word.rstrip(".,;:'’")
    return word.islower() and (
        (word.endswith("s") and word not in _UNIT_ADJECTIVES and len(word) > 3)
        or word in _PLURALS_WITHOUT_S
    )
