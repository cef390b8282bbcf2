"""What a report says, once, as format-neutral blocks; the PDF and DOCX renderers draw the same blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import (
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
from .record import DISPOSITION_LABELS
from .signing import STATUS_LABELS

TITLE = "直播电商播前审核报告"


@dataclass
class Block:
    """A heading, a paragraph or a table (first row is the header)."""

    kind: str                      # heading | para | table
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # relative column widths for tables


def _label(mapping: dict, enum, value: str) -> str:
    try:
        return mapping[enum(value)]
    except ValueError:
        return value


def _products(values: list[str]) -> str:
    return "、".join(_label(PRODUCT_LABELS, ProductCategory, p) for p in values) or "—"


def blocks(report: dict) -> list[Block]:
    """Every block of the report, in reading order."""
    rec = report["record"]
    sub = rec["submission"]
    out = [Block("heading", TITLE),
           Block("para", f"审核状态：{STATUS_LABELS.get(report.get('status', ''), report.get('status', ''))}    "
                         f"自动检查结论：{VERDICT_LABELS.get(rec['verdict'], rec['verdict'])}"),
           Block("table", rows=[["项目", "内容"],
                                ["提交编号 / 版本", f"{sub.get('id')} / 第{sub.get('version')}版"],
                                ["标题", str(sub.get("title") or "")],
                                ["直播间", str(sub.get("room") or "—")],
                                ["主播", "、".join(sub.get("hosts") or []) or "—"],
                                ["商品类别", _products(rec.get("products", []))],
                                ["直播日期", str(rec.get("broadcast_date") or "")],
                                ["提交人 / 时间", f"{sub.get('submitted_by')} / {sub.get('submitted_at')}"],
                                ["前一版本", str(sub.get("supersedes") or "—")],
                                ["会签部门（必需）", "、".join(rec.get("required_departments", []))]],
                 widths=[1, 3])]
    out += _documents(rec) + _rule_sets(rec) + _findings(rec) + _claims(rec) + _comments(rec) + _signatures(report)
    return out


def _documents(rec: dict) -> list[Block]:
    rows = [["文件", "类型", "字数", "SHA-256"]]
    for d in rec["documents"]:
        kind = _label(DOC_KIND_LABELS, DocKind, d["kind"])
        rows.append([d["document"], kind + (f"（无法读取：{d['error']}）" if d.get("error") else ""),
                     str(d.get("chars", 0)), d.get("sha256") or "—"])
    return [Block("heading", "一、审核的文件"), Block("table", rows=rows, widths=[3, 2, 1, 5])]


def _rule_sets(rec: dict) -> list[Block]:
    tool = rec["tool"]
    rows = [["规则集", "已执行", "未执行（按商品类别关闭）"]]
    for rs in rec.get("rule_sets", []):
        off = f"{rs['skipped']} 条（仅适用于{_products(rs['skipped_products'])}）" if rs["skipped"] else "—"
        rows.append([rs["title"], str(rs["ran"]), off])
    return [Block("heading", "二、检查清单与规则集"),
            Block("para", f"工具 {tool['name']} {tool['version']}，清单版本 {tool['checklist_version']}。"),
            Block("table", rows=rows, widths=[3, 1, 3])]


def _findings(rec: dict) -> list[Block]:
    s = rec["summary"]
    head = [Block("heading", "三、发现的问题"),
            Block("para", f"高风险 {s['high']} 项，中风险 {s['medium']} 项，低风险（提示）{s['low']} 项。")]
    if not rec["findings"]:
        return [*head, Block("para", "未发现问题。")]
    rows = [["编号", "风险", "类别 / 规则", "位置与原文", "问题与依据", "修改建议", "处置"]]
    for f in rec["findings"]:
        disp = f.get("disposition") or {}
        status = DISPOSITION_LABELS.get(disp.get("status", ""), disp.get("status", ""))
        disp_text = status + (f"：{disp['reason']}（{disp['by']}）" if disp.get("reason") else "")
        rows.append([f["id"], _label(SEVERITY_LABELS, Severity, f["severity"]),
                     f"{_label(CATEGORY_LABELS, Category, f['category'])}\n{f['rule']}",
                     f"{f['document']} {f['location']}\n「{f['text']}」" if f["text"] else
                     f"{f['document']} {f['location']}（文档级）",
                     f"{f['message']}\n依据：{f['clause']}；{f['law']}", f["suggestion"], disp_text])
    return [*head, Block("table", rows=rows, widths=[2, 1, 2, 3, 4, 3, 2])]


def _claims(rec: dict) -> list[Block]:
    if not rec.get("claims"):
        return []
    rows = [["宣称", "所在位置", "商品", "证据文件与位置", "核对结果"]]
    for c in rec["claims"]:
        rows.append([c["claim"], f"{c['document']} {c['location']}", c.get("product") or "—",
                     f"{c.get('evidence_document') or '—'} {c.get('evidence_location') or ''}".strip(),
                     CLAIM_STATUS_LABELS.get(c["status"], c["status"]) + (f"：{c['note']}" if c.get("note") else "")])
    return [Block("heading", "四、宣称与证据对照"), Block("table", rows=rows, widths=[3, 2, 1, 3, 3])]


def _comments(rec: dict) -> list[Block]:
    if not rec.get("comments"):
        return []
    rows = [["审核人", "时间", "针对", "意见"]]
    rows += [[c["by"], c["at"], f"{c['document']}「{c['quote']}」" if c["quote"] else c["document"], c["text"]]
             for c in rec["comments"]]
    return [Block("heading", "五、审核意见"), Block("table", rows=rows, widths=[1, 2, 3, 4])]


def _signatures(report: dict) -> list[Block]:
    rows = [["签署人", "角色 / 部门", "签署时间", "签署含义", "意见", "公钥指纹"]]
    for e in report.get("signatures", []):
        p, m = e["payload"], e["payload"]["manifestation"]
        rows.append([m["name"], f"{m['role']} / {m['department']}", m["signed_at"], m["meaning"], p["comment"],
                     p["key_fingerprint"]])
    note = ("每个签名以 Ed25519 覆盖报告记录的规范 JSON（含文件哈希）及此前全部签名；"
            "可用 `python -m review verify 报告文件` 独立核验。")
    return [Block("heading", "六、审核决定与电子签名"), Block("table", rows=rows, widths=[1, 2, 2, 1, 3, 3]),
            Block("para", note)]
