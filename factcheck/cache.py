"""A content-addressed cache of the audit's work, kept between runs.

Two kinds of entry, each a file named by the SHA-256 of its key:

- an **extraction**: the claims of one document with their frames, keyed by the
  document as read (its text, format and metadata: the file's bytes decoded, the
  date ``--date`` gave it; not its path, so a moved file still hits), the project
  version, the installed code, the model's field layout and the cache format;
- a **report**: a whole audit's result, keyed by the content keys of every input and
  source (with their paths and roles), the configuration, the rate provider's
  identity and data file, the rule plugins installed, and the same version keys.

An entry is ``MAGIC`` + format byte + SHA-256 of the body + the body (zlib-compressed
JSON of the values, attrs classes tagged by name from a fixed table: nothing in an
entry is executed, whoever wrote it). An entry that is damaged, of another format or
another key (a hash collision, a foreign file) is ignored with a debug log line and
recomputed, never an error; a cache directory that cannot be written only costs
speed. Writes are atomic (a temporary file, then ``os.replace``).

The cache is bounded: when a store takes it past ``max_bytes``, the entries used
least recently (file modification time, renewed on every hit) are removed until it
is under :data:`EVICT_TO` of the bound.

>>> import tempfile, factcheck
>>> cache = Cache(tempfile.mkdtemp())
>>> doc = factcheck.load_text("Sales rose 13% to $31.7bn.", path="a.txt")
>>> cache.extraction(doc) is None
True
>>> stored = cache.store_extraction(factcheck.extract_document(doc))
>>> [c.text for c in cache.extraction(doc).claims], cache.stats()
(['13%', '$31.7bn'], (1, 1))
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import json
import logging
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from factcheck.config import DEFAULT_CACHE_MIB
from factcheck.model import (
    Claim,
    Document,
    DocumentInfo,
    Extraction,
    Finding,
    Frame,
    Location,
    Problem,
    Report,
    Span,
    Summary,
)

__all__ = [
    "CACHE_FORMAT",
    "DEFAULT_CACHE_MIB",
    "Cache",
    "default_cache_dir",
    "document_key",
]

log = logging.getLogger(__name__)

#: bump when the layout of an entry changes: entries of another format are ignored
CACHE_FORMAT: Final = 1
MAGIC: Final = b"FCAC"
#: after an eviction the cache holds at most this share of its bound, so a run that
#: stores many entries evicts a few times, not on every store
EVICT_TO: Final = 0.8

#: the attrs classes an entry may hold, by tag (the only classes ever built)
_CLASSES: Final[dict[str, type]] = {
    cls.__name__: cls
    for cls in (
        Claim,
        DocumentInfo,
        Finding,
        Frame,
        Location,
        Problem,
        Report,
        Span,
        Summary,
    )
}


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a block builds many objects
    that hold no reference cycles (JSON decoded, values rebuilt from it): each
    collection would walk every object the audit holds, for no garbage (a third
    of an edited re-audit's time at 1,000 articles). Nested uses are fine."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def default_cache_dir() -> Path | None:
    """The user cache directory's ``audit`` folder (``FACTCHECK_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/factcheck`` or ``~/.cache/factcheck``, the platform's folder
    on macOS and Windows), or None when ``FACTCHECK_CACHE_DIR`` is empty."""
    from factcheck.normalize.currency import user_cache_dir  # noqa: PLC0415

    root = user_cache_dir()
    return None if root is None else root / "audit"


@functools.cache
def _code_fingerprint() -> str:
    """The project version and the installed code (each module's name, size and
    modification time): an upgrade or an edited checkout never reads stale
    entries."""
    from factcheck import __version__  # noqa: PLC0415

    package = Path(__file__).resolve().parent
    h = hashlib.sha256(f"{__version__}|{CACHE_FORMAT}".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".so", ".pyd", ".toml", ".txt") and path.is_file():
            st = path.stat()
            h.update(
                f"{path.relative_to(package)}|{st.st_size}|{st.st_mtime_ns}".encode()
            )
    for name, cls in sorted(_CLASSES.items()):
        h.update(f"{name}:{','.join(f.name for f in attrs.fields(cls))}".encode())
    return h.hexdigest()


def document_key(document: Document) -> str:
    """The SHA-256 of a document as read, without its path: what its claims and
    frames depend on."""
    h = hashlib.sha256()
    for part in (
        document.format,
        document.title,
        document.outlet,
        document.url,
        document.published.isoformat() if document.published else None,
        "\x1f".join(document.sources),
        document.text,
    ):
        h.update(b"\x00" if part is None else b"\x01" + part.encode("utf-8", "replace"))
        h.update(b"\x1e")
    return h.hexdigest()


def _encode(value: object) -> object:
    """A JSON value for an entry: attrs classes as ``{"@": tag, "v": [fields]}``,
    mappings as ``{"m": [[key, value], ...]}``, dates as ``{"D": iso}``, tuples and
    lists as arrays."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.date):
        return {"D": value.isoformat()}
    if isinstance(value, Mapping):
        return {"m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    name = type(value).__name__
    if _CLASSES.get(name) is type(value):
        return {"@": name, "v": [_encode(getattr(value, f)) for f in _fields(name)]}
    msg = f"cannot cache a {name}"
    raise TypeError(msg)


def encode(value: object) -> object:
    """A value as JSON data the way an entry holds it (see :func:`decode`)."""
    return _encode(value)


def decode(value: object) -> object:
    """The value :func:`encode` gave JSON data for (only the model's classes
    named in the cache's fixed table are built)."""
    return _decode(value)


@functools.cache
def _fields(name: str) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(_CLASSES[name]) if f.init)


