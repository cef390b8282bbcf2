"""Minors in a live room: the 未成年人需监护人陪同观看 label, and the ages of hosts and spokespersons
(T/ZADT 0013—2025 8.2.3.8; rules-reference §2 AD-ENDORSE, §5 MINOR-AGE).

Ages come from stated ages (主播小美，15岁), birth dates (2011年3月出生) and ID numbers, and are taken
in full years on the broadcast date. An age counts only when it belongs to a host or a spokesperson:
a role word right before it (主播小美，今年15岁) or right after it (9岁的小代言人), a name introduced with
a role (主播：小雨 … 小雨今年刚满16岁), the speaker talking about themself (主播小美：我今年15岁), or the
row of a crew table. Ages of customers' children, of products (适用年龄3-6岁) and thresholds
(18岁以上) never count.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..bundle import CONTENT_KINDS, Bundle, make_finding
from ..checklist import Rule
from ..model import DocKind, Document, Finding, Severity
from . import register
from .identity import AgeRange, age_on, age_range, find_id_candidates, parse_id_number
from .table_cells import Cell, TableIndex, table_index

HOST, SPOKES = "host", "spokesperson"

# --- the room label ---------------------------------------------------------------------------
LABEL = re.compile(
    r"(?:未成年人?|青少年|未满(?:18|十八)周?岁(?:的?(?:观众|用户|朋友))?)[^，。！？；\n]{0,6}?"
    r"(?:监护人|家长|父母)[^，。！？；\n]{0,6}?陪同[^，。！？；\n]{0,4}?观看"
)
LABEL_NEGATED = re.compile(r"(?:没有|未|缺少?|忘了?|漏了?|不用|无需|不需要?)(?:标注|设置|显示|挂|加)?[“\"「]?$")
LIVE_SIGNAL = re.compile(
    r"主播|直播间|开播|开场|下播|上链接|小黄车|购物车|家人们|宝宝们|姐妹们|老铁|福袋|下单|拍下|直播"
)
MIN_SCRIPT_CHARS = 200
MIN_LIVE_SIGNALS = 3

# --- who an age belongs to --------------------------------------------------------------------
_SPOKES = r"形象代言人|品牌代言人|代言人|形象大使|品牌大使|推荐官"
_HOST = r"带货主播|主播|副播|助播|达人|主持人|嘉宾|直播营销人员|出镜人员"
_CHILD = r"网红儿童|小网红|萌娃|童模|小模特|童星|小演员"
ROLE = re.compile(rf"(?P<spokes>{_SPOKES})|(?P<host>{_HOST})|(?P<child>{_CHILD})")
RECOMMEND = re.compile(r"推荐|带货|种草|代言|安利|试吃|试用|试穿|讲解|介绍")
SPEAKER = re.compile(
    rf"^\s*(?:[\[【(（]?\d{{1,2}}(?:[:：]\d{{2}}){{1,2}}[\]】)）]?\s*)?(?P<role>{_SPOKES}|{_HOST})"
    r"(?P<name>[\u4e00-\u9fa5A-Za-z]{0,4})\s*[:：]"
)
NAME_AFTER_ROLE = re.compile(
    rf"(?P<role>{_SPOKES}|{_HOST})\s*[:：]\s*(?P<name>[\u4e00-\u9fa5A-Za-z]{{2,4}}?)(?=[\s　、，,；;（(）)]|$)", re.M
)
NOT_A_NAME = re.compile(
    r"[们的了吗呢吧啊说问答讲]|大家|谢谢|欢迎|好的|是的|对的|没错|哈哈|今天|现在|然后|那么|所以|介绍|补充|提醒"
)
# People other than the role holder, and things that have ages too (a brand, a shop).
BLOCKER = re.compile(
    r"孩子|女儿|儿子|宝宝|宝贝|小朋友|小孩|儿童|学生|妈妈|爸爸|父母|家长|客户|顾客|粉丝|用户|买家|朋友|同学|姐|妹|哥|弟|"
    r"老公|老婆|奶奶|爷爷|外婆|外公|侄|外甥|闺蜜|邻居|同事|老板|她|他|它|宝妈|阿姨|叔叔|品牌|店铺|公司|工厂|"
    r"产品|这款|牌子|老店|家人|有位|有个|一位|"
    # an action or a possessive between the role and the age: the age belongs to a thing (主播推荐的积木6岁能玩)
    r"推荐|介绍|讲|说|用|穿|吃|玩|买|卖|戴|送|试|适合|适用|给|(?<!生)的(?!年龄|生日|出生|身份证|证件)"
)
HEADING = re.compile(r"信息|资料|档案|介绍|情况|名单|表")
VOCATIVE = re.compile(r"家人们|宝宝们|宝子们|姐妹们|朋友们|兄弟们|老铁们|亲们")
SELF = re.compile(r"我(?![们家的妈爸女儿老哥姐弟妹朋])|本人")
CLAUSE_BREAK = re.compile(r"[。！？；!?;\n]")
ROLE_WINDOW = 24
SHORT_LABEL = 6  # a table cell this short that starts with a role word labels its row (主播, 主播姓名)
NAME_WINDOW = 16

# --- age expressions --------------------------------------------------------------------------
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})"
STATED_AGE = re.compile(
    rf"(?P<pre>虚岁|未满|不满|不到|刚满|才满|年满|已满|将满|快|马上|年仅|仅|才|刚)?(?P<n>{_NUM})\s*(?:周岁|岁)(?P<more>半|多)?"
)
AFTER_NOT_OWN = re.compile(
    r"\s*(?:以上|以下|以内|及以上|及以下|之间|之前|之后|以前|以后|前|后|起|开始|那年|那会|的时候|时候|时|就|"
    r"学|读|上学|出道|入行|毕业|\+|"
    r"[-~～—至到]\s*\d|左右的|的(?:孩子|宝宝|小孩|儿童|小朋友|女儿|儿子|学生|小学生|男孩|女孩|宝贝|人|用户|顾客|朋友))"
)
BEFORE_NOT_OWN = re.compile(r"(?:适用|适合|适龄|建议|针对|面向|年龄段|年龄范围)[^，。；\n]{0,4}$|[-~～—至到]\s*$")
BIRTH = re.compile(
    r"(?:出生(?:于|在|日期|年月|时间)?|生于|生日)\s*[:：是为]?\s*"
    r"(?P<y1>(?:19|20)\d{2})\s*(?:[年\-/.]\s*(?P<m1>\d{1,2})\s*(?:月|(?=[\-/.]))?\s*(?:[\-/.]?\s*(?P<d1>\d{1,2})\s*[日号]?)?)?"
    r"|(?P<y2>(?:19|20)\d{2})\s*年\s*(?:(?P<m2>\d{1,2})\s*月\s*(?:(?P<d2>\d{1,2})\s*[日号])?)?\s*"
    r"(?:出生|生人|生(?=[的，,。；;）)\s]|$))"
)
DATE = re.compile(
    r"\s*(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})(?:\s*[月\-/.]\s*(?:(?P<d>\d{1,2})\s*[日号]?)?)?"
)
YEAR = re.compile(r"(?:19|20)\d{2}")
SIX_DIGITS = re.compile(r"[\d０-９]{6}")
AGE_LABEL = re.compile(r"年龄|年纪|岁数|周岁")
BIRTH_LABEL = re.compile(r"出生|生日")
LABEL_NOT_OWN = re.compile(r"适用|适合|建议|推荐|范围")
NAME_HEADER = re.compile(r"姓名|名字|昵称|艺名")
ROW_NOT_OWN = re.compile(r"顾客|客户|粉丝|买家|中奖|收件人|收货人|用户|会员")

# --- guardian consent -------------------------------------------------------------------------
CONSENT = re.compile(r"(?:监护人|家长|父母)[^。；\n]{0,6}?(?:书面)?(?:同意|授权)(?:书|函)?")
CONSENT_NEGATED_BEFORE = re.compile(r"(?:未|没有?|尚未|还没有?|无|缺少?|待|未能|暂未|暂无|需要?|应|须|必须|要)"
                                    r"(?:取得|获得|拿到|签署?|提供|收到|附|经)?[^。；，\n]{0,2}$")
CONSENT_NEGATED_AFTER = re.compile(r"[^。；\n]{0,4}?(?:待补|待签|未签|没签|缺失|未提供|未取得|未收到|还没|尚未|暂缺|"
                                   r"[：:|\s]*(?:无|未|否|缺))")

CONSENT_DONE = re.compile(r"已(?:签|取得|获得|提供|收到|存档|核验)|签署完成|齐全")
CONSENT_NO = re.compile(r"^\s*$|无|未|否|没|待|缺|不适用|^\s*[—－\-/／]+\s*$")
CONSENT_YES = re.compile(r"已|签署|签字|有|存档|是|同意|[✓√]")

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class AgeFact:
    """An age of a host or spokesperson, quoted at doc.text[start:end]."""

    role: str
    who: str  # the role word or name the age was tied to (主播, 小雨, 萌娃)
    doc: Document = field(repr=False)
    start: int
    end: int
    ages: AgeRange
    source: str  # 年龄 / 出生日期 / 身份证号
    consent: bool | None = None  # consent recorded in the same table row (None: not stated there)


def cn_number(text: str) -> int | None:
    """1–99 written in ASCII digits or Chinese numerals (十五, 二十, 两), else None."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, -1) if tens else 1
        o = _CN_DIGITS.get(ones, -1) if ones else 0
        return None if t < 0 or o < 0 or "十" in ones else t * 10 + o
    return _CN_DIGITS.get(text) if len(text) == 1 else None


