"""Questions in, `Answer`s out: the same calls serve Discord (off the event loop) and the console.

Methods here block (search, lookups); the cogs run them in the bot's answer pool
(`bot/answer_pool.py`; suggestions as one types, on asyncio's pool). Search is deterministic,
so `rebuild` gives a button the very answer it was pressed under, even after a restart.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.answer_filters import chosen_filters, complete_source, filters_from_token
from bot.cards import Answer, MenuKind, Origin, checksum
from bot.cogs.ask_answers import MAX_ANSWER_PAGES, ask_answer, empty_question_answer
from bot.cogs.filter_answers import filters_gone_answer
from bot.cogs.find_sources_answers import find_sources_answer
from bot.cogs.official_answers import official_answer, officials_answer, statements_answer
from bot.cogs.official_parts import REPORTED_CHOICE
from bot.cogs.sources_answers import help_answer, sources_answer
from bot.cogs.speech_answers import speech_answer
from bot.cogs.timeline_answers import timeline_answer
from bot.command_mentions import PLAIN_COMMANDS, CommandMentions
from bot.examples import Example
from bot.quote_facts import QuoteFacts
from bot.user_text import clean_user_text
from retrieval.filters import FilterError

if TYPE_CHECKING:
    from retrieval.library import Library
    from retrieval.models import SearchFilters, SearchResponse


class Answers:
    """Answers from whichever library is current (`library()` is read per call, so a reload
    swaps the library for every later question at once)."""

    def __init__(
        self,
        library: Callable[[], Library],
        *,
        quotes_per_answer: int,
        examples: Sequence[Example],
        commands: Callable[[], CommandMentions] = lambda: PLAIN_COMMANDS,
    ) -> None:
        self._library = library
        self.quotes_per_answer = quotes_per_answer
        self.examples = tuple(examples)
        self.commands = commands
        self._facts: tuple[Library, QuoteFacts] | None = None
        self._facts_lock = threading.Lock()

    def facts(self) -> QuoteFacts:
        """Speakers and common words of the current library (built once per library)."""
        library = self._library()
        with self._facts_lock:
            if self._facts is None or self._facts[0] is not library:
                passages = [p.text for p in library.corpus.passages]
                self._facts = (library, QuoteFacts.of(library.officials.all(), passages))
            return self._facts[1]

    def ask(
        self,
        question: str,
        *,
        per_page: int | None = None,
        language: str | None = None,
        public: bool = False,
        filters: SearchFilters | None = None,
        shown_page: int | None = None,
    ) -> Answer:
        """The quotes for `question`, `per_page` a page (default: the bot's setting), notes and
        hints in `language` (default: the question's). `public`: everyone sees the answer (a
        mention's reply in a server), so nothing found is one sentence, without examples.
        `filters` choose the documents quoted (see `filters`). `shown_page`: the one page that
        will be shown (Discord shows one, and a page button builds the answer again), the only
        one whose matched words are found and set in bold (figures are bold on every page);
        None: every page (the console)."""
        question = clean_user_text(question)
        if not question:
            return empty_question_answer(self.examples, self.commands(), language)
        per_page = per_page or self.quotes_per_answer

        def search(page: int | None) -> SearchResponse:
            shown = None if page is None else range(page * per_page, (page + 1) * per_page)
            return self._library().search(
                question, top_k=per_page * MAX_ANSWER_PAGES, filters=filters, highlight=shown
            )

        response = search(shown_page)
        last_page = max(0, (len(response.results) - 1) // per_page)
        if shown_page is not None and shown_page > last_page:
            # Fewer results than when the page was pressed (the corpus or the quotes per page
            # changed): the last page is the one shown, so it is the one to highlight.
            response = search(last_page)
        answer = ask_answer(
            question,
            response,
            per_page=per_page,
            commands=self.commands(),
            facts=self.facts(),
            examples=() if public else self.examples,
            language=language,
        )
        if shown_page is not None:
            # Formatted here, on the answers' thread: the event loop then only sends it.
            _ = answer.pages[min(shown_page, len(answer.pages) - 1)]
        return answer

    def filters(
        self,
        *,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
    ) -> SearchFilters | None:
        """/ask's filters from its options (None: none given); FilterError (what is wrong, as
        data) for a date that is none or a source the corpus lacks."""
        return chosen_filters(
            self._library().sources(), language=language, since=since, until=until, source=source
        )

    def complete_source(self, typed: str) -> list[str]:
        return complete_source(self._library().sources(), clean_user_text(typed))

    def timeline(self, topic: str, language: str | None = None) -> Answer:
        """The best quotes on `topic` in date order, oldest first."""
        topic = clean_user_text(topic)
        if not topic:
            return empty_question_answer(self.examples, self.commands(), language)
        return timeline_answer(topic, self._library().timeline(topic), language)

    def find_sources(self, message_text: str, *, language: str | None = None) -> Answer:
        """The corpus's best quotes for what a message says (its telling sentences)."""
        text = clean_user_text(message_text)
        sentences, response = self._library().find_sources(text)
        return find_sources_answer(
            sentences, response, commands=self.commands(), facts=self.facts(), language=language
        )

    def official(self, name: str, language: str | None = None) -> Answer:
        name = clean_user_text(name)
        lookup = self._library().officials.lookup(name)
        return official_answer(name, lookup, self.commands(), language)

    def speech(self, name: str, document_key: str, language: str | None = None) -> Answer:
        """An official's speech in one document (by its key); their card when they have no
        speech there (any more)."""
        name = clean_user_text(name)
        lookup = self._library().officials.lookup(name)
        if lookup.official is None:
            return official_answer(name, lookup, self.commands(), language)
        return speech_answer(lookup.official, document_key, language) or statements_answer(
            lookup.official, language=language
        )

    def official_by_key(self, key: str, language: str | None = None) -> Answer | None:
        """The card of the official whose name's checksum is `key` (an entry of the menu of
        several officials); None when the current corpus names no such official."""
        for official in self._library().officials.all():
            if checksum(official.name) == key:
                return statements_answer(official, language=language)
        return None

    def choose(
        self, kind: MenuKind, name: str, value: str, language: str | None = None
    ) -> Answer | None:
        """What choosing `value` in a menu opens: one of several officials, or (under the card
        of the official `name`) their reported statements or one of their speeches."""
        if kind == "official":
            return self.official_by_key(value, language)
        if value == REPORTED_CHOICE:
            return self.official(name, language)
        return self.speech(name, value, language)

    def complete_official(self, prefix: str, limit: int = 25) -> list[str]:
        return self._library().officials.complete(clean_user_text(prefix), limit)

    def officials(self, language: str | None = None) -> Answer:
        return officials_answer(self._library().officials.all(), self.commands(), language)

    def sources(self, language: str | None = None) -> Answer:
        return sources_answer(self._library().documents(), language)

    def help(self, language: str | None = None) -> Answer:
        return help_answer(self._library().stats, self.examples, self.commands(), language)

    def rebuild(
        self,
        origin: Origin,
        *,
        per_page: int | None = None,
        language: str | None = None,
        shown_page: int | None = None,
    ) -> Answer:
        """The answer `origin` names, built again from the current library (an /ask answer
        with the server's quotes per page and language, `shown_page` as `ask` takes it)."""
        if origin.command == "ask":
            try:
                filters = filters_from_token(origin.detail, self._library().sources())
            except FilterError:  # the source filtered on is no longer in the corpus
                return filters_gone_answer(language)
            return self.ask(
                origin.argument,
                per_page=per_page,
                language=language,
                filters=filters,
                shown_page=shown_page,
            )
        if origin.command == "timeline":
            return self.timeline(origin.argument, language)
        if origin.command == "official":
            return self.official(origin.argument, language)
        if origin.command == "speech":
            return self.speech(origin.argument, origin.detail, language)
        if origin.command == "officials":
            return self.officials(language)
        return self.sources(language)
