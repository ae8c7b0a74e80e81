"""Numbers: separators, scale words, spelled numbers, precision, and non-claims."""

from __future__ import annotations

import pytest

from factcheck import extract


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2 million vehicles", 2e6),
        ("1,458,000 tons", 1_458_000),
        ("33.7 million accounts", 33.7e6),
        ("three years", 3),
        ("two dozen eggs", 24),
        ("half a million people", 5e5),
        ("forty-five workers", 45),
        ("one hundred and twenty engineers", 120),
        ("a quarter million viewers", 250_000),
        ("12,34,567 voters", 1_234_567),
        ("5k runners", 5000),
        ("1.5 lakh crore rupees", 1.5e12),
    ],
)
def test_values_with_scale_applied(text: str, value: float) -> None:
    claims = extract(text)
    assert [c.value for c in claims] == [pytest.approx(value)]


@pytest.mark.parametrize(
    "text",
    [
        "The plan was announced in 2023.",
        "It aims for neutrality by 2050.",
        "Shares fell on Feb. 24 in Hong Kong.",
        "It was signed on 24 February.",
        "The meeting starts at 10:30 a.m.",
        "The call ended at 3 p.m.",
        "Call 202-555-0123 for details.",
        "Version 3.5.1 fixed it.",
        "COVID-19 spread fast.",
        "The A320 and the new Boeing 737 jets.",
        "She finished 1st and he was 22nd.",
        "It grew in the 1990s.",
        "See https://example.com/a/380/billion for details.",
        "one of the largest deals",
        "Many 5G phones.",
        "Call +1-222-2222/2222 now.",
        "The A320-200 and the scp2-173m.",
    ],
)
def test_not_claims(text: str) -> None:
    assert extract(text) == ()


def test_list_numbering_is_not_a_claim() -> None:
    claims = extract("Steps:\n1. Open the file\n2. Read 300 pages")
    assert [c.value for c in claims] == [300]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("$52.4 billion", 52.35e9, 52.45e9),
        ("$53 billion", 52.5e9, 53.5e9),
        ("380 billion yuan", 375e9, 385e9),
        ("21 incidents", 21, 21),  # a whole count is exact
        ("300 employees", 250, 350),  # trailing zeros: rounded
        ("0.50 percent", 0.495, 0.505),
    ],
)
def test_stated_precision_gives_the_interval(
    text: str, low: float, high: float
) -> None:
    (claim,) = extract(text)
    assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))
    assert claim.low <= claim.value <= claim.high


def test_negative_numbers() -> None:
    (claim,) = extract("Growth was -3.2% last year.")
    assert claim.value == pytest.approx(-3.2)


def test_minus_word_is_a_sign() -> None:
    (claim,) = extract("It needs minus five percent.")
    assert claim.value == pytest.approx(-5)


def test_counts_record_their_noun() -> None:
    (claim,) = extract("Kia recalled 1.64 million vehicles.")
    assert (claim.kind, claim.noun, claim.unit) == ("count", "vehicles", None)


def test_spans_line_and_column() -> None:
    text = "First line.\nIt raised $140 million."
    (claim,) = extract(text)
    assert text[claim.span.start : claim.span.end] == claim.text == "$140 million"
    assert (claim.span.line, claim.span.column) == (2, 11)


def test_sentence_is_recorded() -> None:
    text = "Alibaba rose 3%. Tencent fell 2% on Monday. Others held."
    claims = extract(text)
    assert claims[1].sentence_text == "Tencent fell 2% on Monday."


def test_public_extract_stays_callable_after_the_stage_is_imported() -> None:
    import importlib

    import factcheck

    importlib.import_module("factcheck.extractor")
    assert [c.value for c in factcheck.extract("up 13%")] == [13]
    assert [c.value for c in factcheck.extract("up 14%")] == [14]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("up 20%", 19.5, 20.5),  # a small percentage names its units digit
        ("40 directors", 40, 40),  # so does a small count, which is exact
        ("300 employees", 250, 350),  # from 100 up, trailing zeros are rounding
        ("$20 million", 15e6, 25e6),  # money keeps the rule of DESIGN.md
    ],
)
def test_trailing_zeros_by_kind(text: str, low: float, high: float) -> None:
    (claim,) = extract(text)
    assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", ["24703 L-202", "5 L-shaped rooms", "3 T-shirts"])
def test_a_spaced_letter_before_a_hyphen_is_no_unit(text: str) -> None:
    (claim,) = extract(text)
    assert (claim.kind, claim.unit) == ("count", None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a third of voters", 1 / 3),
        ("two thirds of voters", 2 / 3),
        ("two-thirds of the board", 2 / 3),
        ("one-fifth of output", 0.2),
        ("three quarters of voters", 0.75),
        ("nine tenths of it", 0.9),
        ("half of voters", 0.5),
        ("half the staff", 0.5),
        ("sales were cut by half", 0.5),
        ("under half of them", 0.5),
    ],
)
def test_fractions_in_words_are_shares(text: str, value: float) -> None:
    (claim,) = extract(text)
    assert claim.kind == "count"
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "She won a third term.",
        "Sales rose in the first three quarters.",
        "It fell in the first half of the year.",
        "It was the best quarter of the decade.",
        "Revenue rose in the quarter ended June 30.",
        "a half-point cut",
        "How about that?",
    ],
)
def test_periods_and_ordinals_are_no_fractions(text: str) -> None:
    assert extract(text) == ()


