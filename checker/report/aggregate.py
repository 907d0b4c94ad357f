"""The per-file verdicts of many rosters → one Summary for management.

A pure function of `FileResult.to_dict()` values (plus each file's modification time, to
settle duplicates): it counts the meetings' verdicts and never re-derives them. Every report
format renders the Summary this module returns, so all formats show the same figures.

Definitions (docs/reports.md explains them to readers):
- a file is placed at its mission-month: the `mission` and `period` (YYYY-MM) of its result;
  a file without them, or with a whole-year period, is listed as not placed;
- two files at the same mission-month: the newer modification time wins (then the later path);
- meetings assessed = meetings − undetermined − not applicable; compliance rate = compliant /
  assessed, rounded to 3 decimals like FileResult.summary;
- a mission-month in the range with no file is a missing submission; one whose winning file is
  unreadable or invalid is reported as such.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.findings import (
    SCHEMA_VERSION,
    TOOL_NAME,
    TOOL_VERSION,
    FileResult,
    Finding,
    rate,
    waived_meetings,
)
from checker.report.anonymise import NameScrubber

VERDICTS = ("compliant", "absent", "wrong_level", "undetermined", "not_applicable")
NOT_COMPLIANT = ("absent", "wrong_level")
NOT_REPORTED = frozenset({"unreadable", "invalid"})
PLATFORM_ORDER = ("HCT", "ICCG", "CLUSTER", "UNCT", "SMT", "PMT", "OMT")
PLATFORM_LABELS = {"CLUSTER": "Clusters"}
GROUP_BY = ("mission", "platform", "region")
UNASSIGNED = "(no region)"
NEWER_WINS = "the file with the later modification time is used (then the later path)"
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


# ---------------------------------------------------------------- months


def is_month(text: object) -> bool:
    return isinstance(text, str) and bool(_MONTH.match(text))


def shift(month: str, by: int) -> str:
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> list[str]:
    span = (int(last[:4]) * 12 + int(last[5:7])) - (int(first[:4]) * 12 + int(first[5:7]))
    return [shift(first, i) for i in range(span + 1)]


def parse_period_range(text: str) -> tuple[str, str]:
    """'2026-01..2026-10', '2026-10' or '2026' → (first month, last month); ValueError if bad."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-01", f"{text}-12"
    first, sep, last = text.partition("..")
    first, last = first.strip(), (last.strip() if sep else first.strip())
    if not (is_month(first) and is_month(last)):
        raise ValueError("use YYYY-MM..YYYY-MM (for example 2026-01..2026-10), YYYY-MM or YYYY")
    if last < first:
        raise ValueError(f"the range ends ({last}) before it starts ({first})")
    if len(months_between(first, last)) > 120:
        raise ValueError("the range is longer than 10 years")
    return first, last


# ---------------------------------------------------------------- values


@dataclass
class Figures:
    """Verdict counts of a set of meetings."""

    meetings: int = 0
    compliant: int = 0
    absent: int = 0
    wrong_level: int = 0
    undetermined: int = 0
    not_applicable: int = 0
    waived: int = 0  # absent or wrong-level meetings a profile's waiver accepts: not assessed

    @property
    def assessed(self) -> int:
        return self.meetings - self.undetermined - self.not_applicable - self.waived

    @property
    def compliance_rate(self) -> float | None:
        return rate(self.compliant, self.assessed)

    def count(self, verdict: str, waived: bool = False) -> None:
        """One meeting; a waived one counts as waived, not under its verdict (absent…)."""
        self.meetings += 1
        if waived:
            self.waived += 1
        elif verdict in VERDICTS:
            setattr(self, verdict, getattr(self, verdict) + 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "meetings": self.meetings,
            "assessed": self.assessed,
            "compliant": self.compliant,
            "absent": self.absent,
            "wrong_level": self.wrong_level,
            "undetermined": self.undetermined,
            "not_applicable": self.not_applicable,
            "waived": self.waived,
            "compliance_rate": self.compliance_rate,
        }