#: JSON values that decode as themselves (checked by exact type: the fast path of
#: :func:`_decode`, which reads hundreds of thousands of them per audit)
_PLAIN: Final = frozenset({str, int, float, bool, type(None)})


def _decode(value: object) -> object:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return tuple(
            [v if type(v) in _PLAIN else _decode(v) for v in value]  # type: ignore[attr-defined]
        )
    if kind is not dict:
        return value
    assert isinstance(value, dict)
    if "@" in value:
        name = value["@"]
        if not isinstance(name, str) or name not in _CLASSES:
            msg = f"unknown class {name!r}"
            raise ValueError(msg)
        names = _fields(name)
        values = value["v"]
        if not isinstance(values, list) or len(values) != len(names):
            msg = f"{name} with {len(values)} fields, expected {len(names)}"
            raise ValueError(msg)
        return _CLASSES[name](
            **{
                n: v if type(v) in _PLAIN else _decode(v)
                for n, v in zip(names, values, strict=True)
            }
        )
    if "D" in value:
        return dt.date.fromisoformat(value["D"])
    if "m" in value:
        return {_decode(k): _decode(v) for k, v in value["m"]}
    msg = f"unknown value {sorted(value)}"
    raise ValueError(msg)


@attrs.define
class Cache:
    """A cache directory of extractions and reports (see the module's doc).

    Args:
        directory: where entries live (created on the first store; default:
            :func:`default_cache_dir`).
        max_bytes: the size bound; least recently used entries are removed past it.
    """

    directory: Path = attrs.field(converter=Path)
    max_bytes: int = attrs.field(
        default=DEFAULT_CACHE_MIB * 2**20,
        validator=attrs.validators.ge(0),
        kw_only=True,
    )
    _hits: int = attrs.field(default=0, init=False)
    _misses: int = attrs.field(default=0, init=False)
    _size: int | None = attrs.field(default=None, init=False)

    @classmethod
    def default(cls, *, max_bytes: int = DEFAULT_CACHE_MIB * 2**20) -> Cache | None:
        """The cache in the user cache directory, or None when caching is off
        (``FACTCHECK_CACHE_DIR`` set empty)."""
        directory = default_cache_dir()
        return None if directory is None else cls(directory, max_bytes=max_bytes)

    def stats(self) -> tuple[int, int]:
        """(hits, misses) of this object's lookups so far."""
        return self._hits, self._misses

    # -- extractions ---------------------------------------------------------

    def _extraction_key(self, document: Document) -> str:
        return f"extraction|{_code_fingerprint()}|{document_key(document)}"

    def extraction(self, document: Document) -> Extraction | None:
        """The cached claims (with frames) of a document like this one, as an
        extraction of this document; None on a miss."""
        value = self._get(self._extraction_key(document))
        if not isinstance(value, tuple) or not all(isinstance(c, Claim) for c in value):
            return None
        return Extraction(document=document, claims=value)

    def store_extraction(self, extraction: Extraction) -> Extraction:
        """Keep an extraction's claims with their frames (read now if missing);
        returns the extraction with its frames."""
        if any(c.frame is None for c in extraction.claims):
            from factcheck.align import read_frames  # noqa: PLC0415

            extraction = read_frames(extraction)
        self._put(self._extraction_key(extraction.document), tuple(extraction.claims))
        return extraction

    # -- reports -------------------------------------------------------------

    def report_key(self, parts: Iterable[str]) -> str:
        """A report's key from the parts that decide it (see :func:`audit_key`)."""
        return "report|" + _code_fingerprint() + "|" + "|".join(parts)

    def report(self, key: str) -> Report | None:
        """The cached report for ``key``, or None."""
        value = self._get(key)
        return value if isinstance(value, Report) else None

    def store_report(self, key: str, report: Report) -> None:
        """Keep a report under ``key``."""
        self._put(key, report)

    def quick_report(self, key: str) -> Report | None:
        """The report a :func:`quick_key` leads to, if the files the audit's drafts
        list as their sources (front matter) are unchanged too."""
        value = self._get(key)
        if not isinstance(value, dict):
            return None
        listed = value.get("listed")
        if not isinstance(listed, tuple) or files_digest(listed) != value.get("digest"):
            return None
        target = value.get("report")
        return self.report(target) if isinstance(target, str) else None

    def store_quick(self, key: str, report_key: str, listed: Sequence[str]) -> None:
        """Lead ``key`` (a :func:`quick_key`) to the report under ``report_key``,
        checking the files drafts list as sources (``listed``) when it is used."""
        value = {"report": report_key, "listed": tuple(listed)}
        value["digest"] = files_digest(listed)
        self._put(key, value)

    # -- other entries -------------------------------------------------------

    def lookup(self, key: str, *, raw: bool = False) -> object:
        """The value :meth:`store` kept under ``key``, or None; ``raw``: as JSON
        data, nothing decoded."""
        return self._get(key, raw=raw)

    def store(self, key: str, value: object, *, raw: bool = False) -> None:
        """Keep ``value`` (JSON values, tuples, mappings, dates and the model's
        classes; ``raw``: JSON data, kept as it is) under ``key``."""
        self._put(key, value, raw=raw)

    # -- files ---------------------------------------------------------------

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()
        return self.directory / f"v{CACHE_FORMAT}" / digest[:2] / f"{digest}.bin"

    def _get(self, key: str, *, raw: bool = False) -> object:
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self._misses += 1
            return None
        try:
            with collector_paused():  # what an entry decodes to holds no cycles
                value = self._parse(blob, key, raw=raw)
        except (ValueError, TypeError, KeyError, zlib.error, RecursionError) as exc:
            log.debug("factcheck cache: ignored %s (%s)", path, exc)
            self._misses += 1
            return None
        self._hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        return value

    @staticmethod
    def _parse(blob: bytes, key: str, *, raw: bool = False) -> object:
        head = len(MAGIC) + 1
        if not blob.startswith(MAGIC) or blob[len(MAGIC)] != CACHE_FORMAT:
            msg = "not an entry of this cache format"
            raise ValueError(msg)
        digest, body = blob[head : head + 32], blob[head + 32 :]
        if hashlib.sha256(body).digest() != digest:
            msg = "its checksum does not match its contents"
            raise ValueError(msg)
        data = json.loads(zlib.decompress(body))
        if not isinstance(data, dict) or data.get("key") != key:
            msg = "an entry for another key"
            raise ValueError(msg)
        return data["value"] if raw else _decode(data["value"])

    def _put(self, key: str, value: object, *, raw: bool = False) -> None:
        from factcheck.normalize.currency import write_atomic  # noqa: PLC0415

        body = zlib.compress(
            json.dumps(
                {"key": key, "value": value if raw else _encode(value)},
                ensure_ascii=False,
                separators=(",", ":"),
            ).encode("utf-8", "surrogatepass"),
            level=1,
        )
        blob = MAGIC + bytes([CACHE_FORMAT]) + hashlib.sha256(body).digest() + body
        path = self._path(key)
        try:
            old = path.stat().st_size if path.exists() else 0
            write_atomic(path, blob)
        except OSError as exc:
            log.debug("factcheck cache: cannot write %s (%s)", path, exc)
            return
        if self._size is None:
            self._size = self.size()
        else:
            self._size += len(blob) - old
        if self._size > self.max_bytes:
            self.evict()

    def _entries(self) -> list[tuple[float, int, Path]]:
        """(last used, size, path) of every entry of this cache format."""
        out: list[tuple[float, int, Path]] = []
        root = self.directory / f"v{CACHE_FORMAT}"
        if not root.is_dir():
            return out
        for folder in root.iterdir():
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.suffix != ".bin":
                    continue
                try:
                    st = path.stat()
                except OSError:
                    continue
                out.append((st.st_mtime, st.st_size, path))
        return out

    def size(self) -> int:
        """Bytes held by the entries."""
        return sum(size for _, size, _ in self._entries())

    def evict(self, target: int | None = None) -> int:
        """Remove the least recently used entries until the cache holds at most
        ``target`` bytes (default: :data:`EVICT_TO` of the bound); returns how many
        were removed."""
        target = int(self.max_bytes * EVICT_TO) if target is None else target
        entries = sorted(self._entries(), key=lambda e: (e[0], str(e[2])))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in entries:
            if total <= target:
                break
            try:
                path.unlink()
            except OSError:
                continue
            total -= size
            removed += 1
        self._size = total
        return removed

    def clear(self) -> int:
        """Remove every entry (of any cache format); returns how many."""
        removed = 0
        if not self.directory.is_dir():
            return 0
        for folder in self.directory.glob("v*"):
            for path in sorted(folder.rglob("*"), reverse=True):
                try:
                    if path.is_dir():
                        path.rmdir()
                    else:
                        path.unlink()
                        removed += 1
                except OSError:
                    continue
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._size = 0
        return removed

    def info(self) -> tuple[int, int]:
        """(entries, bytes) held now."""
        entries = self._entries()
        return len(entries), sum(size for _, size, _ in entries)


