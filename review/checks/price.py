"""Price claims that need context (rules-reference §4): reference prices without a basis (PRICE-REF),
conditions hidden from the headline price, free offers, 前N名 offers and undefined gifts (PRICE-COND),
and prize promotions above the legal cap (PRICE-PRIZE).

"Next to it" means the same line of running text or the same table row: the extracted text puts every
table cell on its own line, so a row is gathered back from the cells' locations (…第R行「列」列).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..model import Document, Finding, Severity, cell_ref
from ..nlp import line_bounds
from . import register

# ------------------------------------------------------------------ table rows and context



@dataclass(frozen=True)
class Cell:
    """One table cell of a document: its span, row key and column name ('' when unnamed)."""

    start: int
    end: int
    row: str
    column: str


def table_cells(doc: Document) -> list[Cell]:
    """Every table cell of the document: cells of docx/xlsx/pdf tables, then cells of text tables."""
    cells = []
    for seg in doc.segments:
        ref = cell_ref(seg.location)
        if ref:
            cells.append(Cell(seg.start, seg.end, ref.row_key, ref.header))
    return cells + text_table_cells(doc.text)


_SEPARATORS = "|\t｜"
_SEPARATOR = re.compile(r"[|\t｜]")


def _split_cells(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of the non-blank cells of one separated line, blanks around each cell trimmed."""
    bounds = [lo, *(i for m in _SEPARATOR.finditer(text, lo, hi) for i in (m.start(), m.end())), hi]
    spans = []
    for a, b in zip(bounds[::2], bounds[1::2], strict=True):
        cell = text[a:b]
        if cell.strip():
            a += len(cell) - len(cell.lstrip())
            b -= len(cell) - len(cell.rstrip())
            spans.append((a, b))
    return spans


def text_table_cells(text: str) -> list[Cell]:
    """Cells of tables pasted as text (hand cards copied from a spreadsheet): runs of at least two
    consecutive lines split by | or tabs into the same number (>= 2) of cells; the first line names
    the columns. Row keys are 文本表格@<offset> 第R行."""
    cells: list[Cell] = []
    block: list[list[tuple[int, int]]] = []
    pos = 0
    for line in [*text.split("\n"), ""]:
        spans = _split_cells(text, pos, pos + len(line)) if any(c in line for c in _SEPARATORS) else []
        if len(spans) >= 2 and (not block or len(spans) == len(block[0])):
            block.append(spans)
        else:
            cells.extend(_block_cells(text, block))
            block = [spans] if len(spans) >= 2 else []
        pos += len(line) + 1
    return cells


def _block_cells(text: str, block: list[list[tuple[int, int]]]) -> list[Cell]:
    if len(block) < 2:
        return []
    header = [text[a:b].strip() for a, b in block[0]]
    key = f"文本表格@{block[0][0][0]}"
    return [Cell(a, b, f"{key} 第{r}行", header[c])
            for r, row in enumerate(block, start=1) for c, (a, b) in enumerate(row)]


class Layout:
    """Lines and table rows of one document, for "same line or same row" context tests."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.cells = table_cells(doc)
        self._by_start = {c.start: c for c in self.cells if not c.row.startswith("文本表格@")}
        self._rows: dict[str, list[Cell]] = {}
        self._found: dict[tuple[object, str], bool] = {}
        for cell in self.cells:
            self._rows.setdefault(cell.row, []).append(cell)

    def cell_at(self, offset: int) -> Cell | None:
        """The cell (of a docx/xlsx/pdf table, not a text table) holding `offset`, if any."""
        seg = self.doc.segment_at(offset)
        return self._by_start.get(seg.start) if seg else None

    def context(self, start: int, end: int) -> str:
        """The whole table row (cells joined by " | ") or else the line(s) holding the span; a text
        table's row is its line."""
        return self._context(self._key(start, end))

    def has(self, rx: re.Pattern, start: int, end: int) -> bool:
        """True when `rx` occurs in the span's context (memoised per context, so many hits on one long
        line cost one search)."""
        key = self._key(start, end)
        memo = (key, rx.pattern)
        if memo not in self._found:
            self._found[memo] = rx.search(self._context(key)) is not None
        return self._found[memo]

    def _key(self, start: int, end: int) -> str | tuple[int, int]:
        cell = self.cell_at(start)
        if cell is not None and cell.row in self._rows:
            return cell.row
        return line_bounds(self.doc.text, start, end)

    def _context(self, key: str | tuple[int, int]) -> str:
        if isinstance(key, str):
            return " | ".join(self.doc.text[c.start:c.end] for c in self._rows[key])
        return self.doc.text[key[0]:key[1]]


