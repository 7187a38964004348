"""lingnan's translations: every sentence and command in German and Chinese, placeholders kept."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bot
import bot.texts as texts
from bot import filter_texts, records_texts
from bot.translations import (
    LANGUAGE_FILES,
    catalog,
    command_key,
    english_templates,
    language_of_locale,
    placeholders,
)

LANGUAGES = sorted(LANGUAGE_FILES)

# Every module of the bot, so that each sentence made anywhere is registered and checked.
for _module in pkgutil.walk_packages(bot.__path__, "bot."):
    importlib.import_module(_module.name)


def command_keys() -> set[str]:
    """The keys of every command's name and description and its options' names and
    descriptions, from the English tables."""
    descriptions = dict(texts.COMMAND_DESCRIPTIONS)
    descriptions |= {"stats": records_texts.STATS_DESCRIPTION}
    descriptions |= {"settings": records_texts.SETTINGS_DESCRIPTION}
    options = dict(texts.COMMAND_OPTIONS)
    options |= {"stats": records_texts.STATS_OPTIONS, "settings": records_texts.SETTINGS_OPTIONS}
    keys = {
        f"commands.{name}.{field}" for name in descriptions for field in ("name", "description")
    }
    keys.add(f"commands.{command_key(texts.FIND_SOURCES_NAME)}.name")
    for command, described in options.items():
        for option in described:
            keys |= {f"commands.{command}.options.{option}.{f}" for f in ("name", "description")}
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sentence_is_translated_with_its_placeholders(language: str) -> None:
    """Each English sentence has a translation with exactly its {placeholders}."""
    translations = catalog(language)
    missing = [key for key in english_templates() if key not in translations]
    assert not missing, f"{language} lacks {missing}"
    differing = {
        key: (sorted(placeholders(english)), sorted(placeholders(translations[key])))
        for key, english in english_templates().items()
        if placeholders(english) != placeholders(translations[key])
    }
    assert not differing, f"{language} placeholders differ: {differing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_and_option_is_translated(language: str) -> None:
    """Each command's and option's name and description has a translation."""
    missing = sorted(command_keys() - set(catalog(language)))
    assert not missing, f"{language} lacks {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translation_files_hold_no_unknown_sentence(language: str) -> None:
    """A translation whose English is gone (a renamed key) is caught, not kept unused."""
    known = set(english_templates())
    unknown = [
        key for key in catalog(language) if not key.startswith("commands.") and key not in known
    ]
    assert not unknown, f"{language} has translations of no sentence: {unknown}"


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("en-US", "en"),
        ("en-GB", "en"),
        ("de", "de"),
        ("zh-CN", "zh"),
        ("fr", "en"),
        ("zh-TW", "en"),
    ],
)
def test_discord_locale_gives_reply_language(locale: str, language: str) -> None:
    """German and Simplified Chinese locales get their language; every other one English."""
    assert language_of_locale(locale) == language


def test_counted_sentence_takes_singular_and_plural() -> None:
    """One quote is singular, several plural, in each language."""
    assert filter_texts.without_filters_sentence(1) == "Without the filters: 1 quote."
    assert filter_texts.without_filters_sentence(3, "de") == "Ohne die Filter: 3 Zitate."
    assert filter_texts.without_filters_sentence(1, "de") == "Ohne die Filter: 1 Zitat."
