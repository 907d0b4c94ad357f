"""--format json: Report.to_dict() as CONTRACT.md describes it."""

from __future__ import annotations

import json
from typing import TextIO

from checker.findings import Report


def render(report: Report, stream: TextIO, color: bool = False) -> None:
    json.dump(report.to_dict(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
