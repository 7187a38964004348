"""/official for big and ambiguous cases (issue 11), checked on what the local Discord receives:
an official with a long transcribed speech, an office several people hold, menus that survive a
restart. The corpus is invented here (names, places and texts are made up)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot import texts
from tests.discord_fake import FakeDiscord, buttons, selects
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed, seen

NEXT = "\u25b6"
SPEAKER = "Deng Xiaoyun"
LONG_SPEECH_TITLE = "Full text of Party Secretary Deng Xiaoyun's speech at the Shaoguan forum"
SHORT_SPEECH_TITLE = "Deng Xiaoyun's address to the river valley conference"
TOPICS = (
    "furniture", "rail freight", "vocational schools", "industrial parks", "solar farms",
    "water standards", "tea gardens", "mountain tourism", "battery recycling", "logistics",
    "rural roads", "small workshops",
)  # fmt: skip


def front_matter(title: str, source: str, date: str, url: str | None, language: str) -> str:
    address = f"url: {url}\n" if url else ""
    return (
        f"---\ntitle: {title}\nsource: {source}\ndate: {date}\n{address}language: {language}\n---\n"
    )


def long_speech() -> str:
    """A transcript of 48 sentences, four a paragraph, each about one topic."""
    paragraphs = [
        f"Our plan for {topic} starts this year in every county of the city. "
        f"The city will invest in {topic} together with private companies. "
        f"Young people trained in {topic} will find work close to home. "
        f"We will report on the progress of {topic} to the people every year."
        for topic in TOPICS
    ]
    return (
        front_matter(
            LONG_SPEECH_TITLE,
            "Shaoguan Daily",
            "2026-05-12",
            "https://news.example.org/shaoguan/forum-speech",
            "en",
        )
        + "Speech at the Shaoguan investment forum\n\nThe forum was held on 12 May 2026. The "
        + "following is the full text of the speech by Party Secretary Deng Xiaoyun:\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )


SHORT_SPEECH = front_matter(SHORT_SPEECH_TITLE, "River Valley News", "2025-03-02", None, "en") + (
    "Deng Xiaoyun at the river valley conference\n\n"
    "The following is the transcript of the speech delivered by Party Secretary Deng Xiaoyun:\n\n"
    "The river valley will become a green corridor for the whole region. "
    "We will plant forests on both banks of the river within five years.\n"
)

RELEASE = front_matter(
    "Shaoguan forum signs forty projects",
    "Shaoguan Municipal Government",
    "2026-05-13",
    "https://gov.example.org/shaoguan/forum-release",
    "en",
) + (
    "Shaoguan forum signs forty projects\n\n"
    "Shaoguan, 13 May 2026. Party Secretary of Shaoguan Deng Xiaoyun emphasized that the city "
    "will open three new industrial parks by the end of next year. Deng Xiaoyun stressed that "
    "land prices for manufacturers will stay low.\n\n"
    "Lu Minghao, director of the Shaoguan Municipal Bureau of Commerce, said that forty projects "
    "worth twelve billion yuan were signed at the forum.\n\n"
    "Fang Yiqun, director of the Shaoguan Development and Reform Commission, noted that the "
    "projects will create eight thousand jobs.\n"
)

RELEASE_DE = front_matter(
    "Investitionsforum in Shaoguan bringt vierzig Projekte",
    "Stadtregierung Shaoguan",
    "2026-05-13",
    "https://gov.example.org/shaoguan/forum-release-de",
    "de",
) + (
    "Investitionsforum in Shaoguan bringt vierzig Projekte\n\n"
    "Shaoguan, 13. Mai 2026. Parteisekretär von Shaoguan Deng Xiaoyun betonte, dass die Stadt "
    "bis Ende nächsten Jahres drei neue Industrieparks eröffnen werde.\n"
)

RELEASE_ZH = front_matter(
    "韶关投资论坛签约四十个项目",
    "韶关日报",
    "2026-05-13",
    "https://news.example.org/shaoguan/forum-zh",
    "zh",
) + ("韶关投资论坛签约四十个项目\n\n市委书记邓晓云强调，全市明年年底前将建成三个新的产业园区。\n")


@pytest.fixture(scope="module")
def invented_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("invented") / "corpus"
    folder.mkdir()
    files = {
        "forum-speech-en.txt": long_speech(),
        "valley-speech-en.txt": SHORT_SPEECH,
        "forum-release-en.txt": RELEASE,
        "forum-release-de.txt": RELEASE_DE,
        "forum-release-zh.txt": RELEASE_ZH,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def invented_library(invented_corpus: Path) -> Any:
    from retrieval.library import Library

    return Library.load(invented_corpus, use_cache=False)


@pytest.fixture
async def shaoguan(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    invented_corpus: Path,
    invented_library: Any,
) -> Any:
    async with run_lingnan(fake_discord, log_records, invented_corpus, invented_library) as bot:
        yield bot
        problems = bot.problems()
    assert not problems, "\n".join(problems)


async def official(fake: FakeDiscord, name: str) -> dict[str, Any]:
    asked = await fake.send_slash_command("official", {"name": name})
    return await asked.wait_answer(timeout=15)


def test_the_invented_corpus_is_what_the_tests_need(invented_library: Any) -> None:
    """The speaker has reported statements and 50 transcript sentences in two documents."""
    speaker = invented_library.officials.lookup(SPEAKER).official
    kinds = [s.kind for s in speaker.statements]
    assert kinds.count("transcript") == 50 and kinds.count("reported") >= 3
    assert speaker.chinese_name == "邓晓云"


async def test_reported_statements_first_and_the_speech_by_document(
    shaoguan: RunningBot,
) -> None:
    """/official for a speaker of 50 transcript sentences: page one holds the reported
    statements; the speeches are a menu, one option per document with its title and date;
    the header gives the name in Chinese too."""
    answer = await official(shaoguan.fake, SPEAKER)
    card = embed(answer)
    assert card["title"] == "Deng Xiaoyun (邓晓云)"
    statements = [f["value"] for f in card["fields"] if f["name"].startswith("Statement")]
    assert statements and "emphasized that the city will open three" in statements[0]
    assert not any("Our plan for" in value for value in statements)
    assert "50 sentences of their speech in 2 transcripts" in card["description"]
    [menu] = selects(answer)
    assert menu["placeholder"] == texts.SPEECH_PICK_PLACEHOLDER()
    options = [(o["label"], o["description"]) for o in menu["options"]]
    assert options == [
        (LONG_SPEECH_TITLE, "12 May 2026 · 48 sentences · Shaoguan Daily"),
        (SHORT_SPEECH_TITLE, "2 Mar 2025 · 2 sentences · River Valley News"),
    ]


async def test_titles_in_three_languages_are_one_line(shaoguan: RunningBot) -> None:
    """The party secretary's title in English, German and Chinese is one line."""
    card = embed(await official(shaoguan.fake, SPEAKER))
    titles = next(f["value"] for f in card["fields"] if f["name"] == "Titles")
    assert titles.count("\n") == 0, titles
    assert "Party Secretary of Shaoguan / Parteisekretär von Shaoguan / 市委书记" in titles


