# ruff: noqa: E501
"""(Re)generate the third blind batch of corpus documents tests/corpus/bl3_*.

Run: ``.venv/bin/python tools/corpus/bl3.py [--out DIR]`` (default ``tests/corpus/``).

A held-out batch written after the fixes of batches 1 and 2 (``tools/corpus/bl.py``), on product types
the corpus had little of: pet food, outdoor gear, wine, eyewear, tea sets, children's books, car
accessories, latex pillows. Every ``<file>.expected.yaml`` was written and committed BEFORE the tool
was run on any of these documents; edit text and labels together.

Documents (dirty ones plant findings of several categories, ``clean`` ones are full of look-alikes):
  bl3_01 txt   freeze-dried cat food: 皇家平替, a vet-hospital head's endorsement, pet-disease cure, unsourced
               sales and rating figures, 原价, 全网最低价, a winner's full phone number
  bl3_02 docx  outdoor gear without the minor label: 大牌同厂 (始祖鸟), 国家专利技术, 永不漏水, an invention
               patent with a utility-model number, 销量第一, a baton and tear-gas spray, 原价
  bl3_03 xlsx  wine hand card: 先干一杯, 软化血管/助眠, 国宴用酒, 不醉不归, drinking then driving, 原价, 全网最低价
  bl3_04 pdf   eyewear hand card (ruled table): 预防近视, 度数降下来, 眼科医生推荐, urging children, 世界上最轻, 原价
  bl3_05 txt   clean tea-set script: GB/T, 第一泡, 最好用开水, 唯一缺点, dated 划线价, own-model comparison,
               masked winners, 400 line, 最后一步, negated 养生功效
  bl3_06 docx  clean children's-book script: ISBN, 定价 and a discount on it, 第一册, 第一名 in a story,
               最喜欢, 正版授权, adults as hosts, no urging
  bl3_07 xlsx  clean car-accessory hand card: 开车看手机很危险 as a warning, a valid utility model, 最高支持256G,
               3C and GB, a child seat, a masked phone
  bl3_08 txt   latex-pillow script: 颈椎病 cured, 国宝级, 全世界最好, 抗菌率99.9%, a 7-year-old spokesperson,
               原价, 亏本价, invented scarcity, a winner's ID number

First-run numbers on bl3_ documents alone, labels as first committed (high+medium, evidence excluded;
`tools/eval.py` semantics; rules of main at 022623c):
  category        exp found rep  fp  recall prec
  absolute_claim    7    6    8   2  0.857 0.750   国宝级 missed; 第一名 in a story (trap), 国宴 (label gap)
  false_claim       7    4    4   0  0.571 1.000   兽医都推荐, 抗菌率99.9%, 以后再也不做了 missed
  health_claim      5    2    5   3  0.400 0.400   颈椎病就好了, 预防近视, 度数降下来 missed; 3 label gaps
  ip                2    1    2   1  0.500 0.500   皇家的平替 missed; 始祖鸟是同一个代工厂 (label gap)
  minor             3    2    2   0  0.667 1.000   the host's 7-year-old daughter 代言 missed
  patent            2    1    1   0  0.500 1.000   国家专利技术 "covered" by a number whose check digit fails
  price             8    8    8   0  1.000 1.000
  privacy           2    2    2   0  1.000 1.000
  prohibited        7    5    6   1  0.714 0.833   助眠, 喝完开车也没事 missed; 开车看手机很危险 (trap)
  ALL              43   31   38   7  0.721 0.816
  must_not_hit violations: one (第一名 in bl3_06).
Labels added after the first run (reasons in the sidecars; real findings the labeller missed, none removed):
bl3_02 +ip 始祖鸟是同一个代工厂; bl3_03 +health_claim 助眠, 比吃药强, +absolute_claim 国宴; bl3_04 +health_claim
眼科医生都推荐. After the batch-3 fixes: on the original labels 40/43 found, 5 extras (recall 0.930, precision
0.889); on the corrected labels 45/48, no extra (recall 0.938, precision 1.000). Left missed: 皇家的平替 (皇家 is a
common word, kept out of the brand list on purpose), 度数就降下来了 (the PDF cell wraps inside the word: 度\n数),
prohibited 助眠 (the hand-card cell never says 酒; health_claim reports the same words).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.corpus import common  # noqa: E402
from tools.corpus.common import write_corpus  # noqa: E402
from tools.make_samples import FONT_PATH, build_docx, build_xlsx  # noqa: E402

# ------------------------------------------------------------------ 01 cat food (txt, dirty)
BL3_01_TXT = """\
【直播脚本】喵享 全价冻干猫粮专场
直播日期：2027-01-06
直播间：喵享宠物食品旗舰店　开播时间：20:00　预计时长：90分钟
主播：橙子　副播：阿凯　场控：小鱼
直播间设置：左上角常驻“未成年人需监护人陪同观看”，右下角挂小黄车和抽奖规则。

