"""Regression table for the absolute_claim rules (极限词), run through the full engine.

HITS: realistic script lines and exactly which absolute_claim spans they must report, with rule
and severity (low = advisory readings such as self-comparison or a scoped, sourced ranking).
TRAPS: lawful look-alikes (rules-reference §3.3 and the 2023 SAMR guide exceptions, §3.2) that
must give no absolute_claim finding at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from review.engine import check_text
from review.model import Category, Finding, Severity

RULE_FILE = Path(__file__).resolve().parent.parent / "checklists" / "absolute_claim.yaml"

HITS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("家人们，今天给到大家的是全网最低价，只有这一场！", [("全网最低价", "AD-ABS-001", "high")]),
    ("这是我用过最好的面霜，真的没有之一。", [("最好", "AD-ABS-002", "high")]),
    ("最好用的粉底液就是这一支，油皮姐妹闭眼入。", [("最好用", "AD-ABS-002", "high")]),
    ("这款精华的效果是最佳的，已经帮大家试过了。", [("最佳", "AD-ABS-002", "high")]),
    ("这个配方是同类里最强的，保湿力拉满。", [("最强", "AD-ABS-002", "high")]),
    ("采用最先进的冻干工艺，营养保留最大程度。",
     [("最先进", "AD-ABS-002", "high"), ("最大程度", "AD-ABS-002", "high")]),
    ("这是我们店最畅销的单品，也是今年最受欢迎的颜色。",
     [("最受欢迎", "AD-ABS-019", "high"), ("最畅销", "AD-ABS-019", "medium")]),
    ("今天这个价格是全年最便宜的时候，最划算最实惠！",
     [("全年最便宜", "AD-ABS-001", "high"),
      ("最划算", "AD-ABS-002", "high"),
      ("最实惠", "AD-ABS-002", "high")]),
    ("这款大米口感最正宗，产自五常。", [("最正宗", "AD-ABS-002", "high")]),
    ("最安全、最有效的祛痘方法就是用它。",
     [("最安全", "AD-ABS-002", "high"), ("最有效", "AD-ABS-002", "high")]),
    ("我们用的是最高品质的原料。", [("最高品质", "AD-ABS-002", "high")]),
    ("今天是史上最低价，错过再等一年。", [("史上最低价", "AD-ABS-001", "high")]),
    ("这个价格是年度最低，闭眼冲！", [("年度最低", "AD-ABS-001", "high")]),
    ("大家最爱的这款色号终于补货了。", [("最爱", "AD-ABS-003", "medium")]),
    ("粉丝们最喜欢的那支口红回来了。", [("最喜欢", "AD-ABS-003", "medium")]),
    ("这款面膜连续三年销量第一。", [("销量第一", "AD-ABS-004", "high")]),
    ("我们在行业第一，别家都比不了。", [("行业第一", "AD-ABS-004", "high")]),
    ("No.1的国货精华，今天直播间59元。", [("No.1", "AD-ABS-004", "high")]),
    ("抖音美妆榜TOP1，宝子们冲！", [("TOP1", "AD-ABS-004", "high")]),
    ("这是销量冠军，卖了一百万单。", [("销量冠军", "AD-ABS-004", "high")]),
    ("全网销冠，今天只要99。", [("销冠", "AD-ABS-004", "high")]),
    ("天下第一好吃的辣条。", [("天下第一", "AD-ABS-004", "high")]),
    ("这是市面上唯一一款添加蓝铜胜肽的眼霜。", [("唯一", "AD-ABS-005", "high")]),
    ("独一无二的配方，别家没有。", [("独一无二", "AD-ABS-005", "high")]),
    ("送礼首选，包装高级。", [("首选", "AD-ABS-005", "high")]),
    ("我们是全国首家做冻干燕窝的品牌。", [("全国首家", "AD-ABS-005", "high")]),
    ("这项工艺是我们首创的。", [("首创", "AD-ABS-005", "high")]),
    ("国内首款无线吹风机。", [("国内首款", "AD-ABS-005", "high")]),
    ("一流的品质，二流的价格。", [("一流", "AD-ABS-005", "high")]),
    ("独家配方，全球首发。", [("全球首发", "AD-ABS-006", "medium"), ("独家", "AD-ABS-006", "medium")]),
    ("这是一线品牌的原厂货。", [("一线品牌", "AD-ABS-006", "medium")]),
    ("顶级原料，顶尖工艺。", [("顶尖", "AD-ABS-007", "high"), ("顶级", "AD-ABS-007", "high")]),
    ("这是极品大红袍，口感极佳。", [("极佳", "AD-ABS-007", "high"), ("极品", "AD-ABS-007", "high")]),
    ("极致顺滑，上脸就化开。", [("极致", "AD-ABS-007", "high")]),
    ("国家级的品质，世界级的工艺。", [("世界级", "AD-ABS-007", "high"), ("国家级", "AD-ABS-007", "high")]),
    ("这就是精华界的天花板，天花板级的修护力。",
     [("天花板", "AD-ABS-007", "high"), ("天花板级", "AD-ABS-007", "high")]),
    ("国货天花板就是它了。", [("天花板", "AD-ABS-007", "high")]),
    ("这款是我们的王牌产品。", [("王牌", "AD-ABS-007", "high")]),
    ("护肤界的王者，保湿界的霸主。", [("王者", "AD-ABS-007", "high"), ("霸主", "AD-ABS-007", "high")]),
    ("完美遮瑕，一整天不脱妆。", [("完美", "AD-ABS-007", "high")]),
    ("冠军级的续航，无敌好用。", [("冠军级", "AD-ABS-007", "high"), ("无敌", "AD-ABS-007", "high")]),
    ("一瓶万能，全身都能用。", [("万能", "AD-ABS-011", "high")]),
    ("100%有效，无效退款。", [("100%有效", "AD-ABS-011", "high")]),
    ("百分百不过敏，敏感肌放心用。", [("百分百不过敏", "AD-ABS-011", "high")]),
    ("纯植物萃取，无副作用。", [("无副作用", "AD-ABS-011", "high")]),
    ("零风险，吃了就瘦。", [("零风险", "AD-ABS-011", "high")]),
    ("绝对有效，绝对安全。", [("绝对安全", "AD-ABS-011", "high"), ("绝对有效", "AD-ABS-011", "high")]),
    ("这件T恤永久不掉色。", [("永久不掉色", "AD-ABS-012", "medium")]),
    ("永不变形，越穿越有型。", [("永不变形", "AD-ABS-012", "medium")]),
    ("技术遥遥领先，全球领先的水平。",
     [("全球领先", "AD-ABS-009", "high"), ("遥遥领先", "AD-ABS-009", "high")]),
    ("我们是行业领导品牌。", [("领导品牌", "AD-ABS-009", "high")]),
    ("史无前例的优惠力度。", [("史无前例", "AD-ABS-010", "high")]),
    ("无与伦比的口感，无人能及。", [("无与伦比", "AD-ABS-010", "high"), ("无人能及", "AD-ABS-010", "high")]),
    ("国家级产品，通过国家认证。",
     [("国家级产品", "AD-ABS-013", "high"), ("国家认证", "AD-ABS-013", "high")]),
    ("国家免检产品，质量放心。", [("国家免检", "AD-ABS-013", "high")]),
    ("这项技术填补国内空白。", [("填补国内空白", "AD-ABS-013", "high")]),
    ("国家指定用茶，政府推荐品牌。",
     [("国家指定", "AD-ABS-014", "high"), ("政府推荐", "AD-ABS-014", "high")]),
    ("人民大会堂特供的酒。", [("人民大会堂特供", "AD-ABS-014", "high")]),
    ("国宴同款大米。", [("国宴", "AD-ABS-015", "medium")]),
    ("央视推荐品牌，CCTV上榜。",
     [("CCTV上榜", "AD-ABS-015", "medium"), ("央视推荐", "AD-ABS-015", "medium")]),
    ("我们是中国驰名商标。", [("中国驰名商标", "AD-ABS-016", "high")]),
    ("省著名商标，中国名牌。", [("中国名牌", "AD-ABS-017", "high"), ("著名商标", "AD-ABS-017", "high")]),
    ("国际大牌的用料，一线大牌的享受。", [("一线大牌", "AD-ABS-018", "medium"), ("国际大牌", "AD-ABS-018", "medium")]),
    ("百年老字号，值得信赖。", [("百年老字号", "AD-ABS-018", "medium")]),
    ("奢侈品级的做工。", [("奢侈品级", "AD-ABS-017", "high")]),
    ("顶配的品质，白菜的价格。", [("顶配", "AD-ABS-008", "medium")]),
    ("我个人最喜欢这个颜色。", [("最喜欢", "AD-ABS-003", "low")]),
    ("没有最好，只有更好。", [("最好", "AD-ABS-002", "low")]),
    ("这是我们家卖得最好的一款。", [("卖得最好", "AD-ABS-019", "medium")]),
    ("这是我们家最好的一款面霜，今年刚上新。", [("最好", "AD-ABS-002", "low")]),
    ("2024年双11天猫面膜类目销量第一（来源：天猫双11榜单）。", [("销量第一", "AD-ABS-004", "low")]),
    ("2024年天猫面膜类目销量第一，大家放心买。", [("销量第一", "AD-ABS-004", "medium")]),
    ("直播间专供款，外面买不到。", [("专供", "AD-ABS-015", "low")]),
    ("收货后7天无理由，购物零风险。", [("零风险", "AD-ABS-011", "low")]),
    ("这款面霜是我们家最好的一款，也是全网最好的面霜。",
     [("全网最好", "AD-ABS-001", "high"), ("最好", "AD-ABS-002", "low")]),
    ("这款精华液，我真的最爱。", [("最爱", "AD-ABS-003", "low")]),
    ("大家最喜欢哪个色号？扣在公屏上。", [("最喜欢", "AD-ABS-003", "low")]),
    ("这款羽绒服永久保修。", [("永久", "AD-ABS-012", "low")]),
    ("今天是我们直播间最优惠的一场。", [("最优惠", "AD-ABS-002", "low")]),
    ("这个茶叶的制作技艺是国家级非物质文化遗产。", [("国家级", "AD-ABS-007", "low")]),
    ("天猫面膜类目销量第一（数据来源：天猫榜单）。", [("销量第一", "AD-ABS-004", "medium")]),
    ("这款的性价比在同价位里是最高的。", [("最高", "AD-ABS-002", "high")]),
    ("我们的品质是最好的，价格是最低的。", [("最低", "AD-ABS-002", "high"), ("最好", "AD-ABS-002", "high")]),
    ("这款面膜被称为面膜之王，性价比之王。",
     [("性价比之王", "AD-ABS-007", "high"), ("面膜之王", "AD-ABS-007", "high")]),
    ("这个牌子是老牌国货，行业标杆。", [("行业标杆", "AD-ABS-009", "high")]),
    ("这款奶粉是宝宝的第一选择。", [("第一选择", "AD-ABS-005", "high")]),
    ("今年最值得入手的一件羽绒服。", [("最值得入手", "AD-ABS-002", "high")]),
    ("这个杯子绝对不会漏水，大家放心放包里。", [("绝对不会", "AD-ABS-011", "high")]),
    ("这款卖得最好，已经补货三次了。", [("卖得最好", "AD-ABS-019", "high")]),
    # residual 最 + adjective (medium): open-ended superlatives
    ("家人们，这款吹风机吹得最快，三分钟吹干。", [("最快", "AD-ABS-020", "medium")]),
    ("这个精华效果最明显，用了就知道。", [("最明显", "AD-ABS-020", "medium")]),
    ("这口红颜色最显白了姐妹们。", [("最显白", "AD-ABS-020", "medium")]),
    ("最适合干皮的面霜就是它了。", [("最适合", "AD-ABS-020", "medium")]),
    ("这是目前市面上最先进的技术。", [("市面上最先进", "AD-ABS-001", "high")]),
    ("全球销量领先，品质有保障。", [("全球销量领先", "AD-ABS-009", "high")]),
]

TRAPS: list[str] = [
    "国际大牌同款面料。",  # riding on a brand: reported once, by the ip rules (TM-RIDE)
    "最近很多宝子在问这款怎么用。",
    "最后一步，把精华轻轻拍开就可以了。",
    "最终到手价是89元，券已经帮大家领好了。",
    "最初我们只做线下门店。",
    "最早一批买的姐妹已经回购了。",
    "这个精华最好早晚各用一次。",
    "最好睡前使用，第二天起来皮肤很透。",
    "每人最多限购2件，拍多了不发货。",
    "满300最高立减50元，规则在详情页。",
    "今天北京最低气温零下5度，羽绒服可以安排了。",
    "第一次来直播间的宝子点个关注。",
    "第一步先洁面，第二步上精华。",
    "第一天用可能有点刺痛，属于正常现象。",
    "第一波福利马上开始，大家准备好。",
    "第一批到货的已经在路上了。",
    "我们第一时间发货，48小时内发出。",
    "首先给大家看一下成分表。",
    "这是我们首次直播，多多支持。",
    "首单立减10元，新人专享。",
    "首页有优惠券可以领。",
    "首付只要三成，分期免息。",
    "这款首饰是925银的。",
    "这是从首尔带回来的同款设计。",
    "我们的首席体验官来试用一下。",
    "这台冰箱是一级能效，一年省不少电。",
    "东北一级大米，颗粒饱满。",
    "特级初榨橄榄油，适合凉拌。",
    "执行国家标准 GB/T 19001。",
    "产品已在国家药监局备案，备案号见详情页。",
    "这是国家知识产权局授权的发明专利。",
    "瓶子顶部有按压泵，用起来很方便。",
    "顶层收纳可以放包包。",
    "极简风设计，百搭不挑人。",
    "南极科考队同款面料，保暖性很好。",
    "大家积极下单，我们积极发货。",
    "支持极速退款，售后无忧。",
    "王先生刚刚下单了，谢谢支持。",
    "皇冠店铺，信誉有保障。",
    "杜绝假货，假一赔十。",
    "真空包装，隔绝空气，保存更久。",
    "收货地址可以设为永久地址。",
    "100%棉，穿着透气。",
    "面料是100%桑蚕丝，22姆米。",
    "这是官方旗舰店，正品保障。",
    "不敢说是最好的，但在这个价位真的很能打。",
    "唯一的缺点是有点贵。",
    "我们一直追求最好的服务。",
    "我们努力成为最受信赖的品牌。",
    "这是我们家今年最新的一款。",
    "最佳赏味期7天，收到尽快吃。",
    "广告法规定不能说“最”，我们就说好用。",
    "广告法规定不能说“最好”，大家理解一下。",
    "主播注意：不要说全网最低价。",
    "第一名下单的宝子加送小样。",
    "质量第一，顾客至上，这是我们的理念。",
    "第一款给大家介绍的是洗面奶。",
    "今天第一个链接是这款面霜。",
    "获得了第一手资料。",
    "全国第一批到货的门店在上海。",
    "评论区第一名送一份小礼物。",
    "这个牌子大家都知道。",
    "我们在一线城市都有门店。",
    "在设置里打开首选项就能看到。",
    "这一流程大概需要三天。",
    "送给最好的朋友再合适不过。",
    "最好吃完再拍，别浪费。",
    "这是入手的绝佳时机。",
    "我们的终极目标是让每个人都用得起好产品。",
    "百分百的诚意，给大家最大的优惠。",
    "宝子问有没有副作用，我们看一下说明书。",
    "吃了会不会有副作用？",
    "这瓶万能胶粘得很牢。",
    "他是王者荣耀的职业选手。",
    "奥运冠军同款跑鞋。",
    "灯具直接装在天花板上，不用打孔。",
    "完美日记的眼影盘今天也有活动。",
    "我们一直追求极致的品质。",
    "今天直播间上新，首发价99元。",
    "绝对值得买，闭眼入。",
    "这款至尊版的茶具套装很受欢迎。",
    "商务部认定的中华老字号，百年老字号，值得信赖。",
    "官方推荐搭配是先用水再用乳。",
    "不能保证无副作用，敏感肌请先在耳后试用。",
    "这个价格前所未见地划算。",
    "国家认证认可监督管理委员会公布的名单里有我们。",
    "政府补贴以旧换新可以叠加。",
    "我们领先一步上新。",
    "不是第一名也没关系，好用才是硬道理。",
    "这款最大的特点是轻薄，夏天也能用。",
    "这是最重要的一步，一定要做好保湿。",
    "快递最快明天就能到。",
    "我们不攀附他人知名商标，只讲自己的产品。",
    "绝对不能用开水烫，也绝对不要暴晒。",
    "最快明天发货，最晚后天到。",
    "说说十种零食里哪一种最合你的口味，我们下次选品会参考。",
    "干皮最怕冬天，最容易起皮，最重要的是做好保湿。",
    "大家最关心的是价格，我最想说的是看清规格。",
    "这款最大的优点是轻薄。",
]


def _absolute(text: str) -> list[Finding]:
    return [f for f in check_text(text, products=None) if f.category == Category.ABSOLUTE_CLAIM]


def test_tables_are_large_enough() -> None:
    assert len(HITS) >= 60
    assert len(TRAPS) >= 60
    assert len({t for t, _ in HITS}) == len(HITS)
    assert len(set(TRAPS)) == len(TRAPS)


@pytest.mark.parametrize(("text", "expected"), HITS, ids=[t for t, _ in HITS])
def test_hit(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = sorted((f.text, f.rule, str(f.severity)) for f in _absolute(text))
    assert found == sorted(expected)


@pytest.mark.parametrize("text", TRAPS)
def test_trap_gives_no_absolute_claim(text: str) -> None:
    found = [(f.text, f.rule, str(f.severity)) for f in _absolute(text)]
    assert found == []


def test_traps_embedded_in_a_script_stay_quiet_at_high_and_medium() -> None:
    script = "\n".join(TRAPS)
    serious = [(f.text, f.location) for f in _absolute(script)
               if f.severity in (Severity.HIGH, Severity.MEDIUM)]
    assert serious == []


def test_findings_carry_location_clause_law_and_suggestion() -> None:
    script = "开场：欢迎家人们。\n这是全网最低价！\n最好早晚各用一次。\n我们是中国驰名商标。"
    found = {f.text: f for f in _absolute(script)}
    assert set(found) == {"全网最低价", "中国驰名商标"}
    low_price = found["全网最低价"]
    assert low_price.location == "第2行"
    assert "8.2.3.3.1" in low_price.clause
    assert low_price.law == "《中华人民共和国广告法》第九条第三项"
    assert low_price.suggestion and low_price.message
    assert "商标法》第十四条第五款" in found["中国驰名商标"].law


def test_every_rule_of_the_file_is_exercised_by_the_table() -> None:
    rule_ids = {r["id"] for r in yaml.safe_load(RULE_FILE.read_text(encoding="utf-8"))["rules"]}
    covered = {rule for _, expected in HITS for _, rule, _ in expected}
    assert rule_ids == covered


def test_every_group_has_its_own_message_and_suggestion() -> None:
    rules = yaml.safe_load(RULE_FILE.read_text(encoding="utf-8"))["rules"]
    assert len({r["suggestion"] for r in rules}) == len(rules)
    assert len({r["message"] for r in rules}) == len(rules)
    assert all(r["category"] == "absolute_claim" for r in rules)
