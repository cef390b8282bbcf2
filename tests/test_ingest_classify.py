"""Document kind from content (and a little from the file name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.ingest import load_document
from review.ingest.classify import classify, score_kinds
from review.model import DocKind
from tests.fixtures_docs import make_docx, make_png, make_xlsx

SCRIPTS = [
    """直播日期：2026-12-01 20:00
[00:00:00] 开场
主播A：哈喽家人们晚上好，欢迎来到我们的直播间！新来的宝宝们点点关注，左上角福袋马上开奖。
副播：今天给大家准备了三款宝贝，每一款都是我们精心挑选的。
[00:05:12] 产品讲解
主播A：姐妹们看这款羊绒大衣，面料摸起来非常柔软，版型也很显瘦。
[00:15:30] 逼单
主播A：库存只剩最后五十件，想要的宝宝们抓紧拍下，倒计时三、二、一，上链接！
[00:20:00] 互动
副播：扣1的家人们我们再加一波福利。""",
    """《双十一美妆专场》直播流程
一、暖场（19:50-20:00）主播打招呼，介绍今晚福利，引导点赞关注。
二、过款环节
主播：这款精华液我自己用了三个月，早晚各一次，上脸很好吸收。
助播：现在下单还送同款小样两支，姐妹们冲！
三、口播要求：介绍价格时说清楚原价和活动价，不要夸大功效。
四、结束语：感谢家人们的陪伴，明晚八点不见不散，下播。""",
]

HAND_CARDS = [
    """双十一直播手卡
序号 商品名称 规格 日常价 直播到手价 福利机制 核心卖点
1 玻尿酸补水面霜 50g 199 129 买一送一 三重玻尿酸，质地清爽
2 羊绒混纺大衣 M/L/XL 899 599 前100名送围巾 含羊绒30%，双面呢工艺""",
    """品牌：某某家居  直播时间：12月1日
商品名称：记忆棉枕头
卖点：慢回弹记忆棉，贴合颈部曲线
到手价：89元（日常价129元）
赠品：枕套一个
库存：500件""",
]

TEST_REPORTS = [
    """检 验 报 告
报告编号：SH2026-03-00123
样品名称：玻尿酸补水面霜    样品编号：YP-0456
委托单位：某某生物科技有限公司
检验类别：委托检验    收样日期：2026-03-01
检验依据：GB/T 29665-2013
检验项目 标准要求 检验结果 单项判定
菌落总数 ≤1000 CFU/g <10 符合
铅 ≤10 mg/kg 未检出 符合
检验结论：所检项目符合标准要求。
批准人：张三  签发日期：2026-03-15  CMA""",
    """SGS 测试报告
检测结果汇总
样品名称：儿童保温杯；送检单位：某某日用品厂
检测依据：GB 4806.9-2023
检测项目：铅迁移量、镉迁移量   检测结果：均未检出
检测结论：合格
本报告仅对来样负责。 CNAS L0123""",
]

LICENCES = [
    """营业执照
统一社会信用代码 91310115MA1K4ABC2X
名称 上海某某电子商务有限公司
类型 有限责任公司（自然人投资或控股）
法定代表人 李四
经营范围 一般项目：互联网销售（除销售需要许可的商品）；化妆品零售；日用百货销售。
注册资本 人民币100.0000万元
成立日期 2020年05月12日
住所 上海市浦东新区某某路100号
登记机关 上海市浦东新区市场监督管理局""",
    """食品经营许可证
经营者名称：杭州某某食品有限公司
社会信用代码（身份证号码）：91330106MA2B12345K
法定代表人（负责人）：王五
住所：杭州市西湖区某某街88号
经营场所：杭州市西湖区某某街88号
主体业态：食品销售经营者（网络经营）
经营项目：预包装食品（含冷藏冷冻食品）销售
许可证编号：JY13301060123456
有效期至：2029年06月30日
发证机关：杭州市西湖区市场监督管理局  签发人：赵六""",
]

CERTIFICATES = [
    """商标注册证
第 12345678 号
注册人：某某化妆品有限公司
核定使用商品（第3类）：化妆品；护肤品；面霜；洗面奶
注册有效期限：2020年01月07日至2030年01月06日
国家知识产权局商标局""",
    """发明专利证书
证书号第4567890号
发明名称：一种含有玻尿酸的保湿组合物及其制备方法
发明人：陈七；周八
专利号：ZL 2019 1 0123456.7
专利申请日：2019年03月01日
专利权人：某某生物科技有限公司
授权公告日：2021年08月10日
国家知识产权局""",
    """国产保健食品注册证书
