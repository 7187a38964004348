"""The officials directory of a corpus, from the per-file cache when nothing it depends on changed.

Finding officials has three parts. The first pass over a document (names, titles, sentences:
``DocumentScanner.scan``) depends on that document alone, so it is cached per file. The second,
the sentences each official speaks (``StatementFinder.speeches``), depends on the document and
the officials it names (``StatementFinder.relevant``): cached per file too, each document's
under a hash of those officials and its language. Merging people across documents and
misspelt names depend on the whole corpus; the result, the directory, is cached whole, under a
hash of every document's file and metadata, the overrides file and the word lists: adding a
document builds it again from the cached passes, finding statements again only in the added
document and in those naming an official whose names it changed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from retrieval.corpus import Corpus, Document
from retrieval.file_cache import FileCache
from retrieval.models import Official, Statement, share_field_names
from retrieval.officials import OfficialsDirectory
from retrieval.officials.build import build_officials
from retrieval.officials.equivalents import EQUIVALENTS_FILE
from retrieval.officials.mentions import NameMention, Sentence, TitleFinding
from retrieval.officials.overrides import load_overrides
from retrieval.officials.scan import DocumentScan, DocumentScanner
from retrieval.officials.statements import KnownOfficial, Speech, StatementFinder
from retrieval.officials.vocabulary import (
    NOT_NAMES_FILE,
    OTHER_ROMANISATIONS_FILE,
    SPEECH_VERBS_FILE,
    SURNAMES_FILE,
    TITLES_FILE,
    Vocabulary,
    load_vocabulary,
)

log = logging.getLogger(__name__)

_DATA_FILES = (
    SURNAMES_FILE,
    OTHER_ROMANISATIONS_FILE,
    TITLES_FILE,
    SPEECH_VERBS_FILE,
    NOT_NAMES_FILE,
    EQUIVALENTS_FILE,
)
# Libraries whose data decide readings of names (pinyin) and fuzzy merges.
_LIBRARIES = ("pypinyin", "rapidfuzz")


def officials_directory(
    corpus: Corpus, overrides: Path | None, cache: FileCache | None
) -> OfficialsDirectory:
    """The officials of ``corpus`` (``overrides``: the optional overrides file)."""
    if cache is None:
        return OfficialsDirectory.from_corpus(corpus, overrides=overrides)
    version = _rules_version()
    name = f"officials-{_directory_key(corpus, overrides, cache, version)}.json"
    cached = cache.read_json(name)
    if cached is not None:
        try:
            officials = _restored_officials(cached["officials"], corpus)
            warnings = [str(message) for message in cached["warnings"]]
        except (KeyError, TypeError, ValueError, ValidationError) as error:
            cache.damaged(name, error)
        else:
            return OfficialsDirectory(officials, warnings)
    vocabulary = load_vocabulary()
    scans = list(_scans(corpus.documents, vocabulary, cache, scan_suffix()))
    parsed, warnings = load_overrides(overrides) if overrides is not None else (None, [])
    officials, more = build_officials(
        corpus.documents,
        vocabulary,
        parsed,
        scans=scans,
        find_speeches=lambda scans, known: _speeches(scans, known, corpus, vocabulary, cache),
    )
    payload = {
        "officials": [_official_json(official) for official in officials],
        "warnings": warnings + more,
    }
    cache.write_json(name, payload)
    directory = OfficialsDirectory(officials, warnings + more)
    log.info("Officials directory: %d officials", len(directory))
    return directory


def _official_json(official: Official) -> dict[str, Any]:
    """``official`` as JSON, its documents by id: the corpus holds their metadata. A statement
    is where it stands in its document, not its text or date again: they were most of the
    entry (72 MB at 200 MB of corpus), written at every added document."""
    data = official.model_dump(mode="json", exclude={"documents", "statements"})
    data["documents"] = [document.id for document in official.documents]
    data["statements"] = [
        [s.document, s.paragraph, s.start, s.end, s.kind] for s in official.statements
    ]
    return data


def _restored_officials(stored: Any, corpus: Corpus) -> list[Official]:
    """The officials ``_official_json`` wrote, each document the corpus's own ``DocumentInfo``
    (a copy per official and document held a popular official's thousands of documents
    again). KeyError, TypeError, ValueError or ValidationError when they do not fit."""
    documents = {document.info.id: document for document in corpus.documents}
    officials = []
    for item in stored:
        fields = dict(item)
        fields["documents"] = [documents[doc_id].info for doc_id in item["documents"]]
        fields["statements"] = [_restored_statement(row, documents) for row in item["statements"]]
        official = Official.model_validate(fields)
        share_field_names(official.titles)
        officials.append(official)
    return officials


def _restored_statement(row: Any, documents: dict[str, Document]) -> Statement:
    """The statement ``_official_json`` wrote as ``row``; ValueError when it does not fit.
    (An official's statements come a document at a time: ``Document.text`` decodes each
    document once for them, from its small cache of recent texts.)"""
    document_id, paragraph, start, end, kind = row
    info = documents[document_id].info
    text = documents[document_id].text
    numbers = (paragraph, start, end)
    if not all(type(number) is int for number in numbers) or not 0 <= start <= end <= len(text):
        raise ValueError(f"a statement outside its document: {row!r}")
    if kind not in ("reported", "transcript"):
        raise ValueError(f"no kind of statement: {kind!r}")
    return Statement.trusted(text[start:end], info.id, info.date, paragraph, start, end, kind)


def _speeches(
    scans: Sequence[DocumentScan],
    known: Sequence[KnownOfficial],
    corpus: Corpus,
    vocabulary: Vocabulary,
    cache: FileCache,
) -> Iterator[tuple[DocumentScan, list[Speech]]]:
    """Each scan with its speeches, from the cache where the file's entry holds them for the
    same officials: a document's speeches depend on the officials it names only
    (``StatementFinder.relevant``), so adding a document finds them again in the documents
    naming an official it changed, not in every document."""
    finder = StatementFinder(vocabulary)
    suffix = speeches_suffix()
    path_of = {document.info.id: document.path for document in corpus.documents}
    for path, group in itertools.groupby(scans, key=lambda scan: path_of[scan.document.info.id]):
        file_scans = list(group)
        file_key = cache.keys.get(path)
        name = f"{file_key}{suffix}"
        stored = cache.read_json(name) if file_key is not None else None
        if not (isinstance(stored, list) and len(stored) == len(file_scans)):
            if stored is not None:
                cache.damaged(name, ValueError("it does not fit the file's documents"))
            stored = [None] * len(file_scans)
        changed = False
        for position, scan in enumerate(file_scans):
            relevant = finder.relevant(scan, known)
            digest = _speeches_key(scan, relevant)
            entry = stored[position]
            speeches = None
            if isinstance(entry, dict) and entry.get("officials") == digest:
                speeches = _restored_speeches(entry, relevant, len(scan.document.text))
                if speeches is None:
                    cache.damaged(name, ValueError("its speeches do not fit the document"))
            if speeches is None:
                speeches = finder.speeches(scan, relevant)
                stored[position] = {"officials": digest, "speeches": _speeches_json(speeches)}
                changed = True
            yield scan, speeches
        if changed and file_key is not None:
            cache.write_json(name, stored)


def _speeches_key(scan: DocumentScan, officials: Sequence[KnownOfficial]) -> str:
    """What a document's speeches depend on besides its file and the rules: the officials it
    names, in order, and its language (the catalog may change it; lines outside the content
    are split into sentences by it)."""
    rows = [[o.key, o.surname, sorted(o.latin_keys), sorted(o.han_names)] for o in officials]
    rows.append([scan.document.info.language])
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def _speeches_json(speeches: Sequence[Speech]) -> list[list[Any]]:
    return [
        [s.key, s.sentence.paragraph, s.sentence.start, s.sentence.end, s.sentence.language, s.kind]
        for s in speeches
    ]


def _restored_speeches(
    stored: dict[str, Any], officials: Sequence[KnownOfficial], size: int
) -> list[Speech] | None:
    """The speeches ``_speeches_json`` wrote, each by one of ``officials`` and within a text of
    ``size`` characters, or None when they are not (a damaged entry)."""
    keys = {official.key for official in officials}
    try:
        speeches = []
        for key, paragraph, start, end, language, kind in stored["speeches"]:
            sentence = Sentence(int(paragraph), int(start), int(end), str(language))
            if kind not in ("reported", "transcript") or key not in keys:
                return None
            if not 0 <= sentence.start <= sentence.end <= size:
                return None
            speeches.append(Speech(key, sentence, kind))
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    return speeches


def speeches_suffix() -> str:
    """How the name of a file's speeches ends (see ``FileCache.keep``)."""
    return f".speeches-{_rules_version()[:16]}.json"


