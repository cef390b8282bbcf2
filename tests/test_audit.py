"""Audit trail: every action is chained; a changed, deleted, inserted or reordered entry is detected."""

from __future__ import annotations

import csv
import datetime as dt
import itertools

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from review.store import audit
from review.store.models import AuditEntry
from review.workflow import UserInfo, WorkflowError
from tests.wf_support import PASSWORD, SCRIPT_V1, add_people, cheap_hasher, make_service, upload


@pytest.fixture
def svc(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    svc = make_service(tmp_path)
    people = add_people(svc)
    sub = svc.submit(people.planner, upload(SCRIPT_V1), "面霜")
    finding = svc.get_submission(people.legal, sub.id).current.findings[0]
    svc.set_disposition(people.legal, finding.id, "must_fix")
    svc.decide(people.legal, sub.id, approve=False, password=PASSWORD, comment="请修改")
    return svc


def tamper(svc, *statements: str) -> None:
    """What someone with write access to the database file could do (the append-only triggers dropped)."""
    with svc.db.write() as s:
        s.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        s.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        for sql in statements:
            s.execute(text(sql))


def kinds(svc) -> set[str]:
    check = svc.audit_verify()
    assert not check.ok
    return {p.kind for p in check.problems}


def test_every_action_is_chained(svc):
    check = svc.audit_verify()
    assert check.ok and check.entries == check.head_seq
    with svc.db.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        actions = [r.action for r in rows]
        assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
        assert rows[0].prev_hash == audit.GENESIS
        assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
        assert all(r.at.tzinfo is not None for r in rows)
    assert actions.count("user_add") == 8
    assert {"submit", "check", "start_review", "disposition", "decision"} <= set(actions)


@pytest.mark.parametrize("column,value", [("details", "'{\"kind\":\"waive\"}'"), ("actor", "'mallory'"),
                                          ("action", "'comment'"), ("at", "'2020-01-01 00:00:00.000000'"),
                                          ("target", "'submission:99'")])
def test_a_changed_entry_is_detected(svc, column, value):
    tamper(svc, f"UPDATE audit_log SET {column} = {value} WHERE seq = 5")
    check = svc.audit_verify()
    assert [(p.seq, p.kind) for p in check.problems] == [(5, "changed")]
    assert "第 5 条" in check.problems[0].message


def test_a_changed_entry_with_a_recomputed_hash_still_breaks_the_next_link(svc):
    with svc.db.read() as s:
        e = s.scalar(select(AuditEntry).where(AuditEntry.seq == 5))
        forged = audit.entry_hash(e.seq, e.at, "mallory", e.action, e.target, e.details, e.prev_hash)
    tamper(svc, f"UPDATE audit_log SET actor = 'mallory', hash = '{forged}' WHERE seq = 5")
    assert [(p.seq, p.kind) for p in svc.audit_verify().problems] == [(6, "link")]


def test_a_deleted_entry_is_detected(svc):
    tamper(svc, "DELETE FROM audit_log WHERE seq = 4")
    problems = svc.audit_verify().problems
    assert ("missing", 4) in {(p.kind, p.seq) for p in problems} and "link" in {p.kind for p in problems}
    assert any("缺失" in p.message for p in problems)


def test_deleting_the_last_entries_is_detected_by_the_head(svc):
    with svc.db.read() as s:
        last = s.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    tamper(svc, f"DELETE FROM audit_log WHERE seq >= {last - 1}")
    assert kinds(svc) == {"head"}


def test_reordered_entries_are_detected(svc):
    # swap the row positions of entries 3 and 4 (the chain is read in row-id order)
    tamper(svc, "UPDATE audit_log SET id = -3 WHERE seq = 3", "UPDATE audit_log SET id = 3 WHERE seq = 4",
           "UPDATE audit_log SET id = 4 WHERE seq = 3")
    with svc.db.read() as s:
        assert s.scalars(select(AuditEntry.seq).order_by(AuditEntry.id).limit(5)).all() == [1, 2, 4, 3, 5]
    assert "reordered" in kinds(svc)


def test_an_inserted_entry_is_detected(svc):
    # renumber the tail to make room, then slip a forged entry in as number 3
    tamper(svc, "UPDATE audit_log SET seq = seq + 1000, id = id + 1000 WHERE seq >= 3",
           "UPDATE audit_log SET seq = seq - 999, id = id - 999 WHERE seq >= 1003",
           "INSERT INTO audit_log (id, seq, at, actor, action, target, details, prev_hash, hash) VALUES "
           "(3, 3, '2026-01-01 00:00:00.000000', 'mallory', 'login', 'user:mallory', '{}', 'x', 'y')")
    problems = svc.audit_verify().problems
    assert ("changed", 3) in {(p.kind, p.seq) for p in problems} and ("link", 3) in {(p.kind, p.seq) for p in problems}
    assert "head" in {p.kind for p in problems}


def test_appends_continue_the_chain_after_verification(svc):
    before = svc.audit_verify()
    svc.login("legal", "correct horse battery")
    after = svc.audit_verify()
    assert after.ok and after.entries == before.entries + 1


def _rows_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_csv_and_xlsx_filtered_by_user_and_date(svc, tmp_path):
    n = svc.audit_export(None, str(tmp_path / "all.csv"))
    rows = _rows_csv(tmp_path / "all.csv")
    assert len(rows) == n and rows[0]["操作"] == "user_add" and rows[0]["操作说明"] == "新增用户"
    assert rows[0]["前一条哈希"] == audit.GENESIS
    legal = svc.audit_export(None, str(tmp_path / "legal.xlsx"), user="legal")
    ws = load_workbook(tmp_path / "legal.xlsx").active
    values = list(ws.values)
    assert values[0][:4] == ("序号", "时间（UTC）", "本地时间", "操作人")
    assert len(values) == legal + 1 and {v[3] for v in values[1:]} == {"legal"}
    assert {v[4] for v in values[1:]} >= {"disposition", "decision"}
    today = dt.datetime.now(dt.UTC).date()
    assert svc.audit_export(None, str(tmp_path / "old.csv"), end=today - dt.timedelta(days=3)) == 0
    assert svc.audit_export(None, str(tmp_path / "now.csv"), start=today - dt.timedelta(days=1)) >= n
    assert svc.audit_verify().ok  # the exports themselves were appended to the chain
    with svc.db.read() as s:
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)) == "audit_export"
    with pytest.raises(WorkflowError, match=r"\.xlsx 或 \.csv"):
        svc.audit_export(None, str(tmp_path / "x.pdf"))


