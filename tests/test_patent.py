"""Patent numbers and claims: parsing, check digits, term, type, applications, and one finding per claim."""

from __future__ import annotations

import datetime as dt

import pytest

from review.checks.patent import (
    find_candidates,
    find_patent_numbers,
    parse_patent_number,
    patent_term_status,
    stated_type,
)
from review.engine import check_text, check_uploads

DAY = dt.date(2026, 12, 5)

VALID = ["ZL201510958772.0", "ZL201811564288.X", "ZL 2016 2 0161392.4", "ZL 2020 3 0469320.8", "2016300227706",
         "ZL99113861.9", "ZL２０１５１０９５８７７２．０", "CN201510958772.0", "ZL 2020 2 1234567.2", "zl202120567890x"]


def patent_findings(text: str, day: dt.date = DAY, counted_only: bool = True):
    found = [f for f in check_text(text, broadcast_date=day) if f.category == "patent"]
    return [f for f in found if f.severity != "low"] if counted_only else found


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers_verify(number):
    parsed = parse_patent_number(number)
    assert parsed is not None and parsed.check_ok


@pytest.mark.parametrize(("number", "expected"), [("ZL202310123456.7", "6"), ("ZL99113861.8", "9"),
                                                  ("ZL 2020 2 1234567.X", "2")])
def test_wrong_check_digit(number, expected):
    parsed = parse_patent_number(number)
    assert parsed is not None and not parsed.check_ok and parsed.expected == expected


def test_malformed_and_kinds():
    assert parse_patent_number("ZL20101061327.6") is None
    assert parse_patent_number("ZL2023101234567890") is None
    assert parse_patent_number("ZL 2016 2 0161392.4").kind == "实用新型"
    assert parse_patent_number("ZL201510958772.0").kind == "发明"
    assert parse_patent_number("2016300227706").kind == "外观设计"
    assert parse_patent_number("ZL99113861.9").year == 1999
    assert parse_patent_number("ZL01254321.7").year == 2001


@pytest.mark.parametrize(("number", "status"), [
    ("ZL201520709182.X", "expired"),     # utility model filed 2015: 10 years
    ("ZL 2016 2 0161392.4", "check"),    # utility model filed 2016: may end during 2026
    ("ZL202010566088.9", "in_term"),     # invention filed 2020: 20 years
    ("ZL99113861.9", "expired"),         # every pre-2003 number has expired
    ("ZL 2012 3 0123456.9", "expired"),  # design filed before 2021-06-01: 10 years
    ("ZL 2021 3 0543210.6", "in_term"),  # design filed 2021: 10 or 15 years
    ("ZL 2022 3 0246810.0", "in_term"),
])
def test_term_status_on_the_broadcast_date(number, status):
    assert patent_term_status(parse_patent_number(number), dt.date(2026, 12, 1)) == status


def test_design_filed_in_2021_is_only_checked_after_ten_years():
    number = parse_patent_number("ZL 2021 3 0543210.6")
    assert patent_term_status(number, dt.date(2031, 6, 1)) == "check"
    assert patent_term_status(number, dt.date(2037, 1, 1)) == "expired"


def test_finding_numbers_in_text_ignores_barcodes_and_publications():
    text = "实用新型专利ZL 2016 2 0161392.4；专利号：ZL20101061327.6；条码6901234567892；公开号CN 1234567 A"
    assert [text[s:e] for s, e in find_patent_numbers(text)] == ["ZL 2016 2 0161392.4", "ZL20101061327.6"]


@pytest.mark.parametrize(("text", "number"), [
    ("专利号：ZL 2020 2 1234567.2（实用新型）", "ZL 2020 2 1234567.2"),
    ("实用新型专利ＺＬ２０２０　２　１２３４５６７．２", "ＺＬ２０２０　２　１２３４５６７．２"),
    ("实用新型专利 202021234567.2", "202021234567.2"),
    ("外观设计专利 2016300227706 已授权", "2016300227706"),
    ("专利号2020212345672", "2020212345672"),
    ("发明专利CN201510958772.0", "CN201510958772.0"),
    ("实用新型专利 ZL 98 2 12345.0", "ZL 98 2 12345.0"),
    ("发明专利申请号：202410654321.7", "202410654321.7"),
    ("杯盖ZL201620161392·4", "ZL201620161392·4"),
])
def test_every_common_writing_is_found(text, number):
    assert [text[s:e] for s, e in find_patent_numbers(text)] == [number]


