"""Realistic sample submissions in sample_scripts/ against their hand-written *.expected.yaml files.

For every sample: each expected finding is reported (same category and location, overlapping text),
no unexpected high/medium absolute_claim finding appears, no high/medium finding quotes a
must_not_hit phrase, and the file is read without error. A last test regenerates the binary
samples with tools/make_samples.py and compares their extracted text with the committed files.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

from review.engine import check
from review.ingest import load_document
from review.model import Category, Document, Finding, Report, Severity

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_scripts"
SPECS = sorted(SAMPLES.glob("*.expected.yaml"))
REPORTED = {Severity.HIGH, Severity.MEDIUM}


@cache
def _spec(spec_path: Path) -> dict:
    """The parsed expectations of one sample."""
    return yaml.safe_load(spec_path.read_text(encoding="utf-8"))


def _sample_path(spec_path: Path) -> Path:
    return SAMPLES / _spec(spec_path)["document"]


def _date(spec_path: Path) -> dt.date:
    value = _spec(spec_path)["broadcast_date"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@cache
def _run(spec_path: Path) -> tuple[Report, Document]:
    """The engine's report on the sample alone, plus the ingested document for offsets."""
    path = _sample_path(spec_path)
    return check([str(path)], broadcast_date=_date(spec_path)), load_document(str(path))


def _reported(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.severity in REPORTED]


def _matches(expected: dict, finding: Finding) -> bool:
    """Same category and location, texts contained in one another, severity if the spec fixes it."""
    text = str(expected["text"])
    return (finding.category == expected["category"] and finding.location == expected["location"]
            and bool(finding.text) and (text in finding.text or finding.text in text)
            and ("severity" not in expected or finding.severity == expected["severity"]))


def _describe(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.severity} {f.category} {f.location} 「{f.text}」 ({f.rule})" for f in findings)


def _ids(spec_path: Path) -> str:
    return spec_path.name.removesuffix(".expected.yaml")


def test_samples_and_expectations_pair_up():
    samples = {p.name for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith((".yaml", ".md"))}
    documents = {_spec(s)["document"] for s in SPECS}
    assert samples == documents
    assert len(SPECS) >= 7
    assert sum(1 for s in SPECS if not _spec(s)["expected"]) >= 2, "at least two clean samples"


@pytest.mark.parametrize("spec_path", SPECS, ids=_ids)
def test_expectations_are_well_formed(spec_path):
    """Guards the hand-written files: each expected text stands at its location, each trap occurs."""
    spec = _spec(spec_path)
    _report, doc = _run(spec_path)
    by_location: dict[str, str] = {}
    for seg in doc.segments:
        by_location[seg.location] = by_location.get(seg.location, "") + doc.text[seg.start:seg.end]
    for exp in spec["expected"]:
        assert exp["category"] in set(Category), exp
        assert exp.get("severity", "high") in {"high", "medium"}, exp
        assert exp["text"] in by_location.get(exp["location"], ""), f"{exp} not at its location"
    for phrase in spec["must_not_hit"]:
        assert phrase in doc.text, f"must_not_hit phrase {phrase!r} does not occur in the sample"


@pytest.mark.parametrize("spec_path", SPECS, ids=_ids)
def test_sample_is_read_without_error(spec_path):
    report, _doc = _run(spec_path)
    assert [d.error for d in report.documents] == [None]
    assert report.documents[0].chars > 200


@pytest.mark.parametrize("spec_path", SPECS, ids=_ids)
def test_expected_findings_are_reported(spec_path):
    report, _doc = _run(spec_path)
    found = _reported(report)
    missing = [e for e in _spec(spec_path)["expected"] if not any(_matches(e, f) for f in found)]
    assert not missing, f"missed: {missing}\nreported:\n{_describe(found)}"


@pytest.mark.parametrize("spec_path", SPECS, ids=_ids)
def test_no_unexpected_absolute_claims(spec_path):
    report, _doc = _run(spec_path)
    expected = _spec(spec_path)["expected"]
    extra = [f for f in _reported(report)
             if f.category == Category.ABSOLUTE_CLAIM and not any(_matches(e, f) for e in expected)]
    assert not extra, f"unexpected absolute_claim findings:\n{_describe(extra)}"


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    spans, i = [], text.find(phrase)
    while i >= 0:
        spans.append((i, i + len(phrase)))
        i = text.find(phrase, i + 1)
    return spans


@pytest.mark.parametrize("spec_path", SPECS, ids=_ids)
def test_traps_are_not_quoted(spec_path):
    """No high/medium finding of any category overlaps an occurrence of a must_not_hit phrase."""
    report, doc = _run(spec_path)
    bad = []
    for phrase in _spec(spec_path)["must_not_hit"]:
        for start, end in _occurrences(doc.text, phrase):
            bad += [(phrase, f) for f in _reported(report)
                    if f.start is not None and f.end is not None and f.start < end and start < f.end]
    assert not bad, "\n".join(f"{phrase} <- {_describe([f])}" for phrase, f in bad)


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "tools" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _extract(path: Path) -> list[str]:
    """Plain text of a generated sample, read with the format's own library (not the ingest layer)."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return [p.text for p in document.paragraphs] + cells
    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(path)
        return [f"{ws.title}!{c.coordinate}={c.value}" for ws in wb.worksheets for row in ws.iter_rows()
                for c in row if c.value is not None]
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return [page.extract_text() for page in pdf.pages]
    return [path.read_bytes().decode("gb18030")]


def test_regenerated_samples_have_identical_text(tmp_path, capsys):
    generator = _load_generator()
    assert generator.main(["--out", str(tmp_path)]) == 0
    capsys.readouterr()
    generated = sorted(tmp_path.iterdir())
    assert len(generated) >= 5
    for fresh in generated:
        committed = SAMPLES / fresh.name
        assert committed.exists(), f"{fresh.name} is generated but not committed"
        assert _extract(fresh) == _extract(committed), f"{fresh.name}: rerun tools/make_samples.py"
        if fresh.suffix == ".txt":
            assert fresh.read_bytes() == committed.read_bytes()


def test_gb18030_sample_is_not_utf8():
    raw = (SAMPLES / "07_GB18030_脚本.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("gbk")  # 䶮 needs GB18030's four-byte range
    assert b"\r\n" in raw
