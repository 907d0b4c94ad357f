"""checker.partial: which words say that someone left a meeting early or arrived late."""

from __future__ import annotations

import pytest

from checker.partial import mark, read, says_partial


@pytest.mark.parametrize("text", [
    "Left early – after item 1", "Left after 20 min, DCoM stayed", "left before the end",
    "Had to leave at the break", "Arrived late (10:30)", "Joined late", "Only the first 15 minutes",
    "Est parti après 20 minutes", "Partie tôt", "A quitté la réunion à 10 h",
    "Arrivé en retard (10h30), après le point 1.", "N'est resté que 15 min",
    "Se retiró a los 15 minutos", "Salió antes del cierre", "Llegó tarde, pero asistió",
    "Solo los primeros 15 minutos", "Saiu após 20 minutos (chamada urgente)", "Saiu antes do fim",
    "Retirou-se cedo", "Chegou atrasada", "Só os primeiros 20 minutos",
])  # fmt: skip
def test_statements_of_leaving_early_or_coming_late(text):
    assert says_partial(text)


@pytest.mark.parametrize("text", [
    # A meeting platform's join and leave events (field8 TZA, PRT), and their times.
    "Left", "Joined", "Saiu", "Entrou", "Leave time", "11/4/2026, 10:20:02 AM",
    # "Left" and its like in other senses.
    "Left the organisation in December", "Seated on the left", "Left-hand table",
    "Partido Colorado", "Retirado", "Departure 14:00", "Arrived from Juba", "Late",
    "Participation confirmed", None, 12,
])  # fmt: skip
def test_other_words_say_nothing_of_it(text):
    assert not says_partial(text)


def test_the_mark_keeps_its_cell_and_statement():
    assert read(mark("C17", " Saiu após 20 minutos ")) == ("C17", "Saiu após 20 minutos")
    assert read("Yes – Left early") is None
