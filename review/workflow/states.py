"""The submission state machine: draft → submitted → in_review → approved | rejected.

A resubmission (a new version) returns a submitted, in-review, rejected or approved submission to
`submitted`; a draft may get new versions and stays a draft until it is submitted.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import WorkflowError


class Status(StrEnum):
    """Where a submission stands."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"


STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: "草稿",
    Status.SUBMITTED: "已提交",
    Status.IN_REVIEW: "审核中",
    Status.APPROVED: "已通过",
    Status.REJECTED: "已驳回",
}


class Event(StrEnum):
    """What happens to a submission."""

    SAVE_DRAFT = "save_draft"      # a new draft version
    SUBMIT = "submit"              # draft handed in for review
    RESUBMIT = "resubmit"          # a new version of a submission already handed in
    START_REVIEW = "start_review"  # a reviewer takes it up (first disposition, comment or decision)
    APPROVE = "approve"            # every required department approved
    REJECT = "reject"              # any department rejected


TRANSITIONS: dict[tuple[Status, Event], Status] = {
    (Status.DRAFT, Event.SAVE_DRAFT): Status.DRAFT,
    (Status.DRAFT, Event.SUBMIT): Status.SUBMITTED,
    (Status.SUBMITTED, Event.RESUBMIT): Status.SUBMITTED,
    (Status.IN_REVIEW, Event.RESUBMIT): Status.SUBMITTED,
    (Status.REJECTED, Event.RESUBMIT): Status.SUBMITTED,
    (Status.APPROVED, Event.RESUBMIT): Status.SUBMITTED,
    (Status.SUBMITTED, Event.START_REVIEW): Status.IN_REVIEW,
    (Status.IN_REVIEW, Event.APPROVE): Status.APPROVED,
    (Status.IN_REVIEW, Event.REJECT): Status.REJECTED,
}

_REFUSALS: dict[Event, str] = {
    Event.SAVE_DRAFT: "只有草稿可以保存为新的草稿版本",
    Event.SUBMIT: "只有草稿可以提交",
    Event.RESUBMIT: "草稿请直接提交，不能作为重新提交",
    Event.START_REVIEW: "只有已提交的内容可以开始审核",
    Event.APPROVE: "只有审核中的内容可以通过",
    Event.REJECT: "只有审核中的内容可以驳回",
}


def next_status(current: Status | str, event: Event) -> Status:
    """The status after `event`, or WorkflowError naming the current status when the move is not allowed."""
    current = Status(current)
    try:
        return TRANSITIONS[(current, event)]
    except KeyError:
        raise WorkflowError(f"{_REFUSALS[event]}（当前状态：{STATUS_LABELS[current]}）", "bad_state") from None


def can(current: Status | str, event: Event) -> bool:
    """Whether `event` is allowed in `current`."""
    return (Status(current), event) in TRANSITIONS


# Statuses in which reviewers act (dispositions, comments, decisions).
OPEN_FOR_REVIEW = frozenset({Status.SUBMITTED, Status.IN_REVIEW})
