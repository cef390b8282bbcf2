# ruff: noqa: E501
"""(Re)generate the evidence cross-check bundles in tests/bundles/ev_*/ (issue #4).

Run: ``.venv/bin/python tools/corpus/ev_bundles.py [--out DIR] [--only NAME]``.

Each bundle is one submission: a script and/or hand card (txt, docx, xlsx or pdf) plus its evidence
(test reports as multi-page PDFs or docx with an embedded CJK font, licences and certificates as PDF,
docx or a rendered PNG that needs OCR). The ``expected.yaml`` of each bundle is written by hand below,
before the tool was run on it: every high or medium finding a careful reviewer expects, in any category.
Evidence documents come from tests/evidence_fixtures.py (the extraction helper's generators).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests import evidence_fixtures as E  # noqa: E402
from tests.fixtures_docs import make_docx, make_pdf, make_xlsx  # noqa: E402

OUT = ROOT / "tests" / "bundles"
DATE = "2026-06-10"

# Companies with valid 统一社会信用代码 (GB 32100 check character and GB 11714 organisation-code check).
HEALTH_CODE = "91330521MA2J8K7L36"      # 禾康（浙江）健康科技有限公司
CUP_COMPANY, CUP_CODE = "宁波恒杯日用品有限公司", "91330281MA2H5N3Q1N"
WATER_COMPANY, WATER_CODE = "苏州清泉食品有限公司", "91320508MA1W7T4R64"
KIDS_COMPANY, KIDS_CODE = "杭州小棉朵服饰有限公司", "91330110MA2C9D6E1E"

CREAM = "山茶花水润保湿面霜"
VC = "禾康牌维生素C咀嚼片"
CUP = "恒杯316不锈钢保温杯"
PAJAMAS = "小棉朵儿童纯棉睡衣套装"
WATER = "清泉无糖苏打气泡水"
SUNSCREEN = "山茶花清透防晒乳"

HAND_CARD_HEADER = ["序号", "品名", "规格", "核心卖点", "直播价", "赠品/机制", "供应商"]


# --- evidence builders --------------------------------------------------------------------------------

def info_rows(sample: str, spec: str, brand: str, client: str, maker: str, basis: str, conclusion: str) -> list[list[str]]:
    """The sample-information table of a report's second page."""
    return [
        ["样品名称", sample, "规格型号", spec],
        ["商标", brand, "生产日期/批号", "20260318"],
        ["委托单位", client, "检验类别", "委托检验"],
        ["生产单位", maker, "样品数量", "6件"],
        ["收样日期", "2026年03月24日", "检验日期", "2026年03月24日至2026年04月03日"],
        ["检验依据", basis, "", ""],
        ["检验结论", conclusion, "", ""],
    ]


def report_pdf(path: Path, sample: str, rows, *, spec: str, brand: str, client: str, maker: str, basis: str,
               conclusion: str = "经检验，所检项目符合检验依据的要求，判定为合格。", pages: int = 6) -> None:
    E.make_report_pdf(path, pages=pages, rows=E.report_rows(rows=rows),
                      cover=E.report_cover_lines(sample=sample, client=client),
                      info=info_rows(sample, spec, brand, client, maker, basis, conclusion))


def report_docx(path: Path, sample: str, rows, *, spec: str, brand: str, client: str, maker: str, basis: str,
                conclusion: str = "经检验，所检项目符合检验依据的要求，判定为合格。") -> None:
    E.make_report_docx(path, rows=E.report_rows(rows=rows), cover=E.report_cover_lines(sample=sample, client=client),
                       info=info_rows(sample, spec, brand, client, maker, basis, conclusion))


def licence(name: str, code: str, scope: str) -> list[str]:
    lines = E.business_licence_lines(name=name, code=code)
    return [f"经营范围  {scope}" if line.startswith("经营范围") else line for line in lines]


def trademark(mark: str = "山茶花", tm_class: int = 3, goods: str = "化妆品；面霜；洁面乳；防晒霜；护肤用化妆剂") -> list[str]:
    return E.trademark_lines(mark=mark, tm_class=tm_class, goods=goods, term="2026年05月07日至2036年05月06日")


VC_ROWS = (
    ("维生素C（以抗坏血酸计）", "g/100g", "≥4.2", "5.41"),
    ("铅（以Pb计）", "mg/kg", "≤2.0", "0.08"),
    ("总砷（以As计）", "mg/kg", "≤1.0", "0.03"),
    ("总汞（以Hg计）", "mg/kg", "≤0.3", "<0.003"),
    ("水分", "%", "≤5.0", "2.3"),
    ("菌落总数", "CFU/g", "≤1000", "<10"),
    ("大肠菌群", "MPN/g", "≤0.92", "<0.3"),
    ("霉菌和酵母", "CFU/g", "≤50", "<10"),
    ("沙门氏菌", "/25g", "不得检出", "未检出"),
    ("金黄色葡萄球菌", "/25g", "不得检出", "未检出"),
    ("净含量", "g", "≥60", "61.8"),
)
VC_BASIS = "GB 16740-2014；Q/HK 0003S-2024；GB 5009.86-2016"


