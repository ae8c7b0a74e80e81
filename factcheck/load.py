"""Files → :class:`~factcheck.model.Document`: reading, front matter, prose masks.

The first stage of the pipeline. :func:`load_document` reads one file and raises
:class:`~factcheck.errors.InputError` naming the file and the reason when it cannot;
:func:`load_paths` reads files and folders and turns each unreadable input into a
:class:`~factcheck.model.Problem` so that the run goes on; :func:`load_text` does the
same work on text already in memory.

Offsets: ``Document.text`` is the file decoded as UTF-8 *after* a leading byte-order
mark is dropped, with line endings kept as they are (CRLF stays CRLF). Every offset in
the pipeline indexes that string; ``Document.prose`` has the same length.

Front matter sits at the very top, fenced by ``+++`` (TOML) or ``---`` (``key: value``
lines), in any format. Its keys: ``title``, ``outlet``, ``url``, ``published`` (a date;
``date`` is read when ``published`` is missing) and ``sources`` (paths relative to the
document's folder, kept as written).

>>> doc = load_text("+++\\npublished = 2025-02-24\\n+++\\nUp 13%.\\n", path="a.md")
>>> doc.published, doc.prose.strip()
(datetime.date(2025, 2, 24), 'Up 13%.')
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

import attrs
import regex

from factcheck.errors import InputError
from factcheck.markup import html_prose, markdown_prose, plain_prose
from factcheck.model import Document, DocumentFormat, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover  (3.10)
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "DOCUMENT_SUFFIXES",
    "EARLIEST_PUBLISHED",
    "MAX_DAYS_AHEAD",
    "check_published",
    "load_document",
    "load_paths",
    "load_stream",
    "load_text",
    "with_prose",
]

#: file name endings read from a folder (a file named explicitly is read regardless)
DOCUMENT_SUFFIXES: Final = (".md", ".markdown", ".txt", ".html", ".htm")
#: files larger than this are refused rather than read into memory
MAX_FILE_BYTES: Final = 1 << 30
_SNIFF_BYTES: Final = 8192
#: the earliest publication date taken as real: Relation, the first printed
#: newspaper, appeared in 1605; an earlier date is a placeholder (0001-01-01)
EARLIEST_PUBLISHED: Final = dt.date(1605, 1, 1)
#: how far after today a publication date may lie: a piece scheduled ahead (an
#: embargoed annual report) is dated days or weeks ahead, never a year; a later date
#: is a typo (2205 for 2025) or a placeholder (9999-12-31)
MAX_DAYS_AHEAD: Final = 366
_FORMAT_NAMES: Final[frozenset[str]] = frozenset({"txt", "md", "html"})
_FORMATS: Final[dict[str, DocumentFormat]] = {
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "txt",
}

_FENCE_OPEN: Final = regex.compile(r"\ufeff?(\+\+\+|---)[ \t]*+(?:\r\n|\r|\n)")
_FENCE_CLOSE: Final = {
    fence: regex.compile(
        rf"(?:^|(?<=\r)){closer}[ \t]*+(?:\r\n|\r|\n|\Z)", regex.MULTILINE
    )
    for fence, closer in (("+++", r"\+\+\+"), ("---", r"(?:---|\.\.\.)"))
}
_LINE_BREAK: Final = regex.compile(r"\r\n|\r|\n")
_FIRST_WORDS: Final = regex.compile(r"\s*+([^\r\n]*+)")
_YAML_KEY: Final = regex.compile(r"([A-Za-z_][\w.-]*+)[ \t]*+:(?:[ \t]++(.*+)|[ \t]*+)")
_YAML_ITEM: Final = regex.compile(r"[ \t]*+-(?:[ \t]++(.*+)|[ \t]*+)")
_YAML_COMMENT: Final = regex.compile(r"[ \t]#")
_YAML_DOUBLE_QUOTED: Final = regex.compile(r'"(?:[^"\\]|\\.)*+"')
_TOML_LINE: Final = regex.compile(r"at line (\d+)")
_DATE: Final = regex.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})"  # the date, then an optional time and zone
    r"(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
    r"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?)?"
)

# ---------------------------------------------------------------------- front matter

_Raw = dict[str, object]


@attrs.frozen(kw_only=True)
class _About:
    """What a document says about itself, from front matter or HTML metadata."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    sources: tuple[str, ...] = ()

    def or_else(self, other: _About) -> _About:
        """These fields, each missing one taken from ``other``."""
        return _About(
            title=self.title or other.title,
            outlet=self.outlet or other.outlet,
            url=self.url or other.url,
            published=self.published or other.published,
            sources=self.sources or other.sources,
        )


