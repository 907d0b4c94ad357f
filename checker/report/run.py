"""`roster-check report` from parsed options to files written: the CLI parses, this runs.

check_for_report   the files checked as `check` would (with --mission / --mission-map)
aggregate          their results → Summary
write_report       Summary → one file (html, xlsx, md, json, pdf)
write_per_mission  Summary → one e-mail page per mission (HTML and plain text)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from checker.report.placement import mission_of

PDF_TIMEOUT = 120


class ReportError(Exception):
    """A report that cannot be made as asked: one line for the person, exit 2."""


def check_for_report(
    files: Sequence[Path], profile: Path | None, lang: str, jobs: int | None,
    progress: Any, mission: str | None = None, mission_map: Sequence[tuple[str, str]] = (),
    profiles: Path | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Each file's JSON result, in the order of `files`. A file the map places is checked with
    that mission (its profile applies), as `check --mission` would; the others as `check`."""
    from checker.api import CheckOptions, check_files

    groups: dict[str | None, list[int]] = defaultdict(list)
    for i, path in enumerate(files):
        groups[mission or mission_of(path, mission_map)].append(i)
    results: list[dict[str, Any] | None] = [None] * len(files)
    for code, indexes in groups.items():
        options = CheckOptions(mission=code, profile=profile, profiles=profiles, lang=lang)
        checked = check_files([files[i] for i in indexes], options, jobs, progress)
        for i, result in zip(indexes, checked):
            results[i] = result.to_dict()
    return [r for r in results if r is not None]


def chromium() -> str | None:
    """A Chromium to print PDF with: $ROSTER_CHECK_CHROMIUM, else one on the PATH."""
    configured = os.environ.get("ROSTER_CHECK_CHROMIUM")
    if configured is not None:
        return configured if configured and Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(html: bytes) -> bytes:
    """The HTML report printed by Chromium (its print stylesheet applies); ReportError when
    no Chromium is installed or it fails."""
    browser = chromium()
    if browser is None:
        raise ReportError("cannot write a PDF: no Chromium is installed (set "
                          "ROSTER_CHECK_CHROMIUM=/path/to/chromium, or write .html and print "
                          "it from a browser)")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="roster-check-pdf-") as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_bytes(html)
        args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                f"--user-data-dir={Path(folder) / 'profile'}", "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}", page.as_uri()]  # fmt: skip
        try:
            done = subprocess.run(args, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError(f"cannot write a PDF: Chromium failed ({exc})") from None
        if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            raise ReportError("cannot write a PDF: Chromium printed nothing"
                              + (f" ({tail[0]})" if tail else ""))  # fmt: skip
        return pdf.read_bytes()


def render_report(summary: Any, fmt: str, lang: str) -> bytes:
    from checker.report import renderer
    from checker.report.words import Words

    words = Words(lang)
    if fmt == "pdf":
        return html_to_pdf(renderer("html")(summary, words))
    return renderer(fmt)(summary, words)


def write_per_mission(
    summary: Any, folder: Path, lang: str, write: Callable[[Path, bytes], None],
    profile: Path | None = None, profiles: Path | None = None,
) -> list[Path]:  # fmt: skip
    """One e-mail page per mission, `<MISSION>.html` and `<MISSION>.txt`, in the mission's
    language: its country profile's `language`, else `lang`."""
    from checker.report.email import render_mission
    from checker.report.words import Words

    written = []
    for mission in summary.missions:
        judged_with = summary.profile_files.get(mission) or []
        language = None
        if profile is None and len(judged_with) == 1:  # the profile that judged its rosters
            from checker.profile import profile_language

            language = profile_language(Path(judged_with[0]))
        words = Words(language or mission_language(mission, profile, profiles) or lang)
        html, text = render_mission(summary, mission, words)
        for path, data in ((folder / f"{mission}.html", html), (folder / f"{mission}.txt", text)):
            write(path, data)
            written.append(path)
    return written


def mission_language(
    mission: str, profile: Path | None, profiles: Path | None = None
) -> str | None:
    """The language the mission's country profile names (`language: fr`), if any: --profile
    when given (as for `check`), else <MISSION>.yaml in the folder of profiles (--profiles,
    $ROSTER_CHECK_PROFILES, roster-check.toml from the working folder up)."""
    from checker.profile import find_mission_profile, profile_language, profiles_folder

    path = profile or find_mission_profile(mission, profiles_folder(profiles).path)
    return profile_language(path) if path is not None else None
