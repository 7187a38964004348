"""Load a folder of documents into cleaned paragraphs, metadata and quotable passages.

Supported: plain text and markdown (``.txt``, ``.md``, optional ``---`` front matter with
title/source/date/url/language), BEIR-style JSON Lines (``.jsonl``: one document per line,
``_id``, ``title``, ``text``, optional ``source``/``date``/``url``/``language``), web pages
(``.html``) and PDFs (``.pdf``), read into text by ``retrieval.formats``. Metadata comes from,
in rising order of authority: a PDF's document information (only where the text states
nothing), what the text states, the front matter, JSON fields or a page's own ``<meta>`` tags,
and the person-edited ``catalog.toml`` of the folder. A file that cannot be read is skipped
with a warning naming it; every other document is always served.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from retrieval.cleaning import Kind, segment
from retrieval.content_blocks import content_blocks
from retrieval.dates import is_iso_date
from retrieval.derived import DerivedDocument, Spans
from retrieval.documents import Document, Paragraph
from retrieval.encoding import UnreadableFileError, decode_bytes, replace_lone_surrogates
from retrieval.errors import CorpusError
from retrieval.formats import (
    HTML_SUFFIXES,
    PDF_SUFFIXES,
    ExtractedText,
    extract,
    is_extracted_format,
    reader_versions,
)
from retrieval.languages import detect_language
from retrieval.metadata import extract_metadata
from retrieval.models import DocumentInfo, Passage
from retrieval.passages import build_passages
from retrieval.scrambling import measure_scrambling
from retrieval.warning_groups import log_grouped

if TYPE_CHECKING:
    from retrieval.file_cache import FileCache
    from retrieval.load_progress import LoadProgress

logger = logging.getLogger("retrieval.corpus")

Warn = Callable[[str], None]  # records a warning for Corpus.warnings and the log
Hash = Any  # a hashlib object (its type is private to hashlib)

CATALOG_FILE = "catalog.toml"
OFFICIALS_OVERRIDES_FILE = "officials-overrides.toml"
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSONL_SUFFIXES = frozenset({".jsonl"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
# Files of the corpus folder that are not documents.
_NOT_DOCUMENTS = frozenset({CATALOG_FILE, OFFICIALS_OVERRIDES_FILE})
# Bump when cleaning, metadata or passage rules change: saved indexes must then be rebuilt.
PIPELINE_VERSION = "corpus-5"
# The person-editable rule files that decide what the passages are: editing one changes the
# content hash too, so a saved index built under the old rules is not reused.
PIPELINE_DATA_FILES = tuple(
    Path(__file__).parent / "data" / name
    for name in (
        "boilerplate.toml",
        "spam.toml",
        "sentence-rules.toml",
        "language-function-words.toml",
        # Speaker lines ("NAME, Governor of ...") are content by the officials vocabulary.
        "official-titles.toml",
        "chinese-surnames.txt",
        "not-person-names.txt",
    )
)
_METADATA_FIELDS = ("title", "source", "date", "url", "language")
_UNKNOWN_SOURCE = "unknown source"


@dataclass
class Corpus:
    folder: Path
    documents: list[Document]
    passages: list[Passage]
    warnings: list[str]
    _hash: str = field(default="", repr=False)
    _by_id: dict[str, Document] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {document.info.id: document for document in self.documents}

    def document(self, doc_id: str) -> Document:
        """The document with id ``doc_id``; KeyError when there is none."""
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise KeyError(f"no document with id {doc_id!r}") from None

    def passages_by_file(self) -> Iterator[tuple[Path, list[Passage]]]:
        """Each file's passages, in corpus order (a file's passages are next to each other):
        what the per-file caches keep their entries by."""
        for path, group in itertools.groupby(
            self.passages, key=lambda passage: self._by_id[passage.document_id].path
        ):
            yield path, list(group)

    def content_hash(self) -> str:
        """SHA-256 over every document file's bytes, the catalog and the pipeline's rules.

        A corpus built by hand rather than by ``load_corpus`` hashes its documents' texts.
        """
        if not self._hash:
            digest = _pipeline_digest()
            for document in self.documents:
                digest.update(f"{document.info.model_dump_json()}\0{document.text}\0".encode())
            self._hash = digest.hexdigest()
        return self._hash


# --- loading ----------------------------------------------------------------------------------


@dataclass
class _MissingFields:
    """Fields missing from JSON Lines records, counted per file: one warning, not thousands."""

    records: dict[Path, int] = field(default_factory=dict)
    fields: dict[Path, dict[str, int]] = field(default_factory=dict)

    def add_record(self, path: Path, missing: list[str]) -> None:
        self.records[path] = self.records.get(path, 0) + 1
        counts = self.fields.setdefault(path, {})
        for key in missing:
            counts[key] = counts.get(key, 0) + 1

    def report(self, folder: Path, warn: Warn) -> None:
        for path, records in self.records.items():
            counts = ", ".join(f"{key} ({count})" for key, count in self.fields[path].items())
            warn(
                f"{path.relative_to(folder).as_posix()}: {records} records lack metadata "
                f"fields: {counts}. Add them to the records or to {CATALOG_FILE}."
            )


@dataclass(frozen=True)
class _Source:
    """One document before cleaning: its text, where it came from, and given metadata."""

    doc_id: str
    catalog_key: str
    path: Path
    text: str
    encoding: str
    body_start: int  # offset where the text after any front matter begins
    given: dict[str, str]  # metadata from front matter, JSON fields or a page's <meta> tags
    is_record: bool  # a JSON Lines record: clean data, keep its headings as content
    fallback: dict[str, str] = field(default_factory=dict)  # used where the text states nothing
    page_starts: tuple[int, ...] = ()  # a PDF's: where each page begins in ``text``
    cut_short: bool = False  # the reader stopped at its page or time limit


def load_corpus(
    folder: Path, cache: FileCache | None = None, progress: LoadProgress | None = None
) -> Corpus:
    """Load every document under ``folder``; raise CorpusError if the folder is unusable.

    ``cache``: what each file derives is taken from it when the file is unchanged, and put in
    it when the file is read. ``progress`` is told of each file read.
    """
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"Corpus folder {folder} does not exist.")
    if not folder.is_dir():
        raise CorpusError(f"Corpus path {folder} is not a folder.")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise CorpusError(f"Corpus folder {folder} cannot be read (permission denied).")
    warnings: list[str] = []

    def warn(message: str) -> None:
        # Logged after the load, grouped: 5,000 files without a catalog entry are one line.
        warnings.append(message)

    digest = _pipeline_digest()
    catalog = _read_catalog(folder, digest, warn)
    used_keys: set[str] = set()
    documents: list[Document] = []
    passages: list[Passage] = []
    ids: set[str] = set()
    missing = _MissingFields()
    files = list(_document_files(folder, warn))
    if progress is not None:
        progress.files(len(files))
    for path in files:
        if progress is not None:
            progress.advance()
        relative = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
            derived = _derive_file(path, relative, data, warn, cache)
        except UnreadableFileError as error:
            warn(f"{relative}: skipped ({error.reason}).")
            continue
        except OSError as error:
            warn(f"{relative}: skipped (cannot be read: {error.strerror or error}).")
            continue
        except Exception as error:  # a reader's own failure stops this file, never the load
            logger.info("Reading %s failed", relative, exc_info=True)
            warn(f"{relative}: skipped (it could not be read: {type(error).__name__}).")
            continue
        digest.update(relative.encode() + b"\0" + data + b"\0")
        for item in derived:
            doc_id = _unique_id(item.doc_id, ids, relative, warn)
            entry = catalog.get(item.catalog_key)
            if entry is not None:
                used_keys.add(item.catalog_key)
            document, document_passages = _assemble(
                item, path, doc_id, entry, len(passages), warn, missing
            )
            documents.append(document)
            passages.extend(document_passages)
    missing.report(folder, warn)
    for key in sorted(set(catalog) - used_keys):
        warn(f"{CATALOG_FILE}: entry [{key!r}] matches no document in the folder.")
    log_grouped(logger, warnings)
    if not documents:
        raise CorpusError(f"Corpus folder {folder} holds no readable document.")
    return Corpus(folder, documents, passages, warnings, _hash=digest.hexdigest())


@dataclass(frozen=True)
class FileReading:
    """What one file holds, read by itself as a corpus load reads it (no catalog, no other
    files): what adding it to a corpus would add."""

    documents: list[Document]
    passages: list[Passage]
    warnings: list[str]
    cut_short: bool  # a reader stopped at its page or time limit: the text is incomplete


def read_one_file(path: Path, data: bytes) -> FileReading:
    """Read ``data`` as the file ``path`` (its name decides the format); raise
    UnreadableFileError (with a reason) when it holds no text."""
    warnings: list[str] = []
    relative = path.name
    sources = list(_file_sources(path, relative, data, warnings.append))
    derived = [d for d in (_derive(s, warnings.append) for s in sources) if d is not None]
    ids: set[str] = set()
    missing = _MissingFields()
    documents: list[Document] = []
    passages: list[Passage] = []
    for item in derived:
        doc_id = _unique_id(item.doc_id, ids, relative, warnings.append)
        document, document_passages = _assemble(
            item, path, doc_id, None, len(passages), warnings.append, missing
        )
        documents.append(document)
        passages.extend(document_passages)
    missing.report(path.parent, warnings.append)
    return FileReading(documents, passages, warnings, any(s.cut_short for s in sources))


def _derive_file(
    path: Path, relative: str, data: bytes, warn: Warn, cache: FileCache | None
) -> list[DerivedDocument]:
    """What the file ``relative`` derives by itself, from ``cache`` when it holds it; raise
    UnreadableFileError when it holds no text."""
    key = cache.key(relative, data, path) if cache is not None else ""
    if cache is not None:
        cached = cache.documents(key)
        if cached is not None:
            for message in cached.warnings:
                warn(message)
            return cached.documents
    notes: list[str] = []
    sources = list(_file_sources(path, relative, data, notes.append))
    derived = [d for d in (_derive(s, notes.append) for s in sources) if d is not None]
    for message in notes:
        warn(message)
    if cache is not None:
        cache.put_documents(key, derived, notes)
    return derived


def rules_digest() -> str:
    """What, besides a file, decides what reading it derives: rules, word lists, readers."""
    return str(_pipeline_digest().hexdigest())


def _pipeline_digest() -> Hash:
    """A SHA-256 started with what, besides the documents, decides the passages."""
    digest = hashlib.sha256(f"{PIPELINE_VERSION};{reader_versions()}".encode())
    for path in PIPELINE_DATA_FILES:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest


def _document_files(folder: Path, warn: Warn) -> Iterator[Path]:
    """Document files under ``folder`` in a stable order, hidden files and folders left out.

    Linked folders are not followed (a link could lead out of the corpus or in a circle); a
    subfolder that cannot be read is skipped with a warning naming it.
    """

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder)
        name = where.relative_to(folder).as_posix() if where != folder else str(folder)
        if not any(part.startswith(".") for part in Path(name).parts):
            warn(f"{name}/: skipped (cannot be read: {error.strerror or error}).")

    found: list[Path] = []
    for directory, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(directory, name) for name in files if not name.startswith("."))
    for path in sorted(found):
        parts = path.relative_to(folder).parts
        if not path.is_file():
            if path.is_symlink() and not path.exists():
                warn(f"{'/'.join(parts)}: skipped (a link to a file that does not exist).")
            continue
        if len(parts) == 1 and path.name in _NOT_DOCUMENTS:
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            yield path
        else:
            warn(
                f"{'/'.join(parts)}: skipped (not a document type lingnan reads: "
                ".txt, .md, .jsonl, .html or .pdf)."
            )


def _read_catalog(folder: Path, digest: Hash, warn: Warn) -> dict[str, dict[str, Any]]:
    path = folder / CATALOG_FILE
    if not path.is_file():
        return {}
    try:
        data = path.read_bytes()
    except OSError as error:
        warn(f"{CATALOG_FILE}: ignored, it cannot be read ({error.strerror or error}).")
        return {}
    digest.update(CATALOG_FILE.encode() + b"\0" + data + b"\0")
    try:
        table = tomllib.loads(data.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        warn(f"{CATALOG_FILE}: ignored, it is not valid TOML ({error}).")
        return {}
    catalog: dict[str, dict[str, Any]] = {}
    for key, entry in table.items():
        if not isinstance(entry, dict):
            warn(f"{CATALOG_FILE}: [{key!r}] ignored, it is not a table of fields.")
            continue
        catalog[key] = entry
    return catalog


def _unique_id(doc_id: str, ids: set[str], relative: str, warn: Warn) -> str:
    if doc_id in ids:
        number = 2
        while f"{doc_id}-{number}" in ids:
            number += 1
        warn(f"{relative}: document id {doc_id!r} is taken; using {doc_id}-{number}.")
        doc_id = f"{doc_id}-{number}"
    ids.add(doc_id)
    return doc_id


def _file_sources(path: Path, relative: str, data: bytes, warn: Warn) -> Iterator[_Source]:
    """The documents of one file; UnreadableFileError when it holds no text."""
    if is_extracted_format(path):
        extracted = extract(path, data)
        for note in extracted.notes:
            warn(f"{relative}: {note}.")
        yield _extracted_source(path, relative, extracted)
        return
    decoded = decode_bytes(data)
    yield from _sources(path, relative, decoded.text, decoded.encoding, warn)


def _extracted_source(path: Path, relative: str, extracted: ExtractedText) -> _Source:
    return _Source(
        relative.rsplit(".", 1)[0],
        relative,
        path,
        extracted.text,
        extracted.encoding,
        0,
        extracted.given,
        is_record=False,
        fallback=extracted.fallback,
        page_starts=extracted.page_starts,
        cut_short=extracted.cut_short,
    )


def _sources(path: Path, relative: str, text: str, encoding: str, warn: Warn) -> Iterator[_Source]:
    stem = relative.rsplit(".", 1)[0]
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl_sources(path, relative, stem, text, encoding, warn)
        return
    given, body_start = parse_front_matter(text)
    yield _Source(stem, relative, path, text, encoding, body_start, given, is_record=False)


def parse_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Read a leading ``---`` block of ``key: value`` lines; return it and where the body starts.

    Only the simple YAML form pages use (scalars, optionally quoted) is read: a full YAML parser
    would be a heavy dependency for five keys. Text without front matter gives ({}, 0).
    """
    if not text.startswith("---"):
        return {}, 0
    first_break = text.find("\n")
    if first_break == -1 or text[:first_break].strip() != "---":
        return {}, 0
    fields: dict[str, str] = {}
    position = first_break + 1
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end == -1 else line_end
        line = text[position:line_end].strip()
        position = line_end + 1
        if line in ("---", "..."):
            return fields, min(position, len(text))
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith("#"):
            value = value.split(" #", 1)[0].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key.strip().lower()] = value
    return {}, 0  # no closing line: not front matter after all


