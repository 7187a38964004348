"""The officials directory built from the shipped corpus: who is in it, with what, and what not."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import Corpus, load_corpus
from retrieval.models import Official
from retrieval.officials import OfficialsDirectory

DE = "hqd-conference-2025-press-release-de"
EN = "hqd-conference-2025-press-release-en"
HEADS = "department-heads-press-conference-2025-en-zh"
SPEECH = "huang-kunming-speech-hqd-conference-2024-en"

EXPECTED_OFFICIALS = {
    "Ai Xuefeng",
    "Huang Chuping",
    "Huang Kunming",
    "Lin Keqing",
    "Liu Zonghui",
    "Meng Fanli",
    "Tu Gaokun",
    "Wang Weizhong",
    "Wang Yueqin",
    "Xi Jinping",
    "Yang Yinkai",
    "Zhang Jinsong",
}


@pytest.fixture(scope="module")
def corpus(seeds_copy: Path) -> Corpus:
    return load_corpus(seeds_copy)


@pytest.fixture(scope="module")
def directory(corpus: Corpus, seeds_copy: Path) -> OfficialsDirectory:
    return OfficialsDirectory.from_corpus(corpus, seeds_copy / "officials-overrides.toml")


def official(directory: OfficialsDirectory, name: str) -> Official:
    found = directory.lookup(name).official
    assert found is not None, name
    return found


def test_every_official_of_the_corpus_is_listed_and_nobody_else(directory: OfficialsDirectory):
    """The directory lists exactly the twelve officials the five documents name."""
    assert {o.name for o in directory.all()} == EXPECTED_OFFICIALS
    assert len(directory) == len(EXPECTED_OFFICIALS)


def test_all_is_sorted_by_name(directory: OfficialsDirectory):
    """all() returns the officials in name order."""
    names = [o.name for o in directory.all()]
    assert names == sorted(names, key=str.casefold)


def test_shipped_corpus_needs_no_overrides(seeds_copy: Path, directory: OfficialsDirectory):
    """The shipped overrides file has no active entry and raises no warning."""
    import tomllib

    with (seeds_copy / "officials-overrides.toml").open("rb") as handle:
        assert tomllib.load(handle) == {}
    assert directory.warnings == []


@pytest.mark.parametrize(
    "name",
    [
        "Albert Huang",  # press contact of the German press release
        "Wang Danyang",  # 王丹阳, reporter
        "王丹阳",
        "Li Qiuling",  # 黎秋玲, reporter
        "黎秋玲",
        "Zeng Yuwen",  # 曾育文, photographer
        "曾育文",
        "Huawei",
        "Midea",
        "BYD",
        "DJI",
        "Fengkai",
    ],
)
def test_non_officials_are_not_listed(directory: OfficialsDirectory, name: str):
    """Reporters, press contacts, companies and places are not officials."""
    assert directory.lookup(name).official is None
    assert name not in {o.name for o in directory.all()}


@pytest.mark.parametrize(
    ("name", "title", "document"),
    [
        ("Huang Kunming", "secretary of the party committee of the province of Guangdong", EN),
        ("Huang Kunming", "Sekretär des Parteikomitees der Provinz Guangdong", DE),
        ("Huang Kunming", "Provincial Party Committee Secretary", SPEECH),
        ("Wang Weizhong", "Governor", EN),
        ("Wang Weizhong", "Gouverneur", DE),
        ("Huang Chuping", "director of the constant committee of the Provincial Congress", EN),
        ("Huang Chuping", "Direktor des Ständigen Ausschusses des Provinzvolkskongresses", DE),
        (
            "Lin Keqing",
            "chairman of the Provincial Committee of the Political Consultative Conference of the "
            "Chinese people (PKKCV)",
            EN,
        ),
        (
            "Lin Keqing",
            "Vorsitzender des Provinzausschusses der Politischen Konsultativkonferenz des "
            "chinesischen Volkes (PKKCV)",
            DE,
        ),
        ("Yang Yinkai", "deputy director of the central tax office", EN),
        ("Yang Yinkai", "stellvertretender Direktor des Zentralen Finanzamts", DE),
        ("Meng Fanli", "deputy secretary of the Guangdong party committee", EN),
        ("Meng Fanli", "secretary of the party committee of Shenzhen", EN),
        ("Meng Fanli", "stellvertretender Sekretär des Parteikomitees von Guangdong", DE),
        ("Meng Fanli", "Sekretär des Parteikomitees von Shenzhen", DE),
        (
            "Wang Yueqin",
            "head of the Department of Science and Technology of Guangdong Province",
            HEADS,
        ),
        (
            "Ai Xuefeng",
            "director of the Guangdong Provincial Development and Reform Commission",
            HEADS,
        ),
        (
            "Tu Gaokun",
            "chief of the Department of Industry and Information Technology of Guangdong Province",
            HEADS,
        ),
        (
            "Liu Zonghui",
            "head of the Department of Agriculture and Rural Affairs of Guangdong Province",
            HEADS,
        ),
        ("Zhang Jinsong", "director of the Department of Commerce of Guangdong Province", HEADS),
        ("Zhang Jinsong", "省商务厅厅长", HEADS),
        ("Xi Jinping", "General Secretary", SPEECH),
    ],
)
def test_titles_are_found_with_their_document(
    directory: OfficialsDirectory, name: str, title: str, document: str
):
    """Every title the corpus states is recorded verbatim with the document stating it."""
    titles = {(t.title, t.document) for t in official(directory, name).titles}
    assert (title, document) in titles


def test_title_dates_are_the_dates_of_their_documents(
    directory: OfficialsDirectory, corpus: Corpus
):
    """Each title carries the date of the document it was found in."""
    for person in directory.all():
        for title in person.titles:
            assert title.date == corpus.document(title.document).info.date


def test_main_title_is_the_english_one(directory: OfficialsDirectory):
    """The main title is English where the corpus gives one in English."""
    assert official(directory, "Wang Weizhong").main_title == "Governor"
    assert official(directory, "Zhang Jinsong").main_title == (
        "director of the Department of Commerce of Guangdong Province"
    )
    assert official(directory, "Huang Kunming").main_title == (
        "secretary of the party committee of the province of Guangdong"
    )


@pytest.mark.parametrize(
    ("name", "documents"),
    [
        ("Huang Kunming", {DE, EN, SPEECH}),
        ("Wang Weizhong", {DE, EN}),
        ("Huang Chuping", {DE, EN}),
        ("Meng Fanli", {DE, EN}),
        ("Ai Xuefeng", {HEADS}),
        ("Zhang Jinsong", {HEADS}),
        ("Xi Jinping", {SPEECH}),
    ],
)
def test_documents_mentioning_an_official(
    directory: OfficialsDirectory, name: str, documents: set[str]
):
    """An official lists exactly the documents that mention them, with their dates."""
    found = official(directory, name).documents
    assert {d.id for d in found} == documents
    assert all(d.date for d in found)


def test_chinese_name_is_linked_to_the_latin_one(directory: OfficialsDirectory):
    """张劲松 in the Chinese paragraph is the same person as Zhang Jinsong, by pinyin."""
    person = official(directory, "Zhang Jinsong")
    assert "张劲松" in person.aliases
    assert any(s.text.startswith("省商务厅厅长张劲松称") for s in person.statements)


def statement_texts(directory: OfficialsDirectory, name: str) -> list[str]:
    return [s.text for s in official(directory, name).statements]


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("Huang Kunming", "Huang Kunming emphasized that building a modern industrial system"),
        ("Huang Kunming", "Huang Kunming betonte, dass der Aufbau"),
        ("Huang Kunming", "Huang further emphasized that traditional"),
        ("Huang Kunming", "Huang betonte weiter, dass traditionelle"),
        ("Wang Weizhong", "Governor Wang Weizhong emphasized that the modernization"),
        ("Wang Weizhong", "Gouverneur Wang Weizhong hob hervor, dass"),
        ("Wang Yueqin", "Wang Yueqin, head of the Department of Science and Technology"),
        ("Ai Xuefeng", "Ai Xuefeng, director of the Guangdong Provincial Development"),
        ("Tu Gaokun", "Tu Gaokun, chief of the Department of Industry"),
        ("Liu Zonghui", "Liu Zonghui, head of the Department of Agriculture"),
        ("Zhang Jinsong", "Zhang Jinsong, director of the Department of Commerce"),
        ("Xi Jinping", "The General Secretary emphasized that Guangdong should be the vanguard"),
    ],
)
def test_statements_are_attributed_to_their_speaker(
    directory: OfficialsDirectory, name: str, opening: str
):
    """The sentence in which an official is the speaker is among their statements."""
    assert any(text.startswith(opening) for text in statement_texts(directory, name))


def test_surname_alone_goes_to_the_last_speaker_of_that_surname(directory: OfficialsDirectory):
    """ "Huang further emphasized" is Huang Kunming's (who spoke last), not Huang Chuping's."""
    assert official(directory, "Huang Chuping").statements == []


def test_german_reported_speech_continues_the_statement(directory: OfficialsDirectory):
    """German sentences in reported speech (Konjunktiv) after a statement are the speaker's."""
    texts = statement_texts(directory, "Wang Weizhong")
    assert "Ziel sei es, hochwertige neue Produktivkräfte zu entwickeln." in texts
    assert any(
        t.startswith("Die enge Verzahnung von Industrie und Wissenschaft sei") for t in texts
    )


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("Wang Weizhong", "Governor Wang Weizhong headed the event."),
        ("Wang Weizhong", "Gouverneur Wang Weizhong leitete die Veranstaltung."),
        ("Huang Kunming", "Huang Kunming, secretary of the party committee of the province"),
        ("Huang Chuping", "Huang Kunming, secretary of the party committee"),
        ("Xi Jinping", "Since the 18th National Congress of the Communist Party of China"),
        ("Xi Jinping", "In this regard, General Secretary Xi Jinping made in-depth thoughts"),
        ("Xi Jinping", "The Party Central Committee with Comrade Xi Jinping at its core"),
    ],
)
def test_a_sentence_that_only_mentions_someone_is_not_their_statement(
    directory: OfficialsDirectory, name: str, opening: str
):
    """Being named in a sentence (attending, heading an event) is not speaking in it."""
    assert not any(text.startswith(opening) for text in statement_texts(directory, name))


