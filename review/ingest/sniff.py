"""Recognise what a file really is from its first bytes, never from its extension."""

from __future__ import annotations

import io
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
IMAGE_KINDS = frozenset({"png", "jpeg", "bmp", "tiff", "webp", "gif"})

# Human names of sniffed kinds, used in "扩展名为 .x，但内容是 …" messages.
KIND_LABELS: dict[str, str] = {
    "pdf": "PDF 文档",
    "zip": "ZIP 压缩包",
    "docx": "Word 文档（.docx）",
    "xlsx": "Excel 表格（.xlsx）",
    "pptx": "PowerPoint 演示文稿（.pptx）",
    "odf": "OpenDocument 文档（.odt/.ods）",
    "ole": "旧版 Office 文件或加密的 Office 文件",
    "png": "PNG 图片",
    "jpeg": "JPEG 图片",
    "bmp": "BMP 图片",
    "tiff": "TIFF 图片",
    "webp": "WebP 图片",
    "gif": "GIF 图片",
    "html": "HTML 网页",
    "rtf": "RTF 富文本",
    "exe": "可执行程序",
    "gzip": "GZIP 压缩包",
    "rar": "RAR 压缩包",
    "7z": "7z 压缩包",
    "text": "纯文本",
    "binary": "无法识别的二进制数据",
}

_PREFIXES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (OLE_MAGIC, "ole"),
    (b"{\\rtf", "rtf"),
    (b"MZ", "exe"),
    (b"\x7fELF", "exe"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<script", b"<title")
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(data: bytes) -> str:
    """A coarse kind for `data`: a key of KIND_LABELS (zip files are not opened here)."""
    head = data[:16]
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(ZIP_MAGICS):
        return "zip"
    for prefix, kind in _PREFIXES:
        if head.startswith(prefix):
            return kind
    if head.startswith(b"BM") and len(data) > 26 and data[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if _looks_like_html(data[:2048]):
        return "html"
    return "text" if _looks_like_text(data[:8192]) else "binary"


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<?xml"):
        return b"<html" in start
    return start.startswith(_HTML_MARKERS)


def _looks_like_text(head: bytes) -> bool:
    if head.startswith(_TEXT_BOMS[1:]):
        return True  # UTF-16 text legitimately contains NUL bytes
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= max(2, len(head) // 100)


def zip_flavour(zf: zipfile.ZipFile) -> str:
    """What an (already size-checked) zip holds: 'docx', 'xlsx', 'pptx', 'odf' or plain 'zip'."""
    names = set(zf.namelist())
    content_types = _small_member(zf, "[Content_Types].xml")
    if content_types:
        if b"wordprocessingml.document.main" in content_types or b"ms-word.document.macro" in content_types \
                or b"wordprocessingml.template.main" in content_types:
            return "docx"
        if b"spreadsheetml.sheet.main" in content_types or b"ms-excel.sheet.macro" in content_types \
                or b"spreadsheetml.template.main" in content_types:
            return "xlsx"
        if b"presentationml" in content_types:
            return "pptx"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    mimetype = _small_member(zf, "mimetype")
    if mimetype and mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "odf"
    return "zip"


def _small_member(zf: zipfile.ZipFile, member: str, limit: int = 1 << 20) -> bytes:
    """A member's bytes when it exists and is small, else b''."""
    try:
        info = zf.getinfo(member)
    except KeyError:
        return b""
    if info.file_size > limit:
        return b""
    try:
        return zf.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
        return b""


def ole_flavour(data: bytes) -> str:
    """For an OLE compound file: 'encrypted' (password-protected OOXML), 'doc', 'xls', 'ppt' or 'ole'."""
    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "encrypted"
    if has("WordDocument"):
        return "doc"
    if has("Workbook") or has("Book"):
        return "xls"
    if has("PowerPoint Document"):
        return "ppt"
    return "ole"


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open `data` as a zip archive (raises zipfile.BadZipFile and friends on damage)."""
    return zipfile.ZipFile(io.BytesIO(data))
