"""FC303: parts of a whole that do not add up to it, or exceed it (a total and its
breakdown, parts listed before their total, a part named as part of a stated whole).

The readers share :mod:`factcheck.rules.arithmetic`'s way of reading claims in the
order they stand, with stated precision as intervals.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

import regex

from factcheck.align import ClaimRef
from factcheck.align.frames import counts_progress, named_class
from factcheck.align.lexicon import lexicon
from factcheck.align.phrases import LISTED_NAME
from factcheck.extractor.lexicon import SCALES
from factcheck.model import Claim, Finding, Interval
from factcheck.normalize import format_amount, format_interval
from factcheck.normalize.slips import significant_digits
from factcheck.rules.arithmetic import (
    _between,
    _exact_count,
    _sentences,
    _sentences_after,
    _stated,
)
from factcheck.rules.context import (
    CLOSED_LIST_WHOLE_REACH,
    PRECISE_HEDGE_DIGITS,
    AuditContext,
)
from factcheck.rules.registry import rule

_TOTAL = regex.compile(
    r"(?i:\b(?:total|totall?ing|overall|in[ \t]all|altogether|combined|whole|entire|all[ \t]told))\b"
)
_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
_PARTS = regex.compile(
    r"(?i:\b(?:of[ \t]this|of[ \t]which|of[ \t]that|breakdown|broken[ \t]down|split|comprising|including|includes))\b"
)


def _total_and_parts(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """A total and the parts that break it down, within one document, and how the
    text says so: a total then its breakdown, a total said to be made up of listed
    parts, or listed parts then their total."""
    yield from _breakdowns(ctx)
    yield from _made_up_of(ctx)
    yield from _remainders(ctx)
    yield from _closed_by_the_rest(ctx)
    yield from _closed_lists_of_a_whole_before(ctx)
    yield from _together_the_ones_before(ctx)
    yield from _totals_after_parts(ctx)
    yield from _wholes_named_by_their_parts(ctx)


#: between a total and its first part: "'s 293 seats are made up of the BJP's ",
#: " seats, split between "
_MADE_UP_OF = regex.compile(
    # "$245m of fresh funding, made up of": the total's noun phrase may stand between
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4},?[ \t\u00a0]+"
    # "sanctioned for the city will be split between"
    r"(?:(?:is|are|was|were|will[ \t]+be|would[ \t]+be|to[ \t]+be)[ \t\u00a0]+)?"
    r"(?i:made[ \t]+up[ \t]+of|split[ \t]+(?:between|into|among)|divided[ \t]+"
    r"(?:between|into|among)|composed[ \t]+of|comprised(?:[ \t]+of)?|comprise|comprises"
    r"|comprising|consist[ \t]+of|consists[ \t]+of|consisted[ \t]+of)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,3}[ \t\u00a0]+$"
)


#: between a total and a list set in apposition to it: "a package of £12 billion, "
_APPOSED = regex.compile(r"^[ \t\u00a0]*,[ \t\u00a0]+$")
#: right after a part, the kind of the total it is: " in grants", " in tax cuts"
#: (not a time or place: " in 2020", " in Asia", nor " in all")
_IN_A_KIND = regex.compile(
    r"[ \t\u00a0]+(?i:in)[ \t\u00a0]+(?!(?:all|total|the|a|an|its|their)\b)[a-z][a-z-]+\b"
)


def _in_a_kind(part: ClaimRef) -> bool:
    """ "£9 billion in grants": a part named by the kind of the total it is."""
    return _IN_A_KIND.match(part.document.prose, part.claim.span.end) is not None


#: a total and its breakdown after a colon: "sheltering 9,328 people: 3,214 men,
#: 3,586 women and 2,258 children"
_COLON_BREAKDOWN = regex.compile(
    # "9.6 billion dollars a day are being held up: 5.1 billion ...", "3,711 people
    # on board when it was placed in quarantine off Yokohama: 2,666 passengers and
    # 1,405 crew": the total's own clause may run on before its colon (a clause of
    # when or where), not into speech
    r"^(?:[ \t\u00a0]+(?!(?i:said|says|told|added|wrote)\b)[\w'’-]+){0,12}"
    # "208 seats in the Bundestag — 164 for the CDU and 54 for the CSU": a spaced
    # dash opens a breakdown as a colon does
    r"(?::|[ \t\u00a0]+[-–—]"
    # "With all 160 seats now filled, the final tally stands at Fianna Fáil 38, ...":
    # a tally or breakdown said to stand at a list of named holders
    r"|,[ \t\u00a0]+(?i:the)[ \t\u00a0]+(?:(?i:final|full|latest|official)[ \t\u00a0]+)?"
    r"(?i:tally|breakdown|split|count|result)[ \t\u00a0]+(?i:stands|stood|is|was|reads|read)"
    r"(?:[ \t\u00a0]+(?i:at|as))?(?=[ \t\u00a0]+(?:(?i:the)[ \t\u00a0]+)?\p{Lu}))"
    r"[ \t\u00a0]+"
    # "won 248 seats: Civic Coalition 157, Third Way 65 and the Left 36": the first
    # item's name, its noun gapped
    rf"(?:(?:(?i:the)[ \t\u00a0]+)?{LISTED_NAME}[ \t\u00a0]+)?$"
)
#: the last item of a list of holders that is the rest of them, gapped: ", and
#: independents and others ", " and the rest "
_RESIDUAL_ITEM = regex.compile(
    r"^,?[ \t\u00a0]+(?i:and)[ \t\u00a0]+(?:(?i:the)[ \t\u00a0]+)?"
    r"(?:[a-z-]+[ \t\u00a0]+(?i:and)[ \t\u00a0]+)?"
    r"(?i:others|other[ \t\u00a0]+parties|independents|the[ \t\u00a0]+rest|rest)[ \t\u00a0]+$"
)
#: the gap before a closed list's last item: " women and ", " and the Left " (a
#: gapped item's name)
_LAST_ITEM = regex.compile(
    r"[ \t\u00a0](?i:and|plus)[ \t\u00a0]+"
    rf"(?:(?:(?i:the)[ \t\u00a0]+)?{LISTED_NAME}[ \t\u00a0]+"
    # "... in cash and a guarantee of US$1.9 billion": the last item named by its
    # kind, then "of"
    r"|(?:(?i:a|an|the)[ \t\u00a0]+)?(?:[a-z-]+[ \t\u00a0]+){1,3}of[ \t\u00a0]+)?$"
)


def _own_figures(claims: list[ClaimRef]) -> list[ClaimRef]:
    """A sentence's figures that may be totals or parts: no stated equivalent, and
    no figure hyphened to a noun it describes ("the 630-member Bundestag")."""
    return [
        r
        for r in claims
        if r.claim.equivalent_of is None
        and r.document.prose[r.claim.span.end : r.claim.span.end + 1] != "-"
    ]


def _listed_parts(
    own: list[ClaimRef],
    first: int,
    total: Claim,
    *,
    closed: bool,
    changes: bool = False,
) -> list[ClaimRef] | None:
    """The parts listed from ``own[first]`` on, each after a list's gap, if there
    are two or more, all in the total's measure, below it and stated as levels or
    parts; ``closed``: the list must end with "and" (an open list may leave some
    out); ``changes``: a part may be a change too, where a verb says the total is
    made of the parts ("comprises 9.2 trillion won in subsidies and 5.8 trillion won
    in tax cuts")."""
    roles = ("level", "part", "change") if changes else ("level", "part")
    parts = [own[first]]
    for later in own[first + 1 :]:
        gap = _between(parts[-1], later)
        if _LIST_GAP.match(gap) is None and _RESIDUAL_ITEM.match(gap) is None:
            break
        parts.append(later)
        if _RESIDUAL_ITEM.match(gap) is not None:
            break  # "..., and independents and others 23": the rest closes the list
    if len(parts) < 2:
        return None
    last_gap = _between(parts[-2], parts[-1])
    if closed and not (_LAST_ITEM.search(last_gap) or _RESIDUAL_ITEM.match(last_gap)):
        return None  # an open list ("3,214 men, 3,586 women, ..."): maybe a few
    if all(
        _listed_measure(p.claim, total)
        and p.claim.value < total.value
        # "$5 billion – $2 billion more than planned and ...": changes and
        # comparisons after a dash are no breakdown
        and (p.claim.frame is None or p.claim.frame.role in roles)
        for p in parts
    ):
        return parts
    return None


def _made_up_of(ctx: AuditContext) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """ "The NDA's 293 seats are made up of the BJP's 240 and 53 from allies": a
    total said to be made up of the parts listed right after it; or broken down
    after a colon into a list closed by "and" ("9,328 people: 3,214 men, 3,586
    women and 2,258 children"); or a sentence that opens by pointing back at the
    total the sentence before states ("It consists of Rp 12.4 trillion ..., a Rp
    9.6 trillion ... and Rp 2.17 trillion")."""
    before: list[ClaimRef] = []
    for claims in _sentences(ctx):
        if before and before[0].doc_index != claims[0].doc_index:
            before = []
        own = _own_figures(claims)
        for i, total in enumerate(own[:-2]):
            first_gap = _between(total, own[i + 1])
            colon = _COLON_BREAKDOWN.match(first_gap) is not None
            apposed = not colon and _APPOSED.match(first_gap) is not None
            if not (colon or apposed) and not _MADE_UP_OF.match(first_gap):
                continue
            parts = _listed_parts(
                own,
                i + 1,
                total.claim,
                closed=colon or apposed,
                changes=not colon,
            )
            if parts is None or (apposed and not all(map(_in_a_kind, parts))):
                continue
            yield (
                total,
                parts,
                (
                    "a total broken down after a colon or a dash"
                    if colon
                    else "a total, then the kinds it is in, listed in apposition"
                    if apposed
                    else "a total made up of the parts listed after it"
                ),
            )
        pointed = _made_up_of_the_one_before(own, before)
        if pointed is not None:
            yield pointed
        before = own


#: a sentence that opens by adding up two things named before: "Together, the
#: guarantee and UBS's share cover ", "Combined, the two funds hold "
_TOGETHER_OPENING = regex.compile(
    r"^[ \t\u00a0]*(?i:together|combined|between[ \t]+them)(?:,[ \t\u00a0]+"
    r"(?:[\w'’-]+[ \t\u00a0]+){1,6}(?i:and)[ \t\u00a0]+"
    # "Together the two fires have scorched": the two named by their noun
    r"|,?[ \t\u00a0]+(?i:the[ \t\u00a0]+two|both)[ \t\u00a0]+)"
    r"(?:[\w'’-]+[ \t\u00a0]+){1,8}?"
    r"(?:(?i:about|around|roughly|some|nearly|almost|more[ \t]+than|over)[ \t\u00a0]+)?$"
)


def _together_the_ones_before(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """(total, parts, why) for "The state guarantees CHF 9 billion, but only after
    UBS has borne the first CHF 5 billion itself. Together, the guarantee and UBS's
    share cover CHF 15 billion": a sentence that opens by adding two things up,
    with one figure, whose parts are the two figures of its measure, and none
    other, of the sentence right before."""
    before: list[ClaimRef] = []
    for claims in _sentences(ctx):
        if before and before[0].doc_index != claims[0].doc_index:
            before = []
        own = _own_figures(claims)
        # the first figure after the opening ("Together the two fires have
        # scorched more than 40,000 acres": not the "two")
        total = next(
            (
                r
                for r in own
                if r.claim.sentence is not None
                and _TOGETHER_OPENING.match(
                    r.document.prose[r.claim.sentence.start : r.claim.span.start]
                )
            ),
            None,
        )
        if total is not None and own.index(total) <= 1:
            parts = [r for r in before if _listed_measure(r.claim, total.claim)]
            if (
                len(parts) == 2
                and len([r for r in before if r.claim.kind == total.claim.kind]) == 2
                and all(p.claim.value < total.claim.value for p in parts)
            ):
                yield total, parts, "two figures, then a sentence that adds them up"
        before = own


#: right before what a part leaves of its whole: ", leaving it about ", ", which
#: leaves ", " leaving the company with "
_LEAVING = regex.compile(
    r"(?i:\b(?:leaving|which[ \t]+leaves|that[ \t]+leaves|to[ \t]+leave))"
    r"(?:[ \t\u00a0]+(?i:it|them|him|her|the[ \t\u00a0]+[a-z-]+))?"
    r"(?:[ \t\u00a0]+(?i:with))?"
    r"(?:[ \t\u00a0]+(?i:about|around|roughly|some|nearly|almost|just[ \t]+over"
    r"|just[ \t]+under|more[ \t]+than|less[ \t]+than))?[ \t\u00a0]*$"
)


def _remainders(ctx: AuditContext) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """(whole, [part, rest], why) for "Of the $16.5 billion price, Novo Holdings
    will recoup $11 billion ..., leaving it about $4.5 billion": a part of a stated
    whole, then what it leaves of it; the two add up to the whole."""
    for claims in _sentences(ctx):
        own = _own_figures(claims)
        for i in range(1, len(own)):
            rest, part = own[i], own[i - 1]
            text = rest.document.prose
            start = rest.claim.span.start
            # "Of the $16 billion, $2 billion will be fresh equity and the
            # remaining $12 billion": the rest named as such, right after the one
            # part the whole was split into
            named_rest = i >= 2 and _THE_REST.search(text, max(0, start - 24), start)
            if not (named_rest or _LEAVING.search(text, max(0, start - 48), start)):
                continue
            if _between(part, rest).count(",") > 1:
                continue  # another clause's figure between them
            frame = part.claim.frame
            if frame is None or frame.role != "part" or frame.whole is None:
                continue
            wholes = [r for r in own[: i - 1] if r.claim.id == frame.whole]
            if not wholes or (named_rest and wholes[0] is not own[i - 2]):
                continue  # the rest of a whole split in more than two
            whole = wholes[0]
            if all(
                _listed_measure(p.claim, whole.claim)
                and p.claim.value < whole.claim.value
                for p in (part, rest)
            ):
                yield (
                    whole,
                    [part, rest],
                    "a part of a stated whole, then what it leaves",
                )


#: between parts of one whole and the one that closes it: " in Marmaris and the
#: remaining ", ", and the other ", " and the rest, "
_AND_THE_REST = regex.compile(
    # "people rescued from the cave were children, and the other ": the first
    # part's clause may run on
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,8}[ \t\u00a0]*,?[ \t\u00a0]+(?i:and)[ \t\u00a0]+"
    r"(?:(?i:the[ \t\u00a0]+(?:remaining|rest|other|others|balance))[ \t\u00a0,]*"
    r"(?:(?i:of)[ \t\u00a0]+(?:(?i:them|the)[ \t\u00a0]+)?)?"
    # "..., business tax NT$0.55 trillion and other levies ": the rest named as
    # an item of the list
    r"|(?i:other|all[ \t\u00a0]+other)[ \t\u00a0]+[a-z][\w'’-]*(?:[ \t\u00a0]+[a-z][\w'’-]*)?"
    r"[ \t\u00a0]+)$"
)
#: between a whole and the first part of the list "of which" opens: ", of which
#: income taxes contributed "
_OF_WHICH = regex.compile(
    r"^[ \t\u00a0]*,[ \t\u00a0]+(?i:of[ \t\u00a0]+which|of[ \t\u00a0]+this|of[ \t\u00a0]+that)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*,?[ \t\u00a0]+$"
)
#: between two parts of a list named before their figures, in lower case: ",
#: business tax " (the list's items, not a clause: no verb between)
_NAMED_ITEM_GAP = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,5}[ \t\u00a0]*,(?:[ \t\u00a0]+[a-z][\w'’-]*){1,3}[ \t\u00a0]+$"
)


def _closed_by_the_rest(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """(whole, parts, why) for the parts of a stated whole listed in one sentence
    and closed by the rest of it, so that they add up to it: "Of the 546 people
    treated, 212 were in Manavgat, 148 in Marmaris and the remaining 186 in Bodrum",
    "Seven of the 12 people rescued were children, and the other five adults". Each
    part before the rest is the whole's part by its frame (``whole``), or listed
    after one that is."""
    for claims in _sentences(ctx):
        own = _own_figures(claims)
        for i in range(2, len(own)):
            rest = own[i]
            if not _AND_THE_REST.match(_between(own[i - 1], rest)):
                continue
            before = own[i - 1]
            frame = before.claim.frame
            if (
                frame is not None
                and frame.role == "whole"
                and i >= 2
                and _OF_THE_WHOLE.match(_between(own[i - 2], before))
            ):
                # "Seven of the 12 people rescued were children, and the other
                # five": one part, its whole, the rest
                whole, parts = before, [own[i - 2], rest]
            else:
                # the parts before the rest, back to the first part of the whole
                parts = [rest, before]
                k = i - 1
                wholes_of = {p.claim.frame.whole for p in parts if p.claim.frame}
                while k > 0 and (
                    _LIST_GAP.match(_between(own[k - 1], own[k]))
                    or _NAMED_ITEM_GAP.match(_between(own[k - 1], own[k]))
                ):
                    if own[k - 1].claim.id in wholes_of:
                        break
                    parts.append(own[k - 1])
                    k -= 1
                parts.reverse()
                first = parts[0].claim.frame
                if k > 0 and _OF_WHICH.match(_between(own[k - 1], parts[0])):
                    # "NT$3.76 trillion, of which income taxes contributed NT$1.92
                    # trillion, ...": the whole the list's "of which" points at
                    whole = own[k - 1]
                else:
                    if first is None or first.role != "part" or first.whole is None:
                        continue
                    wholes = [r for r in own if r.claim.id == first.whole]
                    if len(wholes) != 1 or wholes[0] in parts:
                        continue
                    whole = wholes[0]
            if all(
                _listed_measure(p.claim, whole.claim)
                and p.claim.value < whole.claim.value
                and (p.claim.frame is None or p.claim.frame.role in ("level", "part"))
                for p in parts
            ):
                yield whole, parts, "the parts of a stated whole, closed by the rest"


#: after a list, that it holds all there is: "; the food bank has no other sources
#: of funding", ". There were no other candidates", ", the only ones"
_NOTHING_ELSE = regex.compile(
    r"[^.;:\n]{0,40}?[,;.][ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,6}?"
    r"(?i:no[ \t\u00a0]+other|none[ \t\u00a0]+other|nothing[ \t\u00a0]+else"
    r"|the[ \t\u00a0]+only[ \t\u00a0]+(?:ones|sources|items|parts))\b"
)


#: between two items of a list its text says is all there is: ", foundations ",
#: " and companies ", ", schools support and transport receive " (an item's own
#: words, a comma or "and", the next item's words; no change, no clause break)
_CLOSED_LIST_GAP = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,3}[ \t\u00a0]*(?:,(?:[ \t\u00a0]+(?i:and))?"
    r"|[ \t\u00a0]+(?i:and))(?:[ \t\u00a0]+(?!(?i:up|down|from|to|rose|fell|while"
    r"|but|after|before|than)\b)[\w'’-]+){1,5}[ \t\u00a0]+$"
)


#: right before a figure something else is measured on: "up 4.6% on the ",
#: "compared with last year's "
_A_BASE_BEFORE = regex.compile(
    r"\b(?i:on|from|than|over|against|compared[ \t\u00a0]+(?:with|to))[ \t\u00a0]+"
    r"(?:(?i:the|its|their|a|an|[\w-]+['’]s)[ \t\u00a0]+)?$"
)


def _closed_lists_of_a_whole_before(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """(whole, parts, why) for a list the text says is all there is, whose whole
    a sentence before states: "Donations reached $18.6 million. Individuals gave
    $9.4 million, foundations $5.8 million and companies $2.9 million; the food
    bank has no other sources of funding", "The council approved a £412 million
    budget. ... Care gets £198 million, schools £127 million, and the remaining
    £77 million pays for housing". Every figure of the list's sentence is an item;
    the whole is the one figure of the parts' measure, above each, in the sentences
    before
    (``CLOSED_LIST_WHOLE_REACH``; a change's start or base is none)."""
    for claims, earlier in _sentences_after(ctx, CLOSED_LIST_WHOLE_REACH):
        own = _own_figures(claims)
        if len(own) < 2:
            continue
        text = own[0].document.prose
        parts = [own[0]]
        rest = False
        for prev, nxt in itertools.pairwise(own):
            gap = _between(prev, nxt)
            if _AND_THE_REST.match(gap):
                parts.append(nxt)
                rest = True
                break
            if not (
                _LIST_GAP.match(gap)
                or _NAMED_ITEM_GAP.match(gap)
                or _CLOSED_LIST_GAP.match(gap)
            ):
                break
            parts.append(nxt)
        if len(parts) < 2 or len(parts) != len(own):
            continue
        last = parts[-1]
        end = last.claim.sentence.end if last.claim.sentence else last.claim.span.end
        closed = rest or _NOTHING_ELSE.match(
            text, last.claim.span.end, min(len(text), end + 80)
        )
        if not closed:
            continue
        measure = parts[0].claim
        if not all(_listed_measure(p.claim, measure) for p in parts):
            continue
        wholes = [
            r
            for r in earlier
            if r.claim.equivalent_of is None
            and _listed_measure(measure, r.claim)
            and all(r.claim.value > p.claim.value for p in parts)
            and (r.claim.frame is None or r.claim.frame.role in ("level", "whole"))
            and (r.claim.frame is None or r.claim.frame.stage != "earlier")
            and not _A_BASE_BEFORE.search(
                text,
                r.claim.sentence.start if r.claim.sentence else 0,
                r.claim.span.start,
            )
        ]
        if len(wholes) != 1:
            continue
        yield (
            wholes[0],
            parts,
            "a list said to be all there is, of a whole stated before",
        )


#: a sentence that opens by pointing back at a total and says what it is made of:
#: "It consists of", "The package is made up of", "This comprises"
_POINTED_MADE_UP_OF = regex.compile(
    r"^[ \t\u00a0]*(?:(?i:it|this|that)|(?i:the)(?:[ \t\u00a0]+[a-z-]+){1,2})[ \t\u00a0]+"
    r"(?:(?:is|are|was|were|will[ \t]+be)[ \t\u00a0]+)?(?i:made[ \t]+up[ \t]+of"
    r"|consists[ \t]+of|consisted[ \t]+of|comprises|comprised|split[ \t]+(?:into|between)"
    r"|splits[ \t]+into|divided[ \t]+(?:into|between)|breaks[ \t]+down[ \t]+into)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*$"
)


def _made_up_of_the_one_before(
    own: list[ClaimRef], before: list[ClaimRef]
) -> tuple[ClaimRef, list[ClaimRef], str] | None:
    """(total, parts, why) for a sentence opening "It consists of" and a closed list
    of parts, whose total is the one figure of their measure, above each, in the
    sentence right before."""
    if len(own) < 2 or not before:
        return None
    first = own[0]
    sentence = first.claim.sentence
    if sentence is None or not _POINTED_MADE_UP_OF.match(
        first.document.prose[sentence.start : first.claim.span.start]
    ):
        return None
    totals = [
        r
        for r in before
        if _listed_measure(first.claim, r.claim) and r.claim.value > first.claim.value
    ]
    if len(totals) != 1:
        return None
    parts = _listed_parts(own, 0, totals[0].claim, closed=True)
    if parts is None:
        return None
    return (
        totals[0],
        parts,
        "a total the sentence before states, then what it is made of",
    )


#: a total named after its parts: "..., more than 12,000 in all", "62 people in
#: all", "2 million fans in total" (the noun it counts may come first)
_TOTAL_AFTER = regex.compile(
    r"(?:[ \t\u00a0]+[a-z][a-z-]*){0,2}"
    r"[ \t\u00a0]+(?i:in[ \t]+all|in[ \t]+total|combined|altogether|all[ \t]+told)\b"
)
#: between two listed parts: " dead in Turkey and ", ", ", " up front and a further ",
#: " yen, debt servicing at " (an item named before its figure)
_LIST_GAP = regex.compile(
    # "€43.2 billion for the energy price brakes and €2.6 billion": an item's words
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,5}(?:,(?:[ \t\u00a0]+(?i:and|plus))?|[ \t\u00a0]+and"
    r"|[ \t\u00a0]+plus"
    r"|[ \t\u00a0]+(?i:together|along)[ \t\u00a0]+with"
    r"(?:[ \t\u00a0]+(?i:his|her|its|their|the|our))?)"
    r"(?:[ \t\u00a0]+(?i:a[ \t]+further|another|an[ \t]+additional|an[ \t]+extra"
    # "Rp 12.4 trillion in cash transfers, a Rp 9.6 trillion wage subsidy"
    r"|a|an)"
    # "$520.7 million with the DOJ, and Ericsson settled with the SEC for about
    # $540 million": the next item's own clause, up to the preposition of its amount
    r"|(?:[ \t\u00a0]+[\w'’-]+){1,4}[ \t\u00a0]+(?i:at|of|with)"
    r"|(?:[ \t\u00a0]+[\w'’-]+){1,5}[ \t\u00a0]+(?i:for)"
    # "took 157 seats, Third Way 65 and the Left 26": a gapped item's name
    rf"|[ \t\u00a0]+(?:(?i:the)[ \t\u00a0]+)?{LISTED_NAME})?"
    # "up to 476 billion yen for the first fab and up to 732 billion": the next
    # part's own qualifier
    r"(?:[ \t\u00a0]+(?i:up[ \t]+to|about|around|roughly|nearly|almost|some|over"
    r"|more[ \t]+than|at[ \t]+least|as[ \t]+much[ \t]+as))?"
    r"[ \t\u00a0]+$"
)
#: between two items of a list of holders with their figures in brackets: "the ANC
#: (159), DA (87), IFP (17) ... and PAC (1)"
_BRACKETED_ITEM_GAP = regex.compile(
    r"^\)[ \t\u00a0]*(?:,[ \t\u00a0]*(?:(?i:and)[ \t\u00a0]+)?|[ \t\u00a0]+(?i:and)[ \t\u00a0]+)"
    # "and Neckarwestheim 2 (": a name numbered within a series
    rf"(?:(?i:the)[ \t\u00a0]+)?{LISTED_NAME}(?:[ \t\u00a0]+\d{{1,3}})?[ \t\u00a0]*\($"
)
#: between the last part and its total: " in Syria, more than "
_TOTAL_GAP = regex.compile(
    # "Rs 2 lakh from the Prime Minister's relief fund, or Rs 8 lakh in all": the
    # last part's own words, a comma (or a dash: "$1.2 billion for zero-emission
    # vehicle programs — $14.7 billion in all"), and "or" before the total
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,6}(?:,|[ \t\u00a0]*[—–])[ \t\u00a0]*(?:(?i:or)[ \t\u00a0]+)?"
    r"(?:(?i:more[ \t]+than|over|about|nearly|almost|some|around|at[ \t]+least)"
    r"[ \t\u00a0]+)?$"
)


#: between the last part and a total named before its figure: " in add-ons, a total
#: of ", ", bringing the total to ", ", together account for more than "
_NAMED_TOTAL_GAP = regex.compile(
    # "... and Neckarwestheim 2 (1,310 megawatts) were taken off the grid – together
    # well over": the list's own verb phrase, then a dash, before the total
    r"^\)?(?:(?:[ \t\u00a0]+[\w'’-]+){0,4},|(?:[ \t\u00a0]+[\w'’-]+){0,6}[ \t\u00a0]+[—–])"
    r"[ \t\u00a0]*(?i:(?:for[ \t]+|making[ \t]+|"
    # "for a total enterprise value of": the total may name what it totals
    r"(?:bringing|taking)[ \t]+(?:the|its)[ \t]+)?(?:a[ \t]+)?total(?:[ \t]+[a-z-]+){0,2}"
    r"[ \t]+(?:of|to)"
    r"|totall?ing|(?:(?:which|who|that)[ \t]+)?together(?:[ \t]+(?:account[ \t]+for"
    r"|make[ \t]+up|come[ \t]+to|add[ \t]+up[ \t]+to|amount[ \t]+to|total"
    # "the ANC (159), DA (87) ... and PAC (1), which together hold 297"
    r"|hold|have|control|command|won|took))?)[ \t\u00a0]+"
    r"(?:(?i:(?:well[ \t]+|just[ \t]+)?(?:more[ \t]+than|over|under)|about|nearly|almost"
    r"|some|around|at[ \t]+least)"
    r"[ \t\u00a0]+)?$"
    # "Exxon's $137 billion and Mobil's $66 billion in revenue last year add up to":
    # the list's own verb of summing, with no "together"
    r"|^(?:[ \t\u00a0]+[\w'’-]+){0,5}[ \t\u00a0]+(?i:add(?:s|ed)?[ \t]+up[ \t]+to"
    r"|amount(?:s|ed)?[ \t]+to|c[oa]mes?[ \t]+to|sum(?:s|med)?[ \t]+to"
    r"|totall?(?:s|ed))[ \t\u00a0]+"
    r"(?:(?i:more[ \t]+than|over|about|nearly|almost|some|around|just[ \t]+over"
    r"|just[ \t]+under)[ \t\u00a0]+)?$"
)


#: between the last part and a total its verb gives: " would give a combined ", " make
#: a total of "
_COMBINED_GAP = regex.compile(
    # "... retail internet customers, a combined": the list's last item's words, as
    # many as an item has in the list (:data:`_LIST_GAP`: "$2.75 billion for Land
    # Rover in 2000, a combined"), and a comma (or a dash: "₹757 crore for Lucknow —
    # a combined")
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,5}(?:,|[ \t\u00a0]*[—–])?[ \t\u00a0]+"
    # "Nissan 3.37 million last year, for a combined 8.1 million"
    r"(?:(?i:for|giving|making|bringing)[ \t\u00a0]+)?(?i:a|an)[ \t\u00a0]+"
    r"(?i:combined|joint[ \t\u00a0]+total[ \t\u00a0]+of|total[ \t\u00a0]+of)[ \t\u00a0]+$"
    # "Credit Suisse employs about 50,000 people and UBS about 72,000, so the merged
    # group would have more than": the two merged, their total
    r"|^(?:[ \t\u00a0]+[\w'’-]+){0,4},?[ \t\u00a0]+(?i:so|meaning|which[ \t]+means)[ \t\u00a0]+"
    r"(?i:the)[ \t\u00a0]+(?i:merged|combined|enlarged)[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){1,2}"
    r"(?i:would|will)[ \t\u00a0]+(?i:have|employ|hold|count|total)[ \t\u00a0]+"
    r"(?:(?i:more[ \t]+than|over|about|nearly|almost|some|around)[ \t\u00a0]+)?$"
)


