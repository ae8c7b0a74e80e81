"""The readings of news forms (issue 10), each with its minimal pairs: the same
sentence shape with the other verdict."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from factcheck import extract
from factcheck.model import Claim, Document
from factcheck.report.json import claim_to_dict


def read(text: str) -> list[tuple[str, float, str | None, str | None]]:
    """(kind, value, unit as the JSON contract gives it, qualifier) of each claim."""
    out = []
    for c in extract(text):
        d = claim_to_dict(c)
        value = (d["low"], d["high"]) if c.qualifier == "range" else c.value
        out.append((c.kind, value, d["unit"], c.qualifier))
    return out


def only(text: str) -> Claim:
    (claim,) = extract(text)
    return claim


# -- durations and ages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("after three days of talks", 3, "day"),
        ("a three-day summit", 3, "day"),
        ("a 12-year contract", 12, "year"),
        ("It finished in 19 seconds.", 19, "second"),
        ("over the past 24 hours", 24, "hour"),
        ("for six weeks", 6, "week"),
        ("the 41-year-old goalkeeper", 41, "year"),
        ("It lasted two decades.", 20, "year"),  # pint's decade is logarithmic
        ("a delay of 90 mins", 90, "minute"),
        ("a delay of 90mins", 90, "minute"),
        ("It took 35sec.", 35, "second"),
        ("a 3hr wait", 3, "hour"),
    ],
)
def test_durations_are_quantities_in_time_units(
    text: str, value: float, unit: str
) -> None:
    assert read(text) == [("quantity", value, unit, None)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("She won in two minutes and 41 seconds.", 161, "second"),
        ("She won in two hours, 21 minutes and 11 seconds.", 8471, "second"),
        ("It took 1 hour 30 minutes.", 90, "minute"),
        # the British press's race times, each unit glued to its number
        ("She won in 2hr 15min 25sec.", 8125, "second"),
        ("She improved it by 1min 35sec.", 95, "second"),
        ("The flight lasted 21hr 23min.", 1283, "minute"),
        ("Abera won in 2hr 07min 56sec.", 7676, "second"),
    ],
)
def test_a_compound_duration_is_one_quantity_in_its_smallest_unit(
    text: str, value: float, unit: str
) -> None:
    assert read(text) == [("quantity", value, unit, None)]


def test_units_of_the_calendar_join_in_months_not_in_seconds() -> None:
    assert read("It took 3 years and 2 months.") == [("quantity", 38, "month", None)]
    # a month has no fixed number of days: these stay two claims
    assert [r[2] for r in read("It took 2 months and 3 days.")] == ["month", "day"]


def test_almost_half_a_minute() -> None:
    assert read("It took almost half a minute.") == [
        ("quantity", 0.5, "minute", "approx")
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Kipchoge won in 2:04:12, ahead of Kiprotich (2:05:47).", [7452, 7547]),
        ("The swimmer touched in 1:52.85 to win.", [112.85]),
        ("She ran a time of 3:58 in the mile.", [238]),
    ],
)
def test_race_times_are_durations_in_seconds(text: str, seconds: list[float]) -> None:
    claims = [c for c in extract(text) if c.unit == "second"]
    assert [c.value for c in claims] == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    [
        "The polls close at 20:00:00 local time.",
        "The meeting starts at 10:30.",
        "It happened at 14:30:15 GMT.",
        "The train leaves 3:45 from platform two.",
        "The attack began 06:45:12 local time.",
    ],
)
def test_times_of_day_are_no_durations(text: str) -> None:
    assert [c for c in extract(text) if c.unit == "second"] == []


@pytest.mark.parametrize("text", ["x.12:30", "a .12:30:15 b", "2024:12:01", "123:45"])
def test_digits_that_make_no_clock_face_are_no_duration(text: str) -> None:
    assert [c for c in extract(text) if c.unit == "second"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The suspect, aged 17, was held.", 17),
        ("She rode her first winner at the age of 16.", 16),
        ("The senator, 71, is seeking a fourth term.", 71),
        ("John Smith, 31, of Leeds, was charged.", 31),
    ],
)
def test_ages_are_quantities_in_years(text: str, value: float) -> None:
    assert read(text)[0] == ("quantity", value, "year", None)


@pytest.mark.parametrize(
    "text",
    [
        "In March, 31 people died.",  # a number with what it counts after it
        "The score was 3, 4, and 5.",  # a list of numbers
        "By Tuesday, 12, including two children, had died.",  # a weekday, no name
    ],
)
def test_a_number_between_commas_is_an_age_only_after_a_name(text: str) -> None:
    assert all(c.unit != "year" for c in extract(text))


def test_ranges_of_ages() -> None:
    assert read("Voters aged 18 to 24 backed him.") == [
        ("quantity", (18, 24), "year", "range")
    ]
    assert read("patients aged 65 and over") == [("quantity", 65, "year", "ge")]


def test_over_a_period_is_during_it_after_an_amount() -> None:
    assert read("It will invest $5bn over three years.")[1] == (
        "quantity",
        3,
        "year",
        None,
    )
    assert read("He was held for over three years.") == [("quantity", 3, "year", "gt")]
    # an amount and its noun, or instalments, spread over a period
    assert read("MTN is to pay a N330bn fine over five years.")[-1] == (
        "quantity",
        5,
        "year",
        None,
    )
    assert read("It was paid in instalments over three years.") == [
        ("quantity", 3, "year", None)
    ]
    # ... but a count and a verb of lasting keep "more than"
    assert read("The trial of 12 men lasted over two years.")[-1] == (
        "quantity",
        2,
        "year",
        "gt",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The yield on the 10-year Treasury note rose.",
        "Two-year gilts rallied.",
        "The 30-year mortgage rate averaged more.",
    ],
)
def test_a_term_that_names_a_bond_is_no_duration(text: str) -> None:
    assert extract(text) == ()


def test_a_term_of_a_loan_is_a_duration() -> None:
    assert read("She took a 30-year loan.") == [("quantity", 30, "year", None)]


# -- temperatures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Temperatures reached 38.1C (100.6F) on Thursday.",
            [
                ("quantity", 38.1, "degree_Celsius", None),
                ("quantity", 100.6, "degree_Fahrenheit", None),
            ],
        ),
        ("It was 38.1 degrees Celsius.", [("quantity", 38.1, "degree_Celsius", None)]),
        ("a low of minus 5C", [("quantity", -5, "degree_Celsius", None)]),
        ("It dipped to -2.5°C.", [("quantity", -2.5, "degree_Celsius", None)]),
        ("The heat index hit 115F.", [("quantity", 115, "degree_Fahrenheit", None)]),
        ("highs near 40C", [("quantity", 40, "degree_Celsius", "approx")]),
        (
            "Wales set a record of 37.1 deg C (98.8 deg F) on Monday.",
            [
                ("quantity", 37.1, "degree_Celsius", None),
                ("quantity", 98.8, "degree_Fahrenheit", None),
            ],
        ),
        (
            "The mercury hit 104 degree F.",
            [("quantity", 104, "degree_Fahrenheit", None)],
        ),
        (
            "It reached 40.3 deg. C on Tuesday.",
            [("quantity", 40.3, "degree_Celsius", None)],
        ),
    ],
)
def test_temperatures(text: str, expected: list[tuple]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Last month was 1.2C above the 1951-1980 average.",
        "Seas were warmer by 0.3C than in any June.",
        "Temperatures will fall by 10 degrees Celsius.",
        "The goal is to limit warming to 1.5C.",
        "It forecast a 2C rise by 2100.",
        # a margin named before it: by the noun, or set off after the noun's clause
        "The margin was 0.6C.",
        "The margin by which the annual record was broken, a full 0.6C, was large.",
    ],
)
def test_a_temperature_difference_is_a_delta(text: str) -> None:
    units = [u for _, _, u, _ in read(text)]
    assert units == ["delta_degree_Celsius"]


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures reached 38C on Thursday.",
        "Temperatures fell to 10 degrees Celsius.",
        "It was 1.2C at dawn.",
        # a margin noun with a reading of its own after it
        "At the margin of the desert, it was 41C.",
    ],
)
def test_a_temperature_reading_is_no_delta(text: str) -> None:
    assert [u for _, _, u, _ in read(text)] == ["degree_Celsius"]


def test_a_difference_and_its_equivalent_are_both_deltas() -> None:
    claims = extract("It was 1.2C (2.2F) above the average.")
    assert [c.unit for c in claims] == [
        "delta_degree_Celsius",
        "delta_degree_Fahrenheit",
    ]
    assert claims[1].equivalent_of == claims[0].id


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a bare "degrees" restated in one scale, or restating it, is the other
        ("It hit 116 degrees (46.7C).", ["degree_Fahrenheit", "degree_Celsius"]),
        ("It hit 46.7C (116 degrees).", ["degree_Celsius", "degree_Fahrenheit"]),
        ("It hit 46.7 C (116 degrees).", ["degree_Celsius", "degree_Fahrenheit"]),
        (
            "It was 1.2C (2.2 degrees) above the average.",
            ["delta_degree_Celsius", "delta_degree_Fahrenheit"],
        ),
        # no restatement: a bare "degrees" stays unread, an angle or either scale
        (
            "It hit 116 degrees on Monday, and 46.7C on Tuesday.",
            ["degree", "degree_Celsius"],
        ),
        ("The ramp turns 90 degrees.", ["degree"]),
        # a bare "degrees" compared with another figure: a difference in the scale
        # of the last temperature stated first
        (
            "It hit 45.4C (113.7F), five degrees above normal.",
            ["degree_Celsius", "degree_Fahrenheit", "delta_degree_Celsius"],
        ),
        (
            "It hit 116 degrees (46.7C), 9 degrees hotter than the record.",
            ["degree_Fahrenheit", "degree_Celsius", "delta_degree_Fahrenheit"],
        ),
        ("It hit 45.4C. The ramp turns 90 degrees.", ["degree_Celsius", "degree"]),
        ("The ramp turned 90 degrees more than planned.", ["degree"]),
    ],
)
def test_a_bare_degrees_takes_its_scale_from_the_temperatures_around_it(
    text: str, units: list[str]
) -> None:
    assert [u for _, _, u, _ in read(text)] == units


@pytest.mark.parametrize("text", ["The iPhone 5C sold well.", "The Galaxy 5C sold."])
def test_a_letter_after_a_model_number_is_no_temperature(text: str) -> None:
    assert extract(text) == ()


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a spaced "C" in a sentence about heat: the Canadian Press's style
        (
            "Temperatures rose from 46.6 C on Sunday to 49.6 C on Tuesday.",
            "degree_Celsius",
        ),
        ("It hit 30 C in Paris amid a heatwave.", "degree_Celsius"),
        # elsewhere a spaced capital is a letter: a grade, a class
        ("He got a 5 C in the exam.", None),
        # ... unless the other scale follows in brackets: one temperature twice
        ("Belgium registered 41.8 C (107.2 F) at Begijnendijk.", "degree_Celsius"),
        ("He got a 5 C (a pass) in the exam.", None),
    ],
)
def test_a_spaced_c_is_a_temperature_beside_words_of_heat(
    text: str, unit: str | None
) -> None:
    assert extract(text)[0].unit == unit


# -- numbers grouped by spaces ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4 512 homes", 4512),
        ("27 310 447 ballots", 27_310_447),
        ("1\u2009906\u2009233 votes", 1_906_233),
        ("1\u202f906\u202f233 votes", 1_906_233),
        ("1\u00a0906\u00a0233 votes", 1_906_233),
        ("12 450 118 904.50 dollars", 12_450_118_904.5),
    ],
)
def test_numbers_grouped_by_spaces_are_one_number(text: str, value: float) -> None:
    assert [c.value for c in extract(text)] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("In 2019 300 people died.", [300]),  # a year, then a count
        ("On May 5 100 people were arrested.", [100]),  # a day of the month
        ("Rooms 4 51 and 6 were shut.", [4, 51, 6]),  # no groups of three
        ("They found 12 3456 of them.", [12, 3456]),
        # "reached" asks for a telephone number only before "at" or "on"
        ("Deaths reached 662 on Monday.", [662]),
    ],
)
def test_irregular_or_dated_groups_are_separate_numbers(
    text: str, values: list[float]
) -> None:
    assert [c.value for c in extract(text)] == values


# -- numbers that are names, and scores --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Samsung launched the Galaxy S24.",
        "The Airbus A350-1000 entered service.",
        "Phones running Android 14 were affected.",
        "Officials urged residents to dial 112.",
        "Call 999 in an emergency.",
        "For help, call 0800 555 0199.",
        "The press office can be reached at 555 0199.",
        "The FY2024/25 budget was presented.",
        "Police said it happened on Monday (22).",
        "Article 370 was repealed.",
        "He was charged under section 302 of the penal code.",
        "She took the No. 7 bus.",
        "The iPhone 15 went on sale.",
        "Interstate 95 was closed.",
        "Amendment 14 was debated.",
        "The regulator cited Rule 10b-5.",
        "She won the 100m final.",
        "He won the 200 metres freestyle.",
        "The trial resumed on day 3 of the hearings.",
        "The index fell on Day 3 of the crisis.",
    ],
)
def test_numbers_that_are_names_are_no_claims(text: str) -> None:
    assert extract(text) == ()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a label word ends its sentence: the next sentence's number is no label's
        ("Noise was the main issue. One in five homes flooded.", "One in five"),
        ("It was the last round. Two in five players quit.", "Two in five"),
        ("Readers liked issue. Three in ten wrote back.", "Three in ten"),
    ],
)
def test_a_label_word_ends_before_a_full_stop(text: str, said: str) -> None:
    (claim,) = extract(text)
    assert claim.text == said
    assert claim.whole is not None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The company will call back 200 workers.", [200]),
        ("The bill runs to 302 pages.", [302]),
        ("It happened on Monday, when 22 people died.", [22]),
        ("She ran 100m in 11 seconds.", [100, 11]),
        ("He covered a 5km race route.", [5]),
        # a period a market report ends, then an amount of a plural noun
        ("The Dow ended the day 777 points lower.", [777]),
        ("The FTSE closed the week 120 points higher.", [120]),
    ],
)
def test_the_same_words_beside_an_amount_leave_it_a_claim(
    text: str, values: list[float]
) -> None:
    assert [c.value for c in extract(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "Arsenal led 3-1 at half-time.",
        "It ended in a 2-2 draw.",
        "Spain won 5-4 on penalties.",
        "The Lakers beat the Celtics 118-112.",
        "She lost 6-4, 3-6, 7-6 (7-4).",
        "The Supreme Court ruled 5-4.",
        "The Senate voted 51-49.",
        "They lost 1-3 to Spain.",
        "It passed by a vote of 79 to 18.",
    ],
)
def test_scores_and_tallies_are_no_claims_nor_ranges(text: str) -> None:
    assert extract(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 10-15 people", [("count", (10, 15), None, "range")]),
        ("a 2-3 day trip", [("quantity", (2, 3), "day", "range")]),
        ("aged 18-24", [("quantity", (18, 24), "year", "range")]),
        ("It cost $1bn-2bn.", [("money", (1e9, 2e9), "USD", "range")]),
    ],
)
def test_ranges_from_low_to_high_stay_ranges(text: str, expected: list) -> None:
    assert read(text) == expected


# -- changes, ranges and sizes ------------------------------------------------------------


def test_a_change_is_two_values_not_a_range() -> None:
    assert read("Profit fell from 4.1 billion euros to 3.6 billion euros.") == [
        ("money", pytest.approx(4.1e9), "EUR", None),
        ("money", pytest.approx(3.6e9), "EUR", None),
    ]
    # a range goes up: "from X to a smaller Y" is a change even without a verb
    assert [r[3] for r in read("Profit: from 4.1 billion euros to 3.6 billion")] == [
        None,
        None,
    ]


def test_a_change_states_its_unit_once() -> None:
    assert read("It would raise the pension age from 62 to 64.") == [
        ("quantity", 62, "year", None),
        ("quantity", 64, "year", None),
    ]
    assert read("The court cut his sentence from 12 years to eight.") == [
        ("quantity", 12, "year", None),
        ("quantity", 8, "year", None),
    ]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a market report's verb before "N percent to X": the move and its level
        ("The peso firmed 2.6 percent to 9.43 per dollar.", None),
        ("The index eased 1.5 percent to 3,245 points.", None),
        ("The won weakened 0.8 percent to 1,320 per dollar.", None),
        ("Shares advanced 4 percent to 112 yuan.", None),
        # minimal pairs: the same figures after a noun or a verb of no change
        ("The firms expect 2.6 percent to 9.43 percent.", "range"),
        ("Forecasts put it at 2.6 percent to 9.43 percent.", "range"),
    ],
)
def test_a_market_verb_makes_a_move_and_its_level(
    text: str, verdict: str | None
) -> None:
    first = read(text)[0]
    assert first[0] == "percent"
    assert first[3] == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # a verb of change some words before "from": its two ends
        ("The deal will lift their average annual pay from $75,608 to $119,309.", None),
        ("The board hiked the fee from $50 to $80.", None),
        # the change named right after the two figures
        ("Pay went from $75,608 to $119,309, a rise of 58%.", None),
        ("Average pay went from $75,608 to $119,309 (an increase of 58%).", None),
        ("Fares went from $50 to $80, up 60%.", None),
        # minimal pairs: a range verb, or nothing after, keeps the range
        (
            "Salaries range from $75,608 to $119,309, a rise of 58% on entry level.",
            "range",
        ),
        ("Salaries run from $75,608 to $119,309 across the grades.", "range"),
        ("Fares vary from $50 to $80, up 60% at peak times.", "range"),
        # the start's owner between "from" and the figure: still a change's ends
        ("Fares rose 60 percent from last year's $50 to $80.", None),
        ("Fares vary 60 percent from last year's $50 to $80.", "range"),
        # the change's size right before its ends, the verb too far back to read
        (
            "The board raised the monthly fee for members by 25 percent, from $50 to $62.50.",
            None,
        ),
        ("Monthly fees for members vary by 25 percent, from $50 to $62.50.", "range"),
    ],
)
def test_from_to_before_a_named_change_states_two_ends(
    text: str, verdict: str | None
) -> None:
    money = [r for r in read(text) if r[0] == "money"]
    assert [r[3] for r in money] == ([None, None] if verdict is None else ["range"])


@pytest.mark.parametrize(
    ("text", "precision"),
    [("It was 40C in the shade.", 1.0), ("A record of 120F.", 1.0),
     ("It fell to -10C overnight.", 1.0), ("Crowds of 40,000 gathered.", 10000.0),
     # a scale word multiplies the degrees: the scaled figure's own rounding
     ("The plasma reached 150 million degrees Celsius.", 10e6),
     ("That is 270 million degrees Fahrenheit.", 10e6)],
)  # fmt: skip
def test_a_temperature_is_read_to_the_degree(text: str, precision: float) -> None:
    assert extract(text)[0].precision == precision


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Exports were 11.55 lakh tonnes a year earlier.", "metric_ton"),
        ("Output was 500 tonnes a day ago.", "metric_ton"),
        ("It shipped 40 tonnes a year before the ban.", "metric_ton"),
        # minimal pairs: the same units as rates
        ("Exports are 11.55 lakh tonnes a year.", "metric_ton / year"),
        ("Output was 500 tonnes a day, officials said.", "metric_ton / day"),
        ("It shipped 40 tonnes a year before 2020 and more after.", "metric_ton"),
    ],
)
def test_a_year_earlier_is_a_time_not_a_rate(text: str, unit: str) -> None:
    assert read(text)[0][2] == unit


@pytest.mark.parametrize(
    "text", ["Drifts of 8 to 11 feet.", "Drifts of 8 feet to 11 feet."]
)
def test_a_range_with_the_unit_at_one_or_both_ends(text: str) -> None:
    assert read(text) == [("quantity", (8, 11), "foot", "range")]


@pytest.mark.parametrize(
    "text", ["a slab 30 by 40 centimetres", "a slab 30 x 40 centimetres"]
)
def test_a_size_is_two_quantities(text: str) -> None:
    assert read(text) == [
        ("quantity", 30, "centimeter", None),
        ("quantity", 40, "centimeter", None),
    ]


def test_a_count_before_by_keeps_its_noun() -> None:
    assert read("30 people by 40 centimetres")[0] == ("count", 30, None, None)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # "and" joins names before the counted noun...
        ("It recalled 1.64 million Hyundai and Genesis vehicles.", "vehicles"),
        # ...but after a figure it joins the next item, whose noun is its own
        ("It won 6.5 per cent and eight seats.", None),
        ("It won 6.5 per cent and 8 seats.", None),
    ],
)
def test_and_after_a_figure_is_no_name_glue(text: str, noun: str | None) -> None:
    assert extract(text)[0].noun == noun


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a plural not ending in "s" ends what is counted: the verb after it
        # counts nothing...
        ("More than 100,000 people sought medical treatment.", "people"),
        ("About 40 women marched to the court.", "women"),
        # ...as a plural in "s" always did; a noun before the plural is kept
        ("More than 100,000 residents sought medical treatment.", "residents"),
        ("About 40 police officers marched to the court.", "police officers"),
    ],
)
def test_a_plural_ends_the_counted_noun(text: str, noun: str) -> None:
    assert extract(text)[0].noun == noun


# -- money and units -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Ksh.2.1 trillion", 2.1e12, "KES"),
        ("Rs.500 crore", 5e9, "INR"),
        ("45 paise", 0.45, "INR"),
        ("12 billion reals", 12e9, "BRL"),
        ("12 billion reais", 12e9, "BRL"),
        ("Reais 12,450,118,904.00", 12_450_118_904, "BRL"),
        ("Fuel duty rose by 5p.", 0.05, "GBP"),
    ],
)
def test_money_news_prints(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit) == ("money", unit)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["at 5pm", "at 5p.m. today", "5pc"])
def test_a_p_that_is_no_penny(text: str) -> None:
    assert all(c.kind != "money" for c in extract(text))


def test_shillings_by_the_country_the_sentence_names() -> None:
    kenya = only("Safaricom's profit rose to Sh62.3 billion.")
    assert (kenya.unit, kenya.unit_note) == (
        "KES",
        "'Sh' read as KES: no other sign of the currency",
    )
    tanzania = only("The Tanzanian budget is Sh49.35 trillion.")
    assert tanzania.unit == "TZS"
    assert tanzania.unit_note == "'Sh' read as TZS: the sentence names Tanzania"
    assert only("Uganda spent 500 billion shillings.").unit == "UGX"


def test_shillings_by_the_outlet_country() -> None:
    from factcheck.extractor import extract_document

    doc = Document(
        path="a.md",
        text="The budget is Sh49.35 trillion.",
        url="https://www.thecitizen.co.tz/news/budget",
    )
    (claim,) = extract_document(doc).claims
    assert claim.unit == "TZS"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Equinor earned 80 billion kroner.", "NOK"),
        ("The Danish drugmaker earned 80 billion kroner.", "DKK"),
        ("Norway's wealth fund earned 80 billion kroner.", "NOK"),
        ("The Copenhagen group earned 80 billion kroner.", "DKK"),
    ],
)
def test_kroner_by_the_country_the_text_names(text: str, unit: str) -> None:
    """Norway and Denmark both count in kroner: a named country settles which."""
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The budget is Rs 48 lakh crore.", "INR"),
        ("India's budget is Rs 48 lakh crore.", "INR"),
        ("Pakistan puts flood damage at Rs 3.2 trillion.", "PKR"),
        ("The Colombo port deal is worth Rs 120 billion.", "LKR"),
        ("Nepal's budget is Rs 1.86 trillion.", "NPR"),
    ],
)
def test_rupees_by_the_country_the_text_names(text: str, unit: str) -> None:
    """India, Pakistan, Sri Lanka and Nepal all write "Rs"."""
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a country named as the other party is not the amount's own: the outlet's
        # reading (Pakistan) stands
        ("Defence gets Rs 2.12 trillion amid tensions with neighbouring India.", "PKR"),
        ("In India, defence gets Rs 6.2 trillion this year.", "INR"),
        # named as the sentence's own, it settles the reading
        ("India's defence gets Rs 6.2 trillion.", "INR"),
    ],
)
def test_a_country_named_as_the_other_party_reads_no_rupee(
    text: str, unit: str
) -> None:
    from factcheck.extractor import extract_document

    doc = Document(path="a.md", text=text, url="https://dawn.com.pk/a")
    assert extract_document(doc).claims[0].unit == unit


def test_rupees_by_the_outlet_country() -> None:
    from factcheck.extractor import extract_document

    doc = Document(
        path="a.md", text="Damage reached Rs 3.2 trillion.", url="https://dawn.com.pk/a"
    )
    (claim,) = extract_document(doc).claims
    assert (claim.unit, claim.unit_candidates) == ("PKR", ("PKR", "INR"))


@pytest.mark.parametrize(
    ("outlet", "unit"),
    [
        ("The Edge Singapore", "SGD"),
        ("Hong Kong Free Press", "HKD"),
        ("The Edge Malaysia", "USD"),
        (None, "USD"),
    ],
)
def test_a_bare_dollar_by_the_country_the_outlet_names(
    outlet: str | None, unit: str
) -> None:
    """An outlet named after a dollar country prints its own dollar as "$", as an
    outlet of that country's domain does (USD stays a candidate)."""
    from factcheck.extractor import extract_document

    doc = Document(
        path="a.md",
        text="The budget is worth $114 billion.",
        url="https://www.example.com/a",
        outlet=outlet,
    )
    (claim,) = extract_document(doc).claims
    assert claim.unit == unit


