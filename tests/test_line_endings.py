"""CRLF (Windows) and CR (old Mac) line endings: blank lines are paragraph breaks,
lines are counted, no raw carriage return reaches a quoted sentence, and spans still
index the original text (the text keeps its line endings; the prose reads them as
line feeds, character for character)."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck
from factcheck.cli import main
from factcheck.extractor import extract_document
from factcheck.load import load_text
from factcheck.markup import html_prose, markdown_prose, plain_prose

ENDINGS = {"crlf": "\r\n", "cr": "\r", "lf": "\n"}

#: a first paragraph without a full stop (a heading-like line), then a second
_BODY = (
    "+++{n}published = 2025-02-24{n}+++{n}"
    "The group will spend 380 billion yuan ($38 billion) on data centres{n}{n}"
    "Shares rose 3.1% on the news.{n}"
)


def _text(ending: str) -> str:
    return _BODY.format(n=ending)


@pytest.mark.parametrize("ending", ENDINGS.values(), ids=ENDINGS.keys())
@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_blank_lines_are_paragraph_breaks_in_every_ending(
    ending: str, fmt: str
) -> None:
    text = _text(ending)
    if fmt == "html":
        text = text.replace("The group", "<p>The group").replace("Shares", "<p>Shares")
    document = load_text(text, path=f"a.{fmt}", format=fmt)  # type: ignore[arg-type]
    claims = extract_document(document).claims
    by_text = {c.text: c for c in claims}
    assert set(by_text) == {"380 billion yuan", "$38 billion", "3.1%"}
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.text
        assert "\r" not in claim.sentence_text
    assert "Shares" not in by_text["$38 billion"].sentence_text
    assert by_text["3.1%"].sentence_text.strip() == "Shares rose 3.1% on the news."
    assert (by_text["$38 billion"].span.line, by_text["3.1%"].span.line) == (4, 6)
    assert by_text["3.1%"].span.column == (16 if fmt == "html" else 13)  # "<p>"


@pytest.mark.parametrize("mask", [plain_prose, markdown_prose])
def test_the_prose_reads_line_endings_as_line_feeds_of_the_same_length(
    mask: object,
) -> None:
    text = "a 5%\r\n\r\nb 6%\rc 7%\n"
    prose = mask(text)  # type: ignore[operator]
    assert len(prose) == len(text)
    assert "\r" not in prose
    assert prose.index("b") == text.index("b")
    assert html_prose("<p>a\r\nb</p>")[0] == "   a \nb    "


def test_library_extract_reads_crlf_text_the_same_way() -> None:
    claims = factcheck.extract("Costs rose 5%\r\n\r\nProfit fell 2% in March.\r\n")
    assert [c.span.line for c in claims] == [1, 3]
    assert all("\r" not in c.sentence_text for c in claims)
    assert "Profit" not in claims[0].sentence_text


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_no_raw_carriage_return_in_the_text_report(
    ending: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crlf.md").write_bytes(_text(ending).encode())
    assert main(["audit", "crlf.md", "--no-progress"]) == 1
    out = capsys.readouterr().out
    assert "\r" not in out
    assert "crlf.md:4:40: FC101" in out
    assert (
        "  > The group will spend 380 billion yuan ($38 billion) on data centres\n"
        in (out)
    )


def test_control_characters_in_a_quoted_sentence_are_not_sent_to_the_terminal(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "+++\npublished = 2025-02-24\n+++\n"
        "The group \x1b[2J will spend 380 billion yuan ($38 billion) on data.\n",
        encoding="utf-8",
    )
    main(["audit", "a.md", "--no-progress"])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "  > The group  [2J will spend" in out


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_an_ignore_comment_covers_one_paragraph_in_every_ending(
    ending: str, tmp_path: Path
) -> None:
    n = ending
    text = (
        f"+++{n}published = 2025-02-24{n}+++{n}"
        f"<!-- factcheck: ignore FC101 FC401 -->{n}"
        f"The group will spend 380 billion yuan ($38 billion) on data centres.{n}{n}"
        f"A rival will spend 190 billion yuan ($19 billion) on chips.{n}"
    )
    path = tmp_path / "a.md"
    path.write_bytes(text.encode())
    report = factcheck.audit([path])
    fc101 = [f for f in report.findings if f.rule == "FC101"]
    assert [(f.location.text, f.suppressed_by is not None) for f in fc101] == [
        ("$38 billion", True),
        ("$19 billion", False),
    ]
    assert not [f for f in report.findings if f.rule == "FC001"]
    assert [f.location.span.line for f in fc101] == [5, 7]