def layout(bundle: Bundle, doc: Document) -> Layout:
    """The document's layout, computed once per bundle."""
    key = f"price.layout:{doc.name}"
    if key not in bundle.cache:
        bundle.cache[key] = Layout(doc)
    return bundle.cache[key]  # type: ignore[return-value]


# ------------------------------------------------------------------ amounts

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> float | None:
    """Value of a simple Chinese numeral (十二, 三千五百, 十万 → 100000); None when not one."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch != "万" for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:  # 万
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
    return float(total + section + (digit or 0))


def amount_value(number: str, unit: str = "") -> float | None:
    """Yuan value of an amount such as ("12", "万"), ("6.8", "万"), ("80000", ""), ("十二", "万")."""
    number = number.replace(",", "").replace("，", "").strip()
    try:
        value = float(number)
    except ValueError:
        parsed = cn_number(number)
        if parsed is None:
            return None
        value = parsed
    scale = {"万": 10000, "w": 10000, "W": 10000, "千": 1000, "k": 1000, "K": 1000}.get(unit, 1)
    return value * scale


# ------------------------------------------------------------------ PRICE-REF: reference prices

# Compared-price wordings: price nouns (原价, 专柜价, 对比价 …) and "where/when it sold for" verb
# phrases (平时店里卖, 官方都卖, 某东卖, 京东同款). A word's family is what a definition sentence explains.
_PLACE = (r"专柜|商场|超市|实体店|门店|线下|外面|市面上?|市场|官网|官方|京东|某东|天猫|某猫|淘宝|某宝|拼多多|某多多"
          r"|唯品会|别家|别的直播间|其他直播间|其他平台|别的平台|店里|店铺")
_WHEN = r"平时|平常|以前|之前|原来|日常|往常"
_PRICE_NOUN = (r"原价|原售价|划线价|日常价|日常售价|平时价|平常价|店铺价|专柜价|专柜售价|商场价|吊牌价|标签价"
               r"|市场参考价|市场价|市场售价|市面价|超市价|实体店价|门店价|线下价|官网价|官网售价|官方价|参考价|建议零售价|零售价"
               r"|指导价|对比价|比较价")
_REF_WORD = (rf"(?:{_PRICE_NOUN})"
             rf"|(?:{_PLACE})(?:同款|自营)(?:价|卖|售价)?"
             rf"|(?:{_PLACE})价"
             rf"|(?:(?:{_WHEN})(?:在)?(?:{_PLACE})?|(?:{_PLACE}))(?:都|也|一般|基本)?(?:卖|要卖|要|售价|标价)")
_FAMILY_KEYS = (("划线价", "划线"), ("吊牌价", "吊牌|标签"), ("参考价", "参考|零售|指导|对比|比较"),
                ("专柜价", "专柜|商场"), ("官网价", "官网|官方"), ("日常价", "日常|平时|平常|往常|店里|店铺"),
                ("原价", "原|以前|之前"))
_ANY_FAMILY = "*"  # 比较价/对比价 defined for the show covers every compared price
_CN_AMOUNT = r"[一二两三四五六七八九十百千几]+(?:多|来)?(?:块钱?|元|百|千)?(?:多)?"
_NUM_AMOUNT = r"(?:¥|￥)?[^\S\n]*\d+(?:,\d{3})*(?:\.\d+)?(?!\d)(?:[^\S\n]*(?:元|块钱?|万))?"
_REF_PRICE = re.compile(
    rf"(?P<word>{_REF_WORD})(?:都|也|要|是|为|高达|至少|一般|基本|起码|差不多|就要|得|卖|[:：]|[^\S\n]){{0,3}}"
    rf"(?P<amount>{_NUM_AMOUNT}|{_CN_AMOUNT})"
    r"(?![\d.]|[:：]\d|[个人件次天年月日号位条只斤克gml%％点分秒岁遍倍层楼])"
)
# Comparisons without a named reference amount.
_COMPARISONS = re.compile(
    r"直降[^\S\n]*(?:¥|￥)?\d[\d,]*(?:\.\d+)?[^\S\n]*(?:元|块)?"
    rf"|比(?:(?:{_PLACE}){{1,2}}|市场价?|平时|原价|日常)"
    r"(?:还|都|要)?(?:便宜|低|划算|省)了?(?:一半|一倍|[一二两三四五六七八九十几百千\d]+[^\S\n]*(?:块钱?|元|成|折|%)?)?"
    r"|(?:双11|双十一|双12|双十二|618|年货节|大促|去年)(?:都|也)?(?:没有?|买不到)(?:这个|这样的)?(?:价|价格|价钱|力度)"
    r"|比(?:双11|双十一|双12|双十二|618|年货节|大促)(?:还|都)?(?:便宜|低|划算)"
)
# What makes a compared price provable (rules-reference §4 PRICE-REF): the seller's own recent
# transaction prices, a manufacturer's price labelled as such, or a tag the buyer can check.
_BASIS = re.compile(
    r"(?:近|前|过去|最近)[^\S\n]*(?:[0-9０-９]+|七|十五|三十)[^\S\n]*(?:日|天)|成交价|成交记录|价格记录|历史价格"
    r"|(?:厂商|厂家|品牌|生产商|制造商|品牌方)(?:建议|指导)(?:零售)?价|非本店成交价|非成交价"
    r"|(?:看|查|见|核对)(?:到)?吊牌|吊牌(?:上|照片|实拍)|(?:价格|价)(?:截图|凭证|依据)"
    r"|专柜(?:小票|价格截图)|官网可查|\d{1,2}月\d{1,2}日(?:至|到|—|-)\d{1,2}月\d{1,2}日"
)
_SELF_LABELLED = {"建议零售价", "零售价", "指导价"}


def _family(word: str) -> str:
    """The family of a compared-price wording (市场价 for 某东卖, 日常价 for 平时店里卖 …)."""
    for family, keys in _FAMILY_KEYS:
        if re.search(keys, word):
            return family
    return "市场价"


def _norm_amount(amount: str) -> str:
    return re.sub(r"[¥￥\s,元块钱万]", "", amount)


@dataclass
class ReferenceBasis:
    """What one document explains about its compared prices."""

    families: set[str]   # word families explained for the whole document (划线价为近30日最低成交价)
    amounts: set[str]    # amounts stated somewhere with their basis (原价159元（近7日最低成交价）)

    def explains(self, family: str) -> bool:
        """True when a definition sentence covers this family (or every compared price)."""
        return family in self.families or _ANY_FAMILY in self.families


def reference_basis(doc: Document, lay: Layout) -> ReferenceBasis:
    """Families defined by a basis sentence and amounts given with a basis anywhere in the document."""
    families: set[str] = set()
    amounts: set[str] = set()
    definition = re.compile(
        rf"(?P<word>{_REF_WORD})[^\S\n]*(?:（[^）]*）)?[^\S\n]*(?:均|都|统一)?(?:为|是|指|即|[:：])")
    for m in definition.finditer(doc.text):
        hi = line_bounds(doc.text, m.start(), m.end())[1]
        sentence_end = min((i for i in (doc.text.find(c, m.end(), hi) for c in "。；;") if i != -1), default=hi)
        if _BASIS.search(doc.text[m.end():sentence_end]):
            word = m.group("word")
            families.add(_ANY_FAMILY if word in ("比较价", "对比价") else _family(word))
    for m in _REF_PRICE.finditer(doc.text):
        if lay.has(_BASIS, m.start(), m.end()):
            amounts.add(_norm_amount(m.group("amount")))
    for cell in lay.cells:
        if _is_reference_column(cell.column) and _BASIS.search(cell.column):
            families.add(_column_family(cell.column))
    return ReferenceBasis(families, amounts)


def _basis(bundle: Bundle, doc: Document) -> ReferenceBasis:
    key = f"price.basis:{doc.name}"
    if key not in bundle.cache:
        bundle.cache[key] = reference_basis(doc, layout(bundle, doc))
    return bundle.cache[key]  # type: ignore[return-value]


def _is_reference_column(column: str) -> bool:
    return bool(re.match(rf"(?:{_REF_WORD})(?:[^\S\n]*[（(][^）)]*[）)])?$", column))


def _column_family(column: str) -> str:
    m = re.match(_REF_WORD, column)
    return _family(m.group()) if m else column


def unexplained_reference_prices(bundle: Bundle, doc: Document) -> Iterator[tuple[int, int, Severity | None]]:
    """Spans of compared prices in running text with no basis next to them or elsewhere in the document;
    severity low for a price labelled as a suggested retail price, else None (the rule's own)."""
    lay, basis = layout(bundle, doc), _basis(bundle, doc)
    for m in _REF_PRICE.finditer(doc.text):
        word = m.group("word")
        if (basis.explains(_family(word)) or _norm_amount(m.group("amount")) in basis.amounts
                or lay.has(_BASIS, m.start(), m.end())):
            continue
        yield m.start(), m.end(), (Severity.LOW if word in _SELF_LABELLED else None)
    for m in _COMPARISONS.finditer(doc.text):
        if not lay.has(_BASIS, m.start(), m.end()):
            yield m.start(), m.end(), None


def unexplained_reference_cells(bundle: Bundle, doc: Document) -> Iterator[Cell]:
    """Value cells of a 原价/划线价/… column whose header, row and document give no basis."""
    lay, basis = layout(bundle, doc), _basis(bundle, doc)
    for cell in lay.cells:
        if not _is_reference_column(cell.column) or _BASIS.search(cell.column):
            continue
        value = doc.text[cell.start:cell.end].strip()
        if value == cell.column or not re.search(r"\d", value):
            continue
        if (basis.explains(_column_family(cell.column)) or _norm_amount(value) in basis.amounts
                or lay.has(_BASIS, cell.start, cell.end)):
            continue
        yield cell


@register("price_reference")
def price_reference(rule: Rule, bundle: Bundle) -> list[Finding]:
    """PRICE-REF in running text: 原价399 / 专柜价1280 / 直降300 / 比超市便宜一半 without a basis."""
    findings = []
    for doc in bundle.documents_for(rule):
        for start, end, severity in unexplained_reference_prices(bundle, doc):
            findings.append(make_finding(rule, doc, start, end, severity=severity))
    return findings


@register("price_reference_column")
def price_reference_column(rule: Rule, bundle: Bundle) -> list[Finding]:
    """PRICE-REF in tables: every value of a 原价/划线价/… column that nothing explains."""
    findings = []
    for doc in bundle.documents_for(rule):
        for cell in unexplained_reference_cells(bundle, doc):
            text = doc.text[cell.start:cell.end]
            start = cell.start + len(text) - len(text.lstrip())
            end = cell.start + len(text.rstrip())
            message = f"{rule.message}（「{cell.column}」列）"
            findings.append(make_finding(rule, doc, start, end, message=message))
    return findings


# ------------------------------------------------------------------ PRICE-COND: hidden conditions

_HEADLINE = re.compile(
    r"(?:到手价|到手|券后价|券后|折后价|活动价|直播价|福利价|秒杀价|专享价)[^\S\n]*(?:只要|仅需|仅|才|只|就|是|为|[:：])?[^\S\n]*"
    r"(?:¥|￥)?[^\S\n]*(?P<amount>\d+(?:\.\d+)?)(?![\d.])[^\S\n]*(?:元|块)?"
)
# A precondition of a price (not an extra discount such as 新客首单立减5元 next to it).
_CONDITION = re.compile(
    r"领券|用券|券后|优惠券|(?:店铺|品类|平台|大额|无门槛|满减)券|券面|满[^\S\n]*\d+[^\S\n]*元?[^\S\n]*(?:减|打|享)|满减|叠加"
    r"|(?:仅限|限|专享)(?:会员|新客|新人|粉丝|老客)|(?:会员|新客|新人|粉丝)(?:专享|价|到手)|PLUS|88VIP"
    r"|前[^\S\n]*\d+[^\S\n]*(?:名|单|位|件)|凑单|定金|尾款|以旧换新|补贴后|红包|津贴|积分抵"
    r"|[需须](?:要)?(?:先)?(?:领|用|叠加|满|拍|购买|买|下单|凑|付|关注|加入|开通|成为|是|使用)"
    r"|拍[^\S\n]*[2-9两三四五][^\S\n]*件|第二件|多件"
)


def hidden_conditions(bundle: Bundle, doc: Document) -> Iterator[tuple[re.Match, re.Match]]:
    """(bare headline, conditioned statement) pairs: the same headline amount is stated elsewhere in the
    document together with its conditions, but not in the headline's own line or table row."""
    lay = layout(bundle, doc)
    headlines = list(_HEADLINE.finditer(doc.text))
    conditioned = {}
    for m in headlines:
        if lay.has(_CONDITION, m.start(), m.end()):
            conditioned.setdefault(m.group("amount"), m)
    for m in headlines:
        twin = conditioned.get(m.group("amount"))
        if twin is not None and twin is not m and not lay.has(_CONDITION, m.start(), m.end()):
            yield m, twin


@register("price_hidden_condition")
def price_hidden_condition(rule: Rule, bundle: Bundle) -> list[Finding]:
    """PRICE-COND: a headline price (到手价399) whose conditions are stated only somewhere else."""
    findings = []
    for doc in bundle.documents_for(rule):
        for bare, twin in hidden_conditions(bundle, doc):
            where = doc.location_at(twin.start()) or "文中其他位置"
            message = f"{rule.message}（条件写在{where}）"
            findings.append(make_finding(rule, doc, bare.start(), bare.end(), message=message))
    return findings


@dataclass(frozen=True)
class ContextRule:
    """A claim that is lawful only when its line or table row also states `enough`."""

    find: re.Pattern
    enough: re.Pattern
    exceptions: re.Pattern | None = None


FIRST_N = ContextRule(
    find=re.compile(
        r"前[^\S\n]*(?:\d+|[一二两三四五六七八九十百]+)[^\S\n]*(?:名|单|位|个)"
        r"(?:下单|拍下|付款|购买)?(?:的)?(?:家人|宝子|宝宝|姐妹|朋友|粉丝|顾客|买家)?(?:的)?"
        r"(?:可以|可|能|还能|再|加|额外|就|都|直接)?"
        r"(?:享受?|送|赠|加送|半价|免单|[0-9一二三四五六七八九][^\S\n]*折|立减|减|返|打折|特价|秒杀|福利|优惠|包邮|\d+(?:\.\d+)?[^\S\n]*元)"
    ),
    enough=re.compile(
        r"以[^，。；\n|]{0,10}(?:付款|支付|下单|拍下|成交)(?:时间|顺序)?为准|按[^，。；\n|]{0,6}(?:付款|支付|下单)(?:时间|顺序)"
        r"|后台(?:按|统计|记录|显示)|系统(?:按|自动|统计|记录)"
    ),
)
FREE_OFFER = ContextRule(
    find=re.compile(r"(?:0|０|零)元(?:购|抢|领|拿|得|送|带走|入手)|免费(?:送|领|拿|得|赠送|带走)|白送|白拿|不要钱|一分钱(?:都)?不要|免单"),
    enough=re.compile(
        r"需|须|只需|仅需|满[^\S\n]*\d|下单|拍下|拍[^\S\n]*(?:\d|[一两三四五])[^\S\n]*件|购买|买[^\S\n]*(?:\d|[一二两三])|买就|付(?:款|邮费|运费)"
        r"|邮费|运费|抽[^\S\n]*(?:\d+|[一二两三四五六七八九十]+)[^\S\n]*(?:个|位|名|人)|抽奖|中奖|条件|规则|限[^\S\n]*(?:新|前|每|1|一)|仅限"
        r"|赠品|加购|加[^\S\n]*\d+[^\S\n]*元|凑单|随单|每(?:个)?(?:账号|ID|人)限"
    ),
    exceptions=re.compile(r"免费(?:送|赠送)?(?:运费险|退货险|包邮|上门取件|刻字|礼袋|礼盒包装|试穿|安装|保修)"),
)
_BUY_N_GET_N = r"买[^\S\n]*(?:一|1|二|2|两|三|3)[^\S\n]*(?:送|赠)[^\S\n]*(?:一|1|二|2|两|三|3)"
GIFT_UNDEFINED = ContextRule(
    find=re.compile(_BUY_N_GET_N),
    enough=re.compile(
        r"同款|正装|旅行装|小样|试用装|(?<!\d)\d+[^\S\n]*(?:ml|mL|ML|毫升|g|克|片|支|瓶|盒|袋|包|个|件|条|双|罐)"
        r"|赠品(?:为|是)|送的是|规格|拍一发二|发两件|发2件"
        # the gift spelled out as a count: 拍三瓶发四瓶
        r"|拍[^\S\n]*(?:\d+|[一二两三四五六七八九十])[^\S\n]*[件瓶盒袋支罐套个份]?[^\S\n]*发[^\S\n]*(?:\d+|[一二两三四五六七八九十])"
    ),
    # talk about a past or cancelled offer: 买一送一的活动已经结束了
    exceptions=re.compile(_BUY_N_GET_N + r"(?:的)?(?:活动)?(?:已经|已)?(?:结束|取消|下线|没有了)"),
)


def unexplained(rule_spec: ContextRule, bundle: Bundle, doc: Document) -> Iterator[tuple[int, int]]:
    """Spans of `rule_spec.find` whose line or table row lacks `rule_spec.enough`."""
    lay = layout(bundle, doc)
    for m in rule_spec.find.finditer(doc.text):
        if rule_spec.exceptions is not None and any(
                e.start() <= m.start() and e.end() >= m.end()
                for e in rule_spec.exceptions.finditer(doc.text, max(0, m.start() - 10), m.end() + 10)):
            continue
        if not lay.has(rule_spec.enough, m.start(), m.end()):
            yield m.start(), m.end()


def _context_check(spec: ContextRule):
    def check(rule: Rule, bundle: Bundle) -> list[Finding]:
        return [make_finding(rule, doc, start, end)
                for doc in bundle.documents_for(rule) for start, end in unexplained(spec, bundle, doc)]

    return check


register("price_first_n")(_context_check(FIRST_N))
register("price_free_offer")(_context_check(FREE_OFFER))
register("price_gift_undefined")(_context_check(GIFT_UNDEFINED))

# ------------------------------------------------------------------ PRICE-PRIZE: prize promotions

PRIZE_CAP_YUAN = 50000  # 《规范促销行为暂行规定》: the top prize of a lottery-type promotion
_LOTTERY = re.compile(
    r"抽奖|抽取|抽中|抽出|(?:抽|送出)[^\S\n]*(?:\d+|[一二两三四五六七八九十百]+)[^\S\n]*(?:个|位|名|人|家人|宝子|粉丝)|福袋|转盘|锦鲤|幸运(?:观众|粉丝|儿)"
    r"|[一二三四五特头]等奖|头奖|大奖|中奖|开奖|奖品|奖金"
    r"|(?:下单|拍下|购买|付款)(?:就|即|都)?(?:可以|能|可)?(?:参与|参加)?抽"
)
_NUMBER = r"\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九十百千]+"
_CASH = r"现金|奖金|红包|购物卡|购物金"
_PRIZE_VALUE = re.compile(
    # 价值12万 / 总价值10万元 (a total: not the top prize)
    rf"(?:(?P<total>总价值|总计|合计|累计|共计|奖池)|价值)[^\S\n]*(?:约|高达|超过|近)?[^\S\n]*(?:¥|￥)?[^\S\n]*"
    rf"(?P<num>{_NUMBER})[^\S\n]*(?P<unit>万|千|w|W|k|K)?[^\S\n]*(?:元|块)?"
    # 现金8万元
    rf"|(?:{_CASH})[^\S\n]*(?:¥|￥)?[^\S\n]*(?P<num2>{_NUMBER})[^\S\n]*(?P<unit2>万|千|w|W)?[^\S\n]*元"
    # 8万元现金 (starts only at the beginning of a number, so long digit runs stay linear)
    rf"|(?<![\d,.一二两三四五六七八九十百千])(?P<num3>{_NUMBER})[^\S\n]*(?P<unit3>万|千|w|W)?[^\S\n]*元?(?:的)?(?:{_CASH})"
)
_COSTLY_ITEM = re.compile(r"小汽车|汽车|轿车|SUV|豪车|新能源车|摩托车|一套房|房子|商品房|别墅|车位|金条")


@dataclass(frozen=True)
class Prize:
    """A prize stated in a lottery context: its span, yuan value (None when not stated) and whether the
    value is a total over all prizes."""

    start: int
    end: int
    value: float | None
    total: bool


def prizes(doc: Document, lay: Layout) -> Iterator[Prize]:
    """Prize values and costly prize items stated in a line or row that talks about a lottery."""
    for m in _PRIZE_VALUE.finditer(doc.text):
        if not lay.has(_LOTTERY, m.start(), m.end()):
            continue
        number = m.group("num") or m.group("num2") or m.group("num3")
        unit = m.group("unit") or m.group("unit2") or m.group("unit3") or ""
        yield Prize(m.start(), m.end(), amount_value(number, unit), bool(m.group("total")))
    for m in _COSTLY_ITEM.finditer(doc.text):
        if lay.has(_LOTTERY, m.start(), m.end()) and not lay.has(_PRIZE_VALUE, m.start(), m.end()):
            yield Prize(m.start(), m.end(), None, False)


@register("prize_cap")
def prize_cap(rule: Rule, bundle: Bundle) -> list[Finding]:
    """PRICE-PRIZE: a lottery prize worth more than 50,000 yuan (high), or a car/house with no value (medium)."""
    findings = []
    for doc in bundle.documents_for(rule):
        for prize in prizes(doc, layout(bundle, doc)):
            if prize.value is None:
                message = "抽奖奖品是汽车、房产等高价物品却没写明价值，可能超过法定的5万元上限"
                findings.append(make_finding(rule, doc, prize.start, prize.end, message=message,
                                             severity=Severity.MEDIUM))
            elif prize.value > PRIZE_CAP_YUAN and not prize.total:
                message = f"{rule.message}（奖品价值约{prize.value:,.0f}元）"
                findings.append(make_finding(rule, doc, prize.start, prize.end, message=message))
    return findings