def _totals_after_parts(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """ "8,574 dead in Turkey and 2,662 in Syria, more than 12,000 in all", "£100m up
    front and a further £5m in add-ons, a total of £105m": parts listed in one
    sentence, then their total."""
    for claims in _sentences(ctx):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for i, total in enumerate(own):
            c = total.claim
            text = total.document.prose
            if i < 2:
                continue
            gap = _between(own[i - 1], total)
            if not (
                _TOTAL_AFTER.match(text, c.span.end) and _TOTAL_GAP.match(gap)
            ) and not (_NAMED_TOTAL_GAP.match(gap) or _COMBINED_GAP.match(gap)):
                continue
            parts = _semicolon_items(own[:i], total) or [own[i - 1]]
            for j in range(i - 1 - len(parts), -1, -1):
                gap_j = _between(own[j], parts[0])
                if (
                    _LIST_GAP.match(gap_j) is None
                    and _BRACKETED_ITEM_GAP.match(gap_j) is None
                ) or not _listed_measure(own[j].claim, c):
                    break  # "The three biggest items, pensions at ...": no part
                parts.insert(0, own[j])
            # "37.72 trillion yen, debt servicing at 27.09 trillion": a bare scaled
            # number in a list of amounts shares their unit
            if len(parts) < 2 or not all(_listed_measure(p.claim, c) for p in parts):
                continue
            running = _RUNNING_TOTAL.search(gap) is not None
            yield (
                total,
                parts,
                _RUNNING if running else "parts listed before their total",
            )


#: the last item of a list set off by semicolons: "; and Capri Global ₹757 crore"
_LAST_SEMICOLON_ITEM = regex.compile(r";[ \t\u00a0]+(?i:and)[ \t\u00a0]")


def _semicolon_items(before: list[ClaimRef], total: ClaimRef) -> list[ClaimRef]:
    """The items of a list set off by semicolons (items with commas of their own)
    that ends right before its total: "Adani paid ₹1,289 crore for Ahmedabad;
    Indiawin Sports, owner of Mumbai Indians, ₹912.99 crore for Mumbai; ...; and
    Capri Global ₹757 crore for Lucknow — a combined ₹4,569.99 crore". Each
    stretch between semicolons holds one figure of the total's measure, and the
    last opens with "and"; else none."""
    text = total.document.prose
    s0 = total.claim.sentence.start if total.claim.sentence else 0
    cuts = [m.start() for m in regex.finditer(";", text[: total.claim.span.start])]
    cuts = [c for c in cuts if c >= s0]
    if len(cuts) < 2 or not _LAST_SEMICOLON_ITEM.match(text, cuts[-1]):
        return []
    bounds = [s0, *cuts, total.claim.span.start]
    items: list[ClaimRef] = []
    for lo, hi in itertools.pairwise(bounds):
        inside = [r for r in before if lo <= r.claim.span.start < hi]
        if len(inside) != 1 or not _listed_measure(inside[0].claim, total.claim):
            return []
        items.append(inside[0])
    return items


#: a whole named as its parts: "the population of England and Wales", "exports of
#: Spain, Portugal and Greece" (names joined by commas and a last "and")
_NAMES_JOINED = regex.compile(
    rf"(?<![\w'’])({LISTED_NAME})(?:,[ \t\u00a0]+({LISTED_NAME}))*,?[ \t\u00a0]+"
    rf"(?:and|&)[ \t\u00a0]+({LISTED_NAME})(?![\w'’])"
)


def _names_of_parts(total: ClaimRef) -> list[str]:
    """The names a total's own clause joins with "and" before its figure ("The
    population of England and Wales reached 59,597,300"): the parts it is the
    whole of. Empty when there are none, or when a name repeats."""
    c = total.claim
    text = total.document.prose
    s0 = c.sentence.start if c.sentence else c.span.start
    names: list[str] = []
    for m in _NAMES_JOINED.finditer(text, s0, c.span.start):
        names = [*m.captures(1), *m.captures(2), *m.captures(3)]
    return names if len(set(names)) == len(names) else []


def _each_names_one(total: ClaimRef, parts: list[ClaimRef], names: list[str]) -> bool:
    """Whether the words before each part name exactly one of ``names``, each
    part another: "England accounted for 56,489,800 people and Wales for
    3,017,500"."""
    text = total.document.prose
    start = max(
        total.claim.span.end,
        parts[0].claim.sentence.start if parts[0].claim.sentence else 0,
    )
    named: list[str] = []
    for part in parts:
        gap = text[start : part.claim.span.start]
        here = [
            n for n in names if regex.search(rf"(?<![\w'’]){regex.escape(n)}\b", gap)
        ]
        if len(here) != 1:
            return False
        named.append(here[0])
        start = part.claim.span.end
    return sorted(named) == sorted(names)


def _wholes_named_by_their_parts(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """ "The population of England and Wales reached 59,597,300. England accounted
    for 56,489,800 people and Wales for 3,017,500": a whole whose clause names its
    parts ("A and B"), then a figure for each of them, in the same sentence or the
    next, for the same time. Every part named, none twice: the parts are all of the
    whole."""
    for claims, earlier in _sentences_after(ctx, 1):
        own = [r for r in claims if r.claim.equivalent_of is None]
        wholes = [r for r in (*earlier, *own) if r.claim.equivalent_of is None]
        for total in wholes:
            c = total.claim
            if c.kind == "percent":
                continue
            parts = [
                r
                for r in own
                if r.claim.span.start > c.span.end and _listed_measure(r.claim, c)
            ]
            if len(parts) < 2:
                continue  # (read the names only where there are parts to name)
            names = _names_of_parts(total)
            if len(parts) != len(names) or any(
                p.claim.value >= c.value
                or (
                    p.claim.frame is not None
                    and c.frame is not None
                    and p.claim.frame.time is not None
                    and c.frame.time is not None
                    and p.claim.frame.time != c.frame.time
                )
                for p in parts
            ):
                continue
            if _each_names_one(total, parts, names):
                yield total, parts, "a whole named as its parts, then each part"


def _listed_measure(part: Claim, total: Claim) -> bool:
    """Whether a listed part is in its total's measure: the same kind and unit, or a
    bare scaled number among amounts ("37.72 trillion yen, debt servicing at 27.09
    trillion and ...": the list's unit goes unsaid)."""
    if part.kind == total.kind and part.unit == total.unit:
        return True
    return (
        part.kind == "count"
        and part.unit is None
        and total.kind == "money"
        and part.text.split()[-1].lower() in SCALES
    )


def _sentence_start(ref: ClaimRef) -> int:
    """Where the claim's sentence starts (its own start without one)."""
    c = ref.claim
    return c.sentence.start if c.sentence else c.span.start


def _breakdowns(ctx: AuditContext) -> Iterator[tuple[ClaimRef, list[ClaimRef], str]]:
    """A total followed by its breakdown ("the total cost is N. Of this, ...")."""
    by_doc: dict[int, list[ClaimRef]] = defaultdict(list)
    for ref in ctx.refs:
        by_doc[ref.doc_index].append(ref)
    for refs in by_doc.values():
        for i, total in enumerate(refs):
            c = total.claim
            if c.kind != "money" or c.equivalent_of is not None:
                continue
            text = total.document.prose
            s0 = c.sentence.start if c.sentence else c.span.start
            if not _TOTAL.search(text, max(s0, c.span.start - 50), c.span.start):
                continue
            parts: list[ClaimRef] = []
            for later in refs[i + 1 : i + 6]:
                lc = later.claim
                if _BLANK_LINE.search(text, c.span.end, lc.span.start):
                    break  # a breakdown stays in the total's paragraph
                if lc.equivalent_of is not None:
                    continue
                if lc.kind != c.kind or lc.unit != c.unit:
                    break
                if lc.value >= c.value:
                    break
                if parts and _sentence_start(later) != _sentence_start(parts[0]):
                    break  # a breakdown is one sentence: the next tells of more
                parts.append(later)
            if len(parts) < 2:
                continue
            first = parts[0].claim
            between = text[c.span.end : first.span.start]
            if len(between) > 260 or not (_PARTS.search(between) or ":" in between):
                continue
            yield total, parts, "a total followed by its breakdown"


#: right after a part, that it is stated per item of several: " in each of the next
#: two", " each", " apiece", " a year for five years"
_EACH_OF_SEVERAL = regex.compile(
    r"(?:[ \t\u00a0]+[\w'’-]+){0,2}?[ \t\u00a0]+(?i:in[ \t\u00a0]+each|for[ \t\u00a0]+each"
    r"|each|apiece|per[ \t\u00a0]+year|a[ \t\u00a0]+year[ \t\u00a0]+for)\b"
)


@rule(
    "FC303",
    "sum-of-parts",
    "error",
    "parts do not add up to the stated total",
    scope="document",
)
def sum_of_parts(ctx: AuditContext) -> Iterator[Finding]:
    """Parts do not add up to the total they break down.

    *What it checks.* A part named as a part of a stated whole ("Of the 450
    trillion won, 360 trillion won is earmarked for...") must not exceed it. And a
    total ("the total cost ... Rs 615 crore") followed by its breakdown ("of this, ... Rs 215 crore ... and ... Rs 365 crore", or after a
    colon), or parts listed before their total ("8,574 in Turkey and 2,662 in Syria,
    more than 12,000 in all"). The parts, over every value their precision and qualifiers allow, must
    be able to sum to the total. Only explicit breakdowns are read, and only parts in
    the total's unit. The shares one sentence lists for different owners of one thing
    ("owned by TotalEnergies (62%), UNOC (15%), TPDC (15%) and CNOOC (18%)") or for
    the candidates of one vote cannot add up to more than 100%.

    *Why it matters.* A breakdown that does not add up means one of its figures is
    wrong, and readers add.

    *Example.*

        fires: The total cost is Rs 615 crore. Of this, the lander accounts for Rs 215 crore and the launch for Rs 365 crore.
        silent: The total cost is Rs 615 crore. Of this, the lander accounts for Rs 250 crore and the launch for Rs 365 crore.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    read_totals: set[tuple[int, str]] = set()
    for total, parts, why in _total_and_parts(ctx):
        read_totals.add(total.key)
        if any(
            _EACH_OF_SEVERAL.match(p.document.prose, p.claim.span.end) for p in parts
        ):
            # "R100 billion this year and R25 billion in each of the next two": a
            # part stated per item counts as often as there are items
            continue
        if all(_exact_count(r.claim) for r in (total, *parts)):
            # "250 aircraft: 210 A320neo and 50 A350": a breakdown of plain counts
            # is exact, however round its figures
            ivs = [Interval(p.claim.value, p.claim.value) for p in parts]
        else:
            # "up to 476 billion yen": a part has no end below nothing
            ivs = [
                Interval(0.0, iv.high, iv.unit) if iv.low is None else iv
                for iv in (_as_part(p.claim, total.claim) for p in parts)
            ]
        if any(iv.low is None or iv.high is None for iv in ivs):
            continue
        low = sum(iv.low for iv in ivs if iv.low is not None)
        high = sum(iv.high for iv in ivs if iv.high is not None)
        total_iv = (
            Interval(total.claim.value, total.claim.value, total.claim.unit)
            if all(_exact_count(r.claim) for r in (total, *parts))
            else _stated(total.claim)
        )
        ctx.mark_checked(total, *parts)
        if total_iv.overlaps(Interval(low, high, total.claim.unit)):
            continue
        if why == _RUNNING and (total_iv.high is None or low <= total_iv.high):
            # "$1 billion in March and $2 billion in June, bringing its total to
            # $10 billion": a running total may hold amounts the list leaves out
            continue
        worst = max(parts, key=lambda p: p.claim.qualifier is not None)
        names = " + ".join(p.claim.text for p in parts)
        exact = low == high and total_iv.low == total_iv.high
        summed = (
            f"{low:,.0f}"
            if exact and float(low).is_integer()
            else format_amount(low, total.claim.unit)
            if low == high
            else format_interval(Interval(low, high, total.claim.unit))
        )
        stated = (
            "exactly, as a breakdown of plain counts"
            if exact
            else format_interval(total_iv)
        )
        yield ctx.finding(
            "FC303",
            worst,
            f"{names} is {summed}, not the stated total "
            f"{total.claim.text!r} ({stated})",
            related=[total, *[p for p in parts if p is not worst]],
            details={
                "total": total.claim.value,
                "parts_low": low,
                "parts_high": high,
                "unit": total.claim.unit,
                "parts": len(parts),
            },
            evidence=(why,),
        )
    yield from _parts_above_their_whole(ctx)
    yield from _parts_summing_above_their_whole(ctx)
    yield from _parts_of_them_above_the_whole(ctx)
    yield from _tallies_above_their_whole(ctx)
    yield from _parts_above_a_running_total(ctx, read_totals)
    yield from _parts_above_the_total_before(ctx)
    yield from _included_parts_above_the_whole(ctx)
    yield from _shares_closed_by_the_rest(ctx)
    yield from _owners_shares_above_all(ctx)


#: before a list of owners' or candidates' shares of one whole: "is owned by", "held
#: by", "stakes", "of the vote"
_SHARED_OUT = regex.compile(
    r"(?i:\b(?:owned|held|co-owned|shareholders?|stakes?|ownership|owners?|split"
    r"|divided)\b)"
)
#: how holders of listed shares are read: a name before a bracket, before ", at" or
#: "with", or a listed name with its verb gapped
_LISTED_SHARE_HOLDER = frozenset(["listed"])


def _owners_shares_above_all(ctx: AuditContext) -> Iterator[Finding]:
    """ "The pipeline company is owned by TotalEnergies (62%), UNOC (15%), TPDC (15%)
    and CNOOC (18%)": the shares one sentence lists for different owners of one
    thing (or candidates of one vote) cannot add up to more than all of it, 100%,
    over their rounding. Only when the sentence says the thing is owned or shared
    out, or the shares are of the vote: rates listed by place ("45% in Estonia,
    40% in Latvia") are no parts of one whole."""
    for claims in _sentences(ctx):
        own = [
            r
            for r in claims
            if r.claim.equivalent_of is None
            # "with 98% of ballots counted": how far the count got, no one's share
            and not counts_progress(r.claim, r.document.prose)
        ]
        shares = [r for r in own if _a_share(r.claim)]
        if len(shares) < 2 or len(shares) != len(
            [r for r in own if r.claim.kind == "percent"]
        ):
            continue  # every percentage of the sentence an owner's share
        frames = [r.claim.frame for r in shares]
        if any(f is None or not f.holder_key for f in frames):
            continue
        keys = [f.holder_key for f in frames if f is not None]
        sources = {f.holder_source for f in frames[1:] if f is not None}
        times = {(f.time, f.stage, f.whole) for f in frames if f is not None}
        text = shares[0].document.prose
        s0 = shares[0].claim.sentence.start if shares[0].claim.sentence else 0
        voted = all(f is not None and f.attribute == "votes" for f in frames)
        if (
            len(set(keys)) != len(keys)
            or not sources <= _LISTED_SHARE_HOLDER
            or len(times) != 1
            or not (voted or _SHARED_OUT.search(text, s0, shares[0].claim.span.start))
        ):
            continue
        ivs = [_stated(r.claim) for r in shares]
        if any(iv.low is None or iv.high is None for iv in ivs):
            continue
        low = sum(iv.low for iv in ivs if iv.low is not None)
        high = sum(iv.high for iv in ivs if iv.high is not None)
        ctx.mark_checked(*shares)
        if low <= 100.0:
            continue
        names = " + ".join(r.claim.text for r in shares)
        yield ctx.finding(
            "FC303",
            shares[-1],
            f"{names} is {format_interval(Interval(low, high, '%'))}, more than the "
            "whole (100%) the holders listed can share between them",
            related=shares[:-1],
            details={"parts_low": low, "parts_high": high, "unit": "%"},
            evidence=("shares of one whole listed for different holders",),
        )


#: a sentence that opens on the rest of the holders: "The remaining shareholders",
#: "The rest", "Other investors"
_REST_OPENS = regex.compile(
    r"[ \t\u00a0]*(?i:the[ \t\u00a0]+(?:remaining|other)[ \t\u00a0]+\w+|the[ \t\u00a0]+rest"
    r"|other[ \t\u00a0]+(?:shareholders|investors|owners|holders))\b"
)
#: right before the share that closes a whole: "the remaining ", "the rest, ",
#: "the other "
_THE_REST = regex.compile(
    r"(?i:\bthe[ \t\u00a0]+(?:remaining|rest|other|balance))[ \t\u00a0,]*(?:(?i:of)[ \t\u00a0]+)?$"
)


#: between one holder's share and the rest's in its sentence: " of the concession
#: and the Peruvian miner Volcan the remaining " (one clause, joined by "and")
_ONE_AND_THE_REST = regex.compile(
    r"(?:[ \t\u00a0]+(?i:of)[ \t\u00a0]+[^,.;:()%]{1,40}?)?[ \t\u00a0]*,?[ \t\u00a0]+(?i:and)"
    r"[ \t\u00a0]+[^,.;:()%]{0,60}?(?i:the)[ \t\u00a0]+(?i:remaining|rest|other)"
    r"(?:[ \t\u00a0]+(?i:of[ \t\u00a0]+the|stake[ \t\u00a0]+of))?[ \t\u00a0]*,?[ \t\u00a0]+"
)


def _shares_closed_by_the_rest(ctx: AuditContext) -> Iterator[Finding]:
    """ "Glencore takes 77%, Nippon Steel 20% and Posco the remaining 5%": shares
    listed in one sentence and closed by "the remaining" make up the whole, 100%."""
    for claims, earlier in _sentences_after(ctx, 1):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for i, last in enumerate(own):
            c = last.claim
            text = last.document.prose
            if (
                c.kind != "percent"
                or c.unit != "%"
                or _THE_REST.search(text, max(0, c.span.start - 24), c.span.start)
                is None
            ):
                continue
            parts = [r for r in own[:i] if r.claim.kind == "percent"]
            if not parts and _REST_OPENS.match(
                text, c.sentence.start if c.sentence else c.span.start
            ):
                # "Walmart will own about 77% of Flipkart. The remaining shareholders
                # ... will hold the other 33%": the shares the sentence before lists
                parts = [
                    r
                    for r in earlier
                    if r.claim.kind == "percent" and r.claim.equivalent_of is None
                ]
            if (
                not parts
                or (
                    len(parts) < 2
                    and parts[0].claim.sentence == c.sentence
                    # "Cosco holds 60% of the concession and Volcan the remaining
                    # 30%": one share, then the rest joined to it by "and"
                    and not _ONE_AND_THE_REST.fullmatch(
                        text, parts[0].claim.span.end, c.span.start
                    )
                )
                or not all(_a_share(p.claim) for p in parts)
                or not _a_share(c)
            ):
                continue  # every percentage before it a share of the whole, or none
            ivs = [_stated(p.claim) for p in (*parts, last)]
            if any(iv.low is None or iv.high is None for iv in ivs):
                continue
            low = sum(iv.low for iv in ivs if iv.low is not None)
            high = sum(iv.high for iv in ivs if iv.high is not None)
            ctx.mark_checked(last, *parts)
            if low <= 100.0 <= high:
                continue
            names = " + ".join(p.claim.text for p in (*parts, last))
            yield ctx.finding(
                "FC303",
                last,
                f"{names} is {format_interval(Interval(low, high, '%'))}, not the "
                f"whole (100%) that {c.text!r}, the rest, closes",
                related=parts,
                details={"parts_low": low, "parts_high": high, "unit": "%"},
                evidence=("shares listed, the last one 'the remaining'",),
            )


def _other_named_attribute(part: Claim, whole: Claim) -> bool:
    """Whether two figures' frames name two different attribute classes."""
    a = part.frame.attribute if part.frame else None
    b = whole.frame.attribute if whole.frame else None
    return named_class(a) and named_class(b) and a != b


def _a_share(claim: Claim) -> bool:
    """A percentage that is a holder's share, not a change or a rate's range."""
    frame = claim.frame
    return (
        claim.kind == "percent"
        and claim.unit == "%"
        and claim.qualifier != "range"
        and (frame is None or frame.role not in ("change", "limit", "comparison"))
    )


def _as_part(part: Claim, total: Claim) -> Interval:
    """A part's interval in a breakdown. A breakdown is stated at its total's
    precision: in "£100m up front and £15m in add-ons, a total of £105m" the round
    "£100m" is exact to the million, as the total is, not anywhere from £50m to
    £150m. A qualified part ("about £100m") keeps its own tolerance."""
    stated = _stated(part)
    if (
        part.qualifier == "approx"
        # "about", not "nearly" (a band below the figure)
        and (part.high is None or part.high > part.value)
        and significant_digits(part.value) >= PRECISE_HEDGE_DIGITS
        and part.precision > 0
    ):
        # "an equity value of about $20.9 billion plus $4.7 billion of net debt, for
        # a total of $24.6 billion": a hedged figure printed to its last tenth hedges
        # that tenth, not a twentieth of itself
        return Interval(
            part.value - part.precision, part.value + part.precision, part.unit
        )
    if (
        part.qualifier is not None
        or total.qualifier is not None
        or not 0 <= total.precision < part.precision
    ):
        return stated  # (an exact count has precision 0: its parts are exact too)
    half = total.precision / 2
    return Interval(part.value - half, part.value + half, part.unit)


#: right before a total that amounts so far may only add to: "taking the total to
#: ", "bringing its total to about "
_RUNNING_TOTAL = regex.compile(
    r"(?i:\b(?:taking|bringing|lifting|pushing)[ \t\u00a0]+(?:the|its|their)[ \t\u00a0]+"
    r"(?:[a-z-]+[ \t\u00a0]+)?total[ \t\u00a0]+to)[ \t\u00a0]+"
    r"(?:(?i:more[ \t]+than|over|about|nearly|almost|some|around)[ \t\u00a0]+)?$"
)


_RUNNING = "amounts added up to a total the sentence says they take it to"

#: a sentence that opens on the total stated before it: "Of the total,", "Of this,"
_OF_THE_TOTAL_BEFORE = regex.compile(
    r"[ \t\u00a0]*(?i:of[ \t\u00a0]+(?:the[ \t\u00a0]+total|this|that|it|the[ \t\u00a0]+sum"
    r"|the[ \t\u00a0]+amount"
    # "The death toll rose to 154. Of the dead, 98 were women and 58 were men": a
    # toll's group named without its figure
    r"|(?:the|those)[ \t\u00a0]+(?P<group>dead|killed|victims|injured|infected|cases)"
    r")),"
)


#: right after a figure that is a part of the one before it: " of it", " of which",
#: " of them"
_OF_IT = regex.compile(r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:it|them|that|this|which)\b")


#: between a whole and the first of the parts it is said to include: " for water
#: infrastructure, including ", ", which includes "
_INCLUDING = regex.compile(
    r"(?:[ \t\u00a0]+[\w'’-]+){0,6},?[ \t\u00a0]+(?:(?i:which|that)[ \t\u00a0]+)?"
    r"(?i:including|includes|included|include)[ \t\u00a0]+"
    r"(?:(?i:about|around|roughly|some|nearly|almost|up[ \t]+to)[ \t\u00a0]+)?"
)


def _included_parts_above_the_whole(ctx: AuditContext) -> Iterator[Finding]:
    """ "$55 billion for water infrastructure, including $15 billion for replacing
    lead pipes and $45 billion for other projects": the parts a figure is said to
    include, listed after it in its sentence, need not be all of it but cannot add
    up to more."""
    for claims in _sentences(ctx):
        own = _own_figures(claims)
        for i, whole in enumerate(own[:-2]):
            text = whole.document.prose
            if (
                _INCLUDING.fullmatch(
                    text, whole.claim.span.end, own[i + 1].claim.span.start
                )
                is None
            ):
                continue
            parts = _listed_parts(own, i + 1, whole.claim, closed=False)
            if parts is None:
                continue
            yield from _above_the_whole(
                ctx,
                whole,
                parts,
                [_as_part(p.claim, whole.claim) for p in parts],
                said="above {whole}, which the sentence says includes them",
                why="parts a figure is said to include",
            )


def _parts_above_the_total_before(ctx: AuditContext) -> Iterator[Finding]:
    """ "Sales reached 232.3 billion kroner. Of the total, 215.1 billion came from
    diabetes and obesity care and 21.7 billion from rare diseases": parts of the
    one figure of their measure the sentence before states; they need not list all
    of it, but cannot add up to more."""
    for claims, earlier in _sentences_after(ctx, 1):
        first = claims[0].claim
        text = claims[0].document.prose
        s0 = first.sentence.start if first.sentence else first.span.start
        opening = _OF_THE_TOTAL_BEFORE.match(text, s0)
        if opening is None or not earlier:
            continue
        wholes = [
            r
            for r in earlier
            if r.claim.equivalent_of is None
            and _listed_measure(claims[0].claim, r.claim)
        ]
        group = lexicon().attribute_of.get((opening.group("group") or "").lower())
        if len(wholes) > 1 and group is not None:
            # "The death toll ... had reached 2,025, with more than 7,300 people
            # injured. Of the dead, ...": the figure of the group it names
            wholes = [
                r
                for r in wholes
                if r.claim.frame is not None and r.claim.frame.attribute == group
            ]
        if len(wholes) != 1:
            continue
        whole = wholes[0]
        parts = [
            r
            for r in claims
            if r.claim.equivalent_of is None
            and _listed_measure(r.claim, whole.claim)
            and r.claim.value < whole.claim.value
            and (r.claim.frame is None or r.claim.frame.role in ("level", "part"))
            # "Of the dead, 98 were women and 58 were men, and 149 people were
            # injured": a figure of another attribute is no part of the toll
            and not _other_named_attribute(r.claim, whole.claim)
        ]
        # "622 km is submarine cable and 143 km is land cable: 68 km in England and
        # 75 km in Denmark": a colon after a part opens that part's own breakdown
        parts = [
            r
            for r in parts
            if ":" not in text[parts[0].claim.span.end : r.claim.span.start]
            # "16 billion euros will go to the Greek state, 13 billion of it by Aug.
            # 20": a part of the part before it
            and not _OF_IT.match(text, r.claim.span.end)
        ]
        yield from _above_the_whole(
            ctx,
            whole,
            parts,
            [_as_part(p.claim, whole.claim) for p in parts],
            said="above the total {whole} the sentence before states",
            why="'Of the total, ...': parts of the total the sentence before states",
        )


def _parts_above_a_running_total(
    ctx: AuditContext, read: set[tuple[int, str]]
) -> Iterator[Finding]:
    """ "spent Rs 467.95 crore on 72 players on Sunday and Rs 181.2 crore on 110
    players on Monday, taking the total to Rs 639.15 crore": the amounts a sentence
    adds before the total it takes them to. The total may hold amounts the sentence
    leaves out (a tally since 2015), so only amounts that add up to more than it are
    wrong. Totals the strict readers of a closed list took are theirs."""
    for claims in _sentences(ctx):
        own = [
            r
            for r in claims
            if r.claim.equivalent_of is None
            and (
                r.claim.frame is None
                or r.claim.frame.role in ("level", "part")
                # "and a further ¥48 billion for ..., bringing the total to": an
                # amount added, not a change that reached a stated level
                or (r.claim.frame.role == "change" and r.claim.frame.level is None)
            )
        ]
        for i, total in enumerate(own):
            c = total.claim
            text = total.document.prose
            s0 = c.sentence.start if c.sentence else 0
            if (
                (c.frame is not None and c.frame.role == "change")
                or total.key in read
                or not _RUNNING_TOTAL.search(
                    text, max(s0, c.span.start - 60), c.span.start
                )
            ):
                continue
            parts = [
                r
                for r in own[:i]
                if _listed_measure(r.claim, c) and r.claim.value < c.value
            ]
            yield from _above_the_whole(
                ctx,
                total,
                parts,
                [_as_part(p.claim, c) for p in parts],
                said="more than the total {whole} they are said to take it to",
                why=_RUNNING,
                on_whole=True,
            )


def _parts_summing_above_their_whole(ctx: AuditContext) -> Iterator[Finding]:
    """ "Of the 1,175 injured, 793 have been discharged and 482 remain in hospital":
    parts one sentence names of a stated whole need not list all of it, but
    together they can never exceed it (each part alone is
    :func:`_parts_above_their_whole`'s)."""
    parts_of: dict[tuple[int, str, int], list[ClaimRef]] = defaultdict(list)
    for part in ctx.refs:
        c, frame = part.claim, part.claim.frame
        if (
            frame is None
            or frame.role != "part"
            or not frame.whole
            or c.equivalent_of is not None
            or c.sentence is None
            # "while 130 remain under treatment, 16 of them in unstable condition":
            # a part of the part before it
            or _OF_IT.match(part.document.prose, c.span.end)
        ):
            continue
        parts_of[(part.doc_index, frame.whole, c.sentence.start)].append(part)
    for (doc, whole_id, _), parts in parts_of.items():
        whole = ctx.by_key.get((doc, whole_id))
        if (
            whole is None
            or len(parts) < 2
            or any(p.claim.unit != whole.claim.unit for p in parts)
            or any(p.claim.kind != whole.claim.kind for p in parts)
        ):
            continue
        noun = whole.claim.noun
        if any(
            p.claim.noun not in (None, noun) and p.claim.noun.endswith("s")
            for p in parts
        ):
            # "Of the 24,06,079 candidates, 23,33,297 sat the exam at 4,750
            # centres": a figure counting another noun is no part
            continue
        ordered = [r.key for r in ctx.refs if r.doc_index == doc]
        at = [ordered.index(p.key) for p in parts]
        if at != list(range(at[0], at[0] + len(at))):
            # the parts are a list: no other figure between them ("23,33,297 sat
            # ..., and 13,16,268 qualified" after a figure of its own is a funnel,
            # each stage inside the one before, not a breakdown)
            continue
        yield from _above_the_whole(
            ctx,
            whole,
            parts,
            [_stated(p.claim) for p in parts],
            said="above the whole {whole} they are parts of",
            why=f"'Of {whole.claim.text}, ...': parts of a named whole",
        )


#: between a whole and the first of its parts, set off after it: " injured people
#: had been evacuated from the area so far, "
_THEN_OF_THEM = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,10}[ \t\u00a0]*,[ \t\u00a0]+"
    r"(?:(?i:about|around|roughly|some|nearly|almost|at[ \t]+least|more[ \t]+than)"
    r"[ \t\u00a0]+)?$"
)


#: between two parts of such a list: " of them to hospitals in Kerman and ", ", "
_NEXT_OF_THEM = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,8}[ \t\u00a0]*(?:,[ \t\u00a0]+(?:(?i:and)[ \t\u00a0]+)?"
    r"|[ \t\u00a0]+(?i:and)[ \t\u00a0]+)"
    r"(?:(?i:about|around|roughly|some|nearly|almost|another|a[ \t]+further)[ \t\u00a0]+)?$"
)


