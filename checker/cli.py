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
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from checker.findings import FAIL_ON, TOOL_VERSION, Report
from checker.interrupt import Interrupted
from checker.messages import LANGUAGES
from checker.output import environment_error, refuse_overwriting_inputs
from checker.reporters import FORMATS

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

    fields = _load(default_vocabulary).columns.columns
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
            "--period", callback=_period, help="Reporting period YYYY-MM (else read from the file)."
        ),
        click.option(
            "--mission", callback=_mission, help="Mission code, e.g. ETH (else read from the file)."
        ),
        PROFILES_OPTION,
        PROFILE_OPTION,
        COLUMN_OPTION,
    ):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Read files in this many worker processes (this one judges them).  "
    "[default: one per core]",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar on standard error.")
@roster_options
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
@LANG_OPTION
@click.option(
    "--color",
    "--colour",
    "color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text report: auto = on a terminal, unless NO_COLOR is set.",
)
def check(
    paths: tuple[Path, ...], jobs: int | None, quiet: bool, profile: Path | None,
    profiles: Path | None, columns: tuple[tuple[str, str], ...],
    mission: str | None, period: str | None, output_format: str, output: Path | None,
    fail_on: str, select: tuple[str, ...], ignore: tuple[str, ...],
    baseline_file: Path | None, write_baseline: Path | None, lang: str, color: str,
) -> None:  # fmt: skip
    """Check roster workbooks (.xlsx .xlsm .xlsb .ods .xls .csv), folders of them, or glob patterns
    such as 'rosters/**/*_2026-*.xlsx' (quoted, so that the shell leaves them to the checker).

    Each file is checked on its own: a corrupt or hostile file becomes a finding (E1xx) and
    never stops the others. Files are reported in a stable order whatever --jobs is.
    """
    from checker.api import CheckOptions
    from checker.run import CheckRun, run_check

    options = CheckOptions(mission, period, profile, lang, profiles, columns)
    run = CheckRun(paths, options, jobs, output_format, output, fail_on, select, ignore,
                   baseline_file, write_baseline, color)  # fmt: skip
    with tool_errors():
        status = run_check(run, lambda: _progress(quiet))
    sys.exit(status)


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress | None]:
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
    from checker.output import OutputError
    from checker.run import RunError

    try:
        yield
    except (RunError, OutputError, ConfigError) as exc:
        raise ToolError(str(exc)) from None


@contextmanager
def _atomic(target: Path, binary: bool = False) -> Iterator[Any]:
    """checker.files.atomic_write, with a missing folder as a one-line tool error."""
    from checker.files import atomic_write

    with tool_errors(), atomic_write(target, binary) as stream:
        yield stream


@main.command()
@click.argument("roster", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The annotated copy to write (.xlsx; .xlsm for a roster with macros).",
)
@roster_options
@LANG_OPTION
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="never",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity (the copy is written anyway).",
)
def annotate(
    roster: Path, output: Path, profile: Path | None, profiles: Path | None,
    columns: tuple[tuple[str, str], ...], mission: str | None, period: str | None,
    lang: str, fail_on: str,
) -> None:  # fmt: skip
    """Write a copy of ROSTER with every problem marked on its cell, for the people who fill it.

    Flagged cells are coloured by severity and carry a comment saying what to fix; each
    roster table gets a last column with the result of its meetings; a first sheet lists
    the findings with links to their cells, and a Summary sheet sums the roster up. The
    roster itself is never modified. A .csv, .ods or .xls roster gives a new .xlsx.
    """
    from checker.annotate import AnnotateError, check_target
    from checker.annotate import annotate as write_copy
    from checker.api import CheckOptions, check_file
    from checker.config import ConfigError
    from checker.messages import catalogue
    from checker.run import exit_status

    if not roster.is_file():
        raise ToolError(f"{roster}: no such file")
    with tool_errors():
        refuse_overwriting_inputs([output], [profile])  # the roster: check_target says it
    try:
        check_target(roster, output)
        result = check_file(roster, CheckOptions(mission, period, profile, lang, profiles,
                                                 columns))  # fmt: skip
        written = write_copy(roster, output, result, lang=lang)
    except (AnnotateError, ConfigError) as exc:
        raise ToolError(str(exc)) from None
    except OSError as exc:
        raise ToolError(environment_error(output, exc)) from None
    words = catalogue(lang)
    click.echo(words.text("workbook", "written", path=output, findings=written.findings,
                          cells=written.cells, status=words.name("statuses", result.status)))  # fmt: skip
    sys.exit(exit_status(Report((result,), lang=lang).worst_severity(), fail_on))


