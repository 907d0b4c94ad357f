"""The memory a file will take to read, estimated before a native reader allocates for it.

calamine builds every sheet as a dense range (rows x columns, empty cells too), copies a
shared string into every cell that refers to it (one 32 KB string in 10,000 cells is
330 MB), and the rows then become Python objects beside that range. So what a file costs
is known from what the pre-scan of the file already sees: the extent of its sheets, the
bytes of their XML, the shared strings and how often they are used; and what judging the
file takes afterwards from the rows that hold cells, which it counts. The coefficients are
upper bounds measured on worst cases (bench/memory_limits.py, docs/security.md); a file
whose estimate passes MEMORY_BUDGET is refused with E104 before it is read
(checker.reader.refuse_memory).
"""

from __future__ import annotations

from dataclasses import dataclass

MEMORY_BUDGET = 1024 * 2**20  # per process (issue 12): a file over it is refused
# What the process holds besides the file's own cells: the interpreter, pandas and the
# vocabulary (~95 MB), and the layout and judging of the rows that were read.
BASE_BYTES = 200 * 2**20
# A cell of calamine's range (24-32 B), its place in a Python row, and what laying out the
# rows adds per cell: 42-48 B measured (a far cell at Z199999, 5.2 M cells: 315 MB for the
# whole check; at K1048576, 11.5 M cells: 650 MB).
DENSE_CELL_BYTES = 64
VALUED_CELL_BYTES = 32  # a number's Python object, calamine's list of cells while parsing
STRING_BYTES = 160  # a text cell's string headers: calamine's, Python's, the dedup dict's
TEXT_BYTE = 2  # each byte of text: once in calamine, once in Python
# xlsx: every byte of sheet XML, at most (an inline text cell of 45 bytes costs ~150 B,
# a number of 30 bytes ~66 B; measured worst 3.4x): the cells and texts it can describe.
SHEET_XML_FACTOR = 4
SHARED_CELL_MIN_BYTES = 27  # <c r="A1" t="s"><v>0</v></c>: the fewest bytes of a shared cell
# A sheet without inline texts (the shared strings hold them): a valued cell takes at least
# 16 bytes of XML (<c r="A1"><v>1</v></c> is 21), and costs a number's Python object.
PLAIN_CELL_MIN_BYTES = 16
# A shared string copied into a cell: calamine's copy (with its heap header), then the same
# text made again per cell by the Python side and the normalising of cell texts (one 32 KB
# string in 21,000 cells: 700 MB copied, 1.8 GB peak for the whole check).
COPY_FACTOR = 3
COPY_BYTES = 48
# Judging, once the cells are read (calamine's range is let go by then): what a row holding
# values ends up as, at most ~1.5 findings a row (each keeps its draft), its meeting, its
# laid-out cells and its row of the roster frame. Measured: 200,000 rows x 12 columns with
# findings on every row peak at 760-840 MB in every format (bench/memory_rows.py), 3.6-4.2 KB
# a row beside the interpreter; the rows are counted by the pre-scan (reader).
ROW_BYTES = 4 * 2**10


def copies(text_bytes: int, uses: int) -> int:
    """What `uses` cells holding copies of shared strings of `text_bytes` in all cost."""
    return COPY_FACTOR * text_bytes + COPY_BYTES * uses


@dataclass
class Cost:
    """What reading a file will hold in memory at once, by kind (bytes unless said)."""

    dense: int = 0  # cells of the dense ranges (rows x columns of each sheet)
    valued: int = 0  # cells holding a value
    strings: int = 0  # text cells, or distinct texts
    text: int = 0  # bytes of those texts
    xml: int = 0  # bytes of sheet XML whose cells are not counted one by one
    cloned: int = 0  # what the copies of shared strings in the cells cost (copies())
    rows: int = 0  # rows holding values (at most: a row written in two places counts twice)

    def reading(self) -> int:
        """What reading the cells holds at its peak."""
        return (BASE_BYTES + DENSE_CELL_BYTES * self.dense + VALUED_CELL_BYTES * self.valued
                + STRING_BYTES * self.strings + TEXT_BYTE * self.text
                + SHEET_XML_FACTOR * self.xml + self.cloned)  # fmt: skip

    def judging(self) -> int:
        """What judging the rows holds at its peak, the cells read."""
        return BASE_BYTES + ROW_BYTES * self.rows

    def estimate(self) -> int:
        # Two peaks, one after the other: calamine's range is let go once its rows are Python
        # lists (ROW_BYTES counts those), before the rows are judged.
        return max(self.reading(), self.judging())

    def __add__(self, other: Cost) -> Cost:
        return Cost(*(a + b for a, b in zip(vars(self).values(), vars(other).values())))

    def over(self) -> bool:
        return self.estimate() > MEMORY_BUDGET
