"""Every user-facing text in the language asked for, with plurals by each language's own rules:
the plural helper, the text and CI formats of `check`, the reader's reasons inside messages,
and the management report's JSON gaps and per-mission e-mail pages."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from report_tree import Meeting, Person, others, write_roster

from checker.cli import main
from checker.messages import catalogue
from checker.plurals import choose, every_branch, expand, plural_form

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_rosters"


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"the checker raised {result.exception!r}") from result.exception
    return result


# ---------------------------------------------------------------- the helper


@pytest.mark.parametrize(("lang", "forms"), [
    ("en", {0: "other", 1: "one", 2: "other"}),
    ("fr", {0: "one", 1: "one", 2: "other"}),
    ("es", {0: "other", 1: "one", 2: "other"}),
    ("pt", {0: "other", 1: "one", 2: "other"}),  # Portugal's rule: "0 reuniões"
])  # fmt: skip
def test_plural_forms_follow_each_language(lang: str, forms: dict[int, str]) -> None:
    assert {n: plural_form(lang, n) for n in forms} == forms


def test_icu_plurals_pick_a_branch_per_count() -> None:
    text = "{read, plural, one {# lue} other {# lues}}, {skipped, plural, =0 {aucune} other {# ignorées}}"
    values = {"read": 1, "skipped": 0}
    assert expand(text, "fr", values).format_map(values) == "1 lue, aucune"
    values = {"read": 2, "skipped": 3}
    assert expand(text, "fr", values).format_map(values) == "2 lues, 3 ignorées"
    # French has a "many" form for millions; an entry without it takes "other".
    assert (
        choose({"one": "{n} réunion", "other": "{n} réunions"}, "fr", 1_000_000) == "{n} réunions"
    )
    assert every_branch(text) == "{read}  lue  lues, {skipped} aucune  ignorées"


# ---------------------------------------------------------------- check --format text


def test_text_summary_agrees_in_number_in_three_languages(tmp_path: Path) -> None:
    broken = SAMPLES / "broken_roster.xlsx"
    lines = {lang: invoke("check", str(broken), "--lang", lang, "--color", "never").output
             for lang in ("en", "fr", "es")}  # fmt: skip
    assert "0 meetings, compliance n/a" in lines["en"]
    assert "1 file: 0 compliant" in lines["en"] and "1 file(s)" not in lines["en"]
    assert "0 réunion, conformité n.d. ; lignes : 0 lue, 0 utilisée, 0 ignorée" in lines["fr"]
    assert "1 fichier : 0 conforme, 0 non conforme, 0 invalide, 1 illisible" in lines["fr"]
    assert "0 reuniones, cumplimiento n/d; filas: 0 leídas" in lines["es"]
    assert "1 archivo: 0 conformes, 0 no conformes, 0 no válidos, 1 ilegible" in lines["es"]


def test_text_verdict_counts_agree_in_number() -> None:
    out = invoke("check", str(SAMPLES / "ETH_2026-10.xlsx"), "--lang", "fr",
                 "--color", "never").output  # fmt: skip
    assert "10 réunions (4 conformes, 1 sans l'OIM, 4 au mauvais niveau, 1 indéterminée)" in out
    assert "4 conforme," not in out


def test_text_summary_says_a_counted_absence_is_waived() -> None:
    # KEN's November roster has an absence its profile waives: counted as absent, not assessed.
    ken = str(SAMPLES / "KEN_2026-11.xlsx")
    said = {lang: invoke("check", ken, "--lang", lang, "--color", "never").output
            for lang in ("en", "fr", "es")}  # fmt: skip
    assert "(4 compliant, 1 absent, 1 not applicable), 1 waived by the profile, compliance " \
           "100.0%" in said["en"]  # fmt: skip
    # The run's total says it too, and its rate leaves the waived meeting out as the file's does.
    assert said["en"].splitlines()[-1] == ("1 file: 1 compliant, 0 non-compliant, 0 invalid, "
                                           "0 unreadable; 6 meetings, 1 waived by the profile, "
                                           "compliance 100.0%")  # fmt: skip
    assert "1 couverte par une dérogation du profil, conformité 100,0 %" in said["fr"]
    assert "1 exenta por el perfil, cumplimiento 100,0 %" in said["es"]
    eth = invoke("check", str(SAMPLES / "ETH_2026-10.xlsx"), "--color", "never").output
    assert "waived" not in eth.splitlines()[0]  # nothing said when nothing is waived


# ---------------------------------------------------------------- reader errors


def test_reader_reasons_are_in_the_language_of_the_check(tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes((SAMPLES / "ETH_2026-10.xlsx").read_bytes()[:3000])
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    for path, french in ((truncated, "le classeur est endommagé ou tronqué"),
                         (empty, "le fichier est vide (0 octet)")):  # fmt: skip
        data = json.loads(invoke("check", str(path), "--lang", "fr", "--format", "json").stdout)
        message = data["results"][0]["findings"][0]["message"]
        assert french in message, message
        assert "the workbook" not in message and "the file" not in message


def test_reader_errors_carry_a_code_and_fields(tmp_path: Path) -> None:
    from checker.reader import UnreadableRoster, read_workbook

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (5 * 2**20))
    with pytest.raises(UnreadableRoster) as refused:
        read_workbook(bomb)
    assert (refused.value.code, refused.value.detail) == ("E104", "zip_ratio")
    assert refused.value.fields["part"] == "xl/worksheets/sheet1.xml"
    assert str(refused.value).startswith("part xl/worksheets/sheet1.xml expands ")
    spanish = catalogue("es").text("details", "zip_ratio", **refused.value.fields)
    assert spanish.startswith("la parte xl/worksheets/sheet1.xml crece ")


def test_every_reader_reason_is_in_every_catalogue() -> None:
    import re

    source = (ROOT / "checker" / "reader.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'UnreadableRoster\(\s*"E10\d", "(\w+)"', source))
    assert len(keys) > 15
    for lang in ("en", "fr", "es"):
        assert keys <= set(catalogue(lang).section("details")), lang


# ---------------------------------------------------------------- the CI formats


def test_markdown_github_and_junit_in_french() -> None:
    md = invoke("check", str(SAMPLES / "broken_roster.xlsx"), str(SAMPLES / "COL_2026-10.xlsx"),
                "--lang", "fr", "--format", "markdown").output  # fmt: skip
    assert "**2 fichiers** : 0 conforme, 1 non conforme, 0 invalide, 1 illisible" in md
    assert "| Fichier | Mission | Période | État |" in md
    assert "COL\\_2026-10.xlsx: 1 problème" not in md and "COL_2026-10.xlsx : 1 problème<" in md
    assert "❌ non conforme" in md and "83,3 %" in md and "n/a" not in md
    assert "| Cellule | Code | Gravité | Réunion | Message |" in md
    github = invoke("check", str(SAMPLES / "broken_roster.xlsx"), "--lang", "fr",
                    "--format", "github").output  # fmt: skip
    assert "title=E101 unreadable-file::fichier: " in github
    assert github.splitlines()[-1] == ("roster-check : 1 fichier, 0 conforme, 0 non conforme, "
                                       "0 invalide, 1 illisible ; 0 problème accepté "
                                       "(référence ou dérogation)")  # fmt: skip
    junit = invoke("check", str(SAMPLES / "KEN_2026-11.xlsx"), "--lang", "es",
                   "--format", "junit").output  # fmt: skip
    assert "C301 error: " in junit and "[exención]</system-out>" in junit


def test_english_ci_outputs_agree_in_number() -> None:
    md = invoke("check", str(SAMPLES / "COL_2026-10.xlsx"), "--format", "markdown").output
    assert "**1 file**: 0 compliant, 1 non-compliant" in md
    assert "COL_2026-10.xlsx: 1 finding</summary>" in md


# ---------------------------------------------------------------- the management report


def _health_gap(root: Path, mission: str) -> list[Path]:
    """Two months of a mission whose Health cluster meeting IOM missed both times."""
    iom = Person("Awa Diop", "IOM", "Chief of Mission")
    paths = []
    for month in (9, 10):
        meetings = [
            Meeting(dt.date(2026, month, 6), "HCT", "National", "Bamako", [iom, *others("h")]),
            Meeting(dt.date(2026, month, 12), "Health Cluster", "National", "Bamako",
                    others("c")),
        ]  # fmt: skip
        path = root / f"{mission}_2026-{month:02d}.xlsx"
        write_roster(path, meetings)
        paths.append(path)
    return paths


def test_json_gap_text_is_in_the_language_of_the_report(tmp_path: Path) -> None:
    paths = [str(p) for p in _health_gap(tmp_path, "MLI")]
    gaps = {}
    for lang in ("en", "fr", "es"):
        out = tmp_path / f"report.{lang}.json"
        assert (
            invoke("report", *paths, "-o", str(out), "--lang", lang, "--jobs", "1").exit_code == 0
        )
        gaps[lang] = json.loads(out.read_text("utf-8"))["gaps"]
    assert [set(g) for g in gaps["fr"]] == [set(g) for g in gaps["en"]]  # the same keys
    assert gaps["en"][0]["text"] == "Health Cluster in MLI: IOM absent 2 of 2 months"
    assert gaps["fr"][0]["text"] == "Cluster Santé – MLI : l'OIM absent(e) 2 mois sur 2"
    assert gaps["es"][0]["text"] == "Clúster de Salud en MLI: la OIM ausente 2 de 2 meses"
    assert "months" not in gaps["fr"][0]["text"] and "months" not in gaps["es"][0]["text"]
    md = tmp_path / "report.fr.md"
    invoke("report", *paths, "-o", str(md), "--lang", "fr", "--jobs", "1")
    assert gaps["fr"][0]["text"] in md.read_text("utf-8").replace("\\", "")


def test_e_mail_page_quotes_the_rosters_in_the_mission_language(tmp_path: Path) -> None:
    paths = [str(p) for p in _health_gap(tmp_path / "rosters", "MLI")]
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "MLI.yaml").write_text("version: 1\nmission: MLI\nlanguage: fr\nextends: generic\n",
                                       encoding="utf-8")  # fmt: skip
    folder = tmp_path / "mail"
    result = invoke("report", *paths, "--per-mission", str(folder), "--profiles", str(profiles),
                    "--jobs", "1")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (folder / "MLI.txt").read_text("utf-8")
    html = (folder / "MLI.html").read_text("utf-8")
    assert text.startswith("Représentation de l'OIM aux réunions de coordination : MLI")
    for page in (text, html):
        assert "Cluster Santé" in page and "Health Cluster" not in page


def test_report_sentences_agree_with_their_own_count() -> None:
    from checker.report.words import Words

    french, spanish = Words("fr"), Words("es")
    assert french.t("meetings_of", failing=1, n=3) == "1 réunion sur 3"
    assert french.t("basis_files", n=3, used=1) == "3 listes de présence lues, 1 utilisée."
    assert french.t("email_verdicts", month="Octobre 2026", n=3, list="…", rate="50 %",
                    compliant=1, assessed=2).endswith("(1 conforme sur 2 évaluées).")  # fmt: skip
    assert spanish.t("tip", compliant=2, n=3, absent=1, wrong_level=0).startswith(
        "2 de 3 reuniones evaluadas conformes; 1 ausencia,"
    )


def test_checker_texts_agree_with_their_counts() -> None:
    from checker.messages import language, render

    with language("es"):
        c306 = render("C306", platform_name="OMT", expected=1, period="2026-10", per_month="1",
                      recorded=0)  # fmt: skip
    assert c306.startswith("OMT: se esperaba 1 reunión en 2026-10 (1 al mes según el perfil de "
                           "la misión) y constan 0.")  # fmt: skip
    french = catalogue("fr")
    assert french.text("workbook", "findings_value", errors=0, warnings=1, infos=0) == \
        "0 erreur, 1 avertissement, 0 pour information"  # fmt: skip
    assert catalogue("en").text("workbook", "written", path="x.xlsx", findings=1, cells=1,
                                status="compliant") == \
        "x.xlsx: 1 finding, 1 cell marked; status compliant."  # fmt: skip


def test_server_pages_agree_in_number_and_write_french_rates() -> None:
    from checker.server.pages import PageText

    french, english = PageText("fr"), PageText("en")
    assert french("result_rows", read=1, used=1, skipped=0, rejected=0) == \
        "Lignes : 1 lue, 1 utilisée, 0 ignorée, 0 rejetée"  # fmt: skip
    assert english("login_wait", minutes=1).endswith("Try again in 1 minute.")
    assert french.rate(0.444) == "44,4 %" and english.rate(0.444) == "44.4%"
    assert english.rate(1.0) == "100%" and english.rate(None) == "—"


def test_e103_names_the_nearest_field_in_the_language_of_the_check(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Dte", "Meetng", "Participant", "Agencyy"])
    sheet.append(["05/10/2026", "HCT", "A. B.", "IOM"])
    book.save(tmp_path / "NER_2026-10.xlsx")
    out = invoke("check", str(tmp_path / "NER_2026-10.xlsx"), "--lang", "fr", "--format", "json")
    message = json.loads(out.stdout)["results"][0]["findings"][0]["message"]
    assert '"Participant" (→ participant?)' in message
    assert '"Agencyy" (→ organisation?)' in message and "organization" not in message


def test_server_failure_reasons_are_in_the_language_of_the_upload() -> None:
    from checker.server.checking import CheckFailed, CheckRequest, failure_document

    late = CheckFailed("timeout", crashed=False, seconds=60)
    assert str(late) == "the check took longer than 60 s"
    request = CheckRequest("/nowhere/KEN_2026-10.xlsx", "KEN_2026-10.xlsx", lang="es")
    message = failure_document(request, late)["results"][0]["findings"][0]["message"]
    assert "(la verificación tardó más de 60 s)" in message and "took longer" not in message


def test_text_rate_says_how_many_meetings_it_leaves_out_as_undetermined() -> None:
    """Round 5's BOL: one compliant meeting and four undetermined read "compliance 100.0%",
    a clean bill for a roster mostly unjudged."""
    eth = str(SAMPLES / "ETH_2026-10.xlsx")  # 10 meetings, 1 undetermined
    said = {lang: invoke("check", eth, "--lang", lang, "--color", "never").output
            for lang in ("en", "fr", "es")}  # fmt: skip
    assert "% (1 undetermined, not in the rate); rows" in said["en"].splitlines()[0]
    assert said["en"].splitlines()[-1].endswith("(1 undetermined, not in the rate)")
    assert "(1 indéterminée, hors du taux)" in said["fr"]
    assert "(1 indeterminada, fuera de la tasa)" in said["es"]
    ken = invoke("check", str(SAMPLES / "KEN_2026-11.xlsx"), "--color", "never").output
    assert "not in the rate" not in ken  # nothing said when every meeting was judged


def test_the_servers_pages_speak_portuguese() -> None:
    from checker.server.pages import PageText

    portuguese = PageText("pt")
    assert portuguese.lang == "pt"
    assert portuguese("result_rows", read=1, used=1, skipped=0, rejected=0) == \
        "Linhas: 1 lida, 1 usada, 0 ignoradas, 0 rejeitadas"  # fmt: skip
    assert portuguese.rate(0.444) == "44,4 %"
    assert portuguese.name("verdicts", "wrong_level") == "nível errado"
