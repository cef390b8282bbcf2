"""OCR of images and scanned PDF pages: exact identifiers, locations, progress, timing notes, bad input."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from review.evidence.extract import extract
from review.evidence.model import EvidenceType
from review.ingest import load_document, ocr
from review.model import IngestError
from tests import evidence_fixtures as fx

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _lines_of(doc) -> set[str]:
    return {doc.text[s.start:s.end] for s in doc.segments}


def test_licence_image_reads_every_identifier_exactly(tmp_path: Path) -> None:
    doc = load_document(str(fx.make_lines_png(tmp_path / "营业执照.png", fx.business_licence_lines())))
    assert not doc.needs_ocr and doc.fmt == "image"
    assert doc.notes[0].startswith("OCR 识别 1 页，用时")
    record = extract(doc)
    assert record is not None and record.type == EvidenceType.BUSINESS_LICENCE and record.ocr
    assert record.value("credit_code") == fx.COMPANY_CODE  # OCR reads 0 as O here; the repair must verify
    assert record.value("name") == fx.COMPANY
    assert record.value("legal_rep") == "陈晓燕"
    assert record.value("valid_from") == "2019年04月18日" and record.value("valid_until") == "长期"
    assert record.value("issue_authority") == "杭州市西湖区市场监督管理局"
    loc = record.fields["credit_code"].location
    assert loc.startswith("第3行（x ") and ", y " in loc


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (fx.food_licence_lines(), {"licence_no": "SC10633048100123", "credit_code": fx.FOOD_CODE,
                                   "valid_until": "2028年06月11日"}),
        (fx.health_food_lines(), {"approval_no": "国食健注G20190123", "functions": "有助于增强免疫力"}),
        (fx.trademark_lines(), {"trademark_no": "12345678", "tm_class": "3", "valid_until": "2029年05月06日"}),
        (fx.device_registration_lines(), {"approval_no": "浙械注准20212140123"}),
    ],
)
def test_certificate_images_identifiers(tmp_path: Path, lines, expected) -> None:
    record = extract(load_document(str(fx.make_lines_png(tmp_path / "证书.png", lines))))
    assert record is not None
    for name, value in expected.items():
        assert record.value(name) == value, name


def test_noisy_rotated_photo_still_reads_the_code(tmp_path: Path) -> None:
    path = fx.make_lines_png(tmp_path / "执照.jpg", fx.business_licence_lines(), noise=20000, angle=1.0)
    record = extract(load_document(str(path)))
    assert record is not None and record.value("credit_code") == fx.COMPANY_CODE


def test_scanned_pdf_pages_located_with_progress(tmp_path: Path) -> None:
    pngs = [fx.make_lines_png(tmp_path / "p1.png", fx.trademark_lines()),
            fx.make_lines_png(tmp_path / "p2.png", fx.patent_lines())]
    calls: list[tuple[int, int]] = []
    doc = load_document(str(fx.make_image_only_pdf(tmp_path / "商标注册证扫描件.pdf", pngs)),
                        progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    assert not doc.needs_ocr
    assert doc.notes[0].startswith("OCR 识别 2 页，用时") and doc.notes[0].endswith("秒")
    patent = next(s for s in doc.segments if "专利号" in doc.text[s.start:s.end])
    assert patent.location.startswith("第2页 第5行（x ")
    assert "ZL" in doc.text and "2022" in doc.text


def test_pdf_mixing_text_and_scanned_pages(tmp_path: Path) -> None:
    text_pdf = fx.make_lines_pdf(tmp_path / "text.pdf", fx.food_licence_lines())
    scan = fx.make_lines_png(tmp_path / "scan.png", fx.trademark_lines())
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument(str(text_pdf))
    merged.import_pages(pdfium.PdfDocument(str(fx.make_image_only_pdf(tmp_path / "s.pdf", [scan]))))
    merged.save(str(tmp_path / "mixed.pdf"))
    doc = load_document(str(tmp_path / "mixed.pdf"))
    assert doc.notes[0].startswith("OCR 识别 1 页")
    assert any(s.location.startswith("第1页 第") and "（x" not in s.location for s in doc.segments)
    assert any(s.location.startswith("第2页 第") and "（x" in s.location for s in doc.segments)


def test_page_limit_leaves_rest_unread(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ocr.ENV_MAX_PAGES, "1")
    pngs = [fx.make_lines_png(tmp_path / f"p{i}.png", [f"第{i}页", "检验结果"], width=400) for i in (1, 2)]
    doc = load_document(str(fx.make_image_only_pdf(tmp_path / "scan.pdf", pngs)))
    assert doc.needs_ocr
    assert any("第2页没有文字层，超出 OCR 页数上限（1 页" in n for n in doc.notes)


def test_ocr_switched_off(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ocr.ENV_OCR, "0")
    doc = load_document(str(fx.make_lines_png(tmp_path / "营业执照.png", fx.business_licence_lines())))
    assert doc.needs_ocr and doc.text == ""
    assert doc.notes == ["图片需要 OCR 识别：OCR 已关闭（REVIEW_OCR=0）"]
    pdf = load_document(str(fx.make_image_only_pdf(tmp_path / "scan.pdf", [tmp_path / "营业执照.png"])))
    assert pdf.needs_ocr and pdf.notes == ["PDF 没有文字层（可能是扫描件或图片），OCR 已关闭（REVIEW_OCR=0）"]


def test_corrupt_image_is_an_ingest_error(tmp_path: Path) -> None:
    good = fx.make_lines_png(tmp_path / "a.png", ["营业执照"], width=300).read_bytes()
    path = tmp_path / "坏图.png"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(IngestError) as err:
        load_document(str(path))
    assert err.value.reason == "图片已损坏或格式不完整，无法识别"


def test_oversized_image_refused_before_decoding(tmp_path: Path, monkeypatch) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "MAX_PIXELS", 10_000)
    path = tmp_path / "大图.png"
    Image.new("L", (200, 100), 255).save(path)
    with pytest.raises(IngestError) as err:
        load_document(str(path))
    assert err.value.reason.startswith("图片尺寸过大（200×100 像素）")


def test_large_image_is_downscaled(monkeypatch) -> None:
    from PIL import Image

    monkeypatch.setattr(ocr, "MAX_SIDE", 500)
    image = ocr.open_rendered(Image.new("RGB", (2000, 1000), (255, 255, 255)))
    assert image.size == (500, 250)


def test_engine_is_shared_and_thread_safe(tmp_path: Path) -> None:
    path = fx.make_lines_png(tmp_path / "a.png", ["许可证编号：SC10633048100123"], width=640, font_size=26)
    data = path.read_bytes()
    results: list[str] = []

    def work() -> None:
        results.append(load_document("a.png", data).text)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["许可证编号：SC10633048100123"] * 3
    assert ocr.engine() is ocr.engine()


def test_fix_identifiers_only_when_certain() -> None:
    assert ocr.fix_identifiers("统一社会信用代码91330106MA2H3K7POB") == "统一社会信用代码91330106MA2H3K7P0B"
    assert ocr.fix_identifiers("代码91330106MA2H3K7POC") == "代码91330106MA2H3K7POC"  # no repair verifies
    assert ocr.fix_identifiers("许可证编号SC1O633O481OO123") == "许可证编号SC10633048100123"
    assert ocr.fix_identifiers("国食健注G2019O123") == "国食健注G20190123"
    assert ocr.fix_identifiers("专利号ZL 2O22 2 O123456.7") == "专利号ZL 2022 2 0123456.7"
    assert ocr.fix_identifiers("专利号ZL201811564288.X") == "专利号ZL201811564288.X"
    assert ocr.fix_identifiers("SCOTT BOOKS and SOLO") == "SCOTT BOOKS and SOLO"


def test_group_lines_orders_boxes() -> None:
    boxes = [ocr.Box("值", 300, 102, 500, 130, 0.99), ocr.Box("名称", 80, 100, 160, 132, 0.99),
             ocr.Box("第二行", 80, 160, 200, 190, 0.99)]
    assert [[b.text for b in line] for line in ocr.group_lines(boxes)] == [["名称", "值"], ["第二行"]]
    assert ocr.pieces(boxes, 2)[0] == ("名称", "第2页 第1行（x 80–160, y 100）")


def test_ocr_time_per_page(tmp_path: Path) -> None:
    """Measure (printed with -s): a warm engine reads an A4-like licence page in a few seconds."""
    path = fx.make_lines_png(tmp_path / "a.png", fx.business_licence_lines())
    load_document(str(path))
    start = time.perf_counter()
    load_document(str(path))
    seconds = time.perf_counter() - start
    print(f"\nOCR per page (warm, 1500 px wide licence): {seconds:.2f} s")
    assert seconds < 60  # about 1.4 s on an idle 2-core machine; generous for shared CI runners


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size (a decompression bomb) with almost no pixel data."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [9000, 30000])
def test_decompression_bomb_refused(side: int) -> None:
    with pytest.raises(IngestError) as err:
        load_document("炸弹.png", _png_claiming(side, side))
    assert err.value.reason.startswith("图片尺寸过大")
