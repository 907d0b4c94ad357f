"""The pages through a real session: login with CSRF, upload, result, history, language,
downloads and report; and the refusals that keep each mission's results to its people."""

from __future__ import annotations

import io
import json
import re
import shutil

import openpyxl
import pytest

from tests.server.conftest import PASSWORD, SAMPLES, Deployment, csrf_of, upload


def submit(browser, sample: str, **fields: str):  # type: ignore[no-untyped-def]
    csrf = csrf_of(browser.get("/upload").text)
    path = SAMPLES / sample
    return browser.post("/upload", data={"csrf": csrf, **fields},
                        files={"file": (path.name, path.read_bytes())}, follow_redirects=False)  # fmt: skip


def test_login_needs_the_right_password_and_a_csrf_token(deployment: Deployment) -> None:
    browser = deployment.client
    assert (
        browser.get("/upload", follow_redirects=False).headers["location"] == "/login?next=/upload"
    )
    csrf = csrf_of(browser.get("/login").text)
    wrong = browser.post("/login", data={"name": "kenya", "password": "nope", "csrf": csrf})
    assert wrong.status_code == 401 and "not right" in wrong.text
    unknown = browser.post("/login", data={"name": "nobody", "password": PASSWORD, "csrf": csrf})
    assert unknown.status_code == 401
    forged = browser.post("/login", data={"name": "kenya", "password": PASSWORD, "csrf": "x"})
    assert forged.status_code == 403 and "expired" in forged.text
    good = browser.post("/login", data={"name": "kenya", "password": PASSWORD, "csrf": csrf,
                                        "next": "//evil.example/"}, follow_redirects=False)  # fmt: skip
    assert good.status_code == 303 and good.headers["location"] == "/upload"
    page = browser.get("/upload")
    assert "Signed in as kenya" in page.text
    # Logging out needs the session's token too, then the pages ask to log in again.
    assert browser.post("/logout", data={"csrf": "x"}).status_code == 403
    browser.post("/logout", data={"csrf": csrf_of(page.text)})
    assert browser.get("/history", follow_redirects=False).status_code == 303


