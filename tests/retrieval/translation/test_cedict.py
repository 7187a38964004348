"""Reading CC-CEDICT: the installed package's file, and files in its format."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from retrieval.translation.cedict import cedict_glosses, cedict_path, read_cedict
from retrieval.translation.glosses import read_gloss_rules
from retrieval.translation.lexicon import cedict_pairs

SAMPLE = """# CC-CEDICT
#! license=https://creativecommons.org/licenses/by-sa/4.0/
港口 港口 [gang3 kou3] /port/harbor/CL:個|个[ge4]/
嶺南 岭南 [Ling3 nan2] /Lingnan region south of the five ranges, i.e. Guangdong/
會 会 [hui4] /can/to meet/
會 会 [kuai4] /accounting/
B超 B超 [B chao1] /B-mode ultrasonography/
not an entry line
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "cedict.u8"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_the_installed_package_ships_cc_cedict() -> None:
    """The dependency's file is found without importing the package."""
    path = cedict_path()
    assert path is not None and path.stat().st_size > 1_000_000


def test_entries_are_keyed_by_simplified_headword(sample: Path) -> None:
    """A line's simplified headword maps to its cleaned glosses."""
    assert read_cedict(sample)["港口"] == ("port", "harbor")


def test_a_headwords_entries_are_merged_in_order(sample: Path) -> None:
    """会 hui4 and 会 kuai4 give one headword with both entries' translations."""
    assert read_cedict(sample)["会"] == ("can", "meet", "accounting")


def test_a_name_is_translated_by_its_name(sample: Path) -> None:
    """An entry with capitalised pinyin is a name: its gloss's leading name is kept."""
    assert read_cedict(sample)["岭南"] == ("Lingnan",)


def test_headwords_not_all_chinese_make_no_pairs(sample: Path) -> None:
    """ "B超" is left out of the word pairs: questions are matched in Chinese characters."""
    assert all(pair.phrase != "B超" for pair in cedict_pairs(read_cedict(sample)))


def test_a_missing_file_gives_no_entries_and_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An unreadable dictionary leaves translation off, the search working."""
    with caplog.at_level(logging.WARNING):
        assert read_cedict(tmp_path / "missing.u8") == {}
    assert "CC-CEDICT" in caplog.text


# A headword whose first entry is only a cross-reference (口岸) and another in between (港湾).
ORDERED = """口岸 口岸 [kou3 an4] /see 港口[gang3 kou3]/
港灣 港湾 [gang3 wan1] /bay/harbour/
口岸 口岸 [kou4 an4] /port of entry/
"""


def test_glosses_are_cleaned_when_a_headword_is_asked_for(sample: Path) -> None:
    """The entries read once give a headword's translations as ``read_cedict`` does."""
    glosses = cedict_glosses(sample)
    rules = read_gloss_rules()
    assert glosses.translations("会", rules) == ("can", "meet", "accounting")
    assert glosses.translations("饺子", rules) == ()


def test_headwords_are_ordered_by_their_first_entry_with_translations(tmp_path: Path) -> None:
    """A headword first written as a cross-reference comes where its first translation is."""
    path = tmp_path / "ordered.u8"
    path.write_text(ORDERED, encoding="utf-8")
    assert list(read_cedict(path)) == ["港湾", "口岸"]
    assert list(cedict_glosses(path).headwords()) == ["口岸", "港湾"]


def test_the_installed_dictionary_is_read_once_per_process() -> None:
    """Every table of the process shares one reading of CC-CEDICT."""
    assert cedict_glosses() is cedict_glosses()


def test_a_headword_written_only_as_a_name_is_a_name(sample: Path) -> None:
    """岭南 has a capitalised reading only: a name; 港口 and 会 are words."""
    glosses = cedict_glosses(sample)
    assert glosses.is_name("岭南")
    assert not glosses.is_name("港口")
    assert not glosses.is_name("会")
    assert not glosses.is_name("不在")
