"""Writing outputs so that nobody ever opens half a file: write beside it, then rename."""

from __future__ import annotations

import os
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
    """A stream to write `target` through; the file appears whole, or not at all."""
    directory = target.resolve().parent
    if not directory.is_dir():
        raise OutputError(f"{target}: the folder {directory} does not exist")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
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


def save_workbook(book: Workbook, target: Path) -> None:
    """An openpyxl workbook, written atomically."""
    with atomic_write(target, binary=True) as stream:
        book.save(stream)