20:00 开场
橙子：铲屎官们晚上好！最近好多人问冻干到底怎么喂，今天一次讲清楚。
阿凯：第一次来的朋友点个关注，我家两只布偶一会儿出镜试吃。

20:10 一号链接 喵享鸡肉冻干全价猫粮 2kg
橙子：配料表第一位是鲜鸡肉，粗蛋白不低于42%，这是包装上的产品成分分析保证值。
阿凯：这款就是皇家的平替，适口性一模一样，价格只要一半。
橙子：我们请了宠物医院的张院长来看过，他说他们医院住院的猫全都吃这个，兽医都推荐。
阿凯：软便、掉毛、猫藓都能治好，泪痕一个礼拜就没了。
橙子：这款在全网已经卖了80万袋，好评率99.9%。
阿凯：原价258，今天直播间128，全网最低价！

20:50 抽奖
小鱼：上一场中奖的是王丽女士，电话13812345678，奖品明天寄出。
橙子：换粮记得七天过渡，新粮旧粮混着喂，每天多换一点。
阿凯：每人限购3袋，没拆封的支持7天无理由退货。

21:20 收尾
橙子：今晚下单48小时内发货，明晚八点我们讲猫砂，晚安。
"""

# ------------------------------------------------------------------ 02 outdoor gear (docx, dirty, no minor label)
BL3_02_DOCX = """\
= 野径 户外装备专场 直播脚本
直播日期：2026-12-18　开播时间：19:30
直播间：野径户外旗舰店　主播：老K　副播：小雪
直播间设置：右下角挂小黄车，背景是雪地帐篷实景搭建。
# 19:30 开场
老K：各位驴友晚上好，最近降温了，今天把冬季徒步的装备一次配齐。
小雪：首先说一下，今天所有链接都包邮，第一次下单的朋友记得领新人券。
# 19:40 一号链接 野径三合一冲锋衣
老K：这件冲锋衣和始祖鸟是同一个代工厂出来的，大牌同厂，吊牌一撕你分不出来。
小雪：面料用的是国家专利技术，永不漏水，暴雨里站一天身上都是干的。
老K：防水指数20000mm，透气指数10000g，吊牌上都写着。
# 20:10 二号链接 野径双人帐篷
小雪：帐篷支架是发明专利，专利号ZL 2022 2 0345678.1，别家想仿都仿不了。
老K：这顶帐篷是户外圈销量第一，去年卖了十几万顶。
# 20:40 三号链接 户外防身套装
小雪：女生一个人露营，包里放一根战术甩棍，再带一瓶防狼催泪喷雾，安全感拉满。
老K：原价399，今天199，出了直播间就没有这个价了。
# 21:00 收尾
小雪：支持7天无理由退货，冲锋衣质保一年。
老K：户外活动量力而行，出发前看好天气预报，我们下周见。
"""

# ------------------------------------------------------------------ 03 wine hand card (xlsx, dirty)
BL3_03_XLSX = {
    "手卡": """\
