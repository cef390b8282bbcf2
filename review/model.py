"""Core data types shared by every layer: documents, findings and the check report.

Category, severity and document-kind names are fixed by ../shared/review-contract.md;
this module is the one place that spells them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """Finding categories of the review contract (exactly eleven)."""

    ABSOLUTE_CLAIM = "absolute_claim"
    FALSE_CLAIM = "false_claim"
    PRICE = "price"
    HEALTH_CLAIM = "health_claim"
    IP = "ip"
    PATENT = "patent"
    AI_LABEL = "ai_label"
    MINOR = "minor"
    PRIVACY = "privacy"
    PROHIBITED = "prohibited"
    EVIDENCE = "evidence"


CATEGORY_LABELS: dict[Category, str] = {
    Category.ABSOLUTE_CLAIM: "极限词",
    Category.FALSE_CLAIM: "虚假宣传",
    Category.PRICE: "价格",
    Category.HEALTH_CLAIM: "健康功效",
    Category.IP: "知识产权",
    Category.PATENT: "专利",
    Category.AI_LABEL: "AI标识",
    Category.MINOR: "未成年人",
    Category.PRIVACY: "隐私",
    Category.PROHIBITED: "禁止内容",
    Category.EVIDENCE: "证据材料",
}


class Severity(StrEnum):
    """Risk level; `low` is advisory and never fails a check."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """3 for high, 2 for medium, 1 for low."""
        return {"high": 3, "medium": 2, "low": 1}[self.value]


SEVERITY_LABELS: dict[Severity, str] = {
    Severity.HIGH: "高",
    Severity.MEDIUM: "中",
    Severity.LOW: "低（提示）",
}


class DocKind(StrEnum):
    """What a document is, judged from its content."""

    SCRIPT = "script"
    HAND_CARD = "hand_card"
    TEST_REPORT = "test_report"
    LICENCE = "licence"
    CERTIFICATE = "certificate"
    OTHER = "other"


DOC_KIND_LABELS: dict[DocKind, str] = {
    DocKind.SCRIPT: "直播脚本",
    DocKind.HAND_CARD: "手卡",
    DocKind.TEST_REPORT: "检测报告",
    DocKind.LICENCE: "许可证/执照",
    DocKind.CERTIFICATE: "证书",
    DocKind.OTHER: "其他",
}


class ProductCategory(StrEnum):
    """Product categories that scope rules (`general` rules apply to every product)."""

    GENERAL = "general"
    FOOD = "food"
    HEALTH_FOOD = "health_food"
    COSMETICS = "cosmetics"
    DRUG = "drug"
    DEVICE = "device"


PRODUCT_LABELS: dict[ProductCategory, str] = {
    ProductCategory.GENERAL: "通用",
    ProductCategory.FOOD: "普通食品",
    ProductCategory.HEALTH_FOOD: "保健食品",
    ProductCategory.COSMETICS: "化妆品",
    ProductCategory.DRUG: "药品",
    ProductCategory.DEVICE: "医疗器械",
}


VERDICT_LABELS: dict[str, str] = {"fail": "不通过", "needs_review": "需人工复核", "pass": "通过"}


class IngestError(Exception):
    """A file that cannot be read; `reason` is a short Chinese explanation for the user."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class Segment:
    """A span of a document's text and the human location it came from (e.g. 表格1 第3行「话术」列)."""

    start: int
    end: int
    location: str


# Ingest locates a table cell as `<table> 第N行「header」列` (or `第N列` / `B列` when the column has no header).
_CELL_LOCATION = re.compile(
    r"^(?P<table>.*?)[^\S\n]*第(?P<row>\d+)行(?:「(?P<header>[^」]*)」列|[^\S\n]*(?:第\d+列|[A-Z]{1,3}列))$")


@dataclass(frozen=True)
class CellRef:
    """Where a table cell stands: the table's own location, the row number and the column header."""

    table: str
    row: int
    header: str  # "" when the column has no header

    @property
    def row_key(self) -> str:
        """A key naming the row (table and row number), equal for every cell of the row."""
        return f"{self.table} 第{self.row}行"


def cell_ref(location: str) -> CellRef | None:
    """The table cell a segment location names, or None for text outside tables."""
    m = _CELL_LOCATION.match(location)
    return CellRef(m.group("table"), int(m.group("row")), m.group("header") or "") if m else None