def test_export_neutralizes_spreadsheet_formulas(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    svc = make_service(tmp_path)
    with pytest.raises(WorkflowError):
        svc.login("=HYPERLINK(\"http://x\")", "whatever")
    svc.audit_export(None, str(tmp_path / "a.csv"))
    [row] = _rows_csv(tmp_path / "a.csv")
    assert row["操作人"].startswith("'=")


def test_only_auditors_and_admins_read_the_trail(svc, tmp_path):
    planner = svc.act_as("planner")
    with pytest.raises(WorkflowError):
        svc.audit_verify(planner)
    with pytest.raises(WorkflowError):
        svc.audit_entries(svc.act_as("legal"))
    assert svc.audit_verify(svc.act_as("auditor")).ok
    assert svc.audit_entries(svc.act_as("admin"), user="planner")


def test_events_recorded_from_outside_the_service_join_the_chain(svc):
    svc.record_event(svc.act_as("auditor"), "export", "submission:1", {"format": "pdf"})
    svc.record_event(None, "export", "submission:1", {"format": "json"})
    with svc.db.read() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(2)).all()
    assert rows == [("system", "export"), ("auditor", "export")]
    assert svc.audit_verify().ok
    ghost = UserInfo(id=999, name="ghost", display_name="", role="admin", department=None)
    with pytest.raises(WorkflowError):  # an actor the database does not know is refused
        svc.record_event(ghost, "export", "submission:1")
