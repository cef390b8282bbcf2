"""Product-category detection (review/products.py): licence numbers, product words, denials and comparisons,
authority names, mixed sessions, the food/health-food rule, and the user's choice overriding detection."""

from __future__ import annotations

import datetime as dt

import pytest

from review.engine import check_text, check_uploads
from review.model import ProductCategory
from review.products import detect_products, parse_products, product_signs

G, FOOD, HEALTH, COS, DRUG, DEVICE = (ProductCategory.GENERAL, ProductCategory.FOOD, ProductCategory.HEALTH_FOOD,
                                      ProductCategory.COSMETICS, ProductCategory.DRUG, ProductCategory.DEVICE)


def _detect(*texts):
    return detect_products(texts) - {G}


@pytest.mark.parametrize(("text", "expected"), [
    # one licence or registration number is enough
    ("批准文号：国食健注G20190321", {HEALTH}),
    ("食健备G202231000123", {HEALTH}),
    ("国药准字Z44021940", {DRUG}),
    ("粤械注准20222090123", {DEVICE}),
    ("粤械备20230045号", {DEVICE}),
    ("国妆特字G20240567", {COS}),
    ("浙G妆网备字2025012345", {COS}),
    ("食品生产许可证编号：SC11451012300457", {FOOD}),
    # SC category 127 is health food
    ("生产许可证SC12733010600218", {HEALTH}),
    # product words: two mentions needed
    ("这款蓝帽子，是正规保健食品", {HEALTH}),
    ("今天讲一款保健食品", set()),
    ("这款面霜和精华液一起用", {COS}),
    ("非处方药，包装上有OTC标识", {DRUG}),
    ("二类医疗器械，电子血压计", {DEVICE}),
    ("零食大礼包，坚果很好吃", {FOOD}),
    ("一件纯棉T恤", set()),
])
def test_signs(text, expected):
    assert _detect(text) == expected


@pytest.mark.parametrize("text", [
    "我们这个是代用茶，不是保健食品，也不是什么保健食品，好吃",
    "它不是保健食品，不宣传任何保健功能",
    "这款面霜不是药品，比药品还温和，面霜很好推开",
    "防晒乳的注册证可以在国家药品监督管理局网站查询，药品监督管理局官网也能查，面霜",
    "保健品不能替代药品，本品不能替代药品",
    "这款精华媲美处方药，面霜也不含处方药成分",
    "并非医疗器械，不属于医疗器械，按摩披肩",
    "保健食品不是药物，不能代替药物治疗疾病。好吃的零食",
])
def test_denials_comparisons_and_authority_names_switch_nothing_on(text):
    found = _detect(text)
    assert not found & {HEALTH, DRUG, DEVICE}, (text, found)


def test_otc_is_a_drug_sign_not_a_denial():
    assert _detect("康宁感冒灵颗粒，非处方药") == set()  # one weak sign only
    assert _detect("康宁感冒灵颗粒，非处方药，请按说明书或在药师指导下购买和使用") == {DRUG}


def test_health_food_drops_food_unless_a_strong_food_sign():
    pitch = "蓝帽子蛋白粉，国食健注G20210456，口感好，冲泡很方便，好吃"
    assert _detect(pitch) == {HEALTH}
    assert _detect(pitch, "同场还有燕麦片，普通食品，SC10644030500312") == {HEALTH, FOOD}
    assert _detect(pitch, "同场的燕麦片不是普通食品吗？口感好") == {HEALTH}


def test_mixed_session_gives_a_set():
    text = ("商品1：晴川防晒喷雾，国妆特字G20230088\n商品2：谷香即食燕麦片，普通食品\n"
            "商品3：康舒电子血压计，粤械注准20202070456")
    assert _detect(text) == {COS, FOOD, DEVICE}


def test_signs_across_documents_add_up():
    assert _detect("今天讲一款保健食品") == set()
    assert _detect("今天讲一款保健食品", "手卡：蓝帽子标志放左上角") == {HEALTH}


def test_product_signs_locate_their_text():
    text = "这不是药品。商品：鱼油，国食健注G20190321，蓝帽子"
    signs = product_signs(text)
    assert [(s.category, s.text, s.strong) for s in signs] == [
        (HEALTH, "国食健注G20190321", True), (HEALTH, "国食健注", False), (HEALTH, "蓝帽子", False)]
    assert all(text[s.start:s.start + len(s.text)] == s.text for s in signs)


def test_parse_products():
    assert parse_products(None) is None
    assert parse_products(["", None]) is None
    assert parse_products(["food", "cosmetics"]) == frozenset({G, FOOD, COS})
    with pytest.raises(ValueError):
        parse_products(["toys"])


def test_user_choice_overrides_detection():
    text = "小朋友天天嚼两颗，增强免疫力"  # no product words: detected as general only
    assert not [f for f in check_text(text) if f.category == "health_claim"]
    assert [f.rule for f in check_text(text, products=[FOOD]) if f.category == "health_claim"] == ["FOOD-MED-002"]


def test_report_lists_detected_products_and_rule_sets():
    script = ("s.txt", "蓝帽子鱼油，国食健注G20190321。本品不能代替药物。".encode())
    report, _ = check_uploads([script], dt.date(2026, 12, 10))
    assert report.products == [G, HEALTH]
    sets = {r.topic: r for r in report.rule_sets}
    assert sets["health_food"].ran == 4 and sets["health_food"].skipped == 0
    assert sets["cosmetics"].ran == 0 and sets["cosmetics"].skipped_products == ["cosmetics"]
    assert sets["drug_device"].skipped_products == ["drug", "device"]
    assert sets["food"].ran == 1 and sets["food"].skipped_products == ["food"]


def test_section_of_a_passage_in_a_mixed_session():
    from review.products import in_other_section, section_categories

    text = "商品：燕麦片，普通食品\n燕麦片口感软糯，能降血糖\n下一款：面霜\n面霜上脸清爽，美白\n没有信号的一行"
    signs = product_signs(text)
    both = frozenset({G, FOOD, COS})
    assert section_categories(text, signs, text.index("降血糖"), both) == {FOOD}
    assert section_categories(text, signs, text.index("美白"), both) == {COS}
    assert section_categories(text, signs, text.index("没有信号"), both) == {COS}  # the nearest sign before
    assert in_other_section(text, signs, text.index("美白"), both, frozenset({FOOD}))
    assert not in_other_section(text, signs, text.index("降血糖"), both, frozenset({FOOD, HEALTH}))
    # a single-product session, a general rule and an unknown passage are never cut out
    assert not in_other_section(text, signs, text.index("美白"), frozenset({G, FOOD}), frozenset({FOOD}))
    assert not in_other_section(text, signs, text.index("美白"), both, frozenset({G}))
    assert not in_other_section("无关的话，美白", [], 5, both, frozenset({FOOD}))


def test_health_food_named_extract_is_no_cosmetic():
    assert _detect("葡萄籽精华胶囊，保健食品，葡萄籽精华每粒100毫克，蓝帽子") == {HEALTH}


@pytest.mark.parametrize("text", [
    "316不锈钢内胆，食品接触材料执行GB 4806，三个颜色：燕麦白、岩石灰。不建议装牛奶、果汁过夜",
    "冰箱冷藏室放牛奶、饮料，抽屉放水果，门上放鸡蛋",
])
def test_food_nouns_in_other_goods_make_no_food(text):
    assert _detect(text) == set()


def test_food_nouns_count_next_to_a_food_word():
    assert _detect("坚果礼盒，坚果颗粒饱满") == set()
    assert _detect("坚果礼盒，口感酥脆") == {FOOD}
