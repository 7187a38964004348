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
    nothing: dict[str, object] = {
        "official": None,
        "suggestions": [],
        "read_as": None,
        "candidates": [],
    }
    assert directory.lookup("").model_dump() == nothing


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


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("governor", "Wang Weizhong"),
        ("Gouverneur", "Wang Weizhong"),  # the German title
        ("the governor", "Wang Weizhong"),  # leading article
        ("GOVENOR", "Wang Weizhong"),  # case and a typo
        ("General Secretary", "Xi Jinping"),
        ("director of the Department of Commerce", "Zhang Jinsong"),
        ("commerce department director", "Zhang Jinsong"),  # word order
        ("商务厅厅长", "Zhang Jinsong"),  # Chinese title
        ("deputy director", "Yang Yinkai"),
        ("Shenzhen party secretary", "Meng Fanli"),  # his second title
        ("Governor Wang", "Wang Weizhong"),  # title and surname together
    ],
)
def test_lookup_by_office_finds_its_single_holder(
    directory: OfficialsDirectory, query: str, name: str
):
    """A query naming an office one official clearly holds finds that official."""
    result = directory.lookup(query)
    assert result.official is not None
    assert result.official.name == name


def test_office_held_by_several_suggests_them_closest_first(directory: OfficialsDirectory):
    """An office several officials hold chooses none and suggests them, the deputy last."""
    result = directory.lookup("director")
    assert result.official is None
    assert result.suggestions == ["Ai Xuefeng", "Huang Chuping", "Zhang Jinsong", "Yang Yinkai"]


def test_party_secretary_suggests_the_party_secretaries_first(directory: OfficialsDirectory):
    """ "party secretary" is ambiguous: the two party secretaries come first."""
    result = directory.lookup("party secretary")
    assert result.official is None
    assert result.suggestions[:2] == ["Huang Kunming", "Meng Fanli"]


def test_lesser_office_is_only_suggested(directory: OfficialsDirectory):
    """ "vice governor" never returns the governor; he is only suggested."""
    result = directory.lookup("vice governor")
    assert result.official is None
    assert result.suggestions == ["Wang Weizhong"]


@pytest.mark.parametrize(
    ("query", "names"),
    [("Wang", ["Wang Weizhong", "Wang Yueqin"]), ("Huang", ["Huang Chuping", "Huang Kunming"])],
)
def test_name_match_is_never_overridden_by_a_title(
    directory: OfficialsDirectory, query: str, names: list[str]
):
    """A query that reads as a name offers the names it matches first, whatever titles say."""
    result = directory.lookup(query)
    assert result.official is None
    assert result.suggestions[: len(names)] == names


def test_office_unknown_to_the_corpus_matches_nobody(directory: OfficialsDirectory):
    """An office nobody holds ("deputy mayor") returns no one and suggests no one."""
    nothing: dict[str, object] = {
        "official": None,
        "suggestions": [],
        "read_as": None,
        "candidates": [],
    }
    assert directory.lookup("deputy mayor").model_dump() == nothing


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("gov", ["Wang Weizhong"]),
        ("secr", ["Huang Kunming", "Meng Fanli", "Xi Jinping"]),
        ("party sec", ["Huang Kunming", "Meng Fanli"]),  # words typed before must be held too
        ("the gouv", ["Wang Weizhong"]),
        ("厅长", ["Zhang Jinsong"]),
        ("dir", ["Ai Xuefeng", "Huang Chuping", "Zhang Jinsong", "Yang Yinkai"]),
    ],
)
def test_complete_offers_holders_of_a_title_word(
    directory: OfficialsDirectory, prefix: str, expected: list[str]
):
    """Autocomplete offers, by name, the officials whose title has a word starting so."""
    assert directory.complete(prefix) == expected


def test_complete_short_prefix_does_not_reach_into_titles(directory: OfficialsDirectory):
    """Two letters only complete names: "go" offers no governor."""
    assert directory.complete("go") == []


ZHUHAI_EN = """Zhuhai widens its harbour

Zhuhai, 9 June 2026. Mayor Zhou Jianguo said that the harbour will be widened next year. \
Mei Yong, director of the Meishan Port Authority, stressed that ships will no longer wait at sea. \
Liu Ping, head of the Zhou River Water Bureau, noted that the river will be dredged. Chen Lihua, \
vice governor of Guangdong Province, announced new funds for the project.
"""

