"""Personal information printed or read out: ID numbers, mobile numbers, bank card numbers and home
addresses of real people (T/ZADT 0013—2025 8.2.3.6.2 k, 8.2.3.5.1; rules-reference §9).

Masked forms (138****1234, 110105********1234, 张*) never match. Numbers of the shop itself
(客服/官方/售后 lines, 400/800 numbers), order, waybill and barcode numbers, and the shop's return or
shipping address are not personal information of a viewer and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..model import Document, Finding, Severity
from . import register
from .identity import (
    ascii_digits,
    compact,
    find_id_candidates,
    find_old_id_candidates,
    parse_id_number,
    parse_old_id_number,
)
from .table_cells import TableIndex, table_index

CLAUSE_END = "，,。；;！!？?"
ID_LABEL = re.compile(r"身份证|证件号|身份号码")
# A number labelled as the shop's own line, or as an order / waybill / product number.
BUSINESS_LABEL = re.compile(r"客服|官方|售后|热线|专线|门店|店铺|商家|公司|前台|总机|服务电话|咨询电话|商务合作")
ORDER_LABEL = re.compile(
    r"订单|单号|运单|快递|物流|编号|条码|货号|批号|批次|SKU|流水|券码|验证码|型号|工号|SN|IMEI|序列号|串号|防伪码|溯源码",
    re.I,
)
# Digit groups may be split by one space or hyphen, never across a line (table cells are lines).
MOBILE = re.compile(
    r"(?<![\d*＊])(?<!\d[- ])(?:\+?86[- ]?|0086[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![\d*＊])(?![- ]\d)"
)
CARD = re.compile(r"(?<![\d*＊])(?<!\d[- ])\d{4}(?:[- ]?\d{4}){3}(?:[- ]?\d{1,3})?(?![\d*＊])(?![- ]\d)")
CARD_LABEL = re.compile(
    r"银行|储蓄卡|信用卡|借记卡|(?<!会员|礼品|购物|充值|积分|游戏)卡号|账号|账户|转账|打款|汇款|退款到"
)
CARD_EXPLICIT = re.compile(r"银行卡|储蓄卡|信用卡|借记卡|银行账号|银行账户|开户行")
CARD_PREFIX = re.compile(r"62|4|5[1-5]|35|60|9558")
NOT_A_BANK_CARD = re.compile(r"会员|积分|礼品|购物卡|充值|储值|优惠券|券码|兑换码|激活码|序列号|游戏")

# Home addresses: a personal cue, then province / city / district, a street with its number and the
# building, unit or room. A cue after a business word (退货地址, 公司地址) is not personal.
ADDRESS_CUE = re.compile(
    r"家住|住在|家庭住址|家庭地址|现住址|住址|收货地址|收件地址|邮寄地址|寄件地址|联系地址|地址|寄到|送到|寄往"
)
STRONG_CUE = re.compile(r"家住|住在|家庭住址|家庭地址|现住址|住址|收货地址|收件地址|邮寄地址|寄件地址|寄到|送到|寄往")
_HAN = r"[\u4e00-\u9fa5]"
_UNIT = r"(?:\d+|[一二三四五六七八九十]+)(?:号楼|号院|栋|幢|座|单元|楼|层|室|号|户)"
ADDRESS = re.compile(
    rf"(?:{_HAN}{{2,7}}?(?:省|自治区))?(?:{_HAN}{{2,7}}?(?:市|自治州|州|盟))?(?:{_HAN}{{1,7}}?(?:区|县|旗))?"
    rf"(?:{_HAN}{{1,8}}?(?:街道|镇|乡))?"
    rf"(?:[\u4e00-\u9fa5A-Za-z0-9]{{1,10}}?(?:路|街|大道|巷|弄|胡同|道)\d+号(?:院)?(?:{_HAN}{{0,8}}?{_UNIT})*"
    rf"|{_HAN}{{2,10}}?(?:小区|花园|公寓|家园|新村|苑|大院)(?:{_UNIT})+)"
)
ADDRESS_FILLER = re.compile(r"(?:是|在|为|：|:|\s)*")
BUSINESS_ADDRESS = re.compile(
    r"退货|退换|售后|寄回|商家|店家|厂家|卖家|公司|店铺|门店|仓库|发货|厂|办公|总部|营业|经营|生产|专柜|旗舰店|展厅"
)
# Words right after an address that make it a business place (…路18号田园果蔬仓库).
BUSINESS_PLACE = re.compile(r"[^，。；,;\n]{0,8}?(?:仓库|公司|门店|店|厂|写字楼|办公|总部|展厅|营业厅|服务中心)")
RECIPIENT = re.compile(r"收件人|收货人|寄件人|联系人")
SEGMENT_START = re.compile(r"(?:^|(?<=[\s，,：:；;|、]))(?=[\u4e00-\u9fa5])", re.M)
PERSON_CONTEXT = re.compile(
    r"收件人|收货人|姓名|中奖|粉丝|买家|顾客|用户|先生|女士|阿姨|叔叔|她|他|我家|老家|本人|宝妈|姐妹|家人|网友|观众"
)
PLACEHOLDER = re.compile(r"[*＊×]|XX|xx|某")


def _clause_before(doc: Document, start: int, limit: int = 16) -> str:
    """Text before `start` on the same line, up to `limit` chars, cut after the last clause end."""
    lo = doc.text.rfind("\n", 0, start) + 1
    before = doc.text[max(lo, start - limit):start]
    cut = max(before.rfind(ch) for ch in CLAUSE_END)
    return before[cut + 1:]


def _line_before(doc: Document, start: int, limit: int = 20) -> str:
    """Text before `start` on the same line, up to `limit` chars."""
    lo = doc.text.rfind("\n", 0, start) + 1
    return doc.text[max(lo, start - limit):start]


def _labels(bundle: Bundle, doc: Document, start: int) -> str:
    """Column header and neighbouring cells when `start` lies in a table cell, else ''."""
    index = table_index(bundle, doc)
    cell = index.cell_at(start)
    return index.labels(cell) if cell else ""


def _context(bundle: Bundle, doc: Document, start: int, limit: int = 16) -> str:
    return f"{_labels(bundle, doc, start)} {_clause_before(doc, start, limit)}"


@register("id_number")
def check_id_numbers(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Valid ID numbers (high); numbers labelled as ID numbers whose check fails (medium)."""
    findings = []
    for doc in bundle.documents_for(rule):
        for start, end in find_id_candidates(doc.text):
            raw = doc.text[start:end]
            context = _context(bundle, doc, start)
            parsed = parse_id_number(raw, bundle.broadcast_date)
            order = ORDER_LABEL.search(f"{context} {_line_before(doc, start)}") and not ID_LABEL.search(context)
            if parsed and not order:
                message = f"{rule.message}（{parsed.masked}，校验位有效）"
                findings.append(make_finding(rule, doc, start, end, message=message))
            elif not parsed and ID_LABEL.search(context):
                message = (f"{rule.message}（标注为身份证号，尾号{compact(raw)[-4:]}；"
                           "校验位不符，可能抄错，但仍属个人证件信息）")
                findings.append(make_finding(rule, doc, start, end, message=message, severity=Severity.MEDIUM))
        for start, end in find_old_id_candidates(doc.text):
            if ID_LABEL.search(_context(bundle, doc, start)) and parse_old_id_number(doc.text[start:end]):
                message = f"{rule.message}（15 位旧版号码，尾号{doc.text[end - 4:end]}）"
                findings.append(make_finding(rule, doc, start, end, message=message))
    return findings


