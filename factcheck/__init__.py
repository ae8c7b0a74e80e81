"""factcheck: audit the numbers in news text.

The public API is small and cheap to import: heavy parts (pint's registry, the rate
history) load on first use, never at import.

>>> from factcheck import extract
>>> [(c.kind, c.value, c.unit) for c in extract("It pledged 380 billion yuan.")]
[('money', 380000000000.0, 'CNY')]
"""

from __future__ import annotations

import functools as _functools
import typing as _typing

from factcheck.errors import ConfigError, FactcheckError, InputError
from factcheck.model import (
    Claim,
    Document,
    Extraction,
    Finding,
    Interval,
    Location,
    Problem,
    Report,
    Span,
    Summary,
)

if _typing.TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Sequence
    from os import PathLike

    from factcheck.auditor import Auditor
    from factcheck.cache import Cache
    from factcheck.config import Config
    from factcheck.model import DocumentFormat

__version__ = "0.1.0"

__all__ = [
    "Auditor",
    "Cache",
    "Claim",
    "Config",
    "ConfigError",
    "Document",
    "Extraction",
    "FactcheckError",
    "Finding",
    "InputError",
    "Interval",
    "Location",
    "Problem",
    "Report",
    "Span",
    "Summary",
    "__version__",
    "audit",
    "extract",
    "extract_document",
    "load_document",
    "load_paths",
    "load_text",
]


def __getattr__(name: str) -> object:
    if name == "Config":  # lazy: the configuration module is not needed to extract
        from factcheck.config import Config  # noqa: PLC0415

        return Config
    if name == "Auditor":  # lazy: the whole pipeline
        from factcheck.auditor import Auditor  # noqa: PLC0415

        return Auditor
    if name == "Cache":
        from factcheck.cache import Cache  # noqa: PLC0415

        return Cache
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def extract(text: str) -> Sequence[Claim]:
    """Every numeric claim in ``text``, in order of appearance (a sequence that reads
    like a tuple and keeps the claims compactly; each is built when read).

    >>> [c.text for c in extract("Sales rose 13% to $31.7bn.")]
    ['13%', '$31.7bn']

    A blank line is a paragraph break in any line ending (``\\r\\n``, ``\\r``).
    """
    if "\r" in text:  # read line endings as a loaded file's prose does
        from factcheck.markup import line_feeds  # noqa: PLC0415

        document = Document(path="<text>", text=text, prose=line_feeds(text))
        return extract_document(document).claims
    return _extract_claims()(text)


@_functools.cache
def _extract_claims() -> Callable[[str], Sequence[Claim]]:
    """The extractor, imported on first use (an import statement in :func:`extract`
    would cost as much as reading a short paragraph, on every call)."""
    from factcheck.extractor import extract_claims  # noqa: PLC0415  (cheap import)

    return extract_claims


def extract_document(document: Document) -> Extraction:
    """The claims of a :class:`Document` (prose only; offsets index its text).

    A document built directly, its prose left as its text, is masked first as a
    file of its format would be (Markdown and HTML markup, front matter, code and
    URLs are not prose):

    >>> doc = Document(path="a.md", text="Up **5%** (`x = 9`).", format="md")
    >>> [c.text for c in extract_document(doc).claims]
    ['5%']
    """
    from factcheck.extractor import extract_document as _extract  # noqa: PLC0415
    from factcheck.load import with_prose  # noqa: PLC0415

    return _extract(with_prose(document))


def load_document(path: str | PathLike[str]) -> Document:
    """Read one article file (``.txt``, ``.md``, ``.html``); raises ``InputError``.

    (Not named ``load``: that is the module ``factcheck.load``, which would shadow a
    function of the same name once imported.)
    """
    from factcheck.load import load_document as _load  # noqa: PLC0415

    return _load(path)


def load_text(
    text: str,
    *,
    format: DocumentFormat | None = None,
    path: str = "<text>",
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | str | None = None,
    sources: Sequence[str] | None = None,
) -> Document:
    """A :class:`Document` from text in memory, read as a file of ``format`` would be
    (front matter, prose mask, HTML metadata); the keywords override what the text
    says about itself. Raises ``InputError`` for bad front matter or a bad date.

    >>> doc = load_text("Up **13%**.", format="md", outlet="Harbour Daily",
    ...                 published="2025-02-24")
    >>> doc.outlet, doc.published.isoformat(), [c.text for c in
    ...     extract_document(doc).claims]
    ('Harbour Daily', '2025-02-24', ['13%'])
    """
    from factcheck.load import load_text as _load_text  # noqa: PLC0415

    return _load_text(
        text,
        path=path,
        format=format,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        sources=sources,
    )


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
    cache: Cache | None = None,
    jobs: int = 1,
) -> Report:
    """Audit articles against each other (drafts against ``sources``) and report what
    cannot all be true, each finding with its arithmetic and evidence.

    ``cache=factcheck.Cache(folder)`` keeps extractions and reports between runs
    (off by default; the report is the same either way). ``jobs``: worker
    processes (default 1: a library call starts none unasked); the report is the
    same for any number. See :func:`factcheck.pipeline.audit` for every option, and
    :func:`factcheck.engine.dask.audit_on_dask` for the same audit on a Dask
    cluster.
    """
    from factcheck.pipeline import audit as _audit  # noqa: PLC0415  (the heavy part)

    return _audit(inputs, sources=sources, config=config, cache=cache, jobs=jobs)
