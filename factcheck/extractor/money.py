"""Currency beside a number: a sign, code or name right before it, or right after it.

Each reader is anchored at the number and bounded, and each first makes a cheap test
of the characters beside the number (is the one before it a currency sign, or the word
before it a code or a currency name?) before it runs its pattern, since most numbers
in news stand next to neither. The tests are derived from the same tables as the
patterns, so that they only ever rule out what the pattern could not match.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

import regex

from factcheck.extractor import lexicon
from factcheck.extractor.context import word_end

#: a currency reading: (where it starts or ends, ISO code, note, multiplier)
Currency = tuple[int, str, str | None, float]

_NAME_WORDS: Final = sorted(
    {w for word in lexicon.DEFAULT_CODE_FOR_WORD for w in (word, word + "s")}
    | {"reais"}
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

#: lower-case codes accepted next to a number (tokenized text writes "usd 20")
LOWER_CODES: Final = frozenset(
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

#: codes read as money even glued to the digits ("CAD3.03", "USD34.6 million"): the
#: currencies news quotes by code; any other code glued to digits is more likely a
#: name ("COP29", "AMD64")
GLUED_CODES: Final = frozenset(c.upper() for c in LOWER_CODES if c != "rmb") | frozenset(
    ["CAD", "PLN", "CZK", "HUF", "TRY", "ILS", "UAH", "KZT", "EGP", "NGN", "KES",
     "ARS", "CLP", "QAR", "KWD", "BHD", "OMR", "PKR", "BDT", "LKR", "RON", "ISK"]
)  # fmt: skip

# -- before the number ----------------------------------------------------------------


def _symbol_form(f: str) -> str:
    """A symbol as a pattern: its dots and spaces optional ("U.S. $" is also "US$")."""
    body = regex.escape(f).replace(r"\ ", r"[ \t]?").replace(r"\.", r"\.?")
    if f in lexicon.CASELESS_PREFIXES:
        body = f"(?i:{body})"
    return rf"(?<![A-Za-z'’]){body}" if f[:1].isalpha() else body


@functools.cache
def _prefix_patterns() -> tuple[regex.Pattern[str], ...]:
    """A currency sign, a code, a name: each read backwards from the number, past the
    spaces before it, and each the longest that ends there.

    A forward search of the window before the number for ``(?:sign|code|name)[
    \t]*$`` finds the prefix that starts first, and of those the sign before the
    code before the name; read backwards, each pattern is anchored at the number, and
    ``(?p)`` (POSIX, longest match) makes each start as early as it can. Of the three,
    :func:`currency_before` takes the earliest start, the sign on a tie, then the code.
    One anchored match per pattern is ten times cheaper than the search, which tries
    every alternative at every position of the window.
    """
    lex = lexicon.currency_lexicon()
    forms = "|".join(
        _symbol_form(f) for f in sorted(lex.symbols, key=len, reverse=True)
    )
    names = "|".join(_NAME_WORDS)
    return (
        regex.compile(rf"(?rp)(?P<sym>{forms})[ \t\u00a0]*"),
        regex.compile(
            r"(?r)(?<![A-Za-z])(?P<m>M)?(?P<code>[A-Za-z]{3})(?P<dollar>\$)?[ \t\u00a0]*"
        ),
        regex.compile(rf"(?r)(?<![A-Za-z])(?P<name>(?i:{names}))[ \t\u00a0]*"),
    )


def _spellings(form: str) -> set[str]:
    """Every way the prefix pattern may print a symbol: dots and spaces dropped or kept."""
    out = {""}
    for ch in form:
        optional = ch in ". "
        out = {s + ch for s in out} | (out if optional else set())
    return out


_LAST_LETTERS: Final = regex.compile(r"[A-Za-z]+$")


@functools.cache
def _prefix_endings() -> tuple[frozenset[str], frozenset[str]]:
    """What a currency prefix can end with, as seen just before the number (past any
    spaces): its last ASCII-letter word in lower case when it ends in a letter ("rs",
    "rmb", "dollars"), otherwise its last character ("$", "€", ".")."""
    words = {w.lower() for w in _NAME_WORDS}
    marks = {"$"}  # the dollar of "HKD$"
    for form in lexicon.currency_lexicon().symbols:
        for spelled in _spellings(form):
            ending = _LAST_LETTERS.search(spelled.rstrip(" "))
            if ending is not None:
                words.add(ending.group().lower())
            elif spelled.strip(" "):
                last = spelled.rstrip(" ")[-1]
                marks.update((last, last.lower(), last.upper()))
    return frozenset(words), frozenset(marks)


#: the white space and the word just before a position, read backwards: ASCII
#: letters, and the three characters (ſ, İ, K) that ``(?i)`` matches to some
#: (the definition: :func:`_may_end_currency` reads the same word by hand, faster)
_TAIL: Final = regex.compile(r"(?r)(?P<w>[A-Za-z\u017f\u0130\u212a]*)[ \t\u00a0]*")


#: the characters of a word in :data:`_TAIL`
_TAIL_LETTERS: Final = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u017f\u0130\u212a"
)


def _may_end_currency(text: str, window_start: int, start: int) -> bool:
    """Whether a currency prefix could end just before ``start`` (past spaces): a
    necessary condition for :func:`currency_before`, far cheaper than its search."""
    at = start
    while at > window_start and text[at - 1] in (" ", "\t", "\u00a0"):
        at -= 1
    if at == window_start:
        return False
    if text[at - 1] not in _TAIL_LETTERS:
        # no word ends here (what _TAIL would find is an empty word): only a mark
        return text[at - 1] in _prefix_endings()[1]
    # the word of _TAIL, read back by hand: a short loop is cheaper than the match
    w = at - 1
    while w > window_start and text[w - 1] in _TAIL_LETTERS:
        w -= 1
    word = text[w:at]
    if not word.isascii() or word.lower() in _prefix_endings()[0]:
        return True
    code = word[1:] if len(word) == 4 and word[0] == "M" else word
    return len(code) == 3 and (code.isupper() or code.lower() in LOWER_CODES)


@functools.cache
def _normalized_symbols() -> Mapping[str, str]:
    lex = lexicon.currency_lexicon()
    return {_norm_symbol(k): v for k, v in lex.symbols.items()}


def _norm_symbol(text: str) -> str:
    return text.replace(" ", "").replace("\t", "").replace(".", "").lower()


#: what a longer sign ending in " $" ("C $", "HK $", "US $", "U.S. $", "NZD $", "AU
#: $", "CAN $") has before its space, in the cases its pattern reads
_BEFORE_SPACED_DOLLAR: Final = frozenset("CcKkSs.DUN")


def is_lone_dollar(text: str, start: int) -> bool:
    """Whether the "$" right before ``start`` is a sign of its own: what stands before
    it could end no longer sign ("US$", "C $") nor a code ("HKD$"), which are all
    ASCII letters and dots, with at most one space or tab before the "$"."""
    if start < 2:
        return True
    c = text[start - 2]
    if c in (" ", "\t"):
        if start < 3:
            return True
        d = text[start - 3]
        return d.isascii() and d not in _BEFORE_SPACED_DOLLAR
    return c.isascii() and not c.isalpha() and c != "."


@functools.cache
def _lone_dollar_reading() -> tuple[str, str | None]:
    """The code and note of a lone "$", as :func:`currency_before` reads it."""
    code = _normalized_symbols()["$"]
    note = (
        f"'$' read as {code}: no other sign of the currency"
        if "$" in lexicon.AMBIGUOUS_SYMBOLS
        else None
    )
    return code, note


#: what a lone "R" prefixes when it is the rand: an amount with a scale word or
#: thousands ("R254 billion", "R87bn", "R1,500") or per a period or an item ("R640 a
#: month"), not a road or a model ("R1")
_RAND_AMOUNT = regex.compile(
    # "R254 billion", "R2.9-trillion" (the South African press's hyphen), "R12,500"
    r"\d[\d,]*(?:\.\d+)?(?:[ \t\u00a0]*|-)(?:"
    + "|".join(regex.escape(w) for w in sorted(lexicon.SCALES, key=len, reverse=True))
    + r")\b|\d{1,3}(?:,\d{3})+"
    # "R640 a month", "P58.50 per litre": a price or a payment per period or item
    r"|\d+(?:\.\d+)?(?=[ \t\u00a0]+(?:a|an|per)[ \t\u00a0]+(?:month|year|week|day"
    r"|litre|liter|kilogram|kilo|kg|share|person|head|hour)\b"
    # (not a time: "drove the R8 a year ago")
    r"(?![ \t\u00a0]+(?:ago|after|before|later|earlier|on|from|since)\b))"
)


def currency_before(text: str, start: int, floor: int = 0) -> Currency | None:
    """A currency sign or code ending right before ``start`` and not before ``floor``:
    (its start, code, note, multiplier)."""
    window_start = max(floor, start - 12)
    if start <= window_start or text[start - 1] == "\n":
        return None
    if text[start - 1] == "$" and is_lone_dollar(text, start):
        # the commonest prefix, read without the patterns: only "$" itself can match
        return start - 1, *_lone_dollar_reading(), 1.0
    if not _may_end_currency(text, window_start, start):
        return None
    window = text[window_start:start]
    patterns = _prefix_patterns()
    last = window.rstrip(" \t\u00a0")[-1:]
    if last not in _TAIL_LETTERS:
        # a code ends in a letter or the "$" of "HKD$", a name in a letter: only a
        # sign (or a code, before "$") ends in anything else
        patterns = patterns[:2] if last == "$" else patterns[:1]
    m = None
    for pattern in patterns:
        found = pattern.match(window)
        if found is not None and (m is None or found.start() < m.start()):
            m = found
    if m is None:
        return None
    lex = lexicon.currency_lexicon()
    if m.re is _prefix_patterns()[0]:
        key = _norm_symbol(m.group("sym"))
        code = _normalized_symbols().get(key)
        if code is None:
            return None
        raw = m.group("sym").strip()
        if raw in lexicon.GLUED_SYMBOLS and m.end("sym") < len(window):
            return None  # "the SR 520 bridge": a road, not riyals
        if raw in ("R", "P", "N") and _RAND_AMOUNT.match(text, start) is None:
            # "the R1 motorway", "the P50 phone", "an N95 mask": rand, pesos or
            # naira only with a scale or thousands
            return None
        note = None
        if raw in lexicon.AMBIGUOUS_SYMBOLS:
            note = f"'{raw}' read as {code}: no other sign of the currency"
        return window_start + m.start(), code, note, 1.0
    if m.re is _prefix_patterns()[1]:
        code_text = m.group("code")
        upper = code_text.upper()
        if code_text != upper and code_text.lower() not in LOWER_CODES:
            return None
        if upper == "RMB":
            upper = "CNY"
        if upper not in lex.codes or upper in lexicon.CODE_LOOKALIKES:
            return None
        if m.end("code") == len(window) and upper not in GLUED_CODES:
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


# -- after the number -----------------------------------------------------------------

#: a country's adjective right after a "$" amount: "$57 billion Canadian", "$1.2
#: million Australian", "$51 million US" (not "Canadian dollars", a currency name
#: read as such)
DOLLAR_COUNTRY_AFTER: Final = regex.compile(
    r"[ \t\u00a0]+(?P<c>Canadian|Australian|Singapore|Hong[ \t\u00a0]+Kong|New[ \t\u00a0]+Zealand"
    # the Canadian press's "$6.1 billion Cdn"
    r"|Cdn|CDN|US|U\.S\.)"
    r"\b(?![ \t\u00a0]+(?i:dollars?|firms?|companies|company|banks?|government|shares)\b)"
)
_DOLLAR_OF_COUNTRY: Final = {
    "us": "USD",
    "u.s.": "USD",
    "canadian": "CAD",
    "cdn": "CAD",
    "australian": "AUD",
    "singapore": "SGD",
    "hong kong": "HKD",
    "new zealand": "NZD",
}


def dollar_country_after(text: str, pos: int) -> tuple[int, str] | None:
    """(end, code) of the country that names a bare "$" amount from after it:
    "about $57 billion Canadian"; None if no country's adjective follows."""
    m = DOLLAR_COUNTRY_AFTER.match(text, pos)
    if m is None:
        return None
    return m.end(), _DOLLAR_OF_COUNTRY[" ".join(m.group("c").lower().split())]


