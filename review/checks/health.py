"""Health-claim checks that need the whole submission (rules-reference §6 HF-WARN, COS-SPEC, FOOD-MED),
and the 2023 health-function catalogue for cross-checks against a certificate.

- `health_food_disclaimer`: a health-food submission must carry 本品不能代替药物 or the label sentence
  保健食品不是药物，不能代替药物治疗疾病 somewhere in its scripts and hand cards. Missing → a document-level
  finding (rule severity); only a reworded sentence (保健品不能替代药品) → a medium finding quoting it.
- `general_goods_medical_claim`: goods of no regulated category (a foot bath, a mattress, thermal underwear)
  claiming to treat or prevent disease (广告法 Art 17). Runs only when no product category was detected or
  given, because food, health food, cosmetics, drugs and devices have rule sets of their own.
- `special_cosmetic_efficacy`: special-cosmetic efficacy (美白, 祛斑, 防晒, SPF, 防脱, 染发, 烫发) needs a
  special-cosmetics registration. Each claim is reported at the rule severity, or `low` when a 国妆特字 /
  国妆特进字 number appears in any document of the submission (the evidence check then verifies that the
  certificate covers the claim). Advice (记得涂防晒), negation (没有美白功效), clothing (防晒衣) and meta
  text are not claims.
"""

from __future__ import annotations

import re

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..matcher import product_signs_of
from ..model import Document, Finding, ProductCategory, Severity
from ..nlp import sentence_bounds
from ..products import in_other_section, product_signs
from . import register

# ------------------------------------------------------------------ 2023 health-function catalogue
# The 24 functions of the 2023 catalogue (rules-reference §6; wording of 10–24 from memory, [K]: verify), each
# with the pre-2023 names and plain words that mean the same function. Use `catalogue_functions` to map the
# functions a script or certificate names onto catalogue entries (e.g. to compare them).
CATALOGUE_2023: dict[str, tuple[str, ...]] = {
    "有助于增强免疫力": ("增强免疫力", "提高免疫力", "提升免疫力"),
    "有助于抗氧化": ("抗氧化",),
    "辅助改善记忆": ("改善记忆", "辅助改善记忆"),
    "缓解视觉疲劳": ("缓解视疲劳", "缓解视觉疲劳"),
    "清咽润喉": ("清咽", "清咽润喉"),
    "有助于改善睡眠": ("改善睡眠",),
    "缓解体力疲劳": ("缓解体力疲劳", "抗疲劳"),
    "耐缺氧": ("提高缺氧耐受力", "耐缺氧"),
    "有助于控制体内脂肪": ("控制体内脂肪", "减肥"),
    "有助于改善骨密度": ("改善骨密度", "增加骨密度"),
    "改善缺铁性贫血": ("改善缺铁性贫血", "改善营养性贫血"),
    "有助于改善痤疮": ("改善痤疮", "祛痤疮"),
    "有助于改善黄褐斑": ("改善黄褐斑", "祛黄褐斑"),
    "有助于改善皮肤水分状况": ("改善皮肤水分状况", "改善皮肤水份", "改善皮肤水分"),
    "有助于调节肠道菌群": ("调节肠道菌群",),
    "有助于消化": ("有助于消化", "促进消化"),
    "有助于润肠通便": ("润肠通便", "通便"),
    "辅助保护胃黏膜": ("保护胃黏膜",),
    "有助于维持血脂健康水平": ("维持血脂健康水平", "辅助降血脂", "调节血脂"),
    "有助于维持血糖健康水平": ("维持血糖健康水平", "辅助降血糖", "调节血糖"),
    "有助于维持血压健康水平": ("维持血压健康水平", "辅助降血压", "调节血压"),
    "对化学性肝损伤有辅助保护作用": ("化学性肝损伤", "对化学性肝损伤有辅助保护功能"),
    "对电离辐射危害有辅助保护作用": ("电离辐射", "辐射危害"),
    "有助于排铅": ("排铅", "促进排铅"),
}
_CATALOGUE_RX = re.compile("|".join(sorted({re.escape(w) for ws in CATALOGUE_2023.values() for w in ws},
                                           key=len, reverse=True)))
_CATALOGUE_OF = {w: name for name, ws in CATALOGUE_2023.items() for w in ws}


