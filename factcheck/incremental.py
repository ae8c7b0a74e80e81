"""The incremental audit: what a run of the audit may take from the run before.

A cached report (:mod:`factcheck.cache`) serves an audit whose every input is
unchanged. After an edit, most of the work is still the same work: this module
keeps, in one cache entry per audit (keyed by :func:`factcheck.cache.index_key`:
the configuration, the rates, the rule plugins, the code and the arguments), the
results of the three steps that read more than one claim, each under a key made of
exactly what that step reads:

- a document's **reading** (each claim's context words, the document's main
  names: :func:`factcheck.align.groups.read_documents`), under the document as
  read (its path, :func:`~factcheck.cache.document_key` and its prose);
- a searched **block**'s verdicts (the candidate pairs the block is the first to
  hold, :func:`~factcheck.align.groups.block_pairs`, each judged), under the
  block's key and, for each member in order: its document, its claim, its context
  as the aligner reads it after generic names are dropped, the exact weight
  (idf) of each of its words, its document's main names, the claim it restates,
  the blocks it is searched in (which block owns a pair depends on them), and
  which members share a document. Word weights are computed over the whole
  audit, so an edit changes the weight of the words the edited document gains or
  loses (and of every word when the number of claims changes): a block whose
  members read a changed weight misses and is judged again; the others keep
  their verdicts;
- a rule **unit**'s findings: one document (rules of ``document`` and ``group``
  scope walk its claims) or one connected component of the alignment (its fact
  groups, possible pairs and series), as :mod:`factcheck.rules.shards` cuts an
  audit. Each is keyed by the documents it reads (as above, with whether each is
  a draft), the groups and decisions it reads (claims by document and id,
  confidences, levels and evidence), the rules run and whether the audit has
  drafts. Rules of ``audit`` scope always run.

A key holds every input the keyed result reads, so a result taken from the index
is the one computing it gives, and the report is byte-identical to an audit
without a cache (tests compare them after edits, additions and removals). The entry
is rewritten after each run with only the results that run used, so it stays the
size of one audit; it is compressed, checksummed, written atomically and bounded
like every cache entry.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, TypeGuard, cast

import attrs

from factcheck.align.context import ClaimRef, Context
from factcheck.align.groups import (
    Alignment,
    Blocks,
    DocumentReader,
    DocumentReading,
    FrameAligner,
    Pair,
    PairScorer,
    Scoring,
    Verdict,
    pack_verdict,
    read_documents,
    unpack_verdict,
)
from factcheck.cache import (
    Cache,
    collector_paused,
    decode,
    document_key,
    encode,
    index_key,
)
from factcheck.config import Config
from factcheck.model import Document, Finding
from factcheck.recompute import (
    Packed,
    Unit,
    UnitResult,
    judge_pairs,
    rules_on_units,
    score_blocks,
)
from factcheck.rules.context import AuditContext
from factcheck.rules.shards import components

if TYPE_CHECKING:
    from factcheck.align.decide import Decision

__all__ = ["AuditIndex", "IndexStats"]

Key = tuple[int, str]

#: bump when the layout of the index's value changes
INDEX_FORMAT = 1
#: what a stored sequence may be: a list as read back, a tuple as made
_SEQUENCE = (list, tuple)


def _digest(parts: Iterable[str]) -> str:
    """A short, collision-safe digest (128 bits) of a sequence of strings."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def _words(words: Iterable[str]) -> str:
    return "\x1e".join(sorted(words))


@attrs.define
class IndexStats:
    """How much of a run the index served (reused) and how much was computed."""

    readings: list[int] = attrs.field(factory=lambda: [0, 0])
    blocks: list[int] = attrs.field(factory=lambda: [0, 0])
    units: list[int] = attrs.field(factory=lambda: [0, 0])
    #: pairs of unchanged blocks judged again (a word weight they read changed)
    pairs: int = 0


