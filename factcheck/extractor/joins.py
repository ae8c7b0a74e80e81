"""The second pass: mentions that stand together are one claim, or are linked.

After the scanner has read each number with what stands beside it, neighbouring
mentions are joined: ranges ("$1-2 billion", "between 3 and 5 kg"), bounds ("more
than 10 and less than 20"), ratios ("158 out of 325 seats"), compound amounts ("3
dollars 50 cents", "5 feet 2 inches", "2 minutes and 41 seconds"), and each stated
equivalent is linked to its anchor ("380 billion yuan (US$52.4 billion)").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import regex

from factcheck.extractor.context import lazy_pattern
from factcheck.extractor.counts import PART_JOINER, RATIO_JOINER
from factcheck.extractor.durations import duration_factors
from factcheck.extractor.scanner import Mention
from factcheck.extractor.units import TEMPERATURES, TIME_UNITS

_AND: Final = regex.compile(r"[ \t\u00a0]*(?:and[ \t\u00a0]+)?")
#: the words and signs between the ends of a range (with white space around them)
_RANGE_JOINERS: Final = frozenset(["-", "–", "—", "~", "to", "and", "through", "thru"])
_BOUND_JOINER: Final = regex.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]*(?:and|but|,)[ \t\u00a0]+"
)
#: the inches after a length in feet: "5 ft 2 in", "5 feet and 2 inches", and as
#: American sports pages print a mark, "19 feet, 6 1/4 inches" (after a comma, only
#: the word "inch" is read: "6 feet, 2 in the second round" is no length)
_FEET_INCHES: Final = regex.compile(
    r"(?:[ \t\u00a0]*(?:and[ \t]+)?|(?P<comma>,[ \t\u00a0]+))"
    r"(?P<n>\d{1,2}(?:\.\d+)?)"
    r"(?:[ \t\u00a0]+(?P<num>[1-9])/(?P<den>[2-9]|1[0-6])|(?P<vulgar>[¼½¾]))?"
    r"[ \t\u00a0]?(?P<unit>inch(?:es)?\b|in\b|\"|″)"
)
#: a vulgar fraction's value
_VULGAR: Final = {"¼": 0.25, "½": 0.5, "¾": 0.75}
#: the verbs of a change, in any form ("raised", "lifting", "cut")
CHANGE_VERBS: Final = (
    r"(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grew|grow\w*"
    r"|jump\w*|climb\w*|drop\w*|declin\w*|cut|cuts|rais\w*|lower\w*|widen\w*|narrow\w*"
    r"|slip\w*|slid\w*|surg\w*|soar\w*|plung\w*|tumbl\w*|went|moved?|chang\w*|revis\w*"
    r"|up|down|upgrad\w*|downgrad\w*|swung|shr[aiu]nk\w*|expand\w*|boost\w*|reduc\w*"
    r"|lift\w*|hik\w*|push\w*|doubl\w*|tripl\w*|halv\w*|trimm\w*|slash\w*|add\w*"
    # a market report's moves: "the peso firmed 2.6 percent to 9.43 per dollar",
    # "the index eased 1.5 per cent to 3,245.6" (only the verb's forms that are
    # no noun: "firms", "contracts" and "an inch" are)
    r"|gain\w*|los[et]|loses|losing|shed|sheds|shedding|sank|sink\w*|slump\w*|dipp?\w*"
    r"|plummet\w*|retreat\w*|rall(?:y|ies|ied|ying)|rebound\w*|recover(?:s|ed|ing)"
    r"|firm(?:ed|ing)|eas(?:ed|ing)|weaken\w*|strengthen\w*|advanc(?:ed|ing)"
    r"|edg(?:ed|ing)|inch(?:ed|ing)|apprecia\w*|deprecia\w*|accelerat\w*"
    r"|slow(?:ed|ing)|contract(?:ed|ing)|spik(?:ed|ing)|crash(?:ed|ing)|div(?:ed|ing)"
    r"|dove|sagg(?:ed|ing)|skidd(?:ed|ing)|leap(?:t|ed|ing)|rocket(?:ed|ing))"
)
_CHANGE_VERB: Final = regex.compile(
    rf"(?i:\b{CHANGE_VERBS})"
    # "lift their average annual pay from": the verb, then what it changes
    r"(?:[ \t]+\S+){0,4}[ \t]*$"
)
#: a verb that makes "from A to B" a range ("salaries range from", "estimates vary
#: from")
_RANGE_VERB: Final = regex.compile(
    r"(?i:\b(?:rang\w*|var(?:y|ies|ied|ying)|spann?\w*)\b)(?:[ \t]+\S+){0,4}[ \t]*$"
)
#: a change named right after "from A to B": ", a rise of 38%", ", up 12%", "(an
#: increase of ...)": the two figures are its ends, not a range
_CHANGE_AFTER: Final = regex.compile(
    r"[ \t\u00a0]*[,(][ \t\u00a0]*(?:(?i:up|down)\b|(?i:an?)[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+)?"
    r"(?i:rise|increase|jump|gain|climb|fall|drop|decline|decrease|reduction|cut)"
    r"[ \t\u00a0]+(?i:of)\b)"
)
_BY: Final = regex.compile(r"(?i:\bby)[ \t\u00a0]+$")
#: the size of a change right before its ends: "raised the benchmark rate by 25
#: basis points, from 13% to 13.25%" (the verb too far back to be read)
_BY_AMOUNT: Final = regex.compile(
    r"(?i:\bby)[ \t\u00a0]+[\d.,]+[ \t\u00a0]*(?:%|(?i:per[ \t\u00a0]?cent(?:age"
    r"[ \t\u00a0]+points?)?|basis[ \t\u00a0]+points?|bps?|points?))?[ \t\u00a0]*,?"
    r"[ \t\u00a0]*$"
)
#: "between", "from", or "from" and the start's owner: "from the first round's"
_BETWEEN: Final = regex.compile(
    r"(?i:\bbetween|\bfrom(?:[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,2}[\w-]+['’]s)?)"
    r"[ \t\u00a0]+$"
)
_EQUIVALENT_JOINER: Final = regex.compile(
    r"""[ \t\u00a0]*(?:
        [(\[][ \t\u00a0]*(?:(?i:or|equivalent[ \t]to|equal[ \t]to|roughly|about|approximately|around|some|nearly|almost|approx\.?|est\.?|c\.|i\.e\.|worth)[ \t\u00a0,]*)*
      # "970 billion yen ($7.18 billion), or about Rs 5,900 crore": a second
      # restatement after the bracket of the first
      | \)?[,;]?[ \t\u00a0]*(?:—|–|-)?[ \t\u00a0]*(?i:or|equivalent[ \t]to|equal[ \t]to|equating[ \t]to|described[ \t]as|translating[ \t]to|worth|which[ \t]is|i\.e\.|converted[ \t]to|or[ \t]an[ \t]equivalent[ \t]of)
        (?:[ \t\u00a0]+(?i:roughly|about|approximately|around|some|nearly|almost|just[ \t]over|just[ \t]under|over|more[ \t]than))?[ \t\u00a0]*
      | [ \t\u00a0]*/[ \t\u00a0]*
      # "18.6 million hectares burned, or 1.86 million square kilometres": the
      # figure's verb, then the restatement
      | [ \t\u00a0]+[a-z]{3,}[,;][ \t\u00a0]*(?i:or)
        (?:[ \t\u00a0]+(?i:roughly|about|approximately|around|some|nearly|almost))?[ \t\u00a0]*
      # "$161.1bn in 2022, or about R2.9-trillion", "49.6 degrees Celsius on
      # Tuesday, or about 121 degrees Fahrenheit": the figure's time, then the
      # restatement
      | [ \t\u00a0]+(?:in|for|last|this|on)(?:[ \t\u00a0]+(?:the|fiscal))?[ \t\u00a0]+
        (?:\d{4}(?:-\d{2,4})?|[A-Z][a-z]+(?:[ \t\u00a0]+\d{4})?|year|quarter|month)
        [,;][ \t\u00a0]*(?i:or)
        (?:[ \t\u00a0]+(?i:roughly|about|approximately|around|some|nearly|almost))?[ \t\u00a0]*
      # "180,000 euros for a gold medal (about $197,000)": what the amount is for,
      # then the restatement in brackets
      | [ \t\u00a0]+for(?:[ \t\u00a0]+[a-z-]+){1,4}[ \t\u00a0]*[(][ \t\u00a0]*
        (?:(?i:roughly|about|approximately|around|some|nearly|almost|or)[ \t\u00a0]+)?
    )""",
    regex.VERBOSE,
)

#: after an amount, what it is, then its restatement in brackets: "Nakheel's $3.52bn
#: sukuk (Dh12.93bn)", "a $26 billion debt pile (about Dh95.5bn)" (amounts only: a
#: measure's unit may stand there, "1.5m km (932,000 miles)"; not a price's unit,
#: "$2,400 an ounce (£1,900 a kilo)", which :data:`_PER_UNIT_BRACKET` reads)
_NOUN_THEN_BRACKET: Final = regex.compile(
    r"(?:[ \t\u00a0]+(?!(?:a|an|per|each)\b)[a-z][a-z-]+){1,2}[ \t\u00a0]*[(][ \t\u00a0]*"
    r"(?:(?i:roughly|about|approximately|around|some|nearly|almost|or)[ \t\u00a0]+)?"
)


def join_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join the mentions that state one claim together, in order."""
    return list(iter_joined(text, iter(mentions)))


def iter_joined(text: str, mentions: Iterator[Mention]) -> Iterator[Mention]:
    """:func:`join_mentions`, one mention at a time: each join looks at two
    neighbours (a size at up to four), so the mentions of a long text are never
    held at once."""
    return _carried_currency(
        text,
        _unify_temperature_equivalents(
            text, _pairs(text, _dimensions(text, _compound_durations(text, mentions)))
        ),
    )


#: between an amount and a bare one in its list, what ends a sentence
_SENTENCE_END: Final = lazy_pattern(
    r"[.!?][\"'”’)]*(?:[ \t\u00a0]+|\n)(?=[\"'“‘(]*\p{Lu})|\n"
)
#: the most characters a list's bare amount may stand after the amount whose
#: currency it carries
_CARRY_REACH: Final = 160
#: right before a bare amount: a count of people or things named ahead of it ("a
#: population of 23.4 million"), which carries no currency
_COUNTED_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:population|people|residents|inhabitants|citizens|voters|users"
    r"|subscribers|customers|members|viewers|visitors|passengers|households|homes"
    r"|barrels|tonnes|tons|units|vehicles|cars|shares|workers|jobs|votes|copies)"
    r"\b[^.;:\n]{0,24}$"
)


def _carried_currency(text: str, mentions: Iterator[Mention]) -> Iterator[Mention]:
    """ "Roche received the biggest fine, 462 million euros, followed by BASF with
    296.16 million. The others were Takeda (37.05 million) and Eisai (13.23
    million)": a list's bare amounts, a number with a scale word and no noun, carry
    the currency of the amount before them, in its sentence or, in brackets, in the
    next. Another measure between them (a count of a noun, a quantity), another
    sentence further on, or a currency the text left open ends the list."""
    last: Mention | None = None  # the list's latest amount
    source = ""  # the amount whose currency the list carries, as printed
    for m in mentions:
        if m.kind == "money":
            last = m if m.unit is not None and m.unit_note is None else None
            source = text[m.start : m.end]
            yield m
            continue
        if last is None or m.kind == "percent":
            yield m
            continue
        if m.kind != "count" or m.noun is not None or not m.scaled:
            last = None  # another measure ends the list
            yield m
            continue
        gap = m.start - last.end
        ends = list(_SENTENCE_END().finditer(text, last.end, m.start))
        if (
            gap > _CARRY_REACH
            or len(ends) > 1
            or (ends and text[m.start - 1 : m.start] != "(")
            or _COUNTED_BEFORE().search(text, max(0, m.start - 40), m.start)
        ):
            yield m
            continue
        carried = m.copy()
        carried.kind = "money"
        carried.unit = last.unit
        carried.unit_note = (
            f"{last.unit} carried from {source!r}, an amount before it in its list"
        )
        last = carried
        yield carried


def _pairs(text: str, mentions: Iterator[Mention]) -> Iterator[Mention]:
    """Ranges, bounds, rates, compound amounts, parts of totals and the ends of
    changes: what two neighbouring mentions state together."""
    a = next(mentions, None)
    while a is not None:
        b = next(mentions, None)
        if b is not None:
            joined = (
                _rate_of(text, a, b)
                or _range_of(text, a, b)
                or _bounds_of(text, a, b)
                or _compound_of(text, a, b)
            )
            if joined is not None:
                yield joined
                a = next(mentions, None)
                continue
            part = _part_of(text, a, b)
            if part is not None:
                a = part
            else:
                changed = _end_of_change(text, a, b)
                if changed is not None:
                    b = changed
        a = _feet_and_inches(text, a)
        yield a
        while b is not None and b.start < a.end:
            b = next(mentions, None)  # consumed by the joined mention ("5 feet 2 in")
        a = b


_RATIO_JOINER: Final = regex.compile(RATIO_JOINER)
_PART_JOINER: Final = regex.compile(PART_JOINER)
#: the wholes of rates ("one in five", "nine out of 10", "3 out of 4"): with "out
#: of", any other whole is a total the part is of ("158 out of 325 seats")
RATE_WHOLES: Final = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 100, 1000})


