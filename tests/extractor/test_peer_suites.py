"""Regression floors on other extractors' public test cases (../shared/peer-suites).

The figures are the value-level F1 that ``../shared/tools/score_extract.py`` reports;
the floors sit a little under today's scores so an accuracy regression fails here.
Skips cleanly when ../shared is not beside the checkout.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.extractor import extract_claims
from factcheck.extractor.units import TIME_UNITS
from factcheck.normalize.units import unit_string
from factcheck.report.json import claim_to_dict

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUITES = SHARED / "peer-suites"
SCORER = SHARED / "tools" / "score_extract.py"

#: value-level F1 floors (see benchmarks/README.md and the closing notes for why the
#: price-parser and Duckling suites, shop snippets and chat phrases, sit lower)
FLOORS = {
    "recognizers_currency": 0.90,
    "recognizers_number_range": 0.90,
    "recognizers_dimension": 0.82,
    "recognizers_percent": 0.70,
    "price_parser": 0.70,
    "duckling_money": 0.40,
}


def _scorer() -> ModuleType:
    """The shared scorer, with units compared by what they mean (see below)."""
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.unit_ok = _unit_ok_by_meaning(module)
    return module


def _unit_ok_by_meaning(scorer: ModuleType) -> Callable[[dict, dict], bool]:
    """The scorer's unit test, and where it fails, the two units as pint reads them.

    The scorer compares unit strings. The JSON contract gives a quantity's unit as
    pint's canonical string ("kilometer / hour", "meter ** 2"), which other tools
    compare, and the peers spell their own names ("Kilometer per hour", "Square
    meter"): the same unit, which the string test misses. Read through pint, the
    two agree where the units do, and only there ("Ton", pint's short ton, is still
    no "metric_ton")."""
    plain = scorer.unit_ok

    def unit_ok(exp: dict, got: dict) -> bool:
        if plain(exp, got):
            return True
        expected, unit = exp.get("unit"), got.get("unit")
        if scorer.kind_of(exp) != "quantity" or not expected or not unit:
            return False
        return bool(unit_string(str(expected).lower()) == unit_string(str(unit)))

    return unit_ok


def _claims(suite: str, text: str) -> list[dict]:
    """The claims of a case as JSON. Recognizers-Text reads durations with its
    date-and-time model, not its dimension model, so the dimension suite labels none:
    our durations (quantities in time units) are left out of its precision."""
    claims = extract_claims(text)
    if suite == "recognizers_dimension":
        claims = tuple(c for c in claims if c.unit not in TIME_UNITS)
    return [claim_to_dict(c) for c in claims]


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/peer-suites is not here")
@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_value_f1_stays_above_its_floor(suite: str) -> None:
    scorer = _scorer()
    cases = scorer.load_cases([SUITES])[suite]
    claims = {i: _claims(suite, case["text"]) for i, case in enumerate(cases)}
    result = scorer.score_suite(cases, claims, 0)
    f1 = result["value"][2]
    assert f1 >= FLOORS[suite], f"{suite}: value F1 {f1:.3f}"


#: Cases judged unreasonable for a news extractor, left out of the news-like
#: subsets below: the closing notes of issue 2 give each reason.
NOT_NEWS: dict[str, dict[str, str]] = {
    "recognizers_percent": {
        **dict.fromkeys(
            [
                "PercentModel-009",
                "PercentModel-010",
                "PercentModel-011",
                "PercentModel-012",
            ],
            "'percent of 210' read as 210%: in English a share of 210, never 210%",
        ),
        **dict.fromkeys(
            ["PercentModel-017", "PercentModel-018", "PercentModel-019"],
            "a bare 'percent' or '%' with no number: no value to check",
        ),
    },
    "recognizers_number_range": {
        **dict.fromkeys(
            ["NumberRangeModel-003", "NumberRangeModel-005"],
            "ordinals as range ends ('between the tenth and the fifteenth')",
        ),
        **dict.fromkeys(
            ["NumberRangeModel-001", "NumberRangeModel-007", "NumberRangeModel-014"],
            "non-native 'less or equal than', 'bigger or equal than'",
        ),
        "NumberRangeModel-038": "'200 or greater than 190': the peer drops 200",
        "NumberRangeModel-058": "'more than 2 in 5': the peer's left-to-right reading",
        **dict.fromkeys(
            ["NumberRangeModel-065", "NumberRangeModel-066", "NumberRangeModel-067"],
            "'<>30', '=>30', '=<30': no comparison operators of any language",
        ),
        "NumberRangeModel-069": "'from 200 to 300 in 2008' expects nothing; 070 the range",
        "NumberRangeModel-078": "a plain 'two' counts as a false claim (ranges only)",
        "NumberRangeModel-057": "'2 in 5 or more' expected as the share 0.4: a ratio "
        "keeps both numbers (issue 10), a count of 2 with its whole 5; the share is "
        "Claim.share",
        **dict.fromkeys(
            ["NumberRangeModel-016", "NumberRangeModel-017"],
            "'more than thirty years old' is an age, a quantity in years (issue 10); "
            "the peer labels the bare number",
        ),
    },
    "recognizers_dimension": {
        "DimensionModel-006": "'barrels a day' expected as Barrel: we read barrel/day",
        **dict.fromkeys(
            [
                "DimensionModel-021",
                "DimensionModel-023",
                "DimensionModel-059",
                "DimensionModel-095",
            ],
            "'tons', 'tonnes', '100t' expected as the peer's 'Ton' (pint's ton is the "
            "short ton; we read tonnes)",
        ),
        "DimensionModel-039": "'75 -300mm' expected as 300 mm only: we read the range",
        "DimensionModel-052": "'2 pm' expected as picometres: it is a time",
        **dict.fromkeys(
            ["DimensionModel-093", "DimensionModel-094"],
            "temperatures expected as no claim: a news extractor reads them",
        ),
        **dict.fromkeys(
            ["DimensionModel-044", "DimensionModel-086", "DimensionModel-087"],
            "a bare unit word ('a metric ton is', 'mcg') expected as a claim",
        ),
        **dict.fromkeys(
            [
                "DimensionModel-048",
                "DimensionModel-071",
                "DimensionModel-072",
                "DimensionModel-073",
                "DimensionModel-074",
            ],
            "table notation: '10 \"' with a space, '20 (kg)', '20 [kg]'",
        ),
    },
    "recognizers_currency": {
        **dict.fromkeys(
            [
                "CurrencyModel-093",
                "CurrencyModel-094",
                "CurrencyModel-116",
                "CurrencyModel-120",
                "CurrencyModel-173",
            ],
            "a currency word with no number ('multibillion - dollar', 'dollar :', "
            "'50 dollar dollar') expected as a claim",
        ),
        **dict.fromkeys(
            [
                "CurrencyModel-098",
                "CurrencyModel-099",
                "CurrencyModel-101",
                "CurrencyModel-102",
                "CurrencyModel-103",
                "CurrencyModel-145",
                "CurrencyModel-146",
                "CurrencyModel-166",
                "CurrencyModel-167",
                "CurrencyModel-168",
                "CurrencyModel-170",
            ],
            "constructed compounds of a main and a minor unit with the minor one "
            "unnamed ('15 dollars 50', '17 USD 25', 'one kuai and five mao five')",
        ),
        **dict.fromkeys(
            ["CurrencyModel-124", "CurrencyModel-125"],
            "'1 $10 dollars bill': a sign between two numbers, no sentence",
        ),
        "CurrencyModel-110": "'sen 100,000' expected as an amount with no currency",
    },
}


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/peer-suites is not here")
@pytest.mark.parametrize("suite", sorted(NOT_NEWS))
def test_news_like_cases_score_at_least_095(suite: str) -> None:
    """The issue's target: value F1 of at least 0.95 on each suite's news-like cases."""
    scorer = _scorer()
    cases = [
        c for c in scorer.load_cases([SUITES])[suite] if c["id"] not in NOT_NEWS[suite]
    ]
    assert cases
    claims = {i: _claims(suite, case["text"]) for i, case in enumerate(cases)}
    f1 = scorer.score_suite(cases, claims, 0)["value"][2]
    assert f1 >= 0.95, f"{suite}: value F1 {f1:.3f} on {len(cases)} news-like cases"
