"""Patent claims in scripts and hand cards (rules-reference §7, §11; T/ZADT 0013—2025 8.2.3.7.2 b).

One analysis per submission finds every patent number (ZL/CN prefix, 专利号/申请号 label, spaces,
dots, full-width digits, 2003 and pre-2003 forms) and every patent claim without a number. Each
number and each unsupported claim becomes at most one issue: its most serious problem, with any
further problems of the same number named in the message. Every YAML rule of kind `code` reports
the issues of its own key, so one claim never yields several overlapping findings.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from ..bundle import CONTENT_KINDS, Bundle, make_finding
from ..checklist import Rule
from ..model import Document, Finding, Severity
from ..nlp import sentence_bounds
from . import register

PATENT_TYPES = {"1": "发明", "8": "发明", "2": "实用新型", "9": "实用新型", "3": "外观设计"}
_WEIGHTS_NEW = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_WEIGHTS_OLD = (2, 3, 4, 5, 6, 7, 8, 9)
# Full-width digits, letters, dots and the ideographic space map one-to-one onto ASCII, so offsets stay valid.
_FULLWIDTH = str.maketrans("０１２３４５６７８９ＺＬＣＮＸｚｌｃｎｘ．\u3000", "0123456789ZLCNXzlcnx. ")

_BODY = r"\d[\d ]{5,16}\d(?:\s*[.·]\s*[\dXx])?|\d[\d ]{5,16}[Xx]"
_NUMBER = re.compile(
    r"(?:(?P<label>专利申请号|专利号|申请号|专利)\s*(?:为|是)?\s*[:：]?\s*)?"
    rf"(?:(?P<prefix>(?<![A-Za-z])(?:ZL|CN|zl|cn))\s*(?P<body>{_BODY})|(?<![\dA-Za-z.·])(?P<bare>{_BODY}))"
    r"(?![\dA-Za-z])(?!\s?[ABUS]\d?(?![A-Za-z]))"  # not a publication number such as CN 1234567 A
)
_STRICT_NEW = re.compile(r"(?:19[89]\d|20\d\d)[12389]\d{7}[\dX]")
_STRICT_OLD = re.compile(r"\d\d[12389]\d{5}[\dX]")
_SENTENCE_END = "。！？!?；;"

_TYPE_WORD = re.compile(
    r"发明专利|实用新型|外观设计专利|外观专利|[（(]\s*(?:发明|外观设计|外观)(?:专利)?\s*[)）]"
    r"|类型\s*[:：]\s*(?:发明|外观设计|外观)"
)
_TYPE_AFTER = re.compile(
    r"\s*[（(]\s*(?:发明|实用新型|外观设计|外观)(?:专利)?\s*[)）]|\s*(?:发明专利|实用新型|外观设计专利|外观专利)"
)
_TYPE_CELL = re.compile(r"(发明|实用新型|外观设计|外观)(?:专利)?")
_GRANTED = re.compile(r"专利(?:产品|技术|证书)|(?<![未尚])(?:获得?|拥有|取得|授权)")
_NOT_GRANTED = re.compile(r"(?:尚未|暂未|还未|未|没有)(?:获得?|取得)?授权")
_APPLIED = re.compile(
    r"(?:已经?|正在|刚|已提交|提交了?)申请|申请(?:了|过)?[^，,。；;\n]{0,6}专利|专利申请|申请号|申请中"
    r"|受理|审查中|尚未授权|未授权|待授权|公开号"
)
_PENDING = re.compile(r"申请中|尚未授权|未授权|待授权|审查中|受理中|实审|专利申请[，,、\s]")
_TECHNICAL = re.compile(r"技术|配方|工艺|功效|原理|性能")
_SEPARATORS = re.compile(r"[\s、，,和及与/；;]*")

_MENTION = re.compile(
    r"(?:(?:国家|独家|核心|自主|原创|多项|[0-9０-９一二三四五六七八九十百两几数多]+\s*项)\s*){0,2}"
    r"(?:发明|实用新型|外观设计|外观)?专利(?:产品|技术|设计|配方|工艺|结构|成分|材料|面料|科技|认证|证书|号|保护|款)?"
)
_NOT_A_CLAIM_AFTER = re.compile(r"(?:局|法|代理|事务所|审查员|检索|文献|公报|数据库|侵权|纠纷|费)")
_NEGATED_BEFORE = re.compile(
    r"(?:不涉及|不涉|没有|并非|不是|不属于|不含|不算|不存在|不宣传|无|非|未)"
    r"(?:申请|获得?|取得|涉及|使用|用|任何|相关|别人|他人|其他|别家)?的?\s*$"
)
_META_SENTENCE = re.compile(
    r"广告法|违禁|禁用|禁止使用|不得使用|不得宣传|不能说|不要说|别说|不可以说|慎用|合规提示|审核要点"
)
_APPLIED_BEFORE = re.compile(r"(?:已经?|正在|在|均已|刚|已提交)?申请(?:了|过)?(?:\d+项|多项|[一两二三几]项)?\s*$")
_APPLIED_AFTER = re.compile(r"\s*(?:正在|已经?)?(?:申请|受理|审查|公开)中?")

# Keys of the YAML rules, most important first: the order breaks ties between equally severe problems.
PRECEDENCE = ("number", "application", "type", "term", "design", "incomplete", "pending")


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


def term_years(number: PatentNumber) -> tuple[int, int]:
    """(shortest, longest) possible term in years (designs filed in 2021 may have either 10 or 15)."""
    if number.type_digit in "18":
        return 20, 20
    if number.type_digit in "29":
        return 10, 10
    if number.year <= 2020:
        return 10, 10
    return (15, 15) if number.year >= 2022 else (10, 15)


def patent_term_status(number: PatentNumber, on: dt.date) -> str:
    """'expired' (certain from the filing year), 'check' (may have expired) or 'in_term'."""
    lo, hi = term_years(number)
    slack = 3 if number.type_digit in "89" else 0  # PCT: the term runs from the earlier international filing
    if on.year > number.year + hi:
        return "expired"
    if on.year >= number.year + lo - slack:
        return "check"
    return "in_term"


@dataclass(frozen=True)
class Candidate:
    """A patent number found in a text: the number span, its label and the words around it that describe it."""

    start: int          # number span (prefix ZL/CN included, label excluded)
    end: int
    label: str          # 专利号 / 专利申请号 / 申请号 / 专利 / ZL / CN / "" (bare)
    context_start: int  # the clause before the number (from the previous number's own clause on)
    clause_end: int     # the clause right after the number, up to the first comma: （实用新型）
    context_end: int    # the rest of its sentence, up to the next number: ，专利申请中


def _window(text: str, start: int, end: int, reach: int = 30) -> str:
    return text[max(0, start - reach):min(len(text), end + reach)]


def _accept(text: str, norm: str, m: re.Match) -> bool:
    """True when a raw match is a patent number rather than a model, order or bar-code number."""
    digits = normalise(m.group("body") or m.group("bare"))
    label, prefix = m.group("label"), m.group("prefix")
    around = _window(text, m.start(), m.end())
    if label:
        return label != "申请号" or ("专利" in around and "商标" not in text[max(0, m.start() - 4):m.start()])
    dotted = bool(re.search(r"[.·]", m.group("body") or m.group("bare") or ""))
    if prefix and prefix.upper() == "ZL":
        return dotted or len(digits) in (9, 13) or "专利" in around
    if prefix:
        return "专利" in around
    before = norm[max(0, m.start() - 16):m.start()]
    if not re.search(r"专利|(?<!商标)申请号", before):
        return False
    return bool(_STRICT_NEW.fullmatch(digits) or (dotted and _STRICT_OLD.fullmatch(digits)))


def _clause_start(text: str, start: int, floor: int, reach: int = 30) -> int:
    """Start of the words before `start` that may describe a number (same sentence, within `reach`)."""
    lo = max(floor, start - reach)
    cut = max((text.rfind(ch, lo, start) for ch in _SENTENCE_END), default=-1)
    return max(lo, cut + 1)


def _clause_end(text: str, end: int, stops: str, reach: int = 16) -> int:
    """First of `stops` after `end` (within `reach`), else `end + reach`."""
    hi = min(len(text), end + reach)
    cuts = [i for i in (text.find(ch, end, hi) for ch in stops) if i != -1]
    return min(cuts, default=hi)


def find_candidates(text: str) -> list[Candidate]:
    """Patent numbers of `text` with their labels and describing context, in text order."""
    norm = text.translate(_FULLWIDTH)
    raw: list[tuple[int, int, int, str]] = []  # (match start incl. label, number start, number end, label)
    for m in _NUMBER.finditer(norm):
        if _accept(text, norm, m):
            num_start = m.start("prefix") if m.group("prefix") else m.start("bare")
            raw.append((m.start(), num_start, m.end(), m.group("label") or (m.group("prefix") or "").upper()))
    found: list[Candidate] = []
    for i, (m_start, start, end, label) in enumerate(raw):
        floor = found[-1].clause_end if found else 0
        nxt = raw[i + 1][0] if i + 1 < len(raw) else len(text)
        clause = min(_clause_end(text, end, "，,；;、和及与" + _SENTENCE_END + "\n"), nxt)
        found.append(Candidate(start, end, label, _clause_start(text, m_start, floor), clause,
                               min(_clause_end(text, end, _SENTENCE_END + "\n"), nxt)))
    return found


def find_patent_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of the patent numbers in `text` (ZL/CN prefix included, 专利号 label excluded)."""
    return [(c.start, c.end) for c in find_candidates(text)]


