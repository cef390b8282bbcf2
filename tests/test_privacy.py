"""Privacy: ID, mobile and bank card numbers and home addresses of people; masked and shop numbers are fine."""

from __future__ import annotations

import datetime as dt

import pytest

from review.engine import check, check_text
from tests.fixtures_docs import make_docx, make_xlsx

ON = dt.date(2026, 12, 18)


def privacy(text: str) -> list[tuple[str, str, str]]:
    """(quote, rule, severity) of the privacy findings of a text checked as a script."""
    found = [f for f in check_text(text, broadcast_date=ON) if f.category == "privacy"]
    for f in found:
        assert text[f.start:f.end] == f.text
    return [(f.text, f.rule, str(f.severity)) for f in found]


HITS = [
    ("还有一位中奖的是张伟，身份证号330106198803154510，要核对一下实名。", "330106198803154510", "PRIV-ID-001", "high"),
    ("张伟 11010519491231002X 已登记", "11010519491231002X", "PRIV-ID-001", "high"),
    ("证件号：110105 1949 1231 002X", "110105 1949 1231 002X", "PRIV-ID-001", "high"),
    ("身份证号：110105195001010014，请核对。", "110105195001010014", "PRIV-ID-001", "medium"),  # check fails
    ("身份证号码110105491231002（旧证）", "110105491231002", "PRIV-ID-001", "high"),
    ("中奖的是王丽娟，电话138 1234 5678，我们会尽快联系你。", "138 1234 5678", "PRIV-PHONE-001", "medium"),
    ("另外一位中奖的朋友手机号139-8765-4321，请联系店铺客服领奖。", "139-8765-4321", "PRIV-PHONE-001", "medium"),
    ("刘阿姨留的电话是+86 186 0012 3456。", "+86 186 0012 3456", "PRIV-PHONE-001", "medium"),
    ("有问题加我微信１３８１２３４５６７８", "１３８１２３４５６７８", "PRIV-PHONE-001", "medium"),
    ("我们客服会联系你，电话13812345678。", "13812345678", "PRIV-PHONE-001", "medium"),
    ("退款打到她的建设银行卡，卡号6217 0012 3456 7890 122。", "6217 0012 3456 7890 122", "PRIV-BANK-001", "high"),
    ("收款信息：6225880123456783", "6225880123456783", "PRIV-BANK-001", "high"),
    ("她报的储蓄卡6225 8801 2345 6784", "6225 8801 2345 6784", "PRIV-BANK-001", "medium"),   # Luhn fails
    ("退款打到她的工商银行卡上，卡号是6222 0202 0000 1234 567。", "6222 0202 0000 1234 567", "PRIV-BANK-001", "medium"),
    ("她的收货地址是浙江省杭州市西湖区文三路100号3幢2单元501室，王姐你看一下地址对不对。",
     "浙江省杭州市西湖区文三路100号3幢2单元501室", "PRIV-ADDR-001", "medium"),
    ("刘阿姨家住上海市浦东新区张杨路500号12号楼1203室。", "上海市浦东新区张杨路500号12号楼1203室",
     "PRIV-ADDR-001", "medium"),
    ("张三家住在北京市朝阳区建国路88号。", "北京市朝阳区建国路88号", "PRIV-ADDR-001", "medium"),
    ("收件人：李明，江苏省南京市鼓楼区中山北路88号2栋1单元302室", "江苏省南京市鼓楼区中山北路88号2栋1单元302室",
     "PRIV-ADDR-001", "medium"),
    ("这位姐妹的地址：成都市武侯区玉林小区5栋2单元301室", "成都市武侯区玉林小区5栋2单元301室",
     "PRIV-ADDR-001", "medium"),
]


@pytest.mark.parametrize(("text", "quote", "rule", "severity"), HITS, ids=[h[1] for h in HITS])
def test_personal_information_is_quoted_exactly(text, quote, rule, severity):
    assert (quote, rule, severity) in privacy(text)


