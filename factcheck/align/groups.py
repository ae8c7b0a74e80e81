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
from collections.abc import Container, Iterator, Mapping, Sequence
from typing import Protocol

import attrs

from factcheck.align import thresholds as T
from factcheck.align.context import ClaimRef, Context, context_of
from factcheck.align.decide import Decision, Veto, anchor_key, decide, measure_of

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


@attrs.frozen(kw_only=True)
class FactGroup:
    """Claims that state one fact, and the decisions that joined them."""

    members: tuple[ClaimRef, ...]
    decisions: tuple[Decision, ...]
    #: the decisions by pair: rules ask for the decision of every pair of members,
    #: and a scan of the decisions for each made that cubic in a group's size
    _by_pair: dict[PairKey, Decision] = attrs.field(
        init=False, eq=False, repr=False, alias="_by_pair"
    )

    @_by_pair.default
    def _index(self) -> dict[PairKey, Decision]:
        out: dict[PairKey, Decision] = {}
        for d in self.decisions:
            out.setdefault(pair_key(d.a, d.b), d)
        return out

    def decision(self, a: ClaimRef, b: ClaimRef) -> Decision | None:
        """The direct decision between two members, if one was made."""
        return self._by_pair.get(pair_key(a, b))


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


class Aligner(Protocol):
    """The seam of the align stage: framed claims in, fact groups with evidence out."""

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        """Group the claims (each carrying its frame) into facts."""
        ...


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


@attrs.frozen(kw_only=True)
class FrameAligner:
    """The built-in aligner: frames decide, context words weigh in."""

    #: a name to its other names ("Moonshot AI": ["Moonshot"])
    aliases: Mapping[str, Sequence[str]] = attrs.field(factory=dict)
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
        from factcheck.align import alias_table  # noqa: PLC0415

        return _blocks(refs, _names(refs, alias_table(self.aliases)), _anchors(refs))

    def candidates(self, refs: Sequence[ClaimRef]) -> Iterator[Pair]:
        """The pairs :meth:`align` decides, each once: pairs sharing a block (an
        amount's block only where the amount is evidence: see ``_anchor_pairs``)."""
        from factcheck.align import alias_table  # noqa: PLC0415

        names = _names(refs, alias_table(self.aliases))
        return _candidates(refs, names, _anchors(refs))

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        from factcheck.align import (  # noqa: PLC0415
            _aliased,
            _drop_generic,
            _without_entities,
            _without_generic_names,
            alias_table,
            main_names,
        )

        table = alias_table(self.aliases)
        by_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for r in refs:
            by_doc[r.doc_index].append((r.claim.span.start, r.claim.span.end))
        every, refs = (
            refs,
            [r for r in refs if self.focus is None or r.key in self.focus],
        )
        contexts: dict[Key, Context] = {
            r.key: context_of(r, by_doc[r.doc_index]) for r in refs
        }
        if table:
            contexts = {k: _aliased(c, table) for k, c in contexts.items()}
        stats = self.statistics
        documents = {r.doc_index: r.document for r in refs}
        names = {i: main_names(d.prose, table) for i, d in sorted(documents.items())}
        idf: Mapping[str, float]
        if stats is None:
            contexts = _without_generic_names(refs, contexts)
            df: dict[str, int] = defaultdict(int)
            for c in contexts.values():
                for w in c.words:
                    df[w] += 1
            n = max(len(contexts), 1)
            idf = {w: inverse_document_frequency(d, n) for w, d in df.items()}
            if len(documents) > 10:
                names = _drop_generic(names)
        else:
            contexts = _without_entities(contexts, stats.generic_entities)
            idf = stats.idf
            if stats.generic_names:
                names = {i: ns - stats.generic_names for i, ns in names.items()}
        topics = {i: frozenset(ns) for i, ns in names.items()}
        anchors = _anchors(every)
        decided: dict[PairKey, Decision | Veto | None] = {}

        def judge(a: ClaimRef, b: ClaimRef) -> Decision | Veto | None:
            pair = pair_key(a, b)
            if pair not in decided:
                found = decide(
                    a, b, topics=topics, contexts=contexts, idf=idf, anchors=anchors
                )
                if isinstance(found, Veto) and found.series is None:
                    found = _VETO  # kept for its verdict only: the reason is not read
                decided[pair] = found
            return decided[pair]

        by_key = {r.key: r for r in refs}
        oversized = None if stats is None else stats.oversized
        for a, b in _candidates(refs, names, anchors, oversized=oversized):
            if judge(a, b) is None:
                del decided[pair_key(a, b)]  # nothing to remember
        confident = sorted(
            (
                d
                for d in decided.values()
                if isinstance(d, Decision) and d.level == "confident"
            ),
            key=lambda d: (-d.confidence, d.a.key, d.b.key),
        )
        parent: dict[Key, Key] = {}
        members: dict[Key, list[Key]] = {}

        def find(k: Key) -> Key:
            root = k
            while parent.get(root, root) != root:
                root = parent[root]
            while parent.get(k, k) != root:  # path compression
                parent[k], k = root, parent[k]
            return root

        for d in confident:
            ra, rb = find(d.a.key), find(d.b.key)
            if ra == rb:
                continue
            ma, mb = members.get(ra, [ra]), members.get(rb, [rb])
            if any(
                isinstance(judge(by_key[x], by_key[y]), Veto) for x in ma for y in mb
            ):
                continue  # a cannot-link: the two groups hold different facts
            parent[rb] = ra
            members[ra] = ma + mb
            members.pop(rb, None)
        groups = []
        grouped: set[Key] = set()
        by_root: dict[Key, list[Decision]] = defaultdict(list)
        for d in confident:
            root = find(d.a.key)
            if root == find(d.b.key):
                by_root[root].append(d)
        for root, keys in sorted(members.items()):
            decisions = tuple(by_root.get(root, ()))
            groups.append(
                FactGroup(
                    members=tuple(by_key[k] for k in sorted(keys)), decisions=decisions
                )
            )
            grouped.update(keys)
        possible = tuple(
            sorted(
                (
                    d
                    for d in decided.values()
                    if isinstance(d, Decision)
                    and d.level != "confident"
                    and not (d.a.key in grouped and find(d.a.key) == find(d.b.key))
                ),
                key=lambda d: (d.a.key, d.b.key),
            )
        )
        series = tuple(
            sorted(
                (
                    _earlier_first(d.series)
                    for d in decided.values()
                    if isinstance(d, Veto)
                    and d.series is not None
                    and d.series.level != "possible"
                ),
                key=lambda d: (d.a.key, d.b.key),
            )
        )
        return Alignment(groups=tuple(groups), possible=possible, series=series)


