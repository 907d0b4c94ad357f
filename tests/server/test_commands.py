"""The commands: `serve` (as the README starts it), `db upgrade`, `user add`, `user token`."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2
from click.testing import CliRunner

from checker.cli import main
from tests.server.conftest import SAMPLES, free_port


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_db_upgrade_and_user_add_give_one_line_answers(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    code, out = run("db", "upgrade", "--db", db)
    assert code == 0 and "at schema 0001" in out
    code, out = run("user", "add", "amina", "--role", "field", "--mission", "ken",
                    "--password-stdin", "--db", db, stdin="long enough password\n")  # fmt: skip
    assert code == 0 and "account amina created (field KEN)" in out
    assert re.search(r"API token: rc_\S{20,}", out)
    code, out = run("user", "add", "amina", "--role", "field", "--mission", "KEN",
                    "--password-stdin", "--db", db, stdin="long enough password\n")  # fmt: skip
    assert code == 2 and out.strip() == "roster-check: the account 'amina' exists already"
    for args, message in [
        (["--role", "field"], "a field account needs a --mission"),
        (["--role", "regional"], "a regional account needs a --region"),
        (["--role", "field", "--mission", "Kenya"], "'KENYA' is not a mission code"),
    ]:  # fmt: skip
        code, out = run("user", "add", "x", *args, "--password-stdin", "--db", db,
                        stdin="long enough password\n")  # fmt: skip
        assert code == 2 and message in out and "Traceback" not in out
    code, out = run("user", "add", "y", "--role", "management", "--password-stdin", "--db", db,
                    stdin="short\n")  # fmt: skip
    assert code == 2 and "at least 8 characters" in out
    code, out = run("user", "token", "amina", "--db", db)
    assert code == 0 and out.startswith("API token: rc_")
    code, out = run("user", "token", "nobody", "--db", db)
    assert code == 2 and "no account 'nobody'" in out


def test_no_auth_is_refused_on_a_public_address(tmp_path: Path) -> None:
    code, out = run("serve", "--no-auth", "--host", "0.0.0.0", "--db",
                    f"sqlite:///{tmp_path / 's.db'}")  # fmt: skip
    assert code == 2 and "bind it to 127.0.0.1" in out
    assert not (tmp_path / "s.db").exists()


def test_a_bad_database_is_one_line(tmp_path: Path) -> None:
    code, out = run("db", "upgrade", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert code == 2 and out.startswith("roster-check: cannot use the database")
    assert "Traceback" not in out and len(out.strip().splitlines()) == 1


def test_the_readme_command_starts_a_server_with_a_first_account(tmp_path: Path) -> None:
    """`roster-check serve --init-admin admin`, from an empty folder: the printed password logs
    in, the printed token checks a roster, and Ctrl-C stops the server."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--init-admin", "admin", "--port", str(port)],
        cwd=tmp_path, stderr=subprocess.PIPE, text=True,
        env={k: v for k, v in os.environ.items() if k != "ROSTER_CHECK_DB"},
    )  # fmt: skip
    try:
        assert server.stderr is not None
        lines = []
        while not any("serving on" in line for line in lines):
            line = server.stderr.readline()
            assert line, "".join(lines)
            lines.append(line)
        said = "".join(lines)
        password = re.search(r"password: (\S+);", said).group(1)  # type: ignore[union-attr]
        token = re.search(r"API token: (\S+)", said).group(1)  # type: ignore[union-attr]
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx2.get(base + "/login", timeout=2)
                break
            except httpx2.TransportError:
                time.sleep(0.1)
        with httpx2.Client(base_url=base, timeout=60) as browser:
            page = browser.get("/login").text
            csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
            answer = browser.post("/login", data={"name": "admin", "password": password,
                                                  "csrf": csrf})  # fmt: skip
            assert "Check the month" in browser.get("/upload").text, answer.text
        sample = SAMPLES / "SEN_2026-10.xlsx"
        checked = httpx2.post(base + "/api/check", headers={"Authorization": f"Bearer {token}"},
                              files={"file": (sample.name, sample.read_bytes())}, timeout=60)  # fmt: skip
        assert checked.status_code == 201 and checked.json()["results"][0]["mission"] == "SEN"
        assert (tmp_path / "roster-check.db").is_file()
        assert len([p for p in (tmp_path / "roster-check-files").rglob("*") if p.is_file()]) == 1
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()
    assert server.returncode in (0, 130, -signal.SIGINT)  # 130: interrupted, as every command
