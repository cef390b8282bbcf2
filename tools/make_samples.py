# ruff: noqa: E501
"""(Re)generate the binary sample submissions in sample_scripts/ from the text defined below.

Run: ``.venv/bin/python tools/make_samples.py [--out DIR]`` (default: ``sample_scripts/``).

Writes the docx, xlsx and pdf samples and the GB18030 text sample. The output is deterministic:
fixed document metadata, fixed zip member timestamps and reportlab's invariant mode, so running it
twice gives the same bytes. The hand-written ``*.expected.yaml`` files next to the samples refer to
paragraph, table-row, cell and line numbers of this content: edit both together.

Markup of the document texts:
- docx: ``= text`` title, ``# text`` heading 1, ``| a | b |`` table row (consecutive rows are one
  table, the first row is the header), any other non-empty line is a paragraph.
- xlsx: one text per sheet, each line a row, cells separated by ``|`` (an empty cell stays empty).
- pdf: ``@page`` starts a new page, ``! text`` is a title line, every other line is one text line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_scripts"
FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FIXED_TIME = dt.datetime(2026, 11, 20, 9, 0, 0)
ZIP_TIME = (2026, 11, 20, 9, 0, 0)
FIXED_STAMP = b"2026-11-20T09:00:00Z"
_MODIFIED_RE = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")

# --------------------------------------------------------------------------------------------
# 02: docx script with headings, talk paragraphs and a hand-card table.
# Planted: 国家级 (段落 15), 遥遥领先 (段落 16), 万能 (段落 20), 史无前例 (段落 36),
#          最划算 (表格1 第4行「话术」列), 销量冠军 (表格1 第6行「备注」列), 绝无仅有 (表格1 第8行「话术」列).
# --------------------------------------------------------------------------------------------
SNACK_DOCX = """\
= 果仓坚果零食大礼包 年货节预热直播脚本
直播日期：2026-12-08
直播间：果仓食品官方旗舰店　开播时间：20:00　预计时长：90分钟
主播：小麦　副播：大圣　场控：阿青
本场商品：果仓坚果零食大礼包（1.2千克，共10种零食，食品生产许可证编号见商品详情页）
# 一、开场暖场
主播小麦：家人们晚上好！欢迎来到果仓食品官方旗舰店的直播间，今天是我们年货节预热的第一场，先给大家拜个早年。
副播大圣：最近好多朋友在评论区问，过年走亲戚带点什么好，家里来客人摆什么零食，今天这一个礼包基本都能解决。
主播小麦：首先跟大家说明一下，今天只讲一个商品，就是这个果仓坚果零食大礼包，所有福利都在小黄车1号链接，不用到处找。
副播大圣：新进来的朋友点一下关注，直播间右下角的小红心也帮我们点一点，我们马上开箱。
# 二、产品介绍
主播小麦：大家看，这是礼盒的外观，大红色的盒子，上面烫金的“团圆”两个字，拎出去走亲戚很有面子。
副播大圣：打开以后是两层，上层是六种坚果，下层是四种果干和饼干，一共十种零食，总重1.2千克。
主播小麦：坚果有夏威夷果、巴旦木、碧根果、腰果、核桃仁和榛子，每一种都是独立小包装，一包大约25克，一次吃一包刚刚好。
副播大圣：我们的工厂执行的是国家级的品控标准，每一批原料进厂都要抽检，检验报告在详情页可以看到。
主播小麦：口感上，这几种坚果在同类产品里是遥遥领先的，颗粒饱满，咬下去是脆的，不会有哈喇味。
副播大圣：夏威夷果我们是开好口的，还配了一个小开果器，开果器放在礼盒顶层的小格子里，大家别当成包装扔了。
主播小麦：下层的果干是芒果干、黄桃干和蔓越莓干，饼干是海苔味的薄脆，一家人围在一起可以分着吃。
副播大圣：礼盒里还附了一张手写风格的贺卡，空白的，大家可以自己写上祝福的话再送出去。
主播小麦：这个礼包就是万能零食包，送礼、自己在家吃、带到办公室分享都合适。
# 三、试吃演示
主播小麦：我来现场拆一包巴旦木给大家看看。第一步，沿着包装上的锯齿撕口撕开；第二步，倒一点在盘子里，大家看看颗粒。
副播大圣：大家看这个颜色，是自然的浅棕色，表面没有裹糖衣，吃起来是淡淡的咸香，不会越吃越腻。
主播小麦：我再拆一包芒果干，这个是厚切的，有嚼劲，酸甜口，我个人最喜欢的就是这一款。
副播大圣：提醒大家，坚果开封以后最好在7天内吃完，吃不完就用密封夹夹好，放在阴凉干燥的地方，别放在暖气旁边。
主播小麦：包装上写的最佳赏味期是生产日期起6个月，保质期是9个月，具体日期以外包装上的标注为准。
# 四、互动答疑
主播小麦：来，想要这个礼包的家人在评论区扣“想要”，我看看今晚有多少人准备囤年货。
副播大圣：有朋友问有没有过敏原提示？有的，包装背面写着含坚果、含麸质，对坚果过敏的朋友请不要购买。
主播小麦：还有朋友问是不是新货？今天发的都是本月第一批到货的新批次，生产日期是12月上旬的。
副播大圣：有人问能不能开发票？可以的，下单以后在订单页面申请电子发票，抬头自己填写。
主播小麦：还有家人问能不能直接寄到老家？可以，下单的时候收货地址填老家的地址就行，记得写对联系人。
# 五、价格与福利
主播小麦：好，说到价格。今天直播间这个礼包的到手价是139元，全国包邮，新疆、西藏等偏远地区除外。
副播大圣：每单再送一个同款的手提礼袋，送人的时候直接装进去，赠品跟着订单一起发。
主播小麦：这次年货节的优惠力度史无前例，大家可以提前把年货囤起来。
副播大圣：每人最多限购3件，需要送给多家亲戚的，可以分开下单，一个订单填一个地址。
主播小麦：下单后我们72小时内发货，坚果怕压，外箱会多加一层气泡膜，收到如果有破损，拍照联系客服处理。
副播大圣：再提醒一下，礼盒的外盒是纸质的，运输途中如果有一点轻微压痕，不影响里面的零食；小包装要是有漏气或者破损，拍照联系客服给您补发。
# 六、收尾
主播小麦：好，今天的礼包就介绍到这里，没来得及下单的家人不要着急，下周同一时间我们还会再讲一次。
主播小麦：下播以后有任何问题，直接在店铺客服留言，客服会在24小时内回复，订单号记得一起发过来。
副播大圣：也欢迎大家收到以后在评论区晒一晒，说说十种零食里哪一种最合你的口味，我们下次选品会参考。
副播大圣：感谢大家的陪伴，提前祝大家新年快乐，我们下周见！
# 附：本场手卡
| 序号 | 环节 | 时长 | 话术 | 备注 |
| 1 | 开场暖场 | 3分钟 | 问好，说明本场只讲一个商品，引导关注和点赞 | 开场海报同步挂在店铺首页 |
| 2 | 产品展示 | 8分钟 | 逐一展示十种零食，强调独立小包装和开果器 | 开果器在礼盒顶层的小格子里 |
| 3 | 卖点讲解 | 6分钟 | 十种零食一盒装，这个价格是全场最划算的 | 讲清总重1.2千克 |
| 4 | 试吃演示 | 5分钟 | 现场拆包试吃，讲开封后的保存方法 | 最好提前把盘子和密封夹备好 |
| 5 | 互动答疑 | 6分钟 | 回答过敏原、生产日期、发票和寄送问题 | 店铺去年年货节的销量冠军 |
| 6 | 价格福利 | 5分钟 | 报到手价139元，说明赠品和每人最多限购3件 | 新客首单立减以店铺页面为准 |
| 7 | 收尾 | 2分钟 | 这样的组合在年货礼盒里绝无仅有，感谢陪伴，预告下周 | 下播后客服接待售后问题 |
备注：本脚本由运营部编写，开播前须经法务部审核确认。
"""

# --------------------------------------------------------------------------------------------
# 03: xlsx hand card, two sheets.
# Planted: 最先进 (手卡 第2行「卖点」列), 世界级 (手卡 第3行「卖点」列), 100%有效 (手卡 第4行「话术」列),
#          王牌 (手卡 第5行「话术」列), 无敌 (手卡 第6行「话术」列), 最便宜 (直播流程 第6行「内容」列).
# --------------------------------------------------------------------------------------------
APPLIANCE_XLSX = {
    "手卡": """\
