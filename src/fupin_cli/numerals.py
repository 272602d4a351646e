"""Chinese numerals as used in article labels: 十四 -> 14, 二十九 -> 29, 一百零三 -> 103."""

from __future__ import annotations

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
