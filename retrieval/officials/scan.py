"""First pass over a document: the people named in it and the titles stated for them.

Everything here works by general rules over the word lists in ``retrieval/data/``:

- a Latin name is a surname from the surname list followed by a given name that is valid
  pinyin ("Wang Weizhong", "WANG Weizhong"); "Hong Kong"-like pairs are listed as not names;
- a Chinese name is a surname in characters plus one or two characters, standing right after a
  Chinese title (省商务厅厅长张劲松) and followed by a speech verb, punctuation or 同志/等/在;
- a title is stated when it stands next to the name: after it between commas ("Huang Kunming,
  secretary of the party committee of the province of Guangdong, ..."), before it ("Governor
  Wang Weizhong", "Der Sekretär des CPC-Guangdong-Komitees, Huang Kunming, ..."), or as a
  Chinese title before the name. A title must start with a head word of the title vocabulary,
  possibly after modifiers ("deputy", "stellvertretender"), so "reporter", "author" or
  "Pressekontakt" never make anyone an official;
- a name in characters right before a speech verb (黄坤明强调) is a candidate the directory
  keeps only if its pinyin spells a Latin name of the corpus.

This is the first pass over a document; ``statements`` is the second. Merging people across
documents is the job of ``build``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from retrieval.folding import compact
from retrieval.officials.grammar import (
    ARTICLES,
    WORD,
    Grammar,
    Word,
    clause_end,
    is_surname_shape,
)
from retrieval.officials.names import canonical_latin, split_pinyin
from retrieval.officials.vocabulary import Vocabulary
from retrieval.scripts import HAN_RUN
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


_ZH_NAME_END = set('，,。！？；;：:、 ）)”"」』—')
_ZH_NAME_FOLLOWERS = ("同志", "先生", "女士", "在", "等", "和", "与", "及", "说")
_CONJUNCTION = re.compile(r"\s+(?:and|und|sowie|as well as)\s+", re.IGNORECASE)
_MAX_TITLE_WORDS = 30
_MAX_OF_PHRASE_WORDS = 10
# Words inside a title placed before a name: "Secretary of the ... Committee Huang Kunming".
_OF_CONNECTORS = frozenset(("of", "the", "for", "and", "des", "der", "von", "für", "und"))


@dataclass(frozen=True)
class Sentence:
    """A sentence of the document: ``document.text[start:end]``, in paragraph ``paragraph``."""

    paragraph: int
    start: int
    end: int
    language: str


@dataclass(frozen=True)
class NameMention:
    """A person named in full: "Wang Weizhong" (Latin) or 张劲松 (characters)."""

    start: int
    end: int
    written: str  # canonical spelling: "Wang Weizhong", or the characters
    script: Literal["latin", "han"]
    paragraph: int
    titled: bool = True  # False: a name in characters found only before a speech verb

    @property
    def key(self) -> str:
        return compact(self.written) if self.script == "latin" else self.written


@dataclass(frozen=True)
class TitleFinding:
    """A title the document states for a named person, verbatim, with where it stands."""

    mention: NameMention
    title: str
    start: int
    language: str


@dataclass
class DocumentScan:
    """The first pass over one document: its sentences, the names in it and their titles."""

    document: DocumentLike
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    titles: list[TitleFinding] = field(default_factory=list)


class DocumentScanner(Grammar):
    """Finds the people a document names and the titles it states for them."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__(vocabulary)
        heads = vocabulary.titles.zh_heads
        self._zh_heads = re.compile("|".join(map(re.escape, heads))) if heads else None

    def scan(self, document: DocumentLike) -> DocumentScan:
        scan = DocumentScan(document)
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
                self._scan_sentence(scan, sentence)
        return scan

    def _scan_sentence(self, scan: DocumentScan, sentence: Sentence) -> None:
        text = scan.document.text
        words = [
            Word(m.start(), m.end(), m.group())
            for m in WORD.finditer(text, sentence.start, sentence.end)
        ]
        latin = self._latin_names(text, words, sentence)
        scan.mentions.extend(latin)
        for mention in latin:
            for title, start in self._titles_around(text, words, mention, sentence, latin):
                scan.titles.append(TitleFinding(mention, title, start, sentence.language))
        titled: list[NameMention] = []
        for mention, title, start in self._chinese_titled_names(text, sentence):
            titled.append(mention)
            scan.titles.append(TitleFinding(mention, title, start, sentence.language))
        scan.mentions.extend(titled)
        scan.mentions.extend(self._chinese_speaking_names(text, sentence, titled))

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

    def _titles_around(
        self,
        text: str,
        words: list[Word],
        mention: NameMention,
        sentence: Sentence,
        names: list[NameMention],
    ) -> Iterable[tuple[str, int]]:
        after = list(self._appositive_titles(text, mention.end, sentence.end))
        yield from after
        before = self._title_before(text, words, mention)
        if before is not None:
            yield before
        elif not after:
            comma_title = self._title_before_comma(text, words, mention, sentence, names)
            if comma_title is not None:
                yield comma_title

    def _appositive_titles(self, text: str, position: int, limit: int) -> Iterable[tuple[str, int]]:
        """Titles between commas after a name: "Meng Fanli, deputy secretary of ... and ..."."""
        match = re.compile(r"\s*,\s*").match(text, position, limit)
        if match is None:
            return
        start = match.end()
        end = clause_end(text, start, limit)
        yield from self._split_titles(text, start, end)

    def _split_titles(self, text: str, start: int, end: int) -> Iterable[tuple[str, int]]:
        """The titles in ``text[start:end]`` if it opens with one; "X and Y" gives both."""
        words = [
            Word(start + m.start(), start + m.end(), m.group())
            for m in WORD.finditer(text[start:end])
        ]
        if not words or not self.opens_title(words):
            return
        # A speech verb ends the title: "Zhang San, director of the bureau said ...".
        cut = self.first_speech_verb(words)
        if cut is not None:
            end = words[cut].start
        segment_end = end
        pieces: list[tuple[int, int]] = []
        piece_start = start
        for conjunction in _CONJUNCTION.finditer(text, start, segment_end):
            following = [w for w in words if w.start >= conjunction.end()]
            if following and self.opens_title(following):
                pieces.append((piece_start, conjunction.start()))
                piece_start = conjunction.end()
        pieces.append((piece_start, segment_end))
        for piece_start, piece_end in pieces:
            title = _strip_title(text[piece_start:piece_end])
            if (
                title
                and len(title.split()) <= _MAX_TITLE_WORDS
                and self.vocabulary.titles.is_public(title)
            ):
                offset = piece_start + (
                    len(text[piece_start:piece_end]) - len(text[piece_start:piece_end].lstrip())
                )
                yield title, offset

    def _title_before(
        self, text: str, words: list[Word], mention: NameMention
    ) -> tuple[str, int] | None:
        """A title right before the name: "Provincial Party Committee Secretary Huang Kunming"."""
        titles = self.vocabulary.titles
        index = next((i for i, w in enumerate(words) if w.start == mention.start), None)
        if index is None:
            return None
        end = index
        # Forms of address between title and name are skipped: "Secretary Comrade Huang".
        while end > 0 and words[end - 1].folded.rstrip(".") in titles.honorifics:
            if text[words[end - 1].end : words[end].start].strip(" .") != "":
                return None
            end -= 1
        if end == 0 or text[words[end - 1].end : words[end].start].strip() != "":
            return None
        folded = [w.folded for w in words]
        head_end = (
            end if titles.head_ending_at(folded, end) else self._head_before_of(text, words, end)
        )
        if head_end is None:
            return None
        first = head_end - titles.head_ending_at(folded, head_end)
        while first > 0:
            previous = words[first - 1]
            if text[previous.end : words[first].start].strip() != "":
                break
            word = previous.folded
            if (
                word in titles.modifiers
                or titles.head_ending_at(folded, first)
                or (previous.capitalised and word not in titles.stop_words)
            ):
                first -= 1
            else:
                break
        title = text[words[first].start : words[end - 1].end]
        if not titles.is_public(title):
            return None
        return title, words[first].start

    def _head_before_of(self, text: str, words: list[Word], end: int) -> int | None:
        """Where the head ends in "Mayor of Shenzhen Qin Wei" / "Gouverneur der Provinz X Wang"."""
        titles = self.vocabulary.titles
        folded = [w.folded for w in words]
        if end == 0 or not words[end - 1].capitalised:
            return None
        position = end
        for _ in range(_MAX_OF_PHRASE_WORDS):
            if position == 0:
                return None
            word = words[position - 1]
            if position < end and text[word.end : words[position].start].strip():
                return None  # punctuation inside: not one title
            if (
                position < end
                and word.capitalised
                and folded[position] in _OF_CONNECTORS
                and titles.head_ending_at(folded, position)
            ):
                return position
            if folded[position - 1] not in _OF_CONNECTORS and (
                not word.capitalised or folded[position - 1] in titles.stop_words
            ):
                return None
            position -= 1
        return None

    def _title_before_comma(
        self,
        text: str,
        words: list[Word],
        mention: NameMention,
        sentence: Sentence,
        names: list[NameMention],
    ) -> tuple[str, int] | None:
        """A title in commas before the name: "Der Sekretär des X-Komitees, Huang Kunming, ..."."""
        before = text[sentence.start : mention.start]
        if not re.search(r",\s*$", before) or not re.match(
            r"\s*,", text[mention.end : sentence.end]
        ):
            return None
        comma = sentence.start + before.rstrip().rfind(",")
        boundary = max(text.rfind(char, sentence.start, comma) for char in ",;:")
        start = boundary + 1 if boundary >= sentence.start else sentence.start
        # "X, director of Y, Z, ..." lists people with titles after them; Y is X's, not Z's.
        if boundary >= sentence.start and any(
            n.end <= boundary and text[n.end : boundary].strip() == "" for n in names
        ):
            return None
        segment = [w for w in words if start <= w.start < comma]
        if not segment or len(segment) > 15 or not self.opens_title(segment):
            return None
        if segment[0].folded in ARTICLES:
            segment = segment[1:]
        title = _strip_title(text[segment[0].start : comma])
        if not title or not self.vocabulary.titles.is_public(title):
            return None
        return title, segment[0].start

    def _chinese_titled_names(
        self, text: str, sentence: Sentence
    ) -> Iterable[tuple[NameMention, str, int]]:
        """省商务厅厅长张劲松称: the title 省商务厅厅长 and the name 张劲松."""
        if self._zh_heads is None:
            return
        titles = self.vocabulary.titles
        surnames = self.vocabulary.surnames
        for run in HAN_RUN.finditer(text, sentence.start, sentence.end):
            for head in self._zh_heads.finditer(text, run.start(), run.end()):
                after = head.end()
                name = self._chinese_name_at(text, after, run.end())
                if name is None:
                    continue
                title_start = run.start()
                title = text[title_start:after]
                stripped = True
                while stripped:
                    stripped = False
                    for leading in titles.zh_leading_words:
                        if title.startswith(leading) and len(title) > len(leading):
                            title, title_start = title[len(leading) :], title_start + len(leading)
                            stripped = True
                if not titles.is_public(title) or not surnames.longest_character_prefixes(name):
                    continue
                mention = NameMention(after, after + len(name), name, "han", sentence.paragraph)
                yield mention, title, title_start

    def _chinese_speaking_names(
        self, text: str, sentence: Sentence, titled: list[NameMention]
    ) -> Iterable[NameMention]:
        """Names in characters right before a speech verb, without a title: 黄坤明强调 ...

        They are only candidates: the directory keeps one when its pinyin is the Latin name of
        someone the corpus names (黄坤明 = Huang Kunming), and drops it otherwise.
        """
        surnames = self.vocabulary.surnames
        for run in HAN_RUN.finditer(text, sentence.start, sentence.end):
            position = run.start()
            while position < run.end():
                if any(m.start <= position < m.end for m in titled):
                    position += 1
                    continue
                found = None
                for surname in surnames.longest_character_prefixes(text[position : position + 2]):
                    for given in (2, 1):
                        end = position + len(surname) + given
                        if end <= run.end() and self.is_chinese_speaker(text, end, sentence.end):
                            found = text[position:end]
                            break
                    if found:
                        break
                if found:
                    yield NameMention(
                        position, position + len(found), found, "han", sentence.paragraph, False
                    )
                    position += len(found)
                else:
                    position += 1

    def _chinese_name_at(self, text: str, position: int, run_end: int) -> str | None:
        for surname in self.vocabulary.surnames.longest_character_prefixes(
            text[position : position + 2]
        ):
            for given in (2, 1):
                end = position + len(surname) + given
                if end > run_end:
                    continue
                if self._ends_chinese_name(text, end):
                    return text[position:end]
        return None

    def _ends_chinese_name(self, text: str, position: int) -> bool:
        if position >= len(text) or text[position] in _ZH_NAME_END or text[position].isspace():
            return True
        following = text[position : position + 4]
        return following.startswith(self.zh_verbs) or following.startswith(_ZH_NAME_FOLLOWERS)


def _strip_title(title: str) -> str:
    title = title.strip()
    while title and title[-1] in ".,;:—–-":
        title = title[:-1].rstrip()
    return title


def _is_given_name_shape(word: str) -> bool:
    return (
        len(word) >= 2
        and word[0].isupper()
        and word[1:].replace("-", "").replace("'", "").replace("’", "").islower()
    )
