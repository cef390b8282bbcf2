"""Page 播前审核: upload a script bundle (or pick a bundled sample), run the check, show cited findings."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from review.engine import check_uploads, verified_checklist
from review.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES
from review.localtime import local_today
from review.model import (
    CATEGORY_LABELS,
    CLAIM_STATUS_LABELS,
    DOC_KIND_LABELS,
    PRODUCT_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    Category,
    Document,
    DocumentInfo,
    Finding,
    IngestError,
    ProductCategory,
    Report,
    Severity,
)
from review.ui.progress import FileProgressBar
from review.ui.render import escape_markdown, quote_in_context, severity_badge

log = logging.getLogger(__name__)

TITLE = "直播脚本播前合规审核"
SAMPLES_DIR = Path(__file__).resolve().parents[2] / "sample_scripts"
RESULT_KEY = "check_result"
_FILTER_KEYS = ("f_cat", "f_sev")
_SEVERITIES = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)
_UNEXPECTED_ERROR = "审核时发生意外错误，未能生成结果。请重试；仍失败请联系管理员（详情见服务器日志）。"


@dataclass
class CheckResult:
    """What one run of the check produced, kept in session state across reruns (filters, downloads)."""

    report: Report
    documents: dict[str, Document]
    source: str


@st.cache_resource(show_spinner="正在加载中文分词模型…")
def _warm_nlp() -> bool:
    """Build the spaCy + jieba pipeline once per server process (about 1 s), not on the first check."""
    from review.nlp import get_nlp

    get_nlp()
    return True


def _load_resources():
    """The checklist, validated and compiled; the engine caches it per content hash, so edited rules are
    picked up without a restart, while this call on every rerun costs only the hash."""
    _warm_nlp()
    return verified_checklist().checklist


def _suffixes() -> list[str]:
    """Accepted file extensions without the dot, for the uploader."""
    return sorted({s.lower().lstrip(".") for s in SUPPORTED_SUFFIXES})


def sample_files(folder: Path | None = None) -> list[Path]:
    """Bundled sample inputs (expected-findings YAML files and unsupported types are skipped)."""
    folder = folder or SAMPLES_DIR
    if not folder.is_dir():
        return []
    allowed = set(_suffixes())
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower().lstrip(".") in allowed and not p.name.endswith(".expected.yaml")
    )


def render() -> None:
    """Draw the whole page."""
    st.title(TITLE)
    st.caption("上传直播脚本、手卡及检测报告等证明材料，按 T/ZADT 0013—2025 及相关法律法规进行播前自查。")
    try:
        checklist = _load_resources()
    except Exception as exc:  # a malformed rule file: the loader names file and rule
        log.exception("checklist failed to load")
        st.error(f"规则库加载失败，无法审核：{escape_markdown(str(exc))}")
        return
    files, broadcast_date, products = _inputs()
    if st.button("开始审核", type="primary", key="start"):
        if files:
            _run_check(files, broadcast_date, products, source="上传的文件")
        else:
            st.session_state.pop(RESULT_KEY, None)
            more = "，或在下方「载入示例脚本」中选择示例" if sample_files() else ""
            st.info(f"请先上传至少一个文件{more}后再审核。")
    _sample_loader(broadcast_date, products)
    result = st.session_state.get(RESULT_KEY)
    if result is not None:
        _show_result(result)
    st.caption(f"规则库版本：{escape_markdown(checklist.version)}")


def _inputs() -> tuple[list[tuple[str, bytes]], dt.date | None, list[ProductCategory]]:
    """The upload widget and the check options."""
    types = _suffixes()
    limit_mb = DEFAULT_MAX_BYTES // (1024 * 1024)
    uploads = st.file_uploader(
        "上传文件（可多选）",
        type=types,
        accept_multiple_files=True,
        key="uploads",
        help=f"支持 {'、'.join(types)}；单个文件不超过 {limit_mb} MB。脚本、手卡和证明材料请一起上传。",
    )
    left, right = st.columns(2)
    with left:
        products = st.multiselect(
            "商品类别",
            options=list(ProductCategory),
            format_func=lambda p: PRODUCT_LABELS[p],
            placeholder="自动识别",
            key="products",
            help="不选则根据脚本内容自动识别。",
        )
    with right:
        broadcast_date = None
        if st.checkbox("指定直播日期", key="use_date", help="不指定时取脚本中的直播日期，没有则取今天。"):
            broadcast_date = st.date_input("直播日期", value=local_today(), key="broadcast_date")
    files = [(f.name, f.getvalue()) for f in uploads or []]
    return files, broadcast_date, list(products)


def _sample_loader(broadcast_date: dt.date | None, products: list[ProductCategory]) -> None:
    """Let users try the bundled samples without uploading anything."""
    samples = sample_files()
    if not samples:
        return
    with st.expander("没有文件？载入示例脚本试一试"):
        chosen = st.multiselect(
            "示例文件（可多选，一起作为一次提交审核）",
            options=[p.name for p in samples],
            key="samples",
            placeholder="选择示例文件",
        )
        if st.button("载入示例脚本", key="load_samples"):
            if not chosen:
                st.info("请先选择至少一个示例文件。")
                return
            by_name = {p.name: p for p in samples}
            files = [(name, by_name[name].read_bytes()) for name in chosen]
            _run_check(files, broadcast_date, products, source="示例：" + "、".join(chosen))


def _run_check(
    files: list[tuple[str, bytes]],
    broadcast_date: dt.date | None,
    products: Sequence[ProductCategory],
    source: str,
) -> None:
    """Call the engine; store the result or show a Chinese error (never a traceback)."""
    st.session_state.pop(RESULT_KEY, None)
    bar = FileProgressBar([name for name, _ in files], "正在读取并审核")
    try:
        chosen = list(products) or None
        report, documents = check_uploads(files, broadcast_date=broadcast_date, products=chosen, progress=bar)
    except IngestError as exc:
        st.error(f"无法读取文件 {escape_markdown(exc.name)}：{escape_markdown(exc.reason)}")
        return
    except Exception:
        log.exception("check_uploads failed for %s", [name for name, _ in files])
        st.error(_UNEXPECTED_ERROR)
        return
    finally:
        seconds = bar.finish()
    if bar.ocr_pages:
        st.info(f"含扫描件，已 OCR 识别 {bar.ocr_pages} 页，共用时 {seconds:.1f} 秒。")
    for key in _FILTER_KEYS:  # a new report has its own categories: start unfiltered
        st.session_state.pop(key, None)
    st.session_state[RESULT_KEY] = CheckResult(report, documents, source)


def _show_result(result: CheckResult) -> None:
    """Verdict, per-document table and the findings."""
    report = result.report
    st.divider()
    st.subheader("审核结果")
    st.caption(escape_markdown(result.source))
    _verdict_banner(report)
    _documents_section(report.documents)
    scope_section(report)
    claims_section(report)
    _findings_section(report, result.documents)


def severity_counts_text(report: Report) -> str:
    """E.g. `高 1 项 · 中 0 项 · 低（提示） 2 项`."""
    summary = report.summary
    return " · ".join(f"{SEVERITY_LABELS[s]} {summary[str(s)]} 项" for s in _SEVERITIES)


def _verdict_banner(report: Report) -> None:
    """The overall verdict, coloured by outcome, with the counts per severity."""
    text = f"审核结论：**{VERDICT_LABELS[report.verdict]}**　（{severity_counts_text(report)}）"
    {"fail": st.error, "needs_review": st.warning, "pass": st.success}[report.verdict](text)
    products = "、".join(PRODUCT_LABELS[p] for p in report.products) or "未识别"
    st.caption(f"直播日期：{report.broadcast_date.isoformat()}　商品类别：{products}")
    unreadable = [d for d in report.documents if d.error]
    if unreadable and len(unreadable) == len(report.documents):
        st.warning("所有文件都无法读取，没有内容被审核；上面的结论不代表脚本合规。")
    elif unreadable:
        st.warning(f"有 {len(unreadable)} 个文件无法读取，未纳入审核结论。")


def _doc_status(info: DocumentInfo) -> str:
    if info.error:
        return f"无法读取：{info.error}"
    if info.needs_ocr:
        return "需 OCR / 人工核对"
    return "已读取"


def _documents_section(documents: list[DocumentInfo]) -> None:
    """One row per file; unreadable and scanned files get an explicit message."""
    st.markdown("#### 文件")
    rows = [
        {
            "文件": d.document,
            "类型": DOC_KIND_LABELS[d.kind],
            "字数": d.chars,
            "状态": _doc_status(d),
            "备注": "；".join(d.notes),
        }
        for d in documents
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for d in documents:
        name = escape_markdown(d.document)
        if d.error:
            st.error(f"**{name}** 无法读取：{escape_markdown(d.error)}")
        elif d.needs_ocr:
            why = "；".join(d.notes) or "几乎没有可提取的文字（可能是扫描件或图片），需要 OCR 或人工核对"
            st.warning(f"**{name}** 未能审核内容：{escape_markdown(why)}")


def scope_section(report: Report) -> None:
    """Which rule sets ran and which were switched off by product type, so nobody assumes they were checked."""
    off = [r for r in report.rule_sets if r.skipped]
    label = f"审核范围：执行 {sum(r.ran for r in report.rule_sets)} 条规则" + (
        f"，{sum(r.skipped for r in off)} 条因商品类别未执行" if off else "")
    with st.expander(label, expanded=bool(off)):
        rows = [{"规则集": r.title, "已执行": r.ran, "未执行": r.skipped,
                 "未执行原因": ("仅适用于" + "、".join(PRODUCT_LABELS[ProductCategory(p)] for p in r.skipped_products))
                 if r.skipped else ""} for r in report.rule_sets]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
        if off:
            st.caption("如商品类别识别有误，请在上方「商品类别」中手动指定后重新审核。")


def claims_frame(report: Report) -> pd.DataFrame:
    """The claims–evidence table with Chinese column names."""
    rows = [{"宣称": c.claim, "文件": c.document, "位置": c.location, "商品": c.product,
             "核对结果": CLAIM_STATUS_LABELS.get(c.status, c.status), "证据文件": c.evidence_document,
             "证据位置": c.evidence_location, "证据内容": c.evidence_text, "说明": c.note} for c in report.claims]
    return pd.DataFrame(rows, columns=["宣称", "文件", "位置", "商品", "核对结果", "证据文件", "证据位置",
                                       "证据内容", "说明"])


def claims_section(report: Report) -> None:
    """The claims–evidence table (only when the evidence checks produced rows)."""
    if not report.claims:
        return
    st.markdown("#### 宣称与证据对照")
    st.dataframe(claims_frame(report), hide_index=True, width="stretch")


def _filtered(findings: list[Finding]) -> list[Finding]:
    """Category and severity filters (empty selection = all)."""
    cats = sorted({f.category for f in findings}, key=list(Category).index)
    sevs = [s for s in _SEVERITIES if any(f.severity == s for f in findings)]
    left, right = st.columns(2)
    with left:
        chosen_cats = st.multiselect(
            "按类别筛选", cats, format_func=lambda c: CATEGORY_LABELS[c], placeholder="全部类别", key="f_cat"
        )
    with right:
        chosen_sevs = st.multiselect(
            "按风险等级筛选",
            sevs,
            format_func=lambda s: SEVERITY_LABELS[s],
            placeholder="全部等级",
            key="f_sev",
        )
    return [
        f
        for f in findings
        if (not chosen_cats or f.category in chosen_cats) and (not chosen_sevs or f.severity in chosen_sevs)
    ]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    """The findings as a table with Chinese column names."""
    rows = [
        {
            "文件": f.document,
            "风险等级": SEVERITY_LABELS[f.severity],
            "类别": CATEGORY_LABELS[f.category],
            "规则": f.rule,
            "位置": f.location,
            "原文": f.text,
            "问题": f.message,
            "条款": f.clause,
            "法律依据": f.law,
            "修改建议": f.suggestion,
        }
        for f in findings
    ]
    columns = ["文件", "风险等级", "类别", "规则", "位置", "原文", "问题", "条款", "法律依据", "修改建议"]
    return pd.DataFrame(rows, columns=columns)


def _findings_section(report: Report, documents: dict[str, Document]) -> None:
    """Filters, the findings table, the JSON download and the findings grouped by document."""
    st.markdown("#### 发现的问题")
    st.download_button(
        "下载 JSON 报告",
        data=json.dumps(report.to_dict(), ensure_ascii=False, indent=2),
        file_name="review-report.json",
        mime="application/json",
        key="download_json",
    )
    if not report.findings:
        st.success("未发现问题。")
        return
    shown = _filtered(report.findings)
    st.caption(f"显示 {len(shown)} / {len(report.findings)} 项")
    st.dataframe(findings_frame(shown), hide_index=True, width="stretch")
    for name in _document_order(report, shown):
        group = sorted(
            (f for f in shown if f.document == name),
            key=lambda f: (-f.severity.rank, -1 if f.start is None else f.start),
        )
        st.markdown(f"##### 文件：{escape_markdown(name)}（{len(group)} 项）")
        doc = documents.get(name)
        for finding in group:
            with st.container(border=True):
                st.markdown(finding_markdown(finding, doc))


def _document_order(report: Report, findings: list[Finding]) -> list[str]:
    """Document names in report order, then any others named only by findings."""
    names = [d.document for d in report.documents]
    names += [f.document for f in findings if f.document not in names]
    present = {f.document for f in findings}
    return [n for n in dict.fromkeys(names) if n in present]


def finding_markdown(finding: Finding, doc: Document | None) -> str:
    """One finding as Markdown: every piece of text escaped, the quote highlighted in its context."""
    esc = escape_markdown
    head = (
        f"{severity_badge(finding.severity, SEVERITY_LABELS[finding.severity])} "
        f"**{esc(CATEGORY_LABELS[finding.category])}** · 规则 {esc(finding.rule)}"
    )
    quote = quote_in_context(doc.text if doc else None, finding.start, finding.end, finding.text)
    lines = [
        head,
        f"**位置**：{esc(finding.location) or '—'}",
        f"**原文**：{quote or '（文档级问题，无具体原文）'}",
        f"**问题**：{esc(finding.message)}",
        f"**条款**：{esc(finding.clause)}",
        f"**法律依据**：{esc(finding.law)}",
        f"**修改建议**：{esc(finding.suggestion)}",
    ]
    return "  \n".join(lines)
