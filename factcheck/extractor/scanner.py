"""The claim scanner: finds each number, then reads outward from it.

One pass of a small pattern finds number cores (digit strings, number words); for
each, bounded look-arounds read the scale word, the currency or unit or percent sign,
and the qualifier beside it. Every pattern is anchored at a position and bounded in
length, so the work per number is constant and the scan is linear in the text.
A second pass over the mentions joins ranges ("$1-2 billion", "between 3 and 5 kg")
and stated equivalents ("380 billion yuan (US$52.4 billion)").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs
import regex

from factcheck.extractor import lexicon
from factcheck.extractor.context import MONTHS
from factcheck.extractor.numbers import (
    Number,
    parse_digits,
    parse_spelled,
    precision_of_digits,
    scale_of,
)
from factcheck.extractor.units import (
    AMBIGUOUS_WORD_UNITS,
    SYMBOL_UNITS,
    UNIT_NOTES,
    WORD_UNITS,
)
from factcheck.model import Kind

# -- number cores ---------------------------------------------------------------------

_WORD_ANCHORS = "|".join(
    sorted(
        [*lexicon.UNITS_WORDS, *lexicon.TENS_WORDS, "half", "quarter", "dozen", "a"],
        key=len,
        reverse=True,
    )
)
CORE = regex.compile(
    r"(?P<d>(?<![0-9,.])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}"
    r"|[0-9]{1,3}(?:[\u00a0\u202f\u2009][0-9]{3})+(?![0-9,])|[0-9]+)(?:\.[0-9]+|(?P<dc>,[0-9]{2}(?![0-9,])))?"
    r"|(?<![\w.,])\.[0-9]+)"
    r"|(?P<f>[½¼¾⅓⅔])"
    rf"|(?P<w>\b(?i:{_WORD_ANCHORS})\b)",
)
_FRACTION_CHARS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

#: white space that may separate the parts of one amount: spaces, or one line break
#: (soft-wrapped prose), never a blank line
_SP = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"

# -- right of the number --------------------------------------------------------------

_SCALE_AFTER = regex.compile(
    r"\G(?:(?P<glued>bn|mn|mln|bln|tn|trn|[kKmMbBT]|MM|cr)(?![A-Za-z])"
    rf"|(?:-|{_SP})?(?P<word>(?i:lakh|lakhs|lacs?|crores?|thousand|million|millions|billion"
    r"|billions|trillion|trillions|hundred|grand)|bn|mn|mln|bln|tn|trn|cr\b\.?)(?![A-Za-z]))"
)
_SCALE_SECOND = regex.compile(rf"\G{_SP}(?P<word>(?i:crore|crores|million|billion))\b")
_PERCENT_AFTER = regex.compile(
    r"\G[ \t\u00a0]?(?:(?P<pp>(?i:percentage[ \t-]points?|pp|ppts?)\b)"
    r"|(?P<bp>(?i:basis[ \t-]points?|bps|bp)\b)"
    r"|(?P<pct>%|(?i:percents?|per[ \t]?cent|pct|percentage)\b))"
)
_WORDS_AFTER = regex.compile(
    rf"\G(?:{_SP}|-)(?P<w1>[A-Za-z][A-Za-z.’']*)"
    rf"(?:{_SP}(?P<w2>[A-Za-z][A-Za-z.’'-]*)(?:{_SP}(?P<w3>[A-Za-z][A-Za-z.’'-]*))?)?"
)
_SYMBOL_AFTER = regex.compile(
    r"\G[ \t\u00a0]?(?P<s>[$€£¥₹₩₽₺₿₡₾₭₦₱₫₪฿元円¢]|ரூ|zł|Kč|US\$|HK\$|NT\$|[ACSR]\$|Rs\.?|RM|Rp)(?![A-Za-z])"
)
_CODE_AFTER = regex.compile(r"\G[ \t\u00a0]?(?P<m>M)?(?P<c>[A-Z]{3})\b")
_QUALIFIER_AFTER = regex.compile(
    r"\G(?:[ \t]*(?P<q>(?i:or more|and above|and up|or higher|or so|or less|or fewer"
    r"|and below))\b|(?P<plus>-plus\b|\+))"
)
_TIME_OR_ORDINAL_AFTER = regex.compile(
    r"\G(?:st|nd|rd|th|s)\b|\G[ \t]?(?:[ap]\.m\.|[ap]m\b|GMT|UTC|o'clock|BST|EST|ET)"
)

# -- left of the number ---------------------------------------------------------------

_QUALIFIER_WORDS = "|".join(
    regex.escape(q) for q in sorted(lexicon.QUALIFIERS_BEFORE, key=len, reverse=True)
)
_QUALIFIER_BEFORE = regex.compile(
    rf"(?:^|(?<=[\s(\[\"“,;:—–-]))(?P<q>(?i:{_QUALIFIER_WORDS}))"
    rf"(?:(?<=[<>=≤≥])[ \t]*|{_SP}(?:(?i:just|well|slightly|a[ \t]little)[ \t]+)?)$"
)
_BETWEEN_BEFORE = regex.compile(r"(?i:\bbetween|\bfrom)[ \t\u00a0]+$")
_WORD_BEFORE = regex.compile(r"(?P<w>[A-Za-z][A-Za-z.]*)[ \t\u00a0]*$")


_NAME_WORDS = "|".join(
    sorted(
        {w for word in lexicon.DEFAULT_CODE_FOR_WORD for w in (word, word + "s")}
        - {
            "real",
            "reals",
            "mark",
            "marks",
            "won",
            "wons",
            "rand",
            "rands",
            "dong",
            "dongs",
        },
        key=len,
        reverse=True,
    )
)


@functools.cache
def _currency_prefix_pattern() -> regex.Pattern[str]:
    lex = lexicon.currency_lexicon()

    def form(f: str) -> str:
        body = regex.escape(f).replace(r"\ ", r"[ \t]?").replace(r"\.", r"\.?")
        if f in lexicon.CASELESS_PREFIXES:
            body = f"(?i:{body})"
        return rf"(?<![A-Za-z'’]){body}" if f[:1].isalpha() else body

    forms = "|".join(form(f) for f in sorted(lex.symbols, key=len, reverse=True))
    return regex.compile(
        rf"(?:(?P<sym>{forms})|(?<![A-Za-z])(?P<m>M)?(?P<code>[A-Za-z]{{3}})(?P<dollar>\$)?"
        rf"|(?<![A-Za-z])(?P<name>(?i:{_NAME_WORDS})))[ \t\u00a0]*$"
    )


@functools.cache
def _normalized_symbols() -> Mapping[str, str]:
    lex = lexicon.currency_lexicon()
    return {_norm_symbol(k): v for k, v in lex.symbols.items()}


def _norm_symbol(text: str) -> str:
    return text.replace(" ", "").replace("\t", "").replace(".", "").lower()


#: lower-case codes accepted next to a number (tokenized text writes "usd 20")
_LOWER_CODES = frozenset(
    [
        "usd",
        "eur",
        "gbp",
        "jpy",
        "cny",
        "rmb",
        "inr",
        "krw",
        "hkd",
        "aud",
        "sgd",
        "chf",
        "twd",
        "brl",
        "rub",
        "mxn",
        "nzd",
        "zar",
        "sek",
        "nok",
        "dkk",
        "idr",
        "myr",
        "php",
        "thb",
        "vnd",
        "aed",
        "sar",
    ]
)


@attrs.frozen
class Mention:
    """A number with what stands beside it, before ranges and equivalents are joined."""

    start: int
    end: int
    number: Number
    kind: Kind
    value: float
    precision: float
    unit: str | None
    qualifier: str | None = None
    qualifier_start: int | None = None
    unit_note: str | None = None
    noun: str | None = None
    prefixed: bool = False  # currency stated before the number
    scaled: bool = False
    scale: float = 1.0
    range_bounds: tuple[float, float] | None = None
    subunit: bool = False  # "50 cents": stated in a sub-unit of the currency
    suffix_start: int | None = (
        None  # where what follows the number (scale, unit) starts
    )


def _currency_before(
    text: str, start: int, floor: int = 0
) -> tuple[int, str, str | None, float] | None:
    """A currency sign or code ending right before ``start`` and not before ``floor``:
    (its start, code, note, multiplier)."""
    window_start = max(floor, start - 12)
    window = text[window_start:start]
    if not window or window[-1] in "\n":
        return None
    m = _currency_prefix_pattern().search(window)
    if m is None:
        return None
    lex = lexicon.currency_lexicon()
    if m.group("sym"):
        key = _norm_symbol(m.group("sym"))
        code = _normalized_symbols().get(key)
        if code is None:
            return None
        raw = m.group("sym").strip()
        note = None
        if raw in lexicon.AMBIGUOUS_SYMBOLS:
            note = f"'{raw}' read as {code}: no other sign of the currency"
        return window_start + m.start(), code, note, 1.0
    if m.group("code"):
        code_text = m.group("code")
        upper = code_text.upper()
        if code_text != upper and code_text.lower() not in _LOWER_CODES:
            return None
        if upper == "RMB":
            upper = "CNY"
        if upper not in lex.codes or upper in lexicon.CODE_LOOKALIKES:
            return None
        if m.end("code") == len(window) and upper.lower() not in _LOWER_CODES:
            return (
                None  # "COP29", "G20": glued to the digits, a name unless a major code
            )
        multiplier = 1e6 if m.group("m") else 1.0
        return window_start + m.start(), upper, None, multiplier
    name = m.group("name").lower()
    code = lex.names.get(name)
    if code is None:
        return None
    return window_start + m.start(), code, f"'{name}' read as {code}", 1.0


def _currency_words_after(
    w1: str, w2: str | None, w3: str | None
) -> tuple[int, str, str | None] | None:
    """(how many words, code, note) for a currency name in up to three words."""
    names = lexicon.currency_lexicon().names
    words = [w1, w2, w3]
    for n in (3, 2, 1):
        parts = words[:n]
        if any(p is None for p in parts):
            continue
        phrase = " ".join(p for p in parts if p).lower().rstrip(".,")
        code = names.get(phrase)
        if code is None and phrase.endswith("'s"):
            continue
        if code is not None:
            note = None
            last = phrase.split()[-1]
            if (
                n == 1
                and last.rstrip("s") in lexicon.DEFAULT_CODE_FOR_WORD
                and last
                not in (
                    "yuan",
                    "euro",
                    "euros",
                    "yen",
                    "renminbi",
                    "rmb",
                )
            ):
                note = f"'{phrase}' read as {code}: no country given"
            return n, code, note
    return None


def _word_end(wm: regex.Match[str], n: int) -> int:
    """Where the n-th word of a match ends, less sentence punctuation ("rupees.")."""
    word = wm.group(f"w{n}")
    return wm.start(f"w{n}") + len(word.rstrip(".,;:'’"))


def _unit_words_after(
    w1: str, w2: str | None, w3: str | None
) -> tuple[int, str, str | None] | None:
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


_PER_AFTER = regex.compile(
    r"\G(?:[ \t]+(?:per|an|a)[ \t]+|/)(?P<u>hour|day|year|second|millisecond|hr|h|d|ms|s)\b"
)
_PER_UNITS = {"hour": "hour", "hr": "hour", "h": "hour", "day": "day", "d": "day",
              "year": "year", "second": "second", "s": "second",
              "millisecond": "millisecond", "ms": "millisecond"}  # fmt: skip

_STOP_NOUNS = frozenset(
    [
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "than",
        "which",
        "who",
        "per",
        "up",
        "down",
        "more",
        "less",
        "over",
        "under",
        "about",
        "percent",
        "times",
        "time",
        "former",
        "other",
        "others",
        "new",
        "more",
    ]
)

_FRACTION_AFTER = regex.compile(
    r"\G(?:/(?P<den1>[0-9]{1,2})|[ \t](?P<num>[0-9]{1,2})[ \t]?/[ \t]?(?P<den2>[0-9]{1,2}))(?![[0-9]/])"
)
_GOOD_DENOMINATORS = frozenset({2, 3, 4, 8, 16})
_LINE_NUMBERING = regex.compile(r"(?:^|\n)[ \t]*$")
_SIGN = frozenset("-−–")
_SIGN_WORD = regex.compile(r"(?i:\b(?:minus|negative))[ \t]+$")
_SIGN_OK_BEFORE = frozenset(' \t\n("“[')
_UNIT_ADJECTIVES = frozenset(["tall", "long", "high", "wide", "deep", "thick", "away"])


def _letters_before(text: str, start: int) -> bool:
    return start > 0 and (text[start - 1].isalpha() or text[start - 1] == "_")


def _digit_number(text: str, m: regex.Match[str]) -> Number | None:
    s, e = m.span("d")
    digits = m.group("d")
    if m.group("dc") is not None:
        # "45,00 €": a decimal comma, read as such only right beside a currency
        e = m.start("dc")
        if (
            _currency_after(text, m.end()) is not None
            or _currency_before(text, s) is not None
        ):
            digits, e = digits.replace(",", "."), m.end()
        else:
            digits = digits[: e - s]
    digits = digits.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    value = parse_digits(digits)
    precision = precision_of_digits(digits)
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
    if e < len(text) and text[e] in _FRACTION_CHARS:
        return Number(s, e + 1, value + _FRACTION_CHARS[text[e]], 0.25)
    return Number(s, e, value, precision)


def _core_number(text: str, m: regex.Match[str]) -> Number | None:
    if m.group("d") is not None:
        return _digit_number(text, m)
    if m.group("f") is not None:
        s, e = m.span("f")
        return Number(s, e, _FRACTION_CHARS[m.group("f")], 0.25)
    return parse_spelled(text, m.start())


def _is_identifier_before(text: str, start: int) -> bool:
    """Letters glued to the digits, or joined by a hyphen ("A320", "COVID-19")."""
    if start == 0:
        return False
    c = text[start - 1]
    if c in "#№":
        return True
    if c == "-" and start >= 2 and text[start - 2].isalpha():
        # "COVID-19" is a name; "5k-20k" and "$1bn-2bn" are ranges
        return not (
            start >= 3 and text[start - 3].isdigit() and text[start - 2] in "kKmMbBnT"
        )
    return False


def read_mention(text: str, m: regex.Match[str], floor: int = 0) -> Mention | None:
    """Read the claim around one number core, or ``None`` if it states none.

    Nothing before ``floor`` (the end of the previous claim) is read again."""
    number = _core_number(text, m)
    if number is None:
        return None
    start, pos = number.start, number.end
    value, precision = number.value, number.precision

    # -- sign and what is glued on the left
    left = start
    if start > 0 and text[start - 1] in _SIGN and not number.spelled:
        before = text[start - 2] if start >= 2 else " "
        ranged = before in " \t" and start >= 3 and text[start - 3].isdigit()
        if (before in _SIGN_OK_BEFORE and not ranged) or start == 1:
            value, left = -value, start - 1
    elif (sw := _SIGN_WORD.search(text, max(floor, start - 12), start)) is not None:
        value, left = -value, sw.start()
    prefix = _currency_before(text, left, floor)
    if prefix is None and not number.spelled and _letters_before(text, left):
        return None  # "A320", "v2", "m212"
    if prefix is None and _is_identifier_before(text, left):
        return None

    # -- scale words
    scale = 1.0
    scaled = False
    suffix_start = pos
    sm = _SCALE_AFTER.match(text, pos)
    if sm is not None:
        word = sm.group("glued") or sm.group("word")
        factor = scale_of(word.rstrip("."))
        glued_m = sm.group("glued") in ("m", "M", "b", "B", "T", "k", "K")
        if factor is not None and glued_m and prefix is None:
            factor = _glued_scale_without_currency(
                text, sm.end(), sm.group("glued"), factor
            )
        if factor is not None:
            scale, scaled, pos = factor, True, sm.end()
            sm2 = _SCALE_SECOND.match(text, pos)
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

    pm = _PERCENT_AFTER.match(text, pos)
    if pm is not None:
        kind, end = "percent", pm.end()
        if pm.group("pct"):
            unit = "%"
        elif pm.group("pp"):
            unit = "pp"
        else:
            unit, currency_multiplier = "pp", 0.01
            precision *= 0.01
    if kind == "count":
        suffix = _currency_after(text, pos, scaled)
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
        found = _unit_after(text, pos, number, scaled)
        if found is not None:
            end, unit, note = found
            kind = "quantity"
    if kind == "count":
        if not _is_count(text, number, start, pos, scaled):
            return None
        noun, end = _noun_after(text, pos), pos
        if (
            number.spelled
            and noun is None
            and not _has_qualifier(text, start, pos, floor)
        ):
            return None  # "one of", "one said": a word, not a number
        if (
            number.spelled
            and number.value == 1
            and noun
            and noun.endswith("s")
            and not noun.endswith("ss")
        ):
            return None  # "one expects": a pronoun before a verb

    qualifier, qstart = _qualifier_before(text, prefix[0] if prefix else left)
    qm = _QUALIFIER_AFTER.match(text, end)
    if qualifier is None and qm is not None:
        if qm.group("plus"):
            qualifier, end = "gt", qm.end()
        elif kind != "count" or qm.group("q").lower() != "or so":
            qualifier = lexicon.QUALIFIERS_AFTER[qm.group("q").lower()]
            end = qm.end()
    if noun is None and kind != "count":
        noun = _noun_after(text, end)
    value = value * scale * currency_multiplier
    precision = precision * scale * (currency_multiplier if kind == "money" else 1.0)
    return Mention(
        start=prefix[0] if prefix else left,
        end=end,
        number=number,
        kind=kind,
        value=value,
        precision=precision,
        unit=unit,
        qualifier=qualifier,
        qualifier_start=qstart,
        unit_note=note,
        noun=noun,
        prefixed=prefix is not None,
        scaled=scaled,
        scale=scale,
        suffix_start=suffix_start,
        subunit=currency_multiplier < 1.0 and kind == "money",
    )


def _glued_scale_without_currency(
    text: str, after: int, letter: str, factor: float
) -> float | None:
    """ "5m" with no currency sign: million before a currency word or a plural noun
    ("5m users"), metre otherwise ("1.8m tall"); "100t" never reaches here."""
    if letter in ("k", "K"):
        return factor
    if letter not in ("m", "M"):
        return (
            factor
            if letter in ("b", "B", "T") and _next_is_money_or_plural(text, after)
            else None
        )
    return factor if _next_is_money_or_plural(text, after) else None


def _next_is_money_or_plural(text: str, pos: int) -> bool:
    w = _WORDS_AFTER.match(text, pos)
    if w is None or text[pos] == "-":
        return False
    word = w.group("w1")
    if _currency_words_after(word, w.group("w2"), w.group("w3")) is not None:
        return True
    return (
        word.islower()
        and word.endswith("s")
        and word not in _UNIT_ADJECTIVES
        and len(word) > 3
    )


_STERLING_AFTER = regex.compile(r"\G[ \t]+(?i:sterling|stg)\b")


def _is_sterling(text: str, end: int) -> bool:
    return _STERLING_AFTER.match(text, end) is not None


def _currency_after(
    text: str, pos: int, scaled: bool = True
) -> tuple[int, str, str | None, float] | None:
    """A currency sign, code or name right after a number: (end, code, note, multiplier)."""
    sm = _SYMBOL_AFTER.match(text, pos)
    if sm is not None:
        raw = sm.group("s")
        if raw == "¢":
            return sm.end(), "USD", "'¢' read as US cents", 0.01
        code = _normalized_symbols().get(_norm_symbol(raw))
        if code is not None:
            note = (
                f"'{raw}' read as {code}: no other sign of the currency"
                if raw in lexicon.AMBIGUOUS_SYMBOLS
                else None
            )
            return sm.end(), code, note, 1.0
    cm = _CODE_AFTER.match(text, pos)
    if cm is not None:
        code = cm.group("c")
        code = {"RMB": "CNY", "BTC": "XBT"}.get(code, code)
        lex = lexicon.currency_lexicon()
        if code in lex.codes and code not in lexicon.CODE_LOOKALIKES:
            return cm.end(), code, None, 1e6 if cm.group("m") else 1.0
    wm = _WORDS_AFTER.match(text, pos)
    if wm is not None:
        w1 = wm.group("w1")
        bare = w1.rstrip(".,")
        if bare in _LOWER_CODES:
            code = "CNY" if bare == "rmb" else bare.upper()
            return wm.start("w1") + len(bare), code, None, 1.0
        found = _currency_words_after(w1, wm.group("w2"), wm.group("w3"))
        if (
            found is not None
            and found[0] == 1
            and not scaled
            and bare.lower() in ("pound", "pounds")
            and not _is_sterling(text, wm.end("w1"))
        ):
            return None  # "two pounds" of weight; "361 million pounds" is money
        if found is not None:
            n, code, note = found
            last = wm.group(f"w{n}").lower().rstrip(".,")
            multiplier = 1 / lexicon.SUBUNITS[last] if last in lexicon.SUBUNITS else 1.0
            return _word_end(wm, n), code, note, multiplier
    return None


_SYMBOL_UNIT_AT = regex.compile(
    r"\G(?P<sp>[ \t\u00a0]?)(?P<g>[A-Za-zµμ°º\"²³]+[23²³]?(?:/[A-Za-z]+)?)"
)
#: one- and two-letter symbols that after a space are more often words than units
_SPACED_SYMBOL_WORDS = frozenset({"in", '"', "a", "l", "mi", "ha", "mt", "MT", "g"})


def _unit_after(
    text: str, pos: int, number: Number, scaled: bool
) -> tuple[int, str, str | None] | None:
    """A unit right after the number (glued, spaced, or hyphenated): (end, unit, note)."""
    found = _symbol_unit_at(text, pos, scaled)
    if found is None:
        wm = _WORDS_AFTER.match(text, pos)
        if wm is None:
            return None
        words = _unit_words_after(wm.group("w1"), wm.group("w2"), wm.group("w3"))
        if words is None:
            return None
        n, unit, note = words
        if (
            n == 1
            and wm.group("w1") in SYMBOL_UNITS
            and wm.group("w1").lower() not in WORD_UNITS
        ):
            return None  # a symbol after a hyphen or far away: "the 5-in" is no unit
        found = (_word_end(wm, n), unit, note)
    end, unit, note = found
    per = _PER_AFTER.match(text, end)
    if per is not None and " per " not in unit:
        unit, end = f"{unit} per {_PER_UNITS[per.group('u')]}", per.end()
    return end, unit, note


def _symbol_unit_at(
    text: str, pos: int, scaled: bool
) -> tuple[int, str, str | None] | None:
    gm = _SYMBOL_UNIT_AT.match(text, pos)
    if gm is None:
        return None
    spaced = bool(gm.group("sp"))
    if scaled and not spaced:
        return None
    glued = gm.group("g")
    base = gm.start("g")
    for cut in range(len(glued), 0, -1):
        candidate = glued[:cut]
        unit = SYMBOL_UNITS.get(candidate)
        if unit is None:
            continue
        rest = text[base + cut : base + cut + 1]
        if rest and (rest.isalnum() or rest == "_"):
            return None  # "24703m212": an identifier
        if spaced and candidate in _SPACED_SYMBOL_WORDS:
            return None
        return base + cut, unit, UNIT_NOTES.get(candidate)
    return None


def _is_count(text: str, number: Number, start: int, pos: int, scaled: bool) -> bool:
    """Whether a bare number (no currency, unit or percent) is a count worth a claim."""
    if scaled:
        return True
    if _TIME_OR_ORDINAL_AFTER.match(text, number.end) is not None:
        return False
    nxt = text[number.end : number.end + 2]
    if nxt[:1].isalpha() or nxt[:1] == "_" or (nxt[:1] == "." and nxt[1:].isalpha()):
        return False  # "5G", "3D", "01.AI": an identifier
    if number.spelled and nxt[:1] == "-":
        return False  # "one-day loss", "three-year plan": an adjective
    if not number.spelled:
        digits = text[number.start : number.end]
        if digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100:
            return False  # a year
        if _LINE_NUMBERING.search(text, max(0, start - 40), start) and text[
            number.end : number.end + 1
        ] in (".", ")"):
            return False  # list numbering
    bm = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if bm is not None:
        word = bm.group("w").rstrip(".").lower()
        if word in MONTHS:
            return False  # "Feb. 24"
        if not number.spelled and _is_proper_noun_before(text, bm):
            return False  # "Boeing 737", "Section 230"
    wm = _WORDS_AFTER.match(text, number.end)
    # "24 February" is a date
    return not (
        wm is not None
        and wm.group("w1").rstrip(".,").lower() in MONTHS
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
    [
        "in",
        "by",
        "on",
        "at",
        "for",
        "from",
        "to",
        "of",
        "about",
        "over",
        "some",
        "nearly",
        "almost",
        "around",
        "only",
        "just",
        "all",
        "the",
        "a",
        "an",
        "and",
        "but",
        "or",
        "with",
        "since",
        "until",
        "after",
        "before",
        "up",
        "down",
        "rose",
        "fell",
        "than",
        "total",
        "about",
        "headline",
    ]
)


_NOUN_AFTER = regex.compile(
    rf"\G(?:{_SP}(?:[A-Z][\w.&’'-]*|and|&)){{0,4}}?{_SP}(?!and\b|or\b)(?P<w>[a-z][a-z-]*)"
)


def _noun_after(text: str, pos: int) -> str | None:
    """The thing counted: up to two lower-case words after the number, past names
    ("1.64 million Hyundai and Genesis vehicles" counts vehicles)."""
    if text[pos : pos + 1] == "-" and text[pos + 1 : pos + 5] in ("year", "old-"):
        return None
    words: list[str] = []
    at = pos
    if text[pos : pos + 1] == "-":
        at = pos + 1
        m = regex.compile(r"\G(?P<w>[a-z][a-z]*)").match(text, at)
    else:
        m = _NOUN_AFTER.match(text, at)
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
        at = m.end()
        m = _NEXT_WORD.match(text, at)
    return " ".join(words) if words else None


_NEXT_WORD = regex.compile(rf"\G{_SP}(?P<w>[a-z][a-z-]*)")
#: words between a number and what it counts that say nothing about what it is
_SKIP_ADJECTIVES = frozenset(
    ["other", "more", "additional", "further", "new", "related", "such"]
)


def _has_qualifier(text: str, start: int, end: int, floor: int) -> bool:
    return (
        _qualifier_before(text, start, floor)[0] is not None
        or _QUALIFIER_AFTER.match(text, end) is not None
    )


def _qualifier_before(
    text: str, start: int, floor: int = 0
) -> tuple[str | None, int | None]:
    window_start = max(floor, start - 32)
    qm = _QUALIFIER_BEFORE.search(text, window_start, start)
    if qm is None:
        return None, None
    word = qm.group("q").lower()
    return lexicon.QUALIFIERS_BEFORE[word], qm.start("q")
