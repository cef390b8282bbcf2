"""Detect the product categories of a submission from its text (a user's choice overrides).

Two kinds of signs (rules-reference §6, §9.3):
- strong: a registration or licence number (国食健注G…, 国药准字H…, 粤械注准…, 国妆特字G…, SC…);
  one is enough;
- weak: words that name the product type (保健食品, 蓝帽子, 处方药, 医疗器械, 面霜, 零食 …);
  at least MIN_SIGNS mentions are needed.

A sign does not count when the words right before it deny or compare (这不是保健食品, 比药品还管用,
保健品不能替代药品, 不宣传任何保健功能), and authority names and the health-food disclaimer are
blanked first (国家药品监督管理局 is no drug, 保健食品不是药物… is no health food by itself).
Several categories may hold at once (a mixed session); `in_other_section` then tells which product a
passage presents, so that rules opting in (`product_sections: true`) judge only their own products'
passages. A health food is judged by the health-food rules, so `food` is dropped next to `health_food`
unless a strong ordinary-food sign is present (an SC number outside category 127 保健食品, or 普通食品).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .model import ProductCategory

MIN_SIGNS = 2
SECTION_REACH = 400  # characters before a hit in which the product being presented is looked for

_STRONG: dict[ProductCategory, re.Pattern] = {
    ProductCategory.HEALTH_FOOD: re.compile(
        r"国食健注[GJ]\d{8}|国食健字[GJ]\d{8}|食健备[GJ]\d{10,12}|卫进?食健字|(?<![A-Z0-9])SC127\d{11}(?!\d)"
    ),
    ProductCategory.DRUG: re.compile(r"国药准字[HZSJ][CJ]?\d{8}"),
    ProductCategory.DEVICE: re.compile(r"械注[准进许]\d{11}|械备\d{8}"),
    ProductCategory.COSMETICS: re.compile(r"国妆特(?:进)?字[GJ]\d{8}|G妆网备字\d{10}|国妆网备进字"),
    ProductCategory.FOOD: re.compile(r"(?<![A-Z0-9])SC(?!127)[12]\d{13}(?!\d)|普通食品"),
}

_WEAK: dict[ProductCategory, re.Pattern] = {
    ProductCategory.HEALTH_FOOD: re.compile(r"保健食品|蓝帽子|保健功能|国食健注|食健备|国食健字"),
    ProductCategory.DRUG: re.compile(
        r"国药准字|非处方药|(?<!非)处方药|OTC|药品|用法用量|功能主治|适应症|药师指导|药师的指导"
    ),
    ProductCategory.DEVICE: re.compile(
        r"医疗器械|械字号|械注[准进许]|械备|医用(?:敷料|冷敷贴|退热贴|口罩|护具|绷带|纱布|胶带|导管)"
        r"|血压计|血糖仪|制氧机|雾化器|助听器|体温计|额温枪|理疗仪|隐形眼镜|验孕棒|避孕套"
    ),
    ProductCategory.COSMETICS: re.compile(
        r"化妆品|妆网备字|国妆特|护肤品|面霜|精华液|精华水|精华露|精华油|面部精华|乳液|爽肤水|面膜|口红|粉底|眼霜|防晒霜|防晒乳"
        r"|防晒喷雾|洗面奶|洁面|卸妆|彩妆|底妆|隔离霜|气垫|眼影|睫毛膏|身体乳|护手霜|洗发水|护发素|染发剂"
        r"|染发膏|香水|上脸|敏感肌|SPF\s*[0-9]+|PA\+{1,4}"
    ),
    ProductCategory.FOOD: re.compile(
        r"(?<!保健)食品|零食|固体饮料|代用茶|代餐|配料表|营养成分表|好吃|口感|口味|试吃|冲泡|即食|药食同源"
        r"|酒精度|[0-9]+\s*%\s*vol"
    ),
}
# Food nouns also name what a cup holds, a fridge keeps or a blender takes (装牛奶、放入食材): they add
# to the count of weak signs but cannot make a food on their own.
_FOOD_NOUNS = re.compile(
    r"饮料|牛奶|奶粉|奶片|茶叶|大米|坚果|饼干|咖啡|蜂蜜|酵素|软糖|糖果|燕麦|麦片|果汁|酸奶|面包"
    r"|白酒|红酒|葡萄酒|啤酒|黄酒|米酒|果酒|食材"
)

# Spans blanked before looking for signs: authority and law names, the health-food disclaimer, food-contact
# materials and colour names of other goods (食品级不锈钢, 燕麦白).
_NOISE = re.compile(
    r"国家药品监督管理局|药品监督管理局|食品药品监督管理局?|药品监管部门|药监局|市场监督管理总?局"
    r"|食品(?:接触|级|用)|(?:燕麦|牛奶|咖啡|奶茶|蜂蜜|巧克力|焦糖|抹茶|饼干)(?:色|白|灰|棕|黄|绿|粉)"
    r"|《[^》\n]{0,30}》|食品安全法|药品管理法|医疗器械监督管理条例|化妆品监督管理条例"
    r"|保健食品不是药物[，,、\s]*不能代替药物治疗疾病|本品不能代替药物"
)
# Words right before a sign that deny or compare instead of naming the product.
_DENY = re.compile(
    r"(?:不是|并非|并不是|也不是|又不是|而不是|而非|绝非|不属于|不算|不像|不含|不添加|没有|不宣传|不涉及|不具有|不具备"
    r"|不能代替|不能替代|不可代替|代替|替代|取代|比|比起|相比|对比|堪比|媲美|胜过|好过|不输"
    r")(?:吃|用|喝|买|任何|什么|一种|一款|一个|所谓的?|普通的?|一般的?|那些|其他的?|别的|市面上的?|大牌)?$"
    r"|(?<![是并绝])非$"
)
_DENY_WINDOW = 12


@dataclass(frozen=True)
class Sign:
    """One piece of evidence for a product category found in a text."""

    category: ProductCategory
    text: str
    start: int
    strong: bool
    anchor: bool = True  # False for food nouns, which only add to the count



def _blank(text: str) -> str:
    """The text with noise spans replaced by spaces (offsets unchanged)."""
    return _NOISE.sub(lambda m: " " * len(m.group()), text)


def _denied(text: str, start: int) -> bool:
    """True when the words right before offset `start` deny or compare."""
    return bool(_DENY.search(text[max(0, start - _DENY_WINDOW):start]))


def product_signs(text: str) -> list[Sign]:
    """Every sign of a product category in `text`, in text order (denied and noise mentions left out)."""
    return list(_signs(text))


@lru_cache(maxsize=64)
def _signs(text: str) -> tuple[Sign, ...]:
    """Signs of one text, computed once (detection and the section look-ups share them)."""
    clean = _blank(text)
    signs = []
    for strong, table in ((True, _STRONG), (False, _WEAK)):
        for category, rx in table.items():
            for m in rx.finditer(clean):
                if not _denied(clean, m.start()):
                    signs.append(Sign(category, m.group(), m.start(), strong))
    for m in _FOOD_NOUNS.finditer(clean):
        if not _denied(clean, m.start()):
            signs.append(Sign(ProductCategory.FOOD, m.group(), m.start(), False, anchor=False))
    return tuple(sorted(signs, key=lambda s: (s.start, not s.strong)))


def categories_of(signs: Iterable[Sign]) -> set[ProductCategory]:
    """Categories with a strong sign, or with MIN_SIGNS weak ones of which one is no mere food noun
    (before the food/health-food rule)."""
    weak: dict[ProductCategory, int] = {}
    anchored: set[ProductCategory] = set()
    found = set()
    for sign in signs:
        if sign.strong:
            found.add(sign.category)
            continue
        weak[sign.category] = weak.get(sign.category, 0) + 1
        if sign.anchor:
            anchored.add(sign.category)
    found.update(c for c, n in weak.items() if n >= MIN_SIGNS and c in anchored)
    return found


def detect_products(texts: Iterable[str]) -> frozenset[ProductCategory]:
    """Product categories of a submission; `general` is always included."""
    signs = [s for text in texts for s in product_signs(text)]
    found = {ProductCategory.GENERAL, *categories_of(signs)}
    strong_food = any(s.strong and s.category == ProductCategory.FOOD for s in signs)
    if ProductCategory.HEALTH_FOOD in found and not strong_food:
        found.discard(ProductCategory.FOOD)  # a health food is judged by the health-food rules
    return frozenset(found)


class SignIndex:
    """Product signs of one text sorted by offset, for fast look-ups around a hit."""

    def __init__(self, signs: Iterable[Sign]) -> None:
        self.signs = sorted(signs, key=lambda s: s.start)
        self.starts = [s.start for s in self.signs]

    def between(self, lo: int, hi: int) -> list[Sign]:
        """Signs starting in [lo, hi)."""
        return self.signs[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def last_before(self, offset: int, reach: int, present: frozenset[ProductCategory]) -> Sign | None:
        """The nearest sign of a present category starting in [offset - reach, offset)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0 and self.starts[i] >= offset - reach:
            if self.signs[i].category in present:
                return self.signs[i]
            i -= 1
        return None


