"""The HTML report: one self-contained page, facts with their sentences side by side,
a number line per fact, filters, article links that stay inert, everything escaped.

The page in a real browser (rendering, filters, script payloads) is tested in
``test_report_browser.py``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from html.parser import HTMLParser

import attrs
import pytest
import regex

from factcheck.model import DocumentInfo, Finding, Location, Problem, Report, Summary
from factcheck.report import html, render
from factcheck.rules.registry import Rule

HOSTILE = "<script>alert('x')</script>"


class _Tags(HTMLParser):
    """Collects start tags with their attributes, and the text of script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    return _parse(page).tags


def _finding(
    make_location: Callable[..., Location],
    *,
    rule: str = "FC201",
    claim: Location | None = None,
    related: tuple[Location, ...] = (),
    message: str = "they miss by 19.6%",
) -> Finding:
    return Finding(
        rule=rule,
        name="cross-source-conflict" if rule == "FC201" else "some-rule",
        severity="error",
        message=message,
        location=claim or make_location("a.md", 1, 1, "$38 billion"),
        related=related,
    )


def _facts(page: str) -> list[str]:
    return regex.findall(
        r'<section class="fact" id="fact-\d+">.*?</section>', page, flags=regex.S
    )


# ------------------------------------------------------------------ escaping


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
    )
    documents = (
        DocumentInfo(
            path=f"drafts/{HOSTILE}.md",
            title=HOSTILE,
            outlet=HOSTILE,
            url=f"https://x.example/{HOSTILE}",
        ),
        DocumentInfo(path="b.md", title="t", outlet='"><img src=x onerror=alert(1)>'),
    )
    problem = Problem(path=HOSTILE, message=HOSTILE)
    page = html.render_report(
        Report(findings=(finding,), problems=(problem,), documents=documents)
    )
    parsed = _parse(page)
    assert len(parsed.scripts) == 1  # the page's own filter script, nothing else
    assert "alert" not in parsed.scripts[0]
    assert "<b>" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&#39;$5&#39; &amp; &lt;script&gt;" in page
    assert [t for t, _ in parsed.tags if t in {"b", "iframe", "img"}] == []
    for _tag, attributes in parsed.tags:
        assert not any(name.startswith("on") for name in attributes)


def test_html_content_security_policy_allows_only_its_own_style_and_script(
    report: Report,
) -> None:
    page = html.render_report(report)
    parsed = _parse(page)
    (csp,) = [
        a["content"] or ""
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]

    def source(text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"

    (script,) = parsed.scripts
    (style,) = parsed.styles
    assert f"script-src {source(script)};" in csp
    assert f"style-src {source(style)};" in csp
    assert csp.startswith("default-src 'none';")
    assert "unsafe-inline" not in csp
    # a script injected anywhere else would not match the hash: the minimal pair
    assert source(script + " ") != source(script)


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://news.example/a?b=1#c", "https://news.example/a?b=1#c"),
        ("HTTP://News.Example/x", "HTTP://News.Example/x"),
        ("  https://news.example/  ", "https://news.example/"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//news.example/protocol-relative", None),
        ("/relative/path", None),
        ("https://news.example/a b", None),
        ("https://news.example/\x00", None),
        ("https://", None),
        ("ftp://news.example/file", None),
        (None, None),
    ],
)
def test_article_links_are_http_or_https_only(
    url: str | None, href: str | None
) -> None:
    assert html.safe_href(url) == href


def test_html_article_links_are_inert_and_unsafe_urls_are_text(
    report: Report, make_location: Callable[..., Location]
) -> None:
    unsafe = DocumentInfo(
        path="sources/harbour.md", outlet="Harbour", url="javascript:alert(1)"
    )
    documents = (*report.documents[:2], unsafe)
    page = html.render_report(attrs.evolve(report, documents=documents))
    links = [a for t, a in _tags(page) if t == "a"]
    outside = [a for a in links if not (a["href"] or "").startswith("#")]
    assert [a["href"] for a in outside] == ["https://news.example/drafts/alibaba"]
    assert all(a["rel"] == "noopener noreferrer nofollow" for a in outside)
    assert '<span class="url">javascript:alert(1)</span>' in page
    assert 'href="javascript' not in page.lower()


def test_html_is_self_contained(report: Report) -> None:
    page = html.render_report(report)
    assert page.startswith("<!DOCTYPE html>")
    for tag, attributes in _tags(page):
        assert tag not in {"link", "img", "iframe", "object", "embed"}
        assert "src" not in attributes
        if tag == "a" and not (attributes["href"] or "").startswith("#"):
            assert (attributes["href"] or "").startswith("https://")


# ------------------------------------------------------------------ facts


def test_html_groups_the_findings_on_one_claim_into_one_fact(report: Report) -> None:
    page = html.render_report(report)
    (fact,) = _facts(page)
    assert fact.index("FC101") < fact.index("FC201")
    assert "Fact 1: ‘$38 billion’" in fact
    assert "2 finding(s) about 1 fact(s): 2 error, 0 warning, 0 info" in page


