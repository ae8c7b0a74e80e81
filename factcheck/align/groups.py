"""Fact groups: claims blocked by frame keys, decided pair by pair, and joined into
groups of claims that state one fact.

Blocking keeps the work near-linear: a claim is indexed under its measure with each
word of its holder (or, naming none, its document's main names) and under the
specific amount it states; only claims sharing a key are decided. Value proximity is
no key: within one frame a figure far from the others is exactly what must be
flagged ("4,730 injured" printed as "1,730").
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from typing import Protocol

import attrs

from factcheck.align import thresholds as T
from factcheck.align.context import ClaimRef, Context, context_of
from factcheck.align.decide import (
    Decision,
    Level,
    Mate,
    Veto,
    anaphor_keys,
    anchor_key,
    anchors_of,
    country_keys,
    decide,
    lone_figures,
    mantissa_digits,
    measure_of,
    sentence_mates,
    share_anchor,
    story_frame,
)
from factcheck.align.lexicon import lexicon
from factcheck.model import Claim

Key = tuple[int, str]
#: an unordered pair of claims: their keys, smaller first (two references to keys
#: the claims already hold, 56 bytes: a frozenset of them took 328)
PairKey = tuple[Key, Key]


#: a block of the candidate search: (measure, word) or ("anchor", kind, unit, value)
BlockKey = tuple[str, ...]
Pair = tuple[ClaimRef, ClaimRef]


def pair_key(a: ClaimRef, b: ClaimRef) -> PairKey:
    """The same key for (a, b) and (b, a)."""
    ka, kb = a.key, b.key
    return (ka, kb) if ka <= kb else (kb, ka)


#: a confident decision between two members of a group as the join keeps it: the
#: two claims and the decision, or its packed form (:func:`pack_verdict`)
Joined = tuple[ClaimRef, ClaimRef, "Decision | PackedVerdict"]


@attrs.frozen(kw_only=True, eq=False)
class FactGroup:
    """Claims that state one fact, and the decisions that joined them.

    The join gives its decisions as it holds them (``joined``: claims and packed
    verdicts); they become :class:`Decision` values when first read, in the process
    that reads them (with ``--jobs``, the rules' workers, not the join)."""

    members: tuple[ClaimRef, ...]
    _given: tuple[Decision, ...] | None = attrs.field(
        default=None, alias="decisions", repr=False
    )
    _joined: tuple[Joined, ...] = attrs.field(default=(), alias="joined", repr=False)
    #: the decisions by pair: rules ask for the decision of every pair of members,
    #: and a scan of the decisions for each made that cubic in a group's size
    _by_pair: dict[PairKey, Decision] | None = attrs.field(
        init=False, default=None, repr=False, alias="_by_pair"
    )

    @property
    def decisions(self) -> tuple[Decision, ...]:
        """The confident decisions between members, strongest first."""
        if self._given is None:
            out = []
            for a, b, known in self._joined:
                d = (
                    known
                    if isinstance(known, Decision)
                    else unpack_verdict(known, a, b)
                )
                assert isinstance(d, Decision)
                out.append(d)
            object.__setattr__(self, "_given", tuple(out))
            object.__setattr__(self, "_joined", ())
        assert self._given is not None
        return self._given

    def decision(self, a: ClaimRef, b: ClaimRef) -> Decision | None:
        """The direct decision between two members, if one was made."""
        if self._by_pair is None:
            index: dict[PairKey, Decision] = {}
            for d in self.decisions:
                index.setdefault(pair_key(d.a, d.b), d)
            object.__setattr__(self, "_by_pair", index)
        assert self._by_pair is not None
        return self._by_pair.get(pair_key(a, b))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FactGroup):
            return NotImplemented
        return (self.members, self.decisions) == (other.members, other.decisions)

    def __hash__(self) -> int:
        return hash((self.members, self.decisions))


@attrs.frozen(kw_only=True)
class Alignment:
    """What the aligner found: fact groups (confident matches, joined) and weaker
    pairs (probable: a warning at most; possible: an info at most), never joined
    into groups, so weak evidence never chains."""

    groups: tuple[FactGroup, ...]
    possible: tuple[Decision, ...]
    #: reports of one running tally on different days (earlier report first)
    series: tuple[Decision, ...] = ()

    def aligned_keys(self) -> set[Key]:
        """Claims grouped with a claim of another document."""
        out: set[Key] = set()
        for g in self.groups:
            if len({m.doc_index for m in g.members}) > 1:
                out.update(m.key for m in g.members)
        return out


def inverse_document_frequency(df: int, n: int) -> float:
    """How telling a context word is: ``df`` of the audit's ``n`` claims share it."""
    return math.log((1 + n) / (1 + df)) + 1.0


