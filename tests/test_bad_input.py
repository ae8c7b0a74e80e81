"""No traceback from any input, configuration, baseline or command line: each bad one
is a clear message naming the file (or flag) and the reason, exit 2, and the other
files are still audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import load_config
from factcheck.errors import ConfigError

#: a correct conversion of our own (7.25 yuan per dollar on 2025-02-24)
_RIGHT = "The group will spend 380 billion yuan ($52.4 billion) on data centres.\n"
#: a wrong one (10 yuan per dollar): the other file's finding must still be reported
_WRONG = "The group will spend 380 billion yuan ($38 billion) on data centres.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _article(path: Path, published: str, text: str = _RIGHT) -> Path:
    path.write_text(f"+++\npublished = {published}\n+++\n{text}", encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_an_out_of_range_publication_date_is_a_problem_and_the_rest_is_audited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], published: str
) -> None:
    odd = _article(tmp_path / "odd.md", published)
    other = _article(tmp_path / "other.md", "2025-02-24", _WRONG)
    code, out, err = _run(capsys, "audit", odd, other, "--format", "json")
    assert code == 2
    assert f"odd.md: published {published} is out of range" in err
    payload = json.loads(out)
    assert [p["path"] for p in payload["problems"]] == [str(odd)]
    assert any(f["rule"] == "FC101" for f in payload["findings"])


def test_a_plausible_date_ahead_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    soon = dt.datetime.now(tz=dt.timezone.utc).date() + dt.timedelta(days=30)
    code, _, err = _run(capsys, "audit", _article(tmp_path / "a.md", soon.isoformat()))
    assert code == 0, err


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_audit_date_flag_out_of_range_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str
) -> None:
    (tmp_path / "a.md").write_text(_RIGHT, encoding="utf-8")
    code, out, err = _run(capsys, "audit", tmp_path / "a.md", "--date", day)
    assert code == 2
    assert out == ""
    assert f"--date: published {day} is out of range" in err


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_convert_at_the_ends_of_the_calendar_says_there_is_no_rate(
    capsys: pytest.CaptureFixture[str], day: str
) -> None:
    code, out, err = _run(
        capsys, "convert", "380 billion yuan", "--to", "USD", "--date", day
    )
    assert code == 2
    assert out == ""
    assert f"no rate for CNY/USD on {day}" in err


@pytest.mark.parametrize("window", ["99999999", "999999999999"])
def test_a_huge_rate_window_is_held_inside_the_calendar(
    capsys: pytest.CaptureFixture[str], window: str
) -> None:
    code, out, _ = _run(
        capsys,
        "convert",
        "380 billion yuan",
        "--to",
        "USD",
        "--date",
        "2025-02-24",
        "--window",
        window,
    )
    assert code == 0
    assert "over 0001-01-01..9999-12-31" in out


def test_a_huge_configured_window_does_not_overflow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "factcheck.toml").write_text(
        "window_days = 999999999\n", encoding="utf-8"
    )
    article = _article(tmp_path / "a.md", "2025-02-24")
    code, _, err = _run(capsys, "audit", article)
    assert code in (0, 1), err


def test_a_non_utf8_factcheck_toml_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "factcheck.toml").write_bytes(b"window_days = 7\n# caf\xe9\n")
    code, out, err = _run(capsys, "audit", _article(tmp_path / "a.md", "2025-02-24"))
    assert code == 2
    assert out == ""
    assert "factcheck.toml: not UTF-8 text (invalid byte 0xe9" in err
    assert "line 2" in err


def test_a_non_utf8_parent_pyproject_names_the_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')
    inner = tmp_path / "drafts"
    inner.mkdir()
    monkeypatch.chdir(inner)
    code, _, err = _run(capsys, "audit", _article(inner / "a.md", "2025-02-24"))
    assert code == 2
    assert f"{tmp_path / 'pyproject.toml'}: not UTF-8 text" in err
    with pytest.raises(ConfigError, match=r"pyproject\.toml"):
        load_config()


def test_a_deeply_nested_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "factcheck.toml"
    path.write_text("x = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck\.toml"):
        load_config(path)


def test_a_tool_factcheck_that_is_not_a_table_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[tool]\nfactcheck = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool\.factcheck"):
        load_config(path)


def test_a_number_too_large_for_a_float_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = _article(
        tmp_path / "huge.md",
        "2025-02-24",
        f"The fund holds ${'9' * 400} in cash.\n",
    )
    other = _article(tmp_path / "other.md", "2025-02-24", _WRONG)
    code, out, err = _run(capsys, "audit", huge, other, "--format", "json")
    assert code == 2
    assert "huge.md: line 4, column 16:" in err
    assert "is too large to compute with" in err
    assert any(f["rule"] == "FC101" for f in json.loads(out)["findings"])
    for fmt in ("text", "json"):
        code, out, err = _run(capsys, "extract", huge, other, "--format", fmt)
        assert code == 0
        assert "too large to compute with" in err
        assert "380 billion yuan" in out
        assert "Infinity" not in out


def test_deeply_nested_front_matter_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nested = tmp_path / "nested.md"
    nested.write_text(
        "+++\nx = " + "[" * 100_000 + "]" * 100_000 + "\n+++\nUp 5%.\n",
        encoding="utf-8",
    )
    code, _, err = _run(
        capsys, "audit", nested, _article(tmp_path / "b.md", "2025-02-24")
    )
    assert code == 2
    assert "nested.md: front matter is not valid TOML: nested too deeply" in err