@attrs.define
class AuditIndex:
    """The results of one audit's readings, blocks and rule units, for the next
    run to take what it reads unchanged (see the module's doc)."""

    cache: Cache
    key: str
    _readings: Mapping[str, object] = attrs.field(factory=dict)
    _blocks: Mapping[str, object] = attrs.field(factory=dict)
    _units: Mapping[str, object] = attrs.field(factory=dict)
    #: each claim's signature → the digest of its words' weights
    _claims: Mapping[str, object] = attrs.field(factory=dict)
    _new_readings: dict[str, object] = attrs.field(factory=dict, init=False)
    _new_blocks: dict[str, object] = attrs.field(factory=dict, init=False)
    _new_units: dict[str, object] = attrs.field(factory=dict, init=False)
    _new_claims: dict[str, object] = attrs.field(factory=dict, init=False)
    #: each document's key for this run, by the document object's id (kept alive)
    _docs: dict[int, tuple[Document, str]] = attrs.field(factory=dict, init=False)
    stats: IndexStats = attrs.field(factory=IndexStats, init=False)

    @classmethod
    def load(cls, cache: Cache, key: str) -> AuditIndex:
        """The index stored under ``key`` (empty when there is none, or it is
        damaged or of another format)."""
        value = cache.lookup(key, raw=True)
        if isinstance(value, dict) and value.get("format") == INDEX_FORMAT:
            names = ("readings", "blocks", "units", "claims")
            parts = [value.get(name) for name in names]
            if all(isinstance(p, dict) for p in parts):
                return cls(cache, key, *parts)  # type: ignore[arg-type]
        return cls(cache, key)

    def save(self) -> None:
        """Store what this run used (and only that), replacing the last run's."""
        self.cache.store(
            self.key,
            {
                "format": INDEX_FORMAT,
                "readings": self._new_readings,
                "blocks": self._new_blocks,
                "units": self._new_units,
                "claims": self._new_claims,
            },
            raw=True,
        )

    def document_key(self, document: Document) -> str:
        """What a document is, as every step reads it: its path, its content key
        (text, format, metadata) and its prose."""
        found = self._docs.get(id(document))
        if found is None or found[0] is not document:
            key = _digest(
                (
                    document.path,
                    document_key(document),
                    hashlib.blake2b(
                        document.prose.encode("utf-8", "surrogatepass"),
                        digest_size=16,
                    ).hexdigest(),
                )
            )
            found = (document, key)
            self._docs[id(document)] = found
        return found[1]

    @classmethod
    def open(
        cls,
        cache: Cache,
        *,
        config: Config,
        provider: object | None,
        inputs: Sequence[object],
        sources: Sequence[object],
    ) -> AuditIndex | None:
        """The index of an audit of ``inputs`` against ``sources`` (paths, or
        documents given in memory) with this configuration and rate provider;
        None when the rates may change between runs (nothing may be kept)."""
        arguments = [
            f"{role}:<document>"
            if isinstance(item, Document)
            else f"{role}:{os.path.realpath(str(item))}"
            for role, items in (("input", inputs), ("source", sources))
            for item in items
        ]
        key = index_key(cache, config=config, provider=provider, arguments=arguments)
        return None if key is None else cls.load(cache, key)

    def aligner(self, config: Config, jobs: int = 1) -> FrameAligner:
        """The audit's aligner (as :func:`factcheck.pipeline.align_extractions`
        builds it) reading and scoring through this index."""
        from factcheck.engine.local import forked_reader  # noqa: PLC0415

        return _QuietAligner(
            aliases=dict(config.aliases),
            scorer=self.scorer(jobs),
            reader=self.reader(forked_reader(jobs)),
        )

    # -- readings ------------------------------------------------------------

    def reader(self, inner: DocumentReader | None = None) -> DocumentReader:
        """A :data:`DocumentReader` that takes each unchanged document's reading
        from the index and has ``inner`` (default: this process) read the rest."""

        def read(
            documents: Sequence[Sequence[ClaimRef]], table: Mapping[str, str]
        ) -> list[DocumentReading]:
            out: dict[int, DocumentReading] = {}
            todo: list[int] = []
            keys = [self.document_key(refs[0].document) for refs in documents]
            for n, refs in enumerate(documents):
                stored = self._readings.get(keys[n])
                reading = _unpack_reading(stored, refs)
                if reading is None:
                    todo.append(n)
                    continue
                out[n] = reading
                self._new_readings[keys[n]] = stored
            self.stats.readings[0] += len(out)
            self.stats.readings[1] += len(todo)
            fresh = (inner or read_documents)([documents[n] for n in todo], table)
            for n, reading in zip(todo, fresh, strict=True):
                out[n] = reading
                self._new_readings[keys[n]] = _pack_reading(reading, documents[n])
            return [out[n] for n in range(len(documents))]

        return read

    # -- blocks --------------------------------------------------------------

    def scorer(self, jobs: int = 1) -> PairScorer:
        """A :data:`PairScorer` that takes each unchanged block's verdicts from the
        index (judging again only the pairs whose verdict read a word weight that
        changed) and judges the other blocks' pairs, in ``jobs`` forked workers
        when there are many."""

        def score(scoring: Scoring) -> Iterator[tuple[Pair, Verdict]]:
            blocks = scoring.blocks()
            refs = scoring.refs
            signature, weights = self._signatures(scoring, blocks)
            self._new_claims.update(zip(signature, weights, strict=True))
            todo: list[int] = []
            stale: list[tuple[int, int, int]] = []
            kept: dict[int, tuple[tuple[object, ...], list[object]]] = {}
            keys: list[str] = []
            taken: list[tuple[Pair, Verdict]] = []
            with collector_paused():  # verdicts rebuilt: no cycles among them
                for n, (key, members) in enumerate(blocks.blocks):
                    docs: dict[int, int] = {}
                    keys.append(
                        _digest(
                            (
                                "\x1e".join(key),
                                *(
                                    f"{signature[i]}@"
                                    f"{docs.setdefault(refs[i].doc_index, len(docs))}"
                                    for i in members
                                ),
                            )
                        )
                    )
                    stored = self._blocks.get(keys[n])
                    if not _fits(stored, len(members)):
                        todo.append(n)
                        continue
                    fixed, weighed = stored
                    taken.extend(_unpack_block(fixed, members, refs))
                    fresh: list[object] = []
                    for m in range(0, len(weighed), 3):
                        x, y = cast(int, weighed[m]), cast(int, weighed[m + 1])
                        packed = weighed[m + 2]
                        i, j = members[x], members[y]
                        if (
                            self._claims.get(signature[i]) == weights[i]
                            and self._claims.get(signature[j]) == weights[j]
                        ):
                            fresh.extend((x, y, packed))
                            if packed is not None:
                                found = _unpack(packed, refs[i], refs[j])
                                taken.append(((refs[i], refs[j]), found))
                        else:
                            stale.append((n, x, y))
                    kept[n] = (fixed, fresh)
            yield from taken
            self.stats.blocks[0] += len(blocks.blocks) - len(todo)
            self.stats.blocks[1] += len(todo)
            self.stats.pairs += len(stale)
            scored = score_blocks(scoring, blocks, todo, jobs)
            for n, runs in zip(todo, scored, strict=True):
                self._new_blocks[keys[n]] = runs
                members = blocks.blocks[n][1]
                yield from _unpack_block(runs[0], members, refs)
                yield from _unpack_block(runs[1], members, refs)
            pairs = [
                (blocks.blocks[n][1][x], blocks.blocks[n][1][y]) for n, x, y in stale
            ]
            for (n, x, y), (i, j), verdict in zip(
                stale, pairs, judge_pairs(scoring, pairs, jobs), strict=True
            ):
                kept[n][1].extend((x, y, verdict))
                if verdict is not None:
                    yield (refs[i], refs[j]), unpack_verdict(verdict, refs[i], refs[j])
            for n, (same, judged) in kept.items():
                self._new_blocks[keys[n]] = (same, tuple(judged))

        return score

    def _signatures(
        self, scoring: Scoring, blocks: Blocks
    ) -> tuple[list[str], list[str]]:
        """Each claim as a pair's verdict reads it, but for the word weights (see
        the module's doc); and the weights of its words."""
        out = []
        weights = []
        names: dict[int, str] = {}
        idf = scoring.idf
        for i, r in enumerate(scoring.refs):
            context = scoring.contexts[r.key]
            doc = names.get(r.doc_index)
            if doc is None:
                topics = scoring.topics.get(r.doc_index, frozenset())
                doc = _digest((self.document_key(r.document), _words(topics)))
                names[r.doc_index] = doc
            anchor = scoring.anchors.get(r.key)
            words = sorted(context.words)
            out.append(
                _digest(
                    (
                        doc,
                        r.claim.id,
                        "\x1e".join(words),
                        _words(context.entities),
                        _words(context.topic),
                        "" if anchor is None else anchor.claim.id,  # of its document
                        "\x1d".join(sorted("\x1e".join(k) for k in blocks.keys[i])),
                    )
                )
            )
            weights.append(_digest(repr(idf.get(w)) for w in words))
        return out, weights

    # -- rule units ----------------------------------------------------------

    def shards(
        self,
        jobs: int = 1,
    ) -> Callable[
        [AuditContext, tuple[str, ...]], tuple[dict[str, list[Finding]], set[Key]]
    ]:
        """A shard runner (:data:`factcheck.pipeline.ShardRunner`) that runs the
        rules per unit (a document, a component of the alignment), taking each
        unchanged unit's findings from the index; the others run in ``jobs``
        forked workers when there are many."""

        def run(
            ctx: AuditContext, codes: tuple[str, ...]
        ) -> tuple[dict[str, list[Finding]], set[Key]]:
            units = self._units_of(ctx, codes)
            results: dict[int, UnitResult] = {}
            todo: list[int] = []
            with collector_paused():  # findings rebuilt: no cycles among them
                for n, unit in enumerate(units):
                    stored = self._units.get(unit.key)
                    got = _unpack_unit(stored, unit, codes)
                    if got is None:
                        todo.append(n)
                        continue
                    self._new_units[unit.key] = stored
                    results[n] = got
            self.stats.units[0] += len(results)
            self.stats.units[1] += len(todo)
            fresh = rules_on_units(ctx, [units[n] for n in todo], codes, jobs)
            for n, result in zip(todo, fresh, strict=True):
                results[n] = result
                packed = _pack_unit(result, units[n])
                if packed is not None:
                    self._new_units[units[n].key] = packed
            found: dict[str, list[Finding]] = {code: [] for code in codes}
            checked: set[Key] = set()
            for n in range(len(units)):
                for code, findings in results[n][0].items():
                    found[code].extend(findings)
                checked |= results[n][1]
            return found, checked

        return run

    def _units_of(self, ctx: AuditContext, codes: tuple[str, ...]) -> list[Unit]:
        """The audit cut into units, each with its key (see the module's doc)."""
        common = (
            "\x1e".join(codes),
            str(bool(ctx.drafts)),
            repr(ctx.source_paths),
            _words(ctx.disabled),
        )
        docs = [
            self.document_key(e.document) + ("*" if i in ctx.drafts else "")
            for i, e in enumerate(ctx.extractions)
        ]
        units = [
            Unit(key=_digest(("document", *common, docs[i])), documents=(i,))
            for i in range(len(ctx.extractions))
        ]
        for component in components(ctx.alignment):
            touched = tuple(sorted(component.documents))
            place = {d: n for n, d in enumerate(touched)}

            def at(ref: ClaimRef, place: Mapping[int, int] = place) -> str:
                return f"{place[ref.doc_index]}:{ref.claim.id}"

            def decision(d: Decision, at: Callable[[ClaimRef], str] = at) -> str:
                return f"{at(d.a)}|{at(d.b)}|{pack_verdict(d)!r}"

            parts = ["component", *common, *(docs[d] for d in touched)]
            for g in component.groups:
                parts.append("group " + " ".join(at(m) for m in g.members))
                parts.extend(decision(d) for d in g.decisions)
            parts.append("possible")
            parts.extend(decision(d) for d in component.possible)
            parts.append("series")
            parts.extend(decision(d) for d in component.series)
            units.append(
                Unit(key=_digest(parts), documents=touched, component=component)
            )
        return units


