"""Baselines: accept today's findings, report only new ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from factcheck.baseline import apply_baseline, baseline_text, read_baseline
from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.model import Finding, Location, Span

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
