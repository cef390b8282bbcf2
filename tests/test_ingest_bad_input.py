"""Unreadable, hostile and mislabelled files: always an IngestError with a clear Chinese reason."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from review.ingest import SUPPORTED_SUFFIXES, load_document
from review.model import IngestError
from tests.fixtures_docs import (
    make_docx,
    make_image_pdf,
    make_many_entries_zip,
    make_ole_file,
    make_pdf,
    make_png,
    make_text,
    make_xlsx,
    make_zip,
    make_zip_bomb_docx,
)


def reason_for(name: str | Path, data: bytes | None = None, **kwargs) -> str:
    """The IngestError reason for loading `name`; fails the test when it loads or raises anything else."""
    with pytest.raises(IngestError) as caught:
        load_document(str(name), data, **kwargs)
    assert caught.value.name == str(name)
    assert str(name) in str(caught.value)
    return caught.value.reason


@pytest.fixture
def docx_bytes(tmp_path: Path) -> bytes:
    return make_docx(tmp_path / "ok.docx", ["第一段", [["话术"], ["全网最低价"]]]).read_bytes()


@pytest.fixture
def xlsx_bytes(tmp_path: Path) -> bytes:
    return make_xlsx(tmp_path / "ok.xlsx", {"手卡": [["商品名称", "卖点"], ["面霜", "保湿"]]}).read_bytes()


@pytest.fixture
def pdf_bytes(tmp_path: Path) -> bytes:
    return make_pdf(tmp_path / "ok.pdf", [["检测报告"], ["检验结论：合格"]]).read_bytes()


# --- file system ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert reason_for(tmp_path / "nope.docx") == "文件不存在"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    assert reason_for(folder) == "这是一个文件夹，不是文件"


def test_permission_error_even_as_root(tmp_path: Path, monkeypatch) -> None:
    path = make_text(tmp_path / "a.txt", "文字")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert reason_for(path) == "没有读取该文件的权限"


def test_unexpected_parser_exception_becomes_ingest_error(monkeypatch, docx_bytes: bytes) -> None:
    from review.ingest import word

    def explode(name: str, data: bytes):
        raise KeyError("word/styles.xml")

    monkeypatch.setattr(word, "read_docx", explode)
    assert reason_for("a.docx", docx_bytes) == "无法解析文件（KeyError）"


# --- empty and oversized ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xlsx", ".pdf", ".png"])
def test_zero_bytes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert reason_for(path) == "文件为空"
    assert reason_for(f"upload{suffix}", b"") == "文件为空"


def test_documents_without_text(tmp_path: Path) -> None:
    assert reason_for(make_docx(tmp_path / "a.docx", ["", "   "])) == "文档中没有可审核的文字"
    assert reason_for(make_xlsx(tmp_path / "a.xlsx", {"S": [[None, "  "]]})) == "文档中没有可审核的文字"
    assert reason_for(make_text(tmp_path / "a.txt", "\n \r\n\t\n")) == "文档中没有可审核的文字"


def test_docx_with_only_a_picture(tmp_path: Path) -> None:
    import docx

    path = make_docx(tmp_path / "a.docx", [])
    document = docx.Document(str(path))
    document.add_picture(str(make_png(tmp_path / "p.png")))
    document.save(str(path))
    assert reason_for(path) == "文档中没有可审核的文字（只有图片，需要 OCR 识别）"


def test_oversized_upload_and_file(tmp_path: Path, pdf_bytes: bytes) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(pdf_bytes)
    assert reason_for(path, max_bytes=1024) == "文件超过 1 KB 上限"
    assert reason_for("big.pdf", pdf_bytes, max_bytes=1024) == "文件超过 1 KB 上限"
    assert reason_for("big.txt", b"a" * (3 * 1024 * 1024), max_bytes=2 * 1024 * 1024) == "文件超过 2 MB 上限"
    assert load_document("ok.pdf", pdf_bytes, max_bytes=len(pdf_bytes)).text


# --- corrupt ----------------------------------------------------------------------------------


def test_truncated_docx(docx_bytes: bytes) -> None:
    assert reason_for("a.docx", docx_bytes[: len(docx_bytes) // 2]) == "文件已损坏，无法解析为 Word 文档"


def test_random_bytes_xlsx() -> None:
    data = random.Random(7).randbytes(5000)
    assert reason_for("a.xlsx", data) == "文件已损坏，无法解析为 Excel 表格"


def test_broken_pdf(pdf_bytes: bytes) -> None:
    broken = "文件已损坏，无法解析为 PDF 文档"
    assert reason_for("a.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage") == broken
    assert reason_for("b.pdf", pdf_bytes[:400]) == broken


def test_docx_with_a_broken_main_part(tmp_path: Path) -> None:
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/word/document.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    members = {"[Content_Types].xml": content_types, "word/document.xml": "<not xml"}
    path = make_zip(tmp_path / "a.docx", members)
    assert reason_for(path) == "文件已损坏，无法解析为 Word 文档"


@pytest.mark.parametrize("fixture, suffix", [("docx_bytes", ".docx"), ("xlsx_bytes", ".xlsx"),
                                             ("pdf_bytes", ".pdf")])
def test_every_truncation_is_handled(request, fixture: str, suffix: str) -> None:
    """Cutting a valid file anywhere gives a Document or an IngestError, never another exception."""
    data: bytes = request.getfixturevalue(fixture)
    for cut in range(1, len(data), max(1, len(data) // 40)):
        try:
            load_document(f"cut{suffix}", data[:cut])
        except IngestError as exc:
            assert exc.reason


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_random_bytes_with_every_suffix(suffix: str) -> None:
    rng = random.Random(suffix)
    for _ in range(5):
        with pytest.raises(IngestError):
            load_document(f"noise{suffix}", rng.randbytes(2048))


def test_flipped_bytes_never_escape(docx_bytes: bytes, xlsx_bytes: bytes, pdf_bytes: bytes) -> None:
    rng = random.Random(42)
    for name, data in (("a.docx", docx_bytes), ("a.xlsx", xlsx_bytes), ("a.pdf", pdf_bytes)):
        for _ in range(15):
            mutated = bytearray(data)
            for _ in range(20):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            try:
                load_document(name, bytes(mutated))
            except IngestError as exc:
                assert exc.reason


# --- encrypted and old Office -----------------------------------------------------------------


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [["机密"]], encrypt="pw")
    assert reason_for(path) == "PDF 已加密，请提供未加密版本"


def test_pdf_with_only_an_owner_password_is_readable(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=0)
    doc = load_document(str(make_pdf(tmp_path / "a.pdf", [["允许阅读"]], encrypt=enc)))
    assert doc.text == "允许阅读"


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_password_protected_office(tmp_path: Path, suffix: str) -> None:
    path = make_ole_file(tmp_path / f"locked{suffix}")
    assert reason_for(path) == "文件已加密（设置了打开密码），请提供未加密版本"


def test_old_binary_office_renamed(tmp_path: Path) -> None:
    assert "另存为 .xlsx" in reason_for(make_ole_file(tmp_path / "a.xlsx", ["Workbook"]))
    assert "另存为 .docx" in reason_for(make_ole_file(tmp_path / "a.docx", ["WordDocument"]))
    unknown = reason_for(make_ole_file(tmp_path / "b.docx", ["Other"]))
    assert unknown.startswith("文件已加密或为旧版 Office 格式")


def test_old_office_extensions() -> None:
    expected = "这是旧版 Excel（.xls）文件，请用 Excel/WPS 另存为 .xlsx 后再上传"
    assert reason_for("手卡.xls", b"\xd0\xcf\x11\xe0") == expected
    assert "另存为 .docx" in reason_for("脚本.doc", b"\xd0\xcf\x11\xe0")


# --- mislabelled ------------------------------------------------------------------------------


def test_pdf_that_is_html() -> None:
    page = b"<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not Found</body></html>"
    assert reason_for("report.pdf", page) == "扩展名为 .pdf，但内容是 HTML 网页"


def test_docx_that_is_xlsx_or_plain_zip(tmp_path: Path, xlsx_bytes: bytes) -> None:
    assert reason_for("a.docx", xlsx_bytes) == "扩展名为 .docx，但内容是 Excel 表格（.xlsx）"
    plain = make_zip(tmp_path / "a.docx", {"readme.txt": "hello", "img/a.png": b"x"})
    assert reason_for(plain) == "扩展名为 .docx，但内容是 ZIP 压缩包"


def test_xlsx_that_is_docx(docx_bytes: bytes) -> None:
    assert reason_for("a.xlsx", docx_bytes) == "扩展名为 .xlsx，但内容是 Word 文档（.docx）"


def test_pdf_that_is_docx_and_txt_that_is_pdf(docx_bytes: bytes, pdf_bytes: bytes) -> None:
    assert reason_for("a.pdf", docx_bytes) == "扩展名为 .pdf，但内容是 Word 文档（.docx）"
    assert reason_for("a.txt", pdf_bytes) == "扩展名为 .txt，但内容是 PDF 文档"


def test_image_that_is_not_an_image(tmp_path: Path, pdf_bytes: bytes) -> None:
    assert reason_for("a.png", b"just text, not a picture") == "扩展名为 .png，但内容是纯文本"
    assert reason_for("a.jpg", pdf_bytes) == "扩展名为 .jpg，但内容是 PDF 文档"


def test_pdf_that_is_an_image(tmp_path: Path) -> None:
    png = make_png(tmp_path / "a.png").read_bytes()
    assert reason_for("scan.pdf", png) == "扩展名为 .pdf，但内容是 PNG 图片"


def test_text_that_is_binary() -> None:
    assert reason_for("a.txt", bytes(range(256)) * 4) == "文件内容无法识别，不是有效的文本文件"


def test_text_in_unknown_encoding() -> None:
    assert "无法识别文本编码" in reason_for("a.txt", "中文".encode("gb18030") + b"\x81\x20\x81\x20" * 3)


def test_image_only_pdf_is_not_an_error(tmp_path: Path) -> None:
    assert load_document(str(make_image_pdf(tmp_path / "scan.pdf"))).needs_ocr


# --- zip bombs --------------------------------------------------------------------------------


def test_zip_bomb_docx_rejected_before_parsing(tmp_path: Path) -> None:
    path = make_zip_bomb_docx(tmp_path / "bomb.docx", member_mb=60)
    assert path.stat().st_size < 1024 * 1024
    assert reason_for(path) == "压缩包解压后体积异常（疑似 zip 炸弹）"


def test_zip_total_size_limit(tmp_path: Path, monkeypatch) -> None:
    from review.ingest import guard

    monkeypatch.setattr(guard, "MAX_ZIP_TOTAL_BYTES", 3 * 1024 * 1024)
    monkeypatch.setattr(guard, "ZIP_RATIO_MIN_MEMBER_BYTES", 1 << 40)  # isolate the total-size rule
    path = make_zip_bomb_docx(tmp_path / "big.docx", member_mb=2, members=2)
    assert reason_for(path) == "压缩包解压后体积异常（疑似 zip 炸弹）"


def test_zip_with_too_many_entries(tmp_path: Path, xlsx_bytes: bytes) -> None:
    base = tmp_path / "base.xlsx"
    base.write_bytes(xlsx_bytes)
    path = make_many_entries_zip(tmp_path / "many.xlsx", base, entries=5_100)
    assert reason_for(path).startswith("压缩包内文件数量异常")


def test_normal_docx_passes_zip_checks(docx_bytes: bytes) -> None:
    assert "全网最低价" in load_document("ok.docx", docx_bytes).text


# --- unknown types ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["setup.exe", "archive.zip", "slides.pptx", "page.html", "noext"])
def test_unsupported_types(name: str) -> None:
    reason = reason_for(name, b"MZ\x90\x00 anything")
    assert reason.startswith("不支持")
    assert ".docx" in reason  # the list of supported types or the format to convert to


def test_unknown_extension_lists_supported() -> None:
    reason = reason_for("virus.exe", b"MZ\x90\x00")
    assert reason.startswith("不支持的文件类型 .exe（支持：")
    assert ".docx" in reason and ".pdf" in reason and ".xlsx" in reason