def _parts_of_them_above_the_whole(ctx: AuditContext) -> Iterator[Finding]:
    """ "12,000 injured people had been evacuated, 8,000 of them to hospitals in
    Kerman and 6,500 to Tehran": parts listed after a whole, the first marked "of
    them", need not list all of it but cannot add up to more. A later item that
    counts another noun ("..., and 6,500 homes were destroyed") ends the list; a
    first part above the whole says "them" is another group ("12,000 people left
    40 villages, 8,000 of them ..."), and nothing is read."""
    for claims in _sentences(ctx):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for i in range(len(own) - 2):
            whole, first = own[i], own[i + 1]
            text = first.document.prose
            if (
                whole.claim.kind != "count"
                or first.claim.kind != "count"
                or not _OF_IT.match(text, first.claim.span.end)
                or not _THEN_OF_THEM.match(_between(whole, first))
            ):
                continue
            if first.claim.value > whole.claim.value:
                continue  # a first part above the whole: "them" is another group
            parts = [first]
            for item in own[i + 2 :]:
                c = item.claim
                if (
                    c.kind != "count"
                    or c.unit is not None
                    or c.noun not in (None, whole.claim.noun)
                    or not _NEXT_OF_THEM.match(_between(parts[-1], item))
                ):
                    break
                parts.append(item)
            yield from _above_the_whole(
                ctx,
                whole,
                parts,
                [_stated(p.claim) for p in parts],
                said="above the whole {whole} they are parts of",
                why="a whole, then parts of it listed after it ('N of them ...')",
            )


