"""The command line meets users: a progress line on a terminal that covers every stage
(read, extract, align, rules, write) with counts and elapsed time, quiet when piped,
and ``-`` reading a document from standard input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALIBABA = FIXTURES / "alibaba"


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _lines(drawn: str) -> list[str]:
    return [part.removesuffix("\x1b[K") for part in drawn.split("\r") if part]


def test_progress_on_a_terminal_covers_every_stage(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["audit", str(ALIBABA), "-o", "report.txt"])
    assert code == 1
    lines = _lines(terminal.getvalue())
    stages = [line.split()[1] for line in lines if line.startswith("factcheck: ")]
    for stage in ("read", "extract", "align", "rules", "write"):
        assert stage in stages, stages
    assert stages.index("read") < stages.index("align") < stages.index("write")
    assert any(line.startswith("factcheck: read 3/3 files · ") for line in lines)
    assert any(line.startswith("factcheck: extract 3/3 documents · ") for line in lines)
    assert all(line.endswith(" s") for line in lines if line.startswith("factcheck"))
    assert terminal.getvalue().endswith("\r\x1b[K")  # the line is cleared at the end
    assert capsys.readouterr().out == ""


def test_extract_shows_progress_too(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(ALIBABA), "-o", "claims.txt"]) == 0
    stages = {line.split()[1] for line in _lines(terminal.getvalue()) if line}
    assert {"read", "extract", "write"} <= stages


def test_no_progress_when_piped_or_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["audit", str(ALIBABA)])
    assert capsys.readouterr().err == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["audit", str(ALIBABA), "--no-progress"])
    assert terminal.getvalue() == ""


_DRAFT = (
    "+++\npublished = 2025-02-24\n+++\n"
    "The group will spend 380 billion yuan ($38 billion) on data centres.\n"
)


def _factcheck(*argv: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *argv],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_dash_reads_a_document_from_standard_input() -> None:
    done = _factcheck("audit", "-", "--format", "json", stdin=_DRAFT.encode())
    assert done.returncode == 1, done.stderr
    payload = json.loads(done.stdout)
    assert {f["path"] for f in payload["findings"]} == {"-"}
    assert {f["rule"] for f in payload["findings"]} >= {"FC101"}


def test_stdin_name_picks_the_format_and_the_reported_path() -> None:
    markdown = _DRAFT.replace("380 billion", "`380 billion`", 1)
    done = _factcheck(
        "extract", "-", "--stdin-name", "drafts/cloud.md", stdin=markdown.encode()
    )
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert "drafts/cloud.md:4:" in text
    assert "380 billion yuan" not in text  # inline code is not prose in Markdown


def test_stdin_is_audited_beside_files_and_bad_stdin_names_itself() -> None:
    done = _factcheck("audit", "-", str(ALIBABA), "--format", "json", stdin=b"\xff\xfe")
    assert done.returncode == 2
    assert b"factcheck: -: not UTF-8" in done.stderr
    assert json.loads(done.stdout)["summary"]["documents"] == 3
    empty = _factcheck("audit", "-", stdin=b"   \n")
    assert empty.returncode == 2
    assert b"-: empty input" in empty.stderr
