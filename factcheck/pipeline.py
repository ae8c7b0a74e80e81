"""The pipeline: load → extract → normalize → align → rules → report, as one function
(``factcheck.audit`` is its front door; a module named ``audit`` would shadow it).

Map (per document: load, extract) then group (candidate pairs by measure and order of
magnitude, aligned on evidence) then reduce (rules over the aligned claims).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from factcheck.baseline import identify
from factcheck.config import Config
from factcheck.extractor import extract_document
from factcheck.load import load_paths
from factcheck.model import Document, Extraction, Finding, Problem, Report, Summary
from factcheck.normalize import NormalizeOptions, RateProvider, build_provider
from factcheck.rules import AuditSettings, all_rules, build_context
from factcheck.suppress import apply_suppressions

PathLike = str | os.PathLike[str]


def settings_from(config: Config) -> AuditSettings:
    """The audit knobs a configuration sets."""
    return AuditSettings(
        normalize=NormalizeOptions(
            window_days=config.window_days,
            tolerance=config.tolerance,
            approx_tolerance=config.approx_tolerance,
        ),
        align_threshold=config.align_threshold,
        aliases=dict(config.aliases),
    )


def provider_from(config: Config) -> RateProvider:
    """The rate-provider chain a configuration names (table first, then ECB, online)."""
    tables = [
        p.removeprefix("table:") for p in config.providers if p.startswith("table:")
    ]
    return build_provider(
        table=tables[0] if tables else None,
        ecb="ecb" in config.providers,
        online="online" in config.providers,
    )


Progress = Callable[[str, int, int], None]


def _selected(path: str, config: Config) -> bool:
    """Whether the config's ``include``/``exclude`` globs keep a document."""
    posix = path.replace(os.sep, "/")
    if config.include and not any(fnmatch.fnmatch(posix, g) for g in config.include):
        return False
    return not any(fnmatch.fnmatch(posix, g) for g in config.exclude)


def _split(
    inputs: Iterable[Document | PathLike],
) -> tuple[list[Document], list[PathLike]]:
    docs: list[Document] = []
    paths: list[PathLike] = []
    for item in inputs:
        (docs if isinstance(item, Document) else paths).append(item)  # type: ignore[arg-type]
    return docs, paths


def _draft_sources(drafts: Sequence[Document]) -> list[str]:
    """Paths a draft's front matter lists under ``sources``, relative to the draft."""
    out: list[str] = []
    for d in drafts:
        base = Path(d.path).parent
        out.extend(str(base / s) for s in d.sources)
    return out


def audit(
    inputs: Iterable[Document | PathLike],
    *,
    sources: Iterable[Document | PathLike] = (),
    config: Config | None = None,
    provider: RateProvider | None = None,
    default_date: dt.date | None = None,
    progress: Progress | None = None,
) -> Report:
    """Audit articles against each other and report what cannot all be true.

    Args:
        inputs: documents or paths (directories recursively). With ``sources`` (or
            when the documents' front matter lists ``sources``), these are drafts:
            findings are reported on them only, each pointing at the source passage
            it conflicts with.
        sources: documents or paths the drafts are checked against.
        config: settings (default: the documented defaults); its ``include`` and
            ``exclude`` globs filter the documents read from paths.
        provider: a rate provider (default: the chain the config names).
        default_date: the publication date of documents that carry none.
        progress: called as ``progress(stage, done, total)`` while documents are
            read (the CLI draws a progress line on a terminal with it).

    Returns:
        A :class:`Report` of findings, problems, and coverage.
    """
    config = config or Config()
    docs, paths = _split(inputs)
    loaded, problems = load_paths(paths) if paths else ([], [])
    loaded = [d for d in loaded if _selected(d.path, config)]
    given = [*docs, *loaded]
    if default_date is not None:
        given = [
            d if d.published else attrs.evolve(d, published=default_date) for d in given
        ]
    src_docs, src_paths = _split(sources)
    listed = _draft_sources(given)
    extra, src_problems = (
        load_paths([*src_paths, *listed]) if (src_paths or listed) else ([], [])
    )
    problems.extend(src_problems)
    given_paths = {d.path for d in given}
    source_docs: list[Document] = []
    for d in [*src_docs, *extra]:
        if d.path not in given_paths and all(d.path != s.path for s in source_docs):
            source_docs.append(d)
    # drafts: every input when sources were given; else the inputs that list sources
    if src_docs or src_paths:
        drafts = given_paths
    else:
        drafts = {d.path for d in given if d.sources}
    everything = [*given, *source_docs]
    extractions = []
    for i, d in enumerate(everything, start=1):
        extractions.append(extract_document(d))
        if progress is not None:
            progress("reading", i, len(everything))
    report = audit_extractions(
        extractions,
        config=config,
        provider=provider,
        problems=problems,
        report_on=given_paths if source_docs else None,
        drafts=drafts,
    )
    config_root = Path(config.path).parent if config.path else None
    findings = identify(report.findings, config_root=config_root)
    return attrs.evolve(report, findings=tuple(findings))


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per rule and place: two checks that reach the same conclusion
    about the same claim say it once."""
    seen: set[tuple[str, str, int, int]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.location.path, f.location.span.start, f.location.span.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def audit_extractions(
    extractions: Sequence[Extraction],
    *,
    config: Config | None = None,
    provider: RateProvider | None = None,
    problems: Iterable[Problem] = (),
    report_on: set[str] | None = None,
    drafts: set[str] | None = None,
) -> Report:
    """The align → rules → report half of :func:`audit`, over extracted documents.

    ``report_on``: keep findings on these paths only (the inputs, not the sources
    pulled in for them); ``drafts``: documents whose figures FC203 checks for
    support in the others."""
    config = config or Config()
    problems = list(problems)
    try:
        provider = provider or provider_from(config)
    except ValueError as exc:
        problems.append(Problem(path=config.path or "<config>", message=str(exc)))
        provider = build_provider()
    draft_indexes = [
        i for i, e in enumerate(extractions) if e.document.path in (drafts or set())
    ]
    ctx = build_context(
        extractions,
        settings=settings_from(config),
        provider=provider,
        drafts=draft_indexes,
    )
    rules, plugin_problems = all_rules()
    problems.extend(plugin_problems)
    findings: list[Finding] = []
    for code, spec in rules.items():
        level = config.rules.get(code)
        if level == "off":
            continue
        try:
            found = list(spec.check(ctx))
        except Exception as exc:
            if spec.origin == "factcheck":
                raise
            problems.append(
                Problem(path=spec.origin, message=f"rule {code} failed: {exc}")
            )
            continue
        if level is not None:
            found = [attrs.evolve(f, severity=level) for f in found]
        findings.extend(found)
    fc001 = config.rules.get("FC001", "info")
    findings = apply_suppressions(
        findings,
        (e.document for e in extractions),
        unused_severity=None if fc001 == "off" else fc001,
    )
    if report_on is not None:
        findings = [f for f in findings if f.location.path in report_on]
    findings.sort(key=lambda f: (f.location.path, f.location.span.start, f.rule))
    findings = _dedupe(findings)
    aligned = {
        k
        for c in ctx.candidates
        if c.match.a.doc_index != c.match.b.doc_index
        for k in (c.match.a.key, c.match.b.key)
    }
    summary = Summary(
        documents=len(extractions),
        claims=sum(len(e.claims) for e in extractions),
        aligned=len(aligned),
        checked=len(ctx.checked),
    )
    return Report(findings=tuple(findings), problems=tuple(problems), summary=summary)