@attrs.frozen(kw_only=True)
class CorpusStatistics:
    """What the aligner reads from the whole audit rather than from the claims it
    is given. Aligning part of an audit (``factcheck.Auditor`` checks a draft against
    the sources its claims can meet) with the whole audit's statistics makes each
    decision the one the whole audit makes."""

    #: context word → :func:`inverse_document_frequency` over the whole audit
    idf: Mapping[str, float]
    #: entity words in too many documents to tell facts apart (empty: none dropped)
    generic_entities: frozenset[str] = frozenset()
    #: main names in too many documents (empty: none dropped)
    generic_names: frozenset[str] = frozenset()
    #: blocking keys whose block is larger than ``MAX_BLOCK`` in the whole audit
    oversized: Container[tuple[str, ...]] = frozenset()


class Aligner(Protocol):
    """The seam of the align stage: framed claims in, fact groups with evidence out."""

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        """Group the claims (each carrying its frame) into facts."""
        ...


#: what deciding one pair gives: a decision, a veto, or nothing to remember
Verdict = Decision | Veto | None
#: finds and scores the candidate pairs (:meth:`Scoring.candidates`, judged by
#: :meth:`Scoring.judge`): an engine's process pool or cluster, block by block;
#: it must give the pairs and verdicts this process would (in any order)
PairScorer = Callable[["Scoring"], "Iterable[tuple[Pair, Verdict]] | Numbered"]


#: what :meth:`FrameAligner.prepare` reads of one document: each claim's context
#: (aliases folded) and the document's main names
DocumentReading = tuple[dict[Key, Context], frozenset[str]]
#: reads documents (each given as its claims, in order) with an alias table, one
#: reading per document in order; an engine's workers may stand in for
#: :func:`read_documents`
DocumentReader = Callable[
    [Sequence[Sequence[ClaimRef]], Mapping[str, str]], Sequence[DocumentReading]
]


def read_documents(
    documents: Sequence[Sequence[ClaimRef]], table: Mapping[str, str]
) -> list[DocumentReading]:
    """Each document's claim contexts (aliases in ``table`` folded) and main names,
    in order: the per-document part of :meth:`FrameAligner.prepare`."""
    from factcheck.align import _aliased, main_names  # noqa: PLC0415

    out: list[DocumentReading] = []
    for refs in documents:
        spans = [(r.claim.span.start, r.claim.span.end) for r in refs]
        contexts = {r.key: context_of(r, spans) for r in refs}
        if table:
            contexts = {k: _aliased(c, table) for k, c in contexts.items()}
        out.append((contexts, main_names(refs[0].document.prose, table)))
    return out


@attrs.frozen(kw_only=True)
class Scoring:
    """What deciding a pair reads, computed once over all claims of an audit: each
    claim's context words, the words' weights, each document's main names, and the
    stated equivalents. Picklable: a worker process may score pairs with it."""

    refs: tuple[ClaimRef, ...]
    contexts: Mapping[Key, Context]
    idf: Mapping[str, float]
    names: Mapping[int, frozenset[str]]
    topics: Mapping[int, frozenset[str]]
    anchors: Mapping[Key, ClaimRef]
    #: the claims that are their document's only figure of their attribute
    #: (:func:`~factcheck.align.decide.lone_figures`)
    lone: Mapping[Key, bool] = attrs.field(factory=dict)
    #: the other figures of each claim's sentence in its measure
    #: (:func:`~factcheck.align.decide.sentence_mates`)
    mates: Mapping[Key, tuple[Mate, ...]] = attrs.field(factory=dict)
    #: blocks larger than ``MAX_BLOCK`` in the whole audit, when these claims are
    #: part of it (None: judged by the blocks' sizes here)
    oversized: Container[BlockKey] | None = None

    def judge(self, a: ClaimRef, b: ClaimRef) -> Verdict:
        """The decision on one pair (a veto's reason dropped unless it is a series)."""
        found = decide(
            a,
            b,
            topics=self.topics,
            contexts=self.contexts,
            idf=self.idf,
            anchors=self.anchors,
            lone=self.lone,
            mates=self.mates,
        )
        if isinstance(found, Veto) and found.series is None:
            return _VETO  # kept for its verdict only: the reason is not read
        return found

    def score(self, pairs: Sequence[Pair]) -> list[Verdict]:
        """:meth:`judge` over candidate pairs, in order."""
        return [self.judge(a, b) for a, b in pairs]

    def blocking_keys(self, ref: ClaimRef) -> list[BlockKey]:
        """The blocks a claim is indexed under (see :func:`_candidates`)."""
        return blocking_keys(ref, self.names, self.anchors)

    def candidates(self) -> Iterator[Pair]:
        """Pairs that share a block, each once, block by block in key order."""
        return _candidates(
            self.refs, self.names, self.anchors, oversized=self.oversized
        )

    def admits(self, i: int, j: int) -> bool:
        """Whether claims number ``i`` and ``j`` may be paired in a block of the
        amount they state (:func:`amount_is_evidence`)."""
        return amount_is_evidence(self.refs[i], self.refs[j])

    def blocks(self) -> Blocks:
        """The searched blocks, in key order, as claim numbers (positions in
        ``refs``), with each claim's searched keys: what an engine needs to split
        the candidate search by block (:func:`block_pairs`)."""
        index: dict[BlockKey, list[int]] = defaultdict(list)
        keys: list[list[BlockKey]] = []
        for i, r in enumerate(self.refs):
            mine = self.blocking_keys(r)
            keys.append(mine)
            for key in mine:
                index[key].append(i)
        unsearched = {
            k
            for k, b in index.items()
            if (
                not is_searched(k, len(b))
                if self.oversized is None
                else k in self.oversized
            )
        }
        return Blocks(
            blocks=tuple(
                (key, tuple(index[key]))
                for key in sorted(index)
                if key not in unsearched
            ),
            keys=tuple(frozenset(k) - unsearched for k in keys),
        )


