"""Library.load: the saved search index is reused while it fits, rebuilt when it does not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from retrieval.index import BM25Index
from retrieval.library import INDEX_DIRNAME, Library
from retrieval.tokenize import Tokenizer

WriteCorpus = Callable[[dict[str, str | bytes]], Path]

ARTICLE = (
    "Shenzhen opens a semiconductor research centre\n\n"
    "Shenzhen opened a semiconductor research centre on Monday. The centre will train 2,000 "
    "engineers a year and work with local chip makers.\n"
)


def test_second_load_reuses_the_saved_index(write_corpus: WriteCorpus) -> None:
    """A folder loaded twice unchanged serves the index saved by the first load."""
    folder = write_corpus({"article.txt": ARTICLE})
    assert not Library.load(folder).stats.index_from_cache
    again = Library.load(folder)
    assert again.stats.index_from_cache
    assert again.search("semiconductor engineers").results


def test_changed_document_rebuilds_the_index(write_corpus: WriteCorpus) -> None:
    """Editing a document invalidates the saved index; the new text is found."""
    folder = write_corpus({"article.txt": ARTICLE})
    Library.load(folder)
    (folder / "article.txt").write_text(ARTICLE + "\nFoshan builds robots for export.\n", "utf-8")
    library = Library.load(folder)
    assert not library.stats.index_from_cache
    assert "robots" in library.search("robots Foshan").results[0].text


def test_saved_index_that_does_not_fit_is_rebuilt(write_corpus: WriteCorpus) -> None:
    """An index whose fingerprint matches but whose size does not is rebuilt, not served."""
    folder = write_corpus({"article.txt": ARTICLE})
    library = Library.load(folder)
    fingerprint = BM25Index.fingerprint(library.corpus.content_hash(), Tokenizer())
    BM25Index.build([["x"]] * 7).save(folder / INDEX_DIRNAME, fingerprint=fingerprint)
    reloaded = Library.load(folder)
    assert not reloaded.stats.index_from_cache
    assert reloaded.searcher.index.size == len(reloaded.corpus.passages)
