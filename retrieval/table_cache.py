"""The searcher's corpus-wide tables, cached: what a first question (or the bot's warm-up)
would otherwise wait minutes for on a large corpus.

- Answer flags (which passages hold a figure, which a person's name) belong to one file: they
  are kept per file, as its tokens are, so adding a document flags that document only. The
  names come from the file's officials scan (``retrieval.officials_cache``), read from the
  cache when the officials were found in it.
- Copies (``retrieval.duplicates``) and translations (``retrieval.alignment``) are found
  across files: they are kept for the whole corpus, under its content hash (every file's
  bytes, the catalog, the reading rules) and what else decides them (the tokenizer, the
  negations list, pypinyin); any change to the corpus finds them again. What they are found
  from belongs to one passage and is kept per file: the tokens copy detection compares (half of
  finding copies) and each passage's written anchors, figures, names and dates (three quarters
  of finding translations).

Entries live in the file cache (``retrieval.file_cache``) and carry its versions, which include
the code of ``retrieval``: a changed rule never serves an old table. The answer flags' code
lives in ``retrieval/search/answer_types.py``, outside that digest, so its source is part of
their entries' names. A damaged entry is logged and built again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.alignment import TranslationPairs, UnitPair
from retrieval.anchors import written_anchors
from retrieval.corpus import Corpus
from retrieval.duplicates import NEGATIONS_FILE, CopyTokens, DuplicateGroups, passage_tokens
from retrieval.file_cache import FileCache, code_digest
from retrieval.models import Passage
from retrieval.officials_cache import document_scans, scan_suffix
from retrieval.search import answer_types
from retrieval.search.answer_types import AnswerFeatures, figure_flags, person_flags
from retrieval.term_numbering import (
    LocalTokens,
    TermSpace,
    local_token_arrays,
    local_tokens,
    restored_local_tokens,
)
from retrieval.tokenize import Tokenizer

log = logging.getLogger(__name__)


@functools.cache
def answers_suffix() -> str:
    """How the name of a file's answer flags ends (see ``FileCache.keep``)."""
    digest = hashlib.sha256(Path(answer_types.__file__).read_bytes())
    digest.update(scan_suffix().encode())  # the names' rules and word lists
    return f".answers-{digest.hexdigest()[:16]}.npz"


def answer_features(corpus: Corpus, cache: FileCache) -> AnswerFeatures:
    """The answer flags of every passage of ``corpus``, from each file's cached flags where it
    has them."""
    suffix = answers_suffix()
    languages: dict[Path, list[str]] = {}
    for document in corpus.documents:
        languages.setdefault(document.path, []).append(document.info.language)
    files: list[tuple[Path, list[Passage], tuple[np.ndarray, np.ndarray] | None]] = []
    for path, passages in corpus.passages_by_file():
        name = f"{cache.keys.get(path)}{suffix}"
        arrays = cache.read_arrays(name) if path in cache.keys else None
        flags = None
        if arrays is not None and _languages_of(arrays) == languages[path]:
            flags = _restored_flags(arrays, len(passages))
            if flags is None:
                cache.damaged(name, ValueError("it does not fit the file's passages"))
        files.append((path, passages, flags))
    # The names in the files not flagged before, in one pass over their officials scans.
    unflagged = {path for path, _, flags in files if flags is None}
    names = {
        scan.document.info.id: [(m.start, m.end) for m in scan.mentions]
        for scan in document_scans([d for d in corpus.documents if d.path in unflagged], cache)
    }
    figures: list[np.ndarray] = []
    people: list[np.ndarray] = []
    for path, passages, flags in files:
        if flags is None:
            flags = figure_flags(passages), person_flags(passages, names)
            if path in cache.keys:
                arrays = {"figure": flags[0], "person": flags[1]}
                arrays["languages"] = np.array(languages[path], dtype=str)
                cache.write_arrays(f"{cache.keys[path]}{suffix}", arrays)
        figures.append(flags[0])
        people.append(flags[1])
    empty = np.zeros(0, dtype=bool)
    return AnswerFeatures(
        np.concatenate(figures) if figures else empty, np.concatenate(people) if people else empty
    )


