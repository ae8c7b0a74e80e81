"""Money: symbols, codes, names, scale words, and how ambiguous signs are read."""

from __future__ import annotations

import pytest

from factcheck import extract


def only(text: str):
    claims = extract(text)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It pledged 380 billion yuan.", 380e9, "CNY"),
        ("It pledged CNY380 billion.", 380e9, "CNY"),
        ("It pledged 380 billion CNY.", 380e9, "CNY"),
        ("It pledged RMB 380 billion.", 380e9, "CNY"),
        ("It pledged 380 billion renminbi.", 380e9, "CNY"),
        ("worth US$52.4 billion", 52.4e9, "USD"),
        ("worth $2.5bn", 2.5e9, "USD"),
        # "tr", "trn" and "tn" glued: the trillion of the British and Pakistani press
        ("a debt of £2.3tr", 2.3e12, "GBP"),
        # the Turkish press's plural of the lira
        ("a toll of 200 liras per car", 200.0, "TRY"),
        # the wire services' crowns
        ("worth 5.6 billion Norwegian crowns", 5.6e9, "NOK"),
        ("a fine of 2 million Swedish crowns", 2e6, "SEK"),
        # "bil" and "mil" glued: the billion and million of Malaysia's press
        ("tabled a RM393.8bil budget", 393.8e9, "MYR"),
        ("a RM88.6mil allocation", 88.6e6, "MYR"),
        ("a debt of £2.3trn", 2.3e12, "GBP"),
        ("a debt of £2.3tn", 2.3e12, "GBP"),
        ("a price of 1,500 CFA francs a kilo", 1500, "XOF"),
        ("a fee of 5,000 FCFA", 5000, "XOF"),
        ("worth HK$10.05 billion", 10.05e9, "HKD"),
        ("worth NT$300 million", 300e6, "TWD"),
        ("worth C$16.4 million", 16.4e6, "CAD"),
        # a bare "$" named by the country's adjective after the amount
        ("about $57 billion Canadian", 57e9, "CAD"),
        ("a fee of $1.2 million Australian", 1.2e6, "AUD"),
        ("a $5 billion Canadian firm", 5e9, "USD"),
        ("worth A$3.66 billion", 3.66e9, "AUD"),
        ("worth S$1.2 billion", 1.2e9, "SGD"),
        ("worth R$58.5 billion", 58.5e9, "BRL"),
        ("a fine of €746 million", 746e6, "EUR"),
        ("a fine of £8.10 million", 8.1e6, "GBP"),
        ("a budget of ₹615 crore", 6.15e9, "INR"),
        ("a budget of Rs 7,69,226 crore", 7_692_260e6, "INR"),
        ("a budget of Rs1,368 crore", 13.68e9, "INR"),
        ("a budget of 1.26 lakh crore rupees", 1.26e12, "INR"),
        ("a tax of ₩12 trillion", 12e12, "KRW"),
        ("a tax of KRW26 trillion", 26e12, "KRW"),
        ("raised USD34.6 million", 34.6e6, "USD"),
        ("raised 53 billion U.S. dollars", 53e9, "USD"),
        ("raised 125 million Australian dollars", 125e6, "AUD"),
        ("paid 10,000 Swiss francs", 10_000, "CHF"),
        ("paid 5 million yen", 5e6, "JPY"),
        ("paid five million yen", 5e6, "JPY"),
        ("paid 470 pence a share", 4.7, "GBP"),
        ("down 34 cents", 0.34, "USD"),
        ("a 1 trillion won fine", 1e12, "KRW"),
        ("paid 75 USD million", 75e6, "USD"),
        ("an increase to 120 MEUR", 120e6, "EUR"),
        ("bought for a billion dollars", 1e9, "USD"),
    ],
)
def test_money_amounts_and_currencies(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert claim.kind == "money"
    assert claim.value == pytest.approx(value)
    assert claim.unit == unit


def test_parenthesized_dollar_is_not_negative() -> None:
    claims = extract("380 billion yuan (US$52.4 billion)")
    assert claims[1].value == pytest.approx(52.4e9)


def test_dollar_billion_abbreviation_is_money_not_units() -> None:
    claim = only("a $2.5bn deal")
    assert (claim.kind, claim.unit, claim.value) == ("money", "USD", 2.5e9)


def test_bare_dollar_sign_records_how_it_was_read() -> None:
    assert "USD" in (only("It raised $140 million.").unit_note or "")


def test_prefixed_dollar_needs_no_note() -> None:
    assert only("It raised US$140 million.").unit_note is None


def test_yen_sign_defaults_to_jpy() -> None:
    assert only("a ¥40 trillion plan").unit == "JPY"


def test_country_code_glued_to_digits_is_a_name_not_money() -> None:
    assert extract("talks at COP29 ended") == ()


def test_lookalike_code_is_not_money() -> None:
    assert all(c.kind != "money" for c in extract("ALL 5 solutions are wrong."))


def test_dollars_and_cents_make_one_amount() -> None:
    claim = only("It only cost 3 dollars 50 cents.")
    assert claim.value == pytest.approx(3.5)


def test_pounds_of_weight_are_not_money() -> None:
    claim = only("The baby weighs two pounds.")
    assert (claim.kind, claim.unit) == ("quantity", "pound")


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("The rocket produced 8.8 million pounds of thrust.", "quantity", "pound"),
        ("Police seized 2,000 pounds of cocaine at the port.", "quantity", "pound"),
        ("The club paid 361 million pounds of its own money.", "money", "GBP"),
        ("The council spent 8.8 million pounds of reserves.", "money", "GBP"),
    ],
)
def test_pounds_of_a_substance_are_a_weight(text: str, kind: str, unit: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit) == (kind, unit)


