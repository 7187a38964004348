"""First pass over a document: the people named in it and the titles stated for them.

Everything here works by general rules over the word lists in ``retrieval/data/``:

- a Latin name is a surname from the surname list followed by a given name that is valid
  pinyin ("Wang Weizhong", "WANG Weizhong"); "Hong Kong"-like pairs are listed as not names;
- a Western-style name of a Chinese official, a given name then a surname in any
  romanisation ("Chief Executive <Given> Lee"), counts only with a public title next to it;
- Chinese names and titles are found by ``chinese`` (省商务厅厅长张劲松), in the text folded to
  simplified characters, so traditional pages follow the same rules;
- a title is stated when it stands next to the name: after it between commas ("Huang Kunming,
  secretary of the party committee of the province of Guangdong, ..."), before it ("Governor
  Wang Weizhong", "Der Sekretär des CPC-Guangdong-Komitees, Huang Kunming, ..."), or as a
  Chinese title before the name (``latin_titles``, ``chinese``). A title must start with a
  head word of the title vocabulary, possibly after modifiers ("deputy", "stellvertretender"),
  so "reporter", "author" or "Pressekontakt" never make anyone an official, and it must be a
  public office (``TitleVocabulary.is_public``: "chairman of <company>" is not); a name
  followed by "with"/"of"/"from" and a public body is an official of that body;
- a headline or a line the cleaning dropped (outside the content paragraphs) may state the
  title of a person the content names: that title counts, for that person only;
- a name in characters right before a speech verb (黄坤明强调) or an office (习近平总书记) is a
  candidate the directory keeps only if its pinyin spells a Latin name of the corpus.

This is the first pass over a document; ``statements`` is the second. Merging people across
documents is the job of ``build``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from retrieval.chinese_script import to_simplified
from retrieval.officials.chinese import ChineseNames
from retrieval.officials.grammar import WORD, Word, is_surname_shape
from retrieval.officials.latin_titles import LatinTitles
from retrieval.officials.mentions import NameMention, Sentence, TitleFinding
from retrieval.officials.names import canonical_latin, split_pinyin
from retrieval.officials.vocabulary import Vocabulary
from retrieval.scripts import has_han
from retrieval.sentences import split_sentences

if TYPE_CHECKING:
    from retrieval.models import DocumentInfo


class ParagraphLike(Protocol):
    # Read-only properties, so that frozen dataclasses (``corpus.Paragraph``) satisfy it.
    @property
    def number(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...


class DocumentLike(Protocol):
    info: DocumentInfo
    text: str

    @property
    def paragraphs(self) -> Sequence[ParagraphLike]: ...


__all__ = [
    "DocumentLike",
    "DocumentScan",
    "DocumentScanner",
    "NameMention",
    "ParagraphLike",
    "Sentence",
    "TitleFinding",
]


@dataclass
class DocumentScan:
    """The first pass over one document: its sentences, the names in it and their titles.

    ``simplified`` is the document's text with its Chinese characters in simplified script (the
    same length: offsets are the document's), the text the Chinese rules read."""

    document: DocumentLike
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    titles: list[TitleFinding] = field(default_factory=list)
    simplified: str = ""


@dataclass
class _Findings:
    mentions: list[NameMention] = field(default_factory=list)
    titles: list[TitleFinding] = field(default_factory=list)


