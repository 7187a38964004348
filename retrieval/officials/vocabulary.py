"""The person-editable word lists the officials extractor works from (``retrieval/data/``).

Surnames, titles and speech verbs are data, not code: a reader who finds a title or a verb
missing adds it to the file; nothing here names any particular person.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypinyin import pinyin_dict

from retrieval.folding import fold

DATA = Path(__file__).resolve().parent.parent / "data"
SURNAMES_FILE = DATA / "chinese-surnames.txt"
TITLES_FILE = DATA / "official-titles.toml"
SPEECH_VERBS_FILE = DATA / "speech-verbs.toml"
NOT_NAMES_FILE = DATA / "not-person-names.txt"

Words = tuple[str, ...]


def phrase_words(phrase: str) -> Words:
    """A vocabulary phrase as the folded words the extractor compares: "Vice-Governor" -> 2."""
    return tuple(fold(phrase).replace("-", " ").split())


@dataclass(frozen=True)
class Surnames:
    """Chinese surnames, by romanisation and by characters."""

    romanised: frozenset[str]  # folded Latin forms: "huang", "ouyang", "lu"
    by_characters: dict[str, str]  # "黄" -> "Huang" (the preferred romanisation)

    def longest_character_prefixes(self, text: str) -> list[str]:
        """The surnames (in characters) ``text`` starts with, double surnames first."""
        return [text[:size] for size in (2, 1) if text[:size] in self.by_characters]


@dataclass(frozen=True)
class TitleVocabulary:
    heads: frozenset[Words]  # Latin (English and German) heads, as folded word tuples
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    max_head_words: int
    stop_words: frozenset[str]  # capitalised words before a title that are not part of it
    zh_heads: Words  # longest first, so 副书记 wins over 书记
    zh_leading_words: Words
    zh_honorifics: Words
    not_public_markers: Words

    def _is_head_word(self, word: str) -> bool:
        """Whether one word is a head, hyphenated ones too: "vice-governor", "secretary-general"."""
        if (word,) in self.heads:
            return True
        parts = tuple(part for part in word.split("-") if part)
        if len(parts) < 2:
            return False
        return parts in self.heads or (
            (parts[-1],) in self.heads and all(part in self.modifiers for part in parts[:-1])
        )

    def head_at(self, words: list[str], position: int) -> int:
        """Length in words of the longest head starting at ``words[position]``, 0 if none."""
        for size in range(min(self.max_head_words, len(words) - position), 1, -1):
            if tuple(words[position : position + size]) in self.heads:
                return size
        return 1 if position < len(words) and self._is_head_word(words[position]) else 0

    def head_ending_at(self, words: list[str], end: int) -> int:
        """Length in words of the longest head ending just before ``words[end]``, 0 if none."""
        for size in range(min(self.max_head_words, end), 1, -1):
            if tuple(words[end - size : end]) in self.heads:
                return size
        return 1 if end > 0 and self._is_head_word(words[end - 1]) else 0

    def is_public(self, title: str) -> bool:
        folded = fold(title)
        words = set(re.findall(r"\w+", folded))
        for marker in self.not_public_markers:
            if " " in marker or not marker.isascii():
                if marker in folded:
                    return False
            elif marker in words:
                return False
        return True


@dataclass(frozen=True)
class SpeechVocabulary:
    verbs: tuple[Words, ...]  # Latin verb phrases, longest first
    before_subject: tuple[Words, ...]  # after a comma or a quote: "..., said Wang"
    attributions: tuple[Words, ...]  # anywhere: "according to Wang", "laut Wang"
    adverbs: frozenset[str]
    object_markers: frozenset[str]
    pronouns: frozenset[str]
    reported_speech_markers: frozenset[str]
    zh_verbs: Words  # longest first
    transcript_markers: Words
    speech_nouns: Words


@dataclass(frozen=True)
class Vocabulary:
    surnames: Surnames
    titles: TitleVocabulary
    speech: SpeechVocabulary
    not_names: frozenset[str]  # folded "hong kong"
    syllables: frozenset[str]  # every pinyin syllable, toneless: "zhong", "lu", "lv"


def _load_toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _load_surnames(path: Path) -> Surnames:
    romanised: set[str] = set()
    by_characters: dict[str, str] = {}
    for line in _lines(path):
        characters, *forms = line.split()
        if not forms:
            continue
        by_characters.setdefault(characters, forms[0])
        romanised.update(fold(form) for form in forms)
    return Surnames(frozenset(romanised), by_characters)


def _longest_first(items: list[str]) -> Words:
    return tuple(sorted(set(items), key=lambda item: (-len(item), item)))


def _load_titles(path: Path) -> TitleVocabulary:
    table = _load_toml(path)
    latin = [table.get("en", {}), table.get("de", {})]
    heads = frozenset(phrase_words(head) for part in latin for head in part.get("heads", []))
    zh = table.get("zh", {})
    return TitleVocabulary(
        heads=heads,
        modifiers=frozenset(fold(word) for part in latin for word in part.get("modifiers", [])),
        honorifics=frozenset(
            fold(word).rstrip(".") for part in latin for word in part.get("honorifics", [])
        ),
        max_head_words=max((len(head) for head in heads), default=1),
        stop_words=frozenset(fold(w) for part in latin for w in part.get("stop_words", [])),
        zh_heads=_longest_first(zh.get("heads", [])),
        zh_leading_words=_longest_first(zh.get("leading_words", [])),
        zh_honorifics=_longest_first(zh.get("honorifics", [])),
        not_public_markers=tuple(
            fold(marker).rstrip(".") for marker in table.get("not_public", {}).get("markers", [])
        ),
    )


def _phrases_longest_first(phrases: list[str]) -> tuple[Words, ...]:
    unique = {phrase_words(phrase) for phrase in phrases}
    return tuple(sorted(unique, key=lambda words: (-len(words), words)))


def _load_speech(path: Path) -> SpeechVocabulary:
    table = _load_toml(path)
    latin = [table.get("en", {}), table.get("de", {})]
    return SpeechVocabulary(
        verbs=_phrases_longest_first([verb for part in latin for verb in part.get("verbs", [])]),
        before_subject=_phrases_longest_first(
            [verb for part in latin for verb in part.get("before_subject", [])]
        ),
        attributions=_phrases_longest_first(
            [phrase for part in latin for phrase in part.get("attributions", [])]
        ),
        adverbs=frozenset(fold(word) for part in latin for word in part.get("adverbs", [])),
        object_markers=frozenset(
            fold(word) for part in latin for word in part.get("object_markers", [])
        ),
        pronouns=frozenset(fold(word) for part in latin for word in part.get("pronouns", [])),
        reported_speech_markers=frozenset(
            fold(word) for word in table.get("de", {}).get("reported_speech_markers", [])
        ),
        zh_verbs=_longest_first(table.get("zh", {}).get("verbs", [])),
        transcript_markers=tuple(
            fold(marker) for marker in table.get("transcript", {}).get("markers", [])
        ),
        speech_nouns=tuple(
            fold(noun) for noun in table.get("transcript", {}).get("speech_nouns", [])
        ),
    )


def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows, so "Weizhong" can be checked as pinyin."""
    syllables: set[str] = set()
    for readings in pinyin_dict.pinyin_dict.values():
        for reading in readings.split(","):
            plain = fold(reading)
            if any(vowel in plain for vowel in "aeiou"):
                syllables.add(plain)
    # ü is written u, v or yu in Latin names: Lü, Lv, Lyu.
    syllables.update({"lv", "nv", "lve", "nve", "lyu", "nyu"})
    return frozenset(syllables)


@cache
def load_vocabulary() -> Vocabulary:
    """Read the word lists once per process."""
    return Vocabulary(
        surnames=_load_surnames(SURNAMES_FILE),
        titles=_load_titles(TITLES_FILE),
        speech=_load_speech(SPEECH_VERBS_FILE),
        not_names=frozenset(" ".join(phrase_words(line)) for line in _lines(NOT_NAMES_FILE)),
        syllables=_pinyin_syllables(),
    )
