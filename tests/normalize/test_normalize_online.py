"""The online provider against a fake rate server on 127.0.0.1; no test leaves the host.

The fake speaks forex-python's protocol (``GET {root}{YYYY-MM-DD}?base=XXX``, answer
``{"base", "date", "rates"}``), answers a weekend with Friday's rates, and counts
requests so the cache can be seen working. A second server accepts connections and
never answers, to prove the timeout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from factcheck.errors import FactcheckWarning, RateUnavailableError
from factcheck.normalize import build_provider
from factcheck.normalize.currency import ChainProvider, RateProvider, rate_range
from factcheck.normalize.ecb import ECBProvider
from factcheck.normalize.online import DEFAULT_BASE_URL, OnlineProvider

PLEDGE = dt.date(2025, 2, 24)
USD_PER = {"CNY": 0.13793, "TWD": 0.03050, "EUR": 0.9558}


class _FakeRates(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]]
    mode: ClassVar[str]

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        parts = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(parts.query)
        mode = type(self).mode
        if mode == "error":
            self._send(500, b"{}")
            return
        if mode == "junk":
            self._send(200, b"<html>not json</html>")
            return
        day = dt.date.fromisoformat(parts.path.rsplit("/", 1)[-1])
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        if mode == "stale":
            day = dt.date(2020, 1, 2)
        base = query["base"][0]
        rates = {"USD": USD_PER[base]} if base in USD_PER else {}
        body = {"base": base, "date": day.isoformat(), "rates": rates}
        self._send(200, json.dumps(body).encode())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


class FakeServer:
    def __init__(self) -> None:
        class Handler(_FakeRates):
            requests: ClassVar[list[str]] = []
            mode: ClassVar[str] = "ok"

        self.handler = Handler
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        self.thread = threading.Thread(
            target=self.server.serve_forever,
            kwargs={"poll_interval": 0.02},
            daemon=True,
        )

    @property
    def requests(self) -> list[str]:
        return self.handler.requests

    def set_mode(self, mode: str) -> None:
        self.handler.mode = mode


@pytest.fixture(autouse=True)
def _localhost_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection that would leave 127.0.0.1."""
    real = socket.create_connection

    def guarded(
        address: tuple[str, int], *args: object, **kwargs: object
    ) -> socket.socket:
        assert address[0] in ("127.0.0.1", "localhost"), f"network call to {address}"
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    server = FakeServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()


@pytest.fixture
def silent() -> Iterator[str]:
    """A server that accepts connections (the kernel's backlog) and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/api/"
    sock.close()


@pytest.fixture
def refused() -> str:
    """A port nothing listens on."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/api/"


def online(
    url: str, tmp_path: Path | None = None, timeout: float = 2.0
) -> OnlineProvider:
    return OnlineProvider(base_url=url, timeout=timeout, cache_dir=tmp_path)


def test_provider_satisfies_the_protocol(fake: FakeServer) -> None:
    assert isinstance(online(fake.url), RateProvider)


def test_rate_records_the_served_date(fake: FakeServer) -> None:
    saturday = dt.date(2025, 2, 22)
    rate = online(fake.url).rate("CNY", "USD", saturday)
    assert (rate.rate, rate.rate_date, rate.requested) == (
        0.13793,
        dt.date(2025, 2, 21),
        saturday,
    )
    assert rate.provider == "forex-python"
    assert "served by 127.0.0.1" in rate.describe()
    assert fake.requests == ["/api/2025-02-22?base=CNY&rtype=fpy"]


def test_answers_are_cached_on_disk(fake: FakeServer, tmp_path: Path) -> None:
    online(fake.url, tmp_path).rate("CNY", "USD", PLEDGE)
    assert len(fake.requests) == 1
    fresh = online(fake.url, tmp_path)  # a new process would start like this
    assert fresh.rate("CNY", "USD", PLEDGE).rate == 0.13793
    assert len(fake.requests) == 1
    (cached,) = (tmp_path / "online").iterdir()
    data = json.loads(cached.read_text())
    assert (data["requested"], data["date"], data["rates"]) == (
        "2025-02-24",
        "2025-02-24",
        {"USD": 0.13793},
    )
    assert not [p for p in (tmp_path / "online").iterdir() if p.name.startswith(".")]


def test_answers_are_memoized_in_process(fake: FakeServer) -> None:
    provider = online(fake.url)
    provider.rate("CNY", "USD", PLEDGE)
    provider.rate("CNY", "USD", PLEDGE)
    assert len(fake.requests) == 1
    assert provider.currencies() == {"USD"}


