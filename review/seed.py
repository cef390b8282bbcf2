"""Demo data for `make run`: one user per role and department, and sample submissions in every state.

`python -m review.seed` is idempotent: users that exist are left alone and samples are added only to an
empty database. Passwords are random, printed once when a user is created, and stored only as argon2
hashes; `--reset-passwords` issues new ones for the demo users.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .workflow import ReviewService, WorkflowError, get_service

SAMPLES = Path(__file__).resolve().parent.parent / "sample_scripts"


@dataclass(frozen=True)
class DemoUser:
    """A demo account."""

    name: str
    role: str
    department: str | None
    display_name: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("planner", "planner", None, "王晓雨（策划）"),
    DemoUser("legal", "reviewer", "法务", "李律（法务）"),
    DemoUser("market", "reviewer", "市场", "周敏（市场）"),
    DemoUser("service", "reviewer", "客服", "赵婷（客服）"),
    DemoUser("auditor", "auditor", None, "孙立（审计）"),
    DemoUser("admin", "admin", None, "系统管理员"),
)


def new_password() -> str:
    """A random password of 16 URL-safe characters."""
    return secrets.token_urlsafe(12)


def seed_users(svc: ReviewService, reset: bool = False) -> list[tuple[DemoUser, str]]:
    """Create missing demo users (or reset their passwords); returns the (user, password) pairs issued."""
    existing = {u.name for u in svc.list_users(None)}
    issued = []
    for demo in DEMO_USERS:
        password = new_password()
        if demo.name not in existing:
            svc.add_user(None, demo.name, demo.role, password, department=demo.department,
                         display_name=demo.display_name)
        elif reset:
            svc.set_password(None, demo.name, password)
        else:
            continue
        issued.append((demo, password))
    return issued


def _read(name: str) -> tuple[str, bytes]:
    return name, (SAMPLES / name).read_bytes()


def _fixed_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans cut out (the planner's "corrected" second version)."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + text[end:]
    return text


def seed_samples(svc: ReviewService, passwords: dict[str, str]) -> list[int]:
    """Sample submissions: rejected then resubmitted, approved with a co-signature, and one waiting.

    Decisions are electronically signed, so they need the reviewers' passwords (known only when the demo
    users were just created); without them only the undecided sample is written.
    """
    if not {"legal", "market"} <= passwords.keys():
        card = svc.submit(svc.act_as("planner"), [_read("03_手卡_家电专场.xlsx")], "家电专场手卡",
                          room="优选家电直播间")
        return [card.id]
    planner, legal, market = (svc.act_as(n) for n in ("planner", "legal", "market"))
    made = []
    # 1. A face-cream script full of absolute claims: rejected, then resubmitted with the claims removed.
    first = svc.submit(planner, [_read("01_面霜_直播脚本.txt")], "沐岚面霜冬季专场直播脚本",
                       room="沐岚美妆官方旗舰店", hosts=["小雨", "阿杰"])
    view = svc.get_submission(legal, first.id).current
    for f in view.findings:
        if f.severity == "high":
            svc.set_disposition(legal, f.id, "must_fix", "极限词，须删除或改为可证实的表述")
    svc.decide(legal, first.id, approve=False, comment="多处极限词违反广告法第九条，请逐条修改后重新提交。",
               password=passwords["legal"])
    script = view.documents[0]
    spans = [(f.start, f.end) for f in view.findings if f.severity == "high" and f.start is not None]
    fixed = _fixed_text(script.text, spans).encode("utf-8")
    svc.submit(planner, [(script.name, fixed)], "沐岚面霜冬季专场直播脚本（修改版）", supersedes=first.id,
               room="沐岚美妆官方旗舰店", hosts=["小雨", "阿杰"])
    made.append(first.id)
    # 2. A clean tea script and hand card: co-signed by 市场, then approved by 法务 (the required department).
    tea = svc.submit(planner, [_read("05_clean_茶叶_脚本.txt"), _read("06_clean_手卡.docx")], "茶叶专场脚本与手卡",
                     room="山间茶舍", hosts=["阿青"])
    svc.add_comment(legal, tea.version_id, "表述规范，未发现问题。")
    for f in svc.get_submission(legal, tea.id).current.findings:  # the label line is shown as an overlay
        if f.severity == "high":
            svc.set_disposition(legal, f.id, "waive", "直播间画面已叠加相应标识，脚本中未写出")
    svc.decide(market, tea.id, approve=True, comment="卖点清楚，会签同意。", password=passwords["market"])
    svc.decide(legal, tea.id, approve=True, comment="未发现违规表述，同意开播。", password=passwords["legal"])
    made.append(tea.id)
    # 3. An appliance hand card waiting in the review queue.
    card = svc.submit(planner, [_read("03_手卡_家电专场.xlsx")], "家电专场手卡", room="优选家电直播间")
    made.append(card.id)
    return made


def print_credentials(issued: list[tuple[DemoUser, str]], out=None) -> None:
    """The table of new credentials (shown once)."""
    if not issued:
        return
    out = out or sys.stdout
    print("演示账号（密码只显示这一次，数据库中只保存其哈希；忘记后可运行 python -m review.seed --reset-passwords）：",
          file=out)
    for demo, password in issued:
        role = demo.display_name
        print(f"  {role:<12} 用户名 {demo.name:<8} 密码 {password}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    """Seed users and samples; print new credentials."""
    parser = argparse.ArgumentParser(prog="python -m review.seed", description="写入演示账号和样例提交")
    parser.add_argument("--reset-passwords", action="store_true", help="为演示账号重新生成密码")
    parser.add_argument("--no-samples", action="store_true", help="只创建账号，不写入样例提交")
    args = parser.parse_args(argv)
    svc = get_service()
    try:
        issued = seed_users(svc, reset=args.reset_passwords)
        if not args.no_samples and not _has_submissions(svc):
            ids = seed_samples(svc, {demo.name: pw for demo, pw in issued})
            print(f"已写入 {len(ids)} 个样例提交。")
    except WorkflowError as exc:
        print(f"写入演示数据失败：{exc.message}", file=sys.stderr)
        return 2
    if issued:
        print_credentials(issued)
    else:
        print("演示账号已存在（密码只在创建时显示过；需要新密码请运行 python -m review.seed --reset-passwords）。")
    return 0


def _has_submissions(svc: ReviewService) -> bool:
    from sqlalchemy import func, select

    from .store.models import Submission

    with svc.db.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Submission)))


if __name__ == "__main__":
    sys.exit(main())
