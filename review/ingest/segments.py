"""Build a document's text from located pieces: the one place that computes segment offsets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from review.model import Segment


@dataclass
class Extraction:
    """What a format reader returns: located text plus facts the classifier and notes need."""

    fmt: str
    builder: SegmentBuilder
    needs_ocr: bool = False
    notes: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)


class SegmentBuilder:
    """Accumulates (text, location) pieces; the text is the pieces joined by newlines.

    Each piece loses its trailing whitespace; blank pieces are dropped, so segments never overlap,
    stay in order and `text[start:end]` is exactly the piece.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def add(self, text: str, location: str) -> bool:
        """Append one piece; returns False when it was blank and therefore skipped."""
        piece = text.rstrip()
        if not piece.strip():
            return False
        start = self._length + (1 if self._parts else 0)
        self._parts.append(piece)
        self._segments.append(Segment(start, start + len(piece), location))
        self._length = start + len(piece)
        return True

    def extend(self, pieces: Iterable[tuple[str, str]]) -> None:
        """Append several (text, location) pieces."""
        for text, location in pieces:
            self.add(text, location)

    @property
    def text(self) -> str:
        """The document text built so far."""
        return "\n".join(self._parts)

    @property
    def segments(self) -> list[Segment]:
        """A copy of the segments built so far."""
        return list(self._segments)

    def __len__(self) -> int:
        return len(self._segments)
