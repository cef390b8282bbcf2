"""One page of the app, chosen by session_state["_page"], for AppTest (the login is set by the test)."""

import importlib

import streamlit as st

module, func = st.session_state.get("_page", "review.ui.login_page:render").split(":")
getattr(importlib.import_module(module), func)()