def test_kroner_by_the_outlet_country() -> None:
    from factcheck.extractor import extract_document

    text = "The deal is worth 114.5 billion kroner."
    dk = Document(path="a.md", text=text, url="https://borsen.dk/nyheder/a")
    other = Document(path="a.md", text=text, url="https://www.example.com/a")
    (claim,) = extract_document(dk).claims
    assert (claim.unit, claim.unit_candidates) == ("DKK", ("DKK", "NOK"))
    (claim,) = extract_document(other).claims
    assert claim.unit == "NOK"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Inflation was 3.4-percent.", 3.4, "%"),
        ("The Fed cut rates by half a point.", 0.5, "pp"),
        ("Yields rose by a quarter of a percentage point.", 0.25, "pp"),
        ("The bank made a quarter-point cut in its rate.", 0.25, "pp"),
        ("It raised rates by 25 basis points.", 0.25, "pp"),
        ("a 25-basis-point cut", 0.25, "pp"),
    ],
)
def test_percentages_and_points(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit) == ("percent", unit)
    assert claim.value == pytest.approx(value)


def test_half_a_point_is_no_percentage_point_away_from_rates() -> None:
    assert only("The gymnast lost by half a point.").unit is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a 5 mi walk", 5, "mile"),
        ("winds of 120 mph", 120, "mile / hour"),
        ("a farm of 300 ha", 300, "hectare"),
        ("The storm's pressure dropped to 940 mb.", 940, "millibar"),
        ("The pressure fell to 940 millibars.", 940, "millibar"),
        ("a 50-megapixel sensor", 50, "megapixel"),
        ("a 1,600-MW plant", 1600, "megawatt"),
        ("3 GW of solar capacity", 3, "gigawatt"),
        ("a 20 MWh battery", 20, "megawatt_hour"),
        ("25.3 TWh of electricity", 25.3, "terawatt_hour"),
        ("a chip that runs at 3.2 GHz", 3.2, "gigahertz"),
        ("2 million barrels per day", 2e6, "barrel / day"),
        ("3.9 million barrels of oil equivalent a day", 3.9e6, "boe / day"),
        ("13 billion light-years away", 13e9, "light_year"),
        ("0.08 of a second", 0.08, "second"),
        ("windows shattered half a mile away", 0.5, "mile"),
    ],
)
def test_units_news_prints(text: str, value: float, unit: str) -> None:
    ((kind, got, json_unit, _),) = read(text)
    assert (kind, json_unit) == ("quantity", unit)
    assert got == pytest.approx(value)


