"""Signed review report: sign -> verify round trips per format, and every kind of tampering is caught."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from review.engine import check
from review.report.canonical import CanonicalError, canonical_bytes
from review.report.docx import attached_report_docx, render_docx
from review.report.keys import KeyUnlockError, fingerprint, generate_keypair, reseal, unlock
from review.report.pdf import attached_report, render_pdf, seal_status
from review.report.record import build_record, open_high_findings
from review.report.signing import Signer, derive_status, seal_export, sign_decision, verify_report
from review.report.toolcert import tool_signing_key
from review.report.verify import verify_path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_scripts"

SCRIPT = SAMPLES / "01_面霜_直播脚本.txt"


@pytest.fixture(scope="module")
def signers():
    out = {}
    for name, dept, pw in (("李律师", "法务", "law-pass-1"), ("王经理", "市场", "mkt-pass-2")):
        kp = generate_keypair(pw)
        out[dept] = (Signer(name, "reviewer", dept, kp.public_key, kp.encrypted_private_key), pw)
    return out


@pytest.fixture(scope="module")
def record():
    rep = check([SCRIPT]).to_dict()
    ids = [f"F{i + 1:03d}" for i in range(len(rep["findings"]))]
    disp = {fid: {"status": "waive", "reason": "已取得证明", "by": "李律师", "at": "2026-11-29T11:00:00+08:00"}
            for fid, f in zip(ids, rep["findings"], strict=True) if f["severity"] == "high"}
    sub = {"id": 7, "title": "面霜专场", "version": 2, "room": "美妆1号间", "hosts": ["小美", "阿杰"],
           "products": rep["products"], "broadcast_date": rep["broadcast_date"], "submitted_by": "张策划",
           "submitted_at": "2026-11-29T10:00:00+08:00", "supersedes": 6}
    comments = [{"by": "李律师", "at": "2026-11-29T11:05:00+08:00", "document": SCRIPT.name, "quote": "顶级",
                 "text": "请改为「优质」"}]
    return build_record(sub, rep, ids, disp, comments, ["法务"])


@pytest.fixture(scope="module")
def signed(record, signers):
    law, law_pw = signers["法务"]
    mkt, mkt_pw = signers["市场"]
    report = sign_decision({"record": record}, law, law_pw, "approve", "同意上线")
    report = sign_decision(report, mkt, mkt_pw, "approve", "市场部会签", meaning="会签")
    return seal_export(report, tool_signing_key())


def test_record_has_no_open_high_findings_once_waived(record):
    assert record["findings"] and not open_high_findings(record)
    assert all(f["disposition"]["reason"] for f in record["findings"] if f["severity"] == "high")


def test_json_round_trip(signed, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(signed, ensure_ascii=False), "utf-8")
    result = verify_path(path)
    assert result.ok, result.problems
    assert result.status == "审核通过" and len(result.checked) == 3


def test_status_needs_every_required_department(record, signers):
    mkt, pw = signers["市场"]
    only_market = sign_decision({"record": record}, mkt, pw, "approve", "会签", meaning="会签")
    assert derive_status(only_market) == "pending"
    law, law_pw = signers["法务"]
    rejected = sign_decision(only_market, law, law_pw, "reject", "功效宣称无证据")
    assert derive_status(rejected) == "rejected" and verify_report(rejected, require_seal=False).ok


def test_pdf_round_trip_and_seal(signed, tmp_path):
    pdf = render_pdf(signed)
    assert attached_report(pdf) == signed
    assert seal_status(pdf) == []
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    assert verify_path(path).ok


def test_pdf_text_is_chinese(signed):
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(render_pdf(signed))) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    for needle in ("直播电商播前审核报告", "面霜专场", "李律师", "会签", "豁免", "SHA-256"):
        assert needle in text


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_pdf_renders_to_png(signed, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(render_pdf(signed))
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                   check=True, timeout=60)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 5000


def test_docx_round_trip(signed, tmp_path):
    data = render_docx(signed)
    assert attached_report_docx(data) == signed
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    assert verify_path(path).ok
    import docx

    text = "\n".join(c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells)
    assert "李律师" in text and "顶级" in text


def _tampered(signed, edit):
    bad = copy.deepcopy(signed)
    edit(bad)
    return verify_report(bad)


def test_changed_finding_is_detected(signed):
    res = _tampered(signed, lambda r: r["record"]["findings"][0].update(severity="low"))
    assert not res.ok and any("签名后被改动" in p for p in res.problems)


def test_changed_decision_is_detected(signed):
    res = _tampered(signed, lambda r: r["signatures"][0]["payload"].update(decision="reject"))
    assert not res.ok and any("签名无效" in p for p in res.problems)


def test_swapped_document_hash_is_detected(signed):
    res = _tampered(signed, lambda r: r["record"]["documents"][0].update(sha256="0" * 64))
    assert not res.ok


def test_removed_signature_is_detected(signed):
    res = _tampered(signed, lambda r: r["signatures"].pop(0))
    assert not res.ok and any("被删除" in p for p in res.problems)
    res = _tampered(signed, lambda r: r["signatures"].pop())  # the last co-signature: caught by the export seal
    assert not res.ok and any("签章时共有 2 个签名" in p for p in res.problems)
    res = _tampered(signed, lambda r: r.pop("seal"))
    assert not res.ok and any("缺少导出签章" in p for p in res.problems)


def test_reordered_signatures_are_detected(signed):
    res = _tampered(signed, lambda r: r["signatures"].reverse())
    assert not res.ok


def test_forged_status_is_detected(record, signers):
    mkt, pw = signers["市场"]
    report = sign_decision({"record": record}, mkt, pw, "approve", "会签", meaning="会签")
    report["status"] = "approved"
    assert not verify_report(report, require_seal=False).ok


def test_unregistered_key_is_reported(signed, signers):
    law = signers["法务"][0]
    registry = {fingerprint(law.public_key): law.public_key}
    res = verify_report(signed, registry)
    assert len(res.problems) == 1 and any("未在本系统登记" in p for p in res.problems)


def test_original_documents_checked(signed, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(signed, ensure_ascii=False), "utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SCRIPT, docs / SCRIPT.name)
    assert verify_path(path, docs).ok
    (docs / SCRIPT.name).write_bytes(SCRIPT.read_bytes() + b"\n")
    res = verify_path(path, docs)
    assert any("哈希不一致" in p for p in res.problems)


def test_edited_pdf_fails_seal(signed, tmp_path):
    pdf = render_pdf(signed)
    i = pdf.index(b"/Title")
    path = tmp_path / "bad.pdf"
    path.write_bytes(pdf[:i] + b"/Titlf" + pdf[i + 6:])
    assert not verify_path(path).ok


def test_wrong_password_fails_and_changes_nothing(record, signers):
    law, _ = signers["法务"]
    before = copy.deepcopy(record)
    with pytest.raises(KeyUnlockError):
        sign_decision({"record": record}, law, "wrong-password", "approve", "同意")
    assert record == before


def test_password_change_keeps_key(signers):
    law, pw = signers["法务"]
    resealed = reseal(law.encrypted_private_key, pw, "new-pass-9")
    assert unlock(resealed, "new-pass-9").public_key() is not None
    with pytest.raises(KeyUnlockError):
        unlock(resealed, pw)


def test_canonical_refuses_floats():
    with pytest.raises(CanonicalError):
        canonical_bytes({"a": 1.5})
    assert canonical_bytes({"b": 1, "a": "中"}) == '{"a":"中","b":1}'.encode()
