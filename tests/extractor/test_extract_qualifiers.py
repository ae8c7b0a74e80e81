"""Qualifiers, ranges, percent vs points, units, and stated equivalents."""

from __future__ import annotations

import pytest

from factcheck import extract


@pytest.mark.parametrize(
    ("phrase", "qualifier", "low", "high"),
    [
        ("more than 380 billion yuan", "gt", 380e9, None),
        ("over 380 billion yuan", "gt", 380e9, None),
        ("exceeding 380 billion yuan", "gt", 380e9, None),
        ("at least 380 billion yuan", "ge", 380e9, None),
        ("a minimum of 380 billion yuan", "ge", 380e9, None),
        ("up to 380 billion yuan", "le", None, 380e9),
        ("as much as 380 billion yuan", "le", None, 380e9),
        ("at most 380 billion yuan", "le", None, 380e9),
        ("less than 380 billion yuan", "lt", None, 380e9),
        ("under 380 billion yuan", "lt", None, 380e9),
        ("below 380 billion yuan", "lt", None, 380e9),
        ("about 412 billion yuan", "approx", 412e9 * 0.95, 412e9 * 1.05),
        ("approximately 412 billion yuan", "approx", 412e9 * 0.95, 412e9 * 1.05),
        ("roughly 412 billion yuan", "approx", 412e9 * 0.95, 412e9 * 1.05),
        ("around 412 billion yuan", "approx", 412e9 * 0.95, 412e9 * 1.05),
        ("some 412 billion yuan", "approx", 412e9 * 0.95, 412e9 * 1.05),
        # "nearly N": the band below N (model.NEARLY_BAND), never above N
        ("nearly 412 billion yuan", "approx", 412e9 * 0.925, 412e9),
        # the rounding of "400 billion" is wider than the tolerance, and wins
        ("about 400 billion yuan", "approx", 350e9, 450e9),
        ("less than or equal to 380 billion yuan", "le", None, 380e9),
        ("greater than or equal to 380 billion yuan", "ge", 380e9, None),
        ("equal to or more than 380 billion yuan", "ge", 380e9, None),
        ("equal to or less than 380 billion yuan", "le", None, 380e9),
    ],
)
def test_qualifiers_open_or_widen_the_interval(
    phrase: str, qualifier: str, low: float | None, high: float | None
) -> None:
    (claim,) = extract(f"Alibaba will invest {phrase}.")
    assert claim.qualifier == qualifier
    assert claim.low == (pytest.approx(low) if low is not None else None)
    assert claim.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        # "add up to": the verb of a sum, which states the amount itself
        ("The two fines add up to 4.1 billion euros.", None),
        ("Costs added up to $3 billion.", None),
        # minimal pairs: "up to" after another verb bounds the amount
        ("The two fines could run up to 4.1 billion euros.", "le"),
        ("Costs of up to $3 billion were expected.", "le"),
    ],
)
def test_add_up_to_is_a_sum_not_a_bound(text: str, qualifier: str | None) -> None:
    claim = extract(text)[-1]
    assert claim.qualifier == qualifier


def test_almost_stays_below_the_stated_value_plus_rounding() -> None:
    (claim,) = extract("almost 600 billion dollars")
    assert claim.high is not None
    assert claim.high <= 650e9
    assert claim.low is not None
    assert claim.low < 600e9


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("a $1-2 billion deal", 1e9, 2e9, "USD"),
        ("between 3 and 5 kg", 3, 5, "kilogram"),
        ("3 to 5 percent", 3, 5, "%"),
        ("5k-20k", 5000, 20000, None),
        ("from 10 to 20 dollars", 10, 20, "USD"),
        ("more than 10 and less than 20 workers", 10, 20, None),
        ("greater than 30 and less than or equal to 40", 30, 40, None),
        # the second end takes the first's currency and scale
        ("damages of $1m-2m", 1e6, 2e6, "USD"),
        ("US$5bn-6bn", 5e9, 6e9, "USD"),
        ("£1.5m–2m", 1.5e6, 2e6, "GBP"),
        ("a 1.8m-2m wall", 1.8, 2, "meter"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str | None) -> None:
    (claim,) = extract(text)
    assert (claim.qualifier, claim.unit) == ("range", unit)
    assert (claim.low, claim.high) == (pytest.approx(low), pytest.approx(high))


