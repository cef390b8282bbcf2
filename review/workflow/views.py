"""Plain dataclasses the service returns (no ORM objects leak out of a transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from review.model import CATEGORY_LABELS, SEVERITY_LABELS, Category, Severity

from .roles import ROLE_LABELS, Role
from .states import STATUS_LABELS, Status


class DispositionKind:
    """Per-finding marks (string constants) and their Chinese labels."""

    MUST_FIX = "must_fix"
    WAIVE = "waive"
    FALSE_POSITIVE = "false_positive"


DISPOSITION_KINDS = (DispositionKind.MUST_FIX, DispositionKind.WAIVE, DispositionKind.FALSE_POSITIVE)
DISPOSITION_LABELS: dict[str, str] = {"must_fix": "必须修改", "waive": "豁免", "false_positive": "误报"}
# Marks that settle a high finding for approval (each needs a reason).
RESOLVING_KINDS = frozenset({DispositionKind.WAIVE, DispositionKind.FALSE_POSITIVE})
OUTCOME_LABELS: dict[str, str] = {"approve": "审核通过", "reject": "驳回"}


@dataclass(frozen=True)
class UserInfo:
    """A user as the faces see it (never the password hash)."""

    id: int
    name: str
    display_name: str
    role: str
    department: str | None
    active: bool = True

    @property
    def role_label(self) -> str:
        """Chinese role name, with the department for reviewers."""
        label = ROLE_LABELS[Role(self.role)]
        return f"{label}（{self.department}）" if self.department else label

    @property
    def label(self) -> str:
        """Display name, else login name."""
        return self.display_name or self.name


@dataclass
class SubmitResult:
    """What `submit` returns (the CLI prints id, version and verdict)."""

    id: int
    version: int
    verdict: str
    status: str
    summary: dict[str, int]
    version_id: int

    def to_dict(self) -> dict:
        """{"id", "version", "verdict"} as the contract prints, plus status and summary."""
        return {"id": self.id, "version": self.version, "verdict": self.verdict, "status": self.status,
                "summary": self.summary}


@dataclass
class SubmissionSummary:
    """A row of 我的提交 / 审核队列."""

    id: int
    title: str
    owner: str
    owner_label: str
    status: str
    current_version: int
    verdict: str
    high: int
    medium: int
    low: int
    broadcast_date: dt.date
    products: list[str]
    created_at: dt.datetime
    updated_at: dt.datetime
    required_departments: list[str]
    optional_departments: list[str]
    decisions: dict[str, str]  # department -> approve|reject, on the current version
    pending_departments: list[str]  # required departments that have not decided yet

    @property
    def status_label(self) -> str:
        """Chinese status."""
        return STATUS_LABELS[Status(self.status)]


@dataclass
class DocumentView:
    """A stored document of a version, with its extracted text (offsets of findings and comments index it)."""

    id: int
    name: str
    sha256: str
    kind: str
    fmt: str
    chars: int
    text: str
    segments: list[tuple[int, int, str]]
    needs_ocr: bool
    notes: list[str]


@dataclass
class DispositionView:
    """One mark on a finding."""

    id: int
    finding_id: int
    user: str
    user_label: str
    department: str | None
    kind: str
    reason: str
    created_at: dt.datetime

    @property
    def kind_label(self) -> str:
        """必须修改 / 豁免 / 误报."""
        return DISPOSITION_LABELS[self.kind]


@dataclass
class FindingView:
    """A stored finding with its current (latest) disposition and the history of marks."""

    id: int
    key: str
    version_id: int
    rule: str
    category: str
    severity: str
    document: str
    text: str
    start: int | None
    end: int | None
    location: str
    message: str
    clause: str
    law: str
    suggestion: str
    disposition: DispositionView | None = None
    history: list[DispositionView] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        """Waived or marked false positive, with a reason."""
        d = self.disposition
        return d is not None and d.kind in RESOLVING_KINDS and bool(d.reason.strip())

    @property
    def blocking(self) -> bool:
        """A high finding that is not resolved: approval is refused while one exists."""
        return self.severity == Severity.HIGH and not self.resolved

    @property
    def category_label(self) -> str:
        """Chinese category."""
        return CATEGORY_LABELS[Category(self.category)]

    @property
    def severity_label(self) -> str:
        """高 / 中 / 低（提示）."""
        return SEVERITY_LABELS[Severity(self.severity)]

    def to_dict(self) -> dict:
        """JSON-ready dict (contract finding fields plus id, key and disposition)."""
        d = asdict(self)
        d["disposition"] = _jsonable(d["disposition"])
        d["history"] = [_jsonable(h) for h in d["history"]]
        return d


@dataclass
class CommentView:
    """A comment on a quoted passage (start/end into the document's text; None for a general remark)."""

    id: int
    version_id: int
    user: str
    user_label: str
    document: str
    start: int | None
    end: int | None
    quote: str
    finding_id: int | None
    body: str
    created_at: dt.datetime


@dataclass
class DecisionView:
    """A department's decision on a version."""

    id: int
    version_id: int
    version: int
    user: str
    user_label: str
    department: str
    outcome: str
    comment: str
    created_at: dt.datetime
    signed: bool

    @property
    def outcome_label(self) -> str:
        """审核通过 / 驳回."""
        return OUTCOME_LABELS[self.outcome]


@dataclass
class VersionBrief:
    """A line of a submission's version history."""

    id: int
    number: int
    author: str
    created_at: dt.datetime
    verdict: str
    high: int
    medium: int
    low: int
    outcome: str | None


@dataclass
class VersionView:
    """Everything a reviewer looks at for one version."""

    id: int
    submission_id: int
    number: int
    predecessor_number: int | None
    author: str
    author_label: str
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    title: str
    room: str
    hosts: list[str]
    broadcast_date: dt.date
    products: list[str]
    checklist_version: str
    verdict: str
    summary: dict[str, int]
    outcome: str | None
    documents: list[DocumentView]
    findings: list[FindingView]
    comments: list[CommentView]
    decisions: list[DecisionView]
    report: dict

    @property
    def blocking(self) -> list[FindingView]:
        """High findings neither gone nor waived/false-positive with a reason."""
        return [f for f in self.findings if f.blocking]


@dataclass
class SubmissionView:
    """A submission with its versions and the current version in full."""

    summary: SubmissionSummary
    versions: list[VersionBrief]
    current: VersionView


@dataclass
class Allowed:
    """What the acting user may do on a submission now (for the UI; the service enforces it anyway)."""

    view: bool
    comment: bool
    disposition: bool
    decide: bool
    resubmit: bool
    decide_reason: str = ""  # Chinese reason when `decide` is False


@dataclass
class DecisionResult:
    """What `decide` returns."""

    decision_id: int
    submission_id: int
    version: int
    department: str
    outcome: str
    status: str
    waived: list[str]
    pending_departments: list[str]


@dataclass
class DiffLine:
    """One line of a text diff: op is equal, insert or delete; numbers are 1-based (None when absent)."""

    op: str
    old_no: int | None
    new_no: int | None
    text: str


@dataclass
class DocumentDiff:
    """Text diff of one document between two versions (matched by name, else by kind when unambiguous)."""

    name: str
    old_name: str | None
    status: str  # changed | unchanged | added | removed
    unified: str
    lines: list[DiffLine]


@dataclass
class StillOpen:
    """A finding present in both versions, with the old version's latest mark (if any)."""

    old: FindingView
    new: FindingView


@dataclass
class VersionDiff:
    """Text and findings diff between two versions of one submission."""

    submission_id: int
    old_number: int
    new_number: int
    documents: list[DocumentDiff]
    fixed: list[FindingView]
    still_open: list[StillOpen]
    new: list[FindingView]


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value
