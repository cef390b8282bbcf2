"""Every page of the workflow app with streamlit.testing.v1.AppTest, as each role would use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from review.workflow import get_service, reset_service
from tests.wf_support import PASSWORD, SCRIPT_CLEAN, SCRIPT_V1, cheap_hasher, upload

ROOT = Path(__file__).resolve().parent.parent
PAGE_APP = str(ROOT / "tests" / "apps" / "page_app.py")
APP = str(ROOT / "app.py")
SAMPLE = ROOT / "sample_scripts" / "01_面霜_直播脚本.txt"


@pytest.fixture
def svc(tmp_path, monkeypatch):
    cheap_hasher(monkeypatch)
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("REVIEW_DB_URL", raising=False)
    reset_service()
    service = get_service()
    for name, role, dep in (("planner", "planner", None), ("legal", "reviewer", "法务"),
                            ("market", "reviewer", "市场"), ("auditor", "auditor", None), ("admin", "admin", None)):
        service.add_user(None, name, role, PASSWORD, department=dep, display_name=name.upper())
    yield service
    reset_service()


def page(svc, module: str, user: str | None, func: str = "render") -> AppTest:
    at = AppTest.from_file(PAGE_APP, default_timeout=90)
    at.session_state["_page"] = f"review.ui.{module}:{func}"
    if user:
        at.session_state["auth_user"] = svc.act_as(user)
    return at.run()


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption] + [e.value for e in at.error]
    parts += [s.value for s in at.success] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(parts)


# ----------------------------------------------------------------------------------------- login
def test_login_with_wrong_then_right_password(svc):
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception and at.title[0].value == "登录"
    at.text_input(key="login_name").input("legal")
    at.text_input(key="login_password").input("wrong")
    at.button[0].click().run()
    assert "用户名或密码不正确" in texts(at) and "auth_user" not in at.session_state
    at.text_input(key="login_name").input("legal")
    at.text_input(key="login_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and at.session_state["auth_user"].name == "legal"
    assert at.title[0].value == "审核队列"  # a reviewer lands on the queue
    assert [e["action"] for e in svc.audit_entries()][-2:] == ["login_failed", "login"]


def test_pages_need_a_login(svc):
    for module, func in (("submit_page", "render"), ("detail_page", "render"), ("lists_page", "render_queue"),
                         ("dashboard_page", "render"), ("audit_page", "render")):
        at = page(svc, module, None, func)
        assert not at.exception and "请先在「登录」页登录" in texts(at)


# ---------------------------------------------------------------------------------------- submit
def test_planner_submits_a_sample(svc):
    at = page(svc, "submit_page", "planner")
    at.text_input(key="submit_title").input("面霜专场")
    at.text_input(key="submit_room").input("美妆1号间")
    at.text_input(key="submit_hosts").input("小雨、阿杰")
    at.file_uploader(key="submit_files").upload(SAMPLE.name, SAMPLE.read_bytes(), "text/plain")
    at.button[0].click().run()
    assert not at.exception
    assert "已提交：编号 1，第 1 版" in texts(at)
    mine = svc.list_submissions(svc.act_as("planner"), mine=True)
    assert len(mine) == 1 and mine[0].high > 0
    view = svc.get_submission(svc.act_as("legal"), mine[0].id).current
    assert view.room == "美妆1号间" and view.hosts == ["小雨", "阿杰"]


def test_submit_refuses_without_title_and_bad_files(svc):
    at = page(svc, "submit_page", "planner")
    at.file_uploader(key="submit_files").upload("坏文件.docx", b"not a zip at all", "application/octet-stream")
    at.button[0].click().run()
    assert "请填写标题" in texts(at)
    at.text_input(key="submit_title").input("坏文件")
    at.button[0].click().run()
    assert not at.exception and "本次提交未保存任何内容" in texts(at)
    assert svc.list_submissions(svc.act_as("planner")) == []


def test_auditor_cannot_submit(svc):
    at = page(svc, "submit_page", "auditor")
    assert "只读角色" in texts(at)


# ------------------------------------------------------------------------------------ lists
def test_my_submissions_and_queue(svc):
    sub = svc.submit(svc.act_as("planner"), upload(SCRIPT_V1), "面霜专场")
    at = page(svc, "lists_page", "planner", "render_mine")
    assert list(at.dataframe[0].value["标题"]) == ["面霜专场"]
    at = page(svc, "lists_page", "legal", "render_queue")
    assert list(at.dataframe[0].value["编号"]) == [sub.id]
    own = svc.submit(svc.act_as("legal"), upload(SCRIPT_CLEAN), "法务自己的")
    at = page(svc, "lists_page", "legal", "render_queue")
    assert own.id not in list(at.dataframe[0].value["编号"])  # never review your own submission
    at = page(svc, "lists_page", "planner", "render_queue")
    assert "策划没有审核队列" in texts(at)


# ------------------------------------------------------------------------------------ detail
@pytest.fixture
def submitted(svc):
    return svc.submit(svc.act_as("planner"), upload(SCRIPT_V1), "面霜专场")


def _detail(svc, user, sub_id):
    at = AppTest.from_file(PAGE_APP, default_timeout=90)
    at.session_state["_page"] = "review.ui.detail_page:render"
    at.session_state["auth_user"] = svc.act_as(user)
    at.session_state["detail_id"] = sub_id
    return at.run()


def test_detail_shows_findings_with_filters(svc, submitted):
    at = _detail(svc, "legal", submitted.id)
    assert not at.exception
    body = texts(at)
    assert "全网最好" in body and "修改建议" in body and "不能审核通过" in body
    def cards():
        return [m.value for m in at.markdown if "规则 " in m.value and "**位置**" in m.value]

    everything = cards()
    at.multiselect(key=f"f{submitted.version_id}_s").select("high").run()
    highs = cards()
    assert highs and all(c.startswith(":red-badge") for c in highs) and len(highs) <= len(everything)
    at.checkbox(key=f"f{submitted.version_id}_open").check().run()
    assert len(cards()) == len(highs)  # nothing waived yet: every high is still open


def test_reviewer_waives_with_reason_and_approves_with_signature(svc, submitted):
    at = _detail(svc, "legal", submitted.id)
    highs = [f for f in svc.get_submission(svc.act_as("legal"), submitted.id).current.findings
             if f.severity == "high"]
    for f in highs:
        at.radio(key=f"disp_kind_{f.id}").set_value("waive")
        at.text_input(key=f"disp_reason_{f.id}").input("")
        at.button(key=f"FormSubmitter:disp_{f.id}-保存处置").click().run()
        assert "理由" in texts(at)  # a waiver needs a reason
        at.radio(key=f"disp_kind_{f.id}").set_value("waive")
        at.text_input(key=f"disp_reason_{f.id}").input("已取得第三方评测报告")
        at.button(key=f"FormSubmitter:disp_{f.id}-保存处置").click().run()
        assert not at.exception
    at.radio(key="decide_outcome").set_value("approve")
    at.text_area(key="decide_comment").input("同意开播")
    at.text_input(key="decide_password_0").input("wrong password")
    at.button(key=f"FormSubmitter:decide_{submitted.version_id}-签名并提交决定").click().run()
    assert "用户名或密码不正确" in texts(at)
    # the typed password is never kept for the next attempt: a signature always needs it typed again
    assert [t.value for t in at.text_input if t.key.startswith("decide_password")] == [""]
    assert at.text_area(key="decide_comment").value == "同意开播"
    at.text_input(key="decide_password_1").input(PASSWORD)
    at.button(key=f"FormSubmitter:decide_{submitted.version_id}-签名并提交决定").click().run()
    assert not at.exception
    summary = svc.get_submission(svc.act_as("legal"), submitted.id).summary
    assert summary.status == "approved"


def test_planner_sees_no_decision_form_and_can_comment(svc, submitted):
    at = _detail(svc, "planner", submitted.id)
    assert not at.exception
    assert not [b for b in at.button if "签名并提交决定" in str(b.label)]
    key = f"cb_{submitted.version_id}_"
    area = next(t for t in at.text_area if t.key.startswith(key))
    quote = next(t for t in at.text_input if t.key.startswith("cq_"))
    quote.input("全网最好")
    area.input("这里会改成「很受欢迎」")
    next(b for b in at.button if "发表评论" in str(b.label)).click().run()
    assert not at.exception
    comments = svc.get_submission(svc.act_as("legal"), submitted.id).current.comments
    assert comments and comments[0].quote == "全网最好"


def test_version_diff_tab(svc, submitted):
    planner = svc.act_as("planner")
    svc.submit(planner, upload(SCRIPT_CLEAN), "面霜专场（修改）", supersedes=submitted.id)
    at = _detail(svc, "legal", submitted.id)
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert "已修复" in labels and "新增" in labels
    fixed = next(m for m in at.metric if m.label == "已修复")
    assert int(fixed.value) >= 2


def test_user_text_is_never_rendered_as_markup(svc):
    nasty = "直播日期：2026-12-05\n主播：<script>alert(1)</script> **全网最好** :red[危险]\n"
    sub = svc.submit(svc.act_as("planner"), upload(nasty, name="[x](http://e).txt"), "<b>标题</b>")
    at = _detail(svc, "legal", sub.id)
    assert not at.exception
    body = "\n".join(m.value for m in at.markdown)
    assert "<script>" not in body and "\\<script\\>" in body and ":red[" not in body


# ------------------------------------------------------------------------------ dashboard etc.
def test_dashboard_and_reports(svc, submitted):
    legal = svc.act_as("legal")
    svc.decide(legal, submitted.id, approve=False, comment="请修改", password=PASSWORD)
    at = page(svc, "dashboard_page", "admin")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["已提交版本"] == "1" and metrics["驳回率"] == "100%"
    at = page(svc, "dashboard_page", "planner")
    assert not at.exception and "策划只能看到自己提交的统计" in texts(at)


def test_report_download_from_detail(svc, submitted):
    svc.decide(svc.act_as("legal"), submitted.id, approve=False, comment="请修改", password=PASSWORD)
    at = _detail(svc, "auditor", submitted.id)
    at.button(key=f"gen_report_{submitted.id}_1_pdf").click().run()
    assert not at.exception and f"report_{submitted.id}_1_pdf" in at.session_state
    assert at.session_state[f"report_{submitted.id}_1_pdf"][:4] == b"%PDF"


def test_audit_page_verifies_chain_and_report(svc, submitted):
    svc.decide(svc.act_as("legal"), submitted.id, approve=False, comment="请修改", password=PASSWORD)
    data = svc.export_report(None, submitted.id, "json")
    at = page(svc, "audit_page", "auditor")
    at.button(key="chain_btn").click().run()
    assert "哈希链完整" in texts(at)
    at.file_uploader(key="verify_upload").upload("report.json", data, "application/json").run()
    at.button(key="verify_btn").click().run()
    assert not at.exception and "核验通过" in texts(at)
    at.file_uploader(key="verify_upload").upload("report.json", data.replace("请修改".encode(), "同意".encode()),
                                                 "application/json").run()
    at.button(key="verify_btn").click().run()
    assert "核验未通过" in texts(at)
    at = page(svc, "audit_page", "planner")
    at.button(key="chain_btn").click().run()
    assert not at.exception and "核验" not in "".join(s.value for s in at.success)


def test_admin_adds_a_user_and_planner_is_refused(svc):
    at = page(svc, "users_page", "admin")
    at.text_input(key="nu_name").input("newbie")
    at.selectbox(key="nu_role").set_value("planner")
    at.text_input(key="nu_password").input("a long enough password")
    at.button[0].click().run()
    assert not at.exception
    assert "newbie" in [u.name for u in svc.list_users(None)]
    at = page(svc, "users_page", "planner")
    assert at.error and not at.dataframe


def test_rules_page_from_the_navigation(svc):
    at = page(svc, "rules_page", "planner")
    assert not at.exception and len(at.dataframe[0].value) > 20
