"""Which roster field a column holds: by its header, its HXL hashtag, a keyword inside a
question-like header, or a mapping the user gave.

Light on purpose (no pydantic, no pandas): batch workers read the header names straight from
schemas/columns.yaml (and the organisation names from schemas/vocabulary.yaml) and match them
here, before the parent process has imported either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.dates import without_date_format
from checker.lazyre import lazy
from checker.text import fold

# A form's "if other, specify" column: its text stands for an "Other" answer beside it.
OTHER_ANSWER = "other_answer"
# The kind of a column whose header says its cells are who should come ("Expected
# representative", "Représentation requise"): never read as who came.
EXPECTED = "expected"
# Fields a header naming what was planned may still be: "Planned date", "Réunion prévue".
_PLANNED_FIELDS = frozenset({"date", "platform", "location"})
# Presence words that answer other questions too: under a presence header "No" says absent,
# in a column of another kind it may say anything ("Voting member: No").
_ANSWERS = frozenset({"no", "n", "non", "nao", "0", "false", "faux", "falso"})
# A bracketed part of a header: "(1/0)" in "Présence OIM (1/0)" is no form group.
_BRACKETED = re.compile(r"\([^()]*\)")
_OTHER_ANSWER = frozenset({"other", "autre", "otro", "otra", "specify", "precisez", "preciser",
                           "especifique", "especificar"})  # fmt: skip

# Words an organisation's cell may have after its name: a place or an office ("IOM Sub-Office
# Gambella"); more is a remark that starts with one ("IOM represented by a Programme Officer").
_PLACE_WORDS = 3
# organisation_kind's answers kept at most: a few thousand distinct cells make a roster.
_KINDS_KEPT = 100_000
# How a column's field was found; said in "how the file was read".
BY_HEADER = "header"
BY_USER = "user"
BY_HXL = "hxl"
BY_KEYWORD = "keyword"
BY_CONTENTS = "contents"

# HXL hashtags (https://hxlstandard.org) → field; attributes refine #contact.
_HXL_TAGS = {"#date": "date", "#org": "organization", "#sector": "sector", "#cluster": "sector",
             "#meeting": "platform", "#event": "platform", "#activity": "platform",
             "#adm1": "location", "#adm2": "location", "#adm3": "location", "#loc": "location",
             "#location": "location", "#geo": "location"}  # fmt: skip
_HXL_CONTACT = {"name": "attendee", "title": "title", "position": "title", "job": "title",
                "function": "title", "role": "capacity", "email": "email"}  # fmt: skip
# A cell that is one e-mail address ("mailto:" and spaces around allowed), its domain.
_ADDRESS = lazy(r"^\s*(?:mailto:)?[\w.+'-]+@((?:[\w-]+\.)+[a-z]{2,})\s*$", re.IGNORECASE)
# The spaced slash between a header's two languages ("Position / Funcție"); a form's group
# prefix is written unspaced ("meeting/platform").
_BILINGUAL = re.compile(r"\s+/\s+")
_HXL_TAG = re.compile(r"^#[a-z][a-z0-9_]*(?:\s*\+\s*[a-z][a-z0-9_]*)*$")


def is_hxl_tag(value: object) -> bool:
    return isinstance(value, str) and bool(_HXL_TAG.match(value.strip().lower()))


def hxl_field(tag: str) -> str | None:
    """`#contact+name` → attendee, `#org+name` → organization, `#meeting+type` → platform."""
    parts = [p.strip() for p in tag.strip().lower().split("+")]
    if parts[0] == "#contact":
        return next((_HXL_CONTACT[a] for a in parts[1:] if a in _HXL_CONTACT), None)
    return _HXL_TAGS.get(parts[0])


def platform_names(words: Mapping[str, Any]) -> list[str]:
    """The codes, names and aliases of vocabulary.yaml's platforms and sectors."""
    return [name for group in ("platforms", "sectors") for code, entry in words[group].items()
            for name in (code, entry["name"], *entry.get("aliases", []))]  # fmt: skip


