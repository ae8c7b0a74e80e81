"""Stage 6: render results. One module per format; ``json`` owns the JSON contract."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from factcheck.model import Report

FORMATS = ("text", "json", "sarif", "github", "html", "claimreview")


def render(
    report: Report,
    fmt: str,
    *,
    root: str | None = None,
    colour: bool = False,
    summary_path: str | None = None,
    author: str | None = None,
) -> str:
    """The report in one of :data:`FORMATS` (each module is imported only when used).

    ``root`` makes SARIF and GitHub paths relative to it; ``summary_path`` is where
    the GitHub format appends its Markdown table ($GITHUB_STEP_SUMMARY); ``colour``
    paints the text format; ``author`` names the organization publishing the
    ClaimReview export.
    """
    if fmt not in FORMATS:
        msg = f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    module = importlib.import_module(f"factcheck.report.{fmt}")
    renderer: Callable[..., str] = module.render_report
    by_format: dict[str, dict[str, Any]] = {
        "text": {"colour": colour},
        "sarif": {"root": root},
        "github": {"root": root, "summary_path": summary_path},
        "claimreview": {"author": author},
    }
    options = by_format.get(fmt, {})
    return renderer(report, **options)
