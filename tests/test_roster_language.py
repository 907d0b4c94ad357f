"""S205's suggestion is a title in the roster's own language (checker/roster_language.py):
the nearest spelling among the vocabulary's titles may be another language's ("Officier de
programme" in a French roster was offered the Spanish "Oficial de Programa")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.api import CheckOptions, check_workbook
from checker.messages import LANGUAGES
from checker.reader import SheetGrid
from checker.reader import Workbook as Sheets
from checker.roster_language import written_in

# (header row, unknown title, its suggestion in the roster's language, a known title)
CASES = {
    "fr": (["Date", "Réunion", "Nom", "Organisation", "Fonction"], "Officier de programme",
           "Chargé de programme", "Chef de mission"),
    "pt": (["Data", "Plataforma", "Nome", "Organização", "Cargo"], "Coordenador de Clúster",
           "Coordenador do Cluster", "Chefe de Missão"),
    "es": (["Fecha", "Plataforma", "Nombre", "Organización", "Cargo"], "Oficial de Programma",
           "Oficial de Programa", "Jefe de Misión"),
    "en": (["Date", "Platform", "Name", "Organisation", "Title"], "Programme Oficer",
           "Programme Officer", "Chief of Mission"),
}  # fmt: skip


def _suggestions(header: list[str], title: str, chief: str, lang: str = "en") -> list[str]:
    rows = [header, ["03/11/2026", "UNCT", "A. Diallo", "OIM", title],
            ["03/11/2026", "HCT", "B. Keita", "OIM", chief]]  # fmt: skip
    result = check_workbook(Sheets(Path("MLI_2026-11.xlsx"), [SheetGrid("S", rows)], hidden=[]),
                            CheckOptions(lang=lang))  # fmt: skip
    return [f.suggestion for f in result.findings if f.code == "S205"]


@pytest.mark.parametrize("lang", list(CASES))
def test_the_suggested_title_is_in_the_rosters_language(lang: str) -> None:
    header, title, suggested, chief = CASES[lang]
    assert _suggestions(header, title, chief) == [suggested]


def test_the_suggestion_does_not_follow_the_language_of_the_messages() -> None:
    # A French roster checked with --lang en: the title to write is still French.
    header, title, suggested, chief = CASES["fr"]
    assert _suggestions(header, title, chief, lang="en") == [suggested]


@pytest.mark.parametrize("lang", list(CASES))
def test_a_rosters_headers_and_titles_tell_its_language(lang: str) -> None:
    header, _, suggested, chief = CASES[lang]
    assert written_in([*header, chief, suggested]) == lang


def test_words_shared_by_all_languages_tell_none() -> None:
    assert written_in(["UNCT", "HCT", "03/11/2026"]) is None


@given(st.lists(st.text(max_size=30), max_size=8))
def test_any_text_gives_a_language_or_none(texts: list[str]) -> None:
    assert written_in(texts) in (*LANGUAGES, None)


@pytest.mark.parametrize(
    ("header", "title", "other_staff"),
    [(CASES["es"][0], "Asistente de Gestión de Recursos", "Otro personal"),
     (CASES["fr"][0], "Assistant de gestion des ressources", "Other IOM staff")],
)  # fmt: skip
def test_a_support_post_with_other_words_is_not_said_to_contain_other_staff(
    header: list[str], title: str, other_staff: str
) -> None:
    # field5 PER: 'contains "Other IOM staff" with other words around it, so it was not taken
    # for the Other IOM staff': the title holds no such words.
    rows = [header, ["03/11/2026", "OMT", "R. Quispe", "OIM", title]]
    for lang in ("en", "es"):
        result = check_workbook(Sheets(Path("PER_2026-11.xlsx"), [SheetGrid("S", rows)],
                                       hidden=[]), CheckOptions(lang=lang))  # fmt: skip
        messages = [f.message for f in result.findings if f.code == "S205"]
        assert messages and not any(other_staff in m or "Otro personal" in m for m in messages)


# ---------------------------------------------------------------- the words kept between runs


@pytest.fixture
def word_cache(tmp_path, monkeypatch):
    """An empty cache directory; the process's own catalogue words are folded afresh."""
    from checker import roster_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    roster_language._catalogue_words.cache_clear()
    yield tmp_path / "roster-check"
    roster_language._catalogue_words.cache_clear()


def test_the_catalogue_words_come_from_the_cache_once_kept(word_cache, monkeypatch):
    from checker import roster_language

    first = roster_language._catalogue_words()
    assert first == {lang: roster_language._fold_words(lang) for lang in LANGUAGES}
    assert len(list(word_cache.glob("words-*.pickle"))) == 1
    roster_language._catalogue_words.cache_clear()
    monkeypatch.setattr(roster_language, "_fold_words", lambda lang: pytest.fail("folded"))
    assert roster_language._catalogue_words() == first
    assert written_in(["Réunion", "Organisation", "Chef de mission"]) == "fr"


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05N.", b"\x80\x05}\x94."])
def test_a_broken_word_cache_is_folded_again(word_cache, garbage):
    from checker import roster_language

    first = roster_language._catalogue_words()
    [kept] = word_cache.glob("words-*.pickle")
    kept.write_bytes(garbage)  # truncated, garbled, None, an empty dict
    roster_language._catalogue_words.cache_clear()
    assert roster_language._catalogue_words() == first
    assert written_in(["Fecha", "Organización", "Jefe de Misión"]) == "es"


def test_a_read_only_cache_costs_only_the_folding(word_cache):
    from checker import roster_language

    word_cache.parent.chmod(0o500)
    try:
        words = roster_language._catalogue_words()
    finally:
        word_cache.parent.chmod(0o700)
    assert words == {lang: roster_language._fold_words(lang) for lang in LANGUAGES}
