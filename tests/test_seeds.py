"""The canonical case: the news texts this project started from (``../shared/seeds``,
read when it is beside the checkout). One outlet printed Alibaba's 380 billion yuan
as "$38 billion"; the others converted it right; a fourth article cites another
deal's headline with its own $2.5 billion."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.pipeline import audit

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.iterdir():
        if path.suffix == ".txt":
            shutil.copy(path, folder / path.name)
    report = audit([folder], config=Config(), default_date=dt.date(2025, 2, 24))
    return [
        (f.rule, f.severity, Path(f.location.path).name[:3]) for f in report.findings
    ]


def test_the_wrong_conversion_is_an_error_on_its_article(
    findings: list[tuple[str, str, str]],
) -> None:
    assert ("FC101", "error", "003") in findings
    assert ("FC201", "error", "003") in findings


def test_a_cited_headline_of_another_deal_is_no_outlier(
    findings: list[tuple[str, str, str]],
) -> None:
    """001's "$2.5 Billion" names MiniMax's valuation in a cited headline and
    Moonshot's: neither is Alibaba's 380 billion yuan."""
    assert not [f for f in findings if f[2] in ("000", "001", "002") and f[1] != "info"]
