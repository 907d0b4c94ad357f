"""The committed sample rosters, fixtures and golden files are what scripts/make_rosters.py makes
of their data files (scripts/samples/): a data file edited without regenerating, or a sample
edited by hand, fails here. Workbooks are compared by their contents (values, formats, merges,
hidden sheets, dropdowns), which do not depend on the zip library; other files by their bytes."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from make_rosters import file_bytes, sources  # noqa: E402
from roster_expected import EXPECTED, expected_json, expected_name, expected_record  # noqa: E402

CASES = list(sources())
# Damaged files are cut or rewritten from a workbook's bytes, which depend on the openpyxl that
# wrote it; they were made with this version (the lowest-versions CI job has another).
MADE_WITH_OPENPYXL = "3.1.5"


def workbook_contents(data: bytes) -> list[Any]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    contents: list[Any] = []
    for ws in book.worksheets:
        contents.append(
            [
                ws.title,
                ws.sheet_state,
                ws.freeze_panes,
                ws.auto_filter.ref,
                sorted(str(r) for r in ws.merged_cells.ranges),
                [(str(v.sqref), v.formula1) for v in ws.data_validations.dataValidation],
                {k: d.width for k, d in sorted(ws.column_dimensions.items())},
                [
                    (c.coordinate, c.value, c.number_format, c.font.b, c.font.i)
                    for row in ws.iter_rows()
                    for c in row
                    if c.value is not None
                ],
            ]
        )
    return contents


def generated(source: Any) -> bytes:
    try:
        return file_bytes(source)
    except ImportError as missing:  # the encrypted fixture needs msoffcrypto-tool
        pytest.skip(f"{source.file}: {missing.name} is not installed")


@pytest.mark.parametrize("source, folder", CASES, ids=[s.file for s, _ in CASES])
def test_committed_file_is_what_its_data_file_makes(source: Any, folder: Path) -> None:
    committed = (folder / source.file).read_bytes()
    made = generated(source)
    if source.format == "xlsx":
        assert workbook_contents(committed) == workbook_contents(made)
    elif source.format == "ods":
        read = [
            pd.read_excel(io.BytesIO(d), engine="odf", sheet_name=None) for d in (committed, made)
        ]
        assert read[0].keys() == read[1].keys()
        for name, frame in read[0].items():
            pd.testing.assert_frame_equal(frame, read[1][name])
    elif source.format == "damaged" and openpyxl.__version__ != MADE_WITH_OPENPYXL:
        pytest.skip(f"{source.file} was cut from bytes written by openpyxl {MADE_WITH_OPENPYXL}")
    else:
        assert committed == made


@pytest.mark.parametrize("source, folder", CASES, ids=[s.file for s, _ in CASES])
def test_golden_file_is_what_its_data_file_declares(source: Any, folder: Path) -> None:
    golden = EXPECTED / expected_name(source.file)
    assert golden.read_text(encoding="utf-8") == expected_json(expected_record(source))
