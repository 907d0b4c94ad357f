"""(Re)create the hostile and edge-case test files in tests/fixtures/, deterministically.

    python scripts/make_fixtures.py                  # fixtures only
    python scripts/make_fixtures.py --write-expected # also tests/expected/<stem>.json

encrypted.xlsx is a real password-protected workbook (password "roster") when msoffcrypto-tool
is installed, with its random salts seeded so the bytes are reproducible; without it, a minimal
OLE2 compound file that carries the magic bytes and an "EncryptionInfo" stream name.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample_rosters import (
    EXPECTED,
    ROOT,
    Meeting,
    Person,
    SheetResult,
    expected_record,
    normalise_zip,
    save_deterministic,
    unreadable_record,
    write_expected,
    write_table,
)

FIXTURES = ROOT / "tests" / "fixtures"

EN_COLUMNS = [
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
HEADERS = [h for _, h in EN_COLUMNS]


def small_roster_workbook() -> Workbook:
    """A valid two-meeting roster, the base of the truncated/bomb/encrypted fixtures."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    write_table(
        ws,
        1,
        EN_COLUMNS,
        [
            Meeting(
                dt.date(2026, 10, 6),
                dt.datetime(2026, 10, 6),
                "HCT",
                "National",
                "Juba",
                [
                    Person("Francesca Rossi", "IOM", "Chief of Mission", None, "Member"),
                    Person("Ama Mensah", "OCHA", "Head of Office", None, "Chair"),
                    Person("Tomasz Nowak", "UNHCR", "Representative", None, "Member"),
                ],
                "compliant",
                "HCT",
            ),
            Meeting(
                dt.date(2026, 10, 22),
                dt.datetime(2026, 10, 22),
                "OMT",
                "National",
                "Juba",
                [
                    Person("Grace Achan", "IOM", "Resource Management Officer", None, "Member"),
                    Person("Luis Ortega", "UNDP", "Operations Manager", None, "Chair"),
                ],
                "compliant",
                "OMT",
            ),
        ],
    )
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    path = FIXTURES / ".tmp_roster.xlsx"
    data = save_deterministic(wb, path)
    path.unlink()
    return data


# --------------------------------------------------------------------------- unreadable
def make_not_a_spreadsheet() -> dict[str, Any]:
    text = (
        "From: coordination.unit@example.org\r\n"
        "Subject: RE: October attendance\r\n\r\n"
        "Dear colleagues, please find the attendance list attached.\r\n"
        "(This file is a plain-text e-mail saved with an .xlsx extension.)\r\n"
    )
    (FIXTURES / "not_a_spreadsheet.xlsx").write_text(text, encoding="utf-8", newline="")
    return unreadable_record("not_a_spreadsheet.xlsx", "E101", "A text file named .xlsx.")


