"""Read a test report's results table out of located segments.

Rows come from three layouts, all reduced to `GridRow`s of located cells:
- ingested tables (docx, pdf, xlsx): segments located as `…表格T 第R行「列名」列` / `工作表「S」第R行 C列`;
- OCR boxes: segments located as `第P页 第L行（x A–B, y C）`, columns matched by horizontal position;
- text lines whose cells are separated by tabs or runs of spaces.
A header row names the columns (检测项目, 标准要求, 检测结果, 单项判定, 单位); the rows below it are results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from review.model import Document

from .labels import BLANK_ROW_RE, RESULT_COLUMNS
from .model import EvidenceField, ResultRow

TABLE_LOC = re.compile(
    r"^(?P<table>.*?(?:表格\d+|工作表「[^」]*」)\s*)第(?P<row>\d+)行(?P<col>「.*」列|\s*第\d+列|\s*[A-Z]+列)?"
)
OCR_LOC = re.compile(r"^(?P<page>(?:第\d+页\s*)?)第(?P<line>\d+)行（x (?P<x0>\d+)–(?P<x1>\d+)")
CELL_SPLIT = re.compile(r"\t+|\s{2,}")
MIN_CELLS = 3


@dataclass
class Cell:
    """One located cell of a grid row."""

    start: int
    end: int
    text: str
    column: str = ""                 # column id: header name or position, "" when unknown
    x: tuple[int, int] | None = None  # horizontal extent for OCR boxes


@dataclass
class GridRow:
    """A row of cells that belong to one table (`table` key) at one location (`row` key)."""

    table: str
    row: str
    cells: list[Cell] = field(default_factory=list)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def column_role(header: str) -> str | None:
    """The results-table role of a header text (item, unit, requirement, result, verdict), or None."""
    h = _norm(header)
    h = re.sub(r"[（(].*?[)）]$", "", h) or h
    for role, words in RESULT_COLUMNS.items():
        if h in words:
            return role
    for role, words in RESULT_COLUMNS.items():
        if any(len(w) >= 3 and h.startswith(w) for w in words):
            return role
    return None


def grid_rows(doc: Document) -> list[GridRow]:
    """Every table row, OCR line and multi-cell text line of the document, in order."""
    rows: list[GridRow] = []
    index: dict[tuple[str, str], GridRow] = {}
    for seg in doc.segments:
        text = doc.text[seg.start:seg.end]
        m = TABLE_LOC.match(seg.location)
        o = OCR_LOC.match(seg.location) if not m else None
        if m:
            table, row = m.group("table").strip(), f"{m.group('table')}第{m.group('row')}行".strip()
            column = (m.group("col") or "").strip()
            cell = Cell(seg.start, seg.end, text, column)
        elif o:
            table, row = o.group("page").strip() or "OCR", f"{o.group('page')}第{o.group('line')}行".strip()
            cell = Cell(seg.start, seg.end, text, "", (int(o.group("x0")), int(o.group("x1"))))
        else:
            rows.extend(_split_line(seg.start, text, seg.location))
            continue
        key = (table, row)
        if key not in index:
            index[key] = GridRow(table, row)
            rows.append(index[key])
        index[key].cells.append(cell)
    return rows


def _split_line(start: int, text: str, location: str) -> list[GridRow]:
    """A text line split into cells at tabs or runs of spaces (only when it has enough cells)."""
    out = []
    offset = 0
    for line in text.split("\n"):
        cells, pos = [], 0
        for m in [*CELL_SPLIT.finditer(line), None]:
            end = m.start() if m else len(line)
            piece = line[pos:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                s = start + offset + pos + lead
                cells.append(Cell(s, s + len(piece.strip()), piece.strip(), str(len(cells))))
            pos = m.end() if m else pos
        if len(cells) >= MIN_CELLS:
            out.append(GridRow("lines", location, cells))
        offset += len(line) + 1
    return out


@dataclass
class _Header:
    roles: list[str | None]            # role per header cell, in order
    columns: dict[str, str]            # column id -> role
    xs: list[tuple[tuple[int, int], str | None]]  # (x extent, role or None) for OCR


def _header(row: GridRow) -> _Header | None:
    roles = [column_role(c.text) for c in row.cells]
    found = {r for r in roles if r}
    if "item" not in found or not found & {"result", "verdict"} or len(found) < 2:
        return None
    columns = {c.column: r for c, r in zip(row.cells, roles, strict=True) if r and c.column}
    xs = [(c.x, r) for c, r in zip(row.cells, roles, strict=True) if c.x]  # unnamed columns (序号) too
    return _Header(roles, columns, xs)


def _assign(row: GridRow, header: _Header) -> dict[str, Cell]:
    """Map a data row's cells to roles: by column id, by horizontal overlap (OCR), else by position."""
    out: dict[str, Cell] = {}
    if header.xs and all(c.x for c in row.cells):
        for cell in row.cells:
            role = _nearest_x(cell.x, header.xs)
            if role and role not in out:
                out[role] = cell
        return out
    if all(c.column in header.columns for c in row.cells) and row.cells[0].column:
        for cell in row.cells:
            out.setdefault(header.columns[cell.column], cell)
        return out
    if len(row.cells) == len(header.roles):
        for cell, role in zip(row.cells, header.roles, strict=True):
            if role:
                out.setdefault(role, cell)
    return out