@attrs.frozen(kw_only=True)
class Blocks:
    """The candidate search cut by block (see :meth:`Scoring.blocks`)."""

    #: (key, claim numbers in order) of each searched block, in key order
    blocks: tuple[tuple[BlockKey, tuple[int, ...]], ...]
    #: each claim's searched blocks
    keys: tuple[frozenset[BlockKey], ...]


def block_pairs(
    key: BlockKey,
    members: Sequence[int],
    keys: Callable[[int], frozenset[BlockKey]],
    admits: Callable[[int, int], bool] | None = None,
    refs: Sequence[ClaimRef] | None = None,
) -> Iterator[tuple[int, int]]:
    """The candidate pairs (claim numbers, earlier first) a block is the first to
    hold, in key order: each pair of the search comes from exactly one block, as
    :func:`_candidates` gives it, wherever that block is searched. A stated
    amount's block holds only the pairs ``admits`` (the amount is evidence for
    them: :func:`amount_is_evidence`); the others fall to their next block. Given
    the claims (``refs``, by number), a stated amount's block finds its pairs by
    date (:func:`_anchor_pairs`) instead of trying each: an amount printed across
    an archive is in thousands of reports."""

    # the pair's owner is the first key (in key order) both claims hold that
    # holds the pair; this block is it when it holds the pair and no key before
    # it does (only a claim's keys before this one are looked at: for most
    # claims, none)
    def holds(k: BlockKey, i: int, j: int) -> bool:
        return k[0] != "anchor" or admits is None or admits(i, j)

    pairs: Iterable[tuple[int, int]]
    if key[0] == "anchor" and refs is not None:
        pairs = (
            (members[x], members[y])
            for x, y in _anchor_positions([refs[m] for m in members])
        )
    else:
        pairs = (
            (i, j)
            for x, i in enumerate(members)
            for j in members[x + 1 :]
            if holds(key, i, j)
        )
    last, before = -1, []
    for i, j in pairs:
        if i == j:
            continue
        if i != last:
            last, before = i, [k for k in keys(i) if k < key]
        if before:
            theirs = keys(j)
            if any(k in theirs and holds(k, i, j) for k in before):
                continue
        yield i, j


