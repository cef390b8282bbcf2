"""The loader refuses malformed rules with a message naming file and rule."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from review.checklist import ChecklistError, checklist_version, parse_checklists
from review.engine import example_failures

GOOD = """
topic: 测试
defaults:
  clause: "T/ZADT 0013—2025 8.2.3.3.1"
  law: "《中华人民共和国广告法》第九条第三项"
rules:
  - id: T-001
    kind: existence
    category: absolute_claim
    severity: high
    message: 使用了绝对化用语
    suggestion: 删除
    terms: [顶级]
    examples:
      hit: [顶级品质]
      ok: [顶部设计]
"""


def write(tmp_path: Path, body: str, name: str = "t.yaml") -> Path:
    (tmp_path / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


def test_good_file_parses_and_examples_behave(tmp_path):
    checklist = parse_checklists(write(tmp_path, GOOD))
    assert [r.id for r in checklist.rules] == ["T-001"]
    assert checklist.rules[0].clause.startswith("T/ZADT")
    assert example_failures(checklist) == []


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("category: absolute_claim", "category: superlative", "未知的类别"),
        ("severity: high", "severity: critical", "未知的严重程度"),
        ("kind: existence", "kind: fuzzy", "未知的规则类型"),
        ("terms: [顶级]", "patterns: ['(顶级']", "正则无法编译"),
        ("terms: [顶级]", "patterns: ['a*']", "可以匹配空字符串"),
        ("terms: [顶级]", "terms: [顶级, 极品]", "「极品」没有出现在任何 hit 示例中"),
        ("terms: [顶级]", "terms: [顶级]\n    exceptions: ['顶级']", "总会被自身的 exceptions 覆盖"),
        ("    message: 使用了绝对化用语\n", "", "缺少字段 ['message']"),
        ("      ok: [顶部设计]", "      ok: []", "至少一个 hit 示例和一个 ok 示例"),
    ],
)
def test_malformed_rule_is_refused_naming_file_and_rule(tmp_path, old, new, why):
    assert old in GOOD
    write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ChecklistError) as exc:
        parse_checklists(tmp_path)
    assert "t.yaml" in str(exc.value)
    assert "T-001" in str(exc.value)
    assert why in str(exc.value)


def test_misbehaving_examples_are_reported(tmp_path):
    body = GOOD.replace("hit: [顶级品质]", "hit: [顶级品质, 品质很好]").replace("ok: [顶部设计]", "ok: [顶级设计]")
    failures = example_failures(parse_checklists(write(tmp_path, body)))
    assert any("hit 示例没有命中：「品质很好」" in f for f in failures)
    assert any("ok 示例被误报 「顶级」" in f for f in failures)
    assert all("T-001" in f and "t.yaml" in f for f in failures)


def test_duplicate_ids_are_refused(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(ChecklistError, match="重复"):
        parse_checklists(tmp_path)


def test_unknown_product_scope_is_refused(tmp_path):
    write(tmp_path, GOOD.replace("severity: high", "severity: high\n    products: [toys]"))
    with pytest.raises(ChecklistError, match="产品类别"):
        parse_checklists(tmp_path)


def test_version_changes_with_any_rule_file(tmp_path):
    write(tmp_path, GOOD)
    before = checklist_version(tmp_path)
    write(tmp_path, GOOD.replace("删除", "删除该词"))
    assert checklist_version(tmp_path) != before
    assert len(before) == 12


def test_invalid_yaml_is_refused(tmp_path):
    write(tmp_path, "rules: [\n")
    with pytest.raises(ChecklistError, match="YAML 无法解析"):
        parse_checklists(tmp_path)


def test_product_scoped_rule_runs_only_for_its_products(tmp_path):
    import datetime as dt

    from review.bundle import Bundle
    from review.engine import _text_document
    from review.matcher import run_rule
    from review.model import DocKind, ProductCategory

    body = GOOD.replace("severity: high", "severity: high\n    products: [cosmetics]")
    rule = parse_checklists(write(tmp_path, body)).rules[0]
    assert rule.example_products == frozenset({ProductCategory.COSMETICS})
    doc = _text_document("a.txt", "顶级品质", DocKind.SCRIPT)
    general = Bundle([doc], frozenset({ProductCategory.GENERAL}), dt.date(2026, 12, 1))
    cosmetics = Bundle([doc], frozenset({ProductCategory.GENERAL, ProductCategory.COSMETICS}), dt.date(2026, 12, 1))
    assert run_rule(rule, general) == []
    assert [f.text for f in run_rule(rule, cosmetics)] == ["顶级"]


def test_rule_does_not_run_on_evidence_documents(tmp_path):
    import datetime as dt

    from review.bundle import Bundle
    from review.engine import _text_document
    from review.matcher import run_rule
    from review.model import DocKind, ProductCategory

    rule = parse_checklists(write(tmp_path, GOOD)).rules[0]
    report = _text_document("r.pdf", "检测结论：顶级", DocKind.TEST_REPORT)
    assert run_rule(rule, Bundle([report], frozenset({ProductCategory.GENERAL}), dt.date(2026, 12, 1))) == []


@pytest.mark.parametrize(
    ("extra", "text", "expected"),
    [
        ("suppressors: [{before: '不$'}]", "不顶级", []),
        ("suppressors: [{after: '^部'}]", "顶级部门", []),
        ("suppressors: [{sentence: '广告法'}]", "广告法不让说顶级。", []),
        ("suppressors: [{sentence: '广告法'}]", "广告法。顶级品质", [("顶级", "high")]),
        ("suppressors: [{next_token: [品质]}]", "顶级品质", []),
        ("suppressors: [{prev_token: [这是]}]", "这是顶级", []),
        ("suppressors: [{before: '我的$', severity: low}]", "我的顶级", [("顶级", "low")]),
        ("exceptions: ['顶级会员']", "顶级会员日", []),
        ("exceptions: ['顶级会员']", "顶级会\n员", [("顶级", "high")]),
        ("boundary: token", "山顶级别", []),
    ],
)
def test_context_semantics(tmp_path, extra, text, expected):
    """Each suppressor key, a downgrade, exceptions on the same line only, token boundaries."""
    from review.engine import run_rule_on_text

    body = GOOD.replace("terms: [顶级]", "terms: [顶级]\n    " + extra).replace("ok: [顶部设计]", "ok: [顶部]")
    rule = parse_checklists(write(tmp_path, body)).rules[0]
    assert [(f.text, str(f.severity)) for f in run_rule_on_text(rule, text)] == expected
