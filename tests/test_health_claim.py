"""health_claim rules by product type (checklists food/health_food/cosmetics/drug_device/medical_ad.yaml and
review/checks/health.py): claims that must be reported, look-alikes that must not, product scope, the
conditional notices and the special-cosmetics registration downgrade."""

from __future__ import annotations

import datetime as dt

import pytest

from review.engine import check_text, check_uploads
from review.model import Category, ProductCategory, Severity

DATE = dt.date(2026, 12, 10)
FOOD, HEALTH, COS, DRUG, DEVICE = (ProductCategory.FOOD, ProductCategory.HEALTH_FOOD, ProductCategory.COSMETICS,
                                   ProductCategory.DRUG, ProductCategory.DEVICE)
COUNTED = (Severity.HIGH, Severity.MEDIUM)


def _health(text, products):
    return [f for f in check_text(text, products=products, broadcast_date=DATE) if f.category == Category.HEALTH_CLAIM]


def _quoted(text, products):
    """Counted (high/medium) health_claim findings that quote the text."""
    return [f for f in _health(text, products) if f.text and f.severity in COUNTED]


HITS = [
    # ordinary food: disease and health-function claims
    (FOOD, "山楂条开胃消食，还能降血脂", "降血脂"),
    (FOOD, "这款茶喝了以后睡得香，改善睡眠效果明显", "改善睡眠"),
    (FOOD, "坚持喝三个月，脂肪肝都没了", "脂肪肝都没了"),
    (FOOD, "孕妈喝了宝宝更聪明", "更聪明"),
    (FOOD, "每天一杯，远离癌症", "远离癌症"),
    (FOOD, "小朋友天天嚼两颗，增强免疫力，换季不容易感冒", "不容易感冒"),
    (FOOD, "这款奶粉提高孩子的抵抗力，老人吃了少生病", "少生病"),
    (FOOD, "喝这个酵素，三天排出宿便，清理肠道垃圾", "排出宿便"),
    (FOOD, "纳豆激酶溶解血栓，预防脑梗", "预防脑梗"),
    (FOOD, "一个月瘦15斤，躺着就能瘦", "瘦15斤"),
    (FOOD, "红枣补血", "补血"),
    (FOOD, "喝了两个月，降压药都停了", "降压药都停了"),
    (FOOD, "糖尿病人也可以放心喝", "糖尿病人也可以放心喝"),
    (FOOD, "营养科医生都推荐这种吃法", "医生都推荐"),
    # health food: beyond the catalogue, disease, guarantees, endorsements
    (HEALTH, "这款蓝帽子灵芝孢子粉能抗肿瘤", "抗肿瘤"),
    (HEALTH, "葡萄籽精华美白淡斑", "美白淡斑"),
    (HEALTH, "抗衰老神器，熬夜党一定要囤", "抗衰老"),
    (HEALTH, "孩子吃了长高", "长高"),
    (HEALTH, "减肥效果特别好", "减肥"),
    (HEALTH, "吃了它血糖降下来了", "血糖降下来了"),
    (HEALTH, "糖友吃了以后胰岛素都减量了", "胰岛素都减量了"),
    (HEALTH, "这个保健品可以替代降糖药", "替代降糖药"),
    (HEALTH, "纯天然提取，无毒副作用，长期吃也没事", "无毒副作用"),
    (HEALTH, "吃完一瓶没效果，无效退款", "无效退款"),
    (HEALTH, "北京三甲医院的心内科主任都推荐", "主任都推荐"),
    (HEALTH, "这款益生菌是某明星代言的", "代言"),
    (HEALTH, "家庭必备，爸妈吃了放心", "家庭必备"),
    # cosmetics: medical terms and special efficacy without a registration
    (COS, "药妆品牌，走医学护肤路线", "药妆"),
    (COS, "里面加了抗菌消炎的成分", "抗菌消炎"),
    (COS, "激素脸也能用", "激素"),
    (COS, "都能修复受损屏障", "修复受损"),
    (COS, "美白针同款效果，涂了就白", "美白"),
    (COS, "SPF50防晒霜，出门不怕晒", "SPF50防晒"),
    (COS, "这款洗发水防脱生发", "生发"),
    (COS, "面膜是械字号的，医用级别", "械字号"),
    (COS, "皮肤科医生都在用", "医生都在用"),
    # drugs and devices
    (DRUG, "这款是处方药，今天直播间特价", "处方药"),
    (DRUG, "这个药能根治鼻炎", "根治"),
    (DRUG, "吃了这个药，三天就能退烧", "三天就能退烧"),
    (DRUG, "感冒灵有效率98%", "有效率98%"),
    (DRUG, "下面请老患者王阿姨现身说法", "现身说法"),
    (DEVICE, "制氧机，专家推荐，老人家庭必备", "专家推荐"),
    (DEVICE, "用了一周就见效", "一周就见效"),
    (DEVICE, "孩子发烧贴一片，比吃退烧药还管用", "比吃退烧药还管用"),
    (DEVICE, "用了一个疗程，颈椎病就根治了，治愈率95%", "治愈率95%"),
    # any product: cure guarantees and medical endorsements
    (None, "包治百病，药到病除", "包治百病"),
    (None, "医生推荐的护腰", "医生推荐"),
]


