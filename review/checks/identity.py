"""Resident identity numbers (GB 11643—1999) and ages in full years (周岁) on a given day.

The check character, the birth date and the region come from python-stdnum (`stdnum.cn.ric`);
this module finds candidates in running text (ASCII or full-width digits, groups split by single
spaces or hyphens) and turns a birth date, exact or known only to the month or year, into the
range of ages a person can have on the broadcast date (rules-reference §5, §9.2).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

# Full-width digits and X map one-to-one onto ASCII, so offsets stay valid after translation.
FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘ－", "0123456789Xx-")
_HAS_FULLWIDTH = re.compile("[０-９Ｘｘ－]")
# Region (6), birth date (8, optionally split 4+4), sequence (3) and check character.
_ID18 = re.compile(r"(?<![0-9A-Za-z*＊])\d{6}[ -]?\d{4}[ -]?\d{4}[ -]?\d{3}[\dXx](?![0-9A-Za-z*＊])")
# First-generation numbers: region (6), YYMMDD (19YY), sequence (3), no check character.
_ID15 = re.compile(r"(?<![0-9A-Za-z*＊])\d{15}(?![0-9A-Za-z*＊])")
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class IdNumber:
    """A resident identity number whose check character and birth date verify."""

    number: str           # compact, upper case
    birth: dt.date

    @property
    def region_known(self) -> bool:
        """True when the region code is in stdnum's table for the birth year."""
        try:
            ric.get_birth_place(self.number)
        except (ValidationError, ValueError, KeyError):
            return False
        return True

    @property
    def masked(self) -> str:
        """All but the last four characters hidden, as reports should show it."""
        return "*" * (len(self.number) - 4) + self.number[-4:]


def ascii_digits(text: str) -> str:
    """`text` with full-width digits, X and hyphens made ASCII (same length, so offsets stay valid)."""
    return text.translate(FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


def compact(text: str) -> str:
    """Digits and X only, ASCII, upper case."""
    return re.sub(r"[\s-]", "", ascii_digits(text)).upper()


def find_id_candidates(text: str) -> list[tuple[int, int]]:
    """Spans of everything shaped like an 18-character ID number (not yet validated)."""
    return [m.span() for m in _ID18.finditer(ascii_digits(text))]


def find_old_id_candidates(text: str) -> list[tuple[int, int]]:
    """Spans of 15-digit runs (first-generation ID numbers have this shape, so do many other numbers)."""
    return [m.span() for m in _ID15.finditer(ascii_digits(text))]


def parse_id_number(text: str, on: dt.date | None = None) -> IdNumber | None:
    """The ID number in `text` when its check character and birth date verify (born by `on`), else None."""
    number = compact(text)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return None
    try:
        if ric.calc_check_digit(number) != number[-1]:
            return None
        birth = ric.get_birth_date(number)
    except (ValidationError, ValueError):
        return None
    if birth.year < EARLIEST_BIRTH_YEAR or (on is not None and birth > on):
        return None
    return IdNumber(number, birth)


def parse_old_id_number(text: str, on: dt.date | None = None) -> dt.date | None:
    """Birth date of a 15-digit first-generation number when its date part is a real date, else None."""
    number = compact(text)
    if not re.fullmatch(r"\d{15}", number):
        return None
    try:
        birth = dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return None
    return birth if on is None or birth <= on else None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Age in full years on day `on`; a birthday counts only from the next day (周岁, conservative)."""
    not_yet = (on.month, on.day) <= (birth.month, birth.day)
    return max(0, on.year - birth.year - (1 if not_yet else 0))


@dataclass(frozen=True)
class AgeRange:
    """The youngest and oldest age a person can have on the broadcast date (equal when exact)."""

    lo: int
    hi: int

    def __str__(self) -> str:
        return f"{self.lo}周岁" if self.lo == self.hi else f"{self.lo}～{self.hi}周岁"


def age_range(year: int, month: int | None, day: int | None, on: dt.date) -> AgeRange | None:
    """Ages on `on` of someone born in the given year (and month, and day); None for impossible dates."""
    try:
        first = dt.date(year, month or 1, day or 1)
        if day:
            last = first
        else:
            last_month = month or 12
            last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    except ValueError:
        return None
    if year < EARLIEST_BIRTH_YEAR or first > on:
        return None
    last = min(last, on)
    return AgeRange(age_on(last, on), age_on(first, on))
