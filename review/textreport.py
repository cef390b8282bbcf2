"""The readable text form of a check report (what `check --format text` prints)."""

from __future__ import annotations

from .model import (
    CATEGORY_LABELS,
    CLAIM_STATUS_LABELS,
    DOC_KIND_LABELS,
    PRODUCT_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    Document,
    ProductCategory,
    Report,
)
from .snippet import context_snippet

CONTEXT_CHARS = 20


def quote_in_context(doc: Document | None, start: int | None, end: int | None, quote: str) -> str:
    """The hit in its line, marked with 【】, with a little context either side."""
    if doc is None or start is None or end is None:
        return quote
    snip = context_snippet(doc.text, start, end, CONTEXT_CHARS)
    return f"{'…' if snip.cut_before else ''}{snip.before}【{snip.hit}】{snip.after}{'…' if snip.cut_after else ''}"


def render_text(report: Report, docs: dict[str, Document]) -> str:
    """Readable report grouped by document."""
    lines = [f"直播日期：{report.broadcast_date.isoformat()}    清单版本：{report.checklist_version}"]
    for info in report.documents:
        head = f"\n== {info.document}（{DOC_KIND_LABELS[info.kind]}，{info.chars} 字）"
        if info.error:
            lines.append(f"\n== {info.document}：无法读取 —— {info.error}")
            continue
        lines.append(head)
        lines.extend(f"   注意：{note}" for note in info.notes)
        found = [f for f in report.findings if f.document == info.document]
        if not found:
            lines.append("   未发现问题。")
        for f in found:
            where = f.location or "全文"
            lines.append(f"  [{SEVERITY_LABELS[f.severity]}] {where}  {CATEGORY_LABELS[f.category]} {f.rule}")
            if f.text:
                lines.append(f"      原文：{quote_in_context(docs.get(f.document), f.start, f.end, f.text)}")
            lines.append(f"      问题：{f.message}")
            lines.append(f"      依据：{f.clause}；{f.law}")
            lines.append(f"      建议：{f.suggestion}")
    lines.extend(render_rule_sets(report))
    lines.extend(render_claims(report))
    s = report.summary
    lines.append(f"\n结论：{VERDICT_LABELS[report.verdict]}（高 {s['high']}，中 {s['medium']}，低 {s['low']}；"
                 f"共 {len(report.documents)} 个文件，{len(report.errors)} 个无法读取）")
    return "\n".join(lines)


def render_rule_sets(report: Report) -> list[str]:
    """Which rule sets ran, and which were switched off by product type (so nobody assumes they were checked)."""
    products = "、".join(PRODUCT_LABELS[ProductCategory(p)] for p in report.products)
    lines = [f"\n== 审核范围（商品类别：{products}）"]
    for rs in report.rule_sets:
        if rs.skipped and not rs.ran:
            scope = "、".join(PRODUCT_LABELS[ProductCategory(p)] for p in rs.skipped_products)
            lines.append(f"   未执行：{rs.title}（仅适用于{scope}，共 {rs.skipped} 条）")
        elif rs.skipped:
            scope = "、".join(PRODUCT_LABELS[ProductCategory(p)] for p in rs.skipped_products)
            lines.append(f"   已执行：{rs.title} {rs.ran} 条；另有 {rs.skipped} 条仅适用于{scope}，未执行")
        else:
            lines.append(f"   已执行：{rs.title} {rs.ran} 条")
    return lines


def render_claims(report: Report) -> list[str]:
    """The claims–evidence table, one line per claim (nothing when there are no claims)."""
    if not report.claims:
        return []
    lines = ["\n== 宣称与证据对照"]
    for c in report.claims:
        where = f"{c.evidence_document} {c.evidence_location}".strip() or "—"
        lines.append(f"   [{CLAIM_STATUS_LABELS.get(c.status, c.status)}] 「{c.claim}」（{c.document} {c.location}）"
                     f" 证据：{where}{'；' + c.note if c.note else ''}")
    return lines
