"""Benchmark text: the seed news texts and the dev corpus, or the project's fixtures.

Shared by the benchmark scripts in this folder. Paths are relative to the repository
root (this file's parent's parent), never to the current directory:

- ``../shared/seeds/*.txt``: page scrapes, mostly one paragraph per line;
- ``../shared/corpus/dev/*/*.md``: articles, front matter stripped, paragraphs
  separated by blank lines;
- when ``../shared`` is absent: ``fixtures/**/*.md`` and ``*.txt`` (not ``fixtures/bad``).

Sizes are UTF-8 bytes; a MB is 10**6 bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
FIXTURES = REPO_ROOT / "fixtures"

_BLANK_LINE = regex.compile(r"\n[ \t]*\n")
_FENCES = ("+++", "---")
#: longer lines than this are not hard-wrapped prose
_WRAPPED_LINE = 200


@dataclass(frozen=True)
class Source:
    """One article body (front matter stripped) and where it came from."""

    path: Path
    body: str

    @property
    def paragraphs(self) -> list[str]:
        """Blank-line separated blocks; a block with a line longer than a wrapped line
        (a page scrape, one paragraph per line) is split at every line break."""
        out: list[str] = []
        for block in _BLANK_LINE.split(self.body):
            lines = block.split("\n")
            if any(len(line) > _WRAPPED_LINE for line in lines):
                out.extend(line.strip() for line in lines)
            else:
                out.append(block.strip())
        return [p for p in out if p]


def strip_front_matter(text: str) -> str:
    """The text after a ``+++`` (TOML) or ``---`` (key: value) front matter block."""
    for fence in _FENCES:
        if text.startswith((fence + "\n", fence + "\r\n")):
            end = text.find("\n" + fence, len(fence))
            if end >= 0:
                after = text.find("\n", end + 1 + len(fence))
                return "" if after < 0 else text[after + 1 :]
    return text


def _read(path: Path) -> Source:
    return Source(path, strip_front_matter(path.read_text(encoding="utf-8")))


def load_sources() -> tuple[list[Source], str]:
    """The benchmark articles and a one-line description of where they came from."""
    if SHARED.is_dir():
        paths = sorted((SHARED / "seeds").glob("*.txt"))
        paths += sorted((SHARED / "corpus" / "dev").glob("*/*.md"))
        if paths:
            label = "../shared/seeds/*.txt + ../shared/corpus/dev/*/*.md"
            return [_read(p) for p in paths], label
    paths = sorted(
        p
        for p in FIXTURES.rglob("*")
        if p.suffix in {".md", ".txt"}
        and p.name != "README.md"
        and "bad" not in p.relative_to(FIXTURES).parts
    )
    sources = []
    for p in paths:
        try:
            sources.append(_read(p))
        except (OSError, UnicodeDecodeError):
            continue
    return sources, "fixtures/**/*.md|txt (../shared not found)"


def utf8_size(texts: Sequence[str]) -> int:
    """Total UTF-8 bytes of ``texts``."""
    return sum(len(t.encode("utf-8")) for t in texts)


def _cycle(items: Sequence[str]) -> Iterator[str]:
    if not items:
        msg = "no benchmark text found"
        raise ValueError(msg)
    while True:
        yield from items


def repeat_to(items: Sequence[str], target_bytes: int) -> list[str]:
    """``items`` cycled in order until their total size reaches ``target_bytes``."""
    out: list[str] = []
    total = 0
    for item in _cycle(items):
        if total >= target_bytes:
            break
        out.append(item)
        total += len(item.encode("utf-8"))
    return out


def joined_to(items: Sequence[str], target_bytes: int) -> str:
    """One text of whole ``items`` (blank-line joined) of about ``target_bytes``."""
    return "\n\n".join(repeat_to(items, target_bytes))
