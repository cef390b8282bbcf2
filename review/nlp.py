"""Chinese text analysis: a silent spaCy + jieba pipeline and an Aho-Corasick term matcher.

Terms are matched by characters (pyahocorasick) because spaCy's PhraseMatcher silently misses
terms that jieba does not split out (低价 inside 最低价). Tokens and sentences from spaCy are
used only for context decisions.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import ahocorasick

PROJECT_ROOT = Path(__file__).resolve().parent.parent
USER_DICT = PROJECT_ROOT / "checklists" / "userdict.txt"
SENTENCE_END = "。！？!?；;…\n"
_SENT_RE = re.compile(r"[^。！？!?；;…\n]*(?:[。！？!?；;…]+|\n|$)")

_lock = threading.Lock()
_nlp = None


def data_dir() -> Path:
    """The project's writable data folder (REVIEW_HOME, default ./data)."""
    path = Path(os.environ.get("REVIEW_HOME", PROJECT_ROOT / "data"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _init_jieba() -> None:
    """Silence jieba, keep its cache in the data folder and load the domain user dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(data_dir() / "cache")
    Path(jieba.dt.tmp_dir).mkdir(parents=True, exist_ok=True)
    jieba.initialize()
    if USER_DICT.exists():
        jieba.load_userdict(str(USER_DICT))


def get_nlp():
    """The process-wide spaCy pipeline (blank zh with the jieba segmenter), built once."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _init_jieba()
                import spacy

                nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
                _nlp = nlp
    return _nlp


@dataclass
class Analysis:
    """Lazily computed tokens of one text; token offsets are character offsets into the text."""

    text: str

    @cached_property
    def token_spans(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of every jieba token, whitespace tokens included."""
        doc = get_nlp()(self.text)
        return [(t.idx, t.idx + len(t.text)) for t in doc]

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.token_spans]

    @cached_property
    def _boundaries(self) -> set[int]:
        bounds = {0, len(self.text)}
        for s, e in self.token_spans:
            bounds.add(s)
            bounds.add(e)
        return bounds

    def on_boundaries(self, start: int, end: int) -> bool:
        """True when both ends of the span fall on token boundaries."""
        return start in self._boundaries and end in self._boundaries

    def prev_token(self, start: int) -> str:
        """Text of the non-blank token that ends at or before `start` (empty at the beginning)."""
        i = bisect.bisect_left(self._starts, start) - 1
        while i >= 0:
            s, e = self.token_spans[i]
            tok = self.text[s:e]
            if tok.strip():
                return tok
            i -= 1
        return ""

    def next_token(self, end: int) -> str:
        """Text of the first non-blank token that starts at or after `end`."""
        i = bisect.bisect_left(self._starts, end)
        while i < len(self.token_spans):
            s, e = self.token_spans[i]
            tok = self.text[s:e]
            if tok.strip():
                return tok
            i += 1
        return ""


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the line(s) holding text[start:end]."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, (len(text) if hi == -1 else hi)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence holding the span: cut at 。！？；… and line ends."""
    lo = start
    while lo > 0 and text[lo - 1] not in SENTENCE_END:
        lo -= 1
    hi = end
    while hi < len(text) and text[hi] not in SENTENCE_END:
        hi += 1
    if hi < len(text) and text[hi] != "\n":
        hi += 1
    return lo, hi


class TermMatcher:
    """Aho-Corasick matcher over many literal terms, each mapped to one or more keys (rule ids)."""

    def __init__(self, terms: dict[str, list[str]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for term, keys in terms.items():
            self._automaton.add_word(term, (term, tuple(keys)))
        self._empty = not terms
        if not self._empty:
            self._automaton.make_automaton()

    def iter(self, text: str):
        """Yield (start, end, term, keys) for every occurrence, overlapping ones included."""
        if self._empty:
            return
        for end_idx, (term, keys) in self._automaton.iter(text):
            yield end_idx - len(term) + 1, end_idx + 1, term, keys