def test_mb_is_megabits_away_from_weather() -> None:
    assert read("a 100mb broadband line") == [("quantity", 100, "megabit", None)]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a list's bare amounts carry the currency of the amount before them
        (
            "Ferro got the biggest fine, 462 million euros, followed by Kalt with 296.16 million.",
            [("money", "EUR"), ("money", "EUR")],
        ),
        # ... into the next sentence when in brackets after a name
        (
            "Ferro got 462 million euros. The others were Kalt (37.05 million) and Orm (13.2 million).",
            [("money", "EUR"), ("money", "EUR"), ("money", "EUR")],
        ),
        (
            "Revenue rose to 31.7 billion yuan from 28.1 billion.",
            [("money", "CNY"), ("money", "CNY")],
        ),
        # a count of a noun, a count of people named ahead, or another sentence is no
        # amount of the list
        (
            "Ferro got 462 million euros and has 296 million customers.",
            [("money", "EUR"), ("count", None)],
        ),
        (
            "Tarvia spent 5 billion euros on a population of 23.4 million.",
            [("money", "EUR"), ("count", None)],
        ),
        (
            "Ferro got 462 million euros. Kalt has 37.05 million.",
            [("money", "EUR"), ("count", None)],
        ),
        # a number with no scale word is not an amount left bare
        (
            "Ferro paid 462 million euros to 14 firms.",
            [("money", "EUR"), ("count", None)],
        ),
    ],
)
def test_a_lists_bare_amounts_carry_its_currency(
    text: str, kinds: list[tuple[str, str | None]]
) -> None:
    assert [(k, u) for k, _, u, _ in read(text)] == kinds