_SYMBOL_AFTER: Final = regex.compile(
    r"\G[ \t\u00a0]?(?P<s>[$€£¥₹₩₽₺₿₡₾₭₦₱₫₪฿元円¢]|ரூ|zł|Kč|US\$|HK\$|NT\$|[ACSR]\$|Rs\.?|RM|Rp)(?![A-Za-z])"
)
#: the characters a sign after a number starts with
_SYMBOL_AFTER_FIRST: Final = frozenset("$€£¥₹₩₽₺₿₡₾₭₦₱₫₪฿元円¢ரzKUHNACSR")
_CODE_AFTER: Final = regex.compile(r"\G[ \t\u00a0]?(?P<m>M)?(?P<c>[A-Z]{3})\b")
_STERLING: Final = regex.compile(r"(?i:sterling|stg)\b")


def _is_sterling_after(text: str, pos: int) -> bool:
    """ "pounds sterling": the word after spaces; the match reads no further than the
    word and the character after it."""
    at = pos
    while text[at : at + 1] in (" ", "\t"):
        at += 1
    return at > pos and _STERLING.match(text, at, at + 9) is not None


_OF_WORD: Final = regex.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?P<w>[a-z]+)\b")


def _weighed_after(text: str, pos: int) -> bool:
    """ "pounds of thrust", "pounds of cocaine": what follows says the pounds are
    a weight or a force; the match reads no further than the noun after "of"."""
    m = _OF_WORD.match(text, pos, pos + 32)
    return m is not None and m.group("w") in lexicon.WEIGHED


