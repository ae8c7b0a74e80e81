"""Whether a bare number is a count, and of what.

A number with no currency, unit or percent beside it is a count when it counts
something: not a year, a date, an ordinal or a time of day, not a name ("Boeing
737"), and, spelled in words below ten, only with what it counts, a qualifier, a verb
or a ratio after it ("seven were confirmed", "four of those", "one in five"). What it
counts is the noun after it ("1.64 million Hyundai and Genesis vehicles").
"""

from __future__ import annotations

from typing import Final

import regex

from factcheck.extractor.context import BLANKS, MONTHS, SP, lazy_pattern
from factcheck.extractor.numbers import NUMBER_AHEAD, Number
from factcheck.extractor.qualifiers import has_qualifier

_TIME_OR_ORDINAL_AFTER: Final = regex.compile(
    r"\G(?:st|nd|rd|th|s)\b|\G[ \t]?(?:[ap]\.m\.|[ap]m\b|GMT|UTC|o'clock|BST|EST|ET)"
)
_TIME_FIRST: Final = frozenset("apGUoBE")
_ORDINAL_FIRST: Final = frozenset("snrt") | _TIME_FIRST


def _is_time_or_ordinal_after(text: str, pos: int) -> bool:
    c = text[pos : pos + 1]
    if c in (" ", "\t"):
        if text[pos + 1 : pos + 2] not in _TIME_FIRST:
            return False
    elif c not in _ORDINAL_FIRST:
        return False
    return _TIME_OR_ORDINAL_AFTER.match(text, pos) is not None


#: the word before a number: read backwards from the number, so that one anchored
#: match finds what a search of the window for ``[A-Za-z][A-Za-z.]*[ \t]*$`` finds
#: (``$`` also matches before a line break that ends the window)
_WORD_BEFORE: Final = regex.compile(r"(?r)(?P<w>[A-Za-z][A-Za-z.]*)[ \t\u00a0]*\n?")

