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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from checker.metadata import Countries, countries
from checker.text import fold

if TYPE_CHECKING:  # stage one (checker.layout) reads headings with this module, before pandas
    from checker.findings import Finding
    from checker.layout import RosterTable
    from checker.normalise import Roster
    from checker.policy import Policy

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
    naming the file, line and key. The bundled file's are kept between runs
    (checker.runcache), as countries.yaml's are: a roster without a profile imports no
    PyYAML."""
    from checker.config import schemas_dir

    if path is not None:
        return _read_cities(path)
    from checker import runcache

    path = schemas_dir() / "cities.yaml"
    sources = [path, schemas_dir() / "countries.yaml", Path(__file__)]
    cache = runcache.cache_file("cities", sources)
    known = runcache.read(cache, dict) if cache is not None else None
    if known is None:
        known = _read_cities(path)
        if cache is not None:
            runcache.keep(known, cache)
    return known


def _read_cities(path: Path) -> dict[str, tuple[str, ...]]:
    from checker.config import Source, parse_yaml_file

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


# ------------------------------------------------------------ another mission's rows

# The presence doubt of a row whose Country / Mission cell names no mission the checker can
# place ("Ebeye", blank, two countries): "(country unknown) " + cell + TAB + its text.
UNPLACED = "(country unknown) "
# The presence doubt of a row of a table whose heading names another mission's office
# ("IOM KIRIBATI – ATTENDANCE …" in a file of Tuvalu's): + cell + TAB + line + TAB + mission.
OTHER_HEADING = "(other mission's heading) "
# Words between IOM's name and the country of its office: "Mission de l'OIM en Haïti",
# "IOM Country Office for Kenya", "Missão da OIM em Angola".
_OFFICE_WORDS = frozenset({
    "in", "for", "the", "of", "country", "office", "mission", "en", "au", "aux", "a", "pour",
    "l", "la", "le", "de", "du", "des", "d", "el", "del", "para", "em", "no", "na", "do", "da",
    "bureau", "oficina", "escritorio", "missao", "mision", "pays", "pais",
})  # fmt: skip


def mission_of(value: object, iom_names: frozenset[str]) -> str | None:
    """The ISO3 code of the one mission a Country / Mission cell names: a country's name
    in English, French, Spanish or Portuguese ("Marshall Islands", "Palaos", "Ilhas
    Marshall"), its code ("FSM", "MHL"), IOM's office there ("IOM Palau", "OIM Haïti").
    None when it names none (a town, a blank) or two."""
    if type(value) is not str:
        return None
    known = countries()
    bare = value.strip()
    code = known.codes.get(bare.upper()) if 2 <= len(bare) <= 4 and bare.isalpha() else None
    if code is not None:
        return code
    key = f" {fold(value)} "
    for name in iom_names:
        key = key.replace(f" {name} ", " ")
    found = {known.by_name[name] for name in known.named_in(key)}
    return found.pop() if len(found) == 1 else None


def is_missions_own(code: str, mission: str) -> bool | None:
    """Whether a placed cell is the mission's own (True), another's (False), or may be
    either (None): a country whose name is within the mission's ("Congo" for the DRC,
    "Sudan" for South Sudan) may be the mission's written short."""
    if code == mission:
        return True
    known = countries()
    own = [f" {name} " for name, c in known.by_name.items() if c == mission]
    names = [name for name, c in known.by_name.items() if c == code]
    if any(f" {name} " in mission_name for name in names for mission_name in own):
        return None
    return False


