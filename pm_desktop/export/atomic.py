"""Writing an export file so that it is either complete or not there at all.

A crash, a full disk or a cancelled export never leaves half a file, and a file already at
the destination is kept until the new one is complete.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pm_desktop.core.errors import ExportError


def check_destination(out: Path) -> None:
    """Raise ExportError when ``out`` cannot be a file to write (a folder, a missing folder)."""
    if out.is_dir():
        raise ExportError(out, "it is a folder; choose a file name")
    folder = out.parent
    if not folder.exists():
        raise ExportError(out, f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(out, f"{folder} is not a folder")


def os_reason(error: OSError) -> str:
    """Why an OSError happened, in plain words."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return (
            "permission denied (the folder may be read-only, or the file open in another program)"
        )
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    return error.strerror or str(error)


@contextlib.contextmanager
def atomic_output(out: Path, suffix: str) -> Iterator[IO[bytes]]:
    """A binary stream on a temporary file next to ``out``, renamed over it on success.

    Raises ExportError for an OSError (the reason in plain words); on any error (cancelling
    included) the temporary file is removed and a file already at ``out`` is kept.
    """
    out = Path(out)
    check_destination(out)
    try:
        descriptor, temp_name = tempfile.mkstemp(
            prefix=f".{out.stem[:40]}-", suffix=f"{suffix}.part", dir=out.parent
        )
    except OSError as error:
        raise ExportError(out, os_reason(error)) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _file_mode(out))
        os.replace(temp, out)
        _sync_folder(out.parent)
    except OSError as error:
        _remove(temp)
        raise ExportError(out, os_reason(error)) from error
    except BaseException:
        _remove(temp)
        raise


def _file_mode(out: Path) -> int:
    """Keep the mode of the file being replaced; a new file gets rw-r--r--."""
    try:
        return out.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; best effort: the file is complete already)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