@attrs.frozen(kw_only=True)
class FrameAligner:
    """The built-in aligner: frames decide, context words weigh in.

    Its work is three steps any engine may split: :meth:`prepare` (over all
    claims), scoring the candidate pairs block by block (``scorer``: by default in
    this process), and :meth:`join` (fact groups by union-find with cannot-links, in
    one place, so the groups never depend on how the scoring was split)."""

    #: a name to its other names ("Moonshot AI": ["Moonshot"])
    aliases: Mapping[str, Sequence[str]] = attrs.field(factory=dict)
    #: who scores the candidate pairs (None: this process, in order)
    scorer: PairScorer | None = attrs.field(default=None, eq=False, repr=False)
    #: who reads each document's claim contexts and main names for
    #: :meth:`prepare` (None: :func:`read_documents`, in this process)
    reader: DocumentReader | None = attrs.field(default=None, eq=False, repr=False)
    #: the whole audit's statistics when ``align`` is given part of it (default:
    #: read from the claims given)
    statistics: CorpusStatistics | None = None
    #: align only these claims (default: all); the others still bound their
    #: neighbours' clauses and stand as anchors (part of an audit, as above)
    focus: Container[Key] | None = None

    def blocks(self, refs: Sequence[ClaimRef]) -> dict[BlockKey, list[ClaimRef]]:
        """The blocks the candidate search pairs claims in, each claim in every
        block of its keys: (measure, holder word or, naming none, topic name or
        ``doc:N``) and ("anchor", kind, unit, value) for a specific stated amount.
        Blocks over ``MAX_BLOCK`` other than anchors are skipped by the search."""
        scoring = self.prepare(refs)
        return _blocks(scoring.refs, scoring.names, scoring.anchors)

    def candidates(self, refs: Sequence[ClaimRef]) -> Iterator[Pair]:
        """The pairs :meth:`align` decides, each once: pairs sharing a block (an
        amount's block only where the amount is evidence: see
        :func:`amount_is_evidence`)."""
        return self.prepare(refs).candidates()

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        scoring = self.prepare(refs)
        if self.scorer is not None:
            return self.join(scoring, self.scorer(scoring))
        pairs = list(scoring.candidates())
        return self.join(scoring, zip(pairs, scoring.score(pairs), strict=True))

    def prepare(self, refs: Sequence[ClaimRef]) -> Scoring:
        """What scoring reads, over all claims (document frequencies and generic
        names are counted over the whole audit, or taken from ``statistics``)."""
        from factcheck.align import (  # noqa: PLC0415
            _drop_generic,
            _without_entities,
            _without_generic_names,
            alias_table,
        )

        table = alias_table(self.aliases)
        every = refs
        refs = [r for r in refs if self.focus is None or r.key in self.focus]
        focused = {r.doc_index for r in refs}
        by_doc: dict[int, list[ClaimRef]] = defaultdict(list)
        for r in every:
            if r.doc_index in focused:
                by_doc[r.doc_index].append(r)  # every claim bounds its neighbours
        groups = [by_doc[i] for i in sorted(by_doc)]
        read = (self.reader or read_documents)(groups, table)
        each: dict[Key, Context] = {}
        for found, _ in read:
            each.update(found)
        contexts = {r.key: each[r.key] for r in refs}
        names = {i: ns for i, (_, ns) in zip(sorted(by_doc), read, strict=True)}
        stats = self.statistics
        idf: Mapping[str, float]
        if stats is None:
            contexts = _without_generic_names(refs, contexts)
            df: dict[str, int] = defaultdict(int)
            for c in contexts.values():
                for w in c.words:
                    df[w] += 1
            n = max(len(contexts), 1)
            idf = {w: inverse_document_frequency(d, n) for w, d in df.items()}
            if len(names) > 10:
                names = _drop_generic(names)
        else:
            contexts = _without_entities(contexts, stats.generic_entities)
            idf = stats.idf
            if stats.generic_names:
                names = {i: ns - stats.generic_names for i, ns in names.items()}
        anchors = anchors_of(every)
        return Scoring(
            refs=tuple(refs),
            contexts=contexts,
            idf=idf,
            names=names,
            topics={i: frozenset(ns) for i, ns in names.items()},
            anchors=anchors,
            lone=lone_figures((r for i in sorted(by_doc) for r in by_doc[i]), anchors),
            mates=sentence_mates(refs),
            oversized=None if stats is None else stats.oversized,
        )

    def join(
        self, scoring: Scoring, scored: Iterable[tuple[Pair, Verdict]] | Numbered
    ) -> Alignment:
        """Fact groups from the scored candidate pairs: confident decisions joined
        by union-find, strongest first, unless a pair across the two groups is
        vetoed (a cannot-link; pairs never scored are decided here). ``scored``
        may come as claim numbers with packed verdicts (:class:`Numbered`, what
        an engine's workers send back): a verdict is then unpacked only if the
        join reads more of it than that it is a veto."""
        refs = scoring.refs
        count = len(refs)
        # claims by number (position in ``refs``), ordered by rank (the order of
        # their keys, as the workers ranked them if they did), a pair by one int:
        # the join touches every scored pair; pairs that come as claims need the
        # claims' numbers
        given = isinstance(scored, Numbered)
        number = {} if given else {r.key: n for n, r in enumerate(refs)}
        rank = (
            scored.ranks
            if isinstance(scored, Numbered) and scored.ranks
            else claim_ranks(refs)
        )
        # every pair judged (by number: i * count + j, i < j): is it a veto?
        vetoes: dict[int, bool] = {}
        # (−confidence, ranks of its two claims, their numbers, the decision or
        # its packed form): the union-find's order, as a sort of plain tuples
        confident: list[Confident] = []
        if isinstance(scored, Numbered):
            vetoes = dict.fromkeys(scored.vetoes, True)
            vetoes.update((c[3] * count + c[4], False) for c in scored.confident)
            confident = list(scored.confident)
        # decisions short of confident and series, with their claims' numbers
        weak: list[tuple[int, int, Decision | Veto]] = []
        for i, j, verdict in _numbered(scored, number):
            if verdict is None:
                continue  # nothing to remember: judged again if ever asked
            vetoes[i * count + j if i < j else j * count + i] = _is_veto(verdict)
            if isinstance(verdict, str):
                continue  # a bare veto: only its being one is read
            if isinstance(verdict, tuple):
                if verdict[0] == "decision" and verdict[2] == "confident":
                    conf = -verdict[1]
                    confident.append((conf, rank[i], rank[j], i, j, verdict))
                    continue
                verdict = unpack_verdict(verdict, refs[i], refs[j])  # noqa: PLW2901
            if isinstance(verdict, Decision) and verdict.level == "confident":
                # an unpacked verdict's claims are (i, j); a judged one's may be
                # the other way round
                a, b = (
                    (i, j) if given else (number[verdict.a.key], number[verdict.b.key])
                )
                conf = -verdict.confidence
                confident.append((conf, rank[a], rank[b], a, b, verdict))
            elif _is_weak(verdict):
                weak.append((i, j, verdict))  # type: ignore[arg-type]
        confident.sort()  # no two tie on (−confidence, ranks): no verdict compared

        def cannot_link(ma: list[int], mb: list[int]) -> bool:
            for x in ma:
                for y in mb:
                    code = x * count + y if x < y else y * count + x
                    found = vetoes.get(code)
                    if found is None:  # never judged: decided here
                        verdict = scoring.judge(refs[x], refs[y])
                        found = vetoes[code] = isinstance(verdict, Veto)
                        if _is_weak(verdict):
                            weak.append((x, y, verdict))  # type: ignore[arg-type]
                    if found:
                        return True
            return False

        # each claim's group (by its root's number) and each group's members: a
        # merge relabels the joining group's members, as it copies them anyway
        root_of = list(range(count))
        members: dict[int, list[int]] = {}
        for _, _, _, a, b, _ in confident:
            ra, rb = root_of[a], root_of[b]
            if ra == rb:
                continue
            ma, mb = members.get(ra, [ra]), members.get(rb, [rb])
            if cannot_link(ma, mb):
                continue  # a cannot-link: the two groups hold different facts
            for n in mb:
                root_of[n] = ra
            members[ra] = ma + mb
            members.pop(rb, None)
        by_root: dict[int, list[Joined]] = defaultdict(list)
        for _, _, _, a, b, known in confident:
            root = root_of[a]
            if root == root_of[b]:
                by_root[root].append((refs[a], refs[b], known))
        groups = []
        grouped: set[int] = set()
        for root in sorted(members, key=rank.__getitem__):
            numbers = members[root]
            groups.append(
                FactGroup(
                    members=tuple(
                        refs[n] for n in sorted(numbers, key=rank.__getitem__)
                    ),
                    joined=tuple(by_root.get(root, ())),
                )
            )
            grouped.update(numbers)
        possible = []
        series = []
        for a, b, verdict in weak:
            if isinstance(verdict, Decision):
                if not (a in grouped and root_of[a] == root_of[b]):
                    possible.append(verdict)
            elif verdict.series is not None and verdict.series.level != "possible":
                series.append(_earlier_first(verdict.series))
        possible.sort(key=lambda d: (d.a.key, d.b.key))
        series.sort(key=lambda d: (d.a.key, d.b.key))

        def apart(x: ClaimRef, y: ClaimRef) -> bool:
            """Whether two claims were judged different facts (judged here if
            never judged)."""
            i, j = number_of(x), number_of(y)
            code = i * count + j if i < j else j * count + i
            found = vetoes.get(code)
            if found is None:
                found = vetoes[code] = isinstance(scoring.judge(x, y), Veto)
            return found

        def number_of(ref: ClaimRef) -> int:
            if not number:  # claims that came as numbers are numbered here, once
                number.update((r.key, n) for n, r in enumerate(refs))
            return number[ref.key]

        return Alignment(
            groups=tuple(groups),
            possible=tuple(swapped_pairs(possible, apart)),
            series=tuple(series),
        )


