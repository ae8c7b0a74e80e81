"""The audit cache: a hit gives exactly what a miss gives, in every format; a
changed document is the only one extracted again; damaged, foreign or unwritable
entries cost speed, never a crash; the size bound drops the least recently used."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import factcheck.cache
from factcheck.cache import Cache, document_key, provider_identity
from factcheck.cli import ExitCode, main
from factcheck.config import Config, parse_config
from factcheck.errors import ConfigError
from factcheck.load import load_paths, load_text
from factcheck.pipeline import audit, extract_documents
from factcheck.report import FORMATS, render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: the user cache folder as the command line finds it (the suite gives each test
#: its own: see conftest.py)
USER_CACHE_DIR = factcheck.cache.default_cache_dir
INPUTS = [FIXTURES / "alibaba", FIXTURES / "minimax", FIXTURES / "clean"]


def _entries(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.bin"))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the fixture articles the tests may edit."""
    root = tmp_path / "articles"
    for folder in INPUTS:
        shutil.copytree(folder, root / folder.name)
    return root


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_from_the_cache_renders_byte_identical(tmp_path: Path, fmt: str) -> None:
    fresh = audit(INPUTS)
    first = audit(INPUTS, cache=Cache(tmp_path / "c"))
    again = Cache(tmp_path / "c")
    cached = audit(INPUTS, cache=again)
    # found by the files' bytes (the quick key), then the report: nothing parsed
    assert again.stats() == (2, 0)
    assert render(first, fmt) == render(fresh, fmt) == render(cached, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cached_extractions_give_byte_identical_reports(
    tmp_path: Path, fmt: str
) -> None:
    docs, _ = load_paths(INPUTS)
    warm = Cache(tmp_path / "c")
    extract_documents(docs, cache=warm)  # extractions only: the report is not kept
    config = Config(tolerance=0.006)
    cache = Cache(tmp_path / "c")
    cached = audit(INPUTS, config=config, cache=cache)
    hits, misses = cache.stats()
    # every extraction; the report missed by bytes and by content, and the
    # incremental index (none was kept)
    assert (hits, misses) == (len(docs), 3)
    assert render(cached, fmt) == render(audit(INPUTS, config=config), fmt)


def test_extract_command_output_is_identical_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["extract", *map(str, INPUTS), "--format", "json"]
    assert main([*argv, "--no-cache"]) == ExitCode.OK
    uncached = capsys.readouterr().out
    for _ in range(2):
        assert main([*argv, "--cache-dir", str(tmp_path)]) == ExitCode.OK
        assert capsys.readouterr().out == uncached
    assert _entries(tmp_path)


def test_a_changed_document_is_the_only_one_extracted_again(
    tree: Path, tmp_path: Path
) -> None:
    audit([tree], cache=Cache(tmp_path / "c"))
    n = len(load_paths([tree])[0])
    edited = tree / "alibaba" / "east-wire.md"
    edited.write_text(edited.read_text() + "\nIt employs 1,234 engineers.\n")
    cache = Cache(tmp_path / "c")
    report = audit([tree], cache=cache)
    # the report (by bytes and by content) and the edited document missed; the
    # other documents and the incremental index hit
    assert cache.stats() == (n, 3)
    assert report == audit([tree])


def test_a_moved_file_still_hits_and_reports_its_new_path(
    tree: Path, tmp_path: Path
) -> None:
    audit([tree], cache=Cache(tmp_path / "c"))
    (tree / "minimax").rename(tree / "elsewhere")
    cache = Cache(tmp_path / "c")
    report = audit([tree], cache=cache)
    assert cache.stats()[1] == 2  # the report (paths changed); every extraction hit
    assert report == audit([tree])
    assert any("elsewhere" in d.path for d in report.documents)


def test_the_key_is_the_document_as_read_not_its_path() -> None:
    a = load_text("Up 13%.", path="a.md", published="2025-02-24")
    moved = load_text("Up 13%.", path="b/c.md", published="2025-02-24")
    assert document_key(a) == document_key(moved)
    for other in (
        load_text("Up 14%.", path="a.md", published="2025-02-24"),
        load_text("Up 13%.", path="a.md", published="2025-02-25"),
        load_text("Up 13%.", path="a.txt", published="2025-02-24"),
        load_text("Up 13%.", path="a.md", published="2025-02-24", outlet="CNA"),
    ):
        assert document_key(other) != document_key(a)


def test_a_config_change_reruns_the_audit_not_the_extraction(tmp_path: Path) -> None:
    audit(INPUTS, cache=Cache(tmp_path / "c"))
    cache = Cache(tmp_path / "c")
    config = Config(rules={"FC202": "off"})
    report = audit(INPUTS, config=config, cache=cache)
    # the report, by bytes and by content, and the index (keyed by the config)
    assert cache.stats()[1] == 3
    assert report == audit(INPUTS, config=config)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-7] + b"garbage",  # a flipped tail: checksum fails
        lambda b: b[:20],  # cut short
        lambda b: b"not a cache entry at all",  # a foreign file
        lambda b: b"FCAC\x09" + b[5:],  # another cache format
        lambda b: b"",
    ],
    ids=["checksum", "truncated", "foreign", "format", "empty"],
)
def test_a_damaged_entry_is_ignored_and_recomputed(
    tmp_path: Path, damage: object, caplog: pytest.LogCaptureFixture
) -> None:
    expected = audit(INPUTS)
    audit(INPUTS, cache=Cache(tmp_path / "c"))
    for path in _entries(tmp_path / "c"):
        path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    cache = Cache(tmp_path / "c")
    with caplog.at_level("DEBUG", logger="factcheck.cache"):
        assert audit(INPUTS, cache=cache) == expected
    assert cache.stats()[0] == 0
    assert "ignored" in caplog.text
    again = Cache(tmp_path / "c")
    assert audit(INPUTS, cache=again) == expected  # rewritten: a hit now
    assert again.stats() == (2, 0)


