"""A story's main names (its topic, for claims that name no holder of their own).

A capital that opens a sentence is weak evidence of a name: "Officials said" and
"Orders for the Vela reached" open sentences in thousands of unrelated stories. A
name that only ever opens sentences ("Vale agreed... Vale said...") is still one.
"""

from __future__ import annotations

import pytest

from factcheck.align import main_names


@pytest.mark.parametrize(
    ("prose", "named", "not_named"),
    [
        (
            "Vale agreed to pay 37.7 billion reais. Vale said the deal was final.",
            "vale",
            None,
        ),
        (
            "Officials said the dam held. Officials expect rain. Vale paid.",
            "vale",
            "official",
        ),
        (
            "Analysts expect Toyota to post a profit. Analysts were wrong.",
            "toyota",
            "analyst",
        ),
        (
            "Orders for the Vela S reached 200,000. Orders slowed after that.",
            "vela",
            "order",
        ),
        (
            # a measured attribute's modifier, however seldom written in lower case
            "Net profit at Solbank rose. Net profit was a record, Solbank said.",
            "solbank",
            "net",
        ),
        (
            "Operating income at Vale fell. Vale said it would recover.",
            "vale",
            "operat",
        ),
        (
            # once past the lead, before a name: a modifier of the name ("Rival")
            "Ethrudur grew. Rival Belpollor posted revenue of $2.28 billion.",
            "belpollor",
            "rival",
        ),
        (
            # ... while a name opening two sentences is one
            "Hyundai Motor said it would recall cars. Hyundai Motor shares fell.",
            "hyundai",
            None,
        ),
        (
            # a legal form with a possessive is still a legal form
            "Sales at Ethrudur Systems rose. Ethrudur Systems's profit fell.",
            "ethrudur",
            "system",
        ),
        (
            "Regulators fined Solbank. Regulators said Solbank would appeal.",
            "solbank",
            "regulator",
        ),
    ],
)
def test_a_sentence_opening_capital_names_nothing_unless_a_name(
    prose: str, named: str, not_named: str | None
) -> None:
    names = main_names(prose)
    assert named in names
    if not_named is not None:
        assert not_named not in names


def test_a_company_designator_is_no_name() -> None:
    names = main_names(
        "Huawei Technologies reported revenue. Huawei Technologies grew."
    )
    assert "huawei" in names
    assert not any(n.startswith("technolog") for n in names)


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        # a country's adjective and the country name one place
        (
            "Moroccan rescuers dug on. Moroccan officials said.",
            "Morocco mourned.",
            "morocco",
        ),
        (
            "The Irish regulator fined Meta. Irish officials said.",
            "Ireland acted.",
            "ireland",
        ),
        (
            "Swiss voters agreed. Swiss officials said.",
            "Switzerland voted.",
            "switzerland",
        ),
        ("Kenyan police said. Kenyan officials said.", "Kenya voted.", "kenya"),
    ],
)
def test_a_place_and_its_adjective_are_one_name(
    first: str, second: str, shared: str
) -> None:
    assert shared in main_names(first) & main_names(second)


def test_an_adjective_of_no_country_is_its_own_name() -> None:
    assert main_names("German engineers said. German officials said.") & main_names(
        "Germany voted."
    ) == {"germany"}
    assert "european" in main_names("European officials said. European banks fell.")
