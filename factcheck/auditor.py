"""Check drafts against a source set loaded once: :class:`Auditor`, for editorial
tools that check a draft on every save.

``Auditor(sources)`` reads, extracts and frames the sources once and indexes their
claims by blocking key (:func:`factcheck.align.groups.blocking_keys`), with the
counts the aligner reads from a whole audit (how many claims share each context
word, how many documents name each name, how large each block is). ``check(draft)``
then aligns the draft with only the source documents it can meet: those holding a
claim that shares a block with one of the draft's claims and is judged with it,
and, from there, every claim confidently joined to one of those (the whole fact
group, whatever block joined it). That alignment reads the statistics of the whole
set, draft included, so each decision is the one the whole audit makes, and the
findings are those of ``audit([draft], sources=...)``: on the draft only, FC203 for
figures no source states.

>>> import factcheck
>>> auditor = factcheck.Auditor([factcheck.load_text(
...     "Alibaba will invest 380 billion yuan over three years.",
...     path="wire.txt", published="2025-02-24")])
>>> report = auditor.check(factcheck.load_text(
...     "Alibaba will invest 380 billion yuan ($38 billion) in the cloud.",
...     path="draft.txt", published="2025-02-24"))
>>> [(f.rule, f.location.text) for f in report.findings]
[('FC101', '$38 billion'), ('FC201', '$38 billion'), ('FC401', '$38 billion')]
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from factcheck.align import (
    ClaimRef,
    Context,
    alias_table,
    claim_refs,
    context_of,
    decide,
    is_generic,
    main_names,
)
from factcheck.align import _aliased as aliased
from factcheck.align.decide import (
    Decision,
    Mate,
    Veto,
    anchors_of,
    lone_figures,
    sentence_mates,
)
from factcheck.align.groups import (
    CorpusStatistics,
    FrameAligner,
    Key,
    blocking_keys,
    inverse_document_frequency,
    is_oversized,
)
from factcheck.baseline import identify
from factcheck.cache import Cache
from factcheck.config import Config, source_paths
from factcheck.engine import without_full_collections
from factcheck.load import load_document, load_paths, load_text, with_prose
from factcheck.model import Document, Extraction, Problem, Report
from factcheck.normalize import RateProvider, build_provider
from factcheck.pipeline import (
    audit,
    audit_extractions,
    extract_documents,
    provider_from,
)

__all__ = ["Auditor"]

PathLike = str | os.PathLike[str]
Block = tuple[str, ...]


@attrs.frozen(kw_only=True)
class _Part:
    """One document as the aligner reads it, and what it adds to the whole set's
    statistics."""

    index: int
    path: str
    extraction: Extraction | None
    problems: tuple[Problem, ...]
    refs: tuple[ClaimRef, ...] = ()
    contexts: Mapping[Key, Context] = attrs.field(factory=dict)
    #: entity and topic words of its claims (for generic entities)
    entities: frozenset[str] = frozenset()
    #: its main names, before generic ones are dropped
    names: frozenset[str] = frozenset()
    anchors: Mapping[Key, ClaimRef] = attrs.field(factory=dict)
    #: its claims that are its only figure of their attribute
    lone: Mapping[Key, bool] = attrs.field(factory=dict)
    mates: Mapping[Key, tuple[Mate, ...]] = attrs.field(factory=dict)


def _part(
    index: int,
    document: Document,
    extraction: Extraction | None,
    problems: Sequence[Problem],
    table: Mapping[str, str],
) -> _Part:
    """A document's claims (framed), their contexts, names and anchors."""
    if extraction is None:
        return _Part(
            index=index, path=document.path, extraction=None, problems=tuple(problems)
        )
    refs = [attrs.evolve(r, doc_index=index) for r in claim_refs([extraction])]
    spans = [(r.claim.span.start, r.claim.span.end) for r in refs]
    contexts: dict[Key, Context] = {}
    entities: set[str] = set()
    for r in refs:
        context = context_of(r, spans)
        if table:
            context = aliased(context, table)
        contexts[r.key] = context
        entities |= context.entities | context.topic
    anchors = anchors_of(refs)
    return _Part(
        index=index,
        path=document.path,
        extraction=Extraction(
            document=extraction.document, claims=tuple(r.claim for r in refs)
        ),
        problems=tuple(problems),
        refs=tuple(refs),
        contexts=contexts,
        entities=frozenset(entities),
        names=main_names(document.prose, table) if refs else frozenset(),
        anchors=anchors,
        lone=lone_figures(refs, anchors),
        mates=sentence_mates(refs),
    )


