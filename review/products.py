"""Detect the product categories of a submission from its text (a user's choice overrides)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import ProductCategory

_SIGNS: dict[ProductCategory, re.Pattern] = {
    ProductCategory.HEALTH_FOOD: re.compile(r"保健食品|蓝帽子|国食健注|食健备|国食健字|卫食健字|保健功能"),
    ProductCategory.DRUG: re.compile(r"国药准字|非处方药|处方药|OTC|药品"),
    ProductCategory.DEVICE: re.compile(r"械注[准进许]|械备|医疗器械"),
    ProductCategory.COSMETICS: re.compile(
        r"化妆品|妆网备字|国妆特|面霜|精华液|精华水|乳液|爽肤水|面膜|口红|粉底|眼霜|防晒霜|洗面奶|洁面|卸妆|护肤"
    ),
    ProductCategory.FOOD: re.compile(
        r"食品生产许可|SC\d{14}|零食|饮料|牛奶|奶粉|茶叶|大米|坚果|饼干|咖啡|蜂蜜|酵素|代餐|食品|好吃|口感"
    ),
}
MIN_SIGNS = 2


def detect_products(texts: Iterable[str]) -> frozenset[ProductCategory]:
    """Categories with at least MIN_SIGNS mentions (or one licence-number sign); `general` always included."""
    joined = "\n".join(texts)
    found = {ProductCategory.GENERAL}
    for category, rx in _SIGNS.items():
        hits = rx.findall(joined)
        strong = any(h.startswith(("国食健", "食健备", "国药准字", "械注", "SC", "妆网备", "国妆特")) for h in hits)
        if strong or len(hits) >= MIN_SIGNS:
            found.add(category)
    if ProductCategory.HEALTH_FOOD in found:
        found.discard(ProductCategory.FOOD)  # a health food is judged by the health-food rules
    return frozenset(found)


def parse_products(values: Iterable[str] | None) -> frozenset[ProductCategory] | None:
    """User-given categories (ValueError naming the bad one); None when nothing was given."""
    values = [v for v in (values or []) if v]
    if not values:
        return None
    return frozenset({ProductCategory.GENERAL, *(ProductCategory(v) for v in values)})
