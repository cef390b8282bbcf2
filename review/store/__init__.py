"""Persistence: SQLAlchemy models, engine and sessions, Alembic migrations, blob storage, audit chain.

Nothing here knows about permissions or the workflow; `review.workflow` builds on it.
"""

from .blobs import BlobError, BlobStore
from .db import Database, database_url, make_engine, open_database, review_home

__all__ = ["BlobError", "BlobStore", "Database", "database_url", "make_engine", "open_database", "review_home"]
