"""Exchange rates at a date: the provider interface, provenance, chaining, windows.

A rate is always "units of ``quote`` per one ``base``" and carries where it came from
(:class:`Rate`: provider, the date it is actually for, cross currency). A
:class:`RateProvider` answers one rate at a date and every rate in a span of dates;
:class:`ChainProvider` asks several in order and records which one answered.
:func:`rate_range` gives the rates over the window around a publication date that a
conversion must allow, because writers convert on different days and at different
sources' rates (:class:`NormalizeOptions` holds the window and the tolerance).

Money never goes through pint: a rate lookup here costs microseconds and keeps the date.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

import attrs

from factcheck.errors import RateUnavailableError
from factcheck.model import DEFAULT_APPROX_TOLERANCE

__all__ = [
    "DEFAULT_TOLERANCE",
    "DEFAULT_UNDATED_WINDOW_DAYS",
    "DEFAULT_WINDOW_DAYS",
    "ChainProvider",
    "NormalizeOptions",
    "Rate",
    "RateProvider",
    "RateRange",
    "check_currency_code",
    "default_provider",
    "iso_currency_codes",
    "rate_range",
    "rate_unavailable",
    "suggest_currency",
    "today_utc",
    "user_cache_dir",
    "write_atomic",
]

#: calendar days each side of the publication date whose rates a conversion allows.
#: ±7 days is one business week each way: it holds CNY/USD's 0.54 % move over
#: 2025-02-17..03-03 around the Alibaba pledge (2025-02-24), while keeping a year's
#: drift (several percent) out.
DEFAULT_WINDOW_DAYS = 7
#: relative slack on top of the window's rate range. Central banks' reference rates
#: for one day differ from the ECB's by 0.03–0.19 %; 0.5 % holds that with room for
#: market data vendors' rates, and stays 50 times smaller than the errors the rules
#: exist for (the "$38 billion" conversion is 27 % off).
DEFAULT_TOLERANCE = 0.005
#: an undated document converts over the rates of this many days up to today (or up
#: to the end of the rate history, if that is earlier), and says that it did.
DEFAULT_UNDATED_WINDOW_DAYS = 30

RatePrecision = Literal["daily", "monthly"]


def _check_code(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not (
        len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()
    ):
        msg = f"{attribute.name} must be a three-letter ISO 4217 code, got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Rate:
    """One exchange rate and its provenance: ``rate`` units of ``quote`` per ``base``.

    ``requested`` is the day asked for and ``rate_date`` the day the rate is for (the
    nearest earlier business day on a weekend or holiday); ``via`` names the currency
    a cross rate went through ("EUR" for the ECB's non-euro pairs).

    >>> r = Rate(base="USD", quote="CNY", rate=7.25, rate_date=dt.date(2025, 2, 21),
    ...          requested=dt.date(2025, 2, 22), provider="ecb", via="EUR")
    >>> r.describe()
    '1 USD = 7.25 CNY (ecb, rate of 2025-02-21 for 2025-02-22, cross via EUR)'
    >>> r.inverse().rate == 1 / 7.25
    True
    """

    base: str = attrs.field(validator=_check_code)
    quote: str = attrs.field(validator=_check_code)
    rate: float = attrs.field()
    rate_date: dt.date
    requested: dt.date
    provider: str
    via: str | None = None
    precision: RatePrecision = "daily"
    note: str | None = None

    @rate.validator
    def _check_rate(self, _attribute: attrs.Attribute[float], value: float) -> None:
        if not value > 0 or value == float("inf"):
            msg = f"a rate must be positive and finite, got {value!r}"
            raise ValueError(msg)

    def inverse(self) -> Rate:
        """The same rate read the other way (``quote`` per ``base`` swapped)."""
        return attrs.evolve(
            self, base=self.quote, quote=self.base, rate=1.0 / self.rate
        )

    def describe(self) -> str:
        """One line: the rate, its provider, date and cross currency."""
        when = f"rate of {self.rate_date.isoformat()}"
        if self.rate_date != self.requested:
            when += f" for {self.requested.isoformat()}"
        parts = [self.provider, when]
        if self.via:
            parts.append(f"cross via {self.via}")
        if self.precision != "daily":
            parts.append(f"{self.precision} rate")
        if self.note:
            parts.append(self.note)
        rate = f"1 {self.base} = {_format_rate(self.rate)} {self.quote}"
        return f"{rate} ({', '.join(parts)})"

    def to_dict(self) -> dict[str, object]:
        """The JSON contract's rate object: base, quote, rate, rate_date, provider."""
        return {
            "base": self.base,
            "quote": self.quote,
            "rate": self.rate,
            "rate_date": self.rate_date.isoformat(),
            "provider": self.provider,
        }


def _format_rate(rate: float) -> str:
    return f"{rate:.6g}"


@attrs.frozen(kw_only=True)
class RateRange:
    """The rates a conversion on ``requested`` allows: ``at`` the date, and the window.

    ``rates`` are every rate of one provider dated within ``start``..``end`` (``at``
    among them); ``low``/``high`` are their extremes. ``dated`` is False when the
    document had no publication date and ``requested`` is today (or the history's end).
    """

    base: str
    quote: str
    requested: dt.date
    start: dt.date
    end: dt.date
    at: Rate
    rates: tuple[Rate, ...]
    dated: bool = True

    @property
    def low(self) -> Rate:
        """The lowest rate in the window."""
        return min(self.rates, key=lambda r: r.rate)

    @property
    def high(self) -> Rate:
        """The highest rate in the window."""
        return max(self.rates, key=lambda r: r.rate)

    @property
    def provider(self) -> str:
        """The provider that answered."""
        return self.at.provider

    @property
    def spread(self) -> float:
        """``high / low - 1``: how much the rate moved within the window."""
        return self.high.rate / self.low.rate - 1.0

    def inverse(self) -> RateRange:
        """The same range read the other way."""
        return attrs.evolve(
            self,
            base=self.quote,
            quote=self.base,
            at=self.at.inverse(),
            rates=tuple(r.inverse() for r in self.rates),
        )

    def describe(self) -> str:
        """One line: the range, its days and provider (read the way it is above 1)."""
        view = self if self.at.rate >= 1 else self.inverse()
        days = f"{self.start.isoformat()}..{self.end.isoformat()}"
        how = "" if self.dated else ", undated document: recent rates"
        if self.at.note and self.provider.startswith("peg"):
            how += f"; {self.at.note}"  # a fixed rate names who fixes it
        return (
            f"{_format_rate(view.low.rate)}–{_format_rate(view.high.rate)} "
            f"{view.quote} per {view.base} over {days} "
            f"({len(self.rates)} {self.provider} rates{how})"
        )


@runtime_checkable
class RateProvider(Protocol):
    """Where exchange rates come from. Implementations: ``ecb``, ``table``, online.

    Every answer is a :class:`Rate` with provenance. A provider that cannot answer
    raises :class:`~factcheck.errors.RateUnavailableError` naming the currency, the
    date and itself in ``tried``.
    """

    @property
    def name(self) -> str:
        """The name recorded in provenance ("ecb", "table", "forex-python")."""
        ...

    def rate(self, base: str, quote: str, day: dt.date) -> Rate:
        """Units of ``quote`` per ``base`` for ``day`` (or its nearest earlier day)."""
        ...

    def rates_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        """Every rate dated within ``start..end``; empty (not an error) if none."""
        ...

    def currencies(self) -> frozenset[str]:
        """The codes the provider can ever quote."""
        ...

    def latest(self) -> dt.date:
        """The last day the provider has rates for."""
        ...


def _as_providers(providers: Iterable[RateProvider]) -> tuple[RateProvider, ...]:
    return tuple(providers)


@attrs.frozen
class ChainProvider:
    """Ask providers in order (e.g. a user table, then the ECB); the first answer wins.

    The answer's ``provider`` field names the member that gave it; when none can, the
    error lists every member tried.
    """

    providers: tuple[RateProvider, ...] = attrs.field(converter=_as_providers)

    @providers.validator
    def _check_providers(
        self,
        _attribute: attrs.Attribute[tuple[RateProvider, ...]],
        value: tuple[RateProvider, ...],
    ) -> None:
        if not value:
            msg = "a provider chain needs at least one provider"
            raise ValueError(msg)

    @property
    def name(self) -> str:
        """The members' names joined by "+"."""
        return "+".join(p.name for p in self.providers)

    def rate(self, base: str, quote: str, day: dt.date) -> Rate:
        """The first member's answer; when none can, an error with every reason."""
        reasons: list[str] = []
        tried: list[str] = []
        for provider in self.providers:
            try:
                return provider.rate(base, quote, day)
            except RateUnavailableError as exc:
                reasons.append(f"{provider.name}: {exc.reason or exc.message}")
                tried.extend(exc.tried or (provider.name,))
        raise rate_unavailable(base, quote, day, "; ".join(reasons), tuple(tried))

    def rates_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        """The first member's non-empty answer."""
        for provider in self.providers:
            try:
                found = provider.rates_between(base, quote, start, end)
            except RateUnavailableError:
                continue
            if found:
                return found
        return ()

    def currencies(self) -> frozenset[str]:
        """Every code some member can quote."""
        return frozenset().union(*(p.currencies() for p in self.providers))

    def latest(self) -> dt.date:
        """The latest day any member has."""
        return max(p.latest() for p in self.providers)


def rate_unavailable(
    base: str, quote: str, day: dt.date, reason: str, tried: tuple[str, ...]
) -> RateUnavailableError:
    """The error for a pair no provider could price, in one sentence.

    >>> err = rate_unavailable("RUB", "USD", dt.date(2025, 2, 24),
    ...                        "ECB quotes for RUB end on 2022-03-01", ("ecb",))
    >>> print(err)  # doctest: +NORMALIZE_WHITESPACE
    no rate for RUB/USD on 2025-02-24: ECB quotes for RUB end on 2022-03-01
    (providers tried: ecb)
    """
    msg = (
        f"no rate for {base}/{quote} on {day.isoformat()}: {reason} "
        f"(providers tried: {', '.join(tried)})"
    )
    return RateUnavailableError(
        msg, base=base, quote=quote, day=day.isoformat(), tried=tried, reason=reason
    )


@attrs.frozen(kw_only=True)
class NormalizeOptions:
    """How normalization converts: rate window, tolerances, canonical currency.

    Attributes:
        window_days: calendar days each side of the publication date whose rates a
            currency conversion allows (see :data:`DEFAULT_WINDOW_DAYS`).
        tolerance: relative slack added to a currency conversion beyond the window's
            rate range (see :data:`DEFAULT_TOLERANCE`).
        undated_window_days: for a document without a date, the days of rates up to
            today (or the history's end) that a conversion allows.
        canonical_currency: money claims are also expressed in this currency.
        approx_tolerance: relative widening for "about" when a claim carries no bounds.
        unit_tolerance: relative slack on unit conversions (float rounding only).
        today: the date taken as today for undated documents (None: the UTC clock).

    >>> NormalizeOptions().window_days, NormalizeOptions().tolerance
    (7, 0.005)
    """

    window_days: int = attrs.field(
        default=DEFAULT_WINDOW_DAYS, validator=attrs.validators.ge(0)
    )
    tolerance: float = attrs.field(
        default=DEFAULT_TOLERANCE,
        validator=[attrs.validators.ge(0.0), attrs.validators.lt(1.0)],
    )
    undated_window_days: int = attrs.field(
        default=DEFAULT_UNDATED_WINDOW_DAYS, validator=attrs.validators.ge(0)
    )
    canonical_currency: str = attrs.field(default="USD", validator=_check_code)
    approx_tolerance: float = attrs.field(
        default=DEFAULT_APPROX_TOLERANCE,
        validator=[attrs.validators.ge(0.0), attrs.validators.lt(1.0)],
    )
    unit_tolerance: float = attrs.field(
        default=0.0, validator=[attrs.validators.ge(0.0), attrs.validators.lt(1.0)]
    )
    today: dt.date | None = None


def today_utc() -> dt.date:
    """Today's date in UTC."""
    return dt.datetime.now(tz=dt.timezone.utc).date()


def rate_range(
    provider: RateProvider,
    base: str,
    quote: str,
    day: dt.date | None,
    *,
    options: NormalizeOptions | None = None,
) -> RateRange:
    """The rates a conversion from ``base`` to ``quote`` on ``day`` allows.

    With a date: the rate for ``day`` (which must lie in the provider's history) and
    every rate of the same provider within ``day ± window_days``. Without one: the
    rates of the ``undated_window_days`` up to today, or up to the provider's last
    day if the history ends earlier; the result says ``dated=False``.

    Raises:
        RateUnavailableError: no provider has the pair at the date.
    """
    options = options or NormalizeOptions()
    if base == quote:
        center = day or min(options.today or today_utc(), provider.latest())
        one = Rate(
            base=base,
            quote=quote,
            rate=1.0,
            rate_date=center,
            requested=center,
            provider="identity",
        )
        return RateRange(
            base=base,
            quote=quote,
            requested=center,
            start=center,
            end=center,
            at=one,
            rates=(one,),
            dated=day is not None,
        )
    if day is None:
        center = min(options.today or today_utc(), provider.latest())
        start, end = _shifted(center, -options.undated_window_days), center
    else:
        center = day
        start = _shifted(day, -options.window_days)
        end = _shifted(day, options.window_days)
    key: _WindowKey = (provider, base, quote, center, start, end, day is not None)
    try:
        hash(key)
    except TypeError:  # a user's provider that cannot be hashed: no memo
        return _window(key)
    return _cached_window(key)


def _shifted(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held inside the calendar: a window around
    9999-12-31, or ``--window 99999999``, would otherwise leave it."""
    ordinal = min(max(day.toordinal() + days, 1), dt.date.max.toordinal())
    return dt.date.fromordinal(ordinal)


_WindowKey = tuple[RateProvider, str, str, dt.date, dt.date, dt.date, bool]


def _window(key: _WindowKey) -> RateRange:
    provider, base, quote, center, start, end, dated = key
    at = provider.rate(base, quote, center)
    found = provider.rates_between(base, quote, start, end)
    same = {r.rate_date: r for r in found if r.provider == at.provider}
    same.setdefault(at.rate_date, at)
    rates = tuple(same[d] for d in sorted(same))
    return RateRange(
        base=base,
        quote=quote,
        requested=center,
        start=start,
        end=end,
        at=at,
        rates=rates,
        dated=dated,
    )


#: a document's claims share a date and a few pairs: their windows are computed once
_cached_window = functools.lru_cache(maxsize=4096)(_window)


@functools.cache
def default_provider() -> RateProvider:
    """The process-wide default: the embedded ECB history (offline, loaded lazily)."""
    from factcheck.normalize.ecb import ECBProvider  # noqa: PLC0415  (lazy)

    return ECBProvider()


@functools.cache
def iso_currency_codes() -> frozenset[str]:
    """Every ISO 4217 code babel knows (loaded on first use, for error messages)."""
    from babel.numbers import list_currencies  # noqa: PLC0415  (error path only)

    return frozenset(list_currencies())


#: the currencies a "did you mean" prefers when several codes are equally close
_COMMON = frozenset({
    "USD", "EUR", "CNY", "JPY", "GBP", "HKD", "INR", "KRW", "AUD", "CAD",
    "CHF", "SGD", "TWD", "BRL", "RUB", "MXN", "ZAR", "SEK", "NOK",
})  # fmt: skip


def suggest_currency(code: str, known: frozenset[str]) -> str | None:
    """The known code nearest to ``code``: longest shared prefix, then similarity,
    then a common currency.

    >>> suggest_currency("USB", frozenset({"USD", "USN", "UZS"}))
    'USD'
    """
    import difflib  # noqa: PLC0415  (error path only)

    upper = code.strip().upper()

    def score(candidate: str) -> tuple[int, float, bool]:
        shared = next(
            (
                i
                for i, (x, y) in enumerate(zip(upper, candidate, strict=False))
                if x != y
            ),
            min(len(upper), len(candidate)),
        )
        ratio = difflib.SequenceMatcher(None, upper, candidate).ratio()
        return (shared, ratio, candidate in _COMMON)

    best = max(sorted(known), key=score, default=None)
    if best is None or score(best)[1] < 0.5:
        return None
    return best


def check_currency_code(code: str, provider: RateProvider | None = None) -> str:
    """``code`` upper-cased if it is an ISO 4217 currency code, else an error.

    Raises:
        RateUnavailableError: not a currency code; suggests the nearest one.

    >>> check_currency_code("usd")
    'USD'
    >>> check_currency_code("USB")
    Traceback (most recent call last):
    ...
    factcheck.errors.RateUnavailableError: unknown currency 'USB' (did you mean USD?)
    """
    upper = code.strip().upper()
    if provider is not None and upper in provider.currencies():
        return upper
    known = iso_currency_codes() | (provider.currencies() if provider else frozenset())
    if upper in known:
        return upper
    nearest = suggest_currency(upper, known)
    hint = f" (did you mean {nearest}?)" if nearest else ""
    msg = f"unknown currency {code!r}{hint}"
    raise RateUnavailableError(msg, base=code, reason=msg)


def user_cache_dir() -> Path | None:
    """Where factcheck caches parsed rate history and online answers, or None.

    ``FACTCHECK_CACHE_DIR`` overrides the platform's user cache directory; set it to
    an empty string to turn caching off.
    """
    override = os.environ.get("FACTCHECK_CACHE_DIR")
    if override is not None:
        return Path(override) if override.strip() else None
    if sys.platform == "win32":
        root = os.environ.get("LOCALAPPDATA")
        return Path(root) / "factcheck" / "Cache" if root else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "factcheck"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "factcheck"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: readers see the old file or the new, never half.

    Raises:
        OSError: the directory cannot be made or written.
    """
    import tempfile  # noqa: PLC0415  (3.5 ms; only when a cache is written)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def coerce_chain(providers: Sequence[RateProvider]) -> RateProvider:
    """One provider for a sequence: itself if there is one, else a chain."""
    if len(providers) == 1:
        return providers[0]
    return ChainProvider(tuple(providers))
