"""Plain text (.txt/.md): decode UTF-8 or GB18030 and locate every line as 第N行."""

from __future__ import annotations

from review.model import IngestError

from .segments import Extraction, SegmentBuilder


def decode_text(name: str, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; newlines become \\n."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    candidates = ("utf-16",) if utf16 else ("utf-8-sig", "gb18030")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise IngestError(name, "无法识别文本编码（请保存为 UTF-8 或 GB18030/GBK 编码）")


def read_text(name: str, data: bytes) -> Extraction:
    """One segment per non-blank line, located by its 1-based line number."""
    builder = SegmentBuilder()
    for number, line in enumerate(decode_text(name, data).split("\n"), start=1):
        builder.add(line, f"第{number}行")
    return Extraction(fmt="txt", builder=builder)