@attrs.frozen(kw_only=True)
class _QuietAligner(FrameAligner):
    """The built-in aligner with the cyclic garbage collector paused while it
    aligns: it builds a few objects per candidate pair (keys, verdicts, decisions)
    and no reference cycles to speak of, and each collection walked every claim
    of the audit (at 10,000 articles, a third of an edited re-audit's join)."""

    def align(self, refs: Sequence[ClaimRef]) -> Alignment:
        with collector_paused():
            return super().align(refs)


def _fits(stored: object, size: int) -> TypeGuard[Packed]:
    """Whether a stored block is two runs of (x, y, verdict) triples of positions
    in a block of ``size`` members."""
    if not isinstance(stored, _SEQUENCE) or len(stored) != 2:
        return False
    for run in stored:
        if not isinstance(run, _SEQUENCE) or len(run) % 3:
            return False
        for n in range(0, len(run), 3):
            x, y = run[n], run[n + 1]
            if not (isinstance(x, int) and isinstance(y, int) and 0 <= x < y < size):
                return False
    return True


def _unpack_block(
    stored: tuple[object, ...], members: Sequence[int], refs: Sequence[ClaimRef]
) -> Iterator[tuple[Pair, Verdict]]:
    veto: Verdict = None
    for n in range(0, len(stored), 3):
        x, y, packed = stored[n : n + 3]
        if packed is None:
            continue
        a, b = refs[members[x]], refs[members[y]]  # type: ignore[call-overload]
        if packed == "veto":  # most verdicts: one shared object, built once
            veto = veto or unpack_verdict("veto", a, b)
            yield (a, b), veto
        else:
            yield (a, b), _unpack(packed, a, b)


