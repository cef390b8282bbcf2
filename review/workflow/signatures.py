"""Electronic signatures inside the workflow: users' keys, the signed record of a decision, export and
verification of the signed review report (review.report does the cryptography and rendering)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.localtime import local_tz
from review.report import keys as keylib
from review.report.canonical import canonical_bytes
from review.report.record import build_record
from review.report.signing import Signer, Verification, derive_status, seal_export, sign_decision
from review.report.toolcert import tool_signing_key
from review.store import audit
from review.store.models import Comment, Decision, Disposition, FindingRow, Submission, User, UserKey, Version, utcnow

from .errors import WorkflowError
from .roles import ROLE_LABELS, Role


def active_key(s: Session, user: User) -> UserKey | None:
    """The user's current (not retired) key."""
    return s.scalar(select(UserKey).where(UserKey.user_id == user.id, UserKey.retired_at.is_(None))
                    .order_by(UserKey.id.desc()))


def issue_key(s: Session, user: User, password: str, actor: str) -> UserKey:
    """Retire the user's current key (it stays registered) and register a new one sealed under `password`."""
    old = active_key(s, user)
    if old is not None:
        old.retired_at = utcnow()
    pair = keylib.generate_keypair(password)
    key = UserKey(user_id=user.id, public_key=pair.public_key, fingerprint=pair.fingerprint,
                  encrypted_private_key=pair.encrypted_private_key)
    s.add(key)
    s.flush()
    audit.append(s, actor, "key_register", f"user:{user.name}",
                 {"fingerprint": pair.fingerprint, "retired": old.fingerprint if old else None})
    return key


def reseal_key(s: Session, user: User, old_password: str, new_password: str) -> None:
    """Keep the same key under a new password (a user changing their own password)."""
    key = active_key(s, user)
    if key is not None:
        key.encrypted_private_key = keylib.reseal(key.encrypted_private_key, old_password, new_password)


def registry(s: Session) -> dict[str, str]:
    """Every key ever registered (retired ones included): fingerprint -> public key."""
    return {k.fingerprint: k.public_key for k in s.scalars(select(UserKey))}


def version_record(s: Session, sub: Submission, version: Version) -> dict:
    """The canonical record of a version as it stands now: submission, documents, findings with their latest
    disposition, claims, comments and the required departments."""
    check = json.loads(version.report_json)
    rows = list(s.scalars(select(FindingRow).where(FindingRow.version_id == version.id)
                          .order_by(FindingRow.position)))
    check["findings"] = [{k: getattr(r, k) for k in ("rule", "category", "severity", "document", "text", "start",
                                                     "end", "location", "message", "clause", "law", "suggestion")}
                         for r in rows]
    marks: dict[int, Disposition] = {}
    for d in s.scalars(select(Disposition).where(Disposition.finding_id.in_([r.id for r in rows]))
                       .order_by(Disposition.created_at, Disposition.id)):
        marks[d.finding_id] = d
    tz = local_tz()
    dispositions = {r.key: {"status": m.kind, "reason": m.reason, "by": m.user.display_name or m.user.name,
                            "at": m.created_at.astimezone(tz).isoformat(timespec="seconds")}
                    for r in rows if (m := marks.get(r.id))}
    comments = [{"by": c.user.display_name or c.user.name, "at": c.created_at.astimezone(tz).isoformat(
        timespec="seconds"), "document": c.document, "quote": c.quote, "text": c.body}
        for c in s.scalars(select(Comment).where(Comment.version_id == version.id).order_by(Comment.id))]
    pred = s.get(Version, version.predecessor_id) if version.predecessor_id else None
    submission = {"id": sub.id, "title": version.title, "version": version.number, "room": version.room,
                  "hosts": list(version.hosts), "products": list(version.products),
                  "broadcast_date": version.broadcast_date.isoformat(),
                  "submitted_by": version.author.display_name or version.author.name,
                  "submitted_at": (version.submitted_at or version.created_at).astimezone(tz).isoformat(
                      timespec="seconds"),
                  "supersedes": f"第{pred.number}版" if pred else None}
    return build_record(submission, check, [r.key for r in rows], dispositions, comments,
                        list(sub.required_departments))