序号|品名|规格|卖点|话术|价格|备注
1|澜庭干红葡萄酒|750ml，13.5%vol|法国波尔多AOC产区，赤霞珠|每天睡前喝一杯，软化血管、助眠，比吃药强；主播现场开瓶：来，家人们我先干一杯|直播价168元（原价698元）|未成年人不得购买
2|澜庭冰酒|375ml，11%vol|加拿大安大略产区|国宴用酒，外交部招待外宾都用它|直播价299元|
3|澜庭精酿啤酒组合|330ml×24罐，5%vol|德国工艺，小麦白啤|兄弟聚会不醉不归，喝完开车也没事，就这点度数|到手价99元，全网最低价|
""",
    "直播流程": """\
时间|环节|内容|负责人
19:55|准备|检查左上角“未成年人需监护人陪同观看”标识和“理性饮酒”字幕|场控
20:00|开场|主播介绍三款酒的产区、酒精度和容量|主播
20:30|醒酒|讲醒酒器用法和适饮温度，干红16-18℃|副播
21:00|收尾|讲发货时间，提醒酒类不支持拆封后退货|副播
""",
}

# ------------------------------------------------------------------ 04 eyewear hand card (pdf, ruled table, dirty)
BL3_04_BEFORE = [
    "明眸 眼镜专场 手卡",
    "直播日期：2027-01-12　开播时间：20:00　直播间：明眸眼镜旗舰店",
    "直播间布置：左上角常驻“未成年人需监护人陪同观看”；主播：阿哲，副播：萌萌。",
]
BL3_04_ROWS = [
    ["品名", "规格", "价格", "卖点/话术", "备注"],
    ["明眸防蓝光眼镜", "成人款", "到手价99元", "阻隔有害蓝光，戴上能预防近视，已经近视的戴三个月度数就降下来了；眼科医生都推荐", "原价399元"],
    ["明眸儿童防蓝光眼镜", "4-12岁", "到手价79元", "小朋友们，快让爸爸妈妈给你买一副，班上同学都戴了，上网课必备", "赠眼镜布"],
    ["明眸偏光太阳镜", "TR90镜框", "到手价159元", "UV400防紫外线，钓鱼、滑雪都适用，镜片按GB 39552.2-2020检测", "支持7天无理由"],
    ["明眸钛架镜框", "纯钛", "到手价199元", "世界上最轻的眼镜框，只有8克，戴一整天没感觉", "可配近视片"],
]
BL3_04_AFTER = [
    "注：配近视镜以验光结果为准，度数较高请到医院验光。",
    "福利：20:30抽3位送镜片清洗液，名单在粉丝群公布。",
]

# ------------------------------------------------------------------ 05 tea sets (txt, clean)
BL3_05_TXT = """\
【直播脚本】素器 手作茶具专场
直播日期：2026-12-23
直播间：素器茶具旗舰店　开播时间：19:30　预计时长：80分钟
主播：青禾　副播：阿远
直播间设置：左上角常驻“未成年人需监护人陪同观看”，右下角挂小黄车和福利规则。

19:30 开场
青禾：大家晚上好，最近天冷，很多朋友开始在家泡茶，今天给大家看几套手作茶具。
阿远：第一次来的朋友可以先点关注，首先我们看一号链接。

19:35 一号链接 素器白瓷盖碗套装
青禾：这套是一个盖碗、四个品茗杯加一个公道杯，白瓷，执行标准GB/T 3532-2022，包装上都印着。
阿远：第一泡我们一般用来温杯洗茶，最好用开水先把杯子烫一遍，茶香出得更好。
青禾：盖碗的唯一缺点是刚上手有点烫，新手建议先用公道杯分茶。
阿远：划线价268元是本店近30日最低成交价，今晚直播间到手价198元，活动到今晚21:00结束。

