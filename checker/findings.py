"""The values every stage produces and every reporter reads: findings, meetings, results.

Kept free of pandas so that reporters and the CLI stay cheap to import.
"""

from __future__ import annotations

import enum
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.policy import Policy

SCHEMA_VERSION = 1
TOOL_NAME = "roster-check"
TOOL_VERSION = "0.1.0"


# --fail-on: the severity at or above which a finding fails the run, or never.
FAIL_ON = ("error", "warning", "info", "never")


class Severity(enum.IntEnum):
    """Ordered so that `finding.severity >= threshold` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(sheet: str | None, column: str | None, row: int | None) -> str | None:
    if sheet is None or row is None:
        return None
    if column is None:
        return f"{_quote_sheet(sheet)}!{row}:{row}"
    return f"{_quote_sheet(sheet)}!{column}{row}"


def _quote_sheet(sheet: str) -> str:
    # Excel quotes sheet names with spaces or punctuation: 'Cluster meetings'!B4
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


# Slots: a file can have 290,000 findings and 200,000 meetings; without an instance dict
# each takes ~100 B less.
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, pointing at the cell a person must look at."""

    code: str
    rule: str
    severity: Severity
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    meeting_id: str | None = None
    meeting_date: str | None = None
    platform: str | None = None
    value: Any = None
    suggestion: str | None = None
    waived: bool = False
    waiver_reason: str | None = None
    # Accepted in the --baseline file: shown, but it does not fail the run.
    baseline: bool = False
    # What the message was rendered from: its key in the catalogue ("C302:below"), its
    # fields (words among them kept as Wording) and its language, so that it can be rendered
    # again in another language or without names (`rendered`). Not in JSON: a result read
    # back has none.
    key: str = field(default="", compare=False, repr=False)
    fields: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    lang: str = field(default="en", compare=False, repr=False)

    @classmethod
    def make(
        cls, code: str, policy: Policy, variant: str = "", *, at: Mapping[str, Any] | None = None,
        **fields: Any,
    ) -> Finding:  # fmt: skip
        """The one way a finding is built. Its name comes from schemas/rules.yaml, its
        severity from the policy (the generic one for a file no profile was chosen for), its
        message from the catalogue of the check's language (key CODE or CODE:variant, one of
        the entry's `messages`, filled with `fields`); `at` gives where it points (sheet, row,
        column, meeting_id, meeting_date, platform, value, suggestion). Fields in words are
        given as Wording (checker.messages), people's names as Person."""
        from checker.messages import current_language, render

        key = f"{code}:{variant}" if variant else code
        entry = policy.vocabulary.rule(code)
        if key not in entry.messages:
            raise ValueError(f"{key}: not a message of {code} in schemas/rules.yaml")
        return cls(code=code, rule=entry.name, severity=policy.severity(code),
                   message=render(key, **fields), key=key, fields=fields,
                   lang=current_language(), **(at or {}))  # fmt: skip

    def rendered(self, lang: str | None = None, roles: Mapping[str, str] | None = None) -> str:
        """The message in `lang` (default: the language it was rendered in); with `roles` (a
        person's name → their role), each name it quotes replaced by the role (`[name
        withheld]` when the role is not known)."""
        from checker.messages import anonymised, catalogue, render_in

        fields = self.fields
        if roles is not None:
            fields = {k: anonymised(v, roles) for k, v in fields.items()}
        return render_in(catalogue(lang or self.lang), self.key, fields)

    @property
    def cell(self) -> str | None:
        return cell_ref(self.sheet, self.column, self.row)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.sheet or "", self.row or 0, self.column or "", self.code)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "meeting_id": self.meeting_id,
            "meeting_date": self.meeting_date,
            "platform": self.platform,
            "value": _jsonable(self.value),
            "suggestion": self.suggestion,
        }
        if self.waived:
            out["waived"] = True
            out["waiver_reason"] = self.waiver_reason
        if self.baseline:
            out["baseline"] = True
        return out


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass(frozen=True, slots=True)
class Attendee:
    """An IOM attendee of a meeting, as the roster records them."""

    name: str | None
    title: str | None
    role: str | None
    capacity: str
    sector: str | None
    acting: bool
    sheet: str
    row: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "role": self.role,
            "capacity": self.capacity,
            "sector": self.sector,
            "acting": self.acting,
            "sheet": self.sheet,
            "row": self.row,
        }


