"""How a file was read, said in its result: every sheet with what became of it, every table
with its layout, header row and column → field mapping, and the evidence for whose people it
lists. What the reading could not settle becomes a finding (S213, S214, S216), never a
verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checker import tracker
from checker.dates import DAY_FIRST, MONTH_FIRST, DayOf, ParsedDate, WeekOf
from checker.findings import Finding, column_letter
from checker.layout import (
    IGNORED,
    MATRIX,
    SIGN_IN,
    TRACKER,
    Layout,
    RosterTable,
    SheetReading,
)
from checker.messages import Joined, Name, Person, Phrase
from checker.normalise import (
    BY_ORGANIZATION,
    CONFLICT,
    DATES,
    IOM_LOG,
    SPLIT,
    UNKNOWN_AFFILIATION,
    Affiliation,
    Roster,
    parse_dates,
)
from checker.policy import Policy
from checker.vocabulary import IOM, doubt_in

if TYPE_CHECKING:
    from checker.schema import MeetingAt


def layout_name(table: RosterTable, affiliation: Affiliation | None) -> str:
    """attendance_list, iom_log, sign_in, wide_tracker, matrix, forms or hxl (the sheet's
    status)."""
    if table.shape in (SIGN_IN, TRACKER, MATRIX):
        return table.shape
    if table.form:
        return "forms"
    if table.hxl:
        return "hxl"
    if affiliation is not None and affiliation.reading == IOM_LOG:
        return "iom_log"
    return "attendance_list"


def _evidence(pairs: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{"kind": kind, "detail": detail} for kind, detail in pairs]


def table_dict(table: RosterTable, affiliation: Affiliation | None, roster: Roster,
               table_index: int) -> dict[str, Any]:  # fmt: skip
    hidden = set(table.hidden_columns)

    def marked(entry: dict[str, Any], col: int) -> dict[str, Any]:
        return entry | {"hidden": True} if col in hidden else entry

    columns: dict[str, Any] = {
        c.field: marked({"column": column_letter(c.col), "header": c.header,
                         "found_by": c.found_by}, c.col)
        for c in table.found
    }  # fmt: skip
    for constant in table.constants:
        if constant.same_in_all and (table_index, constant.field) not in roster.outside:
            continue  # the heading and the sheet name disagree: no platform was read
        if constant.calendar is not None:  # a sign-in sheet's date from the calendar sheet
            sheet, row = constant.calendar
            columns[constant.field] = {"from": "calendar", "sheet": sheet, "row": row}
            continue
        if constant.elsewhere is not None:  # from another sheet naming its meeting's number
            sheet, row, col, line = constant.elsewhere
            columns[constant.field] = {"from": "other_sheet", "sheet": sheet,
                                       "cell": f"{column_letter(col)}{row}", "line": line}  # fmt: skip
            continue
        row, col = roster.outside.get((table_index, constant.field), (constant.row, constant.col))
        columns[constant.field] = {
            "cell": f"{column_letter(col)}{row}" if row else None,
            "from": "sheet_name" if not row else ("header" if table.shape == TRACKER else "title"),
        }
    if table.groups:  # the platform of each group of rows, in a heading row above it
        columns["platform"] = {
            "from": "group_headings",
            "cells": [f"{column_letter(c)}{r}" for r, c, heading, _ in table.groups if heading],
            # lone lines that name no platform alone: the rows under them have none read
            "ended_by": [f"{column_letter(c)}{r}" for r, c, heading, _ in table.groups
                         if heading is None],
        }  # fmt: skip
    out: dict[str, Any] = {
        "sheet": table.sheet,
        "layout": layout_name(table, affiliation),
        "header_row": table.header_row,
        **(
            {"block": f"{column_letter(table.span[0])}:{column_letter(table.span[1])}"}
            if table.span is not None
            else {}
        ),  # tables side by side: this one's columns
        "columns": columns,
        "ignored_columns": [
            marked({"column": column_letter(col), "header": header, "kind": kind or None}, col)
            for col, header, kind in table.ignored
        ],
    }
    if table.sitting is not None:  # a later day of a meeting held over several days
        out["sitting"] = table.sitting
    if table.hidden_columns:
        out["hidden_columns"] = [column_letter(col) for col in table.hidden_columns]
    if table.hidden_rows:  # hidden by hand: their people's attendance is unknown
        out["hidden_rows"] = len(table.hidden_rows)
    if table.filtered_rows:  # hidden by a filter left on: read as data
        out["filtered_rows"] = table.filtered_rows
    if table.unsure_rows:  # hidden under a filter not evaluated: attendance unknown
        out["unsure_rows"] = len(table.unsure_rows)
    if table.folded_rows:  # folded by a collapsed outline group: read as data
        out["folded_rows"] = table.folded_rows
    if table.unread_formats:  # conditional formats that strike, not evaluated
        out["unread_conditional_formats"] = list(table.unread_formats)
    if affiliation is not None:
        out["affiliation"] = {
            "reading": affiliation.reading,
            "evidence": _evidence(affiliation.evidence),
            "against": _evidence(affiliation.counter_evidence),
        }
    return out


def _days_month(table: RosterTable) -> dict[str, Any]:
    """Where the month of a tracker's day columns (4, 11, 18, 25) came from: the banner above
    them ("NOVEMBRE 2026") or the file's period."""
    if table.month_banner is None:
        return {"month_from": "period"}
    row, col, text = table.month_banner
    return {"month_from": "banner", "cell": f"{column_letter(col)}{row}", "banner": text}


