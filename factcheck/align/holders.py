"""Whose number a claim is: the holder of a claim frame, read from its clause.

- **the clause subject** holds the figure ("the standard SU7 costs 215,900 yuan"),
  unless it only reports it ("Cal Fire said it had grown to 401,000 acres": the
  speaker is no holder) or only acts ("regulators fined": an agent);
- **a list of holders**: a name before a parenthesis ("Creek Fire (379,895 acres)"),
  before ", at" ("the US, at 13% of its GDP"), gapped after "and" or a comma
  ("Hyundai is recalling 1.64 million vehicles and Kia 1.73 million");
- **a target**: after "for"/"on"/"into" ("a fine on Amazon", "18-21 weeks for the
  base SU7"), or an object right before the figure ("fines Amazon 756 million");
- **a possessive** ("Pakistan's annual GDP of $284 billion"); an attribute-headed
  subject names its holder in a preposition ("revenue at Alibaba's cloud unit").
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

import attrs
import regex

from factcheck.align.context import (
    MONTHS,
    stem,
)
from factcheck.align.lexicon import Lexicon, lexicon
from factcheck.align.phrases import (
    _POSSESSIVE,
    _WEEKDAY_NAMES,
    COUNTED_NOUN,
    HYPHENED_MEASURE,
    HYPHENED_NOUN,
    LISTED_NAME,
    RANK,
    SUBORDINATE_CLAUSE,
    _Holder,
    _holder_from,
    _is_name_token,
    _looks_like_verb,
    _named_part,
    _noun_phrase_before,
    _Token,
    _tokens,
    _Words,
    holder_key,
    s1_of,
)
from factcheck.extractor.counts import TALLY_OPENS
from factcheck.model import Claim, Document

#: words before an attribute that say which figure, not whose: "Ohio's annual
#: budget" is Ohio's budget
_NOT_NARROWING = frozenset(
    ["annual", "yearly", "quarterly", "monthly", "total", "overall", "entire", "whole",
     "combined", "new", "latest", "current", "full", "final", "record", "first",
     "second", "third", "last", "next", "own", "average", "official", "reported"]
)  # fmt: skip
#: a possessive of these is a time ("last year's profit", "today's vote")
_TIME_WORDS = frozenset(["year", "today", "yesterday", "tomorrow", "week", "month"])


#: a clause boundary a subject does not reach across, and one it may
_STRONG = regex.compile(r"[;:]\s*|\s+[—–]\s+")


_WEAK = regex.compile(r",?\s+(?:and|while|whereas|but|plus)\s+|,\s+")
#: an absolute clause whose participle has a subject of its own: "..., with Volcan
#: holding the remaining 40%"
_ABSOLUTE_WITH = regex.compile(
    r"(?i:with)\s+(?=(?:[A-Z][\w'’&.-]*\s+){1,4}[a-z]+ing\b)"
)
#: a participle clause that states the result of the clause before it: "Imports
#: fell 2.6% to $59 billion, leaving a trade deficit of": the deficit is not the
#: imports'; a name right after the participle is its holder ("giving China a
#: surplus of")
_RESULT_PARTICIPLE = regex.compile(
    r",\s+(?:leaving|giving|producing|creating|resulting\s+in|generating)\s+"
    # a new quantity ("a trade deficit of"), or a name that holds it ("China a
    # surplus of"); "leaving the fund with" points back at a holder named before
    r"(?P<rest>(?:an?\s|[A-Z])[^,;:]*)$"
)


_NUMBER_END = regex.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|crore|lakh|hundred))\s*$",
    regex.IGNORECASE,
)


_PAREN_BEFORE = regex.compile(r"\(\s*$")


#: a date before a listed name ("the September 2020 Creek Fire (379,895 acres)")
_YEAR_END = regex.compile(r"\b(?:19|20)\d\d\s*$")


#: a valuation verb and its object, before "at": "values the Dublin-based drugmaker"
_VALUES_OBJECT = regex.compile(
    r"\b(?:values|valued|valuing|value)\s+(?:[\w'’-]+\s+){1,6}?[\w'’-]+$",
    regex.IGNORECASE,
)
#: a rank between a name and "with" its figure: ", eighth", " is ninth", " came in
#: 21st place"
_RANKED = regex.compile(
    rf"(?:,|[ \t\u00a0]+(?i:is|was|came|comes|finished|placed|ranks|ranked))?"
    rf"(?:[ \t\u00a0]+in)?[ \t\u00a0]+{RANK.pattern}(?:[ \t\u00a0]+place)?,?$"
)
#: an apposition opened before an owner: "Vox, the PP's", "Vox, its"
_APPOSED_OWNER = regex.compile(r",[ \t\u00a0]+(?:(?i:the|a|an)[ \t\u00a0]+)?$")
_AT_BEFORE = regex.compile(
    r"(?:,\s*|\s+)(?:at|with)\s+(?:(?:about|around|roughly|nearly|almost|over|more\s+than|"
    r"less\s+than|under|just|some)\s+)?$",
    regex.IGNORECASE,
)


#: words that open an adverbial before the subject, besides prepositions: "According
#: to Cal Fire,", "Once finished, the plant", "Overnight, the toll"; the subject
#: follows the comma
_OPENERS = frozenset(
    ["according", "late", "early", "once", "when", "whenever", "while", "if",
     "although", "though", "because", "overnight", "meanwhile", "besides",
     "separately", "elsewhere", "already", "overall", "altogether", "however",
     "still", "instead", "initially", "originally", "previously", "earlier",
     "later", "yesterday"]
)  # fmt: skip
#: determiners that open a subject after a fronted place ("In France the ...")
_SUBJECT_DETERMINERS = frozenset(["the", "a", "an", "its", "their"])

#: a count's noun and its bracket: " votes (48.39%)" (an amount's bracket, "300
#: trillion won ($229 billion) into a new cluster", closes its phrase)
_COUNTED_NOUN_THEN_BRACKET = regex.compile(COUNTED_NOUN + r"\([^()]{1,30}\)")
_FOR_AFTER = regex.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:(?:for|on|against|into|about)\s+"
    r"(?=(?:the|its|a)\s|[\"“]?[A-Z])"
    r"|in\s+(?=[A-Z]))"
)
#: a figure's restatement set off by commas before the name both are for: ", or
#: 4,860,093," in "38.14%, or 4,860,093, for Apruebo"
_RESTATED_AFTER = regex.compile(r",\s+or\s+(?:[^,;:()]|,(?=\d)){1,24},(?=\s+for\s)")
#: right before a figure that restates the one before it: ", or "
_OR_BEFORE = regex.compile(r",\s+or\s+(?:about\s+|some\s+)?$")

#: a name a comparison is made with, then its own figure after a participle:
#: "ahead of Apple, valued at about", "overtaking Nvidia, worth"
_COMPARED_THEN_VALUED = regex.compile(
    r"\b(?i:ahead\s+of|behind|than|overtaking|overtook|overtakes|surpassing|surpassed"
    r"|eclipsing|eclipsed|beating)\s+(?:the\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’.&-]*),\s+"
    r"(?i:(?:which\s+(?:is|was)\s+)?(?:valued|worth|priced|capitalised|capitalized)"
    r"(?:\s+at)?)\s+(?i:(?:about|around|some|nearly|almost|roughly|just\s+over)\s+)?$"
)

#: a clause of its own opening between an owner and the figure: " after the World
#: Bank cancelled its ", " when Kestrel bought "
_CLAUSE_OPENS_BETWEEN = regex.compile(
    r"\b(?:after|before|when|while|because|although|though|until|whereas)[ \t\u00a0]+"
    r"(?:(?:the|a|an)[ \t\u00a0]+)?\p{Lu}"
)
#: an appositive between commas: " the international benchmark," (after a name)
_APPOSITIVE_AFTER_NAME = regex.compile(
    r"[ \t\u00a0]*(?:the|a|an)[ \t\u00a0][^,;:.]{1,60},"
)
#: a clause that opens with a capitalized name and a comma: "Brent, "
_NAME_BEFORE_COMMA = regex.compile(rf"\s*{LISTED_NAME},\s*")
#: right after a share, the name it is given to, ending a list item: "65% to Chey
#: and 35% to Roh" (not "rose 5% to Tokyo's highest level")
_SHARE_TO = regex.compile(rf"\s+to\s+(?={LISTED_NAME}(?:\s*[,.;)]|\s+and\b|$))")


#: before the other party of a contest or comparison: "a win over José Antonio Kast
#: with almost 56%" is the winner's share, not Kast's
_BEATEN = regex.compile(
    r"(?i:\b(?:over|against|ahead[ \t]+of|beat|beats|beating|defeat|defeats|defeated"
    r"|defeating|than|versus|vs\.?))[ \t]+$"
)
#: a place's preposition before the name ahead of "with" its figure: "finished
#: third at the Games in the Philippines with 92 golds" tells where the subject won
#: them; a list of holders names each bare ("Vietnam with 98, Thailand with 92")
_PLACE_BEFORE = regex.compile(
    r"(?i:\b(?:in|at|on|across|throughout|inside))[ \t]+(?:(?i:the)[ \t]+)?$"
)
#: names listed before a list's last item: "Civic Coalition, Third Way and the "
_NAMES_LISTED_BEFORE = regex.compile(
    rf"(?:(?P<n>{LISTED_NAME}),[ \t]+)+(?P<last>{LISTED_NAME}),?[ \t]+(?:and|&)"
    r"[ \t]+(?:the[ \t]+)?$"
)
#: a side winning a place with a tally: "won Lagos state with", "carried
#: Pennsylvania by"
_WON_PLACE = regex.compile(
    r"\b(?:won|wins|carried|carries|took|takes|swept)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"
    r"(?:[ \t]+(?:state|province|county|region|district|constituency))?"
    r"[ \t]+(?:with|by)\b"
)
#: a superlative that ranks what it describes: "largest", "second-biggest", "top"
_SUPERLATIVE = regex.compile(r"(?:[a-z]+-)?(?:[a-z]{2,}est|most|top|leading)")
#: after an owner, the contest it holds and "with" before the figure: "'s
#: presidential election with ", "'s runoff with nearly "
_CONTEST_WITH = regex.compile(
    r"\s+(?:[a-z-]+\s+){0,3}(?:election|elections|vote|referendum|race|poll|polls"
    r"|runoff|run-off|primary|primaries|contest|final|match|tournament)\s+with\s+"
    r"(?:[a-z]+\s+){0,2}$"
)
#: a wire story's dateline before its first sentence's subject: "ROME, Aug. 27
#: (Xinhua) -- ", "NEW DELHI (Reuters) - ", "Maputo, 8 Mar (AIM) - "
_DATELINE_DAY = (
    r"(?:,[ \t]+(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?))?"
)
#: (a place in capitals may stand without its agency; any other needs one)
DATELINE = regex.compile(
    rf"[ \t\n]*(?:(?:[A-Z][A-Z.'’ -]{{1,30}}{_DATELINE_DAY}(?:[ \t]*\([^()\n]{{1,30}}\))?"
    rf"|[A-Z][\w.'’ -]{{1,30}}{_DATELINE_DAY}[ \t]*\([^()\n]{{1,30}}\))"
    r"[ \t]*(?:--|—|–|-)[ \t]+"
    # "KUALA LUMPUR (Feb 28): ": a place in capitals, the day in brackets, a colon
    r"|[A-Z][A-Z.'’ -]{1,30}[ \t]*\([^()\n]{1,30}\)[ \t]*:[ \t]+)"
)
#: a participle's phrase set off after a subject, up to the comma that closes it:
#: "still reporting new cases,", "hit hardest by the storm,"
_SET_OFF_PARTICIPLE = regex.compile(
    r"(?:(?:still|already|now|also|once)[ \t\u00a0]+)?[a-z]+(?:ing|ed)\b[^,;:.()]{0,60},"
)
#: "there" after a figure (and its noun): " seats there", " there"
_THERE_AFTER = regex.compile(r"(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+there\b")
_CAPITALIZED = regex.compile(r"\b\p{Lu}[\w'’-]+")
#: how a tally's place after its verb was read (its source: "place")
_TALLY_PLACE = "a tally's place after its verb"
#: how the place a distance is measured from was read (its source: "place")
DISTANCE_FROM = "the place a distance is measured from"
#: after a distance, its bearing from a named place: " (200 miles) southwest of the
#: capital Santiago", " northeast of Concepcion"
_BEARING_OF = regex.compile(
    r"(?:\s*\([^()]{1,40}\))?\s+(?:[a-z]+\s+)?(?i:north|south|east|west)"
    r"(?:-?(?i:east|west))?(?:ern)?\s+of\s+(?:the\s+(?:[a-z]+\s+){0,2})?(?=[A-Z])"
)
#: where a place's name ends: a comma, a stop, a bracket
_NAME_ENDS = regex.compile(r"[,.;:()]")
#: "in" after a tally's count, its noun and verb: "three people have died in South
#: Australia", "20 people were killed in Gaza"
#: an adjective that places a named place next to the story's own ("in neighbouring
#: Syria"): the name after it is the place, the same as without it (not so "northern
#: Italy", a part of Italy)
_PLACE_ADJECTIVE = r"(?:(?:neighbou?ring|nearby|adjacent)\s+)?"
_TALLY_IN = regex.compile(
    r"\s+(?:[a-z-]+\s+){0,4}?in\s+" + _PLACE_ADJECTIVE + r"(?=[A-Z])"
)
#: "in" after a count and its noun: "1,610,105 vehicles in China"
_IN_PLACE = regex.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?in\s+(?:the\s+)?" + _PLACE_ADJECTIVE + r"(?=[A-Z])"
)
#: after a contest's margin, the side it was won against: "seven-run victory over
#: South Africa", "a 68-run win over defending champions England", "a 10-point
#: lead over Labour" (a few lower-case words may stand before the name)
_OVER_OPPONENT = regex.compile(
    r"(?:-[a-z]+)?\s+(?:[a-z-]+\s+){0,2}?(?:win|wins|victory|defeat|triumph|lead)"
    r"\s+(?:over|against)\s+(?:[a-z-]+\s+){0,3}?(?=[A-Z])"
)
#: after a trade balance, the partner it is with: "a deficit of ¥5,827.1 billion in
#: trade with China", "a surplus of ¥6,535.6 billion with the United States"
_WITH_PARTNER = regex.compile(r"\s+(?:[a-z-]+\s+){0,3}?with\s+(?:the\s+)?(?=[A-Z])")
#: a date that ends the words before a relative pronoun, with its preposition: "on
#: August 4,", "in March 2023,", "on 4 August,"
_DATED_TAIL = regex.compile(
    r"\s+(?:on|in|of)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:,?\s+(?:19|20)\d\d)?\s*,?\s*$"
)
#: a trade balance's partner before its figure: "Japan's deficit with China was ",
#: "its surplus with the United States expanded to "
_PARTNER_BEFORE = regex.compile(r"\b(?i:deficit|surplus)\s+with\s+(?:the\s+)?(?=[A-Z])")
#: a partner named by a common noun: "a surplus of $361 billion with its largest
#: single-country customer", "a deficit with its main trading partners" (not "with
#: the rest of the world": that is every partner)
_WITH_PARTNER_NOUN = regex.compile(
    r"\s+(?:[a-z-]+\s+){0,3}?with\s+(?:its|their|the|a)\s+"
    r"(?P<partner>(?:[a-z-]+\s+){0,3}(?:customer|partner|market|buyer|supplier"
    r"|neighbou?r|client|ally)s?)\b"
)
#: a clause opening with its subject's determiner ("the toll climbed")
_DETERMINER_OPENS = regex.compile(r"(?i:the|a|an|its|their|this|that)\s")
#: a list item's opening, its verb gapped: ", and Kia 1.73 million", "; the
#: Conservative, 33.8%"
_GAP_BEFORE = regex.compile(
    r"(?:[,;]|\band|\bwhile|\bwhereas|\bbut"
    # the first item of a tally said to be a list: "The final tally is Labour 65,
    # ...", "The new House will seat Conservatives 124, ..."
    rf"|{TALLY_OPENS})\s+(?:the\s+)?$",
    regex.IGNORECASE,
)


#: the prepositions of an event's place: "the explosion at Beirut's port", "the
#: fire in Kemerovo's shopping centre"
_EVENT_PLACE_PREPOSITIONS = frozenset(["at", "in", "on", "near", "off", "outside"])


#: how a holder was read → the Frame's holder_source
_SOURCE_OF = {
    "a name before '('": "listed",
    "a name before ', at'": "listed",
    "a listed name before the figure": "listed",
    "'for' after the figure": "target",
    "a name right before the figure": "target",
    "a possessive": "owner",
    "a clause subject's owner": "owner",
    "the clause subject": "subject",
    "the clause agent": "agent",
    "the attribute's preposition": "owner",
    "a relative clause's antecedent": "subject",
    "the event at a place": "owner",
    "the name compared with": "target",
    "a name before the counted noun": "owner",
    "the name the counted noun is of": "owner",
    "the noun the figure modifies": "owner",
    _TALLY_PLACE: "place",
    DISTANCE_FROM: "place",
}


#: the words that may stand between a reporting verb and what was said: "said
#: Friday its", "said on Tuesday that its"
_SAID_WHEN = frozenset(
    [
        *("on", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday"),
        *("friday", "saturday", "sunday"),
        # "announced on Saturday evening that": the part of the day
        *("morning", "afternoon", "evening", "night"),
    ]
)


#: the last word of an opening adverbial of time: "A day earlier,", "Last week,",
#: "This morning,"
_TIME_ENDS = frozenset(
    [
        *("earlier", "later", "ago", "week", "weekend", "month", "year", "morning"),
        *("afternoon", "evening", "night", "today", "yesterday"),
    ]
)


def _opening_time(text: str, toks: list[_Token], stop: int) -> bool:
    """Whether the clause opens with a short adverbial of time and a comma ("A day
    earlier, Hyundai Motor reported"), which is no subject."""
    comma = text.find(",", toks[0].start, stop)
    if comma < 0:
        return False
    head = [t for t in toks if t.end <= comma]
    return 1 < len(head) <= 4 and head[-1].low in _TIME_ENDS


def _plural_possessive(text: str, tok: _Token) -> bool:
    """ "the Christian Democrats' 19 seats", "the Liberals’ 16": a capitalized
    plural with its apostrophe after the s (which a token does not take in)."""
    return (
        tok.text[:1].isupper()
        and tok.text.endswith("s")
        and len(tok.text) > 2
        and text[tok.end : tok.end + 2] in ("' ", "’ ")
    )


#: reporting verbs that also take a measured thing as object ("reported revenue of
#: $3.1 billion", "announced a net loss"); "said" and "told" take a clause only
_TAKES_AN_OBJECT = frozenset(
    [
        "reported",
        "reports",
        "report",
        "announced",
        "announces",
        "disclosed",
        "discloses",
    ]
)


#: a non-restrictive relative clause: ", which had a budget of $96.5 million"
_RELATIVE = regex.compile(r",\s+(?:which|who|whose)\b")


def _verb_after_pronoun(tok: _Token, lex: Lexicon) -> bool:
    """Whether the word right after a relative pronoun is the relative clause's verb
    ("Cyclone Gabrielle, which left at least eight dead"): a lower-case word that no
    determiner, pronoun or preposition is (those open another clause's subject:
    "which the ministry said")."""
    return (
        tok.text.isalpha()
        and tok.text.islower()
        and tok.low not in lex.determiners
        and tok.low not in lex.function_words
        and tok.low not in lex.prepositions
    )


#: adverbs that may stand between a subject and its verb: "EP Group already owns"
_ADVERBS = frozenset(["already", "now", "still", "also", "currently", "today"])
#: a participle clause opening after a comma: ", dropping from", ", taking its"
#: a consequence opening the claim's clause after a comma, with a subject of its
#: own: "..., so the population declined by 112,700", "..., meaning the population
#: shrank by 122,800" (the subject before the comma is the cause's)
_CONSEQUENCE = regex.compile(r"(?i:so|meaning|which\s+means|thus)\s+(?=the\s|[A-Z])")
_PARTICIPLE_OPENS = regex.compile(r",[ \t\u00a0]+[a-z]+ing\b")


@functools.cache
def _opening_place() -> regex.Pattern[str]:
    """A sentence's opening place: "In Belgium", "In neighbouring Belgium"; "In the
    Valencia region alone," (the place's noun from the lexicon, and the word that
    stresses the part)."""
    nouns = "|".join(sorted(lexicon().place_nouns))
    return regex.compile(
        r"\s*In\s+(?:(?:neighbou?ring|nearby|the)\s+)?"
        r"(?P<name>\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,2})"
        rf"(?:\s+(?:{nouns}))?(?:\s+alone)?,"
    )


def _not_a_date(words: list[str]) -> list[str]:
    """The words of a place's name, or none if they name a month or a weekday ("in
    March", "in Tuesday's count")."""
    if not words or words[0].lower() in MONTHS or words[0].lower() in _WEEKDAY_NAMES:
        return []
    return words


#: where a later clause of a sentence starts: ", and ", "; ", ", while "
_CLAUSE_BREAK = regex.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+(?:and\s+)?")
#: a clause that opens on a place right before its figure: "across central Europe
#: and southern Russia more than ", "in Syria, "
_CLAUSE_PLACE = regex.compile(
    r"(?i:across|in|throughout|elsewhere\s+in)\s+(?:the\s+)?"
    r"(?P<place>(?:[a-z]+\s+)?\p{Lu}[\w'’-]*(?:\s+(?:and\s+)?(?:[a-z]+\s+)?\p{Lu}[\w'’-]*){0,3})"
    r",?\s+(?:(?i:more\s+than|at\s+least|about|nearly|almost|some|over|around)\s+)?"
)
#: an opening phrase that holds a figure before the main clause ("At 280 metres,")
_OPENING = regex.compile(
    r"\s*(?:At|With|Of|Worth|Valued\s+at|Priced\s+at)\s+(?:\w+\s+){0,2}$"
)


class HolderReader:
    """Reads holders from one document's prose (the base of the frame reader)."""

    def __init__(self, document: Document, claims: Sequence[Claim]) -> None:
        self.document = document
        self.text = document.prose
        self.claims = list(claims)
        self.spans = [(c.span.start, c.span.end) for c in claims]
        self.words = _Words.of(self.text)
        self.lex = lexicon()

    def _holder(
        self,
        claim: Claim,
        s0: int,
        start: int,
        end: int,
        *,
        attribute: str | None = None,
    ) -> _Holder | None:
        text, lex = self.text, self.lex
        hyphened = (
            claim.span.end
            if HYPHENED_MEASURE.fullmatch(claim.text)
            # "the 630-seat Bundestag": a count hyphened to its noun is the size
            # of what follows, not the clause subject's count
            else HYPHENED_NOUN.match(text, claim.span.end, end)
        )
        if hyphened is not None:
            # "The 948-foot Dali", "a 2.6-km bridge": a measure hyphened to its unit
            # before a noun is that noun's
            at = hyphened if isinstance(hyphened, int) else hyphened.end()
            after = _tokens(text, at, min(end, at + 60))
            np = self._noun_phrase_after(after)
            for k, tok in enumerate(np[1:], 1):
                if tok.text.islower() and (
                    np[k - 1].text[:1].isupper() or _looks_like_verb(tok.text)
                ):
                    np = np[:k]  # "the 948-foot Korvan left", "a 2.4-km bridge links"
                    break
            found = (
                None
                # "a 777-point drop": the size of a change, whose holder is the
                # clause's
                if np and lex.change_after.fullmatch(np[0].text.lower())
                else _holder_from(np, "the noun the figure modifies", lex)
            )
            if found is not None:
                return found
        ahead = _COMPARED_THEN_VALUED.search(
            text, max(s0, claim.span.start - 90), claim.span.start
        )
        if ahead is not None:
            # "well ahead of Apple, valued at about $1.2 trillion": the figure after
            # the name a comparison is made with is that name's
            found = _holder_from(
                _tokens(text, ahead.start("name"), ahead.end("name")),
                "the name compared with",
                lex,
            )
            if found is not None:
                return found
        before = text[max(s0, claim.span.start - 80) : claim.span.start]
        # a list of holders: "Creek Fire (379,895 acres)", "the US, at 13%"
        if claim.equivalent_of is None:
            m = _PAREN_BEFORE.search(before)
            if m is not None:
                at = claim.span.start - (len(before) - m.start())
                toks = _tokens(text, max(s0, at - 60), at, self.spans)
                np = _noun_phrase_before(toks, self.words, lex)
                lead = text[
                    max(s0, (np[0].start if np else at) - 12) : np[0].start
                    if np
                    else at
                ]
                found = _holder_from(np, "a name before '('", lex)
                if found is not None and (
                    not _NUMBER_END.search(lead) or _YEAR_END.search(lead)
                ):
                    return found
        m = _AT_BEFORE.search(text, max(s0, claim.span.start - 60), claim.span.start)
        if m is not None:
            toks = _tokens(text, max(s0, m.start() - 60), m.start(), self.spans)
            ranked = _RANKED.search(text, max(s0, m.start() - 40), m.start())
            if ranked is not None:
                # "Roger Federer, eighth with $100.4 million": the ranked name's
                toks = [t for t in toks if t.end <= ranked.start()]
            np = _noun_phrase_before(toks, self.words, lex, names_only=True)
            found = _holder_from(np, "a name before ', at'", lex)
            if found is not None and not (
                _BEATEN.search(text, max(s0, np[0].start - 30), np[0].start)
                or (
                    "with" in m.group().lower()
                    and _PLACE_BEFORE.search(
                        text, max(s0, np[0].start - 30), np[0].start
                    )
                )
            ):
                return found
            if _VALUES_OBJECT.search(text, max(s0, m.start() - 80), m.start()):
                # "the takeover values the Dublin-based drugmaker at £46 billion":
                # the valuation is the object's, never the subject's
                return None
        # "18-21 weeks for the base SU7"; "divided them 65% to Chey and 35% to
        # Roh": a share given to a name is that name's
        past, reach = claim.span.end, end
        bracket = _COUNTED_NOUN_THEN_BRACKET.match(text, past)
        if (
            bracket is not None
            and bracket.end() >= end
            and claim.kind == "count"
            and claim.sentence is not None
        ):
            # "3,367,790 votes (48.39%) for Eduardo Frei": the name past the
            # figure's bracket, where the figure's own stretch stops
            past, reach = bracket.end(), claim.sentence.end
        aside = _RESTATED_AFTER.match(text, past, reach)
        if aside is not None or (
            _OR_BEFORE.search(text, max(s0, claim.span.start - 8), claim.span.start)
            and text.startswith(",", past)
        ):
            # "against 38.14%, or 4,860,093, for Apruebo": a figure and its
            # restatement set off by commas share the name after them
            past = aside.end() if aside is not None else past + 1
        m = _FOR_AFTER.match(text, past, reach) or (
            _SHARE_TO.match(text, claim.span.end, end)
            if claim.kind == "percent"
            else None
        )
        how = "'for' after the figure"
        if m is None and attribute in lex.running:
            # "three people have died in South Australia": a tally's place after
            # the verb its count is the subject of
            m = _TALLY_IN.match(text, claim.span.end, end)
            how = _TALLY_PLACE
        market = m is not None and m.group().rstrip().endswith("in")
        if m is not None and (
            # "costs €1,199 in Germany": a price's place is its market, not whose
            # price it is
            (claim.kind == "money" and not (market and attribute == "price"))
            or not market
            # a toll is counted per place: "killed 11,300 people in Derna"
            or attribute in lex.running
        ):
            toks = _tokens(text, m.end(), min(max(end, reach), m.end() + 60))
            toks = toks[
                : next(
                    (
                        i
                        for i, t in enumerate(toks)
                        if any(a <= t.start < b for a, b in self.spans)
                    ),
                    len(toks),
                )
            ]
            np = self._noun_phrase_after(toks)
            if np and np[0].low not in MONTHS and np[0].low not in _WEEKDAY_NAMES:
                found = _holder_from(np, how, lex)
                if found is not None:
                    return found
        # gapping: "and Kia 1.73 million", ", digital power CNY52.6bn"
        toks = _tokens(text, start, claim.span.start, self.spans)
        np = _noun_phrase_before(toks, self.words, lex)
        if (
            np
            and _GAP_BEFORE.search(text, max(s0, np[0].start - 24), np[0].start)
            and not any(t.low in lex.attribute_of for t in np[-1:])
            # "... cores and spend C$1 billion": a verb joined to the one before
            and not (len(np) == 1 and np[0].low in lex.base_verbs)
            # ", allotting 490.9 crore shares": a participle, no name; ", Lan
            # arranged 2,527 loans": a name and its verb, a clause of its own
            and not (
                np[-1].text.islower()
                and np[-1].low.endswith(("ing", "ed"))
                and (len(np) == 1 or any(not t.text.islower() for t in np[:-1]))
            )
        ):
            found = _holder_from(np, "a listed name before the figure", lex)
            if found is not None:
                return found
        # an object named right before the figure: "fines Amazon 756 million euros"
        names = [
            i for i, t in enumerate(toks) if _is_name_token(t.text, self.words, lex)
        ]
        between = toks[names[-1] + 1 :] if names else []
        np = (
            _noun_phrase_before(toks[: names[-1] + 1], self.words, lex, names_only=True)
            if names
            and len(between) <= 3
            and all(t.low in lex.modifiers for t in between)
            else []
        )
        if np:
            prev = [t for t in toks if t.end <= np[0].start]
            if prev and (prev[-1].low in lex.verbs or _looks_like_verb(prev[-1].text)):
                found = _holder_from(np, "a name right before the figure", lex)
                if found is not None:
                    return found
        # a possessive: "Pakistan's annual GDP of $284 billion"
        for k, tok in enumerate(reversed(toks)):
            if (tok.text.endswith(("'s", "’s")) and len(tok.text) > 2) or (
                _plural_possessive(text, tok)
            ):
                owner = _POSSESSIVE.sub("", tok.low)
                if owner in _WEEKDAY_NAMES or owner in MONTHS or owner in _TIME_WORDS:
                    break  # "Turnout in Sunday's election": a time, not an owner
                if _CONTEST_WITH.match(text, tok.end, claim.span.start):
                    # "declared the winner of Kenya's presidential election with
                    # 50.07% of the vote": the contest's owner; the winner holds it
                    break
                if _CLAUSE_OPENS_BETWEEN.search(text, tok.end, claim.span.start):
                    # "built with Bangladesh's own funds after the World Bank
                    # cancelled its $1.2 billion credit": the figure's clause has a
                    # subject of its own
                    break
                if _PARTICIPLE_OPENS.search(text, tok.end, claim.span.start):
                    # "D66 is the biggest loser after the VVD's fall, dropping from
                    # 24 seats to 9": a participle clause's figure is its main
                    # clause subject's, not an owner's in the phrase before it
                    break
                dateline = DATELINE.match(text, s0)
                opens = dateline.end() if dateline is not None else s0
                # "MAPUTO, March 13 (Reuters) - Mozambique's institute": the owner's
                # name starts after a dateline
                name_toks = [t for t in toks if opens <= t.start and t.end <= tok.end]
                np = _noun_phrase_before(name_toks, self.words, lex, names_only=True)
                inner = [
                    i for i, t in enumerate(np[:-1]) if t.text.endswith(("'s", "’s"))
                ]
                if inner:
                    # "Ethiopia's Letesenbet Gidey's 14:06.62": the last owner's
                    np = np[inner[-1] + 1 :]
                if (
                    np
                    and (
                        _APPOSED_OWNER.search(
                            text, max(s0, np[0].start - 12), np[0].start
                        )
                        # "Glasgow, Scotland's largest city, voted Yes by 53.5%":
                        # the comma inside the phrase sets the owner off
                        or "," in text[np[0].start : tok.start]
                    )
                    and "," in text[tok.end : claim.span.start]
                ):
                    # "Vox, the PP's only plausible partner, fell to 33 seats": an
                    # owner inside an apposition describes the subject; the
                    # subject holds the figure
                    break
                event = _event_at_owner(toks, np, lex)
                if event is not None:
                    # "the fire at Ostrava's market": the story's fire, no holder
                    return _holder_from([event], "the event at a place", lex)
                if np:
                    # "Revenue at Pelago's shipping unit": the unit's, not Pelago's
                    rest = toks[len(toks) - k :]
                    after = rest[:4]
                    named = self._name_after_owner(
                        rest[:6], from_a_country=_is_country(owner)
                    )
                    if named is not None:
                        return named
                    unit = next(
                        (i for i, t in enumerate(after) if t.low in lex.subunits), None
                    )
                    found = _holder_from(np, "a possessive", lex)
                    if (
                        found is not None
                        and unit is not None
                        # "LVMH's profit from recurring operations": the
                        # attribute's own name, no unit of the owner's
                        and " ".join(t.low for t in after[: unit + 1])
                        not in lex.attribute_of
                        and all(
                            t.text != "\x00" and t.low not in lex.verbs
                            for t in after[:unit]
                        )
                    ):
                        words = [t.text for t in after[: unit + 1]]
                        return found.narrowed(words)
                    narrowed = None if found is None else self._narrowed(found, after)
                    return narrowed if narrowed is not None else found
                if owner in lex.subunits:
                    # "The division's profit from recurring operations": a part of
                    # the company named before, never the whole company's figure
                    return _Holder(f"the {owner}", (stem(owner),), "a possessive")
                if owner in lex.anaphors or f"the {owner}" in lex.anaphors:
                    return None  # "the company's valuation": a holder named before
                break
        opening = _OPENING.match(text[s0 : claim.span.start])
        comma = text.find(
            ",", claim.span.end, min(s1_of(claim, s0, text), claim.span.end + 40)
        )
        if opening is not None and comma >= 0:
            # "At 280 metres, the Harbour Tower will dwarf...": the main clause's
            found = self._subject_at(comma + 1, s1_of(claim, s0, text))
            if found is not None and found.key:
                return found
        subject = self._subject(claim, s0, start)
        if attribute in lex.running:
            place = self._clause_place(claim, s0)
            if place:
                # "Germany's toll has risen to 12, and across central Europe more
                # than 100 people have died": a toll whose own clause opens on a
                # place is that place's, not the sentence subject's
                return _Holder(" ".join(place), holder_key(place, lex), _TALLY_PLACE)
        if (
            attribute in lex.running
            and (
                subject is None
                or not subject.key
                # "In the Valencia region alone, the floods have killed 211": the
                # story's own event as the subject says nothing of where
                or all(k in lex.events for k in subject.key)
            )
        ) or (subject is not None and subject.how == "the clause agent"):
            # "In Belgium, at least 31 people have died", "In neighbouring Belgium,
            # where the toll stands at 27": a toll scoped by its sentence's
            # opening place is that place's; so is a figure people there report
            # ("In Chechnya, officials reported turnout of 99.5 percent")
            place = self._opening_place(s0, claim.span.start)
            if place:
                return _Holder(" ".join(place), holder_key(place, lex), _TALLY_PLACE)
        if (
            subject is not None
            and subject.key
            and subject.how == "the clause subject"
            and (place := self._opening_place(s0, claim.span.start, bare=True))
            and not set(holder_key(place, lex)) <= set(subject.key)
        ):
            # "In Quebec, the Conservatives won 10 seats": the subject's figure in
            # that place, a part of its own figure everywhere (not "In the Sejm,
            # the Left has 26 seats": a body the figure is counted in)
            return subject.narrowed(place, "in")
        if (
            subject is not None
            and subject.key
            and subject.how == "the clause subject"
            and _THERE_AFTER.match(self.text, claim.span.end)
        ):
            # "Ontario ... decided the outcome: the Liberals held 54 seats there":
            # the figure in the place the sentence named before
            there = self._place_named_before(s0, claim.span.start, subject)
            if there:
                return subject.narrowed(there, "in")
        return subject

    def _place_named_before(self, s0: int, stop: int, subject: _Holder) -> list[str]:
        """The last name before ``stop`` in the sentence that is not the subject's:
        the place "there" points back at."""
        names = [
            m.group()
            for m in _CAPITALIZED.finditer(self.text, s0, stop)
            if stem(m.group().lower()) not in subject.key
            and m.group().lower() not in MONTHS
            and m.group().lower() not in _WEEKDAY_NAMES
            and _is_name_token(m.group(), self.words, self.lex)
        ]
        return names[-1:]

    def _clause_place(self, claim: Claim, s0: int) -> list[str]:
        """The place a later clause of the sentence opens on right before its
        figure: ", and across central Europe and southern Russia more than 100",
        "; in Syria, 2,662" (the names after the preposition, no verb between)."""
        breaks = list(_CLAUSE_BREAK.finditer(self.text, s0, claim.span.start))
        if not breaks:
            return []
        m = _CLAUSE_PLACE.fullmatch(self.text, breaks[-1].end(), claim.span.start)
        if m is None:
            return []
        return _not_a_date(
            [
                w
                for w in m.group("place").split()
                if w[:1].isupper() and _is_name_token(w, self.words, self.lex)
            ]
        )

    def _opening_place(self, s0: int, stop: int, *, bare: bool = False) -> list[str]:
        """The name of a sentence's opening place ("In Belgium,", "In neighbouring
        Belgium, where"), if the sentence opens with one (no month or weekday);
        ``bare``: only a name with no word before it ("In Quebec,")."""
        m = _opening_place().match(self.text, s0, stop)
        if m is None or (
            bare and len(self.text[m.start() : m.start("name")].split()) > 1
        ):
            return []  # "In the Sejm,", "In neighbouring Belgium,"
        words = m.group("name").split()
        if (
            words[0].lower() in MONTHS
            or words[0].lower() in _WEEKDAY_NAMES
            or not all(_is_name_token(w, self.words, self.lex) for w in words)
        ):
            return []
        return words

    def _place_after(self, claim: Claim, end: int) -> list[str]:
        """The place a count is scoped to: "1,610,105 vehicles in China" (a name
        after "in", no month or weekday)."""
        m = _IN_PLACE.match(self.text, claim.span.end, end)
        if m is None:
            return []
        return _not_a_date(self._name_at(m.end(), end))

    def _place_won(self, claim: Claim, s0: int) -> list[str]:
        """The place a contest's tally is from when the clause says a side won it:
        "Obi ... won Lagos state with 582,454 votes to Tinubu's 572,606" (both
        tallies are Lagos's, not the candidates' national ones)."""
        found = None
        for m in _WON_PLACE.finditer(self.text, s0, claim.span.start):
            found = m
        if found is None or _STRONG.search(self.text, found.end(), claim.span.start):
            return []
        words = found.group("name").split()
        if words[0].lower() in MONTHS or words[0].lower() in _WEEKDAY_NAMES:
            return []
        return words

    def _opponent_after(self, claim: Claim, end: int) -> list[str]:
        """The side a margin was won against: "India's seven-run victory over South
        Africa" is India's margin in that match, not in the one "a 68-run win over
        England" was (the name after "over" or "against")."""
        m = _OVER_OPPONENT.match(self.text, claim.span.end, end)
        return [] if m is None else self._name_at(m.end(), end)

    def _place_measured_from(self, claim: Claim) -> list[str]:
        """The place a distance is measured from: "325 km (200 miles) southwest of
        the capital Santiago" is the distance from Santiago, whatever the clause's
        subject (the quake, its epicentre)."""
        m = _BEARING_OF.match(self.text, claim.span.end)
        if m is None:
            return []
        stop = _NAME_ENDS.search(self.text, m.end(), m.end() + 40)
        return self._name_at(m.end(), stop.start() if stop else m.end() + 40)

    def _partner_after(self, claim: Claim, start: int, end: int) -> list[str]:
        """The partner a trade balance is with: Japan's deficit "in trade with China"
        is its part of Japan's whole deficit, not all of it; so is "Japan's deficit
        with China was ¥6.4 trillion" (the partner before the figure, in its own
        stretch of the sentence)."""
        before = next(
            reversed(
                list(_PARTNER_BEFORE.finditer(self.text, start, claim.span.start))
            ),
            None,
        )
        if before is not None:
            return self._name_at(before.end(), claim.span.start)
        m = _WITH_PARTNER.match(self.text, claim.span.end, end)
        if m is not None:
            return self._name_at(m.end(), end)
        noun = _WITH_PARTNER_NOUN.match(self.text, claim.span.end, end)
        return [] if noun is None else noun["partner"].split()

    def _name_at(self, at: int, end: int) -> list[str]:
        """The words of the name that starts at ``at`` (up to 40 characters, not
        past ``end``; "of", "and" and the like may join its words)."""
        words: list[str] = []
        for t in _tokens(self.text, at, min(end, at + 40)):
            if not _is_name_token(t.text, self.words, self.lex) and not (
                words and t.low in self.lex.name_glue
            ):
                break
            words.append(t.text)
        return words

    def _noun_phrase_after(self, toks: list[_Token]) -> list[_Token]:
        lex = self.lex
        out: list[_Token] = []
        for tok in toks:
            low = tok.low
            if not out and low in lex.determiners:
                continue
            if out and "," in self.text[out[-1].end : tok.start]:
                break
            if (
                low in lex.verbs
                or (low in lex.prepositions and not (out and low in lex.name_glue))
                or low in lex.function_words
                # "loans from SCB worth 1,068 trillion dong": "worth" takes the
                # figure as a preposition would ("net worth" is a noun)
                or (low == "worth" and not (out and out[-1].low == "net"))
                or len(out) >= 4
            ):
                break
            out.append(tok)
        return out

    def _subject(self, claim: Claim, s0: int, start: int) -> _Holder | None:
        """The subject of the claim's clause: tried from the claim's own stretch back
        over each clause boundary to the last ";" or ":" (or the sentence start);
        None when the subject only reports the figure or stands for a holder named
        before."""
        text = self.text
        strong = [m.end() for m in _STRONG.finditer(text, s0, claim.span.start)]
        clause_start = strong[-1] if strong else s0
        result = _RESULT_PARTICIPLE.search(text, clause_start, claim.span.start)
        if result is not None:
            # "..., leaving a trade deficit of $12.7 billion": the result of the
            # clause before has no holder of its subject's
            return self._subject_at(result.start("rest"), claim.span.start)
        relative = self._antecedent(clause_start, claim.span.start)
        if relative is not None:
            return relative
        opens = [
            m.end() for m in SUBORDINATE_CLAUSE.finditer(text, start, claim.span.start)
        ]
        consequence = _CONSEQUENCE.match(text, start, claim.span.start)
        if consequence is not None:
            opens.insert(0, consequence.end())
        for at in reversed(opens):
            found = self._subject_at(at, claim.span.start)
            # "Rescuers searched on Friday as the toll climbed to 12": a
            # subordinate clause with a subject of its own holds its figure, even
            # if that subject names nobody
            if found is not None:
                return found if found.key else None
            owned = self._attribute_subject(at, claim.span.start)
            if owned is not None:
                # "..., while gold reserves rose $2.2 billion": the subject is what
                # is measured, and the words before it whose it is
                return owned[0]
            if _DETERMINER_OPENS.match(text, at):
                return None
        begins = [start]
        weak = [m.end() for m in _WEAK.finditer(text, clause_start, start)]
        begins += reversed(weak)
        begins.append(clause_start)
        for begin in dict.fromkeys(begins):
            if _APPOSITIVE_AFTER_NAME.match(
                text, begin
            ) and _NAME_BEFORE_COMMA.fullmatch(text[clause_start:begin]):
                continue  # "Brent, the international benchmark, had ended": the name
            found = self._subject_at(begin, claim.span.start)
            if found is not None and (found.key or found.how == "speaker"):
                if found.key and begin != clause_start:
                    return self._joint_with_listed(found, clause_start, begin)
                return found if found.key else None
            owned = (
                self._attribute_subject(begin, claim.span.start)
                if found is None
                and (begin != clause_start or self._opens_with_common_word(begin))
                else None
            )
            if owned is not None:
                # "Foreign currency assets went up ..., while gold reserves rose
                # $2.2 billion": the clause's own subject, what is measured
                return owned[0]
        if strong and self._opens_with_attribute(clause_start, claim.span.start):
            colon = text.rfind(":", s0, clause_start)
            if colon >= 0 and not text[colon + 1 : clause_start].strip():
                # "the referendum held alongside it is not binding: turnout was
                # only 40.91%": a colon's clause elaborates the subject before it
                before = [m.end() for m in _STRONG.finditer(text, s0, colon)]
                found = self._subject_at(before[-1] if before else s0, colon)
                # "Voters turned out in large numbers: turnout reached 85.2%": a
                # group of people acting is no holder of what follows
                if found is not None and found.key and found.how != "the clause agent":
                    return found
        return None

    def _attribute_subject(self, begin: int, stop: int) -> tuple[_Holder | None] | None:
        """For a clause whose subject is an attribute with a few lower-case words
        before it ("gold reserves rose"), (the holder those words name, or None);
        None if the clause opens otherwise."""
        lex = self.lex
        toks = _tokens(self.text, begin, stop, self.spans, after_last=False)[:5]
        toks = [t for t in toks if t.low not in lex.determiners]
        for k, tok in enumerate(toks[:3]):
            if tok.low in lex.attribute_of:
                if k == 0 or not _verb_next(toks, k, lex):
                    return None  # no owner's words, or no verb: no subject
                found = _holder_from(toks[:k], "a clause subject's owner", lex)
                if found is not None and not found.text.islower():
                    # "Food prices": a common word capitalized to open the sentence
                    # names no one
                    found = attrs.evolve(found, text=found.text.lower())
                return (found,)
            if (
                not (tok.text.islower() or (k == 0 and tok.low in self.words.lower))
                or tok.low in lex.verbs
                or tok.low in lex.prepositions
                or tok.low in lex.function_words
            ):
                return None
        return None

    def _opens_with_common_word(self, begin: int) -> bool:
        """Whether a clause opens with a word capitalized only for opening it, one
        the document writes in lower case too ("Food prices were up 16.4%" in a
        story that names "energy, food, alcohol and tobacco")."""
        toks = _tokens(self.text, begin, min(len(self.text), begin + 40))
        return (
            bool(toks)
            # "The trade surplus": an article opens it, and what follows is as
            # written
            and toks[0].low not in self.lex.determiners
            and toks[0].text[:1].isupper()
            and toks[0].low in self.words.lower
            and not _is_name_token(toks[0].text, self.words, self.lex)
        )

    def _opens_with_attribute(self, begin: int, stop: int) -> bool:
        """Whether a clause opens with what is measured and no holder ("turnout
        was", "the death toll rose")."""
        toks = _tokens(self.text, begin, stop, self.spans, after_last=False)
        toks = [t for t in toks if t.low not in self.lex.determiners][:2]
        return bool(toks) and (
            toks[0].low in self.lex.attribute_of
            or " ".join(t.low for t in toks) in self.lex.attribute_of
        )

    def _joint_with_listed(self, found: _Holder, s0: int, begin: int) -> _Holder:
        """ "the three opposition groups, Civic Coalition, Third Way and the Left,
        have 248 seats": a subject that closes a list of names is the list's, all
        of them (a joint holder), not its last name's."""
        m = _NAMES_LISTED_BEFORE.search(self.text, s0, begin)
        if m is None:
            return found
        names = [n for n in (*m.captures("n"), m.group("last")) if n]
        words = [w for n in names for w in n.split()]
        key = tuple(sorted({*found.key, *holder_key(words, self.lex)}))
        return _Holder(f"{', '.join(names)} and {found.text}", key, found.how)

    def _name_after_owner(
        self, after: list[_Token], *, from_a_country: bool = False
    ) -> _Holder | None:
        """ "Sweden's Armand Duplantis cleared 6.25 metres", "Kenya's Faith Kipyegon
        broke": a name right after a possessive, then its verb, is the holder; the
        owner only says where it is from. After a country's possessive any name is
        ("bought by Japan's SoftBank for £24.3bn", "Japan's Takeda Pharmaceutical
        Co Ltd struck a deal")."""
        lex = self.lex
        n = 0
        while n < len(after) and _is_name_token(after[n].text, self.words, lex):
            n += 1
        if n == 0 or any(t.low in lex.attribute_of for t in after[:n]):
            return None  # "Japan's GDP grew": what is measured, no name
        if from_a_country:
            return _holder_from(after[:n], "the clause subject", lex)
        if n == len(after):
            return None
        verb = n + 1 if after[n].low in _ADVERBS and n + 1 < len(after) else n
        if not (after[verb].low in lex.verbs or _looks_like_verb(after[verb].text)):
            return None  # (lex.verbs holds the auxiliaries too)
        return _holder_from(after[:n], "the clause subject", lex)

    def _narrowed(self, owner: _Holder, after: list[_Token]) -> _Holder | None:
        """An owner's holder narrowed by the nouns before its attribute: "Ohio's
        transport budget" is the transport budget's, not all of Ohio's spending
        ("Ohio's annual budget" and "Ohio's net profit" are not narrowed)."""
        lex = self.lex
        at = next((i for i, t in enumerate(after) if t.low in lex.attribute_of), None)
        if not at:
            return None
        head = after[at].low
        words = after[:at]
        if not all(
            t.text.isalpha() and t.text.islower() and t.low not in lex.verbs
            for t in words
        ):
            return None
        narrowing = [
            t.text
            for t in words
            if t.low not in lex.modifiers
            and t.low not in _NOT_NARROWING
            and t.low not in lex.key_drop  # "Harbour Bank's cash profit"
            and t.low not in lex.stage_of
            and f"{t.low} {head}" not in lex.attribute_of
        ]
        if not narrowing:
            return None
        return owner.narrowed(narrowing)

    def _reports_own(self, after: list[_Token]) -> bool:
        """Whether a reporting verb takes a measured thing as its object ("Halvorsen
        Foods reported revenue of $3.1 billion", "reported a net loss"): the
        subject then holds the figure rather than speaking of another's."""
        lex = self.lex
        for j, tok in enumerate(after[:4]):
            pair = f"{tok.low} {after[j + 1].low}" if j + 1 < len(after) else ""
            if tok.low in lex.attribute_of or pair in lex.attribute_of:
                # "reported revenue at Brava of $3.1 billion": Brava's revenue
                k = j + (2 if pair in lex.attribute_of else 1)
                return not (k < len(after) and after[k].low in {"at", "for", "from"})
            if (
                tok.low == "that"  # "reported that revenue at Brava...": speech
                or tok.text == "\x00"
                or tok.low in lex.prepositions
                or tok.low in lex.verbs
            ):
                return False
        return False

    def _antecedent(self, clause_start: int, stop: int) -> _Holder | None:
        """The holder of a figure in a non-restrictive relative clause: the noun
        phrase the clause hangs on ("cheaper than Chandrayaan-2, which had a budget
        of $96.5 million": Chandrayaan-2's), when the figure's clause is the relative
        one (no comma between its pronoun and the figure) and the pronoun is its
        subject (a verb follows it)."""
        found = None
        for m in _RELATIVE.finditer(self.text, clause_start, stop):
            found = m
        if found is None or "," in self.text[found.end() : stop]:
            return None
        after = _tokens(self.text, found.end(), stop, self.spans)
        if not after or not (
            after[0].low in self.lex.verbs
            or _looks_like_verb(after[0].text)
            or _verb_after_pronoun(after[0], self.lex)
        ):
            return None  # "which Jio said will give it...": another clause's subject
        toks = _tokens(self.text, clause_start, found.start(), self.spans)
        dated = _DATED_TAIL.search(self.text, clause_start, found.start())
        if dated is not None:
            # "The explosion on August 4, which killed": the date is when the
            # antecedent happened, not the antecedent
            toks = [t for t in toks if t.end <= dated.start()]
        np = _noun_phrase_before(toks, self.words, self.lex)
        named = self._named_before_apposition(toks, np)
        if named:
            # "Infosys, India's second-largest outsourcing group, which employs":
            # the clause hangs on a description of the name before it
            np = named
        return _holder_from(np, "a relative clause's antecedent", self.lex)

    def _named_before_apposition(
        self, toks: list[_Token], np: list[_Token]
    ) -> list[_Token]:
        """The name an unnamed noun phrase describes in apposition ("Infosys,
        India's second-largest outsourcing group"): names right before a comma that
        opens the phrase, no verb between; empty if there are none."""
        lex = self.lex
        if not np:
            return []
        comma = self.text.rfind(",", toks[0].start, np[-1].start)
        if comma < 0:
            return []
        before = [t for t in toks if t.end <= comma]
        described = [t for t in toks if t.start > comma and t.end <= np[-1].end]
        if (
            not before
            or self.text[before[-1].end : comma].strip()
            or any(
                t.low in lex.verbs
                or _looks_like_verb(t.text)
                # "India's second-largest outsourcing group": an owner names no one
                or (
                    _is_name_token(t.text, self.words, lex)
                    and not t.text.endswith(("'s", "’s"))
                )
                for t in described
            )
        ):
            return []
        return _noun_phrase_before(before, self.words, lex, names_only=True)

    def _owned_by_a_name(self, toks: list[_Token]) -> bool:
        """Whether tokens open with a name's possessive ("Hyundai Motor's smaller
        affiliate"): up to three name words, the last one possessive."""
        for t in toks[:3]:
            if not _is_name_token(t.text, self.words, self.lex):
                return False
            if t.text.endswith(("'s", "’s")):
                return True
        return False

    def _subject_at(self, begin: int, stop: int) -> _Holder | None:
        """The noun phrase opening ``text[begin:stop]``, skipping an opening adverbial
        ("On Tuesday,", "According to Cal Fire,"); None if the stretch opens with a
        verb or with the figure; an empty holder (no key) for a speaker or a phrase
        that names nothing."""
        text, lex = self.text, self.lex
        toks = _tokens(text, begin, stop, self.spans, after_last=False)
        if not toks:
            return None
        if _ABSOLUTE_WITH.match(text, toks[0].start):
            # "with Volcan holding": the names up to the participle
            names = list(itertools.takewhile(lambda t: t.text[:1].isupper(), toks[1:]))
            return _holder_from(names, "the clause subject", lex)
        if (
            toks[0].low in lex.prepositions
            or toks[0].low in _OPENERS
            or _opening_time(text, toks, stop)
        ):
            comma = text.find(",", toks[0].end, stop)
            if comma >= 0:
                toks = [t for t in toks if t.start > comma]
            else:
                # "In Germany the iPhone 15 costs €949", "In the US the Pro Max
                # starts at": a fronted place, no comma, then the subject's
                # determiner
                first = j = 2 if len(toks) > 1 and toks[1].low == "the" else 1
                while j < len(toks) and toks[j].text[:1].isupper():
                    j += 1
                if not (first < j < len(toks) and toks[j].low in _SUBJECT_DETERMINERS):
                    return None
                toks = toks[j:]
        np: list[_Token] = []
        i = len(toks)
        for j, tok in enumerate(toks):
            low = tok.low
            if not np and low in lex.determiners:
                continue
            glue = (
                low in lex.name_glue
                and np
                and _is_name_token(np[-1].text, self.words, lex)
                and j + 1 < len(toks)
                and _is_name_token(toks[j + 1].text, self.words, lex)
            )
            if not glue and (
                tok.text == "\x00"
                or low in lex.verbs
                or low in lex.reporting
                or low in lex.prepositions
                or low in lex.function_words
            ):
                i = j
                break
            if np and text.find(",", np[-1].end, tok.start) >= 0:
                i = j
                break
            if (
                np
                and tok.text.islower()
                and (
                    low not in lex.attribute_of
                    # "Nippon Steel produced": a past tense after a name is its
                    # verb, even one that names what is measured
                    or (
                        low.endswith("ed")
                        and _is_name_token(np[-1].text, self.words, lex)
                    )
                )
                # "Mexican authorities said": a group of people, not a verb
                and low not in lex.people
                and (
                    (
                        tok.text.endswith("s")
                        and _is_name_token(np[-1].text, self.words, lex)
                        # "Gold reserves increased": a plural noun, its verb next
                        and not _verb_next(toks, j, lex)
                    )
                    # "the government forced", "the alliance finished": a past
                    # tense after any noun (an adverb before it, "the newly
                    # listed", is no noun)
                    or (tok.text.endswith("ed") and not np[-1].low.endswith("ly"))
                )
            ):
                i = j  # "Samsung intends", "Xiaomi collected": a verb after a name
                break
            np.append(tok)
        if not np:
            return None
        rest = toks[i:]
        if (
            len(rest) > 1
            and rest[0].low in ("and", "&")
            and all(_is_name_token(t.text, self.words, lex) for t in np)
            and _is_name_token(rest[1].text, self.words, lex)
        ):
            # "Hyundai and Kia are recalling 3.4 million": a joint subject
            k = 1
            while k < len(rest) and _is_name_token(rest[k].text, self.words, lex):
                k += 1
            np, rest = [*np, rest[0], *rest[1:k]], rest[k:]
        if (
            len(np) <= 3
            and np[-1].low in lex.place_nouns
            and len(rest) > 1
            and rest[0].low == "of"
            and _is_name_token(rest[1].text, self.words, lex)
        ):
            # "the town of Chiva recorded 491 litres", "The Italian island of
            # Sicily recorded 48.8C": the place the noun names
            k = 2
            while k < len(rest) and _is_name_token(rest[k].text, self.words, lex):
                k += 1
            np, rest = rest[1:k], rest[k:]
        # "President Chakwera has announced that": the reporting verb after its
        # auxiliaries
        said = next((k for k, t in enumerate(rest[:3]) if t.low not in lex.aux), 0)
        if said and not (len(rest) > said + 1 and rest[said + 1].low == "that"):
            said = 0  # "Facebook has announced a $5.7 billion investment": its own
        when = _past_the_day(rest[:4])
        if when and when < len(rest) and rest[when].low in lex.reporting:
            said = when  # "Officials on Tuesday said": the day the speaker spoke
        if (
            rest[said:]
            and rest[said].low in lex.reporting
            and not (
                rest[said].low in _TAKES_AN_OBJECT
                and self._reports_own(rest[said + 1 :])
            )
        ):
            # the speaker: the holder is the subject of what was said, if named
            after = [t for t in rest[said + 1 :] if t.low != "that"]
            own = next(
                (k for k, t in enumerate(after[:3]) if t.low in ("its", "their")), None
            )
            if (
                own is not None
                and all(t.low in _SAID_WHEN or t.low in MONTHS for t in after[:own])
                and not any(t.low in lex.people for t in np)
                and any(_is_name_token(t.text, self.words, lex) for t in np)
            ):
                # "Kia said Friday its operating profit jumped": the speaker's own
                found = _holder_from(np, "the clause subject", lex)
                if found is not None:
                    return found
            # "said on Monday that the floods ...": the clause said starts past the
            # day it was said
            told = _past_the_day(after)
            inner = self._subject_at(after[told].start, stop) if after[told:] else None
            return inner if inner is not None else _Holder("", (), "speaker")
        head = np[-1].low
        pair = f"{np[-2].low} {head}" if len(np) > 1 else ""
        if head in lex.attribute_of or (
            # "the death toll climbed": a running tally named in two words (a
            # "deposit rate" names which rate: its words stay the holder); "Net
            # income was": a flow named in two words names no holder either
            pair in lex.attribute_of
            and (
                lex.attribute(pair) in lex.running or lex.attribute(pair) in lex.period
            )
        ):
            # "Revenue at Alibaba's cloud unit", "sales of the Pro" (not "profit
            # from recurring operations": the preposition inside the attribute's
            # own name)
            name = lex.attributes.match(self.text, np[-1].start)
            past = [t for t in rest if name is None or t.start >= name.end()]
            if past and (
                past[0].low in {"at", "of", "from", "for", "in"}
                # "Spending on the economic resources sector is set at SR84
                # billion": what the money is spent on
                or (
                    past[0].low == "on"
                    and lex.attribute(head) in ("spending", "investment")
                )
            ):
                inner_np = self._noun_phrase_after(past[1:])
                found = _holder_from(inner_np, "the attribute's preposition", lex)
                if found is not None:
                    return found
            # "Huawei's revenue": the possessive holds it
            np = [
                t
                for t in np
                if t.low not in lex.attribute_of
                # "Net earnings": a word of the attribute's own name
                and f"{t.low} {head}" not in lex.attribute_of
                and (
                    t.text.endswith(("'s", "’s"))
                    or _is_name_token(t.text, self.words, lex)
                )
            ]
            if not np:
                return None
        owner = next(
            (k for k, t in enumerate(np) if t.text.endswith(("'s", "’s"))), None
        )
        if (
            owner is not None
            and owner + 1 < len(np)
            and _SUPERLATIVE.fullmatch(np[owner + 1].low)
            and np[owner].text[:1].islower()
        ):
            # "the world's largest contract chipmaker posted revenue": an epithet
            # that ranks the story's subject, no owner of its figure
            return None
        if owner is not None and not any(
            t.low in lex.subunits for t in np[owner + 1 :]
        ):
            np = np[: owner + 1]  # "The SU7's specifications": the SU7's
        if len(rest) > 2 and rest[0].low in ("that", "which", "who"):
            # "The container ship that brought down the bridge was carrying 4,679
            # containers": the subject's relative clause, then its own verb
            aux = next((k for k in range(2, len(rest)) if rest[k].low in lex.aux), None)
            if aux is not None:
                rest = rest[aux:]
        appositive = (
            bool(rest)
            and _is_name_token(np[-1].text, self.words, lex)
            and _comma_after_name(text[np[-1].end : rest[0].start], np[-1], lex)
            and (
                rest[0].low in lex.determiners
                # "while Taiwan, still reporting new cases, has had 686 cases": a
                # participle's phrase set off between the subject and its verb
                or _SET_OFF_PARTICIPLE.match(text, rest[0].start) is not None
                # "Kia, Hyundai Motor's smaller affiliate, posted": a phrase
                # another name owns
                or self._owned_by_a_name(rest)
            )
        )
        if len(rest) > 1 and rest[0].low in _ADVERBS:
            # "Mr Atiku also won 12": an adverb between the subject and its verb
            rest = rest[1:]
        verb_follows = bool(rest) and (
            rest[0].low in lex.verbs
            or rest[0].low in lex.prepositions
            or _looks_like_verb(rest[0].text)
            or appositive  # "MiniMax, a Chinese developer of AI models, is raising"
        )
        if (
            not verb_follows
            or (
                not any(_is_name_token(t.text, self.words, lex) for t in np)
                and (
                    len(np) > 3
                    # "the phone unit brought in": a named part of a company holds it
                    or any(t.low in lex.generic for t in np[:-1])
                    or (np[-1].low in lex.generic and not _named_part(np, lex))
                    or not (rest[0].low in lex.verbs or _looks_like_verb(rest[0].text))
                )
            )
        ):
            return _Holder("", (), "no holder")
        how = "the clause subject"
        verbs = [
            t.low for t in rest[:3] if t.low in lex.verbs or _looks_like_verb(t.text)
        ]
        if any(v in lex.agentive for v in verbs[:2]):
            how = "the clause agent"  # "Regulators linked 22 incidents to it"
        elif len(np) == 1 and np[0].low in lex.people:
            # "Regulators received 6,084 complaints about X", "Officials counted
            # 120 deaths": a group of people acting on what another holds
            how = "the clause agent"
        found = _holder_from(np, how, lex)
        return found if found is not None else _Holder("", (), "no holder")


def _past_the_day(toks: Sequence[_Token]) -> int:
    """How many tokens at the start of ``toks`` name the day something was said
    ("on Tuesday", "on August 6", "yesterday")."""
    return next(
        (
            k
            for k, t in enumerate(toks)
            if not (t.low in _SAID_WHEN or t.low in MONTHS or t.low.isdigit())
        ),
        len(toks),
    )


def _event_at_owner(
    toks: Sequence[_Token], np: Sequence[_Token], lex: Lexicon
) -> _Token | None:
    """The event noun whose place an owner names ("the explosion at Beirut's port
    that killed 147 people", "killed by Tuesday's blast at Beirut's port"): a
    possessive in the place phrase of an event says where the event happened; the
    event holds the toll, not the owner."""
    if not np:
        return None
    i = next((j for j, t in enumerate(toks) if t.start == np[0].start), None)
    if i is None or i < 2 or toks[i - 1].low not in _EVENT_PLACE_PREPOSITIONS:
        return None
    event = toks[i - 2]
    return event if stem(event.low) in lex.events else None


def _is_country(word: str) -> bool:
    """Whether a word names a country (:func:`~factcheck.align.decide.country_keys`)."""
    from factcheck.align.decide import country_keys  # noqa: PLC0415

    return stem(word.lower()) in country_keys()


def _comma_after_name(between: str, name: _Token, lex: Lexicon) -> bool:
    """Whether a name is followed by a comma alone: "Kia," and "Kia Corp.," (the
    stop of an abbreviated legal form)."""
    between = between.strip()
    if between.startswith(".") and f"{name.low}." in lex.legal_forms:
        between = between[1:]
    return between == ","


def _verb_next(toks: list[_Token], j: int, lex: Lexicon) -> bool:
    """Whether the token after ``toks[j]`` is a verb in the past or an auxiliary
    ("reserves increased", "reserves were"): then ``toks[j]`` is a noun."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1].low
    # (lex.verbs holds the auxiliaries too)
    return nxt in lex.verbs or (nxt.endswith("ed") and nxt not in lex.attribute_of)