@pytest.mark.parametrize(("product", "text", "quote"), HITS, ids=[h[1][:12] for h in HITS])
def test_claim_is_reported(product, text, quote):
    found = _quoted(text, [product] if product else None)
    assert any(quote in f.text or f.text in quote for f in found), [(f.rule, f.text) for f in found]


TRAPS = [
    (FOOD, "今天降价了，直降50元"),
    (FOOD, "我对这个口味不感冒，但家里小孩爱吃"),
    (FOOD, "高血压、糖尿病患者请在医生指导下食用"),
    (FOOD, "这个牛奶采用巴氏杀菌，口感醇厚"),
    (FOOD, "枸杞、山药都是药食同源的食材"),
    (FOOD, "本品为普通食品，不具有保健功能，不能治疗疾病"),
    (FOOD, "减肥期间也能吃的低卡零食"),
    (FOOD, "维C软糖富含维生素C，维生素C有抗氧化作用"),
    (FOOD, "物理治疗师小王教大家拉伸"),
    (FOOD, "钙有助于骨骼和牙齿的发育，膳食纤维有助于维持正常的肠道功能"),
    (FOOD, "孕妇、儿童和正在减重治疗的人群请先咨询医生"),
    (FOOD, "正在服用降压药的朋友请咨询医生"),
    (FOOD, "代餐可以帮助控制每餐的热量摄入"),
    (FOOD, "下班去火锅店，下火车就到"),
    (HEALTH, "保健功能：有助于增强免疫力。本品不能代替药物。"),
    (HEALTH, "不适宜人群：少年儿童、孕妇、乳母"),
    (HEALTH, "保健食品不是药物，不能代替药物治疗疾病"),
    (HEALTH, "我们不说它能治病，也不说能预防感冒"),
    (HEALTH, "宝子问有没有副作用，我们看一下说明书"),
    (COS, "补水保湿，适合干皮"),
    (COS, "面霜不含消炎成分，也没有任何治疗作用"),
    (COS, "洗完脸记得涂防晒"),
    (COS, "防晒衣和防晒伞在另一个直播间"),
    (COS, "本场不说药妆、医学护肤、消炎、抗菌这类词，这些是医疗用语，化妆品不能用"),
    (COS, "这款没有美白功效，只做保湿"),
    (COS, "我们的护肤顾问不是医生，也不是治疗师"),
    (DRUG, "本直播间不销售处方药"),
    (DRUG, "康宁感冒灵颗粒，非处方药，包装上有OTC标识"),
    (DRUG, "如果服药三天症状没有缓解，请及时就医"),
    (DRUG, "请勿自行停药，遵医嘱"),
    (DRUG, "有朋友问它能不能代替抗生素？不能，细菌感染请遵医嘱用药"),
    (DEVICE, "康复治疗师教大家佩戴，适用于颈肩部疼痛的辅助治疗"),
    (DEVICE, "请仔细阅读产品说明书或者在医务人员的指导下购买和使用"),
    (None, "北大教授推荐的十本书"),
    (None, "这款杀虫饵剂根治蟑螂，厨房放两盒"),
    (None, "闷三分钟就好，不要用开水"),
]


@pytest.mark.parametrize(("product", "text"), TRAPS, ids=[t[1][:12] for t in TRAPS])
def test_lawful_look_alike_is_not_reported(product, text):
    found = _quoted(text, [product] if product else None)
    assert not found, [(f.rule, f.severity, f.text) for f in found]