def scan_suffix() -> str:
    """How the name of a file's officials scans ends (see ``FileCache.keep``)."""
    return f".officials-{_rules_version()[:16]}.json"


def _rules_version() -> str:
    digest = hashlib.sha256()
    for path in _DATA_FILES:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for library in _LIBRARIES:
        digest.update(f"{library}={metadata.version(library)}\0".encode())
    return digest.hexdigest()


def _directory_key(corpus: Corpus, overrides: Path | None, cache: FileCache, version: str) -> str:
    digest = hashlib.sha256(version.encode())
    if overrides is not None:
        try:
            digest.update(overrides.read_bytes())
        except OSError as error:  # load_overrides warns about it; the key only must differ
            digest.update(f"unreadable: {error}".encode())
    for document in corpus.documents:
        file_key = cache.keys.get(document.path, "")
        digest.update(f"\0{file_key}\0{document.info.model_dump_json()}".encode())
    return digest.hexdigest()


def document_scans(documents: Sequence[Document], cache: FileCache) -> Iterable[DocumentScan]:
    """Each document's officials scan (its names, titles, sentences), from the cache for files
    scanned before, in corpus order (``documents``: whole files, in order)."""
    return _scans(documents, load_vocabulary(), cache, scan_suffix())


def _scans(
    documents: Sequence[Document], vocabulary: Vocabulary, cache: FileCache, suffix: str
) -> Iterable[DocumentScan]:
    """Each document's first pass, from the cache for files scanned before."""
    scanner = DocumentScanner(vocabulary)
    for path, group in itertools.groupby(documents, key=lambda document: document.path):
        file_documents = list(group)
        file_key = cache.keys.get(path)
        if file_key is None:  # a file the cache did not read (a corpus built by hand)
            yield from (scanner.scan(document) for document in file_documents)
            continue
        name = f"{file_key}{suffix}"
        stored = cache.read_json(name)
        scans = _restored(stored, file_documents) if stored is not None else None
        if stored is not None and scans is None:
            cache.damaged(name, ValueError("it does not fit the file's documents"))
        if scans is None:
            scans = [scanner.scan(document) for document in file_documents]
            cache.write_json(name, [_scan_json(scan) for scan in scans])
        yield from scans


