"""A match whose holder is only inferred (the story's subject standing in for it) is
held to the bar a confident match needs before it may give a warning; with less it
gives an info "possibly the same fact". Holders named on both sides keep the lower
``PROBABLE`` bar. A running tally's lower later count that names a place the
earlier count leaves unnamed may be that place's part of it."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.align import ClaimRef, claim_refs, read_frames
from factcheck.align import thresholds as T
from factcheck.extractor import extract_document
from factcheck.model import Document, Finding
from factcheck.rules.cross_source import _a_named_part

DAY = dt.date(2024, 12, 30)


def _fc201(*texts: str) -> list[Finding]:
    docs = [
        Document.from_text(t, path=f"wire-{n}.txt", published=DAY)
        for n, t in enumerate(texts)
    ]
    return [f for f in factcheck.audit(docs).findings if f.rule == "FC201"]


def test_an_inferred_holder_asks_at_least_what_a_named_one_does() -> None:
    assert T.PROBABLE_INFERRED >= T.PROBABLE
    assert T.PROBABLE_INFERRED <= T.CONFIDENT


@pytest.mark.parametrize(
    ("base", "other", "severity"),
    [
        # the crash named on both sides: whose toll it is, is said
        (
            "South Korean officials said Tarvo Air's crash at Muan on Sunday "
            "killed 179 people.",
            "Officials said Tarvo Air's crash at Muan on Sunday killed 181 people.",
            "error",
        ),
        # the same toll with the story standing in for its holder: short of the
        # confident bar, an info
        (
            "South Korean officials said 179 people died when the Tarvo Air plane "
            "crashed at Muan on Sunday.",
            "Officials said 181 people died when the Tarvo Air plane crashed at "
            "Muan on Sunday.",
            "info",
        ),
    ],
)
def test_the_severity_follows_how_the_holder_is_known(
    base: str, other: str, severity: str
) -> None:
    found = _fc201(base, other)
    assert [f.severity for f in found] == [severity], [f.message for f in found]
    if severity == "info":
        assert found[0].message.startswith("possibly the same fact")


def _refs(*texts: str) -> dict[str, ClaimRef]:
    docs = [Document.from_text(t, path=f"wire-{n}.txt") for n, t in enumerate(texts)]
    refs = claim_refs([read_frames(extract_document(d)) for d in docs])
    return {r.claim.text: r for r in refs}


@pytest.mark.parametrize(
    ("earlier", "later", "claims", "part"),
    [
        # a place the earlier count's sentence does not name: maybe its part
        (
            "More than 7,000 cases have been reported in about 30 countries.",
            "Hong Kong has had 1,754 cases.",
            ("7,000", "1,754"),
            True,
        ),
        # the story's own count, lower: a fall
        (
            "More than 7,000 cases have been reported in about 30 countries.",
            "The virus has caused 1,754 cases.",
            ("7,000", "1,754"),
            False,
        ),
        # the place named in the earlier count's sentence: the same tally
        (
            "Tarvia's institute raised the official flood death toll to at least 492.",
            "The official flood death toll in Tarvia reached 429.",
            ("492", "429"),
            False,
        ),
        # the earlier count names its own holder: the aligner decides
        (
            "Tarvia has had more than 7,000 cases.",
            "Hong Kong has had 1,754 cases.",
            ("7,000", "1,754"),
            False,
        ),
    ],
)
def test_a_named_place_below_the_story_count_may_be_its_part(
    earlier: str, later: str, claims: tuple[str, str], part: bool
) -> None:
    refs = _refs(earlier, later)
    assert _a_named_part(refs[claims[1]], refs[claims[0]]) is part
