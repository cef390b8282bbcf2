"""A submission being checked: its readable documents, product categories and broadcast date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .checklist import Rule
from .model import Claim, DocKind, Document, Finding, ProductCategory
from .nlp import Analysis

# Document kinds whose text is promotional content (script, hand card, unclassified text).
CONTENT_KINDS = frozenset({DocKind.SCRIPT, DocKind.HAND_CARD, DocKind.OTHER})


@dataclass
class Bundle:
    """Everything a rule or code check may look at."""

    documents: list[Document]
    products: frozenset[ProductCategory]
    broadcast_date: dt.date
    claims: list[Claim] = field(default_factory=list)  # filled by evidence checks (claims–evidence table)
    cache: dict[str, object] = field(default_factory=dict, repr=False)  # per-bundle memo for code checks
    _analyses: dict[str, Analysis] = field(default_factory=dict, repr=False)

    def analysis(self, doc: Document) -> Analysis:
        """Token analysis of a document, computed once and only when a rule needs it."""
        if doc.name not in self._analyses:
            self._analyses[doc.name] = Analysis(doc.text)
        return self._analyses[doc.name]

    def documents_for(self, rule: Rule) -> list[Document]:
        """Documents whose kind the rule applies to."""
        return [d for d in self.documents if d.kind in rule.applies_to and d.text]


def make_finding(rule: Rule, doc: Document, start: int | None = None, end: int | None = None, *,
                 message: str | None = None, severity=None, location: str | None = None) -> Finding:
    """A finding of `rule` quoting doc.text[start:end] (document-level when start is None)."""
    if start is None or end is None:
        text, loc = "", location or "全文"
    else:
        text, loc = doc.text[start:end], location or doc.location_at(start)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.severity,
        document=doc.name,
        text=text,
        start=start,
        end=end,
        location=loc,
        message=message or rule.message,
        clause=rule.clause,
        law=rule.law,
        suggestion=rule.suggestion,
    )
