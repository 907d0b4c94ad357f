"""A sign-in sheet named by its meeting's number ("HCT-14" under "MEETING 14/2026") and not
dated takes its date from another sheet's heading naming the same platform and number ("Minutes
of HCT meeting 14/2026 – held on 4 November 2026": field15/GRD), and says where it came from.
Only an explicit and unambiguous link: the same platform, the same number, one date."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import CheckOptions, check_workbook
from checker.messages import catalogue
from checker.reader import SheetGrid, Workbook
from checker.reporters.text import reading_lines

# Per language: the sign-in sheet's name, heading, header and IOM row; the minutes' heading
# lines; the date they give.
CASES = {
    "en": ("HCT-14", "HUMANITARIAN COUNTRY TEAM – MEETING 14/2026",
           ["No.", "Name", "Organisation", "Designation", "Signature"],
           ["N. Charles", "IOM", "Chief of Mission", "NC"],
           ["Minutes of HCT meeting 14/2026 – held on Wednesday 4 November 2026, UN House"],
           "2026-11-04"),
    "fr": ("EHP-3", "ÉQUIPE HUMANITAIRE PAYS – RÉUNION N° 3/2026",
           ["N°", "Nom", "Organisation", "Fonction", "Émargement"],
           ["A. Diallo", "OIM", "Chef de mission", "AD"],
           ["Compte rendu de la réunion n° 3/2026 de l'EHP – jeudi 12 novembre 2026"],
           "2026-11-12"),
    "es": ("UNCT-7", "EQUIPO DE PAÍS DE LA ONU (UNCT) – REUNIÓN 7/2026",
           ["N.º", "Nombre", "Organización", "Cargo", "Firma"],
           ["M. Fernández", "OIM", "Jefa de Misión", "MF"],
           ["Acta de la reunión 7/2026 del UNCT, celebrada el 10 de noviembre de 2026"],
           "2026-11-10"),
    "pt": ("EHP-2", "EQUIPA HUMANITÁRIA DO PAÍS (EHP) – REUNIÃO N.º 2",
           ["N.º", "Nome", "Organização", "Cargo", "Assinatura"],
           ["R. Lima", "OIM", "Chefe de Missão", "RL"],
           ["Ata da reunião n.º 2 da EHP", "Data: 19 de novembro de 2026"],
           "2026-11-19"),
}  # fmt: skip


def _sign_in(lang: str) -> SheetGrid:
    name, heading, header, iom, _, _ = CASES[lang]
    rows = [[heading], [], [*header], [1, "K. Roe", "UNICEF", "Representative", "KR"],
            [2, *iom]]  # fmt: skip
    return SheetGrid(name, rows)


def _minutes(lines: list[str], name: str = "Minutes") -> SheetGrid:
    return SheetGrid(name, [[line] for line in lines] + [["1. Hurricane season review."]])


def _check(*sheets: SheetGrid, period: str = "2026-11"):
    return check_workbook(Workbook(Path(f"GRD_{period}.xlsx"), list(sheets), hidden=[]),
                          CheckOptions())  # fmt: skip


@pytest.mark.parametrize("lang", sorted(CASES))
def test_a_numbered_sign_in_sheet_takes_its_date_from_the_minutes_naming_its_number(lang):
    _, _, _, _, lines, day = CASES[lang]
    result = _check(_sign_in(lang), _minutes(lines))
    assert [(m.date, str(m.verdict)) for m in result.meetings] == [(day, "compliant")]
    assert not [f for f in result.findings if f.code == "S203"]
    data = result.to_dict()
    date = data["reading"]["tables"][0]["columns"]["date"]
    assert date["from"] == "other_sheet" and date["sheet"] == "Minutes"
    assert date["cell"] == ("A2" if lang == "pt" else "A1")
    assert date["line"] == lines[0]
    for language in ("en", "fr", "es", "pt"):  # the reading line says where
        said = reading_lines(data, catalogue(language))[0]
        assert "Minutes!A" in said and lines[0] in said, (language, said)


@pytest.mark.parametrize(
    "lines",
    [["Minutes of HCT meeting 15/2026 – held on 18 November 2026"],  # another number
     ["Minutes of UNCT meeting 14/2026 – held on 4 November 2026"],  # another platform
     ["Minutes of HCT meeting 14/2025 – held on 5 November 2025"],  # another year
     ["Minutes of HCT meeting 13/2026 – 21 October 2026",
      "Next meeting: HCT meeting 14/2026 on 4 November 2026"],  # a plan, not a record
     ["Minutes of HCT meeting 14/2026"]],  # no date
)  # fmt: skip
def test_no_date_is_taken_without_an_explicit_link(lines):
    result = _check(_sign_in("en"), _minutes(lines))
    assert [f.key for f in result.findings if f.code == "S203"] == ["S203:meeting_number"]
    assert "2026-11-04" not in [m.date for m in result.meetings]


def test_two_sheets_giving_the_meeting_two_dates_leave_it_undated():
    result = _check(_sign_in("en"),
                    _minutes(["Minutes of HCT meeting 14/2026 – held on 4 November 2026"]),
                    _minutes(["Draft minutes of HCT meeting 14/2026 – 5 November 2026"],
                             "Draft"))  # fmt: skip
    assert [f.key for f in result.findings if f.code == "S203"] == ["S203:meeting_number"]
    # Two copies saying the same day agree.
    result = _check(_sign_in("en"),
                    _minutes(["Minutes of HCT meeting 14/2026 – held on 4 November 2026"]),
                    _minutes(["Draft minutes of HCT meeting 14/2026 – 4 November 2026"],
                             "Draft"))  # fmt: skip
    assert [m.date for m in result.meetings] == ["2026-11-04"]


def test_two_sign_in_sheets_of_one_number_take_no_date():
    other = SheetGrid("HCT 14", [["HCT – MEETING 14/2026 – online participants"], [],
                                          ["No.", "Name", "Organisation", "Designation"],
                                          [1, "K. Roe", "UNICEF", "Representative"]])  # fmt: skip
    result = _check(
        _sign_in("en"),
        other,
        _minutes(["Minutes of HCT meeting 14/2026 – held on 4 November 2026"]),
    )
    assert "2026-11-04" not in [m.date for m in result.meetings]
