"""The words of every finding and report, written for the person who must fix the spreadsheet.

One catalogue per language (en.yaml, fr.yaml, es.yaml, pt.yaml beside this file), each with the same
keys and the same `{fields}` (tests/test_messages.py holds them to that):
- `messages`: one template per finding kind, keyed "CODE" or "CODE:variant";
- `phrases`: the pieces that go inside messages (who should have sat there, the suggestion);
- `names`: words for the vocabulary's codes (roles, sectors, verdicts, headers…);
- `report`, `workbook`, `template`: the text report, the annotated copy, the roster template;
- `details`: why a file cannot be read (the {detail} of E101, E102, E104), keyed as the
  reader's UnreadableRoster and the server's CheckFailed name it, with their fields;
- `outputs`: the headings, columns and summary lines of the Markdown, GitHub and JUnit formats.

A text that depends on a count is written with ICU's plural syntax, `{n, plural, one {# file}
other {# files}}`, and takes the form the language's rule picks (checker/plurals.py).

Work done side by side appends its keys at the end of a file as `SECTION+TAG:` blocks
(`messages+hardening:`), merged into SECTION when the file is loaded (`_merge_additions`).

The pipeline renders each finding's message in the language of the check: `check_file` runs
inside `language(options.lang)`, and `render` reads that setting. A finding keeps its key and
fields, the words among them as Wording (said when rendered), so that Finding.rendered can say
the message again in another language, or without names. Codes never change with the
language. A key missing from a translation falls back to English rather than failing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.plurals import choose, expand

LANGUAGES = ("en", "fr", "es", "pt")
DEFAULT_LANGUAGE = "en"
SECTIONS = (
    "messages",
    "phrases",
    "names",
    "report",
    "workbook",
    "template",
    "details",
    "outputs",
)

_language: ContextVar[str] = ContextVar("roster_check_language", default=DEFAULT_LANGUAGE)


@contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Render messages in `lang` inside the block (the language of one check)."""
    token = _language.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _language.reset(token)


def current_language() -> str:
    return _language.get()


def catalogue_path(lang: str) -> Path:
    return Path(__file__).with_name(f"{lang}.yaml")


@dataclass(frozen=True)
class Catalogue:
    lang: str
    data: dict[str, Any]
    fallback: Catalogue | None = None

    def section(self, name: str) -> dict[str, Any]:
        return self.data.get(name) or {}

    def lookup(self, section: str, key: str) -> Any:
        value = self.section(section).get(key)
        if value is None and self.fallback is not None:
            return self.fallback.lookup(section, key)
        if value is None:
            raise KeyError(f"{section}.{key}")
        return value

    def message(self, key: str) -> str:
        messages = self.section("messages")
        if key in messages:
            return str(messages[key])
        base = key.split(":")[0]
        if base in messages:
            return str(messages[base])
        if self.fallback is not None:
            return self.fallback.message(key)
        raise KeyError(key)

    def text(self, section: str, key: str, **values: Any) -> str:
        """A report, workbook or template text with its {fields} filled; a count-dependent
        text takes the form its counts need (checker/plurals.py)."""
        values = {k: in_words(v, self) for k, v in values.items()}
        entry = choose(self.lookup(section, key), self.lang, values.get("n", 0))
        return expand(str(entry), self.lang, values).format_map(_Blank(values))

    def phrase(self, key: str, **values: Any) -> str:
        return self.text("phrases", key, **values)

    def name(self, kind: str, code: str | None, default: str | None = None) -> str:
        """The word for a code (a role, a sector, a verdict…); `default` when it has none."""
        names = self.section("names").get(kind) or {}
        if code is not None and code in names:
            return str(names[code])
        if self.fallback is not None and default is None:
            return self.fallback.name(kind, code, default)
        return default if default is not None else str(code or "")

    def rate(self, rate: float | None) -> str:
        """0.333 → "33.3%" (English), "33,3 %" (French); "n/a" when there is none."""
        if rate is None:
            return self.text("report", "not_available")
        value = f"{rate * 100:.1f}".replace(".", self.text("report", "decimal_mark"))
        return self.text("report", "percent", value=value)


