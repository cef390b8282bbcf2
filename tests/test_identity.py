"""Resident ID numbers (stdnum.cn.ric underneath) and ages in full years on the broadcast date."""

from __future__ import annotations

import datetime as dt

import pytest

from review.checks.identity import (
    AgeRange,
    age_on,
    age_range,
    compact,
    find_id_candidates,
    find_old_id_candidates,
    parse_id_number,
    parse_old_id_number,
)

ON = dt.date(2026, 12, 1)


@pytest.mark.parametrize(("number", "birth"), [
    ("11010519491231002X", dt.date(1949, 12, 31)),
    ("11010519491231002x", dt.date(1949, 12, 31)),
    ("360426199101010071", dt.date(1991, 1, 1)),
    ("110105 19491231 002X", dt.date(1949, 12, 31)),
    ("110105-1949-1231-002X", dt.date(1949, 12, 31)),
    ("１１０１０５１９４９１２３１００２Ｘ", dt.date(1949, 12, 31)),
    ("110105201104180020", dt.date(2011, 4, 18)),
])
def test_valid_numbers_give_their_birth_date(number, birth):
    parsed = parse_id_number(number, ON)
    assert parsed is not None and parsed.birth == birth
    assert parsed.masked == "*" * 14 + compact(number)[-4:]


def test_region_is_looked_up_but_not_required():
    assert parse_id_number("11010519491231002X").region_known
    # 990105… is no region code; with a matching check digit it still parses, flagged as unknown region.
    unknown = next(f"99010519900101001{c}" for c in "0123456789X" if parse_id_number(f"99010519900101001{c}"))
    assert parse_id_number(unknown).region_known is False


@pytest.mark.parametrize("number", [
    "110105195001010014",   # check digit should be 2
    "440524188001010014",   # verifies, but born 1880: a sample number, not a living person
    "110105199013320013",   # month 13
    "202612181234567890",   # an order number
    "11010519491231002",    # 17 characters
    "110105********1234",   # masked
])
def test_invalid_numbers_are_not_ids(number):
    assert parse_id_number(number, ON) is None


def test_birth_after_the_broadcast_date_is_not_an_id():
    future = "110105202701010010"
    check = next(c for c in "0123456789X" if parse_id_number(future[:-1] + c))
    assert parse_id_number(future[:-1] + check) is not None
    assert parse_id_number(future[:-1] + check, ON) is None


def test_candidates_have_clean_boundaries():
    text = "身份证号11010519491231002X，订单1101051949123100201，掩码110105********002X，卡号 110105 19491231 002X。"
    assert [text[s:e] for s, e in find_id_candidates(text)] == ["11010519491231002X", "110105 19491231 002X"]


def test_old_fifteen_digit_numbers():
    assert parse_old_id_number("110105491231002") == dt.date(1949, 12, 31)
    assert parse_old_id_number("110105491331002") is None
    assert find_old_id_candidates("旧证号110105491231002，条码6901234567892") == [(3, 18)]


@pytest.mark.parametrize(("birth", "on", "age"), [
    (dt.date(2010, 12, 1), dt.date(2026, 12, 1), 15),   # the birthday itself does not count yet
    (dt.date(2010, 12, 1), dt.date(2026, 12, 2), 16),
    (dt.date(2010, 12, 2), dt.date(2026, 12, 1), 15),
    (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),
    (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
    (dt.date(2026, 12, 1), dt.date(2026, 12, 1), 0),
])
def test_age_in_full_years(birth, on, age):
    assert age_on(birth, on) == age


def test_age_range_for_partial_dates():
    assert age_range(2011, 3, None, dt.date(2026, 12, 10)) == AgeRange(15, 15)
    assert age_range(2010, 12, None, dt.date(2026, 12, 10)) == AgeRange(15, 16)   # born 1st–31st December
    assert age_range(2010, None, None, dt.date(2026, 6, 1)) == AgeRange(15, 16)
    assert age_range(2010, 12, 11, dt.date(2026, 12, 10)) == AgeRange(15, 15)
    assert age_range(2027, None, None, dt.date(2026, 6, 1)) is None
    assert age_range(2010, 2, 30, dt.date(2026, 6, 1)) is None
    assert str(AgeRange(15, 16)) == "15～16周岁" and str(AgeRange(9, 9)) == "9周岁"
