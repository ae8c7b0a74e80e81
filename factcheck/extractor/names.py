"""Numbers that name things rather than state an amount.

News prints numbers that are labels: the article of a law ("Article 370", "section
144"), a route, a flight, a room, a round; a telephone or emergency number ("dial
112"); a match score or a vote tally ("led 3-1", "ruled 5-4"); a date in parentheses
after a weekday ("on Monday (22)"); a race distance that names the event ("the 100m
final"); a bond named by its term ("the 10-year Treasury"). None of them states a
claim, and the digits of a phone number or a tally are no range either.

:func:`name_end` is asked about each mention the scanner reads; it says where the
name the number belongs to ends, so that the scan skips it whole.
"""

from __future__ import annotations

from typing import Final

import regex

from factcheck.extractor.context import SP, lazy_pattern
from factcheck.extractor.scanner import Mention, has_measure_after

#: words that label a numbered item of a series: the number after them is a name
#: ("Article 370", "section 144", "Route 66", "Flight 370", "Day 3 of the trial")
LABEL_WORDS: Final = frozenset(
    {
        "article", "articles", "section", "sections", "clause", "paragraph",
        "chapter", "rule", "schedule", "amendment", "resolution", "regulation",
        "directive", "bill", "act", "route", "highway", "interstate", "junction",
        "exit", "flight", "room", "gate", "platform", "terminal", "page", "number",
        "no", "nos", "line", "bus", "tier", "level", "phase", "stage", "category",
        "grade", "class", "channel", "version", "model", "type", "size", "day",
        "week", "round", "game", "match", "hole", "lap", "row", "seat", "box",
        "district", "ward", "zone", "sector", "block", "plot", "lot", "item",
        "question", "figure", "table", "part", "volume", "issue", "episode",
        "season", "series", "verse", "psalm", "apartment", "suite", "floor",
        "pier", "berth", "runway", "lane", "court", "field", "squad", "jersey",
        "shirt", "gen", "generation", "mk",
    }
)  # fmt: skip

#: what asks for a telephone number ("dial 112", "call 999", "on 0800 555 0199")
_PHONE_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:dial(?:led|ed|ling|ing)?|call(?:ing)?|ring|phone|telephone|tel\.?"
    r"|text|hotline|helpline|reached|contact(?:ed)?|whatsapp|sms|fax)"
    r"(?:[ \t]+(?:on|at|the[ \t]+number|number))?[ \t:]+"
)
#: the last words of :data:`_PHONE_BEFORE` before "on", "at" or "the number"
_PHONE_WORDS: Final = frozenset(
    {"dial", "dialled", "dialed", "dialling", "dialing", "call", "calling", "ring",
     "phone", "telephone", "tel", "text", "hotline", "helpline", "reached",
     "contact", "contacted", "whatsapp", "sms", "fax", "the"}
)  # fmt: skip
#: the rest of a telephone number: groups of digits with spaces, hyphens or dots
_PHONE_REST: Final = lazy_pattern(r"\G(?:[ .-]?\(?[0-9]{2,5}\)?){0,4}")

#: what may not follow a score's second number (a decimal, a range's end, a
#: percentage, a fraction)
_NOT_AFTER_SCORE: Final = r"(?![0-9%/]|[.,][0-9]|[-–][0-9])"
#: a score or a tally: two whole numbers joined by a hyphen or en dash, or by "to"
#: after a vote ("by a vote of 79 to 18")
_TALLY: Final = regex.compile(rf"\G[-–](?P<b>[0-9]{{1,3}}){_NOT_AFTER_SCORE}")
_VOTE_TALLY: Final = lazy_pattern(
    rf"\G[ \t]+to[ \t]+(?P<b>[0-9]{{1,3}}){_NOT_AFTER_SCORE}"
)
_VOTE_BEFORE: Final = lazy_pattern(r"(?r)\b(?i:votes?[ \t]+of|voted|ruled)[ \t]+$")
#: more of a scoreline: sets of tennis ("6-4, 3-6, 7-6 (7-4)") or an aggregate
_TALLY_MORE: Final = lazy_pattern(
    r"\G(?:,?[ \t]+\(?|[ \t]*\()(?P<a>[0-9]{1,3})[-–](?P<b>[0-9]{1,3})\)?"
    + _NOT_AFTER_SCORE
)
#: the first number of a score, read back from its hyphen ("118-112" after a name)
_SCORE_FIRST: Final = lazy_pattern(r"(?r)(?<![0-9.,])(?P<a>[0-9]{1,3})[-–]$")
#: words before a score or tally that make it one even when its first number is the
#: smaller ("lost 1-3", "trailed 0-2"), as a range never is
_TALLY_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:won|win|wins|winning|beat|beats|beating|lost|lose|loses|losing|led"
    r"|leads|leading|lead|trail|trails|trailed|trailing|drew|draw|draws|drawing"
    r"|defeated|defeat|edged|thrashed|routed|crushed|downed|ruled|rule|voted|vote"
    r"|votes|score|scored|scoreline|margin|tied)"
    r"(?:[ \t]+(?:[A-Z][\w.'’-]*|the|a|an|by|them|him|her|it)){0,3}[ \t]+$"
)
#: words after a score or tally ("a 1-3 defeat", "3-1 on aggregate")
_TALLY_AFTER: Final = lazy_pattern(
    rf"\G{SP}(?i:win|wins|victory|victories|defeat|defeats|loss|losses|draw|draws"
    r"|lead|scoreline|aggregate|on[ \t]+penalties|on[ \t]+aggregate|vote|votes|ruling"
    r"|decision|verdict|majority|split|home[ \t]+win|away[ \t]+win|thrashing|rout)\b"
)

