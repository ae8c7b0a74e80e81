"""The extractor on a news test set of our own (``news_set.txt``): value-F1 floors.

The set is sentences written for the project in the style of wire copy across topics
(disasters, elections, sport, weather, science, budgets, markets, company results,
courts), some with no claim at all, each hand-labeled with the claims a reader takes
from it (kind, value, unit, qualifier). A predicted claim matches an expected one of
the same sentence when kind, value (relative 1e-6; low and high for a range), unit as
the JSON contract prints it and, where the label gives one, the whole of a ratio
agree; precision is over every claim predicted, recall over every claim expected.

A second set, ``news_heldout.txt``, was written after the readings and scored once
before any change to the extractor. Run this file as a script to print the scores
and every miss of both:
``python tests/extractor/test_news_set.py``.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import attrs

from factcheck.extractor import extract_claims
from factcheck.report.json import claim_to_dict

SET = Path(__file__).with_name("news_set.txt")
#: a second set, written after the readings and scored once before any change to
#: the extractor (value-F1 0.979 then): an estimate of what unseen sentences score
HELD_OUT = Path(__file__).with_name("news_heldout.txt")
KINDS = frozenset({"money", "percent", "quantity", "count"})
QUALIFIERS = frozenset({"approx", "gt", "ge", "lt", "le"})

#: floors a little under the scores reached when they were set (the readings are in
#: docs/guide.md)
F1_FLOOR = 0.97
HELD_OUT_F1_FLOOR = 0.95
QUALIFIER_FLOOR = 0.95


@attrs.frozen
class Expected:
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    whole: float | None
    line: int


@attrs.frozen
class Sentence:
    topic: str
    text: str
    expected: tuple[Expected, ...]
    line: int


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _expected(line: str, lineno: int) -> Expected:
    tokens = line.split()
    kind, value, rest = tokens[0], tokens[1], tokens[2:]
    if kind not in KINDS:
        msg = f"line {lineno}: unknown kind {kind!r}"
        raise ValueError(msg)
    whole = None
    if rest and rest[-1].startswith("of="):
        whole = _number(rest.pop()[3:])
    qualifier = rest.pop() if rest and rest[-1] in QUALIFIERS else None
    unit = " ".join(rest) or None
    low = high = number = None
    if ".." in value:
        lo, hi = value.split("..")
        low, high = _number(lo), _number(hi)
        qualifier = "range"
    else:
        number = _number(value)
    return Expected(kind, number, low, high, unit, qualifier, whole, lineno)


def load_set(path: Path = SET) -> list[Sentence]:
    """The sentences of the set with their labels."""
    sentences: list[Sentence] = []
    topic = ""
    text: str | None = None
    start = 0
    items: list[Expected] = []

    def close() -> None:
        if text is not None:
            sentences.append(Sentence(topic, text, tuple(items), start))

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            close()
            topic, text, items = line[3:], None, []
        elif line.startswith("> "):
            close()
            text, start, items = line[2:], lineno, []
        elif line and not line.startswith("#"):
            if text is None:
                msg = f"{path.name}:{lineno}: a label before any sentence"
                raise ValueError(msg)
            items.append(_expected(line, lineno))
    close()
    return sentences


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def matches(exp: Expected, got: dict[str, Any]) -> bool:
    """Whether a predicted claim (as JSON) is the expected one."""
    if got["kind"] != exp.kind or got["unit"] != exp.unit:
        return False
    if exp.whole is not None and not _close(got.get("whole"), exp.whole):
        return False
    if exp.qualifier == "range":
        return _close(got["low"], exp.low) and _close(got["high"], exp.high)
    return _close(got["value"], exp.value)


@attrs.frozen
class Score:
    expected: int
    predicted: int
    matched: int
    qualifiers_agree: int
    misses: tuple[
        tuple[Sentence, tuple[Expected, ...], tuple[dict[str, Any], ...]], ...
    ]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def qualifier_agreement(self) -> float:
        return self.qualifiers_agree / self.matched if self.matched else 1.0


def score(sentences: list[Sentence]) -> Score:
    """Match each sentence's claims to its labels, greedily in order."""
    n_exp = n_pred = n_match = n_q = 0
    misses = []
    for sentence in sentences:
        got = [claim_to_dict(c) for c in extract_claims(sentence.text)]
        used: set[int] = set()
        missed = []
        for exp in sentence.expected:
            j = next(
                (j for j, g in enumerate(got) if j not in used and matches(exp, g)),
                None,
            )
            if j is None:
                missed.append(exp)
                continue
            used.add(j)
            n_match += 1
            n_q += got[j]["qualifier"] == exp.qualifier
        n_exp += len(sentence.expected)
        n_pred += len(got)
        extra = tuple(g for j, g in enumerate(got) if j not in used)
        if missed or extra:
            misses.append((sentence, tuple(missed), extra))
    return Score(n_exp, n_pred, n_match, n_q, tuple(misses))


def test_the_set_is_large_and_varied() -> None:
    sentences = load_set()
    assert len(sentences) >= 200
    topics = {s.topic for s in sentences}
    assert len(topics) >= 9
    assert sum(not s.expected for s in sentences) >= 30  # sentences with no claim
    assert len({s.text for s in sentences}) == len(sentences)


def test_value_f1_on_the_news_set_stays_above_its_floor() -> None:
    result = score(load_set())
    assert result.f1 >= F1_FLOOR, (
        f"value F1 {result.f1:.3f} (P {result.precision:.3f}, R {result.recall:.3f})"
    )


def test_the_held_out_set_is_news_of_every_topic() -> None:
    sentences = load_set(HELD_OUT)
    assert len(sentences) >= 80
    assert len({s.topic for s in sentences}) >= 10


def test_value_f1_on_the_held_out_set_stays_above_its_floor() -> None:
    result = score(load_set(HELD_OUT))
    assert result.f1 >= HELD_OUT_F1_FLOOR, (
        f"value F1 {result.f1:.3f} (P {result.precision:.3f}, R {result.recall:.3f})"
    )


def test_qualifiers_of_matched_claims_agree() -> None:
    result = score(load_set())
    assert result.qualifier_agreement >= QUALIFIER_FLOOR, result.qualifier_agreement


def _show(got: dict[str, Any]) -> str:
    q = f" {got['qualifier']}" if got["qualifier"] else ""
    whole = f" of={got['whole']}" if got.get("whole") is not None else ""
    value = (
        f"{got['low']}..{got['high']}" if got["qualifier"] == "range" else got["value"]
    )
    return f"{got['kind']} {value} {got['unit'] or ''}{q}{whole} [{got['text']}]"


def report(path: Path = SET) -> str:
    """The scores and every miss, as :func:`main` prints them."""
    result = score(load_set(path))
    lines = []
    for sentence, missed, extra in result.misses:
        lines.append(f"{path.name}:{sentence.line} {sentence.text}")
        lines += [f"   missed  {exp}" for exp in missed]
        lines += [f"   extra   {_show(got)}" for got in extra]
    lines.append(
        f"expected {result.expected} predicted {result.predicted} matched "
        f"{result.matched}: P {result.precision:.3f} R {result.recall:.3f} "
        f"F1 {result.f1:.3f}; qualifiers agree on "
        f"{result.qualifier_agreement:.3f} of matched claims"
    )
    return "\n".join(lines) + "\n"


def main() -> None:
    sys.stdout.write(report(SET) + report(HELD_OUT))


if __name__ == "__main__":
    main()
