"""Extraction by general rules, on invented documents that are not in the shipped corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import Corpus, Document, Paragraph, load_corpus
from retrieval.models import DocumentInfo, Official
from retrieval.officials import OfficialsDirectory

ENGLISH = """Hainan opens three new ports

Haikou, 3 March 2026. Chen Lihua, vice governor of Hainan Province, said that the island will \
open three new container ports next year and double its shipping capacity by 2030. Mayor Zhou \
Jianguo stressed that the city needs ten thousand more engineers. Li Ming, a resident of Haikou, \
welcomed the plan.

Chen Lihua visited a shipyard in Sanya on Monday. Zhou further noted that housing for the \
engineers will be built near the new ports. Reporter Wang Fang asked about the cost of the project.

"We will finish the first port before the typhoon season," said Governor Qian Hao. Ren Zhengfei, \
president of Huawei Technologies Co., Ltd., said the company would invest in the ports.
"""

GERMAN = """Wuhan baut den Nahverkehr aus

Wuhan, 4. März 2026. Gao Feng, Direktor des Verkehrsamts der Stadt Wuhan, erklärte, dass die \
Stadt bis 2028 vier neue U-Bahn-Linien eröffnen werde. Die Finanzierung sei gesichert. Die \
stellvertretende Bürgermeisterin Sun Meiling betonte, dass der öffentliche Verkehr Vorrang vor \
dem Autoverkehr habe.

Pressekontakt: Lisa Wong, Telefon 0086 27 1234567.
"""

CHINESE = """武汉加快建设轨道交通

市交通局局长高峰表示，到2028年武汉将新开通四条地铁线路，总里程超过一百公里。记者 王芳 李明报道。
"""

SAME_SURNAME = """Zhuhai port ceremony

Liu Wei, mayor of Zhuhai, and Liu Hong, director of the Zhuhai Port Authority, attended the \
ceremony on Friday. Liu said that the port would grow by a third within five years.
"""

PRONOUNS = """Jiangmen opens a rail link

Jiangmen, 6 May 2026. Ma Qiang, director of the city transport bureau, said the line was \
finished on time.

"The line will carry forty thousand passengers a day," he said.

The station was built in two years. Farmers in the valley grow rice.

"A second line will follow," he added.
"""

PRONOUN_AFTER_OTHER = """Jiangmen port

Ma Qiang, director of the city transport bureau, said the port would grow. Reporter Li Ping \
asked about the cost. He said it was high.
"""

PRONOUN_CHINESE = """江门开通轻轨

市交通局局长马强表示，新线路将于五月开通。

他表示，第二条线路明年开工。

其他要求包括票价不超过五元。
"""

TRANSCRIPT = """Speech at the Shaoguan investment forum

The forum was held in Shaoguan on 12 May 2026. The following is the full text of the speech by \
Party Secretary Deng Xiaoyun:

Dear guests, friends! We will give every investor in Shaoguan a single point of contact. Our \
city needs more factories and more skilled workers. Governor Qian Hao said last week that the \
province will help us.

Contact us

Tel: 0086 751 1234567
"""


def build(tmp_path: Path, files: dict[str, str]) -> OfficialsDirectory:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return OfficialsDirectory.from_corpus(load_corpus(folder))


@pytest.fixture
def directory(tmp_path: Path) -> OfficialsDirectory:
    return build(
        tmp_path,
        {
            "hainan-ports-en.txt": ENGLISH,
            "wuhan-verkehr-de.txt": GERMAN,
            "wuhan-jiaotong-zh.txt": CHINESE,
        },
    )


def get(directory: OfficialsDirectory, name: str) -> Official:
    found = directory.lookup(name).official
    assert found is not None, name
    return found


def test_english_appositive_title_and_statement(directory: OfficialsDirectory):
    """An unseen English text: the official, the title after the name and the statement."""
    chen = get(directory, "Chen Lihua")
    assert [t.title for t in chen.titles] == ["vice governor of Hainan Province"]
    assert [s.text for s in chen.statements] == [
        "Chen Lihua, vice governor of Hainan Province, said that the island will open three new "
        "container ports next year and double its shipping capacity by 2030."
    ]


def test_english_title_before_the_name(directory: OfficialsDirectory):
    """ "Mayor Zhou Jianguo stressed ...": a title before the name, and his statement."""
    zhou = get(directory, "Zhou Jianguo")
    assert zhou.main_title == "Mayor"
    assert zhou.statements[0].text.startswith("Mayor Zhou Jianguo stressed that the city")


def test_verb_before_the_speaker(directory: OfficialsDirectory):
    """'"...," said Governor Qian Hao.' is Qian Hao's statement."""
    qian = get(directory, "Qian Hao")
    assert qian.main_title == "Governor"
    assert [s.text for s in qian.statements] == [
        '"We will finish the first port before the typhoon season," said Governor Qian Hao.'
    ]