def platform_codes(words: Mapping[str, Any]) -> dict[str, str]:
    """Each folded name of a platform or sector → its code ("humanitarian country team" and
    "hct" → HCT): to tell that two texts name the same platform."""
    return {fold(name): code for group in ("platforms", "sectors")
            for code, entry in words[group].items()
            for name in (code, entry["name"], *entry.get("aliases", [])) if fold(name)}  # fmt: skip


def title_names(words: Mapping[str, Any]) -> list[str]:
    """Every role's names and the titles a sector makes, as vocabulary.yaml writes them."""
    roles = words.get("roles", {})
    return [*(n for r in roles.values() for n in (r.get("name", ""), *r.get("aliases", []))),
            *(n for ns in words.get("sector_titles", {}).values() for n in ns)]  # fmt: skip


def platform_only_names(words: Mapping[str, Any]) -> list[str]:
    """The codes, names and aliases of vocabulary.yaml's platforms (not its sectors)."""
    return [name for code, entry in words["platforms"].items()
            for name in (code, entry["name"], *entry.get("aliases", []))]  # fmt: skip


# Words a platform's cell may hold around its name ("Monthly HCT meeting", "Réunion
# mensuelle de l'EHP", "Reunión ordinaria del UNCT"): with the words of the platforms' and
# sectors' names, a cell of nothing else reads as a platform (a column by its contents).
_PLATFORM_FILLERS = frozenset({
    "meeting", "meetings", "reunion", "reuniones", "reuniao", "session", "sesion", "sessao",
    "monthly", "weekly", "mensuel", "mensuelle", "mensual", "mensal", "semanal",
    "hebdomadaire", "ordinary", "ordinaire", "ordinaria", "ordinario",
    "extraordinary", "extraordinaire", "extraordinaria", "special", "speciale", "especial",
    "the", "of", "de", "del", "la", "las", "los", "el", "l", "d", "du", "des", "le", "les",
    "da", "do", "das", "dos", "y", "et", "and", "e", "national", "nationale", "nacional",
})  # fmt: skip


def with_modes(presence: Mapping[Any, Iterable[str]], modes: Iterable[str]) -> dict[str, list[str]]:
    """The presence words with the ways of attending ("In person", "Virtual") among the words
    of presence: in an attendance column they say the person was there."""
    said = {str(code): list(words) for code, words in presence.items()}
    said["present"] = [*said.get("present", []), *modes]
    return said


def _within(domain: str, known: frozenset[str]) -> bool:
    """Whether a (lower-case) e-mail domain is one of `known` or a subdomain of one."""
    return any(domain == d or domain.endswith("." + d) for d in known)


# The most words a header saying who should come has ("Expected IOM representative (name)").
_HEADER_WORDS = 6


