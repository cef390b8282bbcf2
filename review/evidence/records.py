"""Evidence records of a submission, extracted once per bundle and shared by every check that needs them.

The cache key and value (a list of EvidenceRecord, documents without text skipped) are the same as
review.evidence.crosscheck's, so whichever check runs first extracts and the other reuses the result.

    from review.evidence.records import evidence_records, with_documents
    for doc, record in with_documents(bundle): ...
"""

from __future__ import annotations

from review.bundle import Bundle
from review.model import Document

from .extract import EVIDENCE_KINDS, extract
from .model import EvidenceRecord

CACHE_KEY = "evidence.records"


def evidence_records(bundle: Bundle) -> list[EvidenceRecord]:
    """The records of the bundle's evidence documents that have text (test reports, licences, certificates)."""
    if CACHE_KEY not in bundle.cache:
        records = []
        for doc in bundle.documents:
            if doc.kind in EVIDENCE_KINDS and doc.text:
                try:
                    record = extract(doc)
                except Exception:  # a parsing bug must never stop the other checks
                    record = None
                if record is not None:
                    records.append(record)
        bundle.cache[CACHE_KEY] = records
    return bundle.cache[CACHE_KEY]  # type: ignore[return-value]


def with_documents(bundle: Bundle) -> list[tuple[Document, EvidenceRecord]]:
    """Each record paired with its document."""
    by_name = {d.name: d for d in bundle.documents}
    return [(by_name[r.document], r) for r in evidence_records(bundle) if r.document in by_name]


def unread_documents(bundle: Bundle) -> list[Document]:
    """Evidence documents with no text at all (a scan OCR could not read)."""
    return [d for d in bundle.documents if d.kind in EVIDENCE_KINDS and not d.text.strip()]
