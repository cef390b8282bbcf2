"""Evidence records of a submission, extracted once per bundle and shared by every check that needs them.

    from review.evidence.records import evidence_records
    for doc, record in evidence_records(bundle): ...
"""

from __future__ import annotations

from review.bundle import Bundle
from review.model import Document

from .extract import EVIDENCE_KINDS, extract
from .model import EvidenceRecord

CACHE_KEY = "evidence.records"


def evidence_records(bundle: Bundle) -> list[tuple[Document, EvidenceRecord]]:
    """(document, record) for every evidence document of the bundle (test reports, licences, certificates)."""
    cached = bundle.cache.get(CACHE_KEY)
    if cached is None:
        cached = []
        for doc in bundle.documents:
            if doc.kind in EVIDENCE_KINDS:
                try:
                    record = extract(doc)
                except Exception:  # a parsing bug must never stop the other checks
                    record = None
                if record is not None:
                    cached.append((doc, record))
        bundle.cache[CACHE_KEY] = cached
    return cached  # type: ignore[return-value]