class DocumentScanner(LatinTitles):
    """Finds the people a document names and the titles it states for them."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__(vocabulary)
        self._chinese = ChineseNames(self)

    def scan(self, document: DocumentLike) -> DocumentScan:
        scan = DocumentScan(document, simplified=to_simplified(document.text))
        for paragraph in document.paragraphs:
            spans = split_sentences(paragraph.text, paragraph.language)
            sentences = [
                Sentence(
                    paragraph.number, paragraph.start + s, paragraph.start + e, paragraph.language
                )
                for s, e in spans
            ]
            scan.sentences.extend(sentences)
            for sentence in sentences:
                found = self._scan_sentence(scan, sentence)
                scan.mentions.extend(found.mentions)
                scan.titles.extend(found.titles)
        self._titles_outside_content(scan)
        return scan

    def _titles_outside_content(self, scan: DocumentScan) -> None:
        """Titles a headline or a dropped line states for people the content names."""
        named = {mention.key for mention in scan.mentions}
        if not named:
            return
        document = scan.document
        for sentence in _lines_outside(document):
            found = self._scan_sentence(scan, sentence)
            for finding in found.titles:
                if finding.mention.key in named:
                    scan.mentions.append(finding.mention)
                    scan.titles.append(finding)

    def _scan_sentence(self, scan: DocumentScan, sentence: Sentence) -> _Findings:
        text = scan.simplified
        found = _Findings()
        words = [
            Word(m.start(), m.end(), m.group())
            for m in WORD.finditer(text, sentence.start, sentence.end)
        ]
        latin = self._latin_names(text, words, sentence)
        found.mentions.extend(latin)
        for mention in latin:
            for title, start in self.titles_around(text, words, mention, sentence, latin):
                found.titles.append(TitleFinding(mention, title, start, sentence.language))
        for mention in self._western_names(text, words, sentence, latin):
            titles = list(self.titles_around(text, words, mention, sentence, latin))
            if titles:  # a Western-style name is an official's only with a title beside it
                found.mentions.append(mention)
                for title, start in titles:
                    found.titles.append(TitleFinding(mention, title, start, sentence.language))
        original = scan.document.text
        chinese = list(self._chinese.titled(text, original, sentence))
        taken = [mention for mention, _ in chinese]
        chinese += self._chinese.before_offices(text, original, sentence, taken)
        taken = [mention for mention, _ in chinese]
        for mention, titles in chinese:
            for title, start in titles:
                found.titles.append(TitleFinding(mention, title, start, sentence.language))
        found.mentions.extend(taken)
        found.mentions.extend(self._chinese.speaking(text, original, sentence, taken))
        return found

    def _latin_names(self, text: str, words: list[Word], sentence: Sentence) -> list[NameMention]:
        found: list[NameMention] = []
        vocabulary = self.vocabulary
        index = 0
        while index < len(words) - 1:
            surname, given = words[index], words[index + 1]
            if (
                text[surname.end : given.start] in (" ", "\u00a0")
                and is_surname_shape(surname.text)
                and surname.folded in vocabulary.surnames.romanised
                and _is_given_name_shape(given.text)
                and split_pinyin(given.text, vocabulary.syllables)
                and f"{surname.folded} {given.folded}" not in vocabulary.not_names
            ):
                written = canonical_latin(surname.text, given.text)
                found.append(
                    NameMention(surname.start, given.end, written, "latin", sentence.paragraph)
                )
                index += 2
                continue
            index += 1
        return found

    def _western_names(
        self, text: str, words: list[Word], sentence: Sentence, taken: list[NameMention]
    ) -> list[NameMention]:
        """Candidates "<Given> <Surname>": a Chinese surname in any romanisation ("Lee", "Chan")
        after a capitalised word that is no title, no stop word and no part of a pinyin name."""
        vocabulary = self.vocabulary
        titles = vocabulary.titles
        found: list[NameMention] = []
        for given, surname in itertools.pairwise(words):
            if any(
                m.start <= given.start < m.end or m.start <= surname.start < m.end for m in taken
            ):
                continue
            if (
                text[given.end : surname.start] in (" ", "\u00a0")
                and _is_given_name_shape(given.text)
                and is_surname_shape(surname.text)
                and surname.folded in vocabulary.surnames.any_romanisation
                and given.folded not in vocabulary.surnames.any_romanisation
                and given.folded not in titles.stop_words
                and given.folded not in titles.modifiers
                and given.folded.rstrip(".") not in titles.honorifics
                and not titles.head_at([given.folded], 0)
                and f"{given.folded} {surname.folded}" not in vocabulary.not_names
            ):
                written = f"{given.text} {surname.text.capitalize()}"
                found.append(
                    NameMention(given.start, surname.end, written, "latin", sentence.paragraph)
                )
        return found


def _is_given_name_shape(word: str) -> bool:
    return (
        len(word) >= 2
        and word[0].isupper()
        and word[1:].replace("-", "").replace("'", "").replace("’", "").islower()
    )


def _lines_outside(document: DocumentLike) -> list[Sentence]:
    """The sentences of the lines outside the content paragraphs: a headline, a byline, a line
    the cleaning dropped."""
    text = document.text
    covered = sorted((p.start, p.end) for p in document.paragraphs)
    gaps: list[tuple[int, int]] = []
    position = 0
    for start, end in covered:
        if start > position:
            gaps.append((position, start))
        position = max(position, end)
    gaps.append((position, len(text)))
    sentences: list[Sentence] = []
    for gap_start, gap_end in gaps:
        for line in re.finditer(r"[^\n]+", text[gap_start:gap_end]):
            if not line.group().strip():
                continue
            offset = gap_start + line.start()
            language = "zh" if has_han(line.group()) else document.info.language
            for start, end in split_sentences(line.group(), language):
                sentences.append(Sentence(0, offset + start, offset + end, language))
    return sentences
