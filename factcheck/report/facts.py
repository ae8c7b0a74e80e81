"""Findings grouped into facts, as the HTML report shows them.

A fact is a claim that findings are on (one claim may draw a conversion error, a
conflict with another outlet and a scale-slip hint), with every claim those findings
cite. Grouping by the cited claims as well would chain unrelated facts together
through a single misaligned pair, so it is not done.

The claims of a fact are shown as *statements*: a figure in its sentence. The same
sentence printed by several articles (wire copy, syndication) is one statement with
one label (A, B, C...) and one passage that names the other articles; its allowed
interval on the number line covers every printing. Values here are plain strings and
numbers, ready for the template.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import attrs
import regex

from factcheck.model import DocumentInfo, Finding, Location, Severity
from factcheck.report import numberline

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
NO_OUTLET = "(no outlet)"
#: an article URL becomes a link only in this shape: http or https, a host, and no
#: white space or control character anywhere (browsers drop those inside a URL,
#: which is how "java\tscript:" slips past naive checks)
_SAFE_URL = regex.compile(
    r"(?i)https?://[^\s/?#\x00-\x1f\x7f]+(?:[/?#][^\s\x00-\x1f\x7f]*)?"
)


def format_detail(value: str | float | bool | None) -> str:
    """A detail value for people: large numbers grouped, others to 6 significant
    digits.

    >>> format_detail(52413447725.98479), format_detail(0.1379301255946968)
    ('52,413,447,725.98', '0.13793')
    >>> format_detail(True), format_detail(None), format_detail(7)
    ('true', '—', '7')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if abs(value) >= 10_000:
            return f"{value:,.2f}".rstrip("0").rstrip(".")
        return f"{value:.6g}"
    return value


def safe_href(url: str | None) -> str | None:
    """``url`` if it may be a link on the page (http or https only), else None.

    >>> safe_href("https://example.org/a?b=1"), safe_href("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    >>> safe_href("java\\tscript:x"), safe_href("http://a b"), safe_href("//x.org")
    (None, None, None)
    """
    if url is None:
        return None
    url = url.strip()
    return url if _SAFE_URL.fullmatch(url) else None


def label(n: int) -> str:
    """The n-th statement's label (0-based): A … Z, then AA, AB, …

    >>> [label(0), label(25), label(26), label(27)]
    ['A', 'Z', 'AA', 'AB']
    """
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


@attrs.frozen(kw_only=True)
class Article:
    """A document as the page lists it, once, under "Articles"."""

    anchor: str
    path: str
    outlet: str | None
    title: str | None
    published: str | None
    href: str | None
    #: a URL that is not shown as a link (not http or https), as plain text
    url_text: str | None


@attrs.frozen(kw_only=True)
class Segment:
    """A stretch of a sentence; a figure carries its statement's label."""

    text: str
    label: str | None = None
    flagged: bool = False


@attrs.frozen(kw_only=True)
class Place:
    """Where a passage stands: a file position and the article's entry."""

    where: str
    outlet: str | None
    published: str | None
    #: the anchor of the document's entry under "Articles" (None: not known)
    article: str | None


@attrs.frozen(kw_only=True)
class Passage:
    """One sentence with the fact's figures in it marked, where it stands, and the
    other articles that print the same sentence."""

    place: Place
    segments: tuple[Segment, ...]
    also: tuple[Place, ...] = ()


@attrs.frozen(kw_only=True)
class Card:
    """One finding of a fact."""

    anchor: str
    rule: str
    name: str
    severity: Severity
    outlet: str
    message: str
    on: str
    against: str
    evidence: tuple[str, ...]
    details: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Fact:
    """A claim findings are on, the claims they cite, their picture, the findings."""

    anchor: str
    number: int
    title: str
    where: str
    severity: Severity
    rules: tuple[str, ...]
    passages: tuple[Passage, ...]
    line: numberline.NumberLine | None
    cards: tuple[Card, ...]


_Key = tuple[str, int, int]


