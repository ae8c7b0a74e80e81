"""Shards: every built-in rule of ``document`` or ``group`` scope, run over each
shard of a plan, gives exactly the findings (and the checked claims) it gives over
the whole context: on the fixtures, the seeds and the development corpus."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

from factcheck.config import Config
from factcheck.model import Finding
from factcheck.pipeline import (
    align_extractions,
    extract_documents,
    finding_order,
    provider_from,
    read_inputs,
)
from factcheck.rules import AuditContext, Rule, builtin_rules, rule
from factcheck.rules.shards import Shard, components, plan_shards, shard_context

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "fixtures"

SPLIT = [r for r in builtin_rules().values() if r.scope != "audit"]


def _context(paths: Sequence[Path]) -> AuditContext:
    config = Config()
    read = read_inputs([str(p) for p in paths], config=config)
    extractions, _ = extract_documents(read.documents, frames=True)
    return align_extractions(
        extractions,
        config=config,
        provider=provider_from(config),
        drafts=set(read.drafts),
    )


@pytest.fixture(scope="module")
def fixture_context() -> AuditContext:
    return _context([FIXTURES])


@pytest.fixture(scope="module")
def seed_context() -> AuditContext:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is absent")
    return _context([SHARED / "seeds"])


@pytest.fixture(scope="module")
def corpus_context() -> AuditContext:
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip("../shared/corpus/dev is absent")
    return _context([SHARED / "corpus" / "dev"])


def _run(spec: Rule, ctx: AuditContext) -> tuple[list[Finding], set[tuple[int, str]]]:
    fresh = attrs.evolve(ctx, checked=set(), memo={})
    found = list(spec.check(fresh))
    return sorted(found, key=finding_order), fresh.checked


def _over_shards(
    spec: Rule, ctx: AuditContext, plan: Sequence[Shard]
) -> tuple[list[Finding], set[tuple[int, str]]]:
    found: list[Finding] = []
    checked: set[tuple[int, str]] = set()
    for shard in plan:
        sub = shard_context(ctx, shard, slim=True)
        found.extend(spec.check(sub))
        checked |= sub.checked
    return sorted(found, key=finding_order), checked


def _assert_same_over_shards(ctx: AuditContext, spec: Rule) -> None:
    whole = _run(spec, ctx)
    for count in (2, 3, 7):
        plans = [plan_shards(ctx, count)]
        if spec.scope == "document":
            plans.append(plan_shards(ctx, count, alignment=False))
        for plan in plans:
            assert _over_shards(spec, ctx, plan) == whole, (spec.code, count)


@pytest.mark.parametrize("spec", SPLIT, ids=lambda r: r.code)
def test_rule_over_fixture_shards_finds_what_it_finds_over_the_whole(
    fixture_context: AuditContext, spec: Rule
) -> None:
    _assert_same_over_shards(fixture_context, spec)


@pytest.mark.parametrize("spec", SPLIT, ids=lambda r: r.code)
def test_rule_over_seed_shards_finds_what_it_finds_over_the_whole(
    seed_context: AuditContext, spec: Rule
) -> None:
    _assert_same_over_shards(seed_context, spec)


@pytest.mark.parametrize("spec", SPLIT, ids=lambda r: r.code)
def test_rule_over_corpus_shards_finds_what_it_finds_over_the_whole(
    corpus_context: AuditContext, spec: Rule
) -> None:
    _assert_same_over_shards(corpus_context, spec)


def test_the_fixtures_give_the_split_rules_something_to_find(
    fixture_context: AuditContext,
) -> None:
    # the equality above says little if the rules found nothing
    codes = {f.rule for spec in SPLIT for f in _run(spec, fixture_context)[0]}
    assert {"FC101", "FC103", "FC201", "FC202", "FC301", "FC401"} <= codes


def test_a_plan_owns_every_document_and_component_once(
    corpus_context: AuditContext,
) -> None:
    ctx = corpus_context
    plan = plan_shards(ctx, 5)
    owned = [i for s in plan for i in s.documents]
    assert sorted(owned) == list(range(len(ctx.extractions)))
    parts = [c for s in plan for c in s.components]
    assert sorted(map(id, parts)) != []
    assert len(parts) == len(components(ctx.alignment))
    groups = [g for c in parts for g in c.groups]
    assert sorted(groups, key=lambda g: g.members[0].key) == sorted(
        ctx.alignment.groups, key=lambda g: g.members[0].key
    )


def test_a_component_holds_every_pair_of_its_claims(
    corpus_context: AuditContext,
) -> None:
    parts = components(corpus_context.alignment)
    owner: dict[tuple[int, str], int] = {}
    for n, c in enumerate(parts):
        for g in c.groups:
            for m in g.members:
                assert owner.setdefault(m.key, n) == n
        for d in (*c.possible, *c.series):
            assert owner.setdefault(d.a.key, n) == n
            assert owner.setdefault(d.b.key, n) == n


def test_a_slim_shard_carries_no_text_of_documents_it_does_not_read(
    fixture_context: AuditContext,
) -> None:
    ctx = fixture_context
    shard = plan_shards(ctx, len(ctx.extractions), alignment=False)[0]
    sub = shard_context(ctx, shard, slim=True)
    assert len(sub.extractions) == len(ctx.extractions)
    read = [i for i, e in enumerate(sub.extractions) if e.document.text]
    assert set(read) <= set(shard.documents)
    assert {r.doc_index for r in sub.refs} == set(shard.documents)


def test_a_plan_needs_a_shard() -> None:
    ctx = AuditContext.__new__(AuditContext)
    with pytest.raises(ValueError, match="at least one shard"):
        plan_shards(ctx, 0)


def test_rules_default_to_the_audit_scope() -> None:
    @rule("XYZ901", "plugin-check", "info", "a third-party rule")
    def check(ctx: AuditContext) -> list[Finding]:
        del ctx
        return []

    assert check.scope == "audit"


def test_an_unknown_scope_is_refused() -> None:
    with pytest.raises(ValueError, match="scope 'sentence'"):
        Rule(
            code="XYZ902",
            name="bad-scope",
            severity="info",
            summary="s",
            check=lambda ctx: [],
            scope="sentence",  # type: ignore[arg-type]
        )
