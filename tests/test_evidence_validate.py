"""Validation of evidence documents into findings: clean bundles give none, each defect gives the right one."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from review.engine import check
from review.evidence import validate as V
from review.evidence.extract import extract
from review.evidence.model import EvidenceType
from review.ingest import load_document
from review.model import Category, Severity
from tests import evidence_fixtures as fx

BROADCAST = dt.date(2026, 12, 5)
SCRIPT = """直播脚本｜山茶花水润保湿面霜专场
直播日期：2026年12月05日 20:00
主播：家人们晚上好，欢迎来到直播间！今天给大家带来的是山茶花水润保湿面霜，50g一瓶。
主播：这款面霜添加了透明质酸钠和神经酰胺，质地轻薄，上脸很好推开，秋冬用也不闷。
副播：检测报告和备案信息我们都放在商品详情页了，大家可以去看。
主播：今天直播间到手价129元，拍一发二，再送同款15g小样一支。
"""


def _evidence(paths: list[Path], date: dt.date = BROADCAST):
    report = check([str(p) for p in paths], broadcast_date=date)
    return [f for f in report.findings if f.category == Category.EVIDENCE], report


def _clean_bundle(folder: Path) -> list[Path]:
    return [
        fx.make_report_pdf(folder / "检验检测报告.pdf"),
        fx.make_lines_pdf(folder / "营业执照.pdf", fx.business_licence_lines()),
        fx.make_lines_docx(folder / "食品生产许可证.docx", fx.food_licence_lines(), as_table=True),
        fx.make_lines_pdf(folder / "保健食品注册证书.pdf", fx.health_food_lines()),
        fx.make_lines_docx(folder / "特殊化妆品注册证.docx", fx.cosmetic_cert_lines()),
        fx.make_lines_pdf(folder / "药品注册证书.pdf", fx.drug_approval_lines()),
        fx.make_lines_pdf(folder / "医疗器械注册证.pdf", fx.device_registration_lines()),
        fx.make_lines_pdf(folder / "商标注册证.pdf", fx.trademark_lines()),
        fx.make_lines_pdf(folder / "专利证书.pdf", fx.patent_lines()),
    ]


def test_clean_evidence_gives_no_finding(tmp_path: Path) -> None:
    paths = _clean_bundle(tmp_path)
    found, report = _evidence(paths)
    assert found == []
    kinds = {Path(d.document).name: d.kind for d in report.documents}
    assert kinds["检验检测报告.pdf"] == "test_report" and kinds["营业执照.pdf"] == "licence"


def _one(found, rule: str):
    hits = [f for f in found if f.rule == rule]
    assert len(hits) == 1, [(f.rule, f.text, f.message) for f in found]
    return hits[0]


def test_expired_food_licence(tmp_path: Path) -> None:
    path = fx.make_lines_pdf(tmp_path / "食品生产许可证.pdf", fx.food_licence_lines(until="2025年06月11日"))
    f = _one(_evidence([path])[0], "EV-DOC-002")
    assert f.severity == Severity.HIGH and f.text == "2025年06月11日" and f.location == "第1页 第11行"
    assert "食品生产许可证有效期至 2025-06-11" in f.message and f.document.endswith("食品生产许可证.pdf")


def test_invalid_credit_code_quoted_in_table_cell(tmp_path: Path) -> None:
    lines = fx.business_licence_lines(code=fx.BAD_CODE)
    f = _one(_evidence([fx.make_lines_docx(tmp_path / "营业执照.docx", lines, as_table=True)])[0], "EV-DOC-001")
    assert f.severity == Severity.MEDIUM and f.text == fx.BAD_CODE
    assert f.location == "表格1 第1行「统一社会信用代码」栏"
    assert "校验位不符" in f.message


def test_malformed_numbers(tmp_path: Path) -> None:
    paths = [fx.make_lines_pdf(tmp_path / "许可证.pdf", fx.food_licence_lines(number="SC1063304810012")),
             fx.make_lines_pdf(tmp_path / "药品.pdf", fx.drug_approval_lines(number="国药准字H3302045")),
             fx.make_lines_pdf(tmp_path / "专利证书.pdf", fx.patent_lines(number="ZL 2022 2 0123456.8"))]
    found = [f for f in _evidence(paths)[0] if f.rule == "EV-DOC-001"]
    assert sorted((f.text, f.severity) for f in found) == [
        ("SC1063304810012", Severity.MEDIUM), ("ZL 2022 2 0123456.8", Severity.HIGH),
        ("国药准字H3302045", Severity.MEDIUM)]


def test_old_report_without_cma_and_with_failures(tmp_path: Path) -> None:
    path = fx.make_report_pdf(
        tmp_path / "检测报告.pdf",
        cover=fx.report_cover_lines(cma=False, issued="2025年03月02日"),
        rows=fx.report_rows(fail="铅"),
        final=fx.report_final_lines(conclusion="经检验，铅项目不符合标准要求，判定为不合格。", issued="2025年03月02日"),
    )
    found, _ = _evidence([path])
    old = _one(found, "EV-DOC-003")
    assert old.severity == Severity.MEDIUM and old.text == "2025年03月02日"
    cma = _one(found, "EV-DOC-004")
    assert cma.text == "" and cma.start is None and cma.document.endswith("检测报告.pdf")
    failed = [f for f in found if f.rule == "EV-DOC-005"]
    assert {f.severity for f in failed} == {Severity.HIGH}
    cell = next(f for f in failed if f.text == "不合格")
    assert cell.location == "第3页 表格1 第7行「单项判定」列" and "「铅」" in cell.message and "15.6" in cell.message
    assert any("判定为不合格" in f.text for f in failed)


def test_report_age_is_configurable(tmp_path: Path, monkeypatch) -> None:
    path = fx.make_report_pdf(tmp_path / "检测报告.pdf", cover=fx.report_cover_lines(issued="2025年03月02日"),
                              final=fx.report_final_lines(issued="2025年03月02日"))
    assert [f.rule for f in _evidence([path])[0]] == ["EV-DOC-003"]
    monkeypatch.setenv(V.ENV_REPORT_MAX_AGE, "24")
    assert _evidence([path])[0] == []


def test_report_with_foreign_page(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    own = pdfium.PdfDocument(str(fx.make_report_pdf(tmp_path / "a.pdf", pages=4)))
    other = pdfium.PdfDocument(str(fx.make_report_pdf(tmp_path / "b.pdf", pages=4, report_no="ZJT-2025-A0032")))
    own.del_page(1)
    own.import_pages(other, [1], index=1)  # page 2 comes from another report
    own.save(str(tmp_path / "检测报告.pdf"))
    f = _one(_evidence([tmp_path / "检测报告.pdf"])[0], "EV-DOC-006")
    assert f.text == "ZJT-2025-A0032" and f.location.startswith("第2页") and "不一致" in f.message


def test_missing_report_page(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    full = fx.make_report_pdf(tmp_path / "full.pdf")
    pdf = pdfium.PdfDocument(str(full))
    pdf.del_page(4)  # page 5 of 10 is missing
    pdf.save(str(tmp_path / "检测报告.pdf"))
    f = _one(_evidence([tmp_path / "检测报告.pdf"])[0], "EV-DOC-006")
    assert "缺少第 5 页" in f.message and f.severity == Severity.MEDIUM


def test_trademark_and_patent_terms(tmp_path: Path) -> None:
    grace = fx.make_lines_pdf(tmp_path / "商标注册证.pdf", fx.trademark_lines(term="2016年08月07日至2026年08月06日"))
    f = _one(_evidence([grace])[0], "EV-DOC-002")
    assert f.severity == Severity.MEDIUM and "宽展期" in f.message and f.text == "2026年08月06日"
    patent = fx.make_lines_pdf(tmp_path / "专利证书.pdf", fx.patent_lines(
        number="ZL 2016 2 0161392.4", filed="2016年03月02日", granted="2016年08月17日"))
    f = _one(_evidence([patent])[0], "EV-DOC-002")
    assert f.text == "2016年03月02日" and "2026-03-01 届满" in f.message
    design = fx.make_lines_pdf(tmp_path / "外观.pdf", fx.patent_lines(
        kind="外观设计", number="ZL 2020 3 0469320.8", title="包装瓶", filed="2020年08月26日"))
    # a design filed before 2021-06-01 is protected 10 years (to 2030-08-25), not 15
    assert _one(_evidence([design], dt.date(2030, 9, 1))[0], "EV-DOC-002").text == "2020年08月26日"
    assert _evidence([design], dt.date(2030, 8, 25))[0] == []


def test_expiring_soon_is_advisory(tmp_path: Path) -> None:
    path = fx.make_lines_pdf(tmp_path / "食品生产许可证.pdf", fx.food_licence_lines(until="2026年12月20日"))
    f = _one(_evidence([path])[0], "EV-DOC-002")
    assert f.severity == Severity.LOW and "15 天内届满" in f.message


def test_unreadable_evidence_is_low(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REVIEW_OCR", "0")
    png = fx.make_lines_png(tmp_path / "营业执照.png", fx.business_licence_lines(), width=900)
    f = _one(_evidence([png])[0], "EV-DOC-007")
    assert f.severity == Severity.LOW and f.text == "" and "人工" in f.message


def test_individual_food_licence_id_number(tmp_path: Path) -> None:
    lines = fx.food_licence_lines(code="11010519491231002X", number="JY13301060123456")
    record = extract(load_document(str(fx.make_lines_pdf(tmp_path / "食品经营许可证.pdf", lines))))
    assert record is not None and record.type == EvidenceType.FOOD_LICENCE
    assert V.validate(record, load_document(str(tmp_path / "食品经营许可证.pdf")), BROADCAST) == []
    bad = fx.food_licence_lines(code="110105194912310021", number="JY13301060123456")
    doc = load_document(str(fx.make_lines_pdf(tmp_path / "b.pdf", bad)))
    problems = V.validate(extract(doc), doc, BROADCAST)
    assert [p.code for p in problems] == ["id_checksum"]


@pytest.mark.parametrize(
    ("verdict", "conclusion", "failed"),
    [("合格", "所检项目均符合标准要求，判定为合格。", False),
     ("合格", "所检项目未发现不合格项。", False),
     ("不符合", "所检项目均符合标准要求。", True),
     ("合格", "该样品所检项目中铅不合格。", True)],
)
def test_failed_wording(tmp_path: Path, verdict: str, conclusion: str, failed: bool) -> None:
    rows = [("1", "铅", "mg/kg", "≤10", "0.21", verdict)]
    path = fx.make_report_docx(tmp_path / "检测报告.docx", rows=rows, info=fx.report_info_rows(conclusion=conclusion),
                               final=fx.report_final_lines(conclusion=conclusion))
    found = [f for f in _evidence([path])[0] if f.rule == "EV-DOC-005"]
    assert bool(found) == failed


def test_bundle_timing_without_ocr(tmp_path: Path) -> None:
    """A script, a 10-page report and 3 certificates are checked in under 3 s warm (printed with -s)."""
    script = tmp_path / "直播脚本.txt"
    script.write_text(SCRIPT * 3, encoding="utf-8")
    paths = [script, fx.make_report_pdf(tmp_path / "检验检测报告.pdf"),
             fx.make_lines_pdf(tmp_path / "营业执照.pdf", fx.business_licence_lines()),
             fx.make_lines_pdf(tmp_path / "特殊化妆品注册证.pdf", fx.cosmetic_cert_lines()),
             fx.make_lines_pdf(tmp_path / "商标注册证.pdf", fx.trademark_lines())]
    check([str(p) for p in paths])
    start = time.perf_counter()
    report = check([str(p) for p in paths])
    seconds = time.perf_counter() - start
    doc = load_document(str(paths[1]))
    t0 = time.perf_counter()
    record = extract(doc)
    extract_ms = (time.perf_counter() - t0) * 1000
    print(f"\nbundle (script + 10-page report + 3 certificates) warm: {seconds:.2f} s; "
          f"extraction of the 10-page report: {extract_ms:.1f} ms ({len(record.results)} rows)")
    assert seconds < 3
    assert not [f for f in report.findings if f.category == Category.EVIDENCE]


def _text_problems(text: str, kind=None) -> list[V.Problem]:
    from review.engine import _text_document
    from review.model import DocKind

    doc = _text_document("证据.txt", text, kind or DocKind.TEST_REPORT)
    return V.validate(extract(doc), doc, BROADCAST)


def test_cma_logo_as_picture_is_only_advisory() -> None:
    text = "检验检测报告\n231520341234\n报告编号：ZJT-2026-H0815\n样品名称：面霜\n签发日期：2026年04月08日"
    assert [(p.code, p.severity) for p in _text_problems(text)] == [("cma_unclear", Severity.LOW)]
    assert [p.code for p in _text_problems(text.replace("231520341234\n", ""))] == ["no_cma"]


def test_issue_date_printed_alone_under_the_seal() -> None:
    text = "CMA 231520341234\n检验检测报告\n报告编号：ZJT-2024-0311\n样品名称：面霜\n（检验检测专用章）\n2024年03月11日"
    problems = _text_problems(text)
    assert [(p.code, p.field.value) for p in problems] == [("report_old", "2024年03月11日")]


def test_missing_issue_date_is_advisory() -> None:
    problems = _text_problems("CMA 231520341234\n检验检测报告\n报告编号：ZJT-2026-0311\n样品名称：面霜")
    assert [(p.code, p.severity) for p in problems] == [("no_issue_date", Severity.LOW)]
