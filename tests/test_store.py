"""Store: migrations match the models, SQLite settings, UTC timestamps, blob storage, one transaction per write."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.exc import DBAPIError

from review.store import audit
from review.store.blobs import BlobError, BlobStore
from review.store.db import database_url, make_engine, open_database
from review.store.migrate import alembic_config, current_revision, upgrade_head
from review.store.models import AuditEntry, Base, StoredDocument, Submission, User, Version
from review.workflow import WorkflowError
from review.workflow import records as records_module
from tests.wf_support import (
    HIGH_C,
    SCRIPT_V1,
    add_people,
    cheap_hasher,
    make_service,
    table_counts,
    upload,
)


@pytest.fixture
def svc(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    return make_service(tmp_path)


def test_default_url_is_sqlite_under_review_home(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REVIEW_DB_URL", raising=False)
    assert database_url() == f"sqlite:///{tmp_path / 'home' / 'review.sqlite3'}"
    monkeypatch.setenv("REVIEW_DB_URL", "postgresql+psycopg://u@127.0.0.1:1/x")
    assert database_url() == "postgresql+psycopg://u@127.0.0.1:1/x"


def test_migrations_build_exactly_the_models(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    upgrade_head(engine)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current_revision(engine) == head
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], f"models and migrations disagree — add a migration: {diff}"
    names = set(inspect(engine).get_table_names())
    assert {t.name for t in Base.metadata.sorted_tables} <= names
    upgrade_head(engine)  # idempotent
    assert current_revision(engine) == head


def test_sqlite_runs_in_wal_with_busy_timeout_and_foreign_keys(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(DBAPIError), db.write() as s:  # a version of a submission that does not exist
        s.execute(text("INSERT INTO version_documents (version_id, position, name, sha256, kind, fmt, chars, text,"
                       " segments, needs_ocr, notes) VALUES (999, 0, 'x', 'y', 'script', 'txt', 0, '', '[]', 0,"
                       " '[]')"))


def test_timestamps_are_utc_aware_and_naive_ones_are_refused(svc):
    add_people(svc)
    with svc.db.read() as s:
        created = s.scalar(select(User.created_at).where(User.name == "legal"))
        at = s.scalars(select(AuditEntry.at)).first()
    assert created.tzinfo is not None and created.utcoffset() == dt.timedelta(0)
    assert at.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - at) < dt.timedelta(minutes=5)
    with pytest.raises(Exception, match="naive"), svc.db.write() as s:
        s.add(User(name="x", role="planner", password_hash="h", created_at=dt.datetime(2026, 1, 1)))
        s.flush()


def test_blob_store_is_content_addressed_idempotent_and_detects_damage(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    data = "直播脚本".encode()
    sha = store.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path(sha) == tmp_path / "blobs" / sha[:2] / sha
    assert store.put(data) == sha and list(store.all_hashes()) == [sha]
    assert store.get(sha) == data
    store.path(sha).write_bytes(b"changed")
    with pytest.raises(BlobError, match="哈希不符"):
        store.get(sha)
    with pytest.raises(BlobError, match="缺失"):
        store.get("0" * 64)
    with pytest.raises(BlobError):
        store.path("../../etc/passwd")


def test_blob_garbage_collection_spares_referenced_and_recent_blobs(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    keep, orphan, fresh = store.put(b"keep"), store.put(b"orphan"), store.put(b"fresh")
    old = time.time() - 7200
    for sha in (keep, orphan):
        os.utime(store.path(sha), (old, old))
    assert store.collect_garbage({keep}) == [orphan]
    assert store.exists(keep) and store.exists(fresh) and not store.exists(orphan)


def test_submit_stores_documents_report_and_findings(svc):
    people = add_people(svc)
    data = SCRIPT_V1.encode()
    result = svc.submit(people.planner, [("脚本.txt", data)], "面霜专场", room="旗舰店", hosts=["小雨", " "])
    view = svc.get_submission(people.legal, result.id).current
    doc = view.documents[0]
    assert doc.sha256 == hashlib.sha256(data).hexdigest() and svc.blobs.get(doc.sha256) == data
    assert doc.text.startswith("直播日期") and doc.segments[0][2] == "第1行"
    assert view.report["verdict"] == result.verdict == "fail"
    assert view.hosts == ["小雨"] and view.room == "旗舰店"
    assert view.broadcast_date == dt.date(2026, 12, 5)
    for f in view.findings:
        assert f.text == doc.text[f.start:f.end] and f.key.startswith("F") and len(f.key) == 11
    assert {"全网最好", "顶级"} <= {f.text for f in view.findings if f.severity == "high"}
    assert svc.document_bytes(people.legal, view.id, "脚本.txt") == data
    with svc.db.read() as s:
        assert s.scalar(select(StoredDocument.size).where(StoredDocument.sha256 == doc.sha256)) == len(data)


def test_same_content_twice_is_stored_once(svc):
    people = add_people(svc)
    a = svc.submit(people.planner, upload(SCRIPT_V1, "a.txt"), "一")
    b = svc.submit(people.planner2, upload(SCRIPT_V1, "b.txt"), "二")
    assert a.id != b.id
    assert table_counts(svc)["stored_documents"] == 1 and len(list(svc.blobs.all_hashes())) == 1


@pytest.mark.parametrize("fail_at", ["stored_document", "audit_check", "commit"])
def test_an_injected_failure_leaves_nothing_half_written(svc, monkeypatch, fail_at):
    people = add_people(svc)
    first = svc.submit(people.planner, upload(SCRIPT_V1), "第一版")
    before = table_counts(svc)
    chain = svc.audit_verify()

    def boom(*_a, **_k):
        raise RuntimeError("injected failure")

    if fail_at == "stored_document":
        monkeypatch.setattr(records_module, "ensure_stored_document", boom)
    elif fail_at == "audit_check":
        real = audit.append
        monkeypatch.setattr(audit, "append",
                            lambda s, actor, action, *a, **k: boom() if action == "check" else real(s, actor, action,
                                                                                                   *a, **k))
    else:
        monkeypatch.setattr("sqlalchemy.orm.Session.commit", boom)
    with pytest.raises(RuntimeError, match="injected"):  # a new version: would also mark v1 superseded
        svc.submit(people.planner, upload(SCRIPT_V1 + HIGH_C + "\n"), "第二版", supersedes=first.id)
    monkeypatch.undo()
    assert table_counts(svc) == before
    after = svc.audit_verify()
    assert after.ok and after.entries == chain.entries
    kept = svc.get_submission(people.legal, first.id).current.documents[0].sha256
    orphans = set(svc.blobs.all_hashes()) - {kept}
    assert len(orphans) == 1  # the new file was written before the transaction that failed: unreferenced
    assert set(svc.collect_blob_garbage(None, min_age_s=0)) == orphans
    assert list(svc.blobs.all_hashes()) == [kept]
    with svc.db.read() as s:
        sub = s.get(Submission, first.id)
        assert (sub.current_version, sub.title, sub.status) == (1, "第一版", "submitted")
        assert s.scalar(select(Version.outcome).where(Version.submission_id == first.id)) is None


def test_an_unreadable_file_refuses_the_whole_upload(svc):
    people = add_people(svc)
    before = table_counts(svc)
    files = [*upload(SCRIPT_V1), ("手卡.docx", b"PK\x03\x04 this is not a real docx")]
    with pytest.raises(WorkflowError) as err:
        svc.submit(people.planner, files, "坏文件")
    assert err.value.code == "unreadable" and "手卡.docx" in err.value.message and "未保存任何内容" in err.value.message
    assert table_counts(svc) == before
    assert list(svc.blobs.all_hashes()) == []  # the check runs before any blob is written


def test_audit_log_rejects_update_and_delete(svc):
    add_people(svc)
    with pytest.raises(DBAPIError, match="append-only"), svc.db.write() as s:
        s.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"))
    with pytest.raises(DBAPIError, match="append-only"), svc.db.write() as s:
        s.execute(text("DELETE FROM audit_log WHERE seq = 1"))
    assert svc.audit_verify().ok


def test_open_database_migrates_a_fresh_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    open_database(url)
    tables = set(inspect(create_engine(url)).get_table_names())
    assert {"users", "submissions", "versions", "audit_log", "audit_head", "alembic_version"} <= tables
