"""``factcheck convert``'s work: the JSON contract, the text, and exit 2 on bad input.

Most tests pass a stand-in extractor so they test conversion, not extraction; the last
ones run the real extractor when it is there.
"""

from __future__ import annotations

import json

import pytest

from factcheck.model import Claim, Interval, Span
from factcheck.normalize.convert_cli import run_convert
from factcheck.normalize.ecb import ECBProvider

ECB = ECBProvider(cache_dir=None)


def _claim(text: str, kind: str, value: float, unit: str | None, step: float) -> Claim:
    interval = Interval.from_stated(value, precision=step)
    return Claim(
        id="c1",
        kind=kind,  # type: ignore[arg-type]
        text=text,
        span=Span(0, len(text)),
        value=value,
        unit=unit,
        low=interval.low,
        high=interval.high,
        precision=step,
    )


KNOWN = {
    "380 billion yuan": _claim("380 billion yuan", "money", 380e9, "CNY", 10e9),
    "100 miles": _claim("100 miles", "quantity", 100.0, "mile", 1.0),
    "1 dollars": _claim("1 dollars", "money", 1.0, "USD", 1.0),
    "1 km": _claim("1 km", "quantity", 1.0, "kilometer", 1.0),
    "40 people": _claim("40", "count", 40.0, None, 1.0),
}


def fake_extract(text: str) -> tuple[Claim, ...]:
    return (KNOWN[text],) if text in KNOWN else ()


def convert(query: str, to: str, **kwargs: object) -> tuple[int, str, str]:
    return run_convert(query, to=to, provider=ECB, extractor=fake_extract, **kwargs)  # type: ignore[arg-type]


def test_json_is_the_contract() -> None:
    code, out, err = convert("380 billion yuan", "USD", date="2025-02-24", fmt="json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["version", "query", "value", "low", "high", "unit", "rates"]
    assert data["version"] == 1
    assert data["query"] == "380 billion yuan"
    assert data["unit"] == "USD"
    assert data["value"] == pytest.approx(52.41e9, rel=1e-3)
    assert data["low"] < 52.4e9
    assert 53e9 < data["high"] < 53.5e9
    assert data["low"] > 39.9e9  # "approximately $38 billion" cannot reach it
    assert len(data["rates"]) == 3
    for rate in data["rates"]:
        assert list(rate) == ["base", "quote", "rate", "rate_date", "provider"]
        assert (rate["base"], rate["quote"], rate["provider"]) == ("CNY", "USD", "ecb")
    assert data["rates"][0]["rate_date"] == "2025-02-24"
    assert (
        data["rates"][1]["rate"] <= data["rates"][0]["rate"] <= data["rates"][2]["rate"]
    )


def test_text_shows_value_interval_rates_and_provenance() -> None:
    code, out, _ = convert("380 billion yuan", "usd", date="2025-02-24")
    assert code == 0
    assert out.splitlines()[0] == "380 billion yuan on 2025-02-24 = 52.41 billion USD"
    assert "interval   51.19–53.37 billion USD" in out
    assert (
        "rate       1 USD = 7.25005 CNY (ecb, rate of 2025-02-24, cross via EUR)" in out
    )
    assert (
        "7.25005–7.28925 CNY per USD over 2025-02-17..2025-03-03 (11 ecb rates)" in out
    )
    assert "tolerance  0.50% on top of the range (window ±7 days)" in out


def test_window_and_tolerance_options() -> None:
    _, out, _ = convert(
        "380 billion yuan",
        "USD",
        date="2025-02-24",
        fmt="json",
        window_days=0,
        tolerance=0,
    )
    data = json.loads(out)
    assert data["low"] == pytest.approx(375e9 / 7.25005, rel=1e-5)
    assert len({r["rate"] for r in data["rates"]}) == 1


def test_undated_says_so() -> None:
    code, out, _ = convert("380 billion yuan", "USD")
    assert code == 0
    assert "no --date: rates of the 30 days up to" in out


def test_currency_words_are_read_by_the_extractor() -> None:
    code, out, _ = convert("380 billion yuan", "dollars", date="2025-02-24")
    assert code == 0
    assert "billion USD" in out


def test_units_convert_without_rates() -> None:
    code, out, _ = convert("100 miles", "km", fmt="json")
    assert code == 0
    data = json.loads(out)
    assert (data["value"], data["unit"], data["rates"]) == (160.9344, "kilometer", [])
    code, out, _ = convert("100 miles", "kilometer")
    assert "factor     1 mile = 1.609344 kilometer" in out


@pytest.mark.parametrize(
    ("query", "to", "date", "message"),
    [
        (
            "380 billion yuan",
            "USB",
            "2025-02-24",
            "unknown currency 'USB' (did you mean USD?)",
        ),
        ("380 billion yuan", "TWD", "2025-02-24", "the ECB never quoted TWD"),
        ("380 billion yuan", "USD", "2004-06-01", "CNY start on 2005-04-01"),
        (
            "380 billion yuan",
            "USD",
            "2099-01-01",
            "after the end of the embedded ECB history",
        ),
        ("380 billion yuan", "USD", "24/02/2025", "--date '24/02/2025' is not a date"),
        ("gibberish", "USD", None, "cannot read an amount in 'gibberish'"),
        ("40 people", "USD", None, "has a number but no currency or unit"),
        ("100 miles", "kilogram", None, "cannot convert mile to kilogram"),
        ("100 miles", "furlongz", None, "did you mean furlong?"),
    ],
)
def test_bad_input_exits_2_with_one_clear_message(
    query: str, to: str, date: str | None, message: str
) -> None:
    code, out, err = convert(query, to, date=date)
    assert (code, out) == (2, "")
    assert message in err
    assert "\n" not in err


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"window_days": -1}, "--window must be 0 or more"),
        ({"tolerance": 2.0}, "--tolerance must be a fraction"),
        ({"fmt": "xml"}, "unknown format 'xml'"),
    ],
)
def test_bad_options_exit_2(kwargs: dict[str, object], message: str) -> None:
    code, _, err = convert("380 billion yuan", "USD", date="2025-02-24", **kwargs)
    assert code == 2
    assert message in err


def test_with_the_real_extractor() -> None:
    pytest.importorskip("factcheck.extractor")
    code, out, err = run_convert(
        "380 billion yuan", to="USD", date="2025-02-24", fmt="json", provider=ECB
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["value"] == pytest.approx(52.41e9, rel=1e-3)
    code, _, err = run_convert(
        "more than 380 billion yuan", to="US$", date="2025-02-24"
    )
    assert code == 0, err


def test_the_default_rates_are_the_audits_own_chain() -> None:
    # the pegs answer here as they do in an audit: 32 riyals at 3.75 to the dollar
    code, out, err = run_convert("32 riyals", to="USD", date="2019-12-05", fmt="json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["value"] == pytest.approx(32 / 3.75)
    assert {r["provider"] for r in result["rates"]} == {"peg"}