def _fail(path: str, reason: str) -> InputError:
    return InputError(f"{path}: {reason}", path=path, reason=reason)


def _find_front_matter(text: str, path: str) -> tuple[str, str, int, int]:
    """``(fence, body, body_line, end)`` of the front matter at the top of ``text``.

    ``fence`` is ``"+++"``, ``"---"`` or ``""`` (none); ``body_line`` is the 1-based
    line of the body's first line, for messages; ``end`` is where prose may begin:
    past the closing fence's line break, else past a byte-order mark, else 0.
    """
    opening = _FENCE_OPEN.match(text)
    if opening is None:
        return "", "", 0, 1 if text.startswith("\ufeff") else 0
    fence = opening[1]
    if fence == "---":
        first = _FIRST_WORDS.match(text, opening.end())
        if first is None or _YAML_KEY.fullmatch(first[1].strip()) is None:
            return "", "", 0, 1 if text.startswith("\ufeff") else 0  # a thematic break
    closing = _FENCE_CLOSE[fence].search(text, opening.end())
    if closing is None:
        reason = f"front matter opened with {fence} on line 1 is never closed"
        raise _fail(path, reason)
    return fence, text[opening.end() : closing.start()], 2, closing.end()


def _unquote(value: str, path: str, line: int) -> str:
    """A scalar: ``'single'`` (``''`` escapes), ``"double"`` (JSON escapes) or plain."""
    value = value.strip()
    if value.startswith('"'):
        quoted = _YAML_DOUBLE_QUOTED.match(value)
        if quoted is None:
            raise _fail(path, f'front matter line {line}: unclosed " quote')
        try:
            decoded = json.loads(quoted[0])
        except ValueError:
            decoded = quoted[0][1:-1]
        return str(decoded)
    if value.startswith("'"):
        close = value.find("'", 1)
        while close >= 0 and value[close + 1 : close + 2] == "'":
            close = value.find("'", close + 2)
        if close < 0:
            raise _fail(path, f"front matter line {line}: unclosed ' quote")
        return value[1:close].replace("''", "'")
    comment = _YAML_COMMENT.search(value)
    return (value[: comment.start()] if comment else value).strip()


def _flow_list(value: str, path: str, line: int) -> list[str]:
    inner = value.strip()[1:-1]
    items = regex.findall(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^,]*)\s*(?:,|$)""", inner)
    return [
        _unquote(item, path, line) for item in items if isinstance(item, str) and item
    ]


def _parse_key_values(body: str, path: str, first_line: int) -> _Raw:
    """The ``key: value`` front matter: scalars, ``[a, b]`` and ``- item`` lists."""
    raw: _Raw = {}
    key: str | None = None
    for number, line in enumerate(_LINE_BREAK.split(body), start=first_line):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = _YAML_ITEM.fullmatch(line)
        pair = _YAML_KEY.fullmatch(line)
        if item is not None and key is not None and not pair:
            listed = raw.get(key)
            if listed is None:
                listed = raw[key] = []
            if not isinstance(listed, list):
                reason = f"front matter line {number}: a list item after a value"
                raise _fail(path, reason)
            listed.append(_unquote(item[1] or "", path, number))
        elif pair is not None:
            key = pair[1].lower()
            value = (pair[2] or "").strip()
            if value.startswith("[") and value.endswith("]"):
                raw[key] = _flow_list(value, path, number)
            elif value in ("", "~", "null"):
                raw[key] = None
            else:
                raw[key] = _unquote(value, path, number)
        elif line[:1] in (" ", "\t") and key is not None and isinstance(raw[key], str):
            raw[key] = f"{raw[key]} {_unquote(stripped, path, number)}"  # folded
        else:
            reason = (
                f"front matter line {number}: expected `key: value`, got {stripped!r}"
            )
            raise _fail(path, reason)
    return raw


def _parse_toml(body: str, path: str, first_line: int) -> _Raw:
    try:
        data: _Raw = tomllib.loads(_LINE_BREAK.sub("\n", body))  # TOML: no lone CR
    except tomllib.TOMLDecodeError as error:
        detail = _TOML_LINE.sub(
            lambda m: f"at line {int(m[1]) + first_line - 1}", str(error)
        )
        raise _fail(path, f"front matter is not valid TOML: {detail}") from None
    except RecursionError:
        raise _fail(path, "front matter is not valid TOML: nested too deeply") from None
    return data


def _parse_date(value: object) -> dt.date | None:
    """A date from a TOML date or datetime or an ISO string; ``ValueError`` if not."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _DATE.fullmatch(value.strip())
        if match is not None:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
    raise ValueError(value)


