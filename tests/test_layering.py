"""The pipeline flows one way: a stage imports only ``model``, ``errors`` and the
stages before it (STYLE.md). This test fails on a back edge."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"
ORDER = [
    "model",
    "errors",
    "markup",
    "load",
    "extractor",
    "normalize",
    "align",
    "rules",
    "report",
]
FREE = {"model", "errors"}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "factcheck" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_stage_imports_a_later_stage(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    own = rel.parts[0].removesuffix(".py")
    if own not in ORDER:
        return  # cli, pytest_plugin, config, __init__: the top, free to import all
    for module in _imports(path):
        stage = _stage(module)
        if stage is None or stage in FREE or stage == own or stage not in ORDER:
            continue
        assert ORDER.index(stage) < ORDER.index(own), f"{rel} imports {module}"
