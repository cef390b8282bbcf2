"""Realistic evidence documents for tests: test reports, licences and certificates.

The default documents are all valid for a broadcast between 2026-04-10 and 2027-04-07 (the report is
issued 2026-04-08; every licence and certificate runs past 2028).

Content builders return plain data (lines, key-value rows, result rows) with keyword overrides for
variants (expired, invalid code, 不合格 …); writers render them as PDF (reportlab + embedded wqy-zenhei),
docx (python-docx) or PNG (PIL + wqy-zenhei, for OCR). Other test modules may import everything here.

    from tests.evidence_fixtures import make_report_pdf, licence_lines, make_lines_png
    make_report_pdf(tmp_path / "检测报告.pdf")                       # a clean 10-page report
    make_report_pdf(tmp_path / "bad.pdf", rows=report_rows(fail="铅"))   # one 不合格 item
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tests.fixtures_docs import WQY_FONT, _cjk_font

# --- identities used across the documents (all check digits valid) --------------------------------

COMPANY = "杭州山茶花生物科技有限公司"
COMPANY_CODE = "91330106MA2H3K7P0B"
FOOD_COMPANY = "浙江禾润食品有限公司"
FOOD_CODE = "91330481MA29F8KQ1F"
HEALTH_COMPANY = "禾康（浙江）健康科技有限公司"
LAB = "浙江正衡检测技术有限公司"
LAB_CMA = "231520341234"
BAD_CODE = "91330106MA2H3K7P0C"          # check character wrong (should be B)
REPORT_NO = "ZJT-2026-H0815"


# --- content --------------------------------------------------------------------------------------

def business_licence_lines(*, name: str = COMPANY, code: str = COMPANY_CODE, legal_rep: str = "陈晓燕",
                           term: str = "2019年04月18日至长期", issued: str = "2023年05月10日") -> list[str]:
    """The printed lines of a 营业执照 (副本)."""
    return [
        "营业执照",
        "（副本）",
        f"统一社会信用代码  {code}",
        f"名　　称  {name}",
        "类　　型  有限责任公司（自然人投资或控股）",
        f"法定代表人  {legal_rep}",
        "经营范围  一般项目：化妆品批发；化妆品零售；日用品销售；技术服务、技术开发、技术咨询。",
        "注册资本  伍佰万元整",
        "成立日期  2019年04月18日",
        f"营业期限  {term}",
        "住　　所  浙江省杭州市西湖区文三路398号5幢1203室",
        "登记机关  杭州市西湖区市场监督管理局",
        issued,
    ]


def food_licence_lines(*, name: str = FOOD_COMPANY, code: str = FOOD_CODE, number: str = "SC10633048100123",
                       until: str = "2028年06月11日") -> list[str]:
    """The printed lines of a 食品生产许可证 (副本)."""
    return [
        "食品生产许可证",
        f"生产者名称：{name}",
        f"社会信用代码（身份证号码）：{code}",
        "法定代表人（负责人）：王建国",
        "住　　所：浙江省嘉兴市海宁市海昌街道双联路128号",
        "生产地址：浙江省嘉兴市海宁市海昌街道双联路128号1号楼",
        "食品类别：糕点；饮料；糖果制品",
        f"许可证编号：{number}",
        "日常监督管理机构：海宁市市场监督管理局",
        "发证机关：嘉兴市市场监督管理局",
        f"有效期至：{until}",
        "签发日期：2023年06月12日",
    ]


def health_food_lines(*, number: str = "国食健注G20190123", functions: str = "有助于增强免疫力",
                      until: str = "2029年03月14日") -> list[str]:
    """The printed lines of a 国产保健食品注册证书."""
    return [
        "国产保健食品注册证书",
        "产品名称：禾康牌维生素C咀嚼片",
        f"注册人：{HEALTH_COMPANY}",
        "注册人地址：浙江省湖州市德清县武康街道长虹东街926号",
        f"注册号：{number}",
        f"保健功能：{functions}",
        "功效成分/标志性成分含量：每100g含维生素C 5.2g",
        "主要原料：维生素C、山梨糖醇、柠檬酸、硬脂酸镁",
        "适宜人群：免疫力低下者",
        "不适宜人群：少年儿童、孕妇、乳母",
        "食用量及食用方法：每日2次，每次1片，咀嚼食用",
        "产品规格：1.0g/片",
        f"有效期至：{until}",
        "批准日期：2024年03月15日",
    ]


def cosmetic_cert_lines(*, number: str = "国妆特字G20230456", until: str = "2028年08月19日") -> list[str]:
    """The printed lines of a 特殊化妆品注册证."""
    return [
        "特殊化妆品注册证",
        "产品名称：山茶花清透防晒乳SPF50+ PA+++",
        f"注册人：{COMPANY}",
        "注册人地址：浙江省杭州市西湖区文三路398号5幢1203室",
        f"注册证号：{number}",
        "产品类别：防晒",
        "生产企业：浙江美研化妆品制造有限公司",
        f"有效期至：{until}",
        "批准日期：2023年08月20日",
        "国家药品监督管理局",
    ]


def drug_approval_lines(*, number: str = "国药准字H33020456", until: str = "2030年01月07日") -> list[str]:
    """The printed lines of a 药品注册证书."""
    return [
        "药品注册证书",
        "药品名称：维生素C片",
        "剂型：片剂",
        "规格：0.1g",
        "上市许可持有人：浙江康恩贝制药股份有限公司",
        f"药品批准文号：{number}",
        f"药品批准文号有效期：{until}",
        "审批结论：符合药品注册的有关要求，批准注册。",
    ]


def device_registration_lines(*, number: str = "浙械注准20212140123", until: str = "2031年05月09日") -> list[str]:
    """The printed lines of a 医疗器械注册证."""
    return [
        "中华人民共和国医疗器械注册证",
        f"注册证编号：{number}",
        "注册人名称：杭州瑞肤医疗器械有限公司",
        "产品名称：医用冷敷贴",
        "型号、规格：贴片型 25ml/片",
        "适用范围：用于非慢性创面（如浅表性创面、手术后缝合创面）及周围皮肤的护理。",
        "批准日期：2021年05月10日",
        f"有效期至：{until}",
    ]


def trademark_lines(*, number: str = "12345678", mark: str = "山茶花", tm_class: int = 3,
                    goods: str = "化妆品；面霜；洁面乳；防晒霜；香水；护肤用化妆剂",
                    term: str = "2019年05月07日至2029年05月06日") -> list[str]:
    """The printed lines of a 商标注册证."""
    return [
        "商标注册证",
        f"第{number}号",
        f"商标：{mark}",
        f"注册人：{COMPANY}",
        "注册人地址：浙江省杭州市西湖区文三路398号5幢1203室",
        f"核定使用商品（第{tm_class}类）：{goods}",
        f"注册有效期限：{term}",
        "国家知识产权局商标局",
    ]


def patent_lines(*, kind: str = "实用新型", number: str = "ZL 2022 2 0123456.7", title: str = "一种按压式防漏杯盖",
                 filed: str = "2022年01月18日", granted: str = "2022年06月21日",
                 patentee: str = "宁波恒杯日用品有限公司") -> list[str]:
    """The printed lines of a 专利证书."""
    return [
        f"{kind}专利证书",
        "证书号第16834521号",
        f"{kind}名称：{title}",
        "发明人：李明；周佳",
        f"专利号：{number}",
        f"专利申请日：{filed}",
        f"专利权人：{patentee}",
        "地址：浙江省宁波市余姚市阳明街道舜达西路58号",
        f"授权公告日：{granted}",
        "国家知识产权局",
    ]


RESULT_HEADER = ("序号", "检验项目", "单位", "标准要求", "检验结果", "单项判定")
_CREAM_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("菌落总数", "CFU/g", "≤1000", "<10"),
    ("霉菌和酵母菌总数", "CFU/g", "≤100", "<10"),
    ("耐热大肠菌群", "/g", "不得检出", "未检出"),
    ("金黄色葡萄球菌", "/g", "不得检出", "未检出"),
    ("铜绿假单胞菌", "/g", "不得检出", "未检出"),
    ("铅", "mg/kg", "≤10", "0.21"),
    ("汞", "mg/kg", "≤1", "<0.002"),
    ("砷", "mg/kg", "≤2", "0.05"),
    ("镉", "mg/kg", "≤5", "<0.01"),
    ("甲醇", "mg/kg", "≤2000", "未检出"),
    ("二噁烷", "mg/kg", "≤30", "未检出"),
    ("石棉", "—", "不得检出", "未检出"),
    ("pH", "—", "4.0～8.5", "6.2"),
    ("耐热", "—", "(40±1)℃保持24h，恢复室温后无油水分离", "无油水分离"),
    ("耐寒", "—", "(-8±2)℃保持24h，恢复室温后无油水分离", "无油水分离"),
    ("甲醛", "mg/kg", "不得检出", "未检出"),
    ("苯酚", "mg/kg", "不得检出", "未检出"),
    ("氢醌", "mg/kg", "不得检出", "未检出"),
    ("透明质酸钠", "%", "≥0.1", "0.32"),
    ("神经酰胺3", "%", "≥0.05", "0.08"),
    ("烟酰胺", "%", "≥2.0", "2.1"),
    ("甘油", "%", "—", "5.6"),
    ("水分", "%", "—", "71.2"),
    ("净含量", "g", "≥50", "51.3"),
    ("包装外观", "—", "清洁、无破损", "符合"),
    ("标签", "—", "符合GB 5296.3-2008", "符合"),
    ("氯仿", "mg/kg", "不得检出", "未检出"),
    ("苯", "mg/kg", "不得检出", "未检出"),
    ("游离氢氧化物", "%", "≤0.5", "未检出"),
    ("总氟", "%", "≤0.15", "未检出"),
    ("硼酸", "%", "≤3", "未检出"),
    ("丙二醇", "%", "—", "3.2"),
    ("苯氧乙醇", "%", "≤1.0", "0.45"),
    ("防腐剂（尼泊金甲酯）", "%", "≤0.4", "未检出"),
    ("邻苯二甲酸二丁酯", "mg/kg", "不得检出", "未检出"),
    ("香精过敏原", "—", "如实标注", "符合"),
)


def report_rows(*, fail: str = "", rows: Sequence[tuple[str, str, str, str]] = _CREAM_ROWS
                ) -> list[tuple[str, str, str, str, str, str]]:
    """Result rows (序号, 项目, 单位, 要求, 结果, 判定); the item named `fail` gets an excessive result and 不合格."""
    out = []
    for i, (item, unit, req, res) in enumerate(rows, start=1):
        verdict = "合格"
        if item == fail:
            res, verdict = "15.6", "不合格"
        out.append((str(i), item, unit, req, res, verdict))
    return out


def report_info_rows(*, sample: str = "山茶花水润保湿面霜", spec: str = "50g/瓶", client: str = COMPANY,
                     received: str = "2026年03月20日", conclusion: str = "") -> list[list[str]]:
    """The key-value table of a report's second page (样品信息 and 检验结论)."""
    conclusion = conclusion or ("经检验，所检项目符合《化妆品安全技术规范》（2015年版）及QB/T 1857-2013的要求，"
                                "判定为合格。")
    return [
        ["样品名称", sample, "规格型号", spec],
        ["商标", "山茶花", "生产日期/批号", "20260312"],
        ["委托单位", client, "检验类别", "委托检验"],
        ["生产单位", "浙江美研化妆品制造有限公司", "样品数量", "6瓶"],
        ["收样日期", received, "检验日期", "2026年03月20日至2026年04月02日"],
        ["检验依据", "《化妆品安全技术规范》（2015年版）；QB/T 1857-2013；GB/T 29665-2013", "", ""],
        ["检验结论", conclusion, "", ""],
    ]


