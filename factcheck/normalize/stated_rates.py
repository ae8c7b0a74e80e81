"""Exchange rates an article states itself: "at Rs 70 to the dollar", "($1 = 0.8495
euros)", "at an exchange rate of 7.2 yuan per dollar".

A writer who converts at a rate they print has converted correctly if the figures fit
that rate, whatever the market said that day. :func:`stated_rates` reads such rates
from a document's prose and its money claims (the extractor has already read the
amounts and their currencies), with where each was stated, so that a conversion
check can use the document's own rate.

Three shapes, all common in wire copy:

- *per*: an amount of one currency, then "to the / per / a / for one" and another
  currency ("1,300 won per dollar", "83 rupees to a US dollar", "7.2 yuan per USD");
- *equals*: one unit of a currency, "=" or "equals", then the other amount ("$1 =
  83.2 rupees", "(1 USD = 1,367 won)", "1 dollar equals 7.1 yuan");
- *subject*: a currency named as the subject of its own bare price ("The naira
  traded at around 800 per dollar", "the rupee closed at 83.2 to the dollar").

A rate a plan assumes ("The budget assumes an exchange rate of 750 naira per
dollar") is marked ``assumed``: a conversion may fit it, but one that misses it is
not proven wrong by it alone.

>>> from factcheck import extract
>>> text = "Rs 4.62 lakh crore ($65.95 billion), at Rs 70 to the dollar."
>>> (rate,) = stated_rates(text, extract(text))
>>> rate.describe()
"70 INR per USD, stated as 'Rs 70 to the dollar' (line 1, column 41)"
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from factcheck.model import Claim, Interval, Span

__all__ = [
    "STATED_RATE_PRECISION_CAP",
    "StatedRate",
    "convert_at_stated",
    "fitting_rate",
    "rates_for",
    "stated_rates",
]

#: how loosely a stated rate is read: at its digits' precision, but never looser than
#: 2.5% ("Rs 70 to the dollar" is 68.25–71.75, not 65–75: the writer converted at the
#: rate they print), the same cap as for the anchor of a stated equivalent
STATED_RATE_PRECISION_CAP = 0.025
#: a rate is one unit's price in another: no stated rate runs to a million (the
#: weakest currencies quote tens of thousands per dollar); larger figures are amounts
_MAX_RATE = 1e6

_SP = r"[ \t\u00a0]"
#: after an amount: "to the dollar", "per US dollar", "a dollar", "per USD" (not "for
#: every dollar": "Rs 100 for every dollar invested" is a ratio of amounts, no rate)
_PER = regex.compile(
    rf"\G{_SP}*(?:to|per|a|an|against){_SP}+"
    rf"(?:(?:the|one|a|1){_SP}+)?"
    r"(?P<cur>(?:[A-Za-z][A-Za-z.]*\.?[ \t\u00a0]+)?[A-Za-z][A-Za-z.]*|US\$|\$|€|£|¥)"
)
#: between "one unit" and its price: "=", "equals", "is worth", "buys"
_EQUALS = regex.compile(rf"{_SP}*(?:=|equals|is{_SP}+worth|buys|is){_SP}*")
_CODE = regex.compile(r"[A-Z]{3}")
#: a currency named as the subject of its own price, then a bare number: "The naira
#: traded at around 800 per dollar", "the rupee closed at 83.2 to the dollar"
_CURRENCY_SUBJECT = regex.compile(
    rf"\b(?i:the){_SP}+(?P<cur>[a-z]+){_SP}+(?:[a-z]+{_SP}+){{1,3}}?"
    rf"(?:at|to|near|past|beyond){_SP}+"
    rf"(?:(?:around|about|roughly|nearly|almost|some|just|over|under|below|above){_SP}+)*$"
)
#: before a rate a plan assumes, not the one a conversion was made at: "The budget
#: assumes an exchange rate of 750 naira per dollar", "is based on a rate of"
_ASSUMED = regex.compile(
    r"\b(?i:assum\w*|benchmark\w*|based\s+on|projected|forecast\w*|budgeted)\b"
    r"[^.;:!?]{0,40}$"
)


@attrs.frozen(kw_only=True)
class StatedRate:
    """``rate`` units of ``quote`` per one ``base``, as the article states it.

    ``low``/``high`` bound the rate at the precision of its digits (capped at
    :data:`STATED_RATE_PRECISION_CAP`); ``span`` and ``text`` say where it stands.
    """

    base: str
    quote: str
    rate: float
    low: float
    high: float
    span: Span
    text: str
    #: a rate a plan assumes ("The budget assumes an exchange rate of 750 naira per
    #: dollar"): a conversion may be made at it, but one that misses it may have
    #: been made at the market's
    assumed: bool = False

    def factors(self, from_unit: str, to_unit: str) -> tuple[float, float] | None:
        """The lowest and highest multiplier that takes an amount in ``from_unit``
        into ``to_unit`` at this rate, or None if the rate is for another pair."""
        if (from_unit, to_unit) == (self.base, self.quote):
            return self.low, self.high
        if (from_unit, to_unit) == (self.quote, self.base):
            return 1.0 / self.high, 1.0 / self.low
        return None

    def describe(self) -> str:
        """The rate and where it was stated."""
        where = f"line {self.span.line}, column {self.span.column}"
        return (
            f"{self.rate:.6g} {self.quote} per {self.base}, stated as {self.text!r} "
            f"({where})"
        )


def _currency_code(word: str) -> str | None:
    """The ISO code of a currency named after "per"/"to the" ("dollar", "US dollar",
    "USD", "$"), or None."""
    from factcheck.extractor.lexicon import (  # noqa: PLC0415  (Babel, on first use)
        AMBIGUOUS_SYMBOLS,
        EXTRA_SYMBOLS,
        currency_lexicon,
    )

    if word in AMBIGUOUS_SYMBOLS:
        return AMBIGUOUS_SYMBOLS[word]
    if word in EXTRA_SYMBOLS:
        return EXTRA_SYMBOLS[word]
    lexicon = currency_lexicon()
    if _CODE.fullmatch(word):
        return word if word in lexicon.codes else None
    return lexicon.names.get(word.lower().rstrip("."))


def _per_word(prose: str, claim: Claim) -> tuple[str, int] | None:
    """The currency after "per"/"to the" following ``claim``, and where it ends."""
    m = _PER.match(prose, claim.span.end)
    if m is None:
        return None
    words = m.group("cur")
    # the longest reading first: "US dollar" before "US"; "dollar" from "dollar and"
    parts = words.split()
    for n in range(len(parts), 0, -1):
        phrase = " ".join(parts[:n])
        code = _currency_code(phrase)
        if code is not None:
            last = parts[n - 1]
            tail = last if _CODE.fullmatch(last) or len(last) < 2 else last.rstrip(".")
            end = m.start("cur") + words.index(last) + len(tail)
            return code, end
    return None


def _subject_currency(prose: str, claim: Claim) -> str | None:
    """The currency a bare number is the price of, named as its clause's subject
    ("The naira traded at around 800 per dollar"), or None."""
    if (
        claim.kind != "count"
        or claim.unit is not None
        or not 0 < claim.value < _MAX_RATE
    ):
        return None
    m = _CURRENCY_SUBJECT.search(prose, max(0, claim.span.start - 60), claim.span.start)
    return None if m is None else _currency_code(m.group("cur"))


def _rate(
    base: str,
    quote: str,
    price: Claim,
    *,
    start: int,
    end: int,
    prose: str,
    first: Claim,
) -> StatedRate:
    half = min(price.precision / 2, price.value * STATED_RATE_PRECISION_CAP)
    line, column = first.span.line, first.span.column
    span = Span(
        start,
        end,
        line=line,
        column=column,
        end_line=line,
        end_column=column + (end - start),
    )
    return StatedRate(
        base=base,
        quote=quote,
        rate=price.value,
        low=price.value - half,
        high=price.value + half,
        span=span,
        text=" ".join(prose[start:end].split()),
        assumed=_ASSUMED.search(prose, max(0, start - 60), start) is not None,
    )


def _is_price(claim: Claim) -> bool:
    return (
        claim.kind == "money"
        and claim.unit is not None
        and claim.qualifier in (None, "approx")
        and 0 < claim.value < _MAX_RATE
    )


def stated_rates(prose: str, claims: Sequence[Claim]) -> tuple[StatedRate, ...]:
    """Every exchange rate the text states, in order, with where it stands.

    Args:
        prose: the document's prose (``Document.prose``; offsets index it).
        claims: the document's claims, in order (``Extraction.claims``).
    """
    found: list[StatedRate] = []
    money = [c for c in claims if _is_price(c)]
    for claim in claims:
        subject = _subject_currency(prose, claim)
        per = None if subject is None else _per_word(prose, claim)
        if subject is not None and per is not None and per[0] != subject:
            found.append(
                _rate(
                    per[0],
                    subject,
                    claim,
                    start=claim.span.start,
                    end=per[1],
                    prose=prose,
                    first=claim,
                )
            )
    for i, claim in enumerate(money):
        unit = claim.unit or ""
        per = _per_word(prose, claim)
        if per is not None and per[0] != unit:
            base, end = per
            at = claim.span.start
            found.append(
                _rate(base, unit, claim, start=at, end=end, prose=prose, first=claim)
            )
            continue
        nxt = money[i + 1] if i + 1 < len(money) else None
        if (
            claim.value == 1
            and nxt is not None
            and nxt.unit != unit
            and _EQUALS.fullmatch(prose, claim.span.end, nxt.span.start) is not None
        ):
            found.append(
                _rate(
                    unit,
                    nxt.unit or "",
                    nxt,
                    start=claim.span.start,
                    end=nxt.span.end,
                    prose=prose,
                    first=claim,
                )
            )
    return tuple(found)


def convert_at_stated(
    source: Interval, rate: StatedRate, to_unit: str
) -> Interval | None:
    """``source`` (in its unit) at a stated rate, over the rate's precision; None if
    the rate is for another pair of currencies.

    >>> from factcheck.normalize.intervals import format_interval
    >>> r = StatedRate(base="USD", quote="INR", rate=70.0, low=69.5, high=70.5,
    ...                span=Span(0, 5), text="Rs 70 to the dollar")
    >>> print(format_interval(
    ...     convert_at_stated(Interval(4.615e12, 4.625e12, "INR"), r, "USD")))
    65.46–66.55 billion USD
    """
    factors = rate.factors(source.unit or "", to_unit)
    if factors is None:
        return None
    low, high = factors
    return Interval(
        None if source.low is None else source.low * low,
        None if source.high is None else source.high * high,
        to_unit,
    )


def fitting_rate(
    rates: Sequence[StatedRate], source: Interval, stated: Interval
) -> tuple[StatedRate, Interval] | None:
    """The first stated rate at which ``source`` converts into a range that
    ``stated`` (an equivalent, in its own unit) overlaps, and that range."""
    for rate in rates:
        expected = convert_at_stated(source, rate, stated.unit or "")
        if expected is not None and expected.overlaps(stated):
            return rate, expected
    return None


def rates_for(
    rates: Sequence[StatedRate], from_unit: str, to_unit: str
) -> tuple[StatedRate, ...]:
    """The stated rates between two currencies (either way round)."""
    return tuple(r for r in rates if r.factors(from_unit, to_unit) is not None)