def test_upload_shows_every_verdict_finding_and_download(deployment: Deployment) -> None:
    browser = deployment.login("ethiopia")
    answer = submit(browser, "ETH_2026-10.xlsx")
    assert answer.status_code == 303
    page = browser.get(answer.headers["location"])
    assert page.status_code == 200
    expected = upload(deployment.client, SAMPLES / "ETH_2026-10.xlsx",
                      deployment.api("ethiopia")).json()["results"][0]  # fmt: skip
    shown = re.findall(r'data-verdict="(\w+)"', page.text)
    assert shown == [m["verdict"] for m in expected["meetings"]]
    for finding in expected["findings"]:
        assert finding["cell"] in page.text or finding["sheet"] in page.text
    assert "ETH 2026-10: result" in page.text and "non-compliant" in page.text
    submission = answer.headers["location"].rsplit("/", 1)[-1]

    book = browser.get(f"/results/{submission}/annotated")
    assert book.headers["content-type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(book.content))
    assert "Findings" in workbook.sheetnames
    data = browser.get(f"/results/{submission}.json")
    assert data.json()["results"][0]["meetings"] == expected["meetings"]
    template = browser.get("/template.xlsx?lang=es")
    assert template.headers["content-disposition"].startswith("attachment")
    assert "Instrucciones" in openpyxl.load_workbook(io.BytesIO(template.content)).sheetnames
    original = browser.get(f"/results/{submission}/original")
    assert original.content == (SAMPLES / "ETH_2026-10.xlsx").read_bytes()


def test_the_page_language_switches_and_is_remembered(deployment: Deployment) -> None:
    browser = deployment.login("kenya")
    location = submit(browser, "KEN_2026-11.xlsx").headers["location"]
    french = browser.get(location + "?lang=fr")
    assert "Réunions" in french.text and 'lang="fr"' in french.text
    assert "conforme" in french.text  # the verdicts, in French
    assert "Constats" in french.text
    assert "Réunions" in browser.get(location).text  # kept in the session
    spanish = browser.get(location + "?lang=es")
    assert "Reuniones" in spanish.text and "Hallazgos" in spanish.text
    data = browser.get(location + ".json").json()
    assert data["lang"] == "es"  # downloads in the user's language
    english = browser.get(location + ".json?lang=en").json()
    assert [m["verdict"] for m in data["results"][0]["meetings"]] == [
        m["verdict"] for m in english["results"][0]["meetings"]]  # fmt: skip
    assert english["lang"] == "en"


def test_history_lists_months_and_versions(deployment: Deployment) -> None:
    browser = deployment.login("kenya")
    first = submit(browser, "KEN_2026-10.xlsx").headers["location"]
    submit(browser, "KEN_2026-11.xlsx")
    newest = submit(browser, "KEN_2026-10.xlsx").headers["location"]
    page = browser.get("/history/KEN")
    assert re.findall(r'data-period="([\d-]+)"', page.text) == ["2026-11", "2026-10"]
    assert f'href="{newest}"' in page.text and f'href="{first}"' not in page.text
    old = browser.get(first)
    assert "A newer version of this month exists: version 2" in old.text
    overview = browser.get("/history")
    assert 'id="mission-KEN"' in overview.text and 'id="mission-ETH"' not in overview.text


@pytest.mark.parametrize("path", ["/results/{id}", "/results/{id}.json", "/results/{id}/annotated",
                                  "/results/{id}/original", "/history/KEN"])  # fmt: skip
def test_another_missions_people_are_refused_every_page_and_download(
    deployment: Deployment, path: str
) -> None:  # fmt: skip
    kenya = deployment.login("kenya")
    submission = submit(kenya, "KEN_2026-10.xlsx").headers["location"].rsplit("/", 1)[-1]
    target = path.format(id=submission)
    for account, status in [("ethiopia", 403), ("colombia", 403), ("nairobi", 200),
                            ("geneva", 200), ("kenya", 200)]:  # fmt: skip
        answer = deployment.login(account).get(target)
        assert answer.status_code == status, (account, target)
        if status == 403:
            assert "cannot see that page" in answer.text
            assert "Nairobi" not in answer.text and "KEN_2026-10" not in answer.text


def test_a_result_that_does_not_exist_is_404(deployment: Deployment) -> None:
    browser = deployment.login("geneva")
    assert browser.get("/results/999").status_code == 404
    assert browser.get("/history/K3N!").status_code == 404


def test_the_report_covers_only_the_missions_one_may_read(deployment: Deployment) -> None:
    for account, sample in [("kenya", "KEN_2026-10.xlsx"), ("colombia", "COL_2026-10.xlsx")]:
        assert submit(deployment.login(account), sample).status_code == 303
    regional = deployment.login("nairobi")
    form = regional.get("/report")
    assert 'value="KEN"' in form.text and 'value="COL"' not in form.text
    report = regional.get("/report?show=1&period=2026-10&missions=KEN&missions=COL")
    assert report.status_code == 200 and "<svg" in report.text
    assert "KEN" in report.text and "COL" not in report.text
    management = deployment.login("geneva").get("/report?show=1&period=2026-10")
    assert "COL" in management.text and "KEN" in management.text
    bad = regional.get("/report?show=1&period=October")
    assert bad.status_code == 400 and "is not a period" in bad.text


def test_upload_refusals_are_pages_with_a_message(deployment: Deployment) -> None:
    browser = deployment.login("kenya")
    csrf = csrf_of(browser.get("/upload").text)
    missing = browser.post("/upload", data={"csrf": csrf})
    assert missing.status_code == 400 and "No file was chosen" in missing.text
    forged = browser.post("/upload", data={"csrf": "forged"},
                          files={"file": ("KEN_2026-10.xlsx", b"x")})  # fmt: skip
    assert forged.status_code == 403
    other = submit(browser, "ETH_2026-10.xlsx")
    assert other.status_code == 403 and "mission ETH" in other.text
    assert deployment.store.latest() == []


def test_detect_reads_mission_period_and_profile_from_the_file(deployment: Deployment) -> None:
    browser = deployment.login("kenya")
    csrf = csrf_of(browser.get("/upload").text)
    path = SAMPLES / "SSD_2026-10.xlsx"
    found = browser.post("/detect", data={"csrf": csrf},
                         files={"file": ("roster.xlsx", path.read_bytes())}).json()  # fmt: skip
    assert (found["mission"], found["period"]) == ("SSD", "2026-10")  # its Metadata sheet
    assert found["mission_source"] != "file name"
    by_name = browser.post("/detect", data={"csrf": csrf},
                           files={"file": ("KEN_2026-11.csv", b"Date,Platform\n")}).json()  # fmt: skip
    assert (by_name["mission"], by_name["period"]) == ("KEN", "2026-11")
    assert by_name["profile"] == "KEN"
    assert json.dumps(by_name)  # plain JSON


def test_no_auth_is_one_local_user_who_may_do_everything(tmp_path, checkers) -> None:  # type: ignore[no-untyped-def]
    from tests.server.conftest import deploy

    found = deploy(f"sqlite:///{tmp_path / 's.db'}", tmp_path / "files", checkers, auth=False)
    with found.client as client:
        answer = upload(client, SAMPLES / "SSD_2026-10.xlsx")
        assert answer.status_code == 201
        assert client.get("/upload").status_code == 200
        assert client.get(f"/results/{answer.headers['X-Submission-Id']}").status_code == 200
    found.store.close()


def test_how_the_file_was_read_is_shown_when_the_result_says(deployment: Deployment) -> None:
    """Each result has a `reading` object (how the file was read); the page shows it, and
    shows any such object generically, escaped."""
    answer = upload(deployment.client, SAMPLES / "KEN_2026-10.xlsx", deployment.api("kenya"))
    plain = deployment.store.submission(int(answer.headers["X-Submission-Id"]))
    assert plain is not None
    browser = deployment.login("kenya")
    real = browser.get(f"/results/{plain.id}").text
    assert 'id="reading"' in real and "Attendance" in real[real.index('id="reading"') :]
    # In words and in the page's language, not as codes.
    french = deployment.login("kenya").get(f"/results/{plain.id}?lang=fr").text
    read = french[french.index('id="reading"') :]
    assert "liste de présence" in read and "attendance_list" not in read
    assert "l&#39;organisation de chaque ligne dit qui est de l&#39;OIM" in read
    assert "organization_column" not in read

    document = json.loads(json.dumps(plain.report))
    document["results"][0]["reading"] = {
        "sheets": [{"name": "Attendance", "status": "read", "reason": None},
                   {"name": "<Lists>", "status": "skipped", "reason": "hidden sheet"}],
        "tables": [{"sheet": "Attendance", "layout": "attendance_list", "header_row": 3,
                    "columns": {"date": {"column": "A", "header": "Meeting date"},
                                "organization": {"column": "C", "header": "Agency"}},
                    "ignored_columns": ["H", {"column": "J", "header": "<i>Notes</i>"}],
                    "affiliation": {"kind": "column"}}],
    }  # fmt: skip
    stored = deployment.store.add_submission(
        document, mission="KEN", uploader_id=None, file_name=plain.file_name,
        file_hash=plain.file_hash, file_size=plain.file_size, lang="en")  # fmt: skip
    page = browser.get(f"/results/{stored.id}").text
    reading = page[page.index('id="reading"') :]
    for text in ("How the file was read", "hidden sheet", "&lt;Lists&gt;", "attendance list",
                 "header row 3", "Meeting date", "Agency",
                 "Columns not used: H, J (&lt;i&gt;Notes&lt;/i&gt;)"):  # fmt: skip
        assert text in page, text
    assert re.search(r"organi[sz]ation</td><td class=\"cell\">C</td><td>Agency", reading)


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_the_downloads_open_in_libreoffice(deployment: Deployment, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_libreoffice import to_pdf

    browser = deployment.login("kenya")
    location = submit(browser, "KEN_2026-11.xlsx").headers["location"]
    annotated = tmp_path / "annotated.xlsx"
    annotated.write_bytes(browser.get(location + "/annotated?lang=fr").content)
    template = tmp_path / "template.xlsx"
    template.write_bytes(browser.get("/template.xlsx?lang=es").content)
    assert len(to_pdf([annotated, template], tmp_path)) == 2


def test_pages_forbid_scripts_from_anywhere_but_the_site(deployment: Deployment) -> None:
    browser = deployment.login("geneva")
    page = browser.get("/upload")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in page.text and '<script src="/static/upload.js" defer>' in page.text
    assert "function detect()" in browser.get("/static/upload.js").text
    submit(deployment.login("kenya"), "KEN_2026-10.xlsx")
    report = browser.get("/report?show=1")
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'",
                     report.headers["content-security-policy"])  # fmt: skip


def test_a_fault_of_the_server_is_a_sentence_not_a_traceback(
    deployment: Deployment, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    server = deployment.client.app.state.server  # type: ignore[attr-defined]

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(server.store, "add_submission", broken)
    client = TestClient(deployment.client.app, raise_server_exceptions=False)
    answer = upload(client, SAMPLES / "KEN_2026-10.xlsx", deployment.api("kenya"))
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "error_internal"
    assert "Traceback" not in answer.text and "disk is full" not in answer.text