def test_html_findings_citing_each_other_stay_separate_facts(
    make_location: Callable[..., Location],
) -> None:
    a = make_location("a.md", 1, 1, "$38 billion", "It costs $38 billion.")
    b = make_location("b.md", 1, 1, "$52 billion", "It costs $52 billion.")
    c = make_location("c.md", 1, 1, "$61 billion", "It costs $61 billion.")
    chained = (
        _finding(make_location, claim=a, related=(b,)),
        _finding(make_location, claim=b, related=(c,)),
    )
    assert len(_facts(html.render_report(Report(findings=chained)))) == 2
    same_claim = (
        _finding(make_location, claim=a, related=(b,)),
        _finding(make_location, rule="FC401", claim=a, related=(c,)),
    )
    assert len(_facts(html.render_report(Report(findings=same_claim)))) == 1


def test_html_shows_the_sentences_side_by_side_with_the_figures_marked(
    report: Report,
) -> None:
    (fact,) = _facts(html.render_report(report))
    passages = regex.findall(
        r'<div class="passage">.*?</blockquote>', fact, flags=regex.S
    )
    assert len(passages) == 2  # the draft's sentence, the source's sentence
    draft, source = passages
    assert "<strong>Draft Desk</strong> · 2025-02-24 ·" in draft
    assert '<mark class="flag">$38 billion<sup>A</sup></mark>' in draft
    assert "<mark>380 billion yuan<sup>B</sup></mark>" in draft
    assert "<strong>Harbour Daily</strong> · 2025-02-25 ·" in source
    assert (
        "<mark>380 billion yuan<sup>C</sup></mark> (<mark>US$52.4 billion<sup>D</sup>"
        in source
    )
    assert (
        "on A ‘$38 billion’, against C ‘380 billion yuan’, D ‘US$52.4 billion’" in fact
    )


def test_html_one_sentence_printed_by_several_articles_shows_once(
    make_location: Callable[..., Location],
) -> None:
    wire = "The group will invest 380 billion yuan ($38 billion) in AI."
    claim = make_location("draft.md", 4, 1, "$52 billion", "It said $52 billion.")
    copies = tuple(
        make_location(f"wire/{outlet}.md", 2, 40, "$38 billion", wire)
        for outlet in ("one", "two", "three")
    )
    other = make_location(
        "wire/four.md", 2, 40, "$38 billion", wire.replace("AI", "cloud")
    )
    documents = tuple(
        DocumentInfo(path=f"wire/{o}.md", outlet=o.title())
        for o in ("one", "two", "three")
    )
    page = html.render_report(
        Report(
            findings=(_finding(make_location, claim=claim, related=(*copies, other)),),
            documents=documents,
        )
    )
    (fact,) = _facts(page)
    assert fact.count("<blockquote>") == 3  # the claim, the wire sentence, the other
    assert "also printed in 2 more article(s):" in fact
    assert '<a href="#article-3">Two</a>' in fact
    assert "B ‘$38 billion’ (3 articles), C ‘$38 billion’" in fact


def test_html_sentence_with_crlf_line_breaks_reads_on_one_line(
    make_location: Callable[..., Location],
) -> None:
    sentence = "The fund is\r\nworth $38 billion\rtoday."
    claim = make_location("a.md", 1, 1, "$38 billion", sentence)
    page = html.render_report(Report(findings=(_finding(make_location, claim=claim),)))
    assert "The fund is  worth <mark" in page
    assert "</mark> today." in page
    assert "\r" not in page


# ------------------------------------------------------------------ number line


def test_html_number_line_draws_each_claim_and_the_consensus(report: Report) -> None:
    (fact,) = _facts(html.render_report(report))
    (svg,) = regex.findall(r"<svg.*?</svg>", fact, flags=regex.S)
    assert regex.findall(r">([A-D])</text>", svg) == ["A", "B", "C", "D"]
    assert svg.count('class="b f"') == 1  # the claim the findings are on
    assert svg.count('class="a"') == 1  # the consensus band
    assert "<li>A ‘$38 billion’ allows 36.1–39.9 billion USD</li>" in fact
    assert "<li>D ‘US$52.4 billion’ allows at least 52.4 billion USD</li>" in fact
    assert (
        "Consensus: B, C and D agree on at least 52.4 billion USD; A outside it."
        in fact
    )


def test_html_no_number_line_without_two_figures_in_one_unit(
    make_location: Callable[..., Location],
) -> None:
    with_figures = (
        make_location(
            "a.md", 1, 1, "$38 billion", figure=(38e9, 37.5e9, 38.5e9, "USD")
        ),
        make_location(
            "b.md", 1, 1, "$52 billion", figure=(52e9, 51.5e9, 52.5e9, "USD")
        ),
    )
    one_figure = (with_figures[0], make_location("b.md", 1, 1, "40 stores"))
    for (claim, other), drawn in ((with_figures, True), (one_figure, False)):
        finding = _finding(make_location, claim=claim, related=(other,))
        page = html.render_report(Report(findings=(finding,)))
        assert ("<svg" in page) is drawn


