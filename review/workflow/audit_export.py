"""Audit trail rows for display and export (.xlsx or .csv), filtered by local date range and actor."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from review.localtime import day_bounds, local_tz
from review.store.models import AuditEntry

from .errors import WorkflowError

ACTION_LABELS: dict[str, str] = {
    "login": "登录", "login_failed": "登录失败", "user_add": "新增用户", "user_activate": "启用用户",
    "user_deactivate": "停用用户", "password_change": "修改密码", "submit": "提交", "save_draft": "保存草稿",
    "resubmit": "重新提交（新版本）", "check": "自动审核", "start_review": "开始审核", "disposition": "问题处置",
    "comment": "评论", "decision": "审核决定", "decide_refused": "审核决定被拒绝", "audit_export": "导出审计记录",
    "export": "导出审核报告", "sign": "电子签名", "blob_gc": "清理无引用的文件",
}
COLUMNS = [("seq", "序号"), ("at", "时间（UTC）"), ("local_time", "本地时间"), ("actor", "操作人"),
           ("action", "操作"), ("action_label", "操作说明"), ("target", "对象"), ("details", "详情"),
           ("prev_hash", "前一条哈希"), ("hash", "本条哈希")]


def entry_rows(s: Session, *, start: dt.date | None = None, end: dt.date | None = None,
               user: str | None = None) -> list[dict]:
    """Entries in chain order as dicts with the keys of COLUMNS."""
    lo, hi = day_bounds(start, end)
    q = select(AuditEntry).order_by(AuditEntry.seq)
    if lo is not None:
        q = q.where(AuditEntry.at >= lo)
    if hi is not None:
        q = q.where(AuditEntry.at < hi)
    if user:
        q = q.where(AuditEntry.actor == user)
    tz = local_tz()
    return [{"seq": e.seq, "at": e.at.isoformat(timespec="microseconds"),
             "local_time": e.at.astimezone(tz).isoformat(timespec="seconds"), "actor": e.actor,
             "action": e.action, "action_label": ACTION_LABELS.get(e.action, e.action), "target": e.target,
             "details": e.details, "prev_hash": e.prev_hash, "hash": e.hash} for e in s.scalars(q)]


def write_rows(rows: list[dict], out: str | Path) -> int:
    """Write rows to `out` (.xlsx or .csv, chosen by suffix); returns the number of rows written."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise WorkflowError("导出文件须以 .xlsx 或 .csv 结尾", "bad_format")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".csv":
            _write_csv(rows, path)
        else:
            _write_xlsx(rows, path)
    except OSError as exc:
        raise WorkflowError(f"无法写入 {path}：{exc.strerror or exc}", "io") from exc
    return len(rows)


def _write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel opens Chinese CSV correctly
        writer = csv.writer(fh)
        writer.writerow([label for _k, label in COLUMNS])
        for r in rows:
            writer.writerow([_cell(r[k]) for k, _label in COLUMNS])


def _write_xlsx(rows: list[dict], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "审计记录"
    ws.append([label for _k, label in COLUMNS])
    for r in rows:
        ws.append([_cell(r[k]) for k, _label in COLUMNS])
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJ", (6, 28, 22, 14, 16, 16, 18, 60, 66, 66), strict=True):
        ws.column_dimensions[col].width = width
    wb.save(path)


def _cell(value):
    """Neutralize spreadsheet formulas in user-controlled text (CSV/formula injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
