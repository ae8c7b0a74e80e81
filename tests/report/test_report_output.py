"""Safe output: ``-o`` and ``--write-baseline`` write regular files only, atomically,
following symlinks and keeping permissions; ``-`` is standard output."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import regex

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.report.output import write_atomic

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "alibaba"


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_is_followed_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.txt"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "report.txt"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "report.txt"
    link.symlink_to(tmp_path / "made.txt")
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert (tmp_path / "made.txt").read_text(encoding="utf-8") == "new\n"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        write_atomic(folder, "x")
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        write_atomic(fifo, "x")  # opening it would block: this returns at once
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def _device(tmp_path: Path) -> Path:
    """A character device to aim at. As root, a null device made in ``tmp_path``, so
    that a regression replaces that node, never the machine's ``/dev/null``; else
    ``/dev/null`` itself, which a user cannot rename over."""
    if os.geteuid() == 0:
        node = tmp_path / "null"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return node
    return Path("/dev/null")


@pytest.mark.skipif(
    not hasattr(os, "mknod") or not Path("/dev/null").exists(),
    reason="no character devices here",
)
def test_a_device_is_refused_and_left_alone(tmp_path: Path) -> None:
    device = _device(tmp_path)
    with pytest.raises(InputError, match="character device"):
        write_atomic(device, "x")
    assert stat.S_ISCHR(device.stat().st_mode)
    link = tmp_path / "link"
    link.symlink_to(device)
    with pytest.raises(
        InputError, match=f"symlink leads to {regex.escape(str(device))}"
    ):
        write_atomic(link, "x")
    assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.parametrize("flag", ["-o", "--write-baseline"])
def test_the_cli_refuses_a_directory_before_auditing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code = main(["audit", str(FIXTURES), flag, str(folder), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert f"{folder}: is a directory" in err
    assert "Traceback" not in err


def test_dash_writes_to_standard_output(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["audit", str(FIXTURES), "--format", "json", "-o", "-"])
    assert code == 1
    assert capsys.readouterr().out.startswith("{")
    assert not (tmp_path / "-").exists()
    assert main(["extract", str(FIXTURES), "-o", "-"]) == 0
    assert "380 billion yuan" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()
