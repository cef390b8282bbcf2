"""Page 规则库 (AppTest): every rule listed with clause and law; filters and search narrow the list."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from review.engine import verified_checklist
from review.model import Category


def _page() -> AppTest:
    return AppTest.from_function(_run_rules_page, default_timeout=60).run()


def _run_rules_page() -> None:
    from review.ui import rules_page

    rules_page.render()


def test_lists_every_rule_with_clause_and_law():
    app = _page()
    assert not app.exception
    table = app.dataframe[0].value
    rules = verified_checklist().checklist.rules
    assert len(table) == len(rules)
    assert table["条款"].str.len().min() > 0 and table["法律依据"].str.len().min() > 0


def test_category_filter_and_search():
    app = _page()
    app.multiselect(key="rules_cat").select(Category.PATENT).run()
    table = app.dataframe[0].value
    assert len(table) >= 1 and set(table["类别"]) == {"专利"}
    app.multiselect(key="rules_cat").unselect(Category.PATENT).run()
    app.text_input(key="rules_q").input("AD-ABS-001").run()
    assert list(app.dataframe[0].value["规则"]) == ["AD-ABS-001"]
    assert any("命中" in m.value for m in app.markdown)