def swapped_pairs(
    possible: Sequence[Decision], apart: Callable[[ClaimRef, ClaimRef], bool]
) -> list[Decision]:
    """The weak pairs, each of two that exchange their figures between the same two
    reports made surer by :data:`~factcheck.align.thresholds.SWAPPED` (at most
    probable): report A's x1 against B's y1 and A's x2 against B's y2, where x1
    states y2's figure and x2 y1's, two different figures, and the claims that
    print one figure are judged different facts (``apart``: "45 dead" is not "45
    missing"; where they are one fact, both reports state both figures). In
    order."""
    by_docs: dict[tuple[int, int], list[int]] = defaultdict(list)
    for n, d in enumerate(possible):
        if d.a.doc_index != d.b.doc_index:
            by_docs[(d.a.doc_index, d.b.doc_index)].append(n)
    partner: dict[int, int] = {}
    for ns in by_docs.values():
        for k, n1 in enumerate(ns):
            for n2 in ns[k + 1 :]:
                d1, d2 = possible[n1], possible[n2]
                if (
                    d1.a.key != d2.a.key
                    and d1.b.key != d2.b.key
                    and _same_figure(d1.a.claim, d2.b.claim)
                    and _same_figure(d2.a.claim, d1.b.claim)
                    and not _same_figure(d1.a.claim, d2.a.claim)
                    and apart(d1.a, d2.b)
                    and apart(d2.a, d1.b)
                ):
                    partner.setdefault(n1, n2)
                    partner.setdefault(n2, n1)
    out = list(possible)
    for n, m in partner.items():
        d, other = possible[n], possible[m]
        confidence = d.confidence + T.SWAPPED
        level: Level = "probable" if confidence >= T.PROBABLE else d.level
        out[n] = attrs.evolve(
            d,
            confidence=confidence,
            level=level,
            evidence=(
                *d.evidence,
                f"two figures exchanged: {_where(d.a)} gives {d.a.claim.text!r} and "
                f"{other.a.claim.text!r} where {_where(d.b)} gives "
                f"{d.b.claim.text!r} and {other.b.claim.text!r}; confidence "
                f"{confidence:.2f} ({level})",
            ),
        )
    return out