def stated_type(text: str, cand: Candidate, previous: Candidate | None = None) -> str | None:
    """The patent type the text gives for a number: 发明 / 实用新型 / 外观设计, or None."""
    m_after = _TYPE_AFTER.match(text, cand.end, max(cand.clause_end, cand.end))
    if m_after:
        return _type_name(m_after.group())
    before = list(_TYPE_WORD.finditer(text, cand.context_start, cand.start))
    if before:
        return _type_name(before[-1].group())
    if previous and _SEPARATORS.fullmatch(text[previous.end:cand.start]):
        return stated_type(text, previous)  # 实用新型专利两项：ZL…、ZL…
    return _type_cell(text, cand)


def _type_cell(text: str, cand: Candidate) -> str | None:
    """The type in a neighbouring table cell (a line holding only 发明 / 实用新型 / 外观设计) of a number cell."""
    lo = text.rfind("\n", 0, cand.start) + 1
    hi = text.find("\n", cand.end)
    hi = len(text) if hi == -1 else hi
    if len(text[lo:hi]) > cand.end - cand.start + 8:
        return None  # the number sits in running text, not in a cell of its own
    prev_lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1
    next_hi = text.find("\n", hi + 1)
    for line in (text[prev_lo:max(lo - 1, prev_lo)], text[hi + 1:len(text) if next_hi == -1 else next_hi]):
        m = _TYPE_CELL.fullmatch(line.strip())
        if m:
            return _type_name(m.group(1))
    return None


