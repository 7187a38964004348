"""The dictionaries as one stream of word pairs."""

from __future__ import annotations

from retrieval.translation.glossary import GlossaryEntry
from retrieval.translation.lexicon import WordPair, cedict_pairs, glossary_pairs


def test_a_glossary_line_pairs_every_phrase_with_every_translation() -> None:
    """ "Hafen, Seehafen = harbour, port" gives four pairs, ranked by the right side's order."""
    entry = GlossaryEntry("de", ("Hafen", "Seehafen"), "en", ("harbour", "port"))
    pairs = list(glossary_pairs([entry]))
    assert WordPair("de", "Seehafen", "en", "port", 1) in pairs
    assert len(pairs) == 4


def test_cc_cedict_pairs_keep_the_senses_order() -> None:
    """A headword's translations are ranked in the dictionary's order."""
    pairs = list(cedict_pairs({"港口": ("port", "harbour")}))
    assert [(p.other, p.rank) for p in pairs] == [("port", 0), ("harbour", 1)]
