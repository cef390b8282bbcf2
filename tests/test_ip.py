"""Category ip: trademark symbols, brand riding and disparagement, geographic indications, music and footage.

The code checks live in review/checks/trademark.py and review/checks/media.py; the rules in checklists/ip.yaml.
Every false positive fixed while probing is a row of TRAPS.
"""

from __future__ import annotations

import datetime as dt

import pytest

from review.checks.media import media_uses
from review.checks.trademark import BrandFinder, marks_shown_registered, read_lexicon
from review.engine import check, check_text
from review.model import Category, DocKind, Document, Segment, Severity
from review.nlp import Analysis

DATE = dt.date(2026, 12, 10)


def ip_findings(text: str):
    return [f for f in check_text(text, broadcast_date=DATE) if f.category == Category.IP]


def rules_of(text: str) -> set[str]:
    return {f.rule for f in ip_findings(text)}


# ------------------------------------------------------------------ lexicon and brand finding

def test_lexicon_reads_brand_and_gi_tags_and_skips_comments(tmp_path):
    path = tmp_path / "userdict_x.txt"
    path.write_text("# 注释 行\n兰蔻 300 nbrand\nLA MER 300 nbrand\n五常大米 500 ngi\n直播间 2000 n\n",
                    encoding="utf-8")
    lexicon = read_lexicon(path)
    assert lexicon.brands == ("兰蔻", "LA MER")
    assert lexicon.gis == ("五常大米",)


def test_project_lexicon_has_brands_and_the_reference_gi_list():
    lexicon = read_lexicon()
    assert {"海蓝之谜", "LA MER", "Nike", "茅台"} <= set(lexicon.brands)
    assert {"西湖龙井", "五常大米", "阳澄湖大闸蟹", "赣南脐橙"} <= set(lexicon.gis)
    assert not {"小米", "苹果", "美的", "三星", "联想", "中华"} & set(lexicon.brands)  # common words


@pytest.mark.parametrize(("text", "found"), [
    ("这款媲美nike的跑鞋", ["nike"]),
    ("Diorama展览和Dior不是一回事", ["Dior"]),
    ("产自茅台镇的酱香酒", []),            # 茅台 inside the place name 茅台镇
    ("堪比茅台的口感", ["茅台"]),
    ("AJ1复刻版型", ["AJ"]),
])
def test_brand_finder_boundaries(text, found):
    finder = BrandFinder(read_lexicon().brands)
    assert [text[s:e] for s, e in finder.find(text, Analysis(text))] == found


# ------------------------------------------------------------------ ® / ㊟ / （注） / 注册商标

@pytest.mark.parametrize(("text", "mark"), [
    ("本场商品：澜序®保湿面霜", "澜序"),
    ("MULAN ®精华水", "MULAN"),
    ("Lancôme®小黑瓶", "Lancôme"),
    ("踏风（注）是我们自己的牌子", "踏风"),
    ("沐岚㊟面霜", "沐岚"),
])
def test_mark_before_the_symbol(text, mark):
    doc = Document("x.txt", text, [Segment(0, len(text), "第1行")], DocKind.SCRIPT, "", "txt")
    assert [u.mark for u in marks_shown_registered(doc, Analysis(text))] == [mark]


@pytest.mark.parametrize("text", ["不要在品牌后面加®", "品牌名后面不用标®", "注：以上价格以活动页为准",
                                  "（注：赠品有限）", "®"])
def test_symbol_talked_about_is_not_a_mark(text):
    doc = Document("x.txt", text, [Segment(0, len(text), "第1行")], DocKind.SCRIPT, "", "txt")
    assert marks_shown_registered(doc, Analysis(text)) == []


def test_registration_number_in_the_hand_card_clears_the_script(tmp_path):
    script = tmp_path / "脚本.txt"
    script.write_text("直播日期：2026-12-10\n主播：今天的澜序®面霜，澜序（注）是我们自己的牌子。\n", encoding="utf-8")
    card = tmp_path / "手卡.txt"
    card.write_text("品名|澜序保湿面霜\n商标|澜序®（注册号：第12345678号，核定第3类）\n", encoding="utf-8")
    alone = [f for f in check([script]).findings if f.category == Category.IP]
    assert [(f.rule, f.text) for f in alone] == [("TM-REG-001", "澜序®")]
    assert "共2处" in alone[0].message
    together = [f for f in check([script, card]).findings if f.category == Category.IP]
    assert together == []


def test_pending_application_is_high_and_reported_once():
    found = ip_findings("行遇®通勤托特包（商标申请中，已受理）")
    assert [(f.rule, f.severity, f.text) for f in found] == [("TM-REG-002", Severity.HIGH, "行遇®")]