@pytest.mark.parametrize(("text", "low"), [
    ("维C软糖富含维生素C，维生素C有抗氧化作用", None),
    ("减肥期间也能吃的低卡零食", "减肥"),
    ("面霜不含消炎成分", "消炎"),
    ("这个面霜不含激素", "激素"),
])
def test_advisory_readings_stay_low(text, low):
    products = [COS] if "霜" in text else [FOOD]
    findings = _health(text, products)
    assert all(f.severity == Severity.LOW for f in findings if f.text)
    if low:
        assert any(f.text == low for f in findings)


def test_function_claims_depend_on_the_product_type():
    text = "保健功能：有助于增强免疫力"
    assert _quoted("小朋友天天嚼两颗，增强免疫力", [FOOD])
    assert not _quoted(text, [HEALTH])
    old_name = _health("这款蛋白粉增强免疫力", [HEALTH])
    assert [f.severity for f in old_name if f.text] == [Severity.LOW]
    assert not _health("小朋友天天嚼两颗，增强免疫力", [COS])


def test_old_function_name_is_high_for_food_and_low_for_health_food():
    text = "这款茶辅助降血脂"
    assert {f.severity for f in _health(text, [FOOD]) if f.text} == {Severity.HIGH}
    assert {f.severity for f in _health(text, [HEALTH]) if f.text} == {Severity.LOW}


def test_scoped_rules_do_not_run_for_other_products():
    assert not _quoted("这款是处方药，今天直播间特价", [FOOD])
    assert not _quoted("里面加了抗菌消炎的成分", [DEVICE])
    assert _quoted("里面加了抗菌消炎的成分", [FOOD])  # medical terms are wrong for food too


def _doc_level(findings, rule):
    return [f for f in findings if f.rule == rule and f.text == ""]


@pytest.mark.parametrize(("text", "severity"), [
    ("这款蓝帽子鱼油，国食健注G20190321，每天两粒。", Severity.HIGH),
    ("这款蓝帽子鱼油，国食健注G20190321。保健食品不是药物，不能代替药物治疗疾病。", None),
    ("蓝帽子蛋白粉，保健食品。本品不能代替药物。", None),
    ("蓝帽子蛋白粉，保健食品。保健食品不是药物， 不能代替药物治疗疾病", None),
])
def test_health_food_disclaimer(text, severity):
    found = [f for f in _health(text, [HEALTH]) if f.rule == "HF-WARN-001"]
    if severity is None:
        assert not found
    else:
        assert [f.severity for f in found] == [severity] and found[0].text == ""
        assert "国食健注G20190321" in found[0].message


def test_reworded_disclaimer_is_quoted_at_medium():
    found = [f for f in _health("蓝帽子辅酶Q10，国食健注G20200789\n常驻字幕：保健品不能替代药品", [HEALTH])
             if f.rule == "HF-WARN-001"]
    assert [(f.severity, f.text) for f in found] == [(Severity.MEDIUM, "保健品不能替代药品")]


def test_disclaimer_in_the_hand_card_covers_the_script():
    script = ("s.txt", "家人们，今天讲蓝帽子鱼油，国食健注G20190321，每天两粒。".encode())
    card = ("c.txt", "手卡\n直播间设置：常驻字幕“保健食品不是药物，不能代替药物治疗疾病”".encode())
    report, _ = check_uploads([script], DATE)
    assert [f.rule for f in report.findings if f.rule == "HF-WARN-001"] == ["HF-WARN-001"]
    report, _ = check_uploads([script, card], DATE)
    assert not [f for f in report.findings if f.rule == "HF-WARN-001"]


@pytest.mark.parametrize(("text", "product", "rule", "fires"), [
    ("康宁感冒灵颗粒，非处方药，国药准字Z44021940", DRUG, "DRUG-002", True),
    ("康宁感冒灵颗粒，国药准字Z44021940。请按药品说明书或者在药师指导下购买和使用。", DRUG, "DRUG-002", False),
    ("康舒电子血压计，粤械注准20202070456，二类医疗器械", DEVICE, "DEV-001", True),
    ("康舒电子血压计，粤械注准20202070456。请仔细阅读产品说明书或者在医务人员的指导下购买和使用。", DEVICE, "DEV-001",
     False),
])
def test_statutory_notices(text, product, rule, fires):
    assert bool(_doc_level(_health(text, [product]), rule)) is fires


