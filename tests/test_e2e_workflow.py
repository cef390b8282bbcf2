"""End to end in headless Chromium: a planner submits a script, a legal reviewer waives its one high finding
with a reason and approves with an electronic signature (the password is asked again).

Also what a person meets on the way: approving too early is refused as a message and the password box is
emptied for the next try; the filled upload form is not left for a second click; links to pages behind the
login ask for it there (and tell a planner in Chinese that the queue is not theirs); a browser refresh,
which starts a new session, comes back to the same submission after the login.

Two browser contexts are two people on two machines. Users are created in a temporary REVIEW_HOME before
the server starts; the final state is then read back through the service (status, signed decision, the
waiver, the audit trail and its hash chain, a verified report). Screenshots of the steps land in
tests/artifacts/workflow_*.png (gitignored) for a human look. Skipped without /usr/bin/chromium or
playwright (see tests/e2e_support.py).
"""

from __future__ import annotations

import re
from contextlib import contextmanager, suppress

import pytest

from review.store.blobs import BlobStore
from review.store.db import open_database
from review.workflow import ReviewService
from tests.e2e_support import ARTIFACTS, ROOT, chromium, full_page_screenshot, require_browser, streamlit_server

pytestmark = pytest.mark.e2e

PASSWORD = "e2e only: throw-away database"  # never used outside the temporary REVIEW_HOME
PLANNER = ("zhang_e2e", "张策划")
REVIEWER = ("li_e2e", "李法务")
TITLE = "12月5日 保湿面霜专场"
OTHER = ROOT / "sample_scripts" / "05_clean_茶叶_脚本.txt"
FILE_NAME = "面霜直播脚本.txt"
# A real host's patter with exactly one high finding (顶级, AD-ABS-007) and one document-level medium
# (no minor-protection label), so waiving the one high finding is what unblocks approval.
SCRIPT = """暖阳美妆 秋冬保湿面霜专场直播脚本
直播日期：2026-12-05
直播间：暖阳美妆官方旗舰店
主播：小棠
[00:00:10] 主播小棠：家人们晚上好，欢迎来到暖阳美妆直播间，我是小棠。
[00:01:00] 主播小棠：今天给大家带来这款保湿面霜，用的是顶级的原料，质地轻薄，上脸很快就吸收了。
[00:02:00] 主播小棠：秋冬皮肤容易干，早晚洁面后取黄豆大小，均匀涂抹在脸上就可以。
[00:03:00] 主播小棠：直播间到手价129元，下单还送同款小样两支，数量以页面为准。
[00:04:00] 主播小棠：未拆封支持7天无理由退货，有问题随时在评论区问我。
"""
HIGH_QUOTE = "顶级"
WAIVE_REASON = "“顶级”是供应商原料分级的名称，已核对供应商出具的分级证明，同意保留"
DECISION_COMMENT = "原料等级有证明，其余表述合规，同意开播。"
TIMEOUT = 20_000  # ms for one step (a check with jieba warm-up, an argon2 verification, a signature)


def _service(home) -> ReviewService:
    """A service on the same SQLite file and blob folder the server will use (REVIEW_HOME=home)."""
    return ReviewService(db=open_database(f"sqlite:///{home / 'review.sqlite3'}"), blobs=BlobStore(home / "blobs"))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """(base url, server log, service) with a planner and a 法务 reviewer already registered."""
    require_browser()
    tmp = tmp_path_factory.mktemp("e2e_workflow")
    home = tmp / "data"
    svc = _service(home)
    svc.add_user(None, PLANNER[0], "planner", PASSWORD, display_name=PLANNER[1])
    svc.add_user(None, REVIEWER[0], "reviewer", PASSWORD, department="法务", display_name=REVIEWER[1])
    try:
        with streamlit_server(tmp, home) as (url, log):
            yield url, log, svc
    finally:
        svc.db.engine.dispose()


@pytest.fixture(scope="module")
def browser(stack):
    with chromium() as b:
        yield b


def _log_in(page, name: str, shot: str | None = None) -> None:
    """Fill and send the login form on the current page; wait until the sidebar names the user."""
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("密码", exact=True).press("Tab")
    if shot:
        full_page_screenshot(page, ARTIFACTS / shot)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text(f"{dict([PLANNER, REVIEWER])[name]} · ").first.wait_for(timeout=TIMEOUT)  # sidebar: who