def test_registered_phrase_is_reported_once_and_not_next_to_a_symbol():
    assert [f.text for f in ip_findings("我们的商标是注册商标，包装上也写了注册商标")] == ["注册商标"]
    assert [f.text for f in ip_findings("沐岚®是注册商标")] == ["沐岚®"]
    assert ip_findings("本品牌已申请注册商标，正在审查中") == []
    assert ip_findings("他人注册商标未经许可不得使用") == []


# ------------------------------------------------------------------ riding, counterfeit, disparagement

HITS = [
    ("这款精华就是雅诗兰黛的平价版", "TM-RIDE-001"),
    ("效果不输海蓝之谜，价格只要十分之一", "TM-RIDE-001"),
    ("跟迪奥用的是同一家工厂", "TM-RIDE-001"),
    ("给LV代工的工厂出来的", "TM-RIDE-001"),
    ("对标戴森的吹风机", "TM-RIDE-001"),
    ("大牌平替，同样的效果", "TM-RIDE-002"),
    ("国际大牌代工厂出品", "TM-RIDE-002"),
    ("超A货，跟正品一模一样", "TM-FAKE-001"),
    ("1：1复刻经典款", "TM-FAKE-001"),
    ("外贸原单，品牌剪标", "TM-FAKE-002"),
    ("这双鞋吊打耐克", "AD-DISP-002"),
    ("星巴克的咖啡就是垃圾", "AD-DISP-002"),
    ("同行都是割韭菜的", "AD-DISP-001"),
    ("其他家的蜂蜜全是勾兑的", "AD-DISP-001"),
    ("本品牌为中国驰名商标", "TM-WELL-001"),
    # misses of the blind corpus documents ip_07 / pb_07, now regression rows
    ("音质直逼AirPods Pro，戴着也不掉", "TM-RIDE-001"),
    ("外面那些杂牌充电宝都是翻新电芯", "AD-DISP-001"),
    ("有些直播间打着助农旗号卖的都是批发市场的货", "AD-DISP-001"),
]

TRAPS = [
    "这款是苹果味的果冻，小朋友很爱吃",
    "小米粥配咸菜，早餐同款",
    "我们的工厂在茅台镇，同款酱香工艺",
    "美的不像话，这条裙子谁穿谁好看",
    "三星级酒店同款床品，60支长绒棉",
    "本店是华为授权体验店，华为Mate同款保护壳",
    "兰蔻小黑瓶正品，品牌方授权直播",
    "主播同款口红，色号是520",
    "直播间同款围巾，三种颜色",
    "我不吹也不黑，每个品牌都有自己的优点",
    "别家有的我们都有，价格还更实在",
    "给大品牌代工十年的工厂，现在做自己的牌子",
    "我们不卖高仿，只卖正品",
    "高仿真仿生花，放客厅很好看",
    "1:1比例的汽车模型，合金材质",
    "店里的尾单了，最后两件清掉",
    "原单号可以在订单详情看到",
    "市面上假货多，认准官方旗舰店",
    "主播不要说“驰名商标”",
    "翡翠A货，天然未处理",
]


@pytest.mark.parametrize(("text", "rule"), HITS)
def test_riding_counterfeit_and_disparagement_hit(text, rule):
    assert rule in rules_of(text)


@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_clean(text):
    assert ip_findings(text) == []


# ------------------------------------------------------------------ a named person's 同款

@pytest.mark.parametrize(("text", "quote"), [
    ("好几个明星都在穿这款，杨幂同款的版型", "杨幂同款"),
    ("李佳琦同款口红", "李佳琦同款"),
    ("刘德华同款，经典款", "刘德华同款"),
    # blind audit: the same claim without the word 同款
    ("好多明星都穿过，刘诗诗机场穿的就是这个版型", "刘诗诗机场穿的就是这个"),
])
def test_person_same_style_hits(text, quote):
    assert [(f.rule, f.text) for f in ip_findings(text)] == [("TM-RIDE-003", quote)]


@pytest.mark.parametrize("text", [
    "妈妈同款围巾，送长辈合适",
    "王先生同款的茶杯，老顾客都知道",
    "副播小琪同款的帽子",
    "这是我们主播阿豪同款",
    "主播：小鹿\n今天的口红是小鹿同款",
    "王一博同款卫衣\n已获王一博本人书面授权（授权书编号W-1）",
    "主播：苏苏\n苏苏穿的就是这件，身高165穿M码",
    "王阿姨穿的也是这款，说很暖和",
    "我们用的就是这款面料",
])
def test_staff_honorifics_and_consent_are_fine(text):
    assert ip_findings(text) == []


# ------------------------------------------------------------------ geographic indications

