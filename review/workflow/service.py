"""The review service: every workflow action, with its permission check, in one transaction, audited.

Faces (CLI, Streamlit pages) call these methods with the acting user (a `UserInfo` from `login`) and
show `WorkflowError.message` on refusal. The acting user is re-read from the database on every call,
so a deactivated user or a changed role takes effect at once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from review.checklist import ChecklistError
from review.model import Document, ProductCategory, Report
from review.store import audit
from review.store.blobs import BlobStore
from review.store.db import Database, open_database, review_home
from review.store.models import (
    AuditEntry,
    Comment,
    Decision,
    Disposition,
    FindingRow,
    StoredDocument,
    Submission,
    User,
    Version,
    VersionDocument,
    utcnow,
)

from . import records, signatures
from .errors import WorkflowError
from .findings import finding_keys, match_findings, pair_documents
from .passwords import dummy_hash, hash_password, needs_rehash, verify_password
from .roles import DEPARTMENTS, SUBMIT_ROLES, ReviewConfig, Role, parse_role
from .states import OPEN_FOR_REVIEW, STATUS_LABELS, Event, Status, next_status
from .views import (
    DISPOSITION_KINDS,
    RESOLVING_KINDS,
    Allowed,
    CommentView,
    DecisionResult,
    DispositionView,
    SubmissionSummary,
    SubmissionView,
    SubmitResult,
    UserInfo,
    VersionDiff,
    VersionView,
)

SYSTEM = "system"
LOCKOUT_FAILURES, LOCKOUT_MINUTES = 5, 15
MAX_TITLE = 200
MAX_TEXT = 4000


class ReviewService:
    """All workflow operations over one database and blob store."""

    def __init__(self, db: Database | None = None, blobs: BlobStore | None = None,
                 config: ReviewConfig | None = None) -> None:
        self.db = db or open_database()
        self.blobs = blobs or BlobStore(review_home() / "blobs")
        self.config = config or ReviewConfig.from_env()

    # ----------------------------------------------------------------- users
    def add_user(self, actor: UserInfo | None, name: str, role: str, password: str, *,
                 department: str | None = None, display_name: str = "") -> UserInfo:
        """Create a user. `actor` None is the operator at the shell (CLI, seeding); otherwise an admin.

        Reviewers need a department (法务/市场/客服/运营); other roles must not have one.
        """
        name = (name or "").strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise WorkflowError("用户名不能为空、不能含空格，最长 64 个字符", "bad_name")
        role_ = parse_role(role)
        department = _check_department(role_, department)
        pw_hash = hash_password(password)
        with self.db.write() as s:
            who = self._admin_or_system(s, actor)
            if s.scalar(select(User.id).where(User.name == name)) is not None:
                raise WorkflowError(f"用户「{name}」已存在", "exists")
            user = User(name=name, display_name=(display_name or "").strip(), role=role_.value,
                        department=department, password_hash=pw_hash, active=True)
            s.add(user)
            s.flush()
            audit.append(s, who, "user_add", f"user:{name}", {"role": role_.value, "department": department})
            signatures.issue_key(s, user, password, who)
            return records.user_info(user)

    def set_user_active(self, actor: UserInfo | None, name: str, active: bool) -> UserInfo:
        """Activate or deactivate a user (admins or the shell operator). Users are never deleted."""
        with self.db.write() as s:
            who = self._admin_or_system(s, actor)
            user = self._user_by_name(s, name)
            if actor is not None and user.id == actor.id and not active:
                raise WorkflowError("不能停用自己的账号", "self")
            user.active = active
            audit.append(s, who, "user_activate" if active else "user_deactivate", f"user:{name}", {})
            return records.user_info(user)

    def set_password(self, actor: UserInfo | None, name: str, new_password: str,
                     old_password: str | None = None) -> None:
        """Change a password: a user their own (old password required), an admin or the operator anyone's."""
        pw_hash = hash_password(new_password)
        with self.db.write() as s:
            user = self._user_by_name(s, name)
            if actor is not None and actor.id == user.id:
                me = self._me(s, actor)
                if old_password is None or not verify_password(me.password_hash, old_password):
                    raise WorkflowError("原密码不正确", "bad_password")
                who = me.name
                signatures.reseal_key(s, user, old_password, new_password)
            else:  # a reset: the old sealed key cannot be opened, so a new key replaces it (the old stays registered)
                who = self._admin_or_system(s, actor)
                signatures.issue_key(s, user, new_password, who)
            user.password_hash = pw_hash
            audit.append(s, who, "password_change", f"user:{name}", {})

    def list_users(self, actor: UserInfo | None) -> list[UserInfo]:
        """Every user (admins, auditors and the operator)."""
        with self.db.read() as s:
            if actor is not None:
                self._require(self._me(s, actor), Role.ADMIN, Role.AUDITOR)
            return [records.user_info(u) for u in s.scalars(select(User).order_by(User.id))]

    def login(self, name: str, password: str) -> UserInfo:
        """Check a password; every success and failure is audited. Raises WorkflowError on failure.

        After LOCKOUT_FAILURES failed attempts on one name within LOCKOUT_MINUTES, further attempts are
        refused without checking the password until the window has passed (also for re-authentication).
        """
        name = (name or "").strip()
        with self.db.read() as s:
            since = utcnow() - dt.timedelta(minutes=LOCKOUT_MINUTES)
            failures = s.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "login_failed", AuditEntry.target == f"user:{name[:64]}", AuditEntry.at >= since))
        if failures >= LOCKOUT_FAILURES:
            with self.db.write() as s:
                audit.append(s, name[:128] or "?", "login_locked", f"user:{name[:64]}", {"failures": failures})
            raise WorkflowError(f"登录失败次数过多，请 {LOCKOUT_MINUTES} 分钟后再试", "locked")
        with self.db.read() as s:
            user = s.scalar(select(User).where(User.name == name))
            user_id, active = (user.id, user.active) if user else (None, False)
            ok = verify_password(user.password_hash if user else dummy_hash(), password or "") and user is not None
        with self.db.write() as s:
            if ok and active:
                user = s.get(User, user_id)
                if needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                audit.append(s, user.name, "login", f"user:{user.name}", {})
                if signatures.active_key(s, user) is None:  # users created before keys existed
                    signatures.issue_key(s, user, password, user.name)
                return records.user_info(user)
            audit.append(s, name[:128] or "?", "login_failed", f"user:{name[:64]}",
                         {"reason": "inactive" if ok else "bad_credentials"})
        if ok:
            raise WorkflowError("该账号已停用，请联系管理员", "inactive")
        raise WorkflowError("用户名或密码不正确", "bad_credentials")

    def act_as(self, name: str) -> UserInfo:
        """For the shell only (CLI, seeding): the operator who owns REVIEW_HOME acts as the named active user
        without a password, as the contract's `submit --user` does. The app must use `login`."""
        with self.db.read() as s:
            user = self._user_by_name(s, (name or "").strip())
            if not user.active:
                raise WorkflowError("该账号已停用，请联系管理员", "inactive")
            return records.user_info(user)

    def reauthenticate(self, actor: UserInfo, password: str) -> UserInfo:
        """Ask the acting user for their password again (before signing); audited like a login."""
        if actor is None:
            raise WorkflowError("需要登录", "forbidden")
        user = self.login(actor.name, password)
        if user.id != actor.id:
            raise WorkflowError("身份不符", "forbidden")
        return user

    # ------------------------------------------------------------ submitting
    def submit(self, actor: UserInfo, files: Sequence[tuple[str, bytes]], title: str, *,
               broadcast_date: dt.date | None = None, products: Iterable[str] | None = None, room: str = "",
               hosts: Iterable[str] = (), supersedes: int | None = None, draft: bool = False,
               progress=None) -> SubmitResult:
        """Check and store an upload as a new submission, or as a new version of `supersedes`.

        Every file must be readable: if any is not, nothing is stored and WorkflowError names each file
        and reason (a reviewer must never approve a bundle of which part was not checked). `draft=True`
        keeps a new submission (or a draft's new version) as a draft. Files, check result, findings and
        the audit entries are written in one transaction. `progress(name, done, total)` reports reading
        and OCR progress (see review.engine.check_uploads).
        """
        title = _clean_text(title, "标题", MAX_TITLE)
        room = _clean_text(room, "直播间", MAX_TITLE, required=False)
        hosts = [_clean_text(h, "主播", MAX_TITLE, required=False) for h in hosts]
        if not files:
            raise WorkflowError("请至少上传一个文件", "no_files")
        chosen = _products(products)
        with self.db.read() as s:  # refuse early, before the check runs and files are written
            self._may_submit(s, self._me(s, actor), supersedes, draft)
        report, docs, uploads = self._run_check(files, broadcast_date, chosen, progress)
        for _name, data in uploads:  # blobs first: a committed row never points at a missing file
            self.blobs.put(data)
        with self.db.write() as s:
            me = self._me(s, actor)
            if supersedes is None:
                self._may_submit(s, me, None, draft)
                sub, event = self._new_submission(s, me, title, draft), (Event.SAVE_DRAFT if draft else Event.SUBMIT)
                before = Status.DRAFT
            else:
                sub = self._submission(s, supersedes, lock=True)
                before, event = self._may_submit(s, me, supersedes, draft)
            after = next_status(before, event)
            version = self._store_version(s, me, sub, report, docs, uploads, title=title, room=room,
                                          hosts=hosts, chosen=chosen, submitted=after != Status.DRAFT)
            sub.status, sub.title, sub.updated_at = after.value, title, utcnow()
            action = {Event.SUBMIT: "submit", Event.SAVE_DRAFT: "save_draft", Event.RESUBMIT: "resubmit"}[event]
            audit.append(s, me.name, action, f"submission:{sub.id}",
                         {"version": version.number, "title": title, "status": [before.value, after.value],
                          "files": [{"name": n, "sha256": d.sha256} for n, d in docs.items()]})
            audit.append(s, me.name, "check", f"version:{version.id}",
                         {"verdict": report.verdict, "summary": report.summary,
                          "checklist_version": report.checklist_version,
                          "broadcast_date": report.broadcast_date.isoformat()})
            return SubmitResult(id=sub.id, version=version.number, verdict=report.verdict, status=sub.status,
                                summary=report.summary, version_id=version.id)

    def _may_submit(self, s: Session, me: User, supersedes: int | None, draft: bool) -> tuple[Status, Event]:
        """The status before and the event of this upload, or WorkflowError when it is not allowed."""
        if Role(me.role) not in SUBMIT_ROLES:
            raise WorkflowError("审计员为只读角色，不能提交", "forbidden")
        if supersedes is None:
            return Status.DRAFT, Event.SAVE_DRAFT if draft else Event.SUBMIT
        sub = self._submission(s, supersedes)
        self._require_owner(me, sub, "只有提交人可以提交新版本")
        before = Status(sub.status)
        event = _resubmit_event(before, draft)
        next_status(before, event)
        return before, event

    def submit_draft(self, actor: UserInfo, submission_id: int) -> SubmissionSummary:
        """Hand a draft in for review (draft → submitted)."""
        with self.db.write() as s:
            me = self._me(s, actor)
            sub = self._submission(s, submission_id, lock=True)
            self._require_owner(me, sub, "只有提交人可以提交草稿")
            after = next_status(sub.status, Event.SUBMIT)
            version = self._current_version(s, sub)
            version.submitted_at = utcnow()
            self._transition(s, me, sub, after, "submit")
            return records.summary(s, sub)

    def _run_check(self, files: Sequence[tuple[str, bytes]], broadcast_date: dt.date | None,
                   chosen: list[ProductCategory] | None, progress=None
                   ) -> tuple[Report, dict[str, Document], list[tuple[str, bytes]]]:
        """Run the checker outside any transaction; refuse when a file cannot be read."""
        from review.engine import check_uploads

        uploads = [(PurePath(name).name or "未命名", bytes(data)) for name, data in files]
        try:
            report, docs = check_uploads(list(uploads), broadcast_date, chosen, progress)
        except ChecklistError as exc:
            raise WorkflowError(f"规则库有误，暂时无法审核，请联系管理员：{exc}", "checklist") from exc
        if report.errors:
            lines = "；".join(f"{d.document}：{d.error}" for d in report.errors)
            raise WorkflowError(f"有文件无法读取，本次提交未保存任何内容。请修正后重新上传：{lines}", "unreadable")
        numbered = [(info.document, data) for info, (_n, data) in zip(report.documents, uploads, strict=True)]
        return report, docs, numbered

    def _new_submission(self, s: Session, me: User, title: str, draft: bool) -> Submission:
        sub = Submission(title=title, owner_id=me.id, status=(Status.DRAFT if draft else Status.SUBMITTED).value,
                         current_version=0, required_departments=list(self.config.required_departments),
                         optional_departments=list(self.config.optional_departments))
        s.add(sub)
        s.flush()
        return sub

    def _store_version(self, s: Session, me: User, sub: Submission, report: Report, docs: dict[str, Document],
                       uploads: list[tuple[str, bytes]], *, title: str, room: str, hosts: list[str],
                       chosen: list[ProductCategory] | None, submitted: bool) -> Version:
        """Insert the version, its documents and findings; the previous version is marked superseded."""
        previous = self._current_version(s, sub) if sub.current_version else None
        if previous is not None and previous.outcome is None:
            previous.outcome = "superseded"
        now = utcnow()
        summary = report.summary
        version = Version(submission_id=sub.id, number=sub.current_version + 1,
                          predecessor_id=previous.id if previous else None, author_id=me.id, created_at=now,
                          submitted_at=now if submitted else None, title=title,
                          room=room, hosts=[h for h in hosts if h],
                          broadcast_date=report.broadcast_date, products=[str(p) for p in report.products],
                          chosen_products=[str(p) for p in chosen] if chosen else None,
                          checklist_version=report.checklist_version, tool_version=report.version,
                          verdict=report.verdict, high=summary["high"], medium=summary["medium"], low=summary["low"],
                          report_json=json.dumps(report.to_dict(), ensure_ascii=False))
        s.add(version)
        s.flush()
        sub.current_version = version.number
        sizes = {name: len(data) for name, data in uploads}
        for pos, (name, doc) in enumerate(docs.items()):
            records.ensure_stored_document(s, doc.sha256, sizes[name])
            s.add(VersionDocument(version_id=version.id, position=pos, name=name, sha256=doc.sha256,
                                  kind=str(doc.kind), fmt=doc.fmt, chars=len(doc.text), text=doc.text,
                                  segments=[[g.start, g.end, g.location] for g in doc.segments],
                                  needs_ocr=doc.needs_ocr, notes=list(doc.notes)))
        for pos, (f, key) in enumerate(zip(report.findings, finding_keys(report.findings), strict=True)):
            s.add(FindingRow(version_id=version.id, position=pos, key=key, rule=f.rule, category=str(f.category),
                             severity=str(f.severity), document=f.document, text=f.text, start=f.start, end=f.end,
                             location=f.location, message=f.message, clause=f.clause, law=f.law,
                             suggestion=f.suggestion))
        s.flush()
        return version

    # -------------------------------------------------------------- reviewing
    def start_review(self, actor: UserInfo, submission_id: int) -> SubmissionSummary:
        """A reviewer takes a submitted submission up (submitted → in_review)."""
        with self.db.write() as s:
            me = self._me(s, actor)
            sub = self._submission(s, submission_id, lock=True)
            self._require_reviewer_of(s, me, sub)
            self._transition(s, me, sub, next_status(sub.status, Event.START_REVIEW), "start_review")
            return records.summary(s, sub)

    def set_disposition(self, actor: UserInfo, finding_id: int, kind: str, reason: str = "") -> DispositionView:
        """Mark a finding of the current version 必须修改 (must_fix), 豁免 (waive) or 误报 (false_positive).

        Waive and false_positive need a reason. Only reviewers, never on their own submission, and only
        while the submission is submitted or in review. The newest mark on a finding counts.
        """
        if kind not in DISPOSITION_KINDS:
            raise WorkflowError(f"未知的处置方式「{kind}」，可选：必须修改、豁免、误报", "bad_kind")
        reason = _clean_text(reason, "理由", MAX_TEXT, required=kind in RESOLVING_KINDS)
        with self.db.write() as s:
            me = self._me(s, actor)
            finding = s.get(FindingRow, finding_id)
            if finding is None:
                raise WorkflowError(f"问题 {finding_id} 不存在", "not_found")
            version = s.get(Version, finding.version_id)
            sub = self._submission(s, version.submission_id, lock=True)
            self._require_reviewer_of(s, me, sub)
            self._require_current(sub, version)
            self._open_review(s, me, sub)
            mark = self._add_disposition(s, me, finding, kind, reason)
            return records.disposition_view(mark, me)

    def add_comment(self, actor: UserInfo, version_id: int, body: str, *, document: str | None = None,
                    start: int | None = None, end: int | None = None, finding_id: int | None = None) -> CommentView:
        """Comment on a quoted passage (document + start/end into its text), on a finding, or on the version.

        With `finding_id` and no offsets, the finding's own quote is used. Reviewers and the submitter may
        comment; auditors may not. The stored quote is exactly document.text[start:end].
        """
        body = _clean_text(body, "评论内容", MAX_TEXT)
        with self.db.write() as s:
            me = self._me(s, actor)
            version = s.get(Version, version_id)
            if version is None:
                raise WorkflowError(f"版本 {version_id} 不存在", "not_found")
            sub = self._submission(s, version.submission_id, lock=True)
            self._require_view(me, sub)
            if Role(me.role) == Role.AUDITOR:
                raise WorkflowError("审计员为只读角色，不能评论", "forbidden")
            finding = None
            if finding_id is not None:
                finding = s.get(FindingRow, finding_id)
                if finding is None or finding.version_id != version.id:
                    raise WorkflowError(f"问题 {finding_id} 不属于该版本", "not_found")
                if document is None and start is None:
                    document, start, end = finding.document, finding.start, finding.end
            quote = records.quote_of(s, version, document, start, end)
            comment = Comment(version_id=version.id, user_id=me.id, document=document or "", start=start, end=end,
                              quote=quote, finding_id=finding.id if finding else None, body=body)
            s.add(comment)
            s.flush()
            if Role(me.role) == Role.REVIEWER and me.id != sub.owner_id and sub.status == Status.SUBMITTED:
                self._transition(s, me, sub, Status.IN_REVIEW, "start_review")
            audit.append(s, me.name, "comment", f"version:{version.id}",
                         {"comment": comment.id, "document": comment.document, "start": start, "end": end,
                          "quote": quote, "finding": comment.finding_id, "body": body})
            return records.comment_view(comment, me)

    def decide(self, actor: UserInfo, submission_id: int, approve: bool, comment: str,
               waivers: dict[str, str] | None = None, *, password: str) -> DecisionResult:
        """Record the acting reviewer's department decision on the current version.

        `waivers` maps a finding key (e.g. F1a2b3c4d5e), a finding id or a rule id (all findings of that rule)
        to a reason; they are recorded as 豁免 in the same transaction. Refused (WorkflowError, audited as
        `decide_refused`, nothing else written) for the submitter, a non-reviewer, a department outside the
        joint review, a department that already decided, a closed submission, or an approval while a high
        finding is neither gone nor waived/marked false positive with a reason. The submission is approved
        once every required department approved; any rejection rejects it.

        The decision is signed with the reviewer's Ed25519 key, unlocked by `password` (re-authentication at
        the moment of signing); the signature covers the version's record as it stands after the waivers. A
        wrong password refuses the decision and writes nothing but the audit entry of the refusal.
        """
        try:
            self.reauthenticate(actor, password)
            return self._decide(actor, submission_id, approve, comment, waivers or {}, password)
        except WorkflowError as exc:
            self._audit_refusal(actor, "decide_refused", f"submission:{submission_id}", exc,
                                {"approve": approve})
            raise

    def _decide(self, actor: UserInfo, submission_id: int, approve: bool, comment: str,
                waivers: dict[str, str], password: str) -> DecisionResult:
        comment = _clean_text(comment, "审核意见", MAX_TEXT)
        with self.db.write() as s:
            me = self._me(s, actor)
            sub = self._submission(s, submission_id, lock=True)
            self._require_reviewer_of(s, me, sub)
            if Status(sub.status) not in OPEN_FOR_REVIEW:
                raise WorkflowError(f"当前状态为「{STATUS_LABELS[Status(sub.status)]}」，不能再作决定", "bad_state")
            version = self._current_version(s, sub)
            if s.scalar(select(Decision.id).where(Decision.version_id == version.id,
                                                  Decision.department == me.department)):
                raise WorkflowError(f"{me.department}部门已对第 {version.number} 版作出决定", "already_decided")
            waived = self._apply_waivers(s, me, version, waivers)
            if approve:
                blocking = records.blocking_findings(s, version)
                if blocking:
                    listed = "；".join(f"{f.key} {f.rule}「{f.text or '文档级'}」" for f in blocking[:10])
                    more = f" 等 {len(blocking)} 项" if len(blocking) > 10 else ""
                    raise WorkflowError(f"仍有高风险问题既未修改也未说明理由豁免，不能通过：{listed}{more}",
                                        "open_high_findings")
            self._open_review(s, me, sub)
            decision = Decision(version_id=version.id, user_id=me.id, department=me.department,
                                outcome="approve" if approve else "reject", comment=comment)
            s.add(decision)
            s.flush()
            optional = me.department in sub.optional_departments
            meaning = "会签" if optional and approve else ("审核通过" if approve else "驳回")
            signatures.sign(s, me, sub, version, decision, password, meaning)
            before = sub.status
            pending = records.pending_departments(s, sub, version)
            if not approve:
                self._close(sub, version, Status.REJECTED, Event.REJECT)
            elif not pending:
                self._close(sub, version, Status.APPROVED, Event.APPROVE)
            audit.append(s, me.name, "decision", f"submission:{sub.id}",
                         {"decision": decision.id, "version": version.number, "department": me.department,
                          "outcome": decision.outcome, "comment": comment, "waived": waived,
                          "status": [before, sub.status]})
            return DecisionResult(decision_id=decision.id, submission_id=sub.id, version=version.number,
                                  department=me.department, outcome=decision.outcome, status=sub.status,
                                  waived=waived, pending_departments=pending)

    def _apply_waivers(self, s: Session, me: User, version: Version, waivers: dict[str, str]) -> list[str]:
        """Record each waiver as a 豁免 mark; unknown ids or empty reasons refuse the whole decision."""
        rows = list(s.scalars(select(FindingRow).where(FindingRow.version_id == version.id)))
        waived: list[str] = []
        for ref, reason in waivers.items():
            reason = _clean_text(reason, f"豁免 {ref} 的理由", MAX_TEXT)
            ref = ref.strip()
            hits = [f for f in rows if f.key.lower() == ref.lower() or str(f.id) == ref] or \
                   [f for f in rows if f.rule == ref]
            if not hits:
                raise WorkflowError(f"第 {version.number} 版中没有编号或规则为「{ref}」的问题", "unknown_finding")
            for f in hits:
                self._add_disposition(s, me, f, "waive", reason)
                waived.append(f.key)
        return waived

    def _add_disposition(self, s: Session, me: User, finding: FindingRow, kind: str, reason: str) -> Disposition:
        mark = Disposition(finding_id=finding.id, user_id=me.id, department=me.department, kind=kind, reason=reason)
        s.add(mark)
        s.flush()
        audit.append(s, me.name, "disposition", f"finding:{finding.id}",
                     {"key": finding.key, "rule": finding.rule, "version": finding.version_id, "kind": kind,
                      "reason": reason})
        return mark

    # ------------------------------------------------------------------ reads
    def list_submissions(self, actor: UserInfo, *, mine: bool = False,
                         statuses: Iterable[str] | None = None) -> list[SubmissionSummary]:
        """Submissions newest first: planners see only their own; others all (or only their own with `mine`)."""
        with self.db.read() as s:
            me = self._me(s, actor)
            q = select(Submission).order_by(Submission.updated_at.desc(), Submission.id.desc())
            if mine or Role(me.role) == Role.PLANNER:
                q = q.where(Submission.owner_id == me.id)
            if statuses is not None:
                q = q.where(Submission.status.in_([Status(x).value for x in statuses]))
            return [records.summary(s, sub) for sub in s.scalars(q)]

    def review_queue(self, actor: UserInfo) -> list[SubmissionSummary]:
        """For a reviewer: open submissions of others on which their department has not decided yet,
        oldest first. Auditors and admins see every open submission."""
        with self.db.read() as s:
            me = self._me(s, actor)
            if Role(me.role) == Role.PLANNER:
                raise WorkflowError("策划没有审核队列", "forbidden")
            q = select(Submission).where(Submission.status.in_([x.value for x in OPEN_FOR_REVIEW]))
            out = []
            for sub in s.scalars(q.order_by(Submission.updated_at, Submission.id)):
                row = records.summary(s, sub)
                if Role(me.role) != Role.REVIEWER or self._queue_for(me, sub, row):
                    out.append(row)
            return out

    @staticmethod
    def _queue_for(me: User, sub: Submission, row: SubmissionSummary) -> bool:
        """Whether an open submission waits for this reviewer's department."""
        departments = (*sub.required_departments, *sub.optional_departments)
        return sub.owner_id != me.id and me.department in departments and me.department not in row.decisions

    def get_submission(self, actor: UserInfo, submission_id: int, version: int | None = None) -> SubmissionView:
        """A submission with its version history and one version (default the current) in full."""
        with self.db.read() as s:
            me = self._me(s, actor)
            sub = self._submission(s, submission_id)
            self._require_view(me, sub)
            number = version or sub.current_version
            v = s.scalar(select(Version).where(Version.submission_id == sub.id, Version.number == number))
            if v is None:
                raise WorkflowError(f"提交 {submission_id} 没有第 {number} 版", "not_found")
            return SubmissionView(summary=records.summary(s, sub), versions=records.version_briefs(s, sub),
                                  current=records.version_view(s, v))

    def get_version(self, actor: UserInfo, version_id: int) -> VersionView:
        """One version in full: documents with text, findings with marks, comments and decisions."""
        with self.db.read() as s:
            me = self._me(s, actor)
            v = s.get(Version, version_id)
            if v is None:
                raise WorkflowError(f"版本 {version_id} 不存在", "not_found")
            self._require_view(me, self._submission(s, v.submission_id))
            return records.version_view(s, v)

    def allowed(self, actor: UserInfo, submission_id: int) -> Allowed:
        """What the acting user may do on this submission now (the UI greys out the rest)."""
        with self.db.read() as s:
            me = self._me(s, actor)
            sub = self._submission(s, submission_id)
            try:
                self._require_view(me, sub)
            except WorkflowError:
                return Allowed(False, False, False, False, False, "无权查看")
            role, is_owner = Role(me.role), sub.owner_id == me.id
            reviewer_ok = role == Role.REVIEWER and not self._authored(s, me, sub)
            cosigner = me.department in (*sub.required_departments, *sub.optional_departments)
            open_ = Status(sub.status) in OPEN_FOR_REVIEW
            reason = self._decide_blocker(s, me, sub) if reviewer_ok else (
                "不能审核自己提交的内容" if role == Role.REVIEWER else "只有审核员可以作出审核决定")
            return Allowed(view=True, comment=role != Role.AUDITOR and (is_owner or role != Role.PLANNER),
                           disposition=reviewer_ok and cosigner and open_, decide=reviewer_ok and not reason,
                           resubmit=is_owner and role in SUBMIT_ROLES, decide_reason=reason)

    def _decide_blocker(self, s: Session, me: User, sub: Submission) -> str:
        if me.department not in (*sub.required_departments, *sub.optional_departments):
            return f"{me.department}部门不在本提交的会签部门之列"
        if Status(sub.status) not in OPEN_FOR_REVIEW:
            return f"当前状态为「{STATUS_LABELS[Status(sub.status)]}」"
        version = self._current_version(s, sub)
        if s.scalar(select(Decision.id).where(Decision.version_id == version.id, Decision.department == me.department)):
            return f"{me.department}部门已对第 {version.number} 版作出决定"
        return ""

    def version_diff(self, actor: UserInfo, submission_id: int, old: int | None = None,
                     new: int | None = None) -> VersionDiff:
        """Text diff per document and findings diff (fixed / still open / new) between two versions
        (default: the current version against its predecessor)."""
        from .diff import document_diffs

        with self.db.read() as s:
            me = self._me(s, actor)
            sub = self._submission(s, submission_id)
            self._require_view(me, sub)
            new = new or sub.current_version
            old = old or new - 1
            if old < 1 or old == new:
                raise WorkflowError("只有一个版本，没有可比较的上一版", "no_predecessor")
            vo, vn = (s.scalar(select(Version).where(Version.submission_id == sub.id, Version.number == n))
                      for n in (old, new))
            if vo is None or vn is None:
                raise WorkflowError(f"提交 {submission_id} 没有第 {old if vo is None else new} 版", "not_found")
            a, b = records.version_view(s, vo), records.version_view(s, vn)
        mapping = pair_documents([(d.name, d.kind) for d in a.documents], [(d.name, d.kind) for d in b.documents])
        fixed, pairs, added = match_findings(a.findings, b.findings, mapping)
        from .views import StillOpen

        return VersionDiff(submission_id=submission_id, old_number=old, new_number=new,
                           documents=document_diffs({d.name: d.text for d in a.documents},
                                                    {d.name: d.text for d in b.documents}, mapping),
                           fixed=[a.findings[i] for i in fixed],
                           still_open=[StillOpen(a.findings[i], b.findings[j]) for i, j in pairs],
                           new=[b.findings[j] for j in added])

    def document_bytes(self, actor: UserInfo, version_id: int, name: str) -> bytes:
        """The original uploaded bytes of one document of a version (checked against its SHA-256)."""
        with self.db.read() as s:
            me = self._me(s, actor)
            v = s.get(Version, version_id)
            if v is None:
                raise WorkflowError(f"版本 {version_id} 不存在", "not_found")
            self._require_view(me, self._submission(s, v.submission_id))
            doc = s.scalar(select(VersionDocument).where(VersionDocument.version_id == v.id,
                                                         VersionDocument.name == name))
            if doc is None:
                raise WorkflowError(f"该版本中没有文件「{name}」", "not_found")
            sha = doc.sha256
        return self.blobs.get(sha)

    def collect_blob_garbage(self, actor: UserInfo | None = None, min_age_s: float = 3600.0) -> list[str]:
        """Delete stored files no version references (left by failed uploads) older than `min_age_s`
        (admins or the operator); returns their hashes. Audited when anything was removed."""
        with self.db.read() as s:
            if actor is not None:
                self._require(self._me(s, actor), Role.ADMIN)
            referenced = set(s.scalars(select(StoredDocument.sha256)))
        removed = self.blobs.collect_garbage(referenced, min_age_s)
        if removed:
            self.record_event(actor, "blob_gc", "blobs", {"removed": removed})
        return removed

    # ------------------------------------------------------------ statistics
    def dashboard(self, actor: UserInfo, flt=None):
        """Statistics for 统计看板 (see review.workflow.stats.Dashboard); planners see only their own."""
        from .stats import StatsFilter, build_dashboard

        flt = flt or StatsFilter()
        with self.db.read() as s:
            me = self._me(s, actor)
            if Role(me.role) == Role.PLANNER:
                flt = flt.restricted_to(me.name)
            return build_dashboard(s, flt)

    def false_positive_rules(self, actor: UserInfo, flt=None):
        """Rules most often marked 误报 with the reasons given (DataFrame: rule, category, count, reasons)."""
        from .stats import StatsFilter, false_positive_rules

        with self.db.read() as s:
            me = self._me(s, actor)
            flt = flt or StatsFilter()
            return false_positive_rules(s, flt.restricted_to(me.name) if Role(me.role) == Role.PLANNER else flt)

    # ------------------------------------------------------------ signed report
    def export_report(self, actor: UserInfo | None, submission_id: int, fmt: str,
                      version: int | None = None) -> bytes:
        """The signed review report of a version (default current) as json, pdf or docx; the export is audited.
        `actor` None is the operator at the shell (CLI `export`)."""
        with self.db.read() as s:
            sub = self._submission(s, submission_id)
            if actor is not None:
                self._require_view(self._me(s, actor), sub)
            number = version or sub.current_version
            v = s.scalar(select(Version).where(Version.submission_id == sub.id, Version.number == number))
            if v is None:
                raise WorkflowError(f"提交 {submission_id} 没有第 {number} 版", "not_found")
            report = signatures.signed_report(s, v)
        data = signatures.render(report, fmt)
        with self.db.write() as s:
            who = self._me(s, actor).name if actor is not None else SYSTEM
            audit.append(s, who, "export", f"submission:{submission_id}",
                         {"version": number, "format": fmt, "status": report["status"],
                          "report_sha256": report["seal"]["payload"]["report_sha256"]})
        return data

    def key_registry(self) -> dict[str, str]:
        """Every public key ever registered here (fingerprint -> key), retired keys included."""
        with self.db.read() as s:
            return signatures.registry(s)

    def verify_report_file(self, actor: UserInfo | None, name: str, data: bytes,
                           documents: Sequence[tuple[str, bytes]] = ()) -> signatures.Verification:
        """Verify an exported report against this installation's key registry (auditors, admins, reviewers)."""
        if actor is not None:
            with self.db.read() as s:
                me = self._me(s, actor)
                if Role(me.role) == Role.PLANNER:
                    raise WorkflowError("只有审核员、审计员和管理员可以核验报告", "forbidden")
        result = signatures.verify_bytes(name, data, list(documents), self.key_registry())
        with self.db.write() as s:
            who = self._me(s, actor).name if actor is not None else SYSTEM
            audit.append(s, who, "verify_report", f"file:{name[:200]}",
                         {"ok": result.ok, "problems": result.problems[:20]})
        return result

    # ----------------------------------------------------------------- audit
    def record_event(self, actor: UserInfo | None, action: str, target: str, details: dict | None = None) -> None:
        """Append an entry for an action done outside the service (e.g. a report exported or verified);
        `actor` None is the shell operator. Other components that write their own rows (signatures) append
        with `review.store.audit.append` inside their own transaction instead."""
        with self.db.write() as s:
            who = self._me(s, actor).name if actor is not None else SYSTEM
            audit.append(s, who, action, target, details or {})

    def audit_verify(self, actor: UserInfo | None = None) -> audit.AuditCheck:
        """Recompute the audit hash chain (auditors, admins or the operator)."""
        with self.db.read() as s:
            if actor is not None:
                self._require(self._me(s, actor), Role.AUDITOR, Role.ADMIN)
            return audit.verify(s)

    def audit_entries(self, actor: UserInfo | None = None, *, start: dt.date | None = None,
                      end: dt.date | None = None, user: str | None = None) -> list[dict]:
        """Audit entries in chain order, filtered by date range (inclusive, UTC days) and actor name."""
        from .audit_export import entry_rows

        with self.db.read() as s:
            if actor is not None:
                self._require(self._me(s, actor), Role.AUDITOR, Role.ADMIN)
            return entry_rows(s, start=start, end=end, user=user)

    def audit_export(self, actor: UserInfo | None, out: str, *, start: dt.date | None = None,
                     end: dt.date | None = None, user: str | None = None) -> int:
        """Write the filtered audit trail to .xlsx or .csv; the export itself is audited. Returns the row count."""
        from .audit_export import write_rows

        rows = self.audit_entries(actor, start=start, end=end, user=user)
        count = write_rows(rows, out)
        with self.db.write() as s:
            who = self._me(s, actor).name if actor is not None else SYSTEM
            audit.append(s, who, "audit_export", f"file:{PurePath(out).name}",
                         {"rows": count, "from": start, "to": end, "user": user})
        return count

    # --------------------------------------------------------------- helpers
    def _me(self, s: Session, actor: UserInfo | None) -> User:
        if actor is None:
            raise WorkflowError("请先登录", "forbidden")
        user = s.get(User, actor.id)
        if user is None or user.name != actor.name:
            raise WorkflowError("用户不存在，请重新登录", "forbidden")
        if not user.active:
            raise WorkflowError("该账号已停用，请联系管理员", "inactive")
        return user

    def _admin_or_system(self, s: Session, actor: UserInfo | None) -> str:
        if actor is None:
            return SYSTEM
        me = self._me(s, actor)
        self._require(me, Role.ADMIN)
        return me.name

    @staticmethod
    def _require(me: User, *roles: Role) -> None:
        if Role(me.role) not in roles:
            from .roles import ROLE_LABELS

            names = "、".join(ROLE_LABELS[r] for r in roles)
            raise WorkflowError(f"只有{names}可以执行此操作（当前角色：{ROLE_LABELS[Role(me.role)]}）", "forbidden")

    @staticmethod
    def _user_by_name(s: Session, name: str) -> User:
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            raise WorkflowError(f"用户「{name}」不存在", "not_found")
        return user

    @staticmethod
    def _submission(s: Session, submission_id: int, lock: bool = False) -> Submission:
        q = select(Submission).where(Submission.id == submission_id)
        sub = s.scalar(q.with_for_update() if lock else q)
        if sub is None:
            raise WorkflowError(f"提交 {submission_id} 不存在", "not_found")
        return sub

    @staticmethod
    def _current_version(s: Session, sub: Submission) -> Version:
        return s.scalar(select(Version).where(Version.submission_id == sub.id,
                                              Version.number == sub.current_version))

    @staticmethod
    def _authored(s: Session, me: User, sub: Submission) -> bool:
        """Whether the user submitted this submission or any of its versions."""
        if sub.owner_id == me.id:
            return True
        return bool(s.scalar(select(func.count()).select_from(Version).where(
            Version.submission_id == sub.id, Version.author_id == me.id)))

    @staticmethod
    def _require_view(me: User, sub: Submission) -> None:
        if Role(me.role) == Role.PLANNER and sub.owner_id != me.id:
            raise WorkflowError("只能查看自己的提交", "forbidden")

    @staticmethod
    def _require_owner(me: User, sub: Submission, message: str) -> None:
        if sub.owner_id != me.id:
            raise WorkflowError(message, "forbidden")

    def _require_reviewer_of(self, s: Session, me: User, sub: Submission) -> None:
        """A reviewer of a department in this submission's joint review who did not submit it."""
        if Role(me.role) != Role.REVIEWER:
            from .roles import ROLE_LABELS

            raise WorkflowError(f"只有审核员可以审核（当前角色：{ROLE_LABELS[Role(me.role)]}）", "forbidden")
        if self._authored(s, me, sub):
            raise WorkflowError("不能审核自己提交的内容", "own_submission")
        if me.department not in (*sub.required_departments, *sub.optional_departments):
            raise WorkflowError(f"{me.department}部门不在本提交的会签部门之列，不能处置问题或作出决定",
                                "not_cosigner")

    @staticmethod
    def _require_current(sub: Submission, version: Version) -> None:
        if version.number != sub.current_version:
            raise WorkflowError(f"第 {version.number} 版已被第 {sub.current_version} 版取代，只能处置当前版本",
                                "superseded")

    def _open_review(self, s: Session, me: User, sub: Submission) -> None:
        """submitted → in_review on a reviewer's first act; refuse when the submission is not open."""
        if Status(sub.status) not in OPEN_FOR_REVIEW:
            raise WorkflowError(f"当前状态为「{STATUS_LABELS[Status(sub.status)]}」，不在审核中", "bad_state")
        if sub.status == Status.SUBMITTED:
            self._transition(s, me, sub, next_status(sub.status, Event.START_REVIEW), "start_review")

    def _transition(self, s: Session, me: User, sub: Submission, after: Status, action: str) -> None:
        before = sub.status
        sub.status, sub.updated_at = after.value, utcnow()
        audit.append(s, me.name, action, f"submission:{sub.id}", {"status": [before, after.value]})

    @staticmethod
    def _close(sub: Submission, version: Version, status: Status, event: Event) -> None:
        next_status(sub.status, event)
        now = utcnow()
        sub.status, sub.updated_at = status.value, now
        version.outcome = "approved" if status == Status.APPROVED else "rejected"
        version.decided_at = now

    def _audit_refusal(self, actor: UserInfo | None, action: str, target: str, exc: WorkflowError,
                       details: dict) -> None:
        """Record a refused action in its own transaction (the refused one wrote nothing)."""
        try:
            with self.db.write() as s:
                audit.append(s, actor.name if actor else SYSTEM, action, target,
                             {**details, "code": exc.code, "message": exc.message})
        except Exception:  # the refusal itself is what the caller must see
            return


def _check_department(role: Role, department: str | None) -> str | None:
    department = (department or "").strip() or None
    if role == Role.REVIEWER:
        if department not in DEPARTMENTS:
            raise WorkflowError(f"审核员必须属于一个部门：{'、'.join(DEPARTMENTS)}", "bad_department")
        return department
    if department is not None:
        raise WorkflowError("只有审核员属于部门", "bad_department")
    return None


def _resubmit_event(before: Status, draft: bool) -> Event:
    if before == Status.DRAFT:
        return Event.SAVE_DRAFT if draft else Event.SUBMIT
    if draft:
        raise WorkflowError("已提交的内容不能再存为草稿", "bad_state")
    return Event.RESUBMIT


def _products(products: Iterable[str] | None) -> list[ProductCategory] | None:
    if not products:
        return None
    out = []
    for p in products:
        try:
            out.append(ProductCategory(p))
        except ValueError:
            raise WorkflowError(f"未知的产品类别「{p}」", "bad_product") from None
    return out


def _clean_text(value: str | None, label: str, limit: int, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise WorkflowError(f"{label}不能为空", "empty")
    if len(text) > limit:
        raise WorkflowError(f"{label}过长（最多 {limit} 个字符）", "too_long")
    return text

