"""Resource limits: upload size and zip-bomb checks, applied before any parser sees the bytes."""

from __future__ import annotations

import logging
import os
import zipfile

from review.model import IngestError

ENV_MAX_UPLOAD_MB = "REVIEW_MAX_UPLOAD_MB"
FALLBACK_MAX_MB = 50

MAX_ZIP_ENTRIES = 5_000
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
ZIP_RATIO_MIN_MEMBER_BYTES = 5 * 1024 * 1024

log = logging.getLogger(__name__)


def default_max_bytes() -> int:
    """The upload limit in bytes: REVIEW_MAX_UPLOAD_MB when set to a positive number, else 50 MB."""
    raw = os.environ.get(ENV_MAX_UPLOAD_MB, "").strip()
    if raw:
        try:
            mb = float(raw)
        except ValueError:
            mb = 0.0
        if mb > 0:
            return int(mb * 1024 * 1024)
        log.warning("ignoring %s=%r: not a positive number", ENV_MAX_UPLOAD_MB, raw)
    return FALLBACK_MAX_MB * 1024 * 1024


def human_size(n: int) -> str:
    """'50 MB', '1.5 MB', '20 KB' or '300 B' for a limit shown to users."""
    if n >= 1024 * 1024:
        mb = n / (1024 * 1024)
        return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"
    if n >= 1024:
        return f"{n // 1024} KB"
    return f"{n} B"


def check_size(name: str, size: int, max_bytes: int) -> None:
    """Reject empty and oversized files."""
    if size == 0:
        raise IngestError(name, "文件为空")
    if size > max_bytes:
        raise IngestError(name, f"文件超过 {human_size(max_bytes)} 上限")


def check_zip(name: str, zf: zipfile.ZipFile) -> None:
    """Reject archives whose declared contents are abnormally many, large or compressed."""
    infos = zf.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise IngestError(name, f"压缩包内文件数量异常（{len(infos)} 个，疑似 zip 炸弹）")
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size >= ZIP_RATIO_MIN_MEMBER_BYTES
        if big and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise IngestError(name, "压缩包解压后体积异常（疑似 zip 炸弹）")
    if total > MAX_ZIP_TOTAL_BYTES:
        raise IngestError(name, "压缩包解压后体积异常（疑似 zip 炸弹）")
