"""Figures in quotes: which questions ask for one, and where a quote states one.

In a question of figures ("How much…", "What GDP…", "多少") the figure is the answer, so it is
what an answer shows in bold. The words are in bot/data/figures.toml; what asks for a number is
retrieval's own reading of the question (its answer types), so both agree.
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from retrieval.search.answer_types import NUMBER, AnswerTypeRules

log = logging.getLogger(__name__)

FIGURES_FILE = Path(__file__).parent / "data" / "figures.toml"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Years, dates and times are numbers but not figures ("in 2024", "2025-02-06", "07:50").
_NOT_A_FIGURE = re.compile(r"^(?:1[89]|20)\d\d(?:年)?$|^\d{1,2}月|^\d{1,2}日$")


@dataclass(frozen=True)
class FigureRules:
    measures: tuple[str, ...]
    units: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = FIGURES_FILE) -> FigureRules:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            log.warning("figure words not loaded from %s: %s", path, error)
            return cls((), ())

        def words(section: str) -> tuple[str, ...]:
            table = data.get(section, {})
            found = {str(w).casefold() for words in table.values() for w in words if str(w).strip()}
            return tuple(sorted(found, key=len, reverse=True))

        return cls(words("measures"), words("units"))

    @functools.cached_property
    def _figure(self) -> re.Pattern[str]:
        latin = [re.escape(u) for u in self.units if not _HAN.search(u)]
        han = [re.escape(u) for u in self.units if _HAN.search(u)]
        number = r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?"
        latin_units = rf"(?:\s?(?:%|{'|'.join(latin)})(?![\w]))" if latin else r"(?:\s?%)"
        han_units = rf"(?:{'|'.join(han)})" if han else ""
        units = rf"(?:{latin_units}|{han_units})" if han_units else latin_units
        # Not a year, month or day ("2025年", "1-11月"), not inside a word or a longer number.
        not_date = r"(?![\dA-Za-z年月日号]|[:\-/]\d|\s?[-\u2013]\s?\d+[月日])"
        return re.compile(rf"(?<![A-Za-z0-9.,:/\-]){number}{not_date}{units}{{0,2}}", re.IGNORECASE)

    def asks_for_figure(self, question: str) -> bool:
        """Does `question` ask for a figure: "how many", or a measure such as GDP?"""
        if _answer_types().asked(question) == NUMBER:
            return True
        folded = question.casefold()
        for measure in self.measures:
            if _HAN.search(measure):
                if measure in folded:
                    return True
            elif re.search(rf"(?<!\w){re.escape(measure)}(?!\w)", folded):
                return True
        return False

    def figures_in(self, text: str) -> list[str]:
        """The figures `text` states, as written ("14 trillion yuan", "4,8 Prozent", "24个"):
        numbers with their units, not years, dates or times."""
        found: list[str] = []
        for match in self._figure.finditer(text):
            figure = match.group(0).strip()
            if figure and not _NOT_A_FIGURE.match(figure) and figure not in found:
                found.append(figure)
        return found


@functools.cache
def _answer_types() -> AnswerTypeRules:
    return AnswerTypeRules.load()


@functools.cache
def figure_rules() -> FigureRules:
    return FigureRules.load()
