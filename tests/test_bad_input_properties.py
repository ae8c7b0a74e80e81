"""Property tests: random bytes and random TOML never make the loader or the
configuration raise anything but their own errors (which name the file)."""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.config import load_config
from factcheck.errors import ConfigError, InputError
from factcheck.load import load_document, load_text
from factcheck.pipeline import extract_documents

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


def _attempt(call: Callable[[], T]) -> tuple[T | None, Exception | None]:
    """The result, or factcheck's own error: anything else escapes and fails."""
    try:
        return call(), None
    except (InputError, ConfigError) as exc:
        return None, exc


_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
_SUFFIXES = (".md", ".html", ".txt", ".markdown", ".htm")
#: front matter fences and HTML openings, so random bytes reach every parser
_PREFIXES = (
    b"",
    b"+++\n",
    b"---\n",
    b"---\ntitle: ",
    b"<!doctype html>",
    b"\xef\xbb\xbf",
)
_CONFIG_KEYS = (
    "window_days",
    "tolerance",
    "approx_tolerance",
    "providers",
    "fail_on",
    "format",
    "include",
    "exclude",
    "sources",
    "rules",
    "aliases",
    "FC101",
    "conversion-mismatch",
)


# --- the loader -----------------------------------------------------------------


@_SETTINGS
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=400),
    suffix=st.sampled_from(_SUFFIXES),
)
def test_random_bytes_load_or_give_an_input_error(
    prefix: bytes, body: bytes, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(prefix + body)
        document, error = _attempt(lambda: load_document(path))
        if document is None:
            assert isinstance(error, InputError)
            assert str(path) in str(error)
            return
        _, problems = extract_documents([document])
        assert all(p.path == str(path) for p in problems)


_FRONT_MATTER = st.sampled_from(
    ("+++\n{}\n+++\n", "---\n{}\n---\n", "{}", "<html><head>{}</head><body>")
)


@_SETTINGS
@given(
    shape=_FRONT_MATTER,
    inner=st.text(max_size=200),
    prose=st.text(max_size=200),
    fmt=st.sampled_from(("txt", "md", "html")),
)
def test_random_text_loads_or_gives_an_input_error(
    shape: str, inner: str, prose: str, fmt: str
) -> None:
    document, error = _attempt(
        lambda: load_text(shape.format(inner) + prose, path="x", format=fmt)  # type: ignore[arg-type]
    )
    if document is None:
        assert str(error).startswith("x: ")
        return
    assert len(document.prose) == len(document.text)
    extract_documents([document])


# --- the configuration ------------------------------------------------------------


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    items = ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
    return "{" + items + "}"


_KEYS = st.sampled_from(_CONFIG_KEYS) | st.text(min_size=1, max_size=12)
_SCALARS = (
    st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.booleans()
    | st.text(max_size=20)
    | st.sampled_from(("off", "error", "warning", "info", "ecb", "online", "table:"))
    | st.dates()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4)
    ),
    max_leaves=12,
)
_TABLES = st.dictionaries(_KEYS, _VALUES, max_size=6)


@_SETTINGS
@given(table=_TABLES, in_pyproject=st.booleans())
def test_random_toml_configures_or_gives_a_config_error(
    table: dict[str, object], in_pyproject: bool
) -> None:
    lines = [f"{json.dumps(k)} = {_toml_value(v)}" for k, v in table.items()]
    header = "[tool.factcheck]\n" if in_pyproject else ""
    name = "pyproject.toml" if in_pyproject else "factcheck.toml"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
        config, error = _attempt(lambda: load_config(path))
        assert config is not None or name in str(error)


@_SETTINGS
@given(body=st.binary(max_size=300), name=st.sampled_from(("factcheck.toml",)))
def test_random_bytes_as_config_give_a_config_error_at_most(
    body: bytes, name: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        config, error = _attempt(lambda: load_config(path))
        assert config is not None or name in str(error)


@pytest.mark.parametrize(
    "text",
    [
        'rules = {FC101 = ["error"]}',
        'rules = {"no such rule" = "off"}',
        "aliases = {x = 3}",
        "window_days = -1",
        "tolerance = nan",
        "providers = [1]",
        'sources = "articles/"',
    ],
)
def test_bad_values_give_config_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "factcheck.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"factcheck\.toml"):
        load_config(path)
