"""`roster-check serve`, `db` and `user`: the upload server (issue 11). The commands only
parse options; checker/server/commands.py does the work. Needs the `server` extra
(pip install 'roster-check[server]')."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from checker.commands import (
    PROFILES_OPTION,
    Command,
    ToolError,
)

# ---------------------------------------------------------------- the upload server (issue 11)
# The commands only parse options; checker/server/commands.py does the work. Needs the
# `server` extra (pip install 'roster-check[server]').

DB_OPTION = click.option(
    "--db", metavar="URL", envvar="ROSTER_CHECK_DB", default="sqlite:///roster-check.db",
    show_default=True, help="The store: an SQLAlchemy URL (sqlite:///FILE, "
    "postgresql+psycopg://USER@HOST/DB); also $ROSTER_CHECK_DB.",
)  # fmt: skip


def _server(name: str) -> Any:
    from importlib import import_module

    try:
        return import_module(f"checker.server.{name}")
    except ImportError as exc:
        raise ToolError(f"the server needs its extra dependencies ({exc.name} is missing): "
                        "pip install 'roster-check[server]'") from None  # fmt: skip


@contextmanager
def _server_errors() -> Iterator[None]:
    store = _server("store")
    try:
        yield
    except (store.StoreError, ValueError, OSError) as exc:
        raise ToolError(str(exc)) from None


@click.command(cls=Command)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@DB_OPTION
@click.option("--files", type=click.Path(path_type=Path, file_okay=False),
              default="roster-check-files", show_default=True,
              help="Folder keeping the uploaded originals (by content hash).")  # fmt: skip
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Checker processes.")  # fmt: skip
@click.option("--max-upload-mb", type=click.FloatRange(0.01, 1024), default=10.0,
              show_default=True, help="Largest roster accepted (413 above).")  # fmt: skip
@click.option("--no-auth", is_flag=True, help="No accounts: a local single-user run on "
              "127.0.0.1 only.")  # fmt: skip
@click.option(
    "--regions",
    type=click.Path(path_type=Path, dir_okay=False),
    help="YAML or CSV file mapping each mission to its region (regional roles).",
)
@click.option("--init-admin", metavar="NAME", help="Create this management account when it "
              "does not exist; its password and API token are printed once.")  # fmt: skip
@click.option("--secure-cookies", is_flag=True, help="Send the session cookie over HTTPS "
              "only (behind an HTTPS reverse proxy).")  # fmt: skip
@PROFILES_OPTION
def serve(host: str, port: int, db: str, files: Path, workers: int, max_upload_mb: float,
          no_auth: bool, regions: Path | None, init_admin: str | None,
          secure_cookies: bool, profiles: Path | None) -> None:  # fmt: skip
    """Run the upload page, the results store and the JSON API (see docs/server.md)."""
    commands = _server("commands")
    from checker.config import ConfigError

    try:
        with _server_errors():
            commands.serve(host=host, port=port, db=db, files=files, workers=workers,
                           max_upload_mb=max_upload_mb, auth=not no_auth, regions=regions,
                           init_admin=init_admin, secure_cookies=secure_cookies,
                           echo=lambda m: click.echo(m, err=True), profiles=profiles)  # fmt: skip
    except ConfigError as exc:
        raise ToolError(str(exc)) from None


@click.group()
def db() -> None:
    """The server's store."""


@db.command("upgrade")
@DB_OPTION
def db_upgrade(db: str) -> None:
    """Create or upgrade the store's tables to the newest schema (Alembic migrations)."""
    commands = _server("commands")
    with _server_errors():
        revision = commands.db_upgrade(db)
    click.echo(f"roster-check: database {_server('store').redact(db)} at schema {revision}")


@click.group()
def user() -> None:
    """Accounts of the upload server."""


@user.command("add")
@click.argument("name")
@click.option(
    "--role",
    required=True,
    type=click.Choice(["field", "regional", "management"]),
    help="field: a mission's staff; regional: a region's missions; management: all.",
)
@click.option("--mission", "scopes", multiple=True, help="Mission code of a field account.")
@click.option("--region", "regions", multiple=True, help="Region of a regional account.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input "
              "(else asked for, or generated and printed when not at a terminal).")  # fmt: skip
@DB_OPTION
def user_add(name: str, role: str, scopes: tuple[str, ...], regions: tuple[str, ...],
             password_stdin: bool, db: str) -> None:  # fmt: skip
    """Create an account; prints its API token (shown once)."""
    commands = _server("commands")
    password = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _server_errors():
        token, generated, grants = commands.add_user(db, name, role, [*scopes, *regions],
                                                     password)  # fmt: skip
    click.echo(f"account {name} created ({', '.join(map(str, grants))})")
    if generated:
        click.echo(f"password: {generated}")
    click.echo(f"API token: {token}")


@user.command("token")
@click.argument("name")
@DB_OPTION
def user_token(name: str, db: str) -> None:
    """Give an account a new API token (the old one stops working)."""
    commands = _server("commands")
    with _server_errors():
        click.echo(f"API token: {commands.new_token(db, name)}")
