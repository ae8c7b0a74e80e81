"""Sessions: ``tests`` (with branch coverage), ``lint``, ``typecheck``, ``docs``,
``bench``. Python versions and extras come from pyproject.toml."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11"]
#: the coverage floor only rises
COVERAGE_FLOOR = 90


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The suite with branch coverage, on the sources (editable: coverage cannot
    trace the compiled extractor; CI runs the suite on the compiled build)."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--cov=factcheck",
        "--cov-branch",
        f"--cov-fail-under={COVERAGE_FLOOR}",
        *session.posargs,
    )


@nox.session(python=PYTHONS)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check."""
    session.install(".[lint]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHONS)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package."""
    session.install("-e", ".[typecheck,online]")
    session.run("mypy")


@nox.session(python=PYTHONS)
def docs(session: nox.Session) -> None:
    """Doctests in the package and the README."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--doctest-modules",
        "factcheck",
        "--doctest-glob=README.md",
        "README.md",
    )


@nox.session(python=PYTHONS)
def bench(session: nox.Session) -> None:
    """Benchmarks against peer extractors, in one run (see benchmarks/README.md).

    quantulum3's bundled classifier fails to load beside current scikit-learn, so
    scikit-learn is kept out of this environment and quantulum3 runs on its rules.
    """
    # not editable: the extractor is measured compiled, as `pip install .` builds it
    session.install(".[bench]")
    session.run("pip", "uninstall", "--yes", "scikit-learn", success_codes=[0, 1])
    session.run("python", "benchmarks/bench_extract.py", *session.posargs)
    session.run("python", "benchmarks/bench_normalize.py", *session.posargs)
