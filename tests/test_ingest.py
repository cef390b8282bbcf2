"""Ingest of every supported format: text, segments and the exact locations users see."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from pathlib import Path

import pytest

from review.ingest import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, load_document
from review.ingest import pdf as pdf_module
from review.ingest.guard import default_max_bytes
from review.model import DocKind, Document
from tests.fixtures_docs import (
    make_docx,
    make_image_pdf,
    make_jpeg,
    make_pdf,
    make_png,
    make_text,
    make_xlsx,
)


def assert_well_formed(doc: Document) -> None:
    """Segments are ordered, disjoint, exact slices, and the text is their newline join."""
    previous_end = -1
    pieces = []
    for seg in doc.segments:
        assert previous_end < seg.start < seg.end, seg
        piece = doc.text[seg.start:seg.end]
        assert piece == piece.rstrip() and piece.strip(), seg
        assert seg.location
        pieces.append(piece)
        previous_end = seg.end
    assert doc.text == "\n".join(pieces)


def location_of(doc: Document, needle: str) -> str:
    """The location of the first occurrence of `needle`, checked to lie inside one segment."""
    start = doc.text.index(needle)
    seg = doc.segment_at(start)
    assert seg is not None and start + len(needle) <= seg.end
    return seg.location


# --- plain text -------------------------------------------------------------------------------

SCRIPT = "直播日期：2026-12-01\r\n\r\n[00:05:12] 主播A：家人们好！  \r\n[00:06:00] 副播：这款面霜最低价\r\n"


def test_txt_lines_keep_numbers_across_blank_lines(tmp_path: Path) -> None:
    doc = load_document(str(make_text(tmp_path / "脚本.txt", SCRIPT)))
    assert doc.fmt == "txt"
    assert doc.text == "直播日期：2026-12-01\n[00:05:12] 主播A：家人们好！\n[00:06:00] 副播：这款面霜最低价"
    assert [s.location for s in doc.segments] == ["第1行", "第3行", "第4行"]
    assert location_of(doc, "最低价") == "第4行"
    assert "\r" not in doc.text
    assert_well_formed(doc)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_txt_encodings(tmp_path: Path, encoding: str) -> None:
    text = "主播A：宝宝们，这款羊绒大衣只要 399 元！\n第二行：限时福利"
    doc = load_document(str(make_text(tmp_path / "a.txt", text, encoding)))
    assert doc.text == text
    assert not doc.text.startswith("\ufeff")
    assert location_of(doc, "限时福利") == "第2行"


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    doc = load_document(str(make_text(tmp_path / "notes.md", "# 标题\n\n- 卖点：保湿\n")))
    assert doc.text == "# 标题\n- 卖点：保湿"
    assert [s.location for s in doc.segments] == ["第1行", "第3行"]


def test_full_width_text_is_not_normalised(tmp_path: Path) -> None:
    line = "　　全角空格开头，ＡＢＣ全角字母，１００％有效"
    doc = load_document(str(make_text(tmp_path / "a.txt", line + "\n")))
    assert doc.text == line


# --- docx -------------------------------------------------------------------------------------

HAND_CARD_TABLE = [
    ["序号", "商品名称", "话术"],
    ["1", "玻尿酸面霜", "补水保湿，敏感肌可用"],
    ["2", "羊绒大衣", "全网最低价，仅此一次"],
]


def test_docx_paragraphs_and_table_locations(tmp_path: Path) -> None:
    blocks = ["开场：欢迎来到直播间", "", "  ", HAND_CARD_TABLE, "结束语：感谢观看"]
    path = make_docx(tmp_path / "a.docx", blocks)
    doc = load_document(str(path))
    assert doc.fmt == "docx"
    assert location_of(doc, "欢迎来到直播间") == "段落 1"
    assert location_of(doc, "全网最低价") == "表格1 第3行「话术」列"
    assert location_of(doc, "玻尿酸面霜") == "表格1 第2行「商品名称」列"
    assert location_of(doc, "感谢观看") == "段落 2"  # empty paragraphs are not counted
    assert doc.text.index("开场") < doc.text.index("序号") < doc.text.index("结束语")
    assert_well_formed(doc)


def test_docx_table_without_header_uses_column_numbers(tmp_path: Path) -> None:
    rows = [["开场", ""], ["互动", "点赞过万抽奖"], ["逼单", "最后三单"]]
    doc = load_document(str(make_docx(tmp_path / "a.docx", ["说明", HAND_CARD_TABLE, rows])))
    assert location_of(doc, "点赞过万抽奖") == "表格2 第2行 第2列"
    assert location_of(doc, "最后三单") == "表格2 第3行 第2列"
    assert location_of(doc, "开场") == "表格2 第1行 第1列"


def test_docx_merged_cells_appear_once(tmp_path: Path) -> None:
    rows = [
        ["时间", "环节", "话术"],
        ["20:00", "开场福利", "今天所有宝贝一律包邮"],
        ["20:05", "", "第二句话术"],
        ["20:10", "讲解", "横向合并的话术内容"],
    ]
    merges = [(0, 1, 1, 2, 1), (0, 3, 1, 3, 2)]  # vertical 环节 rows 2-3; horizontal row 4 cols 2-3
    doc = load_document(str(make_docx(tmp_path / "a.docx", [rows], merges=merges)))
    assert doc.text.count("开场福利") == 1
    assert doc.text.count("讲解") == 1
    assert location_of(doc, "开场福利") == "表格1 第2行「环节」列"
    assert location_of(doc, "讲解") == "表格1 第4行「环节」列"
    assert location_of(doc, "第二句话术") == "表格1 第3行「话术」列"
    assert_well_formed(doc)


def test_docx_multi_paragraph_cell_is_one_segment(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", [[["话术", "备注"], ["第一句", "x"]]])
    import docx

    document = docx.Document(str(path))
    document.tables[0].cell(1, 0).add_paragraph("第二句")
    document.save(str(path))
    doc = load_document(str(path))
    assert "第一句\n第二句" in doc.text
    assert location_of(doc, "第二句") == "表格1 第2行「话术」列"
    assert_well_formed(doc)


def test_docx_reads_content_controls_hyperlinks_and_text_boxes(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", ["普通段落"])
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document = docx.Document(str(path))
    body = document.element.body
    sdt = parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>控件里的文字</w:t></w:r></w:p>'
                    "</w:sdtContent></w:sdt>")
    link = parse_xml(f'<w:p {w}><w:r><w:t>点击</w:t></w:r><w:hyperlink><w:r><w:t>链接文字</w:t></w:r>'
                     "</w:hyperlink><w:r><w:tab/><w:t>后</w:t></w:r></w:p>")
    box = parse_xml(
        f"<w:p {w} {mc}><w:r><w:t>锚点</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        "<w:drawing><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    for el in (sdt, link, box):
        body.insert(len(body) - 1, el)  # before sectPr
    document.save(str(path))
    doc = load_document(str(path))
    assert doc.text == "普通段落\n控件里的文字\n点击链接文字\t后\n锚点\n文本框内容"
    assert location_of(doc, "控件里的文字") == "段落 2"
    assert location_of(doc, "文本框内容") == "段落 5"


# --- xlsx / csv -------------------------------------------------------------------------------


def test_xlsx_two_sheets_headers_and_letters(tmp_path: Path) -> None:
    sheets = {
        "手卡": [
            ["12月1日直播手卡"],
            ["序号", "商品名称", "卖点", "到手价"],
            [1, "玻尿酸面霜", "补水保湿", 99.0],
            [2, "羊绒大衣", "全网最低价", 399.9],
        ],
        "Sheet2": [[None, None, "备注：库存 200 件"], ["x", "y", 3]],
    }
    doc = load_document(str(make_xlsx(tmp_path / "a.xlsx", sheets, merges={"手卡": ["A1:D1"]})))
    assert doc.fmt == "xlsx"
    assert location_of(doc, "全网最低价") == "工作表「手卡」第4行「卖点」列"
    assert location_of(doc, "12月1日直播手卡") == "工作表「手卡」第1行 A列"
    assert location_of(doc, "399.9") == "工作表「手卡」第4行「到手价」列"
    assert location_of(doc, "库存 200 件") == "工作表「Sheet2」第1行 C列"
    assert "\n99\n" in doc.text and "99.0" not in doc.text
    assert doc.kind == DocKind.HAND_CARD
    assert_well_formed(doc)


def test_xlsx_values_are_formatted_for_people(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx", {"S": [
        ["名称", "日期", "时间", "折扣", "数量", "价格"],
        ["面霜", dt.datetime(2026, 12, 1), dt.datetime(2026, 12, 1, 20, 30), 0.15, 12.0, 0.1 + 0.2],
    ]})
    import openpyxl

    wb = openpyxl.load_workbook(path)
    wb["S"]["D2"].number_format = "0%"
    wb.save(path)
    doc = load_document(str(path))
    values = doc.text.split("\n")[6:]
    assert values == ["面霜", "2026-12-01", "2026-12-01 20:30", "15%", "12", "0.3"]


def test_xlsx_merged_range_keeps_top_left_only(tmp_path: Path) -> None:
    sheets = {"S": [["商品名称", "卖点"], ["面霜", "保湿"], [None, "美白"]]}
    path = make_xlsx(tmp_path / "a.xlsx", sheets, merges={"S": ["A2:A3"]})
    doc = load_document(str(path))
    assert doc.text == "商品名称\n卖点\n面霜\n保湿\n美白"
    assert location_of(doc, "美白") == "工作表「S」第3行「卖点」列"


def test_csv_like_one_sheet(tmp_path: Path) -> None:
    text = "序号,商品名称,话术\n1,面霜,\"第一句，带逗号\"\n2,大衣,全网最低价\n"
    doc = load_document(str(make_text(tmp_path / "a.csv", text, "gbk")))
    assert doc.fmt == "csv"
    assert location_of(doc, "第一句，带逗号") == "第2行「话术」列"
    assert location_of(doc, "全网最低价") == "第3行「话术」列"


# --- pdf --------------------------------------------------------------------------------------


def test_pdf_two_pages_exact_text_and_locations(tmp_path: Path) -> None:
    pages = [["检测报告", "样品名称：玻尿酸面霜"], ["检验结论：所检项目符合标准要求", "报告编号：A-2026-001"]]
    doc = load_document(str(make_pdf(tmp_path / "a.pdf", pages)))
    assert doc.fmt == "pdf" and not doc.needs_ocr and doc.notes == []
    assert doc.text == "\n".join(line for page in pages for line in page)
    assert location_of(doc, "A-2026-001") == "第2页 第2行"
    assert location_of(doc, "样品名称") == "第1页 第2行"
    assert doc.kind == DocKind.TEST_REPORT
    assert_well_formed(doc)


def test_pdf_image_only_needs_ocr_without_error(tmp_path: Path) -> None:
    doc = load_document(str(make_image_pdf(tmp_path / "检测报告扫描件.pdf", pages=2)))
    assert doc.text == "" and doc.segments == []
    assert doc.needs_ocr
    assert doc.notes and "OCR" in doc.notes[0]
    assert doc.kind == DocKind.TEST_REPORT  # judged from the file name only


def test_pdf_page_without_text_layer_is_noted(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", [["第一页文字"], [], ["第三页文字"]], blank_pages=[1])
    doc = load_document(str(path))
    assert doc.text == "第一页文字\n第三页文字"
    assert location_of(doc, "第三页文字") == "第3页 第1行"
    assert doc.notes[0].startswith("OCR 识别 1 页，用时")  # the drawing on page 2 holds no text
    assert doc.notes[1:] == ["第2页没有文字层，OCR 未识别出文字，请人工核对"]
    assert doc.needs_ocr


def test_long_pdf_uses_fast_path_with_same_locations(tmp_path: Path) -> None:
    pages = [[f"第{p}页 主播A：第{i}句" for i in range(1, 4)] for p in range(1, 41)]
    doc = load_document(str(make_pdf(tmp_path / "a.pdf", pages)))
    assert len(doc.segments) == 120
    assert location_of(doc, "第40页 主播A：第3句") == "第40页 第3行"
    assert_well_formed(doc)


def test_pdf_falls_back_to_pdfium_when_pdfplumber_fails(tmp_path: Path, monkeypatch) -> None:
    def broken_reader(plumber):
        def read(index: int) -> str:
            raise RuntimeError("pdfminer failure")
        return read

    monkeypatch.setattr(pdf_module, "_plumber_reader", broken_reader)
    doc = load_document(str(make_pdf(tmp_path / "a.pdf", [["甲甲甲"], ["乙乙乙", "丙丙丙"]])))
    assert doc.text == "甲甲甲\n乙乙乙\n丙丙丙"
    assert location_of(doc, "丙丙丙") == "第2页 第2行"


def test_pdf_parsing_keeps_stderr_quiet(tmp_path: Path, capfd) -> None:
    load_document(str(make_pdf(tmp_path / "a.pdf", [["安静"]])))
    assert capfd.readouterr().err == ""
    assert logging.getLogger("pdfminer").getEffectiveLevel() >= logging.ERROR


# --- images -----------------------------------------------------------------------------------


@pytest.mark.parametrize("maker, suffix", [(make_png, ".png"), (make_jpeg, ".jpg"), (make_jpeg, ".png")])
def test_images_without_text_need_review(tmp_path: Path, maker, suffix: str) -> None:
    doc = load_document(str(maker(tmp_path / f"营业执照{suffix}")))
    assert doc.fmt == "image" and doc.needs_ocr and doc.text == "" and doc.segments == []
    assert doc.notes[0].startswith("OCR 识别 1 页，用时")
    assert doc.notes[1:] == ["图片中没有识别出文字（可能过于模糊、倾斜或不含文字），请人工核对"]
    assert doc.kind == DocKind.LICENCE


def test_other_image_formats_pass_the_magic_check(tmp_path: Path) -> None:
    from PIL import Image

    for fmt, suffix in (("BMP", ".bmp"), ("TIFF", ".tiff"), ("WEBP", ".webp")):
        path = tmp_path / f"x{suffix}"
        Image.new("RGB", (8, 8)).save(path, format=fmt)
        assert load_document(str(path)).fmt == "image"


# --- API details ------------------------------------------------------------------------------


def test_upload_bytes_and_file_give_same_document(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", ["第一段", HAND_CARD_TABLE])
    data = path.read_bytes()
    from_file = load_document(str(path))
    uploaded = load_document("上传/手卡.docx", data)
    assert uploaded.name == "上传/手卡.docx"
    assert uploaded.sha256 == from_file.sha256 == hashlib.sha256(data).hexdigest()
    assert uploaded.text == from_file.text
    assert uploaded.segments == from_file.segments


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    doc = load_document(str(make_text(tmp_path / "A.TXT", "大写扩展名")))
    assert doc.text == "大写扩展名"


def test_supported_suffixes_and_default_limit() -> None:
    for suffix in (".txt", ".md", ".docx", ".xlsx", ".pdf", ".png", ".jpg", ".jpeg", ".bmp", ".tif",
                   ".tiff", ".webp"):
        assert suffix in SUPPORTED_SUFFIXES
    assert default_max_bytes() == DEFAULT_MAX_BYTES


@pytest.mark.parametrize("raw, expected", [
    (None, 50 * 1024 * 1024), ("10", 10 * 1024 * 1024), ("0.5", 512 * 1024), ("abc", 50 * 1024 * 1024),
    ("-3", 50 * 1024 * 1024),
])
def test_max_upload_env(monkeypatch, raw: str | None, expected: int) -> None:
    if raw is None:
        monkeypatch.delenv("REVIEW_MAX_UPLOAD_MB", raising=False)
    else:
        monkeypatch.setenv("REVIEW_MAX_UPLOAD_MB", raw)
    assert default_max_bytes() == expected


def test_pdf_table_cells_are_located_by_row_and_column(tmp_path: Path) -> None:
    from tests.fixtures_docs import make_table_pdf

    rows = [["序号", "商品名称", "话术"], ["1", "保温杯", "304不锈钢内胆"], ["2", "焖烧罐", "顶级保温效果"]]
    path = make_table_pdf(tmp_path / "手卡.pdf", ["家电专场手卡", "直播日期：2026-12-05"], rows, ["备注：以实物为准"])
    doc = load_document(str(path))
    located = {doc.text[s.start:s.end]: s.location for s in doc.segments}
    assert located["家电专场手卡"] == "第1页 第1行"
    assert located["直播日期：2026-12-05"] == "第1页 第2行"
    assert located["顶级保温效果"] == "第1页 表格1 第3行「话术」列"
    assert located["焖烧罐"] == "第1页 表格1 第3行「商品名称」列"
    assert located["备注：以实物为准"] == "第1页 第3行"
    assert doc.text.index("直播日期") < doc.text.index("顶级保温效果") < doc.text.index("备注")
    assert doc.text.count("顶级保温效果") == 1  # table text is not repeated as plain lines


def test_pdf_table_cells_join_soft_wrapped_chinese():
    from review.ingest.pdf import table_pieces

    rows = [["品名", "话术"], ["防蓝光眼镜", "戴一个月近视度\n数就降下来了\n50g/瓶\nNo. 1"]]
    pieces = dict((loc, text) for text, loc in table_pieces(rows, 1))
    assert pieces["表格1 第2行「话术」列"] == "戴一个月近视度数就降下来了\n50g/瓶\nNo. 1"  # only CJK wraps are joined