def _type_name(word: str) -> str:
    return "实用新型" if "实用新型" in word else "外观设计" if "外观" in word else "发明"


@dataclass
class Issue:
    """One problem of one claim, reported by the rule whose key it carries."""

    key: str
    severity: Severity
    doc: Document
    start: int | None
    end: int | None
    detail: str
    extra: list[str] = field(default_factory=list)

    def message(self, title: str) -> str:
        """Rule title, the problem and any further problems of the same claim."""
        text = f"{title}：{self.detail}"
        return text + (f"。另外，{'；'.join(self.extra)}" if self.extra else "")


def _pick(problems: list[tuple[str, Severity, str]]) -> tuple[tuple[str, Severity, str], list[str]]:
    """The most serious problem (ties by PRECEDENCE) and the details of the others."""
    ranked = sorted(problems, key=lambda p: (-p[1].rank, PRECEDENCE.index(p[0])))
    return ranked[0], [p[2] for p in ranked[1:]]


@dataclass
class NumberClaim:
    """A number in a document with everything the text says about it."""

    doc: Document
    cand: Candidate
    raw: str
    parsed: PatentNumber | None
    stated: str | None
    granted: bool      # presented as a granted patent (ZL, 专利号, 专利产品, 已授权 …)
    applied: bool      # described as an application (申请号, 申请中, 已申请 …)
    pending_said: bool  # the text says plainly that it is not granted yet

    @property
    def key(self) -> str:
        """Normalised number, to group repeated mentions."""
        return normalise(self.raw)


