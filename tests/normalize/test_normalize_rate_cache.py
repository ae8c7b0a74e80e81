"""The ECB rate cache carries a format version and a checksum: damaged bytes are never
read as rates (corrupted bytes once turned 52.41 into 50.08 billion USD silently), a
malformed header never crashes a run; a bad cache is rebuilt with a warning, a cache
of another format version quietly."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from factcheck.errors import FactcheckWarning
from factcheck.normalize import ecb
from factcheck.normalize.ecb import ECBProvider, load_history

PLEDGE = dt.date(2025, 2, 24)


@pytest.fixture
def cached(tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the history zip and the cache file written for it."""
    source = tmp_path / "hist.zip"
    shutil.copy(ecb.data_file(), source)
    ecb._load.cache_clear()
    load_history(source, cache_dir=tmp_path / "cache")
    (cache,) = (tmp_path / "cache").glob("ecb-*.bin")
    ecb._load.cache_clear()
    return source, cache


def _cny_per_usd(source: Path, cache_dir: Path) -> float:
    history = load_history(source, cache_dir=cache_dir)
    row = history.dates.index(PLEDGE.toordinal())
    return history.columns["CNY"][row] / history.columns["USD"][row]


def _reference() -> float:
    return ECBProvider(cache_dir=None).rate("USD", "CNY", PLEDGE).rate


def test_flipped_bytes_are_caught_and_the_cache_rebuilt(
    cached: tuple[Path, Path],
) -> None:
    source, cache = cached
    blob = bytearray(cache.read_bytes())
    # a byte inside the rate columns (the end of the file), as a disk error leaves it
    blob[-5000] ^= 0x40
    cache.write_bytes(bytes(blob))
    with pytest.warns(FactcheckWarning, match="checksum does not match"):
        value = _cny_per_usd(source, cache.parent)
    assert value == pytest.approx(_reference(), rel=1e-12)
    ecb._load.cache_clear()
    assert _cny_per_usd(source, cache.parent) == pytest.approx(_reference(), rel=1e-12)


def test_a_malformed_header_is_rebuilt_not_a_crash(cached: tuple[Path, Path]) -> None:
    source, cache = cached
    header = json.dumps(["not", "an", "object"]).encode()
    body = len(header).to_bytes(4, "little") + header
    import hashlib

    cache.write_bytes(ecb._MAGIC + hashlib.sha256(body).digest() + body)
    with pytest.warns(FactcheckWarning, match="cannot be read"):
        value = _cny_per_usd(source, cache.parent)
    assert value == pytest.approx(_reference(), rel=1e-12)


def test_a_cut_off_cache_is_rebuilt_with_a_warning(cached: tuple[Path, Path]) -> None:
    source, cache = cached
    cache.write_bytes(cache.read_bytes()[:1000])
    with pytest.warns(FactcheckWarning, match=r"ecb-.*\.bin was damaged"):
        load_history(source, cache_dir=cache.parent)
    assert cache.stat().st_size > 1000


def test_a_foreign_file_is_rebuilt_with_a_warning(cached: tuple[Path, Path]) -> None:
    source, cache = cached
    cache.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.warns(FactcheckWarning, match="does not start like"):
        load_history(source, cache_dir=cache.parent)


def test_a_cache_of_another_format_version_is_rebuilt_quietly(
    cached: tuple[Path, Path],
) -> None:
    source, cache = cached
    cache.write_bytes(b"factcheck-ecb\x00v1\n" + bytes(100))
    value = _cny_per_usd(source, cache.parent)  # no warning: filterwarnings=error
    assert value == pytest.approx(_reference(), rel=1e-12)
    assert cache.read_bytes().startswith(ecb._MAGIC)


def test_the_cli_says_so_once_and_converts_right(
    cached: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from factcheck.cli import main
    from factcheck.normalize import currency

    source, cache = cached
    blob = bytearray(cache.read_bytes())
    blob[-5000] ^= 0x40
    cache.write_bytes(bytes(blob))
    monkeypatch.setattr(ecb, "data_file", lambda: source)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache.parent))
    ecb._history_for.cache_clear()
    currency.default_provider.cache_clear()
    try:
        code = main(
            ["convert", "380 billion yuan", "--to", "USD", "--date", "2025-02-24"]
        )
    finally:
        ecb._history_for.cache_clear()
        currency.default_provider.cache_clear()
        ecb._load.cache_clear()
    out, err = capsys.readouterr()
    assert code == 0
    assert "= 52.41 billion USD" in out
    assert err.count("factcheck: warning: the ECB rate cache") == 1