def _is_ratio_pair(a: Mention, b: Mention, *, nouned: bool = False) -> bool:
    """Two plain counts, the first below the second (``nouned``: the first may
    carry its noun, "34 seats out of 100")."""
    return not (
        a.kind != "count"
        or b.kind != "count"
        or a.scaled
        or b.scaled
        or (a.noun is not None and not nouned)
        or a.range_bounds is not None
        or b.range_bounds is not None
        or not 0 < a.value < b.value
        or b.value != int(b.value)
    )


def _rate_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "one in five adults", "nine out of 10": a rate, one claim of the part with
    its whole (the share is derived from the two); a qualifier on either number
    applies to it ("nearly one in five", "2 in 5 or more")."""
    if not _is_ratio_pair(a, b):
        return None
    joiner = _RATIO_JOINER.fullmatch(text, a.end, b.start)
    if joiner is None or (joiner.group("out") and b.value not in RATE_WHOLES):
        return None
    joined = b.copy()
    joined.start = a.qualifier_start if a.qualifier_start is not None else a.start
    joined.value = a.value
    joined.whole = b.value
    joined.precision = 0.0
    joined.qualifier = b.qualifier or a.qualifier
    joined.qualifier_start = a.qualifier_start
    return joined


def _part_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "158 out of 325 seats", "204 of the 400 seats", "five of its nine": a part
    of a stated total; also with the part's noun before the joiner ("34 seats out
    of 100", "66 seats of the 100"). Both numbers are claims; the part records its
    whole."""
    start = a.end
    if a.noun is not None and text.startswith(f" {a.noun}", a.end):
        # the part's own noun, then the whole: "34 seats out of 100"
        if not _is_ratio_pair(a, b, nouned=True):
            return None
        start = a.end + len(a.noun) + 1
    elif not _is_ratio_pair(a, b):
        return None
    joiner = _RATIO_JOINER.fullmatch(text, start, b.start)
    is_out_of = joiner is not None and joiner.group("out")
    if not is_out_of and _PART_JOINER.fullmatch(text, start, b.start) is None:
        return None
    part = a.copy()
    part.whole = b.value
    return part