def sheet_dict(reading: SheetReading, layout_of: dict[str, str]) -> dict[str, Any]:
    status = layout_of.get(reading.name, reading.status)
    out: dict[str, Any] = {"name": reading.name, "status": status}
    if reading.status == IGNORED:
        out["reason"] = reading.reason
        if reading.header_row is not None:
            out["header_row"] = reading.header_row
            out["headers"] = list(reading.headers)
        if reading.missing:
            out["missing"] = list(reading.missing)  # the required fields its header lacks
        if reading.beside:
            out["beside"] = list(reading.beside)  # a recap: the sheets read as attendance
    if reading.calendar is not None:  # the sheets it gave a date
        out["dates_for"] = list(reading.calendar.dates)
    if reading.superseded:  # its tables not read: an earlier version of another (S218)
        out["superseded"] = [
            {"header_row": old.header_row, "marked": old.mark.text,
             "by": {"sheet": old.by_sheet, "header_row": old.by_header_row,
                    "marked": old.by_mark.text}}
            for old in reading.superseded
        ]  # fmt: skip
    return out


def reading_dict(layout: Layout, roster: Roster, offset: int) -> dict[str, Any]:
    """The file's "reading" object: its sheets, then its tables (a tracker's month columns
    are one table each; they are shown once, with the months they cover)."""
    tables: list[dict[str, Any]] = []
    layout_of: dict[str, str] = {}
    for table in layout.tables:
        index = table.index + offset
        affiliation = roster.affiliations.get(index)
        entry = table_dict(table, affiliation, roster, index)
        layout_of.setdefault(table.sheet, entry["layout"])
        # A tracker's blank cells read as no meeting of that platform that day: listed, so
        # that every cell is accounted for.
        blanks = [f"{column_letter(table.columns['attendee'])}{row}"
                  for row in table.no_meeting_blanks]  # fmt: skip
        # Rows left from an example, not read (S214:example_row): the cells that say so.
        examples = [f"{column_letter(c)}{row}" for row, c, _ in table.example_rows]
        if table.shape == TRACKER and tables and tables[-1]["sheet"] == table.sheet \
                and tables[-1]["layout"] == TRACKER:  # fmt: skip
            tables[-1]["months"].append(entry["columns"]["date"]["cell"])
            if blanks:
                tables[-1].setdefault("no_meeting_blanks", []).extend(blanks)
            if examples:
                tables[-1].setdefault("example_rows", []).extend(examples)
            continue
        if blanks:
            entry["no_meeting_blanks"] = blanks
        if examples:
            entry["example_rows"] = examples
        if table.action_rows:
            entry["action_point_rows"] = [
                f"{column_letter(c)}{row}" for row, c, _ in table.action_rows
            ]
        order = roster.date_orders.get(index)
        if order is not None and order.order is not None:  # its dates that read both ways (S220)
            entry["date_order"] = order.order
            entry["date_order_from"] = order.source
        if table.shape == TRACKER:
            entry["months"] = [entry["columns"].pop("date")["cell"]]
            entry["columns"].pop("title", None)
            if isinstance(table.constants[0].value, DayOf):
                entry["days"] = _days_month(table)
        tables.append(entry)
    return {"sheets": [sheet_dict(s, layout_of) for s in layout.sheets], "tables": tables}


