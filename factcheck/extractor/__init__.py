"""Stage 2 of the pipeline: every numeric claim in a text, with its span and meaning.

>>> from factcheck.extractor import extract_claims
>>> [(c.text, c.value, c.unit, c.qualifier) for c in extract_claims(
...     "It will invest more than 380 billion yuan (US$52.4 billion).")]
[('380 billion yuan', 380000000000.0, 'CNY', 'gt'), ('US$52.4 billion', 52400000000.0, 'USD', 'gt')]
"""

from __future__ import annotations

import attrs
import regex

from factcheck.extractor.context import NotClaims, TextIndex
from factcheck.extractor.numbers import find_cores
from factcheck.extractor.scanner import RATIO_JOINER, Mention, read_mention
from factcheck.model import (
    DEFAULT_APPROX_TOLERANCE,
    Claim,
    Document,
    Extraction,
    Span,
    nearly_bounds,
)

__all__ = ["extract_claims", "extract_document", "scan_mentions"]

_AND = regex.compile(r"[ \t\u00a0]*(?:and[ \t\u00a0]+)?")
#: the words and signs between the ends of a range (with white space around them)
_RANGE_JOINERS = frozenset(["-", "–", "—", "~", "to", "and", "through", "thru"])
_BOUND_JOINER = regex.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(?:and|but|,)[ \t\u00a0]+")
_FEET_INCHES = regex.compile(
    r"[ \t\u00a0]*(?:and[ \t]+)?(?P<n>\d{1,2}(?:\.\d+)?)[ \t\u00a0]?(?:inch(?:es)?\b|in\b|\"|″)"
)
_CHANGE_VERB = regex.compile(
    r"(?i:\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|increas\w*|decreas\w*|grew|grow\w*"
    r"|jump\w*|climb\w*|drop\w*|declin\w*|cut|cuts|rais\w*|lower\w*|widen\w*|narrow\w*"
    r"|slip\w*|slid\w*|surg\w*|soar\w*|plung\w*|tumbl\w*|went|moved?|chang\w*|revis\w*"
    r"|up|down|upgrad\w*|downgrad\w*|swung|shr[aiu]nk\w*|expand\w*|boost\w*|reduc\w*))"
    r"(?:[ \t]+\S+){0,3}[ \t]*$"
)
_BY = regex.compile(r"(?i:\bby)[ \t\u00a0]+$")
_BETWEEN = regex.compile(r"(?i:\bbetween|\bfrom)[ \t\u00a0]+$")
_EQUIVALENT_JOINER = regex.compile(
    r"""[ \t\u00a0]*(?:
        [(\[][ \t\u00a0]*(?:(?i:or|equivalent[ \t]to|equal[ \t]to|roughly|about|approximately|around|some|nearly|almost|approx\.?|est\.?|c\.|i\.e\.|worth)[ \t\u00a0,]*)*
      | [,;]?[ \t\u00a0]*(?:—|–|-)?[ \t\u00a0]*(?i:or|equivalent[ \t]to|equal[ \t]to|equating[ \t]to|described[ \t]as|translating[ \t]to|worth|which[ \t]is|i\.e\.|converted[ \t]to|or[ \t]an[ \t]equivalent[ \t]of)
        (?:[ \t\u00a0]+(?i:roughly|about|approximately|around|some|nearly|almost|just[ \t]over|just[ \t]under|over|more[ \t]than))?[ \t\u00a0]*
      | [ \t\u00a0]*/[ \t\u00a0]*
    )""",
    regex.VERBOSE,
)


def scan_mentions(text: str) -> list[Mention]:
    """Every number in ``text`` with what stands beside it, in order."""
    not_claims = NotClaims(text)
    out: list[Mention] = []
    consumed = 0
    for m in find_cores(text):
        s = m.start()
        if s < consumed:
            continue
        mention = read_mention(text, m, consumed)
        # a number in a phone number, date, URL... states no claim (reading is pure, so
        # reading first and checking only what reads as a claim gives the same claims)
        if mention is None or not_claims.covers(s):
            continue
        out.append(mention)
        consumed = mention.end
    return out