def test_a_carried_currency_says_where_it_came_from() -> None:
    _, carried = extract("Ferro got 462 million euros, and Kalt 296.16 million.")
    assert carried.unit == "EUR"
    assert carried.unit_note is not None
    assert "'462 million euros'" in carried.unit_note


# -- qualifiers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Spending topped $14 billion.", "gt"),
        ("Losses exceeded $2 billion.", "gt"),
        ("Temperatures have exceeded 40C.", "gt"),
        ("Sales surpassed 1 million units.", "gt"),
        ("The rate is near 5%.", "approx"),
        ("Yields were just over 1%.", "gt"),
        ("It fell upwards of 40%.", "gt"),
        ("as many as 1.2 million people", "le"),
        ("up to 8 inches of rain", "le"),
        ("just shy of 2 million people", "approx"),
        ("less than 2 million people", "lt"),
        ("a loss in the order of CHF 132 billion", "approx"),
        ("costs on the order of $5 million", "approx"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize(
    "text",
    [
        "It will cost just under $6 billion.",
        "It will cost just below $6 billion.",
        "It will cost slightly less than $6 billion.",
        "It will cost a little under $6 billion.",
        "It will cost almost $6 billion.",
    ],
)
def test_a_little_below_is_the_nearly_band(text: str) -> None:
    # "just under N" is a little below N, as "nearly N"; plain "under N" is open
    from factcheck.model import nearly_bounds

    claim = only(text)
    assert (claim.interval.low, claim.interval.high) == nearly_bounds(6e9)
    assert only("It will cost under $6 billion.").interval.low is None


# -- counts in full --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Seven were confirmed dead.", [7]),
        ("Four of those were children.", [4]),
        ("A seven-member panel will decide.", [7]),
        ("a six-storey building", [6]),
        ("The scandal cost the party 41 seats.", [41]),
        ("Two died at the scene.", [2]),
    ],
)
def test_counts_read_in_full(text: str, values: list[float]) -> None:
    assert [c.value for c in extract(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "It was a two-way race.",
        "It is a five-star hotel.",
        "One was enough.",  # a pronoun
        "One of the largest deals.",
    ],
)
def test_words_that_look_like_counts_but_are_not(text: str) -> None:
    assert extract(text) == ()