def _shop_number(bundle: Bundle, doc: Document, start: int, end: int) -> bool:
    """True when the number is labelled as the shop's line or as an order-type number."""
    context = _context(bundle, doc, start, 12)
    after = doc.text[end:end + 6]
    return bool(BUSINESS_LABEL.search(context) or ORDER_LABEL.search(context)
                or re.match(r"\s*[（(【\[]\s*(?:客服|官方|售后|热线|门店|店铺|商家|公司)", after))


@register("mobile_number")
def check_mobile_numbers(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Full mobile numbers that are not the shop's own lines."""
    findings = []
    for doc in bundle.documents_for(rule):
        norm = ascii_digits(doc.text)
        for m in MOBILE.finditer(norm):
            if _shop_number(bundle, doc, m.start(), m.end()):
                continue
            tail = re.sub(r"\D", "", m.group())[-4:]
            message = f"{rule.message}（尾号{tail}）"
            findings.append(make_finding(rule, doc, m.start(), m.end(), message=message))
    return findings


@register("bank_card")
def check_bank_cards(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Luhn-valid card numbers with a bank context or a bank prefix (high); labelled ones failing Luhn (medium)."""
    findings = []
    for doc in bundle.documents_for(rule):
        norm = ascii_digits(doc.text)
        for m in CARD.finditer(norm):
            number = compact(m.group())
            if not 16 <= len(number) <= 19 or parse_id_number(number):
                continue
            context = _context(bundle, doc, m.start(), 16)
            wide = f"{context} {_line_before(doc, m.start())}"
            labelled, explicit = bool(CARD_LABEL.search(context)), bool(CARD_EXPLICIT.search(wide))
            if NOT_A_BANK_CARD.search(context) and not explicit:
                continue
            order = ORDER_LABEL.search(wide)
            if luhn.is_valid(number) and (labelled or (CARD_PREFIX.match(number) and not order)):
                message = f"{rule.message}（尾号{number[-4:]}）"
                findings.append(make_finding(rule, doc, m.start(), m.end(), message=message))
            elif explicit:
                message = f"{rule.message}（标注为银行卡号，尾号{number[-4:]}；校验不符，可能抄错，但仍属金融账户信息）"
                findings.append(make_finding(rule, doc, m.start(), m.end(), message=message,
                                             severity=Severity.MEDIUM))
    return findings


def _address_at(text: str, pos: int) -> tuple[int, int] | None:
    """Span of a specific address starting at `pos` (after filler words), or None."""
    start = ADDRESS_FILLER.match(text, pos).end()
    m = ADDRESS.match(text, start)
    if not m or PLACEHOLDER.search(text, m.start(), m.end() + 2) or BUSINESS_PLACE.match(text, m.end()):
        return None
    return m.start(), m.end()


def _cued_addresses(text: str) -> Iterator[tuple[int, int]]:
    """Addresses right after a personal cue (家住, 收货地址是, 这位姐妹的地址：)."""
    for cue in ADDRESS_CUE.finditer(text):
        span = _address_at(text, cue.end())
        if not span:
            continue
        line_lo = text.rfind("\n", 0, cue.start()) + 1
        if BUSINESS_ADDRESS.search(text[max(line_lo, cue.start() - 8):cue.end()]):
            continue
        if STRONG_CUE.fullmatch(cue.group()) or PERSON_CONTEXT.search(text, line_lo, span[0]):
            yield span


def _recipient_addresses(text: str) -> Iterator[tuple[int, int]]:
    """The first address after 收件人 / 收货人 on its line (收件人：李明，139…，江苏省…)."""
    for cue in RECIPIENT.finditer(text):
        lo, hi = text.rfind("\n", 0, cue.start()) + 1, text.find("\n", cue.end())
        if BUSINESS_ADDRESS.search(text, lo, cue.start()):
            continue
        for start in SEGMENT_START.finditer(text, cue.end(), len(text) if hi == -1 else hi):
            span = _address_at(text, start.start())
            if span:
                yield span
                break


def _cell_addresses(index: TableIndex, text: str) -> Iterator[tuple[int, int]]:
    """Addresses filling a table cell labelled 收货地址 / 住址 (not 退货地址, 门店地址)."""
    for cell in index.cells():
        label = index.label_of(cell)
        if ADDRESS_CUE.search(label) and not BUSINESS_ADDRESS.search(label):
            span = _address_at(text, cell.start)
            if span and span[1] <= cell.end:
                yield span


def _address_spans(bundle: Bundle, doc: Document) -> list[tuple[int, int]]:
    """Addresses of people, one span per address."""
    found = [*_cued_addresses(doc.text), *_recipient_addresses(doc.text),
             *_cell_addresses(table_index(bundle, doc), doc.text)]
    spans: list[tuple[int, int]] = []
    for span in sorted(set(found)):
        if not any(s < span[1] and span[0] < e for s, e in spans):
            spans.append(span)
    return spans


@register("home_address")
def check_home_addresses(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Specific home or delivery addresses of people (road and number, or estate and unit)."""
    findings = []
    for doc in bundle.documents_for(rule):
        for start, end in _address_spans(bundle, doc):
            findings.append(make_finding(rule, doc, start, end))
    return findings
