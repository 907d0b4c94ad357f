"""`roster-check annotate`: a copy of a roster with every problem marked on its cell."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.commands import (
    LANG_OPTION,
    Command,
    ToolError,
    roster_options,
    tool_errors,
)
from checker.findings import FAIL_ON, Report
from checker.output import environment_error, refuse_overwriting_inputs


@click.command(cls=Command)
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
    from checker.annotate import AnnotateError, check_size, check_target, load_copy_early
    from checker.annotate import annotate as write_copy
    from checker.batch import check_aside
    from checker.config import ConfigError
    from checker.messages import catalogue
    from checker.options import CheckOptions

    if not roster.is_file():
        raise ToolError(f"{roster}: no such file")
    with tool_errors():
        refuse_overwriting_inputs([output], [profile])  # the roster: check_target says it
    try:
        check_target(roster, output)
        check_size(roster)  # a workbook too large to copy is refused before it is checked
        options = CheckOptions(mission, period, profile, lang, profiles, columns)
        # The check reads the roster with calamine, the copy with openpyxl: on two cores the
        # two readings overlap (10,000 rows: 1.48x -> 1.1x openpyxl's own load and save).
        with check_aside(roster, options) as checked:
            loaded = load_copy_early(roster)
            result = checked()
        written = write_copy(roster, output, result, lang=lang, loaded=loaded)
    except (AnnotateError, ConfigError) as exc:
        raise ToolError(str(exc)) from None
    except OSError as exc:
        raise ToolError(environment_error(output, exc)) from None
    from checker.run import exit_status

    words = catalogue(lang)
    click.echo(words.text("workbook", "written", path=output, findings=written.findings,
                          cells=written.cells, status=words.name("statuses", result.status)))  # fmt: skip
    sys.exit(exit_status(Report((result,), lang=lang).worst_severity(), fail_on))
