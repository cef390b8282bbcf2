"""CLI workflow commands as the contract fixes them: users add, submit, decide, audit verify/export."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from review.cli import main
from review.workflow import reset_service
from tests.wf_support import PASSWORD, SCRIPT_CLEAN, SCRIPT_V1, cheap_hasher

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def home(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REVIEW_DB_URL", raising=False)
    reset_service()
    yield tmp_path / "home"
    reset_service()


def run(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def team(home, monkeypatch, capsys):
    for name, role, dep in (("planner", "planner", None), ("legal", "reviewer", "法务"),
                            ("market", "reviewer", "市场"), ("auditor", "auditor", None)):
        args = ["users", "add", name, "--role", role, "--password-stdin"] + (["--department", dep] if dep else [])
        code, out, err = run(monkeypatch, capsys, *args, stdin=PASSWORD + "\n")
        assert code == 0 and name in out, err
    return home


@pytest.fixture
def files(tmp_path):
    dirty, clean = tmp_path / "脚本.txt", tmp_path / "clean" / "脚本.txt"
    clean.parent.mkdir()
    dirty.write_text(SCRIPT_V1, encoding="utf-8")
    clean.write_text(SCRIPT_CLEAN, encoding="utf-8")
    return dirty, clean


def submit(monkeypatch, capsys, path, *extra) -> dict:
    code, out, err = run(monkeypatch, capsys, "submit", str(path), "--title", "面霜专场", "--user", "planner",
                         "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_users_add_reads_the_password_from_stdin_only(home, monkeypatch, capsys):
    with pytest.raises(SystemExit):  # the flag is mandatory: no way to pass a password as an argument
        run(monkeypatch, capsys, "users", "add", "a", "--role", "planner")
    code, _out, err = run(monkeypatch, capsys, "users", "add", "a", "--role", "planner", "--password-stdin")
    assert code == 2 and "标准输入" in err
    code, _out, err = run(monkeypatch, capsys, "users", "add", "r", "--role", "reviewer", "--password-stdin",
                          stdin=PASSWORD + "\n")
    assert code == 2 and "部门" in err
    code, out, _err = run(monkeypatch, capsys, "users", "add", "r", "--role", "reviewer", "--department", "法务",
                          "--password-stdin", stdin=PASSWORD + "\r\n")
    assert code == 0 and "审核员（法务）" in out
    code, _out, err = run(monkeypatch, capsys, "users", "add", "r", "--role", "planner", "--password-stdin",
                          stdin=PASSWORD)
    assert code == 2 and "已存在" in err
    db = sqlite3.connect(home / "review.sqlite3")
    [(stored,)] = db.execute("SELECT password_hash FROM users WHERE name = 'r'").fetchall()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    code, out, _ = run(monkeypatch, capsys, "users", "list")
    assert code == 0 and "r " in out
    assert run(monkeypatch, capsys, "users", "deactivate", "r")[0] == 0
    assert "已停用" in run(monkeypatch, capsys, "users", "list")[1]


def test_submit_prints_id_version_and_verdict(team, files, monkeypatch, capsys):
    dirty, clean = files
    first = submit(monkeypatch, capsys, dirty, "--broadcast-date", "2026-12-05")
    assert first == {"id": 1, "version": 1, "verdict": "fail"}
    second = submit(monkeypatch, capsys, clean, "--supersedes", "1")
    assert second == {"id": 1, "version": 2, "verdict": "pass"}
    code, out, _ = run(monkeypatch, capsys, "submit", str(clean), "--title", "茶叶", "--user", "planner")
    assert code == 0 and "提交编号 2" in out and "第 1 版" in out and "通过" in out
    code, out, _ = run(monkeypatch, capsys, "submit", str(dirty), "--title", "面霜", "--user", "planner")
    assert code == 0 and "提交编号 3" in out and "[高] AD-ABS-001 「全网最好」 脚本.txt 第3行" in out
    assert (team / "blobs").is_dir() and len(list((team / "blobs").rglob("*"))) >= 2


def test_submit_refusals_exit_2(team, files, tmp_path, monkeypatch, capsys):
    dirty, _ = files
    code, _, err = run(monkeypatch, capsys, "submit", str(tmp_path / "missing.txt"), "--title", "t", "--user",
                       "planner")
    assert code == 2 and "missing.txt" in err and "未保存" in err
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04garbage")
    code, _, err = run(monkeypatch, capsys, "submit", str(dirty), str(bad), "--title", "t", "--user", "planner")
    assert code == 2 and "坏.docx" in err
    code, _, err = run(monkeypatch, capsys, "submit", str(dirty), "--title", "t", "--user", "nobody")
    assert code == 2 and "不存在" in err
    code, _, err = run(monkeypatch, capsys, "submit", str(dirty), "--title", "t", "--user", "auditor")
    assert code == 2 and "只读" in err


def test_decide_refusals_and_approval_with_waivers(team, files, monkeypatch, capsys):
    dirty, _ = files
    sub = submit(monkeypatch, capsys, dirty)["id"]

    def decide(user, *args, password=PASSWORD):
        return run(monkeypatch, capsys, "decide", str(sub), "--user", user, *args, "--password-stdin",
                   stdin=password + "\n")

    code, _, err = decide("legal", "--approve", "--comment", "同意", password="wrong password")
    assert code == 2 and "用户名或密码不正确" in err
    code, _, err = decide("planner", "--approve", "--comment", "同意")
    assert code == 2 and "只有审核员" in err
    code, _, err = decide("auditor", "--reject", "--comment", "驳回")
    assert code == 2 and "只有审核员" in err
    code, _, err = decide("legal", "--approve", "--comment", "同意")
    assert code == 2 and "高风险问题" in err and "全网最好" in err
    code, _, err = decide("legal", "--approve", "--comment", "同意", "--waive", "AD-ABS-001")
    assert code == 2 and "--waive" in err
    with pytest.raises(SystemExit):
        decide("legal", "--approve", "--reject", "--comment", "两个都选")
    code, out, err = decide("market", "--approve", "--comment", "会签", "--waive", "AD-ABS-001=引用第三方评测",
                            "--waive", "AD-ABS-007=注册商标")
    assert code == 0 and "市场" in out and "审核中" in out and "法务" in out, err
    code, out, err = decide("legal", "--approve", "--comment", "同意开播")
    assert code == 0 and "已通过" in out, err
    code, _, err = decide("legal", "--approve", "--comment", "again")
    assert code == 2 and "已通过" in err


def test_submitter_cannot_decide_through_the_cli(team, files, monkeypatch, capsys):
    _, clean = files
    code, out, err = run(monkeypatch, capsys, "submit", str(clean), "--title", "法务自己的", "--user", "legal",
                         "--format", "json")
    assert code == 0, err
    sub = json.loads(out)["id"]
    code, _, err = run(monkeypatch, capsys, "decide", str(sub), "--user", "legal", "--approve", "--comment", "同意",
                       "--password-stdin", stdin=PASSWORD)
    assert code == 2 and "不能审核自己提交的内容" in err


def test_audit_verify_and_export(team, files, tmp_path, monkeypatch, capsys):
    dirty, _ = files
    submit(monkeypatch, capsys, dirty)
    code, out, _ = run(monkeypatch, capsys, "audit", "verify")
    assert code == 0 and "审计链完整" in out
    code, out, _ = run(monkeypatch, capsys, "audit", "export", "--out", str(tmp_path / "a.xlsx"), "--user", "planner",
                       "--from", "2020-01-01")
    assert code == 0 and "已导出 2 条" in out and (tmp_path / "a.xlsx").stat().st_size > 0
    code, _, err = run(monkeypatch, capsys, "audit", "export", "--out", str(tmp_path / "a.txt"))
    assert code == 2 and ".xlsx" in err
    db = sqlite3.connect(team / "review.sqlite3")
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")
    db.commit()
    db.close()
    code, _, err = run(monkeypatch, capsys, "audit", "verify")
    assert code == 1 and "第 2 条记录的内容被改动" in err


def test_real_process_submit_and_decide(tmp_path, files):
    """The commands as a shell user runs them (real argon2 parameters, a fresh process each)."""
    dirty, _ = files
    env = {**os.environ, "REVIEW_HOME": str(tmp_path / "proc-home")}
    env.pop("REVIEW_DB_URL", None)

    def review(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "review", *args], input=stdin, capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=120)

    for name, extra in (("planner", ["--role", "planner"]), ("legal", ["--role", "reviewer", "--department", "法务"])):
        assert review("users", "add", name, *extra, "--password-stdin", stdin=PASSWORD + "\n").returncode == 0
    done = review("submit", str(dirty), "--title", "面霜", "--user", "planner", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"id": 1, "version": 1, "verdict": "fail"}
    refused = review("decide", "1", "--user", "legal", "--approve", "--comment", "同意", "--password-stdin",
                     stdin=PASSWORD + "\n")
    assert refused.returncode == 2 and "高风险问题" in refused.stderr and "Traceback" not in refused.stderr
    rejected = review("decide", "1", "--user", "legal", "--reject", "--comment", "请修改", "--password-stdin",
                      stdin=PASSWORD + "\n")
    assert rejected.returncode == 0 and "已驳回" in rejected.stdout
    assert review("audit", "verify").returncode == 0