def vc_evidence(d: Path, *, with_cert: bool = True) -> None:
    report_docx(d / "检验报告.docx", VC, VC_ROWS, spec="1.0g/片×60片/瓶", brand="禾康", client=E.HEALTH_COMPANY,
                maker=E.HEALTH_COMPANY, basis=VC_BASIS)
    E.make_lines_pdf(d / "营业执照.pdf", licence(E.HEALTH_COMPANY, HEALTH_CODE, "保健食品生产；保健食品（预包装）销售；食品互联网销售。"))
    if with_cert:
        E.make_lines_pdf(d / "保健食品注册证书.pdf", E.health_food_lines())


CREAM_BASIS = "《化妆品安全技术规范》（2015年版）；QB/T 1857-2013"


def cream_report(d: Path, name: str = "检测报告.pdf") -> None:
    E.make_report_pdf(d / name)


CUP_ROWS = (
    ("容量", "mL", "500（允差±5%）", "512"),
    ("保温效能（6h）", "℃", "≥40", "53"),
    ("铅迁移量", "mg/dm²", "≤0.01", "未检出"),
    ("镉迁移量", "mg/dm²", "≤0.005", "未检出"),
    ("铬迁移量", "mg/dm²", "≤2.0", "未检出"),
    ("镍迁移量", "mg/dm²", "≤0.5", "未检出"),
    ("密封性能", "—", "无渗漏", "无渗漏"),
    ("杯盖跌落", "—", "无破损", "无破损"),
)
CUP_BASIS = "GB/T 29606-2013；GB 4806.9-2016"


def cup_evidence(d: Path, *, patent: list[str] | None = None) -> None:
    report_pdf(d / "检测报告.pdf", CUP, CUP_ROWS, spec="500mL", brand="恒杯", client=CUP_COMPANY, maker=CUP_COMPANY,
               basis=CUP_BASIS)
    E.make_lines_pdf(d / "营业执照.pdf", licence(CUP_COMPANY, CUP_CODE, "日用品制造；日用品销售；金属制日用品制造。"))
    E.make_lines_pdf(d / "专利证书.pdf", patent or E.patent_lines(patentee=CUP_COMPANY))


def pajama_rows(grade: str = "A类", formaldehyde: str = "未检出") -> tuple[tuple[str, str, str, str], ...]:
    return (
        ("纤维含量", "%", "棉100", "棉100"),
        ("甲醛含量", "mg/kg", "≤20", formaldehyde),
        ("pH值", "—", "4.0～7.5", "6.3"),
        ("可分解致癌芳香胺染料", "mg/kg", "禁用", "未检出"),
        ("耐水色牢度（变色/沾色）", "级", "≥3-4", "4-5"),
        ("耐汗渍色牢度（变色/沾色）", "级", "≥3-4", "4"),
        ("异味", "—", "无", "无"),
        ("绳带要求", "—", "符合GB 31701-2015", "符合"),
        ("安全技术类别", "—", "A类", grade),
    )


PAJAMA_BASIS = "GB 18401-2010；GB 31701-2015；FZ/T 73045-2013"


def pajama_evidence(d: Path, *, grade: str = "A类", formaldehyde: str = "未检出") -> None:
    conclusion = f"经检验，所检项目符合GB 18401-2010 {grade}及GB 31701-2015的要求。"
    report_docx(d / "检测报告.docx", PAJAMAS, pajama_rows(grade, formaldehyde), spec="110cm", brand="小棉朵",
                client=KIDS_COMPANY, maker=KIDS_COMPANY, basis=PAJAMA_BASIS, conclusion=conclusion)
    E.make_lines_docx(d / "营业执照.docx", licence(KIDS_COMPANY, KIDS_CODE, "服装制造；服装服饰零售；互联网销售。"),
                      as_table=True)


def scanned_report_png(path: Path, head: list[str], table: list[list[str]], tail: list[str],
                       widths: tuple[int, ...] = (90, 330, 170, 200, 170, 170)) -> Path:
    """One report page photographed flat: title, fields, a ruled results table, conclusion (needs OCR)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(E.WQY_FONT, 26, index=0)
    title_font = ImageFont.truetype(E.WQY_FONT, 40, index=0)
    width, height = 100 + sum(widths), 200 + 48 * (len(head) + len(table) + len(tail) + 2)
    image = Image.new("RGB", (width, height), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    title = "检验检测报告"
    draw.text(((width - draw.textlength(title, font=title_font)) / 2, 50), title, fill=(20, 20, 20), font=title_font)
    y = 130
    for line in head:
        draw.text((60, y), line, fill=(20, 20, 20), font=font)
        y += 46
    for row in table:
        x = 50
        for w, cell in zip(widths, row, strict=False):
            draw.rectangle([x, y, x + w, y + 46], outline=(60, 60, 60), width=2)
            draw.text((x + 10, y + 9), cell, fill=(20, 20, 20), font=font)
            x += w
        y += 46
    y += 20
    for line in tail:
        draw.text((60, y), line, fill=(20, 20, 20), font=font)
        y += 46
    image.save(str(path))
    return path


# --- bundles ------------------------------------------------------------------------------------------

def ev_cream_clean(d: Path) -> dict:
    """Cosmetics, every claim backed: report rows, licence, trademark. Clean."""
    (d / "直播脚本.txt").write_text(f"""{CREAM} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
