"""What is read by hand, without a pattern, is what the pattern reads: the lone "$"
before a number (read without the prefix patterns only where they could find nothing
longer), and the words before a number that may end a qualifier."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extractor import lexicon, money, qualifiers

ODD = ["\u0130", "\u017f", "\u212a", "\u00e9"]  # İ, ſ, K (Kelvin), é

BEFORE_DOLLAR = st.lists(
    st.sampled_from(
        [*lexicon.currency_lexicon().symbols, "USD", "usd", "HKD", "M", "the", "us",
         "c", "hk", " ", "  ", "\t", "\u00a0", ".", "x", "'", "(", "-", "5", "\n",
         "raised", *ODD]
    ),
    max_size=8,
).map(lambda parts: "".join(parts) + "$")  # fmt: skip


@given(BEFORE_DOLLAR, st.integers(min_value=0, max_value=3))
@settings(max_examples=1000, deadline=None)
def test_lone_dollar_reads_as_the_patterns_read_it(text: str, floor: int) -> None:
    floor = min(floor, len(text))
    fast = money.currency_before(text, len(text), floor)
    original = money.is_lone_dollar
    money.is_lone_dollar = lambda *_: False  # type: ignore[assignment]
    try:
        assert money.currency_before(text, len(text), floor) == fast
    finally:
        money.is_lone_dollar = original


def test_every_longer_sign_ending_in_dollar_is_ruled_out() -> None:
    for form in lexicon.currency_lexicon().symbols:
        caseless = form in lexicon.CASELESS_PREFIXES
        for spelled in money._spellings(form):
            if not spelled.endswith("$") or spelled == "$":
                continue
            cases = {spelled.lower(), spelled.upper()} if caseless else set()
            for variant in {spelled, *cases}:
                for tab in (variant, variant.replace(" ", "\t")):
                    text = f"paid {tab}"
                    assert not money.is_lone_dollar(text, len(text)), tab


def test_lone_dollar_after_a_word_and_a_space() -> None:
    text = "raised $5 billion"
    assert money.is_lone_dollar(text, 8)
    assert money.currency_before(text, 8) == (
        7,
        "USD",
        "'$' read as USD: no other sign of the currency",
        1.0,
    )


def _may_have_qualifier_before_by_pattern(
    text: str, window_start: int, start: int
) -> bool:
    """The test as :data:`qualifiers._LAST_WORDS` defines it."""
    tail = qualifiers._LAST_WORDS.match(text, window_start, start)
    assert tail is not None  # the pattern matches the empty string
    w1 = tail.group("w1")
    if not w1:
        at = tail.start("w1")
        return at > window_start and text[at - 1] in qualifiers._QUALIFIER_SIGNS
    if not w1.isascii():
        return True
    last = w1.lower()
    if last in qualifiers._QUALIFIER_LAST:
        return True
    w2 = tail.group("w2")
    return w2 is not None and (
        not w2.isascii() or (w2.lower(), last) in qualifiers._QUALIFIER_PAIRS
    )


BEFORE_NUMBER = st.lists(
    st.sampled_from(
        ["more", "than", "More", "THAN", "up", "to", "a", "little", "just", "about",
         "no", "less", "x", ".", " ", "  ", "\t", "\u00a0", "\n", "<", "=", "≥", "(",
         ",", "5", *ODD]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(BEFORE_NUMBER, st.integers(min_value=0, max_value=40))
@settings(max_examples=1000, deadline=None)
def test_words_before_a_qualifier_read_by_hand_are_the_pattern_s(
    text: str, window_start: int
) -> None:
    window_start = min(window_start, len(text))
    assert qualifiers._may_have_qualifier_before(
        text, window_start, len(text)
    ) == _may_have_qualifier_before_by_pattern(text, window_start, len(text))


def _word_before_currency_by_pattern(text: str, window_start: int, start: int) -> str:
    """The word :data:`money._TAIL` finds before ``start`` (past spaces)."""
    tail = money._TAIL.match(text, window_start, start)
    assert tail is not None  # the pattern matches the empty string
    return tail.group("w")


def _word_before_currency_by_hand(text: str, window_start: int, start: int) -> str:
    """The word as :func:`money._may_end_currency` reads it."""
    at = start
    while at > window_start and text[at - 1] in (" ", "\t", "\u00a0"):
        at -= 1
    w = at
    while w > window_start and text[w - 1] in money._TAIL_LETTERS:
        w -= 1
    return text[w:at]


@given(BEFORE_DOLLAR.map(lambda t: t[:-1]), st.integers(min_value=0, max_value=40))
@settings(max_examples=1000, deadline=None)
def test_word_before_a_currency_read_by_hand_is_the_pattern_s(
    text: str, window_start: int
) -> None:
    window_start = min(window_start, len(text))
    for start in range(window_start, len(text) + 1):
        assert _word_before_currency_by_hand(
            text, window_start, start
        ) == _word_before_currency_by_pattern(text, window_start, start)


QUALIFIED_TEXT = st.lists(
    st.sampled_from(
        [*lexicon.QUALIFIERS_BEFORE, "just", "well", "slightly", "a little", " ", "\t",
         "\n", "\u00a0", "(", "[", "—", "-", ",", '"', "“", "x", "no", "an", "up", "as",
         "ABOUT", "More Than", "ı", *ODD]
    ),
    max_size=9,
).map("".join)  # fmt: skip


@given(QUALIFIED_TEXT, st.integers(min_value=0, max_value=40))
@settings(max_examples=2000, deadline=None)
@example("some\n\n", 0)
@example("north ofno more than \n\n", 0)
def test_the_qualifier_matched_backwards_is_the_one_searched_for(
    text: str, window_start: int
) -> None:
    window_start = min(window_start, len(text))
    searched = qualifiers._QUALIFIER_BEFORE.search(text, window_start, len(text))
    matched = qualifiers.qualifier_match_before(text, window_start, len(text))
    assert (searched and searched.span("q")) == (matched and matched.span("q"))