def change(now: Figures, before: Figures | None) -> dict[str, Any] | None:
    """Now minus before; the rate in points (0.05 = +5 points). None when there is no before."""
    if before is None or before.meetings == 0:
        return None
    rate_now, rate_before = now.compliance_rate, before.compliance_rate
    return {
        "assessed": now.assessed - before.assessed,
        "compliance_rate": None if rate_now is None or rate_before is None
        else round(rate_now - rate_before, 3),
        "absent": now.absent - before.absent,
        "wrong_level": now.wrong_level - before.wrong_level,
    }  # fmt: skip


@dataclass(frozen=True)
class Submission:
    """One checked file: its result (FileResult.to_dict()) and its modification time; and,
    when it was checked in this run, the FileResult itself, whose words can be said again in
    another language or without names. A result read back from JSON (the server's store) has
    none."""

    result: Mapping[str, Any]
    modified: float
    checked: FileResult | None = None

    @property
    def path(self) -> str:
        return str(self.result.get("path", ""))

    @property
    def status(self) -> str:
        return str(self.result.get("status", ""))


@dataclass(frozen=True)
class ReportOptions:
    period: tuple[str, str] | None = None  # (first, last) month; None = the files' span
    group_by: str = "mission"
    regions: Mapping[str, str] | None = None
    anonymise: bool = False
    role_names: Mapping[str, str] = field(default_factory=dict)  # COM → Chief of Mission
    lang: str = "en"  # the results' language: --anonymise says roles in it
    top_gaps: int = 10
    missions: frozenset[str] | None = None  # --missions: report on these missions only


@dataclass
class Headline:
    """A period's figures and, like with like, their change from the period before.

    The change compares only the missions with a usable roster in both periods (`compared`):
    `now` is this period restricted to them, `previous` the period before restricted to them.
    Missions with a usable roster in only one of the two periods are named, not compared.
    """

    label: str  # "2026-10" or "2026-01..2026-10"
    previous_label: str | None
    figures: Figures  # every mission of this period
    previous: Figures | None  # the period before, the compared missions only; None: none
    now: Figures | None = None  # this period, the compared missions only
    compared: list[str] = field(default_factory=list)
    only_now: list[str] = field(default_factory=list)
    only_before: list[str] = field(default_factory=list)

    @property
    def change(self) -> dict[str, Any] | None:
        if not self.compared or self.now is None:
            return None
        return change(self.now, self.previous)

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.label,
            "previous_period": self.previous_label,
            **self.figures.to_dict(),
            "compared_missions": self.compared,
            "not_compared": {"only_this_period": self.only_now,
                             "only_previous_period": self.only_before},
            "now_compared": self.now.to_dict() if self.now and self.compared else None,
            "previous": self.previous.to_dict() if self.previous and self.compared else None,
            "change": self.change,
        }  # fmt: skip


@dataclass
class HeatRow:
    key: str  # a mission, a region or a platform
    region: str | None
    cells: dict[str, Figures]  # platform → figures
    total: Figures

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "region": self.region,
            "cells": {p: f.to_dict() for p, f in self.cells.items()},
            "total": self.total.to_dict(),
        }


@dataclass
class GroupRow:
    """One group's month-by-month figures (the breakdown by --group-by)."""

    key: str
    months: list[Figures]
    total: Figures
    latest: Figures
    previous: Figures

    @property
    def change(self) -> float | None:
        now, before = self.latest.compliance_rate, self.previous.compliance_rate
        return None if now is None or before is None else round(now - before, 3)

    def to_dict(self, months: Sequence[str]) -> dict[str, Any]:
        return {
            "key": self.key,
            "months": {m: f.to_dict() for m, f in zip(months, self.months)},
            "total": self.total.to_dict(),
            "change": self.change,
        }