@contextmanager
def _person(browser, failure_shot: str):
    """A page in its own browser context (one person at their own machine); a screenshot if a step fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    try:
        yield page
    except Exception:
        with suppress(Exception):  # the step's own error is the one to report
            full_page_screenshot(page, ARTIFACTS / failure_shot)
        raise
    finally:
        context.close()


def _planner_submits(page, url: str, script_path) -> int:
    from playwright.sync_api import expect

    page.goto(url)
    _log_in(page, PLANNER[0], shot="workflow_1_login.png")
    page.get_by_role("heading", name="提交审核").wait_for(timeout=TIMEOUT)
    page.locator("input[type=file]").first.set_input_files(str(script_path))
    page.get_by_text(FILE_NAME).first.wait_for(timeout=TIMEOUT)
    page.get_by_label("标题").fill(TITLE)
    page.get_by_label("直播间").fill("暖阳美妆官方旗舰店")
    page.get_by_label("主播（多人用顿号或逗号分隔）").fill("小棠")
    page.get_by_label("主播（多人用顿号或逗号分隔）").press("Tab")
    page.get_by_role("button", name="提交并自动审核").click()
    done = page.get_by_text(re.compile(r"已提交：编号 \d+，第 1 版"))
    done.wait_for(timeout=TIMEOUT)
    assert "不通过（高 1，中 1，低 0）" in done.inner_text()
    expect(page.get_by_role("button", name="提交并自动审核")).to_have_count(0)  # no accidental second copy
    full_page_screenshot(page, ARTIFACTS / "workflow_2_submitted.png")
    sid = int(re.search(r"编号 (\d+)", done.inner_text()).group(1))
    page.get_by_role("button", name="继续提交新内容").click()
    expect(page.get_by_label("标题")).to_have_value("", timeout=TIMEOUT)  # a fresh, empty form

    # A link to a reviewers' page: log in there, be told in Chinese that it is not for planners, go home.
    page.goto(url + "queue")
    _log_in(page, PLANNER[0])
    page.get_by_text("「审核队列」不对策划开放。").wait_for(timeout=TIMEOUT)
    page.get_by_role("link", name="回到首页").click()
    page.get_by_role("heading", name="提交审核").wait_for(timeout=TIMEOUT)
    return sid


def _finding_card(page, quote: str):
    """The bordered container of the finding whose highlighted quote is `quote`."""
    return (page.locator("[data-testid=stVerticalBlock]")
            .filter(has=page.locator("strong", has_text=quote))
            .filter(has=page.get_by_text("处置此问题")).last)


def _sign(page, approve_comment: str) -> None:
    """Fill the decision form (approve, comment, password again) and submit it."""
    tab = page.get_by_role("tabpanel", name="审核决定与报告")
    tab.get_by_text("审核通过", exact=True).click()
    tab.get_by_label("审核意见").fill(approve_comment)
    tab.get_by_label("审核意见").press("Tab")  # not Ctrl+Enter: in a form that would submit it
    tab.get_by_label("密码（签名确认）").fill(PASSWORD)
    tab.get_by_label("密码（签名确认）").press("Tab")
    tab.get_by_role("button", name="签名并提交决定").click()


def _reviewer_waives_and_approves(page, url: str, sid: int) -> None:
    from playwright.sync_api import expect

    # A bookmarked page asks for the login in place, then shows that page.
    page.goto(url + "queue")
    page.get_by_text("请先登录，登录后显示「审核队列」。").wait_for(timeout=TIMEOUT)
    _log_in(page, REVIEWER[0], shot="workflow_3_login_in_place.png")
    expect(page.get_by_role("combobox", name="选择提交")).to_have_value(f"#{sid} {TITLE}（已提交，第1版）",
                                                                         timeout=TIMEOUT)
    full_page_screenshot(page, ARTIFACTS / "workflow_4_queue.png")
    page.get_by_role("button", name="打开", exact=True).click()
    page.get_by_role("heading", name="审核详情").wait_for(timeout=TIMEOUT)
    blocked = page.get_by_text("有 1 个高风险问题既未修改也未说明理由豁免")
    blocked.wait_for(timeout=TIMEOUT)

    # Approving first is refused, as a message: the high finding is still open.
    page.get_by_role("tab", name="审核决定与报告").click()
    _sign(page, DECISION_COMMENT)
    page.get_by_text("仍有高风险问题既未修改也未说明理由豁免，不能通过").wait_for(timeout=TIMEOUT)
    expect(page.get_by_label("密码（签名确认）")).to_have_value("")  # a retry needs the password typed again
    expect(page.get_by_label("审核意见")).to_have_value(DECISION_COMMENT)  # but keeps the comment
    full_page_screenshot(page, ARTIFACTS / "workflow_5_refused.png")

    # Waive the finding with a reason in its 处置此问题 form.
    page.get_by_role("tab", name="问题清单").click()
    card = _finding_card(page, HIGH_QUOTE)
    card.get_by_text("处置此问题").click()
    card.get_by_text("豁免", exact=True).click()
    card.get_by_label("理由（豁免、误报必填）").fill(WAIVE_REASON)
    card.get_by_label("理由（豁免、误报必填）").press("Tab")
    full_page_screenshot(page, ARTIFACTS / "workflow_6_waiving.png")
    card.get_by_role("button", name="保存处置").click()
    page.get_by_text(f"处置：豁免（理由：{WAIVE_REASON}）").wait_for(timeout=TIMEOUT)
    blocked.wait_for(state="detached", timeout=TIMEOUT)
    full_page_screenshot(page, ARTIFACTS / "workflow_7_waived.png")

    # Approve again: now it is signed and the submission is approved.
    page.get_by_role("tab", name="审核决定与报告").click()
    _sign(page, DECISION_COMMENT)
    page.get_by_text("决定已签名并保存").wait_for(timeout=TIMEOUT)  # the toast
    page.get_by_text(f"{TITLE} · 状态：已通过").wait_for(timeout=TIMEOUT)
    page.get_by_text("已决定：法务：通过").wait_for(timeout=TIMEOUT)
    expect(page.get_by_role("combobox", name="提交")).to_have_value(f"#{sid} {TITLE}")


def _refresh_keeps_the_submission(page, sid: int) -> None:
    """A browser refresh starts a new session: log in again and land on the same submission."""
    from playwright.sync_api import expect

    assert page.url.endswith(f"/detail?id={sid}")
    page.reload()
    page.get_by_text("请先登录，登录后显示「审核详情」。").wait_for(timeout=TIMEOUT)
    _log_in(page, REVIEWER[0])
    expect(page.get_by_role("combobox", name="提交")).to_have_value(f"#{sid} {TITLE}", timeout=TIMEOUT)
    page.get_by_text(f"{TITLE} · 状态：已通过").wait_for(timeout=TIMEOUT)
    page.get_by_role("tab", name="审核决定与报告").click()
    page.get_by_role("button", name="生成 PDF 报告").wait_for(timeout=TIMEOUT)
    full_page_screenshot(page, ARTIFACTS / "workflow_8_approved.png")


def test_planner_submits_reviewer_waives_and_signs_approval(stack, browser, tmp_path) -> None:
    url, log, svc = stack
    script = tmp_path / FILE_NAME
    script.write_text(SCRIPT, encoding="utf-8")

    with _person(browser, "workflow_failed_planner.png") as page:
        sid = _planner_submits(page, url, script)
    with _person(browser, "workflow_failed_reviewer.png") as page:
        _reviewer_waives_and_approves(page, url, sid)
        # Meanwhile a newer submission arrives: after a refresh the address, not the list order, names the one shown.
        other = svc.submit(svc.act_as(PLANNER[0]), [(OTHER.name, OTHER.read_bytes())], "12月12日 新茶品鉴专场")
        _refresh_keeps_the_submission(page, sid)

    reviewer = svc.act_as(REVIEWER[0])
    view = svc.get_submission(reviewer, sid)
    assert view.summary.status == "approved" and view.summary.owner_label == PLANNER[1]
    assert view.current.room == "暖阳美妆官方旗舰店" and view.current.hosts == ["小棠"]
    [decision] = view.current.decisions
    assert (decision.department, decision.outcome, decision.comment, decision.signed) == (
        "法务", "approve", DECISION_COMMENT, True)
    high = [f for f in view.current.findings if f.severity == "high"]
    assert [f.text for f in high] == [HIGH_QUOTE]
    assert high[0].disposition.kind == "waive" and high[0].disposition.reason == WAIVE_REASON
    assert high[0].disposition.user_label == REVIEWER[1]

    actions = [e["action"] for e in svc.audit_entries()]
    assert actions[4:] == [  # after the two users and their signing keys
        "login", "submit", "check", "login",  # the planner, then again after following a link to the queue
        "login", "login", "decide_refused",  # the reviewer; approving with a high finding open is refused
        "start_review", "disposition", "login", "decision",  # the waiver, then the password again and the signature
        "submit", "check",  # the other submission
        "login",  # after the browser refresh
    ], actions
    check = svc.audit_verify()
    assert check.ok, check.problems

    report = svc.export_report(None, sid, "json")
    verified = svc.verify_report_file(None, "report.json", report)
    assert verified.ok and verified.status == "审核通过", verified.problems
    assert svc.get_submission(reviewer, other.id).summary.status == "submitted"
    assert "Traceback" not in log.read_text()
