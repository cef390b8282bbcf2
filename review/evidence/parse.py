"""Small parsers for values printed on evidence documents: dates and validity periods.

Dates come as 2021年3月1日, 2021-03-01, 2021.03.01, 2021/3/1 or 二〇二一年三月一日; a validity
period as "2021年3月1日至2031年2月28日", "自…起至…止", "…至长期" or just "长期".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "О": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇零○ＯО一二三四五六七八九十"
DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.．])\s*(?P<m>\d{1,2})\s*(?:月|[-/.．])\s*(?P<d>\d{1,2})(?:\s*日|号)?(?!\d)"
    rf"|(?P<cy>[{_CN_NUM}]{{4}})年(?P<cm>[{_CN_NUM}]{{1,3}})月(?P<cd>[{_CN_NUM}]{{1,3}})日"
)
LONG_TERM_RE = re.compile(r"长期|永久|无固定期限|不约定期限")


def _cn_int(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十一 -> 21, 二〇二一 -> 2021 (digit by digit when there is no 十)."""
    if "十" not in s:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a string, with its span in that string."""

    start: int
    end: int
    date: dt.date


def find_dates(text: str) -> list[DateMatch]:
    """Every valid calendar date in `text`, in order."""
    out = []
    for m in DATE_RE.finditer(text):
        try:
            if m.group("y"):
                date = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            else:
                date = dt.date(_cn_int(m.group("cy")), _cn_int(m.group("cm")), _cn_int(m.group("cd")))
        except (ValueError, KeyError):
            continue
        out.append(DateMatch(m.start(), m.end(), date))
    return out


@dataclass(frozen=True)
class Validity:
    """A validity period inside a string: spans of its ends (relative to that string)."""

    start_span: tuple[int, int] | None    # where the first day stands
    start: dt.date | None
    until_span: tuple[int, int] | None    # where the last day (or 长期) stands
    until: dt.date | None
    long_term: bool                        # 长期 / 永久: no end date


def parse_validity(text: str) -> Validity | None:
    """Read "A至B", "A至长期", "至B" (有效期至 B) or "长期"; None when nothing date-like is there."""
    dates = find_dates(text)
    long_term = LONG_TERM_RE.search(text)
    if len(dates) >= 2:
        a, b = dates[0], dates[1]
        return Validity((a.start, a.end), a.date, (b.start, b.end), b.date, False)
    if len(dates) == 1:
        d = dates[0]
        if long_term and long_term.start() > d.end:
            return Validity((d.start, d.end), d.date, (long_term.start(), long_term.end()), None, True)
        return Validity(None, None, (d.start, d.end), d.date, False)
    if long_term:
        return Validity(None, None, (long_term.start(), long_term.end()), None, True)
    return None


def add_years(date: dt.date, years: int) -> dt.date:
    """Same day `years` later (28 Feb for 29 Feb in a non-leap year)."""
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)
