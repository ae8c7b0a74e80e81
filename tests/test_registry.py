"""The rule catalog: built-in rules, lookup by code or name, and plugins from the
``factcheck.rules`` entry point."""

from __future__ import annotations

import importlib.metadata
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from factcheck.config import Config
from factcheck.errors import ConfigError
from factcheck.model import Finding, Location
from factcheck.pipeline import audit
from factcheck.rules import all_rules, builtin_rules, lookup, rule
from factcheck.rules.context import AuditContext
from factcheck.rules.registry import ENTRY_POINT_GROUP, Rule, plugin_rules

ALIBABA = Path(__file__).resolve().parent.parent / "fixtures" / "alibaba"
HEADINGS = ("*What it checks.*", "*Why it matters.*", "*Example.*", "*Configuration.*")
#: the hundreds of a code name its family module (STYLE.md, "Rules")
#: the modules of each family (arithmetic within one document spans three: sums
#: and parts of a whole, and the order a ranking states, sit beside the ratios, each
#: in its own module)
FAMILIES = {
    "FC0": ("factcheck.rules.meta",),
    "FC1": ("factcheck.rules.conversion", "factcheck.rules.rates"),
    "FC2": ("factcheck.rules.cross_source",),
    "FC3": (
        "factcheck.rules.arithmetic",
        "factcheck.rules.parts",
        "factcheck.rules.ranking",
    ),
    "FC4": ("factcheck.rules.hints",),
}
PLUGIN_MODULE = "factcheck_fake_plugin"


# --- the built-in catalog ---------------------------------------------------


def test_builtin_codes_are_well_formed_and_unique() -> None:
    rules = builtin_rules()

    assert rules
    for code, spec in rules.items():
        assert regex.fullmatch(r"FC\d{3}", code), code
        assert spec.code == code
    names = [spec.name for spec in rules.values()]
    assert len(names) == len(set(names))


def test_builtin_names_are_kebab_case() -> None:
    for spec in builtin_rules().values():
        assert regex.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", spec.name), spec.name


def test_builtin_rules_cover_the_design_catalog() -> None:
    catalog = {
        "FC101": "conversion-mismatch",
        "FC102": "unit-conversion-mismatch",
        "FC103": "internal-conflict",
        "FC201": "cross-source-conflict",
        "FC202": "outlier",
        "FC301": "change-arithmetic",
        "FC302": "share-arithmetic",
        "FC303": "sum-of-parts",
        "FC304": "percent-vs-points",
        "FC401": "scale-slip",
    }
    rules = builtin_rules()

    assert {code: rules[code].name for code in catalog} == catalog


def test_builtin_rules_sit_in_the_module_of_their_family() -> None:
    for code, spec in builtin_rules().items():
        assert spec.check.__module__ in FAMILIES[spec.family], code


@pytest.mark.parametrize("spec", builtin_rules().values(), ids=lambda r: r.code)
def test_builtin_doc_has_the_four_headings_in_order(spec: Rule) -> None:
    doc = spec.doc

    positions = [doc.find(heading) for heading in HEADINGS]
    assert all(p >= 0 for p in positions), (spec.code, positions)
    assert positions == sorted(positions)
    assert spec.summary
    assert spec.severity in ("error", "warning", "info")


# --- lookup ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["FC101", "fc101", " FC101 ", "conversion-mismatch", "Conversion-Mismatch"],
)
def test_lookup_finds_a_rule_by_code_or_name_in_any_case(query: str) -> None:
    assert lookup(query).code == "FC101"


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("FC1O1", "FC101"), ("conversion-mismach", "conversion-mismatch")],
)
def test_lookup_of_unknown_rule_suggests_the_nearest(
    query: str, suggestion: str
) -> None:
    with pytest.raises(ConfigError) as info:
        lookup(query)

    assert f"unknown rule {query!r}" in str(info.value)
    assert f"did you mean {suggestion}?" in str(info.value)


def test_lookup_of_far_unknown_rule_has_no_suggestion() -> None:
    with pytest.raises(ConfigError) as info:
        lookup("XYZ")

    assert "did you mean" not in str(info.value)


# --- plugins ------------------------------------------------------------------


class _FakeEntryPoint:
    """What ``plugin_rules`` reads from an entry point: name, value, dist, load."""

    def __init__(self, name: str, value: str, package: str = "factcheck-extra") -> None:
        self.name = name
        self.value = value
        self.group = ENTRY_POINT_GROUP
        self.dist = types.SimpleNamespace(name=package)

    def load(self) -> object:
        module_name, _, attr = self.value.partition(":")
        module = importlib.import_module(module_name)
        return getattr(module, attr)


def _plugin_check(ctx: AuditContext) -> Iterator[Finding]:
    """Flags the first claim of every document.

    *What it checks.* Nothing useful. *Why it matters.* It is a test.
    *Example.* Any document. *Configuration.* None.
    """
    seen: set[str] = set()
    for ref in ctx.refs:
        if ref.document.path in seen:
            continue
        seen.add(ref.document.path)
        yield Finding(
            rule="XY101",
            name="first-figure",
            severity="warning",
            message=f"first figure: {ref.claim.text!r}",
            location=Location(
                path=ref.document.path, span=ref.claim.span, text=ref.claim.text
            ),
        )


def _failing_check(ctx: AuditContext) -> Iterator[Finding]:
    msg = "plugin bug"
    raise RuntimeError(msg)


