"""`roster-check report` from parsed options to files written: the CLI parses, this runs.

run_report         the whole run: checks of the options, then the steps below

check_for_report   the files checked as `check` would (with --mission / --mission-map)
aggregate          their results → Summary
write_report       Summary → one file (html, xlsx, md, json, pdf)
write_per_mission  Summary → one e-mail page per mission (HTML and plain text), in its language
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.output import CommandError
from checker.report.placement import mission_of

if TYPE_CHECKING:
    from checker.findings import FileResult

PDF_TIMEOUT = 120


class ReportError(CommandError):
    """A report that cannot be made as asked: one line for the person, exit 2."""


def check_for_report(
    files: Sequence[Path], profile: Path | None, lang: str, jobs: int | None,
    progress: Any, mission: str | None = None, mission_map: Sequence[tuple[str, str]] = (),
    profiles: Path | None = None,
) -> list[FileResult]:  # fmt: skip
    """Each file's result, in the order of `files`. A file the map places is checked with
    that mission (its profile applies), as `check --mission` would; the others as `check`."""
    from checker.api import CheckOptions, check_files

    groups: dict[str | None, list[int]] = defaultdict(list)
    for i, path in enumerate(files):
        groups[mission or mission_of(path, mission_map)].append(i)
    results: list[FileResult | None] = [None] * len(files)
    for code, indexes in groups.items():
        options = CheckOptions(mission=code, profile=profile, profiles=profiles, lang=lang)
        checked = check_files([files[i] for i in indexes], options, jobs, progress)
        for i, result in zip(indexes, checked):
            results[i] = result
    return [r for r in results if r is not None]


def chromium() -> str | None:
    """A Chromium to print PDF with: $ROSTER_CHECK_CHROMIUM, else one on the PATH."""
    configured = os.environ.get("ROSTER_CHECK_CHROMIUM")
    if configured is not None:
        return configured if configured and Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html: bytes) -> bytes:
    """The HTML report printed by Chromium (its print stylesheet applies); ReportError when
    no Chromium is installed or it fails."""
    browser = chromium()
    if browser is None:
        raise ReportError("cannot write a PDF: no Chromium is installed (set "
                          "ROSTER_CHECK_CHROMIUM=/path/to/chromium, or write .html and print "
                          "it from a browser)")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="roster-check-pdf-") as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_bytes(html)
        args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                f"--user-data-dir={Path(folder) / 'profile'}", "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}", page.as_uri()]  # fmt: skip
        try:
            done = subprocess.run(args, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"cannot write a PDF: Chromium failed ({exc})") from None
        if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            raise ReportError("cannot write a PDF: Chromium printed nothing"
                              + (f" ({tail[0]})" if tail else ""))  # fmt: skip
        return pdf.read_bytes()


def render_report(summary: Any, fmt: str, lang: str) -> bytes:
    from checker.report import renderer
    from checker.report.words import Words

    words = Words(lang)
    if fmt == "pdf":
        return html_to_pdf(renderer("html")(summary, words))
    return renderer(fmt)(summary, words)


# The summary of the same rosters with some missions' files checked in another language.
Relocalise = Callable[[str, Collection[str]], Any]


def write_per_mission(
    summary: Any, folder: Path, lang: str, write: Callable[[Path, bytes], None],
    profile: Path | None = None, profiles: Path | None = None,
    relocalise: Relocalise | None = None,
) -> list[Path]:  # fmt: skip
    """One e-mail page per mission, `<MISSION>.html` and `<MISSION>.txt`, in the mission's
    language: its country profile's `language`, else `lang`. The meeting labels and findings a
    page quotes come from the rosters as checked, so a mission in another language than the
    run gets its pages from `relocalise(language, missions)`: its results said again in its
    language (None for results read back from JSON, as from the server's store)."""
    from checker.report.email import render_mission
    from checker.report.words import Words

    by_language: dict[str, list[str]] = defaultdict(list)
    for mission in summary.missions:
        by_language[_page_language(summary, mission, lang, profile, profiles)].append(mission)
    written = []
    for language, missions in by_language.items():
        source = (
            summary if language == lang or relocalise is None else relocalise(language, missions)
        )
        for mission in missions:
            html, text = render_mission(source, mission, Words(language))
            for path, data in ((folder / f"{mission}.html", html),
                               (folder / f"{mission}.txt", text)):  # fmt: skip
                write(path, data)
                written.append(path)
    return written


def _page_language(
    summary: Any, mission: str, lang: str, profile: Path | None, profiles: Path | None
) -> str:
    judged_with = summary.profile_files.get(mission) or []
    language = None
    if profile is None and len(judged_with) == 1:  # the profile that judged its rosters
        from checker.profile import profile_language

        language = profile_language(Path(judged_with[0]))
    return language or mission_language(mission, profile, profiles) or lang


def relocaliser(submissions: Sequence[Any], options: Any) -> Relocalise:
    """`relocalise` for write_per_mission: the missions' results said in the language asked
    (FileResult.in_language: the words a check in that language gives, without checking the
    files again), the other results kept, aggregated as the report was (the same options, so
    the same months and figures; only the words change)."""
    from checker.report.aggregate import Submission, aggregate

    def relocalise(language: str, missions: Collection[str]) -> Any:
        again = list(submissions)
        for i, submission in enumerate(submissions):
            if submission.checked is not None and submission.result.get("mission") in missions:
                said = submission.checked.in_language(language)
                again[i] = Submission(said.to_dict(), submission.modified, said)
        return aggregate(again, replace(options, lang=language))

    return relocalise


def mission_language(
    mission: str, profile: Path | None, profiles: Path | None = None
) -> str | None:
    """The language the mission's country profile names (`language: fr`), if any: --profile
    when given (as for `check`), else <MISSION>.yaml in the folder of profiles (--profiles,
    $ROSTER_CHECK_PROFILES, roster-check.toml from the working folder up)."""
    from checker.profile import find_mission_profile, profile_language, profiles_folder

    path = profile or find_mission_profile(mission, profiles_folder(profiles).path)
    return profile_language(path) if path is not None else None


@dataclass(frozen=True)
class ReportRun:
    """What `roster-check report` is asked to do (its options, parsed)."""

    paths: tuple[Path, ...] = ()
    db: str | None = None
    period_range: tuple[str, str] | None = None
    group_by: str = "mission"
    regions: Path | None = None
    output_format: str | None = None
    output: Path | None = None
    per_mission: Path | None = None
    lang: str = "en"
    mission: str | None = None
    missions: str | None = None
    mission_map: Path | None = None
    anonymise: bool = False
    jobs: int | None = None
    profile: Path | None = None
    profiles: Path | None = None


def run_report(
    run: ReportRun, echo: Callable[[str], None],
    progress: Callable[[], AbstractContextManager[Any]] = lambda: nullcontext(None),
) -> None:  # fmt: skip
    """Check the rosters (or read the store), aggregate and write the report; `echo` says
    what was written. Raises ReportError, OutputError or ConfigError (exit 2)."""
    from checker.api import collect_files
    from checker.files import atomic_write
    from checker.output import environment_error, refuse_overwriting_inputs
    from checker.report import ReportOptions, aggregate, format_for
    from checker.report.collect import submissions_of
    from checker.report.placement import load_mission_map, mission_code, mission_list
    from checker.report.regions import load_regions
    from checker.vocabulary import default_vocabulary

    paths, output, email_dir, lang = run.paths, run.output, run.per_mission, run.lang
    if bool(paths) == bool(run.db):
        raise ReportError("give the rosters to report on (PATH...) or --db URL, not both")
    for path in paths:
        if not path.exists():
            raise ReportError(f"{path}: no such file or folder")
    if output is None and email_dir is None:
        raise ReportError("say where to write the report: -o FILE (or --per-mission DIR)")
    if run.group_by == "region" and run.regions is None:
        raise ReportError("--group-by region needs --regions FILE (mission → regional office)")
    fmt = format_for(output, run.output_format) if output is not None else None
    if fmt == "email":
        assert output is not None
        email_dir, output = output, None
    for target in (output, email_dir):
        if target is not None and not target.resolve().parent.is_dir():
            raise ReportError(f"{target}: the folder {target.resolve().parent} does not exist")
    if fmt == "pdf" and chromium() is None:
        raise ReportError(f"{output}: cannot write a PDF here: no Chromium is installed (set "
                          "ROSTER_CHECK_CHROMIUM=/path/to/chromium, or write .html and print "
                          "it from a browser)")  # fmt: skip
    if email_dir is not None and email_dir.exists() and not email_dir.is_dir():
        raise ReportError(f"{email_dir}: not a folder (the e-mail pages go into a folder)")
    refuse_overwriting_inputs([output], [run.profile, run.regions, run.mission_map], paths)
    mapping = load_regions(run.regions) if run.regions is not None else None
    forced = mission_code(run.mission) if run.mission is not None else None
    only = mission_list(run.missions) if run.missions is not None else None
    patterns = load_mission_map(run.mission_map) if run.mission_map is not None else []
    vocabulary = default_vocabulary()
    if run.db is not None:
        submissions = _stored_submissions(run.db)
    else:
        files = collect_files(paths)
        if not files:
            raise ReportError("no roster files (.xlsx, .xlsm, .xlsb, .ods, .xls, .csv) found in "
                              + ", ".join(str(p) for p in paths))  # fmt: skip
        with progress() as tick:
            # The same parallel batch as `check --jobs`: a file that kills its worker is
            # reported on that file, and the others are still checked.
            results = check_for_report(files, run.profile, lang, run.jobs, tick, forced,
                                       patterns, run.profiles)  # fmt: skip
        submissions = submissions_of(files, results)

    options = ReportOptions(
        period=run.period_range, group_by=run.group_by, regions=mapping, anonymise=run.anonymise,
        role_names=vocabulary.role_names, lang=lang, missions=only,
    )  # fmt: skip
    summary = aggregate(submissions, options)
    try:
        if output is not None and fmt is not None:
            data = render_report(summary, fmt, lang)
            with atomic_write(output, binary=True) as stream:
                stream.write(data)
        if email_dir is not None:
            email_dir.mkdir(exist_ok=True)

            def write(path: Path, data: bytes) -> None:
                with atomic_write(path, binary=True) as stream:
                    stream.write(data)

            relocalise = None if run.db is not None else relocaliser(submissions, options)
            pages = write_per_mission(summary, email_dir, lang, write, run.profile, run.profiles,
                                      relocalise)  # fmt: skip
            echo(f"roster-check: {len(pages) // 2} e-mail page(s) written to {email_dir}"
                 if pages else "roster-check: no roster could be placed at a mission, so no "
                 "e-mail page was written (see --mission and --mission-map)")  # fmt: skip
    except OSError as exc:
        raise ReportError(environment_error(output or email_dir, exc)) from None
    total = summary.total
    rate = "n/a" if total.compliance_rate is None else f"{total.compliance_rate:.1%}"
    if output is not None:
        echo(f"roster-check: {fmt} report written to {output}: {summary.period_label}, "
             f"{summary.files['usable']} of {len(submissions)} files used, {total.assessed} "
             f"meetings assessed, compliance {rate}")  # fmt: skip


def _stored_submissions(db: str) -> list[Any]:
    from checker.server.commands import report_inputs
    from checker.server.store import StoreError

    try:
        found = report_inputs(db)
    except StoreError as exc:
        raise ReportError(str(exc)) from None
    if not found:
        raise ReportError("the store holds no results yet")
    return found