def heading_offices(text: object, iom_names: frozenset[str]) -> tuple[str, ...]:
    """The missions whose IOM office a heading line names: a country right after IOM's
    name, a few words of office between ("IOM KIRIBATI – ATTENDANCE …", "prepared by …,
    IOM Kiribati", "Mission de l'OIM en Haïti", "Missão da OIM em Angola")."""
    if type(text) is not str:
        return ()
    key = f" {fold(text)} "
    if not any(f" {name} " in key for name in iom_names):
        return ()
    known = countries()
    found: list[str] = []
    words = key.split()
    for name in iom_names:
        size = name.count(" ") + 1
        for at in range(len(words) - size + 1):
            if " ".join(words[at : at + size]) != name:
                continue
            rest = words[at + size :]
            skipped = 0
            while rest and rest[0] in _OFFICE_WORDS and skipped < 4:
                rest, skipped = rest[1:], skipped + 1
            first = next(known.named_in(f" {' '.join(rest)} "), None)
            if first is not None and " ".join(rest).startswith(first):
                found.append(known.by_name[first])
    return tuple(dict.fromkeys(found))


def names_mission(text: object, mission: str) -> bool:
    """Whether a heading line names the mission's own country, as a name or a code."""
    if type(text) is not str:
        return False
    known = countries()
    key = f" {fold(text)} "
    if any(known.by_name[name] == mission for name in known.named_in(key)):
        return True
    return any(known.codes.get(word) == mission for word in re.findall(r"\b[A-Z]{3,4}\b", text))


@dataclass(frozen=True)
class MissionNote:
    """What S223 says of one table: `kind` "rows" (rows of another mission, not read: `code`
    that mission, `rows` their Excel rows, `value` the cell's text), "unplaced" (a cell
    placing an IOM row in no mission: `rows` that row) or "heading" (the heading's cell
    names `code`'s IOM office: every row of the table in doubt)."""

    file: int
    kind: str
    sheet: str
    header_row: int
    column: int
    value: str
    code: str | None
    rows: tuple[int, ...]


def apply_missions(
    roster: Roster, missions: Sequence[str | None], iom_names: frozenset[str]
) -> tuple[np.ndarray, list[MissionNote]]:
    """Rows that are not this mission's: those whose Country / Mission cell names another
    mission (returned, to be skipped, never read as a meeting of this one), those of a
    table whose heading names another mission's office ("IOM KIRIBATI – …" in Tuvalu's
    file: every row in doubt, its meetings undetermined) and IOM rows whose cell places them
    in no mission (in doubt: never silently this mission's)."""
    frame = roster.frame
    elsewhere = np.zeros(len(frame), dtype=bool)
    notes: list[MissionNote] = []
    if not len(frame):
        return elsewhere, notes
    tables = frame["table"].to_numpy()
    iom = frame["is_iom"].to_numpy(dtype=bool)
    excel_rows = frame["row"].to_numpy()
    values = frame["country"].to_numpy()
    files = frame["file"].to_numpy()
    # A mission that is no country's code (a profile's own name) places no cell.
    iso3 = countries().iso3
    missions = [m if m in iso3 else None for m in missions]
    doubts: dict[int, str] = {}
    for table in roster.tables:
        if "country" not in table.columns and not table.heading_offices:
            continue  # most tables: no row of theirs is looked at
        where = np.flatnonzero(tables == table.index)
        if not len(where):
            continue
        file = int(files[where[0]])
        column = table.columns.get("country")
        if column is not None:
            _by_column(file, table, column, where, missions[file], values, iom, excel_rows,
                       iom_names, elsewhere, doubts, notes)  # fmt: skip
        elif missions[file] is not None and table.heading_offices:
            _by_heading(file, table, where, str(missions[file]), doubts, notes)
    if doubts:
        # Not the mission's IOM, and (a heading's table) nobody's row is known to be at a
        # meeting of this mission: its meetings are undetermined, never absent.
        at = frame.index[list(doubts)]
        frame.loc[at, "presence_doubt"] = list(doubts.values())
        frame.loc[at, "is_iom"] = False
        frame.loc[at, "iom_unknown"] = True
        frame.loc[at, "role"] = None
    return elsewhere, notes


