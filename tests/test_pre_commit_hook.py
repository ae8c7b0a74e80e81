"""The pre-commit hook, run by a real ``pre-commit run`` in a temporary git repository.

The hook is the project's own ``.pre-commit-hooks.yaml`` entry, used as a ``repo:
local`` hook with ``language: system`` so that it runs the factcheck installed here:
no network, no environment to build. Everything else (types_or, require_serial, the
minimum version, pass_filenames) is the manifest's, and pre-commit decides which
staged files the hook sees.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is missing")
yaml = pytest.importorskip("yaml")  # pre-commit's own dependency
pytest.importorskip("pre_commit")

_HEAD = "+++\npublished = 2025-02-24\n+++\n"
_PUBLISHED = "Harbour Rail will invest 380 billion yuan in new lines over three years, it said.\n"
#: 380 billion yuan was about $52.4 billion that day: $38 billion contradicts it
_CONTRADICTS = (
    "Harbour Rail will invest $38 billion in new lines over three years, it said.\n"
)
_AGREES = "Harbour Rail will invest about $52 billion in new lines over three years, it said.\n"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _hook_config() -> str:
    """The manifest's hook as a local hook running this interpreter's factcheck."""
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    words = shlex.split(hook["entry"])
    assert words[0] == "factcheck"
    hook["entry"] = shlex.join([sys.executable, "-m", "factcheck", *words[1:]])
    hook["language"] = "system"
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A newsroom repository: published articles, a config naming them, the hook."""
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    (repo / "drafts").mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "desk@example.invalid")
    _git(repo, "config", "user.name", "Desk")
    _git(repo, "config", "commit.gpgsign", "false")
    (repo / "articles" / "plan.md").write_text(_HEAD + _PUBLISHED, encoding="utf-8")
    (repo / "factcheck.toml").write_text('sources = ["articles/"]\n', "utf-8")
    (repo / ".pre-commit-config.yaml").write_text(_hook_config(), encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "published")
    return repo


def _pre_commit(repo: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_manifest_is_valid_for_pre_commit() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["types_or"] == ["markdown", "html", "plain-text"]
    assert hook["require_serial"] is True
    assert hook["minimum_pre_commit_version"] == "2.9.2"


def test_a_staged_draft_that_contradicts_a_published_article_fails(
    repo: Path,
) -> None:
    (repo / "drafts" / "new.md").write_text(_HEAD + _CONTRADICTS, encoding="utf-8")
    _git(repo, "add", "drafts/new.md")
    done = _pre_commit(repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "drafts/new.md:4:" in done.stdout
    assert "FC201" in done.stdout
    assert "articles/plan.md" in done.stdout  # the published passage it contradicts


def test_a_staged_draft_that_agrees_passes(repo: Path) -> None:
    (repo / "drafts" / "new.md").write_text(_HEAD + _AGREES, encoding="utf-8")
    _git(repo, "add", "drafts/new.md")
    done = _pre_commit(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout  # the hook ran, on the draft


def test_an_unstaged_draft_is_not_audited(repo: Path) -> None:
    (repo / "drafts" / "new.md").write_text(_HEAD + _CONTRADICTS, encoding="utf-8")
    done = _pre_commit(repo)  # nothing staged: the hook is skipped
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(no files to check)Skipped" in done.stdout


def test_code_and_settings_are_never_audited_but_plain_text_is(repo: Path) -> None:
    # the same contradicting sentence in files that are not news
    (repo / "build.py").write_text(f'"""{_CONTRADICTS}"""\nversion = 1.0\n', "utf-8")
    (repo / "settings.toml").write_text(f'note = "{_CONTRADICTS.strip()}"\n', "utf-8")
    (repo / "deploy.yaml").write_text(f"note: {_CONTRADICTS}", encoding="utf-8")
    _git(repo, "add", "build.py", "settings.toml", "deploy.yaml")
    done = _pre_commit(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(no files to check)Skipped" in done.stdout
    (repo / "drafts" / "wire.txt").write_text(_HEAD + _CONTRADICTS, encoding="utf-8")
    _git(repo, "add", "drafts/wire.txt")
    done = _pre_commit(repo)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "drafts/wire.txt" in done.stdout
    assert "build.py" not in done.stdout
