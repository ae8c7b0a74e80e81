"""Stage 4: decide which claims state the same fact, and say why.

Two claims can only contradict if they state the same fact. The evidence, recorded
on every match: a shared anchor ("380 billion yuan" in both), the same measure (money,
percent or points, a physical dimension, a count of the same thing), the same subject
words and entities around the number, and a compatible time scope ("midday" vs
"close", "earlier offer" vs the final figure, explicit years).

The work is grouped before it is compared: claims are bucketed by measure and order
of magnitude, and only claims in the same or neighbouring buckets (or a power of ten
apart, for scale slips) are scored, so an audit of N documents does not compare every
claim with every claim.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from factcheck.align.context import (
    CURRENCY_WORDS,
    MONTHS,
    STOPWORDS,
    TOKEN,
    ClaimRef,
    Context,
    Match,
    after_sentence_end,
    context_of,
    is_name,
    measure_key,
    scope_conflict,
    stem,
)
from factcheck.model import Extraction

__all__ = [
    "CLOSE_RATIO",
    "MAX_RATIO",
    "Aligner",
    "ClaimRef",
    "Context",
    "Match",
    "alias_table",
    "candidate_pairs",
    "claim_refs",
    "context_of",
    "magnitude_bucket",
    "main_names",
    "measure_key",
    "scope_conflict",
    "stem",
]


@attrs.frozen(kw_only=True)
class Aligner:
    """Scores pairs of claims from their contexts, with word weights (IDF) learned
    from the claims of this audit."""

    contexts: dict[tuple[int, str], Context]
    idf: dict[str, float]
    threshold: float = 0.3
    #: who each document is about: its most frequent names (see :func:`main_names`)
    names: dict[int, frozenset[str]] = attrs.field(factory=dict)

    @classmethod
    def build(
        cls,
        refs: Sequence[ClaimRef],
        threshold: float = 0.3,
        aliases: Mapping[str, Sequence[str]] | None = None,
    ) -> Aligner:
        """Contexts for every claim and IDF weights over them.

        ``aliases`` maps a name to its other names ("Moonshot AI": ["Moonshot"]):
        each word of an alias counts as the name's first word."""
        by_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for r in refs:
            by_doc[r.doc_index].append((r.claim.span.start, r.claim.span.end))
        contexts = {r.key: context_of(r, by_doc[r.doc_index]) for r in refs}
        table = alias_table(aliases or {})
        if table:
            contexts = {k: _aliased(c, table) for k, c in contexts.items()}
        contexts = _without_generic_names(refs, contexts)
        df: dict[str, int] = defaultdict(int)
        for c in contexts.values():
            for w in c.words | c.noun:
                df[w] += 1
        n = max(len(contexts), 1)
        idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
        documents = {r.doc_index: r.document for r in refs}
        names = {i: main_names(d.prose, table) for i, d in documents.items()}
        if len(documents) > 10:
            names = _drop_generic(names)
        return cls(contexts=contexts, idf=idf, threshold=threshold, names=names)

    def similarity(self, a: ClaimRef, b: ClaimRef) -> tuple[float, tuple[str, ...]]:
        """How alike two claims' contexts are (0 to about 1.5), and the shared words."""
        ca, cb = self.contexts[a.key], self.contexts[b.key]
        shared = ca.words & cb.words
        # sums in sorted order: a float sum over a set follows the hash seed
        wa = sum(self.idf.get(w, 1.0) for w in sorted(ca.words)) or 1.0
        wb = sum(self.idf.get(w, 1.0) for w in sorted(cb.words)) or 1.0
        common = sum(self.idf.get(w, 1.0) for w in sorted(shared))
        # half cosine, half overlap with the shorter context: a headline or a short
        # clause shares most of its few words with the passage it restates
        score = 0.5 * common / math.sqrt(wa * wb) + 0.5 * common / min(wa, wb)
        if ca.noun and cb.noun:
            score += 0.5 if ca.noun & cb.noun else -0.5
        if ca.entities and cb.entities and ca.entities & cb.entities:
            score += min(0.15 * len(ca.entities & cb.entities), 0.3)
        elif ca.subjects and cb.subjects and not (ca.subjects & cb.subjects):
            score -= 0.4  # about different things (topic only when none nearby)
        da, db = a.document.published, b.document.published
        if da is not None and db is not None and abs((da - db).days) > FAR_APART_DAYS:
            score -= 0.25  # a year or more apart: a retrospective at best
        # rarest first, ties alphabetical (set order follows the hash seed)
        ranked = sorted(shared, key=lambda w: (-self.idf.get(w, 1.0), w))
        return score, tuple(ranked[:6])

    def match(self, a: ClaimRef, b: ClaimRef, *, close: bool = False) -> Match | None:
        """A :class:`Match` if the two claims state the same fact, else ``None``.

        ``close``: the values are within a few percent of each other (a typo's
        signature), which lowers the bar on context by a third."""
        if measure_key(a.claim) != measure_key(b.claim):
            return None
        na, nb = self.names.get(a.doc_index), self.names.get(b.doc_index)
        if a.doc_index != b.doc_index and na and nb and not (na & nb):
            return None  # the articles are about different companies, people, places
        ca, cb = self.contexts[a.key], self.contexts[b.key]
        if scope_conflict(ca, cb) is not None:
            return None
        score, shared = self.similarity(a, b)
        threshold = self.threshold * (2 / 3 if close else 1)
        if _weeks_apart(a, b):
            threshold += SEPARATE_NEWS_BAR  # separate news cycles: more evidence needed
        if score < threshold:
            return None
        evidence = [f"same measure ({measure_key(a.claim)})"]
        if shared:
            evidence.append(f"shared words: {', '.join(shared)}")
        ents = ca.subjects & cb.subjects
        if ents:
            evidence.append(f"same entities: {', '.join(sorted(ents))}")
        evidence.append(f"context similarity {score:.2f} (threshold {threshold:.2f})")
        return Match(a=a, b=b, score=score, evidence=tuple(evidence))


