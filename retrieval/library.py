"""The loaded corpus with its search index and officials directory: what callers hold on to."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.collection_pause import collection_paused
from retrieval.corpus import OFFICIALS_OVERRIDES_FILE, Corpus, load_corpus
from retrieval.errors import IndexSaveError
from retrieval.file_cache import FileCache
from retrieval.filters import filter_documents
from retrieval.index import BM25Index
from retrieval.index_store import IndexOutcome, IndexStore, load_or_build
from retrieval.load_progress import LoadProgress
from retrieval.models import (
    DocumentSummary,
    Official,
    SearchFilters,
    SearchResponse,
    SearchResult,
    Timeline,
)
from retrieval.officials import OfficialsDirectory
from retrieval.officials_cache import officials_directory, scan_suffix, speeches_suffix
from retrieval.scripts import has_han
from retrieval.search import (
    MAX_QUERY_CHARS,
    NameMention,
    OfficialNames,
    Searcher,
    corrected_question,
)
from retrieval.search.lazy import Lazy
from retrieval.search.searcher import CorpusTables
from retrieval.table_cache import (
    anchors_suffix,
    answer_features,
    answers_suffix,
    copies_entry,
    copy_tokens_suffix,
    duplicate_groups,
    tables_key,
    translation_pairs,
    translations_entry,
)
from retrieval.telling_sentences import telling_sentences
from retrieval.timeline import TIMELINE_RESULTS, timeline_of
from retrieval.token_cache import entry_suffix, tokenized_index
from retrieval.token_pack import pack_entry
from retrieval.tokenize import Tokenizer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LibraryStats:
    documents: int
    passages: int
    officials: int
    index_seconds: float
    index_from_cache: bool
    load_seconds: float
    # Why the index could not be saved (it is then served from memory and rebuilt next time).
    index_save_error: str | None = None


@dataclass(frozen=True)
class CorpusFile:
    """One file of the corpus folder and the documents read from it (a JSON Lines file holds
    many)."""

    path: Path
    name: str  # relative to the corpus folder, "/"-separated
    documents: tuple[DocumentSummary, ...]


class Library:
    """A corpus folder made searchable: load once, then ask it questions from any thread."""

    def __init__(
        self,
        corpus: Corpus,
        searcher: Searcher,
        officials: OfficialsDirectory,
        stats: LibraryStats,
    ) -> None:
        self.corpus = corpus
        self.searcher = searcher
        self.officials = officials
        self.stats = stats
        self._names = OfficialNames(officials.all())
        # Each passage's document, by position in the corpus's documents: filters become a
        # passage mask in one step.
        position = {doc.info.id: n for n, doc in enumerate(corpus.documents)}
        self._passage_documents = np.fromiter(
            (position[p.document_id] for p in corpus.passages),
            dtype=np.int64,
            count=len(corpus.passages),
        )
        self._documents = Lazy(self._summaries)

    @classmethod
    def load(
        cls,
        folder: Path | str,
        *,
        k1: float = 1.5,
        b: float = 0.75,
        use_cache: bool = True,
        progress: bool = False,
    ) -> Library:
        """Read the corpus; reuse the saved index when still valid, else build and save it.

        ``use_cache``: what each file derives is taken from the per-file cache
        (``retrieval.file_cache``) and the index from the saved one when they fit, and both are
        saved; without it everything is derived again and nothing is written. ``progress``: one
        bar for the whole load, on a terminal."""
        with collection_paused():
            return cls._load(Path(folder), k1=k1, b=b, use_cache=use_cache, progress=progress)

    @classmethod
    def _load(
        cls, folder: Path, *, k1: float, b: float, use_cache: bool, progress: bool
    ) -> Library:
        started = time.perf_counter()
        cache = FileCache(folder) if use_cache else None
        bar = LoadProgress(progress)
        try:
            corpus = load_corpus(folder, cache, bar)
            # Officials before the index: their names in Chinese characters are indexed whole.
            bar.describe("Finding officials")
            overrides = folder / OFFICIALS_OVERRIDES_FILE
            officials = officials_directory(
                corpus, overrides if overrides.is_file() else None, cache
            )
            bar.advance()
            tokenizer = Tokenizer(names=chinese_names(officials.all()))

            bar.describe("Indexing passages")
            index_started = time.perf_counter()
            fingerprint = BM25Index.fingerprint(corpus.content_hash(), tokenizer, k1=k1, b=b)

            def build() -> BM25Index:
                return tokenized_index(corpus, tokenizer, cache, k1=k1, b=b)

            if use_cache:
                # A fingerprint that matches with other passages means a rule changed without a
                # version bump: rebuild rather than quote the wrong passage.
                outcome = load_or_build(
                    IndexStore(folder),
                    fingerprint,
                    build,
                    fits=lambda index: index.size == len(corpus.passages),
                )
            else:
                outcome = IndexOutcome(build(), from_cache=False, save_error=None)
            index, from_cache = outcome.index, outcome.from_cache
            index_seconds = time.perf_counter() - index_started
            bar.advance()
        finally:
            bar.close()
        tables = None
        if cache is not None:
            tables = _cached_tables(corpus, tokenizer, cache)
            cache.keep(scan_suffix())
            cache.keep(speeches_suffix())
            cache.keep(entry_suffix(tokenizer))
            cache.keep_entry(pack_entry(cache, tokenizer))  # a restart reads no tokens
            cache.keep(answers_suffix())
            cache.keep(anchors_suffix(tokenizer))
            cache.keep(copy_tokens_suffix())
            _tidy(cache, IndexStore(folder))

        searcher = Searcher(corpus, index, tokenizer, tables=tables)
        stats = LibraryStats(
            documents=len(corpus.documents),
            passages=len(corpus.passages),
            officials=len(officials),
            index_seconds=index_seconds,
            index_from_cache=from_cache,
            load_seconds=time.perf_counter() - started,
            index_save_error=outcome.save_error,
        )
        return cls(corpus, searcher, officials, stats)

    @property
    def warnings(self) -> list[str]:
        saving = [self.stats.index_save_error] if self.stats.index_save_error else []
        return [*self.corpus.warnings, *self.officials.warnings, *saving]

    def documents(self) -> list[DocumentSummary]:
        """Every document with its passage count (counted once: the corpus does not change)."""
        return list(self._documents.get())

    def _summaries(self) -> list[DocumentSummary]:
        counts: dict[str, int] = {}
        for passage in self.corpus.passages:
            counts[passage.document_id] = counts.get(passage.document_id, 0) + 1
        return [
            DocumentSummary(**doc.info.model_dump(), passages=counts.get(doc.info.id, 0))
            for doc in self.corpus.documents
        ]

    def files(self) -> list[CorpusFile]:
        """The corpus's document files, in corpus order, each with its documents."""
        summaries = {summary.id: summary for summary in self.documents()}
        by_path: dict[Path, list[DocumentSummary]] = {}
        for document in self.corpus.documents:
            by_path.setdefault(document.path, []).append(summaries[document.info.id])
        folder = self.corpus.folder
        return [
            CorpusFile(path, _relative_name(path, folder), tuple(documents))
            for path, documents in by_path.items()
        ]

    def officials_in(self, document_ids: Collection[str]) -> list[Official]:
        """The officials named in any of the documents ``document_ids``."""
        wanted = set(document_ids)
        return [o for o in self.officials.all() if any(d.id in wanted for d in o.documents)]

    def carry_over(self, previous: Library) -> bool:
        """Serve the copies and translations ``previous`` serves (this folder's corpus before a
        file was added, changed or removed) for the passages both corpora hold, until
        ``complete_tables``: this corpus's own take minutes to find on a large corpus, and
        the new file should be searchable in seconds. Meanwhile a passage new or changed (not
        the same document, place and text) has no copies or translations, and those among the
        others stay as they were; where a new document took an old one's id (two files of one
        name in different folders), the old one's relations show under the new one's source.

        False (nothing carried) when ``previous`` has no such tables ready.
        """
        if not isinstance(previous, Library):
            return False
        old = previous.searcher
        if not old.copies_and_translations_ready:
            return False
        new_ids = _passage_numbers(previous.corpus, self.corpus)
        passages = self.corpus.passages
        infos = [document.info for document in self.corpus.documents]
        tokenizer = self.searcher.tokenizer
        self.searcher.carry_over(
            old.copies.renumbered(new_ids, passages, infos),
            old.translated.renumbered(new_ids, passages, infos, tokenizer),
        )
        return True

    @property
    def tables_carried_over(self) -> bool:
        """Whether copies and translations are still those ``carry_over`` carried."""
        return self.searcher.tables_carried_over

    def complete_tables(self, wanted: Callable[[], bool] = lambda: True) -> bool:
        """Blocking (minutes on a large corpus): find this corpus's own copies and translations
        (or read them from the cache) in place of those carried over, and cache them.
        ``wanted`` is asked between the two tables: False stops the work (a newer library
        replaced this one). Whether the tables were completed."""
        with collection_paused():
            return self.searcher.complete_tables(wanted)

    def warm_up(self) -> None:
        """Load now what the first question would wait for: jieba's dictionary and the word
        lists (about 2 s), the searcher's tables (copies of passages, names in them).

        Blocking; callers that want a quick start run it on a background thread.
        """
        with collection_paused():  # it makes millions of objects, as a load does
            self.searcher.tokenizer.warm_up()
            self.searcher.warm_up()

    def search(
        self,
        query: str,
        top_k: int = 3,
        filters: SearchFilters | None = None,
        *,
        highlight: range | None = None,
    ) -> SearchResponse:
        """The best passages for ``query``; officials it names are also searched for in their
        other spellings ("张劲松" finds "Zhang Jinsong" too).

        When words are corrected, the results are those of the corrected question, the one
        shown as "Showing results for": a misspelt name or title ("Govenor") then names its
        official too. The response keeps the question as asked, with the corrections made.

        ``filters`` choose the documents quoted before anything is ranked; the response states
        them, the undated documents a date bound left out, and, when they leave no result, how
        many the question has without them.

        ``highlight``: the positions of the results whose matched words are wanted (the page
        of an answer that is shown); the others come with none, and the synonyms and
        translations reported are those these results were found through. None: every
        result's. Finding matched words tokenizes a passage again, the costliest step per result.
        """
        if filters is None or not filters.active:
            return self._search(query, top_k, None, highlight)
        allowed = filter_documents([doc.info for doc in self.corpus.documents], filters)
        positions = [n for n, doc in enumerate(self.corpus.documents) if doc.info.id in allowed.ids]
        within = np.isin(self._passage_documents, positions)
        response = self._search(query, top_k, within, highlight)
        without = None
        if not response.results:
            without = len(self._search(query, top_k, None, range(0)).results)
        return response.model_copy(
            update={
                "filters": filters,
                "filtered_documents": len(allowed.ids),
                "undated_left_out": allowed.undated_left_out,
                "without_filters": without,
            }
        )

    def _search(
        self, query: str, top_k: int, within: np.ndarray | None, highlight: range | None = None
    ) -> SearchResponse:
        # Names are looked for in the part of the question the searcher reads.
        names = self.named_officials(query[:MAX_QUERY_CHARS])
        response = self.searcher.search(
            query, top_k=top_k, names=names, within=within, highlight=highlight
        )
        if not response.corrections:
            return response
        corrected = corrected_question(response.query, response.corrections)
        names = self.named_officials(corrected[:MAX_QUERY_CHARS])
        again = self.searcher.search(
            corrected, top_k=top_k, names=names, within=within, highlight=highlight
        )
        return again.model_copy(
            update={"query": response.query, "corrections": response.corrections}
        )

    def timeline(self, topic: str, filters: SearchFilters | None = None) -> Timeline:
        """The best passages on ``topic`` ordered by their documents' dates, oldest first (a
        search with a larger k: a topic the corpus lacks has an empty timeline)."""
        return timeline_of(topic, self.search(topic, top_k=TIMELINE_RESULTS, filters=filters))

    def find_sources(self, text: str, top_k: int = 3) -> tuple[list[str], SearchResponse]:
        """The corpus's best quotes for what ``text`` (a message) says: its telling sentences
        (``retrieval.telling_sentences``), each searched, their quotes taken in turn (the best
        of each first), each quote once. Returns the sentences searched and the quotes."""
        sentences = telling_sentences(text, self.searcher.index, self.searcher.tokenizer)
        found = [self.search(sentence, top_k=top_k).results for sentence in sentences]
        merged: dict[int, SearchResult] = {}
        for rank in range(top_k):
            for results in found:
                if rank < len(results):
                    merged.setdefault(results[rank].passage_id, results[rank])
        shown = list(merged.values())[:top_k]
        return sentences, SearchResponse(query=" ".join(sentences), results=shown)

    def sources(self) -> list[str]:
        """The corpus's sources (publishers), the most documents first, then by name."""
        counts: dict[str, int] = {}
        for document in self.corpus.documents:
            source = " ".join(document.info.source.split())
            if source:
                counts[source] = counts.get(source, 0) + 1
        return sorted(counts, key=lambda source: (-counts[source], source.casefold()))

    def named_officials(self, query: str) -> list[NameMention]:
        """The officials ``query`` names, by any spelling (Latin, Chinese, with tone marks) or
        by a title only they hold, each with the other spellings of their name."""
        return self._names.mentions(query)


