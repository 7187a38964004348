"""Questions in, `Answer`s out: the same calls serve Discord (off the event loop) and the console.

Methods here block (search, lookups); the cogs run them with `asyncio.to_thread`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot import formatting
from bot.examples import Example
from bot.formatting import Answer, Suggestions
from bot.user_text import clean_user_text

if TYPE_CHECKING:
    from retrieval.library import Library


class Answers:
    """Answers from whichever library is current (`library()` is read per call, so a reload
    swaps the library for every later question at once)."""

    def __init__(
        self,
        library: Callable[[], Library],
        *,
        quotes_per_answer: int,
        examples: Sequence[Example],
    ) -> None:
        self._library = library
        self.quotes_per_answer = quotes_per_answer
        self.examples = tuple(examples)

    def suggestions(self) -> Suggestions:
        """What can be asked of the current corpus: officials most often named, document titles."""
        library = self._library()
        officials = sorted(
            library.officials.all(), key=lambda o: (-len(o.documents), -len(o.statements), o.name)
        )
        return Suggestions(
            officials=[o.name for o in officials[:8]],
            documents=[d.title for d in library.documents()],
            examples=self.examples,
        )

    def ask(self, question: str) -> Answer:
        question = clean_user_text(question)
        if not question:
            return formatting.empty_question_answer(self.suggestions())
        top_k = self.quotes_per_answer * formatting.MAX_ANSWER_PAGES
        response = self._library().search(question, top_k=top_k)
        suggestions = self.suggestions() if not response.results else Suggestions()
        return formatting.ask_answer(
            question, response, per_page=self.quotes_per_answer, suggestions=suggestions
        )

    def official(self, name: str) -> Answer:
        name = clean_user_text(name)
        lookup = self._library().officials.lookup(name)
        return formatting.official_answer(name, lookup)

    def complete_official(self, prefix: str, limit: int = 25) -> list[str]:
        return self._library().officials.complete(clean_user_text(prefix), limit)

    def officials(self) -> Answer:
        return formatting.officials_answer(self._library().officials.all())

    def sources(self) -> Answer:
        return formatting.sources_answer(self._library().documents())

    def help(self) -> Answer:
        return formatting.help_answer(self._library().stats, Suggestions(examples=self.examples))
