"""Fixed pegs (:mod:`factcheck.normalize.pegs`): the rates the ECB does not quote;
and the currencies redenominated since it began, read by the text's date."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import Config, audit, extract
from factcheck.cache import provider_identity
from factcheck.config import load_config
from factcheck.errors import ConfigError, RateUnavailableError
from factcheck.extractor import extract_document
from factcheck.model import Document
from factcheck.normalize import build_provider, rate_range
from factcheck.normalize.ecb import ECBProvider
from factcheck.normalize.pegs import PEGS, PegProvider
from factcheck.pipeline import provider_from

DAY = dt.date(2019, 12, 5)


@pytest.fixture(scope="module")
def pegs() -> PegProvider:
    return PegProvider(ECBProvider())


def test_a_peg_and_its_anchor_is_the_peg_with_its_authority(pegs: PegProvider) -> None:
    r = pegs.rate("USD", "SAR", DAY)
    assert r.rate == 3.75
    assert r.provider == "peg"
    assert r.via is None
    assert "by the Saudi Central Bank" in r.describe()
    assert "since 1986-06-01" in r.describe()
    assert pegs.rate("SAR", "USD", DAY).rate == pytest.approx(1 / 3.75)


def test_another_pair_is_crossed_through_the_anchor_at_the_ecb_rate(
    pegs: PegProvider,
) -> None:
    usd_eur = ECBProvider().rate("USD", "EUR", DAY)
    r = pegs.rate("SAR", "EUR", DAY)
    assert r.rate == pytest.approx(usd_eur.rate / 3.75)
    assert (r.provider, r.via, r.rate_date) == ("peg+ecb", "USD", usd_eur.rate_date)
    assert pegs.rate("EUR", "SAR", DAY).rate == pytest.approx(3.75 / usd_eur.rate)


def test_a_euro_peg_crosses_to_the_dollar(pegs: PegProvider) -> None:
    eur_usd = ECBProvider().rate("EUR", "USD", DAY)
    assert pegs.rate("XOF", "EUR", DAY).rate == pytest.approx(1 / 655.957)
    r = pegs.rate("XOF", "USD", DAY)
    assert r.rate == pytest.approx(eur_usd.rate / 655.957)
    assert r.via == "EUR"


def test_two_pegs_to_one_anchor_need_no_market_rate(pegs: PegProvider) -> None:
    r = pegs.rate("SAR", "AED", DAY)
    assert r.rate == pytest.approx(3.6725 / 3.75)
    assert r.provider == "peg"


def test_two_pegs_to_different_anchors_cross_both(pegs: PegProvider) -> None:
    usd_eur = ECBProvider().rate("USD", "EUR", DAY)
    assert pegs.rate("SAR", "XOF", DAY).rate == pytest.approx(
        usd_eur.rate * 655.957 / 3.75
    )


def test_before_a_peg_began_there_is_no_rate(pegs: PegProvider) -> None:
    with pytest.raises(RateUnavailableError, match="SAR's peg begins on 1986-06-01"):
        pegs.rate("SAR", "USD", dt.date(1985, 1, 2))


def test_a_pair_of_floating_currencies_is_left_to_the_next_provider(
    pegs: PegProvider,
) -> None:
    with pytest.raises(RateUnavailableError, match="neither GBP nor USD is pegged"):
        pegs.rate("GBP", "USD", DAY)
    assert pegs.rates_between("GBP", "USD", DAY, DAY) == ()


def test_a_window_of_a_peg_is_one_rate(pegs: PegProvider) -> None:
    window = rate_range(pegs, "SAR", "USD", DAY)
    assert window.low.rate == window.high.rate == pytest.approx(1 / 3.75)
    assert "by the Saudi Central Bank" in window.describe()


def test_a_crossed_window_follows_the_market_rate(pegs: PegProvider) -> None:
    rates = pegs.rates_between("SAR", "EUR", dt.date(2019, 12, 2), dt.date(2019, 12, 6))
    ecb = ECBProvider().rates_between(
        "USD", "EUR", dt.date(2019, 12, 2), dt.date(2019, 12, 6)
    )
    assert [r.rate for r in rates] == pytest.approx([r.rate / 3.75 for r in ecb])
    assert {r.provider for r in rates} == {"peg+ecb"}


def test_every_peg_is_one_the_ecb_does_not_quote() -> None:
    assert not set(PEGS) & ECBProvider().currencies()


def test_the_default_chain_has_the_pegs_and_can_leave_them_out() -> None:
    assert build_provider().rate("SAR", "USD", DAY).provider == "peg"
    with pytest.raises(RateUnavailableError):
        build_provider(peg=False).rate("SAR", "USD", DAY)
    assert Config().providers == ("ecb", "peg")
    with pytest.raises(RateUnavailableError):
        provider_from(Config(providers=("ecb",))).rate("SAR", "USD", DAY)


def test_the_configuration_names_the_pegs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "factcheck.toml"
    good.write_text('providers = ["peg", "ecb"]\n', encoding="utf-8")
    assert load_config(good).providers == ("peg", "ecb")
    bad = tmp_path / "bad.toml"
    bad.write_text('providers = ["pegs"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="providers"):
        load_config(bad)


def test_the_cache_keys_a_report_on_the_peg_table() -> None:
    identity = provider_identity(build_provider())
    assert identity is not None
    assert "peg:" in identity
    assert identity != provider_identity(build_provider(peg=False))


def _audit_one(text: str) -> list[str]:
    doc = Document.from_text(text, path="a.md", published=DAY)
    return [f.rule for f in audit([doc]).findings if f.severity != "info"]


def test_a_conversion_from_riyals_is_checked_at_the_peg() -> None:
    assert _audit_one("The sale raised 96 billion riyals ($2.56 billion).") == ["FC101"]
    assert _audit_one("The sale raised 96 billion riyals ($25.6 billion).") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Families will get 140,000 dirhams.", "AED"),
        ("Families in Morocco will get 140,000 dirhams.", "MAD"),
        ("The quake struck Morocco. Families will get 140,000 dirhams.", "MAD"),
        ("Dubai will spend 5 billion dirhams.", "AED"),
        ("Aramco priced its shares at 32 riyals.", "SAR"),
        ("Qatar will spend 5 billion riyals.", "QAR"),
        ("Qatar and Saudi Arabia will spend 5 billion riyals.", "SAR"),
        ("Jordan will borrow 2 billion dinars.", "JOD"),
    ],
)
def test_a_currency_word_of_several_countries_is_read_by_the_country_named(
    text: str, code: str
) -> None:
    (claim,) = extract(text)
    assert claim.unit == code, claim.unit_note


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The metro cost SR60 billion.", [("SR60 billion", "SAR")]),
        ("A room costs Dh500 a night.", [("Dh500", "AED")]),
        ("Qatar will spend QR10bn.", [("QR10bn", "QAR")]),
        ("Kuwait set aside KD5 million.", [("KD5 million", "KWD")]),
        # spaced, the letters are something else: a road, a rating
        ("Traffic on the SR 520 bridge rose.", []),
        ("The bank kept its BD 2 rating.", []),
    ],
)
def test_the_gulf_press_abbreviations_glued_to_their_number(
    text: str, want: list[tuple[str, str]]
) -> None:
    assert [(c.text, c.unit) for c in extract(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Treasury will absorb R254 billion of debt.", [("R254 billion", "ZAR")]),
        ("The first tranche is R78bn.", [("R78bn", "ZAR")]),
        ("Each household gets a R1,500 grant.", [("R1,500", "ZAR")]),
        # a lone R before a small bare number is a road, a model or a round
        ("Traffic on the R1 motorway rose.", []),
        ("She won in R3 of the series.", []),
        ("The Treasury will absorb R 254 billion of debt.", [("254 billion", None)]),
    ],
)
def test_the_south_african_rand_glued_with_a_scale_or_thousands(
    text: str, want: list[tuple[str, str | None]]
) -> None:
    assert [(c.text, c.unit) for c in extract(text)] == want


def test_a_legacy_euro_currency_is_checked_at_its_fixed_rate_from_1999() -> None:
    day = dt.date(2000, 5, 19)
    r = build_provider().rate("DEM", "EUR", day)
    assert r.rate == pytest.approx(1 / 1.95583)
    assert "the Council of the EU" in r.describe()
    # crossed through the euro at the ECB's dollar of the day
    usd = ECBProvider().rate("EUR", "USD", day).rate
    assert build_provider().rate("FRF", "USD", day).rate == pytest.approx(usd / 6.55957)
    # before the fixing the mark floated: no rate, and the reason says why
    with pytest.raises(RateUnavailableError, match="begins on 1999-01-01"):
        build_provider().rate("DEM", "USD", dt.date(1998, 5, 20))
    # Greece joined two years later
    with pytest.raises(RateUnavailableError, match="begins on 2001-01-01"):
        build_provider().rate("GRD", "EUR", dt.date(2000, 6, 1))


def _audit_on(text: str, day: dt.date) -> list[str]:
    doc = Document.from_text(text, path="a.md", published=day)
    return [f.rule for f in audit([doc]).findings if f.severity != "info"]


@pytest.mark.parametrize(
    ("text", "day", "rules"),
    [
        # 500 million marks is 255.6 million euros: about $231 million in May 2000
        ("The utility paid 500 million marks ($231 million).", (2000, 5, 20), []),
        (
            "The utility paid 500 million marks ($470 million).",
            (2000, 5, 20),
            ["FC101"],
        ),
        # 2,000 billion lire is 1.03 billion euros: about $935 million in May 2000
        ("The budget adds 2,000 billion lire ($935 million).", (2000, 5, 20), []),
        (
            "The budget adds 2,000 billion lire ($9.35 billion).",
            (2000, 5, 20),
            ["FC101"],
        ),
        # before 1999 no rate checks it: silent either way
        ("The utility paid 500 million marks ($470 million).", (1997, 5, 20), []),
    ],
)
def test_a_conversion_from_a_legacy_currency(
    text: str, day: tuple[int, int, int], rules: list[str]
) -> None:
    assert _audit_on(text, dt.date(*day)) == rules


@pytest.mark.parametrize(
    ("day", "code"),
    [((1999, 8, 20), "TRL"), ((2004, 12, 31), "TRL"), ((2005, 1, 3), "TRY")],
)
def test_the_lira_before_turkey_redenominated_is_the_old_lira(
    day: tuple[int, int, int], code: str
) -> None:
    doc = Document.from_text(
        "Damage may reach 8 quadrillion lira.", path="a.md", published=dt.date(*day)
    )
    (claim,) = extract_document(doc).claims
    assert (claim.unit, claim.value) == (code, 8e15)
    if code == "TRL":
        assert "before Turkey's 2005 redenomination" in (claim.unit_note or "")


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        # 8,000 trillion old lira at 434,771 to the dollar is $18.4 billion
        ("Officials put the damage at 8,000 trillion lira ($18.4 billion).", []),
        ("Officials put the damage at 8,000 trillion lira ($184 billion).", ["FC101"]),
        ("Officials put the damage at 8 quadrillion lira ($18.4 billion).", []),
        ("Officials put the damage at 8 quadrillion lira ($1.84 billion).", ["FC101"]),
    ],
)
def test_a_conversion_from_the_old_lira_is_checked(text: str, rules: list[str]) -> None:
    assert _audit_on(text, dt.date(1999, 8, 20)) == rules