# Sheets whose table is no attendance whatever it holds (layout._not_attendance).
NOT_ATTENDANCE = frozenset({"example", "agenda", "corrections", "corrections_untied"})


def sheet_findings(layout: Layout, policy: Policy) -> list[Finding]:
    """S214: a sheet that looks like a roster but was not read."""
    found = []
    for reading in layout.sheets:
        if reading.status != IGNORED or not reading.looks_like_roster:
            continue
        missing = Joined(tuple(Name("fields", f) for f in reading.missing), Phrase("list_and"))
        variant = ("expected" if reading.reason == "expected" else "not_attendance"
                   if reading.reason in NOT_ATTENDANCE else "")  # fmt: skip
        found.append(Finding.make(
            "S214", policy, variant,
            at={"sheet": reading.name, "row": reading.header_row, "value": reading.name},
            sheet=reading.name, headers=", ".join(reading.headers),
            why=Phrase.of(f"sheet_{reading.reason}", missing=missing),
        ))  # fmt: skip
    return found


def example_findings(layout: Layout, policy: Policy) -> list[Finding]:
    """S214:example_row: a row left from the README's or template's example, not read;
    S214:action_point: a name cell that is an action point, no attendee."""
    return [
        Finding.make(
            "S214",
            policy,
            kind,
            at={"sheet": table.sheet, "row": row, "column": column_letter(col), "value": said},
            sheet=table.sheet,
            row=row,
            cell=f"{table.sheet}!{column_letter(col)}{row}",
            said=said,
        )
        for kind in ("example_row", "action_point")  # each kind's findings together, as before
        for table in layout.tables
        for row, col, said in (table.example_rows if kind == "example_row" else table.action_rows)
    ]


def calendar_findings(layout: Layout, policy: Policy) -> list[Finding]:
    """S217: a calendar row that gives no sheet its date (checker.meeting_calendar)."""
    found = []
    for reading in layout.sheets:
        calendar = reading.calendar
        if calendar is None:
            continue
        for problem in calendar.problems:
            variant = "" if problem.kind == "unmatched" else problem.kind
            rows = ", ".join(str(r) for r in problem.rows)
            found.append(Finding.make(
                "S217", policy, variant,
                at={"sheet": reading.name, "row": problem.row,
                    "column": column_letter(calendar.reference),
                    "value": problem.reference},
                calendar=reading.name, row=problem.row, reference=problem.reference,
                sheet=problem.sheet, rows=rows,
                value="" if problem.value is None else problem.value,
                own="" if problem.own is None else problem.own, elsewhere=problem.elsewhere,
            ))  # fmt: skip
    return found


