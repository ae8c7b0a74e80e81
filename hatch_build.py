"""Build hook: compile the claim extractor with mypyc when a wheel is built.

The extractor is typed throughout (mypy strict), so mypyc can compile it to a C
extension that reads news text about 1.4 times as fast as the same code run by the
interpreter (see benchmarks/README.md). The ``.py`` files still ship beside the
compiled modules, and the build falls back to them, with a warning, when:

- the build is editable (``pip install -e .``): the sources are what you edit;
- ``FACTCHECK_PURE_PYTHON`` is set (to a non-empty value), e.g. for coverage runs,
  which cannot trace compiled code;
- compiling fails (no C compiler, no Python headers): the package then installs and
  works as pure Python, only slower.

The compiled and pure extractors give the same claims: CI runs the whole suite on
the compiled build, the developer environments (editable) on the sources.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: the modules compiled: those that read every number (the rest gain nothing)
COMPILED = [
    "factcheck/extractor/__init__.py",
    "factcheck/extractor/context.py",
    "factcheck/extractor/counts.py",
    "factcheck/extractor/durations.py",
    "factcheck/extractor/joins.py",
    "factcheck/extractor/measures.py",
    "factcheck/extractor/money.py",
    "factcheck/extractor/names.py",
    "factcheck/extractor/numbers.py",
    "factcheck/extractor/qualifiers.py",
    "factcheck/extractor/scanner.py",
    "factcheck/extractor/table.py",
]
#: what compiling needs in the build environment (mypy also reads the types of the
#: modules the compiled ones import: attrs for the model, the regex stubs)
BUILD_REQUIRES = ["mypy>=1.10", "setuptools>=70", "attrs>=23.1", "types-regex"]


def _pure_requested() -> bool:
    return bool(os.environ.get("FACTCHECK_PURE_PYTHON"))


class MypycBuildHook(BuildHookInterface[BuilderConfig]):
    """Adds the compiled extractor to a (non-editable) wheel."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return [] if _pure_requested() else BUILD_REQUIRES

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable" or _pure_requested():
            return
        try:
            built = _compile(Path(self.root), Path(self.directory))
        except Exception as exc:  # any failure: ship the pure-Python extractor
            self.app.display_warning(
                f"factcheck: compiling the extractor with mypyc failed ({exc}); "
                "the wheel holds the pure-Python extractor, which works the same "
                "but reads about 1.4 times slower"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path, name in built:
            build_data["force_include"][str(path)] = name
        self.app.display_info(f"factcheck: compiled {len(COMPILED)} modules with mypyc")


def _compile(root: Path, out: Path) -> list[tuple[Path, str]]:
    """Compile :data:`COMPILED`; the built extensions and their paths in the wheel."""
    from mypyc.build import mypycify  # noqa: PLC0415  (a build dependency only)
    from setuptools import Distribution  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="factcheck-mypyc-", dir=out.parent))
    config = work / "mypy.ini"
    # the project's own mypy settings are for checking; compiling needs only types
    config.write_text("[mypy]\nignore_missing_imports = True\n", encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(root)  # mypycify names modules by their paths from here
    try:
        extensions = mypycify(
            [*COMPILED, "--config-file", str(config)],
            opt_level="3",
            target_dir=str(work / "c"),
        )
        dist = Distribution({"name": "factcheck", "ext_modules": extensions})
        build_ext: Any = dist.get_command_obj("build_ext")
        build_ext.build_lib = str(work / "lib")
        build_ext.build_temp = str(work / "temp")
        build_ext.ensure_finalized()
        build_ext.run()
        outputs = [Path(p) for p in build_ext.get_outputs()]
    finally:
        os.chdir(cwd)
    lib = work / "lib"
    built = [(p, p.relative_to(lib).as_posix()) for p in outputs]
    missing = [p for p, _ in built if not p.is_file()]
    if missing or len(built) < len(COMPILED):
        msg = f"mypyc built {len(built)} extensions for {len(COMPILED)} modules"
        raise RuntimeError(msg)
    return built
