"""Load, validate and compile the YAML rules in checklists/.

The loader refuses (ChecklistError naming file and rule) an unknown category, severity, kind or
product, a regex that does not compile or matches the empty string, and a term that no hit
example exercises or that its own exceptions always cover. Examples are run by the engine
(`review.engine.verified_checklist`). `version` is a short hash of every file in the folder.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Category, DocKind, ProductCategory, Severity
from .nlp import PROJECT_ROOT

CHECKLIST_DIR = PROJECT_ROOT / "checklists"
KINDS = ("existence", "conditional", "occurrence", "code")
DEFAULT_APPLIES_TO = (DocKind.SCRIPT, DocKind.HAND_CARD, DocKind.OTHER)
_SUPPRESSOR_KEYS = {"before", "after", "sentence", "prev_token", "next_token", "window", "severity", "note"}
_HEADER = ("id", "kind", "category", "severity", "message", "suggestion", "clause", "law")


class ChecklistError(Exception):
    """A rule file that cannot be used; the message names the file and the rule."""


@dataclass(frozen=True)
class Suppressor:
    """A context condition; all given parts must hold. `severity` downgrades instead of dropping."""

    before: re.Pattern | None = None
    after: re.Pattern | None = None
    sentence: re.Pattern | None = None
    prev_token: frozenset[str] = frozenset()
    next_token: frozenset[str] = frozenset()
    window: int = 8
    severity: Severity | None = None

    @property
    def needs_tokens(self) -> bool:
        """True when the condition looks at jieba tokens."""
        return bool(self.prev_token or self.next_token)


@dataclass(frozen=True)
class Matchers:
    """Literal terms and compiled regexes of one rule part."""

    terms: tuple[str, ...] = ()
    patterns: tuple[re.Pattern, ...] = ()


@dataclass
class Rule:
    """One compiled checklist rule."""

    id: str
    kind: str
    category: Category
    severity: Severity
    message: str
    suggestion: str
    clause: str
    law: str
    source: str
    topic: str = ""
    products: frozenset[ProductCategory] = frozenset({ProductCategory.GENERAL})
    applies_to: frozenset[DocKind] = frozenset(DEFAULT_APPLIES_TO)
    match: Matchers = field(default_factory=Matchers)
    then: Matchers = field(default_factory=Matchers)
    boundary: str = "none"
    exceptions: tuple[re.Pattern, ...] = ()
    suppressors: tuple[Suppressor, ...] = ()
    max: int = 0
    check: str = ""
    product_sections: bool = False  # judge only passages presenting this rule's products (mixed sessions)
    once_per_document: bool = False  # report only the first hit per document (the message counts the rest)
    examples_hit: tuple[str, ...] = ()
    examples_ok: tuple[str, ...] = ()

    def applies(self, products: frozenset[ProductCategory]) -> bool:
        """True when the rule is in scope for a submission of these product categories."""
        return ProductCategory.GENERAL in self.products or bool(self.products & products)

    @property
    def example_products(self) -> frozenset[ProductCategory]:
        """Product categories under which the rule's own examples are run."""
        return self.products - {ProductCategory.GENERAL} or frozenset({ProductCategory.GENERAL})


@dataclass
class Checklist:
    """All rules of the checklists folder plus its version hash."""

    rules: list[Rule]
    version: str
    topics: dict[str, str]


def _fail(source: str, rule_id: str, why: str) -> ChecklistError:
    where = f"{source}，规则 {rule_id}" if rule_id else source
    return ChecklistError(f"规则文件 {where}：{why}")


def _enum(enum_cls, value: Any, what: str, source: str, rule_id: str):
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_cls)
        raise _fail(source, rule_id, f"未知的{what} {value!r}（可选：{allowed}）") from None


