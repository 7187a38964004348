"""The same office in English, German and Chinese: "Governor of Guangdong", "Gouverneur", "省长".

The offices and their forms in each language are data (``retrieval/data/office-equivalents.toml``),
general vocabulary of Chinese offices, not a list of people. ``OfficeEquivalents.held(title)``
names the offices a title holds; ``translations(title)`` writes the title in the languages it is
not written in (the office translated, the other words, places mostly, kept), so that a lookup
by office finds an official whatever language the documents and the user write in; the build
uses ``held`` to tell whether two spellings of a name hold the same office.

A lesser rank before an office ("vice", "stellvertretender", 副) makes it another office, unless
the form holds it ("vice governor"); a form inside a longer form of another office does not
count ("minister" in "prime minister", 书记 in 总书记).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from retrieval.chinese_script import to_simplified
from retrieval.folding import fold
from retrieval.officials.vocabulary import DATA, TITLES_FILE
from retrieval.scripts import HAN_RUN

EQUIVALENTS_FILE = DATA / "office-equivalents.toml"
LANGUAGES = ("en", "de", "zh")
_LATIN_LANGUAGES = ("en", "de")
_WORD = re.compile(r"[^\W_]+")
# Words that separate two offices of one title: "deputy secretary ... and governor".
_BOUNDARIES = frozenset(("and", "und", "sowie"))

Phrase = tuple[str, ...]  # folded word patterns ("*" for any letters), next to each other


@dataclass(frozen=True)
class _LatinForm:
    language: str
    parts: tuple[Phrase, ...]  # every part must be in the title: "secretary + committee"
    # Its words without wildcards: a title lacking one of them cannot hold the form, which
    # rules out most forms for most titles before any pattern is matched.
    literals: frozenset[str]


@dataclass(frozen=True)
class Office:
    """One office and its forms in every language."""

    id: str
    latin: tuple[_LatinForm, ...]
    han: tuple[str, ...]  # simplified
    canonical: dict[str, str]  # language -> the form the office is translated to
    unless: tuple[str, ...]  # folded words or simplified characters that make it another office


@dataclass(frozen=True)
class HeldOffice:
    """An office a title holds, the languages of the forms that found it and where they stand."""

    office: Office
    languages: frozenset[str]
    positions: frozenset[int]  # the title's Latin words the forms cover (none for Chinese)


def title_words(title: str) -> list[str]:
    """The folded Latin words of a title, hyphenated words split: "Vice-Governor" -> 2 words."""
    return _WORD.findall(fold(HAN_RUN.sub(" ", title)))


def _phrase_at(words: list[str], position: int, phrase: Phrase) -> bool:
    return position + len(phrase) <= len(words) and all(
        fnmatchcase(words[position + offset], pattern) for offset, pattern in enumerate(phrase)
    )


class OfficeEquivalents:
    """The offices of the equivalents file, matched in titles."""

    def __init__(
        self, offices: list[Office], rank_words: frozenset[str], rank_chars: tuple[str, ...]
    ) -> None:
        self.offices = offices
        self._rank_words = rank_words
        self._rank_chars = rank_chars
        # A large corpus repeats a few thousand titles hundreds of thousands of times; each
        # is matched against every form of every office once.
        self._held: dict[str, tuple[HeldOffice, ...]] = {}

    def held(self, title: str) -> list[HeldOffice]:
        """The offices ``title`` holds, each once."""
        held = self._held.get(title)
        if held is None:
            held = self._held[title] = tuple(self._matched(title))
        return list(held)

    def _matched(self, title: str) -> list[HeldOffice]:
        found: dict[str, HeldOffice] = {}
        for held in self._held_latin(title_words(title)) + self._held_han(title):
            current = found.get(held.office.id)
            if current is not None:
                held = HeldOffice(
                    held.office,
                    current.languages | held.languages,
                    current.positions | held.positions,
                )
            found[held.office.id] = held
        return list(found.values())

    def translations(self, title: str) -> list[str]:
        """``title`` in each language it is not written in, one text per office it holds: the
        office translated, the title's other Latin words kept ("Governor of Guangdong" ->
        "Gouverneur guangdong", "省长 guangdong")."""
        words = title_words(title)
        held = self.held(title)
        covered = frozenset().union(*(h.positions for h in held))
        rest = " ".join(word for position, word in enumerate(words) if position not in covered)
        texts: list[str] = []
        for office in held:
            for language in LANGUAGES:
                form = office.office.canonical.get(language)
                if form is not None and language not in office.languages:
                    texts.append(f"{form} {rest}".strip())
        return list(dict.fromkeys(texts))

    def office_names(self, title: str) -> list[str]:
        """The offices ``title`` holds, named in every language: "Shenzhen Mayor" -> "mayor",
        "bürgermeister", "市长"."""
        names = [
            held.office.canonical[language]
            for held in self.held(title)
            for language in LANGUAGES
            if language in held.office.canonical
        ]
        return list(dict.fromkeys(names))

    def _held_latin(self, words: list[str]) -> list[HeldOffice]:
        matches: list[tuple[Office, str, frozenset[int]]] = []
        present = frozenset(words)
        for office in self.offices:
            for form in office.latin:
                if not form.literals <= present:
                    continue
                positions = self._latin_match(words, form, office)
                if positions is not None:
                    matches.append((office, form.language, positions))
        # "minister" inside "prime minister" is not a second office.
        kept = [
            (office, language, positions)
            for office, language, positions in matches
            if not any(other is not office and positions < wider for other, _, wider in matches)
        ]
        return [HeldOffice(o, frozenset((lang,)), positions) for o, lang, positions in kept]

    def _latin_match(
        self, words: list[str], form: _LatinForm, office: Office
    ) -> frozenset[int] | None:
        first, *others = form.parts
        for start in range(len(words)):
            if not _phrase_at(words, start, first):
                continue
            covered = set(range(start, start + len(first)))
            if self._lesser_rank_before(words, start, covered) or self._unless_next_to(
                words, start, start + len(first), office
            ):
                continue
            for part in others:
                at = next(
                    (
                        p
                        for p in range(len(words))
                        if _phrase_at(words, p, part) and not covered & set(range(p, p + len(part)))
                    ),
                    None,
                )
                if at is None:
                    break
                covered |= set(range(at, at + len(part)))
            else:
                return frozenset(covered)
        return None

    def _lesser_rank_before(self, words: list[str], start: int, covered: set[int]) -> bool:
        """Whether a rank word ("vice", "deputy") the form does not hold stands before it, back
        to the previous office of the title ("deputy secretary ... and governor")."""
        for position in range(start - 1, -1, -1):
            if words[position] in _BOUNDARIES:
                return False
            if position not in covered and words[position] in self._rank_words:
                return True
        return False

    @staticmethod
    def _unless_next_to(words: list[str], start: int, end: int, office: Office) -> bool:
        neighbours = words[max(0, start - 1) : start] + words[end : end + 1]
        return any(word in office.unless for word in neighbours)

    def _held_han(self, title: str) -> list[HeldOffice]:
        text = to_simplified("".join(HAN_RUN.findall(title)))
        if not text:
            return []
        spans: list[tuple[int, int, Office]] = []
        for office in self.offices:
            for form in office.han:
                for match in re.finditer(re.escape(form), text):
                    start, end = match.span()
                    if start > 0 and text[start - 1] in self._rank_chars:
                        continue  # 副省长 is no 省长
                    if any(
                        u.start() < end and start < u.end()
                        for unless in office.unless
                        for u in re.finditer(re.escape(unless), text)
                    ):
                        continue
                    spans.append((start, end, office))
        kept = [
            (start, end, office)
            for start, end, office in spans
            if not any(
                other is not office and s <= start and end <= e and (s, e) != (start, end)
                for s, e, other in spans
            )
        ]
        offices = {office.id: office for _, _, office in kept}
        return [HeldOffice(office, frozenset(("zh",)), frozenset()) for office in offices.values()]


def _latin_form(language: str, text: str) -> _LatinForm:
    parts = tuple(
        tuple(fold(word) for word in part.replace("-", " ").split()) for part in text.split("+")
    )
    parts = tuple(part for part in parts if part)
    literals = frozenset(
        pattern for part in parts for pattern in part if not any(c in pattern for c in "*?[")
    )
    return _LatinForm(language, parts, literals)


def load_equivalents(
    path: Path = EQUIVALENTS_FILE, titles_path: Path = TITLES_FILE
) -> OfficeEquivalents:
    """Read the equivalents file and the rank words of the title vocabulary."""
    with path.open("rb") as handle:
        table = tomllib.load(handle)
    offices: list[Office] = []
    for entry in table.get("office", []):
        canonical: dict[str, str] = {}
        latin: list[_LatinForm] = []
        for language in _LATIN_LANGUAGES:
            forms = [str(form) for form in entry.get(language, [])]
            latin += [_latin_form(language, form) for form in forms]
            if forms:
                canonical[language] = forms[0].replace(" + ", " ").replace("*", "")
        han = tuple(to_simplified(str(form)) for form in entry.get("zh", []))
        if han:
            canonical["zh"] = han[0]
        canonical.update({str(k): str(v) for k, v in entry.get("names", {}).items()})
        unless = tuple(
            to_simplified(str(word)) if HAN_RUN.search(str(word)) else fold(str(word))
            for word in entry.get("unless", [])
        )
        offices.append(Office(str(entry.get("id", "")), tuple(latin), han, canonical, unless))
    with titles_path.open("rb") as handle:
        listed = tomllib.load(handle).get("lookup", {}).get("rank_words", [])
    rank_words = frozenset(fold(word) for word in listed if not HAN_RUN.search(word))
    rank_chars = tuple(word for word in listed if HAN_RUN.fullmatch(word))
    return OfficeEquivalents(offices, rank_words, rank_chars)


@cache
def equivalents() -> OfficeEquivalents:
    """The equivalents file, read once per process."""
    return load_equivalents()


def equivalent_titles(title: str) -> list[str]:
    """The office ``title`` holds, in every language: for callers outside the directory (a
    question naming "the Gouverneur" when the documents say "Governor")."""
    return equivalents().office_names(title)
