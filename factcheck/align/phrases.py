"""The words of a holder: name tokens, noun phrases, and the key that tells holders
apart ("the Sawtooth fire" and "Sawtooth" are one; "Marfal's robotics unit" is
Marfal's part). Read by :mod:`factcheck.align.holders`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from factcheck.align.context import (
    CURRENCY_WORDS,
    MONTHS,
    STOPWORDS,
    TOKEN,
    after_sentence_end,
    stem,
)
from factcheck.align.lexicon import Lexicon
from factcheck.model import Claim

#: heads of a time phrase ("the third quarter", "the same period"): never a holder
#: a period's label, which dates a figure and never holds it: "Q4 FY24", "H1",
#: "FY2024", "2023"
_PERIOD_LABEL = regex.compile(
    r"(?i:Q[1-4]|H[12]|FY\d{2}(?:\d{2})?|(?:19|20)\d\d"
    # "for January-March": a span of months
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[-–]"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
)
_TIME_HEADS = frozenset(
    [
        *("quarter", "quarters", "period", "season", "term", "session", "week"),
        # "the earthquake that struck Sulawesi 10 days ago": a time, never a holder
        "ago",
        "weeks",
        # "for the year ended June 30", "the twelve months to March": a time
        *("year", "years", "month", "months"),
    ]
)
_WEEKDAY_NAMES = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_POSSESSIVE = regex.compile(r"['’]s?\b")
#: between a count and a bracket after it, the noun it counts: " votes " in
#: "3,367,790 votes (48.39%)"
COUNTED_NOUN = r"[ \t\u00a0]+[a-z-]+(?:[ \t\u00a0]+[a-z-]+)?[ \t\u00a0]*"
#: between a change in an amount and the same change in percent, the change named
#: as a noun: "up five centimes, an increase of 2.5%", "down $3 billion, a drop of"
NOUN_RESTATED = regex.compile(
    r"[ \t\u00a0]*,[ \t\u00a0]+(?:an?[ \t\u00a0]+)?(?:increase|rise|gain|jump|drop|fall"
    r"|decline|decrease|cut|reduction|overrun)[ \t\u00a0]+of[ \t\u00a0]+(?:(?:about|around|roughly"
    r"|nearly|almost|some|just[ \t\u00a0]+over|more[ \t\u00a0]+than)[ \t\u00a0]+)?"
)
#: the words that set a figure against another: "against", "compared with", "versus"
SET_AGAINST = r"(?i:against|compared[ \t\u00a0]+(?:with|to)|versus|vs\.?)"
#: where a clause of fact opens, with its own subject and its own figures: "the move
#: was expected after the union reported that pay rose 5.28%", "sales fell because
#: Acme's prices rose 4%"
SUBORDINATE_CLAUSE = regex.compile(
    r"\s(?i:after|because|following|although|though|whereas|while"
    # "searched on Friday as the toll climbed to 12": "as" opening a clause, not
    # "such as", "known as", "as well as", "the same as", "as ... as"
    r"|(?<!\b(?i:such|known|same|well|so|just|as|much|many|long|soon|far|twice)\s)as)"
    # its subject: "the ..." or a name, or a bare plural and its verb ("as imports
    # climbed 39.2%", "after prices rose", "while gold reserves rose")
    r"\s+(?=the\s|[A-Z]|(?:[a-z]+\s+)?[a-z]+s\s+(?:[a-z]+ed|rose|fell|grew|sank|shrank)\b)"
)


@attrs.frozen
class _Words:
    """What a document tells about its words: which it writes in lower case
    (a capitalized one that it never writes so is a name, even opening a sentence)."""

    lower: frozenset[str]
    #: capitalized words the document also writes inside a sentence
    inner: frozenset[str]

    @classmethod
    def of(cls, prose: str) -> _Words:
        lower, inner = set(), set()
        for m in TOKEN.finditer(prose):
            tok = m.group()
            if tok.islower():
                lower.add(tok)
            elif tok[0].isupper() and not after_sentence_end(prose, m.start()):
                inner.add(tok)
        return cls(frozenset(lower), frozenset(inner))


#: a name as lists write it: "England", "Northern Ireland", "Bank of England",
#: "Civic Coalition" (capitalized words, "of" between; up to four)
LISTED_NAME = r"\p{Lu}[\w'’.-]*(?:[ \t\u00a0]+(?:of[ \t\u00a0]+)?\p{Lu}[\w'’.-]*){0,3}"
#: the words of a change that give its direction, for patterns to build on: up
#: ("rose", "grew", "widened") and down ("fell", "cut", "narrowed")
RISE_WORDS = (
    r"rose|rise[sn]?|rising|up|increas\w*|gr[eo]w\w*|jump\w*|climb\w*|surg\w*"
    r"|soar\w*|gain\w*|added|expand\w*|boost\w*|widen\w*"
    # a market report's: "the peso firmed", "the won strengthened", "shares advanced"
    # (the verb's forms only: "the rally faded" is no rise of its own)
    r"|firm(?:ed|ing)|strengthen\w*|advanc(?:ed|ing)|rall(?:ied|ying)"
    r"|rebound(?:ed|ing)|apprecia(?:ted|ting)|leap(?:t|ed|ing)|rocket(?:ed|ing)"
    r"|spik(?:ed|ing)|add(?:s|ing)|lift(?:s|ed|ing)"
)
FALL_WORDS = (
    r"fell|fall\w*|down|decreas\w*|declin\w*|drop\w*|slid\w*|slip\w*|plung\w*"
    r"|tumbl\w*|sank|sink\w*|shr[aiu]nk\w*|cut|cuts|reduc\w*|lost|narrow\w*"
    r"|contract\w*|slump\w*|dipp?\w*|plummet\w*|retreat\w*"
    # a market report's: "the index eased", "the rupee weakened", "shares crashed"
    r"|eas(?:ed|ing)|weaken\w*|deprecia(?:ted|ting)|crash(?:ed|ing)|div(?:ed|ing)|dove"
    r"|sagg(?:ed|ing)|skidd(?:ed|ing)"
    # "shed 238.75 points", "losing 412.57 points", "slashed its forecast"
    r"|shed|sheds|shedding|losing|slash\w*|trimm(?:ed|ing)|trims?"
)
#: a measure glued to its unit by a hyphen, modifying the noun after it: "the
#: 948-foot Dali", "the 30-year average"
HYPHENED_MEASURE = regex.compile(r"[\d.,]+-[a-z]+")
#: a count's noun hyphened to it before a noun: "630-seat" (in "the 630-seat
#: Bundestag"), "15-member", "777-point" (in "a 777-point drop")
HYPHENED_NOUN = regex.compile(r"-[a-z]+(?=[ \t\u00a0]+\w)")


#: a referendum's sides, capitalized inside a sentence ("the No side", "voted Yes"):
#: names, though "no" is a stop word
_SIDES = frozenset(["Yes", "No"])


def _is_name_token(tok: str, words: _Words, lex: Lexicon) -> bool:
    low = tok.lower()
    if len(tok) == 2 and tok.isalpha() and tok.isupper():
        return True  # "US Steel", "UK": an initialism, not "us" (nor US dollars)
    if tok in _SIDES and tok in words.inner:
        return True  # "the No side 723,632", "voted No": a referendum's side
    if (
        low in STOPWORDS
        or low in MONTHS
        or low in CURRENCY_WORDS
        or low in _WEEKDAY_NAMES
    ):
        return False
    if any(c.isdigit() for c in tok) and any(c.isalpha() for c in tok):
        return True  # "SU7", "A350-1000", "Chandrayaan-3"
    if not tok[0].isupper():
        return False
    if len(tok) > 1 and (tok.isupper() or any(c.isupper() for c in tok[1:])):
        return True  # "NHTSA", "iPhone", "McDonald"
    if low in lex.attribute_of or low in lex.verbs or low in lex.prepositions:
        return False
    return tok in words.inner or (
        low not in words.lower and not low.endswith(("ed", "ing", "ly"))
    )


def _a_day_of(word: str) -> bool:
    """ "Friday's", "Sunday's": the day a holder is of (a time), no name of it."""
    low = word.lower().rstrip(".,")
    return low[-2:] in ("'s", "’s") and low[:-2] in _WEEKDAY_NAMES


#: a place in a ranking: "eighth", "21st", "No. 3"
RANK = regex.compile(
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|\d{1,3}(?:st|nd|rd|th))"
)


def holder_key(words: Sequence[str], lex: Lexicon) -> tuple[str, ...]:
    """A holder's words that tell holders apart."""
    out = []
    words = [w for w in words if not _a_day_of(w)]
    named = any(
        w[:1].isupper()
        and w.lower() not in lex.kind_heads
        and w.lower() not in lex.determiners
        for w in words
    )
    for i, w in enumerate(words):
        low = w.lower().strip(".,'’")
        low = _POSSESSIVE.sub("", low) if low.endswith(("'s", "’s")) else low
        if (
            not low
            # "Roger Federer ninth with $95.1 million": a rank after a name is
            # its place in a list, not part of whose it is ("the second fab" is)
            or (i > 0 and words[i - 1][:1].isupper() and RANK.fullmatch(w))
            or low in lex.legal_forms
            or low in lex.base_variant
            or low in lex.determiners
            or low in lex.name_glue
            or low in lex.key_drop
            or (w.islower() and low.endswith("ed"))
            # "Cincinnati-based Kroger", "the Singapore-registered ship": where a
            # holder is based or flagged describes it, it does not tell it apart
            or ("-" in low[1:] and low.endswith("ed"))
            or (named and low in lex.kind_heads)
            or low in ("and", "&")  # "Hyundai and Kia": the names tell it apart
        ):
            continue
        if w[:1].isupper() and len(low) > 4 and low.endswith("s") and low[-2] != "s":
            low = low[:-1]  # a name's plural: "the recalled Hyundais" are Hyundai's
        out.append(stem(low))
    return tuple(out)


