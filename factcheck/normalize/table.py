"""A user's own rate table (CSV or TOML): for currencies and dates the ECB lacks, or
for a newsroom's house rates.

Each row is ``date, base, quote, rate`` (``rate`` units of ``quote`` per ``base``),
optionally ``precision`` (``daily``, the default, or ``monthly``). A row answers for
its pair (and, inverted, for the reverse pair) from its date until the next row, for at
most ``max_age_days`` days. CSV needs a header row; TOML is an array of tables::

    [[rate]]
    date = 2025-02-24
    base = "USD"
    quote = "TWD"
    rate = 32.79

Put it before the ECB in a chain (:func:`factcheck.normalize.build_provider`) and the
provenance of every rate says whether the table or the ECB gave it.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import io
import math
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import cast

import attrs

from factcheck.errors import ConfigError
from factcheck.normalize.currency import Rate, RatePrecision, rate_unavailable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["DEFAULT_MAX_AGE_DAYS", "TableProvider", "TableRow"]

#: how long a row answers after its date: a month covers monthly house rates
DEFAULT_MAX_AGE_DAYS = 31
_FIELDS = ("date", "base", "quote", "rate")


def _as_rows(rows: Iterable[TableRow]) -> tuple[TableRow, ...]:
    return tuple(rows)


@attrs.frozen(kw_only=True)
class TableRow:
    """One row of a rate table, with where it came from (``path:line``)."""

    date: dt.date
    base: str
    quote: str
    rate: float
    precision: RatePrecision = "daily"
    origin: str = ""


@attrs.frozen(eq=False)
class TableProvider:
    """Rates from a user's table. Build one with :meth:`from_path` or :meth:`from_rows`.

    >>> table = TableProvider.from_rows([
    ...     TableRow(date=dt.date(2025, 2, 24), base="USD", quote="TWD", rate=32.79)])
    >>> table.rate("TWD", "USD", dt.date(2025, 2, 25)).describe()
    '1 TWD = 0.0304971 USD (table, rate of 2025-02-24 for 2025-02-25)'
    """

    rows: tuple[TableRow, ...] = attrs.field(converter=_as_rows)
    source: str = "<rows>"
    max_age_days: int = attrs.field(
        default=DEFAULT_MAX_AGE_DAYS, validator=attrs.validators.ge(0)
    )
    _index: Mapping[tuple[str, str], tuple[list[int], list[TableRow]]] = attrs.field(
        init=False
    )

    @_index.default
    def _build_index(
        self,
    ) -> Mapping[tuple[str, str], tuple[list[int], list[TableRow]]]:
        grouped: dict[tuple[str, str], list[TableRow]] = {}
        for row in self.rows:
            grouped.setdefault((row.base, row.quote), []).append(row)
        index: dict[tuple[str, str], tuple[list[int], list[TableRow]]] = {}
        for pair, rows in grouped.items():
            rows.sort(key=lambda r: r.date)
            index[pair] = ([r.date.toordinal() for r in rows], rows)
        return index

    @property
    def name(self) -> str:
        """``"table"``."""
        return "table"

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[TableRow],
        *,
        source: str = "<rows>",
        max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    ) -> TableProvider:
        """A table of rows built in code."""
        return cls(tuple(rows), source, max_age_days)

    @classmethod
    def from_path(
        cls, path: str | Path, *, max_age_days: int = DEFAULT_MAX_AGE_DAYS
    ) -> TableProvider:
        """Read a ``.csv`` or ``.toml`` table.

        Raises:
            ConfigError: the file cannot be read, or a row is malformed; the message
                names the file and the line or entry.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            msg = f"cannot read the rate table: {exc}"
            raise ConfigError(msg, path=str(path)) from exc
        suffix = path.suffix.lower()
        if suffix == ".toml":
            rows = _read_toml(text, str(path))
        elif suffix in (".csv", ".txt"):
            rows = _read_csv(text, str(path))
        else:
            msg = f"a rate table must be .csv or .toml, not {suffix or 'no suffix'!r}"
            raise ConfigError(msg, path=str(path))
        return cls(tuple(rows), str(path), max_age_days)

    def currencies(self) -> frozenset[str]:
        """Every code in the table."""
        return frozenset(code for pair in self._index for code in pair)

    def latest(self) -> dt.date:
        """The date of the newest row."""
        return max((r.date for r in self.rows), default=dt.date.min)

    def _candidates(self, base: str, quote: str, day: dt.date) -> list[Rate]:
        found: list[Rate] = []
        for pair, inverse in (((base, quote), False), ((quote, base), True)):
            if pair not in self._index:
                continue
            ordinals, rows = self._index[pair]
            at = bisect.bisect_right(ordinals, day.toordinal()) - 1
            if at >= 0 and (day - rows[at].date).days <= self.max_age_days:
                found.append(self._make(rows[at], inverse, day))
        return found

    def _make(self, row: TableRow, inverse: bool, day: dt.date) -> Rate:
        rate = Rate(
            base=row.base,
            quote=row.quote,
            rate=row.rate,
            rate_date=row.date,
            requested=day,
            provider=self.name,
            precision=row.precision,
            note=row.origin or None,
        )
        return rate.inverse() if inverse else rate

    def rate(self, base: str, quote: str, day: dt.date) -> Rate:
        """The newest row for the pair (or its reverse) at or before ``day``.

        Raises:
            RateUnavailableError: no row within ``max_age_days`` before ``day``.
        """
        found = self._candidates(base, quote, day)
        if not found:
            reason = (
                f"{self.source} has no {base}/{quote} row "
                f"in the {self.max_age_days} days up to it"
            )
            raise rate_unavailable(base, quote, day, reason, (self.name,))
        return max(found, key=lambda r: r.rate_date)  # direct pair wins a tie

    def rates_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        """Every row dated within ``start..end`` for the pair or its reverse."""
        found: dict[dt.date, Rate] = {}
        for pair, inverse in (((quote, base), True), ((base, quote), False)):
            if pair not in self._index:
                continue
            ordinals, rows = self._index[pair]
            low = bisect.bisect_left(ordinals, start.toordinal())
            high = bisect.bisect_right(ordinals, end.toordinal())
            for row in rows[low:high]:
                found[row.date] = self._make(row, inverse, row.date)
        return tuple(found[d] for d in sorted(found))


