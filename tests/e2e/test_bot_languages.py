"""The bot in its users' languages through the local Discord: command names and descriptions in
the sync payload, and replies in the asker's Discord locale (issue 12)."""

from __future__ import annotations

import re
from typing import Any

from bot.translations import catalog
from tests.discord_fake import FakeDiscord, button_labels
from tests.e2e.conftest import LogCollector, RunningBot, run_lingnan
from tests.e2e.expect import embed, seen

QUESTION = "What GDP does Guangdong expect for 2024?"
LOCALIZED = ("de", "zh-CN")


def localized_fields(commands: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(where, localization map) for every name and description Discord shows of the synced
    commands, their options and choices."""
    fields: list[tuple[str, dict[str, Any]]] = []
    for command in commands:
        name = command["name"]
        fields.append((f"{name} name", command.get("name_localizations") or {}))
        if command.get("type", 1) == 1:
            fields.append((f"{name} description", command.get("description_localizations") or {}))
        for option in command.get("options") or []:
            where = f"{name}.{option['name']}"
            fields.append((f"{where} name", option.get("name_localizations") or {}))
            fields.append((f"{where} description", option.get("description_localizations") or {}))
            for choice in option.get("choices") or []:
                fields.append(
                    (f"{where}={choice['value']}", choice.get("name_localizations") or {})
                )
    return fields


async def ask_as(fake: FakeDiscord, locale: str, name: str = "asker") -> dict[str, Any]:
    user = fake.add_user(f"{name}-{locale}")
    user.locale = locale
    asked = await fake.send_slash_command("ask", {"question": QUESTION}, user=user)
    return await asked.wait_answer(timeout=15)


async def help_as(fake: FakeDiscord, locale: str) -> dict[str, Any]:
    user = fake.add_user(f"helped-{locale}")
    user.locale = locale
    asked = await fake.send_slash_command("help", user=user)
    return embed(await asked.wait_answer(timeout=15))


async def asked_twice_as(fake: FakeDiscord, locale: str) -> str:
    """What a user of `locale` sees when asking twice in a row under a cooldown of one."""
    user = fake.add_user(f"quick-{locale}")
    user.locale = locale
    for _ in range(2):
        asked = await fake.send_slash_command("ask", {"question": QUESTION}, user=user)
        answer = await asked.wait_answer(timeout=15)
    return seen(answer)


async def test_sync_payload_carries_german_and_chinese(lingnan: RunningBot) -> None:
    """/ask's name and description reach Discord in German and Chinese from the files."""
    _, command = lingnan.fake.command("ask")
    for locale, language in (("de", "de"), ("zh-CN", "zh")):
        assert command["name_localizations"][locale] == catalog(language)["commands.ask.name"]
        assert (
            command["description_localizations"][locale]
            == catalog(language)["commands.ask.description"]
        )
    assert "fr" not in command["description_localizations"]


async def test_every_synced_name_and_description_is_localized(lingnan: RunningBot) -> None:
    """Every command, option and choice Discord shows has its German and Chinese text."""
    commands = [c for scoped in lingnan.fake.commands.values() for c in scoped]
    missing = [
        f"{where} [{locale}]"
        for where, localizations in localized_fields(commands)
        for locale in LOCALIZED
        if not localizations.get(locale)
    ]
    assert commands and not missing, missing


async def test_german_locale_gets_german_reply(lingnan: RunningBot) -> None:
    """A user whose Discord is in German reads lingnan's own words in German."""
    answer = embed(await ask_as(lingnan.fake, "de"))
    assert "wörtlich aus dem Korpus" in answer["footer"]["text"]
    assert "verbatim" not in answer["footer"]["text"]


async def test_chinese_locale_gets_chinese_reply(lingnan: RunningBot) -> None:
    """A user whose Discord is in Simplified Chinese reads lingnan's own words in Chinese."""
    answer = embed(await ask_as(lingnan.fake, "zh-CN"))
    assert "逐字引自语料库" in answer["footer"]["text"]


async def test_german_answer_has_german_buttons(lingnan: RunningBot) -> None:
    """Cite, Source and the feedback buttons under a German asker's answer are German."""
    labels = button_labels(await ask_as(lingnan.fake, "de", "buttons"))
    assert {"Zitieren", "Quelle", "Hilfreich", "Nicht hilfreich"} <= set(labels), labels


async def test_chinese_answer_has_chinese_buttons(lingnan: RunningBot) -> None:
    """Cite, Source and the feedback buttons under a Chinese asker's answer are Chinese."""
    labels = button_labels(await ask_as(lingnan.fake, "zh-CN", "buttons"))
    assert {"引用", "来源", "有帮助", "没有帮助"} <= set(labels), labels


async def test_other_locale_gets_english_reply(lingnan: RunningBot) -> None:
    """A locale lingnan has no translation for gets English."""
    answer = embed(await ask_as(lingnan.fake, "fr"))
    assert "verbatim from the corpus" in answer["footer"]["text"]


async def test_german_nothing_found_is_german(lingnan: RunningBot) -> None:
    """The nothing-found answer's sentence is German for a German-locale asker."""
    user = lingnan.fake.add_user("asker-nothing")
    user.locale = "de"
    asked = await lingnan.fake.send_slash_command(
        "ask", {"question": "xylophone zebra quartet"}, user=user
    )
    answer = embed(await asked.wait_answer(timeout=15))
    assert answer["title"] == catalog("de")["ask.nothing_found_title"]
    assert "Die Dokumente enthalten keine Passage" in answer["description"]


async def test_german_help_is_german(lingnan: RunningBot) -> None:
    """/help shows a German-locale user its title, headings and commands in German."""
    shown = await help_as(lingnan.fake, "de")
    german = catalog("de")
    assert shown["title"] == german["help.title"]
    assert [f["name"] for f in shown["fields"]] == ["Befehle", "Beispielfragen"]
    assert german["commands.timeline.description"] in shown["fields"][0]["value"]
    assert shown["footer"]["text"].startswith("Korpus: ")


async def test_chinese_help_is_chinese(lingnan: RunningBot) -> None:
    """/help shows a Chinese-locale user its title, headings and commands in Chinese."""
    shown = await help_as(lingnan.fake, "zh-CN")
    chinese = catalog("zh")
    assert shown["title"] == chinese["help.title"]
    assert [f["name"] for f in shown["fields"]] == ["命令", "示例问题"]
    assert chinese["commands.timeline.description"] in shown["fields"][0]["value"]
    assert shown["footer"]["text"].startswith("语料库：")


async def test_cooldown_sentence_in_askers_language(
    fake_discord: FakeDiscord, log_records: LogCollector, library: Any, seeds_copy: Any
) -> None:
    """The wait a too-quick asker is told is German for a German locale, Chinese for Chinese."""
    async with run_lingnan(
        fake_discord, log_records, seeds_copy, library, cooldown_rate=1, cooldown_seconds=60
    ) as running:
        german = await asked_twice_as(fake_discord, "de")
        chinese = await asked_twice_as(fake_discord, "zh-CN")
        assert not running.problems()
    assert german.startswith("Du fragst schnell hintereinander") and "Sekunden" in german
    assert chinese.startswith("你问得太快了") and "秒" in chinese


async def test_german_sources_and_officials_are_german(lingnan: RunningBot) -> None:
    """/sources and /officials title their lists in German for a German-locale user."""
    user = lingnan.fake.add_user("lister-de")
    user.locale = "de"
    titles = []
    for command in ("sources", "officials"):
        sent = await lingnan.fake.send_slash_command(command, user=user)
        titles.append(embed(await sent.wait_answer(timeout=15))["title"])
    assert titles[0].startswith("Quellen (") and "Dokumente" in titles[0]
    assert titles[1].startswith("Amtsträger im Korpus (")


async def test_chinese_timeline_is_chinese(lingnan: RunningBot) -> None:
    """/timeline's heading and footer are Chinese for a Chinese-locale user."""
    user = lingnan.fake.add_user("timeline-zh")
    user.locale = "zh-CN"
    sent = await lingnan.fake.send_slash_command("timeline", {"topic": "governor"}, user=user)
    shown = embed(await sent.wait_answer(timeout=15))
    assert shown["description"].startswith("-# " + catalog("zh")["timeline.heading"])
    assert "逐字引自语料库" in shown["footer"]["text"]


def citation_lines(answer: dict[str, Any]) -> list[str]:
    """The subtext lines under the quotes of an answer's first page."""
    return [line for line in embed(answer)["description"].splitlines() if line.startswith("-# **")]


async def test_german_citation_line_is_german(lingnan: RunningBot) -> None:
    """Under a German asker's quotes the date reads "16. Jan. 2025" and no English word is left."""
    lines = citation_lines(await ask_as(lingnan.fake, "de", "cited"))
    german_date = re.compile(
        r" · \d{1,2}\.\u00a0(Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|"
        r"Sept\.|Okt\.|Nov\.|Dez\.)\u00a0\d{4} · "
    )
    assert lines and all(german_date.search(line) for line in lines), lines
    english = ("said by", "also in ", "also published", "undated", " p.\u00a0", "German")
    assert not any(word in line for line in lines for word in english), lines


async def test_chinese_citation_line_is_chinese(lingnan: RunningBot) -> None:
    """Under a Chinese asker's quotes the date reads "2025年1月16日", kept whole by word joiners."""
    lines = citation_lines(await ask_as(lingnan.fake, "zh-CN", "cited"))
    chinese_date = re.compile(r" · \d{4}\u2060年\u2060\d{1,2}\u2060月\u2060\d{1,2}\u2060日 · ")
    assert lines and all(chinese_date.search(line) for line in lines), lines
    english = ("said by", "also in ", "also published", "undated", " p.\u00a0", "Chinese")
    assert not any(word in line for line in lines for word in english), lines


async def ask_filtered_as(fake: FakeDiscord, locale: str, options: dict[str, Any]) -> Any:
    """/ask with filters by a user of `locale`: the interaction and what it answered."""
    user = fake.add_user(f"filtering-{locale}")
    user.locale = locale
    asked = await fake.send_slash_command("ask", {"question": QUESTION, **options}, user=user)
    return asked, await asked.wait_answer(timeout=15)


async def test_german_asker_with_a_bad_since_reads_german(lingnan: RunningBot) -> None:
    """since: "bald" tells a German-locale asker, privately and in German, what a date is."""
    asked, answer = await ask_filtered_as(lingnan.fake, "de", {"since": "bald"})
    assert asked.ephemeral
    assert seen(answer) == (
        "\u201ebald\u201c ist kein Datum: Gib ein Jahr (2024), einen Monat (2024-03) oder "
        "einen Tag (2024-03-15) an."
    )


async def test_chinese_asker_with_since_after_until_reads_chinese(lingnan: RunningBot) -> None:
    """since 2025 with until 2024 is one Chinese sentence naming both bounds."""
    asked, answer = await ask_filtered_as(lingnan.fake, "zh-CN", {"since": "2025", "until": "2024"})
    assert asked.ephemeral
    assert seen(answer) == "\u201c起始 2025\u201d晚于\u201c截止 2024\u201d。"


async def test_german_asker_with_an_unknown_source_reads_german(lingnan: RunningBot) -> None:
    """A typed source no corpus source holds is refused in German, naming what was typed."""
    _, answer = await ask_filtered_as(lingnan.fake, "de", {"source": "Volkszeitung"})
    assert seen(answer) == (
        "Keine Quelle des Korpus heißt \u201eVolkszeitung\u201c; wähle eine aus der Liste."
    )


async def test_german_filters_that_leave_nothing_are_named_in_german(lingnan: RunningBot) -> None:
    """since 2026 leaves nothing: the German answer names the filter as "seit 2026"."""
    _, answer = await ask_filtered_as(lingnan.fake, "de", {"since": "2026"})
    text = seen(answer)
    assert "Kein Dokument des Korpus erf\u00fcllt diese Filter (seit 2026)." in text
    assert re.search(r"Ohne die Filter: \d+ Zitate\.", text), text


async def test_chinese_filtered_answer_names_its_filters_in_chinese(lingnan: RunningBot) -> None:
    """A Chinese asker's answer filtered to German documents of 2025 says so in Chinese."""
    options = {"question": "Who headed the conference?", "language": "de", "since": "2025"}
    _, answer = await ask_filtered_as(lingnan.fake, "zh-CN", options)
    assert "筛选：德文 \u00b7 2025 起" in seen(answer)