#: between a first holder's tally and the whole it is of: "308 of the 480"
_OF_THE_WHOLE = regex.compile(r"^[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")
#: who holds the next tally of a list: a name, or the rest of the whole
_TALLY_HOLDER = (
    rf"(?:(?:(?i:the)[ \t\u00a0]+)?(?:{LISTED_NAME}"
    r"|(?i:others|independents|the[ \t\u00a0]+rest|smaller[ \t\u00a0]+parties))"
    # "the ruling alliance won 293, the opposition bloc 234": a side named by its
    # noun
    r"|(?i:the)[ \t\u00a0]+[a-z][\w'’-]*(?:[ \t\u00a0]+[a-z][\w'’-]*)?)"
)
#: between two holders' tallies of one list, the tally's noun maybe repeated:
#: " seats, the Communists ", ", while the LDP took ", " and others "
_NEXT_TALLY = regex.compile(
    r"^(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]*(?:,[ \t\u00a0]+(?:(?i:and|while|with)[ \t\u00a0]+)?"
    r"|[ \t\u00a0]+(?i:and)[ \t\u00a0]+)"
    rf"{_TALLY_HOLDER}"
    r"(?:[ \t\u00a0]+(?i:took|won|got|gained|secured|had|captured|on|with))?[ \t\u00a0]*$"
)
#: between a whole and the first tally listed after it: what the whole is of, then
#: the list's opening ("seats in the lower house, while the LDP took ")
_FIRST_TALLY = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,6}[ \t\u00a0]*,[ \t\u00a0]+"
    r"(?:(?i:and|while|with)[ \t\u00a0]+)?"
    rf"{_TALLY_HOLDER}"
    r"(?:[ \t\u00a0]+(?i:took|won|got|gained|secured|had|captured|on|with))?[ \t\u00a0]*$"
)
#: a count hyphened to the noun it sizes: "the 450-seat Duma", "a 120-member board"
_SIZED_WHOLE = regex.compile(r"-(?P<noun>[a-z]+)[ \t\u00a0]")


