"""End to end in headless Chromium (Playwright with the system's Chromium): log in, upload a
roster, read the verdicts, switch the language, download the annotated copy, find the month in
the mission's history, be refused another mission's pages; at phone and desktop widths.

Skips when Playwright or Chromium is absent. Set ROSTER_CHECK_SCREENSHOTS=DIR to keep the
screenshots for a person to look at.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from checker.cli import main
from tests.server.conftest import PASSWORD, SAMPLES, LiveServer, upload
from tests.test_report_screenshot import CHROMIUM_ARGS, chromium_path


def no_overflow(page) -> bool:  # type: ignore[no-untyped-def]
    width = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    return bool(width <= 1)


def test_a_field_officer_checks_the_month_in_the_browser(
    live_server: LiveServer, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium binary (apt-get install chromium)")
    shots = Path(os.environ.get("ROSTER_CHECK_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    sample = SAMPLES / "ETH_2026-10.xlsx"
    cli = json.loads(CliRunner().invoke(main, ["check", str(sample), "--format", "json"]).output)
    expected = [m["verdict"] for m in cli["results"][0]["meetings"]]
    deployment = live_server.deployment
    kenya = upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx", deployment.api("kenya"))
    kenya_result = f"/results/{kenya.headers['X-Submission-Id']}"  # type: ignore[attr-defined]
    base = live_server.url
    outside: list[str] = []
    console: list[str] = []  # e.g. a script the Content-Security-Policy refused

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900},
                                          accept_downloads=True)  # fmt: skip
            page = context.new_page()
            page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
            page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
            page.goto(base + "/")
            assert page.url.startswith(base + "/login")
            page.fill("#name", "ethiopia")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/upload")

            # A file over the limit is refused before it is sent.
            big = tmp_path / "ETH_2026-10.csv"
            big.write_bytes(b"Date,Platform\n" + b"x" * (2 * 1024 * 1024))
            page.set_input_files("#file", str(big))
            assert page.is_disabled("#submit")
            assert "larger than the 1 MB" in page.inner_text("#detected")

            # Choosing the file fills mission and period in from what the file says.
            page.set_input_files("#file", str(sample))
            assert page.is_enabled("#submit")
            # Awaited through a locator: a wait_for_function string is eval, which the page's
            # Content-Security-Policy (script-src 'self') rightly refuses in newer Playwright.
            sync_api.expect(page.locator("#mission")).to_have_value("ETH")
            assert page.input_value("#period") == "2026-10"
            assert "Country profile: ETH" in page.inner_text("#detected")
            page.screenshot(path=str(shots / "upload-desktop.png"))
            page.click("#submit")
            page.wait_for_url(base + "/results/*")
            result_url = page.url

            verdicts = page.locator(".verdict").evaluate_all(
                "els => els.map(e => e.dataset.verdict)"
            )
            assert verdicts == expected
            assert page.inner_text("#status") == "non-compliant"
            assert page.locator("#findings tbody tr").count() == len(cli["results"][0]["findings"])
            assert no_overflow(page)
            page.screenshot(path=str(shots / "result-desktop.png"), full_page=True)

            # The language, for the whole page; the verdicts stay the same.
            page.click("header .langs a[lang=fr]")
            page.wait_for_url("**/results/*?lang=fr")
            assert page.locator("h2").first.inner_text() == "Réunions"
            assert "conforme" in page.inner_text("#meetings")
            assert page.locator(".verdict").evaluate_all(
                "els => els.map(e => e.dataset.verdict)") == expected  # fmt: skip

            # The annotated copy, in French, opens with openpyxl.
            with page.expect_download() as download:
                page.click("#download-annotated")
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
            assert saved.name == "ETH_2026-10_v1_checked.xlsx"
            book = openpyxl.load_workbook(saved)
            assert "Attendance" in book.sheetnames and len(book.sheetnames) >= 3

            # The month in the mission's history, linking to its result.
            page.goto(base + "/history/ETH")
            row = page.locator("tr.month[data-period='2026-10']")
            assert row.count() == 1
            row.locator("a").click()
            page.wait_for_url(result_url.split("?")[0] + "*")

            # Another mission's pages are refused.
            refused = page.goto(base + kenya_result)
            assert refused is not None and refused.status == 403
            assert "ne peut pas voir" in page.inner_text("main")
            refused = page.goto(base + "/history/KEN")
            assert refused is not None and refused.status == 403

            # The management report over the store renders, its script allowed.
            page.goto(base + "/report?show=1&period=2026-10")
            assert page.locator("svg.chart").count() == 2

            # On a phone: legible, nothing wider than the screen.
            phone = browser.new_context(viewport={"width": 390, "height": 844},
                                        device_scale_factor=2, storage_state=context.storage_state())  # fmt: skip
            small = phone.new_page()
            for name, path in (("result", result_url.split("?")[0] + "?lang=en"), ("upload", "/upload"),
                               ("history", "/history/ETH")):  # fmt: skip
                small.goto(path if path.startswith("http") else base + path)
                assert no_overflow(small), name
                size = small.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
                assert size >= 14
                small.screenshot(path=str(shots / f"{name}-phone.png"), full_page=True)
        finally:
            browser.close()
    assert outside == []  # no font, script or image from anywhere else
    assert [m for m in console if "403" not in m] == []
