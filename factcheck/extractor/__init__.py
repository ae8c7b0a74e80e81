"""Stage 2 of the pipeline: every numeric claim in a text, with its span and meaning.

>>> from factcheck.extractor import extract_claims
>>> [(c.text, c.value, c.unit, c.qualifier) for c in extract_claims(
...     "It will invest more than 380 billion yuan (US$52.4 billion).")]
[('380 billion yuan', 380000000000.0, 'CNY', 'gt'), ('US$52.4 billion', 52400000000.0, 'USD', 'gt')]
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

import regex

from factcheck.extractor.claims import Claims
from factcheck.extractor.context import NotClaims, TextIndex
from factcheck.extractor.joins import (
    is_equivalent,
    iter_joined,
    opens_on_rate,
    rate_then_restated,
)
from factcheck.extractor.money import DOLLAR_COUNTRY_AFTER
from factcheck.extractor.names import name_end
from factcheck.extractor.numbers import iter_cores
from factcheck.extractor.scanner import Mention, is_clock, is_finite, read_mention
from factcheck.extractor.table import OBJECTS_UP_TO, ClaimTable
from factcheck.extractor.units import TEMPERATURES, TIME_UNITS
from factcheck.model import (
    DEFAULT_APPROX_TOLERANCE,
    Claim,
    Document,
    Extraction,
    nearly_bounds,
)

__all__ = [
    "Claims",
    "extract_claims",
    "extract_document",
    "iter_mentions",
    "scan_mentions",
]


def scan_mentions(text: str) -> list[Mention]:
    """Every number in ``text`` with what stands beside it, in order."""
    return list(iter_mentions(text))


def iter_mentions(text: str) -> Iterator[Mention]:
    """Every number in ``text`` with what stands beside it, in order, one at a
    time: a text of a million numbers never holds a million mentions."""
    not_claims = NotClaims(text)
    consumed = 0
    for m in iter_cores(text):
        s = m.start()
        if s < consumed:
            continue
        mention = read_mention(text, m, consumed)
        # a number in a phone number, date, URL... states no claim (reading is pure, so
        # reading first and checking only what reads as a claim gives the same claims)
        if mention is None or (not_claims.covers(s) and not is_clock(text, mention)):
            continue
        name = name_end(text, mention)
        if name is not None:
            consumed = name  # "Article 370", "dial 112", "led 3-1": a name, skipped
            continue
        yield mention
        consumed = mention.end


#: temperatures and their differences, read to the degree
_DEGREES: Final = frozenset([*TEMPERATURES, *TEMPERATURES.values(), "kelvin"])


def stated_precision(m: Mention) -> float:
    """The rounding step a mention's digits state, read as news means them.

    A number with trailing zeros is rounded at its last non-zero digit ("380
    billion": 10 billion), except a percentage or a count under 100: "20%" and "40
    directors" name their units digit, as a temperature does ("40C", "120F": news
    gives temperatures to the degree, unless a scale word multiplies them). A whole count is exact ("21 incidents" is
    21, not 20.5 to 21.5), but not a count of points: an index's or a share's
    points are a measure, and "shed 4,451 points" rounds 4,451.28.
    """
    precision = m.precision
    if m.kind in ("percent", "count") and abs(m.value) < 100 and precision > 1:
        precision = 1.0
    if m.kind == "quantity" and m.unit in _DEGREES and precision > 1 and not m.scaled:
        # ("150 million degrees Celsius", a plasma's heat, rounds like any
        # scaled figure)
        precision = 1.0
    if (
        m.kind == "count"
        and precision <= 1
        and m.value == int(m.value)
        and (m.noun or "").split(" ")[0] not in _MEASURED_COUNTS
    ):
        precision = 0.0
    return precision


#: counted nouns that are a measure's units, not things: their whole numbers round
_MEASURED_COUNTS: Final = frozenset(["points", "point"])


def _interval(
    m: Mention, qualifier: str | None, precision: float
) -> tuple[float | None, float | None]:
    """The bounds :meth:`Interval.from_stated` gives (``precision`` is
    :func:`stated_precision` of ``m``), without building the interval."""
    if m.range_bounds is not None:
        return m.range_bounds
    value = m.value
    if qualifier in ("gt", "ge"):
        return value, None
    if qualifier in ("lt", "le"):
        return None, value
    if qualifier == "nearly":
        return nearly_bounds(value)  # "almost 100,000": a little below, never above
    half = abs(precision) / 2
    if qualifier == "approx":
        spread = max(abs(value) * DEFAULT_APPROX_TOLERANCE, half)
        return value - spread, value + spread
    return value - half, value + half


def build_claims(
    text: str,
    prose: str,
    mentions: Iterable[Mention],
    objects_up_to: int = OBJECTS_UP_TO,
) -> Sequence[Claim]:
    """Turn joined mentions into claims with positions and links: a tuple for a
    text of up to ``objects_up_to`` characters, for a longer one a
    :class:`~.claims.Claims` that keeps them compactly. The mentions are read one
    at a time."""
    return claims_of(_build_table(text, prose, mentions, objects_up_to))


def claims_of(table: ClaimTable) -> Sequence[Claim]:
    """The claims of a table: the tuple of its claim objects (a short text), or a
    :class:`~.claims.Claims` that builds each from its row (a long one)."""
    claims = table.objects()
    return tuple(claims) if claims is not None else Claims(table)


def _build_table(
    text: str, prose: str, mentions: Iterable[Mention], objects_up_to: int
) -> ClaimTable:
    index = TextIndex(prose)
    table = ClaimTable(text, prose, index, objects_up_to)
    previous: Mention | None = None
    previous_qualifier: str | None = None
    previous_row = -1
    #: the last money mentions (start, currency as read, row): the amounts a later
    #: sentence may restate at a rate it states
    money: deque[tuple[int, str | None, int]] = deque(maxlen=_RESTATED_REACH)
    for m in mentions:
        if not is_finite(m.value):
            continue  # "1e308 and 1e308 dollars": more than a float holds
        qualifier = m.qualifier
        if (
            qualifier == "gt"
            and m.qualifier_start is not None
            and _MARK_VERB.match(prose, m.qualifier_start)
            and (m.noun or m.unit in TIME_UNITS)
        ):
            # "the bill passed 300 votes to 200", "passed 40 years in jail": a
            # verb of its own, not a tally passing a mark ("toll passes 800")
            qualifier = None
        equivalent = -1
        if previous is not None and is_equivalent(prose, previous, m):
            equivalent = table.equivalent_row(previous_row)
            if equivalent < 0:
                equivalent = previous_row
            if qualifier is None and previous_qualifier not in (None, "range"):
                qualifier = previous_qualifier  # "more than X (Y)": both
        elif previous is not None and m.kind == "money" and previous.kind == "money":
            source = _restated_at_rate(prose, index, money, previous, m)
            if source >= 0:
                equivalent = table.equivalent_row(source)
                if equivalent < 0:
                    equivalent = source
        unit, note = m.unit, m.unit_note
        precision = stated_precision(m)
        low, high = _interval(m, qualifier, precision)
        if note is not None and unit in _COUNTRIES:
            s_start, s_end = index.sentence(m.start, m.end)
            unit, note = _country_reading(prose, s_start, s_end, unit, note)
        if m.subunit and money and _SHARED_SUBUNIT.search(prose, m.start, m.end):
            unit, note = _subunit_of(prose, index, money[-1], m, unit, note)
        public_q = "approx" if qualifier == "nearly" else qualifier
        previous_row = table.add(
            m.kind,
            m.start,
            m.end,
            m.value,
            unit,
            public_q,  # type: ignore[arg-type]
            low,
            high,
            precision,
            equivalent,
            m.noun,
            note,
            m.whole,
        )
        previous, previous_qualifier = m, qualifier
        if m.kind == "money":
            money.append((m.start, unit, previous_row))
    return table


#: a hundredth's name many currencies share: "up 5 cents" after "€1.20" is euro cents
_SHARED_SUBUNIT: Final = regex.compile(r"(?i:cents?|centimes?)\Z")
#: currencies whose hundredth has a name of its own (pence, paise) or that have none
#: in use: "cents" after them is no sub-unit of theirs
_OWN_MINOR: Final = frozenset({"GBP", "INR", "PKR", "LKR", "NPR", "JPY", "KRW"})


def _subunit_of(  # noqa: PLR0917  (the builder's state, as it holds it)
    prose: str,
    index: TextIndex,
    last: tuple[int, str | None, int],
    m: Mention,
    unit: str | None,
    note: str | None,
) -> tuple[str | None, str | None]:
    """The currency of a shared sub-unit word ("cents", "centimes"): that of the
    amount before it in its sentence ("a dividend of €1.20 a share, up 5 cents": euro
    cents), else the word's own default (US cents, Swiss centimes)."""
    start, before, _ = last
    if (
        before is None
        or before == unit
        or before in _OWN_MINOR
        or start < index.sentence(m.start, m.end)[0]
    ):
        return unit, note
    word = prose[m.start : m.end].rsplit(maxsplit=1)[-1]
    return before, f"{word!r} read as {before}: the currency of the amount before it"


