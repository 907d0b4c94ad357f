"""Field rosters written by hand (tests/fixtures/field): the tool against a careful reader's truth.

Each workbook there has a `<name>.truth.yaml` stating, meeting by meeting, the verdict a careful
human gives. The tool is run once per file (`roster-check check FILE --format json`) and its
meetings are matched to the truth on date + platform + sector + level. A truth date written as
YYYY-MM (wide trackers with one column per month) matches any day of that month.

The test that matters most is `test_no_false_compliant`: a meeting a careful reader would call
absent, wrong level or undetermined must never come out compliant.
"""

from __future__ import annotations

import csv
import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from checker.cli import main

FIELD = Path(__file__).parent / "fixtures" / "field"
FIELD2 = Path(__file__).parent / "fixtures" / "field2"  # round 2: rosters not seen before
FIELD3 = Path(__file__).parent / "fixtures" / "field3"  # round 3, after round 2 passed
FIELD4 = Path(__file__).parent / "fixtures" / "field4"  # round 4, blind again
FIELD5 = Path(__file__).parent / "fixtures" / "field5"  # round 5, blind again
FIELD6 = Path(__file__).parent / "fixtures" / "field6"  # round 6: over-reach of round 5's rules
FIELD7 = Path(__file__).parent / "fixtures" / "field7"  # round 7: one cell contradicts another
FIELD8 = Path(__file__).parent / "fixtures" / "field8"  # round 8: shapes not tried before
FIELD9 = Path(__file__).parent / "fixtures" / "field9"  # round 9: sent by README readers
FIELD10 = Path(__file__).parent / "fixtures" / "field10"  # round 10: false-compliant traps
FIELD11 = Path(__file__).parent / "fixtures" / "field11"  # round 11: files of other programs
FIELD12 = Path(__file__).parent / "fixtures" / "field12"  # round 12: traps not tried before
FIELD13 = Path(__file__).parent / "fixtures" / "field13"  # round 13: ten officers' own habits
FIELD14 = Path(__file__).parent / "fixtures" / "field14"  # round 14: what Excel hides/computes
FIELD15 = Path(__file__).parent / "fixtures" / "field15"  # round 15: meetings not simple
FIELD16 = Path(__file__).parent / "fixtures" / "field16"  # round 16: what the file says
FIELD17 = Path(__file__).parent / "fixtures" / "field17"  # round 17: who the IOM person was
FIELD18 = Path(__file__).parent / "fixtures" / "field18"  # round 18: who fits the cluster
TRUTHS = (sorted(FIELD.glob("*.truth.yaml")) + sorted(FIELD2.glob("*.truth.yaml"))
          + sorted(FIELD3.glob("*.truth.yaml")) + sorted(FIELD4.glob("*.truth.yaml"))
          + sorted(FIELD5.glob("*.truth.yaml")) + sorted(FIELD6.glob("*.truth.yaml"))
          + sorted(FIELD7.glob("*.truth.yaml")) + sorted(FIELD8.glob("*.truth.yaml"))
          + sorted(FIELD9.glob("*.truth.yaml")) + sorted(FIELD10.glob("*.truth.yaml"))
          + sorted(FIELD11.glob("*.truth.yaml")) + sorted(FIELD12.glob("*.truth.yaml"))
          + sorted(FIELD13.glob("*.truth.yaml")) + sorted(FIELD14.glob("*.truth.yaml"))
          + sorted(FIELD15.glob("*.truth.yaml")) + sorted(FIELD16.glob("*.truth.yaml"))
          + sorted(FIELD17.glob("*.truth.yaml")) + sorted(FIELD18.glob("*.truth.yaml")))  # fmt: skip

