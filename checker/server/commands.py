"""What the `serve`, `db` and `user` commands do, and the store side of `report --db`; cli.py
only parses their options. Errors are StoreError or ValueError with a one-line message."""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.server.access import Grant
from checker.server.store import Store, StoreError, redact


def open_store(db: str, files: Path | None = None, upgrade: bool = False) -> Store:
    from sqlalchemy.exc import SQLAlchemyError

    store = Store(db, files or Path("."))
    try:
        if upgrade:
            store.upgrade()
        else:
            _require_current(store)
    except StoreError:
        raise
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot use the database {redact(db)}: {_first_line(exc)}") from None
    return store


def _first_line(exc: Exception) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def _require_current(store: Store) -> None:
    from checker.server.migrations import current, head

    at = current(store.engine)
    if at != head():
        raise StoreError(f"the database {redact(store.url)} is at schema "
                         f"{at or '(empty)'}, not {head()}: run `roster-check db upgrade`")  # fmt: skip


def db_upgrade(db: str) -> str:
    store = open_store(db, upgrade=True)
    try:
        from checker.server.migrations import current

        return current(store.engine) or ""
    finally:
        store.close()


def add_user(db: str, name: str, role: str, scopes: Sequence[str], password: str | None
             ) -> tuple[str, str | None, list[Grant]]:  # fmt: skip
    """Create an account; returns (its API token, the password when one was generated, its
    grants)."""
    from checker.server import passwords

    if not name or len(name) > 64 or not name.isprintable() or name != name.strip():
        raise ValueError("an account name is 1 to 64 printable characters")
    grants = [Grant.parse(role, scope) for scope in (scopes or [None])]  # type: ignore[list-item]
    generated = None
    if password is None:
        password = generated = passwords.new_password()
    if len(password) < passwords.MIN_PASSWORD:
        raise ValueError(f"a password has at least {passwords.MIN_PASSWORD} characters")
    store = open_store(db, upgrade=True)
    try:
        store.add_user(name, passwords.hash_password(password), grants)
        token = passwords.new_token()
        store.set_token_hash(name, passwords.token_hash(token))
    finally:
        store.close()
    return token, generated, grants


def new_token(db: str, name: str) -> str:
    from checker.server import passwords

    store = open_store(db)
    try:
        token = passwords.new_token()
        store.set_token_hash(name, passwords.token_hash(token))
        return token
    finally:
        store.close()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    *, host: str, port: int, db: str, files: Path, workers: int, max_upload_mb: float,
    auth: bool, regions: Path | None, init_admin: str | None, secure_cookies: bool = False,
    echo: Any = print, profiles: Path | None = None,
) -> None:  # fmt: skip
    """Upgrade the store, create the first account if asked, and run the server until
    interrupted."""
    import uvicorn

    from checker.server.app import Settings, create_app

    if not auth and not is_loopback(host):
        raise ValueError("--no-auth is for a local single-user run: bind it to 127.0.0.1")
    mapping: dict[str, str] = {}
    if regions is not None:
        from checker.report.regions import load_regions

        mapping = load_regions(regions)
    files.mkdir(parents=True, exist_ok=True)
    store = open_store(db, files, upgrade=True)
    if init_admin and store.password_hash(init_admin) is None:
        token, password, _ = add_user(db, init_admin, "management", [], None)
        echo(f"roster-check: account {init_admin!r} (management) created; password: {password}; "
             f"API token: {token} — shown once, keep them safe")  # fmt: skip
    if auth and store.count_users() == 0:
        echo("roster-check: no accounts yet; create one with `roster-check user add` or "
             "`serve --init-admin NAME`")  # fmt: skip
    from checker.profile import profiles_folder

    # The deployment's folder of country profiles: --profiles, else $ROSTER_CHECK_PROFILES,
    # else roster-check.toml from the working folder up (an uploaded file has no folder).
    folder = profiles_folder(profiles).path
    settings = Settings(db=db, files=files, workers=workers, max_upload_mb=max_upload_mb,
                        auth=auth, regions=mapping, secure_cookies=secure_cookies,
                        profiles=folder)  # fmt: skip
    app = create_app(settings, store)
    where = f"http://{host}:{port}/"
    echo(f"roster-check: serving on {where} (database {redact(db)}, files {files}, "
         f"{workers} checker processes{', no authentication' if not auth else ''})")  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False,
                timeout_graceful_shutdown=10)  # fmt: skip


def report_inputs(db: str) -> list[Any]:
    """The stored results for `report --db`: the newest version of each mission-month."""
    from checker.server.store import report_submissions

    store = open_store(db)
    try:
        return report_submissions(store)
    finally:
        store.close()


def stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
