"""Writing outputs so that nobody ever opens half a file: write beside it, then rename."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook


class OutputError(ValueError):
    """The output cannot be written where it was asked for (the CLI exits 2)."""


@contextmanager
def atomic_write(target: Path, binary: bool = False) -> Iterator[Any]:
    """A stream to write `target` through; the file appears whole, or not at all. A target
    that is no regular file (/dev/null, a named pipe, a terminal) is written straight into:
    renaming a file over it would replace the device itself (run as root, `-o /dev/null`
    made /dev/null a regular file for every program of the machine)."""
    special = _special_file(target)
    if special is not None:
        if special == "directory":
            raise OutputError(f"{target}: is a folder, not a file")
        if binary:
            with open(target, "wb") as raw:
                yield raw
        else:
            with open(target, "w", encoding="utf-8", newline="\n") as text:
                yield text
        return
    directory = target.resolve().parent
    if not directory.is_dir():
        raise OutputError(f"{target}: the folder {directory} does not exist")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    except OSError as exc:  # named for the folder, not for the hidden temporary file
        raise OutputError(
            f"{target}: cannot write in the folder {directory} ({exc.strerror or exc})"
        ) from None
    try:
        if binary:
            with os.fdopen(fd, "wb") as stream:
                yield stream
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                yield stream
        # mkstemp makes the file private (0600); reports and workbooks are meant to be shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _special_file(target: Path) -> str | None:
    """ "directory", "special" (a device, a pipe, a socket), or None for a regular file or a
    path that does not exist yet."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return "directory"
    return None if stat.S_ISREG(mode) else "special"


def save_workbook(book: Workbook, target: Path) -> None:
    """An openpyxl workbook, written atomically. What openpyxl's Workbook.save does, with
    the zip archive in our hands: when writing fails (a full disk), the archive must not try
    again to write its directory when it is garbage-collected (a traceback from
    ZipFile.__del__ on standard error)."""
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    if book.write_only and not book.worksheets:
        book.create_sheet()
    book.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    with atomic_write(target, binary=True) as stream:
        archive = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(book, archive).save()
        except BaseException:
            archive.fp = None  # nothing more to write: the temporary file is removed
            raise
