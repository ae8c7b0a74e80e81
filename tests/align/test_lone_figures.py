"""A document's only figure of an attribute (:func:`lone_figures`): what the story
figure weight (``STORY_FIGURE``) reads."""

from __future__ import annotations

import pytest

from factcheck.align import claim_refs, read_frames
from factcheck.align.decide import anchors_of, lone_figures
from factcheck.extractor import extract_document
from factcheck.model import Document


def _lone(text: str) -> dict[str, bool]:
    refs = claim_refs([read_frames(extract_document(Document.from_text(text)))])
    lone = lone_figures(refs, anchors_of(refs))
    return {r.claim.text: lone.get(r.key, False) for r in refs}


@pytest.mark.parametrize(
    ("text", "claim", "expected"),
    [
        # one amount printed twice, rounded once: still one figure
        ("A crowd of 88,966 watched. Nearly 89,000 fans were there.", "88,966", True),
        # two crowds: two figures
        (
            "A crowd of 68,294 watched the semi. A crowd of 88,966 saw the final.",
            "88,966",
            False,
        ),
        # two open bounds overlap whatever they count: two figures
        (
            "More than 2,200 structures burned, and over 3,000 structures were hit.",
            "3,000",
            False,
        ),
        # a counted noun alone is any of a story's counts: never lone
        ("Some 88,966 people watched the final.", "88,966", False),
    ],
)
def test_a_figure_is_lone_only_when_its_document_gives_one_amount(
    text: str, claim: str, expected: bool
) -> None:
    assert _lone(text)[claim] is expected