def test_million_pounds_are_money() -> None:
    assert only("profit of 361 million pounds").unit == "GBP"


def test_decimal_comma_beside_a_currency() -> None:
    assert only("Prezzo: 19,95 €").value == pytest.approx(19.95)


def test_bare_dollar_in_an_australian_outlet_is_aud() -> None:
    from factcheck.extractor import extract_document
    from factcheck.model import Document

    doc = Document(
        path="a.md",
        text="Alibaba must pay 18 billion yuan ($3.66 billion).",
        url="https://www.watoday.com.au/world/story.html",
    )
    claims = extract_document(doc).claims
    assert claims[1].unit == "AUD"
    assert "watoday.com.au" in (claims[1].unit_note or "")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a text that writes "US$" where it means US dollars, about one dollar
        # country: its bare "$" is that country's
        (
            "Teck, the Canadian miner, earned $7.4 billion; Glencore paid US$6.9 billion.",
            "CAD",
        ),
        (
            "Australia's biggest gold miner is valued at $26.2 billion, plus US$1.10 a share.",
            "AUD",
        ),
        # minimal pairs: no "US$", or two dollar countries, leave the default
        (
            "Teck, the Canadian miner, earned $7.4 billion; Glencore paid $6.9 billion.",
            "USD",
        ),
        ("Canada's Teck earned $7.4 billion, Australia's BHP US$9 billion.", "USD"),
    ],
)
def test_bare_dollar_beside_a_marked_us_dollar_is_the_named_countrys(
    text: str, unit: str
) -> None:
    from factcheck.extractor import extract_document
    from factcheck.model import Document

    doc = Document(path="a.md", text=text, url="https://www.example.com/a")
    first = extract_document(doc).claims[0]
    assert first.unit == unit
    assert first.unit_candidates == ((unit, "USD") if unit != "USD" else ())


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the country after the amount names its dollar, whatever the outlet's
        ("Soto's deal carries $51 million US a season.", "USD"),
        ("Soto's deal carries $51 million a season.", "CAD"),
        ("The bonus is a $75-million US payment.", "USD"),
        ("The bonus is a $75-million payment.", "CAD"),
    ],
)
def test_country_after_a_dollar_amount_in_a_canadian_outlet(
    text: str, unit: str
) -> None:
    from factcheck.extractor import extract_document
    from factcheck.model import Document

    doc = Document(
        path="a.md", text=text, url="https://www.sportsnet.ca/mlb/article/a/"
    )
    assert extract_document(doc).claims[0].unit == unit


def test_prefixed_dollar_in_an_australian_outlet_stays_usd() -> None:
    from factcheck.extractor import extract_document
    from factcheck.model import Document

    doc = Document(
        path="a.md", text="It raised US$5 million.", url="https://x.com.au/a"
    )
    assert extract_document(doc).claims[0].unit == "USD"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It cost NZD $100.70.", 100.7, "NZD"),
        ("It cost AU $59.95.", 59.95, "AUD"),
        ("It cost CAN$1.23.", 1.23, "CAD"),
        ("a fine of NIS 50 million", 50e6, "ILS"),
        ("a fine of 50 million NIS", 50e6, "ILS"),
        ("It cost KSh 1,000.", 1000, "KES"),
        # the Bangladeshi press's taka
        # the Nigerian press's naira, glued, with a scale or thousands
        ("MTN was fined N780bn by the regulator", 780e9, "NGN"),
        ("a N45 billion contract", 45e9, "NGN"),
        ("a N1,500 fee", 1500.0, "NGN"),
        ("a deficit of Tk 2,56,000 crore", 2.56e12, "BDT"),
        ("the ADP of Tk2.65 trillion", 2.65e12, "BDT"),
        ("a budget of ৳500 crore", 5e9, "BDT"),
        ("a fee of SFr 20", 20, "CHF"),
        ("a fine of 500 lei", 500, "RON"),
        ("2,000 forints", 2000, "HUF"),
        ("300 kronor", 300, "SEK"),
        ("40 billion Norwegian kroner", 40e9, "NOK"),
        ("1 million hryvnias", 1e6, "UAH"),
        ("5 billion tenge", 5e9, "KZT"),
        # the Australian and New Zealand press's country after the sign
        ("imports of $US731.2 billion", 731.2e9, "USD"),
        ("a $A1.2 billion deal", 1.2e9, "AUD"),
        ("a $NZ300 million package", 300e6, "NZD"),
        ("worth $US 5 billion", 5e9, "USD"),
        # the Philippine press's peso, glued and with a scale or thousands
        ("a budget of P5.768 trillion", 5.768e12, "PHP"),
        ("it gets P924.7 billion", 924.7e9, "PHP"),
        ("a bonus of P1,000", 1000, "PHP"),
        # a glued letter before an amount per a period or an item
        ("The pension rises to R640 a month.", 640, "ZAR"),
        ("Diesel now costs P58.50 per litre.", 58.5, "PHP"),
        # the South African press's hyphen before the scale
        ("about R2.9-trillion", 2.9e12, "ZAR"),
        ("the R254-billion plan", 254e9, "ZAR"),
        # the Canadian press's abbreviation after the amount
        ("about $6.1 billion Cdn", 6.1e9, "CAD"),
        # the financial press's won, glued to the amount
        ("a net profit of Won2,950bn", 2950e9, "KRW"),
        ("earnings of Won555bn", 555e9, "KRW"),
    ],
)
def test_regional_signs_and_currency_words(text: str, value: float, unit: str) -> None:
    claim = only(text)
    assert (claim.kind, claim.unit) == ("money", unit)
    assert claim.value == pytest.approx(value)


