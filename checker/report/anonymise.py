"""`--anonymise`: people's names replaced by their role in every output of a report.

Names reach a report in two places: the IOM attendees of a meeting (replaced by the role's
name from the vocabulary, else the title as written) and the words of findings, which quote
names ("a Programme Officer (J. Okoro)", "IOM attendee X has no position title", "X is
listed twice"). A finding checked in this run keeps its fields: its message is rendered again
with each name replaced by its role from `NameScrubber.names` (Finding.rendered), and no text
is matched. `scrub` is only for results read back from JSON (`report --db`, the server's
store), which have no fields: their messages are scrubbed with the names the file's meetings
record and with patterns made from the message catalogue, so that a name on a rejected row
(not in any meeting) is caught too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from checker.messages import WITHHELD

_FIELD = re.compile(r"\{(\w+)\}")


def _template_patterns() -> list[re.Pattern[str]]:
    from checker.messages import LANGUAGES, catalogue

    patterns = []
    # Messages may be in any language of the catalogue (check --lang).
    templates = dict.fromkeys(
        str(t) for lang in LANGUAGES for t in catalogue(lang).section("messages").values()
    )  # English first, in catalogue order
    for template in templates:
        if "{name}" not in template:
            continue
        parts = _FIELD.split(template)
        # split() alternates literal text and field names.
        regex = "".join(
            re.escape(part) if i % 2 == 0 else ("(?P<name>.+?)" if part == "name" else ".*?")
            for i, part in enumerate(parts)
        )
        patterns.append(re.compile(regex, re.DOTALL))
    return patterns


class NameScrubber:
    """Replaces names with roles; `learn(result)` before scrubbing that file's messages."""

    def __init__(self, role_names: Mapping[str, str]) -> None:
        self.role_names = role_names
        self.templates = _template_patterns()
        self.names: dict[str, str] = {}
        self._in_brackets: re.Pattern[str] | None = None
        self._bare: re.Pattern[str] | None = None

    def role_of(self, person: Mapping[str, Any]) -> str:
        role = person.get("role")
        return str(self.role_names.get(role or "") or person.get("title") or role or "IOM attendee")

    def learn(self, result: Mapping[str, Any]) -> None:
        """The names of one file's IOM attendees (replacing those of the previous file)."""
        self.names = {}
        for meeting in result.get("meetings", ()):
            for person in meeting.get("iom_attendees", ()):
                name = str(person.get("name") or "").strip()
                if len(name) >= 2:
                    self.names.setdefault(name, self.role_of(person))
        if self.names:
            alternatives = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            self._in_brackets = re.compile(rf"\s*\((?:{alternatives})\)")
            self._bare = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        else:
            self._in_brackets = self._bare = None

    def scrub(self, message: str) -> str:
        """A message read back from JSON, without the names it quotes."""
        for pattern in self.templates:
            match = pattern.match(message)
            if match and match.group("name"):
                name = match.group("name")
                message = message[: match.start("name")] + self.names.get(name, WITHHELD) + \
                    message[match.end("name") :]  # fmt: skip
        if self._in_brackets is not None and self._bare is not None:
            # "a Programme Officer (J. Okoro)" → "a Programme Officer": the title says the role.
            message = self._in_brackets.sub("", message)
            message = self._bare.sub(lambda m: self.names[m.group(0)], message)
        return message
