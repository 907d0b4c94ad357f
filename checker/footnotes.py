"""Footnote marks on a person's row and the footnote lines that explain them.

A secretary who cannot put it in the row puts a mark there ("✓*" in the Signature column,
"Mr. D. Best¹", "Chief of Mission (1)") and writes what happened in a line around the table
("* signed in by the PA on Mr. Best's behalf – he did not attend"). Such a row is never a
plain attendee: its attendance is unknown (judge: reason_footnote, quoting the line and the
marked cell), and absent when the line plainly says the person did not attend and nobody
went in their place. A "✓*" or "Yes†" in a signature or attendance column whose footnote is
nowhere to be found is unknown too (reason_footnote_unread): the footnote may say anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker import instead, partial
from checker.lazyre import lazy
from checker.text import fold

# A row's presence a footnote made unknown (or absent): this mark, then the marked cell, its
# value, the footnote's cell and the footnote line ("" when not found), split by "\x00".
FOOTNOTE = "(footnote) "

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")

# A mark at the end of a cell: stars, daggers, superscript digits, "(1)", "[1]", " a)", "(a)".
_MARK_END = re.compile(
    r"(?:(?P<stars>\*{1,3})|(?P<dagger>†{1,2}|‡)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})|"
    r"\s*[(\[](?P<bracketed>\d{1,2}|[a-z])[)\]]|(?:^|\s)(?P<closed>\d{1,2}|[a-z])\))\s*$"
)
# The same marks at the start of a footnote line, then its text.
_MARK_START = re.compile(
    r"^\s*(?:(?P<stars>\*{1,3})|(?P<dagger>†{1,2}|‡)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})|"
    r"[(\[](?P<bracketed>\d{1,2}|[a-z])[)\]]|(?P<closed>\d{1,2}|[a-z])\))\s*(?P<text>\S.*)$",
    re.DOTALL,
)
# Marks that say "see the footnote" wherever they stand: the only ones read in a signature or
# attendance cell whose footnote is not found ("✓*"); "(1)" there may be a count.
_PLAIN_MARKS = frozenset({"*", "**", "***", "†", "††", "‡"})


def _key(found: re.Match[str]) -> str:
    """One key per mark, however written: "¹", "(1)", "1)", "[1]" → "1"; "*", "**", "†"."""
    for group in ("stars", "dagger", "sup", "bracketed", "closed"):
        value = found.group(group)
        if value:
            return value.translate(_SUPERSCRIPTS).lower()
    return ""


def mark_of(value: object) -> str | None:
    """The footnote mark a cell ends with ("✓*" → "*", "Best¹" → "1"), else None."""
    if type(value) is not str:
        return None
    found = _MARK_END.search(value)
    if found is None or not value[: found.start()].strip():
        return None  # a mark alone ("*") is no marked value
    return _key(found)


def footnote_of(text: str) -> tuple[str, str] | None:
    """(mark, statement) of a footnote line ("* signed in by …" → ("*", "signed in by …"))."""
    found = _MARK_START.match(text)
    if found is None or not re.search(r"\w{3}", found.group("text")):
        return None
    return _key(found), found.group("text").strip()


def lines_by_mark(lines: Iterable[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The footnote lines among (text, cell) lines, by mark: mark → (cell, whole line)."""
    found: dict[str, tuple[str, str]] = {}
    for text, cell in lines:
        footnote = footnote_of(text)
        if footnote is not None:
            found.setdefault(footnote[0], (cell, text.strip()))
    return found


def mark(cell: str, value: str, line_cell: str, line: str) -> str:
    """The presence of a row whose cell `cell` holds `value`, marked for footnote `line`."""
    return f"{FOOTNOTE}{cell}\x00{value}\x00{line_cell}\x00{line}"


def read(said: object) -> tuple[str, str, str, str] | None:
    """(marked cell, its value, footnote's cell, footnote line) of a presence `mark` wrote,
    else None."""
    if type(said) is not str or not said.startswith(FOOTNOTE):
        return None
    cell, value, line_cell, line = said.removeprefix(FOOTNOTE).split("\x00", 3)
    return cell, value, line_cell, line


def unread_plain(value: object) -> bool:
    """Whether a signature or attendance cell carries a mark that always points to a footnote
    ("✓*", "Yes†", "D.B.**")."""
    return mark_of(value) in _PLAIN_MARKS


# Folded: a footnote saying plainly that the person was not there.
_NOT_THERE = lazy(
    r"\b(?:did not (?:attend|come|participate|take part|join)|didn t (?:attend|come)|"
    r"(?:could|was unable to|unable to) (?:not )?attend|was absent|absent|not present|"
    r"was not there|n a pas (?:pu )?(?:assiste|participe|pris part)|n est pas venue?|"
    r"n etait pas (?:la|presente?)|absente?|no (?:pudo )?(?:asistio|asistir|acudio|acudir|"
    r"vino|participo|participar)|no estuvo(?: presente)?|ausente|"
    r"nao (?:pode )?(?:compareceu|comparecer|participou|participar|veio|esteve(?: presente)?))\b"
)
# Folded: someone signing the sheet for the person ("signed in by the PA on Mr. Best's
# behalf", "firmó por él la asistente", "assinado pela secretária em nome do CM"): the
# signature, not anyone's attendance.
_SIGNED_BY = lazy(
    r"\b(?:signed|sign|signe e?|signee?|firm(?:o|ado|ada|ada por)|assin(?:ou|ado|ada))\b"
    r"(?:\s+\w+){0,10}?\s+(?:on (?:\w+ ){0,3}behalf|for (?:him|her|them)|en (?:su )?nombre|"
    r"por (?:el|ella)|au nom d\w*|en son nom|de sa part|a sa place|pour (?:lui|elle)|em (?:seu )?nome|"
    r"por (?:ele|ela))\b"
)
# Folded, once the words of absence and of signing are taken out: anything left saying that
# somebody attended, came, joined or took part ("the RMO attended in his place").
_SOMEONE_THERE = lazy(
    r"\b(?:attend|particip|assist|present|presen[cz]|came|went|join|connect|conect|ligou|"
    r"online|en ligne|virtual|represent|replac|rempla|reempla|substitu|sustitu|deleg|"
    r"stood in|covered|vino|fue|foi|veio|compare|estuvo|venu)"
)


def says_not_there(line: str) -> bool:
    """Whether a footnote says plainly that its person did not attend, and that nobody went
    for them: "signed in by the PA on Mr. Best's behalf – he did not attend" does; "did not
    attend; the RMO went instead", "absent for item 2", "left early" do not."""
    key = f" {fold(line)} "
    if not _NOT_THERE.search(key) or partial.says_partial(line):
        return False
    rest = _NOT_THERE.sub(" ", _SIGNED_BY.sub(" ", key))
    return not (_SOMEONE_THERE.search(rest) or instead.someone_else_went(rest))
