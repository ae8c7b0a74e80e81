"""Laws every extraction obeys, on any text: no exceptions, honest spans, determinism,
and time linear in the input (no pattern can backtrack without bound)."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract

NEWSY = st.lists(
    st.sampled_from(
        [
            *list("0123456789 ,.-–()$€£¥%/:\n\tabcmkMBT"),
            "billion",
            "million",
            "yuan",
            "US$",
            "about ",
            "more than ",
            " to ",
            " and ",
            "percent",
            "crore",
            "lakh",
            " (",
            ")",
            "Rs ",
            "km",
            "tons",
            "between ",
            "half a ",
        ]
    ),
    max_size=80,
).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


@given(ANY_TEXT)
@settings(max_examples=400, deadline=None)
def test_extraction_never_raises_and_spans_index_the_input(text: str) -> None:
    claims = extract(text)
    previous_end = 0
    for claim in claims:
        assert 0 <= claim.span.start < claim.span.end <= len(text)
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.span.start >= previous_end  # claims never overlap
        previous_end = claim.span.end
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high


@given(ANY_TEXT)
@settings(max_examples=100, deadline=None)
def test_extraction_is_deterministic(text: str) -> None:
    assert extract(text) == extract(text)


@given(NEWSY)
@settings(max_examples=200, deadline=None)
def test_equivalents_point_backwards_at_a_claim(text: str) -> None:
    claims = extract(text)
    ids = [c.id for c in claims]
    for i, claim in enumerate(claims):
        if claim.equivalent_of is not None:
            assert claim.equivalent_of in ids[:i]


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract(text)
        best = min(best, time.process_time() - t0)
    return best


def test_pathological_number_lists_take_linear_time() -> None:
    # "1,2,3,4,…" and long digit and separator runs: the shapes that make naive
    # number patterns backtrack. 8x the input may cost at most ~8x (here: < 20x).
    unit = "1,2,3,4,5,6,7,8,9,0," * 50 + "1.2.3.4.5 " * 50 + "$ " * 50 + "- " * 50
    small = _seconds(unit * 4)
    large = _seconds(unit * 32)
    assert large < max(small, 1e-3) * 20, (small, large)


def test_news_text_takes_linear_time() -> None:
    para = (
        "Alibaba will invest more than 380 billion yuan (US$52.4 billion) over the "
        "next three years, up 13% from about $31.7bn, between 3 and 5 kg, Rs 7,69,226 "
        "crore on Feb. 24, 2025 at 10:30 a.m. with 2 million vehicles.\n"
    )
    small = _seconds(para * 200)
    large = _seconds(para * 1600)
    assert large < max(small, 1e-3) * 20, (small, large)


def test_one_long_sentence_of_numbers_takes_linear_time() -> None:
    # each claim records its sentence: a bounded stretch, not the whole run
    small = _seconds("5 " * 2000)
    large = _seconds("5 " * 16000)
    assert large < max(small, 1e-3) * 20, (small, large)


#: white space a run of which may follow or precede a number: each pattern that
#: reads past white space must take a run whole (a pattern that can split a run
#: between two quantifiers tries every split: quadratic in the run's length)
BLANKS = [" ", "\t", "\u00a0", "\n", " \n", "\u2009"]
#: where the run stands: after a number (alone, before a word, before a scale or a
#: unit), before a number (after a qualifier, a sign, a word)
BLANK_SHAPES = [
    "5{b}",
    "5{b}x",
    "x{b}5",
    "$5{b}million",
    "5{b}km",
    "about{b}5",
    "minus{b}5",
    "5 to{b}6",
    "5.{b}",
    "{b}5{b}",
]


@pytest.mark.parametrize("blank", BLANKS)
@pytest.mark.parametrize("shape", BLANK_SHAPES)
def test_blank_runs_take_linear_time(blank: str, shape: str) -> None:
    small = _seconds(shape.format(b=blank * 2000))
    large = _seconds(shape.format(b=blank * 16000))
    assert large < max(small, 2e-3) * 20, (small, large)


@pytest.mark.parametrize(
    "text",
    [
        "9" * 309,
        "1" + "0" * 400 + " people",
        "$" + "9" * 400,
        "9" * 300 + " trillion dollars",
        "1," + "000," * 150 + "000 tonnes",
        "0." + "0" * 400 + "1%",
        "between 1 and " + "9" * 320,
    ],
)
def test_numbers_beyond_a_float_raise_nothing(text: str) -> None:
    claims = extract(text)
    for claim in claims:
        assert math.isfinite(claim.value)
        assert claim.low is None or math.isfinite(claim.low)
        assert claim.high is None or math.isfinite(claim.high)


def test_a_number_too_long_for_a_float_leaves_the_claims_beside_it() -> None:
    claims = extract("It raised $5 billion, " + "7" * 400 + " and 3 km.")
    assert [(c.text, c.value) for c in claims] == [
        ("$5 billion", 5e9),
        ("3 km", 3.0),
    ]
