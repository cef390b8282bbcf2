"""Page 登录: name and password, checked by the service (argon2); every attempt is audited."""

from __future__ import annotations

import streamlit as st

from review.ui.render import escape_markdown
from review.ui.session import current_user, log_in, log_out


def render() -> None:
    """Draw the login form, or who is logged in with a logout button."""
    st.title("登录")
    user = current_user()
    if user is not None:
        st.success(f"已登录：{escape_markdown(user.label)}（{escape_markdown(user.role_label)}）")
        if st.button("退出登录", key="logout"):
            log_out()
            st.rerun()
        return
    st.caption("直播电商播前合规审核。演示账号和密码在首次运行 `make run` 时打印在终端里。")
    if _login_form():
        from review.ui import home_page

        st.switch_page(home_page(current_user()))


def render_stand_in(title: str) -> None:
    """At the URL of a page the user may not open now: the login form (then the page itself), or why not."""
    st.title(title)
    user = current_user()
    if user is None:
        st.info(f"请先登录，登录后显示「{title}」。")
        if _login_form():
            st.rerun()  # the same URL now leads to the real page, if the user's role may open it
        return
    from review.ui import home_page

    st.warning(f"「{title}」不对{escape_markdown(user.role_label)}开放。")
    st.page_link(home_page(user), label="回到首页", icon=":material/home:")


def _login_form() -> bool:
    """The name and password form; True once the user is logged in."""
    with st.form("login"):
        name = st.text_input("用户名", key="login_name")
        password = st.text_input("密码", type="password", key="login_password")
        submitted = st.form_submit_button("登录", type="primary")
    if not submitted:
        return False
    if not name or not password:
        st.error("请输入用户名和密码。")
        return False
    return log_in(name, password)
