"""Claim frames: whose number a claim is, what it measures, its role, and when.

A frame is read once per claim from its own clause (the stretch of its sentence that
belongs to it: see :func:`factcheck.align.context.local_bounds`), with rules over that
clause: clause boundaries, prepositions, list and contrast markers, capitalized names,
the noun the number counts. The words the rules read are data (``lexicon.toml``).

Each reading serves a named phenomenon of news language:

- **the clause subject** holds the figure ("the standard SU7 costs 215,900 yuan"),
  unless it only reports it ("Cal Fire said it had grown to 401,000 acres": the
  speaker is no holder);
- **a list of holders**: a name before a parenthesis ("Creek Fire (379,895 acres)"),
  before ", at" ("the US, at 13% of its GDP"), gapped after "and" or a comma
  ("Hyundai is recalling 1.64 million vehicles and Kia 1.73 million"), after "for"
  ("18-21 weeks for the base SU7"), or a possessive ("Pakistan's GDP of $284 billion");
- **an attribute-headed subject** names its holder in a preposition ("revenue at
  Alibaba's cloud unit", "sales of the Pro");
- **roles**: change words next to the number, "than"/"compared with" before a
  reference figure, a part after "of which"/"including"/"Of the N,", a share as a
  percentage "of" a named whole, a target or ceiling;
- **time**: years, quarters, dates and weekdays resolved against the publication
  date, "as of"/"by" a day, and elapsed windows ("in its first 24 hours")
  (:mod:`factcheck.align.times`); reports of a running tally (a toll, a burned area)
  of different days with no time stated are different moments.

Holders are read by :mod:`factcheck.align.holders`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence

import attrs
import regex

from factcheck.align.context import CAUSE, MONTHS, TOKEN, local_bounds, stem
from factcheck.align.decide import (
    _POSSESSIVE_END,
    GROUP_VOTE,
    PRONOUN,
    is_specific,
    noun_words,
)
from factcheck.align.holders import (
    _SOURCE_OF,
    _STRONG,
    DATELINE,
    DISTANCE_FROM,
    HolderReader,
)
from factcheck.align.lexicon import Lexicon, lexicon
from factcheck.align.phrases import (
    _WEEKDAY_NAMES,
    COUNTED_NOUN,
    HYPHENED_NOUN,
    NOUN_RESTATED,
    SET_AGAINST,
    _Holder,
    _is_name_token,
    holder_key,
)
from factcheck.align.times import FROM_BEFORE, read_time
from factcheck.extractor.counts import PLURALS
from factcheck.extractor.joins import CHANGE_VERBS
from factcheck.model import Claim, Document, Extraction, Frame, Role, Stage


def _owner(text: str) -> str:
    """A holder as an owner: "Air India" becomes "Air India's"."""
    return text if text.endswith(("'s", "’s")) else f"{text}'s"


#: a count's holder read from a name before its noun
_NAME_BEFORE_NOUN = "a name before the counted noun"
#: between a figure and its restatement in another measure: " percent, or ",
#: ", or about "
_OR_RESTATED = regex.compile(
    r"(?:[ \t\u00a0]+(?:per[ \t]?cent|percent|of[ \t]+the[ \t]+vote))?[ \t\u00a0]*,"
    r"[ \t\u00a0]+or[ \t\u00a0]+(?:(?:about|around|roughly|nearly|almost|some|just"
    r"|over|more[ \t]+than)[ \t\u00a0]+)?"
)
#: right after an amount, what it is an amount of: " of its Eurobonds", " of new
#: shares", " of Ghana's debt" (the head, the last word)
_AMOUNT_OF = regex.compile(
    r"[ \t\u00a0]+of[ \t\u00a0]+(?:(?:its|their|the|his|her|our|new|existing)[ \t\u00a0]+)?"
    r"(?:\p{Lu}[\w.-]*['’]s[ \t\u00a0]+)?(?:[a-z][a-z-]+[ \t\u00a0]+)?(?P<head>[A-Za-z][a-z-]{2,})\b"
    r"(?![ \t\u00a0]+(?:of|in|at|for|to)\b)"
)
#: a count's holder read from the name its noun is "of"
_NOUN_OF_NAME = "the name the counted noun is of"
#: "of" and capitalized words after a count's noun, then no further name
_OF_NAMES = regex.compile(
    r"[ \t\u00a0]+of[ \t\u00a0]+(?P<names>\p{Lu}[\w-]*(?:[ \t\u00a0]+\p{Lu}[\w-]*){0,2})"
    r"(?![\w-]|[ \t\u00a0]+\p{Lu})"
)
#: capitalized words right after a count, then what follows them
_NAMES_THEN = regex.compile(
    r"^[ \t\u00a0]+(?P<names>\p{Lu}[\w-]*(?:[ \t\u00a0]+\p{Lu}[\w-]*){0,2})"
    r"[ \t\u00a0]+(?P<rest>\S.*)",
    regex.DOTALL,
)
#: a figure's source inside its holder: "$11.8 billion from its cruise business"
_FROM_UNIT = regex.compile(
    r"(?:came\s+)?from\s+(?:its|their|the\s+company's|the\s+group's)\s+"
    r"(?P<words>(?:[a-z-]+\s*){1,4})"
)
#: a phrase of its own after a figure ("... on an inheritance of"): a cue in it names
#: what the figure is about, not what it measures ("$58 million in taxes" does)
_ANOTHER_PHRASE = regex.compile(
    r"\b(?:on|of|for|from|with|to)\s+(?:a|an|the|its|their|his|her)\s+(?:\w+\s+)?\w*$"
)
#: an amount large enough that two printings of it in one story are one figure
_LARGE = 1e6
#: between a part and the whole it is counted in: "208 of 630", "21 out of the 35",
#: "535,595 first preferences out of about 2.18 million", "13 million of the nearly
#: 35 million" (the counted noun only before "out of", as "11 of them" is no whole)
OF_WHOLE = regex.compile(
    r"(?:\s+of|(?:\s+[a-z][a-z-]*){0,3}\s+out\s+of)"
    r"\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|just\s+over|over|more\s+than)\s+)?"
)
#: the words after an amount or a count that make it a difference only with "than"
#: after them ("$100 more than last year's", "25,000 more votes than"); after a
#: percentage they make one on their own ("about 60% bigger")
_COMPARATIVES = frozenset(
    [
        "more",
        "less",
        "fewer",
        "above",
        "below",
        "bigger",
        "larger",
        "smaller",
        "greater",
    ]
)
#: "than" after a comparative, perhaps past the noun counted ("more votes than")
_THAN_AFTER = regex.compile(r"(?:\s+[^\W\d]+){0,2}?\s+than\b")
#: the comparatives "than" follows
_THAN_WORDS = r"more|less|fewer|greater|higher|lower|bigger|larger|smaller"
_QUALIFIER_THAN = regex.compile(
    rf"\b(?:{_THAN_WORDS}|over|under)\s+than\s*$", regex.IGNORECASE
)
#: "once again", "once more": "once" that means "again", not "formerly"
#: a sentence that opens by saying how long before another report this one came:
#: "A day earlier,", "Two weeks earlier,"
_OPENING_EARLIER = regex.compile(
    r"[ \t]*(?i:(?:a|an|one|two|three|four|five|six|\d+|several|a\s+few)\s+)?"
    r"(?i:hour|day|week|month|year)s?\s+(?i:earlier)\s*,"
)
_NOT_A_STAGE = regex.compile(
    # "once again"; "Once finished, the plant will store": a temporal clause (when
    # it will be so), not a former state ("once the biggest allocation")
    r"(?i:once\s+(?:again|more|(?:fully\s+)?(?:\w+ed|complete|operational|built|done|open"
    r"|running|online|up\s+and\s+running)\b))"
    # "at the offer price", "an offer for sale of 22 crore shares": the price and
    # the tranche of a sale that stands, not a proposal that may change
    r"|(?i:offer\s+(?:price|for\s+sale|period|size)\b)"
    # "a previously unknown virus has killed 98", "a formerly undisclosed stake":
    # the word dates what was unknown, not the figure
    r"|(?i:(?:previously|formerly|once|initially|originally)\s+un[a-z]{3,}\b)"
)
#: a plain number right before a limit word makes it a counted noun ("280 goals in
#: 435 appearances", "3 targets hit"), not a limit ("a 55% target", "a $5 billion
#: cap" stay limits)
_COUNTED = regex.compile(r"(?<![\d.,])\d[\d,]*[ \t\u00a0]+$")
#: an annual rate's period, said of a percentage ("inflation of 4.5% a year",
#: "growing 3% annually"): how rates are stated, not an average over periods
_ANNUAL_RATE = frozenset(["a year", "per year", "annually", "per annum"])
#: a fact box's label before a colon ("Previous setting: 4.10%", "Forecast: 2.1%"):
#: it governs the figure right after the colon
_LABEL_COLON = regex.compile(r"(?P<label>[^\n.;:]{1,40}):\s*$")
#: a price's market after it: "€469.99 in the euro area", "£395.99 in the UK"
_MARKET_AFTER = regex.compile(
    r"[ \t\u00a0]+in[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:[A-Z]|euro[ \t\u00a0]+area|eurozone)"
)
#: "cost" the verb, right before the figure ("will cost €469.99"), not the noun ("a
#: production cost of $999")
_COST_VERB = regex.compile(
    r"\b(?:will|would|to|now|still|cost|costs)[ \t\u00a0]+(?:cost[ \t\u00a0]+)?"
    r"(?:(?:about|around|just|only|from|roughly)[ \t\u00a0]+)?$"
)
#: a market fronting the sentence: "In Japan the console will cost"
_MARKET_FRONTED = regex.compile(
    r"In[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z][\w.-]*[ \t\u00a0]+(?:the|a|an|its)\b"
)
#: a figure another name owns, right before it: "the EU's 750 billion euro fund"
_OWNED_BY_ANOTHER = regex.compile(r"\b[A-Z][\w.-]*['’]s[ \t\u00a0]+$")
#: a clause of past fact that a forecast word before it does not govern: "the move
#: was widely expected after the union reported that pay rose 5.28%"
_FACT_CLAUSE = regex.compile(r"\b(?i:after|since|because|following)\b")
#: a result measured against a forecast after it: "8.5 billion euros, beating
#: forecasts", "6.2% of GDP, wider than forecast", "above analysts' expectations":
#: the forecast is what the figure is set against, the figure itself stands
_AGAINST_A_FORECAST = regex.compile(
    r"(?i:\b(?:than|beat|beats|beating|top(?:s|ped|ping)?|exceed(?:s|ed|ing)?"
    r"|surpass(?:es|ed|ing)?|outstrip(?:s|ped|ping)?|miss(?:es|ed|ing)?|above|below"
    r"|ahead\s+of|short\s+of|shy\s+of|in\s+line\s+with)\b)"
    r"(?:[^;:.!?]|\.(?=\d)){0,40}$"
)
#: an offer or a bid that was taken: "accepted a buyout offer worth about ¥2
#: trillion", "backed the bid": the deal that stands, no proposal
_TAKEN_BEFORE = regex.compile(
    r"(?i:\b(?:accept(?:s|ed|ing)?|back(?:s|ed|ing)|approv(?:es|ed|ing)|agreed\s+to"
    r"|recommend(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}$)"
)
#: a percentage's gap to a named holder: "60% bigger than South Africa's"
_THAN_A_NAME = regex.compile(
    rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{_THAN_WORDS})\s+than\s+(?:that\s+of\s+)?"
    r"(?:the\s+|its\s+|their\s+)?"
    r"(?P<name>\p{Lu}[\w.&-]*(?:['’]s)?(?:\s+\p{Lu}[\w.&-]*(?:['’]s)?){0,3}"
    # "than its rival's": another holder's, however named
    r"|(?<=(?:its|their)\s+)[a-z-]+['’]s\b)"
)
#: a later clause that comments on a figure, between it and a stage word after it:
#: "72.2C ..., which could be the highest", "9.85 seconds, a time experts had not
#: expected", "winds of 112 km/h ..., and is forecast to hit", "$66 billion, after
#: raising its offer several times": the stage is the comment's, not the figure's
_COMMENT_AFTER = regex.compile(
    r"(?i:,\s+which\b|,\s+and\s+(?:is|are|was|were|will|would|has|had)\b"
    r"|\bafter\b|\bnot\b|\bnever\b|n't\b)"
)
#: a qualifier of a figure, said before it: "more than", "about", "up to"
_QUALIFIER = (
    r"(?:(?:more|less|fewer)\s+than|about|nearly|almost|some|over|around|roughly"
    r"|up\s+to|at\s+least)"
)
#: a qualifier right before the figure, at the end of the text before it
_QUALIFIER_AT_END = regex.compile(rf"(?i:\b{_QUALIFIER})\s*$")
#: the second share of a split: "by 53.4% to 46.6%"
_SPLIT_TO = regex.compile(r"\s*to\s+(\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)")
#: after the votes for, the votes against: " votes to 30", " to 206"
_TALLY_TO = regex.compile(
    r"(?:\s+votes)?\s+to\s+(\d[\d,]*)\b(?!\s*(?:%|per\s*cent|percent))"
)
#: an adjective joined to the one before a noun: "sudden [and unexpected deaths]"
#: between one list item's noun and the next item's figure: " and ", ", "
_NEXT_ITEM = regex.compile(r"(?:,|[ \t\u00a0]+and)[ \t\u00a0]+")
#: between two counts of one noun split by kind, the first count's kind: "five
#: underground and nine elevated stations", "12 male and 9 female candidates"
_KIND_AND = regex.compile(
    r"[ \t\u00a0]+(?P<kind>[a-z][a-z-]+)[ \t\u00a0]+and[ \t\u00a0]+"
)
#: after the second count, its kind and the shared plural noun: " elevated stations"
_KIND_NOUN = regex.compile(r"[ \t\u00a0]+[a-z][a-z-]+[ \t\u00a0]+[a-z]{3,}s\b")
#: two figures of one list item joined by "and": "ACT 9.0% and 11 seats"
_JOINED_FIGURE = regex.compile(
    # "Sierra Leone 910 cases and 392 deaths": the first figure's noun between
    r"(?:[ \t\u00a0]+[a-z]{3,})?[ \t\u00a0]+and[ \t\u00a0]+"
)
#: a sentence that restates the one before in another currency: "In dollar terms,",
#: "In US dollar terms,", "In euro terms,"
_IN_OTHER_TERMS = regex.compile(r"[ \t]*In\s+(?:[\w.$-]+\s+){1,2}terms\s*,")
#: the noun of a change right after the attribute it changes: "10% revenue growth"
_CHANGE_NOUN = regex.compile(
    r"\s+(?i:growth|increases?|rises?|gains?|jumps?|drops?|declines?|falls?|surges?"
    r"|slumps?|cuts?|reductions?|hikes?)\b"
)
#: between such a change and the level it reached: " revenue growth for 2023 to "
_NOUN_CHANGE_TO = regex.compile(
    rf"\s+[a-z-]+{_CHANGE_NOUN.pattern}"
    r"(?:\s+(?:for|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*,?\s*(?:to|at)\s+"
    r"(?:about\s+|around\s+)?"
)
_COORDINATED = regex.compile(r"\s+(?:and|or)\s+[a-z-]+\s+([a-z]+)\b")
#: a word of a headline cited in prose: a capitalized word, a figure, or the short
#: words headlines leave lower-case ("to", "of", "in")
_TITLE_SMALL = r"(?:a|an|the|to|of|in|on|for|and|as|at|by|with)"
_TITLE_WORD = regex.compile(rf"(?:[A-Z][\w'’.-]*|[$€£¥]?\d[\d.,]*|{_TITLE_SMALL})")
#: three title-case words right before a figure: the cheap test before reading a title
_TITLE_BEFORE = regex.compile(
    rf"(?:[A-Z][\w'’.-]*\s+(?:{_TITLE_SMALL}\s+)?){{3}}(?:[$€£¥]\s*)?$"
)
#: how many capitalized words a cited headline has on each side of its figure
_TITLE_WORDS_BEFORE, _TITLE_WORDS_AFTER = 3, 1
#: a qualifier that ends the words before a figure ("extends to more than")
_QUALIFIER_END = regex.compile(rf"\s*{_QUALIFIER}?\s*$")
#: a clause break between two figures
_BOUNDARY_MARK = regex.compile(r"[,;:()]")
#: the attribute a figure is the object of: "a recall of more than 2 million",
#: "delivered 1.2 million vehicles"
_OF_OBJECT = regex.compile(rf"\s+(?:of\s+)?(?:{_QUALIFIER}\s+)?")
#: what a figure is set against, after it: "compared with", "against"
_SET_AGAINST = regex.compile(rf"\b{SET_AGAINST}(?![\w-])")
#: a change's start after its size: "by 18 trillion yen from the previous year"
_FROM_BASE = regex.compile(r"\b(?i:from)\s")
#: right before a stage word after a figure, the base a change is measured on: "a
#: significant jump on the prior year", "up 26% over the previous year"
_ON_BASE = regex.compile(r"\b(?i:on|over)\s+(?:(?i:the|a)\s+)?\Z")
#: a break between clauses that a verb's reach does not cross
_CLAUSE_BREAK = regex.compile(r"[;:]|\s[—–]\s|\.\s")
#: what ends the reach of an earlier-stage adverb on a verb ("originally planned
#: ... at a cost of 560 billion baht, but now costs 500 billion baht"), besides a
#: comma and another finite verb
_EARLIER_VERB_ENDS = frozenset({"but", "while", "whereas", "now", "and"})
_WORD_OR_COMMA = regex.compile(r"[\w'’-]+|,")
_RESPECTIVELY = regex.compile(r",?\s+respectively\b", regex.IGNORECASE)
#: "Luzon and Mindanao", "Ford, GM and Stellantis": capitalized names in a list
_NAME_LIST = regex.compile(
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)"
    r"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+))*"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
)


#: between a change and the level it reached: "rose 5% to", "fell 2.1 points, to"
#: the cheap test for _WORTH_AFTER_NOUN
_WORTH_WORD = regex.compile(r"\b(?:worth|valued)\b")
#: a noun, then an appositive that gives its value: "stake, worth about ",
#: "holding, valued at "
_WORTH_AFTER_NOUN = regex.compile(
    r"\b(?P<noun>[A-Za-z-]+)"
    # "stake in Flipkart, worth": the noun's own name after it
    r"(?:\s+(?:in|of)\s+[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,2})?"
    r"\s*,\s+(?:worth|valued\s+at)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|at\s+least)\s+)?$"
)
#: a sentence that opens with what is measured, at most one word before it: "Net
#: profit rose", "Annual revenue climbed", "Revenue was"
_MEASURE_OPENS = regex.compile(
    r"[ \t]*(?:(?P<first>[A-Z][a-z]+)[ \t]+)?(?P<w>[A-Za-z]+)\b"
)
#: a pronoun owning what a sentence opens on: "Its revenue rose"
_OWNING_PRONOUNS = frozenset(["its", "their"])
#: words before what is measured that say which of its figures, not whose ("Annual
#: revenue", "Total spending"); any other ("Gas prices", "Core inflation") names a
#: part of its own, no figure of the subject before
_MEASURE_PERIODS = frozenset(
    ["annual", "quarterly", "yearly", "monthly", "weekly", "total", "overall"]
)


#: a side winning by a tally's difference: "beating his closest rival Atiku
#: Abubakar by nearly", "won by", "defeated Trzaskowski by" (the figure follows)
_WON_BY = regex.compile(
    r"\b(?:won|wins|winning|beat|beats|beating|defeated|defeats|defeating|edged|"
    r"edging|led|leads|leading)\b[^.;:]{0,70}?\bby[ \t\u00a0]+"
    r"(?:(?:nearly|almost|about|around|some|roughly|more[ \t]+than|fewer[ \t]+than|"
    r"less[ \t]+than|over|under|just|only|a[ \t]+margin[ \t]+of)[ \t\u00a0]+)*$"
)
#: a tally's difference named against the rival: "1.8 million more than Atiku"
_MORE_THAN_RIVAL = regex.compile(
    r"(?:[ \t\u00a0]+votes?)?[ \t\u00a0]+(?:more|fewer)[ \t\u00a0]+than[ \t\u00a0]+[A-Z]"
)


def _measure_alone(opening: regex.Match[str], lex: Lexicon) -> bool:
    """Whether a sentence's opening names only what is measured: the measure alone
    or after an article ("The trade surplus"), one of its own names ("Net
    profit"), or a word of which figure ("Annual")."""
    first = opening.group("first")
    return (
        first is None
        or first.lower() in lex.determiners
        or f"{first} {opening.group('w')}".lower() in lex.attribute_of
        or first.lower() in _MEASURE_PERIODS
    )


def _is_name(holder: str) -> bool:
    """A holder that is a name: its first word capitalized and not an article
    ("Kia", "Hyundai Motor"; not "other IP-related income")."""
    first = holder.split(maxsplit=1)[0] if holder.strip() else ""
    return first[:1].isupper() and first.lower() not in ("the", "a", "an", "its")


#: the verb that moves a running tally, right before its figure: "has risen to at
#: least ", "climbed to ", "now stands at "
_TALLY_VERB_BEFORE = regex.compile(
    r"\b(?i:risen|rose|rises|climbed|climbs|jumped|increased|reached|stands|stood"
    r"|hit)[ \t]+(?i:to|at)[ \t]+(?i:at[ \t]+least[ \t]+|more[ \t]+than[ \t]+|about[ \t]+"
    r"|nearly[ \t]+|almost[ \t]+)?$"
)
_SUBJECT_OPENING = regex.compile(
    rf"(?:{DATELINE.pattern})?[ \t\n]*(?i:(?:the|its|their)[ \t]+)?"
)


#: a verb by which whoever keeps a running count updates it: "raised the official
#: flood death toll to", "revised its count to"
_UPDATES_A_TALLY = regex.compile(
    r"\b(?i:raised|revised|put|lowered|updated|increased)[ \t\u00a0]+(?i:the|its|their)"
    r"[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,3}(?i:toll|tally|count)\b"
)
#: after an amount, the changes it sizes: " in tax cuts", " in spending increases"
_IN_CHANGES = regex.compile(
    r"[ \t\u00a0]+in[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}?"
    r"(?:cuts|increases|hikes|reductions|rises)\b"
)
#: after "the" and a figure (and maybe its noun), what a mark is set at: "short of
#: the 176 needed for a majority", "the 50% of votes required to pass" (the
#: article points at a known mark; "5,000 people needed treatment" is a count)
_NEEDED_AFTER = regex.compile(
    r"(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+(?:needed|required)[ \t\u00a0]+"
    # "the 5,000 people needed to be rescued": the counted were in need, a count
    r"(?:for\b|to[ \t\u00a0]+(?!be\b))"
)
_THE_BEFORE = regex.compile(r"\b(?i:the)[ \t\u00a0]+$")
#: right before the figure another falls short of: "well short of the ", "shy of
#: its"
_SHORT_OF_THE = regex.compile(
    r"\b(?i:short|shy)[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:the|its|their|his|her)"
    r"[ \t\u00a0]+$"
)
#: after a count's own noun, the comparative of a move: "closed 416 points lower at
#: 12,216", "finished three places higher", "ended 52 points up at 12,268" (the
#: noun is no part of the claim's text, so the change word after it is read here;
#: "down from" after a noun may be a verb's: "his mark came down from 9.69")
_NOUN_THEN_MOVE = regex.compile(
    r"[ \t\u00a0]*(?P<move>(?i:higher|lower)\b|(?i:up|down)(?=[ \t\u00a0]+(?i:at|on)\b))"
)
#: the end of :data:`_TOTAL_BROUGHT_TO`, right before the total: ", bringing the
#: total to "
_TOTAL_BROUGHT_TO_END = regex.compile(
    r",\s+(?:bringing|taking|pushing|raising|lifting)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:total|tally|toll|number|count|caseload)"
    r"(?:\s+of\s+[\w-]+)?\s+to\s+(?:about\s+|around\s+|nearly\s+|almost\s+"
    r"|at\s+least\s+|more\s+than\s+)?$"
)
#: between a running count's increment and the total it brings the count to:
#: " MERS cases were diagnosed in the past 48 hours, bringing the total to "
_TOTAL_BROUGHT_TO = regex.compile(
    r"[^.;:]{0,100}" + _TOTAL_BROUGHT_TO_END.pattern.removesuffix("$")
)
#: after a forecast word, a direction with no figure it heads to: "expected to
#: rise", "likely to climb further" (not "expected to rise to 600")
_ONLY_A_DIRECTION = regex.compile(
    r"[ \t\u00a0]+to[ \t\u00a0]+(?i:rise|climb|increase|grow|go[ \t\u00a0]+up|mount"
    r"|worsen|fall|drop|decline|ease)\b"
    r"(?![ \t\u00a0]+(?:(?:further|sharply|again)[ \t\u00a0]+)?(?:to|by|above|past)\b)"
)


def _subject_start(text: str, s0: int) -> int:
    """Where a sentence's subject noun starts, past its article."""
    m = _SUBJECT_OPENING.match(text, s0)
    return m.end() if m is not None else s0


#: a scale word in a figure's text: "₹8,000 crore", "$2 billion"
_SCALED = regex.compile(
    r"(?i:\b(?:thousand|million|billion|trillion|crore|lakh|bn|mn|m)\b|\d(?:bn|m)\b)"
)
#: what joins two items of a list: "and", "along with", "plus", "as well as"
_LIST_JOINER = regex.compile(
    r"(?i:\b(?:and|along[ \t]+with|plus|as[ \t]+well[ \t]+as)\b)"
)
#: right before a change's start, and between its start and its end: "from 225
#: to 326"
_FROM = regex.compile(r"\bfrom\s+$")
#: between a level and the start it rose or fell from, in one clause: "99 seats in
#: the Lok Sabha polls, up from ", "230,000, down from "
_UP_FROM_GAP = regex.compile(
    r"[^,;:.()\d]{0,60},\s+(?:up|down)\s+from\s+(?:about\s+|around\s+|nearly\s+)?"
)
#: between a level a change reached ("to 2.30 trillion won") and its start right
#: after it: " from ", " from a revised "
_FROM_GAP = regex.compile(
    r"\s+from\s+(?:(?:about|around|nearly|a\s+revised|an\s+estimated)\s+)?"
)
#: right before a level a change reached: "to "
_TO_AT_END = regex.compile(r"(?:^|\s)to\s+$")
#: between two starts listed after one level: " in 2019 and "
_NEXT_START_GAP = regex.compile(r"(?:\s+in\s+(?:19|20)\d\d)?\s+and\s+")
#: after a listed start, its own year or the list's end: "44 in 2014", "44."
_START_ENDS = regex.compile(r"\s+in\s+(?:19|20)\d\d\b|\s*(?:[,.;)]|$)")
_FROM_TO = regex.compile(r"\s+to\s+")
_TO_LEVEL = regex.compile(
    # "rose 16 per cent year-on-year to": the base of the change said in words
    r"(?:\s+(?i:year-on-year|year\s+on\s+year|on\s+the\s+year|from\s+a\s+year\s+"
    r"(?:earlier|ago)))?"
    r"\s*,?\s*(?:to|at)\s+(?:a\s+record\s+|about\s+|around\s+"
    # "cut its base rate by 25 basis points to a record low of 1.50 percent",
    # "jumped to a 41-year high of 11.1%"
    r"|an?\s+(?:(?:record|new|all-time|[\w-]+-year)\s+)?(?:high|low|peak)\s+of\s+)?"
)
#: irregular participles that may stand before an agent's "by" ("taken by"); not
#: "won": "won by 915,000 votes" is a winning margin, a difference of two tallies
_PARTICIPLES = frozenset(
    ["held", "sold", "paid", "bought", "made", "read", "seen", "shown", "known"]
)


#: participles of changing, before a change's "by": "raised by", "revised by"
_CHANGED = regex.compile(rf"(?i:{CHANGE_VERBS})")


def _is_verb(word: str, lex: Lexicon) -> bool:
    """A word that is a verb, not a counted noun: in the lexicon's verbs, a
    lower-case past form ("qualified", "registered") or an irregular participle
    ("seen", "taken")."""
    low = word.lower()
    return word.islower() and (
        low in lex.verbs
        or low.endswith("ed")
        or low in _PARTICIPLES
        or low in _PARTICIPLES_EN
    )


#: more irregular past participles (besides _PARTICIPLES), which a counted noun
#: never is: "the 186 usually taken"
_PARTICIPLES_EN = frozenset(
    ["taken", "given", "done", "grown", "drawn", "thrown",
     "written", "driven", "chosen", "forgotten", "hidden", "ridden", "broken",
     "spoken", "stolen", "frozen", "woken", "beaten", "eaten", "fallen", "risen"]
)  # fmt: skip


def _past_adverbs(words: list[str]) -> str:
    """The first of ``words`` past adverbs in "-ly" ("usually seen": "seen")."""
    for w in words:
        if not (w.islower() and w.endswith("ly") and len(w) > 3):
            return w
    return words[-1] if words else ""


#: a comparative that closes an amount's phrase: "£4.1 billion more," (no "than")
_COMPARATIVE_CLOSES = regex.compile(r"[ \t\u00a0]*(?:[,;.)]|$)")
#: the change's own qualifier right before it: ", a jump of more than 16,000"
_OWN_QUALIFIER = rf"(?:(?i:{_QUALIFIER})\s+)?"
#: between a level and the change after it: "602.3 billion yuan, up", "15.54 lakh
#: tonnes of the variety in April-June, up"; the words before the comma name what
#: the level counts, where and when, and open no clause of their own
_CHANGE_AFTER_LEVEL = regex.compile(
    # (as many as "of the vote in Sunday's regional election in Valmont" takes)
    r"\)?(?:\s+(?!(?i:and|but|while|which|who|whose|where|that|when|after|before|as)\b)"
    r"[\w'’-]+){0,10}"
    # ", after revenue shrank 1% in 2022": a clause of its own after the comma
    # tells of another change, with its own time
    r"\s*,\s*(?!(?:after|before|while|whereas|when|although|though|because|as)\b)"
    r"(?:[a-z-]+\s+){0,3}" + _OWN_QUALIFIER
)
#: between a level and its change, past the period it is counted over: " for the
#: 12 months to the end of January, up "
_CHANGE_AFTER_PERIOD = regex.compile(
    r"\)?(?:\s+\([^()]*\))?"
    r"(?:\s+(?!(?i:and|but|while|which|who|that|when|after|before|as)\b)[\w'’.-]+){1,10}"
    r"\s*,\s*(?!(?:after|before|while|whereas|when|although|though|because|as)\b)"
    r"(?:[a-z-]+\s+){0,3}" + _OWN_QUALIFIER
)
#: between a level and a change it is said to be, the copula: "The 106 dead are",
#: "the toll of 1,419 is now", "159 seats in the National Assembly is": the
#: subject's own figure (with what it counts, where and when, as after a comma),
#: then what it differs by
_CHANGE_AFTER_COPULA = regex.compile(
    r"(?:\s+(?!(?i:and|but|while|which|who|that|when|after|before|as)\b)[\w'’-]+){0,6}"
    r"\s+(?:is|are|was|were)\s+(?:now\s+|still\s+)?"
)
#: "Joryarhin Group's chip and phone units", "Apparel and footwear sales": kinds of
#: one thing listed before a plural head, maybe under an owner
_KIND_LIST = regex.compile(
    r"(?:(?P<owner>(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*['’]s)\s+)?"
    r"(?P<items>[A-Za-z][a-z-]*(?:\s*,\s*[a-z-]+)*\s*,?\s+and\s+[a-z-]+)"
    r"\s+(?P<head>[a-z-]+s)\b"
)


def _listed_kinds(text: str, lex: Lexicon) -> list[str]:
    """The holders of the last list of kinds in ``text`` ("X's chip and phone
    units": X's chip units, X's phone units; "Apparel and footwear sales": apparel,
    footwear), in order."""
    found = list(_KIND_LIST.finditer(text))
    if not found:
        return []
    m = found[-1]
    items = [
        w.strip() for w in regex.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m["items"])
    ]
    if any(
        not w or w.lower() in lex.determiners or w.lower() in lex.verbs for w in items
    ):
        return []
    head = m["head"]
    owner = f"{m['owner']} " if m["owner"] else ""
    tail = "" if head in lex.attribute_of else f" {head}"
    return [f"{owner}{w.lower()}{tail}" for w in items if w]


