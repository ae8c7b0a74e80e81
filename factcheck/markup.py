"""Length-preserving prose masks for plain text, Markdown and HTML.

Each function here takes a document's text and returns its *prose*: a string of the
same length in which everything that is not prose (front matter, code, link targets,
URLs, comments, tags, hidden HTML elements) is replaced by spaces, line breaks kept. An
offset found in the prose therefore indexes the text directly, and so do line numbers.

Line endings: the prose reads every line break as a line feed, character for
character: ``\r\n`` becomes a space and ``\n``, a lone ``\r`` becomes ``\n``. So
blank lines of a CRLF or CR file are paragraph breaks, lines are counted in any
ending, and no carriage return reaches a quoted sentence, while offsets still index
the text, which keeps its own line endings.

HTML character references in visible text are decoded in place: the decoded character
takes the reference's first position and spaces fill the rest (``&#36;5`` becomes
``$    5``), so a span that starts at the character covers the whole reference in the
text. Decoded whitespace (``&nbsp;``) becomes a plain space.

>>> plain_prose("See https://example.com/2025/02 for 380 billion yuan.").split()
['See', 'for', '380', 'billion', 'yuan.']
>>> markdown_prose("Run `x = 52.4` [now](http://example.com/53).").split()
['Run', 'now', '.']
>>> html_prose("<p>Up&nbsp;13&#37;</p>")[0]
'   Up      13%        '
"""

from __future__ import annotations

import html
from functools import cache
from typing import TYPE_CHECKING, Final

import regex

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["html_prose", "line_feeds", "markdown_prose", "plain_prose"]

#: a half-open range of offsets ``(start, end)`` to blank out
Range = tuple[int, int]

_LINE_BREAK: Final = regex.compile(r"\r\n|\r|\n")
_NOT_BREAK: Final = regex.compile(r"[^\r\n]++")
_ENTITY: Final = regex.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_URL_TRAILING: Final = ".,;:!?'\"*_~"
#: what every match of ``_URL`` holds (a text with none is not scanned: the scan
#: costs most of the masking of plain text, and most articles hold no URL)
_URL_MARKS: Final = ("://", "www.", "@")
_URL: Final = regex.compile(
    r"(?<![\w@/.-])(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]++"
    r"|(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++"
)