序号|商品名称|规格|直播价|卖点|话术|福利机制
1|栖木变频空调挂机|1.5匹，一级能效，冷暖两用|2699|采用最先进的变频技术，制热制冷都快|冬天开暖风，十来分钟屋里就暖和了；晚上开睡眠模式，声音很小，不影响休息。|每人最多限购1台；以旧换新另补贴100元，规则见活动页
2|栖木空气净化器A5|适用面积40平方米|1299|世界级的静音水平，睡眠档声音很轻|滤网装在机器顶部，拧开盖子就能换，一个人就能操作。|新客首单立减50元；第一批到货的订单加送替换滤网1片
3|栖木除螨仪M2|手持式，整机重1.2千克|499|紫外线灯加拍打，床单被罩沙发都能用|这个除螨仪除螨100%有效，床上来回推一遍就行。|最高立减60元（满499减60，以活动页规则为准）
4|栖木电热水壶|1.7升，304不锈钢内胆|159|极简风外观，底座360度旋转，左右手都顺手|这是今晚的王牌产品，价格低、用处多，家家都用得上。|下单后48小时内发货
5|栖木电暖器（踢脚线款）|2200瓦，带倾倒断电保护|999|贴墙放不占地方，三档温度可调|同价位里它的性价比无敌，客厅卫生间都能用。|每人最多限购2台
""",
    "直播流程": """\
