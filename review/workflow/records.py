"""Queries shared by the service and their conversion from ORM rows to view dataclasses."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from review.store.models import (
    Comment,
    Decision,
    Disposition,
    FindingRow,
    StoredDocument,
    Submission,
    User,
    Version,
    VersionDocument,
)

from .errors import WorkflowError
from .views import (
    CommentView,
    DecisionView,
    DispositionView,
    DocumentView,
    FindingView,
    SubmissionSummary,
    UserInfo,
    VersionBrief,
    VersionView,
)


def user_info(u: User) -> UserInfo:
    """The public view of a user."""
    return UserInfo(id=u.id, name=u.name, display_name=u.display_name, role=u.role, department=u.department,
                    active=u.active)


def ensure_stored_document(s: Session, sha256: str, size: int) -> None:
    """Insert the content row for a blob unless it exists (safe against concurrent inserts)."""
    dialect = s.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert
        s.execute(insert(StoredDocument).values(sha256=sha256, size=size).on_conflict_do_nothing())
        return
    if s.get(StoredDocument, sha256) is None:  # other backends: a savepoint absorbs a racing insert
        try:
            with s.begin_nested():
                s.add(StoredDocument(sha256=sha256, size=size))
        except IntegrityError:
            pass


def disposition_view(d: Disposition, user: User | None = None) -> DispositionView:
    """A mark on a finding."""
    u = user or d.user
    return DispositionView(id=d.id, finding_id=d.finding_id, user=u.name, user_label=u.display_name or u.name,
                           department=d.department, kind=d.kind, reason=d.reason, created_at=d.created_at)


def comment_view(c: Comment, user: User | None = None) -> CommentView:
    """A comment."""
    u = user or c.user
    return CommentView(id=c.id, version_id=c.version_id, user=u.name, user_label=u.display_name or u.name,
                       document=c.document, start=c.start, end=c.end, quote=c.quote, finding_id=c.finding_id,
                       body=c.body, created_at=c.created_at)


def findings_of(s: Session, version: Version) -> list[FindingView]:
    """The version's findings in report order, each with its latest mark and mark history."""
    rows = list(s.scalars(select(FindingRow).where(FindingRow.version_id == version.id)
                          .order_by(FindingRow.position)))
    marks: dict[int, list[DispositionView]] = {}
    if rows:
        q = (select(Disposition).where(Disposition.finding_id.in_([r.id for r in rows]))
             .order_by(Disposition.created_at, Disposition.id))
        for d in s.scalars(q):
            marks.setdefault(d.finding_id, []).append(disposition_view(d))
    out = []
    for r in rows:
        history = marks.get(r.id, [])
        out.append(FindingView(id=r.id, key=r.key, version_id=r.version_id, rule=r.rule, category=r.category,
                               severity=r.severity, document=r.document, text=r.text, start=r.start, end=r.end,
                               location=r.location, message=r.message, clause=r.clause, law=r.law,
                               suggestion=r.suggestion, disposition=history[-1] if history else None,
                               history=history))
    return out


def blocking_findings(s: Session, version: Version) -> list[FindingView]:
    """High findings of the version neither waived nor marked false positive with a reason."""
    return [f for f in findings_of(s, version) if f.blocking]


def decisions_of(s: Session, version: Version) -> list[DecisionView]:
    """Decisions on a version in the order they were made."""
    q = select(Decision).where(Decision.version_id == version.id).order_by(Decision.created_at, Decision.id)
    return [DecisionView(id=d.id, version_id=d.version_id, version=version.number, user=d.user.name,
                         user_label=d.user.display_name or d.user.name, department=d.department,
                         outcome=d.outcome, comment=d.comment, created_at=d.created_at,
                         signed=d.signature is not None) for d in s.scalars(q)]


def pending_departments(s: Session, sub: Submission, version: Version) -> list[str]:
    """Required departments without an approval on the version."""
    approved = {d.department for d in decisions_of(s, version) if d.outcome == "approve"}
    return [dep for dep in sub.required_departments if dep not in approved]