def make_truncated(valid: bytes) -> dict[str, Any]:
    (FIXTURES / "truncated.xlsx").write_bytes(valid[: len(valid) // 2])
    return unreadable_record("truncated.xlsx", "E101", "The first half of a valid workbook.")


BOMB_DOCTYPE = (
    "<!DOCTYPE lolz [\n"
    ' <!ENTITY lol "lol">\n'
    ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    + "".join(f' <!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">\n' for i in range(2, 10))
    + "]>\n"
)


def add_bomb(xml: bytes, root_tag: bytes) -> bytes:
    text = xml.decode("utf-8")
    decl = re.match(r"<\?xml[^>]*\?>\s*", text)
    head = decl.group(0) if decl else ""
    return (head + BOMB_DOCTYPE + text[len(head) :]).encode("utf-8")


SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_OVERRIDE = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}" />'
SST_RELATION = f'<Relationship Type="{SST_REL}" Target="sharedStrings.xml" Id="rId9" />'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def make_entity_bomb(valid: bytes) -> dict[str, Any]:
    """Billion laughs in both the worksheet and the shared strings of a valid workbook.

    openpyxl writes inline strings, so a sharedStrings part is added (content type, relation)
    and cell K1 refers to it; J1 holds the entity as an inline string.
    """
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + BOMB_DOCTYPE
        + f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    ).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = add_bomb(content, b"worksheet")
                content = re.sub(
                    rb"(<row r=\"1\"[^>]*>.*?)(</row>)",
                    rb'\1<c r="J1" t="inlineStr"><is><t>&lol9;</t></is></c>'
                    rb'<c r="K1" t="s"><v>0</v></c>\2',
                    content,
                    count=1,
                    flags=re.S,
                )
                content = content.replace(
                    b'<dimension ref="A1:I6" />', b'<dimension ref="A1:K6" />'
                )
            elif info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    (SST_OVERRIDE + "</Types>").encode(),
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    (SST_RELATION + "</Relationships>").encode(),
                )
            dst.writestr(info, content)
            if info.filename == "xl/worksheets/sheet1.xml":
                dst.writestr(zipfile.ZipInfo("xl/sharedStrings.xml", info.date_time), sst)
    data = normalise_zip(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"&lol9;" in z.read("xl/sharedStrings.xml")
        assert z.read("xl/worksheets/sheet1.xml").count(b"&lol9;") == 1
    (FIXTURES / "entity_bomb.xlsx").write_bytes(data)
    return unreadable_record(
        "entity_bomb.xlsx",
        "E101",
        "Valid zip whose sheet1.xml and sharedStrings.xml declare a billion-laughs DOCTYPE; "
        "must be rejected quickly (DTDs are never legitimate in OOXML parts).",
    )


def make_encrypted(valid: bytes) -> dict[str, Any]:
    path = FIXTURES / "encrypted.xlsx"
    try:
        import msoffcrypto.method.container.ecma376_encrypted as container
        import msoffcrypto.method.ecma376_agile as agile
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        path.write_bytes(fake_ole_encrypted())
        how = "a minimal OLE2 file with an EncryptionInfo stream name (msoffcrypto-tool absent)"
    else:
        # seed the salts/keys and fix the CFB directory timestamps, for reproducible bytes
        rng = random.Random(20261031)

        class FixedNow(dt.datetime):
            @classmethod
            def now(cls, tz: dt.tzinfo | None = None) -> FixedNow:  # type: ignore[override]
                return cls(2026, 10, 31, 17, 0, 0)

        original = agile._random_buffer, container.datetime
        agile._random_buffer = lambda size: rng.randbytes(size)
        container.datetime = FixedNow
        try:
            out = io.BytesIO()
            OOXMLFile(io.BytesIO(valid)).encrypt("roster", out)
        finally:
            agile._random_buffer, container.datetime = original
        path.write_bytes(out.getvalue())
        how = (
            "a real ECMA-376 agile-encrypted workbook made with msoffcrypto-tool, password 'roster'"
        )
    return unreadable_record("encrypted.xlsx", "E102", f"Password-protected workbook: {how}.")


def fake_ole_encrypted() -> bytes:
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    header = header.ljust(512, b"\x00")
    names = "".join(
        n.encode("utf-16-le").decode("latin-1")
        for n in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    ).encode("latin-1")
    return header + names.ljust(1024, b"\x00")


# --------------------------------------------------------------------------- invalid
def make_empty() -> dict[str, Any]:
    wb = Workbook()
    wb.active.title = "Sheet1"
    save_deterministic(wb, FIXTURES / "empty.xlsx")
    return invalid_record("empty.xlsx", "E103", "One empty sheet.")


def make_header_only() -> dict[str, Any]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    for col, header in enumerate(HEADERS, start=1):
        ws.cell(row=1, column=col, value=header).font = Font(bold=True)
    save_deterministic(wb, FIXTURES / "header_only.xlsx")
    record = invalid_record(
        "header_only.xlsx",
        "E105",
        "A roster header on row 1, no data rows. A roster table was found, so mission and period "
        "are looked for and neither can be determined: two S210 warnings (file-level, no cell).",
    )
    record["findings"] = [["E105", None], ["S210", None], ["S210", None]]
    return record


def make_no_roster() -> dict[str, Any]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Budget line", "Description", "Amount (USD)"])
    for row in [
        ("1.1", "Staff costs", 125000),
        ("1.2", "Office rent", 18000),
        ("2.1", "Vehicles running costs", 9400),
        ("3.1", "Workshops", 6200),
    ]:
        ws.append(list(row))
    ws2 = wb.create_sheet("Vehicles")
    ws2.append(["Plate number", "Model", "Fuel (L)", "Odometer (km)"])
    for row in [
        ("UN-1234", "Toyota Land Cruiser", 412, 84210),
        ("UN-1240", "Toyota Hilux", 288, 60133),
    ]:
        ws2.append(list(row))
    save_deterministic(wb, FIXTURES / "no_roster.xlsx")
    return invalid_record(
        "no_roster.xlsx", "E103", "Two sheets with unrelated tables (budget, vehicles)."
    )


def make_missing_platform() -> dict[str, Any]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Attendance"
    headers = [h for f, h in EN_COLUMNS if f != "platform"]
    ws.append(headers)
    for row in [
        (
            dt.datetime(2026, 10, 6),
            "National",
            "Juba",
            "Francesca Rossi",
            "IOM",
            "Chief of Mission",
            None,
            "Member",
        ),
        (
            dt.datetime(2026, 10, 6),
            "National",
            "Juba",
            "Ama Mensah",
            "OCHA",
            "Head of Office",
            None,
            "Chair",
        ),
        (
            dt.datetime(2026, 10, 22),
            "National",
            "Juba",
            "Grace Achan",
            "IOM",
            "Resource Management Officer",
            None,
            "Member",
        ),
    ]:
        ws.append(list(row))
        ws.cell(row=ws.max_row, column=1).number_format = "dd/mm/yyyy"
    save_deterministic(wb, FIXTURES / "missing_platform.xlsx")
    record = invalid_record(
        "missing_platform.xlsx",
        "S201",
        "Header (row 1) without a platform column: S201 names no cell; the 3 data rows are read "
        "and rejected (no platform, so no meeting). Mission unknown -> S210; the period is "
        "inferred from the dates.",
    )
    record["rows"] = {"read": 3, "used": 0, "skipped": 0, "rejected": 3}
    record["findings"] = [["S201", None], ["S210", None]]
    return record


def invalid_record(file_name: str, code: str, notes: str) -> dict[str, Any]:
    record = unreadable_record(file_name, code, notes)
    record["status"] = "invalid"
    return record


# --------------------------------------------------------------------------- valid, other formats
CSV_ROWS = [
    (
        "2026-10-06",
        "HCT",
        "National",
        "Juba",
        "Francesca Rossi",
        "IOM",
        "Chief of Mission",
        "",
        "Member",
    ),
    ("2026-10-06", "HCT", "National", "Juba", "Ama Mensah", "OCHA", "Head of Office", "", "Chair"),
    (
        "2026-10-06",
        "HCT",
        "National",
        "Juba",
        "Tomasz Nowak",
        "UNHCR",
        "Representative",
        "",
        "Member",
    ),
    (
        "2026-10-09",
        "Protection Cluster",
        "Subnational",
        "Malakal",
        "Rebecca Ajak",
        "IOM",
        "Project Officer",
        "Protection",
        "Member",
    ),
    (
        "2026-10-09",
        "Protection Cluster",
        "Subnational",
        "Malakal",
        "Halima Saeed",
        "UNHCR",
        "Protection Cluster Coordinator",
        "Protection",
        "Chair",
    ),
    (
        "2026-10-22",
        "OMT",
        "National",
        "Juba",
        "Grace Achan",
        "IOM",
        "Resource Management Officer",
        "",
        "Member",
    ),
    (
        "2026-10-22",
        "OMT",
        "National",
        "Juba",
        "Luis Ortega",
        "UNDP",
        "Operations Manager",
        "",
        "Chair",
    ),
]

CSV_LATIN1_HEADER = [
    "Date de la réunion",
    "Réunion",
    "Niveau",
    "Lieu",
    "Nom du participant",
    "Organisation",
    "Fonction",
    "Secteur",
    "Rôle",
]
CSV_LATIN1_ROWS = [
    (
        "14/10/2026",
        "Équipe humanitaire pays",
        "Nationale",
        "Kinshasa",
        "Olivier Mbuyi",
        "OIM",
        "Chef de Mission",
        "",
        "Membre",
    ),
    (
        "14/10/2026",
        "Équipe humanitaire pays",
        "Nationale",
        "Kinshasa",
        "Bruno Lemarquis",
        "OCHA",
        "Chef de bureau",
        "",
        "Président",
    ),
    (
        "21/10/2026",
        "Cluster EHA",
        "Sous-nationale",
        "Bunia",
        "Josée Kavira",
        "OIM",
        "Chargée de programme",
        "Eau, hygiène et assainissement",
        "Membre",
    ),
    (
        "21/10/2026",
        "Cluster EHA",
        "Sous-nationale",
        "Bunia",
        "Emmanuel Kasongo",
        "UNICEF",
        "Coordonnateur du cluster EHA",
        "EHA",
        "Président",
    ),
    (
        "23/10/2026",
        "Groupe de gestion des programmes",
        "Nationale",
        "Kinshasa",
        "Hélène Masika",
        "OIM",
        "Coordonnatrice de programmes",
        "",
        "Membre",
    ),
    (
        "23/10/2026",
        "Groupe de gestion des programmes",
        "Nationale",
        "Kinshasa",
        "François Kibonge",
        "PNUD",
        "Spécialiste de programme",
        "",
        "Président",
    ),
]

ODS_ROWS = [
    (
        dt.datetime(2026, 10, 8),
        "ICCG",
        "National",
        "Port-au-Prince",
        "Marie-Ange Joseph",
        "IOM",
        "CCCM Cluster Coordinator",
        "CCCM",
        "Member",
    ),
    (
        dt.datetime(2026, 10, 8),
        "ICCG",
        "National",
        "Port-au-Prince",
        "Jean Baptiste",
        "OCHA",
        "Inter-Cluster Coordinator",
        None,
        "Chair",
    ),
    (
        dt.datetime(2026, 10, 20),
        "PMT",
        "National",
        "Port-au-Prince",
        "Stéphanie Pierre",
        "IOM",
        "Senior Programme Manager",
        None,
        "Member",
    ),
    (
        dt.datetime(2026, 10, 20),
        "PMT",
        "National",
        "Port-au-Prince",
        "Paul Desrosiers",
        "UNDP",
        "Programme Specialist",
        None,
        "Chair",
    ),
    (
        dt.datetime(2026, 10, 23),
        "CCCM Cluster",
        "Subnational",
        "Les Cayes",
        "Wilson Charles",
        "IOM",
        "Operations Officer",
        "CCCM",
        "Member",
    ),
]


def valid_record(
    file_name: str, meetings: Sequence[tuple[str, str, str | None, str]], rows: int, notes: str
) -> dict[str, Any]:
    sheet = SheetResult(read=rows, used=rows)
    for date, code, sector, level in meetings:
        sheet.meetings.append(
            Meeting(
                dt.date.fromisoformat(date), None, "", level, None, [], "compliant", code, sector
            )
        )
    return expected_record(
        file_name,
        [sheet],
        mission=None,
        period="2026-10",
        extra_findings=[("S210", None)],
        notes=notes,
    )


def make_csv() -> dict[str, Any]:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(CSV_ROWS)
    (FIXTURES / "roster.csv").write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    return valid_record(
        "roster.csv",
        [
            ("2026-10-06", "HCT", None, "national"),
            ("2026-10-09", "CLUSTER", "PRO", "subnational"),
            ("2026-10-22", "OMT", None, "national"),
        ],
        len(CSV_ROWS),
        "UTF-8 with BOM, ';'-separated, CRLF. No mission in the name -> S210 warning (file-level, "
        "no cell); period inferred from the dates.",
    )


def make_csv_latin1() -> dict[str, Any]:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=",", lineterminator="\r\n")
    writer.writerow(CSV_LATIN1_HEADER)
    writer.writerows(CSV_LATIN1_ROWS)
    (FIXTURES / "roster_latin1.csv").write_bytes(buf.getvalue().encode("latin-1"))
    return valid_record(
        "roster_latin1.csv",
        [
            ("2026-10-14", "HCT", None, "national"),
            ("2026-10-21", "CLUSTER", "WSH", "subnational"),
            ("2026-10-23", "PMT", None, "national"),
        ],
        len(CSV_LATIN1_ROWS),
        "French, Latin-1, ','-separated with a quoted comma in a sector; day-first dates "
        "(day > 12, unambiguous). No mission -> S210.",
    )


