"""Where a mission's country profile is found: the folder of profiles (--profiles, else
$ROSTER_CHECK_PROFILES, else the nearest roster-check.toml or pyproject.toml), and
<MISSION>.yaml in it. Light on purpose (no pydantic): a run whose rosters have no profile
never loads checker.profile, whose models cost a one-file run ~0.03 s to import.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from checker.config import ConfigError

MISSION_CODE = re.compile(r"^[A-Z]{2,4}$")

# A folder of profiles for every run of this user or job (after --profiles, before the
# project's settings).
ENV_PROFILES = "ROSTER_CHECK_PROFILES"


@dataclass(frozen=True)
class ProfilesFolder:
    """Where a mission's profile is looked for, and who said so (for messages)."""

    path: Path | None
    origin: str  # "--profiles", "ROSTER_CHECK_PROFILES", a settings file, or "" for none


def profiles_folder(given: Path | None = None, start: Path | None = None) -> ProfilesFolder:
    """--profiles DIR, else $ROSTER_CHECK_PROFILES, else `profiles` in the nearest
    roster-check.toml or pyproject.toml [tool.roster-check] from `start` (a roster's folder,
    default the working folder) upward; else none. A folder that does not exist is a
    ConfigError: a typo must not quietly judge every roster with the generic table."""
    from checker.config import find_project_settings

    if given is not None:
        if not given.is_dir():
            raise ConfigError(f"--profiles: {given} is not a folder")
        return ProfilesFolder(given, "--profiles")
    env = os.environ.get(ENV_PROFILES, "").strip()
    if env:
        folder = Path(env).expanduser()
        if not folder.is_dir():
            raise ConfigError(f"{ENV_PROFILES}: {env!r} is not a folder")
        return ProfilesFolder(folder, ENV_PROFILES)
    settings = find_project_settings(start if start is not None else Path.cwd())
    if settings is not None and settings.profiles is not None:
        return ProfilesFolder(settings.profiles, str(settings.path))
    return ProfilesFolder(None, "")


def find_mission_profile(mission: str | None, folder: Path | None) -> Path | None:
    """<MISSION>.yaml in the folder of profiles, when there is one."""
    if not mission or folder is None or not MISSION_CODE.match(mission):
        return None
    path = folder / f"{mission}.yaml"
    return path if path.is_file() else None
