"""`make bench`: warm check latency, matcher throughput and cold CLI time (prints numbers, asserts nothing)."""

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

        cmd = [sys.executable, "-m", "review", "check", str(script), "--format", "json"]
        cold = timed(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False), 5)
        print(f"cold CLI `python -m review check` (new process): median {statistics.median(cold):.2f} s, "
              f"min {min(cold):.2f} s over {len(cold)} runs")


if __name__ == "__main__":
    main()