def test_surname_alone_refers_to_the_only_official_of_that_surname(
    directory: OfficialsDirectory,
):
    """ "Zhou further noted ..." is credited to Zhou Jianguo."""
    texts = [s.text for s in get(directory, "Zhou Jianguo").statements]
    assert any(t.startswith("Zhou further noted that housing") for t in texts)


def test_mention_without_speech_verb_is_not_a_statement(directory: OfficialsDirectory):
    """ "Chen Lihua visited a shipyard" names her but is not her statement."""
    texts = [s.text for s in get(directory, "Chen Lihua").statements]
    assert not any("shipyard" in t for t in texts)


def test_german_appositive_and_lowercase_modifier(directory: OfficialsDirectory):
    """German titles after the name and before it ("Die stellvertretende Bürgermeisterin")."""
    gao = get(directory, "Gao Feng")
    assert "Direktor des Verkehrsamts der Stadt Wuhan" in [t.title for t in gao.titles]
    assert any(s.text.startswith("Gao Feng, Direktor des Verkehrsamts") for s in gao.statements)
    sun = get(directory, "Sun Meiling")
    assert sun.main_title == "stellvertretende Bürgermeisterin"
    assert sun.statements[0].text.startswith("Die stellvertretende Bürgermeisterin Sun Meiling")


def test_german_reported_speech_continues(directory: OfficialsDirectory):
    """ "Die Finanzierung sei gesichert." after Gao Feng's statement is his, in Konjunktiv."""
    texts = [s.text for s in get(directory, "Gao Feng").statements]
    assert "Die Finanzierung sei gesichert." in texts


def test_chinese_title_and_name_merge_with_the_latin_name(directory: OfficialsDirectory):
    """市交通局局长高峰表示 is Gao Feng of the German text: one official, both titles."""
    gao = get(directory, "高峰")
    assert gao.name == "Gao Feng"
    assert "高峰" in gao.aliases
    assert {t.title for t in gao.titles} >= {
        "Direktor des Verkehrsamts der Stadt Wuhan",
        "市交通局局长",
    }
    assert {d.id for d in gao.documents} == {"wuhan-verkehr-de", "wuhan-jiaotong-zh"}
    assert any(s.text.startswith("市交通局局长高峰表示") for s in gao.statements)


@pytest.mark.parametrize(
    "name",
    ["Li Ming", "Wang Fang", "王芳", "Lisa Wong", "Wong", "Ren Zhengfei", "Hong Kong"],
)
def test_people_without_public_office_are_not_officials(directory: OfficialsDirectory, name: str):
    """Residents, reporters, press contacts and company heads are not listed."""
    assert directory.lookup(name).official is None


def test_exactly_the_invented_officials_are_found(directory: OfficialsDirectory):
    """The three invented documents name five officials, and only them."""
    assert {o.name for o in directory.all()} == {
        "Chen Lihua",
        "Gao Feng",
        "Qian Hao",
        "Sun Meiling",
        "Zhou Jianguo",
    }


def test_ambiguous_surname_is_credited_to_nobody(tmp_path: Path):
    """ "Liu said" with two officials named Liu and no earlier speaker is nobody's statement."""
    directory = build(tmp_path, {"zhuhai-port-en.txt": SAME_SURNAME})
    assert {o.name for o in directory.all()} == {"Liu Wei", "Liu Hong"}
    assert all(o.statements == [] for o in directory.all())