def _key(location: Location) -> _Key:
    return (location.path, location.span.start, location.span.end)


def _one_line(text: str) -> str:
    """Line breaks as spaces, one for one (offsets into the text stay valid)."""
    return text.replace("\r", " ").replace("\n", " ")


def _has_sentence(loc: Location) -> bool:
    start = loc.sentence_offset
    return (
        bool(loc.sentence) and loc.sentence[start : start + len(loc.text)] == loc.text
    )


@attrs.define
class _Statement:
    """A figure in its sentence, and every location that prints it."""

    label: str
    sentence: str
    offset: int
    text: str
    #: statements with one passage key share a passage: the same sentence, or
    #: (without a sentence) the same place
    passage: tuple[object, ...]
    locations: list[Location]
    flagged: bool = False


def articles_of(documents: Iterable[DocumentInfo]) -> dict[str, Article]:
    """Every document, numbered in path order, by path."""
    out = {}
    for n, info in enumerate(sorted(documents, key=lambda d: d.path), start=1):
        href = safe_href(info.url)
        out[info.path] = Article(
            anchor=f"article-{n}",
            path=info.path,
            outlet=info.outlet,
            title=info.title,
            published=info.published.isoformat() if info.published else None,
            href=href,
            url_text=info.url if info.url and href is None else None,
        )
    return out


def outlet_of(article: Article | None) -> str:
    """The outlet the filters file a finding under."""
    return (article.outlet if article is not None else None) or NO_OUTLET


def _place(loc: Location, articles: Mapping[str, Article]) -> Place:
    article = articles.get(loc.path)
    return Place(
        where=f"{loc.path}:{loc.span.line}:{loc.span.column}",
        outlet=article.outlet if article else None,
        published=article.published if article else None,
        article=article.anchor if article else None,
    )


def _statements(group: Sequence[Finding]) -> list[_Statement]:
    """The fact's statements, the findings' own claims first, then those cited."""
    out: list[_Statement] = []
    by_key: dict[tuple[object, ...], _Statement] = {}
    seen: set[_Key] = set()
    primary = {_key(f.location) for f in group}
    for loc in [f.location for f in group] + [r for f in group for r in f.related]:
        if _key(loc) in seen:
            continue
        seen.add(_key(loc))
        if _has_sentence(loc):
            sentence, offset = _one_line(loc.sentence), loc.sentence_offset
            passage: tuple[object, ...] = (sentence,)
            key: tuple[object, ...] = (sentence, offset, loc.text)
        else:
            sentence, offset = _one_line(loc.text), 0
            passage = key = _key(loc)
        found = by_key.get(key)
        if found is None:
            found = _Statement(label(len(out)), sentence, offset, loc.text, passage, [])
            by_key[key] = found
            out.append(found)
        found.locations.append(loc)
        found.flagged = found.flagged or _key(loc) in primary
    return out


def _passages(
    statements: Sequence[_Statement], articles: Mapping[str, Article]
) -> tuple[Passage, ...]:
    """One passage per sentence, every statement in it marked."""
    by_passage: dict[tuple[object, ...], list[_Statement]] = {}
    for s in statements:
        by_passage.setdefault(s.passage, []).append(s)
    out = []
    for members in by_passage.values():
        sentence = members[0].sentence
        first = members[0].locations[0]
        segments: list[Segment] = []
        at = 0
        for s in sorted(members, key=lambda s: s.offset):
            if s.offset < at:  # overlaps the figure before it: left unmarked
                continue
            if s.offset > at:
                segments.append(Segment(text=sentence[at : s.offset]))
            end = s.offset + len(s.text)
            segments.append(
                Segment(text=sentence[s.offset : end], label=s.label, flagged=s.flagged)
            )
            at = end
        if at < len(sentence):
            segments.append(Segment(text=sentence[at:]))
        others: dict[str, Location] = {}
        for s in members:
            for loc in s.locations:
                if loc.path != first.path:
                    others.setdefault(loc.path, loc)
        out.append(
            Passage(
                place=_place(first, articles),
                segments=tuple(segments),
                also=tuple(_place(loc, articles) for loc in others.values()),
            )
        )
    return tuple(out)