#: how many money mentions back a sentence's restatement at a stated rate looks for
#: the amount it restates (the rate's own sentence and the one before)
_RESTATED_REACH: Final = 8


def _restated_at_rate(
    prose: str,
    index: TextIndex,
    money: deque[tuple[int, str | None, int]],
    rate: Mention,
    m: Mention,
) -> int:
    """The row of the amount ``m`` restates at the rate its sentence opens on
    ("QAR 6.1 billion ... At 3.64 riyals to the dollar, that is about $2.2
    billion"), or -1: the first amount in the rate's currency (``money`` holds the
    last amounts, their currency as read, and ends with the rate) in the rate's own
    sentence, else in the sentence before (a sentence's lead amount is what it is
    about; later ones are what it is compared with)."""
    if not money or not rate_then_restated(prose, rate, m):
        return -1
    s0 = index.sentence(rate.start, rate.end)[0]
    if not opens_on_rate(prose, s0, rate):
        return -1
    rate_unit = money[-1][1]
    before = [
        (start, row) for start, unit, row in list(money)[:-1] if unit == rate_unit
    ]
    own = [row for start, row in before if start >= s0]
    if own:
        return own[0]
    last = s0 - 1  # the sentence before ends here
    while last >= 0 and prose[last].isspace():
        last -= 1
    if last < 0:
        return -1
    p0 = index.sentence(last, last + 1)[0]
    if len(money) == money.maxlen and money[0][0] >= p0:
        return -1  # the sentence before may hold amounts no longer kept
    return next((row for start, row in before if p0 <= start < s0), -1)