def _passage_numbers(before: Corpus, after: Corpus) -> dict[int, int]:
    """For each passage of ``before`` that ``after`` holds too (the same document, place and
    text), its id in ``after``."""
    where = {(p.document_id, p.start, p.end): p for p in after.passages}
    numbers: dict[int, int] = {}
    for passage in before.passages:
        found = where.get((passage.document_id, passage.start, passage.end))
        if found is not None and found.text == passage.text:
            numbers[passage.id] = found.id
    return numbers


def _cached_tables(corpus: Corpus, tokenizer: Tokenizer, cache: FileCache) -> CorpusTables:
    """The searcher's slowest tables, read from the cache when it has them (on the searcher's
    first need, or its warm-up), else built and cached. Their entries are kept by this load,
    read or not, so that tidying the cache now does not remove them."""
    key = tables_key(corpus, tokenizer)
    cache.keep_entry(copies_entry(key))
    cache.keep_entry(translations_entry(key))
    return CorpusTables(
        answer_features=lambda: answer_features(corpus, cache),
        duplicates=lambda: duplicate_groups(corpus, cache, key),
        translated=lambda: translation_pairs(corpus, tokenizer, cache, key),
    )


def _tidy(cache: FileCache, store: IndexStore) -> None:
    """Remove the cache entries this load did not use, unless another process is building
    (its entries would go too) or the folder cannot be written."""
    try:
        with store.lock(wait_seconds=0):
            cache.prune()
    except IndexSaveError as error:
        log.debug("File cache not tidied: %s", error)


def chinese_names(officials: Iterable[Official]) -> list[str]:
    """The officials' names written in Chinese characters."""
    return [n for o in officials for n in (o.name, *o.aliases) if has_han(n)]


def _relative_name(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:  # a corpus built by hand may name files elsewhere
        return path.name