@dataclass
class Gap:
    mission: str
    platform: str
    label: str  # "OMT", "Health Cluster"
    kind: str  # absent | wrong_level
    months_failing: int
    months_met: int
    meetings_failing: int
    meetings: int
    required: str  # the seat in words ("Resource Management Officer", or "IOM")
    required_codes: tuple[str, ...] = ()  # the roles the platform accepts (COM, RMO…)

    @property
    def text(self) -> str:
        months = f"{self.months_failing} of {self.months_met} month{'s' * (self.months_met != 1)}"
        if self.kind == "absent":
            return f"{self.label} in {self.mission}: {self.required} absent {months}"
        return (f"{self.label} in {self.mission}: wrong level {months}"
                f"{f' ({self.required} required)' if self.required != 'IOM' else ''}")  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "mission": self.mission,
            "platform": self.platform,
            "label": self.label,
            "kind": self.kind,
            "months_failing": self.months_failing,
            "months_met": self.months_met,
            "meetings_failing": self.meetings_failing,
            "meetings": self.meetings,
            "required": self.required,
            "text": self.text,
        }


@dataclass
class SubmissionGap:
    mission: str
    month: str
    status: str  # missing | unreadable | invalid
    path: str | None
    region: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"mission": self.mission, "month": self.month, "status": self.status,
                "path": self.path, "region": self.region}  # fmt: skip


@dataclass
class Duplicate:
    mission: str
    month: str
    kept: str
    superseded: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"mission": self.mission, "month": self.month, "kept": self.kept,
                "superseded": self.superseded, "rule": NEWER_WINS}  # fmt: skip


@dataclass
class Unplaced:
    path: str
    status: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "reason": self.reason}


@dataclass
class MeetingEntry:
    """A non-compliant meeting, for the drill-down list."""

    group: str
    mission: str
    month: str
    path: str
    date: str
    platform: str
    label: str
    level: str
    location: str | None
    verdict: str
    required: list[str]
    attendees: list[str]  # "Programme Officer (J. Okoro)", or the role alone when anonymised
    findings: list[dict[str, Any]]  # code, severity, cell, message (waived, waiver_reason)
    waived: bool = False  # a profile's waiver accepts it: shown, not counted as failing

    @property
    def waiver_reasons(self) -> list[str]:
        return sorted({str(f["waiver_reason"]) for f in self.findings if f.get("waived")})

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.group, "mission": self.mission, "month": self.month,
            "path": self.path, "date": self.date, "platform": self.platform,
            "label": self.label, "level": self.level, "location": self.location,
            "verdict": self.verdict, "waived": self.waived,
            "waiver_reasons": self.waiver_reasons, "required": self.required,
            "attendees": self.attendees, "findings": self.findings,
        }  # fmt: skip


