"""One holder named two ways (a person in full and by surname, an organisation and
its initials) is one holder; two who share a surname or initials are not."""

from __future__ import annotations

import pytest

from factcheck.align.decide import _holder_relation
from factcheck.align.lexicon import lexicon
from factcheck.align.phrases import holder_key
from factcheck.model import Frame


def _frame(holder: str) -> Frame:
    return Frame(
        holder=holder,
        holder_key=holder_key(holder.split(), lexicon()),
        holder_source="subject",
    )


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # a full name of two or three words (a middle name), and the surname
        ("Petro Poroshenko", "Mr Poroshenko", "same"),
        ("Bola Ahmed Tinubu", "Mr Tinubu", "same"),
        # a surname against a name of four words is no telling
        ("Andres Manuel Lopez Obrador", "Mr Obrador", "partial"),
        # another surname is another person
        ("Bola Ahmed Tinubu", "Mr Abubakar", "different"),
        # a person named with the party or company that fields them
        ("ODM's Raila Odinga", "Odinga's", "same"),
        ("Labour's Keir Starmer", "Mr Starmer", "same"),
        ("ODM's Raila Odinga", "ODM", "different"),
        ("Marfal's robotics unit", "Marfal", "different"),
        # an owner and one name is a part of the owner, not a person
        ("Genesis's Kia", "Kia", "different"),
    ],
)
def test_one_person_named_in_full_and_by_surname(a: str, b: str, relation: str) -> None:
    found, _ = _holder_relation(_frame(a), _frame(b), frozenset(), frozenset())
    assert found == relation


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("United Nations", "UN", "same"),
        ("World Health Organization", "the WHO", "same"),
        # other initials, or a name of one word, are no match
        ("United Nations", "IMF", "different"),
        ("Unilever", "UN", "different"),
    ],
)
def test_a_name_and_its_initials(a: str, b: str, relation: str) -> None:
    found, _ = _holder_relation(_frame(a), _frame(b), frozenset(), frozenset())
    assert found == relation
