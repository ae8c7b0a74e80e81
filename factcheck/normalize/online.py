"""The opt-in online provider: forex-python's rate service, with a timeout and a cache.

forex-python (``factcheck[online]``) asks ``{base_url}{YYYY-MM-DD}?base=XXX`` and reads
``{"base", "date", "rates": {...}}``. As shipped it has no timeout (a server that
accepts and never answers blocks it forever), raises ``requests`` exceptions, and drops
``date``, the day the server says the rates are for. So this module speaks the same
protocol itself, with ``urllib.request`` and a timeout, instead of calling
``forex_python.converter.CurrencyRates``: the three fixes need its request, its error
handling and its decoding replaced, which leaves nothing of it to wrap. forex-python
stays an optional dependency; its service URL is the default ``base_url``.

- every request has a timeout (connect and each read), and the first failure ends a
  window's requests, so a dead network costs one timeout, not fifteen;
- every failure is a :class:`~factcheck.errors.RateUnavailableError` naming the pair,
  the date and the reason (unreachable, timed out, HTTP status, malformed answer);
- the served date is the :class:`~factcheck.normalize.currency.Rate`'s ``rate_date``;
- answers for past days are cached on disk (one JSON file per base and day, written
  atomically, with a format version and a SHA-256 checksum: a damaged file is asked
  for again, with a warning) and in memory, so a second run needs no network;
- a service that cannot be reached (no network, refused, timed out) is said once per
  run, as a :class:`~factcheck.errors.FactcheckWarning`, and not asked again in that
  run; with a ``fallback`` (the offline ECB history when built by
  :func:`~factcheck.normalize.build_provider`) its answers come from there, marked
  ``"ecb, fallback for forex-python"`` in every rate's provenance.

No network call happens unless a user builds this provider (config or ``--online``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import http.client
import json
import math
import socket
import urllib.error
import urllib.parse
import urllib.request
import warnings
import zlib
from pathlib import Path
from typing import Literal

import attrs

from factcheck.errors import FactcheckWarning, RateUnavailableError
from factcheck.normalize.currency import (
    Rate,
    RateProvider,
    rate_unavailable,
    today_utc,
    user_cache_dir,
    write_atomic,
)

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_TIMEOUT", "OnlineProvider"]

#: forex-python 1.9's rate service (``CurrencyRates._source_url()``)
DEFAULT_BASE_URL = "https://theratesapi.com/api/"
#: seconds to wait for a connection and for each read
DEFAULT_TIMEOUT = 5.0
#: the largest answer read (a full rate table is about 1 KB)
_MAX_BYTES = 1 << 20
#: a served date further than this from the requested one is refused
_MAX_SERVED_GAP_DAYS = 7
_NAME = "forex-python"
#: the on-disk answer's format; 2 adds the checksum (older files are asked again)
_CACHE_FORMAT = 2

_Answer = tuple[dt.date, dict[str, float]]


def _check_url(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    parts = urllib.parse.urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        msg = f"the rate service URL must be http(s)://host/..., got {value!r}"
        raise ValueError(msg)


@attrs.frozen(eq=False)
class OnlineProvider:
    """Rates fetched from forex-python's service (or any server of the same shape).

    Args:
        base_url: the service root; a date and ``?base=XXX`` are appended.
        timeout: seconds for the connection and for each read.
        cache_dir: where answers are cached; ``"auto"`` is the user cache directory,
            None keeps them in memory only.
    """

    base_url: str = attrs.field(default=DEFAULT_BASE_URL, validator=_check_url)
    timeout: float = attrs.field(
        default=DEFAULT_TIMEOUT, validator=attrs.validators.gt(0)
    )
    cache_dir: Path | Literal["auto"] | None = "auto"
    #: where rates come from when the service cannot be reached (None: nowhere)
    fallback: RateProvider | None = None
    _memo: dict[tuple[str, dt.date], _Answer] = attrs.field(factory=dict, init=False)
    #: why the service was found out of reach in this run (empty while it answers)
    _down: list[str] = attrs.field(factory=list, init=False)

    @property
    def name(self) -> str:
        """``"forex-python"``."""
        return _NAME

    def currencies(self) -> frozenset[str]:
        """The codes seen in answers so far (the service's list needs a request);
        the fallback's once the service is out of reach."""
        seen = frozenset(code for _, rates in self._memo.values() for code in rates)
        if self._down and self.fallback is not None:
            return seen | self.fallback.currencies()
        return seen

    def latest(self) -> dt.date:
        """Today: the service has rates up to the last business day."""
        return today_utc()

    def _url(self, base: str, day: dt.date) -> str:
        root = self.base_url if self.base_url.endswith("/") else self.base_url + "/"
        query = urllib.parse.urlencode({"base": base, "rtype": "fpy"})
        return f"{root}{day.isoformat()}?{query}"

    def _cache_file(self, base: str, day: dt.date) -> Path | None:
        directory = user_cache_dir() if self.cache_dir == "auto" else self.cache_dir
        if directory is None:
            return None
        host = zlib.crc32(self.base_url.encode())
        return directory / "online" / f"{host:08x}-{base}-{day.isoformat()}.json"

    def _fetch(self, base: str, quote: str, day: dt.date) -> _Answer:
        """The served date and rate table for ``base`` on ``day``: memo, disk, network."""
        key = (base, day)
        if key in self._memo:
            return self._memo[key]
        cache = self._cache_file(base, day)
        answer, damage = _read_cached(cache) if cache else (None, None)
        if damage is not None:
            warnings.warn(
                f"{_NAME}: the cached answer {cache} was damaged ({damage}); "
                "asking the service again",
                FactcheckWarning,
                stacklevel=5,
            )
        if answer is None:
            answer = self._request(base, quote, day)
            if cache is not None and day < today_utc():  # past days' rates are final
                _write_cached(cache, self._url(base, day), base, day, answer)
        self._memo[key] = answer
        return answer

    def _request(self, base: str, quote: str, day: dt.date) -> _Answer:
        url = self._url(base, day)
        host = urllib.parse.urlsplit(url).netloc
        request = urllib.request.Request(
            url, headers={"User-Agent": "factcheck", "Accept": "application/json"}
        )

        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(_MAX_BYTES + 1)
        except urllib.error.HTTPError as exc:
            reason = f"{host} answered HTTP {exc.code} {exc.reason}"
            raise rate_unavailable(base, quote, day, reason, (_NAME,)) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                reason = f"{host} did not answer within {self.timeout:g} s"
            else:
                reason = f"cannot reach {host} ({exc.reason}); offline?"
            raise _ServiceDown(reason) from exc
        except TimeoutError as exc:
            reason = f"{host} did not answer within {self.timeout:g} s"
            raise _ServiceDown(reason) from exc
        except (OSError, http.client.HTTPException) as exc:
            reason = f"the connection to {host} failed ({exc})"
            raise _ServiceDown(reason) from exc
        try:
            if len(body) > _MAX_BYTES:
                msg = f"more than {_MAX_BYTES} bytes"
                raise ValueError(msg)  # noqa: TRY301  (one path for every bad answer)
            return _decode(body)
        except ValueError as exc:
            reason = f"{host} did not answer with a rate table ({exc})"
            raise rate_unavailable(base, quote, day, reason, (_NAME,)) from exc

    def _went_down(self, reason: str) -> None:
        """Note that the service is out of reach, and say so (once per run)."""
        if self._down:
            return
        self._down.append(reason)
        if self.fallback is not None:
            then = (
                f"rates for this run come from the offline {self.fallback.name} "
                f"history instead (marked '{self.fallback.name}, fallback for {_NAME}')"
            )
        else:
            then = "conversions that need it are not checked in this run"
        warnings.warn(f"{_NAME}: {reason}; {then}", FactcheckWarning, stacklevel=4)

    def _marked(self, rate: Rate) -> Rate:
        return attrs.evolve(rate, provider=f"{rate.provider}, fallback for {_NAME}")

    def _instead(self, base: str, quote: str, day: dt.date) -> Rate:
        """The fallback's rate, marked, once the service is out of reach."""
        reason = self._down[0]
        if self.fallback is None:
            raise rate_unavailable(base, quote, day, reason, (_NAME,))
        try:
            return self._marked(self.fallback.rate(base, quote, day))
        except RateUnavailableError as exc:
            why = f"{reason}; {self.fallback.name}: {exc.reason or exc.message}"
            tried = (_NAME, *(exc.tried or (self.fallback.name,)))
            raise rate_unavailable(base, quote, day, why, tried) from None

    def rate(self, base: str, quote: str, day: dt.date) -> Rate:
        """The service's rate for ``day`` (it answers weekends with the previous day);
        the fallback's, marked, when the service cannot be reached.

        Raises:
            RateUnavailableError: an error status, a malformed answer, no rate for
                ``quote``, a served date far from ``day``, or no network and no
                fallback (or none there either).
        """
        if day > today_utc():
            reason = "the date is in the future"
            raise rate_unavailable(base, quote, day, reason, (_NAME,))
        if self._down:
            return self._instead(base, quote, day)
        try:
            return self._online_rate(base, quote, day)
        except _ServiceDown as down:
            self._went_down(down.reason)
            return self._instead(base, quote, day)

    def _online_rate(self, base: str, quote: str, day: dt.date) -> Rate:
        served, rates = self._fetch(base, quote, day)
        if abs((served - day).days) > _MAX_SERVED_GAP_DAYS:
            reason = f"the service answered with rates for {served.isoformat()}"
            raise rate_unavailable(base, quote, day, reason, (_NAME,))
        value = 1.0 if base == quote else rates.get(quote)
        if value is None:
            reason = f"the service has no {quote} rate for base {base}"
            raise rate_unavailable(base, quote, day, reason, (_NAME,))
        return Rate(
            base=base,
            quote=quote,
            rate=value,
            rate_date=served,
            requested=day,
            provider=_NAME,
            note=f"served by {urllib.parse.urlsplit(self.base_url).netloc}",
        )

    def rates_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        """The rates of the business days within ``start..end`` (up to today); the
        fallback's, marked, when the service cannot be reached.

        Stops at the first other failure and returns what it has, so a failing
        service costs one request.
        """
        if self._down:
            return self._fallback_between(base, quote, start, end)
        found: dict[dt.date, Rate] = {}
        day, last = start, min(end, today_utc())
        while day <= last:
            if day.weekday() < 5:
                try:
                    rate = self._online_rate(base, quote, day)
                except _ServiceDown as down:
                    self._went_down(down.reason)
                    return self._fallback_between(base, quote, start, end)
                except RateUnavailableError:
                    break
                if start <= rate.rate_date <= end:
                    found[rate.rate_date] = attrs.evolve(rate, requested=rate.rate_date)
            day += dt.timedelta(days=1)
        return tuple(found[d] for d in sorted(found))

    def _fallback_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        if self.fallback is None:
            return ()
        try:
            found = self.fallback.rates_between(base, quote, start, end)
        except RateUnavailableError:
            return ()
        return tuple(self._marked(r) for r in found)


class _ServiceDown(Exception):
    """The service cannot be reached at all (not: it answered badly)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _decode(body: bytes) -> _Answer:
    """``(served date, rates)`` from the service's JSON; ValueError if malformed."""
    data = json.loads(body.decode("utf-8"))
    if not isinstance(data, dict):
        msg = "not a JSON object"
        raise ValueError(msg)  # noqa: TRY004  (a malformed answer, reported as such)
    rates, served = data.get("rates"), data.get("date")
    if not isinstance(rates, dict) or not isinstance(served, str):
        msg = "no 'rates' object or 'date'"
        raise ValueError(msg)  # noqa: TRY004  (a malformed answer, reported as such)
    table: dict[str, float] = {}
    for code, value in rates.items():
        number = float(value) if isinstance(value, int | float | str) else math.nan
        if isinstance(code, str) and math.isfinite(number) and number > 0:
            table[code.upper()] = number
    return dt.date.fromisoformat(served[:10]), table


def _checksum(payload: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _read_cached(path: Path) -> tuple[_Answer | None, str | None]:
    """The cached answer, or ``(None, why)`` when the file is damaged; ``(None,
    None)`` when it is missing or of an older format."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None, None
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            return None, "it is not a JSON object"
        if data.get("format") != _CACHE_FORMAT:
            return None, None  # written by an older factcheck: asked again quietly
        checksum = data.pop("checksum", None)
        if checksum != _checksum(data):
            return None, "its checksum does not match its contents"
        return _decode(raw), None
    except (ValueError, RecursionError) as exc:
        return None, f"it cannot be read ({type(exc).__name__})"


def _write_cached(
    path: Path, url: str, base: str, day: dt.date, answer: _Answer
) -> None:
    served, rates = answer
    payload: dict[str, object] = {
        "format": _CACHE_FORMAT,
        "url": url,
        "base": base,
        "requested": day.isoformat(),
        "date": served.isoformat(),
        "rates": rates,
    }
    payload["checksum"] = _checksum(payload)
    try:
        write_atomic(path, json.dumps(payload, sort_keys=True).encode())
    except OSError:
        return  # an unwritable cache only costs a request next time
