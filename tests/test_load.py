"""Loading articles: front matter, HTML metadata, read errors, folders, fixtures."""

from __future__ import annotations

import datetime as dt
import importlib
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from prose_checks import assert_prose_indexes_text, offset_in_prose, words

from factcheck.errors import InputError
from factcheck.load import load_document, load_paths, load_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


# ------------------------------------------------------------------ front matter


def test_toml_front_matter_sets_title_outlet_url_published() -> None:
    doc = load_text(
        '+++\ntitle = "Pledge"\noutlet = "Harbour Daily"\n'
        'url = "https://example.com/a"\npublished = 2025-02-25\n+++\nBody 13%.\n',
        path="a.md",
    )
    assert (doc.title, doc.outlet, doc.url) == (
        "Pledge",
        "Harbour Daily",
        "https://example.com/a",
    )
    assert doc.published == dt.date(2025, 2, 25)
    assert doc.format == "md"


def test_toml_datetime_published_keeps_its_date() -> None:
    doc = load_text("+++\npublished = 2025-02-24T23:30:00+08:00\n+++\nx\n", path="a.md")
    assert doc.published == dt.date(2025, 2, 24)


def test_key_value_front_matter_reads_quotes_and_iso_date() -> None:
    doc = load_text(
        "---\ntitle: 'It''s up'\noutlet: \"East \\\"Wire\\\"\"\n"
        'url: https://example.com/x#frag  # a comment\npublished: "2025-02-24"\n---\nx\n',
        path="a.md",
    )
    assert doc.title == "It's up"
    assert doc.outlet == 'East "Wire"'
    assert doc.url == "https://example.com/x#frag"
    assert doc.published == dt.date(2025, 2, 24)


def test_key_value_published_datetime_string_keeps_its_date() -> None:
    doc = load_text("---\npublished: 2025-02-24T10:00:00Z\n---\nx\n", path="a.txt")
    assert doc.published == dt.date(2025, 2, 24)


@pytest.mark.parametrize(
    "sources",
    [
        "sources: [a.md, 'sub/b.md', \"../c d.md\"]\n",
        "sources:\n  - a.md\n  - 'sub/b.md'\n  - \"../c d.md\"\n",
        "sources:\n- a.md\n- sub/b.md\n- ../c d.md\n",
    ],
)
def test_sources_list_in_either_style_kept_as_written(sources: str) -> None:
    doc = load_text(f"---\ntitle: T\n{sources}---\nx\n", path="dir/a.md")
    assert doc.sources == ("a.md", "sub/b.md", "../c d.md")


def test_toml_sources_kept_as_written() -> None:
    doc = load_text('+++\nsources = ["../other/b.md", "c.txt"]\n+++\nx\n', path="a.md")
    assert doc.sources == ("../other/b.md", "c.txt")


def test_date_key_read_when_published_missing() -> None:
    doc = load_text("+++\ndate = 2024-03-05\n+++\nx\n", path="a.md")
    assert doc.published == dt.date(2024, 3, 5)


def test_folded_key_value_continues_the_title() -> None:
    doc = load_text("---\ntitle: A long\n  title\n---\nx\n", path="a.md")
    assert doc.title == "A long title"


def test_front_matter_read_in_txt_files() -> None:
    doc = load_text("+++\npublished = 2025-02-24\n+++\nRose 13%.\n", path="a.txt")
    assert doc.format == "txt"
    assert doc.published == dt.date(2025, 2, 24)
    assert words(doc) == "Rose 13%."


@pytest.mark.parametrize("path", ["a.md", "a.txt", "a.html"])
def test_front_matter_blanked_with_line_breaks_kept(path: str) -> None:
    text = "+++\r\ntitle = 'T 5'\r\npublished = 2025-02-24\r\n+++\r\nRose 13%.\r\n"
    doc = load_text(text, path=path)
    assert_prose_indexes_text(doc.text, doc.prose)
    assert doc.prose.startswith("    \n              \n")  # CRLF reads as " \n"
    assert offset_in_prose(doc, "13%") == text.index("13%")


def test_leading_thematic_break_is_not_front_matter() -> None:
    doc = load_text("---\n\nRose 13%.\n\n---\nmore\n", path="a.md")
    assert doc.title is None
    assert words(doc) == "Rose 13%. more"


def test_unparsable_toml_is_input_error_naming_file_and_line() -> None:
    with pytest.raises(InputError) as caught:
        load_text('+++\ntitle = "T"\ntitle x\n+++\nx\n', path="news/a.md")
    assert caught.value.path == "news/a.md"
    assert str(caught.value).startswith("news/a.md: front matter is not valid TOML")
    assert "at line 3" in str(caught.value)  # the file's line, not the block's