def catalogue(lang: str | None = None) -> Catalogue:
    """The catalogue of `lang` (default: the language of the current check)."""
    return _catalogue(lang or current_language())


@cache
def _catalogue(lang: str) -> Catalogue:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    data = _kept(catalogue_path(lang))
    fallback = None if lang == DEFAULT_LANGUAGE else _catalogue(DEFAULT_LANGUAGE)
    return Catalogue(lang, data, fallback)


def _kept(path: Path) -> dict[str, Any]:
    """The catalogue at `path`, from the cache between runs when it holds this very file
    read by this very code (checker.runcache): every run checks that each rule has its
    messages in every language, and parsing the three catalogues cost it ~10 ms, against
    ~0.4 ms to unpickle them."""
    from importlib.util import find_spec

    from checker import runcache

    yaml = find_spec("yaml")  # its version, without importing it
    code = [Path(__file__), Path(__file__).parent.parent / "config.py"]
    if yaml is not None and yaml.origin is not None:
        code.append(Path(yaml.origin))
    cache = runcache.cache_file(f"messages-{path.stem}", [path, *code])
    data = runcache.read(cache, dict) if cache is not None else None
    if data is None:
        data = load_file(path)
        if cache is not None:
            runcache.keep(data, cache)
    return data


def load_file(path: Path) -> dict[str, Any]:
    import yaml  # here, so that `roster-check --help` does not pay for it

    from checker.config import ConfigError, SafeLoader

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # safe
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot load the message catalogue ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("messages"), dict):
        raise ConfigError(f"{path}: a message catalogue needs a 'messages' mapping")
    return _merge_additions(path, data)


