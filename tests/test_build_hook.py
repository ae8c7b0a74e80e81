"""The build hook that compiles the extractor (hatch_build.py): when it compiles,
when it leaves the sources alone, and that a failed compile still builds a wheel."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HOOK_FILE = Path(__file__).resolve().parents[1] / "hatch_build.py"

pytest.importorskip("hatchling")
if not HOOK_FILE.is_file():  # pragma: no cover  (tests run outside a checkout)
    pytest.skip("hatch_build.py is not beside the tests", allow_module_level=True)


def _load_hook_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("factcheck_hatch_build", HOOK_FILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook_module = _load_hook_module()


class _App:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def display_warning(self, message: str = "", **_: Any) -> None:
        self.warnings.append(message)

    def display_info(self, message: str = "", **_: Any) -> None:
        self.infos.append(message)


def _hook(tmp_path: Path, target: str = "wheel") -> tuple[Any, _App]:
    app = _App()
    hook = hook_module.MypycBuildHook(
        str(HOOK_FILE.parent), {}, None, None, str(tmp_path / "dist"), target, app
    )
    return hook, app


def _build_data() -> dict[str, Any]:
    return {"pure_python": True, "infer_tag": False, "force_include": {}}


def test_the_compiled_modules_exist() -> None:
    for path in hook_module.COMPILED:
        assert (HOOK_FILE.parent / path).is_file(), path


@pytest.mark.parametrize(
    ("target", "version", "pure"),
    [("wheel", "editable", ""), ("sdist", "standard", ""), ("wheel", "standard", "1")],
)
def test_editable_sdist_and_pure_builds_do_not_compile(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    version: str,
    pure: str,
) -> None:
    monkeypatch.setenv("FACTCHECK_PURE_PYTHON", pure)

    def no_compile(*_: Any) -> None:
        msg = "compiled"
        raise AssertionError(msg)

    monkeypatch.setattr(hook_module, "_compile", no_compile)
    hook, app = _hook(tmp_path, target)
    data = _build_data()
    hook.initialize(version, data)
    assert data == _build_data()
    assert app.warnings == []


def test_pure_builds_need_no_compiler_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    hook, _ = _hook(Path())
    monkeypatch.setenv("FACTCHECK_PURE_PYTHON", "1")
    assert hook.dependencies() == []
    monkeypatch.setenv("FACTCHECK_PURE_PYTHON", "")
    assert any(d.startswith("mypy") for d in hook.dependencies())


def test_a_failed_compile_builds_the_pure_wheel_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_PURE_PYTHON", raising=False)

    def failing(*_: Any) -> None:
        msg = "gcc: not found"
        raise OSError(msg)

    monkeypatch.setattr(hook_module, "_compile", failing)
    hook, app = _hook(tmp_path)
    data = _build_data()
    hook.initialize("standard", data)
    assert data == _build_data()  # a pure wheel: no platform tag, nothing added
    assert len(app.warnings) == 1
    assert "gcc: not found" in app.warnings[0]
    assert "pure-Python" in app.warnings[0]


def test_a_compiled_build_ships_the_extensions_with_a_platform_tag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_PURE_PYTHON", raising=False)
    so = tmp_path / "scanner.so"
    so.write_bytes(b"")
    built = [(so, "factcheck/extractor/scanner.so")]
    monkeypatch.setattr(hook_module, "_compile", lambda *_: built)
    hook, app = _hook(tmp_path)
    data = _build_data()
    hook.initialize("standard", data)
    assert data["pure_python"] is False
    assert data["infer_tag"] is True
    assert data["force_include"] == {str(so): "factcheck/extractor/scanner.so"}
    assert app.warnings == []
