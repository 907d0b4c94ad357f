"""What the checker should report on a generated file: the golden tests/expected/<stem>.json.

For a roster, the record follows from its meetings (their verdicts and findings, a finding's
field and person turned into the Excel cell here) plus the file-level findings the data file
declares. A file with no roster table read (unreadable, invalid) has only declared findings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from roster_source import ROOT, Meeting, Note, Sheet, Source

from checker.vocabulary import default_vocabulary

EXPECTED = ROOT / "tests" / "expected"

# The catalogue of codes (schemas/rules.yaml), to derive the status and the exit status
# (default --fail-on error).
RULES = default_vocabulary().rules
NON_ERROR_CODES = {code for code, entry in RULES.rules.items() if entry.severity != "error"}
UNREADABLE = RULES.codes(status="unreadable")
INVALID = RULES.codes(status="invalid")
# Platforms whose profile (schemas/profiles/examples/) sets `level:`: a blank level cell means that level.
PROFILE_LEVELS = {"AHT": "subnational"}
VERDICTS = ("compliant", "absent", "wrong_level", "undetermined")

Finding = tuple[str, str | None]


def level_code(meeting: Meeting) -> str:
    level = meeting.cells.get("level")
    if level is None:  # a blank level cell: the platform's level in the profile
        return PROFILE_LEVELS.get(meeting.platform_code, "national")
    return "subnational" if level.lower().startswith(("sub", "sous")) else "national"


def sheet_findings(sheet: Sheet) -> tuple[list[Finding], list[Finding]]:
    """The findings on a roster sheet's cells, and those of them a waiver covers."""
    col_of = {fld: i for i, (fld, _) in enumerate(sheet.columns, start=1)}
    findings: list[Finding] = []
    waived: list[Finding] = []
    row = len(sheet.titles) + 2
    for block in sheet.meetings or []:
        if isinstance(block, Note):
            row += 1
            continue
        for code, fld, person in block.findings:
            at = row if fld in sheet.merged else row + person  # a merged value: top-left cell
            cell = f"{sheet.name}!{get_column_letter(col_of[fld])}{at}"
            findings.append((code, cell))
            if code in block.waived:
                waived.append((code, cell))
        row += len(block.people)
    return findings, waived


def row_counts(sheets: Sequence[Sheet]) -> dict[str, int]:
    blocks = [b for s in sheets for b in s.meetings or []]
    used = sum(len(b.people) for b in blocks if isinstance(b, Meeting))
    skipped = sum(1 for b in blocks if isinstance(b, Note))
    return {"read": used + skipped, "used": used, "skipped": skipped, "rejected": 0}


def status_of(codes: set[str]) -> str:
    if codes & UNREADABLE:
        return "unreadable"
    if codes & INVALID:
        return "invalid"
    if any(c not in NON_ERROR_CODES for c in codes):
        return "non_compliant"
    return "compliant"


def sort_findings(findings: Sequence[Finding]) -> list[list[str | None]]:
    return [list(f) for f in sorted(findings, key=lambda f: (f[0], f[1] or ""))]


def expected_record(source: Source) -> dict[str, Any]:
    """`waived` findings are listed (they stay in every report) but count for neither the
    status nor the exit status."""
    declared = source.expected
    file_level: list[Finding] = [(code, cell) for code, cell in declared.get("findings", [])]
    rosters = [s for s in source.sheets if s.meetings is not None]
    if not rosters:  # no roster table read: nothing but the declared findings
        codes = {c for c, _ in file_level}
        return {
            "file": source.file,
            "notes": declared["notes"],
            "status": status_of(codes),
            "exit_code": 1 if any(c not in NON_ERROR_CODES for c in codes) else 0,
            "rows": {"read": 0, "used": 0, "skipped": 0, "rejected": 0} | declared.get("rows", {}),
            "verdicts": {"meetings": 0} | dict.fromkeys(VERDICTS, 0),
            "findings": sort_findings(file_level),
            "meetings": [],
        }
    findings, waived = list(file_level), []
    for sheet in rosters:
        on_cells, waived_cells = sheet_findings(sheet)
        findings += on_cells
        waived += waived_cells
    meetings = [b for s in rosters for b in s.meetings or [] if isinstance(b, Meeting)]
    codes = {c for c, cell in findings if (c, cell) not in waived}
    verdicts = dict.fromkeys(VERDICTS, 0)
    for m in meetings:
        verdicts[m.verdict] = verdicts.get(m.verdict, 0) + 1  # not_applicable only when any
    record = {
        "file": source.file,
        "notes": declared["notes"],
        "mission": declared["mission"],
        "period": declared["period"],
        "status": status_of(codes),
        "exit_code": 1 if any(c not in NON_ERROR_CODES for c in codes) else 0,
        "rows": row_counts(rosters),
        "verdicts": {"meetings": len(meetings), **verdicts},
        "findings": sort_findings(findings),
        "meetings": sorted(
            [m.date.isoformat(), m.platform_code, m.sector_code, level_code(m), m.verdict]
            for m in meetings
        ),
    }
    if waived:
        record["waived"] = sort_findings(waived)
    return record


def expected_json(record: dict[str, Any]) -> str:
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    # keep the [code, cell] pairs and meeting tuples on one line each, for readable diffs
    return re.sub(
        r"\[\n\s+(\"[^\[\]]*?)\n\s+\]",
        lambda m: "[" + re.sub(r"\s*\n\s*", " ", m.group(1)) + "]",
        text,
    )


def expected_name(file_name: str) -> str:
    """<stem>.json; the full name where two inputs share a stem (roster.csv / roster.ods)."""
    return f"{file_name if file_name.startswith('roster.') else Path(file_name).stem}.json"
