"""Command line: `python -m review check FILE...` (contract: ../shared/review-contract.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence

from .checklist import ChecklistError
from .model import ProductCategory, Report, Severity
from .textreport import render_text

FAIL_ON = ("high", "medium", "low", "never")
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


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
    from .cli_workflow import add_parsers

    add_parsers(sub)
    return parser


def exit_status(report: Report, fail_on: str) -> int:
    """0, 1 or 2 as the contract says."""
    if report.errors:
        return EXIT_INPUT
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity(fail_on).rank
    return EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.findings) else EXIT_OK


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
        handler = getattr(args, "handler", None) or {"check": cmd_check, "rules": cmd_rules}[args.command]
        return handler(args)
    except ChecklistError as exc:
        print(f"规则库有误，已停止：\n{exc}", file=sys.stderr)
        return EXIT_INPUT

