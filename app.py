"""Streamlit entry point: `streamlit run app.py`. Page config and routing only."""

import streamlit as st

from review.ui import run

st.set_page_config(page_title="直播脚本播前合规审核", layout="wide")
run()
