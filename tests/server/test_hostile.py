"""Hostile and broken uploads: each gets a clear message, nothing is written outside the
store, the checker's E1xx findings are those of the command line, and the server stays up."""

from __future__ import annotations

import concurrent.futures
import io
import socket
import time
from pathlib import Path

import httpx2
import openpyxl
import pytest

from checker.server.checking import (
    Checkers,
    CheckFailed,
    CheckRequest,
    check_in_worker,
    crash_in_worker,
    failure_document,
)
from tests.server.conftest import FIXTURES, SAMPLES, Deployment, LiveServer, csrf_of, upload

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def files_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_an_oversize_upload_is_refused_before_its_body_is_read(live_server: LiveServer) -> None:
    limit = 1024 * 1024  # the live server's --max-upload-mb 1
    with socket.create_connection(("127.0.0.1", int(live_server.url.rsplit(":", 1)[1]))) as conn:
        conn.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
                     b"boundary=b\r\nContent-Length: " + str(50 * limit).encode() + b"\r\n\r\n--b\r\n")  # fmt: skip
        conn.settimeout(10)
        started = time.monotonic()
        head = b""  # answered with 49 MB still unsent
        while b"larger than" not in head and time.monotonic() - started < 10:
            head += conn.recv(4096)
    text = head.decode("utf-8")
    assert text.startswith("HTTP/1.1 413"), text
    assert time.monotonic() - started < 5
    assert "larger than the 1 MB" in text


def test_a_body_over_the_limit_without_a_length_is_cut_off(live_server: LiveServer) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
        for _ in range(40):
            yield b"x" * 65536
        yield b"\r\n--b--\r\n"

    answer = httpx2.post(live_server.url + "/api/check", content=chunks(), timeout=30, headers={
        "Content-Type": "multipart/form-data; boundary=b",
        **live_server.deployment.api("kenya")})  # fmt: skip
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "upload_too_large"
    assert live_server.deployment.store.latest() == []


def test_the_type_is_judged_by_content(deployment: Deployment, tmp_path: Path) -> None:
    headers = deployment.api("kenya")
    refused = deployment.client.post("/api/check", files={"file": ("KEN_2026-10.png", PNG)},
                                     headers=headers)  # fmt: skip
    assert refused.status_code == 415
    assert "is not a spreadsheet" in refused.json()["error"]["message"]
    assert deployment.store.latest() == [] and not files_in(deployment.settings.files)
    # A workbook whatever its name says: checked as what it is.
    renamed = deployment.client.post(
        "/api/check", headers=headers,
        files={"file": ("KEN_2026-10.pdf", (SAMPLES / "KEN_2026-10.xlsx").read_bytes())})  # fmt: skip
    assert renamed.status_code == 201
    assert renamed.json()["results"][0]["status"] == "compliant"
    assert renamed.json()["results"][0]["path"] == "KEN_2026-10.xlsx"
    # Named as a roster but not one: the command line's E101.
    fake = deployment.client.post("/api/check", files={"file": ("KEN_2026-10.xlsx", PNG)},
                                  headers=headers)  # fmt: skip
    assert fake.status_code == 201
    assert [f["code"] for f in fake.json()["results"][0]["findings"]] == ["E101"]


@pytest.mark.parametrize("fixture, status", [("entity_bomb.xlsx", "unreadable"),
                                             ("truncated.xlsx", "unreadable"),
                                             ("encrypted.xlsx", "unreadable"),
                                             ("not_a_spreadsheet.xlsx", "unreadable")])  # fmt: skip
def test_broken_and_hostile_workbooks_are_the_command_lines_findings(
    deployment: Deployment, fixture: str, status: str
) -> None:  # fmt: skip
    from tests.server.test_api import cli_json

    answer = upload(deployment.client, FIXTURES / fixture, deployment.api("kenya"), mission="KEN")
    assert answer.status_code == 201, answer.text
    expected = cli_json(FIXTURES / fixture, "--mission", "KEN")
    expected["results"][0]["path"] = fixture
    assert answer.json() == expected
    assert answer.json()["results"][0]["status"] == status
    page = deployment.login("kenya").get(f"/results/{answer.headers['X-Submission-Id']}")
    assert page.status_code == 200
    assert expected["results"][0]["findings"][0]["code"] in page.text


