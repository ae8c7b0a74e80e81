"""The values that flow through the pipeline: immutable, typed, free of I/O.

``load`` makes :class:`Document`, ``extract`` makes :class:`Claim` (with its
:class:`Span`), ``normalize`` makes :class:`Interval`, ``rules`` make :class:`Finding`,
and a run ends in a :class:`Report`. Later stages carry these values and never reach
back into the text.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from typing import Literal, TypeVar

import attrs

Kind = Literal["money", "percent", "quantity", "count"]
Qualifier = Literal["approx", "gt", "ge", "lt", "le", "range"]
Severity = Literal["error", "warning", "info"]
DocumentFormat = Literal["txt", "md", "html"]
BaselineState = Literal["new", "unchanged"]
#: what a figure is in its clause: the level of something, a change of it, a part of a
#: named whole, a share (a percentage of a named whole), a reference it is compared
#: with, or a limit or target
Role = Literal["level", "change", "part", "share", "comparison", "limit", "whole"]
#: a figure before the one that stands now, a forecast or estimate, a proposal
Stage = Literal["earlier", "forecast", "proposal", "final"]
#: bump when what a fingerprint covers changes (baselines then re-match nothing).
#: v2: the repo-relative path (not the file name) and the occurrence index
FINGERPRINT_VERSION = "factcheck/v2"

_Slotted = TypeVar("_Slotted", bound=type)


def pickled_as_tuple(cls: _Slotted) -> _Slotted:
    """Pickle a frozen attrs class as the tuple of its field values (attrs pickles
    a slotted class as a dict of them): the values an audit's worker processes
    send back (claims, their spans and frames, claim contexts) travel a quarter
    smaller and unpickle about a third faster. Apply it above ``@attrs.frozen``.
    """
    names = tuple(f.name for f in attrs.fields(cls))
    values = operator.attrgetter(*names)
    # each slot's own setter: a third faster than object.__setattr__, which looks
    # the name up again (an audit unpickles a few hundred thousand of these)
    setters = tuple(getattr(cls, name).__set__ for name in names)

    def __getstate__(self: object) -> tuple[object, ...]:
        return values(self)

    def __setstate__(self: object, state: tuple[object, ...]) -> None:
        for set_slot, value in zip(setters, state, strict=True):
            set_slot(self, value)

    # setattr: the type checkers disagree on whether a class may take these methods
    # (the compiled build's mypy sees object.__getstate__ and refuses the assignment)
    setattr(cls, "__getstate__", __getstate__)  # noqa: B010
    setattr(cls, "__setstate__", __setstate__)  # noqa: B010
    return cls


KINDS: tuple[Kind, ...] = ("money", "percent", "quantity", "count")
QUALIFIERS: tuple[Qualifier, ...] = ("approx", "gt", "ge", "lt", "le", "range")
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@pickled_as_tuple
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
    and line breaks read as line feeds (CRLF as a space and a line feed, a lone CR
    as a line feed), so offsets found in ``prose`` index ``text`` directly.
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
#: how far below N "nearly N" / "almost N" reaches (never above N). Writers round a
#: figure up to the next round number with "nearly": "nearly 90,000" for 88,898 is
#: 1.2% below, "nearly $14 billion" for 13.74 billion 1.9%, "almost 20%" for 18.7%
#: 6.5%. 7.5% holds those and keeps out "almost 100,000" for 88,898 (11% below),
#: which names the wrong round number. Not half a rounding step: "100,000" rounds at
#: its first digit, which would let "almost 100,000" mean anything from 50,000.
NEARLY_BAND = 0.075
#: "nearly doubled", "almost tripled", "almost double last year's": a multiple,
#: verb or word, rounds the growth, not a figure, and news writes "nearly doubled"
#: for a rise of 70% or more (8.5% to 15% is 1.76 times, R15.2bn against R8.3bn 1.83);
#: "nearly doubled" for a rise of 60% (1.6 times) names the wrong multiple
NEARLY_MULTIPLE_BAND = 0.15


def _check_interval_bounds(low: float | None, high: float | None) -> None:
    if low is not None and high is not None and low > high:
        msg = f"interval low {low} above high {high}"
        raise ValueError(msg)


def nearly_bounds(value: float) -> tuple[float, float]:
    """What "nearly N" / "almost N" allows: from :data:`NEARLY_BAND` below N up to N
    ("a little below", toward zero for a negative N as well).

    >>> nearly_bounds(90_000.0)
    (83250.0, 90000.0)
    """
    near = value * (1.0 - NEARLY_BAND)
    return (near, value) if value >= 0 else (value, near)


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
            nearly: "nearly"/"almost" (with ``qualifier="approx"``): within
                :data:`NEARLY_BAND` below the value, never above it.

        >>> Interval.from_stated(53e9, precision=1e9).bounds()
        (52500000000.0, 53500000000.0)
        >>> Interval.from_stated(100.0, precision=10.0, qualifier="approx").bounds()
        (95.0, 105.0)
        >>> Interval.from_stated(100e3, precision=100e3, qualifier="approx", nearly=True)
        Interval(low=92500.0, high=100000.0, unit=None)
        """
        half = abs(precision) / 2
        if qualifier in ("gt", "ge"):
            return cls(value, None, unit)
        if qualifier in ("lt", "le"):
            return cls(None, value, unit)
        if qualifier == "approx":
            if nearly:
                low, high = nearly_bounds(value)
                return cls(low, high, unit)
            spread = max(abs(value) * tolerance, half)
            return cls(value - spread, value + spread, unit)
        return cls(value - half, value + half, unit)


