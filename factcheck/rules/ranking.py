"""Rankings a document states: a list of things "bigger than X", each with its
figure, against the figure the document gives X itself."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import regex

from factcheck.align import ClaimRef, main_names
from factcheck.align.context import MONTHS
from factcheck.align.decide import measure_of
from factcheck.align.frames import OF_WHOLE
from factcheck.align.lexicon import lexicon
from factcheck.align.phrases import holder_key
from factcheck.model import Finding
from factcheck.normalize import format_interval
from factcheck.rules.context import AuditContext, allowed_interval
from factcheck.rules.registry import rule

#: "only five fires are bigger than the Park Fire:", "costlier than Apollo:"; the
#: comparative says which way the listed figures must lie from the compared one's
_RANKED = regex.compile(
    r"\b(?P<way>bigger|larger|greater|higher|more|longer|taller|deadlier|costlier"
    r"|heavier|smaller|lower|fewer|less|shorter|cheaper|lighter)\s+than\s+"
    r"(?P<target>[^:;.()\d]{2,60}?)\s*:",
    regex.IGNORECASE,
)
_BELOW = frozenset(
    ["smaller", "lower", "fewer", "less", "shorter", "cheaper", "lighter"]
)


@rule(
    "FC306",
    "ranking-order",
    "warning",
    "a figure listed as bigger (or smaller) than X is not, by X's own figure",
    scope="document",
)
def ranking_order(ctx: AuditContext) -> Iterator[Finding]:
    """A thing listed as bigger than X carries a figure below the one the document
    gives X (or, for "smaller than", above it).

    *What it checks.* A sentence that lists things ranked against one named thing
    ("only five California fires are bigger than the Park Fire: the Creek Fire
    (379,895 acres), ..."), each listed figure against the figures the same document
    gives the compared thing in the same measure (its holder names it; a figure with
    no holder counts when the compared thing is among the document's main names).
    Every value a listed figure allows must lie on the stated side of every value
    the compared thing's figures allow, over their precision and qualifiers; with
    two figures for it (a fire that grew), the one nearest the list is used. Also
    a figure ranked first by a superlative against those it is said to be ahead of,
    and a figure said to lie below ("just shy of", "short of") or above
    ("surpassing", "more than") the next figure of its measure in its sentence with
    no margin between ("At $25.6 billion, the offering comes in just shy of the
    record $25 billion"); a list's last item, a figure hyphened to its noun, and a
    figure joined by "and" to another comparison are not read so.

    *Why it matters.* A ranking is a claim about order; a list copied from an older
    table, or a figure with a slipped digit, puts a thing on the wrong side, and the
    rank the story states ("the fifth-largest") is then wrong too.

    *Example.* 62,000 acres is not more than 64,000 acres.

        fires: The Oak Fire covered 64,000 acres. Only two fires were larger than the Oak Fire: the Dixon Fire (81,000 acres) and the Cedar Fire (62,000 acres).
        silent: The Oak Fire covered 64,000 acres. Only two fires were larger than the Oak Fire: the Dixon Fire (81,000 acres) and the Cedar Fire (66,000 acres).

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    by_doc: dict[int, list[ClaimRef]] = {}
    for ref in ctx.refs:
        by_doc.setdefault(ref.doc_index, []).append(ref)
    lex = lexicon()
    for doc_index, refs in sorted(by_doc.items()):
        yield from _superlative_rankings(ctx, refs)
        yield from _direct_comparisons(ctx, refs)
        prose = ctx.extractions[doc_index].document.prose
        topics: frozenset[str] | None = None
        for m in _RANKED.finditer(prose):
            listed = [
                r
                for r in refs
                if r.claim.sentence is not None
                and r.claim.sentence.start <= m.start() < r.claim.sentence.end
                and r.claim.span.start > m.end()
                and r.claim.frame is not None
                and r.claim.frame.holder_source == "listed"
                and r.claim.kind in ("money", "quantity", "count")
            ]
            if not listed:
                continue
            target = set(holder_key(m.group("target").split(), lex))
            if not target:
                continue
            if topics is None:
                topics = main_names(prose)
            sentence = listed[0].claim.sentence
            compared = [
                r
                for r in refs
                if r.claim.sentence != sentence
                and r.claim.equivalent_of is None
                and r.claim.frame is not None
                and r.claim.frame.role == "level"
                and measure_of(r.claim) == measure_of(listed[0].claim)
                and (
                    target <= set(r.claim.frame.holder_key)
                    or (
                        not r.claim.frame.holder_key
                        and bool(target & topics)
                        and not _names_another(r, target)
                    )
                )
            ]
            if not compared:
                continue
            # the figure nearest the list: a running figure may have grown
            nearest = min(compared, key=lambda r: abs(r.claim.span.start - m.start()))
            below = m.group("way").lower() in _BELOW
            for item in listed:
                why = _out_of_order(ctx, item, nearest, below=below)
                if why is None:
                    continue
                holder = item.claim.frame.holder if item.claim.frame else None
                yield ctx.finding(
                    "FC306",
                    item,
                    f"{item.claim.text!r} ({holder}) is listed as "
                    f"{m.group('way').lower()} than {m.group('target').strip()}, "
                    f"whose figure in this document is {nearest.claim.text!r}: {why}",
                    related=[nearest],
                    evidence=(
                        f"listed after {m.group().strip()!r}",
                        f"{nearest.claim.text!r} is {m.group('target').strip()}'s: "
                        + (
                            "its holder"
                            if nearest.claim.frame and nearest.claim.frame.holder_key
                            else "no other name in its sentence, and the story's"
                            " subject"
                        ),
                    ),
                )


#: a superlative that ranks a figure first ("the region's largest lender by assets
#: at £84bn", "the most populous of the three districts with 212,000", "leads the
#: scoring chart with 14 goals", "the lowest pass rate in the county at 61%")
_SUPERLATIVE = regex.compile(
    r"\b(?P<sup>largest|biggest|highest|greatest|longest|tallest|heaviest|deadliest"
    r"|costliest|most(?:[ \t]+[a-z-]+)?|leads|leading|top|fastest|quickest|lowest"
    r"|smallest|fewest|least"
    r"|shortest|cheapest|lightest|slowest)\b",
    regex.IGNORECASE,
)
#: superlatives that put the first figure below the others
_FIRST_BELOW = frozenset(
    ["lowest", "smallest", "fewest", "least", "shortest", "cheapest", "lightest"]
)
#: superlatives of pace: for a time, the first is the smallest
_PACE = frozenset(["fastest", "quickest"])
#: between the ranked figure and the first it is ranked against: ", ahead of ",
#: ", followed by ", ", compared with ", ", beating team-mate Pieter Swart's "
_RANKED_AGAINST = regex.compile(
    r"^[^;:.()\d]{0,60}?,[ \t\u00a0]+(?i:ahead[ \t]+of|followed[ \t]+by|compared[ \t]+with"
    r"|compared[ \t]+to|beating|outpacing|against)\b[^;:.()\d]{0,60}$"
)
#: between two figures ranked against the first: " and Castleford Bank with ",
#: ", and rival Luca Ferri's "
_NEXT_RANKED = regex.compile(r"^[^;:.()\d]{0,60}$")


#: a superlative over a span of time ("the highest since 2019", "the lowest in 15
#: years", "the biggest on record"): the figures beside it may be of other times
_SINCE = regex.compile(
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}?[ \t\u00a0]+(?i:since|in[ \t]+(?:\d+|a|two|three|four"
    r"|five|six|seven|eight|nine|ten|several|many)[ \t]+(?:years|decades|months|weeks)"
    r"|on[ \t]+record|ever)\b"
)


def _other_time(top: ClaimRef, other: ClaimRef) -> bool:
    """Whether a figure ranked against the first is of another time ("61%,
    compared with 64% a year earlier"): then it is no rival of the same table."""
    ft, fo = top.claim.frame, other.claim.frame
    if ft is None or fo is None:
        return False
    return bool(fo.time or fo.stage) and (fo.time, fo.stage) != (ft.time, ft.stage)


def _sentences(refs: list[ClaimRef]) -> Iterator[list[ClaimRef]]:
    """The figures of each sentence, in order, without stated equivalents."""
    by_sentence: dict[int, list[ClaimRef]] = {}
    for r in refs:
        if r.claim.sentence is not None and r.claim.equivalent_of is None:
            by_sentence.setdefault(r.claim.sentence.start, []).append(r)
    yield from by_sentence.values()


#: between a figure and the one it is said to lie below or above, with no margin:
#: "At $25.6 billion, the offering comes in just shy of the record $25 billion",
#: "3.1 million, surpassing the 2.9 million of 2019"; the comparison, then at most a
#: few words naming the other figure
_DIRECTLY_COMPARED = regex.compile(
    r"(?:(?![;:.()]|,[ \t\u00a0]+(?i:but|while|which|who|after|before|when)\b"
    # "$17.9bn more than the $4.2bn forecast in May and larger than the $19.7bn":
    # a figure joined to another comparison is not the one compared
    r"|\b(?i:and|or)\b)"
    r"[^\d])"
    r"{0,50}?\b(?:(?P<below>(?i:short[ \t]+of|shy[ \t]+of|below|less[ \t]+than"
    r"|lower[ \t]+than|smaller[ \t]+than|fewer[ \t]+than))"
    r"|(?P<above>(?i:surpassing|surpassed|exceeding|exceeded|topping|topped"
    r"|overtaking|overtook|overtakes|outstripping|outstripped"
    r"|eclipsing|eclipsed|above|bigger[ \t]+than|larger[ \t]+than|higher[ \t]+than"
    r"|greater[ \t]+than|more[ \t]+than)))"
    r"[ \t\u00a0]+(?:(?i:the|its|their|a)[ \t\u00a0]+)?"
    r"(?:(?!(?i:double|twice|triple|treble|times|half|third|quarter|and|or|but)\b)"
    r"[\w'’-]+[ \t\u00a0]+){0,3}"
    # "surpassed the floods of 1988, when 171 people died": the other figure in the
    # clause that dates what it is compared with
    r"(?:(?:19|20)\d\d,[ \t\u00a0]+(?i:when)[ \t\u00a0]+)?$"
)
#: what a time compared by "below" or "above" may mean in a race (a pace, a place)
_DURATION_UNITS = frozenset(
    ["second", "minute", "hour", "day", "week", "month", "year"]
)


def _direct_comparisons(ctx: AuditContext, refs: list[ClaimRef]) -> Iterator[Finding]:
    """A figure said to lie below ("just shy of", "below") or above ("surpassing",
    "more than") the next figure of its sentence, of its measure and time, with no
    margin between: "At $25.6 billion, the offering comes in just shy of the record
    $25 billion" (25.6 is not below 25)."""
    for claims in _sentences(refs):
        prose = claims[0].document.prose
        for before, second in itertools.pairwise(claims):
            m = _DIRECTLY_COMPARED.match(
                prose, before.claim.span.end, second.claim.span.start
            )
            if m is None:
                continue
            # "around 83 of the 128 Senate seats, short of the 86 needed": what is
            # compared is the part counted in the whole
            first = _part_of(claims, before) or before
            if (
                measure_of(first.claim) != measure_of(second.claim)
                or first.claim.unit in _DURATION_UNITS
                or first.claim.qualifier not in (None, "approx")
                or second.claim.qualifier not in (None, "approx")
                or _not_a_level(first, "level")
                or _not_a_level(second, "level", "comparison")
                # "in a 122-seat House, ... fall short of the 62": a figure hyphened
                # to a noun sizes it
                or prose[first.claim.span.end : first.claim.span.end + 1] == "-"
                or _last_of_a_list(claims, first)
                # "an attendance of 1,978,274 for the 64 matches, ..., well above the
                # 1,353,506": a count inside a phrase about another figure is not
                # what the comparison sizes
                or (
                    first.claim.noun is not None
                    and _IN_A_PHRASE.search(
                        prose,
                        max(0, first.claim.span.start - 16),
                        first.claim.span.start,
                    )
                    is not None
                )
            ):
                continue
            below = m.group("below") is not None
            if _is_a_margin(first, m.start("below" if below else "above")):
                continue
            why = _out_of_order(ctx, first, second, below=below)
            if why is None:
                continue
            word = " ".join((m.group("below") or m.group("above")).split())
            yield ctx.finding(
                "FC306",
                first,
                f"{first.claim.text!r} is said to be {'below' if below else 'above'} "
                f"{second.claim.text!r} ({word!r}): {why}",
                related=[second],
                evidence=(
                    f"{first.claim.text!r} and {second.claim.text!r} are compared by "
                    f"{word!r} in one sentence",
                ),
            )


#: right before a count in a phrase that qualifies another figure: "for the ",
#: "over the ", "across all "
_IN_A_PHRASE = regex.compile(
    r"\b(?i:for|over|across|in)[ \t\u00a0]+(?i:the|its|their|all)[ \t\u00a0]+\Z"
)
#: between a figure and the comparison it sizes: nothing but a rate's "a share" and
#: a degree word ("153p a share above the 455p", "10 seats short of the 86 needed")
_MARGIN_GAP = regex.compile(
    r"[ \t\u00a0]+(?:(?:a|an|per|each)[ \t\u00a0]+[a-z]+[ \t\u00a0]+)?"
    r"(?:(?:just|only|well|far|slightly|some|still)[ \t\u00a0]+)?"
)


def _is_a_margin(ref: ClaimRef, word_at: int) -> bool:
    """Whether a figure right before "above", "more than", "short of" is the size
    of the difference, not a level: "The winning bid is 153p a share above the
    455p Tata offered" (608p is the bid), against "608p, above the 455p" or "608p
    was above the 455p". Its own noun may stand between ("10 seats short of")."""
    prose = ref.document.prose
    end = ref.claim.span.end
    noun = ref.claim.noun
    if noun and prose.startswith(f" {noun}", end):
        end += len(noun) + 1
    return _MARGIN_GAP.fullmatch(prose, end, word_at) is not None


def _part_of(claims: list[ClaimRef], whole: ClaimRef) -> ClaimRef | None:
    """The figure right before ``whole`` that is counted in it ("83 of the 128"),
    when ``whole`` is framed as a whole (by the frames' own ``OF_WHOLE``); else
    None."""
    i = claims.index(whole)
    frame = whole.claim.frame
    if i == 0 or frame is None or frame.role != "whole":
        return None
    part = claims[i - 1]
    gap = OF_WHOLE.fullmatch(
        part.document.prose, part.claim.span.end, whole.claim.span.start
    )
    return part if gap is not None else None


def _not_a_level(ref: ClaimRef, *roles: str) -> bool:
    """Whether a figure's frame gives it a role other than ``roles`` (a change, a
    share, a whole it is counted in)."""
    frame = ref.claim.frame
    return frame is not None and frame.role not in roles


#: between two items of a list: " against and ", ", "
_LIST_JOINT = regex.compile(
    r"(?:[ \t\u00a0]+[a-z]+){0,3}(?:,|[ \t\u00a0]+and)[ \t\u00a0]+"
)


def _last_of_a_list(claims: list[ClaimRef], ref: ClaimRef) -> bool:
    """Whether a figure closes a list of figures of its measure ("567 votes in
    favour, 96 against and 20 abstentions, comfortably above"): what follows is
    said of the list, not of its last item."""
    i = claims.index(ref)
    if i == 0:
        return False
    prev = claims[i - 1]
    return (
        measure_of(prev.claim) == measure_of(ref.claim)
        and _LIST_JOINT.fullmatch(
            prev.document.prose, prev.claim.span.end, ref.claim.span.start
        )
        is not None
    )


def _superlative_rankings(ctx: AuditContext, refs: list[ClaimRef]) -> Iterator[Finding]:
    """A figure ranked first by a superlative, then the figures it is said to be
    ahead of in the same sentence: "Harlow Bank is the region's largest lender at
    £84bn, ahead of Merrow with £79bn and Castleford with £91bn" (91 is not
    below 84)."""
    for claims in _sentences(refs):
        prose = claims[0].document.prose
        s0 = claims[0].claim.sentence.start if claims[0].claim.sentence else 0
        for i, top in enumerate(claims[:-1]):
            first = claims[i + 1].claim.span.start
            if not _RANKED_AGAINST.match(prose[top.claim.span.end : first]):
                continue
            # the superlative before the figure, or after it ("With 14 goals, Ramos
            # leads the chart, ahead of")
            sups = list(_SUPERLATIVE.finditer(prose, s0, first))
            if not sups:
                continue
            others = [claims[i + 1]]
            for later in claims[i + 2 :]:
                if not _NEXT_RANKED.match(
                    prose[others[-1].claim.span.end : later.claim.span.start]
                ):
                    break
                others.append(later)
            if _SINCE.match(prose, sups[-1].end()):
                continue  # "the highest since 2019": the others may be older
            word = " ".join(sups[-1].group("sup").lower().split())
            pace = word in _PACE and top.claim.unit in ("second", "minute", "hour")
            below = word.split()[0] not in _FIRST_BELOW and not pace
            for other in others:
                if measure_of(other.claim) != measure_of(top.claim) or _other_time(
                    top, other
                ):
                    continue
                # the others must lie below the first (``below``), or above it
                why = _out_of_order(ctx, other, top, below=below)
                if why is None:
                    continue
                yield ctx.finding(
                    "FC306",
                    other,
                    f"{other.claim.text!r} is listed behind {top.claim.text!r}, "
                    f"which the sentence ranks first ({sups[-1].group()!r}): {why}",
                    related=[top],
                    evidence=(
                        f"{top.claim.text!r} follows {sups[-1].group()!r}; "
                        f"{other.claim.text!r} is among the figures it is ahead of",
                    ),
                )


#: a capitalized word inside a sentence: a name, unless a weekday or month
_NAME = regex.compile(r"(?<=\S\s+)[A-Z][\w-]+")
_CALENDAR = MONTHS | frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def _names_another(ref: ClaimRef, target: set[str]) -> bool:
    """Whether a figure's sentence names something other than the compared thing
    (the figure with no holder may then be that other thing's): "bigger than the
    land area of Los Angeles, 470 square miles"."""
    sentence = ref.claim.sentence_text
    for m in _NAME.finditer(sentence):
        word = m.group().lower()
        if word in _CALENDAR:
            continue
        if not set(holder_key([m.group()], lexicon())) <= target:
            return True
    return False


def _out_of_order(
    ctx: AuditContext, item: ClaimRef, compared: ClaimRef, *, below: bool
) -> str | None:
    """Why ``item`` cannot lie on its stated side of ``compared``, or None."""
    ia = allowed_interval(item.claim)
    ib = allowed_interval(compared.claim)
    if ia.unit != ib.unit:
        conv = ctx.convert(
            ib,
            ia.unit or "",
            kind=compared.claim.kind,
            value=compared.claim.value,
            day=compared.document.published,
        )
        if conv is None:
            return None
        ib = conv.result
    ctx.mark_checked(item, compared)
    if below:
        wrong = ia.low is not None and ib.high is not None and ia.low >= ib.high
    else:
        wrong = ia.high is not None and ib.low is not None and ia.high <= ib.low
    if not wrong:
        return None
    side = "less" if below else "more"
    return f"{format_interval(ia)} is not {side} than {format_interval(ib)}"
