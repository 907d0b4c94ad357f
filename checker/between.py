"""Which table a note line stands for, when tables stand one under another on a sheet.

A line such as "Apologies: IOM (Chief of Mission), UNFPA" between two tables is about one
meeting, not every meeting of the sheet. People write it right under the table it is about
(or right above that table's header, under its title). So a line between two tables belongs
to the one it is nearer to, counting what separates it from each: blank rows, and lines that
are not notes (a title: "B. Operations Management Team (OMT)"). A line as near to both (right
under one table's rows and right above the other's header) may be about either: it is
taken for both, and said so, so that neither meeting is judged on it.

Works on the rows between the upper table's last row and the lower table's header, each row
the values of the table's columns only (tables side by side: see checker.blocks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

from checker.lazyre import lazy

_EMPTY = (None, "")
# "Total", "Total participants" (a totals line is part of the table above, like its rows).
_TOTAL = lazy(r"^\s*total\b", re.IGNORECASE)


class Side(Enum):
    """Which of the two tables a line between them stands for."""

    ABOVE = "above"  # the table whose rows it stands under
    BELOW = "below"  # the table whose header it stands above
    BOTH = "both"  # as near to both: may be about either


def _filled(row: Sequence[Any]) -> list[Any]:
    return [v for v in row if v not in _EMPTY]


def _separates(row: Sequence[Any]) -> bool:
    """A blank row, or a line that is no note (a title): what keeps a line from a table.
    A note ("Prepared by: …", "Chaired by: …", a total) does not."""
    values = _filled(row)
    if not values:
        return True
    text = values[0]
    return len(values) == 1 and type(text) is str and ":" not in text and not _TOTAL.match(text)


def side(gap: Sequence[Sequence[Any]], line: int) -> Side:
    """The table the line `gap[line]` stands for; `gap` holds the rows between the upper
    table's last row and the lower table's header."""
    up = sum(_separates(row) for row in gap[:line])
    down = sum(_separates(row) for row in gap[line + 1 :])
    if up < down:
        return Side.ABOVE
    if down < up:
        return Side.BELOW
    return Side.BOTH
