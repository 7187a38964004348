"""Hand-edited glossaries: translations a person writes down, one concept per line.

``retrieval/data/translation/<a>-<b>.txt`` holds phrases of language ``a`` and their
translations in ``b``, as ``phrase, phrase = translation, translation``: every phrase on the
left translates to every phrase on the right and back, the right side's first the usual one;
``<a>-to-<b>.txt`` left to right only. ``#`` starts a comment. The German-English glossaries
are the German<->English dictionary (no free one ships on PyPI); the Chinese-English one adds
what CC-CEDICT lacks (terms of policy coined after its edition).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

GLOSSARY_DIR = Path(__file__).parents[1] / "data" / "translation"
# "de-en.txt": German phrases on the left, English on the right; "de-en.<source>.txt" another
# glossary of the same languages (a dictionary vendored beside the hand-edited one).
# "de-to-en.<source>.txt" translates left to right only: a general dictionary of German words
# gives each its English senses; read backwards, every English word would reach every German
# word with that sense ("apply" -> "gelten"), the wrong ones too.
_GLOSSARY_NAME = re.compile(r"([a-z]{2})-(to-)?([a-z]{2})(?:\.[\w-]+)?")


@dataclass(frozen=True)
class GlossaryEntry:
    """One line: phrases of one language and their translations in another."""

    language: str
    phrases: tuple[str, ...]
    other_language: str
    translations: tuple[str, ...]
    one_way: bool = False  # translates left to right only (a "<a>-to-<b>" file)


def parse_glossary(
    text: str, language: str, other_language: str, *, one_way: bool = False
) -> list[GlossaryEntry]:
    """The entries of a glossary's text (comments, blank and malformed lines skipped)."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, equals, right = line.partition("=")
        phrases, translations = _phrases(left), _phrases(right)
        if not equals or not phrases or not translations:
            log.warning("Glossary line %d is not 'phrase = translation': %r", number, line)
            continue
        entries.append(GlossaryEntry(language, phrases, other_language, translations, one_way))
    return entries


def read_glossaries(folder: Path = GLOSSARY_DIR) -> Iterator[GlossaryEntry]:
    """The entries of every glossary in ``folder`` (files named ``<a>-<b>.txt`` or
    ``<a>-<b>.<source>.txt``; ``<a>-to-<b>...`` one-way)."""
    for path in sorted(folder.glob("*.txt")):
        name = _GLOSSARY_NAME.fullmatch(path.stem)
        if name is None:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("Could not read the glossary %s: %s", path, exc)
            continue
        yield from parse_glossary(
            text, name.group(1), name.group(3), one_way=name.group(2) is not None
        )


def _phrases(side: str) -> tuple[str, ...]:
    phrases = (" ".join(p.split()) for p in side.split(","))
    return tuple(dict.fromkeys(p for p in phrases if p))
