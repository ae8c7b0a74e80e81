"""Whether two framed claims state the same fact, with a confidence made of named
features (weights in :mod:`factcheck.align.thresholds`) and the evidence in frame
terms ("same holder: Acme Mining; same attribute: stake; same time: 2023-05-02").

A *veto* ends the question: different holders, attributes, roles, stages, bases, time
points or windows are different facts, however alike the numbers."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Literal

import attrs
import regex

from factcheck.align import thresholds as T
from factcheck.align.context import ClaimRef, Context, measure_key, stem
from factcheck.align.times import BY_MONTHS, FROM_BEFORE, FULL_YEAR, PART_OF_YEAR, PEAK
from factcheck.extractor.lexicon import SCALES
from factcheck.model import Claim, Frame, Interval
from factcheck.normalize.slips import (
    Slip,
    quantity_slip,
    relabelled,
    significant_digits,
)

#: confident: an error may be reported; probable: one side of the frame is inferred
#: (no holder named, or holders that only overlap), so a warning at most; possible:
#: weak evidence, an info "possible conflict" at most
Level = Literal["confident", "probable", "possible"]


@attrs.frozen(kw_only=True)
class Decision:
    """Two claims judged to state the same fact, how sure, and why."""

    a: ClaimRef
    b: ClaimRef
    confidence: float
    level: Level
    evidence: tuple[str, ...]

    @property
    def confident(self) -> bool:
        """Whether it may give an error (and joins a fact group)."""
        return self.level == "confident"


@attrs.frozen(kw_only=True)
class Veto:
    """Why two claims are different facts. ``series``: they are two moments of one
    running tally (a toll reported on different days), with how sure that is."""

    reason: str
    series: Decision | None = None


def measure_of(claim: Claim) -> str:
    """What a claim measures, for blocking: money, percent or points, a dimension
    (miles and kilometres meet), or a count."""
    if claim.kind == "quantity" and claim.frame is not None:
        attr = claim.frame.attribute or ""
        if attr.startswith("dim:"):
            return f"quantity:{attr[4:]}"
    if claim.kind == "quantity" and claim.unit:
        from factcheck.align.frames import dimension  # noqa: PLC0415

        return f"quantity:{dimension(claim.unit)}"
    return measure_key(claim)


def is_specific(claim: Claim) -> bool:
    """A figure precise enough that two outlets printing it state the same fact:
    two or more significant digits ("380 billion yuan", not "$1 billion")."""
    if claim.kind == "count" or claim.qualifier == "range" or claim.value == 0:
        return False
    return significant_digits(claim.value) >= 2


def _rose_below(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether the later of two reports of a story's toll says the toll rose to a
    count below the earlier's ("the toll rose to 25" a day after "at least 37
    bodies"): a rise cannot end below where it started, whichever count is wrong;
    a toll revised down says so ("lowered to", "revised to")."""
    from factcheck.align.frames import said_to_rise_to  # noqa: PLC0415

    da, db = a.document.published, b.document.published
    if da is None or db is None or da == db:
        return False
    earlier, later = (a, b) if da < db else (b, a)
    low = earlier.claim.low
    return (
        low is not None
        and later.claim.high is not None
        and later.claim.unit == earlier.claim.unit
        and later.claim.high < low
        and said_to_rise_to(later.claim, later.document.prose)
    )


def _story_toll(
    a: ClaimRef, b: ClaimRef, fa: Frame, fb: Frame, shared: frozenset[str]
) -> bool:
    """Two counts of one story's running toll (``fa``, ``fb``: their
    :func:`story_frame`): a running attribute, no holder named on either side but
    the story's event, so the story's names relate them; one of the names both
    leads give is more than a kind or a place noun ("Kellor Fire in Ormavmol
    Province" and "Mavdalvem Fire in Calpol Province" share no story, whatever
    companies their later paragraphs name); each at a moment (a day, or the
    report's day), not a season ("in 2023 more than 18 million hectares
    burned")."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    lex = lexicon()
    if not (
        fa.attribute in lex.running
        and not fa.holder_key
        and not fb.holder_key
        and all(f.time is None or _DAY.match(f.time) for f in (fa, fb))
    ):
        return False
    leads = _lead(a) & _lead(b)
    return (
        any(
            w in leads
            and w not in lex.events
            and w not in lex.kind_heads
            and w not in lex.place_nouns
            for w in shared
        )
        and _of_the_lead_event(a)
        and _of_the_lead_event(b)
    )


@functools.lru_cache(maxsize=1 << 14)
def shared_names(topic_a: frozenset[str], topic_b: frozenset[str]) -> frozenset[str]:
    """The main names two stories share that tell stories apart: not a kind, an
    event or a place noun, which headlines capitalize ("Kellor Earthquake in
    Ormavmol Province" and "Mavdalvem Earthquake in Calpol Province" share
    "Earthquake" and "Province", and no story), nor a product's variant (the
    "Torzanbri Max" and the "Ostbrisim Max" share a trim, no product). Cached: a
    decision asks for one pair of documents' names several times, and a pair of
    documents has many candidate pairs."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    lex = lexicon()
    return frozenset(
        w
        for w in topic_a & topic_b
        if w not in lex.events
        and w not in lex.kind_heads
        and w not in lex.place_nouns
        and w not in lex.variants
    )


#: the running tally named as such in a figure's clause: "the death toll stands at",
#: "the number of people killed rose to"
_TALLY_NAMED = regex.compile(
    r"(?i:\b(?:death[ \t\u00a0-])?toll\b|\bnumber[ \t\u00a0]+of[ \t\u00a0]+(?:people"
    r"[ \t\u00a0]+)?(?:dead|deaths|killed|victims)\b)"
)


def _tally_named(ref: ClaimRef) -> bool:
    """Whether a claim's clause names the running tally itself before the figure
    ("The official death toll stands at 136", "the toll has risen to 176"): the
    story's whole count, not one of its parts ("two more bodies were found", "60
    died in one town")."""
    claim = ref.claim
    start = claim.sentence.start if claim.sentence is not None else claim.span.start
    before = ref.document.prose[start : claim.span.start]
    clause = before[before.rfind(",") + 1 :]
    return _TALLY_NAMED.search(clause) is not None