def summary(s: Session, sub: Submission) -> SubmissionSummary:
    """The list row of a submission, with the current version's decisions per department."""
    v = s.scalar(select(Version).where(Version.submission_id == sub.id, Version.number == sub.current_version))
    decisions = {d.department: d.outcome for d in decisions_of(s, v)} if v else {}
    pending = [dep for dep in sub.required_departments if decisions.get(dep) != "approve"]
    return SubmissionSummary(id=sub.id, title=sub.title, owner=sub.owner.name,
                             owner_label=sub.owner.display_name or sub.owner.name, status=sub.status,
                             current_version=sub.current_version, verdict=v.verdict if v else "",
                             high=v.high if v else 0, medium=v.medium if v else 0, low=v.low if v else 0,
                             broadcast_date=v.broadcast_date if v else None, products=list(v.products) if v else [],
                             created_at=sub.created_at, updated_at=sub.updated_at,
                             required_departments=list(sub.required_departments),
                             optional_departments=list(sub.optional_departments), decisions=decisions,
                             pending_departments=pending)


def version_briefs(s: Session, sub: Submission) -> list[VersionBrief]:
    """Every version of a submission, oldest first."""
    q = select(Version).where(Version.submission_id == sub.id).order_by(Version.number)
    return [VersionBrief(id=v.id, number=v.number, author=v.author.name, created_at=v.created_at,
                         verdict=v.verdict, high=v.high, medium=v.medium, low=v.low, outcome=v.outcome)
            for v in s.scalars(q)]


def documents_of(s: Session, version: Version) -> list[DocumentView]:
    """The version's documents in upload order, with their text."""
    q = select(VersionDocument).where(VersionDocument.version_id == version.id).order_by(VersionDocument.position)
    return [DocumentView(id=d.id, name=d.name, sha256=d.sha256, kind=d.kind, fmt=d.fmt, chars=d.chars, text=d.text,
                         segments=[(int(a), int(b), str(loc)) for a, b, loc in d.segments], needs_ocr=d.needs_ocr,
                         notes=list(d.notes)) for d in s.scalars(q)]


def version_view(s: Session, v: Version) -> VersionView:
    """One version in full."""
    pred = s.get(Version, v.predecessor_id) if v.predecessor_id else None
    comments = s.scalars(select(Comment).where(Comment.version_id == v.id).order_by(Comment.created_at, Comment.id))
    return VersionView(id=v.id, submission_id=v.submission_id, number=v.number,
                       predecessor_number=pred.number if pred else None, author=v.author.name,
                       author_label=v.author.display_name or v.author.name, created_at=v.created_at,
                       submitted_at=v.submitted_at, title=v.title, room=v.room, hosts=list(v.hosts),
                       broadcast_date=v.broadcast_date, products=list(v.products),
                       checklist_version=v.checklist_version, verdict=v.verdict,
                       summary={"high": v.high, "medium": v.medium, "low": v.low}, outcome=v.outcome,
                       documents=documents_of(s, v), findings=findings_of(s, v),
                       comments=[comment_view(c) for c in comments], decisions=decisions_of(s, v),
                       report=json.loads(v.report_json))


def quote_of(s: Session, version: Version, document: str | None, start: int | None, end: int | None) -> str:
    """The exact passage document.text[start:end] (empty for a remark on the whole version or document)."""
    if document is None:
        if start is not None or end is not None:
            raise WorkflowError("引用原文时必须指明文件", "bad_quote")
        return ""
    doc = s.scalar(select(VersionDocument).where(VersionDocument.version_id == version.id,
                                                 VersionDocument.name == document))
    if doc is None:
        raise WorkflowError(f"该版本中没有文件「{document}」", "not_found")
    if start is None and end is None:
        return ""
    if start is None or end is None or not 0 <= start < end <= len(doc.text):
        raise WorkflowError(f"引用位置无效（{start}–{end}，文件共 {len(doc.text)} 字）", "bad_quote")
    return doc.text[start:end]
