"""A `roster-check check` run, from what it is asked to do to its exit status: the files,
the selection of codes, the baseline, the report and where it goes. The command only parses
options; programs and tests call `run_check` without click.

When nothing needs every result at once (no --baseline or --write-baseline, a format that
writes each result as it comes, and not to a terminal, where the progress bar is), results
are written as files are judged and only their totals are kept: a run of thousands of files
holds none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, closing, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.api import CheckOptions, Progress, check_each, check_profile, collect_files, is_pattern
from checker.findings import Report, ResultStream, Severity, Tally
from checker.output import (
    CommandError,
    OutputError,
    environment_error,
    refuse_overwriting_inputs,
    write_text,
)
from checker.reporters import binary_reporter, reporter, streaming_reporter

if TYPE_CHECKING:
    from collections import Counter

    from checker.selection import Selection

NO_ROSTERS = "no roster files (.xlsx, .xlsm, .xlsb, .ods, .xls, .csv) found in "


class RunError(CommandError):
    """The check cannot be made as asked: one line for the person, exit 2."""


@dataclass(frozen=True)
class CheckRun:
    """What `roster-check check` is asked to do (its options, parsed)."""

    paths: tuple[Path, ...]
    options: CheckOptions = field(default_factory=CheckOptions)
    jobs: int | None = None
    output_format: str = "text"
    output: Path | None = None
    fail_on: str = "error"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: Path | None = None
    write_baseline: Path | None = None
    color: str = "auto"  # always, never, auto (on a terminal, unless NO_COLOR is set)
    one_shot: bool = False  # the process ends after the run: see api.check_each


def exit_status(worst: Severity | None, fail_on: str) -> int:
    """1 when a finding that can fail the run is at or above --fail-on, else 0."""
    if fail_on == "never":
        return 0
    return 1 if worst is not None and worst >= Severity.parse(fail_on) else 0


def run_check(
    run: CheckRun,
    progress: Callable[[], AbstractContextManager[Progress | None]] = lambda: nullcontext(None),
) -> int:
    """Check, report, and say the exit status. Raises RunError, OutputError or ConfigError
    (exit 2) when the run cannot be made; `progress` gives the progress bar, shown while
    files are checked."""
    selection, accepted = _selection_and_baseline(run)
    files = _files(run)
    if binary_reporter(run.output_format) is not None and run.output is None:
        raise RunError(f"--format {run.output_format} writes a workbook: name it with "
                       f"--output FILE.{run.output_format}")  # fmt: skip
    with progress() as tick:
        results = check_each(files, run.options, run.jobs, tick, one_shot=run.one_shot)
        with closing(results):  # leaving early (a signal, an error) stops the workers
            checked = (selection.apply_to(result) for result in results)
            if _streams(run):
                return _write_as_they_come(run, checked)
            report = Report(tuple(checked), lang=run.options.lang)
    if run.write_baseline is not None:
        accepted = _write_baseline(report, run.write_baseline)
    if accepted is not None:
        from checker import baseline

        # Marked in place, the report let go first: its findings are not held twice; nor is
        # the baseline held while the report is written.
        marked, lang = list(report.results), report.lang
        del report
        baseline.mark(marked, accepted)
        accepted = None
        report = Report(tuple(marked), lang=lang)
        del marked
    _write(report, run)
    return exit_status(report.worst_severity(), run.fail_on)


def _selection_and_baseline(run: CheckRun) -> tuple[Selection, Counter[Any] | None]:
    """--select/--ignore and --baseline, checked before any file is."""
    from checker import baseline
    from checker.selection import Selection, SelectionError, parse_codes

    selection = Selection(parse_codes(run.select), parse_codes(run.ignore))
    try:
        refuse_overwriting_inputs([run.output, run.write_baseline], [run.options.profile],
                                  run.paths)  # fmt: skip
    except OutputError as exc:
        raise RunError(str(exc)) from None
    try:
        if selection.select or selection.ignore:  # else the vocabulary is not needed yet
            from checker.vocabulary import default_vocabulary

            selection.validate(default_vocabulary().rules.rules)
        accepted = baseline.load(run.baseline) if run.baseline else None
    except (SelectionError, baseline.BaselineError) as exc:
        raise RunError(str(exc)) from None
    return selection, accepted


def _files(run: CheckRun) -> list[Path]:
    for path in run.paths:
        if is_pattern(path):
            if not collect_files([path]):
                raise RunError(f"{path}: no roster file matches this pattern")
        elif not path.exists():
            raise RunError(f"{path}: no such file or folder")
    check_profile(run.options)  # a bad --profile is said before anything else is done
    files = collect_files(run.paths)
    if not files:
        raise RunError(NO_ROSTERS + ", ".join(str(p) for p in run.paths))
    return files


def _streams(run: CheckRun) -> bool:
    """Whether results can be written as files are judged (see the module's docstring)."""
    import sys

    if run.baseline is not None or run.write_baseline is not None:
        return False  # accepting findings needs every result of the run
    if streaming_reporter(run.output_format) is None:
        return False
    return run.output is not None or not sys.stdout.isatty()


def _write_as_they_come(run: CheckRun, results: Any) -> int:
    writer = streaming_reporter(run.output_format)
    assert writer is not None
    tally = Tally()
    stream = ResultStream(tally.counting(results), run.options.lang, tally.summary)
    text = run.output_format == "text"
    write_text(lambda out, color: writer.render_results(stream, out, color=text and color),
               run.output, run.color)  # fmt: skip
    return exit_status(tally.worst, run.fail_on)


def _write_baseline(report: Report, target: Path) -> Counter[Any]:
    from checker import baseline
    from checker.files import atomic_write

    try:
        with atomic_write(target) as stream:
            return baseline.write(report, stream)
    except OSError as exc:
        raise OutputError(environment_error(target, exc)) from None


def _write(report: Report, run: CheckRun) -> None:
    binary = binary_reporter(run.output_format)
    if binary is None:
        render = reporter(run.output_format).render
        text = run.output_format == "text"
        write_text(lambda out, color: render(report, out, color=text and color), run.output,
                   run.color)  # fmt: skip
        return
    assert run.output is not None
    from checker.annotate import AnnotateError

    try:
        binary.write(report, run.output)
    except AnnotateError as exc:
        raise RunError(str(exc)) from None
    except OSError as exc:
        raise OutputError(environment_error(run.output, exc)) from None