_WEEKDAYS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "today", "yesterday", "tomorrow", "mon", "tue", "tues", "wed", "thu", "thur",
     "thurs", "fri", "sat", "sun"}
)  # fmt: skip
_WORD_BEFORE_PAREN: Final = lazy_pattern(r"(?r)(?P<w>[A-Za-z]+)\.?,?[ \t]*\($")

#: the length units a race distance names an event in
_DISTANCES: Final = frozenset({"meter", "kilometer", "mile", "yard"})
#: what follows a distance that names an event ("the 100m final", "200 metres
#: freestyle", "the 10,000m title")
_EVENT_AFTER: Final = lazy_pattern(
    rf"\G{SP}(?i:final|finals|semi-?finals?|semis|heats?|title|titles|race|sprint"
    r"|hurdles|freestyle|butterfly|backstroke|breaststroke|medley|individual|relay"
    r"|steeplechase|event|dash|world[ \t]+record|world[ \t]+title|gold|silver|bronze"
    r"|champion|championship|crown|podium|qualifying|qualifiers?|heptathlon)\b"
)
_ARTICLE_BEFORE: Final = lazy_pattern(r"(?r)\b(?i:an?)[ \t]+$")
#: what follows a term that names a bond or loan ("the 10-year Treasury note",
#: "two-year gilts", "the 30-year mortgage rate")
_TENOR_AFTER: Final = lazy_pattern(
    rf"\G(?:{SP}(?:US|U\.S\.|German|Japanese|British|Italian|French|government"
    r"|benchmark|Treasury|sovereign))?"
    rf"{SP}(?i:treasury|treasuries|note|notes|bond|bonds|yield|yields|gilt|gilts"
    r"|bund|bunds|bill|bills|paper|mortgage|mortgages|fixed|swap|swaps|JGBs?|BTPs?"
    r"|OATs?|debt|borrowing[ \t]+costs)\b"
)
#: "the yield on the 10-year" (the bond named, with nothing after it)
_TENOR_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:yields?|rates?)[ \t]+on[ \t]+the[ \t]+$"
)


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word of ASCII letters that ends before ``start`` past blanks and one full
    stop ("No. 7"), in lower case, and where it starts ("" if there is none)."""
    at = start
    while at > 0 and text[at - 1] in " \t\u00a0":
        at -= 1
    if at == start:
        return "", start
    if at > 0 and text[at - 1] == ".":
        at -= 1
    end = at
    while at > 0 and text[at - 1] in _LETTERS:
        at -= 1
    return text[at:end].lower(), at


_LETTERS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


#: the label words written abbreviated, with a full stop before their number ("No.
#: 7", "Mk. II"); after any other word a full stop ends its sentence ("... was the
#: most common issue. One in five complaints")
_ABBREVIATED_LABELS: Final = frozenset({"no", "nos", "mk", "gen"})


def _is_label_before(text: str, start: int) -> bool:
    word, at = _word_before(text, start)
    if word not in LABEL_WORDS:
        return False
    return word in _ABBREVIATED_LABELS or "." not in text[at:start]


#: a period a market report ends, as a label word: "ended the day", "closed the week"
_PERIODS_ENDED: Final = frozenset({"day", "week", "session", "month", "year"})


def _period_then_amount(text: str, m: Mention) -> bool:
    """ "The index ended the day 777 points lower": after "the day", a count of a
    plural noun is an amount, not the day's number ("Day 3 of the trial")."""
    word, at = _word_before(text, m.number.start)
    return (
        word in _PERIODS_ENDED
        and m.noun is not None
        and m.noun.endswith("s")
        and _word_before(text, at)[0] == "the"
    )


