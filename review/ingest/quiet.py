"""Keep parser libraries from writing warnings to stderr (done once, process-wide and thread-safe)."""

from __future__ import annotations

import logging
import warnings

NOISY_LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2", "openpyxl", "docx")
NOISY_WARNING_MODULES = r"(openpyxl|pdfminer|pdfplumber|pypdfium2|docx)(\..*)?$"


def silence_libraries() -> None:
    """Raise the parsers' loggers to ERROR and ignore the warnings they emit."""
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module=NOISY_WARNING_MODULES)
