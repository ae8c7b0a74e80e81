"""Rankings a document states: a list of things "bigger than X", each with its
figure, against the figure the document gives X itself."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from factcheck.align import ClaimRef, main_names
from factcheck.align.context import MONTHS
from factcheck.align.decide import measure_of
from factcheck.align.lexicon import lexicon
from factcheck.align.phrases import holder_key
from factcheck.model import Finding
from factcheck.normalize import format_interval
from factcheck.rules.context import AuditContext, allowed_interval
from factcheck.rules.registry import rule

#: "only five fires are bigger than the Park Fire:", "costlier than Apollo:"; the
#: comparative says which way the listed figures must lie from the compared one's
_RANKED = regex.compile(
    r"\b(?P<way>bigger|larger|greater|higher|more|longer|taller|deadlier|costlier"
    r"|heavier|smaller|lower|fewer|less|shorter|cheaper|lighter)\s+than\s+"
    r"(?P<target>[^:;.()\d]{2,60}?)\s*:",
    regex.IGNORECASE,
)
_BELOW = frozenset(
    ["smaller", "lower", "fewer", "less", "shorter", "cheaper", "lighter"]
)


@rule(
    "FC306",
    "ranking-order",
    "warning",
    "a figure listed as bigger (or smaller) than X is not, by X's own figure",
    scope="document",
)
def ranking_order(ctx: AuditContext) -> Iterator[Finding]:
    """A thing listed as bigger than X carries a figure below the one the document
    gives X (or, for "smaller than", above it).

    *What it checks.* A sentence that lists things ranked against one named thing
    ("only five California fires are bigger than the Park Fire: the Creek Fire
    (379,895 acres), ..."), each listed figure against the figures the same document
    gives the compared thing in the same measure (its holder names it; a figure with
    no holder counts when the compared thing is among the document's main names).
    Every value a listed figure allows must lie on the stated side of every value
    the compared thing's figures allow, over their precision and qualifiers; with
    two figures for it (a fire that grew), the one nearest the list is used.

    *Why it matters.* A ranking is a claim about order; a list copied from an older
    table, or a figure with a slipped digit, puts a thing on the wrong side, and the
    rank the story states ("the fifth-largest") is then wrong too.

    *Example.* 62,000 acres is not more than 64,000 acres.

        fires: The Oak Fire covered 64,000 acres. Only two fires were larger than the Oak Fire: the Dixon Fire (81,000 acres) and the Cedar Fire (62,000 acres).
        silent: The Oak Fire covered 64,000 acres. Only two fires were larger than the Oak Fire: the Dixon Fire (81,000 acres) and the Cedar Fire (66,000 acres).

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    by_doc: dict[int, list[ClaimRef]] = {}
    for ref in ctx.refs:
        by_doc.setdefault(ref.doc_index, []).append(ref)
    lex = lexicon()
    for doc_index, refs in sorted(by_doc.items()):
        prose = ctx.extractions[doc_index].document.prose
        topics: frozenset[str] | None = None
        for m in _RANKED.finditer(prose):
            listed = [
                r
                for r in refs
                if r.claim.sentence is not None
                and r.claim.sentence.start <= m.start() < r.claim.sentence.end
                and r.claim.span.start > m.end()
                and r.claim.frame is not None
                and r.claim.frame.holder_source == "listed"
                and r.claim.kind in ("money", "quantity", "count")
            ]
            if not listed:
                continue
            target = set(holder_key(m.group("target").split(), lex))
            if not target:
                continue
            if topics is None:
                topics = main_names(prose)
            sentence = listed[0].claim.sentence
            compared = [
                r
                for r in refs
                if r.claim.sentence != sentence
                and r.claim.equivalent_of is None
                and r.claim.frame is not None
                and r.claim.frame.role == "level"
                and measure_of(r.claim) == measure_of(listed[0].claim)
                and (
                    target <= set(r.claim.frame.holder_key)
                    or (
                        not r.claim.frame.holder_key
                        and bool(target & topics)
                        and not _names_another(r, target)
                    )
                )
            ]
            if not compared:
                continue
            # the figure nearest the list: a running figure may have grown
            nearest = min(compared, key=lambda r: abs(r.claim.span.start - m.start()))
            below = m.group("way").lower() in _BELOW
            for item in listed:
                why = _out_of_order(ctx, item, nearest, below=below)
                if why is None:
                    continue
                holder = item.claim.frame.holder if item.claim.frame else None
                yield ctx.finding(
                    "FC306",
                    item,
                    f"{item.claim.text!r} ({holder}) is listed as "
                    f"{m.group('way').lower()} than {m.group('target').strip()}, "
                    f"whose figure in this document is {nearest.claim.text!r}: {why}",
                    related=[nearest],
                    evidence=(
                        f"listed after {m.group().strip()!r}",
                        f"{nearest.claim.text!r} is {m.group('target').strip()}'s: "
                        + (
                            "its holder"
                            if nearest.claim.frame and nearest.claim.frame.holder_key
                            else "no other name in its sentence, and the story's"
                            " subject"
                        ),
                    ),
                )


#: a capitalized word inside a sentence: a name, unless a weekday or month
_NAME = regex.compile(r"(?<=\S\s+)[A-Z][\w-]+")
_CALENDAR = MONTHS | frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def _names_another(ref: ClaimRef, target: set[str]) -> bool:
    """Whether a figure's sentence names something other than the compared thing
    (the figure with no holder may then be that other thing's): "bigger than the
    land area of Los Angeles, 470 square miles"."""
    sentence = ref.claim.sentence_text
    for m in _NAME.finditer(sentence):
        word = m.group().lower()
        if word in _CALENDAR:
            continue
        if not set(holder_key([m.group()], lexicon())) <= target:
            return True
    return False


def _out_of_order(
    ctx: AuditContext, item: ClaimRef, compared: ClaimRef, *, below: bool
) -> str | None:
    """Why ``item`` cannot lie on its stated side of ``compared``, or None."""
    ia = allowed_interval(item.claim)
    ib = allowed_interval(compared.claim)
    if ia.unit != ib.unit:
        conv = ctx.convert(
            ib,
            ia.unit or "",
            kind=compared.claim.kind,
            value=compared.claim.value,
            day=compared.document.published,
        )
        if conv is None:
            return None
        ib = conv.result
    ctx.mark_checked(item, compared)
    if below:
        wrong = ia.low is not None and ib.high is not None and ia.low >= ib.high
    else:
        wrong = ia.high is not None and ib.low is not None and ia.high <= ib.low
    if not wrong:
        return None
    side = "less" if below else "more"
    return f"{format_interval(ia)} is not {side} than {format_interval(ib)}"
