"""`roster-check template`: a ready-to-fill roster template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from checker.commands import (
    LANG_OPTION,
    PROFILES_OPTION,
    Command,
    ToolError,
    load,
    mission_code,
    tool_errors,
)
from checker.output import refuse_overwriting_inputs


@click.command(cls=Command)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The template to write, e.g. roster_template.xlsx.",
)
@click.option(
    "--profile",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Country profile (YAML): its platforms and titles in the lists, its mission filled in.",
)
@click.option(
    "--mission",
    callback=mission_code,
    help="The mission's profile, found as `check` finds it (--profiles, "
    "$ROSTER_CHECK_PROFILES, roster-check.toml from the working folder up).",
)
@PROFILES_OPTION
@LANG_OPTION
def template(
    output: Path, profile: Path | None, mission: str | None, profiles: Path | None, lang: str
) -> None:
    """Write a ready-to-fill roster template with dropdown lists, in English, French or Spanish.

    The header, the lists and the Instructions sheet are in the chosen language; fill in the
    Metadata sheet (mission, period) and one row per IOM attendee per meeting.
    """
    from checker.config import ConfigError
    from checker.template import build_template

    if profiles is not None and mission is None:
        raise ToolError("--profiles needs --mission: the template of which mission?")
    if profile is not None and mission is not None:
        raise ToolError("give --profile or --mission, not both")
    vocabulary = load(_vocabulary)
    with tool_errors():
        refuse_overwriting_inputs([output], [profile])
    try:
        policy = None
        if profile is not None:
            from checker.profile import load_profile

            policy = load_profile(profile, vocabulary)
        elif mission is not None:
            from checker.api import CheckOptions, select_policy

            found = select_policy(CheckOptions(profiles=profiles), mission, vocabulary)
            policy = found if found.sources else None
        build_template(output, lang, vocabulary, policy)
    except (ValueError, ConfigError) as exc:
        raise ToolError(str(exc)) from None
    click.echo(f"{output}")


def _vocabulary() -> Any:
    from checker.vocabulary import default_vocabulary

    return default_vocabulary()