def _rates_identity(config: object, provider: object | None) -> str | None:
    """The identity of the rates an audit reads: the provider given, else the one
    the configuration names; None when they may change between runs."""
    if provider is None:
        return _configured_identity(config)
    return provider_identity(provider)


def cached_audit_key(
    cache: Cache | None,
    given: Sequence[Document],
    *,
    sources: Sequence[Document],
    config: object,
    provider: object | None,
    problems: Sequence[Problem],
) -> str | None:
    """The key of an audit's report (see :func:`audit_key`), or None when there is
    no cache or the rates may change between runs (an online or unknown provider)."""
    if cache is None:
        return None
    identity = _rates_identity(config, provider)
    if identity is None:
        return None
    return audit_key(
        cache,
        inputs=[*(("input", d) for d in given), *(("source", d) for d in sources)],
        config=config,
        provider=identity,
        problems=problems,
    )


def files_digest(paths: Sequence[object]) -> str:
    """The SHA-256 of the files ``load_paths`` would read for ``paths``: their
    names, in order, and their bytes (or why they cannot be read)."""
    from factcheck.load import document_files  # noqa: PLC0415

    names, problems = document_files(paths)  # type: ignore[arg-type]
    h = hashlib.sha256()
    for name in names:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            h.update(f"{name}\x1f!{exc}\x1e".encode("utf-8", "replace"))
            continue
        h.update(f"{name}\x1f{hashlib.sha256(data).hexdigest()}\x1e".encode())
    for problem in problems:
        h.update(f"!{problem.path}\x1f{problem.message}\x1e".encode())
    return h.hexdigest()


