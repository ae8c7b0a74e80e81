"""The HTML report in headless Chromium: it renders with its styles, the number line
is drawn, the filters hide and show cards, and script payloads from articles stay
inert. Skipped where no ``chromium`` is installed (``.ci/run`` installs Debian's).

Set ``FACTCHECK_SCREENSHOT_DIR`` to keep the screenshots for a look.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from headless_chromium import Browser, chromium_path

from factcheck.model import DocumentInfo, Finding, Location, Report
from factcheck.report import html

_CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(_CHROMIUM is None, reason="no chromium installed")

#: the error badge's colour in report.css (--error: #c62828)
ERROR_RED = "rgb(198, 40, 40)"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One browser for the module, with a fresh profile."""
    assert _CHROMIUM is not None
    chromium = Browser(_CHROMIUM, tmp_path_factory.mktemp("profile"))
    yield chromium
    chromium.close()


def _page(tmp_path: Path, report: Report, name: str = "report.html") -> Path:
    path = tmp_path / name
    path.write_text(html.render_report(report), encoding="utf-8")
    return path


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _png_colours(png: bytes) -> set[tuple[int, ...]]:
    """The distinct pixel colours of an 8-bit RGB or RGBA, non-interlaced PNG."""
    width, _ = _png_size(png)
    depth, colour_type, _, _, interlace = png[24:29]
    assert (depth, interlace) == (8, 0)
    channels = {2: 3, 6: 4}[colour_type]
    data, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(data)
    stride = width * channels
    previous = bytearray(stride)
    colours: set[tuple[int, ...]] = set()
    for row in range(len(raw) // (stride + 1)):
        kind, line = (
            raw[row * (stride + 1)],
            bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)]),
        )
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + best) & 0xFF
        colours.update(tuple(line[i : i + 3]) for i in range(0, stride, channels * 7))
        previous = line
    return colours


def _keep(name: str, png: bytes) -> None:
    folder = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(png)


def test_the_page_renders_with_its_styles_and_script(
    browser: Browser, report: Report, tmp_path: Path
) -> None:
    browser.open(_page(tmp_path, report))
    # the inline CSS applied (the CSP let it through): the error badge is red
    badge = browser.evaluate(
        "getComputedStyle(document.querySelector('.badge.error')).backgroundColor"
    )
    assert badge == ERROR_RED
    # the inline script ran: the filters are shown and count the cards
    assert browser.evaluate("document.getElementById('filters').hidden") is False
    assert browser.evaluate("document.getElementById('shown').textContent") == (
        "showing 2 of 2 findings, 1 of 1 facts"
    )
    png = browser.screenshot(1000, 1100)
    _keep("report.png", png)
    assert _png_size(png) == (1000, 1100)
    colours = _png_colours(png)
    assert (198, 40, 40) in colours  # the badge, and the flagged bar of the line
    assert len(colours) > 20  # text, marks, bars: not a blank page


def test_the_screenshot_check_tells_a_blank_page_apart(
    browser: Browser, tmp_path: Path
) -> None:
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    browser.open(blank)
    colours = _png_colours(browser.screenshot(400, 300))
    assert colours == {(255, 255, 255)}


def test_the_number_line_is_drawn(
    browser: Browser, report: Report, tmp_path: Path
) -> None:
    browser.open(_page(tmp_path, report))
    box = browser.evaluate(
        "(() => { const r = document.querySelector('svg.line').getBoundingClientRect();"
        " return [r.width, r.height]; })()"
    )
    width, height = box
    assert width > 300
    assert height > 40
    bars = browser.evaluate(
        "[...document.querySelectorAll('svg.line path.b:not(.t)')]"
        ".map(p => Math.round(p.getBBox().width))"
    )
    assert len(bars) == 4
    assert all(w > 0 for w in bars)
    band = browser.evaluate("document.querySelector('svg.line path.a').getBBox().width")
    assert band > 0


def _many(make_location: Callable[..., Location]) -> Report:
    """Six findings on four claims, in two outlets, of three rules and two levels."""

    def finding(rule: str, severity: str, path: str, line: int) -> Finding:
        return Finding(
            rule=rule,
            name=rule.lower(),
            severity=severity,  # type: ignore[arg-type]
            message=f"{rule} at {path}:{line}",
            location=make_location(path, line, 5, f"${line} billion"),
        )

    findings = (
        finding("FC101", "error", "a.md", 1),
        finding("FC401", "info", "a.md", 1),
        finding("FC201", "error", "a.md", 2),
        finding("FC304", "warning", "b.md", 3),
        finding("FC201", "error", "b.md", 4),
        finding("FC401", "info", "b.md", 4),
    )
    documents = (
        DocumentInfo(path="a.md", outlet="Morning Ledger"),
        DocumentInfo(path="b.md", outlet="Coastal Times"),
    )
    return Report(findings=findings, documents=documents)


def _visible(browser: Browser) -> tuple[list[str], list[str], list[str], str]:
    cards = browser.evaluate(
        "[...document.querySelectorAll('.fact .finding')].filter(c => !c.hidden)"
        ".map(c => c.id)"
    )
    facts = browser.evaluate(
        "[...document.querySelectorAll('.fact')].filter(f => !f.hidden).map(f => f.id)"
    )
    rows = browser.evaluate(
        "[...document.querySelectorAll('.index tr')].filter(r => !r.hidden)"
        ".map(r => r.id)"
    )
    shown = browser.evaluate("document.getElementById('shown').textContent")
    return cards, facts, rows, shown


def _choose(browser: Browser, name: str, value: str) -> None:
    """Pick ``value`` in the filter ``name`` as a reader would (a change event)."""
    browser.evaluate(
        "(() => { const s = document.querySelector("
        + json.dumps(f"#filters [name={name}]")
        + "); s.value = "
        + json.dumps(value)
        + "; s.dispatchEvent(new Event('change', {bubbles: true})); })()"
    )


