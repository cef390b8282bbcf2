"""Trademark checks (category ip): ® / ㊟ / （注） / 注册商标 without a registration number or on a mark
still under application, riding on and disparaging well-known brands, another person's 同款 without
consent, and geographic indications used without a stated authorisation (rules-reference §8 TM-REG,
TM-RIDE, TM-GI and §2 AD-DISP; T/ZADT 0013—2025 8.2.3.7.2, 8.2.3.7.3.1).

Brand and GI names are facts kept in `checklists/userdict_ip.txt` (tags `nbrand`, `ngi`); the same
file is a jieba user dictionary, so the names are whole tokens and a brand is matched only on token
boundaries (never inside a longer word such as 茅台镇).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..bundle import Bundle, make_finding
from ..checklist import CHECKLIST_DIR, Rule
from ..model import Document, Finding, Severity
from ..nlp import Analysis, TermMatcher, line_bounds
from . import register

LEXICON_PATH = CHECKLIST_DIR / "userdict_ip.txt"
_ENTRY = re.compile(r"^(.+?)(?: (\d+))?(?: ([a-z]+))?$")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_STOP = "，,。！？!?；;…\n"
_NO_STOP = r"[^，,。！？!?；;…\n]"

# ---------------------------------------------------------------- lexicon and brand finding


@dataclass(frozen=True)
class Lexicon:
    """Well-known brand names and geographic-indication product names."""

    brands: tuple[str, ...]
    gis: tuple[str, ...]


def read_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Entries tagged nbrand / ngi of a jieba user dictionary (`word [freq] [tag]`; `#` lines skipped)."""
    brands: list[str] = []
    gis: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return Lexicon((), ())
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _freq, tag = _ENTRY.match(line).groups()
        if tag == "nbrand":
            brands.append(word)
        elif tag == "ngi":
            gis.append(word)
    return Lexicon(tuple(brands), tuple(gis))


class BrandFinder:
    """Finds brand names: Chinese ones on jieba token boundaries, Latin ones between non-letters."""

    def __init__(self, names: tuple[str, ...]) -> None:
        cjk = [n for n in names if not _LATIN.search(n)]
        latin = sorted((n for n in names if _LATIN.search(n)), key=len, reverse=True)
        self._cjk = TermMatcher({n: [n] for n in cjk})
        alternation = "|".join(re.escape(n) for n in latin)
        self._latin = re.compile(rf"(?<![A-Za-z0-9])(?:{alternation})(?![A-Za-z])", re.I) if latin else None

    def find(self, text: str, analysis: Analysis) -> list[tuple[int, int]]:
        """Non-overlapping brand spans, longest first."""
        spans = [(s, e) for s, e, _t, _k in self._cjk.iter(text) if analysis.on_boundaries(s, e)]
        if self._latin:
            spans.extend(m.span() for m in self._latin.finditer(text))
        chosen: list[tuple[int, int]] = []
        for s, e in sorted(spans, key=lambda p: (p[0] - p[1], p[0])):
            if all(e <= cs or s >= ce for cs, ce in chosen):
                chosen.append((s, e))
        return sorted(chosen)


