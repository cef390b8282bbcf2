"""Page 统计看板: findings by category and severity over time, top rules, most waived and most
false-positive rules, rejection rate and time to decision; filtered by date, planner and product."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from review.localtime import local_today, local_tz
from review.model import CATEGORY_LABELS, PRODUCT_LABELS, SEVERITY_LABELS, Category, ProductCategory, Severity
from review.ui.session import attempt, require_user, service
from review.workflow import Role
from review.workflow.stats import StatsFilter


def _cat(c: str) -> str:
    try:
        return CATEGORY_LABELS[Category(c)]
    except ValueError:
        return c


def _filters(user) -> StatsFilter:
    c1, c2, c3 = st.columns(3)
    today = local_today()  # the reviewers' calendar day, not the server's
    span = c1.date_input("提交日期", value=(today - dt.timedelta(days=90), today), key="dash_dates")
    start, end = (span[0], span[1]) if isinstance(span, tuple) and len(span) == 2 else (None, None)
    planner = None
    if Role(user.role) != Role.PLANNER:
        users = attempt(lambda: service().list_users(user)) if Role(user.role) in (Role.ADMIN, Role.AUDITOR) else []
        names = [u.name for u in users or [] if u.role == "planner"]
        planner = c2.selectbox("策划", [None, *names], format_func=lambda n: "全部" if n is None else n,
                               key="dash_planner") if names else (c2.text_input("策划（用户名）", key="dash_planner_t")
                                                                  or None)
    else:
        c2.caption("策划只能看到自己提交的统计。")
    product = c3.selectbox("商品类别", [None, *ProductCategory], key="dash_product",
                           format_func=lambda p: "全部" if p is None else PRODUCT_LABELS[p])
    return StatsFilter(start=start, end=end, planner=planner, product=str(product) if product else None)


def render() -> None:
    """Draw the dashboard."""
    user = require_user()
    if user is None:
        return
    st.title("统计看板")
    flt = _filters(user)
    dash = attempt(lambda: service().dashboard(user, flt))
    if dash is None:
        return
    if dash.versions.empty:
        st.info("所选范围内没有已提交的版本。")
        return
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("已提交版本", len(dash.versions))
    m2.metric("发现问题", len(dash.findings))
    m3.metric("驳回率", "—" if dash.rejection_rate is None else f"{dash.rejection_rate:.0%}")
    m4.metric("决定用时（中位数）", "—" if dash.median_hours_to_decision is None
              else f"{dash.median_hours_to_decision:.1f} 小时")
    _trend(dash.by_category_severity)
    left, right = st.columns(2)
    with left:
        st.markdown("#### 命中最多的规则")
        st.dataframe(_rules(dash.top_rules, {"count": "命中次数", "submissions": "涉及提交"}), hide_index=True,
                     width="stretch")
        st.markdown("#### 被豁免最多的规则")
        st.dataframe(_rules(dash.most_waived, {"count": "豁免次数", "reasons": "理由"}), hide_index=True,
                     width="stretch")
    with right:
        st.markdown("#### 被标为误报最多的规则")
        st.caption("供规则维护人改进规则。")
        st.dataframe(_rules(dash.most_false_positive, {"count": "误报次数", "reasons": "理由"}), hide_index=True,
                     width="stretch")
        st.markdown("#### 驳回率（按周）")
        if not dash.rejections.empty:
            weekly = dash.rejections.assign(周=dash.rejections["period"].dt.strftime("%Y-%m-%d"))
            st.bar_chart(weekly.set_index("周")["rate"].rename("驳回率"))
    if not dash.time_to_decision.empty:
        st.markdown("#### 从提交到决定的用时")
        st.dataframe(decision_times(dash.time_to_decision), hide_index=True, width="stretch")


def decision_times(ttd: pd.DataFrame) -> pd.DataFrame:
    """Time to decision with Chinese labels and local times."""
    tz = local_tz()
    return pd.DataFrame({
        "提交编号": ttd["submission_id"], "版本": ttd["number"],
        "结果": ttd["outcome"].map({"approved": "已通过", "rejected": "已驳回"}).fillna(ttd["outcome"]),
        "提交时间": ttd["submitted_at"].dt.tz_convert(tz).dt.strftime("%Y-%m-%d %H:%M"),
        "决定时间": ttd["decided_at"].dt.tz_convert(tz).dt.strftime("%Y-%m-%d %H:%M"),
        "小时": ttd["hours"].round(1),
    })


def _rules(df: pd.DataFrame, extra: dict[str, str]) -> pd.DataFrame:
    out = df.copy()
    if "category" in out:
        out["category"] = out["category"].map(_cat)
    if "reasons" in out:
        out["reasons"] = out["reasons"].map(lambda r: "；".join(r) if isinstance(r, list) else r)
    return out.rename(columns={"rule": "规则", "category": "类别", **extra})


def _trend(df: pd.DataFrame) -> None:
    st.markdown("#### 各类问题数量（按周）")
    if df.empty:
        st.caption("没有问题记录。")
        return
    df = df.assign(周=df["period"].dt.strftime("%Y-%m-%d"))
    by_cat = df.assign(类别=df["category"].map(_cat)).pivot_table(index="周", columns="类别", values="count",
                                                                  aggfunc="sum", fill_value=0)
    st.bar_chart(by_cat)
    st.markdown("#### 各风险等级数量（按周）")
    sev = df.assign(风险=df["severity"].map(lambda s: SEVERITY_LABELS.get(Severity(s), s)))
    st.bar_chart(sev.pivot_table(index="周", columns="风险", values="count", aggfunc="sum", fill_value=0))
