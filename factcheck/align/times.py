"""When a figure stands: years, quarters, dates and weekdays resolved against the
publication date, "as of"/"by" a day, and elapsed windows ("in its first 24
hours"). Part of the claim frame (see :mod:`factcheck.align.frames`)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Sequence

import regex

from factcheck.align.context import TOKEN
from factcheck.align.lexicon import lexicon
from factcheck.model import Claim
from factcheck.normalize.periods import MONTH_NUMBER

_WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_YEAR = regex.compile(
    # "in mid-2024", "by early-2025": a part of the year dates it by its year
    r"(?:(?<![\w-])|(?<=\b(?i:mid|early|late)-))(?<!\b(?:the|a|an|its|their)\s)(19[5-9]\d|20\d\d"
    # an older year only after "in", "since", "until": "recorded minus 67.8C in 1892"
    r"|(?<=\b(?i:in|since|until)\s)1[89]\d\d)"
    r"(?![\w-]|['’]s\b|\s*(?:%|per|acres|km|model))"
)
#: a year after "the" that names a period: "the 2023 financial year", "the 2023
#: fiscal year", "the 2024 season"
_NAMED_YEAR = regex.compile(
    r"\b(?i:the|its|their)\s+((?:19|20)\d\d)\s+(?i:financial\s+year|fiscal\s+year|tax\s+year"
    r"|budget\s+year|season)\b"
)
#: a year that spans two calendar years: "2023-24", "2023/2024" (a fiscal year or
#: a season), named by the year it ends
_SPAN_YEAR = regex.compile(
    r"(?<![\w-])(?P<start>(?:19|20)\d\d)[-–/](?P<end>(?:19|20)?\d\d)(?![\w-])"
)
_FISCAL = regex.compile(
    r"\b(?:FY|fiscal\s+(?:year\s+)?)(?:20)?(\d\d)\b", regex.IGNORECASE
)
#: a year that dates the holder, not the figure ("founded in 2023", "the 2017 Elantra")
_ORIGIN = regex.compile(
    r"\b(?:founded|established|set\s+up|born|built|launched|created|incorporated|since)\s+(?:in\s+)?$"
    # "the company he started with Binny Bansal in 2007": a few words, no figure,
    # between the founding and its year
    r"|\b(?:founded|started|established|set\s+up|launched|created|incorporated)"
    r"(?:\s+[A-Za-z'’-]+){1,4}\s+in\s+$",
    regex.IGNORECASE,
)
#: between a figure and a date after it, what makes the date the one its record is
#: compared with: "its largest point decline since Sept. 17, 2001", "the most since
#: September 2001", "its biggest drop since the first day of trading after the Sept.
#: 11, 2001, attacks" (a date before the figure dates its own clause: "since Sept.
#: 17, 2001, when it fell 684.81 points")
_SINCE_BEFORE = regex.compile(r"(?i:\bsince\b)[^;()]{0,60}$")


def _since_after(text: str, near: int, at: int) -> bool:
    """Whether the date at ``at`` follows the figure ending at ``near`` after
    "since": the day its record is compared with, not its time."""
    return at >= near and _SINCE_BEFORE.search(text, max(near, at - 70), at) is not None


#: right before an earlier figure: "up from ", "from about " (frames read the
#: earlier stage with it too)
FROM_BEFORE = regex.compile(
    r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|some\s+)?$"
    # "down from the $961 million it first demanded": after a change's direction,
    # the start may take its article
    r"|\b(?:up|down|rising|falling|higher|lower)\s+from\s+(?:the|its|their|a|an)\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|some\s+)?$"
    # "fell to 19.1 trillion pesos from a record 33.4 trillion": a start named as a
    # record or a peak
    r"|\bfrom\s+(?:the|its|their|a|an)\s+(?:record|peak|previous|revised|year-earlier)\s+$",
    regex.IGNORECASE,
)
#: words that compare a figure with another: "compared with", "versus", "against"
_COMPARING = r"compared\s+(?:with|to)|versus|vs\.?|against"
#: right before a compared-against figure: "eight times the $5.5 billion valuation it
#: had in 2019", "more than the 38.9 million of 2021"; a time after it dates it
_COMPARED_BEFORE = regex.compile(
    rf"\b(?:than|times|{_COMPARING})\s+(?:the\s+|its\s+|their\s+)?"
    # "larger than Dell's $67 billion purchase of EMC in 2016": another's figure
    r"(?:[\w-]+['’]s\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$",
    regex.IGNORECASE,
)
#: "more than", "fewer than" right before a figure, with no article or owner
#: between: the figure's own qualifier
_MORE_THAN = regex.compile(
    r"\b(?:more|less|fewer)\s+than\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$",
    regex.IGNORECASE,
)
#: a break into another clause: ", and its forecasts", ", which it bought", "; "
_LATER_CLAUSE = regex.compile(
    r"[;—–]|,[ \t\u00a0]+(?i:and|but|while|whereas|which|who|where)\b"
)
#: "to" right before a figure, the end of a change "from" an earlier one
_TO_BEFORE = regex.compile(
    r"\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+)?$", regex.IGNORECASE
)
_FROM_WORD = regex.compile(r"\b(?i:from)\b")
#: where a figure's own phrase ends: a comma, a semicolon, a dash
_PHRASE_END = regex.compile(r"[,;—–]")
#: a year that dates a comparison's base, not the figure ("up 24% on 2022",
#: "compared with 2019")
#: a year that modifies the noun a figure is the amount of, right before the figure:
#: "a 2022 loss of ", "its 2023 revenue of ", "Acme's 2024 budget of about "
_YEAR_OF_FIGURE = regex.compile(
    r"\b(?:a|an|the|its|their|his|her|[A-Z][\w.-]*['’]s?)\s+(?P<y>(?:19|20)\d{2})\s+"
    r"(?:[a-z-]+\s+){0,2}[a-z-]+\s+of\s+(?:(?:about|around|roughly|nearly|almost|some"
    r"|more\s+than|over|just\s+over|just\s+under)\s+)?\Z"
)
_BASE = regex.compile(
    rf"\b(?:on|{_COMPARING}|than(?:\s+in)?)\s+"
    # "higher than in November 2019": the base's month and year
    r"(?:(?-i:[A-Z][a-z]+\.?)\s+)?$",
    regex.IGNORECASE,
)
#: a whole year named without its number: "for the full year", "full-year operating
#: profit", "for the year"; the report's fiscal year, told apart from its quarters
_FULL_YEAR = regex.compile(
    r"\b(?:full[\s-]+year|for\s+the\s+(?:whole\s+|entire\s+)?year\b(?!\s+(?:to|ahead|before)))",
    regex.IGNORECASE,
)
#: the time of a figure for a whole year whose number goes unsaid
FULL_YEAR = "?-FY"
#: a year named by the day it ends, before that day: "for the year ended June 30",
#: "the twelve months to 31 March 2024": a (fiscal) year, not that day
_ENDED_BEFORE = regex.compile(
    r"\b(?:(?P<three>three|3)\s+months|(?P<other>one|two|four|five|six|seven|eight|nine"
    r"|ten|eleven|(?!12\b)\d{1,2})\s+months|year|months)\s+(?:ended|ending|to|through)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
#: the months' names, for the patterns below
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November"
    "|December"
)
#: a year named by the month it ends, with no day: "revenue of €77.3bn in the year
#: to September", "for the year ending March 2024": a (fiscal) year, not that month
_YEAR_TO_MONTH = regex.compile(
    r"\b(?:year|twelve\s+months|12\s+months)\s+(?:ended|ending|to|through)\s+"
    rf"(?:(?i:the\s+)?end\s+of\s+)?(?:{_MONTH_NAMES})(?!\s+\d{{1,2}}\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
    regex.IGNORECASE,
)
#: marks a quarter named by its months ("the March quarter"), not by its number
BY_MONTHS = "m"
_QUARTER = regex.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
    r"|Q(?P<q>[1-4])"
    r"|(?P<month>march|june|september|december)[\s-]+quarter"
    # "for January-March", "the April to June period": a quarter's months
    r"|(?:january|april|july|october)\s*(?:-|–|to)\s*(?P<month>march|june|september"
    r"|december)\b"
    r"|(?P<half>first|second)\s+half|H(?P<h>[12]))\b",
    regex.IGNORECASE,
)
_DAY_MONTH = regex.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Z][a-z]+\.?)|(?P<m2>[A-Z][a-z]+\.?)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
)
#: a month named without a year: "in November", "for March" (not "May" the verb)
_IN_MONTH = regex.compile(
    r"[ \t\u00a0]+(?:[a-z'’-]+[ \t\u00a0]+){0,3}?(?i:in|for|during|of|by)\s+(?P<m>(?:"
    + _MONTH_NAMES
    + r"))\b(?!\s*,?\s*(?:19|20)\d\d)"
)
#: a month that opens the clause: "In December alone, Japan logged a deficit of",
#: "During March, exports rose": the month of the clause's figures
_OPENING_MONTH = regex.compile(
    rf"\s*(?i:in|during|for)\s+(?P<m>(?:{_MONTH_NAMES}))(?:\s+(?i:alone))?"
    # "In November the authority had already fined": no comma before a subject
    # that opens with its article
    r"(?:\s*,|\s+(?=(?i:the|its|their)\s))"
)
_MONTH_YEAR = regex.compile(r"\b(?P<m>[A-Z][a-z]+\.?)\s+(?P<y>(?:19|20)\d\d)\b")
#: the ends of a span of months, a period and not either month: "February 2023 to
#: January 2024", "from March 2022 - February 2023"
_MONTH_RANGE_NEXT = regex.compile(
    r"\s*(?:to|-|–|through|until)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?"
    r"[A-Z][a-z]+\.?\s+(?:19|20)\d\d"
)
_MONTH_RANGE_PREV = regex.compile(
    r"(?:\bto|-|–|\bthrough|\buntil)\s*(?:the\s+(?:end|middle|start)\s+of\s+)?$"
)
_WEEKDAY = regex.compile(
    r"\b(?P<pre>on|by|since|as\s+of|until|through|last|this)?\s*"
    r"(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    regex.IGNORECASE,
)
_RELATIVE = regex.compile(
    r"\b(?P<w>yesterday|today|tonight|this\s+year|last\s+year|next\s+year|a\s+year\s+ago"
    r"|last\s+month|this\s+month)\b"
    # "the same as last year's models": a possessive dates another thing
    r"(?!['’]s\b)",
    regex.IGNORECASE,
)
#: a time counted back from the report: "three weeks ago", "two days ago", "18
#: months ago" (days and weeks date a day, months a month, years a year)
_AGO = regex.compile(
    r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r")\s+(?P<u>day|week|month|year)s?\s+ago\b",
    regex.IGNORECASE,
)
_WINDOW = regex.compile(
    r"\b(?:in|within|during|after|over|inside)\s+(?:the\s+|its\s+|their\s+)?(?:first\s+|opening\s+)?"
    r"(?P<n>\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72)\s+"
    r"(?P<u>minute|hour|day|week|month)s?\b"
    r"|\b(?P<n2>\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?P<u2>minute|hour|day|week|month)s?\s+(?:had\s+)?(?:passed|after|since|of\s+(?:the\s+)?(?:launch|opening|sales))"
    # "in its first week": one unit, its number left unsaid
    r"|\b(?:in|within|during|over)\s+(?:the|its|their)\s+(?:first|opening)\s+"
    r"(?P<u3>hour|day|week|month)\b"
    # a sum over several years: "losses of about $15 billion over the past two years",
    # "will invest $10 billion over five years", "in the past decade"
    r"|\b(?:(?:over|in|during|across|within)\s+the\s+(?:past|last|previous|next|coming)"
    r"|over)\s+(?:(?P<n4>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    # (not an age: "people over 65 years old")
    r"(?P<u4>year)s(?!\s+(?:old|of\s+age)\b)|(?P<decade>decade))\b",
    regex.IGNORECASE,
)
#: a part of a year set against a year: "the 134 reported in the same period of
#: 2023", "so far this year", "year to date" (a year's total is another fact)
_PART_OF_YEAR = regex.compile(
    r"\b(?:the\s+same\s+period|so\s+far\s+this\s+year|year[\s-]to[\s-]date)\b",
    regex.IGNORECASE,
)
#: the window of a figure for a part of a year (:data:`_PART_OF_YEAR`)
PART_OF_YEAR = "part of the year"
#: how far after its figure a part of a year is read as that figure's
_PART_OF_YEAR_REACH = 40


def _part_of_year_after(
    text: str, spans: Sequence[tuple[int, int]], claim: Claim, end: int
) -> bool:
    """Whether a part of a year follows a figure in its own phrase, no other figure
    between: "the 134 reported in the same period of 2023" (not "rose to $10
    billion" after "from the same period last year")."""
    stop = min(end, claim.span.end + _PART_OF_YEAR_REACH)
    m = _PART_OF_YEAR.search(text, claim.span.end, stop)
    if m is None:
        return False
    i = bisect.bisect_right(spans, (claim.span.end,))
    return i == len(spans) or spans[i][0] >= m.start()


_WORD_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twelve": "12",
}


