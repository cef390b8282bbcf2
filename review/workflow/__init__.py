"""The review workflow: users and roles, the submission state machine, dispositions, joint review
(会签), versions and diffs, dashboard statistics and the audit trail — as one service layer.

Faces use it like this::

    from review.workflow import WorkflowError, get_service
    svc = get_service()
    user = svc.login(name, password)
    result = svc.submit(user, [("脚本.docx", data)], "双十二面霜专场")
    svc.decide(reviewer, result.id, approve=True, comment="同意", waivers={"F1a2b3c4d5e": "已取得授权"})

Every refusal is a `WorkflowError` whose `message` is a Chinese sentence to show as it is.
Dashboard filters and results live in `review.workflow.stats` (`StatsFilter`, `Dashboard`; pandas is
imported only there).
"""

from __future__ import annotations

import threading

from .errors import WorkflowError
from .roles import DEPARTMENTS, ROLE_LABELS, ReviewConfig, Role
from .service import ReviewService
from .states import STATUS_LABELS, Status
from .views import (
    DISPOSITION_LABELS,
    OUTCOME_LABELS,
    Allowed,
    CommentView,
    DecisionResult,
    DecisionView,
    DispositionView,
    DocumentView,
    FindingView,
    SubmissionSummary,
    SubmissionView,
    SubmitResult,
    UserInfo,
    VersionDiff,
    VersionView,
)

__all__ = [
    "DEPARTMENTS", "DISPOSITION_LABELS", "OUTCOME_LABELS", "ROLE_LABELS", "STATUS_LABELS", "Allowed", "CommentView",
    "DecisionResult", "DecisionView", "DispositionView", "DocumentView", "FindingView", "ReviewConfig",
    "ReviewService", "Role", "Status", "SubmissionSummary", "SubmissionView", "SubmitResult",
    "UserInfo", "VersionDiff", "VersionView", "WorkflowError", "get_service", "reset_service",
]

_service: ReviewService | None = None
_key: tuple | None = None
_lock = threading.Lock()


def get_service() -> ReviewService:
    """The process-wide service for the current REVIEW_HOME / REVIEW_DB_URL (migrated on first use)."""
    global _service, _key
    import os

    key = (os.environ.get("REVIEW_HOME"), os.environ.get("REVIEW_DB_URL"))
    with _lock:
        if _service is None or key != _key:
            if _service is not None:
                _service.db.engine.dispose()
            _service, _key = ReviewService(), key
        return _service


def reset_service() -> None:
    """Forget the cached service (tests that switch REVIEW_HOME)."""
    global _service, _key
    with _lock:
        if _service is not None:
            _service.db.engine.dispose()
        _service, _key = None, None
