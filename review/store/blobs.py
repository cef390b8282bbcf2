"""Content-addressed storage of uploaded files under REVIEW_HOME/blobs/<aa>/<sha256>.

A blob is written before the database transaction that references it commits (temp file, fsync,
atomic rename), so a committed row never points at a missing file. A transaction that fails after
writing leaves at most an unreferenced blob: invisible to the application (rows are the source of
truth) and removed by `collect_garbage`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path


class BlobError(Exception):
    """A blob is missing or its content no longer matches its SHA-256."""


class BlobStore:
    """Files addressed by the SHA-256 of their bytes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        """Where the blob with this hash lives (whether or not it exists)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise BlobError(f"不是有效的 SHA-256：{sha256!r}")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store `data` (idempotent) and return its SHA-256."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if target.exists() and target.stat().st_size == len(data):
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def get(self, sha256: str) -> bytes:
        """The stored bytes, checked against their hash."""
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise BlobError(f"存储的文件缺失：{sha256}") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise BlobError(f"存储的文件已被改动，哈希不符：{sha256}")
        return data

    def exists(self, sha256: str) -> bool:
        """Whether a blob with this hash is stored."""
        return self.path(sha256).is_file()

    def all_hashes(self) -> Iterable[str]:
        """Hashes of every stored blob."""
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if sub.is_dir():
                for f in sub.iterdir():
                    if len(f.name) == 64 and not f.name.startswith("."):
                        yield f.name

    def collect_garbage(self, referenced: set[str], min_age_s: float = 3600.0) -> list[str]:
        """Delete blobs no row references that are older than `min_age_s` (so in-flight uploads survive)."""
        removed, now = [], time.time()
        for sha in list(self.all_hashes()):
            p = self.path(sha)
            if sha not in referenced and now - p.stat().st_mtime >= min_age_s:
                p.unlink(missing_ok=True)
                removed.append(sha)
        return removed
