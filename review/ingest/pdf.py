"""PDF: text lines per page, located as 第P页 第N行; pages without a text layer are rendered and read by OCR."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from review.model import IngestError

from . import ocr
from .segments import Extraction, SegmentBuilder

CORRUPT = "文件已损坏，无法解析为 PDF 文档"
ENCRYPTED = "PDF 已加密，请提供未加密版本"
OCR_NOTHING = "OCR 未识别出文字，请人工核对"
PDFPLUMBER_MAX_PAGES = 30  # above this, pdfium alone (about 40x faster) reads the text

# A page reader returns the page's pieces: (text, location within the page), in reading order.
Piece = tuple[str, str]
PageReader = Callable[[int], list[Piece]]
MAX_HEADER_CHARS = 20


def read_pdf(name: str, data: bytes, progress: ocr.Progress | None = None) -> Extraction:
    """Extract located text; pages without a text layer go through OCR (`progress(done, total)` per page).

    `needs_ocr` stays True when some page without a text layer could not be read by OCR.
    """
    pdf = _open_pdfium(name, data)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise IngestError(name, "PDF 中没有任何页面")
        texts = _page_texts(data, pdf, page_count)
        blank = [no for no, pieces in enumerate(texts, start=1) if pieces is not None and not pieces]
        scanned = _ocr_pages(pdf, blank, page_count, progress)
    finally:
        pdf.close()
    broken = [no for no, text in enumerate(texts, start=1) if text is None]
    if len(broken) == page_count:
        raise IngestError(name, CORRUPT)
    builder = SegmentBuilder()
    for page_no, pieces in enumerate(texts, start=1):
        for text, where in pieces or []:
            builder.add(text, f"第{page_no}页 {where}")
        builder.extend(scanned.pieces.get(page_no, []))
    notes = list(scanned.notes)
    if broken:
        notes.append(f"第{page_list(broken)}页已损坏，无法读取")
    return Extraction(fmt="pdf", builder=builder, needs_ocr=bool(scanned.unread), notes=notes)


class _Scanned:
    """OCR results of a PDF's pages without a text layer."""

    def __init__(self) -> None:
        self.pieces: dict[int, list[Piece]] = {}
        self.unread: list[int] = []
        self.notes: list[str] = []


def _ocr_pages(pdf: pdfium.PdfDocument, blank: list[int], page_count: int,
               progress: ocr.Progress | None) -> _Scanned:
    """Render each page without a text layer (scale 2) and OCR it, up to the page limit."""
    out = _Scanned()
    if not blank:
        return out
    todo, skipped = blank[:ocr.max_pages()], blank[ocr.max_pages():]
    clock = ocr.Stopwatch()
    reason, ran = OCR_NOTHING, 0
    for done, page_no in enumerate(todo, start=1):
        try:
            boxes = ocr.recognise(_render(pdf, page_no - 1))
        except ocr.OcrUnavailable as exc:
            reason = exc.reason
            out.unread.extend(todo[done - 1:])
            break
        except Exception:  # a page pdfium cannot render
            out.unread.append(page_no)
            continue
        ran += 1
        found = ocr.pieces(boxes, page_no)
        if found:
            out.pieces[page_no] = found
        else:
            out.unread.append(page_no)
        if progress:
            progress(done, len(todo))
    if ran:
        out.notes.append(ocr.timing_note(ran, clock.seconds))
    if out.unread:
        out.notes.append(ocr_note(out.unread, page_count, reason))
    if skipped:
        out.unread.extend(skipped)
        out.notes.append(f"第{page_list(skipped)}页没有文字层，超出 OCR 页数上限（{ocr.max_pages()} 页，"
                         f"可用 {ocr.ENV_MAX_PAGES} 调整），未识别")
    return out


def _render(pdf: pdfium.PdfDocument, index: int):
    page = pdf[index]
    try:
        return ocr.open_rendered(page.render(scale=ocr.PDF_SCALE).to_pil())
    finally:
        page.close()


