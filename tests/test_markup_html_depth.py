"""HTML that is not prose, however it nests: the text of ``<svg>``, ``<math>``,
``<script>``, ``<style>`` and ``<template>`` yields no claims, and loading takes time
linear in the input whatever the depth (nested hidden elements used to search for
their end tag once per level: quadratic).

Linearity is asserted by counting what the searches for end tags cover, which needs
no clock: the project measures speed in benchmarks, never in timed tests (a timed
ratio here failed under load on a shared machine).
"""

from __future__ import annotations

import pytest

from factcheck import markup
from factcheck.extractor import extract_document
from factcheck.load import load_text
from factcheck.markup import html_prose

_TAGS = ["div", "code", "pre", "template", "head", "svg"]


def _nested(tag: str, depth: int) -> str:
    return f"<{tag}>" * depth + "<p>Shares rose 5%.</p>" + f"</{tag}>" * depth


class _Counting:
    """A pattern whose searches add the characters they cover to ``covered``."""

    def __init__(self, pattern: object, covered: list[int]) -> None:
        self.pattern = pattern
        self.covered = covered

    def search(self, text: str, pos: int, end: int) -> object:
        found = self.pattern.search(text, pos, end)  # type: ignore[attr-defined]
        self.covered[0] += (found.end() if found else end) - pos
        return found


def _count_searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many characters the end-tag searches cover, counted from now on."""
    covered = [0]
    end_tag = markup._end_tag
    monkeypatch.setattr(
        markup, "_end_tag", lambda name: _Counting(end_tag(name), covered)
    )
    monkeypatch.setattr(markup, "_HEAD_END", _Counting(markup._HEAD_END, covered))
    return covered


@pytest.mark.parametrize("tag", _TAGS)
def test_end_tags_are_searched_through_the_text_about_once(
    tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How many characters the end-tag searches cover, counted: linear work covers
    the text a small number of times, whatever the depth."""
    covered = _count_searches(monkeypatch)
    text = _nested(tag, 4_000)
    html_prose(text)
    assert covered[0] <= 2 * len(text), (covered[0], len(text))


def test_a_hundred_thousand_nested_divs_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    covered = _count_searches(monkeypatch)
    nested = _nested("div", 100_000)
    html_prose(nested)
    assert covered[0] <= 2 * len(nested), (covered[0], len(nested))
    document = load_text(nested, path="deep.html")
    assert [c.text for c in extract_document(document).claims] == ["5%"]


_PAGE = """<html><head><title>Budget</title></head><body>
<p>The ministry will spend 12 billion euros on rail.</p>
{inside}
<p>Ridership rose 4% last year.</p>
</body></html>"""


@pytest.mark.parametrize(
    "inside",
    [
        '<svg viewBox="0 0 100 50"><text x="5" y="20">Up 37% in 2024</text>'
        "<title>Chart: 81 million trips</title></svg>",
        "<math><mn>3.14</mn><mo>+</mo><mn>42</mn></math>",
        "<script>var share = '55%'; var total = 9000000;</script>",
        "<style>.bar { width: 75%; margin: 12px; }</style>",
        "<template><p>Placeholder: 64% of 300 seats</p></template>",
        "<SVG><g><text>Up 37%</text></g></SVG>",
    ],
    ids=["svg", "math", "script", "style", "template", "svg-upper"],
)
def test_text_inside_non_prose_elements_yields_no_claims(inside: str) -> None:
    document = load_text(_PAGE.format(inside=inside), path="page.html")
    texts = [c.text for c in extract_document(document).claims]
    assert texts == ["12 billion euros", "4%"]


def test_a_self_closed_svg_hides_nothing_after_it() -> None:
    page = _PAGE.format(inside='<svg width="10" height="10"/><p>Fares fell 2%.</p>')
    texts = [c.text for c in extract_document(load_text(page, path="a.html")).claims]
    assert texts == ["12 billion euros", "2%", "4%"]


def test_a_title_inside_svg_is_not_the_page_title() -> None:
    page = "<body><svg><title>Chart 7</title></svg><p>Up 5%.</p></body>"
    assert load_text(page, path="a.html").title is None


def test_meta_inside_the_head_is_still_read() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Harbour Daily">'
        "<title>Rail</title></head><body><p>Up 5%.</p></body></html>"
    )
    document = load_text(page, path="a.html")
    assert (document.outlet, document.title) == ("Harbour Daily", "Rail")