def _regex(pattern: Any, source: str, rule_id: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(source, rule_id, f"正则必须是非空字符串：{pattern!r}")
    try:
        rx = re.compile(pattern)
    except re.error as exc:
        raise _fail(source, rule_id, f"正则无法编译 {pattern!r}：{exc}") from None
    if rx.fullmatch(""):
        raise _fail(source, rule_id, f"正则 {pattern!r} 可以匹配空字符串，永远不应这样写")
    return rx


def _str_list(value: Any, what: str, source: str, rule_id: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(source, rule_id, f"{what} 必须是非空字符串列表")
    return value


def _matchers(spec: Any, source: str, rule_id: str) -> Matchers:
    spec = spec or {}
    if not isinstance(spec, dict):
        raise _fail(source, rule_id, "匹配条件必须是 {terms: [...], patterns: [...]}")
    terms = tuple(_str_list(spec.get("terms"), "terms", source, rule_id))
    patterns = tuple(_regex(p, source, rule_id) for p in _str_list(spec.get("patterns"), "patterns", source, rule_id))
    return Matchers(terms, patterns)


def _suppressor(spec: Any, source: str, rule_id: str) -> Suppressor:
    if not isinstance(spec, dict) or not spec:
        raise _fail(source, rule_id, f"suppressor 必须是映射：{spec!r}")
    unknown = set(spec) - _SUPPRESSOR_KEYS
    if unknown:
        raise _fail(source, rule_id, f"suppressor 含未知字段 {sorted(unknown)}")
    if not set(spec) & {"before", "after", "sentence", "prev_token", "next_token"}:
        raise _fail(source, rule_id, f"suppressor 没有任何条件：{spec!r}")
    rx = {k: _regex(spec[k], source, rule_id) for k in ("before", "after", "sentence") if k in spec}
    severity = spec.get("severity")
    return Suppressor(
        before=rx.get("before"),
        after=rx.get("after"),
        sentence=rx.get("sentence"),
        prev_token=frozenset(_str_list(spec.get("prev_token"), "prev_token", source, rule_id)),
        next_token=frozenset(_str_list(spec.get("next_token"), "next_token", source, rule_id)),
        window=int(spec.get("window", 8)),
        severity=_enum(Severity, severity, "严重程度", source, rule_id) if severity else None,
    )


def _rule(raw: dict, defaults: dict, topic: str, source: str) -> Rule:
    rule_id = str(raw.get("id", "")).strip() if isinstance(raw, dict) else ""
    if not rule_id:
        raise _fail(source, "", f"规则缺少 id：{raw!r}"[:200])
    merged = {**{k: v for k, v in defaults.items() if k != "suppressors"}, **raw}
    missing = [k for k in _HEADER if not str(merged.get(k, "")).strip()]
    if missing:
        raise _fail(source, rule_id, f"缺少字段 {missing}")
    kind = merged["kind"]
    if kind not in KINDS:
        raise _fail(source, rule_id, f"未知的规则类型 {kind!r}（可选：{', '.join(KINDS)}）")
    products = [_enum(ProductCategory, p, "产品类别", source, rule_id) for p in merged.get("products") or ["general"]]
    applies = merged.get("applies_to") or [k.value for k in DEFAULT_APPLIES_TO]
    suppressors = [*(raw.get("suppressors") or []), *(defaults.get("suppressors") or [])]
    examples = merged.get("examples") or {}
    rule = Rule(
        id=rule_id,
        kind=kind,
        category=_enum(Category, merged["category"], "类别", source, rule_id),
        severity=_enum(Severity, merged["severity"], "严重程度", source, rule_id),
        message=str(merged["message"]).strip(),
        suggestion=str(merged["suggestion"]).strip(),
        clause=str(merged["clause"]).strip(),
        law=str(merged["law"]).strip(),
        source=source,
        topic=topic,
        products=frozenset(products),
        applies_to=frozenset(_enum(DocKind, k, "文档类型", source, rule_id) for k in applies),
        match=_matchers(merged.get("if", merged), source, rule_id) if kind != "code" else Matchers(),
        then=_matchers(merged.get("then"), source, rule_id) if kind == "conditional" else Matchers(),
        boundary=str(merged.get("boundary", "none")),
        exceptions=tuple(_regex(p, source, rule_id) for p in _str_list(merged.get("exceptions"), "exceptions",
                                                                        source, rule_id)),
        suppressors=tuple(_suppressor(s, source, rule_id) for s in suppressors),
        max=int(merged.get("max", 0) or 0),
        check=str(merged.get("check", "")),
        product_sections=bool(merged.get("product_sections", False)),
        once_per_document=bool(merged.get("once_per_document", False)),
        examples_hit=tuple(_str_list(examples.get("hit"), "examples.hit", source, rule_id)),
        examples_ok=tuple(_str_list(examples.get("ok"), "examples.ok", source, rule_id)),
    )
    _validate_shape(rule)
    return rule


def _validate_shape(rule: Rule) -> None:
    """Checks that need the whole compiled rule."""
    fail = lambda why: _fail(rule.source, rule.id, why)  # noqa: E731
    if rule.boundary not in ("none", "token"):
        raise fail(f"boundary 只能是 none 或 token，而不是 {rule.boundary!r}")
    if rule.kind in ("existence", "conditional", "occurrence") and not (rule.match.terms or rule.match.patterns):
        raise fail("没有任何 terms 或 patterns")
    if rule.kind == "conditional" and not (rule.then.terms or rule.then.patterns):
        raise fail("conditional 规则缺少 then 条件")
    if rule.kind == "occurrence" and rule.max < 1:
        raise fail("occurrence 规则需要 max ≥ 1")
    if rule.kind == "code" and not rule.check:
        raise fail("code 规则需要 check（review/checks/ 中注册的检查名）")
    if not rule.examples_hit or not rule.examples_ok:
        raise fail("每条规则都需要至少一个 hit 示例和一个 ok 示例")
    if rule.kind == "existence":
        for term in rule.match.terms:
            if not any(term in ex for ex in rule.examples_hit):
                raise fail(f"词条「{term}」没有出现在任何 hit 示例中")
            if any(rx.fullmatch(term) for rx in rule.exceptions):
                raise fail(f"词条「{term}」总会被自身的 exceptions 覆盖，永远不会命中")


def checklist_version(folder: Path = CHECKLIST_DIR) -> str:
    """Short SHA-256 over every rule and lexicon file (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*")):
        if path.is_file() and path.suffix in (".yaml", ".yml", ".txt"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def parse_checklists(folder: Path = CHECKLIST_DIR) -> Checklist:
    """Parse and compile every YAML file without running the examples."""
    rules: list[Rule] = []
    topics: dict[str, str] = {}
    for path in sorted(folder.glob("*.y*ml")):
        source = path.name
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise _fail(source, "", f"YAML 无法解析：{exc}") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
            raise _fail(source, "", "顶层必须是含 rules 列表的映射")
        topic = str(doc.get("topic", path.stem))
        topics[source] = topic
        defaults = doc.get("defaults") or {}
        for raw in doc["rules"]:
            rules.append(_rule(raw, defaults, topic, source))
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise _fail(rule.source, rule.id, f"规则 id 重复（另见 {seen[rule.id]}）")
        seen[rule.id] = rule.source
    return Checklist(rules=rules, version=checklist_version(folder), topics=topics)


_cache: dict[str, Checklist] = {}
_cache_lock = threading.Lock()


def load_checklist(folder: Path = CHECKLIST_DIR) -> Checklist:
    """Parse and cache the checklist (re-read when a file changes); raise ChecklistError on any problem.

    Running the rules' own examples needs the matcher: see `review.engine.verified_checklist`.
    """
    key = f"{folder}:{checklist_version(folder)}"
    with _cache_lock:
        if key not in _cache:
            _cache[key] = parse_checklists(folder)
        return _cache[key]
