"""Find the claims of a script or hand card that evidence can support or contradict.

Claims are quantitative statements (content per 100 g, percentages, SPF/PA, purity, counts),
"zero" statements (0添加X, X未检出), grades (一级能效, A类), sizes (净含量), health-food functions,
® marks, patent numbers and citations of reports or certifications (检测报告显示, 经SGS检测,
通过XX认证), plus the product names and suppliers the submission names. Every claim keeps its exact
span in Document.text, so a finding or a row of the claims table quotes it verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from ..checks.patent import PATENT_TYPES, find_patent_numbers, parse_patent_number
from ..model import Document, cell_ref

# Full-width ASCII maps one-to-one onto ASCII, so offsets stay valid.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def to_ascii(text: str) -> str:
    """Full-width digits, letters and signs as ASCII (same length)."""
    return text.translate(_FULLWIDTH)


class ClaimKind(StrEnum):
    """What a claim asserts, which decides the evidence it needs."""

    QUANTITY = "quantity"            # number with a unit about a tested item
    ZERO = "zero"                    # 0添加 / 未检出 / 不含 X
    GRADE = "grade"                  # 一级能效, A类, E0级
    SIZE = "size"                    # 净含量 / 容量 (label fact)
    HEALTH_FUNCTION = "health_function"
    APPROVAL_NO = "approval_no"      # 国食健注… written in the script
    TRADEMARK = "trademark"          # ® on a mark
    PATENT = "patent"                # a patent number presented as a patent
    CITATION = "citation"            # cites a report or a certification
    PRODUCT = "product"              # a product name the submission sells
    SUPPLIER = "supplier"            # the supplier named on the hand card


@dataclass(frozen=True)
class Quantity:
    """A number normalised to a dimension: `dim` + `base` decide comparability."""

    value: float
    dim: str          # fraction, mass, volume, cfu, iu, energy, kinds, spf, pa
    base: str = ""    # per-unit base for mass/cfu/iu/energy: '', 'ml', or a piece (粒, 片, 袋 …)
    op: str = "="     # '>=', '<=', '>', '<', '='


@dataclass(frozen=True)
class FoundClaim:
    """One claim with its exact span in a document."""

    kind: ClaimKind
    document: str
    start: int
    end: int
    text: str
    location: str
    item: str = ""                    # canonical item, function, mark, patent number or cited body
    quantity: Quantity | None = None
    detail: str = ""                  # declared patent type, 'report'/'certification' for citations …
    product: str = ""                 # product the claim is about ('' when unknown)


# ---------------------------------------------------------------------------------------------
# Items that a test report measures, canonical name -> aliases (synonyms where obvious).
ITEMS: dict[str, tuple[str, ...]] = {
    "维生素C": ("维生素C", "VC", "Vc", "维C", "抗坏血酸", "L-抗坏血酸"),
    "维生素E": ("维生素E", "VE", "维E", "生育酚"),
    "维生素D": ("维生素D3", "维生素D", "VD3", "VD", "维D"),
    "维生素A": ("维生素A", "VA", "视黄醇当量"),
    "维生素B1": ("维生素B1", "硫胺素"),
    "维生素B2": ("维生素B2", "核黄素"),
    "维生素B6": ("维生素B6",),
    "维生素B12": ("维生素B12",),
    "烟酰胺": ("烟酰胺", "维生素B3", "尼克酰胺"),
    "叶酸": ("叶酸",),
    "钙": ("钙",), "铁": ("铁",), "锌": ("锌",), "硒": ("硒",), "镁": ("镁",), "钾": ("钾",), "碘": ("碘",),
    "钠": ("钠",),
    "蛋白质": ("蛋白质",), "脂肪": ("脂肪",), "碳水化合物": ("碳水化合物",), "膳食纤维": ("膳食纤维",),
    "能量": ("能量", "热量"), "胆固醇": ("胆固醇",), "糖": ("总糖", "糖分", "含糖量"),
    "胶原蛋白": ("胶原蛋白肽", "胶原蛋白"),
    "透明质酸": ("透明质酸钠", "透明质酸", "玻尿酸"),
    "益生菌": ("益生菌", "活菌数", "活菌", "乳酸菌", "双歧杆菌"),
    "DHA": ("DHA",), "EPA": ("EPA",),
    "叶黄素": ("叶黄素",), "原花青素": ("原花青素", "OPC"), "花青素": ("花青素",), "茶多酚": ("茶多酚",),
    "虾青素": ("虾青素",), "辅酶Q10": ("辅酶Q10", "CoQ10"), "乳铁蛋白": ("乳铁蛋白",),
    "大豆异黄酮": ("大豆异黄酮",), "褪黑素": ("褪黑素",), "咖啡因": ("咖啡因",), "γ-氨基丁酸": ("γ-氨基丁酸", "GABA"),
    "视黄醇": ("视黄醇", "A醇"), "水杨酸": ("水杨酸",), "神经酰胺": ("神经酰胺",), "角鲨烷": ("角鲨烷",),
    "熊果苷": ("熊果苷",), "氨甲环酸": ("氨甲环酸", "传明酸"), "二裂酵母": ("二裂酵母",),
    "积雪草": ("积雪草提取物", "积雪草"),
    "甲醛": ("游离甲醛", "甲醛"), "铅": ("铅",), "汞": ("汞",), "砷": ("砷",), "镉": ("镉",),
    "菌落总数": ("菌落总数",), "大肠菌群": ("大肠菌群",), "荧光增白剂": ("荧光增白剂", "荧光剂"),
    "纯度": ("纯度", "含金量", "含银量"),
    "SPF": ("SPF值", "防晒指数", "防晒系数"),
    "PA": ("PFA值", "PFA", "PA值", "UVA防护指数"),
    "抑菌率": ("抑菌率", "抗菌率", "杀菌率", "除菌率", "灭菌率"),
    "除螨率": ("除螨率", "抑螨率"),
    "过滤效率": ("过滤效率", "颗粒物过滤效率"),
    "有效率": ("总有效率", "有效率"),
    "保湿率": ("保湿率", "水分保持率"),
}
# Items whose plain claim is an upper bound (less is better).
LOWER_IS_BETTER = frozenset({"钠", "脂肪", "能量", "胆固醇", "糖", "甲醛", "铅", "汞", "砷", "镉", "菌落总数",
                             "大肠菌群", "荧光增白剂"})
# Items whose plain percentage is a floor (a rate or a purity: "99.9%" means at least that).
RATE_ITEMS = frozenset({"纯度", "抑菌率", "除螨率", "过滤效率", "有效率", "保湿率"})

# Additives and contaminants that "0添加 / 不含 / 未检出" claims name.
ZERO_ITEMS: dict[str, tuple[str, ...]] = {
    "防腐剂": ("防腐剂",), "香精": ("香精", "香料"), "色素": ("人工色素", "色素"), "酒精": ("酒精", "乙醇"),
    "蔗糖": ("蔗糖", "白砂糖"), "糖": ("糖分",), "甜味剂": ("甜味剂", "代糖", "阿斯巴甜", "糖精钠"),
    "甲醛": ("游离甲醛", "甲醛"),
    "荧光增白剂": ("荧光增白剂", "荧光剂"), "激素": ("激素",), "重金属": ("重金属",), "矿物油": ("矿物油",),
    "苯甲酸": ("苯甲酸钠", "苯甲酸"), "山梨酸": ("山梨酸钾", "山梨酸"), "反式脂肪酸": ("反式脂肪酸", "反式脂肪"),
    "塑化剂": ("塑化剂", "邻苯二甲酸酯"), "脱氢乙酸": ("脱氢乙酸钠", "脱氢乙酸"),
    "对羟基苯甲酸酯": ("对羟基苯甲酸酯", "尼泊金酯"), "甜蜜素": ("甜蜜素", "环己基氨基磺酸钠"), "安赛蜜": ("安赛蜜",),
    "双酚A": ("双酚A", "BPA"), "硅油": ("硅油",), "铅": ("铅",), "汞": ("汞",),
}


def _alias_index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {alias.upper(): canon for canon, aliases in table.items() for alias in (canon, *aliases)}


_ITEM_ALIASES = _alias_index(ITEMS)
_ZERO_ALIASES = _alias_index(ZERO_ITEMS)


def _alternation(aliases) -> str:
    parts = sorted({a for a in aliases}, key=len, reverse=True)
    return "|".join(re.escape(a) for a in parts)


def _ascii_guard(alt: str) -> str:
    """An alternation that never starts or ends inside a Latin word."""
    return rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])"


_ITEM_RX = re.compile(_ascii_guard(_alternation(a for v in ITEMS.values() for a in v)), re.IGNORECASE)
_ZERO_ALT = _ascii_guard(_alternation(a for v in ZERO_ITEMS.values() for a in v))
_ZERO_RX = re.compile(_ZERO_ALT, re.IGNORECASE)


def canonical_item(name: str) -> str:
    """Canonical item for a claim or a report row's item name ('' when not in the lexicon).

    The longest alias found inside the name wins, so 维生素C（以抗坏血酸计） maps to 维生素C,
    苯甲酸及其钠盐 to 苯甲酸 and 抑菌率（金黄色葡萄球菌） to 抑菌率.
    """
    text = to_ascii(name).strip()
    exact = _ITEM_ALIASES.get(text.upper()) or _ZERO_ALIASES.get(text.upper())
    if exact:
        return exact
    best, canon = "", ""
    for rx, index in ((_ITEM_RX, _ITEM_ALIASES), (_ZERO_RX, _ZERO_ALIASES)):
        for m in rx.finditer(text):
            if len(m.group(0)) > len(best):
                best, canon = m.group(0), index[m.group(0).upper()]
    return canon


# ---------------------------------------------------------------------------------------------
# Numbers with units.
_OPS = (r"≥|>=|≧|不低于|不少于|大于等于|≤|<=|≦|不高于|不超过|小于等于|高达|高至|可达|达到|达|超过|大于|高于|多于|"
        r">|＞|低于|小于|少于|不到|<|＜|约|为|是|有|足足|仅|只有|=")
_UNIT = (r"%|％|mg|毫克|μg|ug|mcg|微克|kg|千克|公斤|g|克|mL|ml|毫升|L|升|IU|亿\s*CFU|亿活菌|亿|万\s*CFU|CFU|cfu|"
         r"kJ|千焦|kcal|大卡|千卡")
_BASE = r"100\s*(?:g|克|mL|ml|毫升)|kg|千克|g|克|mL|ml|毫升|L|升|粒|片|袋|瓶|支|份|颗|包|条"
_NUMBER = re.compile(
    rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})(?![A-Za-z])(?P<plus>\+|以上|以下)?"
    rf"(?:\s*(?:/|每)\s*(?P<base>{_BASE}))?"
)
_GAP = re.compile(
    rf"^\s*(?:的)?(?:含量|浓度|纯度|添加量|数量|检测值|测定值)?\s*[:：]?\s*(?:(?P<op>{_OPS})\s*)?[:：]?\s*$"
)
_PER_BEFORE = re.compile(rf"每\s*(?P<base>{_BASE})(?:中|里)?\s*(?:含有|含量|含)?\s*$")
_PERCENT_AFTER = re.compile(r"\s*(?:的)?(?:高浓度|浓度|高纯度?|纯)?(?:的)?")
_GENERIC_RATE = re.compile(r"(?:抑|杀|除|抗|灭|去除|阻)[\u4e00-\u9fa5]{0,3}率")
_GENERIC_CONTENT = re.compile(r"([\u4e00-\u9fa5A-Za-z]{2,6})(?=(?:的)?(?:含量|浓度))")
_CUT_CHARS = "的是款个这那了用和与及在把给为叫选买们其中里等含添加"
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n、]")

_MASS_MG = {"mg": 1.0, "毫克": 1.0, "μg": 1e-3, "ug": 1e-3, "mcg": 1e-3, "微克": 1e-3, "g": 1e3, "克": 1e3,
            "kg": 1e6, "千克": 1e6, "公斤": 1e6}
_VOLUME_ML = {"ml": 1.0, "毫升": 1.0, "l": 1e3, "升": 1e3}
_PIECE_BASES = ("粒", "片", "袋", "瓶", "支", "份", "颗", "包", "条")


def _norm_unit(unit: str) -> str:
    return re.sub(r"\s+", "", unit).replace("％", "%").replace("mL", "ml").replace("L", "l").replace("cfu", "CFU")


def _base_parts(base: str) -> tuple[str, float]:
    """('mass'|'volume'|piece, size in mg or ml or 1) of a per-base such as 100g, ml, 粒."""
    b = _norm_unit(base or "")
    if not b:
        return "", 1.0
    if b in _PIECE_BASES:
        return b, 1.0
    m = re.fullmatch(r"(\d+)?(.+)", b)
    n = float(m.group(1)) if m and m.group(1) else 1.0
    u = m.group(2) if m else b
    if u in _MASS_MG:
        return "mass", n * _MASS_MG[u]
    if u in _VOLUME_ML:
        return "volume", n * _VOLUME_ML[u]
    return b, 1.0


def make_quantity(value: float, unit: str, base: str = "", op: str = "=") -> Quantity | None:
    """Normalise value+unit(+per-base) into a comparable Quantity (None for an unknown unit)."""
    u = _norm_unit(unit)
    base_kind, base_size = _base_parts(base)
    if u == "%":
        return Quantity(value / 100.0, "fraction", "", op)
    if u in _MASS_MG:
        mg = value * _MASS_MG[u]
        if base_kind == "mass":
            return Quantity(mg / base_size, "fraction", "", op)
        if base_kind == "volume":
            return Quantity(mg / base_size, "mass", "ml", op)
        return Quantity(mg, "mass", base_kind, op)
    if u in _VOLUME_ML:
        return Quantity(value * _VOLUME_ML[u], "volume", base_kind, op)
    scale = {"亿CFU": 1e8, "亿活菌": 1e8, "亿": 1e8, "万CFU": 1e4, "CFU": 1.0}.get(u)
    if scale is not None:
        per = base_size if base_kind in ("mass", "volume") else 1.0
        return Quantity(value * scale / per, "cfu", base_kind, op)
    if u == "IU":
        return Quantity(value, "iu", base_kind, op)
    if u in ("kJ", "千焦", "kcal", "大卡", "千卡"):
        kj = value * (1.0 if u in ("kJ", "千焦") else 4.184)
        return Quantity(kj / (base_size if base_kind else 1.0), "energy", base_kind if base_kind else "", op)
    return None


_OP_MAP = {
    ">=": ("≥", ">=", "≧", "不低于", "不少于", "大于等于", "高达", "高至", "可达", "达到", "达", "足足"),
    ">": ("超过", "大于", "高于", "多于", ">", "＞"),
    "<=": ("≤", "<=", "≦", "不高于", "不超过", "小于等于", "仅", "只有"),
    "<": ("低于", "小于", "少于", "不到", "<", "＜"),
}


def op_of(word: str | None, plus: str | None = None) -> str:
    """Comparison operator of a qualifier word (高达 → '>=') or a trailing 以上/以下/+."""
    if plus in ("+", "以上"):
        return ">="
    if plus == "以下":
        return "<="
    for op, words in _OP_MAP.items():
        if word and word in words:
            return op
    return "="


# ---------------------------------------------------------------------------------------------
# Finders. Each returns (kind, start, end, item, quantity, detail) tuples on the ASCII-folded text.
Raw = tuple[ClaimKind, int, int, str, "Quantity | None", str]


def _clause_start(text: str, pos: int, limit: int = 24) -> int:
    lo = max(0, pos - limit)
    ends = list(_CLAUSE_END.finditer(text, lo, pos))
    return ends[-1].end() if ends else lo


def _item_before(text: str, num_start: int) -> tuple[int, str, str] | None:
    """(start, canonical item, op word) of the item that a number directly follows."""
    lo = _clause_start(text, num_start)
    window = text[lo:num_start]
    candidates = []
    for m in _ITEM_RX.finditer(window):
        candidates.append((m.start(), m.end(), _ITEM_ALIASES[m.group(0).upper()]))
    for m in _GENERIC_RATE.finditer(window):
        candidates.append((m.start(), m.end(), m.group(0)))
    for m in _GENERIC_CONTENT.finditer(window):
        name = _cut_leading_words(m.group(1))
        if name and not canonical_item(name):
            candidates.append((m.end() - len(name), m.end(), name))
    for s, e, canon in sorted(candidates, key=lambda c: (-c[1], c[0])):
        gap = _GAP.match(window[e:])
        if gap:
            return lo + s, canon, gap.group("op") or ""
    return None


def _cut_leading_words(name: str) -> str:
    """The part of a run of characters after its last function character (这款精华 → 精华)."""
    idx = max((name.rfind(c) for c in _CUT_CHARS), default=-1)
    name = name[idx + 1:] if idx >= 0 else name
    return "" if len(name) < 2 or name.endswith(("净", "总", "规格")) else name


def _find_quantities(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _NUMBER.finditer(text):
        unit = _norm_unit(m.group("unit"))
        found = _item_before(text, m.start())
        start, item, op_word = (found if found else (None, "", ""))
        if not found and unit == "%":
            after = _PERCENT_AFTER.match(text, m.end())
            im = _ITEM_RX.match(text, after.end()) if after else None
            if im:
                out.extend(_quantity_raw(m, m.start(), im.end(), _ITEM_ALIASES[im.group(0).upper()], ""))
            continue
        if not found:
            continue
        per = _PER_BEFORE.search(text, max(0, start - 12), start)
        base = m.group("base") or (per.group("base") if per else "")
        s = per.start() if per and not m.group("base") else start
        out.extend(_quantity_raw(m, s, m.end(), item, op_word, base))
    return out


def _plain_op(item: str, op: str, unit: str) -> str:
    """A plain statement ("含量5%") of a rate or purity is a floor; of other items an approximate value."""
    if op == "=" and item in RATE_ITEMS and _norm_unit(unit) == "%":
        return ">="
    return op


def _quantity_raw(m: re.Match, start: int, end: int, item: str, op_word: str, base: str = "") -> list[Raw]:
    """The claim of a number match (empty when its unit cannot be normalised)."""
    op = _plain_op(item, op_of(op_word, m.group("plus")), m.group("unit"))
    q = make_quantity(float(m.group("num")), m.group("unit"), base or m.group("base") or "", op)
    return [(ClaimKind.QUANTITY, start, end, item, q, "")] if q else []


_SPF = re.compile(r"(?<![A-Za-z])SPF\s*(?:值\s*)?(?:[:：]\s*)?(?P<num>\d{1,3})\s*(?P<plus>\+)?", re.IGNORECASE)
_PA = re.compile(r"(?<![A-Za-z])PA\s*(?P<plus>\+{1,4})")


def _find_sun(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _SPF.finditer(text):
        op = ">" if m.group("plus") else ">="
        out.append((ClaimKind.QUANTITY, m.start(), m.end(), "SPF", Quantity(float(m.group("num")), "spf", "", op), ""))
    for m in _PA.finditer(text):
        out.append((ClaimKind.QUANTITY, m.start(), m.end(), "PA", Quantity(float(len(m.group("plus"))), "pa", "", ">="),
                    ""))
    return out


_ZERO = re.compile(
    rf"(?:(?:0|零|无)\s*添加\s*(?P<a>{_ZERO_ALT})|(?P<b>{_ZERO_ALT})\s*(?:0|零)\s*添加|"
    rf"不含(?:任何)?\s*(?P<c>{_ZERO_ALT})|(?P<d>{_ZERO_ALT})(?:含量)?\s*(?:未检出|零检出|0检出))",
    re.IGNORECASE,
)
_ZERO_BARE = re.compile(r"(?:0|零)添加(?![\u4e00-\u9fa5A-Za-z])")
# GB 28050 "0/无" nutrient claims: at most this much per 100 g or 100 ml.
_ZERO_NUTRIENT = re.compile(
    r"(?:(?<![\d.])0|零)(?P<a>蔗糖|糖|脂肪|脂|卡)(?!顿|片|券|位|包|通|点)|无(?P<b>蔗糖|糖|脂肪)(?!尿|肝)"
)
_NUTRIENT_LIMITS = {"蔗糖": ("糖", 0.5, "g"), "糖": ("糖", 0.5, "g"), "脂肪": ("脂肪", 0.5, "g"),
                    "脂": ("脂肪", 0.5, "g"), "卡": ("能量", 17.0, "kJ")}


def _find_zero(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _ZERO.finditer(text):
        name = next(g for g in m.group("a", "b", "c", "d") if g)
        out.append((ClaimKind.ZERO, m.start(), m.end(), _ZERO_ALIASES[name.upper()], Quantity(0.0, "zero", "", "<="),
                    ""))
    for m in _ZERO_BARE.finditer(text):
        out.append((ClaimKind.ZERO, m.start(), m.end(), "", Quantity(0.0, "zero", "", "<="), ""))
    for m in _ZERO_NUTRIENT.finditer(text):
        item, limit, unit = _NUTRIENT_LIMITS[m.group("a") or m.group("b")]
        q = make_quantity(limit, unit, "100g", "<=")
        if q:
            out.append((ClaimKind.ZERO, m.start(), m.end(), item, q, ""))
    return out


_KINDS_COUNT = re.compile(
    r"(?P<num>(?<!\d)\d+|(?<![一二三四五六七八九十])[一二三四五六七八九十]+)\s*种(?P<item>氨基酸|维生素|矿物质|益生菌|菌株|微量元素|营养素)"
)
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def cn_number(s: str) -> int | None:
    """1..99 written in digits or Chinese numerals."""
    if s.isdigit():
        return int(s)
    if not s or any(c not in _CN_DIGITS for c in s):
        return None
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS[s] if len(s) == 1 else None


def _find_kinds(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _KINDS_COUNT.finditer(text):
        n = cn_number(m.group("num"))
        if n:
            out.append((ClaimKind.QUANTITY, m.start(), m.end(), m.group("item"), Quantity(float(n), "kinds", "", ">="),
                        ""))
    return out


_GRADE = re.compile(
    r"(?P<energy>(?:新国标)?(?P<e1>[1-5一二三四五])级能效|能效等级\s*[:：为是]?\s*(?P<e2>[1-5一二三四五])\s*级)|"
    r"(?P<abc>(?<![A-Za-z])(?P<cls>[ABC])类(?=标准|面料|纺织|婴幼儿|产品|品质|安全)|GB\s*18401\s*(?P<cls2>[ABC])类)|"
    r"(?P<board>(?<![A-Za-z])(?P<bg>E0|ENF|E1|F4星|F☆☆☆☆)级?)|"
    r"(?P<food>(?P<fg>特级|一级|二级|三级)(?=初榨|大米|稻米|橄榄油|菜籽油|花生油|龙井|红茶|绿茶|白茶|茶叶))"
)


def _find_grades(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _GRADE.finditer(text):
        if m.group("energy"):
            level = cn_number(m.group("e1") or m.group("e2"))
            item, detail = "能效等级", f"{level}级"
        elif m.group("abc"):
            item, detail = "安全技术类别", f"{m.group('cls') or m.group('cls2')}类"
            line = text[max(0, m.start() - 30):m.end() + 30]
            if not re.search(r"纺织|面料|棉|衣|裤|婴|GB\s*18401|被|巾", line):
                continue
        elif m.group("board"):
            item, detail = "甲醛释放等级", m.group("bg")
        else:
            item, detail = "质量等级", m.group("fg")
        out.append((ClaimKind.GRADE, m.start(), m.end(), item, None, detail))
    return out


_SIZE = re.compile(
    r"(?:净含量|容量)\s*[:：]?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>kg|千克|g|克|mL|ml|毫升|L|升)(?![A-Za-z])"
)


def _find_sizes(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _SIZE.finditer(text):
        q = make_quantity(float(m.group("num")), m.group("unit"))
        if q:
            out.append((ClaimKind.SIZE, m.start(), m.end(), "净含量", q, ""))
    return out


# ---------------------------------------------------------------------------------------------
# Health-food functions: the 2023 catalogue (rules-reference §6) with old names and common phrasings.
FUNCTIONS: dict[str, tuple[str, ...]] = {
    "有助于增强免疫力": ("有助于增强免疫力", "增强免疫力", "提高免疫力", "提升免疫力", "增强抵抗力", "提高抵抗力",
                   "调节免疫力", "免疫调节"),
    "有助于抗氧化": ("有助于抗氧化", "抗氧化"),
    "辅助改善记忆": ("辅助改善记忆", "改善记忆", "增强记忆力", "提高记忆力", "增强记忆"),
    "缓解视觉疲劳": ("缓解视觉疲劳", "缓解视疲劳", "缓解眼疲劳", "缓解眼睛疲劳"),
    "清咽润喉": ("清咽润喉", "清咽", "润喉"),
    "有助于改善睡眠": ("有助于改善睡眠", "改善睡眠", "安神助眠", "助眠", "帮助睡眠", "促进睡眠"),
    "缓解体力疲劳": ("缓解体力疲劳", "抗疲劳", "缓解疲劳"),
    "耐缺氧": ("提高缺氧耐受力", "耐缺氧"),
    "有助于控制体内脂肪": ("有助于控制体内脂肪", "控制体内脂肪", "减肥", "减脂", "燃脂"),
    "有助于改善骨密度": ("有助于改善骨密度", "改善骨密度", "增加骨密度"),
    "改善缺铁性贫血": ("改善缺铁性贫血", "改善营养性贫血", "改善贫血", "补血"),
    "有助于改善痤疮": ("有助于改善痤疮", "改善痤疮", "祛痤疮"),
    "有助于改善黄褐斑": ("有助于改善黄褐斑", "改善黄褐斑", "祛黄褐斑"),
    "有助于改善皮肤水分状况": ("有助于改善皮肤水分状况", "改善皮肤水分", "改善皮肤水份"),
    "有助于调节肠道菌群": ("有助于调节肠道菌群", "调节肠道菌群", "调理肠道菌群"),
    "有助于消化": ("有助于消化", "促进消化", "助消化"),
    "有助于润肠通便": ("有助于润肠通便", "润肠通便", "通便"),
    "辅助保护胃黏膜": ("辅助保护胃黏膜", "保护胃黏膜", "护胃"),
    "有助于维持血脂健康水平": ("有助于维持血脂健康水平", "维持血脂健康水平", "辅助降血脂", "降血脂", "调节血脂"),
    "有助于维持血糖健康水平": ("有助于维持血糖健康水平", "维持血糖健康水平", "辅助降血糖", "降血糖", "调节血糖",
                       "稳血糖"),
    "有助于维持血压健康水平": ("有助于维持血压健康水平", "维持血压健康水平", "辅助降血压", "降血压", "调节血压"),
    "对化学性肝损伤有辅助保护作用": ("对化学性肝损伤有辅助保护作用", "化学性肝损伤", "护肝", "保肝"),
    "对电离辐射危害有辅助保护作用": ("对电离辐射危害有辅助保护作用", "电离辐射", "抗辐射"),
    "有助于排铅": ("有助于排铅", "促进排铅", "排铅"),
}
_FUNCTION_ALIASES = _alias_index(FUNCTIONS)
_FUNCTION_RX = re.compile(_alternation(a for v in FUNCTIONS.values() for a in v))
_NEGATION_BEFORE = re.compile(r"(?:不|没有|无|并非|非|未|不能|不具有|不具备|不宣传)[\u4e00-\u9fa5]{0,3}$")


def canonical_function(text: str) -> str:
    """Catalogue function named by a phrase ('' when none)."""
    m = _FUNCTION_RX.search(text)
    return _FUNCTION_ALIASES[m.group(0).upper()] if m else ""


def _find_functions(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _FUNCTION_RX.finditer(text):
        if _NEGATION_BEFORE.search(text[max(0, m.start() - 6):m.start()]):
            continue
        out.append((ClaimKind.HEALTH_FUNCTION, m.start(), m.end(), _FUNCTION_ALIASES[m.group(0).upper()], None, ""))
    return out


HEALTH_FOOD_NO = re.compile(r"国食健注[GJ]\d{8}|食健备[GJ]\d{12}|国食健字[GJ]\d{8}|卫进?食健字[（(]\d{4}[)）]第\d{4}号")


def _find_approval_numbers(text: str) -> list[Raw]:
    return [(ClaimKind.APPROVAL_NO, m.start(), m.end(), m.group(0), None, "") for m in HEALTH_FOOD_NO.finditer(text)]


# ---------------------------------------------------------------------------------------------
# ® marks.
_REG_MARK = re.compile(r"®|Ⓡ|\((?:R|r)\)|（(?:R|r)）")
_MARK_CHARS = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9&·'.\- ]{1,16}$")
_MARK_CUT = re.compile(r".*(?:[的是款个这那了用和与及在把给为叫选买们啊呀吧呢]|家的|我们|咱们|就是|品牌)")


def mark_before(text: str, pos: int) -> tuple[int, str]:
    """(start, mark text) of the words right before a ® at `pos` (best guess without a certificate)."""
    m = _MARK_CHARS.search(text[max(0, pos - 16):pos])
    if not m:
        return pos, ""
    run = m.group(0)
    latin = re.search(r"[A-Za-z0-9&·'.\- ]+$", run)
    if latin and latin.group(0).strip() and re.search(r"[A-Za-z]", latin.group(0)):
        mark = latin.group(0).strip()
    else:
        cut = _MARK_CUT.match(run)
        mark = (run[cut.end():] if cut else run).strip()[-8:]
    return pos - len(mark), mark


_MARK_NEGATED = re.compile(r"(?:不|别|勿|禁止|不得|不能|不要|无需)(?:再)?(?:标|加|用|使用|标注|打)$")


def _find_marks(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _REG_MARK.finditer(text):
        start, mark = mark_before(text, m.start())
        if mark and not _MARK_NEGATED.search(text[max(0, m.start() - 6):m.start()]):
            out.append((ClaimKind.TRADEMARK, start, m.end(), mark, None, ""))
    return out


# ---------------------------------------------------------------------------------------------
# Patent numbers presented as granted patents.
_PATENT_TYPE_BEFORE = re.compile(r"(发明|实用新型|外观设计)(?:专利)?[^，。；\n]{0,8}$")
_APPLICATION = re.compile(r"申请号|专利申请|尚未授权|申请中|已申请|受理")


def _find_patents(text: str) -> list[Raw]:
    out: list[Raw] = []
    for start, end in find_patent_numbers(text):
        raw = re.sub(r"^专利号?[:：]?", "", text[start:end]).strip()
        parsed = parse_patent_number(raw)
        if parsed is None or not parsed.check_ok:
            continue  # malformed numbers are the patent rules' business
        context = text[max(0, start - 16):start]
        if _APPLICATION.search(context) or _APPLICATION.search(text[end:end + 12]):
            continue
        declared = _PATENT_TYPE_BEFORE.search(context)
        number = re.sub(r"[\s.·]|^ZL|^CN", "", to_ascii(raw).upper())
        out.append((ClaimKind.PATENT, start, end, number, None, declared.group(1) if declared else ""))
    return out


def patent_kind(number: str) -> str:
    """发明 / 实用新型 / 外观设计 from a normalised number ('' when unparseable)."""
    parsed = parse_patent_number(number)
    return PATENT_TYPES.get(parsed.type_digit, "") if parsed else ""


# ---------------------------------------------------------------------------------------------
# Citations of reports and certifications.
LABS: dict[str, tuple[str, ...]] = {
    "SGS": ("SGS", "通标标准技术服务", "通标"),
    "华测": ("华测", "CTI", "华测检测"),
    "谱尼": ("谱尼", "PONY", "谱尼测试"),
    "Intertek": ("INTERTEK", "天祥"),
    "BV": ("必维", "BUREAU VERITAS"),
    "TÜV": ("TÜV", "TUV", "莱茵"),
    "中检": ("中检", "CCIC"),
    "广电计量": ("广电计量", "GRGT"),
}
_LAB_ALIASES = _alias_index(LABS)
_LAB_ALT = _alternation(a for v in LABS.values() for a in v)
_REPORT_CITE = re.compile(
    r"(?:检测|检验|测试|质检)报告(?:上)?(?:显示|表明|证明|证实|写着|里写|结果显示)|"
    rf"(?<![已曾未不没])经(?:过)?(?P<body>(?:{_LAB_ALT}|第三方|权威|国家[\u4e00-\u9fa5]{{0,6}}|[\u4e00-\u9fa5A-Za-z]{{2,10}}?"
    r"(?:检测中心|检验所|研究院|实验室|检测机构|机构)))?(?:权威)?(?:检测|检验|测试|实测)(?!一下)|"
    rf"(?P<lab>(?<![A-Za-z])(?:{_LAB_ALT}))(?:权威)?(?:检测|测试|检验)(?:报告)?(?:显示|证明|表明|认证)?",
    re.IGNORECASE,
)
_CERT_CITE = re.compile(
    r"(?:通过|获得|荣获|取得|拿到)(?:了)?(?P<body>[\u4e00-\u9fa5A-Za-z0-9ÜüⅡ\- ]{1,24}?)认证|"
    r"(?P<body2>(?<![A-Za-z])(?:ISO\s?\d{4,5}|CE|CCC|3C|FDA|HACCP|GMP|有机|绿色食品|ECOCERT))(?:体系)?认证"
)
_NOT_PRODUCT_CERT = re.compile(r"实名|身份|蓝V|账号|主播|官方|店铺|平台|人脸|手机")


_CITE_NEGATED = re.compile(r"(?:未|没|没有|不|不要|别|无|并未|尚未|从未|拒绝)(?:经过?|通过|获得|取得)?$")


def _find_citations(text: str) -> list[Raw]:
    out: list[Raw] = []
    for m in _REPORT_CITE.finditer(text):
        if _CITE_NEGATED.search(text[max(0, m.start() - 4):m.start()]):
            continue
        body = m.group("body") or m.group("lab") or ""
        out.append((ClaimKind.CITATION, m.start(), m.end(), _lab_name(body), None, "report"))
    for m in _CERT_CITE.finditer(text):
        body = (m.group("body") or m.group("body2") or "").strip()
        if not body or _NOT_PRODUCT_CERT.search(body) or _CITE_NEGATED.search(text[max(0, m.start() - 4):m.start()]):
            continue
        if any(s < m.end() and m.start() < e for _, s, e, *_ in out):
            continue
        out.append((ClaimKind.CITATION, m.start(), m.end(), body, None, "certification"))
    return out


def _lab_name(body: str) -> str:
    """Canonical lab for a cited body; the body itself (or '') otherwise."""
    up = to_ascii(body).upper()
    for alias, canon in _LAB_ALIASES.items():
        if alias in up:
            return canon
    return body


def lab_matches(cited: str, lab: str) -> bool:
    """True when a cited lab (canonical) is the report's lab, or when no specific lab was cited."""
    if not cited or cited not in LABS:
        return True
    up = to_ascii(lab).upper()
    return any(alias in up for alias in _alias_index({cited: LABS[cited]}))