def _where(ref: ClaimRef) -> str:
    return ref.document.outlet or ref.document.path


def _same_figure(a: Claim, b: Claim) -> bool:
    """One figure as two reports print it: one unit, values within the coarser
    one's rounding."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    return abs(a.value - b.value) <= max(a.precision, b.precision) / 2


#: a confident decision as the join sorts it: (−confidence, the ranks of its two
#: claims (:func:`claim_ranks`), their numbers, the decision or its packed form)
Confident = tuple[float, int, int, int, int, "Decision | PackedVerdict"]


def claim_ranks(refs: Sequence[ClaimRef]) -> list[int]:
    """Each claim's place (by number: position in ``refs``) in the order of the
    claims' keys."""
    rank = [0] * len(refs)
    for place, n in enumerate(sorted(range(len(refs)), key=lambda n: refs[n].key)):
        rank[n] = place
    return rank


def confident_row(
    i: int, j: int, packed: PackedVerdict, rank: Sequence[int]
) -> Confident | None:
    """A packed verdict on claims ``i`` < ``j`` as the join sorts it, if it is a
    confident decision (see :class:`Numbered`)."""
    if not isinstance(packed, tuple) or packed[0] != "decision":
        return None
    if packed[2] != "confident":
        return None
    return (-packed[1], rank[i], rank[j], i, j, packed)


@attrs.frozen
class Numbered:
    """Scored candidate pairs as an engine's workers send them back: (claim number,
    claim number, packed verdict) rows, numbers being positions in
    :attr:`Scoring.refs` (see :func:`pack_verdict`), and the pairs vetoed for no
    reason the join reads, each as one number (``i * len(refs) + j``, ``i < j``:
    half of an audit's pairs, sent as plain ints). ``confident``: the confident
    decisions, ready for the join's sort (:func:`confident_row`: made by the
    workers, not one by one in the join), the other verdicts being ``rows``."""

    rows: Sequence[tuple[int, int, PackedVerdict]]
    vetoes: Sequence[int] = ()
    confident: Sequence[Confident] = ()
    #: the ranks ``confident`` was made with (:func:`claim_ranks`), so the join
    #: does not rank the claims again (empty: the join ranks them)
    ranks: Sequence[int] = ()


def _numbered(
    scored: Iterable[tuple[Pair, Verdict]] | Numbered, number: Mapping[Key, int]
) -> Iterable[tuple[int, int, Verdict | PackedVerdict]]:
    """Scored pairs as (claim number, claim number, verdict or packed verdict)."""
    if isinstance(scored, Numbered):
        return scored.rows
    return ((number[a.key], number[b.key], v) for (a, b), v in scored)


def _is_weak(verdict: Verdict) -> bool:
    """Whether a verdict is remembered beside the groups: a decision short of
    confident (a possible pair), or a veto that found a running tally (a series)."""
    if isinstance(verdict, Decision):
        return verdict.level != "confident"
    return isinstance(verdict, Veto) and verdict.series is not None


def _is_veto(verdict: Verdict | PackedVerdict) -> bool:
    """Whether a verdict (or a packed one) is a veto: a cannot-link."""
    if isinstance(verdict, str):
        return True
    if isinstance(verdict, tuple):
        return verdict[0] == "series"
    return isinstance(verdict, Veto)


