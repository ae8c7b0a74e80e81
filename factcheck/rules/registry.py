"""The rule catalog: built-in rules, third-party rules from the ``factcheck.rules``
entry point, and the table of retired codes.

Each rule declares, beside its check, a stable code (``FC`` + three digits; the
hundreds are the family), a kebab-case name for the problem, a default severity, a
one-line summary and a docstring with *What it checks*, *Why it matters*, *Example*
and *Configuration*. ``factcheck rules``, ``factcheck explain`` and the docs all render
that one source.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Literal

import attrs
import regex

from factcheck.errors import ConfigError, did_you_mean
from factcheck.model import Finding, Problem, Severity

if TYPE_CHECKING:
    from factcheck.rules.context import AuditContext

CODE = regex.compile(r"^FC\d{3}$|^[A-Z]{2,5}\d{3}$")
NAME = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ENTRY_POINT_GROUP = "factcheck.rules"

Check = Callable[["AuditContext"], Iterable[Finding]]

#: what part of the audit a rule reads, so the audit can split its work:
#: ``document``: one document's claims at a time (``ctx.refs`` and, for each, the
#: claims of its own document); ``group``: besides that, the fact groups, possible
#: pairs and series (``ctx.alignment``), one connected set of claims at a time;
#: ``audit``: anything else (the whole context, in the main process)
Scope = Literal["document", "group", "audit"]
SCOPES: tuple[Scope, ...] = ("document", "group", "audit")

_EXAMPLE = regex.compile(
    r"^\s*(?P<verdict>fires|silent)(?:\s*\[(?P<date>\d{4}-\d{2}-\d{2})\])?:\s*(?P<text>.+?)\s*$",
    regex.MULTILINE,
)


@attrs.frozen(kw_only=True)
class Example:
    """A worked example from a rule's doc: documents (published on ``published``)
    on which the rule must fire, or stay silent. The test suite runs every one."""

    fires: bool
    documents: tuple[str, ...]
    published: dt.date | None = None


@attrs.frozen(kw_only=True)
class Rule:
    """One rule: its metadata and its check (a pure function of the audit context)."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check = attrs.field(eq=False, repr=False)
    origin: str = "factcheck"
    #: what the check reads (see :data:`Scope`); third-party rules default to
    #: ``audit``: they always run in the main process over the whole context
    scope: Scope = attrs.field(default="audit")

    @scope.validator
    def _known_scope(self, _: attrs.Attribute[Scope], value: str) -> None:
        if value not in SCOPES:
            msg = f"rule {self.code}: scope {value!r} is not one of {', '.join(SCOPES)}"
            raise ValueError(msg)

    @property
    def doc(self) -> str:
        """The rule's documentation: its check's docstring, dedented."""
        return inspect.cleandoc(self.check.__doc__ or self.summary)

    @property
    def examples(self) -> tuple[Example, ...]:
        """The ``fires:``/``silent:`` lines of the doc; ``||`` separates documents
        and ``\\n`` stands for a line break inside one."""
        out = []
        for m in _EXAMPLE.finditer(self.doc):
            day = m.group("date")
            out.append(
                Example(
                    fires=m.group("verdict") == "fires",
                    documents=tuple(
                        part.strip().replace("\\n", "\n")
                        for part in m.group("text").split("||")
                    ),
                    published=dt.date.fromisoformat(day) if day else None,
                )
            )
        return tuple(out)

    @property
    def family(self) -> str:
        """The hundreds of the code: ``FC1`` conversion, ``FC2`` cross-source, ..."""
        return self.code[:3]


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    scope: Scope = "audit",
) -> Callable[[Check], Rule]:
    """Declare a rule beside its check: ``@rule("FC101", "conversion-mismatch", ...)``;
    ``scope`` says what it reads (:data:`Scope`; the default, ``audit``, is always
    right, if never split)."""

    def wrap(check: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            check=check,
            scope=scope,
        )

    return wrap


