"""Dashboard statistics (统计看板) as pandas DataFrames.

Two flat frames are loaded once per call (one row per submitted version, one row per finding of those
versions with its latest mark); every statistic is a small pandas function over them, so the page can
filter and chart without more queries. Days are local days (REVIEW_TZ).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from review.localtime import day_bounds, local_tz
from review.store.models import Disposition, FindingRow, Submission, User, Version

VERSION_COLUMNS = ["version_id", "submission_id", "number", "planner", "title", "submitted_at", "decided_at",
                   "outcome", "verdict", "products", "high", "medium", "low"]
FINDING_COLUMNS = ["finding_id", "version_id", "submission_id", "planner", "submitted_at", "products", "rule",
                   "category", "severity", "document", "text", "disposition", "reason"]


@dataclass(frozen=True)
class StatsFilter:
    """Local date range of submission (inclusive), planner login name, product category."""

    start: dt.date | None = None
    end: dt.date | None = None
    planner: str | None = None
    product: str | None = None

    def restricted_to(self, planner: str) -> StatsFilter:
        """The same filter limited to one planner (planners see only their own statistics)."""
        return dataclasses.replace(self, planner=planner)


@dataclass
class Dashboard:
    """Everything 统计看板 shows; each frame may be empty (never None)."""

    versions: pd.DataFrame               # VERSION_COLUMNS, one row per submitted version
    findings: pd.DataFrame               # FINDING_COLUMNS, one row per finding
    by_category_severity: pd.DataFrame   # period, category, severity, count
    top_rules: pd.DataFrame              # rule, category, count, submissions
    most_waived: pd.DataFrame            # rule, category, count, reasons
    most_false_positive: pd.DataFrame    # rule, category, count, reasons
    rejections: pd.DataFrame             # period, decided, rejected, rate
    time_to_decision: pd.DataFrame       # submission_id, number, outcome, submitted_at, decided_at, hours
    rejection_rate: float | None         # rejected / decided versions overall
    median_hours_to_decision: float | None


def load_versions(s: Session, flt: StatsFilter) -> pd.DataFrame:
    """Submitted versions matching the filter (drafts never count)."""
    lo, hi = day_bounds(flt.start, flt.end)
    q = (select(Version, Submission.title, User.name).join(Submission, Version.submission_id == Submission.id)
         .join(User, Submission.owner_id == User.id).where(Version.submitted_at.is_not(None)))
    if lo is not None:
        q = q.where(Version.submitted_at >= lo)
    if hi is not None:
        q = q.where(Version.submitted_at < hi)
    if flt.planner:
        q = q.where(User.name == flt.planner)
    rows = [{"version_id": v.id, "submission_id": v.submission_id, "number": v.number, "planner": planner,
             "title": title, "submitted_at": v.submitted_at, "decided_at": v.decided_at, "outcome": v.outcome,
             "verdict": v.verdict, "products": list(v.products), "high": v.high, "medium": v.medium, "low": v.low}
            for v, title, planner in s.execute(q.order_by(Version.submitted_at, Version.id))]
    if flt.product:
        rows = [r for r in rows if flt.product in r["products"]]
    return _frame(rows, VERSION_COLUMNS)


def load_findings(s: Session, versions: pd.DataFrame) -> pd.DataFrame:
    """Findings of the given versions, each with its latest disposition kind and reason."""
    if versions.empty:
        return _frame([], FINDING_COLUMNS)
    meta = versions.set_index("version_id")
    ids = [int(i) for i in meta.index]
    findings = list(s.scalars(select(FindingRow).where(FindingRow.version_id.in_(ids))))
    latest: dict[int, Disposition] = {}
    if findings:
        q = (select(Disposition).where(Disposition.finding_id.in_([f.id for f in findings]))
             .order_by(Disposition.created_at, Disposition.id))
        latest = {d.finding_id: d for d in s.scalars(q)}
    rows = []
    for f in findings:
        v = meta.loc[f.version_id]
        mark = latest.get(f.id)
        rows.append({"finding_id": f.id, "version_id": f.version_id, "submission_id": int(v["submission_id"]),
                     "planner": v["planner"], "submitted_at": v["submitted_at"], "products": v["products"],
                     "rule": f.rule, "category": f.category, "severity": f.severity, "document": f.document,
                     "text": f.text, "disposition": mark.kind if mark else None, "reason": mark.reason if mark else ""})
    return _frame(rows, FINDING_COLUMNS)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    for col in ("submitted_at", "decided_at"):
        if col in df:
            df[col] = pd.to_datetime(df[col], utc=True)
    return df


def _period(times: pd.Series, freq: str) -> pd.Series:
    """Local-time period start (D, W or M) of UTC timestamps."""
    local = times.dt.tz_convert(local_tz()).dt.tz_localize(None)
    return local.dt.to_period(freq).dt.start_time


def by_category_severity(findings: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """Finding counts per period, category and severity."""
    if findings.empty:
        return pd.DataFrame(columns=["period", "category", "severity", "count"])
    df = findings.assign(period=_period(findings["submitted_at"], freq))
    return (df.groupby(["period", "category", "severity"]).size().reset_index(name="count")
            .sort_values(["period", "category", "severity"], ignore_index=True))


def top_rules(findings: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The rules that hit most often, with how many submissions they hit."""
    if findings.empty:
        return pd.DataFrame(columns=["rule", "category", "count", "submissions"])
    g = findings.groupby(["rule", "category"]).agg(count=("finding_id", "size"),
                                                   submissions=("submission_id", "nunique")).reset_index()
    return g.sort_values(["count", "rule"], ascending=[False, True], ignore_index=True).head(n)