@attrs.frozen
class _Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


#: a word, or a short number right after a capitalized word that is no claim of its
#: own: "Hornsea 1", "Hornsea 2's" (a project's or a model's number, part of its
#: name; numbers that are claims are skipped below)
_NAME_TOKEN = regex.compile(
    rf"{TOKEN.pattern}|(?=\d)(?<=\b[A-Z][\w'’-]*[ \t])\d{{1,3}}(?:['’]s)?(?![\d.,]\d)"
)


#: the cheap test for a name's number in a stretch (most have none)
_NAME_NUMBER = regex.compile(r"[A-Z][\w'’-]*[ \t]\d")


def _tokens(
    text: str,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int]] = (),
    *,
    after_last: bool = True,
) -> list[_Token]:
    """Word tokens of ``text[start:end]``; a claim's own words end the list before
    them (a number splits a noun phrase)."""
    out: list[_Token] = []
    inside = [(s, e) for s, e in spans if s < end and e > start]
    tokens = _NAME_TOKEN if _NAME_NUMBER.search(text, start, end) else TOKEN
    for m in tokens.finditer(text, start, end):
        if inside and any(s <= m.start() < e for s, e in inside):
            if out:
                out.append(_Token("\x00", m.start(), m.end()))
            continue
        out.append(_Token(m.group(), m.start(), m.end()))
    if not after_last:
        return out
    # keep only what follows the last claim inside the stretch
    for i in range(len(out) - 1, -1, -1):
        if out[i].text == "\x00":
            return out[i + 1 :]
    return out


