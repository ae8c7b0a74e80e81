"""factcheck: audit the numbers in news text.

The public API is small and cheap to import: heavy parts (pint's registry, the rate
history) load on first use, never at import.

>>> from factcheck import extract
>>> [(c.kind, c.value, c.unit) for c in extract("It pledged 380 billion yuan.")]
[('money', 380000000000.0, 'CNY')]
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from factcheck.model import (
    Claim,
    Document,
    Extraction,
    Interval,
    Problem,
    Span,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from os import PathLike

    from factcheck.config import Config
    from factcheck.model import Report

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Document",
    "Extraction",
    "Interval",
    "Problem",
    "Span",
    "__version__",
    "audit",
    "extract",
    "extract_document",
    "load_document",
    "load_paths",
]


def extract(text: str) -> Sequence[Claim]:
    """Every numeric claim in ``text``, in order of appearance (a sequence that reads
    like a tuple and keeps the claims compactly; each is built when read).

    >>> [c.text for c in extract("Sales rose 13% to $31.7bn.")]
    ['13%', '$31.7bn']
    """
    return _extract_claims()(text)


@functools.cache
def _extract_claims() -> Callable[[str], Sequence[Claim]]:
    """The extractor, imported on first use (an import statement in :func:`extract`
    would cost as much as reading a short paragraph, on every call)."""
    from factcheck.extractor import extract_claims  # noqa: PLC0415  (cheap import)

    return extract_claims


def extract_document(document: Document) -> Extraction:
    """The claims of a loaded :class:`Document` (prose only; offsets index its text)."""
    from factcheck.extractor import extract_document as _extract  # noqa: PLC0415

    return _extract(document)


def load_document(path: str | PathLike[str]) -> Document:
    """Read one article file (``.txt``, ``.md``, ``.html``); raises ``InputError``.

    (Not named ``load``: that is the module ``factcheck.load``, which would shadow a
    function of the same name once imported.)
    """
    from factcheck.load import load_document as _load  # noqa: PLC0415

    return _load(path)


def load_paths(
    paths: Iterable[str | PathLike[str]],
) -> tuple[list[Document], list[Problem]]:
    """Read files and directories (recursively); unreadable inputs become Problems."""
    from factcheck.load import load_paths as _load_paths  # noqa: PLC0415

    return _load_paths(paths)


def audit(
    inputs: Iterable[Document | str | PathLike[str]],
    *,
    sources: Iterable[Document | str | PathLike[str]] = (),
    config: Config | None = None,
) -> Report:
    """Audit articles against each other (drafts against ``sources``) and report what
    cannot all be true, each finding with its arithmetic and evidence.

    See :func:`factcheck.pipeline.audit` for every option.
    """
    from factcheck.pipeline import audit as _audit  # noqa: PLC0415  (the heavy part)

    return _audit(inputs, sources=sources, config=config)
