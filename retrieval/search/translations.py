"""Question words searched in the corpus's other languages, through the dictionaries.

The table (``retrieval.translation``) gives each question word, or run of words (新质生产力,
"new quality productive forces"), the index terms of its translations. Here they become the
question's: each translated run scores its translations as ONE term (a structured query) with
a share of their BM25 below one, so a passage in the asker's language wins a tie; and each word
of the run is held where a passage holds one of the translations. A word the corpus has keeps
its weight; a run the corpus lacks weighs no more than its translations' group (a word with
many senses does not outweigh a precise one).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from retrieval.index import BM25Index
from retrieval.models import Expansion
from retrieval.search.query_words import ResolvedWord
from retrieval.search.synonyms import alternative_terms, used_alternatives
from retrieval.translation import TranslationTable


@dataclass
class FoundTranslations:
    """A question's words after the translation step, with what each run was searched as."""

    words: list[ResolvedWord]
    # First word of each translated run -> the translations' terms, scored as one term.
    groups: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # Every word of a translated run -> the translations that hold it.
    holding: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # Every word of a translated run -> the idf of its translations' group.
    idf: dict[int, float] = field(default_factory=dict)
    # Each run as written, with each translation's terms and dictionary form.
    added: list[tuple[str, list[tuple[tuple[str, ...], str]]]] = field(default_factory=list)

    def used(self, terms: Collection[str]) -> list[Expansion]:
        """The translations whose terms are all among ``terms`` (those of the passages
        returned): what the answer was found through."""
        return used_alternatives(self.added, terms)

    @property
    def reported_terms(self) -> set[str]:
        """The index terms ``used`` looks for among those of the passages returned."""
        return alternative_terms(self.added)


def translate(
    table: TranslationTable,
    index: BM25Index,
    words: Sequence[ResolvedWord],
    naming: Collection[int],
    language: str | None,
    question: str,
    carried: Collection[int] = (),
) -> FoundTranslations:
    """The translations of ``words`` (the people they name keep their own spellings, and the
    acronyms the corpus writes are found in capitals only); ``carried`` are words of a synonym
    run whose weight its first word carries, translated with it ("foreign trade")."""
    eligible = [
        i
        for i, w in enumerate(words)
        if (w.weight > 0 or i in carried)
        and i not in naming
        and not (w.acronym and w.term is not None)
    ]
    found = FoundTranslations(list(words))
    for translation in table.translate([words[i].query for i in eligible], language, question):
        covered = eligible[translation.position : translation.position + translation.length]
        own = tuple(t for t in (words[i].term for i in covered) if t is not None)
        pairs = [
            (members, phrase)
            for members, phrase in zip(translation.members, translation.phrases, strict=True)
            if members and members != own
        ]
        if not pairs:
            continue
        members = tuple(dict.fromkeys(m for m, _ in pairs))
        found.groups[covered[0]] = members
        for position in covered:
            found.holding[position] = members
        found.added.append((translation.source, pairs))
        group_idf = index.group_idf(members)
        for position in covered:
            found.idf[position] = group_idf
            word = found.words[position]
            if word.term is None and group_idf > 0:
                found.words[position] = replace(word, weight=min(word.weight, group_idf))
    return found