时间|环节|内容|负责人
19:00-19:10|开场|问好，介绍今晚五款商品和福利规则|主播
19:10-19:40|空调|讲解变频空调，演示遥控器和睡眠模式|主播、副播
19:40-20:00|净化器|现场演示更换滤网，讲适用面积|副播
20:00-20:20|除螨仪|床垫现场演示，讲清集尘盒清理方法|主播
20:20-20:40|热水壶、电暖器|压轴上架电热水壶，这是全场最便宜的一款，引导加购|主播、场控
20:40-21:00|收尾|回答售后问题，说明极速退款和以旧换新流程|主播
""",
}

# --------------------------------------------------------------------------------------------
# 04: two-page text pdf. Planted (see expected yaml for page/line numbers): 最强, 完美, 绝对,
#     最畅销, 无与伦比, 巅峰.
# --------------------------------------------------------------------------------------------
CUP_PDF = """\
! 行川316保温杯 直播脚本
直播日期：2026-12-15　开播时间：19:00
直播间：行川家居官方旗舰店
主播：阿南　副播：小橙
商品：行川316不锈钢保温杯 500毫升，三种颜色
【开场】
[00:00:10] 阿南：大家晚上好，欢迎来到行川家居直播间。
[00:00:25] 小橙：天冷了，今天给大家带来一款随身保温杯。
[00:00:40] 阿南：最近好多朋友问，杯子装热水能保温多久，
今天我们现场做一个测试，大家一起看结果。
【产品介绍】
[00:01:10] 阿南：首先看材质，内胆是316不锈钢，
食品接触材料执行国家标准GB 4806.9，报告在详情页。
[00:01:40] 小橙：它的保温效果是同类里最强的。
[00:02:00] 阿南：杯盖是弹跳式的，按一下顶部的按钮就打开，
单手就能操作，开车的时候停好车再喝哈。
[00:02:30] 小橙：杯盖里面有一圈硅胶圈，完美密封，
倒过来摇也不会洒。
[00:02:50] 阿南：这个杯子绝对不会漏水，大家放心放包里。
[00:03:10] 小橙：外观是极简风，磨砂表面，拿着不打滑。
[00:03:30] 阿南：三个颜色：雾霾蓝、燕麦白、岩石灰。
[00:03:50] 小橙：雾霾蓝是我们店里最畅销的颜色。
【保温测试】
[00:04:20] 阿南：我们现在倒入刚烧开的水，第一步，
先用开水把杯子预热一分钟，把水倒掉。
[00:04:50] 小橙：第二步，重新倒满开水，拧紧盖子。
[00:05:10] 阿南：温度计我们放在旁边，等下播前再测一次，
大家到时候一起看。
@page
【使用提示】
[00:06:00] 阿南：用之前最好先用开水预热一下，保温更稳定。
[00:06:20] 小橙：不建议装牛奶、果汁这类饮品过夜，
喝完及时清洗，杯盖的硅胶圈可以拆下来洗。
[00:06:45] 阿南：硅胶圈能隔绝空气，所以每次都要装回去。
[00:07:05] 小橙：这个手感真的是无与伦比，大家拿到就知道了。
[00:07:25] 阿南：做工方面，可以说是保温杯里的巅峰之作。
【价格与福利】
[00:08:00] 小橙：今天直播间的到手价是89元一个。
[00:08:20] 阿南：新客首单立减5元，领券入口在商品页。
[00:08:40] 小橙：每人最多限购3个，送人自用都够了。
[00:09:00] 阿南：正品保障，杜绝假货，都是官方仓库发货。
[00:09:20] 小橙：支持7天无理由退货，运费险已经送上。
【收尾】
[00:10:00] 阿南：好，保温测试的结果下播前公布，
大家别走开，我们继续讲下一款。
[00:10:20] 小橙：感谢大家，记得点关注，明天见！
"""

# --------------------------------------------------------------------------------------------
# 06: clean docx hand card: every superlative-looking word here is a lawful use.
# --------------------------------------------------------------------------------------------
HOME_CLEAN_DOCX = """\
= 栖居生活馆 家居好物专场手卡
直播日期：2026-12-18　开播时间：19:30
直播间：栖居生活馆官方旗舰店　主播：小满　副播：阿树
说明：本手卡供主播和场控对照使用，数据以商品详情页和检测报告为准；我们一直追求最好的服务，售后问题请引导到店铺客服。
| 序号 | 商品名称 | 规格 | 卖点 | 话术 | 福利机制 |
| 1 | 栖居智能电饭煲 | 4升，一级能效（依据GB 12021.6） | 能效等级标识贴在机身侧面，可扫码查询 | 首先给大家看一下能效标识，第一次用之前内胆要先清洗一遍 | 每人最多限购2件 |
| 2 | 栖居桑蚕丝眼罩 | 面料100%桑蚕丝，填充聚酯纤维 | 可调节松紧带，不勒头 | 手洗以后最好在通风处阴干，不要暴晒 | 新客首单立减5元 |
| 3 | 栖居真空保鲜盒 | 三件套，800/1200/1600毫升 | 盒盖带抽气阀，能隔绝空气 | 第一步把食物装好，第二步按压顶部的抽气阀，最后一步扣上锁扣 | 最高立减20元（满99减10、满199减20，规则见活动页） |
| 4 | 栖居折叠收纳柜 | 五层，每层承重10千克 | 极简风白色外观，免安装 | 顶层可以放不常用的被子，底层放鞋盒 | 第一批到货的订单第一时间发货 |
| 5 | 栖居纯棉四件套 | 1.8米床，面料100%棉 | 水洗工艺，第一次洗也不容易起球 | 最近天冷，可以搭配加厚被芯一起用 | 官方旗舰店正品保障，杜绝假货，支持极速退款 |
备注：店铺首页有活动规则的完整说明；王先生等老客户的团购需求请转给客服处理。
"""

# --------------------------------------------------------------------------------------------
# 07: GB18030-encoded txt script with CRLF line ends (as saved by older Windows editors).
# Planted: 最受欢迎 (第10行), 史上最 (第13行), 首创 (第15行), 永久不掉色 (第18行), 零风险 (第26行).
# The header holds 䶮 (CJK Extension A), which GBK lacks and GB18030 encodes in four bytes.
# --------------------------------------------------------------------------------------------
TSHIRT_GB18030 = """\
素野纯棉T恤 冬季上新直播脚本
直播日期：2026-12-20
直播间：素野服饰官方旗舰店
主播：小鹿　副播：阿䶮
商品：素野重磅纯棉圆领T恤，白、黑、燕麦三色，S到XXL
【开场】
[00:00:10] 主播小鹿：大家晚上好，欢迎来到素野服饰的直播间！
[00:00:30] 副播阿䶮：最近好多朋友问打底T恤怎么选，今天就讲这一件。
【产品介绍】
[00:01:00] 主播小鹿：这件是我们店里最受欢迎的基础款。
[00:01:20] 副播阿䶮：面料成分是100%棉，吊牌和洗标上都写着，大家可以放大看。
[00:01:45] 主播小鹿：首先看领口，是双层罗纹的，洗了不容易变形。
[00:02:10] 副播阿䶮：穿上身软软的，可以说是史上最舒服的T恤。
[00:02:30] 主播小鹿：克重是260克，冬天当打底穿，不透。
[00:02:50] 副播阿䶮：肩线这里用的是我们首创的无缝拼接工艺。
[00:03:10] 主播小鹿：尺码大家看屏幕下方的尺码表，平时穿M的选M就行。
【洗护说明】
[00:03:40] 副播阿䶮：这个颜色是永久不掉色的，怎么洗都没问题。
[00:04:00] 主播小鹿：第一次洗的时候，建议和浅色衣服分开，单独冷水手洗。
[00:04:20] 副播阿䶮：第一步翻面，第二步冷水浸泡十分钟，最后一步轻轻揉洗。
[00:04:40] 主播小鹿：晾的时候最好反面晾晒，避免阳光直射。
【价格与福利】
[00:05:10] 副播阿䶮：今天直播间的到手价是79元一件，两件合计149元。
[00:05:30] 主播小鹿：每人最多限购4件，尺码不合适支持7天无理由退换。
[00:05:50] 副播阿䶮：新客首单立减5元，在商品页领券。
[00:06:10] 主播小鹿：收到货不满意直接退，运费险已经送上，买了零风险。
【收尾】
[00:06:40] 副播阿䶮：好，今天就先讲到这里，感谢大家！
[00:07:00] 主播小鹿：记得点关注，我们下周同一时间见！
"""

# --------------------------------------------------------------------------------------------
# 08: xlsx hand card with merged cells (vertical merges in 环节 and 福利机制).
# Planted: 顶尖 (第3行「话术」列), 最实惠 (merged E4:E6, reported at 第4行「福利机制」列),
#          全国首家 (第5行「话术」列), 绝佳 (第6行「话术」列).
# --------------------------------------------------------------------------------------------
BEDDING_XLSX = {
    "手卡": """\