def version_findings(layout: Layout, policy: Policy) -> list[Finding]:
    """S218: a table not read because a later version of it is (checker.versions); S219:
    minutes naming IOM among the apologies, tied to no one meeting (checker.minutes)."""
    found = []
    for reading in layout.sheets:
        for old in reading.superseded:
            found.append(Finding.make(
                "S218", policy,
                at={"sheet": old.sheet, "row": old.mark.row or old.header_row,
                    "column": column_letter(old.mark.col) if old.mark.row else None,
                    "value": old.mark.text},
                heading=old.mark.text, sheet=old.sheet, row=old.header_row,
                final=old.by_mark.text, final_sheet=old.by_sheet, final_row=old.by_header_row,
            ))  # fmt: skip
        untied = reading.untied
        if untied is not None:
            apologies = untied.minutes.apologies
            found.append(Finding.make(
                "S219", policy, "several" if untied.matches else "",
                at={"sheet": apologies.sheet, "row": apologies.row,
                    "column": column_letter(apologies.col), "value": apologies.line},
                sheet=apologies.sheet, cell=apologies.cell, line=apologies.line,
                heading=untied.minutes.heading, n=untied.matches,
            ))  # fmt: skip
    return found


def column_findings(layout: Layout, policy: Policy) -> list[Finding]:
    """S216: two columns could be one field; which was read, which set aside, and why. And
    a title and an organisation column read the other way round from their headers."""
    found = []
    for table in layout.tables:
        swap = table.swapped
        if swap is not None:
            found.append(Finding.make(
                "S216", policy, "swapped",
                at={"sheet": table.sheet, "row": table.header_row,
                    "column": column_letter(swap.organisation),
                    "value": swap.organisation_header},
                organisation=column_letter(swap.organisation),
                organisation_header=swap.organisation_header,
                title=column_letter(swap.title), title_header=swap.title_header,
            ))  # fmt: skip
        for choice in table.choices:
            # Which advice fits depends on why: "delete the column that is out of date" is
            # for two versions of one column, not for a meeting app's or a kind of agency.
            variant = choice.why if choice.why in ("app_roles", "contents") else ""
            found.append(Finding.make(
                "S216", policy, variant,
                at={"sheet": table.sheet, "row": table.header_row,
                    "column": column_letter(choice.taken), "value": choice.taken_header},
                field=Name("fields", choice.field), taken=column_letter(choice.taken),
                taken_header=choice.taken_header, other=column_letter(choice.other),
                other_header=choice.other_header,
                why=Phrase.of("column_" + choice.why, word=choice.word,
                              other=column_letter(choice.other)),
            ))  # fmt: skip
    return found


