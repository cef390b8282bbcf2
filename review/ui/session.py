"""Who is logged in (Streamlit session state) and how pages call the service safely.

The session only remembers the UserInfo returned by `login`; every service call re-checks the user and
their role in the database, so a hidden button is never the only protection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from review.ui.render import escape_markdown
from review.workflow import ReviewService, UserInfo, WorkflowError, get_service

log = logging.getLogger(__name__)
USER_KEY = "auth_user"
T = TypeVar("T")
UNEXPECTED = "操作失败：发生意外错误，未保存任何内容。请重试；仍失败请联系管理员（详情见服务器日志）。"


def service() -> ReviewService:
    """The process-wide service (database migrated on first use)."""
    return get_service()


def current_user() -> UserInfo | None:
    """The logged-in user, or None."""
    return st.session_state.get(USER_KEY)


def require_user() -> UserInfo | None:
    """The logged-in user; shows a hint and returns None when nobody is logged in."""
    user = current_user()
    if user is None:
        st.info("请先在「登录」页登录。")
    return user


def log_in(name: str, password: str) -> bool:
    """Check the password through the service; shows the Chinese reason on failure."""
    user = attempt(lambda: service().login(name, password))
    if user is None:
        return False
    st.session_state.clear()
    st.session_state[USER_KEY] = user
    return True


def log_out() -> None:
    """Forget everything about the session."""
    st.session_state.clear()


def attempt(fn: Callable[[], T], success: str | None = None,
            report: Callable[[str], object] = st.error) -> T | None:
    """Run a service call; show a refusal or an unexpected error as a message (never a traceback).

    `report` receives the escaped Markdown message (a callback passes one that keeps it for the next run).
    """
    try:
        result = fn()
    except WorkflowError as exc:
        report(escape_markdown(exc.message))
        return None
    except Exception:
        log.exception("service call failed")
        report(UNEXPECTED)
        return None
    if success:
        st.toast(success)
    return result