def stated_age(m: re.Match) -> AgeRange | None:
    """The full-year ages a stated-age match allows (虚岁 and 快/将满 shift it down)."""
    n = cn_number(m.group("n"))
    if n is None or not 0 < n < 100:
        return None
    pre, more = m.group("pre") or "", m.group("more") or ""
    if pre == "虚岁":
        return AgeRange(max(0, n - 2), max(0, n - 1))
    if pre in ("未满", "不满", "不到", "将满", "快", "马上"):
        return AgeRange(max(0, n - 1), max(0, n - 1))
    if more == "多" and n % 10 == 0:
        return AgeRange(n + 1, n + 9)
    return AgeRange(n, n)


# --- the label check --------------------------------------------------------------------------
def has_minor_label(text: str) -> bool:
    """True when the text sets up the 未成年人需监护人陪同观看 label (close writings accepted)."""
    for m in LABEL.finditer(text):
        lo = text.rfind("\n", 0, m.start()) + 1
        if not LABEL_NEGATED.search(text[max(lo, m.start() - 8):m.start()]):
            return True
    return False


def is_live_script(doc: Document) -> bool:
    """A full live script (room setup and patter), not a snippet or a hand card."""
    if doc.kind != DocKind.SCRIPT or len(doc.text) < MIN_SCRIPT_CHARS:
        return False
    return len(set(LIVE_SIGNAL.findall(doc.text))) >= MIN_LIVE_SIGNALS


