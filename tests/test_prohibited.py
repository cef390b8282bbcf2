"""Category prohibited (checklists/prohibited.yaml): hits in new wordings, traps that stay clean, severities
and the documented decisions (channel-exclusive 专供, 国家标准, 国家级 left to absolute_claim, compliance notes).
Every false positive fixed while probing is a row of TRAPS.
"""

from __future__ import annotations

import datetime as dt

import pytest

from review.engine import check_text
from review.model import Category, Severity

DATE = dt.date(2026, 12, 20)


def pb_findings(text: str):
    return [f for f in check_text(text, broadcast_date=DATE) if f.category == Category.PROHIBITED]


def counted(text: str):
    """High and medium findings (low is advisory)."""
    return [f for f in pb_findings(text) if f.severity != Severity.LOW]


HITS = [
    ("直播间背景挂了国旗，氛围感拉满", "PB-SYM-001", "国旗"),
    ("党徽元素的胸针，七一必备", "PB-SYM-001", "党徽"),
    ("主播穿一身军装来带货", "PB-SYM-002", "军装"),
    ("市场监督管理局推荐的放心品牌", "PB-ORG-001", "市场监督管理局推荐"),
    ("解放军都在喝的水", "PB-ORG-001", "解放军都在喝"),
    ("部长也在用的钢笔", "PB-ORG-002", "部长也在用"),
    ("我们县长去年还亲自来合作社尝过，直夸好吃", "PB-ORG-002", "县长去年还亲自来合作社尝过"),  # blind-corpus miss
    ("中南海专供大米", "PB-ORG-001", "中南海专供"),
    ("机关内供酒", "PB-SUP-001", "内供"),
    ("这道菜是国宴菜，招待过外国元首", "PB-SUP-001", "国宴"),
    ("专供酒，市面上买不到", "PB-SUP-002", "专供"),
    ("洪灾过后，净水器限时特价", "PB-DIS-001", "洪灾过后，净水器限时"),
    ("疫情又来了，赶紧囤货", "PB-DIS-001", "疫情又来了，赶紧囤"),
    ("默哀完了我们继续秒杀", "PB-DIS-002", "默哀完了我们继续秒杀"),
    ("上海人就是小气", "PB-DISC-001", "上海人就是小气"),
    ("农村人没素质，不配用这么好的东西", "PB-DISC-001", "农村人没素质"),
    ("操作太简单了，弱智都会", "PB-DISC-002", "弱智"),
    ("这件内衣穿上就是巨乳", "PB-VUL-001", "巨乳"),
    ("他妈的，这价格太香了", "PB-VUL-002", "他妈的"),
    ("徒手接菜刀给大家看看刀快不快", "PB-DANGER-001", "徒手接菜刀"),
    ("喝二两壮胆，表白成功", "PB-ALC-001", "喝二两壮胆"),
    ("大胃王来挑战十斤牛肉", "PB-WASTE-001", "大胃王"),
    ("雪茄一盒，古巴原装", "PB-GOODS-TOB", "雪茄"),
    ("自卫用的电击棒，女生必备", "PB-GOODS-WPN", "电击棒"),
    ("犀牛角杯，收藏级", "PB-GOODS-WILD", "犀牛角"),
    ("双色球合买群", "PB-GOODS-GAMB", "双色球合买"),
    ("代孕机构合作", "PB-GOODS-SURR", "代孕"),
    ("笑气气球，派对必备", "PB-GOODS-DRUG", "笑气"),
]

