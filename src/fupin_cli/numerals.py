"""Chinese numerals: labels (十四 -> 14, 一百零三 -> 103) and figures (三十万, 1.2万, 15%)."""

from __future__ import annotations

import re
from typing import NamedTuple

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def chinese_to_int(text: str) -> int | None:
    """Value of a Chinese numeral up to the thousands, or None if `text` is not one."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            unit = _UNITS[ch]
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit is not None:
        total += digit
    return total


def parse_int(text: str) -> int | None:
    """An Arabic or Chinese numeral as an int, else None."""
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese_to_int(text)


def int_to_chinese(n: int) -> str:
    """14 -> 十四, 29 -> 二十九, 103 -> 一百零三 (for labels we generate, e.g. suggestions)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    head = digits[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + digits[rest]
    return head + (("一" + int_to_chinese(rest)) if rest < 20 else int_to_chinese(rest))


#: Full-width digits and signs as some documents print them.
_WIDE = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
#: What may make up a quantity: digits, Chinese numerals, 万/亿 multipliers, a decimal point.
QUANTITY_CHARS = "0123456789.〇零一二三四五六七八九十百千万亿两"


class Quantity(NamedTuple):
    """A figure as a number: `value` in units (三十万 -> 300000), `percent` for 百分之 / %."""

    value: float
    percent: bool


def parse_quantity(text: str) -> Quantity | None:
    """The value of a figure as documents print it, else None (never raises).

    Arabic (30, 1.2, ３０), Chinese (三十万, 一百零三, 二〇二〇), mixed (1.2万, 3亿), thousands
    separators (1,300) and percentages (百分之十五, 15%, 三分之二 is not a percentage but
    a fraction: 0.666…). The reading is cn2an's (``smart`` mode); this wrapper only prepares
    the forms cn2an leaves to its caller and turns its errors into None.
    """
    s = text.strip().translate(_WIDE)
    percent = False
    if s.startswith("百分之"):
        s, percent = s[3:], True
    elif s.endswith("%"):
        s, percent = s[:-1], True
    if re.fullmatch(r"\d+/\d+", s) and not percent:  # 1/3
        top, _, bottom = s.partition("/")
        s = f"{bottom}分之{top}"
    if "分之" in s and not percent:
        whole, _, part = s.partition("分之")
        den, num = _number(whole), _number(part)
        if den is None or num is None or den == 0:
            return None
        return Quantity(num / den, False)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    value = _number(s)
    return None if value is None else Quantity(value, percent)


def _number(s: str) -> float | None:
    if not s or any(ch not in QUANTITY_CHARS for ch in s):
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if s.count(".") > 1 or s.startswith(".") or s.endswith("."):
        return None
    import cn2an  # imported on first use: ~0.1 s, and only ingest needs it

    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    return float(value) if isinstance(value, int | float) else None
