"""A passage's context: the words of its paragraph and of its document's title count for it."""

from __future__ import annotations

import numpy as np

from retrieval.models import Passage
from retrieval.search import NameMention, Searcher
from retrieval.search.context import Context
from tests.retrieval.handmade import handmade_searcher
from tests.retrieval.search.asking import texts, top_text
from tests.retrieval.search.corpora import filler

GOVERNOR = NameMention("governor", ("Li Mingde",))


def test_passage_in_the_speakers_paragraph_answers(speeches: Searcher) -> None:
    """The sentence on robotics in the governor's paragraph beats the one naming him."""
    assert (
        "robotics" in texts(speeches, "What did the governor say about robotics?", (GOVERNOR,))[0]
    )


def test_paragraph_context_counts_for_the_floor(speeches: Searcher) -> None:
    """Words of a passage's paragraph count as present: under a floor of 90%, the robotics
    sentence of the governor's paragraph passes, the one from another paragraph does not."""
    strict = Searcher(speeches._corpus, speeches.index, speeches.tokenizer, min_coverage=0.9)
    found = texts(strict, "What did the governor say about robotics?", (GOVERNOR,))
    assert "The province will promote future industries such as robotics." in found
    assert "Exporters of robotics met in the port." not in found


def test_title_names_the_speaker_of_every_passage(speeches: Searcher) -> None:
    """A speech's passage on drones answers "What did Zhou Hua say about drones?" first."""
    found = texts(speeches, "What did Zhou Hua say about drones?", (NameMention("Zhou Hua"),))
    assert found[0].startswith("Drones")


def test_words_of_the_document_title_count_as_present(searcher: Searcher) -> None:
    """A speech passage answers a question naming the speaker, who is only in the title."""
    assert "treasures" in top_text(searcher, "What did Huang Kunming say about talents?")


def _passage(number: int, document: str, paragraph: int, text: str) -> Passage:
    return Passage(
        id=number,
        document_id=document,
        paragraph=paragraph,
        start=0,
        end=len(text),
        text=text,
        language="en",
    )


CONTEXT = Context.build(
    [
        _passage(0, "a", 1, "Alpha one."),
        _passage(1, "a", 1, "Alpha two."),
        _passage(2, "a", 2, "Alpha three."),
        _passage(3, "b", 1, "Report  title"),
        _passage(4, "b", 1, "Beta one."),
    ],
    {"a": frozenset({"speech"}), "b": frozenset({"report", "titl"})},
    {"a": "A speech", "b": "Report title"},
)


def test_paragraph_holds_what_any_of_its_passages_holds() -> None:
    """A term in passage 0 is held by passage 1 (same paragraph), not by passage 2."""
    held = CONTEXT.holds_in(np.asarray([0]), None, np.arange(5))
    assert held.tolist() == [True, True, False, False, False]


def test_title_holds_for_every_passage_of_its_document() -> None:
    """A term of document b's title is held by each of b's passages."""
    held = CONTEXT.holds_in(
        np.zeros(0, dtype=np.int64), CONTEXT.document_numbers(["b"]), np.arange(5)
    )
    assert held.tolist() == [False, False, False, True, True]


def test_passage_repeating_its_title_is_told_apart() -> None:
    """ "Report  title" repeats its document's title (spacing and case aside); others do not."""
    assert CONTEXT.repeats_title(np.arange(5)).tolist() == [False, False, False, True, False]


# A short paragraph, then one with three passages (long), each followed by another paragraph.
RUNS_ON = Context.build(
    [
        _passage(0, "a", 1, "Short one."),
        _passage(1, "a", 2, "Next to the short one."),
        _passage(2, "a", 3, "Long one."),
        _passage(3, "a", 3, "Long two."),
        _passage(4, "a", 3, "Long three."),
        _passage(5, "a", 4, "Next to the long one."),
        _passage(6, "b", 1, "Last of b."),
    ],
    {"a": frozenset(), "b": frozenset()},
    {"a": "", "b": ""},
)


def test_short_paragraph_reads_on_into_the_next() -> None:
    """A term of paragraph 2 is held by the short paragraph 1 before it, and by no other."""
    held = RUNS_ON.holds_next_in(np.asarray([1]), np.arange(7))
    assert held.tolist() == [True, False, False, False, False, False, False]


def test_long_paragraph_does_not_read_on() -> None:
    """A term of the paragraph after a three-passage paragraph is not held by that paragraph."""
    assert not RUNS_ON.holds_next_in(np.asarray([5]), np.arange(7)).any()


def test_next_paragraph_of_another_document_is_no_context() -> None:
    """The last paragraph of document a does not read on into document b's first."""
    assert not RUNS_ON.holds_next_in(np.asarray([6]), np.arange(7))[5]


_OFFICIAL = ("Chen Lin, deputy director of the trade department, spoke on Monday.",)
_PROMISE = ('"Approvals of new factories will come much faster," she said.',)
_FILLER = filler("filler")
_QUESTION = "Which trade department official promised faster approvals of factories?"


def test_speaker_paragraph_answers_with_the_words_of_the_next() -> None:
    """The short paragraph naming the official answers a question whose other words only the
    paragraph after it holds."""
    news = handmade_searcher(
        [("news", 1, "en", *_OFFICIAL), ("news", 2, "en", *_PROMISE), *_FILLER],
        {"news": ("Trade news", "en"), "filler": ("City news", "en")},
        min_coverage=0.6,
    )
    assert _OFFICIAL[0] in texts(news, _QUESTION)


def test_speaker_sentence_alone_does_not_answer() -> None:
    """The same sentence with the promise in another document does not clear the floor."""
    apart = handmade_searcher(
        [("news", 1, "en", *_OFFICIAL), ("other", 1, "en", *_PROMISE), *_FILLER],
        {"news": ("Trade news", "en"), "other": ("More news", "en"), "filler": ("City", "en")},
        min_coverage=0.6,
    )
    assert _OFFICIAL[0] not in texts(apart, _QUESTION)


def test_a_questions_terms_are_marked_in_context_and_next_paragraph() -> None:
    """One call marks each term: a title term for every passage of its document, a term of
    paragraph 2 for the short paragraph 1 before it (next) and for paragraph 2 (here)."""
    found = {
        "title": (np.zeros(0, dtype=np.int64), RUNS_ON.document_numbers(["b"])),
        "second": (np.asarray([1]), None),
    }
    marks = RUNS_ON.marks(found, np.arange(7))
    assert marks["title"][0].tolist() == [False] * 6 + [True]
    assert marks["second"][0].tolist() == [False, True, False, False, False, False, False]
    assert marks["second"][1].tolist() == [True, False, False, False, False, False, False]
