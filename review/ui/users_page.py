"""Page 用户管理 (admins): list users, add one, activate or deactivate (users are never deleted)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from review.ui.session import attempt, require_user, service
from review.workflow import DEPARTMENTS, ROLE_LABELS, Role


def render() -> None:
    """Draw the page; the service refuses non-admins anyway."""
    user = require_user()
    if user is None:
        return
    st.title("用户管理")
    users = attempt(lambda: service().list_users(user))
    if users is None:
        return
    st.dataframe(pd.DataFrame([{"用户名": u.name, "姓名": u.display_name, "角色": u.role_label,
                                "状态": "启用" if u.active else "已停用"} for u in users]),
                 hide_index=True, width="stretch")
    if Role(user.role) != Role.ADMIN:
        return
    with st.form("add_user"):
        st.markdown("**新增用户**")
        c1, c2 = st.columns(2)
        name = c1.text_input("用户名", key="nu_name")
        display = c2.text_input("姓名", key="nu_display")
        c3, c4 = st.columns(2)
        role = c3.selectbox("角色", list(Role), format_func=lambda r: ROLE_LABELS[r], key="nu_role")
        dept = c4.selectbox("部门（仅审核员）", [None, *DEPARTMENTS], format_func=lambda d: d or "—", key="nu_dept")
        password = st.text_input("初始密码（至少 8 位）", type="password", key="nu_password")
        if st.form_submit_button("新增"):
            made = attempt(lambda: service().add_user(user, name, str(role), password, department=dept,
                                                      display_name=display), success="用户已新增")
            if made:
                st.rerun()
    others = [u for u in users if u.id != user.id]
    if others:
        c1, c2 = st.columns([3, 1])
        who = c1.selectbox("停用或启用账号", [u.name for u in others], key="toggle_user")
        target = next(u for u in others if u.name == who)
        changed = c2.button("停用" if target.active else "启用", key="toggle_btn") and attempt(
            lambda: service().set_user_active(user, who, not target.active), success="已更新")
        if changed:
            st.rerun()
