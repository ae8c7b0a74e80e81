"""SARIF 2.1.0 output: schema-valid, what GitHub code scanning reads, and stable."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck.model import FINGERPRINT_VERSION, Finding, Location, Report, Summary
from factcheck.report import render, sarif
from factcheck.rules.registry import Rule

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _validate(log: dict[str, Any]) -> None:
    if not SCHEMA.is_file():
        pytest.skip("../shared/schemas is not present")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def _render(report: Report, **options: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(sarif.render_report(report, **options))
    return loaded


def _run(log: dict[str, Any]) -> dict[str, Any]:
    assert len(log["runs"]) == 1
    run: dict[str, Any] = log["runs"][0]
    return run


def test_sarif_sample_report_is_schema_valid(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _validate(_render(report))


def test_sarif_empty_report_is_schema_valid() -> None:
    log = _render(Report())
    assert _run(log)["results"] == []
    assert _run(log)["columnKind"] == "unicodeCodePoints"
    _validate(log)


def test_sarif_real_audit_with_default_catalog_is_schema_valid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck.pipeline import audit
    from factcheck.rules.registry import all_rules

    monkeypatch.chdir(FIXTURES.parent)
    real = audit(["fixtures/alibaba", "fixtures/minimax", "fixtures/bad"])
    log = json.loads(render(real, "sarif"))
    run = _run(log)
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(all_rules()[0])
    assert "FC101" in {r["ruleId"] for r in run["results"]}
    assert all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(
            "fixtures/"
        )
        for r in run["results"]
    )
    assert run["invocations"][0]["executionSuccessful"] is False
    _validate(log)


def test_sarif_matches_golden(
    report: Report,
    rules: dict[str, Rule],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    golden: Callable[[str, str], None],
) -> None:
    monkeypatch.chdir(tmp_path)
    text = sarif.render_report(report, rules=rules)
    golden("report.sarif", text.replace(tmp_path.as_uri(), "file:///SRCROOT"))


def test_sarif_is_deterministic_whatever_the_finding_order(
    report: Report, rules: dict[str, Rule]
) -> None:
    shuffled = Report(
        findings=tuple(reversed(report.findings)),
        problems=report.problems,
        summary=report.summary,
    )
    once = sarif.render_report(report, rules=rules)
    assert once == sarif.render_report(shuffled, rules=rules)


def test_sarif_driver_describes_every_rule_with_levels(
    report: Report, rules: dict[str, Rule]
) -> None:
    driver = _run(_render(report, rules=rules))["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"]
    assert driver["informationUri"].startswith("https://")
    by_id = {r["id"]: r for r in driver["rules"]}
    assert list(by_id) == sorted(rules)
    fc101 = by_id["FC101"]
    assert fc101["name"] == "conversion-mismatch"
    assert fc101["shortDescription"]["text"] == rules["FC101"].summary
    assert fc101["fullDescription"]["text"].startswith("An amount followed by")
    assert "*Why it matters.*" in fc101["help"]["markdown"]
    assert "Why it matters" in fc101["help"]["text"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {
        "FC101": "error",
        "FC201": "error",
        "FC304": "warning",
        "FC401": "note",
    }


def test_sarif_results_point_at_their_rules_and_levels(report: Report) -> None:
    run = _run(_render(report))
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {
        "FC101": "error",
        "FC201": "error",
        "FC304": "warning",
        "FC401": "note",
    }


def test_sarif_location_is_repo_relative_one_based_with_snippet(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = _run(_render(report))
    result = next(r for r in run["results"] if r["ruleId"] == "FC101")
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "drafts/alibaba.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert physical["region"] == {
        "startLine": 3,
        "startColumn": 62,
        "endLine": 3,
        "endColumn": 73,
        "snippet": {"text": "$38 billion"},
    }
    assert physical["contextRegion"]["snippet"]["text"].startswith("Alibaba will")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def test_sarif_uri_relative_to_given_root(
    tmp_path: Path, make_location: Callable[..., Location]
) -> None:
    inside = tmp_path / "repo" / "drafts" / "a b.md"
    outside = tmp_path / "elsewhere" / "c.md"
    findings = tuple(
        Finding(
            rule="FC101",
            name="conversion-mismatch",
            severity="error",
            message="m",
            location=make_location(str(path), 1, 1, "$1"),
        )
        for path in (inside, outside)
    )
    run = _run(_render(Report(findings=findings), root=str(tmp_path / "repo")))
    artifacts = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in run["results"]
    ]
    assert {"uri": "drafts/a%20b.md", "uriBaseId": "%SRCROOT%"} in artifacts
    assert {"uri": outside.as_uri()} in artifacts


def test_sarif_related_locations_are_linked_from_the_message(report: Report) -> None:
    run = _run(_render(report))
    result = next(r for r in run["results"] if r["ruleId"] == "FC201")
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        "sources/harbour.md",
        "sources/harbour.md",
    ]
    text = result["message"]["text"]
    assert "[‘380 billion yuan’](1)" in text
    assert "[‘US$52.4 billion’](2)" in text
    assert text.startswith("'$38 billion' (Draft)")


def test_sarif_message_escapes_brackets_and_braces(
    make_location: Callable[..., Location],
) -> None:
    finding = Finding(
        rule="FC101",
        name="conversion-mismatch",
        severity="error",
        message="see [note] {0}",
        location=make_location("a.md", 1, 1, "$1"),
        related=(make_location("b.md", 2, 3, "[x]"),),
    )
    result = _run(_render(Report(findings=(finding,))))["results"][0]
    assert result["message"]["text"] == (
        "see \\[note\\] {{0}}; see [‘\\[x\\]’](1) (b.md:2)"
    )


def test_sarif_fingerprint_is_ours_and_versioned(report: Report) -> None:
    run = _run(_render(report))
    for result, finding in zip(
        run["results"], sorted(report.findings, key=sarif.sort_key), strict=True
    ):
        assert result["partialFingerprints"] == {
            FINGERPRINT_VERSION: finding.fingerprint
        }
        assert "primaryLocationLineHash" not in result["partialFingerprints"]


def test_sarif_suppression_and_baseline_state(
    report: Report, make_location: Callable[..., Location]
) -> None:
    run = _run(_render(report))
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["FC304"]["suppressions"] == [
        {"kind": "inSource", "justification": "factcheck: ignore FC304"}
    ]
    assert "suppressions" not in by_rule["FC101"]
    assert by_rule["FC401"]["baselineState"] == "unchanged"
    assert by_rule["FC101"]["baselineState"] == "new"
    plain = _run(_render(Report(findings=(report.findings[0],))))
    without = Finding(
        rule="FC101",
        name="conversion-mismatch",
        severity="error",
        message="m",
        location=make_location("a.md", 1, 1, "$1"),
    )
    assert "baselineState" in plain["results"][0]
    bare = _run(_render(Report(findings=(without,))))["results"][0]
    assert "baselineState" not in bare
    assert "suppressions" not in bare


def test_sarif_properties_carry_details_and_evidence(report: Report) -> None:
    run = _run(_render(report))
    result = next(r for r in run["results"] if r["ruleId"] == "FC101")
    props = result["properties"]
    assert props["details"]["stated_value"] == 380000000000
    assert props["details"]["rate_date"] == "2025-02-24"
    assert props["details"]["window"] is None
    assert props["evidence"] == [
        "'$38 billion' is stated as the equivalent of '380 billion yuan'"
    ]


def test_sarif_problems_become_notifications_naming_the_file(report: Report) -> None:
    invocation = _run(_render(report))["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"].startswith("drafts/latin1.md: not UTF-8")
    where = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert where["uri"] == "drafts/latin1.md"
    clean = _run(_render(Report()))["invocations"][0]
    assert clean == {"executionSuccessful": True}


def test_sarif_ends_with_coverage(report: Report) -> None:
    run = _run(_render(report))
    assert list(run)[-1] == "properties"
    assert run["properties"]["summary"] == {
        "documents": 3,
        "claims": 12,
        "aligned": 7,
        "checked": 9,
        "findings": 4,
    }
    empty = _run(_render(Report(summary=Summary(documents=2, claims=0))))
    assert empty["properties"]["summary"]["documents"] == 2


def test_sarif_rule_missing_from_catalog_gets_a_descriptor(
    make_location: Callable[..., Location],
) -> None:
    finding = Finding(
        rule="XY123",
        name="plugin-rule",
        severity="info",
        message="m",
        location=make_location("a.md", 1, 1, "$1"),
    )
    run = _run(_render(Report(findings=(finding,))))
    result = run["results"][0]
    descriptor = run["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert descriptor["id"] == "XY123"
    assert descriptor["defaultConfiguration"] == {"level": "note"}
    _validate({"version": "2.1.0", "runs": [run]})
