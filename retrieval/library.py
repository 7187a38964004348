"""The loaded corpus with its search index and officials directory: what callers hold on to."""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin

from retrieval.corpus import OFFICIALS_OVERRIDES_FILE, Corpus, load_corpus
from retrieval.errors import SavedIndexError
from retrieval.index import BM25Index
from retrieval.models import DocumentSummary, Official, SearchResponse
from retrieval.officials import OfficialsDirectory
from retrieval.officials.names import compact
from retrieval.scripts import HAN, has_han
from retrieval.search import NameMention, Searcher
from retrieval.tokenize import Tokenizer, strip_marks

log = logging.getLogger(__name__)

INDEX_DIRNAME = ".lingnan-index"
# A title of at most this many words, held by one official alone ("Governor", "General
# Secretary"), names that official in a question; longer titles are subjects in themselves.
_NAMING_TITLE_WORDS = 2
# A Chinese name is two to four characters.
_NAME_CHARACTERS = 4


@dataclass(frozen=True)
class LibraryStats:
    documents: int
    passages: int
    officials: int
    index_seconds: float
    index_from_cache: bool
    load_seconds: float


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
        self._name_patterns: list[tuple[re.Pattern[str], Official, bool]] | None = None
        self._pinyin_names: dict[str, Official] | None = None

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
        """Read the corpus; reuse the saved index when still valid, else build and save it."""
        started = time.perf_counter()
        folder = Path(folder)
        corpus = load_corpus(folder)
        tokenizer = Tokenizer()

        index_started = time.perf_counter()
        index_dir = folder / INDEX_DIRNAME
        fingerprint = BM25Index.fingerprint(corpus.content_hash(), tokenizer, k1=k1, b=b)
        index: BM25Index | None = None
        if use_cache:
            try:
                index = BM25Index.load(index_dir, expected_fingerprint=fingerprint)
            except SavedIndexError as exc:
                log.info("Rebuilding the search index: %s", exc)
            if index is not None and index.size != len(corpus.passages):
                # The fingerprint matched but the passages did not: a rule changed without a
                # version bump. Serve a fresh index rather than fail or quote the wrong passage.
                log.warning("The saved index does not fit the corpus's passages; rebuilding it.")
                index = None
        from_cache = index is not None
        if index is None:
            tokenized = [tokenizer.tokenize(p.text, p.language) for p in corpus.passages]
            index = BM25Index.build(tokenized, k1=k1, b=b, progress=progress)
            if use_cache:
                try:
                    index.save(index_dir, fingerprint=fingerprint)
                except OSError as exc:
                    # A read-only corpus folder still works; it is only rebuilt at every start.
                    log.warning("Could not save the search index in %s: %s", index_dir, exc)
        index_seconds = time.perf_counter() - index_started

        searcher = Searcher(corpus, index, tokenizer)
        overrides = folder / OFFICIALS_OVERRIDES_FILE
        officials = OfficialsDirectory.from_corpus(
            corpus, overrides=overrides if overrides.is_file() else None
        )
        stats = LibraryStats(
            documents=len(corpus.documents),
            passages=len(corpus.passages),
            officials=len(officials),
            index_seconds=index_seconds,
            index_from_cache=from_cache,
            load_seconds=time.perf_counter() - started,
        )
        return cls(corpus, searcher, officials, stats)

    @property
    def warnings(self) -> list[str]:
        return [*self.corpus.warnings, *self.officials.warnings]

    def documents(self) -> list[DocumentSummary]:
        counts: dict[str, int] = {}
        for passage in self.corpus.passages:
            counts[passage.document_id] = counts.get(passage.document_id, 0) + 1
        return [
            DocumentSummary(**doc.info.model_dump(), passages=counts.get(doc.info.id, 0))
            for doc in self.corpus.documents
        ]

    def warm_up(self) -> None:
        """Load now what the first question would wait for (jieba's dictionary, about 1 s).

        Blocking; callers that want a quick start run it on a background thread.
        """
        self.searcher.tokenizer.warm_up()

    def search(self, query: str, top_k: int = 3) -> SearchResponse:
        """The best passages for ``query``; officials it names are also searched for in their
        other spellings ("张劲松" finds "Zhang Jinsong" too)."""
        names = self.named_officials(query)
        response = self.searcher.search(query, top_k=top_k, names=names)
        if response.corrections:
            # A misspelt name or title ("Govenor") names its official once corrected.
            corrected = query
            for correction in response.corrections:
                corrected = re.sub(
                    rf"(?<!\w){re.escape(correction.original)}(?!\w)",
                    lambda _, c=correction: c.corrected,
                    corrected,
                    count=1,
                )
            more = self.named_officials(corrected)
            if more != names:
                response = self.searcher.search(query, top_k=top_k, names=more)
        return response

    def named_officials(self, query: str) -> list[NameMention]:
        """The officials ``query`` names, by any spelling (Latin, Chinese, with tone marks) or
        by a title only they hold, each with the other spellings of their name."""
        folded = _fold_in_place(query)
        mentions: dict[str, NameMention] = {}
        for pattern, official, by_title in self._patterns():
            match = pattern.search(folded)
            if match is None or official.name in mentions:
                continue  # the first spelling found stands for the official
            mention = query[match.start() : match.end()]
            spellings = [official.name, *official.aliases]
            if by_title:
                # "Governor Wang": the name part beside the title names the same person.
                parts = {_fold_in_place(p) for s in spellings for p in s.split()}
                mention = " ".join(
                    [mention]
                    + [
                        query[m.start() : m.end()]
                        for m in re.finditer(r"\w+", folded)
                        if m.group() in parts
                    ]
                )
            else:
                said = _fold_in_place(mention)
                spellings = [s for s in spellings if _fold_in_place(s) != said]
            mentions[official.name] = NameMention(mention, tuple(spellings))
        for mention, official in self._names_in_characters(query):
            if official.name not in mentions:
                spellings = [official.name, *official.aliases]
                mentions[official.name] = NameMention(mention, tuple(spellings))
        return list(mentions.values())

    def _names_in_characters(self, query: str) -> list[tuple[str, Official]]:
        """Officials whose Latin name a run of Chinese characters reads as, in pinyin: "黄坤明"
        is Huang Kunming though the corpus never writes his name in characters."""
        if not has_han(query):
            return []
        if self._pinyin_names is None:
            self._pinyin_names = {compact(o.name): o for o in self.officials.all()}
        found: list[tuple[str, Official]] = []
        for run in re.finditer(rf"[{HAN}]+", query):
            text = run.group()
            syllables = lazy_pinyin(text, errors="ignore")
            if len(syllables) != len(text):
                continue  # a character without a reading: offsets would not line up
            for start in range(len(text)):
                for end in range(start + 2, min(start + _NAME_CHARACTERS, len(text)) + 1):
                    official = self._pinyin_names.get("".join(syllables[start:end]))
                    if official is not None:
                        found.append((text[start:end], official))
        return found

    def _patterns(self) -> list[tuple[re.Pattern[str], Official, bool]]:
        """A pattern for each spelling of each official's name, then for each naming title."""
        if self._name_patterns is None:
            officials = self.officials.all()
            holders: dict[str, set[str]] = {}
            for official in officials:
                for title in official.titles:
                    holders.setdefault(_fold_in_place(title.title), set()).add(official.name)
            patterns: list[tuple[re.Pattern[str], Official, bool]] = []
            for official in officials:
                for spelling in dict.fromkeys([official.name, *official.aliases]):
                    patterns.append((_word_pattern(spelling), official, False))
            for official in officials:
                for title in dict.fromkeys(_fold_in_place(t.title) for t in official.titles):
                    if len(title.split()) <= _NAMING_TITLE_WORDS and len(holders[title]) == 1:
                        patterns.append((_word_pattern(title), official, True))
            self._name_patterns = patterns
        return self._name_patterns


def _fold_in_place(text: str) -> str:
    """``text`` casefolded and without tone marks, character for character (same offsets)."""
    if text.isascii():
        return text.lower()
    out = []
    for char in text:
        folded = strip_marks(unicodedata.normalize("NFC", char).casefold(), "en")
        out.append(folded if len(folded) == 1 else char)
    return "".join(out)


def _word_pattern(spelling: str) -> re.Pattern[str]:
    """Matches ``spelling`` folded, as whole words (Chinese: anywhere), spaces flexible."""
    words = [re.escape(part) for part in _fold_in_place(spelling).split()]
    body = r"\s*".join(words) if has_han(spelling) else r"\s+".join(words)
    return re.compile(body if has_han(spelling) else rf"(?<!\w){body}(?!\w)")