def _join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions):
            b = mentions[i + 1]
            joined = (
                _ratio_of(text, a, b)
                or _range_of(text, a, b)
                or _bounds_of(text, a, b)
                or _compound_of(text, a, b)
            )
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        a = _feet_and_inches(text, a)
        out.append(a)
        i += 1
        while i < len(mentions) and mentions[i].start < a.end:
            i += 1  # consumed by the joined mention ("5 feet 2 inches")
    return out


_RATIO_JOINER = regex.compile(RATIO_JOINER)


def _ratio_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "one in five adults", "2 out of 3": a share, stated exactly (a count of
    ``a / b``); a qualifier on either number applies to it ("nearly one in five",
    "2 in 5 or more")."""
    if (
        a.kind != "count"
        or b.kind != "count"
        or a.scaled
        or b.scaled
        or a.noun is not None
        or a.range_bounds is not None
        or b.range_bounds is not None
        or not 0 < a.value < b.value
        or b.value != int(b.value)
        or _RATIO_JOINER.fullmatch(text, a.end, b.start) is None
    ):
        return None
    joined = b.copy()
    joined.start = a.qualifier_start if a.qualifier_start is not None else a.start
    joined.value = a.value / b.value
    joined.precision = 0.0
    joined.qualifier = b.qualifier or a.qualifier
    joined.qualifier_start = a.qualifier_start
    return joined


def _feet_and_inches(text: str, a: Mention) -> Mention:
    """ "5 ft 2 in", "5 feet 2 inches": one length in feet."""
    if a.kind != "quantity" or a.unit != "foot":
        return a
    m = _FEET_INCHES.match(text, a.end)
    if m is None:
        return a
    inches = float(m.group("n"))
    if inches >= 12:
        return a
    joined = a.copy()
    joined.end, joined.value, joined.precision = m.end(), a.value + inches / 12, 1 / 12
    return joined


def _bounds_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "more than 10 and less than 20": one range with open or closed ends."""
    if (
        a.qualifier is None
        or b.qualifier is None
        or a.kind != b.kind
        or a.unit != b.unit
    ):
        return None
    pair = {a.qualifier, b.qualifier}
    if not (pair & {"gt", "ge"} and pair & {"lt", "le"}):
        return None
    if (
        b.qualifier_start is None
        or _BOUND_JOINER.fullmatch(text, a.end, b.qualifier_start) is None
    ):
        return None
    lo, hi = (a, b) if a.qualifier in ("gt", "ge") else (b, a)
    if lo.value > hi.value or (
        lo.value == hi.value and (lo.qualifier, hi.qualifier) != ("ge", "le")
    ):
        return None  # "less than 10, more than 10": no range between them
    joined = b.copy()
    joined.start = a.qualifier_start if a.qualifier_start is not None else a.start
    joined.value = (lo.value + hi.value) / 2
    joined.qualifier = "range"
    joined.qualifier_start = a.qualifier_start
    joined.range_bounds = (lo.value, hi.value)
    return joined


