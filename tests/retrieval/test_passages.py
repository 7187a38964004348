"""Passages: whole sentences, bounded length, verbatim offsets, each sentence indexed once."""

from __future__ import annotations

from pathlib import Path

from retrieval.corpus import Corpus, Paragraph
from retrieval.passages import MAX_CHARS, MAX_SENTENCES, build_passages
from retrieval.sentences import split_sentences


def passages_of(text: str, language: str = "en") -> list[str]:
    paragraphs = []
    position = 0
    for number, block in enumerate(text.split("\n\n"), start=1):
        start = text.index(block, position)
        paragraphs.append(Paragraph(number, start, start + len(block), block, language))
        position = start + len(block)
    return [passage.text for passage in build_passages("doc", text, paragraphs)]


def test_passage_offsets_point_into_the_original_file(seed_corpus: Corpus, seeds_dir: Path) -> None:
    """The file's own text at a passage's offsets is the passage, byte for byte once decoded."""
    for passage in seed_corpus.passages:
        document = seed_corpus.document(passage.document_id)
        original = (seeds_dir / document.path.name).read_bytes().decode(document.encoding)
        assert original[passage.start : passage.end] == passage.text
        assert document.text[passage.start : passage.end] == passage.text


def test_passages_lie_inside_their_paragraph(seed_corpus: Corpus) -> None:
    """Each passage lies within the content paragraph whose number it carries."""
    for passage in seed_corpus.passages:
        paragraph = seed_corpus.document(passage.document_id).paragraphs[passage.paragraph - 1]
        assert paragraph.number == passage.paragraph
        assert paragraph.start <= passage.start < passage.end <= paragraph.end


def test_passage_length_is_bounded(seed_corpus: Corpus) -> None:
    """No passage is longer than 500 characters or holds more than three sentences."""
    for passage in seed_corpus.passages:
        assert len(passage.text) <= MAX_CHARS, passage.text
        assert len(split_sentences(passage.text, passage.language)) <= MAX_SENTENCES


def test_passages_are_whole_sentences(seed_corpus: Corpus) -> None:
    """Passages start and end on sentence bounds (a too-long sentence: on clause marks)."""
    for document in seed_corpus.documents:
        for paragraph in document.paragraphs:
            spans = [
                (paragraph.start + start, paragraph.start + end)
                for start, end in split_sentences(paragraph.text, paragraph.language)
            ]
            long_sentences = [span for span in spans if span[1] - span[0] > MAX_CHARS]
            starts = {start for start, _ in spans}
            ends = {end for _, end in spans}
            for passage in seed_corpus.passages:
                if (passage.document_id, passage.paragraph) != (document.info.id, paragraph.number):
                    continue
                if any(start <= passage.start < end for start, end in long_sentences):
                    continue
                assert passage.start in starts, passage.text
                assert passage.end in ends or any(
                    start < passage.end <= end for start, end in long_sentences
                ), passage.text


def test_every_sentence_of_the_content_is_quotable_once(seed_corpus: Corpus) -> None:
    """Passages cover each distinct sentence of the content exactly once."""
    for document in seed_corpus.documents:
        sentences = []
        for paragraph in document.paragraphs:
            sentences += [
                " ".join(paragraph.text[start:end].split())
                for start, end in split_sentences(paragraph.text, paragraph.language)
            ]
        passages = [p for p in seed_corpus.passages if p.document_id == document.info.id]
        covered = []
        for passage in passages:
            covered += [
                " ".join(passage.text[start:end].split())
                for start, end in split_sentences(passage.text, passage.language)
            ]
        joined = " ".join(covered)
        for sentence in dict.fromkeys(sentences):
            if len(sentence) <= MAX_CHARS:
                assert joined.count(sentence) >= 1, sentence
        assert len(covered) == len(set(covered)), "a sentence is indexed twice"


def test_speech_yields_most_passages(seed_corpus: Corpus) -> None:
    """The speech transcript, the longest text, gives the most passages; ids are positions."""
    counts: dict[str, int] = {}
    for position, passage in enumerate(seed_corpus.passages):
        assert passage.id == position
        counts[passage.document_id] = counts.get(passage.document_id, 0) + 1
    assert max(counts, key=counts.__getitem__) == "huang-kunming-speech-hqd-conference-2024-en"
    assert len(counts) == 5


