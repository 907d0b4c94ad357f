"""The message catalogues (checker/messages/*.yaml): every language complete, with the same
{fields} as English, and English words that agree with the vocabulary they name."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.messages import LANGUAGES, SECTIONS, catalogue, catalogue_path, language, load_file
from checker.plurals import every_branch
from checker.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parents[1]
ETH = ROOT / "sample_rosters" / "ETH_2026-10.xlsx"
TRANSLATIONS = [lang for lang in LANGUAGES if lang != "en"]
# Codes of schemas/rules.yaml that no stage raises yet (C306 comes with country profiles).
NOT_RAISED_YET = {"C306"}
# Fields the code offers to a phrase beyond those the English phrase uses.
PHRASE_FIELDS = {
    "phrases.attendee_named": {"name", "title", "title_with_article"},
    "phrases.attendee_unnamed": {"title", "title_with_article"},
}


def _flatten(node: Any, prefix: str = "") -> dict[str, Any]:
    """{"names.roles.COM": "Chief of Mission", "template.levels": [...], ...}"""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            out.update(_flatten(value, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): node}


def _fields(text: Any) -> set[str]:
    items = text if isinstance(text, list) else [text]
    return {
        name
        for item in items
        for _, name, _, _ in string.Formatter().parse(every_branch(str(item)))
        if name is not None
    }


ENGLISH = _flatten({k: v for k, v in load_file(catalogue_path("en")).items() if k != "language"})


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_key_of_english_is_translated(lang: str) -> None:
    data = load_file(catalogue_path(lang))
    assert set(data) == {"language", *SECTIONS}
    translated = _flatten({k: v for k, v in data.items() if k != "language"})
    assert sorted(set(ENGLISH) - set(translated)) == [], "missing in the translation"
    assert sorted(set(translated) - set(ENGLISH)) == [], "not in the English catalogue"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_translations_use_the_same_fields(lang: str) -> None:
    translated = _flatten(load_file(catalogue_path(lang)))
    for key, english in ENGLISH.items():
        if key.startswith("phrases."):
            # A phrase may use fewer fields than English, or another of the fields the code
            # passes (English needs the article of "a Programme Officer", others do not).
            offered = _fields(english) | PHRASE_FIELDS.get(key, set())
            assert _fields(translated[key]) <= offered, key
        else:
            assert _fields(translated[key]) == _fields(english), key
        if isinstance(english, list) and not key.startswith("template.titles."):
            # Lists of titles may hold both genders ("Chef de Mission", "Cheffe de Mission").
            assert len(translated[key]) == len(english), key
        assert translated[key] not in ("", None), key


def test_every_finding_code_has_a_message() -> None:
    vocabulary = default_vocabulary()
    codes = set(vocabulary.rules.rules)
    messages = catalogue("en").section("messages")
    assert {key.split(":")[0] for key in messages} <= codes
    assert codes - NOT_RAISED_YET <= {key.split(":")[0] for key in messages}


def test_english_names_are_those_of_the_vocabulary() -> None:
    vocabulary = default_vocabulary()
    english = catalogue("en")
    assert english.section("names")["roles"] == vocabulary.role_names
    assert english.section("names")["sectors"] == vocabulary.sector_names
    assert english.section("names")["headers"] == {
        field: column.aliases[0] for field, column in vocabulary.columns.columns.items()
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_names_cover_the_vocabulary(lang: str) -> None:
    vocabulary = default_vocabulary()
    names = catalogue(lang).section("names")
    assert set(names["roles"]) == set(vocabulary.role_names)
    assert set(names["sectors"]) == set(vocabulary.sector_names)
    assert set(names["headers"]) == set(vocabulary.columns.columns)
    for field, header in names["headers"].items():
        assert vocabulary.header_field(header) == field, header


def test_english_messages_are_unchanged() -> None:
    with language("en"):
        from checker.api import check_file

        result = check_file(ETH)
    messages = {f.cell: f.message for f in result.findings}
    assert messages["Attendance!G4"] == (
        "HCT on 2026-10-05: IOM was represented by a Programme Officer (J. Okoro), below the "
        "level required; the HCT requires the Chief of Mission."
    )
    assert messages["Attendance!G20"] == (
        "Health Cluster on 2026-10-12: IOM was represented by a WASH Programme Officer "
        "(Mulugeta Desta) of the WASH programme; this cluster needs staff of the Health programme."
    )
    assert messages["Attendance!G39"].endswith('cannot be judged. Did you mean "Chief of Mission"?')


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_check_lang_translates_messages_not_codes(lang: str) -> None:
    runner = CliRunner()
    english = json.loads(runner.invoke(main, ["check", str(ETH), "--format", "json"]).stdout)
    result = runner.invoke(main, ["check", str(ETH), "--format", "json", "--lang", lang])
    translated = json.loads(result.stdout)
    assert result.exit_code == 1
    assert translated["lang"] == lang and english["lang"] == "en"

    def key(f: dict[str, Any]) -> tuple[Any, ...]:
        return (f["code"], f["rule"], f["severity"], f["cell"], f["meeting_id"])

    pairs = list(zip(english["results"][0]["findings"], translated["results"][0]["findings"]))
    assert [key(e) for e, _ in pairs] == [key(t) for _, t in pairs]
    assert all(e["message"] != t["message"] for e, t in pairs)
    text = runner.invoke(main, ["check", str(ETH), "--lang", lang]).stdout
    assert "Attendance!G4 C302" in text
    assert {"fr": "réunions", "es": "reuniones", "pt": "reuniões"}[lang] in text


def test_rate_is_written_the_way_each_language_writes_numbers() -> None:
    assert catalogue("en").rate(0.333) == "33.3%"
    assert catalogue("fr").rate(0.333) == "33,3 %"
    assert catalogue("es").rate(None) == "n/d"


@pytest.mark.parametrize(
    ("lang", "weekday", "cells"),
    [("en", "weekday or the date", ("organisation cell", "name cell")),
     ("fr", "jour de la semaine ou la date", ("cellule d'organisation", "cellule du nom")),
     ("es", "día de la semana o la fecha", ("celda de organización", "celda del nombre"))],
)  # fmt: skip
def test_weekday_and_name_cell_messages_say_what_to_fix(lang, weekday, cells):
    """S203:weekday advised "write the date as day/month/year", which does not fix a weekday;
    S213:name_cell read "The name cell of IOM – P. Diallo says "IOM"" (which cell, what to
    fix?)."""
    from checker.messages import render_in

    text = render_in(catalogue(lang), "S203:weekday",
                     {"value": "Thu 9 Nov", "written": "Thu", "day": "2026-11-09",
                      "actual": "Monday"})  # fmt: skip
    assert weekday in text and "05/10/2026" not in text
    text = render_in(catalogue(lang), "S213:name_cell",
                     {"value": "UNHCR", "other": "IOM", "name": "IOM – P. Diallo"})  # fmt: skip
    assert all(cell in text for cell in cells) and "IOM – P. Diallo" in text


@pytest.mark.parametrize(
    ("lang", "advice"),
    [("en", "write Observer or Chair"), ("fr", "écrivez Observateur ou Président"),
     ("es", "escriba Observador o Presidente"), ("pt", "escreva Observador ou Presidente")],
)  # fmt: skip
def test_an_unknown_role_in_the_meeting_says_what_to_write(
    tmp_path: Path, lang: str, advice: str
) -> None:
    # field8 COM: "Co-lead (OIM)", "Rapporteur": S211 said what was not written, not what to write.
    roster = tmp_path / "COM_2026-12.csv"
    roster.write_text("Date,Platform,Name,Organisation,Title,Role in meeting\n"
                      "09/12/2026,HCT,A. Dupont,IOM,Chief of Mission,Rapporteur\n",
                      encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(main, ["check", str(roster), "--lang", lang, "--format", "json"])
    (finding,) = [f for f in json.loads(result.stdout)["results"][0]["findings"]
                  if f["code"] == "S211"]  # fmt: skip
    assert advice in finding["message"]


def test_portuguese_is_a_language_of_the_command_line() -> None:
    result = CliRunner().invoke(main, ["check", str(ETH), "--lang", "pt"])
    assert "reuniões" in result.stdout and "Attendance!G4 C302" in result.stdout
    assert "a OIM esteve representada por" in result.stdout
