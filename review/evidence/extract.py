"""Read typed fields out of an ingested evidence document: `extract(doc) -> EvidenceRecord | None`.

Every field keeps the exact span of its value in `doc.text` and the human location of that span.
Labels are found at the start of a line or cell (or after a separator with a colon); the value runs to
the next label on the same line, else it is the next cell of the same table row, else (for a label
standing alone on a text line) the next line. Identifiers without a label are found by their format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from review.checks.patent import find_patent_numbers
from review.model import DocKind, Document

from . import labels as L
from .model import EvidenceField, EvidenceRecord, EvidenceType
from .parse import find_dates, parse_validity
from .tables import OCR_LOC, TABLE_LOC, grid_rows, header_spans, result_rows

EVIDENCE_KINDS = frozenset({DocKind.TEST_REPORT, DocKind.LICENCE, DocKind.CERTIFICATE})
TITLE_LINES = 15
TITLE_MAX_CHARS = 24
DATE_FIELDS = frozenset({"issue_date", "sample_date", "test_date", "established", "reg_date", "filing_date",
                         "grant_date"})
MULTI_FIELDS = frozenset({"report_no", "cma", "cnas", "conclusion", "issue_date"})
_LEFT_EDGE = set(" \t\u3000;；|,，。、")
_TRIM = " \t\u3000:：;；,，。|"
_LAB_LINE = re.compile(
    r"^[^\s:：]{2,40}?(?:检测|检验|测试|质检|计量|认证|技术)[^\s:：]{0,16}?(?:中心|所|院|公司|站|实验室)$"
)
# 委托单位地址, 生产单位电话 …: a label followed by one of these names another field.
_NOT_A_SUFFIX = r"(?!\s*(?:地址|电话|联系人|联系电话|邮编|邮政编码|传真|邮箱))"
_PAGE_OF = re.compile(r"第\s*(\d{1,3})\s*页\s*[/,，]?\s*共\s*(\d{1,3})\s*页|共\s*(\d{1,3})\s*页\s*第\s*(\d{1,3})\s*页")


@dataclass(frozen=True)
class _Line:
    """One text line of one segment."""

    start: int
    end: int
    text: str
    seg: int
    row: str       # row key: cells of one table row (or one OCR line) share it
    kind: str      # "table" cell, "ocr" box or free text "line"


def extract(doc: Document) -> EvidenceRecord | None:
    """The evidence record of `doc`, or None when it is not an evidence document."""
    etype = evidence_type(doc) if doc.kind not in (DocKind.SCRIPT, DocKind.HAND_CARD) else None
    if etype is None:
        return None
    record = EvidenceRecord(document=doc.name, type=etype, ocr=_is_ocr(doc))
    lines = _lines(doc)
    rows = grid_rows(doc) if etype == EvidenceType.TEST_REPORT else []
    results = result_rows(doc, rows) if rows else []
    table_spans = [(r.start, r.end) for r in results] + header_spans(rows)
    _labelled_fields(doc, record, lines, etype, table_spans)
    _identifiers(doc, record, etype)
    if etype == EvidenceType.TEST_REPORT:
        record.results = results
        _report_extras(doc, record, lines)
    if etype in (EvidenceType.TEST_REPORT, EvidenceType.BUSINESS_LICENCE) and "issue_date" not in record.fields:
        _standalone_date(doc, record, lines)
    if etype == EvidenceType.PATENT_CERT:
        _patent_type(doc, record)
    if etype == EvidenceType.TRADEMARK_CERT:
        _trademark_class(doc, record)
    if "functions" in record.fields:
        record.multi["functions"] = _split_list(doc, record.fields["functions"])
    return record


def evidence_type(doc: Document) -> EvidenceType | None:
    """The evidence type from the title lines, else from identifiers; None for non-evidence documents."""
    titles = _title_lines(doc.text)
    for etype, title in L.TITLES:
        if any(title.search(line) for line in titles):
            return etype
    if doc.kind not in EVIDENCE_KINDS:
        return None
    text = doc.text
    guesses = (
        (EvidenceType.HEALTH_FOOD_CERT, L.HEALTH_FOOD_RE), (EvidenceType.COSMETIC_CERT, L.COSMETIC_RE),
        (EvidenceType.DRUG_APPROVAL, L.DRUG_RE), (EvidenceType.DEVICE_REGISTRATION, L.DEVICE_RE),
        (EvidenceType.FOOD_LICENCE, L.SC_RE), (EvidenceType.FOOD_LICENCE, L.JY_RE),
    )
    if doc.kind == DocKind.TEST_REPORT:
        return EvidenceType.TEST_REPORT
    if re.search(r"专利权人|专利号", text):
        return EvidenceType.PATENT_CERT
    if re.search(r"核定使用商品|核定服务项目", text):
        return EvidenceType.TRADEMARK_CERT
    for etype, rx in guesses:
        if rx.search(text):
            return etype
    if L.CREDIT_CODE_RE.search(text) and "法定代表人" in text:
        return EvidenceType.BUSINESS_LICENCE
    return EvidenceType.OTHER


def _title_lines(text: str) -> list[str]:
    lines = [re.sub(r"\s+", "", line) for line in text.split("\n")[:TITLE_LINES * 3]]
    return [line for line in lines if 0 < len(line) <= TITLE_MAX_CHARS][:TITLE_LINES]


def _is_ocr(doc: Document) -> bool:
    return any(OCR_LOC.match(s.location) for s in doc.segments[:50])


def _lines(doc: Document) -> list[_Line]:
    out = []
    for i, seg in enumerate(doc.segments):
        table = TABLE_LOC.match(seg.location)
        ocr = OCR_LOC.match(seg.location) if not table else None
        if table:
            row = f"{table.group('table')}第{table.group('row')}行"
        elif ocr:
            row = f"{ocr.group('page')}第{ocr.group('line')}行"
        else:
            row = f"#{i}"
        pos = seg.start
        for text in doc.text[seg.start:seg.end].split("\n"):
            out.append(_Line(pos, pos + len(text), text, i, row, "table" if table else "ocr" if ocr else "line"))
            pos += len(text) + 1
    return out


# --- labelled fields --------------------------------------------------------------------------------


@cache
def _label_regex(etype: EvidenceType) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every label of the type (longest first) and normalised label -> field name."""
    names: dict[str, str] = {}
    for name, spellings in L.FIELD_LABELS[etype].items():
        for label in spellings:
            names.setdefault(_squash(label), name)
    parts = [r"\s*".join(re.escape(ch) for ch in label) for label in sorted(names, key=len, reverse=True)]
    qual = r"(?P<qual>\s*[（(][^）)\n]{0,15}[）)])?"
    rx = re.compile(rf"(?P<label>{'|'.join(parts)}){_NOT_A_SUFFIX}{qual}\s*(?P<sep>[:：])?")
    return rx, names


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _label_matches(line: str, rx: re.Pattern[str]) -> list[re.Match[str]]:
    """Label matches that stand where a label can stand: at the start of a line that is not the document's
    title (商标注册证 holds no 商标 field), or after a separator when a colon follows."""
    out = []
    for m in rx.finditer(line):
        head = line[:m.start()]
        if (not head.strip() and not _is_title(line)) or (head and head[-1] in _LEFT_EDGE and m.group("sep")):
            out.append(m)
    return out