@register("minor_label")
def check_minor_label(rule: Rule, bundle: Bundle) -> list[Finding]:
    """One document-level finding per submission whose live script has no minor label anywhere."""
    scripts = [d for d in bundle.documents_for(rule) if is_live_script(d)]
    if not scripts:
        return []
    if any(has_minor_label(d.text) for d in bundle.documents if d.kind in CONTENT_KINDS and d.text):
        return []
    return [make_finding(rule, scripts[0])]


# --- who an age belongs to --------------------------------------------------------------------
def _kind(m: re.Match, sentence: str) -> str | None:
    """Role kind of a ROLE match; a child counts as a spokesperson only when the sentence sells."""
    if m.group("spokes"):
        return SPOKES
    if m.group("host"):
        return HOST
    return SPOKES if RECOMMEND.search(sentence) else None


def _blocked(stretch: str) -> bool:
    """True when the words between a role (or name) and an age point at someone or something else."""
    if "岁" in stretch:  # an age in between already belongs to the role or name: this one is someone else's
        return True
    return bool(CLAUSE_BREAK.search(stretch) or BLOCKER.search(VOCATIVE.sub("", stretch)))


def _sentence(line: str, s: int, e: int) -> str:
    """The sentence of `line` around line[s:e]."""
    lo = max(line.rfind(ch, 0, s) for ch in "。！？；!?;") + 1
    his = [i for i in (line.find(ch, e) for ch in "。！？；!?;") if i >= 0]
    return line[lo:min(his) if his else len(line)]


def _names(bundle: Bundle) -> dict[str, str]:
    """Names introduced with a role anywhere in the submission (主播：小雨, 主播小美：, crew tables)."""
    if "minor_names" in bundle.cache:
        return bundle.cache["minor_names"]  # type: ignore[return-value]
    names: dict[str, str] = {}
    for doc in _content_docs(bundle):
        for m in NAME_AFTER_ROLE.finditer(doc.text):
            _add_name(names, m.group("name"), m.group("role"))
        for line in doc.text.split("\n"):
            sm = SPEAKER.match(line)
            if sm and len(sm.group("name")) >= 2:
                _add_name(names, sm.group("name"), sm.group("role"))
        for name, role in _table_names(table_index(bundle, doc)):
            _add_name(names, name, role)
    bundle.cache["minor_names"] = names
    return names


