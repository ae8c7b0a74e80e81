"""The ``factcheck`` command: ``extract``, ``convert`` (and, as they land, ``audit``,
``rules``, ``explain``). The one module that prints.

Exit codes (:class:`ExitCode`): 0 nothing at or above ``--fail-on``, 1 findings at or
above it, 2 a usage or input error (the message names the file and the reason).
"""

from __future__ import annotations

import argparse
import enum
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar, TextIO

from factcheck import __version__

if TYPE_CHECKING:
    from factcheck.cache import Cache
    from factcheck.model import Document, Problem


class ExitCode(enum.IntEnum):
    """Process exit codes, as DESIGN.md's contract fixes them."""

    OK = 0
    FINDINGS = 1
    USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits with :attr:`ExitCode.USAGE_ERROR` (its default is 2 too,
    kept explicit here so the contract does not rest on argparse's choice)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(ExitCode.USAGE_ERROR)


_PATH_HELP = "a file, a folder (every .md/.txt/.html below it), or - for standard input"
_OUTPUT_HELP = "write here (atomically; a regular file), or - for standard output"
_STDIN_HELP = (
    "the name standard input is reported under; its suffix picks the format "
    "(default -: plain text, or HTML if it looks like HTML)"
)
_PROGRESS_HELP = "no progress line on stderr (shown only on a terminal)"
_JOBS_HELP = (
    "worker processes (default: the machine's cores{config}); the output is the "
    "same for any number"
)


def _jobs(text: str) -> int:
    """``--jobs``: a whole number of processes, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = (
            f"{text!r} is not a number of worker processes (a whole number, 1 or more)"
        )
        raise argparse.ArgumentTypeError(msg)
    return value


_CACHE_DIR_HELP = (
    "the cache folder (default: the user cache directory's factcheck/audit)"
)


def _cache_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", metavar="DIR", help=_CACHE_DIR_HELP)
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the cache"
    )
    parser.add_argument(
        "--cache-size",
        metavar="MIB",
        type=int,
        help="bound the cache to this many MiB, dropping the least recently used "
        "entries (default: cache_size in the configuration, else 256; 0: no cache)",
    )


def _cache_for(args: argparse.Namespace, size_mib: int | None = None) -> Cache | None:
    """The cache the command line asks for (on by default), or None."""
    from factcheck.cache import Cache, default_cache_dir  # noqa: PLC0415
    from factcheck.config import DEFAULT_CACHE_MIB  # noqa: PLC0415

    if getattr(args, "no_cache", False):
        return None
    mib = args.cache_size if getattr(args, "cache_size", None) is not None else size_mib
    mib = DEFAULT_CACHE_MIB if mib is None else mib
    if mib <= 0:
        return None
    directory = args.cache_dir or default_cache_dir()
    return None if directory is None else Cache(directory, max_bytes=mib * 2**20)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factcheck",
        description="Audit the numbers in news text.",
    )
    parser.add_argument(
        "--version", action="version", version=f"factcheck {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    ext = sub.add_parser(
        "extract",
        help="list every numeric claim in articles",
        description="List every numeric claim (money, percent, quantity, count) in "
        "articles. A directory means every .md/.txt/.html file below it.",
    )
    ext.add_argument("paths", nargs="+", metavar="PATH", help=_PATH_HELP)
    ext.add_argument("--format", choices=("text", "json"), default="text")
    ext.add_argument("-o", "--output", metavar="FILE", help=_OUTPUT_HELP)
    ext.add_argument("--stdin-name", metavar="NAME", default="-", help=_STDIN_HELP)
    ext.add_argument("--no-progress", action="store_true", help=_PROGRESS_HELP)
    _cache_flags(ext)
    ext.add_argument(
        "-j", "--jobs", type=_jobs, metavar="N", help=_JOBS_HELP.format(config="")
    )

    aud = sub.add_parser(
        "audit",
        help="report numbers that cannot all be true, across articles",
        description="Audit articles against each other (and drafts against their "
        "sources): stated conversions, one fact stated two ways, sources that "
        "disagree, arithmetic that does not compute. Every finding shows its "
        "arithmetic.",
    )
    aud.add_argument("paths", nargs="+", metavar="PATH", help=_PATH_HELP)
    aud.add_argument(
        "--sources",
        nargs="+",
        metavar="PATH",
        default=[],
        help="check PATH... (drafts) against these; report on the drafts only "
        "(default: `sources` in the configuration)",
    )
    aud.add_argument("--stdin-name", metavar="NAME", default="-", help=_STDIN_HELP)
    aud.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github", "html", "claimreview"),
        default=None,
    )
    aud.add_argument(
        "--root",
        metavar="DIR",
        help="paths in SARIF/GitHub output are "
        "relative to this (default: the working directory)",
    )
    aud.add_argument(
        "--baseline", metavar="FILE", help="report only findings not in it"
    )
    aud.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record today's findings as accepted (written atomically)",
    )
    aud.add_argument("--no-progress", action="store_true", help=_PROGRESS_HELP)
    aud.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help=_JOBS_HELP.format(config=", or `jobs` in the configuration"),
    )
    aud.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where the audit runs: this machine (local, with --jobs worker "
        "processes) or a Dask cluster (dask: needs factcheck-news[dask]; see "
        "docs/scale.md)",
    )
    aud.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of an existing cluster "
        "(tcp://host:8786); default: a local cluster of --jobs worker processes",
    )
    aud.add_argument("-o", "--output", metavar="FILE", help=_OUTPUT_HELP)
    aud.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default=None,
        help="exit 1 when a finding is at or above this level (default: error)",
    )
    aud.add_argument(
        "--config", metavar="FILE", help="factcheck.toml or pyproject.toml"
    )
    aud.add_argument(
        "--date", help="publication date for documents without one, YYYY-MM-DD"
    )
    _cache_flags(aud)

    cache = sub.add_parser(
        "cache",
        help="show or clear the audit cache",
        description="The audit cache keeps extractions and reports between runs "
        "(see the guide). `info` shows where it is and its size; `clear` empties it.",
    )
    cache.add_argument("action", choices=("info", "clear"))
    cache.add_argument("--cache-dir", metavar="DIR", help=_CACHE_DIR_HELP)

    rules = sub.add_parser(
        "rules",
        help="list the rules",
        description="List every rule: code, name, default severity and summary.",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = sub.add_parser(
        "explain",
        help="show a rule's documentation",
        description="Show a rule's documentation.",
    )
    explain.add_argument(
        "code", help="a rule code (FC101) or name (conversion-mismatch)"
    )

    conv = sub.add_parser(
        "convert",
        help="convert an amount at a date, with the rates and their provenance",
        description='Convert an amount such as "380 billion yuan" to another currency '
        "or unit at a date, showing the interval, the rate range and its source.",
    )
    conv.add_argument("query", help='an amount as news prints it: "380 billion yuan"')
    conv.add_argument("--to", required=True, help="ISO 4217 code or unit name")
    conv.add_argument("--date", help="publication date, YYYY-MM-DD")
    conv.add_argument(
        "--window", type=int, metavar="DAYS", help="rate window, days each side"
    )
    conv.add_argument("--tolerance", type=float, help="relative tolerance, e.g. 0.005")
    conv.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _emit(text: str, output: str | None) -> None:
    """Write to ``output`` atomically, or to stdout for None or ``-``.

    Raises:
        InputError: ``output`` is not a regular file (see ``write_atomic``).
    """
    if output and output != "-":
        from factcheck.report.output import write_atomic  # noqa: PLC0415

        write_atomic(output, text)
    else:
        sys.stdout.write(text)


def _outputs_refused(*outputs: str | None) -> bool:
    """Check output paths before the work; print why one is refused."""
    from factcheck.errors import InputError  # noqa: PLC0415
    from factcheck.report.output import check_target  # noqa: PLC0415

    for output in outputs:
        if output and output != "-":
            try:
                check_target(output)
            except InputError as exc:
                print(f"factcheck: {exc}", file=sys.stderr)
                return True
    return False


def _inputs(
    paths: Sequence[str], stdin_name: str
) -> tuple[list[Document | str], list[Problem]]:
    """The command line's paths, with ``-`` read from standard input (once)."""
    from factcheck.errors import InputError  # noqa: PLC0415
    from factcheck.load import load_stream  # noqa: PLC0415
    from factcheck.model import Problem  # noqa: PLC0415

    inputs: list[Document | str] = []
    problems: list[Problem] = []
    read = False
    for path in paths:
        if path != "-":
            inputs.append(path)
        elif not read:
            read = True
            try:
                inputs.append(load_stream(sys.stdin.buffer, path=stdin_name))
            except InputError as exc:
                problems.append(
                    Problem(path=stdin_name, message=exc.reason or str(exc))
                )
    return inputs, problems


def _progress_for(args: argparse.Namespace) -> _Progress | None:
    """A progress line on a terminal, never when stderr is piped or redirected."""
    if args.no_progress or not sys.stderr.isatty():
        return None
    return _Progress(sys.stderr)


def _run_extract(args: argparse.Namespace) -> int:
    from factcheck.engine import default_jobs  # noqa: PLC0415
    from factcheck.load import load_paths  # noqa: PLC0415
    from factcheck.model import Document  # noqa: PLC0415
    from factcheck.pipeline import extract_documents  # noqa: PLC0415

    if _outputs_refused(args.output):
        return ExitCode.USAGE_ERROR
    inputs, problems = _inputs(args.paths, args.stdin_name)
    progress = _progress_for(args)
    try:
        documents = [d for d in inputs if isinstance(d, Document)]
        loaded, unreadable = load_paths(
            [p for p in inputs if isinstance(p, str)],
            progress=None if progress is None else progress.stage("read"),
        )
        problems.extend(unreadable)
        extractions, unusable = extract_documents(
            [*documents, *loaded],
            progress=progress,
            jobs=args.jobs or default_jobs(),
            frames=True,
            cache=_cache_for(args),
        )
        problems.extend(unusable)
        if args.format == "json":
            from factcheck.report.json import render_extractions  # noqa: PLC0415
        else:
            from factcheck.report.text import render_extractions  # noqa: PLC0415
        if progress is not None:
            progress("write", 0, 1)
        _emit(render_extractions(extractions, problems), args.output)
    finally:
        if progress is not None:
            progress.close()
    for problem in problems:
        print(f"factcheck: {problem.path}: {problem.message}", file=sys.stderr)
    return ExitCode.USAGE_ERROR if problems and not extractions else ExitCode.OK


def _run_convert(args: argparse.Namespace) -> int:
    from factcheck.normalize.convert_cli import run_convert  # noqa: PLC0415

    code, out, err = run_convert(
        args.query,
        to=args.to,
        date=args.date,
        fmt=args.format,
        window_days=args.window,
        tolerance=args.tolerance,
    )
    if out:
        sys.stdout.write(out)
    if err:
        print(f"factcheck: {err}", file=sys.stderr)
    return code


_LEVELS = {"info": 0, "warning": 1, "error": 2}


def _fails(severity: str, fail_on: str) -> bool:
    return fail_on != "never" and _LEVELS[severity] >= _LEVELS[fail_on]


def _run_audit(args: argparse.Namespace) -> int:
    import datetime as dt  # noqa: PLC0415
    import os  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    import attrs  # noqa: PLC0415

    from factcheck.baseline import (  # noqa: PLC0415
        apply_baseline,
        baseline_text,
        read_baseline,
    )
    from factcheck.config import load_config  # noqa: PLC0415
    from factcheck.engine import EngineError, default_jobs  # noqa: PLC0415
    from factcheck.errors import ConfigError, InputError  # noqa: PLC0415
    from factcheck.load import check_published  # noqa: PLC0415
    from factcheck.pipeline import audit  # noqa: PLC0415
    from factcheck.report import render  # noqa: PLC0415

    try:
        config = load_config(Path(args.config) if args.config else None)
    except ConfigError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    try:
        default_date = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(
            f"factcheck: --date {args.date!r} is not a date (YYYY-MM-DD)",
            file=sys.stderr,
        )
        return ExitCode.USAGE_ERROR
    if default_date is not None and (why := check_published(default_date)):
        print(f"factcheck: --date: {why}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    if _outputs_refused(args.output, args.write_baseline):
        return ExitCode.USAGE_ERROR
    known = None
    if args.baseline:
        try:
            known = read_baseline(args.baseline)
        except InputError as exc:
            print(f"factcheck: {exc}", file=sys.stderr)
            return ExitCode.USAGE_ERROR
    if args.scheduler and args.engine != "dask":
        print("factcheck: --scheduler needs --engine dask", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    jobs = args.jobs or config.jobs or default_jobs()
    inputs, unreadable = _inputs(args.paths, args.stdin_name)
    progress = _progress_for(args)
    try:
        if args.engine == "dask":
            try:
                from factcheck.engine.dask import audit_on_dask  # noqa: PLC0415

                report = audit_on_dask(
                    inputs,
                    sources=args.sources,
                    config=config,
                    scheduler=args.scheduler,
                    workers=jobs,
                    default_date=default_date,
                    progress=progress,
                )
            except EngineError as exc:
                print(f"factcheck: {exc}", file=sys.stderr)
                return ExitCode.USAGE_ERROR
        else:
            report = audit(
                inputs,
                sources=args.sources,
                config=config,
                default_date=default_date,
                progress=progress,
                jobs=jobs,
                cache=_cache_for(args, config.cache_size),
            )
        if unreadable:
            report = attrs.evolve(report, problems=(*unreadable, *report.problems))
        if progress is not None:
            progress("write", 0, 1)
        if args.write_baseline:
            _emit(baseline_text(report.findings), args.write_baseline)
        if known is not None:
            report = attrs.evolve(
                report, findings=tuple(apply_baseline(report.findings, known))
            )
        fmt = args.format or config.format
        text = render(
            report,
            fmt,
            root=args.root,
            colour=args.output in (None, "-")
            and sys.stdout.isatty()
            and "NO_COLOR" not in os.environ,
            summary_path=os.environ.get("GITHUB_STEP_SUMMARY")
            if fmt == "github"
            else None,
            author=config.author,
        )
        _emit(text, args.output)
    finally:
        if progress is not None:
            progress.close()
    for problem in report.problems:
        print(f"factcheck: {problem.path}: {problem.message}", file=sys.stderr)
    if report.problems:
        return ExitCode.USAGE_ERROR
    fail_on = args.fail_on or config.fail_on
    failing = [
        f
        for f in report.findings
        if f.suppressed_by is None
        and f.baseline_state != "unchanged"
        and _fails(f.severity, fail_on)
    ]
    return ExitCode.FINDINGS if failing else ExitCode.OK


class _Progress:
    """One line on stderr, redrawn in place: the stage, its counts and the time since
    the start ("factcheck: align 0/12,345 claims · 3.1 s"). A timer redraws it every
    quarter second, so the elapsed time moves while a long stage runs."""

    #: what each stage counts
    NOUNS: ClassVar[dict[str, str]] = {
        "read": "files",
        "extract": "documents",
        "align": "claims",
        "rules": "rules",
        "write": "reports",
    }
    #: seconds between redraws: often enough to look alive, rare enough to cost
    #: nothing beside the work
    INTERVAL: ClassVar[float] = 0.25

    def __init__(self, stream: TextIO) -> None:
        import threading  # noqa: PLC0415
        import time  # noqa: PLC0415

        self._stream = stream
        self._clock = time.monotonic
        self._start = self._clock()
        self._state: tuple[str, int, int] | None = None
        self._drawn = -1.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._timer = threading.Thread(target=self._tick, daemon=True)
        self._timer.start()

    def stage(self, name: str) -> Callable[[int, int], None]:
        """A ``(done, total)`` callback for one stage (``load_paths`` takes one)."""
        return lambda done, total: self(name, done, total)

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            changed = self._state is None or self._state[0] != stage
            self._state = (stage, done, total)
            if changed or done == total or self._clock() - self._drawn >= 0.1:
                self._draw()

    def _draw(self) -> None:
        if self._state is None:
            return
        stage, done, total = self._state
        now = self._clock()
        self._drawn = now
        noun = self.NOUNS.get(stage, "")
        self._stream.write(
            f"\rfactcheck: {stage} {done:,}/{total:,} {noun} · "
            f"{now - self._start:.1f} s\x1b[K"
        )
        self._stream.flush()

    def _tick(self) -> None:
        while not self._stop.wait(self.INTERVAL):
            with self._lock:
                if self._clock() - self._drawn >= self.INTERVAL:
                    self._draw()

    def close(self) -> None:
        """Stop the timer and clear the line."""
        self._stop.set()
        self._timer.join()
        if self._state is not None:
            self._stream.write("\r\x1b[K")
            self._stream.flush()


def _run_rules(args: argparse.Namespace) -> int:
    from factcheck.rules import all_rules  # noqa: PLC0415

    rules, problems = all_rules()
    if args.format == "json":
        import json  # noqa: PLC0415

        payload = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "summary": r.summary,
                "origin": r.origin,
            }
            for r in rules.values()
        ]
        sys.stdout.write(json.dumps({"version": 1, "rules": payload}, indent=2) + "\n")
    else:
        for r in rules.values():
            print(f"{r.code}  {r.name:<26} {r.severity:<8} {r.summary}")
    for p in problems:
        print(f"factcheck: {p.path}: {p.message}", file=sys.stderr)
    return ExitCode.OK


def _run_cache(args: argparse.Namespace) -> int:
    from factcheck.cache import Cache, default_cache_dir  # noqa: PLC0415

    directory = args.cache_dir or default_cache_dir()
    if directory is None:
        print("factcheck: the cache is off (FACTCHECK_CACHE_DIR is empty)")
        return ExitCode.OK
    cache = Cache(directory)
    if args.action == "clear":
        removed = cache.clear()
        print(f"factcheck: removed {removed:,} cache entries from {directory}")
    else:
        entries, size = cache.info()
        print(f"{directory}: {entries:,} entries, {size / 2**20:.1f} MiB")
    return ExitCode.OK


def _run_explain(args: argparse.Namespace) -> int:
    from factcheck.errors import ConfigError  # noqa: PLC0415
    from factcheck.rules import all_rules, lookup  # noqa: PLC0415

    rules, _ = all_rules()
    try:
        spec = lookup(args.code, rules)
    except ConfigError as exc:
        print(f"factcheck: {exc.message}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
    print(f"{spec.code} {spec.name} (default severity: {spec.severity})\n")
    print(spec.doc)
    return ExitCode.OK


def _show_warning(  # noqa: PLR0917  (the signature warnings.showwarning has)
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """factcheck's own warnings as one line on stderr; others as Python shows them."""
    from factcheck.errors import FactcheckWarning  # noqa: PLC0415

    if issubclass(category, FactcheckWarning):
        print(f"factcheck: warning: {message}", file=file or sys.stderr)
    else:
        import warnings  # noqa: PLC0415

        text = warnings.formatwarning(message, category, filename, lineno, line)
        (file or sys.stderr).write(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see :class:`ExitCode`)."""
    import warnings  # noqa: PLC0415

    from factcheck.errors import FactcheckError, FactcheckWarning  # noqa: PLC0415

    parser = _build_parser()
    args = parser.parse_args(argv)
    handlers = {
        "extract": _run_extract,
        "convert": _run_convert,
        "audit": _run_audit,
        "rules": _run_rules,
        "explain": _run_explain,
        "cache": _run_cache,
    }
    with warnings.catch_warnings():
        # each one is said once by the code that raises it (once per run)
        warnings.simplefilter("always", FactcheckWarning)
        warnings.showwarning = _show_warning
        try:
            return int(handlers[args.command](args))
        except BrokenPipeError:
            return ExitCode.OK
        except FactcheckError as exc:
            print(f"factcheck: {exc}", file=sys.stderr)
            return ExitCode.USAGE_ERROR
        except OSError as exc:
            print(f"factcheck: {exc}", file=sys.stderr)
            return ExitCode.USAGE_ERROR
