"""The database schema as Alembic migrations, shipped inside the package so that
`roster-check db upgrade` works from a plain install (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

HERE = Path(__file__).parent


def config(engine: Engine) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    # The engine is handed over directly: a URL in the config would need '%' escaped.
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Upgrade the database to `revision` (the newest by default); returns the revision the
    database is at afterwards."""
    from alembic import command

    command.upgrade(config(engine), revision)  # type: ignore[arg-type]
    return current(engine) or ""


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(HERE))
    return str(script.get_current_head())
