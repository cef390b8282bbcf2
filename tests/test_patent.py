"""Patent-number parsing and the check-digit test vectors of rules-reference §11."""

from __future__ import annotations

import pytest

from review.checks.patent import find_patent_numbers, parse_patent_number

VALID = ["ZL201510958772.0", "ZL201811564288.X", "ZL 2016 2 0161392.4", "ZL 2020 3 0469320.8", "2016300227706",
         "ZL99113861.9", "ZL２０１５１０９５８７７２．０", "CN201510958772.0"]


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers_verify(number):
    parsed = parse_patent_number(number)
    assert parsed is not None and parsed.check_ok


@pytest.mark.parametrize(("number", "expected"), [("ZL202310123456.7", "6"), ("ZL99113861.8", "9")])
def test_wrong_check_digit(number, expected):
    parsed = parse_patent_number(number)
    assert parsed is not None and not parsed.check_ok and parsed.expected == expected


def test_malformed_and_kinds():
    assert parse_patent_number("ZL20101061327.6") is None
    assert parse_patent_number("ZL 2016 2 0161392.4").kind == "实用新型"
    assert parse_patent_number("ZL201510958772.0").kind == "发明"
    assert parse_patent_number("2016300227706").kind == "外观设计"
    assert parse_patent_number("ZL99113861.9").year == 1999


def test_finding_numbers_in_text_ignores_barcodes_and_publications():
    text = "实用新型专利ZL 2016 2 0161392.4；专利号：ZL20101061327.6；条码6901234567892；公开号CN 1234567 A"
    assert [text[s:e] for s, e in find_patent_numbers(text)] == ["ZL 2016 2 0161392.4", "ZL20101061327.6"]