@dataclass
class Summary:
    months: list[str]
    group_by: str
    anonymised: bool
    generated: str
    files: dict[str, int]
    headline_latest: Headline | None
    headline_range: Headline | None
    platforms: list[str]
    heatmap: list[HeatRow]
    region_heatmap: list[HeatRow]
    trend: dict[str, list[Figures]]  # platform → one Figures a month, aligned with `months`
    overall: list[Figures]
    breakdown: list[GroupRow]
    gaps: list[Gap]
    submissions: list[SubmissionGap]
    duplicates: list[Duplicate]
    unplaced: list[Unplaced]
    meetings: list[MeetingEntry]
    regions: dict[str, str] = field(default_factory=dict)
    top_gaps: int = 10
    missions: list[str] = field(default_factory=list)  # every mission seen
    profiles: dict[str, list[str]] = field(default_factory=dict)  # mission → profiles applied
    # mission → the files of the profiles applied (not in the report's JSON: for the e-mail
    # pages, whose language the mission's profile may name)
    profile_files: dict[str, list[str]] = field(default_factory=dict, repr=False)
    missions_with_data: list[str] = field(default_factory=list)  # a usable roster in range
    # (mission, month) → figures, for every placed file (in range or not) that is usable
    mission_months: dict[tuple[str, str], Figures] = field(default_factory=dict)
    months_with_data: list[str] = field(default_factory=list)

    @property
    def waived_meetings(self) -> list[MeetingEntry]:
        return [m for m in self.meetings if m.waived]

    @property
    def failing_meetings(self) -> list[MeetingEntry]:
        return [m for m in self.meetings if not m.waived]

    @property
    def period_label(self) -> str:
        if not self.months:
            return "no period"
        return self.months[0] if len(self.months) == 1 else f"{self.months[0]}..{self.months[-1]}"

    @property
    def total(self) -> Figures:
        return self.headline_range.figures if self.headline_range else Figures()

    def improving(self, n: int = 5) -> list[GroupRow]:
        rows = [r for r in self.breakdown if r.change is not None and r.change > 0]
        return sorted(rows, key=lambda r: (-(r.change or 0), r.key))[:n]

    def worsening(self, n: int = 5) -> list[GroupRow]:
        rows = [r for r in self.breakdown if r.change is not None and r.change < 0]
        return sorted(rows, key=lambda r: (r.change or 0, r.key))[:n]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": TOOL_NAME, "version": TOOL_VERSION},
            "kind": "compliance-report",
            "generated": self.generated,
            "period": {"first": self.months[0] if self.months else None,
                       "last": self.months[-1] if self.months else None,
                       "months": self.months},
            "group_by": self.group_by,
            "anonymised": self.anonymised,
            "files": self.files,
            "basis": {"missions": self.missions, "missions_with_data": self.missions_with_data,
                      "months_with_data": self.months_with_data, "profiles": self.profiles,
                      "waived_meetings": len(self.waived_meetings)},
            "duplicate_rule": NEWER_WINS,
            "headline": {
                "latest_month": self.headline_latest.to_dict() if self.headline_latest else None,
                "range": self.headline_range.to_dict() if self.headline_range else None,
            },
            "platforms": self.platforms,
            "heatmap": [r.to_dict() for r in self.heatmap],
            "region_heatmap": [r.to_dict() for r in self.region_heatmap],
            "trend": {
                "months": self.months,
                "overall": [f.to_dict() for f in self.overall],
                "platforms": {p: [f.to_dict() for f in fs] for p, fs in self.trend.items()},
            },
            "breakdown": [r.to_dict(self.months) for r in self.breakdown],
            "gaps": [g.to_dict() for g in self.gaps],
            "submissions": [s.to_dict() for s in self.submissions],
            "duplicates": [d.to_dict() for d in self.duplicates],
            "unplaced": [u.to_dict() for u in self.unplaced],
            "regions": self.regions,
            "meetings": [m.to_dict() for m in self.meetings],
        }  # fmt: skip


# ---------------------------------------------------------------- aggregation


@dataclass(frozen=True)
class _Placed:
    mission: str
    month: str
    submission: Submission

    @property
    def usable(self) -> bool:
        return self.submission.status not in NOT_REPORTED

    @property
    def waived(self) -> set[str]:
        return waived_of(self.submission.result)


def waived_of(result: Mapping[str, Any]) -> set[str]:
    """The meetings of a file's result a waiver accepts (checker.findings.waived_meetings)."""
    return waived_meetings(
        ((str(m.get("id")), str(m.get("verdict"))) for m in result.get("meetings", ())),
        ((f.get("meeting_id"), str(f.get("code", "")), str(f.get("severity", "")),
          bool(f.get("waived"))) for f in result.get("findings", ())),
    )  # fmt: skip


def platform_order(codes: Iterable[str]) -> list[str]:
    known = [p for p in PLATFORM_ORDER if p in codes]
    return known + sorted(set(codes) - set(PLATFORM_ORDER))