def _jsonl_sources(
    path: Path, relative: str, stem: str, text: str, encoding: str, warn: Warn
) -> Iterator[_Source]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            warn(f"{relative} line {number}: skipped (not valid JSON: {error.msg}).")
            continue
        body = record.get("text") if isinstance(record, dict) else None
        if not isinstance(body, str) or not body.strip():
            warn(f'{relative} line {number}: skipped (no "text" field with text).')
            continue
        # JSON may escape lone surrogates ("\\ud800"), which no UTF-8 output can carry.
        record_id = replace_lone_surrogates(
            str(record.get("_id") or record.get("id") or f"{stem}-{number}")
        )
        given = {
            key: replace_lone_surrogates(str(record[key]).strip())
            for key in _METADATA_FIELDS
            if isinstance(record.get(key), (str, int, float)) and str(record[key]).strip()
        }
        yield _Source(
            record_id,
            f"{relative}#{record_id}",
            path,
            replace_lone_surrogates(body),
            encoding,
            0,
            given,
            is_record=True,
        )


def _derive(source: _Source, warn: Warn) -> DerivedDocument | None:
    """Clean, describe and cut one document into passages: what depends on its file alone."""
    segments = segment(source.text, source.body_start)
    extracted = extract_metadata(source.text, segments, event_date_fallback=not source.is_record)
    title_index = None if "title" in source.given else extracted.title_segment
    blocks = content_blocks(source.text, segments, title_index)
    if source.is_record or not blocks:
        # Records are clean data, and a page with no prose at all is better served whole than
        # not at all: keep its title-like lines too.
        keep = {index for index, item in enumerate(segments) if item.kind is not Kind.BOILERPLATE}
        blocks = content_blocks(source.text, segments, None, extra=keep)
    if source.is_record and not blocks:
        # A record is never dropped for its shape ("© 2013 ... All rights reserved. <abstract>").
        blocks = content_blocks(source.text, segments, None, extra=range(len(segments)))
    if not blocks:
        warn(f"{source.catalog_key}: skipped (no text left once boilerplate is removed).")
        return None
    paragraphs = []
    for number, block in enumerate(blocks, start=1):
        block_text = source.text[block.start : block.end]
        paragraphs.append(
            Paragraph(number, block.start, block.end, block_text, detect_language(block_text))
        )
    scrambling = measure_scrambling(p.text for p in paragraphs if p.language == "zh")
    passages = build_passages("", source.text, paragraphs, page_starts=source.page_starts)
    return DerivedDocument(
        doc_id=source.doc_id,
        catalog_key=source.catalog_key,
        text=source.text,
        encoding=source.encoding,
        given=source.given,
        fallback=source.fallback,
        is_record=source.is_record,
        cut_short=source.cut_short,
        metadata=extracted,
        paragraphs=Spans.of((p.number, p.start, p.end, p.language, None) for p in paragraphs),
        passages=Spans.of((p.paragraph, p.start, p.end, p.language, p.page) for p in passages),
        scrambled_clauses=scrambling.clauses if scrambling.scrambled else 0,
        scrambled_fragment_starts=scrambling.fragment_starts if scrambling.scrambled else 0,
    )