def _row(fields: Mapping[str, object], origin: str, path: str) -> TableRow:
    missing = [name for name in _FIELDS if fields.get(name) in (None, "")]
    if missing:
        msg = f"missing {', '.join(missing)}"
        raise ConfigError(msg, path=path, key=origin)
    raw_date = fields["date"]
    try:
        if isinstance(raw_date, dt.datetime):
            day = raw_date.date()
        elif isinstance(raw_date, dt.date):
            day = raw_date
        else:
            day = dt.date.fromisoformat(str(raw_date).strip())
    except ValueError as exc:
        msg = f"date {raw_date!r} is not YYYY-MM-DD"
        raise ConfigError(msg, path=path, key=origin) from exc
    codes = []
    for name in ("base", "quote"):
        code = str(fields[name]).strip().upper()
        if not (len(code) == 3 and code.isascii() and code.isalpha()):
            msg = f"{name} {fields[name]!r} is not a three-letter currency code"
            raise ConfigError(msg, path=path, key=origin)
        codes.append(code)
    raw_rate = fields["rate"]
    try:
        if isinstance(raw_rate, bool):
            raise TypeError  # noqa: TRY301  (one message for every bad rate)
        rate = float(cast("str | float", raw_rate))
    except (TypeError, ValueError):
        rate = math.nan
    if not (math.isfinite(rate) and rate > 0):
        msg = f"rate {raw_rate!r} is not a positive number"
        raise ConfigError(msg, path=path, key=origin)
    precision = str(fields.get("precision") or "daily").strip().lower()
    if precision not in ("daily", "monthly"):
        msg = f"precision {precision!r} must be daily or monthly"
        raise ConfigError(msg, path=path, key=origin)
    if codes[0] == codes[1]:
        msg = f"base and quote are both {codes[0]}"
        raise ConfigError(msg, path=path, key=origin)
    return TableRow(
        date=day,
        base=codes[0],
        quote=codes[1],
        rate=rate,
        precision=cast("RatePrecision", precision),
        origin=f"{path}:{origin}",
    )


def _read_csv(text: str, path: str) -> list[TableRow]:
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or ()]
    if not set(_FIELDS) <= set(header):
        msg = f"the header must name {', '.join(_FIELDS)}; it has {', '.join(header)}"
        raise ConfigError(msg, path=path, key="line 1")
    reader.fieldnames = header
    rows = []
    for record in reader:
        if not any((value or "").strip() for value in record.values() if value):
            continue  # blank line
        rows.append(_row(record, f"line {reader.line_num}", path))
    return rows


def _read_toml(text: str, path: str) -> list[TableRow]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"not valid TOML: {exc}"
        raise ConfigError(msg, path=path) from exc
    entries = data.get("rate", data.get("rates"))
    if not isinstance(entries, list):
        msg = "expected an array of tables [[rate]] with date, base, quote, rate"
        raise ConfigError(msg, path=path)
    rows = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            msg = "each [[rate]] must be a table"
            raise ConfigError(msg, path=path, key=f"rate {number}")
        rows.append(_row(entry, f"rate {number}", path))
    return rows