@main.command()
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The template to write, e.g. roster_template.xlsx.",
)
@click.option(
    "--profile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Country profile (YAML): its platforms and titles in the lists, its mission filled in.",
)
@click.option(
    "--mission",
    callback=_mission,
    help="The mission's profile, found as `check` finds it (--profiles, "
    "$ROSTER_CHECK_PROFILES, roster-check.toml from the working folder up).",
)
@PROFILES_OPTION
@LANG_OPTION
def template(
    output: Path, profile: Path | None, mission: str | None, profiles: Path | None, lang: str
) -> None:
    """Write a ready-to-fill roster template with dropdown lists, in English, French or Spanish.

    The header, the lists and the Instructions sheet are in the chosen language; fill in the
    Metadata sheet (mission, period) and one row per IOM attendee per meeting.
    """
    from checker.config import ConfigError
    from checker.template import build_template

    if profiles is not None and mission is None:
        raise ToolError("--profiles needs --mission: the template of which mission?")
    if profile is not None and mission is not None:
        raise ToolError("give --profile or --mission, not both")
    vocabulary = _load(_vocabulary)
    with tool_errors():
        refuse_overwriting_inputs([output], [profile])
    try:
        policy = None
        if profile is not None:
            from checker.profile import load_profile

            policy = load_profile(profile, vocabulary)
        elif mission is not None:
            from checker.api import CheckOptions, select_policy

            found = select_policy(CheckOptions(profiles=profiles), mission, vocabulary)
            policy = found if found.sources else None
        build_template(output, lang, vocabulary, policy)
    except (ValueError, ConfigError) as exc:
        raise ToolError(str(exc)) from None
    click.echo(f"{output}")


def _vocabulary() -> Any:
    from checker.vocabulary import default_vocabulary

    return default_vocabulary()


@main.command()
def rules() -> None:
    """List every finding code with its name, default severity and documentation."""
    from checker.rules import documentation

    for rule in _load(documentation):
        click.echo(f"{rule.code}  {rule.name}  [{rule.severity}]")
        for line in rule.text.splitlines():
            click.echo(f"    {line}".rstrip())
        click.echo()


@main.group()
def profile() -> None:
    """Show or validate country profiles (<MISSION>.yaml in a folder of profiles)."""


@profile.command()
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Profile file to show.",
)
@click.option(
    "--mission",
    callback=_mission,
    help="Show the profile the checker applies to this mission: <CODE>.yaml in the folder of "
    "profiles (--profiles, $ROSTER_CHECK_PROFILES, roster-check.toml from the working folder "
    "up), else the generic table.",
)
@PROFILES_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def show(
    profile_path: Path | None, mission: str | None, profiles: Path | None, output_format: str
) -> None:
    """Print the effective representation table, after inheritance, as the checker applies it.

    Without options: the generic table.
    """
    import json

    from checker.api import CheckOptions, select_policy
    from checker.profile import describe
    from checker.vocabulary import default_vocabulary

    if profile_path is not None and mission is not None:
        raise ToolError("give --profile or --mission, not both")
    vocabulary = _load(default_vocabulary)
    # The same selection `check` makes, so that what is shown is what is applied.
    options = CheckOptions(profile=profile_path, profiles=profiles)
    policy = _load(lambda: select_policy(options, mission, vocabulary))
    table = policy.to_dict()
    if output_format == "json":
        click.echo(json.dumps(table, ensure_ascii=False, indent=2))
        return
    if mission is not None and not policy.sources:
        from checker.profile import profiles_folder

        folder = _load(lambda: profiles_folder(profiles))
        where = (f"in {folder.path} (from {folder.origin})" if folder.path else
                 "and no folder of profiles is set (--profiles, ROSTER_CHECK_PROFILES, "
                 "roster-check.toml or pyproject.toml [tool.roster-check])")  # fmt: skip
        click.echo(f"No profile for mission {mission} {where}: the generic table applies.\n")
    click.echo(describe(table, policy.vocabulary), nl=False)