def _noun_stem(noun: str | None) -> str | None:
    return None if noun is None else noun.lower().removesuffix("s")


def _a_tally(ref: ClaimRef, stem: str) -> bool:
    """Whether a count is a holder's tally of the whole's noun (or leaves it
    unsaid), as a level: not a change, not another noun."""
    c, frame = ref.claim, ref.claim.frame
    return (
        c.unit is None
        and _noun_stem(c.noun) in (None, stem)
        and (frame is None or frame.role in ("level", "part"))
    )


def _tallies_above_their_whole(ctx: AuditContext) -> Iterator[Finding]:
    """ "The DPJ won 308 of the 480 seats, while the LDP took 119, New Komeito 21
    and others 42"; "In the 450-seat Duma, United Russia won 315 seats, the
    Communists 57 ...": the tallies one sentence lists for the holders of one whole
    (a chamber's seats, a board's members) need not list all of it, but together
    can never exceed it. The list runs while each tally counts the whole's noun (or
    leaves it unsaid) as a level, each after its holder's name; anything else (a
    change, "up from 115", another noun, a clause between) ends it."""
    for claims in _sentences(ctx):
        own = [
            r
            for r in claims
            if r.claim.equivalent_of is None and r.claim.kind == "count"
        ]
        for i, whole in enumerate(own):
            c = whole.claim
            text = whole.document.prose
            stem = _noun_stem(c.noun)
            if stem is None or c.unit is not None:
                continue
            sized = _SIZED_WHOLE.match(text, c.span.end)
            if i > 0 and _OF_THE_WHOLE.match(_between(own[i - 1], whole)):
                # "308 of the 480 seats, while the LDP took 119"
                first, rest, gap = own[i - 1], own[i + 1 :], _FIRST_TALLY
            elif (
                sized is not None
                # "the 543-seat house": the count sizes the noun after its hyphen
                and stem.split()[0] == sized.group("noun").removesuffix("s")
                and i + 1 < len(own)
                and (
                    _noun_stem(own[i + 1].claim.noun) == (stem := stem.split()[0])
                    # "In the 543-seat house, the ruling alliance won 293": the
                    # first tally's noun unsaid, after its holder and verb
                    or (
                        own[i + 1].claim.noun is None
                        and _FIRST_TALLY.match(
                            text[sized.end() - 1 : own[i + 1].claim.span.start]
                        )
                    )
                )
            ):
                # "the 450-seat Duma, United Russia won 315 seats, the Communists 57"
                first, rest, gap = own[i + 1], own[i + 2 :], _NEXT_TALLY
            else:
                continue
            if not _a_tally(first, stem):
                continue
            parts = [first]
            for item in rest:
                before = whole if gap is _FIRST_TALLY else parts[-1]
                if not _a_tally(item, stem) or not gap.match(_between(before, item)):
                    break
                parts.append(item)
                gap = _NEXT_TALLY
            yield from _above_the_whole(
                ctx,
                whole,
                parts,
                [_stated(p.claim) for p in parts],
                said="above the whole {whole} they are tallies of",
                why="holders' tallies listed from one whole ('N of the M seats, ...')",
            )