# -- JSON units -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("120 mph", "mile / hour"),
        ("12,000 square kilometres", "kilometer ** 2"),
        ("5 km", "kilometer"),
        ("3 tonnes", "metric_ton"),
    ],
)
def test_json_units_are_pints_canonical_strings(text: str, unit: str) -> None:
    assert claim_to_dict(only(text))["unit"] == unit


def test_json_units_of_money_and_percentages_are_unchanged() -> None:
    assert [claim_to_dict(c)["unit"] for c in extract("$5 and 3% and 2 pp")] == [
        "USD",
        "%",
        "pp",
    ]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("The Halbri One costs $899.", ["$899"]),
        ("The Halbri phone costs $899 and one case $20.", ["$899", "one", "$20"]),
        ("Analysts at Kestrel Two said 5 banks failed.", ["5"]),
        ("Analysts said two banks failed.", ["two"]),
    ],
)
def test_a_capitalized_number_word_after_a_name_is_part_of_it(
    text: str, texts: list[str]
) -> None:
    assert [c.text for c in extract(text)] == texts


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("Net earnings were C$3.98 billion ($2.79 per common share).", False),
        ("Net earnings were C$3.98 billion ($3.10 billion).", True),
        ("The dividend rose to C$0.47 (US$0.36) a share.", True),
        ("Profit was £1.2 billion (€0.95 per share).", False),
        # what each resident bears, after the total
        (
            "The tunnel cost 11 billion euros, or about 1,500 francs for every Swiss resident.",
            False,
        ),
        (
            "The tunnel cost 11 billion euros, or about 12 billion francs for the state.",
            True,
        ),
    ],
)
def test_a_figure_per_share_restates_no_total(text: str, restated: bool) -> None:
    claims = extract(text)
    assert (claims[1].equivalent_of == claims[0].id) is restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("Net income reached $161.1bn in 2022, or about R2.9-trillion.", True),
        ("Net income reached $161.1bn in 2022, or $110bn in 2021.", False),
        ("Revenue was $5bn last year, or R90 billion.", True),
        ("Revenue was $5bn last year, or 12% of sales.", False),
        ("Lytton reached 49.6C on Tuesday, or about 121F.", True),
        ("Lytton reached 49.6C on Tuesday, or 44.4C on Sunday.", False),
    ],
)
def test_a_figure_its_time_then_its_restatement(text: str, restated: bool) -> None:
    claims = extract(text)
    assert (claims[1].equivalent_of == claims[0].id) is restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("The committee pays 180,000 euros for a gold medal (about $197,000).", True),
        ("It pays £2,500 for each athlete (roughly $3,200) a month.", True),
        ("It pays 180,000 euros for a gold medal (and $90,000 for silver).", False),
        ("It pays 180,000 euros for a gold medal, about $197,000.", False),
    ],
)
def test_a_figure_what_it_is_for_then_its_restatement(
    text: str, restated: bool
) -> None:
    claims = extract(text)
    assert (claims[1].equivalent_of == claims[0].id) is restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("It includes Nakheel's $3.52bn sukuk (Dh12.93bn) due on Monday.", True),
        ("The group restructured a $26 billion debt pile (about Dh95.5bn).", True),
        (
            "It includes Nakheel's $3.52bn sukuk (and Dh12.93bn of loans) due on Monday.",
            False,
        ),
        ("It includes Nakheel's $3.52bn sukuk, Dh12.93bn of loans and more.", False),
    ],
)
def test_a_figure_what_it_is_then_its_restatement(text: str, restated: bool) -> None:
    claims = extract(text)
    assert (claims[1].equivalent_of == claims[0].id) is restated


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("They ordered 1.2 million square centimetres — about 12 square metres — of skin.", True),
        ("It sold €222 million — roughly $263 million — of bonds.", True),
        ("They ordered 1.2 million square centimetres — and 12 square metres of gauze.", False),
    ],
)  # fmt: skip
def test_an_approximate_restatement_set_off_by_dashes(
    text: str, restated: bool
) -> None:
    claims = extract(text)
    assert (claims[1].equivalent_of == claims[0].id) is restated


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("an extra 1.2 million square centimetres of skin", "square centimeter"),
        ("a 3 sq cm patch", "square centimeter"),
        ("a 40 square millimetre chip", "square millimeter"),
        ("a 500 square yard plot", "square yard"),
        ("a 12 square inch panel", "square inch"),
        ("roughly 2,500 short tons of it", "short_ton"),
        ("a 40 long ton locomotive", "long_ton"),
    ],
)
def test_small_areas_and_other_tons_are_quantities(text: str, unit: str) -> None:
    (claim,) = extract(text)
    assert (claim.kind, claim.unit) == ("quantity", unit)


