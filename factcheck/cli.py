"""The ``factcheck`` command: ``extract``, ``convert`` (and, as they land, ``audit``,
``rules``, ``explain``). The one module that prints.

Exit codes (:class:`ExitCode`): 0 nothing at or above ``--fail-on``, 1 findings at or
above it, 2 a usage or input error (the message names the file and the reason).
"""

from __future__ import annotations

import argparse
import enum
import sys
from collections.abc import Sequence

from factcheck import __version__


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
    ext.add_argument("paths", nargs="+", metavar="PATH")
    ext.add_argument("--format", choices=("text", "json"), default="text")
    ext.add_argument("-o", "--output", metavar="FILE", help="write here (atomically)")

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
    if output:
        from factcheck.report.output import write_atomic  # noqa: PLC0415

        write_atomic(output, text)
    else:
        sys.stdout.write(text)


def _run_extract(args: argparse.Namespace) -> int:
    from factcheck.extract import extract_document  # noqa: PLC0415
    from factcheck.load import load_paths  # noqa: PLC0415

    documents, problems = load_paths(args.paths)
    extractions = [extract_document(d) for d in documents]
    if args.format == "json":
        from factcheck.report.json import render_extractions  # noqa: PLC0415
    else:
        from factcheck.report.text import render_extractions  # noqa: PLC0415
    _emit(render_extractions(extractions, problems), args.output)
    for problem in problems:
        print(f"factcheck: {problem.path}: {problem.message}", file=sys.stderr)
    return ExitCode.USAGE_ERROR if problems and not documents else ExitCode.OK


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (see :class:`ExitCode`)."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    handlers = {"extract": _run_extract, "convert": _run_convert}
    try:
        return int(handlers[args.command](args))
    except BrokenPipeError:
        return ExitCode.OK
    except OSError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return ExitCode.USAGE_ERROR