def _number_claims(doc: Document) -> list[NumberClaim]:
    text, claims, previous = doc.text, [], None
    for cand in find_candidates(text):
        words = text[cand.context_start:cand.start] + " " + text[cand.end:cand.context_end]
        label_granted = cand.label in ("ZL", "专利号", "专利")
        label_applied = cand.label in ("申请号", "专利申请号")
        raw = text[cand.start:cand.end]
        claims.append(NumberClaim(
            doc=doc, cand=cand, raw=raw, parsed=parse_patent_number(raw),
            stated=stated_type(text, cand, previous),
            granted=label_granted or bool(_GRANTED.search(_NOT_GRANTED.sub("", words))),
            applied=label_applied or bool(_APPLIED.search(words)),
            pending_said=label_applied or bool(_PENDING.search(words + " ")),
        ))
        previous = cand
    return claims


def _format_problem(claim: NumberClaim, on: dt.date) -> str | None:
    number, parsed = claim.raw, claim.parsed
    if parsed is None:
        digits = len(re.sub(r"\D", "", normalise(number)))
        return (f"「{number}」不符合专利号格式（现为 {digits} 位数字；应为 4 位申请年份 + 1 位类型 + 7 位流水号"
                f" + “.” + 校验位，2003 年以前为 2 位年份 + 1 位类型 + 5 位流水号 + 校验位）")
    if not parsed.check_ok:
        return f"「{number}」的校验位是 {parsed.check}，按 ZC 0006—2003 计算应为 {parsed.expected}，号码抄错或是虚构的"
    if not 1985 <= parsed.year <= on.year:
        return (f"「{number}」的申请年份 {parsed.year} 不可能成立（中国专利制度 1985 年起实施，"
                f"且不能晚于直播年份 {on.year}）")
    return None


def _term_problem(parsed: PatentNumber, number: str, on: dt.date) -> tuple[Severity, str] | None:
    status = patent_term_status(parsed, on)
    lo, hi = term_years(parsed)
    years = f"{lo}" if lo == hi else f"{lo} 或 {hi}"
    if status == "expired":
        return Severity.HIGH, (f"「{number}」是 {parsed.year} 年申请的{parsed.kind}专利，保护期 {years} 年，"
                               f"到直播日 {on.isoformat()} 已经届满，过期专利不能再作宣传")
    if status == "check":
        return Severity.MEDIUM, (f"「{number}」是 {parsed.year} 年申请的{parsed.kind}专利，保护期 {years} 年，"
                                 f"直播日 {on.isoformat()} 前后可能已届满，"
                                 f"需提供专利登记簿副本或年费缴纳凭证证明仍有效")
    return None


def _number_problems(claim: NumberClaim, on: dt.date, typed: set[str]) -> list[tuple[str, Severity, str]]:
    """Every problem of one number occurrence as (key, severity, detail)."""
    number, parsed = claim.raw, claim.parsed
    problems = []
    fmt = _format_problem(claim, on)
    if fmt:
        problems.append(("number", Severity.HIGH, fmt))
    elif claim.stated and claim.stated != parsed.kind:
        problems.append(("type", Severity.HIGH, f"文中称「{number}」为{claim.stated}专利，但号码的类型位 "
                                                f"{parsed.type_digit} 表示{parsed.kind}"))
    if claim.applied and claim.granted:
        problems.append(("application", Severity.HIGH, f"「{number}」按文中说法还是专利申请，却以专利号、ZL 或"
                                                       f"“专利产品/已授权”的口径宣传；未授权的申请不能当作专利宣传"))
    elif claim.applied:
        severity = Severity.LOW if claim.pending_said else Severity.MEDIUM
        problems.append(("pending", severity, f"用专利申请「{number}」作宣传；《广告法》第十二条不允许以未授权的"
                                              f"专利申请作广告，如需提及只能如实写明“专利申请，尚未授权”，不作为卖点"))
    if fmt or claim.applied:
        return problems
    term = _term_problem(parsed, number, on)
    if term:
        problems.append(("term", term[0], term[1]))
    if parsed.type_digit in "18" and parsed.year == on.year:
        problems.append(("application", Severity.MEDIUM, f"「{number}」是直播当年（{on.year}）才申请的发明专利，"
                                                         f"当年授权极少见，请核对专利证书，确认它不是尚在审查的申请"))
    if parsed.type_digit == "3" and _TECHNICAL.search(_sentence_of(claim)):
        problems.append(("design", Severity.MEDIUM, f"「{number}」是外观设计专利，只保护产品外观，"
                                                    f"不能用来宣传技术、配方或功效"))
    if not claim.stated and claim.key not in typed:
        problems.append(("incomplete", Severity.MEDIUM, f"「{number}」旁边没有写明专利类型（应为{parsed.kind}专利）"))
    return problems


