"""The pipeline: load → extract → normalize → align → rules → report, as one function
(``factcheck.audit`` is its front door; a module named ``audit`` would shadow it).

Map (per document: load, extract) then group (candidate pairs by measure and order of
magnitude, aligned on evidence) then reduce (rules over the aligned claims).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs
import regex

from factcheck.align import Aligner
from factcheck.baseline import identify
from factcheck.cache import Cache, cached_audit_key, quick_key
from factcheck.config import Config, source_paths
from factcheck.extractor import extract_document
from factcheck.load import load_paths, with_prose
from factcheck.model import (
    Document,
    DocumentInfo,
    Extraction,
    Finding,
    Problem,
    Report,
    Summary,
)
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


#: ``progress(stage, done, total)``: stage is "read", "extract", "align" or "rules";
#: ``total`` counts files, documents, claims or rules (the CLI adds "write")
Progress = Callable[[str, int, int], None]


#: a run of more digits than a float holds (the extractor reads it as no claim)
_LONG_NUMBER = regex.compile(r"[$€£¥₹]?\d(?:[\d,]*\d)?")
_FLOAT_DIGITS = 308


def _too_long(document: Document) -> list[Problem]:
    """Numbers in a document's prose too long to compute with, as problems naming
    their line and column (the extractor leaves them out)."""
    prose = document.prose
    out = []
    for m in _LONG_NUMBER.finditer(prose):
        digits = m.group().lstrip("$€£¥₹").replace(",", "")
        if len(digits) <= _FLOAT_DIGITS:
            continue
        line = prose.count("\n", 0, m.start()) + 1
        column = m.start() - (prose.rfind("\n", 0, m.start()) + 1) + 1
        out.append(
            Problem(
                path=document.path,
                message=f"line {line}, column {column}: {_shown(m.group())} is too "
                f"large to compute with (beyond {sys.float_info.max:.1e}); left out",
            )
        )
    return out


def _shown(text: str) -> str:
    """A claim's text for a message, shortened when it is a 400-digit number."""
    if len(text) <= 40:
        return repr(text)
    return f"{text[:20]!r}…{text[-10:]!r} ({len(text)} characters)"


def extract_documents(
    documents: Sequence[Document],
    *,
    progress: Progress | None = None,
    cache: Cache | None = None,
) -> tuple[list[Extraction], list[Problem]]:
    """The claims of each document; what cannot be computed with becomes a Problem.

    A number too large for a float (beyond about 1.8e308: a run of 309 digits) is
    left out and reported, naming the file, line and column; a document whose
    extraction fails on an arithmetic or parsing error is left out and reported, so
    the other documents are still audited. With a ``cache``, a document read
    before is not extracted again (its claims come with their frames).
    """
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    for done, document in enumerate(documents, start=1):
        try:
            extraction = cache.extraction(document) if cache is not None else None
            if extraction is None:
                extraction = extract_document(document)
                if cache is not None:  # kept with its frames, read once here
                    extraction = cache.store_extraction(extraction)
        except (ArithmeticError, RecursionError, ValueError) as exc:
            reason = f"cannot read its numbers ({type(exc).__name__}: {exc}); left out"
            problems.append(Problem(path=document.path, message=reason))
            extraction = None
        if extraction is not None:
            problems.extend(_too_long(document))
            extractions.append(extraction)
        if progress is not None:
            progress("extract", done, len(documents))
    return extractions, problems


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


