"""The pipeline: read → normalise → schema-validate → judge meetings → findings.

No printing and no exits here: the CLI and other programs call `check_paths`/`check_file`
and pick a reporter for the Report they get back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker import metadata as meta
from checker.config import ConfigError
from checker.findings import FileResult, Finding, Report, RowCounts
from checker.messages import language, render
from checker.policy import Policy
from checker.reader import ROSTER_SUFFIXES, UnreadableRoster, Workbook, read_workbook
from checker.template_version import TEMPLATE_VERSION, template_outdated
from checker.vocabulary import Vocabulary, default_vocabulary

if TYPE_CHECKING:
    import pandas as pd

    from checker.judge import Assessment


@dataclass(frozen=True)
class CheckOptions:
    mission: str | None = None
    period: str | None = None
    profile: Path | None = None
    lang: str = "en"  # language of the messages: en, fr, es


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Roster files named or found (recursively) in folders, in a stable order, once each."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if (
                    sub.is_file()
                    and sub.suffix.lower() in ROSTER_SUFFIXES
                    and not sub.name.startswith(("~$", "."))  # Excel's lock files
                ):
                    found.setdefault(sub, None)
        else:
            found.setdefault(path, None)
    return list(found)


def select_policy(options: CheckOptions, mission: str | None, vocabulary: Vocabulary) -> Policy:
    """The profile that applies: --profile, else schemas/profiles/<MISSION>.yaml, else the
    generic table. A profile that cannot be loaded raises ConfigError (exit 2)."""
    from checker.profile import find_mission_profile

    path = options.profile or find_mission_profile(mission)
    if path is None:
        return Policy.generic(vocabulary)
    return _load_profile(path, vocabulary)


# Loaded profiles, by file and the vocabulary they extend: a folder of rosters of one
# mission loads its profile once.
_PROFILES: dict[tuple[Path, int, int, int], tuple[Vocabulary, Policy]] = {}


def _load_profile(path: Path, vocabulary: Vocabulary) -> Policy:
    from checker.profile import load_profile

    try:
        stat = path.stat()
    except OSError:
        return load_profile(path, vocabulary)  # raises the ConfigError that says why
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size, id(vocabulary))
    cached = _PROFILES.get(key)
    if cached is None or cached[0] is not vocabulary:
        cached = _PROFILES[key] = (vocabulary, load_profile(path, vocabulary))
    return cached[1]


def check_paths(paths: Sequence[Path], options: CheckOptions | None = None) -> Report:
    options = options or CheckOptions()
    vocabulary = default_vocabulary()
    if options.profile is not None:
        select_policy(options, None, vocabulary)  # a bad --profile stops the run before any file
    results = tuple(check_file(p, options, vocabulary) for p in collect_files(paths))
    return Report(results, lang=options.lang)


def check_file(
    path: Path, options: CheckOptions | None = None, vocabulary: Vocabulary | None = None
) -> FileResult:
    options = options or CheckOptions()
    vocabulary = vocabulary or default_vocabulary()
    # Every message of this file is rendered in the language asked for.
    with language(options.lang):
        try:
            return _check(path, options, vocabulary)
        except UnreadableRoster as exc:
            return _file_level(path, exc.code, exc.message, vocabulary, options)
        except ConfigError:
            raise  # a bad profile is the tool's problem (exit 2), not the roster's
        except (MemoryError, RecursionError) as exc:
            return _file_level(path, "E104",
                               f"the file exhausted the checker ({type(exc).__name__})",
                               vocabulary, options)  # fmt: skip
        except Exception as exc:
            return _file_level(path, "E101", f"{type(exc).__name__}: {exc}", vocabulary, options,
                               message_key="E101:internal")  # fmt: skip


def _file_level(
    path: Path, code: str, detail: str, vocabulary: Vocabulary, options: CheckOptions,
    rows: RowCounts | None = None, sheet: str | None = None, extra: dict[str, object] | None = None,
    message_key: str | None = None,
) -> FileResult:  # fmt: skip
    from_name = meta.from_file_name(path)
    policy = Policy.generic(vocabulary)
    found = Finding(
        code=code, rule=vocabulary.rule(code).name, severity=policy.severity(code),
        message=render(message_key or code, detail=detail), sheet=sheet,
    )  # fmt: skip
    return FileResult(
        path=_display_path(path),
        mission=options.mission or from_name.mission,
        period=options.period or from_name.period,
        rows=rows or RowCounts(),
        findings=(found,),
        extra=extra or {},
    )


def _display_path(path: Path) -> str:
    """Relative to the working folder when the file is under it, else absolute."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:  # elsewhere (or another drive on Windows)
        return str(absolute)