#: retired codes and what replaced them (none yet; codes are never reused)
REDIRECTS: Mapping[str, str] = {}


def _validate(rules: Iterable[Rule]) -> dict[str, Rule]:
    table: dict[str, Rule] = {}
    names: set[str] = set()
    for r in rules:
        if not CODE.match(r.code):
            msg = f"rule code {r.code!r} is not of the form FC123 (from {r.origin})"
            raise ValueError(msg)
        if not NAME.match(r.name):
            msg = f"rule name {r.name!r} is not kebab-case (from {r.origin})"
            raise ValueError(msg)
        if r.code in table or r.name in names:
            msg = f"rule {r.code} {r.name} is declared twice (from {r.origin})"
            raise ValueError(msg)
        if r.code in REDIRECTS:
            msg = f"rule code {r.code} is retired (now {REDIRECTS[r.code]})"
            raise ValueError(msg)
        table[r.code] = r
        names.add(r.name)
    return table


@functools.cache
def builtin_rules() -> dict[str, Rule]:
    """The built-in catalog, in code order."""
    from factcheck.rules import (  # noqa: PLC0415
        arithmetic,
        conversion,
        cross_source,
        hints,
        meta,
        parts,
        ranking,
        rates,
    )

    found = [
        obj
        for module in (
            meta,
            conversion,
            rates,
            cross_source,
            arithmetic,
            parts,
            ranking,
            hints,
        )
        for obj in vars(module).values()
        if isinstance(obj, Rule)
    ]
    return _validate(sorted(found, key=lambda r: r.code))


def plugin_rules() -> tuple[dict[str, Rule], list[Problem]]:
    """Rules from installed packages' ``factcheck.rules`` entry points.

    An entry point names a :class:`Rule` (or a list of them). One that fails to load
    becomes a Problem naming the package; the others still load.
    """
    from importlib.metadata import entry_points  # noqa: PLC0415

    found: list[Rule] = []
    problems: list[Problem] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        where = f"{ep.dist.name if ep.dist else '?'} ({ep.value})"
        try:
            loaded = ep.load()
        except Exception as exc:
            problems.append(
                Problem(path=where, message=f"rule plugin failed to load: {exc}")
            )
            continue
        items = loaded if isinstance(loaded, list | tuple) else [loaded]
        for item in items:
            if isinstance(item, Rule):
                found.append(attrs.evolve(item, origin=where))
            else:
                problems.append(
                    Problem(path=where, message=f"entry point {ep.name} is not a Rule")
                )
    try:
        table = _validate(found)
    except ValueError as exc:
        return {}, [*problems, Problem(path="factcheck.rules", message=str(exc))]
    clash = set(table) & set(builtin_rules())
    for code in clash:
        problems.append(
            Problem(path=table[code].origin, message=f"{code} is a built-in code")
        )
        del table[code]
    return table, problems


def all_rules(*, plugins: bool = True) -> tuple[dict[str, Rule], list[Problem]]:
    """Built-in and plugin rules, by code."""
    rules = dict(builtin_rules())
    problems: list[Problem] = []
    if plugins:
        extra, problems = plugin_rules()
        rules.update(extra)
    return dict(sorted(rules.items())), problems


def lookup(code_or_name: str, rules: Mapping[str, Rule] | None = None) -> Rule:
    """A rule by code (any case) or name, following retired codes.

    Raises:
        ConfigError: no such rule, with the nearest match suggested.
    """
    table = rules if rules is not None else builtin_rules()
    key = code_or_name.strip()
    code = REDIRECTS.get(key.upper(), key.upper())
    if code in table:
        return table[code]
    for r in table.values():
        if r.name == key.lower():
            return r
    hint = did_you_mean(key, [*table, *(r.name for r in table.values())])
    msg = f"unknown rule {key!r}{hint}"
    raise ConfigError(msg, key="rules")