def _languages_of(arrays: dict[str, np.ndarray]) -> list[str] | None:
    """The languages of the file's documents when its flags were made: names are read by them,
    so flags made before the catalog changed one are made again (no damage: no warning)."""
    stored = arrays.get("languages")
    if stored is None or stored.dtype.kind != "U" or stored.ndim != 1:
        return None
    return [str(language) for language in stored.tolist()]


def _restored_flags(
    arrays: dict[str, np.ndarray], passages: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """The figure and person flags stored for a file of ``passages``, or None."""
    try:
        figure, person = arrays["figure"], arrays["person"]
    except KeyError:
        return None
    if any(f.dtype != np.bool_ or f.shape != (passages,) for f in (figure, person)):
        return None
    return figure, person


def tables_key(corpus: Corpus, tokenizer: Tokenizer) -> str:
    """What decides the corpus's copies and translations, besides the code."""
    # The code too: an entry of older code under the same name would be read, refused and
    # logged as damaged after every upgrade.
    digest = hashlib.sha256(f"{corpus.content_hash()};{tokenizer.version};{code_digest()}".encode())
    digest.update(NEGATIONS_FILE.read_bytes())
    digest.update(f";pypinyin={metadata.version('pypinyin')}".encode())
    return digest.hexdigest()


def copies_entry(key: str) -> str:
    return f"copies-{key}.json"


def translations_entry(key: str) -> str:
    return f"translations-{key}.json"


def duplicate_groups(corpus: Corpus, cache: FileCache, key: str) -> DuplicateGroups:
    """The copies among the corpus's passages, from the cache when found before."""
    infos = [document.info for document in corpus.documents]
    name = copies_entry(key)
    stored = cache.read_json(name)
    if stored is not None:
        try:
            return DuplicateGroups.from_json(stored, corpus.passages, infos)
        except (KeyError, TypeError, ValueError, OverflowError) as error:
            cache.damaged(name, error)
    tokens = copy_tokens_by_file(corpus, cache)
    groups = DuplicateGroups.build(corpus.passages, infos, tokens=tokens)
    cache.write_json(name, groups.to_json())
    return groups


_COPY_TOKENS_SUFFIX = ".copy-tokens.npz"


def copy_tokens_suffix() -> str:
    """How the name of a file's copy-detection tokens ends (see ``FileCache.keep``)."""
    return _COPY_TOKENS_SUFFIX


def copy_tokens_by_file(corpus: Corpus, cache: FileCache) -> CopyTokens:
    """The passages' ``CopyTokens``, from each file's cache entry where it has one.

    Reading passages into tokens was half of finding copies, and belongs to one passage:
    adding a document reads that document's only. Each file's tokens number its own
    (language, token) pairs; they are numbered across the corpus as ``CopyTokens.of`` numbers
    them, so the copies found are the same."""
    space = TermSpace()
    files: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for path, passages in corpus.passages_by_file():
        key = cache.keys.get(path)
        name = f"{key}{_COPY_TOKENS_SUFFIX}"
        arrays = cache.read_arrays(name) if key is not None else None
        local = (
            restored_local_tokens(arrays, len(passages), "chinese", bool)
            if arrays is not None
            else None
        )
        if arrays is not None and local is None:
            cache.damaged(name, ValueError("it does not fit the file's passages"))
        if local is None:
            local = _copy_tokens(passages)
            if key is not None:
                cache.write_arrays(name, local_token_arrays(local, "chinese"))
        vocabulary, ids, counts, chinese = local
        files.append((space.numbered(vocabulary), ids, counts, chinese))
    # The space numbered each new pair as the files came, each file's in its own order of
    # first appearance: the numbers are those ``CopyTokens.of`` gives.
    passage_ids: list[np.ndarray] = []
    for terms, ids, counts, _ in files:
        passage_ids.extend(np.split(terms[ids].astype(np.int64), np.cumsum(counts)[:-1]))
    return CopyTokens(
        [_split_entry(entry) for entry in space.terms],
        passage_ids,
        [bool(flag) for _, _, _, chinese in files for flag in chinese],
    )


def _copy_tokens(passages: Sequence[Passage]) -> LocalTokens:
    """One file's passages' copy-detection tokens as "language\\0token", with whether each
    passage is written in Chinese."""
    read = []
    for passage in passages:
        words, chinese = passage_tokens(passage.text)
        read.append(([f"{passage.language}\0{word}" for word in words], chinese))
    return local_tokens(read, bool)


def _split_entry(entry: str) -> tuple[str, str]:
    language, _, token = entry.partition("\0")
    return language, token


def translation_pairs(
    corpus: Corpus, tokenizer: Tokenizer, cache: FileCache, key: str
) -> TranslationPairs:
    """The translations among the corpus's passages, from the cache when found before."""
    infos = [document.info for document in corpus.documents]
    name = translations_entry(key)
    stored = cache.read_json(name)
    if stored is not None:
        try:
            candidates = [UnitPair.from_json(item) for item in stored["candidates"]]
            return TranslationPairs.from_candidates(candidates, corpus.passages, infos, tokenizer)
        except (KeyError, TypeError, ValueError, IndexError, OverflowError) as error:
            cache.damaged(name, error)
    if len({passage.language for passage in corpus.passages}) < 2:
        pairs = TranslationPairs({}, {})  # one language: no anchors to find or read
    else:
        written = written_anchors_by_passage(corpus, tokenizer, cache)
        pairs = TranslationPairs.build(corpus.passages, infos, tokenizer, written=written)
    cache.write_json(name, {"candidates": [pair.to_json() for pair in pairs.candidates]})
    return pairs


def anchors_suffix(tokenizer: Tokenizer) -> str:
    """How the name of a file's passages' written anchors ends (see ``FileCache.keep``): they
    read figures as the tokenizer does, and names as pypinyin's syllables spell them."""
    versions = f"{tokenizer.version};pypinyin={metadata.version('pypinyin')}"
    return f".anchors-{hashlib.sha256(versions.encode()).hexdigest()[:16]}.json"


def written_anchors_by_passage(
    corpus: Corpus, tokenizer: Tokenizer, cache: FileCache
) -> list[set[str]]:
    """Each passage's ``written_anchors``, from its file's cache entry where it has one.

    Finding them was three quarters of finding translations; they belong to one passage, so
    adding a document finds them in that document only. (Which of them count, and how much,
    depends on the whole corpus: that is decided again each time.)"""
    suffix = anchors_suffix(tokenizer)
    found: list[set[str]] = []
    for path, passages in corpus.passages_by_file():
        key = cache.keys.get(path)
        name = f"{key}{suffix}"
        stored = cache.read_json(name) if key is not None else None
        anchors = _restored_anchors(stored, len(passages)) if stored is not None else None
        if stored is not None and anchors is None:
            cache.damaged(name, ValueError("it does not fit the file's passages"))
        if anchors is None:
            anchors = [written_anchors(p.text, p.language, tokenizer) for p in passages]
            if key is not None:
                cache.write_json(name, [sorted(passage) for passage in anchors])
        found.extend(anchors)
    return found


def _restored_anchors(stored: Any, passages: int) -> list[set[str]] | None:
    """The anchors ``written_anchors_by_passage`` stored for a file of ``passages``, or None."""
    if not isinstance(stored, list) or len(stored) != passages:
        return None
    if not all(isinstance(item, list) and all(isinstance(a, str) for a in item) for item in stored):
        return None
    return [set(item) for item in stored]