@pytest.mark.parametrize(
    ("text", "restated"),
    [
        ("Revenue was €5 billion, or about $5.4 billion, in the year.", True),
        ("Revenue was €5 billion, or about $1.4 billion more than a year earlier.", False),
        ("It sold €222 million, roughly $263 million, of bonds.", True),
        ("It sold €222 million, roughly $63 million short of its goal.", False),
        ("Lytton hit 49.6C, about 121 degrees, on Tuesday.", True),
        ("Lytton hit 49.6C, about 4.6 degrees above the old record.", False),
        ("Lytton hit 49.6C, roughly 8 degrees hotter than Vancouver.", False),
    ],
)  # fmt: skip
def test_a_restatement_followed_by_a_comparison_is_a_difference(
    text: str, restated: bool
) -> None:
    claims = extract(text)
    assert (claims[1].equivalent_of == claims[0].id) is restated


def test_a_size_in_other_units_is_no_equivalent_of_its_last_side() -> None:
    claims = extract("The sunshield is 69 by 46 feet, or 21 by 14 metres.")
    assert [c.equivalent_of for c in claims] == [None, None, None, None]
    (mile, km) = extract("The pipeline runs 100 miles, or 161 km.")
    assert km.equivalent_of == mile.id


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # "pesos" are the pesos of the one peso country a text names...
        ("The Philippine fund gets 50 billion pesos from Land Bank.", "PHP"),
        ("Argentina's central bank sold 50 billion pesos of bonds.", "ARS"),
        # ...and stay Mexican pesos where it names none, or two
        ("The fund gets 50 billion pesos from the bank.", "MXN"),
        ("Mexico and the Philippines: 50 billion pesos each.", "MXN"),
    ],
)
def test_pesos_are_the_named_countrys(text: str, unit: str) -> None:
    from factcheck.extractor import extract_document

    (claim,) = extract_document(Document.from_text(text, path="a.txt")).claims
    assert claim.unit == unit


