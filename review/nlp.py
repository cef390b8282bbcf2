"""Chinese text analysis: a silent spaCy + jieba pipeline and an Aho-Corasick term matcher.

Terms are matched by characters (pyahocorasick) because spaCy's PhraseMatcher silently misses
terms that jieba does not split out (低价 inside 最低价). Tokens and sentences from spaCy are
used only for context decisions.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

import ahocorasick

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHECKLIST_DIR = PROJECT_ROOT / "checklists"
SENTENCE_END = "。！？!?；;…\n"

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
    for path in user_dicts():
        jieba.load_userdict(str(path))


def user_dicts() -> list[Path]:
    """Every jieba user dictionary of the checklists folder (userdict.txt, userdict_<topic>.txt)."""
    return sorted(CHECKLIST_DIR.glob("userdict*.txt"))


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


# jieba cuts text into blocks of these characters and segments each block on its own, so the
# tokens of a block are the same whether it is segmented alone or inside the whole document.
_BLOCK_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")


class Analysis:
    """Tokens of one text, segmented lazily block by block around the offsets a rule asks about.

    Token texts and boundaries equal those of the spaCy pipeline (same jieba segmenter), but only
    the blocks next to a hit are segmented, so a rule with token conditions stays fast on long texts.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._blocks: dict[int, list[tuple[int, int]]] = {}

    def _block_start(self, offset: int) -> int:
        if not _BLOCK_CHAR.match(self.text, offset):
            return offset
        i = offset
        while i > 0 and _BLOCK_CHAR.match(self.text, i - 1):
            i -= 1
        return i

    def _tokens_of_block(self, start: int) -> list[tuple[int, int]]:
        """(start, end) of the tokens of the block beginning at `start` (one token per other char)."""
        if start not in self._blocks:
            end = start
            while end < len(self.text) and _BLOCK_CHAR.match(self.text, end):
                end += 1
            if end == start:  # punctuation or space: a token of its own
                self._blocks[start] = [(start, start + 1)]
            else:
                seg = get_nlp().tokenizer.jieba_seg
                spans, pos = [], start
                for word in seg.cut(self.text[start:end], cut_all=False):
                    spans.append((pos, pos + len(word)))
                    pos += len(word)
                self._blocks[start] = spans
        return self._blocks[start]

    def token_at(self, offset: int) -> tuple[int, int] | None:
        """Span of the token that contains `offset` (None past the end)."""
        if not 0 <= offset < len(self.text):
            return None
        for s, e in self._tokens_of_block(self._block_start(offset)):
            if s <= offset < e:
                return s, e
        return None

    def on_boundaries(self, start: int, end: int) -> bool:
        """True when both ends of the span fall on token boundaries."""
        return all(self._is_boundary(i) for i in (start, end))

    def _is_boundary(self, offset: int) -> bool:
        if offset <= 0 or offset >= len(self.text):
            return True
        tok = self.token_at(offset)
        return tok is not None and tok[0] == offset

    def prev_token(self, start: int) -> str:
        """Text of the non-blank token that ends at or before `start` (empty at the beginning)."""
        i = start
        if i < len(self.text) and (tok := self.token_at(i)) and tok[0] < i:
            i = tok[0]  # the hit starts inside a token: the one before that token
        while i > 0:
            tok = self.token_at(i - 1)
            if tok is None:
                return ""
            word = self.text[tok[0]:tok[1]]
            if word.strip():
                return word
            i = tok[0]
        return ""

    def next_token(self, end: int) -> str:
        """Text of the first non-blank token that starts at or after `end`."""
        i = end
        if 0 < i < len(self.text) and (tok := self.token_at(i - 1)) and tok[1] > i:
            i = tok[1]  # the hit ends inside a token: the one after that token
        while i < len(self.text):
            tok = self.token_at(i)
            if tok is None:
                return ""
            word = self.text[tok[0]:tok[1]]
            if word.strip():
                return word
            i = tok[1]
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
