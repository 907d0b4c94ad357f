"""Which form of a word a count takes, by the language's own plural rules (CLDR, through
Babel): French says "0 réunion, 1 réunion, 2 réunions", Spanish and English "0 reuniones",
"0 meetings". Every catalogue (the checker's, the report's, the server's) picks its forms here.

A catalogue writes a count-dependent text in one of two ways:
- a mapping of forms, chosen by the value `n`: `{one: "{n} meeting", other: "{n} meetings"}`;
- inside any text, ICU's plural syntax, for a sentence with several counts:
  `"{files, plural, one {# file} other {# files}}: {compliant} compliant"` (`#` is the count,
  `=0 {…}` an exact value). A form a language lacks (French "many") falls back to `other`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from checker.lazyre import lazy

_PLURAL = lazy(r"\{(\w+), *plural, *")
_BRANCH = lazy(r"\s*(=\d+|zero|one|two|few|many|other)\s*\{")


@cache
def plural_form(lang: str, n: Any) -> str:
    """ "one", "other" (or "many"…) for the count `n` in `lang`."""
    from babel import Locale

    return str(Locale.parse(_LOCALES.get(lang, lang)).plural_form(n))


# The catalogue's Portuguese is Portugal's and Africa's ("ficheiro"), where 0 is plural
# ("0 reuniões"); CLDR's plain "pt" is Brazil's, where 0 is singular.
_LOCALES = {"pt": "pt_PT"}


def choose(entry: Any, lang: str, n: Any) -> Any:
    """The form of a catalogue entry for the count `n` (an entry without forms as it is)."""
    if not isinstance(entry, dict):
        return entry
    return entry.get(plural_form(lang, n), entry["other"])


def expand(text: str, lang: str, values: dict[str, Any]) -> str:
    """`text` with each `{count, plural, …}` replaced by the branch its count selects, the
    count written back as `{count}` (formatted with the other fields afterwards)."""
    if ", plural," not in text and ",plural," not in text:
        return text
    out, at = [], 0
    for match in _PLURAL.finditer(text):
        if match.start() < at:
            continue  # inside a branch already taken
        name = match.group(1)
        branches, end = _branches(text, match.end())
        count = values.get(name, 0)
        exact = f"={count}" if isinstance(count, int) else None
        chosen = branches.get(exact or "", None)
        if chosen is None:
            chosen = branches.get(plural_form(lang, count), branches.get("other", ""))
        out += [text[at : match.start()], expand(chosen, lang, values).replace("#", f"{{{name}}}")]
        at = end
    out.append(text[at:])
    return "".join(out)


def _branches(text: str, start: int) -> tuple[dict[str, str], int]:
    """The `key {text}` branches from `start` to the plural's closing brace, and the index
    after that brace."""
    branches: dict[str, str] = {}
    at = start
    while True:
        match = _BRANCH.match(text, at)
        if match is None:
            close = text.index("}", at)  # the plural's own closing brace
            return branches, close + 1
        depth, i = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        branches[match.group(1)] = text[match.end() : i - 1]
        at = i


def every_branch(text: str) -> str:
    """`text` with each plural written as its count then all its branches: the fields a
    catalogue test compares between languages, whichever branch a count selects."""
    out, at = [], 0
    for match in _PLURAL.finditer(text):
        if match.start() < at:
            continue
        branches, end = _branches(text, match.end())
        name = match.group(1)
        inner = " ".join(every_branch(b).replace("#", "") for b in branches.values())
        out += [text[at : match.start()], f"{{{name}}} {inner}"]
        at = end
    out.append(text[at:])
    return "".join(out)
