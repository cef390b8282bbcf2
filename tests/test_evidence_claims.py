"""Finding claims in scripts and hand cards (review.evidence.claims): what counts, what does not."""

from __future__ import annotations

import pytest

from review.engine import _text_document
from review.evidence.claims import (
    ClaimKind,
    attribute_products,
    canonical_function,
    canonical_item,
    find_claims,
    find_mentions,
    make_quantity,
    mark_before,
    names_match,
)
from review.model import DocKind, Document, Segment


def claims_of(text: str):
    return find_claims(_text_document("脚本.txt", text, DocKind.SCRIPT))


def one(text: str, kind: ClaimKind):
    found = [c for c in claims_of(text) if c.kind == kind]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize(("text", "quote", "item", "op"), [
    ("每片含维生素C 100mg，一天一片就够了。", "每片含维生素C 100mg", "维生素C", "="),
    ("维生素C含量高达62mg/100g", "维生素C含量高达62mg/100g", "维生素C", ">="),
    ("我们这款精华添加了5%烟酰胺，坚持用提亮很明显。", "5%烟酰胺", "烟酰胺", "="),
    ("这款除螨仪除螨率高达99.9%。", "除螨率高达99.9%", "除螨率", ">="),
    ("抑菌率99%，放心给宝宝用", "抑菌率99%", "抑菌率", ">="),
    ("每100g含蛋白质12g", "每100g含蛋白质12g", "蛋白质", "="),
    ("钠含量不超过120mg/100ml", "钠含量不超过120mg/100ml", "钠", "<="),
    ("VC含量≥80mg", "VC含量≥80mg", "维生素C", ">="),
    ("玻尿酸浓度0.3%以上", "玻尿酸浓度0.3%以上", "透明质酸", ">="),
    ("益生菌活菌数100亿CFU", "活菌数100亿CFU", "益生菌", "="),
    ("积雪草提取物含量5%", "积雪草提取物含量5%", "积雪草", "="),
])
def test_quantity_claims(text, quote, item, op):
    c = one(text, ClaimKind.QUANTITY)
    assert (c.text, c.item, c.quantity.op) == (quote, item, op)
    assert text[c.start:c.end] == c.text


def test_quantities_are_normalised_to_comparable_units():
    assert one("维生素C含量高达62mg/100g", ClaimKind.QUANTITY).quantity.value == pytest.approx(0.00062)
    assert one("每100g含蛋白质12g", ClaimKind.QUANTITY).quantity.value == pytest.approx(0.12)
    per_tablet = one("每片含维生素C 100mg", ClaimKind.QUANTITY).quantity
    assert (per_tablet.dim, per_tablet.base, per_tablet.value) == ("mass", "片", 100.0)
    assert make_quantity(12, "%") == make_quantity(12, "g", "100g")
    assert make_quantity(0.5, "g", "kg").value == pytest.approx(make_quantity(50, "mg", "100g").value)


@pytest.mark.parametrize("text", [
    "直播间好评率99%，99%的姐妹都回购了。",
    "面料是100%棉，透气不闷汗。",
    "买两件再减20%，满199元包邮。",
    "酒精度52%vol，500ml装。",
    "蛋白质含量比上一代提升30%。",
    "今晚8点开播，前100名下单送小样。",
    "到手价99元，相当于每片不到1块钱。",
    "规格净含量200g，一盒12袋。",
])
def test_numbers_that_are_not_tested_claims(text):
    assert not [c for c in claims_of(text) if c.kind in (ClaimKind.QUANTITY, ClaimKind.ZERO)]


@pytest.mark.parametrize(("text", "quote", "item"), [
    ("0添加防腐剂，小朋友也可以放心吃。", "0添加防腐剂", "防腐剂"),
    ("甲醛未检出", "甲醛未检出", "甲醛"),
    ("不含酒精，敏感肌可用", "不含酒精", "酒精"),
    ("零添加蔗糖", "零添加蔗糖", "蔗糖"),
    ("真正0糖0负担", "0糖", "糖"),
])
def test_zero_claims(text, quote, item):
    c = one(text, ClaimKind.ZERO)
    assert (c.text, c.item) == (quote, item)


def test_zero_sugar_fat_energy_use_gb28050_limits():
    found = {c.item: c.quantity for c in claims_of("0糖0脂0卡，喝多少都没负担") if c.kind == ClaimKind.ZERO}
    assert set(found) == {"糖", "脂肪", "能量"}
    assert found["糖"].value == pytest.approx(0.005) and found["糖"].op == "<="


@pytest.mark.parametrize("text", ["不含运费，偏远地区另计", "零卡顿的直播体验", "无卡支付更方便", "无脂肪肝困扰"])
def test_zero_traps(text):
    assert not [c for c in claims_of(text) if c.kind == ClaimKind.ZERO]