def read_time(
    text: str,
    spans: Sequence[tuple[int, int]],
    published: dt.date | None,
    claim: Claim,
    *,
    sentence: tuple[int, int],
    stretch: tuple[int, int],
    standing: bool = False,
    running: bool = False,
) -> tuple[str | None, str | None]:
    """(the time point or period, the elapsed window) of a claim: read in its own
    stretch first, then in its sentence.

    ``spans`` are the document's claims' spans, in order. A standing figure (a
    price, a year's profit: ``standing``) is not dated by the
    day it was reported ("starts at $1,550, the company said on Tuesday"); a running
    tally is (its report time is its time), and is not dated by the day of the
    event it counts the toll of (``running``: see :func:`_dates_the_count`)."""
    (s0, s1), (start, end) = sentence, stretch
    window = None
    best = None
    for m in _WINDOW.finditer(text, s0, s1):
        gap = max(m.start() - claim.span.end, claim.span.start - m.end(), 0)
        # a window in another claim's clause belongs to that claim
        if not (start <= m.start() < end) and any(
            min(m.start(), claim.span.start) < s < max(m.end(), claim.span.end)
            and (s, e) != (claim.span.start, claim.span.end)
            and not (m.start() <= s < m.end())
            for s, e in spans
        ):
            continue
        if best is None or gap < best[0]:
            best = (gap, m)
    if best is not None:
        m = best[1]
        n = (m.group("n") or m.group("n2") or m.group("n4") or "1").replace(",", "")
        unit = m.group("u") or m.group("u2") or m.group("u3") or m.group("u4")
        if m.group("decade"):
            n, unit = "10", "year"
        window = f"{_WORD_NUMBERS.get(n.lower(), n)} {unit.lower()}"
    elif _part_of_year_after(text, spans, claim, end):
        window = PART_OF_YEAR
    own = _YEAR_OF_FIGURE.search(text, max(s0, claim.span.start - 48), claim.span.start)
    if own is not None:
        # "reversing a 2022 loss of 1,367 billion kroner": the year that modifies
        # the noun the figure is the amount of is its time, whatever year is nearer
        return own.group("y"), window
    # "3.2% of the population, up from 649,171 in 2016": the time after an earlier
    # figure ("from ...") or one compared against ("eight times the $5.5 billion
    # valuation it had in 2019") dates that figure, not this one
    cut = s1
    for s, _e in itertools.islice(
        spans, bisect.bisect_left(spans, (claim.span.end,)), None
    ):
        if s >= s1:
            break
        before = max(s0, s - 24)
        if (
            FROM_BEFORE.search(text, before, s) is not None
            or (
                _COMPARED_BEFORE.search(text, before, s) is not None
                # "killed more than 4,000 people in 2018": a qualifier, not a
                # figure compared with
                and _MORE_THAN.search(text, before, s) is None
            )
            # "4.5% a year, the bank noted, and its forecasts have it falling to
            # 3.5% by late 2024", "..., LinkedIn, which it bought for $2.62 billion
            # in 2016": past a clause break, a date after another figure dates that
            # figure ("revenue rose to $5.1 billion and profit to $1.2 billion in
            # 2023" dates both)
            or (s >= end and _LATER_CLAUSE.search(text, claim.span.end, s) is not None)
        ):
            cut = s
            break
    passes = [(start, min(end, cut)), (s0, min(s1, cut))]
    to = _TO_BEFORE.search(text, max(s0, claim.span.start - 20), claim.span.start)
    opened = None
    if to is not None:
        opened = next(
            (
                fm
                for fm in reversed(list(_FROM_WORD.finditer(text, s0, to.start())))
                if any(fm.end() <= s < to.start() for s, _ in spans)
            ),
            None,
        )
    if opened is not None:
        # "fell from the 135 seats they won in 2004 to 103": a time inside the "from"
        # phrase dates the earlier figure; the later one's is after it or before
        # the "from"
        passes = [
            (claim.span.start, min(end, cut)),
            (s0, opened.start()),
            (claim.span.start, min(s1, cut)),
        ]
    elif FROM_BEFORE.search(text, max(s0, claim.span.start - 24), claim.span.start):
        # "revised to 212 from 236, rescuers said on Wednesday": an earlier
        # figure's own time stands in its own phrase ("from 21.8% in November");
        # the sentence's is the report's or the later figure's
        stop = _PHRASE_END.search(text, claim.span.end, min(end, cut))
        passes = [(start, stop.start() if stop else min(end, cut))]
    for first, hi in passes:
        # "for the three months ended June 30, 2023 was": a date the stretch starts
        # inside is read whole
        lo = next(
            (
                dm.start()
                for dm in _DAY_MONTH.finditer(
                    text, max(s0, first - 16), min(hi, first + 8)
                )
                if dm.start() < first < dm.end()
            ),
            first,
        )
        found = _time_in(
            text,
            spans,
            lo,
            hi,
            published,
            near=claim.span.end,
            standing=standing,
            count=(s0, claim.span.start) if running else None,
        )
        if found is not None:
            return found, window
    return None, window