def _signatures(s: Session, version: Version) -> list[Decision]:
    return list(s.scalars(select(Decision).where(Decision.version_id == version.id, Decision.signature.is_not(None))
                          .order_by(Decision.created_at, Decision.id)))


def sign(s: Session, me: User, sub: Submission, version: Version, decision: Decision, password: str,
         meaning: str) -> None:
    """Sign the decision over the version's record as it stands (after waivers); stores entry and record."""
    key = active_key(s, me)
    if key is None:
        raise WorkflowError("您还没有签名密钥，请重新登录一次以生成密钥后再作决定", "no_key")
    earlier = [json.loads(d.signature) for d in _signatures(s, version)]
    record = version_record(s, sub, version)
    signer = Signer(name=me.display_name or me.name, role=ROLE_LABELS[Role(me.role)], department=me.department or "",
                    public_key=key.public_key, encrypted_private_key=key.encrypted_private_key)
    try:
        signed = sign_decision({"record": record, "signatures": earlier}, signer, password, decision.outcome,
                               decision.comment, meaning=meaning, when=utcnow().astimezone(local_tz()))
    except keylib.KeyUnlockError as exc:
        raise WorkflowError(f"电子签名失败：{exc}", "bad_password") from exc
    entry = signed["signatures"][-1]
    decision.signature = canonical_bytes(entry)
    decision.signed_digest = entry["payload"]["record_sha256"]
    decision.key_fingerprint = key.fingerprint
    decision.signed_at = utcnow()
    decision.signed_record = canonical_bytes(record).decode("utf-8")


def signed_report(s: Session, version: Version) -> dict:
    """The signed report of a version: the record the last signer signed, every signature, sealed for export."""
    decisions = _signatures(s, version)
    if not decisions:
        raise WorkflowError(f"第 {version.number} 版尚无签名的审核决定，暂不能导出审核报告", "not_signed")
    report = {"record": json.loads(decisions[-1].signed_record),
              "signatures": [json.loads(d.signature) for d in decisions]}
    last = decisions[-1].signed_digest
    prior = {d.signed_digest: json.loads(d.signed_record) for d in decisions if d.signed_digest != last}
    if prior:  # dispositions changed between signatures: keep what each earlier signer actually signed
        report["prior_records"] = list(prior.values())
    report["status"] = derive_status(report)
    return seal_export(report, tool_signing_key(), when=utcnow().astimezone(local_tz()))


def render(report: dict, fmt: str) -> bytes:
    """The report in json, pdf or docx."""
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "pdf":
        from review.report.pdf import render_pdf

        return render_pdf(report)
    if fmt == "docx":
        from review.report.docx import render_docx

        return render_docx(report)
    raise WorkflowError(f"不支持的报告格式「{fmt}」，可选 pdf、docx、json", "bad_format")


def tool_fingerprint() -> str:
    """Fingerprint of this installation's export-seal key."""
    return keylib.fingerprint(keylib.b64(keylib.public_bytes(tool_signing_key().public_key())))


def verify_bytes(name: str, data: bytes, documents: list[tuple[str, bytes]],
                 reg: dict[str, str] | None) -> Verification:
    """Verify a report file given as bytes (and optionally the original files) against this installation."""
    import tempfile
    from pathlib import Path, PurePath

    from review.report.verify import verify_path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("report" + PurePath(name).suffix.lower())
        path.write_bytes(data)
        folder = None
        if documents:
            folder = Path(tmp) / "docs"
            folder.mkdir()
            for doc_name, doc_data in documents:
                (folder / PurePath(doc_name).name).write_bytes(doc_data)
        return verify_path(path, folder, reg, tool_fingerprint=tool_fingerprint())