def make_ods() -> dict[str, Any]:
    import pandas as pd

    df = pd.DataFrame(
        ODS_ROWS,
        columns=[
            "Date",
            "Platform",
            "Level",
            "Location",
            "Name",
            "Organization",
            "Title",
            "Sector",
            "Role",
        ],
    )
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as writer:
        df.to_excel(writer, sheet_name="Attendance", index=False)
    data = normalise_zip(buf.getvalue())
    (FIXTURES / "roster.ods").write_bytes(data)
    return valid_record(
        "roster.ods",
        [
            ("2026-10-08", "ICCG", None, "national"),
            ("2026-10-20", "PMT", None, "national"),
            ("2026-10-23", "CLUSTER", "CCM", "subnational"),
        ],
        len(ODS_ROWS),
        "OpenDocument written by pandas+odfpy, real date cells. No mission -> S210.",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-expected",
        action="store_true",
        help="also (re)write tests/expected/<stem>.json for the fixtures",
    )
    args = parser.parse_args(argv)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    valid = workbook_bytes(small_roster_workbook())
    records = [
        make_not_a_spreadsheet(),
        make_truncated(valid),
        make_empty(),
        make_header_only(),
        make_no_roster(),
        make_missing_platform(),
        make_entity_bomb(valid),
        make_encrypted(valid),
        make_csv(),
        make_csv_latin1(),
        make_ods(),
    ]
    for record in records:
        print(f"tests/fixtures/{record['file']}: {record['status']}, {record['findings']}")
        if args.write_expected:
            write_expected(record)
    print(f"expected files in {EXPECTED.relative_to(ROOT)}" if args.write_expected else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