def test_medals_of_a_metal_are_no_money() -> None:
    claims = list(extract("Japan won 20 gold, 12 silver and 13 bronze medals."))
    assert [(c.text, c.kind) for c in claims] == [
        ("20", "count"),
        ("12", "count"),
        ("13", "count"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the Huawei P50 phone",
        "a P2 rating",
        "the R1 motorway",
        "an N95 mask",
        "the R1 motorway a day after",
        "He drove the R8 a year ago",
    ],
)
def test_a_glued_letter_without_scale_or_thousands_is_a_name(text: str) -> None:
    assert list(extract(text)) == []


@pytest.mark.parametrize(
    "text", ["Labour Won 412 Seats", "the party Won 35 of the 60 seats"]
)
def test_a_spaced_won_is_the_verb(text: str) -> None:
    assert all(c.unit != "KRW" for c in extract(text))


def test_a_sign_before_capitals_that_name_no_country_is_no_amount() -> None:
    assert list(extract("the $A-list guests")) == []


def test_a_country_after_an_australian_outlets_sign_stays_its_own() -> None:
    from factcheck.extractor import extract_document
    from factcheck.model import Document

    doc = Document(
        path="a.md",
        text="It raised $US5 million, or $7.4 million.",
        url="https://x.com.au/a",
    )
    assert [c.unit for c in extract_document(doc).claims] == ["USD", "AUD"]


@pytest.mark.parametrize(
    ("text", "note"),
    [("2,000 forints", None), ("1 million hryvnias", None), ("500 lei", "lei")],
)
def test_words_of_one_currency_need_no_note(text: str, note: str | None) -> None:
    claim = only(text)
    assert (claim.unit_note is None) == (note is None)


def test_a_number_grouped_by_spaces_is_one_amount() -> None:
    # regular groups of three after one spacing character: one number, never
    # "3" and "250" and an amount of zero euros
    assert [(c.value, c.unit) for c in extract("3 250 000 €")] == [(3_250_000, "EUR")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("CAD3.03", 3.03, "CAD"),
        ("It was CAD3 million", 3e6, "CAD"),
        ("UAH3.04", 3.04, "UAH"),
    ],
)
def test_a_major_code_glued_to_the_digits_is_money(
    text: str, value: float, unit: str
) -> None:
    claim = only(text)
    assert (claim.unit, claim.value) == (unit, pytest.approx(value))


@pytest.mark.parametrize("text", ["the COP29 summit", "AMD64 chips"])
def test_another_code_glued_to_the_digits_is_a_name(text: str) -> None:
    assert all(c.kind != "money" for c in extract(text))


def test_a_sign_between_two_amounts_is_the_second_s() -> None:
    claims = extract("$ 20,000.00 $ 37,305.97 february expenses")
    assert [(c.text, c.value) for c in claims] == [
        ("$ 20,000.00", 20000),
        ("$ 37,305.97", 37305.97),
    ]
    assert [c.text for c in extract("It cost $10 dollars.")] == ["$10 dollars"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a milestone, not the old German money
        ("Deaths from dengue crossed the 1,000 mark on Sunday.", None),
        # the money is printed in the plural
        ("The bridge cost 500 million marks in 1995.", "DEM"),
    ],
)
def test_the_mark_after_a_number_is_a_milestone(text: str, unit: str | None) -> None:
    (claim,) = extract(text)
    assert claim.unit == unit
