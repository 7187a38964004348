"""Hand-built retrieval models and a small in-memory library for the bot's tests.

The texts are real sentences from the seed documents (English, German, Chinese), so the formatter
is exercised on what users will see; FakeLibrary has the members of `retrieval.library.Library`
that the bot uses, with no corpus to load.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from bot.cards import Answer
from bot.cogs.official_answers import official_answer, officials_answer
from bot.command_mentions import PLAIN_COMMANDS
from retrieval.library import Library, LibraryStats
from retrieval.models import (
    Copy,
    Correction,
    Counterpart,
    DocumentInfo,
    DocumentSummary,
    Official,
    OfficialLookup,
    OfficialTitle,
    Passage,
    SearchResponse,
    SearchResult,
    Statement,
)

PRESS_EN = DocumentInfo(
    id="hqd-conference-2025-press-release-en",
    title="Guangdong accelerates the establishment of a modern industrial system",
    source="news aktuell (ots)",
    date="2025-02-06",
    url="https://www.presseportal.de/pm/175237/5963390",
    language="en",
)
PRESS_DE = DocumentInfo(
    id="hqd-conference-2025-press-release-de",
    title="Guangdong beschleunigt den Aufbau eines modernen Industriesystems",
    source="news aktuell (ots)",
    date="2025-02-06",
    url="https://www.presseportal.de/pm/175237/5963389",
    language="de",
)
PRESS_CONF = DocumentInfo(
    id="department-heads-press-conference-2025-en-zh",
    title="How to boost new quality productive forces?",
    source="Yangcheng Evening News \u2013 Lingnan on the Cloud",
    date="2025-01-16",
    url=None,
    language="en",
)

ROBOTICS_EN = (
    "There is a special priority in the areas of artificial intelligence and robotics, which "
    "should be developed as new industrial columns with high technological deep, strong growth "
    "potential and large scale."
)
ROBOTICS_DE = (
    "Besondere Priorität liege auf den Bereichen Künstliche Intelligenz und Robotik, die als neue "
    "industrielle Säulen mit hoher technologischer Tiefe, starkem Wachstumspotenzial und großem "
    "Maßstab entwickelt werden sollten."
)
INVESTMENT_ZH = (
    "省商务厅厅长张劲松称,广东抓好4张招商清单,去年1-11月到资超1亿美元项目24个。"
    "2025年将创新招商方式,吸引海外主权基金,抓好场景招商,瞄准战略性新兴和未来产业。"
)
GOVERNOR_EN = "Governor Wang Weizhong headed the event."


def result(
    text: str,
    document: DocumentInfo,
    matched: list[str],
    *,
    score: float = 7.5,
    paragraph: int = 3,
    passage_id: int = 0,
) -> SearchResult:
    return SearchResult(
        text=text,
        score=score,
        matched_terms=matched,
        document=document,
        paragraph=paragraph,
        start=100,
        end=100 + len(text),
        language=document.language,
        passage_id=passage_id,
    )


def robotics_response(query: str = "What did the governor say about robotics?") -> SearchResponse:
    return SearchResponse(
        query=query,
        results=[
            result(ROBOTICS_EN, PRESS_EN, ["robotics"], score=9.1, paragraph=5, passage_id=11),
            result(ROBOTICS_DE, PRESS_DE, ["Robotik"], score=8.2, paragraph=5, passage_id=40),
            result(GOVERNOR_EN, PRESS_EN, ["Governor"], score=4.0, paragraph=2, passage_id=7),
        ],
    )


WANG = Official(
    name="Wang Weizhong",
    aliases=["王伟中", "Gouverneur Wang Weizhong"],
    titles=[
        OfficialTitle(title="Governor of Guangdong", document=PRESS_EN.id, date="2025-02-06"),
    ],
    documents=[PRESS_EN, PRESS_DE],
    statements=[
        Statement(
            text=GOVERNOR_EN,
            document=PRESS_EN.id,
            date="2025-02-06",
            paragraph=2,
            start=10,
            end=10 + len(GOVERNOR_EN),
        ),
    ],
)
HUANG = Official(
    name="Huang Kunming",
    aliases=["黄坤明"],
    titles=[
        OfficialTitle(
            title="Secretary of the CPC Guangdong Provincial Committee",
            document=PRESS_EN.id,
            date="2025-02-06",
        )
    ],
    documents=[PRESS_EN, PRESS_DE],
    statements=[
        Statement(
            text=f"Statement number {n}: Huang Kunming emphasized that building a modern "
            "industrial system is a central support for Chinese modernization.",
            document=PRESS_EN.id,
            date="2025-02-06",
            paragraph=3 + n,
            start=0,
            end=10,
        )
        for n in range(1, 8)
    ],
)
ZHANG = Official(
    name="Zhang Jinsong",
    aliases=["张劲松"],
    titles=[
        OfficialTitle(
            title="Director of the Department of Commerce of Guangdong Province",
            document=PRESS_CONF.id,
            date="2025-01-16",
        )
    ],
    documents=[PRESS_CONF],
    statements=[
        Statement(
            text=INVESTMENT_ZH,
            document=PRESS_CONF.id,
            date="2025-01-16",
            paragraph=9,
            start=0,
            end=len(INVESTMENT_ZH),
        )
    ],
)


@dataclass(frozen=True)
class FakeStats(LibraryStats):
    documents: int = 3
    passages: int = 120
    officials: int = 3
    index_seconds: float = 0.05
    index_from_cache: bool = True
    load_seconds: float = 0.2


@dataclass
class FakeOfficials:
    people: list[Official] = field(default_factory=lambda: [HUANG, WANG, ZHANG])
    lookups: list[str] = field(default_factory=list)

    def all(self) -> list[Official]:
        return sorted(self.people, key=lambda o: o.name)

    def lookup(self, name: str) -> OfficialLookup:
        self.lookups.append(name)
        for official in self.people:
            if name.casefold() in {
                official.name.casefold(),
                *(a.casefold() for a in official.aliases),
            }:
                return OfficialLookup(official=official)
        close = [o.name for o in self.people if o.name.split()[0].casefold() in name.casefold()]
        return OfficialLookup(official=None, suggestions=close)

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        folded = prefix.casefold()
        return [o.name for o in self.all() if o.name.casefold().startswith(folded)][:limit]

    def __len__(self) -> int:
        return len(self.people)


@dataclass
class FakeCorpus:
    """The corpus's passages, as the bot reads them (to tell which words are common)."""

    passages: list[Passage] = field(default_factory=list)


