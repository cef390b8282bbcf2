"""The whole workflow against a real PostgreSQL server (Debian's binaries; skipped when not installed)."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from review.store import audit
from review.store.models import AuditEntry, Base
from review.workflow import WorkflowError
from review.workflow import records as records_module
from tests.pgcluster import fresh_database, postgres_cluster
from tests.wf_support import (
    HIGH_C,
    PASSWORD,
    SCRIPT_CLEAN,
    SCRIPT_V1,
    add_people,
    cheap_hasher,
    make_service,
    table_counts,
    upload,
)

PW = PASSWORD  # the test users' password, also what signing asks for again


@pytest.fixture(scope="module")
def pg_server():
    with postgres_cluster() as url:
        yield url


@pytest.fixture
def svc(pg_server, tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    service = make_service(tmp_path, url=fresh_database(pg_server))
    assert service.db.dialect == "postgresql"
    yield service
    service.db.engine.dispose()


def test_migrations_match_the_models_and_install_the_append_only_trigger(svc):
    with svc.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        triggers = conn.execute(text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
                                     "AND NOT tgisinternal")).scalars().all()
    assert diff == []
    assert triggers == ["audit_log_append_only"]


def test_main_workflow_on_postgres(svc):
    people = add_people(svc)
    assert svc.login("legal", "correct horse battery").department == "法务"
    sub = svc.submit(people.planner, upload(SCRIPT_V1), "面霜专场", room="旗舰店", hosts=["小雨"],
                     broadcast_date=dt.date(2026, 12, 5))
    assert (sub.version, sub.status, sub.verdict) == (1, "submitted", "fail")
    view = svc.get_submission(people.legal, sub.id).current
    assert view.broadcast_date == dt.date(2026, 12, 5) and view.created_at.tzinfo is not None
    high = [f for f in view.findings if f.severity == "high"]
    svc.set_disposition(people.legal, high[0].id, "must_fix")
    start = view.documents[0].text.index("顶级")
    c = svc.add_comment(people.legal, view.id, "请修改", document="脚本.txt", start=start, end=start + 2)
    assert c.quote == "顶级"
    with pytest.raises(WorkflowError) as err:
        svc.decide(people.legal, sub.id, approve=True, password=PW, comment="同意")
    assert err.value.code == "open_high_findings"
    with pytest.raises(WorkflowError) as err:
        svc.decide(people.planner, sub.id, approve=True, password=PW, comment="自己通过")
    assert err.value.code == "forbidden"
    assert svc.decide(people.legal, sub.id, approve=False, password=PW, comment="请删除极限词").status == "rejected"

    v2 = svc.submit(people.planner, upload(SCRIPT_V1 + HIGH_C + "\n"), "面霜专场（二）", supersedes=sub.id)
    assert (v2.id, v2.version, v2.status) == (sub.id, 2, "submitted")
    diff = svc.version_diff(people.legal, sub.id)
    assert {f.text for f in diff.new if f.category == "absolute_claim"} == {"国家级"}
    assert not diff.fixed and diff.documents[0].status == "changed"
    keys = [f.key for f in svc.get_submission(people.legal, sub.id).current.findings if f.severity == "high"]
    assert svc.decide(people.market, sub.id, approve=True, password=PW, comment="会签",
                      waivers={k: "已核实" for k in keys}).status == "in_review"
    assert svc.decide(people.legal, sub.id, approve=True, password=PW, comment="同意").status == "approved"

    clean = svc.submit(people.planner2, upload(SCRIPT_CLEAN), "茶叶")
    assert svc.decide(people.service, clean.id, approve=False, password=PW, comment="易误解").status == "rejected"
    d = svc.dashboard(people.auditor)
    assert len(d.versions) == 3 and d.rejection_rate == pytest.approx(2 / 3)
    assert not d.most_waived.empty and not d.top_rules.empty
    assert [s.id for s in svc.list_submissions(people.planner)] == [sub.id]
    check = svc.audit_verify()
    assert check.ok and check.entries > 20


def test_a_failed_write_rolls_back_on_postgres(svc, monkeypatch):
    people = add_people(svc)
    svc.submit(people.planner, upload(SCRIPT_V1), "第一个")
    before = table_counts(svc)

    def boom(*_a, **_k):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(records_module, "ensure_stored_document", boom)
    with pytest.raises(RuntimeError):
        svc.submit(people.planner, upload(SCRIPT_CLEAN), "第二个")
    monkeypatch.undo()
    assert table_counts(svc) == before and svc.audit_verify().ok


def test_audit_tampering_is_refused_then_detected_on_postgres(svc):
    add_people(svc)
    with pytest.raises(DBAPIError, match="append-only"), svc.db.write() as s:
        s.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
    with svc.db.write() as s:
        s.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        s.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
        s.execute(text("DELETE FROM audit_log WHERE seq = 4"))
    problems = {(p.kind, p.seq) for p in svc.audit_verify().problems}
    assert ("changed", 2) in problems and ("missing", 4) in problems
    with svc.db.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert rows[0].at.tzinfo is not None
        assert audit.entry_hash(rows[0].seq, rows[0].at, rows[0].actor, rows[0].action, rows[0].target,
                                rows[0].details, rows[0].prev_hash) == rows[0].hash  # microseconds survive
