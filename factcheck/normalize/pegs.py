"""Fixed exchange rates: currencies their central banks peg to the dollar or the euro,
which the ECB does not quote (the Saudi riyal, the UAE dirham, the CFA francs), and
the euro's legacy currencies at their fixed euro rates from the day they were fixed.

"32 riyals ($8.53)" is checkable: the Saudi Central Bank has held the riyal at 3.75 to
the dollar since 1986. A pair with the anchor is the peg itself; any other pair is
crossed through the anchor at the rates of the provider this one wraps (the ECB's
euro per dollar for "riyals in euros"), and the provenance says both::

    1 SAR = 0.24037 EUR (peg+ecb, rate of 2019-12-05, cross via USD, SAR pegged at
    3.75 per USD since 1986-06-01 by the Saudi Central Bank)

Only hard pegs are listed, each with its authority and the day it began: a managed
band (the Hong Kong dollar's 7.75-7.85, which the ECB quotes anyway) is a market rate,
not a peg. Before a peg's first day the currency has no rate here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from factcheck.errors import RateUnavailableError
from factcheck.normalize.currency import Rate, RateProvider, rate_unavailable

__all__ = ["PEGS", "Peg", "PegProvider"]

_NAME = "peg"


@attrs.frozen(kw_only=True)
class Peg:
    """``rate`` units of the currency per one ``anchor``, from ``since``, set by
    ``authority``."""

    anchor: str
    rate: float
    since: dt.date
    authority: str

    def describe(self, code: str) -> str:
        """ "SAR pegged at 3.75 per USD since 1986-06-01 by the Saudi Central Bank"."""
        return (
            f"{code} pegged at {self.rate:g} per {self.anchor} since "
            f"{self.since.isoformat()} by {self.authority}"
        )


#: the euro's legacy currencies: denominations of the euro at the rates the Council
#: of the EU fixed irrevocably (Regulation 2866/98; Greece's in Regulation
#: 1478/2000), as (code, units per euro, the day fixed, name). "500 million marks"
#: in 2000 is checkable, one in 1997 is not (before the fixing the mark floated).
_LEGACY: tuple[tuple[str, float, dt.date, str], ...] = (
    ("DEM", 1.95583, dt.date(1999, 1, 1), "Deutsche Mark"),
    ("FRF", 6.55957, dt.date(1999, 1, 1), "French franc"),
    ("ITL", 1936.27, dt.date(1999, 1, 1), "Italian lira"),
    ("ESP", 166.386, dt.date(1999, 1, 1), "Spanish peseta"),
    ("NLG", 2.20371, dt.date(1999, 1, 1), "Dutch guilder"),
    ("BEF", 40.3399, dt.date(1999, 1, 1), "Belgian franc"),
    ("LUF", 40.3399, dt.date(1999, 1, 1), "Luxembourg franc"),
    ("ATS", 13.7603, dt.date(1999, 1, 1), "Austrian schilling"),
    ("PTE", 200.482, dt.date(1999, 1, 1), "Portuguese escudo"),
    ("FIM", 5.94573, dt.date(1999, 1, 1), "Finnish markka"),
    ("IEP", 0.787564, dt.date(1999, 1, 1), "Irish pound"),
    ("GRD", 340.75, dt.date(2001, 1, 1), "Greek drachma"),
)

#: hard pegs of currencies the ECB reference rates do not include
PEGS: Mapping[str, Peg] = {
    "SAR": Peg(
        anchor="USD",
        rate=3.75,
        since=dt.date(1986, 6, 1),
        authority="the Saudi Central Bank",
    ),
    "AED": Peg(
        anchor="USD",
        rate=3.6725,
        since=dt.date(1997, 11, 1),
        authority="the Central Bank of the UAE",
    ),
    "QAR": Peg(
        anchor="USD",
        rate=3.64,
        since=dt.date(2001, 7, 9),
        authority="the Qatar Central Bank",
    ),
    "OMR": Peg(
        anchor="USD",
        rate=0.3845,
        since=dt.date(1986, 1, 1),
        authority="the Central Bank of Oman",
    ),
    "BHD": Peg(
        anchor="USD",
        rate=0.376,
        since=dt.date(2001, 12, 1),
        authority="the Central Bank of Bahrain",
    ),
    "JOD": Peg(
        anchor="USD",
        rate=0.709,
        since=dt.date(1995, 10, 23),
        authority="the Central Bank of Jordan",
    ),
    "XOF": Peg(
        anchor="EUR",
        rate=655.957,
        since=dt.date(1999, 1, 1),
        authority="the BCEAO (West African CFA franc)",
    ),
    "XAF": Peg(
        anchor="EUR",
        rate=655.957,
        since=dt.date(1999, 1, 1),
        authority="the BEAC (Central African CFA franc)",
    ),
    "BAM": Peg(
        anchor="EUR",
        rate=1.95583,
        since=dt.date(1999, 1, 1),
        authority="the Central Bank of Bosnia and Herzegovina",
    ),
    "PAB": Peg(
        anchor="USD",
        rate=1.0,
        since=dt.date(1904, 6, 28),
        authority="Panama's monetary law (par with the dollar)",
    ),
    **{
        code: Peg(
            anchor="EUR",
            rate=rate,
            since=since,
            authority=f"the Council of the EU (the {name}'s fixed euro rate)",
        )
        for code, rate, since, name in _LEGACY
    },
}


@attrs.frozen
class PegProvider:
    """Rates of pegged currencies; other pairs are crossed through the anchor at
    ``cross``'s rates (the ECB's, by default in a chain).

    >>> from factcheck.normalize.ecb import ECBProvider
    >>> pegs = PegProvider(ECBProvider())
    >>> r = pegs.rate("SAR", "USD", dt.date(2019, 12, 5))
    >>> round(r.rate, 6), r.provider
    (0.266667, 'peg')
    >>> r = pegs.rate("SAR", "EUR", dt.date(2019, 12, 5))
    >>> round(r.rate, 4), r.provider, r.via
    (0.2404, 'peg+ecb', 'USD')
    """

    cross: RateProvider

    @property
    def name(self) -> str:
        """``"peg"``."""
        return _NAME

    def currencies(self) -> frozenset[str]:
        """The pegged codes and their anchors."""
        return frozenset(PEGS) | {p.anchor for p in PEGS.values()}

    def latest(self) -> dt.date:
        """A peg holds until changed: the cross provider's last day bounds it."""
        return self.cross.latest()

    def rate(self, base: str, quote: str, day: dt.date) -> Rate:
        """Units of ``quote`` per ``base`` on ``day``.

        Raises:
            RateUnavailableError: neither currency is pegged, a peg had not begun on
                ``day``, or the cross provider has no anchor rate.
        """
        return self._rate(base, quote, day)

    def rates_between(
        self, base: str, quote: str, start: dt.date, end: dt.date
    ) -> tuple[Rate, ...]:
        """A peg's one rate, or the crossed rates of every day the cross provider
        quotes within ``start..end``; empty if the pair is no peg's."""
        if not (base in PEGS or quote in PEGS):
            return ()
        try:
            if self._direct(base, quote) is not None:
                return (self._rate(base, quote, end),)
        except RateUnavailableError:
            return ()
        out = []
        for anchor_rate in self._anchor_rates(base, quote, start, end):
            try:
                out.append(self._combine(base, quote, anchor_rate))
            except RateUnavailableError:
                continue
        return tuple(out)

    # -- internals -----------------------------------------------------------------

    @staticmethod
    def _direct(base: str, quote: str) -> float | None:
        """Units of ``quote`` per ``base`` when the pair is pegs alone (a peg and its
        anchor, or two pegs to one anchor), else None."""
        pb, pq = PEGS.get(base), PEGS.get(quote)
        if pb is not None and quote == pb.anchor:
            return 1.0 / pb.rate
        if pq is not None and base == pq.anchor:
            return pq.rate
        if pb is not None and pq is not None and pb.anchor == pq.anchor:
            return pq.rate / pb.rate
        return None

    def _check(self, base: str, quote: str, day: dt.date) -> None:
        pegged = [c for c in (base, quote) if c in PEGS]
        if not pegged:
            raise rate_unavailable(
                base, quote, day, f"neither {base} nor {quote} is pegged", (_NAME,)
            )
        for code in pegged:
            if day < PEGS[code].since:
                reason = f"{code}'s peg begins on {PEGS[code].since.isoformat()}"
                raise rate_unavailable(base, quote, day, reason, (_NAME,))

    def _rate(self, base: str, quote: str, day: dt.date) -> Rate:
        self._check(base, quote, day)
        direct = self._direct(base, quote)
        if direct is not None:
            return Rate(
                base=base,
                quote=quote,
                rate=direct,
                rate_date=day,
                requested=day,
                provider=_NAME,
                note=_notes(base, quote),
            )
        (anchor_rate,) = self._anchor_rates(base, quote, day, None)
        return self._combine(base, quote, anchor_rate)

    def _anchor_rates(
        self, base: str, quote: str, start: dt.date, end: dt.date | None
    ) -> tuple[Rate, ...]:
        """The cross provider's rates between the anchor and the other currency: one
        for ``start`` (``end`` None), or all within ``start..end``."""
        pegged, other = (base, quote) if base in PEGS else (quote, base)
        anchor = PEGS[pegged].anchor
        if other in PEGS:
            other_anchor = PEGS[other].anchor
            pair = (anchor, other_anchor)
        else:
            pair = (anchor, other)
        if end is None:
            try:
                return (self.cross.rate(*pair, start),)
            except RateUnavailableError as exc:
                raise rate_unavailable(
                    base,
                    quote,
                    start,
                    f"no {pair[0]}/{pair[1]} rate to cross the peg: "
                    f"{exc.reason or exc.message}",
                    (_NAME, *exc.tried),
                ) from exc
        return self.cross.rates_between(*pair, start, end)

    def _combine(self, base: str, quote: str, anchor_rate: Rate) -> Rate:
        """``base`` → ``quote`` through the anchors of ``anchor_rate`` (units of its
        quote per its base, the pegged side's anchor first)."""
        pegged_base = base in PEGS
        pegged, other = (base, quote) if pegged_base else (quote, base)
        per_anchor = anchor_rate.rate  # units of other's side per pegged's anchor
        if other in PEGS:
            per_anchor *= PEGS[other].rate  # other per its own anchor
        value = per_anchor / PEGS[pegged].rate  # other per pegged
        rate = value if pegged_base else 1.0 / value
        return Rate(
            base=base,
            quote=quote,
            rate=rate,
            rate_date=anchor_rate.rate_date,
            requested=anchor_rate.requested,
            provider=f"{_NAME}+{anchor_rate.provider}",
            via=PEGS[pegged].anchor,
            precision=anchor_rate.precision,
            note=_notes(base, quote),
        )


def _notes(base: str, quote: str) -> str:
    """What the pegs of a pair say, for a rate's provenance."""
    return "; ".join(PEGS[c].describe(c) for c in (base, quote) if c in PEGS)
