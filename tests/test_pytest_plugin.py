"""The pytest plugin, run the way users run it: pytest inside pytest (``pytester``).

Most runs are in-process (fast: the pipeline is already imported); the ones where the
entry point or a fresh interpreter matters run in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEAVY = (
    "factcheck.pipeline",
    "factcheck.extractor",
    "factcheck.normalize",
    "factcheck.rules",
    "factcheck.testing",
    "pint",
    "babel",
    "regex",
)


def _plugin_args() -> list[str]:
    """How to enable the plugin: nothing when its entry point is installed and
    autoloaded; by its entry-point name when autoloading is off; else by module."""
    if not entry_points(group="pytest11", name="factcheck"):
        return ["-p", "factcheck.pytest_plugin"]
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return ["-p", "factcheck"]
    return []


#: plugins the inner runs do without (hypothesis' summary alone costs a second a run)
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest")


@pytest.fixture(scope="module", autouse=True)
def _warm_pipeline() -> None:
    """Import the pipeline and load the rate history in this process first: an
    in-process run forgets the modules it imported, so each would import them anew."""
    from factcheck.pipeline import audit
    from factcheck.testing import Factcheck

    Factcheck()
    audit([FIXTURES / "alibaba"])


@pytest.fixture
def run(pytester: pytest.Pytester) -> Callable[..., pytest.RunResult]:
    """``runpytest`` in-process with the plugin enabled."""

    def go(*args: str) -> pytest.RunResult:
        return pytester.runpytest(*_plugin_args(), *QUIET, *args)

    return go


@pytest.fixture
def run_subprocess(pytester: pytest.Pytester) -> Callable[..., pytest.RunResult]:
    """``runpytest`` in a fresh interpreter, the plugin found through its entry
    point."""

    def go(*args: str) -> pytest.RunResult:
        return pytester.runpytest_subprocess(*_plugin_args(), *QUIET, *args)

    return go


def _copy(pytester: pytest.Pytester, folder: str, into: str = ".") -> Path:
    target = pytester.path / into
    target.mkdir(parents=True, exist_ok=True)
    for file in sorted((FIXTURES / folder).iterdir()):
        shutil.copy(file, target / file.name)
    return target


@pytest.fixture
def alibaba(pytester: pytest.Pytester) -> Path:
    """Three outlets; ``tech-ledger.txt`` converts 380 billion yuan at 10 per dollar."""
    return _copy(pytester, "alibaba")


@pytest.fixture
def minimax(pytester: pytest.Pytester) -> Path:
    """Three outlets that agree."""
    return _copy(pytester, "minimax")


# ---------------------------------------------------------------- cheap and opt-in


def test_importing_the_plugin_loads_no_pipeline() -> None:
    code = (
        "import sys, factcheck.pytest_plugin\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "[]"


def test_without_opt_in_no_article_is_collected_and_nothing_heavy_loads(
    pytester: pytest.Pytester,
    alibaba: Path,
    run_subprocess: Callable[..., pytest.RunResult],
) -> None:
    pytester.makefile(".md", README="# Notes\n\nWe raised $5 million, or 10 yuan.\n")
    pytester.makepyfile(
        test_plain=f"""
        import sys

        def test_pipeline_not_loaded():
            assert [m for m in {HEAVY!r} if m in sys.modules] == []
        """
    )
    result = run_subprocess("-v")
    result.assert_outcomes(passed=1)
    assert "::FC" not in result.stdout.str()
    assert "factcheck: articles collected" not in result.stdout.str()


def test_marker_is_registered_for_strict_markers(
    pytester: pytest.Pytester, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.factcheck
        def test_marked():
            pass
        """
    )
    run("--strict-markers").assert_outcomes(passed=1)


# ---------------------------------------------------------------- the fixtures


