"""The examples in every rule's documentation (``factcheck explain CODE``) run here:
a firing example must fire, a silent one must stay silent."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.model import Document
from factcheck.pipeline import audit
from factcheck.rules import builtin_rules
from factcheck.rules.registry import Example, Rule

DEFAULT_DAY = dt.date(2024, 6, 3)

CASES = [
    pytest.param(
        rule, example, id=f"{code}-{'fires' if example.fires else 'silent'}-{i}"
    )
    for code, rule in builtin_rules().items()
    for i, example in enumerate(rule.examples)
]


def _documents(example: Example) -> tuple[list[Document], list[Document]]:
    day = example.published or DEFAULT_DAY
    docs = [
        Document(path=f"doc{i}.md", text=text, published=day)
        for i, text in enumerate(example.documents)
    ]
    return docs[:1], docs[1:]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_doc_example(rule: Rule, example: Example) -> None:
    first, rest = _documents(example)
    if rule.code == "FC203":  # a draft and its sources
        report = audit(first, sources=rest)
    else:
        report = audit([*first, *rest])
    fired = [f for f in report.findings if f.rule == rule.code]
    if example.fires:
        assert fired, f"{rule.code} should fire on {example.documents}"
    else:
        assert not fired, [f.message for f in fired]


@pytest.mark.parametrize("rule", builtin_rules().values(), ids=lambda r: r.code)
def test_every_rule_doc_has_a_firing_and_a_silent_example(rule: Rule) -> None:
    verdicts = {e.fires for e in rule.examples}
    if rule.code == "FC001":
        return  # unused-suppression: exercised by the suppression tests
    assert verdicts == {True, False}, rule.code