def _feet_and_inches(text: str, a: Mention) -> Mention:
    """ "5 ft 2 in", "5 feet 2 inches": one length in feet."""
    if a.kind != "quantity" or a.unit != "foot":
        return a
    m = _FEET_INCHES.match(text, a.end)
    if m is None or (m.group("comma") and not m.group("unit").startswith("inch")):
        return a
    inches, step = float(m.group("n")), 1.0
    if m.group("den"):
        # "6 1/4 inches": a mark measured to the quarter inch
        fraction = int(m.group("num")) / int(m.group("den"))
        if fraction >= 1:
            return a
        inches, step = inches + fraction, 1 / int(m.group("den"))
    elif m.group("vulgar"):
        inches, step = inches + _VULGAR[m.group("vulgar")], 0.25
    if inches >= 12:
        return a
    joined = a.copy()
    joined.end, joined.value = m.end(), a.value + inches / 12
    joined.precision = step / 12
    return joined


def _bounds_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "more than 10 and less than 20": one range with open or closed ends."""
    if (
        a.qualifier is None
        or b.qualifier is None
        or a.kind != b.kind
        or a.unit != b.unit
    ):
        return None
    pair = {a.qualifier, b.qualifier}
    if not (pair & {"gt", "ge"} and pair & {"lt", "le"}):
        return None
    if (
        b.qualifier_start is None
        or _BOUND_JOINER.fullmatch(text, a.end, b.qualifier_start) is None
    ):
        return None
    lo, hi = (a, b) if a.qualifier in ("gt", "ge") else (b, a)
    if lo.value > hi.value or (
        lo.value == hi.value and (lo.qualifier, hi.qualifier) != ("ge", "le")
    ):
        return None  # "less than 10, more than 10": no range between them
    joined = b.copy()
    joined.start = a.qualifier_start if a.qualifier_start is not None else a.start
    joined.value = (lo.value + hi.value) / 2
    joined.qualifier = "range"
    joined.qualifier_start = a.qualifier_start
    joined.range_bounds = (lo.value, hi.value)
    return joined


def _joiner(text: str, a: Mention, b: Mention) -> str:
    """What stands between two mentions, without the white space around it."""
    if b.start - a.end > 12:
        return ""
    return text[a.end : b.start].strip(" \t\u00a0")


def _is_change(
    text: str, a: Mention, b: Mention, before: regex.Match[str] | None
) -> bool:
    """Whether "A to B" states a change ("rose from 3 to 5", "fell by 2 to 7",
    "from $75,608 to $119,309, a rise of 58%"): two values, not a range."""
    head = before.start() if before is not None else a.start
    return bool(
        _CHANGE_VERB.search(text, max(0, head - 48), head)
        or _BY.search(text, max(0, head - 6), head)
        or (
            before is not None
            and _BY_AMOUNT.search(text, max(0, head - 40), head) is not None
            and _RANGE_VERB.search(text, max(0, head - 64), head) is None
        )
        or (
            before is not None
            and _CHANGE_AFTER.match(text, b.end) is not None
            and _RANGE_VERB.search(text, max(0, head - 48), head) is None
        )
    )


def _end_of_change(text: str, a: Mention, b: Mention) -> Mention | None:
    """The second value of a change that states its unit once: "raise the pension age
    from 62 to 64", "rose from 5% to 7": it is in the first value's unit."""
    if (
        a.kind == "count"
        or b.kind != "count"
        or b.noun is not None
        or b.scaled
        or b.range_bounds is not None
        or a.range_bounds is not None
        or _joiner(text, a, b) != "to"
    ):
        return None
    before = _BETWEEN.search(text, max(0, a.start - 40), a.start)
    if before is None or not before.group().lower().startswith("from"):
        return None
    end = b.copy()
    end.kind, end.unit, end.unit_note = a.kind, a.unit, a.unit_note
    if a.scaled:
        end.value, end.precision = b.value * a.scale, b.precision * a.scale
        end.scaled, end.scale = True, a.scale
    return end


