"""The person-editable word lists the officials extractor works from (``retrieval/data/``).

Surnames, titles and speech verbs are data, not code: a reader who finds a title or a verb
missing adds it to the file; nothing here names any particular person.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from pypinyin import pinyin_dict

from retrieval.chinese_script import to_simplified
from retrieval.folding import fold
from retrieval.scripts import HAN_RUN

DATA = Path(__file__).resolve().parent.parent / "data"
SURNAMES_FILE = DATA / "chinese-surnames.txt"
OTHER_ROMANISATIONS_FILE = DATA / "chinese-surnames-other-romanisations.txt"
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
    # Pinyin and other romanisations ("lee", "chan", "wong"), for Western-style names only.
    any_romanisation: frozenset[str] = frozenset()

    def longest_character_prefixes(self, text: str) -> list[str]:
        """The surnames (in characters) ``text`` starts with, double surnames first."""
        return [text[:size] for size in (2, 1) if text[:size] in self.by_characters]


Patterns = tuple[str, ...]  # folded words, "*" for any letters: ("state", "council"), ("*amt",)


def _matches_words(words: list[str], phrase: Patterns) -> bool:
    """Whether ``phrase`` stands in ``words``, its words next to each other."""
    size = len(phrase)
    return any(
        all(fnmatchcase(words[start + i], pattern) for i, pattern in enumerate(phrase))
        for start in range(len(words) - size + 1)
    )


@dataclass(frozen=True)
class PublicVocabulary:
    """What makes a title a public office: an office public by itself, or a public body."""

    offices: tuple[Patterns, ...]
    bodies: tuple[Patterns, ...]  # organisations: "department", "Ministerium", 厅
    places: tuple[Patterns, ...]  # jurisdictions: "province", "Bezirk", 市
    zh_offices: Words
    zh_bodies: Words
    zh_places: Words
    parent_markers: frozenset[str]  # "director of X at the Y": Y is where the office is

    def holds_office(self, title: str) -> bool:
        words = re.findall(r"[^\W_]+", fold(title))
        simplified = to_simplified(title)
        return any(_matches_words(words, phrase) for phrase in self.offices) or any(
            office in simplified for office in self.zh_offices
        )

    def names_body(self, title: str, *, places: bool = True) -> bool:
        """Whether ``title`` names a public body (or, with ``places``, a jurisdiction) where it
        says the office is: after its last "at" when it has one."""
        words = re.findall(r"[^\W_]+", fold(title))
        parents = [i for i, word in enumerate(words) if word in self.parent_markers]
        if parents:
            words = words[parents[-1] + 1 :]
        simplified = to_simplified(title)
        latin = self.bodies + (self.places if places else ())
        han = self.zh_bodies + (self.zh_places if places else ())
        return any(_matches_words(words, phrase) for phrase in latin) or any(
            body in simplified for body in han
        )


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
    public: PublicVocabulary
    title_ends: tuple[Words, ...] = ()  # "during", "at a": the title ends before them
    body_prepositions: frozenset[str] = frozenset()  # "NAME with the X Department"
    zh_name_followers: Words = ()  # 一行, 到, 接受: what may follow a name in characters

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
        """Whether ``title`` is a public office: no company, university or profession marker,
        and an office public by itself ("Governor") or a public body ("director of the X
        Bureau"); "chairman of <company>" and "head of the School of X" are not."""
        if self.not_public(title):
            return False
        return self.public.holds_office(title) or self.public.names_body(title)

    def not_public(self, title: str) -> bool:
        """Whether ``title`` names a company, a university, a trade fair or a profession."""
        folded = to_simplified(fold(title))
        words = set(re.findall(r"\w+", folded))
        for marker in self.not_public_markers:
            if " " in marker or not marker.isascii():
                if marker in folded:
                    return True
            elif marker in words:
                return True
        return False


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
    zh_pronouns: Words = ()  # 他, 她


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


def _load_surnames(path: Path, other_romanisations: Path | None = None) -> Surnames:
    romanised: set[str] = set()
    by_characters: dict[str, str] = {}
    for line in _lines(path):
        characters, *forms = line.split()
        if not forms:
            continue
        by_characters.setdefault(characters, forms[0])
        romanised.update(fold(form) for form in forms)
    other: set[str] = set()
    if other_romanisations is not None:
        for line in _lines(other_romanisations):
            other.update(fold(form) for form in line.split()[1:])
    return Surnames(frozenset(romanised), by_characters, frozenset(romanised | other))


def _patterns(entries: list[str]) -> tuple[Patterns, ...]:
    return tuple(
        tuple(re.findall(r"[\w*]+", fold(entry))) for entry in entries if not HAN_RUN.search(entry)
    )


def _load_public(table: dict) -> PublicVocabulary:
    public = table.get("public", {})
    offices = [str(entry) for entry in public.get("offices", [])]
    bodies = [str(entry) for entry in public.get("bodies", [])]
    places = [str(entry) for entry in public.get("places", [])]
    return PublicVocabulary(
        offices=_patterns(offices),
        bodies=_patterns(bodies),
        places=_patterns(places),
        zh_offices=tuple(to_simplified(entry) for entry in offices if HAN_RUN.search(entry)),
        zh_bodies=tuple(to_simplified(entry) for entry in bodies if HAN_RUN.search(entry)),
        zh_places=tuple(to_simplified(entry) for entry in places if HAN_RUN.search(entry)),
        parent_markers=frozenset(fold(word) for word in public.get("parent_markers", [])),
    )


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
            to_simplified(fold(marker).rstrip("."))
            for marker in table.get("not_public", {}).get("markers", [])
        ),
        public=_load_public(table),
        title_ends=tuple(
            sorted(
                {phrase_words(end) for part in latin for end in part.get("title_ends", [])},
                key=lambda words: (-len(words), words),
            )
        ),
        body_prepositions=frozenset(
            fold(word) for part in latin for word in part.get("body_prepositions", [])
        ),
        zh_name_followers=_longest_first(zh.get("name_followers", [])),
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
        zh_pronouns=tuple(table.get("zh", {}).get("pronouns", [])),
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
        surnames=_load_surnames(SURNAMES_FILE, OTHER_ROMANISATIONS_FILE),
        titles=_load_titles(TITLES_FILE),
        speech=_load_speech(SPEECH_VERBS_FILE),
        not_names=frozenset(" ".join(phrase_words(line)) for line in _lines(NOT_NAMES_FILE)),
        syllables=_pinyin_syllables(),
    )