@profile.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check profile files, e.g. in CI.

    Prints "FILE: valid" for each good file. Exit 0 when all are valid; exit 2 when one is
    not, with one line per bad file on stderr: "FILE:LINE: KEY: what is wrong".
    """
    from checker.config import ConfigError
    from checker.profile import load_profile
    from checker.vocabulary import default_vocabulary

    vocabulary = _load(default_vocabulary)
    bad = 0
    for path in files:
        try:
            policy = load_profile(path, vocabulary)
        except ConfigError as exc:
            bad += 1
            click.echo(f"roster-check: {exc}", err=True)
        else:
            parents = " → ".join(Path(f).name for f in policy.sources[1:])
            click.echo(f"{path}: valid (profile {policy.name}, extends {parents or 'generic'})")
    sys.exit(2 if bad else 0)


def _period_range(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, str] | None:  # fmt: skip
    from checker.report.aggregate import parse_period_range

    if value is None:
        return None
    try:
        return parse_period_range(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--db", metavar="URL",
    help="Report on the results stored by `serve` (the newest upload of each mission-month) "
    "instead of checking PATHs.",
)  # fmt: skip
@click.option(
    "--period",
    "period_range",
    callback=_period_range,
    metavar="FIRST..LAST",
    help="Months to report on, e.g. 2026-01..2026-10, 2026-10 or 2026 (default: the months "
    "the rosters cover).",
)
@click.option(
    "--group-by",
    type=click.Choice(["mission", "platform", "region"]),
    default="mission",
    show_default=True,
    help="Rows of the month-by-month breakdown and of the non-compliant meetings list.",
)
@click.option(
    "--regions",
    type=click.Path(path_type=Path, dir_okay=False),
    help="YAML or CSV file mapping each mission to its regional office.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "xlsx", "md", "json", "pdf", "email"]),
    help="Report format (default: from the output file's suffix, else html). pdf prints the "
    "HTML with Chromium; email writes one page per mission into the folder -o names.",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), metavar="FILE",
    help="Write the report to FILE (atomically); with --format email, a folder.",
)  # fmt: skip
@click.option(
    "--per-mission", "per_mission", type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Also write, per mission, an e-mail page (MISSION.html and MISSION.txt) into DIR.",
)  # fmt: skip
@click.option(
    "--lang", type=click.Choice(["en", "fr", "es"]), default="en", show_default=True,
    help="Language of the report: words, month names and number formats.",
)  # fmt: skip
@click.option(
    "--mission", "mission", metavar="CODE",
    help="Every roster is of this mission (as check --mission).",
)  # fmt: skip
@click.option(
    "--missions", "missions", metavar="CODES",
    help="Report on these missions only, e.g. ETH,KEN (a mission without rosters is missing).",
)  # fmt: skip
@click.option(
    "--mission-map", "mission_map", type=click.Path(path_type=Path, dir_okay=False),
    help="YAML or CSV file of file-name pattern → mission, for rosters whose name does not "
    "say their mission.",
)  # fmt: skip
@click.option(
    "--anonymise", "--anonymize", "anonymise", is_flag=True,
    help="Replace people's names by their role in every part of the report.",
)  # fmt: skip
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1),
    help="Worker processes reading the roster files (default: the number of CPUs).",
)  # fmt: skip
@PROFILE_OPTION
@PROFILES_OPTION
def report(
    paths: tuple[Path, ...], db: str | None, period_range: tuple[str, str] | None,
    group_by: str, regions: Path | None, output_format: str | None, output: Path | None,
    per_mission: Path | None, lang: str, mission: str | None, missions: str | None,
    mission_map: Path | None, anonymise: bool, jobs: int | None, profile: Path | None,
    profiles: Path | None,
) -> None:  # fmt: skip
    """Aggregate many rosters into a compliance report for management (exit 0 when written).

    PATH is a folder tree of missions' monthly rosters (<MISSION>_<YYYY-MM>.xlsx) or files;
    with --db, the server's store is reported on and no roster is read again.
    """
    from checker.api import collect_files
    from checker.config import ConfigError
    from checker.report import ReportOptions, aggregate, format_for
    from checker.report.collect import submissions_of
    from checker.report.placement import load_mission_map, mission_code, mission_list
    from checker.report.regions import load_regions
    from checker.report.run import (
        ReportError,
        check_for_report,
        render_report,
        write_per_mission,
    )
    from checker.vocabulary import default_vocabulary

    if bool(paths) == bool(db):
        raise ToolError("give the rosters to report on (PATH...) or --db URL, not both")
    for path in paths:
        if not path.exists():
            raise ToolError(f"{path}: no such file or folder")
    if output is None and per_mission is None:
        raise ToolError("say where to write the report: -o FILE (or --per-mission DIR)")
    if group_by == "region" and regions is None:
        raise ToolError("--group-by region needs --regions FILE (mission → regional office)")
    fmt = format_for(output, output_format) if output is not None else None
    email_dir = per_mission
    if fmt == "email":
        assert output is not None
        email_dir, output = output, None
    for target in (output, email_dir):
        if target is not None and not target.resolve().parent.is_dir():
            raise ToolError(f"{target}: the folder {target.resolve().parent} does not exist")
    if fmt == "pdf":
        from checker.report.run import chromium

        if chromium() is None:
            raise ToolError(f"{output}: cannot write a PDF here: no Chromium is installed (set "
                            "ROSTER_CHECK_CHROMIUM=/path/to/chromium, or write .html and print "
                            "it from a browser)")  # fmt: skip
    if email_dir is not None and email_dir.exists() and not email_dir.is_dir():
        raise ToolError(f"{email_dir}: not a folder (the e-mail pages go into a folder)")
    with tool_errors():
        refuse_overwriting_inputs([output], [profile, regions, mission_map], paths)
    try:
        mapping = load_regions(regions) if regions is not None else None
        forced = mission_code(mission) if mission is not None else None
        only = mission_list(missions) if missions is not None else None
        patterns = load_mission_map(mission_map) if mission_map is not None else []
        vocabulary = default_vocabulary()
    except ConfigError as exc:
        raise ToolError(str(exc)) from None
    if db is not None:
        submissions = _stored_submissions(db)
    else:
        files = collect_files(paths)
        if not files:
            raise ToolError("no roster files (.xlsx, .xlsm, .xlsb, .ods, .xls, .csv) found in " +
                            ", ".join(str(p) for p in paths))  # fmt: skip
        try:
            with _progress(quiet=False) as progress:
                # The same parallel batch as `check --jobs`: a file that kills its worker is
                # reported on that file, and the others are still checked.
                results = check_for_report(files, profile, lang, jobs, progress, forced,
                                           patterns, profiles)  # fmt: skip
        except ConfigError as exc:
            raise ToolError(str(exc)) from None
        submissions = submissions_of(files, results)

    summary = aggregate(submissions, ReportOptions(
        period=period_range, group_by=group_by, regions=mapping, anonymise=anonymise,
        role_names=vocabulary.role_names, missions=only,
    ))  # fmt: skip
    try:
        if output is not None and fmt is not None:
            data = render_report(summary, fmt, lang)
            with _atomic(output, binary=True) as stream:
                stream.write(data)
        if email_dir is not None:
            email_dir.mkdir(exist_ok=True)

            def write(path: Path, data: bytes) -> None:
                with _atomic(path, binary=True) as stream:
                    stream.write(data)

            pages = write_per_mission(summary, email_dir, lang, write, profile, profiles)
            click.echo(f"roster-check: {len(pages) // 2} e-mail page(s) written to {email_dir}"
                       if pages else "roster-check: no roster could be placed at a mission, so "
                       "no e-mail page was written (see --mission and --mission-map)",
                       err=True)  # fmt: skip
    except OSError as exc:
        raise ToolError(environment_error(output or email_dir, exc)) from None
    except (ReportError, ConfigError) as exc:
        raise ToolError(str(exc)) from None
    total = summary.total
    rate = "n/a" if total.compliance_rate is None else f"{total.compliance_rate:.1%}"
    if output is not None:
        click.echo(f"roster-check: {fmt} report written to {output}: {summary.period_label}, "
                   f"{summary.files['usable']} of {len(submissions)} files used, {total.assessed} "
                   f"meetings assessed, compliance {rate}", err=True)  # fmt: skip


def _stored_submissions(db: str) -> list[Any]:
    from checker.server.commands import report_inputs
    from checker.server.store import StoreError

    try:
        found = report_inputs(db)
    except StoreError as exc:
        raise ToolError(str(exc)) from None
    if not found:
        raise ToolError("the store holds no results yet")
    return found


# ---------------------------------------------------------------- the upload server (issue 11)
# The commands only parse options; checker/server/commands.py does the work. Needs the
# `server` extra (pip install 'roster-check[server]').

DB_OPTION = click.option(
    "--db", metavar="URL", envvar="ROSTER_CHECK_DB", default="sqlite:///roster-check.db",
    show_default=True, help="The store: an SQLAlchemy URL (sqlite:///FILE, "
    "postgresql+psycopg://USER@HOST/DB); also $ROSTER_CHECK_DB.",
)  # fmt: skip


def _server(name: str) -> Any:
    from importlib import import_module

    try:
        return import_module(f"checker.server.{name}")
    except ImportError as exc:
        raise ToolError(f"the server needs its extra dependencies ({exc.name} is missing): "
                        "pip install 'roster-check[server]'") from None  # fmt: skip


@contextmanager
def _server_errors() -> Iterator[None]:
    store = _server("store")
    try:
        yield
    except (store.StoreError, ValueError, OSError) as exc:
        raise ToolError(str(exc)) from None


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@DB_OPTION
@click.option("--files", type=click.Path(path_type=Path, file_okay=False),
              default="roster-check-files", show_default=True,
              help="Folder keeping the uploaded originals (by content hash).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Checker processes.")  # fmt: skip
@click.option("--max-upload-mb", type=click.FloatRange(0.01, 1024), default=10.0,
              show_default=True, help="Largest roster accepted (413 above).")  # fmt: skip
@click.option("--no-auth", is_flag=True, help="No accounts: a local single-user run on "
              "127.0.0.1 only.")  # fmt: skip
@click.option(
    "--regions",
    type=click.Path(path_type=Path, dir_okay=False),
    help="YAML or CSV file mapping each mission to its region (regional roles).",
)
@click.option("--init-admin", metavar="NAME", help="Create this management account when it "
              "does not exist; its password and API token are printed once.")  # fmt: skip
@click.option("--secure-cookies", is_flag=True, help="Send the session cookie over HTTPS "
              "only (behind an HTTPS reverse proxy).")  # fmt: skip
@PROFILES_OPTION
def serve(host: str, port: int, db: str, files: Path, workers: int, max_upload_mb: float,
          no_auth: bool, regions: Path | None, init_admin: str | None,
          secure_cookies: bool, profiles: Path | None) -> None:  # fmt: skip
    """Run the upload page, the results store and the JSON API (see docs/server.md)."""
    commands = _server("commands")
    from checker.config import ConfigError

    try:
        with _server_errors():
            commands.serve(host=host, port=port, db=db, files=files, workers=workers,
                           max_upload_mb=max_upload_mb, auth=not no_auth, regions=regions,
                           init_admin=init_admin, secure_cookies=secure_cookies,
                           echo=lambda m: click.echo(m, err=True), profiles=profiles)  # fmt: skip
    except ConfigError as exc:
        raise ToolError(str(exc)) from None


@main.group()
def db() -> None:
    """The server's store."""


