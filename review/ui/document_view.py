"""A document's text as escaped Markdown with every finding span highlighted (never raw HTML)."""

from __future__ import annotations

from review.model import Severity
from review.ui.render import SEVERITY_COLORS, escape_markdown

MAX_LINES = 400


def _spans(findings, text_len: int) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, color) spans, the more severe finding winning an overlap."""
    ranked = sorted((f for f in findings if f.start is not None and f.end is not None and f.end > f.start),
                    key=lambda f: (-Severity(f.severity).rank, f.start))
    taken: list[tuple[int, int, str]] = []
    for f in ranked:
        s, e = max(0, f.start), min(text_len, f.end)
        if all(e <= a or s >= b for a, b, _ in taken):
            taken.append((s, e, SEVERITY_COLORS[Severity(f.severity)]))
    return sorted(taken)


def highlighted_lines(text: str, findings, max_lines: int = MAX_LINES) -> tuple[list[str], int]:
    """(markdown lines, total lines): each line escaped, finding spans on a coloured background."""
    spans = _spans(findings, len(text))
    out, pos, total = [], 0, text.count("\n") + 1
    for no, line in enumerate(text.split("\n"), 1):
        start, end = pos, pos + len(line)
        pos = end + 1
        if no > max_lines:
            break
        parts, cur = [], start
        for s, e, color in spans:
            if e <= start or s >= end:
                continue
            s, e = max(s, start), min(e, end)
            parts.append(escape_markdown(text[cur:s]))
            hit = escape_markdown(text[s:e])
            parts.append(f":{color}-background[**{hit}**]" if hit.strip() else hit)
            cur = e
        parts.append(escape_markdown(text[cur:end]))
        out.append(f"`{no:>3}` " + "".join(parts))
    return out, total
