"""The pandera schema of a normalised roster, built from the vocabulary; its failures → S2xx.

Each check is named after the finding code it raises. `validate` is the one place where
pandera's failure cases are turned into findings and the frame's index is mapped back to
the sheet, row and column a person must look at.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

from checker.dates import Unread, unread
from checker.findings import Finding, Meeting, Severity, column_letter
from checker.layout import RosterTable
from checker.messages import Joined, Name, Person, Phrase
from checker.normalise import BLANK, SIDE, UNKNOWN, Roster
from checker.policy import Policy
from checker.roster_language import forms_of, says_in, written_in
from checker.text import fold
from checker.titleblock import MeetingNumber
from checker.vocabulary import Vocabulary, doubt_in


def rejecting(vocabulary: Vocabulary) -> frozenset[tuple[str, str]]:
    """(code, field) of the failures that leave a row without a meeting: such rows are
    rejected (`rejects` in schemas/rules.yaml)."""
    return frozenset((code, field_name) for code, entry in vocabulary.rules.rules.items()
                     for field_name in entry.rejects)  # fmt: skip


# Frame column checked → the roster field (and cell) it comes from.
SOURCE_FIELD = {
    "date_iso": "date",
    "platform_code": "platform",
    "level_code": "level",
    "role": "title",
    "sector_code": "sector",
    "capacity_code": "capacity",
}


def _is_not(value: str) -> Callable[[pd.Series], pd.Series]:
    return lambda s: s.ne(value)


def _one_of(codes: set[str]) -> Callable[[pd.Series], pd.Series]:
    allowed = sorted(codes | {BLANK})  # blanks are the S202 check's business
    return lambda s: s.isin(allowed)


def _in_period(frame: pd.DataFrame) -> pd.Series:
    """Each row's date against its own file's period (files of many months are checked
    together). ISO dates compare as text: "2026-10-05".startswith("2026-10")."""
    inside = [
        period is None
        or period != period
        or len(date) not in (7, 10)
        or date.startswith(period)
        or period.startswith(date)
        for date, period in zip(frame["date_iso"].tolist(), frame["period"].tolist())
    ]
    return pd.Series(inside, index=frame.index)


def _check(code: str, fn: Callable[[pd.Series], pd.Series], ignore_na: bool = True) -> pa.Check:
    """ignore_na=False where no null can be: on the columns that are not nullable (a null
    there fails pandera's own not_nullable check, which `validate` raises on) and on the
    frame-wide checks (a row is never null in every column: `meeting` is a number). It
    spares pandera an isna() and a dropna() of the column per check: 111 -> 70 ms of
    validation for the 200 bench rosters."""
    return pa.Check(fn, name=code, ignore_na=ignore_na)


@functools.lru_cache(maxsize=8)  # one per vocabulary (a profile's words make another)
def build_schema(vocabulary: Vocabulary) -> pa.DataFrameSchema:
    words = vocabulary.words
    date_checks = [_check("S202", _is_not(BLANK), False), _check("S203", _is_not(UNKNOWN), False)]
    return pa.DataFrameSchema(
        {
            "date_iso": pa.Column(None, checks=date_checks),
            "platform_code": pa.Column(
                None,
                checks=[
                    _check("S202", _is_not(BLANK), False),
                    _check("S204", _one_of(set(vocabulary.platform_names)), False),
                ],
            ),
            "level_code": pa.Column(
                None, checks=[_check("S206", _one_of(set(words.levels)), False)]
            ),
            "role": pa.Column(
                None,
                nullable=True,
                checks=[_check("S202", _is_not(BLANK)), _check("S205", _one_of(set(words.roles)))],
            ),
            "sector_code": pa.Column(
                None,
                nullable=True,
                checks=[
                    _check("S202", _is_not(BLANK)),
                    _check("S209", _one_of(set(words.sectors))),
                ],
            ),
            "capacity_code": pa.Column(
                None, checks=[_check("S211", _one_of(set(words.capacities)), False)]
            ),
            "attendee_key": pa.Column(None, nullable=True),
            "meeting": pa.Column(int),
            "period": pa.Column(None, nullable=True),
        },
        # Checks that need two columns: the file's period, the meeting of each attendee.
        checks=[_check("S207", _in_period, False), _check("S208", _once_per_meeting, False)],
        strict=True,
    )


def _once_per_meeting(frame: pd.DataFrame) -> pd.Series:
    # Undated rows ("EHP 1", "EHP 2": meeting numbers, no date) share a meeting number here
    # though they are two meetings: a name on both is not listed twice. Their meeting is
    # undetermined anyway (S203).
    dated = frame["date_iso"].astype(str).str.len().isin((7, 10))
    named = frame["attendee_key"].notna() & dated
    return ~(named & frame.duplicated(["meeting", "attendee_key"]))


# A row of a person listed twice at one meeting: its index, presence cell and row number.
_Twin = tuple[Any, Any, int]


def _twins(frame: pd.DataFrame) -> dict[Any, list[_Twin]]:
    """The rows of each person listed more than once at one meeting, in the frame's order,
    under each of their indices: found in one pass, so that a file's S208 findings cost one
    look at the frame, not one each (the narrow 210,900-row file: a look at the whole frame
    for each of its 140,599 S208 findings ran for more than 15 minutes)."""
    keys = frame[["meeting", "attendee_key"]]
    again = (keys["attendee_key"].notna() & keys.duplicated(keep=False)).to_numpy()
    groups: dict[tuple[Any, Any], list[_Twin]] = {}
    for twin in zip(frame.index[again], frame["presence"].to_numpy()[again],
                    frame["row"].to_numpy()[again], keys["meeting"].to_numpy()[again],
                    keys["attendee_key"].to_numpy()[again]):  # fmt: skip
        groups.setdefault(twin[3:], []).append(twin[:3])
    return {twin[0]: group for group in groups.values() for twin in group}


def _differing_twin(index: Any, twins: list[_Twin]) -> dict[str, Any] | None:
    """For a person listed twice at one meeting (S208): the earlier row, when the two say
    different things of their attendance ("Présent" in a draft, "Excusé" in the final):
    deleting either one at random may delete the only record of their absence. `twins`:
    that person's rows at that meeting, in the frame's order (`_twins`)."""
    said = next(presence for other, presence, _ in twins if other == index)
    for other_index, other, row in twins:
        if other_index == index:
            break
        if other != said:
            return {"said": "" if said is None else said,
                    "other": "" if other is None else other, "other_row": int(row)}  # fmt: skip
    return None


_FRAME_CHECKS = {"S207": "date", "S208": "attendee"}  # frame-wide check → the cell to show


# What a finding is made of, before the meetings are known: code, variant, the values of
# _AT in that order, and the names and values of its fields but those that are "" (a field
# not given is rendered "", as "" is). Held for every finding of a file until its meetings
# are made: two dicts a draft, of 13 keys mostly empty, were ~250 MB at the peak of a
# 210,900-row roster with 358,000 findings.
_Draft = tuple[str, str, tuple[Any, ...], tuple[str, ...], tuple[Any, ...]]
_AT = ("sheet", "row", "column", "value", "suggestion", "meeting_date", "platform")


def _draft(code: str, variant: str, at: dict[str, Any], fields: dict[str, Any],
           names: dict[tuple[str, ...], tuple[str, ...]] | None = None) -> _Draft:  # fmt: skip
    """The draft of a finding; `names`: the tuples of names made so far, so that the drafts
    with the same fields share one."""
    kept = tuple(name for name, value in fields.items() if not isinstance(value, str) or value)
    if names is not None:
        kept = names.setdefault(kept, kept)
    where = tuple(at.get(name) for name in _AT)
    return code, variant, where, kept, tuple(fields[name] for name in kept)


@dataclass
class Validation:
    # The failures per file of the roster (its `file` column), and the rows that were rejected.
    drafts: dict[int, list[_Draft]]
    rejected: pd.Index
    # Rows of side meetings (normalise.SIDE): not validated, skipped, each cell said (S221).
    side: pd.Index = field(default_factory=lambda: pd.RangeIndex(0))

    def findings(self, file: int, policy: Policy, meeting_at: MeetingAt) -> list[Finding]:
        """The file's findings, each in the meeting of its row when the row is in one: the
        rows a meeting keeps are known only once the rejected rows are left out, after
        validation, so the findings are made then rather than placed after. Asked once per
        file: each draft is let go as its finding is made, so that a file of 200,000
        findings does not hold both."""
        found = []
        drafts = self.drafts.pop(file, [])
        for position, (code, variant, where, names, values) in enumerate(drafts):
            drafts[position] = None  # type: ignore[call-overload]
            at = dict(zip(_AT, where))
            meeting = meeting_at(at["sheet"], at["row"])
            if meeting is not None:
                at |= meeting.place()
            found.append(Finding.make(code, policy, variant, at=at, **dict(zip(names, values))))
        return found


# The meeting a cell's row belongs to, if any (checker.pipeline).
MeetingAt = Callable[[str | None, int | None], Meeting | None]


def validate(roster: Roster, policy: Policy, rows: pd.Series | None = None) -> Validation:
    """Check the roster's frame (or the `rows` of it) and return findings and rejected rows."""
    schema = build_schema(policy.vocabulary)
    # Only the checked columns: pandera's cost grows with the width of the frame it is given.
    frame = roster.frame.loc[:, list(schema.columns)]
    if rows is not None:
        frame = frame[rows]
    is_side = frame["platform_code"].eq(SIDE)
    side = frame.index[is_side.to_numpy()]
    if len(side):  # a side meeting's rows: no platform's, nothing of them to check
        frame = frame[~is_side]
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    else:
        return Validation(_side_drafts(roster, side, policy.vocabulary), frame.index[:0], side)
    ours = cases["check"].astype(str).str.match(r"^S\d{3}$")
    if not ours.all():  # a dtype or column failure is a fault of the checker, not of the roster
        raise RuntimeError(f"schema failure: {cases[~ours].iloc[0].to_dict()}")
    # Only what a finding is made of: pandera's failure cases hold a value for each of
    # them, and a frame-wide check fails every column of its row (830,000 cases for the
    # 290,000 findings of a 200,000-row roster). Neither they nor the checked frame are
    # kept while the findings are drafted.
    cases = _in_schema_order(cases, frame, list(schema.columns))
    del frame
    checked = _to_findings(cases, roster, policy)
    for file, drafts in _side_drafts(roster, side, policy.vocabulary).items():
        checked.drafts.setdefault(file, []).extend(drafts)
    return replace(checked, side=side)


def _side_drafts(roster: Roster, side: pd.Index, vocabulary: Vocabulary) -> dict[int, list[_Draft]]:
    """S221 for each platform cell naming a side meeting, once a cell (a heading, or a
    merged cell, holds the platform of many rows)."""
    if side.empty:
        return {}
    frame = roster.frame
    drafts: dict[tuple[int, int, str | None], tuple[int, _Draft]] = {}
    for table, file, row, text in zip(frame.loc[side, "table"],
                                             frame.loc[side, "file"], frame.loc[side, "row"],
                                             frame.loc[side, "platform"]):  # fmt: skip
        excel_row, letter = roster.cell_of(int(table), int(row), "platform")
        key = (int(table), excel_row, letter)
        if key in drafts:
            continue
        sheet = roster.tables[int(table)].sheet
        of = vocabulary.side_meeting(text) or ""  # the platform it is a side meeting of
        drafts[key] = int(file), _draft("S221", "of" if of else "",
                                        {"sheet": sheet, "row": excel_row, "column": letter,
                                         "value": text},
                                        {"value": text, "of": of})  # fmt: skip
    by_file: dict[int, list[_Draft]] = {}
    for file, draft in drafts.values():
        by_file.setdefault(file, []).append(draft)
    return by_file


def _in_schema_order(cases: pd.DataFrame, frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The failure cases of rows (index, column and check: what a finding is made of) check
    by check in the schema's order, each check's rows in the frame's order. pandera sorts
    them by context only, with an unstable sort: past a few dozen cases the rows of one file
    came out in an order that depended on the other files judged with it, and so did the
    row whose finding a merged cell keeps (the first one) and the order of the findings of
    one cell (field7's MWI, chunked differently). Only the three columns are copied: all of
    them, twice, were 73 MB of 1.9 million cases (a 210,900-row roster)."""
    of_rows = cases["index"].notna().to_numpy()
    order = np.flatnonzero(of_rows)[np.lexsort((
        frame.index.get_indexer(cases["index"].to_numpy()[of_rows]),
        cases["check_number"].to_numpy()[of_rows],
        cases["column"].map({c: i for i, c in enumerate(columns)}).to_numpy()[of_rows],
        cases["schema_context"].ne("DataFrameSchema").to_numpy()[of_rows],  # frame-wide first
    ))]  # fmt: skip
    return cases.iloc[order, [cases.columns.get_loc(name) for name in ("index", "column", "check")]]


def _row_values(frame: pd.DataFrame) -> dict[Any, tuple[Any, ...]]:
    """frame.to_dict("index") with each row's values as a tuple, not a dict: the same values
    (those of object columns made native, as pandas does there) in 160 B a row of 13
    columns rather than ~650 (a roster with 210,000 rows of findings: ~100 MB less)."""
    from pandas.api.types import is_object_dtype
    from pandas.core.dtypes.cast import maybe_box_native

    if not frame.index.is_unique:
        raise ValueError("DataFrame index must be unique for orient='index'.")
    boxed = [at for at, dtype in enumerate(frame.dtypes) if is_object_dtype(dtype)]
    rows = {}
    for index, *values in frame.itertuples(name=None):
        for at in boxed:
            values[at] = maybe_box_native(values[at])
        rows[index] = tuple(values)
    return rows


def _to_findings(cases: pd.DataFrame, roster: Roster, policy: Policy) -> Validation:
    frame = roster.frame
    vocabulary = policy.vocabulary
    findings: dict[tuple[str, int, int, str | None], tuple[int, _Draft]] = {}
    rejected: set[Any] = set()
    missing_columns: set[tuple[int, str]] = set()
    rejects = rejecting(vocabulary)
    frame_wide = cases["check"].isin(list(_FRAME_CHECKS))
    if frame_wide.any():
        # pandera lists a frame-wide failure once for every column of the row; they all make
        # the same finding (a year named without its month: 7 cases for each of its rows).
        cases = cases[~(frame_wide & cases.duplicated(["index", "check"])).to_numpy()]
    indices = pd.unique(cases["index"])
    wanted = dict.fromkeys(
        ["table", "file", "row", "period", *SOURCE_FIELD.values(), "attendee", "date_iso",
         "platform_code"]
    )  # fmt: skip
    rows = _row_values(frame.loc[indices, list(wanted)])
    known = _known_platforms(vocabulary)  # one for all the S204 findings: it is the same
    no_name = Phrase("no_name")  # and one for all the rows without a name
    names: dict[tuple[str, ...], tuple[str, ...]] = {}  # of the fields, one tuple a kind
    twins: dict[Any, list[_Twin]] | None = None  # of the S208 findings, made at the first
    languages: dict[int, str | None] = {}  # of each table, for its S205 suggestions
    for index, column, code in zip(cases["index"], cases["column"], cases["check"]):
        # S207/S208 check the whole frame: pandera lists every column of a failing row.
        field_name = _FRAME_CHECKS.get(code) or SOURCE_FIELD[column]
        row = dict(zip(wanted, rows[index]))  # let go at the next case
        if (code, field_name) in rejects:
            rejected.add(index)
        table = roster.tables[int(row["table"])]
        if code == "S208" and table.meeting_app:  # its Joined/Left lines: one per connection
            continue
        if code == "S202" and not (field_name in table.columns or (
                field_name == "platform" and table.groups)):  # fmt: skip
            missing_columns.add((table.index, field_name))  # one S201 for the table instead
            continue
        excel_row, letter = roster.cell_of(int(row["table"]), int(row["row"]), field_name)
        value = row[field_name]
        key = (code, table.index, excel_row, letter)
        if key in findings:  # a merged cell is reported once
            continue
        suggestion = _suggest(code, value, vocabulary)
        if code == "S205" and suggestion is not None:
            if table.index not in languages:
                languages[table.index] = _table_language(frame, table)
            suggestion = _title_in(suggestion, value, languages[table.index], vocabulary)
        contained = vocabulary.contained_role(value) if code == "S205" else None
        if contained == "OTHER":  # "Asistente de Gestión de Recursos" does not contain the
            contained = None  # words "Other IOM staff": "not in the list" is what is true
        variant = "contains" if contained else field_name if code == "S202" else ""
        if code == "S205" and (doubt := doubt_in(str(value))) is not None:
            variant = doubt  # "Chief of Mission?": not sure; "Chief of Mission*": a footnote
        why_unread = (
            unread(value, row["period"], roster.date_order(int(row["table"])),
                   roster.date_periods.get(int(row["table"]), ()))
            if code == "S203" else None
        )  # fmt: skip
        if why_unread is not None:  # a date that is one, but not read: say why
            variant = why_unread.reason
        elif code == "S203" and isinstance(value, MeetingNumber):  # "EHP 1": not the 1st
            variant = "meeting_number"
        other = None
        if code == "S208":
            if twins is None:
                twins = _twins(frame)
            other = _differing_twin(index, twins[index])
        if other is not None:  # the two rows disagree: which to delete is the question
            variant = "differ"
        findings[key] = int(row["file"]), _draft(
            code, variant,
            {"sheet": table.sheet, "row": excel_row, "column": letter, "value": value,
             "suggestion": suggestion,
             "meeting_date": row["date_iso"] if len(str(row["date_iso"])) in (7, 10) else None,
             "platform": row["platform_code"]
             if row["platform_code"] in vocabulary.platform_names else None},
            {"role": Name("roles", contained) if contained else "",
             "value": value,
             "name": Person(row["attendee"]) if row["attendee"] else no_name,
             "suggestion": suggestion,
             "date": row["date_iso"],
             "period": row["period"],
             "periods": ", ".join(roster.date_periods.get(int(row["table"]), ())),
             "platform": row["platform"],
             "known": known if code == "S204" else "",
             **_unread_date_fields(why_unread), **(other or {})},
            names,
        )  # fmt: skip
    files = frame.groupby("table")["file"].first() if missing_columns else {}
    for table_index, field_name in sorted(missing_columns):
        why: Phrase | str = Phrase("why_title") if field_name == "title" else ""
        differ = roster.platforms_differ.get(table_index)
        if field_name == "platform" and differ:
            texts = Joined(tuple(f'"{text}"' for text in differ), ", ")
            why = Phrase.of("why_platforms_differ", texts=texts)
        if not differ:
            why = _platform_like(field_name, roster.tables[table_index].platform_like) or why
        findings[("S201", table_index, 0, field_name)] = int(files[table_index]), _draft(
            *_missing(roster.tables[table_index].sheet, field_name, vocabulary, why=why)
        )  # fmt: skip
    by_file: dict[int, list[_Draft]] = {}
    for file, found in findings.values():
        by_file.setdefault(file, []).append(found)
    return Validation(by_file, pd.Index(sorted(rejected)))


def missing_column(
    sheet: str, field_name: str, policy: Policy, block: tuple[int, int, int] | None = None,
    like: tuple[int, str] | None = None,
) -> Finding:  # fmt: skip
    """`block`: (header row, first and last 0-based column) of a table beside another,
    whose cells the message names. `like`: a column not read whose values look like
    platforms (0-based, header), which the message names with the option that maps it."""
    code, variant, at, fields = _missing(sheet, field_name, policy.vocabulary,
                                         why=_platform_like(field_name, like))  # fmt: skip
    if block is not None:
        row, first, last = block
        cells = f"{column_letter(first)}{row}:{column_letter(last)}{row}"
        variant, at = "block", at | {"row": row, "column": column_letter(first)}
        fields = fields | {"range": cells}
    return Finding.make(code, policy, variant, at=at, **fields)


def _platform_like(field_name: str, like: tuple[int, str] | None) -> Phrase | str:
    """S201's hint when the platform is missing but a column's values look like platforms."""
    if field_name != "platform" or like is None:
        return ""
    return Phrase.of("why_platform_like", column=column_letter(like[0]), header=like[1])


def _missing(
    sheet: str, field_name: str, vocabulary: Vocabulary, why: Phrase | str = ""
) -> tuple[str, str, dict[str, Any], dict[str, Any]]:
    """S201: a required column the table does not have."""
    header = Name("headers", field_name, vocabulary.columns.columns[field_name].aliases[0])
    return ("S201", "", {"sheet": sheet, "value": field_name},
            {"field": Name("fields", field_name), "sheet": sheet, "header": header, "why": why})  # fmt: skip


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _unread_date_fields(why: Unread | None) -> dict[str, Any]:
    """S203 on a date whose weekday is not its own: the weekday written, the date and its
    weekday; on a date far from the period: the date it reads as."""
    if why is None or why.date is None:
        return {}
    if why.other is not None:
        return {"day": why.date.isoformat(), "other": why.other.isoformat()}
    if why.weekday is None:
        return {"day": why.date.isoformat()}
    return {"written": Name("weekdays", WEEKDAY_NAMES[why.weekday]),
            "day": why.date.isoformat(),
            "actual": Name("weekdays", WEEKDAY_NAMES[why.date.weekday()])}  # fmt: skip


def _known_platforms(vocabulary: Vocabulary) -> Phrase:
    codes = [c for c in vocabulary.platform_names if c != "CLUSTER"]
    return Phrase.of("known_platforms", codes=", ".join(codes))


def _table_language(frame: pd.DataFrame, table: RosterTable) -> str | None:
    """The language a table is written in, from its headers and its titles."""
    headers = [c.header for c in table.found] + [header for _, header, _ in table.ignored]
    titles = frame.loc[frame["table"] == table.index, "title"].dropna().unique().tolist()
    return written_in([*headers, *titles])


def _title_in(suggestion: str, value: Any, lang: str | None, vocabulary: Vocabulary) -> str:
    """S205's suggestion in the roster's language: the nearest spelling may be another
    language's title ("Officier de programme" → the Spanish "Oficial de Programa"); then the
    same role's title in the roster's language nearest to the value, when the vocabulary
    knows it."""
    role = vocabulary.title(suggestion).role
    if lang is None or role is None or says_in(suggestion, lang):
        return suggestion
    from rapidfuzz import fuzz, process

    forms = [f for f in forms_of(role, lang) if vocabulary.title(f).role == role]
    best = process.extractOne(fold(value), {f: fold(f) for f in forms}, scorer=fuzz.ratio)
    return str(best[2]) if best else suggestion


def _suggest(code: str, value: Any, vocabulary: Vocabulary) -> str | None:
    if code == "S204":
        return vocabulary.suggest_platform(value)
    if code == "S205":
        return vocabulary.suggest_title(value)
    if code == "S209":
        return vocabulary.suggest_sector(value)
    return None


__all__ = ["Severity", "build_schema", "validate"]
