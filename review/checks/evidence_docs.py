"""Evidence documents checked on their own: identifiers, validity on the broadcast date, test-report quality.

Each registered check reports one problem family of review.evidence.validate as findings of category
`evidence` on the evidence document, quoting the bad field (or document-level when no field applies).
"""

from __future__ import annotations

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..evidence import validate as V
from ..evidence.records import unread_documents, with_documents
from ..model import Document, Finding
from . import register

CACHE_KEY = "evidence.problems"


def evidence_problems(bundle: Bundle) -> list[tuple[Document, V.Problem]]:
    """Every validation problem of the bundle's evidence documents (computed once per bundle)."""
    cached = bundle.cache.get(CACHE_KEY)
    if cached is None:
        cached = [(doc, V.unreadable(doc)) for doc in unread_documents(bundle)]
        for doc, record in with_documents(bundle):
            try:
                problems = V.validate(record, doc, bundle.broadcast_date)
            except Exception:  # bad content never stops the check run
                problems = []
            cached.extend((doc, p) for p in problems)
        bundle.cache[CACHE_KEY] = cached
    return cached  # type: ignore[return-value]


def _findings(check: str, rule: Rule, bundle: Bundle) -> list[Finding]:
    out = []
    for doc, problem in evidence_problems(bundle):
        if problem.check != check or doc.kind not in rule.applies_to:
            continue
        f = problem.field
        located = f is not None and 0 <= f.start < f.end and doc.text[f.start:f.end] == f.value
        start, end = (f.start, f.end) if located else (None, None)
        location = f.location if located else None
        out.append(make_finding(rule, doc, start, end, message=f"{rule.message}：{problem.message}",
                                severity=problem.severity, location=location))
    return out


def _register(check: str) -> None:
    def run(rule: Rule, bundle: Bundle) -> list[Finding]:
        return _findings(check, rule, bundle)

    run.__name__ = f"check_{check}"
    run.__doc__ = f"Findings of the evidence validation family `{check}`."
    register(check)(run)


for _check in (V.IDENTIFIER, V.EXPIRY, V.REPORT_AGE, V.REPORT_CMA, V.REPORT_FAILED, V.REPORT_INTEGRITY, V.UNREAD):
    _register(_check)