@dataclass
class Document:
    """One ingested file: its extracted text plus an offset -> location map."""

    name: str
    text: str
    segments: list[Segment]
    kind: DocKind
    sha256: str
    fmt: str
    needs_ocr: bool = False
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.segments]

    def segment_at(self, offset: int) -> Segment | None:
        """The segment containing `offset`, or None between segments."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.segments[i].start <= offset < max(self.segments[i].end, self.segments[i].start + 1):
            return self.segments[i]
        return None

    def location_at(self, offset: int) -> str:
        """Human location of a character offset (empty string when unknown)."""
        seg = self.segment_at(offset)
        return seg.location if seg else ""


@dataclass
class Finding:
    """One problem found; `text` is the exact span text[start:end] (empty for document-level findings)."""

    rule: str
    category: Category
    severity: Severity
    document: str
    text: str
    start: int | None
    end: int | None
    location: str
    message: str
    clause: str
    law: str
    suggestion: str

    def to_dict(self) -> dict:
        """JSON-ready dict in the contract's field order."""
        d = asdict(self)
        d["category"] = str(self.category)
        d["severity"] = str(self.severity)
        return d


@dataclass
class DocumentInfo:
    """The per-document line of a report (also for files that could not be read)."""

    document: str
    sha256: str | None
    kind: DocKind
    chars: int
    error: str | None = None
    needs_ocr: bool = False
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready dict; `needs_ocr` and `notes` are additive to the contract."""
        d = asdict(self)
        d["kind"] = str(self.kind)
        return d


CLAIM_STATUS_LABELS: dict[str, str] = {
    "supported": "有证据支持",
    "contradicted": "与证据矛盾",
    "no_evidence": "无证据",
    "not_checkable": "无法核对",
}


@dataclass
class Claim:
    """One claim of a script or hand card set against the evidence (a row of the claims–evidence table)."""

    claim: str                 # the quoted claim text, exactly as in the document
    document: str              # the script or hand card that makes it
    start: int | None
    end: int | None
    location: str
    product: str               # product the claim is about ("" when unknown)
    status: str                # supported | contradicted | no_evidence | not_checkable
    evidence_document: str = ""  # evidence file that supports or contradicts it
    evidence_location: str = ""  # exact place in that file (page, table row, field)
    evidence_text: str = ""      # what the evidence says there
    note: str = ""               # short Chinese explanation

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


@dataclass
class RuleSet:
    """One checklist topic and whether it ran for this submission (so a reviewer sees what was not checked)."""

    topic: str            # file stem, e.g. health_claim
    title: str            # Chinese topic title
    ran: int              # rules that ran
    skipped: int          # rules switched off by product scope
    skipped_products: list[str] = field(default_factory=list)  # product categories of the skipped rules

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


@dataclass
class Report:
    """Result of checking one submission (a bundle of files)."""

    tool_name: str
    version: str
    checklist_version: str
    broadcast_date: dt.date
    documents: list[DocumentInfo]
    findings: list[Finding]
    products: list[ProductCategory] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    rule_sets: list[RuleSet] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        """Count of findings per severity."""
        counts = {"high": 0, "medium": 0, "low": 0}
        for f in self.findings:
            counts[str(f.severity)] += 1
        return counts

    @property
    def verdict(self) -> str:
        """`fail` on any high finding, `needs_review` on any medium, else `pass`."""
        s = self.summary
        if s["high"]:
            return "fail"
        if s["medium"]:
            return "needs_review"
        return "pass"

    @property
    def errors(self) -> list[DocumentInfo]:
        """Documents that could not be read."""
        return [d for d in self.documents if d.error]

    def to_dict(self) -> dict:
        """The JSON object of `check --format json` (contract shape, plus additive products, rule_sets, claims)."""
        return {
            "tool": {"name": self.tool_name, "version": self.version, "checklist_version": self.checklist_version},
            "broadcast_date": self.broadcast_date.isoformat(),
            "products": [str(p) for p in self.products],
            "rule_sets": [r.to_dict() for r in self.rule_sets],
            "documents": [d.to_dict() for d in self.documents],
            "findings": [f.to_dict() for f in self.findings],
            "claims": [c.to_dict() for c in self.claims],
            "summary": self.summary,
            "verdict": self.verdict,
        }
