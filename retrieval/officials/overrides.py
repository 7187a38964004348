"""The person-editable overrides file: corrections to what extraction found.

``<corpus folder>/officials-overrides.toml``::

    not_officials = ["Albert Huang"]          # names that must not be listed

    [[official]]                              # add to an official found (matched in any
    name = "Wang Weizhong"                    # spelling or script), or add a new official
    aliases = ["王伟中"]
    titles = [{ title = "Governor of Guangdong", document = "<document id>" }]
    statements = [{ document = "<document id>", text = "<exact sentence from the document>" }]

A broken file or entry never stops the corpus from loading: it is skipped with a warning that
names the file and the entry.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TitleOverride:
    title: str
    document: str


@dataclass(frozen=True)
class StatementOverride:
    document: str
    text: str


@dataclass(frozen=True)
class OfficialOverride:
    name: str
    aliases: tuple[str, ...] = ()
    titles: tuple[TitleOverride, ...] = ()
    statements: tuple[StatementOverride, ...] = ()


@dataclass(frozen=True)
class Overrides:
    not_officials: tuple[str, ...] = ()
    officials: tuple[OfficialOverride, ...] = ()


def load_overrides(path: Path) -> tuple[Overrides, list[str]]:
    """Read the overrides file; returns what could be read and a warning for each problem."""
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        log.warning("%s", message)

    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle)
    except FileNotFoundError:
        warn(f"The officials overrides file {path} does not exist; no overrides were applied.")
        return Overrides(), warnings
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        warn(f"The officials overrides file {path} could not be read ({exc}); it was ignored.")
        return Overrides(), warnings

    not_officials = _strings(table.get("not_officials", []))
    if not_officials is None:
        warn(f"{path}: not_officials must be a list of names; it was ignored.")
        not_officials = []
    officials: list[OfficialOverride] = []
    entries = table.get("official", [])
    if not isinstance(entries, list):
        warn(f"{path}: [[official]] entries must be tables; they were ignored.")
        entries = []
    for number, entry in enumerate(entries, start=1):
        parsed = _official(entry)
        if isinstance(parsed, str):
            warn(f"{path}: official entry {number} was ignored: {parsed}.")
        else:
            officials.append(parsed)
    return Overrides(tuple(not_officials), tuple(officials)), warnings


def _strings(value: Any) -> list[str] | None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return None
    return [item.strip() for item in value if item.strip()]


def _official(entry: Any) -> OfficialOverride | str:
    """The parsed entry, or why it cannot be used."""
    if not isinstance(entry, dict):
        return "it is not a table"
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return "it has no name"
    aliases = _strings(entry.get("aliases", []))
    if aliases is None:
        return "aliases must be a list of strings"
    titles = _tables(entry.get("titles", []), ("title", "document"))
    if titles is None:
        return "each title needs a title and a document id"
    statements = _tables(entry.get("statements", []), ("document", "text"))
    if statements is None:
        return "each statement needs a document id and a text"
    return OfficialOverride(
        name.strip(),
        tuple(aliases),
        tuple(TitleOverride(*fields) for fields in titles),
        tuple(StatementOverride(*fields) for fields in statements),
    )


def _tables(value: Any, keys: tuple[str, str]) -> list[tuple[str, str]] | None:
    """The ``keys`` of each table in a list, stripped; None unless every table has them as text."""
    if not isinstance(value, list):
        return None
    found = []
    for item in value:
        if not (isinstance(item, dict) and all(isinstance(item.get(key), str) for key in keys)):
            return None
        found.append((item[keys[0]].strip(), item[keys[1]].strip()))
    return found