TRAPS = [
    "上周中奖的宝妈王*（138****1234）已经收到货了。",
    "中奖名单：李**（139****1234）、张*明（150****8888）。",
    "以后中奖的家人我们只念手机尾号，比如尾号5678。",
    "售后问题拨打客服热线400-800-1234，或者联系店铺客服电话13600001111。",
    "售后请找客服，客服电话13588886666（官方售后专线）。",
    "联系电话：13588886666（店铺客服）",
    "售后专线0571-88886666，工作日9点到18点。",
    "发货后订单号会短信通知，比如202612181234567890，查物流用得上。",
    "订单编号是19位数字，例如4200001234567890120，售后时报给客服就行。",
    "订单号110105199007020033已经发货。",
    "快递单号13812345678901，可以在官网查询。",
    "物流单号是SF开头的，比如SF1234567890123。",
    "商品条码6901234567892，包装箱侧面能看到。",
    "SN码6225880123456783，请保留包装。",
    "我们的统一社会信用代码是91350200776049653A。",
    "实名领奖只需要报身份证后四位，比如后四位是002X的。",
    "身份证号：110105********0020（已脱敏）",
    "退款卡号6222 **** **** 1234，已处理。",
    "会员卡号1234567890123456，积分可以抵现。",
    "会员卡号4000000000000002，积分可以抵现。",
    "礼品卡兑换码6225880123456783，下单时填写。",
    "直播时间2026-12-18 13:45，库存13800件。",
    "退货地址是陕西省延安市宝塔区果园路18号田园果蔬仓库，退货前请先联系客服。",
    "收货地址我们只核对到城市，比如“北京市朝阳区****”，具体门牌号不在直播间念。",
    "发货地是陕西省延安市，快递默认顺丰。",
    "下单的时候收货地址填老家的地址就行。",
    "公司地址：杭州市西湖区文三路100号。",
    "店家地址：杭州市西湖区文三路100号3幢。",
    "我家住在杭州西湖边，离店里不远。",
    "地址：杭州市西湖区文三路100号（线下体验店）",
    "张三家住北京市朝阳区XX路88号。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_masked_shop_and_order_numbers_are_fine(text):
    assert [p for p in privacy(text) if p[2] != "low"] == []


def test_tables(tmp_path):
    card = make_xlsx(tmp_path / "手卡.xlsx", {
        "中奖名单": [["序号", "昵称", "姓名", "手机号", "收货地址"],
                 [1, "小鹿妈妈", "王*娟", "138****5678", "浙江省杭州市****"],
                 [2, "大橘子", "李明", "13912345678", "江苏省南京市鼓楼区中山北路88号2栋1单元302室"]],
        "退款登记": [["姓名", "开户行", "银行卡号"], ["李明", "招商银行", "6225 8801 2345 6783"]],
        "店铺信息": [["项目", "内容"], ["客服热线", "400-666-8888"], ["售后手机", "13700001234"],
                 ["退货地址", "浙江省杭州市余杭区仓前街道良睦路999号3号仓库"]],
    })
    report = check([card], broadcast_date=ON)
    found = sorted((f.text, f.rule, f.location) for f in report.findings if f.category == "privacy")
    assert found == [
        ("13912345678", "PRIV-PHONE-001", "工作表「中奖名单」第3行「手机号」列"),
        ("6225 8801 2345 6783", "PRIV-BANK-001", "工作表「退款登记」第2行「银行卡号」列"),
        ("江苏省南京市鼓楼区中山北路88号2栋1单元302室", "PRIV-ADDR-001", "工作表「中奖名单」第3行「收货地址」列"),
    ]


def test_key_value_address_and_id(tmp_path):
    rows = [["项目", "内容"], ["收件人", "王丽娟"], ["住址", "杭州市西湖区文三路100号3幢2单元501室"],
            ["身份证号", "330106198803154510"], ["门店地址", "杭州市西湖区文三路200号"]]
    path = make_docx(tmp_path / "手卡.docx", ["手卡", rows])
    report = check([path], broadcast_date=ON)
    found = sorted((f.text, str(f.severity)) for f in report.findings if f.category == "privacy")
    assert found == [("330106198803154510", "high"), ("杭州市西湖区文三路100号3幢2单元501室", "medium")]


def test_messages_never_repeat_the_full_number():
    found = [f for f in check_text("身份证号330106198803154510，银行卡6225880123456783，电话13912345678",
                                   broadcast_date=ON) if f.category == "privacy"]
    assert len(found) == 3
    for f in found:
        assert f.text not in f.message
        assert f.clause.startswith("T/ZADT 0013—2025 8.2.3.6.2") and "个人信息保护法" in f.law


def test_evidence_documents_are_not_scanned(tmp_path):
    licence = make_docx(tmp_path / "营业执照.docx", ["营业执照", "统一社会信用代码 91350200776049653A",
                                                 "法定代表人 张伟 联系电话13912345678"])
    report = check([licence], broadcast_date=ON)
    assert report.documents[0].kind == "licence"
    assert [f for f in report.findings if f.category == "privacy"] == []
