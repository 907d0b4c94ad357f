"""Loading the YAML data files in schemas/ (and profiles) into validated models.

A broken data file must give one precise message — file, line, key — and never a traceback,
so every load goes through `load_model`, which turns YAML and pydantic errors into ConfigError.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class ConfigError(Exception):
    """A data file (schemas/*.yaml, a profile) is unreadable or invalid. The CLI exits 2."""


def schemas_dir() -> Path:
    """schemas/ beside the package in a checkout; the checker.schemas package once installed."""
    checkout = Path(__file__).resolve().parent.parent / "schemas"
    if (checkout / "vocabulary.yaml").is_file():
        return checkout
    return Path(str(resources.files("checker.schemas")))


def load_model(path: Path, model: type[Model]) -> Model:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: expected a mapping of keys at the top of the file")
    try:
        return model.model_validate(data, context={"path": path})
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        line = _line_of(node, loc)
        key = ".".join(str(p) for p in loc) or "(top level)"
        msg = first["msg"]
        if first["type"] == "extra_forbidden":
            msg = "unknown key"
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise ConfigError(f"{path}:{line}: {key}: {msg}{more}") from None


def _line_of(node: Any, loc: Sequence[Any]) -> int:
    """The 1-based line of the YAML node at `loc` (or of its deepest existing parent)."""
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
