"""The modules of checker/ import one way: no module reaches, even inside a function (type
annotations aside), a module that imports it back (the reader below the metadata, the
stages below the batch runner, the batch runner below the API)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "checker"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The checker modules `path` imports, anywhere in it; a package's own __init__ aside."""
    here = _module(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != here and not here.startswith(name + "."):
                found.add(name)
    return found


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:` (annotations only, never run)."""
    nodes, todo = [], [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return nodes


def test_no_import_cycle_in_checker():
    files = list(PACKAGE.rglob("*.py"))
    modules = {_module(path) for path in files}
    graph = {_module(path): _imports(path, modules) for path in files}
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise AssertionError(f"import cycle: {' -> '.join(exc.args[1])}") from None


def test_the_reader_does_not_reach_up_to_the_metadata():
    modules = {_module(path) for path in PACKAGE.rglob("*.py")}
    assert "checker.metadata" not in _imports(PACKAGE / "reader.py", modules)


def test_the_command_leaves_at_once_with_every_output_flushed(tmp_path):
    """The console script skips the interpreter's shutdown (issue 15): what it printed or
    wrote must all be there, with the exit status."""
    import json
    import subprocess
    import sys

    roster = PACKAGE.parent / "sample_rosters" / "ETH_2026-10.xlsx"
    command = [sys.executable, "-m", "checker", "check", str(roster), "--format", "json"]
    printed = subprocess.run(command, capture_output=True, text=True, check=False)
    written = subprocess.run([*command, "-o", str(tmp_path / "out.json")], capture_output=True,
                             text=True, check=False)  # fmt: skip
    assert (printed.returncode, written.returncode) == (1, 1)
    assert json.loads(printed.stdout) == json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert json.loads(printed.stdout)["summary"]["files"] == 1