def _listed_names(text: str) -> list[str]:
    """The names of the last list of names in ``text``, in order."""
    found = list(_NAME_LIST.finditer(text))
    if not found:
        return []
    return [
        n.strip()
        for n in regex.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", found[-1].group())
        if n.strip()
    ]


#: right before the base of a rate: "56 deaths per 100,000", "one in every 10,000"
_RATE_BASE = regex.compile(
    r"(?i:\b(?:per|for[ \t]+every|in[ \t]+every|out[ \t]+of[ \t]+every|every))[ \t]+$"
)
#: a multiple of another figure ("more than 40 times Mistral's valuation")
_MULTIPLE = regex.compile(r"\s*(?:times|fold)\b", regex.IGNORECASE)
#: a shortfall: "42 seats short of the 201 needed", "two votes shy of a majority"
#: is the distance to a mark, a difference and never the holder's level
#: (a verb between the figure and "short" makes its count the subject: "1,200
#: people were short of food")
_SHORT_OF = regex.compile(
    r"\s*(?:(?!(?:is|are|was|were|be|been|being|remain|remained|remains|fell|fall"
    r"|falls|ran|run|runs|came|come|comes|went|go|goes)\b)[a-z-]+\s+){0,2}?"
    r"(?:short|shy)\s+of\b",
    regex.IGNORECASE,
)
#: right before a sum over several holders: "a combined", "their joint"
_COMBINED_BEFORE = regex.compile(
    r"\b(?i:a|their|the|its)\s+(?i:combined|joint)\s+(?:(?i:total)\s+(?i:of)\s+)?$"
)
#: right after a figure that is a part of the one before it: " of whom", " of them"
OF_WHOM = regex.compile(r"\s+of\s+(?:whom|them|which|those)\b")
#: a sentence that opens on a group named without its figure: "Of the dead,",
#: "Among those injured,"
_OF_THE_GROUP = regex.compile(
    r"[ \t]*(?:Of|Among)\s+(?:the|those)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:dead|killed|injured|wounded|missing|victims|infected|patients|cases|deaths"
    r"|casualties|passengers|survivors|evacuated|arrested|detained)\s*,"
)
#: where the parts after "Of the N," end: a speech tag, a relative clause of its own,
#: a semicolon (", while 130 remain under treatment" goes on listing them)
_PARTS_END = regex.compile(
    r",\s+(?:when|which|where)\b|;"
    r"|,\s+(?:he|she|they|it|officials?|the\s+\w+)\s+(?:said|says|added|told)\b"
)
_OF_THE = regex.compile(
    # "Of the 154 people killed,", "Of 578 patients with information on what they
    # had vaped,", "Out of some 900 admitted,"
    r"^\s*(?:Of|Out\s+of)\s+(?:(?:the|this|that|its|all)\s+)?"
    # "Of the pipeline's 1,443km,": the whole's owner before it
    r"(?:[\w-]+['’]s\s+)?"
    r"(?:(?:about|around|some|nearly|almost|roughly)\s+)?$"
)
#: a passive after a count's noun that names a tally: "passengers were killed",
#: "miners are still missing", "residents have been evacuated"
_PASSIVE_TALLY = regex.compile(
    r"\s+(?:(?:were|are|was|is|have|has|had)\s+)(?:(?:been|still|also|now|reportedly)\s+)*"
    r"(?P<cue>[a-z]+)\b"
)
#: a part named by the group it is among, the verb inverted before it: "Among the
#: dead were 26 people", "among those rescued are 40 children", "Among them were
#: 12 firefighters" (a few words of the group, then the verb, then the figure)
_AMONG_WERE = regex.compile(
    r"\b(?i:among)\s+(?:[\w'-]+\s+){1,4}?(?i:were|are|was|is)\s+(?:(?i:at\s+least|some"
    r"|about|around|nearly|almost|more\s+than)\s+)?$"
)
_TO_BEFORE = regex.compile(
    r"\b(?:to|at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+|some\s+)?$",
    regex.IGNORECASE,
)
_PERCENT_OF = regex.compile(
    r"^\s+of\s+(?:the\s+|(?P<owner>its|their|his|her)\s+)?"
    r"(?P<whole>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)",
    regex.IGNORECASE,
)


