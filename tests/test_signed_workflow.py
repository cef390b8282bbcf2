"""Issue #6 end to end: keys at user creation, signed decisions (password asked again), export in every
format, verification against the key registry, key rotation, and the CLI `export` / `verify`."""

from __future__ import annotations

import io
import json
import sys

import pytest
from sqlalchemy import select

from review.cli import main
from review.report.verify import verify_path
from review.store.models import Decision, UserKey
from review.workflow import WorkflowError, reset_service
from tests.wf_support import PASSWORD, SCRIPT_CLEAN, SCRIPT_V1, add_people, cheap_hasher, make_service, upload


@pytest.fixture
def svc(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "home"))
    return make_service(tmp_path)


@pytest.fixture
def people(svc):
    return add_people(svc)


def _approved(svc, people):
    """A dirty script: legal waives the high findings, market co-signs, legal approves."""
    sub = svc.submit(people.planner, upload(SCRIPT_V1), "面霜专场", room="美妆1号间", hosts=["小美"])
    for f in svc.get_submission(people.legal, sub.id).current.findings:
        if f.severity == "high":
            svc.set_disposition(people.legal, f.id, "waive", "已取得第三方评测授权")
    svc.decide(people.market, sub.id, approve=True, password=PASSWORD, comment="市场部会签")
    svc.decide(people.legal, sub.id, approve=True, password=PASSWORD, comment="同意开播")
    return sub


def test_every_user_gets_a_registered_key(svc, people):
    with svc.db.read() as s:
        keys = [(k.fingerprint, k.retired_at, k.encrypted_private_key) for k in s.scalars(select(UserKey))]
    assert len(keys) == 8 and all(retired is None for _, retired, _ in keys)
    assert all(PASSWORD not in sealed for _, _, sealed in keys)
    assert set(svc.key_registry()) == {fp for fp, _, _ in keys}


def test_decisions_are_signed_over_the_record(svc, people):
    sub = _approved(svc, people)
    with svc.db.read() as s:
        rows = [(r.department, bool(r.signature and r.signed_record))
                for r in s.scalars(select(Decision).order_by(Decision.id))]
    assert rows == [("市场", True), ("法务", True)]
    view = svc.get_submission(people.auditor, sub.id)
    assert view.summary.status == "approved" and all(d.signed for d in view.current.decisions)


def test_wrong_password_refuses_and_writes_no_decision(svc, people):
    sub = svc.submit(people.planner, upload(SCRIPT_CLEAN), "清爽脚本")
    with pytest.raises(WorkflowError) as err:
        svc.decide(people.legal, sub.id, approve=True, password="not the password", comment="同意")
    assert "密码" in err.value.message
    assert svc.get_submission(people.legal, sub.id).current.decisions == []
    actions = [e["action"] for e in svc.audit_entries()][-2:]
    assert actions == ["login_failed", "decide_refused"]


@pytest.mark.parametrize("fmt", ["json", "pdf", "docx"])
def test_export_and_verify_each_format(svc, people, tmp_path, fmt):
    sub = _approved(svc, people)
    data = svc.export_report(people.auditor, sub.id, fmt)
    path = tmp_path / f"r.{fmt}"
    path.write_bytes(data)
    result = verify_path(path, registry=svc.key_registry())
    assert result.ok, result.problems
    assert result.status == "审核通过" and sum("签名" in c for c in result.checked) >= 2
    assert svc.audit_entries()[-1]["action"] == "export"


def test_report_content(svc, people):
    sub = _approved(svc, people)
    report = json.loads(svc.export_report(people.auditor, sub.id, "json"))
    rec = report["record"]
    assert rec["submission"]["room"] == "美妆1号间" and rec["submission"]["hosts"] == ["小美"]
    assert rec["documents"][0]["sha256"] and rec["rule_sets"]
    waived = [f for f in rec["findings"] if f["disposition"]]
    assert waived and all(f["disposition"]["status"] == "waive" and f["disposition"]["reason"] for f in waived)
    meanings = [e["payload"]["manifestation"]["meaning"] for e in report["signatures"]]
    assert meanings == ["会签", "审核通过"]
    assert all(e["payload"]["manifestation"]["signed_at"].endswith("+08:00") for e in report["signatures"])


def test_export_before_any_signature_is_refused(svc, people):
    sub = svc.submit(people.planner, upload(SCRIPT_CLEAN), "清爽脚本")
    with pytest.raises(WorkflowError) as err:
        svc.export_report(people.auditor, sub.id, "pdf")
    assert err.value.code == "not_signed"


def test_planner_sees_only_own_reports(svc, people):
    sub = _approved(svc, people)
    with pytest.raises(WorkflowError):
        svc.export_report(people.planner2, sub.id, "json")
    assert svc.export_report(people.planner, sub.id, "json")


def test_old_signatures_stay_valid_after_deactivation_and_reset(svc, people, tmp_path):
    sub = _approved(svc, people)
    svc.set_user_active(None, "legal", False)
    svc.set_password(None, "market", "a brand new password")  # admin reset: a new key, the old one retired
    path = tmp_path / "r.json"
    path.write_bytes(svc.export_report(people.auditor, sub.id, "json"))
    assert verify_path(path, registry=svc.key_registry()).ok
    with svc.db.read() as s:
        assert s.scalar(select(UserKey.id).where(UserKey.retired_at.is_not(None))) is not None