def test_spf_and_pa():
    found = [c for c in claims_of("防晒指数SPF50+ PA++++，海边暴晒都不怕。") if c.kind == ClaimKind.QUANTITY]
    assert [(c.text, c.item, c.quantity.op, c.quantity.value) for c in found] == [
        ("SPF50+", "SPF", ">", 50.0), ("PA++++", "PA", ">=", 4.0)]


@pytest.mark.parametrize(("text", "item", "detail"), [
    ("新国标一级能效，省电", "能效等级", "1级"),
    ("能效等级：2级", "能效等级", "2级"),
    ("婴幼儿纯棉睡衣，A类标准", "安全技术类别", "A类"),
    ("板材E0级环保", "甲醛释放等级", "E0"),
    ("特级初榨橄榄油", "质量等级", "特级"),
])
def test_grades(text, item, detail):
    c = one(text, ClaimKind.GRADE)
    assert (c.item, c.detail) == (item, detail)


def test_a_class_needs_a_textile_context():
    assert not [c for c in claims_of("这是A类产品线的新品") if c.kind == ClaimKind.GRADE]


def test_size_is_a_label_fact():
    c = one("净含量：500ml，两瓶装", ClaimKind.SIZE)
    assert c.quantity.dim == "volume" and c.quantity.value == 500


@pytest.mark.parametrize(("text", "function"), [
    ("保健功能是有助于增强免疫力", "有助于增强免疫力"),
    ("吃了能提高免疫力", "有助于增强免疫力"),
    ("晚上吃两粒，助眠效果好", "有助于改善睡眠"),
    ("还能降血糖", "有助于维持血糖健康水平"),
    ("缓解视疲劳", "缓解视觉疲劳"),
])
def test_health_functions_map_to_the_catalogue(text, function):
    assert one(text, ClaimKind.HEALTH_FUNCTION).item == function


@pytest.mark.parametrize("text", ["本品不具有降血糖功能", "适宜人群：免疫力低下者", "我们不宣传改善睡眠"])
def test_negated_or_descriptive_functions_are_not_claims(text):
    assert not [c for c in claims_of(text) if c.kind == ClaimKind.HEALTH_FUNCTION]


def test_canonical_function_reads_old_names():
    assert canonical_function("增强免疫力") == "有助于增强免疫力"
    assert canonical_function("辅助降血脂") == "有助于维持血脂健康水平"


def test_approval_number():
    assert one("国食健注G20210123，每天两粒", ClaimKind.APPROVAL_NO).item == "国食健注G20210123"


@pytest.mark.parametrize(("text", "mark"), [
    ("小熊猫®面霜，保湿一整天。", "小熊猫"),
    ("这款是我们家的LUMINA®精华。", "LUMINA"),
    ("今天给大家带来的是Dr. Wu(R)杏仁酸", "Dr. Wu"),
    ("这款山茶花®水润面霜", "山茶花"),
])
def test_registered_marks(text, mark):
    c = one(text, ClaimKind.TRADEMARK)
    assert c.item == mark
    assert c.text.startswith(mark)


def test_mark_before_stops_at_function_words():
    text = "我们家的小熊猫®"
    assert mark_before(text, text.index("®")) == (4, "小熊猫")


@pytest.mark.parametrize("text", ["小熊猫™面霜", "©2026 小熊猫 版权所有"])
def test_no_registered_mark(text):
    assert not [c for c in claims_of(text) if c.kind == ClaimKind.TRADEMARK]


def test_patent_claims_keep_the_declared_type():
    c = one("杯盖结构获得实用新型专利，专利号ZL 2016 2 0161392.4。", ClaimKind.PATENT)
    assert (c.item, c.detail, c.text) == ("2016201613924", "实用新型", "ZL 2016 2 0161392.4")


@pytest.mark.parametrize("text", [
    "发明专利申请号 202410841907.4（专利申请，尚未授权）",
    "杯盖采用专利设计，专利号ZL202310123456.7",   # bad check digit: the patent rules report it
])
def test_applications_and_malformed_numbers_are_not_patent_claims(text):
    assert not [c for c in claims_of(text) if c.kind == ClaimKind.PATENT]


@pytest.mark.parametrize(("text", "quote", "item", "detail"), [
    ("经SGS检测，甲醛未检出", "经SGS检测", "SGS", "report"),
    ("检测报告显示重金属未检出", "检测报告显示", "", "report"),
    ("经国家权威机构检测，安全放心", "经国家权威机构检测", "国家权威机构", "report"),
    ("这款面霜通过了欧盟ECOCERT有机认证", "通过了欧盟ECOCERT有机认证", "欧盟ECOCERT有机", "certification"),
    ("华测检测报告证明无荧光剂", "华测检测报告证明", "华测", "report"),
])
def test_citations(text, quote, item, detail):
    c = one(text, ClaimKind.CITATION)
    assert (c.text, c.item, c.detail) == (quote, item, detail)


