"""The aligner's candidate search at scale: blocks, and which pairs of one stated
amount are decided.

A specific amount printed by two reports ("38.4 billion yuan") is evidence that
they state one fact only within a news cycle, or when both name the same holder
(``decide``). An archive prints common amounts ("24 hours", "44%") thousands of
times, so the search pairs an amount's reports only where the amount is evidence;
every other pair it would have decided says the same without the amount. The groups
must be those of pairing every report of the amount with every other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from factcheck.align import ClaimRef, Decision, FrameAligner, claim_refs
from factcheck.align import groups as groups_module
from factcheck.align.groups import Alignment, pair_key
from factcheck.extractor import extract_document
from factcheck.load import load_paths
from factcheck.model import Document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
DAY = dt.date(2024, 3, 12)


def _refs(*docs: tuple[str, dt.date | None]) -> list[ClaimRef]:
    extractions = [
        extract_document(
            Document.from_text(text, path=f"doc{i}.txt", published=published)
        )
        for i, (text, published) in enumerate(docs)
    ]
    return claim_refs(extractions)


def _pairs(refs: Sequence[ClaimRef]) -> set[tuple[str, str]]:
    return {
        (a.document.path, b.document.path) for a, b in FrameAligner().candidates(refs)
    }


def test_same_amount_within_a_news_cycle_is_a_candidate() -> None:
    refs = _refs(
        ("Korvel Mining paid 38.4 billion yuan for the port.", DAY),
        ("Dasmir Foods booked 38.4 billion yuan in sales.", DAY + dt.timedelta(20)),
    )
    assert ("doc0.txt", "doc1.txt") in _pairs(refs)


def test_same_amount_two_news_cycles_apart_with_other_holders_is_no_candidate() -> None:
    refs = _refs(
        ("Korvel Mining paid 38.4 billion yuan for the port.", DAY),
        ("Dasmir Foods booked 38.4 billion yuan in sales.", DAY + dt.timedelta(200)),
    )
    assert ("doc0.txt", "doc1.txt") not in _pairs(refs)


def test_same_amount_and_holder_two_news_cycles_apart_is_a_candidate() -> None:
    refs = _refs(
        ("Korvel Mining paid 38.4 billion yuan for the port.", DAY),
        ("Korvel Mining paid 38.4 billion yuan for the port.", DAY + dt.timedelta(200)),
    )
    assert ("doc0.txt", "doc1.txt") in _pairs(refs)
    blocks = FrameAligner().blocks(refs)
    # (a digit slip's block, "slip:...", is another kind of anchor block)
    anchor = [k for k in blocks if k[0] == "anchor" and not k[1].startswith("slip:")]
    assert anchor == [("anchor", "money", "CNY", str(38.4e9))]
    assert len(blocks[anchor[0]]) == 2


def test_same_amount_undated_is_a_candidate() -> None:
    refs = _refs(
        ("Korvel Mining paid 38.4 billion yuan for the port.", None),
        ("Dasmir Foods booked 38.4 billion yuan in sales.", DAY + dt.timedelta(200)),
    )
    assert ("doc0.txt", "doc1.txt") in _pairs(refs)


def test_a_digit_slip_is_searched_between_one_storys_reports() -> None:
    refs = _refs(
        ("Korvel Mining paid $60.5 million for the Tarrow port.", DAY),
        ("The Tarrow port cost $50.6 million, Korvel Mining said.", DAY),
    )
    assert ("doc0.txt", "doc1.txt") in _pairs(refs)


def test_a_digit_slip_is_not_searched_between_unrelated_stories() -> None:
    # an archive's month prints the same three digits in thousands of stories: a
    # slip's block is one story's, each of the story's names its own block
    refs = _refs(
        ("Korvel Mining paid $60.5 million for the Tarrow port.", DAY),
        ("Dasmir Foods paid $50.6 million for the Oslen mill.", DAY),
    )
    assert ("doc0.txt", "doc1.txt") not in _pairs(refs)
    slips = [k for k in FrameAligner().blocks(refs) if k[1].startswith("slip:")]
    assert slips
    assert all(k[3] for k in slips)


def test_pair_key_is_unordered() -> None:
    a, b = _refs(
        ("Korvel Mining paid 38.4 billion yuan for the port.", DAY),
        ("Dasmir Foods booked 31.2 billion yuan in sales.", DAY),
    )
    assert pair_key(a, b) == pair_key(b, a) == (a.key, b.key)


def _described(alignment: Alignment) -> tuple[object, ...]:
    def decision(d: Decision) -> tuple[object, ...]:
        return (d.a.key, d.b.key, d.confidence, d.level, d.evidence)

    return (
        [
            ([m.key for m in g.members], [decision(d) for d in g.decisions])
            for g in alignment.groups
        ],
        [decision(d) for d in alignment.series],
    )


def _assert_same_as_exhaustive(
    refs: Sequence[ClaimRef], monkeypatch: pytest.MonkeyPatch
) -> None:
    filtered = FrameAligner().align(refs)
    with monkeypatch.context() as m:
        m.setattr(groups_module, "_anchor_pairs", groups_module._all_pairs)
        exhaustive = FrameAligner().align(refs)
    assert _described(filtered) == _described(exhaustive)
    # the weak pairs dropped are those the amount alone had put forward
    kept = {pair_key(d.a, d.b) for d in filtered.possible}
    for d in exhaustive.possible:
        if pair_key(d.a, d.b) not in kept:
            da, db = d.a.document.published, d.b.document.published
            assert da is not None
            assert db is not None
            assert abs((da - db).days) > 60


def test_fixture_groups_are_those_of_exhaustive_anchor_pairing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs, _ = load_paths([ROOT / "fixtures"])
    refs = claim_refs([extract_document(d) for d in docs])
    _assert_same_as_exhaustive(refs, monkeypatch)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/dev is absent")
def test_corpus_groups_are_those_of_exhaustive_anchor_pairing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs, _ = load_paths([CORPUS])
    refs = claim_refs([extract_document(d) for d in docs])
    _assert_same_as_exhaustive(refs, monkeypatch)