@pytest.mark.parametrize(
    "front",
    [
        "+++\npublished = '24/02/2025'\n+++\n",
        "+++\npublished = 20250224\n+++\n",
        "+++\npublished = 12:00:00\n+++\n",
        "---\npublished: 2025-02-30\n---\n",
        "---\npublished: yesterday\n---\n",
    ],
)
def test_published_that_is_not_a_date_is_input_error(front: str) -> None:
    with pytest.raises(InputError, match=r"^a\.md: published .* is not a date"):
        load_text(front + "x\n", path="a.md")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "+++\ntitle = 'T'\nx\n",
            "front matter opened with +++ on line 1 is never closed",
        ),
        (
            "---\ntitle: T\nBody\n",
            "front matter opened with --- on line 1 is never closed",
        ),
        (
            "---\ntitle: T\njunk line\n---\n",
            "front matter line 3: expected `key: value`",
        ),
        ("---\ntitle: 'T\n---\n", "front matter line 2: unclosed ' quote"),
        ("+++\ntitle = ['a']\n+++\n", "front matter title must be text, got list"),
        (
            "+++\nsources = [1, 2]\n+++\n",
            "front matter sources must be a list of paths",
        ),
    ],
)
def test_bad_front_matter_is_input_error_with_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        load_text(text, path="b.md")
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith(f"b.md: {reason}")


def test_unknown_format_is_input_error() -> None:
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        load_text("x", path="a.md", format="pdf")  # type: ignore[arg-type]


def test_format_follows_suffix_and_sniffs_unknown_ones() -> None:
    assert load_text("x", path="a.markdown").format == "md"
    assert load_text("x", path="a.HTM").format == "html"
    assert load_text("x", path="notes").format == "txt"
    assert load_text("<!DOCTYPE html><p>x</p>", path="page.php").format == "html"
    assert load_text("x", path="a.md", format="txt").format == "txt"


# ------------------------------------------------------------ HTML metadata


HEAD = """\
<html><head>
<title>Page title 1 &amp; more</title>
<meta property="og:site_name" content="Example &amp; Co">
<meta property="article:published_time" content="2025-02-24T09:30:00+08:00">
<link rel="canonical" href="https://example.com/a/1">
</head><body><p>Up 13%.</p></body></html>
"""


def test_html_metadata_fills_title_outlet_url_published() -> None:
    doc = load_text(HEAD, path="a.html")
    assert doc.title == "Page title 1 & more"
    assert doc.outlet == "Example & Co"
    assert doc.url == "https://example.com/a/1"
    assert doc.published == dt.date(2025, 2, 24)


def test_html_og_title_preferred_and_bad_meta_date_ignored() -> None:
    text = (
        '<head><title>T | Site</title><meta property="og:title" content="T">'
        '<meta name="date" content="Feb 24, 2025"><meta property="og:url" content="u"></head>x'
    )
    doc = load_text(text, path="a.html")
    assert (doc.title, doc.url, doc.published) == ("T", "u", None)


def test_html_front_matter_wins_over_meta() -> None:
    text = '+++\ntitle = "Front"\n+++\n<head><meta property="og:title" content="Meta"></head>x'
    assert load_text(text, path="a.html").title == "Front"


# ----------------------------------------------------------------- files, errors


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def test_load_document_reads_file_and_reports_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news" / "a.md", "+++\npublished = 2025-02-24\n+++\nUp 13%.\n")
    doc = load_document("news/a.md")
    assert doc.path == "news/a.md"
    assert doc.published == dt.date(2025, 2, 24)
    assert words(doc) == "Up 13%."


def test_utf8_bom_dropped_and_offsets_count_from_after_it(tmp_path: Path) -> None:
    file = write(tmp_path / "a.md", b"\xef\xbb\xbf---\ntitle: T\n---\nUp 13%.\n")
    doc = load_document(file)
    assert doc.text.startswith("---")
    assert doc.title == "T"
    assert doc.text.index("13%") == offset_in_prose(doc, "13%")


def test_load_text_blanks_a_leading_bom_it_is_given() -> None:
    doc = load_text("\ufeffUp 13%.", path="a.txt")
    assert doc.text.startswith("\ufeff")
    assert doc.prose == " Up 13%."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"abc\x00def", "binary file (NUL byte at offset 3)"),
        (b"Price 12 \xff\n", "not UTF-8 text (invalid byte 0xff at offset 9, line 1)"),
        (
            b"line one\nna\xefve\n",
            "not UTF-8 text (invalid byte 0xef at offset 11, line 2)",
        ),
        ("Up 13%".encode("utf-16"), "not UTF-8 text (it is UTF-16"),
    ],
)
def test_unreadable_content_is_input_error_naming_file(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    file = write(tmp_path / "x.md", data)
    with pytest.raises(InputError) as caught:
        load_document(file)
    assert caught.value.path == str(file)
    assert caught.value.reason.startswith(reason)
    assert str(caught.value).startswith(f"{file}: {reason}")


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    with pytest.raises(InputError, match=r"nope\.md: no such file$"):
        load_document(missing)


def test_folder_given_to_load_document_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        load_document(tmp_path)


def test_permission_denied_is_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = write(tmp_path / "locked.md", "x")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked\.md: permission denied$"):
        load_document(file)


def test_file_over_the_size_limit_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = write(tmp_path / "big.txt", "x" * 2048)
    # the module, not the function `factcheck.load` of the same name
    load_module = importlib.import_module("factcheck.load")
    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 1024)
    with pytest.raises(InputError, match="too large"):
        load_document(file)


