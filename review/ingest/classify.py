"""Judge what a document is (script, hand card, test report, licence, certificate) from its content.

A weighted keyword score per kind over the text, capped per signal so one repeated word cannot
dominate, plus table header names (a hand card's columns) and a small hint from the file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from review.model import DocKind

MIN_SCORE = 3.0
NAME_HINT_WEIGHT = 3.0
HEADER_WEIGHT = 1.5
HEADER_CAP = 4
# A script or hand card names itself in its first lines ("…直播脚本", "…手卡"): that outweighs a hand-card
# table inside a script or some patter quoted in a hand card.
OWN_TITLE_WEIGHT = 10.0
OWN_TITLE_LINES = 2


@dataclass(frozen=True)
class Signal:
    """A pattern worth `weight` per match, counted at most `cap` times."""

    pattern: re.Pattern[str]
    weight: float
    cap: int = 1

    def score(self, text: str) -> float:
        """Capped weighted match count."""
        count = 0
        for _ in self.pattern.finditer(text):
            count += 1
            if count >= self.cap:
                break
        return self.weight * count


def _sig(regex: str, weight: float, cap: int = 1) -> Signal:
    return Signal(re.compile(regex, re.IGNORECASE | re.MULTILINE), weight, cap)


_CREDIT_CODE = r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"

SIGNALS: dict[DocKind, tuple[Signal, ...]] = {
    DocKind.SCRIPT: (
        _sig(r"直播脚本|脚本|逐字稿|直播流程", 2),
        _sig(r"(?:^|[\[\(（【\s])\d{1,2}[:：]\d{2}(?:[:：]\d{2})?", 1, 6),
        _sig(r"(?:主播|副播|助播|场控|嘉宾|达人|主持人)[A-Za-z0-9一二三甲乙]?\s*[：:]", 1.5, 6),
        _sig(r"开场|暖场|转场|结束语|下播|收尾", 1, 3),
        _sig(r"互动|逼单|憋单|催单|口播|过款", 0.8, 3),
        _sig(r"家人们|宝宝们|姐妹们|兄弟们|朋友们|亲们|老铁", 1, 4),
        _sig(r"上链接|拍下|下单|扣1|扣“1”|点赞|关注主播|福袋|抽奖|倒计时|秒杀", 0.5, 4),
        _sig(r"直播间", 0.5, 2),
    ),
    DocKind.HAND_CARD: (
        _sig(r"手卡", 3),
        _sig(r"商品名称|产品名称|品名", 1.5),
        _sig(r"核心卖点|产品卖点|卖点", 1.5),
        _sig(r"到手价|直播价|日常价|划线价|零售价|活动价", 1, 2),
        _sig(r"福利机制|直播机制|机制|赠品", 1, 2),
        _sig(r"规格|净含量|容量", 0.8),
        _sig(r"序号|链接号|坑位|上架顺序", 0.8),
        _sig(r"库存|品牌|佣金", 0.5, 2),
    ),
    DocKind.TEST_REPORT: (
        _sig(r"检测报告|检验报告|测试报告", 3),
        _sig(r"检测结果|检验结果|实测值|测定值", 1.5, 2),
        _sig(r"检验依据|检测依据|判定依据", 1.5),
        _sig(r"样品名称|样品编号|样品状态|样品数量|抽样日期|送检|收样日期|到样日期", 1, 3),
        _sig(r"(?<![A-Z])CMA(?![A-Z])|CNAS|资质认定", 1.5),
        _sig(r"委托单位|受检单位|委托方|检验类别|委托检验", 1, 2),
        _sig(r"检验结论|检测结论|单项判定|所检项目", 1, 2),
        _sig(r"检测项目|检验项目|标准要求|技术要求|检出限|mg/kg|CFU/g", 1, 3),
        _sig(r"报告编号|批准人|主检|签发日期", 0.8, 2),
    ),
    DocKind.LICENCE: (
        _sig(r"营业执照", 3),
        _sig(r"食品生产许可证|食品经营许可证|经营许可证|生产许可证", 3),
        _sig(r"统一社会信用代码|社会信用代码", 2),
        _sig(r"许可证编号|许可证号", 1.5),
        _sig(_CREDIT_CODE, 1),
        _sig(r"法定代表人", 1),
        _sig(r"经营范围|经营项目|经营场所|生产地址|住\s*所", 1, 2),
        _sig(r"注册资本|成立日期|营业期限|登记机关|发证机关|签发人|日常监督管理机构|主体业态", 1, 3),
    ),
    DocKind.CERTIFICATE: (
        _sig(r"商标注册证|专利证书|保健食品注册证书|保健食品备案凭证|特殊化妆品注册证|药品注册证书|"
             r"医疗器械注册证|医疗器械备案凭证|备案凭证", 3, 2),
        _sig(r"注册证|证书", 1, 2),
        _sig(r"核定使用商品|核定服务项目|注册有效期|注册人", 1, 3),
        _sig(r"专利号|专利权人|发明名称|实用新型名称|外观设计名称|发明人|授权公告日|国家知识产权局", 1, 3),
        _sig(r"注册证编号|注册证号|备案号|批准文号|国药准字|国食健注|食健备|国妆特字|械注准|械备", 1.5, 2),
        _sig(r"保健功能|适宜人群|不适宜人群", 0.8, 2),
    ),
}

NAME_HINTS: dict[DocKind, re.Pattern[str]] = {
    DocKind.SCRIPT: re.compile(r"脚本|口播|话术|直播稿|逐字稿|script", re.IGNORECASE),
    DocKind.HAND_CARD: re.compile(r"手卡|货盘|排品|选品表|商品清单|hand[\s_-]?card", re.IGNORECASE),
    DocKind.TEST_REPORT: re.compile(r"检测|检验|质检|报告书|report", re.IGNORECASE),
    DocKind.LICENCE: re.compile(r"营业执照|执照|许可证|licen[cs]e", re.IGNORECASE),
    DocKind.CERTIFICATE: re.compile(r"注册证|证书|备案凭证|专利|商标|cert", re.IGNORECASE),
}

# An evidence document names itself near its top (or in its file name); a script that merely mentions
# 检测报告 or 营业执照 further down must not be taken for evidence and escape the content rules.
EVIDENCE_TITLES: dict[DocKind, re.Pattern[str]] = {
    DocKind.TEST_REPORT: re.compile(r"检测报告|检验报告|测试报告|检验检测报告"),
    DocKind.LICENCE: re.compile(r"营业执照|许可证"),
    DocKind.CERTIFICATE: re.compile(r"证书|注册证|备案凭证|批准证明"),
}
TITLE_LINES = 12
TITLE_MAX_CHARS = 30
UNTITLED_FACTOR = 0.3

HAND_CARD_COLUMNS = re.compile(
    r"商品|产品|品名|卖点|价|机制|福利|赠品|规格|序号|话术|库存|链接|品牌|佣金|优惠|sku", re.IGNORECASE
)


def score_kinds(text: str, name: str = "", headers: Iterable[str] = ()) -> dict[DocKind, float]:
    """Score of every kind except OTHER (higher is more likely)."""
    scores = {kind: sum(s.score(text) for s in signals) for kind, signals in SIGNALS.items()}
    stem = PurePath(name).name if name else ""
    for kind, hint in NAME_HINTS.items():
        if stem and hint.search(stem):
            scores[kind] += NAME_HINT_WEIGHT
    titles = _title_lines(text)
    for kind, title in EVIDENCE_TITLES.items():
        if not any(title.search(line) for line in titles) and not (stem and NAME_HINTS[kind].search(stem)):
            scores[kind] *= UNTITLED_FACTOR
    for kind in (DocKind.SCRIPT, DocKind.HAND_CARD):
        if any(NAME_HINTS[kind].search(line) for line in titles[:OWN_TITLE_LINES]):
            scores[kind] += OWN_TITLE_WEIGHT
    column_hits = sum(1 for h in headers if HAND_CARD_COLUMNS.search(h))
    if column_hits >= 2:
        scores[DocKind.HAND_CARD] += HEADER_WEIGHT * min(column_hits, HEADER_CAP)
    return scores


def _title_lines(text: str) -> list[str]:
    """Short lines near the top, spaces removed (检 验 报 告 -> 检验报告)."""
    lines = [re.sub(r"\s+", "", line) for line in text.split("\n")[:TITLE_LINES * 3]]
    return [line for line in lines if 0 < len(line) <= TITLE_MAX_CHARS][:TITLE_LINES]


def classify(text: str, name: str = "", headers: Iterable[str] = ()) -> DocKind:
    """The most likely kind; OTHER when nothing scores at least MIN_SCORE.

    With empty text (images, scans) only the file name can decide.
    """
    scores = score_kinds(text, name, headers)
    kind, best = max(scores.items(), key=lambda item: item[1])
    return kind if best >= MIN_SCORE else DocKind.OTHER
