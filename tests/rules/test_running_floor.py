"""A running tally's floor: what a later report may not fall below. A toll of the
dead only grows; people still missing or displaced are found or go home, so a
later, lower count of them is news, not a conflict."""

from __future__ import annotations

import pytest

from factcheck.align import ClaimRef, read_frames
from factcheck.extractor import extract_document
from factcheck.model import Document
from factcheck.rules.cross_source import _floor


def _ref(text: str, figure: str) -> ClaimRef:
    document = Document.from_text(text, path="a.md")
    extraction = read_frames(extract_document(document))
    (claim,) = [c for c in extraction.claims if c.text == figure]
    return ClaimRef(document=extraction.document, claim=claim, doc_index=0)


@pytest.mark.parametrize(
    ("text", "figure", "floor"),
    [
        ("The collapse has killed at least 159 people, officials said.", "159", 159),
        ("At least 159 people are unaccounted for, officials said.", "159", None),
        ("The flood has killed more than 40 people, officials said.", "40", 40),
        (
            "More than 40,000 people have been displaced, officials said.",
            "40,000",
            None,
        ),
        ("Officials have confirmed 101 deaths so far.", "101", 101),
        ("Officials say 101 people are still missing so far.", "101", None),
    ],
)
def test_a_floor_only_for_a_tally_that_cannot_fall(
    text: str, figure: str, floor: float | None
) -> None:
    assert _floor(_ref(text, figure)) == floor