def report_cover_lines(*, sample: str = "山茶花水润保湿面霜", client: str = COMPANY, cma: bool = True,
                       issued: str = "2026年04月08日", report_no: str = REPORT_NO) -> list[str]:
    """Page 1 of a 检验检测报告."""
    mark = [f"CMA  {LAB_CMA}", "CNAS L12345"] if cma else ["CNAS L12345"]
    return [
        *mark,
        "检 验 检 测 报 告",
        f"报告编号：{report_no}",
        f"样品名称：{sample}",
        f"委托单位：{client}",
        "检验类别：委托检验",
        LAB,
        f"签发日期：{issued}",
    ]


def report_final_lines(*, conclusion: str = "所检项目均符合标准要求，判定为合格。",
                       issued: str = "2026年04月08日") -> list[str]:
    """The last page: conclusion, remarks and signatures."""
    return [
        f"检验结论：{conclusion}",
        "备注：1. 本报告仅对来样负责。2. 报告无检验检测专用章无效。3. 未经本机构书面批准，不得部分复制本报告。",
        "编制：吴敏    审核：郑磊    批准：孙立新",
        f"签发日期：{issued}",
        f"{LAB}（检验检测专用章）",
        "地址：杭州市余杭区文一西路1818号  电话：0571-88886666",
    ]


