"""A JSON document written as its list of items comes, with the same text json.dumps would
give for the whole: a report of thousands of files is never held as one string."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from checker.reporters import json_safe

# Stand-ins, in the document, for the list written item by item and for the value known only
# once the items are written (the summary). A roster's text never reaches the document
# itself, only the items, so they cannot be mistaken for data.
ITEMS = ["\x00first item\x00", "\x00second item\x00"]
LATER = "\x00later\x00"


def dump(
    document: Any, items: Iterable[Any], stream: TextIO, indent: int | None = None,
    later: Callable[[], Any] | None = None,
) -> None:  # fmt: skip
    """Write json.dumps(document) (ensure_ascii off, through json_safe), where the list ITEMS
    stands for `items`, each dumped as it comes, and LATER for later(), called after them."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, indent=indent)

    template = dumps(document)
    first, second = dumps(ITEMS[0]), dumps(ITEMS[1])
    head, _, rest = template.partition(first)
    separator, _, rest = rest.partition(second)
    before, after = head.rpartition("[")[0] + "[", rest[rest.index("]") :]
    opening, closing = head[len(before) :], rest[: len(rest) - len(after)]

    def nested(value: Any, before: str) -> str:
        # An indented value's inner lines start at the indentation of the line it opens on.
        return dumps(value).replace("\n", "\n" + _margin(before))

    stream.write(json_safe(before))
    written = 0
    for item in items:
        stream.write(json_safe((separator if written else opening) + nested(item, head)))
        written += 1
    if written:
        stream.write(json_safe(closing))
    if later is None:
        stream.write(json_safe(after))
        return
    middle, _, tail = after.partition(dumps(LATER))
    stream.write(json_safe(middle + nested(later(), middle) + tail))


def _margin(text: str) -> str:
    """The spaces that start the last line of `text`."""
    line = text.rpartition("\n")[2]
    return line[: len(line) - len(line.lstrip(" "))]
