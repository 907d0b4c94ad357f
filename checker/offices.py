"""IOM staff of another office at a mission's meeting: "IOM Somalia" or "OIM Bureau régional"
in the organisation cell of a Kenya HCT's list, "Chief of Mission, IOM Somalia" as the title.
They are IOM's, but not the mission's: Somalia's Chief of Mission does not represent IOM in
Kenya, and a regional office's staff may or may not have been sent in its name. Their row is
neither the mission's representative nor an absence: their attendance for the mission is
unknown (judge: reason_other_office), never compliant on the title alone.

The office may be said by a city rather than a country ("OIM Sarajevo", "Chef de mission,
Bucarest", "K. Papadopoulos (OIM Atenas)"): schemas/cities.yaml places the capitals (and a
few other well-known cities) in their country; a city it does not list keeps the row's other
readings. A person's own office may stand in a column of its own ("Duty station", "Bureau
d'affectation": layout's `office` columns), read the same way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from checker.metadata import Countries, countries
from checker.normalise import Roster
from checker.text import fold

# The mark the row's presence doubt takes, before the cell it quotes.
OTHER_OFFICE = "(other office) "
# The same, the office placed by a city of another country: the cell, the city and its
# country's code, joined by tabs (judge: reason_other_office_place).
OTHER_PLACE = "(other office in) "
# What separates a title from the place after it: "Chief of Mission, IOM Somalia".
_SEPARATORS = re.compile(r"[,–—(/]|\s-\s")
# Words after IOM's name that make it another office than a country mission's (folded).
_OFFICE = re.compile(
    r" (?:regional office|regional|ro|rob\w*|hq|headquarters|head office|siege|"
    r"bureau regional|oficina regional|escritorio regional|sede central|geneva|geneve|"
    r"ginebra|genebra|global|liaison office|bureau de liaison|special liaison office) "
)
# The same words where no IOM name goes with them: a title's tail ("…, RO Vienna") or a
# duty-station cell ("Bureau régional de Vienne"). "Regional" alone is not an office there
# ("Regional Migration Health Officer" is a post): it must name the office.
_OFFICE_ALONE = re.compile(
    r"^ (?:regional office|ro|rob\w*|hq|headquarters|head office|siege|bureau regional|"
    r"oficina regional|escritorio regional|sede central|global office) "
    r"| (?:regional office|bureau regional|oficina regional|escritorio regional|headquarters|"
    r"head office|sede central|liaison office|bureau de liaison) "
)
# Words that may lead a place at the end of a title: "(TDY from IOM Norway)", "(en appui
# depuis Vienne)", "– based in Budapest", "(de OIM Atenas)".
_LEADING = frozenset({
    "tdy", "temporary", "duty", "detail", "detailed", "deployed", "seconded", "on", "loan",
    "mission", "from", "of", "in", "at", "based", "with", "de", "du", "des", "d", "en", "a",
    "depuis", "desde", "da", "do", "das", "dos", "em", "na", "no", "la", "el", "le", "les",
})  # fmt: skip


@functools.lru_cache(maxsize=1)
def cities(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """schemas/cities.yaml (or `path`), validated: folded city name → ISO3 codes of the
    countries that have a city of that name (one, mostly). A broken file is a ConfigError
    naming the file, line and key."""
    from checker.config import Source, parse_yaml_file, schemas_dir

    path = path or schemas_dir() / "cities.yaml"
    node, data = parse_yaml_file(path)
    source = Source(path, node)
    if data.get("version", 1) != 1:
        raise source.error(("version",), "the only version is 1")
    if set(data) - {"version", "cities"}:
        raise source.error((next(iter(set(data) - {"version", "cities"})),), "unknown key")
    table = data.get("cities")
    if not isinstance(table, dict) or not table:
        raise source.error(("cities",), "expected a mapping of ISO3 codes to city names")
    known = countries()
    found: dict[str, tuple[str, ...]] = {}
    for code, names in table.items():
        where: tuple[str, ...] = ("cities", str(code))
        if code not in known.iso3:
            raise source.error(where, f"{code!r} is not a country of countries.yaml")
        if not isinstance(names, list) or not names:
            raise source.error(where, "expected a list of city names")
        for i, name in enumerate(names):
            key = fold(name) if isinstance(name, str) else ""
            if not key:
                raise source.error((*where, str(i)), "expected a name (text)")
            if key in known.by_name:
                raise source.error((*where, str(i)), f"{name!r} is a country's name")
            if code in found.get(key, ()) and names.count(name) > 1:
                raise source.error((*where, str(i)), f"{name!r} is listed twice")
            found[key] = tuple(dict.fromkeys((*found.get(key, ()), code)))
    return found


def _cities_in(key: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(folded name, ISO3 codes) of each listed city a folded text names, as whole words."""
    known = cities()
    words = key.split(" ")
    most = max(name.count(" ") + 1 for name in known)
    at = 1
    while at < len(words) - 1:
        for size in range(min(most, len(words) - 1 - at), 0, -1):
            name = " ".join(words[at : at + size])
            if name in known:
                yield name, known[name]
                at += size
                break
        else:
            at += 1


