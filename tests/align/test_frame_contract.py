"""Frames are carried on claims and shown where claims are shown (JSON and text
output of ``factcheck extract``); FC201 does not go silent when FC202 is off."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

from factcheck.align import read_frames
from factcheck.cli import main
from factcheck.config import Config
from factcheck.extractor import extract_document
from factcheck.model import Document, Frame
from factcheck.pipeline import audit

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _frames(text: str) -> dict[str, Frame | None]:
    doc = Document.from_text(text, published=dt.date(2024, 3, 28))
    return {c.text: c.frame for c in read_frames(extract_document(doc)).claims}


def test_json_extract_carries_each_claims_frame(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(FIXTURES / "minimax"), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    frames = [c["frame"] for d in payload["documents"] for c in d["claims"]]
    assert frames
    assert all(
        set(f) >= {"holder", "attribute", "role", "time", "basis"} for f in frames
    )
    assert {"MiniMax"} <= {f["holder"] for f in frames}


def test_text_extract_describes_the_frame(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(FIXTURES / "minimax" / "valley-briefing.md")]) == 0
    out = capsys.readouterr().out
    assert "[holder: MiniMax; attribute: valuation; role: level]" in out


def test_a_figure_in_brackets_after_another_shares_its_holder() -> None:
    frames = _frames("Cloud computing earned CNY55.3bn (up 21.9%).")
    money, change = frames["CNY55.3bn"], frames["21.9%"]
    assert money is not None
    assert change is not None
    assert change.holder_key == money.holder_key == ("cloud", "computing")
    assert change.role == "change"


def test_a_listed_holder_is_not_the_sentence_subject() -> None:
    frames = _frames("Hyundai is recalling 1.64 million vehicles and Kia 1.73 million.")
    hyundai, kia = frames["1.64 million"], frames["1.73 million"]
    assert hyundai is not None
    assert kia is not None
    assert (hyundai.holder_key, kia.holder_key) == (("hyundai",), ("kia",))


def _outlier_articles(tmp_path: Path) -> list[Path]:
    texts = {
        "one.md": "Luxembourg fined Amazon a record €746 million over data protection.",
        "two.md": "Luxembourg fined Amazon a record €746 million over data protection.",
        "three.md": "Luxembourg fined Amazon a record €764 million over data protection.",
    }
    paths = []
    for name, body in texts.items():
        path = tmp_path / name
        path.write_text(
            f'+++\noutlet = "{name}"\npublished = 2021-07-30\n+++\n\n{body}\n',
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_fc202_reports_the_outlier_and_fc201_leaves_it(tmp_path: Path) -> None:
    report = audit(_outlier_articles(tmp_path))
    rules = sorted({f.rule for f in report.findings if f.severity != "info"})
    assert rules == ["FC202"]


def test_switching_fc202_off_does_not_silence_fc201(tmp_path: Path) -> None:
    config = attrs.evolve(Config(), rules={"FC202": "off"})
    report = audit(_outlier_articles(tmp_path), config=config)
    fc201 = [f for f in report.findings if f.rule == "FC201"]
    assert fc201
    assert all(f.location.text == "€764 million" for f in fc201)
