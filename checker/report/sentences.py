"""The sentences every report format says, made once from the Summary so that the HTML, XLSX,
Markdown and e-mail outputs say the same true things in the same words.

A statement about coverage or compliance is made only when there is data behind it; when
there is none, the sentence says what is missing instead.
"""

from __future__ import annotations

from checker.report.aggregate import PLATFORM_LABELS, Gap, Headline, Summary
from checker.report.words import Words


def platform_label(words: Words, platform: str) -> str:
    return words.t("clusters") if platform == "CLUSTER" else PLATFORM_LABELS.get(platform, platform)


def basis(s: Summary, w: Words) -> list[str]:
    """What the report rests on: files read, used and not counted, missions, months, profiles,
    waivers."""
    f = s.files
    out = [w.t("basis_files", n=f["read"], used=f["usable"])]
    left = [
        w.t(key, n=f[name])
        for name, key in (("not_placed", "basis_not_placed"), ("unreadable", "basis_unreadable"),
                          ("invalid", "basis_invalid"), ("superseded", "basis_superseded"),
                          ("outside_period", "basis_outside"),
                          ("other_missions", "basis_other_missions"))
        if f.get(name)
    ]  # fmt: skip
    if left:
        out.append(w.t("basis_not_counted", list=w.join(left)))
    if s.missions_with_data:
        out.append(w.t("basis_missions", n=len(s.missions_with_data),
                       list=w.join(s.missions_with_data)))  # fmt: skip
        out.append(w.t("basis_months", n=len(s.months_with_data),
                       list=w.join([w.month(m) for m in s.months_with_data])))  # fmt: skip
    else:
        out.append(w.t("basis_no_data"))
    without = [m for m in s.missions if m not in s.missions_with_data]
    if without and s.months:
        out.append(w.t("basis_missions_without", n=len(without), list=w.join(without)))
    if s.profiles:
        out.append(w.t("basis_profiles", list=w.join(
            [f"{m} ({', '.join(w.t('profile_generic') if x == 'generic' else x for x in p)})"
             for m, p in s.profiles.items()])))  # fmt: skip
    waived = s.waived_meetings
    reasons: dict[str, set[str]] = {}
    for m in waived:
        reasons.setdefault(m.mission, set()).update(m.waiver_reasons)
    listed = "; ".join(
        f"{mission}: {', '.join(sorted(r))}" for mission, r in sorted(reasons.items())
    )
    out.append(w.t("basis_waivers", n=len(waived), list=listed) if waived
               else w.t("basis_no_waivers"))  # fmt: skip
    return out


def no_data(s: Summary, w: Words) -> str | None:
    """The sentence shown instead of figures when no roster could be used; None otherwise."""
    if s.total.meetings:
        return None
    if not s.files["read"]:
        return w.t("no_files")
    if not s.missions_with_data:
        return w.t("nothing_usable", n=s.files["read"])
    return w.t("no_meetings")


def comparison(h: Headline, w: Words) -> list[str]:
    """How the period compares with the one before, like with like, or why it does not."""
    previous = w.period(h.previous_label)
    if not h.compared or h.now is None or h.previous is None:
        if h.only_now and not h.only_before:
            return [w.t("no_comparison", previous=previous)]
        return [w.t("no_comparison", previous=previous)] + (
            [w.t("not_compared_before", list=w.join(h.only_before), previous=previous)]
            if h.only_before else [])  # fmt: skip
    now, before = h.now, h.previous
    out = [w.t("compared", n=len(h.compared), list=w.join(h.compared), previous=previous,
               rate_before=w.percent(before.compliance_rate, 1),
               before=before.compliant, assessed_before=before.assessed,
               rate_now=w.percent(now.compliance_rate, 1), now=now.compliant,
               assessed_now=now.assessed)]  # fmt: skip
    if h.only_now:
        out.append(w.t("not_compared_now", list=w.join(h.only_now), previous=previous))
    if h.only_before:
        out.append(w.t("not_compared_before", list=w.join(h.only_before), previous=previous))
    return out


def submissions_statement(s: Summary, w: Words) -> str | None:
    """The sentence for a period with no missing submission; None when some are listed."""
    if s.submissions:
        return None
    if not s.missions or not s.months:
        return w.t("submissions_unknown")
    return w.t("submissions_complete", n=len(s.missions))


def meetings_statement(s: Summary, w: Words) -> str | None:
    """The sentence when no meeting failed; None when some did."""
    if s.failing_meetings:
        return None
    total = s.total
    if not total.assessed:
        return w.t("meetings_none_assessed")
    return w.t("meetings_all_compliant", n=total.assessed)


def gap_text(g: Gap, w: Words, role: str) -> str:
    label = g.label if g.platform != "CLUSTER" or g.label != "CLUSTER" else w.t("clusters")
    months = w.t("months_of", n=g.months_met, failing=g.months_failing)
    if g.kind == "absent":
        return w.t("gap_absent", label=label, mission=g.mission, role=role, months=months)
    if role == "IOM" or not role:
        return w.t("gap_wrong_level", label=label, mission=g.mission, months=months)
    return w.t("gap_wrong_level_role", label=label, mission=g.mission, months=months, role=role)


def trend_note(s: Summary, w: Words) -> str | None:
    """When the missions with a usable roster differ from month to month, the trend's rates
    are not like with like: say how many missions each month stands for."""
    per_month = {m: sorted(k for (k, month) in s.mission_months if month == m) for m in s.months}
    if len({tuple(v) for v in per_month.values()}) <= 1:
        return None
    counts = [w.t("trend_month", month=w.month_short(m), n=len(v)) for m, v in per_month.items()]
    return w.t("trend_note", list=w.join(counts))
