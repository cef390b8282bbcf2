"""Set the claims of a submission's script and hand card against its evidence records.

Each claim gets a status — supported, contradicted, no_evidence or not_checkable — with the exact place
in the evidence that decides it (a report's result row, a certificate's field). An outcome carries a
severity only when a reviewer must act on it: contradictions are high; a claim that needs evidence and
has none is medium; everything else is a row of the claims table without a finding. A submission
without any evidence therefore gives one finding per claim that needs evidence, not one per number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..bundle import CONTENT_KINDS, Bundle
from ..model import Claim, DocKind, Document, ProductCategory, Severity
from .claims import (
    LOWER_IS_BETTER,
    ZERO_ITEMS,
    ClaimKind,
    FoundClaim,
    Mention,
    Quantity,
    attribute_products,
    canonical_function,
    canonical_item,
    claims_in_text,
    find_claims,
    find_mentions,
    lab_matches,
    make_quantity,
    names_match,
    needs_evidence,
    normalise_company,
    normalise_name,
    patent_kind,
    to_ascii,
)
from .model import EvidenceField, EvidenceRecord, EvidenceType, ResultRow
from .parse import add_years
from .records import evidence_records

OUTCOMES_KEY = "evidence.crosscheck"

# Rule groups (one EV-X rule each).
QUANTITY, CITATION, HEALTH_FOOD, TRADEMARK, PATENT = "quantity", "citation", "health_food", "trademark", "patent"
GROUP_OF = {
    ClaimKind.QUANTITY: QUANTITY, ClaimKind.ZERO: QUANTITY, ClaimKind.GRADE: QUANTITY, ClaimKind.SIZE: QUANTITY,
    ClaimKind.CITATION: CITATION, ClaimKind.PRODUCT: CITATION, ClaimKind.SUPPLIER: CITATION,
    ClaimKind.HEALTH_FUNCTION: HEALTH_FOOD, ClaimKind.APPROVAL_NO: HEALTH_FOOD,
    ClaimKind.TRADEMARK: TRADEMARK, ClaimKind.PATENT: PATENT,
}
_TOLERANCE = 0.005          # relative rounding slack for floors and ceilings
_LABEL_TOLERANCE = 0.2      # plain content statements: within 20 % (GB 28050-style)
_NET_CONTENT_SHORTFALL = 0.03
_GRACE_MONTHS = 6           # trademark renewal grace period (商标法 Art 40)


@dataclass(frozen=True)
class EvidenceRef:
    """Where the evidence that decides a claim stands."""

    document: str
    location: str
    text: str


@dataclass
class Target:
    """A finding placed somewhere else than on the claim (e.g. on the report's sample name)."""

    document: str
    start: int | None
    end: int | None
    location: str = ""


@dataclass
class Outcome:
    """A claim judged against the evidence; a finding when `severity` is set."""

    group: str
    claim: FoundClaim
    status: str
    evidence: EvidenceRef | None = None
    note: str = ""
    severity: Severity | None = None
    message: str = ""
    target: Target | None = None

    def to_claim(self) -> Claim:
        """The claims-table row."""
        ev = self.evidence
        quoted = bool(self.claim.text)
        return Claim(claim=self.claim.text, document=self.claim.document,
                     start=self.claim.start if quoted else None, end=self.claim.end if quoted else None,
                     location=self.claim.location, product=self.claim.product,
                     status=self.status, evidence_document=ev.document if ev else "",
                     evidence_location=ev.location if ev else "", evidence_text=ev.text if ev else "",
                     note=self.note)


# ---------------------------------------------------------------------------------------------
@dataclass
class Context:
    """What the cross-checks look at."""

    bundle: Bundle
    records: list[EvidenceRecord]
    products: list[Mention] = field(default_factory=list)
    suppliers: list[Mention] = field(default_factory=list)

    @property
    def date(self) -> dt.date:
        return self.bundle.broadcast_date

    def of_type(self, *types: EvidenceType) -> list[EvidenceRecord]:
        return [r for r in self.records if r.type in types]

    def document(self, name: str) -> Document | None:
        return next((d for d in self.bundle.documents if d.name == name), None)

    def reports_for(self, product: str) -> tuple[list[EvidenceRecord], list[EvidenceRecord]]:
        """(reports about `product` or about an unnamed sample, reports about another product)."""
        reports = self.of_type(EvidenceType.TEST_REPORT)
        if not product:
            return reports, []
        same = [r for r in reports if not r.value("sample_name") or names_match(r.value("sample_name"), product)]
        return same, [r for r in reports if r not in same]


def cross_check(bundle: Bundle) -> list[Outcome]:
    """Every claim of the bundle's scripts and hand cards judged against its evidence (memoised)."""
    if OUTCOMES_KEY not in bundle.cache:
        bundle.cache[OUTCOMES_KEY] = _cross_check(bundle)
    return bundle.cache[OUTCOMES_KEY]  # type: ignore[return-value]


def _cross_check(bundle: Bundle) -> list[Outcome]:
    ctx = Context(bundle, evidence_records(bundle))
    content = [d for d in bundle.documents if d.kind in CONTENT_KINDS and d.text]
    for doc in content:
        products, suppliers = find_mentions(doc)
        ctx.products.extend(products)
        ctx.suppliers.extend(suppliers)
    single = _single_product(ctx.products)
    claims: list[FoundClaim] = []
    for doc in content:
        claims.extend(attribute_products(find_claims(doc), ctx.products, doc, single))
    outcomes: list[Outcome] = []
    for claim, count in _distinct(claims):
        outcome = _guarded(_judge, ctx, claim)
        if outcome is not None:
            if count > 1:
                outcome.note = "；".join(x for x in (outcome.note, f"同一宣称共出现 {count} 次") if x)
            outcomes.append(outcome)
    outcomes.extend(_guarded(_identity, ctx) or [])
    outcomes.extend(_guarded(_health_food_presence, ctx, claims) or [])
    return outcomes


def _guarded(fn, *args):
    """fn(*args), or None when it fails: odd evidence must never stop the other checks."""
    try:
        return fn(*args)
    except Exception:  # a check never raises on bad content
        return None


def _single_product(mentions: list[Mention]) -> str:
    """The name of the only product the submission sells ('' when none or several)."""
    if not mentions:
        return ""
    first = mentions[0].name
    return first if all(names_match(first, m.name) for m in mentions) else ""


def _claim_key(c: FoundClaim) -> tuple:
    q = c.quantity
    qkey = (round(q.value, 9), q.dim, q.base, q.op) if q else None
    if c.kind in (ClaimKind.TRADEMARK, ClaimKind.PATENT, ClaimKind.APPROVAL_NO):
        return (c.kind, c.item.upper())
    if c.kind == ClaimKind.CITATION:
        return (c.kind, c.item, c.detail, normalise_name(c.product))
    return (c.kind, c.item, qkey, c.detail, normalise_name(c.product))


def _distinct(claims: list[FoundClaim]) -> list[tuple[FoundClaim, int]]:
    """First occurrence of every distinct claim and how often it occurs."""
    first: dict[tuple, FoundClaim] = {}
    counts: dict[tuple, int] = {}
    for c in claims:
        key = _claim_key(c)
        first.setdefault(key, c)
        counts[key] = counts.get(key, 0) + 1
    return [(c, counts[k]) for k, c in first.items()]


def _judge(ctx: Context, claim: FoundClaim) -> Outcome | None:
    judge = {
        ClaimKind.QUANTITY: _judge_measured, ClaimKind.ZERO: _judge_measured, ClaimKind.GRADE: _judge_grade,
        ClaimKind.SIZE: _judge_size, ClaimKind.CITATION: _judge_citation, ClaimKind.HEALTH_FUNCTION: _judge_function,
        ClaimKind.APPROVAL_NO: _judge_approval_no, ClaimKind.TRADEMARK: _judge_mark, ClaimKind.PATENT: _judge_patent,
    }[claim.kind]
    return judge(ctx, claim)


def _outcome(claim: FoundClaim, status: str, note: str = "", evidence: EvidenceRef | None = None,
             severity: Severity | None = None, message: str = "", target: Target | None = None) -> Outcome:
    return Outcome(GROUP_OF[claim.kind], claim, status, evidence, note, severity, message or note, target)


def _field_ref(record: EvidenceRecord, name: str) -> EvidenceRef | None:
    f = record.fields.get(name)
    if f is None:
        return None
    value = f"第{f.value}类" if name == "tm_class" and f.value.isdigit() else f.value
    return EvidenceRef(record.document, f.location, f"{_field_label(name)}：{value}")


def _field_label(name: str) -> str:
    from .model import FIELD_NAMES

    return FIELD_NAMES.get(name, name)


def _no_report_note(ctx: Context, claim: FoundClaim, mismatched: list[EvidenceRecord]) -> str:
    if mismatched:
        samples = "、".join(f"「{r.value('sample_name')}」" for r in mismatched)
        return f"提交的检测报告样品为{samples}，与所售商品「{claim.product}」不符"
    return "提交材料中没有该商品的检测报告"


# ---------------------------------------------------------------------------------------------
# Measured claims: quantities and zero claims against result rows.
@dataclass(frozen=True)
class Measured:
    """A result cell read as a number (or as not detected)."""

    quantity: Quantity | None
    nd: bool = False           # 未检出 / ND
    below: float | None = None  # "<0.01": below this value (same unit as quantity)
    level: int | None = None   # PA grade as 1..4


_ND = re.compile(r"未检出|未检测到|未测出|\bN\.?D\.?\b|阴性|低于检出限|<\s*LOD", re.IGNORECASE)
_UNIT_TOKEN = re.compile(
    r"(?P<unit>%|mg|μg|ug|mcg|kg|g|mL|ml|L|IU|CFU|cfu|kJ|kcal|毫克|微克|千克|克|毫升|升|千焦|大卡)"
    r"(?:\s*/\s*(?P<base>100\s*(?:g|mL|ml|克|毫升)|kg|g|mL|ml|L|克|千克|毫升|升|粒|片|袋|瓶|支|份|颗|包|条))?"
)
_NUM = re.compile(r"(?P<cmp>[<＜≤>＞≥])?\s*(?P<num>\d+(?:\.\d+)?)(?:\s*[×xX]\s*10\s*\^?\s*(?P<exp>\d{1,2}))?")


def _row_unit(row: ResultRow) -> tuple[str, str]:
    """(unit, per-base) of a row: from the result, the unit column, the item's brackets or the requirement."""
    for source in (row.result, row.unit, row.item, row.requirement):
        m = _UNIT_TOKEN.search(to_ascii(source or ""))
        if m:
            return m.group("unit"), (m.group("base") or "")
    return "", ""


def measure(row: ResultRow, claim: FoundClaim) -> Measured:
    """The row's result as a Measured value in the claim's terms (unit from the row, else the claim's)."""
    text = to_ascii(row.result or "").strip()
    if claim.item == "PA" or (claim.quantity and claim.quantity.dim == "pa"):
        return Measured(None, level=_pa_level(text))
    if _ND.search(text):
        return Measured(None, nd=True)
    m = _NUM.search(text)
    if not m:
        return Measured(None)
    value = float(m.group("num")) * (10 ** int(m.group("exp")) if m.group("exp") else 1)
    if claim.quantity and claim.quantity.dim == "spf":
        plus = "+" in text[m.end():m.end() + 2]
        return Measured(Quantity(value + (1 if plus else 0), "spf"))
    if claim.quantity and claim.quantity.dim == "kinds":
        return Measured(Quantity(value, "kinds"))
    unit, base = _row_unit(row)
    q = make_quantity(value, unit, base) if unit else _assume_claim_unit(value, claim)
    if m.group("cmp") in ("<", "＜", "≤"):
        return Measured(None, below=q.value if q else None) if q else Measured(None)
    return Measured(q)


def _assume_claim_unit(value: float, claim: FoundClaim) -> Quantity | None:
    """A bare number in a row without any unit is read in the claim's own unit."""
    q = claim.quantity
    if q is None or q.dim in ("zero",):
        return None
    if q.dim == "fraction":
        return Quantity(value / 100.0, "fraction")
    return None


def _pa_level(text: str) -> int | None:
    plus = re.search(r"PA\s*(\++)", text, re.IGNORECASE)
    if plus:
        return min(4, len(plus.group(1)))
    m = re.search(r"\d+(?:\.\d+)?", text)
    if not m:
        return None
    pfa = float(m.group(0))
    return 4 if pfa >= 16 else 3 if pfa >= 8 else 2 if pfa >= 4 else 1 if pfa >= 2 else 0


def _comparable(claim: Quantity, measured: Quantity) -> tuple[float, float] | None:
    """(claimed, measured) in one unit, or None when the two cannot be compared."""
    if claim.dim == measured.dim and claim.base == measured.base:
        return claim.value, measured.value
    # per 100 g and per 100 ml are taken as equal (density about 1): mg/ml x 1e-3 = g/g
    if claim.dim == "fraction" and (measured.dim, measured.base) == ("mass", "ml"):
        return claim.value, measured.value * 1e-3
    if (claim.dim, claim.base) == ("mass", "ml") and measured.dim == "fraction":
        return claim.value * 1e-3, measured.value
    if claim.dim == measured.dim and {claim.base, measured.base} == {"mass", "volume"}:
        # per mg and per ml: 1 ml taken as 1000 mg
        per_mg = lambda q: q.value if q.base == "mass" else q.value / 1e3  # noqa: E731
        return per_mg(claim), per_mg(measured)
    return None


def compare(claim: FoundClaim, measured: Measured) -> tuple[str, str]:
    """(status, note) of one claim against one measured result."""
    q = claim.quantity
    if q is None:
        return "not_checkable", "宣称无法量化"
    if q.dim == "pa":
        if measured.level is None:
            return "not_checkable", "报告结果无法换算为 PA 等级"
        if measured.level >= q.value:
            return "supported", ""
        return "contradicted", f"实测仅达 PA{'+' * measured.level}"
    if measured.nd:
        if q.op in ("<=", "<") or q.dim == "zero":
            return "supported", "报告结果为未检出"
        return "contradicted", "报告结果为未检出"
    if q.dim == "zero":
        if measured.below is not None or (measured.quantity and measured.quantity.value == 0):
            return "supported", "报告结果低于检出限"
        if measured.quantity:
            return "contradicted", "报告检出了该物质"
        return "not_checkable", "报告结果无法读取"
    if measured.below is not None:
        if q.op in ("<=", "<"):
            return ("supported", "") if measured.below <= q.value * (1 + _TOLERANCE) else ("not_checkable", "")
        return ("contradicted", "报告结果低于宣称值") if measured.below < q.value else ("not_checkable", "")
    if measured.quantity is None:
        return "not_checkable", "报告结果不是数值"
    pair = _comparable(q, measured.quantity)
    if pair is None:
        return "not_checkable", "报告的计量单位或基准与宣称不同，无法直接比较"
    c, m = pair
    ok = {
        ">=": m >= c * (1 - _TOLERANCE),
        ">": m > c,
        "<=": m <= c * (1 + _TOLERANCE),
        "<": m < c,
    }.get(q.op)
    if ok is None:  # a plain statement of content
        ok = m <= c * (1 + _LABEL_TOLERANCE) if claim.item in LOWER_IS_BETTER else m >= c * (1 - _LABEL_TOLERANCE)
    return ("supported", "") if ok else ("contradicted", "实测值与宣称不符")


def _row_matches(claim: FoundClaim, row: ResultRow) -> bool:
    canon = canonical_item(row.item)
    if claim.kind == ClaimKind.ZERO and not claim.item:
        return canon in ZERO_ITEMS or canon in _ZERO_GROUPS
    if claim.kind == ClaimKind.ZERO and claim.item in _ZERO_GROUPS:
        return canon in _ZERO_GROUPS[claim.item] or canon == claim.item
    if canon:
        return canon == claim.item
    item = to_ascii(row.item).upper()
    return bool(claim.item) and (claim.item.upper() in item or (len(item) >= 2 and item in claim.item.upper()))


# Zero claims about a family of substances: which tested items count.
_ZERO_GROUPS: dict[str, frozenset[str]] = {
    "防腐剂": frozenset({"防腐剂", "苯甲酸", "山梨酸", "脱氢乙酸", "对羟基苯甲酸酯"}),
    "甜味剂": frozenset({"甜味剂", "糖精钠", "甜蜜素", "安赛蜜", "阿斯巴甜"}),
    "重金属": frozenset({"重金属", "铅", "汞", "砷", "镉"}),
    "色素": frozenset({"色素", "柠檬黄", "日落黄", "胭脂红", "苋菜红", "亮蓝"}),
}


def _row_ref(record: EvidenceRecord, row: ResultRow) -> EvidenceRef:
    unit = row.unit if re.search(r"[A-Za-z%‰℃°μ]", row.unit or "") and row.unit not in row.result \
        and re.search(r"\d", row.result) else ""
    parts = [f"{row.item}：{row.result}{unit}"]
    if row.requirement:
        parts.append(f"要求 {row.requirement}")
    if row.verdict:
        parts.append(row.verdict)
    cell = row.cells.get("result")
    return EvidenceRef(record.document, cell.location if cell else row.location, "，".join(parts))


def _judge_measured(ctx: Context, claim: FoundClaim) -> Outcome:
    reports, mismatched = ctx.reports_for(claim.product)
    needs = "该宣称需要检测报告支持"
    if not needs_evidence(claim):
        needs = ""
    judged = []
    for record in reports:
        for row in record.results:
            if _row_matches(claim, row):
                status, note = compare(claim, measure(row, claim))
                judged.append((status, note, _row_ref(record, row)))
    judged += _certificate_facts(ctx, claim)
    if not judged and not reports:
        note = _no_report_note(ctx, claim, mismatched)
        if not needs:
            return _outcome(claim, "not_checkable", f"{note}；含量为标签信息，请与配料表/标签核对")
        return _outcome(claim, "no_evidence", note, severity=Severity.MEDIUM,
                        message=f"「{claim.text}」缺少证据：{note}，{needs}")
    if not judged:
        names = "、".join(f"「{r.document}」" for r in reports)
        note = f"检测报告{names}没有检测该项目"
        if not needs:
            return _outcome(claim, "not_checkable", f"{note}；含量为标签信息，请与配料表/标签核对")
        return _outcome(claim, "no_evidence", note, severity=Severity.MEDIUM,
                        message=f"「{claim.text}」缺少证据：{note}，{needs}")
    for wanted in ("contradicted", "supported"):
        hit = next((j for j in judged if j[0] == wanted), None)
        if hit:
            status, note, ref = hit
            if status == "contradicted":
                msg = f"「{claim.text}」与检测报告不符（{ref.text}，{ref.location}）"
                return _outcome(claim, status, note or "实测值与宣称不符", ref, Severity.HIGH, msg)
            return _outcome(claim, status, note, ref)
    status, note, ref = judged[0]
    return _outcome(claim, "not_checkable", note, ref)


# Registered values that certificates state: a sunscreen's SPF/PA in its registered product name, a health
# food's 功效成分含量.
_CERT_FACT_FIELDS = {EvidenceType.COSMETIC_CERT: "product_name", EvidenceType.HEALTH_FOOD_CERT: "key_ingredients"}


def _certificate_facts(ctx: Context, claim: FoundClaim) -> list[tuple[str, str, EvidenceRef]]:
    """(status, note, ref) of the claim against the same item stated on a certificate of its product."""
    out = []
    for record in ctx.of_type(*_CERT_FACT_FIELDS):
        name = record.value("product_name")
        if claim.product and name and not names_match(name, claim.product):
            continue
        f = record.fields.get(_CERT_FACT_FIELDS[record.type])
        if f is None:
            continue
        for fact in claims_in_text(f.value):
            if fact.kind != claim.kind or fact.item != claim.item or fact.quantity is None or claim.quantity is None:
                continue
            measured = _stated(fact.quantity)
            status, note = compare(claim, measured)
            ref = EvidenceRef(record.document, f.location, f"{_field_label(f.name)}：{f.value}")
            out.append((status, note or "以证书载明的数值核对", ref))
    return out


def _stated(q: Quantity) -> Measured:
    """A certificate's stated value read as a measurement (SPF50+ as above 50, PA+++ as grade 3)."""
    if q.dim == "pa":
        return Measured(None, level=int(q.value))
    if q.dim == "spf" and q.op == ">":
        return Measured(Quantity(q.value + 1, "spf"))
    return Measured(Quantity(q.value, q.dim, q.base))


# ---------------------------------------------------------------------------------------------
# Grades and sizes: label facts, judged when the evidence speaks to them (no finding otherwise).
_GRADE_PATTERNS = {
    "能效等级": (re.compile(r"能效"), re.compile(r"([1-5一二三四五])\s*级")),
    "安全技术类别": (re.compile(r"类别|GB\s*18401|安全技术"), re.compile(r"(?<![A-Za-z])([ABC])\s*类")),
    "甲醛释放等级": (re.compile(r"甲醛释放|释放限量|等级"), re.compile(r"(?<![A-Za-z])(E0|ENF|E1)")),
    "质量等级": (re.compile(r"等级|级别|质量"), re.compile(r"(特级|一级|二级|三级)")),
}
_CN_LEVEL = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5"}


def _grade_token(raw: str) -> str:
    return _CN_LEVEL.get(raw, raw) if len(raw) == 1 else raw


def _judge_grade(ctx: Context, claim: FoundClaim) -> Outcome:
    reports, mismatched = ctx.reports_for(claim.product)
    scheme, grade_rx = _GRADE_PATTERNS[claim.item]
    wanted = _grade_token(re.sub(r"级|类", "", claim.detail)) if claim.item != "质量等级" else claim.detail
    for record in reports:
        # (where the scheme is named, where the grade is read): a row's item and its result, or a field
        places = [(row.item, row.result, _row_ref(record, row)) for row in record.results]
        places += [(record.value(name), record.value(name), _field_ref(record, name))
                   for name in ("conclusion", "specification") if record.value(name)]
        for named, value, ref in places:
            if not scheme.search(to_ascii(named)):
                continue
            m = grade_rx.search(to_ascii(value))
            if not m:
                continue
            got = _grade_token(m.group(1)) if claim.item != "质量等级" else m.group(1)
            if got == wanted:
                return _outcome(claim, "supported", "", ref)
            msg = f"「{claim.text}」与检测报告不符：报告为{m.group(0)}（{ref.location}）"
            return _outcome(claim, "contradicted", f"报告为{m.group(0)}", ref, Severity.HIGH, msg)
    note = _no_report_note(ctx, claim, mismatched) if not reports else "检测报告未载明该等级"
    return _outcome(claim, "not_checkable", f"{note}；等级应有标准依据（如能效标识备案、检测报告）")


def _judge_size(ctx: Context, claim: FoundClaim) -> Outcome:
    reports, _ = ctx.reports_for(claim.product)
    q = claim.quantity
    for record in reports:
        for row in record.results:
            if not re.search(r"净含量|容量", row.item) or q is None:
                continue
            meas = measure(row, claim)
            if meas.quantity and meas.quantity.dim == q.dim:
                ref = _row_ref(record, row)
                if meas.quantity.value >= q.value * (1 - _NET_CONTENT_SHORTFALL):
                    return _outcome(claim, "supported", "", ref)
                msg = f"「{claim.text}」与检测报告不符（{ref.text}，{ref.location}）"
                return _outcome(claim, "contradicted", "实测净含量不足", ref, Severity.HIGH, msg)
        spec = record.value("specification")
        if spec and q is not None:
            m = re.search(r"(\d+(?:\.\d+)?)\s*(kg|千克|g|克|mL|ml|毫升|L|升)", to_ascii(spec))
            sq = make_quantity(float(m.group(1)), m.group(2)) if m else None
            if sq and sq.dim == q.dim:
                same = abs(sq.value - q.value) <= q.value * _TOLERANCE
                note = "" if same else f"报告样品规格为「{spec}」，与所售规格不同"
                return _outcome(claim, "supported" if same else "not_checkable", note,
                                _field_ref(record, "specification"))
    return _outcome(claim, "not_checkable", "净含量为标签信息，检测报告未涉及")


# ---------------------------------------------------------------------------------------------
# Citations of reports and certifications.
_CERT_WORDS = re.compile(r"欧盟|国际|美国|中国|国家|体系|产品|权威|的|了|官方")


def _judge_citation(ctx: Context, claim: FoundClaim) -> Outcome:
    if claim.detail == "report":
        return _judge_report_citation(ctx, claim)
    key = _CERT_WORDS.sub("", to_ascii(claim.item)).upper().strip()
    tokens = re.findall(r"[A-Z]+|\d+|[\u4e00-\u9fa5]+", key)
    docs = [d for d in ctx.bundle.documents if d.kind not in (DocKind.SCRIPT, DocKind.HAND_CARD)
            and d.name != claim.document and d.text]
    for doc in docs:
        up = to_ascii(doc.text).upper()
        positions = [up.find(t) for t in tokens]
        if tokens and min(positions) >= 0 and re.search(r"认证|证书", doc.text):
            pos = positions[0]
            line_end = doc.text.find("\n", pos)
            quote = doc.text[pos:line_end if line_end >= 0 else len(doc.text)][:60]
            return _outcome(claim, "supported", "", EvidenceRef(doc.name, doc.location_at(pos), quote))
    note = f"提交材料中没有「{claim.item}」认证证书" if key else "提交材料中没有相应的认证证书"
    return _outcome(claim, "no_evidence", note, severity=Severity.MEDIUM,
                    message=f"「{claim.text}」引用了认证，但{note}")


def _judge_report_citation(ctx: Context, claim: FoundClaim) -> Outcome:
    reports, mismatched = ctx.reports_for(claim.product)
    if not reports:
        note = _no_report_note(ctx, claim, mismatched) if claim.product or mismatched else "提交材料中没有检测报告"
        return _outcome(claim, "no_evidence", note, severity=Severity.MEDIUM,
                        message=f"「{claim.text}」引用了检测结果，但{note}")
    for record in reports:
        if lab_matches(claim.item, record.value("lab")):
            ref = _field_ref(record, "lab") or _field_ref(record, "report_no") or EvidenceRef(record.document, "", "")
            entrusted = _entrusted(ctx, record)
            if _AUTHORITY.search(claim.item) and entrusted is not None:
                note = "报告为委托检验，只对送检样品负责，不能表述为国家或权威机构检测"
                return _outcome(claim, "no_evidence", note, entrusted, Severity.MEDIUM, f"「{claim.text}」：{note}")
            return _outcome(claim, "supported", "", ref)
    labs = "、".join(f"「{r.value('lab') or '未载明'}」" for r in reports)
    note = f"提交的检测报告由{labs}出具，不是所称的{claim.item}"
    return _outcome(claim, "no_evidence", note, _field_ref(reports[0], "lab"), Severity.MEDIUM,
                    f"「{claim.text}」与提交的报告不对应：{note}")


_AUTHORITY = re.compile(r"国家|权威|官方")
_ENTRUSTED = re.compile(r"委托检验|委托检测|送样检验|仅对来样负责")


def _entrusted(ctx: Context, record: EvidenceRecord) -> EvidenceRef | None:
    """Where a report says it is an entrusted test of a sample sent in (None when it does not)."""
    doc = ctx.document(record.document)
    m = _ENTRUSTED.search(doc.text) if doc else None
    return EvidenceRef(doc.name, doc.location_at(m.start()), m.group(0)) if doc and m else None


# ---------------------------------------------------------------------------------------------
# Identity: the product sold vs the report's sample, the supplier vs the licence holder.
def _mention_claim(m: Mention, kind: ClaimKind, product: str = "") -> FoundClaim:
    return FoundClaim(kind, m.document, m.start, m.end, m.name, m.location, m.name, product=product or m.name)


def _identity(ctx: Context) -> list[Outcome]:
    return [*_sample_names(ctx), *_suppliers(ctx)]


def _sample_names(ctx: Context) -> list[Outcome]:
    out = []
    if not ctx.products:
        return out
    for record in ctx.of_type(EvidenceType.TEST_REPORT):
        sample = record.fields.get("sample_name")
        if sample is None:
            continue
        match = next((m for m in ctx.products if names_match(m.name, sample.value)), None)
        ref = EvidenceRef(record.document, sample.location, f"样品名称：{sample.value}")
        if match:
            out.append(_outcome(_mention_claim(match, ClaimKind.PRODUCT), "supported", "", ref))
            continue
        sold = "、".join(dict.fromkeys(f"「{m.name}」" for m in ctx.products))
        note = f"检测报告的样品「{sample.value}」不是直播所售的{sold}，该报告不能证明所售商品"
        out.append(_outcome(_mention_claim(ctx.products[0], ClaimKind.PRODUCT), "contradicted", note, ref,
                            Severity.MEDIUM, note, Target(record.document, sample.start, sample.end, sample.location)))
    return out


def _licence_names(ctx: Context) -> list[tuple[EvidenceRecord, EvidenceField]]:
    out = []
    for record in ctx.of_type(EvidenceType.BUSINESS_LICENCE, EvidenceType.FOOD_LICENCE):
        for name in ("name", "holder"):
            if name in record.fields:
                out.append((record, record.fields[name]))
    return out


def _suppliers(ctx: Context) -> list[Outcome]:
    out = []
    holders = _licence_names(ctx)
    seen: set[str] = set()
    for m in ctx.suppliers:
        key = normalise_company(m.name)
        if key in seen:
            continue
        seen.add(key)
        claim = _mention_claim(m, ClaimKind.SUPPLIER, _product_of(ctx, m))
        if not holders:
            out.append(_outcome(claim, "not_checkable", "提交材料中没有营业执照或许可证"))
            continue
        same = next(((r, f) for r, f in holders if normalise_company(f.value) == key), None)
        if same:
            record, f = same
            out.append(_outcome(claim, "supported", "", EvidenceRef(record.document, f.location,
                                                                    f"{_field_label(f.name)}：{f.value}")))
            continue
        record, f = holders[0]
        names = "、".join(dict.fromkeys(f"「{x.value}」" for _, x in holders))
        note = f"手卡所列供应商「{m.name}」与营业执照/许可证上的主体{names}不一致"
        out.append(_outcome(claim, "contradicted", note, EvidenceRef(record.document, f.location, f.value),
                            Severity.MEDIUM, note))
    return out


def _product_of(ctx: Context, m: Mention) -> str:
    same_row = next((p.name for p in ctx.products if m.row and p.row == m.row and p.document == m.document), "")
    return same_row or _single_product(ctx.products)


# ---------------------------------------------------------------------------------------------
# Health food: functions and approval numbers vs the registration certificate or filing.
_HEALTH_SIGN = re.compile(r"国食健注[GJ]\d{8}|食健备[GJ]\d{12}|保健食品|蓝帽子|保健功能")
_NOT_HEALTH_FOOD = re.compile(r"(?:不是|并非|不属于|非)保健食品|(?<![不非])(?:是|属于|为)普通食品")


def _sells_health_food(ctx: Context) -> bool:
    if ProductCategory.HEALTH_FOOD not in ctx.bundle.products:
        return False
    content = [d for d in ctx.bundle.documents if d.kind in CONTENT_KINDS]
    return not any(_NOT_HEALTH_FOOD.search(d.text) for d in content)


def _approved_functions(record: EvidenceRecord) -> tuple[set[str], EvidenceRef | None]:
    fields = list(record.multi.get("functions", []))
    if not fields and "functions" in record.fields:
        fields = [record.fields["functions"]]
    approved = set()
    for f in fields:
        for part in re.split(r"[、，,；;/\s]+", f.value):
            canon = canonical_function(part)
            if canon:
                approved.add(canon)
    ref = EvidenceRef(record.document, fields[0].location, "保健功能：" + "、".join(f.value for f in fields)) \
        if fields else None
    return approved, ref


def _health_certs(ctx: Context, product: str) -> list[EvidenceRecord]:
    certs = ctx.of_type(EvidenceType.HEALTH_FOOD_CERT)
    if product:
        named = [c for c in certs if not c.value("product_name") or names_match(c.value("product_name"), product)]
        return named or certs
    return certs


def _judge_function(ctx: Context, claim: FoundClaim) -> Outcome | None:
    if not _sells_health_food(ctx):
        return None
    certs = _health_certs(ctx, claim.product)
    if not certs:
        return _outcome(claim, "not_checkable", "未提供保健食品注册证书或备案凭证，无法核对功能")
    approved, ref = set(), None
    for cert in certs:
        funcs, fref = _approved_functions(cert)
        approved |= funcs
        ref = ref or fref
    if not approved:
        return _outcome(claim, "not_checkable", "证书中未读到保健功能", ref)
    if claim.item in approved:
        return _outcome(claim, "supported", "", ref)
    listed = "、".join(sorted(approved))
    note = f"「{claim.text}」（{claim.item}）不在证书批准的保健功能（{listed}）之内"
    return _outcome(claim, "contradicted", note, ref, Severity.HIGH, note)


def _judge_approval_no(ctx: Context, claim: FoundClaim) -> Outcome | None:
    certs = ctx.of_type(EvidenceType.HEALTH_FOOD_CERT)
    if not certs:
        if _sells_health_food(ctx):
            return None  # the missing certificate is reported once, quoting this number
        return _outcome(claim, "not_checkable", "未提供保健食品注册证书或备案凭证")
    for cert in certs:
        if to_ascii(cert.value("approval_no")).replace(" ", "").upper() == claim.item.upper():
            return _outcome(claim, "supported", "", _field_ref(cert, "approval_no"))
    nos = "、".join(f"「{c.value('approval_no') or '未读到'}」" for c in certs)
    note = f"脚本中的批准文号「{claim.text}」与证书上的{nos}不一致"
    return _outcome(claim, "contradicted", note, _field_ref(certs[0], "approval_no"), Severity.HIGH, note)


def _health_food_presence(ctx: Context, claims: list[FoundClaim]) -> list[Outcome]:
    """A product sold as health food without any certificate; certificates naming another product."""
    if not _sells_health_food(ctx):
        return []
    certs = ctx.of_type(EvidenceType.HEALTH_FOOD_CERT)
    if certs:
        return _health_cert_products(ctx, certs)
    sign = _first_health_sign(ctx)
    note = "以保健食品销售，但提交材料中没有保健食品注册证书或备案凭证"
    if sign is None:
        doc = next(d for d in ctx.bundle.documents if d.kind in CONTENT_KINDS)
        claim = FoundClaim(ClaimKind.APPROVAL_NO, doc.name, 0, 0, "", "全文", product=_single_product(ctx.products))
        return [Outcome(HEALTH_FOOD, claim, "no_evidence", None, note, Severity.MEDIUM, note,
                        Target(doc.name, None, None, "全文"))]
    doc, m = sign
    claim = FoundClaim(ClaimKind.APPROVAL_NO, doc.name, m.start(), m.end(), m.group(0), doc.location_at(m.start()),
                       m.group(0), product=_single_product(ctx.products))
    return [_outcome(claim, "no_evidence", note, severity=Severity.MEDIUM)]


def _first_health_sign(ctx: Context) -> tuple[Document, re.Match] | None:
    for doc in ctx.bundle.documents:
        if doc.kind in CONTENT_KINDS:
            numbers = list(re.finditer(r"国食健注[GJ]\d{8}|食健备[GJ]\d{12}", doc.text))
            m = numbers[0] if numbers else _HEALTH_SIGN.search(doc.text)
            if m:
                return doc, m
    return None


def _health_cert_products(ctx: Context, certs: list[EvidenceRecord]) -> list[Outcome]:
    out = []
    if not ctx.products:
        return out
    for cert in certs:
        f = cert.fields.get("product_name")
        if f is None or any(names_match(m.name, f.value) for m in ctx.products):
            continue
        note = f"保健食品证书上的产品「{f.value}」不是直播所售的「{ctx.products[0].name}」"
        claim = _mention_claim(ctx.products[0], ClaimKind.APPROVAL_NO)
        out.append(Outcome(HEALTH_FOOD, claim, "contradicted", EvidenceRef(cert.document, f.location, f.value), note,
                           Severity.MEDIUM, note, Target(cert.document, f.start, f.end, f.location)))
    return out


# ---------------------------------------------------------------------------------------------
# ® marks vs trademark registration certificates.
_CLASS_BY_CATEGORY: dict[ProductCategory, frozenset[int]] = {
    ProductCategory.COSMETICS: frozenset({3}),
    ProductCategory.HEALTH_FOOD: frozenset({5, 29, 30, 32}),
    ProductCategory.FOOD: frozenset({29, 30, 31, 32, 33}),
    ProductCategory.DRUG: frozenset({5}),
    ProductCategory.DEVICE: frozenset({10}),
}
_CLASS_BY_WORD: tuple[tuple[re.Pattern, frozenset[int]], ...] = tuple(
    (re.compile(rx), frozenset(classes)) for rx, classes in (
        (r"面霜|精华|乳液|口红|唇釉|面膜|洗发|沐浴|牙膏|香水|防晒|洁面|洗面奶|护肤|彩妆|粉底|眼霜|洗衣液|卸妆", {3}),
        (r"T恤|衬衫|外套|卫衣|裤|裙|鞋|袜|帽|内衣|羽绒服|服装", {25}),
        (r"杯|壶|锅|碗|盘|餐具|砧板|牙刷", {21}),
        (r"四件套|床单|被套|毛巾|浴巾|窗帘|枕套", {24}),
        (r"手机|耳机|充电|数据线|音箱|相机|电脑", {9}),
        (r"吹风机|电饭煲|空调|冰箱|热水器|台灯|取暖器|净化器|加湿器", {11}),
        (r"玩具|积木|拼图", {28}),
        (r"项链|手链|戒指|手表|首饰", {14}),
        (r"箱包|背包|钱包|行李箱|手提包", {18}),
        (r"维生素|钙片|胶囊|咀嚼片|软胶囊|益生菌|鱼油|蛋白粉", {5, 29, 30, 32}),
        (r"茶|咖啡|蜂蜜|饼干|糕点|大米|面条|巧克力|糖果", {30}),
        (r"牛奶|酸奶|奶粉|肉|坚果|燕窝|果干", {29}),
        (r"饮料|矿泉水|果汁|苏打水", {32}),
        (r"白酒|红酒|啤酒|黄酒", {33}),
        (r"水果|蔬菜|鲜花", {31}),
    )
)


def classes_for(product: str, categories: Iterable[ProductCategory]) -> frozenset[int]:
    """Nice classes that would cover the goods (empty when unknown)."""
    classes: set[int] = set()
    for rx, cls in _CLASS_BY_WORD:
        if rx.search(product):
            classes |= cls
    for cat in categories:
        classes |= _CLASS_BY_CATEGORY.get(cat, frozenset())
    return frozenset(classes)


def _cert_classes(record: EvidenceRecord) -> set[int]:
    values = [f.value for f in record.multi.get("tm_class", [])] or [record.value("tm_class")]
    return {int(n) for v in values for n in re.findall(r"\d{1,2}", to_ascii(v)) if 1 <= int(n) <= 45}


def _mark_key(text: str) -> str:
    return re.sub(r"[\s·'\-]", "", to_ascii(text)).upper()


def _cert_for_mark(ctx: Context, claim: FoundClaim) -> tuple[EvidenceRecord, int] | None:
    """The certificate whose mark stands right before the ®, and the start of that mark in the text."""
    doc = ctx.document(claim.document)
    if doc is None:
        return None
    mark_end = claim.start + len(claim.item)
    before = doc.text[max(0, mark_end - 24):mark_end]
    for record in ctx.of_type(EvidenceType.TRADEMARK_CERT):
        key = _mark_key(record.value("mark"))
        if key and _mark_key(before).endswith(key):
            start = mark_end
            while start > 0 and len(_mark_key(doc.text[start:mark_end])) < len(key):
                start -= 1
            return record, start
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return day


def _judge_mark(ctx: Context, claim: FoundClaim) -> Outcome:
    found = _cert_for_mark(ctx, claim)
    if found is None:
        certs = ctx.of_type(EvidenceType.TRADEMARK_CERT)
        if certs:
            marks = "、".join(f"「{c.value('mark') or '未读到'}」" for c in certs)
            note = f"提交的商标注册证为{marks}，没有「{claim.item}」"
        else:
            note = "提交材料中没有商标注册证"
        return _outcome(claim, "no_evidence", note, severity=Severity.MEDIUM,
                        message=f"「{claim.text}」标注了®，但{note}，无法确认已注册")
    record, start = found
    doc = ctx.document(claim.document)
    if doc is not None and start != claim.start:
        claim = FoundClaim(claim.kind, claim.document, start, claim.end, doc.text[start:claim.end],
                           doc.location_at(start), record.value("mark"), detail=claim.detail, product=claim.product)
    ref = _field_ref(record, "mark") or EvidenceRef(record.document, "", record.value("mark"))
    problem = _mark_validity(ctx, claim, record) or _mark_class(ctx, claim, record)
    if problem:
        status, severity, note, field_name = problem
        return _outcome(claim, status, note, _field_ref(record, field_name) or ref, severity,
                        f"「{claim.text}」：{note}")
    return _outcome(claim, "supported", "", ref)


def _mark_validity(ctx: Context, claim: FoundClaim, record: EvidenceRecord) -> tuple | None:
    until, since = record.date("valid_until"), record.date("valid_from")
    if since and ctx.date < since:
        return "contradicted", Severity.HIGH, f"商标注册有效期自 {since} 起，直播日尚未生效", "valid_from"
    if until and ctx.date > until:
        if ctx.date <= _add_months(until, _GRACE_MONTHS):
            note = f"商标注册有效期已于 {until} 届满，直播日在续展宽展期内，需提供续展证明"
            return "no_evidence", Severity.MEDIUM, note, "valid_until"
        return "contradicted", Severity.HIGH, f"商标注册有效期已于 {until} 届满，不能再标注®", "valid_until"
    return None


def _mark_class(ctx: Context, claim: FoundClaim, record: EvidenceRecord) -> tuple | None:
    have = _cert_classes(record)
    if not have:
        return None
    need = classes_for(claim.product, ctx.bundle.products)
    listed = "、".join(f"第{c}类" for c in sorted(have))
    if have == {35}:
        return "contradicted", Severity.HIGH, "商标只核定在第35类（销售服务），不覆盖所售商品本身", "tm_class"
    if need and not have & need:
        wanted = "、".join(f"第{c}类" for c in sorted(need))
        return ("contradicted", Severity.HIGH, f"商标核定类别为{listed}，不覆盖所售商品（应为{wanted}）", "tm_class")
    return None


# ---------------------------------------------------------------------------------------------
# Patent numbers vs patent certificates.
_PATENT_TERMS = {"发明": 20, "实用新型": 10}


def _patent_type(record: EvidenceRecord, number: str) -> str:
    raw = record.value("patent_type") + record.value("title")
    for kind in ("实用新型", "外观设计", "发明"):
        if kind in raw:
            return kind
    return patent_kind(number)


def _patent_last_day(kind: str, filing: dt.date) -> dt.date:
    """Last day of protection: the term runs from the filing date (designs filed before 2021-06-01: 10 years)."""
    years = _PATENT_TERMS.get(kind, 15 if filing >= dt.date(2021, 6, 1) else 10)
    return add_years(filing, years) - dt.timedelta(days=1)


def _company_names(ctx: Context) -> set[str]:
    names = {normalise_company(m.name) for m in ctx.suppliers}
    names |= {normalise_company(f.value) for _, f in _licence_names(ctx)}
    for r in ctx.of_type(EvidenceType.TEST_REPORT):
        names |= {normalise_company(r.value(k)) for k in ("manufacturer", "client") if r.value(k)}
    for r in ctx.of_type(EvidenceType.TRADEMARK_CERT, EvidenceType.HEALTH_FOOD_CERT):
        if r.value("holder"):
            names.add(normalise_company(r.value("holder")))
    return names


def _judge_patent(ctx: Context, claim: FoundClaim) -> Outcome:
    certs = ctx.of_type(EvidenceType.PATENT_CERT)
    cert = next((c for c in certs if _patent_no(c.value("patent_no")) == claim.item), None)
    if cert is None:
        if certs:
            nos = "、".join(f"「{c.value('patent_no') or '未读到'}」" for c in certs)
            note = f"提交的专利证书号为{nos}，与「{claim.text}」不一致"
        else:
            note = "提交材料中没有该专利的专利证书"
        return _outcome(claim, "no_evidence", note, severity=Severity.MEDIUM,
                        message=f"「{claim.text}」缺少证据：{note}")
    ref = _field_ref(cert, "patent_no") or EvidenceRef(cert.document, "", cert.value("patent_no"))
    kind = _patent_type(cert, claim.item)
    if claim.detail and kind and claim.detail != kind:
        note = f"脚本称{claim.detail}专利，证书为{kind}专利"
        return _outcome(claim, "contradicted", note, _field_ref(cert, "patent_type") or ref, Severity.HIGH,
                        f"「{claim.text}」专利类型不符：{note}")
    filing = cert.date("filing_date")
    if filing and kind:
        last_day = _patent_last_day(kind, filing)
        if ctx.date > last_day:
            note = f"申请日 {filing}，{kind}专利保护期已于 {last_day} 届满"
            return _outcome(claim, "contradicted", note, _field_ref(cert, "filing_date") or ref, Severity.HIGH,
                            f"「{claim.text}」已过保护期：{note}，不能再作为专利宣传")
    patentee = cert.value("patentee")
    companies = _company_names(ctx)
    if patentee and companies and normalise_company(patentee) not in companies:
        note = f"专利权人为「{patentee}」，不是供应商或生产企业，需提供专利实施许可或书面授权"
        return _outcome(claim, "no_evidence", note, _field_ref(cert, "patentee") or ref, Severity.MEDIUM,
                        f"「{claim.text}」：{note}")
    return _outcome(claim, "supported", "", ref)


def _patent_no(value: str) -> str:
    return re.sub(r"[\s.·]|^ZL|^CN", "", to_ascii(value).upper().strip())