#: the verdict of a veto whose reason is no longer needed (one shared object: an
#: audit judges millions of pairs at scale)
_VETO = Veto(reason="different facts")


#: a verdict as it travels between processes: without its two claims (the
#: receiver has them), so a pair costs a few bytes, not two documents' text
PackedVerdict = tuple[str, float, str, tuple[str, ...]] | str | None


def pack_verdict(verdict: Verdict) -> PackedVerdict:
    """A verdict without its claims (see :func:`unpack_verdict`)."""
    if verdict is None:
        return None
    if isinstance(verdict, Veto):
        if verdict.series is None:
            return "veto"
        d = verdict.series
        return ("series", d.confidence, d.level, d.evidence)
    return ("decision", verdict.confidence, verdict.level, verdict.evidence)


def unpack_verdict(packed: PackedVerdict, a: ClaimRef, b: ClaimRef) -> Verdict:
    """The verdict on ``a`` and ``b`` that :func:`pack_verdict` packed."""
    if packed is None:
        return None
    if isinstance(packed, str):
        return _VETO
    kind, confidence, level, evidence = packed
    decision = Decision(
        a=a,
        b=b,
        confidence=confidence,
        level=level,  # type: ignore[arg-type]
        evidence=evidence,
    )
    if kind == "series":
        return Veto(reason="a running tally on different days", series=decision)
    return decision


def _earlier_first(d: Decision) -> Decision:
    da, db = d.a.document.published, d.b.document.published
    if da is not None and db is not None and db < da:
        return attrs.evolve(d, a=d.b, b=d.a)
    return d


def blocking_keys(
    ref: ClaimRef,
    names: Mapping[int, frozenset[str]],
    anchors: Mapping[Key, ClaimRef],
) -> list[BlockKey]:
    """The blocks a claim is indexed under: its measure with each word of its holder
    (or, naming none, its document's main names, or else its document), and the
    specific amount it states or restates."""
    out: list[BlockKey] = []
    measure = measure_of(ref.claim)
    frame = ref.claim.frame
    # an agent holds nothing ("regulators fined X"): like a claim naming no holder
    named = frame is not None and frame.holder_source != "agent"
    words: set[str] = set(frame.holder_key if named and frame else ())
    if (
        not words
        or (frame is not None and not story_frame(ref).holder_key)
        # "the town recorded minus 67.8C": a word that points back at the story's
        # subject is found by the story's names too
        or words <= anaphor_keys()
        # "Britain recorded 72.5 degrees" against "40.3C at RAF Coningsby ... in
        # the UK": a country is where the story happens, which its reports name
        # each its own way
        or words <= country_keys()
    ):
        # "the earthquake killed seven": a toll of the story's own event is also
        # the story's, found by its names
        words.update(names.get(ref.doc_index, frozenset()))
    out.extend((measure, w) for w in sorted(words))
    if not words:
        out.append((measure, f"doc:{ref.doc_index}"))
    # two moments of a running tally differ by design: their digits prove nothing
    running = frame is not None and frame.attribute in lexicon().running
    slip = None if running else slip_key(ref.claim)
    if slip is not None:
        # "$60.5 million" and "a $50.6 million posting fee", "Rs 43,084 crore" and
        # "Rs 43,804 crore": one figure copied with its digits swapped or its
        # decimal moved meets its other printings whatever holder each names; a
        # block paired by date, like a stated amount's (two news cycles apart, the
        # same digits are a coincidence), and by each of the story's main names:
        # a slip is told only between reports of one story (``SLIP_STORY_NAMES``
        # shared names), and an archive's month prints the same three digits in
        # thousands of unrelated stories
        out.extend(
            ("anchor", f"slip:{measure}", slip, name)
            for name in sorted(names.get(ref.doc_index, ()))
        )
    anchor = anchor_key(ref, anchors)
    if anchor is not None:
        out.append(("anchor", anchor[0], str(anchor[1]), str(anchor[2])))
    of = share_anchor(ref, anchors)
    if of is not None:
        # "280.04 million, or 19.8 per cent": shares of one stated amount meet
        out.append(("anchor", f"share:{of.kind}", str(of.unit), str(of.value)))
    return out


def slip_key(claim: Claim) -> str | None:
    """The block of the figures that print a claim's significant digits (at least
    ``SLIP_STAGE_DIGITS`` of them) in any order or scale: the printings a digit
    slip (:func:`~factcheck.align.decide.digit_slip`) may have made of it."""
    if claim.kind not in ("money", "count", "quantity", "percent"):
        return None
    if claim.qualifier == "range" or claim.value == 0:
        return None
    digits = mantissa_digits(claim.value)
    if len(digits) < T.SLIP_STAGE_DIGITS or len(set(digits)) == 1:
        return None
    return "slip:" + "".join(sorted(digits))


