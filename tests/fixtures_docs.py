"""Generate test documents on the fly (docx, xlsx, PDF, images, broken and hostile files).

Every helper writes to the given path and returns it, so tests can do
`load_document(str(make_docx(tmp_path / "a.docx", [...])))`. Other test modules may reuse them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

WQY_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

Rows = Sequence[Sequence[object]]
Block = str | Rows


Merge = tuple[int, int, int, int, int]


def make_docx(path: Path, blocks: Sequence[Block], *, merges: Sequence[Merge] = ()) -> Path:
    """A .docx with paragraphs (str) and tables (list of rows of cell texts) in the given order.

    `merges` holds (table_index, row1, col1, row2, col2) 0-based cell ranges merged after filling;
    the merged cell keeps only the top-left text.
    """
    import docx

    document = docx.Document()
    tables = []
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = [list(r) for r in block]
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = "" if value is None else str(value)
        tables.append(table)
    for t, r1, c1, r2, c2 in merges:
        table = tables[t]
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    table.cell(r, c).text = ""
        table.cell(r1, c1).merge(table.cell(r2, c2))
        _drop_empty_paragraphs(table.cell(r1, c1))
    document.save(str(path))
    return path


def _drop_empty_paragraphs(cell) -> None:
    """python-docx keeps the merged cells' empty paragraphs; remove them (keep at least one)."""
    paragraphs = cell.paragraphs
    for p in paragraphs[1:]:
        if not p.text:
            p._element.getparent().remove(p._element)


def make_xlsx(path: Path, sheets: dict[str, Rows], *, merges: dict[str, Sequence[str]] | None = None) -> Path:
    """A .xlsx with one worksheet per entry (rows of values; None leaves a cell empty).

    `merges` maps a sheet name to ranges such as "A1:D1".
    """
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for rng in (merges or {}).get(title, ()):
            ws.merge_cells(rng)
    wb.save(str(path))
    return path


def _cjk_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", WQY_FONT, subfontIndex=0))
    return "WQY"


def make_pdf(path: Path, pages: Sequence[Sequence[str]], *, encrypt: object = None,
             blank_pages: Sequence[int] = ()) -> Path:
    """A text PDF: one page per entry, one drawn line per string, in the wqy CJK font.

    `blank_pages` (0-based) get only a drawn rectangle, no text layer; `encrypt` is a user password (str) or a
    reportlab StandardEncryption.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _cjk_font()
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    height = A4[1]
    for index, lines in enumerate(pages):
        if index in blank_pages:
            _draw_picture(c)
        else:
            c.setFont(font, 11)
            y = height - 60
            for line in lines:
                c.drawString(50, y, line)
                y -= 16
        c.showPage()
    c.save()
    return path


def make_table_pdf(path: Path, before: Sequence[str], rows: Rows, after: Sequence[str]) -> Path:
    """A one-page PDF: paragraphs, a ruled table (grid lines, so pdfplumber finds it), paragraphs."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = _cjk_font()
    style = ParagraphStyle("cjk", fontName=font, fontSize=11, leading=16, wordWrap="CJK")
    table = Table([[str(c) for c in row] for row in rows])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph(t, style) for t in before] + [table] + [Paragraph(t, style) for t in after]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


def _draw_picture(c) -> None:
    c.setFillColorRGB(0.8, 0.2, 0.2)
    c.rect(100, 400, 300, 200, fill=1)
    c.setFillColorRGB(0.1, 0.3, 0.8)
    c.circle(250, 300, 60, fill=1)


def make_image_pdf(path: Path, pages: int = 1) -> Path:
    """A PDF whose pages only hold drawings (like a scan): no text layer at all."""
    return make_pdf(path, [[] for _ in range(pages)], blank_pages=range(pages))


def make_png(path: Path, size: tuple[int, int] = (40, 20)) -> Path:
    """A small real PNG image."""
    from PIL import Image

    Image.new("RGB", size, (200, 30, 30)).save(str(path), format="PNG")
    return path


def make_jpeg(path: Path, size: tuple[int, int] = (40, 20)) -> Path:
    """A small real JPEG image."""
    from PIL import Image

    Image.new("RGB", size, (30, 30, 200)).save(str(path), format="JPEG")
    return path


def make_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """A text file in the given encoding ('utf-8-sig' writes a BOM)."""
    path.write_bytes(text.encode(encoding))
    return path


def make_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    """A plain zip archive with the given members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    return path


def make_zip_bomb_docx(path: Path, member_mb: int = 60, *, members: int = 1) -> Path:
    """A real .docx plus `members` extra parts of `member_mb` MB of zeros each (tiny once compressed)."""
    make_docx(path, ["正常的段落"])
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(members):
            with zf.open(f"word/media/padding{i}.bin", "w", force_zip64=True) as out:
                for _ in range(member_mb):
                    out.write(chunk)
    return path


def make_many_entries_zip(path: Path, base: Path, entries: int) -> Path:
    """A copy of the docx/xlsx `base` with `entries` extra empty members."""
    data = io.BytesIO(base.read_bytes())
    with zipfile.ZipFile(data, "a") as zf:
        for i in range(entries):
            zf.writestr(f"customXml/x{i}.xml", b"")
    path.write_bytes(data.getvalue())
    return path


def make_ole_file(path: Path, stream_names: Sequence[str] = ("EncryptionInfo", "EncryptedPackage")) -> Path:
    """Bytes that look like an OLE compound file (as written for a password-protected .docx/.xlsx).

    Only the signature and the UTF-16 directory names matter to the ingest sniffing.
    """
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = b"".join(n.encode("utf-16-le") + b"\x00\x00" for n in stream_names)
    path.write_bytes(header + names + b"\x00" * 1024)
    return path
