"""A throw-away PostgreSQL cluster for tests, from Debian's server binaries (skipped when they are missing).

initdb refuses to run as root, so as root the cluster runs as the `postgres` system user (created by
Debian's package), else `nobody`, through `runuser`. Data, socket and log live in one temporary folder;
the server listens on a free loopback port with durability switched off (it is thrown away).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def server_bin() -> Path | None:
    """The newest /usr/lib/postgresql/<n>/bin holding initdb and pg_ctl, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    for initdb in reversed(found):
        folder = Path(initdb).parent
        if (folder / "pg_ctl").is_file():
            return folder
    return None


def _run_as() -> list[str]:
    """Command prefix that drops root privileges (empty when not root)."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as another user")
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return [runuser, "-u", user, "--"]
    pytest.skip("no unprivileged user to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a cluster and yield the SQLAlchemy URL of its `postgres` database (user `review`, trust auth)."""
    bindir = server_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin)")
    prefix = _run_as()
    root = Path(tempfile.mkdtemp(prefix="review-pg-"))
    if prefix:
        owner = pwd.getpwnam(prefix[2])
        os.chown(root, owner.pw_uid, owner.pw_gid)
    data, port = root / "data", _free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "review", "--auth=trust", "-E", "UTF8",
                    "--no-instructions", "--no-sync"], check=True, capture_output=True, env=env, cwd=root)
    options = (f"-p {port} -h 127.0.0.1 -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
               f"-c max_connections=120")
    started = subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                              str(root / "server.log"), "-w", "-t", "60", "start"], capture_output=True, env=env,
                             cwd=root)
    try:
        if started.returncode != 0:
            log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr.decode(errors='replace')}\n{log}")
        yield f"postgresql+psycopg://review@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, env=env, cwd=root)
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """Create an empty database on the cluster and return its URL."""
    import psycopg

    name = "review_" + uuid.uuid4().hex[:12]
    dsn = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
