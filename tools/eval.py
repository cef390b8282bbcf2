"""Recall and precision of the checker on hand-labelled corpora (`make eval`).

A case is either one file with a sidecar `<file>.expected.yaml`, or a folder holding the files of one
submission plus `expected.yaml`. The expectation file, written before the tool is run:

    broadcast_date: 2026-12-05      # optional
    products: [health_food]          # optional; else detected
    expected:                        # every high or medium finding the tool should give
      - {category: price, text: 全网最低价}
      - {category: ai_label, text: ""}          # document-level finding
      - {category: evidence, text: 含量99%, document: 脚本.txt}   # document optional
    must_not_hit: [最近, 第一次]      # occurs in the case; no high/medium finding may quote it

An expected item is found by a high/medium finding of its category whose quote contains the expected
text or lies inside it (document-level: empty quote). Every other high/medium finding counts as a
false positive. Low findings are advisory and not counted.

Usage: python tools/eval.py [CORPUS_DIR ...] [--min-recall 0.95 --min-precision 0.92] [--verbose]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.engine import check  # noqa: E402
from review.model import Finding, ProductCategory  # noqa: E402

DEFAULT_CORPORA = [ROOT / "tests" / "corpus"]
COUNTED = {"high", "medium"}


@dataclass
class Case:
    """One labelled submission."""

    name: str
    files: list[Path]
    spec: dict


@dataclass
class Tally:
    """Counts for one category."""

    expected: int = 0
    found: int = 0
    reported: int = 0
    false_pos: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return (self.reported - self.false_pos) / self.reported if self.reported else 1.0


def load_cases(folder: Path) -> list[Case]:
    """Every case of a corpus folder, in name order."""
    cases = []
    for spec_path in sorted(folder.glob("*.expected.yaml")):
        target = spec_path.with_name(spec_path.name.removesuffix(".expected.yaml"))
        cases.append(Case(target.name, [target], yaml.safe_load(spec_path.read_text("utf-8")) or {}))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and (p / "expected.yaml").exists()):
        files = sorted(f for f in sub.iterdir() if f.is_file() and f.name != "expected.yaml")
        cases.append(Case(sub.name, files, yaml.safe_load((sub / "expected.yaml").read_text("utf-8")) or {}))
    return cases


def _matches(item: dict, f: Finding) -> bool:
    if f.category != item["category"]:
        return False
    doc = item.get("document")
    if doc and Path(f.document).name != doc:
        return False
    want = str(item.get("text") or "")
    if not want:
        return f.text == ""
    return bool(f.text) and (want in f.text or f.text in want)


def run_case(case: Case, exclude: frozenset[str] = frozenset()
             ) -> tuple[list[Finding], list[tuple[dict, bool]], list[Finding], list[str]]:
    """Counted findings, expected items with found flags, unexpected findings, must_not_hit violations."""
    spec = case.spec
    date = spec.get("broadcast_date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    products = [ProductCategory(p) for p in spec.get("products") or []] or None
    report = check(case.files, broadcast_date=date, products=products)
    counted = [f for f in report.findings if str(f.severity) in COUNTED and str(f.category) not in exclude]
    expected = [dict(i) for i in spec.get("expected") or [] if i["category"] not in exclude]
    used: set[int] = set()
    results = []
    for item in expected:
        hit = next((i for i, f in enumerate(counted) if i not in used and _matches(item, f)), None)
        if hit is None:  # several expected items may share one merged finding
            hit = next((i for i, f in enumerate(counted) if _matches(item, f)), None)
        if hit is not None:
            used.add(hit)
        results.append((item, hit is not None))
    extras = [f for i, f in enumerate(counted) if i not in used]
    violations = [w for w in map(str, spec.get("must_not_hit") or []) for f in counted if f.text and w in f.text]
    return counted, results, extras, violations


def evaluate(corpora: list[Path], verbose: bool = False, exclude: frozenset[str] = frozenset()) -> dict[str, Tally]:
    """Tally per category over every case (categories in `exclude` not counted); prints progress when verbose."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for folder in corpora:
        for case in load_cases(folder):
            counted, results, extras, violations = run_case(case, exclude)
            for item, found in results:
                t = tallies[item["category"]]
                t.expected += 1
                t.found += found
                if not found:
                    t.misses.append(f"{case.name}: {item.get('text') or '（文档级）'}")
            for f in counted:
                tallies[str(f.category)].reported += 1
            for f in extras:
                t = tallies[str(f.category)]
                t.false_pos += 1
                t.extras.append(f"{case.name}: {f.rule} 「{f.text or '文档级'}」 {f.location}")
            for w in violations:
                tallies["(must_not_hit)"].misses.append(f"{case.name}: {w}")
            if verbose:
                print(f"{case.name}: {len(counted)} counted, {sum(ok for _, ok in results)}/{len(results)} found")
    return tallies


def total(tallies: dict[str, Tally]) -> Tally:
    """All categories together."""
    t = Tally()
    for k, v in tallies.items():
        if k.startswith("("):
            continue
        t.expected += v.expected
        t.found += v.found
        t.reported += v.reported
        t.false_pos += v.false_pos
    return t


def print_table(tallies: dict[str, Tally]) -> None:
    """Per-category recall/precision table, then the misses and false positives."""
    print(f"{'category':<16}{'expected':>9}{'found':>7}{'reported':>9}{'false+':>7}{'recall':>8}{'precision':>10}")
    for cat in sorted(k for k in tallies if not k.startswith("(")):
        t = tallies[cat]
        print(f"{cat:<16}{t.expected:>9}{t.found:>7}{t.reported:>9}{t.false_pos:>7}{t.recall:>8.3f}{t.precision:>10.3f}")
    t = total(tallies)
    print(f"{'ALL':<16}{t.expected:>9}{t.found:>7}{t.reported:>9}{t.false_pos:>7}{t.recall:>8.3f}{t.precision:>10.3f}")
    for cat, t in sorted(tallies.items()):
        for m in t.misses:
            print(f"  MISS  [{cat}] {m}")
        for e in t.extras:
            print(f"  EXTRA [{cat}] {e}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--exclude", action="append", default=[], metavar="CATEGORY",
                        help="do not count this category (e.g. evidence on the script-only corpus)")
    args = parser.parse_args(argv)
    tallies = evaluate(args.corpora, args.verbose, frozenset(args.exclude))
    print_table(tallies)
    t = total(tallies)
    bad = t.recall < args.min_recall or t.precision < args.min_precision or tallies.get("(must_not_hit)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