def _range_of(text: str, a: Mention, b: Mention) -> Mention | None:
    # only spaces, tabs or no-break spaces stand around the joiner
    joiner = _joiner(text, a, b)
    if (
        joiner not in _RANGE_JOINERS
        or a.qualifier not in (None, "approx")
        or b.qualifier is not None
    ):
        return None
    before = _BETWEEN.search(text, max(0, a.start - 40), a.start)
    is_from = before is not None and before.group().lower().startswith("from")
    if joiner == "and" and (before is None or is_from):
        return None
    if joiner == "to" and _is_change(text, a, b, before):
        return None  # "rose from 3 to 5", "fell by 2 to 7": a change, two claims
    if a.kind != "count" and b.kind not in (a.kind, "count"):
        return None
    if a.kind != "count" and b.kind == a.kind and a.unit != b.unit:
        return None
    if a.kind == "count" and a.noun is not None and b.kind != "count":
        return None  # "3 people to 5 km" is no range
    kind = b.kind if b.kind != "count" else a.kind
    unit = b.unit if b.kind != "count" else a.unit
    low = a.value
    if not a.scaled and b.scaled:
        low *= b.scale
    if a.kind == "money" and b.kind == "count" and not b.scaled:
        return None  # "$5 to 10 people"
    high = b.value
    if a.kind != "count" and b.kind == "count":
        high *= 1.0 if b.scaled or a.scale == 1.0 else a.scale
    if low > high and joiner != "and":
        return None  # "from 4.1bn to 3.6bn": a range goes up; this is a change
    lo, hi = sorted((low, high))
    joined = b.copy()
    joined.start = a.start
    joined.kind = kind
    joined.unit = unit
    joined.value = (lo + hi) / 2
    joined.precision = max(a.precision, b.precision)
    joined.qualifier = "range"
    joined.qualifier_start = before.start() if before is not None else a.qualifier_start
    joined.unit_note = a.unit_note or b.unit_note
    joined.range_bounds = (lo, hi)
    return joined


