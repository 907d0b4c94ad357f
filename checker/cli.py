"""The `roster-check` command: its commands (checker/commands/, a module each), the exit
status of every one, and how a signal or an unexpected error ends it.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 when the tool
could not do its job (bad option, unreadable profile or data file, internal error) — with a
one-line message on stderr and never a traceback. pandas & co. are imported only by the
commands that need them, so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import suppress

# As in checker/__init__.py: no collection while the commands are imported; then what they
# made is frozen (the module is imported to run a command), or the first collection once the
# collector is back on would scan all of it, to find nothing.
_collecting = gc.isenabled()
gc.disable()
try:
    import click

    from checker.commands import Group
    from checker.commands.annotate import annotate
    from checker.commands.check import check
    from checker.commands.profiles import profile, rules
    from checker.commands.report import report
    from checker.commands.server import db, serve, user
    from checker.commands.template import template
    from checker.deferred import defer_typeguard
    from checker.findings import TOOL_VERSION
    from checker.interrupt import Interrupted
finally:
    gc.freeze()
    if _collecting:
        gc.enable()


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(TOOL_VERSION, prog_name="roster-check")
def main() -> None:
    """Check IOM attendance rosters of coordination meetings against the representation table.

    Tells where IOM was absent from a meeting that matters, or sat there at the wrong level.
    """


for command in (check, annotate, template, rules, profile, report, serve, db, user):
    main.add_command(command)


# The signal received, if any: an Interrupted raised inside a library's import or exception
# handler may reach us as another exception (seen with SIGHUP while pydantic was importing).
_received: list[int] = []


def _interrupt(signum: int, frame: object) -> None:
    _received.append(signum)
    raise Interrupted(signum)


def _handle_signals() -> None:
    import signal

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) in (
            signal.SIG_DFL, signal.default_int_handler,
        ):  # fmt: skip
            signal.signal(number, _interrupt)


def run() -> None:
    """Console-script entry point: any unexpected error is exit 2 with one line, no traceback."""
    # pandera imports hypothesis whenever it is installed (as with the test extras), for
    # data-synthesis strategies the checker never uses: ~0.1 s of every run. The command's
    # own process goes without; library users and the tests are not affected.
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    defer_typeguard()  # pandera's, for generic column types the schema has none of
    # numpy's OpenBLAS starts a thread per core when it is imported, to multiply matrices,
    # which the checker never does: ~0.05 s of CPU and of wall time in every run. Set before
    # numpy is imported (this module does not import it); a user's own setting is kept.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _handle_signals()
    try:
        main(standalone_mode=True, obj={"one_shot": True})
    except SystemExit as exc:
        _leave(exc.code)
        raise
    except Interrupted as exc:
        _quiet_exit(128 + exc.signum, "interrupted" if exc.signum == 2 else "stopped")
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            _quiet_exit(130, "interrupted")
        if _received:  # the signal, disguised on its way up: still a stop, not a failure
            _quiet_exit(128 + _received[0], "interrupted" if _received[0] == 2 else "stopped")
        click.echo(f"roster-check: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)


def _leave(code: object) -> None:
    """End the process once its outputs are flushed, without the interpreter's shutdown:
    collecting the garbage of pandas & co. costs ~0.2 s of a one-file run. Only when no
    other thread runs (the worker pool is joined by then), and with a plain exit status."""
    import threading

    if not (code is None or isinstance(code, int)) or threading.active_count() > 1:
        return  # the interpreter's own exit: it prints a text status, or joins the threads
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # let the interpreter report it, as it would have
    os._exit(code or 0)


def _quiet_exit(status: int, word: str) -> None:
    import signal

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # a second signal while leaving: no traceback
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    with suppress(OSError):
        click.echo(f"roster-check: {word}", err=True)
    with suppress(OSError, ValueError):
        sys.stdout.flush()
        sys.stderr.flush()
    # Leave at once: outputs and temporary files were dealt with while unwinding, and the
    # interpreter's exit handlers would join the worker pool's threads, which a signal may
    # have left waiting on a lock.
    os._exit(status)


if __name__ == "__main__":
    run()
