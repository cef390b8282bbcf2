"""Run compiled checklist rules over a bundle: term/regex hits, exceptions, context suppressors,
conditional and occurrence logic, and the hand-off to code checks."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, replace

from .bundle import Bundle, make_finding
from .checklist import Checklist, Matchers, Rule, Suppressor
from .model import Document, Finding, Severity
from .nlp import TermMatcher, line_bounds, sentence_bounds
from .products import SignIndex, in_other_section, product_signs

EXCEPTION_REACH = 40  # chars either side of a hit in which an exception match may cover it


@dataclass
class Hit:
    """A candidate span for one rule, before it becomes a finding."""

    rule: Rule
    start: int
    end: int
    severity: Severity


class CompiledChecklist:
    """A checklist with one Aho-Corasick automaton over the terms of all term-matching rules."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        terms: dict[str, list[str]] = {}
        for rule in checklist.rules:
            if rule.kind in ("existence", "occurrence", "conditional"):
                for term in rule.match.terms:
                    terms.setdefault(term, []).append(rule.id)
        self.terms = TermMatcher(terms)

    def term_hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Raw term occurrences per rule id."""
        found: dict[str, list[tuple[int, int]]] = {}
        for start, end, _term, keys in self.terms.iter(text):
            for key in keys:
                found.setdefault(key, []).append((start, end))
        return found


def _raw_spans(rule: Rule, text: str, term_spans: list[tuple[int, int]] | None,
               matchers: Matchers | None = None) -> list[tuple[int, int]]:
    """Term spans (pre-computed or by substring search) plus regex spans."""
    matchers = matchers or rule.match
    if term_spans is None:
        term_spans = []
        for term in matchers.terms:
            i = text.find(term)
            while i != -1:
                term_spans.append((i, i + len(term)))
                i = text.find(term, i + 1)
    spans = list(term_spans)
    for rx in matchers.patterns:
        spans.extend(m.span() for m in rx.finditer(text) if m.end() > m.start())
    return spans


class DisjointSpans:
    """A growing set of non-overlapping spans with O(log n) overlap tests."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        """Add the span unless it overlaps one already held; True when added."""
        i = bisect.bisect_right(self._starts, start)
        if i > 0 and self._ends[i - 1] > start:
            return False
        if i < len(self._starts) and self._starts[i] < end:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def _merge_longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans collapse to the longest one (earliest on ties)."""
    held = DisjointSpans()
    chosen = [(s, e) for s, e in sorted(set(spans), key=lambda p: (-(p[1] - p[0]), p[0])) if held.add(s, e)]
    return sorted(chosen)


def _excepted(rule: Rule, text: str, start: int, end: int) -> bool:
    """True when an exception match on the same line covers the whole hit."""
    if not rule.exceptions:
        return False
    lo, hi = line_bounds(text, start, end)
    lo, hi = max(lo, start - EXCEPTION_REACH), min(hi, end + EXCEPTION_REACH)
    for rx in rule.exceptions:
        for m in rx.finditer(text, lo, hi):
            if m.start() <= start and m.end() >= end:
                return True
    return False


def _holds(sup: Suppressor, bundle: Bundle, doc: Document, start: int, end: int) -> bool:
    """True when every condition of the suppressor holds around the hit."""
    text = doc.text
    lo, hi = line_bounds(text, start, end)
    if sup.before and not sup.before.search(text[max(lo, start - sup.window):start]):
        return False
    if sup.after and not sup.after.search(text[end:min(hi, end + sup.window)]):
        return False
    if sup.sentence:
        s_lo, s_hi = sentence_bounds(text, start, end)
        if not sup.sentence.search(text[s_lo:s_hi]):
            return False
    if sup.needs_tokens:
        analysis = bundle.analysis(doc)
        if sup.prev_token and analysis.prev_token(start) not in sup.prev_token:
            return False
        if sup.next_token and analysis.next_token(end) not in sup.next_token:
            return False
    return True


def product_signs_of(bundle: Bundle, doc: Document) -> SignIndex:
    """Product signs of a document, indexed once per bundle."""
    key = f"product_signs:{doc.name}"
    if key not in bundle.cache:
        bundle.cache[key] = SignIndex(product_signs(doc.text))
    return bundle.cache[key]  # type: ignore[return-value]


def _judge(rule: Rule, bundle: Bundle, doc: Document, start: int, end: int) -> Severity | None:
    """Severity of a hit after boundaries, exceptions and suppressors; None when dropped."""
    if rule.boundary == "token" and not bundle.analysis(doc).on_boundaries(start, end):
        return None
    if _excepted(rule, doc.text, start, end):
        return None
    if rule.product_sections and in_other_section(doc.text, product_signs_of(bundle, doc), start, bundle.products,
                                                  rule.products):
        return None
    severity = rule.severity
    for sup in rule.suppressors:
        if _holds(sup, bundle, doc, start, end):
            if sup.severity is None:
                return None
            if sup.severity.rank < severity.rank:
                severity = sup.severity
    return severity


