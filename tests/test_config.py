"""Configuration: ``factcheck.toml`` or ``[tool.factcheck]`` in ``pyproject.toml``,
discovered from the working directory up, validated with messages that name the file,
the key and what is allowed."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from factcheck.config import Config, discover, load_config, parse_config
from factcheck.errors import ConfigError

FACTCHECK_TOML = """\
window_days = 3
tolerance = 0.01
approx_tolerance = 0.1
providers = ["table:rates.csv", "ecb"]
fail_on = "warning"
format = "json"
include = ["news/**"]
exclude = ["drafts/old/**"]

[rules]
FC401 = "off"
FC202 = "warning"

[aliases]
"Moonshot AI" = ["Moonshot"]
"""

PYPROJECT = """\
[project]
name = "newsroom"

[tool.factcheck]
window_days = 2
fail_on = "info"

[tool.factcheck.rules]
conversion-mismatch = "warning"
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _deep(tmp_path: Path) -> Path:
    here = tmp_path / "project" / "articles" / "2025"
    here.mkdir(parents=True)
    return here


# --- where configuration comes from -----------------------------------------


def test_factcheck_toml_is_found_walking_up_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "project" / "factcheck.toml", FACTCHECK_TOML)
    monkeypatch.chdir(_deep(tmp_path))

    config = load_config()

    assert config.path == str(path.resolve())
    assert config.window_days == 3
    assert config.tolerance == 0.01
    assert config.approx_tolerance == 0.1
    assert config.providers == ("table:rates.csv", "ecb")
    assert config.fail_on == "warning"
    assert config.format == "json"
    assert config.include == ("news/**",)
    assert config.exclude == ("drafts/old/**",)
    assert dict(config.rules) == {"FC401": "off", "FC202": "warning"}
    assert dict(config.aliases) == {"Moonshot AI": ("Moonshot",)}


def test_pyproject_tool_table_is_found_walking_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "project" / "pyproject.toml", PYPROJECT)
    monkeypatch.chdir(_deep(tmp_path))

    config = load_config()

    assert config.path == str(path.resolve())
    assert config.window_days == 2
    assert config.fail_on == "info"
    assert dict(config.rules) == {"FC101": "warning"}
    assert config.tolerance == Config().tolerance


def test_pyproject_without_tool_table_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outer = _write(tmp_path / "factcheck.toml", "window_days = 1\n")
    _write(tmp_path / "project" / "pyproject.toml", '[project]\nname = "x"\n')
    monkeypatch.chdir(_deep(tmp_path))

    assert discover() == outer.resolve()
    assert load_config().window_days == 1


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(
    tmp_path: Path,
) -> None:
    own = _write(tmp_path / "factcheck.toml", "window_days = 1\n")
    _write(tmp_path / "pyproject.toml", PYPROJECT)

    assert discover(tmp_path) == own.resolve()


def test_nearest_configuration_wins(tmp_path: Path) -> None:
    _write(tmp_path / "factcheck.toml", "window_days = 1\n")
    inner = _write(tmp_path / "project" / "factcheck.toml", "window_days = 4\n")

    assert discover(_deep(tmp_path)) == inner.resolve()


def test_no_search_gives_the_documented_defaults() -> None:
    config = load_config(search=False)

    assert config == Config()
    assert config.window_days == 7
    assert config.tolerance == 0.005
    assert config.approx_tolerance == 0.05
    assert config.providers == ("ecb", "peg")
    assert config.fail_on == "error"


def test_rule_named_by_name_is_stored_by_code() -> None:
    config = parse_config({"rules": {"scale-slip": "off", "fc202": "info"}})

    assert dict(config.rules) == {"FC401": "off", "FC202": "info"}


# --- what is rejected, and how ----------------------------------------------


