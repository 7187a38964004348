"""From documents to :class:`Official` records: merging people across documents and languages.

- One Latin spelling is one person across the corpus ("WANG Weizhong" and "Wang Weizhong" too);
  a misspelt spelling of an official is merged into the official as an alias (``variants``).
- A name in characters is linked to the Latin name its pinyin spells (张劲松 -> Zhang Jinsong),
  when exactly one Latin name in the corpus matches; otherwise it stands on its own, under its
  pinyin, with the characters as an alias. Traditional and simplified characters are one name.
- A person is an official when some document states a public title for them (or the overrides
  file says so); people named without a title (reporters, press contacts) are not listed.
- Titles are ordered English first, then German, then other languages; within a language newest
  document first, then in reading order. So ``titles[0]``, the main title, is the most recent
  English one: the one most readers of the directory can read.
- Statements: reported speech first, then the sentences of speeches transcribed in full; within
  each, English first, then German, then other languages, newest document first, reading order.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from retrieval.folding import compact, fold
from retrieval.models import DocumentInfo, Official, OfficialTitle, Statement
from retrieval.officials.equivalents import equivalents
from retrieval.officials.mentions import simplified_name
from retrieval.officials.names import readings, romanise
from retrieval.officials.overrides import Overrides
from retrieval.officials.scan import DocumentLike, DocumentScan, DocumentScanner, NameMention
from retrieval.officials.statements import KnownOfficial, Speech, StatementFinder
from retrieval.officials.variants import Spelling, variant_merges
from retrieval.officials.vocabulary import Vocabulary
from retrieval.scripts import has_han

# Each scan with the speeches of the known officials in it, in the scans' order.
FindSpeeches = Callable[
    [Sequence[DocumentScan], Sequence[KnownOfficial]], Iterable[tuple[DocumentScan, list[Speech]]]
]

log = logging.getLogger(__name__)

_LANGUAGE_RANK = {"en": 0, "de": 1, "zh": 2}


@dataclass
class _Person:
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    han_names: set[str] = field(default_factory=set)
    extra_aliases: list[str] = field(default_factory=list)
    # (date, language rank, document id, position, title)
    titles: dict[tuple[str, str], tuple[str, int, str, int, str]] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    statements: dict[tuple[str, int, int], tuple[tuple[int, int], Statement]] = field(
        default_factory=dict
    )
    forced: bool = False  # made an official by the overrides file

    @property
    def name(self) -> str:
        latin = [s for s in self.spellings if not has_han(s)]
        if latin:
            # The spelling used most; mixed case ("Wang Weizhong") before capitals ("WANG ...").
            return max(latin, key=lambda s: (self.spellings[s], not s.split()[0].isupper(), s))
        return self.key

    def add_title(self, title: str, info: DocumentInfo, language: str, position: int) -> None:
        rank = _LANGUAGE_RANK.get(language, len(_LANGUAGE_RANK))
        self.titles.setdefault(
            (fold(title), info.id), (info.date or "", rank, info.id, position, title)
        )
        self.documents.add(info.id)


def build_officials(
    documents: Sequence[DocumentLike],
    vocabulary: Vocabulary,
    overrides: Overrides | None = None,
    scans: Sequence[DocumentScan] | None = None,
    find_speeches: FindSpeeches | None = None,
) -> tuple[list[Official], list[str]]:
    """Every official in ``documents``, sorted by name, and warnings about the overrides.

    ``scans``: the documents' first passes (``DocumentScanner.scan``), when already made.
    ``find_speeches``: each scan with its speeches by the known officials, in order (a cache's;
    by default ``StatementFinder.speeches`` on each)."""
    if scans is None:
        scanner = DocumentScanner(vocabulary)
        scans = [scanner.scan(document) for document in documents]
    by_id = {document.info.id: document for document in documents}
    warnings: list[str] = []

    latin_keys = {m.key for scan in scans for m in scan.mentions if m.script == "latin"}
    han_links = _link_han_names(scans, latin_keys, vocabulary)
    people: dict[str, _Person] = {}
    romanised: dict[str, str] = {}  # each name in characters is named many times

    def person_of(mention: NameMention) -> _Person | None:
        key = mention.key if mention.script == "latin" else han_links.get(mention.key)
        if key is None:
            return None  # an untitled name in characters that spells nobody in the corpus
        person = people.get(key)
        if person is None:
            person = people[key] = _Person(key)
        if mention.script == "latin":
            person.spellings[mention.written] += 1
        else:
            person.han_names.add(mention.written)
            if key not in latin_keys:
                reading = romanised.get(mention.key)
                if reading is None:
                    reading = romanised[mention.key] = romanise(mention.key, vocabulary)
                person.spellings[reading] += 0
        return person

    for scan in scans:
        info = scan.document.info
        for mention in scan.mentions:
            person = person_of(mention)
            if person is not None:
                person.documents.add(info.id)
        for finding in scan.titles:
            person = person_of(finding.mention)
            if person is not None:
                person.add_title(finding.title, info, finding.language, finding.start)

    _merge_variants(people, vocabulary)
    if overrides is not None:
        warnings += _apply_official_overrides(overrides, people, by_id, vocabulary)
        warnings += _apply_not_officials(overrides, people)

    officials = {key: p for key, p in people.items() if p.titles or p.forced}
    # In the order of their keys, not of the files that named them first: a document's
    # speeches then depend on the officials it names alone (its cache entry stays valid when a
    # file is added before it).
    known = [_known(officials[key], vocabulary) for key in sorted(officials)]
    if find_speeches is None:
        finder = StatementFinder(vocabulary)
        found: Iterable[tuple[DocumentScan, list[Speech]]] = (
            (scan, finder.speeches(scan, known)) for scan in scans
        )
    else:
        found = find_speeches(scans, known)
    for scan, speeches in found:
        text = scan.document.text if speeches else ""  # decoded once per document
        for speech in speeches:
            person = officials[speech.key]
            person.documents.add(scan.document.info.id)
            _add_statement(person, scan.document.info, text, speech)
    result = [_official(person, by_id) for person in officials.values()]
    return sorted(result, key=lambda o: (fold(o.name), o.name)), warnings


def _link_han_names(
    scans: Sequence[DocumentScan], latin_keys: set[str], vocabulary: Vocabulary
) -> dict[str, str]:
    """Key of the person each name in characters belongs to: a Latin name, or its own pinyin.

    A name whose pinyin spells exactly one Latin name of the corpus is that person. Otherwise a
    name found with a title stands on its own under its pinyin, and one found without a title
    (only before a speech verb) is dropped: it may not be a name at all.
    """
    links: dict[str, str] = {}
    titled = {m.key for scan in scans for m in scan.mentions if m.script == "han" and m.titled}
    for scan in scans:
        for mention in scan.mentions:
            if mention.script != "han" or mention.key in links:
                continue
            matches = readings(mention.key, vocabulary) & latin_keys
            if len(matches) == 1:
                links[mention.key] = next(iter(matches))
            elif mention.key in titled:
                if matches:
                    log.info("%s matches several Latin names: %s", mention.written, matches)
                links[mention.key] = compact(romanise(mention.key, vocabulary))
    return links


def _merge_variants(people: dict[str, _Person], vocabulary: Vocabulary) -> None:
    """Fold misspelt spellings of an official into the official (see ``variants``)."""
    spellings = [
        Spelling(
            key=person.key,
            name=person.name,
            titles=tuple(title[4] for title in person.titles.values()),
            documents=frozenset(person.documents),
            mentions=sum(person.spellings.values()),
        )
        for person in people.values()
        if person.titles and any(not has_han(s) for s in person.spellings)
    ]
    for variant_key, kept_key in variant_merges(
        spellings, equivalents(), vocabulary.titles
    ).items():
        variant, kept = people.pop(variant_key), people[kept_key]
        log.info("%s is taken for a misspelling of %s", variant.name, kept.name)
        for spelling in variant.spellings:
            if spelling not in kept.spellings and spelling not in kept.extra_aliases:
                kept.extra_aliases.append(spelling)
        kept.han_names |= variant.han_names
        for key, title in variant.titles.items():
            kept.titles.setdefault(key, title)
        kept.documents |= variant.documents
        kept.forced |= variant.forced


def _known(person: _Person, vocabulary: Vocabulary) -> KnownOfficial:
    latin = {compact(s) for s in person.spellings if not has_han(s)}
    latin |= {compact(a) for a in person.extra_aliases if not has_han(a)}
    latin.add(person.key)
    han = {simplified_name(h) for h in person.han_names}
    han |= {simplified_name(a) for a in person.extra_aliases if has_han(a)}
    parts = [fold(part) for part in person.name.split()]
    surname = parts[0] if parts else ""
    if len(parts) > 1 and surname not in vocabulary.surnames.romanised:
        surname = parts[-1]  # a Western-style name: the given name first ("<Given> Lee")
    return KnownOfficial(person.key, surname, frozenset(latin), frozenset(han))


def _add_statement(person: _Person, info: DocumentInfo, text: str, speech: Speech) -> None:
    sentence = speech.sentence
    where = (info.id, sentence.start, sentence.end)
    if where in person.statements:
        return
    statement = Statement.trusted(
        text[sentence.start : sentence.end],
        info.id,
        info.date,
        sentence.paragraph,
        sentence.start,
        sentence.end,
        speech.kind,
    )
    group = 0 if speech.kind == "reported" else 1
    rank = _LANGUAGE_RANK.get(sentence.language, len(_LANGUAGE_RANK))
    person.statements[where] = ((group, rank), statement)


def _official(person: _Person, by_id: dict[str, DocumentLike]) -> Official:
    titles = sorted(person.titles.values(), key=lambda t: (t[1], _newest_first(t[0]), t[2], t[3]))
    documents = sorted(
        (by_id[doc_id].info for doc_id in person.documents if doc_id in by_id),
        key=lambda info: (_newest_first(info.date or ""), info.id),
    )
    statements = sorted(
        person.statements.values(),
        key=lambda item: (
            item[0],
            _newest_first(item[1].date or ""),
            item[1].document,
            item[1].start,
        ),
    )
    name = person.name
    aliases = [s for s in person.spellings if s != name and not has_han(s)]
    aliases += sorted(person.han_names)
    aliases += [a for a in person.extra_aliases if a not in aliases and a != name]
    return Official(
        name=name,
        aliases=list(dict.fromkeys(aliases)),
        titles=[OfficialTitle(title=t[4], document=t[2], date=t[0] or None) for t in titles],
        documents=documents,
        statements=[statement for _, statement in statements],
    )


@lru_cache(maxsize=65536)  # a corpus has a few thousand dates, sorted here many times
def _newest_first(date: str) -> tuple[int, str]:
    """Sort key putting later ISO dates first and undated items last."""
    if not date:
        return (1, "")
    return (0, "".join(chr(0x10FFFF - ord(c)) for c in date))


# --- overrides ---------------------------------------------------------------------------


def _find_person(people: dict[str, _Person], name: str) -> _Person | None:
    key = compact(name)
    if key in people:
        return people[key]
    for person in people.values():
        if key in {compact(s) for s in person.spellings} | {compact(h) for h in person.han_names}:
            return person
        if key in {compact(a) for a in person.extra_aliases}:
            return person
    return None


def _apply_official_overrides(
    overrides: Overrides,
    people: dict[str, _Person],
    by_id: dict[str, DocumentLike],
    vocabulary: Vocabulary,
) -> list[str]:
    warnings: list[str] = []
    for entry in overrides.officials:
        person = _find_person(people, entry.name)
        if person is None:
            key = (
                compact(romanise(entry.name, vocabulary))
                if has_han(entry.name)
                else compact(entry.name)
            )
            person = people.setdefault(key, _Person(key))
            if has_han(entry.name):
                person.han_names.add(entry.name)
            else:
                person.spellings[entry.name] += 1
        person.forced = True
        for alias in entry.aliases:
            if alias not in person.extra_aliases:
                person.extra_aliases.append(alias)
        for title in entry.titles:
            document = by_id.get(title.document)
            if document is None:
                warnings.append(
                    f"Override for {entry.name}: no document {title.document!r}; title skipped."
                )
                continue
            person.add_title(title.title, document.info, document.info.language, -1)
        for statement in entry.statements:
            message = _add_override_statement(person, statement.document, statement.text, by_id)
            if message:
                warnings.append(f"Override for {entry.name}: {message}")
    for message in warnings:
        log.warning("%s", message)
    return warnings


def _add_override_statement(
    person: _Person, document_id: str, text: str, by_id: dict[str, DocumentLike]
) -> str | None:
    """Add a statement quoted in the overrides file; a reason when it cannot be used."""
    document = by_id.get(document_id)
    if document is None:
        return f"no document {document_id!r}; statement skipped."
    start = document.text.find(text) if text else -1
    if start < 0:
        return f"the statement {text[:60]!r} is not in {document_id}; statement skipped."
    paragraph = next((p.number for p in document.paragraphs if p.start <= start < p.end), None)
    if paragraph is None:
        return f"the statement {text[:60]!r} is not in a content paragraph; skipped."
    info = document.info
    statement = Statement(
        text=text,
        document=info.id,
        date=info.date,
        paragraph=paragraph,
        start=start,
        end=start + len(text),
    )
    person.statements.setdefault((info.id, start, start + len(text)), ((0, 0), statement))
    person.documents.add(info.id)
    return None


def _apply_not_officials(overrides: Overrides, people: dict[str, _Person]) -> list[str]:
    warnings: list[str] = []
    for name in overrides.not_officials:
        person = _find_person(people, name)
        if person is None:
            log.info("not_officials lists %r, who is not in the corpus", name)
            continue
        del people[person.key]
    return warnings
