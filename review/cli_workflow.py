"""Workflow commands of `python -m review`: users, submit, decide, audit (contract: review-contract.md).

Each command gathers its arguments, calls one service method and prints the result; a refusal
(`WorkflowError`) is printed on stderr and exits 2. Passwords are read only from standard input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path

from .model import SEVERITY_LABELS, VERDICT_LABELS, ProductCategory, Severity

EXIT_OK, EXIT_FAIL, EXIT_REFUSED = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None


def refusals_exit_2(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Print a WorkflowError's Chinese message on stderr and exit 2 instead of a traceback."""

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        from .workflow.errors import WorkflowError

        try:
            return func(args)
        except WorkflowError as exc:
            print(exc.message, file=sys.stderr)
            return EXIT_REFUSED

    return wrapper


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register users, submit, decide and audit on the main parser's subcommands."""
    users = sub.add_parser("users", help="用户管理").add_subparsers(dest="users_command", required=True)
    add = users.add_parser("add", help="新增用户（密码从标准输入读取）")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("planner", "reviewer", "auditor", "admin"))
    add.add_argument("--department", choices=("法务", "市场", "客服", "运营"))
    add.add_argument("--display-name", default="", help="显示名（如 张三）")
    add.add_argument("--password-stdin", action="store_true", required=True, help="从标准输入读取密码")
    add.set_defaults(handler=cmd_users_add)
    lst = users.add_parser("list", help="列出用户")
    lst.set_defaults(handler=cmd_users_list)
    for verb, help_ in (("deactivate", "停用用户（保留其历史记录）"), ("activate", "重新启用用户")):
        p = users.add_parser(verb, help=help_)
        p.add_argument("name")
        p.set_defaults(handler=cmd_users_active, active=verb == "activate")

    submit = sub.add_parser("submit", help="提交文件送审（保存文件和自动审核结果）")
    submit.add_argument("files", nargs="+", metavar="FILE")
    submit.add_argument("--title", required=True)
    submit.add_argument("--user", required=True)
    submit.add_argument("--broadcast-date", type=_date, default=None)
    submit.add_argument("--supersedes", type=int, default=None, metavar="ID", help="作为该提交的新版本")
    submit.add_argument("--format", choices=("text", "json"), default="text")
    submit.add_argument("--product", action="append", choices=[p.value for p in ProductCategory], default=None)
    submit.add_argument("--room", default="", help="直播间")
    submit.add_argument("--host", action="append", default=[], help="主播（可多次给出）")
    submit.add_argument("--draft", action="store_true", help="只保存为草稿，不送审")
    submit.set_defaults(handler=cmd_submit)

    decide = sub.add_parser("decide", help="审核员作出决定（通过或驳回）")
    decide.add_argument("id", type=int, metavar="ID", help="提交编号")
    decide.add_argument("--user", required=True, help="审核员用户名")
    outcome = decide.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--approve", action="store_true", help="审核通过")
    outcome.add_argument("--reject", action="store_true", help="驳回")
    decide.add_argument("--comment", required=True, help="审核意见")
    decide.add_argument("--waive", action="append", default=[], metavar="RULE_OR_FINDING_ID=REASON",
                        help="豁免问题（问题编号如 F1a2b3c4d5e，或规则编号）并说明理由；可多次给出")
    decide.add_argument("--password-stdin", action="store_true", required=True, help="从标准输入读取密码")
    decide.set_defaults(handler=cmd_decide)

    export = sub.add_parser("export", help="导出签名的审核报告")
    export.add_argument("id", type=int, metavar="ID", help="提交编号")
    export.add_argument("--format", choices=("pdf", "docx", "json"), required=True)
    export.add_argument("--out", required=True, metavar="PATH")
    export.add_argument("--version", type=int, default=None, help="版本号（默认当前版本）")
    export.set_defaults(handler=cmd_export)

    verify = sub.add_parser("verify", help="核验审核报告（json 或 pdf）的签名与文件哈希")
    verify.add_argument("path", metavar="PATH")
    verify.add_argument("--documents", default=None, metavar="DIR", help="原始文件所在目录，核对 SHA-256")
    verify.add_argument("--registry", action="store_true", help="同时核对公钥是否在本系统（REVIEW_HOME）登记")
    verify.set_defaults(handler=cmd_verify)

    aud = sub.add_parser("audit", help="审计记录").add_subparsers(dest="audit_command", required=True)
    aud.add_parser("verify", help="校验审计记录的哈希链").set_defaults(handler=cmd_audit_verify)
    exp = aud.add_parser("export", help="导出审计记录为 .xlsx 或 .csv")
    exp.add_argument("--out", required=True)
    exp.add_argument("--from", dest="start", type=_date, default=None)
    exp.add_argument("--to", dest="end", type=_date, default=None)
    exp.add_argument("--user", default=None)
    exp.set_defaults(handler=cmd_audit_export)


def _service():
    from .workflow import get_service

    return get_service()


def _password() -> str:
    """The first line of standard input, without its line break."""
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise _refusal("标准输入中没有密码（--password-stdin 从标准输入读取第一行）")
    return password


def _refusal(message: str):
    from .workflow import WorkflowError

    return WorkflowError(message, "usage")


@refusals_exit_2
def cmd_users_add(args: argparse.Namespace) -> int:
    """`users add`: create a user as the shell operator."""
    user = _service().add_user(None, args.name, args.role, _password(), department=args.department,
                               display_name=args.display_name)
    print(f"已创建用户 {user.name}（{user.role_label}）")
    return EXIT_OK