def is_searched(key: BlockKey, size: int) -> bool:
    """Whether a block's pairs are decided: blocks larger than ``MAX_BLOCK`` say
    nothing (a stated amount's block always counts)."""
    return size <= T.MAX_BLOCK or key[0] == "anchor"


def is_oversized(key: BlockKey, size: int) -> bool:
    """Whether a block says nothing: larger than ``MAX_BLOCK`` (never a stated
    amount's). The opposite of :func:`is_searched`."""
    return not is_searched(key, size)


def amount_is_evidence(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether one stated amount printed by two reports is evidence they state one
    fact, so a block of that amount may pair them (see ``decide``: reports within
    ``NEWS_CYCLE_DAYS`` of each other, or undated, or naming the same holder). A
    common amount ("24 hours", "44%") is printed by thousands of unrelated reports
    of an archive, and pairing them all grows as the square of the archive."""
    da, db = a.document.published, b.document.published
    if da is None or db is None or abs((da - db).days) <= T.NEWS_CYCLE_DAYS:
        return True
    fa, fb = a.claim.frame, b.claim.frame
    ka = frozenset(fa.holder_key if fa else ())
    return bool(ka) and ka == frozenset(fb.holder_key if fb else ())


def _candidates(
    refs: Sequence[ClaimRef],
    names: Mapping[int, frozenset[str]],
    anchors: Mapping[Key, ClaimRef],
    *,
    oversized: Container[BlockKey] | None = None,
) -> Iterator[Pair]:
    """Pairs that share a blocking key (:func:`blocking_keys`), each once, in the
    first block (in key order) that holds both, the earlier claim first; a stated
    amount's block holds only the pairs the amount is evidence for
    (:func:`amount_is_evidence`). Blocks larger than ``MAX_BLOCK`` (in the whole
    audit: ``oversized``) say nothing and are skipped."""
    index = _blocks(refs, names, anchors)
    seen: set[PairKey] = set()
    for key in sorted(index):
        block = index[key]
        if is_oversized(key, len(block)) if oversized is None else key in oversized:
            continue
        pairs = _anchor_pairs(block) if key[0] == "anchor" else _all_pairs(block)
        for a, b in pairs:
            pair = pair_key(a, b)
            if a.key == b.key or pair in seen:
                continue
            seen.add(pair)
            yield a, b


def _blocks(
    refs: Sequence[ClaimRef],
    names: Mapping[int, frozenset[str]],
    anchors: Mapping[Key, ClaimRef],
) -> dict[BlockKey, list[ClaimRef]]:
    index: dict[BlockKey, list[ClaimRef]] = defaultdict(list)
    for r in refs:
        for key in blocking_keys(r, names, anchors):
            index[key].append(r)
    return index


def _all_pairs(block: Sequence[ClaimRef]) -> Iterator[Pair]:
    for i, a in enumerate(block):
        for b in block[i + 1 :]:
            yield a, b


def _anchor_pairs(block: Sequence[ClaimRef]) -> Iterator[Pair]:
    """The pairs of one stated amount for which that amount is evidence (see
    ``decide``: reports within ``NEWS_CYCLE_DAYS`` of each other, or undated, or
    naming the same holder), each in block order, not every pair: a common amount
    ("24 hours", "44%") is printed by thousands of unrelated reports of an archive,
    and pairing them all grows as the square of the archive."""
    for i, j in _anchor_positions(block):
        yield block[i], block[j]


def _anchor_positions(block: Sequence[ClaimRef]) -> list[tuple[int, int]]:
    """:func:`_anchor_pairs` as positions in the block, in order."""
    undated = [i for i, r in enumerate(block) if r.document.published is None]
    dated = sorted(
        (i for i, r in enumerate(block) if r.document.published is not None),
        key=lambda i: (block[i].document.published, i),
    )
    admitted: list[tuple[int, int]] = list(itertools.combinations(undated, 2))
    admitted.extend((u, d) for u in undated for d in dated)
    for n, i in enumerate(dated):
        day = block[i].document.published or dt.date.min
        for j in dated[n + 1 :]:
            if ((block[j].document.published or day) - day).days > T.NEWS_CYCLE_DAYS:
                break
            admitted.append((i, j))
    by_holder: dict[frozenset[str], list[int]] = defaultdict(list)
    for i in dated:
        frame = block[i].claim.frame
        holder = frozenset(frame.holder_key if frame else ())
        if holder:
            by_holder[holder].append(i)
    for same in by_holder.values():
        admitted.extend(itertools.combinations(same, 2))
    return sorted({(min(i, j), max(i, j)) for i, j in admitted})
