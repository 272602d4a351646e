"""Time limits a text sets, as a structured value and the phrase as written.

The forms (either script; matched on `char_keys`, so each phrase is a slice of the text):

- by a date: 2016年底前, 2017年6月底前, 2016年12月31日前, 到2020年, 到2017年年末, 2020年前;
- within a year: 2016年完成… (a clause that opens with the year);
- from a date: 从2016年起, 自2015年开始; a period: 2015—2019年;
- recurring: 每年, 每半年, 每季度, 每月, 每周 (每年7月20日、1月20日前: every year, by those
  days); 年底 at the head of a clause (年底组织验收: every year's end);
- a day without a year (于9月10日前): kind `by` with no date, since the year is not printed;
- ongoing: 长期坚持, 持续推进, 持续开展, 常态化;
- a table's 完成时限 cell (`parse_deadline_cell`): the same forms, or kept as written.

A rate (每人每年3000元) is a quantity's unit, not a time limit, and is left to `targets`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Literal, NamedTuple

from ..normalize import char_keys
from ..numerals import chinese_to_int

DeadlineKind = Literal["by", "in", "from", "period", "recurring", "ongoing", "as_written"]
Every = Literal["year", "half_year", "quarter", "month", "week"]

_Y = r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}"
_M = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_D = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_EVERY: dict[str, Every] = {
    "年": "year",
    "年度": "year",
    "半年": "half_year",
    "季度": "quarter",
    "季": "quarter",
    "月": "month",
    "周": "week",
}
_ONGOING = ("长期坚持", "持续推进", "持续开展", "长期推进", "常态化推进", "常态化开展")


class Found(NamedTuple):
    """A time limit: its kind, the dates it stands for, and where it is in the text."""

    kind: DeadlineKind
    start: dt.date | None
    end: dt.date | None
    every: Every | None
    begin: int
    stop: int


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Compiled on first use (the CLI's start-up does not pay for them); most specific first."""
    y, m, d = _Y, _M, _D
    return [
        ("period", re.compile(rf"(?P<y1>{y})年?\s*[—\-–~～至到]\s*(?P<y2>{y})年")),
        (
            "by",
            re.compile(
                rf"(?:到|至|于|在)?(?P<y>{y})年(?:(?P<m>{m})月(?:(?P<d>{d})日)?)?"
                r"(?P<end>年?底|年?末|份)?(?:前|之前|以前)"
            ),
        ),
        (
            "by",
            re.compile(rf"(?:到|至)(?P<y>{y})年(?:(?P<m>{m})月)?(?P<end>年?底|年?末)?"),
        ),
        ("from", re.compile(rf"(?:从|自)(?P<y>{y})年(?:(?P<m>{m})月)?(?:起|开始)")),
        (
            "recurring",
            re.compile(
                rf"(?<![人户])每(?P<every>半年|年度|年|季度|季|月|周)"
                rf"(?:(?:{m})月(?:{d})日(?:[、和及](?:{m})月(?:{d})日)*(?:前|之前))?"
            ),
        ),
        # 年底组织验收: at the end of every year
        ("recurring", re.compile(r"(?:^|(?<=[,;。:\s]))(?P<every>年)[底末]前?(?!度)")),
        # 于9月10日前: a day without a year (its year is not guessed)
        ("by", re.compile(rf"(?<![年\d])(?:于|在)?(?P<m>{m})月(?P<d>{d})日(?:前|之前|以前)")),
        ("in", re.compile(rf"(?:^|(?<=[,;。:\s]))(?P<y>{y})年(?=[,完实全基启开])")),
        ("ongoing", re.compile("|".join(_ONGOING))),
    ]


def _int(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() else chinese_to_int(text)


def _year(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = text.translate(str.maketrans("〇零一二三四五六七八九", "0012345678" + "9"))
    return int(digits) if digits.isdigit() else None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _by_date(m: re.Match[str]) -> dt.date | None:
    """The last day a `by` match allows: 2016年底前 -> 12-31, 2017年6月底前 -> 06-30."""
    if m.groupdict().get("y") is None:
        return None  # no year printed: the day is kept as written, not dated
    year = _year(m.group("y"))
    month, day = _int(m.group("m")), _int(m.groupdict().get("d"))
    if year is None:
        return None
    try:
        if month is None:
            return dt.date(year, 12, 31)
        if day is not None:
            return dt.date(year, month, day)
        text = m.group(0)
        if m.group("end") or not re.search(r"(?:前|之前|以前)$", text):
            return _last_day(year, month)
        # 6月前: before June begins
        return dt.date(year, month, 1) - dt.timedelta(days=1)
    except ValueError:
        return None


def _found(kind: str, m: re.Match[str]) -> Found | None:
    start = end = None
    every: Every | None = None
    if kind == "period":
        y1, y2 = _year(m.group("y1")), _year(m.group("y2"))
        if y1 is None or y2 is None or y2 < y1:
            return None
        start, end = dt.date(y1, 1, 1), dt.date(y2, 12, 31)
    elif kind == "by":
        end = _by_date(m)
        if end is None and m.groupdict().get("y") is not None:
            return None
    elif kind == "in":
        year = _year(m.group("y"))
        if year is None:
            return None
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif kind == "from":
        year, month = _year(m.group("y")), _int(m.group("m"))
        if year is None or not 1 <= (month or 1) <= 12:
            return None
        start = dt.date(year, month or 1, 1)
    elif kind == "recurring":
        every = _EVERY[m.group("every")]
    return Found(kind, start, end, every, m.start(), m.end())  # type: ignore[arg-type]


def find_deadlines(text: str) -> list[Found]:
    """Every time limit `text` sets, in text order; overlapping forms keep the first found."""
    keys = char_keys(text)
    taken: list[Found] = []
    for kind, regex in _patterns():
        for m in regex.finditer(keys):
            if any(f.begin < m.end() and m.start() < f.stop for f in taken):
                continue
            if _in_title_or_number(keys, m.start()):
                continue
            found = _found(kind, m)
            if found is not None:
                taken.append(found)
    return sorted(taken, key=lambda f: f.begin)


def _in_title_or_number(keys: str, at: int) -> bool:
    """Inside 《…》 (a cited title) or a doc number's brackets 〔2016〕."""
    opened = keys.rfind("《", 0, at)
    if opened != -1 and keys.find("》", opened) >= at:
        return True
    return at > 0 and keys[at - 1] in "〔[［【"


def parse_deadline_cell(cell: str) -> Found:
    """A table's 完成时限 cell: the first form it holds, else the cell kept as written."""
    found = find_deadlines(cell)
    if found:
        return found[0]._replace(begin=0, stop=len(cell))
    if char_keys(cell).strip() in ("长期", "持续", "常态化"):
        return Found("ongoing", None, None, None, 0, len(cell))
    return Found("as_written", None, None, None, 0, len(cell))