# Round 3's gaps still open, each a known misreading that gives no false compliant: strict,
# so that a fix shows up as a test to move out of here.
OPEN_GAPS = {
    "MDG_2026-10_fonction": "misspelt platforms ('Humanitarain Country Team') stay unknown "
    "(S204 with the right suggestion): safe, but not judged",
    # Round 7 (field7/README.md)
    "SLE_2026-12_register": "'8 Dec (postponed to 10 Dec)' is not read (S203, two dates): its "
    "OMT is listed undetermined under the date as written, not on 10 Dec",
    # Round 8 (field8/README.md)
    "PRY_2026-12_registro": "'Clúster CCCM (OIM co-lidera)' is not a platform (S204): the "
    "CCCM meeting is undetermined under the name as written",
    # Round 9 (field9/README.md): sent by people given only the README, first run at d11df70
    "EGY_2026-10_formulario_asistencia": "an 'Asistente de Protección' at the Protection "
    "cluster is wrong level; the truth says compliant (its author doubts it)",
    "RWA_2026-10_attendance": "the README's example location 'Addis Ababa' left in one row "
    "splits the HCT",
    "URY_2026-12_seguimiento_trimestral": "the gender group's row (S204) makes PMT Dec "
    "undetermined (an unreadable IOM row may be its); its blank November cell is an extra "
    "UNKNOWN meeting",
    # Round 10 (field10/README.md): traps for a false compliant, first run at 408d15f
    # Round 11 (field11/README.md): files of other programs (.ods, CSV, Google Sheets), first
    # run at 94a2a6b
    # Round 13 (field13/README.md): ten officers' own habits, first run at 37d973a
    # Round 14 (field14/README.md): what Excel hides or computes, first run at 227e713
    # Round 15 (field15/README.md): meetings that are not simple, first run at fd065a9
    "ATG_2026-12_attendance": "'12/11/2026' (12 Nov, day first by its column) is not read "
    "(the period reads 11 Dec): an extra undated HCT meeting, undetermined",
    "BEL_2026-11_registre": "the minutes pasted in the PMT's IOM name cell are skipped (absent, "
    "truth wrong level)",
    "BHS_2026-11_register": "the SMT of 12 Nov (postponed, its rows typed in advance) is listed "
    "undetermined, not left out",
    "CHE_2026-11_suivi_oim": "the CoM's rows of the cancelled UNCT (10 Nov) and the postponed "
    "EHP (24 Nov) are undetermined meetings the truth does not have",
    "DMA_2026-11_presencas": "the EHP of 12 Nov ('EHP (adiada → 13/11)', its rows typed in "
    "advance) is listed undetermined, the call-off quoted, not left out",
    "GRD_2026-11_sessions": "the UNCT of 18 Nov is two sessions, the extraordinary one "
    "compliant, against the truth's one record for the date (a limit of the truth format)",
    "KNA_2026-11_signin": "the UNCT list typed in advance above 'MEETING CANCELLED' is listed "
    "undetermined, not left out",
    "LCA_2026-11_asistencia": "the suspended UNCT is listed undetermined, not left out",
    "LUX_2026-11_feuilles": "the EHP '19 NOVEMBRE 2026 – REPORTÉE AU 26/11' is listed undetermined, "
    "not left out",
    "VCT_2026-10_bitacora": "the suspended UNCT of 7 Oct is listed undetermined, not left out",
    # Round 16 (field16/README.md): what the file as a whole says, first run at c821743
    "BTN_2026-11_register": "named November, titled DECEMBER 2026 (S222): '11/12/2026' is 12 Nov "
    "by the one, 11 Dec by the other, so not read (S203): the CoM's HCT of 11 Dec is undetermined",
    "TON_2026-11_registo": "the Info sheet's stale 'Período 2026-10' against the name and title "
    "(S222): '10/11/2026' is 11 Oct by the one, 10 Nov by the others, so not read (S203): the "
    "CoM's UNCT of 10 Nov is undetermined",
    # Round 17 (field17/README.md): who the IOM person really was, first run at d74ea79
    # Round 18 (field18/README.md): the right person for the cluster, first run at 1eb3265
    # (DNK, IRL, NZL, SWE: 'GCIC' and the areas of responsibility written out now read)
    "LTU_2026-11_aor": "the 'Shelter/CCCM joint cluster meeting' is an unknown platform (S204), "
    "neither the Shelter nor the CCCM cluster",
}
# Round 12 (field12/README.md): traps not tried before, 6 false compliants in 3 files at the
# first run (aab7560); every file now matches its truth.
# Rounds 4 and 5 (field4/, field5/README.md): their false compliants (3 and 9) are fixed, and
# every meeting matches its truth. Round 6's (field6/README.md), 8 in 4 files, are fixed:
# NGA's and SDN's (titles), CAF's (a contact list's update dates), TLS's (meeting numbers
# read as days). Round 7's (field7/README.md), 14 in 8 files, are fixed: names that say
# nobody (CHL) or someone else (DJI), remarks of apology (BRA, MEX), an e-mail of another
# agency (MEX), a draft beside the final list (COG), minutes on another sheet (CPV), session
# numbers read as days (MWI), a date cell holding two dates (SLE). Round 8's (field8), 1: a
# month-first date read day first outside the period (ARG).
# Round 9's (field9/README.md), 2, and round 10's (field10/README.md), 6 in 5 files, all
# fixed: LSO's (a Signature cell "rep. by …"), SWZ's and KGZ's (Portuguese comments "Saiu após
# …"), GUY's (IOM of another mission, checker/offices.py), BWA's ("Absent (CoM)" in a tracker
# cell; "CoM a.i." after the acting period its note gives, checker/acting.py), DZA's ("N/A (RMO
# en congé)" in a name cell), THA's (a "Signed" column of ✓/✗).
# Round 12 (field12/README.md): 6 in 3 files — an expected-participants sheet read as
# attendance (KHM), online rows that did not connect (KHM, CUB), "X (pour <the CoM>)" (SEN),
# all fixed: the expected sheet is ignored (`expected`), a "Modalidad" column says how, not
# whether, "no se pudo conectar" is absence, a name cell says whom its person came for.
# Round 13 (field13/README.md): 3 in 2 files at the first run (37d973a) — a signature "✓*" put
# by the PA (BRB, fixed: checker/footnotes.py), Time in/Time out showing the CoM hardly there
# (KAZ, fixed: checker/times.py).
# Round 14 (field14/README.md): 6 in 5 files at the first run (227e713) — a strike in the
# cell's text (AZE), a date under a merge (BIH), a sheet copy "(2)" and a line in white font
# (MKD), a cached VLOOKUP of an ambiguous name (OMN), a row hidden by hand under a filter (TJK).
# Round 15 (field15/README.md): 11 in 8 files at the first run (fd065a9) — rows typed in advance
# for a meeting postponed or cancelled (BHS SMT 12 Nov, KNA UNCT 10 Nov, LUX EHP 19 Nov, LCA
# UNCT 18 Nov), '12/11/2026' read as 11 Dec in a Nov–Dec list (ATG HCT 11 Dec), a sub-national
# hub or sub-cluster read as the national cluster (LCA, LUX Protection), a previous meeting's
# action point typed as a row (DMA UNCT 19 Nov), a sheet named by meeting number dated by it
# (GRD HCT 14 Nov), an extraordinary session beside the regular one (GRD UNCT 18 Nov), the
# first sitting of an adjourned OMT (VCT OMT 8 Oct). ATG (a day-first column's own dates)
# and DMA (an action point in the name column, S214:action_point) fixed; GRD's "HCT-14" is
# dated by the Minutes naming meeting 14/2026 (4 Nov).
# Round 16 (field16/README.md): 19 in 9 files at the first run (c821743) — other missions'
# rows read as this one's (MHL's Country column, TUV's title naming IOM Kiribati), sheets that
# are not attendance read as such (WSM's Instructions example, FSM's Planning), the period
# taken from the file name or a stale Info sheet against the title (BTN, TON), last month's
# sheet's date read month first into this month (MDV), the date of typing read as the
# meetings' (NRU), a Corrections sheet not read (PLW). WSM, FSM and PLW fixed: the
# Instructions sheet is an example, the Planning an expected list, the Corrections held
# against the rows they name.
# Round 17 (field17/README.md): 13 in 8 files at the first run (d74ea79) — IOM people who are
# not the mission's holder of the post they are written with: another mission's CoM said by a
# city (BGR 'Chef de mission, Bucarest', SVN '(Zagreb)', HRV 'OIM Sarajevo', CYP '(OIM
# Atenas)' in the name cell), the Regional Office said by an office column (BGR OMT), an
# e-mail address naming another post (BGR UNCT, SVK OMT), titles the workbook says are last
# or next month's (POL's Staff list, HRV's remark, HUN's note), an office as the name (HUN
# SMT), a UN Volunteer (GRC). The city of another country (BGR SMT, SVN, HRV SMT, CYP) and
# the office column (BGR OMT, SVK) are read (checker.offices, schemas/cities.yaml). POL's Staff
# list, HRV's remark and HUN's note are read too (a post held over a period, checker/acting.py).
# Round 18 (field18/README.md): none at the first run (1eb3265): 31 traps of sector words in
# titles and would-be cluster coordinators at the ICCG, none read as compliant.
FALSE_COMPLIANT_GAPS: set[str] = {
    "GRD_2026-11_sessions",
}  # fmt: skip
# Files whose false compliant rests on a row that is not an attendee's (round 4: ✗, "on
# leave", a red row; round 5: a blank Émargement, Oui/Non, a comment, 'A', a hidden row;
# round 6: a contact list's IOM rows, "– apologies" in a title cell; round 7: a remark of
# apology, "—" names, another agency's e-mail, a draft's rows, minutes on another sheet),
# which blanking the attendees' rows leaves in place.
# Round 10: the false compliant rests on a row that is not an attendee's ("Absent (CoM)",
# "N/A (RMO en congé)", a Signature cell "rep. by …"), all fixed.
# Round 12: the false compliant rests on rows that are not attendees' (the expected sheet,
# "Connection failed", "no se pudo conectar"), all fixed.
# Round 13: BRB's rested on the CoM's "✓*" row, which is not an attendee's; fixed.
# Round 15: the false compliant rests on rows that are not attendees' — rows typed in advance
# for a meeting that did not take place (BHS, KNA, LCA, LUX: fixed, the call-off line or
# remark read), an action point typed as a row (DMA: fixed) — or, for GRD, on the CoM's row of the
# extraordinary UNCT session, which the truth (one record for the date, the DCoM's row in
# doubt) does not list among its rows.
# Round 16: FSM's rests on the Planning sheet's rows (who was to go), MHL's on other missions'
# IOM rows (FSM's, Palau's), WSM's on the Instructions sheet's example row: none an attendee of
# this mission's meetings, so blanking the attendees' rows leaves them. FSM (the Planning sheet
# is an expected list) and WSM (the Instructions sheet is an example) fixed; MHL fixed: the
# Country column is read, other missions' rows are skipped (S223).
BLANKING_GAPS: set[str] = {
    "GRD_2026-11_sessions",
}  # fmt: skip