def _table_names(index: TableIndex) -> Iterator[tuple[str, str]]:
    """(name, role) pairs of crew tables: 主播 | 小美 rows, a 主播 column, or a role cell beside a 姓名 cell."""
    for cell in index.cells():
        if ROLE.fullmatch(cell.header.strip()):
            yield cell.text.strip(), cell.header.strip()
        for other in index.row(cell):
            role = ROLE.fullmatch(re.sub(r"(?:姓名|名字|昵称|艺名)$", "", other.text.strip()))
            if other is cell or not role:
                continue
            if index.is_key_value(cell) or NAME_HEADER.search(cell.header):
                yield cell.text.strip(), role.group()


def _add_name(names: dict[str, str], name: str, role: str) -> None:
    """Remember a host's or spokesperson's name (children's roles count only where they sell)."""
    m = ROLE.fullmatch(role)
    if m and not m.group("child") and 2 <= len(name) <= 4 and not NOT_A_NAME.search(name) and not ROLE.search(name):
        names.setdefault(name, SPOKES if m.group("spokes") else HOST)


def _role_after(tail: str) -> re.Match | None:
    """A role word right after an age: 15岁的主播, 9岁小代言人, 8岁的小模特."""
    for prefix in ("的小", "的", "小", ""):
        if tail.startswith(prefix):
            m = ROLE.match(tail, len(prefix))
            if m:
                return m
    return None


Owner = tuple[str, str]  # (role kind, the role word or name the age is tied to)


def _prose_role(line: str, s: int, e: int, names: dict[str, str]) -> Owner | None:
    """Role of the person whose age stands at line[s:e], judged from the line alone."""
    sentence = _sentence(line, s, e)
    after = _role_after(line[e:e + 10])
    if after and (kind := _kind(after, sentence)):
        return kind, after.group()
    speaker = SPEAKER.match(line)
    if speaker and HEADING.search(speaker.group("name")):
        speaker = None  # 主播信息表： is a heading about the host, not the host speaking
    label_end = speaker.end() if speaker else 0
    if s < label_end:
        return None
    roles = list(ROLE.finditer(line, max(label_end, s - ROLE_WINDOW), s))
    if roles and not _blocked(line[roles[-1].end():s]) and (kind := _kind(roles[-1], sentence)):
        return kind, roles[-1].group()
    for name, kind in names.items():
        i = line.rfind(name, label_end, s)
        if i >= 0 and s - i <= NAME_WINDOW and not _blocked(line[i + len(name):s]):
            return kind, name
    selves = list(SELF.finditer(line, label_end, s)) if speaker else []
    if selves:
        stretch = line[selves[-1].end():s]
        if not _blocked(stretch):
            role = speaker.group("role")
            kind = SPOKES if ROLE.fullmatch(role).group("spokes") else HOST
            return kind, f"{role}{speaker.group('name')}"
    return None


def _table_role(index: TableIndex, cell: Cell) -> Owner | None:
    """Role of the person a table cell describes: its row, or the nearest role label above it in a key–value table."""
    rows = [index.row(cell)]
    if index.is_key_value(cell):
        above = sorted({c.row for c in index.table(cell) if c.row <= cell.row}, reverse=True)
        rows = [[c for c in index.table(cell) if c.row == r] for r in above]
    for row in rows:
        texts = " ".join(f"{c.header} {c.text}" for c in row if c is not cell)
        if ROW_NOT_OWN.search(f"{cell.table} {texts}"):
            return None
        for c in row:
            for part in (c.text.strip(), c.header.strip()):
                m = ROLE.match(part) if c is not cell and len(part) <= SHORT_LABEL else None
                if m and (kind := _kind(m, "")):
                    name = next((n.text.strip() for n in row if NAME_HEADER.search(n.header) and n is not cell), "")
                    return kind, f"{m.group()}{name}"
    return None


