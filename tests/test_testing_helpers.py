"""The assertion helpers of ``factcheck.testing``, called directly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.model import Interval, Report
from factcheck.testing import (
    Factcheck,
    assert_claims_agree,
    assert_finding,
    assert_no_findings,
    compare,
    explain_comparison,
    one_claim,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALIBABA = FIXTURES / "alibaba"
MINIMAX = FIXTURES / "minimax"
PLEDGE_DAY = dt.date(2025, 2, 24)


@pytest.fixture(scope="module")
def alibaba_report() -> Report:
    return Factcheck(config=Config()).audit(ALIBABA)


# ---------------------------------------------------------------- one_claim


def test_one_claim_reads_the_single_claim_of_a_text() -> None:
    claim = one_claim("about $38 billion")
    assert (claim.value, claim.unit, claim.qualifier) == (38e9, "USD", "approx")
    assert one_claim(claim) is claim


@pytest.mark.parametrize(
    ("text", "found"),
    [("no figures here", "found 0: none"), ("13% to 31.7 billion yuan", "found 2")],
)
def test_one_claim_rejects_texts_without_exactly_one_claim(
    text: str, found: str
) -> None:
    with pytest.raises(ValueError, match=found):
        one_claim(text)


# ---------------------------------------------------------------- assert_no_findings


def test_assert_no_findings_passes_clean_articles_and_returns_the_report() -> None:
    report = assert_no_findings(MINIMAX)
    assert report.summary.documents == 3
    assert report.findings == ()


def test_assert_no_findings_shows_the_findings_at_or_above_the_level() -> None:
    with pytest.raises(AssertionError) as excinfo:
        assert_no_findings([ALIBABA / "tech-ledger.txt", ALIBABA / "harbour-daily.md"])
    text = str(excinfo.value)
    assert text.startswith("2 finding(s) at or above error")
    assert "tech-ledger.txt:9:52: FC101 error conversion-mismatch" in text
    assert "'$38 billion' restates '380 billion yuan' at 10 CNY per USD" in text
    assert "FC201 error cross-source-conflict" in text
    assert "FC401" not in text  # info, below the level
    assert "document(s):" in text  # the coverage line


def test_assert_no_findings_counts_info_when_asked(alibaba_report: Report) -> None:
    only_info = Report(
        findings=tuple(f for f in alibaba_report.findings if f.severity == "info"),
        summary=alibaba_report.summary,
    )
    assert assert_no_findings(only_info) is only_info
    with pytest.raises(AssertionError, match="FC401 info scale-slip"):
        assert_no_findings(only_info, at_least="info")


def test_assert_no_findings_fails_on_an_unreadable_input(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match=r"missing\.md: error: "):
        assert_no_findings(tmp_path / "missing.md")


def test_assert_no_findings_rejects_an_unknown_level() -> None:
    with pytest.raises(ValueError, match="did you mean warning"):
        assert_no_findings(Report(), at_least="warnings")  # type: ignore[arg-type]


# ---------------------------------------------------------------- assert_finding


def test_assert_finding_returns_the_matching_finding(alibaba_report: Report) -> None:
    finding = assert_finding(alibaba_report, "FC101", text="$38 billion")
    assert finding.location.path.endswith("tech-ledger.txt")
    by_name = assert_finding(alibaba_report, "outlier", path="tech-ledger.txt")
    assert by_name.rule == "FC202"
    assert assert_finding(alibaba_report, "fc401", severity="info").rule == "FC401"


def test_assert_finding_lists_what_the_report_has(alibaba_report: Report) -> None:
    with pytest.raises(AssertionError) as excinfo:
        assert_finding(alibaba_report, "FC101", text="$53 billion")
    text = str(excinfo.value)
    assert text.startswith("no finding FC101 on '$53 billion'; the report has:")
    assert "FC101 error conversion-mismatch '$38 billion'" in text
    with pytest.raises(AssertionError, match=r"\(none\)"):
        assert_finding(Report(), "FC301")


# ---------------------------------------------------------------- claims


def test_assert_claims_agree_passes_a_consistent_conversion() -> None:
    comparison = assert_claims_agree(
        "more than 380 billion yuan", "US$52.4 billion", date=PLEDGE_DAY
    )
    assert comparison.overlap
    assert comparison.rates is not None
    assert comparison.rates.requested == PLEDGE_DAY


def test_assert_claims_agree_shows_rate_date_and_provider() -> None:
    with pytest.raises(AssertionError) as excinfo:
        assert_claims_agree("380 billion yuan", "$38 billion", date="2025-02-24")
    text = str(excinfo.value)
    assert text.startswith("'380 billion yuan' and '$38 billion' cannot both hold")
    assert "implied rate 10 CNY per USD" in text
    assert "conversion: 375–385 billion CNY is" in text
    assert "7.25005 CNY per USD (ecb, 2025-02-24)" in text


def test_assert_claims_agree_fails_on_different_measures() -> None:
    with pytest.raises(AssertionError, match="cannot be compared"):
        assert_claims_agree("13%", "$38 billion")


def test_assert_claims_agree_rejects_a_bad_date() -> None:
    with pytest.raises(ValueError, match="not a date"):
        assert_claims_agree("13%", "13%", date="24/02/2025")


def test_compare_is_symmetric_in_its_verdict() -> None:
    a = compare("380 billion yuan", "$38 billion", date=PLEDGE_DAY)
    b = compare("$38 billion", "380 billion yuan", date=PLEDGE_DAY)
    assert (a.overlap, b.overlap) == (False, False)


# ---------------------------------------------------------------- explanations


def test_explain_comparison_of_two_claims_shows_the_arithmetic() -> None:
    lines = explain_comparison(
        one_claim("over 380 billion yuan"),
        one_claim("about $38 billion"),
        date=PLEDGE_DAY,
    )
    assert lines[0] == "Claim('380 billion yuan') == Claim('$38 billion')"
    assert lines[1].startswith("the numbers cannot both hold: 380 billion yuan")
    assert "implied rate 10 CNY per USD" in lines[1]
    assert lines[2] == (
        "left: '380 billion yuan': money, more than 380 billion CNY; "
        "allows at least 380 billion CNY"
    )
    assert lines[3].startswith(
        "right: '$38 billion': money, about 38 billion USD; allows 36.1–39.9 billion USD"
    )
    assert "'$' read as USD" in lines[3]
    assert lines[4].startswith("conversion: at least 380 billion CNY is")
    assert "(ecb, 2025-02-24)" in lines[4]
    assert lines[5].startswith("differing attributes: ")


def test_explain_comparison_says_when_recent_rates_stand_in_for_a_date() -> None:
    lines = explain_comparison(one_claim("380 billion yuan"), one_claim("$38 billion"))
    assert "no publication date: recent rates used" in lines[1]


def test_explain_comparison_of_equal_numbers_names_the_differing_fields() -> None:
    lines = explain_comparison(one_claim("It rose 13%."), one_claim("a 13% rise"))
    assert lines[1].startswith("the numbers can both hold")
    differing = lines[-1].removeprefix("differing attributes: ").split(", ")
    assert "text" not in differing
    assert "value" not in differing
    assert "span" in differing
    assert not any(line.startswith("conversion:") for line in lines)


def test_explain_comparison_of_a_claim_and_an_interval_either_way() -> None:
    claim = one_claim("$38 billion")
    interval = Interval(51.2e9, 53.5e9, "USD")
    lines = explain_comparison(claim, interval)
    assert lines[0] == "Claim('$38 billion') == Interval(51.2–53.5 billion USD)"
    assert "cannot both hold" in lines[1]
    assert lines[3] == "right: interval 51.2–53.5 billion USD"
    flipped = explain_comparison(interval, claim)
    assert flipped[0] == "Interval(51.2–53.5 billion USD) == Claim('$38 billion')"
    assert flipped[2] == "left: interval 51.2–53.5 billion USD"


def test_explain_comparison_converts_a_claim_into_the_intervals_unit() -> None:
    lines = explain_comparison(
        one_claim("380 billion yuan"), Interval(51.2e9, 53.5e9, "USD"), date=PLEDGE_DAY
    )
    assert "can both hold" in lines[1]
    assert any(line.startswith("conversion: 375–385 billion CNY is") for line in lines)


def test_explain_comparison_says_why_it_cannot_compare() -> None:
    lines = explain_comparison(one_claim("13%"), one_claim("5 km"))
    assert lines[1].startswith("cannot be compared: ")


# ---------------------------------------------------------------- the fixture's object


def test_factcheck_object_reads_settings_from_its_config_file(tmp_path: Path) -> None:
    config_file = tmp_path / "factcheck.toml"
    config_file.write_text('[rules]\nFC101 = "off"\n', encoding="utf-8")
    fc = Factcheck(config_path=config_file)
    assert fc.config.rules == {"FC101": "off"}
    report = fc.audit(ALIBABA / "tech-ledger.txt")
    assert [f.rule for f in report.findings] == ["FC401"]
    assert fc.assert_no_findings(report) is report
    assert fc.claim("US$52.4 billion").unit == "USD"
    assert [c.unit for c in fc.extract("13% to 31.7 billion yuan")] == ["%", "CNY"]
    assert fc.compare("380 billion yuan", "$52.4 billion", date=PLEDGE_DAY).overlap
    fc.assert_claims_agree("380 billion yuan", "$52.4 billion", date=PLEDGE_DAY)
    assert fc.assert_finding(report, "FC401").severity == "info"


def test_factcheck_object_defaults_to_the_documented_settings() -> None:
    assert Factcheck().config == Config()