@db.command("upgrade")
@DB_OPTION
def db_upgrade(db: str) -> None:
    """Create or upgrade the store's tables to the newest schema (Alembic migrations)."""
    commands = _server("commands")
    with _server_errors():
        revision = commands.db_upgrade(db)
    click.echo(f"roster-check: database {_server('store').redact(db)} at schema {revision}")


@main.group()
def user() -> None:
    """Accounts of the upload server."""


@user.command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["field", "regional", "management"]),
    help="field: a mission's staff; regional: a region's missions; management: all.",
)
@click.option("--mission", "scopes", multiple=True, help="Mission code of a field account.")
@click.option("--region", "regions", multiple=True, help="Region of a regional account.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input "
              "(else asked for, or generated and printed when not at a terminal).")  # fmt: skip
@DB_OPTION
def user_add(name: str, role: str, scopes: tuple[str, ...], regions: tuple[str, ...],
             password_stdin: bool, db: str) -> None:  # fmt: skip
    """Create an account; prints its API token (shown once)."""
    commands = _server("commands")
    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _server_errors():
        token, generated, grants = commands.add_user(db, name, role, [*scopes, *regions],
                                                     password)  # fmt: skip
    click.echo(f"account {name} created ({', '.join(map(str, grants))})")
    if generated:
        click.echo(f"password: {generated}")
    click.echo(f"API token: {token}")


@user.command("token")
@click.argument("name")
@DB_OPTION
def user_token(name: str, db: str) -> None:
    """Give an account a new API token (the old one stops working)."""
    commands = _server("commands")
    with _server_errors():
        click.echo(f"API token: {commands.new_token(db, name)}")


def _load(loader: Callable[[], T]) -> T:
    from checker.config import ConfigError

    try:
        return loader()
    except ConfigError as exc:
        raise ToolError(str(exc)) from None


def _interrupt(signum: int, frame: object) -> None:
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
    _handle_signals()
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except Interrupted as exc:
        _quiet_exit(128 + exc.signum, "interrupted" if exc.signum == 2 else "stopped")
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            _quiet_exit(130, "interrupted")
        click.echo(f"roster-check: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)


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
