"""What evidence documents print: their titles, field labels and identifier formats (data, no logic).

Formats follow ../shared/rules-reference.md §9–§10 and §6 (health food, cosmetics, drugs, devices).
"""

from __future__ import annotations

import re

from .model import EvidenceType

# Title words (spaces removed) that name the document type; checked in order, first match wins.
TITLES: tuple[tuple[EvidenceType, re.Pattern[str]], ...] = (
    (EvidenceType.TEST_REPORT, re.compile(r"检[测验]报告|测试报告|检验检测报告|检测结果报告")),
    (EvidenceType.BUSINESS_LICENCE, re.compile(r"营业执照")),
    (EvidenceType.FOOD_LICENCE, re.compile(r"食品(?:生产|经营)许可证")),
    (EvidenceType.HEALTH_FOOD_CERT, re.compile(r"保健食品(?:注册证书|备案凭证|批准证书)")),
    (EvidenceType.COSMETIC_CERT, re.compile(r"化妆品(?:注册证|备案凭证|备案信息|行政许可批件)")),
    (EvidenceType.DRUG_APPROVAL, re.compile(r"药品(?:注册证书|注册批件|再注册批件|批准证明)")),
    (EvidenceType.DEVICE_REGISTRATION, re.compile(r"医疗器械(?:注册证|备案凭证)|第一类医疗器械备案")),
    (EvidenceType.TRADEMARK_CERT, re.compile(r"商标注册证")),
    (EvidenceType.PATENT_CERT, re.compile(r"(?:发明|实用新型|外观设计)?专利证书")),
)

# Identifier formats (§9.3, §6). Lookarounds keep them off longer alphanumeric runs.
_NB = r"(?<![0-9A-Za-z])"
_NA = r"(?![0-9A-Za-z])"
CREDIT_CODE_RE = re.compile(rf"{_NB}[0-9A-HJ-NPQRTUWXY]{{2}}\d{{6}}[0-9A-HJ-NPQRTUWXY]{{10}}{_NA}")
CREDIT_CODE_LOOSE_RE = re.compile(rf"{_NB}[0-9A-Z]{{18}}{_NA}")
ID_CARD_RE = re.compile(rf"{_NB}\d{{17}}[\dXx]{_NA}")
SC_RE = re.compile(rf"{_NB}SC\s?\d[\d\s]{{12,16}}\d{_NA}")
JY_RE = re.compile(rf"{_NB}JY\s?\d[\d\s]{{12,16}}\d{_NA}")
SC_STRICT = re.compile(r"SC[12]\d{13}")
JY_STRICT = re.compile(r"JY[1-3]\d{13}")
HEALTH_FOOD_RE = re.compile(
    r"国食健注[GJ]\s?\d{6,10}|食健备[GJ]\s?\d{8,14}|国食健字[GJ]\s?\d{6,10}|卫进?食健字\s*[（(]\d{4}[)）]\s*第\s*\d{3,5}\s*号"
)
HEALTH_FOOD_STRICT = re.compile(
    r"国食健注[GJ]\d{8}|食健备G\d{12}|食健备J\d{4}00\d{6}|国食健字[GJ]\d{8}|卫进?食健字[（(]\d{4}[)）]第\d{4}号"
)
COSMETIC_RE = re.compile(
    r"国妆特(?:进)?字[GJ]\s?\d{6,10}|[\u4e00-\u9fa5]G妆网备字\s?\d{8,12}|国妆网备进字\s*[（(][\u4e00-\u9fa5][)）]\s*\d{8,12}"
    r"|国妆备进字[GJ]?\s?\d{6,12}"
)
COSMETIC_STRICT = re.compile(
    r"国妆特字G\d{8}|国妆特进字J\d{8}|[\u4e00-\u9fa5]G妆网备字\d{10}|国妆网备进字[（(][\u4e00-\u9fa5][)）]\d{10}"
)
DRUG_RE = re.compile(r"国药准字\s?[A-Z]{1,2}\s?\d{6,10}")
DRUG_STRICT = re.compile(r"国药准字[HZSJ][CJ]?\d{8}")
DEVICE_RE = re.compile(r"[\u4e00-\u9fa5]械注[准进许]\s?\d{8,12}|[\u4e00-\u9fa5]{1,3}械备\s?\d{6,10}号?")
DEVICE_STRICT = re.compile(r"[国\u4e00-\u9fa5]械注[准进许]\d{4}[23]\d{2}\d{4}|[\u4e00-\u9fa5]{1,3}械备\d{8}号?")
CMA_NO_RE = re.compile(r"(?<!\d)\d{12}(?!\d)")
CMA_MARK_RE = re.compile(r"(?<![A-Za-z])CMA(?![A-Za-z])|资质认定")
CNAS_RE = re.compile(r"CNAS\s*[A-Z]?\s?\d{4,5}(?!\d)")
STANDARD_RE = re.compile(
    r"(?<![A-Za-z])(?:GB(?:/[TZ])?|[A-Z]{2}/T|DB\d{2}(?:/T)?|T/[A-Z]+|Q/[A-Z0-9]+)\s*\d+(?:\.\d+)*(?:\s*[-—–]\s*\d{4})?"
)
TRADEMARK_NO_RE = re.compile(r"第\s*(G?\d{5,9})\s*号")
TM_CLASS_RE = re.compile(r"第\s*(\d{1,2})\s*类")