class FrameReader(HolderReader):
    """Reads the frames of one document's claims."""

    def __init__(self, document: Document, claims: Sequence[Claim]) -> None:
        super().__init__(document, claims)
        self.by_id = {c.id: c for c in claims}
        self.frames: dict[str, Frame] = {}
        #: the claims read as the earlier start of the level before them ("up from
        #: 52"), so a start listed after one is read as one too
        self.starts: set[str] = set()
        #: claims that are a running count's total after its increment
        self.totals: set[str] = set()
        #: where the text holds an idiom that names no attribute ("in the order of")
        self.idioms = [
            (m.start(), m.end()) for m in self.lex.idioms.finditer(self.text)
        ]

    # -- the clause ---------------------------------------------------------------

    def _sentence(self, claim: Claim) -> tuple[int, int]:
        if claim.sentence is not None:
            return claim.sentence.start, claim.sentence.end
        return claim.span.start, claim.span.end

    def read(self) -> dict[str, Frame]:
        """Every claim's frame, by claim id."""
        wholes = self._wholes()
        for n, claim in enumerate(self.claims):
            anchor = self.by_id.get(claim.equivalent_of or "")
            if anchor is not None and anchor.id in self.frames:
                self.frames[claim.id] = self.frames[anchor.id]  # a restatement
                continue
            frame = self._frame(claim, wholes.get(claim.id))
            restated = self._change_restated(n, frame)
            if restated is not None:
                # "revenue rose $3 billion, or 12 percent": the same change in
                # percent, of what the change measures
                rf = self.frames[restated.id]
                frame = attrs.evolve(
                    frame,
                    role="change",
                    restates=restated.id,
                    attribute=rf.attribute,
                    holder=frame.holder or rf.holder,
                    holder_key=frame.holder_key or rf.holder_key,
                    holder_source=frame.holder_source or rf.holder_source,
                    cues=(*frame.cues, f"role<-a change restated ({restated.text!r})"),
                )
            change = self._change_before(n)
            if change is not None and (
                not named_class(frame.attribute)
                # "10% revenue growth to 609 billion yuan": the noun of the change
                # names no class of the level it reached
                or (frame.attribute == "growth" and claim.kind != "percent")
            ):
                # "revenue rose 5% to 592 billion yuan": the level the change reached
                c = self.frames[change.id]
                if c.role == "change":
                    self.frames[change.id] = attrs.evolve(c, level=claim.id)
                # "ten new MERS cases ..., bringing the total to 414": the total is
                # the count's, whoever the clause's subject
                own = claim.id not in self.totals or not c.holder
                frame = attrs.evolve(
                    frame,
                    attribute=c.attribute or frame.attribute,
                    holder=(frame.holder if own else None) or c.holder,
                    holder_key=(frame.holder_key if own else ()) or c.holder_key,
                    holder_source=(frame.holder_source if own else None)
                    or c.holder_source,
                    cues=(
                        *frame.cues,
                        f"attribute<-the change before ({change.text!r})",
                    ),
                )
            if (
                n
                and frame.role == "level"
                and self.claims[n - 1].sentence == claim.sentence
                and self.claims[n - 1].kind == claim.kind
                and OF_WHOLE.fullmatch(
                    self.text, self.claims[n - 1].span.end, claim.span.start
                )
            ):
                # "with 208 of 630 seats": the whole the figure before is counted in,
                # not the holder's own figure
                frame = attrs.evolve(
                    frame, role="whole", cues=(*frame.cues, "role<-'of' after a figure")
                )
            start = self._start_before(n)
            if start is not None and self._measures_its_start(
                claim, frame, sf := self.frames[start.id]
            ):
                # "the death toll has risen from 225 to 326": the end is a level of
                # what its start measures
                frame = attrs.evolve(
                    frame,
                    attribute=sf.attribute,
                    holder=frame.holder or sf.holder,
                    holder_key=frame.holder_key or sf.holder_key,
                    holder_source=frame.holder_source or sf.holder_source,
                    cues=(*frame.cues, f"attribute<-the start before ({start.text!r})"),
                )
            reached = self._level_left(n, frame)
            if reached is not None:
                # "won 99 seats, up from 52 in 2019 and 44 in 2014": the start a level
                # was reached from measures what the level measures
                self.starts.add(claim.id)
                rf = self.frames[reached.id]
                frame = attrs.evolve(
                    frame,
                    attribute=rf.attribute,
                    stage=frame.stage or "earlier",
                    holder=frame.holder or rf.holder,
                    holder_key=frame.holder_key or rf.holder_key,
                    holder_source=frame.holder_source or rf.holder_source,
                    cues=(
                        *frame.cues,
                        f"attribute<-the {'change' if rf.role == 'change' else 'level'} it is the "
                        f"start of ({reached.text!r})",
                    ),
                )
            level = self._level_before(n, frame)
            if level is not None:
                # "revenue of 602.3 billion yuan, up 24% on 2022": the change is the
                # level's, with its holder, attribute and time
                lf = self.frames[level.id]
                frame = attrs.evolve(
                    frame,
                    holder=frame.holder or lf.holder,
                    holder_key=frame.holder_key or lf.holder_key,
                    holder_source=frame.holder_source or lf.holder_source,
                    attribute=frame.attribute
                    if named_class(frame.attribute)
                    else lf.attribute,
                    time=lf.time or frame.time,
                    level=level.id,
                    cues=(*frame.cues, f"attribute<-the level before ({level.text!r})"),
                )
            host = self._host(claim)
            if host is not None and host.id in self.frames:
                # "CNY55.3bn (up 21.9%)": a figure in brackets after another is about
                # the same holder and, unless it names its own, the same attribute
                h = self.frames[host.id]
                if claim.kind != host.kind and h.role in ("share", "part"):
                    # "23.4% (US$23.3 billion) of its revenue": the share's amount
                    frame = attrs.evolve(frame, role="part", whole=h.whole)
                # "obtained 10,580,412 votes (47.31%)": past the count's noun, a
                # host that names no holder leaves the figure its own
                gap = self.text[host.span.end : claim.span.start]
                own = not h.holder_key and bool(gap.strip(" \t\u00a0("))
                frame = attrs.evolve(
                    frame,
                    holder=frame.holder if own else h.holder,
                    holder_key=frame.holder_key if own else h.holder_key,
                    holder_source=frame.holder_source if own else h.holder_source,
                    attribute=frame.attribute
                    if named_class(frame.attribute)
                    else h.attribute,
                    time=frame.time or h.time,
                    cues=(
                        *frame.cues,
                        f"holder<-the figure before the bracket ({host.text!r})",
                    ),
                )
            self.frames[claim.id] = frame
        self._share_between_repeats()
        self._distribute_respectively()
        self._fill_gapped()
        self._fill_gapped_by_place()
        self._share_listed_holder()
        self._share_restated_holder()
        self._share_joined_target()
        self._share_the_whole_state()
        self._share_listed_basis()
        self._carry_the_subject()
        self._carry_into_other_terms()
        self._listed_kinds()
        self._winning_margins()
        return self.frames

    def _winning_margins(self) -> None:
        """ "beating his closest rival by nearly 2.8 million votes", "won by more
        than 1.3 million", "1.8 million more than Atiku": a tally's difference
        between two sides of a contest is the winner's margin, one figure with "a
        margin of 1,810,206 votes" (not a change of a tally over time)."""
        for claim in self.claims:
            frame = self.frames[claim.id]
            if (
                claim.kind != "count"
                or frame.role != "change"
                or frame.attribute not in ("votes", "noun:vote", None)
            ):
                continue
            s0, _ = self._sentence(claim)
            before = _WON_BY.search(
                self.text, max(s0, claim.span.start - 90), claim.span.start
            )
            after = _MORE_THAN_RIVAL.match(self.text, claim.span.end)
            if before is None and after is None:
                continue
            if before is not None and _STRONG.search(
                self.text, before.end(), claim.span.start
            ):
                continue
            self.frames[claim.id] = attrs.evolve(
                frame,
                attribute="margin",
                role="level",
                cues=(*frame.cues, "attribute<-a winner's margin over a rival"),
            )

    def _carry_the_subject(self) -> None:
        """ "Kia said Friday its operating profit jumped 60.5 percent. Net profit rose
        62.3 percent to 8.78 trillion won.": a sentence whose subject is only what
        is measured ("Net profit rose") goes on about the named subject of the
        sentence before, in the same paragraph, when that sentence has one."""
        lex = self.lex
        # (the sentence's start, its end, its subject)
        previous: tuple[int, int, Frame] | None = None
        for claim in self.claims:
            s0, s1 = self._sentence(claim)
            frame = self.frames[claim.id]
            opening = _MEASURE_OPENS.match(self.text, s0)
            pronoun = (
                opening is not None
                and (opening.group("first") or "").lower() in _OWNING_PRONOUNS
                and lex.attributes.match(self.text, opening.start("w")) is not None
                and not frame.holder_key
            )
            if (
                pronoun
                and (
                    previous is None
                    or previous[0] == s0
                    # a pronoun stands for a name of the sentence right before
                    or self.text[previous[1] : s0].strip()
                )
            ):
                # "The airline alone made $4.7 billion. Its revenue rose 13%": the
                # pronoun stands for a holder named before, whoever it is, not
                # the story's
                self.frames[claim.id] = attrs.evolve(
                    frame,
                    holder_source=PRONOUN,
                    cues=(*frame.cues, "holder<-a pronoun for no name read"),
                )
                continue
            if previous is not None and previous[0] != s0:
                before = previous[2]
                if (
                    opening is not None
                    and (
                        pronoun
                        or (
                            opening.group("w").lower() in lex.attribute_of
                            and _measure_alone(opening, lex)
                        )
                    )
                    and not frame.holder_key
                    and frame.role in ("level", "change")
                    and "\n\n" not in self.text[previous[0] : s0]
                ):
                    self.frames[claim.id] = attrs.evolve(
                        frame,
                        holder=before.holder,
                        holder_key=before.holder_key,
                        holder_source="carried",
                        cues=(*frame.cues, "holder<-the sentence before's subject"),
                    )
                    continue
            if (
                frame.holder_source in ("subject", "owner")
                and frame.holder_key
                and _is_name(frame.holder or "")
            ):
                previous = (s0, s1, frame)
                continue
            if previous is not None and previous[0] != s0 and frame.holder_key:
                previous = None  # another subject named in between

    def _carry_into_other_terms(self) -> None:
        """ "Revenue for the January-March quarter rose 16% to Rs 37,441 crore. In
        dollar terms, revenue was $4,554 million": a sentence that opens by
        restating the one before in another currency's terms goes on about its
        figures; an attribute it shares with them takes their holder and time where
        it names none."""
        before: list[Frame] = []  # the frames of the sentence before
        sentence: tuple[int, int] | None = None
        current: list[Frame] = []
        for claim in self.claims:
            bounds = self._sentence(claim)
            if bounds != sentence:
                before, current, sentence = current, [], bounds
            frame = self.frames[claim.id]
            current.append(frame)
            if (
                frame.time is not None
                or not named_class(frame.attribute)
                or _IN_OTHER_TERMS.match(self.text, bounds[0]) is None
            ):
                continue
            source = next(
                (f for f in before if f.attribute == frame.attribute and f.time), None
            )
            if source is None:
                continue
            self.frames[claim.id] = frame = attrs.evolve(
                frame,
                time=source.time,
                holder=frame.holder or source.holder,
                holder_key=frame.holder_key or source.holder_key,
                holder_source=frame.holder_source or source.holder_source,
                cues=(*frame.cues, "time<-the sentence it restates in other terms"),
            )
            current[-1] = frame

    def _share_listed_basis(self) -> None:
        """ "a final dividend of ₹20 along with a special dividend of ₹8 per share":
        an amount per share stated after the last item of a list (or after the
        first) is every item's, two unscaled amounts of one currency joined as a
        list."""
        for prev, claim in itertools.pairwise(self.claims):
            fp, fc = self.frames[prev.id], self.frames[claim.id]
            bases = {fp.basis, fc.basis}
            if (
                bases != {"per_share", None}
                or prev.sentence != claim.sentence
                or prev.kind != "money"
                or claim.kind != "money"
                or prev.unit != claim.unit
                or _SCALED.search(prev.text)
                or _SCALED.search(claim.text)
                or not _LIST_JOINER.search(self.text, prev.span.end, claim.span.start)
                or _BOUNDARY_MARK.search(self.text, prev.span.end, claim.span.start)
            ):
                continue
            for c, f in ((prev, fp), (claim, fc)):
                if f.basis is None:
                    self.frames[c.id] = attrs.evolve(
                        f,
                        basis="per_share",
                        cues=(*f.cues, "basis<-the list's other item"),
                    )

    def _share_the_whole_state(self) -> None:
        """ "More than 2.7 million homes and businesses lost power, including 2.26
        million customers of CenterPoint": a part of a count of things in a state
        is in that state too, whatever noun counts it."""
        states = self.lex.states
        for n, claim in enumerate(self.claims):
            cid = claim.id
            frame = self.frames[cid]
            if frame.role != "part":
                continue
            whole = self.frames.get(frame.whole or "")
            if whole is None:
                # "..., including 2.26 million customers": the part of the figure
                # of its kind right before it in the sentence
                before = [
                    c
                    for c in self.claims[:n]
                    if c.sentence == claim.sentence
                    and c.kind == claim.kind
                    and c.equivalent_of is None
                ]
                whole = self.frames.get(before[-1].id) if before else None
            if (
                frame.role == "part"
                and whole is not None
                and whole.attribute in states
                and frame.attribute not in states
            ):
                self.frames[cid] = attrs.evolve(
                    frame,
                    attribute=whole.attribute,
                    # and at its time ("at the height of the storm")
                    time=frame.time or whole.time,
                    cues=(*frame.cues, "attribute<-the state of its whole"),
                )

    def _listed_kinds(self) -> None:
        """ "1,800 direct jobs and about 8,000 indirect jobs": counts of one noun
        listed in one sentence, each narrowed by a modifier of its own, are kinds
        of it: parts of the noun's total ("nearly 10,000 jobs"), and each kind
        its own holder's (its modifier joins the holder's key)."""
        by_sentence: dict[int, list[tuple[Claim, str, tuple[str, ...]]]] = {}
        for c in self.claims:
            if c.kind != "count" or not c.noun or c.equivalent_of is not None:
                continue
            if c.sentence is None or c.id not in self.frames:
                continue
            words = noun_words(c.noun)
            if len(words) < 2:
                continue
            by_sentence.setdefault(c.sentence.start, []).append(
                (c, words[-1], tuple(words[:-1]))
            )
        for listed in by_sentence.values():
            for head in {h for _, h, _ in listed}:
                kinds = [(c, m) for c, h, m in listed if h == head]
                if len(kinds) < 2 or len({m for _, m in kinds}) < len(kinds):
                    continue
                for c, mods in kinds:
                    frame = self.frames[c.id]
                    if frame.role != "level":
                        continue
                    key = {*frame.holder_key, *(stem(m) for m in mods)}
                    kind = " ".join(mods)
                    self.frames[c.id] = attrs.evolve(
                        frame,
                        role="part",
                        holder=f"{frame.holder} ({kind})" if frame.holder else kind,
                        holder_key=tuple(sorted(key)),
                        cues=(
                            *frame.cues,
                            f"role<-a kind of {head} listed with another",
                        ),
                    )

    def _share_restated_holder(self) -> None:
        """ "against Lee's 47.83 percent, or 16,147,738 votes": a figure that
        restates the one before it after ", or" (a share as its count) is that
        figure's holder's, not the clause subject's."""
        self._take_holder_before(
            lambda first, last, claim: (
                bool(first.holder_key)
                and "holder<-the clause subject" not in first.cues
                and _OR_RESTATED.fullmatch(self.text, last.span.end, claim.span.start)
                is not None
            ),
            "the figure it restates",
        )

    def _share_listed_holder(self) -> None:
        """ "The Greens had 10.8% and 14 seats, ACT 9.0% and 11 seats": a gapped list
        item may hold two figures joined by "and"; the name before the first holds
        both, not the clause's subject."""
        self._take_holder_before(
            self._joined_to("holder<-a listed name before the figure"),
            "the listed figure before",
        )

    def _share_joined_target(self) -> None:
        """ "against 41.45% and 13,288,686 votes for Marine Le Pen": a figure joined
        by "and" to one whose holder is named after it takes that name, not the
        clause subject's."""
        self._take_holder_before(
            self._joined_to("holder<-'for' after the figure"),
            "the name after the figure joined to it",
            backward=True,
        )

    def _joined_to(self, cue: str) -> Callable[[Frame, Claim, Claim], bool]:
        """Whether a figure is joined by "and" to the one whose frame holds its
        holder by ``cue`` ("ACT 9.0% and 11 seats")."""
        return lambda first, last, claim: (
            cue in first.cues
            and _JOINED_FIGURE.fullmatch(self.text, last.span.end, claim.span.start)
            is not None
        )

    def _take_holder_before(
        self,
        takes: Callable[[Frame, Claim, Claim], bool],
        why: str,
        *,
        backward: bool = False,
    ) -> None:
        """Give a figure whose holder is its clause's subject the holder of the
        figure right before it in its sentence when ``takes`` (that figure's frame,
        that figure, this one) says it belongs with it; ``backward``, the holder of
        the figure right after it (``takes`` then gets that figure's frame, this
        figure, that one)."""
        prev: Claim | None = None
        for claim in self.claims:
            if claim.equivalent_of is not None:
                continue
            last, prev = prev, claim
            if last is None or last.sentence != claim.sentence:
                continue
            giver, taker = (claim, last) if backward else (last, claim)
            first, frame = self.frames[giver.id], self.frames[taker.id]
            if "holder<-the clause subject" not in frame.cues or not takes(
                first, last, claim
            ):
                continue
            self.frames[taker.id] = attrs.evolve(
                frame,
                holder=first.holder,
                holder_key=first.holder_key,
                holder_source=first.holder_source,
                cues=tuple(
                    f"holder<-{why} ({giver.text!r})"
                    if c == "holder<-the clause subject"
                    else c
                    for c in frame.cues
                ),
            )

    def _fill_gapped(self) -> None:
        """ "Poland spent 4.1% of GDP on defence, Estonia 3.4% and Latvia 3.1%": a
        list item whose verb is gapped (a name, then its figure) measures what the
        item before it measures, in the same role, unless it names its own."""
        prev: Claim | None = None
        for claim in self.claims:
            if claim.equivalent_of is not None:
                continue
            last, prev = prev, claim
            frame = self.frames[claim.id]
            if (
                last is None
                or last.sentence != claim.sentence
                or last.kind != claim.kind
                or not (
                    "holder<-a listed name before the figure" in frame.cues
                    or "holder<-the clause subject" in frame.cues
                )
                or (frame.attribute and not frame.attribute.startswith("noun:"))
                or frame.role != "level"
            ):
                continue
            s0, s1 = self._sentence(claim)
            start, _ = local_bounds(claim, s0, s1, self.spans, self.text)
            gap = self.text[start : claim.span.start]  # the item's own words
            if (
                "holder<-a listed name before the figure" not in frame.cues
                and _NAME_IN.fullmatch(gap) is None
            ):
                # "Tinubu reached the mark in 30 states, Atiku in 21": a subject
                # is a gapped item's name only with a preposition alone after it
                continue
            if self.lex.attributes.search(gap) or any(
                w.lower() in self.lex.verbs for w in TOKEN.findall(gap)
            ):
                continue  # the item has its own verb or attribute: not gapped
            first = self.frames[last.id]
            if first.attribute is None and first.role == "level":
                continue
            self.frames[claim.id] = attrs.evolve(
                frame,
                attribute=first.attribute or frame.attribute,
                role=first.role,
                whole=first.whole,
                basis=frame.basis or first.basis,
                cues=(
                    *frame.cues,
                    f"attribute<-the listed item before ({last.text!r})",
                ),
            )

    def _fill_gapped_by_place(self) -> None:
        """ "1,967 stores in Thailand and 74 in Malaysia", "killed 23 people in Luzon
        and 17 in Mindanao": a list item whose verb and noun are gapped, its place
        after it, counts what the item before counts, in its role; each item's
        place is whose figure it is."""
        prev: Claim | None = None
        for claim in self.claims:
            if claim.equivalent_of is not None:
                continue
            last, prev = prev, claim
            if (
                last is None
                or last.sentence != claim.sentence
                or last.kind != claim.kind
                or claim.noun
                or named_class(self.frames[claim.id].attribute)
            ):
                continue
            before = _PLACE_THEN_AND.fullmatch(
                self.text, last.span.end, claim.span.start
            )
            after = _IN_PLACE.match(self.text, claim.span.end)
            first = self.frames[last.id]
            if before is None or after is None or not named_class(first.attribute):
                continue
            for ref, place, frame in (
                (last, before["place"], first),
                (claim, after["place"], self.frames[claim.id]),
            ):
                if ref is last and frame.holder is not None:
                    continue
                words = place.split()
                self.frames[ref.id] = attrs.evolve(
                    frame,
                    attribute=first.attribute,
                    role=first.role,
                    holder=place,
                    holder_key=holder_key(words, self.lex),
                    holder_source="target",
                    cues=(
                        *(c for c in frame.cues if not c.startswith("holder<-")),
                        f"holder<-a listed item's place ({place!r})",
                        *(
                            ()
                            if ref is last
                            else (f"attribute<-the listed item before ({last.text!r})",)
                        ),
                    ),
                )

    def _distribute_respectively(self) -> None:
        """ "The storms killed 23 and 17 people in Luzon and Mindanao, respectively":
        the listed names go to the listed figures in order."""
        by_sentence: dict[int, list[Claim]] = {}
        for claim in self.claims:
            if claim.sentence is not None and claim.equivalent_of is None:
                by_sentence.setdefault(claim.sentence.start, []).append(claim)
        for claims in by_sentence.values():
            sentence = claims[0].sentence
            assert sentence is not None
            text = self.text[sentence.start : sentence.end]
            at = _RESPECTIVELY.search(text)
            if at is None or len(claims) < 2:
                continue
            after = text[claims[-1].span.end - sentence.start : at.start()]
            before = text[: claims[0].span.start - sentence.start]
            names = (
                _listed_names(after)
                or _listed_names(before)
                or _listed_kinds(before, self.lex)
            )
            if len(names) != len(claims):
                continue
            first = self.frames[claims[0].id]
            for claim, name in zip(claims, names, strict=True):
                key = tuple(sorted(set(holder_key(name.split(), self.lex))))
                if not key:
                    continue
                own = self.frames[claim.id]
                if not own.attribute or own.attribute.startswith("noun:"):
                    # parallel figures of one list measure one thing
                    own = attrs.evolve(own, attribute=first.attribute, role=first.role)
                self.frames[claim.id] = attrs.evolve(
                    own,
                    holder=name,
                    holder_key=key,
                    holder_source="listed",
                    cues=(*self.frames[claim.id].cues, "holder<-'respectively'"),
                )
                for other in self.claims:
                    if other.equivalent_of == claim.id:
                        # "€86.1 billion (US$96 billion) and €3.01 billion": the
                        # bracket restates its listed figure, holder and all
                        self.frames[other.id] = self.frames[claim.id]

    def _share_between_repeats(self) -> None:
        """One figure stated twice in a story is one fact ("EUR 10B" in a summary
        line, "a pre-money valuation of EUR 10 billion" in the body): a field one
        statement leaves unknown takes the other's."""
        seen: dict[tuple[str, str | None, float], list[str]] = {}
        for claim in self.claims:
            # a specific or large amount ("€10B"): two printings of a small round
            # one ("$100 more", "cut by $100") are no evidence of one fact
            if (
                claim.equivalent_of is None
                and claim.value
                and (is_specific(claim) or abs(claim.value) >= _LARGE)
            ):
                seen.setdefault((claim.kind, claim.unit, claim.value), []).append(
                    claim.id
                )
        for ids in seen.values():
            if len(ids) < 2:
                continue
            frames = [self.frames[i] for i in ids]
            for i, frame in zip(ids, frames, strict=True):
                filled = frame
                for other in frames:
                    if other is frame or other.role != frame.role:
                        continue
                    filled = attrs.evolve(
                        filled,
                        attribute=filled.attribute or other.attribute,
                        basis=filled.basis or other.basis,
                        stage=filled.stage or other.stage,
                        holder=filled.holder or other.holder,
                        holder_key=filled.holder_key or other.holder_key,
                        holder_source=filled.holder_source or other.holder_source,
                    )
                self.frames[i] = filled

    def _own_claim_before(self, n: int) -> Claim | None:
        """The nearest claim before the ``n``-th that restates none."""
        return next(
            (
                self.claims[i]
                for i in range(n - 1, -1, -1)
                if self.claims[i].equivalent_of is None
            ),
            None,
        )

    def _change_before(self, n: int) -> Claim | None:
        """The change the ``n``-th claim, a level, is the end of: the claim right
        before "to" in "rose 5% to 592 billion yuan" (framed already, as a
        change); or the increment a running count's total follows, maybe past a
        duration ("ten new cases in the past 48 hours, bringing the total to
        414")."""
        claim = self.claims[n]
        prev = self._own_claim_before(n)
        if prev is None or prev.sentence != claim.sentence:
            return None
        gap = self.text[prev.span.end : claim.span.start]
        if self.frames[prev.id].role == "change" and (
            _TO_LEVEL.fullmatch(gap) or _NOUN_CHANGE_TO.fullmatch(gap)
        ):
            return prev
        if (
            claim.kind != "count"
            # most counts: no "to" right before them (the pattern's cheap part)
            or "to" not in self.text[max(0, claim.span.start - 24) : claim.span.start]
            or not _TOTAL_BROUGHT_TO_END.search(
                self.text, max(0, claim.span.start - 60), claim.span.start
            )
        ):
            return None  # (amounts added up to a total are FC303's parts)
        for i in range(n - 1, -1, -1):
            c = self.claims[i]
            if c.sentence != claim.sentence:
                return None
            if c.equivalent_of is not None or (
                c.kind == "quantity" and c.unit and dimension(c.unit) == "time"
            ):
                continue  # "in the past 48 hours": when the increment came
            if (
                c.kind == claim.kind
                # "ten new cases": a day's count, and what the total grew by
                and (
                    self.frames[c.id].role == "change"
                    or self.frames[c.id].basis == "new"
                )
                and self.frames[c.id].attribute in self.lex.running
                and _TOTAL_BROUGHT_TO.fullmatch(self.text, c.span.end, claim.span.start)
            ):
                self.totals.add(claim.id)
                return c
            return None
        return None

    def _change_restated(self, n: int, frame: Frame) -> Claim | None:
        """The change the ``n``-th claim, a percent of no named class, restates in
        percent: the claim right before ", or" in "fell 96.66 points, or 3.86
        percent", or before a change's noun in "up five centimes, an increase of
        2.5%" (framed already, as a change, in another unit)."""
        claim = self.claims[n]
        if (
            claim.kind != "percent"
            or frame.role not in ("level", "change")
            or (frame.role == "change" and frame.level is not None)
            or named_class(frame.attribute)
        ):
            return None
        prev = self._own_claim_before(n)
        if (
            prev is None
            or prev.kind == "percent"
            or prev.sentence != claim.sentence
            or self.frames[prev.id].role != "change"
        ):
            return None
        gap = self.text[prev.span.end : claim.span.start]
        if prev.noun and gap.startswith(f" {prev.noun}"):
            gap = gap[len(prev.noun) + 1 :]
        if frame.role == "change":
            # "up five centimes, an increase of 2.5%": the change named again
            return prev if NOUN_RESTATED.fullmatch(gap) else None
        return prev if _OR_RESTATED.fullmatch(gap) else None

    def _level_left(self, n: int, frame: Frame) -> Claim | None:
        """The level the ``n``-th claim, of no named class, is the earlier start of:
        "won 99 seats, up from 52", "fell to 230,000, down from 249,200" (the level
        framed already, of the same kind and unit, in the same clause), and each
        further start listed after it ("up from 52 in 2019 and 44 in 2014"); or the
        percentage change it is the start of ("rose 9 percent from $36.13
        billion")."""
        claim = self.claims[n]
        prev = self._own_claim_before(n)
        if (
            named_class(frame.attribute)
            or prev is None
            or prev.sentence != claim.sentence
        ):
            return None
        gap = self.text[prev.span.end : claim.span.start]
        pf = self.frames[prev.id]
        if (
            pf.role == "change"
            and prev.kind == "percent"
            and claim.kind != "percent"
            and named_class(pf.attribute)
            and _FROM_GAP.fullmatch(gap)
        ):
            return prev  # "net profit rose 9 percent from $36.13 billion"
        if prev.kind != claim.kind or prev.unit != claim.unit:
            return None
        if pf.role == "level" and pf.stage is None and named_class(pf.attribute):
            return (
                prev
                if _UP_FROM_GAP.fullmatch(gap)
                # "fell 69.1 percent to 2.30 trillion won from 7.44 trillion won",
                # "was revised to 4.1 per cent from 2.0 per cent"
                or (
                    _FROM_GAP.fullmatch(gap)
                    and _TO_AT_END.search(
                        self.text, max(0, prev.span.start - 4), prev.span.start
                    )
                )
                else None
            )
        if (
            prev.id in self.starts
            and _NEXT_START_GAP.fullmatch(gap)
            and _START_ENDS.match(self.text, claim.span.end)
        ):
            return prev  # "... and 44 in 2014": the next start listed
        return None

    def _start_before(self, n: int) -> Claim | None:
        """The start the ``n``-th claim is the end of: "from 225 to 326", "from
        $1.2 billion to $1.5 billion" (the start framed already, as an earlier
        figure of one kind with the end)."""
        claim = self.claims[n]
        prev = self._own_claim_before(n)
        if (
            prev is None
            or prev.sentence != claim.sentence
            or prev.kind != claim.kind
            or prev.unit != claim.unit
            or self.frames[prev.id].stage != "earlier"
            or not _FROM.search(self.text, max(0, prev.span.start - 6), prev.span.start)
        ):
            return None
        gap = self.text[prev.span.end : claim.span.start]
        return prev if _FROM_TO.fullmatch(gap) else None

    def _end_after_equivalent(self, claim: Claim, s0: int, s1: int, end: int) -> int:
        """Where a claim's stretch ends, read past its stated equivalent: "recorded
        minus 67.8C (minus 90F) in 1892" dates both figures."""
        at = bisect.bisect_left(self.spans, (claim.span.end,))
        if at >= len(self.claims) or self.claims[at].equivalent_of != claim.id:
            return end
        _, eq_end = local_bounds(self.claims[at], s0, s1, self.spans, self.text)
        return max(end, eq_end)

    def _market(self, claim: Claim, s0: int) -> bool:
        """Whether a place names the market of a money figure: right after it ("in
        the euro area", "in Japan") or fronting its sentence ("In Japan the")."""
        start = claim.span.start
        return _COST_VERB.search(
            self.text, max(s0, start - 24), start
        ) is not None and (
            _MARKET_AFTER.match(self.text, claim.span.end) is not None
            or _MARKET_FRONTED.match(self.text, s0, start) is not None
        )

    def _level_before(self, n: int, frame: Frame) -> Claim | None:
        """The level the ``n``-th claim, a change or a share, follows after a comma
        ("602.3 billion yuan, up 24%", "starts at $1,199, up $200 from its
        predecessor", "reached 280.04 million, or 19.8 per cent")."""
        claim = self.claims[n]
        share = claim.kind == "percent" and frame.role in ("share", "level")
        if n == 0 or not (frame.role == "change" or share):
            return None
        prev = self.claims[n - 1]
        if (
            frame.role == "change"
            and n >= 2
            and prev.id in self.frames
            and self.frames[prev.id].attribute == "dim:time"
            and prev.sentence == claim.sentence
        ):
            # "€35.9 billion ($39.3 billion) for the 12 months to the end of January,
            # up 10.4%": the period a level is counted over is no level of its own
            prev = self.claims[n - 2]
            prev = self.by_id.get(prev.equivalent_of or "") or prev
            gap = self.text[prev.span.end : claim.span.start]
            if prev.sentence != claim.sentence or not _CHANGE_AFTER_PERIOD.fullmatch(
                gap
            ):
                return None
            return prev if self.frames[prev.id].role == "level" else None
        gap_start = prev.span.end
        if self.text[gap_start : gap_start + 1] == ")":
            # "15.54 lakh tonnes (about 1.55 million tonnes), up 45%": the level is
            # the figure the bracket restates
            prev = self.by_id.get(prev.equivalent_of or "") or self._host(prev) or prev
        elif prev.equivalent_of is not None:
            # "$161.1bn in 2022, or about R2.9-trillion, a 56.5% jump": the figure
            # the restatement restates
            prev = self.by_id.get(prev.equivalent_of) or prev
        # "prices were 85.5 percent higher than a year earlier, up 2.6 percentage
        # points from 83.45 percent": a change in points of a rate is a change of
        # that rate, even where the rate is itself a change
        in_points = frame.role == "change" and claim.unit == "pp"
        if (
            prev.sentence != claim.sentence
            or prev.id not in self.frames
            or not (
                self.frames[prev.id].role == "level"
                or (in_points and prev.kind == "percent")
                # "took 59.75% of the vote, up 6.5 percent from 53.2%": a share's
                # move, in points or percent
                or (
                    frame.role == "change"
                    and claim.kind == prev.kind == "percent"
                    and self.frames[prev.id].role == "share"
                )
            )
            or (share and prev.kind == "percent")
        ):
            return None
        gap = self.text[gap_start : claim.span.start]
        if _CHANGE_AFTER_LEVEL.fullmatch(gap) or (
            frame.role == "change" and _CHANGE_AFTER_COPULA.fullmatch(gap)
        ):
            return prev
        return None

    def _in_idiom(self, cue: regex.Match[str]) -> bool:
        """Whether a cue stands inside an idiom that names no attribute ("a loss in
        the order of CHF 132 billion")."""
        return any(s <= cue.start() and cue.end() <= e for s, e in self.idioms)

    def _host(self, claim: Claim) -> Claim | None:
        """The claim right before an opening bracket this claim stands in, or before
        its noun ("3,367,790 votes (48.39%)")."""
        before = self.text[max(0, claim.span.start - 12) : claim.span.start]
        at = before.rfind("(")
        if at < 0 or ")" in before[at:]:
            return None
        cut = claim.span.start - (len(before) - at)
        prev = [
            c
            for c in self.claims
            if c.span.end <= cut
            and (
                cut - c.span.end <= 2
                or (
                    c.kind == "count"
                    and _COUNTED_NOUN_GAP.fullmatch(self.text, c.span.end, cut)
                    is not None
                )
            )
        ]
        return prev[-1] if prev else None

    def _wholes(self) -> dict[str, str]:
        """Parts named after "Of the N, ...": every later figure of the sentence in
        N's measure is a part of N."""
        out: dict[str, str] = {}
        for i, claim in enumerate(self.claims):
            s0, _ = self._sentence(claim)
            if not _OF_THE.match(self.text[s0 : claim.span.start]):
                continue
            # the parts follow the phrase that names the whole: "Of the 170
            # infections counted in the study of 44,000 volunteers, eight..."
            comma = self.text.find(",", claim.span.end)
            # "Of the 17 regions, nine had exceeded the threshold, he said, and ...
            # when 2 in every 1,000 Filipinos fell ill": the parts end with their
            # clause
            cut = _PARTS_END.search(self.text, max(comma, claim.span.end) + 1)
            for later in self.claims[i + 1 :]:
                if later.sentence != claim.sentence or (
                    cut is not None and later.span.start >= cut.start()
                ):
                    break
                if (
                    later.kind == claim.kind
                    and later.equivalent_of is None
                    and 0 <= comma < later.span.start
                    # "drawn from the EU's 750 billion euro fund": another owner's
                    and not _OWNED_BY_ANOTHER.search(
                        self.text, max(s0, later.span.start - 40), later.span.start
                    )
                ):
                    out[later.id] = claim.id
        return out

    def _frame(self, claim: Claim, whole_id: str | None) -> Frame:
        s0, s1 = self._sentence(claim)
        start, end = local_bounds(claim, s0, s1, self.spans, self.text)
        title = _cited_title(self.text, claim, s0, s1)
        if title is not None:
            # "please refer to Alibaba Leads Record Deal to Mint $2.5 Billion China AI
            # Firm": a cited headline is its own sentence
            s0, s1 = title
            start, end = max(start, s0), min(end, s1)
        left = self.text[start : claim.span.start]
        right = self.text[claim.span.end : end]
        cues: list[str] = []
        attribute, cue = self._attribute(claim, start, end)
        duration = (
            None if named_class(attribute) else self._duration_before(claim, start)
        )
        if duration is not None:
            # "Attendance over the six months reached 2.41 million", "rainfall over
            # the two days reached 259.5 mm": a duration between the attribute and
            # the figure is the figure's window, and the attribute before it is the
            # figure's (a unit's or a noun's class only stands in for none)
            named, named_cue = self._attribute(
                claim, local_bounds(duration, s0, s1, self.spans, self.text)[0], end
            )
            if named is not None and (named_class(named) or attribute is None):
                attribute, cue = named, named_cue
        if attribute == "cost" and claim.kind == "money" and self._market(claim, s0):
            # "will cost €469.99 in the euro area", "In Japan the console will cost
            # ¥49,980": what a buyer pays in a market is a price, not a cost
            attribute, cue = "price", "a market"
        holder = self._holder(claim, s0, start, end, attribute=attribute)
        if (
            holder is not None
            and holder.key
            and attribute in self.lex.running
            and _UPDATES_A_TALLY.search(self.text, s0, claim.span.start) is not None
        ):
            # "Mozambique's disaster management institute raised the official flood
            # death toll to 429": who keeps the count acts on it, as an agent
            holder = _Holder(holder.text, holder.key, "the clause agent")
        if (
            holder is not None
            and holder.key
            and claim.kind == "count"
            and attribute not in self.lex.running
        ):
            place = self._place_after(claim, end) or [
                # "won Lagos state with 582,454 votes": the place won
                w
                for w in self._place_won(claim, s0)
                if stem(w.lower()) not in holder.key
            ]
            if place:
                # "Tesla will recall 1,610,105 vehicles in China": China's part of
                # Tesla's recall, not all of it (a toll's place is its holder)
                holder = holder.narrowed(place)
        if (
            claim.kind == "quantity"
            and claim.unit
            and dimension(claim.unit) == "length"
            and (place := self._place_measured_from(claim))
        ):
            # "325 km southwest of the capital Santiago": the distance from there
            holder = _Holder(
                " ".join(place), holder_key(place, self.lex), DISTANCE_FROM
            )
        opponent = self._opponent_after(claim, end)
        if opponent and holder is not None and holder.key:
            # "India's seven-run victory over South Africa": the winner's margin in
            # the match against that side
            holder = holder.narrowed(opponent)
        partner = (
            self._partner_after(claim, start, end)
            if attribute in ("deficit", "surplus")
            else []
        )
        if partner and holder is not None and holder.key:
            # "Japan logged a deficit of ¥5,827.1 billion in trade with China": the
            # balance with one partner, a part of the whole
            holder = holder.narrowed(partner, joiner="with")
        owner = self._name_after_noun(claim, end)
        if owner:
            # "2.26 million customers of CenterPoint Energy": the name the counted
            # noun is "of" owns them, whoever the clause's subject is
            holder = _Holder(
                " ".join(owner), holder_key(owner, self.lex), _NOUN_OF_NAME
            )
        maker = self._name_before_noun(claim, end)
        if maker:
            # "250 Airbus aircraft" in an order of 470 from Airbus and Boeing: the
            # name's part of what the holder counts
            holder = (
                _Holder(" ".join(maker), holder_key(maker, self.lex), _NAME_BEFORE_NOUN)
                if holder is None or not holder.key
                else _Holder(
                    _owner(holder.text) + " " + " ".join(maker),
                    tuple(sorted({*holder.key, *holder_key(maker, self.lex)})),
                    _NAME_BEFORE_NOUN,  # owned, even if the subject was an agent
                )
            )
        if holder is not None:
            cues.append(f"holder<-{holder.how}")
        if cue:
            cues.append(f"attribute<-{cue!r}")
        role, whole, why = self._role(claim, left, right, whole_id)
        if why:
            cues.append(f"role<-{why!r}")
        stage = self._stage(claim, s0, start, end)
        if stage == "final" and attribute in self.lex.running:
            # "the final toll": a running tally's reports are its moments already
            stage = None
        basis = self._basis(claim, start, end, holder.text if holder else None)
        # a wire story's dateline ("KUALA LUMPUR (Feb 28): ") dates the report,
        # not the figures of its first sentence
        dateline = DATELINE.match(self.text, s0, claim.span.start)
        t0 = dateline.end() if dateline is not None else s0
        time, window = read_time(
            self.text,
            self.spans,
            self.document.published,
            claim,
            sentence=(t0, s1),
            stretch=(max(start, t0), self._end_after_equivalent(claim, s0, s1, end)),
            standing=named_class(attribute) and attribute not in self.lex.running,
            running=attribute in self.lex.running,
        )
        if basis is None and role == "change":
            basis = self._base_year(claim, end, time) or self._base_holder(claim, end)
        if basis is None:
            basis = self._places_meeting(claim)
        return Frame(
            holder=holder.text if holder else None,
            holder_key=holder.key if holder else (),
            holder_source=_SOURCE_OF.get(holder.how) if holder else None,
            attribute=attribute,
            role=role,
            whole=whole,
            stage=stage,
            time=time,
            window=window,
            basis=basis,
            cues=tuple(cues),
        )

    # -- holder -------------------------------------------------------------------

    def _name_before_noun(self, claim: Claim, end: int) -> list[str]:
        """The name between a count and the noun it counts ("250 Airbus aircraft",
        "1.2 million Tesla cars"): whose of them the count is."""
        if claim.kind != "count" or not claim.noun:
            return []
        m = _NAMES_THEN.match(self.text[claim.span.end : end])
        if m is None or not m.group("rest").lower().startswith(
            claim.noun.split()[0].lower()
        ):
            return []
        words = m.group("names").split()
        if not all(_is_name_token(w, self.words, self.lex) for w in words):
            return []
        return words

    def _name_after_noun(self, claim: Claim, end: int) -> list[str]:
        """The name after a count's noun and "of" ("2.26 million customers of
        CenterPoint Energy", "4,000 employees of Halvorsen"): whose of them the
        count is."""
        if claim.kind != "count" or not claim.noun:
            return []
        rest = self.text[claim.span.end : end]
        gap = len(rest) - len(rest.lstrip())
        if not rest[gap:].lower().startswith(claim.noun.lower()):
            return []
        m = _OF_NAMES.match(rest, gap + len(claim.noun))
        if m is None:
            return []
        words = m.group("names").split()
        if not all(_is_name_token(w, self.words, self.lex) for w in words):
            return []
        return words

    def _subject_then_verb(self, cue: regex.Match[str], claim: Claim) -> bool:
        """Whether an attribute cue heads the subject of the figure's clause, a
        short verb phrase between them: "The recall also extends to", "Deliveries
        rose to" (after a determiner or at the sentence's start; no comma)."""
        gap = _QUALIFIER_END.sub("", self.text[cue.end() : claim.span.start])
        words = gap.split()
        before = self.text[max(0, cue.start() - 12) : cue.start()].split()
        opener = not before or before[-1].lower() in ("the", "its", "their", "this")
        opener = opener or before[-1].endswith((".", "!", "?"))
        return (
            opener
            and 1 <= len(words) <= 3
            and "," not in gap
            and any(
                w.lower() in self.lex.verbs or w.endswith(("s", "ed")) for w in words
            )
        )

    def _split_by_kind(self, claim: Claim) -> str | None:
        """The kind words of a count in a split of one noun by kind ("five
        underground and nine elevated stations"): the first count's kind before
        "and", the second's own kind and the shared noun after it; None if the count
        is no such item."""
        if claim.kind != "count":
            return None
        text, spans, lex = self.text, self.spans, self.lex

        def kind_before_and(start: int, end: int) -> str | None:
            m = _KIND_AND.fullmatch(text, start, end)
            kind = m.group("kind") if m is not None else ""
            # "12 seats and 9 new members", "12 dead and 40 injured people": a
            # plural or an attribute's word is a noun of its own, not a kind
            if not kind or kind.endswith("s") or kind in lex.attribute_of:
                return None
            return kind

        at = bisect.bisect_left(spans, (claim.span.start, claim.span.start))
        if at + 1 < len(spans):
            nxt = spans[at + 1]
            kind = kind_before_and(claim.span.end, nxt[0])
            if kind is not None and _KIND_NOUN.match(text, nxt[1]):
                return kind
        if at > 0:
            noun = _KIND_NOUN.match(text, claim.span.end)
            if noun is not None and kind_before_and(spans[at - 1][1], claim.span.start):
                return noun.group().split()[0]
        return None

    def _item_of_breakdown(self, claim: Claim, counted: str) -> bool:
        """Whether another figure follows the figure's counted noun as the next
        item of a list ("62 adults and 12 children", "40 men, 24 women")."""
        at = self.text.find(counted, claim.span.end, claim.span.end + 30)
        after = bisect.bisect_right(self.spans, (claim.span.end, claim.span.end))
        return (
            at >= 0
            and after < len(self.spans)
            and _NEXT_ITEM.fullmatch(self.text, at + len(counted), self.spans[after][0])
            is not None
        )

    def _duration_before(self, claim: Claim, start: int) -> Claim | None:
        """The duration that ends right where this claim's stretch begins, in its
        sentence with no clause boundary between ("over the six months reached")."""
        found = None
        # claims stand in text order: only those just before this one can end there
        at = bisect.bisect_left(self.spans, (claim.span.start, claim.span.start))
        for other in reversed(self.claims[:at]):
            if other.span.end < start - 1:
                break
            if (
                other.sentence == claim.sentence
                and other.kind == "quantity"
                and other.unit
                and dimension(other.unit) == "time"
                and other.span.end <= claim.span.start
                and not _BOUNDARY_MARK.search(
                    self.text, other.span.end, claim.span.start
                )
            ):
                found = other  # the first in text order, as the stretch reads
        return found

    def _split(self, claim: Claim, near_left: str, cue: regex.Match[str]) -> bool:
        """ "England voted to leave by 53.4% to 46.6%", "Scotland backed Remain by 62%
        to 38%": a vote's split, two shares of one whole, not a change of 53.4%. The
        larger share first, the two within 100%, and no change verb before "by"
        ("fell by 60% to 40%" is a change)."""
        if cue.group().lower() != "by":
            return False
        if claim.kind == "count":
            # "passed the Senate by 69 votes to 30": a vote's tally, for and against
            tally = _TALLY_TO.match(self.text, claim.span.end, claim.span.end + 30)
            before = near_left[: cue.start()].split()[-4:]
            return (
                tally is not None
                and float(tally.group(1).replace(",", "")) <= claim.value
                and not any(self.lex.change_before.fullmatch(w.lower()) for w in before)
            )
        if claim.kind != "percent":
            return False
        m = _SPLIT_TO.match(self.text, claim.span.end, claim.span.end + 30)
        if m is None:
            return False
        other = float(m.group(1))
        before = near_left[: cue.start()].split()[-4:]
        return other <= claim.value <= 100.5 - other and not any(
            self.lex.change_before.fullmatch(w.lower()) for w in before
        )

    def _passive_by(self, near_left: str, cue: regex.Match[str]) -> bool:
        """Whether a "by" before the figure names an agent, not a change's size:
        "the exam taken by about 23 million", "a match watched by 90,000" (a
        participle that is no change verb before it; "cut by", "rose by" are), or
        a means: "finance it by borrowing Tk 1,37,500 crore", "by selling 2
        million shares" (a gerund right after "by" takes the figure as its
        object; "by a staggering 20%" is a size)."""
        if cue.group().lower() != "by":
            return False
        after = near_left[cue.end() :].split()
        if after and after[0].lower().endswith("ing") and len(after[0]) > 4:
            return True
        words = near_left[: cue.start()].split()
        if not words:
            return False
        prev = words[-1].lower().strip(",;")
        return (
            not self.lex.change_before.fullmatch(prev)
            and not _CHANGED.fullmatch(prev)
            and (prev.endswith(("ed", "en")) or prev in _PARTICIPLES)
        )

    # -- attribute ----------------------------------------------------------------

    def _attribute(self, claim: Claim, start: int, end: int) -> tuple[str | None, str]:
        lex = self.lex
        if claim.kind == "quantity" and claim.unit and dimension(claim.unit) == "time":
            # "for the first time in 17 years", "after eight years of negative
            # rates": a duration measures time, whatever class the clause names
            return "dim:time", claim.unit
        worth = (
            _WORTH_AFTER_NOUN.search(
                self.text, max(0, claim.span.start - 60), claim.span.start
            )
            if claim.kind == "money"
            and _WORTH_WORD.search(
                self.text, max(0, claim.span.start - 24), claim.span.start
            )
            else None
        )
        if worth is not None:
            noun = worth.group("noun").lower()
            cls = lex.attribute(noun) if noun in lex.attribute_of else None
            if cls is not None and lex.fits(cls, claim.kind, claim.unit):
                # "his entire 5.96% stake, worth about $1.23 billion": what the
                # thing named before the comma is worth
                return cls, noun
        owned = (
            _AMOUNT_OF.match(self.text, claim.span.end)
            if claim.kind == "money"
            else None
        )
        if owned is not None:
            head = owned.group("head").lower()
            if head in lex.attribute_of and lex.fits(
                lex.attribute(head), claim.kind, claim.unit
            ):
                return lex.attribute(head), head
            if (
                head.endswith("s")
                and head not in lex.generic
                and head not in lex.function_words
            ):
                # "holders of about $13 billion of its Eurobonds": the things the
                # amount is of, not a cue before it ("debt exchange")
                return f"noun:{stem(head)}", head
        margin = _MARGIN_IS.search(
            self.text, max(start, claim.span.start - 60), claim.span.start
        )
        if margin is not None and claim.kind in ("count", "percent"):
            # "Sandu's lead is about 180,000 votes", "a margin of 4.2 points": the
            # distance the subject names, whatever noun counts it
            return "margin", margin.group("w")
        if claim.kind == "count":
            for m in lex.state_cues.finditer(self.text, start, end):
                cls = lex.attribute(m.group())
                if cls in lex.states and not any(
                    s <= m.start() < e for s, e in self.spans
                ):
                    # "2 million homes and businesses were still without power": the
                    # state counted, whatever noun counts it
                    return cls, m.group()
        # "reached 211,843 within 24 hours": no noun, a preposition follows
        counted = (
            claim.noun
            if claim.noun
            and claim.noun.split()[0].lower() not in lex.prepositions
            # "23,33,297 sat the exam", "13,16,268 qualified": a verb, no noun;
            # "the 186 usually seen": past an adverb, a participle
            and not _is_verb(_past_adverbs(claim.noun.split()), lex)
            else None
        )
        if counted is None and claim.kind == "count":
            counted = self._noun_of_the_whole_after(claim)
        if (
            counted is not None
            and len(counted.split()) == 1
            # "300 cars and damaged buildings": a plural is the noun itself
            and not counted.lower().endswith("s")
            # "133 dead and hundreds missing": a word that names what is counted
            # already is no adjective of the noun after it
            and counted.lower() not in lex.attribute_of
        ):
            at = self.text.find(counted, claim.span.end, claim.span.end + 30)
            joined = (
                _COORDINATED.match(self.text, at + len(counted)) if at >= 0 else None
            )
            if joined is not None and joined.group(1).lower() in lex.attribute_of:
                # "486 sudden and unexpected deaths": two adjectives joined before
                # the noun; the noun after them is what is counted
                counted = f"{counted} {joined.group().strip()}"
        if counted and self.text[claim.span.end : claim.span.end + 1] == "-":
            # "Saturday's 7.2-magnitude earthquake": a figure hyphened to its
            # measure modifies the noun after it; it measures that, whatever a cue
            # before it ("the death toll from") counts
            first = counted.split()[0].lower()
            if first in lex.attribute_of:
                return lex.attribute(first), first
            return f"noun:{stem(first)}", first
        cue = None
        for m in lex.attributes.finditer(
            self.text, max(start, claim.span.start - 40), claim.span.start
        ):
            if self._in_idiom(m):
                continue
            if lex.fits(lex.attribute(m.group()), claim.kind, claim.unit):
                # "The recall covers 193,000 vehicles": no area; the cue kept
                # fits the claim, so the readings below need not ask again
                cue = m
        last = counted.split()[-1] if counted else ""
        tally = (
            lex.attribute(last.lower()) if last.lower() in lex.attribute_of else None
        )
        if tally is not None and tally in lex.running:
            # "had confirmed 101 deaths", "recorded 40 injuries": a tally's noun
            # says what is counted, whatever verb reports it
            return tally, last
        if cue is not None and _OF_OBJECT.fullmatch(
            self.text, cue.end(), claim.span.start
        ):
            # "a recall of more than 2 million vehicles", "delivered 1.2 million
            # vehicles": the figure is the object of the attribute named right
            # before it, whatever it counts
            return lex.attribute(cue.group()), cue.group()
        if (
            claim.kind == "count"
            and cue is not None
            and counted
            and counted.split()[-1].lower() not in lex.attribute_of
            and self._subject_then_verb(cue, claim)
            # "The dead were 62 adults and 12 children": a breakdown's item counts
            # its own noun, a part of what the subject counts
            and not self._item_of_breakdown(claim, counted)
        ):
            # "The recall also extends to more than 200,000 vehicles": the
            # attribute is the clause's subject, the figure its verb's object
            return lex.attribute(cue.group()), cue.group()
        if claim.kind == "count" and counted:
            at = self.text.find(counted, claim.span.end, claim.span.end + 30)
            passive = (
                _PASSIVE_TALLY.match(self.text, at + len(counted), end)
                if at >= 0
                else None
            )
            verb = passive.group("cue").lower() if passive is not None else ""
            if verb in lex.attribute_of:
                tallied = lex.attribute(verb)
                # a tally of people or things ("killed", "missing"), not a measure
                # ("fires were burning": the area burned, not the fires)
                if tallied in lex.running and tallied in lex.counted:
                    # "Fourteen passengers were killed": the tally the verb names,
                    # whoever it counts
                    return tallied, verb
        if (
            claim.kind == "count"
            and counted
            and counted.split()[-1].lower() not in lex.generic
        ):
            # "21 other thermal problems tied to the recall": what is counted decides
            words = counted.lower().split()
            for w in reversed(words):
                if w in lex.attribute_of:
                    return lex.attribute(w), w
            # English noun phrases are head-final: "thermal problems" counts problems
            ahead = list(
                itertools.takewhile(lambda w: w not in lex.prepositions, words)
            )
            head = ahead[-1] if ahead else words[-1]
            return f"noun:{stem(head)}", head
        best: tuple[int, int, str, str] | None = None
        for m in lex.attributes.finditer(self.text, start, end):
            if any(s <= m.start() < e for s, e in self.spans) or self._in_idiom(m):
                continue
            distance = (
                claim.span.start - m.end()
                if m.end() <= claim.span.start
                else m.start() - claim.span.end
            )
            if distance < 0:
                continue
            cls = lex.attribute(m.group())
            if (
                cls in lex.dimension_of
                or cls in lex.counted
                or claim.kind == "count"
                or (cls in lex.money and claim.kind == "quantity")
            ) and not lex.fits(cls, claim.kind, claim.unit):
                # "the recall covers 193,000 vehicles": no area; "sales in the
                # first 24 hours reached 211,843": a count is never money; "debris
                # about 1,600 feet from the bow ... a catastrophic loss": nor is a
                # length
                continue
            if m.start() >= claim.span.end and _ANOTHER_PHRASE.search(
                self.text, claim.span.end, m.start()
            ):
                continue  # "a tax of R$58 million on an inheritance of...": its object
            after = bisect.bisect_right(self.spans, (m.end(), m.end()))
            if (
                m.start() >= claim.span.end
                and after < len(self.spans)
                and _OF_OBJECT.fullmatch(self.text, m.end(), self.spans[after][0])
            ):
                # "operating profit reached 8.80 trillion won on revenue of 19.77
                # trillion won": the cue names the figure right after it
                continue
            # "the death toll had risen to 2,179, with thousands more injured": a
            # cue past a comma after the figure is another phrase's, read only if
            # no other cue names the figure's
            apart = int(
                m.start() >= claim.span.end
                and "," in self.text[claim.span.end : m.start()]
            )
            if best is None or (apart, distance) < best[:2]:
                best = (apart, distance, lex.attribute(m.group()), m.group())
        if best is not None:
            return best[2], best[3]
        if claim.kind == "count" and not counted:
            toll = self._toll_of_the_subject(claim)
            if toll is not None:
                return toll
        if counted:
            noun = counted.split()[-1].lower()
            if noun in lex.attribute_of:
                return lex.attribute(noun), noun
            if claim.kind == "count" and noun not in lex.generic:
                # "15,000 people": a generic noun tells no attribute apart
                return f"noun:{stem(noun)}", noun
        if claim.kind == "quantity" and claim.unit:
            return f"dim:{dimension(claim.unit)}", claim.unit
        return None, ""

    def _noun_of_the_whole_after(self, claim: Claim) -> str | None:
        """ "in 30 of Nigeria's 36 states", "12 of the 20 stores": a bare count
        counts what the whole right after it counts."""
        i = bisect.bisect_right(self.spans, (claim.span.end,))
        if i >= len(self.claims):
            return None
        whole = self.claims[i]
        if whole.kind != "count" or not whole.noun:
            return None
        if _OF_A_WHOLE.fullmatch(self.text, claim.span.end, whole.span.start) is None:
            return None
        return whole.noun

    def _toll_of_the_subject(self, claim: Claim) -> tuple[str, str] | None:
        """ "The death toll from the 6.2-magnitude earthquake that hit central Italy
        on Wednesday has risen to at least 290": a running tally named by the
        sentence's subject, its bare figure after the verb that moves it (other
        figures of the subject's phrase cut the figure's own stretch short)."""
        s0, _ = self._sentence(claim)
        if not _TALLY_VERB_BEFORE.search(
            self.text, max(s0, claim.span.start - 40), claim.span.start
        ):
            return None
        cue = self.lex.attributes.match(self.text, _subject_start(self.text, s0))
        if cue is None:
            return None
        cls = self.lex.attribute(cue.group())
        return (cls, cue.group()) if cls in self.lex.running else None

    # -- role ---------------------------------------------------------------------

    def _role(
        self, claim: Claim, left: str, right: str, whole_id: str | None
    ) -> tuple[Role, str | None, str]:
        lex = self.lex
        near_left = left[-40:]
        near_right = right[:40]
        if whole_id is not None:
            return "part", whole_id, "Of the ..."
        if _COMBINED_BEFORE.search(near_left):
            # "fined Amazon and Apple a combined 203 million euros": the sum over
            # several holders, no one holder's figure
            return "whole", None, "a combined"
        m = _RATE_BASE.search(near_left)
        if m is not None:
            # "56 per 100,000 pilgrims": the base a rate is counted on, not a count
            return "whole", None, m.group().strip()
        if _MULTIPLE.match(right):
            return "comparison", None, "times"  # "40 times Mistral's valuation"
        m = _SHORT_OF.match(right)
        if m is not None:
            # the distance to a mark, not a move over time ("up 39" and "12 seats
            # short of the 176 needed" are two facts of one party)
            return "comparison", None, m.group().strip()
        m = _AMONG_WERE.search(near_left)
        if m is not None:
            return "part", None, m.group().strip()
        kind = self._split_by_kind(claim)
        if kind is not None:
            # "five underground and nine elevated stations": each count is a part
            # of the stations, not their number
            return "part", None, kind
        s0 = self._sentence(claim)[0]
        group = _OF_THE_GROUP.match(self.text, s0, claim.span.start)
        if (
            group is not None
            and claim.kind == "count"
            and not _PARTS_END.search(self.text, group.end(), claim.span.start)
            # "15 are health workers, six of whom have died": a part of the part
            # before it, not of the group
            and not OF_WHOM.match(self.text, claim.span.end)
        ):
            # "Of the dead, 101 were women and 55 were men": parts of a group the
            # sentence opens on without its figure
            return "part", None, group.group().strip()
        m = lex.part_before.search(near_left)
        gap = near_left[m.end() :].strip(" ,:\t\n(").split() if m else []
        if (
            m is not None
            and len(gap) <= 3
            # "the total cost of that mission was Rs 978 crore": a verb between cue
            # and figure means the cue opened another phrase
            and not any(w.lower() in lex.verbs for w in gap)
        ):
            return "part", None, m.group()
        if claim.kind == "percent":
            m = _PERCENT_OF.match(right)
            if m is not None and not _starts_with_claim(right, m):
                whole = holder_key(m.group("whole").split(), lex)
                if whole and set(whole) <= {stem(w) for w in lex.vote_words}:
                    whole = ("vote",)  # "of the vote", "of ballots cast": one whole
                    if (m.group("owner") or "").lower() == "their":
                        # "voters abroad gave Sandu 83% of their votes": a group's
                        # votes, not the election's
                        whole = (GROUP_VOTE,)
                if whole:
                    return "share", " ".join(whole), m.group().strip()
        m = lex.part_after.match(near_right.lstrip())
        if m is not None:
            return "part", None, m.group()
        m = _FROM_UNIT.match(right.lstrip())
        if m is not None and any(
            w in lex.subunits
            for w in itertools.takewhile(
                lambda w: w not in lex.prepositions, m.group("words").lower().split()
            )
        ):
            # "with $11.8 billion from its cruise business": a segment's share
            return "part", None, m.group().strip()
        m = lex.comparison_before.search(near_left)
        if (
            m is not None
            and claim.qualifier in ("gt", "ge", "lt", "le")
            and _QUALIFIER_THAN.search(near_left)
        ):
            m = None  # "more than 380 billion": the claim's own qualifier
        if m is not None and len(near_left[m.end() :].split()) <= 2:
            return "comparison", None, m.group()
        # the change word nearest the figure ("cut the price of the iPhone 14 by")
        changes = list(lex.change_before.finditer(near_left))
        # "a drop of more than 20 points", "climbed to at least 2,862": the
        # figure's own qualifier is no word between the change and its size (read
        # only when a change word stands near: this runs for every claim)
        bare_left = near_left if not changes else _QUALIFIER_AT_END.sub("", near_left)
        change_left = max(
            (
                m
                for m in changes
                # "can carry up to 1,500 passengers": the figure's own qualifier
                if m.start() < len(bare_left.rstrip())
                # "It has lined up $245m": the particle of a phrasal verb ("end up
                # with 6.6%": inside one)
                and not any(
                    n.start() <= m.start() and m.end() <= n.end()
                    for n in lex.not_a_change.finditer(near_left)
                )
            ),
            key=lambda m: m.start(),
            default=None,
        )
        if (
            change_left is not None
            and len(bare_left[change_left.end() :].split()) <= 2
            and not _TO_BEFORE.search(bare_left)
            # "the deficit grew sharply from ¥1,783.6 billion": the start, a level
            and not FROM_BEFORE.search(bare_left)
            and not self._passive_by(near_left, change_left)
            and not self._an_amount_not_a_move(claim, change_left, bare_left, right)
        ):
            if self._split(claim, near_left, change_left):
                return "level", None, "a split 'by P to Q'"
            return "change", None, change_left.group()
        m = _IN_CHANGES.match(right)
        if m is not None:
            # "R12.5 bln in tax cuts" states what "tax cuts of R12.5 bln" does
            return "change", None, m.group().strip()
        if (
            claim.noun
            # one word ("points", "seats"): "100m mark came down from 9.69" read
            # "mark came" as a noun, and a verb's particle is no move of the count
            and " " not in claim.noun
            and right.lstrip().lower().startswith(claim.noun.lower())
        ):
            m = _NOUN_THEN_MOVE.match(
                right, len(right) - len(right.lstrip()) + len(claim.noun)
            )
            if m is not None:
                return "change", None, m.group("move")
        hyphened = HYPHENED_NOUN.match(near_right) if claim.kind == "count" else None
        if hyphened is not None:
            # "a 777-point drop", "a 20-seat gain": a count hyphened to its noun
            # before a change's noun is the change's size
            m = lex.change_after.match(near_right[hyphened.end() :].lstrip())
            if m is not None and m.group().lower() not in _COMPARATIVES:
                return "change", None, m.group()
        m = lex.change_after.match(near_right.lstrip())
        if m is not None and not (
            (
                m.group().lower() in _COMPARATIVES
                and claim.kind != "percent"
                # "$100 more than last year's $1,099", "25,000 more votes than the
                # figure his team recorded": a difference
                and not _THAN_AFTER.match(near_right.lstrip(), m.end())
                # "had reached £18.9 billion, £4.1 billion more, an overrun": the
                # comparative closes the amount's phrase, a difference from the
                # level before
                and not _COMPARATIVE_CLOSES.match(near_right.lstrip(), m.end())
                # "$36 above Friday's close of $172.61": an amount's premium (a
                # height "2,000 metres above sea level" is a level)
                and not (
                    claim.kind == "money" and m.group().lower() in {"above", "below"}
                )
            )
            or lex.not_a_change.match(near_right.lstrip())
        ):
            return "change", None, m.group()
        named = lex.attributes.match(near_right.lstrip())
        if claim.kind == "percent" and named is not None:
            # "posted 10% revenue growth", "a 4% sales decline": the attribute
            # named between a percentage and the noun of its change
            m = _CHANGE_NOUN.match(near_right.lstrip(), named.end())
            if m is not None:
                return "change", None, m.group().strip()
        # the claim stands between left and right: "#" keeps its place, a plain
        # count there counts the word after it
        mark = "0" if claim.kind == "count" and claim.unit is None else "#"
        before = left[-30:]
        near = f"{before} {mark} {right[:25]}"
        for m in lex.limit.finditer(near):
            if m.start() < len(before):  # in the text before the claim
                at = claim.span.start - len(before) + m.start()
                counted = _COUNTED.search(self.text, max(0, at - 20), at)
            else:
                counted = _COUNTED.search(near, 0, m.start())
            if not counted:
                return "limit", None, m.group()
        # the anchored match first: this runs for most claims
        if _NEEDED_AFTER.match(right) and _THE_BEFORE.search(near_left):
            return "limit", None, "needed"
        m = _SHORT_OF_THE.search(near_left)
        if m is not None:
            # "Shell's profit was well short of the $36.13 billion that Exxon
            # reported": the figure another falls short of (a target's is a limit)
            return "comparison", None, m.group().strip()
        return "level", None, ""

    def _an_amount_not_a_move(
        self, claim: Claim, cue: regex.Match[str], left: str, right: str
    ) -> bool:
        """A change word before a figure that is an amount, not the size of a move:
        a storm's rain ("dropped 154mm of rain"), a preposition ("heading up the
        1,151-foot Mount Fuji"), a structure's height ("its towers rise 204 metres
        above the water")."""
        if _OF_WEATHER.match(right):
            return True
        word = cue.group().lower()
        if word in ("up", "down") and left[cue.end() :].split() == ["the"]:
            return True
        return (
            word in ("rise", "rises", "rising")
            and claim.kind == "quantity"
            and dimension(claim.unit or "") == "length"
            and _HEIGHT_AFTER.match(right) is not None
        )

    def _stage(self, claim: Claim, s0: int, start: int, end: int) -> Stage | None:
        lex = self.lex
        if FROM_BEFORE.search(
            self.text, max(start, claim.span.start - 16), claim.span.start
        ):
            return "earlier"
        if _HELD_BEFORE.search(
            self.text, max(start, claim.span.start - 60), claim.span.start
        ):
            return "earlier"  # "had held rates steady at 4.10% since June"
        if _PARTIAL_COUNT.search(self.text, s0, self._sentence(claim)[1]):
            # "a provisional tally from 90 per cent of polling stations gave him
            # 53.68 per cent": a count not yet complete, before the result
            return "earlier"
        found: Stage | None = None
        final = False
        label = _LABEL_COLON.search(self.text, s0, claim.span.start)
        if label is not None:
            # "Previous setting: 4.10%": the label's stage is the figure's
            for m in lex.stages.finditer(self.text, label.start(), label.end()):
                stage = lex.stage_of[" ".join(m.group().lower().split())]
                if stage in ("earlier", "forecast", "proposal", "final"):
                    return stage  # type: ignore[return-value]
        opening = _OPENING_EARLIER.match(self.text, s0)
        for m in lex.stages.finditer(self.text, start, end):
            if _NOT_A_STAGE.match(self.text, m.start()):
                continue
            if opening is not None and m.end() <= opening.end():
                continue  # "A day earlier, Hyundai reported": when it was reported
            if m.start() >= claim.span.end and (
                _SET_AGAINST.search(self.text, claim.span.end, m.start())
                or _FROM_BASE.search(self.text, claim.span.end, m.start())
                or _ON_BASE.search(self.text, claim.span.end, m.start())
            ):
                # "23.47 trillion won, compared with a loss a year earlier", "grew
                # by 18 trillion yen from the previous year": the stage is the
                # figure set against (or the change's start), not this one's
                continue
            stage = lex.stage_of[" ".join(m.group().lower().split())]
            if (
                stage == "forecast"
                and m.end() <= claim.span.start
                and _FACT_CLAUSE.search(self.text, m.end(), claim.span.start)
            ):
                continue
            if stage == "proposal" and _TAKEN_BEFORE.search(
                self.text, max(start, m.start() - 40), m.start()
            ):
                continue
            if stage == "proposal" and self._people_who(claim, m.start()):
                continue  # "100,000 people sought treatment": they sought it
            if m.start() >= claim.span.end and self._stage_of_another_clause(
                stage, claim.span.end, m
            ):
                continue
            if stage == "final":
                # "the final result ... at 137 seats": a later count, unless the
                # clause also marks another stage
                final = True
            elif stage in ("earlier", "forecast", "proposal"):
                found = stage  # type: ignore[assignment]
                if stage == "earlier":
                    break
        if found is None:
            strong = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, s0, start)]
            begin = strong[-1] if strong else s0  # the clause the verb governs
            found = self._forecast_verb(claim, begin, start)
            if found is None and self._earlier_verb(claim, begin, start):
                found = "earlier"
        if found is None and final:
            found = "final"
        return found

    @staticmethod
    def _measures_its_start(claim: Claim, frame: Frame, sf: Frame) -> bool:
        """Whether the end of "from A to B" takes what its start A measures: it
        names no class of its own, or only one a later clause's cue gave it ("the
        number of missing had dropped from 232 to 156 as people were identified
        among the dead")."""
        return not named_class(frame.attribute) or (
            named_class(sf.attribute)
            and sf.attribute != frame.attribute
            and not claim.noun
        )

    def _people_who(self, claim: Claim, verb: int) -> bool:
        """Whether a count is of people who are the subject of the verb at ``verb``
        ("more than 100,000 people sought medical treatment", "300 workers
        demanded"): what they seek or demand is not the count."""
        words = self.text[claim.span.end : verb].split()
        return (
            claim.kind == "count"
            and 1 <= len(words) <= 2
            and (words[-1].lower() in self.lex.people or words[-1].lower() in _PEOPLE)
        )

    def _stage_of_another_clause(
        self, stage: str, after: int, m: regex.Match[str]
    ) -> bool:
        """Whether a forecast or proposal word after a figure (from ``after`` on)
        belongs to what is said of the figure, not to the figure: "confirmed 492
        deaths, and warned that the figure is expected to rise" (where it goes),
        "8.5 billion euros, beating forecasts" (what it is set against), "72.2C ...,
        which could be the highest" (a comment on it)."""
        if stage not in ("forecast", "proposal"):
            return False
        if _COMMENT_AFTER.search(self.text, after, m.start()):
            return True
        return stage == "forecast" and bool(
            _ONLY_A_DIRECTION.match(self.text, m.end())
            or _AGAINST_A_FORECAST.search(self.text, after, m.start())
        )

    def _forecast_verb(self, claim: Claim, begin: int, start: int) -> Stage | None:
        """ "Toyota projects operating profit of 4.30 trillion yen, down 19.7%, and
        net profit of 3.57 trillion yen": a forecasting verb governs every object of
        its clause, up to the next verb or a ";" or ":"."""
        lex = self.lex
        cue = None
        for m in lex.stages.finditer(self.text, begin, start):
            if lex.stage_of[" ".join(m.group().lower().split())] == "forecast":
                cue = m
        if cue is None:
            return None
        for w in TOKEN.finditer(self.text, cue.end(), claim.span.start):
            if any(s <= w.start() < e for s, e in self.spans):
                continue
            low = w.group().lower()
            if low in lex.verbs or low in lex.reporting or low.endswith("ed"):
                return None  # another verb's object
        return "forecast"

    def _earlier_verb(self, claim: Claim, begin: int, start: int) -> bool:
        """ "The scheme was originally planned to cover all 56 million Thais at a
        cost of 560 billion baht": an adverb of an earlier stage on the clause's verb
        ("originally", "initially", "previously") governs each of its objects, also
        those past another figure; not past a comma, a conjunction or another
        finite verb."""
        lex = self.lex
        cue = None
        for m in lex.stages.finditer(self.text, begin, start):
            word = m.group().lower()
            if lex.stage_of.get(word) == "earlier" and word.endswith("ly"):
                cue = m
        if cue is None:
            return False
        own_verb = True  # the first verb after the adverb is the one it modifies
        before = ""
        for w in _WORD_OR_COMMA.finditer(self.text, cue.end(), claim.span.start):
            if any(s <= w.start() < e for s, e in self.spans):
                continue
            low = w.group().lower()
            if low == "," or low in _EARLIER_VERB_ENDS:
                return False
            if (low in lex.verbs or low in lex.reporting) and (
                before not in lex.determiners  # "at a cost of": a noun
            ):
                if not own_verb:
                    return False
                own_verb = False
            before = low
        return True

    def _base_holder(self, claim: Claim, end: int) -> str | None:
        """ "against South Africa" for a gap to another holder ("about 60% bigger
        than South Africa's $322.6bn"): a difference between two holders is another
        fact than a change over time ("GDP leaps 98%")."""
        m = _THAN_A_NAME.match(self.text, claim.span.end, end)
        if m is None:
            return None
        words = [_POSSESSIVE_END.sub("", w) for w in m.group("name").split()]
        if words[0].lower() in MONTHS or words[0].lower() in _WEEKDAY_NAMES:
            return None  # "30% more than January's": a time, as a year is
        return "against " + " ".join(words)

    def _base_year(self, claim: Claim, end: int, time: str | None) -> str | None:
        """ "against 2019" for a change measured on a stated year that is not the
        one before the figure's ("69.1% more than in 2019" in a report on 2024): a
        change on another base is another fact. A change on the year before
        ("up 24% on 2022" for 2023, or in a report of 2024) is the usual
        year-on-year one, no basis of its own."""
        base = _BASE_YEAR.match(self.text, claim.span.end, end)
        if base is None:
            return None
        year = int(base.group("y"))
        if time is not None and time[:4].isdigit():
            usual = {int(time[:4]) - 1}
        elif self.document.published is not None:
            # a year's results are reported in the year after it
            usual = {self.document.published.year - 1, self.document.published.year - 2}
        else:
            return None
        return None if year in usual else f"against {year}"

    def _basis(
        self, claim: Claim, start: int, end: int, holder: str | None = None
    ) -> str | None:
        s0, s1 = self._sentence(claim)
        found = None
        opened = list(CAUSE.finditer(self.text, start, claim.span.start))
        if opened and "," not in self.text[opened[-1].end() : claim.span.start]:
            # "will pay monthly aid to families, as the official death toll reached
            # 2,846": a clause of cause or time opens the figure's own basis; the
            # words before it qualify the main clause's noun ("as officials said
            # on Sunday, reached": a comma after it closes an aside)
            start = opened[-1].end()
        for m in self.lex.bases.finditer(self.text, s0, end):
            if _ELAPSED.match(self.text, m.end()):
                continue  # "a day after the disaster began": time elapsed, not a basis
            word = " ".join(m.group().lower().split())
            if (
                word == "average"
                and holder is not None
                and holder.lower().endswith(" average")
            ):
                continue  # "the Dow Jones industrial average", "the Nikkei average":
                # the holder's name, an index, says no basis of its figures
            if claim.kind == "percent" and word in _ANNUAL_RATE:
                continue  # "inflation of 4.5% a year": the rate's period
            if claim.kind == "percent" and (
                (
                    m.end() <= claim.span.start
                    and self._unit_of_another(m.start(), claim)
                )
                or (
                    m.start() >= claim.span.end
                    and _BASE_COMPARED.match(self.text, claim.span.end, m.start())
                )
            ):
                # "the deal at $95 per share represents a 45% premium": the price's
                # unit; "$95 a share, about 25% above the closing price": the price
                # it is compared with; neither is the percentage's basis
                continue
            basis = self.lex.basis_of[word]
            if basis == "suspected" and not _TALLIED_NOUN.match(self.text, m.end()):
                continue  # "Police suspected arson": no tally's noun after it
            if basis == "new" and not (
                self.text[claim.span.end : m.start()].isspace()
                and _NEW_TALLIED.match(self.text, m.end())
            ):
                continue  # "a new record of 9.58", "New York": no new count
            if basis in ("constant_currency", "organic") and claim.kind != "percent":
                continue  # "44% at constant exchange rates to 102.6 billion
                # kroner": growth is measured so, the level reached is reported
            if basis == "net":
                # "Once the £400 discount is taken off, the typical household will
                # pay £2,100 a year": a deduction anywhere before the figure in its
                # sentence makes it net, whatever else it is
                return basis
            if found is None and m.start() >= start:
                found = basis
        if found is None and claim.kind == "percent":
            found = self._noted_basis(s1)
        return found

    def _places_meeting(self, claim: Claim) -> str | None:
        """For a count of places right after the figure they met ("reached the 25%
        mark in 30 states", "at least 25% of the votes in 30 of the 36 states"), the
        places where that figure held: a count of places won or visited is another
        measure."""
        if claim.kind != "count":
            return None
        noun = claim.noun or self._noun_of_the_whole_after(claim)
        if not noun or stem(noun.split()[0].lower()) not in _PLACE_COUNTS:
            return None
        i = bisect.bisect_left(self.spans, (claim.span.start,)) - 1
        if i < 0:
            return None
        s, e = self.spans[i]
        if _MET_IN.fullmatch(self.text, e, claim.span.start) is None:
            return None
        return "places at " + " ".join(self.text[s:e].split())

    def _unit_of_another(self, at: int, claim: Claim) -> bool:
        """Whether a basis word at ``at`` stands right after another claim's
        figure, as its unit ("$95 per share")."""
        i = bisect.bisect_right(self.spans, (at, at)) - 1
        if i < 0:
            return False
        s, e = self.spans[i]
        return (s, e) != (claim.span.start, claim.span.end) and not self.text[
            e:at
        ].strip()

    def _noted_basis(self, s1: int) -> str | None:
        """The basis a figureless sentence right after states for the rates before
        it: "Sales rose 36 percent ... Both growth rates are at constant exchange
        rates." """
        m = _NEXT_SENTENCE.match(self.text, s1)
        if m is None or any(c.isdigit() for c in m.group()):
            return None
        for b in self.lex.bases.finditer(m.group()):
            basis = self.lex.basis_of[" ".join(b.group().lower().split())]
            if basis in _NOTED_BASES and _RATES_NOTED.search(m.group()):
                return basis
        return None

    # -- time ---------------------------------------------------------------------