TRAPS = [
    "国庆节快乐，今天全场包邮",
    "这件是军绿色的，工装风",
    "军装风外套，今年很流行",
    "依据国家标准GB/T 19001生产",
    "已在国家药监局备案，备案号见详情页",
    "已获国家知识产权局授权的发明专利",
    "国家级非物质文化遗产代表性项目，传承人亲手制作",  # absolute_claim's business, not prohibited
    "政府补贴可以叠加使用",
    "中央空调也能装",
    "公司领导也很重视这个品",
    "送领导、送长辈都体面",
    "我们董事会主席也在用",
    "市长热线可以投诉",
    "特级初榨橄榄油",
    "电商专供，门店没有",
    "这条裙子是电商专供款",
    "本品专供婴幼儿食用",
    "国内供应链，发货快",
    "全国宴会场所都能用",
    "特需门诊的医生也说要多喝水",
    "地震科普：遇到地震要躲到承重墙边",
    "防震等级8级的建筑",
    "地震应急包今天福利价89元",
    "疫情期间我们也正常发货",
    "台风天快递可能会晚两天，大家见谅",
    "哀悼日当天直播暂停",
    "北方人过年爱吃饺子，南方人爱吃汤圆",
    "四川人爱吃辣，可以选特辣款",
    "南方人别买加厚款，用不上",
    "女人就是要对自己好一点",
    "胖胖的姐妹也能穿，尺码到4XL",
    "聋哑人士可以用闪光提醒功能",
    "穿着不合适别吃哑巴亏",
    "神经病学专家建议保证睡眠",
    "傻瓜式操作，一键启动",
    "我妈的生日快到了",
    "尼玛次仁是我们的合作牧民",
    "领口内侧有防走光按扣",
    "除湿机能显示露点温度",
    "拉链不吞布，顺滑",
    "吞咽困难的老人可以打成糊",
    "跳楼价甩卖，最后一天",
    "自杀式降价",
    "拒绝酒驾，平安回家",
    "酒驾一时爽，家人两行泪",
    "开车的时候停好车再喝哈",
    "喝杯花茶解解压",
    "酒精度53%vol，500ml，酱香型",
    "油烟机吸力大，厨房不呛",
    "烟熏三文鱼，切片即食",
    "象牙白的瓷砖，显得屋子亮",
    "玳瑁眼镜框，复古感",
    "海龟汤游戏卡牌",
    "红珊瑚色口红",
    "人工麝香配方",
    "手枪钻带两块电池",
    "下单送刮刮卡，刮开有优惠券",
    "大麻哈鱼，也叫鲑鱼",
    "火麻仁油，凉拌菜很香",
    "合规提醒：不要使用国旗图案，也不要穿军装、警服出镜",
    "主播不要说“国宴同款”“特供”",
    "电子烟不能在直播间卖",
    "按照《中华人民共和国国歌法》，直播间不得播放",
]


@pytest.mark.parametrize(("text", "rule", "quote"), HITS)
def test_prohibited_hits(text, rule, quote):
    found = {(f.rule, f.text) for f in counted(text)}
    assert (rule, quote) in found, found


@pytest.mark.parametrize("text", TRAPS)
def test_traps_stay_clean(text):
    assert counted(text) == [], [(f.rule, f.text) for f in counted(text)]


def test_question_is_not_a_denial():
    # 要不要 / 能不能 look like 不要 / 不能 but ask a question
    assert [f.rule for f in counted("要不要我脱给你们看？")] == ["PB-VUL-001"]
    assert [f.rule for f in counted("能不能放一遍国歌热热场")] == ["PB-SYM-001"]


def test_channel_edition_of_tegong_is_only_a_hint():
    found = pb_findings("这是我们家的特供款，只在直播间有")
    assert [(f.rule, f.severity) for f in found] == [("PB-SUP-001", Severity.LOW)]
    assert pb_findings("这款是电商专供款") == []


def test_severities_follow_the_header():
    high = {"PB-SYM-001", "PB-ORG-001", "PB-ORG-002", "PB-SUP-001", "PB-DIS-001", "PB-DIS-002", "PB-DISC-001",
            "PB-VUL-001", "PB-DANGER-001", "PB-ALC-001", "PB-GOODS-TOB", "PB-GOODS-WPN", "PB-GOODS-WILD",
            "PB-GOODS-GAMB", "PB-GOODS-SURR", "PB-GOODS-DRUG"}
    for text, rule, _quote in HITS:
        severities = {f.severity for f in counted(text) if f.rule == rule}
        assert severities == ({Severity.HIGH} if rule in high else {Severity.MEDIUM}), rule


def test_state_organ_line_is_both_absolute_and_prohibited():
    categories = {f.category for f in check_text("人民大会堂特供，政府机关都在用", broadcast_date=DATE)}
    assert {Category.PROHIBITED, Category.ABSOLUTE_CLAIM} <= categories


def test_disaster_and_promotion_need_one_sentence():
    assert counted("前两天地震了。今天的福利价是89元") == []
    assert [f.rule for f in counted("前两天地震了，今天福利价89元")] == ["PB-DIS-001"]