@functools.cache
def _name_heads() -> frozenset[str]:
    """The first words of currency names of more than one word ("u.s.", "hong")."""
    return frozenset(
        k.split(" ")[0] for k in lexicon.currency_lexicon().names if " " in k
    )


def may_start_currency_name(word: str) -> bool:
    """Whether a currency name (of one or more words) may start with ``word``."""
    head = word.lower()
    return (
        head in _name_heads() or head.rstrip(".,") in lexicon.currency_lexicon().names
    )


def currency_words_after(
    w1: str, w2: str | None, w3: str | None
) -> tuple[int, str, str | None] | None:
    """(how many words, code, note) for a currency name in up to three words."""
    if not may_start_currency_name(w1):
        return None
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
                and last in lexicon.DEFAULT_WORD_FORMS
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


def _is_pence(text: str, pos: int) -> bool:
    """A "p" glued to the digits and ending there: pence ("5p"), not "5pm", "5p.m."
    or "5pc" (percent, read before this)."""
    after = text[pos + 1 : pos + 3]
    return not (after[:1].isalnum() or after[:1] == "_" or after == ".m")


def currency_after(
    text: str, pos: int, words: regex.Match[str] | None, scaled: bool = True
) -> Currency | None:
    """A currency sign, code or name right after a number: (end, code, note,
    multiplier). ``words`` is :func:`~factcheck.extractor.context.words_after` at
    ``pos``."""
    first = text[pos : pos + 1]
    if first == "p" and _is_pence(text, pos):
        return pos + 1, "GBP", None, 0.01  # "5p a litre", "closed at 211p"
    if first in (" ", "\t", "\u00a0"):
        first = text[pos + 1 : pos + 2]
    if first in _SYMBOL_AFTER_FIRST:
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
    if "A" <= first <= "Z":
        cm = _CODE_AFTER.match(text, pos)
        if cm is not None:
            code = cm.group("c")
            code = {"RMB": "CNY", "BTC": "XBT", "NIS": "ILS"}.get(code, code)
            lex = lexicon.currency_lexicon()
            if code in lex.codes and code not in lexicon.CODE_LOOKALIKES:
                return cm.end(), code, None, 1e6 if cm.group("m") else 1.0
    wm = words
    if wm is not None:
        w1 = wm.group("w1")
        bare = w1.rstrip(".,")
        if bare in LOWER_CODES:
            code = "CNY" if bare == "rmb" else bare.upper()
            return wm.start("w1") + len(bare), code, None, 1.0
        if not may_start_currency_name(w1):
            return None
        found = currency_words_after(w1, wm.group("w2"), wm.group("w3"))
        if (
            found is not None
            and found[0] == 1
            and not scaled
            and bare.lower() in ("pound", "pounds")
            and not _is_sterling_after(text, wm.end("w1"))
        ):
            return None  # "two pounds" of weight; "361 million pounds" is money
        if (
            found is not None
            and found[0] == 1
            and bare.lower() in ("pound", "pounds")
            and _weighed_after(text, wm.end("w1"))
        ):
            return None  # "8.8 million pounds of thrust": a weight or a force
        if found is not None and found[0] == 1 and bare.lower() == "mark":
            # "crossed the 1,000 mark": a milestone; the old German money is
            # printed in the plural ("500 million marks") or named in full
            return None
        if found is not None:
            n, code, note = found
            last = wm.group(f"w{n}").lower().rstrip(".,")
            multiplier = 1 / lexicon.SUBUNITS[last] if last in lexicon.SUBUNITS else 1.0
            return word_end(wm, n), code, note, multiplier
    return None