def rules_by_disposition(findings: pd.DataFrame, kind: str, n: int = 10) -> pd.DataFrame:
    """Rules whose findings were most often marked `kind` (waive or false_positive), with the reasons given."""
    marked = findings[findings["disposition"] == kind] if not findings.empty else findings
    if marked.empty:
        return pd.DataFrame(columns=["rule", "category", "count", "reasons"])
    g = marked.groupby(["rule", "category"]).agg(
        count=("finding_id", "size"), reasons=("reason", lambda r: list(dict.fromkeys(x for x in r if x)))
    ).reset_index()
    return g.sort_values(["count", "rule"], ascending=[False, True], ignore_index=True).head(n)


def rejections(versions: pd.DataFrame, freq: str = "W") -> pd.DataFrame:
    """Decided versions, rejected ones and the rejection rate per period of decision."""
    decided = versions[versions["outcome"].isin(["approved", "rejected"])] if not versions.empty else versions
    if decided.empty:
        return pd.DataFrame(columns=["period", "decided", "rejected", "rate"])
    df = decided.assign(period=_period(decided["decided_at"], freq),
                        is_rejected=decided["outcome"] == "rejected")
    g = df.groupby("period").agg(decided=("version_id", "size"), rejected=("is_rejected", "sum")).reset_index()
    g["rate"] = g["rejected"] / g["decided"]
    return g


def time_to_decision(versions: pd.DataFrame) -> pd.DataFrame:
    """Hours from submission to the final decision, per decided version."""
    decided = versions[versions["decided_at"].notna()] if not versions.empty else versions
    if decided.empty:
        return pd.DataFrame(columns=["submission_id", "number", "outcome", "submitted_at", "decided_at", "hours"])
    out = decided[["submission_id", "number", "outcome", "submitted_at", "decided_at"]].copy()
    out["hours"] = (out["decided_at"] - out["submitted_at"]).dt.total_seconds() / 3600.0
    return out.reset_index(drop=True)


def build_dashboard(s: Session, flt: StatsFilter, freq: str = "W") -> Dashboard:
    """Every dashboard statistic for the filter."""
    versions = load_versions(s, flt)
    findings = load_findings(s, versions)
    rej = rejections(versions, freq)
    ttd = time_to_decision(versions)
    decided = int(rej["decided"].sum()) if not rej.empty else 0
    return Dashboard(versions=versions, findings=findings, by_category_severity=by_category_severity(findings, freq),
                     top_rules=top_rules(findings), most_waived=rules_by_disposition(findings, "waive"),
                     most_false_positive=rules_by_disposition(findings, "false_positive"), rejections=rej,
                     time_to_decision=ttd,
                     rejection_rate=(float(rej["rejected"].sum()) / decided) if decided else None,
                     median_hours_to_decision=float(ttd["hours"].median()) if not ttd.empty else None)


def false_positive_rules(s: Session, flt: StatsFilter | None = None, n: int = 50) -> pd.DataFrame:
    """Rules most often marked 误报, with the reasons (for the rule owners)."""
    flt = flt or StatsFilter()
    return rules_by_disposition(load_findings(s, load_versions(s, flt)), "false_positive", n)