序号|环节|商品名称|话术|福利机制
1|开场福利|眠舍蚕丝被|被子填充物是100%桑蚕丝，盖着轻，不压身。|第一波福利：前50名付款赠枕套一对，以后台付款时间为准
2||眠舍乳胶枕|回弹是顶尖水准，枕上去不塌。|每人最多限购2个
3|主推套装|眠舍四件套|全棉磨毛面料，秋冬盖着暖和，第一次洗建议冷水。|套装价比单买最实惠，三款任选两款再减30元
4||眠舍羽绒枕|我们是全国首家做可水洗羽绒枕的品牌。|
5||眠舍珊瑚绒毯|手感绝佳，冬天盖在腿上看剧很舒服。|
6|收尾|—|感谢大家，下周同一时间见。|支持极速退款和7天无理由退货
""",
}
BEDDING_MERGES = {"手卡": ["B2:B3", "B4:B6", "E4:E6"]}


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so that the output is byte-stable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                payload = _MODIFIED_RE.sub(rb"\g<1>" + FIXED_STAMP + rb"\g<2>", payload)
            dst.writestr(fixed, payload)
    return out.getvalue()


def _split_row(line: str) -> list[str]:
    """Cells of a ``| a | b |`` markup row."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _docx_blocks(markup: str) -> list[tuple[str, object]]:
    """Parse docx markup into ('title'|'h1'|'p', text) and ('table', rows) blocks."""
    blocks: list[tuple[str, object]] = []
    for line in markup.splitlines():
        if not line.strip():
            continue
        if line.startswith("|"):
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(_split_row(line))  # type: ignore[union-attr]
            else:
                blocks.append(("table", [_split_row(line)]))
        elif line.startswith("= "):
            blocks.append(("title", line[2:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        else:
            blocks.append(("p", line))
    return blocks


def build_docx(markup: str) -> bytes:
    """A docx with East Asian fonts set, built from docx markup."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "SimSun"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    for kind, payload in _docx_blocks(markup):
        if kind == "title":
            document.add_heading(str(payload), level=0)
        elif kind == "h1":
            document.add_heading(str(payload), level=1)
        elif kind == "p":
            document.add_paragraph(str(payload))
        else:
            rows: list[list[str]] = payload  # type: ignore[assignment]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
    props = document.core_properties
    props.author = "运营部"
    props.last_modified_by = "运营部"
    props.title = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = FIXED_TIME
    buf = io.BytesIO()
    document.save(buf)
    return _normalize_zip(buf.getvalue())


def _cell_value(text: str) -> str | int | None:
    """Empty cell -> None, whole numbers -> int, else the text."""
    if not text:
        return None
    return int(text) if text.isdigit() else text


def build_xlsx(sheets: dict[str, str], merges: dict[str, list[str]] | None = None) -> bytes:
    """An xlsx with one sheet per entry of ``sheets`` (``|``-separated rows) and optional merges."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, text in sheets.items():
        ws = wb.create_sheet(title)
        for line in text.splitlines():
            ws.append([_cell_value(c.strip()) for c in line.split("|")])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for rng in (merges or {}).get(title, []):
            ws.merge_cells(rng)
            ws[rng.split(":")[0]].alignment = Alignment(vertical="center", wrap_text=True)
        for col, width in zip("ABCDEFG", (6, 16, 22, 10, 30, 40, 36), strict=False):
            ws.column_dimensions[col].width = width
    wb.properties.creator = "运营部"
    wb.properties.lastModifiedBy = "运营部"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _normalize_zip(buf.getvalue())


def build_pdf(markup: str) -> bytes:
    """An A4 text pdf, one drawn line per markup line (wqy-zenhei embedded, extractable)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not FONT_PATH.exists():
        raise SystemExit(f"找不到中文字体 {FONT_PATH}，请先安装 fonts-wqy-zenhei")
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT_PATH), subfontIndex=0))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4, invariant=1)
    pdf.setTitle("直播脚本")
    pdf.setAuthor("运营部")
    height = A4[1]
    for page_no, page in enumerate(markup.split("@page\n")):
        if page_no:
            pdf.showPage()
        y = height - 60
        for line in page.splitlines():
            if not line.strip():
                continue
            size = 16 if line.startswith("! ") else 11
            pdf.setFont("WQY", size)
            pdf.drawString(56, y, line[2:] if line.startswith("! ") else line)
            y -= 26 if size == 16 else 19
    pdf.save()
    return buf.getvalue()


def build_gb18030(text: str) -> bytes:
    """The text encoded as GB18030 with CRLF line ends."""
    return text.replace("\n", "\r\n").encode("gb18030")


def all_samples() -> dict[str, bytes]:
    """File name -> bytes of every generated sample."""
    return {
        "02_零食礼包_脚本.docx": build_docx(SNACK_DOCX),
        "03_手卡_家电专场.xlsx": build_xlsx(APPLIANCE_XLSX),
        "04_保温杯_脚本.pdf": build_pdf(CUP_PDF),
        "06_clean_手卡.docx": build_docx(HOME_CLEAN_DOCX),
        "07_GB18030_脚本.txt": build_gb18030(TSHIRT_GB18030),
        "08_手卡_合并单元格.xlsx": build_xlsx(BEDDING_XLSX, BEDDING_MERGES),
    }


def main(argv: list[str] | None = None) -> int:
    """Write all generated samples to --out (default sample_scripts/)."""
    parser = argparse.ArgumentParser(description="生成 sample_scripts/ 下的 docx/xlsx/pdf/GB18030 样例")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR, help="输出目录")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in all_samples().items():
        (args.out / name).write_bytes(data)
        print(f"{name}: {len(data)} 字节")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
