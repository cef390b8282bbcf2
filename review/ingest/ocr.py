"""OCR of images and scanned PDF pages with rapidocr (its wheel carries the models; nothing is downloaded).

The engine is loaded once per process on first use and shared by all threads (calls are serialised).
Text boxes are grouped into visual lines; every box becomes one located piece
`第P页 第L行（x A–B, y C）`, so a field label and its value printed apart stay two neighbouring pieces.
Identifiers that OCR commonly misreads (O for 0 inside a credit code or licence number) are repaired
only where the repair is certain (the check character verifies, or the format allows digits only).

Environment: REVIEW_OCR=0 switches OCR off (files are then only flagged `needs_ocr`);
REVIEW_OCR_MAX_PAGES (default 30) limits the scanned PDF pages read per file.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from review.model import IngestError

log = logging.getLogger(__name__)

ENV_OCR = "REVIEW_OCR"
ENV_MAX_PAGES = "REVIEW_OCR_MAX_PAGES"
DEFAULT_MAX_PAGES = 30
MAX_PIXELS = 60_000_000        # refuse images larger than this (decompression bombs, giant scans)
MAX_SIDE = 4000                # downscale longer sides before OCR (rapidocr resizes anyway)
MIN_SCORE = 0.5                # drop boxes the recogniser is unsure about
PDF_SCALE = 2.0                # render scanned PDF pages at 144 dpi

Progress = Callable[[int, int], None]

_engine = None
_engine_error: str | None = None
_engine_lock = threading.Lock()
_run_lock = threading.Lock()


class OcrUnavailable(Exception):
    """OCR cannot run here (switched off, or the engine failed to load); `reason` is Chinese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Box:
    """One recognised text box in image pixels."""

    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    score: float

    @property
    def height(self) -> int:
        """Box height in pixels."""
        return self.y1 - self.y0


def enabled() -> bool:
    """False when REVIEW_OCR is set to 0/false/no/off."""
    return os.environ.get(ENV_OCR, "1").strip().lower() not in ("0", "false", "no", "off")


def max_pages() -> int:
    """Scanned PDF pages OCR reads per file (REVIEW_OCR_MAX_PAGES, default 30)."""
    try:
        return max(1, int(os.environ.get(ENV_MAX_PAGES, DEFAULT_MAX_PAGES)))
    except ValueError:
        return DEFAULT_MAX_PAGES


def engine():
    """The process-wide rapidocr engine (loaded on first use); OcrUnavailable when it cannot load."""
    global _engine, _engine_error
    if not enabled():
        raise OcrUnavailable("OCR 已关闭（REVIEW_OCR=0）")
    with _engine_lock:
        if _engine is None and _engine_error is None:
            try:
                from rapidocr import RapidOCR

                _engine = RapidOCR(params={"Global.log_level": "warning"})
                logging.getLogger("RapidOCR").setLevel(logging.ERROR)  # "detection result is empty" on blank pages
            except Exception as exc:  # missing wheel, broken model file, onnxruntime error
                _engine_error = f"OCR 引擎无法加载（{type(exc).__name__}）"
                log.warning("rapidocr unavailable: %s", exc)
        if _engine is None:
            raise OcrUnavailable(_engine_error or "OCR 引擎无法加载")
        return _engine


