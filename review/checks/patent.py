"""Patent numbers in scripts and hand cards: find them in every common writing and check the
format and the ZC 0006—2003 check digit (rules-reference §7, §11)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..model import Finding
from . import register

PATENT_TYPES = {"1": "发明", "8": "发明", "2": "实用新型", "9": "实用新型", "3": "外观设计"}
_WEIGHTS_NEW = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_WEIGHTS_OLD = (2, 3, 4, 5, 6, 7, 8, 9)
# Full-width digits, letters and dots map one-to-one onto ASCII, so offsets stay valid.
_FULLWIDTH = str.maketrans("０１２３４５６７８９ＺＬＣＮＸｘ．", "0123456789ZLCNXx.")
# A candidate: ZL/CN prefix or 专利号 label, then digits with optional spaces, then an optional dot and check char.
_CANDIDATE = re.compile(
    r"(?P<prefix>ZL|CN|专利号[:：]?|专利[:：])\s*"
    r"(?P<body>\d[\d ]{5,16}\d(?:\s*[.·]\s*[\dXx])?|\d[\d ]{5,16}[Xx])"
    r"(?![\dA-Za-z])(?!\s?[ABUS]\d?(?![A-Za-z]))"  # not a publication number such as CN 1234567 A
)
_BARE_DOTTED = re.compile(r"(?<![\dA-Za-z])(?P<body>\d{4} ?[12389] ?\d{7}\s*[.·]\s*[\dXx])(?![\dA-Za-z])")
_CONTEXT = re.compile(r"专利")


@dataclass(frozen=True)
class PatentNumber:
    """A parsed Chinese patent (application) number."""

    year: int
    type_digit: str
    check: str
    expected: str

    @property
    def kind(self) -> str:
        """发明 / 实用新型 / 外观设计."""
        return PATENT_TYPES[self.type_digit]

    @property
    def check_ok(self) -> bool:
        """True when the check character verifies."""
        return self.check == self.expected


def normalise(text: str) -> str:
    """Upper-case ASCII form without separators (ZL/CN prefix removed)."""
    s = re.sub(r"[\s.·]", "", text.translate(_FULLWIDTH).upper())
    return s[2:] if s[:2] in ("ZL", "CN") else s


def parse_patent_number(text: str) -> PatentNumber | None:
    """Parse the 2003 (12 digits + check) or pre-2003 (8 digits + check) form; None when malformed."""
    s = normalise(text)
    m = re.fullmatch(r"(\d{4})([12389])(\d{7})([\dX])|(\d{2})([12389])(\d{5})([\dX])", s)
    if not m:
        return None
    if m.group(1):
        year, tdig, body, chk, weights = int(m.group(1)), m.group(2), s[:12], m.group(4), _WEIGHTS_NEW
    else:
        yy = int(m.group(5))
        year = 1900 + yy if yy >= 85 else 2000 + yy
        tdig, body, chk, weights = m.group(6), s[:8], m.group(8), _WEIGHTS_OLD
    r = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
    return PatentNumber(year, tdig, chk, "X" if r == 10 else str(r))


def find_patent_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of patent-number candidates (prefix included) in `text`."""
    norm = text.translate(_FULLWIDTH)
    spans = [(m.start(), m.end()) for m in _CANDIDATE.finditer(norm)]
    for m in _BARE_DOTTED.finditer(norm):
        if not any(s <= m.start() < e for s, e in spans) and _CONTEXT.search(norm[max(0, m.start() - 20):m.start()]):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def _number_part(text: str) -> str:
    """The candidate without a 专利号 label."""
    return re.sub(r"^专利号?[:：]?", "", text).strip()


def _problem(raw: str, broadcast_year: int) -> str | None:
    """Chinese description of what is wrong with the number, or None when it looks right."""
    number = _number_part(raw)
    parsed = parse_patent_number(number)
    digits = len(re.sub(r"\D", "", normalise(number)))
    if parsed is None:
        return f"专利号「{number}」格式不正确（{digits} 位数字；应为年份+类型+流水号+“.”+校验位，共 13 位或 9 位）"
    if not parsed.check_ok:
        return f"专利号「{number}」校验位不符（应为 {parsed.expected}），号码可能抄错或为虚构"
    if not 1985 <= parsed.year <= broadcast_year:
        return f"专利号「{number}」中的申请年份 {parsed.year} 不可能成立"
    return None


@register("patent_number")
def check_patent_numbers(rule: Rule, bundle: Bundle) -> list[Finding]:
    """A finding for every patent number that is malformed or fails its check digit."""
    findings = []
    for doc in bundle.documents_for(rule):
        for start, end in find_patent_numbers(doc.text):
            problem = _problem(doc.text[start:end], bundle.broadcast_date.year)
            if problem:
                findings.append(make_finding(rule, doc, start, end, message=f"{rule.message}：{problem}"))
    return findings