#: the verbs of passing a mark that also have senses of their own ("passed a law")
_MARK_VERB: Final = regex.compile(r"(?i:pass|cross)")

#: currencies read by default for a name or sign that several countries use, and the
#: countries whose name settles it ("Sh" and "shillings": Kenya's by default,
#: Tanzania's or Uganda's where the text names them; "dirhams": the UAE's, or
#: Morocco's in a story about Morocco)
_COUNTRIES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "KES": (("kenya", "KES"), ("tanzania", "TZS"), ("uganda", "UGX")),
    # "Rs": the rupee of India, Pakistan, Sri Lanka and Nepal
    "INR": (
        ("india", "INR"),
        ("indian", "INR"),
        ("pakistan", "PKR"),
        ("pakistani", "PKR"),
        ("karachi", "PKR"),
        ("islamabad", "PKR"),
        ("lahore", "PKR"),
        ("sri lanka", "LKR"),
        ("sri lankan", "LKR"),
        ("colombo", "LKR"),
        ("nepal", "NPR"),
        ("nepali", "NPR"),
        ("nepalese", "NPR"),
        ("kathmandu", "NPR"),
    ),
    # "kroner": Norway's and Denmark's word alike
    "NOK": (
        ("norway", "NOK"),
        ("norwegian", "NOK"),
        ("denmark", "DKK"),
        ("danish", "DKK"),
        ("copenhagen", "DKK"),
        ("oslo", "NOK"),
    ),
    "AED": (
        ("emirates", "AED"),
        ("uae", "AED"),
        ("dubai", "AED"),
        ("abu dhabi", "AED"),
        ("morocco", "MAD"),
        ("moroccan", "MAD"),
    ),
    "SAR": (
        ("saudi", "SAR"),
        ("qatar", "QAR"),
        ("qatari", "QAR"),
        ("oman", "OMR"),
        ("omani", "OMR"),
        ("yemen", "YER"),
    ),
    "KWD": (
        ("kuwait", "KWD"),
        ("bahrain", "BHD"),
        ("jordan", "JOD"),
        ("iraq", "IQD"),
        ("tunisia", "TND"),
        ("algeria", "DZD"),
        ("libya", "LYD"),
        ("serbia", "RSD"),
    ),
}
_COUNTRY_NAMES: Final = regex.compile(
    r"(?i:\b("
    + "|".join(sorted({n for pairs in _COUNTRIES.values() for n, _ in pairs}))
    + r"))"
)