def catalogue_functions(text: str) -> set[str]:
    """Catalogue entries (2023 wording) that `text` names, in new or old wording."""
    return {_CATALOGUE_OF[m.group()] for m in _CATALOGUE_RX.finditer(text)}


# ------------------------------------------------------------------ health-food disclaimer
DISCLAIMER = re.compile(r"本品不能代替药物|保健食品不是药物[，,、\s]*不能代替药物治疗疾病")
_REWORDED = re.compile(
    r"(?:本品|本产品|保健食品|保健品|它)?(?:不是药(?:物|品)?[，,、\s]*)?(?:不能|不可|无法|不可以)(?:代替|替代|取代)(?:药物|药品)"
    r"(?:治疗疾病)?|(?:保健食品|保健品)不是药(?:物|品)"
)


def _first_sign(docs: list[Document]) -> tuple[Document, str]:
    """The document and text of the first health-food sign, a licence number preferred (else docs[0], "")."""
    signs = [(doc, s) for doc in docs for s in product_signs(doc.text) if s.category == ProductCategory.HEALTH_FOOD]
    if not signs:
        return docs[0], ""
    doc, sign = next(((d, s) for d, s in signs if s.strong), signs[0])
    return doc, sign.text


@register("health_food_disclaimer")
def check_health_food_disclaimer(rule: Rule, bundle: Bundle) -> list[Finding]:
    """No finding when the statutory sentence appears; medium on a reworded one; else document-level."""
    docs = bundle.documents_for(rule)
    if not docs or any(DISCLAIMER.search(d.text) for d in docs):
        return []
    for doc in docs:
        m = _REWORDED.search(doc.text)
        if m:
            message = (f"警示用语措辞不规范：「{m.group()}」不是法定表述，应使用“本品不能代替药物”"
                       "或“保健食品不是药物，不能代替药物治疗疾病”原文")
            return [make_finding(rule, doc, m.start(), m.end(), message=message, severity=Severity.MEDIUM)]
    doc, sign = _first_sign(docs)
    where = f"（依据「{sign}」判定为保健食品）" if sign else ""
    return [make_finding(rule, doc, message=f"{rule.message}{where}")]


# ------------------------------------------------------------------ special-cosmetic efficacy
_EFFICACY = (r"美白|祛斑|淡斑|祛黄褐斑|防晒|SPF\s*[0-9]+\+?|PA\s*\+{1,4}|防脱发?|育发|染发|烫发"
             r"|白\s*[一二两三几]\s*个?度|亮白|嫩白|白到发光|(?:皮肤|肤色|脸)(?:都|也|就)?(?:变)?白了")
SPECIAL_EFFICACY = re.compile(rf"(?:{_EFFICACY})(?:[、和及与\s]?(?:{_EFFICACY}))*", re.IGNORECASE)
SPECIAL_REGISTRATION = re.compile(r"国妆特(?:进)?字\s*[GJ]\s*\d{8}")
# Advice or a mention of another product, not a claim for this one: 记得涂防晒 / 卸掉防晒.
_ADVICE_BEFORE = re.compile(r"(?:涂|擦|抹|补涂|做好|注意|加强|记得|配合|叠加|卸掉?|洗掉?|清洁掉?|卸干净)$")
_NEGATION_BEFORE = re.compile(r"(?:没有|不|无|不是|并非|不具有|不具备|不宣称|不宣传|不能说|不说)(?:任何|什么)?$")
_OBJECT_AFTER = re.compile(r"衣|伞|帽|袖|口罩|面罩|眼镜|服|牙")  # used with .match(text, end)
_META = re.compile(r"违禁词|禁用词|极限词|医疗用语|这类词|这些词|广告法(?:规定|禁止|不允许)")


def _is_claim(text: str, start: int, end: int) -> bool:
    """False for advice, negation, clothing and meta text around a special-efficacy word."""
    before = text[max(0, start - 6):start]
    if _ADVICE_BEFORE.search(before) or _NEGATION_BEFORE.search(before):
        return False
    if _OBJECT_AFTER.match(text, end):
        return False
    lo, hi = sentence_bounds(text, start, end)
    return not _META.search(text, lo, hi)


def special_efficacy_spans(text: str) -> list[tuple[int, int]]:
    """Spans of special-cosmetic efficacy claims (adjacent words joined) in `text`."""
    return [m.span() for m in SPECIAL_EFFICACY.finditer(text) if _is_claim(text, m.start(), m.end())]


