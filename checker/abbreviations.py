"""A legend on the sheet that spells out the abbreviations its titles use: "PM = Project
Manager", "PM : chef de projet", "PM = Gerente de Proyecto", "Abbreviations: CoM = Chief of
Mission; DCoM = Deputy Chief of Mission". The sheet's own word wins over the built-in
reading: under "PM = Project Manager", "Snr PM" is a senior project manager, not the Senior
Programme Manager (field17 ROU). Titles are read with the legend's words written out
(checker.normalise); the cell itself is quoted as written.

numpy only (see checker.layout: runs in the batch's reader processes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate, chain
from typing import Any

from checker.text import fold

# A quick look for anything like an entry across a sheet's text, before reading cells: an
# abbreviation of two to six letters, a sign, then a letter.
_QUICK = re.compile(r"(?<![^\W\d_])[A-Za-z]{2,6}\s*(?:=|:|–|—)\s*[^\W\d_]")
# A legend's entries, apart: "CoM = Chief of Mission; PM = Project Manager", one a line, or
# after commas and middle dots.
_SPLIT = re.compile(r"[;·•|\n]+|,\s*(?=[A-Za-z]{2,6}\s*(?:=|:|–|—))")
# One entry: an abbreviation of two to six letters, two of them capitals ("PM", "CoM", "DCoM",
# "HoSO"), its sign, then its words ("Project Manager"). What stands before it on the line
# ("Abbreviations used in this register:") is left.
_ENTRY = re.compile(r"(?:^|.*[\s:(])([A-Za-z]{2,6})\s*(?:=|:|–|—)\s*([^\W\d_][^=():;]*?)\s*\.?\s*$")


def entries(text: str) -> list[tuple[str, str]]:
    """(abbreviation, words) of each entry a legend line gives: "PM = Project Manager;
    RMO = Resource Management Officer" → [("PM", "Project Manager"), ("RMO", "Resource
    Management Officer")]. Codes of fewer than two capitals ("Date: …", "P = Present") are
    no title's abbreviation."""
    found = []
    for part in _SPLIT.split(text):
        entry = _ENTRY.match(part.strip())
        if entry is None:
            continue
        code, words = entry.group(1), entry.group(2).strip()
        if sum(ch.isupper() for ch in code) >= 2 and len(words.split()) >= 2:
            found.append((code, words))
    return found


def sheet_legend(
    cells: list[list[Any]], data_rows: set[int], not_a_title: Callable[[str], bool]
) -> tuple[tuple[str, str, str], ...]:
    """The abbreviations a sheet's lines spell out, outside the rows read as attendees
    (`data_rows`, Excel rows): (folded abbreviation, folded words, the line). Entries whose
    words `not_a_title` (presence words: "NA = No asistió") are left out, and so is an
    abbreviation the sheet spells out two ways."""
    # One search of the sheet's text, not one per cell: a file of 200,000 rows holds a
    # million cells and, most often, no legend at all (as checker.acting's notes).
    flat = list(chain.from_iterable(cells))
    texts = ["" if type(v) is not str else v for v in flat]
    joined = "\x1f".join(texts)
    starts = [m.start() for m in _QUICK.finditer(joined)]
    if not starts:
        return ()
    rows = list(accumulate(len(row) for row in cells))  # each row's end in `flat`
    ends = list(accumulate(len(t) + 1 for t in texts))  # each text's end, separator included
    said: dict[str, set[str]] = {}
    lines: dict[str, str] = {}
    for i in sorted({bisect_right(ends, at) for at in starts}):
        if bisect_right(rows, i) + 1 in data_rows:
            continue
        for code, words in entries(texts[i]):
            if not_a_title(words):
                continue
            said.setdefault(fold(code), set()).add(fold(words))
            lines.setdefault(fold(code), texts[i].strip())
    return tuple((code, next(iter(w)), lines[code]) for code, w in said.items() if len(w) == 1)


def spelled_out(title: str, legend: Iterable[tuple[str, str, str]]) -> str:
    """A title with the legend's abbreviations written out, as whole words in any case:
    "Snr PM" under ("pm", "project manager", …) → "Snr project manager"."""
    for code, words, _ in legend:
        if code in title.lower():
            title = re.sub(rf"(?<![^\W_]){re.escape(code)}(?![^\W_])", words, title,
                           flags=re.IGNORECASE)  # fmt: skip
    return title