def check_published(day: dt.date) -> str | None:
    """Why ``day`` cannot be a publication date, or None if it can.

    >>> check_published(dt.date(9999, 12, 31))[:40]
    'published 9999-12-31 is out of range: a '
    """
    today = dt.datetime.now(tz=dt.timezone.utc).date()
    latest = dt.date.fromordinal(
        min(today.toordinal() + MAX_DAYS_AHEAD, dt.date.max.toordinal())
    )
    if EARLIEST_PUBLISHED <= day <= latest:
        return None
    return (
        f"published {day.isoformat()} is out of range: a publication date lies "
        f"between {EARLIEST_PUBLISHED.isoformat()} and a year from today "
        f"({latest.isoformat()})"
    )


def _string(raw: _Raw, key: str, path: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        reason = f"front matter {key} must be text, got {type(value).__name__}"
        raise _fail(path, reason)
    return str(value).strip() or None


def _about(raw: _Raw, path: str) -> _About:
    """Document fields from parsed front matter; unknown keys are ignored."""
    raw = {str(key).lower(): value for key, value in raw.items()}
    published = raw.get("published", raw.get("date"))
    try:
        day = _parse_date(published)
    except ValueError:
        shown = repr(published) if isinstance(published, str) else str(published)
        reason = f"published {shown} is not a date (expected YYYY-MM-DD)"
        raise _fail(path, reason) from None
    if day is not None and (why := check_published(day)) is not None:
        raise _fail(path, why)
    sources = raw.get("sources", ())
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, list | tuple) or not all(
        isinstance(source, str) for source in sources
    ):
        raise _fail(path, "front matter sources must be a list of paths")
    return _About(
        title=_string(raw, "title", path),
        outlet=_string(raw, "outlet", path),
        url=_string(raw, "url", path),
        published=day,
        sources=tuple(sources),
    )


def _html_about(meta: dict[str, str]) -> _About:
    """Document fields from ``<meta>``, ``<link rel=canonical>`` and ``<title>``."""

    def first(*keys: str) -> str | None:
        return next((" ".join(meta[k].split()) for k in keys if meta.get(k)), None)

    published = first(
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date.issued",
        "dc.date",
    )
    try:
        day = _parse_date(published)
    except ValueError:
        day = None  # a page's own metadata is a hint, not a promise
    if day is not None and check_published(day) is not None:
        day = None
    return _About(
        title=first("og:title", "twitter:title", "<title>"),
        outlet=first("og:site_name", "application-name"),
        url=first("og:url", "canonical"),
        published=day,
    )


# ----------------------------------------------------------------------------- text


def _format_of(path: str, text: str = "") -> DocumentFormat:
    suffix = Path(path).suffix.lower()
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    head = text[:1024].lstrip().lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "txt"