#: a place named by capitalized words, as a list item's: "Thailand", "the Czech
#: Republic"
_PLACE_NAME = (
    r"(?:the[ \t\u00a0]+)?(?P<place>\p{Lu}[\w'’-]*(?:[ \t\u00a0]+\p{Lu}[\w'’-]*){0,2})"
)
#: between two items of a list of counts by place: " stores in Thailand and ", "
#: people in Luzon, and "
_PLACE_THEN_AND = regex.compile(
    r"(?:[ \t\u00a0]+[a-z-]+){0,2}[ \t\u00a0]+in[ \t\u00a0]+"
    + _PLACE_NAME
    + r"[ \t\u00a0]*,?[ \t\u00a0]+and[ \t\u00a0]+"
)
#: right after a gapped item: " in Malaysia"
_IN_PLACE = regex.compile(r"[ \t\u00a0]+in[ \t\u00a0]+" + _PLACE_NAME + r"\b")


#: the plain words for people counted, beside the lexicon's kinds of people: the
#: extractor's plurals that end a counted noun, and "persons"
_PEOPLE = PLURALS | {"persons"}


#: after a percentage, the price it is measured against: " above Activision's ", "
#: premium to the "; a basis named after it is that price's
_BASE_COMPARED = regex.compile(
    r"[ \t\u00a0]+(?:(?i:premium|discount)[ \t\u00a0]+(?i:to|over|on)|(?i:above|over"
    r"|below|under|than))\b(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]+$"
)