#: stopwords that, capitalized beside a name, are part of it: "New Zealand",
#: "New Zealand First", "Formula One"
_NAME_STOPWORDS = frozenset({"new", "first", "one"})


def _noun_phrase_before(
    toks: list[_Token], words: _Words, lex: Lexicon, *, names_only: bool = False
) -> list[_Token]:
    """The noun phrase ending the token list: names (with their glue words), or up to
    three lower-case words that are no verbs or prepositions."""
    out: list[_Token] = []
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        low = tok.low
        if (
            _is_name_token(tok.text, words, lex)
            or (
                out and low in lex.name_glue and _is_name_token(out[0].text, words, lex)
            )
            # "Hornsea 1": a number right after a name is part of it
            or (
                tok.text[:1].isdigit()
                and i > 0
                and _is_name_token(toks[i - 1].text, words, lex)
            )
            # "New Zealand First 6.5%": a word the overlap score ignores,
            # capitalized beside a name, belongs to it
            or (
                low in _NAME_STOPWORDS
                and tok.text[:1].isupper()
                and (
                    (out and _is_name_token(out[0].text, words, lex))
                    or (
                        not out
                        and i > 0
                        and _is_name_token(toks[i - 1].text, words, lex)
                    )
                )
            )
        ):
            out.insert(0, tok)
            continue
        if low in lex.base_variant:
            out.insert(0, tok)
            continue
        if names_only or (
            out
            and (
                _is_name_token(out[0].text, words, lex)
                # "ahead of Xochitl Galvez": glue joins two names, or no name
                or out[0].low in lex.name_glue
            )
        ):
            break
        if (
            low in lex.verbs
            or low in lex.prepositions
            or low in STOPWORDS
            or low in lex.reporting
            or len(out) >= 4
        ):
            break
        out.insert(0, tok)
    while out and out[0].low in lex.name_glue:
        out.pop(0)
    return out


