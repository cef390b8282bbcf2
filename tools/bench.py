"""`make bench`: check latency and throughput, evidence bundles, OCR, the workflow (submit, 20 parallel
submissions), signing and report rendering, cold CLI time. Prints numbers, asserts nothing."""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.bundle import Bundle  # noqa: E402
from review.engine import _text_document, check, verified_checklist  # noqa: E402
from review.matcher import run_checklist  # noqa: E402
from review.model import DocKind, ProductCategory  # noqa: E402

SENTENCES = [
    "[00:03:12] 主播小雨：家人们晚上好，最近很多宝子在问这款面霜，今天第一次给大家详细讲一讲。",
    "首先看成分，它按照国家标准GB/T 29665生产，质地很清爽，最好早晚各用一次。",
    "这是全网最低价，顶级品质，用过的都说好，我们一直追求最好的服务。",
    "每人最多限购2件，最高立减50元，规则在购物车第一个链接里写明了。",
    "副播阿杰：唯一的缺点是包装有点朴素，大家下单前先看一下规格。",
    "第一步先洁面，第二步拍爽肤水，最后一步涂面霜，极速退款，放心购买。",
]


def make_text(chars: int) -> str:
    """Realistic script text of about `chars` characters."""
    out, i = [], 0
    while sum(len(s) + 1 for s in out) < chars:
        out.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return "\n".join(out)[:chars]


def timed(fn, repeat: int) -> list[float]:
    """Wall times of `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    compiled = verified_checklist()
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "script.txt"
        script.write_text(make_text(3000), encoding="utf-8")
        check([script])  # warm up: jieba, spaCy, checklist
        warm = timed(lambda: check([script]), 30)
        print(f"warm check, 3,000-char script (ingest + all rules): median {statistics.median(warm) * 1000:.1f} ms, "
              f"p90 {sorted(warm)[int(len(warm) * 0.9)] * 1000:.1f} ms over {len(warm)} runs")

        big = make_text(350_000)
        size_mb = len(big.encode()) / 1e6
        scan = timed(lambda: sum(1 for _ in compiled.terms.iter(big)), 5)
        print(f"term automaton on {size_mb:.2f} MB: {size_mb / statistics.median(scan):.1f} MB/s "
              f"({len(compiled.checklist.rules)} rules)")
        doc = _text_document("big", big, DocKind.SCRIPT)
        bundle = Bundle([doc], frozenset({ProductCategory.GENERAL}), dt.date(2026, 12, 1))
        full = timed(lambda: run_checklist(compiled, bundle), 3)
        print(f"full checklist (terms, regexes, exceptions, suppressors) on {size_mb:.2f} MB: "
              f"{size_mb / statistics.median(full):.1f} MB/s, {len(run_checklist(compiled, bundle))} findings")

        bench_evidence(Path(tmp))
        bench_workflow(Path(tmp), script)

        cmd = [sys.executable, "-m", "review", "check", str(script), "--format", "json"]
        cold = timed(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False), 5)
        print(f"cold CLI `python -m review check` (new process): median {statistics.median(cold):.2f} s, "
              f"min {min(cold):.2f} s over {len(cold)} runs")


def bench_evidence(tmp: Path) -> None:
    """A script + a 10-page report + 3 certificates without OCR; one scanned licence with OCR."""
    from tests import evidence_fixtures as E

    folder = tmp / "bundle"
    folder.mkdir()
    head = "直播日期：2026-12-01\n主播：这款山茶花®面霜每100g含烟酰胺2g，经检测报告显示保湿。\n"
    (folder / "脚本.txt").write_text(head + make_text(2000), encoding="utf-8")
    E.make_report_pdf(folder / "检测报告.pdf")
    E.make_lines_pdf(folder / "营业执照.pdf", E.business_licence_lines())
    E.make_lines_pdf(folder / "商标注册证.pdf", E.trademark_lines())
    E.make_lines_pdf(folder / "化妆品注册证.pdf", E.cosmetic_cert_lines())
    files = sorted(folder.iterdir())
    check(files)
    times = timed(lambda: check(files), 5)
    report = check(files)
    print(f"evidence bundle (script + 10-page report + 3 certificates, no OCR): median "
          f"{statistics.median(times) * 1000:.0f} ms warm, {len(report.claims)} claims, "
          f"{sum(1 for f in report.findings if f.category == 'evidence')} evidence findings")
    png = tmp / "营业执照.png"
    E.make_lines_png(png, E.business_licence_lines())
    check([png])  # OCR engine load
    ocr = timed(lambda: check([png]), 3)
    print(f"OCR of a 1500 px licence image (rapidocr, warm): median {statistics.median(ocr):.2f} s")


def bench_workflow(tmp: Path, script: Path) -> None:
    """Submit latency, 20 parallel submissions, signing a decision, exporting the signed report."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    os.environ["REVIEW_HOME"] = str(tmp / "home")
    from review.workflow import get_service, reset_service

    reset_service()
    svc = get_service()
    password = "bench-password-1"
    svc.add_user(None, "p", "planner", password)
    svc.add_user(None, "l", "reviewer", password, department="法务")
    planner, legal = svc.act_as("p"), svc.act_as("l")
    data = [(script.name, script.read_bytes())]
    svc.submit(planner, data, "预热")
    sub_times = timed(lambda: svc.submit(planner, data, "提交"), 10)
    print(f"submit (check + store + audit, 3,000-char script): median {statistics.median(sub_times) * 1000:.0f} ms")
    started = time.perf_counter()
    with ThreadPoolExecutor(20) as pool:
        list(pool.map(lambda i: svc.submit(planner, data, f"并发{i}"), range(20)))
    print(f"20 parallel submissions (SQLite, WAL): {time.perf_counter() - started:.2f} s wall")
    clean = svc.submit(planner, [("c.txt", "直播日期：2026-12-01\n主播：这款杯子容量500毫升。\n".encode())], "干净")
    started = time.perf_counter()
    svc.decide(legal, clean.id, approve=True, comment="同意", password=password)
    print(f"signed decision (argon2 re-authentication + scrypt key unlock + Ed25519): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    for fmt in ("json", "pdf", "docx"):
        started = time.perf_counter()
        out = svc.export_report(None, clean.id, fmt)
        print(f"export signed report as {fmt}: {(time.perf_counter() - started) * 1000:.0f} ms, {len(out):,} bytes")
    reset_service()


if __name__ == "__main__":
    main()
