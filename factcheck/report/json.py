"""The JSON contract of DESIGN.md. Change only with a version bump.

Attrs values are never dumped directly: each field here is chosen and named on
purpose, so internal fields can change without breaking the tools that read this.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.model import (
    Claim,
    Extraction,
    Finding,
    Frame,
    Location,
    Problem,
    Report,
)

VERSION = 1

JSONValue = Any  # what json.dumps accepts; kept loose on purpose at this boundary


def number(value: float | None) -> float | int | None:
    """A number as JSON shows it: integral floats as integers, non-finite as null."""
    if value is None or not math.isfinite(value):
        return None
    if value == int(value) and abs(value) < 2**53:
        return int(value)
    return float(f"{value:.12g}")


def unit_of(claim: Claim) -> str | None:
    """A claim's unit as the contract gives it: an ISO code, "%" or "pp", or for a
    quantity pint's canonical unit string ("mile / hour", "kilometer ** 2"), which
    other tools read and compare; pint loads only for a quantity."""
    if claim.kind != "quantity" or claim.unit is None:
        return claim.unit
    from factcheck.normalize.units import unit_string  # noqa: PLC0415  (lazy pint)

    return unit_string(claim.unit)


def claim_to_dict(claim: Claim) -> dict[str, JSONValue]:
    """One claim, exactly the fields of the contract plus documented extras."""
    return {
        "id": claim.id,
        "kind": claim.kind,
        "text": claim.text,
        "start": claim.span.start,
        "end": claim.span.end,
        "line": claim.span.line,
        "column": claim.span.column,
        "value": number(claim.value),
        "unit": unit_of(claim),
        "qualifier": claim.qualifier,
        "low": number(claim.low),
        "high": number(claim.high),
        "equivalent_of": claim.equivalent_of,
        # extras beyond the contract; readers must ignore keys they do not know
        "precision": number(claim.precision),
        "noun": claim.noun,
        "unit_note": claim.unit_note,
        "whole": number(claim.whole),
        "sentence": claim.sentence_text,
        "unit_candidates": list(claim.unit_candidates) or None,
        "frame": frame_to_dict(claim.frame) if claim.frame is not None else None,
    }


def frame_to_dict(frame: Frame) -> dict[str, JSONValue]:
    """A claim's frame: whose number, what is measured, its role and time (an extra
    beyond the contract; null fields are unknown)."""
    return {
        "holder": frame.holder,
        "holder_key": list(frame.holder_key) or None,
        "holder_source": frame.holder_source,
        "attribute": frame.attribute,
        "role": frame.role,
        "whole": frame.whole,
        "level": frame.level,
        "restates": frame.restates,
        "stage": frame.stage,
        "time": frame.time,
        "window": frame.window,
        "basis": frame.basis,
        "cues": list(frame.cues),
    }


def extraction_to_dict(extraction: Extraction) -> dict[str, JSONValue]:
    """One document's claims."""
    doc = extraction.document
    return {
        "path": doc.path,
        "published": doc.published.isoformat() if doc.published else None,
        "claims": [claim_to_dict(c) for c in extraction.claims],
    }


def problems_to_list(problems: Iterable[Problem]) -> list[dict[str, str]]:
    """Inputs that could not be read."""
    return [{"path": p.path, "message": p.message} for p in problems]


def render_extractions(
    extractions: Iterable[Extraction], problems: Iterable[Problem] = ()
) -> str:
    """``extract --format json``: ``{"version": 1, "documents": [...]}``."""
    payload: dict[str, JSONValue] = {
        "version": VERSION,
        "documents": [extraction_to_dict(e) for e in extractions],
    }
    listed = problems_to_list(problems)
    if listed:
        payload["problems"] = listed
    return dumps(payload)


def dumps(payload: Mapping[str, JSONValue]) -> str:
    """Serialize with stable formatting (UTF-8 text, no ASCII escapes)."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def figure_to_dict(location: Location) -> dict[str, JSONValue] | None:
    """The claim's figure in the finding's common unit (the unit of the claim the
    finding is on): ``{"value", "low", "high", "unit"}``, or None where the claim
    does not convert into it. An extra beyond the contract."""
    if location.value is None:
        return None
    return {
        "value": number(location.value),
        "low": number(location.low),
        "high": number(location.high),
        "unit": location.unit,
    }


def location_to_dict(location: Location) -> dict[str, JSONValue]:
    """A place in a document: path, offsets, 1-based line and column, text (and,
    beyond the contract, ``figure``: see :func:`figure_to_dict`)."""
    span = location.span
    return {
        "path": location.path,
        "start": span.start,
        "end": span.end,
        "line": span.line,
        "column": span.column,
        "text": location.text,
        "figure": figure_to_dict(location),
    }


def _detail(value: object) -> JSONValue:
    if isinstance(value, float):
        return number(value)
    return value


def finding_to_dict(finding: Finding) -> dict[str, JSONValue]:
    """One finding, as the contract fixes it (plus ``evidence``)."""
    where = location_to_dict(finding.location)
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message,
        **where,
        "related": [location_to_dict(r) for r in finding.related],
        "details": {k: _detail(v) for k, v in finding.details.items()},
        "evidence": list(finding.evidence),
    }


def render_report(report: Report) -> str:
    """``audit --format json``: findings, problems, and the coverage summary."""
    s = report.summary
    return dumps(
        {
            "version": VERSION,
            "findings": [finding_to_dict(f) for f in report.findings],
            "problems": problems_to_list(report.problems),
            "summary": {
                "documents": s.documents,
                "claims": s.claims,
                "aligned": s.aligned,
                "checked": s.checked,
                "findings": len(report.findings),
            },
        }
    )