#: a date that starts the period a figure counts over, in the same phrase ("62
#: cases since the outbreak was declared on September 27"): not the figure's time
_SINCE = regex.compile(r"(?i:\bsince\b)[^,;.()]*$")
#: a weekday that ties a running count to its day wherever it stands ("by Friday",
#: "as of Tuesday")
_COUNT_DAY = frozenset(["by", "as of", "since", "until", "through"])


def _dates_the_count(text: str, day: regex.Match[str], count: tuple[int, int]) -> bool:
    """Whether a weekday dates a running count (a toll) rather than the event it
    counts: a day after the count ("rose to 12 on Friday", "said on Saturday"), one
    tied to it ("by Friday"), one opening its sentence ("On Thursday, the toll
    rose to 10") or one of the report's verb ("said on Tuesday that 2,719 had
    died"). A day between the sentence's start and the count dates the event
    ("the quake that shook Hualien on Wednesday killed seven", "struck on Wednesday,
    killing at least nine"), as does a possessive one ("Wednesday's quake"), unless
    a reporting verb follows it ("Authorities on Tuesday said they had confirmed
    101 deaths")."""
    sentence_start, start = count
    if text.startswith(("'s", "’s"), day.end()):
        return False
    pre = " ".join((day.group("pre") or "").lower().split())
    if (
        day.start() >= start
        and pre not in _COUNT_DAY
        and _EVENT_CLAUSE.search(text, start, day.start()) is not None
        and not _reported_on(text, day.start())
    ):
        # "47 people were killed when a hillside collapsed late on Sunday,
        # officials said on Tuesday": the day of the event the count is of
        return False
    return (
        day.start() >= start
        or pre in _COUNT_DAY
        or not text[sentence_start : day.start()].strip()
        # "the ministry said on Tuesday that 2,719 had died", "the ministry on
        # Tuesday said 2,719 had died": when it was counted
        or _reported_on(text, day.start())
        or _reports_after(text, day.end())
    )


