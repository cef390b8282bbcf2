"""SQLAlchemy 2 models of the review store.

Tables: users, submissions, versions, stored documents (content-addressed by SHA-256; the bytes live in
the blob store under REVIEW_HOME), the documents of each version with their extracted text, the findings
snapshot of each version (the Report JSON on the version plus one row per finding), per-finding
dispositions, comments on quoted passages, per-department decisions, and the append-only audit log with
its hash chain head.

Any change here needs a migration in `review/store/migrations/versions/`; `tests/test_store.py` fails
when the models and the migrations disagree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every backend (SQLite stores no zone; it is restored on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    """Now, tz-aware UTC, to the microsecond (what every timestamp column stores)."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable names for migrations)."""

    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    """A person who logs in: planner, reviewer (with a department), auditor or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128), default="")
    role: Mapped[str] = mapped_column(String(16))
    department: Mapped[str | None] = mapped_column(String(16), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Submission(Base):
    """One piece of work under review; every upload of it is a Version."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(256))
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    current_version: Mapped[int] = mapped_column(Integer, default=0)
    required_departments: Mapped[list] = mapped_column(JSON, default=list)
    optional_departments: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User] = relationship()
    versions: Mapped[list[Version]] = relationship(back_populates="submission", order_by="Version.number")


class Version(Base):
    """One upload of a submission: its documents, the check's Report and findings, and its outcome."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("submission_id", "number", name="uq_versions_submission_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    predecessor_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id"), nullable=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    title: Mapped[str] = mapped_column(String(256))
    room: Mapped[str] = mapped_column(String(256), default="")
    hosts: Mapped[list] = mapped_column(JSON, default=list)
    broadcast_date: Mapped[dt.date] = mapped_column(Date)
    products: Mapped[list] = mapped_column(JSON, default=list)
    chosen_products: Mapped[list | None] = mapped_column(JSON, nullable=True)
    checklist_version: Mapped[str] = mapped_column(String(64))
    tool_version: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(16))
    high: Mapped[int] = mapped_column(Integer, default=0)
    medium: Mapped[int] = mapped_column(Integer, default=0)
    low: Mapped[int] = mapped_column(Integer, default=0)
    report_json: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)  # approved|rejected|superseded
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    submission: Mapped[Submission] = relationship(back_populates="versions")
    author: Mapped[User] = relationship()
    documents: Mapped[list[VersionDocument]] = relationship(order_by="VersionDocument.position")
    findings: Mapped[list[FindingRow]] = relationship(order_by="FindingRow.position")


class StoredDocument(Base):
    """An uploaded file's content, addressed by its SHA-256 (bytes in the blob store)."""

    __tablename__ = "stored_documents"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class VersionDocument(Base):
    """A file of a version under the name it was uploaded with, with its extracted text and kind."""

    __tablename__ = "version_documents"
    __table_args__ = (UniqueConstraint("version_id", "name", name="uq_version_documents_version_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(512))
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_documents.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    fmt: Mapped[str] = mapped_column(String(16))
    chars: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    segments: Mapped[list] = mapped_column(JSON, default=list)  # [[start, end, location], ...]
    needs_ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[list] = mapped_column(JSON, default=list)


class FindingRow(Base):
    """One finding of a version's check; `key` is stable across versions (rule + document + quote + n-th)."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("version_id", "key", name="uq_findings_version_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(16))
    rule: Mapped[str] = mapped_column(String(64), index=True)
    category: Mapped[str] = mapped_column(String(32), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    document: Mapped[str] = mapped_column(String(512))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    location: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    clause: Mapped[str] = mapped_column(Text)
    law: Mapped[str] = mapped_column(Text)
    suggestion: Mapped[str] = mapped_column(Text)


class Disposition(Base):
    """A reviewer's mark on a finding: must_fix, waive or false_positive (history kept; latest counts)."""

    __tablename__ = "dispositions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    department: Mapped[str | None] = mapped_column(String(16), nullable=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class Comment(Base):
    """A remark on a quoted passage of one document of a version (start/end into its extracted text)."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    document: Mapped[str] = mapped_column(String(512))
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    quote: Mapped[str] = mapped_column(Text, default="")
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id"), nullable=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class Decision(Base):
    """One department's decision on one version. The signature columns are filled by the signing step."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("version_id", "department", name="uq_decisions_version_department"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    department: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))  # approve | reject
    comment: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Ed25519 electronic signature (review.report.signing): the signature entry (payload, public key,
    # signature) as canonical JSON bytes, the SHA-256 of the record it covers, and that record itself.
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    signed_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    key_fingerprint: Mapped[str | None] = mapped_column(String(128), nullable=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    signed_record: Mapped[str | None] = mapped_column(Text, nullable=True)

    user: Mapped[User] = relationship()


class UserKey(Base):
    """A user's Ed25519 key pair; the private key is sealed under the user's password.

    Keys are never deleted: a retired key (password reset by an admin, user deactivated) stays registered
    so that the signatures it made remain verifiable.
    """

    __tablename__ = "user_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    encrypted_private_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()


class AuditEntry(Base):
    """An append-only audit record; `hash` covers every field and the previous entry's hash."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(128), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(256))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON, hashed as stored
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's single head row (seq and hash of the last entry); locked while appending."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


Index("ix_audit_log_at", AuditEntry.at)
