"""Words the extractor knows: scale words, number words, qualifiers, currencies.

Currency names and symbols come from CLDR through Babel (English names and plurals,
English symbols), loaded once on first use. On top of CLDR sit only what news prints
and CLDR does not spell: prefixed dollar signs ("US$", "C$", "S$"), "Rs", "RMB",
"renminbi", and the default reading of a bare name shared by many currencies
("dollar" is USD unless something says otherwise); each such reading is recorded on
the claim.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

#: multipliers of scale words and abbreviations, as printed after a number
SCALES: Mapping[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "K": 1e3,
    "grand": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "MM": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "billion": 1e9,
    "billions": 1e9,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "bil": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    # the old Turkish lira's budgets, Iran's rials, Zimbabwe's dollars
    "quadrillion": 1e15,
    "quadrillions": 1e15,
    "tn": 1e12,
    "trn": 1e12,
    "tr": 1e12,
    "T": 1e12,
}

#: scale words that may follow another ("1.5 lakh crore", "2 thousand crore")
COMPOUND_SCALES: Mapping[tuple[str, str], float] = {
    ("lakh", "crore"): 1e12,
    ("thousand", "crore"): 1e10,
    ("hundred", "million"): 1e8,
    ("hundred", "thousand"): 1e5,
    ("thousand", "billion"): 1e12,
}

UNITS_WORDS: Mapping[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: Mapping[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: words for fractions and groups that stand for a number before a scale or noun
#: the denominators of fractions spelled as ordinals ("two thirds", "a fifth of");
#: "fourth" and "quarter" name the same (quarters are in FRACTION_WORDS)
DENOMINATORS: Mapping[str, int] = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "twentieth": 20, "hundredth": 100,
}  # fmt: skip
FRACTION_WORDS: Mapping[str, float] = {
    "half": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "dozen": 12,
    "dozens": 12,
}

#: qualifiers printed before a number, longest first where one is a prefix of another
QUALIFIERS_BEFORE: Mapping[str, str] = {
    "about": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "approx": "approx",
    "roughly": "approx",
    "around": "approx",
    "some": "approx",
    "close to": "approx",
    # "a loss in the order of CHF 132 billion": its size, not an order
    "in the order of": "approx",
    "on the order of": "approx",
    "of the order of": "approx",
    "nearly": "nearly",
    "almost": "nearly",
    # "a little below N", as "nearly": the band of model.NEARLY_BAND, not anything
    # under N ("just under $5 billion" for 4.86 billion, never for 4.2 billion)
    "just under": "nearly",
    "just below": "nearly",
    "just short of": "nearly",
    "slightly under": "nearly",
    "slightly below": "nearly",
    "slightly less than": "nearly",
    "a little under": "nearly",
    "a little less than": "nearly",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "exceeding": "gt",
    "in excess of": "gt",
    "upwards of": "gt",
    # verbs of passing a mark: "sales topped $1 billion", "has exceeded 40C"
    "exceeded": "gt",
    "exceeds": "gt",
    "has exceeded": "gt",
    "have exceeded": "gt",
    "topped": "gt",
    "tops": "gt",
    "surpassed": "gt",
    "surpasses": "gt",
    # "Earthquake death toll passes 800", "crosses 1,000": a tally past a mark
    "passes": "gt",
    "passed": "gt",
    "crosses": "gt",
    "crossed": "gt",
    "near": "approx",
    "shy of": "lt",
    "just shy of": "nearly",
    "greater than": "gt",
    "larger than": "gt",
    "higher than": "gt",
    "north of": "gt",
    "at least": "ge",
    "a minimum of": "ge",
    "no less than": "ge",
    "no fewer than": "ge",
    "not less than": "ge",
    "up to": "le",
    "as much as": "le",
    "as many as": "le",
    "as high as": "le",
    "at most": "le",
    "a maximum of": "le",
    "no more than": "le",
    "<": "lt",
    ">": "gt",
    "≤": "le",
    "≥": "ge",
    "<=": "le",
    ">=": "ge",
    "not more than": "le",
    # the comparisons of regulations and statistics releases
    "less than or equal to": "le",
    "fewer than or equal to": "le",
    "greater than or equal to": "ge",
    "more than or equal to": "ge",
    "equal to or less than": "le",
    "equal to or fewer than": "le",
    "equal to or more than": "ge",
    "equal to or greater than": "ge",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "below": "lt",
    "lower than": "lt",
    "smaller than": "lt",
}
#: qualifiers printed after the number ("100 or more")
QUALIFIERS_AFTER: Mapping[str, str] = {
    "or more": "ge",
    "and above": "ge",
    "and up": "ge",
    "or higher": "ge",
    "-plus": "gt",
    "plus": "gt",
    "+": "gt",
    "or so": "approx",
    "or less": "le",
    "or fewer": "le",
    "and below": "le",
    # ages: "aged 65 and over", "children 5 and under"
    "and over": "ge",
    "or over": "ge",
    "and older": "ge",
    "or older": "ge",
    "and under": "le",
    "or under": "le",
    "and younger": "le",
    "or younger": "le",
}

#: the reading of a currency word that CLDR gives to many currencies
DEFAULT_CODE_FOR_WORD: Mapping[str, str] = {
    "dollar": "USD",
    "pound": "GBP",
    "rupee": "INR",
    "yen": "JPY",
    "yuan": "CNY",
    "won": "KRW",
    "franc": "CHF",
    "peso": "MXN",
    "euro": "EUR",
    "ruble": "RUB",
    "rouble": "RUB",
    "lira": "TRY",
    "real": "BRL",
    "rand": "ZAR",
    "riyal": "SAR",
    "dirham": "AED",
    "dinar": "KWD",
    "krona": "SEK",
    "krone": "NOK",
    "shilling": "KES",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "naira": "NGN",
    "shekel": "ILS",
    "zloty": "PLN",
    "guilder": "NLG",
    "mark": "DEM",
    "peseta": "ESP",
    "markka": "FIM",
    "leu": "RON",
    "rial": "IRR",
}
#: precious metals, which CLDR lists among currencies ("Gold", "Silver"): news
#: prices them in money, and "20 gold" counts medals
_METALS: frozenset[str] = frozenset({"XAU", "XAG", "XPT", "XPD"})
#: currency words CLDR gives to one currency only, as news prints them alone
#: (CLDR's English names carry the country: "Hungarian forints")
UNIQUE_CURRENCY_WORDS: Mapping[str, str] = {
    "forint": "HUF",
    "koruna": "CZK",
    "hryvnia": "UAH",
    "lev": "BGN",
    "tenge": "KZT",
    "cedi": "GHS",
    "birr": "ETB",
    "taka": "BDT",
    "kyat": "MMK",
    "lari": "GEL",
}

#: news spellings CLDR's English data does not carry (lower case)
EXTRA_CURRENCY_NAMES: Mapping[str, str] = {
    "renminbi": "CNY",
    "rmb": "CNY",
    "kuai": "CNY",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "american dollars": "USD",
    "greenbacks": "USD",
    "reais": "BRL",
    "reals": "BRL",
    "paise": "INR",
    "paisa": "INR",
    "roubles": "RUB",
    "rouble": "RUB",
    "pence": "GBP",
    "penny": "GBP",
    "cents": "USD",
    "cent": "USD",
    # the Swiss franc's hundredth in the English press ("up five centimes"); a
    # currency stated before it in the sentence takes it over (see the table builder)
    "centimes": "CHF",
    "centime": "CHF",
    "rappen": "CHF",
    "bitcoin": "XBT",
    "bitcoins": "XBT",
    "satoshi": "XBT",
    "satoshis": "XBT",
    "btc": "XBT",
    "lire": "ITL",
    # the Turkish press's English plural of the lira ("200 liras")
    "liras": "TRY",
    # the crowns of the wire services' English ("5.6 billion Norwegian crowns")
    "norwegian crowns": "NOK",
    "norwegian crown": "NOK",
    "swedish crowns": "SEK",
    "swedish crown": "SEK",
    "danish crowns": "DKK",
    "danish crown": "DKK",
    "czech crowns": "CZK",
    "czech crown": "CZK",
    "icelandic crowns": "ISK",
    "icelandic crown": "ISK",
    # the West and Central African CFA francs: both pegged at 655.957 per euro, so
    # the West African code serves a conversion either way
    "cfa franc": "XOF",
    "cfa francs": "XOF",
    "fcfa": "XOF",
}

#: sub-units: how many of them make the main unit
SUBUNITS: Mapping[str, float] = {
    "cent": 100,
    "cents": 100,
    "centime": 100,
    "centimes": 100,
    "rappen": 100,
    "pence": 100,
    "penny": 100,
    "satoshi": 1e8,
    "satoshis": 1e8,
    "paise": 100,
    "paisa": 100,
}

#: symbols and prefixes as news prints them; CLDR's English symbols are added to these
EXTRA_SYMBOLS: Mapping[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "U.S. $": "USD",
    "US $": "USD",
    "USD$": "USD",
    "HK$": "HKD",
    "HK $": "HKD",
    "NT$": "TWD",
    "C$": "CAD",
    "C $": "CAD",
    "Can$": "CAD",
    "CAD$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "S$": "SGD",
    "SG$": "SGD",
    "NZ$": "NZD",
    "NZD$": "NZD",
    "NZD $": "NZD",
    "AU $": "AUD",
    "AUD $": "AUD",
    "CAN$": "CAD",
    "CAN $": "CAD",
    # the Australian and New Zealand press puts the country after the sign:
    # "$US190.8 billion", "$A1.2 billion", "$NZ300 million"
    "$US": "USD",
    "$A": "AUD",
    "$AU": "AUD",
    "$NZ": "NZD",
    "$HK": "HKD",
    # the abbreviations of the Israeli, Kenyan and Swiss press
    "NIS": "ILS",
    "KSh": "KES",
    "Ksh": "KES",
    "Ksh.": "KES",
    "KSh.": "KES",
    "Kshs": "KES",
    "Kshs.": "KES",
    # East Africa's shillings: "Sh" alone is read by the outlet's country
    "Sh": "KES",
    "Sh.": "KES",
    "Shs": "KES",
    "TSh": "TZS",
    "Tsh": "TZS",
    "USh": "UGX",
    "Ush": "UGX",
    # the Gulf press's abbreviations of its pegged currencies ("SR60 billion",
    # "Dh2.5 billion", "QR10bn", "KD5 million", "BD1.2 billion", "JD700 million")
    "SR": "SAR",
    "QR": "QAR",
    "Dh": "AED",
    "Dhs": "AED",
    "KD": "KWD",
    "BD": "BHD",
    "JD": "JOD",
    "SFr": "CHF",
    "SFr.": "CHF",
    # the South African press's rand ("R254 billion", "R87bn"), read only glued
    "R": "ZAR",
    # the Philippine press's peso ("P5.768 trillion", "P125 billion"), read only
    # glued, and only with a scale or thousands, as "R" is
    "P": "PHP",
    # the Nigerian press's naira ("N780bn", "N45 billion", "N1.04tn"), read only
    # glued, and only with a scale or thousands, as "R" is ("N95" is a mask)
    "N": "NGN",
    # the financial press's won, glued ("Won2,950bn", "Won555bn"): spaced, it is
    # the verb ("Labour Won 412 Seats" in a headline)
    "Won": "KRW",
    # the Bangladeshi press's taka ("Tk 797,000 crore", "Tk2.65 trillion")
    "Tk": "BDT",
    "Tk.": "BDT",
    "৳": "BDT",
    "R$": "BRL",
    "Mex$": "MXN",
    "MX$": "MXN",
    "MXN$": "MXN",
    "Rs": "INR",
    "Rs.": "INR",
    "₨": "INR",
    "RMB": "CNY",
    "RM": "MYR",
    "Rp": "IDR",
    "CN¥": "CNY",
    "元": "CNY",
    "円": "JPY",
    "₽": "RUB",
    "₺": "TRY",
    "₿": "XBT",
    "BTC": "XBT",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "ரூ": "LKR",
    "₦": "NGN",
    "₱": "PHP",
    "₫": "VND",
    "₪": "ILS",
    "฿": "THB",
    "zł": "PLN",
    "Kč": "CZK",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "₩": "KRW",
    "¥": "JPY",
    "$": "USD",
}

#: two-letter prefixes read only glued to their number ("SR60 billion", "KD5
#: million"): spaced, they are other things ("the SR 520 bridge", "a BD 2 rating")
GLUED_SYMBOLS = frozenset(
    {"SR", "QR", "Dh", "Dhs", "KD", "BD", "JD", "R", "P", "N", "Won"}
)

#: lettered prefixes also written in lower case or with a space ("us $ 150", "c $ 16")
CASELESS_PREFIXES = frozenset(
    {
        "US$",
        "U.S.$",
        "U.S. $",
        "US $",
        "USD$",
        "HK$",
        "HK $",
        "C$",
        "C $",
        "NT$",
        "RMB",
        "Rs",
        "Rs.",
        "MXN$",
        "AUD$",
        "CAD$",
        "NZD$",
        "Mex$",
    }
)

#: symbols whose reading is a guess that context may change, with the alternatives
AMBIGUOUS_SYMBOLS: Mapping[str, str] = {
    "$": "USD",
    "¥": "JPY",
    "Rs": "INR",
    "Sh": "KES",
    "Sh.": "KES",
    "Shs": "KES",
}

#: three-letter codes that are also common English words or abbreviations in news:
#: taken as a currency only right next to a number ("ALL 5 solutions" is not lek)
CODE_LOOKALIKES = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "TRY", "SOS"})


@attrs.frozen
class CurrencyLexicon:
    """Currency names and symbols, keyed by their lower-case (names) or exact form."""

    names: Mapping[str, str]
    symbols: Mapping[str, str]
    codes: frozenset[str]


@functools.cache
def currency_lexicon() -> CurrencyLexicon:
    """Build the currency tables from CLDR (through Babel) once per process."""
    from babel import Locale  # noqa: PLC0415  (Babel loads only when text has money)
    from babel.numbers import get_currency_name  # noqa: PLC0415

    locale = Locale("en")
    names: dict[str, str] = {}
    codes = set(locale.currencies)
    for code, name in locale.currencies.items():
        if code in _METALS:
            continue  # "20 gold, 12 silver and 13 bronze medals": medals, not money
        plural = get_currency_name(code, count=2, locale=locale)
        for form in (name, plural):
            key = form.lower()
            names.setdefault(key, code)
            key = key.replace("us ", "u.s. ") if key.startswith("us ") else key
            names.setdefault(key, code)
    # bare last words ("dollars", "yuan") read by the default table
    for word, code in (*DEFAULT_CODE_FOR_WORD.items(), *UNIQUE_CURRENCY_WORDS.items()):
        names[word] = code
        names.setdefault(_plural(word), code)
    names.update(EXTRA_CURRENCY_NAMES)
    symbols: dict[str, str] = {}
    for code, symbol in locale.currency_symbols.items():
        if symbol != code and not symbol.isalpha():
            symbols.setdefault(symbol, code)
    symbols.update(EXTRA_SYMBOLS)
    codes.update(("XBT", "CNH"))
    return CurrencyLexicon(names=names, symbols=symbols, codes=frozenset(codes))


#: plurals that are not the word and an s
_IRREGULAR_PLURALS: Mapping[str, str] = {
    "real": "reais", "lira": "lire", "krona": "kronor", "krone": "kroner",
    "leu": "lei", "lev": "leva",
}  # fmt: skip
_SAME_IN_PLURAL = frozenset(
    ["yen", "yuan", "won", "rand", "baht", "dong", "naira", "ringgit", "tenge",
     "birr", "taka", "lari"]
)  # fmt: skip


def _plural(word: str) -> str:
    if word in _SAME_IN_PLURAL:
        return word
    return _IRREGULAR_PLURALS.get(word, word + "s")


#: the default words in both numbers ("krona", "kronor"): read with a note
DEFAULT_WORD_FORMS: frozenset[str] = frozenset(DEFAULT_CODE_FOR_WORD) | frozenset(
    _plural(w) for w in DEFAULT_CODE_FOR_WORD
)


#: what is weighed or pushed in pounds, never paid: "8.8 million pounds of thrust",
#: "2,000 pounds of cocaine", "40 million pounds of beef"
WEIGHED = frozenset(
    {"thrust", "force", "pressure", "weight", "cargo", "payload", "fuel", "propellant",
     "food", "meat", "beef", "pork", "chicken", "fish", "cheese", "butter", "sugar",
     "flour", "grain", "rice", "produce", "feed", "fertilizer", "fertiliser", "waste",
     "trash", "garbage", "rubbish", "plastic", "plastics", "debris", "steel", "coal",
     "concrete", "explosives", "tnt", "cocaine", "heroin", "marijuana", "cannabis",
     "drugs", "methamphetamine", "fentanyl", "ice", "snow", "mud", "sand", "gold",
     "silver", "copper", "ivory", "lobster", "salmon", "shrimp", "seafood", "ammonia"}
)  # fmt: skip