def _above_the_whole(
    ctx: AuditContext,
    whole: ClaimRef,
    parts: list[ClaimRef],
    ivs: list[Interval],
    *,
    said: str,
    why: str,
    on_whole: bool = False,
) -> Iterator[Finding]:
    """FC303 on parts (two or more, their intervals ``ivs``) that need not list all
    of a whole but add up to more than it; ``said`` names the whole as
    ``{whole}``. The finding stands on the last part, or on the whole."""
    w = _stated(whole.claim)
    if len(parts) < 2 or w.high is None or any(iv.low is None for iv in ivs):
        return
    low = sum(iv.low for iv in ivs if iv.low is not None)
    ctx.mark_checked(whole, *parts)
    if low <= w.high:
        return
    names = " + ".join(p.claim.text for p in parts)
    unit = whole.claim.unit
    yield ctx.finding(
        "FC303",
        whole if on_whole else parts[-1],
        f"{names} is at least {format_amount(low, unit)}, "
        + said.format(whole=repr(whole.claim.text))
        + f" ({format_interval(w)})",
        related=parts if on_whole else [whole, *parts[:-1]],
        details={
            "whole_high": w.high,
            "parts_low": low,
            "unit": unit,
            "parts": len(parts),
        },
        evidence=(why,),
    )


def _parts_above_their_whole(ctx: AuditContext) -> Iterator[Finding]:
    """A part its frame names the whole of ("Of the 450 trillion won, 360
    trillion...") can never exceed that whole."""
    for part in ctx.refs:
        frame = part.claim.frame
        if frame is None or frame.role != "part" or not frame.whole:
            continue
        whole = ctx.by_key.get((part.doc_index, frame.whole))
        if whole is None or whole.claim.unit != part.claim.unit:
            continue
        p, w = _stated(part.claim), _stated(whole.claim)
        if p.low is None or w.high is None:
            continue
        ctx.mark_checked(part, whole)
        if p.low <= w.high:
            continue
        yield ctx.finding(
            "FC303",
            part,
            f"{part.claim.text!r} is stated as a part of {whole.claim.text!r}, but "
            f"it allows at least {format_amount(p.low, part.claim.unit)}, above the "
            f"whole's {format_interval(w)}",
            related=[whole],
            details={
                "part_low": p.low,
                "whole_high": w.high,
                "unit": part.claim.unit,
            },
            evidence=(f"'Of {whole.claim.text}, ...': a part of a named whole",),
        )
