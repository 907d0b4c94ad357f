"""`roster-check report`: many rosters, or the server's store, → a compliance report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from checker.commands import (
    PROFILE_OPTION,
    PROFILES_OPTION,
    Command,
    ToolError,
    atomic,
    progress,
    tool_errors,
)
from checker.output import environment_error, refuse_overwriting_inputs


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
            with progress(quiet=False) as tick:
                # The same parallel batch as `check --jobs`: a file that kills its worker is
                # reported on that file, and the others are still checked.
                results = check_for_report(files, profile, lang, jobs, tick, forced,
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
            with atomic(output, binary=True) as stream:
                stream.write(data)
        if email_dir is not None:
            email_dir.mkdir(exist_ok=True)

            def write(path: Path, data: bytes) -> None:
                with atomic(path, binary=True) as stream:
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
