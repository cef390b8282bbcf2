"""PDF report: reportlab platypus with an embedded CJK font, the signed JSON attached, sealed with PAdES."""

from __future__ import annotations

import io
import json
from xml.sax.saxutils import escape

from .layout import TITLE, Block, blocks
from .toolcert import tool_cert_paths

ATTACHMENT_NAME = "review-report.json"


def render_pdf(report: dict, seal: bool = True) -> bytes:
    """The report as PDF bytes: blocks drawn, signed JSON attached, then PAdES-sealed (unless seal=False)."""
    body = _draw(blocks(report))
    data = _attach_json(body, report)
    return _seal(data) if seal else data


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    from .fonts import register_cjk_font

    font = register_cjk_font()
    base = ParagraphStyle("cjk", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    return {"para": base,
            "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=10),
            "heading": ParagraphStyle("h", parent=base, fontSize=12, leading=18, spaceBefore=8, spaceAfter=4),
            "title": ParagraphStyle("t", parent=base, fontSize=16, leading=22, alignment=1, spaceAfter=8)}


def _p(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _draw(items: list[Block]) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

    st = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=TITLE, author="live-review")
    flow = []
    for i, b in enumerate(items):
        if b.kind == "heading":
            flow.append(_p(b.text, st["title"] if i == 0 else st["heading"]))
        elif b.kind == "para":
            flow.append(_p(b.text, st["para"]))
        else:
            total = sum(b.widths) or len(b.rows[0])
            widths = [doc.width * w / total for w in (b.widths or [1] * len(b.rows[0]))]
            table = Table([[_p(c, st["cell"]) for c in row] for row in b.rows], colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF2F7")),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow += [table, Spacer(1, 4)]
    doc.build(flow)
    return buf.getvalue()


def _attach_json(pdf: bytes, report: dict) -> bytes:
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    payload = json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8")
    obj = embed.EmbeddedFileObject.from_file_data(writer, payload, mime_type="application/json")
    spec = embed.FileSpec(file_spec_string=ATTACHMENT_NAME, file_name=ATTACHMENT_NAME, embedded_data=obj,
                          description="签名的审核记录（规范 JSON 可据此重算）",
                          af_relationship=generic.NameObject("/Data"))
    embed.embed_file(writer, spec)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _seal(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.fields import SigSeedSubFilter

    key_path, cert_path = tool_cert_paths()
    signer = signers.SimpleSigner.load(str(key_path), str(cert_path))
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name="ReviewSeal"))
    meta = signers.PdfSignatureMetadata(field_name="ReviewSeal", subfilter=SigSeedSubFilter.PADES,
                                        reason="直播电商播前审核报告", location="live-review")
    out = signers.PdfSigner(meta, signer=signer).sign_pdf(writer)
    return out.getvalue()


def attached_report(pdf: bytes) -> dict | None:
    """The signed JSON attached to a report PDF, or None."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    if "/Names" not in reader.root or "/EmbeddedFiles" not in reader.root["/Names"]:
        return None
    tree = reader.root["/Names"]["/EmbeddedFiles"]
    arr = tree["/Names"] if "/Names" in tree else []  # noqa: SIM401 - .get() would not dereference
    for i in range(0, len(arr), 2):
        if str(arr[i]) == ATTACHMENT_NAME:
            data = arr[i + 1]["/EF"]["/F"].data
            return json.loads(data.decode("utf-8"))
    return None


def seal_status(pdf: bytes) -> list[str]:
    """Problems with the PDF's PAdES seal (empty when intact and covering the whole file)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(pdf))
    sigs = reader.embedded_signatures
    if not sigs:
        return ["PDF 没有签章"]
    # Integrity is what matters here; the reviewers' trust comes from the Ed25519 signatures in the record.
    ctx = ValidationContext(trust_roots=[sigs[-1].signer_cert], allow_fetching=False)
    status = validate_pdf_signature(sigs[-1], ctx)
    problems = []
    if not status.intact or not status.valid:
        problems.append("PDF 签章无效：文件在签章后被改动")
    elif status.coverage is None or status.coverage.name != "ENTIRE_FILE":
        problems.append("PDF 签章之后文件又被追加了内容")
    return problems
