"""The property that matters most: a meeting is never compliant when no IOM staff member is
known to have attended. Rosters are drawn with every kind of non-IOM organisation and every
way of writing a title that merely contains a role's name."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.findings import Verdict
from checker.reader import SheetGrid, Workbook
from tests.conftest import roster

NOT_IOM = ["UNICEF", "WFP", "OCHA", "non-IOM", "Former IOM", "OCHA (seconded from IOM)",
           "IOM partner NGO", "Ex-IOM", "UNHCR/IOM", "", "Government", "NRC", "IOMX Ltd",
           "Not IOM", "ONG partenaire de l'OIM"]  # fmt: skip
ROLES = ["Chief of Mission", "Chef de Mission", "Jefa de Misión", "RMO", "Cluster Coordinator",
         "Programme Coordinator", "Health Programme Officer", "Country Director", "OIC"]  # fmt: skip
AROUND = ["{}", "Driver of the {}", "Assistant to the {}", "Not the {}", "{}'s driver",
          "Special Assistant, Office of the {}", "Former {}", "{} (UNICEF)", "Deputy {}"]  # fmt: skip
PLATFORMS = ["HCT", "ICCG", "Health Cluster", "UNCT", "SMT", "PMT", "OMT", "Cluster"]
HEADERS = [
    ["Date", "Platform", "Level", "Location", "Name", "Organization", "Title", "Sector", "Role"],
    ["Date", "Platform", "Level", "Location", "Name", "Agency", "Title", "Sector", "Role"],
    ["Date", "Platform", "Level", "Location", "Name", "Who / from where", "Title", "Sector",
     "Role"],
    # No organisation column at all: nobody may be taken for IOM without evidence.
    ["Date", "Platform", "Level", "Location", "Name", "Notes", "Title", "Sector", "Role"],
]  # fmt: skip

attendee = st.tuples(
    st.sampled_from(["05/10/2026", "06/10/2026"]), st.sampled_from(PLATFORMS),
    st.sampled_from(["National", ""]), st.just("Capital"), st.sampled_from(["A. B.", "C. D."]),
    st.sampled_from(NOT_IOM),
    st.builds(lambda around, role: around.format(role), st.sampled_from(AROUND),
              st.sampled_from(ROLES)),
    st.sampled_from(["", "Health"]), st.sampled_from(["Member", ""]),
).map(list)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(HEADERS), st.lists(attendee, min_size=1, max_size=12))
# Found on 2 Dec 2026: two titles IOM uses were taken as evidence of IOM's own log.
@example(HEADERS[2], [["05/10/2026", "HCT", "National", "Capital", "A. B.", "", title, "", ""]
                      for title in ("Chief of Mission", "Country Director")])  # fmt: skip
def test_no_meeting_without_iom_is_compliant(header, rows):
    result = roster(rows, header=header)
    assert all(m.verdict is not Verdict.COMPLIANT for m in result.meetings), [
        (m.platform, m.date, [a.title for a in m.iom_attendees]) for m in result.meetings
    ]


# A sheet beside the roster naming IOM's right person for every meeting: who should come
# (field12 KHM) or a recap of who came (field12 LAO, CUW). Neither is a record of who came.
BESIDE = [
    ("Expected participants", ["Meeting", "Date", "Agency", "Expected representative"]),
    ("Sheet1", ["Meeting", "Date", "Agency", "Invited representative", "Title"]),
    ("Participants attendus", ["Réunion", "Date", "Agence", "Représentant", "Fonction"]),
    ("Convocados", ["Reunión", "Fecha", "Agencia", "Nombre", "Cargo"]),
    ("Planilha", ["Reunião", "Data", "Agência", "Representação exigida"]),
    ("Summary", ["Meeting", "Date", "IOM present?", "IOM representative", "Title"]),
    ("Resumen", ["Espacio", "Fecha", "¿OIM presente?", "Representante", "Cargo"]),
    ("Récapitulatif", ["Réunion", "Date", "OIM présente ?", "Représentant OIM", "Fonction"]),
]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(BESIDE), st.sampled_from(HEADERS[:3]),
       st.lists(attendee, min_size=1, max_size=8), st.sampled_from(ROLES))  # fmt: skip
def test_a_sheet_of_who_should_come_or_a_recap_never_makes_a_meeting_compliant(
    beside, header, rows, role
):
    name, top = beside
    # An agency's column names IOM; a recap's third column answers its question.
    recap = "?" in top[2]
    said = ["Yes", "A. Staff", role] if recap else ["IOM", f"{role} (A. Staff)", role]
    meetings = sorted({(r[1], r[0]) for r in rows})
    listed = [top, *([platform, date, *said][: len(top)] for platform, date in meetings)]
    workbook = Workbook(Path("NER_2026-10.xlsx"), [
        SheetGrid(name, listed), SheetGrid("Roster", [header, *rows])])  # fmt: skip
    result = check_workbook(workbook, CheckOptions(mission="NER", period="2026-10"))
    assert all(m.verdict is not Verdict.COMPLIANT for m in result.meetings), [
        (m.platform, m.date, [a.title for a in m.iom_attendees]) for m in result.meetings
    ]


# A meeting that is no platform's, named with or without one (EN/FR/ES/PT): field10 LSO,
# BLZ, MUS, SRB; field13 ESP.
SIDE_MEETINGS = ["HCT Sub-Group on Durable Solutions", "Subgrupo de Compras Comunes del OMT",
                 "Sous-groupe cash de l'EHP", "Subgrupo de proteção da EHP",
                 "HCT – sub-group on cash", "UNCT – retreat", "PMT – task force",
                 "Groupe thématique Migration et développement", "Grupo temático de género",
                 "Security briefing (UNDSS) – all agencies", "PSEA Task Force",
                 "Reunión bilateral Coordinadora Residente – OIM (al margen del UNCT)",
                 "Réunion bilatérale CR – OIM", "Reunião bilateral com a Coordenadora Residente",
                 "Side event on the margins of the HCT", "Réunion en marge de l'EHP"]  # fmt: skip
COM = ["Chief of Mission", "Chef de mission", "Jefa de Misión", "Chefe de Missão"]
anyone = attendee.flatmap(lambda row: st.sampled_from(["IOM", "OIM", row[5]]).map(
    lambda org: [*row[:5], org, *row[6:]]))  # fmt: skip


def _meetings(result):
    return {(m.platform, m.sector, m.date, m.level): m.verdict for m in result.meetings}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Organisation columns headed as such: a "Who / from where" column is read by its contents,
# which the added row (IOM, a title) makes clearer: evidence for the other rows, not the side
# meeting's doing.
@given(st.sampled_from(HEADERS[:2]), st.lists(anyone, min_size=1, max_size=10),
       st.sampled_from(SIDE_MEETINGS), st.sampled_from(COM),
       st.sampled_from(["05/10/2026", "06/10/2026"]), st.integers(0, 10))  # fmt: skip
def test_a_side_meeting_row_naming_the_com_never_makes_a_meeting_compliant(
    header, rows, side, com, date, at
):
    """The CoM at a side meeting (a platform's sub-group, a thematic group, a bilateral, a
    briefing) is at no platform's meeting: added to any roster, the row makes no meeting
    compliant, adds no meeting, and is skipped with its warning S221."""
    before = _meetings(roster(rows, header=header))
    row = [date, side, "National", "Capital", "A. Diallo", "IOM", com, "", "Member"]
    result = roster([*rows[:at], row, *rows[at:]], header=header)
    after = _meetings(result)
    assert set(after) <= set(before), (side, set(after) - set(before))
    for key, verdict in after.items():
        assert verdict is not Verdict.COMPLIANT or before[key] is Verdict.COMPLIANT, (side, key)
    assert "S221" in {f.code for f in result.findings}
    rows_ = result.rows
    assert rows_.read == rows_.used + rows_.skipped + rows_.rejected
