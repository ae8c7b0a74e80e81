"""FC0xx: about factcheck's own markup in the documents."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model import Finding
from factcheck.rules.context import AuditContext
from factcheck.rules.registry import rule


@rule(
    "FC001",
    "unused-suppression",
    "info",
    "a suppression comment that suppresses nothing",
    scope="document",
)
def unused_suppression(ctx: AuditContext) -> Iterator[Finding]:
    """A suppression comment that suppresses nothing.

    *What it checks.* Inline suppressions in Markdown drafts:
    `<!-- factcheck: ignore FC201 -->` silences the named rules (or every rule, with
    no code) on the next paragraph; `<!-- factcheck: off -->` and
    `<!-- factcheck: on -->` bracket a region. A suppression under which no finding
    falls is reported here, once the audit is done (the check runs after the rules,
    in `factcheck.suppress`; this entry carries its code, name and severity).

    *Why it matters.* A stale suppression hides the next real error in that
    paragraph: when the figure it excused is corrected, the comment should go.

    *Example.* `<!-- factcheck: ignore FC101 -->` above a paragraph whose conversion
    is right.

    *Configuration.* Severity and on/off under `[tool.factcheck.rules]`.
    """
    del ctx
    return iter(())