def quick_key(
    cache: Cache | None,
    *,
    paths: Sequence[object],
    documents: Sequence[Document],
    source_paths: Sequence[object],
    source_documents: Sequence[Document],
    config: object,
    provider: object | None,
    default_date: dt.date | None,
) -> str | None:
    """The key an audit's report is found by before any file is parsed: the bytes
    of every file it reads (:func:`files_digest`), the documents given in memory,
    the configuration, the rate provider, the date given to undated documents and
    today's date. None when :func:`cached_audit_key` would be None."""
    if cache is None:
        return None
    identity = _rates_identity(config, provider)
    if identity is None:
        return None
    h = hashlib.sha256()
    for role, found in (("input", paths), ("source", source_paths)):
        h.update(f"{role}:{files_digest(found)}\x1e".encode())
    for role, docs in (("input", documents), ("source", source_documents)):
        for d in docs:
            h.update(f"{role}\x1f{d.path}\x1f{document_key(d)}\x1e".encode())
    # what reading decides by the day: a date more than a year ahead is refused
    today = dt.datetime.now(tz=dt.timezone.utc).date()
    h.update(f"{default_date}|{today}".encode())
    return audit_key(
        cache,
        inputs=(),
        config=config,
        provider=f"{identity}|{h.hexdigest()}",
        problems=(),
    ).replace("report|", "quick|", 1)


