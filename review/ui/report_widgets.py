"""Download buttons for the signed review report of a submission (JSON, PDF, DOCX)."""

from __future__ import annotations

import streamlit as st

from review.ui.session import attempt, service

FORMATS = {"pdf": ("PDF", "application/pdf"), "docx": ("DOCX", "application/vnd.openxmlformats-officedocument."
                                                               "wordprocessingml.document"),
           "json": ("JSON", "application/json")}


def report_buttons(user, view) -> None:
    """Generate on request (each export is audited), then offer the file."""
    sid = view.summary.id
    cols = st.columns(len(FORMATS))
    for col, (fmt, (label, mime)) in zip(cols, FORMATS.items(), strict=True):
        key = f"report_{sid}_{view.current.number}_{fmt}"
        if col.button(f"生成 {label} 报告", key=f"gen_{key}"):
            data = attempt(lambda fmt=fmt: service().export_report(user, sid, fmt, version=view.current.number))
            if data is not None:
                st.session_state[key] = data
        if key in st.session_state:
            col.download_button(f"下载 {label}", data=st.session_state[key], mime=mime, key=f"dl_{key}",
                                file_name=f"审核报告_{sid}_v{view.current.number}.{fmt}")
