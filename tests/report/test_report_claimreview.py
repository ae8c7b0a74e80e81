"""ClaimReview export: schema.org JSON-LD, checked offline against the part of the
vocabulary it uses and against Google's fact-check structured-data requirements.

The vocabulary below is written from schema.org's definitions of ClaimReview,
Review, Claim, CreativeWork, Rating, Organization and the properties they carry
(domain: the types a property may be used on; range: the types its values may
have), and Google's list of required and recommended fact-check properties.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
import regex

from factcheck.cli import main
from factcheck.model import Finding, Location, Report
from factcheck.report import claimreview, render

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

#: type -> its parent in schema.org's hierarchy
TYPES: Mapping[str, str | None] = {
    "Thing": None,
    "CreativeWork": "Thing",
    "Review": "CreativeWork",
    "ClaimReview": "Review",
    "Claim": "CreativeWork",
    "Intangible": "Thing",
    "Rating": "Intangible",
    "Organization": "Thing",
    "Person": "Thing",
}
#: property -> (types it is defined on, types its values may have)
PROPERTIES: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    "name": (frozenset({"Thing"}), frozenset({"Text"})),
    "alternateName": (frozenset({"Thing"}), frozenset({"Text"})),
    "url": (frozenset({"Thing"}), frozenset({"URL"})),
    "claimReviewed": (frozenset({"ClaimReview"}), frozenset({"Text"})),
    "itemReviewed": (frozenset({"Review"}), frozenset({"Thing"})),
    "reviewRating": (frozenset({"Review"}), frozenset({"Rating"})),
    "ratingExplanation": (frozenset({"Rating"}), frozenset({"Text"})),
    "ratingValue": (frozenset({"Rating"}), frozenset({"Number", "Text"})),
    "author": (
        frozenset({"CreativeWork", "Rating"}),
        frozenset({"Organization", "Person"}),
    ),
    "publisher": (
        frozenset({"CreativeWork"}),
        frozenset({"Organization", "Person"}),
    ),
    "datePublished": (frozenset({"CreativeWork"}), frozenset({"Date", "DateTime"})),
    "headline": (frozenset({"CreativeWork"}), frozenset({"Text"})),
    "text": (frozenset({"CreativeWork"}), frozenset({"Text"})),
    "appearance": (frozenset({"Claim"}), frozenset({"CreativeWork"})),
    "firstAppearance": (frozenset({"Claim"}), frozenset({"CreativeWork"})),
}
#: Google: the properties a fact check must have to be shown as one, and those it
#: recommends
GOOGLE_REQUIRED: Mapping[str, frozenset[str]] = {
    "ClaimReview": frozenset({"claimReviewed", "reviewRating", "url"}),
    "Rating": frozenset({"alternateName"}),
}
GOOGLE_RECOMMENDED: Mapping[str, frozenset[str]] = {
    "ClaimReview": frozenset({"author", "datePublished", "itemReviewed"}),
    "Claim": frozenset({"appearance", "author", "datePublished"}),
}
_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_URL = regex.compile(r"https?://\S+")


def _ancestors(kind: str) -> Iterator[str]:
    current: str | None = kind
    while current is not None:
        yield current
        current = TYPES[current]


def _literal_ok(value: object, ranges: frozenset[str]) -> bool:
    if not isinstance(value, str):
        return isinstance(value, int | float) and "Number" in ranges
    if "URL" in ranges:
        return bool(_URL.fullmatch(value))
    if ranges & {"Date", "DateTime"}:
        return bool(_DATE.fullmatch(value))
    return "Text" in ranges and bool(value.strip())


def vocabulary_errors(node: Mapping[str, Any], where: str = "$") -> list[str]:
    """What in a JSON-LD node breaks the vocabulary above (empty: nothing)."""
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{where}: unknown type {kind!r}"]
    lineage = set(_ancestors(kind))
    errors = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in PROPERTIES:
            errors.append(f"{where}.{key}: not a property this check knows")
            continue
        domains, ranges = PROPERTIES[key]
        if not lineage & domains:
            errors.append(f"{where}.{key}: not a property of {kind}")
        if isinstance(value, dict):
            inner = value.get("@type")
            if inner not in TYPES or not set(_ancestors(inner)) & ranges:
                errors.append(f"{where}.{key}: a {inner}, expected {sorted(ranges)}")
            errors.extend(vocabulary_errors(value, f"{where}.{key}"))
        elif not _literal_ok(value, ranges):
            errors.append(f"{where}.{key}: {value!r} is not {sorted(ranges)}")
    return errors


def google_gaps(
    node: Mapping[str, Any], rules: Mapping[str, frozenset[str]]
) -> set[str]:
    """The properties of ``rules`` (required or recommended) that a node and the
    nodes in it lack, as ``Type.property``."""
    gaps = {
        f"{node['@type']}.{p}" for p in rules.get(node["@type"], ()) if p not in node
    }
    for value in node.values():
        if isinstance(value, dict):
            gaps |= google_gaps(value, rules)
    return gaps


def _graph(text: str) -> list[dict[str, Any]]:
    payload = json.loads(text)
    assert payload["@context"] == "https://schema.org"
    assert set(payload) == {"@context", "@graph"}
    graph: list[dict[str, Any]] = payload["@graph"]
    return graph


TODAY = dt.date(2026, 3, 1)


def _export(
    report: Report, author: str | None = "Harbour Fact Desk"
) -> list[dict[str, Any]]:
    return _graph(claimreview.render_report(report, author=author, today=TODAY))


# ------------------------------------------------------------- the checker


def test_the_vocabulary_check_rejects_what_schema_org_does_not_allow() -> None:
    good = {"@type": "Rating", "alternateName": "False", "ratingExplanation": "x"}
    assert vocabulary_errors(good) == []
    assert vocabulary_errors({**good, "appearance": {"@type": "CreativeWork"}}) == [
        "$.appearance: not a property of Rating"
    ]
    review = {"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "False"}
    assert vocabulary_errors(review) == ["$.reviewRating: 'False' is not ['Rating']"]
    review["reviewRating"] = {"@type": "Claim"}
    assert "$.reviewRating: a Claim, expected ['Rating']" in vocabulary_errors(review)
    assert vocabulary_errors({"@type": "ClaimReview", "datePublished": "3 March"}) == [
        "$.datePublished: '3 March' is not ['Date', 'DateTime']"
    ]
    assert vocabulary_errors({"@type": "Review", "url": "javascript:x"})
    assert google_gaps(
        {"@type": "ClaimReview", "claimReviewed": "x"}, GOOGLE_REQUIRED
    ) == {
        "ClaimReview.reviewRating",
        "ClaimReview.url",
    }


# ------------------------------------------------------------- the export


def test_claimreview_of_a_draft_meets_schema_org_and_google(report: Report) -> None:
    graph = _export(report)
    assert len(graph) == 2  # FC201 and FC101 on the draft; suppressed and baseline out
    for node in graph:
        assert vocabulary_errors(node) == []
        assert google_gaps(node, GOOGLE_REQUIRED) == set()
        assert google_gaps(node, GOOGLE_RECOMMENDED) == set()
        assert len(node["claimReviewed"]) <= claimreview.CLAIM_REVIEWED_LIMIT


def test_claimreview_carries_the_claim_its_appearance_and_the_verdict(
    report: Report,
) -> None:
    fc101 = next(
        n
        for n in _export(report)
        if n["reviewRating"]["alternateName"] == "Incorrect conversion"
    )
    assert fc101["claimReviewed"] == (
        "…over 380 billion yuan, equivalent to approximately $38 billion, on AI."
    )
    assert fc101["reviewRating"]["ratingExplanation"] == next(
        f.message for f in report.findings if f.rule == "FC101"
    )
    claim = fc101["itemReviewed"]
    assert claim["author"] == {"@type": "Organization", "name": "Draft Desk"}
    assert claim["datePublished"] == "2025-02-24"
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "url": "https://news.example/drafts/alibaba",
        "headline": "Alibaba to pour billions into AI",
        "datePublished": "2025-02-24",
        "publisher": {"@type": "Organization", "name": "Draft Desk"},
    }
    assert fc101["author"] == {"@type": "Organization", "name": "Harbour Fact Desk"}
    assert fc101["datePublished"] == "2026-03-01"
    assert fc101["url"] == "https://news.example/drafts/alibaba"


def test_claimreview_is_one_item_per_finding_on_a_draft(
    report: Report, make_location: Callable[..., Location]
) -> None:
    on_source = Finding(
        rule="FC201",
        name="cross-source-conflict",
        severity="error",
        message="the source disagrees",
        location=make_location("sources/harbour.md", 5, 34, "380 billion yuan"),
    )
    with_source = attrs.evolve(report, findings=(*report.findings, on_source))
    assert len(_export(with_source)) == 2  # the source's finding is not reviewed
    # no draft at all: every finding is reviewed
    no_drafts = attrs.evolve(
        with_source,
        documents=tuple(attrs.evolve(d, draft=False) for d in report.documents),
    )
    graph = _export(no_drafts)
    assert len(graph) == 3
    # not a draft: its article's page is the outlet's, not the reviewer's
    assert all("url" not in n for n in graph)
    assert google_gaps(graph[0], GOOGLE_REQUIRED) == {"ClaimReview.url"}


def test_claimreview_leaves_out_meta_rules_and_unsafe_urls(
    report: Report, make_location: Callable[..., Location]
) -> None:
    unused = Finding(
        rule="FC001",
        name="unused-suppression",
        severity="info",
        message="this suppression silences nothing",
        location=make_location("drafts/alibaba.md", 1, 1, "factcheck: ignore FC201"),
    )
    hostile = tuple(
        attrs.evolve(d, url="javascript:alert(1)") if d.draft else d
        for d in report.documents
    )
    graph = _export(
        attrs.evolve(report, findings=(*report.findings, unused), documents=hostile)
    )
    assert len(graph) == 2
    assert "javascript" not in json.dumps(graph)
    assert all("url" not in n["itemReviewed"].get("appearance", {}) for n in graph)


def test_claimreview_without_author_or_documents_still_validates(
    make_location: Callable[..., Location],
) -> None:
    finding = Finding(
        rule="XY123",
        name="stale-figure",
        severity="warning",
        message="the 2019 figure is quoted as this year's",
        location=make_location("a.md", 1, 1, "40%", "Turnout was 40% this year."),
    )
    (node,) = _export(Report(findings=(finding,)), author=None)
    assert vocabulary_errors(node) == []
    assert node["reviewRating"]["alternateName"] == "Stale figure"
    assert node["claimReviewed"] == "Turnout was 40% this year."
    assert google_gaps(node, GOOGLE_RECOMMENDED) == {
        "ClaimReview.author",
        "Claim.appearance",
        "Claim.author",
        "Claim.datePublished",
    }


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("It costs $5.", "$5", "It costs $5."),
        (
            "Over the next three years the group will spend more than 380 billion "
            "yuan on cloud computing and AI hardware in China.",
            "380 billion yuan",
            "…group will spend more than 380 billion yuan on cloud computing and AI…",
        ),
        (
            "The\r\nfund is worth $38 billion.",
            "$38 billion",
            "The fund is worth $38 billion.",
        ),
    ],
)
def test_claim_reviewed_is_the_sentence_cut_around_the_figure(
    make_location: Callable[..., Location], sentence: str, text: str, expected: str
) -> None:
    got = claimreview.claim_reviewed(make_location("a.md", 1, 1, text, sentence))
    assert got == expected
    assert len(got) <= claimreview.CLAIM_REVIEWED_LIMIT


def test_claimreview_date_follows_source_date_epoch(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740355200")  # 2025-02-24 00:00 UTC
    once = render(report, "claimreview", author="Desk")
    assert '"datePublished": "2025-02-24"' in once.split('"reviewRating"')[1]
    assert render(report, "claimreview", author="Desk") == once


def test_cli_writes_claimreview_with_the_configured_author(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text(
        'author = "Harbour Fact Desk"\n', encoding="utf-8"
    )
    code = main(["audit", str(FIXTURES / "alibaba"), "--format", "claimreview"])
    assert code == 1  # the FC101 in the fixtures is an error
    graph = _graph(capsys.readouterr().out)
    assert graph
    verdicts = [n["reviewRating"]["alternateName"] for n in graph]
    assert "Incorrect conversion" in verdicts
    for node in graph:
        assert vocabulary_errors(node) == []
        assert node["author"] == {"@type": "Organization", "name": "Harbour Fact Desk"}
        # the fixtures are not drafts, so no review carries a page of its own
        assert google_gaps(node, GOOGLE_REQUIRED) == {"ClaimReview.url"}


@pytest.mark.parametrize("value", ['""', "42", '["a"]'])
def test_config_author_must_be_a_name(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    value: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text(f"author = {value}\n", encoding="utf-8")
    code = main(["audit", str(FIXTURES / "alibaba"), "--format", "claimreview"])
    assert code == 2
    err = capsys.readouterr().err
    assert "factcheck.toml" in err
    assert "author" in err


def test_cli_reviews_the_drafts_only_with_their_own_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "draft.md"
    draft.write_text(
        "+++\n"
        'title = "Cloud push"\n'
        'outlet = "Harbour Daily"\n'
        'url = "https://harbour.example/2025/cloud-push"\n'
        "published = 2025-02-24\n"
        "+++\n\n"
        "Alibaba will invest over 380 billion yuan, equivalent to approximately "
        "$38 billion, in cloud computing.\n",
        encoding="utf-8",
    )
    wires = tmp_path / "wires"
    wires.mkdir()
    (wires / "wire.md").write_text(
        "+++\n"
        'outlet = "East Wire"\n'
        'url = "https://wire.example/alibaba"\n'
        "published = 2025-02-24\n"
        "+++\n\n"
        "Alibaba will invest 380 billion yuan, equivalent to approximately "
        "$38 billion, in cloud computing.\n",
        encoding="utf-8",
    )
    main(["audit", str(draft), "--sources", str(wires), "--format", "claimreview"])
    graph = _graph(capsys.readouterr().out)
    assert graph
    for node in graph:
        assert node["url"] == "https://harbour.example/2025/cloud-push"
        assert node["itemReviewed"]["author"]["name"] == "Harbour Daily"
        assert vocabulary_errors(node) == []
        assert google_gaps(node, GOOGLE_REQUIRED) == set()
    # the same articles, neither a draft: both are reviewed, neither has a url
    main(["audit", str(draft), str(wires), "--format", "claimreview"])
    graph = _graph(capsys.readouterr().out)
    outlets = {n["itemReviewed"]["author"]["name"] for n in graph}
    assert outlets == {"Harbour Daily", "East Wire"}
    assert all("url" not in n for n in graph)
