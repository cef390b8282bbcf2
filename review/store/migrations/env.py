"""Alembic environment: always run online on the connection handed over by review.store.migrate."""

from __future__ import annotations

from alembic import context

from review.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through review.store.migrate.upgrade_head(engine)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
