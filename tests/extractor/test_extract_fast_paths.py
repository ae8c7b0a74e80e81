"""The fast readers find exactly what the patterns that define them find: number
cores, sentence ends, the shapes that state no claim, and currency before a number.

Each fast reader is checked against its definition on texts built from the pieces
that matter to it, characters that ``(?i)`` folds to ASCII letters included."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import extract
from factcheck.extractor import lexicon, money
from factcheck.extractor.context import (
    SENTENCE_END,
    NotClaims,
    blocked_spans,
    sentence_ends,
)
from factcheck.extractor.numbers import CORE, find_cores

ODD = ["\u0130", "\u017f", "\u212a", "\u00e9"]  # İ, ſ, K (Kelvin), é


def texts(pieces: list[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


CORE_TEXT = texts(
    [*"0123456789 ,._-\n", "\u00a0", "\u202f", "\u2009", "\u3000", "½", "one",
     "One", "a", "A", "seven", "teen", "twenty-one", "x", "a million", "a half",
     "a and dozen", "May ", "Jan. ", "sept", "000", "123 ", *ODD]
)  # fmt: skip
SENTENCE_TEXT = texts([*".!?: \t\n", "\n\n", '"', "”", ")", "A", "a", "5", "$", "Mr."])
SHAPE_TEXT = texts(
    ["1", "23", "202", "0123", "2024", "-", ".", "(", ")", " ", "v", "a", "p", "m",
     "a.m.", "+", "/", ":", "x", "\n", "www.", "WwW.", "w", "W.", "http://", "@",
     "\u0661", "–", "T"]
)  # fmt: skip
PREFIX_TEXT = texts(
    [*lexicon.EXTRA_SYMBOLS, "USD", "usd", "Usd", "M", "EUR", "ALL", "COP", "the",
     "yuan", "dollars", "Dollars", "pounds", " ", "  ", "\t", "\u00a0", ".", "x", "'",
     "s", "$", "rs", "u.s.", "5", "\n", *ODD]
)  # fmt: skip


@given(CORE_TEXT)
@settings(max_examples=500, deadline=None)
# a non-ASCII word character beside a core: "\w" of the standard library's engine,
# which the fast passes use, is not that of regex ("½" is a word character to it)
@example("\u0130.0")
@example("é.5")
@example("½five")
@example("twoé")
@example("a\u00a0million")
@example("May 5 100 200")
@example("on Jan. 12 345 678,9")
@example("4 512 and 1\u2009906\u2009233 and 7\u00a0000 000")
def test_find_cores_finds_the_matches_of_core(text: str) -> None:
    assert [m.span() for m in find_cores(text)] == [
        m.span() for m in CORE.finditer(text)
    ]


@given(SENTENCE_TEXT)
@settings(max_examples=500, deadline=None)
def test_sentence_ends_are_the_matches_of_sentence_end(text: str) -> None:
    assert [m.span() for m in sentence_ends(text)] == [
        m.span() for m in SENTENCE_END.finditer(text)
    ]


@given(SHAPE_TEXT)
@settings(max_examples=300, deadline=None)
@example(
    "FY2023–24 and 2025-02-24T10:30, 1/2/2025, \u0661\u0662\u0663\u0664-\u0661\u0662"
)
@example("see WwW.example.com/2024 or x@y.z 12")
def test_not_claims_covers_what_the_blocked_spans_cover(text: str) -> None:
    spans = blocked_spans(text)
    not_claims = NotClaims(text)
    for offset in range(len(text)):
        assert not_claims.covers(offset) == any(s <= offset < e for s, e in spans)


def _forward_prefix_pattern() -> regex.Pattern[str]:
    """The currency prefix as a search of the window before the number would find it:
    what :func:`money._prefix_patterns` must find, read backwards."""
    forms = "|".join(
        money._symbol_form(f)
        for f in sorted(lexicon.currency_lexicon().symbols, key=len, reverse=True)
    )
    names = "|".join(money._NAME_WORDS)
    return regex.compile(
        rf"(?:(?P<sym>{forms})|(?<![A-Za-z])(?P<m>M)?(?P<code>[A-Za-z]{{3}})(?P<dollar>\$)?"
        rf"|(?<![A-Za-z])(?P<name>(?i:{names})))[ \t\u00a0]*$"
    )


FORWARD = _forward_prefix_pattern()
GROUPS = ("sym", "code", "name")


@given(PREFIX_TEXT)
@settings(max_examples=500, deadline=None)
def test_currency_prefix_read_backwards_is_the_one_a_search_finds(text: str) -> None:
    window = text[-12:]
    if window.endswith("\n"):
        return  # no currency across a line break: currency_before stops there
    expected = FORWARD.search(window)
    found = None
    for pattern in money._prefix_patterns():
        m = pattern.match(window)
        if m is not None and (found is None or m.start() < found.start()):
            found = m
    if expected is None:
        assert found is None
        return
    assert found is not None
    group = next(g for g in GROUPS if expected.group(g))
    assert found.span() == expected.span()
    assert found.span(group) == expected.span(group)


@given(PREFIX_TEXT, st.integers(min_value=0, max_value=3))
@settings(max_examples=500, deadline=None)
def test_currency_test_rules_out_only_what_reads_as_no_currency(
    text: str, floor: int
) -> None:
    floor = min(floor, len(text))
    tested = money.currency_before(text, len(text), floor)
    original = money._may_end_currency
    money._may_end_currency = lambda *_: True  # type: ignore[assignment]
    try:
        assert money.currency_before(text, len(text), floor) == tested
    finally:
        money._may_end_currency = original


def test_decimal_comma_after_thousands_commas_is_one_decimal_mark() -> None:
    (claim,) = extract("It cost €1,234,56 in all.")
    assert claim.value == 1234.56
    assert claim.unit == "EUR"


def test_qualifier_spelled_with_letters_ignorecase_folds_reads_as_the_word() -> None:
    # "ſ" (long s) matches "s" under (?i): the qualifier is read, not a KeyError
    (claim,) = extract("5 or le\u017f\u017f")
    assert claim.qualifier == "le"
