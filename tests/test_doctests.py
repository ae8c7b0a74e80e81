"""Every example in the package's docstrings runs, on the package as installed."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import factcheck

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(factcheck.__path__, prefix="factcheck.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    )
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} failed"
