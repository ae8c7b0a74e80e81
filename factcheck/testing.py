"""Assertion helpers for editors' own tests, and the object behind the ``factcheck``
fixture of the pytest plugin.

Each helper raises :class:`AssertionError` with the arithmetic when the check fails,
and returns what it looked at when it passes:

>>> comparison = assert_claims_agree(
...     "more than 380 billion yuan", "US$52.4 billion", date="2025-02-24"
... )
>>> comparison.relation
'overlap'
>>> assert_claims_agree("380 billion yuan", "$38 billion", date="2025-02-24")
Traceback (most recent call last):
    ...
AssertionError: '380 billion yuan' and '$38 billion' cannot both hold: ...

The plugin's ``pytest_assertrepr_compare`` uses :func:`explain_comparison`, so a failing
``assert claim_a == claim_b`` shows values, intervals, units and the conversion.

This module loads the whole pipeline when imported; the plugin imports it only when a
test asks for the fixture or a comparison of claims fails.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from factcheck.config import Config, load_config
from factcheck.errors import RateUnavailableError, UnitError, did_you_mean
from factcheck.extractor import extract_claims
from factcheck.model import (
    SEVERITIES,
    Claim,
    Document,
    Finding,
    Interval,
    Report,
    Severity,
)
from factcheck.normalize import (
    Comparison,
    NormalizeOptions,
    RateProvider,
    compare_intervals,
    convert_interval,
    format_amount,
    format_interval,
    normalize_claim,
)
from factcheck.pipeline import audit, provider_from, settings_from
from factcheck.report.text import coverage_line, render_finding, shown

__all__ = [
    "Factcheck",
    "assert_claims_agree",
    "assert_finding",
    "assert_no_findings",
    "compare",
    "explain_comparison",
    "one_claim",
]

PathLike = str | os.PathLike[str]
Input = Document | PathLike
ClaimLike = Claim | str
DateLike = dt.date | str

_RANK = {"info": 0, "warning": 1, "error": 2}
_QUALIFIER_WORDS = {
    "approx": "about",
    "gt": "more than",
    "ge": "at least",
    "lt": "less than",
    "le": "at most",
    "range": "between",
}


def one_claim(text: ClaimLike) -> Claim:
    """The one numeric claim in ``text`` (a :class:`Claim` is returned as it is).

    Raises:
        ValueError: the text holds no claim, or more than one.

    >>> one_claim("some 2,000 workers").value
    2000.0
    """
    if isinstance(text, Claim):
        return text
    claims = extract_claims(text)
    if len(claims) != 1:
        found = ", ".join(repr(c.text) for c in claims) or "none"
        msg = f"{text!r} should state one claim; found {len(claims)}: {found}"
        raise ValueError(msg)
    return claims[0]


def _date(value: DateLike | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"date {value!r} is not a date (YYYY-MM-DD)"
        raise ValueError(msg) from None


def _options(config: Config | None) -> NormalizeOptions:
    return settings_from(config or Config()).normalize


def compare(
    a: ClaimLike,
    b: ClaimLike,
    *,
    date: DateLike | None = None,
    config: Config | None = None,
    provider: RateProvider | None = None,
) -> Comparison:
    """Can both claims be true? Two claims (or texts of one claim each) published
    on ``date``, compared exactly as the audit compares two sources' claims
    (:func:`factcheck.rules.context.compare_as_sources`), so a helper never says
    "can both hold" where ``factcheck audit`` reports a conflict.

    Raises:
        UnitError: the claims measure different things, or no rate converts them.
    """
    from factcheck.rules.context import compare_as_sources  # noqa: PLC0415

    config = config or Config()
    first, second = one_claim(a), one_claim(b)
    comparison = compare_as_sources(
        first,
        second,
        published=_date(date),
        settings=settings_from(config),
        provider=provider or provider_from(config),
    )
    if comparison is None:
        msg = f"cannot compare {first.text!r} with {second.text!r}"
        raise UnitError(msg)
    return comparison


def assert_claims_agree(
    a: ClaimLike,
    b: ClaimLike,
    *,
    date: DateLike | None = None,
    config: Config | None = None,
    provider: RateProvider | None = None,
) -> Comparison:
    """Assert that two claims (or texts of one claim each) can both hold.

    Money converts at ``date`` (without one: the recent rates, and the message says
    so). Returns the :class:`~factcheck.normalize.Comparison`.

    Raises:
        AssertionError: the intervals miss each other, or the claims measure
            different things; the message shows the arithmetic.
        RateUnavailableError: no rate for the pair at the date (the check could not
            be made).
    """
    __tracebackhide__ = True
    first, second = one_claim(a), one_claim(b)
    try:
        comparison = compare(first, second, date=date, config=config, provider=provider)
    except UnitError as exc:
        msg = f"{first.text!r} and {second.text!r} cannot be compared: {exc}"
        raise AssertionError(msg) from None
    if not comparison.overlap:
        lines = [
            f"{first.text!r} and {second.text!r} cannot both hold: "
            f"{comparison.describe()}"
        ]
        if comparison.conversion is not None and comparison.rates is not None:
            lines.append(f"conversion: {comparison.conversion.describe()}")
        raise AssertionError("\n".join(lines))
    return comparison


def _as_inputs(report_or_paths: Input | Iterable[Input]) -> list[Input]:
    if isinstance(report_or_paths, Document | str | os.PathLike):
        return [report_or_paths]
    return list(report_or_paths)


def _check_level(level: str) -> Severity:
    for severity in SEVERITIES:
        if level == severity:
            return severity
    msg = (
        f"at_least={level!r} is not a severity{did_you_mean(level, SEVERITIES)}; "
        f"expected one of {', '.join(SEVERITIES)}"
    )
    raise ValueError(msg)


def assert_no_findings(
    report_or_paths: Report | Input | Iterable[Input],
    at_least: Severity = "error",
    *,
    sources: Iterable[Input] = (),
    config: Config | None = None,
    date: DateLike | None = None,
) -> Report:
    """Assert that a report (or the audit of documents or paths) has no finding at or
    above ``at_least`` and no unreadable input.

    Suppressed findings and those a baseline accepts do not count. Returns the
    report.

    Args:
        report_or_paths: a :class:`Report`, or what :func:`factcheck.pipeline.audit`
            takes: a path, a document, or several.
        at_least: the lowest severity that fails: ``error``, ``warning`` or ``info``.
        sources: documents the drafts are checked against (when auditing).
        config: settings for the audit (default: the documented defaults).
        date: publication date for documents without one.

    Raises:
        AssertionError: the findings, rendered as ``factcheck audit`` shows them.
    """
    __tracebackhide__ = True
    level = _check_level(at_least)
    if isinstance(report_or_paths, Report):
        report = report_or_paths
    else:
        report = audit(
            _as_inputs(report_or_paths),
            sources=sources,
            config=config,
            default_date=_date(date),
        )
    failing = [f for f in shown(report) if _RANK[f.severity] >= _RANK[level]]
    if failing or report.problems:
        blocks = [
            f"{len(failing)} finding(s) at or above {level}"
            + (
                f", {len(report.problems)} unreadable input(s)"
                if report.problems
                else ""
            )
        ]
        blocks.extend(render_finding(f) for f in failing)
        blocks.extend(f"{p.path}: error: {p.message}" for p in report.problems)
        blocks.append(coverage_line(report))
        raise AssertionError("\n\n".join(blocks))
    return report


def _finding_line(finding: Finding) -> str:
    loc = finding.location
    return (
        f"{loc.path}:{loc.span.line}:{loc.span.column}: {finding.rule} "
        f"{finding.severity} {finding.name} {loc.text!r}"
    )


def assert_finding(
    report: Report,
    code: str,
    *,
    text: str | None = None,
    path: PathLike | None = None,
    severity: Severity | None = None,
) -> Finding:
    """Assert that ``report`` has a (shown) finding of rule ``code`` (a code such as
    ``FC101`` or a name such as ``conversion-mismatch``), optionally on a claim whose
    text contains ``text``, in a document whose path ends with ``path``, at
    ``severity``. Returns the first such finding.

    Raises:
        AssertionError: none matches; the message lists the findings there are.
    """
    __tracebackhide__ = True
    wanted = code.strip()
    tail = Path(path).parts if path is not None else ()
    for finding in shown(report):
        if wanted.upper() != finding.rule and wanted.lower() != finding.name:
            continue
        if text is not None and text not in finding.location.text:
            continue
        if tail and Path(finding.location.path).parts[-len(tail) :] != tail:
            continue
        if severity is not None and finding.severity != severity:
            continue
        return finding
    terms = [wanted]
    if text is not None:
        terms.append(f"on {text!r}")
    if path is not None:
        terms.append(f"in {os.fspath(path)}")
    if severity is not None:
        terms.append(f"at {severity}")
    present = [f"  {_finding_line(f)}" for f in shown(report)] or ["  (none)"]
    msg = "\n".join([f"no finding {' '.join(terms)}; the report has:", *present])
    raise AssertionError(msg)


# ---------------------------------------------------------------- explanations


def _name(value: Claim | Interval) -> str:
    if isinstance(value, Claim):
        return f"Claim({value.text!r})"
    return f"Interval({format_interval(value)})"


def _describe_claim(claim: Claim, interval: Interval) -> str:
    said = _QUALIFIER_WORDS.get(claim.qualifier or "", "")
    amount = format_amount(claim.value, claim.unit)
    parts = [
        f"{claim.text!r}: {claim.kind}, {said + ' ' if said else ''}{amount}",
        f"allows {format_interval(interval)}",
    ]
    if claim.unit_note:
        parts.append(claim.unit_note)
    return "; ".join(parts)


def _claim_vs_interval(
    claim: Claim,
    interval: Interval,
    *,
    day: dt.date | None,
    options: NormalizeOptions,
) -> tuple[Interval, Comparison]:
    own = normalize_claim(claim, published=day, options=options).interval
    if own.unit == interval.unit:
        return own, compare_intervals(
            own, interval, a_value=claim.value, a_text=claim.text
        )
    conversion = convert_interval(
        own,
        interval.unit or "",
        kind=claim.kind,
        value=claim.value,
        day=day,
        options=options,
    )
    return own, compare_intervals(
        conversion.result,
        interval,
        a_value=conversion.value,
        a_text=claim.text,
        converted="a",
        conversion=conversion,
    )


def explain_comparison(
    left: Claim | Interval,
    right: Claim | Interval,
    *,
    date: DateLike | None = None,
) -> list[str]:
    """Why ``left == right`` failed, as lines for ``pytest_assertrepr_compare``:
    whether the numbers can both hold (with the arithmetic), each side's value and
    interval, the rate with its date and provider, and which attributes differ.

    Claims carry no publication date: money converts at ``date``, else at the
    recent rates (and the explanation says so).
    """
    day = _date(date)
    options = NormalizeOptions()
    lines = [f"{_name(left)} == {_name(right)}"]
    intervals: dict[str, Interval] = {}
    try:
        if isinstance(left, Claim) and isinstance(right, Claim):
            from factcheck.rules.context import allowed_interval  # noqa: PLC0415

            comparison = compare(left, right, date=day)
            intervals = {
                "left": allowed_interval(left),
                "right": allowed_interval(right),
            }
        elif isinstance(left, Claim) and isinstance(right, Interval):
            own, comparison = _claim_vs_interval(left, right, day=day, options=options)
            intervals = {"left": own, "right": right}
        elif isinstance(left, Interval) and isinstance(right, Claim):
            own, swapped = _claim_vs_interval(right, left, day=day, options=options)
            comparison = swapped.swapped()
            intervals = {"left": left, "right": own}
        else:
            return [*lines, "(factcheck explains claims, and a claim with an interval)"]
    except (UnitError, RateUnavailableError) as exc:
        lines.append(f"cannot be compared: {exc}")
        comparison = None
    if comparison is not None:
        verdict = "can both hold" if comparison.overlap else "cannot both hold"
        lines.append(f"the numbers {verdict}: {comparison.describe()}")
    for side, value in (("left", left), ("right", right)):
        if isinstance(value, Claim):
            shown_interval = intervals.get(side) or value.interval
            lines.append(f"{side}: {_describe_claim(value, shown_interval)}")
        else:
            lines.append(f"{side}: interval {format_interval(value)}")
    if comparison is not None and comparison.conversion is not None:
        if comparison.rates is not None:
            lines.append(f"conversion: {comparison.conversion.describe()}")
        elif comparison.conversion.kind != "identity":
            lines.append(f"units: {comparison.conversion.describe()}")
    if isinstance(left, Claim) and isinstance(right, Claim):
        differ = [
            field.name
            for field in attrs.fields(Claim)
            if getattr(left, field.name) != getattr(right, field.name)
        ]
        lines.append(f"differing attributes: {', '.join(differ)}")
    return lines


# ---------------------------------------------------------------- the fixture


class Factcheck:
    """What the ``factcheck`` fixture gives a test: the pipeline with the project's
    settings, and the assertion helpers as methods.

    >>> fc = Factcheck(config=Config())
    >>> fc.claim("US$52.4 billion").unit
    'USD'
    """

    def __init__(
        self, *, config: Config | None = None, config_path: Path | None = None
    ) -> None:
        self._config = config
        self._config_path = config_path

    @property
    def config(self) -> Config:
        """The settings: as given, else read from ``config_path``, else defaults."""
        if self._config is None:
            self._config = load_config(self._config_path, search=False)
        return self._config

    def audit(
        self,
        *inputs: Input,
        sources: Iterable[Input] = (),
        date: DateLike | None = None,
    ) -> Report:
        """:func:`factcheck.pipeline.audit` of documents or paths with these settings."""
        return audit(
            inputs, sources=sources, config=self.config, default_date=_date(date)
        )

    def extract(self, text: str) -> Sequence[Claim]:
        """Every numeric claim in ``text``."""
        return extract_claims(text)

    def claim(self, text: str) -> Claim:
        """The one claim in ``text`` (see :func:`one_claim`)."""
        return one_claim(text)

    def compare(
        self, a: ClaimLike, b: ClaimLike, *, date: DateLike | None = None
    ) -> Comparison:
        """:func:`compare` with these settings."""
        return compare(a, b, date=date, config=self.config)

    def assert_no_findings(
        self,
        report_or_paths: Report | Input | Iterable[Input],
        at_least: Severity = "error",
        *,
        sources: Iterable[Input] = (),
        date: DateLike | None = None,
    ) -> Report:
        """:func:`assert_no_findings` with these settings."""
        __tracebackhide__ = True
        return assert_no_findings(
            report_or_paths, at_least, sources=sources, config=self.config, date=date
        )

    def assert_claims_agree(
        self, a: ClaimLike, b: ClaimLike, *, date: DateLike | None = None
    ) -> Comparison:
        """:func:`assert_claims_agree` with these settings."""
        __tracebackhide__ = True
        return assert_claims_agree(a, b, date=date, config=self.config)

    def assert_finding(
        self,
        report: Report,
        code: str,
        *,
        text: str | None = None,
        path: PathLike | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """:func:`assert_finding`."""
        __tracebackhide__ = True
        return assert_finding(report, code, text=text, path=path, severity=severity)
