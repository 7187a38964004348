"""Second pass over a document: the sentences each official is the speaker of.

- A statement is a sentence whose subject is the official and whose verb is a speech verb
  ("Huang Kunming emphasized that ...", "Ai Xuefeng, director of ..., highlighted ...",
  "Gouverneur Wang Weizhong hob hervor ...", "张劲松称 ..."), or that puts the speech verb first
  ("..., said Wang Weizhong", "according to Wang"). A sentence that only mentions someone
  (attending, heading an event, being praised) is not their statement.
- The subject may be the full name, the name in characters, a title the document gives one
  official alone ("The General Secretary emphasized ..."), or the surname alone ("Huang further
  emphasized ..."): the surname means the official of that surname who spoke last before it in
  the document, or, with no earlier speaker, the only official of that surname in it; otherwise
  nobody is credited.
- A pronoun as the subject of a speech verb ('"...," he said', "She pointed out", "Er betonte",
  "他表示") in a sentence naming nobody is the official who spoke last, when that was in the
  same paragraph or the one before: news writes the name once, then "he said" for the quotes
  that follow. Further away, or after someone else is named, nobody is credited.
- German reported speech (Konjunktiv I: "Ziel sei es, ...") right after a statement continues
  it, across paragraphs, until a sentence is not in reported speech or names someone.
- A transcript announced as such ("The following is the transcript of the speech delivered by
  ... Huang Kunming") makes every sentence of the paragraphs after it the speaker's, except the
  sentences in which someone else is the speaker, up to the first paragraph that is not running
  text (a heading, a contact block, a sidebar teaser).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from retrieval.folding import fold
from retrieval.officials.grammar import WORD, Grammar, clause_end, is_surname_shape, words_in
from retrieval.officials.scan import DocumentScan, Sentence
from retrieval.scripts import HAN_CHAR, is_han

# Relative pronouns after a name: "Wang Weizhong, who said ...", "Gao Feng, der betonte ...".
_RELATIVE_PRONOUNS = frozenset(("who", "der", "die"))
_SENTENCE_PROSE_END = tuple('.!?。！？:：…”"’)»」')
_MAX_ADVERBS = 2  # "Huang has further emphasized"
_MIN_TRANSCRIPT_WORDS = 5
_MIN_TRANSCRIPT_HAN = 10


@dataclass(frozen=True)
class Speech:
    """A sentence an official is the speaker of."""

    key: str  # the official's key in the directory
    sentence: Sentence
    kind: Literal["reported", "transcript"]


@dataclass(frozen=True)
class KnownOfficial:
    """What the second pass needs to know of one official."""

    key: str
    surname: str  # folded Latin surname: "huang"
    latin_keys: frozenset[str]  # keys of the Latin spellings: {"huangkunming"}
    han_names: frozenset[str]  # {"黄坤明"}


@dataclass
class _Reference:
    """A reference to an official inside one sentence, resolved to their key."""

    key: str
    start: int
    end: int


class StatementFinder(Grammar):
    """Finds the sentences each known official speaks in a scanned document."""

    def relevant(
        self, scan: DocumentScan, officials: Sequence[KnownOfficial]
    ) -> list[KnownOfficial]:
        """The officials ``speeches`` can find speaking in this document, in their order: those
        a name or title in it spells, or whose name in characters its text holds.
        ``speeches(scan, relevant(scan, officials))`` is ``speeches(scan, officials)``, so a
        cache keeps a document's speeches by these officials, not by the whole directory."""
        text = scan.simplified or scan.document.text
        named = {m.key for m in scan.mentions} | {t.mention.key for t in scan.titles}
        return [
            o
            for o in officials
            if not (named.isdisjoint(o.latin_keys) and named.isdisjoint(o.han_names))
            or any(name in text for name in o.han_names)
        ]

    def speeches(self, scan: DocumentScan, officials: Sequence[KnownOfficial]) -> list[Speech]:
        """The sentences of the document spoken by the given officials, in document order."""
        # Simplified characters (same offsets): 陳小明表示 is 陈小明 speaking.
        text = scan.simplified or scan.document.text
        by_latin = {k: o.key for o in officials for k in o.latin_keys}
        mentioned_keys = {m.key for m in scan.mentions}
        in_document = {
            o.key: o
            for o in officials
            if mentioned_keys & (o.latin_keys | o.han_names)
            or any(name in text for name in o.han_names)
        }
        short_titles = self._short_titles(scan, by_latin)
        references = [
            self._references(scan, sentence, by_latin, in_document, short_titles)
            for sentence in scan.sentences
        ]
        transcript_speaker, transcript_paragraphs = self._transcript(scan, references)

        speeches: list[Speech] = []
        last_speaker_by_surname: dict[str, str] = {}
        reported_speaker: str | None = None
        last: Speech | None = None  # the last statement, for a pronoun's speaker
        for sentence, refs in zip(scan.sentences, references, strict=True):
            speakers = [
                ref.key
                for ref in refs
                if ref.key and self._is_speaker(text, sentence, ref.start, ref.end)
            ]
            speakers += self._surname_speakers(
                text, sentence, refs, in_document, last_speaker_by_surname
            )
            speakers = list(dict.fromkeys(speakers))
            pronoun_speaker = (
                last.key
                if not speakers
                and not refs
                and last is not None
                and sentence.paragraph - last.sentence.paragraph <= 1
                and self._pronoun_speaks(text, sentence)
                else None
            )
            if speakers:
                for key in speakers:
                    speeches.append(Speech(key, sentence, "reported"))
                    last_speaker_by_surname[in_document[key].surname] = key
                reported_speaker = speakers[0] if len(speakers) == 1 else None
                last = speeches[-1] if len(speakers) == 1 else None
            elif pronoun_speaker is not None:
                speeches.append(Speech(pronoun_speaker, sentence, "reported"))
                last = speeches[-1]
                reported_speaker = pronoun_speaker
            elif reported_speaker and not refs and self._is_reported_speech(text, sentence):
                speeches.append(Speech(reported_speaker, sentence, "reported"))
                last = speeches[-1]
            else:
                if refs:
                    last = None  # someone else is named: a pronoun after this may be theirs
                reported_speaker = None
                if (
                    transcript_speaker
                    and sentence.paragraph in transcript_paragraphs
                    and self._long_enough(text, sentence)
                ):
                    speeches.append(Speech(transcript_speaker, sentence, "transcript"))
        return speeches

    def _transcript(
        self, scan: DocumentScan, references: list[list[_Reference]]
    ) -> tuple[str | None, set[int]]:
        """The official a transcript in this document is by, and the paragraphs of its body.

        "The following is the transcript of the speech delivered by ... Huang Kunming" makes the
        paragraphs after it his words, up to the first paragraph that is not running text (a
        heading, a contact block, a sidebar), which ends the transcript.
        """
        for sentence, refs in zip(scan.sentences, references, strict=True):
            speakers = {ref.key for ref in refs if ref.key}
            if len(speakers) != 1 or not self._announces_transcript(scan.document.text, sentence):
                continue
            body: set[int] = set()
            for paragraph in scan.document.paragraphs:
                if paragraph.number <= sentence.paragraph:
                    continue
                if not _is_prose(paragraph.text):
                    break
                body.add(paragraph.number)
            return next(iter(speakers)), body
        return None, set()

    def _short_titles(
        self, scan: DocumentScan, by_latin: dict[str, str]
    ) -> list[tuple[re.Pattern[str], str]]:
        """Titles that, in this document, stand for one official alone: "the General Secretary"."""
        holders: dict[str, set[str]] = {}
        for finding in scan.titles:
            key = by_latin.get(finding.mention.key)
            if key is None or finding.start >= finding.mention.start:
                continue
            # Only titles written right before the name are short enough to be used alone.
            if scan.document.text[finding.start : finding.mention.start].count(",") == 0:
                holders.setdefault(finding.title.casefold(), set()).add(key)
        # "the General Secretary", not "the General Secretary Xi Jinping" (a full mention).
        return [
            (
                re.compile(r"\b(?i:the|der|die)\s+(?i:" + re.escape(title) + r")\b(?!\s+[A-Z])"),
                next(iter(keys)),
            )
            for title, keys in holders.items()
            if len(keys) == 1
        ]

    def _references(
        self,
        scan: DocumentScan,
        sentence: Sentence,
        by_latin: dict[str, str],
        in_document: dict[str, KnownOfficial],
        short_titles: list[tuple[re.Pattern[str], str]],
    ) -> list[_Reference]:
        """Officials referred to in the sentence by full name, characters or a unique title.

        People who are not officials are returned with an empty key: they still end a run of
        reported speech, and a sentence about them is nobody's statement.
        """
        text = scan.simplified or scan.document.text
        found: list[_Reference] = []
        for mention in scan.mentions:
            if sentence.start <= mention.start < sentence.end and mention.script == "latin":
                found.append(_Reference(by_latin.get(mention.key, ""), mention.start, mention.end))
        for official in in_document.values():
            for name in official.han_names:
                position = text.find(name, sentence.start, sentence.end)
                while position != -1:
                    found.append(_Reference(official.key, position, position + len(name)))
                    position = text.find(name, position + len(name), sentence.end)
        covered = [(ref.start, ref.end) for ref in found]
        for pattern, key in short_titles:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                if not any(s <= match.start() < e for s, e in covered):
                    found.append(_Reference(key, match.start(), match.end()))
        return sorted(found, key=lambda ref: ref.start)

    def _surname_speakers(
        self,
        text: str,
        sentence: Sentence,
        references: list[_Reference],
        in_document: dict[str, KnownOfficial],
        last_speaker_by_surname: dict[str, str],
    ) -> list[str]:
        """Speakers named by their surname alone ("Huang further emphasized ..."), resolved.

        Rule: the surname means the official with that surname who spoke last before it in the
        document; with no earlier speaker, the only official of that surname in the document.
        Otherwise it is ambiguous and nobody is credited.
        """
        speakers: list[str] = []
        for match in WORD.finditer(text, sentence.start, sentence.end):
            word = match.group()
            if not is_surname_shape(word) or any(
                r.start <= match.start() < r.end for r in references
            ):
                continue
            surname = fold(word)
            if surname in self.vocabulary.speech.pronouns:
                continue  # "He said": a pronoun, even where He (何) is a surname
            holders = [o.key for o in in_document.values() if o.surname == surname]
            if not holders:
                continue
            prefix = text[sentence.start : match.start()]
            if re.search(r"[A-Z][\w’'-]*\s+$", prefix) and not self._title_before_words(prefix):
                continue  # "Albert Huang": a Western name, not a surname standing alone
            if re.match(r"\s+[A-Z]", text[match.end() : sentence.end]):
                continue  # part of a longer name
            key = last_speaker_by_surname.get(surname)
            if key is None and len(holders) == 1:
                key = holders[0]
            if key and self._is_speaker(text, sentence, match.start(), match.end()):
                speakers.append(key)
        return speakers

    def _pronoun_speaks(self, text: str, sentence: Sentence) -> bool:
        """Whether a personal pronoun is the subject of a speech verb in ``sentence``."""
        speech = self.vocabulary.speech
        for match in WORD.finditer(text, sentence.start, sentence.end):
            if fold(match.group()) in speech.pronouns and self._is_speaker(
                text, sentence, match.start(), match.end()
            ):
                return True
        for pronoun in speech.zh_pronouns:
            position = text.find(pronoun, sentence.start, sentence.end)
            while position != -1:
                # A pronoun starts its clause: 其他 ("other") holds 他 and is none.
                starts_clause = position == sentence.start or not is_han(text[position - 1])
                if starts_clause and self.is_chinese_speaker(
                    text, position + len(pronoun), sentence.end
                ):
                    return True
                position = text.find(pronoun, position + 1, sentence.end)
        return False

    def _title_before_words(self, prefix: str) -> bool:
        words = [fold(w) for w in WORD.findall(prefix)]
        return bool(words) and self.vocabulary.titles.head_ending_at(words, len(words)) > 0

    def _is_speaker(self, text: str, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the person at ``text[start:end]`` is the subject of a speech verb."""
        if start < len(text) and is_han(text[start]):
            return self.is_chinese_speaker(text, end, sentence.end)
        # "Der Sprecher des Amts, Ma Lin, sagte ...": the name is itself in commas after a title.
        in_commas = re.search(r",\s*$", text[sentence.start : start]) is not None
        if self._speaks_after(text, end, sentence.end, in_commas):
            return not self._is_object(text, sentence.start, start)
        return self._speaks_before(text, sentence.start, start)

    def _speaks_after(self, text: str, position: int, limit: int, in_commas: bool) -> bool:
        """Whether a speech verb follows the name, past a title in commas and a few adverbs."""
        if re.match(r"[’']s\b", text[position:limit]):
            return False  # "Huang Kunming’s speech"
        appositive = re.compile(r"\s*,\s*").match(text, position, limit)
        if appositive:
            appositive_end = clause_end(text, appositive.end(), limit)
            clause = words_in(text, appositive.end(), appositive_end)
            if clause and clause[0].folded in _RELATIVE_PRONOUNS:
                position = clause[0].end  # "Wang Weizhong, who said ..."
            elif self.opens_title(clause) and text[appositive_end : appositive_end + 1] == ",":
                position = appositive_end + 1  # "Ai Xuefeng, director of ..., highlighted ..."
            elif in_commas:
                position = appositive.end()  # "The spokesman, Ma Lin, said ..."
            else:
                return False
        words = words_in(text, position, limit)
        folded = [w.folded for w in words]
        cursor = position
        for index in range(min(len(words), _MAX_ADVERBS + 1)):
            # Only white space may separate the subject, the adverbs and the verb.
            if text[cursor : words[index].start].strip():
                return False
            if self.verb_at(folded, index, contiguous=False):
                return True
            word = folded[index]
            if word not in self.vocabulary.speech.adverbs and not (
                word.endswith("ly") and len(word) > 4
            ):
                return False
            cursor = words[index].end
        return False

    def _speaks_before(self, text: str, sentence_start: int, position: int) -> bool:
        """Whether the verb comes first: "..., said Governor Wang Weizhong", "according to Wang"."""
        words = words_in(text, sentence_start, position)
        end = self.strip_title_words(words)
        folded = [w.folded for w in words]
        speech = self.vocabulary.speech
        if any(tuple(folded[max(0, end - len(p)) : end]) == p for p in speech.attributions):
            return True
        for verb in speech.before_subject:
            size = len(verb)
            if end < size or tuple(folded[end - size : end]) != verb:
                continue
            # The verb follows a quote or a comma: not "The man who said Wang ...".
            before_verb = text[sentence_start : words[end - size].start].rstrip()
            return before_verb.endswith((",", '"', "“", "”", "»", "«", "'", "’"))
        return False

    def _is_object(self, text: str, sentence_start: int, position: int) -> bool:
        """Whether a preposition governs the name: "the speech delivered by Secretary Huang"."""
        words = words_in(text, sentence_start, position)
        end = self.strip_title_words(words)
        return end > 0 and words[end - 1].folded in self.vocabulary.speech.object_markers

    def _is_reported_speech(self, text: str, sentence: Sentence) -> bool:
        """German reported speech (Konjunktiv I: "Ziel sei es, ...") continues the last speaker."""
        markers = self.vocabulary.speech.reported_speech_markers
        return any(w.folded in markers for w in words_in(text, sentence.start, sentence.end))

    def _announces_transcript(self, text: str, sentence: Sentence) -> bool:
        folded = fold(text[sentence.start : sentence.end])
        speech = self.vocabulary.speech
        return any(marker in folded for marker in speech.transcript_markers) and any(
            noun in folded for noun in speech.speech_nouns
        )

    def _long_enough(self, text: str, sentence: Sentence) -> bool:
        body = text[sentence.start : sentence.end]
        han = len(HAN_CHAR.findall(body))
        return han >= _MIN_TRANSCRIPT_HAN or len(WORD.findall(body)) >= _MIN_TRANSCRIPT_WORDS


def _is_prose(paragraph: str) -> bool:
    """Whether a paragraph ends like running text, unlike a heading or a contact block."""
    return paragraph.rstrip().endswith(_SENTENCE_PROSE_END)
