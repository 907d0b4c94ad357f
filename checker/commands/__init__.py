"""The commands of `roster-check`, a module each: parse options → call the API → write.

What they share: the one-line tool error (exit 2), the options that say what applies to a
roster, the progress bar, and the conversion of the API's errors into tool errors. pandas &
co. are imported only by the commands that need them, so that `--help` and `--version`
stay fast.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from checker.messages import LANGUAGES

if TYPE_CHECKING:
    from checker.api import Progress

T = TypeVar("T")

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the messages and sheets (codes stay the same).",
)


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


class Command(_OneLineUsageErrors, click.Command):
    pass


class Group(_OneLineUsageErrors, click.Group):
    command_class = Command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # an unknown command
            raise ToolError(exc.format_message()) from None


def period_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"(19|20)\d{2}(-(0[1-9]|1[0-2]))?", value):
        raise click.BadParameter("use YYYY-MM (for example 2026-10) or YYYY")
    return value


def mission_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[A-Za-z]{2,4}", value):
        raise click.BadParameter("use the mission's 2-4 letter code, for example ETH")
    return value.upper() if value else None


PROFILE_OPTION = click.option(
    "--profile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Country profile (YAML) adapting the representation table, for every roster.",
)
PROFILES_OPTION = click.option(
    "--profiles",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder of country profiles, <MISSION>.yaml (else $ROSTER_CHECK_PROFILES, else "
    "`profiles` in the nearest roster-check.toml or pyproject.toml [tool.roster-check]).",
)


def _columns(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:  # fmt: skip
    """--column FIELD=HEADER, FIELD one of schemas/columns.yaml's."""
    if not values:
        return ()
    from checker.vocabulary import default_vocabulary

    fields = load(default_vocabulary).columns.columns
    given: dict[str, str] = {}
    for value in values:
        field, sep, header = value.partition("=")
        field, header = field.strip(), header.strip()
        if not sep or not header:
            raise click.BadParameter(f"{value!r}: write FIELD=HEADER, for example "
                                     'organization="Agency/Organisation"')  # fmt: skip
        if field not in fields:
            raise click.BadParameter(f"{field!r} is not a field; the fields are "
                                     f"{', '.join(fields)}")  # fmt: skip
        given[field] = header
    return tuple(given.items())


COLUMN_OPTION = click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADER",
    callback=_columns,
    help='The header a roster gives a field, e.g. organization="Agency/Organisation" '
    "(repeatable; wins over the profile's columns).",
)


def roster_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--column, --profile, --profiles, --mission and --period: what applies to a roster,
    shared by the commands that check one."""
    for option in (
        click.option(
            "--period",
            callback=period_code,
            help="Reporting period YYYY-MM (else read from the file).",
        ),
        click.option(
            "--mission",
            callback=mission_code,
            help="Mission code, e.g. ETH (else read from the file).",
        ),
        PROFILES_OPTION,
        PROFILE_OPTION,
        COLUMN_OPTION,
    ):
        command = option(command)
    return command


@contextmanager
def progress(quiet: bool) -> Iterator[Progress | None]:
    """A progress bar on standard error for a person at a terminal; none in CI logs, pipes or
    with --quiet. It appears when the first file is done, once the number of files is known."""
    stderr = sys.stderr
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


@contextmanager
def tool_errors() -> Iterator[None]:
    """What stops a command (a bad option, profile or data file, an output it cannot write)
    as one line on stderr and exit 2."""
    from checker.config import ConfigError
    from checker.output import CommandError, OutputError

    try:
        yield
    except (CommandError, OutputError, ConfigError) as exc:
        raise ToolError(str(exc)) from None


def load(loader: Callable[[], T]) -> T:
    from checker.config import ConfigError

    try:
        return loader()
    except ConfigError as exc:
        raise ToolError(str(exc)) from None


def one_shot() -> bool:
    """Whether this process ends with the command (the console script), rather than a
    program or a test invoking it and going on."""
    obj = click.get_current_context().obj
    return isinstance(obj, dict) and bool(obj.get("one_shot"))


@contextmanager
def importing() -> Iterator[None]:
    """A command's own imports (the checker's modules, numpy, calamine, PyYAML), with the
    collector off, then frozen, when the process ends with the command: importing makes
    objects that live as long as the process, not garbage, and the collections that so many
    new objects set off (or the one that follows, when the collector is only turned back on)
    find nothing in them (~0.015 s of a one-roster run). Stage two's imports are treated the
    same way where they happen (api.check_each, batch._warm_up_judging)."""
    if not one_shot():
        yield
        return
    import gc

    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # no collection scans them again
        gc.enable()
