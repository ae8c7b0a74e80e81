"""Stage 4: decide which claims state the same fact, and say why.

Each claim carries a :class:`~factcheck.model.Frame` read from its own clause
(:mod:`factcheck.align.frames`): whose number it is, what it measures, its role and
its time. An :class:`Aligner` (the seam: framed claims in, fact groups with evidence
out) blocks claims by frame keys and joins those that state one fact into a
:class:`FactGroup`; every decision carries a confidence made of named features
(:mod:`factcheck.align.thresholds`) and evidence in frame terms. Rules read groups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import regex

from factcheck.align.context import (
    CURRENCY_WORDS,
    MONTHS,
    STOPWORDS,
    TOKEN,
    ClaimRef,
    Context,
    after_sentence_end,
    context_of,
    is_name,
    measure_key,
    place_of,
    stem,
)
from factcheck.align.decide import Decision, Veto, decide, measure_of
from factcheck.align.frames import FrameReader, read_frames
from factcheck.align.groups import Aligner, Alignment, FactGroup, FrameAligner
from factcheck.model import Extraction

if TYPE_CHECKING:
    from factcheck.align.lexicon import Lexicon

__all__ = [
    "Aligner",
    "Alignment",
    "ClaimRef",
    "Context",
    "Decision",
    "FactGroup",
    "FrameAligner",
    "FrameReader",
    "Veto",
    "alias_table",
    "claim_refs",
    "context_of",
    "decide",
    "main_names",
    "measure_key",
    "measure_of",
    "read_frames",
    "stem",
]


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
    generic = {e for e, d in seen.items() if is_generic(len(d), len(docs))}
    return _without_entities(contexts, frozenset(generic))


def _without_entities(
    contexts: dict[tuple[int, str], Context], generic: frozenset[str]
) -> dict[tuple[int, str], Context]:
    if not generic:
        return contexts
    return {
        k: attrs.evolve(c, entities=c.entities - generic, topic=c.topic - generic)
        for k, c in contexts.items()
    }


def is_generic(documents_with_it: int, documents: int) -> bool:
    """Whether a name in this many of an audit's documents is too common to say
    who a figure belongs to (``GENERIC_NAME_SHARE``; only past ten documents)."""
    return documents > 10 and documents_with_it > GENERIC_NAME_SHARE * documents


#: how many of a document's most frequent names say who it is about
MAIN_NAMES = 10


def main_names(prose: str, aliases: Mapping[str, str] | None = None) -> frozenset[str]:
    """The names a document mentions most (capitalized words, stemmed; aliases
    folded; a word opening a sentence only if the document never writes it in lower
    case): who or what the article is about."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    lex = lexicon()
    legal_forms = lex.legal_forms
    counts: dict[str, int] = defaultdict(int)
    tokens = list(TOKEN.finditer(prose))
    lower = {m.group() for m in tokens if m.group().islower()}
    seen = Counter(m.group() for m in tokens)
    lead = _LEAD_END.search(prose, len(prose) - len(prose.lstrip()))
    lead_end = lead.start() if lead else len(prose)
    for n, m in enumerate(tokens):
        tok = m.group()
        if not tok[0].isupper() or len(tok) < 3:
            continue
        low = _without_possessive(tok.lower())  # "Ethrudur Systems's revenue"
        if low in STOPWORDS or low in MONTHS or low in CURRENCY_WORDS:
            continue
        if low in legal_forms:
            continue  # "Holdings", "Group": in half the business stories' names
        if (
            not is_name(tok)
            and after_sentence_end(prose, m.start())
            and (
                low in lower
                or low in lex.people
                or low in lex.attribute_of
                or _opens_attribute(tokens, n, prose, lex)
                or (
                    # the lead names whom the story is about
                    m.start() > lead_end
                    and seen[tok] == 1
                    and _before_a_name(tokens, n, prose, lex)
                )
            )
        ):
            # a capital that opens a sentence: "Officials said", "Orders for...",
            # "Net profit at ...", and once past the lead, before a name: "Rival
            # Belpollor posted ..." ("Hyundai Motor said" twice is a name)
            continue
        key = place_of(stem(low))
        counts[(aliases or {}).get(key, key)] += 1
        base = low.split("-")[0]
        if base != low and len(base) > 2:  # "Chandrayaan-3" is also "Chandrayaan"
            counts[stem(base)] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAIN_NAMES]
    return frozenset(k for k, _ in top)


def _next_word(tokens: Sequence[regex.Match[str]], n: int, prose: str) -> str | None:
    """The word right after token ``n``, one space between them, if any."""
    if n + 1 == len(tokens) or prose[tokens[n].end() : tokens[n + 1].start()] != " ":
        return None
    return tokens[n + 1].group()


def _opens_attribute(
    tokens: Sequence[regex.Match[str]], n: int, prose: str, lex: Lexicon
) -> bool:
    """Whether a sentence's opening word makes a measured attribute with the word
    after it ("Net profit at ...", "Operating income rose"): a modifier, however
    seldom the story writes it in lower case."""
    after = _next_word(tokens, n, prose)
    return (
        after is not None
        and f"{tokens[n].group().lower()} {after.lower()}" in lex.attribute_of
    )


#: where a story's lead (its headline or first sentence) ends
_LEAD_END = regex.compile(r"[.!?]\s|\n")


def _without_possessive(word: str) -> str:
    """A word without its possessive ending ("systems's": "systems")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _before_a_name(
    tokens: Sequence[regex.Match[str]], n: int, prose: str, lex: Lexicon
) -> bool:
    """Whether a word stands right before a capitalized word that is no legal form
    ("Rival Belpollor", not "Ethrudur Systems")."""
    after = _next_word(tokens, n, prose)
    return (
        after is not None
        and after[0].isupper()
        and _without_possessive(after.lower()) not in lex.legal_forms
    )


def _drop_generic(names: dict[int, frozenset[str]]) -> dict[int, frozenset[str]]:
    """Names in more than ``GENERIC_NAME_SHARE`` of many documents say nothing."""
    seen: dict[str, int] = defaultdict(int)
    for found in names.values():
        for n in found:
            seen[n] += 1
    return {
        i: frozenset(n for n in found if not is_generic(seen[n], len(names)))
        for i, found in names.items()
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
    """Every claim of every document, tagged with its document; claims that carry
    no frame yet get theirs read here."""
    out: list[ClaimRef] = []
    for i, e in enumerate(extractions):
        if any(c.frame is None for c in e.claims):
            e = read_frames(e)  # noqa: PLW2901
        out.extend(
            ClaimRef(document=e.document, claim=c, doc_index=i) for c in e.claims
        )
    return out
