"""The `roster-check` command: parse options → call the API → pick a reporter → exit code.

Exit status: 0 when no finding is at or above --fail-on, 1 when one is, 2 when the tool
could not do its job (bad option, unreadable profile or data file, internal error) — with a
one-line message on stderr and never a traceback. pandas & co. are imported only by the
commands that need them, so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO, TypeVar

import click

from checker.findings import TOOL_VERSION, Report, Severity
from checker.reporters import FORMATS, reporter

if TYPE_CHECKING:
    from checker.batch import Progress

FAIL_ON = ("error", "warning", "info", "never")
T = TypeVar("T")


class ToolError(click.ClickException):
    """The tool could not do its job: exit 2 with one line on stderr."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"roster-check: {self.format_message()}", err=True)


class _OneLineUsageErrors:
    """Bad options and arguments are exit 2 with one line on stderr, like every other error,
    rather than click's usage block."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:  # fmt: skip
        try:
            return super().make_context(info_name, args, parent, **extra)  # type: ignore[misc]
        except _NO_ARGS_IS_HELP:
            raise
        except click.UsageError as exc:
            raise ToolError(exc.format_message()) from None


# click >= 8.2 signals "no arguments, here is the help" as a UsageError: keep its help text.
_NO_ARGS_IS_HELP: tuple[type[Exception], ...] = tuple(
    getattr(click.exceptions, name) for name in ("NoArgsIsHelpError",)
    if hasattr(click.exceptions, name)
)  # fmt: skip


class _Command(_OneLineUsageErrors, click.Command):
    pass


class _Group(_OneLineUsageErrors, click.Group):
    command_class = _Command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # an unknown command
            raise ToolError(exc.format_message()) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(TOOL_VERSION, prog_name="roster-check")
def main() -> None:
    """Check IOM attendance rosters of coordination meetings against the representation table.

    Tells where IOM was absent from a meeting that matters, or sat there at the wrong level.
    """


def _period(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"(19|20)\d{2}(-(0[1-9]|1[0-2]))?", value):
        raise click.BadParameter("use YYYY-MM (for example 2026-10) or YYYY")
    return value


def _mission(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[A-Za-z]{2,4}", value):
        raise click.BadParameter("use the mission's 2-4 letter code, for example ETH")
    return value.upper() if value else None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Check files in this many processes at once.  [default: one per core]",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on standard error.")
@click.option(
    "--profile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Country profile (YAML) adapting the representation table.",
)
@click.option(
    "--mission", callback=_mission, help="Mission code, e.g. ETH (else read from the file)."
)
@click.option(
    "--period", callback=_period, help="Reporting period YYYY-MM (else read from the file)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Report only these codes or prefixes, comma-separated or repeated (C3,S205).",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Do not report these codes or prefixes (S207,C307); the longest prefix wins.",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Accept the findings recorded in FILE: they are shown but do not fail the run.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record this run's findings in FILE (atomically) and accept them.",
)
def check(
    paths: tuple[Path, ...], jobs: int | None, quiet: bool, profile: Path | None,
    mission: str | None, period: str | None, output_format: str, output: Path | None,
    fail_on: str, select: tuple[str, ...], ignore: tuple[str, ...],
    baseline_file: Path | None, write_baseline: Path | None,
) -> None:  # fmt: skip
    """Check roster workbooks (.xlsx .xlsm .ods .xls .csv), folders of them, or glob patterns
    such as 'rosters/**/*_2026-*.xlsx' (quoted, so that the shell leaves them to the checker).

    Each file is checked on its own: a corrupt or hostile file becomes a finding (E1xx) and
    never stops the others. Files are reported in a stable order whatever --jobs is.
    """
    from checker import baseline
    from checker.api import CheckOptions, check_paths, collect_files, is_pattern
    from checker.config import ConfigError
    from checker.selection import Selection, SelectionError, parse_codes
    from checker.vocabulary import default_vocabulary

    selection = Selection(parse_codes(select), parse_codes(ignore))
    try:
        selection.validate(_load(default_vocabulary).rules.rules)
        accepted = baseline.load(baseline_file) if baseline_file else None
    except (SelectionError, baseline.BaselineError) as exc:
        raise ToolError(str(exc)) from None
    for path in paths:
        if is_pattern(path):
            if not collect_files([path]):
                raise ToolError(f"{path}: no roster file matches this pattern")
        elif not path.exists():
            raise ToolError(f"{path}: no such file or folder")
    try:
        with _progress(quiet) as progress:
            report = check_paths(list(paths), CheckOptions(mission, period, profile),
                                 jobs=jobs, progress=progress)  # fmt: skip
    except ConfigError as exc:
        raise ToolError(str(exc)) from None
    if not report.results:
        raise ToolError("no roster files (.xlsx, .xlsm, .ods, .xls, .csv) found in " +
                        ", ".join(str(p) for p in paths))  # fmt: skip
    report = selection.apply(report)
    if write_baseline is not None:
        with _atomic(write_baseline) as stream:
            accepted = baseline.write(report, stream)
    if accepted is not None:
        report = baseline.apply(report, accepted)
    _write(report, output_format, output)
    sys.exit(exit_status(report, fail_on))


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on standard error for a person at a terminal; none in CI logs, pipes or
    with --quiet. It appears when the first file is done, once the number of files is known."""
    stderr = click.get_text_stream("stderr")
    if quiet or not stderr.isatty():
        yield None
        return
    with ExitStack() as stack:
        bars: list[Any] = []

        def advance(path: Path, total: int) -> None:
            if not bars:
                bars.append(stack.enter_context(click.progressbar(
                    length=total, label="Checking", file=stderr,
                    item_show_func=lambda item: str(item) if item else None,
                )))  # fmt: skip
            bars[0].update(1, current_item=path)

        yield advance


def exit_status(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    worst = report.worst_severity()
    return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


def _write(report: Report, output_format: str, output: Path | None) -> None:
    render = reporter(output_format).render
    try:
        if output is None:
            stream = click.get_text_stream("stdout")
            render(report, stream, color=output_format == "text" and stream.isatty())
            return
        with _atomic(output) as stream:
            render(report, stream)
    except OSError as exc:  # e.g. --format github and an unwritable $GITHUB_STEP_SUMMARY
        where = f"{exc.filename}: " if exc.filename else ""
        raise ToolError(f"{where}cannot write the report ({exc.strerror or exc})") from None


@contextmanager
def _atomic(target: Path) -> Iterator[TextIO]:
    """Write beside the target and rename, so readers never see half a report."""
    directory = target.resolve().parent
    if not directory.is_dir():
        raise ToolError(f"{target}: the folder {directory} does not exist")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@main.command()
def rules() -> None:
    """List every finding code with its name, default severity and documentation."""
    from checker.rules import documentation

    for rule in _load(documentation):
        click.echo(f"{rule.code}  {rule.name}  [{rule.severity}]")
        for line in rule.text.splitlines():
            click.echo(f"    {line}".rstrip())
        click.echo()


def _load(loader: Callable[[], T]) -> T:
    from checker.config import ConfigError

    try:
        return loader()
    except ConfigError as exc:
        raise ToolError(str(exc)) from None


def run() -> None:
    """Console-script entry point: any unexpected error is exit 2 with one line, no traceback."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            click.echo("roster-check: interrupted", err=True)
            sys.exit(130)
        click.echo(f"roster-check: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    run()
