"""A JSON document written as its list of items comes, with the same text json.dumps would
give for the whole: a report of thousands of files is never held as one string, nor a
result of 200,000 findings as one list of dicts and one string."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from checker.reporters import json_safe

# Stand-ins, in the document, for the list written item by item and for the value known only
# once the items are written (the summary). A roster's text never reaches the document
# itself, only the items, so they cannot be mistaken for data.
ITEMS = ["\x00first item\x00", "\x00second item\x00"]
LATER = "\x00later\x00"


class Items:
    """A list, in an item's dict, that is written an element at a time as `elements` makes
    them (FileResult.to_dict's meetings and findings): never held whole, nor its text."""

    __slots__ = ("elements",)

    def __init__(self, elements: Iterable[Any]) -> None:
        self.elements = elements


def dump(
    document: Any, items: Iterable[Any], stream: TextIO, indent: int | None = None,
    later: Callable[[], Any] | None = None,
) -> None:  # fmt: skip
    """Write json.dumps(document) (ensure_ascii off, through json_safe), where the list ITEMS
    stands for `items`, each dumped as it comes, and LATER for later(), called after them.
    An item's dict values that are Items are written an element at a time too."""

    template = _dumps(document, indent)
    first, second = _dumps(ITEMS[0], indent), _dumps(ITEMS[1], indent)
    head, _, rest = template.partition(first)
    separator, _, rest = rest.partition(second)
    before, after = head.rpartition("[")[0] + "[", rest[rest.index("]") :]
    opening, closing = head[len(before) :], rest[: len(rest) - len(after)]
    margin = _margin(head)

    stream.write(json_safe(before))
    written = 0
    for item in items:
        stream.write(json_safe(separator if written else opening))
        for piece in pieces(item, indent, margin):
            stream.write(json_safe(piece))
        written += 1
    if written:
        stream.write(json_safe(closing))
    if later is None:
        stream.write(json_safe(after))
        return
    middle, _, tail = after.partition(_dumps(LATER, indent))
    stream.write(json_safe(middle + _nested(later(), indent, _margin(middle)) + tail))


def pieces(value: Any, indent: int | None, margin: str = "") -> Iterator[str]:
    """json.dumps(value) in pieces, for a value whose text starts on a line indented by
    `margin`: a dict with Items among its values is written member by member, the Items
    element by element (what json.dumps writes, built the same way: nested text is the
    value's own text with `margin` after each line break)."""
    if isinstance(value, Items):
        yield from _sequence("[", "]", ((None, v) for v in value.elements), indent, margin)
    elif isinstance(value, dict) and any(isinstance(v, Items) for v in value.values()):
        yield from _sequence("{", "}", value.items(), indent, margin)
    else:
        yield _nested(value, indent, margin)


def _sequence(
    opening: str, closing: str, members: Iterable[tuple[str | None, Any]], indent: int | None,
    margin: str,
) -> Iterator[str]:  # fmt: skip
    # json's separators: ", " on one line; "," and a new line indented one step further.
    inner = margin + " " * indent if indent is not None else ""
    separator = ", " if indent is None else ",\n" + inner
    first = True
    for key, value in members:
        start = (opening if indent is None else opening + "\n" + inner) if first else separator
        yield start + ("" if key is None else _dumps(key, indent) + ": ")
        yield from pieces(value, indent, inner)
        first = False
    if first:  # empty
        yield opening + closing
    else:
        yield closing if indent is None else "\n" + margin + closing


def _dumps(value: Any, indent: int | None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _nested(value: Any, indent: int | None, margin: str) -> str:
    # An indented value's inner lines start at the indentation of the line it opens on.
    text = _dumps(value, indent)
    return text.replace("\n", "\n" + margin) if margin else text


def _margin(text: str) -> str:
    """The spaces that start the last line of `text`."""
    line = text.rpartition("\n")[2]
    return line[: len(line) - len(line.lstrip(" "))]
