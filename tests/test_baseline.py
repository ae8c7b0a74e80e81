"""Baselines: accept today's findings, report only new ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import attrs
import pytest

from factcheck.baseline import (
    apply_baseline,
    baseline_text,
    identify,
    read_baseline,
    repo_path,
)
from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.model import Finding, Location, Span
from factcheck.pipeline import audit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alibaba"


def _finding(text: str, line: int = 1, rule: str = "FC101") -> Finding:
    return Finding(
        rule=rule,
        name="conversion-mismatch",
        severity="error",
        message="m",
        location=Location(
            path="d/a.md",
            span=Span(line * 10, line * 10 + len(text), line=line),
            text=text,
        ),
    )


def test_a_finding_moved_by_an_edit_above_it_is_unchanged() -> None:
    known = read_baseline_from(baseline_text([_finding("$38 billion", line=3)]))
    (marked,) = apply_baseline([_finding("$38 billion", line=9)], known)
    assert marked.baseline_state == "unchanged"


def test_a_new_finding_is_new() -> None:
    known = read_baseline_from(baseline_text([_finding("$38 billion")]))
    (marked,) = apply_baseline([_finding("$7.6 million")], known)
    assert marked.baseline_state == "new"


def test_two_identical_findings_need_two_entries() -> None:
    known = read_baseline_from(baseline_text([_finding("$38 billion")]))
    states = [
        f.baseline_state for f in apply_baseline([_finding("$38 billion")] * 2, known)
    ]
    assert states == ["unchanged", "new"]


def read_baseline_from(text: str) -> Counter[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "b.json"
        path.write_text(text, encoding="utf-8")
        return read_baseline(path)


def test_bad_baseline_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.json"):
        read_baseline(path)
    path.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(InputError, match="version"):
        read_baseline(path)


def test_cli_baseline_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "base.json"
    assert main(["audit", str(FIXTURES), "--write-baseline", str(base)]) == 1
    capsys.readouterr()
    assert main(["audit", str(FIXTURES), "--baseline", str(base)]) == 0
    assert "0 finding(s)" in capsys.readouterr().out
    assert (
        main(["audit", str(FIXTURES), "--baseline", str(tmp_path / "missing.json")])
        == 2
    )


# --- fingerprints that hold ---------------------------------------------------

_HEAD = "+++\npublished = 2025-02-24\n+++\n"
#: a stated conversion at 10 yuan per dollar (FC101) in a sentence of our own
_WRONG = "The group will spend 380 billion yuan ($38 billion) on data centres.\n"
_AGAIN = (
    "Later the text repeats: 380 billion yuan ($38 billion) goes to data centres.\n"
)


def _site(root: Path) -> Path:
    """Two posts named index.md in their own folders: one suppresses its FC101, the
    other states the wrong conversion twice."""
    (root / ".git").mkdir(parents=True)  # a repository root, as git leaves it
    first, second = root / "posts" / "a", root / "posts" / "b"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    (first / "index.md").write_text(
        f"{_HEAD}<!-- factcheck: ignore FC101 -->\n{_WRONG}", encoding="utf-8"
    )
    (second / "index.md").write_text(f"{_HEAD}{_WRONG}\n{_AGAIN}", encoding="utf-8")
    return root / "posts"


def test_a_run_right_after_write_baseline_passes(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    posts = _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    base = tmp_path / "baseline.json"
    assert main(["audit", str(posts), "--write-baseline", str(base)]) == 1
    capsys.readouterr()
    # the suppressed FC101 in posts/a shares rule and text with the two in posts/b;
    # it must not use up their entries
    assert main(["audit", str(posts), "--baseline", str(base)]) == 0
    assert "0 finding(s)" in capsys.readouterr().out


def test_a_moved_line_keeps_its_fingerprint(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    posts = _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    base = tmp_path / "baseline.json"
    main(["audit", str(posts), "--write-baseline", str(base), "--fail-on", "never"])
    moved = posts / "b" / "index.md"
    intro = "An introduction of our own, with no figures.\n\nAnother one.\n\n"
    moved.write_text(f"{_HEAD}{intro}{_WRONG}\n{_AGAIN}", encoding="utf-8")
    capsys.readouterr()
    assert main(["audit", str(posts), "--baseline", str(base)]) == 0
    # and a new wrong figure is new
    moved.write_text(
        f"{_HEAD}{_WRONG}\n{_AGAIN}\nA third time: 380 billion yuan ($38 billion).\n",
        encoding="utf-8",
    )
    assert main(["audit", str(posts), "--baseline", str(base)]) == 1


def test_the_same_claim_twice_has_two_fingerprints(tmp_path: Path) -> None:
    posts = _site(tmp_path)
    report = audit([posts])
    fc101 = [f for f in report.findings if f.rule == "FC101"]
    assert len(fc101) == 3
    assert len({f.fingerprint for f in fc101}) == 3
    in_b = [f for f in fc101 if f.fingerprint_path == "posts/b/index.md"]
    assert [f.occurrence for f in in_b] == [0, 1]
    (in_a,) = [f for f in fc101 if f.fingerprint_path == "posts/a/index.md"]
    assert in_a.suppressed_by is not None


def test_fingerprint_paths_are_relative_to_the_git_root_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = _site(tmp_path)
    monkeypatch.chdir(posts / "b")
    from_inside = {f.fingerprint for f in audit(["index.md", "../a/index.md"]).findings}
    monkeypatch.chdir(tmp_path)
    from_root = {f.fingerprint for f in audit([posts]).findings}
    assert from_inside == from_root
    assert repo_path(str(posts / "b" / "index.md")) == "posts/b/index.md"


def test_outside_git_paths_are_relative_to_the_config_root(tmp_path: Path) -> None:
    (tmp_path / "site" / "news").mkdir(parents=True)
    article = tmp_path / "site" / "news" / "a.md"
    article.write_text("Up 13%.\n", encoding="utf-8")
    assert repo_path(str(article), config_root=tmp_path / "site") == "news/a.md"


def test_identify_counts_occurrences_per_rule_path_and_text() -> None:
    found = identify(
        [
            _finding("$38 billion", line=5),
            _finding("$38  Billion", line=2),
            _finding("$38 billion", line=3, rule="FC201"),
            _finding("$7 billion", line=4),
        ]
    )
    assert [f.occurrence for f in found] == [1, 0, 0, 0]
    assert len({f.fingerprint for f in found}) == 4


def test_suppressed_findings_never_use_up_entries() -> None:
    plain = _finding("$38 billion")
    quiet = attrs.evolve(plain, suppressed_by="<!-- factcheck: ignore -->")
    known = read_baseline_from(baseline_text([plain, quiet]))
    assert sum(known.values()) == 1
    marked = apply_baseline([quiet, plain], known)
    assert [f.baseline_state for f in marked] == [None, "unchanged"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"version": 1, "findings": []}', "write it again"),
        (b"[1, 2]", "not a factcheck baseline"),
    ],
    ids=["binary", "deeply-nested", "version-1", "a-list"],
)
def test_a_bad_baseline_is_a_clear_usage_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    base = tmp_path / "bad-baseline.json"
    base.write_bytes(content)
    assert main(["audit", str(FIXTURES), "--baseline", str(base)]) == 2
    err = capsys.readouterr().err
    assert "bad-baseline.json" in err
    assert reason in err
    assert "Traceback" not in err
