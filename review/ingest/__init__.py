"""Ingest layer: turn an uploaded or local file into a located-text `Document`.

`load_document` sniffs the real format from the bytes, applies the size and zip-bomb limits,
extracts text with a human location per segment and judges the document kind. Every unreadable
input raises `IngestError` with a short Chinese reason; no other exception escapes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from review.model import Document, IngestError

from .classify import classify
from .guard import check_size, check_zip, default_max_bytes
from .ocr import Progress
from .quiet import silence_libraries
from .segments import Extraction
from .sniff import IMAGE_KINDS, KIND_LABELS, ole_flavour, open_zip, sniff, zip_flavour

__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "Progress", "load_document"]

TEXT_SUFFIXES = (".txt", ".md")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp")
SUPPORTED_SUFFIXES: tuple[str, ...] = (*TEXT_SUFFIXES, ".docx", ".xlsx", ".csv", ".pdf", *IMAGE_SUFFIXES)
DEFAULT_MAX_BYTES: int = default_max_bytes()

NO_TEXT = "文档中没有可审核的文字"
_OLD_OFFICE = {
    ".doc": "这是旧版 Word（.doc）文件，请用 Word/WPS 另存为 .docx 后再上传",
    ".xls": "这是旧版 Excel（.xls）文件，请用 Excel/WPS 另存为 .xlsx 后再上传",
    ".ppt": "不支持 PowerPoint 文件，请把内容导出为 .docx 或 .pdf",
    ".pptx": "不支持 PowerPoint 文件，请把内容导出为 .docx 或 .pdf",
    ".wps": "不支持 WPS 文字（.wps）文件，请另存为 .docx 后再上传",
    ".et": "不支持 WPS 表格（.et）文件，请另存为 .xlsx 后再上传",
}
_OLE_REASONS = {
    "encrypted": "文件已加密（设置了打开密码），请提供未加密版本",
    "doc": "内容是旧版 Word（.doc）文件，请另存为 .docx 后再上传",
    "xls": "内容是旧版 Excel（.xls）文件，请另存为 .xlsx 后再上传",
    "ppt": "内容是 PowerPoint 文件，不支持",
    "ole": "文件已加密或为旧版 Office 格式，请提供未加密的 .docx/.xlsx",
}
_FORMAT_NAMES = {".docx": "Word 文档", ".xlsx": "Excel 表格", ".pdf": "PDF 文档"}

silence_libraries()


def load_document(name: str, data: bytes | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  progress: Progress | None = None) -> Document:
    """Read `name` (or the uploaded `data` under that name) into a Document.

    Images and PDF pages without a text layer are read by OCR; `progress(done, total)` is called after
    each OCR page (for a progress bar). Raises IngestError with a short Chinese reason for every file
    that cannot be read.
    """
    try:
        if data is None:
            data = _read_file(name, max_bytes)
        check_size(name, len(data), max_bytes)
        extraction = _extract(name, data, progress)
    except IngestError:
        raise
    except MemoryError as exc:
        raise IngestError(name, "文件过大或过于复杂，内存不足，无法解析") from exc
    except RecursionError as exc:
        raise IngestError(name, "文件结构嵌套过深，无法解析") from exc
    except Exception as exc:  # last line of defence: a parser bug must not become a traceback
        raise IngestError(name, f"无法解析文件（{type(exc).__name__}）") from exc
    return _document(name, data, extraction)


def _read_file(name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing files, folders and oversized files before reading."""
    path = Path(name)
    try:
        if path.is_dir():
            raise IngestError(name, "这是一个文件夹，不是文件")
        size = path.stat().st_size
        check_size(name, size, max_bytes)
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise IngestError(name, "文件不存在") from exc
    except PermissionError as exc:
        raise IngestError(name, "没有读取该文件的权限") from exc
    except OSError as exc:
        raise IngestError(name, f"无法读取文件（{exc.strerror or type(exc).__name__}）") from exc


