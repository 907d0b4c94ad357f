"""`roster-check check`: rosters → findings, in the format asked for."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.commands import (
    LANG_OPTION,
    Command,
    importing,
    one_shot,
    progress,
    roster_options,
    tool_errors,
)
from checker.findings import FAIL_ON
from checker.reporters import FORMATS


@click.command(cls=Command)
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
    with importing():
        from checker.api import CheckOptions
        from checker.run import CheckRun, run_check

    options = CheckOptions(mission, period, profile, lang, profiles, columns)
    run = CheckRun(paths, options, jobs, output_format, output, fail_on, select, ignore,
                   baseline_file, write_baseline, color, one_shot())  # fmt: skip
    with tool_errors():
        status = run_check(run, lambda: progress(quiet))
    sys.exit(status)