# Field labels per type: field name -> label spellings (longest first is handled by the compiler).
_REPORT = {
    "report_no": ["报告编号", "报告书编号", "报告号", "检验编号", "检测编号", "No.", "NO.", "No:", "编号"],
    "sample_name": ["样品名称", "产品名称", "样品名", "受检样品"],
    "specification": ["规格型号", "规格/型号", "型号规格", "规格", "型号", "净含量"],
    "brand": ["商标", "品牌", "商标/品牌"],
    "batch": ["生产日期/批号", "生产日期或批号", "批号", "生产批号", "生产日期"],
    "client": ["委托单位", "委托方", "委托人", "送检单位", "委托单位名称"],
    "manufacturer": ["生产单位", "生产企业", "生产商", "生产者", "标称生产单位", "标称生产企业", "制造商", "受检单位"],
    "lab": ["检测机构", "检验机构", "检测单位", "检验单位", "承检单位"],
    "cma": ["CMA证书编号", "CMA编号", "资质认定证书编号", "资质认定编号"],
    "cnas": ["CNAS编号", "CNAS证书编号", "认可证书编号"],
    "standards": ["检测依据", "检验依据", "判定依据", "检测标准", "检验标准"],
    "conclusion": ["检验结论", "检测结论", "结论"],
    "issue_date": ["签发日期", "报告日期", "批准日期", "出具日期", "发布日期"],
    "sample_date": ["收样日期", "接样日期", "到样日期", "抽样日期", "送样日期", "送检日期"],
    "test_date": ["检验日期", "检测日期", "检测时间", "检验时间"],
}
_BUSINESS = {
    "credit_code": ["统一社会信用代码", "社会信用代码", "注册号"],
    "name": ["名称", "企业名称", "公司名称"],
    "company_type": ["类型", "主体类型", "企业类型"],
    "legal_rep": ["法定代表人", "负责人", "经营者", "执行事务合伙人", "投资人"],
    "scope": ["经营范围"],
    "reg_capital": ["注册资本", "出资额"],
    "established": ["成立日期", "注册日期"],
    "validity": ["营业期限", "经营期限", "合伙期限"],
    "address": ["住所", "经营场所", "主要经营场所"],
    "issue_authority": ["登记机关"],
}
_FOOD = {
    "name": ["经营者名称", "生产者名称", "名称", "企业名称"],
    "credit_code": ["社会信用代码", "统一社会信用代码", "身份证号码"],
    "legal_rep": ["法定代表人", "负责人", "法定代表人（负责人）"],
    "address": ["住所", "经营场所", "生产地址"],
    "scope": ["食品类别", "经营项目", "许可范围", "经营范围"],
    "business_type": ["主体业态"],
    "licence_no": ["许可证编号", "许可证号", "编号"],
    "issue_authority": ["发证机关"],
    "validity": ["有效期至", "有效期限", "有效期"],
    "issue_date": ["签发日期", "发证日期"],
}
_HEALTH = {
    "product_name": ["产品名称"],
    "holder": ["注册人", "备案人", "申请人", "注册人名称", "备案人名称"],
    "approval_no": ["注册号", "备案号", "批准文号", "备案登记号"],
    "functions": ["保健功能", "功能"],
    "key_ingredients": ["功效成分/标志性成分及含量", "功效成分/标志性成分含量", "功效成分及含量", "标志性成分及含量",
                        "标志性成分含量", "功效成分"],
    "ingredients": ["主要原料", "原料"],
    "suitable": ["适宜人群"],
    "unsuitable": ["不适宜人群"],
    "specification": ["产品规格", "规格"],
    "validity": ["有效期至", "有效期限", "有效期"],
    "issue_date": ["批准日期", "备案日期"],
    "issue_authority": ["批准机关", "发证机关"],
}
_COSMETIC = {
    "product_name": ["产品名称", "产品中文名称"],
    "holder": ["注册人", "备案人", "注册人名称", "备案人名称"],
    "approval_no": ["注册证号", "注册证编号", "批准文号", "备案编号", "备案号"],
    "functions": ["产品类别", "功效宣称", "功效类别", "特殊用途类别"],
    "manufacturer": ["生产企业", "生产企业名称", "境内责任人"],
    "validity": ["有效期至", "有效期限", "有效期", "批准有效期"],
    "issue_authority": ["批准机关", "发证机关"],
}
_DRUG = {
    "product_name": ["药品名称", "通用名称", "产品名称"],
    "holder": ["上市许可持有人", "药品上市许可持有人", "申请人", "生产企业"],
    "approval_no": ["药品批准文号", "批准文号", "注册证号"],
    "dosage_form": ["剂型"],
    "specification": ["规格"],
    "scope": ["适应症", "功能主治"],
    "validity": ["药品批准文号有效期", "有效期至", "有效期"],
    "issue_authority": ["批准机关", "发证机关"],
}
_DEVICE = {
    "product_name": ["产品名称", "备案产品名称"],
    "holder": ["注册人名称", "注册人", "备案人名称", "备案人"],
    "approval_no": ["注册证编号", "注册证号", "备案编号", "备案号"],
    "specification": ["型号、规格", "型号规格", "规格型号", "型号"],
    "scope": ["适用范围", "预期用途"],
    "validity": ["有效期至", "有效期限", "有效期"],
    "issue_date": ["批准日期", "备案日期"],
    "issue_authority": ["审批部门", "批准机关", "备案部门"],
}
_TRADEMARK = {
    "trademark_no": ["注册号", "商标注册号", "注册证号"],
    "mark": ["商标名称", "商标"],
    "holder": ["注册人", "商标注册人", "注册人名称"],
    "goods": ["核定使用商品", "核定服务项目", "核定使用商品/服务项目", "核定使用商品和服务"],
    "reg_date": ["注册日期", "注册公告日期"],
    "validity": ["注册有效期限", "有效期限", "有效期至", "有效期"],
    "address": ["注册人地址", "地址"],
}
_PATENT = {
    "patent_no": ["专利号", "专利申请号", "申请号"],
    "title": ["发明名称", "实用新型名称", "外观设计名称", "设计名称", "专利名称"],
    "patentee": ["专利权人", "专利权人名称"],
    "inventor": ["发明人", "设计人"],
    "filing_date": ["专利申请日", "申请日"],
    "grant_date": ["授权公告日", "授权日"],
    "grant_no": ["授权公告号"],
}