def test_mixed_document_has_passages_in_both_languages(seed_corpus: Corpus) -> None:
    """The English report with Chinese paragraphs has English and Chinese passages."""
    languages = {
        p.language
        for p in seed_corpus.passages
        if p.document_id == "department-heads-press-conference-2025-en-zh"
    }
    assert languages == {"en", "zh"}


def test_short_sentences_are_grouped_up_to_three() -> None:
    """Short sentences of one paragraph share a passage, three at most."""
    text = "One is here. Two is here. Three is here. Four is here. Five is here. Six is here."
    passages = passages_of(text)
    assert all(len(split_sentences(p, "en")) <= 3 for p in passages)
    assert " ".join(passages) == text


def test_passages_never_cross_paragraphs() -> None:
    """Two short paragraphs give two passages, even though they would fit in one."""
    assert passages_of("First paragraph.\n\nSecond paragraph.") == [
        "First paragraph.",
        "Second paragraph.",
    ]


def test_long_sentence_is_cut_at_clause_marks() -> None:
    """A sentence over 500 characters is cut after commas or semicolons into similar pieces."""
    clause = "the province will support research institutes and private laboratories"
    sentence = "In 2025, " + ", ".join([clause] * 14) + "."
    assert len(sentence) > 2 * MAX_CHARS
    pieces = passages_of(sentence)
    assert len(pieces) == 3
    assert all(len(piece) <= MAX_CHARS for piece in pieces)
    assert all(piece.endswith(",") for piece in pieces[:-1])
    assert " ".join(pieces) == sentence
    assert max(map(len, pieces)) - min(map(len, pieces)) < 150


def test_long_chinese_sentence_is_cut_at_chinese_commas() -> None:
    """A long Chinese sentence is cut after ， or 、, never inside a clause."""
    sentence = "，".join(["广东加快建设现代化产业体系推动制造业高质量发展"] * 30) + "。"
    pieces = passages_of(sentence, "zh")
    assert len(pieces) >= 2
    assert all(len(piece) <= MAX_CHARS and piece[-1] in "，。" for piece in pieces)
    assert "".join(pieces) == sentence


def test_repeated_sentence_is_indexed_once() -> None:
    """A sentence repeated later in the document appears in one passage only."""
    text = (
        "Comrades, friends! We must innovate.\n\n"
        "Comrades, friends! We must work hard. The spring is here."
    )
    assert passages_of(text) == [
        "Comrades, friends! We must innovate.",
        "We must work hard. The spring is here.",
    ]


def test_german_passages_keep_abbreviations_and_dates_inside() -> None:
    """ "z. B." and "5. Februar 2025" do not split a German passage."""
    text = "Am 5. Februar 2025 hielt Guangdong z. B. eine Konferenz ab. Sie war wichtig."
    assert passages_of(text, "de") == [text]


def test_headline_and_byline_lines_share_no_passage_with_the_body() -> None:
    """A headline and a byline on lines of their own above the body are passages of their own."""
    text = (
        "Harbour City Opens New Port\n"
        "Writer: Anna Roe | Updated: 2024-03-01\n"
        "The harbour city opened its new container port on Monday. It has ten berths."
    )
    assert passages_of(text) == [
        "Harbour City Opens New Port",
        "Writer: Anna Roe | Updated: 2024-03-01",
        "The harbour city opened its new container port on Monday. It has ten berths.",
    ]


def test_glued_sentences_are_grouped_as_sentences() -> None:
    """Sentences glued without a space split at their stops, not at clause marks."""
    sentence = (
        "The harbour city opened a new container port with ten deep-water berths, a rail link "
        "to the inland freight hub and a customs centre that works around the clock"
    )
    text = ".".join(
        [sentence, sentence.replace("harbour", "river"), sentence.replace("harbour", "hill")]
    )
    text += "."
    pieces = passages_of(text)
    assert len(pieces) >= 2
    assert all(piece.endswith("clock.") for piece in pieces)
    assert "".join(pieces) == text
