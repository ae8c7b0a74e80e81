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
from collections.abc import Iterator, Mapping, Sequence
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


@attrs.frozen(kw_only=True)
class FrameAligner:
    """The built-in aligner: frames decide, context words weigh in."""

    #: a name to its other names ("Moonshot AI": ["Moonshot"])
    aliases: Mapping[str, Sequence[str]] = attrs.field(factory=dict)

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
            _without_generic_names,
            alias_table,
        )

        table = alias_table(self.aliases)
        by_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for r in refs:
            by_doc[r.doc_index].append((r.claim.span.start, r.claim.span.end))
        contexts: dict[Key, Context] = {
            r.key: context_of(r, by_doc[r.doc_index]) for r in refs
        }
        if table:
            contexts = {k: _aliased(c, table) for k, c in contexts.items()}
        contexts = _without_generic_names(refs, contexts)
        df: dict[str, int] = defaultdict(int)
        for c in contexts.values():
            for w in c.words:
                df[w] += 1
        n = max(len(contexts), 1)
        idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
        names = _names(refs, table)
        topics = {i: frozenset(ns) for i, ns in names.items()}
        anchors = _anchors(refs)
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
        for a, b in _candidates(refs, names, anchors):
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


def _candidates(
    refs: Sequence[ClaimRef],
    names: Mapping[int, frozenset[str]],
    anchors: Mapping[Key, ClaimRef],
) -> Iterator[Pair]:
    """Pairs that share a blocking key: (measure, holder word or topic name), or a
    stated amount. Blocks larger than ``MAX_BLOCK`` say nothing and are skipped."""
    index = _blocks(refs, names, anchors)
    seen: set[PairKey] = set()
    for key in sorted(index):
        block = index[key]
        if len(block) > T.MAX_BLOCK and key[0] != "anchor":
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
        measure = measure_of(r.claim)
        frame = r.claim.frame
        words: set[str] = set(frame.holder_key if frame else ())
        if not words:
            words.update(names.get(r.doc_index, frozenset()))
        for w in sorted(words):
            index[(measure, w)].append(r)
        if not words:
            index[(measure, f"doc:{r.doc_index}")].append(r)
        anchor = anchor_key(r, anchors)
        if anchor is not None:
            index[("anchor", anchor[0], str(anchor[1]), str(anchor[2]))].append(r)
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