def _assemble(
    item: DerivedDocument,
    path: Path,
    doc_id: str,
    entry: dict[str, Any] | None,
    first_passage: int,
    warn: Warn,
    missing: _MissingFields,
) -> tuple[Document, list[Passage]]:
    """The document and its passages in the corpus: its unique id, the catalog's metadata and
    passages numbered from ``first_passage``."""
    text = item.text
    info = _document_info(doc_id, item, path, entry, warn, missing)
    if item.scrambled:
        info = info.model_copy(update={"scrambled": True})
        warn(
            f"{item.catalog_key}: reads as a word-scrambled copy ({item.scrambled_fragment_starts} "
            f"of {item.scrambled_clauses} clauses start with a fragment of a word); marked "
            "scrambled."
        )
    languages = _paragraph_languages(item.paragraphs, info.language)
    document = Document.of_spans(info, path, text, item.encoding, item.paragraphs, languages)
    passages = [
        Passage.trusted(
            first_passage + number,
            doc_id,
            paragraph,
            start,
            end,
            text[start:end],
            language,
            page,
        )
        for number, (paragraph, start, end, language, page) in enumerate(item.passages.rows())
    ]
    return document, passages


def _paragraph_languages(paragraphs: Spans, main: str) -> list[str]:
    weight: dict[str, int] = {}
    for _, start, end, language, _ in paragraphs.rows():
        weight[language] = weight.get(language, 0) + end - start
    others = sorted((lang for lang in weight if lang != main), key=lambda lang: -weight[lang])
    return [main, *others]