_COUNTED_NOUN_GAP = regex.compile(COUNTED_NOUN)
#: between a bare count and the whole it is part of: " of the ", " of Nigeria's "
_OF_A_WHOLE = regex.compile(
    r"[ \t\u00a0]+of[ \t\u00a0]+(?:(?:the|its|their|his|her)"
    r"|\p{Lu}[\w-]*(?:'s|’s))[ \t\u00a0]+"
)
#: a gapped list item's words before its figure: "Atiku in ", "Obi with "
_NAME_IN = regex.compile(
    r"\p{Lu}[\w'’-]*(?:[ \t\u00a0]+\p{Lu}[\w'’-]*){0,2}[ \t\u00a0]+(?:in|with|at|on)"
    r"[ \t\u00a0]+"
)
#: a margin named right before its figure, as a copula's subject or by "of": "lead
#: is therefore about ", "margin of ", "gap stood at "
_MARGIN_IS = regex.compile(
    r"\b(?P<w>(?i:margin|gap|lead))[ \t\u00a0]+(?:(?i:is|was|stood[ \t\u00a0]+at"
    r"|stands[ \t\u00a0]+at|of|came[ \t\u00a0]+to|narrowed[ \t\u00a0]+to"
    r"|widened[ \t\u00a0]+to)[ \t\u00a0]+)(?:(?i:therefore|now|just|only)[ \t\u00a0]+)?"
    r"(?:(?i:about|around|nearly|almost|some|roughly|more[ \t\u00a0]+than)[ \t\u00a0]+)?$"
)
#: the nouns of places a count may count: "in 30 states", "in 12 countries"
_PLACE_COUNTS = frozenset(
    stem(w) for w in (*lexicon().place_nouns, "country", "constituency", "area")
)
#: between a figure and the count of places where it held, in one clause: " mark
#: in ", " of the votes in ", " in at least "
_MET_IN = regex.compile(
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]+in[ \t\u00a0]+"
    r"(?:(?:at[ \t\u00a0]+least|more[ \t\u00a0]+than|over)[ \t\u00a0]+)?"
)