def open_image(name: str, data: bytes):
    """Decode image bytes into an RGB PIL image, refusing corrupt and oversized images (IngestError)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise IngestError(name, f"图片尺寸过大（{width}×{height} 像素），请缩小到 6000 万像素以内后再上传")
        image.load()
        image = image.convert("RGB")
    except IngestError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise IngestError(name, "图片已损坏或格式不完整，无法识别") from exc
    except Image.DecompressionBombError as exc:
        raise IngestError(name, "图片尺寸过大，疑似恶意图片") from exc
    return _fit(image)


def _fit(image):
    """Downscale so that the longer side is at most MAX_SIDE pixels."""
    longest = max(image.size)
    if longest <= MAX_SIDE:
        return image
    ratio = MAX_SIDE / longest
    return image.resize((max(1, int(image.width * ratio)), max(1, int(image.height * ratio))))


def recognise(image) -> list[Box]:
    """Text boxes of a PIL image, top to bottom (OcrUnavailable when OCR cannot run)."""
    import numpy as np

    ocr = engine()
    with _run_lock:
        out = ocr(np.asarray(image))
    boxes = []
    for points, text, score in zip(out.boxes if out.boxes is not None else [], out.txts or (), out.scores or (),
                                   strict=False):
        text = str(text).strip()
        if not text or float(score) < MIN_SCORE:
            continue
        xs, ys = [int(p[0]) for p in points], [int(p[1]) for p in points]
        boxes.append(Box(fix_identifiers(text), min(xs), min(ys), max(xs), max(ys), float(score)))
    return boxes


def group_lines(boxes: list[Box]) -> list[list[Box]]:
    """Boxes grouped into visual lines (vertical centres within half a box height), each sorted left to right."""
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: ((b.y0 + b.y1) / 2, b.x0)):
        centre = (box.y0 + box.y1) / 2
        if lines:
            last = lines[-1]
            ref = sum((b.y0 + b.y1) / 2 for b in last) / len(last)
            if abs(centre - ref) <= max(6, min(box.height, min(b.height for b in last)) / 2):
                last.append(box)
                continue
        lines.append([box])
    return [sorted(line, key=lambda b: b.x0) for line in lines]


def pieces(boxes: list[Box], page: int | None = None) -> list[tuple[str, str]]:
    """(text, location) per box, located as 第P页 第L行（x A–B, y C）."""
    prefix = f"第{page}页 " if page else ""
    out = []
    for number, line in enumerate(group_lines(boxes), start=1):
        for box in line:
            out.append((box.text, f"{prefix}第{number}行（x {box.x0}–{box.x1}, y {box.y0}）"))
    return out


def timing_note(pages: int, seconds: float) -> str:
    """User note: how many pages OCR read and how long it took."""
    return f"OCR 识别 {pages} 页，用时 {seconds:.1f} 秒"


class Stopwatch:
    """Measures OCR time for the timing note."""

    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def seconds(self) -> float:
        """Seconds since start."""
        return time.perf_counter() - self.start


# --- repairing identifiers --------------------------------------------------------------------------

_CONFUSABLE_DIGITS = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "I": "1", "l": "1", "|": "1",
                                    "Z": "2", "S": "5", "B": "8"})
_USCC_CANDIDATE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")
_USCC_NOT_ALLOWED = str.maketrans({"O": "0", "I": "1", "Z": "2", "S": "5", "V": "U"})
_DIGIT_RUN_AFTER = re.compile(
    r"(?P<prefix>SC|JY|国食健注[GJ]|食健备[GJ]|国妆特(?:进)?字[GJ]|国药准字[HZSJ][CJ]?|械注[准进许]|械备|ZL\s?|CMA\s*)"
    r"(?P<run>[0-9OoIlDQZSB][0-9OoIlDQZSB\s.]{5,20}[0-9OoIlDQZSBX])"
)


def fix_identifiers(text: str) -> str:
    """Repair letters OCR put into identifiers: a credit code when the repaired code verifies, and the
    digit part after SC/JY/国食健注G/国药准字H/ZL…, which may hold digits only (same length, so spans stay)."""
    text = _USCC_CANDIDATE.sub(_repair_uscc, text)
    return _DIGIT_RUN_AFTER.sub(lambda m: m.group("prefix") + _digits_only(m.group("run")), text)


def _repair_uscc(m: re.Match[str]) -> str:
    from stdnum.cn import uscc

    raw = m.group()
    if uscc.is_valid(raw) or sum(c.isdigit() for c in raw) < 8:
        return raw
    fixed = raw[:8].translate(_CONFUSABLE_DIGITS) + raw[8:].upper().translate(_USCC_NOT_ALLOWED)
    return fixed if uscc.is_valid(fixed) else raw


def _digits_only(run: str) -> str:
    body, last = run[:-1], run[-1]
    return body.translate(_CONFUSABLE_DIGITS) + (last if last == "X" else last.translate(_CONFUSABLE_DIGITS))


def open_rendered(image):
    """A rendered PDF page as an RGB image within the OCR size limits."""
    return _fit(image.convert("RGB"))
