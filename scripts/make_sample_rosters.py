"""(Re)create the bundled sample rosters in sample_rosters/, deterministically.

    python scripts/make_sample_rosters.py                  # workbooks only
    python scripts/make_sample_rosters.py --write-expected # also tests/expected/<stem>.json

Each sample is declared as a list of meetings (who sat where, with the verdict and the findings
we expect), so the workbook and its expected findings come from one declaration: a finding is
declared as (code, field, attendee index) and turned into an Excel cell here. The expected
files are checked into tests/expected/ and reviewed by hand; re-run with --write-expected only
when a sample changes on purpose.

The files are byte-for-byte reproducible: fixed document properties and zip timestamps.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_rosters"
EXPECTED = ROOT / "tests" / "expected"

FIXED_TIME = dt.datetime(2026, 10, 31, 17, 0, 0)
ZIP_TIME = (2026, 10, 31, 17, 0, 0)

# Severity of each code, to derive the expected exit status (default --fail-on error).
NON_ERROR_CODES = {
    "S207": "warning",
    "S208": "warning",
    "S210": "warning",
    "S211": "warning",
    "C306": "warning",
    "C307": "info",
}
UNREADABLE = {"E101", "E102", "E104"}
INVALID = {"E103", "E105", "S201"}

# Platforms whose profile (schemas/profiles/examples/) sets `level:`: a blank level cell means that level.
PROFILE_LEVELS = {"AHT": "subnational"}

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="0033A0")  # IOM blue
TITLE_FONT = Font(bold=True, size=14)


# --------------------------------------------------------------------------- declarations
@dataclass
class Person:
    name: str | None
    org: str | None
    title: str | None
    sector: str | None = None
    capacity: str | None = None
    # raw cell values that differ from the meeting's (stray spaces, other spelling, ...)
    override: dict[str, Any] = field(default_factory=dict)


@dataclass
class Meeting:
    date: dt.date  # the real date (for the expected file)
    date_cell: Any  # what is written in the date cell (a date, or text)
    platform: str  # what is written in the platform cell
    level: str | None
    location: str | None
    people: list[Person]
    verdict: str
    platform_code: str
    sector_code: str | None = None
    # (code, field, index of the person in `people`) -> the cell of that field on that row
    findings: list[tuple[str, str, int]] = field(default_factory=list)
    # codes among `findings` that a waiver of the mission's profile covers
    waived: tuple[str, ...] = ()

    @property
    def level_code(self) -> str:
        if self.level is None:  # a blank level cell: the platform's level in the profile
            return PROFILE_LEVELS.get(self.platform_code, "national")
        level = self.level.lower()
        return "subnational" if level.startswith(("sub", "sous")) else "national"


@dataclass
class Blank:
    """An empty row."""


@dataclass
class Note:
    text: str


Block = Meeting | Blank | Note


@dataclass
class SheetResult:
    read: int = 0
    used: int = 0
    skipped: int = 0
    rejected: int = 0
    findings: list[tuple[str, str | None]] = field(default_factory=list)
    waived: list[tuple[str, str | None]] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)


# --------------------------------------------------------------------------- writing
def write_title_rows(ws: Worksheet, titles: Sequence[str]) -> None:
    for i, text in enumerate(titles, start=1):
        ws.cell(row=i, column=1, value=text).font = TITLE_FONT if i == 1 else Font(italic=True)


def write_table(
    ws: Worksheet,
    header_row: int,
    columns: Sequence[tuple[str, str]],
    blocks: Sequence[Block],
    *,
    merge_fields: Sequence[str] = (),
    date_format: str = "dd/mm/yyyy",
) -> SheetResult:
    """Write a roster table and return what the checker should make of it."""
    col_of = {fld: i for i, (fld, _) in enumerate(columns, start=1)}
    for i, (_, header) in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=i, value=header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    result = SheetResult()
    row = header_row + 1
    for block in blocks:
        if isinstance(block, Blank):
            result.skipped += 1
            row += 1
            continue
        if isinstance(block, Note):
            ws.cell(row=row, column=1, value=block.text).font = Font(italic=True)
            result.skipped += 1
            row += 1
            continue
        first = row
        for person in block.people:
            values = {
                "date": block.date_cell,
                "platform": block.platform,
                "level": block.level,
                "location": block.location,
                "attendee": person.name,
                "organization": person.org,
                "title": person.title,
                "sector": person.sector,
                "capacity": person.capacity,
            }
            values.update(person.override)
            for fld, col in col_of.items():
                value = values.get(fld)
                if fld in merge_fields and row != first:
                    continue  # only the top-left cell of a merged range holds a value
                if value is None:
                    continue
                cell = ws.cell(row=row, column=col, value=value)
                if isinstance(value, (dt.date, dt.datetime)):
                    cell.number_format = date_format
            result.used += 1
            row += 1
        last = row - 1
        for fld in merge_fields:
            if last > first:
                col = col_of[fld]
                ws.merge_cells(start_row=first, end_row=last, start_column=col, end_column=col)
                ws.cell(row=first, column=col).alignment = Alignment(vertical="center")
        for code, fld, idx in block.findings:
            r = first if fld in merge_fields else first + idx
            cell = f"{ws.title}!{get_column_letter(col_of[fld])}{r}"
            result.findings.append((code, cell))
            if code in block.waived:
                result.waived.append((code, cell))
        result.meetings.append(block)
    result.read = row - 1 - header_row
    widths = {
        "date": 13,
        "platform": 30,
        "level": 13,
        "location": 16,
        "attendee": 24,
        "organization": 22,
        "title": 36,
        "sector": 18,
        "capacity": 13,
    }
    for fld, col in col_of.items():
        ws.column_dimensions[get_column_letter(col)].width = widths.get(fld, 15)
    return result


def save_deterministic(wb: Workbook, path: Path, creator: str = "IOM") -> bytes:
    """Save `wb` to `path` with fixed timestamps so the bytes are reproducible."""
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    data = normalise_zip(buf.getvalue())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def normalise_zip(data: bytes) -> bytes:
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = info.compress_type  # ODS needs its mimetype stored, not deflated
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, content)
    return out.getvalue()


# --------------------------------------------------------------------------- expected
def expected_record(
    file_name: str,
    sheets: Sequence[SheetResult],
    *,
    mission: str | None,
    period: str | None,
    extra_findings: Sequence[tuple[str, str | None]] = (),
    waived: Sequence[tuple[str, str | None]] = (),
    status: str | None = None,
    notes: str = "",
) -> dict[str, Any]:
    """`waived` findings are listed (they stay in every report) but count for neither the
    status nor the exit status."""
    findings = [f for s in sheets for f in s.findings] + list(extra_findings)
    waived = [f for s in sheets for f in s.waived] + list(waived)
    meetings = [m for s in sheets for m in s.meetings]
    codes = {c for c, cell in findings if (c, cell) not in waived}
    if status is None:
        if codes & UNREADABLE:
            status = "unreadable"
        elif codes & INVALID:
            status = "invalid"
        elif any(c not in NON_ERROR_CODES for c in codes):
            status = "non_compliant"
        else:
            status = "compliant"
    verdicts = {"compliant": 0, "absent": 0, "wrong_level": 0, "undetermined": 0}
    for m in meetings:
        verdicts[m.verdict] = verdicts.get(m.verdict, 0) + 1  # not_applicable only when any
    rows = {
        "read": sum(s.read for s in sheets),
        "used": sum(s.used for s in sheets),
        "skipped": sum(s.skipped for s in sheets),
        "rejected": sum(s.rejected for s in sheets),
    }
    assert rows["read"] == rows["used"] + rows["skipped"] + rows["rejected"], file_name
    record = {
        "file": file_name,
        "notes": notes,
        "mission": mission,
        "period": period,
        "status": status,
        "exit_code": 1 if any(c not in NON_ERROR_CODES for c in codes) else 0,
        "rows": rows,
        "verdicts": {"meetings": len(meetings), **verdicts},
        "findings": sort_findings(findings),
        "meetings": sorted(
            [m.date.isoformat(), m.platform_code, m.sector_code, m.level_code, m.verdict]
            for m in meetings
        ),
    }
    if waived:
        record["waived"] = sort_findings(waived)
    return record


def sort_findings(findings: Sequence[tuple[str, str | None]]) -> list[list[str | None]]:
    return [list(f) for f in sorted(findings, key=lambda f: (f[0], f[1] or ""))]


def write_expected(record: dict[str, Any]) -> None:
    EXPECTED.mkdir(parents=True, exist_ok=True)
    # <stem>.json; the full name where two inputs share a stem (roster.csv / roster.ods)
    name = record["file"]
    stem = name if name.startswith("roster.") else Path(name).stem
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    # keep the [code, cell] pairs and meeting tuples on one line each, for readable diffs
    text = re.sub(
        r"\[\n\s+(\"[^\[\]]*?)\n\s+\]",
        lambda m: "[" + re.sub(r"\s*\n\s*", " ", m.group(1)) + "]",
        text,
    )
    (EXPECTED / f"{stem}.json").write_text(text, encoding="utf-8")


def d(day: int, month: int = 10) -> dt.date:
    return dt.date(2026, month, day)


def dts(day: int, month: int = 10) -> dt.datetime:
    """A real Excel date (openpyxl writes datetimes at midnight as dates)."""
    return dt.datetime(2026, month, day)


# --------------------------------------------------------------------------- KEN (compliant)
EN_COLUMNS_KEN = [
    ("date", "Date"),
    ("platform", "Meeting"),
    ("level", "Level"),
    ("location", "Location"),
    ("attendee", "Name"),
    ("organization", "Organization"),
    ("title", "Title"),
    ("sector", "Sector"),
    ("capacity", "Role"),
]


def make_ken() -> dict[str, Any]:
    P = Person
    meetings: list[Block] = [
        Meeting(
            d(6),
            dts(6),
            "HCT",
            "National",
            "Nairobi",
            [
                P("Wanjiru Kamau", "OCHA", "Head of Office", None, "Chair"),
                P("Grace Atieno", "UNHCR", "Representative", "Protection", "Member"),
                P("Henrik Solberg", "WFP", "Country Director", "Food Security", "Member"),
                P("Shaima Rahimi", "UNICEF", "Representative", None, "Member"),
                P("Daniel Kiprono", "IOM", "Chief of Mission", None, "Member"),
                P("Amina Yusuf", "IOM", "CCCM Cluster Coordinator", "CCCM", "Observer"),
                P("James Mwangi", "Kenya Red Cross Society", "Secretary General", None, "Member"),
            ],
            "compliant",
            "HCT",
        ),
        Meeting(
            d(8),
            dts(8),
            "ICCG",
            "National",
            "Nairobi",
            [
                P("Paul Otieno", "OCHA", "Inter-Cluster Coordinator", None, "Chair"),
                P("Dr. Faith Njeri", "WHO", "Health Cluster Coordinator", "Health", "Member"),
                P("Brian Ochieng", "UNICEF", "WASH Cluster Coordinator", "WASH", "Member"),
                P("Lucy Wambui", "UNHCR", "Protection Cluster Coordinator", "Protection", "Member"),
                P("Amina Yusuf", "IOM", "CCCM Cluster Coordinator", "CCCM", "Member"),
                P(
                    "Samuel Kiptoo",
                    "FAO",
                    "Food Security Cluster Coordinator",
                    "Food Security",
                    "Member",
                ),
            ],
            "not_applicable",  # schemas/profiles/examples/KEN.yaml: no ICCG in Kenya
            "ICCG",
        ),
        Meeting(
            d(13),
            dts(13),
            "Health Cluster",
            "National",
            "Nairobi",
            [
                P("Dr. Faith Njeri", "WHO", "Health Cluster Coordinator", "Health", "Chair"),
                P(
                    "Dr. Peter Mutua",
                    "Ministry of Health",
                    "Head, Disaster Risk Management",
                    "Health",
                    "Member",
                ),
                P("Mercy Chebet", "MSF", "Medical Coordinator", "Health", "Member"),
                P(
                    "Dr. Hassan Abdi",
                    "IOM",
                    "Migration Health Programme Officer",
                    "Migration Health",
                    "Member",
                ),
                P("Esther Nyambura", "UNFPA", "SRH Specialist", "Health", "Member"),
            ],
            "compliant",
            "CLUSTER",
            "HEA",
        ),
        Meeting(
            d(15),
            dts(15),
            "WASH Cluster",
            "Sub-national",
            "Garissa",
            [
                P("Brian Ochieng", "UNICEF", "WASH Cluster Coordinator", "WASH", "Chair"),
                P(
                    "Abdullahi Hussein",
                    "County Government of Garissa",
                    "Director of Water",
                    "WASH",
                    "Member",
                ),
                P("Ingrid Haugen", "NRC", "WASH Manager", "WASH", "Member"),
                P("Mohamed Aden", "IOM", "WASH Programme Officer", "WASH", "Member"),
                P("Fatuma Ali", "Kenya Red Cross Society", "WASH Officer", "WASH", "Member"),
            ],
            "not_applicable",  # schemas/profiles/examples/KEN.yaml: IOM is not in the WASH cluster
            "CLUSTER",
            "WSH",
        ),
        Meeting(
            d(20),
            dts(20),
            "UNCT",
            "National",
            "Nairobi",
            [
                P("Catherine Mwende", "RCO", "UN Resident Coordinator", None, "Chair"),
                P("Anders Nilsson", "UNDP", "Resident Representative", None, "Member"),
                P("Shaima Rahimi", "UNICEF", "Representative", None, "Member"),
                P("Ruth Wairimu", "IOM", "Chief of Mission a.i.", None, "Member"),
                P("Kenji Watanabe", "UNFPA", "Representative", None, "Member"),
                P("Henrik Solberg", "WFP", "Country Director", None, "Member"),
            ],
            "compliant",
            "UNCT",
            findings=[("C307", "title", 3)],
        ),
        Meeting(
            d(21),
            dts(21),
            "SMT",
            "National",
            "Nairobi",
            [
                P("Catherine Mwende", "RCO", "Designated Official", None, "Chair"),
                P("Robert Kimani", "UNDSS", "Chief Security Adviser", None, "Member"),
                P("Daniel Kiprono", "IOM", "Chief of Mission", None, "Member"),
                P("Anders Nilsson", "UNDP", "Resident Representative", None, "Member"),
            ],
            "compliant",
            "SMT",
        ),
        Meeting(
            d(22),
            dts(22),
            "PMT",
            "National",
            "Nairobi",
            [
                P("Joyce Akinyi", "RCO", "Head of RCO", None, "Chair"),
                P("Collins Were", "UNDP", "Programme Specialist", None, "Member"),
                P("Ruth Wairimu", "IOM", "Programme Coordinator", None, "Member"),
                P("Maria Santos", "UN Women", "Programme Specialist", None, "Member"),
            ],
            "compliant",
            "PMT",
        ),
        Meeting(
            d(27),
            dts(27),
            "OMT",
            "National",
            "Nairobi",
            [
                P("George Omondi", "UNDP", "Operations Manager", None, "Chair"),
                P("Nancy Karanja", "UNICEF", "Operations Manager", None, "Member"),
                P("Victor Mutiso", "IOM", "Resource Management Officer", None, "Member"),
                P("Lilian Achieng", "WFP", "Head of Administration", None, "Member"),
            ],
            "compliant",
            "OMT",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    write_title_rows(ws, ["IOM Kenya – Attendance at coordination meetings – October 2026"])
    res = write_table(ws, 2, EN_COLUMNS_KEN, meetings, date_format="dd-mmm-yyyy")
    ws.auto_filter.ref = f"A2:I{ws.max_row}"
    save_deterministic(wb, SAMPLES / "KEN_2026-10.xlsx", "IOM Kenya")
    return expected_record(
        "KEN_2026-10.xlsx",
        [res],
        mission="KEN",
        period="2026-10",
        notes="Fully compliant attendance list; title row 1, header row 2. The CCCM Cluster "
        "Coordinator sits in the HCT as observer next to the CoM (allowed). "
        "UNCT 20 Oct: 'Chief of Mission a.i.' -> C307 (a warning under schemas/profiles/examples/KEN.yaml). "
        "That profile makes the ICCG (inactive) and the WASH cluster (IOM not in it) not applicable.",
    )


# --------------------------------------------------------------------------- ETH (non-compliant)
EN_COLUMNS_ETH = [
    ("date", "Meeting date"),
    ("platform", "Platform"),
    ("level", "Level"),
    ("location", "Location"),
    ("attendee", "Attendee name"),
    ("organization", "Organization"),
    ("title", "Position title"),
    ("sector", "Programme sector"),
    ("capacity", "Role in meeting"),
]


def make_eth() -> dict[str, Any]:
    P = Person
    blocks: list[Block] = [
        # m1: Programme Officer at the HCT -> C302 (below)
        Meeting(
            d(5),
            dts(5),
            "HCT",
            "National",
            "Addis Ababa",
            [
                P("J. Okoro", "IOM", "Programme Officer", "Protection", "Member"),
                P("Margaret Tsegaye", "OCHA", "Head of Office", None, "Chair"),
                P("Daniel Mebrahtu", "UNHCR", "Representative", None, "Member"),
                P("Claire Dupont", "WFP", "Country Director", None, "Member"),
                P("Samuel Girma", "UNICEF", "Deputy Representative", None, "Member"),
            ],
            "wrong_level",
            "HCT",
            findings=[("C302", "title", 0)],
        ),
        # m2: ICCG, IOM written "OIM" with stray spaces -> compliant
        Meeting(
            d(7),
            dts(7),
            "ICCG",
            "National",
            "Addis Ababa",
            [
                P("Yonas Bekele", "OCHA", "Inter-Cluster Coordinator", None, "Chair"),
                P("Dr. Hanna Alemu", "WHO", "Health Cluster Coordinator", "Health", "Member"),
                P("Peter Mwangi", "UNICEF", "WASH Cluster Coordinator", "WASH", "Member"),
                P("Selam Haile", "  OIM ", "CCCM Cluster Co-coordinator", "CCCM", "Member"),
            ],
            "compliant",
            "ICCG",
        ),
        # m3: SMT without IOM -> C301 on the platform cell of its first row
        Meeting(
            d(8),
            dts(8),
            "Security Management Team",
            "National",
            "Addis Ababa",
            [
                P("Thomas Berger", "UNDSS", "Chief Security Adviser", None, "Member"),
                P(
                    "Aisha Mohammed",
                    "RCO",
                    "Resident Coordinator / Designated Official",
                    None,
                    "Chair",
                ),
                P("Mark Lindqvist", "UNICEF", "Field Security Officer", None, "Member"),
                P("Getachew Tadesse", "WFP", "Head of Security", None, "Member"),
            ],
            "absent",
            "SMT",
            findings=[("C301", "platform", 0)],
        ),
        # m4: a WASH Programme Officer at the Health Cluster -> C303; ISO text dates
        Meeting(
            d(12),
            "2026-10-12",
            "Health Cluster",
            "National",
            "Addis Ababa",
            [
                P("Dr. Hanna Alemu", "WHO", "Health Cluster Coordinator", "Health", "Chair"),
                P(
                    "Dr. Bereket Assefa",
                    "Ministry of Health",
                    "Director, Public Health Emergency Management",
                    "Health",
                    "Member",
                ),
                P("Luca Romano", "MSF", "Medical Coordinator", "Health", "Member"),
                P("Mulugeta Desta", "IOM", "WASH Programme Officer", "WASH", "Member"),
            ],
            "wrong_level",
            "CLUSTER",
            "HEA",
            findings=[("C303", "title", 3)],
        ),
        # m5: UNCT with IOM only as observer -> C304
        Meeting(
            d(14),
            dts(14),
            "UNCT",
            "National",
            "Addis Ababa",
            [
                P("Aisha Mohammed", "RCO", "UN Resident Coordinator", None, "Chair"),
                P("Kofi Mensah", "UNDP", "Resident Representative", None, "Member"),
                P("Ingrid Larsen", "UNICEF", "Representative", None, "Member"),
                P("Lars Henriksen", "IOM - UN Migration", "Chief of Mission", None, "Observer"),
                P("Claire Dupont", "WFP", "Country Director", None, "Member"),
            ],
            "wrong_level",
            "UNCT",
            findings=[("C304", "title", 3)],
        ),
        # m6: the Chief of Mission at the OMT -> C302 (above)
        Meeting(
            d(15),
            dts(15),
            "OMT",
            "National",
            "Addis Ababa",
            [
                P("Rahel Gebre", "UNDP", "Operations Manager", None, "Chair"),
                P("Omar Said", "UNICEF", "Operations Manager", None, "Member"),
                P("Lars Henriksen", "IOM", "Chief of Mission", None, "Member"),
                P("Meron Kebede", "UNFPA", "Operations Manager", None, "Member"),
            ],
            "wrong_level",
            "OMT",
            findings=[("C302", "title", 2)],
        ),
        Blank(),
        # m7: Emergency Coordinator at the HCT; messy case/spaces. schemas/profiles/examples/ETH.yaml
        # records the CoM's designation of Rahul Menon -> compliant (without it: C305).
        Meeting(
            d(19),
            dts(19),
            " humanitarian country team ",
            "NATIONAL",
            "Addis Ababa",
            [
                P("Margaret Tsegaye", "OCHA", "Head of Office", None, "Chair"),
                P("Daniel Mebrahtu", "UNHCR", "Representative", None, "Member"),
                P("Rahul Menon", "iom ", "Emergency Coordinator", None, "member"),
                P("Claire Dupont", "WFP", "Country Director", None, "Member"),
            ],
            "compliant",
            "HCT",
        ),
        # m8: PMT with the Programme Coordinator (lower case) -> compliant
        Meeting(
            d(21),
            dts(21),
            "PMT",
            "National",
            "Addis Ababa",
            [
                P("Sophie Martin", "RCO", "Senior Development Coordination Officer", None, "Chair"),
                P("Elias Tesfaye", "UNDP", "Programme Specialist", None, "Member"),
                P("Nadia Rahman", "IOM", "programme coordinator", None, "Member"),
            ],
            "compliant",
            "PMT",
        ),
        # m9: typo in the CoM's title -> S205 (suggestion Chief of Mission), undetermined
        Meeting(
            d(26),
            dts(26),
            "HCT",
            "National",
            "Addis Ababa",
            [
                P("Margaret Tsegaye", "OCHA", "Head of Office", None, "Chair"),
                P("Lars Henriksen", "IOM", "Cheif of Mission", None, "Member"),
                P("Ingrid Larsen", "UNICEF", "Representative", None, "Member"),
                P("Daniel Mebrahtu", "UNHCR", "Representative", None, "Member"),
            ],
            "undetermined",
            "HCT",
            findings=[("S205", "title", 1)],
        ),
        # m10: HCT written "EHP", CoM with a trailing space -> compliant
        Meeting(
            d(29),
            dts(29),
            "EHP",
            "National",
            "Addis Ababa",
            [
                P("Margaret Tsegaye", "OCHA", "Head of Office", None, "Chair"),
                P("Lars Henriksen", "IOM", "Chief of Mission ", None, "Member"),
                P("Claire Dupont", "WFP", "Country Director", None, "Member"),
            ],
            "compliant",
            "HCT",
        ),
        Blank(),
        Note("Prepared by: M. Tesfaye, IOM Ethiopia Coordination Unit, 30/10/2026"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    write_title_rows(
        ws, ["IOM Ethiopia – Coordination meetings attendance", "Reporting period: October 2026"]
    )
    res = write_table(ws, 3, EN_COLUMNS_ETH, blocks, date_format="yyyy-mm-dd")
    save_deterministic(wb, SAMPLES / "ETH_2026-10.xlsx", "IOM Ethiopia")
    return expected_record(
        "ETH_2026-10.xlsx",
        [res],
        mission="ETH",
        period="2026-10",
        notes="Header row 3, title rows 1-2; blank rows and the 'Prepared by' footer are skipped. "
        "C303 (sector mismatch) is counted as verdict wrong_level. Checked with "
        "schemas/profiles/examples/ETH.yaml: the Emergency Coordinator at the HCT on 19 Oct is designated "
        "(compliant; C305 under the generic table).",
    )


# --------------------------------------------------------------------------- COD (French, merged)
FR_COLUMNS = [
    ("date", "Date de la réunion"),
    ("platform", "Réunion"),
    ("level", "Niveau"),
    ("location", "Lieu"),
    ("attendee", "Nom du participant"),
    ("organization", "Organisation"),
    ("title", "Fonction"),
    ("sector", "Secteur"),
    ("capacity", "Rôle"),
]


def make_cod() -> dict[str, Any]:
    P = Person
    blocks: list[Block] = [
        Meeting(
            d(7),
            "07/10/2026",
            "Équipe humanitaire pays",
            "Nationale",
            "Kinshasa",
            [
                P("Bruno Lemarquis", "OCHA", "Chef de bureau", None, "Président"),
                P("Aminata Diallo", "PAM", "Directrice pays", None, "Membre"),
                P("Jean-Pierre Mulumba", "UNICEF", "Représentant adjoint", None, "Membre"),
                P("Fabienne Kalonji", "HCR", "Représentante", None, "Membre"),
                P("Olivier Mbuyi", "OIM", "Chef de Mission", None, "Membre"),
                P("Chantal Ilunga", "OIM", "Coordonnatrice du cluster CCCM", "CCCM", "Observateur"),
            ],
            "compliant",
            "HCT",
        ),
        Meeting(
            d(9),
            dts(9),
            "Cluster Santé",
            "Sous-nationale",
            "Goma",
            [
                P(
                    "Dr Patrick Kabamba",
                    "OMS",
                    "Coordonnateur du cluster Santé",
                    "Santé",
                    "Président",
                ),
                P(
                    "Dr Esther Kahindo",
                    "Division provinciale de la santé",
                    "Médecin chef de division",
                    "Santé",
                    "Membre",
                ),
                P("Marc Vandenberghe", "MSF", "Coordinateur médical", "Santé", "Membre"),
                P("Josué Bahati", "OIM", "Chargé de programme", "Santé", "Membre"),
            ],
            "compliant",
            "CLUSTER",
            "HEA",
        ),
        Meeting(
            d(14),
            "14/10/2026",
            "Inter-cluster",
            "Sous-nationale",
            "Goma",
            [
                P("Sylvie Mukendi", "OCHA", "Chef de sous-bureau", None, "Président"),
                P("Emmanuel Kasongo", "UNICEF", "Coordonnateur du cluster EHA", "EHA", "Membre"),
                P(
                    "Nadine Furaha",
                    "HCR",
                    "Coordonnatrice du cluster Protection",
                    "Protection",
                    "Membre",
                ),
            ],
            "absent",
            "ICCG",
            findings=[("C301", "platform", 0)],
        ),
        Meeting(
            d(16),
            dts(16),
            "Équipe de gestion de la sécurité",
            "Nationale",
            "Kinshasa",
            [
                P("Alain Tshibanda", "UNDSS", "Conseiller principal en sécurité", None, "Membre"),
                P("Marie-Claire Ngalula", "PNUD", "Représentante résidente", None, "Présidente"),
                P(
                    "Olivier Mbuyi",
                    "Organisation internationale pour les migrations",
                    "Chef de Mission",
                    None,
                    "Membre",
                ),
            ],
            "compliant",
            "SMT",
        ),
        Meeting(
            d(21),
            "21/10/2026",
            "Équipe humanitaire pays",
            "Nationale",
            "Kinshasa",
            [
                P("Bruno Lemarquis", "OCHA", "Chef de bureau", None, "Président"),
                P("Aminata Diallo", "PAM", "Directrice pays", None, "Membre"),
                P("Grâce Mbombo", "OIM", "Chargée de programme", "Protection", "Membre"),
                P("Jean-Pierre Mulumba", "UNICEF", "Représentant adjoint", None, "Membre"),
            ],
            "wrong_level",
            "HCT",
            findings=[("C302", "title", 2)],
        ),
        Meeting(
            d(28),
            dts(28),
            "Groupe de gestion des opérations",
            "Nationale",
            "Kinshasa",
            [
                P("Didier Kabeya", "PNUD", "Directeur des opérations", None, "Président"),
                P("Rose Lukusa", "UNICEF", "Responsable des opérations", None, "Membre"),
                P("Thérèse Mwamba", "OIM", "Chargée de la gestion des ressources", None, "Membre"),
            ],
            "compliant",
            "OMT",
        ),
        Note("Source : Unité de coordination OIM RDC – liste validée le 31/10/2026"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présences"
    write_title_rows(
        ws,
        [
            "Organisation internationale pour les migrations (OIM) – "
            "République démocratique du Congo",
            "Liste de présence aux réunions de coordination",
            "Période : octobre 2026",
        ],
    )
    res = write_table(ws, 4, FR_COLUMNS, blocks, merge_fields=("date", "platform"))
    save_deterministic(wb, SAMPLES / "COD_2026-10.xlsx", "OIM RDC")
    return expected_record(
        "COD_2026-10.xlsx",
        [res],
        mission="COD",
        period="2026-10",
        notes="French, header row 4, date (A) and platform (B) merged down over each meeting; "
        "findings on merged values point at the top-left cell.",
    )


# --------------------------------------------------------------------------- COL (Spanish)
ES_COLUMNS = [
    ("date", "Fecha"),
    ("platform", "Plataforma"),
    ("level", "Nivel"),
    ("location", "Ubicación"),
    ("attendee", "Nombre"),
    ("organization", "Organización"),
    ("title", "Cargo"),
    ("sector", "Sector"),
    ("capacity", "Rol"),
]


def make_col() -> dict[str, Any]:
    P = Person
    blocks: list[Block] = [
        Meeting(
            d(5),
            "5 de octubre de 2026",
            "Equipo Humanitario de País",
            "Nacional",
            "Bogotá",
            [
                P("Andrés Restrepo", "OCHA", "Jefe de Oficina", None, "Presidente"),
                P("Lucía Fernández", "ACNUR", "Representante", None, "Miembro"),
                P("Carlos Gutiérrez", "PMA", "Director de País", None, "Miembro"),
                P("Mariana López", "UNICEF", "Representante Adjunta", None, "Miembro"),
                P("Valentina Ríos", "OIM", "Jefa de Misión", None, "Miembro"),
            ],
            "compliant",
            "HCT",
        ),
        Meeting(
            d(7),
            "7 de octubre de 2026",
            "Clúster de Salud",
            "Subnacional",
            "Cúcuta",
            [
                P(
                    "Dr. Jorge Ramírez",
                    "OPS/OMS",
                    "Coordinador del Clúster de Salud",
                    "Salud",
                    "Presidente",
                ),
                P(
                    "Paola Castro",
                    "Cruz Roja Colombiana",
                    "Coordinadora de Salud",
                    "Salud",
                    "Miembro",
                ),
                P(
                    "Diego Herrera",
                    "Instituto Departamental de Salud",
                    "Secretario de Salud",
                    "Salud",
                    "Miembro",
                ),
                P("Camila Vargas", "OIM", "Oficial de Programa", "Salud", "Miembro"),
            ],
            "compliant",
            "CLUSTER",
            "HEA",
        ),
        Meeting(
            d(12),
            "12 de octubre de 2026",
            "Equipo Humanitario de País",
            "Nacional",
            "Bogotá",
            [
                P("Andrés Restrepo", "OCHA", "Jefe de Oficina", None, "Presidente"),
                P("Lucía Fernández", "ACNUR", "Representante", None, "Miembro"),
                P("Felipe Moreno", "OIM", "Oficial de Programa", "Protección", "Miembro"),
                P("Carlos Gutiérrez", "PMA", "Director de País", None, "Miembro"),
            ],
            "wrong_level",
            "HCT",
            findings=[("C302", "title", 2)],
        ),
        Meeting(
            d(14),
            dts(14),
            "Grupo Interclúster",
            "Subnacional",
            "Riohacha",
            [
                P("Natalia Pérez", "OCHA", "Oficial de Asuntos Humanitarios", None, "Presidente"),
                P(
                    "Juan Sebastián Rojas",
                    "UNICEF",
                    "Coordinador del Clúster WASH",
                    "Agua, Saneamiento e Higiene",
                    "Miembro",
                ),
                P("Sofía Mendoza", "OIM", "Coordinadora del Clúster", None, "Miembro"),
                P("Ricardo Salazar", "ACNUR", "Coordinador de Protección", "Protección", "Miembro"),
            ],
            "compliant",
            "ICCG",
        ),
        Meeting(
            d(20),
            dts(20),
            "Equipo de Gestión de Programas",
            "Nacional",
            "Bogotá",
            [
                P(
                    "Laura Jiménez",
                    "OCR",
                    "Jefa de la Oficina de la Coordinadora Residente",
                    None,
                    "Presidente",
                ),
                P("Manuel Ortiz", "PNUD", "Especialista de Programa", None, "Miembro"),
                P("Isabel Romero", "OIM", "Coordinadora de Programas", None, "Miembro"),
                P("Tomás Aguilar", "UNFPA", "Oficial de Programa", None, "Miembro"),
            ],
            "compliant",
            "PMT",
        ),
        Meeting(
            d(27),
            "27 de octubre de 2026",
            "Equipo de Gestión de Operaciones",
            "Nacional",
            "Bogotá",
            [
                P("Gabriela Torres", "PNUD", "Gerente de Operaciones", None, "Presidente"),
                P("Héctor Navarro", "UNICEF", "Gerente de Operaciones", None, "Miembro"),
                P(
                    "Daniela Cárdenas",
                    "Organización Internacional para las Migraciones",
                    "Oficial de Gestión de Recursos",
                    None,
                    "Miembro",
                ),
            ],
            "compliant",
            "OMT",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Asistencia"
    res = write_table(ws, 1, ES_COLUMNS, blocks, date_format="dd/mm/yyyy")
    save_deterministic(wb, SAMPLES / "COL_2026-10.xlsx", "OIM Colombia")
    return expected_record(
        "COL_2026-10.xlsx",
        [res],
        mission="COL",
        period="2026-10",
        notes="Spanish, header row 1, month-name text dates and real dates; HCT 12 Oct "
        "attended by an Oficial de Programa -> C302.",
    )


# ------------------------------------------------------------------------ SSD (representation log)
LOG_COLUMNS = [
    ("date", "Date"),
    ("platform", "Platform"),
    ("level", "Level"),
    ("location", "Location"),
    ("attendee", "IOM representative"),
    ("title", "Position"),
    ("sector", "Sector"),
]

LISTS = {
    "Platform": [
        "HCT",
        "ICCG",
        "UNCT",
        "SMT",
        "PMT",
        "OMT",
        "Health Cluster",
        "Protection Cluster",
        "WASH Cluster",
        "CCCM Cluster",
        "Shelter/NFI Cluster",
    ],
    "Level": ["National", "Subnational"],
    "Position": [
        "Chief of Mission",
        "Deputy Chief of Mission",
        "Emergency Coordinator",
        "Head of Sub-Office",
        "Programme Coordinator",
        "Programme Manager",
        "Programme Officer",
        "Resource Management Officer",
        "Cluster Coordinator",
    ],
    "Sector": ["Health", "Protection", "Shelter/NFI", "CCCM", "WASH"],
}


def make_ssd() -> dict[str, Any]:
    def one(
        date: dt.date,
        platform: str,
        level: str,
        location: str,
        name: str | None,
        position: str | None,
        sector: str | None,
        verdict: str,
        code: str,
        sector_code: str | None = None,
        findings: list[tuple[str, str, int]] | None = None,
    ) -> Meeting:
        return Meeting(
            date,
            dt.datetime(date.year, date.month, date.day),
            platform,
            level,
            location,
            [Person(name, None, position, sector)],
            verdict,
            code,
            sector_code,
            findings or [],
        )

    national: list[Block] = [
        one(
            d(2),
            "HCT",
            "National",
            "Juba",
            "Francesca Rossi",
            "Chief of Mission",
            None,
            "compliant",
            "HCT",
        ),
        one(
            d(6),
            "ICCG",
            "National",
            "Juba",
            "Deng Garang",
            "CCCM Cluster Coordinator",
            "CCCM",
            "compliant",
            "ICCG",
        ),
        one(
            d(8),
            "Health Cluster",
            "National",
            "Juba",
            "Dr. Akon Malual",
            "Migration Health Programme Officer",
            "Health",
            "compliant",
            "CLUSTER",
            "HEA",
        ),
        one(
            d(9),
            "Protection Cluster",
            "National",
            "Juba",
            "Nyandeng Kuol",
            "Programme Officer",
            "Counter-Trafficking",
            "compliant",
            "CLUSTER",
            "PRO",
        ),
        one(
            d(13),
            "SMT",
            "National",
            "Juba",
            None,
            None,
            None,
            "absent",
            "SMT",
            findings=[("C301", "platform", 0)],
        ),
        one(
            d(16),
            "HCT",
            "National",
            "Juba",
            "Francesca Rossi",
            "Chief of Mission",
            None,
            "compliant",
            "HCT",
        ),
        one(
            d(20),
            "WASH Cluster",
            "National",
            "Juba",
            "Peter Lado",
            "WASH Programme Manager",
            "WASH",
            "compliant",
            "CLUSTER",
            "WSH",
        ),
        one(
            d(22),
            "OMT",
            "National",
            "Juba",
            "Grace Achan",
            "Resource Management Officer",
            None,
            "compliant",
            "OMT",
        ),
        one(
            d(23),
            "PMT",
            "National",
            "Juba",
            "Michael Okello",
            "Programme Coordinator",
            None,
            "compliant",
            "PMT",
        ),
        one(
            d(27),
            "UNCT",
            "National",
            "Juba",
            "Samira Haddad",
            "Deputy Chief of Mission",
            None,
            "wrong_level",
            "UNCT",
            findings=[("C302", "title", 0)],
        ),
    ]
    subnational: list[Block] = [
        # entered late: the meeting was on 30 September -> S207 on its date cell, still judged
        Meeting(
            d(30, 9),
            dt.datetime(2026, 9, 30),
            "ICCG",
            "Subnational",
            "Malakal",
            [Person("Joseph Lual", None, "CCCM Cluster Co-coordinator", "CCCM")],
            "compliant",
            "ICCG",
            findings=[("S207", "date", 0)],
        ),
        one(
            d(5),
            "CCCM Cluster",
            "Subnational",
            "Bentiu",
            "Mary Nyakuoth",
            "Programme Officer",
            "CCCM",
            "compliant",
            "CLUSTER",
            "CCM",
        ),
        one(
            d(12),
            "Health Cluster",
            "Subnational",
            "Malakal",
            None,
            None,
            None,
            "absent",
            "CLUSTER",
            "HEA",
            findings=[("C301", "platform", 0)],
        ),
        one(
            d(14),
            "Inter-Cluster Working Group",
            "Subnational",
            "Bentiu",
            "John Wani",
            "Head of Sub-Office",
            None,
            "wrong_level",
            "ICCG",
            findings=[("C302", "title", 0)],
        ),
        one(
            d(19),
            "Protection Cluster",
            "Subnational",
            "Wau",
            "Rebecca Ajak",
            "Project Officer",
            "Protection",
            "compliant",
            "CLUSTER",
            "PRO",
        ),
        one(
            d(26),
            "Shelter/NFI Cluster",
            "Subnational",
            "Malakal",
            "James Deng",
            "Programme Officer",
            "Shelter/NFI",
            "compliant",
            "CLUSTER",
            "SHL",
        ),
    ]
    wb = Workbook()
    ws_nat = wb.active
    ws_nat.title = "National"
    res_nat = write_table(ws_nat, 1, LOG_COLUMNS, national, date_format="dd/mm/yyyy")
    ws_sub = wb.create_sheet("Subnational")
    res_sub = write_table(ws_sub, 1, LOG_COLUMNS, subnational, date_format="dd/mm/yyyy")

    lists = wb.create_sheet("Lists")
    for col, (header, values) in enumerate(LISTS.items(), start=1):
        lists.cell(row=1, column=col, value=header).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            lists.cell(row=r, column=col, value=value)
    lists.sheet_state = "hidden"
    for ws in (ws_nat, ws_sub):
        for col_letter, header in (
            ("B", "Platform"),
            ("C", "Level"),
            ("F", "Position"),
            ("G", "Sector"),
        ):
            idx = list(LISTS).index(header) + 1
            n = len(LISTS[header]) + 1
            ref = f"Lists!${get_column_letter(idx)}$2:${get_column_letter(idx)}${n}"
            dv = DataValidation(
                type="list", formula1=f"={ref}", allow_blank=True, showErrorMessage=False
            )
            dv.add(f"{col_letter}2:{col_letter}200")
            ws.add_data_validation(dv)

    meta = wb.create_sheet("Metadata")
    for r, (key, value) in enumerate(
        [
            ("Mission", "SSD"),
            ("Period", "2026-10"),
            ("Prepared by", "IOM South Sudan, Coordination Unit"),
            ("Version", "v2 – 2026-11-02"),
        ],
        start=1,
    ):
        meta.cell(row=r, column=1, value=key).font = Font(bold=True)
        meta.cell(row=r, column=2, value=value)
    meta.column_dimensions["A"].width = 14
    meta.column_dimensions["B"].width = 36

    save_deterministic(wb, SAMPLES / "SSD_2026-10.xlsx", "IOM South Sudan")
    return expected_record(
        "SSD_2026-10.xlsx",
        [res_nat, res_sub],
        mission="SSD",
        period="2026-10",
        notes="IOM representation log (no Organization column) over sheets National and "
        "Subnational; hidden sheet 'Lists' and the 'Metadata' sheet are not rosters. "
        "A row with no representative = meeting without IOM (C301).",
    )


# ------------------------------------------------------- SEN (development mission, profile)
def make_sen() -> dict[str, Any]:
    """Checked under schemas/profiles/examples/SEN.yaml: UNCT, SMT, PMT, OMT only, each monthly."""
    P = Person
    blocks: list[Block] = [
        Meeting(
            d(6),
            dts(6),
            "Équipe de pays des Nations Unies",
            "Nationale",
            "Dakar",
            [
                P("Awa Ndiaye", "BCR", "Coordonnatrice résidente", None, "Présidente"),
                P("Moussa Fall", "PNUD", "Représentant résident", None, "Membre"),
                P("Claire Moreau", "OIM", "Cheffe de Mission", None, "Membre"),
                P("Ibrahima Sarr", "UNICEF", "Représentant", None, "Membre"),
            ],
            "compliant",
            "UNCT",
        ),
        Meeting(
            d(9),
            dts(9),
            "Équipe de gestion de la sécurité",
            "Nationale",
            "Dakar",
            [
                P("Awa Ndiaye", "BCR", "Responsable désignée", None, "Présidente"),
                P("Jean Diop", "UNDSS", "Conseiller principal pour la sécurité", None, "Membre"),
                P("Omar Ba", "OIM", "Chef de Mission a.i.", None, "Membre"),
            ],
            "compliant",
            "SMT",
            findings=[("C307", "title", 2)],
        ),
        # a Programme Officer at the PMT -> C302 (below the Programme Coordinator)
        Meeting(
            d(14),
            dts(14),
            "Groupe de gestion des programmes",
            "Nationale",
            "Dakar",
            [
                P("Fatou Sy", "BCR", "Chargée de la coordination", None, "Présidente"),
                P("Aminata Gueye", "OIM", "Chargée de programme", None, "Membre"),
                P("Paul Mendy", "FNUAP", "Chargé de programme", None, "Membre"),
            ],
            "wrong_level",
            "PMT",
            findings=[("C302", "title", 1)],
        ),
        # a health sector meeting convened by WHO, without IOM: there is no cluster system in
        # Senegal (CLUSTER inactive in the profile) -> not applicable, not C301
        Meeting(
            d(21),
            dts(21),
            "Cluster Santé",
            "Nationale",
            "Dakar",
            [
                P("Dr Mariama Diallo", "OMS", "Chargée de la préparation", "Santé", "Présidente"),
                P("Dr Cheikh Faye", "Ministère de la Santé", "Directeur", "Santé", "Membre"),
            ],
            "not_applicable",
            "CLUSTER",
            "HEA",
        ),
        # no OMT meeting is recorded in October -> C306 (the profile expects one a month)
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Présence"
    write_title_rows(ws, ["OIM Sénégal – Réunions de coordination – octobre 2026"])
    res = write_table(ws, 2, FR_COLUMNS, blocks, date_format="dd/mm/yyyy")
    save_deterministic(wb, SAMPLES / "SEN_2026-10.xlsx", "OIM Sénégal")
    return expected_record(
        "SEN_2026-10.xlsx",
        [res],
        mission="SEN",
        period="2026-10",
        extra_findings=[("C306", None)],
        notes="Development mission, checked under schemas/profiles/examples/SEN.yaml (UNCT, SMT, PMT, OMT "
        "only, one meeting a month each). The health cluster meeting is not applicable (C301 "
        "under the generic table); no OMT meeting recorded -> C306 (warning, no cell); PMT "
        "with a Programme Officer -> C302; SMT with the CoM a.i. -> C307.",
    )


# ------------------------------------------------- KEN November (local names, subnational AHT)
def make_ken_nov() -> dict[str, Any]:
    """Checked under schemas/profiles/examples/KEN.yaml: HCT called Humanitarian Partners Team, a
    county-level Area Humanitarian Team, K. Osei designated, a waiver for Lodwar."""
    P = Person
    blocks: list[Block] = [
        # the HCT under its Kenyan name, the designated Emergency Coordinator -> compliant
        Meeting(
            d(3, 11),
            dts(3, 11),
            "Humanitarian Partners Team",
            "National",
            "Nairobi",
            [
                P("Wanjiru Kamau", "OCHA", "Head of Office", None, "Chair"),
                P("K. Osei", "IOM", "Emergency Coordinator", None, "Member"),
                P("Grace Atieno", "UNHCR", "Representative", None, "Member"),
            ],
            "compliant",
            "HCT",
        ),
        # the AHT in Garissa, level cell blank: subnational by the profile -> compliant
        Meeting(
            d(5, 11),
            dts(5, 11),
            "AHT",
            None,
            "Garissa",
            [
                P("Halima Noor", "OCHA", "Field Coordinator", None, "Chair"),
                P("Abdi Farah", "IOM", "Head of Sub-Office", None, "Member"),
                P("Fatuma Ali", "Kenya Red Cross Society", "County Coordinator", None, "Member"),
            ],
            "compliant",
            "AHT",
        ),
        # the AHT in Lodwar without IOM: C301, waived (sub-office closed in November)
        Meeting(
            d(12, 11),
            dts(12, 11),
            "Area Humanitarian Team",
            "Sub-national",
            "Lodwar",
            [
                P("Peter Ekai", "County Government of Turkana", "Chief Officer", None, "Chair"),
                P("Joan Akai", "UNICEF", "Field Officer", None, "Member"),
            ],
            "absent",
            "AHT",
            findings=[("C301", "platform", 0)],
            waived=("C301",),
        ),
        # the PMT: a local title the profile maps to Programme Coordinator -> compliant
        Meeting(
            d(17, 11),
            dts(17, 11),
            "PMT",
            "National",
            "Nairobi",
            [
                P("Joyce Akinyi", "RCO", "Head of RCO", None, "Chair"),
                P("Ruth Wairimu", "IOM", "Head of Programmes and Operations", None, "Member"),
            ],
            "compliant",
            "PMT",
        ),
        # the Education cluster without IOM: IOM has no education programme -> not applicable
        Meeting(
            d(19, 11),
            dts(19, 11),
            "Education Cluster",
            "National",
            "Nairobi",
            [
                P("Lilian Moraa", "UNICEF", "Education Cluster Coordinator", "Education", "Chair"),
                P("Tom Otieno", "Save the Children", "Education Advisor", "Education", "Member"),
            ],
            "not_applicable",
            "CLUSTER",
            "EDU",
        ),
        Meeting(
            d(24, 11),
            dts(24, 11),
            "Health Cluster",
            "Sub-national",
            "Garissa",
            [
                P("Dr. Faith Njeri", "WHO", "Health Cluster Coordinator", "Health", "Chair"),
                P("Dr. Hassan Abdi", "IOM", "Migration Health Programme Officer", None, "Member"),
            ],
            "compliant",
            "CLUSTER",
            "HEA",
        ),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    write_title_rows(ws, ["IOM Kenya – Attendance at coordination meetings – November 2026"])
    res = write_table(ws, 2, EN_COLUMNS_KEN, blocks, date_format="dd-mmm-yyyy")
    save_deterministic(wb, SAMPLES / "KEN_2026-11.xlsx", "IOM Kenya")
    return expected_record(
        "KEN_2026-11.xlsx",
        [res],
        mission="KEN",
        period="2026-11",
        notes="Checked under schemas/profiles/examples/KEN.yaml: 'Humanitarian Partners Team' is the HCT "
        "and K. Osei its designated alternate (compliant); the AHT is a Kenyan subnational "
        "platform (a blank level means subnational); C301 at the Lodwar AHT is waived (exit 0); "
        "'Head of Programmes and Operations' is a Programme Coordinator; the Education cluster "
        "is not applicable.",
    )


# --------------------------------------------------------------------------- broken
def make_broken(source: bytes) -> dict[str, Any]:
    """An attachment cut off in transit: the first 3 KiB of a real workbook."""
    (SAMPLES / "broken_roster.xlsx").write_bytes(source[:3072])
    return unreadable_record(
        "broken_roster.xlsx", "E101", "Truncated zip: the first 3072 bytes of KEN_2026-10.xlsx."
    )


def unreadable_record(file_name: str, code: str, notes: str) -> dict[str, Any]:
    return {
        "file": file_name,
        "notes": notes,
        "status": "unreadable" if code in UNREADABLE else "invalid",
        "exit_code": 1,
        "rows": {"read": 0, "used": 0, "skipped": 0, "rejected": 0},
        "verdicts": {
            "meetings": 0,
            "compliant": 0,
            "absent": 0,
            "wrong_level": 0,
            "undetermined": 0,
        },
        "findings": [[code, None]],
        "meetings": [],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-expected",
        action="store_true",
        help="also (re)write tests/expected/<stem>.json for the samples",
    )
    args = parser.parse_args(argv)
    records = [make_ken(), make_eth(), make_cod(), make_col(), make_ssd(), make_sen()]
    records.append(make_ken_nov())
    records.append(make_broken((SAMPLES / "KEN_2026-10.xlsx").read_bytes()))
    for record in records:
        print(
            f"sample_rosters/{record['file']}: {record['status']}, {record['rows']}, "
            f"{len(record['findings'])} findings"
        )
        if args.write_expected:
            write_expected(record)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
