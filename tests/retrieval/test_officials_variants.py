"""Misspelt names: merged into one official when nothing says they are two people."""

from __future__ import annotations

from pathlib import Path

from retrieval.corpus import load_corpus
from retrieval.officials import OfficialsDirectory
from retrieval.officials.equivalents import equivalents
from retrieval.officials.variants import Spelling, variant_merges
from retrieval.officials.vocabulary import load_vocabulary

CHIEF = """Zhanjiang port

Zhanjiang, 2 May 2026. Peng Haoran, party chief of Zhanjiang, said the port will grow.
"""

SECRETARY = """Zhanjiang shipyard

Zhanjiang, 3 May 2026. Peng Haoran, secretary of the CPC Zhanjiang Municipal Committee, said \
the shipyard will hire more workers.
"""

MISSPELT = """Zhanjiang airport

Zhanjiang, 4 May 2026. Peng Haoren, secretary of the CPC Zhanjiang Municipal Committee, said \
the airport will open in June.
"""

OTHER_PLACE = """Maoming port

Maoming, 4 May 2026. Peng Haoren, party chief of Maoming, said the port will grow.
"""

BOTH = """Zhanjiang and Maoming

Zhanjiang, 5 May 2026. Peng Haoran, party chief of Zhanjiang, and Peng Haoren, secretary of the \
CPC Zhanjiang Municipal Committee, opened the road.
"""


def build(tmp_path: Path, files: dict[str, str]) -> OfficialsDirectory:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return OfficialsDirectory.from_corpus(load_corpus(folder))


def test_a_misspelling_holding_the_same_office_is_an_alias(tmp_path: Path):
    """One letter apart, same surname, same office in the same place: one official."""
    directory = build(
        tmp_path, {"chief.txt": CHIEF, "secretary.txt": SECRETARY, "misspelt.txt": MISSPELT}
    )
    [official] = directory.all()
    assert official.name == "Peng Haoran"  # the spelling of more documents
    assert official.aliases == ["Peng Haoren"]
    assert len(official.documents) == 3
    assert directory.lookup("Peng Haoren").official == official


def test_the_same_office_in_another_place_is_another_person(tmp_path: Path):
    """ "party chief of Zhanjiang" and "party chief of Maoming" are two people."""
    directory = build(tmp_path, {"chief.txt": CHIEF, "other.txt": OTHER_PLACE})
    assert {o.name for o in directory.all()} == {"Peng Haoran", "Peng Haoren"}


def test_two_spellings_on_one_page_are_two_people(tmp_path: Path):
    """A page naming both spellings names two people."""
    directory = build(tmp_path, {"both.txt": BOTH})
    assert {o.name for o in directory.all()} == {"Peng Haoran", "Peng Haoren"}


def _spelling(key: str, name: str, title: str, document: str) -> Spelling:
    return Spelling(key, name, (title,), frozenset((document,)), 1)


def test_short_given_names_one_letter_apart_are_not_merged():
    """ "Wang Wei" and "Wang Wen" are two common names, not one misspelt."""
    merges = variant_merges(
        [
            _spelling("wangwei", "Wang Wei", "mayor of Zhanjiang", "a"),
            _spelling("wangwen", "Wang Wen", "mayor of Zhanjiang", "b"),
        ],
        equivalents(),
        load_vocabulary().titles,
    )
    assert merges == {}


def test_different_offices_are_not_merged():
    """A mayor and a governor one letter apart are two people."""
    merges = variant_merges(
        [
            _spelling("penghaoran", "Peng Haoran", "mayor of Zhanjiang", "a"),
            _spelling("penghaoren", "Peng Haoren", "governor of Zhanjiang", "b"),
        ],
        equivalents(),
        load_vocabulary().titles,
    )
    assert merges == {}
