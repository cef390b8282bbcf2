"""Validate one evidence record on the broadcast date: identifiers, validity, and test-report quality.

`validate(record, doc, on)` returns `Problem`s; review/checks/evidence_docs.py turns them into findings.
Each problem names the code check that reports it (one YAML rule per check) and the field it concerns
(None for a document-level problem such as a missing CMA mark).

Facts used (../shared/rules-reference.md): credit-code and resident-ID check characters via python-stdnum
(§9.1, §9.2); SC/JY, health-food, cosmetic, drug and device number formats (§9.3, §6); patent numbers
through review.checks.patent and patent terms by type and filing date (§7); trademark term 10 years
with a 6-month grace period (§8); reports older than 12 months, without CMA or with 不合格 (§10).
The report age limit is REVIEW_REPORT_MAX_AGE_MONTHS (default 12 months, platform practice).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from review.checks.patent import parse_patent_number
from review.model import Document, Severity

from . import labels as L
from .extract import cma_mark
from .model import EVIDENCE_TYPE_LABELS, EvidenceField, EvidenceRecord, EvidenceType
from .parse import add_years

ENV_REPORT_MAX_AGE = "REVIEW_REPORT_MAX_AGE_MONTHS"
DEFAULT_REPORT_MAX_AGE_MONTHS = 12
EXPIRY_WARNING_DAYS = 30
TRADEMARK_GRACE_MONTHS = 6

# Which code check reports which problem family (each is one YAML rule in checklists/evidence_docs.yaml).
IDENTIFIER, EXPIRY, REPORT_AGE, REPORT_CMA, REPORT_FAILED, REPORT_INTEGRITY, UNREAD = (
    "evidence_identifier", "evidence_expiry", "report_age", "report_cma", "report_failed", "report_integrity",
    "evidence_unread",
)

LICENCE_TYPES = frozenset({EvidenceType.BUSINESS_LICENCE, EvidenceType.FOOD_LICENCE, EvidenceType.HEALTH_FOOD_CERT,
                           EvidenceType.COSMETIC_CERT, EvidenceType.DRUG_APPROVAL, EvidenceType.DEVICE_REGISTRATION})
RIGHTS_TYPES = frozenset({EvidenceType.TRADEMARK_CERT, EvidenceType.PATENT_CERT})
_FAILED = re.compile(r"(?<!未发现)(?<!无)(?<!没有)不(?:合格|符合)")
_STRICT = {
    EvidenceType.HEALTH_FOOD_CERT: (L.HEALTH_FOOD_STRICT, "国食健注G/J+8位数字、食健备G+12位数字等"),
    EvidenceType.COSMETIC_CERT: (L.COSMETIC_STRICT, "国妆特字G+8位数字、国妆特进字J+8位数字或省简称G妆网备字+10位数字"),
    EvidenceType.DRUG_APPROVAL: (L.DRUG_STRICT, "国药准字+H/Z/S/J+8位数字"),
    EvidenceType.DEVICE_REGISTRATION: (L.DEVICE_STRICT, "省简称或国+械注准/进/许+年份+类别+分类编码+流水号，"
                                                      "或××械备+8位数字"),
}
_KEY_FIELDS = {
    EvidenceType.TEST_REPORT: ("report_no", "sample_name"),
    EvidenceType.BUSINESS_LICENCE: ("credit_code", "name"),
    EvidenceType.FOOD_LICENCE: ("licence_no",),
    EvidenceType.HEALTH_FOOD_CERT: ("approval_no",),
    EvidenceType.COSMETIC_CERT: ("approval_no",),
    EvidenceType.DRUG_APPROVAL: ("approval_no",),
    EvidenceType.DEVICE_REGISTRATION: ("approval_no",),
    EvidenceType.TRADEMARK_CERT: ("trademark_no",),
    EvidenceType.PATENT_CERT: ("patent_no",),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an evidence document."""

    check: str                   # the code check that reports it (IDENTIFIER, EXPIRY, …)
    code: str                    # fine-grained key, e.g. uscc_checksum, expired, item_failed
    severity: Severity
    message: str                 # Chinese, names the document type and the field
    field: EvidenceField | None  # the bad field (its span is quoted); None for document-level problems


def report_max_age_months() -> int:
    """Months a test report stays acceptable (REVIEW_REPORT_MAX_AGE_MONTHS, default 12)."""
    try:
        return max(1, int(os.environ.get(ENV_REPORT_MAX_AGE, DEFAULT_REPORT_MAX_AGE_MONTHS)))
    except ValueError:
        return DEFAULT_REPORT_MAX_AGE_MONTHS