class Verdict(str, enum.Enum):
    COMPLIANT = "compliant"
    ABSENT = "absent"
    WRONG_LEVEL = "wrong_level"
    UNDETERMINED = "undetermined"
    NOT_APPLICABLE = "not_applicable"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    date: str
    platform: str
    sector: str | None
    level: str
    location: str | None
    verdict: Verdict
    required: tuple[str, ...]
    iom_attendees: tuple[Attendee, ...]
    # Where the meeting starts in the workbook: its first row.
    sheet: str
    row: int
    label: str = ""  # "HCT", "Health Cluster": the platform in words
    # The meeting's rows as runs (sheet, first row, last row), for marking them in an
    # annotated copy; not in JSON. Runs rather than rows: a batch keeps every file's meetings,
    # and a tuple per row was most of what a 200-file run kept (6 of 9 MB).
    row_runs: tuple[tuple[str, int, int], ...] = field(default=(), compare=False, repr=False)
    # The last column (0-based) of its table when tables stand side by side on its sheet
    # (its rows share Excel rows with the other table's): where an annotated copy puts its
    # verdict. Not in JSON.
    table_end: int | None = field(default=None, compare=False, repr=False)
    reason: str | None = None  # why an undetermined meeting could not be judged
    # The label and the reason as Wording (checker.messages), when they are words of the
    # catalogue, to say them in another language (`in_language`); not in JSON.
    label_words: Any = field(default=None, compare=False, repr=False)
    reason_words: Any = field(default=None, compare=False, repr=False)
    # Which of the platform's sessions that day ("extraordinary 16:00", "09:00"), when the
    # roster tells them apart (checker.sessions); in JSON only then.
    session: str | None = None

    def place(self) -> dict[str, str]:
        """What a finding made in this meeting says of it (Finding.make's `at`)."""
        return {"meeting_id": self.id, "meeting_date": self.date, "platform": self.platform}

    def in_language(self, lang: str) -> Meeting:
        """The meeting with its label and reason said in `lang`."""
        from checker.messages import catalogue, in_words

        words = catalogue(lang)
        label = self.label if self.label_words is None else in_words(self.label_words, words)
        reason = self.reason if self.reason_words is None else in_words(self.reason_words, words)
        return replace(self, label=label, reason=reason)

    def rows(self) -> Iterator[tuple[str, int]]:
        """Every (sheet, Excel row) of the meeting."""
        for sheet, first, last in self.row_runs:
            for row in range(first, last + 1):
                yield sheet, row

    def to_dict(self) -> dict[str, Any]:
        return (
            {
                "id": self.id,
                "date": self.date,
                "platform": self.platform,
                "label": self.label or self.platform,
                "sector": self.sector,
                "level": self.level,
                "location": self.location,
                "verdict": str(self.verdict),
                "required": list(self.required),
                "iom_attendees": [a.to_dict() for a in self.iom_attendees],
                "sheet": self.sheet,
                "row": self.row,
            }
            | ({"reason": self.reason} if self.reason else {})
            | ({"session": self.session} if self.session else {})
        )


@dataclass(frozen=True)
class RowCounts:
    read: int = 0
    used: int = 0
    skipped: int = 0
    rejected: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@functools.cache
def codes_of(**wanted: str) -> frozenset[str]:
    """The finding codes whose entries in schemas/rules.yaml have these values:
    codes_of(status="unreadable"), codes_of(category="compliance"). Loaded when first asked,
    so that importing this module stays cheap."""
    from checker.vocabulary import default_vocabulary

    return default_vocabulary().rules.codes(**wanted)


def listed(objects: Sequence[Any]) -> list[dict[str, Any]]:
    """The meetings or findings of a result as a list of their dicts."""
    return [o.to_dict() for o in objects]


class Each:
    """The meetings or findings of a result as their dicts, each made when it is reached,
    anew at each reading (in order, or by position): a report that reads them twice still
    holds one at a time, never the 200,000 dicts of a tall roster (text, CSV)."""

    __slots__ = ("objects",)

    def __init__(self, objects: Sequence[Any]) -> None:
        self.objects = objects

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (o.to_dict() for o in self.objects)

    def __len__(self) -> int:
        return len(self.objects)

    def __getitem__(self, index: int) -> dict[str, Any]:
        result: dict[str, Any] = self.objects[index].to_dict()
        return result


