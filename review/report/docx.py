"""DOCX report (python-docx, East Asian fonts set) drawing the same blocks as the PDF.

The signed JSON is stored inside the package as a custom part (`/customXml/review-report.json`), so the
file carries its own record; `verify` works on the JSON or PDF form.
"""

from __future__ import annotations

import io
import json

from .layout import TITLE, Block, blocks

EAST_ASIAN_FONT = "SimSun"
ATTACHMENT_PART = "/customXml/review-report.json"


def _set_fonts(document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = document.styles[name]
        style.font.name = "Arial"
        rpr = style.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    document.styles["Normal"].font.size = Pt(9)


def _landscape(document) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    sec = document.sections[0]
    sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Mm(12))


def _table(document, b: Block) -> None:
    table = document.add_table(rows=0, cols=len(b.rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(b.rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def render_docx(report: dict) -> bytes:
    """The report as DOCX bytes with the signed JSON embedded as a package part."""
    from docx import Document
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = Document()
    _set_fonts(document)
    _landscape(document)
    document.core_properties.title = TITLE
    for i, b in enumerate(blocks(report)):
        if b.kind == "heading":
            document.add_heading(b.text, level=0 if i == 0 else 1)
        elif b.kind == "para":
            document.add_paragraph(b.text)
        else:
            _table(document, b)
    payload = json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8")
    part = Part(PackURI(ATTACHMENT_PART), "application/json", payload, document.part.package)
    document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def attached_report_docx(data: bytes) -> dict | None:
    """The signed JSON stored in a report DOCX, or None."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        name = ATTACHMENT_PART.lstrip("/")
        if name not in z.namelist():
            return None
        return json.loads(z.read(name).decode("utf-8"))