@pytest.fixture
def plugins(monkeypatch: pytest.MonkeyPatch) -> list[_FakeEntryPoint]:
    """Entry points that ``importlib.metadata.entry_points`` will report, backed by
    a module registered in ``sys.modules``."""
    module = types.ModuleType(PLUGIN_MODULE)
    module.first_figure = rule(  # type: ignore[attr-defined]
        "XY101", "first-figure", "warning", "flags the first figure"
    )(_plugin_check)
    module.failing = rule(  # type: ignore[attr-defined]
        "XY102", "always-fails", "error", "raises"
    )(_failing_check)
    module.clash = rule(  # type: ignore[attr-defined]
        "FC101", "my-conversion", "error", "reuses a built-in code"
    )(_plugin_check)
    module.bad_code = rule(  # type: ignore[attr-defined]
        "X1", "bad-code", "error", "not a code"
    )(_plugin_check)
    module.not_a_rule = "hello"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, PLUGIN_MODULE, module)
    registered: list[_FakeEntryPoint] = []

    def entry_points(**params: str) -> list[_FakeEntryPoint]:
        assert params == {"group": ENTRY_POINT_GROUP}
        return list(registered)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return registered


def test_plugin_rule_loads_beside_the_builtins(plugins: list[_FakeEntryPoint]) -> None:
    plugins.append(_FakeEntryPoint("XY101", f"{PLUGIN_MODULE}:first_figure"))

    rules, problems = all_rules()

    assert problems == []
    assert "XY101" in rules
    assert set(builtin_rules()) <= set(rules)
    assert "factcheck-extra" in rules["XY101"].origin
    assert lookup("first-figure", rules).code == "XY101"


def test_plugin_rule_runs_in_the_audit(plugins: list[_FakeEntryPoint]) -> None:
    plugins.append(_FakeEntryPoint("XY101", f"{PLUGIN_MODULE}:first_figure"))

    report = audit([ALIBABA], config=Config())

    assert not report.problems
    assert len([f for f in report.findings if f.rule == "XY101"]) == 3
    assert any(f.rule == "FC101" for f in report.findings)


def test_plugin_rule_can_be_turned_off_in_config(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(_FakeEntryPoint("XY101", f"{PLUGIN_MODULE}:first_figure"))

    report = audit([ALIBABA], config=Config(rules={"XY101": "off"}))

    assert all(f.rule != "XY101" for f in report.findings)


def test_plugin_that_fails_to_load_becomes_a_problem_naming_the_package(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(
        _FakeEntryPoint("XY103", "factcheck_no_such_module:rule", "broken-pkg")
    )
    plugins.append(_FakeEntryPoint("XY101", f"{PLUGIN_MODULE}:first_figure"))

    rules, problems = all_rules()

    assert "XY101" in rules
    assert len(problems) == 1
    assert "broken-pkg" in problems[0].path
    assert "failed to load" in problems[0].message


def test_broken_plugin_does_not_stop_the_audit(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(
        _FakeEntryPoint("XY103", "factcheck_no_such_module:rule", "broken-pkg")
    )

    report = audit([ALIBABA], config=Config())

    assert any("broken-pkg" in p.path for p in report.problems)
    assert any(f.rule == "FC101" for f in report.findings)


def test_plugin_that_raises_while_checking_becomes_a_problem(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(_FakeEntryPoint("XY102", f"{PLUGIN_MODULE}:failing", "buggy-pkg"))

    report = audit([ALIBABA], config=Config())

    failed = [p for p in report.problems if "buggy-pkg" in p.path]
    assert len(failed) == 1
    assert "XY102" in failed[0].message
    assert "plugin bug" in failed[0].message
    assert any(f.rule == "FC101" for f in report.findings)


def test_entry_point_that_is_not_a_rule_becomes_a_problem(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(_FakeEntryPoint("XY104", f"{PLUGIN_MODULE}:not_a_rule"))

    rules, problems = all_rules()

    assert set(rules) == set(builtin_rules())
    assert len(problems) == 1
    assert "not a Rule" in problems[0].message


def test_plugin_may_not_take_a_builtin_code(plugins: list[_FakeEntryPoint]) -> None:
    plugins.append(_FakeEntryPoint("FC101", f"{PLUGIN_MODULE}:clash", "greedy-pkg"))

    rules, problems = all_rules()

    assert rules["FC101"].origin == "factcheck"
    assert rules["FC101"].name == "conversion-mismatch"
    assert len(problems) == 1
    assert "greedy-pkg" in problems[0].path
    assert "built-in" in problems[0].message


def test_plugin_with_malformed_code_is_rejected(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(_FakeEntryPoint("X1", f"{PLUGIN_MODULE}:bad_code"))

    rules, problems = all_rules()

    assert "X1" not in rules
    assert any("'X1'" in p.message for p in problems)


def test_two_plugins_declaring_one_code_are_rejected(
    plugins: list[_FakeEntryPoint],
) -> None:
    plugins.append(_FakeEntryPoint("XY101", f"{PLUGIN_MODULE}:first_figure", "a-pkg"))
    plugins.append(_FakeEntryPoint("XY101", f"{PLUGIN_MODULE}:first_figure", "b-pkg"))

    table, problems = plugin_rules()

    assert table == {}
    assert any("declared twice" in p.message for p in problems)
