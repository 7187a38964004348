"""Library.load: the saved search index is reused while it fits, rebuilt when it does not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.index import BM25Index
from retrieval.index_store import IndexStore
from retrieval.library import Library

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
    fingerprint = BM25Index.fingerprint(library.corpus.content_hash(), library.searcher.tokenizer)
    store = IndexStore(folder)
    with store.lock():
        store.save(BM25Index.build([["x"]] * 7), fingerprint)
    reloaded = Library.load(folder)
    assert not reloaded.stats.index_from_cache
    assert reloaded.searcher.index.size == len(reloaded.corpus.passages)


@pytest.fixture(scope="module")
def seed_library(seeds_dir: Path) -> Library:
    """The seeds, indexed afresh (nothing written into the seeds folder)."""
    return Library.load(seeds_dir, use_cache=False)


def test_chinese_name_also_finds_its_latin_spelling(seed_library: Library) -> None:
    """张劲松 finds the English passage on Zhang Jinsong too (shown, or as the counterpart of
    the Chinese passage it translates), and says it searched for it."""
    response = seed_library.search("张劲松说了什么?")
    texts = [t for r in response.results for t in (r.text, *(c.text for c in r.also_in))]
    assert any("Zhang Jinsong" in t for t in texts)
    assert any(e.original == "张劲松" and "Zhang Jinsong" in e.added for e in response.expansions)


def test_official_named_with_tone_marks_is_recognised(seed_library: Library) -> None:
    """ "Zhāng Jìnsōng" names Zhang Jinsong, whose Chinese spelling is then searched too."""
    names = seed_library.named_officials("What did Zhāng Jìnsōng say?")
    assert [(n.mention, n.spellings) for n in names] == [("Zhāng Jìnsōng", ("张劲松",))]


def test_title_held_by_one_official_names_them(seed_library: Library) -> None:
    """ "the governor" names the one official holding that title, with the name beside it."""
    names = seed_library.named_officials("What did Governor Wang say about robotics?")
    assert [(n.mention, n.spellings) for n in names] == [("Governor Wang", ("Wang Weizhong",))]


def test_misspelt_title_names_its_official_once_corrected(seed_library: Library) -> None:
    """ "Govenor", corrected to "Governor", still stands for the governor."""
    response = seed_library.search("What did the Govenor say about robotics?")
    assert [e.added for e in response.expansions] == [["Wang Weizhong"]]


def test_name_in_characters_is_read_as_pinyin(seed_library: Library) -> None:
    """黄坤明, never written in characters in the corpus, finds Huang Kunming by its pinyin."""
    response = seed_library.search("黄坤明")
    assert [e.added for e in response.expansions] == [["Huang Kunming"]]
    assert response.results and "Huang Kunming" in response.results[0].text


def test_corrected_question_is_the_one_searched(seed_library: Library) -> None:
    """A misspelt name gets the results of the corrected question, which names the official:
    the question shown as "Showing results for" is the question searched."""
    misspelt = seed_library.search("What did Huang Kunmig say about talent?")
    right = seed_library.search("What did Huang Kunming say about talent?")
    assert [(c.original, c.corrected) for c in misspelt.corrections] == [("Kunmig", "Kunming")]
    assert misspelt.results and misspelt.results == right.results
    assert misspelt.expansions == right.expansions
    assert misspelt.query == "What did Huang Kunmig say about talent?"


def test_an_officials_chinese_name_finds_the_passage_jieba_would_cut(
    write_corpus: WriteCorpus,
) -> None:
    """An official's Chinese name is indexed whole: 李伟中 finds 省长李伟中到云浮市调研."""
    folder = write_corpus(
        {
            "report.txt": "省长李伟中到云浮市调研\n\n5月16日,省长李伟中到云浮市调研乡村产业。\n",
            "news.txt": "Governor Li Weizhong in Yunfu\n\nGovernor Li Weizhong visited Yunfu.\n",
        }
    )
    library = Library.load(folder, use_cache=False)
    found = [r.text for r in library.search("李伟中到了哪里调研?").results]
    assert any("云浮市调研乡村" in text for text in found)


def test_an_index_that_cannot_be_saved_is_served_with_a_warning(
    write_corpus: WriteCorpus, tmp_path: Path
) -> None:
    """A save that fails (here: the index folder is a link) leaves the library searchable, with
    the reason among its warnings."""
    folder = write_corpus({"article.txt": ARTICLE})
    (tmp_path / "elsewhere").mkdir()
    (folder / ".lingnan-index").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    library = Library.load(folder)
    assert library.stats.index_save_error is not None
    assert library.stats.index_save_error in library.warnings
    assert library.search("semiconductor engineers").results
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_files_list_each_file_with_its_documents(write_corpus: WriteCorpus) -> None:
    """Library.files names each document file relative to the folder, a JSON Lines file once
    with all its records."""
    records = '{"_id": "r1", "text": "Ports open."}\n{"_id": "r2", "text": "Roads close."}\n'
    folder = write_corpus({"article.txt": ARTICLE, "more/records.jsonl": records})
    files = Library.load(folder, use_cache=False).files()
    assert [(f.name, [d.id for d in f.documents]) for f in files] == [
        ("article.txt", ["article"]),
        ("more/records.jsonl", ["r1", "r2"]),
    ]


def test_officials_in_are_those_a_document_names(seed_library: Library) -> None:
    """Library.officials_in gives the officials named in the documents asked about, only."""
    document = seed_library.documents()[0]
    found = seed_library.officials_in([document.id])
    assert found and all(document.id in [d.id for d in o.documents] for o in found)
    assert seed_library.officials_in([]) == []


def test_a_bare_keyword_is_answered_in_its_likeliest_language(library: Library) -> None:
    """ "GDP" says no language; a quote that has an English counterpart is shown in English,
    not as its Chinese paragraph "also in English"."""
    results = library.search("GDP").results
    assert results
    assert not any(c.language == "en" for r in results for c in r.also_in)


def test_only_the_results_asked_for_are_highlighted(seed_library: Library) -> None:
    """With ``highlight``, the other results come without matched words, and nothing else
    changes: the same passages, scores, corrections and other spellings."""
    question = "industrial development Guangdong"
    every = seed_library.search(question, top_k=9)
    page_two = seed_library.search(question, top_k=9, highlight=range(3, 6))
    assert len(every.results) == len(page_two.results) == 9
    for position, (full, partial) in enumerate(zip(every.results, page_two.results, strict=True)):
        if position in range(3, 6):
            assert partial == full and partial.matched_terms
        else:
            assert partial.matched_terms == []
            assert partial.model_copy(update={"matched_terms": full.matched_terms}) == full
    unchanged = {"results": every.results, "translations": every.translations}
    assert page_two.model_copy(update=unchanged) == every


def test_the_translations_noted_are_those_of_the_results_highlighted(seed_library: Library) -> None:
    """A page none of whose quotes was found through a translation reports none, though
    another page's quote was: the note under a page speaks of that page."""
    question = "industrial development Guangdong"
    every = seed_library.search(question, top_k=9)
    assert every.translations  # a German quote found through "industrial" -> "Branche"
    through = {
        tuple(page): seed_library.search(question, top_k=9, highlight=page).translations
        for page in (range(0, 3), range(3, 6), range(6, 9))
    }
    assert [] in through.values()
    assert all(not t or t == every.translations for t in through.values())
