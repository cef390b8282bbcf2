"""Check one submission: ingest every file, run the checklist and the code checks, build a Report.

This is the library entry point: `review.check(paths, broadcast_date=None) -> Report`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

from . import __version__
from .bundle import CONTENT_KINDS, Bundle
from .checklist import CHECKLIST_DIR, Checklist, ChecklistError, Rule, load_checklist
from .ingest import load_document
from .localtime import local_today
from .matcher import CompiledChecklist, run_checklist, run_rule
from .model import (
    DocKind,
    Document,
    DocumentInfo,
    Finding,
    IngestError,
    ProductCategory,
    Report,
    RuleSet,
    Segment,
)
from .products import detect_products

TOOL_NAME = "live-review"
_DATE_LABEL = re.compile(r"(?:直播|开播|播出)(?:日期|时间)\s*[:：]?\s*")
_DATE_VALUE = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})")

_compiled: dict[str, CompiledChecklist] = {}
_lock = threading.Lock()


def run_rule_on_text(rule: Rule, text: str) -> list[Finding]:
    """Findings of a single rule on `text` taken as a script (used to run the rules' own examples)."""
    kind = DocKind.SCRIPT if DocKind.SCRIPT in rule.applies_to else min(rule.applies_to, key=list(DocKind).index)
    doc = _text_document("示例", text, kind)
    bundle = Bundle([doc], rule.example_products, broadcast_date_from([doc]) or local_today())
    return [f for f in run_rule(rule, bundle) if f.rule == rule.id]


def example_failures(checklist: Checklist) -> list[str]:
    """Every example that does not behave, as messages naming file and rule."""
    problems = []
    for rule in checklist.rules:
        where = f"规则文件 {rule.source}，规则 {rule.id}"
        for text in rule.examples_hit:
            if not run_rule_on_text(rule, text):
                problems.append(f"{where}：hit 示例没有命中：「{text}」")
        for text in rule.examples_ok:
            found = run_rule_on_text(rule, text)
            if found:
                quoted = "、".join(f"「{f.text or '文档级'}」" for f in found)
                problems.append(f"{where}：ok 示例被误报 {quoted}：「{text}」")
    return problems


def verified_checklist(folder: Path = CHECKLIST_DIR) -> CompiledChecklist:
    """The checklist, validated including its examples, compiled once per version and process."""
    checklist = load_checklist(folder)
    with _lock:
        if checklist.version not in _compiled:
            problems = example_failures(checklist)
            if problems:
                raise ChecklistError("\n".join(problems))
            _compiled[checklist.version] = CompiledChecklist(checklist)
        return _compiled[checklist.version]


def _text_document(name: str, text: str, kind) -> Document:
    """An in-memory document with one location per line (for examples and check_text)."""
    segments, pos = [], 0
    for i, line in enumerate(text.split("\n"), 1):
        segments.append(Segment(pos, pos + len(line), f"第{i}行"))
        pos += len(line) + 1
    return Document(name=name, text=text, segments=segments, kind=kind, sha256="", fmt="txt")


def broadcast_date_from(docs: Iterable[Document]) -> dt.date | None:
    """The broadcast date written in a script or hand card (直播日期/开播时间), if any."""
    for doc in docs:
        for label in _DATE_LABEL.finditer(doc.text):
            m = _DATE_VALUE.match(doc.text, label.end())
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    continue
    return None


def rule_sets(checklist: Checklist, products: frozenset[ProductCategory]) -> list[RuleSet]:
    """Per checklist file: how many rules ran and how many product scope switched off."""
    out = []
    for source, title in checklist.topics.items():
        rules = [r for r in checklist.rules if r.source == source]
        skipped = [r for r in rules if not r.applies(products)]
        scoped = sorted({str(p) for r in skipped for p in r.products}, key=[str(p) for p in ProductCategory].index)
        out.append(RuleSet(topic=PurePath(source).stem, title=title, ran=len(rules) - len(skipped),
                           skipped=len(skipped), skipped_products=scoped))
    return out


def _info(doc: Document) -> DocumentInfo:
    return DocumentInfo(document=doc.name, sha256=doc.sha256, kind=doc.kind, chars=len(doc.text),
                        needs_ocr=doc.needs_ocr, notes=list(doc.notes))


def _error_info(name: str, data: bytes | None, reason: str) -> DocumentInfo:
    sha = hashlib.sha256(data).hexdigest() if data is not None else None
    return DocumentInfo(document=name, sha256=sha, kind=DocKind.OTHER, chars=0, error=reason)


def check_documents(docs: list[Document], infos: list[DocumentInfo], *, broadcast_date: dt.date | None = None,
                    products: Iterable[ProductCategory] | None = None) -> Report:
    """Run the verified checklist over already ingested documents."""
    compiled = verified_checklist()
    content = [d for d in docs if d.kind in CONTENT_KINDS]
    date = broadcast_date or broadcast_date_from(content) or local_today()
    chosen = frozenset({ProductCategory.GENERAL, *products}) if products else detect_products(d.text for d in content)
    bundle = Bundle(docs, chosen, date)
    order = {d.name: i for i, d in enumerate(docs)}
    findings = sorted(run_checklist(compiled, bundle),
                      key=lambda f: (order.get(f.document, 0), f.start if f.start is not None else -1, f.rule))
    return Report(tool_name=TOOL_NAME, version=__version__, checklist_version=compiled.checklist.version,
                  broadcast_date=date, documents=infos, findings=findings,
                  products=sorted(chosen, key=list(ProductCategory).index), claims=list(bundle.claims),
                  rule_sets=rule_sets(compiled.checklist, chosen))


FileProgress = Callable[[str, int, int], None]  # (file name, OCR pages done, OCR pages in the file)


def check_uploads(files: list[tuple[str, bytes | None]], broadcast_date: dt.date | None = None,
                  products: Iterable[ProductCategory] | None = None,
                  progress: FileProgress | None = None) -> tuple[Report, dict[str, Document]]:
    """Check (name, bytes) pairs as one submission; bytes None means read the file at `name`.

    Unreadable files are reported in Report.documents with their error; the rest are checked.
    `progress(name, done, total)` is called when a file starts (0, 0) and after each OCR page.
    """
    docs, infos = [], []
    for name, data in _unique_names(files):
        if progress:
            progress(name, 0, 0)
        try:
            pages = (lambda done, total, n=name: progress(n, done, total)) if progress else None
            doc = load_document(name, data, progress=pages)
        except IngestError as exc:
            if data is None:
                try:
                    data = Path(name).read_bytes()
                except OSError:
                    data = None
            infos.append(_error_info(name, data, exc.reason))
            continue
        docs.append(doc)
        infos.append(_info(doc))
    report = check_documents(docs, infos, broadcast_date=broadcast_date, products=products)
    return report, {d.name: d for d in docs}


def _unique_names(files: list[tuple[str, bytes | None]]) -> list[tuple[str, bytes | None]]:
    """Number repeated names (a.txt, a (2).txt) so every document is reported on its own."""
    seen: dict[str, int] = {}
    out = []
    for name, data in files:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1 and data is not None:  # uploads only: a path on disk must stay readable
            path = PurePath(name)
            name = str(path.with_name(f"{path.stem} ({seen[name]}){path.suffix}"))
        out.append((name, data))
    return out


def check(paths: Iterable[str | Path], broadcast_date: dt.date | None = None,
          products: Iterable[ProductCategory] | None = None) -> Report:
    """Check files on disk as one submission (a script, its hand card and its evidence)."""
    report, _docs = check_uploads([(str(p), None) for p in paths], broadcast_date, products)
    return report


def check_text(text: str, products: Iterable[ProductCategory] | None = None,
               broadcast_date: dt.date | None = None) -> list[Finding]:
    """Findings for a plain script text (one location per line); handy for tests and the REPL."""
    doc = _text_document("文本", text, DocKind.SCRIPT)
    return check_documents([doc], [_info(doc)], broadcast_date=broadcast_date, products=products).findings
