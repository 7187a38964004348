"""Looking officials up by any spelling, and completing a name as it is typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import load_corpus
from retrieval.models import Official
from retrieval.officials import OfficialsDirectory


@pytest.fixture(scope="module")
def directory(seeds_copy: Path) -> OfficialsDirectory:
    return OfficialsDirectory.from_corpus(load_corpus(seeds_copy))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Wang Weizhong", "Wang Weizhong"),
        ("wang weizong", "Wang Weizhong"),  # typo
        ("WANG Weizhong", "Wang Weizhong"),  # case
        ("Weizhong Wang", "Wang Weizhong"),  # given name first
        ("wangweizhong", "Wang Weizhong"),  # no space
        ("  wang   weizhong ", "Wang Weizhong"),  # extra spaces
        ("王伟中", "Wang Weizhong"),  # characters the corpus does not give: by their pinyin
        ("张劲松", "Zhang Jinsong"),  # characters the corpus gives
        ("Zhāng Jìnsōng", "Zhang Jinsong"),  # diacritics
        ("zhang jingsong", "Zhang Jinsong"),
        ("huang kunmig", "Huang Kunming"),
        ("Kunming Huang", "Huang Kunming"),
        ("xi jin ping", "Xi Jinping"),
        ("Xi", "Xi Jinping"),  # the only official with this name part
        ("Tu Gao-kun", "Tu Gaokun"),
        ("\x00Ai\x07 Xuefeng\x1b", "Ai Xuefeng"),  # control characters
    ],
)
def test_tolerant_lookup_finds_the_official(directory: OfficialsDirectory, query: str, name: str):
    """Case, accents, word order, spacing, typos and characters all find the official."""
    result = directory.lookup(query)
    assert isinstance(result.official, Official)
    assert result.official.name == name


def test_shared_surname_is_ambiguous_and_offers_both(directory: OfficialsDirectory):
    """ "Huang" alone could be two officials: none is chosen, both are suggested."""
    result = directory.lookup("Huang")
    assert result.official is None
    assert result.suggestions[:2] == ["Huang Chuping", "Huang Kunming"]


def test_unknown_name_gets_the_closest_names(directory: OfficialsDirectory):
    """An unknown name returns no official and the closest names as suggestions."""
    result = directory.lookup("Albert Huang")
    assert result.official is None
    assert {"Huang Chuping", "Huang Kunming"} <= set(result.suggestions)


def test_suggestions_are_capped(directory: OfficialsDirectory):
    """Suggestions are a short list, never the whole directory."""
    assert len(directory.lookup("an").suggestions) <= 5


@pytest.mark.parametrize(
    "query",
    ["", "   ", "x" * 6000, "🙂🚀", "\x00\x01\x02", "\ud800", "‮", "'; DROP TABLE --", "黄" * 500],
)
def test_odd_input_never_raises(directory: OfficialsDirectory, query: str):
    """Empty, huge, emoji, control and broken input matches nobody and raises nothing."""
    result = directory.lookup(query)
    assert result.official is None
    result.model_dump_json()  # what the bot and the CLI send must encode
    assert set(directory.complete(query)) <= {o.name for o in directory.all()}


def test_empty_lookup_suggests_nothing(directory: OfficialsDirectory):
    """An empty name matches nobody and suggests nobody."""
    assert directory.lookup("").model_dump() == {"official": None, "suggestions": []}


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("wan", ["Wang Weizhong", "Wang Yueqin"]),  # surname prefix
        ("Wang W", ["Wang Weizhong"]),
        ("wei", ["Wang Weizhong"]),  # given name prefix
        ("张", ["Zhang Jinsong"]),  # characters
        ("HU", ["Huang Chuping", "Huang Kunming"]),
        ("wnag", ["Wang Weizhong", "Wang Yueqin"]),  # a typo while typing
    ],
)
def test_complete_offers_names_starting_with_the_prefix(
    directory: OfficialsDirectory, prefix: str, expected: list[str]
):
    """Autocomplete offers the officials whose surname, given name or characters start so."""
    assert directory.complete(prefix) == expected


def test_complete_empty_prefix_offers_everyone_up_to_the_limit(directory: OfficialsDirectory):
    """An empty prefix lists officials in name order, at most ``limit``."""
    names = [o.name for o in directory.all()]
    assert directory.complete("") == names
    assert directory.complete("", limit=3) == names[:3]
    assert directory.complete("w", limit=0) == []


def test_complete_ranks_surname_matches_first(directory: OfficialsDirectory):
    """Names starting with the prefix come before names whose given name does."""
    completions = directory.complete("x")
    assert completions[0] == "Xi Jinping"
    assert "Ai Xuefeng" in completions


def test_complete_unknown_prefix_is_empty(directory: OfficialsDirectory):
    """A prefix that resembles no name offers nothing."""
    assert directory.complete("qqqq") == []