def _file_key(path: str) -> str:
    """One name per file, however it was reached ("a.md", "./a.md", "/w/a.md")."""
    return os.path.realpath(path)


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
    cache: Cache | None = None,
) -> Report:
    """Audit articles against each other and report what cannot all be true.

    Args:
        inputs: documents or paths (directories recursively); a document built
            directly, its prose left as its text, is masked as a file of its format
            would be (:func:`factcheck.load.with_prose`). With ``sources`` (or
            when the documents' front matter lists ``sources``), these are drafts:
            findings are reported on them only, each pointing at the source passage
            it conflicts with.
        sources: documents or paths the drafts are checked against (default: the
            config's ``sources``).
        config: settings (default: the documented defaults); its ``include`` and
            ``exclude`` globs filter the documents read from paths.
        provider: a rate provider (default: the chain the config names).
        default_date: the publication date of documents that carry none.
        progress: called as ``progress(stage, done, total)`` as each stage goes
            (see :data:`Progress`; the CLI draws a progress line on a terminal).
        cache: keep extractions and the report between runs (default: off; see
            :mod:`factcheck.cache`): an unchanged document is not extracted again,
            an unchanged audit is not run again. The report is the same either way.

    Returns:
        A :class:`Report` of findings, problems, and coverage.
    """
    config = config or Config()
    reading = None
    if progress is not None:
        reading = functools.partial(progress, "read")
    docs, paths = _split(inputs)
    docs = [with_prose(d) for d in docs]  # built directly: masked as a file would be
    src_docs, src_paths = _split(sources)
    src_docs = [with_prose(d) for d in src_docs]
    if not src_docs and not src_paths:
        src_paths = list(source_paths(config))
    quick = quick_key(
        cache,
        paths=paths,
        documents=docs,
        source_paths=src_paths,
        source_documents=src_docs,
        config=config,
        provider=provider,
        default_date=default_date,
    )
    if cache is not None and quick is not None and (hit := cache.quick_report(quick)):
        return _from_cache(hit, progress)  # no file parsed: every byte as before
    loaded, problems = load_paths(paths, progress=reading) if paths else ([], [])
    loaded = [d for d in loaded if _selected(d.path, config)]
    given = [*docs, *loaded]
    if default_date is not None:
        given = [
            d if d.published else attrs.evolve(d, published=default_date) for d in given
        ]
    listed = _draft_sources(given)
    extra, src_problems = (
        load_paths([*src_paths, *listed], progress=reading)
        if (src_paths or listed)
        else ([], [])
    )
    problems.extend(src_problems)
    given_paths = {d.path for d in given}
    known = {_file_key(d.path) for d in given}
    source_docs: list[Document] = []
    for d in [*src_docs, *extra]:
        key = _file_key(d.path)
        if key not in known:
            known.add(key)
            source_docs.append(d)
    # drafts: every input when there are sources beyond the inputs (a source tree
    # that holds every input adds nothing: the run is a plain audit of the inputs);
    # else the inputs whose front matter lists sources
    drafts = given_paths if source_docs else {d.path for d in given if d.sources}
    cached = cached_audit_key(
        cache,
        given,
        sources=source_docs,
        config=config,
        provider=provider,
        problems=problems,
    )
    if cache is not None and cached is not None and (hit := cache.report(cached)):
        if quick is not None:
            cache.store_quick(quick, cached, listed)
        return _from_cache(hit, progress)
    extractions, unusable = extract_documents(
        [*given, *source_docs], progress=progress, cache=cache
    )
    problems.extend(unusable)
    report = audit_extractions(
        extractions,
        config=config,
        provider=provider,
        problems=problems,
        report_on=given_paths if source_docs else None,
        drafts=drafts,
        progress=progress,
    )
    config_root = Path(config.path).parent if config.path else None
    findings = identify(report.findings, config_root=config_root)
    report = attrs.evolve(report, findings=tuple(findings))
    if cache is not None and cached is not None:
        cache.store_report(cached, report)
        if quick is not None:
            cache.store_quick(quick, cached, listed)
    return report


def _from_cache(report: Report, progress: Progress | None) -> Report:
    """A report read back from the cache, every stage shown done."""
    if progress is not None:
        n, claims = report.summary.documents, report.summary.claims
        for stage, total in (("read", n), ("extract", n), ("align", claims)):
            progress(stage, total, total)
        progress("rules", 1, 1)
    return report


#: severities from the most serious: where two findings of one rule meet at one
#: place, the more serious is kept
_SERIOUSNESS = {"error": 0, "warning": 1, "info": 2}


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per rule and place: two checks that reach the same conclusion
    about the same claim say it once, at the more serious severity (a weak "possible
    conflict" with another story never hides a confident one)."""
    best: dict[tuple[str, str, int, int], Finding] = {}
    order: list[tuple[str, str, int, int]] = []
    for f in findings:
        key = (f.rule, f.location.path, f.location.span.start, f.location.span.end)
        if key not in best:
            order.append(key)
            best[key] = f
        elif _SERIOUSNESS[f.severity] < _SERIOUSNESS[best[key].severity]:
            best[key] = f
    return [best[k] for k in order]


def audit_extractions(
    extractions: Sequence[Extraction],
    *,
    config: Config | None = None,
    provider: RateProvider | None = None,
    problems: Iterable[Problem] = (),
    report_on: set[str] | None = None,
    drafts: set[str] | None = None,
    progress: Progress | None = None,
    aligner: Aligner | None = None,
    source_paths: Sequence[str] | None = None,
) -> Report:
    """The align → rules → report half of :func:`audit`, over extracted documents.

    ``report_on``: keep findings on these paths only (the inputs, not the sources
    pulled in for them); ``drafts``: documents whose figures FC203 checks for
    support in the others; ``progress``: see :data:`Progress`; ``aligner`` and
    ``source_paths``: for part of an audit (see :class:`factcheck.Auditor`)."""
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
    claims = sum(len(e.claims) for e in extractions)
    if progress is not None:
        progress("align", 0, claims)
    ctx = build_context(
        extractions,
        settings=settings_from(config),
        provider=provider,
        drafts=draft_indexes,
        disabled=[code for code, level in config.rules.items() if level == "off"],
        aligner=aligner,
        source_paths=source_paths,
    )
    if progress is not None:
        progress("align", claims, claims)
    rules, plugin_problems = all_rules()
    problems.extend(plugin_problems)
    findings: list[Finding] = []
    for done, (code, spec) in enumerate(rules.items()):
        if progress is not None:
            progress("rules", done, len(rules))
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
    if progress is not None:
        progress("rules", len(rules), len(rules))
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
    aligned = ctx.alignment.aligned_keys()
    summary = Summary(
        documents=len(extractions),
        claims=sum(len(e.claims) for e in extractions),
        aligned=len(aligned),
        checked=len(ctx.checked),
    )
    documents = tuple(
        DocumentInfo.of(e.document, draft=e.document.path in (drafts or ()))
        for e in extractions
    )
    return Report(
        findings=tuple(findings),
        problems=tuple(problems),
        summary=summary,
        documents=documents,
    )