def _place(
    submissions: Sequence[Submission], only: frozenset[str] | None = None
) -> tuple[dict[tuple[str, str], _Placed], list[Duplicate], list[Unplaced], set[str], int]:
    """Mission-month of each file; the newer of two files at the same mission-month wins.
    With `only`, files of other (known) missions are left out and counted."""
    claims: dict[tuple[str, str], list[Submission]] = defaultdict(list)
    unplaced: list[Unplaced] = []
    seen_missions: set[str] = set()
    left_out = 0
    for sub in submissions:
        mission, period = sub.result.get("mission"), sub.result.get("period")
        if only is not None and mission and str(mission) not in only:
            left_out += 1
            continue
        if mission:
            seen_missions.add(str(mission))
        if not mission or not period:
            missing = " and ".join(
                n for n, v in (("mission", mission), ("period", period)) if not v
            )
            unplaced.append(Unplaced(sub.path, sub.status, f"{missing} unknown"))
        elif not is_month(period):
            unplaced.append(Unplaced(sub.path, sub.status,
                                     f"period {period} is not a single month"))  # fmt: skip
        else:
            claims[(str(mission), str(period))].append(sub)
    placed: dict[tuple[str, str], _Placed] = {}
    duplicates: list[Duplicate] = []
    for (mission, month), subs in sorted(claims.items()):
        ranked = sorted(subs, key=lambda s: (s.modified, s.path), reverse=True)
        placed[(mission, month)] = _Placed(mission, month, ranked[0])
        if len(ranked) > 1:
            duplicates.append(
                Duplicate(mission, month, ranked[0].path, [s.path for s in ranked[1:]])
            )
    return placed, duplicates, unplaced, seen_missions, left_out


def _figures_of(
    placed: Iterable[_Placed], keep: Any = None
) -> Figures:  # fmt: skip
    figures = Figures()
    for p in placed:
        waived = p.waived
        for meeting in p.submission.result.get("meetings", ()):
            if keep is None or keep(p, meeting):
                figures.count(str(meeting.get("verdict")), str(meeting.get("id")) in waived)
    return figures


def _by_group(
    placed: Mapping[tuple[str, str], _Placed], month: str | None, group_of: Any,
    missions: set[str],
) -> dict[str, Figures]:  # fmt: skip
    """Figures per group in one month, over `missions` only (like with like)."""
    out: dict[str, Figures] = defaultdict(Figures)
    for p in placed.values():
        if p.month == month and p.mission in missions:
            waived = p.waived
            for meeting in p.submission.result.get("meetings", ()):
                out[group_of(p.mission, str(meeting.get("platform")))].count(
                    str(meeting.get("verdict")), str(meeting.get("id")) in waived
                )
    return out


def _said_roles(options: ReportOptions) -> dict[str, str]:
    """The role names that stand for people's names, in the language of the messages they
    stand in ("Chef(fe) de mission" in a French report); the vocabulary's name otherwise."""
    from checker.messages import catalogue

    words = catalogue(options.lang)
    return {code: words.name("roles", code, name) for code, name in options.role_names.items()}


def _required_words(required: Sequence[str], role_names: Mapping[str, str]) -> str:
    return role_names.get(required[0], required[0]) if len(required) == 1 else "IOM"