def date_order_findings(
    roster: Roster, tables: list[RosterTable], offset: int, policy: Policy
) -> list[Finding]:
    """S220 on a table whose date column's order read a date that reads both ways
    ("12/01/2026"): the column is written month first ("11/18/2026"), or its header says how
    ("Date (mm/dd)": S220:header); the person is told so (a reading from the column, not
    from the cell). S220:conflict on a table whose header states one order and whose dates
    show the other ("25/11/2026" under "Date (mm/dd)"): no order was taken."""
    found = []
    frame = roster.frame
    for table in tables:
        index = table.index + offset
        order = roster.date_orders.get(index)
        if order is None:
            continue
        # The date that reads one way only to show: month first, or against the header.
        shows = order.order if order.order is not None else order.dates
        of_table = frame["table"].to_numpy() == index
        rows = frame.loc[of_table, ["date", "date_iso", "period", "row"]]
        # Each distinct cell as normalise parsed it (a few values over many rows), and each
        # (cell, period)'s reading by the period alone once.
        parsed_dates = roster.parsed_dates or parse_dates(frame)
        codes = parsed_dates.codes[of_table]
        by_period: dict[tuple[int, str | None], str | None] = {}
        example = ambiguous = None
        needs_example, needs_ambiguous = order.source in (DATES, CONFLICT), order.source != CONFLICT
        for code, (raw, iso, period, row) in zip(codes, rows.itertuples(index=False)):
            parsed = parsed_dates.values[code] if code >= 0 else None
            if not isinstance(parsed, ParsedDate):
                continue
            if example is None and parsed.order == shows:
                example = (raw, parsed.value, row)
            # Read by the column's order alone: the cell and the period would say otherwise.
            if ambiguous is None and parsed.alternative is not None and len(str(iso)) == 10:
                key = (int(code), period)
                if key not in by_period:
                    by_period[key] = parsed.iso(period)
                if by_period[key] != iso:
                    ambiguous = (raw, iso, row)
            if (example is not None or not needs_example) and (
                    ambiguous is not None or not needs_ambiguous):  # fmt: skip
                break  # all this finding names is found
        column = table.columns.get("date")
        letter_of = column_letter(column) if column is not None else ""
        if order.source == CONFLICT:
            if example is None:
                continue
            excel_row, letter = roster.cell_of(index, int(example[2]), "date")
            line = {} if order.line is None else {"line": order.line}
            found.append(Finding.make(
                "S220", policy, "conflict" if order.line is None else "line_conflict",
                at={"sheet": table.sheet, "row": excel_row, "column": letter,
                    "value": example[0]},
                column=letter_of, header=order.header, **line,
                order=Name("date_orders", DAY_FIRST if shows == MONTH_FIRST else MONTH_FIRST),
                example=example[0], example_date=example[1].isoformat(),
                example_order=Name("date_orders", shows),
            ))  # fmt: skip
            continue
        if ambiguous is None:
            continue  # nothing was read by the column's order alone
        fields: dict[str, Any] = {"column": letter_of, "value": ambiguous[0],
                                  "date": ambiguous[1]}  # fmt: skip
        if order.source != DATES:  # stated by the header ("Date (mm/dd)"), or by a line
            variant = "header" if order.line is None else "line"
            fields |= {"header": order.header, "order": Name("date_orders", order.order)}
            if order.line is not None:
                fields["line"] = order.line
        elif example is not None:  # shown by its dates: month first, or day first
            variant = "" if order.order == MONTH_FIRST else "day_first"
            fields |= {"example": example[0], "example_date": example[1].isoformat()}
        else:
            continue
        excel_row, letter = roster.cell_of(index, int(ambiguous[2]), "date")
        found.append(Finding.make(
            "S220", policy, variant,
            at={"sheet": table.sheet, "row": excel_row, "column": letter, "value": ambiguous[0]},
            **fields,
        ))  # fmt: skip
    return found


def affiliation_findings(
    roster: Roster, tables: list[RosterTable], offset: int, policy: Policy, meeting_at: MeetingAt
) -> list[Finding]:
    """S213 on a table whose people cannot be told to be IOM staff or not, and on each
    organisation cell that names IOM beside someone else ("OCHA (seconded from IOM)"), in
    the meeting of its row."""
    frame = roster.frame
    found = []
    for table in tables:
        index = table.index + offset
        affiliation = roster.affiliations.get(index)
        if affiliation is None or affiliation.reading not in (UNKNOWN_AFFILIATION, SPLIT):
            continue
        attendee = table.columns.get("attendee")
        at = {"sheet": table.sheet, "row": table.header_row,
              "column": column_letter(attendee) if attendee is not None else None,
              "value": affiliation.reading}  # fmt: skip
        if affiliation.reading == SPLIT:
            found.append(Finding.make(
                "S213", policy, "split", at=at, sheet=table.sheet,
                evidence=_said(affiliation.evidence),
                against=_said(affiliation.counter_evidence, against=True),
            ))  # fmt: skip
        else:
            found.append(Finding.make("S213", policy, "table", at=at, sheet=table.sheet))
    listed = [t.index + offset for t in tables
              if roster.affiliations.get(t.index + offset, Affiliation(BY_ORGANIZATION)).reading
              == BY_ORGANIZATION]  # fmt: skip
    found.extend(_organisations_from_names(roster, listed, policy, meeting_at))
    if not len(roster.unclear_organisations):
        return found  # (itertuples costs ~2 ms even on no rows)
    unclear = frame.loc[roster.unclear_organisations]
    unclear = unclear[unclear["table"].isin(listed)]
    for row in unclear.itertuples(index=True):
        excel_row, letter = roster.cell_of(int(row.table), int(row.row), "organization")
        value = row.organization
        read = roster.organisations_read.get(int(row.Index))
        if read is not None:  # read from the name cell: point at it
            excel_row, letter = roster.cell_of(int(row.table), int(row.row), "attendee")
            value = read[1]
        at = {"sheet": row.sheet, "row": excel_row, "column": letter, "value": value}
        meeting = meeting_at(row.sheet, excel_row)
        if meeting is not None:
            at |= meeting.place()
        variant, other = roster.organisation_conflicts.get(int(row.Index), ("", ""))
        found.append(Finding.make(
            "S213", policy, variant or _unclear_variant(str(value)), at=at,
            value=value, other=other,
            name=Person(row.attendee) if row.attendee else Phrase("no_name"),
        ))  # fmt: skip
    return found