def test_own_password_change_keeps_the_key(svc, people):
    before = svc.key_registry()
    svc.set_password(people.legal, "legal", "another good password", old_password=PASSWORD)
    assert svc.key_registry() == before
    sub = svc.submit(people.planner, upload(SCRIPT_CLEAN), "清爽脚本")
    assert svc.decide(people.legal, sub.id, approve=True, password="another good password",
                      comment="同意").status == "approved"


def test_verify_against_registry_of_another_installation(svc, people, tmp_path):
    sub = _approved(svc, people)
    path = tmp_path / "r.json"
    path.write_bytes(svc.export_report(people.auditor, sub.id, "json"))
    res = verify_path(path, registry={})
    assert not res.ok and all("未在本系统登记" in p for p in res.problems)


def test_verify_report_file_through_the_service(svc, people):
    sub = _approved(svc, people)
    data = svc.export_report(people.auditor, sub.id, "pdf")
    assert svc.verify_report_file(people.auditor, "r.pdf", data).ok
    with pytest.raises(WorkflowError):
        svc.verify_report_file(people.planner, "r.pdf", data)
    bad = bytearray(data)
    i = bytes(bad).index(b"/Title")
    bad[i + 1] = ord("X")
    assert not svc.verify_report_file(people.auditor, "r.pdf", bytes(bad)).ok


# ------------------------------------------------------------------------------------------- CLI
def _run(monkeypatch, capsys, *args, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_and_verify(tmp_path, monkeypatch, capsys):
    cheap_hasher(monkeypatch)
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REVIEW_DB_URL", raising=False)
    reset_service()
    try:
        for name, role, dep in (("planner", "planner", None), ("legal", "reviewer", "法务")):
            extra = ["--department", dep] if dep else []
            assert _run(monkeypatch, capsys, "users", "add", name, "--role", role, *extra, "--password-stdin",
                        stdin=PASSWORD + "\n")[0] == 0
        script = tmp_path / "docs" / "脚本.txt"
        script.parent.mkdir()
        script.write_text(SCRIPT_CLEAN, encoding="utf-8")
        code, out, _ = _run(monkeypatch, capsys, "submit", str(script), "--title", "清爽", "--user", "planner",
                            "--format", "json")
        sid = json.loads(out)["id"]
        out_pdf = tmp_path / "r.pdf"
        assert _run(monkeypatch, capsys, "export", str(sid), "--format", "pdf", "--out", str(out_pdf))[0] == 2
        assert _run(monkeypatch, capsys, "decide", str(sid), "--user", "legal", "--approve", "--comment", "同意",
                    "--password-stdin", stdin=PASSWORD + "\n")[0] == 0
        for fmt in ("pdf", "json", "docx"):
            path = tmp_path / f"r.{fmt}"
            code, out, err = _run(monkeypatch, capsys, "export", str(sid), "--format", fmt, "--out", str(path))
            assert code == 0, err
        code, out, _ = _run(monkeypatch, capsys, "verify", str(tmp_path / "r.pdf"), "--documents",
                            str(script.parent), "--registry")
        assert code == 0 and "核验通过" in out and "SHA-256 一致" in out
        report = json.loads((tmp_path / "r.json").read_text("utf-8"))
        report["signatures"][0]["payload"]["decision"] = "reject"
        (tmp_path / "bad.json").write_text(json.dumps(report, ensure_ascii=False), "utf-8")
        code, _, err = _run(monkeypatch, capsys, "verify", str(tmp_path / "bad.json"))
        assert code == 1 and "签名无效" in err
        script.write_text(SCRIPT_CLEAN + "改了一个字", encoding="utf-8")
        code, _, err = _run(monkeypatch, capsys, "verify", str(tmp_path / "r.json"), "--documents", str(script.parent))
        assert code == 1 and "哈希不一致" in err
        assert _run(monkeypatch, capsys, "verify", str(tmp_path / "missing.json"))[0] == 2
    finally:
        reset_service()


def test_changes_between_signatures_keep_what_each_signer_signed(svc, people, tmp_path):
    sub = svc.submit(people.planner, upload(SCRIPT_CLEAN), "清爽脚本")
    svc.decide(people.market, sub.id, approve=True, password=PASSWORD, comment="会签")
    version = svc.get_submission(people.legal, sub.id).current
    svc.add_comment(people.legal, version.id, "请开播前再核对一次价格")  # changes the record after market signed
    svc.decide(people.legal, sub.id, approve=True, password=PASSWORD, comment="同意")
    report = json.loads(svc.export_report(people.auditor, sub.id, "json"))
    assert len(report["prior_records"]) == 1 and report["record"]["comments"]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    result = verify_path(path, registry=svc.key_registry())
    assert result.ok, result.problems
    assert any("签署时的记录已附在报告中" in c for c in result.checked)
    report["prior_records"][0]["verdict"] = "fail"  # what market signed can't be rewritten either
    path.write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    assert not verify_path(path).ok
