"""Uploaded names made safe, and the type judged by content; the pages' catalogues agree."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.plurals import every_branch
from checker.server.pages import PageText, _load
from checker.server.uploads import RefusedUpload, check_name, content_kind, roster_suffix, safe_name
from tests.server.conftest import FIXTURES, SAMPLES


@pytest.mark.parametrize("given_name, expected", [
    ("ETH_2026-10.xlsx", "ETH_2026-10.xlsx"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\amina\\KEN_2026-10.xlsx", "KEN_2026-10.xlsx"),
    ("<script>alert(1)</script>.xlsx", "script_.xlsx"),
    ("Présence Sénégal (oct).xlsx", "Présence Sénégal (oct).xlsx"),
    ("\x00\x1b[31mred.csv", "_31mred.csv"),
    ("..", "roster"), ("", "roster"), (None, "roster"),
])  # fmt: skip
def test_safe_name(given_name: str | None, expected: str) -> None:
    assert safe_name(given_name) == expected


@given(st.text(max_size=300))
def test_a_safe_name_is_always_a_bare_file_name(text: str) -> None:
    name = safe_name(text)
    assert name and "/" not in name and "\\" not in name and name not in (".", "..")
    assert len(name) <= 120 and all(ch.isprintable() for ch in name)
    assert not name.startswith(".")


def test_the_suffix_comes_from_the_content_when_the_name_does_not_say() -> None:
    xlsx = (SAMPLES / "KEN_2026-10.xlsx").read_bytes()
    ods = (FIXTURES / "roster.ods").read_bytes()
    assert roster_suffix("KEN_2026-10.xlsx", xlsx) == ".xlsx"
    assert roster_suffix("roster", xlsx) == ".xlsx"
    assert roster_suffix("roster.zip", ods) == ".ods"
    assert roster_suffix("roster.csv", xlsx) == ".xlsx"  # a workbook, whatever the name says
    assert roster_suffix("roster.txt", (FIXTURES / "roster_latin1.csv").read_bytes()) == ".csv"
    assert roster_suffix("roster.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00") == ".xlsx"  # then E101
    assert content_kind(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 8) == "ole"
    with pytest.raises(RefusedUpload) as refused:
        roster_suffix("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x01\x02")
    assert refused.value.status == 415
    with pytest.raises(RefusedUpload) as empty:
        roster_suffix("KEN_2026-10.xlsx", b"")
    assert empty.value.key == "upload_empty"
    assert check_name("KEN_2026-10.pdf", ".xlsx") == "KEN_2026-10.xlsx"
    assert check_name("KEN 2026.10 final", ".csv") == "KEN 2026.10 final.csv"


def test_the_page_catalogues_have_the_same_keys_and_fields() -> None:
    english = _load("en")
    for lang in ("fr", "es"):
        other = _load(lang)
        assert set(other) == set(english), lang
        for key, text in english.items():  # an ICU plural's count is a field too
            fields = set(re.findall(r"{(\w+)}", every_branch(str(text))))
            assert set(re.findall(r"{(\w+)}", every_branch(str(other[key])))) == fields, (lang, key)


def test_page_text_fills_fields_and_falls_back_to_english() -> None:
    french = PageText("fr")
    assert french("result_title", mission="KEN", period="2026-10") == "KEN 2026-10 : résultat"
    assert french("no_such_key") == "no_such_key"
    assert PageText("de")("nav_upload") == "Check a roster"
    assert french.name("verdicts", "wrong_level") == PageText("fr").checker.name(
        "verdicts", "wrong_level"
    )
    assert french.name("verdicts", "wrong_level") != PageText("en").name("verdicts", "wrong_level")