def load_text(
    text: str,
    *,
    path: str = "<text>",
    format: DocumentFormat | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | str | None = None,
    sources: Sequence[str] | None = None,
) -> Document:
    """A :class:`Document` from text in memory, read as a file of that format is.

    Args:
        text: the whole file as a string; offsets in the document index it as given
            (a leading byte-order mark, if any, is blanked in the prose, not removed).
        path: the name to report the document under.
        format: ``"txt"``, ``"md"`` or ``"html"``; by default from ``path``'s suffix
            (unknown suffixes: HTML if the text starts like HTML, else plain text).
        title, outlet, url, published, sources: what the document says about itself
            (``published`` a date or ``YYYY-MM-DD``); each one given wins over the
            text's front matter or HTML metadata.

    Returns:
        The document, its front matter read and its prose masked.

    Raises:
        InputError: the front matter cannot be read, ``format`` is unknown, or
            ``published`` is not a plausible publication date.

    >>> doc = load_text("---\\ntitle: 'A'\\n---\\nSee `x = 5`.", format="md")
    >>> doc.title, doc.prose.split()
    ('A', ['See', '.'])
    >>> load_text("Up 5%.", outlet="Harbour Daily", published="2025-02-24").published
    datetime.date(2025, 2, 24)
    """
    if format is None:
        format = _format_of(path, text)
    elif format not in _FORMAT_NAMES:
        raise _fail(path, f"unknown format {format!r} (expected txt, md or html)")
    fence, body, body_line, skip = _find_front_matter(text, path)
    about = _About()
    if fence == "+++":
        about = _about(_parse_toml(body, path, body_line), path)
    elif fence == "---":
        about = _about(_parse_key_values(body, path, body_line), path)
    if format == "html":
        prose, meta = html_prose(text, skip=skip)
        about = about.or_else(_html_about(meta))
    else:
        prose = _prose(text, format, skip)
    given: _Raw = {
        "title": title,
        "outlet": outlet,
        "url": url,
        "published": published,
        "sources": list(sources) if sources is not None else None,
    }
    if any(v is not None for v in given.values()):
        about = _about({k: v for k, v in given.items() if v is not None}, path).or_else(
            about
        )
    return Document(
        path=path,
        text=text,
        prose=prose,
        format=format,
        title=about.title,
        outlet=about.outlet,
        url=about.url,
        published=about.published,
        sources=about.sources,
    )


def _prose(text: str, format: DocumentFormat, skip: int) -> str:
    if format == "md":
        return markdown_prose(text, skip=skip)
    if format == "html":
        return html_prose(text, skip=skip)[0]
    return plain_prose(text, skip=skip)


def with_prose(document: Document) -> Document:
    """A document built directly (``Document(path=..., text=..., format="md")``, its
    prose left as its text) with its prose masked as :func:`load_text` masks a
    file's: markup, front matter, code and URLs blanked, line endings read. A
    document whose prose was given is returned as it is.

    >>> doc = with_prose(Document(path="a.md", text="**Up 5%** `x = 9`", format="md"))
    >>> doc.prose.split()
    ['Up', '5%']
    """
    if document.prose is not document.text:
        return document
    try:
        skip = _find_front_matter(document.text, document.path)[3]
    except InputError:
        skip = 0  # an unclosed fence: the text is all there is
    return attrs.evolve(document, prose=_prose(document.text, document.format, skip))