def rule_hits(rule: Rule, bundle: Bundle, doc: Document,
              term_spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    """Accepted hits of a term/regex rule in one document, longest span per overlap."""
    hits = []
    for start, end in _merge_longest(_raw_spans(rule, doc.text, term_spans)):
        severity = _judge(rule, bundle, doc, start, end)
        if severity is not None:
            hits.append(Hit(rule, start, end, severity))
    return hits


def _precomputed(raw: dict[str, dict[str, list]], doc: Document, rule: Rule) -> list[tuple[int, int]] | None:
    """Term spans found by the shared automaton, or None to search this rule's terms directly."""
    return raw.get(doc.name, {}).get(rule.id, []) if raw else None


def _contains(matchers: Matchers, text: str) -> bool:
    return any(t in text for t in matchers.terms) or any(rx.search(text) for rx in matchers.patterns)


def run_conditional(rule: Rule, bundle: Bundle, raw: dict[str, dict[str, list]]) -> list[Finding]:
    """If the trigger appears, the required text must appear in some content document."""
    docs = bundle.documents_for(rule)
    for doc in docs:
        hits = rule_hits(rule, bundle, doc, _precomputed(raw, doc, rule))
        if not hits:
            continue
        if any(_contains(rule.then, d.text) for d in docs):
            return []
        first = hits[0]
        trigger = doc.text[first.start:first.end]
        where = doc.location_at(first.start)
        message = f"{rule.message}（触发词「{trigger}」，位于{where or '文中'}）"
        return [make_finding(rule, doc, message=message)]
    return []


def run_occurrence(rule: Rule, bundle: Bundle, raw: dict[str, dict[str, list]]) -> list[Finding]:
    """One finding per document that uses the term more than `max` times."""
    findings = []
    for doc in bundle.documents_for(rule):
        hits = rule_hits(rule, bundle, doc, _precomputed(raw, doc, rule))
        if len(hits) > rule.max:
            extra = hits[rule.max]
            message = f"{rule.message}（本文档出现 {len(hits)} 次）"
            findings.append(make_finding(rule, doc, extra.start, extra.end, message=message, severity=extra.severity))
    return findings


def run_existence(rule: Rule, bundle: Bundle, raw: dict[str, dict[str, list]]) -> list[Finding]:
    """A finding for every accepted hit."""
    findings = []
    for doc in bundle.documents_for(rule):
        spans = _precomputed(raw, doc, rule)
        hits = rule_hits(rule, bundle, doc, spans)
        if rule.once_per_document and len(hits) > 1:
            first = max(hits, key=lambda h: (h.severity.rank, -h.start))
            more = f"（本文件共 {len(hits)} 处同类表述，只列出第一处；修改时请一并处理）"
            findings.append(make_finding(rule, doc, first.start, first.end, severity=first.severity,
                                         message=rule.message + more))
            continue
        for hit in hits:
            findings.append(make_finding(rule, doc, hit.start, hit.end, severity=hit.severity))
    return findings


def run_rule(rule: Rule, bundle: Bundle, raw: dict[str, dict[str, list]] | None = None) -> list[Finding]:
    """Findings of one rule. `raw` holds pre-computed term spans per document and rule id."""
    if not rule.applies(bundle.products):
        return []
    if rule.kind == "code":
        from .checks import get_check

        return get_check(rule.check)(rule, bundle)
    runner = {"existence": run_existence, "conditional": run_conditional, "occurrence": run_occurrence}[rule.kind]
    return runner(rule, bundle, raw or {})


def _merge_cluster(cluster: list[Finding]) -> Finding:
    """The most severe, then longest, finding of overlapping ones, widened to their union on one line."""
    best = max(cluster, key=lambda f: (f.severity.rank, (f.end or 0) - (f.start or 0), -(f.start or 0)))
    start, end = min(f.start for f in cluster), max(f.end for f in cluster)
    chars = [""] * (end - start)
    for f in cluster:
        chars[f.start - start:f.end - start] = list(f.text)
    text = "".join(chars)
    if "\n" in text or (start, end) == (best.start, best.end):
        return best
    return replace(best, start=start, end=end, text=text)


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per overlapping group of one category in one document (see `_merge_cluster`);
    document-level findings once per rule and document."""
    kept: list[Finding] = []
    doc_level: set[tuple[str, str]] = set()
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.start is None or f.end is None:
            if (f.rule, f.document) not in doc_level:
                doc_level.add((f.rule, f.document))
                kept.append(f)
        else:
            groups[(f.document, str(f.category))].append(f)
    for group in groups.values():
        group.sort(key=lambda f: (f.start, f.end))
        cluster: list[Finding] = []
        reach = -1
        for f in group:
            if cluster and f.start >= reach:
                kept.append(_merge_cluster(cluster))
                cluster = []
            cluster.append(f)
            reach = max(reach, f.end) if len(cluster) > 1 else f.end
        if cluster:
            kept.append(_merge_cluster(cluster))
    return kept


def run_checklist(compiled: CompiledChecklist, bundle: Bundle) -> list[Finding]:
    """All findings of all rules in scope, de-duplicated."""
    raw = {doc.name: compiled.term_hits(doc.text) for doc in bundle.documents}
    findings: list[Finding] = []
    for rule in compiled.checklist.rules:
        findings.extend(run_rule(rule, bundle, raw))
    return dedupe(findings)