def _countries_in(prose: str, start: int, end: int) -> frozenset[str]:
    """The countries of :data:`_COUNTRIES` a stretch names, lower-cased."""
    return frozenset(
        m.group(1).lower() for m in _COUNTRY_NAMES.finditer(prose, start, end)
    )


#: right before a country named as the other party, not the amount's own: "amid
#: tensions with neighbouring India", "against", "than", "from"
_OTHER_PARTY: Final = regex.compile(
    r"\b(?i:with|against|than|from|versus|rival|neighbou?ring)"
    r"(?:[ \t\u00a0]+(?i:the|neighbou?ring|rival))*[ \t\u00a0]+\Z"
)


def _own_countries_in(prose: str, start: int, end: int) -> frozenset[str]:
    """The countries of :data:`_COUNTRIES` a sentence names as its own, lower-cased:
    not those named only as another party ("Defence spending was increased to
    Rs2.12 trillion, amid tensions with neighboring India": Pakistan's rupees)."""
    return frozenset(
        m.group(1).lower()
        for m in _COUNTRY_NAMES.finditer(prose, start, end)
        if _OTHER_PARTY.search(prose, max(start, m.start() - 30), m.start()) is None
    )


@functools.lru_cache(maxsize=8)
def _countries_in_text(prose: str) -> frozenset[str]:
    """The countries a whole text names: read once per document, however many of
    its amounts ask."""
    return _countries_in(prose, 0, len(prose))


def _country_reading(
    prose: str, start: int, end: int, unit: str, note: str
) -> tuple[str, str]:
    """An ambiguous currency read by the one country its sentence names, else by
    the one country of that currency's the whole text names."""
    codes = dict(_COUNTRIES[unit])
    sign = note.split(" read as ", 1)[0]
    for named_here, where in (
        (_own_countries_in(prose, start, end), "sentence"),
        (_countries_in_text(prose), "text"),
    ):
        named = {n for n in named_here if n in codes}
        found = {codes[n] for n in named}
        if len(found) == 1:
            (code,) = found
            country = min(named)
            return code, f"{sign} read as {code}: the {where} names {country.title()}"
        if found:
            return unit, note  # two countries: the default reading stays
    return unit, note


def extract_claims(text: str) -> Sequence[Claim]:
    """Every numeric claim in plain ``text``, in order of appearance: a tuple, or
    for a text longer than :data:`~.table.OBJECTS_UP_TO` characters a
    :class:`~.claims.Claims`, which reads like one and keeps its claims compactly.
    The text is read one number at a time."""
    return build_claims(text, text, iter_joined(text, iter_mentions(text)))