def _compound_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
    if not (
        a.kind == b.kind == "money" and b.subunit and not a.subunit and a.unit == b.unit
    ):
        return None
    if _AND.fullmatch(text, a.end, b.start) is None or a.value != int(a.value):
        return None
    joined = a.copy()
    joined.end = b.end
    joined.value = a.value + b.value
    joined.precision = b.precision
    joined.subunit = False
    joined.range_bounds = None
    return joined


#: a sentence that opens on the rate a conversion is made at, up to the rate:
#: "At ", "Converted at the current official exchange rate of "
_AT_RATE_OPENS: Final = regex.compile(
    r"\s*(?i:converted[ \t\u00a0]+)?(?i:at)[ \t\u00a0]+"
    r"(?:(?:the|a|an|its|[a-z-]+)[ \t\u00a0]+){0,6}?"
    r"(?:(?i:about|around|roughly|some)[ \t\u00a0]+)?"
)
#: after that rate, up to the restated amount: " to the dollar, that is about ",
#: " to the dollar, the revenue amounts to about "
_RATE_THEN_RESTATED: Final = regex.compile(
    r"[ \t\u00a0]+(?i:to|per|a|against)[ \t\u00a0]+(?i:the[ \t\u00a0]+|one[ \t\u00a0]+)?"
    r"(?:[A-Za-z$€£¥.]+[ \t\u00a0]*){1,2},[ \t\u00a0]+"
    r"(?i:that|this|it|the[ \t\u00a0]+[a-z]+(?:[ \t\u00a0]+[a-z]+)?)[ \t\u00a0]+"
    r"(?i:is|was|amounts[ \t\u00a0]+to|amounted[ \t\u00a0]+to|works[ \t\u00a0]+out[ \t\u00a0]+to"
    r"|comes[ \t\u00a0]+to|equals|translates[ \t\u00a0]+to|is[ \t\u00a0]+worth|would[ \t\u00a0]+be)"
    r"(?:[ \t\u00a0]+(?i:only|just))?[ \t\u00a0]*(?:(?i:about|around|roughly|some|nearly|almost"
    r"|approximately)[ \t\u00a0]+)?"
)


def rate_then_restated(text: str, rate: Mention, b: Mention) -> bool:
    """Whether ``b``, right after the rate ``rate``, restates an amount at it:
    "3.64 riyals to the dollar, that is about $2.2 billion" (the cheap half of the
    test; :func:`opens_on_rate` is the other)."""
    if rate.kind != "money" or b.kind != "money" or rate.unit == b.unit:
        return False
    end = b.qualifier_start if b.qualifier_start is not None else b.start
    return _RATE_THEN_RESTATED.fullmatch(text, rate.end, end) is not None


def opens_on_rate(text: str, sentence_start: int, rate: Mention) -> bool:
    """Whether the sentence opens on the rate: "At 3.64 riyals", "Converted at the
    official rate of N1,600" (the amount restated is the lead one of the sentence
    before, in the rate's currency: see the extractor's table builder)."""
    start = rate.qualifier_start if rate.qualifier_start is not None else rate.start
    return _AT_RATE_OPENS.fullmatch(text, sentence_start, start) is not None


