"""Checks shared by the loading and markup tests: the prose of a document keeps the
offsets of its text."""

from __future__ import annotations

from factcheck.model import Document


def words(doc: Document) -> str:
    """The prose with runs of whitespace collapsed, for readable assertions."""
    return " ".join(doc.prose.split())


def _line_feeds(text: str) -> str:
    """Where the prose must have line feeds: every LF and lone CR of the text, and
    the LF of each CRLF (its CR reads as a space)."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def assert_prose_indexes_text(text: str, prose: str) -> None:
    """Same length, a line feed exactly where the text breaks a line (in any ending)
    and no carriage return, and every other prose character is the text's own, a
    space, or the decoded start of a character reference."""
    assert len(prose) == len(text)
    assert "\r" not in prose
    for i, (p, t) in enumerate(zip(prose, _line_feeds(text), strict=True)):
        if t == "\n" or p == "\n":
            assert p == t, f"line break changed at {i}"
        elif p not in (" ", t):
            assert text[i] == "&", f"offset {i}: prose {p!r} vs text {text[i]!r}"


def offset_in_prose(doc: Document, needle: str) -> int:
    """Where ``needle`` stands in the prose; it must stand there in the text too."""
    at = doc.prose.index(needle)
    assert doc.text[at : at + len(needle)] == needle
    return at