def _is_title(line: str) -> bool:
    squashed = _squash(line)
    return len(squashed) <= TITLE_MAX_CHARS and any(rx.search(squashed) for _, rx in L.TITLES)


def _labelled_fields(doc: Document, record: EvidenceRecord, lines: list[_Line], etype: EvidenceType,
                     skip: list[tuple[int, int]]) -> None:
    rx, names = _label_regex(etype)
    for i, line in enumerate(lines):
        if any(s <= line.start < e for s, e in skip):
            continue
        matches = _label_matches(line.text, rx)
        for j, m in enumerate(matches):
            name = names[_squash(m.group("label"))]
            stop = matches[j + 1].start() if j + 1 < len(matches) else len(line.text)
            span = _strip(line.text, m.end(), stop)
            where = ""
            if span is None and j + 1 == len(matches) and not line.text[m.end():].strip():
                span_abs = _next_value(doc, lines, i, rx)
                if span_abs and line.kind == "table":
                    where = f"{line.row}「{_squash(m.group('label'))}」栏"
            elif span is None:
                continue
            else:
                span_abs = (line.start + span[0], line.start + span[1])
            if span_abs is None:
                continue
            qual = (line.start + m.start("qual"), line.start + m.end("qual")) if m.group("qual") else None
            _add_field(doc, record, name, span_abs, qual=qual, label=m.group("label"), where=where)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end > start else None


