"""Writing results: to stdout, or to a regular file replaced atomically.

:func:`write_atomic` writes a temporary file beside the target and renames it over
the target, so readers see the old file or the new one, never half of one. It writes
regular files only: a symlink is followed to the file it names (the link stays a
link); a directory, a device (``/dev/null``, a terminal), a FIFO or a socket is
refused with an :class:`~factcheck.errors.InputError` naming it, since renaming over
one would replace it with a regular file (as root, ``-o /dev/null`` would break the
machine). An existing file keeps its permission bits (and, where allowed, its owner).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from factcheck.errors import InputError

#: what a file type is called in messages
_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
}


def _refuse(path: str, reason: str) -> InputError:
    return InputError(f"{path}: {reason}", path=path, reason=reason)


def _target(path: str) -> tuple[Path, os.stat_result | None]:
    """The regular file to replace (symlinks followed) and its status, if it exists.

    Raises:
        InputError: the path (or what a symlink names) is not a regular file.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        return target, None
    except OSError as exc:
        raise _refuse(path, f"cannot write here ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        link = f" (the symlink leads to {target})" if Path(path).is_symlink() else ""
        reason = (
            f"is {kind}{link}: factcheck writes reports to regular files only "
            "(use - for standard output)"
        )
        raise _refuse(path, reason)
    return target, info


def check_target(path: str | os.PathLike[str]) -> None:
    """Refuse an output path that :func:`write_atomic` would refuse, before the work.

    Raises:
        InputError: as :func:`write_atomic`.
    """
    _target(os.fspath(path))


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to the regular file ``path``, atomically.

    Raises:
        InputError: ``path`` is a directory, device, FIFO or socket (a symlink is
            followed to its target first).
        OSError: the folder cannot be written.
    """
    name = os.fspath(path)
    target, existing = _target(name)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            Path(tmp).chmod(stat.S_IMODE(existing.st_mode))
            with contextlib.suppress(OSError, AttributeError):
                os.chown(tmp, existing.st_uid, existing.st_gid)
        else:
            # mkstemp creates the file 0600; give it the mode a plain open() would
            umask = os.umask(0)
            os.umask(umask)
            Path(tmp).chmod(0o666 & ~umask)
        Path(tmp).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