def _of_the_lead_event(ref: ClaimRef) -> bool:
    """Whether the event words before a claim in its sentence are all its story's
    lead event ("the avalanche there killed at least 18" in a story of an
    earthquake counts another event's toll)."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    events = lexicon().events
    sentence = ref.claim.sentence
    start = sentence.start if sentence is not None else ref.claim.span.start
    before = ref.document.prose[start : ref.claim.span.start]
    published = ref.document.published
    if published is not None and any(
        int(y) < published.year for y in _YEAR_BEFORE.findall(before)
    ):
        # "11 years after the 2010 quake that killed more than 200,000": a past
        # year names a past event, whose toll is not the story's
        return False
    said = _stemmed_words(before) & events
    lead = _lead(ref)
    # "the fires" after a lead of "the Australian bushfires": the compound's head
    return all(w in lead or any(k.endswith(w) for k in lead & events) for w in said)


def story_frame(ref: ClaimRef) -> Frame:
    """A claim's frame, without the holder of a running toll that only names the
    event its story leads with ("the earthquake killed seven", "a magnitude-7.4
    quake, killing at least nine" in a story of the earthquake): the story's own
    event, so the story's names stand in for it as for a toll that names no holder.
    An event the lead does not name is a part of the story ("the avalanche there
    killed at least 18" in a story of the earthquake)."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    frame = ref.claim.frame or Frame()
    lex = lexicon()
    if frame.holder_key and frame.attribute in lex.running:
        lead = _lead(ref)
        named = [k for k in frame.holder_key if k in lex.events]
        if (
            named
            and any(k in lead for k in named)
            # "last week's floods": a unit of time says which event, not whose;
            # "Tuesday's bridge collapse" in a story that leads with the bridge's
            # collapse: the lead's own words describe its event
            and all(
                k in lex.events or k in lex.generic or k in lead
                for k in frame.holder_key
            )
        ):
            return attrs.evolve(frame, holder=None, holder_key=(), holder_source=None)
    return frame


@functools.cache
def anaphor_keys() -> frozenset[str]:
    """The lexicon's anaphors ("the town", "the company") as holder keys, as
    written and stemmed."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return frozenset(f(w) for w in lexicon().anaphors for f in (str, stem))


def _lead(ref: ClaimRef) -> frozenset[str]:
    """The stemmed words of a claim's story's title and first sentence."""
    return _lead_words(ref.document.title or "", ref.document.prose[:1500])


@functools.lru_cache(maxsize=1 << 12)
def _lead_words(title: str, opening: str) -> frozenset[str]:
    """The stemmed words of a story's title and first sentence."""
    body = opening.strip()
    end = _SENTENCE_END.search(body)
    return _stemmed_words(f"{title} {body[: end.end()] if end else body}")


def _stemmed_words(text: str) -> frozenset[str]:
    """Stemmed words, a place's adjective folded into the place (as a document's
    main names are: "the Australian bushfires" and "the bushfires burning across
    Australia" lead one story)."""
    from factcheck.align.context import place_of, stem  # noqa: PLC0415

    return frozenset(place_of(stem(w)) for w in _WORD.findall(text))


#: the end of a first sentence: a full stop before white space
_SENTENCE_END = regex.compile(r"[.!?](?=\s)")
_WORD = regex.compile(r"[^\W\d_]+")  # letters of any script ("Petrópolis")


def _one_moment(da: dt.date | None, db: dt.date | None) -> bool:
    """Whether two reports may retell one announcement: published within
    ``ONE_MOMENT_DAYS`` of each other (or undated)."""
    return da is None or db is None or abs((da - db).days) <= T.ONE_MOMENT_DAYS


def _distinct(claim: Claim) -> bool:
    """A specific stated amount that two unrelated stories rarely print alike: not
    a percentage, or one to ``DISTINCT_PERCENT_DIGITS`` ("47.83%", not "39%")."""
    return claim.kind != "percent" or (
        significant_digits(claim.value) >= T.DISTINCT_PERCENT_DIGITS
    )


def _retold(anchor: tuple[str, str | None, float]) -> bool:
    """A stated amount specific enough to be retold rather than printed again by
    chance in a later news cycle ("1,068 trillion dong"; not "39%" or "$4 billion")."""
    kind, _unit, value = anchor
    return kind != "percent" and significant_digits(value) >= T.RETOLD_DIGITS


def anchor_key(
    ref: ClaimRef, anchors: Mapping[tuple[int, str], ClaimRef]
) -> tuple[str, str | None, float] | None:
    """The specific amount a claim states or restates ("380 billion yuan")."""
    base = anchors.get(ref.key, ref)
    c = base.claim
    if not is_specific(c):
        return None
    return (c.kind, c.unit, c.value)


#: the claim-id prefixes under which :func:`anchors_of` keeps a change's level and
#: the change a percentage restates
_LEVEL = "level:"
_RESTATES = "restates:"
_STATED_AS = "stated-as:"


def level_key(ref: ClaimRef) -> tuple[int, str]:
    """Where :func:`anchors_of` keeps the level a change is the change of."""
    return ref.doc_index, _LEVEL + ref.claim.id


def stated_as_key(ref: ClaimRef) -> tuple[int, str]:
    """Where :func:`anchors_of` keeps a figure's first stated equivalent."""
    return ref.doc_index, _STATED_AS + ref.claim.id


def restates_key(ref: ClaimRef) -> tuple[int, str]:
    """Where :func:`anchors_of` keeps the change a percentage restates."""
    return ref.doc_index, _RESTATES + ref.claim.id


def anchors_of(refs: Iterable[ClaimRef]) -> dict[tuple[int, str], ClaimRef]:
    """Each stated equivalent → the claim it restates; and, under
    :func:`level_key`, each change → the level its frame says it is the change of
    ("602.3 billion yuan, up 24%"); under :func:`restates_key`, each percentage →
    the change it restates ("96.66 points, or 3.86 percent")."""
    refs = list(refs)
    by_key = {r.key: r for r in refs}
    out: dict[tuple[int, str], ClaimRef] = {}
    for r in refs:
        if r.claim.equivalent_of is not None:
            anchor = by_key.get((r.doc_index, r.claim.equivalent_of))
            if anchor is not None:
                out[r.key] = anchor
                out.setdefault(stated_as_key(anchor), r)
        frame = r.claim.frame
        if frame is not None and frame.level is not None:
            level = by_key.get((r.doc_index, frame.level))
            if level is not None:
                out[level_key(r)] = level
        if frame is not None and frame.restates is not None:
            change = by_key.get((r.doc_index, frame.restates))
            if change is not None:
                out[restates_key(r)] = change
    return out


def lone_figures(
    refs: Iterable[ClaimRef], anchors: Mapping[tuple[int, str], ClaimRef]
) -> dict[tuple[int, str], bool]:
    """The claims that are their document's only figure of their attribute and
    role: every figure the document gives that attribute restates one amount (its
    stated equivalents, or values of one unit whose intervals overlap: "88,966"
    and "nearly 89,000" in the headline). A report gives a story's one attendance,
    one margin, once; two matches' crowds or two companies' stores are two figures.
    Only a named attribute class makes a figure lone: a counted noun ("people") or
    a dimension alone is any of a story's many counts or lengths.

    Mapped to False: a figure with no holder whose document gives another figure
    of its attribute, role, stated period, basis and stage with no holder and
    another amount ("29 people had died ... the toll for the two regions to 72
    dead"): which of them is the story's own is open. So is a running tally with
    no holder below a place's tally of the same report ("the national death toll
    rose to 18 ... In Myanmar, 2,056 people had died"): a story's whole toll is
    no less than any place's part, so the unheld figure is some part too. Claims
    that are neither are not in the mapping."""
    kinds: dict[tuple[int, str], tuple[int, str, str, str]] = {}
    by_kind: dict[tuple[int, str, str, str], list[Claim]] = defaultdict(list)
    # figures with no holder by kind, stated period, basis and stage: the year's
    # profit and the quarter's are told apart by their periods, a toll and its
    # daily rise by their bases (a day is a moment of the story, often the day a
    # toll was announced, and tells no two tolls apart)
    unheld: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    unheld_kind: dict[tuple[int, str], tuple[object, ...]] = {}
    # the largest running tally a report gives a holder, by kind
    held_most: dict[tuple[int, str, str, str], float] = {}
    unheld_high: dict[tuple[int, str], float | None] = {}
    running = _running()
    for r in refs:
        frame = r.claim.frame
        if frame is None or not frame.attribute or ":" in frame.attribute:
            continue
        kind = (r.doc_index, measure_of(r.claim), frame.attribute, frame.role)
        kinds[r.key] = kind
        by_kind[kind].append(anchors.get(r.key, r).claim)
        if frame.attribute in running:
            # a toll held only by its story's event is the story's; one of a past
            # event ("the 2011 catastrophe in the region, which killed more than
            # 900") is no part of it
            if not story_frame(r).holder_key:
                unheld_high[r.key] = r.claim.high
            elif _of_the_lead_event(r):
                held_most[kind] = max(held_most.get(kind, r.claim.value), r.claim.value)
        if not frame.holder_key:
            period = None if frame.time and _DAY.match(frame.time) else frame.time
            unheld_kind[r.key] = (*kind, period, frame.window, frame.basis, frame.stage)
            unheld[unheld_kind[r.key]].append(anchors.get(r.key, r).claim)

    def one(claims: list[Claim]) -> bool:
        return all(
            _one_amount(x, y) for i, x in enumerate(claims) for y in claims[i + 1 :]
        )

    lone = {kind for kind, claims in by_kind.items() if one(claims)}
    open_ = {kind for kind, claims in unheld.items() if not one(claims)}
    below_a_part = {
        key
        for key, high in unheld_high.items()
        if high is not None and high < held_most.get(kinds[key], -math.inf)
    }
    out: dict[tuple[int, str], bool] = {}
    for key, own in kinds.items():
        if own in lone:
            out[key] = True
        elif unheld_kind.get(key) in open_ or key in below_a_part:
            out[key] = False
    return out


#: one figure beside another of its sentence: (value, unit, attribute, holder key)
Mate = tuple[float, str | None, str | None, tuple[str, ...]]


def sentence_mates(refs: Iterable[ClaimRef]) -> dict[tuple[int, str], tuple[Mate, ...]]:
    """For each claim with a frame, the other figures of its sentence in its
    measure, with what each measures and whose it is: what
    :func:`_swapped` compares across two reports."""
    by_sentence: dict[tuple[int, int], list[ClaimRef]] = defaultdict(list)
    for r in refs:
        c = r.claim
        if c.frame is None or c.sentence is None or c.equivalent_of is not None:
            continue
        by_sentence[(r.doc_index, c.sentence.start)].append(r)
    out: dict[tuple[int, str], tuple[Mate, ...]] = {}
    for sentence in by_sentence.values():
        # "at 3.5 billion euros, followed by France at 3.2 billion": a bare scaled
        # number in a sentence of one currency is in that currency
        currencies = {r.claim.unit for r in sentence if r.claim.kind == "money"}
        only = next(iter(currencies)) if len(currencies) == 1 else None
        by_measure: dict[str, list[tuple[ClaimRef, str | None]]] = defaultdict(list)
        for r in sentence:
            c = r.claim
            if only is not None and _bare_scaled(c):
                by_measure["money"].append((r, only))
            else:
                by_measure[measure_of(c)].append((r, c.unit))
        for members in by_measure.values():
            if len(members) < 2:
                continue
            for r, _ in members:
                out[r.key] = tuple(
                    (
                        m.claim.value,
                        unit,
                        m.claim.frame.attribute if m.claim.frame else None,
                        m.claim.frame.holder_key if m.claim.frame else (),
                    )
                    for m, unit in members
                    if m is not r
                )
    return out


def _bare_scaled(claim: Claim) -> bool:
    """A count with no unit or noun written with a scale word ("3.2 billion"), as
    :func:`factcheck.rules.parts._listed_measure` reads one in a list of amounts."""
    return (
        claim.kind == "count"
        and claim.unit is None
        and claim.noun is None
        and claim.text.split()[-1].lower() in SCALES
    )


def _swapped(
    a: ClaimRef,
    b: ClaimRef,
    fa: Frame,
    fb: Frame,
    mates: Mapping[tuple[int, str], tuple[Mate, ...]],
) -> Mate | None:
    """The other item of a pair swapped between two reports: ``a``'s sentence gives
    ``b``'s value to another holder or noun, and ``b``'s sentence gives ``a``'s
    value to that same one ("24 women and 40 men" against "40 women and 24
    men")."""
    ca, cb = a.claim, b.claim
    if ca.unit != cb.unit or ca.value == cb.value:
        return None
    own_a, own_b = (fa.attribute, fa.holder_key), (fb.attribute, fb.holder_key)
    if not _one_item(own_a, own_b):
        return None
    theirs = [
        (attribute, key)
        for value, unit, attribute, key in mates.get(b.key, ())
        if unit == ca.unit and value == ca.value
    ]
    for value, unit, attribute, key in mates.get(a.key, ()):
        if (
            unit == cb.unit
            and value == cb.value
            and not _one_item((attribute, key), own_a)
            and not _one_item((attribute, key), own_b)
            and any(_one_item((attribute, key), other) for other in theirs)
        ):
            return (value, unit, attribute, key)
    return None


def _one_item(
    x: tuple[str | None, tuple[str, ...]], y: tuple[str | None, tuple[str, ...]]
) -> bool:
    """Whether two (attribute, holder key) name one list item: a known attribute
    in common and holders that agree where both are read, or one holder in
    common."""
    (attr_x, key_x), (attr_y, key_y) = x, y
    if key_x and key_y and key_x != key_y:
        return False
    if attr_x is not None and attr_y is not None:
        return attr_x == attr_y
    return bool(key_x) and key_x == key_y


def _one_amount(x: Claim, y: Claim) -> bool:
    """Two figures of a document that restate one amount: the same claim, the same
    value, or bounded intervals of one unit that overlap ("88,966" and "nearly
    89,000"). Two open bounds ("more than 2,200" and "over 3,000") always overlap
    and say nothing."""
    if x is y or (x.unit == y.unit and x.value == y.value):
        return True
    bounded = None not in (x.low, x.high, y.low, y.high)
    return x.unit == y.unit and bounded and x.interval.overlaps(y.interval)


def share_anchor(
    ref: ClaimRef, anchors: Mapping[tuple[int, str], ClaimRef]
) -> Claim | None:
    """The specific amount a percentage follows as its share ("280.04 million, or
    19.8 per cent"): stated without a qualifier, and specific (a count to
    ``SPECIFIC_COUNT_DIGITS`` significant digits)."""
    frame = ref.claim.frame
    if ref.claim.kind != "percent" or frame is None or frame.role == "change":
        return None
    level = anchors.get(level_key(ref))
    if level is None:
        return None
    c = level.claim
    if c.qualifier is not None or not (
        is_specific(c) or significant_digits(c.value) >= T.SPECIFIC_COUNT_DIGITS
    ):
        return None
    return c


def _share_of_one_amount(
    a: ClaimRef, b: ClaimRef, anchors: Mapping[tuple[int, str], ClaimRef]
) -> bool:
    """Two percentages that follow the same specific amount as its share."""
    ca, cb = share_anchor(a, anchors), share_anchor(b, anchors)
    return (
        ca is not None
        and cb is not None
        and (ca.kind, ca.unit, ca.value) == (cb.kind, cb.unit, cb.value)
    )


def _one_specific_amount(
    la: ClaimRef | None, lb: ClaimRef | None, specific: Callable[[Claim], bool]
) -> tuple[ClaimRef, ClaimRef] | None:
    """Two figures, if both state one specific amount within their precision."""
    if la is None or lb is None:
        return None
    ca, cb = la.claim, lb.claim
    if (
        ca.kind != cb.kind
        or ca.unit != cb.unit
        or not (specific(ca) and specific(cb))
        or ca.qualifier is not None
        or cb.qualifier is not None
    ):
        return None
    agree = Interval(ca.low, ca.high, ca.unit).overlaps(
        Interval(cb.low, cb.high, cb.unit)
    )
    return (la, lb) if agree else None


def _same_level(
    a: ClaimRef, b: ClaimRef, anchors: Mapping[tuple[int, str], ClaimRef]
) -> tuple[ClaimRef, ClaimRef] | None:
    """The levels two changes are the changes of, if both state one specific amount
    within their precision ("602.3 billion yuan, up 24%" and "602.32 billion
    yuan, up 42.04 percent"): two reports of one result's growth."""
    return _one_specific_amount(
        anchors.get(level_key(a)), anchors.get(level_key(b)), is_specific
    )


def _specific_change(claim: Claim) -> bool:
    """A change precise enough that two outlets printing it tell one move: two
    significant digits of an amount, or a count of points to
    ``SPECIFIC_COUNT_DIGITS`` ("96.66 points"; "fell 40 points" may be two moves)."""
    return (
        is_specific(claim) or significant_digits(claim.value) >= T.SPECIFIC_COUNT_DIGITS
    )


def _same_change(
    a: ClaimRef, b: ClaimRef, anchors: Mapping[tuple[int, str], ClaimRef]
) -> tuple[ClaimRef, ClaimRef] | None:
    """The changes two percentages restate, if both state one specific amount
    ("dropped 96.66 points, or 4.86 percent" and "slid 96.66 points, or 3.86
    percent"): two reports of one move, told in percent."""
    return _one_specific_amount(
        anchors.get(restates_key(a)), anchors.get(restates_key(b)), _specific_change
    )


#: the holder source of a subject carried from the sentence before
#: (:meth:`factcheck.align.frames.FrameReader._carry_the_subject`)
CARRIED = "carried"
#: how a decision's evidence opens on a wrong recipe that turns one figure into
#: the other (:mod:`factcheck.normalize.slips`), which the finding shows
CONVERTED_WRONG = "one figure converted wrong: "
#: the holder source of a sentence opening on a pronoun's measure ("Its revenue
#: rose") whose antecedent was read as no name: someone's, not the story's
PRONOUN = "pronoun"
#: the whole of a share of a group's votes ("83% of their votes"): not the vote
GROUP_VOTE = "their vote"


def _without_carried(frame: Frame) -> Frame:
    if frame.holder_source != CARRIED:
        return frame
    return attrs.evolve(frame, holder=None, holder_key=(), holder_source=None)


#: an organisation's initials as news prints them: "UN", "WHO", "IMF"
_INITIALS = regex.compile(r"[A-Z]{2,5}")
#: what a holder's initials may carry: "the UN", "WHO's"
_THE_OR_POSSESSIVE = regex.compile(r"^(?i:the)\s+|['’]s?$")
#: the small words a name's initials skip: "World Health Organization" is WHO,
#: "Bank of England" BoE
_INITIALS_SKIP = frozenset(["of", "the", "and", "for", "&"])


def name_initials(name: str | None) -> str | None:
    """The initials of a name of two or more capitalized words ("UN" of "United
    Nations", "WHO" of "World Health Organization"); None for anything else."""
    words = [w for w in (name or "").split() if w.lower() not in _INITIALS_SKIP]
    if len(words) < 2 or len(words) > 5 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


@functools.lru_cache(maxsize=4096)
def _initials(short: str | None, full: str | None) -> bool:
    """Whether ``short`` is the initials of the name ``full``."""
    if not short or not full or not _INITIALS.search(short):
        return False
    short = _THE_OR_POSSESSIVE.sub("", short)
    return _INITIALS.fullmatch(short) is not None and name_initials(full) == short


def _holder_relation(
    fa: Frame, fb: Frame, topic_a: frozenset[str], topic_b: frozenset[str]
) -> tuple[str, str]:
    """("same" | "partial" | "topic" | "different" | "unknown", evidence words).

    A clause's agent ("Regulators linked 22 incidents to the recall") is no holder:
    that side counts as naming none."""
    ka = set() if fa.holder_source == "agent" else set(fa.holder_key)
    kb = set() if fb.holder_source == "agent" else set(fb.holder_key)
    # where the holders cannot be compared, the stories' names still can: reports
    # about different names are about different things
    unknown = (
        ("different", "reports about different names")
        if topic_a and topic_b and not shared_names(topic_a, topic_b)
        else ("unknown", "")
    )
    if PRONOUN in (fa.holder_source, fb.holder_source):
        # "Its revenue rose 13%" after "The airline alone made": whose it is was
        # said, but not read, so neither the story nor a name tells
        return unknown
    if ka and kb:
        if ka == kb:
            return "same", f"same holder: {fa.holder}"
        if ka <= kb or kb <= ka:
            larger = fa if len(ka) > len(kb) else fb
            if (
                (ka ^ kb)
                and (ka ^ kb) <= _variants()
                # "customers of Skylark Air": what people are customers of is a
                # company, whose name may end in "Air"; no product's variant
                and _OF_NAME_CUE not in (*fa.cues, *fb.cues)
            ):
                # "the iPhone 15" and "the iPhone 15 Plus": a product and its variant
                return (
                    "different",
                    f"a product and its variant: {fa.holder} / {fb.holder}",
                )
            if _NARROWED.search(larger.holder or "") and not (
                # "ODM's Raila Odinga" and "Odinga's": a party's person in full,
                # no part of the party
                _OWNER_THEN_FULL_NAME.fullmatch(larger.holder or "")
                and _one_person(fa, fb)
            ):
                # "Marfal's robotics unit" and Marfal, "Ohio's transport budget"
                # and Ohio's: a part and its whole, never one fact
                return "different", f"a part and its whole: {fa.holder} / {fb.holder}"
            if (ka ^ kb) <= countries():
                # "Hyundai Motor" and "Hyundai Motor India": a company and its unit
                # in one country, never one fact
                return (
                    "different",
                    f"a holder and its unit in a country: {fa.holder} / {fb.holder}",
                )
            if _one_person(fa, fb):
                # "President Petro Poroshenko" and "Poroshenko", "Prime Minister
                # Narendra Modi" and "Mr Modi": a person named in full, then by
                # the surname
                return "same", f"one person: {fa.holder} / {fb.holder}"
            if _JOINT.search(larger.holder or ""):
                # "Hyundai and Kia are recalling 3.4 million" and Hyundai's 1.64
                # million: a joint figure and one member's
                return (
                    "different",
                    f"joint and single holders: {fa.holder} / {fb.holder}",
                )
            return "partial", f"holders overlap: {fa.holder} / {fb.holder}"
        units = lexicon_subunits()
        if bool(ka & units) != bool(kb & units):
            # "its chip unit" against Kurosawa Electric: a unit of a company is a
            # part of it, never the whole company's figure
            return "different", f"a unit and a whole: {fa.holder} / {fb.holder}"
        if named_holder(fa) != named_holder(fb):
            return unknown  # a name against a common noun: no telling
        if not _comparable_sources(fa.holder_source, fb.holder_source):
            # "X fined Amazon" against "Amazon's fine": an agent is no holder
            return unknown
        if _initials(fa.holder, fb.holder) or _initials(fb.holder, fa.holder):
            # "The UN, which lost 102 staff" and "The United Nations, which lost
            # 120 of its staff": a name and its initials
            return "same", f"a name and its initials: {fa.holder} / {fb.holder}"
        trailing = _trailing_name(fa.holder)
        if trailing is not None and trailing == _trailing_name(fb.holder):
            # "ATA Alliance candidate Sinan Oğan" and "Nationalist Sinan Oğan": one
            # full name after two descriptions of its bearer
            return "same", f"one person: {fa.holder} / {fb.holder}"
        return "different", f"different holders: {fa.holder} / {fb.holder}"
    if ka or kb:
        named, other_topic, frame = (ka, topic_b, fa) if ka else (kb, topic_a, fb)
        if not other_topic or not named_holder(frame) or frame.holder_source == "place":
            # "three people have died in South Australia" against a story's toll
            # that names no place: one place's part, however the story names it
            return unknown
        if named & other_topic:
            if (named - other_topic) & countries():
                # "Hyundai Motor India sold 7,65,786" against a story of Hyundai's
                # world sales: the subject's unit in a country the other report
                # does not name, no evidence either way
                return unknown
            return "topic", f"holder {frame.holder} is the other report's subject"
        return unknown
    if common := shared_names(topic_a, topic_b):
        shared = ", ".join(sorted(common)[:3])
        return "topic", f"same story: {shared}"
    return unknown


#: a year written before a toll in its sentence
_YEAR_BEFORE = regex.compile(r"\b((?:19|20)\d\d)\b")


def _running() -> frozenset[str]:
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return lexicon().running


def _variants() -> frozenset[str]:
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return lexicon().variants


#: a joint holder: "Hyundai and Kia", "Ford & GM"
_JOINT = regex.compile(r"\s(?:and|&)\s")
#: a holder narrowed to its part: after its owner's possessive ("Marfal's robotics
#: unit", "Ohio's transport budget"), to one partner ("Japan with China": a trade
#: balance), to one place ("the Conservatives in Quebec")
#: an owner, then a given name and a surname: "ODM's Raila Odinga"
_OWNER_THEN_FULL_NAME = regex.compile(r"\S+['’]s\s+\p{Lu}\w+\s+\p{Lu}\w+")
_NARROWED = regex.compile(r"['’]s\s+\w|\s(?:with|in)\s")


def _comparable_sources(a: str | None, b: str | None) -> bool:
    """Whether two holders read different ways can tell facts apart: a clause's
    agent ("regulators fined") never can; a target ("fined Amazon") only against a
    target; a subject, a listed name or an owner against each other."""
    if "target" in (a, b):
        return a == b
    return True


@functools.cache
def _generic_nouns() -> frozenset[str]:
    """The nouns that tell no attribute apart ("people"), stemmed as heads are."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return frozenset(stem(w) for w in lexicon().generic)


def _noun_head(claim: Claim) -> str | None:
    """The head of the noun a count counts ("fires" of "21 related vehicle fires"):
    the last word before a preposition, stemmed."""
    return _head_of(claim.noun or "")


@functools.lru_cache(maxsize=1 << 14)
def _head_of(noun: str) -> str | None:
    """:func:`_noun_head` of a noun phrase; cached, as every pair asks again."""
    from factcheck.align.context import stem  # noqa: PLC0415

    words = noun_words(noun)
    return stem(words[-1]) if words else None


def noun_words(noun: str) -> tuple[str, ...]:
    """A counted noun's words before its first preposition, in lower case ("direct
    jobs" of "direct jobs in the region"): its modifiers, then its head."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    prepositions = lexicon().prepositions
    return tuple(
        itertools.takewhile(lambda w: w not in prepositions, noun.lower().split())
    )


def _starts_a_change(ref: ClaimRef) -> bool:
    """ "up from 82", "from about 4.1%": the figure is where a change started."""
    start = ref.claim.span.start
    return FROM_BEFORE.search(ref.document.prose, max(0, start - 24), start) is not None


def named_holder(frame: Frame) -> bool:
    """Whether the holder is a name ("Kia", "SU7") rather than a common noun."""
    return any(c.isupper() or c.isdigit() for c in (frame.holder or ""))


def _attribute_relation(fa: Frame, fb: Frame) -> tuple[str, float]:
    a, b = fa.attribute, fb.attribute
    if a is None or b is None:
        return "unknown", 0.0
    if a == b:
        if a.startswith("noun:"):
            return "same", T.SAME_NOUN
        if a.startswith("dim:"):
            return "same", T.SAME_DIMENSION
        return "same", T.SAME_ATTRIBUTE
    fallback_a, fallback_b = (
        a.startswith(("noun:", "dim:")),
        b.startswith(("noun:", "dim:")),
    )
    if fallback_a and fallback_b:
        return "unknown", 0.0
    if fallback_a or fallback_b:
        dim, cls = (a, b) if fallback_a else (b, a)
        if dim.startswith("dim:") and _dimension_of(cls) == dim[4:]:
            # "280 metres" and "310 metres tall": the unit says what is measured
            return "same", T.SAME_NOUN
        return "unknown", 0.0
    if _loose() & {a, b}:
        # "agreed to buy ARM for £24.3bn" and "values ARM at £24.3bn": a deal's
        # value told as a valuation is no other fact
        return "unknown", 0.0
    return "different", 0.0


@functools.cache
def _loose() -> frozenset[str]:
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return lexicon().loose


def _dimension_of(attribute: str) -> str | None:
    """The dimension an attribute class measures in ("height": length), if any."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return lexicon().dimension_of.get(attribute)


def _as_inflation(claim: Claim) -> Frame:
    """A claim's frame, a percentage change of a named class's prices read as the
    inflation rate it is: "food prices were up 16.4% on the year" and "food
    inflation reached 14.6 per cent" state one rate, one as prices' change, one as
    inflation's level. (Prices of no named class, "prices rose 129%", may be any
    good's, not the story's inflation; a change after the price it reached, "$95 a
    share, about 25% above the closing price", is that price's premium.)"""
    frame = claim.frame or Frame()
    if (
        claim.kind == "percent"
        and frame.attribute == "price"
        and frame.role == "change"
        and frame.holder_key
        and frame.level is None
    ):
        return attrs.evolve(frame, attribute="inflation", role="level")
    return frame


def _as_inflations(ca: Claim, cb: Claim) -> tuple[Frame, Frame]:
    """Two claims' frames by :func:`_as_inflation`; where one is read as an inflation
    rate, a percentage change of no stated attribute beside it is one too
    ("Electricity prices rose nearly 50 per cent" and "Electricity bills jumped 51
    percent": the bills' change is their price's)."""
    fa, fb = _as_inflation(ca), _as_inflation(cb)

    def unstated(claim: Claim, frame: Frame) -> bool:
        return (
            claim.kind == "percent"
            and frame.attribute is None
            and frame.role == "change"
            and bool(frame.holder_key)
            and frame.level is None
        )

    def read_so(claim: Claim, frame: Frame) -> bool:
        return (
            frame.attribute == "inflation"
            and (claim.frame or Frame()).attribute == "price"
        )

    if read_so(ca, fa) and unstated(cb, fb):
        fb = attrs.evolve(fb, attribute="inflation", role="level")
    elif read_so(cb, fb) and unstated(ca, fa):
        fa = attrs.evolve(fa, attribute="inflation", role="level")
    return fa, fb


def _money_into(fa: Frame, fb: Frame) -> bool:
    """Whether one frame states money put into its holder ("an investment in
    MiniMax": the holder read as the money's target) and the other the funding a
    holder raises ("a financing round of $600 million"): one fact, seen from the
    investor's side and the company's."""
    pair = {fa.attribute, fb.attribute}
    invested = fa if fa.attribute == "investment" else fb
    return pair == {"investment", "funding"} and invested.holder_source == "target"


def is_headline(ref: ClaimRef) -> bool:
    """Whether a claim stands in its document's headline: a line marked
    "Headline:", or a first line that ends without a full stop."""
    claim = ref.claim
    if claim.sentence is None:
        return False
    text = claim.sentence_text.strip()
    if text.lower().startswith("headline:"):
        return True
    before = ref.document.prose[: claim.sentence.start]
    return (
        not before.strip()
        and "\n" in ref.document.prose[claim.sentence.start :]
        and not text.endswith((".", "!", "?", '"', "”"))
    )


def _running_apart(a: ClaimRef, b: ClaimRef) -> bool:
    """Two reports of a running tally (a toll, a burned area) on different days, with
    no time stated: figures of different moments, not one fact."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    attr = (a.claim.frame or Frame()).attribute
    if attr not in lexicon().running or (b.claim.frame or Frame()).attribute != attr:
        return False
    da, db = a.document.published, b.document.published
    return da is not None and db is not None and da != db


def _releases_apart(a: ClaimRef, b: ClaimRef, fa: Frame, fb: Frame) -> bool:
    """Two reports more than ``RELEASE_CYCLE_DAYS`` apart of a figure set anew at
    each release (a policy rate, a monthly inflation print)."""
    da, db = a.document.published, b.document.published
    if da is None or db is None or abs((da - db).days) <= T.RELEASE_CYCLE_DAYS:
        return False
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    releases = lexicon().releases
    return (
        fa.attribute in releases
        or fb.attribute in releases
        # "Food prices rose 24% and energy prices 27.2%": a percentage change of
        # prices is a price index's print, set anew each month
        or all(
            f.attribute == "price" and r.claim.kind == "percent"
            for f, r in ((fa, a), (fb, b))
        )
    )


def _dated_in_order(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether two reports of a tally state days ("as of Tuesday", "on Thursday")
    in the order they were published: moments of one series. A later story looking
    back at an earlier day is no later moment."""
    ta, tb = (a.claim.frame or Frame()).time, (b.claim.frame or Frame()).time
    da, db = a.document.published, b.document.published
    if not (ta and tb and da and db) or not (_DAY.match(ta) and _DAY.match(tb)):
        return False
    # "2019-10-18 morning": the day is the moment; a part of one day orders nothing
    ta, tb = ta[:10], tb[:10]
    return ta != tb and (ta < tb) == (da < db)


#: a stated day, as frames write it
_DAY = regex.compile(r"\d{4}-\d\d-\d\d")


#: a boundary between two independent clauses of one sentence
_CLAUSE_BREAK = regex.compile(r"[;:]|\s[—–]\s")


def _clauses_apart(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether two figures of one sentence stand in clauses joined by ";", ":" or a
    dash: not a list ("A earned X, B earned Y") but a statement and its sequel
    ("which had a budget of $96.5 million; the total cost of that mission was Rs
    978 crore"), which the frames judge like two sentences."""
    first, second = sorted((a.claim.span, b.claim.span), key=lambda s: s.start)
    return _CLAUSE_BREAK.search(a.document.prose, first.end, second.start) is not None


def _flow_over_periods(fa: Frame, fb: Frame) -> bool:
    """Whether two frames state a flow (profit, revenue, exports) over different
    periods, one inside the other: a year's profit and its fourth quarter's are two
    facts, while a stock ("valued at") in 2023 and in December 2023 may be one."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    period = lexicon().period
    return (
        fa.attribute in period
        and fb.attribute == fa.attribute
        and fa.time is not None
        and fb.time is not None
        and fa.time != fb.time
        and not _one_whole_year(fa.time, fb.time)
    )


def _full_year_set_apart(fa: Frame, fb: Frame) -> bool:
    """Whether one of two flows of one attribute is marked as the full year's ("for
    the full year", "full-year") and the other has no time."""
    if {fa.time, fb.time} != {FULL_YEAR, None} or fa.attribute != fb.attribute:
        return False
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return fa.attribute in lexicon().period


def _one_whole_year(ta: str, tb: str) -> bool:
    """ "for the full year" and "in 2023", or "for the year ended June 30, 2023":
    the report's own year, numbered on one side."""
    other = (ta + tb).replace(FULL_YEAR, "")
    return FULL_YEAR in (ta, tb) and (
        other.isdigit() or _FISCAL_YEAR.fullmatch(other) is not None
    )


#: a quarter by its number ("Q4", "fourth quarter") or its months ("the March
#: quarter"), with its year or "?"
_QUARTER_TIME = regex.compile(r"(?P<y>\d{4}|\?)-Q(?P<q>[1-4])(?P<m>m?)")


def _quarter_by_months_and_number(ta: str, tb: str) -> tuple[str, str] | None:
    """A quarter named by its months and one named by its number, as the numbers
    relate them: if they agree ("Q1" and "the March quarter" of a calendar year),
    the two times as if both were numbered; if not, None: unknown, not different,
    since a fiscal year need not start in January ("Q4 FY24" and "the
    January-March quarter" are one quarter in India). Other times as they are."""
    if not (ta.endswith(BY_MONTHS) or tb.endswith(BY_MONTHS)):
        return ta, tb  # (the common case, without a regex)
    ma, mb = _QUARTER_TIME.fullmatch(ta), _QUARTER_TIME.fullmatch(tb)
    if ma is None or mb is None or bool(ma["m"]) == bool(mb["m"]):
        return ta, tb
    if ma["q"] == mb["q"] or ("?" not in (ma["y"], mb["y"]) and ma["y"] != mb["y"]):
        return ta.removesuffix(BY_MONTHS), tb.removesuffix(BY_MONTHS)
    return None


def _time_relation(
    fa: Frame,
    fb: Frame,
    published: tuple[dt.date | None, dt.date | None] = (None, None),
) -> str:
    """How two frames' times relate: "same", "compatible", "different" or
    "unknown". ``published``: the two reports' dates (a window counted from each
    report's date, "over the next three years", is one window only in reports
    close enough to retell one announcement)."""
    if fa.window and fb.window and fa.window != fb.window:
        return "different"
    if (
        (fa.window == PART_OF_YEAR) != (fb.window == PART_OF_YEAR)
        and "change" not in (fa.role, fb.role)
        and (fa.time or fb.time)
    ):
        # "the 134 reported in the same period of 2023" and "the 941 reported in
        # the whole of 2023": a part of a year and a year (a change "from the same
        # period last year" says only what it is measured against)
        return "different"
    ta, tb = fa.time, fb.time
    if (fa.window or fb.window) and (
        _window_against_period(fa, fb) or _window_against_period(fb, fa)
    ):
        # "sales had risen 11% in the first five weeks" and "up 10.4% for the 2023
        # financial year": a few weeks counted are no year's figure; "losses of $15
        # billion over the past two years" and "lost $2.7 billion in 2007": nor are
        # several years
        return "different"
    if ta and tb:
        numbered = _quarter_by_months_and_number(ta, tb)
        if numbered is None:
            return "unknown"
        ta, tb = numbered
        if ta == tb:
            # two figures "for the full year" share no date: each report's own year
            return "compatible" if ta == FULL_YEAR else "same"
        if ta.startswith(tb) or tb.startswith(ta):
            return "compatible"
        if _one_whole_year(ta, tb):
            return "compatible"
        return "different"
    if (
        fa.window
        and fa.window == fb.window
        and (not fa.window.endswith("year") or _one_moment(*published))
    ):
        # "in its first 24 hours" counts from the event, in every report; "over the
        # next three years" from each report's own date, so two reports years apart
        # may state two periods
        return "same"
    return "unknown"


#: a time that is a long period: a year, a fiscal year, a quarter or a half
_LONG_PERIOD = regex.compile(r"(?:\d{4}|\?)(?:-[QH]\d\w*|-FY)?|FY\d{4}")
#: windows shorter than a quarter (hours, days, weeks, a month or two) or longer
#: than a year (several years, a decade)
_OTHER_WINDOW = regex.compile(
    r"\S+ (?:minute|hour|day|week)|(?:1|2|one|two) month|(?:[2-9]|\d\d+) year"
)


def _window_against_period(fa: Frame, fb: Frame) -> bool:
    """Whether ``fa`` is counted over an elapsed window shorter than a quarter ("in
    the first five weeks") or longer than a year ("over the past two years") and
    ``fb``, with none, is dated to another year, quarter or half."""
    return (
        fa.window is not None
        and _OTHER_WINDOW.fullmatch(fa.window) is not None
        and fb.window is None
        and fb.time is not None
        and _LONG_PERIOD.fullmatch(fb.time) is not None
        # "$10 billion over the next five years, to 2030" and "$10 billion by 2030"
        and not (fa.window.endswith("year") and fa.time == fb.time)
    )


def _dated_earlier(fa: Frame, fb: Frame) -> bool:
    """An earlier figure that states its own time, and a figure of that same time:
    "25.5% in December from 21.8% in November" and "12.8% in November" are both
    November's rate. The date, not the stage, says which fact it is (an earlier
    figure's time is read in its own phrase: :func:`~factcheck.align.times.read_time`)."""
    return (
        {fa.stage, fb.stage} == {"earlier", None}
        and fa.time is not None
        and (fa.time == fb.time)
    )


def _final_not_later(a: ClaimRef, b: ClaimRef, fa: Frame, fb: Frame) -> bool:
    """A figure stated as the final (official) count and another report's figure
    with no stage, the final one published no later: the same count ("the official
    result gives the PP 137 seats" and "the PP won 137 seats" on one day). A final
    count published after the other report is a later count than the one that
    report gave (election night's 136 seats, the official 137), unless the two
    print the same digits two ways."""
    if {fa.stage, fb.stage} != {"final", None}:
        return False
    if digit_slip(a.claim, b.claim) is not None:
        # "60,354,999" final and "60,345,999" before it: a count copied wrong, not
        # revised
        return True
    final, other = (a, b) if fa.stage == "final" else (b, a)
    df, do = final.document.published, other.document.published
    return df is not None and do is not None and df <= do


def _slip_across_stages(a: ClaimRef, b: ClaimRef, far_apart: bool) -> bool:
    """Two reports of one news cycle, or a headline and its story, that print one
    long figure's digits two ways ("Rs 43,084 crore" bid and "Rs 43,804 crore"
    spent, "3.05 million doses" pledged and "305,000 doses", a "P5.768-billion
    budget" headline over a "P5.768 trillion" one): a figure copied wrong,
    whatever stage or day each one's words give it, but a forecast (which lies near
    its result, so that their digits meet by chance). Only for figures of at least
    :data:`~factcheck.align.thresholds.SLIP_STAGE_DIGITS` significant digits, which
    two facts rarely share by chance."""
    if far_apart:
        return False
    if a.doc_index == b.doc_index and is_headline(a) == is_headline(b):
        return False  # one story's own figures: only a headline restates its body
    fa, fb = a.claim.frame, b.claim.frame
    if "forecast" in (fa and fa.stage, fb and fb.stage):
        return False  # a forecast lies near its result: "4.16%" and "4.61%" by chance
    if digit_slip(a.claim, b.claim) is None:
        return False
    return _shared_digits(a.claim, b.claim) >= T.SLIP_STAGE_DIGITS


def _named_target(fa: Frame, fb: Frame) -> bool:
    """ "faster than Gidey's 14:06.62": a figure compared against, that names whose
    it is, is that holder's level."""
    if {fa.role, fb.role} != {"comparison", "level"}:
        return False
    target = fa if fa.role == "comparison" else fb
    return (
        bool(target.holder_key)
        and "holder<-a possessive" in target.cues
        # "Tarvo's profit was well short of the $36.13 billion that Orvo reported":
        # an article between the comparison and the figure leaves the possessive
        # the subject's, not the figure's
        and not any(
            c.startswith("role<-") and _ARTICLE_END.search(c) for c in target.cues
        )
    )


#: a role cue that ends on an article: "role<-'short of the'", "role<-'than the'"
_ARTICLE_END = regex.compile(r"\b(?:the|its|their|his|her)'$")


#: how a frame's holder was read when the counted noun itself names it
_OF_NAME_CUE = "holder<-the name the counted noun is of"
_NOUN_NAMES = ("holder<-a name before the counted noun", _OF_NAME_CUE)


def _above_the_stated_whole(part: Claim, other: Claim) -> bool:
    """Whether ``other`` lies wholly above the whole ``part`` is stated of ("34
    seats out of 100" against 194 seats): no count of that whole's parts can be it."""
    return (
        part.whole is not None
        and other.whole is None
        and part.unit == other.unit
        and other.low is not None
        and other.low > part.whole
    )


def _named_part(fa: Frame, fb: Frame) -> bool:
    """ "including 2.26 million customers of CenterPoint Energy": a part of its
    sentence's whole that its counted noun names the holder of is that holder's
    level, for another report's "2.3 million CenterPoint Energy customers"."""
    if {fa.role, fb.role} != {"part", "level"}:
        return False
    part = fa if fa.role == "part" else fb
    return bool(part.holder_key) and any(c in part.cues for c in _NOUN_NAMES)


def decide(
    a: ClaimRef,
    b: ClaimRef,
    *,
    topics: Mapping[int, frozenset[str]],
    contexts: Mapping[tuple[int, str], Context],
    idf: Mapping[str, float],
    anchors: Mapping[tuple[int, str], ClaimRef],
    lone: Mapping[tuple[int, str], bool],
    mates: Mapping[tuple[int, str], tuple[Mate, ...]] | None = None,
) -> Decision | Veto | None:
    """A :class:`Decision` if the claims state the same fact (confident or
    possible), a :class:`Veto` if their frames say they cannot, else None."""
    ca, cb = a.claim, b.claim
    if measure_of(ca) != measure_of(cb):
        return Veto(reason="different measures")
    fa, fb = _as_inflations(ca, cb)
    same_doc = a.doc_index == b.doc_index
    anchor_a, anchor_b = anchor_key(a, anchors), anchor_key(b, anchors)
    da, db = a.document.published, b.document.published
    far_apart = (
        da is not None and db is not None and abs((da - db).days) > T.NEWS_CYCLE_DAYS
    )
    # one amount printed by reports of another news cycle is a coincidence, unless
    # the holders say it is the same fact
    shared_anchor = (
        anchor_a is not None
        and anchor_a == anchor_b
        and (
            not far_apart
            or set(fa.holder_key) == set(fb.holder_key) != set()
            or _retold(anchor_a)
        )
    )
    # "280.04 million, 29.8 per cent" and "280.04 million, or 19.8 per cent": the
    # shares of one stated amount are one fact, as the amount is
    share_of_anchor = (
        not same_doc and not far_apart and _share_of_one_amount(a, b, anchors)
    )
    shared_anchor = shared_anchor or share_of_anchor
    own_a, own_b = anchors.get(a.key, a), anchors.get(b.key, b)
    if same_doc and own_a.key == own_b.key:
        # a figure and its stated equivalent: one fact (FC101 checks the conversion)
        return Decision(
            a=a,
            b=b,
            confidence=T.SAME_ANCHOR,
            level="confident",
            evidence=(f"{cb.text!r} restates {ca.text!r}",),
        )
    for name in ("role", "stage", "basis"):
        va, vb = getattr(fa, name), getattr(fb, name)
        if va != vb and not (
            (
                name == "role"
                and (
                    _unsaid_whole(ca, cb, fa, fb)
                    or _named_target(fa, fb)
                    or (not same_doc and _named_part(fa, fb))
                )
            )
            or (name == "stage" and _dated_earlier(fa, fb))
            or (name == "stage" and _final_not_later(a, b, fa, fb))
            or (name == "stage" and _slip_across_stages(a, b, far_apart))
        ):
            return Veto(reason=f"different {name}: {va} / {vb}")
    if (
        fa.role in ("part", "share")
        and fa.whole
        and fb.whole
        and fa.whole != fb.whole
        and (fa.role == "share" or same_doc)
    ):
        return Veto(reason=f"parts of different wholes: {fa.whole} / {fb.whole}")
    if _above_the_stated_whole(ca, cb) or _above_the_stated_whole(cb, ca):
        # "PiS secured 34 seats out of 100" (the Senate) and PiS's 194 seats: a
        # figure above the whole the other is stated of counts another whole
        return Veto(reason="a figure above the whole the other is stated of")
    if same_doc and ca.sentence == cb.sentence and not _clauses_apart(own_a, own_b):
        # "a fee of £100 million ($131m) plus £5m in add-ons": two figures of one
        # sentence (or their stated equivalents) are two facts
        return Veto(reason="listed side by side in one sentence")
    time = _time_relation(fa, fb, (da, db))
    series = (
        not same_doc
        and _running_apart(a, b)
        and (
            time == "unknown"
            or (time == "different" and _dated_in_order(a, b))
            # "has burned 13.7 million hectares this season" in June and "18.5
            # million hectares burned in the 2023 season" in January: a period is
            # no moment of a running tally
            or (time == "same" and not _DAY.match(fa.time or "") and fa.time != PEAK)
            # "more than 10 million hectares this year" on a Saturday in July and
            # "13,944,486 hectares so far in 2023" in August: a day and the year it
            # falls in are two moments of the tally, not one
            or time == "compatible"
        )
    )
    if same_doc and time == "unknown" and _full_year_set_apart(fa, fb):
        # "Net income was €2.5 billion, and sales rose to €7.24 billion. For the
        # full year, net sales rose 30% to €27.6 billion": a report that marks its
        # year's figures leaves the others its quarter's
        return Veto(reason="different times: the full year / the report's own period")
    if time == "unknown" and not series and _past_year_against_present(a, b):
        # "raised €600 million in 2024 at a valuation of €6 billion" in a 2025
        # story, against its undated "values Mistral at 11.7 billion euros": a
        # stock dated to a year before both reports is that year's, the undated one
        # the report's present
        return Veto(
            reason=f"different times: {fa.time or fb.time} / the reports' present"
        )
    if (
        time == "different"
        and (
            is_headline(a) != is_headline(b)
            or (
                not series
                # a running tally's days are its moments: 236 dead on Monday, 263
                # on Tuesday
                and fa.attribute not in _running()
                and fb.attribute not in _running()
                and _DAY.match(fa.time or "")
                and _DAY.match(fb.time or "")
            )
        )
        and _slip_across_stages(a, b, far_apart)
    ):
        # "Rs 27,780 crore ... on Wednesday" and "Rs 27,870 crore ... opens on
        # Tuesday": days of a news cycle that date the verbs, not a figure copied
        # two ways
        time = "unknown"
    if (time == "different" and not series) or (
        time == "compatible" and _flow_over_periods(fa, fb)
    ):
        return Veto(
            reason=f"different times: {fa.time or fa.window} / {fb.time or fb.window}"
        )
    topic_a = topics.get(a.doc_index, frozenset())
    topic_b = topics.get(b.doc_index, frozenset())
    if same_doc and CARRIED in (fa.holder_source, fb.holder_source):
        # a subject carried from the sentence before tells one report's figures
        # apart from another's, not the figures of one report from each other
        holder, holder_why = _holder_relation(
            _without_carried(fa), _without_carried(fb), topic_a, topic_b
        )
    else:
        holder, holder_why = _holder_relation(fa, fb, topic_a, topic_b)
    # two reports' tolls of their stories' events are related by the stories' names
    # (one story's own figures all share its subject: no evidence)
    sa, sb = (fa, fb) if same_doc else (story_frame(a), story_frame(b))
    if holder != "same" and (sa, sb) != (fa, fb):
        holder, holder_why = _holder_relation(sa, sb, topic_a, topic_b)
    if holder == "different":
        # two reports about different names print one amount: stories about other
        # names print it by chance, even in one week
        return Veto(reason=holder_why)
    attribute, attribute_weight = _attribute_relation(fa, fb)
    if attribute == "different" and _money_into(fa, fb):
        # "a $600 million investment in MiniMax" is MiniMax's funding round
        attribute, attribute_weight = "same", T.SAME_ATTRIBUTE
    head, other_head = _noun_head(ca), _noun_head(cb)
    if (
        attribute == "unknown"
        and head is not None
        and head == other_head
        # "2.3 million people" and "127 people missing": a generic noun says the
        # same only where neither side names what it counts
        and not ((fa.attribute or fb.attribute) and head in _generic_nouns())
    ):
        # "21 vehicle fires" and "22 fires": what is counted is the same
        attribute, attribute_weight = "same", T.SAME_NOUN

    if attribute == "different" and not (
        shared_anchor
        and _one_moment(da, db)
        and (share_of_anchor or _distinct(own_a.claim))
    ):
        # one amount whose two reports name it differently ("a fine of", "ordered
        # to pay") is one fact if it is rare enough and the reports retell one
        # announcement
        return Veto(reason=f"different attributes: {fa.attribute} / {fb.attribute}")
    if (
        fa.attribute == fb.attribute == "price"
        and not shared_anchor
        and own_a.claim.kind == own_b.claim.kind == "money"
        and own_a.claim.unit != own_b.claim.unit
    ):
        # "starts at $799" in the US and "costs €949" in Germany: a price first
        # stated in another currency is another market's price, not a conversion
        return Veto(
            reason=f"prices of different markets: {own_a.claim.unit} / "
            f"{own_b.claim.unit}"
        )
    confidence = 0.0
    evidence: list[str] = []
    if shared_anchor:
        confidence += T.SAME_ANCHOR
        if share_of_anchor:
            amount = anchors[level_key(a)].claim.text
            evidence.append(f"shares of one stated amount: {amount!r}")
        else:
            evidence.append(f"same stated amount: {own_a.claim.text!r}")
    if holder == "same":
        confidence += T.SAME_HOLDER
        evidence.append(holder_why)
    elif holder == "topic":
        confidence += T.SAME_TOPIC
        evidence.append(holder_why)
    elif holder == "partial":
        confidence += T.PARTIAL_HOLDER
        evidence.append(holder_why)
    if attribute == "same":
        confidence += attribute_weight
        evidence.append(f"same attribute: {fa.attribute}")
    if time == "same":
        confidence += T.SAME_TIME
        evidence.append(f"same time: {fa.time or fa.window}")
    if fa.role != "level":
        evidence.append(f"same role: {fa.role}")
    story_toll = False
    if (
        series
        and attribute == "same"
        and holder == "topic"
        and _story_toll(a, b, sa, sb, topic_a & topic_b)
    ):
        confidence += T.STORY_TOLL
        story_toll = True
        evidence.append("one story's running toll, reported on different days")
    if (
        not far_apart
        # a toll rises within a day: two reports of one day may give two moments
        and (series or fa.attribute not in _running())
        and holder == "topic"
        and attribute == "same"
        and lone.get(a.key, False)
        and lone.get(b.key, False)
        and _nearly_agree(own_a.claim, own_b.claim)
    ):
        confidence += T.STORY_FIGURE
        evidence.append(f"each report's only {fa.attribute} figure")
    if series and time != "unknown":
        evidence.append(
            f"a running tally at two times: {fa.time} / {fb.time}, reported "
            f"{a.document.published} / {b.document.published}"
        )
    levels = None if same_doc or share_of_anchor else _same_level(a, b, anchors)
    if levels is not None:
        confidence += T.SAME_LEVEL
        evidence.append(
            f"changes of one level: {levels[0].claim.text!r} / {levels[1].claim.text!r}"
        )
    moves = None if same_doc or levels else _same_change(a, b, anchors)
    if moves is not None:
        confidence += T.SAME_CHANGE
        evidence.append(
            f"percentages of one change: {moves[0].claim.text!r} / "
            f"{moves[1].claim.text!r}"
        )
    # two moments of a running tally differ by design: their digits prove nothing
    similarity, shared = _similarity(contexts[a.key], contexts[b.key], idf)
    slip = None if shared_anchor or series else digit_slip(ca, cb)
    # one digit mistyped ("88,966" and "88,996") tells only which of one named
    # attribute's figures each report gives
    typed = (
        None
        if slip is not None
        or shared_anchor
        or series
        or same_doc
        or attribute != "same"  # (as :func:`_attribute_slip` asks)
        else _one_digit_changed(ca, cb)
    )
    long_slip = attribute_slip = False
    if (
        slip is not None
        and not same_doc
        # one story: its reports share main names (one shared word, "Rival", is
        # how an archive's unrelated stories meet)
        and len(shared_names(topic_a, topic_b)) >= T.SLIP_STORY_NAMES
        and _measured(ca)
        and _measured(cb)
        # one story's percentages are many and lie between 0 and 100, so their
        # digits meet by chance ("29.98%" of the vote, "99.28 percent" of polling
        # stations counted): a percentage slip needs the same attribute too
        and (ca.kind != "percent" or attribute == "same")
        and _slip_across_stages(a, b, far_apart)
        # and their clauses say more than one word alike ("revenue" alone is how
        # two companies' results meet), unless four digits or more say it ("It
        # sits on 2,635 hectares" and "Site: 2,653 hectares")
        and (
            len(shared) >= T.RESTATED_WORDS
            or _shared_digits(ca, cb) >= T.SLIP_WORDLESS_DIGITS
        )
    ):
        # "a price of $60.5 million" and "a price of $50.6 million" in two reports
        # of one story: three or more digits copied in another order
        confidence += T.DIGIT_SLIP_LONG
        long_slip = True
        evidence.append(f"one story's figure printed two ways ({slip})")
    elif (slip or typed) is not None and _attribute_slip(
        ca, cb, fa, attribute, same_doc
    ):
        # "1,054 crew members" and "1,045 crew members", "58,141 fans" and "51,841
        # spectators": one measure of one story with its digits in another order;
        # "88,966" and "88,996" spectators, one digit mistyped
        confidence += T.DIGIT_SLIP_SAME_ATTRIBUTE
        attribute_slip = True
        evidence.append(f"one {fa.attribute} figure printed two ways ({slip or typed})")
    elif slip is not None and _holder_slip(
        ca, cb, fa, fb, holder=holder, same_doc=same_doc
    ):
        # "Rodolfo Hernández obtained 10,580,412 votes (47.31%)" and "Hernández, who
        # took 47.13%": one holder's figure with two of its digits swapped; four
        # digits or more slip by a copy, never by chance
        long = _shared_digits(ca, cb) >= 4
        confidence += T.DIGIT_SLIP_LONG if long else T.DIGIT_SLIP_SAME_ATTRIBUTE
        attribute_slip = True
        evidence.append(f"one holder's figure printed two ways ({slip})")
    elif slip is not None and confidence + T.DIGIT_SLIP >= T.POSSIBLE:
        confidence += T.DIGIT_SLIP
        evidence.append(f"the same digits printed two ways ({slip})")
    converted = (
        None
        if same_doc or shared_anchor or series or slip is not None
        else quantity_slip(ca, cb) or _relabelled(a, b, anchors)
    )
    if (
        converted is not None
        and len(shared_names(topic_a, topic_b)) >= T.SLIP_STORY_NAMES
    ):
        # "the 57-kilometre Gotthard Base Tunnel" and "the 1.2-mile Gotthard
        # tunnel, which runs for 91.7 miles": one length converted the wrong way
        confidence += T.CONVERSION_SLIP
        attribute_slip = True
        evidence.append(f"{CONVERTED_WRONG}{converted.describe()}")
    swap = None if same_doc else _swapped(a, b, fa, fb, mates or {})
    if swap is not None and confidence + T.SWAPPED >= T.POSSIBLE:
        confidence += T.SWAPPED
        other = (
            (swap[2] or "").removeprefix("noun:")
            if swap[2] != fa.attribute
            else " ".join(swap[3])
        )
        evidence.append(
            f"each report gives the other's figure to {other!r}: "
            f"{ca.text!r} and {cb.text!r} swapped"
        )
    if shared:
        confidence += T.CONTEXT_WEIGHT * similarity
        evidence.append(f"shared words: {', '.join(shared)} ({similarity:.2f})")
    if same_doc:
        confidence += T.SAME_DOCUMENT
    if (
        da is not None
        and db is not None
        and abs((da - db).days) > T.NEWS_CYCLE_DAYS
        and time != "same"  # a stated time fixes the fact, however late the report
    ):
        confidence += T.SEPARATE_CYCLES
        evidence.append(f"published {abs((da - db).days)} days apart")
    inferred = holder in ("partial", "topic", "unknown") and not shared_anchor
    headline = (
        same_doc
        and attribute == "same"
        and not (fa.attribute or "").startswith(("noun:", "dim:"))
        and is_headline(a) != is_headline(b)
    )
    if headline:
        confidence += T.HEADLINE
        evidence.append("a headline and its story's figure")
    restated = similarity >= T.RESTATED_SIMILARITY and len(shared) >= T.RESTATED_WORDS
    if same_doc and not shared_anchor and slip is None and far_in_one_report(ca, cb):
        # "won Lagos with 582,454 votes to Tinubu's 572,606" beside "Tinubu won
        # 8.8 million votes": one report's figures many times apart are a part
        # and its whole, not a misprint
        confidence = min(confidence, T.PROBABLE - 0.01)
        evidence.append(
            f"one report's figures {T.SAME_DOCUMENT_FAR:g} or more times apart"
        )
    if same_doc and inferred and not restated and not headline:
        # one story's own figures all share its subject: without a holder, only a
        # restatement (a headline and its body) is evidence
        confidence = min(confidence, T.PROBABLE - 0.01)
    if (
        holder == "topic"
        and not same_doc
        and not shared_anchor
        and attribute == "same"
        and (lone.get(a.key) is False or lone.get(b.key) is False)
        # a figure printed two ways says which of the report's several it is
        # ("Rs 15.43 lakh crore" gross and "Rs 11.8 lakh crore" net borrowing
        # against "14.53 trillion rupees"; "$69.3 billion" for the year beside
        # "$19.62 billion" for the quarter against "US$96.3 billion")
        and not long_slip
        and not (
            # one story's reports, as a long slip needs (an archive's unrelated
            # stories print three digits two ways by chance)
            len(shared_names(topic_a, topic_b)) >= T.SLIP_STORY_NAMES
            and _slip_across_stages(a, b, far_apart)
        )
    ):
        # "29 people had died ... that brings the toll for the two regions to 72
        # dead": a report giving its story several figures of the attribute, none
        # with a holder, leaves open which is the one the other report gives; an
        # info at most
        confidence = min(confidence, T.PROBABLE - 0.01)
        evidence.append(f"one report gives several {fa.attribute} figures")
    if (
        not same_doc
        and fa.stage == fb.stage == "earlier"
        and time == "unknown"
        and not shared_anchor
        and not long_slip
        and _starts_a_change(a) != _starts_a_change(b)
    ):
        # "87 seats, up from 82" (the last election's) and "ahead in 86 seats with
        # 80 per cent counted" (last night's): each is earlier than its own report's
        # figure, one as a change's start, the other as a count not yet done; two
        # moments, maybe. An info at most ("up from 82" and "up from 86" both start
        # the change to one figure: one moment)
        confidence = min(confidence, T.PROBABLE - 0.01)
        evidence.append("earlier figures of two kinds, with no time stated")
    if (
        _releases_apart(a, b, fa, fb)
        and time != "same"
        and not shared_anchor
        and not long_slip
    ):
        # "raised by 400 basis points to 22.75%" in February and "by 200 basis
        # points to 24.75 per cent" in March: two meetings' figures may differ
        confidence = min(confidence, T.PROBABLE - 0.01)
        evidence.append(
            f"reports {abs((da - db).days) if da and db else '?'} days apart on a "
            "figure set anew at each release"
        )
    if (
        story_toll
        and not _rose_below(a, b)
        and not (_tally_named(a) and _tally_named(b))
    ):
        # two moments of one story's toll whose holder only the story gives: which
        # of the story's counts each is stays inferred (STORY_TOLL): no warning
        confidence = min(confidence, T.PROBABLE - 0.01)
    if far_apart and time != "same" and not shared_anchor:
        # "Klarna has raised $800 million" a year after its $639 million round: a
        # report of another news cycle that states no time nor the same amount may
        # be about another event; it gives an info at most
        confidence = min(confidence, T.PROBABLE - 0.01)
    if confidence >= T.CONFIDENT and not inferred:
        level: Level = "confident"
    elif confidence >= (
        # a running tally's holder is its story's event: the story standing in for
        # it is the rule, not a weaker reading
        # ... as is a figure of one story copied with three digits in another
        # order (DIGIT_SLIP_LONG): the digits say which of its figures it is
        T.PROBABLE_INFERRED if inferred and not series and not long_slip else T.PROBABLE
    ) and (holder != "unknown" or long_slip or attribute_slip):
        level = "probable"
    elif confidence >= T.POSSIBLE:
        level = "possible"
    else:
        return Veto(reason="a running tally on different days") if series else None
    evidence.append(
        f"confidence {confidence:.2f} ({level}; confident from {T.CONFIDENT})"
    )
    decision = Decision(
        a=a, b=b, confidence=confidence, level=level, evidence=tuple(evidence)
    )
    if series:
        # reports of a running tally on different days: two moments, not one fact
        return Veto(reason="a running tally on different days", series=decision)
    return decision


#: a fiscal year's time (:mod:`factcheck.align.times`)
_FISCAL_YEAR = regex.compile(r"FY\d{4}")


def _far_apart(ca: Claim, cb: Claim) -> bool:
    """Two amounts (counts, money, quantities: what parts add up to) of one unit
    at least ``SAME_DOCUMENT_FAR`` times apart."""
    if ca.kind != cb.kind or ca.unit != cb.unit or ca.kind == "percent":
        return False
    small, large = sorted((abs(ca.value), abs(cb.value)))
    return small > 0 and large >= T.SAME_DOCUMENT_FAR * small


def far_in_one_report(ca: Claim, cb: Claim) -> bool:
    """Two amounts of one report ``SAME_DOCUMENT_FAR`` or more times apart that
    print no digits in common two ways: a part and its whole, or two facts, more
    often than a misprint (which stays near its figure or keeps its digits)."""
    return _far_apart(ca, cb) and digit_slip(ca, cb) is None


def _nearly_agree(ca: Claim, cb: Claim) -> bool:
    """Two figures of one unit within ``STORY_FIGURE_NEAR`` of each other, or
    printing the same digits two ways: one figure retold (rounded, or slipped)."""
    if ca.kind != cb.kind or ca.unit != cb.unit:
        return False
    if digit_slip(ca, cb) == "two digits swapped":
        return True
    larger = max(abs(ca.value), abs(cb.value))
    return larger > 0 and abs(ca.value - cb.value) <= T.STORY_FIGURE_NEAR * larger


def _past_year_against_present(a: ClaimRef, b: ClaimRef) -> bool:
    """One figure dated to a past year, the other undated: the dated one is that
    year's, the undated one the reports' present.

    Any figure dated ``RECALLED_YEARS`` or more before both reports' publication is
    recalled history ("swept to power in 2002 with 62% of the vote" in a 2007
    report; "the most since September 2001, when the index fell 684.81 points").
    A level of a stock (a valuation, a price, a stake) dated the year before is that
    year's too; a flow is not (a year's revenue is reported the next year, and
    undated figures of results are the year's), nor a change ("rose 2.9% last
    year")."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    fa, fb = a.claim.frame or Frame(), b.claim.frame or Frame()
    dated = fa.time or fb.time
    attribute = fa.attribute or fb.attribute
    pa, pb = a.document.published, b.document.published
    if (
        dated is None
        or (fa.time and fb.time)
        or pa is None
        or pb is None
        or not dated[:4].isdigit()
    ):
        return False
    year, present = int(dated[:4]), min(pa.year, pb.year)
    if year <= present - T.RECALLED_YEARS:
        return True
    if fa.role != "level" or attribute in lexicon().period:
        return False
    return year < present


def _relabelled(
    a: ClaimRef, b: ClaimRef, anchors: Mapping[tuple[int, str], ClaimRef]
) -> Slip | None:
    """One side's number printed with the unit of the other report's stated
    equivalent (:func:`factcheck.normalize.slips.relabelled`)."""
    for printed, stated in ((a, b), (b, a)):
        if printed.claim.kind == "money" and _names_another_attribute(printed, stated):
            # "a net profit of 18.8 billion yuan" and a revenue's "($18.8
            # billion)": another figure whose number meets the other's by chance
            continue
        partner = anchors.get(stated_as_key(stated)) or anchors.get(stated.key)
        if partner is not None:
            found = relabelled(printed.claim, stated.claim, partner.claim)
            if found is not None:
                return found
    return None


def _names_another_attribute(printed: ClaimRef, stated: ClaimRef) -> bool:
    """Whether ``printed`` names what it measures, and not what ``stated`` does."""
    fp, fs = printed.claim.frame, stated.claim.frame
    own = fp.attribute if fp is not None else None
    return own is not None and own != (fs.attribute if fs is not None else None)


def digit_slip(ca: Claim, cb: Claim) -> str | None:
    """How two different values of one unit print the same digits: "a decimal
    moved" (26.2 and 2.62 billion, 23 and 2.3 million), "two digits swapped" (4.5%
    and 5.4%, 68,000 and 86,000) or "a zero dropped" (50.07% and 50.7%); None if
    they do not. Two facts rarely share their digits by chance; a figure copied
    wrong always does."""
    if ca.kind != cb.kind or ca.unit != cb.unit or ca.value == cb.value:
        return None
    if ca.qualifier == "range" and cb.qualifier == "range":
        return _range_slip(ca, cb)
    if ca.qualifier == "range" or cb.qualifier == "range":
        return None
    pa, pb = _printed_time(ca), _printed_time(cb)
    if pa is not None and pb is not None and pa[1] == pb[1]:
        # "2:04:02" and "2:04:20", "21 hours and 32 minutes" and "21 hours and 23
        # minutes": a time printed in parts slips in its printed digits, which its
        # value in seconds does not keep
        da, db = pa[0], pb[0]
        if len(set(da)) > 1 and sorted(da) == sorted(db):
            return "two digits swapped"
        return None
    ma, ea = _mantissa(ca.value)
    mb, eb = _mantissa(cb.value)
    if len(ma) < T.SLIP_DIGITS or len(mb) < T.SLIP_DIGITS or len(set(ma)) == 1:
        return None
    if ma == mb:
        return "a decimal moved"
    if ea == eb and len(ma) == len(mb) and sorted(ma) == sorted(mb):
        return "two digits swapped"
    longer, shorter = (ma, mb) if len(ma) > len(mb) else (mb, ma)
    fine, coarse = sorted((ca.precision, cb.precision))
    if (
        len(longer) == len(shorter) + 1
        # the shorter printed to one place less: "50.7" for "50.07"
        and fine > 0
        and math.isclose(coarse, 10 * fine)
        and max(abs(ca.value), abs(cb.value)) < 2 * min(abs(ca.value), abs(cb.value))
        and any(
            longer[i] == "0" and longer[:i] + longer[i + 1 :] == shorter
            for i in range(1, len(longer))
        )
    ):
        return "a zero dropped"  # 50.07% printed 50.7%
    return None


def _range_slip(ca: Claim, cb: Claim) -> str | None:
    """ "between $1.7 million and $1.9 million" against "$1.7 billion and $1.9
    billion": both ends of a range in the same digits, a decimal moved by the same
    power of ten (a scale word slipped once for the range)."""
    la, ha, lb, hb = ca.low, ca.high, cb.low, cb.high
    if (
        not la
        or not ha
        or not lb
        or not hb
        or la == lb
        or not math.isclose(la / lb, ha / hb)
    ):
        return None
    shift = math.log10(la / lb)
    if not math.isclose(shift, round(shift), abs_tol=1e-9):
        return None
    ma, mb = _mantissa(la)[0], _mantissa(ha)[0]
    if len(ma) + len(mb) < 2 * T.SLIP_DIGITS:
        return None
    return "a decimal moved"


#: the units of a time printed in parts: a clock face or a compound duration
_TIME_PARTS = frozenset(["second", "minute", "hour"])
_DIGIT = regex.compile(r"\d")
_DIGIT_RUN = regex.compile(r"\d+")


def _printed_time(claim: Claim) -> tuple[str, str] | None:
    """A time printed in parts ("2:04:02", "21 hours and 32 minutes"): its printed
    digits and its shape (the text with every digit a 9); None for any other
    figure."""
    text = claim.text
    if claim.kind != "quantity" or claim.unit not in _TIME_PARTS:
        return None
    if ":" not in text and len(_DIGIT_RUN.findall(text)) < 2:
        return None
    return "".join(_DIGIT.findall(text)), _DIGIT.sub("9", text)


def _one_digit_changed(ca: Claim, cb: Claim) -> str | None:
    """ "one digit changed" when two exact figures of one unit and size, of at
    least ``CHANGED_DIGIT_DIGITS`` significant digits, differ in one digit only
    ("88,966" and "88,996"); else None. Not a :func:`digit_slip`: a revised count
    can differ in one digit too, so it never lets figures of two stages meet."""
    if ca.kind != cb.kind or ca.unit != cb.unit or ca.value == cb.value:
        return None
    if ca.kind == "percent" or ca.qualifier is not None or cb.qualifier is not None:
        return None  # one story's many percentages lie between 0 and 100
    if _printed_time(ca) is not None or _printed_time(cb) is not None:
        return None  # "2:01:25" and "2:00:35": 7,285 and 7,235 seconds, two digits
    ma, ea = _mantissa(ca.value)
    mb, eb = _mantissa(cb.value)
    if ea != eb or len(ma) != len(mb) or len(ma) < T.CHANGED_DIGIT_DIGITS:
        return None
    if sum(x != y for x, y in zip(ma, mb, strict=True)) != 1:
        return None
    return "one digit changed"


def _attribute_slip(
    ca: Claim, cb: Claim, fa: Frame, attribute: str, same_doc: bool
) -> bool:
    """Whether two reports' figures of one named attribute print one figure's digits
    two ways that a copy slips by: two digits swapped ("1,054" and "1,045" crew), or
    a decimal moved by one place or by a scale word (13.4 and 134 billion, $36.2
    million for $36.2 billion). A hundredfold (56 and 5,600) is more often a share and
    a count; one report's own figures of one attribute (31% and 13% of a plan) are
    two of its parts."""
    if same_doc or attribute != "same":
        return False
    if fa.attribute is None or fa.attribute.startswith(("noun:", "dim:")):
        return False
    ratio = max(abs(ca.value), abs(cb.value)) / max(
        min(abs(ca.value), abs(cb.value)), 1e-12
    )
    if ratio < 2:
        return True  # digits swapped: the same size
    return any(abs(ratio - f) < 1e-6 * f for f in T.SLIP_SCALES)


def _shared_digits(ca: Claim, cb: Claim) -> int:
    """How many significant digits the shorter of two figures prints."""
    return min(len(_mantissa(ca.value)[0]), len(_mantissa(cb.value)[0]))


def _holder_slip(
    ca: Claim, cb: Claim, fa: Frame, fb: Frame, *, holder: str, same_doc: bool
) -> bool:
    """Whether two reports give one holder a figure of three or more significant
    digits printed two ways (two digits swapped, a decimal moved one place): the
    same holder, or holders that share a name ("Rodolfo Hernández obtained votes"
    and "Rodolfo Hernández"). Two figures of one holder rarely share their digits by
    chance; one report's own figures of one holder are two of its facts."""
    if same_doc or holder not in ("same", "partial") or not fa.holder_key:
        return False
    if _shared_digits(ca, cb) < T.SLIP_STAGE_DIGITS:
        return False
    ratio = max(abs(ca.value), abs(cb.value)) / max(
        min(abs(ca.value), abs(cb.value)), 1e-12
    )
    if ratio >= 2 and not any(abs(ratio - f) < 1e-6 * f for f in T.SLIP_SCALES[:1]):
        return False
    if holder == "same":
        return True
    shared = set(fa.holder_key) & set(fb.holder_key)
    names = {
        stem(_POSSESSIVE_END.sub("", w.lower()))
        for w in f"{fa.holder or ''} {fb.holder or ''}".split()
        if w[:1].isupper()
    }
    return bool(shared & names)


#: a possessive ending on a name ("Modi's", "Odinga’s")
_POSSESSIVE_END = regex.compile(r"['’]s?$")


def _person_names(holder: str | None) -> list[str] | None:
    """A holder's words past its titles ("President", "Mr"), if every one is a
    capitalized name ("Petro Poroshenko", "Modi's"); None otherwise."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    titles = lexicon().person_titles
    words = [w for w in (holder or "").split() if w.lower().strip(".") not in titles]
    if not words or not all(
        w[:1].isupper() and w.rstrip("'’s").isalpha() for w in words
    ):
        return None
    return [stem(_POSSESSIVE_END.sub("", w.lower())) for w in words]


def _one_person(fa: Frame, fb: Frame) -> bool:
    """Whether two holders name one person: a given name and a surname ("Petro
    Poroshenko", "Bola Ahmed Tinubu"), and the surname alone ("Poroshenko", "Mr
    Modi's", "Mr Tinubu"), each past its titles. A surname alone is only read so
    against a full name of two or three words: a family's members share it, and a
    story naming two of them names each in full."""
    a, b = _person_names(fa.holder), _person_names(fb.holder)
    if a is None or b is None:
        return False
    full, alone = (a, b) if len(a) > len(b) else (b, a)
    return len(full) in (2, 3) and len(alone) == 1 and full[-1] == alone[0]


@functools.lru_cache(maxsize=4096)
def _trailing_name(holder: str | None) -> tuple[str, str] | None:
    """The given name and surname a holder ends with, after words that describe
    their bearer ("ATA Alliance candidate Sinan Oğan", "Nationalist Sinan Oğan");
    None for a holder of two words or fewer, or one whose last two words follow
    "of" or "the" ("the City of New York" names a place)."""
    words = (holder or "").split()
    if len(words) < 3 or words[-3].lower() in ("of", "the", "and", "&"):
        return None
    last = words[-2:]
    if not all(w[:1].isupper() and w.rstrip("'’s").isalpha() for w in last):
        return None
    return (stem(last[0].lower()), stem(_POSSESSIVE_END.sub("", last[1].lower())))


def _measured(claim: Claim) -> bool:
    """Whether a figure says what it measures: a unit, or a counted noun ("the
    maker of the 911" prints a model's name, not a count)."""
    return claim.kind != "count" or bool(claim.noun)


@functools.cache
def countries() -> frozenset[str]:
    """The one-word names of countries and territories (CLDR's, through Babel),
    stemmed as holder keys are: "india", "mexico"."""
    from babel import Locale  # noqa: PLC0415

    return frozenset(
        stem(name.lower())
        for name in Locale("en").territories.values()
        if name.isalpha()
    )


@functools.cache
def country_keys() -> frozenset[str]:
    """Holder keys that name a country: CLDR's one-word names and the places of the
    lexicon's country adjectives ("britain", "korea")."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return countries() | frozenset(lexicon().place_of_adjective.values())


@functools.cache
def lexicon_subunits() -> frozenset[str]:
    """The lexicon's nouns for a part of an organisation ("unit", "division"), as
    written and stemmed."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    return frozenset(f(w) for w in lexicon().subunits for f in (str, stem))


def mantissa_digits(value: float) -> str:
    """A value's significant digits (68,000: "68")."""
    return _mantissa(value)[0]


@functools.lru_cache(maxsize=1 << 16)
def _mantissa(value: float) -> tuple[str, int]:
    """A value's significant digits and its power of ten (68,000: ("68", 4))."""
    # twelve decimals keep a vote count's every digit ("60,354,999")
    digits, _, power = f"{abs(value):.12e}".partition("e")
    return digits.replace(".", "").rstrip("0") or "0", int(power)


def _unsaid_whole(ca: Claim, cb: Claim, fa: Frame, fb: Frame) -> bool:
    """ "The Conservative took 33.8%" and "took 36.2% of the vote": a bare percentage
    is a share whose whole goes unsaid, not another role."""
    return (
        ca.kind == cb.kind == "percent"
        and {fa.role, fb.role} == {"level", "share"}
        # "83% of their votes" is a group's share, not the election's
        and GROUP_VOTE not in (fa.whole, fb.whole)
    )


def _similarity(
    ca: Context, cb: Context, idf: Mapping[str, float]
) -> tuple[float, tuple[str, ...]]:
    shared = ca.words & cb.words
    if not shared:
        return 0.0, ()
    # fsum: exactly rounded, so the score cannot depend on the order a set of
    # words iterates in (which differs across hash seeds, and for a set rebuilt
    # from a pickle sent back by a worker process)
    wa = math.fsum(idf.get(w, 1.0) for w in ca.words) or 1.0
    wb = math.fsum(idf.get(w, 1.0) for w in cb.words) or 1.0
    common = math.fsum(idf.get(w, 1.0) for w in shared)
    score = 0.5 * common / (wa * wb) ** 0.5 + 0.5 * common / min(wa, wb)
    words = tuple(sorted(shared, key=lambda w: (-idf.get(w, 1.0), w)))[:6]
    return score, words