def test_change_from_to_is_two_claims_not_a_range() -> None:
    claims = extract("Revenue rose from $10 billion to $12 billion.")
    assert [c.value for c in claims] == [10e9, 12e9]
    assert all(c.qualifier is None for c in claims)


def test_fell_by_to_is_two_claims() -> None:
    claims = extract("His net worth fell by $21 billion to $103.1 billion.")
    assert len(claims) == 2


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("up 13%", 13, "%"),
        ("up 13 percent", 13, "%"),
        ("up 13 per cent", 13, "%"),
        ("up 13 pct", 13, "%"),
        ("up 1.5 percentage points", 1.5, "pp"),
        ("up 1.5 pp", 1.5, "pp"),
        ("raised by 25 basis points", 0.25, "pp"),
        ("raised by 25 bps", 0.25, "pp"),
    ],
)
def test_percent_apart_from_points(text: str, value: float, unit: str) -> None:
    (claim,) = extract(text)
    assert (claim.kind, claim.unit) == ("percent", unit)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a 100 km road", 100, "kilometer"),
        ("100 miles long", 100, "mile"),
        ("16,000 metric tons", 16_000, "metric_ton"),
        ("16,000 tonnes", 16_000, "metric_ton"),
        ("10 kt of TNT", 10, "kilotonne"),
        ("2 million b/d", 2e6, "barrel per day"),
        ("500,000 barrels a day", 500_000, "barrel per day"),
        ("8 million TEU", 8e6, "TEU"),
        ("10 bcm of gas", 10, "bcm"),
        ("$3 per MMBtu and 4 MMBtu", 4, "MMBtu"),
        ("an area of 190 km2", 190, "square kilometer"),
        # a reservoir's volume
        ("held 18 cubic kilometres of water", 18, "cubic kilometer"),
        ("held 18 km3 of water", 18, "cubic kilometer"),
        ("held 18 cubic km of water", 18, "cubic kilometer"),
        ("at 188 miles an hour", 188, "mile per hour"),
        ("a 3-inch screen", 3, "inch"),
        ("a 1.8m wall", 1.8, "meter"),
        ("a 5 feet 2 inches girl", 5 + 2 / 12, "foot"),
        # a mark as American sports pages print it
        ("cleared 19 feet, 6 1/4 inches", 19 + 6.25 / 12, "foot"),
        ("a leap of 20 feet 4¾ inches", 20 + 4.75 / 12, "foot"),
    ],
)
def test_quantities_with_units(text: str, value: float, unit: str) -> None:
    claim = [c for c in extract(text) if c.kind == "quantity"][-1]
    assert (claim.value, claim.unit) == (pytest.approx(value), unit)


def test_inches_after_a_comma_are_read_only_as_a_word() -> None:
    # "6 feet, 2 in the second round": "in" after a comma is no inch
    claims = extract("He cleared 6 feet, 2 in the second round.")
    assert (claims[0].text, claims[0].unit) == ("6 feet", "foot")


def test_ambiguous_ton_is_noted() -> None:
    (claim,) = extract("It shipped 500 tons of steel.")
    assert claim.unit == "metric_ton"
    assert "ton" in (claim.unit_note or "")