@pytest.mark.parametrize("text", [
    "主播已经通过了实名认证，账号是官方认证的。",
    "拍下之后系统会检测一下收货地址。",
    "没有检测报告的产品千万别买。",
    "这批货已经检测过了",
    "每一批茶出厂前都有检验报告，报告编号印在罐底的标签上。",
    "未经检测的三无产品千万别买。",
    "这款还没有通过有机认证，我们不说有机。",
])
def test_citation_traps(text):
    assert not [c for c in claims_of(text) if c.kind == ClaimKind.CITATION]


def test_items_use_synonyms_and_the_longest_alias():
    assert canonical_item("维生素C（以抗坏血酸计）") == "维生素C"
    assert canonical_item("L-抗坏血酸") == "维生素C"
    assert canonical_item("苯甲酸及其钠盐（以苯甲酸计）") == "苯甲酸"
    assert canonical_item("抑菌率（金黄色葡萄球菌）") == "抑菌率"
    assert canonical_item("透明质酸钠") == "透明质酸"
    assert canonical_item("包装外观") == ""


@pytest.mark.parametrize(("a", "b", "same"), [
    ("山茶花水润保湿面霜 50g", "山茶花水润保湿面霜", True),
    ("禾康牌维生素C咀嚼片", "禾康维C咀嚼片 60片/瓶", True),
    ("小熊猫维生素C咀嚼片", "大白兔维生素C咀嚼片", False),
    ("山茶花水润保湿面霜", "山茶花清透防晒乳", False),
    ("山茶花面霜", "山茶花水润保湿面霜 50g", True),
    ("山茶花面霜", "茶花水润保湿面霜", False),
])
def test_product_names(a, b, same):
    assert names_match(a, b) is same


def _hand_card() -> Document:
    cells = [("品名", "第1行「品名」列"), ("核心卖点", "第1行「核心卖点」列"), ("供应商", "第1行「供应商」列"),
             ("山茶花面霜", "第2行「品名」列"), ("添加2%烟酰胺", "第2行「核心卖点」列"),
             ("杭州山茶花生物科技有限公司", "第2行「供应商」列"),
             ("禾康维C咀嚼片", "第3行「品名」列"), ("每片含维生素C 100mg", "第3行「核心卖点」列"),
             ("禾康（浙江）健康科技有限公司", "第3行「供应商」列")]
    text, segments = "", []
    for value, where in cells:
        segments.append(Segment(len(text), len(text) + len(value), f"工作表「手卡」{where}"))
        text += value + "\n"
    return Document("手卡.xlsx", text, segments, DocKind.HAND_CARD, "", "xlsx")


def test_hand_card_rows_name_products_and_suppliers_and_claims_take_their_row_product():
    doc = _hand_card()
    products, suppliers = find_mentions(doc)
    assert [p.name for p in products] == ["山茶花面霜", "禾康维C咀嚼片"]
    assert [s.name for s in suppliers] == ["杭州山茶花生物科技有限公司", "禾康（浙江）健康科技有限公司"]
    claims = attribute_products(find_claims(doc), products, doc)
    assert {c.text: c.product for c in claims} == {"2%烟酰胺": "山茶花面霜", "每片含维生素C 100mg": "禾康维C咀嚼片"}


def test_script_claims_take_the_last_named_product():
    text = ("第一款：山茶花面霜\n添加2%烟酰胺。\n第二款：禾康维C咀嚼片\n每片含维生素C 100mg。\n"
            "供应商：杭州山茶花生物科技有限公司\n")
    doc = _text_document("脚本.txt", text, DocKind.SCRIPT)
    products, suppliers = find_mentions(doc)
    claims = attribute_products(find_claims(doc), products, doc)
    assert {c.text: c.product for c in claims} == {"2%烟酰胺": "山茶花面霜", "每片含维生素C 100mg": "禾康维C咀嚼片"}
    assert [s.name for s in suppliers] == ["杭州山茶花生物科技有限公司"]


def test_bad_input_never_raises():
    for text in ["", "®", "SPF", "经检测", "0添加", "每100g含", "%" * 50, "专利号ZL", "\x00\ufffd" * 10]:
        claims_of(text)


def test_product_labels_drop_a_trailing_note_but_company_names_keep_their_brackets():
    text = "产品名称：山禾黑苦荞茶（代用茶）\n供应商：禾康（浙江）健康科技有限公司\n"
    doc = _text_document("脚本.txt", text, DocKind.SCRIPT)
    products, suppliers = find_mentions(doc)
    assert [p.name for p in products] == ["山禾黑苦荞茶"]
    assert [s.name for s in suppliers] == ["禾康（浙江）健康科技有限公司"]
