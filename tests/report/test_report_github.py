"""GitHub Actions workflow commands: the runner's syntax and escaping, the
10-per-level cap with one notice for the rest, and the job summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
import regex

from factcheck.model import Finding, Location, Problem, Report, Severity, Summary
from factcheck.report import github, render
from factcheck.report.text import coverage_line

# the runner's parser: `::name key=value,key=value::message`, one command per line
_COMMAND = regex.compile(r"^::(?P<name>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")
_ESCAPE = regex.compile(r"%(25|0D|0A|3A|2C)")
_DECODED = {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}


def _unescape(text: str, *, is_property: bool) -> str:
    """Undo the runner's escaping in one left-to-right pass."""

    def decode(m: regex.Match[str]) -> str:
        code = m.group(1)
        if code in ("3A", "2C") and not is_property:
            return m.group(0)
        return _DECODED[code]

    return _ESCAPE.sub(decode, text)


@attrs.frozen
class Command:
    """One parsed workflow command."""

    name: str
    properties: dict[str, str]
    message: str


def parse(line: str) -> Command | None:
    """A workflow command, or None for a plain log line."""
    m = _COMMAND.match(line)
    if m is None:
        return None
    properties: dict[str, str] = {}
    for pair in (m.group("props") or "").split(","):
        if not pair:
            continue
        key, sep, value = pair.partition("=")
        assert sep, f"property without '=' in {line!r}"
        assert key not in properties, f"property {key} twice in {line!r}"
        properties[key] = _unescape(value, is_property=True)
    return Command(
        m.group("name"), properties, _unescape(m.group("data"), is_property=False)
    )


def _commands(output: str) -> list[Command]:
    lines = output.splitlines()
    parsed = [parse(line) for line in lines[:-1]]
    assert all(c is not None for c in parsed), output
    return [c for c in parsed if c is not None]


def _finding(
    make_location: Callable[..., Location],
    severity: Severity = "error",
    *,
    n: int = 1,
    message: str = "off by 22.1%",
    path: str = "drafts/a.md",
) -> Finding:
    return Finding(
        rule={"error": "FC101", "warning": "FC304", "info": "FC401"}[severity],
        name="some-rule",
        severity=severity,
        message=f"{message} #{n}",
        location=make_location(path, n, 5, "$38 billion"),
    )