#: a clause after a running count that tells the event it counts ("were killed when
#: a hillside collapsed", "died after the bus left the road"): its day is the
#: event's, not the count's
_EVENT_CLAUSE = regex.compile(r"(?i:\b(?:when|after)\b)")
#: the words that tie a date before a running count to the count: "by", "as of"
_TIED_BEFORE = regex.compile(
    r"(?i:\b(?:by|as[ \t]+of|until|through|on|since))[ \t\u00a0]*$"
)


def _dates_the_event(text: str, date: regex.Match[str], count: tuple[int, int]) -> bool:
    """Whether a calendar date before a running count dates the event it counts
    rather than the count: "The explosion on August 4, which killed at least 128
    people" (the toll is the report's), as a weekday there does (see
    :func:`_dates_the_count`). Not one opening the sentence ("On August 6, the
    toll rose to 154"), one tied to the count ("as of August 6"), one of the
    report's verb, or one after the count."""
    sentence_start, start = count
    if date.start() >= start:
        return False
    opening = text[sentence_start : date.start()].strip()
    if not opening or opening.lower() in ("on", "by", "as of"):
        return False
    tied = _TIED_BEFORE.search(
        text, max(sentence_start, date.start() - 12), date.start()
    )
    if tied is not None and tied.group().strip().lower() != "on":
        return False  # "by August 6", "as of August 6"
    # "officials said on August 6", "officials on August 6 said": the report's day
    return not (_reported_on(text, date.start()) or _reports_after(text, date.end()))


