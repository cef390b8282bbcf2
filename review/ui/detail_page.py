"""Page 审核详情: one submission — findings with dispositions, document text, comments, version diff,
decisions and the signed report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from review.model import (
    CATEGORY_LABELS,
    CLAIM_STATUS_LABELS,
    DOC_KIND_LABELS,
    PRODUCT_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    Category,
    DocKind,
    ProductCategory,
    Severity,
)
from review.ui.document_view import highlighted_lines
from review.ui.lists_page import DETAIL_KEY
from review.ui.render import escape_markdown, quote_in_context, severity_badge
from review.ui.session import attempt, require_user, service
from review.workflow import DISPOSITION_LABELS, Allowed, FindingView, Role, SubmissionView, UserInfo, VersionView

esc = escape_markdown
DECIDE_ERROR = "decide_error"  # the refusal of the last signing attempt, shown under the decision form
DECIDE_TRIES = "decide_tries"  # signing attempts so far: part of the password box's key


def _visible(user: UserInfo) -> dict[int, str]:
    if Role(user.role) == Role.PLANNER:
        rows = attempt(lambda: service().list_submissions(user, mine=True)) or []
    else:
        rows = attempt(lambda: service().list_submissions(user)) or []
    # No status in the label: the picker keeps showing the label it had when the status changes on this page
    # (the header right below shows the status).
    return {r.id: f"#{r.id} {r.title}" for r in rows}


def render() -> None:
    """Pick a submission and version, then show everything about it."""
    user = require_user()
    if user is None:
        return
    st.title("审核详情")
    visible = _visible(user)
    if not visible:
        st.info("没有可查看的提交。")
        return
    current = st.session_state.get(DETAIL_KEY) or _id_in_url()
    ids = list(visible)
    chosen = st.selectbox("提交", ids, index=ids.index(current) if current in ids else 0,
                          format_func=visible.get, key="detail_pick")
    st.session_state[DETAIL_KEY] = chosen
    st.query_params["id"] = str(chosen)  # the address names the submission: a refresh or a shared link keeps it
    view = attempt(lambda: service().get_submission(user, int(chosen)))
    if view is None:
        return
    numbers = [v.number for v in view.versions]
    if len(numbers) > 1:
        number = st.selectbox("版本", numbers[::-1], format_func=lambda n: f"第 {n} 版", key=f"ver_{chosen}")
        if number != view.current.number:
            view = attempt(lambda: service().get_submission(user, int(chosen), version=number)) or view
    allowed = attempt(lambda: service().allowed(user, int(chosen)))
    if allowed is None:
        return
    is_current = view.current.number == view.summary.current_version
    _header(view)
    tabs = st.tabs(["问题清单", "文档原文与评论", "版本对比", "审核决定与报告"])
    with tabs[0]:
        _findings_tab(user, view.current, allowed if is_current else _read_only(allowed))
    with tabs[1]:
        _documents_tab(user, view.current, allowed)
    with tabs[2]:
        _diff_tab(user, view)
    with tabs[3]:
        _decision_tab(user, view, allowed if is_current else _read_only(allowed))


def _id_in_url() -> int | None:
    """The submission named by `?id=` in the address, if any."""
    value = st.query_params.get("id", "")
    return int(value) if value.isdigit() else None


def _read_only(a: Allowed) -> Allowed:
    return Allowed(view=a.view, comment=a.comment, disposition=False, decide=False, resubmit=a.resubmit,
                   decide_reason="只能对当前版本作出决定")


def _header(view: SubmissionView) -> None:
    s, v = view.summary, view.current
    text = (f"**{esc(s.title)}** · 状态：**{esc(s.status_label)}** · 第 {v.number} 版 · "
            f"自动检查：{VERDICT_LABELS.get(v.verdict, v.verdict)}（高 {v.summary['high']}，中 {v.summary['medium']}，"
            f"低 {v.summary['low']}）")
    {"approved": st.success, "rejected": st.error}.get(s.status, st.info)(text)
    products = "、".join(PRODUCT_LABELS.get(ProductCategory(p), p) for p in v.products) or "—"
    hosts = "、".join(v.hosts) or "—"
    st.caption(f"提交人：{esc(v.author_label)} · 直播间：{esc(v.room or '—')} · 主播：{esc(hosts)} · "
               f"直播日期：{v.broadcast_date.isoformat()} · 商品类别：{esc(products)} · "
               f"清单版本 {esc(v.checklist_version)}")
    deps = [f"{d}（必审）" for d in s.required_departments] + [f"{d}（会签）" for d in s.optional_departments]
    done = "、".join(f"{d}：{'通过' if o == 'approve' else '驳回'}" for d, o in s.decisions.items()) or "尚无"
    pending = "、".join(s.pending_departments) or "—"
    st.caption(f"审核部门：{esc('、'.join(deps))} · 已决定：{esc(done)} · 待审：{esc(pending)}")
    skipped = [r for r in v.report.get("rule_sets", []) if r.get("skipped")]
    if skipped:
        st.caption("按商品类别未执行的规则集：" + esc("、".join(f"{r['title']}（{r['skipped']} 条）" for r in skipped)))
    if v.blocking:
        st.warning(f"有 {len(v.blocking)} 个高风险问题既未修改也未说明理由豁免，在处理之前不能审核通过。")


def _filtered(findings: list[FindingView], key: str) -> list[FindingView]:
    cats = sorted({Category(f.category) for f in findings}, key=list(Category).index)
    sevs = [s for s in Severity if any(f.severity == s for f in findings)]
    c1, c2, c3 = st.columns(3)
    chosen_c = c1.multiselect("类别", cats, format_func=lambda c: CATEGORY_LABELS[c], placeholder="全部",
                              key=f"{key}_c")
    chosen_s = c2.multiselect("风险等级", sevs, format_func=lambda s: SEVERITY_LABELS[s], placeholder="全部",
                              key=f"{key}_s")
    only_open = c3.checkbox("只看未处理的高风险", key=f"{key}_open")
    return [f for f in findings if (not chosen_c or f.category in chosen_c) and (not chosen_s or f.severity in chosen_s)
            and (not only_open or f.blocking)]


def finding_card(f: FindingView, text: str | None) -> str:
    """One finding as escaped Markdown."""
    head = (f"{severity_badge(Severity(f.severity), f.severity_label)} **{esc(f.category_label)}** · "
            f"{esc(f.key)} · 规则 {esc(f.rule)}")
    quote = quote_in_context(text, f.start, f.end, f.text) or "（文档级问题，无具体原文）"
    lines = [head, f"**位置**：{esc(f.document)} {esc(f.location or '')}", f"**原文**：{quote}",
             f"**问题**：{esc(f.message)}", f"**依据**：{esc(f.clause)}；{esc(f.law)}",
             f"**修改建议**：{esc(f.suggestion)}"]
    if f.disposition:
        d = f.disposition
        lines.append(f"**处置**：{esc(d.kind_label)}" + (f"（理由：{esc(d.reason)}）" if d.reason else "")
                     + f" —— {esc(d.user_label)}，{d.created_at.astimezone().strftime('%m-%d %H:%M')}")
    return "  \n".join(lines)


def _findings_tab(user: UserInfo, v: VersionView, allowed: Allowed) -> None:
    if not v.findings:
        st.success("自动检查未发现问题。")
        return
    texts = {d.name: d.text for d in v.documents}
    shown = _filtered(v.findings, f"f{v.id}")
    st.caption(f"显示 {len(shown)} / {len(v.findings)} 项")
    for f in shown:
        with st.container(border=True):
            st.markdown(finding_card(f, texts.get(f.document)))
            if allowed.disposition:
                _disposition_form(user, f)
    _claims(v)


def _disposition_form(user: UserInfo, f: FindingView) -> None:
    with st.expander("处置此问题"), st.form(f"disp_{f.id}"):
        kind = st.radio("处置", list(DISPOSITION_LABELS), format_func=DISPOSITION_LABELS.get, horizontal=True,
                        key=f"disp_kind_{f.id}")
        reason = st.text_input("理由（豁免、误报必填）", key=f"disp_reason_{f.id}")
        saved = st.form_submit_button("保存处置") and attempt(
            lambda: service().set_disposition(user, f.id, kind, reason), success="处置已保存")
        if saved:
            st.rerun()


def _claims(v: VersionView) -> None:
    claims = v.report.get("claims") or []
    if not claims:
        return
    st.markdown("#### 宣称与证据对照")
    rows = [{"宣称": c["claim"], "位置": f"{c['document']} {c['location']}", "核对结果":
             CLAIM_STATUS_LABELS.get(c["status"], c["status"]), "证据": f"{c.get('evidence_document', '')} "
             f"{c.get('evidence_location', '')}".strip(), "说明": c.get("note", "")} for c in claims]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _documents_tab(user: UserInfo, v: VersionView, allowed: Allowed) -> None:
    if not v.documents:
        st.info("该版本没有文件。")
        return
    names = [d.name for d in v.documents]
    name = st.selectbox("文件", names, key=f"doc_{v.id}")
    doc = next(d for d in v.documents if d.name == name)
    kind = DOC_KIND_LABELS.get(DocKind(doc.kind), doc.kind)
    st.caption(f"{esc(kind)} · {doc.chars} 字 · SHA-256 {doc.sha256}" + (" · " + esc("；".join(doc.notes))
                                                                       if doc.notes else ""))
    lines, total = highlighted_lines(doc.text, [f for f in v.findings if f.document == doc.name])
    with st.container(height=420, border=True):
        st.markdown("  \n".join(lines) or "（没有可提取的文字）")
    if total > len(lines):
        st.caption(f"只显示前 {len(lines)} 行，共 {total} 行。")
    _comments(user, v, doc, allowed)


def _comments(user: UserInfo, v: VersionView, doc, allowed: Allowed) -> None:
    st.markdown("#### 评论")
    for c in v.comments:
        quote = f"「{esc(c.quote)}」 " if c.quote else ""
        where = esc(c.document) if c.document else "整体"
        st.markdown(f"**{esc(c.user_label)}**（{c.created_at.astimezone().strftime('%m-%d %H:%M')}，{where}）："
                    f"{quote}{esc(c.body)}")
    if not v.comments:
        st.caption("暂无评论。")
    if not allowed.comment:
        return
    with st.form(f"comment_{v.id}_{doc.id}"):
        quote = st.text_input(f"引用「{doc.name}」中的原文（可选，须与原文一致）", key=f"cq_{v.id}_{doc.id}")
        body = st.text_area("评论", key=f"cb_{v.id}_{doc.id}")
        if st.form_submit_button("发表评论"):
            start = end = None
            if quote:
                start = doc.text.find(quote)
                if start < 0:
                    st.error("引用的文字在该文件中找不到，请从原文中复制。")
                    return
                end = start + len(quote)
            if attempt(lambda: service().add_comment(user, v.id, body, document=doc.name, start=start, end=end),
                       success="评论已发表"):
                st.rerun()


def _diff_tab(user: UserInfo, view: SubmissionView) -> None:
    if view.current.number < 2:
        st.info("这是第 1 版，没有可比较的上一版。")
        return
    diff = attempt(lambda: service().version_diff(user, view.summary.id, new=view.current.number))
    if diff is None:
        return
    c1, c2, c3 = st.columns(3)
    c1.metric("已修复", len(diff.fixed))
    c2.metric("仍存在", len(diff.still_open))
    c3.metric("新增", len(diff.new))
    rows = ([{"变化": "已修复", "规则": f.rule, "原文": f.text, "风险": f.severity_label} for f in diff.fixed]
            + [{"变化": "仍存在", "规则": p.new.rule, "原文": p.new.text, "风险": p.new.severity_label}
               for p in diff.still_open]
            + [{"变化": "新增", "规则": f.rule, "原文": f.text, "风险": f.severity_label} for f in diff.new])
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.markdown(f"#### 文本对比（第 {diff.old_number} 版 → 第 {diff.new_number} 版）")
    labels = {"changed": "有修改", "unchanged": "无变化", "added": "新增文件", "removed": "已删除"}
    for d in diff.documents:
        with st.expander(f"{d.name}：{labels.get(d.status, d.status)}", expanded=d.status == "changed"):
            st.code(d.unified or "（无变化）", language="diff")


def _decision_tab(user: UserInfo, view: SubmissionView, allowed: Allowed) -> None:
    v = view.current
    st.markdown("#### 各部门决定")
    if v.decisions:
        st.dataframe(pd.DataFrame([{"部门": d.department, "审核人": d.user_label, "决定": d.outcome_label,
                                    "意见": d.comment, "时间": d.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                                    "电子签名": "已签名" if d.signed else "—"} for d in v.decisions]),
                     hide_index=True, width="stretch")
    else:
        st.caption("尚无决定。")
    if allowed.decide:
        _decision_form(user, view)
    elif view.summary.status in ("approved", "rejected"):
        st.caption(f"审核已结束（{esc(view.summary.status_label)}）；如脚本有修改，请由提交人提交新版本。")
    elif Role(user.role) == Role.REVIEWER and allowed.decide_reason:
        st.caption(f"不能作出决定：{esc(allowed.decide_reason)}")
    if allowed.resubmit and st.button("提交新版本", key="resubmit"):
        from review.ui import page

        st.session_state["resubmit_of"] = view.summary.id
        st.switch_page(page("submit"))
    _report_downloads(user, view)


def _decision_form(user: UserInfo, view: SubmissionView) -> None:
    # A new key per attempt gives an empty password box: Streamlit does not clear a password input whose
    # value is reset through session state, and a signature must never reuse a password typed earlier.
    password_key = f"decide_password_{st.session_state.get(DECIDE_TRIES, 0)}"
    with st.form(f"decide_{view.current.id}"):
        st.markdown(f"**{esc(user.department or '')}部门审核决定**（需再次输入密码进行电子签名）")
        st.radio("决定", ["approve", "reject"], format_func={"approve": "审核通过", "reject": "驳回"}.get,
                 horizontal=True, key="decide_outcome")
        st.text_area("审核意见", key="decide_comment")
        st.text_input("密码（签名确认）", type="password", key=password_key)
        st.form_submit_button("签名并提交决定", type="primary", on_click=_sign_decision,
                              args=(user, view.summary.id, password_key))
    error = st.session_state.pop(DECIDE_ERROR, None)
    if error:
        st.error(error)


def _sign_decision(user: UserInfo, submission_id: int, password_key: str) -> None:
    """Form callback (runs before the page is drawn again): decide, then forget the password, so every
    signature, also a retry after a refusal, needs the password typed for it."""
    state = st.session_state
    password = state.pop(password_key, None) or ""
    state[DECIDE_TRIES] = state.get(DECIDE_TRIES, 0) + 1
    if not password:
        state[DECIDE_ERROR] = "请输入密码以确认电子签名。"
        return
    attempt(lambda: service().decide(user, submission_id, state.get("decide_outcome") == "approve",
                                     state.get("decide_comment") or "", password=password),
            success="决定已签名并保存", report=lambda msg: state.__setitem__(DECIDE_ERROR, msg))


def _report_downloads(user: UserInfo, view: SubmissionView) -> None:
    st.markdown("#### 审核报告")
    if not view.current.decisions:
        st.caption("有部门作出签名决定后可导出签名的审核报告（PDF、DOCX、JSON）。")
        return
    from review.ui.report_widgets import report_buttons

    report_buttons(user, view)
