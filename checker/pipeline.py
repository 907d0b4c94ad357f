"""The two stages of a check: (1) read each file and lay out its roster tables
(checker.reader, checker.layout); (2) judge the laid-out files a batch at a time: frame and
code the cells (checker.normalise), validate them (checker.schema, pandera), judge each
meeting (checker.judge, checker.rules) → findings. checker.batch runs stage one in worker
processes; checker.api, on top, collects the files and picks how to run the stages.

This module imports neither pandas nor pydantic when it is imported: stage two and the
vocabulary load them when first needed.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from checker import metadata as meta
from checker import periods
from checker.config import ConfigError
from checker.dates import looks_like_date, read_date
from checker.findings import FileResult, Finding, Meeting, RowCounts
from checker.layout import Layout, RosterTable, Unlaid, lay_out_file
from checker.messages import Detail, Joined, Name, Wording, language
from checker.options import CheckOptions

if TYPE_CHECKING:
    import pandas as pd

    from checker.judge import Assessment
    from checker.policy import Policy
    from checker.profile_folder import ProfilesFolder
    from checker.vocabulary import Vocabulary


def select_policy(
    options: CheckOptions, mission: str | None, vocabulary: Vocabulary, roster: Path | None = None,
    folders: dict[Path, ProfilesFolder] | None = None,
) -> Policy:  # fmt: skip
    """The profile that applies: --profile FILE, else <MISSION>.yaml in the folder of
    profiles (--profiles DIR, else $ROSTER_CHECK_PROFILES, else the nearest roster-check.toml
    or pyproject.toml from the roster's folder — the working folder without a roster), else
    the generic table. A profile that cannot be loaded raises ConfigError (exit 2).
    `folders` keeps the folder found for each roster folder (the files of a batch share it)."""
    from checker.profile_folder import find_mission_profile, profiles_folder

    path = options.profile
    if path is None:
        start = roster.parent if roster else Path.cwd()
        folder = folders.get(start) if folders is not None else None
        if folder is None:
            folder = profiles_folder(options.profiles, start)
            if folders is not None:
                folders[start] = folder
        path = find_mission_profile(mission, folder.path)
    if path is None:
        return _generic(vocabulary)
    return _load_profile(path, vocabulary)


@functools.lru_cache(maxsize=8)
def _generic(vocabulary: Vocabulary) -> Policy:
    """One generic policy per vocabulary, so that files without a profile are judged together."""
    from checker.policy import Policy

    return Policy.generic(vocabulary)


# Loaded profiles, by version of the file and the vocabulary they extend: a folder of
# rosters of one mission loads its profile once. The key holds the vocabulary itself (not
# its id(), which a later vocabulary may reuse); a run names a few profiles, the oldest is
# dropped beyond PROFILES_KEPT.
PROFILES_KEPT = 32
_PROFILES: OrderedDict[tuple[Path, int, int, Vocabulary], Policy] = OrderedDict()


def _load_profile(path: Path, vocabulary: Vocabulary) -> Policy:
    try:
        stat = path.stat()
    except OSError:
        from checker.profile import load_profile

        return load_profile(path, vocabulary)  # raises the ConfigError that says why
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size, vocabulary)
    policy = _PROFILES.get(key)
    if policy is not None:
        _PROFILES.move_to_end(key)
        return policy
    policy = _PROFILES[key] = _kept_profile(path, vocabulary)
    if len(_PROFILES) > PROFILES_KEPT:
        _PROFILES.popitem(last=False)
    return policy


# A profile extending the bundled vocabulary is kept between runs too (checker.runcache):
# a hit skips PyYAML's import, the parse and pydantic's validation, and checker.profile's
# import (~25 ms of a one-roster run, for ~2 ms of unpickling). The file's name comes from
# the profile named, the base vocabulary's cache name and the code of the modules whose
# classes the pickle holds or that build it; the files of its `extends` chain, known only
# once parsed, are kept with their digests and each is read and compared on every hit.
_POLICY_BUILT_BY = ("profile", "policy", "vocabulary", "headers", "text", "config", "findings")


def _kept_profile(path: Path, vocabulary: Vocabulary) -> Policy:
    from checker import runcache
    from checker.policy import Policy

    cache = None
    if vocabulary.cache_name is not None:
        from pydantic.version import VERSION as pydantic_version

        package = Path(__file__).parent
        code = [package / f"{m}.py" for m in _POLICY_BUILT_BY]
        salt = f"{path}|{vocabulary.cache_name}|{pydantic_version}"
        cache = runcache.cache_file("profile", [path, *code], salt)
    if cache is not None:
        kept = runcache.read(cache, tuple)
        if (kept is not None and len(kept) == 2 and isinstance(kept[1], Policy)
                and _unchanged(kept[0], kept[1].sources)):  # fmt: skip
            return kept[1]
    from checker.profile import load_profile

    policy = load_profile(path, vocabulary)
    if cache is not None:
        digests = tuple(_digest(Path(source)) for source in policy.sources)
        if None not in digests:
            runcache.keep((digests, policy), cache)
    return policy


def _digest(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _unchanged(digests: object, sources: tuple[str, ...]) -> bool:
    """Each file of the kept profile's chain still has the bytes it was built from."""
    return (isinstance(digests, tuple) and len(digests) == len(sources)
            and all(_digest(Path(s)) == d for s, d in zip(sources, digests)))  # fmt: skip


# Rosters checked together in one vectorised pass: enough to spread pandas' and pandera's
# per-call cost, few enough (in files and in cells read) to keep memory flat on a folder of
# thousands of files or of big mission-year workbooks. 32 400-row rosters judge as fast per
# file as 64 (200-file batch, 2 cores: 1.67 vs 1.69 s) with a smaller peak (135 vs 142 MB).
CHUNK = 32
CHUNK_CELLS = 2_000_000


def check_in_process(
    paths: Iterable[Path],
    options: CheckOptions | None = None,
    vocabulary: Vocabulary | None = None,
    progress: Callable[[Path], None] | None = None,
) -> Generator[FileResult, None, None]:
    """Both stages in this process, a file at a time and a chunk at a time; each file's
    result, in order, as its chunk is judged. A file that cannot be read is a finding, not
    an exception. `progress` is called with each checked path."""
    from checker.vocabulary import default_vocabulary

    options = options or CheckOptions()
    vocabulary = vocabulary or default_vocabulary()
    headers = vocabulary.headers.with_user(dict(options.columns))
    laid_out = ((path, lay_out_file(path, headers)) for path in paths)  # one at a time
    return judge_in_batches(laid_out, options, vocabulary, progress)


def judge_in_batches(
    laid_out: Iterable[tuple[Path, Layout | Unlaid]],
    options: CheckOptions,
    vocabulary: Vocabulary,
    progress: Callable[[Path], None] | None = None,
) -> Generator[FileResult, None, None]:
    """Stage two over laid-out files as they come (from this process or batch workers):
    judged CHUNK files, or CHUNK_CELLS cells, at a time; one result per file, in order,
    given as soon as its chunk is judged (nothing keeps the results of a whole run)."""
    batch: list[tuple[Path, Layout | Unlaid]] = []
    cells = 0
    for path, item in laid_out:
        batch.append((path, item))
        cells += item.cells.size if isinstance(item, Layout) else 0
        del item  # the chunk's list holds it, and lets it go before its result is written
        if len(batch) >= CHUNK or cells >= CHUNK_CELLS:
            judged = _judge_chunk(batch, options, vocabulary, progress)
            batch, cells = [], 0
            yield from _written(judged)
    judged = _judge_chunk(batch, options, vocabulary, progress)
    batch = []
    yield from _written(judged)


def _written(judged: list[FileResult]) -> Iterator[FileResult]:
    """Judged results, each let go by the chunk as it is handed on: the laid-out cells
    (gone with the chunk) and the results already written are not held while the next is
    (a 200,000-row roster's cells: ~150 MB)."""
    judged.reverse()
    while judged:
        yield judged.pop()


def _judge_chunk(
    batch: list[tuple[Path, Layout | Unlaid]],
    options: CheckOptions,
    vocabulary: Vocabulary,
    progress: Callable[[Path], None] | None,
) -> list[FileResult]:
    results = judge_layouts([item for _, item in batch], options, vocabulary)
    if progress is not None:
        for path, _ in batch:
            progress(path)
    return results


def warm_up() -> None:
    """Import stage two (pandas, pandera) and load the vocabulary and the rules, as the
    first chunk would."""
    from checker import judge, normalise, schema  # noqa: F401
    from checker.rules import load_rules
    from checker.vocabulary import default_vocabulary

    default_vocabulary()
    load_rules()


def _failed(
    path: Path, exc: Exception, vocabulary: Vocabulary, options: CheckOptions
) -> FileResult:
    """A file that made the checker fail while judging: reported on that file."""
    if isinstance(exc, ConfigError):
        raise exc  # a bad profile is the tool's problem (exit 2), not the roster's
    return _unlaid_result(Unlaid.failure(path, exc), vocabulary, options)


def _unlaid_result(item: Unlaid, vocabulary: Vocabulary, options: CheckOptions) -> FileResult:
    if item.code == "E103":
        return _no_roster_table(item, vocabulary, options)
    # The reader's reason in the words of the catalogue when it gives one, chosen when the
    # message is rendered (so a re-render in another language says it in that language).
    detail = Detail(item.detail_key, tuple(item.fields.items())) if item.detail_key else item.detail
    return _file_level(item.path, item.code, detail, vocabulary, options, extra=item.extra,
                       message_key=item.message_key)  # fmt: skip


def _no_roster_table(item: Unlaid, vocabulary: Vocabulary, options: CheckOptions) -> FileResult:
    """E103, naming the headers seen on the most header-like row and the field each might
    be, so that the user knows what to rename."""
    hidden = item.extra.get("hidden_rosters")
    if isinstance(hidden, list) and hidden:
        return _file_level(item.path, "E103", "", vocabulary, options, extra=item.extra,
                           message_key="E103:hidden", sheet=None,
                           values={"sheets": ", ".join(hidden)})  # fmt: skip
    reading = item.extra.get("reading")
    sheets = reading.get("sheets", []) if isinstance(reading, dict) else []
    best = max((s for s in sheets if s.get("headers")), key=lambda s: len(s["headers"]),
               default=None)  # fmt: skip
    if best is None:
        return _file_level(item.path, "E103", "", vocabulary, options, extra=item.extra)
    # A tracker whose headers are dates not read ("04/11", "mar 3/12"): say which, rather
    # than ask to rename the columns Date | Platform.
    unread = [h for h in best["headers"] if looks_like_date(h) and read_date(h) is None]
    if len(unread) >= 2:
        return _file_level(item.path, "E103", "", vocabulary, options, extra=item.extra,
                           message_key="E103:dates", sheet=best["name"],
                           values={"row": best["header_row"], "header": unread[0],
                                   "count": len(unread)})  # fmt: skip
    described = []
    for header in best["headers"][:12]:
        nearest = vocabulary.nearest_field(header)
        # The field in the language of the message: "(→ réunion?)", not the field's code.
        described.append(Joined((f'"{header}" (→ ', Name("fields", nearest), "?)")) if nearest
                         else f'"{header}"')  # fmt: skip
    return _file_level(item.path, "E103", "", vocabulary, options, extra=item.extra,
                       message_key="E103:headers", sheet=best["name"],
                       values={"row": best["header_row"], "headers": Joined(tuple(described), ", ")})  # fmt: skip


def _file_level(
    path: Path, code: str, detail: Wording | str, vocabulary: Vocabulary, options: CheckOptions,
    rows: RowCounts | None = None, sheet: str | None = None, extra: dict[str, object] | None = None,
    message_key: str | None = None, values: dict[str, object] | None = None,
) -> FileResult:  # fmt: skip
    from_name = meta.from_file_name(path)
    # No profile is chosen for a file that cannot be judged: the generic policy's severities.
    variant = (message_key or "").partition(":")[2]
    found = Finding.make(code, _generic(vocabulary), variant, at={"sheet": sheet}, detail=detail,
                         sheet=sheet, **(values or {}))  # fmt: skip
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


class _MeetingAt:
    """The meeting a used row of one file belongs to, by (sheet, Excel row): what a cell
    finding is placed in when it is made. The lookup is built when first asked."""

    def __init__(self, used: pd.DataFrame, file: int, assessments: list[Assessment]) -> None:
        self.used, self.file, self.assessments = used, file, assessments
        self.by_row: dict[tuple[str, int], Meeting] | None = None

    def __call__(self, sheet: str | None, row: int | None) -> Meeting | None:
        if row is None or not self.assessments:
            return None
        if self.by_row is None:
            import pandas as pd

            mine = self.used[self.used["file"] == self.file]
            # Meetings were numbered in the order their keys first appear among the used rows.
            by_key = dict(zip(pd.unique(mine["meeting"]), (a.meeting for a in self.assessments)))
            self.by_row = {(s, r): by_key[k] for s, r, k in
                           zip(mine["sheet"], mine["row"], mine["meeting"]) if k in by_key}  # fmt: skip
        return self.by_row.get((str(sheet), row))


@dataclass
class _Prepared:
    """One file's roster tables, its mission, period and policy: ready to be judged with others."""

    layout: Layout
    known: meta.Metadata
    policy: Policy
    findings: list[Finding]
    broken_tables: set[int]  # tables missing a required column: their rows are rejected
    # The statements of the period (command line, Metadata sheet, file name; each list's
    # heading month), and what they come to (checker.periods).
    stated: tuple[periods.Statement, ...] = ()
    titles: dict[int, periods.Statement] = field(default_factory=dict)
    decided: periods.PeriodReading | None = None


def judge_layouts(
    items: Sequence[Layout | Unlaid], options: CheckOptions, vocabulary: Vocabulary
) -> list[FileResult]:
    """Stage two: judge laid-out files (and report those that could not be laid out); the
    files that share a profile are judged in one pass. One result per item."""
    with language(options.lang):
        return _judge_layouts(items, options, vocabulary)


def _judge_layouts(
    items: Sequence[Layout | Unlaid], options: CheckOptions, vocabulary: Vocabulary
) -> list[FileResult]:
    results: list[FileResult | None] = [None] * len(items)
    groups: dict[int, list[tuple[int, _Prepared]]] = {}
    folders: dict[Path, ProfilesFolder] = {}  # of profiles, by roster folder
    for position, item in enumerate(items):
        if isinstance(item, Unlaid):
            results[position] = _unlaid_result(item, vocabulary, options)
            continue
        try:
            prepared = _prepare(item, options, vocabulary, folders)
        except ConfigError:
            raise
        except Exception as exc:
            results[position] = _failed(item.path, exc, vocabulary, options)
            continue
        groups.setdefault(id(prepared.policy), []).append((position, prepared))
    for group in groups.values():
        try:
            judged = _judge([p for _, p in group])
        except ConfigError:
            raise
        except Exception:
            # Judge each file alone, so that the one that fails costs only itself.
            judged = []
            for _, prepared in group:
                try:
                    judged.extend(_judge([prepared]))
                except Exception as exc:
                    judged.append(_failed(prepared.layout.path, exc, vocabulary, options))
        for (position, _), result in zip(group, judged):
            results[position] = result
    return [r for r in results if r is not None]


def _prepare(
    layout: Layout, options: CheckOptions, vocabulary: Vocabulary,
    folders: dict[Path, ProfilesFolder] | None = None,
) -> _Prepared:  # fmt: skip
    """The mission, the period and the profile of a laid-out file."""
    from checker import schema
    from checker.reading import undated_columns

    # Mission and period: command line, metadata sheet, file name, then (when judged) the
    # dates themselves.
    from_name = meta.from_file_name(layout.path)
    known = meta.combine(
        meta.Metadata(options.mission, options.period, "command line", "command line"),
        layout.metadata,
        from_name,
    )
    # The period's statements may disagree (a title "DECEMBER 2026" in a file named 2026-11):
    # the period is then the title's, and no date is read by one of them alone (S222).
    stated = tuple(periods.Statement(source, period) for source, period in (
        ("command line", options.period), ("metadata sheet", layout.metadata.period),
        ("file name", from_name.period)) if period)  # fmt: skip
    titles = {i: periods.Statement("title", t.list_month[3], t.sheet, t.list_month[0],
                                   t.list_month[1], t.list_month[2])
              for i, t in enumerate(layout.tables) if t.list_month is not None}  # fmt: skip
    decided = periods.decide(stated, titles)
    if decided.period != known.period:
        known = replace(known, period=decided.period, period_source=decided.source)
    policy = select_policy(options, known.mission, vocabulary, layout.path, folders)
    if policy.columns and layout.path.is_file():
        # The profile names headers of its own: read the file again with them (stage one
        # ran before the profile was known).
        headers = vocabulary.headers.with_user(policy.column_headers(options.columns))
        relaid = lay_out_file(layout.path, headers)
        if isinstance(relaid, Layout):
            layout = relaid
    words = policy.vocabulary
    findings: list[Finding] = []
    broken_tables = set()
    required = [f for f, c in words.columns.columns.items() if c.required]
    for table in layout.tables:
        for field_name in required:
            if not table.has(field_name):
                block = (table.header_row, *table.span) if table.span is not None else None
                findings.append(schema.missing_column(table.sheet, field_name, policy, block,
                                                      table.platform_like))  # fmt: skip
                broken_tables.add(table.index)
    # A tracker column whose date the sheet and the period do not give is not read.
    undated, unread = undated_columns(layout, known.period, policy)
    findings += undated
    broken_tables |= unread
    return _Prepared(layout, known, policy, findings, broken_tables, stated, titles, decided)


def _judge(batch: list[_Prepared]) -> list[FileResult]:
    """Frame, match, validate and judge the rosters of one policy together; one result per
    file."""
    import numpy as np

    from checker import normalise, offices, schema
    from checker.judge import assess_meetings, attribute_unread_rows, unjudged_meetings
    from checker.reading import (
        affiliation_findings,
        calendar_findings,
        column_findings,
        date_order_findings,
        example_findings,
        reading_dict,
        sheet_findings,
        version_findings,
    )
    from checker.rules import RosterFile, judge_file, judge_meeting

    policy = batch[0].policy
    # The profile may add local platform names and titles: read the cells with its words.
    words = policy.vocabulary
    roster = normalise.build_roster([p.layout for p in batch])
    frame = roster.frame
    files = frame["file"].to_numpy(dtype=np.int64)
    normalise.apply_outside_cells(roster, words, [p.known.period for p in batch])

    # A file that names no period gets the month most of its dates fall in.
    parsed = roster.parsed_dates = normalise.parse_dates(frame)
    roster.date_orders = normalise.date_orders(frame, parsed, roster.tables)
    month_first = [t for t, o in roster.date_orders.items() if o.order == normalise.MONTH_FIRST]
    month_first_rows = frame["table"].isin(month_first).to_numpy()
    for position, prepared in enumerate(batch):
        if prepared.known.period is None:
            inferred = meta.infer_period(parsed.months(files == position, month_first_rows))
            if inferred:
                prepared.known = replace(prepared.known, period=inferred, period_source="dates")
    offset = 0
    for prepared in batch:
        # A list whose dates that read one way only all fall in another month (periods.py).
        dated: dict[int, periods.Statement] = {}
        for i in range(len(prepared.layout.tables)):
            codes = parsed.codes[(frame["table"] == offset + i).to_numpy()]
            month = periods.one_way_month([parsed.values[c] for c in set(codes.tolist()) if c >= 0])
            if month is not None:
                dated[i] = periods.Statement("dates", month)
        if prepared.known.period_source != "dates":
            prepared.decided = periods.decide(prepared.stated, prepared.titles, dated)
            for i in range(len(prepared.layout.tables)):
                months = prepared.decided.of(i)
                if months != (prepared.known.period,):
                    roster.date_periods[offset + i] = months
        offset += len(prepared.layout.tables)
    normalise.apply_dates(frame, parsed, [p.known.period for p in batch], roster.date_orders,
                          roster.date_periods)  # fmt: skip
    normalise.apply_vocabulary(roster, words, [bool(p.known.template_version) for p in batch])
    # IOM staff of another country's mission or of a regional office: not this mission's.
    offices.apply_other_offices(roster, [p.known.mission for p in batch],
                                frozenset(words.headers.iom))  # fmt: skip
    # Rows of another mission (a regional compilation's Country column): not read, skipped;
    # a table headed with another mission's office: every row in doubt (S223).
    elsewhere, mission_notes = offices.apply_missions(
        roster, [p.known.mission for p in batch], frozenset(words.headers.iom)
    )

    broken: set[int] = set()
    offset = 0
    for prepared in batch:
        broken |= {t + offset for t in prepared.broken_tables}
        offset += len(prepared.layout.tables)
    in_broken = frame["table"].isin(broken)
    checked = schema.validate(roster, policy, rows=~in_broken & ~elsewhere)
    rejected = in_broken | frame.index.isin(checked.rejected)
    # A side meeting's rows ("HCT Sub-Group on Durable Solutions") are no platform's: not
    # judged, not listed as a meeting, counted skipped (S221 names their cells); another
    # mission's rows likewise (S223).
    side = frame.index.isin(checked.side) | (elsewhere & ~in_broken.to_numpy())
    used = frame.index[~rejected & ~side]
    used_per_file = np.bincount(files[~rejected.to_numpy() & ~side], minlength=len(batch))
    rejected_per_file = np.bincount(files[rejected.to_numpy()], minlength=len(batch))
    side_per_file = np.bincount(files[side], minlength=len(batch))

    by_file: dict[int, list[Assessment]] = {}
    unread = frame.index[rejected & ~in_broken]
    assessed, attributed = attribute_unread_rows(assess_meetings(roster, used, policy), roster,
                                                 unread)  # fmt: skip
    for assessment in assessed:
        by_file.setdefault(assessment.file, []).append(assessment)
    unjudged: dict[int, list[Meeting]] = {}
    numbered = {file: len(found) for file, found in by_file.items()}
    for file, meeting in unjudged_meetings(roster, unread.difference(attributed), numbered):
        unjudged.setdefault(file, []).append(meeting)
    used_rows = frame.loc[used, ["file", "sheet", "row", "meeting"]]

    results = []
    offset = 0
    for position, prepared in enumerate(batch):
        assessments = by_file.get(position, [])
        meeting_at = _MeetingAt(used_rows, position, assessments)
        findings = prepared.findings + checked.findings(position, policy, meeting_at)
        layout, known = prepared.layout, prepared.known
        findings += sheet_findings(layout, policy)
        findings += example_findings(layout, policy)
        findings += calendar_findings(layout, policy)
        findings += version_findings(layout, policy)
        findings += column_findings(layout, policy)
        findings += affiliation_findings(roster, layout.tables, offset, policy, meeting_at)
        findings += date_order_findings(roster, layout.tables, offset, policy)
        findings += _period_findings(prepared, policy)
        findings += offices.mission_findings(
            [n for n in mission_notes if n.file == position], known.mission, policy
        )
        reading = reading_dict(layout, roster, offset)
        offices.mission_reading(reading, [n for n in mission_notes if n.file == position])
        if known.period_source == "dates":  # a reading the file does not state: say so
            reading["period"] = {"value": known.period, "from": "dates"}
        offset += len(layout.tables)
        for assessment in assessments:
            findings += judge_meeting(assessment, policy)
        findings += judge_file(RosterFile(
            policy, assessments, mission=known.mission, mission_source=known.mission_source,
            period=known.period, template_version=known.template_version,
            sheet=layout.tables[0].sheet,
            # Only skipped rows (a side meeting's too): no meeting to judge, never "compliant".
            empty=layout.rows_read - layout.rows_skipped - int(side_per_file[position]) == 0,
            usable=not prepared.broken_tables,
        ))  # fmt: skip

        meetings = tuple(a.meeting for a in assessments) + tuple(unjudged.get(position, []))
        findings = [f for f in findings if policy.enabled(f.code)]
        findings = policy.waive(findings, meetings, known.period)
        findings.sort(key=Finding.sort_key)
        results.append(FileResult(
            path=_display_path(layout.path),
            mission=known.mission,
            period=known.period,
            rows=RowCounts(
                read=layout.rows_read,
                used=int(used_per_file[position]),
                skipped=layout.rows_skipped + int(side_per_file[position]),
                rejected=int(rejected_per_file[position]),
            ),
            meetings=meetings,
            findings=tuple(findings),
            profile=policy.name,
            profile_path=_display_path(Path(policy.sources[0])) if policy.sources else None,
            sheets=tuple(dict.fromkeys(t.sheet for t in layout.tables)),
            tables=tuple(dict.fromkeys(_table_place(t) for t in layout.tables)),
            extra={"reading": reading},
        ))  # fmt: skip
    return results


_STATED = {"command line": "period_stated_command_line", "metadata sheet": "period_stated_metadata",
           "file name": "period_stated_file_name", "title": "period_stated_title"}  # fmt: skip


def _period_findings(prepared: _Prepared, policy: Policy) -> list[Finding]:
    """S222: the roster states its period differently (checker.periods), at the heading
    that states it, if one does."""
    from checker.findings import column_letter
    from checker.messages import Phrase

    decided = prepared.decided
    if decided is None or not decided.conflict:
        return []
    parts = []
    for stated in decided.conflict:
        cell = (f"{stated.sheet}!{column_letter(stated.col)}{stated.row}"
                if stated.row is not None and stated.col is not None else "")  # fmt: skip
        parts.append(Phrase.of(_STATED[stated.source], period=stated.period,
                               text=stated.text or "", cell=cell))  # fmt: skip
    title = next((s for s in decided.conflict if s.row is not None), None)
    at: dict[str, object] = {}
    if title is not None and title.col is not None:
        at = {"sheet": title.sheet, "row": title.row, "column": column_letter(title.col),
              "value": title.text}  # fmt: skip
    return [Finding.make("S222", policy, at=at, sheet=title.sheet if title else None,
                         statements=Joined(tuple(parts), "; "), period=decided.period)]  # fmt: skip


def _table_place(table: RosterTable) -> tuple[str, int, int | None]:
    """Where a table is, for the annotated copy: its sheet, header row, and last column
    when it stands beside another."""
    return table.sheet, table.header_row, table.span[1] if table.span is not None else None
