"""The audit on labeled multi-outlet events (``fixtures/events``).

Each event is audited on its own, as ``score_audit.py`` does with the shared corpus: a
warning or error that touches a consistent fact's figures, and no labeled
contradiction's, is a false alarm; a labeled contradiction is found when a warning or
error touches two of its figures (one, for a single-figure fact or a rule that checks
one document against itself: FC1xx, FC3xx). No false alarm is allowed, and every
contradiction listed in ``FOUND`` must stay found: the list is what the audit finds
today, so a change that loses one fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factcheck
from factcheck.model import Finding

EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "events"
Span = tuple[str, int, int]

#: the labeled contradictions the audit finds now, by event
FOUND = {
    "p01-turkey-syria-earthquake-2023": {"combined-toll-feb8"},
    "p02-uk-general-election-2024": {"labour-seat-share", "conservative-fall"},
    "p05-uk-heatwave-record-2022": {"margin-fahrenheit-offset", "wales-record"},
    "p07-vale-brumadinho-settlement-2021": {"settlement-wrong-rate"},
    "p08-uk-autumn-budget-2024": {"nic-revenue-euro", "living-wage-pct"},
    "p09-india-interim-budget-2024": {"capex-scale-slip"},
    "q01-hurricane-ian-2022": {"rain-mm-conversion"},
    "q02-jasper-wildfire-2024": {"area-acres-inverted", "structures-share-wrong"},
    "q03-suncor-q2-results-2022": {"net-earnings-usd-inverted"},
    "q05-declan-rice-arsenal-2023": {"fee-parts-wrong"},
    "q07-byd-annual-results-2023": {
        "net-profit-usd-scale",
        "revenue-growth-transposed",
    },
}


def _spans(event: Path, fact: dict[str, object]) -> list[Span]:
    out = []
    for mention in fact["mentions"]:  # type: ignore[attr-defined]
        text = (event / mention["file"]).read_text(encoding="utf-8")
        at = text.find(mention["quote"])
        assert at >= 0, f"{event.name}/{mention['file']}: {mention['quote']!r}"
        out.append((mention["file"], at, at + len(mention["quote"])))
    return out


def _touched(finding: Finding, spans: list[Span]) -> int:
    marks = [finding.location, *finding.related]
    return sum(
        1
        for name, start, end in spans
        if any(
            Path(m.path).name == name and m.span.start < end and start < m.span.end
            for m in marks
        )
    )


def _score(event: Path) -> tuple[set[str], set[str]]:
    labels = json.loads((event / "labels.json").read_text(encoding="utf-8"))
    facts = [(f, _spans(event, f)) for f in labels["facts"]]
    report = factcheck.audit([event])
    serious = [f for f in report.findings if f.severity in ("error", "warning")]
    contra = [(f, s) for f, s in facts if f["verdict"] == "contradiction"]
    found = set()
    for fact, spans in contra:
        need = 1 if len(spans) == 1 else 2
        if any(
            _touched(f, spans) >= need
            or (_touched(f, spans) >= 1 and f.rule.startswith(("FC1", "FC3")))
            for f in serious
        ):
            found.add(fact["id"])
    contra_spans = [s for _, spans in contra for s in spans]
    alarms = set()
    for fact, spans in facts:
        if fact["verdict"] != "consistent":
            continue
        others = [s for s in contra_spans if s not in spans]
        if any(_touched(f, spans) and not _touched(f, others) for f in serious):
            alarms.add(fact["id"])
    return found, alarms


@pytest.mark.parametrize(
    "event", sorted(p.name for p in EVENTS.iterdir() if (p / "labels.json").is_file())
)
def test_no_false_alarm_and_no_contradiction_lost(event: str) -> None:
    found, alarms = _score(EVENTS / event)
    assert alarms == set(), f"false alarms on consistent facts: {sorted(alarms)}"
    lost = FOUND.get(event, set()) - found
    assert not lost, f"contradictions no longer found: {sorted(lost)}"
