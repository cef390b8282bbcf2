"""Signing a review record and checking its signatures.

A report is `{"record": …, "signatures": […], "status": …}`. The record (submission, documents with their
SHA-256, findings with dispositions, claims, rule sets, required departments) is frozen once the first
decision is signed. Each signature covers the canonical JSON of its own payload:

    {"record_sha256": …, "previous": [sha256 of every earlier signature entry], "decision": "approve"|"reject",
     "comment": …, "manifestation": {name, role, department, signed_at (ISO 8601 with offset), meaning},
     "key_fingerprint": …}

so a changed finding breaks `record_sha256`, a changed decision breaks the signature, and a removed or
reordered earlier signature breaks the chain of every later one. `status` is derived, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..localtime import local_tz
from .canonical import canonical_bytes, canonical_sha256
from .keys import b64, fingerprint, public_bytes, unlock, verify_bytes

MEANINGS = {"approve": "审核通过", "reject": "驳回", "cosign": "会签"}
STATUS_LABELS = {"approved": "审核通过", "rejected": "已驳回", "pending": "待审核/会签中"}


@dataclass(frozen=True)
class Signer:
    """Who signs, as printed in the signature manifestation."""

    name: str
    role: str
    department: str
    public_key: str
    encrypted_private_key: str


def entry_sha256(entry: dict) -> str:
    """Hash of one signature entry (payload, public key and signature)."""
    return canonical_sha256(entry)


def sign_decision(report: dict, signer: Signer, password: str, decision: str, comment: str,
                  meaning: str | None = None, when: dt.datetime | None = None) -> dict:
    """A new report dict with the signer's decision appended (raises KeyUnlockError on a wrong password)."""
    if decision not in ("approve", "reject"):
        raise ValueError(decision)
    private = unlock(signer.encrypted_private_key, password)
    if b64(public_bytes(private.public_key())) != signer.public_key:
        raise ValueError("私钥与登记的公钥不一致")
    when = when or dt.datetime.now(local_tz())
    signatures = list(report.get("signatures", []))
    payload = {
        "record_sha256": canonical_sha256(report["record"]),
        "previous": [entry_sha256(e) for e in signatures],
        "decision": decision,
        "comment": comment,
        "manifestation": {"name": signer.name, "role": signer.role, "department": signer.department,
                          "signed_at": when.isoformat(timespec="seconds"),
                          "meaning": meaning or MEANINGS[decision]},
        "key_fingerprint": fingerprint(signer.public_key),
    }
    entry = {"payload": payload, "public_key": signer.public_key,
             "signature": b64(private.sign(canonical_bytes(payload)))}
    out = {"record": report["record"], "signatures": [*signatures, entry]}
    out["status"] = derive_status(out)
    return out


def derive_status(report: dict) -> str:
    """approved when every required department approved and nobody rejected; rejected on any reject."""
    decisions = [e["payload"] for e in report.get("signatures", [])]
    if any(p["decision"] == "reject" for p in decisions):
        return "rejected"
    approved = {p["manifestation"]["department"] for p in decisions if p["decision"] == "approve"}
    required = set(report["record"].get("required_departments", []))
    return "approved" if decisions and required <= approved else "pending"


def seal_export(report: dict, tool_key, when: dt.datetime | None = None) -> dict:
    """The report with an export seal: the installation key signs record, signatures and status together."""
    body = {"record": report["record"], "signatures": report.get("signatures", []),
            "status": derive_status(report) if report.get("signatures") else "pending"}
    if report.get("prior_records"):
        body["prior_records"] = report["prior_records"]
    public = b64(public_bytes(tool_key.public_key()))
    seal = {"report_sha256": canonical_sha256(body), "signature_count": len(body["signatures"]),
            "exported_at": (when or dt.datetime.now(local_tz())).isoformat(timespec="seconds"),
            "key_fingerprint": fingerprint(public)}
    return {**body, "seal": {"payload": seal, "public_key": public,
                             "signature": b64(tool_key.sign(canonical_bytes(seal)))}}