def _cases(paths: list[Path], gaps: dict[str, str] | set[str]) -> list[Any]:
    return [
        pytest.param(p, id=p.name.removesuffix(".truth.yaml"), marks=pytest.mark.xfail(
            strict=True, reason=OPEN_GAPS[p.name.removesuffix(".truth.yaml")]))
        if p.name.removesuffix(".truth.yaml") in gaps
        else pytest.param(p, id=p.name.removesuffix(".truth.yaml"))
        for p in paths
    ]  # fmt: skip


def _truth(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _roster_of(truth_path: Path) -> Path:
    return truth_path.parent / _truth(truth_path)["file"]


def _run(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), (
        f"{path.name}: roster-check exited {result.exit_code}: {result.output[-2000:]}"
    )
    data = json.loads(result.output)
    assert len(data["results"]) == 1, f"{path.name}: expected one result"
    return data["results"][0]


@cache
def _tool(truth_name: str) -> dict[str, Any]:
    """`truth_name`: a truth file's name in field/, or its path (any corpus)."""
    path = Path(truth_name) if "/" in truth_name else FIELD / truth_name
    if not path.exists():
        path = FIELD2 / truth_name
    if not path.exists():
        path = FIELD3 / truth_name
    return _run(_roster_of(path))


def _key_matches(truth_m: dict[str, Any], tool_m: dict[str, Any]) -> bool:
    date = str(truth_m["date"])
    tool_date = str(tool_m.get("date") or "")
    date_ok = tool_date.startswith(date) if len(date) == 7 else tool_date == date
    return (
        date_ok
        and truth_m["platform"] == tool_m.get("platform")
        and (truth_m.get("sector") or None) == (tool_m.get("sector") or None)
        and truth_m.get("level", "national") == tool_m.get("level")
    )


def _describe(m: dict[str, Any]) -> str:
    sector = f"/{m['sector']}" if m.get("sector") else ""
    return f"{m.get('platform')}{sector} {m.get('date')} ({m.get('level')})"


def _acceptable(truth_m: dict[str, Any]) -> set[str]:
    return {truth_m["verdict"], *truth_m.get("accept", [])}


def _pair(truth: dict[str, Any], tool: dict[str, Any]):
    """(truth meeting, [tool meetings]) pairs, and tool meetings no truth meeting matched."""
    unmatched = list(tool.get("meetings") or [])
    pairs = []
    for tm in truth["meetings"]:
        hits = [m for m in unmatched if _key_matches(tm, m)]
        unmatched = [m for m in unmatched if m not in hits]
        pairs.append((tm, hits))
    return pairs, unmatched


def _summary(tool: dict[str, Any]) -> str:
    codes = sorted({f["code"] for f in tool.get("findings") or []})
    return f"[tool status {tool.get('status')}, finding codes {', '.join(codes) or 'none'}]"


@pytest.mark.parametrize("truth_path", _cases(TRUTHS, OPEN_GAPS))
def test_meetings_match_truth(truth_path: Path) -> None:
    truth = _truth(truth_path)
    tool = _tool(str(truth_path))
    pairs, extra = _pair(truth, tool)
    problems = []
    for tm, hits in pairs:
        if not hits:
            if not tm.get("optional"):
                problems.append(
                    f"missed: {_describe(tm)} — truth {tm['verdict']} ({tm['why']}); "
                    "the tool lists no such meeting"
                )
            continue
        for m in hits:
            if m["verdict"] not in _acceptable(tm):
                problems.append(
                    f"{_describe(tm)}: truth {tm['verdict']} ({tm['why']}), tool {m['verdict']}"
                )
    for m in extra:
        problems.append(f"extra: the tool lists {_describe(m)} → {m['verdict']}, not in the truth")
    assert not problems, f"{truth['file']} {_summary(tool)}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("truth_path", _cases(TRUTHS, FALSE_COMPLIANT_GAPS))
def test_no_false_compliant(truth_path: Path) -> None:
    """The worst output: 'compliant' where a careful reader says absent/wrong level/undetermined.

    A compliant meeting the truth does not know at all (a wrong date, an invented platform) is
    counted too: nobody can vouch for it."""
    truth = _truth(truth_path)
    tool = _tool(str(truth_path))
    pairs, extra = _pair(truth, tool)
    wrong = [
        f"{_describe(tm)}: tool says compliant, truth {tm['verdict']} — {tm['why']}"
        for tm, hits in pairs
        for m in hits
        if m["verdict"] == "compliant" and "compliant" not in _acceptable(tm)
    ]
    wrong += [
        f"{_describe(m)}: tool says compliant about a meeting the truth does not have"
        for m in extra
        if m["verdict"] == "compliant"
    ]
    assert not wrong, f"{truth['file']}: false compliant:\n  " + "\n  ".join(wrong)


def _iom_cells(truth: dict[str, Any]) -> list[dict[str, Any]]:
    return [cell for m in truth["meetings"] for cell in m.get("iom_rows") or []]


BLANKABLE = [
    p
    for p in TRUTHS
    if any(m["verdict"] == "compliant" for m in _truth(p)["meetings"])
    and Path(_truth(p)["file"]).suffix in (".xlsx", ".csv")
]  # the .ods file is left out: openpyxl cannot rewrite it


def _blank_xlsx(src: Path, dst: Path, cells: list[dict[str, Any]]) -> None:
    wb = openpyxl.load_workbook(src)
    for cell in cells:
        ws = wb[cell["sheet"]]
        merged = {c for rng in ws.merged_cells.ranges for row in rng.cells for c in [row]}
        cols = (
            [cell["col"]]
            if cell.get("col")
            else [openpyxl.utils.get_column_letter(c.column) for c in ws[cell["row"]]]
        )
        for col in cols:
            target = ws[f"{col}{cell['row']}"]
            # a date merged down over a meeting's attendees stays: it belongs to the others too
            if (target.row, target.column) in merged:
                continue
            target.value = None
    wb.save(dst)


def _blank_csv(src: Path, dst: Path, cells: list[dict[str, Any]]) -> None:
    raw = src.read_bytes()
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"
    try:
        first = raw.decode(encoding).splitlines()[0]
    except UnicodeDecodeError:  # a French or Spanish Excel's "CSV (;)": Windows-1252
        encoding = "cp1252"
        first = raw.decode(encoding).splitlines()[0]
    delimiter = max([",", ";", "\t"], key=first.count)  # ';' and tab exports too
    with open(src, newline="", encoding=encoding) as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    for cell in cells:
        rows[cell["row"] - 1] = ["" for _ in rows[cell["row"] - 1]]
    with open(dst, "w", newline="", encoding=encoding) as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)


@pytest.mark.parametrize("truth_path", _cases(BLANKABLE, BLANKING_GAPS))
def test_blanking_iom_rows_leaves_nothing_compliant(truth_path: Path, tmp_path: Path) -> None:
    """Clear every IOM attendee's row (or tracker cell): no meeting may still be compliant."""
    truth = _truth(truth_path)
    src = _roster_of(truth_path)
    dst = tmp_path / src.name
    cells = _iom_cells(truth)
    if src.suffix == ".csv":
        _blank_csv(src, dst, cells)
    else:
        shutil.copy(src, dst)
        _blank_xlsx(src, dst, cells)
    tool = _run(dst)
    still = [_describe(m) for m in tool.get("meetings") or [] if m["verdict"] == "compliant"]
    assert not still, (
        f"{truth['file']} with its IOM rows blanked: still compliant: {', '.join(still)}"
    )


def test_every_corpus_file_has_its_own_name():
    """Gaps and test ids are keyed by the file's name: two rounds written the same day both
    chose SEN_2026-10_presences and VUT_2026-11_suivi (field11's were renamed)."""
    names = [p.name for p in TRUTHS]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
