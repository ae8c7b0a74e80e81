"""The audit benchmark's generated corpus (``benchmarks/corpus.py``): deterministic,
sizes that are prefixes of one sequence, planted errors where their spans say, and
wording that varies from event to event."""

from __future__ import annotations

from types import ModuleType


def test_sizes_are_prefixes_of_one_deterministic_sequence(
    bench_corpus: ModuleType,
) -> None:
    small = bench_corpus.EventGenerator(7).corpus(30)
    large = bench_corpus.EventGenerator(7).corpus(60)
    again = bench_corpus.EventGenerator(7).corpus(60)
    assert [(d.path, d.text) for d in large.documents] == [
        (d.path, d.text) for d in again.documents
    ]
    assert [d.text for d in small.documents] == [d.text for d in large.documents[:30]]


def test_planted_errors_stand_where_their_spans_say(bench_corpus: ModuleType) -> None:
    generated = bench_corpus.EventGenerator(11).corpus(300)
    texts = {d.path: d.text for d in generated.documents}
    assert generated.planted
    for p in generated.planted:
        assert p.kind in bench_corpus.PLANTED_KINDS
        for start, end in p.spans:
            assert texts[p.path][start:end] == p.text


def test_wording_varies_from_event_to_event(bench_corpus: ModuleType) -> None:
    texts = [d.text for d in bench_corpus.EventGenerator(3).corpus(600).documents]
    windows = {
        w
        for w in ("first 24 hours", "first 48 hours", "first week")
        if any(w in t for t in texts)
    }
    verbs = {
        v
        for v in ("reported revenue", "posted revenue", "announced revenue")
        if any(v in t for t in texts)
    }
    assert len(windows) > 1
    assert len(verbs) > 1
    # the shapes of issue 11: a "respectively" list, and a share of a named whole
    assert any("respectively" in t for t in texts)
    assert any("% of" in t and "'s revenue" in t for t in texts)