@dataclass(frozen=True)
class FileResult:
    """Everything the checker learnt about one roster file."""

    path: str
    mission: str | None
    period: str | None
    rows: RowCounts
    meetings: tuple[Meeting, ...] = ()
    findings: tuple[Finding, ...] = ()
    profile: str | None = None
    sheets: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # (sheet, Excel row of the header, last column (0-based) of a table beside another, else
    # None) of each roster table, for the annotated copy; not in JSON.
    tables: tuple[tuple[str, int, int | None], ...] = field(default=(), compare=False,
                                                           repr=False)  # fmt: skip
    profile_path: str | None = None  # the profile's file; None for the generic table

    def in_language(self, lang: str) -> FileResult:
        """The result with its words said in `lang`: the findings' messages, the meetings'
        labels and reasons; the same as checking the file again in `lang`."""
        return replace(
            self,
            meetings=tuple(m.in_language(lang) for m in self.meetings),
            findings=tuple(replace(f, message=f.rendered(lang), lang=lang) for f in self.findings),
        )

    @property
    def status(self) -> str:
        codes = {f.code for f in self.findings if not f.waived}
        if codes & codes_of(status="unreadable"):
            return "unreadable"
        if codes & codes_of(status="invalid"):
            return "invalid"
        if any(f.severity is Severity.ERROR and not f.waived for f in self.findings):
            return "non_compliant"
        return "compliant"

    def verdict_counts(self) -> Counter[str]:
        return Counter(str(m.verdict) for m in self.meetings)

    def waived_meetings(self) -> set[str]:
        return waived_meetings(
            ((m.id, str(m.verdict)) for m in self.meetings),
            ((f.meeting_id, f.code, str(f.severity), f.waived) for f in self.findings),
        )

    def summary(self) -> dict[str, Any]:
        verdicts = self.verdict_counts()
        active = [f for f in self.findings if not f.waived]
        out: dict[str, Any] = {
            "meetings": len(self.meetings),
            "compliant": verdicts["compliant"],
            "absent": verdicts["absent"],
            "wrong_level": verdicts["wrong_level"],
            "undetermined": verdicts["undetermined"],
        }
        out["not_applicable"] = verdicts["not_applicable"]  # always there: a stable shape
        waived = len(self.waived_meetings())
        out["waived"] = waived  # of the absent and wrong-level meetings, those a waiver accepts
        out["compliance_rate"] = compliance_rate(verdicts, waived)
        out["errors"] = sum(f.severity is Severity.ERROR for f in active)
        out["warnings"] = sum(f.severity is Severity.WARNING for f in active)
        out["infos"] = sum(f.severity is Severity.INFO for f in active)
        return out

    def to_dict(self, lists: Callable[[Sequence[Any]], Any] = listed) -> dict[str, Any]:
        """As CONTRACT.md describes a result. `lists` makes the lists of meetings and findings
        from the objects: the reports that write a result as it comes pass Each, or wrap it
        (jsonstream.Items), so that each dict is made as it is written rather than all held
        at once (a 200,000-row roster with findings on every row: 460 MB less at peak)."""
        out: dict[str, Any] = {
            "path": self.path,
            "mission": self.mission,
            "period": self.period,
            "status": self.status,
            "rows": self.rows.to_dict(),
            "meetings": lists(self.meetings),
            "findings": lists(self.findings),
            "summary": self.summary(),
        }
        if self.profile is not None:
            out["profile"] = self.profile
            out["profile_path"] = self.profile_path
        if self.sheets:
            out["sheets"] = list(self.sheets)
        for key, value in self.extra.items():  # extensions never overwrite the contract's keys
            out.setdefault(key, value)
        return out


def compliance_rate(verdicts: Counter[str], waived: int = 0) -> float | None:
    """compliant / meetings assessed: not-applicable, undetermined and waived meetings are not
    assessed (`waived`: how many of the absent and wrong-level meetings a waiver accepts)."""
    assessed = (sum(verdicts.values()) - verdicts["undetermined"] - verdicts["not_applicable"]
                - waived)  # fmt: skip
    return rate(verdicts["compliant"], assessed)


NOT_COMPLIANT_VERDICTS = frozenset({"absent", "wrong_level"})