ZHUHAI_DE = """Zhuhai baut den Hafen aus

Zhuhai, 9. Juni 2026. Die stellvertretende Bürgermeisterin Sun Meiling betonte, dass der Hafen \
bis 2028 fertig sein werde.
"""

ZHUHAI_ZH = """珠海扩建港口

市水务局局长高峰表示，到2028年珠海港将完成扩建。
"""

ZHUHAI_TRADE_EN = """Zhuhai signs new harbour contracts

Zhuhai, 10 June 2026. Fang Lihong, director of the Zhuhai Bureau of Commerce, said that twelve \
shipping companies signed contracts.
"""


@pytest.fixture(scope="module")
def invented(tmp_path_factory: pytest.TempPathFactory) -> OfficialsDirectory:
    folder = tmp_path_factory.mktemp("invented")
    texts = {
        "zhuhai-en.txt": ZHUHAI_EN,
        "zhuhai-de.txt": ZHUHAI_DE,
        "zhuhai-zh.txt": ZHUHAI_ZH,
        "zhuhai-trade-en.txt": ZHUHAI_TRADE_EN,
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return OfficialsDirectory.from_corpus(load_corpus(folder))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("the mayor", "Zhou Jianguo"),
        ("Vice-Governor", "Chen Lihua"),
        ("stellvertretende Bürgermeisterin", "Sun Meiling"),
        ("局长", "Gao Feng"),
        ("head of the water bureau", "Liu Ping"),
    ],
)
def test_lookup_by_office_is_general(invented: OfficialsDirectory, query: str, name: str):
    """Offices found in a text that is not in the seeds find their holders."""
    result = invented.lookup(query)
    assert result.official is not None
    assert result.official.name == name


def test_invented_lesser_office_is_not_the_office(invented: OfficialsDirectory):
    """ "the governor" does not return a vice governor; "Bürgermeisterin" not a deputy mayor."""
    governor = invented.lookup("the governor")
    assert (governor.official, governor.suggestions) == (None, ["Chen Lihua"])
    assert invented.lookup("Bürgermeisterin").official is None


def test_invented_name_beats_a_title_word(invented: OfficialsDirectory):
    """ "Zhou" is Zhou Jianguo's surname and a word of Liu Ping's title: the name wins."""
    result = invented.lookup("Zhou")
    assert result.official is not None
    assert result.official.name == "Zhou Jianguo"


def test_invented_complete_offers_names_before_title_holders(invented: OfficialsDirectory):
    """ "zho" offers Zhou Jianguo by name first, then Liu Ping by the Zhou River in his title."""
    assert invented.complete("zho") == ["Zhou Jianguo", "Liu Ping"]


@pytest.mark.parametrize(
    ("query", "read_as"),
    [
        ("Zhou Jianguo", "name"),
        ("jianguo zhou", "name"),  # order and case are no correction
        ("zhou jiangguo", "corrected"),  # a typo
        ("周建国", "corrected"),  # characters the corpus does not give, read by their pinyin
        ("the mayor", "office"),
    ],
)
def test_lookup_says_how_it_read_the_query(invented: OfficialsDirectory, query: str, read_as: str):
    """A lookup says whether it read a name as written, a corrected name or an office."""
    result = invented.lookup(query)
    assert result.official is not None and result.official.name == "Zhou Jianguo"
    assert result.read_as == read_as


def test_office_several_hold_gives_each_with_the_title_that_matched(
    invented: OfficialsDirectory,
):
    """ "director" is no single official: the holders come with the title that matched, as
    written (局长 is a bureau director in English)."""
    result = invented.lookup("director")
    assert result.official is None and result.read_as == "office"
    titles = {c.name: c.title for c in result.candidates}
    assert titles == {
        "Mei Yong": "director of the Meishan Port Authority",
        "Fang Lihong": "director of the Zhuhai Bureau of Commerce",
        "Gao Feng": "市水务局局长",
    }
    assert result.suggestions == [c.name for c in result.candidates]


def test_nothing_close_has_no_reading_and_no_candidates(invented: OfficialsDirectory):
    """A query that is neither a name nor an office is read as nothing."""
    result = invented.lookup("qqqqqqqq")
    assert (result.official, result.read_as, result.candidates) == (None, None, [])