def _sentence_of(claim: NumberClaim) -> str:
    lo, hi = sentence_bounds(claim.doc.text, claim.cand.start, claim.cand.end)
    return claim.doc.text[max(lo, claim.cand.start - 40):min(hi, claim.cand.end + 40)]


@dataclass(frozen=True)
class Mention:
    """A patent claim in words (专利产品, 已申请专利 …) not tied to a number."""

    start: int
    end: int
    applied: bool


def _mentions(doc: Document, cands: list[Candidate]) -> list[Mention]:
    text, out = doc.text, []
    starts = [c.context_start for c in cands]
    for m in _MENTION.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < max(cands[i].context_end, cands[i].end):
            continue  # words describing a number are judged with the number
        if _NOT_A_CLAIM_AFTER.match(text, m.end()) or _NEGATED_BEFORE.search(text[max(0, m.start() - 10):m.start()]):
            continue
        lo, hi = sentence_bounds(text, m.start(), m.end())
        if _META_SENTENCE.search(text[lo:hi]):
            continue
        lead = _APPLIED_BEFORE.search(text, max(0, m.start() - 8), m.start())
        tail = _APPLIED_AFTER.match(text, m.end())
        start, end = (lead.start() if lead else m.start()), (tail.end() if tail else m.end())
        out.append(Mention(start, end, bool(lead or tail)))
    return out


@dataclass(frozen=True)
class Pointer:
    """Where a submission speaks of a patent application (for messages)."""

    quote: str
    doc: Document
    offset: int

    def describe(self, reader: Document) -> str:
        """「quote」 and its place, naming the file only when it is another document than `reader`."""
        where = self.doc.location_at(self.offset)
        if self.doc.name != reader.name:
            where = f"{PurePath(self.doc.name).name} {where}".strip()
        return f"「{self.quote}」，{where}" if where else f"「{self.quote}」"


def _mention_issues(doc: Document, mentions: list[Mention], granted_kinds: set[str] | None,
                    application: Pointer | None, application_number: bool, bad_numbers: bool = False) -> list[Issue]:
    """At most one issue per document for patent claims made in words, without a number next to them.

    `granted_kinds` are the types of the valid numbers presented as patents in the submission (None when
    there is none); `application` says where the submission speaks of an application; `application_number`
    is True when an application number is given (that number is then judged on its own); `bad_numbers` is
    True when numbers were presented as patents but none of them verifies (they support no claim).
    """
    text = doc.text
    claims = [m for m in mentions if not m.applied]
    if claims:
        first = claims[0]
        quote = text[first.start:first.end]
        others = f"（本文档共 {len(claims)} 处类似表述）" if len(claims) > 1 else ""
        if granted_kinds is None and application:
            return [Issue("application", Severity.HIGH, doc, first.start, first.end,
                          f"宣称「{quote}」{others}，但提交材料里只有专利申请（{application.describe(doc)}），"
                          f"没有已授权的专利号；把申请说成专利属于假冒专利")]
        if granted_kinds is None:
            missing = "给出的专利号都无法通过校验" if bad_numbers else "脚本和手卡中都没有专利号和专利类型"
            return [Issue("incomplete", Severity.MEDIUM, doc, first.start, first.end,
                          f"提到「{quote}」{others}，但{missing}")]
        for m in claims:
            words = text[m.start:m.end]
            said = _type_name(words) if re.search(r"发明|实用新型|外观", words) else None
            if said and granted_kinds and said not in granted_kinds:
                return [Issue("type", Severity.MEDIUM, doc, m.start, m.end,
                              f"宣称「{words}」，但提交材料中的专利号都是{'、'.join(sorted(granted_kinds))}专利")]
        return []
    pending = [m for m in mentions if m.applied]
    if pending and not application_number:
        first = pending[0]
        return [Issue("pending", Severity.MEDIUM, doc, first.start, first.end,
                      f"用「{text[first.start:first.end]}」作卖点，但没有给出申请号；"
                      f"《广告法》第十二条不允许以未授权的专利申请作广告")]
    return []