#: documents published further apart than this rarely state the same fact
FAR_APART_DAYS = 400
#: articles published more than this many days apart belong to different news
#: cycles: matching across them needs ``SEPARATE_NEWS_BAR`` more similarity
NEWS_CYCLE_DAYS = 60
SEPARATE_NEWS_BAR = 0.25


def _weeks_apart(a: ClaimRef, b: ClaimRef) -> bool:
    da, db = a.document.published, b.document.published
    return da is not None and db is not None and abs((da - db).days) > NEWS_CYCLE_DAYS


#: in a large audit, a name in more than this share of documents is no name
#: ("Group", "Cloud" across a thousand company stories)
GENERIC_NAME_SHARE = 0.3


def _without_generic_names(
    refs: Sequence[ClaimRef], contexts: dict[tuple[int, str], Context]
) -> dict[tuple[int, str], Context]:
    docs = {r.doc_index for r in refs}
    if len(docs) <= 10:
        return contexts
    seen: dict[str, set[int]] = defaultdict(set)
    for r in refs:
        for e in contexts[r.key].entities | contexts[r.key].topic:
            seen[e].add(r.doc_index)
    generic = {e for e, d in seen.items() if len(d) > GENERIC_NAME_SHARE * len(docs)}
    if not generic:
        return contexts
    return {
        k: attrs.evolve(c, entities=c.entities - generic, topic=c.topic - generic)
        for k, c in contexts.items()
    }


#: how many of a document's most frequent names say who it is about
MAIN_NAMES = 10


def main_names(prose: str, aliases: Mapping[str, str] | None = None) -> frozenset[str]:
    """The names a document mentions most (capitalized words not opening a sentence,
    stemmed; aliases folded): who or what the article is about."""
    counts: dict[str, int] = defaultdict(int)
    for m in TOKEN.finditer(prose):
        tok = m.group()
        if not tok[0].isupper() or len(tok) < 3:
            continue
        low = tok.lower()
        if low in STOPWORDS or low in MONTHS or low in CURRENCY_WORDS:
            continue
        if not is_name(tok) and after_sentence_end(prose, m.start()):
            continue
        key = stem(low)
        counts[(aliases or {}).get(key, key)] += 1
        base = low.split("-")[0]
        if base != low and len(base) > 2:  # "Chandrayaan-3" is also "Chandrayaan"
            counts[stem(base)] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_NAMES]
    return frozenset(k for k, _ in top)


def _drop_generic(names: dict[int, frozenset[str]]) -> dict[int, frozenset[str]]:
    """Names in more than ``GENERIC_NAME_SHARE`` of many documents say nothing."""
    seen: dict[str, int] = defaultdict(int)
    for found in names.values():
        for n in found:
            seen[n] += 1
    limit = GENERIC_NAME_SHARE * len(names)
    return {
        i: frozenset(n for n in found if seen[n] <= limit) for i, found in names.items()
    }