def test_special_efficacy_is_low_when_a_registration_number_is_stated():
    text = "清透防晒乳SPF50+ PA++++，出门前15分钟涂"
    medium = [f for f in _health(text, [COS]) if f.rule == "COS-SPEC-001"]
    assert medium and {f.severity for f in medium} == {Severity.MEDIUM}
    assert "没有找到国妆特字" in medium[0].message
    stated = [f for f in _health(text + "\n注册证：国妆特字G20240567", [COS]) if f.rule == "COS-SPEC-001"]
    assert stated and {f.severity for f in stated} == {Severity.LOW}
    assert "国妆特字G20240567" in stated[0].message


def test_registration_in_an_evidence_document_counts_too():
    script = ("s.txt", "姐妹们，这款防晒霜SPF50，出门前涂。".encode())
    cert = ("cert.txt", "特殊化妆品注册证\n注册证编号：国妆特字G20240567\n产品名称：清透防晒乳".encode())
    report, _ = check_uploads([script, cert], DATE, [COS])
    spec = [f for f in report.findings if f.rule == "COS-SPEC-001"]
    assert spec and {f.severity for f in spec} == {Severity.LOW}


def test_special_efficacy_is_one_finding_per_document():
    spec = [f for f in _health("焕白面霜，美白淡斑，防晒、防脱、染发", [COS]) if f.rule == "COS-SPEC-001"]
    assert [f.text for f in spec] == ["美白淡斑"]  # adjacent words are one span; one certificate question per file
    assert "共 2 处" in spec[0].message


def test_findings_quote_the_document_exactly():
    text = "家里有三高的长辈一定要喝，这个茶降三高效果特别好。\n咳嗽的时候冲一杯，润肺止咳，比止咳糖浆还好使。"
    for f in _health(text, [FOOD]):
        assert f.text == text[f.start:f.end]
        assert f.message and f.clause.startswith("T/ZADT 0013—2025") and f.law and f.suggestion


@pytest.mark.parametrize("text", ["", "\n\n", "治" * 5000, "处方药" * 300, "国妆特字G" + "9" * 40, "\x00\ufffd美白"])
def test_odd_input_never_raises(text):
    for products in ([FOOD], [HEALTH], [COS], [DRUG], [DEVICE], None):
        _health(text, products)


MIXED = ("【第一款】胶原蛋白肽饮，普通食品，SC10631011500876\n"
         "配料表第一位是胶原蛋白肽，祖传秘方熬制，喝了能降血糖。\n"
         "【第二款】焕白面霜，沪G妆网备字2024001234\n"
         "这款面霜能祛斑美白，古方配比，上脸清爽。\n")


def test_mixed_session_judges_each_passage_by_its_product():
    found = {(f.rule, f.text) for f in _health(MIXED, None) if f.severity in COUNTED}
    assert ("FOOD-MED-001", "降血糖") in found
    assert ("COS-SPEC-001", "祛斑美白") in found
    assert ("COS-MED-002", "古方") in found
    assert not {r for r, t in found if t in ("祛斑美白", "祛斑", "美白") and r.startswith("FOOD")}
    assert not {r for r, t in found if t == "秘方" and r.startswith("COS")}


def test_single_product_session_is_judged_everywhere():
    text = "配料表第一位是胶原蛋白肽。\n普通食品，SC10631011500876\n" + "闲聊两句。" * 200 + "\n喝了能美白祛斑。"
    assert [f.rule for f in _quoted(text, None)] == ["FOOD-MED-002"]


def test_product_scoped_rule_files_opt_into_sections():
    from review.engine import verified_checklist

    rules = {r.id: r for r in verified_checklist().checklist.rules}
    assert rules["FOOD-MED-002"].product_sections and rules["COS-MED-001"].product_sections
    assert rules["HF-FUNC-001"].product_sections and rules["DRUG-001"].product_sections
    assert not rules["HF-ADV-001"].product_sections  # a general rule judges every passage


@pytest.mark.parametrize(("product", "text", "quote"), [
    (FOOD, "云南甘蔗熬制，祖传秘方", "秘方"),
    (FOOD, "已经帮助20万姐妹成功减重", "减重"),
    (COS, "用一次就白一个度", "白一个度"),
    (FOOD, "晚上喝上二两，解压又助眠", "助眠"),
])
def test_claims_labelled_in_other_helpers_corpora(product, text, quote):
    assert any(f.text == quote for f in _quoted(text, [product]))


