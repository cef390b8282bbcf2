"""Page 提交审核: upload a bundle (script, hand card, evidence), set its facts, check and store it."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from review.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES
from review.model import PRODUCT_LABELS, VERDICT_LABELS, ProductCategory
from review.ui.lists_page import DETAIL_KEY
from review.ui.progress import FileProgressBar
from review.ui.render import escape_markdown
from review.ui.session import attempt, require_user, service
from review.workflow import Role, Status

MAX_FILES = 20
JUST_SUBMITTED = "submit_done"


def _resubmittable(user) -> dict[int, str]:
    """The user's own submissions that may get a new version."""
    rows = attempt(lambda: service().list_submissions(user, mine=True)) or []
    return {r.id: f"#{r.id} {r.title}（{r.status_label}，第{r.current_version}版）" for r in rows}


def render() -> None:
    """Draw the form; on submit run the check with progress and store everything in one transaction."""
    user = require_user()
    if user is None:
        return
    st.title("提交审核")
    if Role(user.role) == Role.AUDITOR:
        st.warning("审计员为只读角色，不能提交。")
        return
    done = st.session_state.pop(JUST_SUBMITTED, None)
    if done:  # shown once, instead of the filled form: a second click can never submit the same files again
        _show_done(*done)
        return
    types = sorted({s.lstrip(".") for s in SUPPORTED_SUFFIXES})
    own = _resubmittable(user)
    preset = st.session_state.pop("resubmit_of", None)
    with st.form("submit_form"):
        limit = f"单个文件不超过 {DEFAULT_MAX_BYTES // (1024 * 1024)} MB，最多 {MAX_FILES} 个。"
        uploads = st.file_uploader("上传文件（脚本、手卡、检测报告、证照，可多选）", type=types,
                                   accept_multiple_files=True, key="submit_files", help=limit)
        title = st.text_input("标题", key="submit_title", placeholder="例如：12月5日 面霜专场")
        c1, c2 = st.columns(2)
        room = c1.text_input("直播间", key="submit_room")
        hosts = c2.text_input("主播（多人用顿号或逗号分隔）", key="submit_hosts")
        c3, c4 = st.columns(2)
        products = c3.multiselect("商品类别", list(ProductCategory), format_func=lambda p: PRODUCT_LABELS[p],
                                  placeholder="自动识别", key="submit_products")
        date = c4.date_input("直播日期", value=None, key="submit_date", help="不填则取脚本中的直播日期，没有则取今天。")
        options = [0, *own]
        supersedes = st.selectbox("作为新版本提交到", options, key="submit_supersedes",
                                  index=options.index(preset) if preset in options else 0,
                                  format_func=lambda i: "（新提交）" if i == 0 else own[i])
        draft = st.checkbox("先存为草稿（暂不提交审核）", key="submit_draft")
        go = st.form_submit_button("提交并自动审核", type="primary")
    if go:
        _submit(user, uploads or [], title, room, hosts, products, date, supersedes or None, draft)


def _split_hosts(text: str) -> list[str]:
    for sep in "，,；;":
        text = text.replace(sep, "、")
    return [h.strip() for h in text.split("、") if h.strip()]


def _submit(user, uploads, title: str, room: str, hosts: str, products, date: dt.date | None,
            supersedes: int | None, draft: bool) -> None:
    if not uploads:
        st.error("请至少上传一个文件。")
        return
    if len(uploads) > MAX_FILES:
        st.error(f"一次最多上传 {MAX_FILES} 个文件。")
        return
    if not title.strip():
        st.error("请填写标题。")
        return
    files = [(f.name, f.getvalue()) for f in uploads]
    bar = FileProgressBar([name for name, _ in files], "正在读取、审核并保存")
    try:
        result = attempt(lambda: service().submit(user, files, title, broadcast_date=date,
                                                  products=[str(p) for p in products] or None, room=room,
                                                  hosts=_split_hosts(hosts), supersedes=supersedes, draft=draft,
                                                  progress=bar))
    finally:
        seconds = bar.finish()
    if result is None:
        return
    what = "草稿已保存" if result.status == Status.DRAFT else "已提交"
    s = result.summary
    message = (f"{what}：编号 {result.id}，第 {result.version} 版。自动检查结论："
               f"{VERDICT_LABELS[result.verdict]}（高 {s['high']}，中 {s['medium']}，低 {s['low']}）。")
    if bar.ocr_pages:
        message += f"含扫描件，已 OCR 识别 {bar.ocr_pages} 页，共用时 {seconds:.1f} 秒。"
    st.session_state[DETAIL_KEY] = result.id
    st.session_state[JUST_SUBMITTED] = (message, title)
    st.rerun()


def _show_done(message: str, title: str) -> None:
    """The outcome of the submission just made, the way to its details, and a fresh form on request."""
    st.success(message)
    st.page_link(_detail_page(), label=f"查看 {escape_markdown(title)} 的审核详情", icon=":material/arrow_forward:")
    st.button("继续提交新内容", key="submit_again", icon=":material/add:")  # any rerun shows an empty form


def _detail_page():
    from review.ui import page

    return page("detail")
