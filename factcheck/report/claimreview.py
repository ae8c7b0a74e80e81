"""schema.org ClaimReview JSON-LD: the findings as fact checks a site can publish.

``audit --format claimreview`` writes one JSON-LD document, ``{"@context":
"https://schema.org", "@graph": [ClaimReview, ...]}``, in reading order, with one
ClaimReview per finding on a draft, or per finding when no document is a draft
(no ``--sources`` and no ``sources`` in any front matter). Findings that are
suppressed or in the baseline are left out, and so are the FC0xx rules, which speak
about the audit (an unused suppression), not about a claim.

Each ClaimReview carries what Google's fact-check structured data asks for:

- ``claimReviewed``: the claim's sentence, cut around the figure to 75 characters;
- ``reviewRating``: a ``Rating`` whose ``alternateName`` is a textual verdict for
  the rule ("Incorrect conversion", "Conflicts with other sources") and whose
  ``ratingExplanation`` is the finding's message, arithmetic included (there is no
  numeric scale, so no ``ratingValue``);
- ``itemReviewed``: a ``Claim`` (its sentence, its outlet as author, its date) with
  an ``appearance``: a ``CreativeWork`` with the article's URL, title and date;
- ``author``: the ``Organization`` named by ``author`` in the configuration;
- ``datePublished``: the day of the run (``SOURCE_DATE_EPOCH`` when set, for
  reproducible output);
- ``url``: the draft's own URL, when it has one (the page that will carry the
  review); left out for other outlets' articles, whose pages are not the reviewer's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from typing import Any

from factcheck.model import DocumentInfo, Finding, Location, Report
from factcheck.report.facts import safe_href
from factcheck.report.sarif import sort_key
from factcheck.report.text import shown

CONTEXT = "https://schema.org"
#: Google shows claimReviewed on one line of a phone; it asks for under 75 characters
CLAIM_REVIEWED_LIMIT = 75
#: rules that speak about the audit rather than about a claim (FC001: an unused
#: suppression) get no ClaimReview
META_FAMILY = "FC0"

#: the textual verdict of each built-in rule (schema.org Rating.alternateName);
#: third-party rules read their name ("cross-source-conflict" → "Cross source
#: conflict")
VERDICTS: Mapping[str, str] = {
    "FC101": "Incorrect conversion",
    "FC102": "Incorrect unit conversion",
    "FC103": "Contradicts itself",
    "FC201": "Conflicts with other sources",
    "FC202": "Disagrees with other sources",
    "FC203": "Not found in the sources",
    "FC301": "Change does not add up",
    "FC302": "Share does not add up",
    "FC303": "Parts do not add up to the total",
    "FC304": "Percent confused with percentage points",
    "FC401": "Possible scale error",
}

JSONObject = dict[str, Any]


def verdict(finding: Finding) -> str:
    """The textual rating of a finding.

    >>> from factcheck.model import Span
    >>> at = Location(path="a.md", span=Span(0, 3), text="$38")
    >>> verdict(Finding(rule="FC101", name="conversion-mismatch", severity="error",
    ...                 message="m", location=at))
    'Incorrect conversion'
    >>> verdict(Finding(rule="XY123", name="stale-figure", severity="info",
    ...                 message="m", location=at))
    'Stale figure'
    """
    known = VERDICTS.get(finding.rule)
    if known:
        return known
    words = finding.name.replace("-", " ")
    return words[:1].upper() + words[1:]


def claim_reviewed(location: Location, limit: int = CLAIM_REVIEWED_LIMIT) -> str:
    """The claim in a few words: its sentence, or the stretch of it around the figure
    that fits in ``limit`` characters, cut at word boundaries.

    >>> from factcheck.model import Span
    >>> s = ("Alibaba Group chief executive Eddie Wu said the company will invest "
    ...      "over 380 billion yuan, equivalent to approximately $38 billion, over "
    ...      "the next three years.")
    >>> claim_reviewed(Location(path="a.md", span=Span(0, 11), text="$38 billion",
    ...                         sentence=s, sentence_offset=s.index("$38 billion")))
    '…yuan, equivalent to approximately $38 billion, over the next three years.'
    """
    sentence, start, text = location.sentence, location.sentence_offset, location.text
    if not sentence or sentence[start : start + len(text)] != text:
        return " ".join(text.split())
    whole = " ".join(sentence.split())
    if len(whole) <= limit:
        return whole
    if len(text) + 2 >= limit:
        return " ".join(text.split())
    sentence = sentence.replace("\r", " ").replace("\n", " ")
    end = start + len(text)
    room = limit - len(text) - 2  # two ellipses
    low = max(0, start - room // 2)
    high = min(len(sentence), end + room - (start - low))
    low = max(0, start - (room - (high - end)))  # room unused on the right
    if low > 0:  # start at a word: a cut word is left out
        cut = sentence.find(" ", low - 1, start)
        low = start if cut < 0 else cut + 1
    if high < len(sentence):
        cut = sentence.rfind(" ", end, high + 1)
        high = end if cut < 0 else cut
    piece = " ".join(sentence[low:high].split())
    return ("…" if low > 0 else "") + piece + ("…" if high < len(sentence) else "")


def _organization(name: str) -> JSONObject:
    return {"@type": "Organization", "name": name}


def _claim(finding: Finding, info: DocumentInfo | None) -> JSONObject:
    loc = finding.location
    start, text = loc.sentence_offset, loc.text
    has_sentence = loc.sentence[start : start + len(text)] == text and bool(text)
    claim: JSONObject = {
        "@type": "Claim",
        "text": " ".join((loc.sentence if has_sentence else text).split()),
    }
    if info is None:
        return claim
    if info.outlet:
        claim["author"] = _organization(info.outlet)
    if info.published:
        claim["datePublished"] = info.published.isoformat()
    appearance: JSONObject = {"@type": "CreativeWork"}
    href = safe_href(info.url)
    if href:
        appearance["url"] = href
    if info.title:
        appearance["headline"] = info.title
    if info.published:
        appearance["datePublished"] = info.published.isoformat()
    if info.outlet:
        appearance["publisher"] = _organization(info.outlet)
    if len(appearance) > 1:
        claim["appearance"] = appearance
    return claim


def claim_review(
    finding: Finding,
    info: DocumentInfo | None,
    *,
    author: str | None,
    today: dt.date,
) -> JSONObject:
    """One finding as a schema.org ClaimReview (without ``@context``)."""
    review: JSONObject = {
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed(finding.location),
        "itemReviewed": _claim(finding, info),
        "reviewRating": {
            "@type": "Rating",
            "alternateName": verdict(finding),
            "ratingExplanation": finding.message,
        },
        "datePublished": today.isoformat(),
    }
    if author:
        review["author"] = _organization(author)
    href = safe_href(info.url) if info is not None and info.draft else None
    if href:
        review["url"] = href
    return review


def reviewed(report: Report) -> list[Finding]:
    """The findings that get a ClaimReview: those shown, on a draft (every
    document's when none is a draft), about a claim; in reading order."""
    drafts = {d.path for d in report.documents if d.draft}
    return sorted(
        (
            f
            for f in shown(report)
            if not f.rule.startswith(META_FAMILY)
            and (not drafts or f.location.path in drafts)
        ),
        key=sort_key,
    )


def run_date() -> dt.date:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.datetime.now(tz=dt.timezone.utc).date()


def render_report(
    report: Report, *, author: str | None = None, today: dt.date | None = None
) -> str:
    """``audit --format claimreview``: a JSON-LD document of ClaimReviews.

    Args:
        report: what the audit found.
        author: the organization publishing the reviews (``author`` in the
            configuration); left out when None.
        today: the reviews' ``datePublished`` (default: :func:`run_date`).
    """
    day = today or run_date()
    documents = {d.path: d for d in report.documents}
    graph = [
        claim_review(f, documents.get(f.location.path), author=author, today=day)
        for f in reviewed(report)
    ]
    payload = {"@context": CONTEXT, "@graph": graph}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
