"""Regression floors on other extractors' public test cases (../shared/peer-suites).

The figures are the value-level F1 that ``../shared/tools/score_extract.py`` reports;
the floors sit a little under today's scores so an accuracy regression fails here.
Skips cleanly when ../shared is not beside the checkout.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from factcheck.extractor import extract_claims
from factcheck.report.json import claim_to_dict

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUITES = SHARED / "peer-suites"
SCORER = SHARED / "tools" / "score_extract.py"

#: value-level F1 floors (see benchmarks/README.md and the closing notes for why the
#: price-parser and Duckling suites, shop snippets and chat phrases, sit lower)
FLOORS = {
    "recognizers_currency": 0.90,
    "recognizers_number_range": 0.80,
    "recognizers_dimension": 0.80,
    "recognizers_percent": 0.70,
    "price_parser": 0.70,
    "duckling_money": 0.40,
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/peer-suites is not here")
@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_value_f1_stays_above_its_floor(suite: str) -> None:
    scorer = _scorer()
    cases = scorer.load_cases([SUITES])[suite]
    claims = {
        i: [claim_to_dict(c) for c in extract_claims(case["text"])]
        for i, case in enumerate(cases)
    }
    result = scorer.score_suite(cases, claims, 0)
    f1 = result["value"][2]
    assert f1 >= FLOORS[suite], f"{suite}: value F1 {f1:.3f}"
