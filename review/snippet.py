"""A quote cut out of a document's text with a little context on each side (for reports and pages)."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 30
TIDY_CHARS = 12  # how far a cut may move to land after a punctuation mark instead of inside a word
_BREAKS = frozenset(" \t　，。！？；：、,.!?;:]）)】」』")


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
    lo = _tidy_start(text, max(line_lo, start - width), start, line_lo)
    hi = _tidy_end(text, min(line_hi, end + width), end, line_hi)
    return Snippet(text[lo:start], text[start:end], text[end:hi], lo > line_lo, hi < line_hi)


def _tidy_start(text: str, lo: int, start: int, line_lo: int) -> int:
    """Move a cut start forward to just after the last punctuation mark nearby (…01:00] 主播 -> 主播)."""
    if lo == line_lo:
        return lo
    marks = [i for i in range(lo, min(start, lo + TIDY_CHARS)) if text[i] in _BREAKS]
    return marks[-1] + 1 if marks else lo


def _tidy_end(text: str, hi: int, end: int, line_hi: int) -> int:
    """Move a cut end back to just after a nearby punctuation mark."""
    if hi == line_hi:
        return hi
    for i in range(hi - 1, max(end, hi - TIDY_CHARS) - 1, -1):
        if text[i] in _BREAKS:
            return i + 1
    return hi
