"""FC3xx: arithmetic stated in one sentence or passage that does not compute
(shares, changes, multiples; sums and parts of a whole are in
:mod:`factcheck.rules.parts`, the order of a ranking in :mod:`factcheck.rules.ranking`).

The rules read claims of one document in the order they stand, with the short
words between them ("to", "from", "of", "or"); intervals carry stated precision, so
rounding never fires a rule.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Sequence

import attrs
import regex

from factcheck.align import ClaimRef
from factcheck.align.context import stem
from factcheck.align.frames import OF_WHOM, dimension, named_class
from factcheck.align.lexicon import lexicon
from factcheck.align.phrases import (
    FALL_WORDS,
    HYPHENED_MEASURE,
    NOUN_RESTATED,
    RISE_WORDS,
    SET_AGAINST,
    SUBORDINATE_CLAUSE,
    holder_key,
)
from factcheck.extractor.counts import RATIO_JOINER
from factcheck.extractor.durations import SECONDS
from factcheck.extractor.lexicon import SCALES, TENS_WORDS, UNITS_WORDS
from factcheck.extractor.numbers import precision_of_value
from factcheck.extractor.units import TEMPERATURES, TIME_UNITS
from factcheck.model import NEARLY_MULTIPLE_BAND, Claim, Finding, Interval
from factcheck.normalize import format_interval
from factcheck.normalize.units import convert_quantity
from factcheck.rules.context import (
    ELIDED_UNIT_SIZE,
    FRACTION_WORD_TOLERANCE,
    NAMED_SIDE_REACH,
    RUNNER_UP_SPREAD,
    AuditContext,
    allowed_interval,
)
from factcheck.rules.registry import rule

_UP = regex.compile(rf"(?i:\b(?:{RISE_WORDS}|higher))\b")
_DOWN = regex.compile(rf"(?i:\b(?:{FALL_WORDS}|dropp\w*|lower\w*|loss))\b")
#: a qualifier before an end of a change: "to about 5%", "up from nearly 4%"
_ABOUT = r"(?:(?i:about|around|roughly|nearly|almost|some|just)[ \t]+)?"
_TO = regex.compile(rf"(?i:\bto)[ \t\u00a0]+{_ABOUT}$")
#: the new end of a change, also as a participle's object: "roughly doubled,
#: reaching 1.9 billion won from 950 million won"
_TO_NEW_END = regex.compile(rf"(?i:\bto|\breaching)[ \t\u00a0]+{_ABOUT}$")
#: "from 11.55 lakh tonnes", "from last year's Rs 2,040", "from 2023's 25.07 million":
#: the start of a change, maybe after the possessive that names its time; "from
#: Friday's close of 1.86 francs", "from a peak of 4.1%": or named by its noun
_FROM = regex.compile(
    rf"(?i:\bfrom)[ \t\u00a0]+(?:(?:[\w-]+[ \t\u00a0]+){{0,2}}[\w-]+['’]s[ \t\u00a0]+"
    r"|(?i:the|a|an|its|their|his|her)[ \t\u00a0]+)?"
    r"(?:(?:[a-z-]+[ \t\u00a0]+){0,2}(?i:of)[ \t\u00a0]+"
    # "from the record R$188.3 billion of 2022", "from a revised 4.1%"
    r"|(?i:record|previous|prior|revised|original|earlier|initial)[ \t\u00a0]+)?"
    rf"{_ABOUT}$"
)
#: "21 of 35", "4,500 out of", "358 of the town's 1,113"
_OF = regex.compile(
    # "15 deaths among 66 confirmed cases": a part counted among its whole
    r"^(?:(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+(?i:of|out[ \t]+of|among)"
    # "25,286,616 voters were accredited out of 93,469,008": a count's noun and
    # verb before "out of"
    r"|(?:[ \t\u00a0]+[a-z]+){1,3}[ \t\u00a0]+(?i:out[ \t]+of)"
    # "killed 63 people in Gulu district, out of 182": where the part was counted
    r"|(?:[ \t\u00a0]+[a-z]+){1,2}[ \t\u00a0]+(?i:in|at)(?:[ \t\u00a0]+[\w'’-]+){1,3},?"
    r"[ \t\u00a0]+(?i:out[ \t]+of))"
    r"[ \t\u00a0]+(?:(?i:the|its|all|a[ \t]+total[ \t]+of|an|a)[ \t]+)?"
    # "almost a fifth of the original $2.6 billion budget": a word on which whole
    r"(?:(?i:original|initial|first|planned|projected|estimated|revised|total|entire"
    # "nearly two-thirds of the new 1,142km section"
    r"|whole|overall|annual|combined|new|current|existing)[ \t\u00a0]+)?"
    # "of its largest rival's $830 billion": the whole's holder
    r"(?:(?:[\w-]+[ \t\u00a0]+)?[\w-]+['’]s[ \t\u00a0]+)?"
    # "nearly 40 per cent of the country's population of 28 million": the whole
    # named by its noun, then its figure
    r"(?:(?:[a-z][a-z-]*[ \t\u00a0]+){1,2}(?i:of)[ \t\u00a0]+)?"
    # "13 million of the nearly 35 million eligible voters": the whole's qualifier
    rf"{_ABOUT}$"
)
#: between a share of a noun and the part it restates: " of cases, about ", " of
#: the seats ("
_SHARE_THEN_PART = regex.compile(
    r"^[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:the|all)[ \t\u00a0]+)?[a-z][a-z-]*"
    r"(?:[ \t\u00a0]+[a-z][a-z-]*){0,2}[ \t\u00a0]*(?:,|\()[ \t\u00a0]*"
    rf"{_ABOUT}$"
)
#: the qualifiers a share may carry: "about 63%", "more than a third"
_SHARE_QUALIFIERS = (
    r"about|roughly|some|nearly|almost|around|more[ \t]+than|less[ \t]+than"
    r"|over|under|just[ \t]+over|just[ \t]+under"
)
#: between a whole and its share: ", or", " buildings were lost, more than"
#: between a share that points back at the figure before it and the part it
#: restates: " of it, or about ", " of them, or "
_OF_IT_OR = regex.compile(
    r"^[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:it|them|that)[ \t\u00a0]*,[ \t\u00a0]*(?i:or)"
    rf"[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
_OR = regex.compile(
    # "39 of the 42 who could be assessed (97%)", "38 of the 145 seats in the new
    # parliament, or 32 per cent": a few words on the whole
    # ("450 reported using THC products, or 86 percent": a name among them)
    r"^(?:[ \t\u00a0]+[A-Za-z][a-z-]*|[ \t\u00a0]+[A-Z]{2,5}){0,6}[ \t\u00a0]*"
    # "... eligible voters - about 27% - cast": a spaced hyphen sets it off too
    r"(?:,|\(|—|–|-(?=[ \t\u00a0]))?[ \t\u00a0]*"
    # "or 60%", "about 63%", "or nearly 40 per cent", "a fatality rate of 27%"
    rf"(?:(?i:or)(?:[ \t\u00a0]+|$)|(?i:a|an)[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+)?"
    # "183 of the 299 seats, a majority of 61.2 per cent"
    r"(?i:rate|share|proportion|turnout|majority)[ \t\u00a0]+(?i:of)[ \t\u00a0]+)?"
    rf"(?:(?i:{_SHARE_QUALIFIERS}))?[ \t\u00a0]*$"
)


def _sentences(ctx: AuditContext) -> Iterator[list[ClaimRef]]:
    """Claims grouped by (document, sentence), in order."""
    groups: dict[tuple[int, int], list[ClaimRef]] = defaultdict(list)
    for ref in ctx.refs:
        sentence = ref.claim.sentence
        groups[(ref.doc_index, sentence.start if sentence else -1)].append(ref)
    for key in sorted(groups):
        yield groups[key]


def _before(ref: ClaimRef, width: int = 32) -> str:
    text = ref.document.prose
    start = ref.claim.span.start
    return text[max(0, start - width) : start]


def _between(a: ClaimRef, b: ClaimRef) -> str:
    return a.document.prose[a.claim.span.end : b.claim.span.start]


def _stated(claim: Claim) -> Interval:
    """The interval a figure allows from its stated precision (qualifiers widen).
    An amount's round half-step is capped at ``ROUND_FIGURE_CAP`` of its value, as
    when sources are compared ("a $700 million deal" is 679-721 million, not
    650-750: an outlet that rounds writes "about"); a percentage, a rate or share
    worked out from amounts, keeps its rounding ("0.01%")."""
    if claim.low is not None and claim.high is not None:
        if claim.kind in ("money", "count", "quantity"):
            return allowed_interval(claim)
        return Interval(claim.low, claim.high, claim.unit)
    if claim.qualifier in ("gt", "ge", "lt", "le"):
        return Interval(claim.low, claim.high, claim.unit)  # "more than 40%": open
    half = claim.precision / 2
    return Interval(
        claim.low if claim.low is not None else claim.value - half,
        claim.high if claim.high is not None else claim.value + half,
        claim.unit,
    )


def _ratio_change(
    new: Interval, old: Interval, *, open_new: bool = False
) -> Interval | None:
    """Percent change from ``old`` to ``new``, as an interval; None if an end is
    open. ``open_new``: a ``new`` open at one end gives a half-open change ("at
    least $2.45 million, 35 per cent more than the $1.6 million": at least 48.5%)."""
    if old.low is None or old.high is None or old.low <= 0:
        return None
    if (new.low is None and new.high is None) or (
        not open_new and (new.low is None or new.high is None)
    ):
        return None
    return Interval(
        None if new.low is None else (new.low / old.high - 1) * 100,
        None if new.high is None else (new.high / old.low - 1) * 100,
        "%",
    )


def _negated(iv: Interval) -> Interval:
    """``-iv``: a fall stated as a positive percentage."""
    return Interval(
        None if iv.high is None else -iv.high,
        None if iv.low is None else -iv.low,
        iv.unit,
    )


def _other_counted_things(a: Claim, b: Claim) -> bool:
    """Two counts whose nouns name other things ("adds four trains ..., taking
    capacity from 77 mtpa to 110 mtpa"): no change of one is the other's."""
    fa, fb = a.frame, b.frame
    if a.kind != "count" or fa is None or fb is None:
        return False
    x, y = fa.attribute or "", fb.attribute or ""
    return x != y and x.startswith("noun:") and y.startswith("noun:")


def _same_measure(a: Claim, b: Claim) -> bool:
    """Same kind and unit; a bare scaled number beside an amount shares its unit
    ("to 31.7 billion yuan from 28.1 billion")."""
    if a.kind == b.kind and a.unit == b.unit:
        return True
    pair = {a.kind, b.kind}
    bare = a if a.kind == "count" else b
    return pair == {"money", "count"} and bare.noun is None and bare.precision >= 1e5


def _direction(ref: ClaimRef) -> int:
    """+1 rise, -1 fall, 0 unknown, from the verb before the percentage."""
    text = ref.document.prose
    start = ref.claim.span.start
    s0 = ref.claim.sentence.start if ref.claim.sentence else max(0, start - 60)
    window = text[max(s0, start - 60) : start]
    ups = [m.end() for m in _UP.finditer(window)]
    downs = [m.end() for m in _DOWN.finditer(window)]
    if not ups and not downs:
        return 0
    return 1 if (max(ups, default=-1) > max(downs, default=-1)) else -1


#: roles of a percentage that say it is not a change between two ends
_NOT_A_CHANGE = frozenset(["share", "part", "whole", "limit"])


#: a change set against something other than the "up from" start after it: " more
#: than previously planned and up from "
_OTHER_COMPARISON = regex.compile(
    r"^[ \t\u00a0]+(?i:more|less|higher|lower|above|below)[ \t\u00a0]+(?i:than)"
    r"(?:[ \t\u00a0]+[\w'’-]+){1,4},?[ \t\u00a0]+(?i:and)[ \t\u00a0]+"
    r"(?i:up|down)[ \t\u00a0]+(?i:from)[ \t\u00a0]+$"
)


#: a count in digits alone: "176", "60,354,999"
_DIGITS_ONLY = regex.compile(r"\d{1,3}(?:,\d{3})*|\d+")


def _exact_count(claim: Claim) -> bool:
    """A count written in digits alone with no qualifier: exact, however round."""
    return (
        claim.kind == "count"
        and claim.qualifier is None
        and _DIGITS_ONLY.fullmatch(claim.text) is not None
    )


def _compared_elsewhere(change: ClaimRef, old: ClaimRef) -> bool:
    """ "45 euros, five euros more than previously planned and up from 30 euros": a
    change set against something else, beside the "up from" of its level; the
    start after it is not its own."""
    return change.claim.span.end <= old.claim.span.start and bool(
        _OTHER_COMPARISON.match(_between(change, old))
    )


def _change_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(percent change, new value, old value) stated in one sentence; of two
    changes of one kind read between the same two ends, only the nearer is theirs:
    "raised the rate by 200 basis points to 24.75 per cent from 22.75 per cent, a
    month after a 400-basis-point hike in February"."""
    found = [
        (t, (t[1].key, t[2].key, t[0].claim.kind, t[0].claim.unit),
         _distance(t[0], t[1]) + _distance(t[0], t[2]))
        for t in _all_change_triples(claims)
    ]  # fmt: skip
    nearest: dict[tuple[object, ...], int] = {}
    for _, key, d in found:
        nearest[key] = min(nearest.get(key, d), d)
    for triple, key, d in found:
        if d == nearest[key]:
            yield triple


def _all_change_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    for i, pct in enumerate(claims):
        points = _in_points(pct.claim)
        amount = _is_amount_change(pct)
        if (pct.claim.kind != "percent" and not points and not amount) or (
            pct.claim.qualifier == "range"
        ):
            continue
        if pct.claim.frame is not None and pct.claim.frame.role in _NOT_A_CHANGE:
            continue  # "..., stabilising at 73.6% of GDP": a share, not the change
        if _TO.search(_before(pct)) or _FROM.search(_before(pct)):
            continue  # "the rate rises from 13.8% to 15%": an end, not the change
        clause = _clause_of(pct)
        others = [r for j, r in enumerate(claims) if j != i and _clause_of(r) == clause]
        news = [r for r in others if _TO_NEW_END.search(_before(r))]
        olds = [r for r in others if _FROM.search(_before(r))]
        ends = [
            (new, old)
            for new in news
            for old in olds
            if new is not old
            and _two_ends(new, old)
            # "fell 500 points from 35,000": an index's points; "raised rates by
            # 600 basis points, sending the pound to 49.5 per dollar from 30.85":
            # a difference of percentages has percentages for its ends
            and not (
                (points or _BASIS_POINTS.search(pct.claim.text))
                and not new.claim.kind == old.claim.kind == "percent"
            )
            # "an increase of 210" between counts: a difference in their measure
            and not (
                amount
                and (
                    not _same_measure(pct.claim, new.claim)
                    or _other_counted_things(pct.claim, new.claim)
                )
                # "from 46.6 C to 49.6 C, a jump of four degrees"
                and not _margin_unit(pct.claim, new.claim)
            )
            # "raise its dividend ... to $1.63 from $1.51 and lift buybacks by
            # $2.5bn": an amount larger than both ends is another change's
            and not (amount and not _within_ends(pct, new, old))
            # "rose 7% to Rs 1,326, a rally of 14% from Tuesday's low of Rs 1,164":
            # a start after another change is that change's
            and not _change_between(others, pct, old)
            and not _compared_elsewhere(pct, old)
            and not _a_cause_between(new, old, pct)
        ]
        ends = [(new, old) for new, old in ends if not _another_holders(pct, new)]
        if ends:
            # the ends nearest the change, and each other, are its own
            new, old = min(
                ends,
                key=lambda e: (
                    _distance(pct, e[0]) + _distance(pct, e[1]) + _distance(*e)
                ),
            )
            yield pct, new, old
        else:
            # "47.83%, up from 38.21% a month earlier, a jump of 9.6 points": the
            # new end is the level the "up from" follows
            up_from = [
                (before[-1], old)
                for old in olds
                if not news
                for before in [
                    [r for r in others if r.claim.span.end <= old.claim.span.start]
                ]
                if before and _up_from(claims, before[-1], old)
            ]
            after_level = (
                up_from[0]
                if up_from
                else _level_and_base(pct, others)
                or _premium_on(pct, others)
                or _set_against_an_earlier(pct, others)
            )
            if (
                after_level is not None
                # "68.7 per cent, up from 62.6 per cent in 2021 and the highest
                # since 1988, when 75.3 per cent voted": a level after the start is
                # no change of it
                and not (
                    up_from
                    and pct.claim.frame is not None
                    and pct.claim.frame.role != "change"
                )
                and not (amount and not _same_measure(pct.claim, after_level[0].claim))
                and not _compared_elsewhere(pct, after_level[1])
                and not _another_holders(pct, after_level[0])
            ):
                yield pct, *after_level


#: a cause named after a change: "lifted by", "thanks to", "on the back of"
_CAUSE_NAMED = regex.compile(
    r"(?i:\b(?:lifted|boosted|buoyed|helped|driven|propelled|weighed[ \t]+down"
    r"|dragged[ \t]+down|hit|hurt|offset)[ \t\u00a0]+by|\bthanks[ \t]+to|\bdue[ \t]+to"
    r"|\bbecause[ \t]+of|\bowing[ \t]+to|\bon[ \t]+the[ \t]+back[ \t]+of)\b"
)


def _a_cause_between(new: ClaimRef, old: ClaimRef, change: ClaimRef) -> bool:
    """Whether a cause is named between a change's two ends and an amount after
    them: "jumped to 21.9 billion euros from 15.8 billion, lifted by a one-off gain
    of more than 12 billion euros" (the gain is what lifted it, not the change)."""
    last = max(new.claim.span.end, old.claim.span.end)
    if change.claim.span.start < last:
        return False
    return (
        _CAUSE_NAMED.search(new.document.prose, last, change.claim.span.start)
        is not None
    )


def _of_another_period(pct: ClaimRef, new: ClaimRef, old: ClaimRef) -> bool:
    """Whether a change states a period of its own, other than either end's: "rose
    2.7 percent in December, bringing inflation for the whole of 2024 to 117.8
    percent, down from 211.4 percent" (December's rise, not the year's change). A
    change dated like its start ("up from A$76.5 million last year, an increase of
    18%") is theirs."""
    a, b, c = pct.claim.frame, new.claim.frame, old.claim.frame
    if a is None or b is None or not a.time or not b.time:
        return False
    return a.time != b.time and (c is None or a.time != c.time)


def _another_holders(pct: ClaimRef, level: ClaimRef) -> bool:
    """Whether a percentage and a level name different holders: "took 20.6 per
    cent, up from 17.5 per cent in 2018, overtaking the Moderates (19.1 per cent)":
    the Moderates' share, not the change of the Sweden Democrats'. Only a name
    the percentage is listed under counts (a holder read from "for" or "on" after
    a premium is too often the premium's base)."""
    a, b = pct.claim.frame, level.claim.frame
    return (
        a is not None
        and b is not None
        and a.holder_source == "listed"
        and bool(a.holder_key)
        and bool(b.holder_key)
        and a.role == "level"
        and not set(a.holder_key) & set(b.holder_key)
    )


def _change_between(
    claims: Sequence[ClaimRef], change: ClaimRef, end: ClaimRef
) -> bool:
    """Whether another change stands between a change and an end after it, so
    that the end is the nearer change's: "up 7% to Rs 1,326, a rally of 14% from
    Tuesday's low of Rs 1,164"."""
    return any(
        change.claim.span.end <= r.claim.span.start
        and r.claim.span.end <= end.claim.span.start
        and (r.claim.kind == "percent" or _in_points(r.claim) or _is_amount_change(r))
        and not (_TO.search(_before(r)) or _FROM.search(_before(r)))
        for r in claims
    )


#: between a level and the value it rose or fell from: ", up from ", " down from "
_UP_FROM = regex.compile(
    # "1,245,000 visitors in 2023, up from": the counted noun and the level's time
    # may stand before the comma
    r"^(?:[ \t\u00a0]+[\w-]+){0,4}[ \t\u00a0]*,?[ \t\u00a0]+(?i:up|down|rising|falling|climbing|higher|lower"
    rf"|increasing|decreasing)[ \t\u00a0]+(?i:from)[ \t\u00a0]+{_ABOUT}$"
)


#: the gap between two figures of a list: ", ", " and ", " this year and "
_LIST_JOIN = regex.compile(r"(?:,|[ \t\u00a0](?i:and|or))[ \t\u00a0]*$")
_LIST_START = regex.compile(r"^[ \t\u00a0]*(?:,|(?i:and|or)\b)")


def _up_from(claims: Sequence[ClaimRef], new: ClaimRef, old: ClaimRef) -> bool:
    """ "3.2 million passengers in 2023, up from 2.85 million": a level, then the
    value it rose or fell from. Not in lists of ends read respectively ("4.5% this
    year and 3.2% next year, up from 4.3% and 3.0%"): the level listed after
    another figure of its measure, or the value before another, is one of many."""
    if not (_UP_FROM.match(_between(new, old)) and _two_ends(new, old)):
        return False
    i, j = claims.index(new), claims.index(old)
    listed_new = i > 0 and (
        _two_ends(claims[i - 1], new)
        and _LIST_JOIN.search(_between(claims[i - 1], new))
    )
    listed_old = j + 1 < len(claims) and (
        _two_ends(old, claims[j + 1])
        and _LIST_START.match(_between(old, claims[j + 1])) is not None
    )
    return not (listed_new or listed_old)


def _set_against_an_earlier(
    pct: ClaimRef, others: Sequence[ClaimRef]
) -> tuple[ClaimRef, ClaimRef] | None:
    """(new, old) for a percentage change and, after it, a level set against the
    earlier one it is measured on: "has lost 8.2% over five sessions, closing at
    2,385.12 on Friday against 2,957.84 a week earlier". One such pair, and the
    change the sentence's only percentage change."""
    if pct.claim.kind != "percent" or _role(pct) != "change":
        return None
    pairs = [
        (new, old)
        for new, old in itertools.pairwise(others)
        if new.claim.span.start > pct.claim.span.end
        and _two_ends(new, old)
        and _SET_AGAINST.match(_between(new, old))
        and old.claim.frame is not None
        and old.claim.frame.stage == "earlier"
    ]
    changes = [r for r in others if r.claim.kind == "percent" and _role(r) == "change"]
    return pairs[0] if len(pairs) == 1 and not changes else None


def _level_and_base(
    pct: ClaimRef, others: Sequence[ClaimRef]
) -> tuple[ClaimRef, ClaimRef] | None:
    """A change after the level it reached, then the value it is measured on:
    "£55,000, a 20% rise on last year's £50,000", "602.3 billion yuan, up 24% from
    485.7 billion yuan". The level is the one the change's frame names."""
    frame = pct.claim.frame
    if frame is None or frame.level is None:
        return None
    levels = [r for r in others if r.claim.id == frame.level]
    # "rose 13% year-on-year to 31.7 billion yuan": a level after the change is the
    # end it reached, never its own base
    bases = [
        r
        for r in others
        if r.claim.span.start > pct.claim.span.end
        and not (levels and r.claim.span.start <= levels[0].claim.span.start)
    ]
    if not levels or not bases:
        return None
    level, base = levels[0], bases[0]
    if "range" in (level.claim.qualifier, base.claim.qualifier):
        return None  # "nil up to ₹4 lakh, 5% on ₹4-8 lakh": a rate on a band
    if level.claim.span.end <= pct.claim.span.start and _RESTATED_AS.match(
        _between(level, pct)
    ):
        # "$1.94 billion, $127 million or 7 per cent more than last year's": the
        # percentage restates the amount of the change, which is no level
        return None
    between = _between(pct, base)
    if _names_another_attribute(between, level) or (
        # "a net profit of 113.92 billion rupees, up 14.8% from a year earlier,
        # on revenue of 591.62 billion rupees": the phrase after the last comma
        "," in between
        and _names_another_attribute(between[between.rfind(",") :], level)
    ):
        return None  # "net profit of 50.7 billion yuan, up 15%, on revenue of 362
        # billion yuan": the figure beside the result, not its base
    if _two_ends(level, base) and (
        _BASE.search(between) or (_is_amount_change(pct) and _THAN_BASE.match(between))
    ):
        return level, base
    return None


def _within_ends(amount: ClaimRef, new: ClaimRef, old: ClaimRef) -> bool:
    """Whether a change's amount can be the gap between two ends: never larger than
    the larger of them (the values a measure's levels and changes take are never
    below zero, so their difference is at most the larger)."""
    return abs(amount.claim.value) <= max(abs(new.claim.value), abs(old.claim.value))


def _two_ends(a: ClaimRef, b: ClaimRef) -> bool:
    """Two figures that may be a change's ends: one measure, and neither a stated
    equivalent (a conversion restates an end, it is not another)."""
    return _same_measure(a.claim, b.claim) and not (
        a.claim.equivalent_of or b.claim.equivalent_of
    )


#: a price, then its premium or discount, then the price it is measured on:
#: "$55 per share, a 40% premium over the $33.93 close", "£2.10, a 15% discount to
#: Friday's £2.47"
#: the comma and article before a premium: ", a ", ", representing a "
_THEN_A_PREMIUM = (
    r"(?:[ \t\u00a0]*,[ \t\u00a0]+"
    r"(?:(?i:a|an|or|representing|which[ \t\u00a0]+is|some)[ \t\u00a0]+){1,2}"
    # "$63.54 per share represents a 43% premium": the price its subject
    r"|(?:[ \t\u00a0]+(?i:offer|bid))?[ \t\u00a0]+(?i:represents|is|was|marks"
    r"|amounts[ \t\u00a0]+to)[ \t\u00a0]+(?i:a|an)[ \t\u00a0]+)$"
)
#: after a price per share: " a share", " per Pioneer share"
_PER_SHARE = (
    r"(?:[ \t\u00a0]+(?i:a|per)(?:[ \t\u00a0]+\p{Lu}[\w&-]*)?[ \t\u00a0]+(?i:share|unit)"
    # "$95 per share in cash"
    r"(?:[ \t\u00a0]+(?i:in)[ \t\u00a0]+(?i:cash|stock))?)?"
)
_LEVEL_THEN_PREMIUM = regex.compile(r"^" + _PER_SHARE + _THEN_A_PREMIUM)
_PREMIUM_TO = regex.compile(
    r"^[ \t\u00a0]+(?i:premium|discount|markup|mark-up)[ \t\u00a0]+(?i:to|over|on|above|below)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,5}?(?:[ \t\u00a0]+(?i:of|at))?[ \t\u00a0]+$"
)


#: how many sentences before may state what a figure is measured on without its
#: figure: a premium's close ("a 31% premium to Friday's close"), a share's total
#: ("about half of the total")
_EARLIER_SENTENCES = 2
#: how many sentences before may state the new record a margin's subject names by
#: its attribute ("Operating profit topped the 2018 peak ... by"): results are
#: given in a story's lead, their records a paragraph later
_RECORD_SENTENCES = 4

#: after a premium's percentage, the close it is measured on named without its
#: figure: "a 31% premium to Splunk's closing price on Friday", "a 26% premium over
#: the last close"
_PREMIUM_TO_CLOSE = regex.compile(
    r"^[ \t\u00a0]+(?i:premium|discount)[ \t\u00a0]+(?i:to|over|on|above|below)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,3}?[ \t\u00a0]+(?i:clos(?:e|ing))\b"
)
_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
#: between a price and its premium: "$157 a share in cash, a", "$157, or"
_PRICE_THEN_PREMIUM = regex.compile(
    r"^(?:[ \t\u00a0]+[a-z][\w'’-]*){0,4}" + _THEN_A_PREMIUM
)
#: before a closing price: "closed at $120.09", "a close of $120.09", "ended
#: Friday's session at $120.09"
_CLOSED_AT = regex.compile(
    r"(?i:\bclosed|\bclosing\s+price\s+of|\ba\s+close\s+of|\bended|\bfinished)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}?[ \t\u00a0]+(?i:at|of)[ \t\u00a0]+$"
)


def _premiums_on_a_stated_close(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(premium, price, close) where a price's premium names the close it is
    measured on, and a sentence just before states that close: "Splunk closed at
    $120.09 on Friday. Cisco will pay $157 a share, a 31% premium to Friday's
    close." The premium is the change from the close to the price."""
    closes = [
        r
        for r in earlier
        if r.claim.kind == "money"
        and r.claim.equivalent_of is None
        and _CLOSED_AT.search(_before(r, 48))
    ]
    if not closes:
        return
    for i, pct in enumerate(claims):
        if pct.claim.kind != "percent" or pct.claim.qualifier == "range":
            continue
        end = pct.claim.span.end
        m = _PREMIUM_TO_CLOSE.match(pct.document.prose[end : end + 80])
        before = claims[:i]
        if m is None or not before:
            continue
        if any(r.claim.span.start < end + m.end() for r in claims[i + 1 :]) or (
            _premium_on(pct, [*before, *claims[i + 1 :]])
        ):
            continue  # "... to the $33.93 close", "... to Friday's close of £2.47"
        level = before[-1]
        if not _PRICE_THEN_PREMIUM.match(_between(level, pct)):
            continue
        text = pct.document.prose
        bases = [
            c
            for c in closes
            if _two_ends(level, c)
            # a close of the same paragraph
            and not _BLANK_LINE.search(text, c.claim.span.end, pct.claim.span.start)
        ]
        if bases:
            yield pct, level, bases[-1]


#: the price a listing's moves are measured on, named without its figure: "up 54%
#: on the offer price", "down 5.2% from the issue price", "3.8% above the IPO price"
_OFFER_PRICE = r"(?i:offer|offering|issue|ipo|listing)[ \t\u00a0]+(?i:price)\b"
_ON_THE_OFFER_PRICE = regex.compile(
    r"[ \t\u00a0]+(?i:above|below|on|over|from|under|against|to)[ \t\u00a0]+"
    rf"(?i:the|its|their)[ \t\u00a0]+{_OFFER_PRICE}(?![ \t\u00a0]+(?i:of|at)\b)"
)
#: the offer price stated with its figure: "the issue price of Rs 1,960", "priced
#: at 1,200 yen" (before the figure), "the €82.50 offer price", "€82.50, unchanged
#: from the offer price" (after it)
_OFFER_PRICE_BEFORE = regex.compile(
    rf"(?:\b{_OFFER_PRICE}[ \t\u00a0]+(?i:of|at|was|is)"
    r"|(?i:\bpriced)(?:[ \t\u00a0]+[\w'’-]+){0,3}?[ \t\u00a0]+(?i:at))[ \t\u00a0]+$"
)
_OFFER_PRICE_AFTER = regex.compile(
    rf"(?:[ \t\u00a0]+{_OFFER_PRICE}"
    r"|,?[ \t\u00a0]+(?i:unchanged[ \t\u00a0]+from|level[ \t\u00a0]+with|equal[ \t\u00a0]+to)"
    rf"[ \t\u00a0]+(?i:the|its)[ \t\u00a0]+{_OFFER_PRICE})"
)


def _offer_prices(ctx: AuditContext) -> dict[int, list[ClaimRef]]:
    """Each document's offer prices, in order ("the issue price of Rs 1,960",
    "priced at 1,200 yen", "the €82.50 offer price")."""
    found: dict[int, list[ClaimRef]] = defaultdict(list)
    for ref in ctx.refs:
        claim = ref.claim
        if claim.kind != "money" or claim.equivalent_of is not None:
            continue
        text = ref.document.prose
        if _OFFER_PRICE_BEFORE.search(_before(ref, 48)) or _OFFER_PRICE_AFTER.match(
            text, claim.span.end
        ):
            found[ref.doc_index].append(ref)
    return found


def _changes_on_the_offer_price(
    claims: Sequence[ClaimRef], offers: dict[int, list[ClaimRef]]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(change, price, offer price) where a listing's price moves "up 54% on the
    offer price" and the article states that offer price before, in the price's
    currency and with one value: the change is measured from it to the price its
    frame names."""
    stated = offers.get(claims[0].doc_index, []) if claims else []
    if not stated:
        return
    for pct in claims:
        claim, frame = pct.claim, pct.claim.frame
        if (
            claim.kind != "percent"
            or claim.qualifier == "range"
            or frame is None
            or frame.level is None
            or not _ON_THE_OFFER_PRICE.match(pct.document.prose, claim.span.end)
        ):
            continue
        levels = [r for r in claims if r.claim.id == frame.level]
        if not levels:
            continue
        level = levels[0]
        bases = [
            r
            for r in stated
            if r.claim.span.start < claim.span.start
            and r is not level
            and _two_ends(level, r)
        ]
        if bases and len({r.claim.value for r in bases}) == 1:
            yield pct, level, bases[-1]


def _sentences_after(
    ctx: AuditContext, n: int
) -> Iterator[tuple[list[ClaimRef], list[ClaimRef]]]:
    """Each sentence's claims with the claims of the ``n`` sentences of its
    document before it (those holding claims)."""
    previous: list[list[ClaimRef]] = []
    doc = None
    for claims in _sentences(ctx):
        if claims[0].doc_index != doc:
            doc, previous = claims[0].doc_index, []
        yield claims, [r for sentence in previous[-n:] for r in sentence]
        previous.append(claims)


def _premium_on(
    pct: ClaimRef, others: Sequence[ClaimRef]
) -> tuple[ClaimRef, ClaimRef] | None:
    """A price, its premium (or discount) and the price it is a premium on, in one
    clause: "an offer of $55 per share, a 40% premium over the $33.93 close". The
    premium is the change from the base to the price."""
    before = [r for r in others if r.claim.span.end <= pct.claim.span.start]
    after = [r for r in others if r.claim.span.start >= pct.claim.span.end]
    if not before or not after:
        return None
    level, base = before[-1], after[0]
    if not _two_ends(level, base):
        return None
    if (
        _LEVEL_THEN_PREMIUM.match(_between(level, pct))
        and _PREMIUM_TO.match(_between(pct, base))
    ) or (
        _LEVEL_THEN_PREMIUM_OF.match(_between(level, pct))
        and _PREMIUM_OF_TO.match(_between(pct, base))
    ):
        return level, base
    return None


#: the premium named before its percentage: "$171 a share, a premium of about ",
#: then the price it is on: " over its closing price of "
_LEVEL_THEN_PREMIUM_OF = regex.compile(
    r"^" + _PER_SHARE +
    # "The €62 a share offer represents a premium of": the offer its subject
    r"(?:[ \t\u00a0]*,|(?:[ \t\u00a0]+(?i:offer|bid))?[ \t\u00a0]+(?i:represents|is|was"
    r"|marks|amounts[ \t\u00a0]+to))[ \t\u00a0]+"
    r"(?i:a|an)[ \t\u00a0]+(?i:premium|discount|markup|mark-up)[ \t\u00a0]+(?i:of)"
    rf"[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
_PREMIUM_OF_TO = regex.compile(
    r"^[ \t\u00a0]+(?i:to|over|on|above|below)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,5}?(?:[ \t\u00a0]+(?i:of|at))?[ \t\u00a0]+$"
)


#: an amount more or less than the value it is measured on: "costs $449.99, $50
#: less than the bundle at $499.99", "$1,199, $100 more than last year's $1,099"
_THAN_BASE = regex.compile(
    r"[ \t\u00a0]+(?:(?i:more|less|fewer|higher|lower|cheaper|dearer)[ \t\u00a0]+(?i:than)"
    # "$36 above Seagen's Friday close of $172.61"
    r"|(?i:above|below))"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,5}?(?:[ \t\u00a0]+(?i:at|of))?[ \t\u00a0]+$"
)


#: where a sentence passes to another clause: "rose to 38 from 37, and more than a
#: quarter ...", "..., while the share ... rose", "; ", " — "
_CLAUSE_BREAK = regex.compile(
    r";|[ \t\u00a0][—–][ \t\u00a0]|,[ \t\u00a0]+(?i:and|but|while|whereas|before|after"
    r"|although|though|as|with)\b"
    # "the rise to 4.35% was expected after the CPI climbed to 5.6%": a clause of
    # fact has its own figures, with or without a comma
    rf"|{SUBORDINATE_CLAUSE.pattern}"
)


def _is_amount_change(ref: ClaimRef) -> bool:
    """ "up from 2,012 on Saturday, an increase of 210", "rose by $120 million": a
    change stated as an amount of the measure it changes."""
    claim, frame = ref.claim, ref.claim.frame
    return (
        claim.kind in ("money", "count", "quantity")
        and not _in_points(claim)
        # "grew by a third": a fraction of the start, not an amount
        and not _is_share_word(claim)
        # "grew 20-fold": a multiple of the start, not an amount
        and claim.noun not in ("fold", "times")
        and frame is not None
        and frame.role == "change"
        and claim.equivalent_of is None
    )


def _clause_of(ref: ClaimRef) -> int:
    """Which clause of its sentence a claim stands in (0 for the first)."""
    claim = ref.claim
    s0 = claim.sentence.start if claim.sentence else claim.span.start
    return len(_CLAUSE_BREAK.findall(ref.document.prose, s0, claim.span.start))


def _distance(a: ClaimRef, b: ClaimRef) -> int:
    return max(
        a.claim.span.start - b.claim.span.end, b.claim.span.start - a.claim.span.end
    )


#: the starting value a change is measured on: "on the current rate of", "from"
_BASE = regex.compile(
    # "602.3 billion yuan, up 24% from 485.7 billion yuan", "19.1 trillion pesos, a
    # fall of 43% compared with the 33.4 trillion pesos obtained in 2022"
    r"(?i:\b(?:on|from|compared[ \t\u00a0]+(?:with|to)))(?:[ \t\u00a0]+[\w'’-]+){0,4}"
    r"[ \t\u00a0]+$"
)


def _role(ref: ClaimRef) -> str | None:
    return ref.claim.frame.role if ref.claim.frame else None


def _one_change_two_ways(
    claims: Sequence[ClaimRef],
) -> tuple[ClaimRef, ClaimRef, list[ClaimRef]] | None:
    """(percentage, amount, the figures after the amount) when one sentence states
    one change as an amount and as a percentage ("up 50p, or more than 20 per
    cent, on the 320p"); None when it states none, or several."""
    deltas = [
        r
        for r in claims
        if _role(r) == "change"
        and r.claim.equivalent_of is None
        and r.claim.kind != "percent"
    ]
    if len(deltas) > 1:
        # "closed 416 points lower at 12,216, a fall of 3.3%, after briefly losing
        # more than 500 points": a move of another time or holder, in a clause of
        # its own, is not the one the percentage states
        pcts = [r for r in claims if r.claim.kind == "percent" and _role(r) == "change"]
        deltas = [
            d for d in deltas if not any(_other_clause(d, p) for p in pcts)
        ] or deltas
    if len(deltas) != 1:
        return None  # nothing to pair with certainty
    (delta,) = deltas
    pct = _change_percent(claims, delta)
    if pct is None or _other_clause(delta, pct):
        return None  # one change stated two ways, or nothing to pair with certainty
    after = [
        r for r in claims if r.claim.span.start > delta.claim.span.end and r is not pct
    ]
    return pct, delta, after


#: between two figures, a word that opens a clause of another time or holder:
#: ", after briefly losing", ", while the Abu Dhabi index fell"
_ANOTHER_CLAUSE = regex.compile(
    r"(?i:[,;][ \t\u00a0]+(?:after|before|while|whereas|when|having|but|as)\b)"
)


def _other_clause(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether two figures of a sentence stand in clauses a subordinating word or a
    contrast sets apart."""
    first, second = (a, b) if a.claim.span.start < b.claim.span.start else (b, a)
    return _ANOTHER_CLAUSE.search(_between(first, second)) is not None


def _delta_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(percent change, amount of the change, starting value) of one sentence:
    "an increase of 77p on the current rate of £11.44, a 7.7% rise"."""
    found = _one_change_two_ways(claims)
    if found is None:
        return
    pct, delta, after = found
    bases = [
        r
        for r in after[:1]
        if _role(r) == "level"
        and _same_measure(r.claim, delta.claim)
        and _BASE.search(_between(delta, r))
        # "or 2.85 percent, on Wednesday to close at 17,604.12": "on" opened a time,
        # and the figure is the level the change led to
        and not _TO_LEVEL.search(_between(delta, r))
    ]
    if bases and _moved_to(delta, pct, bases[0]):
        # "It lost $1.2 billion in 2023, up 320% from $285 million": the figure a
        # change after it is measured to is that change's level, whatever verb
        # stood before it ("lost" names the loss)
        return
    if bases:
        yield pct, delta, bases[0]


#: between a level and the change set after it: " in 2023, up ", ", down about "
_THEN_MOVED = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*,[ \t\u00a0]+(?i:up|down)[ \t\u00a0]+"
    rf"{_ABOUT}$"
)


def _moved_to(level: ClaimRef, pct: ClaimRef, start: ClaimRef) -> bool:
    """Whether ``pct`` stands between ``level`` and ``start`` as the move from the
    one to the other: "$1.2 billion in 2023, up 320% from $285 million"."""
    return (
        level.claim.span.end <= pct.claim.span.start
        and pct.claim.span.end <= start.claim.span.start
        and _THEN_MOVED.match(_between(level, pct)) is not None
        and _FROM.search(_before(start)) is not None
    )


def _delta_to_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef, int]]:
    """(percent change, amount of the change, the level it led to, +1 for a rise or
    -1 for a fall) of one sentence: "the index fell 4,451 points to 31,458, a drop
    of 12.4%" (the start is the level less the rise, or plus the fall)."""
    found = _one_change_two_ways(claims)
    if found is None:
        return
    pct, delta, after = found
    # "fell 4,451 points to 31,458": points of an index's level, not of a percentage
    index_points = _in_points(delta.claim) and not _is_share_word(delta.claim)
    if not (_is_amount_change(delta) or index_points):
        return
    if not after or _role(after[0]) != "level":
        return
    new = after[0]
    between = _between(delta, new)
    if pct.claim.span.start < new.claim.span.start and not (
        pct.claim.span.start > delta.claim.span.end
    ):
        return
    if not (
        _same_measure(new.claim, delta.claim)
        if not index_points
        # "fell 4,451 points to 31,458": the level in the change's own points
        else new.claim.kind == "count" and new.claim.unit is None
    ):
        return
    to_level = _TO_LEVEL.search(between)
    if to_level is None:
        return
    move = to_level.group("move")
    direction = (
        _direction(delta) if move is None else 1 if move.lower() in _RISING else -1
    )
    if direction:
        yield pct, delta, new, direction


#: between a change's level and its amount named after it: ", a loss of ", ",
#: down ", " points, a gain of " (the level's own noun may stand before the comma)
_THEN_ITS_AMOUNT = regex.compile(
    # the level's noun, or what it is per ("CHF3.00 per share, up five centimes")
    r"^(?:[ \t\u00a0]+(?:(?:a|an|per)[ \t\u00a0]+)?[a-z]+)?[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:a|an)[ \t\u00a0]+"
    r"(?P<noun>(?i:loss|drop|fall|decline|slide|plunge|gain|rise|jump|climb|increase"
    r"|decrease))[ \t\u00a0]+(?i:of)|(?P<word>(?i:up|down|off"
    # "to 17,216.43, losing 412.57 points": a participle of the move
    r"|losing|shedding|dropping|falling|sliding|slipping|tumbling|plunging|sinking"
    r"|gaining|adding|rising|climbing|jumping|advancing|surging|soaring)))"
    r"[ \t\u00a0]+"
    r"(?:(?i:about|around|roughly|nearly|almost|some|just|over|more[ \t]+than)[ \t\u00a0]+)?$"
)


def _level_then_amount(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef, int]]:
    """(percent change, amount of the change, the level it led to, +1 for a rise or
    -1 for a fall) where the amount is named after the level: "the IPC index
    tumbled 6.1% to close at 52,120, a loss of 2,380 points", "rose 1.2% to
    3,245.6, up 38.5 points"."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for pct, new, delta in zip(own, own[1:], own[2:], strict=False):
        if pct.claim.kind != "percent" or _role(new) != "level":
            continue
        if not _TO_LEVEL.search(_between(pct, new)):
            continue
        direction = _amount_after_level(new, delta)
        if direction:
            yield pct, delta, new, direction


#: the comparatives that close an amount's phrase as its difference: "£4.1 billion
#: more,"
_CLOSING_COMPARATIVE = r"(?P<way>(?i:more|higher|less|lower|fewer))"
#: that comparative, before the noun restating the change: " more" of "£4.1
#: billion more, an overrun of"
_COMPARATIVE_FIRST = regex.compile(
    rf"^[ \t\u00a0]+{_CLOSING_COMPARATIVE}(?=[ \t\u00a0]*,)"
)
#: between a level and the amount set off after it: ", "
_COMMA_ONLY = regex.compile(r"[ \t\u00a0]*,[ \t\u00a0]+")
#: that comparative right after the amount: " more,", " less."
_MORE_AFTER = regex.compile(rf"[ \t\u00a0]+{_CLOSING_COMPARATIVE}[ \t\u00a0]*[,;.]")


def _amount_after_level(new: ClaimRef, delta: ClaimRef) -> int:
    """+1 or -1 where ``delta`` is named after the level ``new`` as the amount of
    the change that led to it (", a loss of ", ", losing "), in the level's measure
    or as an index's points; else 0."""
    m = _THEN_ITS_AMOUNT.match(_between(new, delta))
    after = None
    if m is None and _COMMA_ONLY.fullmatch(_between(new, delta)):
        # "had reached £18.9 billion, £4.1 billion more,": the comparative after
        after = _MORE_AFTER.match(delta.document.prose, delta.claim.span.end)
    if m is None and after is None:
        return 0
    index_points = _in_points(delta.claim) and not _is_share_word(delta.claim)
    if not (
        _same_measure(new.claim, delta.claim)
        if not index_points
        else new.claim.kind == "count" and new.claim.unit is None
    ):
        return 0
    if after is not None:
        return 1 if after.group("way").lower() in ("more", "higher") else -1
    assert m is not None
    # the words of such an amount that make it a fall: the fall words, and "off"
    word = (m.group("noun") or m.group("word") or "").lower()
    return -1 if word == "off" or _DOWN.fullmatch(word) else 1


def _level_then_change(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef, int]]:
    """(percent change, amount of the change, the level it led to, +1 for a rise or
    -1 for a fall) where the level comes first and the change after it, as an amount
    the percentage restates: "closed at 14,952.02, down 1,286.33 points or 7.9%",
    "fell for a third day to 17,216.43, losing 412.57 points, or 2.3 per cent", "a
    dividend of CHF3.00 per share, up five centimes, an increase of 2.5%"."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for new, delta, pct in zip(own, own[1:], own[2:], strict=False):
        if pct.claim.kind != "percent" or pct.claim.unit != "%":
            continue
        if _role(new) != "level" or _role(delta) != "change":
            continue
        text = new.document.prose
        s0 = new.claim.sentence.start if new.claim.sentence else 0
        before = text[max(s0, new.claim.span.start - 60) : new.claim.span.start]
        gap = _between(delta, pct)
        if _RESTATED_AS.match(gap):
            if not (_TO_LEVEL.search(before) or _CLOSED_AT.search(before)):
                continue
        elif not (
            # "a dividend of CHF3.00, up five centimes, an increase of 2.5%": the
            # change named again as a noun, of the level its frame says it moved
            # ("£18.9 billion, £4.1 billion more, an overrun of 38%")
            NOUN_RESTATED.fullmatch(_COMPARATIVE_FIRST.sub("", gap, count=1))
            and delta.claim.frame is not None
            and delta.claim.frame.level == new.claim.id
        ):
            continue
        direction = _amount_after_level(new, delta)
        if direction:
            yield pct, delta, new, direction


#: between a level and the amount it is more or less than before: " is ", " was "
_LEVEL_IS = regex.compile(r"^[ \t\u00a0]+(?i:is|was|are|were)[ \t\u00a0]+$")
#: after an amount and its percentage, the comparison that makes them a change
#: from before: ", larger than last year's", " more than the previous year's"
_MORE_THAN_BEFORE = regex.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]+(?P<way>(?i:more|larger|higher|bigger|greater"
    r"|less|smaller|lower|fewer))[ \t\u00a0]+(?i:than)[ \t\u00a0]+(?i:last|the[ \t\u00a0]+previous"
    r"|the[ \t\u00a0]+year[ \t\u00a0]+before|a[ \t\u00a0]+year[ \t\u00a0]+earlier|its|their)\b"
)


def _level_is_more_than_before(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef, int]]:
    """(percent change, amount of the change, the level it led to, +1 for a rise or
    -1 for a fall) where a level is said to be an amount, restated as a
    percentage, more or less than before: "The budget of S$2.31 billion is S$190
    million, or 9 per cent, larger than last year's"."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for new, delta, pct in zip(own, own[1:], own[2:], strict=False):
        if pct.claim.kind != "percent" or pct.claim.unit != "%":
            continue
        if not _LEVEL_IS.match(_between(new, delta)):
            continue
        if not _RESTATED_AS.match(_between(delta, pct)):
            continue
        m = _MORE_THAN_BEFORE.match(pct.document.prose, pct.claim.span.end)
        if m is None or not _same_measure(new.claim, delta.claim):
            continue
        yield pct, delta, new, -1 if _BELOW.search(m.group("way")) else 1


