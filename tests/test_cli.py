"""The ``factcheck`` command through ``main(argv)``: output, contracts, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import ExitCode, main
from factcheck.rules import builtin_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ALIBABA = FIXTURES / "alibaba"
HARBOUR = ALIBABA / "harbour-daily.md"
EMPTY = FIXTURES / "bad" / "empty.md"

CLAIM_KEYS = {
    "id",
    "kind",
    "text",
    "start",
    "end",
    "line",
    "column",
    "value",
    "unit",
    "qualifier",
    "low",
    "high",
    "equivalent_of",
}
FINDING_KEYS = {
    "rule",
    "name",
    "severity",
    "message",
    "path",
    "start",
    "end",
    "line",
    "column",
    "text",
    "related",
    "details",
}
LOCATION_KEYS = {"path", "start", "end", "line", "column", "text"}
SUMMARY_KEYS = {"documents", "claims", "aligned", "checked", "findings"}


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder, so no configuration file is discovered."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- extract ----------------------------------------------------------------


def test_extract_text_lists_claims_with_positions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "extract", HARBOUR)

    assert code == ExitCode.OK
    assert err == ""
    assert "'380 billion yuan'" in out
    assert "'US$52.4 billion'" in out
    assert f"{HARBOUR}:10:" in out


def test_extract_json_follows_the_contract(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "extract", "--format", "json", HARBOUR)

    assert code == ExitCode.OK
    payload = json.loads(out)
    assert payload["version"] == 1
    [document] = payload["documents"]
    assert {"path", "published", "claims"} <= set(document)
    assert document["path"] == str(HARBOUR)
    assert document["published"] == "2025-02-25"
    text = HARBOUR.read_text(encoding="utf-8")
    for claim in document["claims"]:
        assert set(claim) >= CLAIM_KEYS, claim
        assert claim["kind"] in ("money", "percent", "quantity", "count")
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["line"] == text.count("\n", 0, claim["start"]) + 1
        assert claim["column"] == claim["start"] - text.rfind("\n", 0, claim["start"])


def test_extract_json_links_an_equivalent_to_its_anchor(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = _run(capsys, "extract", "--format", "json", HARBOUR)

    claims = json.loads(out)["documents"][0]["claims"]
    by_text = {c["text"]: c for c in claims if c["line"] == 10}
    anchor, equivalent = by_text["380 billion yuan"], by_text["US$52.4 billion"]
    assert anchor["value"] == 380_000_000_000
    assert anchor["unit"] == "CNY"
    assert anchor["qualifier"] == "gt"
    assert anchor["low"] == 380_000_000_000
    assert anchor["high"] is None
    assert anchor["equivalent_of"] is None
    assert equivalent["unit"] == "USD"
    assert equivalent["equivalent_of"] == anchor["id"]


def test_extract_output_option_writes_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "claims.json"

    code, out, _ = _run(capsys, "extract", "--format", "json", "-o", target, HARBOUR)

    assert code == ExitCode.OK
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def test_extract_of_unreadable_file_only_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "extract", EMPTY)

    assert code == ExitCode.USAGE_ERROR
    assert str(EMPTY) in err


# --- audit ------------------------------------------------------------------


def test_audit_with_an_error_finding_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "audit", ALIBABA)

    assert code == ExitCode.FINDINGS
    assert "FC101" in out
    assert "conversion-mismatch" in out
    assert "$38 billion" in out


def test_audit_fail_on_never_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "audit", "--fail-on", "never", ALIBABA)

    assert code == ExitCode.OK
    assert "FC101" in out


def test_audit_of_consistent_reports_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = _run(capsys, "audit", FIXTURES / "minimax")

    assert code == ExitCode.OK


def test_audit_fail_on_info_counts_hints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "factcheck.toml"
    config.write_text(
        '[rules]\nFC101 = "off"\nFC201 = "off"\nFC202 = "off"\n', encoding="utf-8"
    )

    relaxed, _, _ = _run(capsys, "audit", "--config", config, ALIBABA)
    strict, _, _ = _run(
        capsys, "audit", "--config", config, "--fail-on", "info", ALIBABA
    )

    assert relaxed == ExitCode.OK
    assert strict == ExitCode.FINDINGS


def test_audit_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "audit", "--format", "json", ALIBABA)

    assert code == ExitCode.FINDINGS
    payload = json.loads(out)
    assert payload["version"] == 1
    assert {"version", "findings", "problems", "summary"} <= set(payload)
    assert payload["problems"] == []
    assert set(payload["summary"]) >= SUMMARY_KEYS
    assert payload["summary"]["documents"] == 3
    assert payload["summary"]["findings"] == len(payload["findings"])
    for finding in payload["findings"]:
        assert set(finding) >= FINDING_KEYS, finding
        assert finding["severity"] in ("error", "warning", "info")
        assert isinstance(finding["details"], dict)
        for related in finding["related"]:
            assert set(related) >= LOCATION_KEYS
    [conversion] = [f for f in payload["findings"] if f["rule"] == "FC101"]
    assert conversion["name"] == "conversion-mismatch"
    assert conversion["text"] == "$38 billion"
    assert conversion["path"].endswith("tech-ledger.txt")
    assert conversion["details"]["rate_date"] == "2025-02-24"
    assert conversion["details"]["provider"] == "ecb"
    assert [r["text"] for r in conversion["related"]] == ["380 billion yuan"]


def test_audit_output_option_writes_the_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "report.json"

    code, out, _ = _run(capsys, "audit", "--format", "json", "-o", target, ALIBABA)

    assert code == ExitCode.FINDINGS
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_audit_of_unreadable_file_exits_2_naming_it_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "audit", EMPTY)

    assert code == ExitCode.USAGE_ERROR
    assert str(EMPTY) in err
    assert "empty" in err


def test_audit_with_bad_config_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "factcheck.toml"
    config.write_text("windw_days = 3\n", encoding="utf-8")

    code, _, err = _run(capsys, "audit", "--config", config, ALIBABA)

    assert code == ExitCode.USAGE_ERROR
    assert str(config) in err
    assert "window_days" in err


def test_audit_with_bad_date_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "audit", "--date", "24/02/2025", ALIBABA)

    assert code == ExitCode.USAGE_ERROR
    assert "24/02/2025" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["audit", "--fail-on", "sometimes", str(ALIBABA)])

    assert info.value.code == ExitCode.USAGE_ERROR
    assert "sometimes" in capsys.readouterr().err


# --- rules and explain ------------------------------------------------------


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules")

    assert code == ExitCode.OK
    for spec in builtin_rules().values():
        assert spec.code in out
        assert spec.name in out


def test_rules_json_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "rules", "--format", "json")

    assert code == ExitCode.OK
    listed = {r["code"]: r for r in json.loads(out)["rules"]}
    assert set(builtin_rules()) <= set(listed)
    assert listed["FC101"]["name"] == "conversion-mismatch"
    assert listed["FC101"]["severity"] == "error"


def test_explain_prints_the_rules_doc(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "explain", "FC101")

    assert code == ExitCode.OK
    assert "FC101 conversion-mismatch" in out
    assert "*What it checks.*" in out
    assert builtin_rules()["FC101"].doc in out


def test_explain_accepts_a_rule_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "explain", "scale-slip")

    assert code == ExitCode.OK
    assert "FC401" in out


def test_explain_unknown_code_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "explain", "FC999")

    assert code == ExitCode.USAGE_ERROR
    assert out == ""
    assert "unknown rule 'FC999'" in err


def test_explain_near_miss_suggests_the_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = _run(capsys, "explain", "FC1O1")

    assert code == ExitCode.USAGE_ERROR
    assert "did you mean FC101?" in err


# --- convert ----------------------------------------------------------------


def test_convert_prints_the_amount_at_the_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        capsys, "convert", "380 billion yuan", "--to", "USD", "--date", "2025-02-24"
    )

    assert code == ExitCode.OK
    assert "52.4" in out
    assert "billion USD" in out
    assert "ecb" in out


def test_convert_json_gives_value_interval_and_rates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        capsys,
        "convert",
        "380 billion yuan",
        "--to",
        "USD",
        "--date",
        "2025-02-24",
        "--format",
        "json",
    )

    assert code == ExitCode.OK
    payload = json.loads(out)
    assert payload["version"] == 1
    assert payload["query"] == "380 billion yuan"
    assert payload["unit"] == "USD"
    assert payload["value"] == pytest.approx(52.4e9, rel=2e-3)
    assert payload["low"] < payload["value"] < payload["high"]
    assert payload["rates"]
    assert {"base", "quote", "rate", "rate_date", "provider"} <= set(
        payload["rates"][0]
    )
    assert payload["rates"][0]["rate_date"] == "2025-02-24"


def test_output_file_has_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from factcheck.report.output import write_atomic

    target = tmp_path / "out.json"
    write_atomic(target, "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert target.read_text(encoding="utf-8") == "{}\n"
