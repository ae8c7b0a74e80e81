"""The HTML report for editors: one self-contained page, readable offline.

Findings are grouped by the fact they concern (:mod:`factcheck.report.facts`). Each
fact shows its claims' sentences side by side with the figures highlighted and
labelled (A, B, C...), a number line of the claims' allowed intervals in one unit
with the consensus (:mod:`factcheck.report.numberline`), and one card per finding
with its arithmetic in words, why the claims were compared, and the raw figures
folded away. Counts by rule and by outlet, filters (severity, rule, outlet) and an
index of the facts come first; the articles cited (title, outlet, date, link), the
coverage and the rules' documentation (``factcheck explain``) come last.

Rendered with jinja2 with autoescape on (``templates/report.html.j2``). The page
loads nothing: its CSS and script are inline and its Content Security Policy allows
exactly those two (by hash) and nothing else, so no text from an article can run
even if escaping failed. Article links are ``http``/``https`` only, with
``rel="noopener noreferrer nofollow"``. Findings that are suppressed or in the
baseline are listed apart, folded. Without script the page shows everything and
hides the filters.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
import jinja2
from markupsafe import Markup

import factcheck
from factcheck.model import Report
from factcheck.report.facts import (
    SEVERITIES,
    articles_of,
    build_facts,
    card,
    format_detail,
    outlet_of,
    safe_href,
)
from factcheck.report.sarif import sort_key
from factcheck.report.text import coverage_line, shown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from factcheck.rules.registry import Rule

__all__ = ["format_detail", "render_report", "safe_href", "svg_number"]

TEMPLATE = "report.html.j2"
TITLE = "factcheck report"
#: the index of facts starts unfolded when it is at most this long (a longer one
#: would push the first fact far below the fold)
INDEX_OPEN_LIMIT = 40


@attrs.frozen(kw_only=True)
class RuleHelp:
    """A rule's documentation, folded at the end of the page."""

    code: str
    name: str
    summary: str
    doc_html: Markup


def svg_number(value: float) -> str:
    """A coordinate as the SVG needs it: one decimal, no trailing zero.

    >>> svg_number(28.0), svg_number(51.63), svg_number(-0.04)
    ('28', '51.6', '0')
    """
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


@functools.cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415

    # no raw HTML, no links or images: a rule's doc is prose and examples
    return MarkdownIt("js-default").disable(["link", "image", "autolink"])


def _rule_help(codes: Iterable[str], rules: Mapping[str, Rule]) -> tuple[RuleHelp, ...]:
    out = []
    for code in sorted(set(codes)):
        spec = rules.get(code)
        if spec is None:
            out.append(
                RuleHelp(
                    code=code,
                    name="",
                    summary="not installed here: no documentation",
                    doc_html=Markup(""),
                )
            )
            continue
        # markdown-it escapes every character of the doc it does not render
        html = _markdown().render(spec.doc)
        out.append(
            RuleHelp(
                code=code,
                name=spec.name,
                summary=spec.summary,
                doc_html=Markup(html),
            )
        )
    return tuple(out)


def _counts(values: Iterable[str]) -> tuple[tuple[str, int], ...]:
    tally: dict[str, int] = {}
    for v in values:
        tally[v] = tally.get(v, 0) + 1
    return tuple(sorted(tally.items()))


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["n"] = svg_number
    return env


@functools.cache
def _asset(name: str) -> tuple[Markup, str]:
    """A static file of the page (its CSS or script) and its CSP hash source."""
    env = _environment()
    assert env.loader is not None
    text, _, _ = env.loader.get_source(env, name)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    # the project's own file, inserted as it is (its hash is what the CSP allows)
    return Markup(text), f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def render_report(report: Report, *, rules: Mapping[str, Rule] | None = None) -> str:
    """``audit --format html``: one self-contained page, deterministic for a report.

    Args:
        report: what the audit found.
        rules: the catalog whose documentation the page folds in (default: every
            built-in and plugin rule).
    """
    if rules is None:
        from factcheck.rules.registry import all_rules  # noqa: PLC0415

        rules = all_rules()[0]
    articles = articles_of(report.documents)
    visible = sorted(shown(report), key=sort_key)
    hidden = sorted(
        (
            f
            for f in report.findings
            if f.suppressed_by is not None or f.baseline_state == "unchanged"
        ),
        key=sort_key,
    )
    facts = build_facts(visible, articles)
    hidden_cards = tuple(
        card(f, f"hidden-{n}", articles) for n, f in enumerate(hidden, start=1)
    )
    cited = {
        place.article
        for fact in facts
        for p in fact.passages
        for place in (p.place, *p.also)
    } | {
        articles[f.location.path].anchor for f in hidden if f.location.path in articles
    }
    by_severity = dict(_counts(f.severity for f in visible))
    names = {f.rule: f.name for f in report.findings}
    s = report.summary
    coverage = (
        ("documents read", s.documents),
        ("claims extracted", s.claims),
        ("claims aligned with another source", s.aligned),
        ("claims checked", s.checked),
        ("findings", len(visible)),
        ("suppressed or in the baseline", len(hidden)),
        ("inputs not read", len(report.problems)),
    )
    counts = (
        f"{len(visible)} finding(s) about {len(facts)} fact(s): "
        + ", ".join(f"{by_severity.get(sev, 0)} {sev}" for sev in SEVERITIES)
        + f", in {len({f.location.path for f in visible})} file(s)"
    )
    css, css_hash = _asset("report.css")
    script, script_hash = _asset("report.js")
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            title=TITLE,
            version=factcheck.__version__,
            counts=counts,
            facts=facts,
            index_open=len(facts) <= INDEX_OPEN_LIMIT,
            by_severity=tuple(
                (sev, by_severity[sev]) for sev in SEVERITIES if sev in by_severity
            ),
            by_rule=tuple(
                (code, names.get(code, ""), n)
                for code, n in _counts(f.rule for f in visible)
            ),
            by_outlet=_counts(
                outlet_of(articles.get(f.location.path)) for f in visible
            ),
            articles=tuple(a for a in articles.values() if a.anchor in cited),
            hidden=hidden_cards,
            problems=sorted(report.problems, key=lambda p: (p.path, p.message)),
            coverage=coverage,
            coverage_line=coverage_line(report),
            rule_help=_rule_help(names, rules),
            css=css,
            script=script,
            csp=f"default-src 'none'; style-src {css_hash}; script-src {script_hash}; "
            "base-uri 'none'; form-action 'none'",
        )
    )
