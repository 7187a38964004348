"""Names in Chinese characters and the titles stated for them, by general rules.

- A title, then a name: 省商务厅厅长张劲松称. The title ends with a head of the title vocabulary;
  the name is a surname and one or two characters, ending at punctuation, a speech verb or a
  word that may follow a name (一行, 到, 接受 ...: ``name_followers`` of the vocabulary).
- Titles joined by 、 all belong to the name after the last one: 省贸促会党组书记、会长 + name
  holds both. A bare head in such a list (会长) is public when the whole list is.
- A name, then a public office (习近平总书记), or a name before a speech verb (黄坤明强调): only
  candidates, kept by the directory when their pinyin spells a Latin name of the corpus.

Texts are read in simplified script (``to_simplified`` keeps offsets: traditional and simplified
pages follow the same rules); names and titles are returned as the page writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from retrieval.officials.grammar import Grammar
from retrieval.officials.mentions import NameMention, Sentence
from retrieval.scripts import HAN_RUN, is_han

_NAME_END = set('，,。！？；;：:、 ）)”"」』—')
_LIST_MARK = "、"

TitledName = tuple[NameMention, list[tuple[str, int]]]  # the name, its titles and their offsets


class ChineseNames:
    """Finds names in characters in a sentence of a document's simplified text."""

    def __init__(self, grammar: Grammar) -> None:
        self._grammar = grammar
        self._vocabulary = grammar.vocabulary
        heads = self._vocabulary.titles.zh_heads
        self._heads = re.compile("|".join(map(re.escape, heads))) if heads else None
        self._head_set = frozenset(heads)
        self._followers = self._vocabulary.titles.zh_name_followers

    def titled(self, text: str, original: str, sentence: Sentence) -> Iterable[TitledName]:
        """Names with a title right before them: 省商务厅厅长张劲松 -> 张劲松, [省商务厅厅长]."""
        if self._heads is None:
            return
        for run in HAN_RUN.finditer(text, sentence.start, sentence.end):
            floor = run.start()  # a title starts after the name before it in the run
            for head in self._heads.finditer(text, run.start(), run.end()):
                after = head.end()
                name = self._name_at(text, after, run.end())
                if head.start() < floor or name is None:
                    continue
                start = floor
                if start == run.start():
                    start = self._list_start(text, start, sentence.start)
                start = self._without_leading_words(text, start, after)
                found = self._public_pieces(text, original, start, after)
                if not found:
                    continue
                floor = after + len(name)
                written = original[after:floor]
                yield NameMention(after, floor, written, "han", sentence.paragraph), found

    def before_offices(
        self, text: str, original: str, sentence: Sentence, taken: list[NameMention]
    ) -> Iterable[TitledName]:
        """Candidates: a name right before a public office, 习近平总书记 -> 习近平, [总书记]."""
        if self._heads is None:
            return
        surnames = self._vocabulary.surnames
        titles = self._vocabulary.titles
        for run in HAN_RUN.finditer(text, sentence.start, sentence.end):
            position = run.start()
            while position < run.end():
                if any(m.start <= position < m.end for m in taken):
                    position += 1
                    continue
                found: tuple[int, re.Match[str]] | None = None
                for surname in surnames.longest_character_prefixes(text[position : position + 2]):
                    for given in (2, 1):
                        end = position + len(surname) + given
                        head = self._heads.match(text, end, run.end()) if end < run.end() else None
                        if head is not None and titles.public.holds_office(head.group()):
                            found = end, head
                            break
                    if found:
                        break
                if found is None:
                    position += 1
                    continue
                end, head = found
                mention = NameMention(
                    position, end, original[position:end], "han", sentence.paragraph, False
                )
                yield mention, [(original[head.start() : head.end()], head.start())]
                position = head.end()

    def speaking(
        self, text: str, original: str, sentence: Sentence, taken: list[NameMention]
    ) -> Iterable[NameMention]:
        """Candidates: names right before a speech verb, without a title: 黄坤明强调 ...

        The directory keeps one when its pinyin is the Latin name of someone the corpus names
        (黄坤明 = Huang Kunming), and drops it otherwise.
        """
        surnames = self._vocabulary.surnames
        for run in HAN_RUN.finditer(text, sentence.start, sentence.end):
            position = run.start()
            while position < run.end():
                if any(m.start <= position < m.end for m in taken):
                    position += 1
                    continue
                found = None
                for surname in surnames.longest_character_prefixes(text[position : position + 2]):
                    for given in (2, 1):
                        end = position + len(surname) + given
                        if end <= run.end() and self._grammar.is_chinese_speaker(
                            text, end, sentence.end
                        ):
                            found = end
                            break
                    if found:
                        break
                if found:
                    yield NameMention(
                        position, found, original[position:found], "han", sentence.paragraph, False
                    )
                    position = found
                else:
                    position += 1

    def _name_at(self, text: str, position: int, run_end: int) -> str | None:
        for surname in self._vocabulary.surnames.longest_character_prefixes(
            text[position : position + 2]
        ):
            for given in (2, 1):
                end = position + len(surname) + given
                if end <= run_end and self._ends_name(text, end):
                    return text[position:end]
        return None

    def _ends_name(self, text: str, position: int) -> bool:
        if position >= len(text) or text[position] in _NAME_END or text[position].isspace():
            return True
        following = text[position : position + 4]
        return following.startswith(self._grammar.zh_verbs) or following.startswith(self._followers)

    def _list_start(self, text: str, start: int, limit: int) -> int:
        """Where a list of titles joined by 、 begins, if the run at ``start`` ends one."""
        while start - 1 > limit and text[start - 1] == _LIST_MARK:
            previous = start - 1
            while previous > limit and is_han(text[previous - 1]):
                previous -= 1
            if previous == start - 1 or not text[previous : start - 1].endswith(
                tuple(self._head_set)
            ):
                break
            start = previous
        return start

    def _without_leading_words(self, text: str, start: int, end: int) -> int:
        """Skip words opening the clause before a title: 据省长 ..., 由市长 ..."""
        leading = self._vocabulary.titles.zh_leading_words
        stripped = True
        while stripped:
            stripped = False
            for word in leading:
                if text.startswith(word, start) and end - start > len(word):
                    start += len(word)
                    stripped = True
        return start

    def _public_pieces(
        self, text: str, original: str, start: int, end: int
    ) -> list[tuple[str, int]]:
        """The public titles of ``text[start:end]``, one per item of a 、 list, as written."""
        titles = self._vocabulary.titles
        whole_public = titles.is_public(text[start:end])
        pieces: list[tuple[str, int]] = []
        position = start
        for piece in text[start:end].split(_LIST_MARK):
            if piece and (
                titles.is_public(piece)
                or (whole_public and piece in self._head_set and not titles.not_public(piece))
            ):
                pieces.append((original[position : position + len(piece)], position))
            position += len(piece) + 1
        return pieces
