"""Figures in quotes: which questions ask for one, and where a quote states one.

In a question of figures ("How much…", "What GDP…", "多少") the figure is the answer, so it is
what an answer shows in bold. The words are in bot/data/figures.toml; what asks for a number is
retrieval's own reading of the question (its answer types), so both agree. A language's measures
count only in a question of that language, as retrieval reads the question's language: the
German "Quote" is no measure in "quote the governor".
"""

from __future__ import annotations

import functools
import logging
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from retrieval.scripts import HAN_CHAR
from retrieval.search.answer_types import NUMBER, AnswerTypeRules
from retrieval.tokenize import Tokenizer

log = logging.getLogger(__name__)

FIGURES_FILE = Path(__file__).parent / "data" / "figures.toml"
# Years, dates and times are numbers but not figures ("in 2024", "2025-02-06", "07:50").
_NOT_A_FIGURE = re.compile(r"^(?:1[89]|20)\d\d(?:年)?$|^\d{1,2}月|^\d{1,2}日$")


@dataclass(frozen=True)
class FigureRules:
    measures: Mapping[str, tuple[str, ...]]  # by language
    units: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = FIGURES_FILE) -> FigureRules:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            log.warning("figure words not loaded from %s: %s", path, error)
            return cls({}, ())

        def words(lists: object) -> tuple[str, ...]:
            found = {str(w).casefold() for w in _listed(lists) if str(w).strip()}
            return tuple(sorted(found, key=len, reverse=True))

        measures = {str(language): words(lists) for language, lists in _table(data, "measures")}
        units = words([w for _, lists in _table(data, "units") for w in _listed(lists)])
        return cls(measures, units)

    @functools.cached_property
    def _figure(self) -> re.Pattern[str]:
        latin = [re.escape(u) for u in self.units if not HAN_CHAR.search(u)]
        han = [re.escape(u) for u in self.units if HAN_CHAR.search(u)]
        number = r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?"
        latin_units = rf"(?:\s?(?:%|{'|'.join(latin)})(?![\w]))" if latin else r"(?:\s?%)"
        han_units = rf"(?:{'|'.join(han)})" if han else ""
        units = rf"(?:{latin_units}|{han_units})" if han_units else latin_units
        # Not a year, month or day ("2025年", "1-11月"), not inside a word or a longer number.
        not_date = r"(?![\dA-Za-z年月日号]|[:\-/]\d|\s?[-\u2013]\s?\d+[月日])"
        return re.compile(rf"(?<![A-Za-z0-9.,:/\-]){number}{not_date}{units}{{0,2}}", re.IGNORECASE)

    def asks_for_figure(self, question: str) -> bool:
        """Does `question` ask for a figure: "how many", or a measure such as GDP in the
        question's language? (Chinese measures anywhere: their script is their language; every
        language's when the question does not tell, as a bare "GDP" does not.)"""
        if _answer_types().asked(question) == NUMBER:
            return True
        folded = question.casefold()
        language = _question_language(question)
        for measure_language, measures in self.measures.items():
            for measure in measures:
                if HAN_CHAR.search(measure):
                    if measure in folded:
                        return True
                elif language in (None, measure_language) and re.search(
                    rf"(?<!\w){re.escape(measure)}(?!\w)", folded
                ):
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


def _table(data: Mapping[str, object], section: str) -> list[tuple[str, object]]:
    table = data.get(section, {})
    return list(table.items()) if isinstance(table, dict) else []


def _listed(words: object) -> list[object]:
    return list(words) if isinstance(words, list) else []


@functools.cache
def _answer_types() -> AnswerTypeRules:
    return AnswerTypeRules.load()


@functools.cache
def _language_reader() -> Tokenizer:
    # Its question language needs only its stopwords (the names of a library's tokenizer
    # change nothing here), so one built once serves every library.
    return Tokenizer()


def _question_language(question: str) -> str | None:
    return _language_reader().question_language(question)


@functools.cache
def figure_rules() -> FigureRules:
    return FigureRules.load()
