"""The public API is pinned: ``factcheck.__all__`` lists exactly the public names the
package offers (as httpx pins its own), so a name is added or dropped on purpose."""

from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import factcheck

#: the contract (CHANGELOG.md's versioning policy): change only with a version bump
PUBLIC = [
    "Auditor",
    "Cache",
    "Claim",
    "Config",
    "ConfigError",
    "Document",
    "Extraction",
    "FactcheckError",
    "Finding",
    "InputError",
    "Interval",
    "Location",
    "Problem",
    "Report",
    "Span",
    "Summary",
    "__version__",
    "audit",
    "extract",
    "extract_document",
    "load_document",
    "load_paths",
    "load_text",
]


def test_all_is_pinned() -> None:
    assert factcheck.__all__ == PUBLIC  # in ruff's order (RUF022 keeps it sorted)


def test_every_exported_name_is_there() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name
    from factcheck.config import Config

    assert factcheck.Config is Config


def test_every_public_member_is_exported() -> None:
    """No public name in the package namespace is left out of ``__all__`` (modules
    are its parts, and ``annotations`` is the ``__future__`` import)."""
    members = {
        name
        for name, value in vars(factcheck).items()
        if not name.startswith("_")
        and not isinstance(value, ModuleType)
        and name != "annotations"
    }
    lazy = {"Auditor", "Cache", "Config"}
    assert members | lazy == set(factcheck.__all__) - {"__version__"}


def test_the_version_is_the_distributions() -> None:
    from importlib.metadata import version

    assert factcheck.__version__ == version("factcheck-news")


def test_importing_the_api_stays_cheap() -> None:
    code = (
        "import sys, factcheck\n"
        "from factcheck import Report, Finding, Document, load_text\n"
        "heavy = ('factcheck.config', 'factcheck.load', 'factcheck.extractor',"
        " 'factcheck.pipeline', 'regex', 'pint', 'babel')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