19:55 二号链接 素器粗陶旅行茶具
青禾：这款比我们去年那款轻了120克，出差放包里不占地方。
阿远：粗陶是手工拉坯，每一只纹路都不一样，有小气孔是正常的，不是瑕疵。
青禾：茶具只是器物，泡什么茶、怎么喝，大家按自己的口味来，我们不讲什么养生功效。
阿远：到手价129元，每人限购2套。

20:15 抽奖
阿远：上周抽中茶盘的两位粉丝，手机尾号5678的李女士和139****2468的陈先生，奖品已经寄出。
青禾：今晚20:40抽5位送茶巾，规则在公告栏，20:45公布名单。

20:50 收尾
青禾：陶瓷易碎，我们用五层瓦楞箱加气泡柱包装，运输破损包赔，支持7天无理由退货。
阿远：客服电话400-820-6688，工作日9点到18点。最后一步，记得收货时当着快递员的面验货。
"""

# ------------------------------------------------------------------ 06 children's books (docx, clean)
BL3_06_DOCX = """\
= 小橡树 儿童绘本专场 直播脚本
直播日期：2027-01-08　开播时间：19:00
直播间：小橡树童书旗舰店　主播：林老师　副播：豆豆妈
直播间设置：左上角常驻“未成年人需监护人陪同观看”；本场面向家长讲解，主播和副播均为成年人。
# 19:00 开场
林老师：各位家长晚上好，最近寒假快到了，不少家长问孩子假期读什么，今天推荐三套书。
豆豆妈：第一次来的家长可以先看看购物车，首先是一号链接。
# 19:05 一号链接 《森林里的四季》绘本（全8册）
林老师：这套书适合3到6岁，版权页上有书号ISBN 978-7-5560-1234-5，每本定价39.8元，全套定价318.4元。
豆豆妈：今天全套到手价159元，按定价打五折。
林老师：第一册讲春天，最后一册讲冬天，孩子可以跟着季节读。
豆豆妈：我家孩子最喜欢的是第三册，松鼠藏松果的故事他能讲好几遍。
# 19:25 二号链接 《数学小侦探》桥梁书（全6册）
林老师：适合6到9岁刚开始自主阅读的孩子，书里的小侦探每本解开一个谜题。
豆豆妈：故事里小侦探在数学比赛中得了第一名，孩子读完会跟着一起算。
林老师：这套书是出版社正版授权，可以在版权页核对出版社和印次。
# 19:45 三号链接 亲子共读打卡本
豆豆妈：这是赠品，家长和孩子每天一起读十分钟，读完贴一张贴纸。
林老师：读书不用攀比，每个孩子节奏不同，家长陪着读就好。
# 20:00 收尾
豆豆妈：图书拆封后不支持无理由退货，下单前请确认书名；有印装问题可以换新。
林老师：上期抽中绘本的粉丝“小满妈妈”，手机尾号0321，书已经寄出。明晚七点我们讲科普书。
"""

# ------------------------------------------------------------------ 07 car accessories (xlsx, clean)
BL3_07_XLSX = {
    "手卡": """\
序号|品名|规格|卖点|话术|价格|备注
1|途安车载手机支架|重力款，出风口安装|实用新型专利ZL 2022 2 1876543.6|开车看手机很危险，导航就固定在视线内，出发前设置好路线，行车途中不要操作手机|到手价49元（划线价79元为本店近30日最低成交价）|每人限购2个
2|途安行车记录仪|4K前后双录|最高支持256G存储卡，夜视清晰|停车监控需要接降压线，安装师傅上门约30分钟；录像只存在本机卡里|到手价399元|赠64G卡
3|途安车载吸尘器|120W|吸力8000Pa|车里的饼干渣、猫毛都能吸，首先把滤网装好再开机|到手价129元|
4|途安儿童安全座椅|9个月-12岁|通过3C认证，执行GB 27887-2011|孩子坐车一定要用安全座椅，不要抱在怀里；装好后摇一摇，确认不松动|到手价899元|第一次安装可看视频教程
""",
    "直播流程": """\