def _unpack(packed: object, a: ClaimRef, b: ClaimRef) -> Verdict:
    """A verdict stored as JSON (lists for tuples) or as packed, on ``a`` and
    ``b`` (see :func:`~factcheck.align.groups.unpack_verdict`)."""
    if isinstance(packed, list):
        kind, confidence, level, evidence = packed
        packed = (kind, confidence, level, tuple(evidence))
    return unpack_verdict(packed, a, b)  # type: ignore[arg-type]


def _pack_reading(reading: DocumentReading, refs: Sequence[ClaimRef]) -> object:
    contexts, names = reading
    return (
        sorted(names),
        [
            (
                r.claim.id,
                sorted(contexts[r.key].words),
                sorted(contexts[r.key].entities),
                sorted(contexts[r.key].topic),
            )
            for r in refs
        ],
    )


def _unpack_reading(stored: object, refs: Sequence[ClaimRef]) -> DocumentReading | None:
    """A stored reading for these claims, or None when it does not fit them."""
    if not isinstance(stored, _SEQUENCE) or len(stored) != 2:
        return None
    names, claims = stored
    if not isinstance(claims, _SEQUENCE) or len(claims) != len(refs):
        return None
    contexts: dict[Key, Context] = {}
    for r, (claim_id, words, entities, topic) in zip(refs, claims, strict=True):
        if claim_id != r.claim.id:
            return None
        contexts[r.key] = Context(
            words=frozenset(words), entities=frozenset(entities), topic=frozenset(topic)
        )
    return contexts, frozenset(names)