# HTML: a tag, from "<" to ">" (quotes count only after "="); an unclosed one runs to
# the end of the input, as browsers drop it, which keeps the scan linear.
_TAG: Final = regex.compile(
    r"""<(?P<slash>/?)(?P<name>[A-Za-z][^\s/>]*+)
    (?P<attrs>(?:=[ \t\n\r\f]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z))|[^>])*+)
    (?:>|\Z)""",
    regex.VERBOSE,
)
_ATTR: Final = regex.compile(
    r"""([^\s"'>/=]++)(?:\s*+=\s*+(?:"([^"]*+)"|'([^']*+)'|([^\s>]++)))?"""
)
#: elements whose content is raw text (no tags inside) and never shown as prose
_RAW_TEXT: Final = frozenset(
    {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"}
    | {"noscript"}
)
#: elements whose whole content (tags included) is hidden from prose: the head, inert
#: templates, code, and drawings and formulas (an SVG chart's "Up 37%" labels and a
#: MathML "3.14" are pictures of numbers, not the article's claims)
_HIDDEN: Final = frozenset({"head", "template", "pre", "code", "svg", "math"})
#: hidden elements that a trailing "/" closes at once (foreign content in HTML5)
_FOREIGN: Final = frozenset({"svg", "math"})

# Markdown, inline: what a careful regex pass can find inside one paragraph.
_MD_INLINE: Final = regex.compile(
    r"""
    (?P<comment><!--.*?-->)
    | (?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*+>
        | <[\w.!\#$%&'*+/=?^`{|}~-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)*+>)
    | (?P<tag></?[A-Za-z][A-Za-z0-9-]*+
        (?:\s++[A-Za-z_:][\w.:-]*+(?:\s*+=\s*+(?:[^\s"'=<>`]++|'[^']*+'|"[^"]*+"))?)*+
        \s*+/?>
        | <\?.*?\?> | <![A-Za-z][^>]*+> | <!\[CDATA\[.*?\]\]>)
    | (?P<footnote>\[\^[^\]\s]++\]:?)
    | (?P<link>(?<!\\)!?\[
        (?P<text>(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*+\])*+)
        (?P<close>\]
          (?:\((?:[ \t\n]*+(?:<[^<>\n]*+>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*+\))*+)
                (?:\s++(?:"[^"]*+"|'[^']*+'|\([^()]*+\)))?[ \t\n]*+)\)
            | \[[^\[\]]*+\])))
    | (?P<escape>\\[!-/:-@\[-`{-~])
    | (?P<emphasis>\*++|_++)
    """,
    regex.VERBOSE | regex.DOTALL,
)
_BACKTICKS: Final = regex.compile(r"`+")
_LIST_MARKER: Final = regex.compile(
    r"(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]++|(?=[\r\n])|\Z)"
)
_ATX_OPEN: Final = regex.compile(
    r"[ \t]*+(?:>[ \t]*+|(?:[-+*]|[0-9]{1,9}[.)])[ \t]++)*+(#{1,6})(?=[ \t\r\n]|\Z)"
)
_ATX_CLOSE: Final = regex.compile(r"[ \t]+#++[ \t]*+(?=[\r\n]|\Z)")
_SPACE_OR_TAB: Final = regex.compile(r"[ \t]*+")

# ---------------------------------------------------------------------------- compose


def _merge(ranges: list[Range]) -> list[Range]:
    merged: list[Range] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _spaces(segment: str) -> str:
    """``segment`` with every character but line breaks (``\\n``, ``\\r``) spaced."""
    if "\n" not in segment and "\r" not in segment:
        return " " * len(segment)
    spaced: str = _NOT_BREAK.sub(lambda run: " " * len(run[0]), segment)
    return spaced


def _decode_entity(match: regex.Match[str]) -> str:
    reference: str = match[0]
    decoded: str = html.unescape(reference)
    if decoded == reference:
        return reference  # not a known entity: leave the text as it is
    if decoded.isspace() or not decoded.isprintable():
        decoded = " "  # &nbsp;, &#10;, controls: a plain space, lines stay as they are
    return decoded.ljust(len(reference))


def line_feeds(prose: str) -> str:
    r"""``prose`` with CRLF read as a space and a line feed, and a lone CR as a line
    feed (same length, so offsets hold).

    >>> line_feeds("a\r\n\r\nb\rc")
    'a \n \nb\nc'
    """
    if "\r" not in prose:
        return prose
    return prose.replace("\r\n", " \n").replace("\r", "\n")


def _compose(text: str, blanks: list[Range], *, entities: bool) -> str:
    """``text`` with ``blanks`` spaced out and, if asked, entities decoded elsewhere;
    line endings read as line feeds (:func:`line_feeds`)."""
    parts: list[str] = []
    pos = 0
    for start, end in [*_merge(blanks), (len(text), len(text))]:
        if pos < start:
            visible = text[pos:start]
            if entities and "&" in visible:
                visible = _ENTITY.sub(_decode_entity, visible)
            parts.append(visible)
        if start < end:
            parts.append(_spaces(text[start:end]))
        pos = max(pos, end)
    return line_feeds("".join(parts))


def _url_ranges(text: str, start: int, end: int) -> list[Range]:
    """Bare URLs (``http://``, ``https://``, ``www.``) and e-mail addresses."""
    ranges: list[Range] = []
    if not any(text.find(mark, start, end) >= 0 for mark in _URL_MARKS):
        return ranges  # no match can start here: the scan tries every word
    for match in _URL.finditer(text, start, end):
        url = match[0].rstrip(_URL_TRAILING)
        # a closing bracket belongs to the URL only if the URL opened it
        while (
            url
            and url[-1] in ")]"
            and url.count(url[-1]) > url.count("(" if url[-1] == ")" else "[")
        ):
            url = url[:-1].rstrip(_URL_TRAILING)
        ranges.append((match.start(), match.start() + len(url)))
    return ranges


# ------------------------------------------------------------------------------ plain


def plain_prose(text: str, *, skip: int = 0) -> str:
    """The prose of plain text: everything but front matter, URLs and e-mail addresses.

    Args:
        text: the document's text.
        skip: how many characters at the start are not prose (the front matter).

    Returns:
        A string as long as ``text``, non-prose blanked, newlines kept.
    """
    return _compose(
        text, [(0, skip), *_url_ranges(text, skip, len(text))], entities=False
    )


# ------------------------------------------------------------------------------- HTML


@cache
def _end_tag(name: str) -> regex.Pattern[str]:
    return regex.compile(rf"</{regex.escape(name)}(?=[\s/>]|\Z)", regex.IGNORECASE)


_HEAD_END: Final = regex.compile(r"</head(?=[\s/>]|\Z)|<body(?=[\s/>]|\Z)", regex.I)


def _attributes(source: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTR.finditer(source):
        value = match[2] if match[2] is not None else match[3] or match[4] or ""
        found.setdefault(match[1].lower(), html.unescape(value))
    return found


def _note_meta(name: str, attrs: str, meta: dict[str, str]) -> None:
    if name not in ("meta", "link"):
        return
    found = _attributes(attrs)
    if name == "link":
        if "canonical" in found.get("rel", "").lower().split() and "href" in found:
            meta.setdefault("canonical", found["href"])
        return
    key = found.get("property") or found.get("name") or found.get("itemprop")
    if key and "content" in found:
        meta.setdefault(key.strip().lower(), found["content"].strip())


def _html_blanks(
    text: str, start: int, end: int, meta: dict[str, str] | None = None
) -> list[Range]:
    """What is not visible in ``text[start:end]``; notes ``<meta>`` into ``meta``."""
    blanks: list[Range] = []
    pos = start
    head_until = start
    while (lt := text.find("<", pos, end)) >= 0:
        after = text[lt + 1 : lt + 2] if lt + 1 < end else ""
        if text.startswith("<!--", lt, end):
            if text.startswith((">", "->"), lt + 4, end):  # "<!-->", "<!--->"
                close = text.find(">", lt + 4, end) + 1
            else:
                found = text.find("-->", lt + 4, end)
                close = end if found < 0 else found + 3
            blanks.append((lt, close))
            pos = close
            continue
        if after in ("!", "?") or (
            after == "/" and not text[lt + 2 : lt + 3].isalpha()
        ):
            found = text.find(">", lt, end)  # doctype, CDATA, bogus comment
            pos = end if found < 0 else found + 1
            blanks.append((lt, pos))
            continue
        tag = _TAG.match(text, lt, end)
        if tag is None:
            pos = lt + 1  # a literal "<"
            continue
        blanks.append((lt, tag.end()))
        pos = tag.end()
        name = tag["name"].lower()
        if tag["slash"]:
            continue
        if meta is not None:
            _note_meta(name, tag["attrs"], meta)
        if name in _RAW_TEXT:
            closer = _end_tag(name).search(text, pos, end)
            content_end = end if closer is None else closer.start()
            if name == "title" and meta is not None:
                meta.setdefault("<title>", html.unescape(text[pos:content_end]))
            blanks.append((pos, content_end))
            pos = content_end
        elif name == "head":
            # hide everything up to the end of the head, but keep scanning it for
            # <meta> and <title>; a head inside that one is already hidden (one
            # search per head region, not one per level: linear in nesting depth)
            if pos >= head_until:
                closer = _HEAD_END.search(text, pos, end)
                head_until = end if closer is None else closer.start()
                blanks.append((pos, head_until))
        elif name in _HIDDEN:
            if name in _FOREIGN and tag["attrs"].rstrip().endswith("/"):
                continue  # <svg ... />: empty
            # nothing inside is read: skip to the end tag (nested ones of the same
            # name end at the first, as the search finds it once, not once a level)
            closer = _end_tag(name).search(text, pos, end)
            content_end = end if closer is None else closer.start()
            blanks.append((pos, content_end))
            pos = content_end
    return blanks


def html_prose(text: str, *, skip: int = 0) -> tuple[str, dict[str, str]]:
    """The visible text of an HTML document, and what its ``<head>`` says about it.

    Tags, attributes, comments and the contents of ``<head>``, ``<script>``,
    ``<style>``, ``<template>``, ``<title>``, ``<pre>``, ``<code>``, ``<svg>`` and
    ``<math>`` are blanked (in time linear in the input, however deep they nest);
    character references in the visible text are decoded in place.

    Args:
        text: the document's text.
        skip: how many characters at the start are not prose (the front matter).

    Returns:
        ``(prose, meta)``: ``meta`` maps ``<meta>`` names and properties (lowercased,
        e.g. ``og:site_name``, ``article:published_time``) to their content, plus
        ``"<title>"`` for the title element and ``"canonical"`` for the canonical link.

    >>> prose, meta = html_prose('<title>T</title><meta property="og:url" content="u">')
    >>> meta["og:url"], meta["<title>"]
    ('u', 'T')
    """
    meta: dict[str, str] = {}
    blanks = [(0, skip), *_html_blanks(text, skip, len(text), meta)]
    return _compose(text, blanks, entities=True), meta


# --------------------------------------------------------------------------- Markdown


@cache
def _block_parser() -> MarkdownIt:
    """CommonMark with tables, block rules only: inline positions are found here."""
    from markdown_it import MarkdownIt  # noqa: PLC0415  (keeps `import factcheck` cheap)

    return MarkdownIt("commonmark").enable("table").disable("inline")


def _parse_blocks(body: str) -> tuple[list[Token], dict[str, object]]:
    env: dict[str, object] = {}
    return _block_parser().parse(body, env), env


def _line_starts(text: str, skip: int) -> list[int]:
    """Where each line from ``skip`` on starts (as markdown-it counts), then the end."""
    starts = [skip]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text, skip))
    starts.append(len(text))
    return starts


