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


#: the audit benchmark's default in ``nox -s bench``: one size that runs in seconds
#: (the growth needs two sizes: ``nox -s bench -- audit --sizes 1000 10000``)
BENCH_AUDIT_DEFAULT = ("--sizes", "1000", "--repeats", "1", "--stages", "none")
#: the scripts ``nox -s bench`` runs, by the name that selects one of them
BENCH_SCRIPTS = {
    "extract": "benchmarks/bench_extract.py",
    "normalize": "benchmarks/bench_normalize.py",
    "audit": "benchmarks/bench_audit.py",
}


@nox.session(python=PYTHONS)
def bench(session: nox.Session) -> None:
    """Benchmarks (see benchmarks/README.md): the extractor against peer extractors,
    normalization, and the audit at scale on generated articles.

    ``nox -s bench`` runs all three (the audit at 1,000 articles); ``-- --quick``
    passes ``--quick`` to each; ``-- audit --sizes 1000 10000 ...`` (or
    ``extract ...``, ``normalize ...``) runs one script with the arguments that
    follow its name.

    quantulum3's bundled classifier fails to load beside current scikit-learn, so
    scikit-learn is kept out of this environment and quantulum3 runs on its rules.
    """
    # not editable: the extractor is measured compiled, as `pip install .` builds it
    session.install(".[bench]")
    session.run("pip", "uninstall", "--yes", "scikit-learn", success_codes=[0, 1])
    args = list(session.posargs)
    if args and args[0] in BENCH_SCRIPTS:
        session.run("python", BENCH_SCRIPTS[args[0]], *args[1:])
        return
    session.run("python", BENCH_SCRIPTS["extract"], *args)
    session.run("python", BENCH_SCRIPTS["normalize"], *args)
    audit_args = args if args else list(BENCH_AUDIT_DEFAULT)
    session.run("python", BENCH_SCRIPTS["audit"], *audit_args)
