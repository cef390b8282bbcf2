"""Page 审计与报告核验 (auditors, admins): verify a report file, check the audit hash chain, browse and export
the audit trail."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from review.localtime import local_today
from review.ui.render import escape_markdown
from review.ui.session import attempt, require_user, service

MAX_REPORT_BYTES = 30 * 1024 * 1024


def render() -> None:
    """Draw the page."""
    user = require_user()
    if user is None:
        return
    st.title("审计与报告核验")
    tab_verify, tab_chain = st.tabs(["核验审核报告", "审计日志"])
    with tab_verify:
        _verify_report(user)
    with tab_chain:
        _audit_trail(user)


def _verify_report(user) -> None:
    st.caption("上传导出的审核报告（PDF、DOCX 或 JSON），逐一核对每个电子签名、导出签章、报告内容和文件哈希。")
    up = st.file_uploader("审核报告", type=["pdf", "json", "docx"], key="verify_upload")
    originals = st.file_uploader("原始文件（可选，核对 SHA-256）", accept_multiple_files=True, key="verify_docs")
    if up is None or not st.button("核验", key="verify_btn", type="primary"):
        return
    if up.size > MAX_REPORT_BYTES:
        st.error("报告文件过大。")
        return
    docs = [(f.name, f.getvalue()) for f in originals or []]
    result = attempt(lambda: service().verify_report_file(user, up.name, up.getvalue(), docs))
    if result is None:
        return
    if result.ok:
        st.success(f"核验通过：{escape_markdown(result.status)}。")
    else:
        st.error("核验未通过：\n\n" + "\n".join(f"- {escape_markdown(p)}" for p in result.problems))
    for line in result.checked:
        st.markdown(f"- {escape_markdown(line)}")


def _audit_trail(user) -> None:
    if st.button("校验审计日志哈希链", key="chain_btn"):
        check = attempt(lambda: service().audit_verify(user))
        if check is not None:
            if check.ok:
                st.success(f"哈希链完整：共 {check.entries} 条记录，未发现改动、删除或调换顺序。")
            else:
                st.error("哈希链校验失败：\n\n" + "\n".join(f"- {escape_markdown(p.message)}" for p in check.problems))
    c1, c2 = st.columns(2)
    today = local_today()  # the reviewers' calendar day, not the server's
    span = c1.date_input("日期范围", value=(today - dt.timedelta(days=30), today), key="audit_dates")
    start, end = (span[0], span[1]) if isinstance(span, tuple) and len(span) == 2 else (None, None)
    who = c2.text_input("操作人（用户名，可选）", key="audit_user").strip() or None
    rows = attempt(lambda: service().audit_entries(user, start=start, end=end, user=who))
    if rows is None:
        return
    st.caption(f"{len(rows)} 条记录")
    table = pd.DataFrame(rows, columns=["seq", "local_time", "actor", "action_label", "target", "details", "hash"])
    st.dataframe(table.rename(columns={"seq": "序号", "local_time": "时间", "actor": "操作人", "action_label": "操作",
                                       "target": "对象", "details": "详情", "hash": "哈希"}),
                 hide_index=True, width="stretch")
    fmt = st.radio("导出格式", ["xlsx", "csv"], horizontal=True, key="audit_fmt")
    if st.button("导出", key="audit_export"):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"audit.{fmt}"
            if attempt(lambda: service().audit_export(user, str(out), start=start, end=end, user=who)) is not None:
                st.session_state["audit_file"] = (out.name, out.read_bytes())
    if "audit_file" in st.session_state:
        name, data = st.session_state["audit_file"]
        st.download_button("下载审计日志", data=data, file_name=name, key="audit_dl")
