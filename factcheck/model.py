"""The values that flow through the pipeline: immutable, typed, free of I/O.

``load`` makes :class:`Document`, ``extract`` makes :class:`Claim` (with its
:class:`Span`), ``normalize`` makes :class:`Interval`, ``rules`` make :class:`Finding`,
and a run ends in a :class:`Report`. Later stages carry these values and never reach
back into the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

import attrs

Kind = Literal["money", "percent", "quantity", "count"]
Qualifier = Literal["approx", "gt", "ge", "lt", "le", "range"]
Severity = Literal["error", "warning", "info"]
DocumentFormat = Literal["txt", "md", "html"]
BaselineState = Literal["new", "unchanged"]
#: bump when what a fingerprint covers changes (baselines then re-match nothing)
FINGERPRINT_VERSION = "factcheck/v1"

KINDS: tuple[Kind, ...] = ("money", "percent", "quantity", "count")
QUALIFIERS: tuple[Qualifier, ...] = ("approx", "gt", "ge", "lt", "le", "range")
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@attrs.frozen
class Span:
    """Where a piece of text stands: offsets into the file's text and 1-based positions.

    ``start``/``end`` are Python ``str`` indices (end exclusive); ``line``/``column``
    are 1-based and counted in code points, as are ``end_line``/``end_column`` (the
    position just after the last character).
    """

    start: int
    end: int
    line: int = attrs.field(default=1, kw_only=True)
    column: int = attrs.field(default=1, kw_only=True)
    end_line: int = attrs.field(default=1, kw_only=True)
    end_column: int = attrs.field(default=1, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            msg = f"span end {self.end} before start {self.start}"
            raise ValueError(msg)


def _tuple_of_str(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    msg = f"expected a list of strings, got {type(value).__name__}"
    raise TypeError(msg)


@attrs.frozen(kw_only=True)
class Document:
    """One article: its text and what its front matter says about it.

    ``prose`` has the same length as ``text``; everything that is not prose (front
    matter, code, link targets, URLs, comments, markup) is blanked out with spaces
    (newlines kept), so offsets found in ``prose`` index ``text`` directly.
    """

    path: str
    text: str
    prose: str = attrs.field()
    format: DocumentFormat = "txt"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    @prose.default
    def _prose_default(self) -> str:
        return self.text

    @prose.validator
    def _check_prose(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if len(value) != len(self.text):
            msg = "prose must have the same length as text"
            raise ValueError(msg)

    @classmethod
    def from_text(
        cls, text: str, *, path: str = "<text>", published: dt.date | None = None
    ) -> Document:
        """A document of plain text, all of it prose."""
        return cls(path=path, text=text, published=published)


#: relative widening for "about", "approximately", "roughly", "around", "some"
DEFAULT_APPROX_TOLERANCE = 0.05


def _check_interval_bounds(low: float | None, high: float | None) -> None:
    if low is not None and high is not None and low > high:
        msg = f"interval low {low} above high {high}"
        raise ValueError(msg)


@attrs.frozen
class Interval:
    """The values a claim allows: ``[low, high]`` in ``unit``; ``None`` is an open end.

    Build one with :meth:`from_stated`, which turns stated precision and a qualifier
    into bounds as DESIGN.md describes:

    >>> Interval.from_stated(52.4e9, precision=0.1e9).bounds()
    (52350000000.0, 52450000000.0)
    >>> Interval.from_stated(380e9, precision=10e9, qualifier="gt").bounds()
    (380000000000.0, None)
    """

    low: float | None
    high: float | None
    unit: str | None = None

    def __attrs_post_init__(self) -> None:
        # _check_interval_bounds, inline: this runs for every claim and interval
        low, high = self.low, self.high
        if low is not None and high is not None and low > high:
            _check_interval_bounds(low, high)

    def bounds(self) -> tuple[float | None, float | None]:
        """``(low, high)``."""
        return (self.low, self.high)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both (open ends reach without bound).

        >>> Interval(51.19e9, 53.37e9).overlaps(Interval(52.5e9, 53.5e9))
        True
        >>> Interval(None, 39.9e9).overlaps(Interval(51.19e9, None))
        False
        """
        return (self.high is None or other.low is None or other.low <= self.high) and (
            other.high is None or self.low is None or self.low <= other.high
        )

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies inside (open ends contain everything that way)."""
        return (self.low is None or self.low <= value) and (
            self.high is None or value <= self.high
        )

    @classmethod
    def from_stated(
        cls,
        value: float,
        *,
        precision: float = 0.0,
        qualifier: Qualifier | None = None,
        tolerance: float = DEFAULT_APPROX_TOLERANCE,
        unit: str | None = None,
        nearly: bool = False,
    ) -> Interval:
        """The interval a stated value allows.

        Args:
            value: the stated number, scale applied.
            precision: the rounding step its digits imply ("52.4 billion": 0.1e9).
            qualifier: ``approx`` widens by ``tolerance`` (relative) and never less
                than half the step; ``gt``/``ge`` open the top, ``lt``/``le`` the
                bottom, at the stated value; ``None`` is half a step each side.
            tolerance: the relative widening for ``approx``.
            unit: carried along.
            nearly: "nearly"/"almost": close below the value, never above it.

        >>> Interval.from_stated(53e9, precision=1e9).bounds()
        (52500000000.0, 53500000000.0)
        >>> Interval.from_stated(100.0, precision=10.0, qualifier="approx").bounds()
        (95.0, 105.0)
        """
        half = abs(precision) / 2
        if qualifier in ("gt", "ge"):
            return cls(value, None, unit)
        if qualifier in ("lt", "le"):
            return cls(None, value, unit)
        if qualifier == "approx":
            spread = max(abs(value) * tolerance, half)
            return cls(value - spread, value + (half if nearly else spread), unit)
        return cls(value - half, value + half, unit)


@attrs.frozen(kw_only=True)
class Claim:
    """One numeric assertion found in a text.

    ``value`` is the stated number with scale words applied (for a range, the midpoint
    of its ends); ``low``/``high`` bound what the text allows after stated precision
    and the qualifier (``None`` where open); ``precision`` is the rounding step the
    stated digits imply, in the same units as ``value``.
    """

    id: str
    kind: Kind
    text: str
    span: Span
    value: float
    unit: str | None = None
    qualifier: Qualifier | None = None
    low: float | None = None
    high: float | None = None
    precision: float = 0.0
    sentence: Span | None = None
    sentence_text: str = ""
    equivalent_of: str | None = None
    noun: str | None = None
    #: how an ambiguous currency symbol was read ("$ read as USD: no other sign")
    unit_note: str | None = None
    #: the whole a part is stated of: 325 in "158 out of 325 seats", 5 in "one in
    #: five adults" (the share, ``value / whole``, is derived from the two)
    whole: float | None = None

    def __attrs_post_init__(self) -> None:
        # _check_interval_bounds, inline: this runs for every claim and interval
        low, high = self.low, self.high
        if low is not None and high is not None and low > high:
            _check_interval_bounds(low, high)

    @property
    def interval(self) -> Interval:
        """``[low, high]`` in the claim's unit."""
        return Interval(self.low, self.high, self.unit)

    @property
    def share(self) -> float | None:
        """The part over the whole, for a part stated of a whole ("158 out of 325
        seats": 0.486), else ``None``."""
        if self.whole is None or self.whole == 0:
            return None
        return self.value / self.whole


