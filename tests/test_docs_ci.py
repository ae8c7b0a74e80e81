"""The commands in docs/ci.md (and the pre-commit hook's entry) run as written,
with the project's fixtures standing in for the drafts."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ci.md"
FIXTURES = ROOT / "fixtures" / "alibaba"


def _commands() -> list[str]:
    """``factcheck`` command lines inside the guide's fenced code blocks."""
    out = []
    in_code = False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("```"):
            in_code = not in_code
            continue
        text = line.strip().removeprefix("- ").removeprefix("run: ")
        if in_code and text.startswith("factcheck "):
            out.append(text)
    return out


def test_the_guide_shows_the_commands() -> None:
    commands = _commands()
    assert any("--format github" in c for c in commands)
    assert any("--format sarif" in c for c in commands)
    assert any("--write-baseline" in c for c in commands)


@pytest.mark.parametrize("command", _commands())
def test_command_from_the_ci_guide_runs(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    baseline = tmp_path / ".factcheck-baseline.json"
    if "--baseline " in command:
        assert (
            main(
                [
                    "audit",
                    str(FIXTURES),
                    "--write-baseline",
                    str(baseline),
                    "--fail-on",
                    "never",
                ]
            )
            == 0
        )
    argv = [
        str(FIXTURES) if word in ("drafts", "archive") else word
        for word in shlex.split(command)[1:]
    ]
    code = main(argv)
    out = capsys.readouterr().out
    if "--fail-on never" in command:
        assert code == 0
    elif "--baseline " in command:
        assert code == 0  # everything is in the baseline
    else:
        assert code == 1  # the fixtures hold the $38 billion error
    if "--format github" in command:
        assert out.startswith("::error ")
        assert summary.read_text(encoding="utf-8").count("FC101") >= 1
    if "-o factcheck.sarif" in command:
        sarif = json.loads((tmp_path / "factcheck.sarif").read_text(encoding="utf-8"))
        assert sarif["version"] == "2.1.0"


def test_pre_commit_hook_entry_runs_on_files(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = next(
        line.split(":", 1)[1].strip()
        for line in hook.splitlines()
        if line.strip().startswith("entry:")
    )
    assert "require_serial: true" in hook
    files = sorted(str(p) for p in FIXTURES.iterdir())
    code = main([*shlex.split(entry)[1:], *files])
    assert code == 1
    assert "FC101" in capsys.readouterr().out


def _workflow() -> dict:
    yaml = pytest.importorskip("yaml")
    text = DOC.read_text(encoding="utf-8")
    start = text.index("```yaml\nname: factcheck") + len("```yaml\n")
    loaded = yaml.safe_load(text[start : text.index("```", start)])
    assert isinstance(loaded, dict)
    return loaded


def test_the_workflow_installs_the_distribution_that_provides_the_command() -> None:
    steps = _workflow()["jobs"]["audit"]["steps"]
    installs = [s["run"] for s in steps if str(s.get("run", "")).startswith("pip ")]
    assert installs == ["pip install factcheck-news"]
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'name = "factcheck-news"' in project
    assert 'factcheck = "factcheck.cli:main"' in project


def test_the_workflow_runs_on_the_default_branch_for_code_scanning() -> None:
    workflow = _workflow()
    # YAML 1.1 reads the key "on" as True
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers
    uses = [s["uses"] for s in workflow["jobs"]["audit"]["steps"] if "uses" in s]
    assert "github/codeql-action/upload-sarif@v4" in uses
    assert workflow["permissions"]["security-events"] == "write"