#: what a bare sign means in an outlet of this country (by the URL's domain)
_LOCAL_SIGNS: Final = {
    ".au": {"$": "AUD"},
    ".ca": {"$": "CAD"},
    ".nz": {"$": "NZD"},
    ".sg": {"$": "SGD"},
    ".hk": {"$": "HKD"},
    ".tw": {"$": "TWD"},
    ".cn": {"¥": "CNY"},
    ".dk": dict.fromkeys(["kroner", "krone"], "DKK"),
    ".pk": dict.fromkeys(["Rs", "Rs."], "PKR"),
    ".lk": dict.fromkeys(["Rs", "Rs."], "LKR"),
    ".np": dict.fromkeys(["Rs", "Rs."], "NPR"),
    # East Africa's shillings: "Sh" and the bare word are each country's own
    **{
        suffix: dict.fromkeys(["Sh", "Sh.", "Shs", "shilling", "shillings"], code)
        for suffix, code in ((".ke", "KES"), (".tz", "TZS"), (".ug", "UGX"))
    },
}
#: national mastheads on generic domains, by the country suffix they would have:
#: their bare "$" or "Rs" is local too ("The Globe and Mail" writes C$ as "$")
_MASTHEADS: Final = {
    **dict.fromkeys(
        [
            "theglobeandmail.com",
            "thestar.com",
            "nationalpost.com",
            "financialpost.com",
            "vancouversun.com",
            "montrealgazette.com",
            "ottawacitizen.com",
            "calgaryherald.com",
            "torontosun.com",
        ],
        ".ca",
    ),
    "afr.com": ".au",
    **dict.fromkeys(
        ["straitstimes.com", "channelnewsasia.com", "todayonline.com"], ".sg"
    ),
    **dict.fromkeys(["scmp.com", "hongkongfp.com"], ".hk"),
    "taipeitimes.com": ".tw",
    **dict.fromkeys(["dawn.com", "geo.tv"], ".pk"),
}
_HOST: Final = regex.compile(
    r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?P<host>[^/:?#]+)", regex.IGNORECASE
)


def _local_reading(document: Document) -> tuple[dict[str, str], str] | None:
    """The local currency signs of the document's country, from its URL's domain."""
    m = _HOST.match(document.url or "")
    if m is None:
        return None
    host = m.group("host").lower()
    for masthead, suffix in _MASTHEADS.items():
        if host == masthead or host.endswith("." + masthead):
            return _LOCAL_SIGNS[suffix], host
    for suffix, signs in _LOCAL_SIGNS.items():
        if host.endswith(suffix):
            return signs, host
    return None


#: the countries whose dollar a bare "$" may be, by the words a text names them with
_DOLLAR_COUNTRIES: Final = (
    ("australia", "AUD"),
    ("australian", "AUD"),
    ("canada", "CAD"),
    ("canadian", "CAD"),
    ("new zealand", "NZD"),
    ("singapore", "SGD"),
    ("hong kong", "HKD"),
)


def _names_of(countries: tuple[tuple[str, str], ...]) -> regex.Pattern[str]:
    """One pattern for the names of a table of countries, whole words, any case."""
    return regex.compile(
        r"\b(" + "|".join(n for n, _ in countries) + r")\b", regex.IGNORECASE
    )


_DOLLAR_COUNTRY_NAMES: Final = _names_of(_DOLLAR_COUNTRIES)
#: an amount marked with its dollar's country after it: "$57 billion Canadian"
_MARKED_AMOUNT: Final = regex.compile(
    r"\$[\d.,]+(?:[ \t\u00a0]+(?:million|billion|trillion|bn|m))?"
    + DOLLAR_COUNTRY_AFTER.pattern
)
#: "US$1.10", "US $5": a text that marks the US dollar where it means it
_US_MARKED: Final = regex.compile(r"\bUS ?\$")


def _house_dollar(prose: str) -> tuple[dict[str, str], str] | None:
    """The local dollar of a text that writes "US$" for US dollars and names one
    dollar country: its bare "$" is that country's ("US$1.10 a share" beside "$26.2
    billion" in a text about Australia's largest gold miner), as a newsroom's house
    style has it."""
    if _US_MARKED.search(prose) is None:
        return None
    # "US$47 billion (about $57 billion Canadian)": a text that marks the other
    # dollar where it means it writes the US dollar as "$" too
    found = _one_dollar_country(_MARKED_AMOUNT.sub("", prose))
    if found is None:
        return None
    code, country = found
    return {
        "$": code
    }, f"writing 'US$' for US dollars, in a text that names {country.title()}"


def _one_dollar_country(text: str) -> tuple[str, str] | None:
    """The dollar of the one dollar country a text names (its code, and the name
    as written first in :data:`_DOLLAR_COUNTRIES`), or None."""
    return _one_country(text, _DOLLAR_COUNTRIES, _DOLLAR_COUNTRY_NAMES)


def _one_country(
    text: str, countries: tuple[tuple[str, str], ...], names: regex.Pattern[str]
) -> tuple[str, str] | None:
    """The currency of the one country of ``countries`` (name, code) a text names
    (``names`` finds them): its code, and the first of its names in the text's
    alphabetical order; None for no country or several."""
    named = {m.group(1).lower() for m in names.finditer(text)}
    codes = {code for name, code in countries if name in named}
    if len(codes) != 1:
        return None
    (code,) = codes
    return code, min(n for n, c in countries if c == code and n in named)


def _outlet_dollar(outlet: str | None) -> tuple[dict[str, str], str] | None:
    """The local dollar of an outlet whose name names one dollar country ("The Edge
    Singapore", "Hong Kong Free Press"), as its domain would."""
    found = _one_dollar_country(outlet) if outlet else None
    if found is None:
        return None
    return {"$": found[0]}, f"the outlet is {outlet}"


def _resolve_signs(document: Document, table: ClaimTable) -> None:
    """A bare "$" in an Australian masthead is A$: re-read ambiguous signs by country
    (in place, before the claims are handed out); the claim keeps both readings in
    ``unit_candidates``, the local one first, so checks can try each. The country
    is the URL's, or else the one dollar country a text that writes "US$" names."""
    local = _local_reading(document)
    if local is not None:
        signs, host = local
        why = f"the outlet is {host}"
    else:
        house = _outlet_dollar(document.outlet) or _house_dollar(document.prose)
        if house is None:
            return
        signs, why = house
    for row in range(len(table)):
        note = table.unit_and_note(row)[1]
        if note is None:
            continue
        sign = next((s for s in signs if note.startswith(f"'{s}' read as")), None)
        if sign is None or "the sentence names" in note:
            continue
        code = signs[sign]
        # the outlet's country is a guess, not a statement: a Canadian outlet writing
        # about Korea may print US dollars, so the reading it replaces stays a
        # candidate (unit_candidates) that checks try
        table.set_unit_and_note(
            row,
            code,
            f"'{sign}' read as {code}: {why}",
            table.unit_and_note(row)[0],
        )


#: the countries whose currency news calls "pesos", by the names a text gives them
_PESO_COUNTRIES: Final = (
    ("philippines", "PHP"),
    ("philippine", "PHP"),
    ("filipino", "PHP"),
    ("manila", "PHP"),
    ("mexico", "MXN"),
    ("mexican", "MXN"),
    ("argentina", "ARS"),
    ("argentine", "ARS"),
    ("chile", "CLP"),
    ("chilean", "CLP"),
    ("colombia", "COP"),
    ("colombian", "COP"),
)
_PESO_COUNTRY_NAMES: Final = _names_of(_PESO_COUNTRIES)
#: the pesos "pesos" may mean besides Mexico's when no country settles them
_OTHER_PESOS: Final = " ".join(
    dict.fromkeys(code for _, code in _PESO_COUNTRIES if code != "MXN")
)


def _resolve_pesos(document: Document, table: ClaimTable) -> None:
    """ "Land Bank will provide 50 billion pesos" in a story about the Philippines:
    "pesos" with no country of its own are the pesos of the one peso country the
    text names (the reading it replaces stays a candidate)."""
    rows = [
        row
        for row in range(len(table))
        if (table.unit_and_note(row)[1] or "").startswith(
            ("'pesos' read as", "'peso' read as")
        )
    ]
    if not rows:
        return  # most texts have no pesos: the prose is not searched
    found = _one_country(document.prose, _PESO_COUNTRIES, _PESO_COUNTRY_NAMES)
    why = "the text names {}"
    if (
        found is None
        and document.outlet
        and _PESO_COUNTRY_NAMES.search(document.prose) is None
    ):
        # "Mexico News Daily": a masthead that names one peso country, in a text
        # that names none, settles its pesos as its domain would
        found = _one_country(document.outlet, _PESO_COUNTRIES, _PESO_COUNTRY_NAMES)
        why = f"the outlet is {document.outlet} ({{}})"
    if found is None:
        # no peso country named, or two: Mexican pesos, and every other country's
        # pesos stay candidates that checks try ("5.6 billion pesos or about $99
        # million" in a story of a Philippine city that names no country); one the
        # reference rates lack (Chile's, in a story of a Chilean mine that names
        # no country) leaves a conversion unproven
        for row in rows:
            unit, note = table.unit_and_note(row)
            if unit == "MXN" and note is not None:
                table.set_unit_and_note(row, "MXN", note, _OTHER_PESOS)
        return
    code, country = found
    for row in rows:
        unit, note = table.unit_and_note(row)
        if note is None or (unit == code and "no country given" not in note):
            continue
        word = note.split("'")[1]
        table.set_unit_and_note(
            row,
            code,
            f"'{word}' read as {code}: " + why.format(country.title()),
            # the reading it replaces stays a candidate (none if it is the same)
            None if unit == code else unit,
        )


#: currencies redenominated since the ECB began: the code news words name today,
#: the code of the currency they named before, and the first day of today's
#: (Turkey's new lira replaced 1,000,000 old lira on 2005-01-01; Romania's new leu
#: 10,000 old lei on 2005-07-01). The ECB quotes the old codes until then.
_REDENOMINATED: Final = (
    ("TRY", "TRL", dt.date(2005, 1, 1), "Turkey's 2005 redenomination"),
    ("RON", "ROL", dt.date(2005, 7, 1), "Romania's 2005 redenomination"),
)


def _resolve_redenominated(document: Document, table: ClaimTable) -> None:
    """ "Damage may reach 10,000 trillion lira" in 1999 is in the old lira (TRL): a
    currency word read as today's code is the code it named on the day the text
    was published, before its currency was redenominated."""
    published = document.published
    if published is None or published >= _REDENOMINATED[-1][2]:
        return  # most texts are later than every redenomination: nothing to read
    for row in range(len(table)):
        unit = table.unit_and_note(row)[0]
        for new, old, since, why in _REDENOMINATED:
            if unit == new and published < since:
                table.set_unit_and_note(
                    row,
                    old,
                    f"{new} read as {old}: the text is of "
                    f"{published.isoformat()}, before {why} "
                    f"({since.isoformat()})",
                )


def extract_document(document: Document) -> Extraction:
    """The claims of a loaded document: found in its prose, offsets into its text.

    An ambiguous sign ("$", "¥") with nothing else to settle it is read by the
    outlet's country, from its URL ("$" in watoday.com.au is AUD); the claim's
    ``unit_note`` records the reading."""
    prose = document.prose
    table = _build_table(
        document.text, prose, iter_joined(prose, iter_mentions(prose)), OBJECTS_UP_TO
    )
    _resolve_signs(document, table)
    _resolve_pesos(document, table)
    _resolve_redenominated(document, table)
    return Extraction(document=document, claims=claims_of(table))
