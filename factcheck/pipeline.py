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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import regex

from factcheck.align import Aligner, FrameAligner, read_frames
from factcheck.baseline import identify
from factcheck.cache import Cache, cached_audit_key, quick_key
from factcheck.config import Config, source_paths
from factcheck.engine import check_jobs, without_full_collections
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
from factcheck.rules import (
    AuditContext,
    AuditSettings,
    Rule,
    all_rules,
    builtin_rules,
)
from factcheck.rules.context import unaligned_context, with_alignment
from factcheck.suppress import apply_suppressions

if TYPE_CHECKING:
    from factcheck.engine.local import RulesAhead

PathLike = str | os.PathLike[str]

#: runs rules of ``document`` and ``group`` scope over shards of a context (an
#: engine's: forked workers, a cluster): ``(ctx, codes)`` → (findings by rule
#: code, claims checked), exactly what the rules give over the whole context
ShardRunner = Callable[
    [AuditContext, tuple[str, ...]],
    tuple[dict[str, list[Finding]], set[tuple[int, str]]],
]


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
    """The rate-provider chain a configuration names (table first, then ECB, the
    pegs, online)."""
    tables = [
        p.removeprefix("table:") for p in config.providers if p.startswith("table:")
    ]
    return build_provider(
        table=tables[0] if tables else None,
        ecb="ecb" in config.providers,
        peg="peg" in config.providers,
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
    jobs: int = 1,
    frames: bool = False,
    cache: Cache | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[list[Extraction], list[Problem]]:
    """The claims of each document; what cannot be computed with becomes a Problem.

    A number too large for a float (beyond about 1.8e308: a run of 309 digits) is
    left out and reported, naming the file, line and column; a document whose
    extraction fails on an arithmetic or parsing error is left out and reported, so
    the other documents are still audited.

    ``jobs``: worker processes (chunks of documents, order kept; serial below
    :data:`~factcheck.engine.MIN_PARALLEL_DOCUMENTS` documents or where the platform
    cannot fork); a document whose worker dies is reported as a Problem and the
    others go on. ``frames``: read each claim's frame too (the audit's next step).
    With a ``cache``, a document read before is not extracted again (its claims
    come with their frames), and the others are kept with their frames.
    ``meanwhile``: called in this process while the workers extract (if any do).
    """
    from factcheck.engine import (  # noqa: PLC0415
        CHUNKS_PER_JOB,
        MIN_PARALLEL_DOCUMENTS,
        check_jobs,
    )
    from factcheck.engine.local import can_fork, extract_forked  # noqa: PLC0415

    check_jobs(jobs)
    cached: dict[int, Extraction] = {}
    if cache is not None:
        for i, document in enumerate(documents):
            hit = cache.extraction(document)
            if hit is not None:
                cached[i] = hit
    todo = [d for i, d in enumerate(documents) if i not in cached]
    with_frames = frames or cache is not None  # a cache keeps claims with frames
    if jobs > 1 and len(todo) >= MIN_PARALLEL_DOCUMENTS and can_fork():
        fresh = extract_forked(
            todo,
            frames=with_frames,
            parts=jobs * CHUNKS_PER_JOB,
            jobs=jobs,
            progress=progress,
            meanwhile=meanwhile,
        )
    else:
        fresh = []
        for done, document in enumerate(todo, start=1):
            fresh.append(extract_one(document, frames=with_frames))
            if progress is not None:
                progress("extract", done, len(todo))
    made = iter(fresh)
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    for i, document in enumerate(documents):
        if i in cached:
            extractions.append(cached[i])
            problems.extend(_too_long(document))
            continue
        extraction, found = next(made)
        problems.extend(found)
        if extraction is not None:
            if cache is not None:
                extraction = cache.store_extraction(extraction)
            extractions.append(extraction)
    return extractions, problems


def extract_one(
    document: Document, *, frames: bool = False
) -> tuple[Extraction | None, list[Problem]]:
    """One document's extraction (None if it cannot be read) and its problems."""
    try:
        extraction = extract_document(document)
        if frames:
            extraction = read_frames(extraction)
    except (ArithmeticError, RecursionError, ValueError) as exc:
        reason = f"cannot read its numbers ({type(exc).__name__}: {exc}); left out"
        return None, [Problem(path=document.path, message=reason)]
    return extraction, _too_long(document)


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


@attrs.frozen(kw_only=True)
class Inputs:
    """What an audit reads: the documents (inputs first, then the sources pulled in
    for them), which of them are reported on and which are drafts, and what could
    not be read."""

    documents: tuple[Document, ...]
    problems: tuple[Problem, ...]
    #: paths findings are kept on (None: every document's)
    report_on: frozenset[str] | None
    drafts: frozenset[str]
    #: how many of ``documents`` are inputs (the rest are sources)
    given: int = 0
    #: sources the drafts' front matter lists (paths, as written there)
    listed: tuple[str, ...] = ()


def _given(
    inputs: Iterable[Document | PathLike],
    sources: Iterable[Document | PathLike],
    config: Config,
) -> tuple[list[Document], list[PathLike], list[Document], list[PathLike]]:
    """The documents and paths given as inputs and as sources (the config's
    ``sources`` when none are given); documents built directly are masked as a
    file of their format would be."""
    docs, paths = _split(inputs)
    docs = [with_prose(d) for d in docs]
    src_docs, src_paths = _split(sources)
    src_docs = [with_prose(d) for d in src_docs]
    if not src_docs and not src_paths:
        src_paths = list(source_paths(config))
    return docs, paths, src_docs, src_paths


def read_inputs(
    inputs: Iterable[Document | PathLike],
    *,
    sources: Iterable[Document | PathLike] = (),
    config: Config | None = None,
    default_date: dt.date | None = None,
    progress: Progress | None = None,
) -> Inputs:
    """The read stage of :func:`audit`: documents from paths (directories
    recursively, the config's include/exclude applied) and as given, the sources
    they are checked against, and who is a draft."""
    config = config or Config()
    reading = None
    if progress is not None:
        reading = functools.partial(progress, "read")
    docs, paths, src_docs, src_paths = _given(inputs, sources, config)
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
    source_docs: list[Document] = []
    others = [*src_docs, *extra]
    # the inputs' real paths only when there are sources to tell apart from them
    # (a path each: 0.07 s of an audit's serial start at 10,000 articles)
    known = {_file_key(d.path) for d in given} if others else set()
    for d in others:
        key = _file_key(d.path)
        if key not in known:
            known.add(key)
            source_docs.append(d)
    # drafts: every input when there are sources beyond the inputs (a source tree
    # that holds every input adds nothing: the run is a plain audit of the inputs);
    # else the inputs whose front matter lists sources
    drafts = given_paths if source_docs else {d.path for d in given if d.sources}
    return Inputs(
        documents=(*given, *source_docs),
        problems=tuple(problems),
        report_on=frozenset(given_paths) if source_docs else None,
        drafts=frozenset(drafts),
        given=len(given),
        listed=tuple(listed),
    )


@without_full_collections()
def audit(
    inputs: Iterable[Document | PathLike],
    *,
    sources: Iterable[Document | PathLike] = (),
    config: Config | None = None,
    provider: RateProvider | None = None,
    default_date: dt.date | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
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
        jobs: worker processes for extraction, the aligner's scoring and the
            rules (default 1: a library call never starts processes unasked; the
            command line's ``--jobs`` defaults to the machine's cores). The report
            is the same for any number.
        cache: keep extractions and the report between runs (default: off; see
            :mod:`factcheck.cache`): an unchanged document is not extracted again,
            an unchanged audit is not run again. The report is the same either way.

    Returns:
        A :class:`Report` of findings, problems, and coverage.
    """
    config = config or Config()
    check_jobs(jobs)
    inputs, sources = list(inputs), list(sources)
    quick = None
    if cache is not None:
        docs, paths, src_docs, src_paths = _given(inputs, sources, config)
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
        if quick is not None and (hit := cache.quick_report(quick)):
            return _from_cache(hit, progress)  # no file parsed: every byte as before
    read = read_inputs(
        inputs,
        sources=sources,
        config=config,
        default_date=default_date,
        progress=progress,
    )
    cached = cached_audit_key(
        cache,
        list(read.documents[: read.given]),
        sources=list(read.documents[read.given :]),
        config=config,
        provider=provider,
        problems=list(read.problems),
    )
    if cache is not None and cached is not None and (hit := cache.report(cached)):
        if quick is not None:
            cache.store_quick(quick, cached, list(read.listed))
        return _from_cache(hit, progress)
    extractions, unusable = extract_documents(
        read.documents,
        progress=progress,
        jobs=jobs,
        frames=True,
        cache=cache,
        meanwhile=_warm_later_stages,
    )
    index = None
    if cache is not None and cached is not None:
        from factcheck.incremental import AuditIndex  # noqa: PLC0415

        index = AuditIndex.open(
            cache, config=config, provider=provider, inputs=inputs, sources=sources
        )
    report = audit_extractions(
        extractions,
        config=config,
        provider=provider,
        problems=[*read.problems, *unusable],
        report_on=None if read.report_on is None else set(read.report_on),
        drafts=set(read.drafts),
        progress=progress,
        jobs=jobs,
        aligner=None if index is None else index.aligner(config, jobs),
        shards=None if index is None else index.shards(jobs),
    )
    report = identified(report, config)
    if index is not None:
        index.save()
    if cache is not None and cached is not None:
        cache.store_report(cached, report)
        if quick is not None:
            cache.store_quick(quick, cached, list(read.listed))
    return report


def _warm_later_stages() -> None:
    """What the stages after extraction build once per process on first use (the
    aligner's lexicon, the rule catalog's modules), built in this process while
    the extraction workers run and it has nothing else to do: the rule catalog
    is then off the serial path between the phases, and the workers of the
    reading, the scoring and the rules inherit the lexicon instead of each
    building its own beside this process."""
    from factcheck.align.lexicon import lexicon  # noqa: PLC0415

    lexicon()
    builtin_rules()


def identified(report: Report, config: Config) -> Report:
    """The report with each finding's stable identity (for baselines)."""
    config_root = Path(config.path).parent if config.path else None
    findings = identify(report.findings, config_root=config_root)
    return attrs.evolve(report, findings=tuple(findings))


def _from_cache(report: Report, progress: Progress | None) -> Report:
    """A report read back from the cache, every stage shown done."""
    if progress is not None:
        n, claims = report.summary.documents, report.summary.claims
        for stage, total in (("read", n), ("extract", n), ("align", claims)):
            progress(stage, total, total)
        progress("rules", 1, 1)
    return report


#: severities from the most serious: the report orders the findings of one rule at
#: one place most serious first, and keeps that one
_SERIOUSNESS = {"error": 0, "warning": 1, "info": 2}


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per rule and place: two checks that reach the same conclusion
    about the same claim say it once. Given in :func:`finding_order`, the first
    kept is the most serious (a weak "possible conflict" with another story never
    hides a confident one)."""
    seen: set[tuple[str, str, int, int]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.location.path, f.location.span.start, f.location.span.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def finding_order(f: Finding) -> tuple[object, ...]:
    """The report's order of findings: a total order (path, span, rule, the more
    serious first, then message and related places), so it never depends on which
    process found what first."""
    return (
        f.location.path,
        f.location.span.start,
        f.location.span.end,
        f.rule,
        _SERIOUSNESS.get(f.severity, len(_SERIOUSNESS)),
        f.message,
        tuple((r.path, r.span.start, r.span.end) for r in f.related),
    )


def audit_extractions(
    extractions: Sequence[Extraction],
    *,
    config: Config | None = None,
    provider: RateProvider | None = None,
    problems: Iterable[Problem] = (),
    report_on: set[str] | None = None,
    drafts: set[str] | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    aligner: Aligner | None = None,
    source_paths: Sequence[str] | None = None,
    shards: ShardRunner | None = None,
) -> Report:
    """The align → rules → report half of :func:`audit`, over extracted documents.

    ``report_on``: keep findings on these paths only (the inputs, not the sources
    pulled in for them); ``drafts``: documents whose figures FC203 checks for
    support in the others; ``progress``: see :data:`Progress`; ``jobs``: worker
    processes for the aligner's scoring and the rules; ``aligner`` and
    ``source_paths``: for part of an audit (see :class:`factcheck.Auditor`);
    ``shards``: who runs the rules of ``document`` and ``group`` scope (see
    :func:`run_rules`; the incremental index's)."""
    config = config or Config()
    check_jobs(jobs)
    problems = list(problems)
    try:
        provider = provider or provider_from(config)
    except ValueError as exc:
        problems.append(Problem(path=config.path or "<config>", message=str(exc)))
        provider = build_provider()
    rules, plugin_problems = all_rules()
    problems.extend(plugin_problems)
    # the built-in rules of document scope read no fact groups: with workers, they
    # start in the scoring's worker once the pairs are scored, while this process
    # joins the groups (an engine's own shards runner runs them itself)
    early = (
        ()
        if shards is not None or aligner is not None
        else tuple(
            code
            for code, spec in rules.items()
            if spec.origin == "factcheck"
            and spec.scope == "document"
            and config.rules.get(code) != "off"
        )
    )
    ctx, ahead = _align(
        extractions,
        config=config,
        provider=provider,
        drafts=drafts,
        progress=progress,
        jobs=jobs,
        aligner=aligner,
        source_paths=source_paths,
        early=early,
    )
    findings, rule_problems = run_rules(
        ctx,
        rules,
        config=config,
        progress=progress,
        jobs=jobs,
        shards=shards,
        ahead=ahead,
    )
    problems.extend(rule_problems)
    return finish_report(
        extractions,
        findings,
        config=config,
        problems=problems,
        report_on=report_on,
        drafts=drafts,
        aligned=len(ctx.alignment.aligned_keys()),
        checked=len(ctx.checked),
    )


def align_extractions(
    extractions: Sequence[Extraction],
    *,
    config: Config,
    provider: RateProvider,
    drafts: set[str] | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    aligner: Aligner | None = None,
    source_paths: Sequence[str] | None = None,
) -> AuditContext:
    """The align stage: claim references with frames, fact groups from the aligner
    (its candidate scoring split over ``jobs`` worker processes where it pays),
    as the context every rule reads."""
    ctx, _ = _align(
        extractions,
        config=config,
        provider=provider,
        drafts=drafts,
        progress=progress,
        jobs=jobs,
        aligner=aligner,
        source_paths=source_paths,
    )
    return ctx


def _align(
    extractions: Sequence[Extraction],
    *,
    config: Config,
    provider: RateProvider,
    drafts: set[str] | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    aligner: Aligner | None = None,
    source_paths: Sequence[str] | None = None,
    early: Sequence[str] = (),
) -> tuple[AuditContext, RulesAhead | None]:
    """:func:`align_extractions`, and the built-in rules ``early`` (of document
    scope) started in the scoring's workers once the pairs are scored
    (:func:`factcheck.engine.local.rules_ahead`; None where they are not: one
    job, a given aligner, a small audit), for :func:`run_rules` to finish."""
    draft_indexes = [
        i for i, e in enumerate(extractions) if e.document.path in (drafts or set())
    ]
    claims = sum(len(e.claims) for e in extractions)
    if progress is not None:
        progress("align", 0, claims)
    ctx = unaligned_context(
        extractions,
        settings=settings_from(config),
        provider=provider,
        drafts=draft_indexes,
        disabled=[code for code, level in config.rules.items() if level == "off"],
        source_paths=source_paths,
    )
    ahead = None
    if aligner is None:
        from factcheck.engine.local import (  # noqa: PLC0415
            forked_reader,
            forked_scorer,
            rules_ahead,
        )

        ahead = rules_ahead(ctx, early, jobs) if early else None
        aligner = FrameAligner(
            aliases=dict(config.aliases),
            scorer=forked_scorer(jobs, then=ahead),
            reader=forked_reader(jobs, then=ahead),
        )
    ctx = with_alignment(ctx, aligner.align(ctx.refs))
    if progress is not None:
        progress("align", claims, claims)
    return ctx, ahead


def run_rules(
    ctx: AuditContext,
    rules: Mapping[str, Rule],
    *,
    config: Config,
    progress: Progress | None = None,
    jobs: int = 1,
    shards: ShardRunner | None = None,
    ahead: RulesAhead | None = None,
) -> tuple[list[Finding], list[Problem]]:
    """The rules stage: every rule the config leaves on, over the context, each
    finding re-levelled as the config says. With ``jobs`` > 1 (or a ``shards``
    runner: an engine's), built-in rules of ``document`` and ``group`` scope run per
    shard (:mod:`factcheck.rules.shards`) and the others here, over the whole
    context; the findings are the same. ``ahead``: built-in rules started before
    the alignment (see :func:`factcheck.engine.local.rules_ahead`), finished here.
    A third-party rule that fails becomes a Problem naming its package; a built-in
    one that fails is a bug, and raises."""
    active = {
        code: spec for code, spec in rules.items() if config.rules.get(code) != "off"
    }
    if shards is None:
        from factcheck.engine.local import forked_shards  # noqa: PLC0415

        shards = forked_shards(ctx, jobs, ahead=ahead)
    split = (
        {}
        if shards is None
        else {
            code: spec
            for code, spec in active.items()
            if spec.origin == "factcheck" and spec.scope != "audit"
        }
    )
    found: dict[str, list[Finding]] = {}
    problems: list[Problem] = []
    if split and shards is not None:
        found, checked = shards(ctx, tuple(split))
        ctx.checked.update(checked)
    for done, (code, spec) in enumerate(rules.items()):
        if progress is not None:
            progress("rules", done, len(rules))
        if code not in active or code in split:
            continue
        try:
            found[code] = list(spec.check(ctx))
        except Exception as exc:
            if spec.origin == "factcheck":
                raise
            problems.append(
                Problem(path=spec.origin, message=f"rule {code} failed: {exc}")
            )
    if progress is not None:
        progress("rules", len(rules), len(rules))
    findings: list[Finding] = []
    for code in rules:
        level = config.rules.get(code)
        for f in found.get(code, ()):
            if level is None or level == "off":
                findings.append(f)
            else:
                findings.append(attrs.evolve(f, severity=level))
    return findings, problems


def finish_report(
    extractions: Sequence[Extraction],
    findings: Sequence[Finding],
    *,
    config: Config,
    problems: Sequence[Problem],
    report_on: set[str] | None,
    drafts: set[str] | None,
    aligned: int,
    checked: int,
) -> Report:
    """The report stage: suppressions, findings kept on the reported documents,
    in :func:`finding_order`, one per rule and place; the summary and documents."""
    fc001 = config.rules.get("FC001", "info")
    kept = apply_suppressions(
        findings,
        (e.document for e in extractions),
        unused_severity=None if fc001 == "off" else fc001,
    )
    if report_on is not None:
        kept = [f for f in kept if f.location.path in report_on]
    kept.sort(key=finding_order)
    kept = _dedupe(kept)
    summary = Summary(
        documents=len(extractions),
        claims=sum(len(e.claims) for e in extractions),
        aligned=aligned,
        checked=checked,
    )
    documents = tuple(
        DocumentInfo.of(e.document, draft=e.document.path in (drafts or ()))
        for e in extractions
    )
    return Report(
        findings=tuple(kept),
        problems=tuple(problems),
        summary=summary,
        documents=documents,
    )
