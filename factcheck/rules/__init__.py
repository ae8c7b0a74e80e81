"""Stage 5: rules turn aligned claims into findings. See :mod:`.registry`."""

from __future__ import annotations

from factcheck.rules.context import AuditContext, AuditSettings, build_context
from factcheck.rules.registry import Rule, all_rules, builtin_rules, lookup, rule

__all__ = [
    "AuditContext",
    "AuditSettings",
    "Rule",
    "all_rules",
    "build_context",
    "builtin_rules",
    "lookup",
    "rule",
]