def is_equivalent(text: str, a: Mention, b: Mention) -> bool:
    if a.kind not in ("money", "quantity") or a.kind != b.kind:
        return False
    if b.start - a.end > 48:
        return False
    gap = text[a.end : b.qualifier_start if b.qualifier_start is not None else b.start]
    if a.unit == b.unit:
        # "Rs 59,954.75 crore (Rs 5.99 lakh crore)", "15.54 lakh tonnes (about 1.55
        # million tonnes)": one amount restated in brackets with other scale words
        if not (
            a.scaled
            and b.scaled
            and a.scale != b.scale
            and _BRACKET.fullmatch(gap)
            # "(... $2 million in cash)": the bracket names a part, not the amount
            and text[b.end : b.end + 1] == ")"
        ):
            return False
    elif (
        _EQUIVALENT_JOINER.fullmatch(gap) is None
        and not (a.kind == "money" and _NOUN_THEN_BRACKET.fullmatch(gap) is not None)
        # "6.2bn reais ($2.1bn; £1.4bn)": a second restatement in the bracket of
        # the first
        and not _second_in_bracket(text, a, b, gap)
        # "$139.13 a barrel (€116)": a price per unit, then its equivalent (not
        # "$13.63 a bushel (about €460/t)", a price per another unit)
        and not (
            _PER_UNIT_BRACKET.fullmatch(gap) is not None
            and _OWN_UNIT_AFTER.match(text, b.end) is None
        )
    ) and not (
        # "€222 million, about $263 million", "1.2 million square centimetres —
        # about 12 square metres —": an approximate amount in another unit set
        # off by a comma or a dash restates the one before it
        b.qualifier_start is not None
        and _COMMA_OR_DASH_AFTER_NOUN.fullmatch(gap) is not None
        and _APPROX_WORD.match(text, b.qualifier_start) is not None
        # (a duration after a measure is when, not the measure again: "617.1 mm of
        # rain, about 24 hours after the alert")
        and (a.unit in TIME_UNITS) == (b.unit in TIME_UNITS)
    ):
        return False
    if gap.lstrip().startswith(")") and _RATE_FOLLOWS.match(text, b.end) is not None:
        # "43 trillion yen ($316 billion), or about 8.6 trillion yen ($63.3
        # billion) per year": a rate after the bracket, not the amount again
        return False
    if _SIDE_FOLLOWS.match(text, b.end) is not None:
        return False  # "69 by 46 feet, or 21 by 14 metres": sides, not one figure
    if _COMPARED_FOLLOWS.match(text, b.end) is not None:
        # "49.6C, about 4.6 degrees above the old record", "$5 billion, or $1
        # billion more than last year": a difference from another figure, not the
        # amount again (a bracket's "(2.2F) above" closes first: both are deltas)
        return False
    if _PART_FOLLOWS.match(text, b.end) is not None:
        return False  # "$5 billion, about €3 billion of it abroad": a part
    if _SUM_FOLLOWS.match(text, b.end) is not None:
        # "$55,000 and a bonus of another $125,000, about £114,000 in all": the sum
        # of the amounts before, not the last one again
        return False
    # "C$3.98 billion ($2.79 per share)": a figure per share restates no total
    return not (
        _PER_UNIT.match(text, b.end) is not None
        and _PER_UNIT.match(text, a.end) is None
    )


#: between two restatements in one bracket: "; ", ", about "
_IN_BRACKET_SEPARATOR: Final = regex.compile(
    r"[ \t\u00a0]*[;,][ \t\u00a0]*(?:(?i:or|about|roughly|approximately|around|some"
    r"|nearly|almost)[ \t\u00a0]+)*"
)
#: right before the first restatement in a bracket: "(", "(about "
_BRACKET_OPENS: Final = regex.compile(
    r"\([ \t\u00a0]*(?:(?i:or|about|roughly|approximately|around|some|nearly|almost)"
    r"[ \t\u00a0]+)*$"
)


def _second_in_bracket(text: str, a: Mention, b: Mention, gap: str) -> bool:
    """Whether ``b`` follows ``a`` in one bracket that holds only the two, set
    apart by a semicolon or comma: "($2.1bn; £1.4bn)" restates the figure before
    the bracket twice."""
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    return (
        _IN_BRACKET_SEPARATOR.fullmatch(gap) is not None
        and _BRACKET_OPENS.search(text, max(0, start - 24), start) is not None
        and text[b.end : b.end + 2].lstrip()[:1] == ")"
    )