def analyse(docs: list[Document], on: dt.date) -> list[Issue]:
    """Every patent issue of a submission: at most one per number per document, one per unsupported claim."""
    numbers = {d.name: _number_claims(d) for d in docs}
    every = [c for claims in numbers.values() for c in claims]
    typed = {c.key for c in every if c.stated}
    presented = [c for c in every if c.granted or not c.applied]
    # a malformed number or one whose check character fails substantiates no patent claim
    granted = [c for c in presented if c.parsed is not None and c.parsed.check_ok]
    applied = [c for c in every if c.applied and not c.granted]
    mentions = {d.name: _mentions(d, [c.cand for c in numbers[d.name]]) for d in docs}
    application = Pointer(f"申请号{applied[0].raw}", applied[0].doc, applied[0].cand.start) if applied else None
    for d in docs:
        m = next((m for m in mentions[d.name] if m.applied), None)
        if m and not application:
            application = Pointer(d.text[m.start:m.end], d, m.start)
    kinds = {c.parsed.kind for c in granted if c.parsed} if granted else None
    issues: list[Issue] = []
    for doc in docs:
        issues.extend(_doc_number_issues(numbers[doc.name], on, typed))
        issues.extend(_mention_issues(doc, mentions[doc.name], kinds, application, bool(applied),
                                      bool(presented) and not granted))
    return issues


def _doc_number_issues(claims: list[NumberClaim], on: dt.date, typed: set[str]) -> list[Issue]:
    """One issue per distinct number of one document (the occurrence with the worst problem is quoted)."""
    by_number: dict[str, list[tuple[NumberClaim, list]]] = {}
    for claim in claims:
        by_number.setdefault(claim.key, []).append((claim, _number_problems(claim, on, typed)))
    issues = []
    for occurrences in by_number.values():
        with_problems = [(c, p) for c, p in occurrences if p]
        if not with_problems:
            continue
        claim, _problems = max(with_problems, key=lambda cp: max(p[1].rank for p in cp[1]))
        merged = {p[0]: p for _c, ps in with_problems for p in ps}
        (key, severity, detail), extra = _pick(list(merged.values()))
        if len(occurrences) > 1:
            extra.append(f"该号码在本文档出现 {len(occurrences)} 次")
        issues.append(Issue(key, severity, claim.doc, claim.cand.start, claim.cand.end, detail, extra))
    return issues


def _issues(rule: Rule, bundle: Bundle) -> list[Issue]:
    """The submission's patent issues, computed once per bundle."""
    cached = bundle.cache.get("patent_issues")
    if cached is None:
        docs = [d for d in bundle.documents if d.kind in CONTENT_KINDS and d.text]
        cached = analyse(docs, bundle.broadcast_date)
        bundle.cache["patent_issues"] = cached
    wanted = {d.name for d in bundle.documents_for(rule)}
    return [i for i in cached if i.doc.name in wanted]


def _reporter(key: str):
    def check(rule: Rule, bundle: Bundle) -> list[Finding]:
        return [make_finding(rule, i.doc, i.start, i.end, message=i.message(rule.message), severity=i.severity)
                for i in _issues(rule, bundle) if i.key == key]

    check.__doc__ = f"Findings of the patent issues with key {key!r}."
    return check


for _key, _name in (("number", "patent_number"), ("application", "patent_application"), ("type", "patent_type"),
                    ("term", "patent_term"), ("design", "patent_design"), ("incomplete", "patent_incomplete"),
                    ("pending", "patent_pending")):
    register(_name)(_reporter(_key))
