"""Service layer: every state transition and every refusal, joint review, dispositions, comments, versions,
diffs, users and logins, dashboard statistics."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select, update

from review.store.models import AuditEntry, Version
from review.workflow import ReviewConfig, Status, WorkflowError
from review.workflow.passwords import _hasher as production_hasher
from review.workflow.passwords import hash_password, verify_password
from review.workflow.states import TRANSITIONS, Event, can, next_status
from review.workflow.stats import StatsFilter
from tests.wf_support import (
    CLEAN,
    HIGH_A,
    HIGH_B,
    HIGH_C,
    PASSWORD,
    SCRIPT_CLEAN,
    SCRIPT_V1,
    add_people,
    cheap_hasher,
    make_service,
    table_counts,
    upload,
)

PW = PASSWORD  # the test users' password, also what signing asks for again


@pytest.fixture
def svc(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    return make_service(tmp_path)


@pytest.fixture
def people(svc):
    return add_people(svc)


@pytest.fixture
def sub(svc, people):
    """A submitted script with two high findings (全网最好, 顶级)."""
    return svc.submit(people.planner, upload(SCRIPT_V1), "面霜专场")


def refused(code: str, func, *args, **kwargs) -> WorkflowError:
    with pytest.raises(WorkflowError) as err:
        func(*args, **kwargs)
    assert err.value.code == code, err.value.message
    assert err.value.message and not err.value.message.isascii()  # a Chinese sentence for the user
    return err.value


def high_keys(svc, user, sub_id) -> list[str]:
    return [f.key for f in svc.get_submission(user, sub_id).current.findings if f.severity == "high"]


def last_actions(svc, n: int) -> list[str]:
    with svc.db.read() as s:
        return list(reversed(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(n)).all()))


# ---------------------------------------------------------------- state machine
def test_state_machine_table_allows_exactly_the_listed_moves():
    for status, event in itertools.product(Status, Event):
        if (status, event) in TRANSITIONS:
            assert next_status(status, event) == TRANSITIONS[(status, event)] and can(status, event)
        else:
            with pytest.raises(WorkflowError) as err:
                next_status(status, event)
            assert err.value.code == "bad_state" and not can(status, event)
    assert not any(can(s, e) for s in (Status.APPROVED, Status.REJECTED)
                   for e in (Event.APPROVE, Event.REJECT, Event.START_REVIEW))


def test_submit_creates_a_submitted_first_version(svc, people, sub):
    assert (sub.version, sub.status, sub.verdict) == (1, "submitted", "fail")
    assert sub.summary["high"] >= 2
    assert last_actions(svc, 2) == ["submit", "check"]
    clean = svc.submit(people.planner, upload(SCRIPT_CLEAN), "清洁脚本")
    assert clean.verdict == "pass" and clean.summary == {"high": 0, "medium": 0, "low": 0}


def test_draft_then_submit(svc, people):
    d = svc.submit(people.planner, upload(SCRIPT_V1), "草稿", draft=True)
    assert d.status == "draft"
    refused("bad_state", svc.decide, people.legal, d.id, approve=False, password=PW, comment="驳回")
    refused("bad_state", svc.start_review, people.legal, d.id)
    d2 = svc.submit(people.planner, upload(SCRIPT_CLEAN), "草稿二", supersedes=d.id, draft=True)
    assert (d2.version, d2.status) == (2, "draft")
    refused("forbidden", svc.submit_draft, people.planner2, d.id)
    assert svc.submit_draft(people.planner, d.id).status == "submitted"
    refused("bad_state", svc.submit_draft, people.planner, d.id)
    refused("bad_state", svc.submit, people.planner, upload(SCRIPT_V1), "再存草稿", supersedes=d.id, draft=True)
    with svc.db.read() as s:
        v2 = s.scalar(select(Version).where(Version.submission_id == d.id, Version.number == 2))
        assert v2.submitted_at is not None


def test_start_review_moves_submitted_to_in_review_once(svc, people, sub):
    refused("forbidden", svc.start_review, people.planner, sub.id)
    refused("forbidden", svc.start_review, people.auditor, sub.id)
    assert svc.start_review(people.legal, sub.id).status == "in_review"
    refused("bad_state", svc.start_review, people.market, sub.id)


def test_submit_refusals(svc, people):
    refused("forbidden", svc.submit, people.auditor, upload(SCRIPT_V1), "审计员不能提交")
    refused("too_long", svc.submit, people.planner, upload(SCRIPT_V1), "标题", room="间" * 500)
    assert list(svc.blobs.all_hashes()) == []  # refused before the check ran and before any file was stored
    refused("empty", svc.submit, people.planner, upload(SCRIPT_V1), "   ")
    refused("no_files", svc.submit, people.planner, [], "没有文件")
    refused("bad_product", svc.submit, people.planner, upload(SCRIPT_V1), "类别", products=["toys"])
    refused("not_found", svc.submit, people.planner, upload(SCRIPT_V1), "新版", supersedes=999)
    own = svc.submit(people.planner, upload(SCRIPT_V1), "他人的")
    refused("forbidden", svc.submit, people.planner2, upload(SCRIPT_V1), "新版", supersedes=own.id)


# ---------------------------------------------------------------- decisions
def test_a_high_finding_blocks_approval_until_waived_with_a_reason(svc, people, sub):
    err = refused("open_high_findings", svc.decide, people.legal, sub.id, approve=True, password=PW, comment="同意")
    assert "全网最好" in err.message and "顶级" in err.message
    assert last_actions(svc, 1) == ["decide_refused"]  # the refusal is audited, nothing else was written
    view = svc.get_submission(people.legal, sub.id)
    assert view.summary.status == "submitted" and view.current.decisions == []
    keys = high_keys(svc, people.legal, sub.id)
    refused("empty", svc.decide, people.legal, sub.id, approve=True, password=PW, comment="同意",
            waivers={keys[0]: "  "})
    refused("unknown_finding", svc.decide, people.legal, sub.id, approve=True, password=PW, comment="同意",
            waivers={"F000000000": "理由"})
    partial = {keys[0]: "已取得权威机构认证"}
    refused("open_high_findings", svc.decide, people.legal, sub.id, approve=True, password=PW, comment="同意",
            waivers=partial)
    assert svc.get_submission(people.legal, sub.id).current.findings[0].disposition is None  # rolled back
    result = svc.decide(people.legal, sub.id, approve=True, password=PW, comment="同意开播",
                        waivers={k: "已核实，有依据" for k in keys})
    assert (result.status, result.outcome, result.pending_departments) == ("approved", "approve", [])
    assert sorted(result.waived) == sorted(keys)
    view = svc.get_submission(people.auditor, sub.id)
    assert view.summary.status_label == "已通过" and view.current.outcome == "approved"
    assert all(f.disposition.kind == "waive" for f in view.current.findings if f.severity == "high")


def test_waiver_by_rule_id_and_false_positive_marks_resolve_and_must_fix_does_not(svc, people, sub):
    findings = [f for f in svc.get_submission(people.legal, sub.id).current.findings if f.severity == "high"]
    by_text = {f.text: f for f in findings}
    svc.set_disposition(people.legal, by_text["顶级"].id, "must_fix")
    svc.set_disposition(people.legal, by_text["全网最好"].id, "false_positive", "这里引用的是顾客原话并已标注")
    err = refused("open_high_findings", svc.decide, people.legal, sub.id, approve=True, password=PW, comment="同意")
    assert "顶级" in err.message and "全网最好" not in err.message
    result = svc.decide(people.legal, sub.id, approve=True, password=PW, comment="同意",
                        waivers={by_text["顶级"].rule: "品牌注册商标名称"})
    assert result.status == "approved" and by_text["顶级"].key in result.waived


def test_the_submitter_can_never_decide_on_their_own_submission(svc, people):
    own = svc.submit(people.legal, upload(SCRIPT_CLEAN), "法务自己提交")
    err = refused("own_submission", svc.decide, people.legal, own.id, approve=True, password=PW, comment="同意")
    assert "自己" in err.message
    f = svc.submit(people.legal, upload(SCRIPT_V1), "法务自己提交二")
    finding = svc.get_submission(people.legal, f.id).current.findings[0]
    refused("own_submission", svc.set_disposition, people.legal, finding.id, "waive", "理由")
    assert not svc.allowed(people.legal, own.id).decide


@pytest.mark.parametrize("who", ["planner2", "auditor", "admin"])
def test_roles_that_may_not_decide_are_refused(svc, people, who):
    clean = svc.submit(people.planner, upload(SCRIPT_CLEAN), "干净")
    refused("forbidden", svc.decide, getattr(people, who), clean.id, approve=True, password=PW, comment="同意")
    assert svc.get_submission(people.legal, clean.id).summary.status == "submitted"


def test_a_department_outside_the_joint_review_may_comment_but_not_mark_or_decide(svc, people, sub):
    refused("not_cosigner", svc.decide, people.ops, sub.id, approve=False, password=PW, comment="驳回")
    finding = svc.get_submission(people.ops, sub.id).current.findings[0]
    refused("not_cosigner", svc.set_disposition, people.ops, finding.id, "waive", "运营认为可以")
    refused("not_cosigner", svc.start_review, people.ops, sub.id)
    allowed = svc.allowed(people.ops, sub.id)
    assert "会签" in allowed.decide_reason and not allowed.disposition and allowed.comment
    svc.add_comment(people.ops, finding.version_id, "运营备注：该链接已下架")


def test_optional_co_signer_approval_waits_for_the_required_department(svc, people):
    clean = svc.submit(people.planner, upload(SCRIPT_CLEAN), "干净")
    r = svc.decide(people.market, clean.id, approve=True, password=PW, comment="会签同意")
    assert (r.status, r.pending_departments) == ("in_review", ["法务"])
    refused("already_decided", svc.decide, people.market, clean.id, approve=True, password=PW, comment="再次同意")
    assert [s.id for s in svc.review_queue(people.legal)] == [clean.id]
    assert svc.review_queue(people.market) == []
    r = svc.decide(people.legal, clean.id, approve=True, password=PW, comment="同意")
    assert r.status == "approved"
    refused("bad_state", svc.decide, people.service, clean.id, approve=True, password=PW, comment="晚到的会签")
    decisions = svc.get_submission(people.auditor, clean.id).current.decisions
    assert [(d.department, d.outcome_label) for d in decisions] == [("市场", "审核通过"), ("法务", "审核通过")]


def test_any_rejection_rejects(svc, people):
    clean = svc.submit(people.planner, upload(SCRIPT_CLEAN), "干净")
    r = svc.decide(people.service, clean.id, approve=False, password=PW, comment="促销规则容易让消费者误解")
    assert r.status == "rejected"
    refused("bad_state", svc.decide, people.legal, clean.id, approve=True, password=PW, comment="同意")
    refused("empty", svc.decide, people.legal, clean.id, approve=False, password=PW, comment="")


def test_required_departments_are_configurable(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    svc = make_service(tmp_path, config=ReviewConfig(required_departments=("法务", "市场"),
                                                     optional_departments=("客服",)))
    people = add_people(svc)
    clean = svc.submit(people.planner, upload(SCRIPT_CLEAN), "干净")
    assert svc.decide(people.legal, clean.id, approve=True, password=PW, comment="同意").status == "in_review"
    assert svc.decide(people.market, clean.id, approve=True, password=PW, comment="同意").status == "approved"
    for bad in ({"required_departments": ()}, {"required_departments": ("财务",)},
                {"required_departments": ("法务",), "optional_departments": ("法务",)}):
        with pytest.raises(WorkflowError):
            ReviewConfig(**bad)
    monkeypatch.setenv("REVIEW_REQUIRED_DEPARTMENTS", "法务，客服")
    monkeypatch.setenv("REVIEW_OPTIONAL_DEPARTMENTS", "")
    assert ReviewConfig.from_env() == ReviewConfig(("法务", "客服"), ())
    monkeypatch.delenv("REVIEW_OPTIONAL_DEPARTMENTS")
    assert ReviewConfig.from_env() == ReviewConfig(("法务", "客服"), ("市场",))


def test_config_is_snapshotted_per_submission(people, svc, sub):
    svc.config = ReviewConfig(required_departments=("法务", "市场"), optional_departments=())
    later = svc.submit(people.planner, upload(SCRIPT_CLEAN), "后来的")
    assert svc.get_submission(people.legal, sub.id).summary.required_departments == ["法务"]
    assert svc.get_submission(people.legal, later.id).summary.required_departments == ["法务", "市场"]


# ---------------------------------------------------------------- dispositions and comments
def test_disposition_refusals(svc, people, sub):
    finding = svc.get_submission(people.legal, sub.id).current.findings[0]
    refused("bad_kind", svc.set_disposition, people.legal, finding.id, "ignore")
    refused("empty", svc.set_disposition, people.legal, finding.id, "waive")
    refused("empty", svc.set_disposition, people.legal, finding.id, "false_positive", " ")
    refused("forbidden", svc.set_disposition, people.planner, finding.id, "waive", "理由")
    refused("forbidden", svc.set_disposition, people.auditor, finding.id, "must_fix")
    refused("not_found", svc.set_disposition, people.legal, 99999, "must_fix")
    mark = svc.set_disposition(people.legal, finding.id, "must_fix")
    assert mark.kind_label == "必须修改" and mark.department == "法务"
    assert svc.get_submission(people.legal, sub.id).summary.status == "in_review"  # first act opens the review
    svc.set_disposition(people.market, finding.id, "waive", "市场认为可接受")
    f = svc.get_submission(people.legal, sub.id).current.findings[0]
    assert f.disposition.kind == "waive" and [h.kind for h in f.history] == ["must_fix", "waive"]


def test_dispositions_only_on_the_current_version_of_an_open_submission(svc, people, sub):
    old = svc.get_submission(people.legal, sub.id).current.findings[0]
    svc.submit(people.planner, upload(SCRIPT_V1), "第二版", supersedes=sub.id)
    refused("superseded", svc.set_disposition, people.legal, old.id, "must_fix")
    svc.decide(people.legal, sub.id, approve=False, password=PW, comment="请修改")
    current = svc.get_submission(people.legal, sub.id).current.findings[0]
    refused("bad_state", svc.set_disposition, people.legal, current.id, "must_fix")


def test_comments_quote_the_exact_passage(svc, people, sub):
    version = svc.get_submission(people.legal, sub.id).current
    text = version.documents[0].text
    start = text.index("顶级")
    c = svc.add_comment(people.legal, version.id, "请改为可证实的表述", document="脚本.txt", start=start, end=start + 4)
    assert c.quote == text[start:start + 4] == "顶级品质"
    finding = next(f for f in version.findings if f.text == "全网最好")
    c2 = svc.add_comment(people.market, version.id, "营销上也不建议", finding_id=finding.id)
    assert (c2.quote, c2.start, c2.document) == ("全网最好", finding.start, "脚本.txt")
    general = svc.add_comment(people.planner, version.id, "已按意见修改中")
    assert general.quote == "" and general.document == ""
    view = svc.get_submission(people.planner, sub.id).current
    assert [c.body for c in view.comments] == ["请改为可证实的表述", "营销上也不建议", "已按意见修改中"]
    assert svc.get_submission(people.legal, sub.id).summary.status == "in_review"


def test_comment_refusals(svc, people, sub):
    version = svc.get_submission(people.legal, sub.id).current
    n = len(version.documents[0].text)
    refused("bad_quote", svc.add_comment, people.legal, version.id, "越界", document="脚本.txt", start=5, end=n + 1)
    refused("bad_quote", svc.add_comment, people.legal, version.id, "反了", document="脚本.txt", start=5, end=5)
    refused("bad_quote", svc.add_comment, people.legal, version.id, "无文件", start=1, end=2)
    refused("not_found", svc.add_comment, people.legal, version.id, "无此文件", document="x.txt", start=0, end=1)
    refused("empty", svc.add_comment, people.legal, version.id, "  ")
    refused("forbidden", svc.add_comment, people.auditor, version.id, "审计员")
    refused("forbidden", svc.add_comment, people.planner2, version.id, "别人的提交")
    refused("not_found", svc.add_comment, people.legal, 999, "没有这个版本")
    refused("not_found", svc.add_comment, people.legal, version.id, "别的问题", finding_id=999999)


# ---------------------------------------------------------------- versions
def test_resubmission_after_rejection_starts_a_new_round(svc, people, sub):
    svc.decide(people.legal, sub.id, approve=False, password=PW, comment="请删除极限词")
    r2 = svc.submit(people.planner, upload(SCRIPT_CLEAN), "面霜专场（修改）", supersedes=sub.id)
    assert (r2.id, r2.version, r2.status) == (sub.id, 2, "submitted")
    view = svc.get_submission(people.legal, sub.id)
    assert [(v.number, v.outcome) for v in view.versions] == [(1, "rejected"), (2, None)]
    assert view.current.predecessor_number == 1 and view.current.decisions == []
    assert view.summary.pending_departments == ["法务"] and view.summary.title == "面霜专场（修改）"
    assert svc.decide(people.legal, sub.id, approve=True, password=PW, comment="已修改，同意").status == "approved"
    r3 = svc.submit(people.planner, upload(SCRIPT_CLEAN + "主播：补充一句。\n"), "开播前又改了", supersedes=sub.id)
    assert (r3.version, r3.status) == (3, "submitted")  # a changed script after approval is reviewed again
    first = svc.get_submission(people.legal, sub.id, version=1).current
    assert first.number == 1 and first.outcome == "rejected"


def test_resubmission_while_in_review_supersedes_the_open_version(svc, people, sub):
    svc.start_review(people.legal, sub.id)
    svc.submit(people.planner, upload(SCRIPT_V1), "第二版", supersedes=sub.id)
    view = svc.get_submission(people.legal, sub.id)
    assert view.summary.status == "submitted" and [v.outcome for v in view.versions] == ["superseded", None]


def test_findings_diff_matches_by_rule_quote_and_document_not_offsets(svc, people, sub):
    # v2: a new first line shifts every offset; 全网最好 is fixed, 顶级 stays, 国家级 is new
    v2_text = "\n".join(["直播日期：2026-12-05", "主播：先说下发货时间，今晚下单明天发。", CLEAN, HIGH_B, HIGH_C, ""])
    svc.submit(people.planner, upload(v2_text), "第二版", supersedes=sub.id)
    diff = svc.version_diff(people.legal, sub.id)
    assert (diff.old_number, diff.new_number) == (1, 2)
    texts = lambda fs: {f.text for f in fs if f.category == "absolute_claim"}  # noqa: E731
    assert texts(diff.fixed) == {"全网最好"}
    assert {p.new.text for p in diff.still_open if p.new.category == "absolute_claim"} == {"顶级"}
    assert texts(diff.new) == {"国家级"}
    pair = next(p for p in diff.still_open if p.new.text == "顶级")
    assert pair.old.start != pair.new.start and pair.old.key == pair.new.key  # same key across versions
    [doc] = diff.documents
    assert doc.status == "changed" and doc.old_name == "脚本.txt"
    ops = {(line.op, line.text) for line in doc.lines}
    assert ("delete", HIGH_A) in ops and ("insert", HIGH_C) in ops and ("equal", HIGH_B) in ops
    assert f"-{HIGH_A}" in doc.unified and f"+{HIGH_C}" in doc.unified


def test_text_diff_pairs_a_renamed_document_and_lists_added_and_removed(svc, people):
    first = svc.submit(people.planner, upload(SCRIPT_V1, "脚本v1.txt"), "改名")
    svc.submit(people.planner, upload(SCRIPT_V1, "脚本v2.txt"), "改名", supersedes=first.id)
    diff = svc.version_diff(people.legal, first.id)
    assert [(d.name, d.old_name, d.status) for d in diff.documents] == [("脚本v2.txt", "脚本v1.txt", "unchanged")]
    assert diff.fixed == [] and diff.new == [] and diff.still_open
    refused("no_predecessor", svc.version_diff, people.legal, svc.submit(people.planner, upload(SCRIPT_V1), "单").id)


# ---------------------------------------------------------------- reads and permissions
def test_visibility_queue_and_allowed_actions(svc, people, sub):
    other = svc.submit(people.planner2, upload(SCRIPT_CLEAN), "别人的")
    assert [s.id for s in svc.list_submissions(people.planner)] == [sub.id]
    assert {s.id for s in svc.list_submissions(people.legal)} == {sub.id, other.id}
    assert [s.id for s in svc.list_submissions(people.legal, mine=True)] == []
    assert [s.id for s in svc.list_submissions(people.auditor, statuses=["submitted"])] == [other.id, sub.id]
    refused("forbidden", svc.get_submission, people.planner, other.id)
    refused("forbidden", svc.review_queue, people.planner)
    refused("not_found", svc.get_submission, people.legal, 999)
    assert [s.id for s in svc.review_queue(people.legal)] == [sub.id, other.id]
    assert svc.review_queue(people.ops) == []
    assert len(svc.review_queue(people.auditor)) == 2
    a = svc.allowed(people.legal, sub.id)
    assert a.decide and a.disposition and a.comment and not a.resubmit
    p = svc.allowed(people.planner, sub.id)
    assert p.resubmit and p.comment and not p.decide and not p.disposition and p.decide_reason
    au = svc.allowed(people.auditor, sub.id)
    assert au.view and not (au.comment or au.decide or au.disposition or au.resubmit)
    assert not svc.allowed(people.planner2, sub.id).view


def test_a_deactivated_user_loses_access_at_once(svc, people, sub):
    refused("forbidden", svc.set_user_active, people.planner, "legal", False)
    svc.set_user_active(people.admin, "legal", False)
    refused("inactive", svc.get_submission, people.legal, sub.id)
    refused("inactive", svc.login, "legal", PASSWORD)
    refused("self", svc.set_user_active, people.admin, "admin", False)
    svc.set_user_active(None, "legal", True)
    assert svc.login("legal", PASSWORD).name == "legal"


def test_users_roles_and_departments(svc, people):
    refused("exists", svc.add_user, None, "legal", "reviewer", PASSWORD, department="法务")
    refused("bad_department", svc.add_user, None, "r2", "reviewer", PASSWORD)
    refused("bad_department", svc.add_user, None, "r3", "reviewer", PASSWORD, department="财务")
    refused("bad_department", svc.add_user, None, "p3", "planner", PASSWORD, department="法务")
    refused("bad_role", svc.add_user, None, "x", "superuser", PASSWORD)
    refused("bad_name", svc.add_user, None, "two words", "planner", PASSWORD)
    refused("weak_password", svc.add_user, None, "short", "planner", "1234567")
    refused("forbidden", svc.add_user, people.legal, "new", "planner", PASSWORD)
    made = svc.add_user(people.admin, "新策划", "策划", PASSWORD)
    assert made.role == "planner" and made.role_label == "策划"
    assert people.legal.role_label == "审核员（法务）"
    refused("forbidden", svc.list_users, people.planner)
    assert len(svc.list_users(people.auditor)) == 9


def test_login_audits_success_and_failure_and_never_says_which_part_was_wrong(svc, people):
    assert svc.login("legal", PASSWORD).department == "法务"
    wrong = refused("bad_credentials", svc.login, "legal", "wrong password")
    unknown = refused("bad_credentials", svc.login, "nobody", PASSWORD)
    assert wrong.message == unknown.message
    with svc.db.read() as s:
        rows = s.execute(select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(3)).all()
    assert rows[::-1] == [("legal", "login"), ("legal", "login_failed"), ("nobody", "login_failed")]
    other = svc.login("market", PASSWORD)
    refused("forbidden", svc.reauthenticate, None, PASSWORD)
    assert svc.reauthenticate(other, PASSWORD).id == other.id
    refused("bad_credentials", svc.reauthenticate, other, "wrong password")


def test_password_change_and_hashing(svc, people):
    refused("bad_password", svc.set_password, people.legal, "legal", "new password 1", old_password="nope")
    svc.set_password(people.legal, "legal", "new password 1", old_password=PASSWORD)
    assert svc.login("legal", "new password 1")
    refused("forbidden", svc.set_password, people.legal, "market", "new password 2")
    svc.set_password(people.admin, "market", "new password 2")
    assert svc.login("market", "new password 2")
    h = hash_password("another password")
    assert h.startswith("$argon2id$") and verify_password(h, "another password") and not verify_password(h, "x")
    assert not verify_password("not a hash", "x")
    assert production_hasher.memory_cost >= 19 * 1024 and production_hasher.time_cost >= 2


def test_document_bytes_permissions(svc, people, sub):
    version = svc.get_submission(people.planner, sub.id).current
    assert svc.document_bytes(people.planner, version.id, "脚本.txt") == SCRIPT_V1.encode()
    refused("forbidden", svc.document_bytes, people.planner2, version.id, "脚本.txt")
    refused("not_found", svc.document_bytes, people.legal, version.id, "other.txt")


# ---------------------------------------------------------------- statistics
def _backdate(svc, sub_id: int, submitted: dt.datetime, decided: dt.datetime | None = None) -> None:
    with svc.db.write() as s:
        s.execute(update(Version).where(Version.submission_id == sub_id)
                  .values(submitted_at=submitted, created_at=submitted, decided_at=decided))


def test_dashboard_statistics_and_filters(svc, people):
    a = svc.submit(people.planner, upload(SCRIPT_V1), "A", products=["cosmetics"])
    b = svc.submit(people.planner2, upload(SCRIPT_V1), "B", products=["food"])
    c = svc.submit(people.planner, upload(SCRIPT_CLEAN), "C")
    svc.submit(people.planner, upload(SCRIPT_V1), "草稿不计", draft=True)
    fa = {f.text: f for f in svc.get_submission(people.legal, a.id).current.findings}
    svc.set_disposition(people.legal, fa["全网最好"].id, "false_positive", "引用的是第三方评测原话")
    svc.decide(people.legal, a.id, approve=True, password=PW, comment="同意", waivers={fa["顶级"].key: "注册商标名"})
    svc.decide(people.legal, b.id, approve=False, password=PW, comment="驳回")
    svc.decide(people.legal, c.id, approve=True, password=PW, comment="同意")
    t0 = dt.datetime(2026, 11, 2, 2, 0, tzinfo=dt.UTC)
    _backdate(svc, a.id, t0, t0 + dt.timedelta(hours=5))
    _backdate(svc, b.id, t0 + dt.timedelta(days=7), t0 + dt.timedelta(days=7, hours=1))
    _backdate(svc, c.id, t0 + dt.timedelta(days=7), t0 + dt.timedelta(days=7, hours=3))

    d = svc.dashboard(people.auditor)
    assert len(d.versions) == 3  # the draft does not count
    top = d.top_rules.set_index("rule")
    assert top.loc[fa["全网最好"].rule, "count"] >= 2 and top.loc[fa["全网最好"].rule, "submissions"] == 2
    fp = d.most_false_positive.set_index("rule")
    assert fp.loc[fa["全网最好"].rule, "count"] == 1
    assert fp.loc[fa["全网最好"].rule, "reasons"] == ["引用的是第三方评测原话"]
    assert d.most_waived.set_index("rule").loc[fa["顶级"].rule, "count"] == 1
    assert d.rejection_rate == pytest.approx(1 / 3)
    assert d.median_hours_to_decision == pytest.approx(3.0)
    assert sorted(d.time_to_decision["hours"].round(3)) == [1.0, 3.0, 5.0]
    weekly = d.by_category_severity
    assert set(weekly["severity"]) >= {"high"} and weekly["count"].sum() == len(d.findings)
    assert len(set(weekly["period"])) == 2
    assert list(d.rejections["rejected"]) == [0, 1]

    assert set(svc.dashboard(people.legal, StatsFilter(planner="planner2")).versions["submission_id"]) == {b.id}
    assert set(svc.dashboard(people.legal, StatsFilter(product="cosmetics")).versions["submission_id"]) == {a.id}
    days = StatsFilter(start=dt.date(2026, 11, 9), end=dt.date(2026, 11, 9))
    assert set(svc.dashboard(people.legal, days).versions["submission_id"]) == {b.id, c.id}
    mine = svc.dashboard(people.planner, StatsFilter(planner="planner2"))  # planners see only their own
    assert set(mine.versions["submission_id"]) == {a.id, c.id}
    fp_rules = svc.false_positive_rules(people.legal)
    assert list(fp_rules["rule"]) == [fa["全网最好"].rule]
    assert svc.false_positive_rules(people.planner2).empty  # planners: only their own submissions
    empty = svc.dashboard(people.legal, StatsFilter(start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 2)))
    assert empty.versions.empty and empty.top_rules.empty and empty.rejection_rate is None
    assert empty.median_hours_to_decision is None and empty.by_category_severity.empty


def test_no_write_happens_on_reads(svc, people, sub):
    before = table_counts(svc)
    svc.get_submission(people.legal, sub.id)
    svc.list_submissions(people.legal)
    svc.review_queue(people.legal)
    svc.allowed(people.legal, sub.id)
    svc.dashboard(people.legal)
    assert table_counts(svc) == before


def test_repeated_wrong_passwords_lock_the_name_for_a_while(svc, people):
    for _ in range(5):
        with pytest.raises(WorkflowError) as err:
            svc.login("legal", "guessing")
        assert err.value.code == "bad_credentials"
    with pytest.raises(WorkflowError) as err:
        svc.login("legal", PASSWORD)  # even the right password waits out the window
    assert err.value.code == "locked" and "分钟后再试" in err.value.message
    assert svc.login("market", PASSWORD).name == "market"  # other names are not affected
    assert [e["action"] for e in svc.audit_entries()][-2:] == ["login_locked", "login"]
