"""A non-editable install (`pip install .`, the README's Quick start) carries every module and
data file: pyproject.toml lists packages by name, so a new subpackage or data file not added
there installs a tool that fails at its first import (checker.commands once did)."""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # as checker/config.py: tomli is a dependency before 3.11
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"
]


def _folder(package: str) -> Path:
    for prefix, folder in SETUPTOOLS.get("package-dir", {}).items():
        if package == prefix or package.startswith(prefix + "."):
            return ROOT / folder / Path(*package[len(prefix) :].strip(".").split(".") or [""])
    return ROOT / Path(*package.split("."))


def test_every_package_of_checker_is_installed() -> None:
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")
    }
    assert found - set(SETUPTOOLS["packages"]) == set()


def _own_files(folder: Path) -> list[Path]:
    """The files of a package's folder, without those of its subpackages."""
    files = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and path.name != "__pycache__" and not (path / "__init__.py").exists():
            files += _own_files(path)
        elif path.is_file() and path.suffix not in (".py", ".pyc"):
            files.append(path)
    return files


def test_every_data_file_of_an_installed_package_is_installed() -> None:
    missing = []
    for package in SETUPTOOLS["packages"]:
        folder = _folder(package)
        globs = SETUPTOOLS.get("package-data", {}).get(package, [])
        for path in _own_files(folder):
            relative = path.relative_to(folder).as_posix()
            if not any(fnmatch.fnmatch(relative, pattern) for pattern in globs):
                missing.append(f"{package}: {relative}")
    assert missing == []