class _Idf(Mapping[str, float]):
    """The whole set's inverse document frequencies, computed on demand from the
    live counts (sources, plus the draft, less a source the draft replaces)."""

    def __init__(self, df: Mapping[str, int], n: int) -> None:
        self._df, self._n = df, max(n, 1)

    def __getitem__(self, word: str) -> float:
        d = self._df.get(word, 0)
        if d <= 0:
            raise KeyError(word)
        return inverse_document_frequency(d, self._n)

    def __iter__(self) -> Iterator[str]:
        return (w for w, d in self._df.items() if d > 0)

    def __len__(self) -> int:
        return sum(1 for d in self._df.values() if d > 0)


@attrs.frozen
class _Oversized:
    """Blocks larger than ``MAX_BLOCK`` in the whole set, draft included."""

    index: Mapping[Block, Sequence[Key]]
    extra: Mapping[Block, int]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple):
            return False
        size = len(self.index.get(key, ())) + self.extra.get(key, 0)
        return is_oversized(key, size)


class _Topics(Mapping[int, frozenset[str]]):
    """Each document's main names less the generic ones, worked out when asked."""

    def __init__(self, parts: Mapping[int, _Part], generic: frozenset[str]) -> None:
        self._parts, self._generic = parts, generic
        self._memo: dict[int, frozenset[str]] = {}

    def __getitem__(self, index: int) -> frozenset[str]:
        if index not in self._memo:
            self._memo[index] = self._parts[index].names - self._generic
        return self._memo[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


class _ByDocument(Mapping[Key, object]):
    """Per-claim values (contexts, anchors) looked up in their document's part."""

    def __init__(self, parts: Mapping[int, _Part], field: str) -> None:
        self._parts, self._field = parts, field

    def _of(self, key: Key) -> Mapping[Key, object]:
        part = self._parts.get(key[0])
        found: Mapping[Key, object] = {} if part is None else getattr(part, self._field)
        return found

    def __getitem__(self, key: Key) -> object:
        return self._of(key)[key]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and key in self._of(key)

    def __iter__(self) -> Iterator[Key]:
        return (k for part in self._parts.values() for k in getattr(part, self._field))

    def __len__(self) -> int:
        return sum(len(getattr(p, self._field)) for p in self._parts.values())


class Auditor:
    """A source set loaded once, to check drafts against it.

    Args:
        sources: documents or paths (directories recursively) the drafts are
            checked against (default: the config's ``sources``).
        config: settings (default: the documented defaults).
        provider: a rate provider (default: the chain the config names).
        cache: a :class:`~factcheck.cache.Cache` for the extractions (default: none).

    Unreadable sources become problems in every report, as in :func:`audit`.
    A check never changes the auditor: checks may come in any order.
    """

    def __init__(
        self,
        sources: Iterable[Document | PathLike] = (),
        *,
        config: Config | None = None,
        provider: RateProvider | None = None,
        cache: Cache | None = None,
    ) -> None:
        self.config = config or Config()
        self._cache = cache
        self._given_provider = provider
        try:
            self._provider = provider or provider_from(self.config)
        except ValueError:
            self._provider = build_provider()  # each report names the config's fault
        docs: list[Document] = []
        paths: list[PathLike] = []
        for item in sources:
            if isinstance(item, Document):
                docs.append(with_prose(item))
            else:
                paths.append(item)
        if not docs and not paths:
            paths = list(source_paths(self.config))
        loaded, unreadable = load_paths(paths) if paths else ([], [])
        self._load_problems = tuple(unreadable)
        known: set[str] = set()
        kept: list[Document] = []
        for d in [*docs, *loaded]:
            key = os.path.realpath(d.path)
            if key not in known:
                known.add(key)
                kept.append(d)
        #: the source documents, in the order an audit reads them
        self.documents: tuple[Document, ...] = tuple(kept)
        self._table = alias_table(self.config.aliases)
        self._parts: dict[int, _Part] = {}
        self._by_path: dict[str, list[int]] = defaultdict(list)
        for index, document in enumerate(self.documents, start=1):  # draft: 0
            found, problems = extract_documents([document], cache=cache)
            part = _part(
                index, document, found[0] if found else None, problems, self._table
            )
            self._parts[index] = part
            self._by_path[os.path.realpath(document.path)].append(index)
        self._df: Counter[str] = Counter()
        self._entities: Counter[str] = Counter()
        self._names: Counter[str] = Counter()
        self._claims = 0
        for part in self._parts.values():
            self._count(part, 1)
        self._refs: dict[Key, ClaimRef] = {
            r.key: r for part in self._parts.values() for r in part.refs
        }
        self._index: tuple[frozenset[str], dict[Block, list[Key]]] | None = None
        # indexed now, for the generic names a draft with claims usually leaves
        documents = sum(1 for p in self._parts.values() if p.refs) + 1
        self._blocks(
            frozenset(n for n, c in self._names.items() if is_generic(c, documents))
        )

    def _count(self, part: _Part, sign: int) -> None:
        if not part.refs:
            return
        self._claims += sign * len(part.refs)
        for context in part.contexts.values():
            self._df.update(dict.fromkeys(context.words, sign))
        self._entities.update(dict.fromkeys(part.entities, sign))
        self._names.update(dict.fromkeys(part.names, sign))

    @without_full_collections()
    def check(self, draft: Document | PathLike | str) -> Report:
        """The draft's findings against the sources: what ``audit([draft],
        sources=...)`` reports on it, touching only the sources it can meet.

        Args:
            draft: a :class:`Document`, a path (:class:`os.PathLike`, read as
                :func:`factcheck.load_document` reads it), or the draft's text
                (a ``str``, read as Markdown named ``<draft>``).

        Raises:
            InputError: the draft file cannot be read; names the file and why.
            TypeError: the draft is none of these.
        """
        document = _document(draft)
        if document.sources:
            # its front matter names sources of its own: the whole audit reads them
            return audit(
                [document],
                sources=self.documents,
                config=self.config,
                provider=self._given_provider,
            )
        found, draft_problems = extract_documents([document], cache=self._cache)
        replaced = self._by_path.get(os.path.realpath(document.path), [])
        sources = [p for i, p in self._parts.items() if i not in replaced]
        problems = [*self._load_problems, *draft_problems]
        problems.extend(q for p in sources for q in p.problems)
        usable = [p for p in sources if p.extraction is not None]
        if not usable:  # nothing beside the draft: a plain audit of it
            return self._finish(
                audit_extractions(
                    found,
                    config=self.config,
                    provider=self._provider,
                    problems=problems,
                    drafts={e.document.path for e in found if e.document.sources},
                )
            )
        own = _part(0, document, found[0] if found else None, (), self._table)
        gone = [self._parts[i] for i in replaced]
        for part in gone:
            self._count(part, -1)
        self._count(own, 1)
        try:
            statistics, reached = self._reach(own, gone, usable)
            subset = [p for p in usable if p.index in {k[0] for k in reached}]
            position = {p.index: i for i, p in enumerate(subset, start=1)}
            position[0] = 0
            focus = {(position[k[0]], k[1]) for k in reached}
            report = audit_extractions(
                [e for e in (own.extraction,) if e is not None]
                + [p.extraction for p in subset if p.extraction is not None],
                config=self.config,
                provider=self._provider,
                problems=problems,
                report_on={document.path},
                drafts={document.path},
                aligner=FrameAligner(
                    aliases=dict(self.config.aliases),
                    statistics=statistics,
                    focus=focus,
                ),
                source_paths=sorted({p.path for p in usable if p.refs}),
            )
        finally:
            self._count(own, -1)
            for part in gone:
                self._count(part, 1)
        summary = attrs.evolve(
            report.summary,
            documents=len(found) + len(usable),
            claims=len(own.refs) + sum(len(p.refs) for p in usable),
        )
        return self._finish(attrs.evolve(report, summary=summary))

    def _finish(self, report: Report) -> Report:
        config_root = Path(self.config.path).parent if self.config.path else None
        findings = identify(report.findings, config_root=config_root)
        return attrs.evolve(report, findings=tuple(findings))

    def _blocks(self, generic_names: frozenset[str]) -> dict[Block, list[Key]]:
        """Source claims by blocking key under this check's generic names (indexed
        again only when a draft changes which names are generic)."""
        if self._index is not None and self._index[0] == generic_names:
            return self._index[1]
        topics = {i: p.names - generic_names for i, p in self._parts.items()}
        index: dict[Block, list[Key]] = defaultdict(list)
        for part in self._parts.values():
            for r in part.refs:
                for k in blocking_keys(r, topics, part.anchors):
                    index[k].append(r.key)
        self._index = (generic_names, index)
        return index

    def _reach(
        self, own: _Part, gone: Sequence[_Part], usable: Sequence[_Part]
    ) -> tuple[CorpusStatistics, set[Key]]:
        """The whole set's statistics (draft counted, a replaced source not), and
        the claims the draft can meet: its own, those judged with one of them,
        and those joined to any of these by confident decisions (its groups)."""
        documents = sum(1 for p in usable if p.refs) + (1 if own.refs else 0)
        generic_names = frozenset(
            n for n, c in self._names.items() if is_generic(c, documents)
        )
        generic_entities = frozenset(
            e for e, c in self._entities.items() if is_generic(c, documents)
        )
        parts = dict(self._parts)
        for part in gone:
            del parts[part.index]
        parts[0] = own
        topics = _Topics(parts, generic_names)
        index = self._blocks(generic_names)
        own_blocks = {r.key: blocking_keys(r, topics, own.anchors) for r in own.refs}
        extra: Counter[Block] = Counter()
        in_draft: dict[Block, list[Key]] = defaultdict(list)
        for key, blocks in own_blocks.items():
            for b in blocks:
                extra[b] += 1
                in_draft[b].append(key)
        for part in gone:
            theirs = {part.index: part.names - generic_names}
            for r in part.refs:
                for b in blocking_keys(r, theirs, part.anchors):
                    extra[b] -= 1
        statistics = CorpusStatistics(
            idf=_Idf(self._df, self._claims),
            generic_entities=generic_entities,
            generic_names=generic_names,
            oversized=_Oversized(index, extra),
        )
        contexts = _ByDocument(parts, "contexts")
        anchors = _ByDocument(parts, "anchors")
        lone = _ByDocument(parts, "lone")
        mates = _ByDocument(parts, "mates")
        drafted = {r.key: r for r in own.refs}
        judged: dict[frozenset[Key], Decision | Veto | None] = {}

        def judge(a: ClaimRef, b: ClaimRef) -> Decision | Veto | None:
            pair = frozenset((a.key, b.key))
            if pair not in judged:
                judged[pair] = decide(
                    a,
                    b,
                    topics=topics,
                    contexts=contexts,  # type: ignore[arg-type]
                    idf=statistics.idf,
                    anchors=anchors,  # type: ignore[arg-type]
                    lone=lone,  # type: ignore[arg-type]
                    mates=mates,  # type: ignore[arg-type]
                )
            return judged[pair]

        reached: set[Key] = set(own_blocks)
        joined: set[Key] = set(own_blocks)
        frontier = list(own_blocks)
        while frontier:
            key = frontier.pop()
            ref = drafted[key] if key[0] == 0 else self._refs[key]
            blocks = (
                own_blocks[key]
                if key[0] == 0
                else blocking_keys(ref, topics, parts[key[0]].anchors)
            )
            for b in blocks:
                if b in statistics.oversized:
                    continue
                for other in (*index.get(b, ()), *in_draft.get(b, ())):
                    if other == key or other[0] not in parts:
                        continue
                    if other in joined and key[0] != 0:
                        continue
                    found = judge(
                        ref, drafted[other] if other[0] == 0 else self._refs[other]
                    )
                    if key[0] == 0 and (
                        isinstance(found, Decision)
                        or (isinstance(found, Veto) and found.series is not None)
                    ):
                        reached.add(other)  # a pair the rules read
                    if isinstance(found, Decision) and found.confident:
                        reached.add(other)
                        if other not in joined:
                            joined.add(other)  # its group is the draft's
                            frontier.append(other)
        return statistics, reached


def _document(draft: object) -> Document:
    """The draft as a document (see :meth:`Auditor.check`)."""
    if isinstance(draft, Document):
        return with_prose(draft)
    if isinstance(draft, str):
        return load_text(draft, format="md", path="<draft>")
    if isinstance(draft, os.PathLike):
        return load_document(draft)
    msg = (
        "a draft is a Document, a path (os.PathLike) or its text (str), "
        f"not {type(draft).__name__}"
    )
    raise TypeError(msg)
