"""What the corpus generators share: writing the documents out and a hand-card PDF with a ruled table."""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable, Sequence
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "tests" / "corpus"


def write_corpus(all_documents: Callable[[], dict[str, bytes]], description: str,
                 argv: list[str] | None = None, default_out: Path = CORPUS_DIR) -> int:
    """The generators' command line: write every document to --out (default tests/corpus/)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=default_out, help="输出目录")
    args = parser.parse_args(argv)
    for name, data in all_documents().items():
        path = args.out / name  # a name may hold a folder (a case of several files)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{name}: {len(data)} 字节")
    return 0


def build_table_pdf(font_path: Path, before: list[str], rows: list[list[str]], after: list[str], *,
                    col_widths: Sequence[float], **page: float) -> bytes:
    """A one-page hand-card PDF: title and paragraphs, a ruled table (read cell by cell), notes after it.
    `page` passes margins (leftMargin=…) to the page template; the output is byte-stable."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(font_path), subfontIndex=0))
    style = ParagraphStyle("cjk", fontName="WQY", fontSize=10, leading=15, wordWrap="CJK")
    title = ParagraphStyle("cjk-title", parent=style, fontSize=15, leading=22)
    cell = ParagraphStyle("cjk-cell", parent=style, fontSize=9, leading=13)
    table = Table([[Paragraph(c, cell) for c in row] for row in rows], colWidths=list(col_widths))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph(before[0], title), *(Paragraph(t, style) for t in before[1:]), table,
             *(Paragraph(t, style) for t in after)]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="手卡", author="运营部", **page)
    doc.build(story)
    return buf.getvalue()
