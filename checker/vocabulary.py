"""The vocabulary of schemas/: platforms, sectors, roles, organisation, levels, capacities.

Loads the YAML files into validated models and answers one question per kind of cell:
"which code does this text mean?" — matching case-, accent-, punctuation- and
space-insensitively, and offering a suggestion (never a silent acceptance) for near misses.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker import footnotes, instead, runcache
from checker.config import ConfigError, load_model, schemas_dir
from checker.dates import MOVED
from checker.headers import (
    Headers,
    platform_codes,
    platform_names,
    platform_only_names,
    title_names,
    with_modes,
)
from checker.lazyre import lazy
from checker.text import fold

# ---------------------------------------------------------------- the data files' models


class _Strict(BaseModel):
    # Each model's validator is built when it first validates (~16 ms for them all): a run
    # that takes the vocabulary from the cache (below) validates nothing.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class PlatformEntry(_Strict):
    name: str
    structure: str | None = None
    aliases: list[str] = Field(default_factory=list)


class SectorEntry(_Strict):
    name: str
    aliases: list[str]
    includes: list[str] = Field(default_factory=list)


class RoleEntry(_Strict):
    name: str
    rank: int = Field(ge=1, le=9)
    function: bool = False
    aliases: list[str]


class ActingEntry(_Strict):
    markers: list[str]
    stands_for_com: list[str] = Field(default_factory=list)


class VocabularyFile(_Strict):
    version: int
    platforms: dict[str, PlatformEntry]
    cluster_markers: list[str]
    filler_words: list[str] = Field(default_factory=list)
    sectors: dict[str, SectorEntry]
    roles: dict[str, RoleEntry]
    sector_titles: dict[str, list[str]] = Field(default_factory=dict)
    title_abbreviations: dict[str, list[str]] = Field(default_factory=dict)
    # A role's abbreviations read only in a roster written in one language (language → role
    # → abbreviations): "CM" is the Chefe de Missão in Portuguese, another post elsewhere.
    language_titles: dict[Literal["en", "fr", "es", "pt"], dict[str, list[str]]] = Field(
        default_factory=dict
    )
    acting: ActingEntry
    # "iom": how IOM is written; "others": other agencies, to tell an organisation column by
    # its contents and "OCHA (seconded from IOM)" from IOM.
    organisation: dict[Literal["iom", "others"], list[str]]
    # E-mail domains ("iom.int", "unhcr.org"): an address that contradicts the organisation,
    # "@iom.int" in an organisation cell, an IOM log's addresses. The only place IOM's domain
    # is written, so it must be given.
    email_domains: dict[Literal["iom", "others"], list[str]]
    levels: dict[Literal["national", "subnational"], list[str]]
    capacities: dict[Literal["member", "observer", "chair"], list[str]]
    presence: dict[Literal["present", "absent"], list[str]] = Field(default_factory=dict)
    # How a person attended ("In person", "Virtual"): present in an attendance column, but a
    # column of these alone says how, not whether (checker.layout).
    attendance_modes: list[str] = Field(default_factory=list)
    non_staff: list[str] = Field(default_factory=list)
    title_status: list[str] = Field(default_factory=list)
    meeting_app_roles: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _codes_exist(self) -> VocabularyFile:
        for code, sector in self.sectors.items():
            for inc in sector.includes:
                if inc not in self.sectors:
                    raise ValueError(f"sector {code} includes unknown sector {inc}")
        if not self.email_domains.get("iom"):
            raise ValueError("email_domains.iom must list IOM's e-mail domain (iom.int)")
        for role in self.sector_titles:
            if role not in self.roles:
                raise ValueError(f"sector_titles names unknown role {role}")
        for lang, roles in self.language_titles.items():
            for role in roles:
                if role not in self.roles:
                    raise ValueError(f"language_titles.{lang} names unknown role {role}")
        return self


class PlatformRule(_Strict):
    required_roles: list[str]
    alternates: list[str] = Field(default_factory=list)
    observers_allowed: list[str] = Field(default_factory=list)
    sector_bound: bool = False


class RepresentationFile(_Strict):
    version: int
    platforms: dict[str, PlatformRule]


class ColumnEntry(_Strict):
    required: bool = False
    aliases: list[str]


class ColumnsFile(_Strict):
    version: int
    columns: dict[str, ColumnEntry]
    other_columns: dict[str, list[str]] = Field(default_factory=dict)
    keywords: dict[str, list[str]] = Field(default_factory=dict)
    contact_lists: list[str] = Field(default_factory=list)
    expected_lists: list[str] = Field(default_factory=list)
    expected_columns: list[str] = Field(default_factory=list)
    summary_sheets: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _keywords_name_fields(self) -> ColumnsFile:
        for name in self.keywords:
            if name not in self.columns:
                raise ValueError(f"keywords names unknown field {name}")
        return self


class RuleEntry(_Strict):
    """One finding code of schemas/rules.yaml (its header says what each field means)."""

    name: str
    severity: Literal["error", "warning", "info"]
    category: Literal["file", "structure", "compliance"]
    scope: Literal["file", "table", "row", "meeting"]
    short: str
    summary: str | None = None
    status: Literal["unreadable", "invalid"] | None = None
    rejects: list[str] = Field(default_factory=list)
    messages: list[str] = Field(default_factory=list)
    supersedes: list[str] = Field(default_factory=list)


class RulesFile(_Strict):
    version: int
    rules: dict[str, RuleEntry]

    @model_validator(mode="after")
    def _entries_agree(self) -> RulesFile:
        for code, entry in self.rules.items():
            if not entry.messages:  # the code alone: one message, no variants
                entry = self.rules[code] = entry.model_copy(update={"messages": [code]})
            for key in entry.messages:
                if key.split(":")[0] != code:
                    raise ValueError(f"{code}: message key {key} is not one of {code}'s")
            for other in entry.supersedes:
                if other not in self.rules:
                    raise ValueError(f"{code}: supersedes unknown code {other}")
        return self

    def codes(self, **wanted: object) -> frozenset[str]:
        """The codes whose entries have these values: codes(category="compliance")."""
        return frozenset(code for code, entry in self.rules.items()
                         if all(getattr(entry, k) == v for k, v in wanted.items()))  # fmt: skip


# ---------------------------------------------------------------- text folding

_LINK_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "el", "los", "las", "en",
                         "of", "for", "the", "in", "and", "et", "y", "e", "programme", "program",
                         "programa", "iom", "oim"})  # fmt: skip
# Words that may stand beside a role's name without changing the role ("Snr", "Sr." are
# read as "senior" first: schemas/vocabulary.yaml, title_abbreviations).
_QUALIFIERS = frozenset({"senior", "principal", "principale", "national", "nationale",
                         "nacional", "international", "internationale", "internacional",
                         "interim", "a", "i"})  # fmt: skip
# Words that make a title the deputy's: "Deputy CoM" is the DCoM, never the CoM; a role with
# no deputy role ("Deputy RMO", "Chef de bureau adjoint") is a near miss.
_DEPUTY = frozenset({"deputy", "adjoint", "adjointe", "adjunto", "adjunta"})
# "D/CoM", "Dy/Chief of Mission", "Dep.-CoM": an abbreviated "Deputy" joined to the role.
_DEPUTY_JOINED = re.compile(r"^\s*(?:d|dy|dep|dpty|deputy)\.?\s*[/-]\s*(?=\w)", re.IGNORECASE)
# "CoM/RC", "Chief of Mission / Regional Director": alternatives, read only when every one is
# a known title (or a qualifier) and they name the same role.
_SLASH = re.compile(r"\s*/\s*")
# "Oficial Nacional de Programas", "Chargés de programmes": a plural word's final s.
_PLURAL = re.compile(r"\b(\w{3,}[^\Wsu])s\b")
# Most readings of a title's abbreviations tried ("Prog. Coord." has 2 × 4).
_MAX_READINGS = 64
# "Chargé·e", "Coordonnateur·rice", "Jefe/a", "Chargé(e)": inclusive endings, dropped before
# matching (the masculine form is in the vocabulary; the feminine ones are listed too).
# Not "/a.i." ("CoM/a.i."): a dot and a letter after the ending make it another word.
_INCLUSIVE = re.compile(r"(?<=\w)(?:[·•.]|\(|/)(?:e|es|fe|rice|trice|euse|ne|a|as)\)?(?!\w|\.\w)")
# A UN staff grade written before or after a title: "P5 – CoM", "NO-B Programme Officer",
# "Programme Officer (NO-B)", "CoM, D1". It says the person's pay level, never their post
# (a P5 is not a CoM by grade), so it is dropped before matching and is never evidence of a
# role: "GS-6 – RMO Unit" is then "RMO Unit", still a near miss. Only capitals, a grade's
# letters then its level, so no word of a title is taken for one. Contract types of people who
# are not staff ("UNV", "IC", "NPSA", "LICA 7", "SB-3") are left in: like a consultant, such a
# person may not stand for IOM, so the title stays unread rather than become the role.
# Those contract types, and a volunteer's, after a title ("Oficial de Salud Migratoria (UNV)",
# "Health Officer, IC"): folded words, read as the same (checker.vocabulary._names_contract).
_CONTRACTS = frozenset({"unv", "unvs", "ic", "npsa", "lica", "ssa", "volunteer", "volontaire",
                        "voluntario", "voluntaria"})  # fmt: skip
_GRADE = r"(?:P-?[1-5]|D-?[12]|ASG|USG|NO-?[A-D]|GS?-?[1-7]|FS-?[1-7])"
_GRADE_BEFORE = re.compile(rf"^\s*{_GRADE}(?:\s*[-–—/:,]\s*|\s+)(?=\S)")
_GRADE_AFTER = re.compile(rf"(?<=\S)(?:\s*[-–—/,]\s*|\s+|\s*\(\s*){_GRADE}\s*\)?\s*$")
# A general-service grade (G-5, GS-6): support staff, who hold none of the posts of rank
# _OFFICER_RANK or above (a manager, the RMO, the Chief of Mission).
_GENERAL_SERVICE = lazy(r"(?<![A-Z])GS?-?[1-7](?![0-9])")
_OFFICER_RANK = 5
_DELEGATION = re.compile(
    r"\b(?:on behalf of|obo|representing|in place of|replacing|pour le compte de|au nom de|"
    r"en remplacement de|à la place de|en nombre de|en representaci[oó]n de|en lugar de|"
    r"en reemplazo de|en sustituci[oó]n de|"
    # PT (field12 SYC "Oficial de Programa, em substituição da Chefe de Missão"): the one
    # before is the attendee, standing in for the post after, which is not theirs.
    r"em substitui[çc][ãa]o d[aoe]s?|em nome d[aoe]s?|por conta d[aoe]s?|"
    r"em representa[çc][ãa]o d[aoe]s?)\b",
    re.IGNORECASE,
)
# "… to the Chief of Mission", "… of the CoM", "… du Chef de Mission", "… de la Jefa de
# Misión": the words that may join a post to the role it serves.
# PT's "da", "do" too (field12 SYC "Assistente da Coordenadora de Programas": an assistant).
_COMPLEMENT = re.compile(r" (?:to|of|for|du|de|del|aupres|a|al|en|con|da|do|das|dos|junto) ")
_SERVES = frozenset({"to", "of", "for", "the", "office", "du", "de", "la", "l", "del", "el",
                     "bureau", "cabinet", "oficina", "despacho", "aupres", "a", "al", "iom",
                     "oim", "en", "con", "da", "do", "das", "dos", "junto", "gabinete",
                     "escritorio"})  # fmt: skip
_REPRESENTED_BY = re.compile(
    r"\b(?:represented by|replaced by|représentée? par|remplacée? par|representad[oa] por|"
    r"reemplazad[oa] por|sustituid[oa] por|representad[oa] por)\b",
    re.IGNORECASE,
)
# Before a post in a name cell: "on behalf of the CoM", "au nom de la Cheffe de mission".
_ARTICLES = frozenset({"the", "le", "la", "l", "el", "o", "a", "da", "do", "del", "du", "de"})
# How a remark abbreviates the Chief of Mission, folded: "JdM" (Jefe/a de Misión), "CdM" (Chef
# de mission, Chefe de Missão); "CM" only on an acting head's row (vocabulary.remark_subject).
# Read only as the subject of a remark of absence, never as a row's title.
_HEAD_IN_REMARKS = frozenset({"jdm", "cdm"})
_HEAD_IF_ACTING = frozenset({"cm"})
_NAME_PARTS = re.compile(r"\s+[-–—]\s+|,\s*")
_NAME_BRACKETS = re.compile(r"\s*[(\[]|[)\]]\s*")
_OFFICE_WORDS = frozenset({"office", "suboffice", "sub", "bureau", "sous", "oficina",
                           "suboficina", "escritorio", "hub"})  # fmt: skip
_BRACKETED = re.compile(r"[(\[]\s*([^()\[\]]*?)\s*[)\]]")
_POSSESSIVE = re.compile(r"['’]s\s+")
_TITLE_SEPARATOR = re.compile(r"\s*(?:[,;:(\[/]|\s[-–—]\s)")
# "For CoM", "Pour le Chef de mission", "Por la Jefa de Misión": the person sent in the role's
# place, whose own title is not given.
_STANDING_IN = frozenset({"for", "pour", "por", "para", "pelo", "pela"})
# A presence cell's word and the reason after it: "No – envió excusas", "Ausente (CM em
# Genebra)", "Absent: on leave", "Non, en mission".
_REASON_SPLIT = lazy(r"\s*(?:[–—(:;,/]|\s-\s*|-\s)\s*")
# Words of a reason by which someone went, came, joined or left (folded, at a word's start),
# beside checker.instead's words of someone else going (read with them): the reason of an
# absence must say none of these for the cell to be read as absent.
_SOMEONE_WENT = lazy(
    r"\b(?:attend|assist|particip|presen|came|come|went|join|connect|conect|ligou|online|"
    r"en ligne|virtual|remot|teams|zoom|vino|fue|foi|veio|compare|estuvo|stay|ficou|reste|"
    r"resta|quedo|represent|replac|rempla|reempla|substitu|sustitu|instead|su lugar|no lugar|"
    r"por conta|"
    r"deleg|left|parti|salio|saiu|retir|se fue|quitt|"
    r"sorti|arriv|lleg|chega|late|tard|retard|atrasad|early|tempran|cedo|but|mais|pero|"
    r"however|sino|deputy|adjoint|adjunt|dcom|oic|interim|acting|a i|"
    r"(?:repr?|p o|obo|pp|mas|sai)\b|"
    r"sent (?!(?:his |her |their )?(?:apolog|regret|excuse))|"
    r"envi\w* (?!(?:sus |las )?(?:excusas|disculpas))|envoy\w* (?!(?:ses |des )?excuses)|"
    r"mand\w* (?!(?:sus |as )?(?:excusas|justific)))"
)
# A reason that says nobody went in the person's place ("pas de remplaçant", "no
# replacement", "sin reemplazo", "sem substituto"): said of nobody, so not read as above.
_NOBODY_INSTEAD = lazy(
    r"\b(?:pas de remplacant|sans remplacant|no replacement|not replaced|nobody replaced|"
    r"no one replaced|sin reemplazo|sin sustitut[oa]|nadie l[oa] sustituyo|sem substitut[oa]|"
    r"ninguem (?:o|a) substituiu)\b"
)
# A reason that says the person could not get into an online meeting ("could not join the
# call", "n'a pas pu rejoindre la réunion", "não conseguiu entrar (Teams)"): about the row's own
# person, who did not connect, so its "join" / "connect" / "Teams" say nobody went (folded).
_NOT_CONNECTED = lazy(
    r"\b(?:connection failed|(?:could not|couldn t|unable to|failed to|did not manage to|did not) "
    r"(?:join|connect|rejoin|log in|dial in)|no connection|no audio|connexion impossible|"
    r"connexion echouee|echec de (?:la )?connexion|(?:n a )?pas pu (?:se connecter|rejoindre|"
    r"se joindre)|sans (?:connexion|audio)|no se pudo conectar|no (?:pudo|logro) "
    r"(?:conectarse|unirse|entrar)|no se logro conectar|sin (?:conexion|audio)|"
    r"fallo la conexion|ligacao falhou|falha (?:de|na) (?:ligacao|conexao)|nao conseguiu "
    r"(?:entrar|ligar se|se ligar|ligar|conectar|se conectar)|sem (?:ligacao|conexao|audio))"
    r"(?: (?:to|on|in|into|via|the|a|la|le|el|na|no|ao|au|en|sur|par|por|pelo|pela|call|"
    r"meeting|reunion|reuniao|teams|zoom|webex|skype))*\b"
)
# The call a person could not get into, named after that ("Ligação falhou (Teams)").
_CALL = lazy(r"\b(?:teams|zoom|webex|skype|google meet|the call|call|the meeting)\b")
# A person named in a reason: "T. Nxumalo", "Mr Roe", "Sra. Paz".
_PERSON = lazy(r"\b[A-Z]\.\s?[A-Z][a-zà-ÿ]|\b(?:Mr|Mrs|Ms|Mme|Mlle|Sr|Sra|Dr)\.?\s+[A-Z]")


def _split_reason(text: str) -> tuple[str, str]:
    """ "No – envió excusas" → ("No", "envió excusas"); ("text", "") without a reason."""
    found = _REASON_SPLIT.search(text)
    if found is None or found.start() == 0:
        return text, ""
    return text[: found.start()], text[found.end() :].strip(" )]")


# "Chief of Mission – apologies", "RMO, on leave": a mark of absence after a comma or dash.
_LAST_SEPARATOR = re.compile(r"^(.*\S)\s*(?:,|\s[-–—]\s)\s*(\S[^,–—]*)$")
# Organisation cells: words that make a mention of IOM mean someone else.
_NOT_IOM = frozenset({"non", "not", "no", "ex", "former", "formerly", "ancien", "ancienne",
                      "anciennement", "antiguo", "antigua", "exfuncionario"})  # fmt: skip
_RELATION = frozenset({"seconded", "secondment", "secondee", "detache", "detachee", "detachement",
                       "partner", "partners", "partenaire", "partenaires", "socio", "socios",
                       "socia", "implementing", "funded", "financed", "finance", "financiado",
                       "financiada", "through", "via", "contractor", "subcontractor",
                       "prestataire", "consultant", "consultancy", "behalf", "nom", "compte",
                       "nombre", "representing", "adscrito", "adscrita", "supported", "appui",
                       "apoyo", "formerly"})  # fmt: skip
# An organisation named as IOM's partner ("ONG partenaire de l'OIM", "IOM partner NGO") is that
# organisation, not IOM: the partner word, IOM, the words that may link them, and what joins
# IOM to someone else instead ("IOM and partners", "IOM/partner NGO": maybe IOM's own staff).
_PARTNER = frozenset({"partner", "partners", "partenaire", "partenaires", "socio", "socios",
                      "socia", "socias", "parceiro", "parceira", "parceiros"})  # fmt: skip
_PARTNER_LINKS = frozenset({"of", "the", "s", "de", "d", "l", "la", "le", "des", "del", "da",
                            "do", "implementing", "implementador", "implementadora", "mise",
                            "en", "oeuvre"})  # fmt: skip
_JOINED = frozenset({"and", "et", "y", "e", "with", "avec", "con", "com", "plus"})
_JOINING_MARKS = lazy(r"[/+&,;|]")
_ABSENT_MARK = lazy(
    r"[(\[]\s*(?:excus[ée]e?s?|excused|apolog(?:y|ies|ised|ized)|absente?|regrets?|ausente|"
    r"excusad[oa]|did not attend|not present|no asisti[óo]|n'?a pas assist[ée]e?)\s*[)\]]",
    re.IGNORECASE,
)
_OBSERVER_MARK = lazy(
    r"[(\[]\s*(?:as\s+)?(?:observer|observateur|observatrice|observador[a]?)\s*[)\]]",
    re.IGNORECASE,
)
# A form's free-text answer: "Other: …", "Autre : …", "Otro: …".
_OTHER_ANSWER = frozenset({"other", "others", "autre", "autres", "otro", "otra", "otros"})
_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
IOM = "iom"
OTHER = "other"
UNCLEAR = "unclear"
_GROUP_PHRASES = (
    "working group",
    "groupe de travail",
    "grupo de trabajo",
    "area of responsibility",
    "domaine de responsabilite",
    "area de responsabilidad",
    "area de responsabilidade",
)


def doubt_in(text: str) -> str | None:
    """ "doubted" for a question mark in a cell that names something ("IOM?", "Chief of
    Mission (?)", "X?"): the writer doubted it; "footnote" for a footnote mark ("Chief of
    Mission*", "Yes†"): the footnote, which is not read, may say anything ("* represented by
    the DCoM"); None for neither. Folding would drop the mark and leave a plain match."""
    if "?" in text or "¿" in text:
        return "doubted"
    return "footnote" if "*" in text or "†" in text else None


def _doubted(text: str) -> bool:
    return doubt_in(text) is not None


def _lone_accented(text: object) -> bool:
    """A cell of one letter that is not ASCII: "ý" is no "Y" (in Wingdings it shows ☒)."""
    letter = str(text).strip()
    return len(letter) == 1 and not letter.isascii()


def _contains(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def _remove(haystack: str, needle: str) -> str:
    return f" {haystack} ".replace(f" {needle} ", " ", 1).strip()


# ---------------------------------------------------------------- matches

Result = TypeVar("Result")


@dataclass(frozen=True)
class TitleMatch:
    role: str | None
    sector: str | None
    acting: bool


@dataclass(frozen=True)
class Marks:
    """A cell's text without its bracketed marks, and what they said."""

    text: object
    absent: bool
    observer: bool


@dataclass(frozen=True)
class PlatformMatch:
    platform: str
    sector: str | None


@dataclass(frozen=True)
class PlatformAtLevel:
    """A platform cell that also says the meeting's level, and perhaps its place: "EHP
    sous-nationale – Anjouan"."""

    match: PlatformMatch
    level: str
    place: str | None


# A dash between a platform's name and its place: "EHP sous-nationale – Anjouan". A hyphen
# counts only with spaces around it ("Sub-national" is one word).
_PLACE_DASH = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
# A cluster's sub-cluster: with a place ("Cluster Protection – sous-cluster Nord", "Protection
# Sub-Cluster – Dohuk") the cluster's meeting in that place, a sub-national one; with a sector
# ("GBV sub-cluster") a sector's cluster, read by the cluster words.
# Words saying a meeting did not take place (folded): a bracket holding one is no place.
_CALLED_OFF = frozenset({"cancelled", "canceled", "annulee", "annule", "cancelada", "cancelado",
                         "suspended", "suspendue", "suspendida", "suspensa", "postponed"})  # fmt: skip
_SUB_CLUSTER = re.compile(r"\b(?:sub|sous)[\s-]?cl[uú]sters?\b", re.IGNORECASE)
# A level word, then the place in brackets: "subnacional (Portsmouth)", "Sub-national (Hela)".
_LEVEL_THEN_PLACE = re.compile(r"^(?P<level>[^()\[\]]+?)\s*[(\[]\s*(?P<place>[^()\[\]]+?)\s*[)\]]$")
# A location naming an office below the country office: "Vieux Fort (hub sur)", "Sous-bureau
# de Goma", "Oficina de terreno Cúcuta", "Escritório de campo de Pemba": the meeting held
# there is a sub-national one (folded text).
_FIELD_OFFICE = re.compile(
    r"\b(?:hubs?|sub ?offices?|field offices?|area offices?|antennes?|sous ?bureaux?|"
    r"sous ?bureau|bureaux? de terrain|bureau de terrain|sub ?oficinas?|"
    r"oficinas? de (?:terreno|campo|area)|sub ?escritorios?|escritorios? de (?:campo|terreno))\b"
)
# After a dash, words that make a platform's name another meeting of it ("HCT – sub-group on
# cash", "OMT – ad hoc", "UNCT – retreat"): not the platform's own meeting. Without a dash
# ("UNCT retreat", field2/PHL) the filler words read it as the platform's meeting.
_SIDE_MEETING = lazy(
    r"\b(?:sub ?groups?|sous ?groupes?|sub ?grupos?|retreats?|retraites?|retiros?|"
    r"workshops?|ateliers?|talleres?|taller|oficinas?|task ?forces?|groupes? de travail|"
    r"working groups?|grupos? de trabajo|grupos? de trabalho)\b"
)
# Without a dash, a body of its own: "HCT Sub-Group on Durable Solutions", "Subgrupo de
# Compras Comunes del OMT". A retreat or a workshop without a dash stays the platform's.
_SUB_BODY = re.compile(
    r"\b(?:sub ?groups?|sous ?groupes?|sub ?grupos?|task ?forces?|groupes? de travail|"
    r"working groups?|grupos? de trabajo|grupos? de trabalho)\b"
)
# A meeting of its own, whatever platform the text names beside: "Groupe thématique
# Migration et développement", "Reunión bilateral … (al margen del UNCT)", "PSEA Task
# Force", "Side event on the margins of the HCT". Never a platform's own meeting.
_OTHER_MEETING = re.compile(
    r"\b(?:thematic groups?|groupes? thematiques?|grupos? tematicos?|"
    r"bilateral(?:es)?|bilaterale?s?|task ?forces?|side (?:events?|meetings?)|"
    r"on the (?:margins?|sidelines?|fringes?) of|en marge d(?:e|u|es)?|"
    r"(?:al|en el) margen d(?:e|el)?|(?:a|na) margem d(?:e|a|o|as|os)?)\b"
)
# A meeting of its own only when the text names no platform: "Security briefing (UNDSS) –
# all agencies" is not the SMT; "HCT briefing" stays unknown (S204), perhaps the HCT's.
_BRIEFING = re.compile(r"\b(?:briefings?|sesion informativa|reuniao informativa)\b")
# The words before the platform a sub-body belongs to: "… del OMT", "… de l'EHP", "… da EHP".
_OWNER_WORDS = frozenset({"of", "the", "de", "del", "du", "des", "d", "l", "la", "da", "do",
                          "das", "dos"})  # fmt: skip
# Words saying how a platform's meeting was convened, not another body: "OMT ad hoc", "HCT –
# emergency meeting", "EHP – réunion d'urgence", "sesión especial". A subject in brackets
# after them ("OMT ad hoc (tarifas DSA)") is harmless too.
_CONVENED = re.compile(
    r"\b(?:ad ?hoc|emergency|urgence|emergencia|urgencia|extraordinary|extraordinaire|"
    r"extraordinaria|special|speciale|especial)\b"
)
_TRAILING_BRACKET = lazy(r"\s*\(([^()]*)\)\s*$")


# Cell texts remembered per vocabulary: a batch's names, places and titles many times over.
MEMO_SIZE = 200_000


def _memoised(
    method: Callable[[Vocabulary, object], Result],
) -> Callable[[Vocabulary, object], Result]:
    """Answer each distinct cell text once per process: a batch of rosters repeats its words."""
    name = method.__name__

    @functools.wraps(method)
    def answer(self: Vocabulary, text: object) -> Result:
        key = (name, type(text), text)  # 1, 1.0 and True are equal keys; keep them apart
        try:
            return cast(Result, self._memo[key])
        except KeyError:
            result = method(self, text)
            if len(self._memo) >= MEMO_SIZE:  # bounded: a run of thousands of rosters
                self._memo.clear()
            self._memo[key] = result
            return result
        except TypeError:  # an unhashable cell value
            return method(self, text)

    return answer


class Vocabulary:
    """Lookups built once from the data files, then never changed: a profile extends a
    copy of its own (copy → add_… → seal) before anything reads it. Caches keyed on a
    vocabulary (its memo, the schema built from it, loaded profiles) rely on this."""

    # The name of the cache file the bundled vocabulary is kept in (set by
    # default_vocabulary): what a profile kept between runs was extended from. None for any
    # other vocabulary, a profile's copy included.
    cache_name: str | None = None

    def __init__(
        self,
        words: VocabularyFile,
        representation: RepresentationFile,
        columns: ColumnsFile,
        rules: RulesFile,
    ) -> None:
        self.words = words
        self.representation = representation
        self.columns = columns
        self.rules = rules
        self._memo: dict[tuple[str, type, object], object] = {}
        self.platform_names = {code: p.name for code, p in words.platforms.items()}
        self.sector_names = {code: s.name for code, s in words.sectors.items()}
        self.role_names = {code: r.name for code, r in words.roles.items()}
        self.roles = words.roles
        self.sector_includes = {code: set(s.includes) for code, s in words.sectors.items()}

        self._filler = frozenset(fold(w) for w in words.filler_words)
        self._platforms: dict[str, str] = {}
        for code, entry in words.platforms.items():
            if code != "CLUSTER":
                for alias in [code, entry.name, *entry.aliases]:
                    self._platforms[fold(alias)] = code
        # "UNCT", "EHP": a platform's acronyms as the vocabulary writes them (capitals, one word),
        # and the words of all its names, to read "Equipo de País (UNCT)".
        self._acronyms = {
            fold(alias): code
            for code, entry in words.platforms.items()
            if code != "CLUSTER"
            for alias in [code, *entry.aliases]
            if alias.isupper() and alias.isalpha()
        }
        self._platform_words: dict[str, frozenset[str]] = {
            code: frozenset(
                word for alias in [entry.name, *entry.aliases] for word in fold(alias).split()
            )
            for code, entry in words.platforms.items()
        }
        self._cluster_words = {fold(w) for w in [*words.cluster_markers, *_cluster_aliases(words)]}
        self._cluster_words.add("coordination")
        self._cluster_words.add("coordinacion")
        self._cluster_phrases = sorted(self._cluster_words, key=len, reverse=True)
        self._cluster_names = {fold(w) for w in ["Cluster", *_cluster_aliases(words)]}
        self._sectors = _alias_map({c: [c, s.name, *s.aliases] for c, s in words.sectors.items()})
        self._sector_keys = sorted(self._sectors, key=len, reverse=True)
        self._roles = _alias_map({c: [r.name, *r.aliases] for c, r in words.roles.items()})
        self._role_keys = sorted(self._roles, key=len, reverse=True)
        self._sector_titles = _alias_map(words.sector_titles)
        self._abbreviations = {fold(a): [fold(w) for w in ws] for a, ws in
                               words.title_abbreviations.items()}  # fmt: skip
        self._language_titles: dict[str, dict[str, str]] = {fold(a): {} for r in words.language_titles.values()
                                 for aliases in r.values() for a in aliases}  # fmt: skip
        for lang, roles in words.language_titles.items():
            for code, aliases in roles.items():
                for alias in aliases:
                    self._language_titles[fold(alias)][lang] = code
        # "Deputy Chief of Mission" is the deputy of "Chief of Mission": COM → DCOM.
        self._deputy_of = {
            self._roles[fold(r.name)[len("deputy ") :]]: code
            for code, r in words.roles.items()
            if fold(r.name).startswith("deputy ") and fold(r.name)[len("deputy ") :] in self._roles
        }
        # Names written with a slash ("Shelter/NFI", "Admin/Finance Assistant") are one name,
        # not alternatives. Patterns as text: the pickled cache holds no compiled ones.
        self._slashed = [
            ("(?i)" + r"\s*/\s*".join(re.escape(p.strip()) for p in name.split("/")),
             name.replace("/", " "))
            for name in sorted(
                {n for r in words.roles.values() for n in r.aliases}
                | {n for e in words.sectors.values() for n in e.aliases}
                | {n for ns in words.sector_titles.values() for n in ns},
                key=len, reverse=True)
            if "/" in name
        ]  # fmt: skip
        self._qualifying = frozenset(
            {*_QUALIFIERS, *_DEPUTY, "ad", "par"}
            | {fold(m) for m in words.acting.markers if " " not in fold(m)}
        )
        self._acting = sorted({fold(m) for m in words.acting.markers}, key=len, reverse=True)
        self._stands_for_com = {fold(m) for m in words.acting.stands_for_com}
        self._iom = sorted({fold(a) for a in words.organisation["iom"]}, key=len, reverse=True)
        self._other_organisations = sorted(
            {fold(a) for a in words.organisation.get("others", [])}, key=len, reverse=True
        )
        self._aliases_of: dict[str, list[str]] = {}
        for alias, role in self._roles.items():
            self._aliases_of.setdefault(role, []).append(alias)
        self._non_staff = tuple(fold(word) for word in words.non_staff)
        self._title_status = tuple({fold(word) for word in words.title_status} - {""})
        self._staff_words = frozenset(
            word
            for key in [*self._roles, *self._sector_titles]
            for word in key.split()
            if word not in _LINK_WORDS and word not in _QUALIFIERS
        )
        self._levels = _alias_map({k: v for k, v in words.levels.items()})
        self._capacities = _alias_map({k: v for k, v in words.capacities.items()})
        self._presence = _alias_map(with_modes(words.presence, words.attendance_modes))
        # Marks with no letter or digit ("✓", "✗"), matched as written: they fold to nothing.
        self._presence_marks = {
            name.strip(): code
            for code, names in words.presence.items()
            for name in names
            if not fold(name)
        }
        self.headers = Headers.build(
            ((name, entry.aliases, entry.required) for name, entry in columns.columns.items()),
            columns.other_columns,
            columns.keywords,
            words.organisation,
            words.presence,
            platform_names(dumped := words.model_dump()),
            columns.contact_lists,
            platform_only_names(dumped),
            title_names(dumped),
            email_domains=words.email_domains,
            app_roles=words.meeting_app_roles,
            modes=words.attendance_modes,
            expected_lists=columns.expected_lists,
            expected_words=columns.expected_columns,
            summaries=columns.summary_sheets,
            codes=platform_codes(dumped),
        )
        # Display forms offered as suggestions, keyed by their folded text.
        self._platform_display = _display(
            [(c, [e.name, *e.aliases]) for c, e in words.platforms.items() if c != "CLUSTER"]
        )
        self._platform_display.update(
            {fold(f"{s.name} Cluster"): f"{s.name} Cluster" for s in words.sectors.values()}
        )
        self._role_display = _display([(c, [r.name, *r.aliases]) for c, r in words.roles.items()])
        self._sector_display = _display(
            [(c, [s.name, *s.aliases]) for c, s in words.sectors.items()]
        )

        # The level a meeting is at when its level cell is blank (profiles set it per platform).
        self.platform_levels: dict[str, str] = {}
        self._sealed = True

    # -- extension by profiles --------------------------------------------------------
    def copy(self) -> Vocabulary:
        """A copy a profile may extend without changing this (cached, shared) vocabulary."""
        twin = copy.copy(self)
        twin._memo = {}  # answers change with the profile's aliases
        twin.platform_names = dict(self.platform_names)
        twin.platform_levels = dict(self.platform_levels)
        twin._platforms = dict(self._platforms)
        twin._platform_display = dict(self._platform_display)
        twin._roles = dict(self._roles)
        twin._role_keys = list(self._role_keys)
        twin._role_display = dict(self._role_display)
        twin._aliases_of = {role: list(aliases) for role, aliases in self._aliases_of.items()}
        twin._sealed = False
        twin.cache_name = None
        return twin

    def seal(self) -> None:
        """The profile has extended this copy: from now on it is only read."""
        self._sealed = True

    def _extending(self) -> None:
        if self._sealed:
            raise RuntimeError("a vocabulary is extended only by the profile building its copy")
        self._memo.clear()

    def add_platform(self, code: str, name: str) -> None:
        """A platform of one country only (e.g. an Area Humanitarian Team)."""
        self._extending()
        self.platform_names[code] = name
        self.add_platform_alias(code, code)
        self.add_platform_alias(name, code)

    def set_platform_level(self, code: str, level: str) -> None:
        self._extending()
        self.platform_levels[code] = level

    def add_platform_alias(self, alias: str, code: str) -> None:
        self._extending()
        self._platforms[fold(alias)] = code
        self._platform_display.setdefault(fold(alias), alias)

    def add_title_alias(self, alias: str, role: str) -> None:
        self._extending()
        self._roles[fold(alias)] = role
        self._aliases_of.setdefault(role, []).append(fold(alias))
        self._role_keys = sorted(self._roles, key=len, reverse=True)
        self._role_display.setdefault(fold(alias), alias)

    # -- questions --------------------------------------------------------------------
    @_memoised
    def key(self, text: object) -> str:
        """fold(), remembered: names and places recur across a batch's rosters."""
        return fold(text)

    def header_field(self, text: str) -> str | None:
        return self.headers.match(text)

    @_memoised
    def platform(self, text: object) -> PlatformMatch | None:
        key = fold(text)
        if not key or _doubted(str(text)):  # "HCT?": which meeting it was is not sure
            return None
        if self.side_meeting(text) is not None:  # "HCT – sub-group on cash": not the HCT
            return None
        return self._read_platform(text, key)

    def _read_platform(self, text: object, key: str) -> PlatformMatch | None:
        """The platform a text names, side meetings aside (`platform` says None for them)."""
        first, _, rest = key.partition(" ")
        if first in _OTHER_ANSWER and rest:
            key = rest  # a form's "Other: Nutrition cluster meeting"
        found = self._platform_named(key)
        if found is None and (bare := self._without_filler(key)) != key:
            found = self._platform_named(bare)  # "Monthly HCT meeting", "Réunion de l'EHP"
        if found is None:
            found = self._bracketed_platform(text)
        if found is None and _CONVENED.search(key):
            found = self._convened(str(text))
        return found if found is not None else self._cluster(key)

    def _convened(self, text: str) -> PlatformMatch | None:
        """ "OMT ad hoc (tarifas DSA)": the OMT's meeting, convened ad hoc, on a subject."""
        bracket = _TRAILING_BRACKET.search(text)
        if bracket is not None and not _SIDE_MEETING.search(fold(bracket.group(1))):
            text = text[: bracket.start()]
        key = self._without_filler(_CONVENED.sub(" ", fold(text)))
        found = self._platform_named(key) if key else None
        return found if found is not None and found.platform != "CLUSTER" else None

    @_memoised
    def side_meeting(self, text: object) -> str | None:
        """Whether a text names a side meeting, a meeting that is no platform's own: the
        platform it is a side meeting of, or "" when it names none. A platform's name, a
        dash, then a sub-group, a retreat, a workshop… ("HCT – sub-group on cash" → "HCT");
        a sub-body named with its platform ("Subgrupo de Compras Comunes del OMT" → "OMT");
        a thematic group, a bilateral meeting, a task force, a meeting "on the margins of" one
        ("Groupe thématique Migration et développement" → ""); a briefing naming no platform
        ("Security briefing (UNDSS)" → ""). A platform's own name holding such words
        ("Inter-Cluster Working Group") is that platform; a cluster's own sub-groups
        ("Protection cluster – GBV sub-group") are its sectors'; a sub-group or working group
        of no named platform ("Cash Working Group") may be a cluster's: None (S204)."""
        if not isinstance(text, str):
            return None
        if _PLACE_DASH.search(text):
            head, *tail = _PLACE_DASH.split(text)
            if _SIDE_MEETING.search(fold(" ".join(tail))):
                found = self.platform(head)
                if found is not None and found.platform != "CLUSTER":
                    return found.platform
        key = fold(text)
        owner = self._sub_body_of(key)
        if owner is not None:
            return owner
        if not key or _doubted(text) or not (_OTHER_MEETING.search(key) or _BRIEFING.search(key)):
            return None
        if self._read_platform(text, key) is not None:  # "Inter-Cluster Working Group"
            return None
        if _OTHER_MEETING.search(key) or self._platform_in(key) is None:
            return ""
        return None

    def _platform_in(self, key: str) -> str | None:
        """A platform whose acronym or one of whose names a folded text contains."""
        for word in key.split():
            if word in self._acronyms:
                return self._acronyms[word]
        return next((code for alias, code in self._platforms.items()
                     if len(alias) > 3 and _contains(key, alias)), None)  # fmt: skip

    def _sub_body_of(self, key: str) -> str | None:
        """ "HCT Sub-Group on Durable Solutions" → "HCT", "Subgrupo de Compras Comunes del OMT"
        → "OMT": a sub-group, task force or working group named with the platform it belongs
        to, before it or after "of"/"de"/"del"/"da" at the end."""
        body = _SUB_BODY.search(key)
        if body is None or self._platform_named(key) is not None:  # "Inter-Cluster Working Group"
            return None
        head, words = key[: body.start()].strip(), key[body.end() :].split()
        owners = [head] if self._without_filler(head) else []
        owners += [" ".join(words[i + 1 :]) for i, w in enumerate(words) if w in _OWNER_WORDS]
        for owner in owners:
            found = self.platform(owner) if owner else None
            if found is not None and found.platform != "CLUSTER":
                return found.platform
        return None

    def _bracketed_platform(self, text: object) -> PlatformMatch | None:
        """ "Equipo de País (UNCT)": a platform's acronym in brackets after words that are all
        words of that platform's own names (a short form of one of them). "Equipo Humanitario
        (UNCT)" is no match: its words name another platform. The other way round too: the
        acronym, then a gloss of it in brackets in any language ("SMT (Seguridad)", "SMT
        (Sécurité)"); "SMT (Programas)" is no match."""
        bracketed = _BRACKETED.findall(text) if isinstance(text, str) else []
        if len(bracketed) != 1:
            return None
        code = self._acronyms.get(fold(bracketed[0]))
        outside = fold(_BRACKETED.sub(" ", str(text)))
        gloss = None if code is not None else self._acronyms.get(outside)
        if gloss is not None:
            code, text = gloss, bracketed[0]
        if code is None:
            return None
        words = self._without_filler(fold(_BRACKETED.sub(" ", str(text)))).split()
        if words and all(word in self._platform_words[code] for word in words):
            return PlatformMatch(code, None)
        return None

    def _without_filler(self, key: str) -> str:
        return " ".join(w for w in key.split() if w not in self._filler)

    def _platform_named(self, key: str) -> PlatformMatch | None:
        if key in self._platforms:
            return PlatformMatch(self._platforms[key], None)
        if key in self._cluster_names:
            return PlatformMatch("CLUSTER", None)  # a bare "Cluster": the sector column names it
        if key in self._sectors:
            return PlatformMatch("CLUSTER", self._sectors[key])  # "Health", "SLSC": that cluster
        # "HCT (Humanitarian Country Team)": names of one platform and nothing else.
        for alias, code in self._platforms.items():
            if len(alias) > 2 and _contains(key, alias):
                rest = key
                for other in (a for a, c in self._platforms.items() if c == code):
                    while _contains(rest, other):
                        rest = _remove(rest, other)
                if not self._without_filler(rest):
                    return PlatformMatch(code, None)
        return None

    def _cluster(self, key: str) -> PlatformMatch | None:
        """ "Health Cluster", "Clúster de Salud", "GBV AoR": a sector next to cluster words."""
        words = set(key.split())
        strong = {"cluster", "clusters", "subcluster", "subclusters", "sector", "secteur", "aor",
                  "wg"}  # fmt: skip
        if not (words & strong or any(_contains(key, p) for p in _GROUP_PHRASES)):
            return None
        for alias in self._sector_keys:
            if _contains(key, alias):
                sector = self._sectors[alias]
                rest = key
                for same in self._sector_keys:  # "Protection cluster – GBV sub-group": one sector
                    while self._sectors[same] == sector and _contains(rest, same):
                        rest = _remove(rest, same)
                for marker in self._cluster_phrases:
                    while _contains(rest, marker):
                        rest = _remove(rest, marker)
                if not self._without_filler(rest):
                    return PlatformMatch("CLUSTER", self._sectors[alias])
        return None

    @_memoised
    def sector(self, text: object) -> str | None:
        key = fold(text)
        if not key:
            return None
        if key in self._sectors:
            return self._sectors[key]
        for alias in self._sector_keys:
            if len(alias) > 2 and _contains(key, alias):
                return self._sectors[alias]
        return None

    @_memoised
    def title(self, text: object) -> TitleMatch:
        """A title is a role's name with known qualifiers around it (a.i., acting, senior,
        deputy, a sector, the role's abbreviation) and, after a comma, dash or bracket, a place
        or unit ("Head of Sub-Office, Gambella"). Anything else around a role's name ("Driver
        of the Chief of Mission", "Not the Chief of Mission") is no match: a near miss that
        is reported with a suggestion, never taken for the role."""
        raw = _INCLUSIVE.sub("", str(text)) if text is not None else ""
        if _doubted(raw):  # "Chief of Mission?", "CoM (?)": the writer was not sure who it was
            return TitleMatch(None, None, False)
        raw = _DELEGATION.split(raw, maxsplit=1)[0]  # "RMO on behalf of the CoM": the RMO
        graded = _GRADE_AFTER.sub("", _GRADE_BEFORE.sub("", raw))  # "P5 – CoM": the CoM
        found = self._ungraded_title(graded)
        # A general-service grade holds no post of the table's above an officer's: "G5 – CoM"
        # is more likely the CoM's office assistant than the CoM. Not read, never the role.
        if graded != raw and _GENERAL_SERVICE.search(raw) and found.role in self.roles \
                and self.roles[found.role].rank <= _OFFICER_RANK:  # fmt: skip
            return TitleMatch(None, None, False)
        return found

    def _ungraded_title(self, raw: str) -> TitleMatch:
        """`title` of a text without its grade."""
        if not fold(raw):
            return TitleMatch(None, None, False)  # "P5": a grade, no post
        if fold(raw).split()[:1] and fold(raw).split()[0] in _STANDING_IN:
            return TitleMatch(None, None, False)  # "For CoM": someone sent in the CoM's place
        represented = _REPRESENTED_BY.split(raw, maxsplit=1)
        if len(represented) == 2:
            # "Cheffe de mission – représentée par M. Koné, Chef de mission adjoint": the one
            # who sat is the one after; their title is one of the parts named there.
            for part in _TITLE_SEPARATOR.split(represented[1]):
                found = self._title_words(fold(part))
                if found is not None:
                    return found
            return TitleMatch(None, None, False)
        possessive = _POSSESSIVE.split(raw, maxsplit=1)
        if len(possessive) == 2 and possessive[1].strip():  # "Chief of Mission's driver"
            return self._title_words(fold(possessive[1])) or TitleMatch(None, None, False)
        raw = _DEPUTY_JOINED.sub("Deputy ", raw)  # "D/CoM": the Deputy CoM
        for name, one in self._slashed:
            raw = re.sub(name, one, raw)
        if "/" in raw:
            return self._alternatives(raw)
        found = self._title_words(fold(raw)) or self._with_complement(fold(raw))
        if found is not None:
            return found
        first = _TITLE_SEPARATOR.search(raw)
        if first is not None and self._says_status(fold(raw[first.start() :])):
            return TitleMatch(None, None, False)  # "Chief of Mission – apologies", "… (tbc)"
        if first is not None and self._names_contract(fold(raw[first.start() :])):
            return TitleMatch(None, None, False)  # "Oficial de Salud Migratoria (UNV)"
        # A place or unit after a separator: "Programme Officer - Gambella".
        for cut in reversed([m.start() for m in _TITLE_SEPARATOR.finditer(raw)]):
            head, tail = fold(raw[:cut]), fold(raw[cut:])
            if head in self._stands_for_com and _OFFICE_WORDS & set(tail.split()):
                # "OIC, Sub-Office Gaziantep": in charge of an office, not acting CoM.
                return TitleMatch("HEAD_OFFICE", None, True)
            tail = fold(raw[cut:])
            staff = any(self._names_staff(word) for word in tail.split())
            if not tail or (staff and not self._serves_a_role(tail)):
                continue
            found = self._title_words(fold(raw[:cut]))
            if found is not None:
                return found
        return TitleMatch(None, None, False)

    def _says_status(self, tail: str) -> bool:
        """Whether what follows a role's name says the person was away ("– apologies", "– on
        leave") or is not settled in the role or the meeting ("(tbc)", ", designate"): then it
        is not a place, and the title is not the role."""
        return any(_contains(tail, word) for word in (*self.headers.absent, *self._title_status))

    def reads_abbreviation(self, key: str) -> bool:
        """Whether a folded word has a built-in reading in titles: an abbreviation ("pm",
        "snr") or a role's short name ("com", "rmo", "hoso")."""
        return key in self._abbreviations or key in self._roles

    def _names_contract(self, tail: str) -> bool:
        """Whether what follows a title names a contract of someone who is not staff: "(UNV)",
        ", IC", "(consultant)", "(pasante)", "(estagiário)". Like "UNV" before the title, it
        leaves the title unread: such a person may not stand for IOM."""
        words = tail.split()
        return bool(_CONTRACTS & set(words)) or any(_contains(tail, w) for w in self._non_staff)

    def _alternatives(self, raw: str) -> TitleMatch:
        """ "CoM/Chef de Mission", "Chief of Mission/a.i.": the role when every part of a title
        split by "/" is a title or a qualifier, and the titles name the same role; no match
        otherwise ("PA/CoM", "CoM/RC", "Chief of Mission / Regional Director")."""
        parts = [part for part in _SLASH.split(raw) if fold(part)]
        nothing = TitleMatch(None, None, False)
        titles = []
        for part in parts:
            if not self._qualifies(fold(part)):
                found = self.title(part)
                if found.role is None:
                    return nothing
                titles.append(found)
        if not titles:
            return nothing
        if len(titles) < len(parts):  # "CoM/Deputy", "Chief of Mission / a.i.": one title
            return self.title(" ".join(parts))
        sectors = {t.sector for t in titles} - {None}
        if len({t.role for t in titles}) > 1 or len(sectors) > 1:
            return nothing
        return TitleMatch(titles[0].role, next(iter(sectors), None), any(t.acting for t in titles))

    def _qualifies(self, key: str) -> bool:
        """Whether a part of a title only qualifies a role: "Deputy", "a.i.", "Dy", "Snr"."""
        return bool(key) and all(
            word in self._qualifying
            or (word in self._abbreviations
                and all(w in self._qualifying for x in self._abbreviations[word] for w in x.split()))
            for word in key.split()
        )  # fmt: skip

    def _readings(self, key: str) -> list[str]:
        """The key with its abbreviations written out, every way ("prog coord" → "programme
        coordinator", "programa coordinador", …); the key itself when it has none."""
        readings = [""]
        for word in key.split():
            options = self._abbreviations.get(word, [word])
            readings = [f"{r} {o}".strip() for r in readings for o in options][:_MAX_READINGS]
        return readings

    def _title_words(self, key: str) -> TitleMatch | None:
        """The role a folded title names with nothing unexplained around it, or None; read with
        its abbreviations written out, then (no role found) with its plural words made
        singular ("oficial nacional de programas")."""
        found = {self._title_plain(reading) for reading in self._readings(key)} - {None}
        if len(found) > 1:  # two readings, two roles: no reading is sure
            return None
        if found:
            return found.pop()
        singular = _PLURAL.sub(r"\1", key)
        return self._title_words(singular) if singular != key else None

    def _title_plain(self, key: str) -> TitleMatch | None:
        """The role a folded title without abbreviations names, or None."""
        if not key:
            return None
        acting = False
        if key in self._stands_for_com:
            return TitleMatch("COM", None, True)
        for marker in self._acting:
            if _contains(key, marker):
                acting = True
                key = _remove(key, marker)
        if key in self._stands_for_com:
            return TitleMatch("COM", None, True)
        role = next((self._roles[a] for a in self._role_keys if _contains(key, a)), None)
        if role is None:
            found = self._sector_title(key, acting)
            return found if found.role is not None else None
        for alias in sorted(self._aliases_of[role], key=len, reverse=True):  # "… (CoM)"
            while _contains(key, alias):
                key = _remove(key, alias)
        sector = None
        for alias in self._sector_keys:  # "WASH Programme Officer", "Chargé de programme Santé"
            while _contains(key, alias):
                sector = sector or self._sectors[alias]
                key = _remove(key, alias)
        rest = key.split()
        if any(word in _DEPUTY for word in rest):  # "CoM (Deputy)": the DCoM, never the CoM
            rest = [word for word in rest if word not in _DEPUTY]
            deputy = self._deputy_of.get(role)
            if deputy is None:
                return None
            role = deputy
        if all(word in _QUALIFIERS or word in _LINK_WORDS for word in rest):
            return TitleMatch(role, sector, acting)
        return None

    def _with_complement(self, key: str) -> TitleMatch | None:
        """ "Driver of the Chief of Mission", "Special Assistant to the CoM", "Assistant du
        Chef de Mission": a post, then whom it serves. The post is the title; the role named
        after it is not the person's."""
        for match in _COMPLEMENT.finditer(f" {key} "):
            head, tail = key[: max(match.start() - 1, 0)], key[match.start() :]
            if not head or not self._serves_a_role(tail):
                continue
            found = self._title_words(head)
            if found is not None:
                return found
        return None

    def _serves_a_role(self, tail: str) -> bool:
        """ "to the Chief of Mission", "Office of the CoM": whom a post serves, nothing else.
        The role comes last, and is one a post may serve: "… de l'OIM Assistant" serves no one."""
        served = [alias for alias in self._role_keys if self._roles[alias] != "OTHER"]
        rest = tail
        for alias in served:
            while _contains(rest, alias):
                rest = _remove(rest, alias)
        words = rest.split()
        ends_with_role = any(f" {tail}".endswith(f" {alias}") for alias in served)
        return ends_with_role and bool(words) and all(w in _SERVES for w in words)

    def _names_staff(self, word: str) -> bool:
        """Whether a word names a post ("assistant", "driver", "officer"): such a word after
        a comma is part of the title, not a place. So is "deputy", and an abbreviation of
        either ("Asst.", "Dy")."""
        return any(
            one in self._staff_words or one in _DEPUTY
            for reading in self._abbreviations.get(word, [word])
            for one in reading.split()
        )

    def _sector_title(self, key: str, acting: bool) -> TitleMatch:
        """ "Shelter Officer": a sector with a generic word is a programme role of that sector."""
        for alias in self._sector_keys:
            if len(alias) > 2 and _contains(key, alias):
                rest = " ".join(
                    w for w in _remove(key, alias).split()
                    if w not in _LINK_WORDS and w not in _QUALIFIERS
                )  # fmt: skip
                role = self._sector_titles.get(rest)
                if role is not None:
                    return TitleMatch(role, self._sectors[alias], acting)
                break
        return TitleMatch(None, None, acting)

    @_memoised
    def organisation(self, text: object) -> str | None:
        """Who an organisation cell names: IOM, OTHER (another agency, or "non-IOM", "former
        IOM"), UNCLEAR (IOM named beside another agency or a relation: "OCHA (seconded from
        IOM)", "IOM partner NGO") or None for an empty cell. Only IOM counts as IOM."""
        key = fold(text)
        if not key:
            return None
        if _doubted(str(text)) and any(_contains(key, alias) for alias in self._iom):
            return UNCLEAR  # "IOM?", "OIM (?)": the writer was not sure; "IOM*": a footnote
        domain = _DOMAIN.search(str(text))
        if domain is not None and len(str(text).split()) == 1:  # "@iom.int", "x@unicef.org"
            return IOM if self.headers.iom_domain(domain.group(1)) else OTHER
        words = key.split()
        if not any(_contains(key, alias) for alias in self._iom):
            return OTHER
        if any(word in _NOT_IOM for word in words) or self._partner_of_iom(key, str(text)):
            return OTHER
        rest = key
        for alias in self._iom:
            while _contains(rest, alias):
                rest = _remove(rest, alias)
        if any(word in _RELATION for word in words) or any(
            _contains(rest, other) for other in self._other_organisations
        ):
            return UNCLEAR
        return IOM

    def _partner_of_iom(self, key: str, text: str) -> bool:
        """ "ONG partenaire de l'OIM", "IOM partner NGO", "ONG socia de la OIM": another
        organisation, named as IOM's partner, is not IOM. Only when the partner is named
        beside the word ("IOM partner" alone, "Socio implementador de la OIM" stay unclear),
        IOM stands at the phrase's end or start, and nothing joins IOM to someone else or
        names another relation ("IOM and partners", "IOM/partner", "seconded")."""
        words = key.split()
        if (
            not any(word in _PARTNER for word in words)
            or _JOINING_MARKS.search(text)
            or any(word in _JOINED or word in _RELATION - _PARTNER - _PARTNER_LINKS
                   for word in words)
        ):  # fmt: skip
            return False
        alias = next(a for a in self._iom if _contains(key, a))
        before, _, after = f" {key} ".partition(f" {alias} ")
        ahead = before.split()  # "ONG partenaire de l'" + OIM
        while ahead and ahead[-1] in _PARTNER_LINKS:
            ahead.pop()
        behind = after.split()  # IOM + "'s implementing partner NGO"
        while behind and behind[0] in _PARTNER_LINKS:
            behind.pop(0)
        named_before = not behind and len(ahead) > 1 and ahead[-1] in _PARTNER
        named_after = not ahead and len(behind) > 1 and behind[0] in _PARTNER
        return named_before or named_after

    def is_iom(self, text: object) -> bool:
        return self.organisation(text) == IOM

    @_memoised
    def platform_at_level(self, text: object) -> PlatformAtLevel | None:
        """ "Sub-national HCT – Hela Province", "Cluster Abris – Anjouan (niveau insulaire)":
        a known platform's name with words of one level (`levels` of the vocabulary) around
        it, and perhaps a place after a dash or in brackets after the level word ("Cluster de
        Proteção – subnacional (Portsmouth)"). A cluster's sub-cluster with a place is that
        cluster, sub-national, there ("Cluster Protection – sous-cluster Nord (Ettelbruck)",
        "Protection Sub-Cluster – Dohuk"). Every word must be accounted for: anything else
        ("Clúster CCCM (OIM co-lidera)") is no match, and without a level word neither
        ("HCT – Goma" says a place, not a level)."""
        if not isinstance(text, str) or _doubted(text):
            return None
        levels: set[str] = set()
        rest = text
        for inside in _BRACKETED.findall(text):  # "(niveau insulaire)": a level, or kept
            if (level := self.level(inside)) is not None:
                levels.add(level)
                rest = rest.replace(f"({inside})", " ").replace(f"[{inside}]", " ")
        parts = [p.strip() for p in _PLACE_DASH.split(rest.strip())]
        if len(parts) > 2 or not all(parts):
            return None
        name, place = parts[0], parts[1] if len(parts) == 2 else None
        if place is not None and (level := self.level(place)) is not None:
            levels.add(level)  # "HCT – sub-national": a level, not a place
            place = None
        elif place is None and (read := self._level_then_place(name)) is not None:
            name, place = read  # "Cluster de Proteção subnacional (Portsmouth)"
        elif place is not None and (read := self._level_then_place(place)) is not None:
            said, place = self.level(read[0]), read[1]  # "subnacional (Portsmouth)"
            if said is None:  # "Nord subnacional (Portsmouth)": words left unaccounted for
                return None
            levels.add(said)
        elif place is not None and (sub := _SUB_CLUSTER.search(place)) is not None:
            name = f"{name} {sub.group(0)}"
            place = _SUB_CLUSTER.sub(" ", place, count=1).strip()  # "sous-cluster Nord"
            place = place[1:-1].strip() if _BRACKETED.fullmatch(place) else place  # "(Goma)"
        found = self.platform(name)
        if (
            found is not None and found.platform == "CLUSTER" and _SUB_CLUSTER.search(name)
            and place is not None and self._names_a_place(place)
        ):  # fmt: skip
            levels.add("subnational")  # "Protection Sub-Cluster – Dohuk"
        key = fold(name)
        if found is None:
            for alias in sorted(self._levels, key=len, reverse=True):
                while _contains(key, alias):
                    levels.add(self._levels[alias])
                    key = _remove(key, alias)
            found = self.platform(key) if key else None
        if found is None or len(levels) != 1:
            return None
        if place is not None and not self._names_a_place(place):
            return None
        return PlatformAtLevel(found, levels.pop(), place)

    def _level_then_place(self, text: str) -> tuple[str, str] | None:
        """ "subnacional (Portsmouth)" → ("subnacional", "Portsmouth"); "Cluster de Proteção
        subnacional (Portsmouth)" → ("Cluster de Proteção subnacional", "Portsmouth"): a
        place in brackets right after a level word."""
        match = _LEVEL_THEN_PLACE.match(text.strip())
        if match is None:
            return None
        before, place = match.group("level"), match.group("place")
        last = fold(before).split()[-1:] if fold(before) else []
        if not last or self.level(last[0]) is None:
            return None
        return before, place

    def _names_a_place(self, text: str) -> bool:
        """A place's name, as far as words tell: "Nord (Ettelbruck)", "Hela Province",
        "Portsmouth". Not a remark ("OIM co-lead", "cancelled"), a level, a sector ("GBV": a
        sector's sub-cluster), a platform, a side meeting or a date."""
        key = fold(text)
        return bool(key) and not (
            any(ch.isdigit() for ch in text)
            or self.level(text) is not None
            or self.sector(text) is not None
            or self.platform(text) is not None
            or self.organisation(text) in (IOM, UNCLEAR)
            or self.presence(text) is not None
            or _SIDE_MEETING.search(key) or _OTHER_MEETING.search(key)
            or any(word in MOVED or word in _CALLED_OFF for word in key.split())
        )  # fmt: skip

    def field_office(self, text: object) -> bool:
        """A location naming an office below the country office ("Vieux Fort (hub sur)",
        "Sous-bureau de Goma", "Oficina de terreno – Cúcuta", "Escritório de campo de Pemba"),
        or saying a sub-national level in brackets ("Goma (provincial)"): a sub-national
        meeting's place."""
        if not isinstance(text, str) or _doubted(text):
            return False
        if any(self.level(inside) == "subnational" for inside in _BRACKETED.findall(text)):
            return True
        return bool(_FIELD_OFFICE.search(fold(text)))

    @_memoised
    def level(self, text: object) -> str | None:
        key = fold(text)
        return self._levels.get(key) or self._levels.get(self._without_filler(key))

    @_memoised
    def presence(self, text: object) -> str | None:
        """present, absent, or None for a value that says neither ("tbc")."""
        if isinstance(text, bool):
            return "present" if text else "absent"
        footnote = footnotes.read(text)
        if footnote is not None:  # a row marked for a footnote (layout): absent if it says so
            return "absent" if footnotes.says_not_there(footnote[3]) else None
        key = fold(text)
        if not key or _lone_accented(text):  # a mark, or nothing a word can be read from
            return self._presence_marks.get(str(text).strip()) if text is not None else None
        if _doubted(str(text)):  # "X?", "Yes?", "P (?)": a doubt, not a mark
            return None
        found = self._presence.get(key) or self._presence.get(key.replace(" ", ""))
        return found or ("absent" if self._absent_for_a_reason(str(text)) else None)

    def _absent_for_a_reason(self, text: str) -> bool:
        """A word of absence, then why ("No – envió excusas", "Ausente (CM em Genebra)",
        "Absent: on leave"): absent, unless the reason speaks of anyone going, coming, joining
        or leaving ("No – DCoM attended", "Não – ligou-se por Teams"), names a person
        ("T. Nxumalo") or is a post's title alone ("No (DCoM)"): who went is not known then."""
        head, reason = _split_reason(text)
        if not reason or self._presence.get(fold(head)) != "absent":
            return False
        said = _NOT_CONNECTED.sub(" ", _NOBODY_INSTEAD.sub(" ", f" {fold(reason)} "))
        if _NOT_CONNECTED.search(fold(head)):  # "Could not join (Teams)": the call missed
            said = _CALL.sub(" ", said)
        if _SOMEONE_WENT.search(said) or instead.someone_else_went(said) or (
                instead.signed_for(reason) or _PERSON.search(reason)):  # fmt: skip
            return False
        role = self.title(reason.strip(" ()[]")).role
        return role is None

    def remark_subject(self, text: object, own_title: object = None) -> TitleMatch | None:
        """The title a remark names before the words that say someone was away: "CoM on
        leave", "Cheffe de mission en déplacement", "La Jefa de Misión de vacaciones", "JdM de
        vacaciones", "CdM en mission" are about the Chief of Mission, whoever's row they are
        written on. None when the remark starts with those words ("On leave – DCoM attended":
        about the row's own person). "CM" (also a Camp Manager, a Country Manager, a Chargé de
        mission) names the Chief of Mission only on the row of an acting one (`own_title`),
        whose post is someone else's while they are away."""
        key = f" {fold(text)} "
        starts = [key.find(f" {word} ") for word in self.headers.absent if f" {word} " in key]
        if not starts:
            return None
        words = key[: min(starts)].split()
        while words and words[0] in _ARTICLES:
            words.pop(0)
        while words and words[-1] in _ARTICLES:  # "JdM de vacaciones": "de" before the words
            words.pop()
        said = " ".join(words)
        if said in _HEAD_IN_REMARKS or (said in _HEAD_IF_ACTING and self._acting_head(own_title)):
            said = "chief of mission"
        match = self.title(said) if words else None
        return match if match is not None and match.role not in (None, "OTHER") else None

    def _acting_head(self, title: object) -> bool:
        """Whether a title is the Chief of Mission's, acting ("Chefe de Missão a.i.")."""
        own = self.title(title) if isinstance(title, str) else None
        head = self.title("chief of mission")
        return own is not None and own.acting and own.role == head.role

    def acting_because_away(self, text: object, own_title: object, own_name: object) -> bool:
        """Whether a remark on an acting head's row says someone else, named by a first name
        or two, was away ("Ana en misión en Tobago" beside "Jefe de Misión a.i."): the reason
        for the acting, not a doubt on the row's own person. A name the row's own name shares
        a word with, a title, or more than two words are no such remark: nor, as nicknames
        vary ("Gabi", "Gaby" for Gabriel Salas), a name starting with the letter one of the
        row's own names starts with."""
        own = self.title(own_title) if own_title is not None else None
        if type(text) is not str or own is None or not own.acting or own.role is None:
            return False
        raw = text.split()
        folded = [fold(w) for w in raw]
        absent = [w.split() for w in self.headers.absent if w]
        at = next((j for j in range(1, min(len(raw), 3) + 1)
                   if any(folded[j : j + len(w)] == w for w in absent)), None)  # fmt: skip
        if at is None:
            return False
        names = raw[:at]
        if not all(w[:1].isupper() and w.isalpha() and fold(w) not in _ARTICLES for w in names):
            return False
        if self.title(" ".join(names)).role is not None:
            return False
        mine = fold(own_name).split() if isinstance(own_name, str) else []
        return bool(mine) and not any(a[:1] == b[:1] for a in map(fold, names) for b in mine)

    def presence_beside(self, text: object, own_title: object) -> str | None:
        """The presence of a cell the layout kept with a remark beside it ("Y – CoM on
        mission") when the remark is about another post than the row's own title (the Deputy
        CoM's row, who came in her place): the mark's own reading. None when the remark names
        no post ("Yes – on leave"), the row's own post ("CoM on leave" on the CoM's row), or
        the row has no known title: then the remark may be about the row's person."""
        if type(text) is not str or " – " not in text:
            return None
        mark, remark = text.split(" – ", 1)
        if self.presence(mark) != "present":
            return None
        subject = self.remark_subject(remark, own_title)
        own = self.title(own_title) if own_title is not None else None
        if subject is None or own is None or own.role is None or subject == own:
            return None
        return "present"

    def language_title(self, text: object) -> dict[str, str]:
        """The role a title names in each language where it is one of that language's own
        abbreviations (vocabulary `language_titles`: "CM" → {"pt": "COM"}); {} for any other."""
        return self._language_titles.get(fold(text), {}) if isinstance(text, str) else {}

    def marks(self, text: object) -> Marks:  # not memoised: names are nearly all distinct
        """A name, title or organisation cell without the marks people add in brackets:
        "(excusée)", "(apologies)", "(absent)" — the person did not attend — and "(observer)",
        "(observatrice)" — they attended as observer."""
        if not isinstance(text, str):
            return Marks(text, False, False)
        suffix = _LAST_SEPARATOR.match(text) if ("," in text or "-" in text or "–" in text
                                                  or "—" in text) else None  # fmt: skip
        if suffix is not None and fold(suffix[2]) in self.headers.absent:
            return Marks(self.marks(suffix[1]).text, True, self.marks(suffix[1]).observer)
        if not ("(" in text or "[" in text):
            return Marks(text, False, False)  # the marks are in brackets: most cells have none
        absent = bool(_ABSENT_MARK.search(text))
        observer = bool(_OBSERVER_MARK.search(text))
        if not (absent or observer):
            return Marks(text, False, False)
        cleaned = _OBSERVER_MARK.sub(" ", _ABSENT_MARK.sub(" ", text))
        return Marks(" ".join(cleaned.split()) or None, absent, observer)

    @_memoised
    def capacity(self, text: object) -> str | None:
        key = fold(text)
        if key in self._capacities:
            return self._capacities[key]
        return next((c for k, c in self._capacities.items() if _contains(key, k)), None)

    def sector_matches(self, cluster_sector: str | None, attendee_sector: str | None) -> bool:
        if cluster_sector is None or attendee_sector is None:
            return True
        if cluster_sector == attendee_sector:
            return True
        return attendee_sector in self.sector_includes.get(cluster_sector, set())

    # -- suggestions ------------------------------------------------------------------
    def nearest_field(self, header: object) -> str | None:
        """The field a header nobody recognised is closest to ("Dte" → date), if any."""
        from rapidfuzz import fuzz, process

        key = fold(header)
        if len(key) < 2:
            return None
        names = self.headers.fields
        best = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=70)
        return names[best[0]] if best else None

    def suggest_platform(self, text: object) -> str | None:
        """The platform whose acronym the text contains ("Equipo Humanitario (UNCT)" → "UNCT"),
        when it contains one only; else the nearest spelling ("Humanitarian Contry Team")."""
        named = {self._acronyms[word] for word in fold(text).split() if word in self._acronyms}
        if len(named) == 1:
            return named.pop()
        return _suggest(text, self._platform_display)

    @_memoised
    def title_in_name(self, text: object) -> str | None:
        """The title written in a name cell ("Chief of Mission - Jane Doe", "Jane Doe (CoM)",
        "RMO - Ahmed Saleh"), when one of its parts is a title and the rest is not."""
        if not isinstance(text, str):
            return None
        for splitter, strip in ((_NAME_PARTS, " "), (_NAME_BRACKETS, " ()[]")):
            parts = [p.strip(strip) for p in splitter.split(text) if p.strip(strip)]
            if len(parts) < 2:
                continue
            titled = [p for p in parts if self.title(p).role is not None]
            if len(titled) == 1:
                return titled[0]
        return None

    @_memoised
    def post_stood_for(self, text: object) -> str | None:
        """The role of the post a name cell says its person came for, when it names that
        person too: "Em nome da Chefe de Missão: R. Khumalo", "R. Khumalo, on behalf of the
        CoM" → COM. None where the cell names a person only ("A. Fall (pour M. Ndiaye)"), a
        post only, or says it otherwise ("represented by")."""
        if not isinstance(text, str):
            return None
        parts = _DELEGATION.split(text, maxsplit=1)
        if len(parts) != 2:
            return None
        post, *rest = _TITLE_SEPARATOR.split(parts[1].strip(" )]"), maxsplit=1)
        words = fold(post).split()
        while words and words[0] in _ARTICLES:
            words = words[1:]
        someone = fold(f"{parts[0]} {' '.join(rest)}")
        return self.title(" ".join(words)).role if words and someone else None

    @_memoised
    def organisation_in_name(self, text: object) -> str | None:
        """The organisation written in a name cell ("IOM – P. Diallo", "P. Diallo (IOM)",
        "P. Diallo / OIM"), when one of its parts is an organisation's name and nothing else,
        the rest names no organisation and is no title ("IOM Representative – J. Doe" is a
        title: no organisation is read from it)."""
        if not isinstance(text, str):
            return None
        for splitter, strip in ((_NAME_PARTS, " "), (_NAME_BRACKETS, " ()[]"), (_SLASH, " ")):
            parts = [p.strip(strip) for p in splitter.split(text) if p.strip(strip)]
            if len(parts) < 2:
                continue
            named = [p for p in parts if self.headers.organisation_kind(p) is not None]
            if len(named) != 1 or len(parts) - len(named) != 1:
                continue
            (part,) = named
            if self.headers.organisation_kind(part, strict=True) is None:
                return None  # a remark ("IOM: CCCM coordinator"), not an organisation
            if self.title(part).role is not None or self.contained_role(part) is not None:
                return None
            return part
        return None

    def contained_role(self, text: object) -> str | None:
        """The role whose name a title contains with other words around it ("Former Chief
        of Mission"): said in the message, and never offered as the suggestion — following
        it would turn a wrong level into a compliant meeting."""
        key = fold(text)
        found = next((self._roles[a] for a in self._role_keys if len(a) > 3 and _contains(key, a)),
                     None)  # fmt: skip
        if found is not None or not isinstance(text, str):
            return found
        # A short name ("CoM", "RMO": in "Chargée de com" it is not one) counts beside a slash
        # or a deputy: "PA/CoM", "Deputy RMO".
        parts = _SLASH.split(text) if "/" in text else []
        undeputy = " ".join(w for w in key.split()
                            if w not in _DEPUTY and self._abbreviations.get(w) != ["deputy"])  # fmt: skip
        if undeputy != key:
            parts.append(undeputy)
        roles = {self.title(part).role for part in parts} - {None, "OTHER"}
        return roles.pop() if len(roles) == 1 else None

    def suggest_title(self, text: object) -> str | None:
        """The nearest spelling of a title ("Cheif of Mission" → "Chief of Mission"); none
        for a title that contains a role's name with other words around it."""
        if self.contained_role(text) is not None:
            return None
        return _suggest(text, self._role_display)

    def suggest_sector(self, text: object) -> str | None:
        return _suggest(text, self._sector_display)

    def non_staff(self, title: object) -> bool:
        """Whether a title is a consultant's or an intern's ("Health Consultant", "Stagiaire"):
        people who work for IOM without being staff members, and cannot represent it (C308)."""
        key = fold(_INCLUSIVE.sub("", str(title))) if title is not None else ""
        return any(_contains(key, word) for word in self._non_staff)

    def rule(self, code: str) -> RuleEntry:
        return self.rules.rules[code]


def _cluster_aliases(words: VocabularyFile) -> list[str]:
    cluster = words.platforms.get("CLUSTER")
    return cluster.aliases if cluster else []


_ARTICLES = frozenset(
    {"the", "our", "la", "le", "l", "el", "a", "o", "notre", "nuestra", "nuestro"}
)


def _alias_map(aliases: dict[str, list[str]]) -> dict[str, str]:
    """Folded alias → code. An alias that folds to nothing ("✓") is left out: as the key ""
    it would match every cell without a letter or digit ("✗", "-", "?")."""
    out: dict[str, str] = {}
    for code, names in aliases.items():
        for name in names:
            if key := fold(name):
                out.setdefault(key, code)
    return out


def _display(entries: list[tuple[str, list[str]]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for _code, names in entries:
        for name in names:
            if len(fold(name)) > 3:  # acronyms make poor suggestions for typos
                out.setdefault(fold(name), name)
    return out


def _suggest(text: object, display: dict[str, str]) -> str | None:
    from rapidfuzz import fuzz, process

    key = fold(text)
    if len(key) < 3:
        return None
    best = process.extractOne(key, list(display), scorer=fuzz.ratio, score_cutoff=75)
    return display[best[0]] if best else None


# ---------------------------------------------------------------- loading


def load_vocabulary(folder: Path | None = None) -> Vocabulary:
    folder = folder or schemas_dir()
    vocabulary = Vocabulary(
        load_model(folder / "vocabulary.yaml", VocabularyFile),
        load_model(folder / "representation.yaml", RepresentationFile),
        load_model(folder / "columns.yaml", ColumnsFile),
        load_model(folder / "rules.yaml", RulesFile),
    )
    _cross_check(vocabulary, folder)
    return vocabulary


def _cross_check(vocabulary: Vocabulary, folder: Path) -> None:
    path = folder / "representation.yaml"
    for platform, rule in vocabulary.representation.platforms.items():
        if platform not in vocabulary.platform_names:
            raise ConfigError(f"{path}: platforms.{platform}: not a platform of vocabulary.yaml")
        for role in [*rule.required_roles, *rule.alternates, *rule.observers_allowed]:
            if role not in vocabulary.role_names:
                raise ConfigError(f"{path}: platforms.{platform}: unknown role {role}")


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The vocabulary of the bundled schemas/, from the cache when it holds the vocabulary
    of these very files and this very code."""
    folder = schemas_dir()
    cache = _cache_file(folder)
    vocabulary = _cached(cache) if cache is not None else None
    if vocabulary is None:
        vocabulary = load_vocabulary(folder)
        if cache is not None:
            _keep(vocabulary, cache)
    vocabulary.cache_name = cache.name if cache is not None else None
    return vocabulary


# ---------------------------------------------------------------- the cache between runs
# Reading and validating the four files costs every run ~25 ms (a monthly roster's check is
# ~0.5 s); unpickling the result costs ~1 ms. The cache file is named by a hash of all that
# the vocabulary is made from (the data files, the code that builds it, the versions of
# Python and pydantic), so that any change looks for another name: a stale vocabulary is
# never read.

_DATA_FILES = ("vocabulary.yaml", "representation.yaml", "columns.yaml", "rules.yaml")
# The modules whose code builds a Vocabulary and whose classes are in the pickle (a test
# holds the pickle to these).
_BUILT_BY = ("vocabulary", "headers", "text", "config")


def _cache_file(folder: Path) -> Path | None:
    """Where the vocabulary of `folder` is kept (checker.runcache); None when no such place
    can be named or a file cannot be read."""
    from pydantic.version import VERSION as pydantic_version

    package = Path(__file__).parent
    sources = [*(folder / n for n in _DATA_FILES), *(package / f"{m}.py" for m in _BUILT_BY)]
    return runcache.cache_file("vocabulary", sources, pydantic_version)


def _cached(path: Path) -> Vocabulary | None:
    return runcache.read(path, Vocabulary)


def _keep(vocabulary: Vocabulary, path: Path) -> None:
    runcache.keep(vocabulary, path)
