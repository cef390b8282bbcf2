"""The review record: everything the report states, as plain JSON-safe data (strings, ints, lists, dicts).

The store layer gathers a submission version, its check result, dispositions and comments and calls
`build_record`; signing, rendering and verification only ever read the record.
"""

from __future__ import annotations

from typing import Any

SCHEMA = "live-review/report/v1"
DISPOSITION_LABELS = {"must_fix": "必须修改", "waive": "豁免", "false_positive": "误报", "": "未处置"}


def _finding(f: dict, fid: str, disposition: dict | None) -> dict:
    keys = ("rule", "category", "severity", "document", "text", "start", "end", "location", "message", "clause",
            "law", "suggestion")
    out: dict[str, Any] = {k: f.get(k) for k in keys}
    out["id"] = fid
    out["disposition"] = None
    if disposition:
        out["disposition"] = {k: str(disposition.get(k) or "") for k in ("status", "reason", "by", "at")}
    return out


def build_record(submission: dict, check: dict, finding_ids: list[str], dispositions: dict[str, dict],
                 comments: list[dict], required_departments: list[str]) -> dict:
    """The canonical record of one submission version.

    submission: id, title, version, room, hosts (list), products (list), broadcast_date, submitted_by,
    submitted_at (ISO with offset), supersedes. check: `Report.to_dict()` of the version's check.
    finding_ids: stable ids parallel to check["findings"]. dispositions: finding id -> status, reason, by, at.
    comments: by, at, document, quote, text.
    """
    findings = [_finding(f, fid, dispositions.get(fid)) for f, fid in zip(check["findings"], finding_ids,
                                                                          strict=True)]
    docs = [{k: d.get(k) for k in ("document", "sha256", "kind", "chars", "error")} for d in check["documents"]]
    sub_keys = ("id", "title", "version", "room", "hosts", "products", "broadcast_date", "submitted_by",
                "submitted_at", "supersedes")
    return {
        "schema": SCHEMA,
        "submission": {k: submission.get(k) for k in sub_keys},
        "tool": dict(check["tool"]),
        "broadcast_date": check["broadcast_date"],
        "products": list(check.get("products", [])),
        "rule_sets": [dict(r) for r in check.get("rule_sets", [])],
        "documents": docs,
        "findings": findings,
        "claims": [dict(c) for c in check.get("claims", [])],
        "comments": [{k: str(c.get(k) or "") for k in ("by", "at", "document", "quote", "text")} for c in comments],
        "summary": dict(check["summary"]),
        "verdict": check["verdict"],
        "required_departments": sorted(required_departments),
    }


def open_high_findings(record: dict) -> list[dict]:
    """High findings that are neither waived nor marked false positive."""
    return [f for f in record["findings"] if f["severity"] == "high"
            and not (f["disposition"] and f["disposition"]["status"] in ("waive", "false_positive")
                     and f["disposition"]["reason"])]
