"""A Document built in memory audits as the same file would: its prose is masked by
its format (it used to stay raw, so Markdown audited as FC103 instead of FC101)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import factcheck
from factcheck import Document, load_text

_MARKDOWN = (
    "+++\npublished = 2025-02-24\n+++\n"
    "# The group's cloud plan\n\n"
    "The group will spend **380 billion yuan** ([$38 billion](https://example.com/"
    "rates/7.25)) on data centres, it said.\n\n"
    "```\nbudget = 380000000000  # yuan, 7.25 per dollar\n```\n"
)


def _shape(report: factcheck.Report) -> list[tuple[str, str, int]]:
    return [(f.rule, f.location.text, f.location.span.start) for f in report.findings]


def test_a_document_built_directly_audits_as_the_file_does(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(_MARKDOWN, encoding="utf-8")
    from_file = factcheck.audit([path])
    built = Document(
        path=str(path), text=_MARKDOWN, format="md", published=dt.date(2025, 2, 24)
    )
    from_memory = factcheck.audit([built])
    assert _shape(from_memory) == _shape(from_file)
    assert "FC101" in {rule for rule, _, _ in _shape(from_file)}


def test_a_document_built_directly_has_no_claims_in_code_or_links() -> None:
    built = Document(path="a.md", text=_MARKDOWN, format="md")
    texts = [c.text for c in factcheck.extract_document(built).claims]
    assert texts == ["380 billion yuan", "$38 billion"]


def test_a_document_with_its_own_prose_keeps_it() -> None:
    text = "Up 5% and 7%."
    prose = "Up 5%       ."
    built = Document(path="a.txt", text=text, prose=prose)
    assert [c.text for c in factcheck.extract_document(built).claims] == ["5%"]


def test_load_text_takes_what_the_document_says_about_itself() -> None:
    doc = load_text(
        "+++\ntitle = 'Old'\npublished = 2024-01-02\n+++\nUp 5%.\n",
        format="md",
        title="New",
        outlet="Harbour Daily",
        url="https://example.com/a",
        published="2025-02-24",
        sources=["wires/a.md"],
    )
    assert (doc.title, doc.outlet, doc.url) == (
        "New",
        "Harbour Daily",
        "https://example.com/a",
    )
    assert doc.published is not None
    assert doc.published.isoformat() == "2025-02-24"
    assert doc.sources == ("wires/a.md",)
    kept = load_text("+++\ntitle = 'Old'\n+++\nUp 5%.\n", format="md", outlet="X")
    assert kept.title == "Old"


def test_load_text_refuses_a_bad_date() -> None:
    with pytest.raises(factcheck.InputError, match="out of range"):
        load_text("Up 5%.", path="a.md", published="9999-12-31")
    with pytest.raises(factcheck.InputError, match="not a date"):
        load_text("Up 5%.", path="a.md", published="24/02/2025")