def test_todays_answer_is_not_cached_on_disk(fake: FakeServer, tmp_path: Path) -> None:
    today = dt.datetime.now(tz=dt.timezone.utc).date()
    with contextlib.suppress(RateUnavailableError):  # only the cache matters here
        online(fake.url, tmp_path).rate("CNY", "USD", today)
    assert not (tmp_path / "online").exists()


def test_window_fetches_business_days_once_each(
    fake: FakeServer, tmp_path: Path
) -> None:
    rates = rate_range(online(fake.url, tmp_path), "CNY", "USD", PLEDGE)
    assert len(rates.rates) == 11
    assert (
        len(fake.requests) == 11
    )  # weekdays of 2025-02-17..03-03, the date among them
    assert all(r.provider == "forex-python" for r in rates.rates)


def test_silent_server_times_out(silent: str) -> None:
    start = time.monotonic()
    with (
        pytest.warns(FactcheckWarning, match="not checked in this run"),
        pytest.raises(
            RateUnavailableError, match=r"did not answer within 0.3 s"
        ) as info,
    ):
        online(silent, timeout=0.3).rate("CNY", "USD", PLEDGE)
    assert time.monotonic() - start < 3
    assert info.value.tried == ("forex-python",)


def test_window_against_a_silent_server_costs_one_timeout(silent: str) -> None:
    provider = online(silent, timeout=0.3)
    start = time.monotonic()
    with pytest.warns(FactcheckWarning, match="did not answer"):
        found = provider.rates_between(
            "CNY", "USD", dt.date(2025, 2, 17), dt.date(2025, 3, 3)
        )
    assert found == ()
    assert time.monotonic() - start < 3


def test_no_network_is_a_clear_error(refused: str) -> None:
    with (
        pytest.warns(FactcheckWarning, match="cannot reach"),
        pytest.raises(
            RateUnavailableError, match=r"cannot reach 127.0.0.1:\d+ .*offline\?"
        ),
    ):
        online(refused).rate("CNY", "USD", PLEDGE)


def test_unresolvable_host_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*_args: object, **_kwargs: object) -> object:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "create_connection", no_dns)
    with (
        pytest.warns(FactcheckWarning),
        pytest.raises(RateUnavailableError, match=r"cannot reach rates\.invalid"),
    ):
        online("http://rates.invalid/api/").rate("CNY", "USD", PLEDGE)


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("error", "answered HTTP 500"),
        ("junk", "did not answer with a rate table"),
        ("stale", "answered with rates for 2020-01-02"),
    ],
)
def test_bad_answers_are_clear_errors(
    fake: FakeServer, mode: str, message: str
) -> None:
    fake.set_mode(mode)
    with pytest.raises(RateUnavailableError, match=message):
        online(fake.url).rate("CNY", "USD", PLEDGE)


def test_missing_quote_is_an_error(fake: FakeServer) -> None:
    with pytest.raises(RateUnavailableError, match="no JPY rate for base CNY"):
        online(fake.url).rate("CNY", "JPY", PLEDGE)


def test_future_dates_make_no_request(fake: FakeServer) -> None:
    future = dt.datetime.now(tz=dt.timezone.utc).date() + dt.timedelta(days=3)
    with pytest.raises(RateUnavailableError, match="in the future"):
        online(fake.url).rate("CNY", "USD", future)
    assert fake.requests == []


def test_chain_falls_through_to_online_for_what_the_ecb_lacks(fake: FakeServer) -> None:
    chain = ChainProvider((ECBProvider(cache_dir=None), online(fake.url)))
    assert chain.rate("CNY", "USD", PLEDGE).provider == "ecb"
    assert fake.requests == []
    assert chain.rate("TWD", "USD", PLEDGE).provider == "forex-python"


def test_build_provider_adds_online_only_when_asked(fake: FakeServer) -> None:
    assert build_provider().name == "ecb+peg"
    chain = build_provider(online=True, online_url=fake.url, online_timeout=1.0)
    assert chain.name == "ecb+peg+forex-python"


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="http"):
        OnlineProvider(base_url="ftp://example.org/")
    with pytest.raises(ValueError, match="timeout"):
        OnlineProvider(timeout=0)


def test_default_points_at_forex_pythons_service() -> None:
    assert DEFAULT_BASE_URL == "https://theratesapi.com/api/"
    converter = pytest.importorskip("forex_python.converter")
    assert converter.CurrencyRates()._source_url() == DEFAULT_BASE_URL


def test_the_stage_exports_the_provider_lazily() -> None:
    import factcheck.normalize as stage

    assert stage.OnlineProvider is OnlineProvider
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        stage.Nope  # noqa: B018


# --- out of reach: say so once, fall back to the offline history, mark it -------------


