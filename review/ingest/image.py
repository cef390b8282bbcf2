"""Images (.png, .jpg …): decoded safely, then read by OCR into located lines (第N行（x …, y …）)."""

from __future__ import annotations

from . import ocr
from .segments import Extraction, SegmentBuilder

NO_TEXT_NOTE = "图片中没有识别出文字（可能过于模糊、倾斜或不含文字），请人工核对"


def read_image(name: str, data: bytes, progress: ocr.Progress | None = None) -> Extraction:
    """OCR an image (the caller has already checked the magic bytes); IngestError when it is corrupt or huge.

    When OCR cannot run or finds nothing, the extraction is empty and `needs_ocr` stays True.
    """
    image = ocr.open_image(name, data)
    builder = SegmentBuilder()
    clock = ocr.Stopwatch()
    try:
        boxes = ocr.recognise(image)
    except ocr.OcrUnavailable as exc:
        return Extraction(fmt="image", builder=builder, needs_ocr=True, notes=[f"图片需要 OCR 识别：{exc.reason}"])
    if progress:
        progress(1, 1)
    builder.extend(ocr.pieces(boxes))
    notes = [ocr.timing_note(1, clock.seconds)]
    if not len(builder):
        notes.append(NO_TEXT_NOTE)
    return Extraction(fmt="image", builder=builder, needs_ocr=not len(builder), notes=notes)