@attrs.frozen(kw_only=True)
class Problem:
    """An input that could not be used, and why. The run goes on without it."""

    path: str
    message: str


@attrs.frozen(kw_only=True)
class Extraction:
    """The claims of one document (the extractor gives them as a compact sequence,
    :class:`factcheck.extractor.Claims`, that reads like a tuple)."""

    document: Document
    claims: Sequence[Claim]


@attrs.frozen(kw_only=True)
class Location:
    """A stretch of one document's text: where a finding points."""

    path: str
    span: Span
    text: str
    #: the sentence the text stands in, and where the text starts inside it
    sentence: str = ""
    sentence_offset: int = 0


@attrs.frozen(kw_only=True)
class Finding:
    """Numbers that cannot all be true, with the arithmetic and the evidence.

    ``details`` holds the numbers behind the message (JSON-ready scalars: values,
    implied and reference rates, rate dates, provider, tolerance); ``evidence`` says
    why the claims were compared (shared anchor, subject words, measure, period).
    """

    rule: str
    name: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    details: dict[str, str | float | int | bool | None] = attrs.field(factory=dict)
    evidence: tuple[str, ...] = ()
    #: the inline comment that suppresses this finding ("factcheck: ignore FC201"),
    #: kept in the report (SARIF ``suppressions``) rather than dropped
    suppressed_by: str | None = None
    #: against a baseline: "new" or "unchanged" (None without a baseline)
    baseline_state: BaselineState | None = None

    @property
    def fingerprint(self) -> str:
        """A stable identity that survives edits above the finding: the rule, the
        file name and the claim's text with white space folded, versioned.

        >>> f = Finding(rule="FC101", name="conversion-mismatch", severity="error",
        ...             message="m", location=Location(path="a/b.md",
        ...             span=Span(3, 14), text="$38  billion"))
        >>> f.fingerprint == attrs.evolve(f, location=Location(path="a/b.md",
        ...     span=Span(90, 101, line=9), text="$38 billion")).fingerprint
        True
        """
        import hashlib  # noqa: PLC0415  (only reports and baselines need it)

        text = " ".join(self.location.text.split()).casefold()
        name = self.location.path.replace("\\", "/").rsplit("/", 1)[-1]
        key = f"{FINGERPRINT_VERSION}|{self.rule}|{name}|{text}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@attrs.frozen(kw_only=True)
class Summary:
    """Coverage, so that "0 findings" can be told apart from "0 claims understood"."""

    documents: int = 0
    claims: int = 0
    aligned: int = 0
    checked: int = 0


@attrs.frozen(kw_only=True)
class Report:
    """What an audit found, what it could not read, and how much it covered."""

    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    summary: Summary = Summary()
