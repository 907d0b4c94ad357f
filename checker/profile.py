"""Country profiles: a mission's adaptation of the generic representation table.

A profile is a YAML file (<MISSION>.yaml in a folder of profiles, or any file given with
--profile; the bundled schemas/profiles/examples/ apply only when named)
that says which platforms exist locally and what they are called, which clusters IOM
implements in, whom the Chief of Mission has designated as alternate, how often each
platform should meet, and how the rules are set (severity, off, waivers). `docs/profiles.md`
documents the format; this module reads it:

1. each file is parsed into `ProfileFile` (pydantic, unknown keys refused);
2. `extends:` is followed up to the generic table (cycles refused);
3. from the root down, each file's codes are checked against the vocabulary and what its
   parents defined, with the file and line of the key at fault;
4. the merged settings become a `Policy` with its own copy of the vocabulary (so that local
   platform names and titles are read in rosters of that mission only).

Every problem is a ConfigError "file:line: key: what is wrong", which the CLI turns into exit 2.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checker.config import ConfigError, Source, load_source, schemas_dir
from checker.findings import Severity
from checker.policy import Designation, Policy, Waiver
from checker.profile_folder import (  # noqa: F401  (the names profile.py has always offered)
    ENV_PROFILES,
    MISSION_CODE,
    ProfilesFolder,
    find_mission_profile,
    profiles_folder,
)
from checker.vocabulary import PlatformRule, Vocabulary, fold

GENERIC = "generic"
PLATFORM_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")


def examples_dir() -> Path:
    """The bundled example profiles: never chosen for a mission unless a folder names them."""
    return schemas_dir() / "profiles" / "examples"


# ---------------------------------------------------------------- the file's model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)


class PlatformSettings(_Strict):
    """One platform's settings. A key left out is inherited from the parent profile."""

    active: bool | None = None
    name: str | None = None
    aliases: list[str] | None = None
    level: Literal["national", "subnational"] | None = None
    required_roles: list[str] | None = None
    alternates: list[str] | None = None
    observers_allowed: list[str] | None = None
    sectors: list[str] | None = None
    expected_per_month: float | None = Field(default=None, ge=0)

    def merged_over(self, parent: PlatformSettings | None) -> PlatformSettings:
        if parent is None:
            return self
        return parent.model_copy(update={k: getattr(self, k) for k in self.model_fields_set})


class AliasSettings(_Strict):
    platforms: dict[str, str] = Field(default_factory=dict)
    titles: dict[str, str] = Field(default_factory=dict)


class DesignationEntry(_Strict):
    platform: str
    role: str
    name: str | None = None
    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")


class WaiverEntry(_Strict):
    platform: str
    sector: str | None = None
    start: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    codes: list[str] = Field(default_factory=list)
    reason: str = Field(min_length=1)


class RuleSetting(_Strict):
    """`off`, `on`, a severity, or {severity: …, enabled: …}."""

    severity: Literal["error", "warning", "info"] | None = None
    enabled: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # YAML reads a bare off/on/no/yes as a boolean.
        if isinstance(value, bool):
            return {"enabled": value}
        if isinstance(value, str):
            word = value.strip().lower()
            if word in ("off", "on"):
                return {"enabled": word == "on"}
            if word in ("error", "warning", "info"):
                return {"severity": word}
            raise ValueError(
                f"{value!r} is not a rule setting; use off, on, error, warning, info "
                "or {severity: warning}"
            )
        return value


class ProfileFile(_Strict):
    version: Literal[1] = 1
    mission: str | None = None
    description: str | None = None
    # The mission's working language: its page of the management report is written in it.
    language: Literal["en", "fr", "es", "pt"] | None = None
    extends: str = GENERIC
    platforms: dict[str, PlatformSettings] = Field(default_factory=dict)
    aliases: AliasSettings = Field(default_factory=AliasSettings)
    designations: list[DesignationEntry] = Field(default_factory=list)
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    waivers: list[WaiverEntry] = Field(default_factory=list)
    # field of schemas/columns.yaml → the header this mission's rosters give it
    columns: dict[str, str] = Field(default_factory=dict)

    @field_validator("mission")
    @classmethod
    def _mission_code(cls, value: str | None) -> str | None:
        if value is not None and not MISSION_CODE.match(value):
            raise ValueError(f"{value!r} is not a mission code; use 2-4 capital letters, e.g. KEN")
        return value


