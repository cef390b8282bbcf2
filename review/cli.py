"""Command line: `python -m review check FILE...` (contract: ../shared/review-contract.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from .checklist import ChecklistError
from .model import (
    CATEGORY_LABELS,
    DOC_KIND_LABELS,
    SEVERITY_LABELS,
    VERDICT_LABELS,
    Document,
    ProductCategory,
    Report,
    Severity,
)
from .snippet import context_snippet

FAIL_ON = ("high", "medium", "low", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
CONTEXT_CHARS = 20


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m review`."""
    parser = argparse.ArgumentParser(prog="python -m review", description="直播电商播前合规审核")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="审核一组文件（脚本、手卡及证据材料）")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--broadcast-date", type=_date, default=None, help="直播日期 YYYY-MM-DD")
    check.add_argument("--fail-on", choices=FAIL_ON, default="high")
    check.add_argument("--product", action="append", choices=[p.value for p in ProductCategory], default=None,
                       help="产品类别（可多次给出）；不给则按内容自动识别")
    rules = sub.add_parser("rules", help="校验并列出规则库")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def exit_status(report: Report, fail_on: str) -> int:
    """0, 1 or 2 as the contract says."""
    if report.errors:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK


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
    s = report.summary
    lines.append(f"\n结论：{VERDICT_LABELS[report.verdict]}（高 {s['high']}，中 {s['medium']}，低 {s['low']}；"
                 f"共 {len(report.documents)} 个文件，{len(report.errors)} 个无法读取）")
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    """`check`: print the report, report unreadable files on stderr, return the exit status."""
    from .engine import check_uploads

    products = [ProductCategory(p) for p in args.product] if args.product else None
    report, docs = check_uploads([(f, None) for f in args.files], args.broadcast_date, products)
    for info in report.errors:
        print(f"无法读取 {info.document}：{info.error}", file=sys.stderr)
    for info in report.documents:
        if info.needs_ocr:
            print(f"提示 {info.document}：没有可提取的文字，需要 OCR", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(report, docs))
    return exit_status(report, args.fail_on)


def cmd_rules(args: argparse.Namespace) -> int:
    """`rules`: validate the checklist (examples included) and list the rules."""
    from .engine import verified_checklist

    checklist = verified_checklist().checklist
    if args.format == "json":
        rows = [{"id": r.id, "kind": r.kind, "category": str(r.category), "severity": str(r.severity),
                 "products": sorted(map(str, r.products)), "source": r.source, "clause": r.clause, "law": r.law}
                for r in checklist.rules]
        print(json.dumps({"checklist_version": checklist.version, "rules": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in checklist.rules:
        print(f"{r.id:<16} {r.kind:<12} {r.category:<15} {r.severity:<7} {r.source}")
    print(f"OK：{len(checklist.rules)} 条规则全部通过自带示例校验，清单版本 {checklist.version}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = build_parser().parse_args(argv)
    try:
        return {"check": cmd_check, "rules": cmd_rules}[args.command](args)
    except ChecklistError as exc:
        print(f"规则库有误，已停止：\n{exc}", file=sys.stderr)
        return EXIT_INPUT