def aggregate(submissions: Sequence[Submission], options: ReportOptions | None = None) -> Summary:
    options = options or ReportOptions()
    if options.group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}")
    regions = dict(options.regions or {})
    placed, duplicates, unplaced, seen, left_out = _place(submissions, options.missions)

    if options.period is not None:
        months = months_between(*options.period)
    elif placed:
        all_months = sorted({m for _, m in placed})
        months = months_between(all_months[0], all_months[-1])
    else:
        months = []
    month_set = set(months)
    in_range = {k: p for k, p in placed.items() if p.month in month_set}
    missions = sorted(seen | set(regions) | set(options.missions or ()))

    def region_of(mission: str) -> str:
        return regions.get(mission, UNASSIGNED)

    def group_of(mission: str, platform: str) -> str:
        if options.group_by == "platform":
            return platform
        if options.group_by == "region":
            return region_of(mission)
        return mission

    scrubber = NameScrubber(_said_roles(options)) if options.anonymise else None

    # One pass over the meetings of the files in range.
    total = Figures()
    overall = {m: Figures() for m in months}
    trend: dict[str, dict[str, Figures]] = defaultdict(lambda: {m: Figures() for m in months})
    cells: dict[str, dict[str, Figures]] = defaultdict(lambda: defaultdict(Figures))
    region_cells: dict[str, dict[str, Figures]] = defaultdict(lambda: defaultdict(Figures))
    groups: dict[str, dict[str, Figures]] = defaultdict(lambda: {m: Figures() for m in months})
    # (mission, platform, label) → month → verdict counts, for the recurring gaps
    seats: dict[tuple[str, str, str], dict[str, Figures]] = defaultdict(
        lambda: defaultdict(Figures)
    )
    seat_required: dict[tuple[str, str, str], list[str]] = {}
    drill: list[MeetingEntry] = []
    profiles: dict[str, set[str]] = defaultdict(set)
    profile_files: dict[str, set[str]] = defaultdict(set)
    for (mission, month), p in sorted(in_range.items()):
        result = p.submission.result
        findings_of: dict[str, list[tuple[dict[str, Any], Finding | None]]] = defaultdict(list)
        checked = p.submission.checked
        built: Sequence[Finding | None] = (
            checked.findings if checked else [None] * len(result.get("findings", ()))
        )
        for finding, made in zip(result.get("findings", ()), built, strict=True):
            # Waived findings stay visible (docs/profiles.md), marked as waived.
            if finding.get("meeting_id"):
                findings_of[finding["meeting_id"]].append((finding, made))
        if scrubber is not None:
            scrubber.learn(result)
        if result.get("profile"):
            profiles[mission].add(str(result["profile"]))
        if result.get("profile_path"):
            profile_files[mission].add(str(result["profile_path"]))
        waived = p.waived
        for meeting in result.get("meetings", ()):
            verdict = str(meeting.get("verdict"))
            platform = str(meeting.get("platform"))
            label = str(meeting.get("label") or platform)
            is_waived = str(meeting.get("id")) in waived
            for figures in (total, overall[month], trend[platform][month],
                            cells[mission][platform], region_cells[region_of(mission)][platform],
                            groups[group_of(mission, platform)][month],
                            seats[(mission, platform, label)][month]):  # fmt: skip
                figures.count(verdict, is_waived)
            seat_required.setdefault((mission, platform, label), list(meeting.get("required", [])))
            if verdict in NOT_COMPLIANT:
                drill.append(_entry(group_of(mission, platform), mission, month, p, meeting,
                                    findings_of.get(str(meeting.get("id")), []), scrubber,
                                    is_waived))  # fmt: skip

    platforms = platform_order(trend)
    # Every mission seen gets a heatmap row, even one with no meeting in range.
    heatmap = [
        HeatRow(m, regions.get(m) if regions else None,
                {p: cells[m][p] for p in platforms if p in cells[m]}, _sum(cells[m].values()))
        for m in missions
    ]  # fmt: skip
    # Missions without a region come after the regions.
    heatmap.sort(key=lambda r: (bool(regions) and r.region is None, r.region or "",
                                _worst_first(r.total), r.key))  # fmt: skip
    region_heatmap: list[HeatRow] = []
    if regions:
        region_heatmap = [
            HeatRow(r, r, {p: region_cells[r][p] for p in platforms if p in region_cells[r]},
                    _sum(region_cells[r].values()))
            for r in sorted({region_of(m) for m in missions}, key=lambda r: (r == UNASSIGNED, r))
        ]  # fmt: skip

    # Headline: the latest month with a file vs the month before; the range vs the one before.
    headline_latest = headline_range = None
    if months:
        with_files = [m for m in months if any(k[1] == m for k in in_range)]
        latest = with_files[-1] if with_files else months[-1]
        before = shift(latest, -1)
        headline_latest = _headline(
            latest, before, [p for p in in_range.values() if p.month == latest],
            [p for p in placed.values() if p.month == before],
        )  # fmt: skip
        earlier = set(months_between(shift(months[0], -len(months)), shift(months[0], -1)))
        earlier_label = (f"{min(earlier)}..{max(earlier)}" if len(earlier) > 1
                         else next(iter(earlier)))  # fmt: skip
        headline_range = _headline(
            months[0] if len(months) == 1 else f"{months[0]}..{months[-1]}", earlier_label,
            list(in_range.values()), [p for p in placed.values() if p.month in earlier],
        )  # fmt: skip

    # Breakdown by group, with the change between the headline's two months.
    latest_month = headline_latest.label if headline_latest else None
    before_month = headline_latest.previous_label if headline_latest else None
    group_keys = set(groups)
    if options.group_by == "mission":
        group_keys |= set(missions)
    elif options.group_by == "region" and regions:
        group_keys |= {region_of(m) for m in missions}
    # Like with like: the change of a group compares the missions present in both months.
    common = set(headline_latest.compared) if headline_latest else set()
    at_latest, at_before = (
        _by_group(placed, latest_month, group_of, common),
        _by_group(placed, before_month, group_of, common),
    )
    breakdown = []
    for key in sorted(group_keys):
        per_month = groups[key] if key in groups else {m: Figures() for m in months}
        breakdown.append(
            GroupRow(
                key,
                [per_month[m] for m in months],
                _sum(per_month.values()),
                at_latest.get(key, Figures()),
                at_before.get(key, Figures()),
            )
        )
    if options.group_by == "platform":
        order = {p: i for i, p in enumerate(platform_order(group_keys))}
        breakdown.sort(key=lambda r: order[r.key])

    # Recurring gaps: a seat failing in at least two months (one when the range is one month).
    threshold = min(2, len(months)) or 1
    gaps = []
    for (mission, platform, label), by_month in seats.items():
        met = [f for f in by_month.values() if f.meetings]
        for kind in NOT_COMPLIANT:
            failing = [f for f in met if getattr(f, kind)]
            if len(failing) >= threshold:
                gaps.append(Gap(
                    mission, platform, label, kind, len(failing), len(met),
                    sum(getattr(f, kind) for f in met), sum(f.meetings for f in met),
                    _required_words(seat_required[(mission, platform, label)],
                                    options.role_names),
                    tuple(seat_required[(mission, platform, label)]),
                ))  # fmt: skip
    gaps.sort(key=lambda g: (-g.months_failing, -g.months_failing / g.months_met,
                             -g.meetings_failing, g.mission, g.label, g.kind))  # fmt: skip

    submission_gaps = []
    for mission in missions:
        for month in months:
            winner = in_range.get((mission, month))
            if winner is None:
                submission_gaps.append(SubmissionGap(mission, month, "missing", None,
                                                     regions.get(mission)))  # fmt: skip
            elif winner.submission.status in NOT_REPORTED:
                submission_gaps.append(SubmissionGap(mission, month, winner.submission.status,
                                                     winner.submission.path,
                                                     regions.get(mission)))  # fmt: skip

    drill.sort(key=lambda e: (e.group, e.mission, e.month, e.date, e.label, e.path))
    out_of_range = sum(1 for k in placed if k not in in_range)
    files = {
        "read": len(submissions),
        "other_missions": left_out,
        "used": len(in_range),
        "usable": sum(p.usable for p in in_range.values()),
        "superseded": sum(len(d.superseded) for d in duplicates),
        "not_placed": len(unplaced),
        "outside_period": out_of_range,
        "unreadable": sum(p.submission.status == "unreadable" for p in in_range.values()),
        "invalid": sum(p.submission.status == "invalid" for p in in_range.values()),
    }
    summary = Summary(
        months=months, group_by=options.group_by, anonymised=options.anonymise,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        files=files, headline_latest=headline_latest, headline_range=headline_range,
        platforms=platforms, heatmap=heatmap, region_heatmap=region_heatmap,
        trend={p: [trend[p][m] for m in months] for p in platforms},
        overall=[overall[m] for m in months], breakdown=breakdown, gaps=gaps,
        submissions=submission_gaps, duplicates=duplicates, unplaced=unplaced,
        meetings=drill, regions=regions, top_gaps=options.top_gaps,
        missions=missions, profiles={m: sorted(v) for m, v in sorted(profiles.items())},
        profile_files={m: sorted(v) for m, v in sorted(profile_files.items())},
        missions_with_data=sorted({p.mission for p in in_range.values() if p.usable}),
        months_with_data=sorted({p.month for p in in_range.values() if p.usable}),
        mission_months={k: _figures_of([p]) for k, p in sorted(placed.items()) if p.usable},
    )  # fmt: skip
    return summary


