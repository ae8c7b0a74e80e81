"""``factcheck.Auditor``: a check of a draft reports exactly what ``audit([draft],
sources=...)`` reports on it (JSON-identical findings), however many checks came
before, and refuses bad draft input with a clear error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
import regex

import factcheck
from factcheck import Auditor, Cache
from factcheck.errors import InputError
from factcheck.load import load_paths, load_text
from factcheck.model import Document, Report
from factcheck.pipeline import audit
from factcheck.report import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SOURCES = [FIXTURES / "alibaba", FIXTURES / "minimax", FIXTURES / "clean"]
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def _findings(report: Report) -> list[object]:
    return json.loads(render(report, "json"))["findings"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor(SOURCES)


def _fixture_drafts() -> list[Document]:
    return load_paths(SOURCES)[0]


def _edited(document: Document, n: int = 0) -> Document:
    """The document as a draft with its ``n``-th multi-digit figure mistyped (one
    digit off, as a writer's slip), under a draft's own name."""
    found = list(regex.finditer(r"\d", document.prose))
    spot = found[n % len(found)].start()
    digit = str((int(document.text[spot]) + 3) % 10)
    stem, dot, suffix = document.path.rpartition(".")
    return attrs.evolve(
        document,
        path=f"{stem}-draft{dot}{suffix}",
        text=document.text[:spot] + digit + document.text[spot + 1 :],
        prose=document.prose[:spot] + digit + document.prose[spot + 1 :],
    )


@pytest.mark.parametrize("draft", _fixture_drafts(), ids=lambda d: d.path)
def test_check_equals_the_audit_of_the_draft_against_the_sources(
    auditor: Auditor, draft: Document
) -> None:
    """A source checked as a draft (the audit leaves it out of the sources), and
    the same text with one figure mistyped under its own name."""
    for version in (draft, _edited(draft)):
        expected = audit([version], sources=SOURCES)
        assert _findings(auditor.check(version)) == _findings(expected)


def test_a_mistyped_figure_is_found_and_the_clean_one_is_not(auditor: Auditor) -> None:
    wire = FIXTURES / "alibaba" / "harbour-daily.md"
    draft = load_text(
        wire.read_text().replace("52.4 billion", "25.4 billion"),
        format="md",
        path="drafts/alibaba.md",
    )
    rules = {f.rule for f in auditor.check(draft).findings}
    assert "FC101" in rules
    clean = load_text(wire.read_text(), format="md", path="drafts/alibaba.md")
    assert "FC101" not in {f.rule for f in auditor.check(clean).findings}


def test_checks_leave_no_state_behind(auditor: Auditor) -> None:
    drafts = _fixture_drafts()
    first = [_findings(auditor.check(d)) for d in drafts]
    for d in reversed(drafts):  # other drafts, some replacing a source, between
        auditor.check(_edited(d, 1))
        auditor.check(d)
    assert [_findings(auditor.check(d)) for d in drafts] == first
    fresh = Auditor(SOURCES)
    assert [_findings(fresh.check(d)) for d in drafts] == first


def test_a_draft_may_be_its_text_or_its_path(auditor: Auditor, tmp_path: Path) -> None:
    text = (FIXTURES / "alibaba" / "east-wire.md").read_text()
    by_text = auditor.check(text)
    assert {f.location.path for f in by_text.findings} <= {"<draft>"}
    assert _findings(by_text) == _findings(
        audit([load_text(text, format="md", path="<draft>")], sources=SOURCES)
    )
    path = tmp_path / "draft.md"
    path.write_text(text)
    assert _findings(auditor.check(path)) == _findings(audit([path], sources=SOURCES))


def test_bad_draft_input_is_a_clear_error(auditor: Auditor, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.md"
    with pytest.raises(InputError, match=r"nowhere\.md"):
        auditor.check(missing)
    binary = tmp_path / "blob.md"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 40)
    with pytest.raises(InputError, match=r"blob\.md"):
        auditor.check(binary)
    with pytest.raises(TypeError, match="not int"):
        auditor.check(42)  # type: ignore[arg-type]
    # the auditor still works after each refusal
    draft = _fixture_drafts()[0]
    assert _findings(auditor.check(draft)) == _findings(audit([draft], sources=SOURCES))


def test_unreadable_sources_are_problems_of_every_check(tmp_path: Path) -> None:
    bad = FIXTURES / "bad" / "binary.md"
    auditor = Auditor([*SOURCES, bad])
    draft = _fixture_drafts()[0]
    expected = audit([draft], sources=[*SOURCES, bad])
    report = auditor.check(draft)
    assert [p.path for p in report.problems] == [p.path for p in expected.problems]
    assert _findings(report) == _findings(expected)


def test_without_sources_a_check_is_a_plain_audit() -> None:
    draft = _fixture_drafts()[0]
    assert _findings(Auditor([]).check(draft)) == _findings(audit([draft]))


def test_cache_serves_the_auditor_too(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    Auditor(SOURCES, cache=cache)
    again = Cache(tmp_path)
    auditor = Auditor(SOURCES, cache=again)
    assert again.stats() == (len(_fixture_drafts()), 0)
    draft = _edited(_fixture_drafts()[1])
    assert _findings(auditor.check(draft)) == _findings(audit([draft], sources=SOURCES))


def test_auditor_is_public() -> None:
    assert factcheck.Auditor is Auditor


# -- the development corpus (drafts taken from it; skipped without ../shared) --


def _dev_drafts() -> Iterator[Document]:
    documents = load_paths([DEV])[0]
    for i, d in enumerate(documents[::33]):
        yield d
        if regex.search(r"\d", d.prose):
            yield _edited(d, i)


@pytest.fixture(scope="module")
def dev_auditor(tmp_path_factory: pytest.TempPathFactory) -> tuple[Auditor, Cache]:
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not here")
    cache = Cache(tmp_path_factory.mktemp("dev-cache"))
    return Auditor([DEV], cache=cache), cache


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is not here")
def test_check_equals_the_audit_on_dev_corpus_drafts(
    dev_auditor: tuple[Auditor, Cache],
) -> None:
    auditor, cache = dev_auditor
    checked = 0
    for draft in _dev_drafts():
        # the reference audit reads the same extractions from the cache (its
        # report is not cached: every draft is a different audit)
        expected = audit([draft], sources=[DEV], cache=cache)
        assert _findings(auditor.check(draft)) == _findings(expected), draft.path
        checked += 1
    assert checked >= 8


@pytest.mark.parametrize(
    "config",
    [
        factcheck.Config(aliases={"Alibaba": ("Alibaba Group", "Alibaba Cloud")}),
        factcheck.Config(rules={"FC202": "off", "FC203": "warning"}),
        factcheck.Config(tolerance=0.02, window_days=2),
    ],
    ids=["aliases", "rules", "rates"],
)
def test_check_equals_the_audit_under_other_settings(config: factcheck.Config) -> None:
    auditor = Auditor(SOURCES, config=config)
    for draft in _fixture_drafts()[:4]:
        edited = _edited(draft, 2)
        expected = audit([edited], sources=SOURCES, config=config)
        assert _findings(auditor.check(edited)) == _findings(expected)
