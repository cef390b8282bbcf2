"""The signed review report: canonical record, Ed25519 signatures, JSON/PDF/DOCX rendering, verification."""