时间|环节|内容|负责人
19:55|准备|检查直播间左上角“未成年人需监护人陪同观看”标识|场控
20:00|开场|主播介绍本场四款车品，提醒驾驶时不要看直播|主播
20:40|抽奖|抽3位送车载香薰，20:45在公告栏公布，中奖者手机号打码显示为138****6612|场控
21:00|收尾|讲安装服务和7天无理由退货|副播
""",
}

# ------------------------------------------------------------------ 08 latex pillow (txt, dirty)
BL3_08_TXT = """\
【直播脚本】眠泰 天然乳胶枕专场
直播日期：2027-01-15
直播间：眠泰家纺旗舰店　开播时间：20:00　预计时长：80分钟
主播：莉莉　副播：阿航
直播间设置：左上角常驻“未成年人需监护人陪同观看”，右下角挂小黄车。

20:00 开场
莉莉：家人们晚上好，最近好多人说睡醒脖子僵，今天给大家带来泰国原装进口的乳胶枕。
阿航：第一次来的朋友先点关注，一会儿我们现场做回弹测试。

20:10 一号链接 眠泰乳胶枕
莉莉：乳胶含量93%，吊牌上有，回弹慢，枕着不塌。
阿航：有颈椎病的朋友，睡一个月颈椎病就好了，比去医院做理疗管用。
莉莉：这是泰国国宝级工艺，全世界最好的乳胶都在我们家。
阿航：枕芯里加了负离子，抗菌率99.9%，螨虫一个都活不了。
莉莉：我女儿今年7岁，今天也来给大家代言，朵朵，跟大家说说。
朵朵：我每天都枕这个，睡得可香了！

20:40 价格
阿航：原价699，今天直播间199一对，这是我们的亏本价，卖一单亏一单。
莉莉：库存只剩最后100对，卖完就下架，以后再也不做了。

21:00 抽奖
阿航：上周中奖的是赵刚先生，身份证号330106198503152317，大家帮他确认一下。
莉莉：乳胶枕不要暴晒，套上枕套使用，支持7天无理由退货。
阿航：明晚八点我们讲床垫，晚安。
"""


def build_table_pdf(before: list[str], rows: list[list[str]], after: list[str]) -> bytes:
    """A hand-card PDF with a ruled 5-column table (wqy-zenhei embedded)."""
    return common.build_table_pdf(FONT_PATH, before, rows, after, col_widths=[84, 52, 66, 240, 80], leftMargin=36, rightMargin=36)


def all_documents() -> dict[str, bytes]:
    """File name -> bytes of every corpus document of this generator."""
    return {
        "bl3_01_猫粮_脚本.txt": BL3_01_TXT.encode("utf-8"),
        "bl3_02_户外装备_脚本.docx": build_docx(BL3_02_DOCX),
        "bl3_03_葡萄酒_手卡.xlsx": build_xlsx(BL3_03_XLSX),
        "bl3_04_眼镜_手卡.pdf": build_table_pdf(BL3_04_BEFORE, BL3_04_ROWS, BL3_04_AFTER),
        "bl3_05_clean_茶具_脚本.txt": BL3_05_TXT.encode("utf-8"),
        "bl3_06_clean_童书_脚本.docx": build_docx(BL3_06_DOCX),
        "bl3_07_clean_车载用品_手卡.xlsx": build_xlsx(BL3_07_XLSX),
        "bl3_08_乳胶枕_脚本.txt": BL3_08_TXT.encode("utf-8"),
    }


def main(argv: list[str] | None = None) -> int:
    """Write every document to --out (default tests/corpus/)."""
    return write_corpus(all_documents, "生成 tests/corpus/ 下 bl3_ 前缀的盲测语料文件", argv)


if __name__ == "__main__":
    raise SystemExit(main())