def _next_value(doc: Document, lines: list[_Line], i: int, rx: re.Pattern[str]) -> tuple[int, int] | None:
    """The value of a label that stands alone: the next cell of its row (all of it), or the next free text line."""
    line = lines[i]
    for nxt in lines[i + 1:i + 3]:
        same_row = nxt.row == line.row and nxt.seg != line.seg
        if not (same_row or (line.kind == nxt.kind and line.kind in ("line", "ocr"))):
            return None
        if _label_matches(nxt.text, rx):
            return None
        if same_row and line.kind == "table":
            seg = doc.segments[nxt.seg]
            span = _strip(doc.text, seg.start, seg.end)
            return span
        span = _strip(nxt.text, 0, len(nxt.text))
        if span:
            return nxt.start + span[0], nxt.start + span[1]
    return None


def _add_field(doc: Document, record: EvidenceRecord, name: str, span: tuple[int, int], *,
               qual: tuple[int, int] | None = None, label: str = "", where: str = "") -> None:
    start, end = span
    value = doc.text[start:end]
    stop = _PAGE_OF.search(value)
    if stop and stop.start() > 0:
        value = value[:stop.start()].rstrip()
    if name == "validity":
        _add_validity(doc, record, start, value, until_only=_squash(label).endswith("至"), where=where)
        return
    narrowed = _narrow(name, value, record.type)
    if narrowed is None:
        return
    s, e = narrowed
    if name == "goods" and qual:  # 核定使用商品（第3类）
        m = L.TM_CLASS_RE.search(doc.text, *qual)
        if m and "tm_class" not in record.fields:
            _put(doc, record, "tm_class", m.start(1), m.end(1))
    _put(doc, record, name, start + s, start + e, where)


def _put(doc: Document, record: EvidenceRecord, name: str, start: int, end: int, where: str = "") -> EvidenceField:
    value = doc.text[start:end]
    date = None
    if name in DATE_FIELDS:
        dates = find_dates(value)
        date = dates[0].date if dates else None
    f = EvidenceField(name, value, start, end, where or doc.location_at(start), date)
    if name not in record.fields:
        record.fields[name] = f
    if name in MULTI_FIELDS:
        bucket = record.multi.setdefault(name, [])
        if not any(x.start == start for x in bucket):
            bucket.append(f)
    return f