def test_transcript_body_is_the_speakers_until_it_ends(tmp_path: Path):
    """A transcribed speech is its speaker's words; quoted speakers and trailing junk are not."""
    directory = build(tmp_path, {"shaoguan-forum-en.txt": TRANSCRIPT})
    deng = get(directory, "Deng Xiaoyun")
    texts = [s.text for s in deng.statements]
    assert "We will give every investor in Shaoguan a single point of contact." in texts
    assert "Our city needs more factories and more skilled workers." in texts
    assert not any("Governor Qian Hao said" in t for t in texts)
    assert not any("0086" in t or "Contact us" in t for t in texts)
    qian = get(directory, "Qian Hao")
    assert [s.text for s in qian.statements] == [
        "Governor Qian Hao said last week that the province will help us."
    ]


def test_he_said_after_a_named_speaker_is_theirs(tmp_path: Path):
    """'"...," he said' in the paragraph after Ma Qiang spoke is his statement."""
    directory = build(tmp_path, {"jiangmen-rail-en.txt": PRONOUNS})
    texts = [s.text for s in get(directory, "Ma Qiang").statements]
    assert '"The line will carry forty thousand passengers a day," he said.' in texts


def test_he_said_far_from_the_speaker_is_nobodys(tmp_path: Path):
    """Two paragraphs after the last statement, "he added" is credited to nobody."""
    directory = build(tmp_path, {"jiangmen-rail-en.txt": PRONOUNS})
    texts = [s.text for s in get(directory, "Ma Qiang").statements]
    assert not any("second line" in t for t in texts)


def test_he_said_after_someone_else_is_named_is_nobodys(tmp_path: Path):
    """After "Reporter Li Ping asked", "He said" may be anyone's: not Ma Qiang's."""
    directory = build(tmp_path, {"jiangmen-port-en.txt": PRONOUN_AFTER_OTHER})
    texts = [s.text for s in get(directory, "Ma Qiang").statements]
    assert "He said it was high." not in texts


def test_chinese_pronoun_speaker_is_the_last_speaker(tmp_path: Path):
    """ "他表示" in the paragraph after 马强表示 is 马强's statement."""
    directory = build(tmp_path, {"jiangmen-rail-zh.txt": PRONOUN_CHINESE})
    (official,) = [o for o in directory.all() if "马强" in o.name or "马强" in o.aliases]
    assert "他表示，第二条线路明年开工。" in [s.text for s in official.statements]


def test_a_word_holding_the_pronoun_is_no_speaker(tmp_path: Path):
    """ "其他要求..." (其他: "other") after 马强's statements is not his."""
    directory = build(tmp_path, {"jiangmen-rail-zh.txt": PRONOUN_CHINESE})
    (official,) = [o for o in directory.all() if "马强" in o.name or "马强" in o.aliases]
    assert not any(s.text.startswith("其他") for s in official.statements)


def corpus_of_paragraphs(doc_id: str, paragraphs: list[str]) -> Corpus:
    """A one-document corpus whose paragraphs are given as they are, without any cleaning."""
    text = "\n\n".join(paragraphs)
    spans, position = [], 0
    for number, paragraph in enumerate(paragraphs, start=1):
        spans.append(Paragraph(number, position, position + len(paragraph), paragraph, "en"))
        position += len(paragraph) + 2
    info = DocumentInfo(
        id=doc_id, title=paragraphs[0], source="test", date="2026-05-12", language="en"
    )
    document = Document(info, Path(f"{doc_id}.txt"), text, "utf-8", spans, ["en"])
    return Corpus(Path("."), [document], [], [])


def test_transcript_ends_at_the_first_paragraph_that_is_not_prose():
    """A heading or teaser after a transcript (a blog sidebar) is not the speaker's."""
    corpus = corpus_of_paragraphs(
        "forum-speech",
        [
            "The following is the transcript of the speech delivered by Mayor Zhou Jianguo:",
            "We will give every investor in Shaoguan a single point of contact.",
            "Related posts",
            "Moving the factory to Shaoguan: what happened to your factory in Vietnam recen...",
        ],
    )
    zhou = OfficialsDirectory.from_corpus(corpus).lookup("Zhou Jianguo").official
    assert zhou is not None
    assert [s.text for s in zhou.statements] == [
        "We will give every investor in Shaoguan a single point of contact."
    ]