def _own_names(mission: str, known: Countries) -> list[str]:
    return [f" {name} " for name, code in known.by_name.items() if code == mission]


def _another_country(key: str, mission: str) -> bool:
    """Whether a folded text names a country other than `mission`'s. A country whose name
    is within the mission's ("Congo" in "République démocratique du Congo", "Sudan" in
    "South Sudan") may be the mission's own, written short."""
    known = countries()
    own = _own_names(mission, known)
    return any(code != mission and not any(f" {name} " in mission_name for mission_name in own)
               for code, name in _countries_in(key, known))  # fmt: skip


def _place(key: str, mission: str | None) -> tuple[str, str] | None:
    """The (city, country code) of a listed city of another country than `mission` that a
    folded text names; None for none, an unlisted city or a city the mission's country has
    (Tripoli at Lebanon's meeting)."""
    if mission is None:
        return None
    return next(((name, "/".join(codes)) for name, codes in _cities_in(key)
                 if mission not in codes), None)  # fmt: skip


def _bare(text: str, iom_names: frozenset[str]) -> str:
    """A title's or bracket's tail, folded, without IOM's names and the words that may lead a
    place ("TDY from IOM Norway" → " norway ")."""
    key = f" {fold(text)} "
    for name in iom_names:
        key = key.replace(f" {name} ", " ")
    words = key.split()
    while words and words[0] in _LEADING:
        words.pop(0)
    return f" {' '.join(words)} "


def other_office(
    text: object, mission: str | None, iom_names: frozenset[str], title: bool = False
) -> bool:
    """Whether a cell naming IOM names another office than the mission's: a country other
    than `mission` ("IOM Somalia", "Chef de mission, OIM Somalie", "Chief of Mission
    (Somalia)"), or a regional office or headquarters ("IOM Regional Office Nairobi", "OIM
    Bureau régional", "IOM HQ"). A place in the mission's country ("IOM Gambella") is not.
    In a `title`, only a country standing alone after a comma, dash or bracket (with IOM's
    name or not) is read so: "Programme Officer – Venezuela response" is a programme."""
    return office_of(text, mission, iom_names, "title" if title else "organisation") is not None


