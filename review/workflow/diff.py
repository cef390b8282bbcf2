"""Line diffs of a document's extracted text between two versions (difflib)."""

from __future__ import annotations

import difflib

from .views import DiffLine, DocumentDiff


def text_diff(old_text: str, new_text: str, old_name: str, new_name: str,
              context: int = 3) -> tuple[str, list[DiffLine]]:
    """A unified diff (text) and the full line-by-line diff (for side-by-side or inline display)."""
    a, b = old_text.splitlines(), new_text.splitlines()
    unified = "\n".join(difflib.unified_diff(a, b, fromfile=old_name, tofile=new_name, lineterm="", n=context))
    lines: list[DiffLine] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            lines.extend(DiffLine("equal", i1 + k + 1, j1 + k + 1, a[i1 + k]) for k in range(i2 - i1))
            continue
        lines.extend(DiffLine("delete", i + 1, None, a[i]) for i in range(i1, i2))
        lines.extend(DiffLine("insert", None, j + 1, b[j]) for j in range(j1, j2))
    return unified, lines


def document_diffs(old_docs: dict[str, str], new_docs: dict[str, str], mapping: dict[str, str]) -> list[DocumentDiff]:
    """Per document: changed / unchanged / added / removed, in the new version's order, removed last.

    `old_docs` and `new_docs` map names to texts; `mapping` pairs old names with new ones.
    """
    reverse = {new: old for old, new in mapping.items()}
    out = []
    for name, text in new_docs.items():
        old_name = reverse.get(name)
        old_text = old_docs.get(old_name, "") if old_name else ""
        unified, lines = text_diff(old_text, text, old_name or "/dev/null", name)
        status = "added" if old_name is None else "unchanged" if old_text == text else "changed"
        out.append(DocumentDiff(name=name, old_name=old_name, status=status, unified=unified, lines=lines))
    for name, text in old_docs.items():
        if name not in mapping:
            unified, lines = text_diff(text, "", name, "/dev/null")
            out.append(DocumentDiff(name=name, old_name=name, status="removed", unified=unified, lines=lines))
    return out