#: a state that held until the news changed it, in the past perfect: "The bank had
#: held rates steady at 4.10% since June", "the price had stood at"
_HELD_BEFORE = regex.compile(
    r"\b(?i:had)\s+(?:\w+\s+)?(?i:held|kept|left|stood|remained|stayed|hovered)"
    r"\b[^,;:]*$"
)
#: the year a change is measured on, right after it: "69.1% more than in 2019", "up
#: 12% from 2022", "a rise of 5% on 2023", "40% higher compared with 2019"
_BASE_YEAR = regex.compile(
    r"(?:\s+(?i:more|less|higher|lower|up|down|above|below))?\s+(?i:than|from|on|over"
    r"|compared\s+(?:with|to)|against)\s+(?:(?i:in|the\s+level\s+of)\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)"
)
#: after a figure, the weather it measures: "dropped 154mm of rain"
_OF_WEATHER = regex.compile(
    r"\s+of\s+(?:rain|rainfall|snow|snowfall|hail|precipitation|sleet)\b",
    regex.IGNORECASE,
)
#: after a length, a height: "rise 204 metres above the water", "rises 300 feet
#: high", "into the sky"
_HEIGHT_AFTER = regex.compile(
    r"\s+(?:above|high\b|tall\b|into\s+the\s+sky|over\s+the)", regex.IGNORECASE
)
#: after a percentage, what it says of a count in progress: "98% of ballots
#: counted", "of precincts reporting"
_OF_THE_COUNT_TEXT = (
    r"\s+of\s+(?:the\s+|all\s+)?(?:polling\s+stations|polling\s+places|precincts"
    r"|constituencies|(?:ballots|votes|the\s+vote)\s+(?:counted|tallied|reported"
    r"|processed|in)\b)"
)
_OF_THE_COUNT = regex.compile(_OF_THE_COUNT_TEXT, regex.IGNORECASE)