def test_github_annotation_round_trips_through_the_runner_parser(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    commands = _commands(github.render_report(report))
    problem, *annotated = commands
    assert problem == Command(
        "error",
        {"file": "drafts/latin1.md", "title": "factcheck: input not read"},
        "not UTF-8 text (invalid byte 0xe9 at offset 55, line 1)",
    )
    fc201 = next(c for c in annotated if c.properties["title"].startswith("FC201"))
    assert fc201.name == "error"
    assert fc201.properties == {
        "file": "drafts/alibaba.md",
        "line": "3",
        "col": "62",
        "endLine": "3",
        "endColumn": "73",
        "title": "FC201 cross-source-conflict",
    }
    source = next(f for f in report.findings if f.rule == "FC201")
    assert fc201.message == (
        f"{source.message}\n"
        "see sources/harbour.md:5:34: ‘380 billion yuan’\n"
        "see sources/harbour.md:5:52: ‘US$52.4 billion’"
    )


def test_github_leaves_out_suppressed_and_baseline_findings(report: Report) -> None:
    titles = [c.properties["title"] for c in _commands(github.render_report(report))]
    assert titles == [
        "factcheck: input not read",
        "FC101 conversion-mismatch",
        "FC201 cross-source-conflict",
    ]


def test_github_escapes_percent_cr_lf_in_message_and_colon_comma_in_properties(
    make_location: Callable[..., Location],
) -> None:
    message = "100% sure: a, b\r\nnext %0A line"
    finding = attrs.evolve(
        _finding(make_location, path="dir,x/a:b.md"),
        message=message,
        name="name:with,punct",
    )
    output = github.render_report(Report(findings=(finding,)))
    line = output.splitlines()[0]
    assert "100%25 sure: a, b%0D%0Anext %250A line" in line
    assert "file=dir%2Cx/a%3Ab.md," in line
    assert "title=FC101 name%3Awith%2Cpunct::" in line
    assert "\r" not in line
    (command,) = _commands(output)
    assert command.message == message
    assert command.properties["file"] == "dir,x/a:b.md"
    assert command.properties["title"] == "FC101 name:with,punct"


def test_github_escape_helpers() -> None:
    assert github.escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert github.escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert github.escape_data("%0A") == "%250A"


def test_github_caps_each_level_at_ten_errors_first_then_one_notice(
    make_location: Callable[..., Location],
) -> None:
    findings = (
        *(_finding(make_location, "info", n=n) for n in range(1, 13)),
        *(_finding(make_location, "warning", n=n) for n in range(1, 12)),
        *(_finding(make_location, "error", n=n) for n in range(1, 15)),
    )
    output = github.render_report(Report(findings=findings))
    commands = _commands(output)
    names = [c.name for c in commands]
    assert names == ["error"] * 10 + ["warning"] * 10 + ["notice"] * 10
    assert commands[0].message == "off by 22.1% #1"
    left_out = commands[-1]
    assert left_out.properties == {"title": "factcheck: annotations left out"}
    assert left_out.message.startswith(
        "8 more finding(s) not annotated (4 error, 1 warning, 3 info)"
    )
    assert [c.message for c in commands[20:29]] == [
        f"off by 22.1% #{n}" for n in range(1, 10)
    ]


def test_github_ten_of_a_level_need_no_left_out_notice(
    make_location: Callable[..., Location],
) -> None:
    findings = tuple(_finding(make_location, "info", n=n) for n in range(1, 11))
    commands = _commands(github.render_report(Report(findings=findings)))
    assert [c.name for c in commands] == ["notice"] * 10
    assert all("left out" not in c.properties["title"] for c in commands)


def test_github_left_out_notice_keeps_room_for_itself(
    make_location: Callable[..., Location],
) -> None:
    findings = (
        *(_finding(make_location, "error", n=n) for n in range(1, 12)),
        *(_finding(make_location, "info", n=n) for n in range(1, 11)),
    )
    commands = _commands(github.render_report(Report(findings=findings)))
    assert sum(c.name == "notice" for c in commands) == 10
    assert "(1 error, 0 warning, 1 info)" in commands[-1].message


def test_github_output_ends_with_a_plain_coverage_line(report: Report) -> None:
    output = github.render_report(report)
    last = output.splitlines()[-1]
    assert parse(last) is None
    assert last == coverage_line(report)
    assert "3 document(s): 12 claims extracted, 7 aligned" in last
    assert "9 checked" in last
    empty = github.render_report(Report(summary=Summary(documents=1)))
    assert empty == coverage_line(Report(summary=Summary(documents=1))) + "\n"


def test_github_appends_the_full_table_to_the_step_summary(
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_location: Callable[..., Location],
) -> None:
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "step_summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    many = Report(
        findings=tuple(_finding(make_location, "error", n=n) for n in range(1, 13))
    )
    output = render(many, "github", summary_path=str(summary))
    assert "see the job summary" in output
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n\n## factcheck\n")
    assert "| Rule | Severity | Location | Claim | Message |" in text
    assert text.count("| FC101 some-rule | error |") == 12
    assert "| drafts/a.md:12 | \\$38 billion | off by 22.1% #12 |" in text
    assert text.rstrip("\n").endswith(github._md(coverage_line(many)))


def test_github_step_summary_escapes_table_cells(
    tmp_path: Path, make_location: Callable[..., Location]
) -> None:
    summary = tmp_path / "summary.md"
    finding = attrs.evolve(
        _finding(make_location), message="a | b <script>\nc $1 and $2"
    )
    github.render_report(Report(findings=(finding,)), summary_path=str(summary))
    row = next(
        line
        for line in summary.read_text(encoding="utf-8").splitlines()
        if "FC101" in line
    )
    assert "a \\| b \\<script\\> c \\$1 and \\$2 |" in row
    assert row.count(" | ") == 4  # five cells, none split by the message


