"""Chinese numerals written with a unit character, read as figures: 十四 = 14, 二十 = 20.

"十四五" (the 14th Five-Year Plan) and "the 14th" name one number; a Chinese numeral is a figure
as "14" is, so a question in one language finds it in another. Only numerals with a unit
character (十, 百, 千) are read: a lone 一 or 五 is too often part of a word (一体化, 五年).
"""

from __future__ import annotations

import re

_DIGITS = {
    "〇": 0,
    "零": 0,
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
# Digits and units only, at least one unit: 十四, 二十, 一百二十三, 三千零五.
_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千]*[十百千][〇零一二两三四五六七八九十百千]*")


def chinese_numeral(word: str) -> str | None:
    """The value of ``word`` as digits when it is a well-formed Chinese numeral below ten
    thousand with a unit character ("十四" -> "14"), else None ("十四五", "四五", "五")."""
    if not _NUMERAL.fullmatch(word):
        return None
    total = 0
    digit: int | None = None
    zero = False  # 零 holds an empty place: 三千零五 = 3005
    last_unit = 10_000
    for char in word:
        if char in "〇零":
            if digit is not None:
                return None
            zero = True
            continue
        if char in _DIGITS:
            if digit is not None:
                return None  # two digits in a row: "四五"
            digit = _DIGITS[char]
            continue
        unit = _UNITS[char]
        if unit >= last_unit:
            return None  # units must fall: "十百" is no number
        total += (1 if digit is None else digit) * unit
        digit, last_unit, zero = None, unit, False
    if digit is not None:
        if last_unit > 10 and not zero:
            # A digit after 百 or 千 without 零 ("一百五") is shorthand for 150: unsure.
            return None
        total += digit
    return str(total)