def test_speech_transcript_is_attributed_to_its_speaker(directory: OfficialsDirectory):
    """The body of Huang Kunming's transcribed speech is his: what did he say about talent?"""
    person = official(directory, "Huang Kunming")
    transcript = [s for s in person.statements if s.document == SPEECH]
    assert any(s.text == "We should regard talents as treasures." for s in transcript)
    assert any(s.text.startswith("Talent is the decisive factor") for s in transcript)


def test_transcript_statements_come_after_reported_ones(directory: OfficialsDirectory):
    """Reported statements (press releases) are listed before the sentences of a transcript."""
    documents = [s.document for s in official(directory, "Huang Kunming").statements]
    first_transcript = documents.index(SPEECH)
    assert set(documents[first_transcript:]) == {SPEECH}
    assert {EN, DE} <= set(documents[:first_transcript])


def test_transcript_leaves_quoted_speakers_their_own_words(directory: OfficialsDirectory):
    """A sentence of the transcript that reports Xi Jinping speaking is Xi's, not Huang's."""
    huang = statement_texts(directory, "Huang Kunming")
    assert not any(t.startswith("The General Secretary emphasized that Guangdong") for t in huang)


def test_statements_are_verbatim_with_offsets(directory: OfficialsDirectory, corpus: Corpus):
    """Every statement is the exact document text at its offsets, inside its paragraph."""
    for person in directory.all():
        for statement in person.statements:
            document = corpus.document(statement.document)
            assert document.text[statement.start : statement.end] == statement.text
            paragraph = document.paragraphs[statement.paragraph - 1]
            assert paragraph.start <= statement.start < statement.end <= paragraph.end
            assert statement.date == document.info.date


def test_official_json_shape(directory: OfficialsDirectory):
    """The JSON of an official has the keys the command line promises."""
    data = official(directory, "Wang Weizhong").model_dump(mode="json")
    assert set(data) >= {"name", "aliases", "titles", "documents", "statements"}
    assert set(data["titles"][0]) >= {"title", "document", "date"}
    assert set(data["documents"][0]) >= {"id", "title", "source", "date", "url", "language"}
    assert set(data["statements"][0]) >= {"text", "document", "date"}
