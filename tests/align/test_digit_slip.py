"""The same digits printed two ways (:func:`factcheck.align.decide.digit_slip`)."""

from __future__ import annotations

import pytest

from factcheck import extract
from factcheck.align.decide import digit_slip


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("$26.2 billion", "$2.62 billion", "a decimal moved"),
        ("23 million", "2.3 million", "a decimal moved"),
        ("4.5%", "5.4%", "two digits swapped"),
        ("68,000 customers", "86,000 customers", "two digits swapped"),
        ("$5.41 billion", "$4.51 billion", "two digits swapped"),
        # every digit of a long count counts, past the sixth
        ("60,354,999 votes", "60,345,999 votes", "two digits swapped"),
        # a zero inside the digits dropped, the size about the same
        ("50.07%", "50.7%", "a zero dropped"),
        ("3.05 million doses", "3.5 million doses", "a zero dropped"),
        # no zero dropped: another size, or the same places printed
        ("1,054 crew", "154 crew", None),
        ("1,054 crew", "1,540 crew", None),
        # no slip: other digits, one digit only, a repeated digit, equal values,
        # another unit, or swapped digits at another scale
        ("4.25%", "4.5%", None),
        ("4%", "40%", None),
        ("55 million", "5.5 million", None),
        ("$26.2 billion", "$26.2 billion", None),
        ("$26.2 billion", "€2.62 billion", None),
        ("4.5%", "54%", None),
        ("60,354,999 votes", "60,355,999 votes", None),
        # a range's two ends with one scale word slipped
        (
            "between $1.7 million and $1.9 million",
            "between $1.7 billion and $1.9 billion",
            "a decimal moved",
        ),
        (
            "between $1.7 million and $1.9 million",
            "between $1.7 billion and $2.1 billion",
            None,
        ),
        ("between $1.7 million and $1.9 million", "$1.7 billion", None),
        # a time printed in parts slips in its printed digits, not in its seconds
        ("won in 2:00:35", "won in 2:00:53", "two digits swapped"),
        (
            "a flight of 21 hours and 32 minutes",
            "a flight of 21 hours and 23 minutes",
            "two digits swapped",
        ),
        # ... and only in one printed shape: another digit, or another way of
        # printing it, is no slip
        ("won in 2:00:35", "won in 2:01:35", None),
        ("won in 2:04:02", "won in 2 hours, 4 minutes and 20 seconds", None),
    ],
)
def test_digit_slip(a: str, b: str, want: str | None) -> None:
    (ca,), (cb,) = extract(a), extract(b)
    assert digit_slip(ca, cb) == want
    assert digit_slip(cb, ca) == want


def test_two_moments_of_a_running_tally_take_no_evidence_from_their_digits() -> None:
    """A toll of 291 in October and 219 in December differ by design (or are two
    disasters): swapped digits say nothing about a series."""
    import datetime as dt

    from factcheck import Document, extract_document
    from factcheck.align import claim_refs, read_frames
    from factcheck.align.decide import Veto
    from factcheck.align.groups import FrameAligner

    texts = [
        (
            "a.txt",
            "An earthquake in Kars killed at least 291 people, officials in Kars said.",
            10,
        ),
        (
            "b.txt",
            "An earthquake in Kars killed 219 people, officials in Kars said.",
            12,
        ),
    ]
    docs = [
        Document.from_text(t, path=p, published=dt.date(2024, m, 3))
        for p, t, m in texts
    ]
    prepared = FrameAligner().prepare(
        claim_refs([read_frames(extract_document(d)) for d in docs])
    )
    a, b = prepared.refs
    found = prepared.judge(a, b)
    assert isinstance(found, Veto)
    assert found.series is not None
    assert not any("same digits" in e for e in found.series.evidence)


