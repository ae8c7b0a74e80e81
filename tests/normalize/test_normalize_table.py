"""A user's rate table (CSV or TOML): rows, reverse pairs, age limits, clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.errors import ConfigError, RateUnavailableError
from factcheck.normalize import build_provider
from factcheck.normalize.currency import ChainProvider, RateProvider, rate_range
from factcheck.normalize.table import TableProvider

PLEDGE = dt.date(2025, 2, 24)

CSV = """date,base,quote,rate
2025-02-03,USD,TWD,32.90,
2025-02-24,USD,TWD,32.79
2025-02-26,USD,TWD,32.70

2025-02-01,USD,AED,3.6725,monthly
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def table(tmp_path: Path) -> TableProvider:
    text = CSV.replace("date,base,quote,rate", "date,base,quote,rate,precision")
    return TableProvider.from_path(write(tmp_path, "house.csv", text))


def test_table_satisfies_the_protocol(table: TableProvider) -> None:
    assert isinstance(table, RateProvider)
    assert table.name == "table"


def test_csv_rows_answer_for_their_pair(table: TableProvider) -> None:
    rate = table.rate("USD", "TWD", PLEDGE)
    assert (rate.rate, rate.rate_date, rate.provider) == (32.79, PLEDGE, "table")
    assert rate.describe().endswith("house.csv:line 3)")


def test_a_row_answers_until_the_next(table: TableProvider) -> None:
    rate = table.rate("USD", "TWD", dt.date(2025, 2, 25))
    assert (rate.rate, rate.rate_date, rate.requested) == (
        32.79,
        PLEDGE,
        dt.date(2025, 2, 25),
    )


def test_reverse_pairs_are_inverted(table: TableProvider) -> None:
    rate = table.rate("TWD", "USD", PLEDGE)
    assert (rate.base, rate.quote) == ("TWD", "USD")
    assert rate.rate == pytest.approx(1 / 32.79)


def test_rows_older_than_max_age_do_not_answer(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv", CSV)
    young = TableProvider.from_path(path, max_age_days=10)
    with pytest.raises(RateUnavailableError, match=r"no USD/AED row in the 10 days"):
        young.rate("USD", "AED", PLEDGE)
    assert TableProvider.from_path(path).rate("USD", "AED", PLEDGE).rate == 3.6725


def test_monthly_rows_say_so(table: TableProvider) -> None:
    rate = table.rate("USD", "AED", PLEDGE)
    assert rate.precision == "monthly"
    assert "monthly rate" in rate.describe()


def test_window_lists_rows_within_it(table: TableProvider) -> None:
    rates = rate_range(table, "USD", "TWD", PLEDGE)
    assert [r.rate for r in rates.rates] == [32.79, 32.70]
    assert (rates.low.rate, rates.high.rate) == (32.70, 32.79)


def test_no_row_before_the_date_is_an_error(table: TableProvider) -> None:
    with pytest.raises(RateUnavailableError) as info:
        table.rate("USD", "TWD", dt.date(2024, 1, 1))
    assert info.value.tried == ("table",)
    assert "house.csv" in str(info.value)


def test_toml_table(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "house.toml",
        '[[rate]]\ndate = 2025-02-24\nbase = "usd"\nquote = "NGN"\nrate = 1510.5\n\n'
        '[[rate]]\ndate = "2025-02-25"\nbase = "USD"\nquote = "NGN"\nrate = 1512\n',
    )
    table = TableProvider.from_path(path)
    assert table.rate("USD", "NGN", PLEDGE).rate == 1510.5
    assert table.rate("NGN", "USD", dt.date(2025, 2, 26)).rate == pytest.approx(
        1 / 1512
    )
    assert table.currencies() == {"USD", "NGN"}
    assert table.latest() == dt.date(2025, 2, 25)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("day,base,quote,rate\n2025-02-24,USD,TWD,32\n", "the header must name"),
        ("date,base,quote,rate\n2025-02-30,USD,TWD,32\n", "line 2: date '2025-02-30'"),
        ("date,base,quote,rate\n2025-02-24,US,TWD,32\n", "line 2: base 'US'"),
        ("date,base,quote,rate\n2025-02-24,USD,TWD,-3\n", "line 2: rate '-3'"),
        ("date,base,quote,rate\n2025-02-24,USD,TWD,abc\n", "line 2: rate 'abc'"),
        ("date,base,quote,rate\n2025-02-24,USD,TWD,\n", "line 2: missing rate"),
        ("date,base,quote,rate\n2025-02-24,USD,USD,1\n", "both USD"),
        (
            "date,base,quote,rate,precision\n2025-02-24,USD,TWD,3,hourly\n",
            "precision 'hourly'",
        ),
    ],
)
def test_bad_csv_rows_name_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, "bad.csv", text)
    with pytest.raises(ConfigError) as info:
        TableProvider.from_path(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rate = 3\n", "expected an array of tables"),
        ("[[rate]\n", "not valid TOML"),
        (
            '[[rate]]\ndate = 2025-02-24\nbase = "USD"\nquote = "TWD"\n',
            "rate 1: missing rate",
        ),
        ("rate = [1]\n", "rate 1: each [[rate]] must be a table"),
        (
            '[[rate]]\ndate = 2025-02-24\nbase = "USD"\nquote = "TWD"\nrate = true\n',
            "rate 1: rate True",
        ),
    ],
)
def test_bad_toml_names_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        TableProvider.from_path(path)


def test_unreadable_or_unknown_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the rate table"):
        TableProvider.from_path(tmp_path / "missing.csv")
    with pytest.raises(ConfigError, match=r"must be \.csv or \.toml"):
        TableProvider.from_path(write(tmp_path, "rates.json", "{}"))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="cannot read the rate table"):
        TableProvider.from_path(binary)


def test_build_provider_chains_table_before_ecb(tmp_path: Path) -> None:
    chain = build_provider(table=write(tmp_path, "t.csv", CSV))
    assert isinstance(chain, ChainProvider)
    assert chain.name == "table+ecb+peg"
    assert chain.rate("TWD", "USD", PLEDGE).provider == "table"
    assert chain.rate("CNY", "USD", PLEDGE).provider == "ecb"


def test_build_provider_needs_one() -> None:
    with pytest.raises(ValueError, match="no rate provider"):
        build_provider(ecb=False)  # the pegs alone cannot cross to other currencies
