"""Dates and document numbers as Chinese documents print them.

A date may be written 2019年8月20日, 二〇一九年八月二十日, 2019-08-20, 2019.8.20 or 2019/8/20;
a document number (文号) 发改办财金规〔2019〕860号, 威脱贫攻坚办[2016]74号 or 国发（2019）3号.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from ..numerals import chinese_to_int

_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九○Ｏ", "001234567890" + "0")
_CN = "〇零一二三四五六七八九十○Ｏ"

#: A date in any of the printed forms; the groups are (year, month, day) in one of three styles.
DATE = re.compile(
    rf"(?P<y>\d{{4}})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
    rf"|(?P<cy>[{_CN}]{{4}})\s*年\s*(?P<cm>[{_CN}]{{1,3}})\s*月\s*(?P<cd>[{_CN}]{{1,3}})\s*日"
    r"|(?<!\d)(?P<iy>(?:19|20)\d{2})(?P<sep>[-./])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?!\d)"
)

_DATE_LINE_WRAP = "()（）〔〕[] \t"

#: A document number: an issuer abbreviation, the year in brackets, a serial, 号.
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff][\u4e00-\u9fff0-9]*\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]"
    r"\s*第?\s*\d+\s*号"
)


class Found(NamedTuple):
    """A date found in a text: the date, where it starts and ends."""

    date: dt.date
    start: int
    end: int


def _value(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("y"):
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if m.group("cy"):
            year = int(m.group("cy").translate(_YEAR_DIGITS))
            month = chinese_to_int(m.group("cm").replace("〇", "零"))
            day = chinese_to_int(m.group("cd").replace("〇", "零"))
            if month is None or day is None:
                return None
            return dt.date(year, month, day)
        return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    except ValueError:
        return None


def find_dates(text: str) -> list[Found]:
    """Every valid date printed in `text`, in order."""
    out = []
    for m in DATE.finditer(text):
        value = _value(m)
        if value is not None:
            out.append(Found(value, m.start(), m.end()))
    return out


def first_date(text: str) -> dt.date | None:
    found = find_dates(text)
    return found[0].date if found else None


def date_line(line: str) -> dt.date | None:
    """The date when `line` is nothing but a date (in brackets or not), else None."""
    found = find_dates(line)
    if len(found) != 1:
        return None
    one = found[0]
    rest = (line[: one.start] + line[one.end :]).strip(_DATE_LINE_WRAP)
    return one.date if not rest else None


def doc_number_line(line: str) -> str | None:
    """The document number when `line` is one (文号：X, or X alone), else None."""
    text = re.sub(r"^(?:文号|文\s*号|发文字号)\s*[:：]\s*", "", line.strip())
    m = DOC_NUMBER.fullmatch(text)
    return text if m else None


def doc_number_in(line: str) -> str | None:
    """A document number printed at the start or the end of a line (a masthead, a footer)."""
    text = line.strip()
    m = DOC_NUMBER.match(text)
    if m and not re.search(r"[,，。；;]", text[: m.end()]):
        return m.group(0)
    m = re.search(rf"(?:^|\s)({DOC_NUMBER.pattern})$", text)
    return m.group(1) if m else None
