"""The workbooks we hand to field staff open in another spreadsheet program: LibreOffice
converts the annotated copy and the templates to PDF without errors (skipped when `soffice`
is not installed; CI installs libreoffice-calc-nogui and poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.messages import LANGUAGES

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def to_pdf(files: list[Path], folder: Path) -> list[Path]:
    assert SOFFICE is not None
    # A private profile: concurrent LibreOffice runs must not share (and lock) one.
    profile = (folder / "lo-profile").as_uri()
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, files)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Error" not in output, output
    pdfs = [folder / f"{f.stem}.pdf" for f in files]
    for pdf in pdfs:
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf
    return pdfs


def pdf_text(pdf: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_annotated_copy_and_templates_convert_to_pdf(tmp_path: Path) -> None:
    from test_annotate import build_roster

    runner = CliRunner()
    roster = tmp_path / "NER_2026-11.xlsx"
    build_roster(roster)
    files = [tmp_path / "NER_checked.xlsx", tmp_path / "ETH_checked_fr.xlsx"]
    for args in (
        ["annotate", str(roster), "-o", str(files[0])],
        ["annotate", str(ROOT / "sample_rosters" / "ETH_2026-10.xlsx"), "-o", str(files[1]),
         "--lang", "fr"],
    ):  # fmt: skip
        assert runner.invoke(main, args).exit_code == 0
    for lang in LANGUAGES:
        files.append(tmp_path / f"template_{lang}.xlsx")
        assert (
            runner.invoke(main, ["template", "--lang", lang, "-o", str(files[-1])]).exit_code == 0
        )

    pdfs = to_pdf(files, tmp_path)

    text = pdf_text(pdfs[0])
    if text is not None:
        # The Findings sheet prints first, one page wide: codes, cells and messages legible.
        first_page = text.split("\f")[0]
        for needle in ("What to fix", "C302", "Attendance!F3", "HCT on 2026-11-03"):
            assert needle in first_page
    text = pdf_text(pdfs[1])
    if text is not None:
        assert "C302" in text and "Que corriger" in text
    if shutil.which("pdftoppm") is not None:
        subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(pdfs[0]),
                        str(tmp_path / "page")], check=True, timeout=120)  # fmt: skip
        pages = list(tmp_path.glob("page*.png"))
        assert pages and pages[0].stat().st_size > 5_000
