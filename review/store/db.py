"""Engine, sessions and start-up migrations.

The database is a SQLite file under REVIEW_HOME unless REVIEW_DB_URL names another SQLAlchemy URL
(e.g. ``postgresql+psycopg://user@127.0.0.1:5432/review``). SQLite runs in WAL mode with a busy timeout,
and write transactions start with ``BEGIN IMMEDIATE`` so concurrent writers queue instead of failing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_MS = 30_000
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def review_home() -> Path:
    """REVIEW_HOME (default ./data), created if missing."""
    home = Path(os.environ.get("REVIEW_HOME") or "data").resolve()
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_url() -> str:
    """REVIEW_DB_URL, else the SQLite file REVIEW_HOME/review.sqlite3."""
    return os.environ.get("REVIEW_DB_URL") or f"sqlite:///{review_home() / 'review.sqlite3'}"


def _sqlite_setup(engine: Engine) -> None:
    """WAL, busy timeout, foreign keys; explicit BEGIN so writes can take the lock up front."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # let the "begin" hook below emit BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: database_url()), with backend-specific settings."""
    url = url or database_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False})
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (`alembic upgrade head`), once per URL and process."""
    key = engine.url.render_as_string(hide_password=False)
    with _migrate_lock:
        if key in _migrated:
            return
        from .migrate import upgrade_head

        upgrade_head(engine)
        _migrated.add(key)


class Database:
    """An engine plus session factories: `read()` for queries, `write()` for one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql' (or another SQLAlchemy backend name)."""
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back entirely on any exception."""
        with self._sessions() as session:
            if self.dialect == "sqlite":
                session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end)."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def ping(self) -> None:
        """Raise if the database cannot be reached."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))


def open_database(url: str | None = None) -> Database:
    """Engine for `url` (default from the environment), migrated to the newest schema."""
    engine = make_engine(url)
    migrate(engine)
    return Database(engine)