def _reported_on(text: str, at: int) -> bool:
    """Whether the day at ``at`` dates a reporting verb ("said on Monday", "told
    reporters on Friday")."""
    words = [w.lower() for w in TOKEN.findall(text, max(0, at - 30), at)[-3:]]
    reporting = lexicon().reporting
    return any(w in reporting for w in words) and not any(
        w in _NOT_REPORT_GLUE for w in words[-2:]
    )


def _reports_after(text: str, at: int) -> bool:
    """Whether the day ending at ``at`` comes right before a reporting verb
    ("TSMC yesterday reported that", "the ministry on Tuesday said")."""
    words = [w.lower() for w in TOKEN.findall(text, at, min(len(text), at + 20))[:1]]
    return bool(words) and words[0] in lexicon().reporting


#: a period stated in a figure's stretch, which a reporting verb's day does not
#: replace: "last year", "this month"
_A_STATED_PERIOD = regex.compile(
    r"\b(?i:(?:this|last)\s+(?:year|month)|a\s+year\s+ago)\b(?!['’]s\b)"
)
#: right before a span's first day: "between ", "from "
_SPAN_OPENS = regex.compile(r"(?i:\b(?:between|from))\s*$")
#: words that tie a day to the figure, not to the verb ("reported revenue for Monday")
_NOT_REPORT_GLUE = frozenset(["for", "by", "until", "through", "since", "of"])


