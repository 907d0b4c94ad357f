"""Loading the YAML data files in schemas/ (and profiles) into validated models.

A broken data file must give one precise message — file, line, key — and never a traceback,
so every load goes through `load_model`, which turns YAML and pydantic errors into ConfigError.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # pydantic is imported when a model is loaded: the readers of a batch never do
    import yaml
    from pydantic import BaseModel

    SafeLoader: type[yaml.SafeLoader]

Model = TypeVar("Model", bound="BaseModel")


class ConfigError(Exception):
    """A data file (schemas/*.yaml, a profile) is unreadable or invalid. The CLI exits 2."""


# PyYAML is imported when a YAML file is first parsed (~10 ms): a run whose vocabulary,
# catalogues and countries come from the cache between runs, with no profile for its
# mission, parses none.
def __getattr__(name: str) -> Any:
    if name == "SafeLoader":
        return _loaders()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _loaders() -> tuple[type[Any], type[Any]]:
    """libyaml's parser when PyYAML was built with it (~10x faster than the pure-Python one),
    and the same with impossible dates (2026-13-01) kept as text: PyYAML would raise a bare
    ValueError with no line; left as text, the model rejects it at its key and line."""
    import yaml

    safe: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(safe):  # type: ignore[valid-type,misc]
        pass

    def _timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    _Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
    return safe, _Loader


def schemas_dir() -> Path:
    """schemas/ beside the package in a checkout; the checker.schemas package once installed."""
    checkout = Path(__file__).resolve().parent.parent / "schemas"
    if (checkout / "vocabulary.yaml").is_file():
        return checkout
    return Path(str(resources.files("checker.schemas")))


@dataclass(frozen=True)
class Source:
    """A data file read from disk with its YAML node tree, so that later checks (codes that
    must exist in the vocabulary, say) can name the line of the key they reject."""

    path: Path
    node: Any

    def error(self, loc: Sequence[Any], message: str) -> ConfigError:
        key = ".".join(str(p) for p in loc) or "(top level)"
        return ConfigError(f"{self.path}:{_line_of(self.node, loc)}: {key}: {message}")


def load_model(path: Path, model: type[Model], context: dict[str, Any] | None = None) -> Model:
    return load_source(path, model, context)[0]


def load_source(
    path: Path, model: type[Model], context: dict[str, Any] | None = None
) -> tuple[Model, Source]:
    """The validated model of a YAML file, and the file's Source for later messages."""
    node, data = parse_yaml_file(path)
    from pydantic import ValidationError

    source = Source(path, node)
    try:
        return model.model_validate(data, context={"path": path, **(context or {})}), source
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise source.error(tuple(first["loc"]), _plain(first) + more) from None


def parse_yaml_file(path: Path) -> tuple[Any, dict[str, Any]]:
    """The node tree and the data of a YAML file whose top is a mapping, for data files that
    are checked by hand rather than by a model (light: no pydantic); bounded in size, alias
    expansion and depth. Raises ConfigError."""
    import yaml

    text = read_bounded(path, MAX_CONFIG_BYTES, ConfigError)
    try:
        node, data = _parse(text, path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: expected a mapping of keys at the top of the file")
    return node, data


def _parse(text: str, path: Path | None = None) -> tuple[Any, Any]:
    """The node tree (for line numbers) and the data, from one parse."""
    loader = _loaders()[1](text)  # a SafeLoader: safe
    try:
        node = loader.get_single_node()
        if node is not None and path is not None:
            _check_size(node, path)
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# Bounds on every configuration file read (profiles, the vocabulary, regions, baselines): a
# real profile is a few KB; these leave room for 100 times that and refuse weapons (YAML
# aliases fanning out to billions of nodes, /dev/zero, nesting thousands deep).
MAX_CONFIG_BYTES = 4 * 2**20
MAX_CONFIG_NODES = 200_000
MAX_CONFIG_DEPTH = 64


def read_bounded(path: Path, limit: int, error: type[Exception], what: str = "the file") -> str:
    """A text file's content, refused with one line naming the file when it is over
    `limit` bytes (read with a bound, so that /dev/zero or a FIFO cannot exhaust memory)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise error(f"{path}: the file is over {limit // 2**20} MB, far larger than any "
                    "such file needs to be: is it the right file?")  # fmt: skip
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise error(f"{path}: not UTF-8 text") from None


def _check_size(root: Any, path: Path) -> None:
    """Refuse a YAML document whose aliases expand to too many nodes or that nests too
    deeply, before anything walks it (constructing it shares aliased nodes; validating or
    copying it does not)."""
    import yaml

    sizes: dict[int, int] = {}

    def size(node: Any, depth: int) -> int:
        if depth > MAX_CONFIG_DEPTH:
            raise ConfigError(f"{path}:{node.start_mark.line + 1}: nested more than "
                              f"{MAX_CONFIG_DEPTH} levels deep")  # fmt: skip
        known = sizes.get(id(node))
        if known is not None:
            return known
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(v, depth + 1) for v in node.value)
        if total > MAX_CONFIG_NODES:
            raise ConfigError(f"{path}:{node.start_mark.line + 1}: expands to more than "
                              f"{MAX_CONFIG_NODES:,} values (YAML aliases repeated over and "
                              "over?)")  # fmt: skip
        sizes[id(node)] = total
        return total

    size(root, 0)


def _plain(error: Any) -> str:
    """pydantic's message, in the words of someone editing the file."""
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind.startswith(("date_", "datetime_")):
        return f"{error['input']!r} is not a date; write it as YYYY-MM-DD, for example 2026-12-31"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return str(error["msg"])


def _line_of(node: Any, loc: Sequence[Any]) -> int:
    """The 1-based line of the YAML node at `loc` (or of its deepest existing parent)."""
    import yaml

    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if str(k.value) == str(part)), None)
            key_node = next((k for k, v in node.value if str(k.value) == str(part)), None)
            if match is None:
                return line
            line = (key_node or match).start_mark.line + 1
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


# ---------------------------------------------------------------- project settings
#
# `[tool.roster-check]` in a pyproject.toml, or a roster-check.toml (top-level keys, or the
# same [tool.roster-check] table), found from the roster's folder upward: the nearest folder
# with either wins, roster-check.toml before pyproject.toml in the same folder, and a
# pyproject.toml without the table is passed over. Relative paths are relative to the file.

PROJECT_FILES = ("roster-check.toml", "pyproject.toml")
PROJECT_KEYS = ("profiles",)


@dataclass(frozen=True)
class ProjectSettings:
    path: Path  # the file the settings come from
    profiles: Path | None = None  # a folder of country profiles, absolute


def find_project_settings(start: Path) -> ProjectSettings | None:
    """The settings that apply to the folder `start` (and the files in it), if any."""
    # os.stat on strings: this runs once per roster, and pathlib costs ten times more.
    folder = os.path.abspath(start)
    while True:
        for name in PROJECT_FILES:
            candidate = os.path.join(folder, name)
            try:
                stat = os.stat(candidate)
            except OSError:
                continue
            if S_ISREG(stat.st_mode):
                found = _project_settings(Path(candidate), stat.st_mtime_ns, stat.st_size)
                if found is not None:
                    return found
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


@functools.lru_cache(maxsize=64)
def _project_settings(path: Path, mtime_ns: int, size: int) -> ProjectSettings | None:
    """Read once per version of the file (a folder of rosters shares one)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    tool = data.get("tool")
    table = tool.get("roster-check") if isinstance(tool, dict) else None
    where = "tool.roster-check"
    if path.name == "pyproject.toml":
        if table is None:
            return None  # a project that does not configure roster-check
    elif table is None:
        table, where = {k: v for k, v in data.items() if k != "tool"}, ""
    elif set(data) - {"tool"}:
        raise ConfigError(f"{path}: give the settings at the top of the file or in "
                          "[tool.roster-check], not both")  # fmt: skip
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where}: expected a table of settings")
    prefix = f"{where}." if where else ""
    for key in table:
        if key not in PROJECT_KEYS:
            raise ConfigError(f"{path}: {prefix}{key}: unknown key; known keys: "
                              f"{', '.join(PROJECT_KEYS)}")  # fmt: skip
    profiles = table.get("profiles")
    if profiles is None:
        return ProjectSettings(path)
    if not isinstance(profiles, str) or not profiles.strip():
        raise ConfigError(f"{path}: {prefix}profiles: expected the path of a folder of "
                          "profiles, as a string")  # fmt: skip
    folder = Path(profiles).expanduser()
    folder = (folder if folder.is_absolute() else path.parent / folder).resolve()
    if not folder.is_dir():
        raise ConfigError(f"{path}: {prefix}profiles: {profiles!r} is not a folder "
                          f"(looked for {folder})")  # fmt: skip
    return ProjectSettings(path, folder)
