"""The pytest plugin: article files as test items, a ``factcheck`` fixture, and
explanations for failing comparisons of claims.

Registered through the ``pytest11`` entry point, so pytest imports this module on every
run; it is opt-in and cheap to import (the pattern of hypothesis' plugin). At import it
loads only ``factcheck.model`` (attrs); the pipeline (extractor, pint, babel, the rate
history, the rules) loads when a run asks for it:

- ``pytest --factcheck`` collects every article file (``.md``, ``.markdown``,
  ``.txt``, ``.html``, ``.htm``) among the paths pytest collects (the command line, else
  ``testpaths``);
- the ini option ``factcheck_paths`` (globs relative to the rootdir, such as
  ``drafts/**/*.md``) collects the files it matches, even outside ``testpaths`` when no
  paths are given on the command line. Installing factcheck alone never turns a README
  into a test.

Each document becomes one item per rule family, named ``draft.md::FC1 conversion``,
``draft.md::FC2 cross-source``, ``draft.md::FC3 arithmetic`` (and ``FC0 meta``,
``FC4 hints``); an item's keywords hold its family's codes and rule names, so
``-k FC101``, ``-k FC1`` or ``-k conversion-mismatch`` select, and every item carries
the ``factcheck`` marker (``-m factcheck``). An item fails when its document has a
finding of its family at or above the fail level (``--factcheck-fail-on``, else the ini
option ``factcheck_fail_on``, else the configuration's ``fail_on``, else ``error``);
its report lists those findings the way the ``text`` format does, without a traceback.
Rule, severity and location of every finding go into ``item.user_properties``, so
``--junitxml`` carries them.

A document that cannot be read fails all its items; a source that a draft's front
matter lists and that cannot be read fails the draft's ``FC2`` item; a problem tied to
no article (a rate table the configuration names, a rule plugin that fails to load) is
a :class:`FactcheckProblemWarning`, which ``filterwarnings = error`` turns into a
failure. Settings come from ``factcheck.toml`` or ``[tool.factcheck]`` found from the
rootdir upwards (or the file the ini option ``factcheck_config`` names); its
``include``/``exclude`` globs and rules turned ``off`` apply to collection too.
``--factcheck`` takes every file with an article suffix, ``notes.txt`` included: list
the drafts in ``factcheck_paths`` to be precise.

The audit runs once per process over every collected document (so that cross-source
rules see all of them, whatever ``-k`` or ``-m`` deselect) on first use, and every item
reads its findings from that one report; ``--collect-only`` runs no audit. Under
pytest-xdist each worker collects the same documents and runs that audit once on its
first article item: the results are the same on every worker, at the cost of one audit
per worker (a cross-source audit needs every document in one process, so it is not
split).

For editors' own tests the plugin adds the ``factcheck`` fixture (a
:class:`factcheck.testing.Factcheck`) and explains a failing ``assert claim == other``
(two claims, or a claim and an :class:`~factcheck.model.Interval`) with values,
intervals, units, and for money the rate with its date and provider; the assertion
helpers live in :mod:`factcheck.testing`.
"""

from __future__ import annotations

import contextlib
import glob
import os
import warnings
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from factcheck.model import Claim, Interval

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle

    from factcheck.config import Config as Settings
    from factcheck.model import Finding, Problem, Report
    from factcheck.testing import Factcheck

#: the levels ``--factcheck-fail-on`` and ``factcheck_fail_on`` accept
FAIL_LEVELS = ("error", "warning", "info", "never")
#: what a family is called in item names (a family is a code's letters and hundreds)
FAMILY_TITLES = {
    "FC0": "meta",
    "FC1": "conversion",
    "FC2": "cross-source",
    "FC3": "arithmetic",
    "FC4": "hints",
}
#: families that check documents against each other: a draft's unreadable sources
#: fail these items
_CROSS_SOURCE = "FC2"
_RANK = {"info": 0, "warning": 1, "error": 2}


class FactcheckProblemWarning(UserWarning):
    """An input or rule plugin the audit could not use, tied to no collected article
    (a rule plugin that failed to load, a rate provider the configuration names)."""


def family_of(code: str) -> str:
    """A rule's family: its letters and its hundreds (``FC101`` → ``FC1``)."""
    letters = code.rstrip("0123456789")
    return code[: len(letters) + 1]


