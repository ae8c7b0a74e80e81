"""A finding carries each claim's figure in its common unit (the unit of the claim
it is on), converted as the rules convert: the HTML number line draws these."""

from __future__ import annotations

import datetime as dt

import pytest

import factcheck
from factcheck.model import Document, Finding


def _findings(*texts: str, day: dt.date = dt.date(2025, 2, 24)) -> list[Finding]:
    docs = [
        Document.from_text(t, path=f"doc{i}.md", published=day)
        for i, t in enumerate(texts)
    ]
    return list(factcheck.audit(docs).findings)


def test_conversion_finding_carries_both_claims_in_its_claims_currency() -> None:
    (fc101,) = [
        f
        for f in _findings(
            "Alibaba will invest 380 billion yuan, equivalent to approximately "
            "$38 billion, in cloud computing."
        )
        if f.rule == "FC101"
    ]
    claim, (anchor,) = fc101.location, fc101.related
    # "approximately $38 billion": ±5%, in its own currency
    assert (claim.value, claim.low, claim.high, claim.unit) == (
        38e9,
        pytest.approx(36.1e9),
        pytest.approx(39.9e9),
        "USD",
    )
    # "380 billion yuan" (375-385 billion) at the ECB rate of 2025-02-24, over the
    # rate window and tolerance: what the FC101 message calls 51.19-53.37 billion USD
    assert anchor.unit == "USD"
    assert anchor.value == pytest.approx(52.41e9, rel=1e-3)
    assert anchor.low == pytest.approx(51.19e9, rel=2e-3)
    assert anchor.high == pytest.approx(53.37e9, rel=2e-3)


def test_a_claim_that_does_not_convert_carries_no_figure() -> None:
    findings = _findings(
        "The chain's sales rose 10% to $110 million from $90 million, across 40 stores."
    )
    (fc301,) = [f for f in findings if f.rule == "FC301"]
    # the finding is on a percentage: the amounts in dollars have no place on its line
    assert fc301.location.unit == "%"
    assert fc301.location.value == 10.0
    assert all(r.value is None and r.unit is None for r in fc301.related)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Wales set a record of 37.1 deg C (96.8 deg F).",
            "degree_Fahrenheit = degree_Celsius × 1.8 + 32",
        ),
        ("The tower rises 1,000 feet (1,000 metres).", "1 foot = 0.3048 meter"),
    ],
)
def test_a_unit_finding_shows_the_map_it_converted_by(text: str, shown: str) -> None:
    (fc102,) = [f for f in _findings(text) if f.rule == "FC102"]
    assert shown in fc102.message