def test_fails_the_draft_with_the_38_billion_conversion(
    alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    result = run("--factcheck")
    result.assert_outcomes(failed=2, passed=13)
    result.stdout.fnmatch_lines(
        [
            "*factcheck: articles collected as items, fail on error*",
            "tech-ledger.txt:9:52: FC101 error conversion-mismatch",
            "*'$38 billion' restates '380 billion yuan' at 10 CNY per USD*",
            "1 finding(s) at or above error in FC1 conversion",
            "tech-ledger.txt:9:52: FC202 error outlier",
            "FAILED tech-ledger.txt::FC1 conversion - *",
            "FAILED tech-ledger.txt::FC2 cross-source - *",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_failure_report_has_no_traceback(
    alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    out = run("--factcheck").stdout.str()
    assert "FC101 error conversion-mismatch" in out
    assert "Traceback" not in out
    assert "pytest_plugin.py" not in out
    assert "FactcheckFailure" not in out
    assert not any(line.startswith(("E ", ">")) for line in out.splitlines())


def test_passes_the_clean_fixture(
    minimax: Path, run: Callable[..., pytest.RunResult]
) -> None:
    result = run("--factcheck")
    result.assert_outcomes(passed=15)
    assert result.ret == pytest.ExitCode.OK


def test_info_findings_pass_by_default(
    alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    # tech-ledger.txt has an FC401 scale-slip at info level
    run("--factcheck", "-k", "tech and FC4").assert_outcomes(passed=1, deselected=14)


def test_fail_on_option_and_ini(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    run("--factcheck", "--factcheck-fail-on", "info").assert_outcomes(
        failed=3, passed=12
    )
    run("--factcheck", "--factcheck-fail-on", "never").assert_outcomes(passed=15)
    pytester.makeini("[pytest]\nfactcheck_fail_on = info\n")
    run("--factcheck").assert_outcomes(failed=3, passed=12)


def test_unknown_fail_level_is_a_usage_error(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.makeini("[pytest]\nfactcheck_fail_on = critical\n")
    result = run("--factcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck_fail_on: 'critical' is not allowed*"])


# ---------------------------------------------------------------- selection


def test_k_selects_one_family(
    alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    for expression in ("FC1", "FC101", "conversion-mismatch"):
        result = run("--factcheck", "-k", expression, "-v")
        result.assert_outcomes(failed=1, passed=2, deselected=12)
        ran = [
            line
            for line in result.stdout.lines
            if " PASSED" in line or " FAILED" in line
        ]
        assert len(ran) == 3
        assert all("::FC1 conversion" in line for line in ran), ran


def test_m_selects_factcheck_items(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    run("--factcheck", "--strict-markers", "-m", "factcheck").assert_outcomes(
        failed=2, passed=13, deselected=1
    )
    run("--factcheck", "--strict-markers", "-m", "not factcheck").assert_outcomes(
        passed=1, deselected=15
    )


def test_collect_only_lists_items_and_runs_no_audit(
    alibaba: Path,
    run: Callable[..., pytest.RunResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import factcheck.pipeline

    def refuse(*args: object, **kwargs: object) -> None:
        msg = "--collect-only ran the audit"
        raise AssertionError(msg)

    monkeypatch.setattr(factcheck.pipeline, "audit", refuse)
    result = run("--factcheck", "--collect-only", "-q")
    result.stdout.fnmatch_lines(
        [
            "east-wire.md::FC0 meta",
            "east-wire.md::FC1 conversion",
            "east-wire.md::FC2 cross-source",
            "east-wire.md::FC3 arithmetic",
            "east-wire.md::FC4 hints",
            "harbour-daily.md::FC1 conversion",
            "tech-ledger.txt::FC1 conversion",
            "tech-ledger.txt::FC4 hints",
            "15 tests collected*",
        ]
    )
    assert result.ret == pytest.ExitCode.OK


def test_x_stops_after_the_first_failure(
    alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    result = run("--factcheck", "-x")
    result.assert_outcomes(failed=1, passed=11)
    result.stdout.fnmatch_lines(["*stopping after 1 failures*"])


def test_cross_source_audit_runs_once_per_session(
    alibaba: Path,
    run: Callable[..., pytest.RunResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import factcheck.pipeline

    calls: list[int] = []
    real = factcheck.pipeline.audit

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(factcheck.pipeline, "audit", counting)
    run("--factcheck").assert_outcomes(failed=2, passed=13)
    assert len(calls) == 1


def test_cross_source_findings_do_not_depend_on_k(
    alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    # only tech-ledger's items run, but the audit still reads all three outlets
    result = run("--factcheck", "-k", "tech and FC2")
    result.assert_outcomes(failed=1, deselected=14)
    result.stdout.fnmatch_lines(["*see harbour-daily.md:*"])


def test_junitxml_carries_rule_and_severity(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    run("--factcheck", "--junitxml=report.xml")
    root = ET.parse(pytester.path / "report.xml").getroot()
    cases = {
        (case.get("classname"), case.get("name")): case
        for case in root.iter("testcase")
    }
    assert len(cases) == 15
    failing = cases[("tech-ledger.txt", "FC1 conversion")]
    props = [(p.get("name"), p.get("value")) for p in failing.iter("property")]
    assert props == [
        ("rule", "FC101"),
        ("severity", "error"),
        ("location", "tech-ledger.txt:9:52"),
    ]
    assert failing.find("failure") is not None
    hints = cases[("tech-ledger.txt", "FC4 hints")]
    assert ("severity", "info") in [
        (p.get("name"), p.get("value")) for p in hints.iter("property")
    ]
    assert hints.find("failure") is None


def test_works_with_xdist(
    alibaba: Path, run_subprocess: Callable[..., pytest.RunResult]
) -> None:
    pytest.importorskip("xdist")
    result = run_subprocess("--factcheck", "-n", "2")
    result.assert_outcomes(failed=2, passed=13)
    result.stdout.fnmatch_lines(
        ["tech-ledger.txt:9:52: FC101 error conversion-mismatch"]
    )


# ---------------------------------------------------------------- paths and settings


def test_ini_globs_collect_drafts_outside_testpaths(
    pytester: pytest.Pytester, run: Callable[..., pytest.RunResult]
) -> None:
    _copy(pytester, "alibaba", "drafts")
    pytester.makeini("[pytest]\ntestpaths = tests\nfactcheck_paths = drafts/**/*.md\n")
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "test_plain.py").write_text(
        "def test_plain():\n    pass\n"
    )
    pytester.makefile(".md", README="# Readme\n\nIt cost $5 million, or 10 yuan.\n")

    collected = run("--collect-only", "-q").stdout.str()
    assert "drafts/east-wire.md::FC1 conversion" in collected
    assert "drafts/harbour-daily.md::FC1 conversion" in collected
    assert "tech-ledger.txt" not in collected  # not matched by the glob
    assert "README.md" not in collected
    assert "tests/test_plain.py::test_plain" in collected

    # paths named on the command line are what they say
    run("tests").assert_outcomes(passed=1)


def test_config_file_turns_rules_off_and_excludes(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.path.joinpath("factcheck.toml").write_text(
        '[rules]\nFC101 = "off"\nFC201 = "warning"\nFC202 = "warning"\n',
        encoding="utf-8",
    )
    run("--factcheck").assert_outcomes(passed=15)
    pytester.path.joinpath("factcheck.toml").write_text(
        'exclude = ["tech-ledger.txt"]\n', encoding="utf-8"
    )
    run("--factcheck").assert_outcomes(passed=10)


def test_bad_config_is_a_usage_error(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.path.joinpath("factcheck.toml").write_text("windw_days = 3\n")
    result = run("--factcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*factcheck.toml:windw_days: unknown key*"])


def test_problem_tied_to_no_article_is_a_warning(
    pytester: pytest.Pytester,
    alibaba: Path,
    run_subprocess: Callable[..., pytest.RunResult],
) -> None:
    # in a subprocess: in-process, this suite's filterwarnings=error would apply
    pytester.path.joinpath("factcheck.toml").write_text(
        'providers = ["table:nope.csv", "ecb"]\n', encoding="utf-8"
    )
    result = run_subprocess("--factcheck")
    result.assert_outcomes(failed=2, passed=13, warnings=1)
    result.stdout.fnmatch_lines(
        [
            "*factcheck.toml:0: FactcheckProblemWarning: factcheck could not use *nope.csv*"
        ]
    )


def test_unreadable_document_fails_its_items(
    pytester: pytest.Pytester, run: Callable[..., pytest.RunResult]
) -> None:
    shutil.copy(FIXTURES / "bad" / "binary.md", pytester.path / "binary.md")
    result = run("--factcheck", "-k", "FC1")
    result.assert_outcomes(failed=1, deselected=4)
    result.stdout.fnmatch_lines(["binary.md: error: *"])
    assert "Traceback" not in result.stdout.str()


def test_missing_source_fails_the_drafts_cross_source_item(
    pytester: pytest.Pytester, run: Callable[..., pytest.RunResult]
) -> None:
    # asia-tech-post.md lists valley-briefing.md as its source
    shutil.copy(FIXTURES / "minimax" / "asia-tech-post.md", pytester.path)
    result = run("--factcheck")
    result.assert_outcomes(failed=1, passed=4)
    result.stdout.fnmatch_lines(
        ["FAILED asia-tech-post.md::FC2 cross-source - valley-briefing.md: error: *"]
    )


# ---------------------------------------------------------------- for editors' tests


def test_factcheck_fixture_audits_and_extracts(
    pytester: pytest.Pytester, alibaba: Path, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.makepyfile(
        """
        import pytest

        def test_fixture(factcheck):
            report = factcheck.audit("tech-ledger.txt", "harbour-daily.md")
            factcheck.assert_finding(report, "FC101", text="$38 billion")
            assert [c.unit for c in factcheck.extract("13% to 31.7 billion yuan")] == [
                "%", "CNY"
            ]
            factcheck.assert_no_findings("east-wire.md")
            with pytest.raises(AssertionError, match="FC101 error"):
                factcheck.assert_no_findings(report)
        """
    )
    run().assert_outcomes(passed=1)


def test_failing_claim_comparison_explains_itself(
    pytester: pytest.Pytester, run: Callable[..., pytest.RunResult]
) -> None:
    pytester.makepyfile(
        """
        from factcheck.model import Interval
        from factcheck.testing import one_claim

        def test_claims():
            assert one_claim("over 380 billion yuan") == one_claim("about $38 billion")

        def test_claim_and_interval():
            assert one_claim("$38 billion") == Interval(51.2e9, 53.5e9, "USD")
        """
    )
    result = run("-vv")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "*assert Claim('380 billion yuan') == Claim('$38 billion')",
            "*the numbers cannot both hold: 380 billion yuan converts to at least *"
            "implied rate 10 CNY per USD*",
            "*left: '380 billion yuan': money, more than 380 billion CNY; "
            "allows at least 380 billion CNY",
            "*right: '$38 billion': money, about 38 billion USD; "
            "allows 36.1–39.9 billion USD*",
            "*conversion: at least 380 billion CNY is * CNY per USD (ecb, *",
            "*differing attributes: *text*value*unit*",
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*assert Claim('$38 billion') == Interval(51.2–53.5 billion USD)",
            "*the numbers cannot both hold: * they miss by *",
        ]
    )