def test_github_no_summary_file_without_a_path(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    github.render_report(report, summary_path="")
    github.render_report(report, summary_path=None)
    assert list(tmp_path.iterdir()) == []


def test_github_summary_of_a_clean_run_says_so(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    report = Report(summary=Summary(documents=2, claims=5, aligned=2, checked=3))
    github.render_report(report, summary_path=str(summary))
    text = summary.read_text(encoding="utf-8")
    assert "No findings." in text
    assert "5 claims extracted" in text


def test_github_matches_golden(
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    golden: Callable[[str, str], None],
) -> None:
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    golden("report.github.txt", github.render_report(report, summary_path=str(summary)))
    golden("report.github-summary.md", summary.read_text(encoding="utf-8"))


def _flood(make_location: Callable[..., Location], errors: int, infos: int) -> Report:
    """Enough findings, each with a long message, to pass 1 MiB of Markdown."""
    filler = "the arithmetic, spelled out at length " * 6
    findings = (
        *(
            _finding(make_location, "error", n=n, message=f"error {filler}")
            for n in range(1, errors + 1)
        ),
        *(
            _finding(make_location, "info", n=n, message=f"hint {filler}")
            for n in range(1, infos + 1)
        ),
    )
    return Report(findings=findings, summary=Summary(documents=1))


def test_github_summary_over_one_mib_is_cut_with_a_note_of_what_was_left_out(
    tmp_path: Path, make_location: Callable[..., Location]
) -> None:
    report = _flood(make_location, errors=2_000, infos=3_000)
    full = github.build_summary(report, limit=10**9)
    assert len(full.text.encode("utf-8")) > 1024 * 1024  # what GitHub would drop
    assert full.complete
    summary = tmp_path / "summary.md"
    output = github.render_report(report, summary_path=str(summary))
    text = summary.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= github.SUMMARY_LIMIT < 1024 * 1024
    kept_errors = text.count("| FC101 some-rule | error |")
    kept_infos = text.count("| FC401 some-rule | info |")
    assert kept_errors == 2_000  # errors first: all of them fit
    assert 0 < kept_infos < 3_000
    note = f"**{3_000 - kept_infos} more finding(s) left out (0 error, 0 warning, "
    assert note + f"{3_000 - kept_infos} info)**" in text
    assert "`--format html`, `sarif` or `json`" in text
    assert text.rstrip("\n").endswith(github._md(coverage_line(report)))
    # the annotations' notice no longer sends readers to an incomplete summary
    assert "see --format html, sarif or json for all of them" in output
    assert "see the job summary" not in output


def test_github_summary_counts_what_the_step_already_wrote(
    tmp_path: Path, make_location: Callable[..., Location]
) -> None:
    report = _flood(make_location, errors=600, infos=0)
    alone = github.build_summary(report)
    assert alone.complete  # about 200 KB: fits on its own
    summary = tmp_path / "summary.md"
    earlier = "x" * 900_000 + "\n"
    summary.write_text(earlier, encoding="utf-8")
    github.render_report(report, summary_path=str(summary))
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(earlier)
    assert len(text.encode("utf-8")) <= github.SUMMARY_LIMIT
    assert "more finding(s) left out (" in text


def test_github_summary_keeps_unreadable_inputs_before_findings(
    make_location: Callable[..., Location],
) -> None:
    report = attrs.evolve(
        _flood(make_location, errors=10, infos=0),
        problems=tuple(
            Problem(path=f"drafts/{n}.md", message="not UTF-8 text") for n in range(3)
        ),
    )
    tight = len(github.summary_markdown(report).encode("utf-8")) - 600
    text = github.summary_markdown(report, limit=tight)
    assert text.count("not UTF-8 text") == 3
    assert "more finding(s) left out (" in text
    assert len(text.encode("utf-8")) <= tight