@pickled_as_tuple
@attrs.frozen(kw_only=True)
class Frame:
    """Whose number a claim is, what it measures, and when: read from its own clause.

    Every field may be unknown (``None``); two claims whose known fields differ never
    state the same fact. ``cues`` says which words set which field, for explanations.

    >>> Frame(holder="the standard SU7", holder_key=("su7",), attribute="price").describe()
    'holder: the standard SU7; attribute: price; role: level'
    """

    #: the entity or noun phrase the number belongs to, as written
    holder: str | None = None
    #: the holder's words that tell holders apart (lower case, stemmed, legal forms
    #: and base-model marks dropped)
    holder_key: tuple[str, ...] = ()
    #: how the holder was read: "subject" (of the clause), "owner" (a possessive),
    #: "listed" (a name listed with its figure: "Kia 1.73 million", "Creek Fire
    #: (379,895 acres)", "the US, at 13%"), "target" ("fined Amazon", "into X"),
    #: "place" (a tally's place after its verb: "three have died in South Australia"),
    #: "carried" (the subject of the sentence before, where this one's subject is only
    #: what is measured: "Kia said its profit jumped. Net profit rose 62.3 percent")
    holder_source: str | None = None
    #: what is measured, as a class ("revenue", "deaths") or, failing a cue word, the
    #: counted noun ("noun:order") or the dimension ("dim:length")
    attribute: str | None = None
    role: Role = "level"
    #: for a part or share: what it is part of (a claim id such as "c3", or a noun)
    whole: str | None = None
    #: for a change: the level it reached or follows, a claim id ("rose 5% to 592
    #: billion yuan", "602.3 billion yuan, up 24%")
    level: str | None = None
    #: for a percentage that restates a change in percent: the change, a claim id
    #: ("slid 96.66 points, or 3.86 percent")
    restates: str | None = None
    stage: Stage | None = None
    #: the point or period the figure is about: "2023", "2023-Q3", "2024-07-30"
    time: str | None = None
    #: an elapsed window the figure is counted over ("24 hour": in the first 24 hours)
    window: str | None = None
    #: the basis it is stated on ("pre_money", "average", "intraday")
    basis: str | None = None
    #: the words that set the fields: ("holder=...", "attribute=revenue<-sales", ...)
    cues: tuple[str, ...] = ()

    def describe(self) -> str:
        """The known fields in words."""
        parts = []
        if self.holder:
            parts.append(f"holder: {self.holder}")
        if self.attribute:
            parts.append(f"attribute: {self.attribute}")
        parts.append(f"role: {self.role}" + (f" of {self.whole}" if self.whole else ""))
        for name in ("stage", "time", "window", "basis"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name}: {value}")
        return "; ".join(parts)


@pickled_as_tuple
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
    #: every currency an ambiguous sign may mean, the chosen reading (``unit``)
    #: first: a bare "$" in a Canadian outlet is ("CAD", "USD"); empty when the text
    #: settles the currency. Checks try each (``normalize.candidate_units``).
    unit_candidates: tuple[str, ...] = ()
    #: whose number it is, what it measures, when (read by the align stage)
    frame: Frame | None = None
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
    #: the claim's figure for a picture of the finding (the HTML number line): its
    #: stated value and the interval it allows, converted into ``unit``, the unit
    #: or currency of the claim the finding is on; None where it does not convert
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None


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
    #: the path the fingerprint names: relative to the repository (or configuration)
    #: root, set by the audit (:func:`factcheck.baseline.identify`); None: the
    #: location's path as given
    fingerprint_path: str | None = None
    #: which of the findings of this rule on this claim text in this file this one
    #: is, counted from 0 in text order (the same claim twice gets 0 and 1)
    occurrence: int = 0

    @property
    def fingerprint(self) -> str:
        """A stable identity that survives edits above the finding: the rule, the
        repo-relative path, the claim's text with white space folded and the
        occurrence index, versioned (:data:`FINGERPRINT_VERSION`).

        >>> f = Finding(rule="FC101", name="conversion-mismatch", severity="error",
        ...             message="m", location=Location(path="a/b.md",
        ...             span=Span(3, 14), text="$38  billion"))
        >>> f.fingerprint == attrs.evolve(f, location=Location(path="a/b.md",
        ...     span=Span(90, 101, line=9), text="$38 billion")).fingerprint
        True
        >>> f.fingerprint == attrs.evolve(f, occurrence=1).fingerprint
        False
        """
        import hashlib  # noqa: PLC0415  (only reports and baselines need it)

        text = " ".join(self.location.text.split()).casefold()
        path = self.fingerprint_path or self.location.path.replace("\\", "/")
        key = f"{FINGERPRINT_VERSION}|{self.rule}|{path}|{text}|{self.occurrence}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@attrs.frozen(kw_only=True)
class Summary:
    """Coverage, so that "0 findings" can be told apart from "0 claims understood"."""

    documents: int = 0
    claims: int = 0
    aligned: int = 0
    checked: int = 0


@attrs.frozen(kw_only=True)
class DocumentInfo:
    """What a report tells about a document it read: where it is, what its front
    matter says, and whether it was under review (a draft checked against sources)."""

    path: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    draft: bool = False

    @classmethod
    def of(cls, document: Document, *, draft: bool = False) -> DocumentInfo:
        """The metadata of ``document``.

        >>> DocumentInfo.of(Document(path="a.md", text="", outlet="Daily")).outlet
        'Daily'
        """
        return cls(
            path=document.path,
            title=document.title,
            outlet=document.outlet,
            url=document.url,
            published=document.published,
            draft=draft,
        )


@attrs.frozen(kw_only=True)
class Report:
    """What an audit found, what it could not read, and how much it covered;
    ``documents`` are the documents it read, for reports that show their titles,
    outlets, dates and URLs."""

    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    summary: Summary = Summary()
    documents: tuple[DocumentInfo, ...] = ()
