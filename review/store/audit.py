"""Append-only audit log with a SHA-256 hash chain.

Each entry's hash covers its sequence number, time, actor, action, target, details (canonical JSON,
hashed exactly as stored) and the previous entry's hash; the single `audit_head` row holds the last
sequence number and hash. Appending locks the head row, so entries form one chain even with concurrent
writers. `verify` recomputes the chain and names every changed, deleted, inserted or reordered entry.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import AuditEntry, AuditHead, utcnow

GENESIS = "0" * 64
HEAD_ID = 1


def canonical_json(value) -> str:
    """Sorted keys, UTF-8 text, no whitespace, no NaN (what the hash covers)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False,
                      default=_default)


def _default(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def _time_text(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_hash(seq: int, at: dt.datetime, actor: str, action: str, target: str, details: str, prev_hash: str) -> str:
    """SHA-256 (hex) of one entry's fields and its predecessor's hash."""
    payload = canonical_json({"seq": seq, "at": _time_text(at), "actor": actor, "action": action,
                              "target": target, "details": details, "prev": prev_hash})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _head(session: Session) -> AuditHead:
    """The head row, locked for the rest of the transaction (created on first use)."""
    head = session.execute(select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update()).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=HEAD_ID, seq=0, hash=GENESIS)
        session.add(head)
        session.flush()
    return head


def append(session: Session, actor: str, action: str, target: str, details: dict | None = None,
           at: dt.datetime | None = None) -> AuditEntry:
    """Add one entry to the chain inside the caller's transaction."""
    head = _head(session)
    at = (at or utcnow()).astimezone(dt.UTC)
    body = canonical_json(details or {})
    seq = head.seq + 1
    digest = entry_hash(seq, at, actor, action, target, body, head.hash)
    entry = AuditEntry(seq=seq, at=at, actor=actor, action=action, target=target, details=body,
                       prev_hash=head.hash, hash=digest)
    session.add(entry)
    head.seq, head.hash = seq, digest
    session.flush()
    return entry


@dataclass
class AuditProblem:
    """One break in the chain: where (seq or row id) and what, in Chinese."""

    seq: int | None
    kind: str  # changed | missing | reordered | head | link
    message: str


@dataclass
class AuditCheck:
    """Result of verifying the chain."""

    entries: int
    head_seq: int
    problems: list[AuditProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def verify(session: Session) -> AuditCheck:
    """Recompute every entry's hash in row order and compare links, sequence numbers and the head."""
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
    head = session.get(AuditHead, HEAD_ID)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    check = AuditCheck(entries=len(rows), head_seq=head_seq)
    prev_hash, expected_seq = GENESIS, 1
    for row in rows:
        _check_row(check, row, prev_hash, expected_seq)
        prev_hash, expected_seq = row.hash, row.seq + 1
    if (rows[-1].seq if rows else 0) != head_seq or prev_hash != head_hash:
        last = rows[-1].seq if rows else 0
        message = (f"审计链末尾与链头不符：最后一条为第 {last} 条，"
                   f"链头记录为第 {head_seq} 条（末尾记录可能被删除或追加）")
        check.problems.append(AuditProblem(head_seq, "head", message))
    return check


def _check_row(check: AuditCheck, row: AuditEntry, prev_hash: str, expected_seq: int) -> None:
    recomputed = entry_hash(row.seq, row.at, row.actor, row.action, row.target, row.details, row.prev_hash)
    if recomputed != row.hash:
        check.problems.append(AuditProblem(row.seq, "changed", f"第 {row.seq} 条记录的内容被改动（哈希不符）"))
    if row.seq < expected_seq:
        check.problems.append(AuditProblem(row.seq, "reordered", f"第 {row.seq} 条记录的顺序被调换或重复"))
    elif row.seq > expected_seq:
        gap = f"第 {expected_seq} 条" if row.seq == expected_seq + 1 else f"第 {expected_seq}–{row.seq - 1} 条"
        check.problems.append(AuditProblem(expected_seq, "missing", f"{gap}记录缺失（被删除）"))
    if row.prev_hash != prev_hash:
        check.problems.append(AuditProblem(row.seq, "link", f"第 {row.seq} 条记录与前一条的哈希链接断开"))
