"""Every rule against its fixture under ``fixtures/rules/`` (STYLE.md, "Tests").

A fixture is ``fixtures/rules/FC101.md`` (a rule that reads one document) or a folder
``fixtures/rules/FC201/`` of articles (a rule that compares documents). A line that
must fire ends with an HTML comment naming the code (``<!-- FC101 -->``); every other
line must stay silent for that code. In a folder whose articles list ``sources`` in
their front matter, only those articles (the drafts) are audited, as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from factcheck.config import Config
from factcheck.extractor import extract_document
from factcheck.load import load_paths
from factcheck.model import Document
from factcheck.pipeline import audit
from factcheck.rules import builtin_rules

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "rules"
SUFFIXES = (".md", ".txt", ".html")
#: an HTML comment that holds nothing but rule codes, at the end of a line
MARKER = regex.compile(r"<!--\s*(?P<codes>FC\d{3}(?:[\s,]+FC\d{3})*)\s*-->\s*$")

Line = tuple[str, int]
#: the rules of DESIGN.md's catalog; each must have a fixture
CATALOG = (
    "FC101",
    "FC102",
    "FC103",
    "FC104",
    "FC201",
    "FC202",
    "FC203",
    "FC301",
    "FC302",
    "FC303",
    "FC304",
    "FC401",
)


def _entries() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir() or p.suffix in SUFFIXES)


def _files(entry: Path) -> list[Path]:
    if entry.is_file():
        return [entry]
    return sorted(p for p in entry.rglob("*") if p.suffix in SUFFIXES)


def _name(entry: Path, path: Path | str) -> str:
    """A file's name relative to its fixture (the file name for a single file)."""
    path = Path(path).resolve()
    base = entry.resolve() if entry.is_dir() else entry.resolve().parent
    return path.relative_to(base).as_posix()


def _marked(entry: Path, files: list[Path], code: str) -> set[Line]:
    found: set[Line] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            m = MARKER.search(line)
            if m and code in regex.split(r"[\s,]+", m.group("codes")):
                found.add((_name(entry, path), number))
    return found


def _audited(entry: Path) -> list[Document]:
    """The documents to audit: the drafts (front matter ``sources``) if there are
    any, else every article of the fixture."""
    documents, problems = load_paths([str(p) for p in _files(entry)])
    assert not problems, problems
    drafts = [d for d in documents if d.sources]
    return drafts or documents


def _numeric_lines(entry: Path, documents: list[Document]) -> set[Line]:
    return {
        (_name(entry, d.path), claim.span.line)
        for d in documents
        for claim in extract_document(d).claims
    }


ENTRIES = _entries()


def test_every_catalog_rule_has_a_fixture() -> None:
    have = {entry.stem for entry in ENTRIES}
    assert set(CATALOG) <= have


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.stem for e in ENTRIES])
def test_rule_fires_exactly_on_marked_lines(entry: Path) -> None:
    code = entry.stem
    assert code in builtin_rules(), f"{entry.name} names no built-in rule"
    documents = _audited(entry)

    report = audit([d.path for d in documents], config=Config())

    assert not report.problems, report.problems
    found = {
        (_name(entry, f.location.path), f.location.span.line): f
        for f in report.findings
        if f.rule == code
    }
    expected = _marked(entry, _files(entry), code)
    unexpected = [
        f"{name}:{line}: {found[name, line].message}"
        for name, line in sorted(set(found) - expected)
    ]
    missing = [f"{name}:{line}" for name, line in sorted(expected - set(found))]
    assert set(found) == expected, {"unexpected": unexpected, "missing": missing}
    numeric = _numeric_lines(entry, documents)
    assert expected & numeric, f"{code}: no firing case"
    assert numeric - expected, f"{code}: no silent case"