def _line(
    group: Sequence[Finding], statements: Sequence[_Statement]
) -> numberline.NumberLine | None:
    """The number line in the unit of the fact's first finding that has figures;
    a statement printed several times allows what any of its printings allows."""
    unit_of = next((f.location for f in group if f.location.value is not None), None)
    if unit_of is None:
        return None
    unit = unit_of.unit
    figures: dict[_Key, Location] = {}
    for f in group:
        for loc in (f.location, *f.related):
            if loc.value is not None and loc.unit == unit:
                figures.setdefault(_key(loc), loc)
    drawn = []
    for s in statements:
        printed = [figures[k] for loc in s.locations if (k := _key(loc)) in figures]
        values = [p.value for p in printed if p.value is not None]
        if not values:
            continue
        lows = [p.low for p in printed]
        highs = [p.high for p in printed]
        drawn.append(
            numberline.Figure(
                label=s.label,
                text=s.text,
                value=values[0],
                low=None if None in lows else min(x for x in lows if x is not None),
                high=None if None in highs else max(x for x in highs if x is not None),
                flagged=s.flagged,
            )
        )
    return numberline.build(drawn, unit)


def _tags(finding: Finding) -> tuple[str, ...]:
    tags = []
    if finding.suppressed_by is not None:
        tags.append(f"suppressed: {finding.suppressed_by}")
    if finding.baseline_state is not None:
        tags.append(f"baseline: {finding.baseline_state}")
    return tuple(tags)


def card(
    finding: Finding,
    anchor: str,
    articles: Mapping[str, Article],
    labels: Mapping[_Key, str] | None = None,
) -> Card:
    """One finding as the page shows it; ``labels`` name its claims (A, B, ...)."""
    labels = labels or {}

    def named(locs: Sequence[Location]) -> str:
        parts: dict[str, int] = {}
        for loc in locs:
            tag = labels.get(_key(loc), "")
            name = f"{tag} ‘{loc.text}’" if tag else f"‘{loc.text}’"
            parts[name] = parts.get(name, 0) + 1
        return ", ".join(
            name if n == 1 else f"{name} ({n} articles)" for name, n in parts.items()
        )

    return Card(
        anchor=anchor,
        rule=finding.rule,
        name=finding.name,
        severity=finding.severity,
        outlet=outlet_of(articles.get(finding.location.path)),
        message=finding.message,
        on=named([finding.location]),
        against=named(finding.related),
        evidence=finding.evidence,
        details=tuple((k, format_detail(v)) for k, v in finding.details.items()),
        tags=_tags(finding),
    )


def _fact(
    number: int, group: Sequence[Finding], articles: Mapping[str, Article]
) -> Fact:
    statements = _statements(group)
    labels = {_key(loc): s.label for s in statements for loc in s.locations}
    first = group[0].location
    anchor = f"fact-{number}"
    return Fact(
        anchor=anchor,
        number=number,
        title=first.text,
        where=f"{first.path}:{first.span.line}",
        severity=min((f.severity for f in group), key=SEVERITIES.index),
        rules=tuple(sorted({f.rule for f in group})),
        passages=_passages(statements, articles),
        line=_line(group, statements),
        cards=tuple(
            card(f, f"{anchor}-{i}", articles, labels)
            for i, f in enumerate(group, start=1)
        ),
    )


def build_facts(
    findings: Sequence[Finding], articles: Mapping[str, Article]
) -> tuple[Fact, ...]:
    """The facts of ``findings`` (already in reading order), numbered from 1."""
    groups: dict[_Key, list[Finding]] = {}
    for f in findings:
        groups.setdefault(_key(f.location), []).append(f)
    return tuple(
        _fact(n, group, articles) for n, group in enumerate(groups.values(), start=1)
    )
