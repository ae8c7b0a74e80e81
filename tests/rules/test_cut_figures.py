"""How loosely one outlet's figure is read against another's (``AuditContext.compare``).

- A figure cut at its last digit rather than rounded ("Rs 5.53 lakh crore" for Rs
  5,53,722 crore) is the same fact, when the cut figure has three significant digits
  or more (``TRUNCATED_STEP``); cut by more than one step, or coarser, it is not.
- "nearly N" / "just under N" reaches ``NEARLY_BAND`` below N when sources are
  compared, as it does when read on its own: "just under 1 per cent" for 0.9%.

Each pair keeps the sentence shape and changes one figure, so the verdict flips.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from factcheck.model import Document
from factcheck.pipeline import audit

DAY = dt.date(2024, 5, 17)

# (first report, second report, whether FC201 fires)
PAIRS = [
    # cut at the last digit: one step above the cut figure is still its fact
    (
        "Sarto Life's market value at the close was Rs 5,53,722 crore.",
        "Sarto Life's market value at the close was Rs 5.53 lakh crore.",
        False,
    ),
    (
        "Sarto Life's market value at the close was Rs 5,53,722 crore.",
        "Sarto Life's market value at the close was Rs 5.52 lakh crore.",
        True,
    ),
    # cutting lowers a figure, never raises it
    (
        "Sarto Life's market value at the close was Rs 5,52,722 crore.",
        "Sarto Life's market value at the close was Rs 5.54 lakh crore.",
        True,
    ),
    (
        "The Vellan Party won 49.97% of the vote in the Harrow district.",
        "The Vellan Party won 49.9% of the vote in the Harrow district.",
        False,
    ),
    (
        "The Vellan Party won 49.97% of the vote in the Harrow district.",
        "The Vellan Party won 49.8% of the vote in the Harrow district.",
        True,
    ),
    (
        "Corvane Foods posted revenue of $2,658 million for the year.",
        "Corvane Foods posted revenue of $2.65 billion for the year.",
        False,
    ),
    (
        "Corvane Foods posted revenue of $2,668 million for the year.",
        "Corvane Foods posted revenue of $2.65 billion for the year.",
        True,
    ),
    # two significant digits: one step is 2% of the figure, too coarse to be a cut
    (
        "Corvane Foods posted revenue of $5,490 million for the year.",
        "Corvane Foods posted revenue of $5.4 billion for the year.",
        True,
    ),
    (
        "Corvane Foods posted revenue of $5,440 million for the year.",
        "Corvane Foods posted revenue of $5.4 billion for the year.",
        False,
    ),
    # "nearly" and "just under" reach NEARLY_BAND below their figure
    (
        "Halden's surplus was equal to 0.9% of GDP, the treasury said.",
        "Halden's surplus was equal to just under 1 per cent of GDP, the treasury said.",
        False,
    ),
    (
        "Halden's surplus was equal to 0.8% of GDP, the treasury said.",
        "Halden's surplus was equal to just under 1 per cent of GDP, the treasury said.",
        True,
    ),
    (
        "The Kesto dam project displaced 18,650 people, officials said.",
        "The Kesto dam project displaced nearly 20,000 people, officials said.",
        False,
    ),
    (
        "The Kesto dam project displaced 17,950 people, officials said.",
        "The Kesto dam project displaced nearly 20,000 people, officials said.",
        True,
    ),
]


def _conflicts(first: str, second: str) -> list[str]:
    documents = [
        attrs.evolve(Document.from_text(text, path=name, published=DAY), outlet=name)
        for name, text in (("one.md", first), ("two.md", second))
    ]
    return [
        f.message
        for f in audit(documents).findings
        if f.rule == "FC201" and f.severity in ("warning", "error")
    ]


@pytest.mark.parametrize(("first", "second", "fires"), PAIRS)
def test_a_figure_is_read_as_cut_or_nearly_within_its_band(
    first: str, second: str, fires: bool
) -> None:
    found = _conflicts(first, second)
    assert bool(found) is fires, found