def test_unknown_key_names_file_and_key_with_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path / "factcheck.toml", "windw_days = 3\n")

    with pytest.raises(ConfigError) as info:
        load_config(path)

    error = info.value
    assert error.path == str(path)
    assert error.key == "windw_days"
    assert str(path) in str(error)
    assert "windw_days" in str(error)
    assert "did you mean window_days?" in str(error)


def test_unknown_key_in_pyproject_tool_table_names_pyproject(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", "[tool.factcheck]\nfail_of = 'never'\n")

    with pytest.raises(ConfigError, match="did you mean fail_on") as info:
        load_config(path)

    assert info.value.path == str(path)
    assert info.value.key == "fail_of"


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("window_days = -1", "window_days"),
        ("window_days = 1.5", "window_days"),
        ('window_days = "7"', "window_days"),
        ("window_days = true", "window_days"),
        ("tolerance = 1.5", "tolerance"),
        ("tolerance = -0.1", "tolerance"),
        ('tolerance = "0.005"', "tolerance"),
        ("tolerance = false", "tolerance"),
        ("approx_tolerance = 1", "approx_tolerance"),
        ("approx_tolerance = -0.05", "approx_tolerance"),
        ('providers = "ecb"', "providers"),
        ('providers = ["bank"]', "providers"),
        ("providers = [1]", "providers"),
        ('fail_on = "sometimes"', "fail_on"),
        ("fail_on = 1", "fail_on"),
        ('format = "pdf"', "format"),
        ('include = "news/**"', "include"),
        ("exclude = [1, 2]", "exclude"),
        ('rules = "off"', "rules"),
        ('aliases = ["Moonshot"]', "aliases"),
        ('[rules]\nFC101 = "loud"', "rules.FC101"),
        ('[aliases]\nMoonshot = "Moonshot AI"', "aliases.Moonshot"),
    ],
)
def test_bad_value_names_file_key_and_what_is_allowed(
    tmp_path: Path, line: str, key: str
) -> None:
    path = _write(tmp_path / "factcheck.toml", line + "\n")

    with pytest.raises(ConfigError) as info:
        load_config(path)

    error = info.value
    assert error.path == str(path)
    assert error.key == key
    assert str(error).startswith(f"{path}:{key}: ")
    assert "allowed" in str(error) or "expected" in str(error)


def test_unknown_rule_code_is_rejected_with_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path / "factcheck.toml", '[rules]\nFC1O1 = "off"\n')

    with pytest.raises(ConfigError) as info:
        load_config(path)

    error = info.value
    assert error.path == str(path)
    assert error.key == "rules.FC1O1"
    assert "did you mean FC101?" in str(error)


def test_unknown_rule_name_is_rejected_with_suggestion() -> None:
    with pytest.raises(ConfigError, match="did you mean conversion-mismatch"):
        parse_config({"rules": {"conversion-mismach": "off"}})


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "factcheck.toml", "window_days = \n")

    with pytest.raises(ConfigError, match="not valid TOML") as info:
        load_config(path)

    assert info.value.path == str(path)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"

    with pytest.raises(ConfigError, match="cannot read") as info:
        load_config(path)

    assert info.value.path == str(path)


def test_config_error_is_a_value_error_that_pickles(tmp_path: Path) -> None:
    path = _write(tmp_path / "factcheck.toml", "windw_days = 3\n")
    with pytest.raises(ValueError, match="windw_days") as info:
        load_config(path)

    copy = pickle.loads(pickle.dumps(info.value))

    assert isinstance(copy, ConfigError)
    assert str(copy) == str(info.value)


def test_a_retired_key_warns_and_is_ignored(tmp_path: Path) -> None:
    from factcheck.errors import FactcheckWarning

    path = tmp_path / "factcheck.toml"
    path.write_text("align_threshold = 0.5\nwindow_days = 3\n", encoding="utf-8")
    with pytest.warns(FactcheckWarning, match="align_threshold no longer applies"):
        config = load_config(path)
    assert config.window_days == 3