def _narrow(name: str, value: str, etype: EvidenceType) -> tuple[int, int] | None:
    """The part of a labelled value that is the field itself (an identifier, a date); None to drop it."""
    rx = {
        "credit_code": L.CREDIT_CODE_LOOSE_RE, "cma": L.CMA_NO_RE, "cnas": L.CNAS_RE, "id_number": L.ID_CARD_RE,
        "trademark_no": re.compile(r"G?\d{5,9}"),
    }.get(name)
    if name == "licence_no":
        rx = L.SC_RE if "SC" in value else L.JY_RE if "JY" in value else None
    if name == "approval_no":
        rx = {EvidenceType.HEALTH_FOOD_CERT: L.HEALTH_FOOD_RE, EvidenceType.COSMETIC_CERT: L.COSMETIC_RE,
              EvidenceType.DRUG_APPROVAL: L.DRUG_RE, EvidenceType.DEVICE_REGISTRATION: L.DEVICE_RE}.get(etype)
    if name == "report_no":
        m = re.match(r"\S+", value)
        return (m.start(), m.end()) if m else None
    if name == "patent_no":
        spans = find_patent_numbers(value)
        if spans:
            return spans[0]
        m = re.search(r"\d[\d\s.·X]{7,20}[\dX]", value)
        return (m.start(), m.end()) if m else None
    if name in DATE_FIELDS:
        dates = find_dates(value)
        return (dates[0].start, dates[0].end) if dates else (0, len(value))
    if rx is not None:
        m = rx.search(value)
        if m:
            return m.start(), m.end()
        if name in ("cma", "cnas", "trademark_no"):
            return None
    return 0, len(value)


def _add_validity(doc: Document, record: EvidenceRecord, start: int, value: str, *, until_only: bool,
                  where: str = "") -> None:
    validity = parse_validity(value)
    if validity is None:
        return
    if validity.start_span and not until_only:
        s, e = validity.start_span
        if "valid_from" not in record.fields:
            f = _put(doc, record, "valid_from", start + s, start + e, where)
            record.fields["valid_from"] = EvidenceField(f.name, f.value, f.start, f.end, f.location, validity.start)
    if validity.until_span and "valid_until" not in record.fields:
        s, e = validity.until_span
        f = _put(doc, record, "valid_until", start + s, start + e, where)
        record.fields["valid_until"] = EvidenceField(f.name, f.value, f.start, f.end, f.location, validity.until)


# --- identifiers found by their format ------------------------------------------------------------


def _identifiers(doc: Document, record: EvidenceRecord, etype: EvidenceType) -> None:
    """Fill identifier fields that had no label, from their printed format."""
    text = doc.text
    formats: list[tuple[str, re.Pattern[str]]] = []
    if etype in (EvidenceType.BUSINESS_LICENCE, EvidenceType.FOOD_LICENCE, EvidenceType.OTHER):
        formats.append(("credit_code", L.CREDIT_CODE_RE))
    if etype == EvidenceType.FOOD_LICENCE:
        formats += [("licence_no", L.SC_RE), ("licence_no", L.JY_RE)]
    approval = {EvidenceType.HEALTH_FOOD_CERT: L.HEALTH_FOOD_RE, EvidenceType.COSMETIC_CERT: L.COSMETIC_RE,
                EvidenceType.DRUG_APPROVAL: L.DRUG_RE, EvidenceType.DEVICE_REGISTRATION: L.DEVICE_RE}.get(etype)
    if approval is not None:
        formats.append(("approval_no", approval))
    if etype == EvidenceType.TRADEMARK_CERT:
        formats.append(("trademark_no", L.TRADEMARK_NO_RE))
    for name, rx in formats:
        if name in record.fields:
            continue
        m = rx.search(text)
        if m:
            s, e = m.span(1) if rx.groups else m.span()
            _put(doc, record, name, s, e)
    if etype == EvidenceType.PATENT_CERT and "patent_no" not in record.fields:
        spans = find_patent_numbers(text)
        if spans:
            _put(doc, record, "patent_no", *spans[0])