# ---------------------------------------------------------------- the merged settings


@dataclass
class Effective:
    """What a chain of profiles adds up to, before it becomes a Policy."""

    platforms: dict[str, PlatformSettings] = field(default_factory=dict)
    platform_aliases: dict[str, str] = field(default_factory=dict)
    title_aliases: dict[str, str] = field(default_factory=dict)
    designations: list[DesignationEntry] = field(default_factory=list)
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    waivers: list[WaiverEntry] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)

    def platform_codes(self, vocabulary: Vocabulary) -> set[str]:
        return set(vocabulary.representation.platforms) | set(self.platforms)

    def alternates(self, platform: str, vocabulary: Vocabulary) -> list[str]:
        own = self.platforms.get(platform)
        if own is not None and own.alternates is not None:
            return own.alternates
        rule = vocabulary.representation.platforms.get(platform)
        return list(rule.alternates) if rule else []


# ---------------------------------------------------------------- loading


def load_profile(path: Path, vocabulary: Vocabulary) -> Policy:
    """The Policy of a profile file, after `extends` and every check. Raises ConfigError."""
    chain = _chain(Path(path))
    effective = Effective()
    for profile, source in reversed(chain):  # the generic side first
        _check_and_merge(profile, source, effective, vocabulary)
    own, own_source = chain[0]
    return _policy(own, own_source, effective, vocabulary, [s.path for _, s in chain])


def profile_language(path: Path) -> str | None:
    """The `language` of a profile, or of the nearest profile it extends that has one."""
    return next((p.language for p, _ in _chain(Path(path)) if p.language), None)


def _chain(path: Path) -> list[tuple[ProfileFile, Source]]:
    """The file and its ancestors, the file first; refuses cycles and missing parents."""
    chain: list[tuple[ProfileFile, Source]] = []
    seen: list[Path] = []
    current: Path | None = path
    while current is not None:
        if not current.is_file():
            raise ConfigError(f"{current}: no such profile file")
        profile, source = load_source(current, ProfileFile)
        _check_mission_matches_file_name(profile, source)
        seen.append(current.resolve())
        chain.append((profile, source))
        if profile.extends == GENERIC:
            return chain
        parent = _resolve_extends(profile.extends, current, source)
        if parent.resolve() in seen:
            loop = " → ".join(p.name for p in [*seen, parent.resolve()])
            raise source.error(("extends",), f"the profiles extend each other in a cycle: {loop}")
        current = parent
    return chain


def _resolve_extends(name: str, child: Path, source: Source) -> Path:
    """`generic`, a mission code (KEN), or a file name relative to the extending file."""
    candidates: list[Path] = []
    if MISSION_CODE.match(name):
        candidates = [child.parent / f"{name}.yaml"]
    else:
        given = Path(name)
        candidates = [given if given.is_absolute() else child.parent / given]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(c) for c in dict.fromkeys(candidates))
    raise source.error(
        ("extends",),
        f"no profile {name!r} (looked for {looked}); use generic, a mission code with a "
        "profile in the same folder, or a file name relative to this file",
    )


def _check_mission_matches_file_name(profile: ProfileFile, source: Source) -> None:
    stem = source.path.stem
    if profile.mission and MISSION_CODE.match(stem) and stem != profile.mission:
        raise source.error(
            ("mission",),
            f"the file is named {source.path.name} but says mission {profile.mission}; "
            f"a mission's profile is found by its file name, so name it {profile.mission}.yaml",
        )


# ---------------------------------------------------------------- checking codes


def _known(kind: str, value: str, known: Iterable[str]) -> str:
    """ "unknown role EMERG_CORD (did you mean EMERG_COORD?); known roles: …" """
    from rapidfuzz import fuzz, process

    choices = sorted(known)
    best = process.extractOne(value, choices, scorer=fuzz.ratio, score_cutoff=60)
    hint = f" (did you mean {best[0]}?)" if best else ""
    return f"unknown {kind} {value!r}{hint}; known {kind}s: {', '.join(choices)}"