@attrs.frozen
class _Holder:
    text: str
    key: tuple[str, ...]
    how: str

    def narrowed(self, words: Sequence[str], joiner: str = "") -> _Holder:
        """This owner's part named by ``words`` ("Pelago's" + "shipping unit"), the
        words joined by ``joiner`` if given ("Japan" + "with" + "China")."""
        return _Holder(
            " ".join([self.text, *([joiner] if joiner else []), *words]),
            tuple(sorted({*self.key, *(stem(w.lower()) for w in words)})),
            self.how,
        )


def _named_part(toks: Sequence[_Token], lex: Lexicon) -> bool:
    """ "the phone unit", "its cloud business": a part of a company named by the
    words before its noun (a bare "unit" counts things; "units" are products)."""
    return len(toks) > 1 and toks[-1].low in lex.subunits and toks[-1].low != "units"


#: words of the day a subject acted, standing between it and its verb
_SAID_DAY = frozenset(
    ["yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"]
)  # fmt: skip


def _holder_from(toks: list[_Token], how: str, lex: Lexicon) -> _Holder | None:
    toks = [t for t in toks if t.text != "\x00"]
    while toks and toks[-1].low in lex.name_glue:
        toks = toks[:-1]  # "the second quarter of" 2022: the glue led to a number
    while len(toks) > 1 and toks[-1].low in _SAID_DAY:
        # "The Department of Health yesterday declared": the day it acted, no part
        # of its name
        toks = toks[:-1]
    if (
        not toks
        or (
            toks[-1].low in lex.generic
            and not _named_part(toks, lex)
            # "the Halbri One": a capitalized word ends a name
            and not (len(toks) > 1 and toks[-1].text[:1].isupper())
        )
        # "Fourth-quarter operating profit": a hyphened time is a time too
        or any(t.low.rsplit("-", 1)[-1] in _TIME_HEADS for t in toks)
        # "net profit of ₹12,344 crore for Q4 FY24", "sales from April to June":
        # nothing but a period's labels or months
        or all(
            _PERIOD_LABEL.fullmatch(t.text) is not None or t.low in MONTHS for t in toks
        )
    ):
        return None  # "for the third quarter of 2021": a time, not a holder
    text = " ".join(t.text for t in toks)
    if (
        text.lower() in lex.anaphors
        or f"the {text.lower()}" in lex.anaphors
        or (toks[-1].low in lex.anaphors and len(toks) == 1)
    ):
        return None
    key = tuple(sorted(set(holder_key([t.text for t in toks], lex))))
    if not key:
        return None
    return _Holder(text, key, how)


def s1_of(claim: Claim, s0: int, text: str) -> int:
    """Where the claim's sentence ends."""
    return claim.sentence.end if claim.sentence is not None else len(text)


def _looks_like_verb(word: str) -> bool:
    """A lower-case word with a verb's ending ("intends", "pledged")."""
    return word.islower() and len(word) > 3 and word.endswith(("s", "ed"))
