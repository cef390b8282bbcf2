"""Find a CJK TrueType font for PDF output (reportlab cannot use CFF fonts such as Noto CJK)."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

CANDIDATES = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
              "/usr/share/fonts/truetype/arphic/uming.ttc")
FONT_NAME = "CJK"


class FontMissing(RuntimeError):
    """No CJK TrueType font is installed."""


@cache
def cjk_font_path() -> Path:
    """The first CJK TrueType font found (wqy-zenhei preferred), else FontMissing with the install command."""
    for c in CANDIDATES:
        if Path(c).exists():
            return Path(c)
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh:fontformat=TrueType"], capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found.endswith((".ttf", ".ttc")) and "DejaVu" not in found:
        return Path(found)
    raise FontMissing("没有找到中文 TrueType 字体，请安装：apt-get install fonts-wqy-zenhei")


@cache
def register_cjk_font() -> str:
    """Register the CJK font with reportlab once; returns its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = cjk_font_path()
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
    return FONT_NAME
