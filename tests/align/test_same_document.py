"""Two figures of one document: listed side by side (different facts, a cannot-link)
or a statement and its sequel across ";", ":" or a dash (judged like two sentences).

Minimal pairs: the same two figures, joined by a list marker in one clause or
standing in two clauses of one sentence."""

from __future__ import annotations

import datetime as dt

import pytest
import regex

from factcheck.align import read_frames
from factcheck.extractor import extract_document
from factcheck.model import Document
from factcheck.rules.context import build_context

PAIRS = [
    (
        "Orion had a budget of $96.5 million; the total cost of that mission was"
        " $140 million.",
        "Orion had a budget of $96.5 million and a total cost of $140 million.",
    ),
    (
        "The Tarn bridge had a budget of $310 million: the total cost of that"
        " crossing was $355 million.",
        "The Tarn bridge had a budget of $310 million and a total cost of $355"
        " million.",
    ),
    (
        "Halvor Mining owed a tax of $58 million — the total tax of that company"
        " was $61 million.",
        "Halvor Mining owed a tax of $58 million and a total tax of $61 million.",
    ),
]


def _paired(text: str, first: str, second: str) -> bool:
    doc = Document.from_text(text, path="one.txt", published=dt.date(2024, 3, 12))
    extraction = read_frames(extract_document(doc))
    by_text = {c.text: c for c in extraction.claims}
    ka, kb = (0, by_text[first].id), (0, by_text[second].id)
    ctx = build_context([extraction])
    grouped = any({ka, kb} <= {m.key for m in g.members} for g in ctx.alignment.groups)
    possible = any({d.a.key, d.b.key} == {ka, kb} for d in ctx.alignment.possible)
    return grouped or possible


@pytest.mark.parametrize(("apart", "listed"), PAIRS)
def test_a_sequel_clause_is_judged_a_list_is_not(apart: str, listed: str) -> None:
    first, second = regex.findall(r"\$\d+(?:\.\d+)? million", apart)
    assert _paired(apart, first, second)
    assert not _paired(listed, first, second)


def _level(text: str, first: str, second: str) -> str | None:
    doc = Document.from_text(text, path="one.txt", published=dt.date(2024, 3, 12))
    extraction = read_frames(extract_document(doc))
    by_text = {c.text: c for c in extraction.claims}
    keys = {(0, by_text[first].id), (0, by_text[second].id)}
    ctx = build_context([extraction])
    if any(keys <= {m.key for m in g.members} for g in ctx.alignment.groups):
        return "confident"
    return next(
        (d.level for d in ctx.alignment.possible if {d.a.key, d.b.key} == keys), None
    )


def test_one_shared_verb_is_no_restatement() -> None:
    # two clauses of one story sharing only "grew" are weak evidence (info at most);
    # the same clause restated, holder and all, may give a warning
    weak = "Kestrel Group said revenue grew 2.3% in 2023. Cloud computing grew 21.9%."
    restated = (
        "Kestrel Group said cloud revenue grew 2.3% in 2023. Kestrel Group's cloud"
        " revenue grew 21.9% in 2023, the report said."
    )
    assert _level(weak, "2.3%", "21.9%") == "possible"
    assert _level(restated, "2.3%", "21.9%") == "probable"


@pytest.mark.parametrize(
    ("text", "first", "second", "paired"),
    [
        # two amounts of one sentence, one with its stated equivalent: two facts
        (
            "Arsenal signed Rice for a fee of £100 million ($131m) plus £5m in"
            " add-ons.",
            "$131m",
            "£5m",
            False,
        ),
        # the same amount and its stated equivalent: one fact
        (
            "Arsenal signed Rice for a fee of £100 million ($131m) plus £5m in"
            " add-ons.",
            "$131m",
            "£100 million",
            True,
        ),
        # a sequel clause after ";" is judged like another sentence
        (
            "Arsenal paid a fee of £100 million ($131m); the total fee Arsenal paid"
            " was £105m.",
            "$131m",
            "£105m",
            True,
        ),
    ],
)
def test_an_equivalent_is_listed_where_its_figure_is(
    text: str, first: str, second: str, paired: bool
) -> None:
    assert _paired(text, first, second) is paired


def test_two_measures_of_one_sentence_are_two_facts() -> None:
    text = "The Dali itself is 300 metres long and 48 metres (157 feet) wide."
    assert not _paired(text, "300 metres", "157 feet")
    assert _paired(text, "48 metres", "157 feet")
