"""The words of every finding, written for the person who must fix the spreadsheet.

One template per finding kind, keyed "CODE" or "CODE:variant"; `{name}` fields are filled by
the stage that raises the finding. Kept in one catalogue so that translations have one place
to cover.
"""

from __future__ import annotations

from typing import Any

EN: dict[str, str] = {
    "E101": "The file cannot be read as a roster: {detail}. Open it in Excel and save it again as .xlsx.",
    "E101:internal": "The checker failed on this file ({detail}). This is a fault of the checker, "
                     "not of the roster: please report it with the file.",
    "E101:crashed": "The checker's process stopped abruptly while reading this file (it was "
                    "killed or crashed), so the file could not be checked. Open it in Excel and "
                    "save it again as .xlsx; if that does not help, please report it with the file.",
    "E102": "The workbook is password-protected: {detail}. Save a copy without a password and check that copy.",
    "E103": "No sheet has a roster header in its first 20 rows. Add a header row with at least a "
            "Date and a Platform column (for example: Date | Platform | Name | Organization | Title).",
    "E104": "The file is too large to check safely: {detail}.",
    "E105": "The roster has a header but no meetings under it. Fill in one row per attendee (or per meeting).",
    "S201": "The column \"{field}\" is missing from the header of sheet {sheet}. Add a column headed "
            "\"{header}\"{why}.",
    "S202:date": "The meeting date is empty. Enter the date the meeting took place, for example 05/10/2026.",
    "S202:platform": "The platform is empty. Enter the coordination meeting, for example HCT, OMT or Health Cluster.",
    "S202:title": "IOM attendee {name} has no position title, so the level of representation cannot "
                  "be checked. Enter their title, for example Chief of Mission.",
    "S202:sector": "This cluster meeting does not say which cluster it is. Name it in the platform "
                   "(for example Health Cluster) or fill in the sector.",
    "S203": "The date \"{value}\" cannot be read. Write it as day/month/year (05/10/2026), as "
            "2026-10-05, or use an Excel date.",
    "S204": "\"{value}\" is not a coordination platform the checker knows{suggestion_text}. Known "
            "platforms: {known}.",
    "S205": "The title \"{value}\" of IOM attendee {name} is not in the list of IOM titles, so the "
            "meeting cannot be judged{suggestion_text}.",
    "S206": "The level \"{value}\" is neither National nor Subnational.",
    "S207": "The date {date} is outside the reporting period {period}. Check the date, or move the "
            "row to the roster of its month.",
    "S208": "{name} is listed twice for the same meeting ({platform} on {date}). Delete one of the rows.",
    "S209": "\"{value}\" is not a sector or programme the checker knows{suggestion_text}.",
    "S210:mission": "The mission of this roster is unknown. Name the file like ETH_2026-10.xlsx, add a "
                    "Metadata sheet with a Mission cell, or pass --mission.",
    "S210:period": "The reporting period of this roster is unknown. Name the file like "
                   "ETH_2026-10.xlsx, add a Metadata sheet with a Period cell, or pass --period.",
    "S211": "The role in meeting \"{value}\" is not Member, Observer or Chair; the attendee was "
            "counted as a member.",
    "C301": "{platform_name} on {date}: no IOM attendee is recorded; IOM should be represented by "
            "{required}.",
    "C302:below": "{platform_name} on {date}: IOM was represented by {attendee}, below the level "
                  "required; the {platform} requires {required}.",
    "C302:above": "{platform_name} on {date}: IOM was represented by {attendee}, above the level "
                  "required; the {platform} seat belongs to {required}, whose seat is empty.",
    "C302:function": "{platform_name} on {date}: IOM was represented by {attendee}, a different "
                     "function; the {platform} requires {required}.",
    "C302:observer_role": "{platform_name} on {date}: {attendee} may attend as observer but does not "
                          "represent IOM; the {platform} requires {required}.",
    "C302:unknown": "{platform_name} on {date}: IOM was represented by {attendee}, whose role is not "
                    "known; the {platform} requires {required}.",
    "C303": "{platform_name} on {date}: IOM was represented by {attendee} of the {attendee_sector} "
            "programme; this cluster needs staff of the {sector} programme.",
    "C304": "{platform_name} on {date}: IOM attended only as observer: {attendee}. IOM should sit "
            "as a member, represented by {required}.",
    "C305": "{platform_name} on {date}: IOM was represented by {attendee}, an alternate for "
            "{required}, but no designation by the Chief of Mission is recorded in the mission's "
            "profile for this date.",
    "C306": "{platform_name}: {expected} {meetings} expected in {period} ({per_month} a month "
            "in the mission's profile), {recorded} recorded. Add the missing meetings to the "
            "roster; if the platform met less often, correct expected_per_month in the profile.",
    "C305:other": "{platform_name} on {date}: IOM was represented by {attendee}, an alternate "
                  "for {required}, but the mission's profile designates {designated} for this "
                  "seat, which does not cover this person on this date.",
    "C307": "{platform_name} on {date}: IOM was represented by {attendee} in an acting capacity.",
}  # fmt: skip


def render(key: str, **values: Any) -> str:
    template = EN.get(key) or EN[key.split(":")[0]]
    suggestion = values.get("suggestion")
    values.setdefault("suggestion_text", f'. Did you mean "{suggestion}"?' if suggestion else "")
    text = template.format_map(_Blank(values))
    return text.replace("?.", "?")


class _Blank(dict[str, Any]):
    """Leave unknown fields empty rather than failing on a message."""

    def __missing__(self, key: str) -> str:
        return ""