def validate(record: EvidenceRecord, doc: Document, on: dt.date, *, max_age_months: int | None = None
             ) -> list[Problem]:
    """Every problem of one evidence record on the broadcast date `on`."""
    label = document_label(record)
    problems = [*_identifiers(record, label), *_validity(record, label, on), *_unread(record, doc, label)]
    if record.type == EvidenceType.TEST_REPORT:
        problems += _report(record, doc, on, max_age_months or report_max_age_months())
    return problems


def document_label(record: EvidenceRecord) -> str:
    """What to call the document in messages (食品生产许可证 rather than 食品生产/经营许可证)."""
    number = record.value("licence_no") or record.value("approval_no")
    if record.type == EvidenceType.FOOD_LICENCE:
        return "食品经营许可证" if number.startswith("JY") else "食品生产许可证"
    if record.type == EvidenceType.HEALTH_FOOD_CERT:
        return "保健食品备案凭证" if "备" in number else "保健食品注册证书"
    if record.type == EvidenceType.COSMETIC_CERT:
        return "化妆品备案凭证" if "备" in number else "特殊化妆品注册证"
    if record.type == EvidenceType.DEVICE_REGISTRATION:
        return "医疗器械备案凭证" if "械备" in number else "医疗器械注册证"
    return EVIDENCE_TYPE_LABELS[record.type]


# --- identifiers ----------------------------------------------------------------------------------


def _identifiers(record: EvidenceRecord, label: str) -> list[Problem]:
    out = []
    code = record.fields.get("credit_code")
    if code:
        out += _credit_code(code, label)
    licence = record.fields.get("licence_no")
    if licence:
        compact = re.sub(r"\s", "", licence.value)
        strict = L.SC_STRICT if compact.startswith("SC") else L.JY_STRICT
        if not strict.fullmatch(compact):
            shape = "SC+14位数字" if compact.startswith("SC") else "JY+14位数字"
            out.append(Problem(IDENTIFIER, "licence_format", Severity.MEDIUM,
                               f"{label}编号「{licence.value}」不符合规定格式（{shape}）", licence))
    approval = record.fields.get("approval_no")
    if approval and record.type in _STRICT:
        rx, shape = _STRICT[record.type]
        if not rx.fullmatch(re.sub(r"\s", "", approval.value)):
            out.append(Problem(IDENTIFIER, "approval_format", Severity.MEDIUM,
                               f"{label}上的编号「{approval.value}」不符合规定格式（{shape}）", approval))
    patent = record.fields.get("patent_no")
    if patent:
        out += _patent_number(record, patent)
    return out


def _credit_code(f: EvidenceField, label: str) -> list[Problem]:
    from stdnum.cn import ric, uscc

    value = re.sub(r"\s", "", f.value).upper()
    if L.ID_CARD_RE.fullmatch(value) and not uscc.is_valid(value):
        if ric.is_valid(value):
            return []
        return [Problem(IDENTIFIER, "id_checksum", Severity.MEDIUM,
                        f"{label}上的身份证号码校验位或出生日期不符，请核对原件", f)]
    try:
        uscc.validate(value)
    except uscc.InvalidChecksum:
        return [Problem(IDENTIFIER, "uscc_checksum", Severity.MEDIUM,
                        f"{label}上的统一社会信用代码「{f.value}」校验位不符，可能抄录有误、识别有误或证照不实，"
                        "请对照原件并在国家企业信用信息公示系统核实", f)]
    except uscc.ValidationError:
        return [Problem(IDENTIFIER, "uscc_format", Severity.MEDIUM,
                        f"{label}上的统一社会信用代码「{f.value}」格式不符（应为 18 位，前 8 位为数字，"
                        "不含 I、O、S、V、Z）", f)]
    return []


def _patent_number(record: EvidenceRecord, f: EvidenceField) -> list[Problem]:
    parsed = parse_patent_number(f.value)
    if parsed is None:
        return [Problem(IDENTIFIER, "patent_format", Severity.HIGH,
                        f"专利证书上的专利号「{f.value}」格式不正确（应为年份+类型位+流水号+“.”+校验位）", f)]
    if not parsed.check_ok:
        return [Problem(IDENTIFIER, "patent_checksum", Severity.HIGH,
                        f"专利证书上的专利号「{f.value}」校验位不符（应为 {parsed.expected}），"
                        "证书可能不实或号码抄错", f)]
    stated = record.fields.get("patent_type")
    if stated and stated.value != parsed.kind:
        return [Problem(IDENTIFIER, "patent_type_mismatch", Severity.HIGH,
                        f"专利证书标注为{stated.value}专利，"
                        f"但专利号类型位 {parsed.type_digit} 表示{parsed.kind}专利", stated)]
    return []


# --- validity -------------------------------------------------------------------------------------