def _document_info(
    doc_id: str,
    source: DerivedDocument,
    path: Path,
    entry: dict[str, Any] | None,
    warn: Warn,
    missing_fields: _MissingFields,
) -> DocumentInfo:
    name = source.catalog_key
    extracted = source.metadata
    stated: dict[str, str | None] = {
        "title": None if extracted.title_guessed else extracted.title,
        "source": extracted.source,
        "date": None if extracted.date_from_body else extracted.date,
        "url": extracted.url,
        "language": extracted.language,
        "author": extracted.author,
    }
    for key, value in source.fallback.items():
        if not stated.get(key):
            stated[key] = value
    for key, value in source.given.items():
        if key == "date" and not is_iso_date(value):
            warn(f"{name}: date {value!r} in the file is not YYYY-MM-DD; ignored.")
            continue
        stated[key] = value
    known_absent: set[str] = set()
    for key, value in (entry or {}).items():
        if key == "note":
            continue  # a person's remark on the entry
        if key == "url" and value == "":
            # An empty url says "no address to give, on purpose": nothing to warn about.
            known_absent.add(key)
            stated[key] = None
            continue
        if key not in _METADATA_FIELDS or not isinstance(value, str) or not value.strip():
            warn(
                f"{CATALOG_FILE}: [{name!r}] {key} ignored (fields: {', '.join(_METADATA_FIELDS)})."
            )
            continue
        if key == "date" and not is_iso_date(value):
            warn(f"{CATALOG_FILE}: [{name!r}] date {value!r} is not YYYY-MM-DD; ignored.")
            continue
        stated[key] = value.strip()

    missing = [
        key
        for key in ("title", "source", "date", "url")
        if not stated[key] and key not in known_absent
    ]
    if missing and source.is_record:
        missing_fields.add_record(path, missing)
    elif missing:
        details = []
        for key in missing:
            if key == "title" and extracted.title:
                details.append(f"title (using the first sentence: {extracted.title!r})")
            elif key == "date" and extracted.date_from_body:
                details.append(f"date (using {extracted.date}, the first date in the text)")
            else:
                details.append(key)
        where = "no catalog entry" if entry is None else "not in its catalog entry either"
        warn(
            f"{name}: {where}; the text does not state {', '.join(details)}. "
            f"Add them to {CATALOG_FILE}."
        )
    title = stated["title"] or extracted.title or doc_id
    date = stated["date"] or extracted.date
    url = stated["url"]
    source_name = stated["source"] or (urlsplit(url).hostname if url else None) or _UNKNOWN_SOURCE
    return DocumentInfo(
        id=doc_id,
        title=title,
        source=source_name,
        date=date,
        url=url,
        language=stated["language"] or extracted.language,
        author=stated["author"],
    )
