"""Render the HTML report in headless Chromium: on a desktop and a phone, and to PDF.

Skips when Playwright or a Chromium binary is absent (CI installs them: see docs/reports.md).
Set ROSTER_CHECK_SCREENSHOTS=DIR to keep the PNG and PDF files for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_tree import build_tree

from checker.cli import main

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


def chromium_path() -> str | None:
    for candidate in (os.environ.get("ROSTER_CHECK_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):  # fmt: skip
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_html_report_renders_legibly_in_chromium(tmp_path: Path, lang: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium binary (apt-get install chromium)")

    root = tmp_path / "rosters"
    build_tree(root)
    page_file = tmp_path / "report.html"
    mail = tmp_path / "mail"
    result = CliRunner().invoke(main, ["report", str(root), "-o", str(page_file), "--jobs", "1",
                                       "--lang", lang, "--per-mission", str(mail)])  # fmt: skip
    assert result.exit_code == 0, result.output

    requests: list[str] = []
    shots = {}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for name, width in (("desktop", 1200), ("phone", 390)):
                page = browser.new_page(viewport={"width": width, "height": 900},
                                        device_scale_factor=2 if name == "phone" else 1)  # fmt: skip
                page.on("request", lambda r: requests.append(r.url))
                page.goto(page_file.as_uri())
                # Charts are drawn, at a readable size, and the page does not run off a phone.
                svgs = page.locator("svg.chart")
                assert svgs.count() == 2
                box = svgs.first.bounding_box()
                assert box is not None and box["width"] >= 280 and box["height"] >= 120
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 1, f"{name}: the page is {overflow}px wider than the screen"
                size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
                assert size >= 14
                shots[name] = tmp_path / f"report-{name}.png"
                page.screenshot(path=str(shots[name]), full_page=name == "phone")
                page.close()
            # The e-mail pages fit a phone too (a mail client shows them at its width).
            for page_path in sorted(mail.glob("*.html")):
                page = browser.new_page(viewport={"width": 390, "height": 900})
                page.on("request", lambda r: requests.append(r.url))
                page.goto(page_path.as_uri())
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 1, f"{page_path.name}: {overflow}px wider than a phone"
                page.close()
            page = browser.new_page()
            page.goto(page_file.as_uri())
            pdf = tmp_path / "report.pdf"
            page.pdf(path=str(pdf), format="A4", print_background=True)
        finally:
            browser.close()

    # Only the file itself was loaded: no fonts, scripts or images from anywhere else.
    assert all(url.startswith("file://") for url in requests), requests
    for shot in shots.values():
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    keep = os.environ.get("ROSTER_CHECK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for path in (*shots.values(), pdf):
            shutil.copy(path, Path(keep) / f"{lang}-{path.name}")