def _verify_seal(report: dict, result: Verification, tool_fingerprint: str | None) -> None:
    seal = report.get("seal")
    if not seal:
        result.problems.append("缺少导出签章：无法确认签名是否完整")
        return
    try:
        payload, key, sig = seal["payload"], seal["public_key"], seal["signature"]
    except (KeyError, TypeError):
        result.problems.append("导出签章格式不完整")
        return
    body = {"record": report["record"], "signatures": report.get("signatures", []), "status": report.get("status")}
    if "prior_records" in report:
        body["prior_records"] = report["prior_records"]
    if not verify_bytes(key, sig, canonical_bytes(payload)):
        result.problems.append("导出签章无效（签章内容被改动）")
    elif payload.get("report_sha256") != canonical_sha256(body):
        n = payload.get("signature_count")
        result.problems.append(f"导出后报告被改动：签章时共有 {n} 个签名，现有 {len(body['signatures'])} 个，"
                               "或记录、状态与签章时不一致")
    elif tool_fingerprint and payload.get("key_fingerprint") != tool_fingerprint:
        result.problems.append("导出签章不是由本系统的密钥签署")
    else:
        result.checked.append(f"导出签章有效（{payload.get('exported_at')}，指纹 {payload.get('key_fingerprint')}）")


@dataclass
class Verification:
    """Outcome of checking a report: `problems` names exactly what fails (Chinese)."""

    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    status: str = ""  # derived status label (审核通过 / 已驳回 / 待审核/会签中)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_report(report: dict, registry: dict[str, str] | None = None, require_seal: bool = True,
                  tool_fingerprint: str | None = None) -> Verification:
    """Check the record hash, every signature, the chain, the derived status and the export seal.

    `registry` maps key fingerprints to registered public keys; when given, unknown keys are a problem.
    `tool_fingerprint`, when given, must be the fingerprint of the key that sealed the export.
    """
    result = Verification()
    if not isinstance(report, dict) or "record" not in report:
        result.problems.append("不是有效的审核报告：缺少 record")
        return result
    record_hash = canonical_sha256(report["record"])
    # Records that earlier signers signed before later dispositions changed it (each must hash to a signature).
    prior = {canonical_sha256(r): r for r in report.get("prior_records") or []}
    signatures = report.get("signatures") or []
    if not signatures:
        result.problems.append("报告没有任何签名")
    for i, entry in enumerate(signatures, 1):
        _verify_entry(i, entry, signatures[: i - 1], record_hash, prior, registry, result)
    if signatures and isinstance(signatures[-1], dict) and \
            signatures[-1].get("payload", {}).get("record_sha256") != record_hash:
        result.problems.append("最后一个签名没有覆盖报告中的最终记录")
    stated, derived = report.get("status"), derive_status(report) if signatures else "pending"
    if stated != derived:
        result.problems.append(f"报告标注的状态「{STATUS_LABELS.get(stated, stated)}」与签名推出的"
                               f"「{STATUS_LABELS[derived]}」不一致")
    if require_seal:
        _verify_seal(report, result, tool_fingerprint)
    result.status = STATUS_LABELS[derived]
    return result


def _verify_entry(i: int, entry: dict, earlier: list[dict], record_hash: str, prior: dict[str, dict],
                  registry: dict[str, str] | None, result: Verification) -> None:
    try:
        payload, key, sig = entry["payload"], entry["public_key"], entry["signature"]
        who = f"第{i}个签名（{payload['manifestation']['name']}，{payload['manifestation']['department']}）"
    except (KeyError, TypeError):
        result.problems.append(f"第{i}个签名格式不完整")
        return
    if not verify_bytes(key, sig, canonical_bytes(payload)):
        result.problems.append(f"{who}：签名无效（签名内容被改动或签名不属于该公钥）")
        return
    if payload.get("key_fingerprint") != fingerprint(key):
        result.problems.append(f"{who}：公钥指纹与签名内容不符")
    if registry is not None and registry.get(payload.get("key_fingerprint")) != key:
        result.problems.append(f"{who}：公钥未在本系统登记")
    signed_hash = payload.get("record_sha256")
    if signed_hash in prior and signed_hash != record_hash:
        result.checked.append(f"{who}签署时的记录已附在报告中（此后又有处置变更，由后续签名覆盖）")
    elif signed_hash != record_hash:
        result.problems.append(f"{who}：报告内容（发现、处置、文件哈希等）在签名后被改动")
    if payload.get("previous") != [entry_sha256(e) for e in earlier]:
        result.problems.append(f"{who}：此前的签名被删除、改动或调换了顺序")
    result.checked.append(f"{who} {payload['manifestation']['meaning']} "
                          f"{payload['manifestation']['signed_at']} 指纹 {payload.get('key_fingerprint')}")


def file_sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes (document hashes in the record)."""
    return hashlib.sha256(data).hexdigest()