def test_an_entry_for_another_key_is_not_taken(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    one = load_text("Sales rose 13%.", path="a.txt")
    two = load_text("Sales rose 14%.", path="b.txt")
    cache.store_extraction(extract_documents([one])[0][0])
    entry = _entries(tmp_path)[0]
    # the second document's entry file holds the first one's claims
    target = cache._path(cache._extraction_key(two))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(entry.read_bytes())
    assert cache.extraction(two) is None


def test_an_unwritable_cache_costs_only_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    cache = Cache(blocked / "cache")
    assert audit(INPUTS, cache=cache) == audit(INPUTS)
    # the report (twice), the index, every extraction
    assert cache.stats() == (0, 3 + sum(len(load_paths([p])[0]) for p in INPUTS))


def test_least_recently_used_entries_go_first(tmp_path: Path) -> None:
    docs = [
        load_text(f"Sales rose {n}% to {n} tonnes.", path=f"{n}.txt")
        for n in range(1, 7)
    ]
    cache = Cache(tmp_path)
    paths = []
    for age, extraction in enumerate(extract_documents(docs)[0]):
        cache.store_extraction(extraction)
        path = cache._path(cache._extraction_key(extraction.document))
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # stored in this order
        paths.append(path)
    assert cache.extraction(docs[0]) is not None  # the oldest, used now
    keep = sum(paths[i].stat().st_size for i in (0, 4, 5))
    assert cache.evict(target=keep) == 3
    assert [p.exists() for p in paths] == [True, False, False, False, True, True]


def test_the_bound_holds_as_entries_are_stored(tmp_path: Path) -> None:
    docs = [load_text(f"It rose {n}%.", path=f"{n}.txt") for n in range(40)]
    probe = Cache(tmp_path / "probe")
    probe.store_extraction(extract_documents(docs[:1])[0][0])
    size = probe.info()[1]
    cache = Cache(tmp_path / "c", max_bytes=size * 10)
    extract_documents(docs, cache=cache)
    assert cache.info()[1] <= size * 10
    assert cache.info()[0] < len(docs)


def test_python_api_leaves_the_cache_off(tmp_path: Path) -> None:
    root = os.environ["FACTCHECK_CACHE_DIR"]
    before = _entries(Path(root) / "audit")
    audit(INPUTS)
    assert _entries(Path(root) / "audit") == before


def test_cli_caches_by_default_and_obeys_no_cache_and_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(factcheck.cache, "default_cache_dir", USER_CACHE_DIR)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "user"))
    argv = ["audit", *map(str, INPUTS), "--format", "json"]
    main([*argv, "--no-cache"])
    plain = capsys.readouterr().out
    assert not (tmp_path / "user").exists()
    main(argv)
    assert capsys.readouterr().out == plain
    assert _entries(tmp_path / "user" / "audit")
    main([*argv, "--cache-dir", str(tmp_path / "mine")])
    assert capsys.readouterr().out == plain
    assert _entries(tmp_path / "mine")
    main([*argv, "--cache-dir", str(tmp_path / "none"), "--cache-size", "0"])
    assert not (tmp_path / "none").exists()


