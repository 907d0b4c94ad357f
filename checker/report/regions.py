"""`--regions FILE`: which regional office each mission reports to.

Two shapes are accepted, in YAML or CSV (chosen by the file's suffix):

    # YAML, mission → regional office          # YAML, regional office → missions
    MLI: RO Dakar                              regions:
    SEN: RO Dakar                                RO Dakar: [MLI, SEN]
    ETH: RO Nairobi                              RO Nairobi: [ETH]

    mission,region                             (CSV: a header row, then one mission a row;
    MLI,RO Dakar                                "Mission code", "Regional office" work too)

A broken file is a ConfigError with the file and line, so the CLI exits 2 with one line.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from checker.config import ConfigError, read_bounded

_MISSION = re.compile(r"^[A-Za-z]{2,4}$")
_MISSION_HEADERS = {"mission", "mission code", "country office", "mission_code", "code"}
_REGION_HEADERS = {"region", "regional office", "regional_office", "ro"}
MAX_BYTES = 2**20


def load_regions(path: Path) -> dict[str, str]:
    """Mission code (upper case) → regional office name."""
    # Bounded while reading: a FIFO or /dev/zero named by mistake cannot exhaust memory.
    text = read_bounded(path, MAX_BYTES, ConfigError, "the regions file").removeprefix("\ufeff")
    if path.suffix.lower() == ".csv":
        return _from_csv(path, text)
    return _from_yaml(path, text)


def _add(
    regions: dict[str, str], path: Path, line: int, mission: Any, region: Any
) -> None:  # fmt: skip
    code = str(mission).strip() if mission is not None else ""
    name = str(region).strip() if region is not None else ""
    if not _MISSION.match(code):
        raise ConfigError(f"{path}:{line}: {code or '(empty)'!r} is not a 2-4 letter mission code")
    if not name or isinstance(region, (dict, list)):
        raise ConfigError(f"{path}:{line}: mission {code.upper()}: the regional office is missing")
    if len(name) > 100:
        raise ConfigError(
            f"{path}:{line}: mission {code.upper()}: the regional office name is too long"
        )
    code = code.upper()
    if regions.get(code, name) != name:
        raise ConfigError(f"{path}:{line}: mission {code} is in two regions "
                          f"({regions[code]!r} and {name!r})")  # fmt: skip
    regions[code] = name


def _from_csv(path: Path, text: str) -> dict[str, str]:
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise ConfigError(f"{path}:1: the regions file is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    mission_col = next((i for i, h in enumerate(header) if h in _MISSION_HEADERS), None)
    region_col = next((i for i, h in enumerate(header) if h in _REGION_HEADERS), None)
    if mission_col is None or region_col is None:
        raise ConfigError(f"{path}:1: expected a header row with columns 'mission' and 'region'")
    regions: dict[str, str] = {}
    # Line numbers of the non-blank rows, for messages.
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    for number, row in zip(lines[1:], rows[1:]):
        cells = [*row, "", ""]
        _add(regions, path, number, cells[mission_col], cells[region_col])
    if not regions:
        raise ConfigError(f"{path}:2: the regions file names no mission")
    return regions


def _from_yaml(path: Path, text: str) -> dict[str, str]:
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{where}: not valid YAML: {problem}") from None
    if not isinstance(node, yaml.MappingNode) or not node.value:
        raise ConfigError(f"{path}:1: expected a mapping of mission: regional office")
    regions: dict[str, str] = {}
    pairs = node.value
    if len(pairs) == 1 and str(pairs[0][0].value).strip().lower() == "regions":
        by_region = pairs[0][1]
        if not isinstance(by_region, yaml.MappingNode):
            line = by_region.start_mark.line + 1
            raise ConfigError(f"{path}:{line}: regions: expected regional office: [missions]")
        for key, value in by_region.value:
            line = key.start_mark.line + 1
            if not isinstance(value, yaml.SequenceNode):
                raise ConfigError(f"{path}:{line}: regions.{key.value}: expected a list of "
                                  "mission codes")  # fmt: skip
            for item in value.value:
                if not isinstance(item, yaml.ScalarNode):
                    raise ConfigError(f"{path}:{item.start_mark.line + 1}: expected a mission code")
                _add(regions, path, item.start_mark.line + 1, item.value, key.value)
    else:
        for key, value in pairs:
            line = key.start_mark.line + 1
            region = value.value if isinstance(value, yaml.ScalarNode) else []
            _add(regions, path, line, key.value, region)
    if not regions:
        raise ConfigError(f"{path}:1: the regions file names no mission")
    return regions
