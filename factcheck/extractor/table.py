"""The claims of one text, kept compactly: a row of machine numbers per claim.

A :class:`~factcheck.model.Claim` with its spans, floats and strings takes half a
kilobyte; a text dense with numbers ("$1 $1 $1 ...") states a claim every three
bytes, so keeping every claim as an object holds over a hundred bytes per byte of
input. The table keeps what a claim states in arrays (offsets, value, bounds,
precision, and small codes for kind, unit, qualifier, noun and note: about 70
bytes a claim) and builds each :class:`Claim` when it is asked for, with its line,
column and sentence found in the :class:`~.context.TextIndex` of the text.
"""

from __future__ import annotations

import math
from array import array

from factcheck.extractor.context import TextIndex
from factcheck.model import KINDS, QUALIFIERS, Claim, Kind, Qualifier

_NAN = math.nan


def _or_none(x: float) -> float | None:
    return None if math.isnan(x) else x


class ClaimTable:
    """Claims as rows of arrays, appended in order and built on demand.

    Offsets index ``text``; sentences are read from ``prose`` (of the same length,
    see :class:`~factcheck.model.Document`). A plain class, compiled with the
    extractor (see hatch_build.py)."""

    __slots__ = (
        "_alt",
        "_equivalent",
        "_high",
        "_kind",
        "_low",
        "_note",
        "_noun",
        "_precision",
        "_qualifier",
        "_spans",
        "_string_ids",
        "_strings",
        "_unit",
        "_value",
        "_whole",
        "index",
        "prose",
        "text",
    )

    def __init__(self, text: str, prose: str, index: TextIndex) -> None:
        self.text = text
        self.prose = prose
        self.index = index
        self._spans = array("q")  # start, end of each claim
        self._value = array("d")
        self._low = array("d")  # NaN: open
        self._high = array("d")
        self._precision = array("d")
        self._whole = array("d")  # NaN: none
        self._kind = array("b")
        self._qualifier = array("b")  # 0: none, else 1 + index in QUALIFIERS
        self._unit = array("i")  # -1: none, else index in _strings
        self._noun = array("i")
        self._note = array("i")
        self._alt = array("i")  # the other currency an open sign may mean; -1: none
        self._equivalent = array("i")  # -1: none, else the row it restates
        self._strings: list[str] = []
        self._string_ids: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._value)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # the columns and strings; the index is rebuilt from the prose (a compiled
        # class is made anew by calling it, so it pickles by this recipe)
        columns = tuple(getattr(self, name) for name in _COLUMNS)
        return _restore, (self.text, self.prose, columns, tuple(self._strings))

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
        self._spans.append(start)
        self._spans.append(end)
        self._value.append(value)
        self._low.append(_NAN if low is None else low)
        self._high.append(_NAN if high is None else high)
        self._precision.append(precision)
        self._whole.append(_NAN if whole is None else whole)
        self._kind.append(KINDS.index(kind))
        self._qualifier.append(
            0 if qualifier is None else QUALIFIERS.index(qualifier) + 1
        )
        self._unit.append(self._string(unit))
        self._noun.append(self._string(noun))
        self._note.append(self._string(note))
        self._alt.append(-1)
        self._equivalent.append(equivalent)
        return len(self._value) - 1

    def equivalent_row(self, row: int) -> int:
        """The row that ``row`` restates, or -1."""
        return self._equivalent[row]

    def unit_and_note(self, row: int) -> tuple[str | None, str | None]:
        u, n = self._unit[row], self._note[row]
        return (
            self._strings[u] if u >= 0 else None,
            self._strings[n] if n >= 0 else None,
        )

    def set_unit_and_note(
        self, row: int, unit: str, note: str, other: str | None = None
    ) -> None:
        """Read a claim's unit anew (an ambiguous sign read by the outlet); ``other``
        is the reading it replaces, which the sign may still mean."""
        self._unit[row] = self._string(unit)
        self._note[row] = self._string(note)
        self._alt[row] = self._string(other if other != unit else None)

    def claim(self, row: int) -> Claim:
        """The claim of a row, built now."""
        start, end = self._spans[2 * row], self._spans[2 * row + 1]
        index = self.index
        s_start, s_end = index.sentence(start, end)
        q = self._qualifier[row]
        unit, note = self.unit_and_note(row)
        noun = self._noun[row]
        alt = self._alt[row]
        equivalent = self._equivalent[row]
        qualifier: Qualifier | None = QUALIFIERS[q - 1] if q else None
        return Claim(
            id=f"c{row + 1}",
            kind=KINDS[self._kind[row]],
            text=self.text[start:end],
            span=index.span(start, end),
            value=self._value[row],
            unit=unit,
            qualifier=qualifier,
            low=_or_none(self._low[row]),
            high=_or_none(self._high[row]),
            precision=self._precision[row],
            sentence=index.span(s_start, s_end),
            sentence_text=self.prose[s_start:s_end],
            equivalent_of=f"c{equivalent + 1}" if equivalent >= 0 else None,
            noun=self._strings[noun] if noun >= 0 else None,
            unit_note=note,
            unit_candidates=(unit or "", self._strings[alt]) if alt >= 0 else (),
            whole=_or_none(self._whole[row]),
        )


#: the arrays of a table, in the order :meth:`ClaimTable.__reduce__` gives them
_COLUMNS = (
    "_spans", "_value", "_low", "_high", "_precision", "_whole", "_kind",
    "_qualifier", "_unit", "_noun", "_note", "_alt", "_equivalent",
)  # fmt: skip


def _restore(
    text: str,
    prose: str,
    columns: tuple[array[int] | array[float], ...],
    strings: tuple[str, ...],
) -> ClaimTable:
    """A table from what :meth:`ClaimTable.__reduce__` gave (pickle calls this)."""
    table = ClaimTable(text, prose, TextIndex(prose))
    for name, column in zip(_COLUMNS, columns, strict=True):
        getattr(table, name).extend(column)
    for s in strings:
        table._string(s)
    return table