def test_liquor_is_detected_as_food():
    from review.products import detect_products

    assert ProductCategory.FOOD in detect_products(["酱香型白酒，酒精度53%vol，500ml"])


@pytest.mark.parametrize(("text", "quote"), [
    ("泡脚还能降血压，血压高的老人天天泡", "降血压"),
    ("远红外护膝，专门治疗关节炎，消炎止痛", "治疗"),
    ("这款床垫能告别失眠", "告别失眠"),
    ("负离子净化血液", "净化血液"),
    ("家里有宝宝的开着它，孩子咳嗽都少了", "咳嗽都少了"),  # blind audit bl_19
    ("有颈椎病的朋友，睡一个月颈椎病就好了", "颈椎病就好了"),  # blind batch 3 bl3_08
    ("防蓝光眼镜，戴上能预防近视", "预防近视"),  # blind batch 3 bl3_04
    ("已经近视的戴三个月度数就降下来了", "度数就降下来了"),  # blind batch 3 bl3_04
])
def test_general_goods_making_medical_claims(text, quote):
    found = _quoted(text, None)
    assert [f.rule for f in found if quote in f.text] == ["HF-ADV-010"]


@pytest.mark.parametrize("text", [
    "泡完脚底暖和，睡前泡一泡很舒服",
    "我们请了康复治疗师讲解坐姿",
    "本品不是医疗器械，不能治疗疾病",
    "洗衣液添加除菌成分，消毒柜高温杀菌",
    "最近降温，大家注意保暖",
    "孩子咳嗽的时候少吃冰的，及时就医",
    "配近视镜以验光结果为准，度数较高请到医院验光",
    "镜框可配近视片，散光度数也能做",
])
def test_general_goods_look_alikes(text):
    assert not _quoted(text, None)


def test_general_goods_rule_yields_to_product_rule_sets():
    text = "泡脚还能降血压"
    assert not [f for f in _health(text, [DRUG]) if f.rule == "HF-ADV-010"]
    assert [f.rule for f in _quoted(text, [FOOD])] == ["FOOD-MED-001"]


def test_a_list_of_diseases_is_quoted_whole():
    assert [f.text for f in _quoted("血脂高的吃它，预防心梗脑梗。", [FOOD])] == ["预防心梗脑梗"]


def test_registered_special_efficacy_is_one_advisory_per_document():
    text = "清透防晒乳，国妆特字G20240567\n防晒指数SPF50+\n户外活动注意补涂，防晒效果更稳定\n美白提亮"
    spec = [f for f in _health(text, [COS]) if f.rule == "COS-SPEC-001"]
    assert [(f.severity, f.text) for f in spec] == [(Severity.LOW, "防晒")]


def test_sunscreen_line_in_a_mixed_session_counts_as_cosmetics():
    text = ("商品1：晴川防晒喷雾\n商品2：谷香即食燕麦片，普通食品，配料表只有燕麦\n"
            "[20:00] 主播：今天三款，先讲防晒。\n[20:02] 主播：SPF50+ PA++++，出门前喷，要摇匀。")
    spec = [f for f in _health(text, None) if f.rule == "COS-SPEC-001"]
    assert len(spec) == 1 and spec[0].severity == Severity.MEDIUM and "共 2 处" in spec[0].message


def test_catalogue_has_24_functions_and_maps_old_names():
    from review.checks.health import CATALOGUE_2023, catalogue_functions

    assert len(CATALOGUE_2023) == 24
    assert catalogue_functions("保健功能：增强免疫力、辅助降血脂") == {"有助于增强免疫力", "有助于维持血脂健康水平"}
    assert catalogue_functions("有助于维持血糖健康水平；缓解体力疲劳") == {"有助于维持血糖健康水平", "缓解体力疲劳"}
    assert catalogue_functions("抗衰老，长高") == set()


@pytest.mark.parametrize(("text", "quote"), [
    ("荣获金奖，由保险公司承保", "保险公司承保"),
    ("多吃两粒效果更好", "多吃两粒效果更好"),
])
def test_order_21_sales_words_are_medium(text, quote):
    found = [f for f in _health(text, [HEALTH]) if f.rule == "HF-ADV-008"]
    assert {f.severity for f in found} == {Severity.MEDIUM} and any(f.text == quote for f in found)
