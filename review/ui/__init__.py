"""Streamlit faces of the review tool: one module per page, routed by `run`."""

from __future__ import annotations

import streamlit as st


def run() -> None:
    """Route to the app's pages (a single page for now; add st.Page entries as pages arrive)."""
    from review.ui import check_page, rules_page

    pages = [st.Page(check_page.render, title="播前审核", url_path="check", default=True),
             st.Page(rules_page.render, title="规则库", url_path="rules")]
    st.navigation(pages, position="hidden" if len(pages) == 1 else "sidebar").run()
