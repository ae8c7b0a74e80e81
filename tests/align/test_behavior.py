"""A CheckList-style behavioral suite for alignment (issue 9, item 6).

Each case file in ``cases/`` holds minimal pairs for one phenomenon of news
language: a base document, and two documents of the same sentence shape set against
it, one stating the same fact (``same``) and one a different fact (``different``).
Each side says which claim to look at and may say:

Pairs of one fact stated consistently and in conflict (a running count, a stated
rate) use ``consistent`` and ``conflicting`` sides instead: their finding is what is
asserted, not the grouping.

- ``finding``: what the audit must report about the pair: ``"none"`` (no error or
  warning anywhere in the audit) or ``"FC201"`` / ``"FC201>=warning"`` (a finding of
  that rule, at least that severity, on one of the two claims; ``"FC2xx"`` accepts
  FC201 or FC202);
- ``frame``: frame fields the side's claim must carry (``base_frame`` for the base);
- ``xfail_decision`` / ``xfail_finding``: the current implementation gets this
  side's alignment decision (with its frame fields) or its finding wrong, and how
  (strict: a fix makes the case fail until the mark is removed).

"Same fact" means the two claims share a fact group or are a probable/possible pair;
"different fact" means neither. Cases run through the public pipeline only:
:func:`factcheck.align.read_frames`, :func:`factcheck.rules.context.build_context` and
:func:`factcheck.audit` over in-memory documents.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from factcheck import audit
from factcheck.align import read_frames
from factcheck.extractor import extract_document
from factcheck.model import Claim, Document, Extraction, Finding
from factcheck.rules.context import build_context

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

CASES = Path(__file__).resolve().parent / "cases"
SEVERITY = {"info": 0, "warning": 1, "error": 2}
DEFAULT_PUBLISHED = dt.date(2024, 3, 12)


@attrs.frozen(kw_only=True)
class Side:
    """One document of a case: its text, where it was published, the claim to check."""

    text: str
    claim: str
    published: dt.date
    outlet: str
    #: the outlet's address: its country reads a bare "$" (".ca": Canadian dollars)
    url: str | None = None
    frame: dict[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Case:
    """A base document set against one side of a minimal pair."""

    id: str
    phenomenon: str
    expect: str  # "same", "different", "consistent" or "conflicting"
    base: Side
    other: Side
    finding: str | None
    #: the claim text a finding must touch (default: either compared claim)
    finding_on: str | None = None
    xfail_decision: str | None = None
    xfail_finding: str | None = None


def _date(value: object, default: dt.date) -> dt.date:
    if value is None:
        return default
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _side(raw: dict[str, Any], pair: dict[str, Any], default: dt.date) -> Side:
    return Side(
        text=raw["text"],
        claim=raw["claim"],
        published=_date(raw.get("published", pair.get("published")), default),
        outlet=raw.get("outlet", pair.get("outlet", "wire-b.example.com")),
        url=raw.get("url", pair.get("url")),
        frame=raw.get("frame", {}),
    )


def _load() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        phenomenon = data["phenomenon"]
        default = _date(data.get("published"), DEFAULT_PUBLISHED)
        for pair in data["pair"]:
            base = Side(
                text=pair["base"],
                claim=pair["base_claim"],
                published=_date(pair.get("base_published"), default),
                outlet=pair.get("base_outlet", "wire-a.example.com"),
                url=pair.get("base_url"),
                frame=pair.get("base_frame", {}),
            )
            for expect in ("same", "different", "consistent", "conflicting"):
                raw = pair.get(expect)
                if raw is None:
                    continue
                cases.append(
                    Case(
                        id=f"{path.stem}:{pair['name']}:{expect}",
                        phenomenon=phenomenon,
                        expect=expect,
                        base=base,
                        other=_side(raw, pair, default),
                        finding=raw.get("finding"),
                        finding_on=raw.get("finding_on"),
                        xfail_decision=raw.get("xfail_decision"),
                        xfail_finding=raw.get("xfail_finding"),
                    )
                )
    return cases


ALL = _load()


def _params(cases: list[Case], test: str) -> list[Any]:
    out = []
    for c in cases:
        reason = c.xfail_decision if test == "decision" else c.xfail_finding
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(c, id=c.id, marks=marks))
    return out


def _documents(case: Case) -> list[Document]:
    docs = []
    for name, side in (("base.txt", case.base), ("other.txt", case.other)):
        doc = Document.from_text(side.text, path=name, published=side.published)
        docs.append(attrs.evolve(doc, outlet=side.outlet, url=side.url))
    return docs


def _claim(extraction: Extraction, text: str) -> Claim:
    found = [c for c in extraction.claims if c.text == text]
    if not found:
        seen = [c.text for c in extraction.claims]
        msg = f"no claim {text!r} in {extraction.document.path}: {seen}"
        raise AssertionError(msg)
    return found[0]


def _extractions(case: Case) -> list[Extraction]:
    return [read_frames(extract_document(d)) for d in _documents(case)]


def test_the_suite_covers_every_phenomenon_with_ten_pairs() -> None:
    pairs: dict[str, set[str]] = {}
    for c in ALL:
        pairs.setdefault(c.phenomenon, set()).add(c.id.rsplit(":", 1)[0])
    assert len(pairs) >= 15
    assert all(len(names) >= 10 for names in pairs.values()), {
        k: len(v) for k, v in pairs.items()
    }


#: a consistent/conflicting side says nothing about grouping: it is decided here only
#: when it names frame fields to check
DECIDED = [
    c for c in ALL if c.expect in ("same", "different") or c.base.frame or c.other.frame
]


@pytest.mark.parametrize("case", _params(DECIDED, "decision"))
def test_alignment_decision(case: Case) -> None:
    extractions = _extractions(case)
    a = _claim(extractions[0], case.base.claim)
    b = _claim(extractions[1], case.other.claim)
    for claim, side in ((a, case.base), (b, case.other)):
        assert claim.frame is not None
        for field, want in side.frame.items():
            got = getattr(claim.frame, field)
            if isinstance(got, tuple):
                got = list(got)
            assert got == want, f"{claim.text!r} {field}: {claim.frame.describe()}"
    ctx = build_context(extractions)
    ka, kb = (0, a.id), (1, b.id)
    grouped = any({ka, kb} <= {m.key for m in g.members} for g in ctx.alignment.groups)
    paired = any({d.a.key, d.b.key} == {ka, kb} for d in ctx.alignment.possible)
    same = grouped or paired
    described = f"{a.frame.describe()} | {b.frame.describe()}"  # type: ignore[union-attr]
    if case.expect in ("consistent", "conflicting"):
        return  # a series or a conversion: the finding says it, not the grouping
    if case.expect == "same":
        assert same, f"not aligned: {described}"
    else:
        assert not same, f"aligned: {described}"


def _touches(finding: Finding, texts: set[tuple[str, str]]) -> bool:
    places = {(finding.location.path, finding.location.text)}
    places |= {(r.path, r.text) for r in finding.related}
    return bool(places & texts)


@pytest.mark.parametrize("case", _params([c for c in ALL if c.finding], "finding"))
def test_finding(case: Case) -> None:
    report = audit(_documents(case))
    serious = [f for f in report.findings if SEVERITY[f.severity] >= 1]
    want = case.finding or ""
    if want == "none":
        assert not serious, [f.message for f in serious]
        return
    rule, _, level = want.partition(">=")
    floor = SEVERITY[level or "error"]
    texts = {("base.txt", case.base.claim), ("other.txt", case.other.claim)}
    if case.finding_on:
        texts = {(p, case.finding_on) for p in ("base.txt", "other.txt")}
    hits = [
        f
        for f in report.findings
        if (f.rule == rule or (rule == "FC2xx" and f.rule.startswith("FC2")))
        and SEVERITY[f.severity] >= floor
        and _touches(f, texts)
    ]
    assert hits, [f"{f.rule} {f.severity}: {f.message}" for f in report.findings]


# -- frame fields: one sentence shape, two values of one field --------------------

FRAMES = CASES / "frames"


@attrs.frozen(kw_only=True)
class FrameCase:
    """One sentence and the value one frame field must take ("" for unknown)."""

    id: str
    field: str
    text: str
    claim: str
    want: str | list[str]
    xfail: str | None = None


def _frame_cases() -> list[FrameCase]:
    out: list[FrameCase] = []
    for path in sorted(FRAMES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        xfails = data.get("xfail", {})
        for n, pair in enumerate(data["pairs"], start=1):
            for side, (text, claim, want) in zip("ab", pair, strict=True):
                key = f"{n}{side}"
                out.append(
                    FrameCase(
                        id=f"{path.stem}:{key}",
                        field=data["field"],
                        text=text,
                        claim=claim,
                        want=want,
                        xfail=xfails.get(key),
                    )
                )
    return out


FRAME_CASES = _frame_cases()


def test_each_frame_field_has_ten_minimal_pairs() -> None:
    fields: dict[str, int] = {}
    for c in FRAME_CASES:
        fields[c.field] = fields.get(c.field, 0) + 1
    want = {"holder_key", "attribute", "role", "time", "window", "basis", "stage"}
    assert set(fields) >= want
    assert all(n >= 20 for n in fields.values()), fields


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            id=c.id,
            marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [],
        )
        for c in FRAME_CASES
    ],
)
def test_frame_field(case: FrameCase) -> None:
    doc = Document.from_text(case.text, path="one.txt", published=DEFAULT_PUBLISHED)
    claim = _claim(read_frames(extract_document(doc)), case.claim)
    assert claim.frame is not None
    got = getattr(claim.frame, case.field)
    if isinstance(got, tuple):
        got = list(got)
    assert (got or "") == case.want, claim.frame.describe()