#: a comma or a dash that sets an approximate restatement off, maybe after what the
#: amount is of: "€222 million, about $263 million", "617.1 millimetres of rain,
#: about 20 inches"
_COMMA_OR_DASH_AFTER_NOUN: Final = regex.compile(
    # "$170,000 in prize money, about 140,000 euros": what it is, in a word or two
    r"(?:[ \t\u00a0]+(?:of|in)(?:[ \t\u00a0]+[a-z]+){1,2}"
    # "The ¥1.2 trillion package, about $8 billion": the noun it sizes
    r"|[ \t\u00a0]+(?!(?:of|in|and|or|but|to)\b)[a-z]+)?(?:,|[ \t\u00a0]*[—–])[ \t\u00a0]*"
)
#: a rate after a figure (and its bracket): " per year", " ($63.3 billion) per
#: year", " a pound"
_RATE_FOLLOWS: Final = regex.compile(
    r"(?:[ \t\u00a0]*\([^()]{0,48}\))?[ \t\u00a0]*(?i:per|a|an|each)[ \t\u00a0]+[a-z]"
)
#: a figure's own unit after it: "€460/t", "€460 a tonne", "€460 per tonne"
_OWN_UNIT_AFTER: Final = regex.compile(
    r"/|[ \t\u00a0]*(?i:per|a|an)[ \t\u00a0]+[A-Za-z]"
)
#: a price's unit, then the bracket of its equivalent: " a barrel (", " per tonne ("
_PER_UNIT_BRACKET: Final = regex.compile(
    # "$139.13 a barrel (€116)", "Rs 57.5 crore per match (about $74 million)": any
    # one item a price or an amount is per
    r"[ \t\u00a0]+(?i:per|a|an)[ \t\u00a0]+[a-z]+[ \t\u00a0]*\([ \t\u00a0]*"
)
_BRACKET: Final = regex.compile(r"[ \t\u00a0]*\([ \t\u00a0]*")
#: a part named after an amount: "€3 billion of it", "of which", "of them"
#: (written without a case-insensitive literal: the regex module then scans ahead
#: for "of" from where a match is tried, which costs the length of the text)
_PART_FOLLOWS: Final = regex.compile(
    r"[ \t\u00a0]+[Oo][Ff][ \t\u00a0]+(?:it|which|them|that|this)\b"
)
#: after an amount, that it is the sum of those listed before it: " in all", " in
#: total", " altogether", " all told"
_SUM_FOLLOWS: Final = regex.compile(
    r"[ \t\u00a0]+(?:(?i:in)[ \t\u00a0]+(?i:all|total)|(?i:altogether)"
    r"|(?i:all)[ \t\u00a0]+(?i:told))\b"
)
_APPROX_WORD: Final = regex.compile(
    r"(?i:roughly|about|approximately|around|some|nearly|almost)\b"
)
#: a comparison right after a figure: it is a difference from another one
_COMPARED_FOLLOWS: Final = regex.compile(
    r"[ \t\u00a0]+(?i:above|below|higher|lower|hotter|warmer|colder|cooler"
    r"|(?:more|less|fewer)[ \t\u00a0]+than|(?:ahead|short)[ \t\u00a0]+of)\b"
)
#: another side of a size after a number ("21 by 14 metres")
_SIDE_FOLLOWS: Final = regex.compile(r"[ \t\u00a0]*(?:by|x|X|×)[ \t\u00a0]*\d")


#: a figure per something: "$2.79 per common share", "$95 a barrel"
_PER_UNIT: Final = regex.compile(
    r"[ \t\u00a0]+(?i:per|a|an|each|for[ \t\u00a0]+(?:every|each))[ \t\u00a0]+"
    r"(?i:(?:common|diluted|basic|ordinary)[ \t\u00a0]+)?"
    # "about 1,500 francs for every Swiss resident": what each one bears
    r"(?:\p{Lu}[\w-]*[ \t\u00a0]+)?"
    r"(?i:share|barrel|tonne|ton|ounce|unit|person|head|passenger|vehicle|resident"
    r"|inhabitant|citizen|household|taxpayer|employee|worker)s?\b"
)


#: between two durations that state one ("two hours, 21 minutes and 11 seconds")
_DURATION_JOINER: Final = lazy_pattern(r",?[ \t\u00a0]+(?:and[ \t\u00a0]+)?")


def _compound_durations(text: str, mentions: Iterator[Mention]) -> Iterator[Mention]:
    """ "2 minutes and 41 seconds", "1 hour 30 minutes": one duration in its
    smallest unit (larger units first; seconds to weeks, or months and years)."""
    prev: Mention | None = None
    for m in mentions:
        if (
            prev is not None
            and m.kind == prev.kind == "quantity"
            and m.qualifier is None
            and m.range_bounds is None
            and prev.range_bounds is None
            and m.unit is not None
            and prev.unit is not None
            and m.start - prev.end <= 8
            and _DURATION_JOINER().fullmatch(text, prev.end, m.start) is not None
        ):
            factor = duration_factors(prev.unit, m.unit)
            if factor is not None:
                joined = prev.copy()
                joined.end = m.end
                joined.unit = m.unit
                joined.value = prev.value * factor + m.value
                joined.precision = m.precision
                joined.noun = m.noun
                prev = joined
                continue
        if prev is not None:
            yield prev
        prev = m
    if prev is not None:
        yield prev


#: between the sides of a size ("30 by 40 centimetres", "3 x 2 m")
_BY_JOINER: Final = lazy_pattern(r"[ \t\u00a0]*(?:by|x|X|×)[ \t\u00a0]*")
#: the most sides a size has ("30 by 40 by 20 cm")
_MOST_SIDES: Final = 3


