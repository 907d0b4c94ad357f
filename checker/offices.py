"""IOM staff of another office at a mission's meeting: "IOM Somalia" or "OIM Bureau régional"
in the organisation cell of a Kenya HCT's list, "Chief of Mission, IOM Somalia" as the title.
They are IOM's, but not the mission's: Somalia's Chief of Mission does not represent IOM in
Kenya, and a regional office's staff may or may not have been sent in its name. Their row is
neither the mission's representative nor an absence: their attendance for the mission is
unknown (judge: reason_other_office), never compliant on the title alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from checker.metadata import Countries, countries
from checker.normalise import Roster
from checker.text import fold

# The mark the row's presence doubt takes, before the cell it quotes.
OTHER_OFFICE = "(other office) "
# What separates a title from the place after it: "Chief of Mission, IOM Somalia".
_SEPARATORS = re.compile(r"[,–—(/]|\s-\s")
# Words after IOM's name that make it another office than a country mission's (folded).
_OFFICE = re.compile(
    r" (?:regional office|regional|ro|rob\w*|hq|headquarters|head office|siege|"
    r"bureau regional|oficina regional|escritorio regional|sede central|geneva|geneve|"
    r"ginebra|genebra|global|liaison office|bureau de liaison|special liaison office) "
)


def other_office(
    text: object, mission: str | None, iom_names: frozenset[str], title: bool = False
) -> bool:
    """Whether a cell naming IOM names another office than the mission's: a country other
    than `mission` ("IOM Somalia", "Chef de mission, OIM Somalie", "Chief of Mission
    (Somalia)"), or a regional office or headquarters ("IOM Regional Office Nairobi", "OIM
    Bureau régional", "IOM HQ"). A place in the mission's country ("IOM Gambella") is not.
    In a `title`, only a country standing alone after a comma, dash or bracket (with IOM's
    name or not) is read so: "Programme Officer – Venezuela response" is a programme."""
    if type(text) is not str:
        return False
    key = f" {fold(text)} "
    if title:
        tail = f" {fold(_SEPARATORS.split(text)[-1])} "
        for name in iom_names:
            tail = tail.replace(f" {name} ", " ")
        key = tail if tail.strip() in countries().by_name else " "
    if any(f" {name} " in key for name in iom_names) and _OFFICE.search(key):
        return True
    if mission is None:
        return False
    known = countries()
    own = [f" {name} " for name, code in known.by_name.items() if code == mission]
    # A country whose name is within the mission's ("Congo" in "République démocratique du
    # Congo", "Sudan" in "South Sudan") may be the mission's own, written short.
    return any(code != mission and not any(f" {name} " in mission_name for mission_name in own)
               for code, name in _countries_in(key, known))  # fmt: skip


def _countries_in(key: str, known: Countries) -> list[tuple[str, str]]:
    """(code, folded name) of each country a folded text names, as whole words."""
    return [(known.by_name[name], name) for name in known.named_in(key)]


def apply_other_offices(
    roster: Roster, missions: Sequence[str | None], iom_names: frozenset[str]
) -> None:
    """IOM rows whose organisation or title names another office than their file's
    mission: not counted as the mission's IOM; the meeting's reason quotes the cell."""
    frame = roster.frame
    iom = frame["is_iom"].to_numpy(dtype=bool)
    if not iom.any():
        return
    files = frame["file"].to_numpy()
    organisation, title = frame["organization"].to_numpy(), frame["title"].to_numpy()
    found: dict[int, str] = {}
    for i in np.flatnonzero(iom).tolist():
        mission = missions[int(files[i])]
        for text, is_title in ((organisation[i], False), (title[i], True)):
            if other_office(text, mission, iom_names, is_title):
                found[i] = str(text).strip()
                break
    if not found:
        return
    at = frame.index[list(found)]
    frame.loc[at, "presence_doubt"] = [OTHER_OFFICE + text for text in found.values()]
    frame.loc[at, "is_iom"] = False
    frame.loc[at, "iom_unknown"] = True
    frame.loc[at, "role"] = None
    frame.loc[at, "capacity_code"] = "member"