def _validity(record: EvidenceRecord, label: str, on: dt.date) -> list[Problem]:
    if record.type == EvidenceType.PATENT_CERT:
        return _patent_term(record, on)
    until = record.fields.get("valid_until")
    end = until.date if until else None
    if end is None and record.type == EvidenceType.TRADEMARK_CERT:
        reg = record.fields.get("reg_date") or record.fields.get("valid_from")
        if reg and reg.date:
            end, until = add_years(reg.date, 10) - dt.timedelta(days=1), reg
    out = []
    start = record.fields.get("valid_from")
    if start and start.date and start.date > on and record.type != EvidenceType.BUSINESS_LICENCE:
        out.append(Problem(EXPIRY, "not_yet_valid", Severity.MEDIUM,
                           f"{label}自 {start.date.isoformat()} 起才生效，直播日 {on.isoformat()} 尚未生效", start))
    if end is None or until is None:
        return out
    if record.type == EvidenceType.TRADEMARK_CERT:
        return out + _trademark_term(until, end, on)
    if end < on:
        severity = Severity.HIGH if record.type in LICENCE_TYPES else Severity.MEDIUM
        out.append(Problem(EXPIRY, "expired", severity,
                           f"{label}有效期至 {end.isoformat()}，直播日 {on.isoformat()} 已过期", until))
    elif (end - on).days <= EXPIRY_WARNING_DAYS:
        out.append(Problem(EXPIRY, "expiring", Severity.LOW,
                           f"{label}有效期至 {end.isoformat()}，直播后 {(end - on).days} 天内届满，"
                           "请提前办理延续", until))
    return out


def _trademark_term(until: EvidenceField, end: dt.date, on: dt.date) -> list[Problem]:
    if end >= on:
        if (end - on).days <= EXPIRY_WARNING_DAYS:
            return [Problem(EXPIRY, "expiring", Severity.LOW,
                            f"商标注册有效期至 {end.isoformat()}，直播后 {(end - on).days} 天内届满，"
                            "请确认已申请续展", until)]
        return []
    grace = _add_months(end, TRADEMARK_GRACE_MONTHS)
    if on <= grace:
        return [Problem(EXPIRY, "trademark_grace", Severity.MEDIUM,
                        f"商标注册有效期已于 {end.isoformat()} 届满，直播日处于宽展期（至 {grace.isoformat()}），"
                        "需提供续展申请或核准证明", until)]
    return [Problem(EXPIRY, "expired", Severity.MEDIUM,
                    f"商标注册有效期已于 {end.isoformat()} 届满且已过宽展期，未续展的注册商标已失效", until)]


def _patent_term(record: EvidenceRecord, on: dt.date) -> list[Problem]:
    number = record.fields.get("patent_no")
    parsed = parse_patent_number(number.value) if number else None
    kind = record.value("patent_type") or (parsed.kind if parsed else "")
    filed = record.fields.get("filing_date")
    if not kind:
        return []
    if filed and filed.date:
        years = {"发明": 20, "实用新型": 10}.get(kind, 15 if filed.date >= dt.date(2021, 6, 1) else 10)
        end = add_years(filed.date, years) - dt.timedelta(days=1)
        if end < on:
            return [Problem(EXPIRY, "expired", Severity.MEDIUM,
                            f"{kind}专利自申请日 {filed.date.isoformat()} 起保护期 {years} 年，"
                            f"已于 {end.isoformat()} 届满，不能再作为有效专利宣传", filed)]
        return []
    if parsed and number:
        years = {"发明": 20, "实用新型": 10}.get(kind, 15 if parsed.year >= 2022 else 10)
        if on.year > parsed.year + years:
            return [Problem(EXPIRY, "expired", Severity.MEDIUM,
                            f"专利号显示申请年份为 {parsed.year} 年，{kind}专利保护期 {years} 年，"
                            "直播时已届满", number)]
    return []


def _add_months(date: dt.date, months: int) -> dt.date:
    month = date.month - 1 + months
    year, month = date.year + month // 12, month % 12 + 1
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return date


# --- test reports ---------------------------------------------------------------------------------


def _report(record: EvidenceRecord, doc: Document, on: dt.date, max_months: int) -> list[Problem]:
    return [*_report_age(record, on, max_months), *_report_cma(record, doc), *_report_failed(record),
            *_report_integrity(record, doc)]


