"""CSV: read like a single worksheet, located as 第R行「列名」列 (R is the record number)."""

from __future__ import annotations

import csv
import io

from review.model import IngestError

from .excel import cell_location, find_header
from .plaintext import decode_text
from .segments import Extraction, SegmentBuilder


def read_csv(name: str, data: bytes) -> Extraction:
    """Extract located text from a comma-, semicolon- or tab-separated file."""
    text = decode_text(name, data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: dict[int, dict[int, str]] = {}
    try:
        for r, record in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            cells = {c: v for c, v in enumerate(record, start=1) if v.strip()}
            if cells:
                rows[r] = cells
    except csv.Error as exc:
        raise IngestError(name, "CSV 文件格式有误，无法解析") from exc
    header_row, names = find_header(rows)
    builder = SegmentBuilder()
    for r, cells in rows.items():
        row_names = names if header_row is not None and r >= header_row else {}
        for c, value in cells.items():
            builder.add(value, cell_location(r, c, row_names))
    return Extraction(fmt="csv", builder=builder, headers=list(dict.fromkeys(names.values())))