@pytest.mark.parametrize("text", [
    "订单号202410123456789，请保存好",
    "客服热线400-820-1234，手机138****1234",
    "批准文号国食健注G20210123，商品条码6901234567892",
    "型号ZL20231015，颜色白",
    "商标申请号 12345678，已受理",
    "公开号CN 112345678 A",
    "物流单号CN202412050001，已发货",
    "日期2026.12.05，时间20:00",
])
def test_numbers_that_are_not_patents_are_not_found(text):
    assert find_patent_numbers(text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("发明专利ZL201510958772.0", "发明"),
    ("专利号：ZL 2020 2 1234567.2（实用新型）", "实用新型"),
    ("ZL 2020 2 1234567.2 实用新型专利，专利权人：某公司", "实用新型"),
    ("外观专利 ZL 2020 3 0469320.8", "外观设计"),
    ("杯子的外观设计很简约，专利号ZL 2020 2 1234567.2", None),
    ("我们老板发明的，专利号ZL 2020 2 1234567.2", None),
])
def test_stated_type_next_to_the_number(text, kind):
    cands = find_candidates(text)
    assert stated_type(text, cands[0]) == kind


def test_type_carries_over_a_list_and_not_across_a_connector():
    text = ("实用新型专利两项：ZL 2016 2 0161392.4、ZL 2020 2 1234567.2；"
            "发明专利ZL201510958772.0和外观专利ZL 2020 3 0469320.8")
    cands = find_candidates(text)
    kinds = [stated_type(text, c, cands[i - 1] if i else None) for i, c in enumerate(cands)]
    assert kinds == ["实用新型", "实用新型", "发明", "外观设计"]


def test_one_claim_with_two_problems_gives_one_precise_finding():
    found = patent_findings("拖把的发明专利ZL201520709182.X，老人也能轻松用。")
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.severity, f.text) == ("PAT-TYPE-001", "high", "ZL201520709182.X")
    assert "类型位 2 表示实用新型" in f.message and "已经届满" in f.message


def test_a_repeated_number_is_reported_once_per_document():
    text = "专利号ZL202310123456.7（发明）。\n再说一遍，专利号ZL202310123456.7（发明），大家记一下。"
    found = patent_findings(text)
    assert len(found) == 1 and found[0].rule == "PAT-NUM-001" and "出现 2 次" in found[0].message


@pytest.mark.parametrize(("text", "rule", "severity"), [
    ("杯盖专利号ZL202310123456.7（发明）", "PAT-NUM-001", "high"),
    ("我们的结构专利号：ZL20101061327.6", "PAT-NUM-001", "high"),
    ("实用新型专利 ZL 2031 2 0123456.7", "PAT-NUM-001", "high"),
    ("已申请专利，专利号202410654321.7", "PAT-MARK-002", "high"),
    ("结构ZL202410654321.7（专利申请中）", "PAT-MARK-002", "high"),
    ("发明专利 ZL202610123456.X，刚拿到证书", "PAT-MARK-002", "medium"),
    ("外观设计专利 ZL 2012 3 0123456.9", "PAT-TERM-001", "high"),
    ("实用新型专利 ZL 2016 2 0161392.4", "PAT-TERM-001", "medium"),
    ("外观设计专利 ZL 2020 3 0469320.8，专利技术锁水", "PAT-MARK-004", "medium"),
    ("专利号ZL202010566088.9，材质安全", "PAT-MARK-001", "medium"),
    ("这是国家专利产品，放心买", "PAT-MARK-001", "medium"),
    ("已申请专利，质量放心", "PAT-MARK-003", "medium"),
])
def test_each_problem_is_reported_by_its_rule(text, rule, severity):
    found = patent_findings(text)
    assert [(f.rule, f.severity) for f in found] == [(rule, severity)], [f.message for f in found]


def test_claims_in_words_give_one_finding_per_document_naming_the_count():
    text = "首先看杯盖，这是我们的专利技术。\n这可是国家专利产品，买杯子就要买有专利的。"
    found = patent_findings(text)
    assert len(found) == 1
    assert found[0].text == "专利技术" and "共 3 处" in found[0].message


def test_application_sold_as_patent_product_in_words():
    found = patent_findings("我们去年就申请了专利，所以这款牙刷是专利产品。")
    assert [(f.rule, f.severity, f.text) for f in found] == [("PAT-MARK-002", "high", "专利产品")]
    assert "申请了专利" in found[0].message


def test_honest_application_is_advisory_only():
    text = "椅面卡扣提交了发明专利申请，申请号202410654321.7，目前是专利申请，尚未授权，不作卖点。"
    assert patent_findings(text) == []
    low = patent_findings(text, counted_only=False)
    assert [(f.rule, f.severity) for f in low] == [("PAT-MARK-003", "low")]