直播间：山茶花官方旗舰店　主播：小雅　副播：阿杰
产品名称：{CREAM} 50g

[20:00] 开场
主播：宝宝们晚上好，欢迎来到山茶花官方旗舰店直播间，新进来的朋友先点个关注。今天只讲一款，就是我们家的山茶花®水润保湿面霜。
副播：这款是我们今年春天上的新品，很多老粉在评论区问了好几次，今天终于排上了。

[20:03] 成分讲解
主播：它添加了2%烟酰胺，还有0.3%透明质酸钠和神经酰胺，质地是轻薄的乳霜，上脸推开很快就吸收了，不会搓泥。
副播：很多宝宝关心安全性，第三方机构出具的检测报告我们放在商品详情页了，检测报告显示甲醛未检出，铅、汞都在《化妆品安全技术规范》的限值以内。
主播：干皮的姐妹早晚各用一次，油皮的晚上用一次就够了。净含量50g，按正常用量大概能用两个月。

[20:10] 价格和机制
主播：今天直播间的价格是139元，下单再送同款15g小样一支，活动时间是今晚20:00到22:00。
副播：小黄车1号链接，拍下后48小时内发货。

[20:12] 售后
副播：支持7天无理由退换。敏感肌的宝宝建议先在耳后或手腕内侧试用一两天，没有不舒服再上脸。
""", encoding="utf-8")
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, CREAM, "50g/瓶", "添加2%烟酰胺+0.3%透明质酸钠；甲醛未检出（见检测报告第5页）", "139元", "赠同款15g小样1支，限6月10日20:00-22:00",
         E.COMPANY],
    ]})
    cream_report(d)
    E.make_lines_pdf(d / "营业执照.pdf", E.business_licence_lines())
    E.make_lines_pdf(d / "商标注册证.pdf", trademark())
    return {"broadcast_date": DATE, "expected": [],
            "must_not_hit": ["2%烟酰胺", "检测报告显示", "山茶花®", "甲醛未检出", "净含量50g"]}


def ev_cream_contradicted(d: Path) -> dict:
    """Cosmetics: numbers above the report, a lab that did not test it, ® on a class-35-only mark."""
    make_docx(d / "直播脚本.docx", [
        f"{CREAM} 直播脚本（618专场）",
        f"直播日期：{DATE}　主播：小雅　副播：阿杰",
        "直播间贴片：未成年人需监护人陪同观看",
        f"产品名称：{CREAM} 50g",
        "【开场】主播：宝宝们晚上好，今天618专场第一个上的就是山茶花®水润保湿面霜，库存不多，大家先把小黄车1号链接点开。",
        "【成分】主播：这一瓶添加了5%烟酰胺，提亮的效果大家一上脸就能看出来；神经酰胺含量高达0.5%，干皮敏感皮都可以用。",
        "【安全】副播：经SGS检测，甲醛未检出，孕期的宝宝也经常来问，安全这块大家放心。",
        "【用法】主播：早晚洁面之后取黄豆大小，在两颊、额头、下巴点涂，再轻轻推开。",
        "【价格】主播：今天直播间价格139元，再送同款15g小样一支，活动截止到今晚22:00。",
        "【售后】副播：支持7天无理由退换，48小时内发货。",
        f"供应商：{E.COMPANY}",
    ])
    cream_report(d)
    E.make_lines_pdf(d / "营业执照.pdf", E.business_licence_lines())
    E.make_lines_pdf(d / "商标注册证.pdf", trademark(tm_class=35, goods="广告；替他人推销；进出口代理；在线零售服务"))
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "5%烟酰胺"},
        {"category": "evidence", "text": "神经酰胺含量高达0.5%"},
        {"category": "evidence", "text": "经SGS检测"},
        {"category": "evidence", "text": "山茶花®"},
    ], "must_not_hit": ["甲醛未检出"]}


def ev_vc_clean(d: Path) -> dict:
    """Health food with certificate, report and licence; only approved wording. Clean."""
    make_docx(d / "直播脚本.docx", [
        f"{VC} 直播脚本",
        f"直播日期：{DATE}　开播时间：19:30",
        "直播间贴片：未成年人需监护人陪同观看",
        f"产品名称：{VC} 60片/瓶",
        f"[19:30] 主播：家人们晚上好，今天给大家带来的是{VC}，它是蓝帽子保健食品，批准文号国食健注G20190123，注册证书大家可以在商品详情页看到。",
        "[19:33] 主播：它的保健功能是有助于增强免疫力。适宜人群是免疫力低下者，少年儿童、孕妇、乳母不适宜食用。",
        "[19:35] 主播：每100g含维生素C 5.2g，食用方法是每日2次，每次1片，咀嚼食用，是香橙口味的。",
        "[19:36] 副播：这里提醒一下，保健食品不是药物，不能代替药物治疗疾病，这句话我们直播间会一直挂在屏幕下方。",
        "[19:38] 主播：今天直播间价格89元一瓶，拍两瓶再减10元，活动到今晚21:00结束。",
        "[19:40] 副播：有慢性病在吃药的家人，买之前先问问医生。",
    ])
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, VC, "1.0g/片×60片", "保健功能：有助于增强免疫力（国食健注G20190123）", "89元", "拍两瓶减10元", E.HEALTH_COMPANY],
        ["", "常驻字幕", "", "保健食品不是药物，不能代替药物治疗疾病", "", "", ""],
    ]})
    vc_evidence(d)
    return {"broadcast_date": DATE, "expected": [],
            "must_not_hit": ["有助于增强免疫力", "国食健注G20190123", "每100g含维生素C 5.2g"]}


def ev_vc_overclaim(d: Path) -> dict:
    """Health food: functions beyond the certificate and a mistyped approval number."""
    (d / "直播脚本.txt").write_text(f"""{VC} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{VC} 60片/瓶
