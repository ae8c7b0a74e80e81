"""The compiled extractor (mypyc: see hatch_build.py) reads every text exactly as its
sources do. These tests run where the package is installed compiled (CI installs it
so, and sets FACTCHECK_EXPECT_COMPILED); an editable install runs the sources."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck
import factcheck.extractor.scanner
from factcheck.extractor import extract_claims

COMPILED = not (factcheck.extractor.scanner.__file__ or "").endswith(".py")
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

#: pieces of news amounts, glued at random into texts no article has
PIECES = [
    "$", "US$", "-", "–", ",", ".", " ", "\n", "bn", "m", "k", "%", "0", "7", "12",
    "3.5", "one", "a ", "half", "Rs", "¥", "€", "£", "USD", "CNY", "RMB", " yuan",
    " dollars", "about ", "more than ", "between ", " and ", " to ", "(", ")", "#",
    "COVID-", "12:30", "2024", " million", " billion", " km", " tons", " percent",
    " pp", " bps", "minus ", "\u00a0", "½", "/", "Feb. ", " feet 2 inches", "İ", "é",
]  # fmt: skip

READ = """
import json, sys
import factcheck.extractor.scanner as scanner
from factcheck.extractor import extract_claims
assert scanner.__file__.endswith(".py"), scanner.__file__
texts = json.load(sys.stdin)
json.dump([[repr(c) for c in extract_claims(t)] for t in texts], sys.stdout)
"""


def _texts() -> list[str]:
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "fixtures").rglob("*"))
        if p.suffix in {".md", ".txt"} and "bad" not in p.parts
    ]
    for suite in sorted((SHARED / "peer-suites").glob("*.jsonl")):
        for line in suite.read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    rnd = random.Random(20261123)
    texts += ["".join(rnd.choices(PIECES, k=rnd.randrange(1, 16))) for _ in range(3000)]
    return texts


def test_the_build_is_the_one_expected() -> None:
    if not os.environ.get("FACTCHECK_EXPECT_COMPILED"):
        pytest.skip("FACTCHECK_EXPECT_COMPILED is not set")
    assert COMPILED, f"the extractor runs from {factcheck.extractor.scanner.__file__}"


@pytest.mark.skipif(not COMPILED, reason="the extractor runs from its sources here")
def test_compiled_extractor_reads_as_its_sources(tmp_path: Path) -> None:
    package = Path(factcheck.__file__).parent
    shutil.copytree(
        package,
        tmp_path / "factcheck",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"),
    )
    texts = _texts()
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", READ],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=600,
    )
    from_sources = json.loads(done.stdout)
    compiled = [[repr(c) for c in extract_claims(t)] for t in texts]
    different = [
        (t, a, b)
        for t, a, b in zip(texts, compiled, from_sources, strict=True)
        if a != b
    ]
    assert not different, different[:3]
    assert sum(map(len, compiled)) > 1000  # the texts state claims to compare
