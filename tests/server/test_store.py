"""The store on SQLite and on PostgreSQL: migrations from an empty database, accounts,
versions of a month, the newest counting, originals kept by content hash."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy

from checker.server import migrations
from checker.server.access import Grant
from checker.server.store import Store, StoreError, report_submissions


def document(
    mission: str, period: str, status: str = "compliant", rate: float = 1.0
) -> dict[str, Any]:
    return {
        "schema_version": 1, "tool": {"name": "roster-check", "version": "0.1.0"}, "lang": "en",
        "results": [{"path": f"{mission}_{period}.xlsx", "mission": mission, "period": period,
                     "status": status, "rows": {"read": 1, "used": 1, "skipped": 0, "rejected": 0},
                     "meetings": [], "findings": [],
                     "summary": {"meetings": 2, "compliant": 2, "absent": 0, "wrong_level": 0,
                                 "undetermined": 0, "not_applicable": 0, "compliance_rate": rate,
                                 "errors": 0, "warnings": 1, "infos": 0}}],
        "summary": {},
    }  # fmt: skip


def test_migrations_build_the_schema_from_an_empty_database(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url, tmp_path / "files")
    try:
        assert migrations.current(store.engine) is None
        assert store.upgrade() == migrations.head()
        tables = set(sqlalchemy.inspect(store.engine).get_table_names())
        assert {"users", "grants", "submissions", "settings", "alembic_version"} <= tables
        assert store.upgrade() == migrations.head()  # again: nothing to do, no error
        # Downgrading to nothing and back works too (the migration's downgrade is real).
        from alembic import command

        command.downgrade(migrations.config(store.engine), "base")  # type: ignore[arg-type]
        assert set(sqlalchemy.inspect(store.engine).get_table_names()) <= {"alembic_version"}
        store.upgrade()
    finally:
        store.close()


def test_accounts_and_versions_newest_counts(db_url: str, tmp_path: Path) -> None:
    store = Store(db_url, tmp_path / "files")
    store.upgrade()
    try:
        kenya = store.add_user("kenya", "hash", [Grant("field", "KEN")])
        with pytest.raises(StoreError, match="exists already"):
            store.add_user("kenya", "hash", [])
        store.set_token_hash("kenya", "t" * 64)
        assert store.user_by_token_hash("t" * 64) == kenya
        assert store.user_by_token_hash("u" * 64) is None

        first = store.add_submission(document("KEN", "2026-10", "non_compliant", 0.5),
                                     mission="KEN", uploader_id=kenya.id, file_name="a.xlsx",
                                     file_hash="a" * 64, file_size=10, lang="en")  # fmt: skip
        second = store.add_submission(document("KEN", "2026-10"), mission="KEN",
                                      uploader_id=kenya.id, file_name="b.xlsx",
                                      file_hash="b" * 64, file_size=10, lang="fr",
                                      given_period="2026-10")  # fmt: skip
        store.add_submission(document("KEN", "2026-11"), mission="KEN", uploader_id=None,
                             file_name="c.xlsx", file_hash="c" * 64, file_size=10, lang="en")  # fmt: skip
        store.add_submission(document("ETH", "2026-10"), mission="ETH", uploader_id=None,
                             file_name="d.xlsx", file_hash="d" * 64, file_size=10, lang="en")  # fmt: skip

        assert (first.version, second.version) == (1, 2)
        assert [s.version for s in store.versions("KEN", "2026-10")] == [2, 1]
        history = store.history("KEN")
        assert [(s.period, s.version, s.status) for s in history] == [
            ("2026-11", 1, "compliant"), ("2026-10", 2, "compliant")]  # fmt: skip
        assert history[1].uploader == "kenya" and history[1].given_period == "2026-10"
        assert history[1].uploaded_at.tzinfo is not None
        assert store.missions() == ["ETH", "KEN"]
        assert [s.mission for s in store.latest()] == ["ETH", "KEN", "KEN"]
        assert [s.period for s in store.latest(["KEN"], ("2026-11", "2026-12"))] == ["2026-11"]
        stored = store.submission(first.id)
        assert stored is not None and stored.report == document(
            "KEN", "2026-10", "non_compliant", 0.5
        )
        assert stored.compliance_rate == 0.5 and stored.warnings == 1

        inputs = report_submissions(store, ["KEN"])
        assert sorted(i.result["period"] for i in inputs) == ["2026-10", "2026-11"]
        assert all(i.modified > 0 for i in inputs)
        assert store.secret() == store.secret()  # made once, then kept
    finally:
        store.close()


def test_originals_are_kept_once_by_hash_and_never_rewritten(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.db'}", tmp_path / "files")
    digest, path = store.keep_original(b"roster bytes", ".xlsx")
    assert path == tmp_path / "files" / digest[:2] / f"{digest}.xlsx"
    assert path.read_bytes() == b"roster bytes"
    assert not os.access(path, os.W_OK) or os.geteuid() == 0  # read-only (root writes anyway)
    mtime = path.stat().st_mtime_ns
    assert store.keep_original(b"roster bytes", ".xlsx") == (digest, path)
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary left
    store.close()


def test_a_bad_database_url_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    from checker.server.commands import open_store

    with pytest.raises(StoreError, match="cannot use the database"):
        open_store("nosuchdriver://x/y")
    with pytest.raises(StoreError, match="run `roster-check db upgrade`"):
        open_store(f"sqlite:///{tmp_path / 'empty.db'}")


def test_the_stored_json_is_the_document_as_given(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.db'}", tmp_path / "files")
    store.upgrade()
    given = document("KEN", "2026-10")
    given["results"][0]["findings"] = [{"message": "<script>alert(1)</script> é"}]
    saved = store.add_submission(given, mission="KEN", uploader_id=None, file_name="x.xlsx",
                                 file_hash="x" * 64, file_size=1, lang="en")  # fmt: skip
    assert json.dumps(store.submission(saved.id).report) == json.dumps(given)  # type: ignore[union-attr]
    store.close()


def test_uploads_of_one_month_at_once_get_distinct_versions(db_url: str, tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = Store(db_url, tmp_path / "files")
    store.upgrade()
    try:

        def add(index: int) -> int:
            return store.add_submission(document("KEN", "2026-10"), mission="KEN",
                                        uploader_id=None, file_name=f"{index}.xlsx",
                                        file_hash="a" * 64, file_size=1, lang="en").version  # fmt: skip

        with ThreadPoolExecutor(6) as threads:
            versions = sorted(threads.map(add, range(6)))
        assert versions == [1, 2, 3, 4, 5, 6]
    finally:
        store.close()
