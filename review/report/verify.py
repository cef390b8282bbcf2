"""`python -m review verify PATH`: check a report file on its own (and the original files, when given)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .signing import Verification, verify_report


def load_report_file(path: Path) -> tuple[dict | None, list[str]]:
    """The report dict inside a .json/.pdf/.docx file and any problems of the container itself."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(data.decode("utf-8")), []
        if suffix == ".pdf":
            from .pdf import attached_report, seal_status

            report = attached_report(data)
            problems = seal_status(data)
            if report is None:
                problems.append("PDF 中没有附带签名的审核记录")
            return report, problems
        if suffix == ".docx":
            from .docx import attached_report_docx

            report = attached_report_docx(data)
            return report, ([] if report else ["DOCX 中没有附带签名的审核记录"])
    except (ValueError, KeyError, OSError) as exc:
        return None, [f"无法解析报告文件：{exc}"]
    except Exception as exc:
        return None, [f"无法解析报告文件（{type(exc).__name__}）"]
    return None, [f"不支持的报告格式 {suffix}（支持 .json .pdf .docx）"]


def check_documents(report: dict, folder: Path) -> tuple[list[str], list[str]]:
    """Compare the record's document hashes with the original files in `folder` (matched by file name)."""
    problems, checked = [], []
    for d in report["record"]["documents"]:
        name = Path(d["document"]).name
        candidate = folder / name
        if not candidate.is_file():
            problems.append(f"原始文件缺失：{name}")
            continue
        actual = hashlib.sha256(candidate.read_bytes()).hexdigest()
        if d.get("sha256") != actual:
            problems.append(f"原始文件与报告记录的哈希不一致：{name}")
        else:
            checked.append(f"文件 {name} 的 SHA-256 一致")
    return problems, checked


def verify_path(path: Path, documents: Path | None = None, registry: dict[str, str] | None = None,
                tool_fingerprint: str | None = None) -> Verification:
    """Everything `verify` checks, as one Verification (registry and tool key only when given)."""
    report, problems = load_report_file(path)
    result = Verification(problems=list(problems))
    if report is None:
        return result
    inner = verify_report(report, registry, tool_fingerprint=tool_fingerprint)
    result.problems += inner.problems
    result.checked += inner.checked
    if documents is not None:
        doc_problems, doc_checked = check_documents(report, documents)
        result.problems += doc_problems
        result.checked += doc_checked
    result.status = inner.status
    return result