def _configured_identity(config: object) -> str | None:
    """:func:`provider_identity` of the provider chain a configuration names."""
    from factcheck.normalize import default_provider  # noqa: PLC0415

    parts = []
    for name in getattr(config, "providers", ("ecb",)):
        if name == "ecb":
            parts.append(provider_identity(default_provider()))
        elif name == "peg":
            parts.append(_pegs_identity())
        elif name.startswith("table:"):
            try:
                data = Path(name.removeprefix("table:")).read_bytes()
            except OSError:
                return None  # the audit reports it; nothing to key on
            parts.append(f"table:{hashlib.sha256(data).hexdigest()}")
        else:
            return None
    return None if None in parts else "+".join(p or "" for p in parts)


@functools.cache
def _plugins() -> str:
    """The rule plugins installed (entry point, target and distribution version)."""
    from importlib.metadata import entry_points  # noqa: PLC0415

    from factcheck.rules.registry import ENTRY_POINT_GROUP  # noqa: PLC0415

    found = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        found.append(f"{ep.name}={ep.value}@{getattr(dist, 'version', '')}")
    return ";".join(sorted(found))


def audit_key(
    cache: Cache,
    *,
    inputs: Sequence[tuple[str, Document]],
    config: object,
    provider: str,
    problems: Sequence[Problem],
) -> str:
    """The key of an audit's report: each document's role, path and content key in
    order, the problems met while reading, the configuration (every field), the
    rate provider's identity (:func:`provider_identity`) and the rule plugins."""
    h = hashlib.sha256()
    for role, document in inputs:
        h.update(f"{role}\x1f{document.path}\x1f{document_key(document)}\x1e".encode())
    for problem in problems:
        h.update(f"!{problem.path}\x1f{problem.message}\x1e".encode())
    return cache.report_key(
        (
            h.hexdigest(),
            _config_digest(config),
            provider,
            _plugins(),
        )
    )


def _config_digest(config: object) -> str:
    """The SHA-256 of a configuration's every field."""
    config_text = json.dumps(
        attrs.asdict(config, value_serializer=_plain)  # type: ignore[arg-type]
        if attrs.has(type(config))
        else repr(config),
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(config_text.encode()).hexdigest()


def index_key(
    cache: Cache | None,
    *,
    config: object,
    provider: object | None,
    arguments: Sequence[str],
) -> str | None:
    """The key of an audit's incremental index (:mod:`factcheck.incremental`): the
    configuration, the rate provider, the rule plugins, the code and the audit's
    arguments (so audits of two trees keep one index each); None when there is no
    cache or the rates may change between runs."""
    if cache is None:
        return None
    identity = _rates_identity(config, provider)
    if identity is None:
        return None
    h = hashlib.sha256()
    for argument in arguments:
        h.update(f"{argument}\x1e".encode("utf-8", "replace"))
    return "index|" + "|".join(
        (
            _code_fingerprint(),
            _config_digest(config),
            identity,
            _plugins(),
            h.hexdigest(),
        )
    )


def _plain(_instance: object, _field: object, value: object) -> object:
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    return value


def _pegs_identity() -> str:
    """The table of pegs a report's conversions used (it changes with a release)."""
    from factcheck.normalize.pegs import PEGS  # noqa: PLC0415

    return f"peg:{hashlib.sha256(repr(sorted(PEGS.items())).encode()).hexdigest()}"


def provider_identity(provider: object) -> str | None:
    """What a rate provider answers from, for a report's key: the ECB history's data
    file (path, size, time), a table's rows; None for one whose answers may change
    between runs (online) or that the cache does not know."""
    from factcheck.normalize.currency import ChainProvider  # noqa: PLC0415
    from factcheck.normalize.ecb import ECBProvider, data_file  # noqa: PLC0415
    from factcheck.normalize.pegs import PegProvider  # noqa: PLC0415
    from factcheck.normalize.table import TableProvider  # noqa: PLC0415

    if isinstance(provider, ChainProvider):
        parts = [provider_identity(p) for p in provider.providers]
        return None if None in parts else "+".join(p or "" for p in parts)
    if isinstance(provider, ECBProvider):
        path = (provider.path or data_file()).resolve()
        try:
            st = path.stat()
        except OSError:
            return None
        return f"ecb:{path}:{st.st_size}:{st.st_mtime_ns}"
    if isinstance(provider, PegProvider):
        cross = provider_identity(provider.cross)
        return None if cross is None else f"{_pegs_identity()}>{cross}"
    if isinstance(provider, TableProvider):
        rows = repr(provider.rows).encode()
        return f"table:{provider.max_age_days}:{hashlib.sha256(rows).hexdigest()}"
    return None