[19:30] 主播：家人们，今天这款{VC}是蓝帽子保健食品，批准文号国食健注G20190132。
[19:32] 主播：它有助于增强免疫力，而且晚上吃一片还能改善睡眠，熬夜加班的朋友吃了抗疲劳。
[19:34] 副播：保健食品不是药物，不能代替药物治疗疾病。
[19:35] 主播：每日2次，每次1片，咀嚼食用。今天直播间价格89元，拍两瓶再减10元。
[19:37] 副播：少年儿童、孕妇、乳母不适宜食用，有慢性病的家人买之前先问问医生。
""", encoding="utf-8")
    vc_evidence(d)
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "改善睡眠"},
        {"category": "evidence", "text": "抗疲劳"},
        {"category": "evidence", "text": "国食健注G20190132"},
    ], "must_not_hit": ["有助于增强免疫力"]}


def ev_vc_nocert(d: Path) -> dict:
    """Health food sold without its registration certificate; a lab the report does not name."""
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, VC, "1.0g/片×60片", "蓝帽子保健食品 国食健注G20190123；有助于增强免疫力；经华测检测，每100g含维生素C 5.2g", "89元",
         "拍两瓶减10元", E.HEALTH_COMPANY],
        ["", "常驻字幕", "", "保健食品不是药物，不能代替药物治疗疾病", "", "", ""],
    ]})
    vc_evidence(d, with_cert=False)
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "国食健注G20190123"},
        {"category": "evidence", "text": "经华测检测"},
    ], "must_not_hit": ["每100g含维生素C 5.2g"]}


def ev_cup_clean(d: Path) -> dict:
    """Insulated cup: patent held by the supplier, capacity in the report. Clean."""
    make_pdf(d / "直播脚本.pdf", [[
        f"{CUP} 直播脚本",
        f"直播日期：{DATE}",
        "直播间贴片：未成年人需监护人陪同观看",
        f"产品名称：{CUP} 500ml",
        "主播：家人们看过来，今天这个保温杯是我们自己工厂做的。",
        "主播：杯盖是实用新型专利，",
        "专利号ZL 2022 2 0123456.7，按一下就能单手打开。",
        "副播：容量500ml，装满一杯水刚好够上午喝。",
        "副播：检测报告显示铅、镉迁移量都未检出。",
        "主播：早上装的热水，到下午还是温的，",
        "冬天带去上班很合适。",
        "主播：今天直播间价格79元，下单送一个杯套。",
        "副播：杯子第一次用之前，先用温水清洗一遍。",
        f"供应商：{CUP_COMPANY}",
    ]])
    cup_evidence(d)
    return {"broadcast_date": DATE, "expected": [],
            "must_not_hit": ["ZL 2022 2 0123456.7", "容量500ml", "检测报告显示"]}


def ev_cup_patent_bad(d: Path) -> dict:
    """Cup: a utility model sold as an invention patent, and a design patent without any certificate."""
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, CUP, "500ml", "杯盖发明专利ZL 2022 2 0123456.7，一键弹开；杯身外观设计专利ZL 2023 3 0456789.1", "79元", "送杯套",
         CUP_COMPANY],
    ]})
    (d / "直播脚本.txt").write_text(f"""{CUP} 直播话术
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{CUP}
主播：家人们，这个杯盖单手一按就开，开车等红灯的时候喝水也方便。
副播：杯身是磨砂的，手感很好，不容易滑，颜色有雾白和墨绿两种。
主播：今天直播间79元，还送一个杯套，小黄车2号链接。
""", encoding="utf-8")
    cup_evidence(d)
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "ZL 2022 2 0123456.7"},
        {"category": "evidence", "text": "ZL 2023 3 0456789.1"},
        {"category": "patent", "text": "ZL 2022 2 0123456.7"},
    ]}


def ev_pajamas_clean(d: Path) -> dict:
    """Children's pajamas: A类 and formaldehyde from the report, OEKO-TEX certificate present. Clean."""
    make_docx(d / "直播脚本.docx", [
        f"{PAJAMAS} 直播脚本",
        f"直播日期：{DATE}",
        "直播间贴片：未成年人需监护人陪同观看",
        f"产品名称：{PAJAMAS}",
        "主播：宝妈们晚上好，夏天到了，今天给小朋友们带来一套纯棉睡衣，面料是100%棉，透气不闷汗。",
        "主播：这套睡衣达到GB 18401 A类标准，甲醛未检出，小朋友贴身穿也可以放心。",
        "副播：面料还通过了OEKO-TEX STANDARD 100认证，证书大家在详情页可以查到。",
        "主播：尺码从90到140都有，宝宝身高110的就拍110码，拿不准的可以问客服。",
        "主播：今天直播间价格69元一套，两套再减10元。",
        "副播：第一次穿之前建议先用清水洗一遍，洗的时候反面朝外。",
    ])
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, PAJAMAS, "90-140码", "100%棉；GB 18401 A类；甲醛未检出", "69元", "两套减10元", KIDS_COMPANY],
    ]})
    pajama_evidence(d)
    E.make_lines_pdf(d / "认证证书.pdf", [
        "OEKO-TEX STANDARD 100 认证证书",
        "证书编号：23.HCN.12345",
        f"证书持有人：{KIDS_COMPANY}",
        "认证产品：儿童纯棉针织睡衣套装（面料、缝纫线、纽扣）",
        "产品等级：I级（婴幼儿用品）",
        "发证机构：OEKO-TEX 授权检测机构",
        "有效期至：2027年03月31日",
    ])
    return {"broadcast_date": DATE, "expected": [],
            "must_not_hit": ["A类", "甲醛未检出", "OEKO-TEX"]}