def waived_meetings(
    meetings: Iterable[tuple[str, str]], findings: Iterable[tuple[str | None, str, str, bool]]
) -> set[str]:
    """The ids of the meetings a waiver accepts — the one definition `check`, `annotate` and
    `report` share. `meetings`: (id, verdict); `findings`: (meeting id, code, severity, waived).

    A meeting is waived when its verdict is absent or wrong level, at least one of its
    compliance findings is waived and none of its compliance errors is not. It keeps
    its verdict and its findings (shown as waived), and is left out of the meetings assessed,
    as a not-applicable one is: a waiver neither fails nor passes a meeting.
    """
    compliance = codes_of(category="compliance")
    waived: set[str] = set()
    active: set[str] = set()
    for meeting_id, code, severity, is_waived in findings:
        if meeting_id is None or code not in compliance:
            continue
        if is_waived:
            waived.add(meeting_id)
        elif severity == "error":
            active.add(meeting_id)
    return {m for m, verdict in meetings
            if verdict in NOT_COMPLIANT_VERDICTS and m in waived and m not in active}  # fmt: skip


def rate(compliant: int, assessed: int) -> float | None:
    """The compliance rate as every output shows it: 3 decimals, None with nothing assessed."""
    return round(compliant / assessed, 3) if assessed > 0 else None


@dataclass(frozen=True)
class Report:
    results: tuple[FileResult, ...]
    lang: str = "en"  # the language of the messages (codes never change with it)

    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    def worst_severity(self) -> Severity | None:
        """Of the findings that can fail a run: neither waived nor accepted in a baseline."""
        return Tally.of(self.results).worst

    def summary(self) -> dict[str, Any]:
        return Tally.of(self.results).summary()

    def to_dict(self) -> dict[str, Any]:
        return document(self.lang, [r.to_dict() for r in self.results], self.summary())


def document(lang: str, results: Any, summary: Any) -> dict[str, Any]:
    """The report as CONTRACT.md describes it, around its results and summary."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": TOOL_VERSION},
        "lang": lang,
        "results": results,
        "summary": summary,
    }


class Tally:
    """A run's totals, counted as its results go by: what the summary and the exit status
    need, without keeping the results."""

    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.verdicts: Counter[str] = Counter()
        self.waived = 0  # meetings a waiver accepts: not assessed, in the run's rate as in a file's
        self.worst: Severity | None = None  # of the findings neither waived nor accepted

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Tally:
        tally = cls()
        for result in results:
            tally.add(result)
        return tally

    def add(self, result: FileResult) -> None:
        self.statuses[result.status] += 1
        self.verdicts.update(result.verdict_counts())
        self.waived += len(result.waived_meetings())
        for finding in result.findings:
            active = not (finding.waived or finding.baseline)
            if active and (self.worst is None or finding.severity > self.worst):
                self.worst = finding.severity

    def counting(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """The results, each counted as it passes."""
        for result in results:
            self.add(result)
            yield result

    def summary(self) -> dict[str, Any]:
        return {
            "files": self.statuses.total(),
            "compliant": self.statuses["compliant"],
            "non_compliant": self.statuses["non_compliant"],
            "invalid": self.statuses["invalid"],
            "unreadable": self.statuses["unreadable"],
            "meetings": sum(self.verdicts.values()),
            "compliance_rate": compliance_rate(self.verdicts, self.waived),
        }


class ResultStream:
    """A run's results as they come, each as Report.to_dict() gives it, and the summary
    once they have all come: what a reporter that writes each result as it comes (text, JSON,
    SARIF, JUnit, CSV) reads, so that a run of thousands of files holds none of them."""

    def __init__(
        self, results: Iterable[dict[str, Any] | FileResult], lang: str,
        summary: Callable[[], dict[str, Any]],
    ) -> None:  # fmt: skip
        self.results = results
        self.lang = lang
        self.summary = summary

    @classmethod
    def of(cls, data: dict[str, Any]) -> ResultStream:
        """The results of a whole report's to_dict()."""
        return cls(data["results"], data.get("lang", "en"), lambda: data["summary"])

    @classmethod
    def of_report(cls, report: Report) -> ResultStream:
        """A whole report's results, each made into its dict only when it is reached (with
        `dicts(lists=Each)`, its meetings and findings too): the same data as
        `of(report.to_dict())`, without holding it all as dicts (~460 MB for a 200,000-row
        roster full of findings). A report known only by its to_dict() is read from it."""
        if not isinstance(report, Report):
            return cls.of(report.to_dict())
        return cls(report.results, report.lang, report.summary)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.dicts()

    def dicts(self, lists: Callable[[Sequence[Any]], Any] = listed) -> Iterator[dict[str, Any]]:
        """Each result as a dict (FileResult.to_dict(lists) for a result not yet one)."""
        for result in self.results:
            yield result.to_dict(lists) if isinstance(result, FileResult) else result