async def test_choosing_a_document_shows_its_sentences(shaoguan: RunningBot) -> None:
    """Choosing the long speech shows its sentences in place, paragraph by paragraph, with
    pages of their own; the menu then offers the reported statements back."""
    fake = shaoguan.fake
    answer = await official(fake, SPEAKER)
    chosen = await fake.choose_option(answer, label=LONG_SPEECH_TITLE, user=fake.alice)
    speech = await chosen.wait_answer(timeout=15)
    assert speech["id"] == answer["id"] and chosen.callback_type == 6
    description = embed(speech)["description"]
    assert description.startswith(texts.SPEECH_HEADING())
    assert "> Our plan for furniture starts this year in every county of the city. The city" in (
        description
    )
    assert embed(speech)["footer"]["text"].startswith("sentences 1\u2013")
    labels = [o["label"] for o in selects(speech)[0]["options"]]
    assert labels[0] == texts.REPORTED_STATEMENTS_CHOICE()
    turned = await fake.press_button(speech, label=NEXT, user=fake.alice)
    page_two = await turned.wait_answer(timeout=15)
    assert "Our plan for furniture" not in seen(page_two)
    assert embed(page_two)["title"] == "Deng Xiaoyun (邓晓云)"


async def test_an_office_several_hold_lists_them_with_a_menu(shaoguan: RunningBot) -> None:
    """/official director: the directors with their offices, a menu to open one, and a title
    that never says "Official not found"; choosing one shows their card."""
    fake = shaoguan.fake
    answer = await official(fake, "director")
    card = embed(answer)
    assert card["title"] == texts.SEVERAL_OFFICIALS_TITLE()
    text = seen(answer)
    assert "Lu Minghao — director of the Shaoguan Municipal Bureau of Commerce" in text
    assert "Fang Yiqun — director of the Shaoguan Development and Reform Commission" in text
    [menu] = selects(answer)
    assert {o["label"] for o in menu["options"]} == {"Lu Minghao", "Fang Yiqun"}
    chosen = await fake.choose_option(answer, label="Lu Minghao", user=fake.alice)
    opened = await chosen.wait_answer(timeout=15)
    assert embed(opened)["title"] == "Lu Minghao"
    assert "forty projects worth twelve billion yuan" in seen(opened)


async def test_an_office_in_another_language_is_noted(shaoguan: RunningBot) -> None:
    """/official Parteisekretär finds the party secretary and says it read an office."""
    card = embed(await official(shaoguan.fake, "Parteisekretär"))
    assert card["title"] == "Deng Xiaoyun (邓晓云)"
    assert card["description"].endswith(
        "-# \u201cParteisekretär\u201d read as an office: Deng Xiaoyun holds it."
    )


async def test_speech_menu_works_after_a_restart_for_the_asker_only(
    fake_discord: FakeDiscord,
    log_records: LogCollector,
    invented_corpus: Path,
    invented_library: Any,
) -> None:
    """The speech menu of an answer sent before the bot restarted still opens a speech: its id
    carries what it needs. Another user's choice is refused privately."""
    fake = fake_discord
    async with run_lingnan(fake, log_records, invented_corpus, invented_library):
        answer = await official(fake, SPEAKER)
    async with run_lingnan(fake, log_records, invented_corpus, invented_library) as again:
        refused = await fake.choose_option(answer, label=SHORT_SPEECH_TITLE, user=fake.bob)
        assert "Only the person who asked" in seen(await refused.wait_answer(timeout=10))
        assert refused.ephemeral
        chosen = await fake.choose_option(answer, label=SHORT_SPEECH_TITLE, user=fake.alice)
        speech = await chosen.wait_answer(timeout=10)
        assert speech["id"] == answer["id"] and chosen.callback_type == 6
        assert "The river valley will become a green corridor" in seen(speech)
        assert not buttons(speech) or all(b.get("label") != NEXT for b in buttons(speech))
        problems = again.problems()
    assert not problems, problems