@lru_cache(maxsize=4)
def _lexicon_tools(path: Path = LEXICON_PATH) -> tuple[BrandFinder, TermMatcher, tuple[str, ...]]:
    lexicon = read_lexicon(path)
    return BrandFinder(lexicon.brands), TermMatcher({g: [g] for g in lexicon.gis}), lexicon.gis


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause holding the span: cut at ，。！？；… and line ends."""
    lo = start
    while lo > 0 and text[lo - 1] not in _STOP:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in _STOP:
        hi += 1
    return lo, hi


# ---------------------------------------------------------------- riding on and disparaging brands

_RIDE_AFTER = re.compile(
    r"[^，,。！？!?；;…\n]{0,8}?(?:平替|平价替代|平价版|替代款|替代品|代替品|穷人版|学生党版|同款|同厂|同源|同配方"
    r"|同一(?:个|家|条)?(?:代工厂|工厂|厂家|厂|生产线)|一个厂|代工厂|代工|贴牌|原单|尾单|高仿|复刻|仿款|A货)"
)
_RIDE_BEFORE = re.compile(
    r"(?:媲美|堪比|比肩|对标|直逼|逼近|看齐|比得上|赶得上|不输给?|不亚于|不逊于|不逊色于|平替|替代|取代|复刻|一比一|1[:：比]1|不比)[^，,。！？!?；;…\n]{0,6}$"
)
_DISP_AFTER = re.compile(
    r"[^，,。！？!?；;…\n]{0,8}?(?:智商税|垃圾|假货|冒牌货|山寨货?|骗人|骗子|骗钱|割韭菜|坑人|坑钱|黑心|三无|劣质|以次充好"
    r"|偷工减料|含激素|有激素|加了?激素|打激素|致癌|有毒|重金属超标|比不上|差远了|差得远|没法比|不如我们|烂脸|翻车|一坨"
    r"|不值一提)"
)
_DISP_BEFORE = re.compile(r"(?:吊打|碾压|完爆|爆锤|完胜|干翻|赢过|打败|胜过|超越|甩开)[^，,。！？!?；;…\n]{0,4}$")
# the statement is denied or reported: 我们不做兰蔻平替 / 谨防兰蔻高仿
_NEGATED = re.compile(
    r"(?:不是|并非|不做|不当|不搞|不敢说|不能说|不会说|不说|别说|不要说|没说|拒绝|杜绝|谨防|警惕|打击|不卖|从不)"
    r"[^，,。！？!?；;…\n]{0,6}$"
)
# an authorised collaboration is not riding: 兰蔻官方授权联名款
_AUTHORISED = re.compile(r"授权|联名|官方合作|品牌方合作")


def _brand_relations(text: str, analysis: Analysis, after: re.Pattern, before: re.Pattern) -> Iterator[tuple[int, int]]:
    """Spans `brand + cue` (`after` is matched right after the brand) or `cue + brand` inside one clause,
    unless denied or authorised."""
    finder = _lexicon_tools()[0]
    for s, e in finder.find(text, analysis):
        c_lo, c_hi = clause_bounds(text, s, e)
        span = None
        m = after.match(text, e, min(c_hi, e + 20))
        if m:
            span = (s, m.end())
        else:
            lo = max(c_lo, s - 12)
            b = before.search(text[lo:s])
            if b:
                span = (lo + b.start(), e)
        if span is None:
            continue
        l_lo, l_hi = line_bounds(text, *span)
        if _NEGATED.search(text[c_lo:span[0]]) or _AUTHORISED.search(text[l_lo:l_hi]):
            continue
        yield span


def _relation_findings(rule: Rule, bundle: Bundle, after: re.Pattern, before: re.Pattern) -> list[Finding]:
    findings = []
    for doc in bundle.documents_for(rule):
        for s, e in _brand_relations(doc.text, bundle.analysis(doc), after, before):
            findings.append(make_finding(rule, doc, s, e))
    return findings


@register("brand_riding")
def brand_riding(rule: Rule, bundle: Bundle) -> list[Finding]:
    """A well-known brand named with 平替 / 同款 / 同厂 / 代工厂 / 媲美 / 对标 … (TM-RIDE)."""
    return _relation_findings(rule, bundle, _RIDE_AFTER, _RIDE_BEFORE)


@register("brand_disparage")
def brand_disparage(rule: Rule, bundle: Bundle) -> list[Finding]:
    """A well-known brand called 智商税 / 垃圾 / 假货 / 含激素 …, or 吊打 / 碾压 … (AD-DISP)."""
    return _relation_findings(rule, bundle, _DISP_AFTER, _DISP_BEFORE)


# ---------------------------------------------------------------- a named person's 同款

_SAME_STYLE = re.compile(r"同款")
# the same claim without the word: 刘诗诗机场穿的就是这个版型 / 杨幂戴的也是这款
_WORN_BY = re.compile(
    r"(?:机场|街拍|私服|出街|日常|综艺里|剧里|上次)?(?:穿|戴|用|背|涂|拎|拿)的(?:就是|也是|正是)"
    r"(?:这[个款件双条只支套顶]|我们(?:家)?的?|同款)"
)
_STAFF_NAME = re.compile(
    r"(?:主播|副播|助播|场控|中控|嘉宾|达人|店长|模特|主持人?)\s*[:：]?\s*([\u4e00-\u9fa5A-Za-z]{2,4})"
)
_STAFF_BEFORE = re.compile(r"(?:主播|副播|助播|场控|嘉宾|店长|模特|我们|我家|咱们|我|你|他|她)$")
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
# 王先生 / 李阿姨 is a customer or neighbour, not a public figure
_HONORIFIC = re.compile(r"(?:先生|女士|小姐|阿姨|叔叔|大哥|大姐|姐姐|哥哥|大爷|奶奶|爷爷)$")
_CONSENT = re.compile(r"肖像|代言(?:合同|协议)|经纪公司|本人(?:书面)?(?:同意|授权)|已获[^，,。\n]{0,8}授权|授权书")


def _staff_names(bundle: Bundle) -> set[str]:
    """Names of the room's own people (主播：小鹿 / 副播阿杰 …), whose 同款 is the room's own style."""
    key = "trademark.staff_names"
    if key not in bundle.cache:
        names = set()
        for doc in bundle.documents:
            for m in _STAFF_NAME.finditer(doc.text):
                names.add(m.group(1))
                names.update(m.group(1)[:k] for k in (2, 3))
        bundle.cache[key] = names
    return bundle.cache[key]  # type: ignore[return-value]


def _consented_names(bundle: Bundle) -> str:
    """Lines stating a person's written consent (肖像授权, 代言合同 …), joined."""
    key = "trademark.consent_lines"
    if key not in bundle.cache:
        lines = []
        for doc in bundle.documents:
            for m in _CONSENT.finditer(doc.text):
                lo, hi = line_bounds(doc.text, m.start(), m.end())
                lines.append(doc.text[lo:hi])
        bundle.cache[key] = "\n".join(lines)
    return bundle.cache[key]  # type: ignore[return-value]


