"""Code checks that set the script's and hand card's claims against the evidence (rules EV-X-*).

Each check reports one group of cross-check outcomes (review.evidence.crosscheck): a finding for every
outcome that needs action, and a row in the claims–evidence table (bundle.claims) for every claim of
its group. The cross-check runs once per bundle; the checks only split its result.
"""

from __future__ import annotations

from ..bundle import Bundle, make_finding
from ..checklist import Rule
from ..evidence.crosscheck import CITATION, HEALTH_FOOD, PATENT, QUANTITY, TRADEMARK, Outcome, cross_check
from ..model import Finding
from . import register

_ROWS_KEY = "evidence.rows_added"


def _report(group: str, rule: Rule, bundle: Bundle) -> list[Finding]:
    """Findings of one group's outcomes; its claims-table rows are added once per bundle."""
    docs = {d.name: d for d in bundle.documents}
    allowed = {d.name for d in bundle.documents_for(rule)}
    outcomes = [o for o in cross_check(bundle) if o.group == group and o.claim.document in allowed]
    added: set[str] = bundle.cache.setdefault(_ROWS_KEY, set())  # type: ignore[assignment]
    if group not in added:
        added.add(group)
        bundle.claims.extend(o.to_claim() for o in outcomes)
        order = {d.name: i for i, d in enumerate(bundle.documents)}
        bundle.claims.sort(key=lambda c: (order.get(c.document, len(order)), c.start if c.start is not None else -1))
    findings = []
    for o in outcomes:
        if o.severity is not None:
            finding = _finding(rule, o, docs)
            if finding is not None:
                findings.append(finding)
    return findings


def _finding(rule: Rule, o: Outcome, docs: dict) -> Finding | None:
    if o.target is not None:
        doc = docs.get(o.target.document)
        if doc is None:
            return None
        return make_finding(rule, doc, o.target.start, o.target.end, message=f"{rule.message}：{o.message}",
                            severity=o.severity, location=o.target.location or None)
    doc = docs.get(o.claim.document)
    if doc is None:
        return None
    return make_finding(rule, doc, o.claim.start, o.claim.end, message=f"{rule.message}：{o.message}",
                        severity=o.severity)


@register("evidence_quantities")
def check_quantities(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Contents, rates, SPF/PA, zero claims, grades and sizes against the test reports' result rows."""
    return _report(QUANTITY, rule, bundle)


@register("evidence_citations")
def check_citations(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Cited reports and certifications; the report's sample and the licence holder against what is sold."""
    return _report(CITATION, rule, bundle)


@register("evidence_health_food")
def check_health_food(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Health-food functions and approval numbers against the registration certificate or filing."""
    return _report(HEALTH_FOOD, rule, bundle)


@register("evidence_trademarks")
def check_trademarks(rule: Rule, bundle: Bundle) -> list[Finding]:
    """® marks against trademark registration certificates (mark, class, validity)."""
    return _report(TRADEMARK, rule, bundle)


@register("evidence_patents")
def check_patents(rule: Rule, bundle: Bundle) -> list[Finding]:
    """Patent numbers against patent certificates (number, type, term, patentee)."""
    return _report(PATENT, rule, bundle)
