"""Helpers for the store and workflow tests: a service on a fresh database, demo users, sample texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from review.store.blobs import BlobStore
from review.store.db import open_database
from review.workflow import ReviewConfig, ReviewService, UserInfo
from review.workflow import passwords as pw

PASSWORD = "correct horse battery"  # test-only password, never used outside throw-away databases

# Each high line quotes one absolute claim (AD-ABS rules); the clean lines are look-alikes that must not hit.
HIGH_A = "主播：这款面霜是全网最好的面霜。"   # 全网最好
HIGH_B = "主播：顶级品质，大家放心买。"       # 顶级
HIGH_C = "主播：国家级工艺，用料扎实。"       # 国家级
CLEAN = "主播：家人们晚上好，最近很多人问这款面霜，首先看成分。"
SCRIPT_V1 = "\n".join(["直播日期：2026-12-05", CLEAN, HIGH_A, HIGH_B, ""])
SCRIPT_CLEAN = "\n".join(["直播日期：2026-12-05", CLEAN, "主播：成分表在详情页，大家下单前可以看一看。", ""])


def cheap_hasher(monkeypatch) -> None:
    """Real argon2id with small parameters, so tests that create many users stay fast."""
    monkeypatch.setattr(pw, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    pw.dummy_hash.cache_clear()


def make_service(tmp_path: Path, url: str | None = None, config: ReviewConfig | None = None) -> ReviewService:
    """A service on a fresh database (SQLite file under tmp_path unless `url`) and blob folder."""
    db = open_database(url or f"sqlite:///{tmp_path / 'review.sqlite3'}")
    return ReviewService(db=db, blobs=BlobStore(tmp_path / "blobs"), config=config or ReviewConfig())


@dataclass
class People:
    """One user per role and department (and a second planner)."""

    planner: UserInfo
    planner2: UserInfo
    legal: UserInfo
    market: UserInfo
    service: UserInfo
    ops: UserInfo
    auditor: UserInfo
    admin: UserInfo


def add_people(svc: ReviewService) -> People:
    """Create the users of `People` (password PASSWORD)."""
    def add(name, role, dep=None):
        return svc.add_user(None, name, role, PASSWORD, department=dep, display_name=name.upper())

    return People(planner=add("planner", "planner"), planner2=add("planner2", "planner"),
                  legal=add("legal", "reviewer", "法务"), market=add("market", "reviewer", "市场"),
                  service=add("service", "reviewer", "客服"), ops=add("ops", "reviewer", "运营"),
                  auditor=add("auditor", "auditor"), admin=add("admin", "admin"))


def upload(text: str, name: str = "脚本.txt") -> list[tuple[str, bytes]]:
    """One text file as an upload."""
    return [(name, text.encode("utf-8"))]


def table_counts(svc: ReviewService) -> dict[str, int]:
    """Row count of every table (to prove a failed write left nothing behind)."""
    from sqlalchemy import func, select

    from review.store.models import Base

    with svc.db.read() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