def counts_progress(claim: Claim, text: str) -> bool:
    """Whether a percentage says how far a count has got ("with 98% of ballots
    counted"), not any holder's share of it."""
    return (
        claim.kind == "percent"
        and _OF_THE_COUNT.match(text, claim.span.end) is not None
    )


#: a count of votes not yet complete: "from 90 per cent of polling stations", "with
#: 98% of the ballots counted", "partial results" (not "with 100% ... counted")
_PARTIAL_COUNT = regex.compile(
    r"(?i:\b(?:from|with|after)\s+(?:about\s+|some\s+|nearly\s+|over\s+)?"
    # all of them counted ("with 100% of polling stations counted") is the result
    r"(?!100(?:\.0+)?\s*(?:per|%))\d+(?:\.\d+)?"
    rf"\s*(?:per\s*cent|percent|%){_OF_THE_COUNT_TEXT}"
    # "with almost all ballots counted": most of the count, not all of it
    r"|\b(?:with|after)\s+(?:almost|nearly|virtually|most\s+of)\s+(?:all\s+)?(?:the\s+)?"
    r"(?:ballots|votes|polling\s+stations|precincts)\s+(?:counted|tallied|reported"
    r"|processed|in)\b"
    r"|\bpartial\s+(?:results|count|tally|returns))"
)
#: the sentence after a claim's (up to 200 characters, one line)
_NEXT_SENTENCE = regex.compile(r"[ \t]*[^.!?\n]{1,200}[.!?]")
#: an epidemic's tallied noun right after "suspected": " deaths", " death toll",
#: " flu cases"
_TALLIES = r"(?i:deaths?|death\s+toll|toll|cases?|infections?|fatalities|patients)\b"
_TALLIED_NOUN = regex.compile(rf"\s+(?:[a-z-]+\s+)?{_TALLIES}")
#: a tally's noun after "new" right after a count, maybe past a name: " MERS cases",
#: or people and how they were counted: " people died", " people have been killed"
#: (not a difference: "25 more cases than")
_NEW_TALLIED = regex.compile(
    rf"\s+(?:(?:[\w-]+\s+)?{_TALLIES}"
    r"|(?i:people|persons|bodies)\s+(?:(?:have|had)\s+)?(?:been\s+)?"
    r"(?i:died|killed|were\s+killed|injured|were\s+injured|found|were\s+found)\b)"
    r"(?![^.;:]{0,40}\bthan\b)"
)
#: bases a note after the figures may state for them, and the words that say the
#: note is about the rates before it ("Both growth rates are at constant exchange
#: rates", "All changes are in real terms")
_NOTED_BASES = frozenset({"constant_currency", "real", "seasonally_adjusted"})
_RATES_NOTED = regex.compile(
    r"(?i:\b(?:both|all|these|the)\s+(?:\w+\s+)?(?:rates|figures|changes|increases"
    r"|growth|numbers)\b)"
)
#: after "a day", "a month": the span of time between two events ("a day after",
#: "a week earlier"), not a rate's basis
_ELAPSED = regex.compile(
    r"\s+(?:after|before|later|earlier|ago|into)\b", regex.IGNORECASE
)