def test_cache_command_shows_and_clears(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["audit", str(INPUTS[0]), "--cache-dir", str(tmp_path), "-o", "-"])
    capsys.readouterr()
    assert main(["cache", "info", "--cache-dir", str(tmp_path)]) == ExitCode.OK
    shown = capsys.readouterr().out
    # 3 articles, the report, the key that finds it by the files' bytes, and the
    # incremental index
    assert shown.startswith(f"{tmp_path}: 6 entries, ")
    assert main(["cache", "clear", "--cache-dir", str(tmp_path)]) == ExitCode.OK
    assert "removed 6 cache entries" in capsys.readouterr().out
    assert not _entries(tmp_path)


def test_cache_size_is_a_config_key() -> None:
    assert parse_config({"cache_size": 64}).cache_size == 64
    assert Config().cache_size == 256
    for bad in (-1, "64", 1.5, True):
        with pytest.raises(ConfigError, match="cache_size"):
            parse_config({"cache_size": bad})


def test_rates_that_may_change_are_never_keyed() -> None:
    """A report is cached only when its rates cannot change between runs: the
    offline history (by its data file) and a user table (by its rows)."""
    import datetime as dt

    from factcheck.normalize import default_provider
    from factcheck.normalize.online import OnlineProvider
    from factcheck.normalize.table import TableProvider, TableRow

    assert provider_identity(default_provider()) is not None
    assert provider_identity(OnlineProvider(fallback=default_provider())) is None
    assert provider_identity(object()) is None

    def table(rate: float) -> TableProvider:
        day = dt.date(2025, 2, 24)
        return TableProvider.from_rows(
            [TableRow(date=day, base="USD", quote="TWD", rate=rate)]
        )

    assert provider_identity(table(32.79)) == provider_identity(table(32.79))
    assert provider_identity(table(32.79)) != provider_identity(table(32.8))


class _OwnRates:
    """A provider of the user's own (the cache cannot tell when its rates change):
    the offline history under another name."""

    def __init__(self) -> None:
        from factcheck.normalize import default_provider

        self._inner = default_provider()
        self.name = "own"

    def __getattr__(self, attr: str) -> object:
        return getattr(self._inner, attr)


def test_a_report_with_rates_of_unknown_origin_is_not_kept(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    first = audit(INPUTS[:1], cache=cache, provider=_OwnRates())  # type: ignore[arg-type]
    again = Cache(tmp_path)
    second = audit(INPUTS[:1], cache=again, provider=_OwnRates())  # type: ignore[arg-type]
    assert again.stats() == (3, 0)  # the three articles' extractions; no report
    assert first == second


def test_a_report_found_by_bytes_checks_the_sources_drafts_list(
    tmp_path: Path,
) -> None:
    """A draft's front matter may name its sources: the report found by the
    drafts' bytes is used only while those files are unchanged too."""
    wire = tmp_path / "wires" / "east-wire.md"
    wire.parent.mkdir()
    shutil.copy(FIXTURES / "alibaba" / "east-wire.md", wire)
    text = (FIXTURES / "alibaba" / "harbour-daily.md").read_text()
    draft = tmp_path / "draft.md"
    draft.write_text(text.replace("+++\n", "+++\nsources = ['wires/']\n", 1))
    assert load_paths([draft])[0][0].sources == ("wires/",)
    audit([draft], cache=Cache(tmp_path / "c"))
    before = audit([draft], cache=Cache(tmp_path / "c"))
    wire.write_text(wire.read_text() + "\nThe group pledged 390 billion yuan.\n")
    cache = Cache(tmp_path / "c")
    after = audit([draft], cache=cache)
    assert after == audit([draft]) != before
    assert cache.stats()[1] == 2  # the report (content key) and the edited wire


def test_an_edited_file_misses_the_quick_key(tree: Path, tmp_path: Path) -> None:
    audit([tree], cache=Cache(tmp_path / "c"))
    edited = tree / "minimax" / "valley-briefing.md"
    edited.write_text(edited.read_text().replace("a", "A", 1))
    assert audit([tree], cache=Cache(tmp_path / "c")) == audit([tree])