def ev_pajamas_bad(d: Path) -> dict:
    """Children's pajamas: the report says B类 and finds formaldehyde."""
    (d / "直播脚本.txt").write_text(f"""{PAJAMAS} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{PAJAMAS}
[21:00] 主播：宝妈们，这套睡衣是A类标准的婴幼儿面料，甲醛未检出，宝宝贴身穿完全没问题。
[21:02] 副播：面料是100%棉，洗了不起球，颜色是浅粉和浅蓝两种。
[21:04] 主播：今天直播间69元一套，两套再减10元，活动到今晚23:00结束。
供应商：{KIDS_COMPANY}
""", encoding="utf-8")
    pajama_evidence(d, grade="B类", formaldehyde="18")
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "A类"},
        {"category": "evidence", "text": "甲醛未检出"},
    ]}


WATER_ROWS = (
    ("能量", "kJ/100mL", "—", "0"),
    ("蛋白质", "g/100mL", "—", "0"),
    ("脂肪", "g/100mL", "—", "0"),
    ("碳水化合物", "g/100mL", "—", "0"),
    ("糖", "g/100mL", "≤0.5", "0.1"),
    ("钠", "mg/100mL", "—", "12"),
    ("二氧化碳气容量", "倍", "≥1.5", "2.8"),
    ("铅（以Pb计）", "mg/L", "≤0.3", "未检出"),
    ("菌落总数", "CFU/mL", "≤100", "<1"),
    ("大肠菌群", "CFU/mL", "≤1", "<1"),
    ("净含量", "mL", "≥480", "486"),
)