_LINE_NUMBERING: Final = regex.compile(r"(?:^|\n)[ \t]*$")
#: a capitalized possessive right before a number, and a capitalized word right after
#: it: the number is a word of a name ("Standard & Poor's 500 Index"); "Toyota's
#: 1.12 million cars" and "Kenya's 47 counties" go on in lower case
_POSSESSIVE_NAME_BEFORE: Final = regex.compile(r"\b\p{Lu}[\w.&-]*['’]s[ \t\u00a0]+$")
_NAME_CONTINUES: Final = regex.compile(r"[ \t\u00a0]+\p{Lu}\p{Ll}")


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the digits ``text[start:end]`` are a year, as :func:`_is_count` reads
    one (four digits from 1800 to 2100)."""
    return (
        end - start == 4
        and "1800" <= text[start:end] <= "2100"
        and text[start:end].isdigit()
    )


#: what a fraction word needs after it to state a share ("half of voters", "half
#: the staff", "a third of"), and the words before a bare "half" or "quarter" that
#: make it a period ("the second half", "in the quarter ended June")
_SHARE_AFTER: Final = regex.compile(
    rf"{SP}(?i:of|the|its|their|his|her|our|a|an|all|million|billion|trillion)\b"
)
_PERIOD_BEFORE: Final = regex.compile(
    r"(?r)\b(?i:the|first|second|third|fourth|last|next|this|that|each|per|every"
    r"|final|previous|one)[ \t]+"
)
_BY_BEFORE: Final = regex.compile(r"(?r)\b(?i:by)[ \t]+")
#: "one in five", "2 out of 3": what joins the two numbers of a ratio (the join is
#: made in :func:`factcheck.extractor._ratio_of`; a spelled number before it is kept)
RATIO_JOINER: Final = r"[ \t\u00a0]+(?:in|(?P<out>out[ \t]+of))[ \t\u00a0]+"
#: "204 of the 400 seats", "five of its nine", "seven of its last 10": what joins a
#: part to the total it is part of
PART_JOINER: Final = (
    r"[ \t\u00a0]+of[ \t\u00a0]+(?:(?:the|its|their|his|her|our|these|those)[ \t\u00a0]+)?"
    r"(?:(?:last|first|next|past|remaining|previous|top)[ \t\u00a0]+)?"
)
_RATIO_AFTER: Final = regex.compile(rf"(?:{RATIO_JOINER}|{PART_JOINER}){NUMBER_AHEAD}")
#: what a number in words counts when a hyphen joins them ("a seven-member panel",
#: "a six-storey building", "a three-judge bench"): the parts of a whole; other
#: hyphened words make an adjective ("a two-way race", "a five-star hotel")
HYPHEN_COUNTS: Final = frozenset(
    {"member", "judge", "justice", "nation", "country", "storey", "story", "floor",
     "bedroom", "room", "bed", "seat", "page", "point", "strong", "man", "woman",
     "person", "vehicle", "car", "ship", "vessel", "aircraft", "plane", "jet", "game",
     "match", "episode", "part", "goal", "run", "wicket", "shot", "stroke", "lap",
     "mile", "team", "city", "state", "province", "district", "candidate", "seater"}
)  # fmt: skip
#: "cut his sentence from 12 years to eight": a number in words that ends a change
_END_OF_CHANGE_BEFORE: Final = lazy_pattern(
    r"(?r)\b(?i:from)[ \t]+\S+(?:[ \t]+\S+){0,2}[ \t]+(?i:to)[ \t]+$"
)
#: what makes a number in words below ten a count with no noun after it: a verb
#: ("seven were confirmed", "two died") or a group it is part of ("four of those")
_COUNT_AFTER: Final = lazy_pattern(
    r"[ \t]+(?:were|are|have|had|remain|remained|died|survived|escaped|fled|said"
    r"|say|voted|won|lost|left|returned|did|do|will|would|could|may|might|must"
    r"|of[ \t]+(?:those|these|them|the|its|their|his|her|our|us|whom|which))\b"
)


def is_spelled_count(text: str, number: Number, noun: str | None, floor: int) -> bool:
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
    if number.value >= 2 and _COUNT_AFTER().match(text, end) is not None:
        return True  # "seven were confirmed", "four of those"
    if _END_OF_CHANGE_BEFORE().match(text, max(0, start - 40), start) is not None:
        return True  # "from 12 years to eight"
    if number.value >= 10 or not text[start:end].isalpha():
        return True  # "fifteen", "two thousand", "forty-five"
    return _RATIO_AFTER.match(text, end) is not None


def is_count(
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
    if (
        nxt[:1].isalpha()
        or nxt[:1] == "_"
        or (nxt[:1] == "." and nxt[1:].isalpha())
        or (nxt[:1] == "-" and nxt[1:].isupper())
    ):
        return False  # "5G", "3D", "01.AI", "3-D": an identifier
    if number.spelled and nxt[:1] == "-":
        # "a seven-member panel", "a six-storey building" count; "a two-way race",
        # "a one-off charge" are adjectives
        hm = _HYPHENED_WORD.match(text, number.end + 1)
        return (
            number.value >= 2
            and hm is not None
            and hm.group("w").rstrip("s") in HYPHEN_COUNTS
        )
    if not number.spelled:
        if is_year(text, number.start, number.end):
            return False  # a year
        if nxt[:1] in (".", ")") and _LINE_NUMBERING.search(
            text, max(0, start - 40), start
        ):
            return False  # list numbering
    if (
        not number.spelled
        and text[number.start : number.end].isdigit()
        and _NAME_CONTINUES.match(text, number.end)
        and _POSSESSIVE_NAME_BEFORE.search(text, max(0, start - 30), start)
    ):
        return False  # "Standard & Poor's 500 Index": a number inside a name
    bm = _WORD_BEFORE.match(text, max(0, start - 30), start)
    if bm is not None:
        word = bm.group("w").rstrip(".").lower()
        if word in MONTHS:
            return False  # "Feb. 24"
        if (
            not number.spelled
            and "," not in text[number.start : number.end]
            and _is_proper_noun_before(text, bm)
            and not _gapped_list_item(text, number, start)
        ):
            return False  # "Boeing 737", "Section 230" (a name has no "2,000")
        if (
            not number.spelled
            and text[number.start : number.end].isdigit()
            and text[number.end : number.end + 2] in ("'s", "’s")
            and bm.group("w")[:1].isupper()
            and word not in _SENTENCE_WORDS
        ):
            return (
                False  # "Hornsea 2's turbines": a number with a possessive ends a name
            )
        if (
            number.spelled
            and text[number.start : number.start + 1].isupper()
            and _is_proper_noun_before(text, bm)
        ):
            return (
                False  # "the Halbri One", "Formula One": a capitalized word of a name
            )
    # "24 February" is a date
    return not (
        words is not None
        and words.group("w1").rstrip(".,").lower() in MONTHS
        and text[number.end] != "-"
    )


#: a list item whose verb and noun are gapped, before its number: ", and the Left ",
#: " while Third Way " (names after a list's joint)
_GAPPED_BEFORE: Final = regex.compile(
    r"(?:,|;|\band|\bwhile|\bwhereas|\bbut)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w'’.&-]*[ \t]+){1,4}$"
)
#: the first item of a list a colon opens right after a counted figure: "won 248
#: seats: Civic Coalition 157, ..." (the colon's list counts that noun)
_COLON_ITEM: Final = regex.compile(
    r"\d[\d,.]*[ \t]+[a-z]{3,}:[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’.&-]*[ \t]+){1,4}$"
)
#: a tally said to be what follows: "tally stands at", "result is", "breakdown reads"
TALLY_SAID: Final = (
    r"(?i:tally|breakdown|split|count|results?|standings)[ \t]+"
    r"(?i:stands|stood|is|was|reads|read)(?:[ \t]+(?i:at|as))?"
)
#: what opens a tally listed as names and their numbers: "the final tally is", "the
#: new House will seat"
TALLY_OPENS: Final = rf"\b{TALLY_SAID}|\b(?i:will|would)[ \t]+seat"
#: a name a tally's item begins with: "the Māori Party ", "ACT "
_TALLY_NAME: Final = r"(?:the[ \t]+)?(?:[A-Z][\w'’.&-]*[ \t]+){1,4}"
#: the first item of a tally said to stand at a list after a counted figure: "With
#: all 160 seats now filled, the final tally stands at Fianna Fáil 38, ..."
_TALLY_ITEM: Final = regex.compile(
    r"\d[\d,.]*[ \t]+[a-z]{3,}[^.;:\d]{0,60},[ \t]+the[ \t]+(?:(?:final|full|latest"
    rf"|official)[ \t]+)?{TALLY_SAID}[ \t]+{_TALLY_NAME}$"
)
#: a tally said to be a list of names and their numbers, up to the name before a
#: number: "The final tally is Labour 65, National 33, Greens ", "The new House
#: will seat Conservatives 124, Liberals "
_TALLY_RUN: Final = regex.compile(
    rf"(?:{TALLY_OPENS})[ \t]+"
    rf"(?P<items>(?:{_TALLY_NAME}[0-9]{{1,4}}(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+))*)"
    rf"{_TALLY_NAME}$"
)
#: after a tally's first number, the next item: ", National 33"
_NEXT_TALLY_ITEM: Final = regex.compile(
    rf"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+){_TALLY_NAME}[0-9]"
)
#: after a gapped item's number: the list goes on or the sentence ends
_ITEM_ENDS: Final = regex.compile(r"[ \t]*(?:[,;.)]|and\b|while\b|but\b|$)")
#: a gapped item's own noun right after its number: " cases"
_ITEM_NOUN: Final = regex.compile(r"[ \t]+(?P<w>[a-z]{3,})\b")
#: an earlier item of the list, its number with the noun it counts: "194 seats"
_COUNTED_ITEM: Final = regex.compile(
    r"\d[\d,.]*[ \t]+(?!(?:and|the|for|but|with|was|were|are|has|had|per|from)\b)"
    r"(?P<w>[a-z]{3,})"
)


def _gapped_list_item(text: str, number: Number, start: int) -> bool:
    """ "Law and Justice has 194 seats and the Civic Coalition 157": a number after
    a name that is a list item with its noun gapped, not a model number ("Boeing
    737"): the name follows a list's joint, nothing follows the number, and an
    earlier item of the sentence counts its noun. Or the item's verb is gapped and
    its noun said again ("Liberia has had 1,082 cases ..., Sierra Leone 910
    cases"): an earlier item of the sentence counts that noun."""
    if not _ITEM_ENDS.match(text, number.end):
        noun = _ITEM_NOUN.match(text, number.end)
        if (
            noun is None
            or _ITEM_ENDS.match(text, noun.end()) is None
            or _GAPPED_BEFORE.search(text, max(0, start - 60), start) is None
        ):
            return False
        said = noun.group("w")
        return any(
            m.group("w") == said
            for m in _COUNTED_ITEM.finditer(text, _sentence_start(text, start), start)
        )
    if _COLON_ITEM.search(text, max(0, start - 80), start) or _TALLY_ITEM.search(
        text, max(0, start - 140), start
    ):
        return True
    run = _TALLY_RUN.search(text, _sentence_start(text, start), start)
    if run is not None and (
        run.group("items") or _NEXT_TALLY_ITEM.match(text, number.end)
    ):
        # "The final tally is Labour 65, National 33 ...": a tally of two or more
        # names, each with its number (one alone may be a model's: "is Boeing 737")
        return True
    if not _GAPPED_BEFORE.search(text, max(0, start - 60), start):
        return False
    return _COUNTED_ITEM.search(text, _sentence_start(text, start), start) is not None


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins, as far as a list item needs."""
    return max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)


def is_name_before(text: str, start: int) -> bool:
    """Whether a name stands right before the number at ``start`` ("Boeing 737",
    "iPhone 15"), not a capital that starts a sentence."""
    bm = _WORD_BEFORE.match(text, max(0, start - 30), start)
    return bm is not None and _is_proper_noun_before(text, bm)


def _is_proper_noun_before(text: str, bm: regex.Match[str]) -> bool:
    word = bm.group("w")
    if word[:1].islower() and not word.islower():
        return True  # "iPhone", "eBay": a name wherever it stands
    if not word[:1].isupper() or word.rstrip(".").lower() in _SENTENCE_WORDS:
        return False
    i = bm.start() - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    # a capital after a sentence end is no sign of a name ("Read 300 pages")
    return i >= 0 and text[i] not in '.!?\n"“:;(*#-' and not text[i].isdigit()


#: capitalized words that begin sentences or headlines before a number
_SENTENCE_WORDS: Final = frozenset(
    {
        "in", "by", "on", "at", "for", "from", "to", "of", "about", "over", "some",
        "nearly", "almost", "around", "only", "just", "all", "the", "a", "an", "and",
        "but", "or", "with", "since", "until", "after", "before", "up", "down", "rose",
        "fell", "than", "total", "headline",
    }
)  # fmt: skip


_NOUN_AFTER: Final = regex.compile(
    # "and" only joins names ("1.64 million Hyundai and Genesis vehicles"): after a
    # figure it joins the next item ("6.5 per cent and eight seats")
    rf"\G(?:{SP}[A-Z][\w.&’'-]*(?:{SP}(?:and|&))?){{0,4}}?{SP}(?!and\b|or\b)"
    r"(?P<w>[a-z][a-z-]*)"
)
_HYPHENED_WORD: Final = regex.compile(r"\G(?P<w>[a-z][a-z]*)")
_NEXT_WORD: Final = regex.compile(rf"\G{SP}(?P<w>[a-z][a-z-]*)")
#: plural nouns that do not end in "s", each the end of what is counted
PLURALS: Final = frozenset(["people", "men", "women", "children"])
#: words between a number and what it counts that say nothing about what it is
_SKIP_ADJECTIVES: Final = frozenset(
    ["other", "more", "additional", "further", "new", "related", "such"]
)
_STOP_NOUNS: Final = frozenset(
    {
        "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for",
        "from", "with", "as", "is", "was", "were", "be", "been", "are", "has", "have",
        "had", "that", "this", "these", "those", "it", "its", "than", "which", "who",
        "per", "up", "down", "more", "less", "over", "under", "about", "percent",
        "times", "time", "former", "other", "others", "new", "out",
        # prepositions, which count nothing: "137 off 102 balls", "20 into the round"
        "off", "into", "onto", "across", "against", "after", "before", "since",
        "until", "between", "among", "through", "via", "within", "without", "during",
        "above", "below", "beyond", "behind", "amid", "toward", "towards", "upon",
        # pronouns, which count nothing either: "the 9.69 he ran in Beijing"
        "he", "she", "we", "they", "you", "him", "them", "us", "his", "their",
        "our", "my", "your",
        # times, which date the count: "the toll rose to 1,723 yesterday"
        "yesterday", "today", "tonight", "tomorrow", "overnight", "earlier", "later",
        "last", "next",
    }
)  # fmt: skip


#: a count with its noun, then a word that sets the next count against it:
#: "14,476,462 votes against ", "160 seats to ", "52 wins versus "
_COUNT_SET_AGAINST: Final = regex.compile(
    rf"\d[\d,.]*{SP}(?P<w>[a-z]{{3,}}){SP}(?:against|to|versus|vs\.?){SP}$"
)


def noun_set_against(text: str, start: int) -> str | None:
    """The noun a bare count shares with the count it is set against: "14,476,462
    votes to 11,516,142" counts votes twice, the second time unsaid."""
    m = _COUNT_SET_AGAINST.search(text, max(0, start - 40), start)
    if m is None or m.group("w") in _STOP_NOUNS:
        return None
    return m.group("w")


def noun_after(text: str, pos: int) -> str | None:
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
        if words and clean.endswith("ing") and len(clean) > 4:
            break  # "80 people living near the volcano": a participle's own phrase
        if clean not in _SKIP_ADJECTIVES or words:
            if clean in _STOP_NOUNS:
                break
            words.append(clean)
            if (clean.endswith("s") and len(clean) > 3) or clean in PLURALS:
                break  # "100,000 people sought treatment": the verb counts nothing
        m = _NEXT_WORD.match(text, m.end())
    return " ".join(words) if words else None