def test_script_in_cells_and_names_is_shown_as_text(deployment: Deployment, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "<b>Roster<b>"
    sheet.append(["Date", "Platform", "Location", "Name", "Organization", "Title"])
    sheet.append(["2026-10-05", "HCT", "<script>alert('loc')</script>", "<img src=x onerror=alert(1)>",
                  "IOM", "<script>alert('title')</script>"])  # fmt: skip
    sheet.append(
        ["2026-10-06", "<script>alert('platform')</script>", "x", "A", "IOM", "Chief of Mission"]
    )
    content = io.BytesIO()
    book.save(content)
    browser = deployment.login("kenya")
    csrf = csrf_of(browser.get("/upload").text)
    answer = browser.post("/upload", data={"csrf": csrf, "mission": "KEN", "period": "2026-10"},
                          files={"file": ("<script>alert(1)</script>.xlsx", content.getvalue())},
                          follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303, answer.text
    page = browser.get(answer.headers["location"]).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>Roster" not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<strong>script_.xlsx</strong>" in page  # the file name, made safe
    assert page.count("<script>") == 0  # the result page carries no script at all


@pytest.mark.parametrize("name", ["../../../../tmp/evil.xlsx", "..\\..\\evil.xlsx",
                                  "/etc/passwd", "C:\\Windows\\evil.xlsx", "....//evil.xlsx",
                                  "\x00evil\n.xlsx", ".."])  # fmt: skip
def test_a_path_in_the_file_name_writes_nothing_outside_the_store(
    deployment: Deployment, tmp_path: Path, name: str
) -> None:  # fmt: skip
    before = {p for p in tmp_path.parent.rglob("*") if "files" not in p.parts}
    answer = deployment.client.post(
        "/api/check", headers=deployment.api("kenya"), data={"mission": "KEN"},
        files={"file": (name, (SAMPLES / "KEN_2026-10.xlsx").read_bytes())})  # fmt: skip
    assert answer.status_code == 201, answer.text
    shown = answer.json()["results"][0]["path"]
    assert "/" not in shown and "\\" not in shown and ".." not in shown.replace("...", "")
    assert "\x00" not in shown and "\n" not in shown
    stored = files_in(deployment.settings.files)
    assert len(stored) == 1 and all(p.parent.parent == deployment.settings.files for p in stored)
    assert next(iter(stored)).parent.name != ".scratch"
    after = {p for p in tmp_path.parent.rglob("*") if "files" not in p.parts}
    assert after - before <= {tmp_path / "store.db-wal", tmp_path / "store.db-shm"}
    assert not Path("/tmp/evil.xlsx").exists()
    assert list((deployment.settings.files / ".scratch").iterdir()) == []  # removed


def test_a_file_that_kills_its_worker_is_e101_and_the_others_go_on(checkers: Checkers) -> None:
    good = CheckRequest(str(SAMPLES / "KEN_2026-10.xlsx"), "KEN_2026-10.xlsx")
    bad = CheckRequest(str(SAMPLES / "KEN_2026-10.xlsx"), "crash.xlsx", mission="KEN")
    with concurrent.futures.ThreadPoolExecutor(4) as threads:
        crashing = threads.submit(checkers.run, crash_in_worker, bad)
        others = [threads.submit(checkers.run, check_in_worker, good) for _ in range(3)]
        with pytest.raises(CheckFailed) as failure:
            crashing.result()
        assert failure.value.crashed
        assert all(f.result()["results"][0]["status"] == "compliant" for f in others)
    document = failure_document(bad, failure.value)
    result = document["results"][0]
    assert [f["code"] for f in result["findings"]] == ["E101"]
    assert "stopped abruptly" in result["findings"][0]["message"]
    assert result["path"] == "crash.xlsx" and result["status"] == "unreadable"
    # The pool was replaced: checks go on.
    assert checkers.run(check_in_worker, good)["results"][0]["status"] == "compliant"


def test_a_check_that_takes_too_long_is_abandoned(tmp_path: Path) -> None:
    pool = Checkers(1)
    try:
        with pytest.raises(CheckFailed, match="longer than"):
            pool.run(time.sleep, 30, timeout=0.5)
        assert pool.run(abs, -3) == 3  # a fresh worker took over
    finally:
        pool.close()


def test_twenty_concurrent_mixed_uploads_leave_the_server_up(live_server: LiveServer) -> None:
    headers = live_server.deployment.api("kenya")
    good = (SAMPLES / "KEN_2026-10.xlsx").read_bytes()
    uploads = [
        ("KEN_2026-10.xlsx", good, 201), ("KEN_2026-11.xlsx", (SAMPLES / "KEN_2026-11.xlsx").read_bytes(), 201),
        ("bomb.xlsx", (FIXTURES / "entity_bomb.xlsx").read_bytes(), 201),
        ("truncated.xlsx", (FIXTURES / "truncated.xlsx").read_bytes(), 201),
        ("image.png", PNG, 415), ("../../x.xlsx", good, 201), ("big.csv", b"a," * 600_000, 413),
    ]  # fmt: skip

    def send(index: int) -> int:
        name, content, _ = uploads[index % len(uploads)]
        answer = httpx2.post(live_server.url + "/api/check", files={"file": (name, content)},
                             data={"mission": "KEN"}, headers=headers, timeout=120)  # fmt: skip
        return answer.status_code

    with concurrent.futures.ThreadPoolExecutor(20) as threads:
        statuses = list(threads.map(send, range(20)))
    assert statuses == [uploads[i % len(uploads)][2] for i in range(20)]
    assert httpx2.get(live_server.url + "/openapi.json").status_code == 200
    stored = live_server.deployment.store.latest(["KEN"])
    assert {s.period for s in stored} >= {"2026-10", "2026-11"}