def ev_water_supplier(d: Path) -> dict:
    """Sparkling water: 0糖0脂0卡 backed by the report, but the hand card's supplier is not the licence holder
    and a HACCP certification is cited without a certificate."""
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, WATER, "480ml×15瓶", "0糖0脂0卡；钠含量只有12mg/100ml；工厂通过HACCP认证", "59.9元", "第二箱半价", "苏州清泉饮品有限公司"],
    ]})
    (d / "直播脚本.txt").write_text(f"""{WATER} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{WATER} 480ml×15瓶
主播：家人们，夏天到了，今天这箱苏打气泡水是0糖0脂0卡的，想控制糖分的朋友可以把它当日常饮料。
副播：气很足，冰过之后喝一口特别爽，我们一共有白桃、青柠、原味三个口味。
主播：今天直播间59.9元一箱15瓶，第二箱半价，小黄车3号链接。
副播：开瓶之后尽快喝完，冷藏保存口感更好。
""", encoding="utf-8")
    report_pdf(d / "检验报告.pdf", WATER, WATER_ROWS, spec="480mL/瓶", brand="清泉", client=WATER_COMPANY,
               maker=WATER_COMPANY, basis="GB 7101-2022；GB 28050-2011；GB 5009.12-2017")
    E.make_lines_pdf(d / "食品生产许可证.pdf", E.food_licence_lines(name=WATER_COMPANY, code=WATER_CODE,
                                                                   number="SC10632050800123"))
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "苏州清泉饮品有限公司"},
        {"category": "evidence", "text": "通过HACCP认证"},
    ], "must_not_hit": ["0糖", "0脂", "0卡", "钠含量只有12mg/100ml"]}


SUN_ROWS = (
    ("SPF值", "—", "≥50", "52.6"),
    ("PFA值", "—", "≥8", "12.4"),
    ("PA分级", "—", "PA+++", "PA+++"),
    ("菌落总数", "CFU/g", "≤1000", "<10"),
    ("铅", "mg/kg", "≤10", "0.35"),
    ("汞", "mg/kg", "≤1", "<0.002"),
    ("砷", "mg/kg", "≤2", "0.06"),
    ("镉", "mg/kg", "≤5", "<0.01"),
    ("净含量", "mL", "≥50", "51.2"),
)


def ev_sunscreen_ocr(d: Path) -> dict:
    """Sunscreen: PA++++ above the measured PFA; the business licence is a photo read by OCR."""
    (d / "直播脚本.txt").write_text(f"""{SUNSCREEN} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{SUNSCREEN} 50ml
主播：姐妹们，夏天出门防晒一定要做，今天这支防晒乳是SPF50+ PA++++，通勤、户外都能用。
副播：它是特殊化妆品，注册证号国妆特字G20210456，大家可以在药监局网站查到。
主播：质地是清透的乳液，抹开不泛白，出门前15分钟涂，户外每两小时补涂一次。
主播：今天直播间价格99元，再送同款10ml小样一支，活动到今晚22:00。
""", encoding="utf-8")
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, SUNSCREEN, "50ml", "SPF50+ PA++++；国妆特字G20210456", "99元", "送10ml小样1支", E.COMPANY],
    ]})
    report_pdf(d / "防晒检测报告.pdf", SUNSCREEN, SUN_ROWS, spec="50mL/支", brand="山茶花", client=E.COMPANY,
               maker="浙江美研化妆品制造有限公司", basis="《化妆品安全技术规范》（2015年版）第8章 防晒化妆品防晒指数（SPF值）测定方法")
    E.make_lines_png(d / "营业执照.png", E.business_licence_lines())
    E.make_lines_pdf(d / "特殊化妆品注册证.pdf", E.cosmetic_cert_lines(until="2027年08月19日"))
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "PA++++"},
    ], "must_not_hit": ["SPF50+", E.COMPANY]}


def ev_report_wrong_product(d: Path) -> dict:
    """The only test report is for another product of the same brand."""
    (d / "直播脚本.txt").write_text(f"""{CREAM} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{CREAM}
主播：宝宝们，今天这款水润保湿面霜添加了2%烟酰胺，检测报告显示甲醛未检出。
副播：质地是轻薄的乳霜，干皮早晚各用一次，油皮晚上用一次。
主播：今天直播间139元，再送同款15g小样，活动到今晚22:00。
供应商：{E.COMPANY}
""", encoding="utf-8")
    report_pdf(d / "检测报告.pdf", SUNSCREEN, SUN_ROWS, spec="50mL/支", brand="山茶花", client=E.COMPANY,
               maker="浙江美研化妆品制造有限公司", basis=CREAM_BASIS)
    E.make_lines_pdf(d / "营业执照.pdf", E.business_licence_lines())
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": SUNSCREEN, "document": "检测报告.pdf"},
        {"category": "evidence", "text": "2%烟酰胺"},
        {"category": "evidence", "text": "检测报告显示"},
        {"category": "evidence", "text": "甲醛未检出"},
    ]}