def test_large_file_loads(tmp_path: Path) -> None:
    line = "Alibaba will spend 380 billion yuan, see https://example.com/1.\n"
    file = write(tmp_path / "big.txt", line * (3_000_000 // len(line)))
    doc = load_document(file)
    assert len(doc.prose) == len(doc.text)
    assert "example.com" not in doc.prose


def test_input_errors_pickle(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_document(tmp_path / "nope.md")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.path, again.reason, str(again)) == (
        caught.value.path,
        caught.value.reason,
        str(caught.value),
    )


# ------------------------------------------------------------------- load_paths


def test_folder_read_recursively_sorted_document_suffixes_only(tmp_path: Path) -> None:
    for name in [
        "b.md",
        "a.txt",
        "sub/c.html",
        "sub/d.htm",
        "sub/e.markdown",
        "skip.json",
        ".hidden.md",
        ".git/x.md",
    ]:
        write(tmp_path / name, f"Text of {name}.")
    documents, problems = load_paths([tmp_path])
    names = [Path(d.path).relative_to(tmp_path).as_posix() for d in documents]
    assert names == ["a.txt", "b.md", "sub/c.html", "sub/d.htm", "sub/e.markdown"]
    assert problems == []


def test_file_named_explicitly_read_whatever_its_suffix(tmp_path: Path) -> None:
    file = write(tmp_path / "notes.log", "Up 13%.")
    documents, problems = load_paths([file])
    assert [d.path for d in documents] == [str(file)]
    assert documents[0].format == "txt"
    assert problems == []


def test_load_paths_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    write(tmp_path / "1-good.md", "Up 13%.")
    write(tmp_path / "2-binary.md", b"\x00\x01")
    write(tmp_path / "3-empty.md", "")
    write(tmp_path / "4-good.txt", "Down 2%.")
    missing = tmp_path / "missing.md"
    documents, problems = load_paths([tmp_path, missing])
    assert [Path(d.path).name for d in documents] == ["1-good.md", "4-good.txt"]
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("2-binary.md", "binary file (NUL byte at offset 0)"),
        ("3-empty.md", "empty file"),
        ("missing.md", "no such file"),
    ]


def test_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    file = write(tmp_path / "a.md", "Up 13%.")
    documents, _ = load_paths([tmp_path, file])
    assert len(documents) == 1


def test_empty_path_is_a_problem_not_the_current_folder() -> None:
    documents, problems = load_paths([""])
    assert documents == []
    assert [p.message for p in problems] == ["an empty path was given"]


# --------------------------------------------------------------------- fixtures


def test_alibaba_fixtures_load_with_their_dates() -> None:
    documents, problems = load_paths([FIXTURES / "alibaba"])
    assert problems == []
    dates = {Path(d.path).name: (d.outlet, d.published) for d in documents}
    assert dates == {
        "east-wire.md": ("East Wire", dt.date(2025, 2, 24)),
        "harbour-daily.md": ("Harbour Daily", dt.date(2025, 2, 25)),
        "tech-ledger.txt": ("Tech Ledger", dt.date(2025, 2, 24)),
    }
    prose = " ".join(words(d) for d in documents)
    for figure in ["(US$52.4 billion)", "$53 billion", "approximately $38 billion"]:
        assert figure in prose


def test_minimax_fixtures_load_without_problems() -> None:
    documents, problems = load_paths([FIXTURES / "minimax"])
    assert problems == []
    assert len(documents) == 3
    assert all(d.published and d.published.year == 2024 for d in documents)


@pytest.mark.parametrize("name", ["cloud-quarter.md", "cloud-quarter.html"])
def test_clean_fixture_figures_outside_prose_stay_hidden(name: str) -> None:
    doc = load_document(FIXTURES / "clean" / name)
    assert_prose_indexes_text(doc.text, doc.prose)
    assert "13%" in doc.prose
    assert "31.7 billion yuan" in " ".join(doc.prose.split())
    for hidden in [
        "29.9",
        "27.4",
        "35_600",
        "40 billion",
        "99",
        "22-percent",
        "55 billion",
        "300x250",
        "70 billion",
    ]:
        assert hidden not in doc.prose, hidden
    assert doc.published == dt.date(2025, 2, 21)
    assert doc.outlet == "Fixture Gazette"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary.md", "binary file (NUL byte at offset 8)"),
        ("latin1.md", "not UTF-8 text (invalid byte 0xe9"),
        ("empty.md", "empty file"),
        ("bad-toml.md", "front matter is not valid TOML"),
        ("bad-date.md", "published '24/02/2025' is not a date"),
    ],
)
def test_bad_fixtures_are_as_documented(name: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        load_document(FIXTURES / "bad" / name)
    assert caught.value.reason.startswith(reason)


# ------------------------------------------------------------------------ import


def test_importing_load_does_not_import_markdown_it() -> None:
    code = "import sys, factcheck.load; print('markdown_it' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
