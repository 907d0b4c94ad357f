"""Statements that a person left a meeting early or arrived late ("Left after 15 minutes",
"Est partie après le point 2", "Se retiró a los 15 minutos", "Saiu após 20 minutos", "Arrived
late", "Llegó tarde", "Chegou atrasada", "Arrivée en retard"), and a connection to an online
meeting that dropped ("Joined 10:02 – dropped 10:05", "Se desconectó").

Whether IOM took part in a meeting its attendee left after ten minutes is not for the checker
to decide: such a statement leaves the attendance of that person unknown, with one reason
(judge: reason_partial), wherever it is written — a comment on the row, a remarks column, the
attendance cell itself, a tracker's cell, an agency matrix's remark naming IOM, or a note line
under the table that names the person or IOM.

A meeting platform's join and leave events ("Joined" / "Left" lines, a "Leave time" column)
are not such statements: "Left" alone, or a time, says nothing of leaving early."""

from __future__ import annotations

import re

from checker.text import fold

# A row's presence that such a statement made unknown: this mark, the cell that says it, "\x00",
# then the statement.
PARTIAL = "(partial) "

# Folded, at a word's start. Each phrase says when: "left" alone, "left the organisation",
# "saiu" alone (a Teams export's event) are not here.
_PARTIAL = re.compile(
    r"\b(?:"
    # English
    r"left (?:early|earlier|soon|after|before|during|midway|mid way|halfway|half way|"
    r"at the break|at the end of item|the meeting|the room|the session|the call)|"
    r"had to leave|leaving early|left at \d+ ?(?:min|mins|minutes)\b|"
    r"(?:arrived|came|joined|dialled in|dialed in|connected) (?:late|after)\b|late arrival|"
    r"\d+ ?(?:min|mins|minutes) late\b|"
    r"only (?:\w+ ){0,3}(?:first|last|part|\d+ ?(?:min|mins|minutes)\b)|"
    r"partial(?:ly)? (?:attend|present|particip)|attended (?:only )?part of|"
    # French
    r"(?:est |etait |suis )?partie?s? (?:tot|plus tot|avant|apres|en cours|au cours|au milieu|"
    r"a la pause|des)|a quitte la (?:reunion|salle|seance)|quitte (?:tot|avant|apres)|"
    r"(?:est )?sortie? (?:tot|avant|apres)|arrivee?s? (?:en retard|apres|tard)|en retard|"
    r"n est restee? que|seulement (?:\w+ ){0,3}premier|uniquement (?:\w+ ){0,3}premier|"
    r"partiellement|"
    # Spanish
    r"se retiro|se ha retirado|salio (?:antes|temprano|despues|a los|al|tras)|"
    r"se fue (?:antes|temprano|despues|a los|al|tras)|se marcho|"
    r"(?:llego|llegaron|llegada|se incorporo|se conecto) (?:tarde|con retraso|despues)|"
    r"solo (?:\w+ ){0,3}(?:primer|ultim|\d+ ?minutos)|parcialmente|"
    # Portuguese
    r"saiu (?:apos|antes|depois|cedo|mais cedo|a meio|ao fim de|durante|as)|"
    r"retirou se|se retirou|ausentou se|"
    r"chegou (?:atrasad|tarde|com atraso|depois|apos)|chegaram (?:atrasad|tarde)|"
    r"so (?:\w+ ){0,3}(?:primeir|ultim|\d+ ?minutos)|"
    # A connection to an online meeting that dropped ("Joined 10:02 – dropped 10:05",
    # "Déconnecté après 5 min", "Se desconectó", "Caiu a ligação"): as leaving early.
    r"(?:dropped|dropped off|dropped out|disconnected|got disconnected|lost connection|"
    r"deconnectee?(?: e)?|s est deconnectee?(?: e)?|connexion perdue|a perdu la connexion|"
    r"se desconecto|desconectad[oa]|perdio la conexion|caiu a ligacao|caiu a conexao|"
    r"a ligacao caiu|desligou se|desconectou se|perdeu a ligacao)\b"
    r")"
)


def says_partial(text: object) -> bool:
    """Whether a text says that someone left early or arrived late."""
    return type(text) is str and bool(_PARTIAL.search(f" {fold(text)} "))


def mark(cell: str, text: str) -> str:
    """The presence of a row whose cell `cell` ("C17") says `text` of its person."""
    return f"{PARTIAL}{cell}\x00{text.strip()}"


def read(said: str) -> tuple[str, str] | None:
    """(cell, statement) of a presence `mark` wrote, else None."""
    if not said.startswith(PARTIAL):
        return None
    cell, _, text = said.removeprefix(PARTIAL).partition("\x00")
    return cell, text