def _extract(name: str, data: bytes, progress: Progress | None = None) -> Extraction:
    """Dispatch on the extension, after checking the bytes really are that format."""
    suffix = PurePath(name).suffix.lower()
    if suffix in _OLD_OFFICE:
        raise IngestError(name, _OLD_OFFICE[suffix])
    if suffix not in SUPPORTED_SUFFIXES:
        supported = " ".join(SUPPORTED_SUFFIXES)
        if not suffix:
            raise IngestError(name, f"不支持的文件类型（文件没有扩展名；支持：{supported}）")
        raise IngestError(name, f"不支持的文件类型 {suffix}（支持：{supported}）")
    kind = sniff(data)
    if suffix in TEXT_SUFFIXES or suffix == ".csv":
        return _read_textual(name, data, suffix, kind)
    if suffix in IMAGE_SUFFIXES:
        if kind not in IMAGE_KINDS:
            raise _mislabelled(name, data, suffix, kind, "图片")
        from .image import read_image

        return read_image(name, data, progress)
    if suffix == ".pdf":
        if kind != "pdf":
            raise _mislabelled(name, data, suffix, kind, "PDF 文档")
        from .pdf import read_pdf

        return read_pdf(name, data, progress)
    return _read_office(name, data, suffix, kind)


def _read_textual(name: str, data: bytes, suffix: str, kind: str) -> Extraction:
    if kind not in ("text", "html"):
        raise _mislabelled(name, data, suffix, kind, "文本文件")
    if suffix == ".csv":
        from .csvfile import read_csv

        return _require_text(name, read_csv(name, data))
    from .plaintext import read_text

    return _require_text(name, read_text(name, data))


def _read_office(name: str, data: bytes, suffix: str, kind: str) -> Extraction:
    """A .docx or .xlsx: an OOXML zip, checked for bombs and for the right flavour first."""
    if kind == "ole":
        raise IngestError(name, _OLE_REASONS[ole_flavour(data)])
    if kind != "zip":
        raise _mislabelled(name, data, suffix, kind, _FORMAT_NAMES[suffix])
    try:
        with open_zip(data) as zf:
            check_zip(name, zf)
            flavour = zip_flavour(zf)
    except IngestError:
        raise
    except Exception as exc:  # BadZipFile, truncated central directory, bad offsets
        raise IngestError(name, f"文件已损坏，无法解析为 {_FORMAT_NAMES[suffix]}") from exc
    if flavour != suffix.lstrip("."):
        raise _mislabelled(name, data, suffix, flavour, _FORMAT_NAMES[suffix])
    if suffix == ".docx":
        from .word import read_docx

        return _require_text(name, read_docx(name, data), images=_has_media(data, "word/media/"))
    from .excel import read_xlsx

    return _require_text(name, read_xlsx(name, data))


def _has_media(data: bytes, prefix: str) -> bool:
    with open_zip(data) as zf:
        return any(n.startswith(prefix) for n in zf.namelist())


def _require_text(name: str, extraction: Extraction, *, images: bool = False) -> Extraction:
    if not len(extraction.builder):
        raise IngestError(name, NO_TEXT + ("（只有图片，需要 OCR 识别）" if images else ""))
    return extraction


def _mislabelled(name: str, data: bytes, suffix: str, kind: str, expected: str) -> IngestError:
    """The error for bytes that are not what the extension says."""
    if kind == "binary":
        if suffix in _FORMAT_NAMES:
            return IngestError(name, f"文件已损坏，无法解析为 {expected}")
        return IngestError(name, f"文件内容无法识别，不是有效的{expected}")
    label = KIND_LABELS[_refine(data, kind)]
    gap = " " if label[:1].isascii() else ""
    return IngestError(name, f"扩展名为 {suffix}，但内容是{gap}{label}")


def _refine(data: bytes, kind: str) -> str:
    """Tell which Office format a zip holds, for clearer messages (falls back to `kind`)."""
    if kind != "zip":
        return kind
    try:
        with open_zip(data) as zf:
            check_zip("", zf)
            return zip_flavour(zf)
    except Exception:
        return kind


def _document(name: str, data: bytes, extraction: Extraction) -> Document:
    builder = extraction.builder
    text = builder.text
    return Document(
        name=name,
        text=text,
        segments=builder.segments,
        kind=classify(text, name, extraction.headers),
        sha256=hashlib.sha256(data).hexdigest(),
        fmt=extraction.fmt,
        needs_ocr=extraction.needs_ocr,
        notes=list(extraction.notes),
    )
