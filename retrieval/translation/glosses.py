"""A dictionary's English glosses cleaned into translations: the plain words a passage writes.

CC-CEDICT writes "gross domestic production (GDP)", "to develop", "Guangdong province
(Kwangtung) in south China, short name 粵|粤[Yue4], capital Guangzhou 廣州|广州",
"variant of 發展|发展[fa1 zhan3]". A translation is what a passage in English would write:
"gross domestic production" and "GDP", "develop", "Guangdong"; a cross-reference is none. What
counts as a note, an old or regional sense or a placeholder is listed in
``retrieval/data/translation/cedict-glosses.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from retrieval.scripts import has_han

GLOSS_RULES_FILE = Path(__file__).parents[1] / "data" / "translation" / "cedict-glosses.toml"

_PARENTHESES = re.compile(r"\(([^()]*)\)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
# An acronym a gloss gives in parentheses: "(GDP)", "(EU)", "(R&D)".
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
_PLAIN = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9&'\- ]*")
_DESCRIPTION = re.compile(r"[,;:]")


@dataclass(frozen=True)
class GlossRules:
    """What makes a gloss a note, a rare sense or a pattern rather than a translation."""

    note_prefixes: tuple[str, ...]
    rare_label: re.Pattern[str]  # matches a parenthesised label of a rare sense, lowercased
    placeholder_words: frozenset[str]
    leading_words: frozenset[str]
    max_words: int


def read_gloss_rules(path: Path = GLOSS_RULES_FILE) -> GlossRules:
    """The rules of the editable gloss file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return GlossRules(
        note_prefixes=tuple(p.lower() for p in data.get("note_prefixes", [])),
        rare_label=_label_pattern(data.get("rare_labels", [])),
        placeholder_words=frozenset(w.lower() for w in data.get("placeholder_words", [])),
        leading_words=frozenset(w.lower() for w in data.get("leading_words", [])),
        max_words=int(data.get("max_words", 4)),
    )


def _label_pattern(labels: list[str]) -> re.Pattern[str]:
    """A label starting with one of ``labels`` as a word: "old" matches "(old)" and "(old
    name)", not "(older)"; no labels match nothing."""
    if not labels:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(label.lower()) for label in labels)
    return re.compile(rf"\s*(?:{alternatives})(?![a-z])")


def clean_glosses(glosses: Iterable[str], rules: GlossRules, proper_noun: bool) -> list[str]:
    """The translations among one entry's ``glosses``, in the dictionary's order, each once.

    ``proper_noun``: the entry is a name (CC-CEDICT capitalises its pinyin), whose gloss starts
    with the name and goes on to describe it ("Shenzhen subprovincial city in Guangdong"); the
    name alone is the translation."""
    found: list[str] = []
    for gloss in glosses:
        found.extend(_translations(gloss.strip(), rules, proper_noun))
    return list(dict.fromkeys(found))


def _translations(gloss: str, rules: GlossRules, proper_noun: bool) -> list[str]:
    if not gloss or gloss.lower().startswith(rules.note_prefixes):
        return []
    acronyms: list[str] = []
    if "(" in gloss or "[" in gloss:
        labels = _PARENTHESES.findall(gloss)
        if any(rules.rare_label.match(label.lower()) for label in labels):
            return []
        acronyms = [label for label in labels if _ACRONYM.fullmatch(label)]
        gloss = _BRACKETS.sub(" ", _PARENTHESES.sub(" ", gloss))
    # A description after the name: "Guangdong province in south China, short name ...".
    text = _DESCRIPTION.split(gloss, maxsplit=1)[0]
    words = text.split()
    if "|" in text or has_han(text):
        # Chinese the gloss cites ("Hong Kong 香港 and Macao 澳門|澳门") is no part of the English.
        words = [w for w in words if not has_han(w) and "|" not in w]
    while words and words[0].lower() in rules.leading_words:
        words = words[1:]
    words[-1:] = [w.rstrip("!.?") for w in words[-1:]]
    if _is_plain(words, rules):
        return [" ".join(words), *acronyms]
    name = _leading_capitalised(words) if proper_noun else []
    if name and len(name) <= rules.max_words:
        return [" ".join(name), *acronyms]
    return acronyms


def _is_plain(words: list[str], rules: GlossRules) -> bool:
    """A few plain English words, none a placeholder ("sth")."""
    if not words or len(words) > rules.max_words or not _PLAIN.fullmatch(" ".join(words)):
        return False
    return not any(w.lower() in rules.placeholder_words for w in words)


def _leading_capitalised(words: list[str]) -> list[str]:
    """The capitalised words a name's gloss starts with ("Hong Kong" of "Hong Kong special
    administrative region"), when they are plain words."""
    name: list[str] = []
    for word in words:
        if not word[:1].isupper() or not word.replace("-", "").replace("'", "").isalpha():
            break
        name.append(word)
    return name
