"""Claims kept compactly, and a text read one number at a time: a text dense with
numbers is extracted in memory proportional to its claims, at tens of bytes each
(the issue: 4 MB of "$1 " held 3.3 GB). Speed is the benchmark's business; these
tests count bytes, which do not depend on the machine's load."""

from __future__ import annotations

import pickle
import tracemalloc
from collections.abc import Iterator

import pytest

from factcheck import extract
from factcheck.extractor import Claims, build_claims, extract_document, iter_mentions
from factcheck.extractor.joins import iter_joined
from factcheck.extractor.table import OBJECTS_UP_TO
from factcheck.model import Document

#: the bytes extraction may hold per byte of input (issue 10; the benchmark
#: measures it on larger texts, with the RSS)
MOST_BYTES_PER_BYTE = 50

TEXT = "Alibaba pledged more than 380 billion yuan (US$52.4 billion), up 13%, 5 km."
LONG = (TEXT + "\n") * 500  # longer than OBJECTS_UP_TO: kept as rows


def test_a_short_text_gives_a_tuple() -> None:
    claims = extract(TEXT)
    assert type(claims) is tuple
    assert claims[1].equivalent_of == claims[0].id == "c1"


def test_the_claims_of_a_long_text_read_like_a_tuple() -> None:
    claims = extract(LONG)
    as_tuple = tuple(claims)
    assert isinstance(claims, Claims)
    assert len(claims) == len(as_tuple) == 2000
    assert claims == as_tuple
    assert as_tuple == tuple(claims)
    assert claims[0] == as_tuple[0]
    assert claims[-1] == as_tuple[-1]
    assert claims[1:3] == as_tuple[1:3]
    assert list(reversed(claims))[:3] == list(reversed(as_tuple))[:3]
    assert claims.index(as_tuple[2]) == 2
    assert as_tuple[1] in claims
    assert hash(claims) == hash(as_tuple)
    assert repr(claims).startswith("Claims((Claim(")
    with pytest.raises(IndexError):
        claims[2000]
    assert claims != as_tuple[:3]
    assert claims[1] == claims[1]  # each built anew, and equal
    assert claims[1001].equivalent_of == claims[1000].id == "c1001"


def test_claims_pickle() -> None:
    claims = extract(LONG)
    again = pickle.loads(pickle.dumps(claims))
    assert isinstance(again, Claims)
    assert again == claims


def test_an_extraction_pickles_and_compares() -> None:
    doc = Document.from_text(TEXT)
    extraction = extract_document(doc)
    assert pickle.loads(pickle.dumps(extraction)) == extraction


def test_mentions_and_joins_are_read_one_at_a_time() -> None:
    mentions = iter_mentions("$1 " * 1_000_000)
    assert isinstance(mentions, Iterator)
    first = next(mentions)  # no list of a million mentions is made first
    assert first.value == 1
    joined = iter_joined("$1 $2", iter_mentions("$1 $2"))
    assert [m.value for m in joined] == [1, 2]


def test_rows_and_objects_give_the_same_claims() -> None:
    assert len(LONG) > OBJECTS_UP_TO
    rows = build_claims(LONG, LONG, iter_joined(LONG, iter_mentions(LONG)), 0)
    objects = build_claims(
        LONG, LONG, iter_joined(LONG, iter_mentions(LONG)), len(LONG)
    )
    assert len(rows) == len(objects) == 2000
    assert rows == objects
    assert rows[1234] == objects[1234]
    assert rows[-1] == objects[-1]
    assert pickle.loads(pickle.dumps(rows)) == objects
    assert extract(LONG) == rows


def test_an_outlet_reads_a_sign_anew_in_rows_and_in_objects() -> None:
    text = "It cost $5 million. " * 2000
    url = "https://www.smh.com.au/business/a.html"
    for body in (text, text[:200]):
        (first, *_) = extract_document(Document(path="a.md", text=body, url=url)).claims
        assert first.unit == "AUD"
        assert first.unit_note == "'$' read as AUD: the outlet is www.smh.com.au"


@pytest.mark.parametrize(
    "text",
    [
        "$1 " * 14_000,  # a claim every three bytes
        "1,2,3,4,5,6,7,8,9,0," * 2_000,
        "12:30 2025-01-01 " * 2_500,  # shapes that state no claim
        "5 km. " * 7_000,  # a sentence per claim
        LONG,
    ],
)
def test_memory_per_input_byte_is_bounded(text: str) -> None:
    # a long text (past OBJECTS_UP_TO; a shorter one keeps claim objects, a few
    # megabytes at most)
    assert len(text) > OBJECTS_UP_TO
    extract("warm-up: $5 bn, 3 km, 5% in 2024")  # lexicons and patterns
    tracemalloc.start()
    try:
        claims = extract(text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = len(text.encode("utf-8"))
    assert len(claims) >= 0
    assert held / size <= MOST_BYTES_PER_BYTE, held / size
    assert peak / size <= MOST_BYTES_PER_BYTE, peak / size
