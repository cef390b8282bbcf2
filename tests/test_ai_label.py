"""AI-LABEL-001: a digital, virtual or AI host needs the 数字 AI 直播 label somewhere in the submission."""

from __future__ import annotations

import datetime as dt

import pytest

from review.engine import check_text, check_uploads

DAY = dt.date(2026, 12, 5)


def ai_findings(text: str):
    return [f for f in check_text(text, broadcast_date=DAY) if f.category == "ai_label"]


@pytest.mark.parametrize("text", [
    "今天由我们的数字人小美为大家讲解这款面霜。",
    "本场采用虚拟主播，24小时不停播。",
    "开场：AI主播欢迎大家来到直播间。",
    "开场：ＡＩ主播欢迎大家。",
    "今晚由 AI 数字人小雅带大家看新品。",
    "夜间场由智能主播值守。",
    "数字主播小白今晚上岗。",
    "主播的数字分身会在下播后继续讲解。",
    "虚拟偶像星瞳今晚来带货。",
    "人工智能主持人开场。",
    "这位虚拟人主播叫小星。",
    "用形象克隆和声音克隆做夜间直播。",
])
def test_virtual_hosts_without_label_give_one_document_level_finding(text):
    found = ai_findings(text)
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.severity, f.text, f.start, f.end) == ("AI-LABEL-001", "medium", "", None, None)
    assert "触发词" in f.message and "第1行" in f.message


@pytest.mark.parametrize("label", [
    "直播间左上角常驻显示：数字 AI 直播",
    "贴片全程显示“数字AI直播”",
    "贴片：「数字 AI 直播」 标识常驻右上角",
    '直播间已标注"数字AI直播"',
    "左上角：数字ＡＩ直播",
    "左上角：数字 ai 直播",
    "左上角：数字“AI”直播",
])
def test_every_reasonable_writing_of_the_label_counts(label):
    assert ai_findings(f"今天由数字人小美讲解。\n{label}") == []


@pytest.mark.parametrize("text", [
    "我们不用数字人，都是真人主播。",
    "这不是AI主播，是我本人。",
    "现在很多直播间都用数字人，我们坚持真人出镜。",
    "有人问主播是数字人吗？不是哦，我就坐在这儿。",
    "支持数字人民币支付，用数字人民币下单立减5元。",
    "本店不卖虚拟商品，都是实物发货。",
    "我们不刷虚拟人气，不买粉。",
    "动画里的虚拟人物很可爱。",
    "公司在招数字人才。",
    "如使用数字人，须在直播间显著位置标注。",
    "主播小雨今天给大家讲解这款面霜，AI智能扫地机今晚特价。",
])
def test_look_alikes_and_denials_do_not_trigger(text):
    assert ai_findings(text) == []


def test_label_in_the_hand_card_covers_the_script():
    script = ("s.txt", "数字人小语：大家晚上好，欢迎来到直播间。".encode())
    card = ("c.txt", "直播间设置\n贴片：左上角常驻“数字 AI 直播”标识".encode())
    report, _ = check_uploads([script, card], broadcast_date=DAY)
    assert [f for f in report.findings if f.category == "ai_label"] == []
    report, _ = check_uploads([script], broadcast_date=DAY)
    assert [f.document for f in report.findings if f.category == "ai_label"] == ["s.txt"]


def test_a_denial_does_not_hide_a_real_virtual_host_elsewhere():
    text = "我们白天不用数字人，都是真人主播。\n夜间场由虚拟主播小夜值守。"
    found = ai_findings(text)
    assert len(found) == 1 and "虚拟主播" in found[0].message and "第2行" in found[0].message


def test_an_ai_generated_note_alone_is_not_the_required_label():
    found = ai_findings("虚拟主播星眠开场。\n商品图为AI生成，仅供参考。")
    assert [f.rule for f in found] == ["AI-LABEL-001"]