def _headline(
    label: str, previous_label: str, now: Sequence[_Placed], before: Sequence[_Placed]
) -> Headline:  # fmt: skip
    """The figures of `now`, and the change from `before` over the missions usable in both."""
    usable_now = {p.mission for p in now if p.usable}
    usable_before = {p.mission for p in before if p.usable}
    common = usable_now & usable_before
    return Headline(
        label, previous_label, _figures_of(now),
        _figures_of(p for p in before if p.mission in common) if common else None,
        _figures_of(p for p in now if p.mission in common) if common else None,
        sorted(common), sorted(usable_now - common), sorted(usable_before - common),
    )  # fmt: skip


def _sum(figures: Iterable[Figures]) -> Figures:
    out = Figures()
    for f in figures:
        for name in ("meetings", *VERDICTS, "waived"):
            setattr(out, name, getattr(out, name) + getattr(f, name))
    return out


def _worst_first(figures: Figures) -> tuple[int, float]:
    value = figures.compliance_rate
    return (1, 0.0) if value is None else (0, value)


def _entry(
    group: str, mission: str, month: str, placed: _Placed, meeting: Mapping[str, Any],
    findings: list[tuple[dict[str, Any], Finding | None]], scrubber: NameScrubber | None,
    waived: bool = False,
) -> MeetingEntry:  # fmt: skip
    attendees = []
    for person in meeting.get("iom_attendees", ()):
        if scrubber is not None:
            attendees.append(scrubber.role_of(person))
        else:
            title = person.get("title") or person.get("role") or "no title"
            name = person.get("name")
            attendees.append(f"{title} ({name})" if name else str(title))
    cleaned = []
    for f, made in findings:
        message = str(f.get("message", ""))
        if scrubber is not None:
            # Names out of the fields when the finding was built in this run; out of the
            # text when it was read back from JSON.
            message = made.rendered(roles=scrubber.names) if made else scrubber.scrub(message)
        entry = {"code": f.get("code"), "severity": f.get("severity"),
                 "cell": f.get("cell"), "message": message}  # fmt: skip
        if f.get("waived"):
            entry |= {"waived": True, "waiver_reason": f.get("waiver_reason")}
        cleaned.append(entry)
    return MeetingEntry(
        group=group, mission=mission, month=month, path=placed.submission.path,
        date=str(meeting.get("date")), platform=str(meeting.get("platform")),
        label=str(meeting.get("label") or meeting.get("platform")),
        level=str(meeting.get("level")), location=meeting.get("location"),
        verdict=str(meeting.get("verdict")), required=list(meeting.get("required", [])),
        attendees=attendees, findings=cleaned, waived=waived,
    )  # fmt: skip
