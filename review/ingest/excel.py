"""Excel (.xlsx): every non-empty cell of every sheet, located as 工作表「名」第R行「列名」列."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import openpyxl
from openpyxl.utils import get_column_letter

from review.model import IngestError

from .segments import Extraction, SegmentBuilder

CORRUPT = "文件已损坏，无法解析为 Excel 表格"
MAX_HEADER_CHARS = 20
HEADER_SCAN_ROWS = 5
HEADER_SHARE = 0.7


def read_xlsx(name: str, data: bytes) -> Extraction:
    """Extract located text from a .xlsx (the archive must already be size-checked)."""
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, zip and XML errors
        raise IngestError(name, CORRUPT) from exc
    builder = SegmentBuilder()
    headers: list[str] = []
    try:
        for ws in wb.worksheets:
            headers.extend(_add_sheet(builder, ws))
    finally:
        wb.close()
    return Extraction(fmt="xlsx", builder=builder, headers=headers)


def _add_sheet(builder: SegmentBuilder, ws) -> list[str]:
    """Add one worksheet's cells row by row; returns the header names found."""
    rows: dict[int, dict[int, str]] = {}
    for (r, c), cell in sorted(ws._cells.items()):  # only cells that exist; avoids the empty grid
        text = format_value(cell.value, cell.number_format)
        if text.strip():
            rows.setdefault(r, {})[c] = text
    header_row, names = find_header(rows)
    if header_row is not None:
        names = _spread_merged_header(ws, header_row, names)
    prefix = f"工作表「{ws.title}」"
    for r, cells in rows.items():
        row_names = names if header_row is not None and r >= header_row else {}
        for c, text in cells.items():
            builder.add(text, f"{prefix}{cell_location(r, c, row_names)}")
    return list(dict.fromkeys(names.values()))


def cell_location(row: int, col: int, names: dict[int, str]) -> str:
    """第R行「列名」列 when the column has a header name, else 第R行 C列 (1-based row and column)."""
    name = names.get(col)
    return f"第{row}行「{name}」列" if name else f"第{row}行 {get_column_letter(col)}列"


def find_header(rows: dict[int, dict[int, str]]) -> tuple[int | None, dict[int, str]]:
    """The header row among the first non-empty rows and its column names (col -> name).

    A header row has mostly short text labels and data rows below it; a lone title row above it
    (one filled cell in a wider sheet) is skipped. `rows` maps row number -> {column: text}, in order.
    """
    width = len({c for cells in rows.values() for c in cells})
    numbers = list(rows)
    for i, r in enumerate(numbers[:HEADER_SCAN_ROWS]):
        cells = rows[r]
        if i == len(numbers) - 1:
            break  # a header needs data rows below it
        if len(cells) == 1 and width > 1:
            continue
        if looks_like_header(list(cells.values())):
            return r, {c: v.strip() for c, v in cells.items() if _is_label(v)}
        break
    return None, {}


def looks_like_header(values: Sequence[str]) -> bool:
    """True when most values are short one-line text labels (not numbers)."""
    filled = [v for v in values if v.strip()]
    if not filled:
        return False
    return sum(_is_label(v) for v in filled) >= HEADER_SHARE * len(filled)


def _is_label(value: str) -> bool:
    v = value.strip()
    if not v or len(v) > MAX_HEADER_CHARS or "\n" in v:
        return False
    try:
        float(v.replace(",", "").rstrip("%"))
    except ValueError:
        return True
    return False


def _spread_merged_header(ws, header_row: int, names: dict[int, str]) -> dict[int, str]:
    """Give every column under a merged header cell that cell's name."""
    spread = dict(names)
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= header_row <= rng.max_row and rng.min_col in names:
            for c in range(rng.min_col, rng.max_col + 1):
                spread.setdefault(c, names[rng.min_col])
    return spread


def format_value(value: object, number_format: str = "General") -> str:
    """Cell value as a person would read it: 99 not 99.0, dates as 2026-12-01, 15% for percents."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M") if value.second == 0 else value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        if "%" in (number_format or ""):
            return format_number(value * 100) + "%"
        return format_number(value)
    return str(value)


def format_number(value: float) -> str:
    """12 for 12.0, 99.9 for 99.9, without float noise such as 0.30000000000000004."""
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.12g}"
