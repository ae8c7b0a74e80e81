"""``factcheck.pipeline.audit``: the library entry point editorial tools call."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.extractor import extract_document
from factcheck.load import load_paths
from factcheck.model import Finding, Report
from factcheck.pipeline import audit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ALIBABA = FIXTURES / "alibaba"
MINIMAX = FIXTURES / "minimax"
BAD = FIXTURES / "bad"


@pytest.fixture(scope="module")
def alibaba() -> Report:
    return audit([ALIBABA], config=Config())


def _conversion_finding(report: Report) -> Finding:
    found = [
        f
        for f in report.findings
        if f.rule == "FC101" and Path(f.location.path).name == "tech-ledger.txt"
    ]
    assert len(found) == 1, [f.message for f in report.findings]
    return found[0]


def _texts(finding: Finding) -> set[str]:
    return {finding.location.text, *(r.text for r in finding.related)}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- the canonical case ---------------------------------------------------------


def test_wrong_conversion_is_flagged_on_the_equivalent(alibaba: Report) -> None:
    finding = _conversion_finding(alibaba)

    assert finding.location.text == "$38 billion"
    assert finding.name == "conversion-mismatch"
    assert finding.severity == "error"
    assert [r.text for r in finding.related] == ["380 billion yuan"]
    text = Path(finding.location.path).read_text(encoding="utf-8")
    span = finding.location.span
    assert text[span.start : span.end] == "$38 billion"


def test_wrong_conversion_records_rate_provenance(alibaba: Report) -> None:
    details = _conversion_finding(alibaba).details

    assert details["rate_date"] == "2025-02-24"
    assert details["provider"] == "ecb"


def test_wrong_conversion_details_state_rates_as_the_message_does(
    alibaba: Report,
) -> None:
    details = _conversion_finding(alibaba).details

    assert details["implied_rate"] == pytest.approx(10.0, rel=1e-3)
    assert details["reference_rate"] == pytest.approx(7.25, rel=2e-3)


def test_conversions_within_rounding_are_never_compared_into_a_finding(
    alibaba: Report,
) -> None:
    for finding in alibaba.findings:
        texts = _texts(finding)
        assert not (
            any("52.4 billion" in t for t in texts)
            and any(t.endswith("$53 billion") for t in texts)
        ), finding.message


def test_consistent_reports_yield_no_error_or_warning() -> None:
    report = audit([MINIMAX], config=Config())

    assert not report.problems
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []


def test_summary_counts_documents_claims_and_coverage(alibaba: Report) -> None:
    documents, _ = load_paths([str(ALIBABA)])
    claims = sum(len(extract_document(d).claims) for d in documents)
    summary = alibaba.summary

    assert summary.documents == 3
    assert summary.claims == claims
    assert 0 < summary.aligned <= summary.claims
    assert 0 < summary.checked <= summary.claims
    assert not alibaba.problems


# --- bad input --------------------------------------------------------------


def test_unreadable_inputs_become_problems_naming_each_file() -> None:
    report = audit([BAD], config=Config())

    named = {Path(p.path).name for p in report.problems}
    assert named == {p.name for p in BAD.iterdir()}
    assert all(p.message for p in report.problems)
    assert report.findings == ()
    assert report.summary.documents == 0


def test_unreadable_input_does_not_stop_the_rest_of_the_run() -> None:
    report = audit([BAD / "empty.md", ALIBABA], config=Config())

    assert [Path(p.path).name for p in report.problems] == ["empty.md"]
    assert report.summary.documents == 3
    assert any(f.rule == "FC101" for f in report.findings)


# --- drafts against sources -------------------------------------------------


SOURCE = """\
+++
title = "Alibaba's spending plan"
published = 2025-02-24
+++

Alibaba will invest more than 380 billion yuan (US$52.4 billion) in AI over the next three years.

A provincial fund of 5 billion yuan ($36 billion) will back chip start-ups.
"""

DRAFT = """\
+++
title = "Draft: Alibaba's spending plan"
published = 2025-02-24
sources = ["source.md"]
+++

Alibaba will invest over 380 billion yuan, equivalent to approximately $38 billion, in AI over the next three years.
"""


def test_draft_mode_reports_on_the_draft_only(tmp_path: Path) -> None:
    _write(tmp_path / "source.md", SOURCE)
    draft = _write(tmp_path / "draft.md", DRAFT)

    report = audit([draft], config=Config())

    assert not report.problems
    assert report.summary.documents == 2
    assert {Path(f.location.path).name for f in report.findings} == {"draft.md"}
    assert "FC101" in {f.rule for f in report.findings}


def test_source_errors_are_not_reported_in_draft_mode(tmp_path: Path) -> None:
    source = _write(tmp_path / "source.md", SOURCE)
    alone = audit([source], config=Config())
    assert any(f.location.text == "$36 billion" for f in alone.findings)
    draft = _write(tmp_path / "draft.md", DRAFT)

    report = audit([draft], config=Config())

    assert all(f.location.text != "$36 billion" for f in report.findings)


def test_explicit_sources_make_every_input_a_draft(tmp_path: Path) -> None:
    source = _write(tmp_path / "source.md", SOURCE)
    draft = _write(
        tmp_path / "draft.md", DRAFT.replace('sources = ["source.md"]\n', "")
    )

    report = audit([draft], sources=[source], config=Config())

    assert report.findings
    assert {Path(f.location.path).name for f in report.findings} == {"draft.md"}


# --- configuration ----------------------------------------------------------


def test_rule_turned_off_in_config_does_not_run() -> None:
    report = audit([ALIBABA], config=Config(rules={"FC101": "off"}))

    rules = {f.rule for f in report.findings}
    assert "FC101" not in rules
    assert "FC401" in rules


def test_severity_override_relevels_the_rules_findings() -> None:
    report = audit([ALIBABA], config=Config(rules={"FC401": "error"}))

    hints = [f for f in report.findings if f.rule == "FC401"]
    assert hints
    assert {f.severity for f in hints} == {"error"}
    assert {f.severity for f in report.findings if f.rule == "FC101"} == {"error"}


def test_severity_override_can_lower_an_error() -> None:
    report = audit([ALIBABA], config=Config(rules={"FC101": "info"}))

    assert {f.severity for f in report.findings if f.rule == "FC101"} == {"info"}


def test_audit_output_does_not_depend_on_the_hash_seed() -> None:
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "7"):
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "audit",
                "fixtures/alibaba",
                "--format",
                "json",
                "--fail-on",
                "never",
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            cwd=__import__("pathlib").Path(__file__).resolve().parents[1],
        )
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_package_level_audit_is_a_function_even_after_the_pipeline_is_imported() -> (
    None
):
    import importlib

    import factcheck

    importlib.import_module("factcheck.pipeline")
    report = factcheck.audit([ALIBABA])
    assert any(f.rule == "FC101" for f in report.findings)