def _merge_additions(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """Blocks appended at the end of a catalogue as `SECTION+TAG:` (e.g. `messages+profiles:`)
    are merged into SECTION, so that work done side by side appends its keys without touching
    the sections above; a key given twice is an error, not a silent override."""
    from checker.config import ConfigError

    for block in [k for k in data if isinstance(k, str) and "+" in k]:
        section = block.split("+", 1)[0]
        added = data.pop(block)
        if section not in SECTIONS or not isinstance(added, dict):
            raise ConfigError(f"{path}: {block}: expected a mapping added to one of "
                              f"{', '.join(SECTIONS)}")  # fmt: skip
        target = data.setdefault(section, {})
        for key, value in added.items():
            if key in target:
                raise ConfigError(f"{path}: {block}.{key}: already in {section}")
            target[key] = value
    return data


class Wording:
    """Words inside a message that are chosen when the message is rendered, in the language it
    is rendered in: what a finding keeps among its fields instead of text in the language of
    the check, so that its message can be rendered again in another language, and without
    people's names (`anonymised`)."""

    __slots__ = ()  # so that a subclass with slots has no __dict__ (Person: one a finding)

    def text(self, words: Catalogue) -> str:
        raise NotImplementedError

    def anonymised(self, roles: Mapping[str, str]) -> Wording:
        """The same words with each person's name replaced by their role (`roles`: name →
        role), or by WITHHELD when the role is not known."""
        return self

    def __str__(self) -> str:
        return self.text(catalogue())


WITHHELD = "[name withheld]"


@dataclass(frozen=True)
class Phrase(Wording):
    """A `phrases` entry of the catalogue, with its fields."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **values: Any) -> Phrase:
        return cls(key, tuple(values.items()))

    def text(self, words: Catalogue) -> str:
        return words.phrase(self.key, **{k: in_words(v, words) for k, v in self.values})

    def anonymised(self, roles: Mapping[str, str]) -> Phrase:
        return Phrase(self.key, tuple((k, anonymised(v, roles)) for k, v in self.values))


@dataclass(frozen=True)
class Detail(Wording):
    """Why a file cannot be read: a `details` entry of the catalogue, with its fields."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, words: Catalogue) -> str:
        return words.text("details", self.key, **dict(self.values))


@dataclass(frozen=True)
class Name(Wording):
    """The word for a vocabulary code (`names` of the catalogue): a role, a sector, a field."""

    kind: str
    code: str | None
    default: str | None = None

    def text(self, words: Catalogue) -> str:
        return words.name(self.kind, self.code, self.default)


@dataclass(frozen=True)
class Joined(Wording):
    """Pieces said one after the other, with a separator (a Phrase such as "list_and")."""

    parts: tuple[Any, ...]
    separator: Any = ""

    def text(self, words: Catalogue) -> str:
        return str(in_words(self.separator, words)).join(
            str(in_words(p, words)) for p in self.parts
        )

    def anonymised(self, roles: Mapping[str, str]) -> Joined:
        return Joined(tuple(anonymised(p, roles) for p in self.parts), self.separator)


@dataclass(frozen=True, slots=True)
class Person(Wording):
    """A person's name, as the roster writes it."""

    name: str

    def text(self, words: Catalogue) -> str:
        return self.name

    def anonymised(self, roles: Mapping[str, str]) -> Wording:
        return _Said(roles.get(self.name, WITHHELD))


@dataclass(frozen=True)
class AttendeeWords(Wording):
    """An attendee as a message describes them: "a Programme Officer (J. Okoro)"."""

    title: str | None
    name: str | None

    def text(self, words: Catalogue) -> str:
        title = self.title or words.phrase("no_title")
        article = "an" if title[:1].lower() in "aeiou" else "a"
        described = title if title.lower().startswith(("the ", "a ", "an ")) \
            else f"{article} {title}"  # fmt: skip
        if self.name:
            return words.phrase("attendee_named", title_with_article=described, title=title,
                                name=self.name)  # fmt: skip
        return words.phrase("attendee_unnamed", title_with_article=described, title=title)

    def anonymised(self, roles: Mapping[str, str]) -> AttendeeWords:
        # The title already says the role: "a Programme Officer".
        return AttendeeWords(self.title, None)


@dataclass(frozen=True)
class _Said(Wording):
    """Text that is the same in every language (a role as the vocabulary names it)."""

    said: str

    def text(self, words: Catalogue) -> str:
        return self.said


def in_words(value: Any, words: Catalogue) -> Any:
    """A field's value as a message shows it in the catalogue's language."""
    return value.text(words) if isinstance(value, Wording) else value


def anonymised(value: Any, roles: Mapping[str, str]) -> Any:
    return value.anonymised(roles) if isinstance(value, Wording) else value


def render(key: str, **values: Any) -> str:
    """The message of a finding kind, in the language of the current check."""
    return render_in(catalogue(), key, values)


def render_in(words: Catalogue, key: str, fields: Mapping[str, Any]) -> str:
    """The message of a finding kind in the catalogue's language, its fields (Wording among
    them) said in that language."""
    # (in_words inlined: a roster with a finding on every row renders a million fields)
    values = {k: v.text(words) if isinstance(v, Wording) else v for k, v in fields.items()}
    template = words.message(key)
    suggestion = values.get("suggestion")
    values.setdefault(
        "suggestion_text", words.phrase("suggestion", suggestion=suggestion) if suggestion else ""
    )
    text = expand(template, words.lang, values).format_map(_Blank(values))
    return text.replace("?.", "?")


def phrase(key: str, **values: Any) -> str:
    return catalogue().phrase(key, **values)


def name(kind: str, code: str | None, default: str | None = None) -> str:
    return catalogue().name(kind, code, default)


def __getattr__(attribute: str) -> Any:
    # `EN` was the English catalogue when it lived in messages.py; kept for callers of it.
    if attribute == "EN":
        return dict(catalogue(DEFAULT_LANGUAGE).section("messages"))
    raise AttributeError(attribute)


class _Blank(dict[str, Any]):
    """Leave unknown fields empty rather than failing on a message."""

    def __missing__(self, key: str) -> str:
        return ""