def _scan_json(scan: DocumentScan) -> dict[str, Any]:
    return {
        # The lines outside the paragraphs are read in the document's language.
        "language": scan.document.info.language,
        "sentences": [[s.paragraph, s.start, s.end, s.language] for s in scan.sentences],
        "mentions": [_mention_json(m) for m in scan.mentions],
        "titles": [[_mention_json(t.mention), t.title, t.start, t.language] for t in scan.titles],
        # Folding the whole text to simplified characters again took a tenth of adding a
        # document. Only the characters folding changes are kept (a folded copy of every text
        # was most of what adding a document read): runs of [offset, simplified characters].
        "simplified": _changed_runs(scan.document.text, scan.simplified or scan.document.text),
    }


def _changed_runs(text: str, folded: str) -> list[list[Any]]:
    """Where ``folded`` (of ``text``'s length) differs from ``text``, as [offset, characters]."""
    runs: list[list[Any]] = []
    if folded == text:
        return runs
    start = None
    for position, (before, after) in enumerate(zip(text, folded, strict=True)):
        if before != after and start is None:
            start = position
        elif before == after and start is not None:
            runs.append([start, folded[start:position]])
            start = None
    if start is not None:
        runs.append([start, folded[start:]])
    return runs


def _with_runs(text: str, runs: Any) -> str | None:
    """``text`` with the runs ``_changed_runs`` found put back, or None when they do not fit."""
    if not isinstance(runs, list):
        return None
    pieces: list[str] = []
    done = 0
    for start, characters in runs:
        if not (isinstance(start, int) and isinstance(characters, str)):
            return None
        end = start + len(characters)
        if not done <= start < end <= len(text):
            return None
        pieces += [text[done:start], characters]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _mention_json(mention: NameMention) -> list[Any]:
    return [
        mention.start,
        mention.end,
        mention.written,
        mention.script,
        mention.paragraph,
        mention.titled,
    ]


def _restored(stored: Any, documents: list[Document]) -> list[DocumentScan] | None:
    """The scans ``_scan_json`` wrote for ``documents``, or None when they do not fit."""
    if not isinstance(stored, list) or len(stored) != len(documents):
        return None
    scans: list[DocumentScan] = []
    try:
        for item, document in zip(stored, documents, strict=True):
            if item["language"] != document.info.language:
                return None  # the catalog changed the document's language: scan it again
            text = document.text  # decoded once: a document keeps its text as UTF-8
            size = len(text)
            sentences = [Sentence(*row) for row in item["sentences"]]
            mentions = [NameMention(*row) for row in item["mentions"]]
            titles = [
                TitleFinding(NameMention(*mention), title, start, language)
                for mention, title, start, language in item["titles"]
            ]
            spans = [(s.start, s.end) for s in sentences]
            spans += [(m.start, m.end) for m in (*mentions, *(t.mention for t in titles))]
            if any(not 0 <= start <= end <= size for start, end in spans):
                return None
            runs = item["simplified"]
            if runs == []:
                # The text itself: "" is what a scan without a folded copy holds, and readers
                # then read the document's text (decoded when read, not kept per scan).
                simplified = ""
            else:
                folded = _with_runs(text, runs)
                if folded is None:
                    return None
                simplified = folded
            scans.append(DocumentScan(document, sentences, mentions, titles, simplified))
    except (KeyError, TypeError, ValueError):
        return None
    return scans