def is_failing(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` fails a run that fails on ``fail_on``."""
    return fail_on != "never" and _RANK[severity] >= _RANK[fail_on]


# ---------------------------------------------------------------- options and hooks


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--factcheck``, ``--factcheck-fail-on`` and the ini options."""
    group = parser.getgroup("factcheck", "audit the numbers in article files")
    group.addoption(
        "--factcheck",
        action="store_true",
        default=False,
        help="collect article files (.md, .txt, .html) as factcheck items",
    )
    group.addoption(
        "--factcheck-fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="fail an item on findings at or above this level "
        "(default: factcheck_fail_on, then the config's fail_on, then error)",
    )
    parser.addini(
        "factcheck_paths",
        type="args",
        default=[],
        help="globs (relative to the rootdir) of article files to collect as "
        "factcheck items, e.g. drafts/**/*.md",
    )
    parser.addini(
        "factcheck_fail_on",
        type="string",
        default="",
        help="error | warning | info | never (default: the config's fail_on)",
    )
    parser.addini(
        "factcheck_config",
        type="string",
        default="",
        help="factcheck.toml or pyproject.toml to read (default: discovered "
        "from the rootdir upwards)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker; when enabled, read the settings and the globs."""
    config.addinivalue_line(
        "markers",
        "factcheck: an article check collected by factcheck (select with -m factcheck)",
    )
    globs: list[str] = config.getini("factcheck_paths")
    if not (config.getoption("factcheck") or globs):
        return
    state = _State(config, globs)
    config.stash[_STATE] = state
    if globs and config.args_source is not pytest.Config.ArgsSource.ARGS:
        # no paths on the command line: the globbed drafts join testpaths (pytest
        # drops the ones that overlap)
        config.args.extend(str(p) for p in state.globbed)


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say that article files are collected, and the fail level."""
    state = config.stash.get(_STATE, None)
    if state is None:
        return None
    return f"factcheck: articles collected as items, fail on {state.fail_on}"


def pytest_collect_file(
    file_path: Path, parent: pytest.Collector
) -> FactcheckFile | None:
    """An article file, when the run asked for them."""
    state = parent.config.stash.get(_STATE, None)
    if state is None or not state.wants(file_path):
        return None
    return FactcheckFile.from_parent(parent, path=file_path)


def pytest_assertrepr_compare(
    config: pytest.Config, op: str, left: object, right: object
) -> list[str] | None:
    """Explain ``claim == claim`` and ``claim == interval``: values, intervals, units,
    and for money the conversion with rate, date and provider."""
    del config
    if op != "==":
        return None
    if not (
        (isinstance(left, Claim) and isinstance(right, Claim | Interval))
        or (isinstance(left, Interval) and isinstance(right, Claim))
    ):
        return None
    from factcheck.testing import explain_comparison  # noqa: PLC0415  (lazy pipeline)

    try:
        return explain_comparison(left, right)
    except Exception as exc:  # an explanation must never hide the failure
        return [f"{left!r} == {right!r}", f"(factcheck could not explain: {exc})"]


@pytest.fixture
def factcheck(request: pytest.FixtureRequest) -> Factcheck:
    """Audit, extract and compare from a test: ``factcheck.audit("draft.md")``,
    ``factcheck.extract(text)``, ``factcheck.claim(text)``, and the assertion helpers
    of :mod:`factcheck.testing` as methods. Settings come from ``factcheck_config``
    or the configuration discovered from the rootdir."""
    from factcheck.testing import Factcheck  # noqa: PLC0415  (lazy pipeline)

    return Factcheck(config_path=_config_path(request.config))


# ---------------------------------------------------------------- session state


def _config_path(config: pytest.Config) -> Path | None:
    """The configuration file to read: ``factcheck_config``, else discovered."""
    named: str = config.getini("factcheck_config")
    if named:
        return config.rootpath / named
    from factcheck.config import discover  # noqa: PLC0415  (cheap import)

    return discover(config.rootpath)


class _Family:
    """A rule family as items see it: ``FC1 conversion`` and its codes and names."""

    def __init__(self, prefix: str, codes: Iterable[str], names: Iterable[str]) -> None:
        self.prefix = prefix
        self.codes = tuple(codes)
        self.names = tuple(names)
        self.label = f"{prefix} {FAMILY_TITLES.get(prefix, 'plugin')}"


class _Results:
    """The one audit of a session, sorted by document and family."""

    def __init__(self, report: Report, documents: dict[str, list[str]]) -> None:
        self.report = report
        by_path: dict[str, list[Problem]] = {path: [] for path in documents}
        self.source_problems: dict[str, list[Problem]] = {p: [] for p in documents}
        self.stray: list[Problem] = []
        for problem in report.problems:
            if problem.path in by_path:
                by_path[problem.path].append(problem)
                continue
            drafts = [p for p, listed in documents.items() if problem.path in listed]
            for draft in drafts:
                self.source_problems[draft].append(problem)
            if not drafts:
                self.stray.append(problem)
        self.load_problems = by_path

    def findings(self, path: str, family: str) -> list[Finding]:
        """The shown findings of one family on one document."""
        return [
            f
            for f in self.report.findings
            if f.location.path == path
            and family_of(f.rule) == family
            and f.suppressed_by is None
            and f.baseline_state != "unchanged"
        ]

    def problems(self, path: str, family: str) -> list[Problem]:
        """Why a document (or, for cross-source items, one of its sources) could not
        be read."""
        found = list(self.load_problems.get(path, ()))
        if family == _CROSS_SOURCE:
            found.extend(self.source_problems.get(path, ()))
        return found


class _State:
    """What an enabled run shares: settings, the collected documents, one audit."""

    def __init__(self, config: pytest.Config, globs: list[str]) -> None:
        from factcheck.config import load_config  # noqa: PLC0415  (enabled now)
        from factcheck.errors import ConfigError  # noqa: PLC0415
        from factcheck.load import DOCUMENT_SUFFIXES  # noqa: PLC0415

        self.config = config
        self.suffixes = DOCUMENT_SUFFIXES
        self.every_article: bool = config.getoption("factcheck")
        try:
            self.settings: Settings = load_config(_config_path(config), search=False)
        except ConfigError as exc:
            msg = f"factcheck: {exc}"
            raise pytest.UsageError(msg) from None
        chosen = config.getoption("factcheck_fail_on") or config.getini(
            "factcheck_fail_on"
        )
        if chosen and chosen not in FAIL_LEVELS:
            msg = (
                f"factcheck_fail_on: {chosen!r} is not allowed: expected one of "
                f"{', '.join(FAIL_LEVELS)}"
            )
            raise pytest.UsageError(msg)
        self.fail_on: str = chosen or self.settings.fail_on
        root = config.rootpath
        self.globbed = sorted(
            {
                Path(root, hit).resolve()
                for pattern in globs
                # glob.glob, not Path.glob: it takes absolute patterns too, and skips
                # hidden files as load_paths does
                for hit in glob.glob(pattern, root_dir=root, recursive=True)  # noqa: PTH207
                if Path(root, hit).is_file()
            }
        )
        self._globbed = set(self.globbed)
        self.documents: dict[str, Path] = {}
        self._families: tuple[_Family, ...] | None = None
        self._results: _Results | None = None
        self._error: BaseException | None = None

    def wants(self, path: Path) -> bool:
        """Whether ``path`` is an article this run checks."""
        if not path.name.lower().endswith(self.suffixes):
            return False
        if not (self.every_article or path.resolve() in self._globbed):
            return False
        return self._selected(self.key(path))

    def _selected(self, key: str) -> bool:
        """The configuration's ``include``/``exclude`` globs, as the audit reads them."""
        posix = key.replace(os.sep, "/")
        include, exclude = self.settings.include, self.settings.exclude
        if include and not any(fnmatch(posix, g) for g in include):
            return False
        return not any(fnmatch(posix, g) for g in exclude)

    def key(self, path: Path) -> str:
        """How the audit names a document: relative to the invocation directory."""
        here = self.config.invocation_params.dir
        try:
            return str(path.relative_to(here))
        except ValueError:
            return str(path)

    def add(self, path: Path) -> str:
        """Take part in the session's audit; returns the document's key."""
        key = self.key(path)
        self.documents.setdefault(key, path)
        self._results = None
        return key

    def families(self) -> tuple[_Family, ...]:
        """The rule families with a rule not turned off, in code order."""
        if self._families is None:
            from factcheck.rules.registry import all_rules  # noqa: PLC0415

            rules, _problems = all_rules()  # the audit reports the problems
            grouped: dict[str, list[tuple[str, str]]] = {}
            for code, rule in rules.items():
                if self.settings.rules.get(code) != "off":
                    grouped.setdefault(family_of(code), []).append((code, rule.name))
            self._families = tuple(
                _Family(prefix, (c for c, _ in pairs), (n for _, n in pairs))
                for prefix, pairs in sorted(grouped.items())
            )
        return self._families

    def results(self) -> _Results:
        """The audit of every collected document, run once (then cached)."""
        if self._error is not None:
            raise self._error
        if self._results is None:
            try:
                self._results = self._audit()
            except Exception as exc:
                self._error = exc
                raise
            for problem in self._results.stray:
                # pointed at the input, not at this line: it is the input's problem
                warnings.warn_explicit(
                    f"factcheck could not use {problem.path}: {problem.message}",
                    FactcheckProblemWarning,
                    filename=problem.path,
                    lineno=0,
                    module="factcheck",
                )
        return self._results

    def _audit(self) -> _Results:
        from factcheck.load import load_paths  # noqa: PLC0415
        from factcheck.pipeline import audit  # noqa: PLC0415  (the heavy part)

        with _working_directory(self.config.invocation_params.dir):
            documents, problems = load_paths(list(self.documents))
            report = audit(documents, config=self.settings)
        listed = {
            d.path: [str(Path(d.path).parent / s) for s in d.sources] for d in documents
        }
        for key in self.documents:
            listed.setdefault(key, [])
        report = attrs.evolve(report, problems=(*problems, *report.problems))
        return _Results(report, listed)


@contextlib.contextmanager
def _working_directory(path: Path) -> Iterator[None]:
    """Run in ``path`` (the audit names documents relative to it), then go back:
    a test that changed directory must not change what the audit reads."""
    before = Path.cwd()
    if before == path:
        yield
        return
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


_STATE = pytest.StashKey[_State]()


# ---------------------------------------------------------------- nodes


class FactcheckFailure(Exception):
    """Raised by a failing item; its text is the item's report (no traceback)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class FactcheckFile(pytest.File):
    """An article file: one item per rule family."""

    def collect(self) -> Iterator[FactcheckItem]:
        """``FC0 meta``, ``FC1 conversion``, ... for this document."""
        state = self.config.stash[_STATE]
        key = state.add(self.path)
        for family in state.families():
            yield FactcheckItem.from_parent(
                self, name=family.label, family=family, document=key
            )


class FactcheckItem(pytest.Item):
    """One rule family's findings on one document."""

    def __init__(
        self,
        *,
        family: _Family,
        document: str,
        **kwargs: Any,  # pytest's own node arguments, passed through
    ) -> None:
        super().__init__(**kwargs)
        self.family = family
        self.document = document
        self.add_marker("factcheck")
        words = {family.prefix, *family.codes, *family.names}
        self.extra_keyword_matches.update(words)
        for word in words:
            self.keywords[word] = True

    def runtest(self) -> None:
        """Fail on findings at or above the fail level, or an unreadable input."""
        state = self.config.stash[_STATE]
        results = state.results()
        findings = results.findings(self.document, self.family.prefix)
        problems = results.problems(self.document, self.family.prefix)
        for f in findings:
            where = f"{f.location.path}:{f.location.span.line}:{f.location.span.column}"
            self.user_properties.extend(
                [("rule", f.rule), ("severity", f.severity), ("location", where)]
            )
        self.user_properties.extend(
            ("problem", f"{p.path}: {p.message}") for p in problems
        )
        failing = [f for f in findings if is_failing(f.severity, state.fail_on)]
        if failing or problems:
            others = [f for f in findings if f not in failing]
            raise FactcheckFailure(
                _failure_text(self.family, failing, others, problems, state.fail_on)
            )

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: TracebackStyle | None = None,
    ) -> str | TerminalRepr:
        """The findings, like an assertion failure; a traceback only for a crash."""
        if isinstance(excinfo.value, FactcheckFailure):
            return excinfo.value.text
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Where the item points: the document, named with its family."""
        return self.path, None, f"[factcheck] {self.document}::{self.name}"


def _failure_text(
    family: _Family,
    failing: list[Finding],
    others: list[Finding],
    problems: list[Problem],
    fail_on: str,
) -> str:
    from factcheck.report.text import render_finding  # noqa: PLC0415

    blocks = [render_finding(f) for f in failing]
    blocks.extend(f"{p.path}: error: {p.message}" for p in problems)
    if others:
        blocks.append(
            "below the fail level:\n"
            + "\n".join(
                f"  {f.location.path}:{f.location.span.line}:{f.location.span.column}:"
                f" {f.rule} {f.severity} {f.name}"
                for f in others
            )
        )
    counted = f"{len(failing)} finding(s) at or above {fail_on} in {family.label}"
    if problems:
        counted += f", {len(problems)} input(s) unreadable"
    blocks.append(counted)
    return "\n\n".join(blocks)


__all__ = [
    "FAIL_LEVELS",
    "FAMILY_TITLES",
    "FactcheckFailure",
    "FactcheckFile",
    "FactcheckItem",
    "FactcheckProblemWarning",
    "family_of",
    "is_failing",
]