def _as_index(signs: SignIndex | Iterable[Sign]) -> SignIndex:
    return signs if isinstance(signs, SignIndex) else SignIndex(signs)


def section_categories(text: str, signs: SignIndex | Iterable[Sign], offset: int,
                       present: frozenset[ProductCategory]) -> frozenset[ProductCategory]:
    """Product categories of the passage holding `offset` in a mixed session (empty when unknown).

    The signs on the offset's own line win (a hand-card row, 这款面霜美白); else the nearest sign before it
    within SECTION_REACH characters (the product being presented). Only categories in `present` count.
    """
    index = _as_index(signs)
    lo = text.rfind("\n", 0, offset) + 1
    hi = text.find("\n", offset)
    hi = len(text) if hi == -1 else hi
    on_line = frozenset(s.category for s in index.between(lo, hi) if s.category in present)
    if on_line:
        return on_line
    before = index.last_before(offset, SECTION_REACH, present)
    return frozenset({before.category}) if before else frozenset()


def in_other_section(text: str, signs: SignIndex | Iterable[Sign], offset: int,
                     products: frozenset[ProductCategory], scope: frozenset[ProductCategory]) -> bool:
    """True when a mixed session presents, at `offset`, only products outside `scope` (so a rule for
    `scope` should not judge that passage). Single-product sessions and unknown passages give False."""
    present = frozenset(products) - {ProductCategory.GENERAL}
    if len(present) < 2 or ProductCategory.GENERAL in scope:
        return False
    found = section_categories(text, signs, offset, present)
    return bool(found) and not found & scope


def parse_products(values: Iterable[str] | None) -> frozenset[ProductCategory] | None:
    """User-given categories (ValueError naming the bad one); None when nothing was given."""
    values = [v for v in (values or []) if v]
    if not values:
        return None
    return frozenset({ProductCategory.GENERAL, *(ProductCategory(v) for v in values)})