FIELD_LABELS: dict[EvidenceType, dict[str, list[str]]] = {
    EvidenceType.TEST_REPORT: _REPORT,
    EvidenceType.BUSINESS_LICENCE: _BUSINESS,
    EvidenceType.FOOD_LICENCE: _FOOD,
    EvidenceType.HEALTH_FOOD_CERT: _HEALTH,
    EvidenceType.COSMETIC_CERT: _COSMETIC,
    EvidenceType.DRUG_APPROVAL: _DRUG,
    EvidenceType.DEVICE_REGISTRATION: _DEVICE,
    EvidenceType.TRADEMARK_CERT: _TRADEMARK,
    EvidenceType.PATENT_CERT: _PATENT,
    EvidenceType.OTHER: {**_BUSINESS, "validity": ["有效期至", "有效期限", "有效期"]},
}

# Results-table columns: role -> header words (compared with spaces removed).
RESULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "item": ("检测项目", "检验项目", "项目名称", "检测参数", "检验参数", "测试项目", "项目"),
    "unit": ("单位", "计量单位"),
    "requirement": ("标准要求", "技术要求", "标准值", "限量值", "限值", "指标要求", "标准指标", "指标", "要求",
                    "标准规定", "技术指标"),
    "result": ("检测结果", "检验结果", "实测值", "测定值", "测试结果", "实测结果", "结果"),
    "verdict": ("单项判定", "单项结论", "结果判定", "判定", "结论", "单项评价", "判定结果"),
}
BLANK_ROW_RE = re.compile(r"^[\s以下空白—\-－/]*$|以下空白|以下无内容")
