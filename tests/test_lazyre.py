"""checker.lazyre: patterns compiled on first use behave as the compiled ones, and none of
the checker's is broken (each is compiled here, not only when a roster first needs it)."""

from __future__ import annotations

import importlib
import pkgutil
import re

from hypothesis import given
from hypothesis import strategies as st

import checker
from checker import lazyre
from checker.lazyre import lazy


def test_every_lazy_pattern_of_the_checker_compiles() -> None:
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name != "checker.server.migrations.env":  # alembic's script, run by alembic
            importlib.import_module(info.name)
    assert len(lazyre.MADE) > 90  # the module-level patterns that moved (the walk found them)
    for pattern in lazyre.MADE:
        assert isinstance(pattern.compiled(), re.Pattern)


def test_methods_before_and_after_compiling() -> None:
    pattern = lazy(r"(\d+)-(\d+)", re.IGNORECASE)
    real = re.compile(r"(\d+)-(\d+)", re.IGNORECASE)
    text = "from 1-2 to 30-40"
    assert pattern.findall(text) == real.findall(text)  # compiles here
    assert pattern.sub(r"\2-\1", text) == real.sub(r"\2-\1", text)
    assert pattern.search(text).span() == real.search(text).span()  # type: ignore[union-attr]
    assert pattern.match(text) is None and pattern.fullmatch("1-2") is not None
    assert pattern.split(text) == real.split(text)
    assert [m.group(0) for m in pattern.finditer(text)] == ["1-2", "30-40"]
    assert pattern.subn("x", text) == real.subn("x", text)
    assert pattern.flags == real.flags and pattern.groups == 2
    assert lazy(rb"a+").findall(b"caaab") == [b"aaa"]


@given(st.text(alphabet="ab-12 ", max_size=20))
def test_same_matches_as_re(text: str) -> None:
    source = r"\b[ab]+(?:-\d)?\b"
    assert lazy(source).findall(text) == re.findall(source, text)
