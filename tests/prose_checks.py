"""Checks shared by the loading and markup tests: the prose of a document keeps the
offsets of its text."""

from __future__ import annotations

from factcheck.model import Document


def words(doc: Document) -> str:
    """The prose with runs of whitespace collapsed, for readable assertions."""
    return " ".join(doc.prose.split())


def assert_prose_indexes_text(text: str, prose: str) -> None:
    """Same length, same line breaks, and every prose character is the text's own,
    a space, or the decoded start of a character reference."""
    assert len(prose) == len(text)
    for i, (p, t) in enumerate(zip(prose, text, strict=True)):
        if t in "\n\r" or p in "\n\r":
            assert p == t, f"line break changed at {i}"
        elif p not in (" ", t):
            assert t == "&", f"offset {i}: prose {p!r} vs text {t!r}"


def offset_in_prose(doc: Document, needle: str) -> int:
    """Where ``needle`` stands in the prose; it must stand there in the text too."""
    at = doc.prose.index(needle)
    assert doc.text[at : at + len(needle)] == needle
    return at
