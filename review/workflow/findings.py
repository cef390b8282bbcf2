"""Stable finding keys and matching findings across versions (by rule, quote and document, not offsets)."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Protocol


class FindingLike(Protocol):
    """What matching needs of a finding."""

    rule: str
    document: str
    text: str


def _identity(f: FindingLike, document: str | None = None) -> tuple[str, str, str]:
    return (f.rule, f.document if document is None else document, f.text)


def finding_keys(findings: Sequence[FindingLike]) -> list[str]:
    """One key per finding: 'F' + 10 hex digits of SHA-256(rule, document, quote, n-th occurrence).

    The same problem quoted the same way in the same document gets the same key in every version,
    so a reviewer can refer to it (`--waive F1a2b3c4d5e=理由`) and diffs can follow it.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for f in findings:
        ident = _identity(f)
        n = seen[ident]
        seen[ident] += 1
        raw = "\x1f".join((*ident, str(n))).encode("utf-8")
        keys.append("F" + hashlib.sha256(raw).hexdigest()[:10])
    return keys


def match_findings(old: Sequence[FindingLike], new: Sequence[FindingLike],
                   document_map: dict[str, str] | None = None) -> tuple[list[int], list[tuple[int, int]], list[int]]:
    """Indices of (fixed old findings, (old, new) pairs still open, new findings).

    `document_map` renames old document names to new ones (a document renamed between versions).
    Identical (rule, document, quote) findings are paired in order of appearance.
    """
    doc_map = document_map or {}
    pool: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(old):
        pool[_identity(f, doc_map.get(f.document, f.document))].append(i)
    pairs, added = [], []
    for j, f in enumerate(new):
        bucket = pool.get(_identity(f))
        if bucket:
            pairs.append((bucket.pop(0), j))
        else:
            added.append(j)
    fixed = sorted(i for bucket in pool.values() for i in bucket)
    return fixed, pairs, added


def pair_documents(old: Iterable[tuple[str, str]], new: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Old name -> new name for (name, kind) pairs: same name first, else the only unmatched one of a kind."""
    old, new = list(old), list(new)
    new_names = {n for n, _k in new}
    mapping = {n: n for n, _k in old if n in new_names}
    rest_old = [(n, k) for n, k in old if n not in mapping]
    rest_new = [(n, k) for n, k in new if n not in mapping.values()]
    for kind in {k for _n, k in rest_old}:
        olds = [n for n, k in rest_old if k == kind]
        news = [n for n, k in rest_new if k == kind]
        if len(olds) == 1 and len(news) == 1:
            mapping[olds[0]] = news[0]
    return mapping
