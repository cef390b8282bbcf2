"""Field extraction from generated evidence documents (PDF, docx, text): values, spans and locations."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from review.evidence.extract import extract
from review.evidence.model import EvidenceRecord, EvidenceType
from review.ingest import load_document
from tests import evidence_fixtures as fx


def _record(path: Path) -> EvidenceRecord:
    doc = load_document(str(path))
    record = extract(doc)
    assert record is not None
    for f in [*record.fields.values(), *(x for xs in record.multi.values() for x in xs)]:
        assert doc.text[f.start:f.end] == f.value, f.name
        assert f.location, f.name
    for row in record.results:
        for cell in row.cells.values():
            assert doc.text[cell.start:cell.end] == cell.value
    return record


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> Path:
    return fx.make_report_pdf(tmp_path_factory.mktemp("ev") / "检验检测报告.pdf")


def test_ten_page_report_pdf_fields(report_pdf: Path) -> None:
    r = _record(report_pdf)
    assert r.type == EvidenceType.TEST_REPORT
    assert r.value("report_no") == fx.REPORT_NO
    assert r.value("sample_name") == "山茶花水润保湿面霜"
    assert r.value("specification") == "50g/瓶"
    assert r.value("client") == fx.COMPANY
    assert r.value("manufacturer") == "浙江美研化妆品制造有限公司"
    assert r.value("lab") == fx.LAB
    assert r.value("cma") == fx.LAB_CMA
    assert r.value("cnas") == "CNAS L12345"
    assert r.date("issue_date") == dt.date(2026, 4, 8)
    assert r.date("sample_date") == dt.date(2026, 3, 20)
    assert r.value("pages_total") == "10"
    assert r.fields["specification"].location == "第2页 表格1 第1行「规格型号」栏"
    assert len(r.multi["report_no"]) == 11  # the cover field plus the header of every page
    cited = [s.value.replace("\n", "").replace(" ", "") for s in r.multi["standards"]]
    assert "QB/T1857-2013" in cited and "GB/T29665-2013" in cited and "GB5296.3-2008" in cited
    assert all("合格" in c.value for c in r.multi["conclusion"])


def test_ten_page_report_pdf_rows(report_pdf: Path) -> None:
    r = _record(report_pdf)
    assert len(r.results) == len(fx.report_rows())
    lead = r.results[5]
    assert (lead.item, lead.unit, lead.requirement, lead.result, lead.verdict) == ("铅", "mg/kg", "≤10", "0.21", "合格")
    assert lead.location.startswith("第3页 表格1")
    assert r.results[-1].location.startswith("第8页")
    assert lead.cells["result"].location == "第3页 表格1 第7行「检验结果」列"


def test_report_docx_same_fields(tmp_path: Path) -> None:
    r = _record(fx.make_report_docx(tmp_path / "检测报告.docx", rows=fx.report_rows(fail="铅")))
    assert r.value("report_no") == fx.REPORT_NO and r.value("cma") == fx.LAB_CMA
    failing = [row for row in r.results if row.verdict == "不合格"]
    assert [row.item for row in failing] == ["铅"] and failing[0].result == "15.6"
    assert failing[0].location == "表格2 第7行"


@pytest.mark.parametrize(
    ("lines", "etype", "expected"),
    [
        (fx.business_licence_lines(), EvidenceType.BUSINESS_LICENCE,
         {"credit_code": fx.COMPANY_CODE, "name": fx.COMPANY, "legal_rep": "陈晓燕", "valid_until": "长期"}),
        (fx.food_licence_lines(), EvidenceType.FOOD_LICENCE,
         {"licence_no": "SC10633048100123", "name": fx.FOOD_COMPANY, "credit_code": fx.FOOD_CODE,
          "valid_until": "2028年06月11日"}),
        (fx.health_food_lines(), EvidenceType.HEALTH_FOOD_CERT,
         {"approval_no": "国食健注G20190123", "functions": "有助于增强免疫力", "holder": fx.HEALTH_COMPANY,
          "key_ingredients": "每100g含维生素C 5.2g"}),
        (fx.cosmetic_cert_lines(), EvidenceType.COSMETIC_CERT,
         {"approval_no": "国妆特字G20230456", "functions": "防晒", "valid_until": "2028年08月19日"}),
        (fx.drug_approval_lines(), EvidenceType.DRUG_APPROVAL,
         {"approval_no": "国药准字H33020456", "product_name": "维生素C片"}),
        (fx.device_registration_lines(), EvidenceType.DEVICE_REGISTRATION,
         {"approval_no": "浙械注准20212140123", "product_name": "医用冷敷贴"}),
        (fx.trademark_lines(), EvidenceType.TRADEMARK_CERT,
         {"trademark_no": "12345678", "mark": "山茶花", "tm_class": "3", "valid_until": "2029年05月06日"}),
        (fx.patent_lines(), EvidenceType.PATENT_CERT,
         {"patent_no": "ZL 2022 2 0123456.7", "patent_type": "实用新型", "title": "一种按压式防漏杯盖",
          "patentee": "宁波恒杯日用品有限公司", "filing_date": "2022年01月18日", "grant_date": "2022年06月21日"}),
    ],
)
@pytest.mark.parametrize("fmt", ["pdf", "docx", "docx-table"])
def test_certificates(tmp_path: Path, lines, etype, expected, fmt) -> None:
    if fmt == "pdf":
        path = fx.make_lines_pdf(tmp_path / "证书.pdf", lines)
    else:
        path = fx.make_lines_docx(tmp_path / "证书.docx", lines, as_table=fmt == "docx-table")
    r = _record(path)
    assert r.type == etype
    for name, value in expected.items():
        assert r.value(name) == value, name


def test_script_is_not_evidence() -> None:
    from review.engine import _text_document
    from review.model import DocKind

    doc = _text_document("脚本.txt", "直播脚本\n主播：家人们，这款面霜有检测报告，营业执照也都齐全！", DocKind.SCRIPT)
    assert extract(doc) is None


def test_extraction_time_of_ten_page_report(report_pdf: Path) -> None:
    doc = load_document(str(report_pdf))
    extract(doc)
    start = time.perf_counter()
    extract(doc)
    assert time.perf_counter() - start < 0.5


def _text_record(text: str, kind=None) -> EvidenceRecord:
    from review.engine import _text_document
    from review.model import DocKind

    doc = _text_document("证据.txt", text, kind or DocKind.CERTIFICATE)
    record = extract(doc)
    assert record is not None
    for f in record.fields.values():
        assert doc.text[f.start:f.end] == f.value
    return record


@pytest.mark.parametrize(
    ("text", "etype", "expected"),
    [
        ("保健食品备案凭证\n备案号：食健备G202133000123\n备案人：禾康（浙江）健康科技有限公司\n保健功能：补充钙、维生素D",
         EvidenceType.HEALTH_FOOD_CERT, {"approval_no": "食健备G202133000123", "holder": fx.HEALTH_COMPANY}),
        ("国产普通化妆品备案信息\n备案编号：浙G妆网备字2022001234\n产品名称：山茶花柔润洁面乳",
         EvidenceType.COSMETIC_CERT, {"approval_no": "浙G妆网备字2022001234", "product_name": "山茶花柔润洁面乳"}),
        ("第一类医疗器械备案凭证\n备案编号：浙杭械备20210012号\n备案人名称：杭州瑞肤医疗器械有限公司",
         EvidenceType.DEVICE_REGISTRATION, {"approval_no": "浙杭械备20210012号"}),
        ("商标注册证\n注册号：12345678\n核定使用商品/服务项目：第3类 化妆品；面霜\n注册日期：2016年05月07日",
         EvidenceType.TRADEMARK_CERT, {"trademark_no": "12345678", "tm_class": "3", "reg_date": "2016年05月07日"}),
        ("营业执照\n统一社会信用代码：91330106MA2H3K7P0B\n名称：杭州山茶花生物科技有限公司\n营业期限：2015.07.07至2035.07.06",
         EvidenceType.BUSINESS_LICENCE, {"valid_from": "2015.07.07", "valid_until": "2035.07.06"}),
        ("营业执照\n名称：杭州山茶花生物科技有限公司\n营业期限：二〇一五年七月七日至长期",
         EvidenceType.BUSINESS_LICENCE, {"valid_from": "二〇一五年七月七日", "valid_until": "长期"}),
        ("检 验 报 告\nNo.：ZJT-2026-H0815\nCMA\n231520341234\n委托单位地址：杭州市西湖区文三路398号\n"
         "委托单位：杭州山茶花生物科技有限公司\n报告日期：2026-4-8",
         EvidenceType.TEST_REPORT, {"report_no": "ZJT-2026-H0815", "cma": "231520341234", "client": fx.COMPANY,
                                    "issue_date": "2026-4-8"}),
    ],
)
def test_label_and_format_variants(text: str, etype: EvidenceType, expected: dict[str, str]) -> None:
    r = _text_record(text)
    assert r.type == etype
    for name, value in expected.items():
        assert r.value(name) == value, name


def test_dates_are_parsed() -> None:
    r = _text_record("营业执照\n名称：某公司\n营业期限：二〇一五年七月七日至长期")
    assert r.date("valid_from") == dt.date(2015, 7, 7) and r.date("valid_until") is None


def test_report_xlsx_results_sheet(tmp_path: Path) -> None:
    from tests.fixtures_docs import make_xlsx

    rows = [list(fx.RESULT_HEADER), *[list(r) for r in fx.report_rows(fail="汞")]]
    path = make_xlsx(tmp_path / "检验报告.xlsx", {"检验检测报告": [["检验检测报告"], ["报告编号", fx.REPORT_NO]],
                                                 "检验结果": rows})
    r = _record(path)
    assert r.type == EvidenceType.TEST_REPORT and r.value("report_no") == fx.REPORT_NO
    mercury = next(row for row in r.results if row.item == "汞")
    assert mercury.verdict == "不合格" and mercury.location == "工作表「检验结果」第8行"
    assert mercury.cells["verdict"].location == "工作表「检验结果」第8行「单项判定」列"


def test_results_table_header_words_are_not_fields(tmp_path: Path) -> None:
    rows = [("序号", "检验项目", "标准要求", "检验结果", "结论", "备注"), ("1", "铅", "≤10", "0.21", "合格", "—")]
    r = _record(fx.make_report_docx(tmp_path / "检测报告.docx", rows=rows[1:], header=rows[0],
                                    info=[["样品名称", "面霜"]], final=["检验结论：合格"]))
    assert r.value("conclusion") == "合格"
    assert [row.item for row in r.results] == ["铅"]
