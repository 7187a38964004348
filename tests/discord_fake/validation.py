"""Discord's own checks on what a bot sends: the fake answers 400 where Discord would."""

from __future__ import annotations

import re
from typing import Any

from tests.discord_fake.cdn import ATTACHMENT_OPTION, ATTACHMENT_SIZE_LIMIT, FakeAttachment
from tests.discord_fake.records import limit_violations

# Discord: lowercase letters/digits (any script), "-" and "_", 1-32 characters, for chat commands.
_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
# The locales Discord accepts as keys of name_localizations and description_localizations.
LOCALES = frozenset(
    [
        "id",
        "da",
        "de",
        "en-GB",
        "en-US",
        "es-ES",
        "es-419",
        "fr",
        "hr",
        "it",
        "lt",
        "hu",
        "nl",
        "no",
        "pl",
        "pt-BR",
        "ro",
        "fi",
        "sv-SE",
        "vi",
        "tr",
        "cs",
        "el",
        "bg",
        "ru",
        "uk",
        "hi",
        "th",
        "zh-CN",
        "ja",
        "zh-TW",
        "ko",
    ]
)
# Command types: 2 is a user context menu, 3 a message context menu.
_CONTEXT_MENUS = (2, 3)


def command_problems(commands: Any) -> list[str]:
    """Why Discord would reject this bulk command upsert, or [] when it would accept it."""
    if not isinstance(commands, list):
        return ["body is not a list of commands"]
    problems: list[str] = []
    if len(commands) > 100:
        problems.append(f"{len(commands)} > 100 commands")
    names = [c.get("name") for c in commands if isinstance(c, dict)]
    if len(names) != len(set(names)):
        problems.append("duplicate command names")
    for command in commands:
        if not isinstance(command, dict):
            problems.append("a command is not an object")
            continue
        where = f"command {command.get('name')!r}"
        if command.get("type", 1) in _CONTEXT_MENUS:
            problems.extend(_context_menu_problems(command, where))
        else:
            problems.extend(_named_problems(command, where))
        problems.extend(_options_problems(command.get("options") or [], command.get("name")))
        problems.extend(_placement_problems(command, where))
    return problems


def _named_problems(item: dict[str, Any], where: str) -> list[str]:
    """A slash command's or an option's name and description."""
    problems: list[str] = []
    name = item.get("name") or ""
    if not _COMMAND_NAME.match(name) or name != name.lower():
        problems.append(f"{where}: invalid name")
    description = item.get("description") or ""
    if item.get("type", 1) == 1 and not 1 <= len(description) <= 100:
        problems.append(f"{where}: description must be 1-100 characters, is {len(description)}")
    for locale, localized in _localizations(item, "name_localizations", where, problems):
        if not _COMMAND_NAME.match(localized) or localized != localized.lower():
            problems.append(f"{where}: invalid {locale} name {localized!r}")
    for locale, localized in _localizations(item, "description_localizations", where, problems):
        if not 1 <= len(localized) <= 100:
            problems.append(f"{where}: {locale} description must be 1-100 characters")
    return problems


def _localizations(
    item: dict[str, Any], key: str, where: str, problems: list[str]
) -> list[tuple[str, str]]:
    """The (locale, text) pairs of a localization map, its unknown locales and non-text values
    added to `problems`; a missing or null map is none."""
    mapping = item.get(key)
    if mapping is None:
        return []
    if not isinstance(mapping, dict):
        problems.append(f"{where}: {key} is not an object")
        return []
    pairs: list[tuple[str, str]] = []
    for locale, text in mapping.items():
        if locale not in LOCALES:
            problems.append(f"{where}: {key} has an unknown locale {locale!r}")
        elif not isinstance(text, str):
            problems.append(f"{where}: {key}[{locale!r}] is not text")
        else:
            pairs.append((locale, text))
    return pairs


def _context_menu_problems(command: dict[str, Any], where: str) -> list[str]:
    """A user or message command: any name of 1-32 characters (capitals and spaces allowed),
    an empty description, no options."""
    problems: list[str] = []
    if not 1 <= len(command.get("name") or "") <= 32:
        problems.append(f"{where}: a context menu's name must be 1-32 characters")
    for locale, localized in _localizations(command, "name_localizations", where, problems):
        if not 1 <= len(localized) <= 32:
            problems.append(f"{where}: a context menu's {locale} name must be 1-32 characters")
    if command.get("description"):
        problems.append(f"{where}: a context menu has no description")
    if command.get("options"):
        problems.append(f"{where}: a context menu has no options")
    return problems