def office_of(
    text: object, mission: str | None, iom_names: frozenset[str], cell: str
) -> tuple[str, str] | tuple[()] | None:
    """The other office a cell names, for an IOM row of `mission`'s file: None when it names
    none (or a place the tool cannot place), () for a country or regional office or HQ,
    (city, country code) for a listed city of another country. `cell` says which cell:
    "organisation" (anywhere in it), "title" (its tail after a comma, dash or bracket:
    "Chef de mission, Bucarest", "Chief of Mission (TDY from IOM Norway)", "…, RO Vienna"),
    "name" (a bracket naming IOM: "K. Papadopoulos (OIM Atenas)"), "office" (a duty-station
    column: "Bureau régional de Vienne", "Budapest")."""
    if type(text) is not str or not text.strip():
        return None
    if cell == "organisation":
        key = f" {fold(text)} "
        if any(f" {name} " in key for name in iom_names) and _OFFICE.search(key):
            return ()
    elif cell == "name":
        parts = [p for p in re.split(r"[()\[\]]", text)[1::2]
                 if any(f" {n} " in f" {fold(p)} " for n in iom_names)]  # fmt: skip
        if not parts:
            return None
        key = _bare(parts[-1], iom_names)
        if _OFFICE_ALONE.search(key):
            return ()
    elif cell == "title":
        key = _bare(_SEPARATORS.split(text)[-1], iom_names)
        if _OFFICE_ALONE.search(key) and len(_SEPARATORS.split(text)) > 1:
            return ()
        if not (key.strip() in countries().by_name or key.strip() in cities()
                or _OFFICE_ALONE.search(key)):  # fmt: skip
            return None
    else:  # a duty station: the person's office, never the meeting's place
        key = f" {fold(text)} "
        if _OFFICE_ALONE.search(key):
            return ()
    if mission is None:
        return None
    if _another_country(key, mission):
        return ()
    place = _place(key, mission)
    if place is None:
        return None
    # A city of another country beside the mission's own country ("IOM Croatia, Zagreb
    # office" at Croatia's meeting) is the mission's, written with a city the list misplaces.
    if any(name in key for name in _own_names(mission, countries())):
        return None
    return place


def _as_written(text: str, name: str) -> str:
    """The words of `text` whose folded form is `name` ("Bucarest" for "bucarest")."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)
    size = name.count(" ") + 1
    for at in range(len(words) - size + 1):
        if fold(" ".join(words[at : at + size])) == name:
            return " ".join(words[at : at + size])
    return name


def _countries_in(key: str, known: Countries) -> list[tuple[str, str]]:
    """(code, folded name) of each country a folded text names, as whole words."""
    return [(known.by_name[name], name) for name in known.named_in(key)]


def apply_other_offices(
    roster: Roster, missions: Sequence[str | None], iom_names: frozenset[str]
) -> None:
    """IOM rows whose organisation, title, name cell or duty station names another office
    than their file's mission: not counted as the mission's IOM; the meeting's reason quotes
    the cell (and the city's country when a city placed it)."""
    frame = roster.frame
    iom = frame["is_iom"].to_numpy(dtype=bool)
    if not iom.any():
        return
    files = frame["file"].to_numpy()
    organisation, title = frame["organization"].to_numpy(), frame["title"].to_numpy()
    name = frame["attendee"].to_numpy()
    tables, rows = frame["table"].to_numpy(), frame["row"].to_numpy()
    found: dict[int, str] = {}
    offices = {t: dict(table.offices) for t, table in enumerate(roster.tables) if table.offices}
    for i in np.flatnonzero(iom).tolist():
        mission = missions[int(files[i])]
        office = offices.get(int(tables[i]), {}).get(int(rows[i]))
        for text, cell in ((organisation[i], "organisation"), (title[i], "title"),
                           (name[i], "name"), (office, "office")):  # fmt: skip
            other = office_of(text, mission, iom_names, cell)
            if other is None:
                continue
            said = str(text).strip()
            if other:
                city = _as_written(said, other[0])
                found[i] = OTHER_PLACE + "\t".join((said, city, other[1]))
            else:
                found[i] = OTHER_OFFICE + said
            break
    if not found:
        return
    at = frame.index[list(found)]
    frame.loc[at, "presence_doubt"] = list(found.values())
    frame.loc[at, "is_iom"] = False
    frame.loc[at, "iom_unknown"] = True
    frame.loc[at, "role"] = None
    frame.loc[at, "capacity_code"] = "member"
