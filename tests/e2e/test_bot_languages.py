"""The bot in its users' languages through the local Discord: command names and descriptions in
the sync payload, and replies in the asker's Discord locale (issue 12)."""

from __future__ import annotations

from typing import Any

from bot.translations import catalog
from tests.discord_fake import FakeDiscord
from tests.e2e.conftest import RunningBot
from tests.e2e.expect import embed

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


async def ask_as(fake: FakeDiscord, locale: str) -> dict[str, Any]:
    user = fake.add_user(f"asker-{locale}")
    user.locale = locale
    asked = await fake.send_slash_command("ask", {"question": QUESTION}, user=user)
    return await asked.wait_answer(timeout=15)


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
