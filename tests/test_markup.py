"""Prose masks: Markdown, HTML and plain text keep prose at its offsets, blank the rest."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prose_checks import assert_prose_indexes_text, offset_in_prose, words

from factcheck.load import load_text
from factcheck.markup import html_prose, markdown_prose, plain_prose

# ---------------------------------------------------------------- Markdown prose

MARKDOWN = """\
# Alibaba's plan ##

> Quoted **380 billion yuan** (US$52.4 billion) and `code 7`.
> - item in a quote 9%

1. First 5%
2) Second
   - nested 3 kg

| Year | Revenue |
|------|--------:|
| 2024 | 31.7    |

```python
x = 380_000
```

    indented 12

<!-- hidden 99
still hidden 98 -->

<div class="x" data-n="42">Visible 17% &amp; more</div>

See [the filing](https://example.com/2025/02/24?id=5 "Title 6") and ![chart](img/77.png).
Ref [link][r1], <https://example.com/1>, www.example.com/8 and https://example.com/(9).
Mail tips2025@example.com. Escaped \\*a\\* snake_case_10 _em 11_ <span title="x>y">in 44</span>.
Footnote[^3] &#36;53 billion&nbsp;now.

[r1]: https://example.com/ref/55 "t"

Setext 2023
-----------
***
"""


def test_markdown_prose_indexes_text_and_keeps_line_breaks() -> None:
    doc = load_text(MARKDOWN, path="a.md")
    assert_prose_indexes_text(doc.text, doc.prose)
    assert doc.prose.count("\n") == doc.text.count("\n")


@pytest.mark.parametrize(
    "hidden",
    [
        "code 7",  # inline code
        "380_000",  # fenced code
        "indented 12",  # indented code
        "hidden 99",  # block comment
        "still hidden 98",
        'data-n="42"',  # tag attributes
        "2025/02/24",  # link target
        "Title 6",  # link title
        "img/77.png",  # image target
        "example.com/1",  # autolink
        "www.example.com/8",  # bare URL
        "example.com/(9)",
        "tips2025",  # e-mail
        "[^3]",  # footnote marker
        "ref/55",  # reference definition
        "[r1]",  # reference label
        "&#36;",
        "-----------",  # setext underline
        "***",  # thematic break
        "|------|",  # table delimiter row
        "1. First",  # list markers
        "2) Second",
        "- nested",
        "> Quoted",  # block-quote marker
        "#",  # heading markers
        "**",  # emphasis
        "\\*",  # escapes
    ],
)
def test_markdown_non_prose_is_blanked(hidden: str) -> None:
    doc = load_text(MARKDOWN, path="a.md")
    assert hidden in doc.text
    assert hidden not in doc.prose


@pytest.mark.parametrize(
    "kept",
    [
        "Alibaba's plan",
        "380 billion yuan",
        "(US$52.4 billion)",
        "item in a quote 9%",
        "First 5%",
        "nested 3 kg",
        "| 2024 | 31.7    |",
        "Visible 17%",
        "the filing",
        "chart",
        "link",
        "snake_case_10",
        "em 11",
        "in 44",
        "Setext 2023",
        ", ",
    ],
)
def test_markdown_prose_keeps_text_at_its_offsets(kept: str) -> None:
    doc = load_text(MARKDOWN, path="a.md")
    offset_in_prose(doc, kept)


def test_markdown_trailing_punctuation_after_url_stays_prose() -> None:
    doc = load_text("See https://example.com/a, and (www.example.com/b).", path="a.md")
    assert words(doc) == "See , and ( )."


def test_markdown_entities_decode_in_place_padded_with_spaces() -> None:
    doc = load_text("It cost &#36;53 billion&nbsp;now &amp; then.", path="a.md")
    assert doc.prose == "It cost $    53 billion      now &     then."


def test_markdown_list_marker_blanked_but_number_after_it_kept() -> None:
    doc = load_text("1. 2025 revenue rose 13%.\n", path="a.md")
    assert words(doc) == "2025 revenue rose 13%."


def test_markdown_emphasis_inside_link_text_blanked() -> None:
    doc = load_text("[**Up 13%**](https://example.com/13)", path="a.md")
    assert words(doc) == "Up 13%"


def test_markdown_html_block_keeps_visible_text_hides_script() -> None:
    text = "<div>\nShown 5%\n<script>\nvar x = 6;\n</script>\n</div>\n"
    doc = load_text(text, path="a.md")
    assert words(doc) == "Shown 5%"


def test_markdown_offsets_index_text_with_crlf_line_endings() -> None:
    text = "+++\r\ntitle = 'T'\r\n+++\r\n```\r\ncode 9\r\n```\r\nRose `x` 13%.\r\n"
    doc = load_text(text, path="a.md")
    assert_prose_indexes_text(text, doc.prose)
    assert words(doc) == "Rose 13%."
    assert offset_in_prose(doc, "13%") == text.index("13%")


def test_markdown_unclosed_code_fence_runs_to_the_end() -> None:
    doc = load_text("Before 1%.\n\n```\nafter 2%\n", path="a.md")
    assert words(doc) == "Before 1%."


MARKDOWNISH = st.text(
    alphabet=st.sampled_from(list("ab1 \n\r\t#*_`[]()<>!-|:&;=\"'\\/.h+~0x")),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_any_text_gets_prose_of_its_own_length_and_line_breaks(text: str) -> None:
    assert_prose_indexes_text(text, markdown_prose(text))
    assert_prose_indexes_text(text, html_prose(text)[0])
    assert_prose_indexes_text(text, plain_prose(text))


# -------------------------------------------------------------------- plain text


def test_txt_keeps_markup_but_blanks_urls_and_email() -> None:
    doc = load_text(
        "Up `13%` at https://example.com/2025/5 (mail a1@example.com).", path="a.txt"
    )
    assert words(doc) == "Up `13%` at (mail )."


# ------------------------------------------------------------------------- HTML

HTML = """\
<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Page title 1 &amp; more</title>
<meta property="og:site_name" content="Example &amp; Co">
<meta property="article:published_time" content="2025-02-24T09:30:00+08:00">
<link rel="canonical" href="https://example.com/a/1">
<style>p { margin: 10px }</style>
<script>var x = "<p>5</p>";</script>
</head>
<body>
<!-- ad slot 300x250 -->
<h1>Alibaba to spend 380&nbsp;billion yuan</h1>
<p class="lead" data-id='7'>It said 13% growth, <a href="https://example.com/x/99">read</a>.</p>
<template><p>12 templated</p></template>
<pre>code 42</pre>
<p>Price &euro;5 &lt; 10 and 3 > 2</p>
</body></html>
"""


def test_html_prose_is_visible_text_at_its_offsets() -> None:
    doc = load_text(HTML, path="a.html")
    assert_prose_indexes_text(doc.text, doc.prose)
    assert words(doc) == (
        "Alibaba to spend 380 billion yuan It said 13% growth, read . "
        "Price € 5 < 10 and 3 > 2"
    )
    offset_in_prose(doc, "It said 13% growth,")


@pytest.mark.parametrize(
    "hidden",
    [
        "Page title 1",
        "margin: 10px",
        "<p>5</p>",
        "300x250",
        "12 templated",
        "code 42",
        "x/99",
        "'7'",
    ],
)
def test_html_hidden_parts_are_blanked(hidden: str) -> None:
    doc = load_text(HTML, path="a.html")
    assert hidden not in doc.prose


def test_html_entities_decode_in_place_and_nbsp_is_a_space() -> None:
    prose, _ = html_prose("<p>380&nbsp;bn &#x24;5 &euro;6</p>")
    assert prose == "   380      bn $     5 €     6    "


@pytest.mark.parametrize(
    "text",
    [
        "<p>Up 5% <!-- never closed 6",
        '<p>Up 5% <a title="never closed 6',
        "<p>Up 5% <script>var 6",
    ],
)
def test_html_unclosed_markup_hides_the_rest(text: str) -> None:
    prose, _ = html_prose(text)
    assert prose.split() == ["Up", "5%"]
