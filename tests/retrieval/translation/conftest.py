"""An index over invented passages in three languages, and the tokenizer that built it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from retrieval.index import BM25Index
from retrieval.tokenize import Tokenizer
from retrieval.translation.lexicon import WordPair
from retrieval.translation.table import TranslationTable

PASSAGES = [
    ("en", "Foreign trade of the province grew by a tenth last year."),
    ("en", "New quality productive forces drive the coastal economy."),
    ("en", "The harbour handled more containers than ever."),
    ("en", "Exports of semiconductors rose in the spring."),
    ("en", "The city opened a new quality control laboratory."),
    ("en", "Patent applications by local firms doubled."),
    ("en", "Firms in the port hired more staff."),
    ("de", "Der Außenhandel der Provinz wuchs im vergangenen Jahr."),
    ("de", "Halbleiter aus dem Süden werden weltweit verkauft."),
    ("zh", "全省外贸进出口总额增长一成。"),
    ("zh", "新质生产力推动沿海经济发展。"),
    ("zh", "半导体出口在春季大幅增长。"),
    ("zh", "港口吞吐量再创新高。"),
]

# A small dictionary written for the tests: Chinese, German and English phrases.
PAIRS = [
    WordPair("zh", "外贸", "en", "foreign trade"),
    WordPair("zh", "新质生产力", "en", "new quality productive forces"),
    WordPair("zh", "半导体", "en", "semiconductor"),
    WordPair("zh", "港口", "en", "harbour"),
    WordPair("zh", "港口", "en", "port", 1),
    WordPair("zh", "出口", "en", "export"),
    WordPair("zh", "新", "en", "new"),
    WordPair("zh", "增长", "en", "grow"),
    WordPair("de", "Außenhandel", "en", "foreign trade"),
    WordPair("de", "Halbleiter", "en", "semiconductor"),
    WordPair("de", "Anmeldung", "en", "application"),
    WordPair("de", "Hafen", "en", "harbour"),
    WordPair("de", "Hafen", "en", "port", 1),
    WordPair("de", "Zeitgeist", "en", "spirit of the age"),
]


@pytest.fixture(scope="session")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="session")
def index(tokenizer: Tokenizer) -> BM25Index:
    """The invented passages indexed as the library indexes a corpus."""
    indexed = [tokenizer.index_terms(text, language) for language, text in PASSAGES]
    return BM25Index.build([t for t, _ in indexed], doc_lengths=[n for _, n in indexed])


@pytest.fixture(scope="session")
def make_table(tokenizer: Tokenizer, index: BM25Index) -> Callable[..., TranslationTable]:
    """A translation table over the test index, from the test dictionary unless told."""

    def make(pairs: Sequence[WordPair] = PAIRS, max_translations: int = 4) -> TranslationTable:
        return TranslationTable(tokenizer, index, pairs, max_translations=max_translations)

    return make


@pytest.fixture(scope="session")
def table(make_table: Callable[..., TranslationTable]) -> TranslationTable:
    return make_table()
