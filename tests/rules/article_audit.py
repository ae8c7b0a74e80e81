"""For the rule tests: audit one article written in the test."""

from __future__ import annotations

import datetime as dt

from factcheck.config import Config
from factcheck.model import Document, Finding
from factcheck.pipeline import audit


def run_audit(
    text: str, published: dt.date, *, url: str | None = None, code: str = "FC101"
) -> list[Finding]:
    """The findings of rule ``code`` on one article published on ``published``."""
    document = Document(
        path="article.md", text=text, published=published, url=url, outlet="Desk"
    )
    report = audit([document], config=Config())
    assert not report.problems, report.problems
    return [f for f in report.findings if f.rule == code]
