"""Word (.docx): paragraphs as 段落 N and table cells as 表格T 第R行「列名」列, in document order."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from lxml import etree

from review.model import IngestError

from .segments import Extraction, SegmentBuilder

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
W_P, W_TBL, W_TR, W_TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_W_T, _W_TAB, _W_BR, _W_CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_W_TXBX, _W_NBH = f"{_W}txbxContent", f"{_W}noBreakHyphen"
_SKIP = frozenset({f"{_W}pPr", f"{_W}rPr", f"{_W}tblPr", f"{_W}trPr", f"{_W}tcPr", _MC_FALLBACK})
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"})
MAX_HEADER_CHARS = 20

CORRUPT = "文件已损坏，无法解析为 Word 文档"


def read_docx(name: str, data: bytes) -> Extraction:
    """Extract located text from a .docx (the archive must already be size-checked)."""
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as exc:  # python-docx raises many kinds (KeyError, ValueError, lxml, zip)
        raise IngestError(name, CORRUPT) from exc
    builder = SegmentBuilder()
    headers: list[str] = []
    paragraph_no = table_no = 0
    for block in iter_blocks(body):
        if block.tag == W_P:
            for text in paragraph_texts(block):
                if builder.add(text, f"段落 {paragraph_no + 1}"):
                    paragraph_no += 1
        else:
            table_no += 1
            headers.extend(_add_table(builder, block, table_no))
    return Extraction(fmt="docx", builder=builder, headers=headers)


def iter_blocks(container: etree._Element) -> Iterator[etree._Element]:
    """w:p and w:tbl children in order, looking through content controls and custom XML."""
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from iter_blocks(child)


def paragraph_texts(p: etree._Element) -> list[str]:
    """The paragraph's own text, followed by the paragraphs of any text box anchored in it."""
    parts: list[str] = []
    extra: list[str] = []
    _collect(p, parts, extra)
    return ["".join(parts), *extra]


def _collect(el: etree._Element, parts: list[str], extra: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == _W_T:
            parts.append(child.text or "")
        elif tag == _W_TAB:
            parts.append("\t")
        elif tag in (_W_BR, _W_CR):
            parts.append("\n")
        elif tag == _W_NBH:
            parts.append("-")
        elif tag == _W_TXBX:
            extra.extend(_container_texts(child))
        elif tag not in _SKIP and isinstance(tag, str):
            _collect(child, parts, extra)


def _container_texts(container: etree._Element) -> list[str]:
    """All non-blank texts of a cell or text box: paragraphs and nested-table cells, in order."""
    texts: list[str] = []
    for block in iter_blocks(container):
        if block.tag == W_P:
            texts.extend(t for t in paragraph_texts(block) if t.strip())
        else:
            texts.extend(cell.text for cell in table_cells(block) if cell.text.strip())
    return texts


@dataclass
class Cell:
    """One distinct table cell at its first (top-left) grid position; row and col are 0-based."""

    row: int
    col: int
    text: str
    span: int = 1


def table_cells(tbl: etree._Element) -> list[Cell]:
    """Distinct cells row by row: a merged cell appears once, at its first row and column."""
    cells: list[Cell] = []
    seen: set[etree._Element] = set()
    roots_above: dict[int, etree._Element] = {}
    for r, tr in enumerate(_rows(tbl)):
        col = _int_attr(tr, f"{_W}trPr/{_W}gridBefore")
        roots: dict[int, etree._Element] = {}
        for tc in tr.iterchildren(W_TC):
            span = max(1, _int_attr(tc, f"{_W}tcPr/{_W}gridSpan"))
            root = roots_above.get(col, tc) if _continues_vmerge(tc) else tc
            for c in range(col, col + span):
                roots[c] = root
            if root not in seen:
                seen.add(root)
                text = "\n".join(_container_texts(root))
                cells.append(Cell(r, col, text, span))
            col += span
        roots_above = roots
    return cells


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == W_TR:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _rows(child)


def _int_attr(el: etree._Element, path: str) -> int:
    found = el.find(path)
    if found is None:
        return 0
    try:
        return int(found.get(f"{_W}val", "0"))
    except ValueError:
        return 0


def _continues_vmerge(tc: etree._Element) -> bool:
    vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue"


def _add_table(builder: SegmentBuilder, tbl: etree._Element, number: int) -> list[str]:
    """Add one top-level table's cells; returns its header names (empty when it has no header row)."""
    cells = table_cells(tbl)
    names = _header_names(cells)
    for cell in cells:
        name = names.get(cell.col)
        column = f"「{name}」列" if name else f" 第{cell.col + 1}列"
        builder.add(cell.text, f"表格{number} 第{cell.row + 1}行{column}")
    return list(dict.fromkeys(names.values()))


def _header_names(cells: list[Cell]) -> dict[int, str]:
    """Column names from the first row when it looks like a header (every cell filled and short)."""
    first = [c for c in cells if c.row == 0]
    if not first or not any(c.row > 0 for c in cells):
        return {}
    if not all(looks_like_header_text(c.text) for c in first):
        return {}
    return {k: c.text.strip() for c in first for k in range(c.col, c.col + c.span)}


def looks_like_header_text(text: str) -> bool:
    """A short one-line label such as 话术 or 商品名称."""
    value = text.strip()
    return 0 < len(value) <= MAX_HEADER_CHARS and "\n" not in value
