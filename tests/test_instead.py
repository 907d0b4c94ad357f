"""checker.instead: one list of words for "someone else went in IOM's place", known to every
reader — a tracker cell, a presence cell's reason, a remark beside the attendance cell, a
name cell, a comment. A phrase one reader knows, all know."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from checker.instead import someone_else_went
from checker.layout import _speaks_of_attendance
from checker.reader import SheetGrid
from checker.vocabulary import default_vocabulary
from tests.conftest import verdicts
from tests.test_reading import _check

V = default_vocabulary()

# One example of each of checker.instead's phrases, EN/FR/ES/PT, as written in rosters.
EXAMPLES = [
    "Sent RMO instead", "in her place the RMO", "à sa place l'adjoint", "à la place, le DCoM",
    "En su lugar la RMO", "Em seu lugar a RMO", "no lugar da CM a RMO", "on behalf of the CoM",
    "de la part de la CdM", "en nombre de la JdM", "em nome da CM", "pour le compte de la CdM",
    "por cuenta de la JdM", "represented by the RMO", "représentée par l'adjoint",
    "representada por la adjunta", "representado pelo RMO", "en representación de la JdM",
    "em representação da CM", "rep. by T. Mokoena", "repr. par M. Ali", "per pro the CoM",
    "replaced by the DCoM", "remplacée par l'adjoint", "sustituida por la adjunta",
    "reemplazada por la adjunta", "substituída pela adjunta", "delegated to the RMO",
    "délégué à l'adjoint", "delegada en la adjunta", "delegó en la adjunta",
    "stood in for the CoM", "standing in for the CoM", "covered by the RMO", "sent the RMO",
    "envió a la adjunta", "a envoyé le DCoM", "mandou o adjunto", "p/o T. Mokoena",
    "p.p. J. Doe", "o.b.o. the CoM",
]  # fmt: skip
HEAD = ["Date", "Platform", "Name", "Organization", "Title", "Came?", "Notes"]


def _tracker(phrase: str) -> bool:
    rows = [["Platform", "September", "October", "November"],
            ["HCT", "J. Doe (CoM)", "J. Doe (CoM)", f"Absent (CoM) – {phrase}"]]  # fmt: skip
    result = _check(SheetGrid("Tracker", rows), name="KEN_2026.xlsx")
    [november] = [m for m in result.to_dict()["meetings"] if m["date"] == "2026-11"]
    return bool(november["verdict"] == "undetermined")  # not absent: someone may have gone


def _presence_reason(phrase: str) -> bool:
    return V.presence(f"No – {phrase}") is None  # not absent: someone may have gone


def _remark(phrase: str) -> bool:
    rows = [HEAD, ["09/11/2026", "UNCT", "P. Lado", "IOM", "Chief of Mission", "Yes", phrase]]
    return verdicts(_check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")) == ["undetermined"]


def _name_cell(phrase: str) -> bool:
    rows = [HEAD, ["09/11/2026", "UNCT", f"({phrase})", "IOM", "Chief of Mission", "Yes", ""],
            ["09/11/2026", "UNCT", "R. Deng", "UNICEF", "Representative", "Yes", ""]]  # fmt: skip
    return verdicts(_check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")) == ["undetermined"]


def _comment(phrase: str) -> bool:
    return _speaks_of_attendance(phrase, frozenset())


READERS: dict[str, Callable[[str], Any]] = {
    "tracker cell": _tracker, "presence reason": _presence_reason, "remark": _remark,
    "name cell": _name_cell, "comment": _comment,
}  # fmt: skip


@pytest.mark.parametrize("phrase", EXAMPLES)
def test_the_list_knows_each_phrase(phrase):
    assert someone_else_went(phrase)


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("phrase", EXAMPLES)
def test_every_reader_knows_every_phrase(phrase, reader):
    assert READERS[reader](phrase), f"{reader} does not read {phrase!r} as someone else going"


@pytest.mark.parametrize(
    "text",
    ["P. O'Brien", "Joseph Sentamu", "Nelson Mandela", "Environment Officer", "Sent apologies",
     "Envió excusas", "A envoyé ses excuses", "Mandate renewed", "Replacement of the chair",
     "Represented", "Dr. Opp"],
)  # fmt: skip
def test_names_and_other_words_are_no_one_else_going(text):
    assert not someone_else_went(text)


@pytest.mark.parametrize("name", ["P. O'Brien", "Joseph Sentamu", "Nelson Mandela"])
def test_a_name_that_holds_such_letters_is_still_a_person(name):
    rows = [HEAD, ["09/11/2026", "UNCT", name, "IOM", "Chief of Mission", "Yes", ""]]
    assert verdicts(_check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")) == ["compliant"]


@pytest.mark.parametrize("remark", ["P. O'Brien", "Signed: P. O'Brien"])
def test_a_signature_that_is_a_name_is_no_one_else_signing(remark):
    """ "P. O'Brien" folds to "p o brien": the abbreviation "p/o" is read as written."""
    rows = [HEAD, ["09/11/2026", "UNCT", "P. O'Brien", "IOM", "Chief of Mission", "Yes", remark]]
    assert verdicts(_check(SheetGrid("Nov", rows), name="SSD_2026-11.xlsx")) == ["compliant"]


def test_an_absence_with_apologies_sent_stays_an_absence():
    assert V.presence("No – sent apologies") == "absent"
    assert V.presence("Non – a envoyé ses excuses") == "absent"
