"""Fixtures of the server tests: a throwaway PostgreSQL cluster, a store on SQLite or
PostgreSQL, warm checker workers shared by the session, and clients of the real app."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from checker.server import passwords
from checker.server.access import Grant
from checker.server.app import Settings, create_app
from checker.server.checking import Checkers
from checker.server.store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "sample_rosters"
EXAMPLES = SAMPLES.parent / "schemas" / "profiles" / "examples"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PASSWORD = "correct horse battery"
REGIONS = {"KEN": "East Africa", "ETH": "East Africa", "SSD": "East Africa", "COL": "Americas"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run the cluster as the postgres account then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL cluster of its own in a temporary folder, on a free loopback port; yields
    the URL of its `postgres` database and stops it afterwards."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        reason = "PostgreSQL binaries (initdb, pg_ctl) not found: apt-get install postgresql"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI is set: the PostgreSQL tests must run)")
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="roster-check-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                                 "-U", "postgres", "-E", "UTF8", "--no-sync"]),
                   check=True, capture_output=True)  # fmt: skip
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                                 "-l", str(folder / "log"), "-w", "start"]),
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "-w", "stop"]), capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


_databases = itertools.count(1)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a new SQLite file, or a new database in the PostgreSQL cluster."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    import sqlalchemy

    server = request.getfixturevalue("postgres_server")
    name = f"test_{os.getpid()}_{next(_databases)}"
    admin = sqlalchemy.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def checkers() -> Iterator[Checkers]:
    """One warm worker for the whole session: starting one costs pandas' import."""
    pool = Checkers(1)
    pool.start()
    yield pool
    pool.close()


@dataclass
class Deployment:
    store: Store
    settings: Settings
    client: TestClient
    tokens: dict[str, str]

    def login(self, name: str) -> TestClient:
        """A fresh browser logged in as `name`."""
        browser = TestClient(self.client.app)
        page = browser.get("/login")
        csrf = csrf_of(page.text)
        answer = browser.post("/login", data={"name": name, "password": PASSWORD, "csrf": csrf},
                              follow_redirects=False)  # fmt: skip
        assert answer.status_code == 303, answer.text
        return browser

    def api(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name]}"}


def csrf_of(html: str) -> str:
    import re

    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


ACCOUNTS = {
    "kenya": Grant("field", "KEN"),
    "ethiopia": Grant("field", "ETH"),
    "colombia": Grant("field", "COL"),
    "nairobi": Grant("regional", "East Africa"),
    "geneva": Grant("management", "*"),
}


def deploy(db: str, files: Path, checkers: Checkers, **settings: object) -> Deployment:
    store = Store(db, files)
    store.upgrade()
    tokens = {}
    for name, grant in ACCOUNTS.items():
        store.add_user(name, passwords.hash_password(PASSWORD), [grant])
        tokens[name] = passwords.new_token()
        store.set_token_hash(name, passwords.token_hash(tokens[name]))
    settings.setdefault("profiles", EXAMPLES)  # as `serve --profiles schemas/profiles/examples`
    config = Settings(db=db, files=files, workers=1, regions=REGIONS, **settings)  # type: ignore[arg-type]
    app = create_app(config, store, checkers)
    return Deployment(store, config, TestClient(app), tokens)


@pytest.fixture
def deployment(tmp_path: Path, checkers: Checkers) -> Iterator[Deployment]:
    """The app on a fresh SQLite store with one account per role."""
    found = deploy(f"sqlite:///{tmp_path / 'store.db'}", tmp_path / "files", checkers)
    with found.client:
        yield found
    found.store.close()


def upload(client: TestClient, path: Path, headers: dict[str, str] | None = None,
           name: str | None = None, **fields: str) -> object:  # fmt: skip
    return client.post("/api/check", files={"file": (name or path.name, path.read_bytes())},
                       data=fields, headers=headers or {})  # fmt: skip


def wait_until(predicate: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


@dataclass
class LiveServer:
    url: str
    deployment: Deployment


@pytest.fixture
def live_server(tmp_path: Path, checkers: Checkers) -> Iterator[LiveServer]:
    """The app served by uvicorn on a free loopback port, in a thread of this process."""
    import threading

    import uvicorn

    found = deploy(f"sqlite:///{tmp_path / 'store.db'}", tmp_path / "files", checkers,
                   max_upload_mb=1.0)  # fmt: skip
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(found.client.app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_until(lambda: server.started, timeout=60)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", found)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        found.store.close()