def ev_protein_noevidence(d: Path) -> dict:
    """No evidence at all: only the claims that need evidence are findings; the rest are table rows."""
    (d / "直播脚本.txt").write_text(f"""小牛力乳清蛋白粉 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
直播间：小牛力运动营养旗舰店　主播：阿强　副播：可可
产品名称：小牛力乳清蛋白粉 香草味 900g

[20:00] 开场
主播：兄弟们晚上好，练完的朋友来直播间坐一会儿，今天给大家讲讲怎么挑蛋白粉。
副播：新进来的朋友点个关注，今天的福利在小黄车1号链接。

[20:05] 产品讲解
主播：这款小牛力®乳清蛋白粉，每100g含蛋白质80g，一勺30g冲250ml水或者牛奶就行。
副播：它含有18种氨基酸，0添加蔗糖，控糖的朋友也可以喝。
主播：经第三方机构检测，重金属都在国家标准限值以内，我们用的是进口乳清原料。
副播：净含量900g，一罐大概能喝一个月，训练后半小时内喝比较合适。

[20:12] 价格
主播：今天直播间价格299元一罐，两罐再减30元，送一个摇摇杯。
副播：不适合乳糖不耐受的朋友，买之前看一下配料表。
""", encoding="utf-8")
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "小牛力®"},
        {"category": "ip", "text": "小牛力®"},  # (lead) ® with no registration number given
        {"category": "evidence", "text": "每100g含蛋白质80g"},
        {"category": "evidence", "text": "18种氨基酸"},
        {"category": "evidence", "text": "0添加蔗糖"},
        {"category": "evidence", "text": "经第三方机构检测"},
    ], "must_not_hit": ["净含量900g"]}


def ev_fan_clean(d: Path) -> dict:
    """A fan sold with label facts only (energy grade, size, weight) and no evidence: nothing to report. Clean."""
    (d / "直播脚本.txt").write_text(f"""凉风小白落地扇 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：凉风小白落地扇 FS-40
主播：家人们，天气一下子热起来了，今天这台落地扇是新国标一级能效，晚上开一整夜电费也就几毛钱。
副播：它有三档风速，还能定时，最长可以定8小时，睡着了自己会关。
主播：扇叶直径40cm，整机重量3.2kg，小朋友也搬得动，卧室客厅来回挪很方便。
副播：遥控器放在包装盒的侧边格子里，大家拆箱的时候别当垃圾扔了。
主播：今天直播间价格159元，下单送一年上门换新服务，小黄车4号链接。
副播：安装很简单，底座和立杆一拧就上，视频教程在详情页。
""", encoding="utf-8")
    make_xlsx(d / "手卡.xlsx", {"手卡": [
        HAND_CARD_HEADER,
        [1, "凉风小白落地扇 FS-40", "40cm扇叶", "新国标一级能效；三档风速；8小时定时", "159元", "一年上门换新", "佛山凉风电器有限公司"],
    ]})
    return {"broadcast_date": DATE, "expected": [], "must_not_hit": ["一级能效"]}


def ev_multi_handcard(d: Path) -> dict:
    """Three products on one hand card, each with its own evidence; only the sunscreen's PA grade is too high."""
    make_xlsx(d / "手卡.xlsx", {"618美妆保健专场": [
        HAND_CARD_HEADER,
        [1, CREAM, "50g/瓶", "添加2%烟酰胺+0.3%透明质酸钠", "139元", "赠15g小样1支", E.COMPANY],
        [2, SUNSCREEN, "50ml/支", "SPF50+ PA++++，清透不泛白", "99元", "赠10ml小样1支", E.COMPANY],
        [3, VC, "1.0g/片×60片", "有助于增强免疫力；每100g含维生素C 5.2g", "89元", "拍两瓶减10元", E.HEALTH_COMPANY],
        ["", "常驻字幕", "", "保健食品不是药物，不能代替药物治疗疾病", "", "", ""],
    ]})
    make_docx(d / "直播脚本.docx", [
        "618美妆保健专场 直播脚本",
        f"直播日期：{DATE}　主播：小雅　副播：阿杰",
        "直播间贴片：未成年人需监护人陪同观看",
        f"第一款：{CREAM}",
        "主播：第一款是我们的保湿面霜，添加了2%烟酰胺，干皮早晚各用一次。",
        f"第二款：{SUNSCREEN}",
        "主播：第二款防晒乳是SPF50+ PA++++，通勤户外都能用，出门前15分钟涂。",
        f"第三款：{VC}",
        "主播：第三款是蓝帽子保健食品，国食健注G20190123，保健功能是有助于增强免疫力，每日2次，每次1片。",
        "副播：保健食品不是药物，不能代替药物治疗疾病。少年儿童、孕妇、乳母不适宜食用。",
        "主播：三款的价格和赠品都在手卡上，小黄车1到3号链接。",
    ])
    cream_report(d, "面霜检测报告.pdf")
    report_pdf(d / "防晒检测报告.pdf", SUNSCREEN, SUN_ROWS, spec="50mL/支", brand="山茶花", client=E.COMPANY,
               maker="浙江美研化妆品制造有限公司", basis="《化妆品安全技术规范》（2015年版）")
    vc_evidence(d)
    E.make_lines_pdf(d / "山茶花营业执照.pdf", E.business_licence_lines())
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "PA++++"},
        # (lead) the sunscreen is sold without its 国妆特字 certificate in the bundle
        {"category": "health_claim", "text": "防晒", "document": "手卡.xlsx"},
        {"category": "health_claim", "text": "防晒", "document": "直播脚本.docx"},
    ], "must_not_hit": ["2%烟酰胺", "SPF50+", "有助于增强免疫力", "国食健注G20190123"]}


