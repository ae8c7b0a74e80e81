"""The HTML report: one self-contained page, everything from the text escaped."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import attrs
import pytest

from factcheck.model import Finding, Location, Problem, Report, Summary
from factcheck.report import html, render

HOSTILE = "<script>alert('x')</script>"


class _Tags(HTMLParser):
    """Collects start tags and their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def test_html_escapes_every_text_from_the_articles(
    make_location: Callable[..., Location],
) -> None:
    sentence = f"It said {HOSTILE} cost $5 <b>million</b>."
    finding = Finding(
        rule="FC101",
        name="conversion-mismatch",
        severity="error",
        message=f"'$5' & {HOSTILE} off by 3%",
        location=make_location(f"drafts/{HOSTILE}.md", 2, 9, HOSTILE, sentence),
        related=(make_location("b.md", 1, 1, HOSTILE),),
        details={HOSTILE: HOSTILE, "rate": 7.25},
        evidence=(HOSTILE,),
        suppressed_by=None,
    )
    problem = Problem(path=HOSTILE, message=HOSTILE)
    page = html.render_report(Report(findings=(finding,), problems=(problem,)))
    assert "<script" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&#39;$5&#39; &amp; &lt;script&gt;" in page
    assert [t for t, _ in _tags(page) if t in {"script", "b", "iframe"}] == []


def test_html_is_self_contained(report: Report) -> None:
    page = html.render_report(report)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    for tag, attributes in _tags(page):
        assert tag not in {"script", "link", "img", "iframe"}
        if tag == "a":
            assert (attributes["href"] or "").startswith("#")
    assert "default-src 'none'" in page


def test_html_groups_findings_by_file_with_details_and_evidence(
    report: Report,
) -> None:
    page = html.render_report(report)
    sections = page.split('<section class="file">')[1:]
    assert [s.split("</h2>")[0].removeprefix("\n<h2>") for s in sections] == [
        "drafts/alibaba.md"
    ]
    first = sections[0]
    assert first.index("FC101") < first.index("FC201")
    assert "<mark>$38 billion</mark>" in first
    assert "sources/harbour.md:5:34" in first
    assert '<tr><th scope="row">stated_value</th><td>380,000,000,000</td></tr>' in first
    assert '<tr><th scope="row">window</th><td>—</td></tr>' in first
    assert "<li>same measure (money)</li>" in first


def test_html_folds_suppressed_and_baseline_findings_apart(report: Report) -> None:
    page = html.render_report(report)
    shown, hidden = page.split('<section class="hidden">')
    assert "FC304" not in shown
    assert "FC401" not in shown
    assert "2 finding(s) suppressed or in the baseline" in hidden
    assert "suppressed: factcheck: ignore FC304" in hidden
    assert "baseline: unchanged" in hidden


def test_html_ends_with_coverage_and_lists_problems(report: Report) -> None:
    page = html.render_report(report)
    assert page.index("Inputs not read") < page.index("Coverage")
    assert "drafts/latin1.md" in page
    tail = page[page.index('<section class="coverage">') :]
    for label, value in (
        ("documents read", 3),
        ("claims extracted", 12),
        ("claims aligned with another source", 7),
        ("claims checked", 9),
        ("findings", 2),
    ):
        assert f'<th scope="row">{label}</th><td>{value}</td>' in tail
    assert tail.rstrip().endswith("</html>")


def test_html_clean_report_says_no_findings() -> None:
    page = render(Report(summary=Summary(documents=1, claims=4)), "html")
    assert "<p>No findings.</p>" in page
    assert "4 claims extracted" in page


def test_html_is_deterministic(report: Report) -> None:
    reordered = attrs.evolve(report, findings=tuple(reversed(report.findings)))
    assert html.render_report(report) == html.render_report(reordered)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (380e9, "380,000,000,000"),
        (0.137931, "0.137931"),
        (10.0, "10"),
        (12345, "12,345"),
        (False, "false"),
        (None, "—"),
        ("2025-02-24", "2025-02-24"),
    ],
)
def test_html_formats_detail_values(
    value: str | float | bool | None, shown: str
) -> None:
    assert html.format_detail(value) == shown


def test_html_matches_golden(
    report: Report, golden: Callable[[str, str], None]
) -> None:
    golden("report.html", html.render_report(report))
