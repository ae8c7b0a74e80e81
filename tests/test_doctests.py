"""Every example in the package's docstrings runs, on the package as installed.

A module compiled with mypyc (see hatch_build.py) has no Python functions for
:mod:`doctest` to find: its examples are read from the ``.py`` file shipped beside
it, and run against the compiled module."""

from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import factcheck

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(factcheck.__path__, prefix="factcheck.")
    if not m.name.endswith("__main__")
)
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def _source_of(module: ModuleType) -> Path | None:
    """The ``.py`` file of a compiled module (``None`` for one run from source)."""
    compiled = Path(module.__file__ or "")
    if compiled.suffix == ".py":
        return None
    name = module.__name__.rsplit(".", 1)[-1]
    is_package = compiled.name.startswith("__init__.")
    source = compiled.with_name("__init__.py" if is_package else f"{name}.py")
    assert source.is_file(), f"{module.__name__}: compiled, but no {source.name}"
    return source


def _source_examples(module: ModuleType, source: Path) -> list[doctest.DocTest]:
    """The docstring examples of a module's source, to run in its namespace."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    nodes: list[ast.AST] = [tree]
    nodes += [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    ]
    parser = doctest.DocTestParser()
    tests = []
    for node in nodes:
        doc = ast.get_docstring(node, clean=True)  # type: ignore[arg-type]
        if not doc:
            continue
        name = getattr(node, "name", "")
        test = parser.get_doctest(
            doc,
            dict(vars(module)),
            f"{module.__name__}.{name}".rstrip("."),
            str(source),
            getattr(node, "lineno", 0),
        )
        if test.examples:
            tests.append(test)
    return tests


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    source = _source_of(module)
    if source is None:
        result = doctest.testmod(module, optionflags=FLAGS)
        failed, attempted = result.failed, result.attempted
    else:
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        for test in _source_examples(module, source):
            runner.run(test)
        failed, attempted = runner.failures, runner.tries
    assert failed == 0, f"{name}: {failed} of {attempted} failed"


def test_compiled_modules_keep_their_examples() -> None:
    """The examples read from source are those doctest finds in the module."""
    for name in ("factcheck.extractor", "factcheck.extractor.numbers"):
        module = importlib.import_module(name)
        path = Path(module.__file__ or "").with_suffix("")
        source = path.with_name(path.name.split(".")[0] + ".py")
        from_source = sum(len(t.examples) for t in _source_examples(module, source))
        if _source_of(module) is None:
            assert from_source == doctest.testmod(module, optionflags=FLAGS).attempted
        assert from_source > 0
