"""lingnan in its users' languages. English is written in `bot.texts` (and the per-feature text
modules); German and Chinese are data files a person edits, one per language, in
`bot/data/texts/` (`de.toml`, `zh-CN.toml`), keyed by dotted names. This module reads them, maps
a Discord locale to a reply language, and gives discord.py the commands' localized names and
descriptions through an `app_commands.Translator`.

A sentence is a `Sentence` (or a `Counted` one with singular and plural) made once in a text
module; calling it with a language gives the translation, English where a file lacks it (a test
fails then, so that never ships).
"""

from __future__ import annotations

import functools
import logging
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger(__name__)

TEXTS_FOLDER = Path(__file__).parent / "data" / "texts"
# The reply languages with a translation file; "en" is bot.texts itself.
LANGUAGE_FILES = {"de": "de.toml", "zh": "zh-CN.toml"}
# Discord locales lingnan speaks; every other locale gets English (Discord shows the commands'
# English names there by itself).
LOCALE_LANGUAGES = {"en-US": "en", "en-GB": "en", "de": "de", "zh-CN": "zh"}
ENGLISH = "en"

# Every sentence made, by key: what the translation files must cover.
SENTENCES: dict[str, Sentence] = {}


def language_of_locale(locale: discord.Locale | str | None) -> str:
    """The reply language for a Discord locale: "de", "zh" or "en" (also for any other)."""
    return LOCALE_LANGUAGES.get(str(locale) if locale is not None else "", ENGLISH)


@functools.cache
def catalog(language: str) -> Mapping[str, str]:
    """The translations of `language` by dotted key; empty for English and unknown languages."""
    name = LANGUAGE_FILES.get(language)
    if name is None:
        return {}
    with (TEXTS_FOLDER / name).open("rb") as file:
        return flattened(tomllib.load(file))


def flattened(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """A TOML file's nested tables as {"ask.footer": "…"}; anything but text is a mistake."""
    entries: dict[str, str] = {}
    for key, value in table.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, Mapping):
            entries |= flattened(value, dotted + ".")
        elif isinstance(value, str):
            entries[dotted] = value
        else:
            raise ValueError(f"translation {dotted!r} is not text: {value!r}")
    return entries


def placeholders(template: str) -> set[str]:
    """The `{name}` fields of a template."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def translated(language: str | None, key: str, english: str) -> str:
    """The text at `key` in `language`'s file (a command's description, an option's name), or
    `english` for English and where the file lacks it."""
    return _template(language, key, english)


def _template(language: str | None, key: str, english: str) -> str:
    if not language or language == ENGLISH:
        return english
    translated = catalog(language).get(key)
    if translated is None:
        log.warning("no %s translation of %r; English instead", language, key)
        return english
    return translated


@dataclass(frozen=True)
class Sentence:
    """One fixed sentence (or label) with `{name}` placeholders; English given here."""

    key: str
    english: str

    def __post_init__(self) -> None:
        SENTENCES[self.key] = self

    def __call__(self, language: str | None = None, /, **values: object) -> str:
        return _template(language, self.key, self.english).format(**values)

    def templates(self) -> dict[str, str]:
        """English templates by key, for the completeness test."""
        return {self.key: self.english}


@dataclass(frozen=True)
class Counted(Sentence):
    """A sentence about `{count}` things: `english` for one, `plural` for any other number."""

    plural: str = ""

    def __call__(self, language: str | None = None, /, **values: object) -> str:
        count = values.get("count")
        if count == 1:
            return _template(language, self.key + ".one", self.english).format(**values)
        return _template(language, self.key + ".other", self.plural).format(**values)

    def templates(self) -> dict[str, str]:
        return {self.key + ".one": self.english, self.key + ".other": self.plural}


def english_templates() -> dict[str, str]:
    """Every English template by key (the sentences of the text modules imported so far)."""
    templates: dict[str, str] = {}
    for sentence in SENTENCES.values():
        templates |= sentence.templates()
    return templates


def command_key(name: str) -> str:
    """A command's key in the files: "Find sources" -> "find_sources"."""
    return "_".join(name.lower().split())


def translatable_choice(
    command: str, option: str, name: str, value: str
) -> app_commands.Choice[str]:
    """A choice whose shown name the translator localizes (choices carry no command of their
    own, so the key travels with the string)."""
    key = f"commands.{command}.options.{option}.choices.{value}"
    return app_commands.Choice(name=app_commands.locale_str(name, key=key), value=value)


def _context_key(context: app_commands.TranslationContextTypes) -> str | None:
    """The key of a command's or option's name or description, from where it is."""
    where = app_commands.TranslationContextLocation
    data = context.data
    if isinstance(data, app_commands.Command | app_commands.ContextMenu):
        if context.location is where.command_name:
            return f"commands.{command_key(data.name)}.name"
        if context.location is where.command_description:
            return f"commands.{command_key(data.name)}.description"
    if isinstance(data, app_commands.Parameter):
        option = f"commands.{command_key(data.command.name)}.options.{data.name}"
        if context.location is where.parameter_name:
            return f"{option}.name"
        if context.location is where.parameter_description:
            return f"{option}.description"
    return None


class CatalogTranslator(app_commands.Translator):
    """Command names, descriptions, option names and descriptions, and choice names from the
    translation files; None (Discord shows English) for other locales and missing entries."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        language = LOCALE_LANGUAGES.get(str(locale))
        if language is None or language == ENGLISH:
            return None
        key = string.extras.get("key") or _context_key(context)
        if key is None:
            return None
        return catalog(language).get(key)
