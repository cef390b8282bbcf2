"""Test session set-up: state (jieba cache, later the database) goes to a temporary REVIEW_HOME."""

from __future__ import annotations

import os
import tempfile


def pytest_configure(config) -> None:
    """Point REVIEW_HOME at a fresh temporary folder so tests never touch ./data."""
    os.environ["REVIEW_HOME"] = tempfile.mkdtemp(prefix="review-home-")
    # onnxruntime (OCR) writes a device id under $XDG_CACHE_HOME (else ~/.cache) on first use
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="review-cache-")