@pytest.mark.parametrize(
    ("other", "matched"),
    [
        # another maker's product with the same trim: no shared story, no match
        (
            "Pelvenfal Systems received 290,754 orders for the Ostbrisim Max in "
            "its first week, Pelvenfal Systems said.",
            False,
        ),
        # the same product's orders with two digits swapped: one figure copied wrong
        (
            "Peltorur received 290,754 orders for the Torzanbri Max in its first "
            "week, Peltorur said.",
            True,
        ),
    ],
)
def test_a_shared_trim_is_no_shared_story(other: str, matched: bool) -> None:
    """ "Max", "Pro", "Lite": a product's variant word names no product, so two
    makers' models that share one are two stories, whatever digits they print."""
    import datetime as dt

    from factcheck import Document, extract_document
    from factcheck.align import claim_refs, read_frames
    from factcheck.align.decide import Decision
    from factcheck.align.groups import FrameAligner

    first = (
        "Orders for the Torzanbri Max reached 290,475 within a week of its launch, "
        "Peltorur said."
    )
    docs = [
        Document.from_text(t, path=p, published=dt.date(2023, 9, d))
        for p, t, d in (("a.txt", first, 17), ("b.txt", other, 29))
    ]
    prepared = FrameAligner().prepare(
        claim_refs([read_frames(extract_document(d)) for d in docs])
    )
    a, b = (r for r in prepared.refs if r.claim.kind == "count")
    found = prepared.judge(a, b)
    assert isinstance(found, Decision) == matched, found


TELVANA_SALE = (
    "LONDON, Aug 23 - Telvana Group has agreed to sell its Hungarian business to "
    "Hungarian IT and telecoms group Kestrel and the state holding company Orvo for "
    "715 billion forints, the British company said on Tuesday.\n\n"
    "Kestrel will acquire 51% of Telvana Hungária and Orvo the remaining 49%, the "
    "companies said. The deal marks the Hungarian government's latest move to "
    "increase domestic ownership of strategic sectors including banking and telecoms."
)


def _telvana_report(price: str) -> str:
    return (
        "Telvana is leaving Hungary. The British telecoms giant has agreed to sell its "
        f"Hungarian subsidiary for HUF {price} billion to a consortium of the local IT "
        "group Kestrel, which will take 51 per cent, and the state-owned Orvo, which "
        "will take 49 per cent.\n\n"
        "The deal is the latest in a series of acquisitions that have brought "
        "Hungarian companies into sectors once dominated by foreign groups."
    )


@pytest.mark.parametrize(("price", "warned"), [("751", True), ("640", False)])
def test_a_long_slip_of_one_story_warns_with_no_holder_read(
    price: str, warned: bool
) -> None:
    """Three digits of one story's figure in another order ("715 billion forints",
    "HUF 751 billion") say which figure it is, though neither report's holder is
    read: a warning. Another figure, with no slip, stays silent."""
    import datetime as dt

    from factcheck import Document, audit

    day = dt.date(2022, 8, 23)
    report = audit(
        [
            Document.from_text(TELVANA_SALE, path="a.txt", published=day),
            Document.from_text(_telvana_report(price), path="b.txt", published=day),
        ]
    )
    found = [f for f in report.findings if f.rule == "FC201" and f.severity != "info"]
    assert bool(found) == warned, [f.message for f in report.findings]


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        ("88,966 spectators", "88,996 spectators", "one digit changed"),
        ("60,354,999 votes", "60,355,999 votes", "one digit changed"),
        # too short to tell a typing slip from another figure
        ("4,730 injured", "4,780 injured", None),
        # one story's percentages lie between 0 and 100: their digits meet by chance
        ("50.35%", "55.35%", None),
        # a time's value in seconds changes in one digit where its printed digits
        # change in two
        ("2:01:25", "2:00:35", None),
        # a hedged figure is no exact print
        ("about 88,966 spectators", "88,996 spectators", None),
        # two digits changed
        ("88,966 spectators", "88,997 spectators", None),
    ],
)
def test_one_digit_changed(a: str, b: str, want: str | None) -> None:
    from factcheck.align.decide import _one_digit_changed

    (ca,) = extract(a)
    (cb,) = extract(b)
    assert _one_digit_changed(ca, cb) == want
