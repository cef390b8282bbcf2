"""Images: accepted when the bytes really are an image; their text waits for OCR."""

from __future__ import annotations

from .segments import Extraction, SegmentBuilder

IMAGE_NOTE = "图片文件需要 OCR 识别（证据识别功能上线后支持）"


def read_image() -> Extraction:
    """An empty, OCR-needing extraction (the caller has already checked the magic bytes)."""
    return Extraction(fmt="image", builder=SegmentBuilder(), needs_ocr=True, notes=[IMAGE_NOTE])