def test_filters_hide_and_show_cards(
    browser: Browser, tmp_path: Path, make_location: Callable[..., Location]
) -> None:
    browser.open(_page(tmp_path, _many(make_location)))
    cards, facts, rows, shown = _visible(browser)
    assert len(cards) == 6
    assert facts == ["fact-1", "fact-2", "fact-3", "fact-4"]
    assert shown == "showing 6 of 6 findings, 4 of 4 facts"

    _choose(browser, "rule", "FC201")
    cards, facts, rows, shown = _visible(browser)
    assert cards == ["fact-2-1", "fact-4-1"]
    assert facts == ["fact-2", "fact-4"]  # a fact with no card left is hidden
    assert rows == ["index-fact-2", "index-fact-4"]
    assert shown == "showing 2 of 6 findings, 2 of 4 facts"

    _choose(browser, "outlet", "Coastal Times")  # filters combine
    assert _visible(browser)[0] == ["fact-4-1"]

    _choose(browser, "rule", "")
    _choose(browser, "outlet", "")
    _choose(browser, "severity", "info")
    assert _visible(browser)[0] == ["fact-1-2", "fact-4-2"]

    browser.evaluate("document.getElementById('filters').reset()")
    browser.evaluate("new Promise(r => setTimeout(r, 50))")
    assert len(_visible(browser)[0]) == 6


def test_rule_links_open_the_rules_documentation(
    browser: Browser, report: Report, tmp_path: Path
) -> None:
    browser.open(_page(tmp_path, report))
    assert browser.evaluate("document.getElementById('rule-FC101').open") is False
    browser.evaluate(
        "document.querySelector('.finding a[href=\"#rule-FC101\"]').click()"
    )
    browser.evaluate("new Promise(r => setTimeout(r, 50))")
    assert browser.evaluate("document.getElementById('rule-FC101').open") is True


#: payloads that would run, or show a dialog, if any reached the page as markup
PAYLOADS = (
    "<script>window.__pwned = 1; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned = 1; alert('img')\">",
    '"><svg onload="window.__pwned = 1; alert(\'svg\')">',
    "</textarea></title><script>alert('close')</script>",
    "{{ 7 * 7 }}<!--",
)


def _hostile(make_location: Callable[..., Location]) -> Report:
    payload = " ".join(PAYLOADS)
    sentence = f"The fund {payload} is worth $38 billion."
    claim = make_location(f"drafts/{PAYLOADS[1]}.md", 2, 5, "$38 billion", sentence)
    other = make_location(
        "sources/wire.md", 3, 1, PAYLOADS[2], f"It said {PAYLOADS[2]} today."
    )
    finding = Finding(
        rule="FC201",
        name=f"cross-source-conflict{PAYLOADS[0]}",
        severity="error",
        message=f"miss by 19.6% {payload}",
        location=claim,
        related=(other,),
        details={PAYLOADS[1]: PAYLOADS[0]},
        evidence=(payload,),
    )
    documents = (
        DocumentInfo(
            path=claim.path,
            title=PAYLOADS[0],
            outlet=PAYLOADS[2],
            url="javascript:window.__pwned=1;alert('url')",
            published=dt.date(2025, 2, 24),
        ),
        DocumentInfo(
            path="sources/wire.md",
            title=PAYLOADS[3],
            outlet=PAYLOADS[1],
            url=f"https://wire.example/{PAYLOADS[1]}",
        ),
    )
    return Report(findings=(finding,), documents=documents)


def test_script_payloads_in_titles_outlets_urls_and_text_stay_inert(
    browser: Browser, tmp_path: Path, make_location: Callable[..., Location]
) -> None:
    browser.open(_page(tmp_path, _hostile(make_location)))
    # filter by every value, so the script touches every payload it can
    for name in ("outlet", "rule", "severity"):
        values = browser.evaluate(
            f"[...document.querySelectorAll('#filters [name={name}] option')]"
            ".map(o => o.value)"
        )
        for value in values:
            _choose(browser, name, value)
    # follow every link inside the page (rule help, facts, articles)
    browser.evaluate(
        "[...document.links].filter(a => a.getAttribute('href').startsWith('#'))"
        ".forEach(a => a.click())"
    )
    links = browser.evaluate("[...document.links].map(a => a.getAttribute('href'))")
    assert browser.dialogs() == []
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.scripts.length") == 1
    assert (
        browser.evaluate(
            "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on')).length"
        )
        == 0
    )
    assert (
        browser.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    )
    assert all(link.startswith(("#", "https://wire.example/")) for link in links), links
    text = browser.evaluate("document.body.textContent")
    for payload in PAYLOADS:
        assert payload in text  # shown as text, every character of it


def test_the_payloads_would_fire_if_they_reached_the_page_as_markup(
    browser: Browser, tmp_path: Path
) -> None:
    """The control for the test above: the same payloads, pasted into a page
    without escaping or a CSP, do run and open dialogs."""
    bare = tmp_path / "bare.html"
    bare.write_text(
        "<!DOCTYPE html><title>bare</title><p>" + " ".join(PAYLOADS) + "</p>",
        encoding="utf-8",
    )
    browser.open(bare)
    dialogs = browser.dialogs()
    assert dialogs
    assert browser.evaluate("typeof window.__pwned") == "number"


def test_a_clean_report_renders_without_filters(
    browser: Browser, tmp_path: Path
) -> None:
    browser.open(_page(tmp_path, attrs.evolve(Report())))
    assert browser.evaluate("document.getElementById('filters')") is None
    assert "No findings." in browser.evaluate("document.body.textContent")
    assert browser.dialogs() == []
