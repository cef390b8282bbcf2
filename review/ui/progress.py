"""A progress bar for reading files (OCR of scans takes seconds per page) and the time it took."""

from __future__ import annotations

import time

import streamlit as st


class FileProgressBar:
    """Callable for review.engine.check_uploads: shows which file is read and how many OCR pages are done."""

    def __init__(self, names: list[str], label: str = "正在读取文件") -> None:
        self.names = names
        self.label = label
        self.bar = st.progress(0.0, text=f"{label}…")
        self.started = time.perf_counter()
        self.ocr_pages = 0

    def __call__(self, name: str, done: int, total: int) -> None:
        index = self.names.index(name) if name in self.names else 0
        share = 1 / max(len(self.names), 1)
        inside = done / total if total else 0.0
        if total:
            self.ocr_pages += 1 if done else 0
            text = f"{self.label}：{name}（OCR 识别第 {done}/{total} 页）"
        else:
            text = f"{self.label}：{name}（{index + 1}/{len(self.names)}）"
        self.bar.progress(min(0.99, (index + inside) * share), text=text)

    def finish(self) -> float:
        """Remove the bar; returns the seconds spent."""
        self.bar.empty()
        return time.perf_counter() - self.started
