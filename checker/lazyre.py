"""Regular expressions compiled on first use. Compiling the checker's ~180 module-level
patterns cost every run ~40 ms (a tenth of a one-roster check's own CPU), and most of them
serve layouts, remarks or languages that a given roster never has (issue 15).

`lazy(...)` stands where `re.compile(...)` stood, for a pattern that is only ever called
through its methods (search, match, sub, ...): never passed to `re.*` functions or pandas,
which want a real `re.Pattern`. Once compiled, the pattern's own bound methods are
attributes of the stand-in, so a call costs what it did.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")
# Every stand-in made, so that a test can compile them all (a broken pattern must not wait
# for the one roster that uses it to show).
MADE: list[_Lazy] = []


class _Lazy:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._source = (pattern, flags)
        MADE.append(self)

    def compiled(self) -> re.Pattern[Any]:
        compiled: re.Pattern[Any] = re.compile(*self._source)
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> object:
        # Reached only until the first call has set the methods (or for another name).
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, done when one of its methods is first called."""
    return cast("re.Pattern[AnyStr]", _Lazy(pattern, flags))