def _check_and_merge(
    profile: ProfileFile, source: Source, effective: Effective, vocabulary: Vocabulary
) -> None:
    roles = set(vocabulary.role_names)
    sectors = set(vocabulary.sector_names)
    generic_platforms = set(vocabulary.representation.platforms)

    for code, settings in profile.platforms.items():
        where: tuple[Any, ...] = ("platforms", code)
        known = code in generic_platforms or code in effective.platforms
        if not known:
            if not PLATFORM_CODE.match(code):
                raise source.error(
                    where, f"{code!r} is not a platform code; use capital letters, e.g. AHT"
                )
            if settings.name is None or settings.required_roles is None:
                raise source.error(
                    where,
                    f"{code} is not a platform of the generic table ("
                    f"{', '.join(sorted(generic_platforms))}); to add a platform of this "
                    "country give it a name and required_roles",
                )
        for key in ("required_roles", "alternates", "observers_allowed"):
            for i, role in enumerate(getattr(settings, key) or []):
                if role not in roles:
                    raise source.error((*where, key, i), _known("role", role, roles))
        if settings.required_roles is not None and not settings.required_roles:
            raise source.error(
                (*where, "required_roles"), "name at least one role, or set active: false"
            )
        if settings.sectors is not None:
            if code != "CLUSTER":
                raise source.error(
                    (*where, "sectors"), "sectors only apply to CLUSTER (the clusters IOM is in)"
                )
            for i, sector in enumerate(settings.sectors):
                if sector not in sectors:
                    raise source.error((*where, "sectors", i), _known("sector", sector, sectors))
        merged = settings.merged_over(effective.platforms.get(code))
        if merged.active is False and merged.expected_per_month:
            raise source.error(
                (*where, "expected_per_month" if settings.expected_per_month else "active"),
                f"{code} is inactive (active: false) but expected_per_month is "
                f"{merged.expected_per_month:g}; drop one of them",
            )
        if code == "CLUSTER" and merged.expected_per_month and merged.sectors is None:
            raise source.error(
                (*where, "expected_per_month"),
                "clusters are counted one by one: list the clusters in sectors",
            )
        effective.platforms[code] = merged

    platforms = effective.platform_codes(vocabulary)
    for kind, aliases in (("platforms", profile.aliases.platforms),
                          ("titles", profile.aliases.titles)):  # fmt: skip
        for alias in aliases:
            if not fold(alias):
                # An alias of punctuation only would be matched by every cell of its kind.
                raise source.error(
                    ("aliases", kind, alias), f"{alias!r} has no letters or digits to match"
                )
    for alias, code in profile.aliases.platforms.items():
        if code not in platforms:
            raise source.error(("aliases", "platforms", alias), _known("platform", code, platforms))
        taken = next((p for p in platforms if fold(p) == fold(alias) and p != code), None)
        if taken is not None:
            raise source.error(
                ("aliases", "platforms", alias), f"{alias!r} is the code of platform {taken}"
            )
        effective.platform_aliases[alias] = code
    for alias, role in profile.aliases.titles.items():
        if role not in roles:
            raise source.error(("aliases", "titles", alias), _known("role", role, roles))
        effective.title_aliases[alias] = role

    for i, entry in enumerate(profile.designations):
        where = ("designations", i)
        if entry.platform not in platforms:
            raise source.error((*where, "platform"), _known("platform", entry.platform, platforms))
        if entry.role not in roles:
            raise source.error((*where, "role"), _known("role", entry.role, roles))
        alternates = effective.alternates(entry.platform, vocabulary)
        if entry.role not in alternates:
            raise source.error(
                (*where, "role"),
                f"{entry.role} is not an alternate at {entry.platform} (alternates: "
                f"{', '.join(alternates) or 'none'}); add it to platforms.{entry.platform}"
                ".alternates first",
            )
        if entry.start and entry.end and entry.start > entry.end:
            raise source.error((*where, "to"), f"{entry.end} is before from: {entry.start}")
        effective.designations.append(entry)

    for code, setting in profile.rules.items():
        if code not in vocabulary.rules.rules:
            raise source.error(("rules", code), _known("rule code", code, vocabulary.rules.rules))
        # A file that cannot be read is never fine: its codes cannot be turned off or downgraded.
        if vocabulary.rule(code).category == "file" and (
            setting.enabled is False
            or (setting.severity and setting.severity != vocabulary.rule(code).severity)
        ):
            raise source.error(
                ("rules", code), f"{code} cannot be changed: a file that cannot be read as a "
                "roster is never compliant",
            )  # fmt: skip
        parent = effective.rules.get(code, RuleSetting())
        effective.rules[code] = parent.model_copy(
            update={k: getattr(setting, k) for k in setting.model_fields_set}
        )

    fields = vocabulary.columns.columns
    for field_name, header in profile.columns.items():
        where = ("columns", field_name)
        if field_name not in fields:
            raise source.error(where, _known("field", field_name, fields))
        if not header.strip():
            raise source.error(where, "give the header as the roster writes it, e.g. "
                                      '"Agency/Organisation"')  # fmt: skip
        other = next((f for f, h in effective.columns.items()
                      if f != field_name and fold(h) == fold(header)), None)  # fmt: skip
        if other is not None:
            raise source.error(where, f"the header {header!r} is already given to {other}")
        effective.columns[field_name] = header.strip()

    compliance_codes = sorted(vocabulary.rules.codes(category="compliance"))
    for i, waiver in enumerate(profile.waivers):
        where = ("waivers", i)
        if waiver.platform not in platforms:
            raise source.error((*where, "platform"), _known("platform", waiver.platform, platforms))
        if waiver.sector is not None:
            if waiver.platform != "CLUSTER":
                raise source.error((*where, "sector"), "a sector only applies to CLUSTER")
            if waiver.sector not in sectors:
                raise source.error((*where, "sector"), _known("sector", waiver.sector, sectors))
        for j, code in enumerate(waiver.codes):
            if code not in compliance_codes:
                raise source.error(
                    (*where, "codes", j),
                    f"{code!r} cannot be waived; waivers accept exceptions to the compliance "
                    f"rules ({', '.join(compliance_codes)}); fix data problems in the roster",
                )
        if waiver.start and waiver.until and waiver.start > waiver.until:
            raise source.error((*where, "until"), f"{waiver.until} is before from: {waiver.start}")
        effective.waivers.append(waiver)


