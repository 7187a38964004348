"""An official's titles merged across languages: "Governor" and "Gouverneur" (and 省长) are one
office, listed once, in each language the documents give it.

Two titles merge when they hold the same offices (``equivalents``: the office-equivalents file)
and name no different place: "secretary of the party committee of Shenzhen" and "Sekretär des
Parteikomitees von Shenzhen" merge, "… of Guangdong" stays apart from "… of Shenzhen". A place is
a capitalised word that reads as pinyin ("Guangdong", "Shenzhen"), the same in English and German;
a title without one merges with any. A title holding no office of the file merges only with the
same words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from retrieval.folding import fold
from retrieval.models import OfficialTitle
from retrieval.officials.equivalents import equivalents, title_words
from retrieval.pinyin import pinyin_syllables, reads_as_pinyin
from retrieval.scripts import HAN_RUN, has_han

_PLACE_SYLLABLES = 4  # "Guangdong", "Neimenggu"


@dataclass
class MergedTitle:
    """One office of an official, as each language writes it.

    ``forms`` holds one title per language (the first the documents give), in the order the
    languages first appear; ``titles`` every title merged, for their documents and dates."""

    forms: list[OfficialTitle] = field(default_factory=list)
    titles: list[OfficialTitle] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    offices: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


def title_language(title: str, document_language: str | None) -> str:
    """The language a title is written in: Chinese when it holds characters, else its
    document's language."""
    if has_han(title):
        return "zh"
    return document_language or "en"


def _places(title: str) -> frozenset[str]:
    """Capitalised words of two to four pinyin syllables: one syllable alone ("He", "Die") is
    too often a word of another language."""
    words = (word.strip(".,;:()\"'") for word in HAN_RUN.sub(" ", title).replace("-", " ").split())
    return frozenset(
        fold(word)
        for word in words
        if word[:1].isupper()
        and fold(word) not in pinyin_syllables()
        and reads_as_pinyin(fold(word), _PLACE_SYLLABLES)
    )


def merge_titles(
    titles: Sequence[OfficialTitle], document_languages: Mapping[str, str]
) -> list[MergedTitle]:
    """``titles`` merged by office across languages, in the order of their first title.
    ``document_languages`` maps a document id to its language."""
    table = equivalents()
    merged: list[MergedTitle] = []
    for item in titles:
        offices = frozenset(held.office.id for held in table.held(item.title))
        if not offices:  # no office the file knows: only the same words merge
            offices = frozenset({"=" + " ".join(title_words(item.title))})
        places = _places(item.title)
        language = title_language(item.title, document_languages.get(item.document))
        group = next(
            (
                g
                for g in merged
                if g.offices == offices and (not g.places or not places or g.places == places)
            ),
            None,
        )
        if group is None:
            group = MergedTitle(offices=offices)
            merged.append(group)
        group.places |= places
        group.titles.append(item)
        if language not in group.languages:
            group.languages.append(language)
            group.forms.append(item)
    return merged
