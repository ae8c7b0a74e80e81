"""A bare "$" that the outlet's country reads as its own dollar (a Canadian, Singapore,
Australian, New Zealand or Hong Kong masthead) may still be US dollars: the claim keeps
both readings (``Claim.unit_candidates``) and FC101 flags only when neither fits.

Each pair keeps the sentence and changes the outlet or the printed equivalent.
"""

from __future__ import annotations

import datetime as dt

import pytest
from article_audit import run_audit

from factcheck.extractor import extract_document
from factcheck.model import Document
from factcheck.normalize import candidate_units

DAY = dt.date(2024, 5, 22)
COM = "https://www.example.com/news/1"
PK = "https://tribune.com.pk/story/1"
IN = "https://www.example.in/news/1"


def _outlet(tld: str) -> str:
    return f"https://www.example.{tld}/news/1"


# (sentence, the outlet's URL, whether FC101 stays silent)
PAIRS = [
    ("Seoul unveiled 26 trillion won ($19.05 billion) for chips.", _outlet("ca"), True),
    ("Seoul unveiled 26 trillion won ($15 billion) for chips.", _outlet("ca"), False),
    ("Seoul unveiled 26 trillion won ($26.0 billion) for chips.", _outlet("ca"), True),
    ("Seoul unveiled 26 trillion won ($26.0 billion) for chips.", COM, False),
    ("Tokyo set aside 1 trillion yen ($8.62 billion) for chips.", _outlet("sg"), True),
    ("Tokyo set aside 1 trillion yen ($8.62 billion) for chips.", COM, False),
    ("Tokyo set aside 1 trillion yen ($6.39 billion) for chips.", _outlet("sg"), True),
    ("Tokyo set aside 1 trillion yen ($7.5 billion) for chips.", _outlet("sg"), False),
    ("Brussels fined it 10 billion euros ($16.3 billion).", _outlet("com.au"), True),
    ("Brussels fined it 10 billion euros ($16.3 billion).", COM, False),
    ("Brussels fined it 10 billion euros ($10.8 billion).", _outlet("com.au"), True),
    ("Brussels fined it 10 billion euros ($13.5 billion).", _outlet("com.au"), False),
    ("Beijing pledged 100 billion yuan ($22.6 billion) for rail.", _outlet("nz"), True),
    ("Beijing pledged 100 billion yuan ($22.6 billion) for rail.", COM, False),
    ("Beijing pledged 100 billion yuan ($13.8 billion) for rail.", _outlet("nz"), True),
    ("Beijing pledged 100 billion yuan ($18 billion) for rail.", _outlet("nz"), False),
    (
        "The city pledged 10 billion yuan ($10.8 billion) for ports.",
        _outlet("hk"),
        True,
    ),
    ("The city pledged 10 billion yuan ($10.8 billion) for ports.", COM, False),
    (
        "The city pledged 10 billion yuan ($1.38 billion) for ports.",
        _outlet("hk"),
        True,
    ),
    ("The city pledged 10 billion yuan ($5 billion) for ports.", _outlet("hk"), False),
    # national mastheads on .com domains read "$" as their own dollar too
    (
        "Seoul unveiled 26 trillion won ($26.0 billion) for chips.",
        "https://www.theglobeandmail.com/world/article-1/",
        True,
    ),
    (
        "Seoul unveiled 26 trillion won ($15 billion) for chips.",
        "https://www.theglobeandmail.com/world/article-1/",
        False,
    ),
    (
        "Tokyo set aside 1 trillion yen ($8.62 billion) for chips.",
        "https://www.straitstimes.com/asia/1",
        True,
    ),
    (
        "Tokyo set aside 1 trillion yen ($8.62 billion) for chips.",
        "https://www.thestraitstimes.example.com/asia/1",
        False,
    ),
    (
        "Brussels fined it 10 billion euros ($16.3 billion).",
        "https://www.afr.com/companies/1",
        True,
    ),
    (
        "Brussels fined it 10 billion euros ($13.5 billion).",
        "https://www.afr.com/companies/1",
        False,
    ),
    # "Rs" in a Pakistani outlet is Pakistan's rupee first, India's as a candidate;
    # with no reference rate for the first, the Indian reading failing proves
    # nothing, while an Indian outlet has the Indian reading alone
    ("The floods caused losses of $30.1 billion (Rs6.6 trillion).", PK, True),
    ("The floods caused losses of $30.1 billion (Rs6.6 trillion).", IN, False),
    ("The floods caused losses of $30.1 billion (Rs2.5 trillion).", IN, True),
    ("The floods caused losses of $30.1 billion (Rs25 trillion).", IN, False),
    # the same with a dated moment: its rates are another basis to try, and a
    # reading neither basis can test still proves nothing
    ("The floods caused losses of $30.1 billion (Rs6.6 trillion) on Friday.", PK, True),
    (
        "The floods caused losses of $30.1 billion (Rs6.6 trillion) on Friday.",
        IN,
        False,
    ),
]


@pytest.mark.parametrize(("sentence", "url", "silent"), PAIRS)
def test_flag_only_when_no_reading_of_the_dollar_fits(
    sentence: str, url: str, silent: bool
) -> None:
    found = run_audit(sentence, DAY, url=url)
    assert (found == []) is silent, [f.message for f in found]


def test_pairs_come_in_both_verdicts() -> None:
    assert sum(s for *_, s in PAIRS) == sum(not s for *_, s in PAIRS) >= 10


def test_the_finding_says_which_readings_were_tried() -> None:
    sentence = "Seoul unveiled 26 trillion won ($15 billion) for chips."
    (finding,) = run_audit(sentence, DAY, url=_outlet("ca"))
    assert finding.details["candidates_tried"] == "KRW->CAD, KRW->USD"
    assert "with '$15 billion' read as USD" in finding.message
    assert "CAD per KRW" in finding.message or "KRW per CAD" in finding.message


def test_a_local_outlet_keeps_both_readings_on_the_claim() -> None:
    text = "Seoul unveiled a $19 billion package; US$5 billion goes to chips."
    document = Document(path="a.md", text=text, url=_outlet("ca"), published=DAY)
    bare, marked = extract_document(document).claims
    assert bare.unit == "CAD"
    assert bare.unit_candidates == ("CAD", "USD")
    assert candidate_units(bare) == ("CAD", "USD")
    # "US$" settles the currency: one reading only
    assert marked.unit_candidates == ()
    assert candidate_units(marked) == ("USD",)


def test_an_outlet_without_a_local_dollar_has_no_candidates() -> None:
    text = "Seoul unveiled a $19 billion package."
    document = Document(path="a.md", text=text, url=COM, published=DAY)
    (claim,) = extract_document(document).claims
    assert claim.unit_candidates == ()
    assert candidate_units(claim) == ("USD",)