def ocr_note(pages: list[int], page_count: int, reason: str) -> str:
    """User note naming the pages without a text layer that OCR did not read, and why."""
    where = "PDF 没有文字层（可能是扫描件或图片）" if len(pages) == page_count else f"第{page_list(pages)}页没有文字层"
    return f"{where}，{reason}"


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


def _page_texts(data: bytes, pdf: pdfium.PdfDocument, page_count: int) -> list[list[Piece] | None]:
    """Located pieces of every page (None: unreadable): pdfplumber (lines and tables) for short
    files, else pdfium (lines).

    pdfium is also the per-page fallback when pdfplumber fails or finds no text.
    """
    def by_pdfium(index: int) -> list[Piece]:
        return line_pieces(_pdfium_text(pdf, index))

    if page_count > PDFPLUMBER_MAX_PAGES:
        return [_first_text(i, by_pdfium) for i in range(page_count)]
    try:
        with pdfplumber.open(io.BytesIO(data)) as plumber:
            return [_first_text(i, _plumber_reader(plumber), by_pdfium) for i in range(page_count)]
    except Exception:  # pdfminer could not parse what pdfium can: use pdfium for every page
        return [_first_text(i, by_pdfium) for i in range(page_count)]


def _first_text(index: int, *readers: PageReader) -> list[Piece] | None:
    """The first non-empty pieces a reader finds; [] when the page has none, None when all readers fail."""
    readable = False
    for read in readers:
        try:
            pieces = read(index)
        except Exception:
            continue
        readable = True
        if pieces:
            return pieces
    return [] if readable else None


def line_pieces(text: str, first: int = 1) -> list[Piece]:
    """Non-blank lines as (line, 第N行), numbered from `first`."""
    lines = [line for line in text.split("\n") if line.strip()]
    return [(line, f"第{n}行") for n, line in enumerate(lines, start=first)]


def _plumber_reader(plumber: pdfplumber.PDF) -> PageReader:
    def read(index: int) -> list[Piece]:
        if index >= len(plumber.pages):
            return []
        page = plumber.pages[index]
        try:
            return _plumber_pieces(page)
        finally:
            page.close()

    return read


def _plumber_pieces(page) -> list[Piece]:
    """Lines outside tables as 第N行 and table cells as 表格T 第R行「列名」列, in top-to-bottom order."""
    tables = [t for t in page.find_tables() if len(t.rows) > 1]
    if not tables:
        return line_pieces(_normalise(page.extract_text() or ""))
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    blocks: list[tuple[float, list[Piece]]] = []
    line_no = 0
    for line in page.filter(outside).extract_text_lines():
        text = _normalise(line["text"])
        if text.strip():
            line_no += 1
            blocks.append((line["top"], [(text, f"第{line_no}行")]))
    for number, table in enumerate(sorted(tables, key=lambda t: t.bbox[1]), start=1):
        blocks.append((table.bbox[1], table_pieces(table.extract(), number)))
    return [piece for _, pieces in sorted(blocks, key=lambda b: b[0]) for piece in pieces]


def table_pieces(rows: list[list[str | None]], number: int) -> list[Piece]:
    """Cells of one table; the first row names the columns when every cell is a short label."""
    cells = [[_unwrap(_normalise(c or "").strip()) for c in row] for row in rows]
    header = cells[0] if cells else []
    named = bool(header) and all(0 < len(c) <= MAX_HEADER_CHARS and "\n" not in c for c in header)
    pieces = []
    for r, row in enumerate(cells, start=1):
        for c, text in enumerate(row):
            if text:
                column = f"「{header[c]}」列" if named and c < len(header) else f" 第{c + 1}列"
                pieces.append((text, f"表格{number} 第{r}行{column}"))
    return pieces


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


# A line break inside a PDF table cell between two CJK characters is the cell's soft wrap (度\n数 -> 度数):
# Chinese has no spaces, so keeping it would split words for every rule.
_SOFT_WRAP = re.compile(r"(?<=[\u4e00-\u9fff，。、；：！？（）“”])\n(?=[\u4e00-\u9fff，。、；：！？（）“”])")


def _unwrap(text: str) -> str:
    return _SOFT_WRAP.sub("", text)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