def _report_age(record: EvidenceRecord, on: dt.date, max_months: int) -> list[Problem]:
    candidates = record.multi.get("issue_date") or [record.fields.get("issue_date")]
    dated = [f for f in candidates if f and f.date]
    if not dated:
        return [Problem(REPORT_AGE, "no_issue_date", Severity.LOW,
                        "检测报告中未读到签发日期，无法判断报告是否在有效期内，请人工核对", None)]
    latest = max(dated, key=lambda f: f.date)
    limit = _add_months(on, -max_months)
    if latest.date < limit:
        return [Problem(REPORT_AGE, "report_old", Severity.MEDIUM,
                        f"检测报告签发于 {latest.date.isoformat()}，距直播日已超过 {max_months} 个月"
                        "（平台惯例要求一年内的报告）", latest)]
    return []


_BARE_CMA_NO = re.compile(r"^\s*(?:No\.?\s*)?\d{12}\s*$", re.MULTILINE)


def _report_cma(record: EvidenceRecord, doc: Document) -> list[Problem]:
    if cma_mark(doc) or record.fields.get("cma"):
        return []
    head = "\n".join(doc.text.split("\n")[:15])
    if _BARE_CMA_NO.search(head):  # the CMA logo is a picture in many PDFs; its number stays as text
        return [Problem(REPORT_CMA, "cma_unclear", Severity.LOW,
                        "检测报告首页有 12 位编号但未见 CMA 字样（标志可能是图片），请对照原件确认资质认定标志", None)]
    return [Problem(REPORT_CMA, "no_cma", Severity.MEDIUM,
                    "检测报告未见 CMA 资质认定标志及证书编号，可能不是具有资质的检验检测机构出具", None)]


def _report_failed(record: EvidenceRecord) -> list[Problem]:
    out = []
    for row in record.results:
        if _FAILED.search(row.verdict):
            cell = row.cells.get("verdict") or row.cells.get("item")
            unit = row.unit if row.unit not in ("—", "-", "/") else ""
            detail = f"（结果 {row.result}{unit}，要求 {row.requirement}）" if row.result else ""
            out.append(Problem(REPORT_FAILED, "item_failed", Severity.HIGH,
                               f"检测报告中「{row.item}」项判定为{row.verdict}{detail}", cell))
    conclusions = record.multi.get("conclusion") or ([record.fields["conclusion"]] if "conclusion" in record.fields
                                                    else [])
    for f in conclusions:
        if _FAILED.search(f.value):
            out.append(Problem(REPORT_FAILED, "conclusion_failed", Severity.HIGH,
                               f"检测报告结论认定有项目不合格：「{f.value[:60]}」", f))
    return out


_PAGE_MARK = re.compile(r"第\s*(\d{1,3})\s*页\s*[/,，]?\s*共\s*(\d{1,3})\s*页")


def _report_integrity(record: EvidenceRecord, doc: Document) -> list[Problem]:
    out = []
    numbers = record.multi.get("report_no", [])
    distinct = {re.sub(r"\s", "", f.value) for f in numbers}
    if len(distinct) > 1:
        odd = next(f for f in numbers if re.sub(r"\s", "", f.value) != re.sub(r"\s", "", numbers[0].value))
        out.append(Problem(REPORT_INTEGRITY, "report_no_mismatch", Severity.MEDIUM,
                           f"检测报告各页报告编号不一致（「{numbers[0].value}」与「{odd.value}」），"
                           "可能混入了其他报告的页面", odd))
    marks = [(int(m.group(1)), int(m.group(2))) for m in _PAGE_MARK.finditer(doc.text)]
    if marks:
        total = max(t for _, t in marks)
        missing = sorted(set(range(1, total + 1)) - {p for p, _ in marks})
        if missing and not doc.needs_ocr:
            pages = "、".join(map(str, missing[:10])) + ("等" if len(missing) > 10 else "")
            out.append(Problem(REPORT_INTEGRITY, "pages_missing", Severity.MEDIUM,
                               f"检测报告共 {total} 页，缺少第 {pages} 页，报告不完整",
                               record.fields.get("pages_total")))
    return out


# --- unreadable key fields ------------------------------------------------------------------------


def unreadable(doc: Document) -> Problem:
    """The problem of an evidence document without any text (a scan or photo OCR could not read)."""
    why = "；".join(doc.notes) if doc.notes else "没有可识别的文字"
    return Problem(UNREAD, "no_text", Severity.LOW,
                   f"证据材料没有可识别的文字（{why}），无法自动核对，请人工审核原件", None)


def _unread(record: EvidenceRecord, doc: Document, label: str) -> list[Problem]:
    missing = [k for k in _KEY_FIELDS.get(record.type, ()) if k not in record.fields]
    if not missing:
        return []
    from .model import FIELD_NAMES

    names = "、".join(FIELD_NAMES[k] for k in missing)
    return [Problem(UNREAD, "key_field_missing", Severity.LOW,
                    f"未能从{label}中读出{names}，无法自动核对，请人工审核原件", None)]


__all__ = ["Problem", "report_max_age_months", "unreadable", "validate"]
