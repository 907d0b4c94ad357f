"""The results store: a database of accounts and submissions, and a folder of originals.

The database (SQLite by default, PostgreSQL for a shared deployment) is reached through
SQLAlchemy 2 and its schema is made by the Alembic migrations in `migrations/` — never by
`create_all` — so that a deployed database and a new one are the same. Each upload is a
submission row (mission, period, version, uploader, time, file hash, status, figures and the
result JSON); the uploaded file itself is kept once per content hash under the files folder
and never overwritten. Re-uploading a month adds a version; the newest counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from checker.server.access import Grant

DEFAULT_DB = "sqlite:///roster-check.db"
DEFAULT_FILES = "roster-check-files"
VERSION_ATTEMPTS = 8


class StoreError(Exception):
    """The store cannot do what was asked (the CLI exits 2 with this message)."""


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class GrantRow(Base):
    __tablename__ = "grants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # field | regional | management
    scope: Mapped[str] = mapped_column(String(64))  # a mission, a region, or * for all


class SubmissionRow(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        UniqueConstraint("mission", "period", "version", name="uq_submission_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mission: Mapped[str] = mapped_column(String(16), index=True)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM, YYYY, or "" when unknown
    version: Mapped[int] = mapped_column(Integer)
    uploader_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    file_name: Mapped[str] = mapped_column(String(255))
    file_hash: Mapped[str] = mapped_column(String(64))
    file_size: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str] = mapped_column(String(2))
    # What the uploader said (None: read from the file), to check the original again alike.
    given_mission: Mapped[str | None] = mapped_column(String(16), nullable=True)
    given_period: Mapped[str | None] = mapped_column(String(7), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    meetings: Mapped[int] = mapped_column(Integer)
    compliance_rate: Mapped[float | None] = mapped_column(Float, nullable=True)
    errors: Mapped[int] = mapped_column(Integer)
    warnings: Mapped[int] = mapped_column(Integer)
    result_json: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class User:
    id: int
    name: str
    grants: tuple[Grant, ...]


@dataclass(frozen=True)
class Submission:
    """One stored upload, as the pages and the API show it."""

    id: int
    mission: str
    period: str
    version: int
    uploader: str | None
    uploaded_at: dt.datetime
    file_name: str
    file_hash: str
    file_size: int
    lang: str
    given_mission: str | None
    given_period: str | None
    status: str
    meetings: int
    compliance_rate: float | None
    errors: int
    warnings: int
    report: dict[str, Any]  # the whole `check --format json` document for this file

    @property
    def result(self) -> dict[str, Any]:
        """The file's result (the document's single entry)."""
        results: list[dict[str, Any]] = self.report.get("results") or [{}]
        return results[0]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets a lock timeout and write-ahead logging so that
    concurrent uploads wait for each other instead of failing."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection: Any, _record: Any) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url and url != "sqlite://":
                # Write-ahead logging: readers never wait for the writer. With it, NORMAL
                # syncing cannot corrupt the database; a power cut may lose the last commits.
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class Store:
    """The database and the folder of originals of one deployment."""

    def __init__(self, url: str, files: Path) -> None:
        self.url = url
        self.files = files
        try:
            self.engine = make_engine(url)
        except Exception as exc:  # a malformed URL, an unknown driver
            raise StoreError(f"cannot use the database {redact(url)}: {exc}") from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ schema

    def upgrade(self) -> str:
        """Bring the database to the newest schema (Alembic); returns the revision."""
        from checker.server.migrations import upgrade

        return upgrade(self.engine)

    # ------------------------------------------------------------------ settings

    def secret(self) -> str:
        """The key that signs session cookies: made once per database, so that restarts and
        several server processes share it."""
        with self.session() as session:
            row = session.get(SettingRow, "session_secret")
            if row is None:
                row = SettingRow(key="session_secret", value=secrets.token_urlsafe(48))
                session.add(row)
            return row.value

    # ------------------------------------------------------------------ accounts

    def add_user(self, name: str, password_hash: str, grants: Sequence[Grant]) -> User:
        with self.session() as session:
            if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
                raise StoreError(f"the account {name!r} exists already")
            row = UserRow(name=name, password_hash=password_hash, created_at=utcnow())
            session.add(row)
            session.flush()
            for grant in grants:
                session.add(GrantRow(user_id=row.id, role=grant.role, scope=grant.scope))
            return User(row.id, name, tuple(grants))

    def count_users(self) -> int:
        with self.session() as session:
            return int(session.scalar(select(func.count()).select_from(UserRow)) or 0)

    def password_hash(self, name: str) -> tuple[int, str] | None:
        with self.session() as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name))
            return (row.id, row.password_hash) if row is not None else None

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        with self.session() as session:
            row = session.get(UserRow, user_id)
            if row is not None:
                row.password_hash = password_hash

    def set_token_hash(self, name: str, token_hash: str) -> None:
        with self.session() as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name))
            if row is None:
                raise StoreError(f"no account {name!r}")
            row.token_hash = token_hash

    def user(self, user_id: int) -> User | None:
        with self.session() as session:
            row = session.get(UserRow, user_id)
            return self._user(session, row) if row is not None else None

    def user_by_token_hash(self, token_hash: str) -> User | None:
        with self.session() as session:
            row = session.scalar(select(UserRow).where(UserRow.token_hash == token_hash))
            return self._user(session, row) if row is not None else None

    @staticmethod
    def _user(session: Session, row: UserRow) -> User:
        grants = session.scalars(select(GrantRow).where(GrantRow.user_id == row.id)).all()
        return User(row.id, row.name, tuple(Grant(g.role, g.scope) for g in grants))

    # ------------------------------------------------------------------ originals

    def keep_original(self, content: bytes, suffix: str) -> tuple[str, Path]:
        """Keep an uploaded file under its content hash: written once (to a temporary name,
        then renamed), never overwritten. Returns the hash and the stored path."""
        digest = hashlib.sha256(content).hexdigest()
        path = self.original_path(digest, suffix)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(content)
                os.chmod(temporary, 0o444)
                if not path.exists():
                    os.replace(temporary, path)
            finally:
                if os.path.exists(temporary):
                    os.unlink(temporary)
        return digest, path

    def scratch(self) -> Path:
        """Where uploads are checked before they are kept: inside the files folder, so that
        nothing is written outside the store; each check's folder is removed after it."""
        folder = self.files / ".scratch"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def original_path(self, digest: str, suffix: str) -> Path:
        # The suffix is one the server chose (uploads.roster_suffix), never the client's text.
        return self.files / digest[:2] / f"{digest}{suffix}"

    # ------------------------------------------------------------------ submissions

    def add_submission(
        self, report: dict[str, Any], *, mission: str, uploader_id: int | None, file_name: str,
        file_hash: str, file_size: int, lang: str, given_mission: str | None = None,
        given_period: str | None = None,
    ) -> Submission:  # fmt: skip
        from sqlalchemy.exc import IntegrityError

        # Two uploads of one month at once may pick the same version number: the unique
        # constraint refuses the second, which then takes the next number.
        for attempt in range(VERSION_ATTEMPTS):
            try:
                return self._add_submission(
                    report, mission=mission, uploader_id=uploader_id, file_name=file_name,
                    file_hash=file_hash, file_size=file_size, lang=lang,
                    given_mission=given_mission, given_period=given_period,
                )  # fmt: skip
            except IntegrityError:
                if attempt == VERSION_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _add_submission(
        self, report: dict[str, Any], *, mission: str, uploader_id: int | None, file_name: str,
        file_hash: str, file_size: int, lang: str, given_mission: str | None,
        given_period: str | None,
    ) -> Submission:  # fmt: skip
        result = report["results"][0]
        summary = result["summary"]
        period = result.get("period") or ""
        with self.session() as session:
            latest = session.scalar(
                select(func.max(SubmissionRow.version)).where(
                    SubmissionRow.mission == mission, SubmissionRow.period == period
                )
            )
            row = SubmissionRow(
                mission=mission, period=period, version=(latest or 0) + 1,
                uploader_id=uploader_id, uploaded_at=utcnow(), file_name=file_name,
                file_hash=file_hash, file_size=file_size, lang=lang, given_mission=given_mission,
                given_period=given_period, status=result["status"],
                meetings=summary["meetings"], compliance_rate=summary["compliance_rate"],
                errors=summary["errors"], warnings=summary["warnings"],
                result_json=json.dumps(report, ensure_ascii=False),
            )  # fmt: skip
            session.add(row)
            session.flush()
            return self._submission(session, row, report)

    def submission(self, submission_id: int) -> Submission | None:
        with self.session() as session:
            row = session.get(SubmissionRow, submission_id)
            return self._submission(session, row) if row is not None else None

    def versions(self, mission: str, period: str) -> list[Submission]:
        """Every upload of one mission's month, newest first."""
        with self.session() as session:
            rows = session.scalars(
                select(SubmissionRow)
                .where(SubmissionRow.mission == mission, SubmissionRow.period == period)
                .order_by(SubmissionRow.version.desc())
            ).all()
            return [self._submission(session, row) for row in rows]

    def history(self, mission: str) -> list[Submission]:
        """The newest version of each of a mission's months, newest month first."""
        return self.latest([mission])

    def latest(
        self, missions: Iterable[str] | None = None, period: tuple[str, str] | None = None
    ) -> list[Submission]:
        """The newest version of each mission-month (of `missions`, or all), in the months
        `period` spans when given; by mission, newest month first."""
        with self.session() as session:
            newest = select(
                SubmissionRow.mission,
                SubmissionRow.period,
                func.max(SubmissionRow.version).label("version"),
            ).group_by(SubmissionRow.mission, SubmissionRow.period)  # fmt: skip
            if missions is not None:
                newest = newest.where(SubmissionRow.mission.in_(list(missions)))
            chosen = newest.subquery()
            query = select(SubmissionRow).join(
                chosen,
                (SubmissionRow.mission == chosen.c.mission)
                & (SubmissionRow.period == chosen.c.period)
                & (SubmissionRow.version == chosen.c.version),
            )
            rows = session.scalars(
                query.order_by(SubmissionRow.mission, SubmissionRow.period.desc())
            ).all()
            found = [self._submission(session, row) for row in rows]
        if period is not None:
            first, last = period
            found = [s for s in found if s.period and first <= s.period[:7] <= last]
        return found

    def missions(self) -> list[str]:
        with self.session() as session:
            return list(session.scalars(
                select(SubmissionRow.mission).distinct().order_by(SubmissionRow.mission)
            ).all())  # fmt: skip

    @staticmethod
    def _submission(
        session: Session, row: SubmissionRow, report: dict[str, Any] | None = None
    ) -> Submission:
        uploader = session.get(UserRow, row.uploader_id) if row.uploader_id is not None else None
        uploaded_at = row.uploaded_at
        if uploaded_at.tzinfo is None:  # SQLite keeps no time zone: the store writes UTC
            uploaded_at = uploaded_at.replace(tzinfo=dt.timezone.utc)
        return Submission(
            id=row.id, mission=row.mission, period=row.period, version=row.version,
            uploader=uploader.name if uploader is not None else None, uploaded_at=uploaded_at,
            file_name=row.file_name, file_hash=row.file_hash, file_size=row.file_size,
            lang=row.lang, given_mission=row.given_mission, given_period=row.given_period,
            status=row.status, meetings=row.meetings,
            compliance_rate=row.compliance_rate, errors=row.errors, warnings=row.warnings,
            report=report if report is not None else json.loads(row.result_json),
        )  # fmt: skip


def report_submissions(
    store: Store, missions: Iterable[str] | None = None, period: tuple[str, str] | None = None
) -> list[Any]:
    """The stored results as the management report's input (checker.report.Submission): the
    newest version of each mission-month, its upload time as the "modified" time. No roster
    is read again."""
    from checker.report.aggregate import Submission as ReportInput

    return [
        ReportInput(submission.result, submission.uploaded_at.timestamp())
        for submission in store.latest(missions, period)
    ]


def redact(url: str) -> str:
    """A database URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(the URL given)"