@refusals_exit_2
def cmd_users_list(args: argparse.Namespace) -> int:
    """`users list`."""
    for u in _service().list_users(None):
        print(f"{u.name:<16} {u.role_label:<12} {u.display_name:<12} {'' if u.active else '（已停用）'}")
    return EXIT_OK


@refusals_exit_2
def cmd_users_active(args: argparse.Namespace) -> int:
    """`users activate|deactivate NAME`."""
    user = _service().set_user_active(None, args.name, args.active)
    print(f"用户 {user.name} 已{'启用' if user.active else '停用'}")
    return EXIT_OK


@refusals_exit_2
def cmd_submit(args: argparse.Namespace) -> int:
    """`submit`: store the files and their check as a new submission or version."""
    files = []
    for name in args.files:
        try:
            files.append((Path(name).name, Path(name).read_bytes()))
        except OSError as exc:
            raise _refusal(f"无法读取 {name}：{exc.strerror or exc}；本次提交未保存任何内容") from None
    svc = _service()
    user = svc.act_as(args.user)
    result = svc.submit(user, files, args.title, broadcast_date=args.broadcast_date, products=args.product,
                        room=args.room, hosts=args.host, supersedes=args.supersedes, draft=args.draft)
    if args.format == "json":
        print(json.dumps({"id": result.id, "version": result.version, "verdict": result.verdict},
                         ensure_ascii=False))
        return EXIT_OK
    counts = "，".join(f"{SEVERITY_LABELS[Severity(k)]} {v}" for k, v in result.summary.items())
    print(f"已保存：提交编号 {result.id}，第 {result.version} 版；自动审核结论：{VERDICT_LABELS[result.verdict]}"
          f"（{counts}）")
    for f in svc.get_submission(user, result.id).current.findings:
        if f.severity != Severity.LOW:
            quote = f"「{f.text}」" if f.text else "（文档级）"
            print(f"  {f.key} [{f.severity_label}] {f.rule} {quote} {f.document} {f.location}")
    return EXIT_OK


def _waivers(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        ref, sep, reason = item.partition("=")
        if not sep or not ref.strip() or not reason.strip():
            raise _refusal(f"--waive 的格式应为 规则或问题编号=理由，且理由不能为空：{item}")
        out[ref.strip()] = reason.strip()
    return out


@refusals_exit_2
def cmd_decide(args: argparse.Namespace) -> int:
    """`decide`: log the reviewer in with the password from stdin and record the decision."""
    waivers = _waivers(args.waive)
    svc = _service()
    password = _password()
    user = svc.login(args.user, password)
    result = svc.decide(user, args.id, approve=args.approve, comment=args.comment, waivers=waivers,
                        password=password)
    from .workflow import OUTCOME_LABELS, STATUS_LABELS, Status

    where = f"提交 {result.submission_id} 第 {result.version} 版"
    print(f"{result.department}：{OUTCOME_LABELS[result.outcome]}（{where}）；当前状态：{STATUS_LABELS[Status(result.status)]}")
    if result.waived:
        print(f"已豁免：{'、'.join(result.waived)}")
    if result.status == Status.IN_REVIEW and result.pending_departments:
        print(f"尚待审核的必审部门：{'、'.join(result.pending_departments)}")
    return EXIT_OK


@refusals_exit_2
def cmd_export(args: argparse.Namespace) -> int:
    """`export ID --format pdf|docx|json --out PATH`: write the signed review report."""
    from pathlib import Path

    data = _service().export_report(None, args.id, args.format, version=args.version)
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(out)
    print(f"已导出提交 {args.id} 的审核报告（{args.format}，{len(data)} 字节）到 {out}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """`verify PATH [--documents DIR] [--registry]`: exit 0 with a summary, 1 naming what fails, 2 when unreadable."""
    from pathlib import Path

    from .report.verify import verify_path

    path = Path(args.path)
    if not path.is_file():
        print(f"无法读取 {path}：文件不存在", file=sys.stderr)
        return EXIT_REFUSED
    docs = Path(args.documents) if args.documents else None
    if docs is not None and not docs.is_dir():
        print(f"原始文件目录不存在：{docs}", file=sys.stderr)
        return EXIT_REFUSED
    registry = _service().key_registry() if args.registry else None
    result = verify_path(path, docs, registry)
    for line in result.checked:
        print(f"  ✓ {line}")
    if result.ok:
        print(f"核验通过：{path.name}，状态「{result.status}」，{len(result.checked)} 项全部成立。")
        return EXIT_OK
    print(f"核验失败：{path.name}", file=sys.stderr)
    for p in result.problems:
        print(f"  ✗ {p}", file=sys.stderr)
    return EXIT_FAIL


@refusals_exit_2
def cmd_audit_verify(args: argparse.Namespace) -> int:
    """`audit verify`: exit 0 when the chain holds, 1 naming every break."""
    check = _service().audit_verify(None)
    if check.ok:
        print(f"审计链完整：共 {check.entries} 条记录，哈希链逐条校验通过。")
        return EXIT_OK
    print(f"审计链校验失败（共 {check.entries} 条记录，发现 {len(check.problems)} 处问题）：", file=sys.stderr)
    for p in check.problems:
        print(f"  - {p.message}", file=sys.stderr)
    return EXIT_FAIL


@refusals_exit_2
def cmd_audit_export(args: argparse.Namespace) -> int:
    """`audit export --out FILE.xlsx|.csv [--from --to --user]`."""
    count = _service().audit_export(None, args.out, start=args.start, end=args.end, user=args.user)
    print(f"已导出 {count} 条审计记录到 {args.out}")
    return EXIT_OK
