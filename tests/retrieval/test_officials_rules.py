"""Extraction rules added for real pages, each on an invented document."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import Corpus, Document, Paragraph, load_corpus
from retrieval.models import DocumentInfo, Official
from retrieval.officials import OfficialsDirectory


def build(tmp_path: Path, files: dict[str, str]) -> OfficialsDirectory:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return OfficialsDirectory.from_corpus(load_corpus(folder))


def get(directory: OfficialsDirectory, name: str) -> Official:
    found = directory.lookup(name).official
    assert found is not None, name
    return found


def names(directory: OfficialsDirectory) -> set[str]:
    return {o.name for o in directory.all()}


NO_RANK = """Hainan widens its water network

Haikou, 3 March 2026. The network will reach every county by 2028, said Fang Lihua, an official \
with the Ministry of Water Resources during a briefing on Monday. The reservoirs will be \
enlarged first, said Gao Yunfei with the provincial department of natural resources. The works \
start in spring, said Li Ming from the city.
"""


def test_an_official_with_a_body_and_no_rank_is_found(tmp_path: Path):
    """ "NAME, an official with the X Ministry during a briefing": the title stops at "during"."""
    fang = get(build(tmp_path, {"water-en.txt": NO_RANK}), "Fang Lihua")
    assert [t.title for t in fang.titles] == ["official with the Ministry of Water Resources"]


def test_a_name_followed_by_with_and_a_public_body_is_an_official(tmp_path: Path):
    """ "said NAME with the provincial department of X": an official of that department."""
    gao = get(build(tmp_path, {"water-en.txt": NO_RANK}), "Gao Yunfei")
    assert [t.title for t in gao.titles] == ["with the provincial department of natural resources"]


def test_a_name_from_a_place_is_no_official(tmp_path: Path):
    """ "NAME from the city" names a resident: a place is not a public body there."""
    assert "Li Ming" not in names(build(tmp_path, {"water-en.txt": NO_RANK}))


NOT_PUBLIC = """Nanhai forum on trade

Nanhai, 5 May 2026. Zhou Bin, head of the School of Law of Nanhai University, said that the \
rules will change. Xu Ming, chairman of Fenghuang Trading, said exports were up. Wu Tao, chief \
scientist of the Deep Sea Drilling Project, said the drill was ready. Ma Lan, spokesperson of the \
Nanhai Expo, said more buyers came. Lu Qiang, director of the department of finance at the Nanhai \
Development Centre, said growth would slow. Qian Hao, governor of Hainan Province, said the \
province welcomed investors.
"""


def test_heads_of_universities_firms_fairs_and_projects_are_not_officials(tmp_path: Path):
    """Generic titles ("head", "chairman", "spokesperson") of no public body list nobody."""
    assert names(build(tmp_path, {"forum-en.txt": NOT_PUBLIC})) == {"Qian Hao"}


WESTERN_NAME = """Macau und Zhuhai bauen eine Brücke

Zhuhai, 9. Mai 2026. Macaus Regierungschef Peter Chan eröffnete die Konferenz. Peter Lam, \
ein Ladenbesitzer, begrüßte den Plan. Pressekontakt: Anna Wong.
"""


def test_a_western_style_name_with_a_public_title_is_an_official(tmp_path: Path):
    """ "Macaus Regierungschef <Given> Chan": a Chinese surname in another romanisation."""
    chan = get(build(tmp_path, {"bruecke-de.txt": WESTERN_NAME}), "Peter Chan")
    assert [t.title for t in chan.titles] == ["Macaus Regierungschef"]


def test_a_western_style_name_without_a_public_title_is_not(tmp_path: Path):
    """A shop owner and a press contact with Western-style names are not listed."""
    assert names(build(tmp_path, {"bruecke-de.txt": WESTERN_NAME})) == {"Peter Chan"}


GERMAN_LIST = """Hainan lädt Investoren ein

Haikou, 9. Mai 2026. Die Konferenz begann am Morgen, während Redner wie der Bürgermeister und \
der Gouverneur der Provinz Hainan, Qian Hao, Grußworte sprachen.
"""


def test_title_in_commas_after_a_list_of_speakers(tmp_path: Path):
    """ "Redner wie X und der Gouverneur der Provinz Y, NAME, ...": the title after "und"."""
    qian = get(build(tmp_path, {"hainan-de.txt": GERMAN_LIST}), "Qian Hao")
    assert [t.title for t in qian.titles] == ["Gouverneur der Provinz Hainan"]


CHINESE_DELEGATION = """湛江推进港口建设

