"""The claims of a long text as a sequence: compact, each claim built when it is read.

:func:`factcheck.extract` and :func:`factcheck.extractor.extract_document` give a
tuple of :class:`~factcheck.model.Claim` for a text of up to
:data:`~.table.OBJECTS_UP_TO` characters, and for a longer one a :class:`Claims`:
an immutable sequence that holds the claims in a :class:`~.table.ClaimTable` as
packed rows (74 bytes a claim, where a claim object takes half a kilobyte) and
builds a claim each time it is indexed or iterated. It reads like a tuple:
``len``, indexing and slicing, iteration, and equality with a tuple or another
sequence of the same claims; it pickles.

Not compiled (see hatch_build.py): a compiled class cannot be a
:class:`collections.abc.Sequence`; the work of building each claim is the table's,
which is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from factcheck.extractor.table import ClaimTable
from factcheck.model import Claim


class Claims(Sequence[Claim]):
    """An immutable sequence of claims, kept compactly."""

    __slots__ = ("_table",)

    def __init__(self, table: ClaimTable) -> None:
        self._table = table

    @property
    def table(self) -> ClaimTable:
        """The rows the claims are built from."""
        return self._table

    def __len__(self) -> int:
        return len(self._table)

    @overload
    def __getitem__(self, i: int) -> Claim: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Claim, ...]: ...

    def __getitem__(self, i: int | slice) -> Claim | tuple[Claim, ...]:
        if isinstance(i, slice):
            return tuple(self._table.claim(j) for j in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            msg = "claim index out of range"
            raise IndexError(msg)
        return self._table.claim(i)

    def __iter__(self) -> Iterator[Claim]:
        return self._table.iter_claims()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(
            a == b for a, b in zip(self, other, strict=True)
        )

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Claims({tuple(self)!r})"
