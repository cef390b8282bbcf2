"""Roles, departments and the joint-review configuration (standard B.9.5 会签)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum

from .errors import WorkflowError


class Role(StrEnum):
    """What a user may do: planners submit, reviewers decide, auditors read, admins manage users."""

    PLANNER = "planner"
    REVIEWER = "reviewer"
    AUDITOR = "auditor"
    ADMIN = "admin"


ROLE_LABELS: dict[Role, str] = {
    Role.PLANNER: "策划",
    Role.REVIEWER: "审核员",
    Role.AUDITOR: "审计员（只读）",
    Role.ADMIN: "管理员",
}

DEPARTMENTS: tuple[str, ...] = ("法务", "市场", "客服", "运营")

# Roles allowed to upload a submission (auditors are read-only).
SUBMIT_ROLES = frozenset({Role.PLANNER, Role.REVIEWER, Role.ADMIN})


@dataclass(frozen=True)
class ReviewConfig:
    """Which departments must approve and which may co-sign (会签)."""

    required_departments: tuple[str, ...] = ("法务",)
    optional_departments: tuple[str, ...] = ("市场", "客服")

    def __post_init__(self) -> None:
        if not self.required_departments:
            raise WorkflowError("至少需要一个必须审核的部门", "config")
        for dep in (*self.required_departments, *self.optional_departments):
            if dep not in DEPARTMENTS:
                raise WorkflowError(f"未知部门「{dep}」，可选：{'、'.join(DEPARTMENTS)}", "config")
        if set(self.required_departments) & set(self.optional_departments):
            raise WorkflowError("同一部门不能既是必审部门又是会签部门", "config")

    @classmethod
    def from_env(cls) -> ReviewConfig:
        """REVIEW_REQUIRED_DEPARTMENTS / REVIEW_OPTIONAL_DEPARTMENTS (comma-separated), else the defaults."""
        req = _split(os.environ.get("REVIEW_REQUIRED_DEPARTMENTS"))
        opt = _split(os.environ.get("REVIEW_OPTIONAL_DEPARTMENTS"))
        default = cls()
        req = req if req is not None else default.required_departments
        if opt is None:  # the default co-signers, less any department made required
            opt = tuple(d for d in default.optional_departments if d not in req)
        return cls(required_departments=req, optional_departments=opt)


def _split(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(p.strip() for p in value.replace("，", ",").split(",") if p.strip())


def parse_role(value: str) -> Role:
    """A Role from its English name or Chinese label; WorkflowError otherwise."""
    for role in Role:
        if value in (role.value, ROLE_LABELS[role]):
            return role
    raise WorkflowError(f"未知角色「{value}」，可选：planner、reviewer、auditor、admin", "bad_role")