#: between a change's amount and its percentage restating it: " points, or ",
#: ", or about "
_OR_RESTATED = regex.compile(
    r"^(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]*,?[ \t\u00a0]+(?i:or)[ \t\u00a0]+"
    r"(?:(?i:about|around|roughly|nearly|almost|some|just|over|under|more[ \t]+than"
    r"|less[ \t]+than)[ \t\u00a0]+)?$"
)


#: the same, or the percentage in brackets: " points (", " ("
_RESTATED_AS = regex.compile(
    _OR_RESTATED.pattern[:-1] + r"|^(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]*\($"
)


def _change_percent(claims: Sequence[ClaimRef], delta: ClaimRef) -> ClaimRef | None:
    """The one percentage of a sentence that states the change ``delta`` states
    as an amount: a percentage change, or one restating the amount right after it
    ("up 50p, or more than 20 per cent, on")."""
    pcts = [
        r
        for r in claims
        if r.claim.kind == "percent"
        and r.claim.unit == "%"
        and r.claim.equivalent_of is None
        and (
            (r.claim.frame is not None and r.claim.frame.role == "change")
            or (
                r.claim.span.start > delta.claim.span.end
                and _RESTATED_AS.match(_between(delta, r)) is not None
            )
        )
    ]
    return pcts[0] if len(pcts) == 1 else None


#: right before the level a change led to: " to ", " to close at ", " to end at
#: about "; after a move's comparative, " points lower at " ("closed 416 points
#: lower at 12,216")
_TO_LEVEL = regex.compile(
    r"(?:(?i:\bto)(?:[ \t\u00a0]+(?i:close|end|finish|settle)[ \t\u00a0]+(?i:at))?"
    r"|^[ \t\u00a0]*(?:[a-z]+[ \t\u00a0]+)?(?P<move>(?i:higher|lower|up|down))"
    rf"[ \t\u00a0]+(?i:at))[ \t\u00a0]+{_ABOUT}$"
)


#: between a margin and the figure it is measured from: " clear of Labour's ",
#: " metres longer than the Akashi bridge's ", " more than the "
_COMPARED_BY = regex.compile(
    r"^(?:[ \t\u00a0]+(?i:percentage))?(?:[ \t\u00a0]+(?i:points?|metres|meters|feet"
    r"|miles|kilometres|kilometers|km|seconds|minutes|votes|seats))?[ \t\u00a0]+"
    r"(?:(?i:more|higher|longer|taller|bigger|larger|greater|wider|heavier|faster"
    r"|further|farther|warmer|hotter|deeper|fewer|less|lower|shorter|smaller|slower"
    r"|colder|cooler|cheaper)[ \t\u00a0]+(?i:than)"
    # "48.8C, 0.8C above the previous record of 48.0C": where one figure stands
    # against the other
    r"|(?i:above|below)"
    # "169 seats, nine short of the 176 needed": a shortfall is a margin too
    r"|(?i:clear|ahead|short|shy)[ \t\u00a0]+(?i:of)"
    # "2:06:51, more than three minutes behind Gebrselassie (2:04:26)"
    r"|(?i:behind)"
    # "1:41.91, 0.85 seconds outside the world record of 1:40.91": a mark missed
    # or beaten, by how much
    r"|(?i:outside|inside)"
    # "in 2:01:09, clipping 39 seconds off his old mark of 2:01:39": what a new
    # figure took off the old one
    r"|(?i:off))"
    # "... than his official world record of ": the figure named, then "of"
    r"(?:[ \t\u00a0]+(?!(?i:than|of|and|or|but)\b)[\w'’-]+){0,4}"
    # "15 seats clear of Frans Timmermans's Labour-Green alliance on 25"; "more than
    # three minutes ahead of defending champion Geoffrey Kirui (2:18:23)"
    r"(?:[ \t\u00a0]+(?i:of|at|on|with))?"
    # "ahead of Amos, who crossed the line in 2:02:57": the rival's figure in a
    # clause on the rival
    r"(?:,[ \t\u00a0]+(?i:who|which)(?:(?:[ \t\u00a0]+[\w'’-]+){1,5}?[ \t\u00a0]+"
    r"(?i:in|at|on|with)"
    # "186,000 more than the gallery, which welcomed 1,196,000": or by the verb
    # that gives the rival its own figure
    r"|[ \t\u00a0]+(?:(?i:also|only|just)[ \t\u00a0]+)?(?i:had|has|drew|welcomed"
    r"|received|recorded|won|took|got|attracted|polled|scored|earned|reported"
    r"|posted|sold|carried)))?"
    r"(?:[ \t\u00a0]+|[ \t\u00a0]*\()$"
)
#: a sentence's subject that points back at a figure, then its verb: "The time
#: is", "That was", "It is"
_FIGURE_AS_SUBJECT = regex.compile(
    r"^[ \t\u00a0]*(?:(?i:that|this|it)|(?i:the)[ \t\u00a0]+(?i:time|figure|total"
    r"|result|number|mark|price|level|reading))[ \t\u00a0]+(?i:is|was|were|are)"
    # "It is just three degrees shy of": an adverb before the margin
    r"(?:[ \t\u00a0]+(?i:just|still|already|now|only))?"
    # "That is more than 4,000 above": the margin's own qualifier
    r"(?:[ \t\u00a0]+(?i:more[ \t]+than|less[ \t]+than|fewer[ \t]+than|about|around"
    r"|roughly|nearly|almost|some|over|under))?[ \t\u00a0]+$"
)
#: the comparatives of _COMPARED_BY that put the first figure below the second
_BELOW = regex.compile(
    r"(?i:\b(?:fewer|less|lower|shorter|smaller|short|shy|off|colder|cooler|cheaper"
    r"|below|behind|inside)\b)"
)


#: the comparatives of _TO_LEVEL that say the move was a rise
_RISING = frozenset(["higher", "up"])
_SPEED_WORD = regex.compile(r"(?i:\b(?:faster|slower|quicker)\b)")
#: in a race the time ahead, or inside a mark, is the smaller; behind or outside it,
#: the larger
_AHEAD = regex.compile(r"(?i:\b(?:ahead|clear|inside)\b)")
_BEHIND = regex.compile(r"(?i:\b(?:behind|outside)\b)")


def _wrong_side(new: ClaimRef, old: ClaimRef, words: str) -> bool:
    """Whether a comparison's first figure lies on the other side of the second
    than its comparative says ("X more than Y" with X below Y): then it is not the
    figure compared (figures of one unit only)."""
    a, b = new.claim, old.claim
    if a.unit != b.unit or a.kind != b.kind or _SPEED_WORD.search(words):
        return False  # "faster" is a smaller time but a larger speed
    if a.unit in _SECONDS_IN and _AHEAD.search(words):
        # "2:15:58, more than three minutes ahead of Kirui (2:18:23)": in a race
        # the time ahead is the smaller
        return a.value > b.value
    if a.unit in _SECONDS_IN and _BEHIND.search(words):
        return a.value < b.value  # in a race the time behind is the larger
    below = _BELOW.search(words) is not None
    return a.value > b.value if below else a.value < b.value


#: a margin in percentage points given as a count of "points"
_POINTS = frozenset(["point", "points", "percentage points"])


#: a hyphen that glues a figure to the noun it sizes: "343-seat", "30-year"
_HYPHEN_AFTER = regex.compile(r"-[a-z]")


def _with_elided_unit(
    before: Sequence[ClaimRef], margin: ClaimRef, old: ClaimRef
) -> ClaimRef:
    """ "reached 50.5 degrees, 0.4 degrees short of Onslow's 50.7": a bare number
    a margin is measured from, right after a figure of the margin's own unit and of
    its size, leaves that unit unsaid. Anything else is read as written."""
    c, m = old.claim, margin.claim
    prev = before[-1].claim if before else None
    if (
        c.kind != "count"
        or c.unit is not None
        or c.noun
        or m.unit is None
        or prev is None
        or (prev.kind, prev.unit) != (m.kind, m.unit)
        or not prev.value
        or not ELIDED_UNIT_SIZE[0] <= c.value / prev.value <= ELIDED_UNIT_SIZE[1]
    ):
        return old
    return attrs.evolve(old, claim=attrs.evolve(c, kind=prev.kind, unit=prev.unit))