#: a running count's peak, a moment of its own whatever day a report gives it: "at
#: the peak of the outage", "at the height of the storm", "at its peak"
_PEAK = regex.compile(
    r"\b(?i:at[ \t]+(?:the|its|their)[ \t]+(?:peak|height)|peaked[ \t]+at)\b"
)
#: the time of a figure stated for a running count's peak
PEAK = "peak"


def _counted_back(published: dt.date, ago: regex.Match[str]) -> str:
    """The time "N days/weeks/months/years ago" names, from the report's day."""
    word = ago.group("n").lower()
    n = 1 if word in ("a", "an") else int(_WORD_NUMBERS.get(word, word))
    unit = ago.group("u").lower()
    if unit in ("day", "week"):
        days = n * (7 if unit == "week" else 1)
        return (published - dt.timedelta(days=days)).isoformat()
    if unit == "month":
        months = published.year * 12 + published.month - 1 - n
        return f"{months // 12}-{months % 12 + 1:02d}"
    return str(published.year - n)


#: a list of three years or more: "1987, 1999, 2003, 2007 and 2015"
_YEAR_LIST = regex.compile(
    r"\b(?:19|20)\d\d(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:19|20)\d\d\b){2,}"
)


def _in_month_span(text: str, mm: regex.Match[str]) -> bool:
    """Whether a month and year is an end of a span of months ("February 2023 to
    January 2024"), a period and not that month."""
    return (
        _MONTH_RANGE_NEXT.match(text, mm.end()) is not None
        or _MONTH_RANGE_PREV.search(text, max(0, mm.start() - 24), mm.start())
        is not None
    )


