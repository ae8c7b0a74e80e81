"""Baselines: accept today's findings, report only new ones.

``--write-baseline FILE`` records the findings of a run by fingerprint (rule, file
name and the claim's text; see :attr:`~factcheck.model.Finding.fingerprint`), so
edits above a finding do not resurrect it. ``--baseline FILE`` marks each finding
``new`` or ``unchanged``; reports show the new ones (SARIF shows both, with
``baselineState``) and only new ones can fail a run.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from factcheck.errors import InputError
from factcheck.model import Finding

VERSION = 1


def baseline_text(findings: Iterable[Finding]) -> str:
    """The baseline file for these findings (suppressed ones are left out)."""
    entries = sorted(
        (
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "path": f.location.path,
                "text": f.location.text,
            }
            for f in findings
            if f.suppressed_by is None
        ),
        key=lambda e: (e["path"], e["rule"], e["text"], e["fingerprint"]),
    )
    return json.dumps({"version": VERSION, "findings": entries}, indent=2) + "\n"


def _bad(where: str, reason: str) -> InputError:
    return InputError(f"{where}: {reason}", path=where, reason=reason)


def read_baseline(path: str | Path) -> Counter[str]:
    """Fingerprints in a baseline file, with how many findings each stood for.

    Raises:
        InputError: the file cannot be read or is not a factcheck baseline.
    """
    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise _bad(where, f"cannot read baseline: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise _bad(where, f"baseline is not JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise _bad(where, f"not a factcheck baseline of version {VERSION}")
    found = data.get("findings", [])
    if not isinstance(found, list):
        raise _bad(where, "'findings' is not a list")
    return Counter(
        str(e["fingerprint"])
        for e in found
        if isinstance(e, dict) and "fingerprint" in e
    )


def apply_baseline(findings: Sequence[Finding], known: Counter[str]) -> list[Finding]:
    """Mark each finding ``unchanged`` while the baseline still holds its fingerprint,
    else ``new`` (two identical findings need two baseline entries)."""
    left = Counter(known)
    out = []
    for f in findings:
        key = f.fingerprint
        if left[key] > 0:
            left[key] -= 1
            out.append(attrs.evolve(f, baseline_state="unchanged"))
        else:
            out.append(attrs.evolve(f, baseline_state="new"))
    return out
