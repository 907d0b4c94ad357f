"""`roster-check report`: many rosters, or the server's store, → a compliance report."""

from __future__ import annotations

from pathlib import Path

import click

from checker.commands import (
    PROFILE_OPTION,
    PROFILES_OPTION,
    Command,
    progress,
    tool_errors,
)


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


@click.command(cls=Command)
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
    "--lang", type=click.Choice(["en", "fr", "es", "pt"]), default="en", show_default=True,
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
    from checker.report.run import ReportRun, run_report

    run = ReportRun(paths, db, period_range, group_by, regions, output_format, output,
                    per_mission, lang, mission, missions, mission_map, anonymise, jobs,
                    profile, profiles)  # fmt: skip
    with tool_errors():
        run_report(run, lambda line: click.echo(line, err=True), lambda: progress(quiet=False))
