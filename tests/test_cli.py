"""The command line as the contract fixes it: JSON shape, exit codes, messages, text format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from review.cli import main
from review.ingest import load_document
from tests.fixtures_docs import make_docx, make_text

ROOT = Path(__file__).resolve().parent.parent
FINDING_KEYS = {"rule", "category", "severity", "document", "text", "start", "end", "location", "message", "clause",
                "law", "suggestion"}
CATEGORIES = {"absolute_claim", "false_claim", "price", "health_claim", "ip", "patent", "ai_label", "minor",
              "privacy", "prohibited", "evidence"}

SCRIPT = "直播日期：2026-12-05\n主播：家人们晚上好，最近很多人问这款面霜。\n主播：这是全网最低价，首先看成分。\n"
HAND_CARD = [["序号", "商品名称", "话术"], ["1", "玻尿酸面霜", "顶级品质，国家标准GB/T 29665检测合格"]]


@pytest.fixture
def bundle(tmp_path):
    script = make_text(tmp_path / "脚本.txt", SCRIPT)
    card = make_docx(tmp_path / "手卡.docx", ["手卡", HAND_CARD])
    return str(script), str(card)


def run_json(capsys, *args) -> tuple[int, dict, str]:
    code = main(["check", *args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_json_shape_and_offsets(capsys, bundle):
    code, data, err = run_json(capsys, *bundle)
    assert code == 1 and err == ""
    assert set(data) >= {"tool", "broadcast_date", "documents", "findings", "summary", "verdict"}
    assert set(data["tool"]) == {"name", "version", "checklist_version"}
    assert data["broadcast_date"] == "2026-12-05"
    assert [d["document"] for d in data["documents"]] == list(bundle)
    assert all(d["error"] is None and len(d["sha256"]) == 64 and d["chars"] > 0 for d in data["documents"])
    assert data["documents"][1]["kind"] == "hand_card"
    texts = {d: load_document(d).text for d in bundle}
    for f in data["findings"]:
        assert set(f) == FINDING_KEYS
        assert f["category"] in CATEGORIES and f["severity"] in {"high", "medium", "low"}
        assert texts[f["document"]][f["start"]:f["end"]] == f["text"]
        assert f["clause"] and f["law"] and f["suggestion"] and f["location"]
    quoted = {(f["text"], f["location"]) for f in data["findings"] if f["category"] == "absolute_claim"}
    assert ("全网最低价", "第3行") in quoted
    assert ("顶级", "表格1 第2行「话术」列") in quoted
    assert not any(t in {"最近", "首先", "国家标准"} for t, _ in quoted)
    assert data["verdict"] == "fail"
    assert data["summary"]["high"] == sum(f["severity"] == "high" for f in data["findings"])


def test_clean_file_passes_with_exit_0(capsys, tmp_path):
    clean = make_text(tmp_path / "clean.txt", "最近天气冷，第一步先洗脸，首先看成分，执行国家标准GB 2762。")
    code, data, _ = run_json(capsys, str(clean))
    assert code == 0
    assert data["findings"] == [] and data["verdict"] == "pass"


@pytest.mark.parametrize(("fail_on", "expected"), [("high", 0), ("medium", 1), ("never", 0)])
def test_fail_on_threshold(capsys, tmp_path, fail_on, expected):
    text = "最后3单了家人们！\n最后3单，真的没有了！"  # a medium false_claim finding only
    path = make_text(tmp_path / "urge.txt", text)
    code, data, _ = run_json(capsys, str(path), "--fail-on", fail_on, "--broadcast-date", "2026-12-01")
    assert data["summary"]["medium"] >= 1 and data["summary"]["high"] == 0
    assert code == expected


def test_unreadable_file_exit_2_and_the_rest_still_checked(capsys, tmp_path, bundle):
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    missing = tmp_path / "没有这个文件.txt"
    code, data, err = run_json(capsys, bundle[0], str(broken), str(missing))
    assert code == 2
    assert "坏文件.docx" in err and "没有这个文件.txt" in err
    errors = {d["document"]: d["error"] for d in data["documents"]}
    assert errors[str(broken)] and errors[str(missing)] and errors[bundle[0]] is None
    assert any(f["document"] == bundle[0] for f in data["findings"])


def test_bad_arguments_exit_2(capsys, bundle):
    with pytest.raises(SystemExit) as exc:
        main(["check", bundle[0], "--broadcast-date", "2026-13-40"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_text_format_groups_by_document(capsys, bundle):
    code = main(["check", *bundle, "--broadcast-date", "2026-12-01"])
    out = capsys.readouterr().out
    assert code == 1
    assert "直播日期：2026-12-01" in out
    assert "== " + bundle[1] in out
    assert "【全网最低价】" in out and "表格1 第2行「话术」列" in out
    assert "依据：T/ZADT 0013—2025" in out and "建议：" in out
    assert out.rstrip().splitlines()[-1].startswith("结论：不通过")


def test_product_option_is_validated(capsys, bundle):
    with pytest.raises(SystemExit) as exc:
        main(["check", bundle[0], "--product", "toys"])
    assert exc.value.code == 2


def test_cold_cli_is_quiet_and_follows_contract(bundle, tmp_path):
    env = {**os.environ, "REVIEW_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-m", "review", "check", *bundle, "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr == ""  # no jieba banner, no warnings
    assert json.loads(proc.stdout)["verdict"] == "fail"
    assert (tmp_path / "home" / "cache").is_dir()


def test_rules_command_lists_validated_rules(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "全部通过自带示例校验" in out and "PAT-NUM-001" in out