# ---------------------------------------------------------------- building the Policy


def _policy(
    own: ProfileFile,
    source: Source,
    effective: Effective,
    base: Vocabulary,
    files: Sequence[Path],
) -> Policy:
    vocabulary = base.copy()
    representation = dict(base.representation.platforms)
    inactive: set[str] = set()
    labels: dict[str, str] = {}
    levels: dict[str, str] = {}
    expected: dict[str, float] = {}
    cluster_sectors: frozenset[str] | None = None
    platform_aliases: dict[str, str] = {}
    for code, settings in effective.platforms.items():
        generic = representation.get(code)
        if generic is None:
            vocabulary.add_platform(code, settings.name or code)
            generic = PlatformRule(required_roles=[])
        if settings.name is not None:
            labels[code] = settings.name
            platform_aliases[settings.name] = code
        for alias in settings.aliases or []:
            platform_aliases[alias] = code
        representation[code] = generic.model_copy(
            update={
                key: value
                for key in ("required_roles", "alternates", "observers_allowed")
                if (value := getattr(settings, key)) is not None
            }
        )
        if settings.active is False:
            inactive.add(code)
        if settings.level is not None:
            levels[code] = settings.level
            vocabulary.set_platform_level(code, settings.level)
        if settings.expected_per_month:
            expected[code] = settings.expected_per_month
        if code == "CLUSTER" and settings.sectors is not None:
            cluster_sectors = frozenset(settings.sectors)
    platform_aliases.update(effective.platform_aliases)
    for alias, code in platform_aliases.items():
        vocabulary.add_platform_alias(alias, code)
    for alias, role in effective.title_aliases.items():
        vocabulary.add_title_alias(alias, role)
    vocabulary.seal()

    severities = {
        code: Severity.parse(s.severity) for code, s in effective.rules.items() if s.severity
    }
    disabled = frozenset(code for code, s in effective.rules.items() if s.enabled is False)
    return Policy(
        vocabulary,
        name=own.mission or source.path.stem,
        representation=representation,
        inactive_platforms=frozenset(inactive),
        cluster_sectors=cluster_sectors,
        designations=tuple(
            Designation(d.platform, d.role, d.name, d.start, d.end) for d in effective.designations
        ),
        severities=severities,
        disabled=disabled,
        waivers=tuple(
            Waiver(w.platform, w.sector, w.until, w.reason, tuple(w.codes), w.start)
            for w in effective.waivers
        ),
        expected_per_month=expected,
        platform_labels=labels,
        levels=levels,
        mission=own.mission,
        sources=tuple(str(p) for p in files),
        description=own.description,
        platform_aliases=platform_aliases,
        title_aliases=dict(effective.title_aliases),
        columns=dict(effective.columns),
    )