# ------------------------------------------------------------------ overview


def test_html_counts_by_rule_and_outlet_and_offers_them_as_filters(
    report: Report,
) -> None:
    page = html.render_report(report)
    assert (
        '<a class="code" href="#rule-FC101">FC101</a> conversion-mismatch</td><td class="n">1</td>'
        in page
    )
    assert '<tr><td>Draft Desk</td><td class="n">2</td></tr>' in page
    assert '<option value="FC201">FC201 cross-source-conflict (1)</option>' in page
    assert '<option value="Draft Desk">Draft Desk (2)</option>' in page
    assert '<option value="error">error (2)</option>' in page
    cards = regex.findall(r'<article class="finding[^"]*"[^>]*>', page)
    filtered = [c for c in cards if "data-rule" in c]
    assert len(filtered) == 2
    assert all('data-outlet="Draft Desk"' in c for c in filtered)
    assert '<form id="filters" hidden>' in page  # shown by the script only


def test_html_index_links_every_fact(report: Report) -> None:
    page = html.render_report(report)
    assert '<tr id="index-fact-1">' in page
    assert '<a href="#fact-1">$38 billion</a>' in page


def test_html_folds_each_rules_documentation_and_links_it(
    report: Report, rules: dict[str, Rule]
) -> None:
    page = html.render_report(report, rules=rules)
    section = page[page.index('<section class="rules">') :]
    assert list(regex.findall(r'<details id="rule-(FC\d+)">', section)) == [
        "FC101",
        "FC201",
        "FC304",
        "FC401",
    ]
    fc101 = section[section.index('id="rule-FC101"') : section.index('id="rule-FC201"')]
    assert "<em>What it checks.</em>" in fc101
    assert (
        "<pre><code>fires [2025-02-24]: 380 billion yuan, or about $38 billion."
        in fc101
    )
    assert 'href="#rule-FC101"' in page[: page.index('<section class="rules">')]
    missing = html.render_report(report, rules={})
    assert "not installed here: no documentation" in missing


def test_html_rule_docs_keep_markup_and_links_inert(report: Report) -> None:
    def hostile(_ctx: object) -> list[Finding]:
        """Docs from a plugin: <script>alert(1)</script> [x](javascript:alert(1))"""
        return []

    rules = {
        "FC101": Rule(
            code="FC101",
            name="conversion-mismatch",
            severity="error",
            summary="s <b>",
            check=hostile,
            origin="plugin",
        )
    }
    page = html.render_report(report, rules=rules)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:alert(1)" in page  # as text
    assert 'href="javascript' not in page
    assert "s &lt;b&gt;" in page


def test_html_folds_suppressed_and_baseline_findings_apart(report: Report) -> None:
    page = html.render_report(report)
    shown, hidden = page.split('<section class="hidden">')
    assert "FC304" not in shown.split('<section class="articles">')[0]
    assert "2 finding(s) suppressed or in the baseline" in hidden
    assert "suppressed: factcheck: ignore FC304" in hidden
    assert "baseline: unchanged" in hidden


def test_html_lists_the_cited_articles_once(report: Report) -> None:
    page = html.render_report(report)
    section = page[
        page.index('<section class="articles">') : page.index(
            "</section>", page.index('<section class="articles">')
        )
    ]
    assert regex.findall(r'<td class="where">([^<]+)</td>', section) == [
        "drafts/alibaba.md",
        "drafts/markets.md",
        "sources/harbour.md",
    ]
    assert ">Alibaba commits 380 billion yuan</a>" in section
    assert "<td>2025-02-25</td>" in section


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
    assert '<form id="filters"' not in page


def test_html_is_deterministic(report: Report) -> None:
    reordered = attrs.evolve(
        report,
        findings=tuple(reversed(report.findings)),
        documents=tuple(reversed(report.documents)),
    )
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


def test_html_raw_figures_are_folded_under_the_arithmetic(report: Report) -> None:
    (fact,) = _facts(html.render_report(report))
    card = fact[fact.index('id="fact-1-1"') :]
    assert card.index('<p class="message">') < card.index(
        "<details><summary>Raw figures"
    )
    assert "<dt>stated_value</dt><dd>380,000,000,000</dd>" in card
    assert "<dt>window</dt><dd>—</dd>" in card


def test_html_matches_golden(
    report: Report, rules: dict[str, Rule], golden: Callable[[str, str], None]
) -> None:
    golden("report.html", html.render_report(report, rules=rules))


def test_html_claims_without_a_sentence_keep_a_passage_each(
    make_location: Callable[..., Location],
) -> None:
    claim = make_location("a.md", 1, 1, "$38 billion")
    other = make_location("b.md", 1, 1, "$38 billion")
    page = html.render_report(
        Report(findings=(_finding(make_location, claim=claim, related=(other,)),))
    )
    (fact,) = _facts(page)
    assert fact.count("<blockquote>") == 2
    assert "$38 billion<sup>A</sup>" in fact
    assert "$38 billion<sup>B</sup>" in fact