# ---------------------------------------------------------------------------- files


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _fail(name, "is a folder, not a file (load_paths reads folders)")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(name, "not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            size = info.st_size / 2**20
            raise _fail(name, f"too large ({size:,.0f} MiB; the limit is 1 GiB)")
        with path.open("rb") as stream:
            return stream.read()
    except FileNotFoundError:
        raise _fail(name, "no such file") from None
    except PermissionError:
        raise _fail(name, "permission denied") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _fail(name, f"cannot read ({reason})") from None


def _decode(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _fail(name, "not UTF-8 text (it is UTF-16; save it as UTF-8)")
    nul = data.find(b"\0", 0, _SNIFF_BYTES)
    if nul >= 0:
        raise _fail(name, f"binary file (NUL byte at offset {nul})")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return str(memoryview(data)[skip:], "utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + skip
        line = data.count(b"\n", 0, offset) + 1
        reason = (
            f"not UTF-8 text (invalid byte 0x{data[offset]:02x} at offset {offset},"
            f" line {line})"
        )
        raise _fail(name, reason) from None


def load_stream(
    stream: BinaryIO, *, path: str = "-", format: DocumentFormat | None = None
) -> Document:
    """Read one article from a binary stream (standard input for ``-``).

    Args:
        stream: read to its end (at most 1 GiB).
        path: the name to report it under; its suffix picks the format.
        format: ``"txt"``, ``"md"`` or ``"html"`` (default: from ``path``, else HTML
            if the text starts like HTML, else plain text).

    Raises:
        InputError: too large, binary, not UTF-8, empty, or bad front matter.
    """
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _fail(path, f"cannot read ({error.strerror or error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _fail(path, "too large (the limit is 1 GiB)")
    text = _decode(data, path)
    if not text or text.isspace():
        raise _fail(path, "empty input")
    return load_text(text, path=path, format=format or _format_of(path, text))


def load_document(path: str | os.PathLike[str]) -> Document:
    """Read one article file.

    The format follows the suffix (``.md``/``.markdown``, ``.html``/``.htm``, else
    plain text). A UTF-8 byte-order mark is dropped before anything else, so offsets
    index the text after it.

    Args:
        path: the file; it is reported as given.

    Returns:
        The document.

    Raises:
        InputError: the file is missing, a folder, unreadable, binary (a NUL byte in
            its first 8 KiB), not UTF-8, empty or whitespace only, or its front
            matter is bad. The message names the file and the reason.
    """
    name = os.fspath(path)
    text = _decode(_read_bytes(Path(name), name), name)
    if not text or text.isspace():
        raise _fail(name, "empty file")
    return load_text(text, path=name, format=_format_of(name, text))


def _files_below(folder: Path, problems: list[Problem]) -> list[Path]:
    """Every document file below ``folder``, sorted; hidden entries are skipped."""

    def report(error: OSError) -> None:
        where = str(error.filename or folder)
        reason = f"cannot read folder ({error.strerror or error})"
        problems.append(Problem(path=where, message=reason))

    found: list[Path] = []
    for root, folders, files in os.walk(folder, onerror=report):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(
            Path(root) / name
            for name in files
            if not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES)
        )
    return sorted(found)


def load_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Document], list[Problem]]:
    """Read files and folders; what cannot be read becomes a :class:`Problem`.

    A folder stands for every ``.md``, ``.markdown``, ``.txt``, ``.html`` and ``.htm``
    file below it (recursively, sorted, hidden files and folders skipped); a file
    named explicitly is read whatever its suffix. A file reached twice is read once.

    Args:
        paths: files and folders, in the order to read them.
        progress: called as ``progress(done, total)`` after each file is read (the
            folders are listed first, so ``total`` is known).

    Returns:
        ``(documents, problems)``; each problem's message names the file and the
        reason, as :class:`~factcheck.errors.InputError` would.
    """
    names, problems = document_files(paths)
    documents: list[Document] = []
    for done, name in enumerate(names, start=1):
        try:
            documents.append(load_document(name))
        except InputError as error:
            problems.append(Problem(path=name, message=error.reason or str(error)))
        if progress is not None:
            progress(done, len(names))
    return documents, problems


def document_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[str], list[Problem]]:
    """The files :func:`load_paths` reads for ``paths``, in order, each once, and
    the folders it cannot list."""
    problems: list[Problem] = []
    names: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        if not os.fspath(given):
            problems.append(Problem(path="", message="an empty path was given"))
            continue
        path = Path(os.fspath(given))
        folder = path.is_dir()
        for file in _files_below(path, problems) if folder else [path]:
            try:
                key = file.resolve()
            except (OSError, RuntimeError):
                key = file
            if key in seen:
                continue
            seen.add(key)
            names.append(str(file) if folder else os.fspath(given))
    return names, problems
