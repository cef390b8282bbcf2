"""Streamlit faces of the review tool: one module per page; `run` shows the pages the user's role may use."""

from __future__ import annotations

from functools import partial

import streamlit as st

from review.workflow import Role

PAGES: dict[str, st.Page] = {}
STAND_INS: dict[str, st.Page] = {}


def _pages() -> dict[str, st.Page]:
    """Every page once per process (st.Page objects are reused so st.switch_page can find them)."""
    if not PAGES:
        from review.ui import (
            audit_page,
            check_page,
            dashboard_page,
            detail_page,
            lists_page,
            login_page,
            rules_page,
            submit_page,
            users_page,
        )

        PAGES.update({
            "login": st.Page(login_page.render, title="登录", url_path="login", icon=":material/login:", default=True),
            "submit": st.Page(submit_page.render, title="提交审核", url_path="submit", icon=":material/upload:"),
            "mine": st.Page(lists_page.render_mine, title="我的提交", url_path="mine", icon=":material/folder:"),
            "all": st.Page(lists_page.render_mine, title="全部提交", url_path="all", icon=":material/folder_open:"),
            "queue": st.Page(lists_page.render_queue, title="审核队列", url_path="queue", icon=":material/inbox:"),
            "detail": st.Page(detail_page.render, title="审核详情", url_path="detail", icon=":material/fact_check:"),
            "dashboard": st.Page(dashboard_page.render, title="统计看板", url_path="dashboard",
                                 icon=":material/monitoring:"),
            "audit": st.Page(audit_page.render, title="审计与报告核验", url_path="audit", icon=":material/verified:"),
            "users": st.Page(users_page.render, title="用户管理", url_path="users", icon=":material/group:"),
            "rules": st.Page(rules_page.render, title="规则库", url_path="rules", icon=":material/rule:"),
            "check": st.Page(check_page.render, title="快速自查（不保存）", url_path="check",
                             icon=":material/search:"),
        })
        STAND_INS.update({name: st.Page(partial(login_page.render_stand_in, p.title), title=p.title, url_path=name,
                                        visibility="hidden") for name, p in PAGES.items() if name != "login"})
    return PAGES


def _stand_ins(names: tuple[str, ...]) -> list[st.Page]:
    """Hidden pages at the URLs of the pages the user may not open now. A bookmark, a shared link or a browser
    refresh (which starts a new, logged-out session) then lands on a login form or a Chinese explanation at
    that URL, instead of Streamlit's English "Page not found"; after the login the real page is shown."""
    _pages()
    return [p for name, p in STAND_INS.items() if name not in names]


ROLE_PAGES: dict[Role | None, tuple[str, ...]] = {
    None: ("login", "check", "rules"),
    Role.PLANNER: ("submit", "mine", "detail", "dashboard", "rules", "check", "login"),
    Role.REVIEWER: ("queue", "detail", "mine", "submit", "dashboard", "rules", "check", "login"),
    Role.AUDITOR: ("audit", "all", "detail", "dashboard", "rules", "login"),
    Role.ADMIN: ("users", "all", "detail", "dashboard", "audit", "rules", "check", "submit", "login"),
}


def page(name: str) -> st.Page:
    """A page object by short name (for st.switch_page)."""
    return _pages()[name]


def home_page(user) -> st.Page:
    """The first page of the user's role (where a login lands)."""
    return page(ROLE_PAGES[Role(user.role) if user else None][0])


def run() -> None:
    """Route to the pages the logged-in user's role may see (the service enforces permissions anyway)."""
    from review.ui.session import current_user

    user = current_user()
    names = ROLE_PAGES[Role(user.role) if user else None]
    pages = _pages()
    chosen = [pages[n] for n in names] + _stand_ins(names)
    if user is not None:
        st.sidebar.caption(f"{user.label} · {user.role_label}")
    st.navigation(chosen, position="sidebar").run()