def person_same_style(text: str, start: int) -> tuple[int, str] | None:
    """(start, name) of a person's name (jieba tag nr) written right before 同款 at `start`, else None."""
    import jieba.posseg as pseg

    from ..nlp import get_nlp

    get_nlp()  # jieba with the project's user dictionaries
    c_lo, _c_hi = clause_bounds(text, start, start)
    pos, last = c_lo, None
    for pair in pseg.cut(text[c_lo:start]):
        last = (pos, pair.word, pair.flag)
        pos += len(pair.word)
    if last is None or last[2] not in _PERSON_TAGS or len(last[1]) < 2 or _HONORIFIC.search(last[1]):
        return None
    return last[0], last[1]


@register("celebrity_same_style")
def celebrity_same_style(rule: Rule, bundle: Bundle) -> list[Finding]:
    """「杨幂同款」「刘诗诗穿的就是这款」: another person's name used to sell, with no consent stated (the room's own
    hosts excepted)."""
    staff = _staff_names(bundle)
    consents = _consented_names(bundle)
    findings = []
    for doc in bundle.documents_for(rule):
        cues = sorted([*_SAME_STYLE.finditer(doc.text), *_WORN_BY.finditer(doc.text)], key=lambda c: c.start())
        for m in cues:
            found = person_same_style(doc.text, m.start())
            if found is None:
                continue
            start, name = found
            c_lo, _c_hi = clause_bounds(doc.text, start, m.end())
            if name in staff or name in consents or _STAFF_BEFORE.search(doc.text[c_lo:start]):
                continue
            findings.append(make_finding(rule, doc, start, m.end()))
    return findings


# ---------------------------------------------------------------- ® / ㊟ / （注） / 注册商标

_SYMBOL = re.compile(r"®|Ⓡ|㊟|[（(]\s*注\s*[)）]|(?<=[A-Za-z])[（(]R[)）]")
_MARK_CHAR = re.compile(r"[A-Za-z\u00C0-\u024F0-9\u4e00-\u9fff&·'’\-]")
_LATIN_MARK = re.compile(r"[A-Za-z\u00C0-\u024F0-9&'’\-]+(?: [A-Za-z\u00C0-\u024F0-9&'’\-]+){0,2}$")
# the symbol is talked about, not used: 不标®、后面加®
_SYMBOL_TALK = re.compile(r"(?:加|标|标注|打|写|带|印|使用|用|加注)$")
# a trademark registration number (at most 9 digits, Madrid G + digits); never a business licence's 注册号
_REG_NUMBER = re.compile(
    r"(?<!营业执照)(?<!工商)(?<!企业)(?:商标注册证|注册证号?|注册号|商标号|注册商标)\s*[:：]?\s*(?:第\s*)?[GＧ]?\s*\d{5,9}(?!\d)"
    r"|(?:商标|注册)[^。\n]{0,20}?第\s*[GＧ]?\s*\d{5,9}\s*号"
)
_PENDING = re.compile(r"商标申请中|申请中|已受理|受理通知|注册申请|申请号|待注册|尚未注册|未注册|正在注册|注册中")
_REG_PHRASE = re.compile(r"注册商标|商标(?:已经?|均已|都已)注册")
_REG_PHRASE_SKIP_BEFORE = re.compile(
    r"(?:冒充|假冒|他人|别人|别家|侵犯|未经|不是|并非|不得|申请|申请了|正在申请|已申请|没有|未|尚未|非)"
    r"[^，,。！？!?；;…\n]{0,4}$"
)
_REG_PHRASE_SKIP_AFTER = re.compile(r"^(?:的)?(?:申请|注册申请)")
_REG_WINDOW = 60


