"""Engine behaviour: broadcast date, product scope, conditional rules across documents, de-duplication."""

from __future__ import annotations

import datetime as dt

from review import check
from review.engine import broadcast_date_from, check_text, check_uploads
from review.model import DocKind, ProductCategory
from review.products import detect_products


def _doc(text):
    from review.engine import _text_document

    return _text_document("x", text, DocKind.SCRIPT)


def test_broadcast_date_from_script_header():
    assert broadcast_date_from([_doc("直播日期：2026年12月5日\n开场")]) == dt.date(2026, 12, 5)
    assert broadcast_date_from([_doc("开播时间: 2026/1/9 20:00")]) == dt.date(2026, 1, 9)
    assert broadcast_date_from([_doc("直播日期：2026-02-30")]) is None
    assert broadcast_date_from([_doc("生产日期：2026-01-01")]) is None


def test_date_defaults_to_today_and_option_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("直播日期：2026-12-05\n大家好", encoding="utf-8")
    assert check([path]).broadcast_date == dt.date(2026, 12, 5)
    assert check([path], broadcast_date=dt.date(2027, 1, 1)).broadcast_date == dt.date(2027, 1, 1)
    path.write_text("大家好", encoding="utf-8")
    from zoneinfo import ZoneInfo

    today_in_china = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()  # REVIEW_TZ default, not the server's zone
    assert check([path]).broadcast_date == today_in_china


def test_product_detection():
    assert ProductCategory.HEALTH_FOOD in detect_products(["这款蓝帽子保健食品，国食健注G20210123"])
    assert ProductCategory.FOOD not in detect_products(["这款蓝帽子保健食品，国食健注G20210123"])
    assert ProductCategory.COSMETICS in detect_products(["这款面霜，妆网备字"])
    assert detect_products(["一件纯棉T恤"]) == frozenset({ProductCategory.GENERAL})


def test_conditional_rule_is_satisfied_by_another_document():
    script = ("s.txt", "今天由数字人小美为大家讲解。".encode())
    card = ("c.txt", "直播间设置：左上角常驻显示 数字 AI 直播".encode())
    report, _ = check_uploads([script], dt.date(2026, 12, 1))
    assert [f.rule for f in report.findings if f.category == "ai_label"] == ["AI-LABEL-001"]
    finding = next(f for f in report.findings if f.category == "ai_label")
    assert finding.text == "" and finding.start is None and finding.end is None and "数字人" in finding.message
    report, _ = check_uploads([script, card], dt.date(2026, 12, 1))
    assert not [f for f in report.findings if f.category == "ai_label"]


def test_overlapping_terms_give_one_finding_with_the_longest_span():
    found = [f for f in check_text("这是全网最低价") if f.category == "absolute_claim"]
    assert len(found) == 1 and found[0].text == "全网最低价"


def test_findings_are_ordered_by_document_and_offset():
    found = check_text("顶级面料\n第二行是极品\n第三行万能")
    starts = [f.start for f in found]
    assert starts == sorted(starts)


def test_traps_do_not_hit():
    text = "最近很多人问，第一次来的宝子首先关注一下，执行国家标准GB/T 19001，第一步先洁面。"
    assert check_text(text) == []


def test_overlapping_findings_of_one_category_merge_to_their_union():
    from review.matcher import dedupe
    from review.model import Category, Finding, Severity

    def f(rule, start, text, severity=Severity.HIGH, category=Category.ABSOLUTE_CLAIM):
        return Finding(rule, category, severity, "d", text, start, start + len(text), "第1行", "m", "c", "l", "s")

    price = f("P", 4, "市面上", category=Category.PRICE)
    merged = dedupe([f("A", 4, "市面上最"), f("B", 7, "最先进", Severity.MEDIUM), price])
    absolute = [(x.rule, x.text, x.start, x.end, x.severity) for x in merged if x.category == Category.ABSOLUTE_CLAIM]
    assert absolute == [("A", "市面上最先进", 4, 10, Severity.HIGH)]
    assert [x.rule for x in merged if x.category == Category.PRICE] == ["P"]
    separate = dedupe([f("A", 0, "顶级"), f("B", 2, "极品")])
    assert sorted(x.text for x in separate) == ["极品", "顶级"]


def test_uploads_with_the_same_name_are_reported_separately():
    files = [("脚本.txt", "顶级面料".encode()), ("脚本.txt", "极品茶叶".encode())]
    report, docs = check_uploads(files, dt.date(2026, 12, 1))
    assert [d.document for d in report.documents] == ["脚本.txt", "脚本 (2).txt"]
    assert {f.document: f.text for f in report.findings} == {"脚本.txt": "顶级", "脚本 (2).txt": "极品"}
    assert set(docs) == {"脚本.txt", "脚本 (2).txt"}


def test_quote_context_is_cut_after_punctuation_not_inside_a_timestamp():
    from review.snippet import context_snippet

    text = ("[00:01:00] 主播小棠：今天给大家带来这款保湿面霜，用的是顶级的原料，"
            "质地轻薄，上脸很快就吸收了，大家放心用，我们家一直卖得很好。")
    i = text.find("顶级")
    snip = context_snippet(text, i, i + 2)
    assert snip.hit == "顶级" and snip.cut_before and not snip.before.startswith(("0", "1", ":"))
    assert snip.before.startswith("主播小棠：") or snip.before.startswith("今天")
    assert snip.after.endswith("，") or not snip.cut_after