def _report_extras(doc: Document, record: EvidenceRecord, lines: list[_Line]) -> None:
    """CMA/CNAS numbers printed next to their marks, every cited standard, the lab, the page count."""
    text = doc.text
    for i, line in enumerate(lines):
        if "cma" not in record.fields and re.search(r"(?<![A-Za-z])CMA(?![A-Za-z])", line.text):
            for near in lines[i:i + 2]:  # the number stands beside the mark or right below it
                m = L.CMA_NO_RE.search(near.text)
                if m:
                    _put(doc, record, "cma", near.start + m.start(), near.start + m.end())
                    break
        m = L.CNAS_RE.search(line.text)
        if m and "cnas" not in record.fields:
            _put(doc, record, "cnas", line.start + m.start(), line.start + m.end())
    _standards(doc, record)
    if "lab" not in record.fields:
        for line in lines[:TITLE_LINES * 2]:
            stripped = line.text.strip()
            if _LAB_LINE.match(stripped):
                lead = len(line.text) - len(line.text.lstrip())
                _put(doc, record, "lab", line.start + lead, line.start + lead + len(stripped))
                break
    totals = [int(m.group(2) or m.group(3)) for m in _PAGE_OF.finditer(text)]
    if totals:
        m = next(_PAGE_OF.finditer(text))
        g = 2 if m.group(2) else 3
        _put(doc, record, "pages_total", m.start(g), m.end(g))


_DATE_LINE = re.compile(r"^\s*(?:日期[:：]?\s*)?(\S{8,14}?)\s*$")


def _standalone_date(doc: Document, record: EvidenceRecord, lines: list[_Line]) -> None:
    """The issue date printed alone under the seal (the last line that is only a date)."""
    for line in reversed(lines):
        m = _DATE_LINE.match(line.text)
        if m:
            dates = find_dates(m.group(1))
            if dates and dates[0].end == len(m.group(1)) and dates[0].start == 0:
                _put(doc, record, "issue_date", line.start + m.start(1), line.start + m.end(1))
                return


def _standards(doc: Document, record: EvidenceRecord) -> None:
    """Every cited standard once: the items of 检验依据 (named norms too), then standard numbers elsewhere."""
    bucket: list[EvidenceField] = []
    seen: set[str] = set()

    def add(f: EvidenceField) -> None:
        key = _squash(f.value).replace("—", "-").replace("–", "-")
        if key not in seen and not any(b.start <= f.start < b.end for b in bucket):
            seen.add(key)
            bucket.append(f)

    cited = record.fields.get("standards")
    if cited:
        for item in _split_list(doc, cited):
            add(item)
    for m in L.STANDARD_RE.finditer(doc.text):
        add(EvidenceField("standards", m.group(), m.start(), m.end(), doc.location_at(m.start())))
    if bucket:
        record.multi["standards"] = sorted(bucket, key=lambda f: f.start)


def cma_mark(doc: Document) -> bool:
    """True when the document shows the CMA mark or names its 资质认定 certificate."""
    return bool(L.CMA_MARK_RE.search(doc.text))


def _patent_type(doc: Document, record: EvidenceRecord) -> None:
    m = re.search(r"(发明|实用新型|外观设计)(?=专利证书|名称)", doc.text)
    if m:
        _put(doc, record, "patent_type", m.start(), m.end())


def _trademark_class(doc: Document, record: EvidenceRecord) -> None:
    """The Nice class when the goods label did not carry it: the first 第N类 near the goods, else anywhere."""
    if "tm_class" in record.fields:
        return
    goods = record.fields.get("goods")
    start, end = (max(0, goods.start - 30), goods.end) if goods else (0, len(doc.text))
    m = L.TM_CLASS_RE.search(doc.text, start, end) or L.TM_CLASS_RE.search(doc.text)
    if m:
        _put(doc, record, "tm_class", m.start(1), m.end(1))


_LIST_SPLIT = re.compile(r"[、，,；;]|\s{2,}")


def _split_list(doc: Document, f: EvidenceField) -> list[EvidenceField]:
    """A list value (保健功能：A、B) as one located field per item."""
    out, pos = [], 0
    for m in [*_LIST_SPLIT.finditer(f.value), None]:
        end = m.start() if m else len(f.value)
        span = _strip(f.value, pos, end)
        if span:
            s, e = f.start + span[0], f.start + span[1]
            out.append(EvidenceField(f.name, doc.text[s:e], s, e, doc.location_at(s)))
        pos = m.end() if m else pos
    return out


__all__ = ["EVIDENCE_KINDS", "cma_mark", "evidence_type", "extract"]