def _place_in_meetings(
    findings: list[Finding], used: pd.DataFrame, assessments: list[Assessment]
) -> list[Finding]:
    """Give cell findings on a used row the id of the meeting that row belongs to."""
    loose = [f for f in findings if f.meeting_id is None and f.row is not None]
    if not loose or not assessments:
        return findings
    import pandas as pd

    # Meetings were numbered in the order their keys first appear among the used rows.
    key_to_meeting = dict(zip(pd.unique(used["meeting"]), (a.meeting for a in assessments)))
    meeting_of = dict(zip(zip(used["sheet"], used["row"]), used["meeting"]))
    placed = []
    for finding in findings:
        key = meeting_of.get((finding.sheet, finding.row)) if finding in loose else None
        meeting = key_to_meeting.get(key) if key is not None else None
        if meeting is not None:
            finding = replace(finding, meeting_id=meeting.id, meeting_date=meeting.date,
                              platform=meeting.platform)  # fmt: skip
        placed.append(finding)
    return placed


def _check(path: Path, options: CheckOptions, vocabulary: Vocabulary) -> FileResult:
    return check_workbook(read_workbook(path), options, vocabulary)


def check_workbook(
    workbook: Workbook, options: CheckOptions, vocabulary: Vocabulary | None = None
) -> FileResult:
    """Check sheets already read (from a file, or built in memory by tests and other tools)."""
    with language(options.lang):
        return _check_workbook(workbook, options, vocabulary)


def _check_workbook(
    workbook: Workbook, options: CheckOptions, vocabulary: Vocabulary | None
) -> FileResult:
    # Heavy imports stay here so that `roster-check --help` does not pay for pandas.
    from checker import normalise, schema
    from checker.judge import assess_meetings
    from checker.rules import rules_by_scope

    vocabulary = vocabulary or default_vocabulary()
    path = workbook.path
    roster = normalise.build_roster(workbook, vocabulary)
    if not roster.tables:
        return _file_level(path, "E103", "", vocabulary, options,
                           extra={"sheets_seen": [s.name for s in workbook.sheets]})  # fmt: skip

    # Mission and period: command line, metadata sheet, file name, then the dates themselves.
    frame = roster.frame
    parsed = normalise.parse_dates(frame)
    known = meta.combine(
        meta.Metadata(options.mission, options.period, "command line", "command line"),
        roster.metadata,
        meta.from_file_name(path),
    )
    period = known.period
    if period is None and (inferred := meta.infer_period(parsed.months())):
        period = inferred
        known = replace(known, period=period, period_source="dates")

    policy = select_policy(options, known.mission, vocabulary)
    # The profile may add local platform names and titles: read the cells with its words.
    words = policy.vocabulary
    findings: list[Finding] = []
    required = [f for f, c in words.columns.columns.items() if c.required]
    broken_tables = set()
    for table in roster.tables:
        for field_name in required:
            if field_name not in table.columns:
                findings.append(schema.missing_column(table.sheet, field_name, words,
                                                      policy.severity))  # fmt: skip
                broken_tables.add(table.index)

    normalise.apply_dates(frame, parsed, period)
    normalise.apply_vocabulary(roster, words)
    in_broken = frame["table"].isin(broken_tables)
    checked = schema.validate(roster, words, period, policy.severity, rows=~in_broken)
    findings.extend(checked.findings)
    rejected = in_broken | frame.index.isin(checked.rejected)
    used = frame.index[~rejected]

    rows = RowCounts(
        read=roster.rows_read,
        used=len(used),
        skipped=roster.rows_skipped,
        rejected=int(rejected.sum()),
    )
    if roster.rows_read - roster.rows_skipped == 0:
        table = roster.tables[0]
        findings.append(Finding(
            code="E105", rule=words.rule("E105").name, severity=policy.severity("E105"),
            message=render("E105"), sheet=table.sheet,
        ))  # fmt: skip

    assessments = assess_meetings(roster, used, policy)
    meeting_rules, file_rules = rules_by_scope()
    for assessment in assessments:
        for rule in meeting_rules:
            if policy.enabled(rule.CODE):
                findings.extend(rule.check(assessment, policy))
    if not broken_tables and assessments:  # counting meetings needs a usable roster
        for rule in file_rules:
            if policy.enabled(rule.CODE):
                findings.extend(rule.check_file(assessments, policy, period))

    if known.template_version and template_outdated(known.template_version):
        findings.append(Finding(
            code="S212", rule=vocabulary.rule("S212").name, severity=policy.severity("S212"),
            message=render("S212", version=known.template_version, current=TEMPLATE_VERSION),
            value=known.template_version,
        ))  # fmt: skip

    for missing, value in (("mission", known.mission), ("period", period)):
        if value is None:
            findings.append(Finding(
                code="S210", rule=words.rule("S210").name, severity=policy.severity("S210"),
                message=render(f"S210:{missing}"), value=missing,
            ))  # fmt: skip

    meetings = tuple(a.meeting for a in assessments)
    findings = _place_in_meetings(findings, frame.loc[used], assessments)
    findings = [f for f in findings if policy.enabled(f.code)]
    findings = policy.waive(findings, meetings, period)
    findings.sort(key=Finding.sort_key)
    return FileResult(
        path=_display_path(path),
        mission=known.mission,
        period=period,
        rows=rows,
        meetings=meetings,
        findings=tuple(findings),
        profile=policy.name,
        sheets=tuple(t.sheet for t in roster.tables),
        tables=tuple((t.sheet, t.header_row) for t in roster.tables),
    )