def test_gi_reported_once_per_document_with_count():
    found = ip_findings("正宗五常大米，五常大米煮饭香，五常大米今天特价")
    assert [(f.rule, f.text) for f in found] == [("TM-GI-001", "五常大米")]
    assert "3次" in found[0].message


def test_gi_authorisation_elsewhere_in_the_submission_clears_it(tmp_path):
    script = tmp_path / "脚本.txt"
    script.write_text("直播日期：2026-12-10\n主播：西湖龙井讲究色绿香郁。\n", encoding="utf-8")
    card = tmp_path / "手卡.txt"
    card.write_text("资质：已获西湖龙井茶地理标志专用标志使用授权（授权书编号XH-1）\n", encoding="utf-8")
    assert [f.rule for f in check([script]).findings if f.category == Category.IP] == ["TM-GI-001"]
    assert [f for f in check([script, card]).findings if f.category == Category.IP] == []


def test_gi_authorisation_named_near_a_geographic_indication_line():
    text = "商品：赣南脐橙 5千克\n地理标志：已获证明商标使用许可，编号GN-1"
    assert ip_findings(text) == []


def test_authorisation_of_something_else_does_not_clear_a_gi():
    assert [f.rule for f in ip_findings("西湖龙井，品牌方授权直播")] == ["TM-GI-001"]
    assert ip_findings("五常大米已获五常市大米协会授权") == []


def test_business_licence_number_is_not_a_trademark_registration(tmp_path):
    script = tmp_path / "脚本.txt"
    script.write_text("直播日期：2026-12-10\n今天的沐岚®面霜\n", encoding="utf-8")
    licence = tmp_path / "营业执照.txt"
    licence.write_text("营业执照\n名称：沐岚化妆品有限公司\n营业执照注册号：310000000012345\n", encoding="utf-8")
    assert [f.rule for f in check([script, licence]).findings if f.category == Category.IP] == ["TM-REG-001"]


def test_denied_gi_authorisation_does_not_clear():
    assert [f.rule for f in ip_findings("阳澄湖大闸蟹，未获地理标志授权也照样卖")] == ["TM-GI-001"]


def test_gi_named_only_in_an_ingredient_list_is_a_hint():
    found = ip_findings("配料：宁夏枸杞、红枣、桂圆")
    assert [(f.rule, f.severity) for f in found] == [("TM-GI-001", Severity.LOW)]
    assert ip_findings("配料：宁夏枸杞\n正宗宁夏枸杞，泡水喝")[0].severity == Severity.MEDIUM


def test_negated_gi_is_fine():
    assert ip_findings("我们是东北大米，不是五常大米") == []


# ------------------------------------------------------------------ music and footage

@pytest.mark.parametrize(("text", "kind"), [
    ("背景音乐：播放周杰伦的《晴天》《稻香》", "music"),
    ("主播给大家清唱一段《青花瓷》", "music"),
    ("放一段电影《流浪地球》的片段", "footage"),
    ("播放春晚的小品片段热热场", "footage"),
    ("BGM：热门歌曲串烧", "music"),
])
def test_media_uses_are_found_with_their_kind(text, kind):
    assert [u.kind for u in media_uses(text)] == [kind]


def test_music_words_anywhere_earlier_in_the_line_count():
    text = "背景音乐：开场用《孤勇者》伴奏，中场放《本草纲目》"
    assert [(u.kind, u.title) for u in media_uses(text)] == [("music", "孤勇者"), ("music", "本草纲目")]


@pytest.mark.parametrize("text", [
    "所有话术都按《中华人民共和国广告法》审核",
    "推荐大家读一读《活着》这本书",
    "画面右下角展示《检测报告》首页",
    "不要播放影视剧片段",
    "一家人围在一起，边看春晚边吃",
])
def test_citations_books_and_denials_are_not_media(text):
    assert media_uses(text) == []


def test_music_licence_note_in_the_hand_card_clears_music_but_not_footage(tmp_path):
    script = tmp_path / "脚本.txt"
    script.write_text("直播日期：2026-12-10\n背景音乐：周杰伦《晴天》\n场控：切一段《甄嬛传》的名场面片段\n",
                      encoding="utf-8")
    card = tmp_path / "手卡.txt"
    card.write_text("背景音乐：全部来自平台正版曲库（已获授权）\n", encoding="utf-8")
    found = [f.text for f in check([script, card]).findings if f.category == Category.IP]
    assert found == ["《甄嬛传》"]


def test_licence_in_the_same_line_and_denied_licence():
    assert ip_findings("背景音乐：品牌原创音乐《晨光》（自有版权）") == []
    assert [f.text for f in ip_findings("背景音乐：《晴天》，没有授权先用着")] == ["《晴天》"]