MOP = "净易旋转拖把"
MOP_COMPANY, MOP_CODE = "台州净易家居用品有限公司", "91331002MA2K7C5W2A"


def ev_patent_expired(d: Path) -> dict:
    """A mop advertised with a utility-model patent whose ten-year term ended in 2025."""
    (d / "直播脚本.txt").write_text(f"""{MOP} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{MOP}
主播：家人们，今天这把旋转拖把的脱水桶是实用新型专利，专利号ZL 2015 2 0345678.3，脚踩一下就甩干。
副播：拖布是超细纤维的，吸水快，拖完地上不留水印，拖布头可以单独买替换装。
主播：今天直播间价格69元，再送两块替换拖布，小黄车5号链接。
供应商：{MOP_COMPANY}
""", encoding="utf-8")
    E.make_lines_pdf(d / "专利证书.pdf", E.patent_lines(number="ZL 2015 2 0345678.3", title="一种脚踏式拖把脱水桶",
                                                      filed="2015年05月12日", granted="2015年10月21日", patentee=MOP_COMPANY))
    E.make_lines_pdf(d / "营业执照.pdf", licence(MOP_COMPANY, MOP_CODE, "家居用品制造；日用品销售；塑料制品制造。"))
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "ZL 2015 2 0345678.3", "document": "直播脚本.txt"},
        {"category": "evidence", "text": "2015年05月12日", "document": "专利证书.pdf"},  # the filing date decides
        {"category": "patent", "text": "ZL 2015 2 0345678.3"},
    ]}


MILK = "牧原高钙全脂奶粉"


def ev_scanned_report(d: Path) -> dict:
    """Milk powder whose only report is a scanned PDF (OCR): calcium is backed, the protein figure is not."""
    (d / "直播脚本.txt").write_text(f"""{MILK} 直播脚本
直播日期：{DATE}
直播间贴片：未成年人需监护人陪同观看
产品名称：{MILK} 800g
主播：家人们，今天这罐奶粉是给家里长辈和上班族准备的，每100g含钙900mg，蛋白质含量高达26g/100g。
副播：冲调方法是40度左右的温水，一杯200ml水放三勺，先放水再放粉，搅匀就可以喝。
主播：今天直播间价格118元一罐，两罐再减20元，小黄车6号链接。
副播：奶粉开罐后请在四周内喝完，放在阴凉干燥的地方。
""", encoding="utf-8")
    png = scanned_report_png(d / "_scan.png", [
        f"CMA  {E.LAB_CMA}", "报告编号：ZJT-2026-M0412", f"样品名称：{MILK}", "委托单位：内蒙古牧原乳业有限公司",
        "检验机构：浙江正衡检测技术有限公司"], [
        ["序号", "检验项目", "单位", "标准要求", "检验结果", "单项判定"],
        ["1", "蛋白质", "g/100g", "≥16.5", "24.8", "合格"],
        ["2", "钙", "mg/100g", "—", "926", "合格"],
        ["3", "脂肪", "g/100g", "≥26.0", "27.5", "合格"],
        ["4", "水分", "%", "≤5.0", "2.8", "合格"],
        ["5", "铅（以Pb计）", "mg/kg", "≤0.5", "0.02", "合格"],
        ["6", "菌落总数", "CFU/g", "≤50000", "1200", "合格"]],
        ["检验结论：所检项目符合GB 19644-2024的要求。", "签发日期：2026年04月20日"])
    E.make_image_only_pdf(d / "检测报告_扫描件.pdf", [png])
    png.unlink()
    return {"broadcast_date": DATE, "expected": [
        {"category": "evidence", "text": "蛋白质含量高达26g/100g"},
    ], "must_not_hit": ["每100g含钙900mg"]}


BUNDLES: dict[str, Callable[[Path], dict]] = {f.__name__: f for f in (
    ev_cream_clean, ev_cream_contradicted, ev_vc_clean, ev_vc_overclaim, ev_vc_nocert, ev_cup_clean,
    ev_cup_patent_bad, ev_pajamas_clean, ev_pajamas_bad, ev_water_supplier, ev_sunscreen_ocr,
    ev_report_wrong_product, ev_protein_noevidence, ev_fan_clean, ev_multi_handcard, ev_patent_expired,
    ev_scanned_report,
)}


def write(name: str, out: Path = OUT) -> Path:
    """(Re)create one bundle folder with its files and expected.yaml."""
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    spec = BUNDLES[name](folder)
    spec = {"note": BUNDLES[name].__doc__.split("\n")[0], **spec}
    (folder / "expected.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", action="append", choices=sorted(BUNDLES))
    args = parser.parse_args(argv)
    for name in args.only or BUNDLES:
        print(write(name, args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
