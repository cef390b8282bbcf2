"""`make run` seeds demo users (random passwords printed once, stored hashed) and sample submissions."""

from __future__ import annotations

import json
import re

import pytest

from review import seed
from review.report.verify import verify_path
from review.workflow import get_service, reset_service
from tests.wf_support import cheap_hasher


@pytest.fixture
def home(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REVIEW_DB_URL", raising=False)
    reset_service()
    yield tmp_path
    reset_service()


def test_seed_prints_credentials_once_and_is_idempotent(home, capsys):
    assert seed.main([]) == 0
    out = capsys.readouterr().out
    creds = dict(re.findall(r"用户名 (\w+)\s+密码 (\S+)", out))
    assert set(creds) == {"planner", "legal", "market", "service", "auditor", "admin"}
    svc = get_service()
    assert svc.login("legal", creds["legal"]).department == "法务"
    db_text = (home / "home" / "review.sqlite3").read_bytes() if (home / "home" / "review.sqlite3").exists() else b""
    assert all(pw.encode() not in db_text for pw in creds.values())  # only hashes are stored
    assert seed.main([]) == 0
    again = capsys.readouterr().out
    assert "密码" not in again.replace("密码只在创建时显示过", "").replace("需要新密码", "")
    assert len(svc.list_submissions(svc.act_as("admin"))) == 3  # samples are not added twice


def test_samples_cover_every_state_and_the_signed_report_verifies(home, capsys, tmp_path):
    seed.main([])
    svc = get_service()
    admin = svc.act_as("admin")
    rows = {r.title: r for r in svc.list_submissions(admin)}
    states = {r.status for r in rows.values()}
    assert {"approved", "submitted"} <= states
    resubmitted = next(r for r in rows.values() if r.current_version == 2)
    assert resubmitted.status == "submitted"
    approved = next(r for r in rows.values() if r.status == "approved")
    data = svc.export_report(admin, approved.id, "json")
    path = tmp_path / "r.json"
    path.write_bytes(data)
    result = verify_path(path, registry=svc.key_registry())
    assert result.ok, result.problems
    assert [e["payload"]["manifestation"]["department"] for e in json.loads(data)["signatures"]] == ["市场", "法务"]