产品名称：某某牌维生素C咀嚼片
注册人：某某健康科技有限公司
注册证号：国食健注G20200123
保健功能：补充维生素C
适宜人群：需要补充维生素C的成人
不适宜人群：少年儿童""",
]

OTHERS = [
    "会议纪要：本周五下午三点在三楼会议室讨论年终总结，请各部门准备材料。",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "",
]


@pytest.mark.parametrize(("kind", "texts"), [
    (DocKind.SCRIPT, SCRIPTS),
    (DocKind.HAND_CARD, HAND_CARDS),
    (DocKind.TEST_REPORT, TEST_REPORTS),
    (DocKind.LICENCE, LICENCES),
    (DocKind.CERTIFICATE, CERTIFICATES),
    (DocKind.OTHER, OTHERS),
])
def test_realistic_texts(kind: DocKind, texts: list[str]) -> None:
    for text in texts:
        assert classify(text, "document.docx") == kind, (text[:30], score_kinds(text, "document.docx"))


def test_script_mentioning_a_test_report_is_still_a_script() -> None:
    text = SCRIPTS[0] + "\n主播A：我们有第三方检测报告，检测结果全部合格，CMA认证的。"
    assert classify(text) == DocKind.SCRIPT


def test_file_name_hint_only_when_content_is_silent() -> None:
    assert classify("", "营业执照.jpg") == DocKind.LICENCE
    assert classify("", "12月1日手卡.png") == DocKind.HAND_CARD
    assert classify("", "直播脚本_v2.pdf") == DocKind.SCRIPT
    assert classify("", "SGS检测报告.pdf") == DocKind.TEST_REPORT
    assert classify("", "商标注册证.jpeg") == DocKind.CERTIFICATE
    assert classify("", "IMG_0001.jpg") == DocKind.OTHER
    # content outweighs a misleading name
    assert classify(LICENCES[0], "脚本.docx") == DocKind.LICENCE


def test_table_headers_point_to_a_hand_card() -> None:
    text = "面霜\n补水\n129\n大衣\n保暖\n599"
    assert classify(text) == DocKind.OTHER
    assert classify(text, headers=["商品名称", "卖点", "到手价"]) == DocKind.HAND_CARD


def test_ingested_documents_get_their_kind(tmp_path: Path) -> None:
    rows = [["序号", "产品名称", "卖点", "直播价", "机制"], [1, "面霜", "保湿", 129, "买一送一"]]
    assert load_document(str(make_xlsx(tmp_path / "货品.xlsx", {"Sheet1": rows}))).kind == DocKind.HAND_CARD
    script = make_docx(tmp_path / "a.docx", SCRIPTS[0].split("\n"))
    assert load_document(str(script)).kind == DocKind.SCRIPT
    assert load_document(str(make_png(tmp_path / "食品经营许可证.png"))).kind == DocKind.LICENCE


def test_script_that_mentions_evidence_stays_a_script() -> None:
    text = ("开场：欢迎来到直播间。\n"
            "这款面霜我们有第三方检测报告，检测结果合格，CMA资质认定，检验依据是国家标准。\n"
            "厂家营业执照、食品生产许可证、统一社会信用代码都可以在详情页看到，专利证书也有。\n")
    assert classify(text, "upload.txt") in (DocKind.SCRIPT, DocKind.OTHER)  # both get the content rules


def test_long_document_without_an_evidence_title_is_not_evidence() -> None:
    text = "直播电商信用合规管理体系建设指南\n" + "前言\n" * 80 + "应核验营业执照、许可证和证书，检测报告应有CMA。"
    assert classify(text, "standard.txt") not in (DocKind.TEST_REPORT, DocKind.LICENCE, DocKind.CERTIFICATE)


def test_a_script_with_a_hand_card_section_stays_a_script():
    # A script titled as such, with a 手卡 table at its end (headers 品名/规格/卖点/价格), must keep the script
    # rules (e.g. the minor-protection label), so its own title outweighs the table.
    text = ("肌初 修护精华面霜 直播脚本\n直播日期：2026-12-10　开播时间：20:00\n直播间：肌初护肤旗舰店　主播：七七\n"
            "一、开场\n七七：姐妹们晚上好，今天给大家讲我们家这款面霜。\n安安：第一次来的姐妹先点个关注。\n"
            "四、手卡\n品名\n规格\n卖点\n价格\n肌初修护精华面霜\n50g\n烟酰胺\n直播价199元\n赠品\n15ml×2\n")
    assert classify(text, "bl.docx", ["品名", "规格", "卖点", "价格"]) == DocKind.SCRIPT
    card = "肌初 直播手卡\n品名\n规格\n卖点\n价格\n肌初修护精华面霜\n50g\n烟酰胺\n直播价199元\n主播：七七\n"
    assert classify(card, "card.docx", ["品名", "规格", "卖点", "价格"]) == DocKind.HAND_CARD