5月8日，省自然资源厅副厅长罗建华一行到湛江调研，听取了港口建设情况汇报。罗建华强调，要加快推进项目建设。
"""

TRADITIONAL_LIST = """珠海商務發展

近日，珠海市商務局黨組書記、局長何志明接受專訪時表示，珠海將擴大對外開放。何志明介紹，今年將新建兩個產業園。
"""


def test_chinese_title_then_name_then_a_delegation_word(tmp_path: Path):
    """省...厅副厅长 + name + 一行: a Chinese-only official, under pinyin, characters as alias."""
    luo = get(build(tmp_path, {"zhanjiang-zh.txt": CHINESE_DELEGATION}), "罗建华")
    assert luo.name == "Luo Jianhua"
    assert luo.aliases == ["罗建华"]
    assert [t.title for t in luo.titles] == ["省自然资源厅副厅长"]


def test_traditional_titles_joined_by_a_list_mark_all_belong_to_the_name(tmp_path: Path):
    """...黨組書記、局長 + name in traditional script: both titles, as written."""
    he = get(build(tmp_path, {"zhuhai-zh.txt": TRADITIONAL_LIST}), "He Zhiming")
    assert he.aliases == ["何志明"]
    assert {t.title for t in he.titles} == {"珠海市商務局黨組書記", "局長"}


def test_traditional_name_is_found_by_simplified_characters(tmp_path: Path):
    """A name written in traditional characters is found by its simplified form too."""
    directory = build(tmp_path, {"zhuhai-zh.txt": TRADITIONAL_LIST})
    assert get(directory, "何志明").name == "He Zhiming"
    assert any(s.text.startswith("何志明介紹") for s in get(directory, "He Zhiming").statements)


NAME_BEFORE_OFFICE_ZH = """海南港口建设

钱浩省长在会上强调，要加快港口建设。全省市长会议随后召开。
"""

GOVERNOR_EN = """Hainan ports

Governor Qian Hao opened the new quay on Monday.
"""


def test_a_name_before_an_office_is_linked_to_its_latin_name(tmp_path: Path):
    """钱浩省长 on a Chinese page is the Governor Qian Hao of an English page, with 省长."""
    directory = build(tmp_path, {"port-zh.txt": NAME_BEFORE_OFFICE_ZH, "port-en.txt": GOVERNOR_EN})
    qian = get(directory, "Qian Hao")
    assert "钱浩" in qian.aliases
    assert "省长" in [t.title for t in qian.titles]
    assert names(directory) == {"Qian Hao"}


def test_a_name_before_an_office_alone_makes_nobody_an_official(tmp_path: Path):
    """Without a Latin name to link to, "name before office" is no evidence: nobody listed."""
    assert names(build(tmp_path, {"port-zh.txt": NAME_BEFORE_OFFICE_ZH})) == set()


def _document(text: str, paragraphs: list[tuple[int, int]]) -> Corpus:
    """A one-document corpus whose content paragraphs are the given spans, without cleaning."""
    spans = [
        Paragraph(number, start, end, text[start:end], "zh")
        for number, (start, end) in enumerate(paragraphs, start=1)
    ]
    info = DocumentInfo(id="visit", title="visit", source="test", date="2026-05-12", language="zh")
    return Corpus(
        Path("."), [Document(info, Path("visit.txt"), text, "utf-8", spans, ["zh"])], [], []
    )


@pytest.mark.parametrize(
    ("headline", "listed"),
    [
        ("省交通运输厅副厅长马骏一行赴韶关调研", {"Ma Jun"}),  # names the speaker of the content
        ("省交通运输厅副厅长吴凡一行赴韶关调研", set()),  # names someone the content does not
    ],
)
def test_a_dropped_headline_gives_the_title_of_a_person_the_content_names(
    headline: str, listed: set[str]
):
    """A title stated outside the content paragraphs counts for people the content names."""
    body = "马骏强调，要加快推进高速公路建设。"
    text = f"{headline}\n\n{body}"
    corpus = _document(text, [(len(text) - len(body), len(text))])
    directory = OfficialsDirectory.from_corpus(corpus)
    assert names(directory) == listed
    if listed:
        assert [t.title for t in directory.all()[0].titles] == ["省交通运输厅副厅长"]
