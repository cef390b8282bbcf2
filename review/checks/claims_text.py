"""Claims that need the whole script: a deadline or price rise that the same script contradicts
(rules-reference §3.1: "high when the script contradicts itself", e.g. 仅此一次 … 每天都有这个价)."""

from __future__ import annotations

import re

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..model import Document, Finding
from . import register

# An invented deadline or a promised price rise.
DEADLINE = re.compile(
    r"仅此一次|仅此一天|只有这一次|仅限今天|只有今天|最后一天|错过(?:今天|今晚|这次)?(?:就)?再?等(?:一|1)年"
    r"|(?:明天|明早|下播|播完|今晚过后|过了今晚|过了今天)(?:以?后)?(?:就|马上)?(?:恢复原价|涨价|涨回去)"
    r"|马上涨价|随时涨价|立马涨价|即将涨价"
)
# The same script saying that the price is permanent or comes back.
STANDING_PRICE = re.compile(
    r"(?:每天|天天|每场|场场|一直|长期|平时|日常)(?:都)?(?:是|有|卖|给|按)(?:这个|同样的|一样的)(?:价|价格|价钱)"
    r"|(?:明天|下周|下次|下场|以后|过几天)(?:直播)?(?:也|还|照样|依然)(?:是|有|能买到|可以买到)(?:这个|同样的|一样的)(?:价|价格|价钱)"
    r"|(?:这个价|这个价格)(?:每天|天天|一直|长期)(?:都)?(?:有|在)"
    r"|常驻价|长期价"
)
_NEGATED = re.compile(r"(?:不是|并非|不会|没有)$")


def _first_unnegated(rx: re.Pattern, text: str) -> re.Match | None:
    """First match of `rx` not directly preceded by a negation (不会马上涨价)."""
    for m in rx.finditer(text):
        if not _NEGATED.search(text[max(0, m.start() - 4):m.start()]):
            return m
    return None


def contradicted_deadline(doc: Document) -> tuple[re.Match, re.Match] | None:
    """The first deadline claim and the standing-price statement that contradicts it, if both occur."""
    deadline = _first_unnegated(DEADLINE, doc.text)
    if deadline is None:
        return None
    standing = _first_unnegated(STANDING_PRICE, doc.text)
    if standing is None:
        return None
    return deadline, standing


@register("urgency_contradiction")
def urgency_contradiction(rule: Rule, bundle: Bundle) -> list[Finding]:
    """One high finding per document whose deadline claim is contradicted by the same document."""
    findings = []
    for doc in bundle.documents_for(rule):
        pair = contradicted_deadline(doc)
        if pair is None:
            continue
        deadline, standing = pair
        where = doc.location_at(standing.start()) or "文中"
        message = f"{rule.message}（“{standing.group()}”，位于{where}）"
        findings.append(make_finding(rule, doc, deadline.start(), deadline.end(), message=message))
    return findings