def test_pesos_of_no_named_country_keep_every_peso_reading() -> None:
    from factcheck.extractor import extract_document

    text = "The city's flood plan costs 5.6 billion pesos, or about $99 million."
    (pesos, _) = extract_document(Document.from_text(text, path="a.txt")).claims
    assert (pesos.unit, pesos.unit_candidates) == (
        "MXN",
        ("MXN", "PHP", "ARS", "CLP", "COP"),
    )


@pytest.mark.parametrize(
    ("outlet", "prose", "unit", "candidates"),
    [
        # a masthead naming one peso country settles a text that names none...
        ("Mexico News Daily", "The fund gets 50 billion pesos.", "MXN", ()),
        # (the default reading it replaces stays a candidate)
        ("Manila Standard", "The fund gets 50 billion pesos.", "PHP", ("PHP", "MXN")),
        # ...not one that names a country of its own, nor a masthead naming none
        (
            "Mexico News Daily",
            "Manila's fund gets 50 billion pesos.",
            "PHP",
            ("PHP", "MXN"),
        ),
        (
            "The Daily Wire",
            "The fund gets 50 billion pesos.",
            "MXN",
            ("MXN", "PHP", "ARS", "CLP", "COP"),
        ),
    ],
)
def test_pesos_of_an_outlet_that_names_their_country(
    outlet: str, prose: str, unit: str, candidates: tuple[str, ...]
) -> None:
    from factcheck.extractor import extract_document

    doc = attrs.evolve(Document.from_text(prose, path="a.txt"), outlet=outlet)
    (claim,) = extract_document(doc).claims
    assert (claim.unit, claim.unit_candidates) == (unit, candidates)
    if unit == "MXN" and not candidates:
        assert claim.unit_note == (
            "'pesos' read as MXN: the outlet is Mexico News Daily (Mexico)"
        )


def test_a_peso_reading_no_rate_can_test_leaves_a_conversion_unproven() -> None:
    from factcheck import audit

    # 5,000 million pesos is about $10 million only in Chile's pesos, which the
    # reference rates lack; no peso country named, nothing is proven wrong
    text = "The rescue cost about 10 million dollars (some 5,000 million pesos)."
    doc = Document.from_text(text, path="a.txt", published=dt.date(2010, 10, 13))
    assert not [f for f in audit([doc]).findings if f.severity != "info"]
    named = Document.from_text(
        "Mexico's rescue cost about 10 million dollars (some 5,000 million pesos).",
        path="b.txt",
        published=dt.date(2010, 10, 13),
    )
    assert [f.rule for f in audit([named]).findings if f.severity == "error"] == [
        "FC101"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The surplus grew by almost a third on 2023's figure.", 1 / 3),
        ("Spending was cut by a quarter from $200 million.", 0.25),
        ("Output was cut by a third.", 1 / 3),
        ("Sales rose by a fifth in 2023.", 0.2),
    ],
)
def test_a_fraction_after_by_sizes_a_change(text: str, value: float) -> None:
    assert extract(text)[0].value == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["He won a third in a row.", "It came by a third route.", "a third term"]
)
def test_an_ordinal_after_a_is_no_fraction(text: str) -> None:
    assert [c for c in extract(text) if c.value < 1] == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The index shed 4,451 points on Monday.", 4450.5, 4451.5),
        ("The quake killed 4,451 people on Monday.", 4451, 4451),
        ("The party leads by 13 points.", 12.5, 13.5),
        ("The party holds 13 seats.", 13, 13),
    ],
)
def test_a_whole_count_is_exact_but_points_are_a_measure(
    text: str, low: float, high: float
) -> None:
    (claim,) = extract(text)
    assert (claim.low, claim.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Milei received 14,476,462 votes against 11,156,142 for Massa.", "votes"),
        ("The result was 14,476,462 votes to 11,516,142.", "votes"),
        ("Labour won 160 seats versus 144 for the Conservatives.", "seats"),
        # nothing set against: the bare count counts nothing said
        ("Milei received 14,476,462 votes; Massa conceded at 11,156,142.", None),
        # a noun of its own is the count's own
        ("Milei received 14,476,462 votes against 12 challenges.", "challenges"),
    ],
)
def test_a_bare_count_set_against_another_shares_its_noun(
    text: str, noun: str | None
) -> None:
    assert extract(text)[-1].noun == noun


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Phoenix had 31 straight days of heat.", "day"),
        ("Prices rose for 12 consecutive months.", "month"),
        # a run of things that are no time units stays a count
        ("The side won 5 straight games.", None),
    ],
)
def test_a_run_of_time_units_is_a_duration(text: str, unit: str | None) -> None:
    assert extract(text)[0].unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the period a change is measured over is no unit of the figure
        ("Joblessness rose 573,000 month-on-month to 5.037 million.", None),
        ("Deliveries rose 40,000 year over year.", None),
        ("Sales reached 12,000 year-to-date.", None),
        # a duration that is one stays one, and so does another unit before the
        # period of its change
        ("Joblessness rose for 3 months on end.", "month"),
        ("Rainfall in Valdor fell 154mm on the year.", "millimeter"),
        ("The wait grew 3 weeks on the year.", "week"),
        ("The lease runs 12 months on a rolling basis.", "month"),
    ],
)
def test_a_period_on_period_is_no_duration(text: str, unit: str | None) -> None:
    assert extract(text)[0].unit == unit


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a pronoun after a figure starts a relative clause: it counts nothing
        ("Bolt cut 0.11 seconds off the 9.69 he ran in Beijing.", None),
        ("The 41 they rescued were taken to hospital.", None),
        # a noun after the figure is what it counts
        ("Bolt cut 0.11 seconds off the 9.69 record he ran in Beijing.", "record"),
        ("The 41 miners they rescued were taken to hospital.", "miners"),
        # a time word after a figure dates it: it counts nothing
        ("The toll rose to 1,723 yesterday.", None),
        ("The toll rose to 1,723 deaths yesterday.", "deaths"),
    ],
)
def test_a_pronoun_after_a_figure_is_not_what_it_counts(
    text: str, noun: str | None
) -> None:
    assert extract(text)[-1].noun == noun


