"""What the first pass over a document records: sentences, names and the titles stated for them."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, NamedTuple

from retrieval.chinese_script import to_simplified
from retrieval.folding import compact


class Sentence(NamedTuple):
    """A sentence of the document: ``document.text[start:end]``, in paragraph ``paragraph``
    (0: a line outside the content paragraphs, such as a headline).

    Named tuples, as are mentions and title findings: a large corpus restores millions of
    them from the cache, and a tuple is made in half a frozen dataclass's time."""

    paragraph: int
    start: int
    end: int
    language: str


class NameMention(NamedTuple):
    """A person named in full: "Wang Weizhong" (Latin) or 张劲松 (characters)."""

    start: int
    end: int
    written: str  # canonical spelling: "Wang Weizhong", or the characters as written
    script: Literal["latin", "han"]
    paragraph: int
    titled: bool = True  # False: a name in characters found only before a verb or an office

    @property
    def key(self) -> str:
        """One key per person: the compact Latin name, or the characters in simplified script
        (陳小明 and 陈小明 are one person)."""
        return _person_key(self.written, self.script)


class TitleFinding(NamedTuple):
    """A title the document states for a named person, verbatim, with where it stands."""

    mention: NameMention
    title: str
    start: int
    language: str


@lru_cache(maxsize=65536)
def _person_key(written: str, script: str) -> str:
    # A large corpus names a few thousand people hundreds of thousands of times.
    return compact(written) if script == "latin" else simplified_name(written)


@lru_cache(maxsize=4096)
def simplified_name(characters: str) -> str:
    """A name in characters in simplified script: 陳小明 -> 陈小明."""
    return to_simplified(characters)
