"""The largest files the memory estimate (checker/budget.py) accepts, in each worst shape,
checked through the whole CLI: their peak RSS against the 1 GB budget (issue 12).

For each shape, a small file gives the estimate per row (the estimate is linear in rows),
the largest accepted row count is solved for and built (shrunk until accepted), and
`roster-check check` runs on it in a subprocess; wait4 gives that process's peak RSS.

    python bench/memory_limits.py [--data DIR] [--only xlsx-numbers ...] [--before ../main]

`--before` runs each file with another checkout's checker too (the CLI is started there:
`python -m checker` takes the checker of its working directory).
"""

from __future__ import annotations

import argparse
import csv
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from checker import budget, reader  # noqa: E402
from tests.hostile import run as hostile_run  # noqa: E402
from tests.hostile.corpus import CONTENT_TYPES, MAIN, ROOT_RELS, _workbook  # noqa: E402

COLUMNS = 12
HEADER = ["Date", "Platform", "Level", "Location", "Name", "Organization", "Title",
          "Sector", "Role", "Email", "Phone", "Remarks"]  # fmt: skip


def _letters(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def roster_row(i: int) -> list[str | float]:
    """A realistic row of 12 columns: a date, words from short lists, a person (each name
    on ~3 rows), an e-mail, a phone number, and a remark on one row in 20."""
    person = i // 3
    return [46000 + i // 300, f"Platform {i % 12}", ("National", "Subnational", "Field")[i % 3],
            f"Location {i % 25}", f"Person {person:07d} Surname", f"Organisation {i % 40}",
            f"Position title number {i % 60}", f"Sector {i % 14}", ("Member", "Chair")[i % 2],
            f"person.{person:07d}@example.org", float(251_900_000_000 + person),
            f"Remark {i:08d}: arrived late, left before the end" if i % 20 == 0 else ""]  # fmt: skip


def _text(i: int, size: int) -> str:
    return (f"{i:09d}" * (size // 9 + 1))[:size]


def xlsx(path: Path, rows: int, kind: str, size: int = 20,
         columns: Sequence[int] = range(COLUMNS)) -> Path:  # fmt: skip
    """kind: numbers | shared (distinct shared strings) | inline (distinct inline strings) |
    clone (one long shared string in every cell) | roster (`roster_row`). A header row of
    roster words first. `columns`: which of the 12 to write (0-based), in that order."""
    book, rels = _workbook(1)
    rels = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                        'Target="sharedStrings.xml"/></Relationships>')  # fmt: skip
    letters = [_letters(c) for c in range(len(columns))]
    shared: list[str] = []
    seen: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            head = "".join(f'<c r="{letters[c]}1" t="inlineStr"><is><t>{h}</t></is></c>'
                           for c, h in enumerate(HEADER[k] for k in columns))  # fmt: skip
            out.write(f'<row r="1">{head}</row>'.encode())
            if kind == "clone":
                shared.append(_text(0, size))
            i = 0
            for r in range(2, rows + 2):
                cells = []
                whole = roster_row(r) if kind == "roster" else []
                for c, k in enumerate(columns):
                    ref = f"{letters[c]}{r}"
                    if kind == "roster":
                        value = whole[k]
                        if isinstance(value, float | int):
                            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                        elif value:
                            index = seen.setdefault(value, len(seen))
                            if index == len(shared):
                                shared.append(value)
                            cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
                        continue
                    if kind == "numbers":
                        cells.append(f'<c r="{ref}"><v>{i * 7.25}</v></c>')
                    elif kind == "shared":
                        cells.append(f'<c r="{ref}" t="s"><v>{len(shared)}</v></c>')
                        shared.append(_text(i, size))
                    elif kind == "clone":
                        cells.append(f'<c r="{ref}" t="s"><v>0</v></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_text(i, size)}'
                                     "</t></is></c>")  # fmt: skip
                    i += 1
                out.write(f'<row r="{r}">{"".join(cells)}</row>'.encode())
            out.write(b"</sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="{len(shared)}" '
                      f'uniqueCount="{len(shared)}">'.encode())  # fmt: skip
            for start in range(0, len(shared), 10_000):
                out.write("".join(f"<si><t>{t}</t></si>"
                                  for t in shared[start : start + 10_000]).encode())  # fmt: skip
            out.write(b"</sst>")
    return path


def sparse(path: Path, reference: str) -> Path:
    """A header and one value in a far cell that the limits still accept."""
    from tests.hostile.corpus import _inline, roster_rows
    from tests.hostile.corpus import xlsx as small

    row = int("".join(ch for ch in reference if ch.isdigit()))
    return small(path, roster_rows() + f'<row r="{row}">{_inline(reference, "x")}</row>')


def ods(path: Path, rows: int, size: int = 20, roster: bool = False) -> Path:
    """An OpenDocument spreadsheet of distinct texts, COLUMNS to a row (or roster rows)."""
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest '
                         'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                         '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                         '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry'
                         ' manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                         "</manifest:manifest>")  # fmt: skip
        with archive.open("content.xml", "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:'
                      b'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:'
                      b'opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument'
                      b':xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>'
                      b'<table:table table:name="Attendance">')  # fmt: skip
            out.write(("<table:table-row>" + "".join(cell.format(h) for h in HEADER)
                       + "</table:table-row>").encode())  # fmt: skip
            number = '<table:table-cell office:value-type="float" office:value="{0}"><text:p>{0}</text:p></table:table-cell>'
            for r in range(rows):
                values = roster_row(r) if roster else [_text(r * COLUMNS + c, size)
                                                       for c in range(COLUMNS)]  # fmt: skip
                out.write(("<table:table-row>" + "".join(
                    (number if isinstance(v, float | int) else cell).format(v) if v != ""
                    else "<table:table-cell/>" for v in values) + "</table:table-row>").encode())  # fmt: skip
            out.write(
                b"</table:table></office:spreadsheet></office:body></office:document-content>"
            )
    return path


def csv_file(path: Path, rows: int, size: int = 20, roster: bool = False) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for r in range(rows):
            writer.writerow(roster_row(r) if roster else
                            [_text(r * COLUMNS + c, size) for c in range(COLUMNS)])  # fmt: skip
    return path


def estimate(path: Path) -> tuple[bool, int]:
    """Whether the checker accepts the file, and the estimate it made (bytes; 0 for CSV,
    whose cost is counted while reading)."""
    seen: list[int] = []
    real = reader.refuse_memory

    def record(cost: budget.Cost) -> None:
        seen.append(cost.estimate())
        real(cost)

    reader.refuse_memory = record  # type: ignore[assignment]
    try:
        if path.suffix == ".csv":
            reader.read_workbook(path)
        else:
            reader._check_zip(path)
        return True, max(seen, default=0)
    except reader.UnreadableRoster:
        return False, max(seen, default=0)
    finally:
        reader.refuse_memory = real  # type: ignore[assignment]


# name: (file name, builder taking a row count, rows of the probe, or None: a fixed file)
ROSTER_ROWS = 200_000  # must be accepted in every format
SHAPES: dict[str, tuple[str, Callable[[Path, int], Path], int | None]] = {
    "xlsx-roster-200k": ("roster.xlsx", lambda p, n: xlsx(p, ROSTER_ROWS, "roster"), None),
    "ods-roster-200k": ("roster.ods", lambda p, n: ods(p, ROSTER_ROWS, roster=True), None),
    "csv-roster-200k": ("roster.csv", lambda p, n: csv_file(p, ROSTER_ROWS, roster=True), None),
    "xlsx-numbers": ("numbers.xlsx", lambda p, n: xlsx(p, n, "numbers"), 20_000),
    "xlsx-distinct-shared-20": ("shared20.xlsx", lambda p, n: xlsx(p, n, "shared", 20), 20_000),
    "xlsx-distinct-shared-200": ("shared200.xlsx", lambda p, n: xlsx(p, n, "shared", 200), 5_000),
    "xlsx-inline-200": ("inline200.xlsx", lambda p, n: xlsx(p, n, "inline", 200), 5_000),
    "xlsx-one-32K-string-everywhere": ("clone.xlsx", lambda p, n: xlsx(p, n, "clone", 32_767), 100),
    "xlsx-far-cell-Z199999": ("farZ.xlsx", lambda p, n: sparse(p, "Z199999"), None),
    "xlsx-far-cell-K1048576": ("farK.xlsx", lambda p, n: sparse(p, "K1048576"), None),
    "ods-distinct-20": ("distinct20.ods", lambda p, n: ods(p, n, 20), 5_000),
    "csv-distinct-20": ("distinct20.csv", lambda p, n: csv_file(p, n, 20), 20_000),
}


def largest(name: str, folder: Path) -> tuple[Path, int]:
    """The largest file of the shape that the checker accepts: (path, data rows)."""
    file_name, build, probe = SHAPES[name]
    path = folder / file_name
    if probe is None:
        return build(path, 0), ROSTER_ROWS if "roster" in name else 0
    if path.suffix == ".csv":  # counted while reading: search on the rows directly
        rows = probe
        while estimate(build(path, rows * 2))[0] and rows < 2_000_000:
            rows *= 2
        low, high = rows, rows * 2
        while high - low > max(low // 50, 1):
            mid = (low + high) // 2
            low, high = (mid, high) if estimate(build(path, mid))[0] else (low, mid)
        return build(path, low), low
    _, small = estimate(build(path, probe))
    _, double = estimate(build(path, 2 * probe))
    per_row = max((double - small) / probe, 1)
    rows = int(probe + (budget.MEMORY_BUDGET - small) / per_row)
    while rows > 0 and not estimate(build(path, rows))[0]:
        rows = int(rows * 0.98)
    return path, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--data", type=Path, default=REPO / "bench" / "data" / "limits")
    ap.add_argument("--only", nargs="+", choices=sorted(SHAPES))
    ap.add_argument("--before", type=Path, help="also run each file with this checkout's checker")
    ap.add_argument(
        "--files",
        nargs="*",
        type=Path,
        default=[],
        help="also run these files as they are (e.g. a generated year)",
    )
    a = ap.parse_args(argv)
    a.data.mkdir(parents=True, exist_ok=True)
    hostile_run.MEMORY_CAP = 8 * 2**30  # measure, do not cap
    limit = budget.MEMORY_BUDGET / 2**20
    print(f"{'shape':<34} {'rows':>9} {'file MB':>8} {'est. MB':>8} {'peak MB':>8} "
          f"{'of 1 GB':>7} {'s':>6}  findings" + ("  | before: peak MB, findings" if a.before else ""))  # fmt: skip
    jobs = [(n, None) for n in (a.only or SHAPES)] + [(f.name, f) for f in a.files]
    for name, given in jobs:
        path, rows = (given, 0) if given is not None else largest(name, a.data)
        accepted, est = estimate(path)
        out = hostile_run.run_cli("check", path, "--format", "json", "--quiet",
                                  "--fail-on", "never", timeout=1800)  # fmt: skip
        try:
            codes = ",".join(sorted(out.codes))
        except ValueError:
            codes = f"exit {out.returncode}: {out.stderr.strip()[-120:]}"
        before = ""
        if a.before is not None:
            old = hostile_run.run_cli("check", path, "--format", "json", "--quiet", "--fail-on",
                                      "never", timeout=1800, cwd=a.before.resolve())  # fmt: skip
            try:
                old_codes = ",".join(sorted(old.codes))
            except ValueError:
                old_codes = f"exit {old.returncode}"
            before = f"  | {old.peak_mb:.0f} {old_codes}"
        print(f"{name:<34} {rows:>9,} {path.stat().st_size / 2**20:>8.1f} "
              f"{est / 2**20:>8.0f} {out.peak_mb:>8.0f} {out.peak_mb / limit:>7.0%} "
              f"{out.seconds:>6.1f}  {codes}{'' if accepted else ' (refused)'}{before}",
              flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
