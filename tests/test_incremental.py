"""The incremental audit (:mod:`factcheck.incremental`): after documents are edited,
added or removed, an audit with the cache gives byte for byte the report of an
audit without it, with one job or two, while it takes unchanged readings, blocks
and rule units from the index."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from factcheck import engine, recompute
from factcheck.cache import Cache
from factcheck.config import Config
from factcheck.engine import local
from factcheck.incremental import AuditIndex, IndexStats
from factcheck.pipeline import audit
from factcheck.report import render

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

needs_fork = pytest.mark.skipif(not local.can_fork(), reason="no fork here")


@pytest.fixture
def stats(monkeypatch: pytest.MonkeyPatch) -> list[IndexStats]:
    """What each audit's index served and computed, in order."""
    seen: list[IndexStats] = []
    real = AuditIndex.save

    def save(self: AuditIndex) -> None:
        seen.append(self.stats)
        real(self)

    monkeypatch.setattr(AuditIndex, "save", save)
    return seen


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thresholds at zero, so even a small audit's work goes to worker processes."""
    monkeypatch.setattr(engine, "MIN_PARALLEL_DOCUMENTS", 0)
    monkeypatch.setattr(engine, "MIN_PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(local, "MIN_PARALLEL_CLAIMS", 0)
    monkeypatch.setattr(recompute, "MIN_PAIRS", 0)


def _report(tree: Path, cache: Cache | None, jobs: int = 1) -> str:
    return render(audit([tree], cache=cache, jobs=jobs), "json")


def _check(tree: Path, cache: Cache, jobs: int = 1) -> None:
    """An audit with the cache reports what one without it does."""
    assert _report(tree, cache, jobs) == _report(tree, None)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the fixture articles the tests may edit."""
    root = tmp_path / "articles"
    for name in ("alibaba", "minimax", "clean", "rules"):
        shutil.copytree(FIXTURES / name, root / name)
    return root


def _steps(root: Path) -> Iterator[str]:
    """Edits of a tree, one after another: one figure changed; a figure added
    (the number of claims, so every word weight, changes); several documents
    edited; one added; one removed."""
    wire = root / "alibaba" / "east-wire.md"
    _edit(wire, "$53 billion in", "$58 billion in")
    yield "one figure changed"
    _edit(wire, "\n\n", "\n\nIt employs 12,400 engineers in Hangzhou.\n\n")
    yield "a figure added"
    _edit(root / "minimax" / "valley-briefing.md", "$", "€")
    _edit(root / "alibaba" / "harbour-daily.md", "yuan", "yuan (about $50 billion)")
    yield "several edited"
    shutil.copy(wire, root / "alibaba" / "copy-of-wire.md")
    yield "one added"
    (root / "minimax" / "asia-tech-post.md").unlink()
    yield "one removed"


@pytest.mark.parametrize(
    ("jobs", "dev"),
    [(1, True), pytest.param(2, False, marks=needs_fork)],
    ids=["one job, with the development corpus", "two jobs"],
)
@pytest.mark.usefixtures("forked")
def test_edits_additions_and_removals_give_the_uncached_report(
    tree: Path,
    tmp_path: Path,
    stats: list[IndexStats],
    jobs: int,
    dev: bool,
) -> None:
    if dev and CORPUS.is_dir():
        shutil.copytree(CORPUS, tree / "dev")
    cache = Cache(tmp_path / "c")
    _check(tree, cache, jobs)
    cold = stats[-1]
    assert cold.blocks[0] == cold.units[0] == cold.readings[0] == 0
    for step in _steps(tree):
        _check(tree, cache, jobs)
        got = stats[-1]
        assert got.readings[0] > 0, step
        assert got.units[0] > 0, step
    # the first edit changed one figure: one document read again, most blocks kept
    first = stats[1]
    assert first.readings[1] == 1
    assert first.blocks[0] > first.blocks[1]


def test_a_change_of_word_weights_judges_again_only_the_pairs_that_read_them(
    tree: Path, tmp_path: Path, stats: list[IndexStats]
) -> None:
    cache = Cache(tmp_path / "c")
    _check(tree, cache)
    # one more claim: the number of claims, so every word's weight, changes
    _edit(tree / "clean" / "cloud-quarter.md", "\n\n", "\n\nIt hired 310 people.\n\n")
    _check(tree, cache)
    got = stats[-1]
    assert got.pairs > 0  # pairs whose verdict read a weight, judged again
    assert got.blocks[0] > 0  # their blocks' other verdicts kept


def test_a_damaged_or_foreign_index_is_recomputed(
    tree: Path, tmp_path: Path, stats: list[IndexStats]
) -> None:
    cache = Cache(tmp_path / "c")
    _check(tree, cache)
    index = AuditIndex.open(
        cache, config=_config(), provider=None, inputs=[tree], sources=[]
    )
    assert index is not None
    # the same key, another layout: ignored, recomputed
    cache.store(index.key, {"format": -1}, raw=True)
    _edit(tree / "alibaba" / "east-wire.md", "31.7 billion", "31.2 billion")
    _check(tree, cache)
    assert stats[-1].blocks[0] == 0
    # well-formed but wrong: positions out of a block's range are not taken
    value = cache.lookup(index.key, raw=True)
    assert isinstance(value, dict)
    for runs in value["blocks"].values():
        for run in runs:
            for n in range(0, len(run), 3):
                run[n], run[n + 1] = 10**6, 10**6 + 1
    cache.store(index.key, value, raw=True)
    _edit(tree / "alibaba" / "east-wire.md", "31.2 billion", "36.2 billion")
    _check(tree, cache)


def _config() -> Config:
    return Config()


def test_audits_of_two_trees_keep_one_index_each(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c")
    keys = set()
    for folder in ("alibaba", "minimax"):
        index = AuditIndex.open(
            cache,
            config=_config(),
            provider=None,
            inputs=[FIXTURES / folder],
            sources=[],
        )
        assert index is not None
        keys.add(index.key)
    assert len(keys) == 2


def test_a_generated_corpus_after_edits_gives_the_uncached_report(
    bench_corpus: ModuleType, tmp_path: Path, stats: list[IndexStats]
) -> None:
    root = tmp_path / "tree"
    paths = []
    for d in bench_corpus.EventGenerator(7).corpus(120).documents:
        path = root / d.path
        path.parent.mkdir(parents=True, exist_ok=True)
        front = f"+++\npublished = {d.published.isoformat()}\n+++\n"
        path.write_text(front + d.text, encoding="utf-8")
        paths.append(path)
    cache = Cache(tmp_path / "c")
    _check(root, cache)
    for n, path in enumerate(paths[::17]):
        text = path.read_text(encoding="utf-8")
        digit = next(i for i in range(len(text) - 1, 0, -1) if text[i].isdigit())
        swapped = str((int(text[digit]) + 3) % 10)
        path.write_text(text[:digit] + swapped + text[digit + 1 :], encoding="utf-8")
        if n % 3 == 2:
            paths[n].unlink()
        _check(root, cache)
    assert json.loads(_report(root, cache))["summary"]["documents"] > 100
    assert sum(s.blocks[0] for s in stats[1:]) > sum(s.blocks[1] for s in stats[1:])


def test_a_draft_checked_against_edited_sources_gives_the_uncached_report(
    tree: Path, tmp_path: Path, stats: list[IndexStats]
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "+++\npublished = 2025-02-24\n+++\nAlibaba will invest 380 billion yuan "
        "($58 billion) in AI over three years; cloud revenue grew 13%.\n",
        encoding="utf-8",
    )
    cache = Cache(tmp_path / "c")

    def check() -> None:
        cached = audit([draft], sources=[tree], cache=cache)
        assert render(cached, "json") == render(audit([draft], sources=[tree]), "json")

    check()
    _edit(tree / "alibaba" / "east-wire.md", "$53 billion in", "$54 billion in")
    check()
    assert stats[-1].units[0] > 0
    _edit(draft, "13%", "31%")
    check()
    assert stats[-1].blocks[0] > 0