@dataclass(frozen=True)
class MarkUse:
    """A mark shown as registered: its name, the quoted span and whether a pending application is noted."""

    mark: str
    start: int
    end: int
    pending: bool


def _mark_before(text: str, at: int, analysis: Analysis) -> tuple[str, int] | None:
    """The mark written right before offset `at` and its start offset (None when there is none)."""
    i = at
    while i > 0 and at - i < 16 and (_MARK_CHAR.match(text[i - 1]) or (
            text[i - 1] == " " and i >= 2 and _LATIN.match(text[i - 2]))):
        i -= 1
    run = text[i:at].rstrip()
    if not run or _SYMBOL_TALK.search(run):
        return None
    end = i + len(run)
    if _LATIN.match(run[-1]) or run[-1].isdigit():
        m = _LATIN_MARK.search(run)
        return (m.group(0), i + m.start()) if m else None
    tok = analysis.token_at(end - 1)
    start = max(i, tok[0]) if tok else end - 1
    if end - start < 2 and start > i:
        prev = analysis.token_at(start - 1)
        start = max(i, prev[0]) if prev else start - 1
    start = max(start, end - 6)
    return text[start:end], start


def _registration_windows(bundle: Bundle) -> list[str]:
    """Text around every trademark registration number of the submission (all document kinds)."""
    key = "trademark.registration_windows"
    if key not in bundle.cache:
        windows = []
        for doc in bundle.documents:
            for m in _REG_NUMBER.finditer(doc.text):
                windows.append(doc.text[max(0, m.start() - _REG_WINDOW):m.end() + _REG_WINDOW].lower())
        bundle.cache[key] = windows
    return bundle.cache[key]  # type: ignore[return-value]


def _is_registered(mark: str, bundle: Bundle) -> bool:
    mark = mark.lower()
    return any(mark in w for w in _registration_windows(bundle))


def marks_shown_registered(doc: Document, analysis: Analysis) -> list[MarkUse]:
    """Every mark followed by ®, Ⓡ, ㊟, （注） or (R) in the document."""
    uses = []
    for m in _SYMBOL.finditer(doc.text):
        found = _mark_before(doc.text, m.start(), analysis)
        if found is None:
            continue
        mark, start = found
        lo, hi = line_bounds(doc.text, m.start(), m.end())
        uses.append(MarkUse(mark, start, m.end(), bool(_PENDING.search(doc.text[lo:hi]))))
    return uses


def _first_per_mark(uses: list[MarkUse]) -> list[tuple[MarkUse, int]]:
    """The first use of each mark and how many times the mark is shown as registered."""
    firsts: dict[str, MarkUse] = {}
    counts: dict[str, int] = {}
    for use in uses:
        key = use.mark.lower()
        firsts.setdefault(key, use)
        counts[key] = counts.get(key, 0) + 1
    return [(use, counts[key]) for key, use in firsts.items()]


def _mark_findings(rule: Rule, bundle: Bundle, pending: bool) -> list[Finding]:
    findings = []
    for doc in bundle.documents_for(rule):
        uses = [u for u in marks_shown_registered(doc, bundle.analysis(doc)) if not _is_registered(u.mark, bundle)]
        if pending:
            uses = [u for u in uses if u.pending]
        for use, count in _first_per_mark(uses):
            if not pending and any(u.pending and u.mark.lower() == use.mark.lower() for u in uses):
                continue  # reported by the pending-application rule
            extra = f"（标记「{use.mark}」，本文档共{count}处）" if count > 1 else f"（标记「{use.mark}」）"
            findings.append(make_finding(rule, doc, use.start, use.end, message=rule.message + extra))
    return findings


