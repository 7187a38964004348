"""The telling sentences of a message: those whose words are rare in the corpus."""

from __future__ import annotations

from retrieval.library import Library
from retrieval.telling_sentences import telling_sentences


def test_greetings_are_left_out_and_claims_kept(library: Library) -> None:
    """ "Hi all! … Cheers" around two claims: the claims are searched, in the message's order."""
    message = (
        "Hi all, hope you are well! I read that Guangdong expects GDP of over 14 trillion yuan "
        "in 2024. Also, Governor Wang Weizhong headed the conference. Cheers!"
    )
    sentences = telling_sentences(message, library.searcher.index, library.searcher.tokenizer)
    assert sentences == [
        "I read that Guangdong expects GDP of over 14 trillion yuan in 2024.",
        "Also, Governor Wang Weizhong headed the conference.",
    ]


def test_at_most_count_sentences(library: Library) -> None:
    """A long message gives at most the asked number of sentences."""
    message = " ".join(f"Guangdong robotics plan number {n} was published." for n in range(10))
    found = telling_sentences(message, library.searcher.index, library.searcher.tokenizer, count=2)
    assert len(found) == 2


def test_a_message_of_unknown_words_has_none(library: Library) -> None:
    """Nothing the corpus knows: no sentence to search."""
    assert (
        telling_sentences("Zzyzx qwop!", library.searcher.index, library.searcher.tokenizer) == []
    )


def test_find_sources_finds_the_claim_and_nothing_for_what_the_corpus_lacks(
    library: Library,
) -> None:
    """The GDP claim finds its passage; a claim about Paris finds nothing."""
    _, found = library.find_sources("Guangdong expects GDP of over 14 trillion yuan in 2024.")
    assert found.results and "14 trillion" in found.results[0].text
    _, none = library.find_sources("The Eiffel tower is in Paris, the capital of France.")
    assert none.results == []
