"""The past period a figure is about, when the figure is a flow over that period.

A year's revenue, a quarter's profit, a year's GDP: reporters and statisticians
convert such figures at the period's average rate (or its closing rate), not at the
rate of the day the story runs. :func:`flow_period` reads, from the sentence a figure
stands in, whether it is such a flow (a cue word from ``flow_cues.txt``) and which
period it covers ("in 2023", "2023 revenue", "fiscal 2023", "FY24", "last year", "the
third quarter", "for the year"), resolved against the publication date. A conversion
check may then accept any reference rate from that period
(:func:`factcheck.normalize.currency.period_rate_range`).

>>> import datetime as dt
>>> flow_period("Revenue for 2023 was 704.2 billion yuan.", dt.date(2024, 3, 28))
Period(start=datetime.date(2023, 1, 1), end=datetime.date(2023, 12, 31), text='for 2023')
>>> flow_period("The plant cost 7 billion yuan in 2023.", dt.date(2024, 3, 28)) is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources

import attrs
import regex

from factcheck.normalize.currency import (
    RateProvider,
    RateRange,
    rate_unavailable,
)

__all__ = ["FLOW_CUES_FILE", "Period", "flow_cues", "flow_period", "period_rate_range"]

#: the cue words that mark a flow, shipped beside this module
FLOW_CUES_FILE = "flow_cues.txt"


@attrs.frozen
class Period:
    """The days ``start..end`` a figure covers, and the words that said so."""

    start: dt.date
    end: dt.date
    text: str

    def describe(self) -> str:
        """``'for 2023' (2023-01-01..2023-12-31)``."""
        return f"{self.text!r} ({self.start.isoformat()}..{self.end.isoformat()})"


@functools.cache
def flow_cues() -> regex.Pattern[str]:
    """One pattern for every cue word of ``flow_cues.txt`` (read once)."""
    text = resources.files("factcheck.normalize").joinpath(FLOW_CUES_FILE)
    words = []
    for line in text.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(regex.escape(word).replace(r"\ ", r"[ \t\u00a0-]+"))
    words.sort(key=len, reverse=True)
    return regex.compile(rf"(?i:\b(?:{'|'.join(words)})\b)")


_YEAR = r"(?:19|20)\d{2}"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINAL |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}
_QUARTER = regex.compile(
    rf"(?i:\b(?P<n>first|second|third|fourth|final|1st|2nd|3rd|4th)[ \t-]+quarter"
    rf"(?:[ \t]+(?:of[ \t]+)?(?P<y>{_YEAR}))?\b"
    rf"|\bQ(?P<q>[1-4])(?:[ \t]*(?P<qy>{_YEAR})|[ \t]*'?(?P<qy2>\d{{2}})\b)?)"
)
_HALF = regex.compile(
    rf"(?i:\b(?P<n>first|second)[ \t-]+half(?:[ \t]+(?:of[ \t]+)?(?P<y>{_YEAR}))?\b"
    rf"|\bH(?P<h>[12])(?:[ \t]*(?P<hy>{_YEAR}))?\b)"
)
_FISCAL = regex.compile(
    rf"(?i:\b(?:fiscal(?:[ \t]+year)?|FY)[ \t]*'?(?P<y>{_YEAR}|\d{{2}})"
    rf"(?:[ \t]*[/-][ \t]*(?P<y2>{_YEAR}|\d{{2}}))?\b)"
)
_SPLIT_YEAR = regex.compile(rf"\b(?P<y>{_YEAR})[ \t]*[/-][ \t]*(?P<y2>\d{{2}})\b")
#: a calendar year named as the figure's period: "in 2023", "for 2023", "2023's",
#: "2023 revenue" (a cue word right after), "during/over/of 2023"
_YEAR_OF = regex.compile(
    rf"(?i:\b(?:in|for|during|over|of|throughout)[ \t]+(?:the[ \t]+year[ \t]+)?"
    rf"(?P<y>{_YEAR})\b)(?![ \t]*[/-][ \t]*\d)|\b(?P<y2>{_YEAR})(?:'s\b|[ \t]+(?=[a-z]))"
)
#: a month and its year: "in June 2017", "on June 27, 2017", "27 June 2017"
_MONTH_OF_YEAR = regex.compile(
    r"(?i:\b(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    rf"[ \t]+(?:\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+)?(?P<y>{_YEAR})\b)"
)
#: a span of months that ends with a named month: "the year to March 2024"
_SPAN_TO = regex.compile(
    r"(?i:\b(?P<s>year|(?:twelve|12|nine|9|six|6|three|3)[ \t]+months|quarter|half)"
    r"[ \t]+(?:to|ended|ending|through|until)[ \t]+$)"
)
_SPAN_MONTHS = {"year": 12, "quarter": 3, "half": 6}
_SPAN_MONTHS |= {"twelve": 12, "12": 12, "nine": 9, "9": 9, "six": 6, "6": 6}
_SPAN_MONTHS |= {"three": 3, "3": 3}
#: a month that bounds another period: "until June 2017", "since May 2020"
_BOUND_BEFORE = regex.compile(
    r"(?i:\b(?:to|until|till|through|since|from|before|after|by)[ \t]+$)"
)
_DAY = dt.timedelta(days=1)
#: a month's number by its name or abbreviation ("march", "mar": 3)
MONTH_NUMBER = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_LAST_YEAR = regex.compile(r"(?i:\b(?:last|previous|past)[ \t]+year\b)")
_THIS_YEAR = regex.compile(r"(?i:\bthis[ \t]+year\b)")
_WHOLE_YEAR = regex.compile(
    r"(?i:\b(?:for[ \t]+the[ \t]+(?:full[ \t]+)?year|annual|full[ \t-]+year|yearly"
    r"|the[ \t]+year[ \t]+to)\b)"
)


def _year(text: str, published: dt.date) -> int:
    """A four- or two-digit year ("24" is 2024, within the century of publication)."""
    number = int(text)
    if number >= 100:
        return number
    century = published.year // 100 * 100
    return century + number


def _quarter(year: int, n: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * n - 2, 1)
    end = dt.date(year + (n == 4), (3 * n) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def _latest_quarter(n: int, published: dt.date) -> tuple[dt.date, dt.date]:
    """The most recent quarter ``n`` that began before publication."""
    start, end = _quarter(published.year, n)
    if start >= published:
        start, end = _quarter(published.year - 1, n)
    return start, end


def _periods(sentence: str, published: dt.date) -> list[tuple[int, Period]]:
    """Every period the sentence names that began before publication, with where."""
    found: list[tuple[int, Period]] = []

    def add(start: dt.date, end: dt.date, m: regex.Match[str]) -> None:
        if start < published:  # a past (or running) period: rates up to publication
            period = Period(start, min(end, published), " ".join(m.group().split()))
            found.append((m.start(), period))

    for m in _QUARTER.finditer(sentence):
        n = _ORDINAL.get((m.group("n") or "").lower()) or int(m.group("q") or 0)
        y = m.group("y") or m.group("qy") or m.group("qy2")
        if y:
            add(*_quarter(_year(y, published), n), m)
        else:
            add(*_latest_quarter(n, published), m)
    for m in _HALF.finditer(sentence):
        n = 1 if (m.group("n") or "").lower() == "first" else 2
        n = int(m.group("h")) if m.group("h") else n
        y = m.group("y") or m.group("hy")
        year = _year(y, published) if y else published.year
        start = dt.date(year, 1 if n == 1 else 7, 1)
        if not y and start >= published:
            year -= 1
            start = dt.date(year, 1 if n == 1 else 7, 1)
        end = dt.date(year, 6, 30) if n == 1 else dt.date(year, 12, 31)
        add(start, end, m)
    for m in _FISCAL.finditer(sentence):
        # a fiscal year labelled Y ends anywhere from March Y (Japan, India's "FY23"
        # as 2022-23) to March Y+1 (India's "FY2023" as 2023-24): allow all of them
        y = _year(m.group("y"), published)
        if m.group("y2"):
            y2 = _year(m.group("y2"), published)
            add(dt.date(y, 4, 1), dt.date(max(y2, y + 1), 6, 30), m)
        else:
            add(dt.date(y - 1, 4, 1), dt.date(y + 1, 3, 31), m)
    for m in _SPLIT_YEAR.finditer(sentence):
        y = int(m.group("y"))
        if _year(m.group("y2"), published) == y + 1:  # "2023-24", "2023/24"
            add(dt.date(y, 4, 1), dt.date(y + 1, 6, 30), m)
    for m in _MONTH_OF_YEAR.finditer(sentence):
        # every name the pattern reads starts with its month's abbreviation
        y, month = int(m.group("y")), MONTH_NUMBER[m.group("m").lower()[:3]]
        span = _SPAN_TO.search(sentence, max(0, m.start() - 30), m.start())
        if span is not None:
            # "the year to March 2024", "the nine months ended September 2023":
            # the months up to the one named
            months = _SPAN_MONTHS[span.group("s").lower().split()[0]]
            first = (y * 12 + month - 1) - (months - 1)
            add(dt.date(first // 12, first % 12 + 1, 1), _month_end(y, month), m)
        elif not _BOUND_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            add(
                dt.date(y, month, 1), _month_end(y, month), m
            )  # "until June 2017": not it
    for m in _YEAR_OF.finditer(sentence):
        y = int(m.group("y") or m.group("y2"))
        add(dt.date(y, 1, 1), dt.date(y, 12, 31), m)
    for m in _LAST_YEAR.finditer(sentence):
        y = published.year - 1
        add(dt.date(y, 1, 1), dt.date(y, 12, 31), m)
    for m in _THIS_YEAR.finditer(sentence):
        add(dt.date(published.year, 1, 1), published, m)
    if not found:
        for m in _WHOLE_YEAR.finditer(sentence):
            # "annual revenue" without a year: the last full calendar year, or the
            # twelve months up to publication, whichever the report is about
            start = min(dt.date(published.year - 1, 1, 1), published - _YEAR_SPAN)
            add(start, published, m)
    return found


_YEAR_SPAN = dt.timedelta(days=366)


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    after = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return after - _DAY


def flow_period(sentence: str, published: dt.date | None) -> Period | None:
    """The past period a flow figure in ``sentence`` covers, or None.

    None when the sentence has no cue word for a flow (``flow_cues.txt``), names no
    period that began before ``published``, or there is no publication date. When a
    sentence names several periods ("2023 revenue, up from 2022"), the one named
    first wins.
    """
    if published is None or flow_cues().search(sentence) is None:
        return None
    return named_period(sentence, published)


def named_period(sentence: str, published: dt.date | None) -> Period | None:
    """The first past period ``sentence`` names ("in 2024", "for the year to
    March"), whatever the sentence says of it; None if it names none that began
    before ``published``, or there is no publication date."""
    if published is None:
        return None
    periods = _periods(sentence, published)
    if not periods:
        return None
    return min(periods, key=lambda found: found[0])[1]


#: a frame's time that names a calendar moment: "2017", "2017-06", "2019-03-20"
_MOMENT = regex.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")
#: the days either side of a dated moment whose rates it may have been converted
#: at (a weekend or holiday has no reference rate of its own)
MOMENT_DAYS = 3


def moment_period(time: str | None, published: dt.date | None) -> Period | None:
    """The days of a past moment a claim's frame dates it to ("2017-06": June 2017;
    "2019-03-20": that day, ``MOMENT_DAYS`` either side; "2023": the year), for an
    amount converted at that moment's rates as it was printed then; None for no
    time, another kind of time (a quarter, a fiscal year) or one not in the past.

    >>> moment_period("2017-06", dt.date(2018, 7, 18))
    Period(start=datetime.date(2017, 6, 1), end=datetime.date(2017, 6, 30), text='2017-06')
    >>> moment_period("2026", dt.date(2025, 2, 24)) is None
    True
    """
    m = _MOMENT.fullmatch(time or "")
    if m is None or published is None:
        return None
    y = int(m.group("y"))
    try:
        if m.group("d"):
            day = dt.date(y, int(m.group("m")), int(m.group("d")))
            start, end = (
                day - dt.timedelta(days=MOMENT_DAYS),
                day + dt.timedelta(days=MOMENT_DAYS),
            )
        elif m.group("m"):
            month = int(m.group("m"))
            start, end = dt.date(y, month, 1), _month_end(y, month)
        else:
            start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:  # a month or day the calendar does not have
        return None
    if start >= published:
        return None
    return Period(start=start, end=min(end, published), text=time or "")


_PeriodKey = tuple[RateProvider, str, str, dt.date, dt.date]


def period_rate_range(
    provider: RateProvider, base: str, quote: str, start: dt.date, end: dt.date
) -> RateRange:
    """Every rate of a period (a year, a quarter), for a figure that is a flow over
    it and may have been converted at any of them (the period's average lies
    between their lowest and highest). ``at`` is the rate of the period's last day.

    Raises:
        RateUnavailableError: the provider has no rate for the pair in the period.

    >>> from factcheck.normalize.currency import default_provider
    >>> r = period_rate_range(default_provider(), "USD", "CNY",
    ...                       dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    >>> round(r.low.rate, 2), round(r.high.rate, 2), len(r.rates) > 200
    (6.72, 7.34, True)
    """
    key: _PeriodKey = (provider, base, quote, start, end)
    try:
        hash(key)
    except TypeError:  # a user's provider that cannot be hashed: no memo
        return _period(key)
    return _cached_period(key)


def _period(key: _PeriodKey) -> RateRange:
    provider, base, quote, start, end = key
    found = provider.rates_between(base, quote, start, end)
    if not found:
        reason = (
            f"no {base}/{quote} rates from {start.isoformat()} to {end.isoformat()}"
        )
        raise rate_unavailable(base, quote, end, reason, (provider.name,))
    at = found[-1]
    same = tuple(r for r in found if r.provider == at.provider)
    return RateRange(
        base=base, quote=quote, requested=end, start=start, end=end, at=at, rates=same
    )


_cached_period = functools.lru_cache(maxsize=1024)(_period)