# --- collecting age facts ---------------------------------------------------------------------
def _content_docs(bundle: Bundle) -> list[Document]:
    return [d for d in bundle.documents if d.kind in CONTENT_KINDS and d.text]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _prose_ages(line: str, on: dt.date) -> Iterator[tuple[int, int, AgeRange, str]]:
    """Stated ages, birth dates and valid ID numbers in one line (offsets relative to the line)."""
    if "岁" in line:
        yield from _stated_ages(line)
    if YEAR.search(line):
        yield from _birth_dates(line, on)
    if SIX_DIGITS.search(line):
        yield from _id_ages(line, on)


def _stated_ages(line: str) -> Iterator[tuple[int, int, AgeRange, str]]:
    """15岁, 刚满16岁, 虚岁11岁 — unless they describe a product, a threshold or a past moment."""
    for m in STATED_AGE.finditer(line):
        ages = stated_age(m)
        before = line[max(0, m.start() - 6):m.start()]
        if ages and not AFTER_NOT_OWN.match(line, m.end()) and not BEFORE_NOT_OWN.search(before):
            yield m.start(), m.end(), ages, "年龄"


def _birth_dates(line: str, on: dt.date) -> Iterator[tuple[int, int, AgeRange, str]]:
    """2011年3月出生, 出生于2010年12月, 生日：2011-04-18."""
    for m in BIRTH.finditer(line):
        y, mo, d = (m.group("y1"), m.group("m1"), m.group("d1")) if m.group("y1") else (
            m.group("y2"), m.group("m2"), m.group("d2"))
        ages = age_range(int(y), int(mo) if mo else None, int(d) if d else None, on)
        if ages:
            yield m.start(), m.end(), ages, "出生日期"


def _id_ages(line: str, on: dt.date) -> Iterator[tuple[int, int, AgeRange, str]]:
    """Ages from ID numbers whose check character verifies."""
    for s, e in find_id_candidates(line):
        parsed = parse_id_number(line[s:e], on)
        if parsed:
            age = age_on(parsed.birth, on)
            yield s, e, AgeRange(age, age), "身份证号"


def _cell_ages(index: TableIndex, cell: Cell, on: dt.date) -> Iterator[tuple[int, int, AgeRange, str]]:
    """A bare age or date in a cell labelled 年龄 / 出生日期 (offsets relative to the cell)."""
    label = index.label_of(cell)
    if LABEL_NOT_OWN.search(label):
        return
    text = cell.text
    if AGE_LABEL.search(label):
        m = re.fullmatch(r"\s*(\d{1,2})\s*(?:周岁|岁)?\s*", text)
        if m:
            yield m.start(1), m.end(), AgeRange(int(m.group(1)), int(m.group(1))), "年龄"
    if BIRTH_LABEL.search(label):
        m = DATE.match(text)
        if m:
            ages = age_range(int(m.group("y")), int(m.group("m")), int(m.group("d")) if m.group("d") else None, on)
            if ages:
                yield len(text) - len(text.lstrip()), m.end(), ages, "出生日期"


def age_facts(bundle: Bundle) -> list[AgeFact]:
    """Every age of a host or spokesperson in the submission's content documents (computed once)."""
    if "minor_age_facts" in bundle.cache:
        return bundle.cache["minor_age_facts"]  # type: ignore[return-value]
    on, names, facts = bundle.broadcast_date, _names(bundle), []
    for doc in _content_docs(bundle):
        index = table_index(bundle, doc)
        seen: set[tuple[int, int]] = set()
        for lo, line in _lines(doc.text):
            cell = index.cell_at(lo) if line else None
            found = list(_prose_ages(line, on)) + (list(_cell_ages(index, cell, on)) if cell else [])
            for s, e, ages, source in found:
                if (lo + s, lo + e) in seen:
                    continue
                owner = _prose_role(line, s, e, names) or (_table_role(index, cell) if cell else None)
                if owner:
                    seen.add((lo + s, lo + e))
                    consent = row_consent(index, cell) if cell else None
                    facts.append(AgeFact(owner[0], owner[1], doc, lo + s, lo + e, ages, source, consent))
    facts = _narrowed(facts)
    bundle.cache["minor_age_facts"] = facts
    return facts


def _narrowed(facts: list[AgeFact]) -> list[AgeFact]:
    """Facts about the same person on one line narrow each other (2008年出生的，今年刚好18岁 -> 18)."""
    groups: dict[tuple[str, int, str], list[AgeFact]] = {}
    for fact in facts:
        line = fact.doc.text.rfind("\n", 0, fact.start)
        groups.setdefault((fact.doc.name, line, fact.who), []).append(fact)
    out = []
    for fact in facts:
        same = groups[(fact.doc.name, fact.doc.text.rfind("\n", 0, fact.start), fact.who)]
        lo, hi = max(f.ages.lo for f in same), min(f.ages.hi for f in same)
        out.append(replace(fact, ages=AgeRange(lo, hi)) if lo <= hi else fact)
    return out