def _is_side(m: Mention) -> bool:
    """Whether a mention may be a side of a size, its unit stated at the end."""
    return (
        m.kind == "count"
        and m.noun in (None, "x")
        and not m.scaled
        and m.range_bounds is None
    )


def _by(text: str, a: Mention, b: Mention) -> bool:
    return (
        b.start - a.end <= 6
        and _BY_JOINER().fullmatch(text, a.end, b.start) is not None
    )


def _dimensions(text: str, mentions: Iterator[Mention]) -> Iterator[Mention]:
    """ "30 by 40 centimetres": each side of a size is a quantity in the unit
    stated once, at its end."""
    sides: list[Mention] = []  # counts joined by "by", waiting for a unit
    for m in mentions:
        if sides and _by(text, sides[-1], m):
            if m.kind == "quantity" and m.range_bounds is None:
                for side in sides:
                    quantity = side.copy()
                    quantity.kind, quantity.unit = "quantity", m.unit
                    quantity.unit_note = m.unit_note
                    yield quantity
                sides = []
                yield m
                continue
            if _is_side(m) and len(sides) < _MOST_SIDES:
                sides.append(m)
                continue
        yield from sides
        sides = []
        if _is_side(m):
            sides.append(m)
        else:
            yield m
    yield from sides


_DELTAS: Final = frozenset(TEMPERATURES.values())
_TO_DELTA: Final = dict(TEMPERATURES)
#: a temperature's unit and the other scale's: what a bare "degrees" restating it is
_OTHER_SCALE: Final = {
    "degree_Celsius": "degree_Fahrenheit",
    "degree_Fahrenheit": "degree_Celsius",
    "delta_degree_Celsius": "delta_degree_Fahrenheit",
    "delta_degree_Fahrenheit": "delta_degree_Celsius",
}


def _unify_temperature_equivalents(
    text: str, mentions: Iterator[Mention]
) -> Iterator[Mention]:
    """A temperature and its stated equivalent are both readings or both
    differences: "1.2C (2.2F) above the average" says "above" once, after both.
    A bare "degrees" that restates a temperature, or that one restates, is in the
    other scale: "116 degrees (44.4C)" is Fahrenheit, "44.4C (112 degrees)" too
    (a writer restates in the scale not yet given). A bare "degrees" compared with
    another figure ("45.4C (113.7F), five degrees above normal") is a difference in
    the scale of the last temperature stated first (not a restatement)."""
    last: str | None = None  # the scale of the last temperature stated first
    restates = False  # whether ``a`` restates the mention before it
    before: str | None = None  # the unit of the mention before ``a``
    a = next(mentions, None)
    for m in mentions:
        b = m
        if a is not None and a.kind == "quantity" and b.kind == "quantity":
            a, b = _scale_of_bare_degrees(text, a, b)
        b_restates = (
            a is not None
            and a.kind == "quantity"
            and b.kind == "quantity"
            and a.unit in _OTHER_SCALE
            and b.unit in _OTHER_SCALE
            and is_equivalent(text, a, b)
        )
        if b_restates and a is not None and (a.unit in _DELTAS) != (b.unit in _DELTAS):
            a, b = _as_delta(a), _as_delta(b)
        if a is not None:
            if not restates and a.unit in _OTHER_SCALE:
                last = _TO_DELTA.get(a.unit or "", a.unit)  # the scale, as a difference
            # "reached 49.5 degrees, 0.4 degrees short of 49.7": beside a bare
            # reading, a bare margin stays in its unsaid scale
            yield _compared_degrees(text, a, None if before == "degree" else last)
            before = a.unit
        a, restates = b, b_restates
    if a is not None:
        yield _compared_degrees(text, a, None if before == "degree" else last)


def _compared_degrees(text: str, m: Mention, scale: str | None) -> Mention:
    """A bare "degrees" with a comparison after it, as a difference in ``scale``."""
    if m.unit != "degree" or scale is None or m.kind != "quantity":
        return m
    if _COMPARED_FOLLOWS.match(text, m.end) is None:
        return m
    read = m.copy()
    read.unit = scale
    return read


def _scale_of_bare_degrees(
    text: str, a: Mention, b: Mention
) -> tuple[Mention, Mention]:
    """``a`` and ``b`` with a bare "degrees" among them put in the other one's
    other scale, if one restates the other."""
    if a.unit == "degree" and b.unit in _OTHER_SCALE:
        bare, scaled = a, b
    elif b.unit == "degree" and a.unit in _OTHER_SCALE:
        bare, scaled = b, a
    else:
        return a, b
    if not is_equivalent(text, a, b):
        return a, b
    read = bare.copy()
    read.unit = _OTHER_SCALE[scaled.unit or ""]
    return (read, b) if bare is a else (a, read)


def _as_delta(m: Mention) -> Mention:
    if m.unit not in _TO_DELTA:
        return m
    delta = m.copy()
    delta.unit = _TO_DELTA[m.unit]
    return delta