@register("registered_mark_unproven")
def registered_mark_unproven(rule: Rule, bundle: Bundle) -> list[Finding]:
    """® / ㊟ / （注） / “注册商标” with no trademark registration number in the submission (TM-REG)."""
    findings = _mark_findings(rule, bundle, pending=False)
    if any(_registration_windows(bundle)):
        return findings
    for doc in bundle.documents_for(rule):
        for m in _REG_PHRASE.finditer(doc.text):
            c_lo, c_hi = clause_bounds(doc.text, m.start(), m.end())
            l_lo, l_hi = line_bounds(doc.text, m.start(), m.end())
            if _REG_PHRASE_SKIP_BEFORE.search(doc.text[c_lo:m.start()]) or \
                    _REG_PHRASE_SKIP_AFTER.search(doc.text[m.end():c_hi]) or _SYMBOL.search(doc.text[l_lo:l_hi]):
                continue  # denied, applied for, or the line's ® is reported already
            findings.append(make_finding(rule, doc, m.start(), m.end()))
            break
    return findings


@register("registered_mark_pending")
def registered_mark_pending(rule: Rule, bundle: Bundle) -> list[Finding]:
    """® / ㊟ / （注） on a mark whose line says the application is still pending (TM-REG)."""
    return _mark_findings(rule, bundle, pending=True)


# ---------------------------------------------------------------- geographic indications

_GI_NEGATED = re.compile(r"(?:不是|并非|非|不叫|不能叫|不敢叫|不属于|冒充|假冒|仿冒|山寨)$")
_GI_CONTEXT = re.compile(r"地理标志|地标|专用标志|证明商标|集体商标|原产地|产地证明|协会")
_AUTH = re.compile(r"授权|许可|核准|获准|准予|专用标志|证明商标|集体商标|使用证|登记证")
_AUTH_DENIED = re.compile(r"(?:未|没有|尚未|无|未经|未获|不得)[^，,。\n]{0,4}(?:授权|许可|核准|获准|准予)")
_GI_REACH = 100
# named as an ingredient of a label list (配料：宁夏枸杞、红枣): an origin statement, a hint only
_GI_INGREDIENT = re.compile(r"(?:配料表?|原料|原辅料|成分|主料|辅料)\s*[:：]")


def _authorised_gis(bundle: Bundle, gi_matcher: TermMatcher) -> set[str]:
    """GI names the submission states an authorisation for: a line with 授权/许可/核准… and a GI word
    (地理标志, 证明商标, 专用标志, 协会…) naming the GI, or near a GI name when the line names none."""
    key = "trademark.authorised_gis"
    if key in bundle.cache:
        return bundle.cache[key]  # type: ignore[return-value]
    names: set[str] = set()
    for doc in bundle.documents:
        text = doc.text
        for m in _AUTH.finditer(text):
            lo, hi = line_bounds(text, m.start(), m.end())
            line = text[lo:hi]
            if _AUTH_DENIED.search(line) or not _GI_CONTEXT.search(line):
                continue  # denied, or an authorisation of something else (品牌方授权直播)
            in_line = {t for _s, _e, t, _k in gi_matcher.iter(line)}
            if not in_line:
                in_line = {t for _s, _e, t, _k in gi_matcher.iter(text[max(0, lo - _GI_REACH):hi + _GI_REACH])}
            names |= in_line
    bundle.cache[key] = names
    return names


@register("geographic_indication")
def geographic_indication(rule: Rule, bundle: Bundle) -> list[Finding]:
    """A well-known GI product name with no authorisation stated anywhere in the submission (TM-GI).

    One finding per GI name and document (its first plain use), counting the other uses.
    """
    _finder, gi_matcher, _names = _lexicon_tools()
    authorised = _authorised_gis(bundle, gi_matcher)
    findings = []
    for doc in bundle.documents_for(rule):
        uses: dict[str, list[tuple[int, int]]] = {}
        for s, e, name, _k in gi_matcher.iter(doc.text):
            c_lo, _c_hi = clause_bounds(doc.text, s, e)
            if name in authorised or _GI_NEGATED.search(doc.text[max(c_lo, s - 4):s]):
                continue
            uses.setdefault(name, []).append((s, e))
        for name, spans in uses.items():
            s, e = spans[0]
            extra = f"（「{name}」本文档共出现{len(spans)}次）" if len(spans) > 1 else ""
            ingredient = all(_GI_INGREDIENT.search(doc.text[line_bounds(doc.text, a, b)[0]:a]) for a, b in spans)
            severity = Severity.LOW if ingredient else None
            findings.append(make_finding(rule, doc, s, e, message=rule.message + extra, severity=severity))
    return findings
