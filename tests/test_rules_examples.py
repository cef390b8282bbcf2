"""Every rule in checklists/ against its own hit and ok examples (one test per rule)."""

from __future__ import annotations

import pytest

from review.checklist import load_checklist
from review.engine import run_rule_on_text, verified_checklist

RULES = load_checklist().rules


def test_the_shipped_checklist_loads_and_validates():
    compiled = verified_checklist()
    assert len(compiled.checklist.rules) == len(RULES) > 0


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule):
    for text in rule.examples_hit:
        assert run_rule_on_text(rule, text), f"{rule.id} should hit: {text}"
    for text in rule.examples_ok:
        found = run_rule_on_text(rule, text)
        assert not found, f"{rule.id} should not hit {[f.text for f in found]}: {text}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_cites_clause_and_law_in_chinese(rule):
    assert "T/ZADT 0013—2025" in rule.clause
    assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.message + rule.suggestion)
    assert rule.law
