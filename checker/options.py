"""What a check is asked to do, beside the files: importable without the pipeline, so that a
command can hand it to a worker process before importing the stages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CheckOptions:
    mission: str | None = None
    period: str | None = None
    profile: Path | None = None
    lang: str = "en"  # language of the messages: en, fr, es, pt
    profiles: Path | None = None  # --profiles DIR: <MISSION>.yaml files (see select_policy)
    # --column FIELD=HEADER: headers the user gives for fields of schemas/columns.yaml
    columns: tuple[tuple[str, str], ...] = ()
