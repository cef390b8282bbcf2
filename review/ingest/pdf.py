"""PDF: text lines per page, located as 第P页 第N行; pages without a text layer are noted for OCR."""

from __future__ import annotations

import io
from collections.abc import Callable

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from review.model import IngestError

from .segments import Extraction, SegmentBuilder

CORRUPT = "文件已损坏，无法解析为 PDF 文档"
ENCRYPTED = "PDF 已加密，请提供未加密版本"
OCR_LATER = "需要 OCR（证据识别功能上线后支持）"
PDFPLUMBER_MAX_PAGES = 30  # above this, pdfium alone (about 40x faster) reads the text

PageReader = Callable[[int], str]


def read_pdf(name: str, data: bytes) -> Extraction:
    """Extract located text; a PDF with no text layer at all is returned empty with needs_ocr."""
    pdf = _open_pdfium(name, data)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise IngestError(name, "PDF 中没有任何页面")
        texts = _page_texts(data, pdf, page_count)
    finally:
        pdf.close()
    broken = [no for no, text in enumerate(texts, start=1) if text is None]
    if len(broken) == page_count:
        raise IngestError(name, CORRUPT)
    builder = SegmentBuilder()
    blank: list[int] = []
    for page_no, text in enumerate(texts, start=1):
        lines = [line for line in (text or "").split("\n") if line.strip()]
        if text is not None and not lines:
            blank.append(page_no)
        for line_no, line in enumerate(lines, start=1):
            builder.add(line, f"第{page_no}页 第{line_no}行")
    notes = [ocr_note(blank, page_count)] if blank else []
    if broken:
        notes.append(f"第{page_list(broken)}页已损坏，无法读取")
    return Extraction(fmt="pdf", builder=builder, needs_ocr=bool(blank), notes=notes)


def ocr_note(blank: list[int], page_count: int) -> str:
    """User note naming the pages that have no text layer."""
    if len(blank) == page_count:
        return f"PDF 没有文字层（可能是扫描件或图片），{OCR_LATER}"
    return f"第{page_list(blank)}页没有文字层，{OCR_LATER}"


def page_list(pages: list[int], limit: int = 20) -> str:
    """'3', '3、5、7' or '1、2、…、20等' for notes."""
    return "、".join(str(p) for p in pages[:limit]) + ("等" if len(pages) > limit else "")


def _open_pdfium(name: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_raw.FPDF_ERR_PASSWORD:
            raise IngestError(name, ENCRYPTED) from exc
        raise IngestError(name, CORRUPT) from exc
    except Exception as exc:
        raise IngestError(name, CORRUPT) from exc


def _page_texts(data: bytes, pdf: pdfium.PdfDocument, page_count: int) -> list[str | None]:
    """Normalised text of every page (None: unreadable): pdfplumber for short files, else pdfium.

    pdfium is also the per-page fallback when pdfplumber fails or finds no text.
    """
    def by_pdfium(index: int) -> str:
        return _pdfium_text(pdf, index)

    if page_count > PDFPLUMBER_MAX_PAGES:
        return [_first_text(i, by_pdfium) for i in range(page_count)]
    try:
        with pdfplumber.open(io.BytesIO(data)) as plumber:
            return [_first_text(i, _plumber_reader(plumber), by_pdfium) for i in range(page_count)]
    except Exception:  # pdfminer could not parse what pdfium can: use pdfium for every page
        return [_first_text(i, by_pdfium) for i in range(page_count)]


def _first_text(index: int, *readers: PageReader) -> str | None:
    """The first non-blank text a reader finds; '' when the page has none, None when all readers fail."""
    readable = False
    for read in readers:
        try:
            text = read(index)
        except Exception:
            continue
        readable = True
        if text.strip():
            return text
    return "" if readable else None


def _plumber_reader(plumber: pdfplumber.PDF) -> PageReader:
    def read(index: int) -> str:
        if index >= len(plumber.pages):
            return ""
        page = plumber.pages[index]
        try:
            return _normalise(page.extract_text() or "")
        finally:
            page.close()

    return read


def _pdfium_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return _normalise(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
