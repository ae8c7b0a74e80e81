"""Restricted contexts (shards): a part of an audit's context on which rules of
``document`` or ``group`` scope (:data:`factcheck.rules.registry.Scope`) give
exactly their share of the findings they give on the whole context.

A shard owns some documents (a rule's walk over ``ctx.refs`` sees their claims)
and some *components* of the alignment: connected sets of claims, joined by fact
groups, possible pairs and series. A rule that reports on a claim from all the
groups and pairs it sits in (FC201 gathers a claim's conflicts into one finding)
sees them all in one shard. The shard's ``by_key`` also holds every claim of the
documents its components touch, so a claim's stated equivalent and its stated
rates are at hand. Documents and components are each owned by exactly one shard
of a plan, so the findings of all shards together are the whole context's.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from factcheck.align import Alignment, ClaimRef, Decision, FactGroup
from factcheck.model import Document, Extraction
from factcheck.rules.context import AuditContext

Key = tuple[int, str]


@attrs.frozen(kw_only=True)
class Component:
    """Claims the alignment connects (fact groups, possible pairs, series), with the
    groups and pairs among them, in the alignment's own order."""

    groups: tuple[FactGroup, ...] = ()
    possible: tuple[Decision, ...] = ()
    series: tuple[Decision, ...] = ()

    @property
    def claims(self) -> int:
        """How many claims it holds (its weight when shards are balanced)."""
        keys = {m.key for g in self.groups for m in g.members}
        keys.update(
            k for d in (*self.possible, *self.series) for k in (d.a.key, d.b.key)
        )
        return len(keys)

    @property
    def documents(self) -> frozenset[int]:
        """The documents its claims come from."""
        found = {m.doc_index for g in self.groups for m in g.members}
        found.update(
            r.doc_index for d in (*self.possible, *self.series) for r in (d.a, d.b)
        )
        return frozenset(found)


@attrs.frozen(kw_only=True)
class Shard:
    """Part of an audit for split rule evaluation: the documents whose claims it
    walks and the alignment components it reads."""

    documents: tuple[int, ...] = ()
    components: tuple[Component, ...] = ()

    @property
    def touched(self) -> frozenset[int]:
        """Every document whose claims the shard may read."""
        found = set(self.documents)
        for c in self.components:
            found.update(c.documents)
        return frozenset(found)


def components(alignment: Alignment) -> list[Component]:
    """The alignment cut into connected sets of claims, in order of each set's first
    group or pair; groups and pairs keep the alignment's order within each."""
    parent: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        root = k
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(k, k) != root:
            parent[k], k = root, parent[k]
        return root

    def union(keys: Iterable[Key]) -> None:
        it = iter(keys)
        first = find(next(it))
        for k in it:
            root = find(k)
            if root != first:
                parent[root] = first

    for g in alignment.groups:
        union(m.key for m in g.members)
    for d in (*alignment.possible, *alignment.series):
        union((d.a.key, d.b.key))
    groups: dict[Key, list[FactGroup]] = defaultdict(list)
    possible: dict[Key, list[Decision]] = defaultdict(list)
    series: dict[Key, list[Decision]] = defaultdict(list)
    order: dict[Key, int] = {}
    for g in alignment.groups:
        root = find(g.members[0].key)
        order.setdefault(root, len(order))
        groups[root].append(g)
    for into, pairs in ((possible, alignment.possible), (series, alignment.series)):
        for d in pairs:
            root = find(d.a.key)
            order.setdefault(root, len(order))
            into[root].append(d)
    return [
        Component(
            groups=tuple(groups[root]),
            possible=tuple(possible[root]),
            series=tuple(series[root]),
        )
        for root in sorted(order, key=order.__getitem__)
    ]


def plan_shards(
    ctx: AuditContext, count: int, *, alignment: bool = True
) -> list[Shard]:
    """``count`` shards (fewer if there is less to split) that together own every
    document and every component of ``ctx`` once, balanced by claims (largest
    first, each to the lightest shard). ``alignment=False``: document shards, for
    rules of ``document`` scope (they own no components)."""
    if count < 1:
        msg = f"a plan needs at least one shard, not {count}"
        raise ValueError(msg)
    claims: dict[int, int] = defaultdict(int)
    for r in ctx.refs:
        claims[r.doc_index] += 1
    items: list[tuple[int, int, Component | int]] = [
        (claims[i], i, i) for i in range(len(ctx.extractions))
    ]
    if alignment:
        items += [
            (c.claims, len(ctx.extractions) + n, c)
            for n, c in enumerate(components(ctx.alignment))
        ]
    items.sort(key=lambda t: (-t[0], t[1]))
    count = max(1, min(count, len(items)))
    heap = [(0, n) for n in range(count)]
    documents: list[list[int]] = [[] for _ in range(count)]
    parts: list[list[tuple[int, Component]]] = [[] for _ in range(count)]
    for weight, order, item in items:
        load, n = heapq.heappop(heap)
        if isinstance(item, Component):
            parts[n].append((order, item))
        else:
            documents[n].append(item)
        heapq.heappush(heap, (load + max(weight, 1), n))
    return [
        Shard(
            documents=tuple(sorted(documents[n])),
            components=tuple(c for _, c in sorted(parts[n], key=lambda t: t[0])),
        )
        for n in range(count)
        if documents[n] or parts[n]
    ]


#: what stands in for a document a shard does not read (one shared object, so a
#: shard sent to another machine carries no other document's text)
_ABSENT = Extraction(document=Document(path="<outside this shard>", text=""), claims=())


def shard_context(
    ctx: AuditContext, shard: Shard, *, slim: bool = False
) -> AuditContext:
    """The context a shard's rules read: ``refs`` are the claims of the documents
    it owns; ``by_key`` every claim of the documents it touches; the alignment its
    components. Provider, settings, drafts and switched-off rules are the audit's.
    ``slim``: documents it does not touch are left out of ``extractions`` (each
    replaced by an empty stand-in, so document numbers stay as they are), for a
    shard sent to another process."""
    owned = set(shard.documents)
    touched = shard.touched
    by_doc = ctx.memo.get(_BY_DOCUMENT)
    if not isinstance(by_doc, dict):  # once per context, not once per shard
        by_doc = ctx.memo[_BY_DOCUMENT] = _refs_by_document(ctx.refs)
    refs = tuple(r for i in sorted(owned) for r in by_doc.get(i, ()))
    by_key = {r.key: r for i in sorted(touched) for r in by_doc.get(i, ())}
    extractions = ctx.extractions
    if slim:
        extractions = tuple(
            e if i in touched else _ABSENT for i, e in enumerate(ctx.extractions)
        )
    return AuditContext(
        extractions=extractions,
        refs=refs,
        alignment=Alignment(
            groups=tuple(g for c in shard.components for g in c.groups),
            possible=tuple(d for c in shard.components for d in c.possible),
            series=tuple(d for c in shard.components for d in c.series),
        ),
        provider=ctx.provider,
        settings=ctx.settings,
        by_key=by_key,
        drafts=ctx.drafts,
        disabled=ctx.disabled,
    )


#: where :func:`shard_context` keeps the context's claims by document
_BY_DOCUMENT = "shards.by_document"


def _refs_by_document(refs: Sequence[ClaimRef]) -> dict[int, list[ClaimRef]]:
    out: dict[int, list[ClaimRef]] = defaultdict(list)
    for r in refs:
        out[r.doc_index].append(r)
    return out