def _range_of(text: str, a: Mention, b: Mention) -> Mention | None:
    gap = text[a.end : b.start]
    # only spaces, tabs or no-break spaces stand around the joiner
    joiner = gap.strip(" \t\u00a0")
    if (
        joiner not in _RANGE_JOINERS
        or a.qualifier not in (None, "approx")
        or b.qualifier is not None
    ):
        return None
    before = _BETWEEN.search(text, max(0, a.start - 12), a.start)
    is_from = before is not None and before.group().lower().startswith("from")
    if joiner == "and" and (before is None or is_from):
        return None
    if joiner == "to":
        head = before.start() if before is not None else a.start
        if _CHANGE_VERB.search(text, max(0, head - 40), head) or _BY.search(
            text, max(0, head - 6), head
        ):
            return None  # "rose from 3 to 5", "fell by 2 to 7": a change, two claims
    if a.kind != "count" and b.kind not in (a.kind, "count"):
        return None
    if a.kind != "count" and b.kind == a.kind and a.unit != b.unit:
        return None
    if a.kind == "count" and a.noun is not None and b.kind != "count":
        return None  # "3 people to 5 km" is no range
    kind = b.kind if b.kind != "count" else a.kind
    unit = b.unit if b.kind != "count" else a.unit
    low = a.value
    if not a.scaled and b.scaled:
        low *= b.scale
    if a.kind == "money" and b.kind == "count" and not b.scaled:
        return None  # "$5 to 10 people"
    high = b.value
    if a.kind != "count" and b.kind == "count":
        high *= 1.0 if b.scaled or a.scale == 1.0 else a.scale
    lo, hi = sorted((low, high))
    joined = b.copy()
    joined.start = a.start
    joined.kind = kind
    joined.unit = unit
    joined.value = (lo + hi) / 2
    joined.precision = max(a.precision, b.precision)
    joined.qualifier = "range"
    joined.qualifier_start = before.start() if before is not None else a.qualifier_start
    joined.unit_note = a.unit_note or b.unit_note
    joined.range_bounds = (lo, hi)
    return joined


def _compound_of(text: str, a: Mention, b: Mention) -> Mention | None:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
    if not (
        a.kind == b.kind == "money" and b.subunit and not a.subunit and a.unit == b.unit
    ):
        return None
    if _AND.fullmatch(text, a.end, b.start) is None or a.value != int(a.value):
        return None
    joined = a.copy()
    joined.end = b.end
    joined.value = a.value + b.value
    joined.precision = b.precision
    joined.subunit = False
    joined.range_bounds = None
    return joined


def _equivalent(text: str, a: Mention, b: Mention) -> bool:
    if a.kind not in ("money", "quantity") or a.kind != b.kind or a.unit == b.unit:
        return False
    if b.start - a.end > 48:
        return False
    gap = text[a.end : b.qualifier_start if b.qualifier_start is not None else b.start]
    return _EQUIVALENT_JOINER.fullmatch(gap) is not None


def stated_precision(m: Mention) -> float:
    """The rounding step a mention's digits state, read as news means them.

    A number with trailing zeros is rounded at its last non-zero digit ("380
    billion": 10 billion), except a percentage or a count under 100: "20%" and "40
    directors" name their units digit. A whole count is exact ("21 incidents" is 21,
    not 20.5 to 21.5).
    """
    precision = m.precision
    if m.kind in ("percent", "count") and abs(m.value) < 100 and precision > 1:
        precision = 1.0
    if m.kind == "count" and precision <= 1 and m.value == int(m.value):
        precision = 0.0
    return precision


def _interval(
    m: Mention, qualifier: str | None, precision: float
) -> tuple[float | None, float | None]:
    """The bounds :meth:`Interval.from_stated` gives (``precision`` is
    :func:`stated_precision` of ``m``), without building the interval."""
    if m.range_bounds is not None:
        return m.range_bounds
    value = m.value
    if qualifier in ("gt", "ge"):
        return value, None
    if qualifier in ("lt", "le"):
        return None, value
    if qualifier == "nearly":
        return nearly_bounds(value)  # "almost 100,000": a little below, never above
    half = abs(precision) / 2
    if qualifier == "approx":
        spread = max(abs(value) * DEFAULT_APPROX_TOLERANCE, half)
        return value - spread, value + spread
    return value - half, value + half


