"""A quote cut out of a document's text with a little context on each side (for reports and pages)."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 30


@dataclass(frozen=True)
class Snippet:
    """The hit with up to `width` characters of the same line before and after it."""

    before: str
    hit: str
    after: str
    cut_before: bool
    cut_after: bool


def context_snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> Snippet:
    """Cut `text[start:end]` out of `text` with context that never crosses a line break."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    line_lo = text.rfind("\n", 0, start) + 1
    line_hi = text.find("\n", end)
    line_hi = len(text) if line_hi == -1 else line_hi
    lo = max(line_lo, start - width)
    hi = min(line_hi, end + width)
    return Snippet(text[lo:start], text[start:end], text[end:hi], lo > line_lo, hi < line_hi)