def test_out_of_reach_falls_back_to_the_ecb_marked_and_says_so_once(
    refused: str, recwarn: pytest.WarningsRecorder
) -> None:
    provider = OnlineProvider(
        base_url=refused,
        timeout=1.0,
        cache_dir=None,
        fallback=ECBProvider(cache_dir=None),
    )
    rate = provider.rate("CNY", "USD", PLEDGE)
    assert rate.provider == "ecb, fallback for forex-python"
    assert rate.rate == pytest.approx(
        ECBProvider(cache_dir=None).rate("CNY", "USD", PLEDGE).rate
    )
    window = provider.rates_between(
        "CNY", "USD", dt.date(2025, 2, 17), dt.date(2025, 3, 3)
    )
    assert len(window) == 11
    assert {r.provider for r in window} == {"ecb, fallback for forex-python"}
    provider.rate("EUR", "USD", PLEDGE)
    said = [w for w in recwarn if issubclass(w.category, FactcheckWarning)]
    assert len(said) == 1
    assert "cannot reach 127.0.0.1" in str(said[0].message)
    assert "offline ecb history" in str(said[0].message)


def test_out_of_reach_costs_one_attempt_per_run(silent: str) -> None:
    provider = OnlineProvider(
        base_url=silent,
        timeout=0.3,
        cache_dir=None,
        fallback=ECBProvider(cache_dir=None),
    )
    start = time.monotonic()
    with pytest.warns(FactcheckWarning):
        provider.rate("CNY", "USD", dt.date(2025, 2, 17))
    for day in range(18, 25):  # no second warning (filterwarnings = error)
        provider.rate("CNY", "USD", dt.date(2025, 2, day))
    assert time.monotonic() - start < 3  # one timeout, not eight


def test_the_fallback_lacking_a_currency_names_both(refused: str) -> None:
    provider = OnlineProvider(
        base_url=refused,
        timeout=1.0,
        cache_dir=None,
        fallback=ECBProvider(cache_dir=None),
    )
    with (
        pytest.warns(FactcheckWarning),
        pytest.raises(RateUnavailableError, match="never quoted TWD") as info,
    ):
        provider.rate("TWD", "USD", PLEDGE)
    assert info.value.tried == ("forex-python", "ecb")


def test_an_audit_with_only_the_online_provider_still_checks_conversions(
    refused: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from factcheck import cli
    from factcheck.normalize import online as online_module

    monkeypatch.setattr(online_module, "DEFAULT_BASE_URL", refused)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('providers = ["online"]\n', "utf-8")
    (tmp_path / "a.md").write_text(
        "+++\npublished = 2025-02-24\n+++\n"
        "The group will spend 380 billion yuan ($38 billion) and 12 billion yuan "
        "($1.2 billion) on data centres.\n",
        encoding="utf-8",
    )
    code = cli.main(["audit", "a.md", "--format", "json", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("factcheck: warning: forex-python: cannot reach") == 1
    fc101 = [f for f in json.loads(out)["findings"] if f["rule"] == "FC101"]
    assert fc101
    assert fc101[0]["details"]["provider"] == "ecb, fallback for forex-python"
    assert "ecb, fallback for forex-python" in fc101[0]["message"]


def test_a_damaged_cached_answer_is_asked_again_with_a_warning(
    fake: FakeServer, tmp_path: Path
) -> None:
    online(fake.url, tmp_path).rate("CNY", "USD", PLEDGE)
    (cached,) = (tmp_path / "online").iterdir()
    cached.write_text(
        cached.read_text(encoding="utf-8").replace("0.13793", "0.13703"), "utf-8"
    )
    asked = len(fake.requests)
    with pytest.warns(FactcheckWarning, match="checksum does not match"):
        rate = online(fake.url, tmp_path).rate("CNY", "USD", PLEDGE)
    assert rate.rate == pytest.approx(0.13793)
    assert len(fake.requests) == asked + 1
    assert "0.13793" in cached.read_text(encoding="utf-8")  # rewritten


def test_a_cached_answer_of_the_old_format_is_asked_again_quietly(
    fake: FakeServer, tmp_path: Path
) -> None:
    online(fake.url, tmp_path).rate("CNY", "USD", PLEDGE)
    (cached,) = (tmp_path / "online").iterdir()
    data = json.loads(cached.read_text(encoding="utf-8"))
    del data["format"], data["checksum"]
    cached.write_text(json.dumps(data), encoding="utf-8")
    asked = len(fake.requests)
    online(fake.url, tmp_path).rate("CNY", "USD", PLEDGE)  # no warning
    assert len(fake.requests) == asked + 1