def named_class(attribute: str | None) -> bool:
    """Whether an attribute is a class a cue named ("revenue"), not a fallback read
    from the counted noun or the unit ("noun:vehicle", "dim:length")."""
    return attribute is not None and not attribute.startswith(("noun:", "dim:"))


def _starts_with_claim(right: str, m: regex.Match[str]) -> bool:
    return any(c.isdigit() for c in m.group("whole")[:2])


def dimension(unit: str) -> str:
    """A coarse dimension name of a pint unit, without importing pint."""
    u = unit.lower()
    for name, marks in (
        ("area", ("acre", "hectare", "square", "sq_")),
        ("volume", ("liter", "litre", "barrel", "gallon", "cubic")),
        ("energy", ("watt_hour", "joule", "calorie")),
        ("power", ("watt",)),
        ("speed", ("per_hour", "_per_second", "knot", "mph")),
        ("length", ("meter", "metre", "mile", "foot", "feet", "inch", "yard")),
        ("mass", ("gram", "ton", "pound", "ounce")),
        ("time", ("second", "minute", "hour", "day", "week", "month", "year")),
        ("temperature", ("degree", "kelvin", "celsius", "fahrenheit")),
    ):
        if any(mark in u for mark in marks):
            return name
    return u


def states_floor(claim: Claim, text: str) -> bool:
    """Whether a tally's count is stated as a floor in its clause ("had confirmed
    101 deaths", "120 deaths so far"): a later report cannot go below it."""
    s0, s1 = (
        (claim.sentence.start, claim.sentence.end)
        if claim.sentence
        else (claim.span.start, claim.span.end)
    )
    lex = lexicon()
    near = text[max(s0, claim.span.start - 60) : min(s1, claim.span.end + 60)]
    return lex.floor.search(near) is not None


#: right before a tally's count, a verb that says the tally rose to it: "the toll
#: rose to ", "climbed to more than ", "has reached "
_ROSE_TO = regex.compile(
    r"(?i:\b(?:(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps"
    r"|increased|increases|mounted|mounts|swelled|soared|surged|grew|grown)"
    r"[ \t\u00a0]+to|reached|reaches)[ \t\u00a0]+(?:at[ \t\u00a0]+least|more[ \t\u00a0]+than"
    r"|over|about|around|some|nearly|almost)?[ \t\u00a0]*)$"
)


def said_to_rise_to(claim: Claim, text: str) -> bool:
    """Whether a tally's count is the one its clause says the tally rose to ("the
    toll climbed to 58 on Wednesday"): the count before it was lower, so it cannot
    fall below an earlier report's."""
    s0 = claim.sentence.start if claim.sentence else claim.span.start
    return (
        _ROSE_TO.search(text, max(s0, claim.span.start - 40), claim.span.start)
        is not None
    )


def _cited_title(text: str, claim: Claim, s0: int, s1: int) -> tuple[int, int] | None:
    """Where a headline cited inside a sentence runs, if the claim stands in one:
    a run of title-case words around the figure ("refer to Alibaba Leads Record
    Deal to Mint $2.5 Billion China AI Firm"), after prose in lower case. A
    sentence that is all title case (a headline itself) cites nothing."""
    if not _TITLE_BEFORE.search(text, max(s0, claim.span.start - 80), claim.span.start):
        return None  # most figures: no capitalized run right before them
    words = list(regex.finditer(r"\S+", text[s0:s1]))
    at = next((i for i, w in enumerate(words) if s0 + w.end() > claim.span.start), None)
    if at is None:
        return None

    def title(w: regex.Match[str]) -> bool:
        return _TITLE_WORD.fullmatch(w.group().strip(",.;:!?\"'“”‘’()")) is not None

    lo = at
    while lo > 0 and title(words[lo - 1]):
        lo -= 1
    hi = at
    while hi + 1 < len(words) and title(words[hi + 1]):
        hi += 1
    if lo == 0 or not any(c.islower() for c in words[lo - 1].group()):
        return None
    capital = [w.group()[:1].isupper() for w in words]
    if (
        sum(capital[lo:at]) < _TITLE_WORDS_BEFORE
        or sum(capital[at + 1 : hi + 1]) < _TITLE_WORDS_AFTER
    ):
        return None
    return s0 + words[lo].start(), s0 + words[hi].end()


def read_frames(extraction: Extraction) -> Extraction:
    """The extraction with every claim's :class:`Frame` set."""
    frames = FrameReader(extraction.document, extraction.claims).read()
    return attrs.evolve(
        extraction,
        claims=tuple(attrs.evolve(c, frame=frames[c.id]) for c in extraction.claims),
    )


def frames_of(extraction: Extraction) -> Mapping[str, Frame]:
    """Frames by claim id (those the claims carry, or read now)."""
    if all(c.frame is not None for c in extraction.claims):
        return {c.id: c.frame for c in extraction.claims if c.frame is not None}
    return FrameReader(extraction.document, extraction.claims).read()
