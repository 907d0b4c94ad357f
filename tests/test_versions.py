"""Two versions of one list (field7/COG: "BROUILLON (… remplacée par la version finale
ci-dessous)" over "VERSION FINALE" on one sheet), two rows that contradict each other, a
meeting called off in one table and listed in another, and minutes in prose on a sheet of
their own (field7/CPV: "Ata UNCT", "Ausências justificadas: OIM (Chefe de Missão)")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker import schema
from checker.api import CheckOptions, check_workbook
from checker.reader import SheetGrid, Workbook
from checker.versions import mark_of

D4, D11, D20 = dt.datetime(2026, 11, 4), dt.datetime(2026, 11, 11), dt.datetime(2026, 11, 20)

# Per language: draft and final headings, header, IOM, CoM, deputy, present, excused, cancelled.
LANGUAGES = {
    "fr": ("BROUILLON (remplacée par la version finale ci-dessous)", "VERSION FINALE",
           ["Date", "Réunion", "Nom", "Organisation", "Fonction", "Présence"], "OIM",
           "Chef de mission", "Chef de mission adjoint", "Présent", "Excusé", "Réunion annulée"),
    "es": ("Borrador", "Versión final",
           ["Fecha", "Reunión", "Nombre", "Organización", "Cargo", "Asistencia"], "OIM",
           "Jefe de Misión", "Jefe de Misión Adjunto", "Presente", "Excusado",
           "Reunión cancelada"),
    "pt": ("Rascunho", "Versão final",
           ["Data", "Reunião", "Nome", "Organização", "Cargo", "Presença"], "OIM",
           "Chefe de Missão", "Chefe de Missão Adjunto", "Presente", "Ausente",
           "Reunião cancelada"),
    "en": ("Draft v1", "Final v2",
           ["Date", "Meeting", "Name", "Organization", "Title", "Attendance"], "IOM",
           "Chief of Mission", "Deputy Chief of Mission", "Present", "Excused", "Cancelled"),
}  # fmt: skip


def _tables(lang: str, draft_heading: str, final_heading: str) -> list[list[object]]:
    """The COG shape: the draft has the CoM present at the HCT where the final has him
    excused and the deputy present; the draft has a Shelter meeting the final calls off."""
    _, _, header, iom, com, deputy, present, excused, cancelled = LANGUAGES[lang]
    return [
        [draft_heading], header,
        [D4, "HCT", "P. Mabiala", iom, com, present],
        [D11, "UNCT", "P. Mabiala", iom, com, present],
        [D20, "Shelter cluster", "C. Nkounkou", iom, "Shelter Programme Officer", present],
        [None], [final_heading], header,
        [D4, "HCT", "P. Mabiala", iom, com, excused],
        [D4, "HCT", "A. Moukala", iom, deputy, present],
        [D11, "UNCT", "P. Mabiala", iom, com, present],
        [D20, "Shelter cluster", cancelled],
    ]  # fmt: skip


def _check(*sheets: SheetGrid):
    return check_workbook(Workbook(Path("COG_2026-11.xlsx"), list(sheets)), CheckOptions())


def _verdicts(result) -> dict[tuple[str, str], str]:
    return {(m.platform, m.date): m.verdict.value for m in result.meetings}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_final_version_is_read_and_the_draft_superseded(lang):
    draft, final = LANGUAGES[lang][:2]
    result = _check(SheetGrid("Suivi", _tables(lang, draft, final)))
    verdicts = _verdicts(result)
    # The final's "Excusé" is not outweighed by the draft's "Présent": the deputy came.
    assert verdicts[("HCT", "2026-11-04")] == "wrong_level"
    assert verdicts[("UNCT", "2026-11-11")] == "compliant"
    assert ("CLUSTER", "2026-11-20") not in verdicts  # called off in the final
    [s218] = [f for f in result.findings if f.code == "S218"]
    assert (s218.sheet, s218.row) == ("Suivi", 1)
    assert draft in s218.message and final in s218.message
    assert "S208" not in {f.code for f in result.findings}
    [sheet] = result.to_dict()["reading"]["sheets"]
    assert sheet["superseded"][0]["by"] == {"sheet": "Suivi", "header_row": 8, "marked": final}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_draft_sheet_beside_a_final_sheet_is_not_read(lang):
    draft, final = LANGUAGES[lang][:2]
    rows = _tables(lang, "", "")
    result = _check(SheetGrid(draft, rows[1:5]), SheetGrid(final, rows[7:]))
    assert _verdicts(result)[("HCT", "2026-11-04")] == "wrong_level"
    sheets = {s["name"]: s for s in result.to_dict()["reading"]["sheets"]}
    assert (sheets[draft]["status"], sheets[draft]["reason"]) == ("ignored", "superseded")
    assert [f.code for f in result.findings if f.code == "S218"] == ["S218"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_versions_that_cannot_be_told_apart_make_a_contradicted_attendance_unknown(lang):
    rows = _tables(lang, "Version A", "Version B")
    rows = [r for r in rows if len(r) < 5 or r[4] != LANGUAGES[lang][5]]  # no deputy
    result = _check(SheetGrid("Suivi", rows))
    hct = next(m for m in result.meetings if m.platform == "HCT")
    # Never "present wins": the CoM is present in one table, excused in the other.
    assert hct.verdict.value == "undetermined"
    present, excused = LANGUAGES[lang][6:8]
    assert "Suivi!F3" in hct.reason and "Suivi!F9" in hct.reason
    assert f'"{present}"' in hct.reason and f'"{excused}"' in hct.reason
    # S208 does not advise deleting either row at random: the rows disagree.
    s208 = next(f for f in result.findings if f.code == "S208" and f.row == 9)
    assert s208.key == "S208:differ" and present in s208.message and excused in s208.message
    # The Shelter meeting one table calls off does not take its attendance from the other.
    shelter = next(m for m in result.meetings if m.platform == "CLUSTER")
    assert shelter.verdict.value == "undetermined"
    assert "Suivi!C11" in shelter.reason and LANGUAGES[lang][8] in shelter.reason


def test_two_rows_that_agree_are_only_listed_twice():
    rows = _tables("en", "Version A", "Version B")
    rows = [r for r in rows if len(r) < 5 or r[5] != "Excused"]
    result = _check(SheetGrid("Log", rows))
    assert _verdicts(result)[("HCT", "2026-11-04")] == "compliant"
    assert {f.key for f in result.findings if f.code == "S208"} == {"S208"}


def test_versions_listing_different_meetings_are_both_read():
    """A November final and a December draft are not one list: both are read."""
    header = LANGUAGES["en"][2]
    rows = [["Final"], header, [D4, "HCT", "A. B.", "IOM", "Chief of Mission", "Present"], [None],
            ["Draft"], header,
            [dt.datetime(2026, 12, 2), "HCT", "A. B.", "IOM", "Chief of Mission", "Present"]]  # fmt: skip
    result = _check(SheetGrid("Log", rows))
    assert len(result.meetings) == 2
    assert "S218" not in {f.code for f in result.findings}


@pytest.mark.parametrize(
    ("text", "rank"),
    [("BROUILLON (version du 20/11 – remplacée par la version finale ci-dessous)", 0.0),
     ("Borrador", 0.0), ("Rascunho – não usar", 0.0), ("DRAFT", 0.0),
     ("VERSION FINALE (validée le 30/11/2026)", 1000.0), ("Versión definitiva", 1000.0),
     ("Versão final", 1000.0), ("Final list", 1000.0), ("Attendance v2", 2.0),
     ("Versão 3", 3.0), ("Template version 2.1", None), ("November 2026", None),
     ("HCT", None)],
)  # fmt: skip
def test_version_marks(text, rank):
    assert mark_of(text) == rank


@given(st.text(max_size=40))
def test_a_draft_word_always_marks_a_draft(text):
    """Whatever else the heading says ("remplacée par la version finale", "v2"), a draft
    word makes it a draft: the final is never taken for the draft."""
    assert mark_of(f"{text} brouillon – version finale v2 {text}") == 0.0


# ------------------------------------------------------------------ minutes on another sheet

MINUTES = {
    "pt": ("UNCT 1 Dez", "Reunião da Equipa de País das Nações Unidas (UNCT) – 1 de dezembro de 2026",
           ["Nº", "Quem", "Entidade", "Função"], "Chefe de Missão", "Ata UNCT",
           "Ata da reunião da Equipa de País das Nações Unidas (UNCT) – 1 de dezembro de 2026",
           "Ausências justificadas: OIM (Chefe de Missão), representada pela Oficial de Programa"),
    "fr": ("UNCT 1 déc", "Réunion de l'équipe pays (UNCT) – 1 décembre 2026",
           ["N°", "Nom", "Organisation", "Fonction"], "Chef de mission", "PV UNCT",
           "Procès-verbal de la réunion UNCT – 1 décembre 2026",
           "Excusés : OIM (Chef de mission), FNUAP"),
    "es": ("UNCT 1 dic", "Reunión del Equipo de País (UNCT) – 1 de diciembre de 2026",
           ["N.º", "Nombre", "Organización", "Cargo"], "Jefe de Misión", "Acta UNCT",
           "Acta de la reunión del UNCT – 1 de diciembre de 2026",
           "Se excusaron: OIM (Jefe de Misión), UNFPA"),
    "en": ("UNCT 1 Dec", "UN Country Team (UNCT) meeting – 1 December 2026",
           ["No.", "Name", "Organization", "Title"], "Chief of Mission", "Minutes UNCT",
           "Minutes of the UNCT meeting – 1 December 2026", "Apologies: IOM (Chief of Mission), UNFPA"),
}  # fmt: skip


def _minutes_workbook(lang: str, minutes_heading: str | None = None) -> list[SheetGrid]:
    name, heading, header, com, minutes_name, minutes, line = MINUTES[lang]
    sign_in = SheetGrid(name, [[heading], [None], header, [1, "J. Tavares", "OIM", com],
                               [2, "D. Rodrigues", "UNICEF", "Representante"]])  # fmt: skip
    prose = SheetGrid(minutes_name, [[minutes_heading or minutes], [None],
                                     ["Presentes: OCR, UNICEF, PNUD, OIM."], [line],
                                     [None], ["1. Plano de trabalho conjunto 2027."]])  # fmt: skip
    return [sign_in, prose]


@pytest.mark.parametrize("lang", MINUTES)
def test_minutes_naming_iom_among_the_apologies_make_the_list_s_iom_row_unknown(lang):
    result = check_workbook(Workbook(Path("CPV_2026-12.xlsx"), _minutes_workbook(lang)),
                            CheckOptions())  # fmt: skip
    [meeting] = result.meetings
    assert meeting.verdict.value == "undetermined"
    minutes_name, _, line = MINUTES[lang][4:]
    assert f"{minutes_name}, cell A4" in meeting.reason and line in meeting.reason
    sheets = {s["name"]: s for s in result.to_dict()["reading"]["sheets"]}
    assert sheets[minutes_name]["reason"] == "minutes"
    assert "S219" not in {f.code for f in result.findings}


@pytest.mark.parametrize("lang", MINUTES)
def test_minutes_of_no_meeting_of_the_workbook_are_said(lang):
    other = "Ata da reunião do SMT – 3 de dezembro de 2026"
    result = check_workbook(Workbook(Path("CPV_2026-12.xlsx"), _minutes_workbook(lang, other)),
                            CheckOptions())  # fmt: skip
    assert [m.verdict.value for m in result.meetings] == ["compliant"]
    [s219] = [f for f in result.findings if f.code == "S219"]
    assert (s219.sheet, s219.row, s219.column) == (MINUTES[lang][4], 4, "A")
    assert other in s219.message


@pytest.mark.parametrize("lang", LANGUAGES)
def test_names_listed_twice_in_a_large_meeting_are_paired_in_one_pass(lang, monkeypatch):
    """Issue 12: each S208 finding looked through the whole frame for the person's other
    rows (minutes of CPU for the narrow 210,900-row roster). The rows listed more than once
    are now grouped once per validation, and each finding still names the earlier row that
    disagrees with it, in every language."""
    _, _, header, iom, com, _, present, excused, _ = LANGUAGES[lang]
    rows: list[list[object]] = [header, [D4, "HCT", "P. Mabiala", iom, com, present]]
    for k in range(60):  # 60 partners, each listed twice; every third one disagrees
        said = [present, excused if k % 3 == 0 else present]
        rows += [[D4, "HCT", f"Partner {k}", "UNHCR", "Officer", s] for s in said]
    rows += [[D4, "HCT", "Z. Three", "WHO", "Officer", s] for s in (present, present, excused)]
    calls = []
    grouped = schema._twins
    monkeypatch.setattr(schema, "_twins", lambda frame: calls.append(1) or grouped(frame))
    result = _check(SheetGrid("Suivi", rows))
    s208 = {f.row: f for f in result.findings if f.code == "S208"}
    assert len(calls) == 1
    assert len(s208) == 62  # the second row of each partner and of Z. Three
    for k in range(60):
        finding = s208[2 + 2 * k + 2]  # 1-based rows: the header, the CoM, then pairs
        assert finding.key == ("S208:differ" if k % 3 == 0 else "S208")
        if k % 3 == 0:
            assert f'"{excused}"' in finding.message or f"«{excused}»" in finding.message
            assert str(2 + 2 * k + 1) in finding.message  # the partner's first row
    third = s208[max(s208)]  # Z. Three's third row: the first earlier row saying otherwise
    assert third.key == "S208:differ" and str(max(s208) - 2) in third.message
    assert s208[max(s208) - 1].key == "S208"  # the second row agrees with the first


def _differing_twin_by_scan(frame: pd.DataFrame, index: int) -> dict[str, object] | None:
    """The definition before issue 12: the person's rows at the meeting looked up each time."""
    row = frame.loc[index]
    twins = frame[(frame["meeting"] == row["meeting"])
                  & (frame["attendee_key"] == row["attendee_key"])]  # fmt: skip
    for other_index, other in twins.iterrows():
        if other_index == index:
            break
        if other["presence"] != row["presence"]:
            return {"said": "" if row["presence"] is None else row["presence"],
                    "other": "" if other["presence"] is None else other["presence"],
                    "other_row": int(other["row"])}  # fmt: skip
    return None


@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["ana", "bo", "chi", None]),
                          st.sampled_from(["present", "absent", "Excusé", None])),
                min_size=1, max_size=25))  # fmt: skip
def test_twins_grouped_once_say_what_looking_each_one_up_says(listed):
    frame = pd.DataFrame(listed, columns=["meeting", "attendee_key", "presence"])
    frame["row"] = range(2, len(frame) + 2)
    frame.index = frame.index * 3 + 7  # labels, not positions
    twins = schema._twins(frame)
    for index in frame.index[frame["attendee_key"].notna()
                             & frame.duplicated(["meeting", "attendee_key"])]:  # fmt: skip
        by_scan = _differing_twin_by_scan(frame, index)
        assert schema._differing_twin(index, twins[index]) == by_scan
