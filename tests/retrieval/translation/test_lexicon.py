"""The dictionaries as one stream of word pairs."""

from __future__ import annotations

from pathlib import Path

from retrieval.translation.cedict import cedict_glosses, read_cedict
from retrieval.translation.glossary import GlossaryEntry
from retrieval.translation.glosses import read_gloss_rules
from retrieval.translation.lexicon import Lexicon, WordPair, cedict_pairs, glossary_pairs

# Invented entries in CC-CEDICT's format: a cross-reference first, a name, a Latin headword.
CEDICT = """# comment
口岸 口岸 [kou3 an4] /see 港口[gang3 kou3]/
港灣 港湾 [gang3 wan1] /bay/harbour/
口岸 口岸 [kou4 an4] /port of entry/
B超 B超 [B chao1] /B-mode ultrasonography/
"""


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


def test_a_lexicon_streams_its_pairs_then_cc_cedicts_in_read_cedict_order(
    tmp_path: Path,
) -> None:
    """CC-CEDICT kept as read gives the pairs its cleaned entries give, after the others."""
    path = tmp_path / "cedict.u8"
    path.write_text(CEDICT, encoding="utf-8")
    glossary = [WordPair("de", "Hafen", "en", "harbour")]
    lexicon = Lexicon(glossary, cedict_glosses(path), read_gloss_rules())
    expected = [*glossary, *cedict_pairs(read_cedict(path))]
    assert list(lexicon) == expected
    assert [p.phrase for p in expected[1:]] == ["港湾", "港湾", "口岸"]


def test_a_lexicon_translates_only_headwords_in_chinese_characters(tmp_path: Path) -> None:
    """ "B超" has no translations in the stream, as ``cedict_pairs`` leaves it out."""
    path = tmp_path / "cedict.u8"
    path.write_text(CEDICT, encoding="utf-8")
    lexicon = Lexicon((), cedict_glosses(path), read_gloss_rules())
    assert lexicon.in_cedict("B超")
    assert lexicon.cedict_translations("B超") == ()
    assert lexicon.cedict_translations("口岸") == ("port of entry",)