def _time_in(
    text: str,
    spans: Sequence[tuple[int, int]],
    lo: int,
    hi: int,
    published: dt.date | None,
    *,
    near: int,
    standing: bool = False,
    count: tuple[int, int] | None = None,
) -> str | None:
    if count is not None and _PEAK.search(text, lo, hi) is not None:
        return PEAK  # "more than 2.3 million customers had lost power at the peak"
    m = _QUARTER.search(text, lo, hi)
    year = None
    ym = _YEAR.search(text, lo, hi)
    while ym is not None and (
        any(s <= ym.start() < e for s, e in spans)
        # "their sixth title, after 1987, 1999, 2003, 2007 and 2015": a list of
        # three years or more dates what it lists, not the figure ("in 2012 and
        # 2013" is the figure's own span)
        or any(
            m.start() <= ym.start() < m.end()
            for m in _YEAR_LIST.finditer(text, max(0, ym.start() - 40), ym.end() + 40)
        )
        # "from September 2017 through the end of February 2018": a span's ends
        or any(
            _in_month_span(text, mm)
            for mm in _MONTH_YEAR.finditer(text, max(0, ym.start() - 12), ym.end())
            if mm.end() == ym.end()
        )
        or _ORIGIN.search(text, max(0, ym.start() - 60), ym.start())
        or _BASE.search(text, max(0, ym.start() - 20), ym.start())
        or _since_after(text, near, ym.start())
    ):
        ym = _YEAR.search(text, ym.end(), hi)
    if ym is not None:
        year = ym.group(1)
    else:
        # "a dividend for the 2023 financial year", "in the 2023 season": a year
        # after "the" that names a period, not a model ("the 2017 Elantra")
        named = _NAMED_YEAR.search(text, lo, hi)
        year = named.group(1) if named is not None else None
    if m is not None:
        q = m.group("q") or {
            "first": "1",
            "1st": "1",
            "second": "2",
            "2nd": "2",
            "third": "3",
            "3rd": "3",
            "fourth": "4",
            "4th": "4",
        }.get((m.group("ord") or "").lower())
        if m.group("month"):
            # "the March quarter", "the January-March quarter": a calendar
            # quarter, named by its months, which a fiscal quarter's number
            # need not match ("Q4 FY24" is India's January-March quarter)
            q = str(
                {"march": 1, "june": 2, "september": 3, "december": 4}[
                    m.group("month").lower()
                ]
            )
            return f"{year or '?'}-Q{q}{BY_MONTHS}"
        if m.group("half") or m.group("h"):
            half = m.group("h") or ("1" if m.group("half").lower() == "first" else "2")
            return f"{year or '?'}-H{half}"
        return f"{year or '?'}-Q{q}"
    if year is None:
        span = _SPAN_YEAR.search(text, lo, hi)
        if span is not None and not any(s <= span.start() < e for s, e in spans):
            # "for the 2023-24 financial year": the (fiscal) year it ends
            end = span.group("end")
            return f"FY{span.group('start')[:2] + end if len(end) == 2 else end}"
    if year is None and _FULL_YEAR.search(text, lo, hi) is not None:
        return FULL_YEAR
    ym = _YEAR_TO_MONTH.search(text, lo, hi)
    if ym is not None:
        y = ym.group("y") or year
        return f"FY{y}" if y else FULL_YEAR
    for dm in _DAY_MONTH.finditer(text, lo, hi):
        month = MONTH_NUMBER.get((dm.group("m1") or dm.group("m2")).lower().rstrip("."))
        if (
            month is None
            or _SINCE.search(text, max(lo, dm.start() - 60), dm.start())
            or _since_after(text, near, dm.start())
        ):
            continue  # "62 cases since the outbreak was declared on September 27"
        if count is not None and _dates_the_event(text, dm, count):
            continue  # "The explosion on August 4, which killed at least 128"
        day = int(dm.group("d1") or dm.group("d2"))
        ended = _ENDED_BEFORE.search(text, max(0, dm.start() - 30), dm.start())
        if ended is not None and ended.group("three"):
            # "Revenue for the three months to Dec. 31": the quarter that day ends,
            # the last one ended before the report when no year is given
            y = dm.group("y") or year
            if y is None and published is not None:
                y = published.year - ((month, day) > (published.month, published.day))
            return f"{y or '?'}-Q{(month + 2) // 3}{BY_MONTHS}"
        if ended is not None and ended.group("other"):
            # "the six months to September 30": a period of its own, neither the
            # year it ends nor that day
            y = dm.group("y") or year or "?"
            return f"{y}-{ended.group('other').lower()}m-{month:02d}"
        if ended is not None:
            # "for the year ended June 30, 2023", "Revenue for the twelve months to
            # 31 March 2024 was": the (fiscal) year it ends
            y = dm.group("y") or year
            return f"FY{y}" if y else FULL_YEAR
        y = dm.group("y") or year or (published.year if published else None)
        try:
            return (
                dt.date(int(y), month, day).isoformat()
                if y
                else f"--{month:02d}-{day:02d}"
            )
        except ValueError:
            continue
    for mm in _MONTH_YEAR.finditer(text, lo, hi):
        # "exports in January 2024": a month, not the year
        month = MONTH_NUMBER.get(mm.group("m").lower().rstrip("."))
        if _BASE.search(text, max(0, mm.start() - 20), mm.start()):
            continue  # "four points higher than in November 2019": the base's month
        if _in_month_span(text, mm):
            continue  # "its 2023 financial year (February 2023 to January 2024)"
        if _since_after(text, near, mm.start()):
            continue  # "lost 416 points, the most since September 2001"
        if month is not None and not any(s <= mm.start() < e for s, e in spans):
            return f"{mm.group('y')}-{month:02d}"
    # "25.5% in December from 21.8% in November": a month right after the figure
    # is its own; named without its year, it is the stated year's, else the latest
    # such month of the report
    bare = _IN_MONTH.match(text, near) if lo <= near < hi else None
    if bare is None:
        opening = _OPENING_MONTH.match(text, lo)
        bare = opening if opening is not None and opening.end() <= near else None
    if bare is not None and bare.end() <= hi:
        month = MONTH_NUMBER[bare.group("m").lower()]
        if year is not None:
            return f"{year}-{month:02d}"
        if published is None:
            return f"?-{month:02d}"
        back = 0 if month <= published.month else 1
        return f"{published.year - back}-{month:02d}"
    wm = next(
        (
            w
            for w in _WEEKDAY.finditer(text, lo, hi)
            # "between Thursday and Tuesday": a span's first day is not its time
            if not _SPAN_OPENS.search(text, max(0, w.start() - 12), w.start())
            and (count is None or _dates_the_count(text, w, count))
        ),
        None,
    )
    if (
        wm is not None
        and published is not None
        and " ".join((wm.group("pre") or "").lower().split()) == "since"
    ):
        # "63,000 flights had been cancelled since Thursday": a count over a span
        # that runs up to the report
        return published.isoformat()
    said = wm is not None and (
        _reported_on(text, wm.start()) or _reports_after(text, wm.end())
    )
    if said and (
        standing
        or (
            count is None
            and (year is not None or _A_STATED_PERIOD.search(text, lo, hi) is not None)
        )
    ):
        # "..., the company said on Monday": when it was said; "received 25,066,100
        # visitors in 2023 (last year), the agency said on Wednesday": a flow of
        # the stated period, said that day (a toll's "said on Friday" dates it)
        wm = None
    if wm is not None and published is not None:
        target = _WEEKDAYS.index(wm.group("day").lower())
        back = (published.weekday() - target) % 7
        when = published - dt.timedelta(days=back)
        part = f" {wm.group('part').lower()}" if wm.group("part") else ""
        return when.isoformat() + part
    ago = _AGO.search(text, lo, hi)
    if ago is not None and published is not None:
        return _counted_back(published, ago)
    rm = _RELATIVE.search(text, lo, hi)
    if rm is not None and standing and _reports_after(text, rm.end()):
        rm = None  # "TSMC yesterday reported that net profit fell": when it was said
    if rm is not None and published is not None:
        w = " ".join(rm.group("w").lower().split())
        if w == "yesterday":
            return (published - dt.timedelta(days=1)).isoformat()
        if w in ("today", "tonight"):
            return published.isoformat()
        if w == "this year":
            return str(published.year)
        if w in ("last year", "a year ago"):
            return str(published.year - 1)
        if w == "this month":
            return f"{published.year}-{published.month:02d}"
        if w == "last month":
            before = published.replace(day=1) - dt.timedelta(days=1)
            return f"{before.year}-{before.month:02d}"
        return str(published.year + 1)
    fm = _FISCAL.search(text, lo, hi)
    if fm is not None:
        return f"FY20{fm.group(1)}"
    return year
