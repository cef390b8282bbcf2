"""The Streamlit check page (AppTest, no browser) and its safe Markdown helpers."""

from __future__ import annotations

import html
import io
import re
import string
from pathlib import Path

import pytest

from review.model import Severity
from review.ui.render import (
    Snippet,
    context_snippet,
    escape_markdown,
    highlight_markdown,
    quote_in_context,
    severity_badge,
)

APP = Path(__file__).resolve().parent / "apps" / "check_page_app.py"


def _table(app, column: str):
    """The first dataframe on the page that has `column` (tables are found by content, not position)."""
    for df in app.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with column {column}")

# ---------------------------------------------------------------------------------------------
# render helpers

NASTY = [
    "**粗体**",
    "[x](http://e)",
    "<script>alert(1)</script>",
    ":red[危险] :material/home: :smile:",
    "$x$ 和 $$y$$",
    "# 标题",
    "- 列表项",
    "1. 有序",
    "> 引用",
    "`code` ```",
    "~~删除~~",
    "a_b_c __下划线__",
    "反斜杠 \\* 与 \\",
    "| a | b |",
    "&lt; &amp; &#60;",
    "![img](http://e/x.png)",
    "{花括号} (圆括号) +加号 .句点 !感叹 ~波浪",
    "行一\n行二\r\n\n# 行三\t结束",
]


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_renders_literally_in_commonmark(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable(["strikethrough", "table"])
    out = md.render(escape_markdown(text))
    m = re.fullmatch(r"<p>(.*)</p>\n", out, re.S)
    assert m, out  # exactly one paragraph: no heading, list, quote, code block or table
    inner = m.group(1)
    assert "<" not in inner, out  # no tag at all: no <strong>, <a>, <script>, <img>, <code>, <br>
    expected = re.sub(r"[\r\n\t]+", " ", text)
    assert html.unescape(inner) == expected


@pytest.mark.parametrize("text", NASTY)
def test_every_ascii_punctuation_is_backslash_escaped(text: str) -> None:
    """Streamlit's own syntax (:color[…], $math$, :emoji:) relies on punctuation that CommonMark
    alone does not check; with every punctuation character escaped none of it can start."""
    out = escape_markdown(text)
    unescaped = re.sub(r"\\[" + re.escape(string.punctuation) + "]", "", out)
    assert not set(unescaped) & set(string.punctuation), out
    assert "\n" not in out and "\r" not in out


def test_streamlit_directives_and_math_are_neutralised() -> None:
    assert escape_markdown(":red[x]") == "\\:red\\[x\\]"
    assert escape_markdown("$x$") == "\\$x\\$"
    assert escape_markdown("全网最低价") == "全网最低价"


def test_context_snippet_takes_30_chars_each_side() -> None:
    text = "甲" * 50 + "全网最低价" + "乙" * 50
    snip = context_snippet(text, 50, 55)
    assert snip == Snippet("甲" * 30, "全网最低价", "乙" * 30, True, True)
    near_start = context_snippet("今天全网最低价哦", 2, 7)
    assert near_start == Snippet("今天", "全网最低价", "哦", False, False)


def test_highlight_marks_only_the_hit_and_escapes_context() -> None:
    text = "前文**粗体** 全网最低价 [x](http://e) 后文"
    start = text.index("全网最低价")
    out = quote_in_context(text, start, start + 5, "全网最低价")
    assert ":red-background[**全网最低价**]" in out
    assert "\\*\\*粗体\\*\\*" in out and "\\[x\\]\\(http\\:\\/\\/e\\)" in out
    assert out.count(":red-background[") == 1


def test_highlight_escapes_the_hit_itself() -> None:
    out = highlight_markdown(Snippet("", "**最**]", "", False, False))
    assert out == ":red-background[**\\*\\*最\\*\\*\\]**]"


def test_quote_falls_back_when_offsets_do_not_match() -> None:
    assert quote_in_context("完全不同的文字", 0, 5, "全网最低价") == highlight_markdown(
        Snippet("", "全网最低价", "", False, False)
    )
    assert quote_in_context(None, None, None, "") == ""
    assert quote_in_context("abc", None, None, "") == ""


def test_severity_badge_colours() -> None:
    assert severity_badge(Severity.HIGH, "高") == ":red-badge[高]"
    assert severity_badge(Severity.LOW, "低（提示）") == ":blue-badge[低（提示）]"


def test_sample_files_skip_expected_yaml(tmp_path: Path) -> None:
    from review.ui.check_page import sample_files

    for name in ("b.txt", "a.docx", "b.txt.expected.yaml", "notes.json", "c.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in sample_files(tmp_path)] == ["a.docx", "b.txt", "c.xlsx"]
    assert sample_files(tmp_path / "missing") == []


# ---------------------------------------------------------------------------------------------
# AppTest: the page end to end without a browser


def _docx_bytes(*paragraphs: str) -> bytes:
    import docx

    doc = docx.Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.fixture
def app():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def _all_markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _result(at):
    from review.ui.check_page import RESULT_KEY

    try:
        return at.session_state[RESULT_KEY]
    except KeyError:
        return None


def test_page_loads_with_inputs(app) -> None:
    assert app.title[0].value == "直播脚本播前合规审核"
    uploader = app.file_uploader(key="uploads")
    assert uploader.accept_multiple_files
    assert {"txt", "docx", "xlsx", "pdf"} <= {t.lstrip(".") for t in uploader.allowed_type}
    assert app.button(key="start").label == "开始审核"
    assert app.multiselect(key="products").placeholder == "自动识别"
    assert app.checkbox(key="use_date").label == "指定直播日期"


def test_empty_submit_shows_a_hint(app) -> None:
    app.button(key="start").click().run()
    assert not app.exception
    assert any("请先上传" in i.value for i in app.info)
    assert _result(app) is None


def test_docx_finding_with_citation_and_corrupt_file_reported(app) -> None:
    lines = ["直播脚本：保湿面霜", "主播：家人们，今天全网最低价，只要99元！", "最近天气干燥，记得补水。"]
    script = _docx_bytes(*lines)
    app.file_uploader(key="uploads").upload("脚本.docx", script).upload("坏文件.docx", b"PK\x03\x04broken")
    app.run()
    app.button(key="start").click().run()
    assert not app.exception, app.exception

    report = _result(app).report
    hits = [f for f in report.findings if "最低价" in f.text]
    assert hits, [f.to_dict() for f in report.findings]
    assert not [f for f in report.findings if "最近" in f.text]
    hit = hits[0]
    assert hit.document == "脚本.docx" and hit.location and hit.clause and hit.law and hit.suggestion

    text = _all_markdown(app)
    for value in (hit.location, hit.clause, hit.law, hit.suggestion, hit.message):
        assert escape_markdown(value) in text
    assert f":red-background[**{escape_markdown(hit.text)}**]" in text
    assert "最近" not in "".join(re.findall(r":red-background\[\*\*(.*?)\*\*\]", text))

    errors = [e.value for e in app.error]
    bad = [e for e in errors if "坏文件" in e]
    assert bad and re.search(r"[\u4e00-\u9fff]{2,}", bad[0].split("无法读取")[-1])
    assert not any("Traceback" in e for e in errors)
    docs_table = _table(app, '字数')
    assert list(docs_table["文件"]) == ["脚本.docx", "坏文件.docx"]
    assert docs_table.loc[0, "状态"] == "已读取" and docs_table.loc[1, "状态"].startswith("无法读取")
    findings_table = _table(app, '原文')
    assert "最低价" in "".join(findings_table["原文"])
    assert any(b.label == "下载 JSON 报告" for b in app.get("download_button"))


def test_txt_upload_and_filters(app) -> None:
    body = (
        "开场白：今天由数字人主播为大家讲解\n这款面霜全网最低价，效果最好，没有之一！\n"
        "专利号 ZL201510958772.1\n最近很多人问我。\n"
    )
    app.file_uploader(key="uploads").upload("脚本.txt", body.encode("utf-8"), "text/plain")
    app.run()
    app.button(key="start").click().run()
    assert not app.exception
    report = _result(app).report
    assert report.findings
    banner = {"fail": app.error, "needs_review": app.warning, "pass": app.success}[report.verdict]
    assert any("审核结论" in b.value for b in banner)

    from review.model import CATEGORY_LABELS

    assert len({f.category for f in report.findings}) >= 2, [f.to_dict() for f in report.findings]
    category = report.findings[0].category
    app.multiselect(key="f_cat").set_value([category]).run()
    assert not app.exception
    table = _table(app, '原文')
    assert set(table["类别"]) == {CATEGORY_LABELS[category]}
    assert len(table) == sum(f.category == category for f in report.findings)
    assert _result(app) is not None  # results survive the rerun caused by the filter
    app.button(key="start").click().run()  # a new check starts unfiltered
    assert not app.exception
    assert app.multiselect(key="f_cat").value == []
    assert len(_table(app, '原文')) == len(_result(app).report.findings)


def test_sample_loader_checks_a_bundled_sample(app) -> None:
    from review.ui.check_page import sample_files

    samples = sample_files()
    assert samples, "sample_scripts/ has no sample files"
    app.multiselect(key="samples").set_value([samples[0].name]).run()
    app.button(key="load_samples").click().run()
    assert not app.exception
    result = _result(app)
    assert result is not None and samples[0].name in result.source
    assert [d.document for d in result.report.documents] == [samples[0].name]
    assert not result.report.documents[0].error


def test_unexpected_engine_error_shows_chinese_message(app, monkeypatch, caplog) -> None:
    from review.ui import check_page

    def boom(*args, **kwargs):
        raise RuntimeError("simulated engine bug")

    monkeypatch.setattr(check_page, "check_uploads", boom)
    app.file_uploader(key="uploads").upload("a.txt", "全网最低价".encode(), "text/plain")
    app.run()
    with caplog.at_level("ERROR", logger="review.ui.check_page"):
        app.button(key="start").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [check_page._UNEXPECTED_ERROR]
    assert "simulated engine bug" in caplog.text  # the traceback goes to the server log only
    assert _result(app) is None


def _blank_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_options_reach_the_engine_and_scans_are_flagged(app) -> None:
    import datetime as dt

    from review.model import ProductCategory

    app.checkbox(key="use_date").check().run()
    app.date_input(key="broadcast_date").set_value(dt.date(2026, 12, 24))
    app.multiselect(key="products").set_value([ProductCategory.COSMETICS])
    uploader = app.file_uploader(key="uploads")
    uploader.upload("脚本.txt", "直播日期：2026-12-05\n主播：这款面霜很好用。\n".encode(), "text/plain")
    uploader.upload("检测报告扫描件.pdf", _blank_pdf(), "application/pdf")
    app.run()
    app.button(key="start").click().run()
    assert not app.exception
    report = _result(app).report
    assert report.broadcast_date == dt.date(2026, 12, 24)  # the chosen date wins over the script's
    assert ProductCategory.COSMETICS in report.products
    assert any("直播日期：2026-12-24" in c.value for c in app.caption)
    scans = [w.value for w in app.warning if "检测报告扫描件" in w.value]
    assert scans and "OCR" in scans[0]
    table = _table(app, '字数')
    assert table.loc[1, "状态"] == "需 OCR / 人工核对"
