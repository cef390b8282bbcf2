"""What is read out of one evidence document: typed fields and result rows, each with its location.

`review.evidence.extract.extract(doc)` turns an ingested evidence Document into an EvidenceRecord;
validation and cross-checks (review/checks/) only ever read these records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EvidenceType(StrEnum):
    """The kind of evidence document, finer than model.DocKind."""

    TEST_REPORT = "test_report"                  # 检测报告/检验报告
    BUSINESS_LICENCE = "business_licence"        # 营业执照
    FOOD_LICENCE = "food_licence"                # 食品生产许可证 (SC) / 食品经营许可证 (JY)
    HEALTH_FOOD_CERT = "health_food_cert"        # 保健食品注册证书 (国食健注) / 备案凭证 (食健备)
    COSMETIC_CERT = "cosmetic_cert"              # 特殊化妆品注册证 (国妆特字) / 备案
    DRUG_APPROVAL = "drug_approval"              # 药品注册证书 (国药准字)
    DEVICE_REGISTRATION = "device_registration"  # 医疗器械注册证 (国械注准) / 备案
    TRADEMARK_CERT = "trademark_cert"            # 商标注册证
    PATENT_CERT = "patent_cert"                  # 专利证书
    OTHER = "other"


EVIDENCE_TYPE_LABELS: dict[EvidenceType, str] = {
    EvidenceType.TEST_REPORT: "检测报告",
    EvidenceType.BUSINESS_LICENCE: "营业执照",
    EvidenceType.FOOD_LICENCE: "食品生产/经营许可证",
    EvidenceType.HEALTH_FOOD_CERT: "保健食品注册/备案凭证",
    EvidenceType.COSMETIC_CERT: "化妆品注册/备案凭证",
    EvidenceType.DRUG_APPROVAL: "药品注册证书",
    EvidenceType.DEVICE_REGISTRATION: "医疗器械注册/备案凭证",
    EvidenceType.TRADEMARK_CERT: "商标注册证",
    EvidenceType.PATENT_CERT: "专利证书",
    EvidenceType.OTHER: "其他证明材料",
}

# Canonical field names (a record only holds the ones it found). Values are the text as printed;
# dates are also parsed into EvidenceField.date.
FIELD_NAMES: dict[str, str] = {
    # test reports
    "report_no": "报告编号", "sample_name": "样品名称", "specification": "规格型号", "client": "委托单位",
    "manufacturer": "生产单位", "lab": "检测机构", "cma": "CMA 编号", "cnas": "CNAS 编号",
    "standards": "检测依据", "conclusion": "检测结论", "issue_date": "签发日期", "sample_date": "收样日期",
    # licences and certificates
    "name": "名称", "credit_code": "统一社会信用代码", "legal_rep": "法定代表人", "scope": "经营范围",
    "licence_no": "许可证编号", "approval_no": "批准文号/注册号", "product_name": "产品名称",
    "holder": "持有人/注册人", "functions": "保健功能", "valid_from": "有效期起", "valid_until": "有效期至",
    "issue_authority": "发证机关",
    # trademark and patent certificates
    "trademark_no": "注册号", "mark": "商标", "tm_class": "核定类别", "goods": "核定使用商品",
    "patent_no": "专利号", "patent_type": "专利类型", "title": "名称", "patentee": "专利权人",
    "filing_date": "申请日", "grant_date": "授权公告日",
    # added with extraction (additive)
    "brand": "商标/品牌", "batch": "生产日期/批号", "test_date": "检验日期", "pages_total": "报告总页数",
    "company_type": "类型", "reg_capital": "注册资本", "established": "成立日期", "address": "住所/地址",
    "business_type": "主体业态", "key_ingredients": "功效成分/标志性成分及含量", "ingredients": "主要原料",
    "suitable": "适宜人群", "unsuitable": "不适宜人群", "dosage_form": "剂型", "reg_date": "注册日期",
    "inventor": "发明人/设计人", "grant_no": "授权公告号", "id_number": "身份证号码",
}


@dataclass(frozen=True)
class EvidenceField:
    """One extracted value and exactly where it stands in the document's text."""

    name: str                    # a key of FIELD_NAMES
    value: str                   # as printed (stripped)
    start: int                   # offsets into Document.text
    end: int
    location: str                # human location (第1页, 表格1 第3行…)
    date: dt.date | None = None  # parsed date for date fields


@dataclass(frozen=True)
class ResultRow:
    """One row of a test report's results table."""

    item: str                    # 检测项目, e.g. 维生素C
    requirement: str             # 标准要求/技术要求, e.g. ≥50
    result: str                  # 检测结果/实测值, e.g. 62.3
    verdict: str                 # 单项判定, e.g. 合格 / 不合格 / 符合 / —
    unit: str = ""               # 单位, e.g. mg/100g
    start: int = 0               # span of the row in Document.text
    end: int = 0
    location: str = ""
    # each cell located on its own (keys: item, requirement, result, verdict, unit); additive
    cells: dict[str, EvidenceField] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class EvidenceRecord:
    """Everything read out of one evidence document."""

    document: str                # Document.name
    type: EvidenceType
    fields: dict[str, EvidenceField] = field(default_factory=dict)
    multi: dict[str, list[EvidenceField]] = field(default_factory=dict)  # repeated fields: standards, functions
    results: list[ResultRow] = field(default_factory=list)
    ocr: bool = False            # text came from OCR

    def value(self, name: str) -> str:
        """The value of a field, or '' when absent."""
        f = self.fields.get(name)
        return f.value if f else ""

    def date(self, name: str) -> dt.date | None:
        """The parsed date of a field, or None."""
        f = self.fields.get(name)
        return f.date if f else None
