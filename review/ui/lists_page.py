"""Pages 我的提交 and 审核队列: submissions as a table, each openable in 审核详情."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from review.localtime import local_tz
from review.model import PRODUCT_LABELS, VERDICT_LABELS, ProductCategory
from review.ui.session import attempt, require_user, service
from review.workflow import Role, SubmissionSummary

DETAIL_KEY = "detail_id"


def summaries_frame(rows: list[SubmissionSummary]) -> pd.DataFrame:
    """Submissions with Chinese column names."""
    tz = local_tz()
    data = [{
        "编号": r.id, "标题": r.title, "状态": r.status_label, "待审部门": "、".join(r.pending_departments) or "—",
        "自动检查": VERDICT_LABELS.get(r.verdict, r.verdict), "高/中/低": f"{r.high}/{r.medium}/{r.low}",
        "直播日期": r.broadcast_date.isoformat(), "提交人": r.owner_label, "版本": r.current_version,
        "商品类别": "、".join(PRODUCT_LABELS.get(ProductCategory(p), p) for p in r.products),
        "更新时间": r.updated_at.astimezone(tz).strftime("%m-%d %H:%M"),
    } for r in rows]
    # the columns a reviewer scans first come first (the table scrolls sideways on narrow screens)
    columns = ["编号", "标题", "状态", "待审部门", "自动检查", "高/中/低", "直播日期", "提交人", "版本", "商品类别",
               "更新时间"]
    return pd.DataFrame(data, columns=columns)


def open_detail(submission_id: int) -> None:
    """Remember the chosen submission and go to 审核详情."""
    from review.ui import page

    st.session_state[DETAIL_KEY] = submission_id
    st.switch_page(page("detail"))


def _table_with_open(rows: list[SubmissionSummary], key: str, empty: str) -> None:
    if not rows:
        st.info(empty)
        return
    st.dataframe(summaries_frame(rows), hide_index=True, width="stretch")
    labels = {r.id: f"#{r.id} {r.title}（{r.status_label}，第{r.current_version}版）" for r in rows}
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    chosen = left.selectbox("选择提交", list(labels), format_func=labels.get, key=f"{key}_pick")
    if right.button("打开", key=f"{key}_open", type="primary") and chosen is not None:
        open_detail(int(chosen))


def render_mine() -> None:
    """我的提交 (planners, reviewers) or 全部提交 (auditors, admins)."""
    user = require_user()
    if user is None:
        return
    everyone = Role(user.role) in (Role.AUDITOR, Role.ADMIN)
    st.title("全部提交" if everyone else "我的提交")
    rows = attempt(lambda: service().list_submissions(user, mine=not everyone))
    if rows is None:
        return
    _table_with_open(rows, "mine", "还没有提交。到「提交审核」上传脚本和手卡。" if not everyone else "还没有任何提交。")


def render_queue() -> None:
    """审核队列: open submissions waiting for the reviewer's department, oldest first."""
    user = require_user()
    if user is None:
        return
    st.title("审核队列")
    if user.department:
        st.caption(f"等待{user.department}部门审核或会签的提交，按提交时间先后排列。自己提交的内容不会出现在这里。")
    rows = attempt(lambda: service().review_queue(user))
    if rows is None:
        return
    _table_with_open(rows, "queue", "审核队列为空。")