def has_guardian_consent(bundle: Bundle) -> bool:
    """True when some document of the submission records a guardian's consent (not a missing one).

    A table header or label cell (监护人书面同意 | …) is no record by itself: its value is read per row.
    """
    for doc in bundle.documents:
        text, index = doc.text, table_index(bundle, doc)
        for m in CONSENT.finditer(text):
            cell = index.cell_at(m.start())
            if cell and len(cell.text.strip()) <= len(m.group()) + 2:
                continue
            lo = text.rfind("\n", 0, m.start()) + 1
            if CONSENT_NEGATED_BEFORE.search(text[max(lo, m.start() - 8):m.start()]):
                continue
            if CONSENT_NEGATED_AFTER.match(text, m.end()):
                continue
            return True
    return False


def row_consent(index: TableIndex, cell: Cell) -> bool | None:
    """Consent recorded for the person of a table cell: a 监护人同意 column of its row, or a 监护人同意 row of
    its key–value table. None when the table has no such column or row."""
    if index.is_key_value(cell):
        for label in index.table(cell):
            if CONSENT.search(label.text) and len(label.text.strip()) <= len(CONSENT.search(label.text).group()) + 2:
                values = [c for c in index.row(label) if c is not label]
                return _consent_value(values[0].text if values else "")
        return None
    for other in index.row(cell):
        if other is not cell and CONSENT.search(other.header):
            return _consent_value(other.text)
    return None


def _consent_value(value: str) -> bool | None:
    """Yes / no / unknown for the value of a consent cell (已签署, 无, 待补 …)."""
    if CONSENT_DONE.search(value):
        return True
    if CONSENT_NO.search(value):
        return False
    return True if CONSENT_YES.search(value) else None


# --- the age checks ---------------------------------------------------------------------------
def _facts_for(rule: Rule, bundle: Bundle, role: str) -> list[AgeFact]:
    docs = {d.name for d in bundle.documents_for(rule)}
    return [f for f in age_facts(bundle) if f.role == role and f.doc.name in docs]


def _describe(fact: AgeFact, on: dt.date) -> str:
    return f"按{fact.source}推算，「{fact.who}」在直播日（{on.isoformat()}）为 {fact.ages}"


@register("minor_host_under_16")
def check_host_under_16(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Hosts younger than 16 on the broadcast date (medium when the date leaves it open)."""
    findings = []
    for fact in _facts_for(rule, bundle, HOST):
        if fact.ages.lo < 16:
            severity = None if fact.ages.hi < 16 else Severity.MEDIUM
            note = "" if severity is None else "，可能未满16周岁，请核实出生日期"
            message = f"{rule.message}（{_describe(fact, bundle.broadcast_date)}{note}）"
            findings.append(make_finding(rule, fact.doc, fact.start, fact.end, message=message, severity=severity))
    return findings


@register("minor_host_consent")
def check_host_consent(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Hosts aged 16 or 17: medium without a guardian's consent on record, low (a reminder) with one."""
    findings = []
    for fact in _facts_for(rule, bundle, HOST):
        if 16 <= fact.ages.lo < 18:
            consent = fact.consent if fact.consent is not None else has_guardian_consent(bundle)
            if consent:
                note, severity = "材料写明已取得监护人同意，请确认书面同意书和身份核验记录已存档", Severity.LOW
            else:
                note, severity = "材料中未见监护人书面同意", None
            message = f"{rule.message}（{_describe(fact, bundle.broadcast_date)}；{note}）"
            findings.append(make_finding(rule, fact.doc, fact.start, fact.end, message=message, severity=severity))
    return findings


@register("minor_spokesperson_age")
def check_spokesperson_age(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Spokespersons (and children recommending goods) younger than 10 on the broadcast date."""
    findings = []
    for fact in _facts_for(rule, bundle, SPOKES):
        if fact.ages.lo < 10:
            severity = None if fact.ages.hi < 10 else Severity.MEDIUM
            message = f"{rule.message}（{_describe(fact, bundle.broadcast_date)}）"
            findings.append(make_finding(rule, fact.doc, fact.start, fact.end, message=message, severity=severity))
    return findings
