"""``sources`` in the configuration: the published articles drafts are checked against.

``factcheck audit PATH...`` then audits PATH... as drafts against that tree (which is
what the pre-commit hook does with the staged files); a path inside the tree is a draft
too, checked against the others; auditing the whole tree is a plain audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

_HEAD = "+++\npublished = 2025-02-24\n+++\n"
_SOURCE = "Harbour Rail will invest 380 billion yuan in new lines over three years, it said.\n"
_OTHER = "Shares in Harbour Rail rose 3.1% after the plan was announced.\n"
#: 380 billion yuan is about $52.4 billion that day; a draft printing $38 billion
#: contradicts the published article without stating the yuan figure itself
_DRAFT = (
    "Harbour Rail will invest $38 billion in new lines over three years, it said.\n"
)


def _tree(root: Path) -> None:
    (root / "articles").mkdir()
    (root / "drafts").mkdir()
    (root / "articles" / "plan.md").write_text(_HEAD + _SOURCE, encoding="utf-8")
    (root / "articles" / "shares.md").write_text(_HEAD + _OTHER, encoding="utf-8")
    (root / "drafts" / "new.md").write_text(_HEAD + _DRAFT, encoding="utf-8")
    (root / "factcheck.toml").write_text('sources = ["articles/"]\n', encoding="utf-8")


def _audit(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, dict]:
    code = main(["audit", *paths, "--format", "json", "--no-progress"])
    return code, json.loads(capsys.readouterr().out)


def test_a_draft_is_checked_against_the_configured_sources(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, report = _audit(capsys, "drafts/new.md")
    assert code == 1
    conflicts = [f for f in report["findings"] if f["rule"] == "FC201"]
    assert conflicts
    assert {f["path"] for f in report["findings"]} == {"drafts/new.md"}
    assert {r["path"] for f in conflicts for r in f["related"]} == {
        str(Path("articles") / "plan.md")
    }


def test_without_the_config_key_the_draft_alone_passes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _tree(tmp_path)
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, report = _audit(capsys, "drafts/new.md")
    assert code == 0
    assert not [f for f in report["findings"] if f["rule"] == "FC201"]


def test_sources_are_relative_to_the_config_file_from_a_subfolder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path / "drafts")
    code, report = _audit(capsys, "new.md")
    assert code == 1
    assert any(f["rule"] == "FC201" for f in report["findings"])


def test_an_edited_article_inside_the_tree_is_checked_against_the_others(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _tree(tmp_path)
    edited = tmp_path / "articles" / "shares.md"
    edited.write_text(_HEAD + _OTHER + "\n" + _DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, report = _audit(capsys, "articles/shares.md")
    assert code == 1
    assert {f["path"] for f in report["findings"]} == {"articles/shares.md"}


def test_auditing_the_whole_source_tree_is_a_plain_audit(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    _, configured = _audit(capsys, "articles")
    (tmp_path / "factcheck.toml").write_text("", encoding="utf-8")
    _, plain = _audit(capsys, "articles")
    assert configured["findings"] == plain["findings"]
    assert not [f for f in configured["findings"] if f["rule"] == "FC203"]


def test_a_missing_source_folder_is_named(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _tree(tmp_path)
    (tmp_path / "factcheck.toml").write_text('sources = ["archive/"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["audit", "drafts/new.md", "--no-progress"])
    assert code == 2
    assert "archive: no such file" in capsys.readouterr().err
