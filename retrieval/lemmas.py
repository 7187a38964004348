"""Words to their dictionary form before stemming: "grew" -> "grow", "wuchs" -> "wachsen".

Snowball stems regular inflection only ("grew" and "grow", "Unternehmens" and "Unternehmen" stay
apart or meet by luck). Two sources of base forms, in this order:

- the editable lists ``retrieval/data/lemmas/<language>.txt`` ("form base" a line), for forms
  the dictionary lacks, gets wrong or is not trusted with (below);
- simplemma's dictionaries (English and German; MIT, data shipped inside the package), by plain
  lookup only: its guessing strategies (affix rules, greedy search) invent base forms for words
  it does not know, names among them.

A dictionary base form is not taken for a word that reads as pinyin ("Lan", "Meng", "Tu"): such
a word is most likely a Chinese name, and simplemma reads "Lan" and "Lun" as forms of "lin",
"Meng" as a form of "mengen". Nor for words of fewer than three letters, which are abbreviations
and function words ("AI" would be a form of "be", "US" of "we"). A base form must be one word.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from retrieval.folding import fold_case
from retrieval.pinyin import reads_as_pinyin

LEMMAS_DIR = Path(__file__).parent / "data" / "lemmas"
# Languages (ISO 639-1) whose simplemma dictionary is used; others use their editable list only.
DICTIONARY_LANGUAGES = frozenset({"en", "de"})
_MIN_LETTERS = 3


def read_word_pairs(path: Path) -> dict[str, str]:
    """ "form base" pairs of a person-editable list: one pair a line, '#' starts a comment."""
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 2:
            pairs[fold_case(fields[0])] = fold_case(fields[1])
    return pairs


class Lemmatizer:
    """Base forms of folded words per language; see the module docstring.

    simplemma's dictionaries load on first use (English about 0.1 s, German about 0.6 s) into a
    compact stream form (about 20 MB for both, against 140 MB as Python dicts); a lookup then
    costs some 15 microseconds, which the tokenizer's per-word cache pays once per word.
    """

    def __init__(
        self,
        lemmas_dir: Path = LEMMAS_DIR,
        dictionary_languages: frozenset[str] = DICTIONARY_LANGUAGES,
    ) -> None:
        self._lists: dict[str, dict[str, str]] = {
            path.stem: read_word_pairs(path) for path in sorted(lemmas_dir.glob("*.txt"))
        }
        self._dictionary_languages = dictionary_languages

    @property
    def fingerprint(self) -> list[Any]:
        """What decides the base forms: the editable lists and the dictionaries' versions."""
        return [
            sorted((language, sorted(pairs.items())) for language, pairs in self._lists.items()),
            sorted(self._dictionary_languages),
            f"simplemma {version('simplemma')}",
            f"pypinyin {version('pypinyin')}",
        ]

    def warm_up(self) -> None:
        """Load the dictionaries now rather than on the first word of each language."""
        for language in sorted(self._dictionary_languages):
            self.dictionary_entry("warm", language)

    def lemma(self, word: str, language: str) -> str:
        """The base form of the folded ``word`` in ``language`` (ISO 639-1), else ``word``."""
        listed = self._lists.get(language, {}).get(word)
        if listed is not None:
            return listed
        if len(word) < _MIN_LETTERS:
            return word
        entry = self.dictionary_entry(word, language)
        if entry is None:
            return word
        base = fold_case(entry)
        if base == word or not base.isalpha() or reads_as_pinyin(word):
            return word
        return base

    def dictionary_entry(self, word: str, language: str) -> str | None:
        """simplemma's base form of ``word`` as its dictionary writes it (German nouns
        capitalised), None when the dictionary does not know the word."""
        if language not in self._dictionary_languages or not word:
            return None
        entry = _dictionary_lookup().get_lemma(word, language)
        return entry if isinstance(entry, str) else None


@cache
def _dictionary_lookup() -> Any:
    """simplemma's plain dictionary lookup, shared by every lemmatizer of the process; each
    language's dictionary loads on its first word."""
    from simplemma.strategies import DictionaryLookupStrategy, StreamDictionaryFactory

    return DictionaryLookupStrategy(StreamDictionaryFactory())
