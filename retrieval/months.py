"""Month names as one index term in every language, like figures.

"February 24", "24. Februar" and "2月24日" name one day; a question in one language about a date
a page in another gives should find it without a dictionary. A month is indexed as ``=month-N``
(N = 1..12) wherever it is written: an English or German month name (``retrieval/data/
months.toml``), or in Chinese a figure or numeral before 月 ("2月", "二月", "十二月").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from retrieval.folding import fold_case

MONTHS_FILE = Path(__file__).parent / "data" / "months.toml"
_CHINESE_NUMERALS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# 十二月, 十一月, 十月, then 一月 ... 九月: longest first. Not after a numeral ("三十一月").
CHINESE_MONTH = re.compile(
    r"(?<![一二三四五六七八九十百千〇零两])(十[一二]?|[一二三四五六七八九])月"
)


# A figure right after a word: "May 2024", "May 16".
_FIGURE_NEXT = re.compile(r"\s*\d")


def month_term(number: int) -> str:
    """The index term of month ``number`` (1 to 12)."""
    return f"=month-{number}"


@dataclass(frozen=True)
class MonthNames:
    """Folded month names -> month number, with the names that count only capitalised."""

    numbers: dict[str, int]
    capitalised_only: frozenset[str]

    def reads_as_month(self, written: str, text: str, start: int) -> bool:
        """Whether ``written`` (a month name at ``start`` of ``text``) is the month: a name that
        is also a word ("May", "March") opening a sentence is the month only before a figure
        ("May 2024 saw ...", not "May the province grow")."""
        if fold_case(written) not in self.capitalised_only:
            return True
        before = text[:start].rstrip()
        if before and before[-1] not in ".!?\"“”'‘’\n":
            return True
        return _FIGURE_NEXT.match(text, start + len(written)) is not None

    def number(self, written: str) -> int | None:
        """The month ``written`` (a word as the text writes it) names, if any."""
        folded = fold_case(written)
        number = self.numbers.get(folded)
        if number is None or (folded in self.capitalised_only and not written[:1].isupper()):
            return None
        return number


@cache
def month_names(path: Path = MONTHS_FILE) -> MonthNames:
    """The month names of ``path`` (read once)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    numbers: dict[str, int] = {}
    for language, months in data.items():
        if language == "rules":
            continue
        for number, names in months.items():
            for name in names:
                numbers[fold_case(name)] = int(number)
    rules = data.get("rules", {})
    return MonthNames(numbers, frozenset(fold_case(w) for w in rules.get("capitalised_only", [])))


def chinese_month(text: str, figure: str | None) -> tuple[int, int] | None:
    """The month a Chinese run ``text`` starts with: ``figure`` (the digits just before the
    run) with 月 ("2" + "月"), or numerals ("二月"); as (month, length of the run's month part).
    None when the run does not start with a month."""
    if figure is not None and text.startswith("月") and figure.isdigit():
        number = int(figure)
        return (number, 1) if 1 <= number <= 12 else None
    match = CHINESE_MONTH.match(text)
    if match is None:
        return None
    numeral = match.group(1)
    number = (
        10 + _CHINESE_NUMERALS.get(numeral[1:], 0)
        if numeral[0] == "十"
        else _CHINESE_NUMERALS[numeral]
    )
    return number, len(match.group())