@pytest.mark.parametrize("text", [
    "专利号：ZL 2020 2 1234567.2（实用新型），专利证书在详情页。",
    "实用新型专利 ZL 2020 2 1234567.2，这款专利产品真的好用。",
    "发明专利ZL201510958772.0和实用新型专利ZL 2020 2 1234567.2",
    "本产品不涉及专利，外观是我们自己设计的。",
    "我们不涉及别人的专利，大家可以去国家知识产权局专利局的网站查。",
    "专利法规定的内容，请咨询专利代理事务所。",
    "合规提示：没有专利号不要说“专利产品”。",
    "有朋友问袜子有没有专利？没有，本产品不涉及专利。",
    "订单号202412050001开头的，客服热线400-820-1234，批准文号国食健注G20210123。",
    "收到有问题可以申请售后，实用新型专利 ZL 2020 2 1234567.2 的卡扣不会松。",
    "卡扣的发明专利申请，申请号202410654321.7，未获授权前不作宣传。",
])
def test_traps_give_no_counted_patent_finding(text):
    assert patent_findings(text) == []


def _upload(*texts: str):
    files = [(f"doc{i}.txt", t.encode()) for i, t in enumerate(texts)]
    report, _docs = check_uploads(files, broadcast_date=DAY)
    return [f for f in report.findings if f.category == "patent" and f.severity != "low"]


def test_a_number_in_the_hand_card_supports_a_claim_in_the_script():
    script = "主播：这个杯盖是我们的专利技术，单手就能打开。"
    card = "品名：保温杯\n专利：实用新型专利 ZL 2020 2 1234567.2"
    assert _upload(script, card) == []
    assert [f.rule for f in _upload(script)] == ["PAT-MARK-001"]


def test_a_number_that_fails_its_check_supports_no_claim_in_words():
    # blind batch 3 (bl3_02): 国家专利技术 for a jacket, the only number (a tent's) has a wrong check digit
    script = "主播：面料用的是国家专利技术，永不漏水。"
    card = "专利：帐篷支架专利号ZL 2022 2 0345678.1"
    found = _upload(script, card)
    assert ("PAT-MARK-001", "doc0.txt", "国家专利技术") in [(f.rule, f.document, f.text) for f in found]
    assert "无法通过校验" in next(f.message for f in found if f.rule == "PAT-MARK-001")
    valid = _upload(script, "专利：帐篷支架实用新型专利号ZL 2022 2 0345678.3")
    assert [f for f in valid if f.document == "doc0.txt"] == []


def test_type_claimed_in_the_script_against_the_numbers_of_the_hand_card():
    found = _upload("主播：暖手宝用的是发明专利技术。", "专利：实用新型专利 ZL 2022 2 0135791.9")
    assert [(f.rule, f.severity, f.document, f.text) for f in found] == [
        ("PAT-TYPE-001", "medium", "doc0.txt", "发明专利技术")]


def test_application_in_the_hand_card_makes_the_scripts_patent_claim_false():
    found = _upload("主播：这是专利产品，放心买。", "专利：发明专利申请，申请号202410654321.7（尚未授权）")
    assert [(f.rule, f.severity, f.text) for f in found] == [("PAT-MARK-002", "high", "专利产品")]
    assert "doc1.txt" in found[0].message


def test_term_follows_the_broadcast_date():
    text = "发明专利 ZL201510958772.0"
    assert patent_findings(text, dt.date(2034, 6, 1)) == []
    assert [f.severity for f in patent_findings(text, dt.date(2035, 6, 1))] == ["medium"]
    assert [f.severity for f in patent_findings(text, dt.date(2036, 1, 1))] == ["high"]


@pytest.mark.parametrize("text", ["", "专利", "ZL", "专利号：", "专利号：" + "9" * 400, "ZL" + "1 " * 300,
                                  "专利\x00号ZL2020\ufffd2", "发明专利" * 500])
def test_bad_input_never_raises(text):
    patent_findings(text, counted_only=False)


def test_type_and_number_in_separate_columns_of_a_hand_card(tmp_path):
    from review.engine import check
    from tests.fixtures_docs import make_xlsx

    path = make_xlsx(tmp_path / "手卡.xlsx", {"手卡": [
        ["品名", "专利类型", "专利号", "直播价"],
        ["折叠椅", "实用新型", "ZL 2020 2 1234567.2", 139],
        ["手机支架", "发明", "ZL 2020 2 1234567.2", 79],
        ["砧板", None, "ZL202010345678.9", 89],
    ]})
    found = [f for f in check([path], broadcast_date=DAY).findings if f.category == "patent"]
    assert [(f.rule, f.severity, f.location) for f in found] == [
        ("PAT-TYPE-001", "high", "工作表「手卡」第3行「专利号」列"),
        ("PAT-MARK-001", "medium", "工作表「手卡」第4行「专利号」列")]
