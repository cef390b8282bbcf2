"""price rules (checklists/price.yaml, review/checks/price.py): line-level behaviour through the engine,
table rows in docx/xlsx/pdf and pasted text tables, and the helpers (amounts, bases, prizes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.bundle import Bundle
from review.checks.price import (
    Layout,
    amount_value,
    cn_number,
    hidden_conditions,
    prizes,
    reference_basis,
    table_cells,
    text_table_cells,
)
from review.engine import _text_document, check, check_text
from review.model import Category, DocKind, Finding, ProductCategory
from tests.fixtures_docs import make_docx, make_table_pdf, make_xlsx

PRICE = Category.PRICE


def _price(text: str) -> list[Finding]:
    return [f for f in check_text(text) if f.category == PRICE]


def _triples(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return sorted((f.text, f.rule, str(f.severity)) for f in findings)


HITS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("这件大衣原价1299，今天直播间只要399！", [("原价1299", "PRICE-REF-001", "medium")]),
    ("专柜价2680的品质，全网最低价给到大家。",
     [("专柜价2680", "PRICE-REF-001", "medium"), ("全网最低价", "PRICE-CLAIM-001", "high")]),
    ("市场价都卖三四百，我们今天只要89。", [("市场价都卖三四百", "PRICE-REF-001", "medium")]),
    ("这个核桃平时店里卖159一斤。", [("平时店里卖159", "PRICE-REF-001", "medium")]),
    ("某东卖199，我们只要89。", [("某东卖199", "PRICE-REF-001", "medium")]),
    ("今天直降300，成本价出货。", [("直降300", "PRICE-REF-001", "medium"), ("成本价", "PRICE-CLAIM-002", "medium")]),
    ("比超市便宜一半。", [("比超市便宜一半", "PRICE-REF-001", "medium")]),
    ("这是今年的史低，双11都没这个价。",
     [("双11都没这个价", "PRICE-REF-001", "medium"), ("史低", "PRICE-CLAIM-001", "high")]),
    ("这件开衫是工厂直供，出厂价给大家，亏本清仓！",
     [("亏本清仓", "PRICE-CLAIM-002", "medium"), ("出厂价", "PRICE-CLAIM-002", "medium")]),
    ("9块9包邮，亏到姥姥家了。", [("亏到姥姥家了", "PRICE-CLAIM-002", "medium")]),
    ("我们这是零利润给大家。", [("零利润", "PRICE-CLAIM-002", "medium")]),
    ("前100名半价！", [("前100名半价", "PRICE-COND-002", "medium")]),
    ("前20名下单的宝子免单", [("前20名下单的宝子免单", "PRICE-COND-002", "medium")]),
    ("今天围巾0元购，家人们冲！", [("0元购", "PRICE-COND-003", "medium")]),
    ("买一送一！", [("买一送一", "PRICE-COND-004", "medium")]),
    ("一等奖是一辆价值12万的小汽车！", [("价值12万", "PRICE-PRIZE-001", "high")]),
    ("下单抽奖，一等奖为现金8万元", [("现金8万元", "PRICE-PRIZE-001", "high")]),
    ("福袋里抽两位家人，每人送价值十万的金条！", [("价值十万", "PRICE-PRIZE-001", "high")]),
    ("下单就抽一辆摩托车", [("摩托车", "PRICE-PRIZE-001", "medium")]),
    ("全网没有比我们更便宜的。", [("全网没有比我们更便宜的", "PRICE-CLAIM-001", "high")]),
    ("平常门店要卖六百八，今天二百九十八。", [("平常门店要卖六百八", "PRICE-REF-001", "medium")]),
    ("原价4999，比线下门店便宜两千。",
     [("原价4999", "PRICE-REF-001", "medium"), ("比线下门店便宜两千", "PRICE-REF-001", "medium")]),
    ("工厂清仓，赔钱卖，只为冲销量。", [("赔钱卖", "PRICE-CLAIM-002", "medium")]),
    ("到手价399，拍下就发。\n到手价399需要叠加店铺满1000减100和20元券，仅限会员。",
     [("到手价399", "PRICE-COND-001", "medium")]),
]


@pytest.mark.parametrize(("text", "expected"), HITS, ids=[t for t, _ in HITS])
def test_hits(text, expected):
    assert _triples(_price(text)) == sorted(expected)


def test_hidden_condition_quotes_the_bare_headline_and_names_the_condition():
    text = "到手价399，拍下就发。\n到手价399需要叠加店铺满1000减100和20元券，仅限会员。"
    (finding,) = _price(text)
    assert finding.start == 0 and "第2行" in finding.message


TRAPS = [
    "划线价为商品近30日最低成交价。",
    "原价159元（本店近7日最低成交价），今日直播价119元。",
    "厂商建议零售价399元（非本店成交价），直播价199元。",
    "吊牌价1599，收到货大家可以看吊牌。",
    "领券后到手价89元（券面10元，需在直播间领取，每人限领1张）。",
    "前100名下单加送同款30ml精油1瓶，以付款时间为准，后台按订单顺序统计。",
    "买一送一：赠同款50ml旅行装1支，限今晚20:00至22:00下单。",
    "试用装0元领，需支付运费8元，每个账号限领1份。",
    "拍两件免费送一提湿巾。",
    "下单就送运费险，免费送运费险。",
    "抽3人送价值299元的吹风机，21:00在评论区公布中奖名单。",
    "本场奖品总价值10万元，一等奖价值2999元。",
    "每人最多限购2件；最高立减20元（满199减20，以活动页规则为准）。",
    "所有商品支持7天无理由退货，赠送运费险，30天价格保护。",
    "不敢说是全网最低价，但一定是我们家今年力度最大的一次。",
    "有家人问是不是全网最低，我们不这么说。",
    "注意：不要说“全网最低”，统一说“直播间专享价”。",
    "今天全场最低9.9元起。",
    "我们是源头工厂直发，运输成本也降低了。",
    "我们不是亏本卖，是厂家给直播间的活动补贴。",
    "到底价格多少？我们马上说。",
    "近7天最低价129元，今天99元。",
    "今天北京最低气温零下5度。",
    "我们店里卖3个颜色，以前要2个小时才能发完货。",
    "明天恢复原价，按原价退款。",
    "我们买一送一的活动已经结束了。",
    "今天买三送一，拍三瓶发四瓶，到手399。",
    "本场直播价99元，第二件半价，满2件包邮。",
    "新客首单立减5元，每人最多限购3件。",
    "厂家指导价399元，今天199元。",
    "市面上没有比它更薄的吗？有的，但价格贵很多。",
    "0元试睡30天，不满意可退，需先付款。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps_give_no_price_finding(text):
    assert _price(text) == []


def test_suggested_retail_price_is_advisory():
    (finding,) = _price("建议零售价399元，今天199元。")
    assert (finding.text, str(finding.severity)) == ("建议零售价399元", "low")


def test_one_definition_explains_every_use_of_its_word():
    text = "本场比较价均为本店近30日最低成交价。\n原价299元，平时卖259元，今天199元。"
    assert _price(text) == []
    text = "划线价为商品近30日最低成交价。\n原价299元，今天199元。"  # defines 划线价, not 原价
    assert _triples(_price(text)) == [("原价299元", "PRICE-REF-001", "medium")]


def test_an_amount_stated_once_with_its_basis_is_backed_everywhere():
    text = "原价159元（本店11月1日至11月30日最低成交价）。\n过了时间恢复原价159元。\n原价199元的那款不参加。"
    assert _triples(_price(text)) == [("原价199元", "PRICE-REF-001", "medium")]


# ---------------------------------------------------------------- tables

def test_reference_price_column_in_xlsx(tmp_path):
    path = make_xlsx(tmp_path / "card.xlsx", {"手卡": [
        ["品名", "原价", "直播价", "机制"],
        ["电煮锅", 199, "到手价79元", "下单送蒸笼1个"],
        ["破壁机", 899, 399, "需领取100元品类券，再用满300减50"],
        ["空气炸锅", "—", 299, ""],
    ]})
    report = check([path], products=[ProductCategory.GENERAL])
    found = [(f.text, f.rule, f.location) for f in report.findings if f.category == PRICE]
    assert found == [("199", "PRICE-REF-002", "工作表「手卡」第2行「原价」列"),
                     ("899", "PRICE-REF-002", "工作表「手卡」第3行「原价」列")]


def test_reference_column_with_basis_in_header_or_note(tmp_path):
    path = make_docx(tmp_path / "card.docx", [
        "直播间设置：左上角常驻“未成年人需监护人陪同观看”。",
        [["品名", "划线价（近30日最低成交价）", "直播价"], ["保温杯", "159", "119"]],
        [["品名", "日常价", "直播价"], ["收纳箱", "89", "69"]],
        "日常价为本店近7日最低成交价。",
    ])
    assert [f for f in check([path]).findings if f.category == PRICE] == []


def test_conditions_in_the_same_row_are_next_to_the_price(tmp_path):
    path = make_table_pdf(tmp_path / "card.pdf", ["手卡"], [
        ["品名", "到手价", "话术", "机制"],
        ["抽纸24包", "到手价39.9", "拍两件免费送一提湿巾", "需拍2件"],
        ["厨房湿巾", "到手价9.9", "今天免费送，家人们点点关注", "无"],
        ["洗衣液", "到手价49.9", "好洗不伤手", "无"],
    ], ["注：洗衣液到手价49.9需叠加平台满200减30及店铺10元券，仅限新客。"])
    found = sorted((f.text, f.rule) for f in check([path]).findings if f.category == PRICE)
    assert found == sorted([("到手价49.9", "PRICE-COND-001"), ("免费送", "PRICE-COND-003")])


def test_pasted_text_table_columns():
    text = "品名 | 原价 | 直播价\n电煮锅 | 199 | 79\n破壁机 | — | 399\n\n说明：以上为直播价。"
    cells = text_table_cells(text)
    assert [(text[c.start:c.end], c.row, c.column) for c in cells if c.column == "原价"] == [
        ("原价", "文本表格@0 第1行", "原价"), ("199", "文本表格@0 第2行", "原价"), ("—", "文本表格@0 第3行", "原价")]
    assert _triples(_price(text)) == [("199", "PRICE-REF-002", "medium")]


def test_text_table_needs_two_aligned_lines():
    assert text_table_cells("A | B\n单独一行没有分隔符") == []
    assert text_table_cells("A | B | C\nx | y") == []


def test_layout_context_is_row_or_line(tmp_path):
    path = make_xlsx(tmp_path / "c.xlsx", {"S": [["品名", "话术", "机制"], ["锅", "前50名半价", "以付款时间为准"]]})
    from review.ingest import load_document

    doc = load_document(str(path))
    lay = Layout(doc)
    start = doc.text.index("前50名")
    assert lay.context(start, start + 3) == "锅 | 前50名半价 | 以付款时间为准"
    assert {c.column for c in table_cells(doc)} == {"品名", "话术", "机制"}
    plain = _text_document("t", "第一行\n第二行里有前50名\n第三行", DocKind.SCRIPT)
    start = plain.text.index("前50名")
    assert Layout(plain).context(start, start + 3) == "第二行里有前50名"


# ---------------------------------------------------------------- helpers

@pytest.mark.parametrize(("text", "value"), [
    ("十", 10), ("十二", 12), ("二十", 20), ("三千五百", 3500), ("十万", 100000), ("一百二十万", 1200000),
    ("两万", 20000), ("九", 9), ("abc", None), ("", None),
])
def test_cn_number(text, value):
    assert cn_number(text) == value


@pytest.mark.parametrize(("number", "unit", "value"), [
    ("12", "万", 120000), ("6.8", "万", 68000), ("80,000", "", 80000), ("十", "万", 100000), ("x", "", None),
])
def test_amount_value(number, unit, value):
    assert amount_value(number, unit) == value


def test_prizes_values_totals_and_items():
    doc = _text_document("t", "抽奖：一等奖价值6.8万元。\n奖品总价值12万元。\n抽奖送一辆汽车。\n门店展车价值10万元。",
                         DocKind.SCRIPT)
    found = [(doc.text[p.start:p.end], p.value, p.total) for p in prizes(doc, Layout(doc))]
    assert found == [("价值6.8万元", 68000.0, False), ("总价值12万元", 120000.0, True), ("汽车", None, False)]


def test_reference_basis_collects_definitions_and_amounts():
    doc = _text_document("t", "划线价为商品近30日最低成交价。\n原价159元（本店近7日最低成交价）。\n市场价299。",
                         DocKind.SCRIPT)
    basis = reference_basis(doc, Layout(doc))
    assert basis.families == {"划线价"} and basis.amounts == {"159"}
    assert basis.explains("划线价") and not basis.explains("市场价")


def test_hidden_conditions_pairs():
    doc = _text_document("t", "到手价59！\n领券后到手价59。\n到手价99。", DocKind.SCRIPT)
    bundle = Bundle([doc], frozenset({ProductCategory.GENERAL}), __import__("datetime").date(2026, 12, 1))
    pairs = [(doc.text[a.start():a.end()], doc.text[b.start():b.end()]) for a, b in hidden_conditions(bundle, doc)]
    assert pairs == [("到手价59", "到手价59")]
    assert next(hidden_conditions(bundle, doc))[1].start() == doc.text.index("到手价59", 3)


def test_bad_content_never_crashes():
    for text in ["", "原价", "价值万元抽奖", "前名半价", "品名 | 原价\n|", "到手价\n到手价", "买一送一" * 500,
                 "抽奖价值" + "9" * 400 + "万元", "原价" + "9" * 5000]:
        check_text(text)


CORPUS = Path(__file__).resolve().parent / "corpus"


def test_corpus_documents_regenerate_identically(tmp_path):
    """tools/corpus/fc_pr.py reproduces the committed fc_/pr_ binaries' extracted text."""
    import importlib.util

    from review.ingest import load_document

    spec = importlib.util.spec_from_file_location("fc_pr", CORPUS.parent.parent / "tools" / "corpus" / "fc_pr.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, data in module.all_documents().items():
        fresh = tmp_path / name
        fresh.write_bytes(data)
        assert load_document(str(fresh)).text == load_document(str(CORPUS / name)).text, name