@register("special_cosmetic_efficacy")
def check_special_cosmetic_efficacy(rule: Rule, bundle: Bundle) -> list[Finding]:
    """One finding per document with special-efficacy claims; low when a special-cosmetics registration number is
    stated."""
    registration = next((m.group() for d in bundle.documents if (m := SPECIAL_REGISTRATION.search(d.text))), "")
    if registration:
        severity = Severity.LOW
        message = (f"{rule.message}。材料中已写明「{registration}」，请由证据核对确认注册证的功效类别覆盖该宣称，"
                   "且注册证属于这一款商品")
    else:
        severity = rule.severity
        message = f"{rule.message}。本次材料中没有找到国妆特字注册证号"
    findings = []
    for doc in bundle.documents_for(rule):
        spans = [(start, end) for start, end in special_efficacy_spans(doc.text)
                 if not in_other_section(doc.text, product_signs_of(bundle, doc), start, bundle.products,
                                         rule.products)]  # skip passages presenting another product
        if not spans:
            continue
        # one finding per document: the certificate question is the same for every mention
        more = f"（本文件共 {len(spans)} 处，只列出第一处）" if len(spans) > 1 else ""
        start, end = spans[0]
        findings.append(make_finding(rule, doc, start, end, message=message + more, severity=severity))
    return findings


# ------------------------------------------------------------------ medical claims for general goods
_DISEASE = (r"高血压|糖尿病|三高|关节炎|颈椎病|腰椎间盘突出|腰突|失眠|风湿|痛风|前列腺(?:炎|增生)?|便秘|癌症?|肿瘤"
            r"|疾病|静脉曲张|鼻炎|湿疹|脚气|妇科病|宫寒|痛经|近视|弱视|散光|青光眼|白内障")
GENERAL_MEDICAL = re.compile(
    r"治疗|治愈|治好|疗效|疗程|药效|降(?:血压|血糖|血脂|三高)|抗癌|防癌|抗肿瘤|消炎|抗炎|净化血液|清除血栓|溶栓"
    rf"|(?:治|缓解|预防|防治|根治|改善|告别|远离|调理)[^，。！？；;\n]{{0,3}}?(?:{_DISEASE})"
    # symptoms said to have eased: 孩子咳嗽都少了 / 鼻炎不犯了
    r"|(?:咳嗽|哮喘|过敏|鼻炎|湿疹|感冒|发烧)(?:都|也|就)?(?:少了|好了|没了|减少了|不犯了)"
    # a disease said to be cured: 睡一个月颈椎病就好了
    rf"|(?:{_DISEASE})[^，。！？；;\n]{{0,6}}?(?:就好了|都好了|全好了|痊愈了?|断根了?|(?:都|就|也)(?:没了|消失了|不见了))"
    # myopia said to be reversed: 戴三个月度数就降下来了
    r"|(?:近视)?度数(?:就|都|也|能|会)?(?:降|下降|降低|减轻|变浅|回退)(?:下来|了)*"
)
_THERAPIST_AFTER = re.compile(r"师")
_GENERAL_NEGATION = re.compile(
    r"(?:不能|不可|无法|不是|并非|没有|不具有|不具备|不用于|不能代替|不能替代|不宣称|不说|不能说)(?:任何|它|本品|能|可以|用于)*$"
)


def general_medical_spans(text: str) -> list[tuple[int, int]]:
    """Spans of disease-treatment claims in a general-goods text (therapists, negations, meta text left out)."""
    spans = []
    for m in GENERAL_MEDICAL.finditer(text):
        start, end = m.span()
        if _THERAPIST_AFTER.match(text, end) or _GENERAL_NEGATION.search(text[max(0, start - 10):start]):
            continue
        lo, hi = sentence_bounds(text, start, end)
        if not _META.search(text, lo, hi):
            spans.append((start, end))
    return spans


@register("general_goods_medical_claim")
def check_general_goods_medical_claim(rule: Rule, bundle: Bundle) -> list[Finding]:
    """A finding per disease claim, only in submissions of general goods."""
    if bundle.products - {ProductCategory.GENERAL}:
        return []
    return [make_finding(rule, doc, start, end)
            for doc in bundle.documents_for(rule) for start, end in general_medical_spans(doc.text)]