def _nearest_x(x: tuple[int, int], xs: list[tuple[tuple[int, int], str | None]]) -> str | None:
    centre = (x[0] + x[1]) / 2
    best = min(xs, key=lambda item: abs((item[0][0] + item[0][1]) / 2 - centre))
    width = max(best[0][1] - best[0][0], x[1] - x[0], 40)
    return best[1] if abs((best[0][0] + best[0][1]) / 2 - centre) <= width * 1.5 else None


def result_rows(doc: Document, rows: list[GridRow] | None = None) -> list[ResultRow]:
    """The results-table rows of a test report (empty when it has no recognisable results table)."""
    rows = grid_rows(doc) if rows is None else rows
    out: list[ResultRow] = []
    headers: dict[str, _Header] = {}
    last: _Header | None = None
    for row in rows:
        header = _header(row)
        if header:
            headers[row.table] = last = header
            continue
        current = headers.get(row.table) or (last if row.table not in ("lines",) and _continues(row, last) else None)
        if current is None:
            continue
        cells = _assign(row, current)
        made = _result(doc, row, cells)
        if made:
            out.append(made)
    return out


def header_spans(rows: list[GridRow]) -> list[tuple[int, int]]:
    """Spans of results-table header rows (their words are column names, not field labels)."""
    return [(min(c.start for c in r.cells), max(c.end for c in r.cells)) for r in rows if _header(r)]


def _continues(row: GridRow, last: _Header | None) -> bool:
    """A table on a later page without its own header continues the previous one (same width)."""
    return last is not None and not last.xs and len(row.cells) == len(last.roles)


def _result(doc: Document, row: GridRow, cells: dict[str, Cell]) -> ResultRow | None:
    item = cells.get("item")
    if item is None or not (cells.get("result") or cells.get("verdict")):
        return None
    if BLANK_ROW_RE.search(item.text) or re.fullmatch(r"\d+", _norm(item.text)):
        return None
    values = {role: _norm_value(c.text) for role, c in cells.items()}
    spans = [c for c in row.cells]
    start, end = min(c.start for c in spans), max(c.end for c in spans)
    located = {role: EvidenceField(role, doc.text[c.start:c.end], c.start, c.end, doc.location_at(c.start))
               for role, c in cells.items()}
    return ResultRow(item=values.get("item", ""), requirement=values.get("requirement", ""),
                     result=values.get("result", ""), verdict=values.get("verdict", ""), unit=values.get("unit", ""),
                     start=start, end=end, location=row.row, cells=located)


def _norm_value(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", text).strip()