@dataclass
class FakeLibrary:
    """A library that answers from prepared responses and records the queries it was asked."""

    responses: dict[str, SearchResponse] = field(default_factory=dict)
    officials: FakeOfficials = field(default_factory=FakeOfficials)
    stats: FakeStats = field(default_factory=FakeStats)
    corpus: FakeCorpus = field(default_factory=FakeCorpus)
    warnings: list[str] = field(default_factory=list)
    queries: list[tuple[str, int]] = field(default_factory=list)
    highlights: list[range | None] = field(default_factory=list)  # what each search highlighted
    tables_carried_over: bool = False
    tables_completed_on: list[str] = field(default_factory=list)  # the threads that completed
    completion_gate: threading.Event | None = None  # completing waits for it, when set

    def complete_tables(self, wanted: Callable[[], bool] = lambda: True) -> bool:
        if self.completion_gate is not None:
            assert self.completion_gate.wait(timeout=30), "the completion was never let through"
        if not wanted():
            return False
        self.tables_completed_on.append(threading.current_thread().name)
        self.tables_carried_over = False
        return True

    def search(
        self, query: str, top_k: int = 3, filters: object = None, *, highlight: range | None = None
    ) -> SearchResponse:
        self.queries.append((query, top_k))
        self.highlights.append(highlight)
        response = self.responses.get(query, SearchResponse(query=query, results=[]))
        return response.model_copy(update={"results": response.results[:top_k]})

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(**doc.model_dump(), passages=40)
            for doc in (PRESS_EN, PRESS_DE, PRESS_CONF)
        ]

    def sources(self) -> list[str]:
        return [doc.source for doc in (PRESS_EN, PRESS_DE, PRESS_CONF)]


def corrected_response() -> SearchResponse:
    response = robotics_response("what did wang weizong say")
    return response.model_copy(
        update={"corrections": [Correction(original="weizong", corrected="weizhong")]}
    )


def as_library(fake: FakeLibrary) -> Library:
    """``fake`` where the bot expects a library: it has the members the bot uses."""
    return cast(Library, fake)


MIRROR = DocumentInfo(
    id="mirror-of-the-release",
    title="A mirror of the release",
    source="unknown source",
    date=None,
    url="https://www.mirror.example/news/1",
    language="en",
)


def copy_of(document: DocumentInfo, passage_id: int = 50) -> Copy:
    return Copy(document=document, passage_id=passage_id, paragraph=2, start=0, end=10)


def counterpart_of(
    document: DocumentInfo, text: str, *, passage_id: int = 60, original: bool = False
) -> Counterpart:
    return Counterpart(
        document=document,
        passage_id=passage_id,
        paragraph=5,
        start=0,
        end=len(text),
        text=text,
        language=document.language,
        original=original,
    )


def directory_answer(found: list[Official]) -> Answer:
    return officials_answer(found, PLAIN_COMMANDS)


def lookup_answer(query: str, lookup: OfficialLookup) -> Answer:
    return official_answer(query, lookup, PLAIN_COMMANDS)


def robotics_with_counterpart(*counterparts: Counterpart) -> SearchResponse:
    shown = robotics_response().results[0].model_copy(update={"also_in": list(counterparts)})
    return SearchResponse(query="q", results=[shown])