def _phone_end(text: str, m: Mention) -> int | None:
    """Where a telephone number that starts with the mention's digits ends."""
    number = m.number
    digits = number.end - number.start
    if digits < 3 or number.spelled or (m.noun is not None and m.noun.endswith("s")):
        return None  # "call 200 workers back"; a phone number has three digits
    if not text[number.start : number.end].isdigit():
        return None
    word, at = _word_before(text, number.start)
    if word in ("on", "at", "number") or (word == "" and text[at - 1 : at] == ":"):
        word = _word_before(text, at)[0] if word else _word_before(text, at - 1)[0]
    if word not in _PHONE_WORDS and word != "number":
        return None  # what asks for a number stands right before it
    if word == "reached" and _word_before(text, number.start)[0] == "reached":
        return None  # "deaths reached 662": a level; "can be reached at 0800 ..."
    if _PHONE_BEFORE().match(text, max(0, number.start - 32), number.start) is None:
        return None
    rest = _PHONE_REST().match(text, number.end)
    return rest.end() if rest is not None else number.end


def _tally_end(text: str, m: Mention) -> int | None:
    """Where a score or tally that the mention's number is part of ends: its first
    number ("led 3-1") or its second ("the Celtics 118-112", after a name that is
    no claim)."""
    number = m.number
    start = number.start
    after = text[number.end : number.end + 1]
    before = text[start - 1 : start]
    if not (after in ("-", "–", " ") or before in ("-", "–")):
        return None  # a score's number stands beside a hyphen, or before " to "
    if number.spelled or not text[start : number.end].isdigit():
        return None
    t = None
    if after in ("-", "–"):
        t = _TALLY.match(text, number.end)
    elif text.startswith(" to ", number.end) and _VOTE_BEFORE().match(
        text, max(0, start - 16), start
    ):
        t = _VOTE_TALLY().match(text, number.end)  # "by a vote of 79 to 18"
    if t is None:
        if before not in ("-", "–"):
            return None
        first = _SCORE_FIRST().match(text, max(0, start - 4), start)
        if first is None:
            return None
        start = first.start()
        t = _TALLY.match(text, first.end("a"))
        if t is None:
            return None
    a, b = int(text[start : t.start()]), int(t.group("b"))
    end = t.end()
    if a < b and not (
        _TALLY_BEFORE().match(text, max(0, start - 40), start)
        or _TALLY_AFTER().match(text, end)
    ):
        return None  # "10-15 people", "aged 18-24": a range, low to high
    if a >= b and has_measure_after(text, end):
        return None  # "5-3%": the range of a percentage, read the other way
    more = _TALLY_MORE().match(text, end)
    while more is not None:
        end = more.end()
        more = _TALLY_MORE().match(text, end)
    return end


def _is_weekday_date(text: str, m: Mention) -> bool:
    """ "on Monday (22)": the day of the month, in parentheses after its weekday."""
    number = m.number
    start, end = number.start, number.end
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    w = _WORD_BEFORE_PAREN().match(text, max(0, start - 16), start)
    return w is not None and w.group("w").lower() in _WEEKDAYS


def name_end(text: str, m: Mention) -> int | None:
    """Where the name that the mention's number belongs to ends, or ``None`` if the
    number states an amount. A count after a label word, a telephone number, a
    score, a date in parentheses, a distance that names a race, and a term that
    names a bond are names."""
    if m.kind == "count" and not m.scaled and m.qualifier is None:
        tally = _tally_end(text, m)
        if tally is not None:
            return tally
        if m.value == int(m.value) and "," not in text[m.start : m.end]:
            if (
                _is_label_before(text, m.number.start)
                and not _period_then_amount(text, m)
            ) or _is_weekday_date(text, m):
                return m.number.end
            phone = _phone_end(text, m)
            if phone is not None:
                return phone
    elif m.kind == "quantity" and m.qualifier is None:
        if (
            m.unit in _DISTANCES
            and _EVENT_AFTER().match(text, m.end)
            and not _ARTICLE_BEFORE().match(text, max(0, m.start - 4), m.start)
        ):
            return m.end  # "the 100m final"; "a 5km race" is a distance
        if _is_tenor(text, m):
            return m.end
    return None


def _is_tenor(text: str, m: Mention) -> bool:
    """ "the 10-year Treasury", "two-year notes": a term joined to its number by a
    hyphen that names a bond or loan."""
    if m.unit not in ("year", "month", "week", "day"):
        return False
    if text[m.number.end : m.number.end + 1] != "-":
        return False
    return (
        _TENOR_AFTER().match(text, m.end) is not None
        or _TENOR_BEFORE().match(text, max(0, m.start - 24), m.start) is not None
    )