def build_claims(text: str, prose: str, mentions: list[Mention]) -> tuple[Claim, ...]:
    """Turn joined mentions into :class:`Claim` values with positions and links."""
    index = TextIndex(prose)
    claims: list[Claim] = []
    previous: Mention | None = None
    previous_qualifier: str | None = None
    sentence: Span | None = None
    for n, m in enumerate(mentions, start=1):
        qualifier = m.qualifier
        equivalent_of = None
        if previous is not None and _equivalent(prose, previous, m):
            equivalent_of = claims[-1].equivalent_of or claims[-1].id
            if qualifier is None and previous_qualifier not in (None, "range"):
                qualifier = previous_qualifier  # "more than X (Y)": both
        precision = stated_precision(m)
        low, high = _interval(m, qualifier, precision)
        s_start, s_end = index.sentence(m.start, m.end)
        if sentence is None or sentence.start != s_start or sentence.end != s_end:
            sentence = index.span(s_start, s_end)  # claims of one sentence share it
        public_q = "approx" if qualifier == "nearly" else qualifier
        claims.append(
            Claim(
                id=f"c{n}",
                kind=m.kind,
                text=text[m.start : m.end],
                span=index.span(m.start, m.end),
                value=m.value,
                unit=m.unit,
                qualifier=public_q,  # type: ignore[arg-type]
                low=low,
                high=high,
                precision=precision,
                sentence=sentence,
                sentence_text=prose[s_start:s_end],
                equivalent_of=equivalent_of,
                noun=m.noun,
                unit_note=m.unit_note,
            )
        )
        previous, previous_qualifier = m, qualifier
    return tuple(claims)


def extract_claims(text: str) -> tuple[Claim, ...]:
    """Every numeric claim in plain ``text``, in order of appearance."""
    return build_claims(text, text, _join_ranges(text, scan_mentions(text)))


#: what a bare sign means in an outlet of this country (by the URL's domain)
_LOCAL_SIGNS = {
    ".au": {"$": "AUD"},
    ".ca": {"$": "CAD"},
    ".nz": {"$": "NZD"},
    ".sg": {"$": "SGD"},
    ".hk": {"$": "HKD"},
    ".tw": {"$": "TWD"},
    ".cn": {"¥": "CNY"},
}
_HOST = regex.compile(
    r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?(?P<host>[^/:?#]+)", regex.IGNORECASE
)


def _local_reading(document: Document) -> tuple[dict[str, str], str] | None:
    """The local currency signs of the document's country, from its URL's domain."""
    m = _HOST.match(document.url or "")
    if m is None:
        return None
    host = m.group("host").lower()
    for suffix, signs in _LOCAL_SIGNS.items():
        if host.endswith(suffix):
            return signs, host
    return None


def _resolve_signs(document: Document, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """A bare "$" in an Australian masthead is A$: re-read ambiguous signs by country.

    The outlet's country is a guess about the sign, not a statement: a Canadian outlet
    writing about Korea may print US dollars. The claim keeps both readings in
    ``unit_candidates``, the local one first, so checks can try each."""
    local = _local_reading(document)
    if local is None:
        return claims
    signs, host = local
    out = []
    for claim in claims:
        note = claim.unit_note or ""
        sign = next((s for s in signs if note.startswith(f"'{s}' read as")), None)
        if sign is None:
            out.append(claim)
            continue
        code = signs[sign]
        note = f"'{sign}' read as {code}: the outlet is {host}"
        candidates = (code,) if claim.unit in (None, code) else (code, claim.unit)
        out.append(
            attrs.evolve(claim, unit=code, unit_note=note, unit_candidates=candidates)
        )
    return tuple(out)


def extract_document(document: Document) -> Extraction:
    """The claims of a loaded document: found in its prose, offsets into its text.

    An ambiguous sign ("$", "¥") with nothing else to settle it is read by the
    outlet's country, from its URL ("$" in watoday.com.au is AUD); the claim's
    ``unit_note`` records the reading."""
    prose = document.prose
    mentions = _join_ranges(prose, scan_mentions(prose))
    claims = build_claims(document.text, prose, mentions)
    return Extraction(document=document, claims=_resolve_signs(document, claims))
