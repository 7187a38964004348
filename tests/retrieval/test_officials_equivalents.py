"""One office in English, German and Chinese: recognised in titles, looked up in any language."""

from __future__ import annotations

import pytest

from retrieval.corpus import load_corpus
from retrieval.officials import OfficialsDirectory
from retrieval.officials.equivalents import OfficeEquivalents, equivalent_titles, equivalents


@pytest.fixture(scope="module")
def table() -> OfficeEquivalents:
    return equivalents()


@pytest.mark.parametrize(
    ("title", "offices"),
    [
        ("Governor of Hainan Province", {"governor"}),
        ("Hainan vice-governor", {"vice governor"}),  # a lesser rank is another office
        ("Vizegouverneur", {"vice governor"}),
        ("副省长", {"vice governor"}),
        ("Party Chief of Zhanjiang", {"party secretary"}),
        ("secretary of the CPC Zhanjiang Municipal Committee", {"party secretary"}),
        ("Sekretär des Parteikomitees von Zhanjiang", {"party secretary"}),
        ("市委书记", {"party secretary"}),
        ("General Secretary", {"general secretary"}),  # not a party secretary
        ("总书记", {"general secretary"}),  # 书记 inside 总书记 does not count
        ("prime minister", {"premier"}),  # "minister" inside it does not count
        (
            "deputy secretary of the provincial party committee and governor",
            {
                "deputy party secretary",
                "governor",
            },
        ),
        ("省委副书记、省长", {"deputy party secretary", "governor"}),
        ("人大常委会主任", {"commission director"}),  # 常委 inside 常委会 is no member
    ],
)
def test_offices_a_title_holds(table: OfficeEquivalents, title: str, offices: set[str]):
    """The offices of a title, whatever its language; ranks and longer offices respected."""
    assert {held.office.id for held in table.held(title)} == offices


def test_translations_keep_the_place(table: OfficeEquivalents):
    """A title is written in the other languages with its other words kept."""
    assert table.translations("Governor of Hainan") == ["gouverneur of hainan", "省长 of hainan"]
    assert table.translations("市长") == ["mayor", "bürgermeister"]


def test_equivalent_titles_names_the_office_in_every_language():
    """For callers outside the directory: the office of a title in en, de and zh."""
    assert equivalent_titles("Shenzhen Mayor") == ["mayor", "bürgermeister", "市长"]
    assert equivalent_titles("reporter") == []


ENGLISH = """Hainan ports

Haikou, 3 March 2026. Governor Qian Hao opened the quay. Chen Lihua, vice governor of Hainan \
Province, said that two more quays will follow. Mayor Zhou Jianguo stressed that the city needs \
engineers.
"""

GERMAN = """Zhanjiang baut aus

Zhanjiang, 4. März 2026. Parteisekretär Deng Xiaoyun betonte, dass der Hafen wachsen werde.
"""


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> OfficialsDirectory:
    folder = tmp_path_factory.mktemp("offices")
    (folder / "ports-en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "hafen-de.txt").write_text(GERMAN, encoding="utf-8")
    return OfficialsDirectory.from_corpus(load_corpus(folder))


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("省长", "Qian Hao"),  # no page is in Chinese
        ("省長", "Qian Hao"),  # traditional characters
        ("Gouverneur", "Qian Hao"),  # no page gives it in German
        ("governor", "Qian Hao"),  # a vice governor does not make it ambiguous
        ("副省长", "Chen Lihua"),
        ("stellvertretender Gouverneur", "Chen Lihua"),
        ("市长", "Zhou Jianguo"),
        ("Bürgermeister", "Zhou Jianguo"),
        ("party secretary", "Deng Xiaoyun"),  # only a German title
        ("书记", "Deng Xiaoyun"),
    ],
)
def test_lookup_by_a_title_in_another_language(
    directory: OfficialsDirectory, query: str, name: str
):
    """A title in a language the documents do not use finds the official holding it."""
    found = directory.lookup(query).official
    assert found is not None
    assert found.name == name


def test_a_lesser_office_in_chinese_is_not_the_office(directory: OfficialsDirectory):
    """ "副市长" (vice mayor) does not return the mayor; he is only suggested."""
    result = directory.lookup("副市长")
    assert result.official is None
    assert "Zhou Jianguo" in result.suggestions


def test_complete_offers_holders_of_a_translated_title(directory: OfficialsDirectory):
    """Autocomplete on "省长" offers the governor, then the vice governor (副省长), when no
    title is written in Chinese."""
    assert directory.complete("省长") == ["Qian Hao", "Chen Lihua"]
