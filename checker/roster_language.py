"""The language a roster is written in, told from its own words (its headers and titles), so
that a suggestion for an unknown title is a title in that language: "Officier de programme"
in a French roster was offered the Spanish "Oficial de Programa", the nearest spelling among
the vocabulary's titles of every language.

The words of each language are those of its message catalogue (checker/messages/*.yaml): the
roster template, the role and header names and the messages are written in them. A word found
in one catalogue only votes for that language; a roster whose words do not decide has no
language, and its suggestions are left as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from checker.messages import LANGUAGES, catalogue, catalogue_path
from checker.text import fold

# Shorter words ("de", "la", "del") are shared by too many languages to vote.
_SHORTEST = 4


def written_in(texts: Iterable[Any]) -> str | None:
    """The language most of the texts' own words belong to; None when none, or a tie."""
    votes: Counter[str] = Counter()
    for text in texts:
        for word in _words_of(text):
            for lang in LANGUAGES:
                if word in _own_words(lang):
                    votes[lang] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def says_in(text: Any, lang: str) -> bool:
    """Whether a text (a title) may be in the language: none of its words is another
    language's only ("projet", in no catalogue, does not make "Chargée de projet" foreign)."""
    others = [_words(other) for other in LANGUAGES if other != lang]
    return all(word in _words(lang) or not any(word in words for words in others)
               for word in _words_of(text))  # fmt: skip


def forms_of(role: str, lang: str) -> list[str]:
    """The titles of a role in a language: the template's (both genders) and the role's name."""
    words = catalogue(lang)
    titles = (words.section("template").get("titles") or {}).get(role) or []
    name = (words.section("names").get("roles") or {}).get(role)
    return [str(t) for t in [*titles, *([name] if name else [])]]


def _words_of(text: Any) -> list[str]:
    return [w for w in fold(text).split() if len(w) >= _SHORTEST and not w.isdigit()]


def _words(lang: str) -> frozenset[str]:
    return _catalogue_words()[lang]


@cache
def _catalogue_words() -> dict[str, frozenset[str]]:
    """The words of every catalogue, from the cache between runs when it holds these very
    catalogues read by this very code (checker.runcache): folding their ~100,000 characters
    cost a roster with a title to suggest ~40 ms, against well under 1 ms to unpickle them."""
    from importlib.util import find_spec

    from checker import runcache

    package = Path(__file__).parent
    code = [package / f"{m}.py" for m in ("roster_language", "text", "config")]
    code.append(package / "messages" / "__init__.py")
    yaml = find_spec("yaml")  # its version, without importing it
    if yaml is not None and yaml.origin is not None:
        code.append(Path(yaml.origin))
    cache_ = runcache.cache_file("words", [*map(catalogue_path, LANGUAGES), *code])
    words = runcache.read(cache_, dict) if cache_ is not None else None
    if (
        words is None
        or set(words) != set(LANGUAGES)
        or not all(isinstance(w, frozenset) for w in words.values())
    ):
        words = {lang: _fold_words(lang) for lang in LANGUAGES}
        if cache_ is not None:
            runcache.keep(words, cache_)
    return words


def _fold_words(lang: str) -> frozenset[str]:
    return frozenset(w for text in _texts(catalogue(lang).data) for w in _words_of(text))


@cache
def _own_words(lang: str) -> frozenset[str]:
    others = [_words(other) for other in LANGUAGES if other != lang]
    return _words(lang).difference(*others)


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