def _is_flanking(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether the delimiter run ``text[start:end]`` can open or close emphasis."""
    before = text[start - 1] if start > lo else " "
    after = text[end] if end < hi else " "
    left = not after.isspace() and (
        after.isalnum() or before.isspace() or not before.isalnum()
    )
    right = not before.isspace() and (
        before.isalnum() or after.isspace() or not after.isalnum()
    )
    if text[start] == "_":  # no intraword emphasis with "_" (snake_case stays)
        return (left and (not right or not before.isalnum())) or (
            right and (not left or not after.isalnum())
        )
    return left or right


def _code_span_ranges(text: str, start: int, end: int) -> list[Range]:
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text, start, end)]
    runs = [
        (a + 1, b) if a > start and text[a - 1] == "\\" else (a, b) for a, b in runs
    ]
    ranges: list[Range] = []
    i = 0
    while i < len(runs):
        a, b = runs[i]
        closer = next(
            (j for j in range(i + 1, len(runs)) if runs[j][1] - runs[j][0] == b - a),
            None,
        )
        if b > a and closer is not None:
            ranges.append((a, runs[closer][1]))
            i = closer + 1
        else:
            i += 1
    return ranges


def _inline_blanks(text: str, start: int, end: int) -> list[Range]:
    """Non-prose inside one paragraph, heading or table row of Markdown."""
    blanks = _code_span_ranges(text, start, end)
    blanks.extend(_url_ranges(text, start, end))
    for match in _MD_INLINE.finditer(text, start, end):
        kind = match.lastgroup
        if kind == "link":
            blanks.append((match.start(), match.start("text")))  # "![" or "["
            blanks.extend(_inline_blanks(text, *match.span("text")))
            blanks.append(match.span("close"))  # "](target)" or "][label]"
        elif kind == "emphasis":
            if _is_flanking(text, match.start(), match.end(), start, end):
                blanks.append(match.span())
        elif kind == "escape":
            blanks.append((match.start(), match.start() + 1))  # the backslash
        else:
            blanks.append(match.span())
    return blanks


def _container_prefix(
    text: str, start: int, end: int, *, quoted: bool, markers: int
) -> list[Range]:
    """Block-quote ``>`` and up to ``markers`` list markers opening a line."""
    blanks: list[Range] = []
    pos = start
    while True:
        prefix = _SPACE_OR_TAB.match(text, pos, end)
        pos = prefix.end() if prefix else pos
        if quoted and text.startswith(">", pos, end):
            blanks.append((pos, pos + 1))
            pos += 1
            continue
        marker = _LIST_MARKER.match(text, pos, end) if markers else None
        if marker is None:
            return blanks
        blanks.append(marker.span())
        markers -= 1
        pos = marker.end()


def markdown_prose(text: str, *, skip: int = 0) -> str:
    """The prose of a Markdown document.

    Blanked: front matter, fenced and indented code, inline code, raw HTML tags and
    comments (HTML blocks keep their visible text), link and image targets (the link
    text stays), reference definitions, autolinks, bare URLs and e-mail addresses,
    footnote markers, emphasis delimiters, backslashes of escapes, heading and
    block-quote markers, list markers (``1.`` is not a claim), thematic breaks and
    table delimiter rows. Entities are decoded in place.

    Args:
        text: the document's text.
        skip: how many characters at the start are not prose (the front matter).

    Returns:
        A string as long as ``text``, non-prose blanked, newlines kept.

    >>> markdown_prose("1. **Up 13%** to ![chart](c.png)")
    '     Up 13%   to   chart        '
    """
    tokens, env = _parse_blocks(text[skip:])
    starts = _line_starts(text, skip)
    blanks: list[Range] = [(0, skip)]
    markers: dict[int, int] = {}
    quoted: set[int] = set()
    inline: list[Range] = []
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map
        start, end = starts[first], starts[last]
        kind = token.type
        if kind in ("fence", "code_block", "hr"):
            blanks.append((start, end))
        elif kind == "html_block":
            blanks.extend(_html_blanks(text, start, end))
        elif kind == "inline" and (not inline or inline[-1] != (start, end)):
            inline.append((start, end))
        elif kind == "heading_open" and token.markup in ("=", "-"):
            blanks.append((starts[last - 1], end))  # the setext underline
        elif kind == "heading_open":
            line_end = starts[first + 1]
            hashes = _ATX_OPEN.match(text, start, line_end)
            if hashes:
                blanks.append(hashes.span(1))
                closing = _ATX_CLOSE.search(text, hashes.end(), line_end)
                if closing:
                    blanks.append(closing.span())
        elif kind == "list_item_open":
            markers[first] = markers.get(first, 0) + 1
        elif kind == "blockquote_open":
            quoted.update(range(first, last))
        elif kind == "table_open":
            blanks.append((starts[first + 1], starts[first + 2]))  # |---|:--:|
    references = env.get("references")
    if isinstance(references, dict):
        for reference in references.values():
            lines = reference.get("map") if isinstance(reference, dict) else None
            if isinstance(lines, list) and len(lines) == 2:
                blanks.append((starts[lines[0]], starts[lines[1]]))
    for line in sorted(quoted | markers.keys()):
        blanks.extend(
            _container_prefix(
                text,
                starts[line],
                starts[line + 1],
                quoted=line in quoted,
                markers=markers.get(line, 0),
            )
        )
    for start, end in inline:
        blanks.extend(_inline_blanks(text, start, end))
    return _compose(text, blanks, entities=True)