# ---------------------------------------------------------------------------------------------
# Products and suppliers named in the submission.
_PRODUCT_LABEL = re.compile(
    r"(?:(?:产品名称|商品名称|品名|产品|商品|链接)(?:[一二三四五六七八九十\d]{1,2}号?)?|"
    r"第[一二三四五六七八九十\d]{1,2}(?:款|个产品|号链接))\s*[:：]\s*"
    r"(?P<name>[^\n，。；;：:！!？?]{2,40})"
)
_SUPPLIER_LABEL = re.compile(
    r"(?:供应商|供货商|供货单位|生产商|生产企业|生产厂家|厂家|品牌方|商家主体|委托方)(?:名称)?\s*[:：]\s*"
    r"(?P<name>[^\n，。；;：:！!？?]{4,40}?(?:公司|厂|商行|合作社|店))"
)
_PRODUCT_COLUMN = re.compile(r"^(?:商品|产品)?(?:名称|品名)$|^(?:商品|产品)$|^品名")
_SUPPLIER_COLUMN = re.compile(r"供应商|供货商|供货单位|生产商|生产企业|厂家|品牌方|商家")


@dataclass(frozen=True)
class Mention:
    """A product or supplier name with its exact span."""

    name: str
    document: str
    start: int
    end: int
    location: str
    row: str = ""     # table row key when the name stands in a hand-card cell


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding brackets and spaces, and without a trailing note in brackets
    (山禾苦荞茶（代用茶） → 山禾苦荞茶)."""
    while start < end and text[start] in " \t【[「『(（":
        start += 1
    note = max(text.rfind("（", start, end), text.rfind("(", start, end))
    closing = max(text.find("）", note, end), text.find(")", note, end)) if note >= 0 else -1
    if note > start + 1 and (closing < 0 or closing >= end - 1):
        end = note
    while end > start and text[end - 1] in " \t】]」』)）":
        end -= 1
    return start, end


def find_mentions(doc: Document) -> tuple[list[Mention], list[Mention]]:
    """(product mentions, supplier mentions) of a script or hand card."""
    products, suppliers = [], []
    for seg in doc.segments:
        cell = cell_ref(seg.location)
        if not cell or not cell.header:
            continue
        s, e = _strip_span(doc.text, seg.start, seg.end)
        value = doc.text[s:e]
        if not value or "\n" in value or len(value) > 40:
            continue
        col = cell.header
        if value == col:
            continue
        if _PRODUCT_COLUMN.search(col) and not re.search(r"卖点|话术|价|规格", col):
            products.append(Mention(value, doc.name, s, e, seg.location, cell.row_key))
        elif _SUPPLIER_COLUMN.search(col):
            suppliers.append(Mention(value, doc.name, s, e, seg.location, cell.row_key))
    for rx, out in ((_PRODUCT_LABEL, products), (_SUPPLIER_LABEL, suppliers)):
        for m in rx.finditer(doc.text):
            s, e = _strip_span(doc.text, m.start("name"), m.end("name"))
            if e - s >= 2 and not any(p.start <= s < p.end for p in out):
                out.append(Mention(doc.text[s:e], doc.name, s, e, doc.location_at(s)))
    products = [p for p in products if _looks_like_product(p.name)]
    return sorted(products, key=lambda m: m.start), sorted(suppliers, key=lambda m: m.start)


def _looks_like_product(name: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fa5A-Za-z]{2,}", name)) and not re.search(r"卖点|话术|价格|机制|直播间", name)


_SPEC_IN_NAME = re.compile(
    r"\d+(?:\.\d+)?\s*(?:g|克|kg|千克|ml|mL|毫升|L|升|粒|片|袋|瓶|支|盒|罐|包|枚|只|件|套|条)(?:\s*[/×*xX]\s*\d*\s*"
    r"(?:瓶|盒|袋|罐|包|件|套))?"
)
_NAME_SYNONYMS = (("维C", "维生素C"), ("VC", "维生素C"), ("维E", "维生素E"), ("VE", "维生素E"), ("玻尿酸", "透明质酸"))


def normalise_name(name: str) -> str:
    """Product name for comparison: no specs, spaces, punctuation or 牌; obvious synonyms unified."""
    s = to_ascii(name)
    s = _SPEC_IN_NAME.sub("", s)
    s = re.sub(r"[\s\-—_·/、，,。.（）()【】\[\]「」『』\"'“”‘’:：+*]|牌", "", s).upper()
    for a, b in _NAME_SYNONYMS:
        s = s.replace(a.upper(), b.upper())
    return s


def _is_subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(ch in it for ch in short)


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def names_match(a: str, b: str) -> bool:
    """Same product: one name contains the other, or nearly all character pairs of the shorter recur."""
    x, y = normalise_name(a), normalise_name(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) >= 4 and _is_subsequence(short, long_) and short[:2] == long_[:2]:
        return True  # 山茶花面霜 ~ 山茶花水润保湿面霜 (same start, the rest in order)
    pairs = _bigrams(short)
    return len(pairs) >= 3 and len(pairs & _bigrams(long_)) / len(pairs) >= 0.8


def normalise_company(name: str) -> str:
    """Company name for comparison (spaces and bracket widths ignored)."""
    return re.sub(r"\s+", "", to_ascii(name)).replace("(", "（").replace(")", "）")


def needs_evidence(claim: FoundClaim) -> bool:
    """True for claims a reviewer must see evidence for: tested items (actives, nutrients, contaminants,
    rates, SPF/PA, kinds), zero claims, citations, ® marks and patents. Other contents (a juice or wool
    share), grades and sizes are label facts, judged only when the evidence speaks to them."""
    if claim.kind in (ClaimKind.ZERO, ClaimKind.CITATION, ClaimKind.TRADEMARK, ClaimKind.PATENT):
        return True
    if claim.kind == ClaimKind.QUANTITY:
        dim = claim.quantity.dim if claim.quantity else ""
        return claim.item in ITEMS or claim.item.endswith("率") or dim in ("kinds", "spf", "pa")
    return False


# ---------------------------------------------------------------------------------------------
_FINDERS = (_find_quantities, _find_sun, _find_zero, _find_kinds, _find_grades, _find_sizes, _find_functions,
            _find_approval_numbers, _find_marks, _find_patents, _find_citations)
# When spans of two claims overlap, the earlier kind in this order wins.
_PRIORITY = (ClaimKind.ZERO, ClaimKind.QUANTITY, ClaimKind.GRADE, ClaimKind.SIZE)


def find_claims(doc: Document) -> list[FoundClaim]:
    """Every claim in a script or hand card, in text order (product attribution left empty)."""
    return claims_in_text(doc.text, doc.name, doc.location_at)


def claims_in_text(text: str, name: str = "", locate=lambda _offset: "") -> list[FoundClaim]:
    """Every claim in a piece of text (also used to read a certificate's stated contents)."""
    folded = to_ascii(text)
    raws: list[Raw] = []
    for finder in _FINDERS:
        raws.extend(r for r in finder(folded) if r[2] > r[1])
    claims = []
    for kind, start, end, item, quantity, detail in sorted(_drop_overlaps(raws), key=lambda r: (r[1], r[2])):
        claims.append(FoundClaim(kind, name, start, end, text[start:end], locate(start), item, quantity, detail))
    return claims


def _drop_overlaps(raws: list[Raw]) -> list[Raw]:
    """Among overlapping measurement claims keep one (zero > quantity > grade > size, then the longer)."""
    measured = [r for r in raws if r[0] in _PRIORITY]
    other = [r for r in raws if r[0] not in _PRIORITY]
    measured.sort(key=lambda r: (_PRIORITY.index(r[0]), -(r[2] - r[1]), r[1]))
    kept: list[Raw] = []
    for r in measured:
        if not any(r[1] < k[2] and k[1] < r[2] for k in kept):
            kept.append(r)
    seen: set[tuple] = set()
    unique = []
    for r in kept + other:
        key = (r[0], r[1], r[2])
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return unique


def attribute_products(claims: list[FoundClaim], mentions: list[Mention], doc: Document,
                       single_product: str = "") -> list[FoundClaim]:
    """Each claim with the product it is about: its hand-card row's product, else the last product named
    before it in the same document, else the submission's only product."""
    by_row = {m.row: m.name for m in mentions if m.row and m.document == doc.name}
    out = []
    for c in claims:
        product = ""
        cell = cell_ref(doc.location_at(c.start))
        if cell and cell.header and cell.row_key in by_row:
            product = by_row[cell.row_key]
        if not product:
            before = [m for m in mentions if m.document == doc.name and m.start <= c.start]
            product = before[-1].name if before else single_product
        out.append(replace(c, product=product))
    return out