def _organisations_from_names(
    roster: Roster, listed: list[int], policy: Policy, meeting_at: MeetingAt
) -> list[Finding]:
    """S216:from_name on each row counted as IOM's because its name cell names IOM ("IOM –
    P. Diallo"), its organisation cell being blank: the reading is said where it was made."""
    found = []
    frame = roster.frame
    for index, (_, text) in roster.organisations_read.items():
        row = frame.loc[index]
        if int(row["table"]) not in listed or row["organisation_code"] != IOM:
            continue
        excel_row, letter = roster.cell_of(int(row["table"]), int(row["row"]), "attendee")
        blank_row, blank = roster.cell_of(int(row["table"]), int(row["row"]), "organization")
        at = {"sheet": row["sheet"], "row": excel_row, "column": letter,
              "value": row["attendee"]}  # fmt: skip
        meeting = meeting_at(str(row["sheet"]), excel_row)
        if meeting is not None:
            at |= meeting.place()
        found.append(Finding.make(
            "S216", policy, "from_name", at=at, value=row["attendee"], organisation=text,
            blank=f"{blank}{blank_row}",
        ))  # fmt: skip
    return found


def undated_columns(
    layout: Layout, period: str | None, policy: Policy
) -> tuple[list[Finding], set[int]]:
    """S203 on each tracker column whose meetings cannot be dated (a week whose date is not
    in it, a week without a date; a sheet's days whose month nothing names: once for the
    sheet), and those columns' tables, which are not read: a tracker is never read on a
    guessed date."""
    found: list[Finding] = []
    broken: set[int] = set()
    days_said: set[str] = set()
    for table in layout.tables:
        date = table.constant("date")
        why = tracker.why_undated(date.value, period) if date and table.shape == TRACKER else None
        if date is None or why is None:
            continue
        broken.add(table.index)
        if why == "days" and table.sheet in days_said:
            continue
        days_said.add(table.sheet)
        header = next((c.header for c in table.found if c.col == date.col and c.header), None) \
            or str(getattr(date.value, "day", ""))  # fmt: skip
        at = {"sheet": table.sheet, "row": date.row, "column": column_letter(date.col),
              "value": header}  # fmt: skip
        fields: dict[str, Any] = {"value": header, "sheet": table.sheet}
        if isinstance(date.value, DayOf):
            fields["days"] = ", ".join(
                str(t.constants[0].value.day) for t in layout.tables
                if t.sheet == table.sheet and isinstance(t.constants[0].value, DayOf)
            )  # fmt: skip
        if isinstance(date.value, WeekOf):
            fields["week"] = date.value.week
            written = date.value.date(period)
            if written is not None:
                fields["date"] = written.isoformat()
                fields["actual"] = written.isocalendar()[1]
        found.append(Finding.make("S203", policy, why, at=at, **fields))
    return found, broken


def _said(pairs: tuple[tuple[str, str], ...], against: bool = False) -> Joined:
    prefix = "against_" if against else "evidence_"
    return Joined(tuple(Phrase.of(prefix + kind, detail=detail) for kind, detail in pairs),
                  Phrase("list_and"))  # fmt: skip


def _unclear_variant(organisation: str) -> str:
    """S213's wording for an organisation cell not counted as IOM: a question mark ("IOM?"),
    a footnote mark ("IOM*") or IOM named with someone else ("OCHA (seconded from IOM)")."""
    return doubt_in(organisation) or "cell"