@dataclass(frozen=True)
class Headers:
    """What reading a roster's header row takes from the data files: each field's header
    names (folded), the other columns rosters carry (N°, Signature, Email, a form's
    Timestamp), keywords that name a field inside a question, and how organisations are
    written (to tell an organisation column by its contents)."""

    fields: dict[str, str]  # folded header text → field
    required: frozenset[str]
    others: dict[str, str] = field(default_factory=dict)  # folded header → kind of column
    keywords: dict[str, str] = field(default_factory=dict)  # folded word → field
    iom: frozenset[str] = frozenset()  # folded ways of writing IOM
    organisations: frozenset[str] = frozenset()  # folded names of other agencies
    # Folded words the vocabulary's presence list calls absent and that say only that, in
    # whatever column they stand ("apologies" in a Signature column); see `_ANSWERS`.
    absent: frozenset[str] = frozenset()
    # Every presence word and mark as written in the vocabulary → present/absent (folded; a
    # mark such as "✓" as written): to tell a presence column by its contents, and a legend.
    presence: dict[str, str] = field(default_factory=dict)
    user: dict[str, str] = field(default_factory=dict)  # folded header → field, given by the user
    # Folded names of the platforms and sectors ("hct", "ehp", "cluster", "protection"): a
    # sheet's name or heading that holds one may name the meeting of a table without a
    # platform column (stage two decides which, with the whole vocabulary).
    platforms: frozenset[str] = frozenset()
    # Folded words that say a sheet lists contacts ("liste des points focaux"): not a roster.
    contacts: frozenset[str] = frozenset()
    # Folded words that say a sheet lists who is expected, not who came ("participants
    # attendus"), words of a header that say its cells are who should come ("required"), and
    # words that say a sheet sums up the others ("resumen").
    expected_lists: frozenset[str] = frozenset()
    expected_words: frozenset[str] = frozenset()
    summaries: frozenset[str] = frozenset()
    # Folded names of the platforms alone ("hct", "cluster", "equipo de pais de la onu"), and
    # every word a platform's cell may hold: to tell a platform column by its contents.
    platform_only: frozenset[str] = frozenset()
    platform_words: frozenset[str] = frozenset()
    codes: dict[str, str] = field(default_factory=dict)  # folded platform or sector name → code
    # E-mail domains of IOM and of other organisations (lower case), to see an address that
    # contradicts its row's organisation.
    iom_domains: frozenset[str] = frozenset()
    other_domains: frozenset[str] = frozenset()
    # Folded words of the roles' names and of the titles a sector makes ("chief", "mission",
    # "representative", "officer"), agencies' names aside: to tell a column of titles.
    title_words: frozenset[str] = frozenset()
    # Folded roles a meeting app's export gives ("organizer", "attendee", "participante"): a
    # column of these is neither the title nor the capacity (Teams' "Role" / "Função").
    app_roles: frozenset[str] = frozenset()
    # Folded ways of attending ("in person", "virtual", "en ligne"): present in an attendance
    # column, but a column of nothing else says how people attended, not whether.
    modes: frozenset[str] = frozenset()
    _seen: dict[str, tuple[str | None, str]] = field(default_factory=dict, compare=False,
                                                     repr=False)  # fmt: skip
    # organisation_kind's answers, per (cell, strict): see there.
    _kinds: dict[tuple[str, bool], str | None] = field(default_factory=dict, compare=False,
                                                       repr=False)  # fmt: skip

    @classmethod
    def build(
        cls,
        columns: Iterable[tuple[str, Iterable[str], bool]],
        others: Mapping[str, Iterable[str]] | None = None,
        keywords: Mapping[str, Iterable[str]] | None = None,
        organisation: Mapping[Any, Iterable[str]] | None = None,
        presence: Mapping[Any, Iterable[str]] | None = None,
        platforms: Iterable[str] = (),
        contacts: Iterable[str] = (),
        platform_only: Iterable[str] = (),
        titles: Iterable[str] = (),
        email_domains: Mapping[Any, Iterable[str]] | None = None,
        app_roles: Iterable[str] = (),
        modes: Iterable[str] = (),
        expected_lists: Iterable[str] = (),
        expected_words: Iterable[str] = (),
        summaries: Iterable[str] = (),
        codes: Mapping[str, str] | None = None,
    ) -> Headers:
        """From (field, its header names, whether required) in the file's order, the other
        columns by kind, the keywords by field, the organisation names (iom, others), the
        presence words (present, absent) and the names of platforms and sectors."""
        fields: dict[str, str] = {}
        required = set()
        for name, aliases, needed in columns:
            for alias in (name, *aliases):  # the first field to claim a header keeps it
                fields.setdefault(fold(alias), name)
            if needed:
                required.add(name)
        other_columns = {fold(a): kind for kind, names in (others or {}).items() for a in names}
        words = {fold(w): name for name, ws in (keywords or {}).items() for w in ws}
        organisation = organisation or {}
        return cls(
            fields, frozenset(required), other_columns, words,
            frozenset(fold(a) for a in organisation.get("iom", [])),
            frozenset(fold(a) for a in organisation.get("others", [])),
            frozenset(fold(w) for w in (presence or {}).get("absent", []) if fold(w)) - _ANSWERS,
            platforms=(named := frozenset(fold(n) for n in platforms if fold(n))),
            platform_only=frozenset(fold(n) for n in platform_only if fold(n)),
            codes=dict(codes or {}),
            platform_words=frozenset(w for n in named for w in n.split()) | _PLATFORM_FILLERS
            | {fold(w) for w in (keywords or {}).get("platform", [])},
            contacts=frozenset(fold(w) for w in contacts if fold(w)),
            expected_lists=frozenset(fold(w) for w in expected_lists if fold(w)),
            expected_words=frozenset(fold(w) for w in expected_words if fold(w)),
            summaries=frozenset(fold(w) for w in summaries if fold(w)),
            title_words=frozenset(
                w for t in titles for w in fold(t).split() if len(w) > 3
            ) - {w for n in (*organisation.get("iom", []), *organisation.get("others", []))
                 for w in fold(n).split()},
            presence={fold(w) or w.strip(): code
                      for code, ws in with_modes(presence or {}, modes).items() for w in ws},
            iom_domains=frozenset(d.lower() for d in (email_domains or {}).get("iom", [])),
            other_domains=frozenset(d.lower() for d in (email_domains or {}).get("others", [])),
            app_roles=frozenset(fold(w) for w in app_roles if fold(w)),
            modes=frozenset(fold(w) for w in modes if fold(w)),
        )  # fmt: skip

    @classmethod
    def read(cls, path: Path) -> Headers:
        """Straight from columns.yaml (and the organisation names of vocabulary.yaml beside
        it), without validating them (which needs pydantic): for the readers of a batch.
        Raises on anything unexpected; the caller then loads the vocabulary, whose
        validation says what is wrong."""
        import yaml

        from checker.config import SafeLoader

        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # safe
        words = yaml.load(  # safe
            (path.parent / "vocabulary.yaml").read_text(encoding="utf-8"), Loader=SafeLoader
        )
        return cls.build(
            ((name, list(entry.get("aliases", [])), bool(entry.get("required", False)))
             for name, entry in data["columns"].items()),
            data.get("other_columns", {}),
            data.get("keywords", {}),
            words["organisation"],
            words["presence"],
            platform_names(words),
            data.get("contact_lists", []),
            platform_only_names(words),
            title_names(words),
            email_domains=words.get("email_domains", {}),
            app_roles=words.get("meeting_app_roles", []),
            modes=words.get("attendance_modes", []),
            expected_lists=data.get("expected_lists", []),
            expected_words=data.get("expected_columns", []),
            summaries=data.get("summary_sheets", []),
            codes=platform_codes(words),
        )  # fmt: skip

    def names_platform(self, text: object) -> bool:
        """Whether a text holds the name of a platform or sector as whole words."""
        key = f" {fold(text)} "
        return any(f" {name} " in key for name in self.platforms)

    def reads_as_platform(self, value: object) -> bool:
        """Whether a cell is a platform's name and nothing else but words around it ("EHP",
        "Clúster de Protección", "Monthly HCT meeting"); not "Cluster Coordinator" (a title)
        nor "Protección" (a sector alone)."""
        if not isinstance(value, str):
            return False
        key = fold(value)
        words = key.split()
        if not words or not all(w in self.platform_words for w in words):
            return False
        return any(f" {name} " in f" {key} " for name in self.platform_only)

    def with_user(self, mapping: Mapping[str, str]) -> Headers:
        """These headers with the user's own mapping (field → header text) tried first."""
        if not mapping:
            return self
        user = {fold(header): name for name, header in mapping.items()}
        return replace(self, user=user, _seen={}, _kinds={})

    def presence_word(self, value: object) -> str | None:
        """ "present" or "absent" when a cell is one of the vocabulary's presence words or
        marks ("Oui", "✓", "Ausente"), else None."""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            return None
        text = str(value)
        if len(text.strip()) == 1 and not text.strip().isascii():  # "ý" is no "Y" (Wingdings' ☒)
            return self.presence.get(text.strip())
        return self.presence.get(fold(text) or text.strip())

    def iom_domain(self, domain: str) -> bool:
        """Whether an e-mail domain is IOM's, its subdomains included ("geneva.iom.int")."""
        return _within(domain.lower(), self.iom_domains)

    def email_kind(self, value: object) -> tuple[str, str] | None:
        """("iom" or "other", the address) when a cell is one e-mail address whose domain is
        IOM's or a known other organisation's ("x@acnur.org", "x@ocha.un.org"); None for any
        other cell, a personal address ("x@gmail.com") or a domain not known."""
        if type(value) is not str:
            return None
        match = _ADDRESS.match(value)
        if match is None:
            return None
        domain = match.group(1).lower()
        for kind, known in (("iom", self.iom_domains), ("other", self.other_domains)):
            if _within(domain, known):
                return kind, match.group(0).strip()
        return None

    def names_contacts(self, text: object) -> bool:
        """Whether a sheet's name or heading says it lists contacts ("Contacts CCCM")."""
        key = f" {fold(text)} "
        return any(f" {words} " in key for words in self.contacts)

    def names_expected(self, text: object) -> bool:
        """Whether a sheet's name or heading says it lists who is expected at meetings
        ("Expected participants", "Représentation requise", "Convocados")."""
        key = f" {fold(text)} "
        return any(f" {words} " in key for words in self.expected_lists)

    def names_summary(self, text: object) -> bool:
        """Whether a sheet's name or heading says it sums up other sheets ("Summary",
        "Récapitulatif", "Resumen de participación")."""
        key = f" {fold(text)} "
        return any(f" {words} " in key for words in self.summaries)

    def names_iom(self, text: str) -> bool:
        """Whether a text names IOM anywhere in it ("Excusés : OIM (Chef de mission), FAO")."""
        key = f" {fold(text)} "
        return any(f" {name} " in key for name in self.iom)

    def match(self, text: str) -> str | None:
        """The field a header cell names, if any."""
        return self.read_header(text)[0]

    def read_header(self, text: str) -> tuple[str | None, str]:
        """(field or None, how it was found) for a header cell; each distinct text once. An
        unmatched header's "how" is the kind of column it is ("email", "number", …) or ""."""
        try:
            return self._seen[text]
        except KeyError:
            found = self._seen[text] = self._read(text)
            return found

    def _read(self, text: str) -> tuple[str | None, str]:
        text = without_date_format(text)  # "Data (dd/mm/aaaa)": the header "Data"
        key = fold(text)
        if not key:
            return None, ""
        if key in self.user:
            return self.user[key], BY_USER
        if key in self.organisations and text.strip().isupper():
            return None, ""  # "WHO" is the agency (an agency matrix's column), "Who" the names
        if key in self.fields:
            return self.fields[key], BY_HEADER
        if key in self.others:
            return None, self.others[key]
        if is_hxl_tag(text):
            return hxl_field(text), BY_HXL
        # A form's group prefix: "meeting/platform", "Réunion/Secteur du cluster"; not a slash
        # in brackets ("Présence OIM (1/0)").
        bare = _BRACKETED.sub(" ", text)
        last = fold(re.split(r"[/:]", bare)[-1]) if ("/" in bare or ":" in bare) else ""
        if last and last != key:
            if last in self.fields:
                return self.fields[last], BY_HEADER
            if last in self.others:
                return None, self.others[last]
            key = last
        if _OTHER_ANSWER & set(key.split()):
            return None, OTHER_ANSWER  # "meeting/platform_other", "Si autre, précisez"
        # A header in two languages, "Position / Funcție", "Date / Data": the side that is a
        # known header when the other (last) side names nothing.
        halves = _BILINGUAL.split(bare)
        if len(halves) == 2 and not self.keyword_fields(key):
            first = fold(halves[0])
            if first in self.fields:
                return self.fields[first], BY_HEADER
        found = self.keyword_fields(key)
        # "Expected representative", "Représentation requise", "Invited": who should come,
        # never who came; a date or a meeting planned ("Planned date") is still the date.
        # A header, not a sentence: a cell of a finding's text ("… below the level required;
        # the HCT requires …", the annotated copy's Findings sheet) names no column.
        words = fold(text).split()
        if self.expected_words & set(words) and len(words) <= _HEADER_WORDS and (
                not found or found[0] not in _PLANNED_FIELDS):  # fmt: skip
            return None, EXPECTED
        return (found[0], BY_KEYWORD) if found else (None, "")

    def alternatives(self, text: str) -> list[str]:
        """Every field a header may name by keyword, the likeliest first (for when the
        likeliest is taken by an earlier column)."""
        last = re.split(r"[/:]", text)[-1] if ("/" in text or ":" in text) else text
        return self.keyword_fields(fold(last))

    def keyword_fields(self, key: str) -> list[str]:
        """The fields a folded header names by keyword, the likeliest first: "Which meeting
        did you attend today?" → platform. A header naming two fields ("Date of the
        meeting") puts the head word first: the first in "X of Y" (and in French and
        Spanish), else the last ("Participant name")."""
        words = key.replace("_", " ").split()
        found = list(dict.fromkeys(self.keywords[w] for w in words if w in self.keywords))
        linked = any(w in {"of", "de", "du", "des", "del", "d"} for w in words)
        return found if linked else found[::-1]

    def names_others(self, value: Any) -> bool:
        """Whether a remark speaks of another organisation's people: it starts with an
        organisation other than IOM ("UNICEF rep attended for the cluster", "WFP"), or says
        "non-IOM staff". A note that names IOM alone ("No IOM rep – CoM travelling") says
        nothing of whose people a log lists, nor does an organisation named further into a
        sentence, as who did something ("Réunion annulée la veille par le BCR", "convened by
        OCHA", field15 CHE): not an attendee's organisation."""
        if not isinstance(value, str):
            return False
        words = fold(value).split()
        for size in range(min(len(words), 6), 0, -1):
            head = " ".join(words[:size])
            if head in self.organisations:
                return True
            if head in self.iom:
                break
        padded = f" {' '.join(words)} "
        return any(f" non {name} " in padded for name in self.iom)

    def app_roles_only(self, values: list[Any]) -> bool:
        """Whether a column's values are all roles a meeting app gives (Organizer, Attendee,
        Participante): Teams' own column, not the person's title nor capacity."""
        return bool(values) and all(fold(v) in self.app_roles for v in values)

    def reads_as_title(self, value: Any) -> bool:
        """Whether a cell is a title ("Chief of Mission", "Representative", "Chargée de
        programme") rather than an organisation's name."""
        if not isinstance(value, str) or self.organisation_kind(value, strict=True) is not None:
            return False
        return any(word in self.title_words for word in fold(value).split())

    def organisation_kind(self, value: Any, strict: bool = False) -> str | None:
        """ "iom" or "other" when a cell names an organisation ("IOM Ethiopia", "UNICEF
        Gambella", "IOM represented by the PO"), else None. `strict`: only a cell that is an
        organisation's name, with at most a place or office after it — not a remark that
        starts with one ("IOM: CCCM cluster coordinator (S. Gurung)").

        Each distinct cell is read once: a cell that names no organisation is compared with
        every name (~90) before it is said to be none, and layout asks this of every title
        and organisation cell, several times (10 ms of a 400-row roster's ~18)."""
        if not isinstance(value, str):
            return None
        try:
            return self._kinds[value, strict]
        except KeyError:
            pass
        if len(self._kinds) >= _KINDS_KEPT:  # a sheet of a million distinct cells
            self._kinds.clear()
        kind = self._kinds[value, strict] = self._organisation_kind(value, strict)
        return kind

    def _organisation_kind(self, value: str, strict: bool) -> str | None:
        key = fold(value)
        if not key:
            return None
        if "@" in value and " " not in value.strip():  # "@iom.int", "x@unicef.org"
            domain = value.strip().lower().rpartition("@")[2]
            return "iom" if self.iom_domain(domain) else "other"
        words = key.split()
        if strict and (":" in value or len(words) > 12):
            return None
        for size in range(min(len(words), 6), 0, -1):
            head = " ".join(words[:size])
            if head in self.iom or head in self.organisations:
                if strict and len(words) - size > _PLACE_WORDS:
                    return None
                return "iom" if head in self.iom else "other"
        # An organisation named further in ("non-IOM", "seconded from OCHA"): still a cell
        # about organisations, not IOM's.
        padded = f" {key} "
        if strict and len(words) > _PLACE_WORDS + 1:
            return None
        if any(f" {name} " in padded for name in (*self.iom, *self.organisations)):
            return "other"
        return None
