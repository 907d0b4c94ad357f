"""Which mission a roster file reports on, when its name or Metadata sheet does not say.

The mission and period of a file come from its check result — the same detection as
`roster-check check` (checker.metadata). `report` adds two remedies for files that detection
cannot place:

- `--mission CODE`: every file is of that mission (as `check --mission`);
- `--mission-map FILE`: file-name patterns → mission, in YAML (`"*journal*": TCD`) or CSV
  (`pattern,mission`). A pattern is a shell glob matched against the file name, then the path
  with forward slashes; the first pattern that matches wins.

A file placed this way is checked with that mission (so its country profile applies), exactly
as `check --mission` would check it.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import re
from collections.abc import Sequence
from pathlib import Path

from checker.config import ConfigError, read_bounded

_MISSION = re.compile(r"^[A-Za-z]{2,4}$")
MAX_BYTES = 2**20


def mission_code(text: str, where: str = "--mission") -> str:
    """A mission code (2 to 4 letters), upper case; ConfigError otherwise."""
    code = text.strip()
    if not _MISSION.match(code):
        raise ConfigError(f"{where}: {text!r} is not a mission code (2 to 4 letters, e.g. TCD)")
    return code.upper()


def mission_list(text: str) -> frozenset[str]:
    """'ETH,KEN' or 'ETH KEN' → {'ETH', 'KEN'}."""
    codes = [c for c in re.split(r"[,\s]+", text) if c]
    if not codes:
        raise ConfigError("--missions: give one or more mission codes, e.g. ETH,KEN")
    return frozenset(mission_code(c, "--missions") for c in codes)


def load_mission_map(path: Path) -> list[tuple[str, str]]:
    """(pattern, mission) pairs in the file's order; ConfigError naming the file and line."""
    # Bounded while reading: a FIFO or /dev/zero named by mistake cannot exhaust memory.
    text = read_bounded(path, MAX_BYTES, ConfigError, "the mission map").removeprefix("\ufeff")
    pairs: list[tuple[str, str, int]] = []
    if path.suffix.lower() == ".csv":
        rows = list(csv.reader(io.StringIO(text)))
        for line, row in enumerate(rows, start=1):
            cells = [c.strip() for c in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if line == 1 and cells[0].lower() in {"pattern", "file", "file name", "filename"}:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise ConfigError(f"{path}:{line}: expected 'pattern,mission'")
            pairs.append((cells[0], cells[1], line))
    else:
        import yaml

        from checker.config import SafeLoader

        try:
            data = yaml.load(text, Loader=SafeLoader)  # safe
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            at = f":{mark.line + 1}" if mark is not None else ""
            raise ConfigError(f"{path}{at}: not valid YAML") from None
        if isinstance(data, dict) and set(data) == {"missions"}:
            data = data["missions"]
        if not isinstance(data, dict) or not data:
            raise ConfigError(f"{path}: a mission map is a mapping of file-name pattern → "
                              "mission, e.g. '\"*journal*\": TCD'")  # fmt: skip
        for pattern, mission in data.items():
            if not isinstance(pattern, str) or not isinstance(mission, str):
                raise ConfigError(f"{path}: {pattern!r}: pattern and mission must be text")
            pairs.append((pattern, mission, 0))
    out = []
    for pattern, mission, line in pairs:
        where = f"{path}:{line}" if line else f"{path}: {pattern}"
        out.append((pattern, mission_code(mission, where)))
    return out


def mission_of(path: Path, mapping: Sequence[tuple[str, str]]) -> str | None:
    """The mission of the first pattern matching the file's name (then its path)."""
    name, full = path.name, path.as_posix()
    for pattern, mission in mapping:
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(full, pattern):
            return mission
    return None