def _placement_problems(command: dict[str, Any], where: str) -> list[str]:
    """`integration_types` (0 guild install, 1 user install) and `contexts` (0 guild, 1 bot
    DM, 2 private channel): lists of those values, or null."""
    problems: list[str] = []
    for key, allowed in (("integration_types", {0, 1}), ("contexts", {0, 1, 2})):
        values = command.get(key)
        if values is None:
            continue
        if not isinstance(values, list) or not values or not set(values) <= allowed:
            problems.append(f"{where}: {key} must be a list of {sorted(allowed)}, is {values!r}")
    return problems


def _options_problems(options: list[dict[str, Any]], parent: str | None) -> list[str]:
    problems: list[str] = []
    if len(options) > 25:
        problems.append(f"{parent}: {len(options)} > 25 options")
    seen_optional = False
    for option in options:
        where = f"option {parent}.{option.get('name')}"
        problems.extend(_named_problems({**option, "type": 1}, where))
        if option.get("type") in (1, 2):
            problems.extend(_options_problems(option.get("options") or [], option.get("name")))
            continue
        if option.get("required"):
            if seen_optional:
                problems.append(f"{where}: required option after an optional one")
        else:
            seen_optional = True
        if option.get("autocomplete") and option.get("choices"):
            problems.append(f"{where}: autocomplete and choices together")
        for choice in option.get("choices") or []:
            if not 1 <= len(str(choice.get("name", ""))) <= 100:
                problems.append(f"{where}: choice name must be 1-100 characters")
            for locale, localized in _localizations(choice, "name_localizations", where, problems):
                if not 1 <= len(localized) <= 100:
                    problems.append(f"{where}: {locale} choice name must be 1-100 characters")
    return problems


def autocomplete_problems(data: Any) -> list[str]:
    """Why Discord would reject an autocomplete result (type 8), or []."""
    if not isinstance(data, dict) or not isinstance(data.get("choices"), list):
        return ["autocomplete result has no choices list"]
    problems: list[str] = []
    choices = data["choices"]
    if len(choices) > 25:
        problems.append(f"{len(choices)} > 25 choices")
    for choice in choices:
        name = str(choice.get("name", ""))
        if not 1 <= len(name) <= 100:
            problems.append(f"choice name {name!r} must be 1-100 characters")
        value = choice.get("value")
        if isinstance(value, str) and len(value) > 100:
            problems.append(f"choice value {value[:20]!r}... longer than 100")
    return problems


def message_problems(body: dict[str, Any] | None, *, creating: bool) -> list[str]:
    """Why Discord would reject a message body (a new message when `creating`), or []."""
    if body is None:
        return []
    problems = limit_violations(body)
    has_content = bool((body.get("content") or "").strip())
    if creating and not (has_content or body.get("embeds") or body.get("components")):
        problems.append("cannot send an empty message")
    return problems


def option_value_problem(spec: dict[str, Any], value: Any) -> str | None:
    """Why Discord's client would not send `value` for the option `spec`, or None."""
    name = spec["name"]
    kind = spec["type"]
    if kind == 3:
        if not isinstance(value, str):
            return f"{name} must be text"
        text = value.strip()  # Discord trims text options and refuses them empty
        if not text:
            return f"{name} is empty"
        if len(text) < spec.get("min_length", 0) or len(text) > spec.get("max_length", 6000):
            return f"{name} has {len(text)} characters, outside the command's limits"
    elif kind in (4, 10):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{name} must be a number"
        if "min_value" in spec and value < spec["min_value"]:
            return f"{name} below its minimum"
        if "max_value" in spec and value > spec["max_value"]:
            return f"{name} above its maximum"
    elif kind == 7 and not isinstance(value, str):
        return f"{name} must be a channel (its name or id)"
    elif kind == 5 and not isinstance(value, bool):
        return f"{name} must be true or false"
    elif kind == ATTACHMENT_OPTION:
        if not isinstance(value, FakeAttachment):
            return f"{name} must be a FakeAttachment (a file the user attaches)"
        if len(value.data) > ATTACHMENT_SIZE_LIMIT:
            return f"{name} is larger than the {ATTACHMENT_SIZE_LIMIT} bytes a user may upload"
    choices = spec.get("choices")
    if choices and value not in [c["value"] for c in choices]:
        return f"{name} must be one of the choices"
    return None