def _comparative_margins(
    claims: Sequence[ClaimRef],
    earlier: Sequence[ClaimRef] = (),
    *,
    in_percent: bool = False,
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, first, second) of one sentence where a figure is said to exceed
    another, or fall short of it, by a margin, the figure stated first: "National,
    on 38.1%, finished 13 points clear of Labour's 26.9%", "a span of 2,023 metres,
    32 metres longer than the Akashi bridge's 1,991 metres", "169 seats, seven
    short of the 176 needed" (the check is on the gap's size). With
    ``in_percent``, only the margins in percent between two percentages ("65.5% was
    13 percent higher than the 52.5%"), which may be points or a relative gap."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    # each comparison's margin and the figure it is measured from: neither is the
    # larger figure of another ("136 seats, 14 more than the Socialists' 122, and
    # 47 more than the 89 it took in 2019": both margins are 136's)
    compared = {
        k
        for k in range(len(own) - 1)
        if _COMPARED_BY.match(_between(own[k], own[k + 1]))
        for k in (k, k + 1)
    }
    for i in range(len(own) - 1):
        margin, old = own[i], own[i + 1]
        if not _COMPARED_BY.match(_between(margin, old)) and not (
            # "a lead of 338,937 over the 1,617,989 cast for independence": a lead
            # named before the margin, over the figure after it
            _OVER_THE.match(_between(margin, old))
            and _LEAD_OF.search(
                margin.document.prose,
                max(0, margin.claim.span.start - 40),
                margin.claim.span.start,
            )
        ):
            continue
        if HYPHENED_MEASURE.fullmatch(old.claim.text) or _HYPHEN_AFTER.match(
            old.document.prose, old.claim.span.end
        ):
            # "three short of a majority in the 343-seat House": a figure glued to
            # its unit by a hyphen sizes the noun after it, it is not the mark
            continue
        old = _with_elided_unit(own[:i], margin, old)
        larger = [
            r
            for k, r in enumerate(own[:i])
            if k not in compared
            and _same_measure(r.claim, old.claim)
            # "328 of 630 seats, 12 above the 316 required": the whole a figure is
            # counted in is not the figure compared
            and (r.claim.frame is None or r.claim.frame.role != "whole")
        ]
        if not larger:
            # "... in 1:59:40. The time is 79 seconds faster than his record of
            # 2:01:39": a subject pointing back at the figure the sentence before
            # states, the only one of its measure there
            text = margin.document.prose
            s0 = margin.claim.sentence.start if margin.claim.sentence else 0
            if not _FIGURE_AS_SUBJECT.match(text[s0 : margin.claim.span.start]):
                continue
            # "... clocking 9.58 seconds. The time was 0.13 seconds faster than the
            # 9.69 he ran in Beijing": the figure compared leaves unsaid the unit of
            # the one the subject points back at
            pointed = [
                r
                for r in earlier
                if r.claim.equivalent_of is None
                and _same_measure(r.claim, margin.claim)
            ]
            old = _with_elided_unit(pointed[-1:], margin, old)
            before = _without_starts(
                [
                    r
                    for r in earlier
                    if r.claim.equivalent_of is None
                    and _same_measure(r.claim, old.claim)
                ]
            )
            if len(before) != 1:
                continue
            larger = before
        new = larger[-1]
        if _set_off_before(new, margin):
            # "The Socialists, who had 125 deputies in the outgoing chamber, will be
            # 12 seats short of the 176 needed": the clause set off about the
            # subject is not what its verb compares
            continue
        if _wrong_side(new, old, _between(margin, old)):
            # "more than 12 times his base price of Rs 2 crore, and Rs 6.25 crore
            # more than the Rs 18.50 crore": the figure before is not the one said
            # to be larger
            continue
        m = margin.claim
        if in_percent:
            fits = old.claim.unit == new.claim.unit == m.unit == "%"
        elif old.claim.kind != "percent":
            fits = _same_measure(m, old.claim) or _margin_unit(m, old.claim)
        else:
            fits = m.unit == "pp" or (m.kind == "count" and (m.noun or "") in _POINTS)
        if fits:
            yield margin, new, old


#: right before a margin, the lead or margin it is: "a lead of ", "a winning margin
#: of about "
_LEAD_OF = regex.compile(
    r"\b(?i:lead|margin|advantage|edge)[ \t\u00a0]+(?i:of)[ \t\u00a0]+"
    r"(?:(?i:about|around|some|just|nearly|almost|more[ \t\u00a0]+than)[ \t\u00a0]+)?$"
)
#: between such a margin and the figure it is over: " over the ", " over Labour's "
_OVER_THE = regex.compile(
    r"^[ \t\u00a0]+(?i:over)[ \t\u00a0]+(?:(?i:the|its|their|his|her)[ \t\u00a0]+)?"
    r"(?:\p{Lu}[\w-]*(?:'s|’s|'|’)[ \t\u00a0]+)?$"
)


#: a sentence that opens on the gap between figures given before: "The gap of ",
#: "The winning margin was "
_GAP_OPENS = regex.compile(
    r"^[ \t\u00a0]*(?i:the|that|this)[ \t\u00a0]+(?:(?i:winning)[ \t\u00a0]+)?"
    r"(?i:gap|margin|difference)[ \t\u00a0]+(?i:of|was|is)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)


#: a qualifier of a gap: "more than three minutes behind", "just 0.12sec"
_GAP_QUALIFIER = (
    r"(?:(?i:just|only|barely|some|about|around|nearly|almost|more[ \t]+than"
    r"|less[ \t]+than|over|under)[ \t\u00a0]+)?"
)
#: between a runner-up's time and the gap after it: "second in 2:06:51, more than
#: three minutes behind", "timed at 19.68sec, was beaten by 0.26sec", "beat
#: compatriot Vincent Kipkemoi (2:03:13) by 51 seconds"
_THEN_BEHIND = regex.compile(
    # (the time's place or race may stand before the comma: "3:53.40 in Lenk, ")
    rf"^(?P<comma>(?:[ \t\u00a0]+[\w'’-]+){{0,3}}[ \t\u00a0]*,[ \t\u00a0]+{_GAP_QUALIFIER})$"
    r"|^(?:[ \t\u00a0]*,)?[ \t\u00a0]+(?i:was|were)[ \t\u00a0]+(?i:beaten|edged)[ \t\u00a0]+"
    rf"(?i:by)[ \t\u00a0]+{_GAP_QUALIFIER}$"
    rf"|^(?P<bracket>[ \t\u00a0]*\)[ \t\u00a0]+(?i:by)[ \t\u00a0]+{_GAP_QUALIFIER})$"
)
#: after a gap set off by a comma, what makes it one: " behind", " adrift"
_GAP_BEHIND = regex.compile(r"[ \t\u00a0]+(?i:behind|adrift|back|slower)\b")
#: before a runner-up's time in brackets, the winner's verb over the runner-up:
#: "beat compatriot Vincent Kipkemoi ("
_BEAT_BEFORE = regex.compile(
    r"(?i:\b(?:beat|beats|beating|edged|edging|outkicked|outsprinted|held[ \t]+off"
    r"|holding[ \t]+off))(?:[ \t\u00a0]+[\w'’.-]+){1,5}[ \t\u00a0]*\([ \t\u00a0]*$"
)


def _gaps_to_the_winner(
    claims: Sequence[ClaimRef], seen: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(gap, runner-up's time, winner's time) where a race report gives a
    runner-up's time and how far behind the winner it was ("Kenya's Abel Kirui was
    second in 2:06:51, more than three minutes behind"), and the winner's time is
    the one faster time near it the report stated before ("set a marathon world
    record of 2:04:26") or names after the gap in the same sentence ("..., who set
    a new mile world record of 3:43.13"). Two such times (a men's and a women's
    race, an old record beside the new), or none, leave the gap unread.
    ``seen``: the claims of the report's earlier sentences."""
    for time, gap in itertools.pairwise(claims):
        t, g = time.claim, gap.claim
        if not (
            t.kind == g.kind == "quantity"
            and t.sentence is not None
            and t.equivalent_of is None
        ):
            continue
        m = _THEN_BEHIND.match(_between(time, gap))
        text = time.document.prose
        if m is None or (
            m.group("comma") is not None and not _GAP_BEHIND.match(text, g.span.end)
        ):
            continue
        if m.group("bracket") is not None and not _BEAT_BEFORE.search(
            text, t.sentence.start, t.span.start
        ):
            continue
        seconds, gap_seconds = _seconds(t), _seconds(g)
        if seconds is None or gap_seconds is None or gap_seconds >= seconds:
            continue
        # the winner's time: stated before, or named after the gap in its own
        # sentence ("only 0.37 seconds behind El Guerrouj, who set a new mile
        # world record of 3:43.13")
        after = [r for r in claims if r.claim.span.start > g.span.end]
        near = [
            r
            for r in (*seen, *after)
            if r.claim.kind == "quantity"
            and r.claim.equivalent_of is None
            and (s := _seconds(r.claim)) is not None
            # faster than the runner-up (a third place's slower time is no
            # winner's), and near it
            and seconds / (1 + RUNNER_UP_SPREAD) <= s < seconds
        ]
        if len(near) == 1:
            yield gap, time, near[0]


def _seconds(claim: Claim) -> float | None:
    """A race's time or gap in seconds (its unit a second, minute, hour, day or
    week), else None."""
    factor = SECONDS.get(claim.unit or "")
    return None if factor is None else claim.value * factor


def _gap_of_the_two_before(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(gap, larger, smaller) for a sentence that opens on the gap between the two
    figures of its measure the sentence before states, and no other: "... won
    with 50.89% of the vote, defeating Trzaskowski, who took 49.11%. The gap of
    1.87 percentage points was one of the narrowest" (1.78)."""
    if not claims or not earlier:
        return
    gap = claims[0]
    text = gap.document.prose
    s0 = gap.claim.sentence.start if gap.claim.sentence else gap.claim.span.start
    if not _GAP_OPENS.match(text[s0 : gap.claim.span.start]):
        return
    last = earlier[-1].claim.sentence
    before = [
        r
        for r in earlier
        if r.claim.sentence == last
        and r.claim.equivalent_of is None
        and (
            r.claim.kind == "percent" and r.claim.unit == "%"
            if gap.claim.unit == "pp"
            else _same_measure(r.claim, gap.claim)
        )
    ]
    if len(before) == 2:
        smaller, larger = sorted(before, key=lambda r: r.claim.value)
        yield gap, larger, smaller


#: a winner's verb and the rival it beat, up to the margin's "by": "beating
#: Conservative Tom Evers", "defeated him", "edged out the incumbent"
_BEATING = (
    r"(?i:beat|beating|beats|defeated|defeating|defeats|edged|edging|outpolled"
    r"|outpolling)(?:[ \t\u00a0]+(?!(?i:by)\b)[\w'’.-]+){0,4}"
)
#: right before a margin, the winner's verb: "beating Conservative Tom Evers by ",
#: "Marsh beat him by just "
_BEAT_RIVAL_BY = regex.compile(
    rf"\b{_BEATING}[ \t\u00a0]+(?i:by)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just|only)[ \t\u00a0]+)?$"
)
#: between a contest's two figures: " votes, or 42.52%, to ", " seats to Labor's ",
#: " to the Greens' ", " against " (the second side's name may stand before its
#: figure)
_CONTEST_TO = regex.compile(
    r"^[^;:\n]{0,40}?[ \t\u00a0](?i:to|against|versus|vs\.?)[ \t\u00a0]+"
    r"(?:(?:(?:the[ \t\u00a0]+)?[A-Z][\w-]*(?:[ \t\u00a0]+[A-Z][\w-]*){0,2}"
    # "to the challenger's 44.8%", "against his rival's"
    r"|(?i:the|his|her|its|their)[ \t\u00a0]+[a-z][\w-]*)(?:'s|’s|'|’)"
    # "polling 31,562 to his 29,622"
    r"[ \t\u00a0]+|(?i:his|her|its|their)[ \t\u00a0]+)?$"
)
#: right before a contest's margin, after its two figures: ", a margin of more than ",
#: ", the Coalition's margin is ", ", a lead of "
_THEN_ITS_MARGIN = regex.compile(
    r"^(?:[^;:\n]{0,120}?\b(?i:margin|lead|gap|difference)[ \t\u00a0]+"
    r"(?i:of|is|was|stood[ \t\u00a0]+at|stands[ \t\u00a0]+at)"
    # "44.8%, winning by almost 19 points": the winner's participle and its margin
    r"|[^;:\n]{0,40}?,[ \t\u00a0]+(?i:winning|leading|losing|trailing)[ \t\u00a0]+(?i:by)"
    # "31,562 votes to Evers's 29,622, beating him by": the winner's verb, its rival
    rf"|[^;:\n]{{0,40}}?,[ \t\u00a0]+{_BEATING}[ \t\u00a0]+(?i:by))"
    rf"[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)


def _margin_after_the_two(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, larger, smaller) for a contest's two figures set against each other
    and then its margin named, in one sentence: "Fox received 15,989,636 votes, or
    42.52%, to 13,579,718 votes for Labastida, a margin of more than 2.4 million
    votes", "With 87 seats to Labor's 60, the Coalition's margin is 27 seats". The
    two are the sentence's only figures of the margin's measure before it."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for k, margin in enumerate(own):
        m = margin.claim
        sides = [r for r in own[:k] if _a_side_of(r.claim, m)]
        if len(sides) != 2:
            continue
        a, b = sides
        text = margin.document.prose
        if _CONTEST_TO.match(_between(a, b)) and _THEN_ITS_MARGIN.match(
            text[b.claim.span.end : m.span.start]
        ):
            larger, smaller = (a, b) if a.claim.value >= b.claim.value else (b, a)
            yield margin, larger, smaller


def _contest_sides(
    refs: Sequence[ClaimRef], margin: ClaimRef
) -> list[tuple[ClaimRef, ClaimRef]]:
    """The pairs of a contest's two figures set against each other ("31,562 votes
    to Evers's 29,622") among ``refs``, in ``margin``'s measure and larger than it."""
    m = margin.claim
    own = [r for r in refs if r.claim.equivalent_of is None and r is not margin]
    return [
        (a, b)
        for a, b in itertools.pairwise(own)
        if all(r.claim.value > m.value and _a_side_of(r.claim, m) for r in (a, b))
        and _CONTEST_TO.match(_between(a, b))
    ]


def _a_side_of(side: Claim, margin: Claim) -> bool:
    """Whether ``side`` may be one of the two figures a contest's ``margin`` lies
    between: shares for a margin in points ("58.6% to Bello's 37.1%, a lead of 21
    points"), else a figure of the margin's measure and noun ("87 seats to Labor's
    60, and a lead of 6 points in the polls": a count of another noun is another
    measure); never a range."""
    if side.qualifier == "range":
        return False
    if margin.unit == "pp" or (
        margin.kind == "count" and (margin.noun or "") in _POINTS
    ):
        return side.kind == "percent" and side.unit == "%"
    return _same_measure(side, margin) and (
        not margin.noun or not side.noun or side.noun == margin.noun
    )


def _margins_beaten_by(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, larger, smaller) for a winner said to beat a rival by a margin, and
    the two figures set against each other in the same sentence or the one right
    before or after: "Marsh beat Evers by 2,140 votes, polling 31,562 to his
    29,622", "Helen Marsh held the seat, beating Tom Evers by 2,140 votes. Marsh
    polled 31,562 votes to Evers's 29,622." Across sentences, the sides' sentence
    names the winner or the rival the margin's sentence names."""

    def margins(refs: Sequence[ClaimRef]) -> list[ClaimRef]:
        found = []
        for r in refs:
            c = r.claim
            if c.equivalent_of is not None or c.sentence is None:
                continue
            if _BEAT_RIVAL_BY.search(r.document.prose, c.sentence.start, c.span.start):
                found.append(r)
        return found

    s0 = claims[0].claim.sentence.start if claims[0].claim.sentence else -1
    before = [r for r in earlier if _in_sentence_before(r, s0)]
    found: list[tuple[ClaimRef, list[tuple[ClaimRef, ClaimRef]]]] = []
    for margin in margins(claims):
        # the sides after the margin in its own sentence ("beat Evers by 2,140
        # votes, polling 31,562 to his 29,622"), else in the sentence before
        after = [r for r in claims if r.claim.span.start > margin.claim.span.end]
        found.append(
            (margin, _contest_sides(after, margin) or _contest_sides(before, margin))
        )
    found += [(margin, _contest_sides(claims, margin)) for margin in margins(before)]
    for margin, sides in found:
        if len(sides) != 1:
            continue
        a, b = sides[0]
        if a.claim.sentence != margin.claim.sentence and not _names_a_side_of(
            margin, a, b
        ):
            continue
        larger, smaller = (a, b) if a.claim.value >= b.claim.value else (b, a)
        yield margin, larger, smaller


def _names_a_side_of(margin: ClaimRef, a: ClaimRef, b: ClaimRef) -> bool:
    """Whether the margin's sentence names a side the other sentence sets against
    the other: the first figure's holder, or the name the second is owned by
    ("to Evers's 29,622")."""
    said = margin.claim.sentence_text or ""
    names = [a.claim.frame.holder if a.claim.frame else None]
    owner = _OWNER_BEFORE.search(_between(a, b))
    if owner is not None:
        names.append(owner.group("name"))
    return any(n and _names(said, n.split()[-1]) for n in names)


#: the name that owns the second of a contest's figures: "to Evers's ", "against
#: Mr Obi's "
_OWNER_BEFORE = regex.compile(r"(?P<name>[A-Z][\w-]+)(?:'s|’s|'|’)[ \t\u00a0]+$")


#: right after a margin, a comparison whose other side is named by words, not by a
#: figure: " more than runners-up France", " more expensive than its rival"
_MORE_THAN_NAMED = regex.compile(
    r"[ \t\u00a0]+(?i:more|less|fewer|higher|lower|cheaper|dearer|bigger|smaller"
    r"|larger|greater|longer|shorter)(?:[ \t\u00a0]+(?i:expensive|costly|valuable))?"
    r"[ \t\u00a0]+"
    r"(?i:than)[ \t\u00a0]+"
    # the side, named: "its rival", "runners-up France", "the champions" (not "than
    # previously planned", "than last year", "than the year before")
    r"(?=(?:its|their|his|her)\b|the[ \t\u00a0]+(?!(?:previous|same|year|prior|original"
    r"|initial|planned|expected|forecast|estimated|budgeted|old|earlier)\b)[a-z]"
    r"|(?:[a-z-]+[ \t\u00a0]+){0,2}[A-Z])"
)


_WORD = regex.compile(r"[\w'’-]+")


def _a_number_between(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether a number no claim was read from (digits, or a number word: "gave
    him seven for the tournament") stands between two claims of one sentence."""
    return any(
        w.group().isdigit() or w.group().lower() in UNITS_WORDS
        for w in _WORD.finditer(_between(a, b))
    )


def _margins_over_a_named_side(
    claims: Sequence[ClaimRef],
    earlier: Sequence[ClaimRef],
    *,
    in_percent: bool = False,
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, one figure, the other) where a margin compares two sides and names
    the other side by words, not by its figure: "Argentina earned $42 million, $16
    million more than runners-up France, who got $30 million" (the sentence's two
    other figures of the margin's measure), "Casgevy will cost $2.2 million.
    Lyfgenia is priced at $3.1 million, which makes it $1.1 million more expensive
    than its rival" (the one before it, and the one of the sentence before). With
    ``in_percent``, only a margin in percent between two percentages ("No took 55.3
    per cent and Yes 44.7 per cent, so the No vote was 10.6 per cent larger than
    the Yes vote"), which may be points or a relative gap."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    kinds = ("percent",) if in_percent else ("money", "count", "quantity")
    for i, margin in enumerate(own):
        m = margin.claim
        if m.kind not in kinds or i == 0 or (in_percent and m.unit != "%"):
            continue
        named = _MORE_THAN_NAMED.match(margin.document.prose, m.span.end)
        if not named:
            continue
        others = [r for r in own if r is not margin and _same_measure(r.claim, m)]
        if (
            in_percent
            and len(others) == 2
            and others[1] is own[i - 1]
            and not _a_number_between(others[1], margin)
        ):
            # "No took 55.3 per cent and Yes 44.7 per cent, meaning that the No vote
            # was 10.6 per cent larger than the Yes vote": both sides before, each
            # named; which is larger does not matter to points against percent
            yield margin, others[0], others[1]
            continue
        if others and (
            own[i - 1] is not others[0] or _a_number_between(others[0], margin)
        ):
            # "Messi's two goals gave him seven for the tournament, one fewer than
            # Mbappé": the margin's own side is the figure right before it
            continue
        if len(others) == 2 and others[0].claim.span.end <= m.span.start:
            gap = _between(margin, others[1])
            if (
                len(gap) <= NAMED_SIDE_REACH
                and ";" not in gap
                and not _wrong_side(others[0], others[1], named.group())
            ):
                # "..., who got $30 million": the named side's own figure, close by
                yield margin, others[0], others[1]
            continue
        if len(others) != 1 or others[0].claim.span.end > m.span.start:
            continue
        s0 = m.sentence.start if m.sentence else -1
        before = [
            r
            for r in earlier
            if r.claim.equivalent_of is None
            and _in_sentence_before(r, s0)
            and _same_measure(r.claim, m)
        ]
        if len(before) == 1:
            yield margin, others[0], before[0]


#: a record beaten by a margin: "beating Sunday's 46.6C by ", "broke the record of
#: 2:01:09 by "; the text before the old record and between it and the margin
_BEAT = regex.compile(
    r"(?i:\b(?:beat|beating|beats|broke|breaking|breaks|bettered|bettering|topped"
    r"|topping|tops|surpassed|surpassing|surpasses|eclipsed|eclipsing|eclipses"
    r"|exceeded|exceeding|exceeds|improved|improving|smashed|smashing|shattered"
    r"|shattering|overtook|overtaking|overtakes|outstripped|outstripping|outstrips)\b"
    # a verb of lowering, only with a record as its object: "to lower her world
    # record of 2:17:18 by" (not "lowered its forecast of 3.2% by 0.5 points")
    r"|\b(?:lower|lowers|lowered|lowering|cut|cuts|cutting|trimmed|trimming|trims"
    r"|reduced|reducing|reduces)\b(?=(?:[ \t\u00a0]+[\w'’-]+){0,3}?[ \t\u00a0]+"
    r"(?:record|best|mark)\b))"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,5}"
    # "beating the old record, 50.3C, by": the old record in apposition
    r",?[ \t\u00a0]+$"
)
_BY = regex.compile(
    # "by 2.3 degrees", ", set in August 2020, by more than five degrees": a
    # participle on the old record may stand between it and its margin
    r"^(?:[ \t\u00a0]*,(?:[ \t\u00a0]+[\w'’-]+){1,6}[ \t\u00a0]*"
    # "of 45C set in 1937 by more than 5C": the participle without commas; "the
    # 1:41.01 mark he set in Rieti two years ago by": after the record's noun
    r"|[ \t\u00a0]+(?:(?i:mark|record|best|time)[ \t\u00a0]+)?"
    r"(?:(?i:he|she|it|they)[ \t\u00a0]+)?"
    r"(?i:set|recorded|reached|registered|measured|posted|established|ran|clocked)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,5})?,?"
    r"[ \t\u00a0]+(?i:by)[ \t\u00a0]+(?:(?i:about|around|roughly|nearly|almost|just"
    r"|some|more[ \t\u00a0]+than|less[ \t\u00a0]+than|over|under|at[ \t\u00a0]+least)"
    r"[ \t\u00a0]+)?$"
)
#: between an old record and the margin it was beaten by, the verb after the
#: record: "whose $426.5 million contract he beat by ", " record, which it topped
#: by nearly "
_BEAT_BY = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,3},?[ \t\u00a0]+(?i:beat|bettered|topped"
    r"|surpassed|exceeded|exceeds|eclipsed|broke|overtook|outstripped)[ \t\u00a0]+"
    r"(?i:by)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)?$"
)
#: "2.3 degrees" after two Celsius (or Fahrenheit) readings is a difference in them
_DEGREE_SCALES = frozenset(["degree_Celsius", "degree_Fahrenheit", "kelvin"])


#: a sentence whose subject points back at the figure before it: "That topped",
#: "It beat", "The figure broke"
_POINTS_BACK = regex.compile(
    r"^[ \t\u00a0]*(?i:that|this|it|the[ \t\u00a0]+(?:figure|total|result|number))\b"
)


def _record_stated_before(
    old: ClaimRef, cut: int, earlier: Sequence[ClaimRef]
) -> list[ClaimRef]:
    """The new record a margin's sentence names by its subject, stated in a
    sentence before: "... an operating profit of 23.47 trillion won. Operating
    profit topped the 2018 peak of 20.84 trillion won by 3.6 trillion won" (the
    subject is the old record's attribute, or "That", "It"). The latest such
    figure of the old record's attribute and measure, as a level of its own time.
    An old record known only by its unit ("It would beat the 48C recorded in Athens
    by 0.8 degrees") takes a figure of that unit, and only after "That" or "It"."""
    frame = old.claim.frame
    attribute = frame.attribute if frame else None
    if attribute is None:
        return []
    text = old.document.prose
    s0 = old.claim.sentence.start if old.claim.sentence else cut
    subject = text[s0:cut]
    lex = lexicon()
    if _POINTS_BACK.match(subject):
        # the unit says what the pointed-at figure measures
        same = named_class(attribute) or attribute.startswith("dim:")
    else:
        same = named_class(attribute) and any(
            lex.attribute(m.group()) == attribute
            for m in lex.attributes.finditer(subject)
        )
    if not same:
        return []
    found = [
        r
        for r in earlier
        if r.claim.equivalent_of is None
        and r.claim.kind == old.claim.kind
        and r.claim.unit == old.claim.unit
        and r.claim.frame is not None
        and (r.claim.frame.attribute == attribute or not named_class(attribute))
        and r.claim.frame.role == "level"
        and r.claim.frame.stage is None
    ]
    return found[-1:]


def _margin_triples(
    claims: Sequence[ClaimRef],
    earlier: Sequence[ClaimRef] = (),
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, new record, old record) of one sentence: "reaching 47.9C and beating
    Sunday's 46.6C by 2.3 degrees", "ran 2:00:35, breaking the record of 2:01:09 by
    34 seconds"; or with the new record in a sentence before, named by the
    margin's subject (:func:`_record_stated_before`)."""
    own = [r for r in claims if r.claim.equivalent_of is None and not _time_ago(r)]
    for i, margin in enumerate(own):
        if i < 1:
            continue
        old = own[i - 1]
        text = old.document.prose
        s0 = old.claim.sentence.start if old.claim.sentence else 0
        if _BY.match(_between(old, margin)):
            beat = _BEAT.search(text, s0, old.claim.span.start)
            if beat is None:
                continue
            cut = beat.start()
        elif _BEAT_BY.match(_between(old, margin)):
            # "Mike Trout, whose $426.5 million contract he beat by $237.5 million"
            cut = old.claim.span.start
        else:
            continue
        # the nearest figure before in the record's measure ("$700 million deal,
        # roughly ¥99 billion": its restatement in another currency is no record)
        news = [
            r
            for r in own[: i - 1]
            if r.claim.span.end <= cut
            and r.claim.kind == old.claim.kind
            and r.claim.unit == old.claim.unit
        ] or _record_stated_before(old, cut, earlier)
        if not news:
            # "broke the world record of 2:03:38 by 31 seconds, finishing in
            # 2:03:23": the new record in a participle clause after the margin
            news = _record_stated_after(own[i + 1 :], margin, old)
        if not news:
            continue
        new = news[-1]
        if not _margin_unit(margin.claim, old.claim):
            continue
        yield margin, new, old


#: between a margin and the new record a participle clause after it states: ",
#: finishing in ", ", clocking ", ", crossing the line in ", ", with a time of "
_THEN_THE_RECORD = regex.compile(
    r"^,[ \t\u00a0]+(?:(?i:[a-z]+ing)|(?i:with|in)[ \t\u00a0]+(?i:a|an))"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,3}?(?:[ \t\u00a0]+(?i:in|at|of|to))?[ \t\u00a0]+$"
)


def _record_stated_after(
    after: Sequence[ClaimRef], margin: ClaimRef, old: ClaimRef
) -> list[ClaimRef]:
    """The new record a participle clause right after a margin states, in the old
    record's measure: [2:03:23] in "broke the record of 2:03:38 by 31 seconds,
    finishing in 2:03:23"; else none."""
    if not after:
        return []
    new = after[0]
    if (new.claim.kind, new.claim.unit) != (old.claim.kind, old.claim.unit):
        return []
    if not _THEN_THE_RECORD.match(_between(margin, new)):
        return []
    return [new]


#: right after a duration that dates something: " ago", " earlier"
_AGO = regex.compile(r"[ \t\u00a0]+(?i:ago|earlier|before|previously)\b")


def _time_ago(ref: ClaimRef) -> bool:
    """Whether a claim is a duration that dates something ("the mark he set in
    Rieti two years ago"): a time, not a figure between a record and its margin."""
    claim = ref.claim
    return (
        claim.kind == "quantity"
        and claim.unit in TIME_UNITS
        and _AGO.match(ref.document.prose, claim.span.end) is not None
    )


def _margin_unit(margin: Claim, old: Claim) -> bool:
    """Whether a margin is in the unit of the figures it separates: the same, or a
    difference of temperatures ("by more than 5C", "0.8C above the record of
    48.0C": a delta in the records' own scale; "by four degrees"), or of times
    ("more than three minutes ahead of" a time in seconds)."""
    return (
        (margin.unit == old.unit and not _other_counted_things(margin, old))
        or (margin.unit == "degree" and old.unit in _DEGREE_SCALES)
        or (old.unit is not None and margin.unit == TEMPERATURES.get(old.unit))
        or (margin.unit in _SECONDS_IN and old.unit in _SECONDS_IN)
    )


#: the time units a race's margin and its times are stated in
_SECONDS_IN = frozenset(["second", "minute", "hour"])


def _in_time_unit(iv: Interval, unit: str | None) -> Interval:
    """A margin of time in the unit of the times it separates (three minutes are
    180 seconds); any other interval as it is."""
    if iv.unit == unit or iv.unit not in _SECONDS_IN or unit not in _SECONDS_IN:
        return iv
    factor = convert_quantity(1.0, iv.unit, unit)
    return Interval(
        None if iv.low is None else iv.low * factor,
        None if iv.high is None else iv.high * factor,
        unit,
    )


#: a record the figure before is said to have beaten: "254.8 mm, surpassing the
#: previous record of ", "49.6C, beating the old national high of "
_BEATEN_RECORD = regex.compile(
    r"^,?[ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,6}?(?i:surpassing|exceeding|topping"
    r"|beating|breaking|eclipsing|bettering|smashing|shattering)[ \t\u00a0]+(?i:the|its)"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}?[ \t\u00a0]+(?i:record|high|peak|best)"
    r"(?:[ \t\u00a0]+(?i:of|at))?[ \t\u00a0]+$"
)
#: a record that a lower figure beats: "a record low", a time run faster
_LOW_RECORD = regex.compile(
    r"(?i:\b(?:low|lows|lowest|fastest|quickest|coldest|cheapest)\b)"
)


def _beaten_records(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef]]:
    """(new, old) where a figure is said to beat a record stated right after it,
    with no margin: "received 254.8 mm, surpassing the previous record of 287.6
    mm". A record that the lower figure beats (a low, a race time) is left alone."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for i in range(1, len(own)):
        old = own[i]
        gap = _between(own[i - 1], old)
        if not _BEATEN_RECORD.match(gap) or _LOW_RECORD.search(gap):
            continue
        # "received 254.8 mm in less than 24 hours, surpassing": the nearest figure
        # before in the record's measure is the new one
        news = [r for r in own[:i] if _same_measure(r.claim, old.claim)]
        if not news:
            continue
        new = news[-1]
        if new.claim.kind not in ("money", "count", "quantity") or (
            new.claim.unit and dimension(new.claim.unit) == "time"
        ):
            continue
        yield new, old


def _records_below_the_beaten(ctx: AuditContext) -> Iterator[Finding]:
    """FC301 on a record said to beat one higher than itself."""
    for claims in _sentences(ctx):
        for new, old in _beaten_records(claims):
            n, o = _stated(new.claim), _stated(old.claim)
            if n.high is None or o.low is None:
                continue
            ctx.mark_checked(new, old)
            if n.high > o.low:
                continue
            yield ctx.finding(
                "FC301",
                new,
                f"{new.claim.text!r} is said to beat the record of {old.claim.text!r}, "
                f"but it allows only {format_interval(n)}, below that record "
                f"({format_interval(o)})",
                related=[old],
                details={"new_value": new.claim.value, "old_value": old.claim.value},
                evidence=("one sentence says a figure beat a record it states",),
            )


def _change_finding(
    ctx: AuditContext,
    ref: ClaimRef,
    implied: Interval,
    message: str,
    *,
    related: list[ClaimRef],
    values: dict[str, float | str | None],
    evidence: str,
) -> Finding:
    """An FC301 finding: the stated figure, what the others imply, and their values."""
    return ctx.finding(
        "FC301",
        ref,
        message,
        related=related,
        details={
            "stated": ref.claim.value,
            "implied_low": implied.low,
            "implied_high": implied.high,
            **values,
        },
        evidence=(evidence,),
    )


#: a difference named after the two amounts it is the difference of: "sold him for
#: €121 million after buying him for €10 million, a profit of €111 million", "won
#: 160 seats to the Conservatives' 144, a margin of 16", "758,631 births against
#: 1,575,016 deaths, a natural decline of 816,385"; the noun is one that only a
#: difference between the two figures can be (a gap, a lead), or a change whose
#: two ends they are (see _CHANGE_NOUN)
_NAMED_AFTER_TWO = (
    r"(?:,[ \t\u00a0]+(?:(?i:making|for|giving|booking"
    r"|leaving|with)[ \t\u00a0]+)?"
    # "Revenue of SR1.172 trillion against spending of SR1.251 trillion leaves a
    # shortfall of": the pair is the subject of the verb that names their difference
    r"|[ \t\u00a0]+(?i:leaves|leave|left|gives|give|means|makes|leaving|giving"
    r"|making)[ \t\u00a0]+)"
    r"(?i:a|an)[ \t\u00a0]+(?:(?i:net|paper|tidy|natural"
    r"|winning)[ \t\u00a0]+)?(?P<noun>(?i:profit|gain|loss|windfall|markup|mark-up"
    r"|margin|gap|difference|lead|shortfall|deficit|surplus|excess|decline|decrease"
    # "down from 19.4 per cent last year, a narrowing of 5.1 points"
    r"|increase|rise|drop|fall|narrowing|widening|reduction"
    # "2 hours 10 minutes against 4 hours 45 minutes, a saving of"
    r"|saving))[ \t\u00a0]+(?i:of)[ \t\u00a0]+"
    # "a gap of just 4.1 percentage points"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just|only)[ \t\u00a0]+)?$"
)
_DIFFERENCE_NAMED = regex.compile(r"^(?:[ \t\u00a0]+[\w'’-]+){0,3}" + _NAMED_AFTER_TWO)
#: the same after a figure set against another ("₹1,870 crore against ₹1,160
#: crore last year for the Goregaon-Mulund Link Road, an increase of "): the pair
#: is one measure's, so its clause may run on to name what it is for
_DIFFERENCE_NAMED_AFTER_AGAINST = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,7}" + _NAMED_AFTER_TWO
)
#: a difference stated before the noun that names it, after the two figures: "74.05
#: percent against 25.94 percent, a 38-point gap", "a $79 billion shortfall"
_DIFFERENCE_BEFORE_NOUN = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,3},[ \t\u00a0]+(?:(?:(?i:making|giving|leaving|for"
    r"|with))[ \t\u00a0]+)?(?i:a|an)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: right after such a difference, the noun: "-point gap", " percentage-point
#: lead", " shortfall"
_NOUN_AFTER_DIFFERENCE = regex.compile(
    r"(?:[ \t\u00a0-]+(?i:percentage|point|points))*[ \t\u00a0-]+"
    r"(?P<noun>(?i:margin|gap|difference|lead|shortfall|deficit|surplus))\b"
)
#: after two figures, the side their difference leaves ahead: ", leaving Mr
#: Harper's party ", ", putting Labour "
_LEAVING_BEFORE = regex.compile(
    r"^,[ \t\u00a0]+(?i:leaving|putting|placing)[ \t\u00a0]+(?:[\w'’.-]+[ \t\u00a0]+){1,4}$"
)
#: right after such a difference, where it leaves the side: " points ahead", "
#: seats clear" (not "ahead of" a third figure)
_AHEAD_AFTER = regex.compile(
    r"(?:[ \t\u00a0-]+(?i:percentage|point|points|votes|seats))*[ \t\u00a0]+"
    r"(?P<noun>(?i:ahead|clear|in[ \t\u00a0]+front))\b(?![ \t\u00a0]+(?i:of)\b)"
)
#: the nouns of _DIFFERENCE_NAMED that name a change over time: the difference of
#: the two figures only if they are its ends ("to 758,631 from 790,000, a decline
#: of 31,369"); after two holders' figures, the change is one holder's own ("Ford
#: sold 1.2 million and GM 900,000, a rise of 200,000")
_CHANGE_NOUN = frozenset(
    {"decline", "decrease", "increase", "rise", "drop", "fall", "narrowing",
     "widening", "reduction"}
)  # fmt: skip
#: a change or difference measured on a base stated after it ("a rise of 200,000 on
#: last year", "a gap of 3% from the forecast"): not the two figures before it
_OWN_BASE = regex.compile(
    r"^[ \t\u00a0]*(?:[a-z]+[ \t\u00a0]+)?(?i:on|from|over|compared|versus|vs|than"
    r"|since|against)\b"
)


#: a change named after two figures by a noun that gives its direction: ", a gain of
#: ", ", an increase of about "
_CHANGE_NAMED = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,3},[ \t\u00a0]+(?i:a|an)[ \t\u00a0]+(?P<noun>(?i:gain|rise"
    r"|increase|jump|climb|drop|fall|decline|decrease|slide|slump|loss))[ \t\u00a0]+(?i:of)"
    rf"[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
_FALLING_NOUNS = frozenset(
    ["drop", "fall", "decline", "decrease", "slide", "slump", "loss"]
)


#: between a figure and the one it is set against: " against ", " crore compared
#: with "
_SET_AGAINST = regex.compile(
    # "$12.4 billion, compared with $10.8 billion": set off by a comma, or not
    rf"^,?(?:[ \t\u00a0]+[\w'’-]+){{0,2}}[ \t\u00a0]+{SET_AGAINST}[ \t\u00a0]+$"
)


def _one_holders_two_figures(first: ClaimRef, second: ClaimRef) -> bool:
    """Whether two figures are one holder's, of one attribute: "Brent had ended
    Friday at $79.89 and settled on Monday at $84.93" (not "Ford sold 1.2 million
    and GM 900,000"), or one set against the other ("₹1,870 crore against ₹1,160
    crore last year")."""
    if _SET_AGAINST.match(_between(first, second)):
        return True
    a, b = first.claim.frame, second.claim.frame
    return (
        a is not None
        and b is not None
        and bool(a.holder_key)
        and a.holder_key == b.holder_key
        # one attribute, or one side's unread ("held 31.67% ... and 35.01% a month
        # later": the second figure's clause names no measure)
        and (a.attribute == b.attribute or None in (a.attribute, b.attribute))
        and a.role == b.role == "level"
    )


def _named_change_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(percent change, new, old) for two figures of one holder and the change
    named after them: "had ended Friday at $79.89 and settled on Monday at $84.93,
    a gain of 6.3%". The noun gives the direction, so the larger figure is the new
    one after a gain and the old one after a fall, whichever the text names
    first."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    text = own[0].document.prose if own else ""
    for i in range(2, len(own)):
        first, second, pct = own[i - 2], own[i - 1], own[i]
        if pct.claim.kind != "percent" or pct.claim.unit != "%":
            continue
        compared = i >= 3 and bool(_COMPARED_BY.match(_between(first, second)))
        if compared:
            # "¥7.04 trillion, ¥1.5 trillion more than the original ¥5.52 trillion,
            # an increase of about 38%": the change is from the figure compared
            # with to the one the margin is of
            first = own[i - 3]
            if not _APPOSITIVE.search(_between(first, own[i - 2])):
                continue
        named = _CHANGE_NAMED.match(_between(second, pct))
        end = pct.claim.span.end
        if named is None or _OWN_BASE.match(text[end : end + 40]):
            continue
        if not (
            _two_ends(first, second)
            and (compared or _one_holders_two_figures(first, second))
        ):
            continue
        if first.claim.kind == "percent":
            continue  # a change between percentages: FC304 reads points and percent
        low, high = sorted((first, second), key=lambda r: r.claim.value)
        falling = named["noun"].lower() in _FALLING_NOUNS
        yield (pct, low, high) if falling else (pct, high, low)


#: before a change named after the two ends it is the change between, by a noun
#: after its percentage: ", a ", " — an "
_A_CHANGE_AFTER_ENDS = regex.compile(
    r"(?:,|[ \t\u00a0]*[—–])[ \t\u00a0]+(?i:a|an)[ \t\u00a0]+$"
)
#: the noun after that percentage, which gives the change's direction: "% slump",
#: " per cent rise"
_CHANGE_NOUN_AFTER = regex.compile(
    r"[ \t\u00a0-]+(?P<noun>(?i:rise|increase|jump|gain|climb|surge|drop|fall|decline"
    r"|decrease|slide|slump|plunge|plummet))\b"
)
_FALLING_AFTER = frozenset(
    ["drop", "fall", "decline", "decrease", "slide", "slump", "plunge", "plummet"]
)


def _changes_named_after_ends(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(percent change, new, old) where a clause states a change's two ends and a
    comma or a dash then names the change by its percentage and a noun: "about
    600 billion won, down from 14.12 trillion won a year earlier — an 86% slump".
    The noun's direction must be the ends' (else nothing is read)."""
    ends: list[tuple[ClaimRef, ClaimRef]] | None = None  # read once, if needed
    for pct in claims:
        claim = pct.claim
        if claim.kind != "percent" or claim.unit != "%" or claim.qualifier == "range":
            continue
        text = pct.document.prose
        noun = _CHANGE_NOUN_AFTER.match(text, claim.span.end)
        if noun is None or not _A_CHANGE_AFTER_ENDS.search(_before(pct, 12)):
            continue
        if ends is None:
            ends = [(n, o) for n, o, given in stated_ends(claims) if given is None]
        before = [
            (new, old)
            for new, old in ends
            if max(new.claim.span.end, old.claim.span.end) <= claim.span.start
        ]
        if not before:
            continue
        new, old = before[-1]
        last = max(new.claim.span.end, old.claim.span.end)
        if any(
            last <= r.claim.span.start and r.claim.span.end <= claim.span.start
            for r in claims
            if r.claim.equivalent_of is None
        ):
            continue  # another figure between: the change may be its
        falling = noun["noun"].lower() in _FALLING_AFTER
        if falling != (new.claim.value < old.claim.value):
            continue
        yield pct, new, old


def _difference_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(difference, one amount, the other) of one sentence: two amounts of one
    measure, then the profit, loss, margin or gap between them. Two percentages
    differ in points ("52.1% to 45.3%, a lead of 6.8 points")."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    text = own[0].document.prose if own else ""
    for i in range(2, len(own)):
        first, second, diff = own[i - 2], own[i - 1], own[i]
        named = _DIFFERENCE_NAMED.match(_between(second, diff))
        if named is None and (
            _SET_AGAINST.match(_between(first, second))
            # "collapsed to seven seats from the 25 it won in 2021, a loss of
            # 20": a change's two ends, the start's own clause before the comma
            or (_TO.search(_before(first)) and _FROM.search(_before(second)))
        ):
            named = _DIFFERENCE_NAMED_AFTER_AGAINST.match(_between(second, diff))
        end = diff.claim.span.end
        if named is None and _DIFFERENCE_BEFORE_NOUN.match(_between(second, diff)):
            named = _NOUN_AFTER_DIFFERENCE.match(text, end)
            if named is not None:
                end = named.end()
        if named is None and _LEAVING_BEFORE.match(_between(second, diff)):
            # "36.3% of the vote and the Liberals 30.2%, leaving Mr Harper's party
            # 8.1 points ahead": the lead the two figures leave one side with
            named = _AHEAD_AFTER.match(text, end)
            if named is not None:
                end = named.end()
        if named is None or _OWN_BASE.match(text[end : end + 40]):
            continue
        if named["noun"].lower() in _CHANGE_NOUN and not (
            _TO.search(_before(first))
            or _FROM.search(_before(first))
            # "14.3 per cent below men's, down from 19.4 per cent": the start
            or _FROM.search(_before(second))
            or _one_holders_two_figures(first, second)
        ):
            continue  # "Ford sold 1.2 million and GM 900,000, a rise of 200,000"
        if not _two_ends(first, second):
            continue
        if first.claim.kind == "percent":
            if not (second.claim.kind == "percent" and _points_or_pp(diff.claim)):
                continue
        elif diff.claim.kind not in ("money", "count", "quantity") or not (
            (
                _same_measure(first.claim, diff.claim)
                and _same_measure(second.claim, diff.claim)
            )
            # "2 hours 10 minutes against 4 hours 45 minutes, a saving of more
            # than three hours": times in their own units
            or (
                diff.claim.unit in _SECONDS_IN
                and first.claim.unit in _SECONDS_IN
                and second.claim.unit in _SECONDS_IN
            )
        ):
            continue
        yield diff, first, second


#: the nouns of _DIFFERENCE_NAMED that only a gap between two holders' figures can
#: be, never a change over time
_GAP_NOUN = frozenset(["lead", "margin", "gap", "difference"])


def _lead_over_the_sentence_before(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(difference, one figure, the other) where a lead or gap is named after the
    one figure of its measure in its sentence, and the other is the one figure of
    that measure in the sentence right before: "Sheinbaum won 59.75% of the valid
    votes. Her main rival, Xóchitl Gálvez, had 27.45%, a lead of 22.3 percentage
    points for the winner." """
    own = [r for r in claims if r.claim.equivalent_of is None]
    if len(own) < 2:
        return
    second, diff = own[0], own[1]
    named = _DIFFERENCE_NAMED.match(_between(second, diff))
    if named is None or named["noun"].lower() not in _GAP_NOUN:
        return
    text = diff.document.prose
    end = diff.claim.span.end
    if _OWN_BASE.match(text[end : end + 40]):
        return
    if second.claim.kind != "percent" or second.claim.unit != "%":
        return  # shares of one vote: what a lead between sentences is read for
    if not _points_or_pp(diff.claim):
        return
    s0 = second.claim.sentence.start if second.claim.sentence else -1
    before = [
        r
        for r in earlier
        if r.claim.equivalent_of is None
        and _in_sentence_before(r, s0)
        and r.claim.kind == "percent"
        and r.claim.unit == "%"
    ]
    if len(before) == 1 and before[0].claim.value > second.claim.value:
        yield diff, before[0], second


def _amount_of_a_change(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(amount, new, old) where a clause states a change's two ends and, beside its
    percentage, its amount: "4,262,635, up 4.8% from 4,067,175, an increase of about
    295,000 people" (the amount is the ends' difference)."""
    if not any(_is_amount_change(r) for r in claims):
        return  # no amount to check: the change triples are read once, by FC301
    for pct, new, old in _change_triples(claims):
        if pct.claim.kind != "percent":
            continue
        clause = _clause_of(pct)
        for amount in claims:
            if (
                amount is not pct
                and amount.claim.span.start
                > max(new.claim.span.end, old.claim.span.end)
                and _is_amount_change(amount)
                and _clause_of(amount) == clause
                and _same_measure(new.claim, old.claim)
                and (
                    _same_measure(amount.claim, old.claim)
                    # "from 46.6 C to 49.6 C, a jump of four degrees": a difference
                    # of temperatures
                    or _margin_unit(amount.claim, old.claim)
                )
            ):
                yield amount, new, old
                break


#: a verb that says the figure before it exceeds the one after
_EXCEEDING = (
    r"(?i:exceeds|exceeded|eclipses|eclipsed|surpasses|surpassed|tops|topped"
    r"|outstrips|outstripped|beats|overtakes|overtook|trumps|trumped)"
)
#: between a figure and the one a verb says it exceeds: " eclipses the ", " tops
#: Herbert's "
_EXCEEDS = regex.compile(
    # "41.1 degrees Celsius in Kumagaya exceeded": where the figure was measured
    r"^(?:[ \t\u00a0]+(?i:in|at)[ \t\u00a0]+[A-Z][\w'’-]*(?:[ \t\u00a0]+[A-Z][\w'’-]*)?)?"
    # "The €497m penalty exceeds": the figure's own noun before the verb
    rf"(?:[ \t\u00a0]+[a-z]+(?:[ \t\u00a0]+[a-z]+)?(?=[ \t\u00a0]+{_EXCEEDING}\b))?"
    rf"[ \t\u00a0]+{_EXCEEDING}[ \t\u00a0]+"
    r"(?:(?i:the|a|an|its|his|her|their)[ \t\u00a0]+)?(?:[A-Z][\w'’-]*[ \t\u00a0]+){0,3}"
    # "exceeded the previous record of": the figure named by its noun
    r"(?:(?:(?i:previous|old|former|earlier|national|all-time)[ \t\u00a0]+)?"
    r"(?i:record|mark|high|best|peak)[ \t\u00a0]+(?i:of)[ \t\u00a0]+)?$"
)
#: between the exceeded figure and the margin: " Justin Herbert signed for in July
#: by ", " by about "
_THEN_BY = regex.compile(
    # ", set in Shimanto City in 2013, by": a participle's phrase between commas;
    # " levied on the Swiss drugmaker Hoffmann-La Roche over the vitamins cartel in
    # 2001 by": one that opens on its participle may run longer
    r"^(?:(?:,?[ \t\u00a0]+(?!(?i:and|but|while|which|who)\b)[\w'’-]+){0,8}"
    r"|[ \t\u00a0]+(?:[a-z]+ed|set|paid|won|held|made|given|taken)"
    r"(?:[ \t\u00a0]+(?!(?i:and|but|while|which|who)\b)[\w'’-]+){0,14}),?[ \t\u00a0]+"
    r"(?i:by)[ \t\u00a0]+(?:(?i:about|around|roughly|nearly|almost|some|more[ \t]+than"
    r"|over|just[ \t]+over|just[ \t]+under)[ \t\u00a0]+)?$"
)


def _exceeds_by(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, larger, smaller) where a verb says one figure exceeds the next by
    a margin: "Burrow's $275 million eclipses the $262.5 million Justin Herbert
    signed for in July by $12.5 million"."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for a, exceeded, c in zip(own, own[1:], own[2:], strict=False):
        b = _on_the_scale_of(exceeded, a)
        if (
            _EXCEEDS.match(_between(a, b))
            and _THEN_BY.match(_between(b, c))
            and _same_measure(a.claim, b.claim)
            and (_same_measure(a.claim, c.claim) or _margin_unit(c.claim, a.claim))
        ):
            yield c, a, b


#: a verb that takes a margin off the figure after it: ", slicing ", " and knocked
#: about "
_TAKES_OFF = regex.compile(
    r"[ \t\u00a0]+(?i:slicing|sliced|shaving|shaved|knocking|knocked|lopping|lopped"
    r"|clipping|clipped|trimming|trimmed|cutting|cut|taking|took)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)?$"
)
#: between the margin and the figure it was taken off: " off the ", " off his own
#: record of "
_OFF_THE = regex.compile(
    r"^[ \t\u00a0]+(?i:off)[ \t\u00a0]+(?:(?i:the|his|her|its|their|a)[ \t\u00a0]+)?"
    r"(?:(?!(?i:and|but|than)\b)[\w'’-]+[ \t\u00a0]+){0,3}?(?:(?i:of)[ \t\u00a0]+)?$"
)


#: a relative clause opens: ", who ", ", which "
_RELATIVE_CLAUSE = regex.compile(r",[ \t\u00a0]+(?i:who|which|whose)\b")


def _set_off_before(first: ClaimRef, margin: ClaimRef) -> bool:
    """Whether ``first`` stands in a relative clause set off about the subject that
    closes before the margin's own clause goes on (", who had 125 deputies, will be
    12 seats short"); a margin right after the closing comma is the figure's own
    (", which spans 2,023 metres, 32 metres longer than")."""
    text = first.document.prose
    s0 = first.claim.sentence.start if first.claim.sentence else 0
    if _RELATIVE_CLAUSE.search(text, s0, first.claim.span.start) is None:
        return False
    close = text.find(",", first.claim.span.end, margin.claim.span.start)
    return close >= 0 and bool(text[close + 1 : margin.claim.span.start].strip())


def _taken_off(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef] = ()
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, new figure, old figure) for "a time of 9.58 seconds ..., slicing
    0.15 seconds off the 9.69 he ran in Beijing": a figure, then a verb that takes
    a margin off an earlier figure of its measure (which may leave the unit
    unsaid, :func:`_with_elided_unit`). With no such figure before the verb, the
    new figure is the record the sentence right before names as one: "... with a
    world record of 3:49.11. The Kenyan took 0.96sec off the record of 3:50.07"."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    s0 = own[0].claim.sentence.start if own and own[0].claim.sentence else -1
    named_records = [
        r
        for r in earlier
        if r.claim.equivalent_of is None
        and _in_sentence_before(r, s0)
        and _NAMED_RECORD.search(
            r.document.prose, max(0, r.claim.span.start - 32), r.claim.span.start
        )
    ]
    for i, (margin, taken) in enumerate(itertools.pairwise(own)):
        text = margin.document.prose
        s0 = margin.claim.sentence.start if margin.claim.sentence else 0
        verb = _TAKES_OFF.search(text, s0, margin.claim.span.start)
        if verb is None or not _OFF_THE.match(_between(margin, taken)):
            continue
        news = [
            r
            for r in own[:i]
            if r.claim.span.end <= verb.start() and _same_measure(r.claim, margin.claim)
        ] or [r for r in named_records if _same_measure(r.claim, margin.claim)]
        if not news or _RELATIVE_CLAUSE.search(text, s0, news[-1].claim.span.start):
            # "Kiptum, who ran 2:01:25 in London, shaved 34 seconds off the
            # 2:01:09": a figure in a clause set off about its subject is not
            # what the subject's verb made
            continue
        old = _with_elided_unit(news, margin, taken)
        if _same_measure(news[-1].claim, old.claim):
            yield margin, news[-1], old


#: right before a figure named as a record: "with a world record of ", "in a
#: record ", "a new best of "
_NAMED_RECORD = regex.compile(
    r"(?i:\b(?:record|best)(?:[ \t\u00a0]+(?:time|mark))?[ \t\u00a0]+(?:of|in|at)"
    r"(?:[ \t\u00a0]+(?:a|an))?|\brecord)[ \t\u00a0]+$"
)


#: before the first of two figures a gap is named between: "The gap between the
#: central bank's "
_GAP_BETWEEN = regex.compile(
    r"(?i:\b(?:gap|difference|spread|margin)[ \t\u00a0]+between)[ \t\u00a0]+"
    r"(?:[\w'’-]+[ \t\u00a0]+){0,4}$"
)
#: between the two figures: " policy rate and "
_GAP_AND = regex.compile(
    r"(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]+(?i:and)[ \t\u00a0]+"
    r"(?:[\w'’-]+[ \t\u00a0]+){0,4}"
)
#: between the second figure and the gap: " inflation, about ", " inflation is "
_THEN_THE_GAP = regex.compile(
    r"(?:[ \t\u00a0]+[\w'’-]+){0,3}(?:[ \t\u00a0]*,|[ \t\u00a0]+(?i:is|was|stood[ \t]+at))"
    r"[ \t\u00a0]+(?:(?i:about|around|roughly|some|nearly|almost|just[ \t]+over"
    r"|just[ \t]+under|more[ \t]+than|less[ \t]+than)[ \t\u00a0]+)?"
)


def _gap_between(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(gap, one figure, the other) for "The gap between the central bank's 21
    percent policy rate and 37.97 percent inflation, about 13 percentage points":
    a gap named between two figures of one measure, then its size."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for a, b, gap in zip(own, own[1:], own[2:], strict=False):
        text = a.document.prose
        s0 = a.claim.sentence.start if a.claim.sentence else 0
        if (
            _GAP_BETWEEN.search(
                text, max(s0, a.claim.span.start - 60), a.claim.span.start
            )
            and _GAP_AND.fullmatch(text, a.claim.span.end, b.claim.span.start)
            and _THEN_THE_GAP.fullmatch(text, b.claim.span.end, gap.claim.span.start)
            and _same_measure(a.claim, b.claim)
        ):
            larger, smaller = (a, b) if a.claim.value >= b.claim.value else (b, a)
            yield gap, larger, smaller


#: between a margin and the figure it is under or over: " under its original ", "
#: over the "
_UNDER_OVER = regex.compile(
    r"^[ \t\u00a0]+(?i:under|over|below|above)[ \t\u00a0]+"
    r"(?:(?i:its|the|their|his|her|a|an)[ \t\u00a0]+)?(?:[\w'’-]+[ \t\u00a0]+){0,3}$"
)
#: between that figure and the level reached: " budget, at ", " estimate, at "
_THEN_AT = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,2}[ \t\u00a0]*,[ \t\u00a0]+(?i:at|to)[ \t\u00a0]+"
    r"(?:(?i:about|around|some|roughly|just)[ \t\u00a0]+)?$"
)


def _margin_then_level(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, level, figure) for "the crossing came in £350m under its original
    £1.6bn budget, at £1.35bn": a margin under or over a figure, then, after a
    comma, the level reached. All three in one measure."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for margin, old, new in zip(own, own[1:], own[2:], strict=False):
        if not (
            _UNDER_OVER.match(_between(margin, old))
            and _THEN_AT.match(_between(old, new))
            and _same_measure(margin.claim, old.claim)
            and _same_measure(new.claim, old.claim)
        ):
            continue
        yield margin, new, old


#: a sentence that opens by saying the figure before broke a record: "It shattered
#: the previous record of ", "She broke the record of "
_BROKE_THE_RECORD = regex.compile(
    r"^[ \t\u00a0]*(?i:it|she|he|they|that|this)[ \t\u00a0]+(?:[a-z]+[ \t\u00a0]+)?"
    r"(?i:broke|beat|bettered|lowered|smashed|shattered|improved|eclipsed|surpassed"
    r"|exceeded|topped)[ \t\u00a0]+(?i:the|her|his|its|their)[ \t\u00a0]+"
    r"(?:[\w'’-]+[ \t\u00a0]+){0,3}?(?i:record|mark|best)(?:[ \t\u00a0]+(?i:of))?[ \t\u00a0]+$"
)


def _record_broken_by(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, new record, old record) for "Phoenix endured 31 straight days at or
    above 110 degrees. It shattered the previous record of 18 days, set in 1974, by
    15 days": the old record and the margin in a sentence whose subject points back
    at the one figure of their measure the sentence before states."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    if len(own) < 2:
        return
    old, margin = own[0], own[1]
    sentence = old.claim.sentence
    if sentence is None:
        return
    text = old.document.prose
    s0 = sentence.start
    if not _BROKE_THE_RECORD.match(text[s0 : old.claim.span.start]) or not (
        _THEN_BY.match(_between(old, margin))
    ):
        return
    before = [
        r
        for r in earlier
        if r.claim.equivalent_of is None
        and _in_sentence_before(r, s0)
        and _same_measure(r.claim, old.claim)
    ]
    if len(before) == 1 and (
        _same_measure(margin.claim, old.claim) or _margin_unit(margin.claim, old.claim)
    ):
        yield margin, before[0], old


def _on_the_scale_of(ref: ClaimRef, other: ClaimRef) -> ClaimRef:
    """ "41.1 degrees Celsius ... exceeded the previous record of 41.0 degrees": a
    temperature in bare degrees set against one on a named scale is on that scale."""
    if ref.claim.unit != "degree" or other.claim.unit not in _DEGREE_SCALES:
        return ref
    return attrs.evolve(ref, claim=attrs.evolve(ref.claim, unit=other.claim.unit))


#: right after an amount of a change, the earlier time it is measured on: " less
#: than a year earlier", " more than in 2022"
_THAN_BEFORE = regex.compile(
    r"[ \t\u00a0]+(?i:less|more|lower|higher|fewer)[ \t\u00a0]+(?i:than)[ \t\u00a0]+"
    r"(?i:a[ \t]+year[ \t]+(?:earlier|ago|before)|last[ \t]+year|the[ \t]+(?:previous"
    r"|prior)[ \t]+year|the[ \t]+year[ \t]+before|in[ \t]+(?:19|20)\d\d)\b"
)


def _amount_than_before(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(amount, new, old) where a clause states a change's two ends and then its
    amount as "less (or more) than a year earlier": "Net income fell to R$124.6
    billion from the record R$188.3 billion of 2022, R$63.7 billion less than a
    year earlier"."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    if not any(_THAN_BEFORE.match(r.document.prose, r.claim.span.end) for r in own):
        return  # (the ends are read only for a sentence that has such an amount)
    for new, old, _ in stated_ends(claims):
        last = max(new.claim.span.end, old.claim.span.end)
        after = [r for r in own if r.claim.span.start >= last]
        if not after:
            continue
        amount = after[0]
        if (
            _APPOSITIVE.search(amount.document.prose[last : amount.claim.span.start])
            and _THAN_BEFORE.match(amount.document.prose, amount.claim.span.end)
            and _same_measure(amount.claim, new.claim)
            and _same_measure(amount.claim, old.claim)
        ):
            yield amount, new, old


_BEATEN_BY_WHY = (
    "a winner beat a rival by a margin, and the two figures set against each other "
    "stand in that sentence or the one beside it, naming a side"
)


def _margin_arithmetic(ctx: AuditContext) -> Iterator[Finding]:
    """FC301 on a record's stated margin (the new record and the old one differ by
    it) and on a profit or loss named after the two amounts it is made of."""
    seen: list[ClaimRef] = []  # the report's claims before the sentence
    for claims, earlier in _sentences_after(ctx, _RECORD_SENTENCES):
        if seen and seen[0].doc_index != claims[0].doc_index:
            seen = []
        readings = (
            (
                _margin_triples(claims, earlier),
                "margin",
                "one sentence states a record, the one it beat and by how much",
            ),
            (
                # read before the sentence's own claims join ``seen`` below
                _gaps_to_the_winner(claims, seen),
                "gap",
                "a runner-up's time and its gap behind the one time near it the "
                "report stated before, the winner's",
            ),
            (
                _difference_triples(claims),
                "difference",
                "one sentence states two amounts and the profit or loss between them",
            ),
            (
                _lead_over_the_sentence_before(claims, earlier),
                "difference",
                "a lead named after one figure, over the one the sentence before states",
            ),
            (
                _amount_of_a_change(claims),
                "change",
                "one sentence states a change's two ends and its amount",
            ),
            (
                _comparative_margins(claims, earlier),
                "margin",
                "one sentence states two figures and by how much one exceeds the other",
            ),
            (
                _margins_over_a_named_side(claims, earlier),
                "margin",
                "a margin over a side the text names, whose figure it also states",
            ),
            (
                _exceeds_by(claims),
                "margin",
                "one sentence says a figure exceeds another by a margin",
            ),
            (
                _taken_off(claims, earlier),
                "margin",
                "one sentence states a figure and a margin taken off an earlier one",
            ),
            (
                _gap_between(claims),
                "margin",
                "one sentence names the gap between two figures it states",
            ),
            (
                _margin_then_level(claims),
                "margin",
                "one sentence states a margin under or over a figure, then the level "
                "reached",
            ),
            (
                _record_broken_by(claims, earlier),
                "margin",
                "a record the figure the sentence before states broke, by a margin",
            ),
            (
                _gap_of_the_two_before(claims, earlier),
                "margin",
                "a gap named after the two figures the sentence before states",
            ),
            (
                _margin_after_the_two(claims),
                "margin",
                "one sentence sets two figures against each other and names the "
                "margin between them",
            ),
            (
                _margins_beaten_by(claims, earlier),
                "margin",
                _BEATEN_BY_WHY,
            ),
            (
                _amount_than_before(claims),
                "change",
                "one sentence states a change's two ends and how much less or more "
                "the new one is than before",
            ),
        )
        for triples, what, why in readings:
            for margin, new, old in triples:
                if not _within_ends(margin, new, old):
                    continue  # "... from $1.51 and lift buybacks by $2.5bn": another's
                n, o = _stated(new.claim), _stated(old.claim)
                if _exact_count(new.claim) and _exact_count(old.claim):
                    # "169 seats, seven short of the 176 needed", "192 seats, eight
                    # short of the 200": counts of seats or votes in digits are
                    # exact, however round
                    n = Interval(new.claim.value, new.claim.value)
                    o = Interval(old.claim.value, old.claim.value)
                # two percentages differ in points
                unit = "pp" if old.claim.kind == "percent" else old.claim.unit
                difference = _difference(n, o, unit)
                if difference is None:
                    continue
                ctx.mark_checked(margin, new, old)
                gap = _abs(difference)
                if difference.contains(0.0):
                    gap = Interval(0.0, gap.high, gap.unit)  # the two may meet
                stated = _in_time_unit(_stated(margin.claim), unit)
                if unit == "pp" and margin.claim.kind == "count":
                    # the extractor reads a count of points to its last digit
                    stated = Interval(margin.claim.low, margin.claim.high, unit)
                if (
                    unit == "pp"
                    and margin.claim.kind == "count"
                    and stated.low == stated.high
                ):
                    # "13 points clear": a count of points is rounded to its last
                    # digit (a whole point, or its last decimal)
                    value = margin.claim.value
                    half = (
                        1.0 if value == int(value) else precision_of_value(value)
                    ) / 2
                    low, high = stated.low, stated.high
                    stated = Interval(
                        None if low is None else low - half,
                        None if high is None else high + half,
                        unit,
                    )
                elif unit == "pp":
                    stated = Interval(stated.low, stated.high, unit)
                if stated.overlaps(gap):
                    continue
                yield _change_finding(
                    ctx,
                    margin,
                    gap,
                    f"{margin.claim.text!r} is not the {what} between {new.claim.text!r} "
                    f"and {old.claim.text!r}: they differ by {format_interval(gap)} "
                    f"(from {format_interval(o)} to {format_interval(n)}), the text says "
                    f"{format_interval(stated)}",
                    related=[new, old],
                    values={
                        "new_value": new.claim.value,
                        "old_value": old.claim.value,
                        "unit": old.claim.unit,
                    },
                    evidence=why
                    if new.claim.sentence == margin.claim.sentence
                    or why == _BEATEN_BY_WHY
                    else "the sentence's subject names the record the sentence before states",
                )
        seen.extend(claims)


def _delta_arithmetic(ctx: AuditContext) -> Iterator[Finding]:
    """FC301 on a change stated as an amount and as a percentage of its start."""
    for claims in _sentences(ctx):
        for pct, delta, base in _delta_triples(claims):
            d, b = _abs(_stated(delta.claim)), _stated(base.claim)
            if d.low is None or d.high is None or b.low is None or b.high is None:
                continue
            if b.low <= 0:
                continue
            ctx.mark_checked(pct, delta, base)
            implied = Interval(d.low / b.high * 100, d.high / b.low * 100, "%")
            stated = _abs(_stated(pct.claim))
            if stated.overlaps(implied):
                continue
            yield _change_finding(
                ctx,
                pct,
                implied,
                f"{pct.claim.text!r} does not follow from a change of "
                f"{delta.claim.text!r} on {base.claim.text!r}: "
                f"{format_interval(d)} over {format_interval(b)} is "
                f"{format_interval(implied)}, the text says {format_interval(stated)}",
                related=[delta, base],
                values={
                    "change_value": delta.claim.value,
                    "base_value": base.claim.value,
                    "unit": base.claim.unit,
                },
                evidence="one sentence states a change as an amount and a percentage",
            )


def _delta_to_arithmetic(ctx: AuditContext) -> Iterator[Finding]:
    """FC301 on a change stated as an amount, the level it led to and a
    percentage: the start is the level less the change."""
    for claims in _sentences(ctx):
        for pct, delta, new, direction in itertools.chain(
            _delta_to_triples(claims),
            _level_then_amount(claims),
            _level_then_change(claims),
            _level_is_more_than_before(claims),
        ):
            d, n = _abs(_stated(delta.claim)), _stated(new.claim)
            if d.low is None or d.high is None or n.low is None or n.high is None:
                continue
            base = (
                Interval(n.low - d.high, n.high - d.low, n.unit)
                if direction > 0
                else Interval(n.low + d.low, n.high + d.high, n.unit)
            )
            if base.low is None or base.high is None or base.low <= 0:
                continue
            ctx.mark_checked(pct, delta, new)
            implied = Interval(d.low / base.high * 100, d.high / base.low * 100, "%")
            stated = _abs(_stated(pct.claim))
            if stated.overlaps(implied):
                continue
            moved = "rose" if direction > 0 else "fell"
            yield _change_finding(
                ctx,
                pct,
                implied,
                f"{pct.claim.text!r} does not follow from a change of "
                f"{delta.claim.text!r} to {new.claim.text!r}: it {moved} from "
                f"{format_interval(base)}, so {format_interval(d)} over "
                f"{format_interval(base)} is {format_interval(implied)}, the text "
                f"says {format_interval(stated)}",
                related=[delta, new],
                values={
                    "change_value": delta.claim.value,
                    "new_value": new.claim.value,
                    "unit": new.claim.unit,
                },
                evidence=(
                    "one sentence states a change as an amount, the level it led "
                    "to and a percentage"
                ),
            )


def _points_or_pp(claim: Claim) -> bool:
    """A difference between two percentages: in percentage points ("4.34
    percentage points") or a count of points ("13 points")."""
    return claim.unit == "pp" or _in_points(claim)


def _in_points(claim: Claim) -> bool:
    """ "a drop of almost 30 points": a count of points, which between two
    percentages is a difference in percentage points."""
    return claim.kind == "count" and (claim.noun or "").partition(" ")[0] in (
        "points",
        "point",
    )


def _abs(iv: Interval) -> Interval:
    """The magnitudes an interval allows (bounds of |x|). An open end stays open:
    "a drop of more than 20 points" allows any magnitude from 20 up; "less than 20
    points", as a magnitude, up to 20."""
    lo, hi = iv.low, iv.high
    if lo is None and hi is None:
        return Interval(0.0, None, iv.unit)
    if hi is None:
        return Interval(max(lo or 0.0, 0.0), None, iv.unit)
    if lo is None:
        return Interval(0.0, hi, iv.unit) if hi >= 0 else Interval(-hi, None, iv.unit)
    if lo <= 0 <= hi:
        return Interval(0.0, max(-lo, hi), iv.unit)
    return Interval(min(abs(lo), abs(hi)), max(abs(lo), abs(hi)), iv.unit)


def _difference(new: Interval, old: Interval, unit: str | None) -> Interval | None:
    """``new - old`` over every value both allow, or None if an end is open."""
    if new.low is None or new.high is None or old.low is None or old.high is None:
        return None
    return Interval(new.low - old.high, new.high - old.low, unit)


def _readings(
    pct: ClaimRef, new: ClaimRef, old: ClaimRef
) -> tuple[Interval, Interval, Interval] | None:
    """The stated change's magnitude, and the two percentages' difference in points
    and relative change in percent (magnitudes), or None if an end is open."""
    new_iv, old_iv = _ends(pct, new, old)
    points = _difference(new_iv, old_iv, "pp")
    relative = _ratio_change(new_iv, old_iv)
    if points is None or relative is None:
        return None
    return _abs(_stated(pct.claim)), _abs(points), _abs(relative)


def _either_reading_fits(pct: ClaimRef, new: ClaimRef, old: ClaimRef) -> bool:
    """Whether the stated change fits the two percentages as points or as percent."""
    readings = _readings(pct, new, old)
    if readings is None:
        return True
    mag, points, relative = readings
    return mag.overlaps(points) or mag.overlaps(relative)


@rule(
    "FC301",
    "change-arithmetic",
    "error",
    '"rose N% to X from Y" does not compute',
    scope="document",
)
def change_arithmetic(ctx: AuditContext) -> Iterator[Finding]:
    """A stated change does not compute from the stated values.

    *What it checks.* A sentence that gives a change and both ends of it ("revenue
    rose 13% to 31.7 billion yuan from 28.1 billion", "fell from $3.5 trillion to
    $2.9 trillion, down 17%"). The change implied by the two values, over every value
    their stated precision allows, must include the stated change. Changes stated in
    percentage points are checked as differences. A change stated both as an amount
    and as a percentage of its starting value ("an increase of 77p on the current
    rate of £11.44, a 6.7% rise") must agree with itself too. So must a change stated
    as an amount between two values of its clause ("up from 2,012 on Saturday, an
    increase of 110"), a record's margin over the one it beat ("reaching 47.9C
    and beating Sunday's 46.6C by 1.3 degrees", "whose $426.5 million contract he
    beat by $273.5 million", or "Operating profit topped the 2018 peak of 20.84
    trillion won by 3.6 trillion won" after the year's profit), a margin, gap or
    natural decline named after its two figures ("160 seats to the Conservatives'
    144, a margin of 16"; "..., leaving Mr Harper's party 8.1 points ahead"), a
    race time "behind" another (the larger time), and a figure compared with another ("£29.34 a share, some
    17% more than the first proposal of £25.08", also from a sentence that opens
    "That figure is ..."), or a listing's move "up 54% on the offer price" when
    the article states that price before ("priced at 1,200 yen", "the issue price
    of Rs 1,960"). A figure said to beat a record must be above it ("254.8
    mm, surpassing the previous record of 287.6 mm" cannot hold; a low or a race
    time is beaten from below).

    *Why it matters.* Growth rates are recomputed by every reader who has both
    figures; a wrong one is the easiest error to spot and the most embarrassing.

    *Example.* From 11.1 to 12.1 million is 8.1% to 10.0% after rounding.

        fires: Sales rose 19.5% to $12.1 million from $11.1 million.
        silent: Sales rose 9% to $12.1 million from $11.1 million.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    yield from _delta_arithmetic(ctx)
    yield from _delta_to_arithmetic(ctx)
    yield from _margin_arithmetic(ctx)
    yield from _records_below_the_beaten(ctx)
    offers = _offer_prices(ctx)
    offer_keys = {r.key for refs in offers.values() for r in refs}
    for claims, earlier in _sentences_after(ctx, _EARLIER_SENTENCES):
        own = list(_change_triples(claims))
        read = {t[0].key for t in own}
        own += [t for t in _named_change_triples(claims) if t[0].key not in read]
        read = {t[0].key for t in own}
        own += [t for t in _changes_named_after_ends(claims) if t[0].key not in read]
        read = {t[0].key for t in own}
        apposed = list(_apposed_changes(claims, earlier))
        apposed_keys = {t[0].key for t in apposed}
        from_peak = list(_margins_from_a_stated_peak(claims, earlier))
        peak_keys = {t[0].key for t in from_peak}
        triples = itertools.chain(
            own,
            _premiums_on_a_stated_close(claims, earlier),
            _compared_triples(claims, earlier, read),
            (
                t
                for t in _pointed_amount_changes(claims, earlier)
                if t[0].key not in read
            ),
            (t for t in _pointed_moves(claims, earlier) if t[0].key not in read),
            (t for t in apposed if t[0].key not in read),
            (t for t in from_peak if t[0].key not in read),
            _fraction_changes(claims, earlier),
            (
                t
                for t in _changes_on_the_offer_price(claims, offers)
                if t[0].key not in read
            ),
        )
        for pct, new, old in triples:
            if new.claim.kind == "percent" and _either_reading_fits(pct, new, old):
                continue  # a change between percentages in points or percent: FC304
            if _of_another_period(pct, new, old):
                continue
            ctx.mark_checked(pct, new, old)
            misfit = change_misfit(pct, new, old)
            if misfit is None:
                continue
            shown, what = misfit
            new_iv, old_iv = _ends(pct, new, old)
            yield _change_finding(
                ctx,
                pct,
                shown,
                f"{pct.claim.text!r} does not follow from {old.claim.text!r} to "
                f"{new.claim.text!r}: their {what} is {format_interval(shown)} "
                f"(from {format_interval(old_iv)} to {format_interval(new_iv)}"
                f"{_TO_THE_BASIS_POINT if _BASIS_POINTS.search(pct.claim.text) else ''}"
                f"), the text says {format_interval(_said(pct.claim))}",
                related=[new, old],
                values={
                    "new_value": new.claim.value,
                    "old_value": old.claim.value,
                    "unit": new.claim.unit,
                },
                evidence=(
                    "one sentence states the change and both values"
                    if old.claim.sentence == new.claim.sentence == pct.claim.sentence
                    else "the change is measured on the offer price the article states"
                    if old.key in offer_keys
                    else "the change stands beside the level it led to, measured "
                    "on the one figure of that attribute the sentence before states"
                    if pct.key in apposed_keys
                    else "the margin is measured from the peak the paragraph states "
                    "as touched or hit"
                    if pct.key in peak_keys
                    else "a premium names the close a sentence before states"
                    if new.claim.sentence == pct.claim.sentence
                    else "the sentence compares the figure the sentence before states"
                ),
            )


#: after a percentage, up to the figure it compares with: "12% more than BHP's
#: first proposal of ", "24% more than the ", "15% above the "
_COMPARED = regex.compile(
    r"^[ \t\u00a0]+(?i:more|higher|bigger|larger|greater|above|less|lower|smaller"
    r"|below|fewer|cheaper|dearer|pricier|costlier)(?:[ \t\u00a0]+(?i:than))?"
    # "16.6% more than last season and 1 kg above the record": a list's joiner
    # ends what the percentage is compared with
    # (the compared figure's noun may carry its time: "above Mittal's first offer
    # in January of")
    r"(?:[ \t\u00a0]+(?!(?i:and|but|while|whereas)\b)[\w'’-]+){0,7}?[ \t\u00a0]+$"
)


def _compared_triples(
    claims: Sequence[ClaimRef],
    earlier: Sequence[ClaimRef],
    read: set[tuple[int, str]],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(percentage, figure, the figure it is compared with) for "value Anglo at
    £29.34 a share, some 12% more than BHP's first proposal of £25.08", and for a
    sentence that points back at the figure before it ("2.1 million people filled
    the beach. That figure is around 24% more than the 1.6 million who saw
    Madonna"), also in percentage points between two percentages ("the average
    rise was 5.28%. That is 1.9 percentage points higher than last year's
    3.58%"). The figure is the nearest before the percentage in the compared
    one's measure, none other of that measure between. Percentages ``read`` as a
    change between two ends already are left alone."""
    bases: set[tuple[int, str]] = set()  # the figures compared with so far
    for i, pct in enumerate(claims[:-1]):
        claim = pct.claim
        if (
            claim.kind != "percent"
            or claim.unit not in ("%", "pp")
            or claim.qualifier == "range"
        ):
            continue
        # "290% above the 30-year average of 134mm": a figure glued to its unit
        # by a hyphen modifies the noun, it is not the figure compared with
        after = [
            r for r in claims[i + 1 :] if not HYPHENED_MEASURE.fullmatch(r.claim.text)
        ]
        if not after:
            continue
        old = after[0]
        # "1.9 percentage points higher than last year's 3.58%": points between
        # two percentages; a percentage between two amounts
        compared = (
            ("percent",) if claim.unit == "pp" else ("money", "count", "quantity")
        )
        if old.claim.kind not in compared or not _COMPARED.match(_between(pct, old)):
            continue
        bases.add(old.key)
        if pct.key in read:
            continue
        # the base of an earlier comparison is none of this one's: "Tk 797,000
        # crore, 4.6 percent higher than the original Tk 761,785 crore and 11.6
        # percent above the revised Tk 714,418 crore" compares the outlay twice
        same = [
            r
            for r in claims[:i]
            if _two_ends(r, old)
            and r.key not in bases
            # "$1.94 billion, $127 million or 7 per cent more than last year's": the
            # amount the percentage restates is the change, not the figure compared
            and not (r is claims[i - 1] and _RESTATED_AS.match(_between(r, pct)))
        ]
        if same:
            new = same[-1]
            frame = new.claim.frame
            if (
                _FROM.search(_before(new))
                or _THAN.search(_before(new))
                or (frame is not None and frame.role != "level")
            ):
                # "up from $5.90 in February and nearly 26% above January's
                # $4.95": a value measured from is no level compared with another
                continue
            if _clause_of(new) == _clause_of(pct) or _APPOSITIVE.search(
                _between(new, pct)
            ):
                yield pct, new, old
            continue
        text = pct.document.prose
        start = claim.span.start
        q = _LEADING_QUALIFIER.search(text, max(0, start - 24), start)
        referent = _pointed_at(old, q.start() if q else start, earlier)
        if referent is not None:
            yield pct, referent, old


def _with_the_tops_unit(before: Sequence[ClaimRef], base: ClaimRef) -> ClaimRef:
    """ "5.3 million tonnes of copper, more than twice Peru's 2.8 million": a bare
    scaled number a multiple is of, after a figure of a unit and the same scale
    word, leaves that unit unsaid. Anything else is read as written."""
    c = base.claim
    words = c.text.split()
    if c.kind != "count" or c.unit is not None or c.noun:
        return base
    prev = before[-1].claim if before else None
    if (
        prev is None
        or prev.kind not in ("money", "quantity")
        or prev.unit is None
        or len(words) < 2
        or words[-1].lower() not in SCALES
        or words[-1].lower() not in prev.text.lower().split()
    ):
        return base
    return attrs.evolve(base, claim=attrs.evolve(c, kind=prev.kind, unit=prev.unit))


#: a change's size as a fraction word, after its verb and "by": "grew by almost a
#: third", "fell by half", "was cut by a quarter"
_BY_FRACTION = regex.compile(
    r"(?i:\b(?:rose|rise[sn]?|grew|grow[sn]?|gained|increased|jumped|climbed|fell"
    r"|fall[sn]?|dropped|declined|decreased|shrank|cut|reduced|slashed|up|down))"
    rf"[ \t\u00a0]+(?i:by)[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: between a fraction change and its start: " on 2023's ", " from the "
_ON_ITS_START = regex.compile(
    r"^[ \t\u00a0]+(?i:on|from)[ \t\u00a0]+(?:(?i:the|its|their)[ \t\u00a0]+)?"
    # "on the previous year's ", "from last year's "
    r"(?:(?:[\w-]+[ \t\u00a0]+)?[\w-]+['’]s[ \t\u00a0]+)?$"
)


#: right before a change sized by a fraction word after its two ends: ", a
#: reduction of more than ", ", an increase of nearly "
_A_CHANGE_OF_FRACTION = regex.compile(
    r",[ \t\u00a0]+(?i:a|an)[ \t\u00a0]+(?i:reduction|cut|decrease|decline|drop|fall"
    r"|increase|rise|jump|gain)[ \t\u00a0]+(?i:of)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)


def _said(claim: Claim) -> Interval:
    """What a change's figure says, for a message: a fraction in words as the
    percentage it is ("more than half": at least 50%)."""
    if _is_share_word(claim):
        share = _stated_share(claim)
        if share is not None:
            return share
    return _stated(claim)


def _fraction_changes(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(fraction, the level it led to, the start) for a change sized by a fraction
    word and measured on a start named right after it: "The surplus reached $992
    billion. That means the surplus grew by almost a third on 2023's $823
    billion." The level is the nearest figure of the start's measure before the
    change in its sentence, or else the one such figure of the sentence before."""
    for i, change in enumerate(claims):
        if not _is_share_word(change.claim):
            continue
        text = change.document.prose
        s0 = change.claim.sentence.start if change.claim.sentence else 0
        start = change.claim.span.start
        if _A_CHANGE_OF_FRACTION.search(text, max(s0, start - 40), start):
            # "cutting the daily allowance from 87 litres to 50 litres a person, a
            # reduction of more than half": both ends before the change they make
            tos = [r for r in claims[:i] if _TO.search(_before(r))]
            froms = [r for r in claims[:i] if _FROM.search(_before(r))]
            if len(tos) == 1 and len(froms) == 1 and _two_ends(tos[0], froms[0]):
                yield change, tos[0], froms[0]
            continue
        if i == len(claims) - 1 or not _BY_FRACTION.search(
            text, max(s0, start - 60), start
        ):
            continue
        ends = claims[i + 1 : i + 3]
        if (
            len(ends) == 2
            and _TO.search(_before(ends[0]))
            and _FROM.search(_before(ends[1]))
            and _two_ends(*ends)
        ):
            # "fell by a fifth to $12.4 billion in August from $17.5 billion"
            yield change, ends[0], ends[1]
            continue
        old = claims[i + 1]
        if old.claim.kind not in (
            "money",
            "count",
            "quantity",
        ) or not _ON_ITS_START.match(_between(change, old)):
            continue
        before = [r for r in claims[:i] if _two_ends(r, old)]
        if before:
            yield change, before[-1], old
            continue
        after = claims[i + 2 : i + 3]
        if after and _two_ends(after[0], old) and _TO.search(_before(after[0])):
            # "cut by a quarter from $200 million to $150 million"
            yield change, after[0], old
            continue
        prior = [r for r in earlier if _in_sentence_before(r, s0) and _two_ends(r, old)]
        if len(prior) == 1:
            yield change, prior[0], old


def _pointed_amount_changes(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(amount of a change, the figure the sentence points back at, the start it
    names) for "Each champion will get £2.7 million. That is a rise of £350,000
    on the £2.5 million that last year's champions took home": a change named by
    its noun, its amount, and the value it is measured on, after the figure it
    led to."""
    for i, change in enumerate(claims[:-1]):
        percent = change.claim.kind == "percent" and change.claim.unit == "%"
        if not (_is_amount_change(change) or percent):
            continue
        text = change.document.prose
        s0 = change.claim.sentence.start if change.claim.sentence else 0
        named = _CHANGE_NAMED_BEFORE.search(text, s0, change.claim.span.start)
        if named is None:
            continue
        old = claims[i + 1]
        if not (
            (
                percent
                or (_two_ends(change, old) and _same_measure(change.claim, old.claim))
            )
            and _ON_START.match(_between(change, old))
        ):
            continue
        # "The haul is an increase of almost 300% over the Rs 16,347.5 crore": a
        # change named by its noun may point back by any noun ("the haul")
        referent = _pointed_at(old, named.start(), earlier, _THE_NOUN_IS)
        if referent is not None and (not percent or old.claim.kind != "percent"):
            yield change, referent, old


#: the subject of a sentence pointing back at a figure, then its verb
_POINTER = (
    r"^[ \t\u00a0]*(?:(?i:that|this|it)|(?i:the)[ \t\u00a0]+(?i:figure|total|number"
    r"|result|tally|sum|amount))[ \t\u00a0]+"
)
#: a sentence pointing back at a figure and saying how it moved: "That was up ",
#: "It is down nearly ", "The total was up "
_POINTED_MOVE = regex.compile(
    rf"{_POINTER}(?i:is|was|were|are)(?:[ \t\u00a0]+(?i:already|still|now))?"
    r"[ \t\u00a0]+(?i:up|down)[ \t\u00a0]+"
)
#: between such a move and the figure it was measured from: " from ", " on last
#: year's "
_MOVE_FROM = regex.compile(
    r"^[ \t\u00a0]+(?i:from|on)[ \t\u00a0]+(?:(?i:the|its|their|a|an|[\w-]+['’]s)"
    rf"[ \t\u00a0]+)?{_ABOUT}$"
)
#: a sentence pointing back at a figure and setting it against another: "That
#: compares with ", "It compared with the ", "This compares to last year's "
_POINTED_COMPARES = regex.compile(
    rf"{_POINTER}(?i:compares|compared)[ \t\u00a0]+(?i:with|to)[ \t\u00a0]+"
    r"(?:(?i:the|its|their|a|an|[\w-]+['’]s)[ \t\u00a0]+)?"
)
#: between the figure compared with and the change that names the move: " a year
#: earlier, an increase of ", " in 2022, up ", ", a drop of about "
_THEN_THE_MOVE = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,5},[ \t\u00a0]+(?:(?i:an?)[ \t\u00a0]+"
    r"(?:[a-z-]+[ \t\u00a0]+)?(?i:rise|increase|jump|gain|drop|fall|decline|decrease"
    r"|cut|reduction)[ \t\u00a0]+(?i:of)|(?i:up|down))[ \t\u00a0]+"
    rf"{_ABOUT}$"
)


def _pointed_moves(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(percentage change, the figure the sentence points back at, the figure it
    was measured from) for a sentence that carries the figure of the sentence
    before as its subject and states how it moved: "Revenue was $7.82 billion.
    That was up 11% from $7.14 billion a year earlier", "... That compares with
    $7.14 billion a year earlier, an increase of 11%"."""

    def a_move_and_a_level(pct: ClaimRef, old: ClaimRef) -> bool:
        return (
            pct.claim.kind == "percent"
            and pct.claim.unit == "%"
            and old.claim.kind in ("money", "count", "quantity")
        )

    for first, second in itertools.pairwise(claims):
        # "That was up 11% from $7.14 billion": the move, then its start
        if a_move_and_a_level(first, second) and _MOVE_FROM.match(
            _between(first, second)
        ):
            referent = _pointed_at(
                second, first.claim.span.start, earlier, _POINTED_MOVE
            )
            if referent is not None:
                yield first, referent, second
        # "That compares with $7.14 billion ..., an increase of 11%": the start,
        # then the move
        elif a_move_and_a_level(second, first) and _THEN_THE_MOVE.match(
            _between(first, second)
        ):
            referent = _pointed_at(
                first, first.claim.span.start, earlier, _POINTED_COMPARES
            )
            if referent is not None:
                yield second, referent, first


#: a change named by its noun right before its amount: "a rise of ", "an increase
#: of about ", "an erosion of about "
_CHANGE_NAMED_BEFORE = regex.compile(
    r"(?i:an?)[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+)?(?i:rise|increase|jump|gain|drop"
    r"|fall|decline|cut|reduction|erosion|improvement|deterioration)[ \t\u00a0]+"
    rf"(?i:of)[ \t\u00a0]+{_ABOUT}"
    # "an improvement of more than 25% on": a bound on the change
    r"(?:(?i:more[ \t]+than|less[ \t]+than|over|under)[ \t\u00a0]+)?$"
)
#: after a margin, the peak it is measured from, named without its figure: " below
#: its peak", " off the record high", " short of its high"
_FROM_ITS_PEAK = regex.compile(
    r"[ \t\u00a0]+(?i:below|off|under|short[ \t\u00a0]+of|down[ \t\u00a0]+from|from)"
    r"[ \t\u00a0]+(?i:its|the|their|this[ \t\u00a0]+week's|the[ \t\u00a0]+day's)"
    r"[ \t\u00a0]+(?:(?i:record|intraday|session|all-time)[ \t\u00a0]+)?"
    r"(?i:peak|high|record|top)\b(?![ \t\u00a0]+(?i:of|at)\b)"
)
#: right before a peak's figure: "briefly touched ", "jumped as high as ", "a peak of "
_PEAK_BEFORE = regex.compile(
    r"(?i:\b(?:touched|hit|as[ \t\u00a0]+high[ \t\u00a0]+as|peak(?:ed)?[ \t\u00a0]+(?:of|at)"
    r"|high[ \t\u00a0]+of|record[ \t\u00a0]+of|topped[ \t\u00a0]+out[ \t\u00a0]+at))"
    r"(?:[ \t\u00a0]+(?i:a|an|about|nearly|some))?[ \t\u00a0]+$"
)
#: between a level and the change set beside it: ", " (then "an erosion of"),
#: ", nearly " (then "$26 below its peak")
_LEVEL_THEN_MARGIN = regex.compile(
    rf"^[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)?$"
)


def _margins_from_a_stated_peak(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(margin, level, peak) for "Brent briefly touched $139.13 a barrel ... Brent
    settled at $123.21, nearly $26 below its peak": a margin set beside a level and
    measured from a peak the sentence names without its figure, the one figure of
    the level's measure stated as touched or hit earlier in the paragraph."""
    for i, margin in enumerate(claims):
        if i == 0 or not _is_amount_change(margin):
            continue
        text = margin.document.prose
        level = claims[i - 1]
        if (
            _FROM_ITS_PEAK.match(text, margin.claim.span.end) is None
            or not _LEVEL_THEN_MARGIN.match(_between(level, margin))
            or not _two_ends(margin, level)
        ):
            continue
        peaks = [
            r
            for r in [*earlier, *claims[: i - 1]]
            if r.claim.equivalent_of is None
            and _two_ends(level, r)
            and _PEAK_BEFORE.search(_before(r, 40))
            and not _BLANK_LINE.search(text, r.claim.span.end, margin.claim.span.start)
        ]
        if len(peaks) == 1:
            yield margin, level, peaks[0]


def _apposed_changes(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(amount of a change, the level it led to, the level before) for "At the issue
    price, LIC was valued at Rs 6,00,242 crore. By the close its market
    capitalisation was Rs 5,53,722 crore, an erosion of about Rs 64,500 crore": a
    change named by its noun right after the level it led to, measured on the one
    figure of that level's attribute in the sentence before (none is named in its
    own sentence)."""
    for i, change in enumerate(claims):
        if i == 0 or not _is_amount_change(change):
            continue
        text = change.document.prose
        s0 = change.claim.sentence.start if change.claim.sentence else 0
        named = _CHANGE_NAMED_BEFORE.search(text, s0, change.claim.span.start)
        new = claims[i - 1]
        frame = new.claim.frame
        if (
            named is None
            or frame is None
            or not named_class(frame.attribute)
            or not _LEVEL_THEN_MARGIN.match(text[new.claim.span.end : named.start()])
            or not _two_ends(change, new)
            or any(_ON_START.match(_between(change, r)) for r in claims[i + 1 :])
        ):
            continue
        sentence_start = new.claim.sentence.start if new.claim.sentence else s0
        before = [
            r
            for r in earlier
            if r.claim.equivalent_of is None
            and _in_sentence_before(r, sentence_start)
            and _two_ends(new, r)
            and r.claim.frame is not None
            and r.claim.frame.attribute == frame.attribute
        ]
        if len(before) == 1:
            yield change, new, before[0]


#: between a change's amount and the value it is measured on: " on the ", " from
#: its "
_ON_START = regex.compile(
    r"^[ \t\u00a0]+(?i:on|from|over)[ \t\u00a0]+(?:(?i:the|its|their|a)[ \t\u00a0]+)?$"
)


#: right before a figure a multiple is of: "twice the ", "four times the "
_MULTIPLE_BEFORE = regex.compile(
    r"(?i:\b(?:twice|double|triple|treble|quadruple|half|times))"
    r"(?:[ \t\u00a0]+[\w'’-]+){0,3}[ \t\u00a0]+$"
)
#: right before a figure compared with: "than ", "above ", "than the "
_THAN = regex.compile(
    r"(?i:\b(?:than|above|below|over|under))(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]+$"
)
#: a qualifier right before a percentage: "around ", "some "
_LEADING_QUALIFIER = regex.compile(rf"(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+$")


#: a change in basis points: "50 basis points", "25bp", "25 bps"
_BASIS_POINTS = regex.compile(r"(?i:basis[ \t\u00a0-]+points?|\bbps?\b|\d\s*bps?\b)")


def _ends(pct: ClaimRef, new: ClaimRef, old: ClaimRef) -> tuple[Interval, Interval]:
    """The intervals of a change's two ends. A writer counting the change in
    basis points gives its ends to the hundredth: "cut by 50 basis points to 3.75
    percent, from 4 percent" starts at 4.00%."""
    if _BASIS_POINTS.search(pct.claim.text):
        return _to_the_basis_point(new.claim), _to_the_basis_point(old.claim)
    return _stated(new.claim), _stated(old.claim)


#: how a finding says it read a change's ends to the basis point
_TO_THE_BASIS_POINT = ", read to the basis point as the change is"


def _to_the_basis_point(claim: Claim) -> Interval:
    """A percentage's interval read to the hundredth of a point when it is stated
    plainly; a qualified one keeps its qualifier's band."""
    if claim.kind == "percent" and claim.qualifier is None:
        return Interval(claim.value - 0.005, claim.value + 0.005, claim.unit)
    return _stated(claim)


def change_misfit(
    pct: ClaimRef, new: ClaimRef, old: ClaimRef
) -> tuple[Interval, str] | None:
    """What a stated change should be, from its two ends, and what it is ("change"
    in percent, "difference" in points or the measure's unit), when the stated
    change cannot be it (in the direction its verb gives); None when it fits or an
    end is open."""
    stated = _stated_share(pct.claim) if _is_share_word(pct.claim) else None
    stated = stated or _stated(pct.claim)
    new_iv, old_iv = _ends(pct, new, old)
    amount = _is_amount_change(pct)
    if _points_or_pp(pct.claim) or amount:
        difference = _difference(new_iv, old_iv, new.claim.unit if amount else "pp")
        if difference is None:
            return None
        implied, what = difference, "difference"
    else:
        change = _ratio_change(new_iv, old_iv, open_new=True)
        if change is None:
            return None
        implied, what = change, "change"
    sign = _direction(pct)
    candidates = [implied]
    if sign == 0 or pct.claim.value < 0:
        candidates = [implied, _negated(implied)]
    elif sign < 0:
        candidates = [_negated(implied)]
    if any(stated.overlaps(c) for c in candidates):
        return None
    if what == "change" and _quoted_rate(new) and _quoted_rate(old):
        # "the peso rose 4.4 percent to 9.43 per dollar from 9.86": the verb is the
        # currency's, the size may be its quote's, which moves the other way
        if stated.overlaps(_negated(implied)) or stated.overlaps(implied):
            return None
        # "the pound weakened to 49.5 per dollar from 30.85, a drop of 38%": the
        # currency's own value is the reciprocal of its price of a dollar
        new_inv, old_inv = _reciprocal(new_iv), _reciprocal(old_iv)
        inverse = (
            None
            if new_inv is None or old_inv is None
            else _ratio_change(new_inv, old_inv)
        )
        if inverse is not None and (
            stated.overlaps(inverse) or stated.overlaps(_negated(inverse))
        ):
            return None
    return candidates[0], what


#: after an exchange rate quoted as a currency's price of another: "49.5 per
#: dollar", "30.85 pounds to the dollar", "1.08 against the euro"
_PER_CURRENCY = regex.compile(
    r"^[ \t\u00a0]*(?:[a-z]+[ \t\u00a0]+)?(?i:per|to[ \t]+the|to[ \t]+one|a|an"
    r"|against[ \t]+the)[ \t\u00a0]+(?:(?i:U\.?S\.?|US)[ \t\u00a0]+)?"
    r"(?i:dollars?|euros?|pounds?|yen|yuan|greenbacks?|francs?)\b"
)


def _quoted_rate(ref: ClaimRef) -> bool:
    """Whether a bare figure is an exchange rate: its words say of which currency
    it is a price, or it ends a change whose other end does ("from 30.85")."""
    claim = ref.claim
    if claim.kind != "count" or claim.unit is not None:
        return False
    s1 = claim.sentence.end if claim.sentence else claim.span.end + 40
    after = ref.document.prose[claim.span.end : min(s1, claim.span.end + 40)]
    if _PER_CURRENCY.match(after):
        return True
    # "to about 49.5 per dollar from 30.85": the rate's unit said once, at the
    # other end of the change
    s0 = claim.sentence.start if claim.sentence else 0
    return (
        _PER_CURRENCY_BEFORE.search(ref.document.prose, s0, claim.span.start)
        is not None
    )


#: an exchange rate's unit stated before a figure of its sentence
_PER_CURRENCY_BEFORE = regex.compile(
    r"(?i:\bper|to[ \t]+the|against[ \t]+the)[ \t\u00a0]+(?:(?i:U\.?S\.?|US)"
    r"[ \t\u00a0]+)?(?i:dollars?|euros?|greenbacks?)\b"
)


def _reciprocal(iv: Interval) -> Interval | None:
    """``1 / iv`` for a positive interval, else None."""
    if iv.low is None or iv.high is None or iv.low <= 0:
        return None
    return Interval(1 / iv.high, 1 / iv.low, None)


def stated_ends(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef | None]]:
    """(new, old, stated change or None) for each change whose two ends one
    sentence states: "rose to $3.6 million from $3 million", "$3.6 million, up
    from $3 million a year earlier", with the change itself when the sentence
    gives it."""
    given = {(new.key, old.key): pct for pct, new, old in _change_triples(claims)}
    for i, first in enumerate(claims):
        for second in claims[i + 1 :]:
            if not _two_ends(first, second) or _clause_of(first) != _clause_of(second):
                continue
            to_first = _TO_NEW_END.search(_before(first)) is not None
            if (to_first and _FROM.search(_before(second))) or _up_from(
                claims, first, second
            ):
                new, old = first, second  # "to 3.6 from 3", "3.6, up from 3"
            elif _FROM.search(_before(first)) and _TO.search(_before(second)):
                new, old = second, first  # "from 3 to 3.6"
            else:
                continue
            yield new, old, given.get((new.key, old.key))
            break


@rule(
    "FC302",
    "share-arithmetic",
    "error",
    '"N of M, or P%" does not compute',
    scope="document",
)
def share_arithmetic(ctx: AuditContext) -> Iterator[Finding]:
    """A stated share does not compute from the stated part and whole.

    *What it checks.* A sentence that gives a part, the whole it is part of, and the
    share ("21 of 35 members, or 60%", "4,500 out of 33.7 million accounts (0.01%)",
    "411 seats, about 63% of the 650"), or a share set after the part's clause
    ("33 million people were hit, nearly a quarter of the country's 220 million").
    The share may be in words ("two-thirds", "one in seven"), read as the nearest
    simple fraction a writer would pick (within ``FRACTION_WORD_TOLERANCE``).
    The part over the whole, over every value their precision allows, must include
    the stated share. A percentage restated in words right after it ("64.3% of the
    vote, more than two-thirds of all ballots cast") must be allowed by the words.
    A rate per so many people ("a rate of 52 per 10,000 residents") must be the
    count over the population the text states beside it, in its sentence or the
    one before.

    *Why it matters.* A share that does not match its own numbers makes every figure
    in the sentence suspect.

    *Example.*

        fires: Only 12 of the 40 directors, or 40%, voted against.
        silent: Only 12 of the 40 directors, or 30%, voted against.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    yield from _rates_per_base(ctx)
    before: list[ClaimRef] = []
    for claims, earlier in _sentences_after(ctx, _EARLIER_SENTENCES):
        if before and before[0].doc_index != claims[0].doc_index:
            before = []
        triples = [
            *_share_triples(claims),
            *_shares_of_an_earlier_total(claims, earlier),
            *_shares_of_a_named_earlier_whole(claims, earlier),
            *_shares_named_by_the_subject(claims, before),
            *_shares_of_a_holder_before(claims, before),
            *_shares_of_two_named_before(claims, earlier),
            *_shares_of_them(claims, earlier),
            *_shares_of_the_group_before(claims, earlier),
        ]
        read = {t[2].key for t in triples}
        for t in _bracketed_shares_of_a_stated_whole(claims):
            if t[2].key not in read:
                read.add(t[2].key)
                triples.append(t)
        triples += [
            t for t in _fatality_shares(claims, earlier) if t[2].key not in read
        ]
        before.extend(claims)
        yield from _shares_restated_in_words(ctx, claims)
        for part, whole, pct in triples:
            p, w = _stated(part.claim), _stated(whole.claim)
            if p.low is None or w.low is None or w.low <= 0:
                continue
            # an open end bounds the share on one side only: of "more than 15,600
            # cases", 537 deaths are at most 3.44%
            low = None if w.high is None else p.low / w.high * 100
            high = None if p.high is None else p.high / w.low * 100
            if high is None and low is None:
                continue
            ctx.mark_checked(part, whole, pct)
            implied = Interval(low, high, "%")
            stated = _stated_share(pct.claim)
            if stated is None:
                continue
            if stated.overlaps(implied):
                continue
            yield ctx.finding(
                "FC302",
                pct,
                f"{pct.claim.text!r} is not {part.claim.text!r} of {whole.claim.text!r}: "
                f"that share is {format_interval(implied)}, the text says "
                f"{format_interval(stated)}",
                related=[part, whole],
                details={
                    "stated": pct.claim.value,
                    "implied_low": implied.low,
                    "implied_high": implied.high,
                },
                evidence=(
                    "one sentence states a part, its whole and the share"
                    if whole.claim.sentence == part.claim.sentence
                    else "a share of the total stated before it",
                ),
            )


#: between a rate and the base it is per: " per ", " for every "
_PER_BASE = regex.compile(r"^[ \t\u00a0]+(?i:per|for[ \t\u00a0]+every)[ \t\u00a0]+$")
#: the people a rate is counted per: "per 10,000 residents", "per 100,000 people"
_PEOPLE = frozenset(
    ["people", "residents", "inhabitants", "population", "persons", "citizens"]
)
#: right before a population: "the city's population at ", "a population of about "
_POPULATION_BEFORE = regex.compile(
    r"(?:(?i:\bpopulation)(?:[ \t\u00a0]+[\w'’-]+){0,2}?[ \t\u00a0]+(?i:of|at|is|was"
    r"|stood[ \t\u00a0]+at|stands[ \t\u00a0]+at|reached)"
    # "a city of 590,000", "the province of about 4.1 million"
    r"|\b(?i:city|town|country|nation|region|state|province|district|county|island"
    r"|municipality|village|borough)[ \t\u00a0]+(?i:of))[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)?$"
)
#: the nouns that count a population: "its 590,000 residents"
_DWELLERS = frozenset(["residents", "inhabitants", "citizens", "population"])


def _rates_per_base(ctx: AuditContext) -> Iterator[Finding]:
    """FC302 on a rate per so many people against the count and the population
    the text states: "3,720 burglaries ... With the city's population at 590,000,
    that works out at a rate of 52 per 10,000 residents" (3,720 over 590,000 is 63
    per 10,000). The count is the one figure of the rate's sentence or the one
    before it that is neither the population, a change's start nor the rate; the
    population is the one figure named so there."""
    for claims, earlier in _sentences_after(ctx, 1):
        for rate, base in itertools.pairwise(claims):
            if not (
                rate.claim.kind == base.claim.kind == "count"
                and rate.claim.unit is None
                and base.claim.unit is None
                and (base.claim.noun or "").lower() in _PEOPLE
                and _PER_BASE.match(_between(rate, base))
            ):
                continue
            text = rate.document.prose
            s0 = rate.claim.sentence.start if rate.claim.sentence else -1
            # the count and the population stand in the rate's sentence or the one
            # right before it
            near = [
                r
                for r in (*earlier, *claims)
                if r.claim.equivalent_of is None
                and (
                    r.claim.sentence == rate.claim.sentence
                    or _in_sentence_before(r, s0)
                )
            ]
            populations = [
                r
                for r in near
                if r is not base
                and r.claim.kind == "count"
                and r.claim.sentence is not None
                and (
                    _POPULATION_BEFORE.search(
                        text, r.claim.sentence.start, r.claim.span.start
                    )
                    or (r.claim.noun or "").lower() in _DWELLERS
                )
            ]
            if len(populations) != 1:
                continue
            population = populations[0]
            counts = _without_starts(
                [
                    r
                    for r in near
                    if r.claim.kind == "count"
                    and r.claim.unit is None
                    and r not in (rate, base, population)
                    and r.claim.value < population.claim.value
                    and r.claim.qualifier != "range"
                    and r.claim.span.start < rate.claim.span.start
                    and not (r.claim.frame and r.claim.frame.attribute == "dim:time")
                ]
            )
            if len(counts) != 1:
                continue
            count = counts[0]
            c, p, r_iv = (
                _stated(count.claim),
                _stated(population.claim),
                _stated(rate.claim),
            )
            if r_iv.low == r_iv.high and r_iv.low is not None:
                # a rate in digits is rounded to its last digit ("52 per 10,000")
                v = rate.claim.value
                half = (1.0 if v == int(v) else precision_of_value(v)) / 2
                r_iv = Interval(r_iv.low - half, r_iv.low + half)
            per = base.claim.value
            if c.low is None or p.low is None or p.low <= 0 or c.high is None:
                continue
            implied = Interval(
                c.low / (p.high or p.low) * per, c.high / p.low * per, None
            )
            ctx.mark_checked(rate, count, population)
            if r_iv.overlaps(implied):
                continue
            yield ctx.finding(
                "FC302",
                rate,
                f"{rate.claim.text!r} per {base.claim.text!r} is not {count.claim.text!r} "
                f"in a population of {population.claim.text!r}: that rate is "
                f"{format_interval(implied)} per {base.claim.text}, the text says "
                f"{format_interval(r_iv)}",
                related=[count, population],
                details={
                    "stated": rate.claim.value,
                    "implied_low": implied.low,
                    "implied_high": implied.high,
                },
                evidence=(
                    "a rate per so many people, beside the count and the population "
                    "the text states",
                ),
            )


#: between a percentage and the share in words that restates it: " of the vote,
#: more than ", ", or nearly ", ", about "
_RESTATED_IN_WORDS = regex.compile(
    r"^(?:[ \t\u00a0]+(?i:of)(?:[ \t\u00a0]+[\w'’-]+){1,4})?"
    rf"[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:or)[ \t\u00a0]+)?(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: right after that share, the whole it is of: " of all ballots cast"
_WORDS_OF = regex.compile(r"[ \t\u00a0]+(?i:of)\b")


def _shares_restated_in_words(
    ctx: AuditContext, claims: Sequence[ClaimRef]
) -> Iterator[Finding]:
    """ "United Russia took 64.3% of the vote, more than two-thirds of all ballots
    cast": a percentage, then the share in words set off after it, of a whole; the
    words must allow the percentage (as :func:`_stated_share` reads them)."""
    own = [r for r in claims if r.claim.equivalent_of is None]
    for pct, words in itertools.pairwise(own):
        if (
            pct.claim.kind != "percent"
            or pct.claim.unit != "%"
            or not _is_share_word(words.claim)
            or _RESTATED_IN_WORDS.match(_between(pct, words)) is None
            or _WORDS_OF.match(words.document.prose, words.claim.span.end) is None
        ):
            continue
        stated, said = _stated(pct.claim), _stated_share(words.claim)
        if said is None or stated.low is None or stated.high is None:
            continue
        ctx.mark_checked(pct, words)
        if stated.overlaps(said):
            continue
        yield ctx.finding(
            "FC302",
            words,
            f"{words.claim.text!r} does not restate {pct.claim.text!r}: the words "
            f"allow {format_interval(said)}, the figure {format_interval(stated)}",
            related=[pct],
            details={
                "stated": pct.claim.value,
                "words_low": said.low,
                "words_high": said.high,
            },
            evidence=("a share in words set off after the percentage it restates",),
        )


#: between two counts of one group joined by "and": " people were infected and "
_COUNTS_AND = regex.compile(
    r"^(?:[ \t\u00a0]+[a-z][a-z-]*){0,5}[ \t\u00a0]+(?i:and)[ \t\u00a0]+$"
    # "3,069 cases had been recorded as of 26 August, and 1,552 people had died":
    # the first count's report date between them
    r"|^(?:[ \t\u00a0]+[\w'’-]+){0,6}[ \t\u00a0]+(?i:as[ \t]+of|by|to|through)"
    r"(?:[ \t\u00a0]+[\w'’.-]+){1,3},[ \t\u00a0]+(?i:and)[ \t\u00a0]+$"
    # "cases reached 249,332 from Jan 1 to Aug 17, with 1,021 deaths": the period
    # counted, then the second count after "with"
    r"|^(?:[ \t\u00a0]+[\w'’.-]+){0,8},[ \t\u00a0]+(?i:with)[ \t\u00a0]+$"
)
#: between the second count and the rate that relates them: " died, a fatality
#: rate of "
_A_RATE_OF = regex.compile(
    # " of whom have died, a fatality rate of": four words after a part of the first
    # "4,288 died - a case fatality rate of": a dash sets the rate off too
    r"^(?:[ \t\u00a0]+[a-z][a-z-]*){0,4}"
    # "182 cases reported since the outbreak began, a fatality rate of": a
    # participle's phrase after the whole's noun
    r"(?:[ \t\u00a0]+[a-z]+ed(?:[ \t\u00a0]+[a-z][a-z-]*){0,4})?"
    r"(?:,|[ \t\u00a0]+[-–—])[ \t\u00a0]+"
    # "1,021 deaths, the Department of Health said, a fatality rate of": a speech
    # tag between
    r"(?:(?:(?i:the)[ \t\u00a0]+)?(?:\p{Lu}[\w'’.-]*[ \t\u00a0]+(?:(?i:of|for)[ \t\u00a0]+)?){1,5}"
    # ("... the World Health Organisation said yesterday, a fatality rate of": the
    # tag may carry its day)
    r"(?i:said|says|reported)(?:[ \t\u00a0]+(?i:yesterday|today|on[ \t\u00a0]+\p{Lu}[a-z]+))?"
    r"[ \t\u00a0]*,[ \t\u00a0]+)?"
    r"(?i:a|an)[ \t\u00a0]+"
    r"(?:[a-z-]+[ \t\u00a0]+){0,2}(?i:rate|share|proportion)[ \t\u00a0]+(?i:of)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: right after a share said as what two counts of one group mean (" deaths,
#: meaning nearly two-thirds"), the group it is of: " of those", " of them"
_OF_THOSE = regex.compile(r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:those|them)\b")
#: between the second count and a ratio set off after it: " deaths, roughly "
#: (then "one in 11 patients")
_RATIO_APPOSED = regex.compile(
    r"^(?:[ \t\u00a0]+[a-z][a-z-]*){0,4}[ \t\u00a0]*,[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: after that ratio, its clause ends: " patients,", "." (not "one in 11 of them in
#: Beijing", a part of the part)
_RATIO_ENDS = regex.compile(r"(?:[ \t\u00a0]+[a-z][a-z-]*)?[ \t\u00a0]*(?:[,.;)]|$)")
#: a part, a verb that makes it a share, then the share: "The US$3.9 billion agreed
#: on Friday amounts to less than 40% of", "which represents about 12% of"
_IS_SHARE = regex.compile(
    # "worth A$178 billion, accounted for": the part's apposition closed first
    r"^,?(?:[ \t\u00a0]+[\w'’-]+){0,5}?[ \t\u00a0]+(?i:amounts?[ \t]+to|amounted[ \t]+to"
    r"|represents|represented|equals|equalled|equaled|is[ \t]+equal[ \t]+to"
    r"|accounts?[ \t]+for|accounted[ \t]+for|makes?[ \t]+up|made[ \t]+up"
    # "Its market value of $38 billion is about a tenth of": the part's copula
    r"|is|was|are|were)"
    rf"(?:[ \t\u00a0]+(?i:{_SHARE_QUALIFIERS}))?[ \t\u00a0]*$"
)


#: between a whole and a share of it set off after its clause: " flights normally
#: scheduled in Europe were cancelled on Friday, ", " vehicles delivered, more than "
_THEN_A_SHARE = regex.compile(
    r"^(?:[ \t\u00a0]+(?!(?i:and|but|while|whereas)\b)[\w'’-]+){0,10}[ \t\u00a0]*,"
    rf"[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: between a profit and the sales it was made on: " on revenue of ", " on sales of "
_ON_SALES = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,2}[ \t\u00a0]+(?i:on)[ \t\u00a0]+(?:(?i:total|annual|net)[ \t\u00a0]+)?"
    r"(?i:revenue|revenues|sales|turnover)[ \t\u00a0]+(?i:of)[ \t\u00a0]+$"
)
#: between the sales and the margin: ", an operating margin of ", ", a margin of "
_THEN_A_MARGIN = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,2}[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:for|giving|making)[ \t\u00a0]+)?"
    r"(?i:a|an)[ \t\u00a0]+(?:(?i:operating|net|profit|gross|pre-tax|pretax)[ \t\u00a0]+)?"
    rf"(?i:margin)[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: a share, then its whole: "48 per cent, of the ", "52% of all "
_SHARE_OF = regex.compile(
    r"^[ \t\u00a0]*,?[ \t\u00a0]*(?i:of)[ \t\u00a0]+(?:(?i:the|its|all|all[ \t]+the)[ \t\u00a0]+)?"
    # "one in five of the city's 2.4 million residents": the whole's holder
    r"(?:[\w-]+['’]s[ \t\u00a0]+)?$"
)
#: after the whole, up to the part's count at the clause's end: " candidates sat the
#: retest, " (then "813 in all")
_PART_IN_ALL_GAP = regex.compile(r"^(?:[ \t\u00a0]+[\w'’-]+){1,6},[ \t\u00a0]+$")
#: after the whole, the part a share of it comes to: " eligible voters, which
#: means some ", " registered voters, meaning about "
_WHICH_MEANS = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*,?[ \t\u00a0]+(?i:which[ \t]+means"
    rf"|meaning|or[ \t]+about|that[ \t]+is)[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: after the whole, a hedged count set off by a comma: " registered voters, some "
_PART_APPOSED = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:or)[ \t\u00a0]+)?"
    rf"(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+$"
)
#: after the whole, the part set off plainly or by "or": " delegates, or ", "
#: candidates, ", " deaths recorded in May — " (then closed after it: ", or 420, to
#: pass", "— 503 — occurred")
_PART_SET_OFF = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*(?:,|—|–)[ \t\u00a0]+"
    r"(?:(?i:or)[ \t\u00a0]+)?$"
)
_SET_OFF_CLOSED = regex.compile(r"[ \t\u00a0]*(?:,|—|–)")
#: after such a count, words that make it a difference or a part of the part
_NOT_A_PART_AFTER = regex.compile(
    r"(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+(?i:more|less|fewer|higher|lower|above|below"
    r"|up|down|of|than)\b"
)
#: right after a count that sums up a share's part: " in all", " in total"
_IN_ALL = regex.compile(
    r"(?:[ \t\u00a0]+[a-z]+)?[ \t\u00a0]+(?i:in[ \t]+all|in[ \t]+total|altogether|all[ \t]+told)\b"
)


def _share_triples(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) stated side by side in one sentence, in any of four
    orders: "21 of 35 members, or 60%", "411 seats, about 58% of the 650", "48 per
    cent of the 1,563 candidates sat the retest, 813 in all" (or "..., which means
    some 14 million ballots"), and "Of the 154 people killed, 98 were women, or
    about 64 percent"."""
    for i in range(len(claims) - 2):
        a, b, c = claims[i], claims[i + 1], claims[i + 2]
        if (
            # the share first: a percentage or a share in words ("124 of the 350
            # seats, about 35 percent" opens on its part)
            (a.claim.kind == "percent" or _is_share_word(a.claim))
            and _SHARE_OF.match(_between(a, b))
        ) and (
            (
                _PART_IN_ALL_GAP.match(_between(b, c))
                and _IN_ALL.match(c.document.prose, c.claim.span.end)
            )
            or _WHICH_MEANS.match(_between(b, c))
            or (
                # "nearly 64% of the 58.8m registered voters, some 34m people": the
                # part set off after the whole, hedged as a restatement is
                _PART_APPOSED.match(_between(b, c))
                and not _NOT_A_PART_AFTER.match(c.document.prose, c.claim.span.end)
            )
            or (
                # "two-thirds of the 1,260 delegates, or 840, to pass": or set off
                # on both sides
                _PART_SET_OFF.match(_between(b, c))
                and _SET_OFF_CLOSED.match(c.document.prose, c.claim.span.end)
            )
        ):
            pct, whole, part = a, b, c
        elif (
            _OF.match(_between(a, b))
            and _OR.match(_between(b, c))
            and not _verb_before_share(_between(b, c))
        ):
            part, whole, pct = a, b, c
        elif (
            a.claim.kind == "percent"
            and _SHARE_THEN_PART.match(_between(a, b))
            and _OF.match(_between(b, c))
        ):
            # "accounting for 59% of cases, about 850 of the 948": the share, then
            # the part and whole it is
            pct, part, whole = a, b, c
        elif (
            _OF.match(_between(a, b))
            and _THEN_A_SHARE.match(_between(b, c))
            and _OF_THE_TOTAL.match(c.document.prose, c.claim.span.end)
        ):
            # "About 16,000 of the 28,000 flights ... were cancelled on Friday,
            # three-quarters of the total": the share of the whole the part is of
            part, whole, pct = a, b, c
        elif _ON_SALES.match(_between(a, b)) and _THEN_A_MARGIN.match(_between(b, c)):
            # "an operating profit of 23.47 trillion won on revenue of 66.19
            # trillion won, an operating margin of 41%": a margin is profit's share
            part, whole, pct = a, b, c
        elif (
            _OR.match(_between(a, b)) or _IS_SHARE.match(_between(a, b))
        ) and _OF.match(_between(b, c)):
            part, pct, whole = a, b, c
        elif (
            _COUNTS_AND.match(_between(a, b))
            and a.claim.kind == b.claim.kind == "count"
            and (
                _A_RATE_OF.match(_between(b, c))
                # "425 cases and 224 deaths, meaning nearly two-thirds of those
                # infected died": the share said as what the counts mean
                or (
                    _WHICH_MEANS.match(_between(b, c))
                    and _OF_THOSE.match(c.document.prose, c.claim.span.end)
                )
                # "8,430 probable cases and 489 deaths, roughly one in 11
                # patients": a ratio set off after them, ending its clause
                or (
                    _RATIO_APPOSED.match(_between(b, c))
                    and _is_share_word(c.claim)
                    and c.claim.value >= 1
                    and _RATIO_ENDS.match(c.document.prose, c.claim.span.end)
                )
            )
        ):
            # "186 people were infected and 36 died, a fatality rate of 20.4
            # percent": two counts of one group, the rate the smaller's share
            part, whole = sorted((a, b), key=lambda r: r.claim.value)
            pct = c
        elif (
            (of_whom := OF_WHOM.match(b.document.prose, b.claim.span.end))
            and _A_RATE_OF.match(b.document.prose[of_whom.end() : c.claim.span.start])
            and a.claim.kind == b.claim.kind == "count"
        ):
            # "450 have been infected, 244 of whom have died, a fatality rate of 64
            # percent": a group, the part of it that died, the part's rate
            whole, part, pct = a, b, c
        elif _OF_IT_OR.match(_between(b, c)) and a.claim.value > c.claim.value:
            # "covered roughly 620 square kilometres ..., with 68% of it, or about
            # 320 sq km, on the left bank": "of it" points back at the figure
            # before the share, the part restates the share
            whole, pct, part = a, b, c
        elif (
            _OF.match(_between(a, b))
            and _A_RATE_OF.match(_between(b, c))
            and a.claim.kind == b.claim.kind == "count"
        ):
            # "6.2m people out of an active population of 22.8m, a rate of 29.2
            # per cent": a part of a whole, then the rate it makes
            part, whole, pct = a, b, c
        elif (
            b.claim.frame is not None
            and b.claim.frame.role == "part"
            and b.claim.frame.whole == a.claim.id
            and (_OR.match(_between(b, c)) or _A_RATE_OF.match(_between(b, c)))
        ):
            # "Of the 154 people killed, 98 were women, or about 54 percent": the
            # whole first, its part, then the part's share
            whole, part, pct = a, b, c
        else:
            continue
        if _stated_share(pct.claim) is None or _is_share_word(part.claim):
            continue
        if part.claim.kind not in (
            "count",
            "money",
            "quantity",
        ) or not _same_measure(part.claim, whole.claim):
            continue
        yield part, whole, pct
    yield from _appositive_shares(claims)
    yield from _shares_of_the_whole(claims)


def _verb_before_share(words: str) -> bool:
    """Whether the words between a whole and a percentage hold a verb of their own
    and no comma, bracket or "or" sets the percentage off: "the other fourteen of
    the nineteen candidates shared the remaining 4.67%" (of the vote, not of the
    candidates)."""
    if _SETS_OFF.search(words):
        return False
    lex = lexicon()
    return any(
        w.lower() in lex.verbs or (w.islower() and w.endswith("ed"))
        for w in words.split()
    )


#: what sets a share off as the part's own: ", or", "(", a dash
_SETS_OFF = regex.compile(r"[,(—–]|(?<=\s)-(?=\s)|\b(?i:or)\b")


#: a share of a whole named before, by a noun: "about half of the total", "a third
#: of it", "40% of the package"
_OF_THE_WHOLE = regex.compile(
    r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:the|its|this|that)[ \t\u00a0]+)?"
    r"(?i:total|whole|sum|amount|package|plan|programme|program|budget|figure|it)\b"
)


def _share_of_a_named_whole(
    part: ClaimRef, pct: ClaimRef, whole_named: regex.Pattern[str]
) -> bool:
    """ "R$612 billion ..., about half of the total": a share after its part's
    clause, followed by words that name a whole stated elsewhere."""
    return (
        _stated_share(pct.claim) is not None
        and not _is_share_word(part.claim)
        and whole_named.match(pct.document.prose, pct.claim.span.end) is not None
        and _APPOSITIVE.search(_between(part, pct)) is not None
    )


def _shares_of_the_whole(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where the part's frame names its whole ("Of the R$1.7
    trillion, R$612 billion ...") and the share after the part points back to it
    ("..., about half of the total")."""
    for i in range(1, len(claims)):
        pct, part = claims[i], claims[i - 1]
        frame = part.claim.frame
        if frame is None or frame.role != "part":
            continue
        wholes = (
            [r for r in claims if r.claim.id == frame.whole]
            if frame.whole is not None
            # "killed 1,162 people since mid-June, among them 390 children": the
            # figure of its kind right before the part in its sentence
            else [
                r
                for r in claims[: i - 1]
                if r.claim.sentence == part.claim.sentence
                and r.claim.kind == part.claim.kind
                and r.claim.equivalent_of is None
                and not _is_share_word(r.claim)
            ][-1:]
        )
        if not wholes or not (
            _share_of_a_named_whole(part, pct, _OF_THE_WHOLE)
            or _share_of_its_whole_noun(part, pct, wholes[0])
        ):
            continue
        if _two_ends(part, wholes[0]) and part.claim.kind != "percent":
            yield part, wholes[0], pct


#: after a share, the noun of what it is a share of: "nearly half of the dead"
_OF_THE_NOUN = regex.compile(
    r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:the|all|those)[ \t\u00a0]+(?P<noun>[a-z]+)\b"
)


def _share_of_its_whole_noun(part: ClaimRef, pct: ClaimRef, whole: ClaimRef) -> bool:
    """ "killed 1,162 people, among them 390 children, nearly half of the dead": a
    share after its part's clause whose "of the" noun says what the whole counts
    (its attribute's word, or its counted noun)."""
    m = _OF_THE_NOUN.match(pct.document.prose, pct.claim.span.end)
    if (
        m is None
        or _stated_share(pct.claim) is None
        or _is_share_word(part.claim)
        or _APPOSITIVE.search(_between(part, pct)) is None
    ):
        return False
    noun = m["noun"].lower()
    frame = whole.claim.frame
    attribute = frame.attribute if frame is not None else None
    return (
        attribute is not None and lexicon().attribute_of.get(noun) == attribute
    ) or (whole.claim.noun is not None and stem(noun) == stem(whole.claim.noun.lower()))


#: a share set after its part's clause: "33 million people were hit, nearly a
#: quarter of the country's 220 million", "sold $5 billion, about 25% of its"
_APPOSITIVE = regex.compile(
    # "158 were in Blantyre, the commercial capital — more than 90% of the total":
    # a dash sets a share off as a comma does
    rf"(?:,|[ \t\u00a0]*[—–])[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS}|or)[ \t\u00a0]+)?$"
)


def _appositive_shares(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where the share and its whole follow the part's clause
    after a comma: the part is the nearest figure before it in the whole's measure,
    with no other figure of that measure between."""
    for i in range(1, len(claims) - 1):
        pct, whole = claims[i], claims[i + 1]
        if _stated_share(pct.claim) is None or not _OF.match(_between(pct, whole)):
            continue
        if not _APPOSITIVE.search(_between(claims[i - 1], pct)):
            continue
        if _OR.match(_between(claims[i - 1], pct)):
            continue  # side by side: read by the adjacent triples
        same = [
            r
            for r in claims[:i]
            if _same_measure(r.claim, whole.claim) and not _is_share_word(r.claim)
        ]
        if not same or same[-1].claim.equivalent_of is not None:
            continue
        part = same[-1]
        if _clause_of(part) != _clause_of(pct) or part.claim.kind not in (
            "count",
            "money",
            "quantity",
        ):
            continue
        yield part, whole, pct


#: "..., about half of the total": a share of a total stated before
_OF_THE_TOTAL = regex.compile(
    r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:the|that|this)[ \t\u00a0]+(?i:total)\b"
)
#: a sentence that states a total: "The plan totals R$1.7 trillion", "in all"
_TOTAL_CUE = regex.compile(
    r"(?i:\b(?:total|totals|totalled|totaled|totalling|totaling|in[ \t]+all|overall"
    # "the confirmed death toll now at 2,045": a toll is the total of its dead
    r"|combined|altogether|toll|tally)\b)"
)


#: a sentence that opens on the group the sentence before counted: "Most of them,
#: 934 cases, or 83%", "Of those, 312 (24%)"
_OF_THEM_OPENING = regex.compile(
    r"[ \t\u00a0]*(?:(?i:most|many|all|some|nearly[ \t]+all|about[ \t]+half|half)"
    r"[ \t\u00a0]+)?(?i:of)[ \t\u00a0]+(?i:them|those|these)[ \t\u00a0]*,?[ \t\u00a0]*"
)
#: the noun a count counts, right after it: "934 cases"
_COUNTED_NOUN = regex.compile(r"[ \t\u00a0]+(?P<noun>[a-z][a-z-]+)")
#: the words after an earlier count that may name the same noun: "1,282 measles
#: cases in 31 states"
_NOUN_REACH = 3


#: between a part and its share in brackets: "40,971,906 votes (", "1,204 ("
_BRACKET_AFTER_PART = regex.compile(r"^(?:[ \t\u00a0]+[\w'’-]+){0,2}[ \t\u00a0]*\($")


def _bracketed_shares_of_a_stated_whole(
    claims: Sequence[ClaimRef],
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where a sentence states a whole its parts are of and a
    part's share in brackets after the part: "Of the 164,227,475 valid votes, ...
    Anies Baswedan won 40,971,906 votes (24.95 percent)". The whole is the one the
    part's frame names (the "Of the ..." opening), in the same sentence."""
    by_id = {r.claim.id: r for r in claims}
    for part, pct in itertools.pairwise(claims):
        frame = part.claim.frame
        if (
            part.claim.kind != "count"
            or pct.claim.kind != "percent"
            or frame is None
            or frame.role != "part"
            or frame.whole is None
            or (pct.claim.frame is not None and pct.claim.frame.role == "change")
            or not _BRACKET_AFTER_PART.match(_between(part, pct))
            or not pct.document.prose.startswith(")", pct.claim.span.end)
        ):
            continue
        whole = by_id.get(frame.whole)
        if (
            whole is not None
            and whole.claim.kind == "count"
            and whole.claim.equivalent_of is None
            and whole.claim.value > part.claim.value
        ):
            yield part, whole, pct


def _shares_of_them(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where a sentence opens on the group the sentence
    before counted, then gives the part and its share: "The CDC's tally is 1,282
    measles cases ... Most of them, 934 cases, or 83%, were linked to New York."
    The whole is the one larger count of the sentence before that names the
    part's noun after it (or the one count of it, where the part names none)."""
    if len(claims) < 2:
        return
    part, pct = claims[0], claims[1]
    sentence = part.claim.sentence
    if (
        sentence is None
        or part.claim.kind != "count"
        or pct.claim.kind != "percent"
        or not _OR.match(_between(part, pct))
    ):
        return
    text = part.document.prose
    if not _OF_THEM_OPENING.fullmatch(text, sentence.start, part.claim.span.start):
        return
    m = _COUNTED_NOUN.match(text, part.claim.span.end)
    noun = m.group("noun") if m is not None else None
    wholes = [
        r
        for r in earlier
        if r.claim.kind == "count"
        and r.claim.equivalent_of is None
        and r.claim.value > part.claim.value
        and _in_sentence_before(r, sentence.start)
        and (
            noun is None
            or noun
            in text[r.claim.span.end : r.claim.span.end + 40].split()[:_NOUN_REACH]
        )
    ]
    if len(wholes) == 1:
        yield part, wholes[0], pct


#: a sentence's opening before its first figure: nothing, or its qualifier
_OPENING_QUALIFIER = regex.compile(
    rf"[ \t\u00a0]*(?:(?i:{_SHARE_QUALIFIERS}|just|exactly)[ \t\u00a0]+)?"
)
#: after a figure, the group the sentence before counted, by its noun or a pronoun,
#: then a comma: " of the complaints, ", " of them, "
_OF_THE_GROUP = (
    r"^[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:the|those|these)[ \t\u00a0]+(?P<noun>[a-z-]+)"
    r"|(?i:them|those|these))[ \t\u00a0]*,[ \t\u00a0]+"
)
#: between a part and its share of that group: " of the complaints, or ", " of
#: them, or about "
_OF_THE_GROUP_THEN_SHARE = regex.compile(
    rf"{_OF_THE_GROUP}(?:(?i:or)[ \t\u00a0]+)?(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: between a share of that group and its part: " of the complaints, ", " of them,
#: some "
_OF_THE_GROUP_THEN_PART = regex.compile(
    rf"{_OF_THE_GROUP}(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: right after such a part, that it is the part's own count: " in all", " in total"
_IN_ALL_AFTER = regex.compile(
    r"[ \t\u00a0]+(?i:in[ \t\u00a0]+all|in[ \t\u00a0]+total|altogether|all[ \t\u00a0]+told)\b"
)


def _shares_of_the_group_before(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where a sentence opens on a part of the group the
    sentence before counted, by its noun or a pronoun, with the part's share:
    "The council received 2,400 complaints. Some 612 of the complaints, or 20%,
    concerned noise", "... One in five of the complaints, 612 in all, concerned
    noise". The whole is the one larger count of the sentence before that names
    that noun after it (the one such count, for a pronoun)."""
    if len(claims) < 2:
        return
    first, second = claims[0], claims[1]
    sentence = first.claim.sentence
    if sentence is None:
        return
    text = first.document.prose
    if not _OPENING_QUALIFIER.fullmatch(text, sentence.start, first.claim.span.start):
        return
    gap = _between(first, second)
    if _a_share_of(second.claim) and not _a_share_of(first.claim):
        part, pct = first, second
        m = _OF_THE_GROUP_THEN_SHARE.match(gap)
    elif _a_share_of(first.claim) and not _a_share_of(second.claim):
        pct, part = first, second
        m = _OF_THE_GROUP_THEN_PART.match(gap)
        if m is not None and not _IN_ALL_AFTER.match(text, part.claim.span.end):
            return
    else:
        return
    if m is None or part.claim.kind != "count" or _stated_share(pct.claim) is None:
        return
    noun = m.group("noun")
    wholes = [
        r
        for r in earlier
        if r.claim.kind == "count"
        and r.claim.equivalent_of is None
        and r.claim.value > part.claim.value
        and (
            # a pronoun points at the sentence right before; a noun may name a
            # count a sentence further back ("... 2,400 complaints. Noise was the
            # most common issue. One in five of the complaints ...")
            _in_sentence_before(r, sentence.start)
            if noun is None
            else stem(noun)
            in {
                stem(w)
                for w in text[r.claim.span.end : r.claim.span.end + 40].split()[
                    :_NOUN_REACH
                ]
            }
        )
    ]
    if len(wholes) == 1:
        yield part, wholes[0], pct


def _a_share_of(claim: Claim) -> bool:
    """A percentage or a share in words ("one in five", "a quarter")."""
    return (claim.kind == "percent" and claim.unit == "%") or _is_share_word(claim)


#: after a share, that it is the part of the group counted before that died: " of
#: those infected have died", " of them died", " of patients were killed"
_OF_THOSE_DIED = regex.compile(
    r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:those|them|patients|the[ \t\u00a0]+"
    r"(?:infected|sick|patients|cases))(?:[ \t\u00a0]+[a-z]+){0,2}?[ \t\u00a0]+"
    r"(?i:(?:have|had|has)[ \t\u00a0]+)?(?i:died|been[ \t\u00a0]+killed|were[ \t\u00a0]+killed"
    r"|succumbed|perished)\b"
)


def _fatality_shares(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where a share says what part of a group counted just
    before died: "More than 15,600 cases and 537 deaths have been reported. About
    4.3% of those infected have died." The group and its dead are the two counts
    joined by "and" nearest before the share, in its sentence or else in the one
    right before; the dead are the smaller. A share of the dead themselves ("60%
    of those were children") says no death after it and is not read."""
    for i, pct in enumerate(claims):
        text = pct.document.prose
        sentence = pct.claim.sentence
        if (
            pct.claim.kind != "percent"
            or sentence is None
            or not _OF_THOSE_DIED.match(text, pct.claim.span.end)
        ):
            continue
        before = [r for r in claims[:i] if r.claim.kind == "count"] or [
            r
            for r in earlier
            if r.claim.kind == "count" and _in_sentence_before(r, sentence.start)
        ]
        before = [r for r in before if r.claim.equivalent_of is None]
        if len(before) < 2 or not _COUNTS_AND.match(_between(before[-2], before[-1])):
            continue
        part, whole = sorted(before[-2:], key=lambda r: r.claim.value)
        yield part, whole, pct


def _shares_of_an_earlier_total(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where the share is "of the total" and the total was
    stated in one of the two sentences before: "The plan totals R$1.7 trillion.
    Private firms are to put in R$612 billion, about half of the total." The total
    is the latest earlier figure of the part's measure, larger than it, in a
    sentence that says it is a total."""
    for i in range(1, len(claims)):
        pct, part = claims[i], claims[i - 1]
        if not _share_of_a_named_whole(part, pct, _OF_THE_TOTAL):
            continue
        if part.claim.kind == "percent" or (
            part.claim.frame is not None and part.claim.frame.whole is not None
        ):
            continue  # a whole of its own sentence: read by the others
        if any(_two_ends(part, r) for r in claims[: i - 1]):
            continue  # a figure of the part's measure before it: no telling
        totals = [
            r
            for r in earlier
            if _two_ends(part, r)
            and r.claim.value > part.claim.value
            and r.claim.sentence is not None
            and _TOTAL_CUE.search(
                r.document.prose, r.claim.sentence.start, r.claim.sentence.end
            )
        ]
        if totals:
            yield part, totals[-1], pct


#: a share of a whole named by its noun: "..., or a third of its authorized
#: capital", "about 40% of the group's annual budget"; the noun ends at punctuation
#: or the sentence's end, so that it is the whole's whole name
_OF_NAMED_NOUN = regex.compile(
    r"[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?i:the|its|their|his|her)[ \t\u00a0]+"
    r"(?:[\w-]+['’]s?[ \t\u00a0]+)?(?P<noun>[a-z][a-z-]*(?:[ \t\u00a0]+[a-z][a-z-]*){0,2})"
    r"[ \t\u00a0]*(?:[,.;:)]|$)"
)
#: words a named whole may not be: those that name no figure of their own
_NO_WHOLE = frozenset(["total", "it", "them", "time", "year", "way", "population"])


def _named_before(ref: ClaimRef, noun: str) -> bool:
    """Whether a figure is named by ``noun`` where it is stated: "authorized capital
    of 500 billion pesos", "an authorized capital at", "500 billion pesos in
    authorized capital", "¥115.5 trillion ($733 billion) budget"."""
    text = ref.document.prose
    start, end = ref.claim.span.start, ref.claim.span.end
    words = regex.escape(noun).replace(r"\ ", r"[ \t\u00a0]+")
    before = regex.compile(
        rf"\b{words}[ \t\u00a0]+(?i:of|at|totalling|totaling|worth)[ \t\u00a0]+"
        rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
    )
    # "a record ¥115.5 trillion ($733 billion) budget": past its bracketed
    # equivalent
    after = regex.compile(
        r"^(?:[ \t\u00a0]*\([^()]{1,40}\))?"
        rf"[ \t\u00a0]+(?:(?i:in|of)[ \t\u00a0]+)?{words}\b"
    )
    return bool(
        before.search(text[max(0, start - 80) : start])
        or after.match(text[end : end + 80])
    )


def _shares_of_a_named_earlier_whole(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where the share names its whole by the noun a figure
    was stated with before: "The fund will have authorized capital of 500 billion
    pesos. It will start with 125 billion pesos, or a third of its authorized
    capital." The whole is the one figure of the part's measure, larger than it,
    that the words name, in the sentence or the two before."""
    for i in range(1, len(claims)):
        pct, part = claims[i], claims[i - 1]
        if not _share_of_a_named_whole(part, pct, _OF_NAMED_NOUN):
            continue
        if part.claim.equivalent_of is not None:
            # "125 billion pesos ($2.3 billion), or a third of": the amount the
            # bracket restates is the part
            stated = [
                r for r in claims[: i - 1] if r.claim.id == part.claim.equivalent_of
            ]
            if not stated:
                continue
            part = stated[0]
        if part.claim.kind not in ("count", "money", "quantity"):
            continue
        if part.claim.frame is not None and part.claim.frame.whole is not None:
            continue  # a whole of its own sentence: read by the others
        named = _OF_NAMED_NOUN.match(pct.document.prose, pct.claim.span.end)
        assert named is not None
        noun = named["noun"]
        if noun.split()[-1].lower() in _NO_WHOLE:
            continue
        wholes = [
            r
            for r in [*earlier, *claims[: i - 1]]
            if _two_ends(part, r)
            and r.claim.value > part.claim.value
            and _named_before(r, noun)
        ]
        if len(wholes) == 1:
            yield part, wholes[0], pct


#: a sentence whose subject names a figure stated before by its attribute's noun,
#: then the share it is: "The fine is roughly a third of", "The payout amounts to
#: about 40% of"
_SUBJECT_IS_SHARE = regex.compile(
    r"^[ \t\u00a0]*(?i:the|this|that)[ \t\u00a0]+(?P<noun>[a-z]+)[ \t\u00a0]+"
    r"(?i:is|was|represents|represented|amounts[ \t]+to|amounted[ \t]+to|equals"
    r"|equalled|equaled|would[ \t]+be)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)*$"
)


#: a share's verb right before it: "accounts for nearly", "makes up about"
_ACCOUNTS_FOR = regex.compile(
    r"(?i:\b(?:accounts?|accounted)[ \t\u00a0]+for|\bmakes?[ \t\u00a0]+up|\bmade[ \t\u00a0]+up"
    r"|\brepresents?|\brepresented)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)


#: between a share and a whole named by its owner and noun: " of Egypt's total
#: natural gas production of "
_OF_A_NAMED_WHOLE = regex.compile(
    r"^[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:the|its|all)[ \t\u00a0]+)?"
    r"(?:[\w-]+['’]s[ \t\u00a0]+)?(?:[a-z][a-z-]*[ \t\u00a0]+){1,4}(?i:of)[ \t\u00a0]+"
    rf"{_ABOUT}$"
)


def _shares_of_a_holder_before(
    claims: Sequence[ClaimRef], before: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) for "Production at the Zohr field has reached 2.7 billion
    cubic feet per day. At that level, Zohr accounts for nearly 60 percent of
    Egypt's total natural gas production of 6.8 billion cubic feet per day": a
    holder "accounts for" a share of a whole the sentence states, and the text gave
    that holder one figure of the whole's measure before (the part)."""
    for pct, whole in itertools.pairwise(claims):
        frame = pct.claim.frame
        text = pct.document.prose
        if (
            frame is None
            or not frame.holder_key
            or _stated_share(pct.claim) is None
            or whole.claim.kind not in ("count", "money", "quantity")
            or not _ACCOUNTS_FOR.search(
                text, max(0, pct.claim.span.start - 40), pct.claim.span.start
            )
            or not (
                _OF.match(_between(pct, whole))
                or _OF_A_NAMED_WHOLE.match(_between(pct, whole))
            )
        ):
            continue
        parts = [
            r
            for r in before
            if r.claim.equivalent_of is None
            and r.claim.frame is not None
            and r.claim.frame.role == "level"
            and set(frame.holder_key) & set(r.claim.frame.holder_key)
            and _two_ends(r, whole)
            and r.claim.value < whole.claim.value
        ]
        if parts and len({r.claim.value for r in parts}) == 1:
            yield parts[-1], whole, pct


def _shares_named_by_the_subject(
    claims: Sequence[ClaimRef], before: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) where the sentence opens with a share and its whole,
    and its subject is the noun of an attribute the text gave one figure of
    before: "Google was fined 207.4 billion won. ... The fine is roughly a third of
    the 1.03 trillion won levied on Qualcomm." ``before`` holds the document's
    claims before the sentence; the part is the one value of that attribute among
    them (repeated, as a headline repeats it, it is still one)."""
    if len(claims) < 2:
        return
    pct, whole = claims[0], claims[1]
    sentence = pct.claim.sentence
    if sentence is None or _stated_share(pct.claim) is None:
        return
    opening = _SUBJECT_IS_SHARE.match(
        pct.document.prose[sentence.start : pct.claim.span.start]
    )
    if opening is None:
        yield from _shares_named_by_a_word_before(claims, before)
        return
    if not _OF.match(_between(pct, whole)):
        return
    attribute = lexicon().attribute_of.get(opening["noun"].lower())
    if attribute is None or whole.claim.kind not in ("count", "money", "quantity"):
        return
    parts = [
        r
        for r in before
        if r.claim.equivalent_of is None
        and r.claim.frame is not None
        and r.claim.frame.attribute == attribute
        and r.claim.frame.role == "level"
        and _two_ends(r, whole)
    ]
    if not parts or len({r.claim.value for r in parts}) != 1:
        return
    part = parts[-1]
    if any(
        r.claim.sentence == part.claim.sentence
        and r.claim.equivalent_of is None
        and r.claim.value != part.claim.value
        and _two_ends(r, part)
        for r in before
    ):
        return  # "fined it £20 million in March and £50 million in May": which?
    if part.claim.value < whole.claim.value:
        yield part, whole, pct


#: the verbs by which a thing takes a share of a whole: "accounts for", "makes up"
_TAKES_A_SHARE = (
    r"accounts?[ \t]+for|accounted[ \t]+for|makes?[ \t]+up|made[ \t]+up|represents"
    r"|represented"
)
#: a sentence whose subject names a thing by a few words, then the share it takes:
#: "The anchor book accounts for nearly 40 per cent of"
_SUBJECT_TAKES_SHARE = regex.compile(
    r"^[ \t\u00a0]*(?i:the|this|that|its)[ \t\u00a0]+(?P<words>(?:[a-z-]+[ \t\u00a0]+){0,2}"
    rf"[a-z-]+)[ \t\u00a0]+(?i:{_TAKES_A_SHARE})[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)*$"
)


def _shares_named_by_a_word_before(
    claims: Sequence[ClaimRef], before: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) for "Vodafone Idea has raised Rs 5,400 crore from 74
    anchor investors. The anchor book accounts for nearly 40 per cent of the Rs
    18,000 crore issue": the subject names, by a word of its own, the one figure of
    the whole's measure in the sentence right before."""
    pct, whole = claims[0], claims[1]
    sentence = pct.claim.sentence
    if sentence is None or not _OF.match(_between(pct, whole)):
        return
    opening = _SUBJECT_TAKES_SHARE.match(
        pct.document.prose[sentence.start : pct.claim.span.start]
    )
    if opening is None or whole.claim.kind not in ("count", "money", "quantity"):
        return
    words = _content_words(opening["words"])
    prior = [
        r
        for r in before
        if r.claim.equivalent_of is None
        and _in_sentence_before(r, sentence.start)
        and _two_ends(r, whole)
        and not _per_item(r)
    ]
    prior = _without_starts(prior)
    if len(prior) != 1 or not words:
        return
    part = prior[0]
    said = part.claim.sentence_text or ""
    if part.claim.value < whole.claim.value and any(_names(said, w) for w in words):
        yield part, whole, pct


#: a sentence whose only figure is a share of a whole named by words: "Obesity
#: drugs now account for nearly a quarter of group sales"
_NAMED_TAKES_NAMED = regex.compile(
    r"^[ \t\u00a0]*(?:(?i:the|its)[ \t\u00a0]+)?(?P<part>(?:[\w-]+[ \t\u00a0]+){0,2}[\w-]+)"
    r"(?:[ \t\u00a0]+(?i:now|still|alone))?"
    rf"[ \t\u00a0]+(?i:{_TAKES_A_SHARE})[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]+)*$"
)
_OF_WORDS = regex.compile(
    r"^[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:the|its|their)[ \t\u00a0]+)?"
    r"(?P<whole>(?:[a-z-]+[ \t\u00a0]+){0,2}[a-z-]+)[ \t\u00a0]*[.,;]"
)


#: right after a price per item: " apiece", " a share", " per share", " each"
_EACH_WORDS = (
    r"each|apiece|a[ \t\u00a0]+head|per[ \t\u00a0]+head|per[ \t\u00a0]+person"
    r"|a[ \t\u00a0]+person"
)
_PER_ITEM_AFTER = regex.compile(
    rf"[ \t\u00a0]+(?i:{_EACH_WORDS}|a[ \t\u00a0]+share|per[ \t\u00a0]+share)\b"
)


def _per_item(ref: ClaimRef) -> bool:
    """ "Rs 11 apiece", "$8.75 a share": a price per item, never a total's part."""
    return _PER_ITEM_AFTER.match(ref.document.prose, ref.claim.span.end) is not None


def _names(text: str, word: str) -> bool:
    """Whether ``text`` holds ``word`` at a word's start, in any case."""
    return regex.search(rf"(?i:\b{regex.escape(word)})", text) is not None


def _content_words(words: str) -> set[str]:
    lex = lexicon()
    return {
        w.lower()
        for w in words.split()
        if len(w) >= 4 and w.lower() not in lex.function_words
    }


def _shares_of_two_named_before(
    claims: Sequence[ClaimRef], earlier: Sequence[ClaimRef]
) -> Iterator[tuple[ClaimRef, ClaimRef, ClaimRef]]:
    """(part, whole, share) for "Sales of obesity drugs rose to 41.6 billion
    kroner. Group sales rose to 232.3 billion kroner. Obesity drugs now account for
    nearly a quarter of group sales": a sentence whose one figure is a share, whose
    subject and whole are named by words that each name exactly one figure of one
    measure in the two sentences before (every content word of the name in that
    figure's sentence)."""
    if len(claims) != 1:
        return
    pct = claims[0]
    sentence = pct.claim.sentence
    if sentence is None or _stated_share(pct.claim) is None:
        return
    text = pct.document.prose
    opening = _NAMED_TAKES_NAMED.match(text[sentence.start : pct.claim.span.start])
    after = _OF_WORDS.match(text[pct.claim.span.end : sentence.end + 1])
    if opening is None or after is None:
        return
    part_words = _content_words(opening["part"])
    whole_words = _content_words(after["whole"])
    if not part_words or not whole_words or part_words == whole_words:
        return

    def named(words: set[str]) -> list[ClaimRef]:
        return [
            r
            for r in earlier
            if r.claim.equivalent_of is None
            and r.claim.kind in ("count", "money", "quantity")
            and not _per_item(r)
            and all(_names(r.claim.sentence_text or "", w) for w in words)
        ]

    parts, wholes = named(part_words), named(whole_words)
    if len(parts) != 1 or len(wholes) != 1 or parts[0] is wholes[0]:
        return
    part, whole = parts[0], wholes[0]
    if _two_ends(part, whole) and part.claim.value < whole.claim.value:
        yield part, whole, pct


def _is_share_word(claim: Claim) -> bool:
    """ "a quarter", "two-thirds", "one in five": a share in words."""
    if claim.kind != "count" or claim.unit is not None:
        return False
    if claim.whole is not None and _RATIO_WORDS.search(claim.text) is not None:
        # "one in five", "four out of five", "one in 11", "3 in 10": a ratio the
        # extractor joined to a rate's whole; "five of its nine" is a count
        return True
    if any(ch.isdigit() for ch in claim.text):
        return False
    return 0 < claim.value < 1  # "a quarter", "two-thirds of"


#: what joins a ratio's two numbers ("one in five"), as the extractor reads it
_RATIO_WORDS = regex.compile(RATIO_JOINER)


def _stated_share(claim: Claim) -> Interval | None:
    """The share a claim states, in percent: a percentage as stated; a share in
    words ("nearly a quarter", "one in seven") widened by
    :data:`~factcheck.rules.context.FRACTION_WORD_TOLERANCE`."""
    if claim.kind == "percent" and claim.unit == "%":
        return _stated(claim)
    if not _is_share_word(claim):
        return None
    iv = _stated(claim)
    scale = 100 / (claim.whole if claim.whole and claim.value >= 1 else 1)
    # "less than a third": no more than a third, and no less than nothing; "more
    # than half": at least half, at most all
    tol = FRACTION_WORD_TOLERANCE
    if iv.low is not None and iv.high == claim.value and iv.low < claim.value:
        # "nearly three-quarters": the qualifier's band already says how far below
        # the fraction the share may fall, so the fraction's own looseness adds
        # only half its width there (64% is "nearly two-thirds", not "nearly
        # three-quarters")
        tol_below = tol / 2
    else:
        tol_below = tol
    # "more than a third", "less than half": a comparison with the fraction
    # itself, not a writer's nearest fraction, so its bound is not widened
    bound = claim.qualifier in ("gt", "ge", "lt", "le")
    low = (
        0.0
        if iv.low is None
        else iv.low * scale * (1 if bound and iv.high is None else 1 - tol_below)
    )
    high = (
        100.0
        if iv.high is None
        else iv.high * scale * (1 if bound and iv.low is None else 1 + tol)
    )
    return Interval(low, high, "%")


@rule(
    "FC304",
    "percent-vs-points",
    "warning",
    "a change in a percentage stated in the wrong unit",
    scope="document",
)
def percent_vs_points(ctx: AuditContext) -> Iterator[Finding]:
    """A change between two percentages is stated in the wrong unit.

    *What it checks.* A sentence that gives a change and both ends of it, where the
    ends are percentages ("the rate rose 2% from 5% to 7%"), or two percentages and
    the margin in percent by which one exceeds the other ("a turnout of 65.5%, 13
    percent higher than the 52.5% of 2006"). If the stated change matches the
    difference in percentage points but not the relative change (or the other way
    round), it is in the wrong unit.

    *Why it matters.* "Up 2%" and "up 2 percentage points" differ by a factor of the
    base: from 5% that is 5.1% against 7%.

    *Example.*

        fires: Unemployment rose 2% from 5% to 7%.
        silent: Unemployment rose 2 percentage points from 5% to 7%.
        silent: Unemployment rose 40% from 5% to 7%.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    yield from _delta_arithmetic(ctx)
    for claims, earlier in _sentences_after(ctx, 1):
        # a change between two percentages ("rose 2% from 5% to 7%"), or one of two
        # percentages said to exceed the other by a margin ("a turnout of 65.5%, 13
        # percent higher than the 52.5% of 2006")
        triples = itertools.chain(
            ((t, "from {old} to {new}") for t in _change_triples(claims)),
            (
                (t, "between {new} and {old}")
                for t in itertools.chain(
                    _comparative_margins(claims, in_percent=True),
                    _margins_over_a_named_side(claims, earlier, in_percent=True),
                )
            ),
        )
        for (pct, new, old), ends in triples:
            if new.claim.unit != "%" or old.claim.unit != "%":
                continue
            readings = _readings(pct, new, old)
            if readings is None:
                continue
            mag, points, relative = readings
            ctx.mark_checked(pct, new, old)
            if (
                pct.claim.unit == "%"
                and mag.overlaps(points)
                and not mag.overlaps(relative)
            ):
                right = f"{pct.claim.value:g} percentage points"
                wrong_is = "a relative change of " + format_interval(relative)
            elif (
                pct.claim.unit == "pp"
                and mag.overlaps(relative)
                and not mag.overlaps(points)
            ):
                right = f"{pct.claim.value:g}%"
                wrong_is = "a difference of " + format_interval(points) + " points"
            else:
                continue
            yield ctx.finding(
                "FC304",
                pct,
                f"{pct.claim.text!r} "
                + ends.format(old=repr(old.claim.text), new=repr(new.claim.text))
                + f" is {wrong_is}; the figure matches {right}",
                related=[new, old],
                details={
                    "stated": pct.claim.value,
                    "stated_unit": pct.claim.unit,
                    "points_low": points.low,
                    "points_high": points.high,
                    "relative_low": relative.low,
                    "relative_high": relative.high,
                },
                evidence=(
                    "one sentence states the change and both percentages"
                    if ends.startswith("from")
                    else "one sentence states two percentages and the margin between"
                    " them",
                ),
            )


#: "N times Mistral's valuation", "N times the size of X", "N times as large as X's"
_TIMES = regex.compile(
    r"\s*(?:times|fold)\s+(?:(?:as\s+(?:much|many|large|big|high)\s+as|the\s+size\s+of|that\s+of)\s+)?"
    r"(?:the\s+)?(?P<owner>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+"
    r"(?P<what>(?:[a-z-]+\s+){0,2}[a-z-]+)"
)


def _comparand(ctx: AuditContext, multiple: ClaimRef) -> tuple[str, str, str] | None:
    """(owner words, attribute class, phrase) that a multiple is a multiple of."""
    text = multiple.document.prose
    m = _TIMES.match(text, multiple.claim.span.end)
    if m is None:
        return None
    lex = lexicon()
    what = m.group("what").lower().split()
    attribute = next((lex.attribute(w) for w in what if w in lex.attribute_of), None)
    if attribute is None:
        # "2.1 million containers" is counted as noun:container (the frame's reading)
        attribute = f"noun:{stem(what[-1])}"
    owner = " ".join(holder_key(m.group("owner").split(), lex))
    return owner, attribute, m.group().strip()


#: a multiple in words right before the figure it multiplies: "more than triple the
#: previous record of ", "nearly double the ", "twice its "
_WORD_MULTIPLE = regex.compile(
    r"(?i:\b(?:(?P<q>more[ \t]+than|over|at[ \t]+least|nearly|almost|about|roughly"
    r"|around|some|less[ \t]+than|under)[ \t]+)?(?P<m>double|twice|triple|treble"
    # "less than half the record 1.71 trillion yen loss"
    r"|quadruple|half"
    r"|(?P<n>two|three|four|five|six|seven|eight|nine|ten)"
    # "two and a half times the $64 billion"
    r"(?P<half>[ \t]+and[ \t]+a[ \t]+half)?[ \t]+times)[ \t]+"
    r"(?:(?:the|its|their|his|her)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?:of[ \t]+|at[ \t]+"
    # "nearly three times the previous record, the 105 million euros": the
    # figure in apposition to the noun
    r"|[\w'’-]+,[ \t]+the[ \t]+)?"
    # "roughly eight times India's 9.1 tonnes": the figure's holder, named (in
    # capitals: "half times last year's" is no holder)
    r"|(?-i:(?:[A-Z][\w.&-]*[ \t]+){0,2}[A-Z][\w.&-]*)['’]s?[ \t]+"
    # "almost double last year's R8.3-billion", "triple 2019's": the figure's time
    r"|(?:(?:last|this|the[ \t]+previous)[ \t]+(?:year|month|week|season|quarter)"
    r"|\d{4})['’]s[ \t]+))$"
)
_FACTOR = {
    "double": 2,
    "twice": 2,
    "triple": 3,
    "treble": 3,
    "quadruple": 4,
    "half": 0.5,
}
#: the rounding step a multiple in words is read to: a whole multiple to its
#: unit ("twice" is 1.5 to 2.5), a half to a fifth ("about half" is 0.4 to 0.6, as
#: loosely as news uses it)
_FACTOR_STEP = {"half": 0.2}
_QUALIFIER_OF = {
    "less than": "lt",
    "under": "lt",
    "more than": "gt",
    "over": "gt",
    "at least": "ge",
    "nearly": "approx",
    "almost": "approx",
    "about": "approx",
    "roughly": "approx",
    "around": "approx",
    "some": "approx",
}


def _stated_multiple(factor: float, q: str, step: float) -> Interval:
    """The multiple a word or a verb states, as loosely as news uses it: ``step``
    either way of ``factor`` ("double the record": 1.5 to 2.5 times), with its
    qualifier ("more than double": above 2). "Nearly" and "almost" round the
    growth up to the multiple (NEARLY_MULTIPLE_BAND: "nearly doubled" is 1.7 to 2
    times), and a bare multiple reaches no lower than they do: a rise of 60% (1.6
    times) named "doubled" names the wrong multiple, as "nearly doubled" would."""
    floor = factor * (1.0 - NEARLY_MULTIPLE_BAND)
    if q in ("nearly", "almost") and factor > 1:
        return Interval(floor, factor)
    stated = Interval.from_stated(
        factor,
        precision=step,
        qualifier=_QUALIFIER_OF.get(q),  # type: ignore[arg-type]
        nearly=q in ("nearly", "almost"),
    )
    if q or factor <= 1 or stated.low is None or stated.low >= floor:
        return stated
    return Interval(floor, stated.high)


#: a sentence that opens by pointing back at the figure before it: "That is
#: already", "That figure is around", "This was"
_THAT_FIGURE = regex.compile(
    r"^[ \t\u00a0]*(?:(?i:that|this|it)(?:[ \t\u00a0]+(?=(?i:figure|number|total|sum"
    r"|amount|tally|count|crowd)\b))?|(?i:the)[ \t\u00a0]+(?=(?i:figure|number|total"
    r"|sum|amount|tally|count|crowd)\b))"
    # "The figure is nearly 20 percent more than": the noun after "the" points too
    r"(?:(?i:figure|number|total|sum|amount|tally|count|crowd))?"
    r"[ \t\u00a0]+(?i:is|was|would[ \t]+be|represents"
    r"|marks|means)(?:[ \t\u00a0]+(?i:already|still|now))?[ \t\u00a0]+"
)


#: a subject pointing back at a figure by a noun of its own: "The haul is", "The
#: deal was" (read only before a change named by its noun)
_THE_NOUN_IS = regex.compile(
    r"^[ \t\u00a0]*(?:(?i:that|this|it)|(?i:the)[ \t\u00a0]+[a-z]+)[ \t\u00a0]+"
    r"(?i:is|was|represents|marks)[ \t\u00a0]+"
)


def _pointed_at(
    base: ClaimRef,
    at: int,
    earlier: Sequence[ClaimRef],
    subject: regex.Pattern[str] | None = None,
) -> ClaimRef | None:
    """The figure a sentence opening "That is ..." points back at (what it says
    starts at ``at``): the one figure in ``base``'s measure of the sentence right
    before; None when the sentence opens otherwise, or there are none or several."""
    claim = base.claim
    if claim.sentence is None:
        return None
    text = base.document.prose
    s0 = claim.sentence.start
    opening = (subject or _THAT_FIGURE).match(text[s0:at])
    if opening is None or not _QUALIFIER_ONLY.fullmatch(text[s0 + opening.end() : at]):
        return None
    before = [
        r
        for r in earlier
        if r.claim.equivalent_of is None
        and _in_sentence_before(r, s0)
        and r.claim.kind == claim.kind
        and r.claim.unit == claim.unit
        and r.claim.kind in ("money", "count", "quantity", "percent")
    ]
    before = _without_starts(before)
    return before[0] if len(before) == 1 else None


def _without_starts(refs: list[ClaimRef]) -> list[ClaimRef]:
    """The figures a sentence pointing back may mean, of several in the sentence
    before, without the start of a change: in "Online sales reached £2.3 billion,
    up 12% from £2.05 billion. That meant online accounted for 31% of ...", the
    sentence left its subject at £2.3 billion, not at the figure it rose from."""
    if len(refs) < 2:
        return refs
    return [
        r for r in refs if r.claim.frame is None or r.claim.frame.stage != "earlier"
    ]


def _in_sentence_before(ref: ClaimRef, s0: int) -> bool:
    """Whether ``ref`` stands in the sentence right before the one starting at
    ``s0`` (nothing but closing punctuation between them)."""
    sentence = ref.claim.sentence
    return sentence is not None and not ref.document.prose[sentence.end : s0].strip(
        " \t\n\u00a0.!?\"'”’)"
    )


#: what may stand between "That is" and the comparison it opens: a qualifier
_QUALIFIER_ONLY = regex.compile(
    rf"[ \t\u00a0]*(?:(?i:{_SHARE_QUALIFIERS}|just)[ \t\u00a0]*)*"
)


def _names_another_attribute(words: str, level: ClaimRef) -> bool:
    """Whether ``words`` after a change say it was made on a figure of another
    attribute than the level's own (", on revenue of" after a profit's change)."""
    frame = level.claim.frame
    if frame is None or not named_class(frame.attribute):
        return False
    if not _ON_FIGURE.match(words):
        return False
    lex = lexicon()
    return any(
        lex.attribute(m.group()) != frame.attribute
        for m in lex.attributes.finditer(words)
    )


#: the figure a result was made on: ", on revenue of ", " on sales of "
_ON_FIGURE = regex.compile(r"^[ \t\u00a0]*,?[ \t\u00a0]+(?i:on)[ \t\u00a0]")


def _other_attributes(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether two claims' frames name two different attributes."""
    fa, fb = a.claim.frame, b.claim.frame
    return bool(
        fa and fb and fa.attribute and fb.attribute and fa.attribute != fb.attribute
    )


#: between a figure and the multiple it is said to be: ", or about ", ", some "
_THEN_A_MULTIPLE = regex.compile(
    # "440 kilotons of TNT, or about": the figure's own noun first
    r"(?:[ \t\u00a0]+(?!(?i:and|but|than)\b)[\w'’-]+){0,3}"
    # "pay of $68.4 million was 312 times": or the figure's copula
    r"(?:[ \t\u00a0]*(?:,|—|–)|[ \t\u00a0]+(?i:was|is|were|are))"
    r"[ \t\u00a0]*(?:(?i:or|some|about|around|roughly|nearly"
    r"|almost|more[ \t]+than|over|less[ \t]+than|just[ \t]+under|just[ \t]+over)"
    r"[ \t\u00a0]+)*"
)
#: between a multiple in digits and the figure it multiplies: " times the force of
#: the ", " times the "
_TIMES_THE = regex.compile(
    r"[ \t\u00a0]+(?i:times)[ \t\u00a0]+(?:(?i:the|its|their|a)[ \t\u00a0]+)?"
    r"(?:(?!(?i:and|or|but|than)\b)[\w'’-]+[ \t\u00a0]+){0,4}"
)


def _digit_multiples(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(figure, the figure it is a multiple of, the multiple stated, the words, how
    they were read) for "about 440 kilotons of TNT, or about 50 times the force of
    the 15-kiloton bomb": a figure, then a count in digits "times" another figure
    of its measure, all in one sentence."""
    for claims in _sentences(ctx):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for top, multiple, base in zip(own, own[1:], own[2:], strict=False):
            text = top.document.prose
            if (
                multiple.claim.kind != "count"
                or multiple.claim.noun is not None
                or multiple.claim.low is None
                or not _same_measure(top.claim, base.claim)
                or _THEN_A_MULTIPLE.fullmatch(
                    text, top.claim.span.end, multiple.claim.span.start
                )
                is None
                or _TIMES_THE.fullmatch(
                    text, multiple.claim.span.end, base.claim.span.start
                )
                is None
            ):
                continue
            yield (
                top,
                base,
                multiple.claim.interval,
                f"{multiple.claim.text} times",
                "a multiple in digits between two figures of one sentence",
            )


#: a multiple that ends its clause, its base the figure stated before: " times as
#: much", " times more" (then a comma, a full stop or the sentence's end)
_TIMES_AS_MUCH = regex.compile(
    r"[ \t\u00a0]+(?i:times)[ \t\u00a0]+(?:(?i:as)[ \t\u00a0]+(?P<as>(?i:much|many|large|big"
    r"|high|long|expensive|costly))|(?P<more>(?i:more|larger|bigger|higher|greater"
    r"|costlier)))(?=[ \t\u00a0]*(?:[,.;:)]|$))"
)


def _multiples_as_much(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(figure, the figure it is a multiple of, the multiple stated, the words, how
    they were read) for "Maven is costing $671 million, roughly 20 times as much"
    after "a spacecraft that cost about $73 million": a figure, then a multiple in
    digits or words that ends its clause, of the figure of its measure stated
    before it (the nearest in its sentence, else the only one of the nearest
    sentence before that states one, within ``_EARLIER_SENTENCES``). "N times more" may mean N or N + 1 times as much: either is read."""
    for claims, earlier in _sentences_after(ctx, _EARLIER_SENTENCES):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for i, (top, multiple) in enumerate(itertools.pairwise(own)):
            text = top.document.prose
            m = _TIMES_AS_MUCH.match(text, multiple.claim.span.end)
            if (
                m is None
                or multiple.claim.kind != "count"
                or multiple.claim.noun is not None
                or multiple.claim.low is None
                or multiple.claim.high is None
                or top.claim.kind not in ("money", "count", "quantity")
                or _THEN_A_MULTIPLE.fullmatch(
                    text, top.claim.span.end, multiple.claim.span.start
                )
                is None
            ):
                continue
            bases = [r for r in own[:i] if _same_measure(r.claim, top.claim)][-1:]
            if not bases:
                # the nearest sentence before that states a figure of the measure
                prior = [
                    r
                    for r in earlier
                    if _same_measure(r.claim, top.claim)
                    and r.claim.equivalent_of is None
                ]
                last = prior[-1].claim.sentence if prior else None
                bases = [r for r in prior if r.claim.sentence == last]
            if len(bases) != 1:
                continue  # none, or several in the sentence before: say nothing
            stated = multiple.claim.interval
            if m.group("more") is not None:
                stated = Interval(stated.low, multiple.claim.high + 1.0, stated.unit)
            yield (
                top,
                bases[0],
                stated,
                f"{multiple.claim.text}{m.group()}",
                "a multiple that ends its clause, of the figure stated before",
            )


def _word_multiples(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(figure, the figure it is a multiple of, the multiple stated, the words, how
    they were read) for
    "€222 million ..., more than triple the previous record of €105 million": a
    multiple in words (a round figure, read to its unit) between two figures of one
    sentence in one measure."""
    for claims, earlier in _sentences_after(ctx, 1):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for i, written in enumerate(own):
            text = written.document.prose
            s0 = written.claim.sentence.start if written.claim.sentence else 0
            m = _WORD_MULTIPLE.search(text, s0, written.claim.span.start)
            if m is None:
                continue
            base = _with_the_tops_unit(own[:i], written)
            tops = [
                r
                for r in own[:i]
                if r.claim.span.end <= m.start()
                and r.claim.kind == base.claim.kind
                # "€984 million, more than twice the £497 million": amounts in two
                # currencies compare at the document's date
                and (r.claim.unit == base.claim.unit or r.claim.kind == "money")
                # "a share of about 59% was more than triple the 28%": shares
                # multiply as the other measures do
                and r.claim.kind in ("money", "count", "quantity", "percent")
                # "£2,500, 27% more than the £1,971 cap ... and nearly double the
                # £1,277": a figure compared with is not what the next comparison
                # of the list is made of
                and not _THAN.search(_before(r))
                # "roughly twice the 248,000 ... and nearly four times the
                # 133,000": a figure another multiple is of is no top either
                and not _MULTIPLE_BEFORE.search(_before(r))
                # a multiple sets like against like: "33 dead and 18 missing,
                # nearly three times the 11 deaths" multiplies the dead
                and not _other_attributes(r, base)
            ]  # (an unmarked equivalent between: "€222 million, about $263 million,")
            if not tops:
                # "... 7.7 billion yuan as of Sunday. That is already more than
                # double the 5 billion yuan": the figure the sentence points back at
                referent = _pointed_at(base, m.start(), earlier)
                tops = [referent] if referent is not None else []
            if not tops:
                continue
            words = m.group("m").lower().split()
            factor = _FACTOR.get(words[0]) or UNITS_WORDS[words[0]]
            if m.group("half"):
                factor += 0.5
            q = " ".join((m.group("q") or "").lower().split())
            stated = _stated_multiple(float(factor), q, _FACTOR_STEP.get(words[0], 1.0))
            yield (
                tops[-1],
                base,
                stated,
                " ".join(m.group().split()),
                "a multiple in words between two figures of one sentence"
                if tops[-1].claim.sentence == base.claim.sentence
                else "a multiple in words of the figure the sentence before states",
            )


@rule(
    "FC305",
    "multiple-arithmetic",
    "error",
    '"X, N times Y\'s figure" does not compute from the figures given',
    scope="document",
)
def multiple_arithmetic(ctx: AuditContext) -> Iterator[Finding]:
    """A stated multiple does not compute from the two figures the document gives.

    *What it checks.* A figure followed by "N times" another holder's figure ("a
    valuation of around $500 billion, more than 40 times Mistral's valuation"), where
    the document states that other figure too (its holder and attribute, from the
    claim frames: "values Mistral at 11.7 billion euros"). The first figure over the
    second, converted into one currency at the document's date and over every value
    their precision and qualifiers allow, must reach the stated multiple. A multiple
    in words between two figures of one sentence and one unit ("€222 million, more
    than triple the previous record of €105 million", "twice the $3.9 billion") is
    read to its unit ("twice" is 1.5 to 2.5; "more than triple" above 3), also of
    the figure the sentence before states ("7.7 billion yuan. That is already more
    than double the 5 billion yuan"); so is a verb that multiplies what it changes,
    with both ends ("more than doubled its key rate to 15% from 8.5%", "halved"),
    and a total with what it comes to per item ("$21.4 million, roughly $2.4
    million for each of its nine episodes").

    *Why it matters.* A ratio is recomputed by readers who have both figures; a
    ratio made by dividing dollars by euros, or from a stale figure, is wrong.

    *Example.* $500 billion is about 36 times 11.7 billion euros on 2025-09-09.

        fires [2025-09-09]: The round values Mistral at 11.7 billion euros. OpenAI is weighing a share sale at a valuation of $500 billion, more than 40 times Mistral's valuation.
        silent [2025-09-09]: The round values Mistral at 11.7 billion euros. OpenAI is weighing a share sale at a valuation of $500 billion, more than 30 times Mistral's valuation.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    by_doc: dict[int, list[ClaimRef]] = {}
    for ref in ctx.refs:
        by_doc.setdefault(ref.doc_index, []).append(ref)
    for multiple in ctx.refs:
        if multiple.claim.kind != "count" or multiple.claim.low is None:
            continue
        found = _comparand(ctx, multiple)
        if found is None:
            continue
        owner, attribute, phrase = found
        siblings = by_doc[multiple.doc_index]
        before = [
            r
            for r in siblings
            if r.claim.sentence == multiple.claim.sentence
            and r.claim.span.end <= multiple.claim.span.start
            and r.claim.kind in ("money", "quantity", "count")
            and r.claim.equivalent_of is None
        ]
        if not before:
            continue
        top = before[-1]
        base = [
            r
            for r in siblings
            if r is not top
            and r.claim.kind == top.claim.kind
            and r.claim.equivalent_of is None
            and r.claim.frame is not None
            and r.claim.frame.attribute == attribute
            and owner
            and set(owner.split()) <= set(r.claim.frame.holder_key)
        ]
        if len(base) != 1:
            continue  # none, or several candidates: say nothing
        (whole,) = base
        top_iv = allowed_interval(top.claim)
        in_top_unit = _in_unit_of_top(ctx, top, whole)
        if in_top_unit is None:
            continue
        base_iv, rate = in_top_unit
        if (
            top_iv.low is None
            or top_iv.high is None
            or base_iv.low is None
            or base_iv.high is None
            or base_iv.low <= 0
        ):
            continue
        ratio = Interval(top_iv.low / base_iv.high, top_iv.high / base_iv.low, None)
        stated = multiple.claim.interval
        ctx.mark_checked(multiple, top, whole)
        if ratio.overlaps(stated):
            continue
        yield ctx.finding(
            "FC305",
            multiple,
            f"{top.claim.text!r} ({format_interval(top_iv)}) is "
            f"{ratio.low:.3g}–{ratio.high:.3g} times {whole.claim.text!r} "
            f"({rate or format_interval(base_iv)}); the text says "
            f"{multiple.claim.text!r} {phrase} ({format_interval(stated)})",
            related=[top, whole],
            details={
                "stated_low": stated.low,
                "stated_high": stated.high,
                "ratio_low": ratio.low,
                "ratio_high": ratio.high,
            },
            evidence=(
                f"{phrase!r}: {whole.claim.text!r} is {owner}'s {attribute} in the "
                "same document",
            ),
        )
    yield from _word_multiple_findings(ctx)


#: a verb that multiplies what it changes: "more than doubled its key rate to 15%
#: from 8.5%", "tripled to", "halved", and in its plain and present forms ("will
#: more than triple annual revenue from $5.3 billion to $13.2 billion", "doubles
#: to"); not an adjective ("double-digit growth")
_VERB_MULTIPLE = regex.compile(
    r"(?i:\b(?:(?P<q>more[ \t]+than|nearly|almost|roughly|about)[ \t]+)?"
    r"(?P<m>doubled|doubling|tripled|tripling|trebled|quadrupled|halved|halving"
    r"|doubles|triples|trebles|quadruples"
    # the plain form after a modal or "to" ("will more than triple revenue"): bare,
    # "triple the EU's 3% limit" is a multiple in words, not a verb
    r"|(?<=\b(?:will|would|could|can|may|might|should|to)[ \t]+"
    r"(?:(?:more[ \t]+than|nearly|almost|roughly|about)[ \t]+)?)"
    r"(?:double|triple|treble|quadruple|halve))\b(?!-)"
    # "rose fivefold to 67,000 from 1,340", "grew 20-fold": a verb of growth and
    # its multiple
    r"|\b(?:rose|risen|grew|grown|increased|jumped|climbed|surged|soared|expanded"
    r"|multiplied)[ \t]+(?:(?P<q2>more[ \t]+than|nearly|almost|roughly|about)[ \t]+)?"
    r"(?P<fold>(?P<k>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
    r"|thousand|\d+(?:\.\d+)?)-?fold)\b)"
)
_VERB_FACTOR = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}
#: between a level and the value it multiplied, the verb set after the level: ",
#: having doubled from the ", ", more than tripling from ", " after doubling from "
_MULTIPLIED_FROM = regex.compile(
    r"^(?:[ \t\u00a0]+[\w-]+){0,3}[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:having|after)[ \t\u00a0]+)?"
    r"(?i:(?P<q>more[ \t]+than|nearly|almost|roughly|about)[ \t\u00a0]+)?"
    r"(?P<m>(?i:doubled|doubling|tripled|tripling|trebled|trebling|quadrupled"
    r"|quadrupling|halved|halving))[ \t\u00a0]+(?i:from)[ \t\u00a0]+"
    r"(?:(?i:the|its|their|a|an|last[ \t]+year['’]s|[\w-]+['’]s)[ \t\u00a0]+)?"
    rf"{_ABOUT}$"
)


def _verb_multiples(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(new, old, the multiple stated, the words, how they were read) for a
    clause whose verb multiplies what it changes and that states both ends:
    "more than doubled its key rate to 15% from 8.5%" (15 / 8.5 is 1.76)."""
    for claims in _sentences(ctx):
        ends: list[tuple[ClaimRef, ClaimRef, regex.Match[str] | None]] = [
            (new, old, None) for new, old, _ in stated_ends(claims)
        ]
        # "The bridge cost Tk 30,193 crore, having doubled from the Tk 20,507 crore
        # estimate": the level, then the verb and the value it multiplied
        ends += [
            (new, old, m)
            for new, old in itertools.pairwise(claims)
            if _two_ends(new, old)
            and (m := _MULTIPLIED_FROM.match(_between(new, old))) is not None
        ]
        for new, old, after in ends:
            text = new.document.prose
            s0 = new.claim.sentence.start if new.claim.sentence else 0
            first = min(new.claim.span.start, old.claim.span.start)
            if after is None:
                verbs = list(_VERB_MULTIPLE.finditer(text, s0, first))
                if not verbs or _CLAUSE_BREAK.search(text, verbs[-1].end(), first):
                    continue  # no verb, or the verb of another clause
                m = verbs[-1]
            else:
                m = after
            if m.groupdict().get("fold"):
                k = m.group("k").lower()
                # "fivefold", "a hundredfold": the lexicon's number words
                factor = (
                    float(k)
                    if k[0].isdigit()
                    else UNITS_WORDS.get(k) or TENS_WORDS.get(k) or SCALES.get(k)
                )
                q = " ".join((m.group("q2") or "").lower().split())
            else:
                verb = m.group("m").lower()
                factor = next(
                    (f for k, f in _VERB_FACTOR.items() if verb.startswith(k)), None
                )
                q = " ".join((m.group("q") or "").lower().split())
            if factor is None:
                continue
            stated = _stated_multiple(factor, q, factor / 2)
            yield (
                new,
                old,
                stated,
                " ".join(m.group().split()),
                "one clause multiplies a figure and states both ends",
            )


#: between a total and what it comes to per item: ", roughly ", " or about "
_PER_ITEM_GAP = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]*,[ \t\u00a0]+(?:(?i:or)[ \t\u00a0]+)?"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: the same where the total's holder earns it per item, with a verb: "Rs 24.75
#: crore deal, Starc will earn more than "
_PER_ITEM_EARNS = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,2}[ \t\u00a0]*,[ \t\u00a0]+(?:[A-Z][\w'’-]*[ \t\u00a0]+)?"
    r"(?:(?i:will|would)[ \t\u00a0]+)?(?i:earn|earns|earned|get|gets|receive|receives|make"
    r"|makes|pocket|pockets|be[ \t]+paid)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: between the amount per item and the number of items: " for each of its ",
#: " per "
_FOR_EACH = regex.compile(
    r"^[ \t\u00a0]+(?:(?i:for|on|from)[ \t\u00a0]+)?(?i:each|every)[ \t\u00a0]+"
    r"(?i:of)[ \t\u00a0]+(?:(?i:its|the|their|his|her|those|these)[ \t\u00a0]+"
    # "for each of KKR's 14 league matches"
    r"|[A-Z][\w&.-]*['’]s[ \t\u00a0]+)?$"
)


#: between an amount per item and the number of items: " a share on its roughly ",
#: " per tonne for "
_EACH_ON = regex.compile(
    r"^[ \t\u00a0]+(?i:a|an|per|each)[ \t\u00a0]+[a-z]+[ \t\u00a0]+(?i:on|for|across|over)"
    r"[ \t\u00a0]+(?:(?i:its|the|their|all|some)[ \t\u00a0]+)?"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: between a total and the items it is shared among: " has been paid to about ",
#: " split among "
_SHARED_AMONG = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,4}[ \t\u00a0]+(?i:to|among|between)[ \t\u00a0]+"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: right after an amount per item: " each", " apiece", " a head"
_EACH_AFTER = regex.compile(rf"[ \t\u00a0]+(?i:{_EACH_WORDS})\b")
#: between the items and their total: " shares, a payout of as much as about "
_THEN_THE_TOTAL = regex.compile(
    r"^(?:[ \t\u00a0]+[\w'’-]+){0,3},[ \t\u00a0]+(?:(?i:a|an)[ \t\u00a0]+)?(?i:payout|total"
    r"|bill|cost|outlay|sum)[ \t\u00a0]+(?i:of)[ \t\u00a0]+(?:(?i:as[ \t]+much[ \t]+as|up[ \t]+to"
    rf")[ \t\u00a0]+)?(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)


#: between a number of items and the amount of each: " releases of ", " payments
#: of "
_ITEMS_OF = regex.compile(r"^[ \t\u00a0]+[a-z-]+[ \t\u00a0]+(?i:of)[ \t\u00a0]+$")
#: between the amount of each item and the total: " each before the end of March,
#: or ", " apiece, a total of "
_EACH_THEN_ALL = regex.compile(
    rf"^[ \t\u00a0]+(?i:{_EACH_WORDS})\b[^,;.()]{{0,40}},[ \t\u00a0]+"
    r"(?:(?i:or|a[ \t]+total[ \t]+of|totall?ing|making)[ \t\u00a0]+)"
    rf"(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: between a number of items and the amount of each set off after them:
#: " turbines, each rated at ", " reactors, each with a capacity of "
_ITEMS_EACH_AT = regex.compile(
    r"^[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+){0,2}?[a-z-]{3,}s,[ \t\u00a0]+(?i:each)"
    r"(?:[ \t\u00a0]+[a-z-]+){0,5}?[ \t\u00a0]+(?i:at|of)[ \t\u00a0]+$"
)
#: between the amount of each and the total the items make: ", give it a capacity
#: of ", ", for a combined ", ", a total of "
_GIVE_TOTAL = regex.compile(
    r"^,[ \t\u00a0]+(?:[\w'’-]+[ \t\u00a0]+){0,4}?(?:(?i:a|an)[ \t\u00a0]+)?"
    r"(?:(?i:total|combined)[ \t\u00a0]+)?(?i:capacity|total|output)[ \t\u00a0]+"
    rf"(?i:of)[ \t\u00a0]+(?:(?i:{_SHARE_QUALIFIERS})[ \t\u00a0]+)?$"
)
#: right after a total of items: " in all", " in total", " altogether"
_ITEMS_IN_ALL = regex.compile(
    r"[ \t\u00a0]+(?i:in[ \t\u00a0]+all|in[ \t\u00a0]+total|altogether)\b"
)


def _per_item_multiples(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(total, the amount per item, the number of items, the words, how they were
    read) for "cost $21.4 million to produce, roughly $4.2 million for each of its
    nine episodes" and "up to US$1.10 a share on its roughly 895 million shares, a
    payout of as much as US$985 million": the total is the amount per item times
    the items."""
    for claims in _sentences(ctx):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for a, b, c in zip(own, own[1:], own[2:], strict=False):
            if _FOR_EACH.match(_between(b, c)) and (
                _PER_ITEM_GAP.match(_between(a, b))
                or _PER_ITEM_EARNS.match(_between(a, b))
            ):
                total, each, items = a, b, c
                words, why = f"for each of {c.claim.text}", _TOTAL_THEN_EACH
            elif _EACH_ON.match(_between(a, b)) and _THEN_THE_TOTAL.match(
                _between(b, c)
            ):
                # "up to US$1.10 a share on its roughly 895 million shares, a
                # payout of as much as US$985 million": per item, items, total
                each, items, total = a, b, c
                words, why = f"on {b.claim.text}", _EACH_THEN_TOTAL
            elif (
                _ITEMS_OF.match(_between(a, b))
                and _EACH_THEN_ALL.match(_between(b, c))
                and (
                    _ITEMS_IN_ALL.match(c.document.prose, c.claim.span.end)
                    or not _between(b, c).rstrip().lower().endswith("or")
                )
            ):
                # "four releases of 7,800 tonnes each ..., or 31,200 tonnes in
                # all": the items, the amount of each, then the total
                items, each, total = a, b, c
                words, why = f"{a.claim.text} of {b.claim.text} each", _ITEMS_EACH_TOTAL
            elif _ITEMS_EACH_AT.match(_between(a, b)) and _GIVE_TOTAL.match(
                _between(b, c)
            ):
                # "165 turbines, each rated at 7MW, give it a capacity of 1.3GW":
                # the items, the amount of each, then the total they make
                items, each, total = a, b, c
                words, why = f"{a.claim.text} of {b.claim.text} each", _ITEMS_EACH_TOTAL
            elif (
                _SHARED_AMONG.match(_between(a, b))
                and _PER_ITEM_GAP.match(_between(b, c))
                and _EACH_AFTER.match(c.document.prose, c.claim.span.end)
            ):
                # "$28.4 million has been paid to about 57,000 people, roughly $800
                # each": a total, the items it is shared among, then per item
                total, items, each = a, b, c
                words, why = f"each of {b.claim.text}", _TOTAL_ITEMS_EACH
            else:
                continue
            total = _in_unit_of(total, each)
            if (
                items.claim.kind != "count"
                or items.claim.unit is not None
                or not _two_ends(total, each)
                or total.claim.kind not in ("money", "count", "quantity")
            ):
                continue
            n = _stated(items.claim)
            if n.low is None or n.high is None or n.low <= 0:
                continue
            yield total, each, n, words, why


def _in_unit_of(ref: ClaimRef, other: ClaimRef) -> ClaimRef:
    """A quantity restated in another's unit of its dimension ("1.3GW" as 1,300
    megawatts beside "7MW" each), so that the two divide; as it is otherwise (or
    for a temperature, whose units do not scale)."""
    a, b = ref.claim, other.claim
    if (
        a.kind != "quantity"
        or b.kind != "quantity"
        or a.unit is None
        or b.unit is None
        or a.unit == b.unit
        or a.unit in TEMPERATURES
        or dimension(a.unit) != dimension(b.unit)
    ):
        return ref
    from factcheck.normalize.units import convert_quantity  # noqa: PLC0415

    factor = convert_quantity(1.0, a.unit, b.unit)
    claim = attrs.evolve(
        a,
        value=a.value * factor,
        low=None if a.low is None else a.low * factor,
        high=None if a.high is None else a.high * factor,
        precision=a.precision * factor,
        unit=b.unit,
    )
    return attrs.evolve(ref, claim=claim)


_TOTAL_THEN_EACH = "one sentence states a total and what it comes to per item"
_TOTAL_ITEMS_EACH = (
    "one sentence states a total, the items it is shared among and the amount each"
)
_EACH_THEN_TOTAL = "one sentence states an amount per item, the items and the total"
_ITEMS_EACH_TOTAL = (
    "one sentence states a number of items, the amount of each and their total"
)


#: a number of items before an amount of each as an adjective: "The four ",
#: "its 12 "
_ITEMS_BEFORE = regex.compile(
    r"(?<![\w,.-])(?P<n>\d{1,2}|(?i:"
    + "|".join(w for w, v in UNITS_WORDS.items() if 2 <= v <= 12)
    + r"))[ \t\u00a0]+$"
)
#: right after a figure hyphened to its unit, the plural noun it sizes: " units",
#: " reactors"
_SIZED_ITEMS = regex.compile(r"[ \t\u00a0]+(?:[a-z-]+[ \t\u00a0]+)?[a-z]{3,}s\b")
#: between the sized items and their total: " give the plant a total capacity of
#: ", ", a combined ", ", totaling some "
_ITEMS_THEN_TOTAL = regex.compile(
    r"^[^.;:()\d]{0,60}\b(?i:a[ \t\u00a0]+)?(?i:total(?:l?ing|l?ed|s)?|combined)"
    r"(?:[ \t\u00a0]+[a-z]+)?"
    r"[ \t\u00a0]+(?:(?i:of)[ \t\u00a0]+)?(?:(?i:about|around|roughly|some|nearly"
    r"|almost|more[ \t]+than|over)[ \t\u00a0]+)?$"
)
_SIZED_ITEMS_TOTAL = (
    "one sentence states a number of items, each one's size and their total"
)


def _sized_items(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(total, the size of each, the number of items, the words, how they were
    read) for "The four 1,400-megawatt units give the plant a total capacity of
    5,600 MW" and "four 510 MW units, totaling some 2,400 MW": a number of items,
    each one's size before their noun, then their total in the same unit."""
    for claims in _sentences(ctx):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for each, total in itertools.pairwise(own):
            c = each.claim
            text = each.document.prose
            if (
                c.kind != "quantity"
                or total.claim.kind != "quantity"
                or c.unit != total.claim.unit
                or not _SIZED_ITEMS.match(text, c.span.end)
                or not _ITEMS_THEN_TOTAL.match(_between(each, total))
            ):
                continue
            m = _ITEMS_BEFORE.search(text, max(0, c.span.start - 12), c.span.start)
            if m is None:
                continue
            word = m.group("n").lower()
            n = float(word) if word.isdigit() else float(UNITS_WORDS[word])
            if n < 2:
                continue
            yield (
                total,
                each,
                Interval(n, n, None),
                f"{m.group('n')} {c.text}",
                _SIZED_ITEMS_TOTAL,
            )


#: a contract's or a plan's term in whole years, as an adjective: "12-year"
_TERM_YEARS = regex.compile(r"(?P<n>\d{1,2})[-\u2011 ](?i:year)")
#: between a term and its total: ", ", " "
_TERM_THEN_TOTAL = regex.compile(r"^[ \t\u00a0]*,?[ \t\u00a0]*$")
#: right after an amount per year: " a year", " per year", " annually", " a season"
_A_YEAR_AFTER = regex.compile(
    r"[ \t\u00a0]+(?:(?i:a|per|each)[ \t\u00a0]+(?i:year|season)|(?i:annually))\b"
)
#: right before an average per year: "an average annual value of roughly ",
#: "an average of "
_ANNUAL_AVERAGE_BEFORE = regex.compile(
    r"(?i:\baverage[ \t\u00a0]+(?:annual[ \t\u00a0]+)?(?:value|salary|pay)?[ \t\u00a0]*"
    r"of)[ \t\u00a0]+(?:(?i:about|around|roughly|nearly|almost|some|just[ \t]+over"
    r"|just[ \t]+under)[ \t\u00a0]+)?$"
)
_TERM_PER_YEAR = "one sentence states a term in years, its total and the amount a year"
#: words that make an amount a year a part of the total: "including", "plus"
_PART_OF_TERM = regex.compile(
    r"(?i:\b(?:includ\w*|plus|of[ \t\u00a0]+which|from|deferr\w*|bonus\w*))\b"
)


def _per_year_of_a_term(
    ctx: AuditContext,
) -> Iterator[tuple[ClaimRef, ClaimRef, Interval, str, str]]:
    """(total, the amount a year, the years, the words, how they were read) for "a
    12-year, $325-million contract, ... an average annual value of roughly $29
    million" and "a 10-year, $700 million deal, or $70 million a year": the total is
    the amount a year times the term's whole years."""
    for claims in _sentences(ctx):
        own = [r for r in claims if r.claim.equivalent_of is None]
        for term, total in itertools.pairwise(own):
            m = _TERM_YEARS.fullmatch(term.claim.text)
            if (
                m is None
                or term.claim.kind != "quantity"
                or total.claim.kind != "money"
                or not _TERM_THEN_TOTAL.match(_between(term, total))
            ):
                continue
            text = total.document.prose
            later = [
                r
                for r in own
                if r.claim.span.start > total.claim.span.end
                and _two_ends(total, r)
                # "a 10-year, $700 million deal, including $20 million a year in
                # deferrals": a part a year, not the average
                and not _PART_OF_TERM.search(_between(total, r))
                and (
                    _A_YEAR_AFTER.match(text, r.claim.span.end)
                    or _ANNUAL_AVERAGE_BEFORE.search(_before(r, 60))
                )
            ]
            if len(later) != 1:
                continue
            years = float(m.group("n"))
            yield (
                total,
                later[0],
                Interval(years, years, None),
                f"{term.claim.text}, {total.claim.text}",
                _TERM_PER_YEAR,
            )


def _ratio_words(ratio: Interval) -> str:
    """ "2.28–2.3 times", or "at most 13.75 times" for a ratio open below."""
    assert ratio.low is not None
    assert ratio.high is not None
    if ratio.low == 0.0:
        return f"at most {ratio.high:.4g} times"
    return f"{ratio.low:.3g}–{ratio.high:.3g} times"


def _capped(base: Claim, top: Claim) -> bool:
    """Whether the amount per item is a cap ("up to US$1.10 a share") and the total
    a cap or a round figure of it ("as much as about US$985 million")."""
    return base.qualifier in ("le", "lt") and top.qualifier in ("le", "lt", "approx")


def _in_unit_of_top(
    ctx: AuditContext, top: ClaimRef, base: ClaimRef
) -> tuple[Interval, str] | None:
    """The interval ``base`` allows, in the unit of the figure said to be a multiple
    of it, and the conversion that put it there ("" if none was needed): an amount
    in another currency at the document's date ("€984 million, more than twice the
    £497 million"). None if no dated rate puts it there (an undated document's
    recent rates are no ground for a ratio)."""
    base_iv = allowed_interval(base.claim)
    if top.claim.unit == base.claim.unit or top.claim.kind != base.claim.kind:
        return base_iv, ""
    conv = ctx.convert(
        base_iv,
        top.claim.unit or "",
        kind=base.claim.kind,
        value=base.claim.value,
        day=top.document.published,
    )
    if conv is None or not conv.dated:
        return None
    return conv.result, conv.describe()


def _word_multiple_findings(ctx: AuditContext) -> Iterator[Finding]:
    """FC305 on a multiple stated in words ("more than triple the previous record
    of €105 million")."""
    for top, base, stated, phrase, why in itertools.chain(
        _word_multiples(ctx),
        _digit_multiples(ctx),
        _multiples_as_much(ctx),
        _verb_multiples(ctx),
        _per_item_multiples(ctx),
        _per_year_of_a_term(ctx),
        _sized_items(ctx),
    ):
        top_iv = allowed_interval(top.claim)
        in_top_unit = _in_unit_of_top(ctx, top, base)
        if in_top_unit is None:
            continue
        base_iv, rate = in_top_unit
        if base_iv.low is None and _capped(base.claim, top.claim):
            # "up to US$1.10 a share ..., a payout of as much as US$985 million":
            # two caps of one amount compare as the figures they cap
            top_iv = allowed_interval(attrs.evolve(top.claim, qualifier=None))
            base_iv = allowed_interval(attrs.evolve(base.claim, qualifier=None))
        if (
            top_iv.low is None
            or top_iv.high is None
            or base_iv.low is None
            or base_iv.low <= 0
        ):
            continue
        # "more than Rs 1.8 crore for each of 14 matches": an amount per item open
        # above bounds the multiple from above only
        ratio = Interval(
            0.0 if base_iv.high is None else top_iv.low / base_iv.high,
            top_iv.high / base_iv.low,
            None,
        )
        ctx.mark_checked(top, base)
        if ratio.overlaps(stated):
            continue
        yield ctx.finding(
            "FC305",
            top,
            f"{top.claim.text!r} ({format_interval(top_iv)}) is "
            f"{_ratio_words(ratio)} {base.claim.text!r} "
            f"({rate or format_interval(base_iv)}); the text says {phrase!r} "
            f"({format_interval(stated)})",
            related=[base],
            details={
                "stated_low": stated.low,
                "stated_high": stated.high,
                "ratio_low": ratio.low,
                "ratio_high": ratio.high,
            },
            evidence=(why,),
        )