# --- writers --------------------------------------------------------------------------------------

def _styles():
    from reportlab.lib.styles import ParagraphStyle

    font = _cjk_font()
    body = ParagraphStyle("cjk", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    title = ParagraphStyle("cjk-title", parent=body, fontSize=20, leading=28, alignment=1)
    return font, body, title


def _table(rows: Sequence[Sequence[str]], font: str, body, widths=None):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(str(c), body) if len(str(c)) > 12 else str(c) for c in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def make_report_pdf(path: Path, *, pages: int = 10, rows: Sequence[Sequence[str]] | None = None,
                    cover: Sequence[str] | None = None, info: Sequence[Sequence[str]] | None = None,
                    final: Sequence[str] | None = None, report_no: str = REPORT_NO) -> Path:
    """A multi-page 检验检测报告 PDF: cover, sample-info table, results table over the middle pages
    (header repeated on each page), conclusion and signatures; every page carries 报告编号 and 第X页 共Y页."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    font, body, title = _styles()
    rows = list(rows if rows is not None else report_rows())
    cover = list(cover if cover is not None else report_cover_lines(report_no=report_no))
    info = list(info if info is not None else report_info_rows())
    final = list(final if final is not None else report_final_lines())
    result_pages = max(1, pages - 3)
    per_page = -(-len(rows) // result_pages)

    def header(n: int) -> Paragraph:
        return Paragraph(f"报告编号：{report_no}&nbsp;&nbsp;&nbsp;&nbsp;第{n}页 共{pages}页", body)

    story = [header(1), Spacer(1, 20 * mm)]
    for line in cover:
        style = title if "报 告" in line or line.endswith("报告") else body
        story += [Paragraph(line, style), Spacer(1, 6 * mm)]
    story += [PageBreak(), header(2), Spacer(1, 6 * mm), _table(info, font, body, [28 * mm, 62 * mm, 28 * mm, 52 * mm])]
    widths = [12 * mm, 40 * mm, 18 * mm, 48 * mm, 30 * mm, 20 * mm]
    for p in range(result_pages):
        chunk = rows[p * per_page:(p + 1) * per_page]
        story += [PageBreak(), header(3 + p), Spacer(1, 4 * mm), Paragraph("检验结果", body), Spacer(1, 3 * mm)]
        if chunk:
            story.append(_table([list(RESULT_HEADER), *[list(r) for r in chunk]], font, body, widths))
        if p == result_pages - 1:
            story.append(Paragraph("（以下空白）", body))
    story += [PageBreak(), header(pages), Spacer(1, 6 * mm)] + [Paragraph(t, body) for t in final]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="检验检测报告").build(story)
    return path


def make_lines_pdf(path: Path, lines: Sequence[str]) -> Path:
    """A one-page PDF certificate or licence: one paragraph per line (the first as a centred title)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    _font, body, title = _styles()
    story = [Paragraph(lines[0], title), Spacer(1, 12)]
    for line in lines[1:]:
        story += [Paragraph(line.replace("  ", "&nbsp;&nbsp;"), body), Spacer(1, 4)]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


def make_lines_docx(path: Path, lines: Sequence[str], *, as_table: bool = False) -> Path:
    """A certificate as .docx: the title, then the fields as paragraphs or as a two-column table."""
    import re

    from tests.fixtures_docs import make_docx

    if not as_table:
        from tests.fixtures_docs import make_docx as _make

        return _make(path, list(lines))
    rows = []
    rest = []
    for line in lines[1:]:
        m = re.match(r"^([^：: ]{2,16}?)(?:[：:]| {2,})(.+)$", line)
        if m:
            rows.append([m.group(1).strip(), m.group(2).strip()])
        else:
            rest.append(line)
    return make_docx(path, [lines[0], rows, *rest])


def make_report_docx(path: Path, *, rows: Sequence[Sequence[str]] | None = None,
                     cover: Sequence[str] | None = None, info: Sequence[Sequence[str]] | None = None,
                     final: Sequence[str] | None = None, header: Sequence[str] = RESULT_HEADER) -> Path:
    """A test report as .docx: cover lines, info table, results table, final lines."""
    from tests.fixtures_docs import make_docx

    rows = list(rows if rows is not None else report_rows())
    return make_docx(path, [*(cover if cover is not None else report_cover_lines()),
                            [list(r) for r in (info if info is not None else report_info_rows())],
                            "检验结果", [list(header), *[list(r) for r in rows]],
                            *(final if final is not None else report_final_lines())])


def make_lines_png(path: Path, lines: Sequence[str], *, font_size: int = 30, width: int = 1500,
                   noise: int = 0, angle: float = 0.0) -> Path:
    """A certificate photographed flat: black text on an off-white page (optionally noisy or rotated)."""
    import random

    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(WQY_FONT, font_size, index=0)
    title_font = ImageFont.truetype(WQY_FONT, int(font_size * 1.6), index=0)
    line_h = int(font_size * 1.9)
    height = 160 + line_h * (len(lines) + 1)
    image = Image.new("RGB", (width, height), (250, 248, 240))
    draw = ImageDraw.Draw(image)
    y = 60
    for i, line in enumerate(lines):
        f = title_font if i == 0 else font
        x = (width - draw.textlength(line, font=f)) / 2 if i == 0 else 80
        draw.text((x, y), line, fill=(20, 20, 20), font=f)
        y += int(line_h * (1.5 if i == 0 else 1))
    if noise:
        rnd = random.Random(7)
        for _ in range(noise):
            draw.point((rnd.randrange(width), rnd.randrange(height)), fill=(150, 150, 150))
    if angle:
        image = image.rotate(angle, expand=True, fillcolor=(250, 248, 240))
    image.save(str(path))
    return path


def make_image_only_pdf(path: Path, pngs: Sequence[Path]) -> Path:
    """A scanned PDF: each page is one image, no text layer."""
    from PIL import Image

    images = [Image.open(p).convert("RGB") for p in pngs]
    images[0].save(str(path), format="PDF", save_all=True, append_images=images[1:], resolution=150)
    return path