def test_m_after_currency_is_million_and_alone_is_metre() -> None:
    assert extract("€5m")[0].value == 5e6
    assert extract("He is 1.8m tall.")[0].unit == "meter"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        # before people counted (a plural without "s", or a participle before the
        # plural), a glued "m" is million; before a thing measured, a metre
        ("Some 34m people voted.", None, 34e6),
        ("Turnout was 64% of the 58.8m registered voters.", None, 58.8e6),
        ("The plan adds 5m new jobs.", None, 5e6),
        ("It has an active population of 22.8m, the survey found.", None, 22.8e6),
        ("It reached a height of 22.8m, the survey found.", "meter", 22.8),
        ("The 34m bridge spans the river.", "meter", 34.0),
        ("A 30m tall tower stands here.", "meter", 30.0),
    ],
)
def test_m_before_people_is_million(text: str, unit: str | None, value: float) -> None:
    claim = next(c for c in extract(text) if c.text.endswith("m"))
    assert (claim.unit, claim.value) == (unit, value)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        # before a unit's symbol, a glued "m" is million (no length is metres of
        # kilometres); a symbol that is also a word leaves it a metre
        ("It will travel 1.5m km to its post.", "kilometer", 1.5e6),
        ("The fleet burned 20m kg of fuel.", "kilogram", 20e6),
        ("The wall is 2m in height.", "meter", 2.0),
        ("The mast is 1.5m high.", "meter", 1.5),
    ],
)
def test_m_before_a_unit_symbol_is_million(
    text: str, unit: str | None, value: float
) -> None:
    claim = extract(text)[0]
    assert (claim.unit, claim.value) == (unit, value)


@pytest.mark.parametrize(
    "text",
    [
        "380 billion yuan (US$52.4 billion)",
        "380 billion yuan, equivalent to approximately $38 billion",
        "€5m ($5.4m)",
        "100 miles (161 km)",
        "1 trillion won, or about $770 million",
        "23 trillion won (21 billion USD)",
        "€222 million, about $263 million, to sign him",
        "72 km, roughly 45 miles, south-west of the city",
        # what the amount is, in a word or two, before the comma
        "$170,000 in prize money, about 140,000 euros",
        "€3 billion of new bonds, about $3.3 billion",
    ],
)
def test_stated_equivalents_link_to_the_first_claim(text: str) -> None:
    first, second = extract(text)
    assert first.equivalent_of is None
    assert second.equivalent_of == first.id


def test_qualifier_on_the_pair_applies_to_both() -> None:
    first, second = extract("more than 380 billion yuan (US$52.4 billion)")
    assert first.qualifier == second.qualifier == "gt"


def test_qualifier_inside_the_equivalent_is_its_own() -> None:
    first, second = extract(
        "over 380 billion yuan, equivalent to approximately $38 billion"
    )
    assert (first.qualifier, second.qualifier) == ("gt", "approx")


def test_unrelated_amounts_are_not_equivalents() -> None:
    _first, second = extract("It earned $5 billion and spent €3 billion.")
    assert second.equivalent_of is None


@pytest.mark.parametrize(
    "text",
    [
        "It earned $5 billion, about €3 billion of it abroad.",  # "of it": a part
        "It earned $5 billion, €3 billion of it abroad.",  # no approximate word
        "It earned $5 billion, about $3 billion more than in 2022.",  # one unit
        # three words after "in" run past what the amount is
        "It earned $5 billion in its home market, about €3 billion abroad.",
    ],
)
def test_a_comma_and_about_need_another_unit_right_after(text: str) -> None:
    _first, second = extract(text)
    assert second.equivalent_of is None


@pytest.mark.parametrize("text", ["when <-30", "a BMI ≤-2", "above >-5"])
def test_a_sign_after_a_comparison_is_the_number_s(text: str) -> None:
    (claim,) = extract(text)
    assert claim.value < 0
    assert claim.text.startswith("-")


def test_bounds_that_meet_state_no_range() -> None:
    claims = extract("More than 40 and less than 10, more than 10 and less than 40.")
    assert [(c.qualifier, c.low, c.high) for c in claims] == [
        ("gt", 40, None),
        ("lt", None, 10),
        ("range", 10, 40),
    ]


def test_and_below_before_a_number_is_that_number_s() -> None:
    (claim,) = extract("above 10 and below 20")
    assert (claim.qualifier, claim.low, claim.high) == ("range", 10, 20)
    (claim,) = extract("children aged 5 and below")
    assert (claim.qualifier, claim.high) == ("le", 5)


def test_how_about_is_a_question_not_an_approximation() -> None:
    (claim,) = extract("What about 300 jobs?")
    assert claim.qualifier is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [("Shares rose 5pc", "%"), ("rates at 5.25pc", "%"), ("5 PCs", None)],
)
def test_the_british_pc_is_percent(text: str, unit: str | None) -> None:
    (claim,) = extract(text)
    assert claim.unit == unit