SHENZHEN_EN = """Shenzhen plans new chip fabs

Shenzhen, 7 April 2026. Mayor of Shenzhen Qin Wei said that the city will build two new chip \
factories. Vice-Governor Zhang Guozhi stressed that the province will support the plan.
"""

SHENZHEN_ZH = """深圳规划新建芯片工厂

会上，秦伟强调，深圳将新建两座芯片工厂，力争2028年投产。国家指出的方向十分明确。
"""


@pytest.fixture
def shenzhen(tmp_path: Path) -> OfficialsDirectory:
    return build(tmp_path, {"shenzhen-en.txt": SHENZHEN_EN, "shenzhen-zh.txt": SHENZHEN_ZH})


def test_title_with_of_phrase_before_the_name(shenzhen: OfficialsDirectory):
    """ "Mayor of Shenzhen Qin Wei said ...": the whole title before the name, and the statement."""
    qin = get(shenzhen, "Qin Wei")
    assert "Mayor of Shenzhen" in [t.title for t in qin.titles]
    assert any(s.text.startswith("Mayor of Shenzhen Qin Wei said") for s in qin.statements)


def test_hyphenated_title(shenzhen: OfficialsDirectory):
    """ "Vice-Governor" is a title like "vice governor"."""
    assert get(shenzhen, "Zhang Guozhi").main_title == "Vice-Governor"


def test_untitled_chinese_speaker_is_linked_by_pinyin(shenzhen: OfficialsDirectory):
    """秦伟强调 in a Chinese text, without a title, is Qin Wei of the English text."""
    qin = get(shenzhen, "秦伟")
    assert qin.name == "Qin Wei"
    assert {d.id for d in qin.documents} == {"shenzhen-en", "shenzhen-zh"}
    assert any(s.text.startswith("会上，秦伟强调") for s in qin.statements)


def test_untitled_chinese_words_before_a_verb_are_not_people(shenzhen: OfficialsDirectory):
    """国家指出 (the state points out) spells no one's name: nobody is added for it."""
    assert {o.name for o in shenzhen.all()} == {"Qin Wei", "Zhang Guozhi"}


GERMAN_TITLE_FIRST = """Chengdu baut Radwege

Chengdu, 9. Mai 2026. Der Sprecher des Verkehrsamts der Stadt Chengdu, Ma Lin, sagte, dass bis \
2027 dreihundert Kilometer Radwege entstehen sollen. Die Bauarbeiten sollen im Juni beginnen.
"""


def test_german_title_in_commas_before_the_name(tmp_path: Path):
    """ "Der Sprecher des Verkehrsamts ..., Ma Lin, sagte ...": title before, then statement."""
    ma = get(build(tmp_path, {"chengdu-de.txt": GERMAN_TITLE_FIRST}), "Ma Lin")
    assert ma.main_title == "Sprecher des Verkehrsamts der Stadt Chengdu"
    assert [s.text[:40] for s in ma.statements] == ["Der Sprecher des Verkehrsamts der Stadt "]


def test_according_to_and_laut_attribute_the_sentence(tmp_path: Path) -> None:
    """ "According to Governor X, ..." and "Laut Gouverneur X ..." are X's statements."""
    english = (
        "Jiangmen expands its port\n\n"
        "Governor Qian Hao opened the new quay in Jiangmen on Monday. According to Qian Hao, "
        "the port will double its capacity by 2030. The quay cost two billion yuan.\n"
    )
    german = (
        "Jiangmen baut den Hafen aus\n\n"
        "Gouverneur Qian Hao eröffnete am Montag den neuen Kai in Jiangmen. Laut Qian Hao wird "
        "der Hafen seine Kapazität bis 2030 verdoppeln. Der Kai kostete zwei Milliarden Yuan.\n"
    )
    directory = build(tmp_path, {"port-en.txt": english, "port-de.txt": german})
    official = directory.lookup("Qian Hao").official
    assert official is not None
    assert sorted(s.text for s in official.statements) == [
        "According to Qian Hao, the port will double its capacity by 2030.",
        "Laut Qian Hao wird der Hafen seine Kapazität bis 2030 verdoppeln.",
    ]
