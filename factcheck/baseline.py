"""Baselines: accept today's findings, report only new ones.

``--write-baseline FILE`` records the findings of a run by fingerprint (see
:attr:`~factcheck.model.Finding.fingerprint`): the rule, the file's path relative to
its repository, the claim's text and which occurrence of that text it is, so edits
above a finding do not resurrect it and the same claim twice (in one file, or in
``posts/a/index.md`` and ``posts/b/index.md``) stays two findings. ``--baseline FILE``
marks each finding ``new`` or ``unchanged``; reports show the new ones (SARIF shows
both, with ``baselineState``) and only new ones can fail a run. Suppressed findings
are never written to a baseline and never use up its entries.

Which root paths are relative to (:func:`repo_path`): the git work tree that holds the
file (the folder with ``.git``), because that is how code scanning, pre-commit and
reviewers name files, and it is the same from any subfolder and any checkout
location (a CI runner's ``/home/runner/work/x/x`` and a laptop's ``~/src/x``); outside
git, the folder of the configuration file; failing both, the working directory.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from factcheck.errors import InputError
from factcheck.model import FINGERPRINT_VERSION, Finding

#: the baseline file's format; 2 holds fingerprints of FINGERPRINT_VERSION v2
VERSION = 2
#: a baseline larger than this is refused rather than read into memory
_MAX_BYTES = 256 << 20


@functools.lru_cache(maxsize=1024)
def _git_root(folder: Path) -> Path | None:
    """The nearest folder from ``folder`` up that holds ``.git`` (a folder, or the
    file a linked worktree or submodule has)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def repo_path(path: str, *, config_root: str | Path | None = None) -> str:
    """``path`` relative to its repository root, with ``/`` separators.

    The root is the git work tree holding the file, else ``config_root``, else the
    working directory; a path outside all three (or not a file: an in-memory
    document's name) is kept as given.

    >>> repo_path("<text>")
    '<text>'
    """
    given = path.replace("\\", "/")
    try:
        resolved = Path(path).resolve()
        if not resolved.is_file():
            return given.removeprefix("./")
        roots = [_git_root(resolved.parent)]
        if config_root is not None:
            roots.append(Path(config_root).resolve())
        roots.append(Path.cwd().resolve())
    except (OSError, RuntimeError, ValueError):
        return given.removeprefix("./")
    for root in roots:
        if root is not None and resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return given


def identify(
    findings: Iterable[Finding], *, config_root: str | Path | None = None
) -> list[Finding]:
    """The findings with their fingerprints' path and occurrence index set.

    The occurrence counts findings of one rule on one claim text (white space folded)
    in one file, in text order; suppressed findings count too, so suppressing one of
    two identical findings does not change the other's fingerprint.
    """
    found = list(findings)
    paths = {
        p: repo_path(p, config_root=config_root)
        for p in {f.location.path for f in found}
    }
    order = sorted(
        range(len(found)),
        key=lambda i: (
            found[i].location.path,
            found[i].location.span.start,
            found[i].location.span.end,
            found[i].rule,
            i,
        ),
    )
    seen: Counter[tuple[str, str, str]] = Counter()
    out = list(found)
    for i in order:
        f = found[i]
        path = paths[f.location.path]
        key = (f.rule, path, " ".join(f.location.text.split()).casefold())
        out[i] = attrs.evolve(f, fingerprint_path=path, occurrence=seen[key])
        seen[key] += 1
    return out


def baseline_text(findings: Iterable[Finding]) -> str:
    """The baseline file for these findings (suppressed ones are left out)."""
    entries = sorted(
        (
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "path": f.fingerprint_path or f.location.path,
                "text": f.location.text,
                "occurrence": f.occurrence,
            }
            for f in findings
            if f.suppressed_by is None
        ),
        key=lambda e: (e["path"], e["rule"], e["text"], e["occurrence"]),
    )
    payload = {
        "version": VERSION,
        "fingerprints": FINGERPRINT_VERSION,
        "findings": entries,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _bad(where: str, reason: str) -> InputError:
    return InputError(f"{where}: {reason}", path=where, reason=reason)


def read_baseline(path: str | Path) -> Counter[str]:
    """Fingerprints in a baseline file, with how many findings each stood for.

    Raises:
        InputError: the file cannot be read or is not a factcheck baseline of this
            version; the message names the file and the reason.
    """
    where = os.fspath(path)
    try:
        with Path(path).open("rb") as stream:
            raw = stream.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise _bad(where, f"cannot read baseline: {exc.strerror or exc}") from None
    if len(raw) > _MAX_BYTES:
        raise _bad(where, f"baseline is larger than {_MAX_BYTES >> 20} MiB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        reason = f"baseline is not UTF-8 text (invalid byte at offset {exc.start})"
        raise _bad(where, reason) from None
    except json.JSONDecodeError as exc:
        raise _bad(where, f"baseline is not JSON: {exc}") from None
    except RecursionError:
        raise _bad(
            where, "baseline is not a factcheck baseline (nested too deeply)"
        ) from None
    if not isinstance(data, dict):
        raise _bad(where, f"not a factcheck baseline of version {VERSION}")
    version = data.get("version")
    if version == 1:
        reason = (
            "a baseline of version 1 (fingerprints by file name) matches nothing "
            "now; write it again with --write-baseline"
        )
        raise _bad(where, reason)
    if version != VERSION:
        raise _bad(where, f"not a factcheck baseline of version {VERSION}")
    found = data.get("findings", [])
    if not isinstance(found, list):
        raise _bad(where, "'findings' is not a list")
    return Counter(
        e["fingerprint"]
        for e in found
        if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
    )


def apply_baseline(findings: Sequence[Finding], known: Counter[str]) -> list[Finding]:
    """Mark each finding ``unchanged`` while the baseline still holds its fingerprint,
    else ``new`` (two identical findings need two baseline entries). Suppressed
    findings are left unmarked: they never use up an entry."""
    left = Counter(known)
    out = []
    for f in findings:
        if f.suppressed_by is not None:
            out.append(f)
            continue
        key = f.fingerprint
        if left[key] > 0:
            left[key] -= 1
            out.append(attrs.evolve(f, baseline_state="unchanged"))
        else:
            out.append(attrs.evolve(f, baseline_state="new"))
    return out
