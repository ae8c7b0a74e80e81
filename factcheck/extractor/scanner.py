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

import math

import regex

from factcheck.extractor import lexicon
from factcheck.extractor.context import BLANKS, MONTHS, SP, words_after
from factcheck.extractor.measures import unit_after
from factcheck.extractor.money import (
    currency_after,
    currency_before,
    currency_words_after,
)
from factcheck.extractor.numbers import (
    FRACTION_CHARS,
    NUMBER_AHEAD,
    CoreMatch,
    Number,
    is_word_core,
    parse_digits,
    parse_word_core,
    precision_of_digits,
    scale_of,
)
from factcheck.extractor.qualifiers import (
    has_qualifier,
    qualifier_after,
    qualifier_before,
    qualifier_key,
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


_SCALE_AFTER = regex.compile(
    r"\G(?:(?P<glued>bn|mn|mln|bln|tn|trn|[kKmMbBT]|MM|cr)(?![A-Za-z])"
    rf"|(?:-|{SP})?(?P<word>(?i:lakh|lakhs|lacs?|crores?|thousand|million|millions|billion"
    r"|billions|trillion|trillions|hundred|grand)|bn|mn|mln|bln|tn|trn|cr\b\.?)(?![A-Za-z]))"
)
#: first letters of the scale words, and of the glued abbreviations
_SCALE_WORD_FIRST = frozenset("lLcCtTmMbBhHgG")
_SCALE_FIRST = _SCALE_WORD_FIRST | frozenset("kK")
_SCALE_SECOND = regex.compile(rf"\G{SP}(?P<word>(?i:crore|crores|million|billion))\b")
#: what :data:`_SCALE_SECOND` needs after the white space ((?i) folds no other
#: character to these letters)
_SCALE_SECOND_FIRST = frozenset("cCmMbB")
_PERCENT_AFTER = regex.compile(
    r"\G[ \t\u00a0]?(?:(?P<pp>(?i:percentage[ \t-]points?|pp|ppts?)\b)"
    r"|(?P<bp>(?i:basis[ \t-]points?|bps|bp)\b)"
    r"|(?P<pct>%|(?i:percents?|per[ \t]?cent|pct|percentage)\b|pc\b))"
)  # "5pc": the British press's percent (lower case: "5 PCs" are computers)
_PERCENT_FIRST = frozenset("%pPbB")
_TIME_OR_ORDINAL_AFTER = regex.compile(
    r"\G(?:st|nd|rd|th|s)\b|\G[ \t]?(?:[ap]\.m\.|[ap]m\b|GMT|UTC|o'clock|BST|EST|ET)"
)
_TIME_FIRST = frozenset("apGUoBE")
_ORDINAL_FIRST = frozenset("snrt") | _TIME_FIRST


def _may_have_scale(text: str, pos: int) -> bool:
    c = text[pos : pos + 1]
    if c in _SCALE_FIRST:
        return True
    if c == "-":
        return text[pos + 1 : pos + 2] in _SCALE_WORD_FIRST
    return c in BLANKS and _after_blanks(text, pos) in _SCALE_WORD_FIRST


def _is_time_or_ordinal_after(text: str, pos: int) -> bool:
    c = text[pos : pos + 1]
    if c in (" ", "\t"):
        if text[pos + 1 : pos + 2] not in _TIME_FIRST:
            return False
    elif c not in _ORDINAL_FIRST:
        return False
    return _TIME_OR_ORDINAL_AFTER.match(text, pos) is not None


# -- left of the number ---------------------------------------------------------------

_SIGN_WORD = regex.compile(r"(?i:\b(?:minus|negative))[ \t]+$")
#: what the sign words end with ("minus", "negative"; ſ is a long s)
_SIGN_WORD_LAST = frozenset("sSeE\u017f \t")
#: the word before a number: read backwards from the number, so that one anchored
#: match finds what a search of the window for ``[A-Za-z][A-Za-z.]*[ \t]*$`` finds
#: (``$`` also matches before a line break that ends the window)
_WORD_BEFORE = regex.compile(r"(?r)(?P<w>[A-Za-z][A-Za-z.]*)[ \t\u00a0]*\n?")


_MENTION_FIELDS = (
    "start", "end", "number", "kind", "value", "precision", "unit", "qualifier",
    "qualifier_start", "unit_note", "noun", "prefixed", "scaled", "scale",
    "range_bounds", "subunit", "suffix_start",
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

    def copy(self) -> Mention:
        """A mention equal to this one, to change."""
        return Mention(
            self.start, self.end, self.number, self.kind, self.value, self.precision,
            self.unit, self.qualifier, self.qualifier_start, self.unit_note,
            self.noun, self.prefixed, self.scaled, self.scale, self.range_bounds,
            self.subunit, self.suffix_start,
        )  # fmt: skip

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in _MENTION_FIELDS)
        return f"Mention({fields})"


_FRACTION_AFTER = regex.compile(
    r"\G(?:/(?P<den1>[0-9]{1,2})|[ \t](?P<num>[0-9]{1,2})[ \t]?/[ \t]?(?P<den2>[0-9]{1,2}))(?![[0-9]/])"
)
_GOOD_DENOMINATORS = frozenset({2, 3, 4, 8, 16})
_LINE_NUMBERING = regex.compile(r"(?:^|\n)[ \t]*$")
_SIGN = frozenset("-−–")
_SIGN_OK_BEFORE = frozenset(' \t\n("“[<>=≤≥')
_UNIT_ADJECTIVES = frozenset(["tall", "long", "high", "wide", "deep", "thick", "away"])


def _letters_before(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalpha() or text[start - 1] == "_")


#: the value and precision of digit strings read before (most recur: "1", "2", "10")
_DIGITS_READ: dict[str, tuple[float, float]] = {}
_DIGITS_READ_MAX = 4096


#: the most digits a number may have and still be read: a float holds no more
#: (``sys.float_info.max_10_exp``); a longer digit string states no claim
MOST_DIGITS = 308


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
        digits = (
            digits.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
        )
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
_GLUED_SCALES = frozenset(
    ["k", "K", "m", "M", "b", "B", "bn", "mn", "tn", "T", "trn", "mln", "bln"]
)


#: what may follow a number that then has no scale, percent, currency, unit or
#: qualifier after it (each of those starts with a space, a letter or a sign), nor
#: a fraction or a range ("/", "-")
_ENDS_A_BARE_NUMBER = frozenset([",", ".", ";", ":", ")", "!", "?", "\n", ""])


def _is_year(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a year, as :func:`_is_count` reads
    one (four digits from 1800 to 2100)."""
    return (
        end - start == 4
        and "1800" <= text[start:end] <= "2100"
        and text[start:end].isdigit()
    )


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


def _is_identifier_before(text: str, start: int) -> bool:
    """Letters glued to the digits, or joined by a hyphen ("A320", "COVID-19")."""
    if start == 0:
        return False
    c = text[start - 1]
    if c in "#№":
        return True
    if c == "-" and start >= 2 and text[start - 2].isalpha():
        # "COVID-19" is a name; "5k-20k" and "$1bn-2bn" are ranges
        b = start - 2
        while b > 0 and start - 1 - b < 3 and text[b - 1].isalpha():
            b -= 1
        return not (
            b > 0 and text[b - 1].isdigit() and text[b : start - 1] in _GLUED_SCALES
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
    if prefix is None and _is_identifier_before(text, left):
        return None
    if (
        prefix is None
        and text[pos : pos + 1] in _ENDS_A_BARE_NUMBER
        and _is_year(text, start, pos)
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

    pm = (
        _PERCENT_AFTER.match(text, pos)
        if _after_space(text, pos) in _PERCENT_FIRST
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
        if found is not None:
            end, unit, note = found
            kind = "quantity"
    if kind == "count":
        if not _is_count(text, number, start, scaled, words):
            return None
        noun, end = _noun_after(text, pos), pos
        if number.spelled and not _is_spelled_count(text, number, noun, floor):
            return None
        if (
            number.spelled
            and number.value == 1
            and noun
            and noun.endswith("s")
            and not noun.endswith("ss")
        ):
            return None  # "one expects": a pronoun before a verb

    qualifier, qstart = qualifier_before(text, prefix[0] if prefix else left)
    if qualifier is None:
        qm = qualifier_after(text, end)
        if qm is not None:
            if qm.group("plus"):
                qualifier, end = "gt", qm.end()
            elif kind != "count" or qualifier_key(qm.group("q")) != "or so":
                qualifier = lexicon.QUALIFIERS_AFTER[qualifier_key(qm.group("q"))]
                end = qm.end()
    if noun is None and kind != "count":
        noun = _noun_after(text, end)
    value = value * scale * currency_multiplier
    precision = precision * scale * (currency_multiplier if kind == "money" else 1.0)
    if not (math.isfinite(value) and math.isfinite(precision)):
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


#: what a fraction word needs after it to state a share ("half of voters", "half
#: the staff", "a third of"), and the words before a bare "half" or "quarter" that
#: make it a period ("the second half", "in the quarter ended June")
_SHARE_AFTER = regex.compile(
    rf"{SP}(?i:of|the|its|their|his|her|our|a|an|all|million|billion|trillion)\b"
)
_PERIOD_BEFORE = regex.compile(
    r"(?r)\b(?i:the|first|second|third|fourth|last|next|this|that|each|per|every"
    r"|final|previous|one)[ \t]+"
)
_BY_BEFORE = regex.compile(r"(?r)\b(?i:by)[ \t]+")
#: "one in five", "2 out of 3": what joins the two numbers of a ratio (the join is
#: made in :func:`factcheck.extractor._ratio_of`; a spelled number before it is kept)
RATIO_JOINER = r"[ \t\u00a0]+(?:in|out[ \t]+of)[ \t\u00a0]+"
_RATIO_AFTER = regex.compile(rf"{RATIO_JOINER}{NUMBER_AHEAD}")


def _is_spelled_count(text: str, number: Number, noun: str | None, floor: int) -> bool:
    """Whether a number spelled in words, with no currency, unit or percent, states
    a count: a word below ten needs a noun, a qualifier or a ratio after it ("one
    said", "one of" are words); a fraction ("half", "two thirds") needs "of" or an
    article after it, "by" or a qualifier before it, and no period word before it
    ("the second half", "the quarter ended June", "the first three quarters")."""
    start, end = number.start, number.end
    if text[start:end].lower() == "quarter":
        return False  # alone, a quarter of a year ("a quarter of" starts at "a")
    if number.value < 1:
        # a share: "half of", "two-thirds of the", "cut by a third"; a period
        # otherwise ("the first half", "the first three quarters")
        if _PERIOD_BEFORE.match(text, max(floor, start - 10), start) is not None:
            return False
        return (
            _SHARE_AFTER.match(text, end) is not None
            or _BY_BEFORE.match(text, max(floor, start - 4), start) is not None
            or has_qualifier(text, start, end, floor)  # "below a half"
        )
    if noun is not None or has_qualifier(text, start, end, floor):
        return True
    if number.value >= 10 or not text[start:end].isalpha():
        return True  # "fifteen", "two thousand", "forty-five"
    return _RATIO_AFTER.match(text, end) is not None


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
    return factor if _next_is_money_or_plural(text, after) else None


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
    return (
        word.islower()
        and word.endswith("s")
        and word not in _UNIT_ADJECTIVES
        and len(word) > 3
    )


def _is_count(
    text: str,
    number: Number,
    start: int,
    scaled: bool,
    words: regex.Match[str] | None,
) -> bool:
    """Whether a bare number (no currency, unit or percent) is a count worth a claim.
    ``words`` is :func:`~factcheck.extractor.context.words_after` at its end."""
    if scaled:
        return True
    if _is_time_or_ordinal_after(text, number.end):
        return False
    nxt = text[number.end : number.end + 2]
    if nxt[:1].isalpha() or nxt[:1] == "_" or (nxt[:1] == "." and nxt[1:].isalpha()):
        return False  # "5G", "3D", "01.AI": an identifier
    if number.spelled and nxt[:1] == "-":
        return False  # "one-day loss", "three-year plan": an adjective
    if not number.spelled:
        if _is_year(text, number.start, number.end):
            return False  # a year
        if nxt[:1] in (".", ")") and _LINE_NUMBERING.search(
            text, max(0, start - 40), start
        ):
            return False  # list numbering
    bm = _WORD_BEFORE.match(text, max(0, start - 30), start)
    if bm is not None:
        word = bm.group("w").rstrip(".").lower()
        if word in MONTHS:
            return False  # "Feb. 24"
        if (
            not number.spelled
            and "," not in text[number.start : number.end]
            and _is_proper_noun_before(text, bm)
        ):
            return False  # "Boeing 737", "Section 230" (a name has no "2,000")
    # "24 February" is a date
    return not (
        words is not None
        and words.group("w1").rstrip(".,").lower() in MONTHS
        and text[number.end] != "-"
    )


def _is_proper_noun_before(text: str, bm: regex.Match[str]) -> bool:
    word = bm.group("w")
    if not word[:1].isupper() or word.rstrip(".").lower() in _SENTENCE_WORDS:
        return False
    i = bm.start() - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    # a capital after a sentence end is no sign of a name ("Read 300 pages")
    return i >= 0 and text[i] not in '.!?\n"“:;(*#-' and not text[i].isdigit()


#: capitalized words that begin sentences or headlines before a number
_SENTENCE_WORDS = frozenset(
    {
        "in", "by", "on", "at", "for", "from", "to", "of", "about", "over", "some",
        "nearly", "almost", "around", "only", "just", "all", "the", "a", "an", "and",
        "but", "or", "with", "since", "until", "after", "before", "up", "down", "rose",
        "fell", "than", "total", "headline",
    }
)  # fmt: skip


_NOUN_AFTER = regex.compile(
    rf"\G(?:{SP}(?:[A-Z][\w.&’'-]*|and|&)){{0,4}}?{SP}(?!and\b|or\b)(?P<w>[a-z][a-z-]*)"
)
_HYPHENED_WORD = regex.compile(r"\G(?P<w>[a-z][a-z]*)")
_NEXT_WORD = regex.compile(rf"\G{SP}(?P<w>[a-z][a-z-]*)")
#: words between a number and what it counts that say nothing about what it is
_SKIP_ADJECTIVES = frozenset(
    ["other", "more", "additional", "further", "new", "related", "such"]
)
_STOP_NOUNS = frozenset(
    {
        "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for",
        "from", "with", "as", "is", "was", "were", "be", "been", "are", "has", "have",
        "had", "that", "this", "these", "those", "it", "its", "than", "which", "who",
        "per", "up", "down", "more", "less", "over", "under", "about", "percent",
        "times", "time", "former", "other", "others", "new", "out",
    }
)  # fmt: skip


def _noun_after(text: str, pos: int) -> str | None:
    """The thing counted: up to two lower-case words after the number, past names
    ("1.64 million Hyundai and Genesis vehicles" counts vehicles)."""
    c = text[pos : pos + 1]
    if c == "-":
        if text[pos + 1 : pos + 5] in ("year", "old-"):
            return None
        m = _HYPHENED_WORD.match(text, pos + 1)
    elif c in BLANKS:
        m = _NOUN_AFTER.match(text, pos)
    else:
        return None
    words: list[str] = []
    while m is not None and len(words) < 3:
        clean = m.group("w").rstrip("-").lower()
        if clean in _STOP_NOUNS and words:
            break
        if clean not in _SKIP_ADJECTIVES or words:
            if clean in _STOP_NOUNS:
                break
            words.append(clean)
            if clean.endswith("s") and len(clean) > 3:
                break
        m = _NEXT_WORD.match(text, m.end())
    return " ".join(words) if words else None