def _pack_unit(result: UnitResult, unit: Unit) -> object | None:
    """A unit's result as stored (the rules that found something, with their
    findings; the claims checked, by their document's place in the unit); None
    when it checked a claim outside the unit (then it is not kept)."""
    found, checked = result
    place = {d: n for n, d in enumerate(unit.documents)}
    if any(doc not in place for doc, _ in checked):
        return None
    return (
        [(code, encode(findings)) for code, findings in found.items() if findings],
        sorted((place[doc], claim) for doc, claim in checked),
    )


def _unpack_unit(stored: object, unit: Unit, codes: Sequence[str]) -> UnitResult | None:
    if not isinstance(stored, _SEQUENCE) or len(stored) != 2:
        return None
    found, checked = stored
    if not isinstance(found, _SEQUENCE) or not isinstance(checked, _SEQUENCE):
        return None
    by_code: dict[str, list[Finding]] = {code: [] for code in codes}
    try:
        for code, findings in found:  # the codes that found something
            if code not in by_code:
                return None
            by_code[code] = list(decode(findings))  # type: ignore[call-overload]
    except (ValueError, TypeError, KeyError):
        return None
    if not all(isinstance(f, Finding) for fs in by_code.values() for f in fs):
        return None
    docs = unit.documents
    return by_code, {(docs[n], claim) for n, claim in checked}