def alias_table(aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Word → canonical word for entity aliases (stemmed, lower case)."""
    table: dict[str, str] = {}
    for name, others in aliases.items():
        words = [stem(w) for w in TOKEN.findall(name)]
        if not words:
            continue
        canonical = words[0]
        for other in (name, *others):
            for w in TOKEN.findall(other):
                table[stem(w.lower())] = canonical
    return table


def _aliased(context: Context, table: Mapping[str, str]) -> Context:
    def swap(words: frozenset[str]) -> frozenset[str]:
        return frozenset(table.get(w, w) for w in words)

    return attrs.evolve(
        context,
        words=swap(context.words),
        entities=swap(context.entities),
        topic=swap(context.topic),
    )


def claim_refs(extractions: Iterable[Extraction]) -> list[ClaimRef]:
    """Every claim of every document, tagged with its document."""
    return [
        ClaimRef(document=e.document, claim=c, doc_index=i)
        for i, e in enumerate(extractions)
        for c in e.claims
    ]


def magnitude_bucket(value: float) -> int:
    """Quarter-decade buckets of |value|: neighbours differ by at most ~3x."""
    return math.floor(math.log10(abs(value)) * 4) if value else -10_000


#: two statements of one fact differ by rounding, a typo or a bad rate, not by more
#: than this ratio (beyond it, they are different facts, or a scale slip)
MAX_RATIO = 1.45
#: counts are stated exactly more often than rounded: "three" vs "four" fires are
#: two breakdowns, not one count misprinted
MAX_COUNT_RATIO = 1.25
#: how near a whole power of ten two figures must be to count as a scale slip
SLIP_RATIO = 1.2
#: values this near each other that still do not overlap look like a typo
CLOSE_RATIO = 1.05


#: a word shared by more claims than this (in one measure and magnitude) is too
#: common to find pairs by: "revenue" in a thousand articles
MAX_BLOCK = 120


def candidate_pairs(
    refs: Sequence[ClaimRef],
    magnitudes: dict[tuple[int, str], float],
    contexts: Mapping[tuple[int, str], Context],
    *,
    slips: bool = True,
    max_ratio: float = MAX_RATIO,
    max_block: int = MAX_BLOCK,
) -> Iterator[tuple[ClaimRef, ClaimRef, int]]:
    """Pairs worth scoring; yields (a, b, decades apart).

    Two claims are a candidate when they measure the same thing, stand within
    ``max_ratio`` of each other (or, for money and ``slips``, that near a whole power
    of ten apart), and share at least one context word: a pair that shares none
    scores no similarity and could never align, so nothing is lost by looking only
    there. Claims are indexed by (word, measure, quarter-decade of magnitude), so the
    work grows with the number of claims that share rare words, not with the square
    of all claims; words shared by more than ``max_block`` claims of one cell are
    too common to index by. ``magnitudes`` maps each claim to its value in a common
    unit (USD for money).
    """
    index: dict[tuple[str, str, int], list[ClaimRef]] = defaultdict(list)
    keyed: list[tuple[ClaimRef, str, int, frozenset[str]]] = []
    for r in refs:
        value = magnitudes.get(r.key)
        if value is None or value == 0:
            continue
        measure, bucket = measure_key(r.claim), magnitude_bucket(value)
        c = contexts[r.key]
        words = c.words | c.noun | c.entities
        keyed.append((r, measure, bucket, words))
        for w in words:
            index[(w, measure, bucket)].append(r)
    offsets = [(0, 0), (1, 0), (-1, 0)]
    if slips:
        # scale words are 10^3 apart (10^2 for lakh and crore); 10x is no slip
        offsets += [(4 * k + d, k) for k in (2, 3, 6, 9) for d in (-1, 0, 1)]
        offsets += [(-(4 * k + d), k) for k in (2, 3, 6, 9) for d in (-1, 0, 1)]
    for a, measure, bucket, words in keyed:
        va = abs(magnitudes[a.key])
        seen: set[tuple[int, str]] = set()
        for offset, decades in offsets:
            if decades and measure != "money":
                continue  # scale slips are a money error; counts are not "off by 10"
            for w in words:
                members = index.get((w, measure, bucket + offset))
                if not members or len(members) > max_block:
                    continue
                for b in members:
                    if b.key <= a.key or b.key in seen:
                        continue
                    seen.add(b.key)
                    vb = abs(magnitudes[b.key])
                    ratio = max(va, vb) / min(va, vb) / 10.0**decades
                    limit = max_ratio if not decades else SLIP_RATIO
                    if measure == "count":
                        limit = min(limit, MAX_COUNT_RATIO)
                    if 1 / limit <= ratio <= limit:
                        yield a, b, decades