# ---------------------------------------------------------------- showing


def describe(table: dict[str, Any], vocabulary: Vocabulary) -> str:
    """`Policy.to_dict()` in words, for `roster-check profile show`."""
    roles, sectors = vocabulary.role_names, vocabulary.sector_names

    def who(codes: Iterable[str]) -> str:
        return ", ".join(f"{roles.get(c, c)} ({c})" for c in codes) or "nobody"

    files = " → ".join([*table["files"], GENERIC]) if table["files"] else GENERIC
    lines = [f"Profile {table['profile']}" + (f" (mission {table['mission']})"
                                              if table["mission"] else ""),
             f"  from: {files}"]  # fmt: skip
    if table["description"]:
        lines.append(f"  {table['description']}")
    lines += ["", "Platforms (who represents IOM)"]
    for code, platform in table["platforms"].items():
        head = f"  {code}: {platform['name']}"
        if platform["label"] and platform["label"] not in (code, platform["name"]):
            head += f", called {platform['label']}"
        if not platform["active"]:
            lines.append(f"{head} — not active here: its meetings are not applicable")
            continue
        where = f"{platform['level']} level only" if platform["level"] else "any level"
        lines.append(f"{head} — {where}")
        lines.append(f"      represented by: {who(platform['required_roles'])}")
        if platform["alternates"]:
            designated = [d for d in table["designations"] if d["platform"] == code]
            note = "; ".join(_designation_words(d, roles) for d in designated)
            lines.append(
                f"      alternates: {who(platform['alternates'])} — "
                + (f"designated: {note}" if note else "none designated (C305)")
            )
        if platform["observers_allowed"]:
            lines.append(f"      may observe: {who(platform['observers_allowed'])}")
        if code == "CLUSTER":
            chosen = platform.get("sectors")
            lines.append(
                "      clusters: every cluster" if chosen is None else
                "      clusters where IOM implements: "
                + ", ".join(f"{sectors.get(s, s)} ({s})" for s in chosen)
                + "; other clusters are not applicable"
            )  # fmt: skip
        if platform["expected_per_month"]:
            each = " each cluster" if code == "CLUSTER" else ""
            lines.append(f"      expected: {platform['expected_per_month']:g} a month{each} (C306)")
    aliases = table["aliases"]
    if aliases["platforms"] or aliases["titles"]:
        lines += ["", "Local names"]
        lines += [f"  platform {a!r} → {c}" for a, c in aliases["platforms"].items() if a != c]
        lines += [f"  title {a!r} → {c}" for a, c in aliases["titles"].items()]
    lines += ["", "Rules (changed from the default; `roster-check rules` lists them all)"]
    changed = [
        f"  {code} {rule['name']}: "
        + (rule["severity"] if rule["enabled"] else "off")
        + f" (default {vocabulary.rule(code).severity})"
        for code, rule in table["rules"].items()
        if not rule["enabled"] or rule["severity"] != vocabulary.rule(code).severity
    ]
    lines += changed or ["  none"]
    if table["waivers"]:
        lines += ["", "Waivers (findings stay in the report, marked waived)"]
        for w in table["waivers"]:
            what = w["platform"] + (f" {w['sector']}" if w["sector"] else "")
            when = _window(w["from"], w["until"])
            codes = ", ".join(w["codes"]) or "every compliance code"
            lines.append(f"  {what}{when}, {codes}: {w['reason']}")
    return "\n".join(lines) + "\n"


def _window(start: str | None, end: str | None) -> str:
    if start and end:
        return f" from {start} to {end}"
    if start:
        return f" from {start}"
    return f" until {end}" if end else ""


def _designation_words(d: dict[str, Any], roles: dict[str, str]) -> str:
    person = d["name"] or f"any {roles.get(d['role'], d['role'])}"
    return f"{person} ({d['role']}){_window(d['from'], d['to'])}"
