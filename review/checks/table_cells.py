"""Where a span stands in a table: its cell, the column header and the other cells of its row.

Ingest writes one line per table cell and locates it as `…第N行「header」列` (docx, xlsx and pdf
alike). Checks use this to read a value together with its label: a 年龄 column, a 收货地址 header,
or the label cell of a two-column key–value table (项目 | 内容).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

from ..bundle import Bundle
from ..model import Document, cell_ref


@dataclass(frozen=True)
class Cell:
    """One table cell of a document's text."""

    table: str
    row: int
    header: str
    start: int
    end: int
    text: str


class TableIndex:
    """The table cells of one document, looked up by character offset."""

    def __init__(self, doc: Document) -> None:
        self._cells: list[Cell] = []
        for seg in doc.segments:
            ref = cell_ref(seg.location)
            if ref and ref.header:
                self._cells.append(Cell(ref.table, ref.row, ref.header, seg.start, seg.end,
                                        doc.text[seg.start:seg.end]))
        self._starts = [c.start for c in self._cells]
        self._rows: dict[tuple[str, int], list[Cell]] = defaultdict(list)
        self._tables: dict[str, list[Cell]] = defaultdict(list)
        for cell in self._cells:
            self._rows[(cell.table, cell.row)].append(cell)
            self._tables[cell.table].append(cell)

    def cell_at(self, offset: int) -> Cell | None:
        """The cell holding `offset`, or None outside tables."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._cells[i].start <= offset <= self._cells[i].end:
            return self._cells[i]
        return None

    def row(self, cell: Cell) -> list[Cell]:
        """Every cell of the row of `cell`, itself included."""
        return self._rows[(cell.table, cell.row)]

    def table(self, cell: Cell) -> list[Cell]:
        """Every cell of the table of `cell`."""
        return self._tables[cell.table]

    def is_key_value(self, cell: Cell) -> bool:
        """True for a two-column table of labels and values (the whole table describes one thing)."""
        return max(len(self._rows[(cell.table, c.row)]) for c in self._tables[cell.table]) <= 2

    def cells(self) -> list[Cell]:
        """Every cell in document order."""
        return list(self._cells)

    def labels(self, cell: Cell) -> str:
        """The column header of `cell` and the text of the other cells of its row."""
        others = [c.text for c in self.row(cell) if c is not cell]
        return " ".join([cell.header, *others])

    def label_of(self, cell: Cell) -> str:
        """What names the value in `cell`: its column header, plus the label cell in a key–value table."""
        if self.is_key_value(cell):
            return self.labels(cell)
        return cell.header


def table_index(bundle: Bundle, doc: Document) -> TableIndex:
    """The table index of a document, built once per bundle."""
    key = f"table_cells:{doc.name}"
    if key not in bundle.cache:
        bundle.cache[key] = TableIndex(doc)
    return bundle.cache[key]  # type: ignore[return-value]
