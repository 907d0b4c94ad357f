"""Libraries that pandera imports at start-up but the checker's schema never calls, loaded
only when something first uses them (the command's own process; see checker.cli.run).

typeguard: pandera's pandas engine imports it for one purpose, checking the elements of a
column typed with a generic (List[int], a TypedDict), which the checker's schema has none
of. Its package imports `unittest.mock` (and with it asyncio and ssl) and scans the
installed packages' entry points for plugins: ~0.045 s of a one-roster run, a tenth of
it. pandera still validates every frame; only the loading of that package waits until
first use (any attribute of it other than the two pandera reads at import time).
"""

from __future__ import annotations

import importlib.util
import sys
import types


def defer_typeguard() -> None:
    """Put a `typeguard` in sys.modules whose package code runs on first use; do nothing if it
    is imported already or not installed."""
    if "typeguard" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("typeguard")
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return
    loader = spec.loader
    module = importlib.util.module_from_spec(spec)

    class Deferred(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            # The first name not set below: run the package's own __init__ in this module,
            # which then is an ordinary module (its own __getattr__ included).
            self.__class__ = types.ModuleType  # type: ignore[assignment]
            loader.exec_module(self)
            return getattr(self, name)

    module.__class__ = Deferred
    sys.modules["typeguard"] = module
    try:
        # What pandera's pandas engine reads from typeguard when it is imported: two small
        # modules of the package, which import nothing heavy.
        from typeguard._config import CollectionCheckStrategy
        from typeguard._exceptions import TypeCheckError
    except Exception:  # another typeguard: let the package load as usual
        for name in [n for n in sys.modules if n == "typeguard" or n.startswith("typeguard.")]:
            del sys.modules[name]
        return
    module.__dict__.update(CollectionCheckStrategy=CollectionCheckStrategy,
                           TypeCheckError=TypeCheckError)  # fmt: skip