@pytest.mark.parametrize(
    ("text", "equivalent"),
    [
        # two restatements in one bracket both restate the figure before it
        ("Carrow said it lost 6.2bn reais ($2.1bn; £1.4bn) to fraud.", "c1"),
        ("Carrow said it lost 6.2bn reais (about $2.1bn, £1.4bn) to fraud.", "c1"),
        # a labelled figure in the bracket is another year's, not a restatement
        ("Carrow said it lost 6.2bn reais ($2.1bn; 2013: £1.4bn) to fraud.", None),
        # a figure that runs on past the bracket is not a restatement either
        ("Carrow's revenue ($2.1bn, £1.4bn in 2020) rose.", None),
    ],
)
def test_a_second_restatement_in_one_bracket(text: str, equivalent: str | None) -> None:
    assert extract(text)[-1].equivalent_of == equivalent


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # a list item whose verb is gapped, its noun said again: a count
        ("Tarrow has had 1,082 cases, Welby 910 cases and Norland 16 cases.", 3),
        # a name and a number with its own verb after: a model number
        ("Airlines ordered 20 planes, and the Carrow 737 planes were delivered.", 1),
    ],
)
def test_a_gapped_list_item_that_says_its_noun_again(text: str, counts: int) -> None:
    assert len(extract(text)) == counts


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # a participle after the counted noun opens a phrase of its own
        ("Some 80 people living near the volcano were evacuated.", "people"),
        ("It has 14 ships carrying grain.", "ships"),
        # before the noun it is the noun's own word
        ("It has 3 training camps near the border.", "training camps"),
    ],
)
def test_a_participle_after_the_counted_noun_ends_it(text: str, noun: str) -> None:
    assert extract(text)[0].noun == noun


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        # a tally passing a mark is above it
        ("Headline: Quake death toll passes 800", "gt"),
        ("The toll crossed 1,000 on Friday.", "gt"),
        # a verb of its own, with what it counts or a duration: no mark passed
        ("The bill passed 300 votes to 200.", None),
        ("He passed 40 years in jail.", None),
    ],
)
def test_a_tally_passing_a_mark_is_above_it(text: str, qualifier: str | None) -> None:
    assert extract(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The carrier made a profit of 6.1 billion riyals. At 3.64 riyals to the "
            "dollar, that is about $1.7 billion.",
            "6.1 billion riyals",
        ),
        (
            "Revenue was N2.46 trillion, against N2.05 trillion in 2022. Converted at "
            "the official rate of N1,600 to the dollar, the revenue amounts to about "
            "$1.5 billion.",
            "N2.46 trillion",
        ),
        # a rate named for a plan, then another figure: no restatement
        (
            "Revenue was N2.46 trillion. At 1,600 naira to the dollar, imports cost "
            "$1.5 billion.",
            None,
        ),
        # the amount two sentences back is not the one restated
        (
            "The carrier made a profit of 6.1 billion riyals. Its fleet grew. At 3.64 "
            "riyals to the dollar, that is about $1.7 billion.",
            None,
        ),
        # no rate before the figure: the sentence names a figure of its own
        (
            "The carrier made a profit of 6.1 billion riyals. That is about $1.7 "
            "billion more than its rival.",
            None,
        ),
    ],
)
def test_a_sentence_restates_the_amount_before_at_the_rate_it_opens_on(
    text: str, source: str | None
) -> None:
    claims = extract(text)
    by_id = {c.id: c.text for c in claims}
    assert by_id.get(claims[-1].equivalent_of or "") == source


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a hundredth many currencies share is that of the amount before it
        ("A dividend of €1.20 a share, up 5 cents.", "EUR"),
        ("A dividend of A$1.20 a share, up 5 cents.", "AUD"),
        ("A dividend of CHF3.00 per share, up five centimes.", "CHF"),
        # alone, each word's own currency
        ("Bus fares rose 5 cents.", "USD"),
        ("Bus fares rose five centimes.", "CHF"),
        # pence are the pound's; "cents" after pounds are no sub-unit of theirs
        ("It paid £1.20 a share, and 5 cents more.", "USD"),
        # the amount before it in another sentence says nothing
        ("It paid €1.20 a share. Bus fares rose 5 cents.", "USD"),
    ],
)
def test_cents_are_the_hundredth_of_the_currency_before_them(
    text: str, unit: str
) -> None:
    assert extract(text)[-1].unit == unit


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("In the Senate, PiS won 34 seats out of 100.", 100.0),
        ("The pact won 66 seats of the 100.", 100.0),
        ("The pact won 66 seats in 12 regions.", None),
    ],
)
def test_a_part_with_its_noun_before_its_whole(text: str, whole: float | None) -> None:
    assert extract(text)[0].whole == whole