@pytest.mark.parametrize(
    ("text", "value", "whole", "qualifier"),
    [
        ("One in five adults smoke.", 1, 5, None),
        ("2 out of 3 doctors agree", 2, 3, None),
        ("nearly one in five voters", 1, 5, "approx"),
        ("How about 2 in 5 or more?", 2, 5, "ge"),
        ("six in 10 Americans", 6, 10, None),
        ("nine out of 10 dentists", 9, 10, None),
    ],
)
def test_rates_keep_both_numbers_in_one_claim(
    text: str, value: float, whole: float, qualifier: str | None
) -> None:
    (claim,) = extract(text)
    assert (claim.kind, claim.qualifier) == ("count", qualifier)
    assert (claim.value, claim.whole) == (value, whole)
    assert claim.share == pytest.approx(value / whole)


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("The party won 158 out of 325 seats.", 158, 325),
        ("The coalition holds 204 of the 400 seats.", 204, 400),
        ("Five of its nine crew members were rescued.", 5, 9),
        ("The team has won seven of its last 10 matches.", 7, 10),
    ],
)
def test_a_part_of_a_stated_total_is_two_claims(
    text: str, part: float, whole: float
) -> None:
    # the total is a claim of its own (325 seats); the part records it
    first, second = extract(text)
    assert (first.value, first.whole, second.value, second.whole) == (
        part,
        whole,
        whole,
        None,
    )
    assert first.share == pytest.approx(part / whole)


def test_a_part_without_a_total_has_no_whole() -> None:
    (claim,) = extract("The company cut 1,200 jobs.")
    assert (claim.whole, claim.share) == (None, None)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("x is equal to one hundred and seventy.", [170]),
        ("Ten of them left.", [10]),
        ("It fell to two thousand fifteen.", [2015]),
        ("one of the largest deals", []),
        # "and" joins only after hundred or a scale word; a teen after a ten starts
        # a new number
        ("between ten and fifteen people", [12.5]),
        ("twenty twenty", [20, 20]),
    ],
)
def test_spelled_numbers(text: str, values: list[float]) -> None:
    assert [c.value for c in extract(text)] == values


def test_a_year_is_no_claim_but_a_decimal_of_four_characters_is() -> None:
    assert [c.value for c in extract("By 2023, 2.85 and 2.00; in 1999.")] == [2.85, 2.0]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a list item whose verb and noun are gapped: the number after the name counts
        ("Law and Justice has 194 seats and the Civic Coalition 157.", [194, 157]),
        (
            "Third Way won 26 seats and the Left 65, while Confederation has 18.",
            [26, 65, 18],
        ),
        # the first item of a list a colon opens after a counted figure
        (
            "The groups won 248 seats: Civic Coalition 157, Third Way 65 and the Left 36.",
            [248, 157, 65, 36],
        ),
        ("Seats: Civic Coalition 157.", []),
        # the first item of a tally said to stand at a list, after a counted figure
        (
            "With all 160 seats filled, the final tally stands at Civic Unity 41, "
            "Renewal 36 and others 83.",
            [160, 41, 36, 83],
        ),
        ("The final tally stands at Civic Unity 41.", []),
        # a tally said to be a list of names with their numbers, two or more
        (
            "The final tally is Harbour 65, Union 33, Greens 10 and the Rural Party 2.",
            [65, 33, 10, 2],
        ),
        (
            "The new House will seat Tories 124, Liberals 103 and Bloc 51.",
            [124, 103, 51],
        ),
        ("The best-seller is Boeing 737, its rival the Airbus A320.", []),
        ("The FTSE 100, the CAC 40 and the DAX 30 fell.", []),
        # a model number stays a name, in a list or not
        ("The airline flies 30 jets, and the Boeing 737 is its workhorse.", [30]),
        ("The airline flies 30 jets: the Boeing 737 is its workhorse.", [30]),
        ("The Left won 65.", [65]),
        ("Section 230 and Boeing 737.", []),
        # a number between a capitalized possessive and a capitalized word is a
        # word of a name; before a lower-case noun it is a count
        ("The Standard & Poor's 500 Index fell 50.33 points.", [50.33]),
        ("Kenya's 47 counties voted; Toyota's 1,120 cars were recalled.", [47, 1120]),
    ],
)
def test_a_gapped_list_item_after_a_name_is_a_count(
    text: str, want: list[float]
) -> None:
    assert [c.value for c in extract(text)] == want