def _names(
    refs: Sequence[ClaimRef], table: Mapping[str, str]
) -> dict[int, frozenset[str]]:
    """Each document's main names (generic ones dropped in a large audit)."""
    from factcheck.align import _drop_generic, main_names  # noqa: PLC0415

    documents = {r.doc_index: r.document for r in refs}
    names = {i: main_names(d.prose, table) for i, d in sorted(documents.items())}
    if len(documents) > 10:
        names = _drop_generic(names)
    return names


#: the verdict of a veto whose reason is no longer needed (one shared object: an
#: audit judges millions of pairs at scale)
_VETO = Veto(reason="different facts")


def _earlier_first(d: Decision) -> Decision:
    da, db = d.a.document.published, d.b.document.published
    if da is not None and db is not None and db < da:
        return attrs.evolve(d, a=d.b, b=d.a)
    return d


def _anchors(refs: Sequence[ClaimRef]) -> dict[Key, ClaimRef]:
    """Each stated equivalent → the claim it restates."""
    by_key = {r.key: r for r in refs}
    out: dict[Key, ClaimRef] = {}
    for r in refs:
        if r.claim.equivalent_of is not None:
            anchor = by_key.get((r.doc_index, r.claim.equivalent_of))
            if anchor is not None:
                out[r.key] = anchor
    return out


def blocking_keys(
    ref: ClaimRef,
    names: Mapping[int, frozenset[str]],
    anchors: Mapping[Key, ClaimRef],
) -> list[tuple[str, ...]]:
    """The blocks a claim is indexed under: (measure, each word of its holder, or,
    naming none, of its document's main names), and the specific amount it states."""
    measure = measure_of(ref.claim)
    frame = ref.claim.frame
    words: set[str] = set(frame.holder_key if frame else ())
    if not words:
        words.update(names.get(ref.doc_index, frozenset()))
    keys: list[tuple[str, ...]] = [(measure, w) for w in sorted(words)]
    if not words:
        keys.append((measure, f"doc:{ref.doc_index}"))
    anchor = anchor_key(ref, anchors)
    if anchor is not None:
        keys.append(("anchor", anchor[0], str(anchor[1]), str(anchor[2])))
    return keys


def is_oversized(key: tuple[str, ...], size: int) -> bool:
    """Whether a block says nothing: larger than ``MAX_BLOCK`` (never a stated
    amount's)."""
    return size > T.MAX_BLOCK and key[0] != "anchor"


def _candidates(
    refs: Sequence[ClaimRef],
    names: Mapping[int, frozenset[str]],
    anchors: Mapping[Key, ClaimRef],
    *,
    oversized: Container[tuple[str, ...]] | None = None,
) -> Iterator[Pair]:
    """Pairs that share a blocking key (:func:`blocking_keys`); a stated amount's
    block only where the amount is evidence (``_anchor_pairs``). Blocks larger than
    ``MAX_BLOCK`` (in the whole audit: ``oversized``) say nothing and are skipped."""
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
    for i, j in sorted({(min(i, j), max(i, j)) for i, j in admitted}):
        yield block[i], block[j]
