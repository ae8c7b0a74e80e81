"""The claims of one text, kept compactly: a row of machine numbers per claim.

A :class:`~factcheck.model.Claim` with its spans, floats and strings takes half a
kilobyte; a text dense with numbers ("$1 $1 $1 ...") states a claim every three
bytes, so keeping every claim as an object holds over a hundred bytes per byte of
input. For a long text the table packs what a claim states into a row of 74 bytes
(offsets, value, bounds, precision, whole, and small codes for kind, qualifier,
unit, noun and note, whose strings are kept once) and builds each :class:`Claim`
when it is asked for, with its line, column and sentence found in the
:class:`~.context.TextIndex` of the text. A short text (a paragraph, an article:
see :data:`OBJECTS_UP_TO`) keeps its claims as objects, built once.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterator
from typing import Final

import attrs

from factcheck.extractor.context import TextIndex
from factcheck.model import KINDS, QUALIFIERS, Claim, Kind, Qualifier, Span

_NAN: Final = math.nan


#: a row: start, end (offsets), kind (its index in KINDS), qualifier (0: none, else 1 +
#: its index in QUALIFIERS), unit, noun, note (-1: none, else an index in the
#: table's strings), the row the claim restates (-1: none), then value, low, high
#: (NaN: open), precision, whole (NaN: none). 74 bytes, packed.
_ROW: Final = struct.Struct("=qqbbiiiiddddd")
_SIZE: Final = _ROW.size
Row = tuple[int, int, int, int, int, int, int, int, float, float, float, float, float]
_KIND_CODES: Final = {kind: i for i, kind in enumerate(KINDS)}
_QUALIFIER_CODES: Final = {q: i + 1 for i, q in enumerate(QUALIFIERS)}


#: texts of up to this many characters keep their claims as objects, built as they
#: are added (a long article is some 10,000 characters, and a text this short holds a
#: few megabytes at most); longer texts keep packed rows, each claim built when it is
#: read, so that memory per byte of input stays bounded however long the text is
OBJECTS_UP_TO: Final = 1 << 15


class ClaimTable:
    """Claims appended in order: as objects for a short text, as packed rows built
    on demand for a long one (see :data:`OBJECTS_UP_TO`).

    Offsets index ``text``; sentences are read from ``prose`` (of the same length,
    see :class:`~factcheck.model.Document`). A plain class, compiled with the
    extractor (see hatch_build.py)."""

    __slots__ = (
        "_alt",
        "_claims",
        "_equivalents",
        "_rows",
        "_sentence",
        "_sentence_text",
        "_string_ids",
        "_strings",
        "index",
        "prose",
        "text",
    )

    def __init__(
        self,
        text: str,
        prose: str,
        index: TextIndex,
        objects_up_to: int = OBJECTS_UP_TO,
    ) -> None:
        self.text = text
        self.prose = prose
        self.index = index
        self._claims: list[Claim] | None = [] if len(prose) <= objects_up_to else None
        self._equivalents: list[int] = []  # of the claims kept as objects
        self._sentence: Span | None = None  # the last one built, shared
        self._sentence_text = ""
        self._rows = bytearray()
        #: the reading an outlet's sign replaced, by row: it stays a candidate
        self._alt: dict[int, str] = {}
        self._strings: list[str] = []
        self._string_ids: dict[str, int] = {}

    def objects(self) -> list[Claim] | None:
        """The claims as objects (a short text), or ``None`` (kept as rows)."""
        return self._claims

    def __len__(self) -> int:
        if self._claims is not None:
            return len(self._claims)
        return len(self._rows) // _SIZE

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # a compiled class is made anew by calling it, so it pickles by a recipe: its
        # claims, or its rows and strings (the index is rebuilt from the prose)
        if self._claims is not None:
            return _restore_claims, (
                self.text,
                self.prose,
                tuple(self._claims),
                tuple(self._equivalents),
            )
        return _restore, (
            self.text,
            self.prose,
            bytes(self._rows),
            tuple(self._strings),
            tuple(self._alt.items()),
        )

    def _string(self, s: str | None) -> int:
        if s is None:
            return -1
        found = self._string_ids.get(s)
        if found is None:
            found = self._string_ids[s] = len(self._strings)
            self._strings.append(s)
        return found

    def add(  # noqa: PLR0917  (a row, in column order)
        self,
        kind: Kind,
        start: int,
        end: int,
        value: float,
        unit: str | None,
        qualifier: Qualifier | None,
        low: float | None,
        high: float | None,
        precision: float,
        equivalent: int,
        noun: str | None,
        note: str | None,
        whole: float | None,
    ) -> int:
        """Append a claim; its row number."""
        claims = self._claims
        if claims is not None:
            row = len(claims)
            s_start, s_end = self.index.sentence(start, end)
            sentence = self._sentence
            if sentence is None or sentence.start != s_start or sentence.end != s_end:
                sentence = self._sentence = self.index.span(s_start, s_end)
                self._sentence_text = self.prose[s_start:s_end]
            claims.append(
                self._make(
                    row, kind, start, end, value, unit, qualifier, low, high,
                    precision, equivalent, noun, note, whole, sentence,
                    self._sentence_text,
                )
            )  # fmt: skip
            self._equivalents.append(equivalent)
            return row
        self._rows += _ROW.pack(
            start,
            end,
            _KIND_CODES[kind],
            0 if qualifier is None else _QUALIFIER_CODES[qualifier],
            self._string(unit),
            -1 if noun is None else self._string(noun),
            -1 if note is None else self._string(note),
            equivalent,
            value,
            _NAN if low is None else low,
            _NAN if high is None else high,
            precision,
            _NAN if whole is None else whole,
        )
        return len(self._rows) // _SIZE - 1

    def _row(self, row: int) -> Row:
        values: Row = _ROW.unpack_from(self._rows, row * _SIZE)
        return values

    def equivalent_row(self, row: int) -> int:
        """The row that ``row`` restates, or -1."""
        if self._claims is not None:
            return self._equivalents[row]
        return self._row(row)[7]

    def unit_and_note(self, row: int) -> tuple[str | None, str | None]:
        if self._claims is not None:
            claim = self._claims[row]
            return claim.unit, claim.unit_note
        r = self._row(row)
        u, n = r[4], r[6]
        return (
            self._strings[u] if u >= 0 else None,
            self._strings[n] if n >= 0 else None,
        )

    def set_unit_and_note(
        self, row: int, unit: str, note: str, other: str | None = None
    ) -> None:
        """Read a claim's unit anew (an ambiguous sign read by the outlet); ``other``
        is the reading it replaces, which the sign may still mean (or several,
        space-separated: "PHP CLP COP ARS" for "pesos" no text settles)."""
        others = [o for o in (other or "").split() if o != unit]
        candidates = (unit, *others) if others else ()
        if self._claims is not None:
            self._claims[row] = attrs.evolve(
                self._claims[row],
                unit=unit,
                unit_note=note,
                unit_candidates=candidates,
            )
            return
        if candidates:
            self._alt[row] = " ".join(candidates[1:])
        r = list(self._row(row))
        r[4], r[6] = self._string(unit), self._string(note)
        _ROW.pack_into(self._rows, row * _SIZE, *r)

    def claim(self, row: int) -> Claim:
        """The claim of a row."""
        if self._claims is not None:
            return self._claims[row]
        r = self._row(row)
        s_start, s_end = self.index.sentence(r[0], r[1])
        sentence = self.index.span(s_start, s_end)
        return self._unpack(row, r, sentence, self.prose[s_start:s_end])

    def iter_claims(self) -> Iterator[Claim]:
        """Every claim in order."""
        if self._claims is not None:
            return iter(self._claims)
        return self._iter_rows()

    def _iter_rows(self) -> Iterator[Claim]:
        """The claims of the rows, built now; the claims of one sentence share its
        span and text."""
        index = self.index
        sentence: Span | None = None
        sentence_text = ""
        for row in range(len(self)):
            r = self._row(row)
            s_start, s_end = index.sentence(r[0], r[1])
            if sentence is None or sentence.start != s_start or sentence.end != s_end:
                sentence = index.span(s_start, s_end)
                sentence_text = self.prose[s_start:s_end]
            yield self._unpack(row, r, sentence, sentence_text)

    def _unpack(self, row: int, r: Row, sentence: Span, sentence_text: str) -> Claim:
        start, end, kind, q, unit, noun, note, equivalent = r[:8]
        value, low, high, precision, whole = r[8:]
        strings = self._strings
        return self._make(
            row,
            KINDS[kind],
            start,
            end,
            value,
            strings[unit] if unit >= 0 else None,
            QUALIFIERS[q - 1] if q else None,
            None if math.isnan(low) else low,
            None if math.isnan(high) else high,
            precision,
            equivalent,
            strings[noun] if noun >= 0 else None,
            strings[note] if note >= 0 else None,
            None if math.isnan(whole) else whole,
            sentence,
            sentence_text,
            candidates=(strings[unit], *self._alt[row].split())
            if row in self._alt and unit >= 0
            else (),
        )

    def _make(  # noqa: PLR0917  (the fields of a claim, in order)
        self,
        row: int,
        kind: Kind,
        start: int,
        end: int,
        value: float,
        unit: str | None,
        qualifier: Qualifier | None,
        low: float | None,
        high: float | None,
        precision: float,
        equivalent: int,
        noun: str | None,
        note: str | None,
        whole: float | None,
        sentence: Span,
        sentence_text: str,
        *,
        candidates: tuple[str, ...] = (),
    ) -> Claim:
        return Claim(
            id=f"c{row + 1}",
            kind=kind,
            text=self.text[start:end],
            span=self.index.span(start, end),
            value=value,
            unit=unit,
            qualifier=qualifier,
            low=low,
            high=high,
            precision=precision,
            sentence=sentence,
            sentence_text=sentence_text,
            equivalent_of=f"c{equivalent + 1}" if equivalent >= 0 else None,
            noun=noun,
            unit_note=note,
            unit_candidates=candidates,
            whole=whole,
        )


def _restore(
    text: str,
    prose: str,
    rows: bytes,
    strings: tuple[str, ...],
    alt: tuple[tuple[int, str], ...] = (),
) -> ClaimTable:
    """A table of rows from what :meth:`ClaimTable.__reduce__` gave (pickle calls
    this)."""
    table = ClaimTable(text, prose, TextIndex(prose))
    table._claims = None
    table._rows += rows
    for s in strings:
        table._string(s)
    table._alt.update(alt)
    return table


def _restore_claims(
    text: str, prose: str, claims: tuple[Claim, ...], equivalents: tuple[int, ...]
) -> ClaimTable:
    """A table of claims from what :meth:`ClaimTable.__reduce__` gave."""
    table = ClaimTable(text, prose, TextIndex(prose))
    table._claims = list(claims)
    table._equivalents = list(equivalents)
    return table
