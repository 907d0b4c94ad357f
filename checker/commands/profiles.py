"""`roster-check rules` and `roster-check profile show|validate`: what the checker applies."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checker.commands import (
    PROFILES_OPTION,
    Command,
    ToolError,
    load,
    mission_code,
)


@click.command(cls=Command)
def rules() -> None:
    """List every finding code with its name, default severity, documentation and examples."""
    from checker.rules import rules_text

    click.echo(load(rules_text), nl=False)


@click.group()
def profile() -> None:
    """Show or validate country profiles (<MISSION>.yaml in a folder of profiles)."""


@profile.command()
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Profile file to show.",
)
@click.option(
    "--mission",
    callback=mission_code,
    help="Show the profile the checker applies to this mission: <CODE>.yaml in the folder of "
    "profiles (--profiles, $ROSTER_CHECK_PROFILES, roster-check.toml from the working folder "
    "up), else the generic table.",
)
@PROFILES_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def show(
    profile_path: Path | None, mission: str | None, profiles: Path | None, output_format: str
) -> None:
    """Print the effective representation table, after inheritance, as the checker applies it.

    Without options: the generic table.
    """
    import json

    from checker.api import CheckOptions, select_policy
    from checker.profile import describe
    from checker.vocabulary import default_vocabulary

    if profile_path is not None and mission is not None:
        raise ToolError("give --profile or --mission, not both")
    vocabulary = load(default_vocabulary)
    # The same selection `check` makes, so that what is shown is what is applied.
    options = CheckOptions(profile=profile_path, profiles=profiles)
    policy = load(lambda: select_policy(options, mission, vocabulary))
    table = policy.to_dict()
    if output_format == "json":
        click.echo(json.dumps(table, ensure_ascii=False, indent=2))
        return
    if mission is not None and not policy.sources:
        from checker.profile import profiles_folder

        folder = load(lambda: profiles_folder(profiles))
        where = (f"in {folder.path} (from {folder.origin})" if folder.path else
                 "and no folder of profiles is set (--profiles, ROSTER_CHECK_PROFILES, "
                 "roster-check.toml or pyproject.toml [tool.roster-check])")  # fmt: skip
        click.echo(f"No profile for mission {mission} {where}: the generic table applies.\n")
    click.echo(describe(table, policy.vocabulary), nl=False)


@profile.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check profile files, e.g. in CI.

    Prints "FILE: valid" for each good file. Exit 0 when all are valid; exit 2 when one is
    not, with one line per bad file on stderr: "FILE:LINE: KEY: what is wrong".
    """
    from checker.config import ConfigError
    from checker.profile import load_profile
    from checker.vocabulary import default_vocabulary

    vocabulary = load(default_vocabulary)
    bad = 0
    for path in files:
        try:
            policy = load_profile(path, vocabulary)
        except ConfigError as exc:
            bad += 1
            click.echo(f"roster-check: {exc}", err=True)
        else:
            parents = " → ".join(Path(f).name for f in policy.sources[1:])
            click.echo(f"{path}: valid (profile {policy.name}, extends {parents or 'generic'})")
    sys.exit(2 if bad else 0)
