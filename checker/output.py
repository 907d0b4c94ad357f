"""Where a command's output goes: standard output, or a file written atomically; and what
a command must never write over. Failures are OutputError, one line for the person (the
command exits 2); a failure of the machine (disk full, read-only folder) is worded as such.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TextIO

from checker.files import OutputError, atomic_write

__all__ = ["CommandError", "OutputError", "atomic_write", "environment_error", "refuse_overwriting_inputs",
           "use_color", "write_text"]  # fmt: skip


class CommandError(ValueError):
    """A run that cannot be made as asked (checker.run, checker.report.run): one line for
    the person, exit 2."""


def refuse_overwriting_inputs(
    outputs: Iterable[Path | None], inputs: Iterable[Path | None],
    rosters: Iterable[Path] = (),
) -> None:  # fmt: skip
    """No command ever writes over one of its inputs (the rosters, --profile, --regions):
    same resolved path or same file (inode), whatever the spelling or link."""
    inputs = list(inputs)
    for output in outputs:
        if output is None:
            continue
        try:
            written = output.stat()
        except OSError:
            continue  # not there yet: not an input either
        candidates = [p for p in inputs if p is not None]
        if rosters:
            from checker.api import collect_files

            candidates += collect_files(rosters)
        for source in candidates:
            try:
                same = output.resolve() == source.resolve() or os.path.samestat(
                    written, source.stat()
                )
            except OSError:
                continue
            if same:
                raise OutputError(
                    f"{output}: this is one of the command's inputs ({source}); the checker never "
                    "writes over its inputs: choose another output name"
                )


def use_color(color: str, stream: IO[str]) -> bool:
    """--color: always, never, or (auto) on a terminal unless NO_COLOR is set (no-color.org)."""
    if color != "auto":
        return color == "always"
    return not os.environ.get("NO_COLOR") and stream.isatty()


def write_text(
    render: Callable[[TextIO, bool], None], output: Path | None, color: str = "auto"
) -> None:
    """render(stream, color) to `output` (atomically), else to standard output. A reader of
    standard output that goes away (`roster-check check . | head`) ends the command quietly."""
    try:
        if output is None:
            stream = sys.stdout
            try:
                render(stream, use_color(color, stream))
                stream.flush()
            except BrokenPipeError:
                _stop_quietly()
            return
        with atomic_write(output) as stream:
            render(stream, color == "always")
    except OSError as exc:  # e.g. --format github and an unwritable $GITHUB_STEP_SUMMARY
        raise OutputError(
            environment_error(Path(exc.filename) if exc.filename else None, exc)
        ) from None


def _stop_quietly() -> None:
    """What is left unwritten has no reader: stop without a message. Python must not
    complain either when it flushes standard output at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    sys.exit(0)


def environment_error(target: Path | None, exc: OSError) -> str:
    """A failure of the machine (disk full, read-only folder), worded as such."""
    where = f"{target}: " if target is not None else ""
    if exc.errno == errno.ENOSPC:
        return f"{where}cannot write the output: the disk is full (no space left on the device)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}cannot write the output: no permission to write in its folder"
    return f"{where}cannot write the output ({exc.strerror or exc})"
