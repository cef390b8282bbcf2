"""Safe Markdown rendering of user text: escaping, context snippets and highlighted quotes.

User text (file names, extracted text, locations) is never rendered as HTML. It goes through
`escape_markdown`, which backslash-escapes every ASCII punctuation character (CommonMark allows
that for all of them) and flattens line breaks, so Markdown, Streamlit directives (`:red[...]`),
math (`$...$`), emoji short codes and raw HTML all show literally.
"""

from __future__ import annotations

import re
import string

from review.model import Severity
from review.snippet import Snippet, context_snippet

_PUNCT = frozenset(string.punctuation)
# Line breaks and other separators that would end a Markdown line or block.
_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")
_ELLIPSIS = "…"

SEVERITY_COLORS: dict[Severity, str] = {
    Severity.HIGH: "red",
    Severity.MEDIUM: "orange",
    Severity.LOW: "blue",
}


def escape_markdown(text: str) -> str:
    """Escape `text` so that st.markdown shows it literally, on one line."""
    flat = _BREAKS.sub(" ", text)
    return "".join("\\" + ch if ch in _PUNCT else ch for ch in flat)


def highlight_markdown(snippet: Snippet, color: str = "red") -> str:
    """Markdown of the snippet with the hit on a coloured background and all user text escaped."""
    before = (_ELLIPSIS if snippet.cut_before else "") + escape_markdown(snippet.before)
    after = escape_markdown(snippet.after) + (_ELLIPSIS if snippet.cut_after else "")
    hit = escape_markdown(snippet.hit)
    marked = f":{color}-background[**{hit}**]" if hit.strip() else hit
    return f"{before}{marked}{after}"


def quote_in_context(text: str | None, start: int | None, end: int | None, quote: str) -> str:
    """Highlighted quote in its surrounding text; falls back to the bare quote when offsets don't fit."""
    if text is not None and start is not None and end is not None and text[start:end] == quote and quote:
        return highlight_markdown(context_snippet(text, start, end))
    if quote:
        return highlight_markdown(Snippet("", quote, "", False, False))
    return ""


def severity_badge(severity: Severity, label: str) -> str:
    """Streamlit badge Markdown for a severity (the label is ours, but escaped anyway)."""
    return f":{SEVERITY_COLORS[severity]}-badge[{escape_markdown(label)}]"
