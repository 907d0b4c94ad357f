"""A small folder tree of missions' monthly rosters for the report tests.

    <root>/<MISSION>/<MISSION>_<YYYY-MM>.xlsx   attendance lists (all organisations)

Deterministic: which seat is empty or held at the wrong level follows from the mission and
the month, so the tree has recurring gaps, improving and worsening missions, a missing
month, an unreadable file, an invalid file, two files for one mission-month, a file that
names no mission, hostile text (HTML, an Excel formula) and names with diacritics.
The tests do not trust these declarations: they recompute every figure from the checker's
own per-file JSON.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

HEADER = ["Meeting date", "Platform", "Level", "Location", "Attendee name", "Organization",
          "Position title", "Programme sector", "Role in meeting"]  # fmt: skip
MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"]
MISSIONS = ["ETH", "KEN", "MLI"]
HOSTILE_LOCATION = "<script>alert('x')</script> Gao"
FORMULA_LOCATION = '=HYPERLINK("http://example.invalid/x","click")'
HOSTILE_TITLE_NAME = "<img src=x onerror=alert(1)>"


@dataclass
class Person:
    name: str | None
    organization: str
    title: str
    sector: str | None = None
    role: str | None = None


@dataclass
class Meeting:
    date: dt.date
    platform: str
    level: str
    location: str
    people: list[Person]


def others(tag: str) -> list[Person]:
    """Non-IOM attendees: every meeting has some, so a meeting without IOM still exists."""
    return [
        Person(f"Ama Mensah-{tag}", "UNHCR", "Representative"),
        Person(f"Jonas Berg-{tag}", "OCHA", "Head of Office"),
    ]


def write_roster(path: Path, meetings: list[Meeting], title: str = "Attendance") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Attendance"
    sheet.append([f"IOM coordination meetings: {title}"])
    sheet.append([])
    sheet.append(HEADER)
    for meeting in meetings:
        for person in meeting.people:
            sheet.append([meeting.date, meeting.platform, meeting.level, meeting.location,
                          person.name, person.organization, person.title, person.sector,
                          person.role or "Member"])  # fmt: skip
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=HYPERLINK(…)" is text in the roster, not a formula
    workbook.save(path)


def month_meetings(mission: str, month: str) -> list[Meeting]:
    """The meetings of one mission-month, with gaps that depend on both."""
    year, number = int(month[:4]), int(month[5:7])
    i = MISSIONS.index(mission)
    day = lambda d: dt.date(year, number, d)  # noqa: E731
    capital = {"ETH": "Addis Ababa", "KEN": "Nairobi", "MLI": "Bamako"}[mission]
    com = Person(f"Chief {mission} Ngozi Ëkwueme", "IOM", "Chief of Mission")
    rmo = Person(f"Rmo {mission} Zoë Ardent", "IOM", "Resource Management Officer")
    officer = Person(f"Officer {mission} José Núñez", "IOM", "Programme Officer")
    health = Person(f"Health {mission} Dr. Amani", "IOM", "Migration Health Programme Officer",
                    sector="Health")  # fmt: skip
    coord = Person(f"Coord {mission} Selam Haile", "IOM", "CCCM Cluster Coordinator")

    # HCT: ETH sends a Programme Officer in months 1-2 (wrong level), then the CoM (improving).
    hct = [officer] if mission == "ETH" and number <= 2 else [com]
    # OMT: MLI's RMO is absent in three of four months (a recurring gap).
    omt = [] if mission == "MLI" and number != 2 else [rmo]
    # Health cluster: KEN absent in month 4 only (worsening).
    cluster = [] if mission == "KEN" and number == 4 else [health]
    # ICCG: everyone compliant, except ETH in month 1.
    iccg = [] if mission == "ETH" and number == 1 else [coord]
    location = capital
    if mission == "MLI" and number == 3:
        location = HOSTILE_LOCATION  # in a non-compliant meeting, so it reaches the drill-down
    meetings = [
        Meeting(day(5 + i), "HCT", "National", capital, hct + others("hct")),
        Meeting(day(10 + i), "OMT", "National", location, omt + others("omt")),
        Meeting(day(12 + i), "Health Cluster", "Subnational", "Hub " + mission,
                cluster + others("health")),
        Meeting(day(15 + i), "ICCG", "National", capital, iccg + others("iccg")),
    ]  # fmt: skip
    if mission == "KEN" and number == 2:
        # A non-compliant meeting with an Excel formula and HTML in its text.
        meetings.append(Meeting(day(20), "SMT", "National", FORMULA_LOCATION,
                                [Person(HOSTILE_TITLE_NAME, "IOM", "Programme Officer"),
                                 *others("smt")]))  # fmt: skip
    return meetings


def build_tree(root: Path) -> dict[str, Path]:
    """Write the tree; returns the notable files by role."""
    notable: dict[str, Path] = {}
    base = dt.datetime(2026, 5, 1, 12, 0).timestamp()
    for mission in MISSIONS:
        for n, month in enumerate(MONTHS):
            if mission == "KEN" and month == "2026-03":
                continue  # a missing submission
            path = root / mission / f"{mission}_{month}.xlsx"
            if mission == "ETH" and month == "2026-02":
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"this is not a workbook")  # an unreadable submission
                notable["unreadable"] = path
            else:
                write_roster(path, month_meetings(mission, month), f"{mission} {month}")
            os.utime(path, (base + n, base + n))
    # KEN 2026-01 has a header and nothing else: an invalid submission (E105).
    invalid = root / "KEN" / "KEN_2026-01.xlsx"
    write_roster(invalid, [])
    os.utime(invalid, (base, base))
    notable["invalid"] = invalid

    # Two files for MLI 2026-04: the later one (v2, all seats filled) must win.
    older = root / "MLI" / "MLI_2026-04.xlsx"
    newer = root / "MLI" / "MLI_2026-04_v2.xlsx"
    meetings = month_meetings("MLI", "2026-04")
    rmo = Person("Rmo MLI Zoë Ardent", "IOM", "Resource Management Officer")
    meetings[1].people.insert(0, rmo)
    write_roster(newer, meetings, "MLI 2026-04 corrected")
    os.utime(older, (base + 10, base + 10))
    os.utime(newer, (base + 20, base + 20))
    notable["older"], notable["newer"] = older, newer

    # A roster whose file name names no mission: listed as not placed.
    stray = root / "inbox" / "attendance-list.xlsx"
    write_roster(stray, month_meetings("ETH", "2026-03"), "no mission")
    notable["stray"] = stray
    return notable


def attendee_names() -> set[str]:
    """Every person's name written into the tree (IOM and others)."""
    names = set()
    for mission in MISSIONS:
        for month in MONTHS:
            for meeting in month_meetings(mission, month):
                names.update(p.name for p in meeting.people if p.name)
    return names
