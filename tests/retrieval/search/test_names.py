"""People a question names: finding officials in it, and searching their other spellings."""

from __future__ import annotations

from retrieval.models import DocumentInfo, Official, OfficialTitle
from retrieval.search import NameMention, OfficialNames, Searcher
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.asking import texts


def _official(name: str, aliases: list[str], titles: list[str]) -> Official:
    document = DocumentInfo(id="d", title="T", source="S", language="en")
    return Official(
        name=name,
        aliases=aliases,
        titles=[OfficialTitle(title=t, document="d", date=None) for t in titles],
        documents=[document],
    )


OFFICIALS = OfficialNames(
    [
        _official("Zhang Jinsong", ["张劲松"], ["Director of Commerce"]),
        _official("Li Mingde", [], ["Governor"]),
        _official("Zhou Hua", [], ["Vice Mayor"]),
        _official("Wu Fang", [], ["Vice Mayor"]),
    ]
)


def test_name_with_tone_marks_is_found() -> None:
    """ "Zhāng Jìnsōng" names Zhang Jinsong, with the spelling the question did not use."""
    names = OFFICIALS.mentions("What did Zhāng Jìnsōng say?")
    assert [(n.mention, n.spellings) for n in names] == [("Zhāng Jìnsōng", ("张劲松",))]


def test_title_held_by_one_official_names_them_with_the_name_beside_it() -> None:
    """ "Governor Li" names the one governor; the mention holds the title and the name."""
    names = OFFICIALS.mentions("What did Governor Li say?")
    assert [(n.mention, n.spellings) for n in names] == [("Governor Li", ("Li Mingde",))]


def test_title_held_by_two_officials_names_nobody() -> None:
    """A title two officials hold ("Vice Mayor") names neither."""
    assert OFFICIALS.mentions("What did the vice mayor say?") == []


def test_name_in_characters_is_read_as_pinyin() -> None:
    """周华, never written so in the directory, reads as Zhou Hua."""
    names = OFFICIALS.mentions("周华说了什么?")
    assert [(n.mention, n.spellings) for n in names] == [("周华", ("Zhou Hua",))]


def test_name_must_be_a_whole_word() -> None:
    """A name inside a longer word ("Li Mingdes") is not a mention."""
    assert OFFICIALS.mentions("Li Mingdes") == []


def test_other_spelling_of_a_name_finds_its_passages(speeches: Searcher) -> None:
    """张劲松 also finds the passage writing "Zhang Jinsong", and the expansion is reported."""
    response = speeches.search(
        "张劲松说了什么?", names=(NameMention("张劲松", ("Zhang Jinsong",)),)
    )
    found = [r.text for r in response.results]
    assert any(t.startswith("Zhang Jinsong") for t in found)
    assert [(e.original, e.added) for e in response.expansions] == [("张劲松", ["Zhang Jinsong"])]


def test_other_spelling_unknown_to_the_corpus_is_not_reported(speeches: Searcher) -> None:
    """A spelling the corpus never writes is neither searched for nor reported."""
    response = speeches.search("张劲松", names=(NameMention("张劲松", ("Chang Chinsung",)),))
    assert response.expansions == []


def test_question_naming_only_a_person_prefers_passages_naming_them(speeches: Searcher) -> None:
    """Without a subject, the passages that name the person come before their neighbours."""
    mention = NameMention("Li Mingde")
    assert all("Li Mingde" in t for t in texts(speeches, "Li Mingde", (mention,))[:2])


def test_question_about_a_persons_office_is_answered(weak_spots: Searcher) -> None:
    """ "Welches Amt hat Huang Chuping?": "Amt" asks about him, the passage naming him answers."""
    mention = NameMention("Huang Chuping")
    found = texts(weak_spots, "Welches Amt hat Huang Chuping?", (mention,))
    assert found[0].startswith("Huang Chuping, director")


def test_office_word_without_a_person_is_an_ordinary_word(weak_spots: Searcher) -> None:
    """Without a person named, "Amt" is a word the corpus lacks and counts against a match."""
    assert texts(weak_spots, "Welches Amt hat der Hafen?") == []


def test_a_chinese_name_before_a_verb_finds_its_latin_spelling() -> None:
    """ "李国强说了什么" finds what Li Guoqiang said, however jieba would cut the run."""
    searcher = handmade_searcher(
        [
            ("doc-a", 1, "en", "Li Guoqiang said the harbour will double its cranes."),
            ("doc-b", 1, "en", "Rail freight moved inland through the valley."),
        ],
        {"doc-a": ("Harbour", "en"), "doc-b": ("Rail", "en")},
    )
    names = [NameMention("李国强", ("Li Guoqiang",))]
    response = searcher.search("李国强说了什么", names=names)
    assert response.results and "Li Guoqiang" in response.results[0].text