def _by_column(
    file: int, table: RosterTable, column: int, where: np.ndarray, mission: str | None, values: np.ndarray,
    iom: np.ndarray, excel_rows: np.ndarray, iom_names: frozenset[str], elsewhere: np.ndarray,
    doubts: dict[int, str], notes: list[MissionNote],
) -> None:  # fmt: skip
    from checker.findings import column_letter

    placed = {v: mission_of(v, iom_names) for v in set(values[where].tolist())}
    codes = {c for c in placed.values() if c is not None}
    if mission is None and len(codes) <= 1 and None not in placed.values():
        return  # one country named, no mission known to hold it against
    others: dict[tuple[str, str], list[int]] = {}
    for i in where.tolist():
        value = values[i]
        code = placed[value]
        own = None if code is None or mission is None else is_missions_own(code, mission)
        if own is False and code is not None:
            elsewhere[i] = True
            others.setdefault((code, str(value).strip()), []).append(int(excel_rows[i]))
        elif own is None and iom[i]:
            cell = f"{column_letter(column)}{int(excel_rows[i])}"
            text = "" if value is None else str(value).strip()
            doubts[i] = f"{UNPLACED}{cell}\t{text}"
            notes.append(MissionNote(file, "unplaced", table.sheet, table.header_row, column, text, code,
                                     (int(excel_rows[i]),)))  # fmt: skip
    for (code, text), rows in others.items():
        notes.append(
            MissionNote(
                file, "rows", table.sheet, table.header_row, column, text, code, tuple(rows)
            )
        )


def _by_heading(
    file: int, table: RosterTable, where: np.ndarray, mission: str, doubts: dict[int, str],
    notes: list[MissionNote],
) -> None:  # fmt: skip
    from checker.findings import column_letter

    lines = table.heading_offices
    if any(names_mission(text, mission) for _, _, text, _ in lines):
        return  # "IOM Fiji – Tuvalu meetings": the mission's own, or a sub-office of it
    others = [line for line in lines if any(
        is_missions_own(code, mission) is False for code in line[3])]  # fmt: skip
    if not others:
        return
    row, col, text, codes = others[0]
    code = next(c for c in codes if is_missions_own(c, mission) is False)
    said = f"{OTHER_HEADING}{column_letter(col)}{row}\t{text.strip()}\t{mission}"
    for i in where.tolist():
        doubts[i] = said
    notes.append(
        MissionNote(file, "heading", table.sheet, table.header_row, col, text.strip(), code, (row,))
    )


def mission_findings(
    notes: Sequence[MissionNote], mission: str | None, policy: Policy
) -> list[Finding]:
    """S223: another mission's rows not read, an IOM row placed in no mission, a heading
    naming another mission's office."""
    from checker.findings import Finding, column_letter

    found = []
    for note in notes:
        cell = f"{note.sheet}!{column_letter(note.column)}{note.rows[0]}"
        at = {"sheet": note.sheet, "row": note.rows[0], "column": column_letter(note.column),
              "value": note.value}  # fmt: skip
        found.append(Finding.make(
            "S223", policy, note.kind, at=at, sheet=note.sheet, cell=cell, value=note.value,
            country=note.code or "", mission=mission or "?", count=len(note.rows),
            rows=_ranges(note.rows),
        ))  # fmt: skip
    return found


def _ranges(rows: Sequence[int]) -> str:
    """Excel rows as runs: 8–9, 15–19, 24."""
    runs: list[list[int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def mission_reading(reading: dict[str, Any], notes: Sequence[MissionNote]) -> None:
    """The reading's tables say which of their rows are another mission's (`other_mission`:
    that mission's code → its cells) and which heading cell names another mission's office
    (`other_mission_heading`)."""
    from checker.findings import column_letter

    for note in notes:
        entry = next((t for t in reading.get("tables", []) if t.get("sheet") == note.sheet
                      and t.get("header_row") == note.header_row), None)  # fmt: skip
        if entry is None:
            continue
        letter = column_letter(note.column)
        if note.kind == "rows":
            cells = entry.setdefault("other_mission", {}).setdefault(note.code, [])
            cells.extend(f"{letter}{row}" for row in note.rows)
        elif note.kind == "heading":
            entry["other_mission_heading"] = {
                "cell": f"{letter}{note.rows[0]}",
                "mission": note.code,
            }
