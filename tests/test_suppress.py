"""Inline suppressions in Markdown drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.load import load_text
from factcheck.model import Document
from factcheck.pipeline import audit

DAY = dt.date(2025, 2, 24)
WRONG = "Alibaba will invest over 380 billion yuan, equivalent to approximately $38 billion."
RIGHT = "Alibaba will invest more than 380 billion yuan (US$52.4 billion)."


def _doc(body: str) -> Document:
    import attrs

    return attrs.evolve(load_text(body, path="draft.md", format="md"), published=DAY)


def _fc101(body: str) -> list[tuple[str | None, int]]:
    report = audit([_doc(body)])
    return [
        (f.suppressed_by, f.location.span.line)
        for f in report.findings
        if f.rule == "FC101"
    ]


def test_ignore_comment_suppresses_the_named_rule_in_the_next_paragraph() -> None:
    body = f"<!-- factcheck: ignore FC101 -->\n{WRONG}\n"
    (found,) = _fc101(body)
    assert found[0] == "<!-- factcheck: ignore FC101 -->"


def test_ignore_without_codes_suppresses_every_rule() -> None:
    report = audit([_doc(f"<!-- factcheck: ignore -->\n{WRONG}\n")])
    assert report.findings
    assert all(f.suppressed_by for f in report.findings)


def test_ignore_other_rule_leaves_the_finding() -> None:
    (found,) = _fc101(f"<!-- factcheck: ignore FC202 -->\n{WRONG}\n")
    assert found[0] is None


def test_ignore_covers_only_the_next_paragraph() -> None:
    body = f"<!-- factcheck: ignore FC101 -->\n{RIGHT}\n\n{WRONG}\n"
    found = _fc101(body)
    assert [s for s, _ in found] == [None]


def test_off_on_region() -> None:
    body = f"<!-- factcheck: off -->\n{WRONG}\n<!-- factcheck: on -->\n\n{WRONG}\n"
    found = _fc101(body)
    assert [s is not None for s, _ in found] == [True, False]


def test_off_without_on_runs_to_the_end() -> None:
    body = f"Intro.\n\n<!-- factcheck: off -->\n\n{WRONG}\n"
    assert all(s is not None for s, _ in _fc101(body))


def test_a_suppression_that_suppresses_nothing_is_reported_at_info() -> None:
    report = audit([_doc(f"<!-- factcheck: ignore FC101 -->\n{RIGHT}\n")])
    unused = [f for f in report.findings if f.rule == "FC001"]
    assert len(unused) == 1
    assert unused[0].severity == "info"
    assert unused[0].location.span.line == 1


def test_unused_suppression_can_be_switched_off() -> None:
    from factcheck.config import Config

    config = Config(rules={"FC001": "off"})
    report = audit(
        [_doc(f"<!-- factcheck: ignore FC101 -->\n{RIGHT}\n")], config=config
    )
    assert not [f for f in report.findings if f.rule == "FC001"]


def test_suppressed_findings_do_not_fail_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    path = tmp_path / "draft.md"
    path.write_text(
        f"+++\npublished = 2025-02-24\n+++\n\n<!-- factcheck: ignore -->\n{WRONG}\n",
        encoding="utf-8",
    )
    assert main(["audit", str(path)]) == 0
    assert "suppressed" in capsys.readouterr().out
