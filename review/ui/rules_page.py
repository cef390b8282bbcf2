"""Page 规则库: browse every checklist rule with its clause, law, message, fix and its own examples."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from review.checklist import Rule
from review.engine import verified_checklist
from review.model import CATEGORY_LABELS, PRODUCT_LABELS, SEVERITY_LABELS, Category, ProductCategory, Severity
from review.ui.render import escape_markdown, severity_badge

KIND_LABELS = {"existence": "禁用词/模式", "conditional": "缺少必备内容", "occurrence": "重复次数", "code": "程序校验"}


def rules_frame(rules: list[Rule]) -> pd.DataFrame:
    """One row per rule, Chinese column names."""
    rows = [{"规则": r.id, "规则集": r.topic, "类别": CATEGORY_LABELS[r.category],
             "风险等级": SEVERITY_LABELS[r.severity], "类型": KIND_LABELS.get(r.kind, r.kind),
             "适用商品": "、".join(PRODUCT_LABELS[p] for p in sorted(r.products, key=list(ProductCategory).index)),
             "条款": r.clause, "法律依据": r.law, "问题说明": r.message} for r in rules]
    return pd.DataFrame(rows, columns=["规则", "规则集", "类别", "风险等级", "类型", "适用商品", "条款", "法律依据",
                                       "问题说明"])


def filter_rules(rules: list[Rule], categories: list[Category], severities: list[Severity],
                 products: list[ProductCategory], query: str) -> list[Rule]:
    """Rules matching every chosen filter (an empty filter matches all); query searches id, message and examples."""
    q = query.strip().lower()

    def keep(r: Rule) -> bool:
        if categories and r.category not in categories:
            return False
        if severities and r.severity not in severities:
            return False
        if products and not (r.products & set(products)):
            return False
        hay = " ".join([r.id, r.message, r.suggestion, r.clause, r.law, *r.examples_hit, *r.examples_ok]).lower()
        return not q or q in hay

    return [r for r in rules if keep(r)]


def render() -> None:
    """Draw the page."""
    st.title("规则库")
    try:
        checklist = verified_checklist().checklist
    except Exception as exc:  # a malformed rule file: the loader names file and rule
        st.error(f"规则库加载失败：{escape_markdown(str(exc))}")
        return
    st.caption(f"清单版本 {escape_markdown(checklist.version)}，共 {len(checklist.rules)} 条规则。"
               "每条规则自带命中示例与不应命中的示例，启动时逐条校验。")
    c1, c2, c3 = st.columns(3)
    cats = c1.multiselect("类别", list(Category), format_func=lambda c: CATEGORY_LABELS[c], placeholder="全部",
                          key="rules_cat")
    sevs = c2.multiselect("风险等级", list(Severity), format_func=lambda s: SEVERITY_LABELS[s], placeholder="全部",
                          key="rules_sev")
    prods = c3.multiselect("适用商品", list(ProductCategory), format_func=lambda p: PRODUCT_LABELS[p],
                           placeholder="全部", key="rules_prod")
    query = st.text_input("搜索（规则编号、说明或示例中的文字）", key="rules_q")
    shown = filter_rules(checklist.rules, cats, sevs, prods, query)
    st.caption(f"显示 {len(shown)} / {len(checklist.rules)} 条")
    st.dataframe(rules_frame(shown), hide_index=True, width="stretch")
    for r in shown[:200]:
        with st.expander(f"{r.id} · {CATEGORY_LABELS[r.category]} · {r.message[:40]}"):
            st.markdown(rule_markdown(r))


def rule_markdown(r: Rule) -> str:
    """One rule's details as escaped Markdown."""
    esc = escape_markdown
    hits = "  \n".join(f"- 命中：{esc(t)}" for t in r.examples_hit)
    oks = "  \n".join(f"- 不命中：{esc(t)}" for t in r.examples_ok)
    return "  \n".join([
        f"{severity_badge(r.severity, SEVERITY_LABELS[r.severity])} **{esc(CATEGORY_LABELS[r.category])}** · "
        f"{esc(KIND_LABELS.get(r.kind, r.kind))} · 规则文件 {esc(r.source)}",
        f"**问题**：{esc(r.message)}",
        f"**修改建议**：{esc(r.suggestion)}",
        f"**条款**：{esc(r.clause)}",
        f"**法律依据**：{esc(r.law)}",
        "**示例**：", hits, oks,
    ])
