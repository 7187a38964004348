"""Titles stated next to a Latin name, in English and German, by general rules.

- After the name, between commas: "Huang Kunming, secretary of the party committee of ...";
  "X and Y" gives both, a bare office in such a list ("Sprecher und stellvertretender Direktor
  des X-Amts") takes its body from the list; a speech verb or an adjunct ("during a briefing",
  the vocabulary's ``title_ends``) ends the title.
- Before the name: "Governor Wang Weizhong", "Mayor of Shenzhen Qin Wei", "Hongkongs
  Regierungschef ...", or in commas: "Der Sekretär des X-Komitees, Huang Kunming, ...".
- Without a rank: "NAME with the provincial department of commerce" (a public body after
  "with", "of", "from").

A title opens with [article] modifier* head of the title vocabulary and must be a public office
(``TitleVocabulary.is_public``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from retrieval.officials.grammar import ARTICLES, WORD, Grammar, Word, clause_end
from retrieval.officials.mentions import NameMention, Sentence

_CONJUNCTION = re.compile(r"\s+(?:and|und|sowie|as well as)\s+", re.IGNORECASE)
_CONJUNCTION_WORDS = frozenset(("and", "und", "sowie"))
_MAX_TITLE_WORDS = 30
_MAX_OF_PHRASE_WORDS = 10
# Words inside a title placed before a name: "Secretary of the ... Committee Huang Kunming".
_OF_CONNECTORS = frozenset(("of", "the", "for", "and", "des", "der", "von", "für", "und"))
# Words after which a body's name goes on with what it is about: "department of commerce".
_BODY_NAME_ENDS = frozenset(("of", "for", "des", "der", "für"))
_MAX_BODY_PHRASE_WORDS = 15


class LatinTitles(Grammar):
    """The titles a sentence states for a Latin name."""

    def titles_around(
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
            else:
                body = self._body_after(text, words, mention, sentence)
                if body is not None:
                    yield body

    def _body_after(
        self, text: str, words: list[Word], mention: NameMention, sentence: Sentence
    ) -> tuple[str, int] | None:
        """ "NAME with the provincial department of commerce": no rank, but a public body."""
        titles = self.vocabulary.titles
        following = [w for w in words if w.start >= mention.end]
        if (
            len(following) < 2
            or text[mention.end : following[0].start] not in (" ", "\u00a0")
            or following[0].folded not in titles.body_prepositions
        ):
            return None
        phrase = following[1:]
        if phrase[0].folded in ARTICLES:
            phrase = phrase[1:]
        # The body itself, before "of ...": "the heads of departments" names no body.
        name = list(itertools.takewhile(lambda w: w.folded not in _BODY_NAME_ENDS, phrase))
        if not name or not titles.public.names_body(" ".join(w.text for w in name), places=False):
            return None
        start = following[0].start
        end = self._title_end(text, following, clause_end(text, start, sentence.end))
        title = _strip_title(text[start:end])
        if not title or len(title.split()) > _MAX_BODY_PHRASE_WORDS or not titles.is_public(title):
            return None
        return title, start

    def _title_end(self, text: str, words: list[Word], end: int) -> int:
        """Where a title running to ``end`` stops: before a speech verb or a word that ends
        titles ("during a briefing", "when")."""
        inside = [w for w in words if w.end <= end]
        folded = [w.folded for w in inside]
        verb = self.first_speech_verb(inside)
        if verb is not None:
            end = min(end, inside[verb].start)
        for index in range(1, len(inside)):
            if inside[index].start >= end:
                break
            for phrase in self.vocabulary.titles.title_ends:
                if tuple(folded[index : index + len(phrase)]) == phrase:
                    return inside[index].start
        return end

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
        # A speech verb ends the title: "Zhang San, director of the bureau said ...", and so
        # does an adjunct: "..., an official with the X Commission during a briefing".
        end = self._title_end(text, words, end)
        if words[0].folded in ARTICLES:
            start = words[1].start if len(words) > 1 else end
        segment_end = end
        pieces: list[tuple[int, int]] = []
        piece_start = start
        for conjunction in _CONJUNCTION.finditer(text, start, segment_end):
            following = [w for w in words if w.start >= conjunction.end()]
            if following and self.opens_title(following):
                pieces.append((piece_start, conjunction.start()))
                piece_start = conjunction.end()
        pieces.append((piece_start, segment_end))
        titles = self.vocabulary.titles
        # A bare office in a list takes its body from the list: "spokesperson and deputy
        # director of the X Bureau"; nothing is public when the list names a company.
        whole_public = titles.is_public(text[start:segment_end])
        for piece_start, piece_end in pieces:
            title = _strip_title(text[piece_start:piece_end])
            if (
                title
                and len(title.split()) <= _MAX_TITLE_WORDS
                and (
                    titles.is_public(title)
                    or (
                        whole_public
                        and self._is_bare_office(title)
                        and not titles.not_public(title)
                    )
                )
            ):
                offset = piece_start + (
                    len(text[piece_start:piece_end]) - len(text[piece_start:piece_end].lstrip())
                )
                yield title, offset

    def _is_bare_office(self, title: str) -> bool:
        """Whether ``title`` is modifiers and a head only: "Sprecher", "deputy director"."""
        folded = [
            w.folded for w in (Word(m.start(), m.end(), m.group()) for m in WORD.finditer(title))
        ]
        titles = self.vocabulary.titles
        head = titles.head_ending_at(folded, len(folded))
        return head > 0 and all(word in titles.modifiers for word in folded[: len(folded) - head])

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
        # "Redner wie X und der Gouverneur der Provinz Y, NAME, ...": the title after "und".
        joined = [i for i, w in enumerate(segment) if w.folded in _CONJUNCTION_WORDS]
        if segment and not self.opens_title(segment) and joined:
            segment = segment[joined[-1] + 1 :]
        if not segment or len(segment) > 15 or not self.opens_title(segment):
            return None
        if segment[0].folded in ARTICLES:
            segment = segment[1:]
        title = _strip_title(text[segment[0].start : comma])
        if not title or not self.vocabulary.titles.is_public(title):
            return None
        return title, segment[0].start


def _strip_title(title: str) -> str:
    title = title.strip()
    while title and title[-1] in ".,;:—–-":
        title = title[:-1].rstrip()
    return title
